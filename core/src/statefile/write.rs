//! Writing a state file ([`export`]) and the names of exported files.

use std::cmp::Ordering;

use serde::Serialize;

use super::{distinct, FORMAT, VERSION};
use crate::checklist::Checklists;
use crate::status::Status;
use crate::timestamp::{Timestamp, CHINA_OFFSET_MINUTES};

/// A state file as it is written: the field order is the written order.
#[derive(Serialize)]
struct FileOut<'a> {
    format: &'a str,
    version: u64,
    dataset: &'a str,
    exported_at: Timestamp,
    entries: Vec<EntryOut<'a>>,
}

#[derive(Serialize)]
struct EntryOut<'a> {
    unit: &'a str,
    task: &'a str,
    status: Status,
    note: &'a str,
    updated_at: Timestamp,
}

/// Compares task ids segment by segment, as numbers where both segments are numbers
/// (`1.1.9` < `1.1.10` < `1.2.1`): for the ids of the table this is the table order.
pub fn cmp_task_ids(a: &str, b: &str) -> Ordering {
    let mut xs = a.split('.');
    let mut ys = b.split('.');
    loop {
        match (xs.next(), ys.next()) {
            (None, None) => return a.cmp(b),
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(x), Some(y)) => {
                let order = match (x.parse::<u64>(), y.parse::<u64>()) {
                    (Ok(m), Ok(n)) => m.cmp(&n),
                    _ => x.cmp(y),
                };
                if order != Ordering::Equal {
                    return order;
                }
            }
        }
    }
}

/// The state file of the given units' checklists (one unit, or all), exported at `now`:
/// pretty JSON with a 2-space indent and a final newline, entries by unit name (code point
/// order) then task id ([`cmp_task_ids`]). A unit without entries adds none; a unit named
/// twice counts once.
pub fn export(checklists: &Checklists, dataset_id: &str, units: &[&str], now: Timestamp) -> String {
    let wanted = distinct(units.iter().copied());
    let mut entries: Vec<EntryOut> = wanted
        .iter()
        .filter_map(|unit| checklists.unit(unit).map(|u| (*unit, u)))
        .flat_map(|(unit, u)| {
            u.entries.iter().map(move |(task, e)| EntryOut {
                unit,
                task,
                status: e.status,
                note: &e.note,
                updated_at: e.updated_at,
            })
        })
        .collect();
    entries.sort_by(|a, b| {
        a.unit
            .cmp(b.unit)
            .then_with(|| cmp_task_ids(a.task, b.task))
    });
    let file = FileOut {
        format: FORMAT,
        version: VERSION,
        dataset: dataset_id,
        exported_at: now,
        entries,
    };
    let mut text = serde_json::to_string_pretty(&file)
        .unwrap_or_else(|e| panic!("a state file always serializes: {e}"));
    text.push('\n');
    text
}

/// A file name for an export: `<dataset>-<unit>-<YYYYMMDD>.json` with the China-time date,
/// `全部单位` in place of the unit when there is not exactly one.
pub fn export_file_name(dataset_id: &str, units: &[&str], now: Timestamp) -> String {
    let who = match units {
        [first, rest @ ..] if rest.iter().all(|u| u == first) => first,
        _ => "全部单位",
    };
    dated_file_name(dataset_id, who, now, "json")
}

/// The name of an exported file: `<dataset>-<who>-<YYYYMMDD>.<ext>`, the date in China time,
/// `who` (a unit, 全部单位, 汇总) with the characters file systems refuse replaced by `_`.
pub fn dated_file_name(dataset_id: &str, who: &str, now: Timestamp, ext: &str) -> String {
    let who: String = who
        .chars()
        .map(|c| if "/\\:*?\"<>|".contains(c) { '_' } else { c })
        .collect();
    format!(
        "{dataset_id}-{who}-{}.{ext}",
        now.date_compact_in(CHINA_OFFSET_MINUTES)
    )
}
