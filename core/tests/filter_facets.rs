//! The filter and its facet counts on the hand-made table.

#[path = "filter_fixture.rs"]
mod fixture;

use gk_core::filter::{Filter, Index};
use gk_core::model::{Scope, Table, Task, TimeReq, Unit, GROUP};
use gk_core::status::{Status, StatusFilter};
use gk_core::supervision::Light;
use gk_core::units::Role;

use fixture::{day, never, none as todo};
use gk_core::checklist::Entry;

/// 市财政局's records in the fixture: task 0 done, task 2 doing, the rest untouched.
fn finance_records() -> Vec<Option<Entry>> {
    fixture::records(
        6,
        |t| match t {
            0 => Some(Status::Done),
            2 => Some(Status::Doing),
            _ => None,
        },
        |_| "2017-06-30T10:00:00+08:00",
    )
}

fn finance() -> Filter {
    Filter {
        unit: Some("市财政局".into()),
        ..Filter::default()
    }
}

#[test]
fn fixture_and_real_table_parse() {
    assert_eq!(fixture::table().tasks.len(), 6);
    assert_eq!(fixture::real().tasks.len(), 139);
}

#[test]
fn empty_filter_shows_everything() {
    let index = Index::new(&fixture::table());
    assert_eq!(index.len(), 6);
    let f = Filter::default();
    assert!(f.is_empty());
    assert_eq!(index.shown(&f, day(), never), [0, 1, 2, 3, 4, 5]);
    let facets = index.facets(&f, day(), never);
    assert_eq!(facets.total, 6);
    assert_eq!(facets.pillars, [(1, 4), (2, 2)]);
    assert!(facets.roles.is_empty());
    assert!(facets.statuses.is_empty());
}

#[test]
fn is_empty_and_clear() {
    let mut f = finance();
    assert!(!f.is_empty());
    f.clear();
    assert_eq!(f, Filter::default());
    f.query = " \u{3000}".into();
    assert!(f.is_empty(), "whitespace searches nothing");
    f.query = "公开".into();
    assert!(!f.is_empty());
    for g in [
        Filter {
            role: Some(Role::Lead),
            ..Filter::default()
        },
        Filter {
            pillar: Some(1),
            ..Filter::default()
        },
        Filter {
            section: Some("1.1".into()),
            ..Filter::default()
        },
        Filter {
            time: Some("yearly".to_string()),
            ..Filter::default()
        },
        Filter {
            status: Some(Status::Na.into()),
            ..Filter::default()
        },
    ] {
        assert!(!g.is_empty());
    }
}

#[test]
fn unit_shows_its_tasks_own_and_via_groups() {
    let index = Index::new(&fixture::table());
    assert_eq!(index.shown(&finance(), day(), todo), [0, 2, 3, 4, 5]);
    let unit = |u: &str| Filter {
        unit: Some(u.into()),
        ..Filter::default()
    };
    assert_eq!(index.shown(&unit("新泰市"), day(), todo), [0, 1]);
    assert_eq!(index.shown(&unit("泰山区"), day(), todo), [0, 1]);
    assert_eq!(index.shown(&unit("人行泰安市中心支行"), day(), todo), [0]);
    assert_eq!(index.shown(&unit("泰山职业技术学院"), day(), todo), [5]);
    assert_eq!(index.shown(&unit("市统计局"), day(), todo), [0, 2, 3, 4, 5]);
    // Unknown units and group names have no tasks.
    assert!(index.shown(&unit("市不存在局"), day(), todo).is_empty());
    assert!(index.shown(&unit("各县（市、区）"), day(), todo).is_empty());
    let facets = index.facets(&unit("市不存在局"), day(), todo);
    assert_eq!(facets.total, 0);
    assert_eq!(facets.roles, [(Role::Lead, 0), (Role::Responsible, 0)]);
}

#[test]
fn role_filter() {
    let index = Index::new(&fixture::table());
    let lead = Filter {
        role: Some(Role::Lead),
        ..finance()
    };
    assert_eq!(index.shown(&lead, day(), todo), [0, 4]);
    let resp = Filter {
        role: Some(Role::Responsible),
        ..finance()
    };
    assert_eq!(index.shown(&resp, day(), todo), [2, 3, 5]);
    let county = Filter {
        unit: Some("新泰市".into()),
        role: Some(Role::Lead),
        ..Filter::default()
    };
    assert_eq!(index.shown(&county, day(), todo), [1]);
    // Without a unit the role is ignored.
    let no_unit = Filter {
        role: Some(Role::Lead),
        ..Filter::default()
    };
    assert_eq!(index.shown(&no_unit, day(), never).len(), 6);
}

