//! The rules over a second table, of another level of government and another year: the
//! sample 岱岳区 2026 table (`data/tables/daiyue-2026.json`), its groups and their scope, its
//! own deadlines and year end, and its lights. The expectations were worked out by hand from
//! the table's words (`data/daiyue-2026.expect.md`), not by the code they check. Then a
//! table file with every kind of bad content, each with its Chinese message.

use gk_core::checklist::Checklists;
use gk_core::filter::Index;
use gk_core::model::{Scope, Table};
use gk_core::supervision::{due_date, format_as_of, light, parse_as_of, period, Light, Period};
use gk_core::units::{unit_options, Role};
use serde_json::{json, Value};

const DAIYUE: &str = include_str!("../../data/tables/daiyue-2026.json");
const TAIAN: &str = include_str!("../../data/tables/taian-2017.json");
const LIST: &str = include_str!("../../data/tables/tables.json");

fn daiyue() -> Table {
    Table::from_json(DAIYUE).expect("the 岱岳区 table opens")
}

#[test]
fn the_list_names_both_tables_and_every_file_opens_with_its_id() {
    let list: Value = serde_json::from_str(LIST).unwrap();
    let tables = list["tables"].as_array().unwrap();
    let ids: Vec<&str> = tables.iter().map(|t| t["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["taian-2017", "daiyue-2026"]);
    assert_eq!(list["default"], "taian-2017");
    for (t, json) in tables.iter().zip([TAIAN, DAIYUE]) {
        let table = Table::from_json(json).unwrap();
        assert_eq!(table.dataset.id, t["id"].as_str().unwrap());
        assert_eq!(table.dataset.title, t["title"].as_str().unwrap());
        assert_eq!(
            t["file"].as_str().unwrap(),
            format!("{}.json", table.dataset.id)
        );
    }
}

#[test]
fn dataset_year_office_and_picker_headings_come_from_the_file() {
    let t = daiyue();
    assert_eq!(t.dataset.year, 2026);
    assert_eq!(t.dataset.office.short, "区政府办公室");
    assert_eq!(t.dataset.office.name, "岱岳区人民政府办公室");
    assert_eq!(format_as_of(t.year_end()), "2026-12-31");
    let headings: Vec<(String, usize)> = unit_options(&t)
        .into_iter()
        .map(|g| (g.heading, g.units.len()))
        .collect();
    assert_eq!(
        headings,
        [
            ("区直部门".to_string(), 15),
            ("镇（街道）".to_string(), 8),
            ("其他单位".to_string(), 2)
        ]
    );
    let taian = Table::from_json(TAIAN).unwrap();
    let headings: Vec<String> = unit_options(&taian)
        .into_iter()
        .map(|g| g.heading)
        .collect();
    assert_eq!(headings, ["市直部门", "县（市、区）", "其他单位"]);
    assert_eq!(taian.dataset.office.short, "市政府办公室");
}

/// `(task, role, via group or "", may mark 不适用)` of every task of `unit`.
fn tasks_of(t: &Table, unit: &str) -> Vec<(String, Role, String, bool)> {
    let index = Index::new(t);
    index
        .tasks_of(unit)
        .into_iter()
        .map(|i| {
            let a = index.assignment(i, unit).unwrap();
            let via = a.via_name().unwrap_or_default().to_string();
            (t.tasks[i].id.clone(), a.role, via, a.optional())
        })
        .collect()
}

#[test]
fn a_district_department_gets_its_tasks_by_name_and_through_the_groups() {
    use Role::{Lead as L, Responsible as R};
    let t = daiyue();
    let (own, all, concerned) = ("", "区直各部门", "区直有关部门");
    // From the expectations' table for 区财政局: 31 tasks, 9 led, 10 it may mark 不适用.
    let expected = [
        ("1.1.1", R, all),
        ("1.1.2", R, own),
        ("1.1.3", L, own),
        ("1.1.4", R, concerned),
        ("1.2.1", R, concerned),
        ("1.3.1", R, all),
        ("1.3.2", R, concerned),
        ("1.3.3", R, concerned),
        ("2.1.1", L, own),
        ("2.1.2", L, own),
        ("2.1.3", L, own),
        ("2.2.4", R, own),
        ("2.3.1", L, own),
        ("2.4.1", R, concerned),
        ("3.1.1", R, concerned),
        ("3.1.2", R, concerned),
        ("3.1.3", R, own),
        ("3.2.1", R, all),
        ("3.2.2", L, concerned),
        ("3.3.1", R, all),
        ("3.3.2", R, all),
        ("4.1.1", R, all),
        ("4.1.2", L, all),
        ("4.2.1", R, all),
        ("4.2.2", R, all),
        ("4.2.3", L, concerned),
        ("4.2.4", R, concerned),
        ("5.1.1", L, all),
        ("5.1.2", R, all),
        ("5.2.1", R, all),
        // Named through both groups: every member must act, so it may not mark 不适用.
        ("5.2.2", R, all),
    ]
    .map(|(id, role, via)| (id.to_string(), role, via.to_string(), via == concerned));
    assert_eq!(tasks_of(&t, "区财政局"), expected);
    // Only the members concerned may mark 不适用: the group's scope, not its name, says so.
    let optional = expected.iter().filter(|e| e.3).count();
    assert_eq!(optional, 10);
    assert_eq!(t.unit(concerned).unwrap().scope, Some(Scope::Concerned));
}

#[test]
fn a_town_gets_the_towns_tasks_and_its_own_and_may_mark_none_not_applicable() {
    let t = daiyue();
    let tasks = tasks_of(&t, "满庄镇");
    assert_eq!(tasks.len(), 26);
    let led: Vec<(&str, &str)> = tasks
        .iter()
        .filter(|e| e.1 == Role::Lead)
        .map(|e| (e.0.as_str(), e.2.as_str()))
        .collect();
    assert_eq!(
        led,
        [
            ("1.2.2", "各镇（街道）"),
            ("2.3.2", "各镇（街道）"),
            ("2.3.3", ""),
            ("4.1.2", "各镇（街道）"),
            ("5.1.1", "各镇（街道）")
        ]
    );
    assert!(tasks.iter().all(|e| !e.3));
    // The label names the group as the file writes it (it has no short name).
    let index = Index::new(&t);
    let i = t.tasks.iter().position(|x| x.id == "1.2.2").unwrap();
    assert_eq!(
        index.assignment(i, "满庄镇").unwrap().label(),
        "牵头 · 各镇（街道）"
    );
    // A unit in no group gets only the tasks that name it.
    let other = tasks_of(&t, "国家税务总局泰安市岱岳区税务局");
    let ids: Vec<(&str, Role)> = other.iter().map(|e| (e.0.as_str(), e.1)).collect();
    assert_eq!(
        ids,
        [
            ("1.1.4", Role::Responsible),
            ("2.1.2", Role::Responsible),
            ("3.1.3", Role::Lead),
            ("5.1.2", Role::Responsible)
        ]
    );
}

#[test]
fn due_dates_are_the_tables_own_and_the_year_end_is_2026s() {
    let t = daiyue();
    let due = |id: &str| format_as_of(due_date(&t, t.task(id).unwrap()));
    let per = |id: &str| period(&t, t.task(id).unwrap());
    // Worked out by hand (the expectations' table (b)).
    for (id, day) in [
        ("1.1.3", "2026-09-30"), // 每月 and 9月底前
        ("1.1.4", "2026-03-31"), // 3月底前 and 定期
        ("2.1.3", "2026-06-30"),
        ("2.3.3", "2026-12-31"), // 年底前
        ("4.2.2", "2027-03-31"), // 2027年3月底前: not also 2026's 3月底前
        ("5.1.1", "2026-03-31"), // 定期 then 3月底前
        ("1.2.2", "2026-12-31"), // no time requirement: the end of the table's year
        ("1.3.1", "2026-12-31"), // 24小时内: after an event, not a deadline
        ("1.1.1", "2026-12-31"), // 5个工作日内
    ] {
        assert_eq!(due(id), day, "{id}");
    }
    assert_eq!(per("4.1.1"), Some(Period::Week)); // 每周 and 每季度: the shortest
    assert_eq!(per("1.1.2"), Some(Period::Quarter));
    assert_eq!(per("2.3.1"), Some(Period::Year));
    assert_eq!(per("2.4.1"), Some(Period::Month)); // 每月 and 定期
    assert_eq!(per("2.2.4"), None); // 定期 names no period
    assert_eq!(per("1.1.1"), None);
    // Totals of the expectations: 4 + 4 + 5 + 26 + 1 tasks by due date.
    let mut by_day = std::collections::BTreeMap::new();
    for task in &t.tasks {
        *by_day.entry(format_as_of(due_date(&t, task))).or_insert(0) += 1;
    }
    let by_day: Vec<(&str, i32)> = by_day.iter().map(|(d, n)| (d.as_str(), *n)).collect();
    assert_eq!(
        by_day,
        [
            ("2026-03-31", 4),
            ("2026-06-30", 4),
            ("2026-09-30", 5),
            ("2026-12-31", 26),
            ("2027-03-31", 1)
        ]
    );
}

#[test]
fn lights_on_a_june_day_of_2026() {
    let t = daiyue();
    let day = parse_as_of("2026-06-20").unwrap();
    let none = Checklists::default();
    let lit = |id: &str| {
        let task = t.task(id).unwrap();
        light(&t, task, none.get("区财政局", id), day)
    };
    assert_eq!(lit("5.1.1"), Light::Overdue);
    assert_eq!(lit("2.1.3"), Light::Stale); // before 临期: no record this quarter
    assert_eq!(lit("4.1.2"), Light::Soon); // due 06-30, within 14 days
    assert_eq!(lit("2.1.2"), Light::Stale); // monthly, nothing in June
    assert_eq!(lit("1.1.1"), Light::OnTrack);
}

// ---- Bad table files: each gets a message naming the table, the place and the field. ----

fn value() -> Value {
    serde_json::from_str(DAIYUE).unwrap()
}

fn refused(change: impl FnOnce(&mut Value)) -> String {
    let mut v = value();
    change(&mut v);
    Table::from_json(&v.to_string())
        .expect_err("the changed table is refused")
        .to_string()
}

const NAME: &str = "任务表“2026年岱岳区政务公开重点工作任务分解表（示例）”无法读取：";

fn task_mut<'a>(v: &'a mut Value, id: &str) -> &'a mut Value {
    v["tasks"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|t| t["id"] == id)
        .unwrap()
}

