//! The office's corrections of a reading, and the table file they make together.
//!
//! Nothing is guessed silently: a unit's kind and the receiving office are proposed from the
//! names ([`guess_kind`], [`guess_office`]) and shown for the office to change; a group's
//! members come only from the office. The file is checked by reading it back with
//! `Table::from_json`, the app's own reader, so that what is published opens in the app.

use std::collections::BTreeMap;

use gk_core::model::{
    iso_date, AfterUnit, Dataset, Date, Kind, Month, Office, Period, Pillar, Scope, Section, Table,
    Task, TimeDef, TimeReq, TimeRule, Unit, FORMAT, GROUP,
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
    /// The office's kinds of unit, in the unit picker's order; empty: the proposed ones
    /// ([`proposed_kinds`]).
    pub kind_list: Vec<KindDef>,
    /// A first-level heading (a pillar's name) → its short name for chips.
    pub pillar_shorts: BTreeMap<String, String>,
    /// A time requirement as read (its key, [`time_def`]) → as the office publishes it.
    pub times: BTreeMap<String, TimeFix>,
}

/// A kind of unit: its key in the file and the unit picker's heading.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct KindDef {
    pub key: String,
    pub heading: String,
}

/// The office's change to one time requirement: its key (in links), its label (the time
/// filter's option), or that it is no time requirement at all (长期 in 长期坚持的工作).
/// Empty fields mean "as read".
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct TimeFix {
    pub key: String,
    pub label: String,
    pub drop: bool,
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

/// The kinds the reader proposes for a table whose office is `office_short` (区政府办公室 →
/// 区直部门).
pub fn proposed_kinds(office_short: &str) -> Vec<KindDef> {
    let level = office_short
        .chars()
        .next()
        .filter(|l| ['市', '区', '县'].contains(l));
    KINDS
        .iter()
        .map(|(key, heading)| KindDef {
            key: (*key).into(),
            heading: match (*key, level) {
                ("department", Some(l)) => format!("{l}{heading}"),
                ("department", None) => "部门".into(),
                _ => (*heading).into(),
            },
        })
        .collect()
}

/// The kinds in use: the office's, else the proposed ones.
pub fn kinds_of(c: &Corrections, office_short: &str) -> Vec<KindDef> {
    if c.kind_list.is_empty() {
        proposed_kinds(office_short)
    } else {
        c.kind_list.clone()
    }
}

/// A group's short name for a task's label: its name without a closing （单位）
/// (市政府各部门（单位） → 市政府各部门).
pub fn group_short(name: &str) -> Option<String> {
    ["（单位）", "(单位)"]
        .iter()
        .find_map(|end| name.strip_suffix(end))
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

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

/// The table's title: the office's, else the one read.
pub fn title_of(reading: &Reading, c: &Corrections) -> String {
    match c.title.trim() {
        "" => reading.title.clone(),
        t => t.to_string(),
    }
}

/// The receiving office (full name, short name): the office's, else the one the title suggests.
pub fn office_of(reading: &Reading, c: &Corrections) -> (String, String) {
    let guessed = guess_office(&title_of(reading, c));
    (
        first_of(&c.office_name, guessed.as_ref().map(|g| g.0.as_str())),
        first_of(&c.office_short, guessed.as_ref().map(|g| g.1.as_str())),
    )
}

/// The kinds of unit of the draft: the office's, else those proposed for its office's level.
pub fn kinds_for(reading: &Reading, c: &Corrections) -> Vec<KindDef> {
    kinds_of(c, &office_of(reading, c).1)
}

/// A unit's kind key: the office's choice, else the guess from its name.
pub fn unit_kind(c: &Corrections, name: &str) -> String {
    c.kinds
        .get(name)
        .cloned()
        .unwrap_or_else(|| guess_kind(name).to_string())
}

/// The office renames a kind's key: the kind list (the proposed one, if the office had none)
/// and every unit of that kind follow.
pub fn rename_kind(reading: &Reading, c: &mut Corrections, old: &str, new: &str) {
    let mut list = kinds_for(reading, c);
    for d in list.iter_mut().filter(|d| d.key == old) {
        d.key = new.to_string();
    }
    for name in table_names(reading, c) {
        if group_scope(&name).is_none() && unit_kind(c, &name) == old {
            c.kinds.insert(name, new.to_string());
        }
    }
    c.kind_list = list;
}

/// Each task's first-level heading (its pillar): the first of its path, or the title for a
/// table without headings.
fn pillars_of_tasks(reading: &Reading, title: &str) -> Vec<String> {
    let headless = reading.tasks.iter().all(|t| t.path.is_empty());
    reading
        .tasks
        .iter()
        .map(|read| match headless {
            true => title.to_string(),
            false => read.path.first().cloned().unwrap_or_default(),
        })
        .collect()
}

/// The first-level headings (the pillars) of the draft, in order, each with the short name
/// proposed for it.
pub fn pillar_names(reading: &Reading, c: &Corrections) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for name in pillars_of_tasks(reading, &title_of(reading, c)) {
        if !out.iter().any(|(n, _)| *n == name) {
            let short = short_of(&name);
            out.push((name, short));
        }
    }
    out
}

/// The table file, or every problem that stops it.
pub fn publish(reading: &Reading, c: &Corrections) -> Result<Published, Problems> {
    let mut problems = Problems::new();
    let year = c.year.or(reading.year);
    let title = title_of(reading, c);
    if year.is_none() {
        problems.push("请填写年份：标题中没有读到“20XX年”".into());
    }
    let year = year.unwrap_or(2000);
    let id = if c.id.trim().is_empty() {
        format!("table-{year}")
    } else {
        c.id.trim().to_string()
    };
    if !is_key(&id) {
        problems.push(format!(
            "任务表编号“{id}”只能用小写字母、数字和“-”，例如 daiyue-2026"
        ));
    }
    let (office_name, office_short) = office_of(reading, c);
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
                    short: group_short(name),
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
    let kind_list = kinds_of(c, &office_short);
    problems.extend(kind_problems(&kind_list));
    let kind_rank = |k: &str| {
        kind_list
            .iter()
            .position(|d| d.key == k)
            .unwrap_or(kind_list.len())
    };
    units.sort_by_key(|u| {
        if u.is_group() {
            0
        } else {
            1 + kind_rank(&u.kind)
        }
    });
    let kinds: Vec<Kind> = kind_list
        .iter()
        .filter(|d| units.iter().any(|u| u.kind == d.key))
        .map(|d| Kind {
            key: d.key.clone(),
            heading: d.heading.clone(),
        })
        .collect();
    for u in &units {
        if !u.is_group() && !kind_list.iter().any(|d| d.key == u.kind) {
            problems.push(format!("单位“{}”的类别“{}”不在可选类别中", u.name, u.kind));
        }
    }

    // The hierarchy: pillars, sections, items.
    let mut pillars: Vec<Pillar> = Vec::new();
    let mut sections: Vec<Section> = Vec::new();
    let mut tasks: Vec<Task> = Vec::new();
    // Each time requirement with its place in the time filter's order.
    let mut times: Vec<(TimeOrder, TimeDef)> = Vec::new();
    let mut clashes: Vec<String> = Vec::new();
    problems.extend(time_fix_problems(c));
    let pillar_names = pillars_of_tasks(reading, &title);
    for ((i, read), pillar_name) in reading.tasks.iter().enumerate().zip(pillar_names) {
        let pillar = match pillars.iter().position(|p| p.name == pillar_name) {
            Some(p) => pillars[p].id,
            None => {
                let id = pillars.len() as u8 + 1;
                let short = c
                    .pillar_shorts
                    .get(&pillar_name)
                    .map(|s| s.trim().to_string())
                    .filter(|s| !s.is_empty())
                    .unwrap_or_else(|| short_of(&pillar_name));
                pillars.push(Pillar {
                    id,
                    short,
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
            let Some(def) = fixed(time_def(found.ask, year), c) else {
                continue;
            };
            let count = match found.ask {
                Ask::After(_, n) => n,
                _ => None,
            };
            match times.iter().map(|(_, d)| d).find(|d| d.key == def.key) {
                None => times.push((time_order(found.ask, &def), def.clone())),
                Some(other) if *other != def && !clashes.contains(&def.key) => {
                    problems.push(format!(
                        "两个不同的时限要求用了同一编号“{}”：“{}”和“{}”",
                        def.key, other.label, def.label
                    ));
                    clashes.push(def.key.clone());
                }
                Some(_) => {}
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
    times.sort_by_key(|(o, _)| *o);
    let times: Vec<TimeDef> = times.into_iter().map(|(_, d)| d).collect();
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

/// A kind list's mistakes: keys that are not keys, used twice, or `group`; headings left blank.
fn kind_problems(list: &[KindDef]) -> Problems {
    let mut problems = Problems::new();
    for (i, d) in list.iter().enumerate() {
        if !is_key(&d.key) || d.key == GROUP {
            problems.push(format!(
                "类别“{}”的编号“{}”只能用小写字母、数字和“-”（不能是 group）",
                d.heading, d.key
            ));
        } else if list[..i].iter().any(|o| o.key == d.key) {
            problems.push(format!("两个类别用了同一编号“{}”", d.key));
        }
        if d.heading.trim().is_empty() {
            problems.push(format!("类别“{}”还没有名称", d.key));
        }
    }
    problems
}

/// A time fix's key that is not a key.
fn time_fix_problems(c: &Corrections) -> Problems {
    c.times
        .values()
        .filter(|f| !f.drop && !f.key.trim().is_empty() && !is_key(f.key.trim()))
        .map(|f| {
            format!(
                "时限编号“{}”只能用小写字母、数字和“-”，例如 by-june",
                f.key.trim()
            )
        })
        .collect()
}

fn is_key(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '-')
}

/// A time requirement as the office publishes it; `None` when the office says it is none.
pub fn fixed(mut def: TimeDef, c: &Corrections) -> Option<TimeDef> {
    let Some(fix) = c.times.get(&def.key) else {
        return Some(def);
    };
    if fix.drop {
        return None;
    }
    if !fix.key.trim().is_empty() {
        def.key = fix.key.trim().to_string();
    }
    if !fix.label.trim().is_empty() {
        def.label = fix.label.trim().to_string();
    }
    Some(def)
}

/// The time requirements of a reading as read (before the office's changes), in the time
/// filter's order, each with the number of tasks that name it and its first words.
pub fn read_times(reading: &Reading, year: i32) -> Vec<(TimeDef, usize, String)> {
    let mut out: Vec<(TimeDef, usize, String, TimeOrder)> = Vec::new();
    for read in &reading.tasks {
        let mut seen: Vec<String> = Vec::new();
        for found in &read.times {
            let def = time_def(found.ask, year);
            if seen.contains(&def.key) {
                continue;
            }
            seen.push(def.key.clone());
            match out.iter_mut().find(|t| t.0.key == def.key) {
                Some(t) => t.1 += 1,
                None => {
                    let order = time_order(found.ask, &def);
                    out.push((def, 1, found.phrase.clone(), order));
                }
            }
        }
    }
    out.sort_by_key(|t| t.3);
    out.into_iter().map(|(d, n, p, _)| (d, n, p)).collect()
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
                None => {
                    let (key, label) = match month {
                        12 => (format!("by-{y}-end"), format!("{y}年底前")),
                        m => (format!("by-{y}-{m:02}"), format!("{y}年{m}月底前")),
                    };
                    def(key, label, TimeRule::Due(last_day(y, month)))
                }
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
        Ask::EveryDays(n) => def(
            format!("every-{n}-days"),
            format!("每{n}日"),
            TimeRule::Every(Some(period_of_days(n))),
        ),
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

/// The calendar period a cadence of `n` days is checked by: the shortest that holds it (每五日
/// is checked weekly, 每十日 monthly).
fn period_of_days(n: u32) -> Period {
    match n {
        0..=7 => Period::Week,
        8..=31 => Period::Month,
        32..=92 => Period::Quarter,
        _ => Period::Year,
    }
}

type TimeOrder = (u8, Option<Period>, Option<Date>, u32);

/// The time filter's order, from what was read: cadences (shortest period first, a calendar
/// one before N days checked by the same period), 定期 and 持续推进, deadlines by date, then
/// limits after an event (working days, then hours). Ties keep the order of first appearance
/// (the sorts are stable).
fn time_order(ask: Ask, d: &TimeDef) -> TimeOrder {
    let days = match ask {
        Ask::EveryDays(n) => n,
        _ => 0,
    };
    match d.rule {
        TimeRule::Every(Some(p)) => (0, Some(p), None, days),
        TimeRule::Every(None) => (1, None, None, 0),
        TimeRule::Due(day) => (2, None, Some(day), 0),
        TimeRule::After(AfterUnit::WorkingDays) => (3, None, None, 0),
        TimeRule::After(AfterUnit::Hours) => (3, None, None, 1),
    }
}

/// Whom a group binds, in words: for the page's group list.
pub fn scope_words(scope: Scope) -> &'static str {
    match scope {
        Scope::All => "每个成员都要落实",
        Scope::Concerned => "只约束有关成员（可标记不适用）",
    }
}
