//! What can stop a reading, in the words the office reads.

use std::fmt;

/// Why a file gives no reading at all. (A reading with problems is still a reading: those are
/// listed with their tasks, see `reading::Mark`.)
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    /// Bigger than [`crate::MAX_FILE`]: the size in bytes.
    TooBig(u64),
    /// A format the reader cannot open (.doc, .wps, .pdf, .et, …): its extension.
    Unsupported(String),
    /// Not a zip, though named .docx.
    NotZip,
    /// A zip without `word/document.xml`.
    NotWord,
    /// The Word XML is broken.
    BrokenWord,
    /// Named .xlsx but not a zip, or a zip without a workbook and its sheet.
    NotExcel,
    /// The workbook's XML is broken.
    BrokenExcel,
    /// Nothing like a task table: no header row and no numbered paragraphs.
    NoTable,
    /// A header row, but no unit column in it: the headers found.
    NoUnitColumn(Vec<String>),
}

/// The headers the reader looks for, as the message names them.
pub const HEADERS_LOOKED_FOR: &str =
    "“工作任务”“重点任务”“具体要求”“工作要求”“牵头单位”“责任单位”“责任部门”“完成时限”等";

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::TooBig(bytes) => write!(
                f,
                "文件太大（{:.1} MB），超过 {} MB 的上限。请只保留任务表部分后再试。",
                *bytes as f64 / 1024.0 / 1024.0,
                crate::MAX_FILE / 1024 / 1024
            ),
            ReadError::Unsupported(ext) if ext == "xls" || ext == "et" => write!(
                f,
                "不能直接读取 .{ext} 文件。请在 Excel/WPS 中另存为 .xlsx 后再导入，或在 Excel/WPS 中选中整张表格复制，粘贴到这里。"
            ),
            ReadError::Unsupported(ext) => write!(
                f,
                "不能直接读取 .{ext} 文件。请在 Word/WPS 中另存为 .docx 后再导入，或在 Word/WPS 中选中整张表格复制，粘贴到这里。"
            ),
            ReadError::NotZip => f.write_str(
                "这个文件不是有效的 .docx 文件（文件已损坏，或只是改了扩展名）。请在 Word/WPS 中重新另存为 .docx。",
            ),
            ReadError::NotWord => f.write_str(
                "这个文件不是 Word 文档（.docx 中没有正文）。如果它是 Excel 表格，请另存为 .xlsx 后导入。",
            ),
            ReadError::BrokenWord => f.write_str(
                "这个 Word 文档的内容已损坏，无法读取。请在 Word/WPS 中打开后重新另存为 .docx。",
            ),
            ReadError::NotExcel => f.write_str(
                "这个文件不是有效的 Excel 工作簿（文件已损坏、只是改了扩展名，或其中没有工作表）。请在 Excel/WPS 中另存为 .xlsx 后再试，或选中表格复制，粘贴到这里。",
            ),
            ReadError::BrokenExcel => f.write_str(
                "这个 Excel 工作簿的内容已损坏，无法读取。请在 Excel/WPS 中打开后重新另存为 .xlsx。",
            ),
            ReadError::NoTable => write!(
                f,
                "没有找到任务表：文中既没有含{HEADERS_LOOKED_FOR}表头的表格，也没有以“一、”“（一）”“1.”编号、并在括号中写明责任单位的段落。"
            ),
            ReadError::NoUnitColumn(headers) => write!(
                f,
                "找到了表头（{}），但没有找到单位列：表头中应有“牵头单位”“责任单位”“责任部门”“责任科室”或“负责科室”。",
                headers.join("｜")
            ),
        }
    }
}

impl std::error::Error for ReadError {}
