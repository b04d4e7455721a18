//! The state file units export and the municipal office imports (format `gk-checklist`,
//! documented in `docs/state-file.md`): writing it, reading it with clear messages, and the
//! preview and application of an import. The import also takes the task table's CSV export of
//! one unit (read by [`crate::csv_read`]).

use std::cmp::Ordering;
use std::collections::BTreeMap;
use std::fmt;

use serde::Serialize;
use serde_json::Value;

use crate::checklist::{Checklists, Entry};
use crate::csv_read;
use crate::merge::{cmp_entries, merge_entry_into, Outcome};
use crate::model::Table;
use crate::status::Status;
use crate::syntax::{self, type_name};
use crate::timestamp::{Timestamp, CHINA_OFFSET_MINUTES};

/// The value of the `format` field.
pub const FORMAT: &str = "gk-checklist";
/// The version this code writes, and the newest it reads.
pub const VERSION: u64 = 1;
/// Files larger than this are refused before being read.
pub const MAX_FILE_BYTES: usize = 5 * 1024 * 1024;

// ---------------------------------------------------------------------------------------------
// Writing

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
    let mut text = serde_json::to_string_pretty(&file).expect("a state file always serializes");
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

// ---------------------------------------------------------------------------------------------
// Reading

/// A file that cannot be imported at all. The message ([`fmt::Display`]) names the file and
/// says what is wrong, in Chinese, technical detail included; the page shows the plain
/// [`headline`](FileError::headline) with the [`detail`](FileError::detail) in a 详情 toggle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileError {
    /// Larger than [`MAX_FILE_BYTES`].
    TooLarge { file: String, size: usize },
    /// Not UTF-8 text, or not JSON. `detail` says where.
    NotJson { file: String, detail: String },
    /// JSON, but not a state file: no `"format": "gk-checklist"`. `found` is the `format`
    /// field's text when there is one.
    NotOurFormat { file: String, found: Option<String> },
    /// A state file of another table.
    OtherDataset {
        file: String,
        found: String,
        expected: String,
    },
    /// A state file of a newer version than [`VERSION`].
    NewerVersion { file: String, found: u64 },
    /// A state file whose header fields are missing or wrong.
    Malformed { file: String, reason: String },
    /// Not UTF-8, and a CSV by its name or its header in GBK: a CSV export that Excel saved
    /// again in the local code page.
    WrongEncoding { file: String },
    /// A CSV export of the task table, but of a view without a unit: no unit's records in it.
    NoUnit { file: String },
    /// A CSV export of another task table: no row has a task of this table with its text.
    OtherTable { file: String, expected: String },
    /// A CSV export whose header or rows cannot be read.
    BadCsv { file: String, reason: String },
    /// An Excel workbook or a Word document, by its name: a unit's 导出 Excel (kept by the
    /// unit) or its own ledger, sent instead of the 报送文件. `what`: Excel 表格 or Word 文档.
    Document { file: String, what: &'static str },
}

impl FileError {
    /// The name of the file concerned.
    pub fn file_name(&self) -> &str {
        match self {
            FileError::TooLarge { file, .. }
            | FileError::NotJson { file, .. }
            | FileError::NotOurFormat { file, .. }
            | FileError::OtherDataset { file, .. }
            | FileError::NewerVersion { file, .. }
            | FileError::Malformed { file, .. }
            | FileError::WrongEncoding { file }
            | FileError::NoUnit { file }
            | FileError::Document { file, .. }
            | FileError::OtherTable { file, .. }
            | FileError::BadCsv { file, .. } => file,
        }
    }

