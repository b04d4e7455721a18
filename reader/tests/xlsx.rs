//! Excel workbooks made from the family fixtures by LibreOffice Calc (which imports an HTML
//! table's rowspan and colspan as merged ranges, and writes them as `<mergeCell>`): the same
//! reading as the HTML, and what a broken workbook is told.

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
fn workbooks_libreoffice_makes_from_families_a_b_and_c_read_as_their_html() {
    let dir = std::env::temp_dir().join(format!("gk-reader-xlsx-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = std::process::Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}/profile",
            dir.display()
        ))
        .args([
            "--headless",
            "--infilter=HTML (StarCalc)",
            "--convert-to",
            "xlsx",
            "--outdir",
        ])
        .arg(&dir)
        .args(["a", "b", "c"].map(|f| format!("{}/family-{f}.html", fixtures())))
        .output()
        .expect("LibreOffice (soffice) runs: scripts/tools.sh installs it");
    assert!(out.status.success(), "{out:?}");
    for f in ["a", "b", "c"] {
        let path = dir.join(format!("family-{f}.xlsx"));
        let sheet = std::fs::read(&path).unwrap();
        assert!(sheet.starts_with(b"PK"), "family-{f}.xlsx is a zip");
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
