//! Excel workbooks made from the family fixtures by LibreOffice Calc (which imports an HTML
//! table's rowspan and colspan as merged ranges, and writes them as `<mergeCell>`): the same
//! reading as the HTML (family D too: its numbered paragraphs, one cell a row, are lines of the
//! document again), a workbook as Excel writes it, and what a broken workbook is told.

mod common;

use gk_reader::reading::Reading;
use gk_reader::ReadError;

fn fixtures() -> String {
    format!("{}/tests/fixtures", env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &str) -> Reading {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let name = path.rsplit('/').next().unwrap();
    gk_reader::read_file(name, &bytes).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// (path, text, lead, responsible, time) of a task.
type Seen = (Vec<String>, String, Vec<String>, Vec<String>, String);

fn tasks(r: &Reading) -> Vec<Seen> {
    r.tasks
        .iter()
        .map(|t| {
            (
                t.path.clone(),
                t.text.clone(),
                t.lead.clone(),
                t.responsible.clone(),
                t.time.clone(),
            )
        })
        .collect()
}

#[test]
fn workbooks_libreoffice_makes_from_the_four_families_read_as_their_html() {
    let dir = std::env::temp_dir().join(format!("gk-reader-xlsx-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    common::libreoffice(
        &dir,
        common::EXCEL,
        &["a", "b", "c", "d"].map(|f| format!("{}/family-{f}.html", fixtures())),
    );
    for f in ["a", "b", "c", "d"] {
        let path = dir.join(format!("family-{f}.xlsx"));
        let sheet = std::fs::read(&path).unwrap();
        assert!(sheet.starts_with(b"PK"), "family-{f}.xlsx is a zip");
        if f == "a" || f == "b" {
            // Their spans came through as merged ranges (C and D have none).
            let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&sheet)).unwrap();
            let mut xml = String::new();
            std::io::Read::read_to_string(
                &mut zip.by_name("xl/worksheets/sheet1.xml").unwrap(),
                &mut xml,
            )
            .unwrap();
            assert!(xml.contains("<mergeCell "), "family-{f}.xlsx has merges");
        }
        let xlsx = read(path.to_str().unwrap());
        let html = read(&format!("{}/family-{f}.html", fixtures()));
        assert_eq!(xlsx.title, html.title, "family {f}");
        assert_eq!(xlsx.family, html.family, "family {f}");
        assert_eq!(tasks(&xlsx), tasks(&html), "family {f}");
        if f == "a" {
            // By hand from family-a.html: five tasks; the responsible cell merged over rows 5–6
            // (B7:E8 in the sheet) gives both 区卫生健康局, and 区民政局 leads row 6.
            assert_eq!(xlsx.tasks.len(), 5);
            assert_eq!(xlsx.tasks[4].lead, ["区民政局"]);
            assert_eq!(xlsx.tasks[4].responsible, ["区卫生健康局"]);
            assert_eq!(xlsx.tasks[3].responsible, ["区卫生健康局", "区民政局"]);
            assert_eq!(xlsx.year, Some(2026));
        }
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_broken_workbook_is_told_in_plain_words() {
    let message =
        |name: &str, bytes: &[u8]| gk_reader::read_file(name, bytes).unwrap_err().to_string();
    assert_eq!(
        gk_reader::read_file("表.xlsx", b"not a zip").unwrap_err(),
        ReadError::NotExcel
    );
    assert!(message("表.xlsx", b"not a zip").contains("不是有效的 Excel 工作簿"));
    // A zip with no workbook in it.
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    zip.start_file("readme.txt", zip::write::SimpleFileOptions::default())
        .unwrap();
    std::io::Write::write_all(&mut zip, b"hello").unwrap();
    let bytes = zip.finish().unwrap().into_inner();
    assert_eq!(
        gk_reader::read_file("表.xlsx", &bytes).unwrap_err(),
        ReadError::NotExcel
    );
    // The old .xls and WPS's .et are refused with the way out.
    assert!(message("表.xls", b"\xd0\xcf\x11\xe0").contains("另存为"));
    assert!(message("表.et", b"\xd0\xcf\x11\xe0").contains("另存为"));
}

/// A zip of `(name, text)` parts, stored.
fn zip_of(parts: &[(&str, &str)]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, text) in parts {
        zip.start_file(*name, stored).unwrap();
        std::io::Write::write_all(&mut zip, text.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

#[test]
fn a_workbook_typed_in_excel_with_dates_and_line_breaks_reads_its_tasks() {
    // As Excel saves it: shared strings, a line break pasted from Word as `_x000D_` and a
    // newline, 完成时限 typed as dates (a custom 年月日 format and the built-in m/d/yyyy), the
    // title merged across row 1, the lead merged over rows 3–4, and no `t` on number cells.
    let strings = [
        "2026年示范区政务公开重点工作任务分解表",
        "序号",
        "工作任务",
        "牵头单位",
        "责任单位",
        "完成时限",
        "集中公开涉企政策。",
        "区发展改革局",
        "区财政局_x000D_\n区审计局",
        "做好政策解读。",
        "各镇（街道）",
    ]
    .map(|s| format!("<si><t xml:space=\"preserve\">{s}</t></si>"))
    .concat();
    let s = |r: &str, i: usize| format!(r#"<c r="{r}" t="s"><v>{i}</v></c>"#);
    let sheet = format!(
        r#"<worksheet><sheetData>
        <row r="1">{}</row>
        <row r="2">{}{}{}{}{}</row>
        <row r="3"><c r="A3"><v>1</v></c>{}{}{}<c r="E3" s="1"><v>46203</v></c></row>
        <row r="4"><c r="A4"><v>2</v></c>{}{}<c r="E4" s="2"><v>46387</v></c></row>
        </sheetData><mergeCells><mergeCell ref="A1:E1"/><mergeCell ref="C3:C4"/></mergeCells></worksheet>"#,
        s("A1", 0),
        s("A2", 1),
        s("B2", 2),
        s("C2", 3),
        s("D2", 4),
        s("E2", 5),
        s("B3", 6),
        s("C3", 7),
        s("D3", 8),
        s("B4", 9),
        s("D4", 10),
    );
    let bytes = zip_of(&[
        (
            "xl/workbook.xml",
            r#"<workbook xmlns:r="rel"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
        ),
        (
            "xl/_rels/workbook.xml.rels",
            r#"<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>"#,
        ),
        ("xl/sharedStrings.xml", &format!("<sst>{strings}</sst>")),
        (
            "xl/styles.xml",
            r#"<styleSheet><numFmts><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="176"/><xf numFmtId="14"/></cellXfs></styleSheet>"#,
        ),
        ("xl/worksheets/sheet1.xml", &sheet),
    ]);
    let r = gk_reader::read_file("分解表.xlsx", &bytes).unwrap();
    assert_eq!(r.title, "2026年示范区政务公开重点工作任务分解表");
    assert_eq!(r.year, Some(2026));
    let seen: Vec<(&str, Vec<&str>, Vec<&str>, &str)> = r
        .tasks
        .iter()
        .map(|t| {
            (
                t.text.as_str(),
                t.lead.iter().map(String::as_str).collect(),
                t.responsible.iter().map(String::as_str).collect(),
                t.time.as_str(),
            )
        })
        .collect();
    assert_eq!(
        seen,
        [
            (
                "集中公开涉企政策。",
                vec!["区发展改革局"],
                vec!["区财政局", "区审计局"],
                "2026年6月30日"
            ),
            (
                "做好政策解读。",
                vec!["区发展改革局"],
                vec!["各镇（街道）"],
                "2026年12月31日"
            ),
        ]
    );
    assert!(r.tasks.iter().all(|t| t.times.len() == 1), "{r:?}");
}