    /// The message in plain words for the page: what the file is not, and what to send
    /// instead. The technical part is [`detail`](Self::detail).
    pub fn headline(&self) -> String {
        let file = self.file_name();
        match self {
            FileError::TooLarge { size, .. } => format!(
                "文件“{file}”太大（{}），不是本系统导出的报送文件。{SEND_THIS}",
                megabytes(*size)
            ),
            FileError::NotJson { .. } | FileError::NotOurFormat { .. } => {
                format!("文件“{file}”不是本系统导出的报送文件。{SEND_THIS}")
            }
            FileError::Malformed { .. } => {
                format!("文件“{file}”不完整或被改动过，无法导入。{SEND_THIS}")
            }
            FileError::OtherDataset { .. } => format!(
                "文件“{file}”是另一张任务表（例如其他年份的任务表）的报送文件，不能导入本表。请让报送单位从本年度的任务表导出报送文件。"
            ),
            FileError::NewerVersion { .. } => format!(
                "文件“{file}”由更新版本的本系统导出，本页面读不了。请刷新本页面，或使用最新版本的本系统导入。"
            ),
            FileError::WrongEncoding { .. } => format!(
                "文件“{file}”的文字编码不对（可能被 Excel 另存过），无法读取。请使用从任务表直接导出、未经另存的 CSV 文件；最好{}",
                SEND_THIS.trim_start_matches('请')
            ),
            FileError::NoUnit { .. } => format!(
                "文件“{file}”是没有选择单位时导出的任务表，其中没有任何单位的记录，不能导入。{SEND_THIS}"
            ),
            FileError::OtherTable { .. } => format!(
                "文件“{file}”是另一张任务表（例如其他年份的任务表）导出的 CSV，不能导入本表。{SEND_THIS}"
            ),
            FileError::BadCsv { .. } => format!(
                "文件“{file}”像是任务表导出的 CSV，但不完整或被改动过，无法导入。{SEND_THIS}"
            ),
            FileError::Document { what, .. } => {
                format!("文件“{file}”是 {what}，不能导入。{SEND_THIS}")
            }
        }
    }

    /// The technical detail for the 详情 toggle (encoding, JSON line and column, the format
    /// field, dataset ids), when there is any beyond the headline.
    pub fn detail(&self) -> Option<String> {
        Some(match self {
            FileError::TooLarge { .. } => format!(
                "可导入的文件不超过 {} MB。",
                MAX_FILE_BYTES / (1024 * 1024)
            ),
            FileError::NotJson { detail, .. } => format!("不是有效的 JSON 文件：{detail}。"),
            FileError::NotOurFormat { found: None, .. } => {
                format!("缺少 \"format\": \"{FORMAT}\"。")
            }
            FileError::NotOurFormat {
                found: Some(found), ..
            } => format!("\"format\" 是 \"{found}\"，应为 \"{FORMAT}\"。"),
            FileError::Malformed { reason, .. } | FileError::BadCsv { reason, .. } => {
                format!("{reason}。")
            }
            FileError::OtherDataset {
                found, expected, ..
            } => format!("文件的任务表标识是“{found}”，当前任务表是“{expected}”。"),
            FileError::NewerVersion { found, .. } => format!(
                "文件是第 {found} 版格式，本页面只能读取第 {VERSION} 版及以前的格式。"
            ),
            FileError::WrongEncoding { .. } => "文件不是 UTF-8 编码。Excel 在中文 Windows 上把 CSV 另存时会改用 GBK 编码，本系统读不了。".to_string(),
            FileError::NoUnit { .. } => return None,
            FileError::Document { .. } => "只能导入报送文件（.json）和任务表导出的 CSV 文件；任务表的“导出 Excel”仅供本单位留存。".to_string(),
            FileError::OtherTable { expected, .. } => format!(
                "文件中没有一行的编号和工作任务与当前任务表（{expected}）的相符。"
            ),
        })
    }
}

/// What to send instead of a file that cannot be imported.
const SEND_THIS: &str =
    "请让报送单位在任务表中选择本单位，点“导出报送文件”，把得到的 .json 文件发来。";

