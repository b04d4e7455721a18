//! The messages of a file that cannot be imported at all ([`FileError`]), in its three forms:
//! the page's plain [`headline`](FileError::headline), the technical
//! [`detail`](FileError::detail) of its 详情 toggle, and the full message ([`fmt::Display`]),
//! which for most kinds is built from the other two.

use std::fmt;

use super::{FORMAT, VERSION};

/// A file that cannot be imported at all. The message ([`fmt::Display`]) names the file and
/// says what is wrong, in Chinese, technical detail included; the page shows the plain
/// [`headline`](FileError::headline) with the [`detail`](FileError::detail) in a 详情 toggle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileError {
    /// Larger than `limit` bytes, the limit of the table ([`super::max_file_bytes`]).
    TooLarge {
        file: String,
        size: usize,
        limit: usize,
    },
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
        /// The open table's title, for the headline.
        title: String,
        /// The file's table's title, when the deployment lists it
        /// ([`FileError::name_other_table`]).
        found_title: Option<String>,
    },
    /// A state file of a newer version than [`VERSION`]. `found` is the version written out
    /// in full (it may be beyond 64 bits: `1e20`).
    NewerVersion { file: String, found: String },
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
    /// For a state file of another table: names that table in the headline by its title,
    /// `title_of` its id (the deployment's list of tables knows it; core does not).
    pub fn name_other_table(&mut self, title_of: impl Fn(&str) -> Option<String>) {
        if let FileError::OtherDataset {
            found, found_title, ..
        } = self
        {
            *found_title = title_of(found);
        }
    }

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
            FileError::TooLarge { size, limit, .. } => format!(
                "文件“{file}”太大（{}，本任务表的上限是 {}），不是本系统导出的报送文件。{SEND_THIS}",
                megabytes(*size),
                limit_megabytes(*limit)
            ),
            FileError::NotJson { .. } | FileError::NotOurFormat { .. } => {
                format!("文件“{file}”不是本系统导出的报送文件。{SEND_THIS}")
            }
            FileError::Malformed { .. } => {
                format!("文件“{file}”不完整或被改动过，无法导入。{SEND_THIS}")
            }
            FileError::OtherDataset {
                title,
                found_title: Some(other),
                ..
            } => format!(
                "文件“{file}”是任务表“{other}”的报送文件，不能导入本表“{title}”。请到那张任务表的汇总与导入页面导入它。"
            ),
            FileError::OtherDataset { title, .. } => format!(
                "文件“{file}”是另一张任务表（例如其他年份的任务表）的报送文件，不能导入本表“{title}”。请让报送单位从本表导出报送文件。"
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
            FileError::TooLarge { limit, .. } => {
                format!("本任务表可导入的文件不超过 {}。", limit_megabytes(*limit))
            }
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

/// A limit in MB with one decimal, rounded down (so a file shown as at the limit is within
/// it), without a decimal when it is whole: `5 MB`, `40.5 MB`.
fn limit_megabytes(limit: usize) -> String {
    let tenths = (limit as f64 / (1024.0 * 1024.0) * 10.0).floor() as u64;
    match tenths % 10 {
        0 => format!("{} MB", tenths / 10),
        d => format!("{}.{d} MB", tenths / 10),
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
        let file = self.file_name();
        match self {
            FileError::TooLarge { size, limit, .. } => write!(
                f,
                "文件“{file}”太大（{}），超过了本任务表 {} 的上限，不是本系统导出的报送文件。",
                megabytes(*size),
                limit_megabytes(*limit)
            ),
            FileError::NotJson { detail, .. } => write!(
                f,
                "文件“{file}”不是有效的 JSON 文件（{detail}）。请选择本系统导出的报送文件（.json）。"
            ),
            FileError::OtherDataset {
                found, expected, ..
            } => write!(
                f,
                "文件“{file}”属于任务表“{found}”，而当前任务表是“{expected}”，不能导入。"
            ),
            FileError::NewerVersion { found, .. } => write!(
                f,
                "文件“{file}”是第 {found} 版格式，本系统只能读取第 {VERSION} 版及以前的格式。请使用最新版本的本系统导入。"
            ),
            // What is wrong, then the detail as the 详情 toggle shows it.
            FileError::NotOurFormat { .. } => {
                write!(f, "文件“{file}”不是本系统的报送文件：")?;
                f.write_str(&self.detail().unwrap_or_default())
            }
            FileError::Malformed { .. } => {
                write!(f, "文件“{file}”的格式有误：")?;
                f.write_str(&self.detail().unwrap_or_default())
            }
            // The headline, then the detail in brackets.
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
