//! 催办 (dunning): what the municipal office chases a unit for on an as-of day, its overdue
//! (逾期) and stale (待更新) tasks, as the office page lists them, prints them as a
//! 催办通知单 and exports them as CSV; and the order of units by those counts for the 汇总
//! matrix. The lights themselves are [`crate::supervision`]'s.

use std::cmp::Reverse;

use crate::checklist::Checklists;
use crate::csv::{row, safe_note, BOM};
use crate::model::{Table, Task};
use crate::supervision::{
    chinese_date, lights, period, period_of, Date, Light, LightCounts, Period, Schedule,
};

/// A light the office chases: 逾期 or 待更新.
pub fn is_chased(light: Light) -> bool {
    matches!(light, Light::Overdue | Light::Stale)
}

/// One line of a unit's 催办 list: the task (an index into `Table::tasks`) and its light.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row {
    pub task: usize,
    pub light: Light,
}

/// A unit's overdue and stale tasks on the as-of day, in the order of `tasks_of_unit`:
/// indices into `table.tasks` in source order, as `Index::tasks_of` gives them (one out of
/// range is skipped).
pub fn rows(
    table: &Table,
    checklists: &Checklists,
    unit: &str,
    tasks_of_unit: &[usize],
    day: Date,
) -> Vec<Row> {
    lights(table, checklists, unit, tasks_of_unit, day)
        .filter(|&(_, light)| is_chased(light))
        .map(|(task, light)| Row { task, light })
        .collect()
}

/// What a chased task failed to meet: its period when it is stale, else its due date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Term {
    Period(Period),
    Due(Date),
}

/// The [`Term`] of a task with `light`.
pub fn term_of(table: &Table, task: &Task, light: Light) -> Term {
    match (light, period(table, task)) {
        (Light::Stale, Some(p)) => Term::Period(p),
        _ => Term::Due(Schedule::of(table, task).due),
    }
}

/// The 时限 column as text: for an overdue task its due date (2017年6月30日), for a stale one
/// its cadence in the task's own words ([`period_words`]: 每五日, 按月).
pub fn term(table: &Table, task: &Task, light: Light) -> String {
    match term_of(table, task, light) {
        Term::Period(p) => period_words(table, task, p),
        Term::Due(day) => chinese_date(day),
    }
}

/// A task's cadence of `period` as its words name it: the phrase of its first time requirement
/// of that period (Tai'an's 2.3.1 says 每五日, which is checked weekly, and 4.2.6 每季度), else
/// the period's name (每周).
pub fn period_words(table: &Table, task: &Task, period: Period) -> String {
    task.time
        .iter()
        .find(|r| period_of(table, &r.tag) == Some(period))
        .map_or_else(|| period.label().to_string(), |r| r.phrase.clone())
}

/// The unit's note (备注) on the task, empty without one.
pub fn note<'a>(checklists: &'a Checklists, unit: &str, task: &Task) -> &'a str {
    checklists
        .get(unit, &task.id)
        .map_or("", |e| e.note.as_str())
}

/// The header row of the 催办 CSV.
pub const HEADER: [&str; 7] = [
    "单位",
    "编号",
    "工作任务及要求",
    "时限",
    "督办",
    "备注",
    "截至日期",
];

/// One unit's part of the 催办 list: what it is chased for, and whether it has reported
/// (sent anything at all).
#[derive(Debug, Clone, Copy)]
pub struct Chased<'a> {
    pub unit: &'a str,
    pub rows: &'a [Row],
    pub reported: bool,
}

/// The 督办 word of a unit that has sent nothing, in the CSV's line for it.
pub const UNREPORTED: &str = "未报送";

/// The 催办 list as CSV for Excel and WPS, units in the order given: a unit that has not
/// reported gets a line that says so (督办 未报送, before its tasks), then one line per task
/// chased ([`rows`]), as [`crate::csv`] writes it: BOM, CRLF, RFC 4180 quoting, a note that
/// looks like a formula made text. 截至日期 is `YYYY-MM-DD`.
pub fn csv(table: &Table, checklists: &Checklists, lists: &[Chased], day: Date) -> String {
    let as_of = crate::supervision::format_as_of(day);
    let mut out = String::new();
    out.push(BOM);
    row(&mut out, &HEADER);
    for list in lists {
        if !list.reported {
            row(
                &mut out,
                &[
                    list.unit,
                    "",
                    "尚未报送本单位的报送文件（没有该单位的任何记录）",
                    "",
                    UNREPORTED,
                    "",
                    &as_of,
                ],
            );
        }
        for r in list.rows {
            let Some(task) = table.tasks.get(r.task) else {
                continue;
            };
            let note = safe_note(note(checklists, list.unit, task));
            row(
                &mut out,
                &[
                    list.unit,
                    &task.id,
                    &task.text,
                    &term(table, task, r.light),
                    r.light.label(),
                    &note,
                    &as_of,
                ],
            );
        }
    }
    out
}

/// The orders of the 汇总 matrix's units: as the table lists them, or most 逾期 (or most
/// 待更新) first.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum UnitOrder {
    #[default]
    Table,
    Overdue,
    Stale,
}

impl UnitOrder {
    pub const ALL: [UnitOrder; 3] = [UnitOrder::Table, UnitOrder::Overdue, UnitOrder::Stale];

    /// The value of its option in the sort select.
    pub fn key(self) -> &'static str {
        match self {
            UnitOrder::Table => "table",
            UnitOrder::Overdue => "overdue",
            UnitOrder::Stale => "stale",
        }
    }

    pub fn from_key(key: &str) -> Option<UnitOrder> {
        UnitOrder::ALL.into_iter().find(|o| o.key() == key)
    }

    pub fn label(self) -> &'static str {
        match self {
            UnitOrder::Table => "按单位顺序",
            UnitOrder::Overdue => "逾期多的在前",
            UnitOrder::Stale => "待更新多的在前",
        }
    }
}

/// The positions of units (their `counts`, in table order) in the given order. Most 逾期
/// first breaks ties by most 待更新, and the other way round; equal counts keep table order.
pub fn order(counts: &[LightCounts], by: UnitOrder) -> Vec<usize> {
    let mut positions: Vec<usize> = (0..counts.len()).collect();
    let (first, second) = match by {
        UnitOrder::Table => return positions,
        UnitOrder::Overdue => (Light::Overdue, Light::Stale),
        UnitOrder::Stale => (Light::Stale, Light::Overdue),
    };
    positions.sort_by_key(|&i| Reverse((counts[i].get(first), counts[i].get(second))));
    positions
}
