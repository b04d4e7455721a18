//! An Excel `.xlsx` into [`Block`]s: the workbook's first sheet, its cells (shared strings,
//! inline strings, numbers as written) and its merged ranges (`<mergeCell ref="A2:A5"/>`) as
//! spans, so that a merged cell belongs to every row it covers, as in Word and HTML. Rows above
//! the table that hold one cell only (the 附件 line, the title merged across the sheet) are
//! paragraphs, as they are in the document the sheet was copied from.
//!
//! Read with the zip and quick-xml crates the Word reader already uses: calamine would bring
//! second copies of both (other major versions) and the encodings of the old `.xls`.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::{Cursor, Read};

use quick_xml::events::{BytesStart, Event};

use crate::grid::{Block, Cell};
use crate::ReadError;

/// A place on the sheet: zero-based row and column.
type Place = (usize, usize);

/// The most one part may hold once unpacked: a zip bomb stops here.
const MAX_XML: u64 = 200 * 1024 * 1024;

/// The blocks of an .xlsx file's first sheet.
pub fn blocks(bytes: &[u8]) -> Result<Vec<Block>, ReadError> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| ReadError::NotExcel)?;
    let mut part = |name: &str| -> Option<Result<String, ReadError>> {
        let mut file = zip.by_name(name).ok()?;
        let mut xml = String::new();
        Some(
            (&mut file)
                .take(MAX_XML)
                .read_to_string(&mut xml)
                .map(|_| xml)
                .map_err(|_| ReadError::BrokenExcel),
        )
    };
    let workbook = part("xl/workbook.xml").ok_or(ReadError::NotExcel)??;
    let rels = part("xl/_rels/workbook.xml.rels").transpose()?;
    let sheet_path = first_sheet(&workbook, rels.as_deref().unwrap_or(""))?
        .unwrap_or_else(|| "xl/worksheets/sheet1.xml".to_string());
    let strings = part("xl/sharedStrings.xml").transpose()?;
    let strings = match strings {
        Some(xml) => shared_strings(&xml)?,
        None => Vec::new(),
    };
    let sheet = part(&sheet_path).ok_or(ReadError::NotExcel)??;
    sheet_blocks(&sheet, &strings)
}

/// Attribute `name` of `e`, unescaped.
fn attr(e: &BytesStart, name: &str) -> Option<String> {
    let a = e.try_get_attribute(name).ok().flatten()?;
    a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
        .ok()
        .map(|v| v.into_owned())
}

/// Every event of `xml`, text unescaped, to `f`: `(name, Some(element))` at a start (an empty
/// element gives its start and its end), `(name, None)` at an end, `("", None)` with text.
fn walk(xml: &str, mut f: impl FnMut(&str, Option<&BytesStart>, &str)) -> Result<(), ReadError> {
    let mut reader = quick_xml::Reader::from_str(xml);
    loop {
        match reader.read_event().map_err(|_| ReadError::BrokenExcel)? {
            Event::Start(e) => f(e.local_name().as_ref(), Some(&e), ""),
            Event::Empty(e) => {
                let name = e.local_name().as_ref().to_string();
                f(&name, Some(&e), "");
                f(&name, None, "");
            }
            Event::End(e) => f(e.local_name().as_ref(), None, ""),
            Event::Text(t) => f("", None, &t.xml10_content()),
            Event::CData(t) => f("", None, &t.xml10_content()),
            Event::GeneralRef(r) => {
                let c = match r.resolve_char_ref() {
                    Ok(Some(c)) => Some(c),
                    _ => match r.as_ref() {
                        "amp" => Some('&'),
                        "lt" => Some('<'),
                        "gt" => Some('>'),
                        "quot" => Some('"'),
                        "apos" => Some('\''),
                        _ => None,
                    },
                };
                if let Some(c) = c {
                    f("", None, c.encode_utf8(&mut [0; 4]));
                }
            }
            Event::Eof => return Ok(()),
            _ => {}
        }
    }
}

/// The part of the workbook's first sheet, from its relationship id.
fn first_sheet(workbook: &str, rels: &str) -> Result<Option<String>, ReadError> {
    let mut id = None;
    walk(workbook, |name, e, _| {
        if let (None, "sheet", Some(e)) = (&id, name, e) {
            id = attr(e, "r:id");
        }
    })?;
    let Some(id) = id else { return Ok(None) };
    let mut target = None;
    walk(rels, |name, e, _| {
        if let ("Relationship", Some(e)) = (name, e) {
            if attr(e, "Id").as_deref() == Some(id.as_str()) {
                target = attr(e, "Target");
            }
        }
    })?;
    Ok(target.map(|t| match t.strip_prefix('/') {
        Some(absolute) => absolute.to_string(),
        None => format!("xl/{t}"),
    }))
}

