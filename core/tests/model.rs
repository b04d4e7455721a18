//! `Table::from_json`: the real table reads back whole, optional members may be absent, and a
//! missing or wrongly typed field is an error naming it.

use gk_core::model::{Table, TimeTag, UnitKind};
use serde_json::{json, Value};

const REAL_JSON: &str = include_str!("../../data/tables/taian-2017.json");

fn real_value() -> Value {
    serde_json::from_str(REAL_JSON).unwrap()
}

/// The real table with `change` applied, read back: the error's message.
fn error_after(change: impl FnOnce(&mut Value)) -> String {
    let mut value = real_value();
    change(&mut value);
    Table::from_json(&value.to_string())
        .expect_err("the changed table is refused")
        .to_string()
}

fn members<'a>(value: &'a mut Value, pointer: &str) -> &'a mut serde_json::Map<String, Value> {
    value.pointer_mut(pointer).unwrap().as_object_mut().unwrap()
}

#[test]
fn real_table_reads_every_field() {
    let table = Table::from_json(REAL_JSON).unwrap();
    // Written back, it is the file's value: nothing read was lost or changed.
    assert_eq!(serde_json::to_value(&table).unwrap(), real_value());
    assert_eq!(table.tasks.len(), 139);
    assert_eq!(table.units.iter().filter(|u| u.is_group()).count(), 3);
    assert!(table
        .tasks
        .iter()
        .any(|t| t.time.iter().any(|r| r.tag == "working-days")));
}

#[test]
fn absent_item_time_and_members_are_empty_and_unknown_members_ignored() {
    let mut value = real_value();
    let first = members(&mut value, "/tasks/0");
    assert_ne!(first["item"], "");
    first.remove("item");
    first.insert("extra".into(), json!(1));
    let timed = members(&mut value, "/tasks/4");
    assert!(!timed["time"].as_array().unwrap().is_empty());
    timed.remove("time");
    let group = members(&mut value, "/units/0");
    assert!(!group["members"].as_array().unwrap().is_empty());
    group.remove("members");
    let table = Table::from_json(&value.to_string()).unwrap();
    assert_eq!(table.tasks[0].item, "");
    assert!(table.tasks[4].time.is_empty());
    assert!(table.units[0].members.is_empty());
    // Everything else is as in the file.
    let mut expected = Table::from_json(REAL_JSON).unwrap();
    expected.tasks[0].item.clear();
    expected.tasks[4].time.clear();
    expected.units[0].members.clear();
    assert_eq!(table, expected);
}

#[test]
fn missing_field_is_named() {
    assert_eq!(
        error_after(|v| {
            members(v, "/tasks/3").remove("text");
        }),
        "missing field `tasks[3].text`"
    );
    assert_eq!(
        error_after(|v| {
            members(v, "/dataset").remove("id");
        }),
        "missing field `dataset.id`"
    );
    assert_eq!(
        error_after(|v| {
            members(v, "").remove("sections");
        }),
        "missing field `sections`"
    );
    assert_eq!(
        error_after(|v| {
            members(v, "/tasks/4/time/0").remove("phrase");
        }),
        "missing field `tasks[4].time[0].phrase`"
    );
}

#[test]
fn wrong_type_is_named() {
    let cases: [(&str, Value, &str); 8] = [
        (
            "/tasks/0/pillar",
            json!("1"),
            "`tasks[0].pillar` should be an integer from 0 to 255, found a string",
        ),
        (
            "/pillars/2/id",
            json!(256),
            "`pillars[2].id` should be an integer from 0 to 255, found a number",
        ),
        (
            "/sections/1/pillar",
            json!(-1),
            "`sections[1].pillar` should be an integer from 0 to 255, found a number",
        ),
        (
            "/tasks/1/lead/0",
            json!(5),
            "`tasks[1].lead[0]` should be a string, found a number",
        ),
        (
            "/tasks/2/item",
            Value::Null,
            "`tasks[2].item` should be a string, found null",
        ),
        (
            "/units",
            json!({}),
            "`units` should be an array, found an object",
        ),
        (
            "/tasks/6",
            json!(["1.1.5"]),
            "`tasks[6]` should be an object, found an array",
        ),
        (
            "/dataset/title",
            json!(true),
            "`dataset.title` should be a string, found a boolean",
        ),
    ];
    for (pointer, wrong, message) in cases {
        let error = error_after(|v| *v.pointer_mut(pointer).unwrap() = wrong);
        assert_eq!(error, message, "at {pointer}");
    }
    assert_eq!(
        Table::from_json("[]").unwrap_err().to_string(),
        "the table should be an object, found an array"
    );
}

#[test]
fn unknown_time_tag_and_unit_kind_are_named() {
    assert_eq!(
        error_after(|v| *v.pointer_mut("/tasks/4/time/0/tag").unwrap() = json!("daily")),
        "`tasks[4].time[0].tag`: unknown time tag `daily`"
    );
    assert_eq!(
        error_after(|v| *v.pointer_mut("/units/7/kind").unwrap() = json!("Department")),
        "`units[7].kind`: unknown unit kind `Department`"
    );
}

#[test]
fn text_that_is_not_json_is_a_syntax_error() {
    let error = Table::from_json("{\"dataset\": ").unwrap_err();
    assert!(error.is_eof());
    assert_eq!(error.line(), 1);
}
