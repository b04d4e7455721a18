//! The task table as the app ships it: the schema of `data/tables/<id>.json`, format
//! [`FORMAT`] (documented in `docs/data-format.md`). Written by `gk-import` (derived
//! `Serialize`) or by hand, read by the app ([`Table::from_json`], field by field from a
//! `serde_json::Value`, then every name resolved: see [`check`](crate::model::Table::from_json)).
//!
//! Everything a rule needs of a table is here, not in code: its year, the office that receives
//! the units' files, the kinds of unit and their headings, the groups and their scope, and the
//! time requirements with their dates and periods.

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};
use time::Duration;

pub use time::{Date, Month};

/// The version of the table format this build reads and writes.
pub const FORMAT: u64 = 2;

/// The kind of a unit that stands for several units (`members`).
pub const GROUP: &str = "group";

/// The whole table of one year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Table {
    /// Always [`FORMAT`].
    pub format: u64,
    pub dataset: Dataset,
    /// The kinds of (non-group) unit, in the unit picker's order.
    pub kinds: Vec<Kind>,
    /// The time requirements the tasks name, in the time filter's order.
    pub times: Vec<TimeDef>,
    pub pillars: Vec<Pillar>,
    pub sections: Vec<Section>,
    pub units: Vec<Unit>,
    pub tasks: Vec<Task>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Dataset {
    /// Stable id, e.g. `taian-2017`; state files name it so that a file of another table is
    /// refused, and storage keeps each table's records apart by it.
    pub id: String,
    pub title: String,
    /// The table's year: a task without a deadline is due at its end; example dates in messages
    /// use it.
    pub year: i32,
    /// The office that receives the units' files and consolidates them.
    pub office: Office,
}

/// The office that receives the units' files (交…).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Office {
    /// In full, e.g. 泰安市人民政府办公室.
    pub name: String,
    /// As the pages name it, e.g. 市政府办公室.
    pub short: String,
}

/// A kind of unit and the unit picker's heading for it. Kinds that share a heading are listed
/// under it together (e.g. agencies and colleges under 其他单位).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Kind {
    pub key: String,
    pub heading: String,
}

/// One of the table's pillars (以政务公开助力稳增长, …).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Pillar {
    pub id: u8,
    pub name: String,
    /// Short name for chips and narrow screens, e.g. 稳增长.
    pub short: String,
}

/// A section within a pillar, e.g. `1.1` （一）加强预期引导.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Section {
    /// `"P.S"`.
    pub id: String,
    pub pillar: u8,
    pub name: String,
}

/// Whom a group's tasks bind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    /// Every member must act (各县（市、区）, 市政府各部门（单位）).
    All,
    /// Only the members concerned (市政府有关部门（单位）): a member may mark the task 不适用.
    Concerned,
}

impl Scope {
    pub fn key(self) -> &'static str {
        match self {
            Scope::All => "all",
            Scope::Concerned => "concerned",
        }
    }

    pub fn from_key(key: &str) -> Option<Scope> {
        [Scope::All, Scope::Concerned]
            .into_iter()
            .find(|s| s.key() == key)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Unit {
    pub name: String,
    /// A key of [`Table::kinds`], or [`GROUP`].
    pub kind: String,
    /// For a group: the name its tasks' labels use (`责任 · 市政府各部门`); absent: `name`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub short: Option<String>,
    /// For a group: whom its tasks bind.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scope: Option<Scope>,
    /// For a group: the names of its member units. Empty otherwise.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<String>,
}

impl Unit {
    pub fn is_group(&self) -> bool {
        self.kind == GROUP
    }

    /// The name a task's label gives it: [`Unit::short`], or the name.
    pub fn short_name(&self) -> &str {
        self.short.as_deref().unwrap_or(&self.name)
    }
}

/// One row of the table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Task {
    /// `"P.S.N"`, e.g. `1.1.1`.
    pub id: String,
    pub pillar: u8,
    /// Section id `"P.S"`.
    pub section: String,
    /// The numbered item heading (`1.加强……`), or empty.
    pub item: String,
    /// 工作任务及要求. Paragraphs are separated by `\n`.
    pub text: String,
    /// 牵头单位, in source order.
    pub lead: Vec<String>,
    /// 责任单位, in source order, without any unit that is also a lead.
    pub responsible: Vec<String>,
    /// The time requirements found in the text.
    pub time: Vec<TimeReq>,
}

