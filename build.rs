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
    let compact = serde_json::to_string(&value).expect("a JSON value always serializes");
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("taian-2017.json");
    fs::write(out, compact).expect("OUT_DIR is writable");
}
