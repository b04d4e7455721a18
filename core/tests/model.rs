//! `Table::from_json`: the real table reads back whole, optional members may be absent, and a
//! missing or wrongly typed field, or a name that does not resolve, is an error (in Chinese)
//! naming the table, the object (task id, unit, …) and the field.

use gk_core::model::Table;
use serde_json::{json, Value};

const REAL_JSON: &str = include_str!("../../data/tables/taian-2017.json");

fn real_value() -> Value {
    serde_json::from_str(REAL_JSON).unwrap()
}

/// How every message about the real table begins: it names the table by its title.
const TABLE: &str = "任务表“2017年泰安市政务公开重点工作任务分解表”无法读取：";

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
    // A unit that is not a group has no `members` in the file: it reads as empty.
    let unit = members(&mut value, "/units/7");
    assert_ne!(unit["kind"], "group");
    assert!(!unit.contains_key("members"));
    let table = Table::from_json(&value.to_string()).unwrap();
    assert_eq!(table.tasks[0].item, "");
    assert!(table.tasks[4].time.is_empty());
    assert!(table.units[7].members.is_empty());
    // Everything else is as in the file.
    let mut expected = Table::from_json(REAL_JSON).unwrap();
    expected.tasks[0].item.clear();
    expected.tasks[4].time.clear();
    assert_eq!(table, expected);
    // A group's absent members read as empty too, and a group without members is refused,
    // by name.
    assert_eq!(
        error_after(|v| {
            members(v, "/units/0").remove("members");
        }),
        format!("{TABLE}单位组“各县（市、区）”没有成员（members）")
    );
}

#[test]
fn missing_field_is_named() {
    // tasks[3] is 1.1.4; tasks[4] is 1.1.5.
    assert_eq!(
        error_after(|v| {
            members(v, "/tasks/3").remove("text");
        }),
        format!("{TABLE}任务 1.1.4 缺少字段“text”")
    );
    assert_eq!(
        error_after(|v| {
            members(v, "/dataset").remove("id");
        }),
        format!("{TABLE}数据集信息（dataset）缺少字段“id”")
    );
    assert_eq!(
        error_after(|v| {
            members(v, "").remove("sections");
        }),
        format!("{TABLE}文件缺少字段“sections”")
    );
    assert_eq!(
        error_after(|v| {
            members(v, "/tasks/4/time/0").remove("phrase");
        }),
        format!("{TABLE}任务 1.1.5 的“time”第 1 项缺少字段“phrase”")
    );
}

#[test]
fn wrong_type_is_named() {
    // tasks[0..3] are 1.1.1–1.1.3, pillars[2] is 3 (256 after the change), sections[1] 1.2.
    let cases: [(&str, Value, String); 8] = [
        (
            "/tasks/0/pillar",
            json!("1"),
            format!("{TABLE}任务 1.1.1 的字段“pillar”应为 0 到 255 的整数，实为字符串"),
        ),
        (
            "/pillars/2/id",
            json!(256),
            format!("{TABLE}支柱 256 的字段“id”应为 0 到 255 的整数，实为数字"),
        ),
        (
            "/sections/1/pillar",
            json!(-1),
            format!("{TABLE}分项 1.2 的字段“pillar”应为 0 到 255 的整数，实为数字"),
        ),
        (
            "/tasks/1/lead/0",
            json!(5),
            format!("{TABLE}任务 1.1.2 的字段“lead”第 1 项应为字符串，实为数字"),
        ),
        (
            "/tasks/2/item",
            Value::Null,
            format!("{TABLE}任务 1.1.3 的字段“item”应为字符串，实为 null"),
        ),
        (
            "/units",
            json!({}),
            format!("{TABLE}文件的字段“units”应为数组，实为对象"),
        ),
        (
            "/tasks/6",
            json!(["1.1.5"]),
            format!("{TABLE}tasks[6]应为对象，实为数组"),
        ),
        (
            "/dataset/title",
            json!(true),
            // Without a title the table is named by its id.
            "任务表“taian-2017”无法读取：数据集信息（dataset）的字段“title”应为字符串，实为布尔值"
                .to_string(),
        ),
    ];
    for (pointer, wrong, message) in cases {
        let error = error_after(|v| *v.pointer_mut(pointer).unwrap() = wrong);
        assert_eq!(error, message, "at {pointer}");
    }
    assert_eq!(
        Table::from_json("[]").unwrap_err().to_string(),
        "任务表文件无法读取：文件应为对象，实为数组"
    );
}

#[test]
fn unknown_time_tag_and_unit_kind_are_named() {
    assert_eq!(
        error_after(|v| *v.pointer_mut("/tasks/4/time/0/tag").unwrap() = json!("daily")),
        format!("{TABLE}任务 1.1.5 的时限“daily”（按月）不在时限列表（times）中")
    );
    assert_eq!(
        error_after(|v| *v.pointer_mut("/units/7/kind").unwrap() = json!("Department")),
        format!("{TABLE}单位“市人力资源社会保障局”的类别“Department”不在单位类别（kinds）中")
    );
}

#[test]
fn text_that_is_not_json_is_a_syntax_error() {
    let error = Table::from_json("{\"dataset\": ").unwrap_err();
    // Not even the table's name can be read; the parser's message says where it ended.
    assert_eq!(error.table, "");
    assert!(
        error.message.starts_with("EOF while parsing"),
        "{}",
        error.message
    );
    assert!(error.message.contains("at line 1 "), "{}", error.message);
    assert!(error.to_string().starts_with("任务表文件无法读取："));
}