/// A time requirement found in a task's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TimeReq {
    /// A key of [`Table::times`].
    pub tag: String,
    /// The words of the text it was found in, e.g. `按季度` or `7个工作日内`.
    pub phrase: String,
    /// For a response limit: its number (7 of 7个工作日内), when the words give one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub count: Option<u32>,
}

/// One time requirement of the table's vocabulary: the time filter's option (key in links,
/// label in the select and in print) and what it means.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeDef {
    pub key: String,
    pub label: String,
    pub rule: TimeRule,
}

/// What a time requirement asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TimeRule {
    /// Done by this day.
    Due(Date),
    /// Fresh evidence every period; `None` is 定期, which names no period.
    Every(Option<Period>),
    /// Within some working days or hours after an event (no date to supervise).
    After(AfterUnit),
}

/// The calendar period of a cadence: a week (Monday to Sunday), month, quarter or year.
/// Ordered from the shortest to the longest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Period {
    Week,
    Month,
    Quarter,
    Year,
}

/// What a response limit counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AfterUnit {
    WorkingDays,
    Hours,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TimeKind {
    Cadence,
    Deadline,
    Relative,
}

impl Period {
    pub const ALL: [Period; 4] = [Period::Week, Period::Month, Period::Quarter, Period::Year];

    /// The period's name in the table file.
    pub fn key(self) -> &'static str {
        match self {
            Period::Week => "week",
            Period::Month => "month",
            Period::Quarter => "quarter",
            Period::Year => "year",
        }
    }
}

impl Period {
    /// The first day of the period that contains `day`: its Monday, the 1st of its month, the
    /// 1st of its quarter's first month (January, April, July, October), or 1 January.
    pub fn start(self, day: Date) -> Date {
        match self {
            Period::Week => {
                let back = day.weekday().number_days_from_monday();
                day.saturating_sub(Duration::days(i64::from(back)))
            }
            Period::Month => first_of(day.year(), day.month()),
            Period::Quarter => {
                const FIRST: [Month; 4] =
                    [Month::January, Month::April, Month::July, Month::October];
                first_of(day.year(), FIRST[usize::from(day.month() as u8 - 1) / 3])
            }
            Period::Year => first_of(day.year(), Month::January),
        }
    }

    /// The period's name in Chinese, for the due-date column of lists: 每周, 每月, 每季度, 每年.
    pub fn label(self) -> &'static str {
        match self {
            Period::Week => "每周",
            Period::Month => "每月",
            Period::Quarter => "每季度",
            Period::Year => "每年",
        }
    }
}

fn first_of(year: i32, month: Month) -> Date {
    match Date::from_calendar_date(year, month, 1) {
        Ok(date) => date,
        // Every month has a 1st (and `unreachable!` costs the wasm no error formatting).
        Err(_) => unreachable!(),
    }
}

impl AfterUnit {
    pub fn key(self) -> &'static str {
        match self {
            AfterUnit::WorkingDays => "working-days",
            AfterUnit::Hours => "hours",
        }
    }
}

impl TimeRule {
    pub fn kind(self) -> TimeKind {
        match self {
            TimeRule::Due(_) => TimeKind::Deadline,
            TimeRule::Every(_) => TimeKind::Cadence,
            TimeRule::After(_) => TimeKind::Relative,
        }
    }
}

impl TimeDef {
    pub fn kind(&self) -> TimeKind {
        self.rule.kind()
    }
}

