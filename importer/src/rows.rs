//! Splitting the source text into the title and the six-cell table rows.
//!
//! Layout (see `docs/data-format.md` and the domain notes): a preamble of lines without a
//! leading tab (`附件`, the title), then a header row of three tab lines, then the table rows,
//! each six tab lines (pillar, section, item, task, lead, responsible), rows separated by blank
//! lines. A non-blank line without a leading tab continues the cell above it, also across a
//! blank line. A row may be broken by a blank line (the first row is broken after its second
//! cell): cells are gathered until there are six. The last row may lack its trailing blank
//! cells (it has four).

use crate::error::{ErrorKind, ImportError};

/// The header row's three cells, in order.
pub const HEADER: [&str; 3] = ["工作任务及要求", "牵头单位", "责任单位"];

/// Columns of a table row.
pub const PILLAR: usize = 0;
pub const SECTION: usize = 1;
pub const ITEM: usize = 2;
pub const TEXT: usize = 3;
pub const LEAD: usize = 4;
pub const RESPONSIBLE: usize = 5;

/// One cell: the text after its leading tab, continuation lines joined with `\n`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    /// 1-based line of the cell's tab line (0 for a missing trailing cell of the last row).
    pub line: usize,
    pub raw: String,
}

/// One table row, always six cells (missing trailing cells of the last row are blank).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// Line of the row's first cell.
    pub line: usize,
    pub cells: [Cell; 6],
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub title: String,
    pub rows: Vec<Row>,
}

/// Splits the source text into its title and rows.
pub fn split(source: &str) -> Result<Document, ImportError> {
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let lines: Vec<&str> = source.lines().collect();
    let last_line = lines.len().max(1);

    // Preamble: everything before the first tab line.
    let first_cell = lines.iter().position(|l| l.starts_with('\t'));
    let preamble_end = first_cell.unwrap_or(lines.len());
    let title = lines[..preamble_end]
        .iter()
        .map(|l| l.trim())
        .find(|l| !l.is_empty() && *l != "附件")
        .ok_or(ImportError {
            line: 1,
            kind: ErrorKind::MissingTitle,
        })?
        .to_string();
    if first_cell.is_none() {
        return Err(ImportError {
            line: last_line,
            kind: ErrorKind::MissingHeader,
        });
    }

    let mut blocks = blocks(&lines, preamble_end)?.into_iter();

    let header = blocks.next().ok_or(ImportError {
        line: preamble_end + 1,
        kind: ErrorKind::MissingHeader,
    })?;
    let found: Vec<String> = header.iter().map(|c| c.raw.trim().to_string()).collect();
    if found != HEADER {
        return Err(ImportError {
            line: header[0].line,
            kind: ErrorKind::BadHeader { found },
        });
    }

    // Gather blocks into rows of six cells.
    let mut rows = Vec::new();
    let mut pending: Vec<Cell> = Vec::new();
    for block in blocks {
        if pending.len() + block.len() > 6 {
            // Either an incomplete row followed by another row, or a block of too many cells.
            let bad = if pending.is_empty() { &block } else { &pending };
            return Err(ImportError {
                line: bad[0].line,
                kind: ErrorKind::WrongCellCount { found: bad.len() },
            });
        }
        pending.extend(block);
        if pending.len() == 6 {
            rows.push(row(std::mem::take(&mut pending)));
        }
    }
    if !pending.is_empty() {
        // The last row: its trailing blank cells may be missing, but not its task cell.
        if pending.len() <= TEXT {
            return Err(ImportError {
                line: pending[0].line,
                kind: ErrorKind::WrongCellCount {
                    found: pending.len(),
                },
            });
        }
        while pending.len() < 6 {
            pending.push(Cell {
                line: 0,
                raw: String::new(),
            });
        }
        rows.push(row(pending));
    }
    if rows.is_empty() {
        return Err(ImportError {
            line: last_line,
            kind: ErrorKind::NoRows,
        });
    }
    Ok(Document { title, rows })
}

fn row(cells: Vec<Cell>) -> Row {
    let line = cells[0].line;
    let cells: [Cell; 6] = cells.try_into().expect("a row is gathered as six cells");
    Row { line, cells }
}

/// Groups the lines from `start` (0-based) into blocks of cells separated by blank lines.
fn blocks(lines: &[&str], start: usize) -> Result<Vec<Vec<Cell>>, ImportError> {
    let mut blocks = Vec::new();
    let mut current: Vec<Cell> = Vec::new();
    let mut blank_before = false;
    for (i, line) in lines.iter().enumerate().skip(start) {
        let number = i + 1;
        if let Some(rest) = line.strip_prefix('\t') {
            if blank_before && !current.is_empty() {
                blocks.push(std::mem::take(&mut current));
            }
            blank_before = false;
            current.push(Cell {
                line: number,
                raw: rest.to_string(),
            });
        } else if line.trim().is_empty() {
            blank_before = true;
        } else {
            // A continuation line: it belongs to the cell above, even across a blank line.
            let cell = current.last_mut().ok_or(ImportError {
                line: number,
                kind: ErrorKind::TextOutsideCell,
            })?;
            cell.raw.push('\n');
            cell.raw.push_str(line);
            blank_before = false;
        }
    }
    if !current.is_empty() {
        blocks.push(current);
    }
    Ok(blocks)
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = "附件\n标题\n\n\t工作任务及要求\n\t牵头单位\n\t责任单位\n\n";

    #[test]
    fn rows_of_six_cells() {
        let doc = split(&format!(
            "{HEAD}\tP\n\tS\n\t\n\tT\n\tL\n\tR\n\n\t\n\t\n\t\n\tT2\n\t\n\t\n"
        ))
        .unwrap();
        assert_eq!(doc.title, "标题");
        assert_eq!(doc.rows.len(), 2);
        assert_eq!(doc.rows[0].line, 8);
        assert_eq!(doc.rows[1].cells[TEXT].raw, "T2");
        assert_eq!(doc.rows[1].cells[TEXT].line, 18);
    }

    #[test]
    fn continuation_after_blank_line_joins_cell() {
        let doc = split(&format!("{HEAD}\tP\n\tS\n\t\n\tT\n\nmore\n\tL\n\tR\n")).unwrap();
        assert_eq!(doc.rows[0].cells[TEXT].raw, "T\nmore");
        assert_eq!(doc.rows[0].cells[LEAD].raw, "L");
    }

    #[test]
    fn crlf_and_bom_are_accepted() {
        let src = format!("\u{feff}{HEAD}\tP\n\tS\n\t\n\tT\n\tL\n\tR\n").replace('\n', "\r\n");
        let doc = split(&src).unwrap();
        assert_eq!(doc.rows.len(), 1);
        assert_eq!(doc.rows[0].cells[RESPONSIBLE].raw, "R");
    }
}
