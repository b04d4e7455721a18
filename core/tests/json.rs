//! `gk_core::json`: reading, writing, errors, numbers, and the same text as serde_json writes
//! for every document the task-table page writes (stored unit documents, state files).

use gk_core::checklist::{Checklists, Entry};
use gk_core::json::{self, Value};
use gk_core::model::Table;
use gk_core::statefile::export;
use gk_core::status::Status;
use gk_core::stored::{encode_unit, UnitDoc};
use gk_core::timestamp::Timestamp;
use serde::Serialize;
use std::collections::BTreeMap;

const TABLE: &str = include_str!("../../data/taian-2017.json");

/// Strings that need care: quotes, backslashes, every control character, DEL, `/`, non-ASCII
/// and characters outside the BMP.
fn tricky_strings() -> Vec<String> {
    let controls: String = (0u8..0x20).map(char::from).collect();
    vec![
        String::new(),
        "不涉及本单位。\n另见“说明”，含 \"引号\"、逗号,".into(),
        controls,
        "\\ / \\/ \u{7f} \u{80} \u{2028} \u{feff} é 😀 𝄞".into(),
        "\"\"\\\\\u{8}\u{c}\t\r\n".into(),
    ]
}

/// serde_json's value as ours (object members in serde_json's key order).
fn from_serde(v: &serde_json::Value) -> Value {
    match v {
        serde_json::Value::Null => Value::Null,
        serde_json::Value::Bool(b) => Value::Bool(*b),
        serde_json::Value::Number(n) => Value::Number(n.to_string()),
        serde_json::Value::String(s) => Value::String(s.clone()),
        serde_json::Value::Array(items) => Value::Array(items.iter().map(from_serde).collect()),
        serde_json::Value::Object(m) => {
            Value::Object(m.iter().map(|(k, v)| (k.clone(), from_serde(v))).collect())
        }
    }
}

#[test]
fn strings_are_escaped_as_serde_json_escapes_them() {
    for s in tricky_strings() {
        let ours = Value::from(s.as_str()).to_json();
        assert_eq!(ours, serde_json::to_string(&s).unwrap(), "{s:?}");
        assert_eq!(json::parse(&ours), Ok(Value::String(s.clone())));
    }
    assert_eq!(Value::from("\u{1}/").to_json(), r#""\u0001/""#);
    assert_eq!(Value::from("\u{1f}").to_json(), r#""\u001f""#);
}

#[test]
fn escapes_are_read() {
    let text = r#""\" \\ \/ \b \f \n \r \t \u0041 \u00e9 \u4E2D \ud83d\ude00""#;
    let want = "\" \\ / \u{8} \u{c} \n \r \t A é 中 😀";
    assert_eq!(json::parse(text), Ok(Value::String(want.into())));
    assert_eq!(serde_json::from_str::<String>(text).unwrap(), want);
}

#[test]
fn the_real_table_reads_and_writes_as_serde_json_does() {
    let theirs: serde_json::Value = serde_json::from_str(TABLE).unwrap();
    let ours = json::parse(TABLE).unwrap();
    // serde_json sorts object keys; ours keeps the document order: compare through its shape.
    assert_eq!(
        json::parse(&serde_json::to_string(&theirs).unwrap()).unwrap(),
        from_serde(&theirs)
    );
    assert_eq!(ours.get("dataset"), from_serde(&theirs).get("dataset"));
    let sorted = from_serde(&theirs);
    assert_eq!(sorted.to_json(), serde_json::to_string(&theirs).unwrap());
    assert_eq!(
        sorted.to_json_pretty(),
        serde_json::to_string_pretty(&theirs).unwrap()
    );
    // Round trips, compact and pretty.
    assert_eq!(json::parse(&ours.to_json()), Ok(ours.clone()));
    assert_eq!(json::parse(&ours.to_json_pretty()), Ok(ours.clone()));
    // The table read through it is the table serde reads.
    assert_eq!(
        Table::from_json_value(TABLE),
        Some(Table::from_json(TABLE).unwrap())
    );
}

#[test]
fn pretty_layout_of_empty_and_nested_values() {
    let text = r#"{"a":[],"b":{},"c":[1,[2,{}],{"d":null,"e":true,"f":false}],"g":"x"}"#;
    let theirs: serde_json::Value = serde_json::from_str(text).unwrap();
    let ours = json::parse(text).unwrap();
    assert_eq!(ours.to_json(), text);
    assert_eq!(
        ours.to_json_pretty(),
        serde_json::to_string_pretty(&theirs).unwrap()
    );
    assert_eq!(Value::Array(vec![]).to_json_pretty(), "[]");
    assert_eq!(Value::Object(vec![]).to_json_pretty(), "{}");
}

// The shapes the page wrote with serde before `json` (field order is the written order).

#[derive(Serialize)]
struct FileOut<'a> {
    format: &'a str,
    version: u64,
    dataset: &'a str,
    exported_at: Timestamp,
    entries: Vec<EntryOut<'a>>,
}

#[derive(Serialize)]
struct EntryOut<'a> {
    unit: &'a str,
    task: &'a str,
    status: Status,
    note: &'a str,
    updated_at: Timestamp,
}

