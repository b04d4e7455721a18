//! The office's corrections of a reading, and the table file they make together.
//!
//! Nothing is guessed silently: a unit's kind and the receiving office are proposed from the
//! names ([`guess_kind`], [`guess_office`]) and shown for the office to change; a group's
//! members come only from the office. The file is checked by reading it back with
//! `Table::from_json`, the app's own reader, so that what is published opens in the app.

use std::collections::BTreeMap;

use gk_core::model::{
    iso_date, Dataset, Date, Kind, Month, Office, Period, Pillar, Scope, Section, Table, Task,
    TimeDef, TimeReq, TimeRule, Unit, FORMAT, GROUP,
};
use serde::{Deserialize, Serialize};

use crate::reading::Reading;
use crate::times::{AfterUnitKey, Ask};
use crate::units::group_scope;

/// What the office changed or added. Every field is optional: empty means "as read".
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Corrections {
    pub id: String,
    pub title: String,
    pub year: Option<i32>,
    pub office_name: String,
    pub office_short: String,
    /// A name as read → its name in the table. Two names given the same new name are merged
    /// into one unit.
    pub renames: BTreeMap<String, String>,
    /// A unit's name (in the table) → its kind key (`department`, `county`, `town`, `office`,
    /// `other`).
    pub kinds: BTreeMap<String, String>,
    /// A group's name (in the table) → its members' names.
    pub members: BTreeMap<String, Vec<String>>,
    /// A task (its index in the reading) → its leads and responsible units, as corrected.
    pub tasks: BTreeMap<usize, (Vec<String>, Vec<String>)>,
}

/// The kinds of unit the reader proposes, with their picker headings. `department`'s heading
/// names the office's level (区直部门, 县直部门, 市直部门).
pub const KINDS: [(&str, &str); 5] = [
    ("department", "直部门"),
    ("county", "县（市、区）"),
    ("town", "镇（街道）"),
    ("office", "科室"),
    ("other", "其他单位"),
];

/// A kind for a unit's name, from how it ends and begins.
pub fn guess_kind(name: &str) -> &'static str {
    let ends = |w: &[&str]| w.iter().any(|x| name.ends_with(x));
    let chars = name.chars().count();
    if ends(&["镇", "乡", "街道", "街道办事处", "办事处"]) {
        return "town";
    }
    if ends(&["科", "室", "股", "所", "中队", "办"])
        && chars <= 6
        && !name.starts_with(['市', '区', '县'])
    {
        return "office";
    }
    if ends(&["区", "县", "市", "旗"]) && chars <= 5 {
        return "county";
    }
    if name.starts_with(['市', '区', '县']) {
        return "department";
    }
    "other"
}

/// The receiving office a title suggests: `2026年岱岳区政务公开…` → 岱岳区人民政府办公室
/// (区政府办公室). `None` when the title names no county, district or city.
pub fn guess_office(title: &str) -> Option<(String, String)> {
    let after_year = title.split_once('年').map_or(title, |(_, r)| r);
    let place = after_year.split("政务公开").next()?.trim_end_matches("度");
    let level = place.chars().next_back()?;
    matches!(level, '市' | '区' | '县').then(|| {
        (
            format!("{place}人民政府办公室"),
            format!("{level}政府办公室"),
        )
    })
}

/// What stops a reading from becoming a table file, each in the office's words.
pub type Problems = Vec<String>;

/// The table file of a reading with its corrections: the table, its JSON (as `gk-import`
/// writes it: pretty, with a trailing newline), and the line for the deployment's
/// `tables/tables.json`.
#[derive(Debug, Clone, PartialEq)]
pub struct Published {
    pub table: Table,
    pub json: String,
    pub list_line: String,
}