/// The size in MB with one decimal, rounded up (so a file over the limit never shows as
/// being at it).
fn megabytes(size: usize) -> String {
    let tenths = (size as f64 / (1024.0 * 1024.0) * 10.0).ceil() as u64;
    format!("{}.{} MB", tenths / 10, tenths % 10)
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FileError::TooLarge { file, size } => write!(
                f,
                "文件“{file}”太大（{}），超过了 {} MB 的上限，不是本系统导出的报送文件。",
                megabytes(*size),
                MAX_FILE_BYTES / (1024 * 1024)
            ),
            FileError::NotJson { file, detail } => write!(
                f,
                "文件“{file}”不是有效的 JSON 文件（{detail}）。请选择本系统导出的报送文件（.json）。"
            ),
            FileError::NotOurFormat { file, found: None } => write!(
                f,
                "文件“{file}”不是本系统的报送文件：缺少 \"format\": \"{FORMAT}\"。"
            ),
            FileError::NotOurFormat {
                file,
                found: Some(found),
            } => write!(
                f,
                "文件“{file}”不是本系统的报送文件：\"format\" 是 \"{found}\"，应为 \"{FORMAT}\"。"
            ),
            FileError::OtherDataset {
                file,
                found,
                expected,
            } => write!(
                f,
                "文件“{file}”属于任务表“{found}”，而当前任务表是“{expected}”，不能导入。"
            ),
            FileError::NewerVersion { file, found } => write!(
                f,
                "文件“{file}”是第 {found} 版格式，本系统只能读取第 {VERSION} 版及以前的格式。请使用最新版本的本系统导入。"
            ),
            FileError::Malformed { file, reason } => {
                write!(f, "文件“{file}”的格式有误：{reason}。")
            }
            FileError::WrongEncoding { .. }
            | FileError::NoUnit { .. }
            | FileError::OtherTable { .. }
            | FileError::BadCsv { .. }
            | FileError::Document { .. } => {
                f.write_str(&self.headline())?;
                match self.detail() {
                    Some(detail) => write!(f, "（{detail}）"),
                    None => Ok(()),
                }
            }
        }
    }
}

impl std::error::Error for FileError {}

/// A valid entry of a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileEntry {
    /// Its position in the file's `entries`, from 0.
    pub index: usize,
    pub unit: String,
    pub task: String,
    pub entry: Entry,
}

/// An entry of a file that is left out, and why. The rest of the file is still imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidEntry {
    /// Its position in the file's `entries` (a CSV's data rows), from 0 (shown to users as
    /// 第 index+1 条).
    pub index: usize,
    /// For a CSV, its row as a spreadsheet numbers it (shown as 第 row 行).
    pub row: Option<usize>,
    /// The unit and task it names, when they are strings.
    pub unit: Option<String>,
    pub task: Option<String>,
    /// What is wrong, in Chinese; several problems are joined by `；`.
    pub reason: String,
}

impl fmt::Display for InvalidEntry {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.row {
            Some(row) => write!(f, "第 {row} 行：{}", self.reason),
            None => write!(f, "第 {} 条：{}", self.index + 1, self.reason),
        }
    }
}

/// What kind of file an import read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// A state file (`gk-checklist` JSON), what 导出报送文件 writes.
    StateFile,
    /// The task table's CSV export (导出 CSV) of one unit's view. Its times are to the minute.
    TableCsv,
}