#[derive(Serialize)]
struct StoredV1 {
    schema: u64,
    dataset: String,
    unit: String,
    exported_at: Option<Timestamp>,
    entries: BTreeMap<String, Entry>,
}

fn ts(s: &str) -> Timestamp {
    Timestamp::parse(s).unwrap()
}

/// Checklists of two units with every tricky note.
fn checklists() -> Checklists {
    let mut c = Checklists::new();
    let statuses = [Status::Todo, Status::Doing, Status::Done, Status::Na];
    for (i, note) in tricky_strings().into_iter().enumerate() {
        let at = Timestamp::from_millis(1_498_730_400_000 + i as i64 * 250);
        c.put(
            "市财政局",
            &format!("1.1.{}", i + 1),
            Entry::new(statuses[i % 4], note.clone(), at),
        );
        c.put(
            "泰山区",
            &format!("2.1.{}", i + 1),
            Entry::new(statuses[(i + 1) % 4], note, at),
        );
    }
    c.mark_exported("市财政局", ts("2017-06-30T08:00:00Z"));
    c
}

#[test]
fn the_export_is_what_serde_json_wrote() {
    let c = checklists();
    let now = ts("2017-06-30T16:00:00.5+08:00");
    let text = export(&c, "taian-2017", &["泰山区", "市财政局"], now);
    // `export` orders by unit then task id; so does `Checklists::entries` for these ids.
    let file = FileOut {
        format: "gk-checklist",
        version: 1,
        dataset: "taian-2017",
        exported_at: now,
        entries: c
            .entries()
            .map(|(unit, task, e)| EntryOut {
                unit,
                task,
                status: e.status,
                note: &e.note,
                updated_at: e.updated_at,
            })
            .collect(),
    };
    assert_eq!(text, serde_json::to_string_pretty(&file).unwrap() + "\n");
    // And with no entries.
    let empty = export(&Checklists::new(), "taian-2017", &["市财政局"], now);
    let file = FileOut {
        entries: Vec::new(),
        ..file
    };
    assert_eq!(empty, serde_json::to_string_pretty(&file).unwrap() + "\n");
}

#[test]
fn stored_documents_are_what_serde_json_wrote() {
    let c = checklists();
    for unit in ["市财政局", "泰山区", "市统计局"] {
        let doc = UnitDoc::of(&c, "taian-2017", unit);
        let v1 = StoredV1 {
            schema: 1,
            dataset: doc.dataset.clone(),
            unit: doc.unit.clone(),
            exported_at: doc.checklist.exported_at,
            entries: doc.checklist.entries.clone(),
        };
        assert_eq!(encode_unit(&doc), serde_json::to_string(&v1).unwrap());
    }
}

#[test]
fn numbers_keep_their_text() {
    for text in [
        "0",
        "-0",
        "7",
        "255",
        "-12",
        "1.5",
        "1e3",
        "1E+3",
        "2.5e-3",
        "18446744073709551616",
    ] {
        assert_eq!(json::parse(text), Ok(Value::Number(text.into())));
        assert!(
            serde_json::from_str::<serde_json::Value>(text).is_ok(),
            "{text}"
        );
    }
    let n = |t: &str| json::parse(t).unwrap().as_u64();
    assert_eq!(n("0"), Some(0));
    assert_eq!(n("42"), Some(42));
    assert_eq!(n("18446744073709551615"), Some(u64::MAX));
    // As serde_json's `as_u64`: not a negative, fraction, exponent or too large a number.
    for t in ["-1", "-0", "1.0", "1e0", "18446744073709551616"] {
        assert_eq!(n(t), None, "{t}");
        let theirs: serde_json::Value = serde_json::from_str(t).unwrap();
        assert_eq!(theirs.as_u64(), None, "{t}");
    }
    assert_eq!(Value::from(1u64).to_json(), "1");
}

