//! One fixture per layout family (A–D), each an HTML table or text written for these tests,
//! with its tasks, leads, responsible units and times worked out by hand from its words.

mod common;

use gk_core::model::Period;
use gk_reader::reading::{Family, Mark, Reading};
use gk_reader::times::{AfterUnitKey, Ask};

fn read(name: &str) -> Reading {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).unwrap();
    gk_reader::read_file(name, &bytes).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn s(v: &[&str]) -> Vec<String> {
    v.iter().map(|x| x.to_string()).collect()
}

/// (path, lead, responsible) of each task.
fn units(r: &Reading) -> Vec<(Vec<String>, Vec<String>, Vec<String>)> {
    r.tasks
        .iter()
        .map(|t| (t.path.clone(), t.lead.clone(), t.responsible.clone()))
        .collect()
}

fn asks(r: &Reading) -> Vec<Vec<Ask>> {
    r.tasks
        .iter()
        .map(|t| t.times.iter().map(|f| f.ask).collect())
        .collect()
}

fn due(month: u8, day: Option<u8>) -> Ask {
    Ask::Due {
        year: None,
        month,
        day,
    }
}

pub fn family_a(r: &Reading) {
    assert_eq!(r.title, "2026年示范区政务公开重点工作任务分解表");
    assert_eq!(r.year, Some(2026));
    assert_eq!(r.family, Family::A);
    let first = s(&["一、助力优化营商环境"]);
    let third = s(&["三、做好民生信息公开"]);
    assert_eq!(
        units(r),
        [
            (
                first.clone(),
                s(&["区发展改革局"]),
                s(&["各镇（街道）", "区直各部门"])
            ),
            (first, s(&["区政府办公室"]), s(&["区直有关部门"])),
            (
                s(&["二、加强财政信息公开"]),
                s(&["区财政局", "区审计局"]),
                s(&["各镇（街道）"])
            ),
            (
                third.clone(),
                s(&["区教育局"]),
                s(&["区卫生健康局", "区民政局"])
            ),
            // The responsible cell is merged over both rows; 区民政局 leads here.
            (third, s(&["区民政局"]), s(&["区卫生健康局"])),
        ]
    );
    assert_eq!(r.tasks[0].text, "集中公开涉企政策，建立政策文件库。");
    assert_eq!(
        r.tasks[3].text,
        "公开教育、医疗领域信息；\n公开养老服务信息。"
    );
    assert_eq!(
        asks(r),
        [
            vec![due(6, None)],
            vec![Ask::Ongoing],
            vec![Ask::Every(Some(Period::Quarter))],
            vec![due(5, None), due(10, None)],
            vec![],
        ]
    );
    assert_eq!(r.tasks[4].marks, [Mark::TimeUnread("适时".into())]);
    assert!(r.tasks[..4].iter().all(|t| t.marks.is_empty()));
    assert_eq!(
        r.aliases,
        [("区卫健局".to_string(), "区卫生健康局".to_string())]
    );
}

#[test]
fn family_a_two_unit_columns_from_html() {
    let r = read("family-a.html");
    family_a(&r);
    // The page keeps the reading in storage as JSON, and reads it back the same.
    let back: Reading = serde_json::from_str(&serde_json::to_string(&r).unwrap()).unwrap();
    assert_eq!(back, r);
}

pub fn family_b(r: &Reading) {
    assert_eq!(r.title, "2026年某县政务公开工作要点任务分解表");
    assert_eq!(r.family, Family::B);
    let first = s(&["一、推进决策公开", "（一）深化决策公开"]);
    assert_eq!(
        units(r),
        [
            (
                first.clone(),
                s(&["县司法局"]),
                s(&["各乡镇", "县直各部门"])
            ),
            (first.clone(), s(&["县发改局"]), s(&["县司法局"])),
            (first, s(&["县政府办", "县财政局"]), s(&[])),
            (
                s(&["二、加强平台建设", "（一）办好政府网站"]),
                s(&["县政府办"]),
                s(&["县大数据中心"])
            ),
            (
                s(&["二、加强平台建设", "（二）用好政务新媒体"]),
                s(&["县委网信办"]),
                s(&[])
            ),
        ]
    );
    assert_eq!(
        asks(r),
        [
            vec![due(3, None)],
            vec![due(12, None)],
            vec![Ask::Ongoing],
            vec![Ask::Every(Some(Period::Month))],
            vec![Ask::Every(Some(Period::Quarter))],
        ]
    );
    assert!(r.tasks.iter().all(|t| t.marks.is_empty()));
}