#[test]
fn status_filter_uses_the_units_statuses() {
    let index = Index::new(&fixture::table());
    let done = Filter {
        status: Some(Status::Done.into()),
        ..finance()
    };
    let fin = finance_records();
    let finance_status = |t: usize| fin[t].as_ref();
    assert_eq!(index.shown(&done, day(), finance_status), [0]);
    let todo_f = Filter {
        status: Some(Status::Todo.into()),
        ..finance()
    };
    assert_eq!(index.shown(&todo_f, day(), finance_status), [3, 4, 5]);
    // status_of is asked only about the unit's own tasks.
    let asked = std::cell::RefCell::new(Vec::new());
    index.shown(&done, day(), |t| {
        asked.borrow_mut().push(t);
        None
    });
    assert_eq!(*asked.borrow(), [0, 2, 3, 4, 5]);
    // Without a unit the status is ignored and never asked for.
    let no_unit = Filter {
        status: Some(Status::Done.into()),
        ..Filter::default()
    };
    assert_eq!(index.shown(&no_unit, day(), never).len(), 6);
    index.facets(&no_unit, day(), never);
}

#[test]
fn pillar_section_and_time_filters() {
    let index = Index::new(&fixture::table());
    let f = |pillar, section: Option<&str>, time| Filter {
        pillar,
        section: section.map(str::to_string),
        time,
        ..Filter::default()
    };
    assert_eq!(
        index.shown(&f(Some(1), None, None), day(), never),
        [0, 1, 2, 3]
    );
    assert_eq!(index.shown(&f(Some(2), None, None), day(), never), [4, 5]);
    assert_eq!(
        index.shown(&f(None, Some("1.2"), None), day(), never),
        [2, 3]
    );
    assert_eq!(
        index.shown(&f(Some(1), Some("1.2"), None), day(), never),
        [2, 3]
    );
    // The core simply ANDs a section outside the pillar.
    assert!(index
        .shown(&f(Some(2), Some("1.2"), None), day(), never)
        .is_empty());
    assert!(index
        .shown(&f(None, Some("9.9"), None), day(), never)
        .is_empty());
    assert!(index
        .shown(&f(Some(7), None, None), day(), never)
        .is_empty());
    assert_eq!(
        index.shown(&f(None, None, Some("yearly".to_string())), day(), never),
        [4, 5]
    );
    assert_eq!(
        index.shown(
            &f(None, None, Some("working-days".to_string())),
            day(),
            never
        ),
        [4]
    );
    assert!(index
        .shown(&f(None, None, Some("hours".to_string())), day(), never)
        .is_empty());
    assert_eq!(
        index.times(),
        [
            "monthly",
            "quarterly",
            "yearly",
            "by-2017-end",
            "working-days"
        ]
    );
}

#[test]
fn query_searches_text_item_section_and_units() {
    let index = Index::new(&fixture::table());
    let q = |q: &str| Filter {
        query: q.into(),
        ..Filter::default()
    };
    // Text, lead (1.1.1) and responsible (1.2.2, 2.1.1) names.
    assert_eq!(index.shown(&q("财政"), day(), never), [0, 1, 3, 4]);
    // ...and the item heading of 1.1.2 (加强财政政策信息公开). The section names:
    assert_eq!(index.shown(&q("统计信息"), day(), never), [2, 3]);
    assert_eq!(index.shown(&q("预期引导"), day(), never), [0, 1]);
    // Group names are searchable as written.
    assert_eq!(index.shown(&q("各县"), day(), never), [0, 1]);
    // Normalization: whitespace, full-width digits, case.
    assert_eq!(index.shown(&q("完成县级"), day(), never), [1]);
    assert_eq!(index.shown(&q("５个工作日"), day(), never), [4]);
    assert_eq!(index.shown(&q("5个工作日"), day(), never), [4]);
    assert_eq!(index.shown(&q("WEB网站"), day(), never), [5]);
    assert_eq!(index.shown(&q("（一）"), day(), never), [0, 1, 4, 5]);
    assert_eq!(index.shown(&q("(一)"), day(), never), [0, 1, 4, 5]);
    assert_eq!(index.shown(&q("  "), day(), never).len(), 6);
    // Fields do not run into each other: text end + item start.
    assert!(index.shown(&q("原因。1.加强"), day(), never).is_empty());
}