impl Source {
    /// What the file is, for users.
    pub fn label(self) -> &'static str {
        match self {
            Source::StateFile => "报送文件",
            Source::TableCsv => "任务表导出的 CSV",
        }
    }

    /// The row of the entry at `index` as a spreadsheet numbers it (the header is row 1), for
    /// a CSV.
    pub fn row(self, index: usize) -> Option<usize> {
        match self {
            Source::StateFile => None,
            Source::TableCsv => Some(index + 2),
        }
    }

    /// What users call the place of the entry at `index`: 第 3 条 or 第 4 行.
    fn place(self, index: usize) -> String {
        match self.row(index) {
            Some(row) => format!("第 {row} 行"),
            None => format!("第 {} 条", index + 1),
        }
    }

    /// Whether `incoming`, an entry of a file of this kind, is `current` as the file holds it,
    /// i.e. whether importing it is a no-op worth calling 相同.
    ///
    /// A state file holds exact times: the same entry, time included. A CSV writes times to the
    /// minute, so an entry exported to it comes back with its time cut to the minute, earlier
    /// than the original by up to 59.999 s: the same status and note at `current`'s time cut to
    /// the minute is the same entry. The merge rule still compares the exact times, so such an
    /// entry never replaces `current` (the cut time is never later), and the stored time keeps
    /// its seconds. Likewise a CSV entry is never newer than the entry it was exported from only
    /// by rounding: the cut goes back in time, never forward.
    pub fn same_entry(self, current: &Entry, incoming: &Entry) -> bool {
        current.same_value(incoming) && self.same_time(current, incoming)
    }

    /// Whether the two entries have the same time at the precision of a file of this kind
    /// (for a CSV: `current`'s time cut to the minute is `incoming`'s).
    pub fn same_time(self, current: &Entry, incoming: &Entry) -> bool {
        match self {
            Source::StateFile => current.updated_at == incoming.updated_at,
            Source::TableCsv => current.updated_at.to_minute() == incoming.updated_at,
        }
    }
}

/// A file read for import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedFile {
    pub file_name: String,
    /// A state file or a CSV export.
    pub source: Source,
    /// The task table's id (for a CSV, the table it was matched against).
    pub dataset: String,
    /// The state file's format version; 0 for a CSV.
    pub version: u64,
    /// When it was exported; `None` when the file does not say.
    pub exported_at: Option<Timestamp>,
    /// Its valid entries in file order, one per unit and task.
    pub entries: Vec<FileEntry>,
    /// Its entries left out, in file order.
    pub invalid: Vec<InvalidEntry>,
}

impl ParsedFile {
    /// The units the file has entries for, in code point order.
    pub fn units(&self) -> Vec<String> {
        distinct(self.entries.iter().map(|e| e.unit.as_str()))
            .into_iter()
            .map(str::to_string)
            .collect()
    }
}

/// The distinct names, in code point order.
fn distinct<'a>(names: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let mut names: Vec<&str> = names.into_iter().collect();
    names.sort();
    names.dedup();
    names
}

