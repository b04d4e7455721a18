//! From a reading and the office's corrections to a table file the app opens: the family A
//! fixture, with its table worked out by hand.

use gk_core::model::{Scope, Table};
use gk_reader::publish::{
    group_short, guess_kind, guess_office, publish, read_times, Corrections, KindDef, TimeFix,
};

fn reading() -> gk_reader::reading::Reading {
    let path = format!(
        "{}/tests/fixtures/family-a.html",
        env!("CARGO_MANIFEST_DIR")
    );
    gk_reader::read_file("family-a.html", &std::fs::read(path).unwrap()).unwrap()
}

fn s(v: &[&str]) -> Vec<String> {
    v.iter().map(|x| x.to_string()).collect()
}

const DEPARTMENTS: [&str; 7] = [
    "区发展改革局",
    "区政府办公室",
    "区财政局",
    "区审计局",
    "区教育局",
    "区卫生健康局",
    "区民政局",
];

fn corrections() -> Corrections {
    let mut c = Corrections {
        id: "shifan-2026".into(),
        ..Corrections::default()
    };
    c.members
        .insert("各镇（街道）".into(), s(&["天平街道", "粥店街道"]));
    c.members.insert("区直各部门".into(), s(&DEPARTMENTS));
    c.members.insert("区直有关部门".into(), s(&DEPARTMENTS));
    c
}

