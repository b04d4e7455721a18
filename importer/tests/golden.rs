//! The committed data/tables/taian-2017.json is exactly what the importer makes of
//! data/taian-2017.txt.

mod common;

use common::table;
use gk_core::model::Table;

const JSON: &str = include_str!("../../data/tables/taian-2017.json");
const REGENERATE: &str =
    "cargo run -p gk-import -- data/taian-2017.txt -o data/tables/taian-2017.json";

#[test]
fn committed_json_is_regenerated_byte_for_byte() {
    let fresh = gk_import::to_json(table());
    if let Some(line) = gk_import::first_difference(JSON, &fresh) {
        panic!(
            "data/tables/taian-2017.json differs from what data/taian-2017.txt produces (first at \
             line {line}); regenerate it with:\n  {REGENERATE}"
        );
    }
}

#[test]
fn committed_json_reads_back_as_the_model() {
    let parsed = Table::from_json(JSON).expect("data/tables/taian-2017.json parses as a Table");
    assert_eq!(&parsed, table());
}

#[test]
fn json_format() {
    let json = gk_import::to_json(table());
    assert!(json.ends_with("}\n") && !json.ends_with("\n\n"));
    assert!(
        json.starts_with("{\n  \"format\": 2,\n  \"dataset\": {\n    \"id\": \"taian-2017\",\n")
    );
    // UTF-8 as is, not \u escapes.
    assert!(json.contains("\"short\": \"稳增长\""));
    assert!(!json.contains("\\u"));
    // Paragraphs are separated by an escaped newline inside the string.
    assert!(json.contains("程序等。\\n加快建设完善"));
    // Members only on groups; time always present.
    assert_eq!(json.matches("\"members\"").count(), 3);
    assert_eq!(json.matches("\"time\"").count(), 139);
    // Top-level field order.
    let order: Vec<usize> = [
        "\"format\"",
        "\"dataset\"",
        "\"kinds\"",
        "\"times\"",
        "\"pillars\"",
        "\"sections\"",
        "\"units\"",
        "\"tasks\"",
    ]
    .iter()
    .map(|k| json.find(k).unwrap())
    .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]));
    // The same input gives the same bytes.
    assert_eq!(json, gk_import::to_json(table()));
}