/// Reads a file for import: the task table's CSV export, found by its header row (see
/// [`crate::csv_read`]; not UTF-8 and named `.csv` or headed in GBK is
/// [`FileError::WrongEncoding`]), else a state file ([`parse_state_file`]). `file_name` is for
/// messages. The table is the one the app shows: the file must be of it, and each entry must
/// name a task of it and a unit of it that is not a group (else the entry is listed in
/// [`ParsedFile::invalid`]). When the file has two entries for the same unit and task, the one
/// the merge rule prefers is kept and the other listed as invalid.
pub fn parse(
    bytes: impl AsRef<[u8]>,
    file_name: &str,
    table: &Table,
) -> Result<ParsedFile, FileError> {
    let bytes = bytes.as_ref();
    if let Some(what) = document_kind(file_name) {
        return Err(FileError::Document {
            file: file_name.to_string(),
            what,
        });
    }
    if bytes.len() <= MAX_FILE_BYTES {
        let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        match std::str::from_utf8(body) {
            Ok(text) if csv_read::looks_like_csv(text) => {
                return csv_read::parse(text, file_name, table)
            }
            Err(_)
                if file_name.to_lowercase().ends_with(".csv")
                    || csv_read::looks_like_gbk_csv(body) =>
            {
                return Err(FileError::WrongEncoding {
                    file: file_name.to_string(),
                })
            }
            _ => {}
        }
    }
    parse_state_file(bytes, file_name, table)
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
) -> Result<ParsedFile, FileError> {
    let bytes = bytes.as_ref();
    let file = || file_name.to_string();
    if bytes.len() > MAX_FILE_BYTES {
        return Err(FileError::TooLarge {
            file: file(),
            size: bytes.len(),
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
    let top = syntax::parse(text)
        .map_err(|e| not_json(format!("第 {} 行第 {} 列附近有错误", e.line, e.column)))?;
    let malformed = |reason: String| FileError::Malformed {
        file: file(),
        reason,
    };

    if !top.is_object() {
        return Err(FileError::NotOurFormat {
            file: file(),
            found: None,
        });
    }
    match top.get("format") {
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
    let version = match top.get("version") {
        Some(n @ Value::Number(_)) if n.as_u64().is_some_and(|v| v >= 1) => n.as_u64().unwrap_or(0),
        Some(other) => {
            return Err(malformed(format!(
                "版本号 \"version\" 应为正整数，却是 {other}"
            )))
        }
        None => return Err(malformed("缺少版本号 \"version\"".into())),
    };
    if version > VERSION {
        return Err(FileError::NewerVersion {
            file: file(),
            found: version,
        });
    }
    let dataset = match top.get("dataset") {
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
        });
    }
    let exported_at = match top.get("exported_at") {
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
    let items = match top.get("entries") {
        Some(Value::Array(items)) => items,
        Some(other) => {
            return Err(malformed(format!(
                "\"entries\" 应为数组，却是{}",
                type_name(other)
            )))
        }
        None => return Err(malformed("缺少条目列表 \"entries\"".into())),
    };

    let mut invalid = Vec::new();
    let mut found = Vec::new();
    for (index, item) in items.iter().enumerate() {
        match read_entry(item, table) {
            Err((unit, task, reasons)) => invalid.push(InvalidEntry {
                index,
                row: None,
                unit,
                task,
                reason: reasons.join("；"),
            }),
            Ok(fe) => found.push(FileEntry { index, ..fe }),
        }
    }
    let entries = keep_newest(found, Source::StateFile, &mut invalid);
    Ok(ParsedFile {
        file_name: file(),
        source: Source::StateFile,
        dataset,
        version,
        exported_at,
        entries,
        invalid,
    })
}

/// Of the valid entries of a file (in file order), one per unit and task: of two for the same
/// unit and task, the one the merge rule prefers is kept, in the place of the first, and the
/// other is added to `invalid`. Both lists come back in file order.
pub(crate) fn keep_newest(
    found: Vec<FileEntry>,
    source: Source,
    invalid: &mut Vec<InvalidEntry>,
) -> Vec<FileEntry> {
    // (unit, task) → position in `entries`.
    let mut seen: BTreeMap<(String, String), usize> = BTreeMap::new();
    let mut entries: Vec<FileEntry> = Vec::new();
    for fe in found {
        let key = (fe.unit.clone(), fe.task.clone());
        match seen.get(&key) {
            None => {
                seen.insert(key, entries.len());
                entries.push(fe);
            }
            Some(&at) => {
                let kept = &entries[at];
                let (winner, loser) = if cmp_entries(&fe.entry, &kept.entry) == Ordering::Greater {
                    (fe, kept.clone())
                } else {
                    (kept.clone(), fe)
                };
                invalid.push(InvalidEntry {
                    index: loser.index,
                    row: source.row(loser.index),
                    unit: Some(loser.unit),
                    task: Some(loser.task),
                    reason: format!(
                        "与{}是同一单位的同一任务，只保留更新时间最新的一条",
                        source.place(winner.index)
                    ),
                });
                // The winner takes the slot of the first occurrence; file order of the kept
                // entries follows first occurrences.
                entries[at] = winner;
            }
        }
    }
    invalid.sort_by_key(|e| e.index);
    entries.sort_by_key(|e| e.index);
    entries
}

type EntryProblem = (Option<String>, Option<String>, Vec<String>);

/// One entry of `entries`, read field by field from serde_json's value rather than by a derived
/// deserializer: a bad entry is listed with every problem it has, each naming its field
/// (`第 11 条：单位 "unit" 应为文字，却是 7；…`), where a derived one stops at the first
/// without naming the field.
fn read_entry(item: &Value, table: &Table) -> Result<FileEntry, EntryProblem> {
    if !item.is_object() {
        return Err((
            None,
            None,
            vec![format!("应为对象，却是{}", type_name(item))],
        ));
    }
    let obj = item;
    let mut problems = Vec::new();
    let text = |obj: &Value, key: &str| -> Option<String> {
        obj.get(key).and_then(Value::as_str).map(str::to_string)
    };
    let unit = text(obj, "unit");
    let task = text(obj, "task");

    match (&unit, obj.get("unit")) {
        (_, None) => problems.push("缺少单位 \"unit\"".to_string()),
        (None, Some(v)) => problems.push(format!("单位 \"unit\" 应为文字，却是 {v}")),
        (Some(name), _) => match table.unit(name) {
            None => problems.push(format!("单位“{name}”不在任务表中")),
            Some(u) if u.is_group() => problems.push(format!("“{name}”是单位分组，不是单个单位")),
            Some(_) => {}
        },
    }
    match (&task, obj.get("task")) {
        (_, None) => problems.push("缺少任务编号 \"task\"".to_string()),
        (None, Some(v)) => problems.push(format!("任务编号 \"task\" 应为文字，却是 {v}")),
        (Some(id), _) if table.task(id).is_none() => {
            problems.push(format!("任务编号“{id}”不在任务表中"))
        }
        _ => {}
    }
    let status = match obj.get("status") {
        None => {
            problems.push("缺少状态 \"status\"".to_string());
            None
        }
        Some(Value::String(s)) => {
            let status = Status::from_key(s);
            if status.is_none() {
                problems.push(format!("状态“{s}”无效，应为 todo、doing、done 或 na"));
            }
            status
        }
        Some(v) => {
            problems.push(format!("状态 \"status\" 应为文字，却是 {v}"));
            None
        }
    };
    let note = match obj.get("note") {
        Some(Value::String(s)) => Some(s.clone()),
        None => {
            problems.push("缺少备注 \"note\"（没有备注时应为空文字 \"\"）".to_string());
            None
        }
        Some(v) => {
            problems.push(format!("备注 \"note\" 应为文字，却是 {v}"));
            None
        }
    };
    let updated_at = match obj.get("updated_at") {
        None => {
            problems.push("缺少更新时间 \"updated_at\"".to_string());
            None
        }
        Some(Value::String(s)) => match Timestamp::parse(s) {
            Ok(t) => Some(t),
            Err(e) => {
                problems.push(format!("更新时间“{s}”无效：{}", e.reason()));
                None
            }
        },
        Some(v) => {
            problems.push(format!("更新时间 \"updated_at\" 应为文字，却是 {v}"));
            None
        }
    };
    match (unit, task, status, note, updated_at) {
        (Some(unit), Some(task), Some(status), Some(note), Some(updated_at))
            if problems.is_empty() =>
        {
            Ok(FileEntry {
                index: 0,
                unit,
                task,
                entry: Entry {
                    status,
                    note,
                    updated_at,
                },
            })
        }
        (unit, task, ..) => Err((unit, task, problems)),
    }
}

// ---------------------------------------------------------------------------------------------
// Import preview and application

/// An entry of a file next to the entry the checklists hold for the same unit and task.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PreviewItem {
    /// Its position in the file's `entries`, from 0.
    pub index: usize,
    pub unit: String,
    pub task: String,
    pub incoming: Entry,
    pub current: Option<Entry>,
}

/// Two different edits of the same unit and task made at the same time, one in the checklists
/// and one in a file: neither is newer, so the merge rule's tie-break settles it (the higher
/// status, then the note). An entry that is merely newer or older is an update or an older
/// copy, not a conflict.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    pub unit: String,
    pub task: String,
    pub current: Entry,
    pub incoming: Entry,
    /// Whether the file's entry wins.
    pub incoming_wins: bool,
}

/// What importing one file would do, measured against the current checklists.
///
/// Every valid entry of the file is in exactly one of `new`, `newer`, `older`, `identical`
/// and `superseded`; `conflicts` lists again those of them whose `updated_at` is the current
/// one's (for a CSV: to the minute, [`Source::same_time`]) but whose status or note differ,
/// with both values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FilePreview {
    pub file_name: String,
    /// A state file or a CSV export.
    pub source: Source,
    pub exported_at: Option<Timestamp>,
    /// The units the file has entries for.
    pub units: Vec<String>,
    /// No entry yet for the unit and task: will be added.
    pub new: Vec<PreviewItem>,
    /// Newer than the current entry: will replace it.
    pub newer: Vec<PreviewItem>,
    /// Older than the current entry (by the merge rule): ignored.
    pub older: Vec<PreviewItem>,
    /// The same as the current entry, time included (for a CSV, to the minute:
    /// [`Source::same_entry`]), or as the entry of another file of this import that wins (the
    /// later file, when the two are equal): ignored.
    pub identical: Vec<PreviewItem>,
    /// Would be new or newer, but another file of this import has a newer entry for the
    /// same unit and task, which wins.
    pub superseded: Vec<PreviewItem>,
    /// Entries left out, with the reason.
    pub invalid: Vec<InvalidEntry>,
    pub conflicts: Vec<Conflict>,
}

