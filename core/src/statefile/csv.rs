//! Reading the task table's CSV export ([`crate::csv::csv`], 导出 CSV) back for import, so that
//! the office can take a unit's CSV as well as its state file: the same [`ParsedFile`], the same
//! preview, merge and undo.
//!
//! What a unit's CSV holds: per task row, 编号, 工作任务及要求, 单位, 状态 (a label),
//! 备注 (with [`crate::csv::safe_note`]'s `'` in front of a note that starts like a formula) and
//! 更新时间 (China time to the minute, empty when the unit has no entry). The reading:
//!
//! - The text is found by its header row (`编号,…`), with or without the byte order mark, with
//!   CRLF or LF line ends; columns are found by name. Excel may write dates as `2017/6/29 18:00`:
//!   those are read too.
//! - A row of 未开始 with neither note nor time is a task the unit never touched: no entry.
//! - A row must name a task of the table (its 工作任务及要求 the table's, spaces aside), a unit
//!   of the table that is not a group, a status label, and a time when it is not "no entry";
//!   else it is listed as invalid (第 N 行, counted as a spreadsheet does: the header is row 1).
//! - When no row at all names a task of the table with its text, the file is another table's
//!   ([`FileError::OtherTable`]); when no row has a unit, it is a view exported without a unit
//!   ([`FileError::NoUnit`]).
//! - The `'` that `safe_note` put before `=`, `+`, `-`, `@`, a tab or a carriage return is
//!   taken off. (A note that itself began with `'=` comes back without its `'`.)
//!
//! Times are to the minute, so a CSV entry is at or before the entry it was exported from; how
//! the preview counts it is [`Source::same_entry`].

use std::collections::BTreeMap;

use super::parsed::{check_entries, keep_newest, Reasons};
use super::{FileEntry, FileError, InvalidEntry, ParsedFile, Source};
use crate::checklist::Entry;
use crate::csv::FORMULA_STARTS;
use crate::model::Table;
use crate::status::Status;
use crate::timestamp::Timestamp;

/// The columns read, by their header names.
const TASK: &str = "编号";
const TEXT: &str = "工作任务及要求";
const UNIT: &str = "单位";
const STATUS: &str = "状态";
const NOTE: &str = "备注";
const UPDATED: &str = "更新时间";

/// Whether the text (without its byte order mark) starts with the header row of the CSV export.
pub(crate) fn looks_like_csv(text: &str) -> bool {
    text.starts_with("编号,") || text.starts_with("\"编号\",")
}

/// Whether bytes that are not UTF-8 start like the CSV export's header saved in GBK, the code
/// page Excel uses when it saves a CSV on Chinese Windows (`编号,` is B1 E0 BA C5 2C).
pub(crate) fn looks_like_gbk_csv(bytes: &[u8]) -> bool {
    bytes.starts_with(b"\xB1\xE0\xBA\xC5,") || bytes.starts_with(b"\"\xB1\xE0\xBA\xC5\",")
}

/// A note as written by `safe_note`, without the `'` it added.
fn unsafe_note(note: &str) -> &str {
    match note.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA_STARTS) => rest,
        _ => note,
    }
}

