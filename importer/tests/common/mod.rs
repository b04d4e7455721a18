//! The real 2017 table, imported once, and helpers to look at its tasks and raw rows.
#![allow(dead_code)] // each test file uses a part of this

use std::path::PathBuf;
use std::process::{Command, Output};
use std::sync::OnceLock;

use gk_core::model::{Table, Task};
use gk_import::rows::{self, Document, Row};

pub const SOURCE: &str = include_str!("../../../data/taian-2017.txt");

pub fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| gk_import::import(SOURCE, "taian-2017").expect("the 2017 table imports"))
}

pub fn doc() -> &'static Document {
    static DOC: OnceLock<Document> = OnceLock::new();
    DOC.get_or_init(|| rows::split(SOURCE).expect("the 2017 table splits into rows"))
}

/// The task `id`, checked to be the one whose text contains `snippet` (so a numbering change
/// cannot make a test look at another row).
pub fn task(id: &str, snippet: &str) -> &'static Task {
    let task = table().task(id).unwrap_or_else(|| panic!("no task {id}"));
    assert!(
        task.text.contains(snippet),
        "task {id} is not the row with {snippet:?}: {}",
        task.text
    );
    task
}

/// The raw source row of task `id` (one row is one task, in order).
pub fn row(id: &str) -> &'static Row {
    let index = table()
        .tasks
        .iter()
        .position(|t| t.id == id)
        .unwrap_or_else(|| panic!("no task {id}"));
    &doc().rows[index]
}

/// The 1-based source line `n`.
pub fn line(n: usize) -> &'static str {
    SOURCE.lines().nth(n - 1).expect("line exists")
}

pub fn names(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

/// Runs the gk-import binary.
pub fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gk-import"))
        .args(args)
        .output()
        .expect("gk-import runs")
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A path in the test target's scratch folder, per test process.
pub fn tmp(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("{}-{name}", std::process::id()))
}
