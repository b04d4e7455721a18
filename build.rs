//! Embeds the default task table compact: the table that `data/tables/tables.json` names as
//! `default` is built into the wasm, so that the first visit paints without waiting for a
//! second download. Its file stays indented for people and diffs; the app embeds the same JSON
//! without the indentation, which is 0.8 kB less to download gzipped (README, "Performance").
//! The other tables of the list are fetched at run time from `tables/` (src/data.rs).

use std::{env, fs, path::Path};

fn main() {
    let list = "data/tables/tables.json";
    println!("cargo::rerun-if-changed={list}");
    let text = fs::read_to_string(list).expect("data/tables/tables.json is readable");
    let list: serde_json::Value = serde_json::from_str(&text).expect("tables.json is JSON");
    let default = list["default"]
        .as_str()
        .expect("tables.json names a default");
    let file = list["tables"]
        .as_array()
        .and_then(|ts| ts.iter().find(|t| t["id"] == default))
        .and_then(|t| t["file"].as_str())
        .expect("tables.json lists its default table with its file");
    println!("cargo::rustc-env=GK_EMBEDDED_TABLE={default}");
    let source = format!("data/tables/{file}");
    println!("cargo::rerun-if-changed={source}");
    let text = fs::read_to_string(&source).expect("the default table's file is readable");
    let value: serde_json::Value = serde_json::from_str(&text).expect("the default table is JSON");
    // The whole view keeps every row in the page: fine for ~600 rows (tasks, headings). A
    // bigger table needs the long view, which only the `long-table` feature compiles.
    let tasks = value["tasks"].as_array().map_or(0, Vec::len);
    if tasks > 350 && env::var_os("CARGO_FEATURE_LONG_TABLE").is_none() {
        panic!(
            "{source} has {tasks} tasks: build with `--features long-table` (src/table/rows.rs)"
        );
    }
    let compact = serde_json::to_string(&value).expect("a JSON value always serializes");
    let out =
        Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("default-table.json");
    fs::write(out, compact).expect("OUT_DIR is writable");
    // The task table's wasm keeps its relocations, by which wasm-split-cli moves the code
    // behind its #[wasm_split] points into wasm files loaded on first use
    // (scripts/finish-page.mjs). Only the task table's binary has one (src/main.rs).
    if env::var("CARGO_CFG_TARGET_FAMILY").as_deref() == Ok("wasm") {
        println!("cargo::rustc-link-arg-bin=gk-app=--emit-relocs");
    }
}
