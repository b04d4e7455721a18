//! gk-import on the office's own files (Word, a saved page, Excel, other text): the rules and
//! the words of the 导入任务表 page (gk-reader), on the fixture worked out by hand in
//! reader/tests/fixtures/family-a.html.

mod common;

use common::{run, stderr, tmp};

const FAMILY_A: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../reader/tests/fixtures/family-a.html"
);

const CORRECTIONS: &str = r#"{
  "id": "shifanqu-2026",
  "office_name": "示范区人民政府办公室",
  "office_short": "区政府办",
  "members": {
    "各镇（街道）": ["甲镇", "乙街道"],
    "区直各部门": ["区发展改革局", "区政府办公室", "区财政局", "区审计局", "区教育局", "区卫生健康局", "区民政局"],
    "区直有关部门": ["区财政局", "区民政局"]
  }
}"#;

#[test]
fn a_saved_page_with_corrections_becomes_a_table_file_the_app_opens() {
    let corrections = tmp("corrections.json");
    std::fs::write(&corrections, CORRECTIONS).unwrap();
    let out_path = tmp("shifanqu-2026.json");
    let out = run(&[
        FAMILY_A,
        "--corrections",
        corrections.to_str().unwrap(),
        "-o",
        out_path.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = std::fs::read_to_string(&out_path).unwrap();
    let table = gk_core::model::Table::from_json(&text).expect("the app reads it");
    assert_eq!(table.dataset.id, "shifanqu-2026");
    assert_eq!(
        table.dataset.title,
        "2026年示范区政务公开重点工作任务分解表"
    );
    assert_eq!(table.dataset.year, 2026);
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    let leads: Vec<Vec<String>> = json["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| serde_json::from_value(t["lead"].clone()).unwrap())
        .collect();
    assert_eq!(
        leads,
        [
            vec!["区发展改革局"],
            vec!["区政府办公室"],
            vec!["区财政局", "区审计局"],
            vec!["区教育局"],
            vec!["区民政局"],
        ]
    );
    // The line for the deployment's list, on stderr.
    let err = stderr(&out);
    let line = err
        .lines()
        .find_map(|l| l.strip_prefix("tables/tables.json: "))
        .unwrap_or_else(|| panic!("{err}"));
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(line).unwrap(),
        serde_json::json!({"id": "shifanqu-2026", "file": "shifanqu-2026.json", "title": "2026年示范区政务公开重点工作任务分解表"})
    );
    // --dataset overrides the corrections' id.
    let out = run(&[
        FAMILY_A,
        "--corrections",
        corrections.to_str().unwrap(),
        "--dataset",
        "other-2026",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains(r#""id": "other-2026""#));
    std::fs::remove_file(corrections).ok();
    std::fs::remove_file(out_path).ok();
}

#[test]
fn without_the_groups_members_it_says_what_is_missing() {
    let out = run(&[FAMILY_A, "--dataset", "shifanqu-2026"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let msg = stderr(&out);
    for group in ["各镇（街道）", "区直各部门", "区直有关部门"] {
        assert!(msg.contains(&format!("单位组“{group}”还没有成员")), "{msg}");
    }
    assert!(msg.contains("--corrections"), "{msg}");
}

#[test]
fn the_reading_is_shown_as_json() {
    let out = run(&[FAMILY_A, "--reading"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let reading: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(reading["family"], "A");
    let tasks = reading["tasks"].as_array().unwrap();
    assert_eq!(tasks.len(), 5);
    // Task 5's time (适时) names no date or cadence: the page shows the same mark.
    assert_eq!(
        tasks[4]["marks"],
        serde_json::json!([{"TimeUnread": "适时"}])
    );
    assert!(tasks[..4]
        .iter()
        .all(|t| t["marks"] == serde_json::json!([])));
}

#[test]
fn a_file_it_cannot_read_gets_the_pages_words() {
    let doc = tmp("通知.doc");
    std::fs::write(&doc, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1").unwrap();
    let out = run(&[doc.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let msg = stderr(&out);
    assert!(
        msg.contains("通知.doc: 不能直接读取 .doc 文件。请在 Word/WPS 中另存为 .docx"),
        "{msg}"
    );
    let bad = tmp("坏.docx");
    std::fs::write(&bad, b"not a zip").unwrap();
    let out = run(&[bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("不是有效的 .docx 文件"),
        "{}",
        stderr(&out)
    );
    std::fs::remove_file(doc).ok();
    std::fs::remove_file(bad).ok();
}

#[test]
fn check_on_a_reader_file_says_how_to_make_it_again_with_its_corrections() {
    let corrections = tmp("check-corrections.json");
    std::fs::write(
        &corrections,
        r#"{"id": "shifanqu-2026", "members": {"各镇（街道）": ["甲镇"], "区直各部门": ["区财政局"], "区直有关部门": ["区民政局"]}}"#,
    )
    .unwrap();
    let table = tmp("check-shifanqu-2026.json");
    let c = corrections.to_str().unwrap();
    let t = table.to_str().unwrap();
    assert!(run(&[FAMILY_A, "--corrections", c, "-o", t])
        .status
        .success());
    let out = run(&[FAMILY_A, "--corrections", c, "--check", t]);
    assert!(out.status.success(), "{}", stderr(&out));

    let json = std::fs::read_to_string(&table).unwrap();
    std::fs::write(&table, json.replace("甲镇", "乙镇")).unwrap();
    let out = run(&[FAMILY_A, "--corrections", c, "--check", t]);
    assert_eq!(out.status.code(), Some(1));
    let msg = stderr(&out);
    // Not the 2017 text's --dataset taian-2017: the corrections give the id.
    assert!(
        msg.contains(&format!(
            "cargo run -p gk-import -- {FAMILY_A} --corrections {c} -o {t}"
        )),
        "{msg}"
    );
    let out = run(&[
        FAMILY_A,
        "--dataset",
        "other-2026",
        "--corrections",
        c,
        "--check",
        t,
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains(&format!(
            "-- {FAMILY_A} --dataset other-2026 --corrections {c} -o {t}"
        )),
        "{}",
        stderr(&out)
    );
    std::fs::remove_file(corrections).ok();
    std::fs::remove_file(table).ok();
}
