//! A Word `.docx` into [`Block`]s: the body of `word/document.xml`, its paragraphs and its
//! tables. A cell's `w:gridSpan` is its width in grid columns; `w:vMerge` without a value (or
//! `continue`) continues the cell above in the same grid column, which grows by one row.
//! `w:t` is text, `w:tab` a space, `w:br` and a paragraph's end a line break. A table inside a
//! cell is read as that cell's text. Deleted text (`w:delText`) is not read.

use std::io::Cursor;

use quick_xml::events::{BytesStart, Event};

use crate::grid::{paragraphs, Block, Cell};
use crate::xml;
use crate::ReadError;

/// The blocks of a .docx file's main document.
pub fn blocks(bytes: &[u8]) -> Result<Vec<Block>, ReadError> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| ReadError::NotZip)?;
    let xml = xml::part(&mut zip, "word/document.xml")
        .ok_or(ReadError::NotWord)?
        .map_err(|_| ReadError::BrokenWord)?;
    document(&xml)
}

/// The blocks of a `word/document.xml`.
pub fn document(xml: &str) -> Result<Vec<Block>, ReadError> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut doc = Doc::default();
    loop {
        let event = reader.read_event().map_err(|_| ReadError::BrokenWord)?;
        match event {
            Event::Start(e) => doc.start(&e, false),
            Event::Empty(e) => doc.start(&e, true),
            Event::End(e) => doc.end(e.local_name().as_ref()),
            Event::Text(t) if doc.in_text => doc.push(&t.xml10_content()),
            Event::GeneralRef(r) if doc.in_text => {
                if let Some(c) = xml::entity(&r) {
                    doc.push(c.encode_utf8(&mut [0; 4]));
                }
            }
            Event::CData(t) if doc.in_text => doc.push(&t.xml10_content()),
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(doc.blocks)
}

/// A table being read: its rows, the open row and cell, and for each grid column the cell
/// that last began there (row, index), which a `w:vMerge` continuation extends.
#[derive(Default)]
struct OpenTable {
    rows: Vec<Vec<Cell>>,
    col: usize,
    above: Vec<Option<(usize, usize)>>,
    cell: Option<OpenCell>,
}

#[derive(Default)]
struct OpenCell {
    span: usize,
    /// `Some(false)`: continues the cell above; `Some(true)`: begins a merge.
    merge: Option<bool>,
    lines: Vec<String>,
}

#[derive(Default)]
struct Doc {
    blocks: Vec<Block>,
    /// Nesting of `w:tbl`: only the outermost table makes cells.
    depth: usize,
    table: OpenTable,
    /// The body paragraph being read (outside tables).
    line: String,
    in_text: bool,
}

fn val(e: &BytesStart) -> Option<String> {
    xml::attr(e, "w:val")
}

impl Doc {
    fn start(&mut self, e: &BytesStart, empty: bool) {
        match e.local_name().as_ref() {
            "tbl" if !empty => {
                if self.depth == 0 {
                    self.table = OpenTable::default();
                }
                self.depth += 1;
            }
            "tr" if self.depth == 1 && !empty => {
                self.table.rows.push(Vec::new());
                self.table.col = 0;
            }
            "tc" if self.depth == 1 => {
                self.table.cell = Some(OpenCell {
                    span: 1,
                    merge: None,
                    lines: vec![String::new()],
                });
                if empty {
                    self.end("tc");
                }
            }
            "gridSpan" if self.depth == 1 => {
                if let Some(cell) = self.table.cell.as_mut() {
                    cell.span = val(e)
                        .and_then(|v| v.parse().ok())
                        .unwrap_or(1)
                        .clamp(1, 1000);
                }
            }
            "vMerge" if self.depth == 1 => {
                if let Some(cell) = self.table.cell.as_mut() {
                    cell.merge = Some(val(e).as_deref() == Some("restart"));
                }
            }
            "t" if !empty => self.in_text = true,
            "tab" | "ptab" => self.push(" "),
            "br" | "cr" => self.line_break(),
            _ => {}
        }
    }

    fn end(&mut self, name: &str) {
        match name {
            "t" => self.in_text = false,
            "p" => self.line_break(),
            "tc" if self.depth == 1 => self.end_cell(),
            "tbl" if self.depth > 0 => {
                self.depth -= 1;
                if self.depth == 0 {
                    let rows = std::mem::take(&mut self.table.rows);
                    if rows.iter().any(|r| !r.is_empty()) {
                        self.blocks.push(Block::Table(rows));
                    }
                }
            }
            _ => {}
        }
    }

    fn end_cell(&mut self) {
        let table = &mut self.table;
        let Some(cell) = table.cell.take() else {
            return;
        };
        let col = table.col;
        table.col += cell.span;
        if table.above.len() < table.col {
            table.above.resize(table.col, None);
        }
        let r = table.rows.len().saturating_sub(1);
        if cell.merge == Some(false) {
            if let Some((ar, ai)) = table.above[col] {
                let upper = &mut table.rows[ar][ai];
                if ar + upper.rows == r {
                    upper.rows += 1;
                    return;
                }
            }
        }
        let text = paragraphs(cell.lines.iter().map(String::as_str));
        if table.rows.is_empty() {
            table.rows.push(Vec::new());
        }
        let row = &mut table.rows[r];
        row.push(Cell::span(text, 1, cell.span));
        let id = Some((r, row.len() - 1));
        for c in col..col + cell.span {
            table.above[c] = id;
        }
    }

    fn push(&mut self, text: &str) {
        if self.depth == 0 {
            self.line.push_str(text);
        } else if let Some(cell) = self.table.cell.as_mut() {
            cell.lines
                .last_mut()
                .expect("a cell has a line")
                .push_str(text);
        }
    }

    fn line_break(&mut self) {
        if self.depth == 0 {
            let text = paragraphs([self.line.as_str()]);
            self.line.clear();
            if !text.is_empty() {
                self.blocks.push(Block::Paragraph(text));
            }
        } else if let Some(cell) = self.table.cell.as_mut() {
            cell.lines.push(String::new());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tc(props: &str, text: &str) -> String {
        format!("<w:tc><w:tcPr>{props}</w:tcPr><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>")
    }

    #[test]
    fn grid_spans_and_vertical_merges_become_spans() {
        let xml = format!(
            r#"<w:document xmlns:w="x"><w:body><w:p><w:r><w:t xml:space="preserve">附件 </w:t></w:r></w:p>
            <w:tbl><w:tr>{}{}</w:tr><w:tr>{}{}{}</w:tr><w:tr>{}{}{}</w:tr></w:tbl>
            <w:p><w:r><w:t>A&amp;B&#x4e2d;</w:t><w:tab/><w:t>C</w:t><w:br/><w:t>D</w:t></w:r></w:p></w:body></w:document>"#,
            tc(r#"<w:gridSpan w:val="2"/>"#, "工作任务"),
            tc("", "牵头单位"),
            tc(r#"<w:vMerge w:val="restart"/>"#, "一、公开"),
            tc("", "任务1"),
            tc("", "区财政局"),
            tc("<w:vMerge/>", ""),
            tc("", "任务2"),
            tc(r#"<w:vMerge w:val="continue"/>"#, ""),
        );
        let blocks = document(&xml).unwrap();
        assert_eq!(blocks[0], Block::Paragraph("附件".into()));
        let Block::Table(rows) = &blocks[1] else {
            panic!("a table: {blocks:?}")
        };
        assert_eq!(
            rows[0],
            [Cell::span("工作任务", 1, 2), Cell::new("牵头单位")]
        );
        assert_eq!(
            rows[1],
            [
                Cell::span("一、公开", 2, 1),
                Cell::new("任务1"),
                Cell::span("区财政局", 2, 1)
            ]
        );
        assert_eq!(rows[2], [Cell::new("任务2")]);
        assert_eq!(blocks[2], Block::Paragraph("A&B中 C".into()));
        assert_eq!(blocks[3], Block::Paragraph("D".into()));
    }

    #[test]
    fn not_a_zip_and_not_word_are_told_apart() {
        assert_eq!(blocks(b"PK\x03\x04junk"), Err(ReadError::NotZip));
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        zip.start_file("xl/workbook.xml", zip::write::SimpleFileOptions::default())
            .unwrap();
        std::io::Write::write_all(&mut zip, b"<x/>").unwrap();
        let bytes = zip.finish().unwrap().into_inner();
        assert_eq!(blocks(&bytes), Err(ReadError::NotWord));
    }
}