/// The names of the table after renames: each task's (lead, responsible).
pub fn task_units(reading: &Reading, c: &Corrections) -> Vec<(Vec<String>, Vec<String>)> {
    let rename = |n: &String| c.renames.get(n).cloned().unwrap_or_else(|| n.clone());
    reading
        .tasks
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let (lead, resp) = c
                .tasks
                .get(&i)
                .cloned()
                .unwrap_or_else(|| (t.lead.clone(), t.responsible.clone()));
            let mut lead_out: Vec<String> = Vec::new();
            for n in lead.iter().map(rename).filter(|n| !n.is_empty()) {
                if !lead_out.contains(&n) {
                    lead_out.push(n);
                }
            }
            let mut resp_out: Vec<String> = Vec::new();
            for n in resp.iter().map(rename).filter(|n| !n.is_empty()) {
                if !lead_out.contains(&n) && !resp_out.contains(&n) {
                    resp_out.push(n);
                }
            }
            (lead_out, resp_out)
        })
        .collect()
}

/// Every name of the table after renames (and the groups' members), in order of first mention.
pub fn table_names(reading: &Reading, c: &Corrections) -> Vec<String> {
    fn add(names: &mut Vec<String>, n: &String) {
        if !names.contains(n) {
            names.push(n.clone());
        }
    }
    let mut names: Vec<String> = Vec::new();
    for (lead, resp) in task_units(reading, c) {
        lead.iter().chain(&resp).for_each(|n| add(&mut names, n));
    }
    let groups: Vec<String> = names
        .iter()
        .filter(|n| group_scope(n).is_some())
        .cloned()
        .collect();
    for group in groups {
        for m in c.members.get(&group).into_iter().flatten() {
            add(&mut names, m);
        }
    }
    names
}