/// `{"key", "label", "due": "YYYY-MM-DD" | "every": period or "none" | "after": unit}`.
impl Serialize for TimeDef {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(3))?;
        map.serialize_entry("key", &self.key)?;
        map.serialize_entry("label", &self.label)?;
        match self.rule {
            TimeRule::Due(day) => map.serialize_entry("due", &iso_date(day))?,
            TimeRule::Every(p) => map.serialize_entry("every", p.map_or("none", Period::key))?,
            TimeRule::After(u) => map.serialize_entry("after", u.key())?,
        }
        map.end()
    }
}

/// `YYYY-MM-DD`.
pub fn iso_date(day: Date) -> String {
    format!(
        "{:04}-{:02}-{:02}",
        day.year(),
        day.month() as u8,
        day.day()
    )
}

impl Table {
    /// Parses and checks a task-table file: the format version, every field (a missing
    /// `item`, `time`, `members` is empty; unknown members are ignored; of a repeated key the
    /// last counts) and every name (leads, responsible units, members, kinds, sections, time
    /// tags). The error says, in Chinese, which table, which task or unit, and which field.
    pub fn from_json(json: &str) -> Result<Table, TableError> {
        let value: serde_json::Value =
            serde_json::from_str(json).map_err(|e| TableError::new("", e.to_string()))?;
        let name = read::name_of(&value);
        let table = read::table(value).map_err(|e| TableError::new(&name, e))?;
        check::table(&table).map_err(|e| TableError::new(&name, e))?;
        Ok(table)
    }

    pub fn unit(&self, name: &str) -> Option<&Unit> {
        self.units.iter().find(|u| u.name == name)
    }

    pub fn task(&self, id: &str) -> Option<&Task> {
        self.tasks.iter().find(|t| t.id == id)
    }

    pub fn pillar(&self, id: u8) -> Option<&Pillar> {
        self.pillars.iter().find(|p| p.id == id)
    }

    pub fn section(&self, id: &str) -> Option<&Section> {
        self.sections.iter().find(|s| s.id == id)
    }

    pub fn time_def(&self, key: &str) -> Option<&TimeDef> {
        self.times.iter().find(|t| t.key == key)
    }

    /// The last day of the table's year: the due date of a task without a deadline.
    pub fn year_end(&self) -> Date {
        Date::from_calendar_date(self.dataset.year, time::Month::December, 31).unwrap_or(Date::MAX)
    }
}

/// Why a table file cannot be read: in Chinese, naming the table (its title, else its id) and
/// the place (`任务 1.1.3 的牵头单位`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableError {
    /// The table's title or id as the file gives it; empty when not even that can be read.
    pub table: String,
    pub message: String,
}

impl TableError {
    fn new(table: &str, message: String) -> TableError {
        TableError {
            table: table.to_string(),
            message,
        }
    }
}

impl std::fmt::Display for TableError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.table.is_empty() {
            true => write!(f, "任务表文件无法读取：{}", self.message),
            false => write!(f, "任务表“{}”无法读取：{}", self.table, self.message),
        }
    }
}

impl std::error::Error for TableError {}

/// The table read from a [`serde_json::Value`] field by field. The derived deserializers of
/// the model cost about 20 kB in the wasm, and the `Value` reader is there anyway (stored
/// documents and state files are read from a `Value`). The values are moved out, not copied.
/// Messages are Chinese and name the object by what a person knows it by (`任务 1.1.4`).
mod read {
    use super::*;
    // A `due` day is read as strictly as a link's `asof`: `YYYY-MM-DD`, the day must exist.
    use crate::supervision::parse_as_of;
    use serde_json::{Map, Value};

    type Result<T> = std::result::Result<T, String>;

    /// The table's title, else its id, for messages; empty when the file has neither.
    pub(super) fn name_of(value: &Value) -> String {
        let d = &value["dataset"];
        d["title"]
            .as_str()
            .or(d["id"].as_str())
            .unwrap_or_default()
            .to_string()
    }