fn unit_mut<'a>(v: &'a mut Value, name: &str) -> &'a mut Value {
    v["units"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|t| t["name"] == name)
        .unwrap()
}

#[test]
fn a_file_of_another_format_version_is_refused_in_plain_words() {
    let e = refused(|v| v["format"] = json!(3));
    assert_eq!(e, format!("{NAME}文件的格式版本为 3，本系统只能读取版本 2"));
    let e = refused(|v| {
        v.as_object_mut().unwrap().remove("format");
    });
    assert!(
        e.starts_with(&format!("{NAME}文件没有格式版本（format）")),
        "{e}"
    );
    let e = Table::from_json("<html>").unwrap_err().to_string();
    assert!(e.starts_with("任务表文件无法读取："), "{e}");
}

#[test]
fn names_that_do_not_resolve_are_named_with_their_task_and_field() {
    type Change = Box<dyn FnOnce(&mut Value)>;
    let cases: Vec<(Change, &str)> = vec![
        (
            Box::new(|v| task_mut(v, "2.1.2")["lead"][0] = json!("区财政厅")),
            "任务 2.1.2 的牵头单位“区财政厅”不在单位列表（units）中",
        ),
        (
            Box::new(|v| task_mut(v, "1.1.2")["responsible"][1] = json!("各乡镇")),
            "任务 1.1.2 的责任单位“各乡镇”不在单位列表（units）中",
        ),
        (
            Box::new(|v| unit_mut(v, "各镇（街道）")["members"][2] = json!("满庄乡")),
            "单位组“各镇（街道）”的成员“满庄乡”不在单位列表（units）中",
        ),
        (
            Box::new(|v| task_mut(v, "2.1.3")["time"][0]["tag"] = json!("by-june")),
            "任务 2.1.3 的时限“by-june”（6月底前）不在时限列表（times）中",
        ),
        (
            Box::new(|v| unit_mut(v, "区财政局")["kind"] = json!("county")),
            "单位“区财政局”的类别“county”不在单位类别（kinds）中",
        ),
        (
            Box::new(|v| {
                unit_mut(v, "区直有关部门")
                    .as_object_mut()
                    .unwrap()
                    .remove("scope");
            }),
            "单位组“区直有关部门”缺少字段“scope”（all：全体成员都要落实；concerned：只有有关成员落实）",
        ),
        (
            Box::new(|v| unit_mut(v, "区直有关部门")["scope"] = json!("some")),
            "单位“区直有关部门”的范围（scope）“some”无效，应为 all（全体成员）或 concerned（有关成员）",
        ),
        (
            Box::new(|v| task_mut(v, "3.1.1")["id"] = json!("3.1.2")),
            "任务 3.1.2 重复",
        ),
        (
            Box::new(|v| task_mut(v, "3.1.1")["section"] = json!("2.1")),
            "任务 3.1.1 的分项 2.1 不属于支柱 3",
        ),
        (
            Box::new(|v| task_mut(v, "3.1.1")["lead"] = json!([])),
            "任务 3.1.1 没有牵头单位（lead）",
        ),
        (
            Box::new(|v| {
                task_mut(v, "3.1.1").as_object_mut().unwrap().remove("text");
            }),
            "任务 3.1.1 缺少字段“text”",
        ),
        (
            Box::new(|v| task_mut(v, "3.1.1")["pillar"] = json!("3")),
            "任务 3.1.1 的字段“pillar”应为 0 到 255 的整数，实为字符串",
        ),
        (
            Box::new(|v| task_mut(v, "3.1.1")["lead"][0] = json!(7)),
            "任务 3.1.1 的字段“lead”第 1 项应为字符串，实为数字",
        ),
        (
            Box::new(|v| v["times"][5]["due"] = json!("2026-02-30")),
            "时限“by-2026-03”的日期（due）“2026-02-30”无效，应为 YYYY-MM-DD 的形式",
        ),
        (
            Box::new(|v| v["dataset"]["year"] = json!("2026")),
            "数据集信息（dataset）的字段“year”应为四位数的年份，实为字符串",
        ),
        (
            Box::new(|v| {
                v["dataset"].as_object_mut().unwrap().remove("office");
            }),
            "数据集信息（dataset）缺少字段“office”",
        ),
    ];
    for (change, message) in cases {
        assert_eq!(refused(change), format!("{NAME}{message}"));
    }
}