#[test]
fn family_b_one_unit_column_with_lead_markers() {
    family_b(&read("family-b.html"));
}

#[test]
fn family_c_one_unit_column_without_markers() {
    let r = read("family-c.html");
    assert_eq!(r.title, "某局2026年政务公开重点工作任务分解");
    assert_eq!(r.year, Some(2026));
    assert_eq!(r.family, Family::C);
    assert_eq!(
        units(&r),
        [
            (s(&[]), s(&["办公室"]), s(&[])),
            (s(&[]), s(&["财务科", "办公室"]), s(&[])),
            (s(&[]), s(&["法规科"]), s(&[])),
        ]
    );
    assert_eq!(
        r.tasks[1].marks,
        [Mark::NoLeadMarker, Mark::TimeUnread("按规定时限".into())]
    );
    assert_eq!(
        asks(&r),
        [
            vec![Ask::Ongoing],
            vec![],
            // No time cell: the text's own words.
            vec![Ask::After(AfterUnitKey::WorkingDays, Some(20))],
        ]
    );
}

#[test]
fn family_d_numbered_prose_with_the_comma_rule() {
    let r = read("family-d.html");
    assert_eq!(r.title, "2026年某镇政务公开工作要点");
    assert_eq!(r.family, Family::D);
    let first = s(&["一、围绕重点领域加强公开"]);
    let second = s(&["二、加强制度建设"]);
    assert_eq!(
        units(&r),
        [
            (
                first.clone(),
                s(&["党政办", "司法所"]),
                s(&["各村（社区）"])
            ),
            (first, s(&["社会事务办"]), s(&["各村（社区）"])),
            (second.clone(), s(&["党政办"]), s(&[])),
            (second, s(&["党政办", "综合执法办"]), s(&[])),
        ]
    );
    assert_eq!(
        r.tasks[0].text,
        "（一）加强政策公开。全面公开镇级规范性文件。"
    );
    assert_eq!(r.tasks[1].time, "9月30日前");
    assert_eq!(
        asks(&r),
        [
            vec![],
            vec![due(9, Some(30))],
            vec![due(12, None)],
            vec![Ask::Every(Some(Period::Year))],
        ]
    );
    assert!(r.tasks.iter().all(|t| t.marks.is_empty()));
}

/// Word documents made from the A and B fixtures by LibreOffice (`soffice --convert-to docx`,
/// which writes an HTML `rowspan` as Word's `w:vMerge` and a `colspan` as `w:gridSpan`): the
/// same reading as the HTML.
#[test]
fn families_a_and_b_from_word_documents_made_by_libreoffice() {
    let dir = std::env::temp_dir().join(format!("gk-reader-docx-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let fixtures = format!("{}/tests/fixtures", env!("CARGO_MANIFEST_DIR"));
    common::libreoffice(
        &dir,
        common::WORD,
        &["a", "b"].map(|f| format!("{fixtures}/family-{f}.html")),
    );
    for (name, check) in [
        ("family-a.docx", family_a as fn(&Reading)),
        ("family-b.docx", family_b),
    ] {
        let bytes = std::fs::read(dir.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
        let xml = String::from_utf8_lossy(&bytes);
        assert!(bytes.starts_with(b"PK"), "{name} is a zip: {xml:.40}");
        let reading = gk_reader::read_file(name, &bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        check(&reading);
    }
    std::fs::remove_dir_all(&dir).ok();
}