    pub(super) fn table(value: Value) -> Result<Table> {
        let mut f = Fields::new(value, String::new())?;
        let format = match f.map.remove("format") {
            None => {
                return Err(format!(
                    "文件没有格式版本（format），可能是旧版任务表文件（版本 1）或不是任务表文件；本系统读取版本 {FORMAT}"
                ))
            }
            Some(v) => v,
        };
        if format.as_u64() != Some(FORMAT) {
            return Err(format!(
                "文件的格式版本为 {format}，本系统只能读取版本 {FORMAT}"
            ));
        }
        Ok(Table {
            format: FORMAT,
            dataset: dataset(f.object("dataset", "数据集信息（dataset）")?)?,
            kinds: f.objects("kinds", |m| label("单位类别", m, "key"), kind)?,
            times: f.objects("times", |m| label("时限", m, "key"), time_def)?,
            pillars: f.objects("pillars", |m| plain("支柱", m, "id"), pillar)?,
            sections: f.objects("sections", |m| plain("分项", m, "id"), section)?,
            units: f.objects("units", |m| label("单位", m, "name"), unit)?,
            tasks: f.objects("tasks", |m| plain("任务", m, "id"), task)?,
        })
    }

    /// `单位“市财政局”`, for an object whose `key` is a string.
    fn label(what: &str, map: &Map<String, Value>, key: &str) -> Option<String> {
        map.get(key)?.as_str().map(|k| format!("{what}“{k}”"))
    }

    /// `任务 1.1.4`, `支柱 2`.
    fn plain(what: &str, map: &Map<String, Value>, key: &str) -> Option<String> {
        match map.get(key)? {
            Value::String(s) => Some(format!("{what} {s}")),
            Value::Number(n) => Some(format!("{what} {n}")),
            _ => None,
        }
    }

    fn dataset(mut f: Fields) -> Result<Dataset> {
        Ok(Dataset {
            id: f.string("id")?,
            title: f.string("title")?,
            year: f.year("year")?,
            office: office(f.object("office", "接收报送文件的单位（dataset.office）")?)?,
        })
    }

    fn office(mut f: Fields) -> Result<Office> {
        Ok(Office {
            name: f.string("name")?,
            short: f.string("short")?,
        })
    }

    fn kind(mut f: Fields) -> Result<Kind> {
        Ok(Kind {
            key: f.string("key")?,
            heading: f.string("heading")?,
        })
    }

    fn time_def(mut f: Fields) -> Result<TimeDef> {
        let key = f.string("key")?;
        let label = f.string("label")?;
        let rule = if f.has("due") {
            let text = f.string("due")?;
            TimeRule::Due(parse_as_of(&text).map_err(|_| {
                format!("{}的日期（due）“{text}”无效，应为 YYYY-MM-DD 的形式", f.at)
            })?)
        } else if f.has("every") {
            let text = f.string("every")?;
            let period = Period::ALL.into_iter().find(|p| p.key() == text);
            match (period, text.as_str()) {
                (Some(p), _) => TimeRule::Every(Some(p)),
                (None, "none") => TimeRule::Every(None),
                _ => {
                    return Err(format!(
                        "{}的周期（every）“{text}”无效，应为 week、month、quarter、year 或 none",
                        f.at
                    ))
                }
            }
        } else if f.has("after") {
            let text = f.string("after")?;
            match text.as_str() {
                "working-days" => TimeRule::After(AfterUnit::WorkingDays),
                "hours" => TimeRule::After(AfterUnit::Hours),
                _ => {
                    return Err(format!(
                        "{}的事后时限（after）“{text}”无效，应为 working-days 或 hours",
                        f.at
                    ))
                }
            }
        } else {
            return Err(format!(
                "{}缺少时限的含义：应有 due（日期）、every（周期）或 after（事后时限）之一",
                f.at
            ));
        };
        Ok(TimeDef { key, label, rule })
    }

    fn pillar(mut f: Fields) -> Result<Pillar> {
        Ok(Pillar {
            id: f.number("id")?,
            name: f.string("name")?,
            short: f.string("short")?,
        })
    }

