//! The localStorage unit document: encoding, every committed sample (each schema and file
//! version keeps one), migration, refusal of newer schemas, corrupt values, read-merge-write.

use std::fs;
use std::path::PathBuf;

use gk_core::checklist::{Checklists, Entry, UnitChecklist};
use gk_core::model::Table;
use gk_core::status::Status;
use gk_core::stored::{
    decode_unit, encode_unit, merge_docs, migrate, StoredError, UnitDoc, SCHEMA,
};
use gk_core::timestamp::Timestamp;
use serde_json::json;

/// The importing browser's clock in these tests: 2030-01-01T00:00:00Z, after every time they
/// use (nothing is from the future).
const NOW: Timestamp = Timestamp::from_millis(1_893_456_000_000);

const FIN: &str = "市财政局";

fn ts(s: &str) -> Timestamp {
    Timestamp::parse(s).unwrap()
}

fn e(status: Status, note: &str, at: &str) -> Entry {
    Entry::new(status, note, ts(at))
}

fn obj(text: &str) -> serde_json::Value {
    serde_json::from_str(text).unwrap()
}

fn samples_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/samples")
}

/// `stored-v3.json` → ("stored", 3).
fn kind_and_version(name: &str) -> (&str, u64) {
    let stem = name
        .strip_suffix(".json")
        .unwrap_or_else(|| panic!("sample {name} is not .json"));
    let (kind, version) = stem
        .rsplit_once("-v")
        .unwrap_or_else(|| panic!("sample {name} is not <kind>-v<N>.json"));
    let version = version
        .parse()
        .unwrap_or_else(|_| panic!("sample {name}: version is not a number"));
    (kind, version)
}

