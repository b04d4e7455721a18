//! Reading a file for import: [`parse`] tells the task table's CSV export (read by
//! [`super::csv`]) from a state file and refuses documents; [`parse_state_file`] reads a state
//! file field by field, with a message for each problem.

use serde_json::Value;

use super::csv;
use super::parsed::{check_entries, keep_newest, Names, Reasons};
use super::raw;
use super::{
    max_file_bytes, FileEntry, FileError, InvalidEntry, ParsedFile, Source, FORMAT, VERSION,
};
use crate::checklist::Entry;
use crate::model::Table;
use crate::status::Status;
use crate::timestamp::Timestamp;

/// Reads a file for import: the task table's CSV export, found by its header row (see
/// [`super::csv`]; not UTF-8 and named `.csv` or headed in GBK is
/// [`FileError::WrongEncoding`]), else a state file ([`parse_state_file`]). `file_name` is for
/// messages. The table is the one the app shows: the file must be of it, and each entry must
/// name a task of it and a unit of it that is not a group and has a role in the task (else the
/// entry is listed in [`ParsedFile::invalid`]). `now` is the importing browser's clock: an entry
/// whose time is later than the file's export time, or more than a day after `now`, is
/// invalid too. When the file has two entries for the same unit and task, the one the merge
/// rule prefers is kept and the other listed as invalid.
pub fn parse(
    bytes: impl AsRef<[u8]>,
    file_name: &str,
    table: &Table,
    now: Timestamp,
) -> Result<ParsedFile, FileError> {
    let bytes = bytes.as_ref();
    if let Some(what) = document_kind(file_name) {
        return Err(FileError::Document {
            file: file_name.to_string(),
            what,
        });
    }
    if bytes.len() <= max_file_bytes(table) {
        let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        match std::str::from_utf8(body) {
            Ok(text) if csv::looks_like_csv(text) => {
                return csv::parse(text, file_name, table, now)
            }
            Err(_)
                if file_name.to_lowercase().ends_with(".csv") || csv::looks_like_gbk_csv(body) =>
            {
                return Err(FileError::WrongEncoding {
                    file: file_name.to_string(),
                })
            }
            _ => {}
        }
    }
    parse_state_file(bytes, file_name, table, now)
}

/// Excel 表格 or Word 文档 when the file's name says it is one (Microsoft's formats and
/// WPS's); `None` for any other name.
fn document_kind(file_name: &str) -> Option<&'static str> {
    let ext = file_name.rsplit_once('.')?.1.to_lowercase();
    match ext.as_str() {
        "xlsx" | "xlsm" | "xls" | "et" => Some("Excel 表格"),
        "docx" | "doc" | "wps" => Some("Word 文档"),
        _ => None,
    }
}