    fn section(mut f: Fields) -> Result<Section> {
        Ok(Section {
            id: f.string("id")?,
            pillar: f.number("pillar")?,
            name: f.string("name")?,
        })
    }

    fn unit(mut f: Fields) -> Result<Unit> {
        let name = f.string("name")?;
        let kind = f.string("kind")?;
        let short = match f.has("short") {
            true => Some(f.string("short")?),
            false => None,
        };
        let scope = match f.has("scope") {
            true => {
                let text = f.string("scope")?;
                Some(Scope::from_key(&text).ok_or_else(|| {
                    format!(
                        "{}的范围（scope）“{text}”无效，应为 all（全体成员）或 concerned（有关成员）",
                        f.at
                    )
                })?)
            }
            false => None,
        };
        Ok(Unit {
            name,
            kind,
            short,
            scope,
            members: match f.has("members") {
                true => f.strings("members")?,
                false => Vec::new(),
            },
        })
    }

    fn task(mut f: Fields) -> Result<Task> {
        Ok(Task {
            id: f.string("id")?,
            pillar: f.number("pillar")?,
            section: f.string("section")?,
            item: match f.has("item") {
                true => f.string("item")?,
                false => String::new(),
            },
            text: f.string("text")?,
            lead: f.strings("lead")?,
            responsible: f.strings("responsible")?,
            time: match f.has("time") {
                true => f.objects("time", |_| None, time_req)?,
                false => Vec::new(),
            },
        })
    }

    fn time_req(mut f: Fields) -> Result<TimeReq> {
        Ok(TimeReq {
            tag: f.string("tag")?,
            phrase: f.string("phrase")?,
            count: match f.has("count") {
                true => Some(f.count("count")?),
                false => None,
            },
        })
    }

    /// The members of one object of the table, and what it is (`任务 1.1.4`; empty for the
    /// file itself), for messages.
    struct Fields {
        map: Map<String, Value>,
        at: String,
    }

    impl Fields {
        fn new(value: Value, at: String) -> Result<Fields> {
            match value {
                Value::Object(map) => Ok(Fields { map, at }),
                other => Err(format!("{}应为对象，实为{}", place(&at), found(&other))),
            }
        }

        fn has(&self, key: &str) -> bool {
            self.map.contains_key(key)
        }

        fn take(&mut self, key: &str) -> Result<Value> {
            self.map
                .remove(key)
                .ok_or_else(|| format!("{}缺少字段“{key}”", spaced(place(&self.at))))
        }

        fn wrong(&self, key: &str, expected: &str, value: &Value) -> String {
            format!(
                "{}的字段“{key}”应为{expected}，实为{}",
                spaced(place(&self.at)),
                found(value)
            )
        }

        fn string(&mut self, key: &str) -> Result<String> {
            match self.take(key)? {
                Value::String(s) => Ok(s),
                other => Err(self.wrong(key, "字符串", &other)),
            }
        }

        /// A pillar number: an integer 0–255.
        fn number(&mut self, key: &str) -> Result<u8> {
            let value = self.take(key)?;
            value
                .as_u64()
                .and_then(|n| u8::try_from(n).ok())
                .ok_or_else(|| self.wrong(key, " 0 到 255 的整数", &value))
        }

        fn count(&mut self, key: &str) -> Result<u32> {
            let value = self.take(key)?;
            value
                .as_u64()
                .and_then(|n| u32::try_from(n).ok())
                .ok_or_else(|| self.wrong(key, "非负整数", &value))
        }

        fn year(&mut self, key: &str) -> Result<i32> {
            let value = self.take(key)?;
            value
                .as_u64()
                .filter(|y| (1900..=9999).contains(y))
                .map(|y| y as i32)
                .ok_or_else(|| self.wrong(key, "四位数的年份", &value))
        }

        fn object(&mut self, key: &str, at: &str) -> Result<Fields> {
            let value = self.take(key)?;
            Fields::new(value, at.to_string())
        }

