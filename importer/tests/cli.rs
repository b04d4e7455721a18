//! The command line: output, --check, errors.

mod common;

use common::{run, stderr, tmp};

const SOURCE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../data/taian-2017.txt");
const JSON: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../data/tables/taian-2017.json"
);

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
