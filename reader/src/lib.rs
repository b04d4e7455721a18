//! `gk-reader`: reads an office's 政务公开重点工作任务分解表 as it has it (a Word .docx, a web
//! page's table, a paste from Word or a browser) into a reading that the office checks and
//! corrects before it becomes a task-table file (`gk_core::model::Table`).
//!
//! - [`grid`]: the one shape of every source: paragraphs and tables of spanned cells;
//! - [`html`], [`docx`], [`xlsx`]: the sources into that shape;
//! - the layout rules then find the header, the columns and the hierarchy.

pub mod docx;
mod error;
pub mod grid;
pub mod html;
pub mod layout;
pub mod publish;
pub mod reading;
mod text;
pub mod times;
pub mod units;
pub mod xlsx;
mod xml;

pub use error::{ReadError, HEADERS_LOOKED_FOR};
pub use text::is_cell_per_line;

/// The largest file the reader opens.
pub const MAX_FILE: u64 = 20 * 1024 * 1024;

/// The blocks of a file, by its name's extension: .docx, .html/.htm, or text (.txt, a paste
/// without HTML). Refuses what it cannot read with the words to say.
pub fn blocks_of_file(name: &str, bytes: &[u8]) -> Result<Vec<grid::Block>, ReadError> {
    if bytes.len() as u64 > MAX_FILE {
        return Err(ReadError::TooBig(bytes.len() as u64));
    }
    let ext = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "docx" | "docm" => docx::blocks(bytes),
        "xlsx" | "xlsm" => xlsx::blocks(bytes),
        "html" | "htm" | "mht" | "xhtml" => Ok(html::blocks(&String::from_utf8_lossy(bytes))),
        "doc" | "wps" | "pdf" | "et" | "xls" | "rtf" | "odt" | "ofd" => {
            Err(ReadError::Unsupported(ext))
        }
        _ if bytes.starts_with(b"PK") => match docx::blocks(bytes) {
            Err(ReadError::NotWord) => xlsx::blocks(bytes),
            other => other,
        },
        _ if looks_like_html(bytes) => Ok(html::blocks(&String::from_utf8_lossy(bytes))),
        _ => Ok(text_blocks(&String::from_utf8_lossy(bytes))),
    }
}

/// Plain text (a paste without HTML, or a .txt): a line with tabs is a table row of those
/// cells, other lines are paragraphs.
pub fn text_blocks(text: &str) -> Vec<grid::Block> {
    if text::is_cell_per_line(text) {
        return text::blocks(text);
    }
    let mut blocks = Vec::new();
    let mut rows: Vec<Vec<grid::Cell>> = Vec::new();
    for line in text.lines() {
        if line.contains('\t') {
            rows.push(
                line.split('\t')
                    .map(|c| grid::Cell::new(c.trim()))
                    .collect(),
            );
            continue;
        }
        if !rows.is_empty() {
            blocks.push(grid::Block::Table(std::mem::take(&mut rows)));
        }
        let line = line.trim();
        if !line.is_empty() {
            blocks.push(grid::Block::Paragraph(line.to_string()));
        }
    }
    if !rows.is_empty() {
        blocks.push(grid::Block::Table(rows));
    }
    blocks
}

/// Reads a file into a [`reading::Reading`]: [`blocks_of_file`], then the layout rules. In
/// plain text a blank cell is one merged with the cell above (a copy loses the merge).
pub fn read_file(name: &str, bytes: &[u8]) -> Result<reading::Reading, ReadError> {
    let blocks = blocks_of_file(name, bytes)?;
    let text = !(bytes.starts_with(b"PK") || looks_like_html(bytes));
    layout::read(&blocks, text)
}

/// Reads a paste: its `text/html` when it has one (Word and browsers keep the table's spans
/// there), else its plain text.
pub fn read_paste(html: &str, text: &str) -> Result<reading::Reading, ReadError> {
    if html.len() as u64 > MAX_FILE || text.len() as u64 > MAX_FILE {
        return Err(ReadError::TooBig(html.len().max(text.len()) as u64));
    }
    match html.trim().is_empty() {
        false => layout::read(&html::blocks(html), false),
        true => layout::read(&text_blocks(text), true),
    }
}

fn looks_like_html(bytes: &[u8]) -> bool {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(2048)]).to_ascii_lowercase();
    head.contains("<html") || head.contains("<table") || head.contains("<!doctype html")
}