        fn array(&mut self, key: &str) -> Result<Vec<Value>> {
            match self.take(key)? {
                Value::Array(items) => Ok(items),
                other => Err(self.wrong(key, "数组", &other)),
            }
        }

        fn strings(&mut self, key: &str) -> Result<Vec<String>> {
            let items = self.array(key)?;
            let mut out = Vec::with_capacity(items.len());
            for (i, item) in items.into_iter().enumerate() {
                match item {
                    Value::String(s) => out.push(s),
                    other => {
                        return Err(format!(
                            "{}的字段“{key}”第 {} 项应为字符串，实为{}",
                            spaced(place(&self.at)),
                            i + 1,
                            found(&other)
                        ))
                    }
                }
            }
            Ok(out)
        }

        /// An array of objects, each read by `read` and named by `name` for messages (else
        /// `key[i]`, or `…的 key 第 N 项` inside an object that has a name).
        fn objects<T>(
            &mut self,
            key: &str,
            name: fn(&Map<String, Value>) -> Option<String>,
            read: fn(Fields) -> Result<T>,
        ) -> Result<Vec<T>> {
            let mut out = Vec::new();
            self.each(key, name, &mut |f| {
                out.push(read(f)?);
                Ok(())
            })?;
            Ok(out)
        }

        /// Each item of the array `key`, in order, as named `Fields` to `f` (the part of
        /// `objects` that is the same for every kind of object, once in the wasm).
        fn each(
            &mut self,
            key: &str,
            name: fn(&Map<String, Value>) -> Option<String>,
            f: &mut dyn FnMut(Fields) -> Result<()>,
        ) -> Result<()> {
            let items = self.array(key)?;
            for (i, item) in items.into_iter().enumerate() {
                f(self.item(key, i, item, name)?)?;
            }
            Ok(())
        }

        /// Item `i` of the array `key` as an object, named for messages (`objects`; not
        /// generic, so that each kind of object shares it).
        fn item(
            &self,
            key: &str,
            i: usize,
            item: Value,
            name: fn(&Map<String, Value>) -> Option<String>,
        ) -> Result<Fields> {
            let at = match &item {
                Value::Object(map) => name(map),
                _ => None,
            };
            let at = at.unwrap_or_else(|| match self.at.is_empty() {
                true => format!("{key}[{i}]"),
                false => format!("{}的“{key}”第 {} 项", spaced(&self.at), i + 1),
            });
            Fields::new(item, at)
        }
    }

    /// `任务 1.1.4 ` before a Chinese word, as the pages write a number in a sentence.
    fn spaced(at: &str) -> String {
        match at.chars().last() {
            Some(c) if c.is_ascii_alphanumeric() => format!("{at} "),
            _ => at.to_string(),
        }
    }

    fn place(at: &str) -> &str {
        match at.is_empty() {
            true => "文件",
            false => at,
        }
    }

    fn found(value: &Value) -> &'static str {
        match value {
            Value::Null => " null",
            Value::Bool(_) => "布尔值",
            Value::Number(_) => "数字",
            Value::String(_) => "字符串",
            Value::Array(_) => "数组",
            Value::Object(_) => "对象",
        }
    }
}

/// Every name of a table read whole resolves, and every id is used once: what the app's rules
/// rely on. The first problem found is the message.
mod check {
    use super::*;
    use std::collections::HashMap;

    /// Names seen, with a value: one map type for every set of the check, the one the index
    /// uses too (`filter::Index`), so that the wasm has one copy of its code.
    type Names = HashMap<String, usize>;

    /// The most time requirements a table may have: the filter keeps them as bits of a `u64`.
    pub const MAX_TIMES: usize = 64;

