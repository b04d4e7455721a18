//! The task table as the app ships it: the schema of `data/tables/taian-2017.json`
//! (documented in `docs/data-format.md`). Written by `gk-import` (derived `Serialize`), read by
//! the app ([`Table::from_json`], field by field from a `serde_json::Value`).

use serde::Serialize;

/// The whole table of one year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Table {
    pub dataset: Dataset,
    pub pillars: Vec<Pillar>,
    pub sections: Vec<Section>,
    pub units: Vec<Unit>,
    pub tasks: Vec<Task>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Dataset {
    /// Stable id, e.g. `taian-2017`; state files name it so that a file of another year is refused.
    pub id: String,
    pub title: String,
}

/// One of the six pillars (以政务公开助力稳增长, …), numbered 1–6 in source order.
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum UnitKind {
    /// A municipal department or unit: its name begins with 市.
    Department,
    /// One of the six county-level divisions (泰山区, …).
    County,
    /// One of the three colleges.
    College,
    /// A central-government branch (人行泰安市中心支行, 泰安银监分局).
    Agency,
    /// A name that stands for several units, e.g. 各县（市、区）.
    Group,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Unit {
    pub name: String,
    pub kind: UnitKind,
    /// For a group: the names of its member units. Empty otherwise.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<String>,
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
    pub tag: TimeTag,
    /// The words of the text it was found in, e.g. `按季度` or `7个工作日内`.
    pub phrase: String,
}

/// The time tags users filter and sort by. The URL key `time` takes the serde name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum TimeTag {
    // Cadences.
    /// 每周.
    Weekly,
    /// 每五日 (grain-buying season).
    FiveDays,
    /// 按月.
    Monthly,
    /// 按季度 / 每季度 / 每季.
    Quarterly,
    /// 每年.
    Yearly,
    /// 定期.
    Regular,
    // Deadlines.
    /// 5月底前: by 2017-05-31.
    #[serde(rename = "by-2017-05")]
    By2017May,
    /// 6月底前: by the end of June, each year.
    #[serde(rename = "by-june")]
    ByJune,
    /// 2017年底前 / 年内: by 2017-12-31.
    #[serde(rename = "by-2017-end")]
    By2017End,
    /// 到2018年: during 2018.
    #[serde(rename = "in-2018")]
    In2018,
    // Relative to an event.
    /// N个工作日内.
    WorkingDays,
    /// 5小时内 / 24小时内 after a major emergency.
    Hours,
}

impl UnitKind {
    pub const ALL: [UnitKind; 5] = [
        UnitKind::Department,
        UnitKind::County,
        UnitKind::College,
        UnitKind::Agency,
        UnitKind::Group,
    ];

    /// The kind's name in the table file.
    pub fn key(self) -> &'static str {
        match self {
            UnitKind::Department => "department",
            UnitKind::County => "county",
            UnitKind::College => "college",
            UnitKind::Agency => "agency",
            UnitKind::Group => "group",
        }
    }

    pub fn from_key(key: &str) -> Option<UnitKind> {
        UnitKind::ALL.into_iter().find(|k| k.key() == key)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeKind {
    Cadence,
    Deadline,
    Relative,
}

impl TimeTag {
    pub const ALL: [TimeTag; 12] = [
        TimeTag::Weekly,
        TimeTag::FiveDays,
        TimeTag::Monthly,
        TimeTag::Quarterly,
        TimeTag::Yearly,
        TimeTag::Regular,
        TimeTag::By2017May,
        TimeTag::ByJune,
        TimeTag::By2017End,
        TimeTag::In2018,
        TimeTag::WorkingDays,
        TimeTag::Hours,
    ];

    pub fn kind(self) -> TimeKind {
        use TimeTag::*;
        match self {
            Weekly | FiveDays | Monthly | Quarterly | Yearly | Regular => TimeKind::Cadence,
            By2017May | ByJune | By2017End | In2018 => TimeKind::Deadline,
            WorkingDays | Hours => TimeKind::Relative,
        }
    }

    /// The tag's name in URLs and files.
    pub fn key(self) -> &'static str {
        use TimeTag::*;
        match self {
            Weekly => "weekly",
            FiveDays => "five-days",
            Monthly => "monthly",
            Quarterly => "quarterly",
            Yearly => "yearly",
            Regular => "regular",
            By2017May => "by-2017-05",
            ByJune => "by-june",
            By2017End => "by-2017-end",
            In2018 => "in-2018",
            WorkingDays => "working-days",
            Hours => "hours",
        }
    }

    pub fn from_key(key: &str) -> Option<TimeTag> {
        TimeTag::ALL.into_iter().find(|t| t.key() == key)
    }

    /// The Chinese label shown to users.
    pub fn label(self) -> &'static str {
        use TimeTag::*;
        match self {
            Weekly => "每周",
            FiveDays => "每五日",
            Monthly => "按月",
            Quarterly => "按季度",
            Yearly => "每年",
            Regular => "定期",
            By2017May => "2017年5月底前",
            ByJune => "每年6月底前",
            By2017End => "2017年底前",
            In2018 => "2018年内",
            WorkingDays => "限定工作日内",
            Hours => "限定小时内",
        }
    }
}