#[test]
fn every_sample_loads() {
    let table = Table::from_json(include_str!("../../data/tables/taian-2017.json")).unwrap();
    let mut stored_versions = Vec::new();
    let mut file_versions = Vec::new();
    let mut names: Vec<String> = fs::read_dir(samples_dir())
        .unwrap()
        .map(|d| d.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    for name in &names {
        let raw = fs::read_to_string(samples_dir().join(name)).unwrap();
        let (kind, version) = kind_and_version(name);
        match kind {
            "stored" => {
                let value: serde_json::Value = serde_json::from_str(&raw).unwrap();
                assert_eq!(value["schema"], json!(version), "{name}: schema field");
                let doc = decode_unit(&raw).unwrap_or_else(|e| panic!("{name}: {e}"));
                assert_eq!(doc.dataset, table.dataset.id, "{name}");
                assert!(!doc.checklist.entries.is_empty(), "{name} has entries");
                for task in doc.checklist.entries.keys() {
                    assert!(table.task(task).is_some(), "{name}: task {task}");
                }
                // Migrated to the current schema, it reads back the same.
                let again = decode_unit(&encode_unit(&doc)).unwrap();
                assert_eq!(again, doc, "{name}");
                stored_versions.push(version);
            }
            "statefile" => {
                let f = gk_core::statefile::parse(raw.as_bytes(), name, &table, NOW)
                    .unwrap_or_else(|e| panic!("{e}"));
                assert_eq!(f.version, version, "{name}");
                assert!(f.invalid.is_empty(), "{name}: {:?}", f.invalid);
                assert!(!f.entries.is_empty(), "{name}");
                file_versions.push(version);
            }
            other => panic!("sample {name}: unknown kind {other}"),
        }
    }
    // One sample per schema and per file version, so that each new version keeps the old
    // ones readable.
    assert_eq!(stored_versions, (1..=SCHEMA).collect::<Vec<_>>());
    assert_eq!(
        file_versions,
        (1..=gk_core::statefile::VERSION).collect::<Vec<_>>()
    );
}

#[test]
fn encode_writes_the_v1_sample() {
    let raw = fs::read_to_string(samples_dir().join("stored-v1.json")).unwrap();
    let doc = decode_unit(&raw).unwrap();
    assert_eq!(doc.unit, FIN);
    assert_eq!(doc.checklist.exported_at, Some(ts("2017-06-30T08:00:00Z")));
    assert_eq!(doc.checklist.entries.len(), 3);
    assert_eq!(
        doc.checklist.entries["1.1.1"],
        e(Status::Doing, "", "2017-06-28T02:15:30.250Z")
    );
    assert_eq!(encode_unit(&doc), raw.trim_end());
}

#[test]
fn a_new_unit_document() {
    let doc = UnitDoc {
        dataset: "taian-2017".into(),
        unit: FIN.into(),
        checklist: UnitChecklist::default(),
    };
    let raw = encode_unit(&doc);
    assert_eq!(
        raw,
        r#"{"schema":1,"dataset":"taian-2017","unit":"市财政局","exported_at":null,"entries":{}}"#
    );
    assert_eq!(decode_unit(&raw).unwrap(), doc);
}

#[test]
fn unit_documents_to_and_from_checklists() {
    let mut c = Checklists::new();
    c.set_status(FIN, "1.1.5", Status::Done, ts("2017-06-29T10:00:00Z"));
    c.set_status("泰山区", "1.1.5", Status::Doing, ts("2017-06-29T10:00:00Z"));
    c.mark_exported(FIN, ts("2017-06-29T11:00:00Z"));
    let doc = UnitDoc::of(&c, "taian-2017", FIN);
    let decoded = decode_unit(&encode_unit(&doc)).unwrap();
    let mut fresh = Checklists::new();
    decoded.put_into(&mut fresh);
    assert_eq!(fresh.unit(FIN), c.unit(FIN));
    assert_eq!(fresh.unit("泰山区"), None);
    // A unit with nothing gives an empty document, and putting it back removes nothing else.
    let none = UnitDoc::of(&c, "taian-2017", "市统计局");
    assert!(none.checklist.is_empty());
    none.put_into(&mut c);
    assert_eq!(c.units().count(), 2);
}

#[test]
fn a_newer_schema_is_refused_not_migrated_down() {
    for raw in [
        r#"{"schema":2,"dataset":"taian-2017","unit":"市财政局","exported_at":null,"entries":{}}"#,
        r#"{"schema":2,"something":"entirely different"}"#,
    ] {
        assert_eq!(decode_unit(raw), Err(StoredError::Newer(2)));
    }
    assert_eq!(
        decode_unit(r#"{"schema":18446744073709551615}"#),
        Err(StoredError::Newer(u64::MAX))
    );
    assert_eq!(migrate(2, obj("{}")), Err(StoredError::Newer(2)));
    let msg = StoredError::Newer(2).to_string();
    assert!(msg.contains("第 2 版"), "{msg}");
    assert!(msg.contains("第 1 版"), "{msg}");
}

#[test]
fn migrate_dispatches_on_the_schema() {
    let v1 = obj(
        r#"{"schema": 1, "dataset": "taian-2017", "unit": "市财政局", "exported_at": null, "entries": {}}"#,
    );
    assert_eq!(migrate(1, v1.clone()), Ok(v1));
    assert!(matches!(
        migrate(0, obj("{}")),
        Err(StoredError::Corrupt(_))
    ));
}

#[test]
fn corrupt_values() {
    for raw in [
        "",
        "not json",
        r#"{"schema":1,"dataset":"taian-2017","unit":"市财政局","exported_at":null,"entr"#,
        "[]",
        "null",
        "1",
        r#"{"dataset":"taian-2017","unit":"市财政局","entries":{}}"#,
        r#"{"schema":"1","dataset":"taian-2017","unit":"市财政局","exported_at":null,"entries":{}}"#,
        r#"{"schema":0,"dataset":"taian-2017","unit":"市财政局","exported_at":null,"entries":{}}"#,
        r#"{"schema":-1,"dataset":"taian-2017","unit":"市财政局","exported_at":null,"entries":{}}"#,
        r#"{"schema":1.5,"dataset":"taian-2017","unit":"市财政局","exported_at":null,"entries":{}}"#,
        r#"{"schema":1,"dataset":"taian-2017","exported_at":null,"entries":{}}"#,
        r#"{"schema":1,"dataset":"taian-2017","unit":"市财政局","exported_at":null}"#,
        r#"{"schema":1,"dataset":"taian-2017","unit":"市财政局","exported_at":null,"entries":[]}"#,
        r#"{"schema":1,"dataset":"taian-2017","unit":"市财政局","exported_at":"昨天","entries":{}}"#,
        r#"{"schema":1,"dataset":"taian-2017","unit":"市财政局","exported_at":null,"entries":{"1.1.5":{"status":"finished","note":"","updated_at":"2017-06-29T10:00:00Z"}}}"#,
        r#"{"schema":1,"dataset":"taian-2017","unit":"市财政局","exported_at":null,"entries":{"1.1.5":{"status":"done","note":"","updated_at":"2017-02-30T10:00:00Z"}}}"#,
        r#"{"schema":1,"dataset":"taian-2017","unit":"市财政局","exported_at":null,"entries":{"1.1.5":{"status":"done","updated_at":"2017-06-29T10:00:00Z"}}}"#,
        r#"{"schema":1,"dataset":"taian-2017","unit":"市财政局","exported_at":null,"entries":{"1.1.5":{"status":"done","note":null,"updated_at":"2017-06-29T10:00:00Z"}}}"#,
    ] {
        match decode_unit(raw) {
            Err(StoredError::Corrupt(reason)) => {
                assert!(!reason.is_empty());
                let msg = StoredError::Corrupt(reason).to_string();
                assert!(msg.starts_with("本机保存的进度数据已损坏"), "{msg}");
            }
            other => panic!("{raw}: {other:?}"),
        }
    }
}

#[test]
fn merge_docs_keeps_both_tabs_edits() {
    // Tab A saved 1.1.5 and 1.1.6; tab B, from an older copy, edited 1.1.6 later and 2.1.1.
    let mut stored = UnitDoc {
        dataset: "taian-2017".into(),
        unit: FIN.into(),
        checklist: UnitChecklist::default(),
    };
    stored
        .checklist
        .entries
        .insert("1.1.5".into(), e(Status::Done, "A", "2017-06-29T10:00:00Z"));
    stored.checklist.entries.insert(
        "1.1.6".into(),
        e(Status::Doing, "A", "2017-06-29T10:00:00Z"),
    );
    stored.checklist.exported_at = Some(ts("2017-06-29T12:00:00Z"));
    let mut ours = UnitDoc {
        checklist: UnitChecklist::default(),
        ..stored.clone()
    };
    ours.checklist
        .entries
        .insert("1.1.6".into(), e(Status::Done, "B", "2017-06-29T11:00:00Z"));
    ours.checklist
        .entries
        .insert("2.1.1".into(), e(Status::Na, "B", "2017-06-29T11:00:00Z"));
    ours.checklist.exported_at = Some(ts("2017-06-29T09:00:00Z"));
    let merged = merge_docs(stored.clone(), ours.clone(), NOW);
    let notes: Vec<(&str, &str)> = merged
        .checklist
        .entries
        .iter()
        .map(|(t, e)| (t.as_str(), e.note.as_str()))
        .collect();
    assert_eq!(notes, [("1.1.5", "A"), ("1.1.6", "B"), ("2.1.1", "B")]);
    assert_eq!(
        merged.checklist.exported_at,
        Some(ts("2017-06-29T12:00:00Z"))
    );
    assert_eq!(merged.unit, FIN);
    // Either way round, and again, the same.
    assert_eq!(merge_docs(ours.clone(), stored.clone(), NOW), merged);
    assert_eq!(merge_docs(merged.clone(), ours, NOW), merged);
    // Round trip through storage.
    assert_eq!(decode_unit(&encode_unit(&merged)).unwrap(), merged);
}

#[test]
fn the_documented_unit_document_is_what_encode_writes() {
    let doc = include_str!("../../docs/state-file.md");
    let example = doc
        .split("```json\n")
        .nth(2)
        .and_then(|rest| rest.split("```").next())
        .unwrap()
        .trim_end();
    let decoded = decode_unit(example).unwrap();
    assert_eq!(decoded.unit, FIN);
    assert_eq!(encode_unit(&decoded), example);
}

#[test]
fn corrupt_values_say_what_is_wrong_in_chinese() {
    let reason = |raw: &str| match decode_unit(raw) {
        Err(StoredError::Corrupt(reason)) => reason,
        other => panic!("{raw}: {other:?}"),
    };
    let doc = |rest: &str| {
        format!(
            r#"{{"schema":1,"dataset":"taian-2017","unit":"市财政局","exported_at":null{rest}}}"#
        )
    };
    assert_eq!(
        reason("{这不是 JSON"),
        "不是 JSON：第 1 行第 2 列附近应为带引号的键名"
    );
    assert_eq!(reason("[]"), "不是 JSON 对象");
    assert_eq!(reason(r#"{"schema":"1"}"#), "schema 不是正整数：\"1\"");
    assert_eq!(reason(r#"{"schema":1.5}"#), "schema 不是正整数：1.5");
    assert_eq!(reason(r#"{"dataset":"x"}"#), "缺少 schema");
    assert_eq!(reason(&doc("")), "缺少条目 \"entries\"");
    assert_eq!(
        reason(&doc(r#","entries":[]"#)),
        "条目 \"entries\" 应为对象，却是数组"
    );
    assert_eq!(
        reason(r#"{"schema":1,"dataset":"taian-2017","unit":7,"entries":{}}"#),
        "单位 \"unit\" 应为文字，却是数字"
    );
    assert_eq!(
        reason(r#"{"schema":1,"dataset":"taian-2017","entries":{}}"#),
        "缺少单位 \"unit\""
    );
    assert!(reason(&doc("").replace("null", "\"昨天\"")).starts_with("导出时间“昨天”无效："));
    assert_eq!(
        reason(&doc(
            r#","entries":{"1.1.5":{"status":"finished","note":"","updated_at":"2017-06-29T10:00:00Z"}}"#
        )),
        "任务“1.1.5”的状态“finished”无效，应为 todo、doing、done 或 na"
    );
    assert_eq!(
        reason(&doc(
            r#","entries":{"1.1.5":{"status":"done","note":null,"updated_at":"2017-06-29T10:00:00Z"}}"#
        )),
        "任务“1.1.5”的备注 \"note\" 应为文字，却是null"
    );
    assert_eq!(
        reason(&doc(
            r#","entries":{"1.1.5":{"status":"done","updated_at":"2017-06-29T10:00:00Z"}}"#
        )),
        "任务“1.1.5”缺少备注 \"note\""
    );
    assert!(reason(&doc(
        r#","entries":{"1.1.5":{"status":"done","note":"","updated_at":"2017-02-30T10:00:00Z"}}"#
    ))
    .starts_with("任务“1.1.5”的更新时间“2017-02-30T10:00:00Z”无效："));
    assert_eq!(
        reason(&doc(r#","entries":{"1.1.5":[]}"#)),
        "任务“1.1.5”的条目应为对象，却是数组"
    );
}

#[test]
fn decoding_reads_as_the_serde_derive_did() {
    // A missing export time is none, unknown members are ignored, of a repeated key the last
    // counts.
    let raw = r#"{"schema":1,"dataset":"taian-2017","unit":"市财政局","extra":[1],"entries":{"1.1.5":{"status":"todo","note":"a","updated_at":"2017-06-29T10:00:00Z","x":0},"1.1.5":{"status":"done","note":"b","updated_at":"2017-06-29T11:00:00Z"}}}"#;
    let doc = decode_unit(raw).unwrap();
    assert_eq!(doc.checklist.exported_at, None);
    assert_eq!(
        doc.checklist
            .entries
            .clone()
            .into_iter()
            .collect::<Vec<_>>(),
        [(
            "1.1.5".to_string(),
            e(Status::Done, "b", "2017-06-29T11:00:00Z")
        )]
    );
    // Even when the one it replaces is not valid.
    let raw = raw.replace(r#""status":"todo""#, r#""status":"finished""#);
    assert_eq!(decode_unit(&raw).unwrap(), doc);
}

/// The office's last import, as kept for undo across a reload (`gk:<dataset>:last-import`):
/// the JSON written by hand from docs/state-file.md, read back; anything else is no undo.
#[test]
fn the_last_import_record() {
    use gk_core::statefile::{Change, ImportUndo};
    use gk_core::stored::LastImport;
    let text = r#"{"schema":1,"dataset":"taian-2017","summary":"1 个文件：新增 1 条，更新 1 条，涉及 1 个单位","undo":{"at":"2017-06-30T10:30:00Z","changes":[{"unit":"市财政局","task":"1.1.1","before":{"status":"doing","note":"","updated_at":"2017-06-29T10:00:00Z"},"after":{"status":"done","note":"已公开","updated_at":"2017-06-30T09:00:00Z"}},{"unit":"市财政局","task":"1.1.5","before":null,"after":{"status":"todo","note":"","updated_at":"2017-06-30T09:00:00Z"}}],"units":["市财政局"]}}"#;
    let last = LastImport::new(
        "taian-2017",
        "1 个文件：新增 1 条，更新 1 条，涉及 1 个单位".to_string(),
        ImportUndo {
            at: ts("2017-06-30T10:30:00Z"),
            changes: vec![
                Change {
                    unit: FIN.into(),
                    task: "1.1.1".into(),
                    before: Some(e(Status::Doing, "", "2017-06-29T10:00:00Z")),
                    after: e(Status::Done, "已公开", "2017-06-30T09:00:00Z"),
                },
                Change {
                    unit: FIN.into(),
                    task: "1.1.5".into(),
                    before: None,
                    after: e(Status::Todo, "", "2017-06-30T09:00:00Z"),
                },
            ],
            units: vec![FIN.into()],
        },
    );
    assert_eq!(last.encode(), text);
    assert_eq!(LastImport::decode(text, "taian-2017"), Some(last));
    // Another table's, another schema's, or a damaged value: no undo.
    assert_eq!(LastImport::decode(text, "daiyue-2026"), None);
    assert_eq!(
        LastImport::decode(
            &text.replace(r#""schema":1"#, r#""schema":2"#),
            "taian-2017"
        ),
        None
    );
    assert_eq!(
        LastImport::decode(&text[..text.len() - 1], "taian-2017"),
        None
    );
}

/// One bad entry costs only itself when salvaged: the good ones are read, the bad one named.
#[test]
fn one_bad_entry_is_left_out_and_named_the_rest_is_read() {
    use gk_core::stored::salvage_unit;
    let raw = r#"{"schema":1,"dataset":"taian-2017","unit":"市财政局","exported_at":null,"entries":{"1.1.1":{"status":"done","note":"已公开","updated_at":"2017-06-29T10:00:00Z"},"1.1.2":{"status":"finished","note":"","updated_at":"2017-06-29T10:00:00Z"},"1.1.5":{"status":"doing","note":"","updated_at":"2017-06-29T11:00:00Z"}}}"#;
    // Strictly, the whole document is unreadable…
    assert!(matches!(decode_unit(raw), Err(StoredError::Corrupt(_))));
    // …salvaged, two entries are read and the third is named.
    let s = salvage_unit(raw).unwrap();
    assert_eq!(s.doc.unit, FIN);
    assert_eq!(
        s.doc.checklist.entries.keys().collect::<Vec<_>>(),
        ["1.1.1", "1.1.5"]
    );
    assert_eq!(
        s.doc.checklist.entries["1.1.1"],
        e(Status::Done, "已公开", "2017-06-29T10:00:00Z")
    );
    assert_eq!(
        s.skipped,
        ["任务“1.1.2”的状态“finished”无效，应为 todo、doing、done 或 na"]
    );
    // A document that is not one stays unreadable.
    assert!(matches!(salvage_unit("[1]"), Err(StoredError::Corrupt(_))));
    assert!(matches!(
        salvage_unit(r#"{"schema":1,"dataset":"taian-2017","unit":"市财政局"}"#),
        Err(StoredError::Corrupt(_))
    ));
}