/// The shared strings: each `<si>`'s text, its runs joined, phonetic runs (`<rPh>`) left out.
fn shared_strings(xml: &str) -> Result<Vec<String>, ReadError> {
    let mut out = Vec::new();
    let (mut in_t, mut in_ph) = (false, false);
    walk(xml, |name, e, text| match (name, e) {
        ("si", Some(_)) => out.push(String::new()),
        ("rPh", Some(_)) => in_ph = true,
        ("rPh", None) => in_ph = false,
        ("t", Some(_)) => in_t = true,
        ("t", None) => in_t = false,
        ("", None) if in_t && !in_ph => {
            if let Some(s) = out.last_mut() {
                s.push_str(text);
            }
        }
        _ => {}
    })?;
    Ok(out)
}

/// `B12` → (11, 1), zero-based row and column.
fn cell_ref(r: &str) -> Option<(usize, usize)> {
    let letters: String = r.chars().take_while(|c| c.is_ascii_alphabetic()).collect();
    let digits = &r[letters.len()..];
    if letters.is_empty() || letters.len() > 3 {
        return None;
    }
    let col = letters.chars().fold(0usize, |n, c| {
        n * 26 + (c.to_ascii_uppercase() as usize - 'A' as usize + 1)
    });
    let row: usize = digits.parse().ok()?;
    (1..=1_048_576).contains(&row).then(|| (row - 1, col - 1))
}

/// The sheet's cells and merges, as blocks.
fn sheet_blocks(xml: &str, strings: &[String]) -> Result<Vec<Block>, ReadError> {
    let mut cells: BTreeMap<(usize, usize), String> = BTreeMap::new();
    let mut merges: Vec<(Place, Place)> = Vec::new();
    // The cell being read: its place, type, value and inline text.
    let mut at: Option<(usize, usize)> = None;
    let mut kind = String::new();
    let mut value = String::new();
    let (mut in_v, mut in_t) = (false, false);
    let (mut row, mut next_col) = (0usize, 0usize);
    walk(xml, |name, e, text| match (name, e) {
        ("row", Some(e)) => {
            row = attr(e, "r")
                .and_then(|r| r.parse::<usize>().ok())
                .map_or(row + 1, |r| r.saturating_sub(1));
            next_col = 0;
        }
        ("row", None) => row += 1,
        ("c", Some(e)) => {
            let place = attr(e, "r")
                .and_then(|r| cell_ref(&r))
                .unwrap_or((row, next_col));
            next_col = place.1 + 1;
            at = Some(place);
            kind = attr(e, "t").unwrap_or_default();
            value.clear();
        }
        ("c", None) => {
            if let Some(place) = at.take() {
                let text = match kind.as_str() {
                    "s" => value
                        .trim()
                        .parse::<usize>()
                        .ok()
                        .and_then(|i| strings.get(i).cloned())
                        .unwrap_or_default(),
                    "b" => (if value.trim() == "1" { "TRUE" } else { "FALSE" }).to_string(),
                    _ => value.clone(),
                };
                let text = text.replace("\r\n", "\n").trim().to_string();
                if !text.is_empty() {
                    cells.insert(place, text);
                }
            }
        }
        ("v", Some(_)) => in_v = true,
        ("v", None) => in_v = false,
        ("t", Some(_)) => in_t = true,
        ("t", None) => in_t = false,
        ("", None) if at.is_some() && (in_v || in_t) => value.push_str(text),
        ("mergeCell", Some(e)) => {
            let range = attr(e, "ref").unwrap_or_default();
            let (a, b) = range.split_once(':').unwrap_or((&range, &range));
            if let (Some(a), Some(b)) = (cell_ref(a), cell_ref(b)) {
                merges.push(((a.0.min(b.0), a.1.min(b.1)), (a.0.max(b.0), a.1.max(b.1))));
            }
        }
        _ => {}
    })?;
    Ok(layout(&cells, &merges))
}