impl Table {
    /// Parses the task-table JSON: a missing `item`, `time` or `members` is empty, unknown
    /// members are ignored, and of a repeated key the last counts. A field that is missing or
    /// of the wrong type is an error naming it (`tasks[3].lead[0]`).
    pub fn from_json(json: &str) -> Result<Table, serde_json::Error> {
        read::table(serde_json::from_str(json)?)
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
}

/// The table read from a [`serde_json::Value`] field by field. The derived deserializers of
/// the model cost about 20 kB in the wasm, and the `Value` reader is there anyway (stored
/// documents and state files are read from a `Value`). The values are moved out, not copied.
mod read {
    use super::*;
    use serde::de::Error as _;
    use serde_json::{Error, Map, Value};

    pub(super) fn table(value: Value) -> Result<Table, Error> {
        let mut f = Fields::new(value, String::new())?;
        Ok(Table {
            dataset: dataset(f.object("dataset")?)?,
            pillars: f.objects("pillars", pillar)?,
            sections: f.objects("sections", section)?,
            units: f.objects("units", unit)?,
            tasks: f.objects("tasks", task)?,
        })
    }

    fn dataset(mut f: Fields) -> Result<Dataset, Error> {
        Ok(Dataset {
            id: f.string("id")?,
            title: f.string("title")?,
        })
    }

    fn pillar(mut f: Fields) -> Result<Pillar, Error> {
        Ok(Pillar {
            id: f.number("id")?,
            name: f.string("name")?,
            short: f.string("short")?,
        })
    }

    fn section(mut f: Fields) -> Result<Section, Error> {
        Ok(Section {
            id: f.string("id")?,
            pillar: f.number("pillar")?,
            name: f.string("name")?,
        })
    }

    fn unit(mut f: Fields) -> Result<Unit, Error> {
        Ok(Unit {
            name: f.string("name")?,
            kind: f.key("kind", "unit kind", UnitKind::from_key)?,
            members: match f.has("members") {
                true => f.strings("members")?,
                false => Vec::new(),
            },
        })
    }

