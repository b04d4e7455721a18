//! An Excel `.xlsx` into [`Block`]s: the workbook's first sheet, its cells (shared strings,
//! inline strings, numbers as written) and its merged ranges (`<mergeCell ref="A2:A5"/>`) as
//! spans, so that a merged cell belongs to every row it covers, as in Word and HTML. Rows above
//! the table that hold one cell only (the 附件 line, the title merged across the sheet) are
//! paragraphs, as they are in the document the sheet was copied from. A number in a date
//! format (a 完成时限 typed as 2026/6/30) is written as the date, 2026年6月30日; text keeps its
//! line breaks, each line trimmed, and Excel's `_x000D_` escapes are undone.
//!
//! Read with the zip and quick-xml crates the Word reader already uses: calamine would bring
//! second copies of both (other major versions) and the encodings of the old `.xls`.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::Cursor;

use quick_xml::events::{BytesStart, Event};

use crate::grid::{paragraphs, Block, Cell};
use crate::xml::{self, attr};
use crate::ReadError;

/// The columns and rows of a sheet the reader reads; cells beyond are left out.
const MAX_COLS: usize = 64;
const MAX_ROWS: usize = 10_000;

/// A place on the sheet: zero-based row and column.
type Place = (usize, usize);

/// The blocks of an .xlsx file's first sheet.
pub fn blocks(bytes: &[u8]) -> Result<Vec<Block>, ReadError> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| ReadError::NotExcel)?;
    let mut part = |name: &str| -> Option<Result<String, ReadError>> {
        Some(xml::part(&mut zip, name)?.map_err(|_| ReadError::BrokenExcel))
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
    let styles = part("xl/styles.xml").transpose()?;
    let dates = Dates {
        styles: match styles {
            Some(xml) => date_styles(&xml)?,
            None => Vec::new(),
        },
        from_1904: from_1904(&workbook)?,
    };
    let sheet = part(&sheet_path)
        .or_else(|| part("xl/worksheets/sheet1.xml"))
        .ok_or(ReadError::NotExcel)??;
    sheet_blocks(&sheet, &strings, &dates)
}

/// Which cell styles (`s`, an index into `<cellXfs>`) show a number as a date, and whether the
/// workbook counts its days from 1904.
#[derive(Debug, Default)]
struct Dates {
    styles: Vec<bool>,
    from_1904: bool,
}

/// For each `<xf>` of `<cellXfs>` in `xl/styles.xml`: its number format is a date's.
fn date_styles(xml: &str) -> Result<Vec<bool>, ReadError> {
    let mut custom: BTreeMap<u32, bool> = BTreeMap::new();
    let mut ids = Vec::new();
    let mut in_xfs = false;
    walk(xml, |name, e, _| match (name, e) {
        ("numFmt", Some(e)) => {
            if let (Some(id), Some(code)) = (
                attr(e, "numFmtId").and_then(|i| i.parse().ok()),
                attr(e, "formatCode"),
            ) {
                custom.insert(id, is_date_format(&code));
            }
        }
        ("cellXfs", Some(_)) => in_xfs = true,
        ("cellXfs", None) => in_xfs = false,
        ("xf", Some(e)) if in_xfs => ids.push(
            attr(e, "numFmtId")
                .and_then(|i| i.parse::<u32>().ok())
                .unwrap_or(0),
        ),
        _ => {}
    })?;
    Ok(ids
        .into_iter()
        .map(|id| match custom.get(&id) {
            Some(&date) => date,
            // The built-in date formats, with the dates among those of the Chinese, Japanese
            // and Korean editions (27–36 and 50–58, less their times of day).
            None => matches!(id, 14..=17 | 22 | 27..=31 | 36 | 50..=54 | 57 | 58),
        })
        .collect())
}

/// A format code shows a date when, outside its quoted text and `[…]` parts, it has a year,
/// month or day (`m` beside `h` or `s` is minutes: a time of day alone is not a date).
fn is_date_format(code: &str) -> bool {
    let mut bare = String::new();
    let (mut quoted, mut bracket, mut escaped) = (false, false, false);
    for c in code.chars() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '"' => quoted = !quoted,
            '[' if !quoted => bracket = true,
            ']' if !quoted => bracket = false,
            _ if quoted || bracket => {}
            _ => bare.push(c.to_ascii_lowercase()),
        }
    }
    // The first section is the format of a positive number.
    let bare = bare.split(';').next().unwrap_or("");
    bare.contains(['y', 'd']) || (bare.contains('m') && !bare.contains(['h', 's']))
}

