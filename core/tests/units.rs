//! Roles, group membership, own name versus group, and the unit picker.

#[path = "filter_fixture.rs"]
mod fixture;

use gk_core::filter::Index;
use gk_core::status::Status;
use gk_core::units::{assignment, unit_options, Assignment, Groups, Role, Via};

/// 各县（市、区）: the six county-level divisions (scope all, no short name).
const COUNTIES: &str = "各县（市、区）";
/// 市政府各部门（单位）: every municipal department or unit (scope all).
const ALL_DEPARTMENTS: &str = "市政府各部门（单位）";
/// 市政府有关部门（单位）: the municipal departments concerned (scope concerned).
const CONCERNED_DEPARTMENTS: &str = "市政府有关部门（单位）";

/// The assignment `role` through the fixture's group `via` (its name, short name and scope as
/// the table gives them), or by the unit's own name.
fn a(role: Role, via: Option<&str>) -> Option<Assignment> {
    let t = fixture::table();
    Some(Assignment {
        role,
        via: via.map(|name| Via::of(t.unit(name).expect("a group of the fixture"))),
    })
}

#[test]
fn role_keys_and_labels() {
    for role in Role::ALL {
        assert_eq!(Role::from_key(role.key()), Some(role));
    }
    assert_eq!(Role::Lead.key(), "lead");
    assert_eq!(Role::Responsible.key(), "responsible");
    assert_eq!(Role::Lead.label(), "牵头");
    assert_eq!(Role::Responsible.label(), "责任");
    assert_eq!(Role::from_key("Lead"), None);
    assert_eq!(Role::from_key(""), None);
}

#[test]
fn status_keys_labels_and_serde() {
    assert_eq!(Status::default(), Status::Todo);
    let labels: Vec<_> = Status::ALL.iter().map(|s| s.label()).collect();
    assert_eq!(labels, ["未开始", "进行中", "已完成", "不适用"]);
    for s in Status::ALL {
        assert_eq!(Status::from_key(s.key()), Some(s));
        assert_eq!(
            serde_json::to_string(&s).unwrap(),
            format!("\"{}\"", s.key())
        );
        let back: Status = serde_json::from_str(&format!("\"{}\"", s.key())).unwrap();
        assert_eq!(back, s);
    }
    assert_eq!(Status::Na.key(), "na");
    assert_eq!(Status::from_key("NA"), None);
}

#[test]
fn own_name_lead_and_responsible() {
    let t = fixture::table();
    assert_eq!(assignment(&t, &t.tasks[0], "市财政局"), a(Role::Lead, None));
    assert_eq!(
        assignment(&t, &t.tasks[0], "人行泰安市中心支行"),
        a(Role::Lead, None)
    );
    assert_eq!(
        assignment(&t, &t.tasks[2], "市政府办公室"),
        a(Role::Lead, None)
    );
    assert_eq!(assignment(&t, &t.tasks[3], "市统计局"), a(Role::Lead, None));
    assert_eq!(
        assignment(&t, &t.tasks[5], "泰山职业技术学院"),
        a(Role::Lead, None)
    );
}

#[test]
fn through_groups() {
    let t = fixture::table();
    // Counties: 各县（市、区） as responsible and as lead.
    for county in ["泰山区", "新泰市"] {
        assert_eq!(
            assignment(&t, &t.tasks[0], county),
            a(Role::Responsible, Some(COUNTIES))
        );
        assert_eq!(
            assignment(&t, &t.tasks[1], county),
            a(Role::Lead, Some(COUNTIES))
        );
        assert_eq!(assignment(&t, &t.tasks[2], county), None);
    }
    // Departments: 市政府各部门 and 市政府有关部门.
    assert_eq!(
        assignment(&t, &t.tasks[2], "市财政局"),
        a(Role::Responsible, Some(ALL_DEPARTMENTS))
    );
    assert_eq!(
        assignment(&t, &t.tasks[0], "市统计局"),
        a(Role::Responsible, Some(CONCERNED_DEPARTMENTS))
    );
    assert_eq!(
        assignment(&t, &t.tasks[4], "市统计局"),
        a(Role::Lead, Some(CONCERNED_DEPARTMENTS))
    );
    assert_eq!(assignment(&t, &t.tasks[1], "市财政局"), None);
}

#[test]
fn units_outside_groups() {
    let t = fixture::table();
    for unit in ["人行泰安市中心支行", "泰山职业技术学院"] {
        for (i, task) in t.tasks.iter().enumerate() {
            let got = assignment(&t, task, unit);
            let named = task.lead.iter().chain(&task.responsible).any(|n| n == unit);
            assert_eq!(got.is_some(), named, "{unit} task {i}");
            assert!(got.is_none_or(|a| a.via.is_none()));
        }
    }
    let g = Groups::new(&t);
    assert!(g.groups_of("人行泰安市中心支行").is_empty());
    assert!(g.groups_of("泰山职业技术学院").is_empty());
    assert_eq!(g.groups_of("新泰市"), [COUNTIES]);
    assert_eq!(
        g.groups_of("市财政局"),
        [CONCERNED_DEPARTMENTS, ALL_DEPARTMENTS]
    );
    assert!(g.is_group(COUNTIES));
    assert!(!g.is_group("市财政局"));
    assert!(!g.contains("市财政局", "市财政局"));
    assert!(!g.contains("不存在", "市财政局"));
}