#[test]
fn facets_for_a_unit_and_pillar() {
    let index = Index::new(&fixture::table());
    let f = Filter {
        pillar: Some(1),
        ..finance()
    };
    let fin = finance_records();
    assert_eq!(index.shown(&f, day(), |t| fin[t].as_ref()), [0, 2, 3]);
    let facets = index.facets(&f, day(), |t| fin[t].as_ref());
    assert_eq!(facets.total, 3);
    // Pillars: the pillar filter itself does not apply.
    assert_eq!(facets.pillars, [(1, 3), (2, 2)]);
    // Sections: the pillar does.
    assert_eq!(
        facets.sections,
        [("1.1".into(), 1), ("1.2".into(), 2), ("2.1".into(), 0)]
    );
    assert_eq!(facets.roles, [(Role::Lead, 1), (Role::Responsible, 2)]);
    assert_eq!(
        facets.times,
        [
            ("monthly".to_string(), 1),
            ("quarterly".to_string(), 1),
            ("yearly".to_string(), 0),
            ("by-2017-end".to_string(), 0),
            ("working-days".to_string(), 0),
        ]
    );
    assert_eq!(
        facets.statuses,
        [
            (Status::Todo, 1),
            (Status::Doing, 1),
            (Status::Done, 1),
            (Status::Na, 0)
        ]
    );
    let units: Vec<(&str, usize)> = facets.units.iter().map(|(u, n)| (u.as_str(), *n)).collect();
    assert_eq!(
        units,
        [
            ("市政府办公室", 3),
            ("市财政局", 3),
            ("市统计局", 3),
            ("泰山区", 2),
            ("新泰市", 2),
            ("人行泰安市中心支行", 1),
            ("泰山职业技术学院", 0),
        ]
    );
    assert_eq!(facets.unit("新泰市"), 2);
    assert_eq!(facets.unit("不存在"), 0);
    assert_eq!(facets.pillar(2), 2);
    assert_eq!(facets.section("1.2"), 2);
    assert_eq!(facets.role(Role::Responsible), 2);
    assert_eq!(facets.time("monthly"), 1);
    assert_eq!(facets.time("hours"), 0);
    assert_eq!(facets.status(Status::Done), 1);
}

#[test]
fn each_facet_ignores_its_own_choice_only() {
    let index = Index::new(&fixture::table());
    let f = Filter {
        role: Some(Role::Lead),
        status: Some(Status::Done.into()),
        pillar: Some(1),
        ..finance()
    };
    let fin = finance_records();
    assert_eq!(index.shown(&f, day(), |t| fin[t].as_ref()), [0]);
    let facets = index.facets(&f, day(), |t| fin[t].as_ref());
    assert_eq!(facets.total, 1);
    // Roles: pillar 1 and done apply, the role does not.
    assert_eq!(facets.roles, [(Role::Lead, 1), (Role::Responsible, 0)]);
    // Statuses: pillar 1 and lead apply.
    assert_eq!(facets.status(Status::Done), 1);
    assert_eq!(facets.status(Status::Todo), 0);
    // Pillars: lead and done apply (task 4 is lead but todo).
    assert_eq!(facets.pillars, [(1, 1), (2, 0)]);
    // Units: pillar and role apply, status does not (it is the chosen unit's).
    assert_eq!(facets.unit("市政府办公室"), 1);
    assert_eq!(facets.unit("新泰市"), 1);
    assert_eq!(facets.unit("泰山职业技术学院"), 0);
    assert_eq!(facets.unit("市财政局"), 1);

    // Brute force: every option count equals the shown count with that option chosen.
    fixture::brute_force_check(&index, &f, &finance_records());
}

#[test]
fn facets_agree_with_shown_for_many_filters() {
    let index = Index::new(&fixture::table());
    let units = [
        None,
        Some("市财政局"),
        Some("新泰市"),
        Some("泰山职业技术学院"),
    ];
    let roles = [None, Some(Role::Lead), Some(Role::Responsible)];
    let pillars = [None, Some(1), Some(2)];
    let sections = [None, Some("1.1"), Some("2.1")];
    let times = [
        None,
        Some("yearly".to_string()),
        Some("monthly".to_string()),
    ];
    let statuses = [
        None,
        Some(Status::Todo.into()),
        Some(Status::Done.into()),
        Some(StatusFilter::Open),
    ];
    let lights = [None, Some(Light::Stale)];
    let queries = ["", "公开", "财政"];
    let records = finance_records();
    let mut n = 0;
    for unit in units {
        for role in roles {
            for pillar in pillars {
                for section in sections {
                    for time in &times {
                        for status in statuses {
                            for (light, q) in lights
                                .iter()
                                .flat_map(|&l| queries.iter().map(move |&q| (l, q)))
                            {
                                let f = Filter {
                                    unit: unit.map(str::to_string),
                                    role,
                                    pillar,
                                    section: section.map(str::to_string),
                                    time: time.clone(),
                                    status,
                                    light,
                                    query: q.into(),
                                    as_of: None,
                                };
                                fixture::brute_force_check(&index, &f, &records);
                                n += 1;
                            }
                        }
                    }
                }
            }
        }
    }
    assert_eq!(n, 4 * 3 * 3 * 3 * 3 * 4 * 2 * 3);
}