/// `<workbookPr date1904="1"/>`: the workbook counts its days from 1904 (old Mac Excel).
fn from_1904(workbook: &str) -> Result<bool, ReadError> {
    let mut on = false;
    walk(workbook, |name, e, _| {
        if let ("workbookPr", Some(e)) = (name, e) {
            on = matches!(attr(e, "date1904").as_deref(), Some("1" | "true"));
        }
    })?;
    Ok(on)
}

/// A date cell's serial number as the date, `2026年6月30日` (a time of day is left out), or
/// `None` when it is no date.
fn date(serial: &str, from_1904: bool) -> Option<String> {
    // The day is the whole part (the fraction is the time of day). Parsed as an integer: a
    // float parser would weigh some 15 kB of the page's wasm for this one use.
    let whole = serial.trim().split('.').next()?;
    let days: i32 = whole.parse().ok()?;
    if !(1..2_958_466).contains(&days) {
        return None;
    }
    // Days from 1970-01-01. Excel's 1900 count has a 29 February 1900 (day 60) that never was.
    let unix = match (from_1904, days) {
        (true, d) => d - 24_107,
        (false, 60) => return Some("1900年2月29日".to_string()),
        (false, d) if d < 60 => d - 25_568,
        (false, d) => d - 25_569,
    };
    // 1970-01-01 is Julian day 2,440,588 (the calendar is the time crate's, as in gk-core).
    let day = gk_core::model::Date::from_julian_day(2_440_588 + unix).ok()?;
    Some(format!(
        "{}年{}月{}日",
        day.year(),
        u8::from(day.month()),
        day.day()
    ))
}