#[test]
fn precedence() {
    let t = fixture::table();
    // Responsible by own name beats responsible via 有关部门.
    assert_eq!(
        assignment(&t, &t.tasks[3], "市财政局"),
        a(Role::Responsible, None)
    );
    // Lead via a group beats responsible by own name.
    assert_eq!(
        assignment(&t, &t.tasks[4], "市财政局"),
        a(Role::Lead, Some(CONCERNED_DEPARTMENTS))
    );
    // Via 各部门 beats via 有关部门, whatever the order in the cell.
    assert_eq!(
        assignment(&t, &t.tasks[5], "市财政局"),
        a(Role::Responsible, Some(ALL_DEPARTMENTS))
    );
    let mut t2 = t.clone();
    t2.tasks[5].responsible.reverse();
    assert_eq!(
        assignment(&t2, &t2.tasks[5], "市财政局"),
        a(Role::Responsible, Some(ALL_DEPARTMENTS))
    );
}

#[test]
fn unknown_unit_and_group_names() {
    let t = fixture::table();
    assert_eq!(assignment(&t, &t.tasks[0], "市不存在局"), None);
    assert_eq!(assignment(&t, &t.tasks[0], ""), None);
}

#[test]
fn labels_and_optional() {
    assert_eq!(a(Role::Lead, None).unwrap().label(), "牵头");
    assert_eq!(a(Role::Responsible, None).unwrap().label(), "责任");
    assert_eq!(
        a(Role::Responsible, Some(ALL_DEPARTMENTS)).unwrap().label(),
        "责任 · 市政府各部门"
    );
    assert_eq!(
        a(Role::Responsible, Some(CONCERNED_DEPARTMENTS))
            .unwrap()
            .label(),
        "责任 · 市政府有关部门"
    );
    assert_eq!(
        a(Role::Lead, Some(COUNTIES)).unwrap().label(),
        "牵头 · 各县（市、区）"
    );
    let t = fixture::table();
    assert_eq!(t.unit(COUNTIES).unwrap().short_name(), COUNTIES);
    assert!(a(Role::Responsible, Some(CONCERNED_DEPARTMENTS))
        .unwrap()
        .optional());
    assert!(a(Role::Lead, Some(CONCERNED_DEPARTMENTS))
        .unwrap()
        .optional());
    assert!(!a(Role::Responsible, Some(ALL_DEPARTMENTS))
        .unwrap()
        .optional());
    assert!(!a(Role::Responsible, Some(COUNTIES)).unwrap().optional());
    assert!(!a(Role::Responsible, None).unwrap().optional());
}

#[test]
fn picker_options() {
    let t = fixture::table();
    let opts = unit_options(&t);
    let got: Vec<(&str, Vec<&str>)> = opts
        .iter()
        .map(|g| {
            (
                g.heading.as_str(),
                g.units.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("市直部门", vec!["市政府办公室", "市财政局", "市统计局"]),
            ("县（市、区）", vec!["泰山区", "新泰市"]),
            ("其他单位", vec!["人行泰安市中心支行", "泰山职业技术学院"]),
        ]
    );
    // A heading without units is left out.
    let mut t2 = t.clone();
    t2.units
        .retain(|u| u.name != "泰山区" && u.name != "新泰市");
    let headings: Vec<_> = unit_options(&t2)
        .iter()
        .map(|g| g.heading.clone())
        .collect();
    assert_eq!(headings, ["市直部门", "其他单位"]);
}

#[test]
fn index_agrees_with_assignment() {
    let t = fixture::table();
    let index = Index::new(&t);
    assert_eq!(index.units().len(), 7);
    for unit in index.units() {
        for (i, task) in t.tasks.iter().enumerate() {
            assert_eq!(
                index.assignment(i, unit),
                assignment(&t, task, unit),
                "{unit} {i}"
            );
        }
    }
    assert_eq!(index.assignment(0, COUNTIES), None);
    assert_eq!(index.assignment(99, "市财政局"), None);
}

#[test]
fn real_table_groups_and_picker() {
    let t = fixture::real();
    let g = Groups::new(&t);
    for county in ["泰山区", "岱岳区", "新泰市", "肥城市", "宁阳县", "东平县"] {
        assert_eq!(g.groups_of(county), [COUNTIES], "{county}");
    }
    for unit in [
        "人行泰安市中心支行",
        "泰安银监分局",
        "山东服装职业学院",
        "泰山护理职业学院",
        "泰山职业技术学院",
    ] {
        assert!(g.groups_of(unit).is_empty(), "{unit}");
    }
    let mut groups = g.groups_of("市财政局");
    groups.sort();
    let mut want = vec![ALL_DEPARTMENTS, CONCERNED_DEPARTMENTS];
    want.sort();
    assert_eq!(groups, want);

    let opts = unit_options(&t);
    assert_eq!(opts.len(), 3);
    assert_eq!(opts[1].units.len(), 6);
    assert_eq!(opts[2].units.len(), 5);
    assert!(opts[0].units.iter().all(|u| u.starts_with('市')));
    assert_eq!(opts[0].units[0], "市发展改革委");
    let total: usize = opts.iter().map(|g| g.units.len()).sum();
    assert_eq!(total, t.units.len() - 3);
}

#[test]
fn status_filter_choices() {
    use gk_core::status::StatusFilter;
    for c in StatusFilter::ALL {
        assert_eq!(StatusFilter::from_key(c.key()), Some(c));
    }
    assert_eq!(StatusFilter::from_key("open"), Some(StatusFilter::Open));
    assert_eq!(StatusFilter::Open.label(), "未完成");
    assert_eq!(StatusFilter::from(Status::Done).label(), "已完成");
    let open: Vec<_> = Status::ALL
        .into_iter()
        .filter(|&s| StatusFilter::Open.matches(s))
        .collect();
    assert_eq!(open, [Status::Todo, Status::Doing]);
    for s in Status::ALL {
        assert!(StatusFilter::Is(s).matches(s));
        assert_eq!(
            Status::ALL
                .iter()
                .filter(|&&o| StatusFilter::Is(s).matches(o))
                .count(),
            1
        );
    }
}