    pub(super) fn table(t: &Table) -> Result<(), String> {
        let mut kinds = Names::new();
        for k in &t.kinds {
            if k.key == GROUP {
                return Err(format!("单位类别不能叫“{GROUP}”：它是单位组的类别"));
            }
            if kinds.insert(k.key.clone(), 0).is_some() {
                return Err(format!("单位类别“{}”重复", k.key));
            }
        }
        let mut times = Names::new();
        for d in &t.times {
            if times.insert(d.key.clone(), 0).is_some() {
                return Err(format!("时限“{}”重复", d.key));
            }
        }
        if t.times.len() > MAX_TIMES {
            return Err(format!("时限超过 {MAX_TIMES} 种"));
        }
        let mut pillars = [false; 256];
        for p in &t.pillars {
            if std::mem::replace(&mut pillars[usize::from(p.id)], true) {
                return Err(format!("支柱 {} 重复", p.id));
            }
        }
        let mut sections = Names::new();
        for s in &t.sections {
            if !pillars[usize::from(s.pillar)] {
                return Err(format!("分项 {} 的支柱 {} 不在 pillars 中", s.id, s.pillar));
            }
            if sections
                .insert(s.id.clone(), usize::from(s.pillar))
                .is_some()
            {
                return Err(format!("分项 {} 重复", s.id));
            }
        }
        let mut units = Names::new();
        for (i, u) in t.units.iter().enumerate() {
            if units.insert(u.name.clone(), i).is_some() {
                return Err(format!("单位“{}”重复", u.name));
            }
        }
        for u in &t.units {
            if u.is_group() {
                if u.scope.is_none() {
                    return Err(format!(
                        "单位组“{}”缺少字段“scope”（all：全体成员都要落实；concerned：只有有关成员落实）",
                        u.name
                    ));
                }
                if u.members.is_empty() {
                    return Err(format!("单位组“{}”没有成员（members）", u.name));
                }
                for m in &u.members {
                    match units.get(m.as_str()).map(|&i| &t.units[i]) {
                        None => {
                            return Err(format!(
                                "单位组“{}”的成员“{m}”不在单位列表（units）中",
                                u.name
                            ))
                        }
                        Some(member) if member.is_group() => {
                            return Err(format!("单位组“{}”的成员“{m}”本身是单位组", u.name))
                        }
                        Some(_) => {}
                    }
                }
            } else {
                if !kinds.contains_key(u.kind.as_str()) {
                    return Err(format!(
                        "单位“{}”的类别“{}”不在单位类别（kinds）中",
                        u.name, u.kind
                    ));
                }
                if !u.members.is_empty() || u.scope.is_some() {
                    return Err(format!(
                        "单位“{}”不是单位组（kind 不是 {GROUP}），却有成员或范围",
                        u.name
                    ));
                }
            }
        }
        let mut tasks = Names::new();
        for task in &t.tasks {
            let id = &task.id;
            if tasks.insert(id.clone(), 0).is_some() {
                return Err(format!("任务 {id} 重复"));
            }
            if !pillars[usize::from(task.pillar)] {
                return Err(format!("任务 {id} 的支柱 {} 不在 pillars 中", task.pillar));
            }
            match sections.get(task.section.as_str()) {
                None => {
                    return Err(format!(
                        "任务 {id} 的分项“{}”不在 sections 中",
                        task.section
                    ))
                }
                Some(&p) if p != usize::from(task.pillar) => {
                    return Err(format!(
                        "任务 {id} 的分项 {} 不属于支柱 {}",
                        task.section, task.pillar
                    ))
                }
                Some(_) => {}
            }
            if task.lead.is_empty() {
                return Err(format!("任务 {id} 没有牵头单位（lead）"));
            }
            for (field, names) in [("牵头单位", &task.lead), ("责任单位", &task.responsible)]
            {
                for name in names {
                    if !units.contains_key(name.as_str()) {
                        return Err(format!(
                            "任务 {id} 的{field}“{name}”不在单位列表（units）中"
                        ));
                    }
                }
            }
            for req in &task.time {
                if !times.contains_key(req.tag.as_str()) {
                    return Err(format!(
                        "任务 {id} 的时限“{}”（{}）不在时限列表（times）中",
                        req.tag, req.phrase
                    ));
                }
            }
        }
        Ok(())
    }
}