/// The text without any white space, to compare a task's text as a spreadsheet may have
/// re-wrapped it.
fn squeezed(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// A time of the 更新时间 column, China time: `YYYY-MM-DD HH:MM` as written, also with `/`
/// between the date's parts, one-digit month, day or hour, and seconds (`2017/6/29 8:05:00`),
/// as a spreadsheet may re-write it.
pub fn parse_china_minute(text: &str) -> Option<Timestamp> {
    let mut parts = text.split_whitespace();
    let (date, time) = (parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    let number = |s: &str, max_len: usize| -> Option<u32> {
        (!s.is_empty() && s.len() <= max_len && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let d: Vec<&str> = date.split(['-', '/']).collect();
    let t: Vec<&str> = time.split(':').collect();
    let ([y, mo, da], [h, mi, rest @ ..]) = (d.as_slice(), t.as_slice()) else {
        return None;
    };
    if y.len() != 4 || mi.len() != 2 || rest.len() > 1 {
        return None;
    }
    let second = match rest {
        [s] if s.len() == 2 => number(s, 2)?,
        [] => 0,
        _ => return None,
    };
    let text = format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}+08:00",
        number(y, 4)?,
        number(mo, 2)?,
        number(da, 2)?,
        number(h, 2)?,
        number(mi, 2)?,
        second
    );
    Timestamp::parse(&text).ok()
}

/// One data row's fields, by column.
struct Row<'r> {
    task: &'r str,
    text: &'r str,
    unit: &'r str,
    status: &'r str,
    note: &'r str,
    updated: &'r str,
}

/// An entry of the row, `Ok(None)` for no entry (未开始, no note, no time), or what is wrong.
fn read_row(row: &Row, table: &Table) -> Result<Option<FileEntry>, String> {
    let mut problems = Reasons::default();
    match table.task(row.task) {
        None if row.task.is_empty() => problems.push("没有编号"),
        None => problems.push(format!("编号“{}”不在任务表中", row.task)),
        Some(t) if squeezed(&t.text) != squeezed(row.text) => {
            problems.push(format!("编号“{}”的工作任务与任务表中的不同", row.task))
        }
        Some(_) => {}
    }
    match table.unit(row.unit) {
        None if row.unit.is_empty() => problems.push("没有单位（这一行是未选择单位时导出的）"),
        None => problems.push(format!("单位“{}”不在任务表中", row.unit)),
        Some(u) if u.is_group() => problems.push(format!("“{}”是单位分组，不是单个单位", row.unit)),
        Some(_) => {}
    }
    let status = Status::from_label(row.status);
    if status.is_none() {
        problems.push(format!(
            "状态“{}”无效，应为 未开始、进行中、已完成 或 不适用",
            row.status
        ));
    }
    let note = unsafe_note(row.note);
    let untouched = status == Some(Status::Todo) && note.is_empty();
    let updated_at = match row.updated {
        "" if untouched => None,
        "" => {
            problems.push("缺少更新时间");
            None
        }
        text => {
            let at = parse_china_minute(text);
            if at.is_none() {
                let year = table.dataset.year;
                problems.push(format!("更新时间“{text}”无效，应如 {year:04}-06-29 18:00"));
            }
            at
        }
    };
    if !problems.is_empty() {
        return Err(problems.into_reason());
    }
    let (Some(status), Some(updated_at)) = (status, updated_at) else {
        return Ok(None);
    };
    Ok(Some(FileEntry {
        index: 0,
        unit: row.unit.to_string(),
        task: row.task.to_string(),
        entry: Entry::new(status, note, updated_at),
    }))
}

/// Reads the CSV export (`text` without its byte order mark) against the table, at `now` (the
/// importing browser's clock, for times from the future). `file_name` is for messages.
pub(crate) fn parse(
    text: &str,
    file_name: &str,
    table: &Table,
    now: Timestamp,
) -> Result<ParsedFile, FileError> {
    let bad = |reason: String| FileError::BadCsv {
        file: file_name.to_string(),
        reason,
    };
    let mut reader = ::csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    // From a `&str` with `flexible`, the reader meets neither bad UTF-8, nor rows of another
    // length, nor I/O errors; none of its errors is formatted (that would bring in the code of
    // every error's text).
    let header = reader
        .headers()
        .map_err(|_| bad("无法读取标题行".into()))?
        .clone();
    let mut columns = BTreeMap::new();
    for name in [TASK, TEXT, UNIT, STATUS, NOTE, UPDATED] {
        let at = header
            .iter()
            .position(|h| h.trim() == name)
            .ok_or_else(|| bad(format!("缺少“{name}”一列")))?;
        columns.insert(name, at);
    }
    let mut records = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|_| bad(format!("第 {} 行无法读取", records.len() + 2)))?;
        records.push(record);
    }
    let rows: Vec<Row> = records
        .iter()
        .map(|r| {
            let cell = |name: &str| r.get(columns[name]).unwrap_or("");
            Row {
                task: cell(TASK).trim(),
                text: cell(TEXT),
                unit: cell(UNIT).trim(),
                status: cell(STATUS).trim(),
                note: cell(NOTE),
                updated: cell(UPDATED).trim(),
            }
        })
        .collect();

    if !rows.is_empty() {
        let of_this_table = rows.iter().any(|r| {
            table
                .task(r.task)
                .is_some_and(|t| squeezed(&t.text) == squeezed(r.text))
        });
        if !of_this_table {
            return Err(FileError::OtherTable {
                file: file_name.to_string(),
                expected: table.dataset.id.clone(),
            });
        }
        if rows.iter().all(|r| r.unit.is_empty()) {
            return Err(FileError::NoUnit {
                file: file_name.to_string(),
            });
        }
    }

    let source = Source::TableCsv;
    let mut entries = Vec::new();
    let mut invalid = Vec::new();
    for (index, row) in rows.iter().enumerate() {
        match read_row(row, table) {
            Ok(None) => {}
            Ok(Some(fe)) => entries.push(FileEntry { index, ..fe }),
            Err(problems) => invalid.push(InvalidEntry {
                index,
                row: source.row(index),
                unit: (!row.unit.is_empty()).then(|| row.unit.to_string()),
                task: (!row.task.is_empty()).then(|| row.task.to_string()),
                reason: problems,
            }),
        }
    }
    let entries = check_entries(entries, source, table, None, now, &mut invalid);
    let entries = keep_newest(entries, source, &mut invalid, now);
    Ok(ParsedFile {
        file_name: file_name.to_string(),
        source,
        dataset: table.dataset.id.clone(),
        version: 0,
        exported_at: None,
        entries,
        invalid: invalid.into(),
        repaired: 0,
    })
}