/// A synthetic table of 10,000 tasks and 50 units.
fn big_table() -> Table {
    let mut table = fixture::table();
    let departments: Vec<String> = (0..40).map(|i| format!("市测试{i}局")).collect();
    let counties: Vec<String> = (0..6).map(|i| format!("测试{i}县")).collect();
    table.units = vec![
        Unit {
            name: "各县（市、区）".into(),
            kind: GROUP.into(),
            short: None,
            scope: Some(Scope::All),
            members: counties.clone(),
        },
        Unit {
            name: "市政府有关部门（单位）".into(),
            kind: GROUP.into(),
            short: Some("市政府有关部门".into()),
            scope: Some(Scope::Concerned),
            members: departments.clone(),
        },
        Unit {
            name: "市政府各部门（单位）".into(),
            kind: GROUP.into(),
            short: Some("市政府各部门".into()),
            scope: Some(Scope::All),
            members: departments.clone(),
        },
    ];
    table.units.extend(departments.iter().map(|name| Unit {
        name: name.clone(),
        kind: "department".into(),
        short: None,
        scope: None,
        members: vec![],
    }));
    table.units.extend(counties.iter().map(|name| Unit {
        name: name.clone(),
        kind: "county".into(),
        short: None,
        scope: None,
        members: vec![],
    }));
    for i in 0..4 {
        table.units.push(Unit {
            name: format!("测试学院{i}"),
            kind: "college".into(),
            short: None,
            scope: None,
            members: vec![],
        });
    }
    let groups = [
        "各县（市、区）",
        "市政府有关部门（单位）",
        "市政府各部门（单位）",
    ];
    let base = fixture::table().tasks;
    let times: Vec<String> = table.times.iter().map(|d| d.key.clone()).collect();
    assert_eq!(times.len(), 12);
    table.tasks = (0..10_000)
        .map(|i| {
            let b = &base[i % base.len()];
            let lead = vec![
                departments[i % 40].clone(),
                departments[(i * 7) % 40].clone(),
            ];
            let mut responsible = vec![groups[(i / 7) % 3].to_string()];
            if i % 5 == 0 {
                responsible.push(format!("测试学院{}", i % 4));
            }
            Task {
                id: format!("{}.{}", b.section, i + 1),
                pillar: b.pillar,
                section: b.section.clone(),
                item: b.item.clone(),
                text: format!(
                    "{}第{i}项，含有较长的说明文字以接近真实任务的长度。{}",
                    b.text, b.text
                ),
                lead,
                responsible,
                time: vec![TimeReq {
                    tag: times[i % times.len()].clone(),
                    phrase: String::new(),
                    count: None,
                }],
            }
        })
        .collect();
    table
}

#[test]
fn ten_thousand_tasks_fifty_units_agree() {
    let table = big_table();
    let index = Index::new(&table);
    assert_eq!(index.units().len(), 50);
    let records = fixture::records(
        table.tasks.len(),
        |t| Some(Status::ALL[t % 4]),
        |_| "2017-06-30T10:00:00+08:00",
    );
    let status = |t: usize| records[t].as_ref();
    let f = Filter {
        unit: Some("市测试3局".into()),
        role: Some(Role::Responsible),
        pillar: Some(1),
        time: Some("quarterly".to_string()),
        query: "公开".into(),
        ..Filter::default()
    };
    // Speed is `make bench`'s (its 10k variant); here the counts must agree at that size.
    // The worst case for the unit counts (every task passes) and a narrow filter.
    for f in [&Filter::default(), &f] {
        let facets = index.facets(f, day(), status);
        assert_eq!(facets.total, index.shown(f, day(), status).len());
        assert!(facets.total > 0);
    }
}