/// Excel writes a character XML cannot hold (a carriage return from a paste) as `_xHHHH_`, and
/// a literal `_x…_` as `_x005F_x…_`: undone here.
fn unescape_x(text: &str) -> String {
    if !text.contains("_x") {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("_x") {
        out.push_str(&rest[..at]);
        let after = &rest[at + 2..];
        let code = after
            .get(..5)
            .filter(|h| h.ends_with('_') && h[..4].chars().all(|c| c.is_ascii_hexdigit()))
            .and_then(|h| u32::from_str_radix(&h[..4], 16).ok())
            .and_then(char::from_u32);
        match code {
            Some(c) => {
                out.push(c);
                rest = &after[5..];
            }
            None => {
                out.push_str("_x");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// A cell's text: escapes undone, each line trimmed, blank lines dropped.
fn cell_text(text: &str) -> String {
    paragraphs([unescape_x(text)
        .replace("\r\n", "\n")
        .replace('\r', "\n")
        .as_str()])
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
                if let Some(c) = xml::entity(&r) {
                    f("", None, c.encode_utf8(&mut [0; 4]));
                }
            }
            Event::Eof => return Ok(()),
            _ => {}
        }
    }
}

/// The part of the workbook's first sheet (the first not hidden, if any is), from its
/// relationship id.
fn first_sheet(workbook: &str, rels: &str) -> Result<Option<String>, ReadError> {
    let mut sheets: Vec<(String, bool)> = Vec::new();
    walk(workbook, |name, e, _| {
        if let ("sheet", Some(e)) = (name, e) {
            // The id is `r:id`, whatever the prefix of the relationships' namespace.
            let id = e.attributes().flatten().find_map(|a| {
                let key: &str = a.key.as_ref();
                let value = a
                    .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                    .ok()?;
                key.ends_with(":id").then(|| value.into_owned())
            });
            let hidden = attr(e, "state").is_some_and(|s| s != "visible");
            if let Some(id) = id {
                sheets.push((id, hidden));
            }
        }
    })?;
    let first = sheets.iter().find(|s| !s.1).or(sheets.first());
    let Some((id, _)) = first.cloned() else {
        return Ok(None);
    };
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
fn sheet_blocks(xml: &str, strings: &[String], dates: &Dates) -> Result<Vec<Block>, ReadError> {
    let mut cells: BTreeMap<(usize, usize), String> = BTreeMap::new();
    let mut merges: Vec<(Place, Place)> = Vec::new();
    // The cell being read: its place, type, value and inline text.
    let mut at: Option<(usize, usize)> = None;
    let mut kind = String::new();
    let mut style = 0usize;
    let mut value = String::new();
    let (mut in_v, mut in_t, mut in_ph) = (false, false, false);
    // Rows and cells without their `r` follow the one before.
    let (mut row, mut next_row, mut next_col) = (0usize, 0usize, 0usize);
    walk(xml, |name, e, text| match (name, e) {
        ("row", Some(e)) => {
            row = attr(e, "r")
                .and_then(|r| r.parse::<usize>().ok())
                .filter(|&r| r >= 1)
                .map_or(next_row, |r| r - 1);
            next_col = 0;
        }
        ("row", None) => next_row = row + 1,
        ("c", Some(e)) => {
            let place = attr(e, "r")
                .and_then(|r| cell_ref(&r))
                .unwrap_or((row, next_col));
            next_col = place.1 + 1;
            at = Some(place);
            kind = attr(e, "t").unwrap_or_default();
            style = attr(e, "s").and_then(|s| s.parse().ok()).unwrap_or(0);
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
                    "" | "n" if dates.styles.get(style) == Some(&true) => {
                        date(&value, dates.from_1904).unwrap_or_else(|| value.clone())
                    }
                    _ => value.clone(),
                };
                let text = cell_text(&text);
                if !text.is_empty() {
                    cells.insert(place, text);
                }
            }
        }
        ("v", Some(_)) => in_v = true,
        ("v", None) => in_v = false,
        ("t", Some(_)) => in_t = true,
        ("t", None) => in_t = false,
        ("rPh", Some(_)) => in_ph = true,
        ("rPh", None) => in_ph = false,
        ("", None) if at.is_some() && (in_v || in_t) && !in_ph => value.push_str(text),
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
    // A stray cell far out (XFD1048576) would make every row as wide, or the table as long, as
    // the sheet: no 分解表 has more columns or rows than these.
    let cells: BTreeMap<Place, String> = cells
        .iter()
        .filter(|((r, c), _)| *r < MAX_ROWS && *c < MAX_COLS)
        .map(|(k, v)| (*k, v.clone()))
        .collect();
    let cells = &cells;
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
    fn a_stray_cell_far_out_does_not_make_the_table_as_big_as_the_sheet() {
        let mut cells = BTreeMap::new();
        cells.insert((0, 0), "工作任务".to_string());
        cells.insert((0, 1), "责任单位".to_string());
        cells.insert((1_048_575, 16_383), "x".to_string());
        let blocks = layout(&cells, &[]);
        assert_eq!(
            blocks,
            [Block::Table(vec![vec![
                Cell::new("工作任务"),
                Cell::new("责任单位")
            ]])]
        );
    }

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
        let blocks = sheet_blocks(sheet, &strings, &Dates::default()).unwrap();
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

    #[test]
    fn dates_escapes_and_lines() {
        assert_eq!(date("46203", false).as_deref(), Some("2026年6月30日"));
        assert_eq!(date("46203.75", false).as_deref(), Some("2026年6月30日"));
        assert_eq!(date("1", false).as_deref(), Some("1900年1月1日"));
        assert_eq!(date("61", false).as_deref(), Some("1900年3月1日"));
        assert_eq!(date("44741", true).as_deref(), Some("2026年6月30日"));
        assert_eq!(date("-3", false), None);
        assert!(is_date_format(r#"yyyy"年"m"月"d"日";@"#));
        assert!(is_date_format("[$-F800]dddd, mmmm dd, yyyy"));
        assert!(is_date_format("m/d/yy"));
        assert!(!is_date_format("General"));
        assert!(!is_date_format("[h]:mm:ss"));
        assert!(!is_date_format(r#"0.00"天""#));
        assert!(!is_date_format("0.00E+00"));
        assert_eq!(
            unescape_x("a_x000D_\nb_x005F_x0041_c_xZZ_"),
            "a\r\nb_x0041_c_xZZ_"
        );
        assert_eq!(
            cell_text(" 区财政局_x000D_\n\n  区审计局 \r\n"),
            "区财政局\n区审计局"
        );
    }

    /// A zip of `(name, text)` parts, stored (the zip writer needs no feature for that).
    fn zip_of(parts: &[(&str, &str)]) -> Vec<u8> {
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let stored = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        for (name, text) in parts {
            zip.start_file(*name, stored).unwrap();
            std::io::Write::write_all(&mut zip, text.as_bytes()).unwrap();
        }
        zip.finish().unwrap().into_inner()
    }

    #[test]
    fn a_workbook_made_by_hand_reads_its_first_visible_sheet() {
        let workbook = r#"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:x="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr/><sheets>
            <sheet name="说明" sheetId="1" state="hidden" x:id="rId1"/><sheet name="分解表" sheetId="2" x:id="rId2"/><sheet name="其他" sheetId="3" x:id="rId3"/></sheets></workbook>"#;
        let rels = r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
            <Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/>
            <Relationship Id="rId2" Type="worksheet" Target="/xl/worksheets/sheet2.xml"/>
            <Relationship Id="rId3" Type="worksheet" Target="worksheets/sheet3.xml"/></Relationships>"#;
        let strings = r#"<sst><si><t>序号</t></si><si><r><t>工作</t></r><r><rPr/><t>任务</t></r></si><si><t>牵头单位</t></si>
            <si><t>完成时限</t></si><si><t xml:space="preserve">区财政局_x000D_
区审计局</t></si></sst>"#;
        let styles = r#"<styleSheet><numFmts count="1"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>
            <cellStyleXfs><xf numFmtId="14"/></cellStyleXfs><cellXfs><xf numFmtId="0"/><xf numFmtId="176"/><xf numFmtId="14"/></cellXfs></styleSheet>"#;
        // Row 1 the title merged over A1:D1, row 2 the header, rows 3–4 the tasks with the
        // unit merged over C3:C4; column B of row 3 is missing (a gap), row 5 is blank.
        let sheet = r#"<worksheet><sheetData>
            <row r="1"><c r="A1" t="inlineStr"><is><t>某区2026年政务公开重点工作任务分解表</t></is></c><c r="B1" s="0"/></row>
            <row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v>1</v></c><c r="C2" t="s"><v>2</v></c><c r="D2" t="s"><v>3</v></c></row>
            <row r="3"><c r="A3"><v>1</v></c><c r="C3" t="s"><v>4</v></c><c r="D3" s="1"><v>46203</v></c></row>
            <row r="4"><c r="A4"><v>2</v></c><c r="B4" t="inlineStr"><is><r><t>公开</t></r><r><t>决算</t></r><rPh><t>こうかい</t></rPh></is></c><c r="D4" s="2"><v>46387</v></c></row>
            <row r="5"/>
        </sheetData><mergeCells count="2"><mergeCell ref="A1:D1"/><mergeCell ref="C3:C4"/></mergeCells></worksheet>"#;
        let bytes = zip_of(&[
            ("[Content_Types].xml", "<Types/>"),
            ("xl/workbook.xml", workbook),
            ("xl/_rels/workbook.xml.rels", rels),
            ("xl/sharedStrings.xml", strings),
            ("xl/styles.xml", styles),
            ("xl/worksheets/sheet1.xml", "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>隐藏</t></is></c></row></sheetData></worksheet>"),
            ("xl/worksheets/sheet2.xml", sheet),
        ]);
        let c = |t: &str| Cell::new(t);
        let want = vec![
            Block::Paragraph("某区2026年政务公开重点工作任务分解表".into()),
            Block::Table(vec![
                vec![c("序号"), c("工作任务"), c("牵头单位"), c("完成时限")],
                vec![
                    c("1"),
                    c(""),
                    Cell::span("区财政局\n区审计局", 2, 1),
                    c("2026年6月30日"),
                ],
                vec![c("2"), c("公开决算"), c("2026年12月31日")],
            ]),
        ];
        assert_eq!(blocks(&bytes).unwrap(), want);
        // Named otherwise, a zip with a workbook is read as one all the same.
        assert_eq!(crate::blocks_of_file("分解表", &bytes).unwrap(), want);
        assert_eq!(crate::blocks_of_file("分解表.zip", &bytes).unwrap(), want);
    }

    #[test]
    fn rows_and_cells_without_their_places_follow_the_one_before() {
        let sheet = r#"<worksheet><sheetData><row><c t="inlineStr"><is><t>a</t></is></c><c t="inlineStr"><is><t>b</t></is></c></row>
            <row><c t="inlineStr"><is><t>c</t></is></c><c r="C2" t="inlineStr"><is><t>d</t></is></c></row></sheetData></worksheet>"#;
        let blocks = sheet_blocks(sheet, &[], &Dates::default()).unwrap();
        let c = |t: &str| Cell::new(t);
        assert_eq!(
            blocks,
            [Block::Table(vec![
                vec![c("a"), c("b"), c("")],
                vec![c("c"), c(""), c("d")]
            ])]
        );
    }

    #[test]
    fn a_zip_without_a_workbook_or_its_sheet_is_no_excel() {
        assert_eq!(blocks(b"PK\x03\x04junk"), Err(ReadError::NotExcel));
        assert_eq!(
            blocks(&zip_of(&[("word/document.xml", "<w:document/>")])),
            Err(ReadError::NotExcel)
        );
        let no_sheet = zip_of(&[("xl/workbook.xml", "<workbook><sheets/></workbook>")]);
        assert_eq!(blocks(&no_sheet), Err(ReadError::NotExcel));
        let broken = zip_of(&[
            ("xl/workbook.xml", "<workbook/>"),
            (
                "xl/worksheets/sheet1.xml",
                "<worksheet><sheetData><row></c></worksheet>",
            ),
        ]);
        assert_eq!(blocks(&broken), Err(ReadError::BrokenExcel));
    }
}