impl FilePreview {
    /// How many valid entries the file has (every list but `invalid` and `conflicts`).
    pub fn records(&self) -> usize {
        self.new.len()
            + self.newer.len()
            + self.older.len()
            + self.identical.len()
            + self.superseded.len()
    }
}

/// The same unit and task with different status or note in two or more files of one import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileClash {
    pub unit: String,
    pub task: String,
    /// (index of the file in the import, its entry), in file order.
    pub versions: Vec<(usize, Entry)>,
    /// The index of the file whose entry wins.
    pub winner: usize,
}

/// What importing some files would do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Preview {
    pub files: Vec<FilePreview>,
    pub clashes: Vec<FileClash>,
    /// Over all files: how many (unit, task) would be added, and how many changed.
    pub added: usize,
    pub updated: usize,
    /// Invalid entries over all files.
    pub invalid: usize,
}

impl Preview {
    /// Whether the import would change anything.
    pub fn changes(&self) -> bool {
        self.added + self.updated > 0
    }
}

/// The winning version of a unit and task by the merge rule: the greatest entry, from the
/// last of the files where it is (entries that compare equal are the same entry).
fn winner<'e>(versions: &[(usize, &'e Entry)]) -> (usize, &'e Entry) {
    let greatest = versions.iter().max_by(|a, b| cmp_entries(a.1, b.1));
    *greatest.expect("every unit and task has a version")
}