    fn task(mut f: Fields) -> Result<Task, Error> {
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
                true => f.objects("time", time_req)?,
                false => Vec::new(),
            },
        })
    }

    fn time_req(mut f: Fields) -> Result<TimeReq, Error> {
        Ok(TimeReq {
            tag: f.key("tag", "time tag", TimeTag::from_key)?,
            phrase: f.string("phrase")?,
        })
    }

    /// The members of one object of the table, and where it is (`tasks[3]`; empty for the
    /// table itself), for messages.
    struct Fields {
        map: Map<String, Value>,
        at: String,
    }

    impl Fields {
        fn new(value: Value, at: String) -> Result<Fields, Error> {
            match value {
                Value::Object(map) => Ok(Fields { map, at }),
                other => Err(wrong(&at, "an object", &other)),
            }
        }

        /// The path of member `key`, e.g. `tasks[3].lead`.
        fn path(&self, key: &str) -> String {
            match self.at.is_empty() {
                true => key.to_string(),
                false => format!("{}.{key}", self.at),
            }
        }

        fn has(&self, key: &str) -> bool {
            self.map.contains_key(key)
        }

        fn take(&mut self, key: &str) -> Result<Value, Error> {
            self.map
                .remove(key)
                .ok_or_else(|| Error::custom(format!("missing field `{}`", self.path(key))))
        }

        fn string(&mut self, key: &str) -> Result<String, Error> {
            match self.take(key)? {
                Value::String(s) => Ok(s),
                other => Err(wrong(&self.path(key), "a string", &other)),
            }
        }

        /// A pillar number: an integer 0–255.
        fn number(&mut self, key: &str) -> Result<u8, Error> {
            let value = self.take(key)?;
            value
                .as_u64()
                .and_then(|n| u8::try_from(n).ok())
                .ok_or_else(|| wrong(&self.path(key), "an integer from 0 to 255", &value))
        }

        /// A string naming one of a fixed set (`what`), read by `from_key`.
        fn key<T>(
            &mut self,
            key: &str,
            what: &str,
            from_key: fn(&str) -> Option<T>,
        ) -> Result<T, Error> {
            let name = self.string(key)?;
            from_key(&name).ok_or_else(|| {
                Error::custom(format!("`{}`: unknown {what} `{name}`", self.path(key)))
            })
        }

        fn object(&mut self, key: &str) -> Result<Fields, Error> {
            Fields::new(self.take(key)?, self.path(key))
        }

        fn array(&mut self, key: &str) -> Result<Vec<Value>, Error> {
            match self.take(key)? {
                Value::Array(items) => Ok(items),
                other => Err(wrong(&self.path(key), "an array", &other)),
            }
        }

        fn strings(&mut self, key: &str) -> Result<Vec<String>, Error> {
            let items = self.array(key)?;
            let mut out = Vec::with_capacity(items.len());
            for (i, item) in items.into_iter().enumerate() {
                match item {
                    Value::String(s) => out.push(s),
                    other => {
                        return Err(wrong(
                            &format!("{}[{i}]", self.path(key)),
                            "a string",
                            &other,
                        ))
                    }
                }
            }
            Ok(out)
        }

        fn objects<T>(
            &mut self,
            key: &str,
            read: fn(Fields) -> Result<T, Error>,
        ) -> Result<Vec<T>, Error> {
            let items = self.array(key)?;
            let at = self.path(key);
            items
                .into_iter()
                .enumerate()
                .map(|(i, item)| read(Fields::new(item, format!("{at}[{i}]"))?))
                .collect()
        }
    }

    /// `` `tasks[3].pillar` should be an integer from 0 to 255, found a string ``.
    fn wrong(at: &str, expected: &str, found: &Value) -> Error {
        let found = match found {
            Value::Null => "null",
            Value::Bool(_) => "a boolean",
            Value::Number(_) => "a number",
            Value::String(_) => "a string",
            Value::Array(_) => "an array",
            Value::Object(_) => "an object",
        };
        let at = match at.is_empty() {
            true => "the table".to_string(),
            false => format!("`{at}`"),
        };
        Error::custom(format!("{at} should be {expected}, found {found}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn time_tag_keys_round_trip_and_match_serde() {
        for tag in TimeTag::ALL {
            assert_eq!(TimeTag::from_key(tag.key()), Some(tag));
            let json = serde_json::to_string(&tag).unwrap();
            assert_eq!(json, format!("\"{}\"", tag.key()));
        }
        assert_eq!(TimeTag::from_key("每周"), None);
    }

    #[test]
    fn unit_kind_keys_round_trip_and_match_serde() {
        for kind in UnitKind::ALL {
            assert_eq!(UnitKind::from_key(kind.key()), Some(kind));
            let json = serde_json::to_string(&kind).unwrap();
            assert_eq!(json, format!("\"{}\"", kind.key()));
        }
        assert_eq!(UnitKind::from_key("Group"), None);
    }
}