/// Reads a state file only (what the Excel worker gets from the page), as [`parse`] does
/// without looking for a CSV: the worker does without the CSV reader's code.
pub fn parse_state_file(
    bytes: impl AsRef<[u8]>,
    file_name: &str,
    table: &Table,
    now: Timestamp,
) -> Result<ParsedFile, FileError> {
    let bytes = bytes.as_ref();
    let file = || file_name.to_string();
    let limit = max_file_bytes(table);
    if bytes.len() > limit {
        return Err(FileError::TooLarge {
            file: file(),
            size: bytes.len(),
            limit,
        });
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let not_json = |detail: String| FileError::NotJson {
        file: file(),
        detail,
    };
    let text = std::str::from_utf8(bytes).map_err(|_| not_json("不是 UTF-8 编码的文本".into()))?;
    if text.trim().is_empty() {
        return Err(not_json("文件是空的".into()));
    }
    let (text, repaired) = crate::syntax::repair_lone_surrogates(text);
    let top = raw::parse(&text)
        .map_err(|e| not_json(format!("第 {} 行第 {} 列附近有错误", e.line, e.column)))?;
    let malformed = |reason: String| FileError::Malformed {
        file: file(),
        reason,
    };

    let top = match top {
        raw::Top::Object(fields) => fields,
        raw::Top::Other => {
            return Err(FileError::NotOurFormat {
                file: file(),
                found: None,
            })
        }
    };
    match &top.format {
        Some(Value::String(s)) if s == FORMAT => {}
        Some(Value::String(s)) => {
            return Err(FileError::NotOurFormat {
                file: file(),
                found: Some(s.clone()),
            })
        }
        Some(other) => {
            return Err(FileError::NotOurFormat {
                file: file(),
                found: Some(other.to_string()),
            })
        }
        None => {
            return Err(FileError::NotOurFormat {
                file: file(),
                found: None,
            })
        }
    }
    let version = match top.version.as_ref().map(|v| (v, version_number(v))) {
        Some((_, Some(Version::Known(v)))) => v,
        Some((_, Some(Version::Newer(found)))) => {
            return Err(FileError::NewerVersion {
                file: file(),
                found,
            })
        }
        Some((other, None)) => {
            return Err(malformed(format!(
                "版本号 \"version\" 应为正整数，却是 {other}"
            )))
        }
        None => return Err(malformed("缺少版本号 \"version\"".into())),
    };
    let dataset = match &top.dataset {
        Some(Value::String(s)) => s.clone(),
        Some(other) => {
            return Err(malformed(format!(
                "任务表标识 \"dataset\" 应为文字，却是 {other}"
            )))
        }
        None => return Err(malformed("缺少任务表标识 \"dataset\"".into())),
    };
    if dataset != table.dataset.id {
        return Err(FileError::OtherDataset {
            file: file(),
            found: dataset,
            expected: table.dataset.id.clone(),
            title: table.dataset.title.clone(),
            found_title: None,
        });
    }
    let exported_at = match &top.exported_at {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(
            Timestamp::parse(s)
                .map_err(|e| malformed(format!("导出时间“{s}”无效：{}", e.reason())))?,
        ),
        Some(other) => {
            return Err(malformed(format!(
                "导出时间 \"exported_at\" 应为文字，却是 {other}"
            )))
        }
    };
    let items = match top.entries {
        Some(raw::Entries::Items(items)) => items,
        Some(raw::Entries::Other(kind)) => {
            return Err(malformed(format!("\"entries\" 应为数组，却是{kind}")))
        }
        None => return Err(malformed("缺少条目列表 \"entries\"".into())),
    };

    let names = Names::new(table);
    let mut invalid = Vec::new();
    let mut found = Vec::new();
    for (index, item) in items.into_iter().enumerate() {
        match read_entry(item, &names) {
            Err((unit, task, reasons)) => invalid.push(InvalidEntry {
                index,
                row: None,
                unit,
                task,
                reason: reasons,
            }),
            Ok(fe) => found.push(FileEntry { index, ..fe }),
        }
    }
    let source = Source::StateFile;
    let found = check_entries(found, source, table, exported_at, now, &mut invalid);
    let entries = keep_newest(found, source, &mut invalid, now);
    Ok(ParsedFile {
        file_name: file(),
        source: Source::StateFile,
        dataset,
        version,
        exported_at,
        entries,
        invalid: invalid.into(),
        repaired,
    })
}

/// A `version` that is a positive whole number.
enum Version {
    /// One this reader reads (1 to [`VERSION`]).
    Known(u64),
    /// A later one, written out in full (`1e20` as `100000000000000000000`).
    Newer(String),
}

/// The `version` field as a positive whole number, however JSON writes it: `2`, `2.0`, `1e20`
/// or a number too large for 64 bits (serde_json reads the last three as floating point).
/// `None` for anything else (`0`, `1.5`, `-1`, `"1"`).
fn version_number(v: &Value) -> Option<Version> {
    let n = v.as_number()?;
    if let Some(v) = n.as_u64() {
        return match v {
            0 => None,
            v if v <= VERSION => Some(Version::Known(v)),
            v => Some(Version::Newer(v.to_string())),
        };
    }
    let f = n.as_f64()?;
    if !(f.is_finite() && f >= 1.0 && f.fract() == 0.0) {
        return None;
    }
    if f <= VERSION as f64 {
        Some(Version::Known(f as u64))
    } else {
        Some(Version::Newer(format!("{f:.0}")))
    }
}

type EntryProblem = (Option<String>, Option<String>, String);

/// One entry of `entries`, read field by field rather than by a derived deserializer: a bad
/// entry is listed with every problem it has, each naming its field (`第 11 条：单位 "unit"
/// 应为文字，却是 7；…`), where a derived one stops at the first without naming the field.
/// Text is copied out of the file only for what is kept: a valid entry, or an invalid one's
/// unit and task.
fn read_entry(item: raw::Item, table: &Names) -> Result<FileEntry, EntryProblem> {
    use raw::Field;
    let obj = match item {
        raw::Item::Fields(fields) => fields,
        raw::Item::Other(kind) => return Err((None, None, format!("应为对象，却是{kind}"))),
    };
    let mut problems = Reasons::default();
    let (unit, task) = (obj.unit, obj.task);
    let text = |f: &Option<Field<'_>>| match f {
        Some(Field::Str(s)) => Some(s.to_string()),
        _ => None,
    };
    match &unit {
        None => problems.push("缺少单位 \"unit\""),
        Some(Field::Other(v)) => problems.push(format_args!("单位 \"unit\" 应为文字，却是 {v}")),
        Some(Field::Str(name)) => match table.unit(name) {
            None => problems.push(format_args!("单位“{name}”不在任务表中")),
            Some(u) if u.is_group() => {
                problems.push(format_args!("“{name}”是单位分组，不是单个单位"))
            }
            Some(_) => {}
        },
    }
    match &task {
        None => problems.push("缺少任务编号 \"task\""),
        Some(Field::Other(v)) => {
            problems.push(format_args!("任务编号 \"task\" 应为文字，却是 {v}"))
        }
        Some(Field::Str(id)) if table.task(id).is_none() => {
            problems.push(format_args!("任务编号“{id}”不在任务表中"))
        }
        _ => {}
    }
    let status = match &obj.status {
        None => {
            problems.push("缺少状态 \"status\"");
            None
        }
        Some(Field::Str(s)) => {
            let status = Status::from_key(s);
            if status.is_none() {
                problems.push(format_args!("状态“{s}”无效，应为 todo、doing、done 或 na"));
            }
            status
        }
        Some(Field::Other(v)) => {
            problems.push(format_args!("状态 \"status\" 应为文字，却是 {v}"));
            None
        }
    };
    let note = match obj.note {
        Some(Field::Str(s)) => Some(s),
        None => {
            problems.push("缺少备注 \"note\"（没有备注时应为空文字 \"\"）");
            None
        }
        Some(Field::Other(v)) => {
            problems.push(format_args!("备注 \"note\" 应为文字，却是 {v}"));
            None
        }
    };
    let updated_at = match &obj.updated_at {
        None => {
            problems.push("缺少更新时间 \"updated_at\"");
            None
        }
        Some(Field::Str(s)) => match Timestamp::parse(s) {
            Ok(t) => Some(t),
            Err(e) => {
                problems.push(format_args!("更新时间“{s}”无效：{}", e.reason()));
                None
            }
        },
        Some(Field::Other(v)) => {
            problems.push(format_args!("更新时间 \"updated_at\" 应为文字，却是 {v}"));
            None
        }
    };
    match (&unit, &task, status, note, updated_at) {
        (Some(Field::Str(u)), Some(Field::Str(t)), Some(status), Some(note), Some(updated_at))
            if problems.is_empty() =>
        {
            Ok(FileEntry {
                index: 0,
                unit: u.to_string(),
                task: t.to_string(),
                entry: Entry {
                    status,
                    note: note.into_owned(),
                    updated_at,
                },
            })
        }
        _ => Err((text(&unit), text(&task), problems.into_reason())),
    }
}
