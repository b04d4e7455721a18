//! Embeds the task table compact: `data/taian-2017.json` stays indented for people and diffs
//! (written by `make data`); the app embeds the same JSON without the indentation, which is
//! 0.8 kB less to download gzipped (README, "Performance").

use std::{env, fs, path::Path};

fn main() {
    let source = "data/taian-2017.json";
    println!("cargo::rerun-if-changed={source}");
    let text = fs::read_to_string(source).expect("data/taian-2017.json is readable");
    let value: serde_json::Value =
        serde_json::from_str(&text).expect("data/taian-2017.json is JSON");
    // The whole view keeps every row in the page: fine for ~600 rows (tasks, headings). A
    // bigger table needs the long view, which only the `long-table` feature compiles.
    let tasks = value["tasks"].as_array().map_or(0, Vec::len);
    if tasks > 350 && env::var_os("CARGO_FEATURE_LONG_TABLE").is_none() {
        panic!("{source} has {tasks} tasks: build with `--features long-table` (src/rows.rs)");
    }
    let compact = serde_json::to_string(&value).expect("a JSON value always serializes");
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("taian-2017.json");
    fs::write(out, compact).expect("OUT_DIR is writable");
}
