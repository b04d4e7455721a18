//! The command line: output, --check, errors.

use std::path::PathBuf;
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_gk-import");
const SOURCE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../data/taian-2017.txt");
const JSON: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../data/tables/taian-2017.json"
);

fn run(args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .output()
        .expect("gk-import runs")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn tmp(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("{}-{name}", std::process::id()))
}

#[test]
fn writes_json_to_stdout_with_summary_on_stderr() {
    let out = run(&[SOURCE]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(out.stdout, std::fs::read(JSON).unwrap());
    assert!(stderr(&out).contains("139 tasks, 6 pillars, 24 sections, 19 items, 50 units"));
}

#[test]
fn writes_json_to_a_file_with_a_dataset_id() {
    let path = tmp("out.json");
    let out = run(&[
        SOURCE,
        "--dataset",
        "taian-2017-test",
        "-o",
        path.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let json = std::fs::read_to_string(&path).unwrap();
    assert!(json.contains("\"id\": \"taian-2017-test\""));
    std::fs::remove_file(path).ok();
}

#[test]
fn check_passes_on_the_committed_json_and_fails_on_a_stale_one() {
    let out = run(&[SOURCE, "--check", JSON]);
    assert!(out.status.success(), "{}", stderr(&out));

    let stale = tmp("stale.json");
    let json = std::fs::read_to_string(JSON).unwrap();
    std::fs::write(&stale, json.replace("稳增长", "稳增长！")).unwrap();
    let out = run(&[SOURCE, "--check", stale.to_str().unwrap()]);
    assert!(!out.status.success());
    let msg = stderr(&out);
    assert!(msg.contains("differs from what"), "{msg}");
    assert!(msg.contains("cargo run -p gk-import --"), "{msg}");
    std::fs::remove_file(stale).ok();
}

#[test]
fn a_bad_source_names_file_and_line() {
    let bad = tmp("bad.txt");
    std::fs::write(
        &bad,
        "附件\n标题\n\n\t工作任务及要求\n\t牵头单位\n\t责任单位\n\n\t甲\n",
    )
    .unwrap();
    let out = run(&[bad.to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(out.stdout.is_empty());
    let msg = stderr(&out);
    assert!(
        msg.contains("bad.txt:8: the row starting here has 1 cells"),
        "{msg}"
    );
    std::fs::remove_file(bad).ok();
}

#[test]
fn usage_errors() {
    assert_eq!(run(&[]).status.code(), Some(2));
    assert_eq!(run(&[SOURCE, "--bogus"]).status.code(), Some(2));
    assert_eq!(
        run(&[SOURCE, "--dataset", "Taian 2017"]).status.code(),
        Some(2)
    );
    assert_eq!(
        run(&[SOURCE, "-o", "x", "--check", "y"]).status.code(),
        Some(2)
    );
    assert!(run(&["--help"]).status.success());
}

// The office's own files (gk-reader) are tested in reader_files.rs; here, what --check and
// --reading say about them.

const FAMILY_A: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../reader/tests/fixtures/family-a.html"
);

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

#[test]
fn the_reading_carries_the_readers_marks() {
    let out = run(&[FAMILY_A, "--reading"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let reading: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
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