#[test]
fn objects_keep_their_order_and_the_last_repeated_key_counts() {
    let v = json::parse(r#" { "b" : 1 , "a" : [ true , false , null ] , "b" : 2 } "#).unwrap();
    assert_eq!(v.to_json(), r#"{"b":1,"a":[true,false,null],"b":2}"#);
    assert_eq!(v.get("b").and_then(Value::as_u64), Some(2));
    assert_eq!(
        v.get("a").and_then(Value::as_array).map(<[Value]>::len),
        Some(3)
    );
    assert_eq!(v.get("c"), None);
    let theirs: serde_json::Value = serde_json::from_str(&v.to_json()).unwrap();
    assert_eq!(theirs["b"], 2);
    let mut v = v;
    v.insert("b", Value::from("x"));
    v.insert("c", Value::Null);
    assert_eq!(
        v.to_json(),
        r#"{"b":1,"a":[true,false,null],"b":"x","c":null}"#
    );
    assert_eq!(v.to_string(), v.to_json());
}

#[test]
fn what_is_not_json_is_refused_as_serde_json_refuses_it() {
    for text in [
        "",
        "   ",
        "not json",
        "{这不是 JSON",
        "{",
        "[1,]",
        "[1 2]",
        "{\"a\":1,}",
        "{\"a\" 1}",
        "{a:1}",
        "{'a':1}",
        "[01]",
        "[1.]",
        "[.5]",
        "[-]",
        "[+1]",
        "[1e]",
        "[1e+]",
        "[NaN]",
        "[Infinity]",
        "tru",
        "nul",
        "\"abc",
        "\"a\\x\"",
        "\"\\u12\"",
        "\"\\u12G4\"",
        "\"\\ud83d\"",
        "\"\\ud83d\\u0041\"",
        "\"\\ude00\"",
        "\"tab\there\"",
        "\"line\nbreak\"",
        "{} {}",
        "[] x",
        "\u{feff}{}",
    ] {
        assert!(json::parse(text).is_err(), "ours accepted {text:?}");
        assert!(
            serde_json::from_str::<serde_json::Value>(text).is_err(),
            "serde_json accepted {text:?}"
        );
    }
    // Nesting is bounded, so a hostile text cannot exhaust the stack.
    let deep = "[".repeat(100_000);
    assert!(json::parse(&deep).is_err());
    let fine = format!("{}{}", "[".repeat(100), "]".repeat(100));
    assert!(json::parse(&fine).is_ok());
}

#[test]
fn errors_say_where_in_chinese() {
    let e = json::parse("{这不是 JSON").unwrap_err();
    assert_eq!((e.line, e.column), (1, 2));
    assert_eq!(e.to_string(), "第 1 行第 2 列附近应为带引号的键名");
    let e = json::parse("{\n  \"a\": 1,\n  \"b\" 2\n}").unwrap_err();
    assert_eq!((e.line, e.column), (3, 7));
    assert_eq!(e.to_string(), "第 3 行第 7 列附近应为冒号");
    let e = json::parse("[\"市财政局\" 1]").unwrap_err();
    assert_eq!((e.line, e.column), (1, 9));
    assert_eq!(e.what, "应为逗号或 ]");
    let e = json::parse("{\"a\":").unwrap_err();
    assert_eq!(e.to_string(), "第 1 行第 6 列附近内容意外结束");
    assert_eq!(json::parse("[] x").unwrap_err().what, "有多余的内容");
    assert_eq!(json::parse("\"\\q\"").unwrap_err().what, "有无效的转义");
    assert_eq!(json::parse("[01]").unwrap_err().what, "应为逗号或 ]");
    assert_eq!(json::parse("[1.]").unwrap_err().what, "有无效的数字");
    assert_eq!(
        json::parse("\"\u{1}\"").unwrap_err().what,
        "有未转义的控制字符"
    );
}