/// What importing `files` into `current` would do; changes nothing.
pub fn preview(current: &Checklists, files: &[ParsedFile]) -> Preview {
    // Every file's version, per unit and task, in file order.
    let mut versions: BTreeMap<(&str, &str), Vec<(usize, &Entry)>> = BTreeMap::new();
    for (fi, file) in files.iter().enumerate() {
        for fe in &file.entries {
            let key = (fe.unit.as_str(), fe.task.as_str());
            versions.entry(key).or_default().push((fi, &fe.entry));
        }
    }

    let mut out_files = Vec::with_capacity(files.len());
    for (fi, file) in files.iter().enumerate() {
        let mut fp = FilePreview {
            file_name: file.file_name.clone(),
            source: file.source,
            exported_at: file.exported_at,
            units: file.units(),
            new: Vec::new(),
            newer: Vec::new(),
            older: Vec::new(),
            identical: Vec::new(),
            superseded: Vec::new(),
            invalid: file.invalid.clone(),
            conflicts: Vec::new(),
        };
        for fe in &file.entries {
            let current = current.get(&fe.unit, &fe.task);
            let item = PreviewItem {
                index: fe.index,
                unit: fe.unit.clone(),
                task: fe.task.clone(),
                incoming: fe.entry.clone(),
                current: current.cloned(),
            };
            if let Some(cur) = current {
                if file.source.same_time(cur, &fe.entry) && !cur.same_value(&fe.entry) {
                    fp.conflicts.push(Conflict {
                        unit: fe.unit.clone(),
                        task: fe.task.clone(),
                        current: cur.clone(),
                        incoming: fe.entry.clone(),
                        incoming_wins: cmp_entries(&fe.entry, cur) == Ordering::Greater,
                    });
                }
            }
            let beats_current =
                current.is_none_or(|cur| cmp_entries(&fe.entry, cur) == Ordering::Greater);
            let (won_in, overall) = winner(&versions[&(fe.unit.as_str(), fe.task.as_str())]);
            let list = match current {
                Some(cur) if file.source.same_entry(cur, &fe.entry) => &mut fp.identical,
                Some(_) if !beats_current => &mut fp.older,
                // The same record as in another file that wins (the same file sent twice, a
                // CSV beside the state file it was exported with: to the minute).
                _ if won_in != fi && file.source.same_entry(overall, &fe.entry) => {
                    &mut fp.identical
                }
                _ if cmp_entries(&fe.entry, overall) == Ordering::Less => &mut fp.superseded,
                None => &mut fp.new,
                Some(_) => &mut fp.newer,
            };
            list.push(item);
        }
        out_files.push(fp);
    }

    let clashes = versions
        .iter()
        .filter(|(_, vs)| {
            let in_several_files = vs.iter().any(|(fi, _)| *fi != vs[0].0);
            in_several_files && vs.iter().any(|(_, e)| !e.same_value(vs[0].1))
        })
        .map(|((unit, task), vs)| FileClash {
            unit: unit.to_string(),
            task: task.to_string(),
            versions: vs.iter().map(|&(fi, e)| (fi, e.clone())).collect(),
            winner: winner(vs).0,
        })
        .collect();

    let mut added = 0;
    let mut updated = 0;
    for ((unit, task), vs) in &versions {
        let (_, entry) = winner(vs);
        match current.get(unit, task) {
            None => added += 1,
            Some(cur) if cmp_entries(entry, cur) == Ordering::Greater => updated += 1,
            Some(_) => {}
        }
    }
    Preview {
        files: out_files,
        clashes,
        added,
        updated,
        invalid: files.iter().map(|f| f.invalid.len()).sum(),
    }
}

/// What is needed to undo an import: the checklists as they were before it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportUndo {
    /// The checklists before the import.
    pub previous: Checklists,
    /// The units whose checklists the import changed, in code point order: the ones storage
    /// must write back on undo.
    pub units: Vec<String>,
}

impl ImportUndo {
    /// The checklists as they were before the import.
    ///
    /// Restoring must *replace* the changed units' stored checklists, not merge into them:
    /// the merge rule would keep the imported entries, which are newer.
    pub fn restore(self) -> Checklists {
        self.previous
    }
}

/// Imports `files` into a copy of `current` by the merge rule (never replacing a newer entry,
/// never removing one); returns it and the undo. Export times are not touched.
pub fn apply(current: &Checklists, files: &[ParsedFile]) -> (Checklists, ImportUndo) {
    let mut next = current.clone();
    let mut changed = Vec::new();
    for file in files {
        for fe in &file.entries {
            if merge_entry_into(&mut next, &fe.unit, &fe.task, &fe.entry) != Outcome::Unchanged {
                changed.push(fe.unit.as_str());
            }
        }
    }
    let undo = ImportUndo {
        previous: current.clone(),
        units: distinct(changed).into_iter().map(str::to_string).collect(),
    };
    (next, undo)
}