/// The table file, or every problem that stops it.
pub fn publish(reading: &Reading, c: &Corrections) -> Result<Published, Problems> {
    let mut problems = Problems::new();
    let year = c.year.or(reading.year);
    let title = if c.title.trim().is_empty() {
        reading.title.clone()
    } else {
        c.title.trim().to_string()
    };
    if year.is_none() {
        problems.push("请填写年份：标题中没有读到“20XX年”".into());
    }
    let year = year.unwrap_or(2000);
    let id = if c.id.trim().is_empty() {
        format!("table-{year}")
    } else {
        c.id.trim().to_string()
    };
    if !id
        .chars()
        .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '-')
    {
        problems.push(format!(
            "任务表编号“{id}”只能用小写字母、数字和“-”，例如 daiyue-2026"
        ));
    }
    let guessed = guess_office(&title);
    let office_name = first_of(&c.office_name, guessed.as_ref().map(|g| g.0.as_str()));
    let office_short = first_of(&c.office_short, guessed.as_ref().map(|g| g.1.as_str()));
    if office_name.is_empty() || office_short.is_empty() {
        problems.push("请填写接收报送文件的单位（全称和简称）".into());
    }
    let units_of = task_units(reading, c);
    let names = table_names(reading, c);
    let mut units = Vec::new();
    for name in &names {
        match group_scope(name) {
            Some(scope) => {
                let members = c.members.get(name).cloned().unwrap_or_default();
                if members.is_empty() {
                    problems.push(format!("单位组“{name}”还没有成员：请粘贴它包含的单位名单"));
                }
                for m in &members {
                    if group_scope(m).is_some() {
                        problems.push(format!("单位组“{name}”的成员“{m}”本身是单位组"));
                    }
                }
                units.push(Unit {
                    name: name.clone(),
                    kind: GROUP.into(),
                    short: None,
                    scope: Some(scope),
                    members,
                });
            }
            None => units.push(Unit {
                name: name.clone(),
                kind: c
                    .kinds
                    .get(name)
                    .cloned()
                    .unwrap_or_else(|| guess_kind(name).into()),
                short: None,
                scope: None,
                members: Vec::new(),
            }),
        }
    }
    // Groups first, then the other units by kind, each in order of first mention.
    let kind_rank = |k: &str| {
        KINDS
            .iter()
            .position(|(key, _)| *key == k)
            .unwrap_or(KINDS.len())
    };
    units.sort_by_key(|u| {
        if u.is_group() {
            0
        } else {
            1 + kind_rank(&u.kind)
        }
    });
    let level = office_short
        .chars()
        .next()
        .filter(|l| ['市', '区', '县'].contains(l));
    let kinds: Vec<Kind> = KINDS
        .iter()
        .filter(|(key, _)| units.iter().any(|u| u.kind == *key))
        .map(|(key, heading)| Kind {
            key: (*key).into(),
            heading: match (*key, level) {
                ("department", Some(l)) => format!("{l}{heading}"),
                ("department", None) => "部门".into(),
                _ => (*heading).into(),
            },
        })
        .collect();
    for u in &units {
        if !u.is_group() && !KINDS.iter().any(|(k, _)| *k == u.kind) {
            problems.push(format!("单位“{}”的类别“{}”不在可选类别中", u.name, u.kind));
        }
    }

    // The hierarchy: pillars, sections, items.
    let depth = reading
        .tasks
        .iter()
        .map(|t| t.path.len())
        .max()
        .unwrap_or(0);
    let mut pillars: Vec<Pillar> = Vec::new();
    let mut sections: Vec<Section> = Vec::new();
    let mut tasks: Vec<Task> = Vec::new();
    let mut times: Vec<TimeDef> = Vec::new();
    for (i, read) in reading.tasks.iter().enumerate() {
        let pillar_name = match depth {
            0 => title.clone(),
            _ => read.path.first().cloned().unwrap_or_default(),
        };
        let pillar = match pillars.iter().position(|p| p.name == pillar_name) {
            Some(p) => pillars[p].id,
            None => {
                let id = pillars.len() as u8 + 1;
                pillars.push(Pillar {
                    id,
                    short: short_of(&pillar_name),
                    name: pillar_name,
                });
                id
            }
        };
        let section_name = read.path.get(1).cloned().unwrap_or_default();
        let section = match sections
            .iter()
            .find(|s| s.pillar == pillar && s.name == section_name)
        {
            Some(s) => s.id.clone(),
            None => {
                let n = sections.iter().filter(|s| s.pillar == pillar).count() + 1;
                let id = format!("{pillar}.{n}");
                sections.push(Section {
                    id: id.clone(),
                    pillar,
                    name: section_name,
                });
                id
            }
        };
        let n = tasks.iter().filter(|t| t.section == section).count() + 1;
        let id = format!("{section}.{n}");
        let (lead, responsible) = units_of[i].clone();
        if lead.is_empty() {
            problems.push(format!("任务 {id}（{}）没有牵头单位", read.place));
        }
        let mut time = Vec::new();
        for found in &read.times {
            let def = time_def(found.ask, year);
            let count = match found.ask {
                Ask::After(_, n) => n,
                _ => None,
            };
            if !times.iter().any(|d| d.key == def.key) {
                times.push(def.clone());
            }
            if !time.iter().any(|t: &TimeReq| t.tag == def.key) {
                time.push(TimeReq {
                    tag: def.key,
                    phrase: found.phrase.clone(),
                    count,
                });
            }
        }
        tasks.push(Task {
            id,
            pillar,
            section,
            item: read
                .path
                .get(2..)
                .map(|rest| rest.join(" "))
                .unwrap_or_default(),
            text: read.text.clone(),
            lead,
            responsible,
            time,
        });
    }
    times.sort_by_key(time_order);
    if tasks.is_empty() {
        problems.push("没有读到任何任务".into());
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let table = Table {
        format: FORMAT,
        dataset: Dataset {
            id: id.clone(),
            title: title.clone(),
            year,
            office: Office {
                name: office_name,
                short: office_short,
            },
        },
        kinds,
        times,
        pillars,
        sections,
        units,
        tasks,
    };
    let mut json = serde_json::to_string_pretty(&table).expect("the model always serializes");
    json.push('\n');
    // The app's own reader must open it, and read back the same table.
    match Table::from_json(&json) {
        Ok(back) if back == table => {}
        Ok(_) => {
            return Err(vec![
                "生成的任务表读回后与原表不一致（程序错误），请把原文件发给开发人员".into(),
            ])
        }
        Err(e) => return Err(vec![e.to_string()]),
    }
    let list_line =
        serde_json::json!({"id": id, "file": format!("{id}.json"), "title": title}).to_string();
    Ok(Published {
        table,
        json,
        list_line,
    })
}