#[test]
fn a_reading_with_its_groups_members_becomes_a_table_the_app_opens() {
    let published = publish(&reading(), &corrections()).unwrap();
    let t = &published.table;
    assert_eq!(Table::from_json(&published.json).as_ref(), Ok(t));
    assert_eq!(t.dataset.id, "shifan-2026");
    assert_eq!(t.dataset.year, 2026);
    assert_eq!(t.dataset.office.name, "示范区人民政府办公室");
    assert_eq!(t.dataset.office.short, "区政府办公室");
    let kinds: Vec<(&str, &str)> = t
        .kinds
        .iter()
        .map(|k| (k.key.as_str(), k.heading.as_str()))
        .collect();
    assert_eq!(kinds, [("department", "区直部门"), ("town", "镇（街道）")]);
    let units: Vec<(&str, &str)> = t
        .units
        .iter()
        .map(|u| (u.name.as_str(), u.kind.as_str()))
        .collect();
    let mut expected = vec![
        ("各镇（街道）", "group"),
        ("区直各部门", "group"),
        ("区直有关部门", "group"),
    ];
    expected.extend(DEPARTMENTS.iter().map(|d| (*d, "department")));
    expected.extend([("天平街道", "town"), ("粥店街道", "town")]);
    assert_eq!(units, expected);
    assert_eq!(
        t.unit("区直有关部门").unwrap().scope,
        Some(Scope::Concerned)
    );
    assert_eq!(t.unit("区直各部门").unwrap().scope, Some(Scope::All));
    let pillars: Vec<(&str, &str)> = t
        .pillars
        .iter()
        .map(|p| (p.name.as_str(), p.short.as_str()))
        .collect();
    assert_eq!(
        pillars,
        [
            ("一、助力优化营商环境", "助力优化营商环境"),
            ("二、加强财政信息公开", "加强财政信息公开"),
            ("三、做好民生信息公开", "做好民生信息公开"),
        ]
    );
    let ids: Vec<&str> = t.tasks.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids, ["1.1.1", "1.1.2", "2.1.1", "3.1.1", "3.1.2"]);
    assert_eq!(t.tasks[2].lead, s(&["区财政局", "区审计局"]));
    assert_eq!(t.tasks[2].responsible, s(&["各镇（街道）"]));
    let times: Vec<(&str, &str)> = t
        .times
        .iter()
        .map(|d| (d.key.as_str(), d.label.as_str()))
        .collect();
    assert_eq!(
        times,
        [
            ("quarterly", "每季度"),
            ("ongoing", "持续推进"),
            ("by-2026-05", "2026年5月底前"),
            ("by-2026-06", "2026年6月底前"),
            ("by-2026-10", "2026年10月底前"),
        ]
    );
    assert!(published.json.contains(r#""due": "2026-06-30""#));
    let task4: Vec<(&str, &str)> = t.tasks[3]
        .time
        .iter()
        .map(|r| (r.tag.as_str(), r.phrase.as_str()))
        .collect();
    assert_eq!(
        task4,
        [("by-2026-05", "5月底前"), ("by-2026-10", "10月底前")]
    );
    assert_eq!(
        published.list_line,
        r#"{"file":"shifan-2026.json","id":"shifan-2026","title":"2026年示范区政务公开重点工作任务分解表"}"#
    );
}

#[test]
fn renames_merge_two_spellings_and_task_corrections_apply() {
    let mut c = corrections();
    // 区发展改革局 is also written 区发改局 elsewhere: the office merges them.
    c.renames.insert("区发展改革局".into(), "区发改局".into());
    c.tasks
        .insert(1, (s(&["区政府办公室", "区财政局"]), s(&["区直有关部门"])));
    c.kinds.insert("区审计局".into(), "other".into());
    let mut members = DEPARTMENTS.map(String::from).to_vec();
    members[0] = "区发改局".into();
    c.members.insert("区直各部门".into(), members.clone());
    c.members.insert("区直有关部门".into(), members);
    let t = publish(&reading(), &c).unwrap().table;
    assert_eq!(t.tasks[0].lead, s(&["区发改局"]));
    assert!(t.unit("区发展改革局").is_none());
    assert_eq!(t.tasks[1].lead, s(&["区政府办公室", "区财政局"]));
    assert_eq!(t.unit("区审计局").unwrap().kind, "other");
    assert_eq!(t.kinds.last().unwrap().heading, "其他单位");
}

#[test]
fn what_stops_publishing_is_listed() {
    let mut c = Corrections {
        id: "Bad Id".into(),
        ..Corrections::default()
    };
    c.tasks.insert(0, (vec![], s(&["区财政局"])));
    let problems = publish(&reading(), &c).unwrap_err();
    assert_eq!(
        problems,
        [
            "任务表编号“Bad Id”只能用小写字母、数字和“-”，例如 daiyue-2026",
            // Task 1 no longer names 区直各部门 and 各镇（街道）: the first group named is
            // task 2's.
            "单位组“区直有关部门”还没有成员：请粘贴它包含的单位名单",
            "单位组“各镇（街道）”还没有成员：请粘贴它包含的单位名单",
            "任务 1.1.1（表 1 第 2 行）没有牵头单位",
        ]
    );
}

#[test]
fn kinds_and_offices_proposed_from_names() {
    assert_eq!(guess_kind("天平街道"), "town");
    assert_eq!(guess_kind("满庄镇"), "town");
    assert_eq!(guess_kind("办公室"), "office");
    assert_eq!(guess_kind("财务科"), "office");
    assert_eq!(guess_kind("泰山区"), "county");
    assert_eq!(guess_kind("区财政局"), "department");
    assert_eq!(guess_kind("国网供电公司"), "other");
    assert_eq!(
        guess_office("2026年岱岳区政务公开重点工作任务分解表"),
        Some(("岱岳区人民政府办公室".into(), "区政府办公室".into()))
    );
    assert_eq!(guess_office("某局2026年政务公开重点工作任务分解"), None);
}

fn kind(key: &str, heading: &str) -> KindDef {
    KindDef {
        key: key.into(),
        heading: heading.into(),
    }
}

fn fix(key: &str, label: &str, drop: bool) -> TimeFix {
    TimeFix {
        key: key.into(),
        label: label.into(),
        drop,
    }
}

#[test]
fn the_office_names_its_own_kinds_short_names_and_time_requirements() {
    let mut c = corrections();
    // 区审计局 and 区教育局 as 监督部门, listed before the other departments; the towns' kind
    // renamed; a kind no unit has is not published.
    c.kind_list = vec![
        kind("oversight", "监督部门"),
        kind("department", "区直部门"),
        kind("town", "镇、街道"),
        kind("unused", "驻区单位"),
    ];
    c.kinds.insert("区审计局".into(), "oversight".into());
    c.kinds.insert("区教育局".into(), "oversight".into());
    c.pillar_shorts
        .insert("一、助力优化营商环境".into(), "营商环境".into());
    c.pillar_shorts
        .insert("二、加强财政信息公开".into(), "  ".into());
    c.times.insert("quarterly".into(), fix("", "按季度", false));
    c.times
        .insert("by-2026-06".into(), fix("half-year", "上半年", false));
    c.times.insert("ongoing".into(), fix("", "", true));
    let t = publish(&reading(), &c).unwrap().table;
    let kinds: Vec<(&str, &str)> = t
        .kinds
        .iter()
        .map(|k| (k.key.as_str(), k.heading.as_str()))
        .collect();
    assert_eq!(
        kinds,
        [
            ("oversight", "监督部门"),
            ("department", "区直部门"),
            ("town", "镇、街道")
        ]
    );
    let order: Vec<&str> = t.units[3..6].iter().map(|u| u.name.as_str()).collect();
    assert_eq!(order, ["区审计局", "区教育局", "区发展改革局"]);
    let shorts: Vec<&str> = t.pillars.iter().map(|p| p.short.as_str()).collect();
    // A blank short name is the proposed one.
    assert_eq!(shorts, ["营商环境", "加强财政信息公开", "做好民生信息公开"]);
    let times: Vec<(&str, &str)> = t
        .times
        .iter()
        .map(|d| (d.key.as_str(), d.label.as_str()))
        .collect();
    assert_eq!(
        times,
        [
            ("quarterly", "按季度"),
            ("by-2026-05", "2026年5月底前"),
            ("half-year", "上半年"),
            ("by-2026-10", "2026年10月底前"),
        ]
    );
    // Task 1.1.2 (持续推进) has no time requirement left; 1.1.1's 6月底前 keeps its words.
    assert!(t.tasks[1].time.is_empty());
    assert_eq!(t.tasks[0].time[0].tag, "half-year");
    assert_eq!(t.tasks[0].time[0].phrase, "6月底前");
    // The list the office corrects: as read, with each one's tasks and first words.
    let read: Vec<(String, usize, String)> = read_times(&reading(), 2026)
        .into_iter()
        .map(|(d, n, p)| (d.key, n, p))
        .collect();
    assert_eq!(
        read,
        [
            ("quarterly".to_string(), 1, "每季度".to_string()),
            ("ongoing".into(), 1, "持续推进".into()),
            ("by-2026-05".into(), 1, "5月底前".into()),
            ("by-2026-06".into(), 1, "6月底前".into()),
            ("by-2026-10".into(), 1, "10月底前".into()),
        ]
    );
}

#[test]
fn the_offices_kinds_and_time_keys_are_checked() {
    let mut c = corrections();
    c.kind_list = vec![
        kind("department", "区直部门"),
        kind("department", "部门"),
        kind("Town", "镇（街道）"),
        kind("group", "单位组"),
        kind("other", " "),
    ];
    c.times
        .insert("by-2026-05".into(), fix("Half Year", "", false));
    // Two requirements given one key: one of them must be renamed.
    c.times
        .insert("by-2026-06".into(), fix("by-2026-10", "", false));
    let problems = publish(&reading(), &c).unwrap_err();
    assert_eq!(
        problems,
        [
            "两个类别用了同一编号“department”",
            "类别“镇（街道）”的编号“Town”只能用小写字母、数字和“-”（不能是 group）",
            "类别“单位组”的编号“group”只能用小写字母、数字和“-”（不能是 group）",
            "类别“other”还没有名称",
            "单位“天平街道”的类别“town”不在可选类别中",
            "单位“粥店街道”的类别“town”不在可选类别中",
            "时限编号“Half Year”只能用小写字母、数字和“-”，例如 by-june",
            "两个不同的时限要求用了同一编号“by-2026-10”：“2026年6月底前”和“2026年10月底前”",
        ]
    );
}

#[test]
fn a_groups_short_name_drops_a_closing_danwei() {
    assert_eq!(
        group_short("市政府各部门（单位）").as_deref(),
        Some("市政府各部门")
    );
    assert_eq!(
        group_short("区直有关部门(单位)").as_deref(),
        Some("区直有关部门")
    );
    assert_eq!(group_short("各县（市、区）"), None);
    assert_eq!(group_short("（单位）"), None);
}

#[test]
fn a_kinds_new_key_is_followed_by_its_units() {
    use gk_reader::publish::{kinds_for, rename_kind, unit_kind};
    let r = reading();
    let mut c = corrections();
    c.kinds.insert("区审计局".into(), "other".into());
    // The proposed list until the office changes it; 区政府办公室 gives 区直部门.
    assert_eq!(kinds_for(&r, &c)[0], kind("department", "区直部门"));
    rename_kind(&r, &mut c, "department", "bureau");
    assert_eq!(c.kind_list[0], kind("bureau", "区直部门"));
    assert_eq!(c.kind_list.len(), 5);
    assert_eq!(unit_kind(&c, "区财政局"), "bureau");
    assert_eq!(unit_kind(&c, "区审计局"), "other");
    assert_eq!(unit_kind(&c, "天平街道"), "town");
    let t = publish(&r, &c).unwrap().table;
    assert_eq!(t.unit("区教育局").unwrap().kind, "bureau");
    assert_eq!(t.kinds[0].key, "bureau");
}