/// Rows of cells from the sheet's places: the top-left cell of a merge spans it, the places it
/// covers are left out (as an HTML table leaves out what a `rowspan` covers).
fn layout(cells: &BTreeMap<(usize, usize), String>, merges: &[(Place, Place)]) -> Vec<Block> {
    let Some(last_row) = cells.keys().map(|k| k.0).max() else {
        return Vec::new();
    };
    let first_col = cells.keys().map(|k| k.1).min().unwrap_or(0);
    let last_col = cells.keys().map(|k| k.1).max().unwrap_or(0);
    let mut start: HashMap<Place, Place> = HashMap::new();
    let mut covered = HashSet::new();
    for &((r0, c0), (r1, c1)) in merges {
        // A merge is never wider or longer than the sheet's content.
        let (r1, c1) = (r1.min(last_row), c1.min(last_col));
        if r1 < r0 || c1 < c0 || (r1 - r0 + 1) * (c1 - c0 + 1) > 4_000_000 {
            continue;
        }
        start.insert((r0, c0), (r1 - r0 + 1, c1 - c0 + 1));
        for r in r0..=r1 {
            for c in c0..=c1 {
                if (r, c) != (r0, c0) {
                    covered.insert((r, c));
                }
            }
        }
    }
    let first_row = cells.keys().map(|k| k.0).min().unwrap_or(0);
    let mut blocks = Vec::new();
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    for r in first_row..=last_row {
        let filled: Vec<&String> = (first_col..=last_col)
            .filter_map(|c| cells.get(&(r, c)))
            .collect();
        // Above the table, a row of one cell is a line of the document.
        if rows.is_empty() && filled.len() <= 1 {
            if let Some(text) = filled.first() {
                blocks.push(Block::Paragraph(text.to_string()));
            }
            continue;
        }
        let mut row = Vec::new();
        for c in first_col..=last_col {
            if covered.contains(&(r, c)) {
                continue;
            }
            let text = cells.get(&(r, c)).cloned().unwrap_or_default();
            row.push(match start.get(&(r, c)) {
                Some(&(rows, cols)) => Cell::span(text, rows, cols),
                None => Cell::new(text),
            });
        }
        rows.push(row);
    }
    if !rows.is_empty() {
        blocks.push(Block::Table(rows));
    }
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_are_rows_and_columns() {
        assert_eq!(cell_ref("A1"), Some((0, 0)));
        assert_eq!(cell_ref("B12"), Some((11, 1)));
        assert_eq!(cell_ref("AA3"), Some((2, 26)));
        assert_eq!(cell_ref("1A"), None);
        assert_eq!(cell_ref("A0"), None);
    }

    #[test]
    fn a_sheet_with_shared_and_inline_strings_a_merge_and_a_gap() {
        let strings = shared_strings(
            r#"<sst><si><t>工作任务</t></si><si><r><t>牵头</t></r><r><t>单位</t></r></si><si><t>区财政局</t><rPh><t>くざい</t></rPh></si></sst>"#,
        )
        .unwrap();
        assert_eq!(strings, ["工作任务", "牵头单位", "区财政局"]);
        let sheet = r#"<worksheet><sheetData>
            <row r="1"><c r="A1" t="inlineStr"><is><t>2026年某区任务分解表</t></is></c></row>
            <row r="2"><c r="A2" t="s"><v>0</v></c><c r="C2" t="s"><v>1</v></c></row>
            <row r="3"><c r="A3" t="inlineStr"><is><t>公开预算&amp;决算</t></is></c><c r="C3" t="s"><v>2</v></c></row>
            <row r="4"><c r="A4" t="inlineStr"><is><t>公开采购</t></is></c></row>
            <row r="5"><c r="A5"><v>5</v></c><c r="B5" t="str"><v>x</v></c></row>
        </sheetData><mergeCells><mergeCell ref="A1:C1"/><mergeCell ref="C3:C4"/></mergeCells></worksheet>"#;
        let blocks = sheet_blocks(sheet, &strings).unwrap();
        let c = |t: &str| Cell::new(t);
        assert_eq!(
            blocks,
            [
                Block::Paragraph("2026年某区任务分解表".into()),
                Block::Table(vec![
                    vec![c("工作任务"), c(""), c("牵头单位")],
                    vec![c("公开预算&决算"), c(""), Cell::span("区财政局", 2, 1)],
                    vec![c("公开采购"), c("")],
                    vec![c("5"), c("x"), c("")],
                ]),
            ]
        );
    }
}