fn first_of(given: &str, guess: Option<&str>) -> String {
    match given.trim() {
        "" => guess.unwrap_or("").to_string(),
        g => g.to_string(),
    }
}

/// A pillar's short name for chips: its name without the numbering, at most eight characters.
fn short_of(name: &str) -> String {
    let plain =
        name.trim_start_matches(|c: char| "一二三四五六七八九十0123456789（）()、.． ".contains(c));
    let plain = if plain.is_empty() { name } else { plain };
    plain.chars().take(8).collect()
}

fn last_day(year: i32, month: u8) -> Date {
    let month = Month::try_from(month).unwrap_or(Month::December);
    let first_next = match month {
        Month::December => Date::from_calendar_date(year + 1, Month::January, 1),
        m => Date::from_calendar_date(year, m.next(), 1),
    };
    first_next
        .ok()
        .and_then(|d| d.previous_day())
        .unwrap_or(Date::MAX)
}

/// The time requirement of an ask, in the table of `year`.
pub fn time_def(ask: Ask, table_year: i32) -> TimeDef {
    let def = |key: String, label: String, rule| TimeDef { key, label, rule };
    match ask {
        Ask::Due { year, month, day } => {
            let y = year.unwrap_or(table_year);
            match day {
                None => def(
                    format!("by-{y}-{month:02}"),
                    match month {
                        12 => format!("{y}年底前"),
                        m => format!("{y}年{m}月底前"),
                    },
                    TimeRule::Due(last_day(y, month)),
                ),
                Some(d) => {
                    let date = Month::try_from(month)
                        .ok()
                        .and_then(|m| Date::from_calendar_date(y, m, d).ok())
                        .unwrap_or_else(|| last_day(y, month));
                    def(
                        format!("by-{}", iso_date(date)),
                        format!("{y}年{month}月{}日前", date.day()),
                        TimeRule::Due(date),
                    )
                }
            }
        }
        Ask::Every(Some(p)) => {
            let key = match p {
                Period::Week => "weekly",
                Period::Month => "monthly",
                Period::Quarter => "quarterly",
                Period::Year => "yearly",
            };
            def(key.into(), p.label().into(), TimeRule::Every(Some(p)))
        }
        Ask::Every(None) => def("regular".into(), "定期".into(), TimeRule::Every(None)),
        Ask::Ongoing => def("ongoing".into(), "持续推进".into(), TimeRule::Every(None)),
        Ask::After(unit, _) => match unit {
            AfterUnitKey::WorkingDays => def(
                "working-days".into(),
                "限定工作日内".into(),
                TimeRule::After(unit.unit()),
            ),
            AfterUnitKey::Hours => def(
                "hours".into(),
                "限定小时内".into(),
                TimeRule::After(unit.unit()),
            ),
        },
    }
}

/// The time filter's order: cadences (shortest first), 定期, 持续推进, deadlines by date, then
/// limits after an event.
fn time_order(d: &TimeDef) -> (u8, Option<Period>, Option<Date>, String) {
    match d.rule {
        TimeRule::Every(Some(p)) => (0, Some(p), None, String::new()),
        TimeRule::Every(None) => (1, None, None, d.key.clone()),
        TimeRule::Due(day) => (2, None, Some(day), String::new()),
        TimeRule::After(_) => (3, None, None, d.key.clone()),
    }
}

/// Whom a group binds, in words: for the page's group list.
pub fn scope_words(scope: Scope) -> &'static str {
    match scope {
        Scope::All => "每个成员都要落实",
        Scope::Concerned => "只约束有关成员（可标记不适用）",
    }
}
