//! Totals and integrity of the imported 2017 table.

mod common;

use std::collections::HashSet;

use common::{names, table, task};
use gk_import::vocab::UnitKind;
use gk_import::Summary;

#[test]
fn totals() {
    let t = table();
    assert_eq!(t.tasks.len(), 139);
    assert_eq!(t.pillars.len(), 6);
    assert_eq!(t.sections.len(), 24);
    let s = Summary::of(t);
    assert_eq!(
        s,
        Summary {
            tasks: 139,
            pillars: 6,
            sections: 24,
            items: 19,
            units: 50
        }
    );
    assert_eq!(
        s.to_string(),
        "139 tasks, 6 pillars, 24 sections, 19 items, 50 units"
    );
}

#[test]
fn nineteen_distinct_numbered_items() {
    let mut items: Vec<(&str, &str)> = Vec::new();
    for t in &table().tasks {
        if !t.item.is_empty() && !items.contains(&(&t.section, &t.item)) {
            items.push((&t.section, &t.item));
        }
    }
    assert_eq!(items.len(), 19);
    // Numbered 1, 2, … within each section.
    let mut last: Option<(&str, u32)> = None;
    for (section, item) in &items {
        let (n, rest) = item.split_once('.').expect("item is N.…");
        let n: u32 = n.parse().expect("item number");
        assert!(!rest.is_empty());
        let expected = match last {
            Some((s, m)) if s == *section => m + 1,
            _ => 1,
        };
        assert_eq!(n, expected, "{section} {item}");
        last = Some((section, n));
    }
    let sections: HashSet<&str> = items.iter().map(|(s, _)| *s).collect();
    let mut sections: Vec<&str> = sections.into_iter().collect();
    sections.sort();
    assert_eq!(sections, ["1.1", "1.3", "2.1", "4.1", "4.3", "5.2"]);
}

#[test]
fn dataset_and_pillars() {
    let t = table();
    assert_eq!(t.dataset.id, "taian-2017");
    assert_eq!(t.dataset.title, "2017年泰安市政务公开重点工作任务分解表");
    let ids: Vec<u8> = t.pillars.iter().map(|p| p.id).collect();
    assert_eq!(ids, [1, 2, 3, 4, 5, 6]);
    let short: Vec<&str> = t.pillars.iter().map(|p| p.short.as_str()).collect();
    assert_eq!(
        short,
        ["稳增长", "促改革", "调结构", "惠民生", "防风险", "增强实效"]
    );
    assert_eq!(t.pillars[0].name, "以政务公开助力稳增长");
    assert_eq!(t.pillars[5].name, "增强政务公开实效");
}

#[test]
fn sections_numbered_within_pillars() {
    let t = table();
    let per_pillar: Vec<usize> = (1..=6)
        .map(|p| t.sections.iter().filter(|s| s.pillar == p).count())
        .collect();
    assert_eq!(per_pillar, [4, 4, 3, 4, 3, 6]);
    let mut expected = Vec::new();
    for (p, n) in per_pillar.iter().enumerate() {
        for s in 1..=*n {
            expected.push(format!("{}.{s}", p + 1));
        }
    }
    let ids: Vec<&str> = t.sections.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, expected);
    for s in &t.sections {
        assert!(s.id.starts_with(&format!("{}.", s.pillar)));
        assert!(s.name.starts_with('（'), "{}", s.name);
    }
    assert_eq!(t.sections[0].name, "（一）加强预期引导");
    assert_eq!(t.sections[23].name, "（六）切实抓好各项任务落实");
}

#[test]
fn every_task_section_exists_and_belongs_to_its_pillar() {
    let t = table();
    for task in &t.tasks {
        let section = t
            .section(&task.section)
            .unwrap_or_else(|| panic!("task {}: no section {}", task.id, task.section));
        assert_eq!(section.pillar, task.pillar, "task {}", task.id);
        assert!(t.pillar(task.pillar).is_some());
        assert!(task.id.starts_with(&format!("{}.", task.section)));
    }
    // Every section has tasks.
    for s in &t.sections {
        assert!(t.tasks.iter().any(|task| task.section == s.id), "{}", s.id);
    }
}

#[test]
fn task_ids_unique_and_in_order() {
    let t = table();
    let ids: HashSet<&str> = t.tasks.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids.len(), t.tasks.len());
    // In source order: (pillar, section, n) increases, n counts 1, 2, … within a section.
    let mut previous: Option<(u32, u32, u32)> = None;
    for task in &t.tasks {
        let parts: Vec<u32> = task.id.split('.').map(|p| p.parse().unwrap()).collect();
        let key = (parts[0], parts[1], parts[2]);
        match previous {
            Some((p, s, n)) if (p, s) == (key.0, key.1) => assert_eq!(key.2, n + 1),
            Some(prev) => {
                assert!(key > prev, "{} after {:?}", task.id, prev);
                assert_eq!(key.2, 1, "{}", task.id);
            }
            None => assert_eq!(key, (1, 1, 1)),
        }
        previous = Some(key);
    }
    assert_eq!(t.tasks.last().unwrap().id, "6.6.3");
}

#[test]
fn every_task_has_text_and_a_lead() {
    for task in &table().tasks {
        assert!(!task.text.trim().is_empty(), "{}", task.id);
        assert!(!task.lead.is_empty(), "{}", task.id);
    }
}

#[test]
fn every_named_unit_is_in_units() {
    let t = table();
    for task in &t.tasks {
        for name in task.lead.iter().chain(&task.responsible) {
            assert!(
                t.unit(name).is_some(),
                "task {}: {name} not in units",
                task.id
            );
        }
    }
    // And every unit but the counties is named somewhere.
    for unit in &t.units {
        let named = t
            .tasks
            .iter()
            .any(|task| task.lead.contains(&unit.name) || task.responsible.contains(&unit.name));
        assert_eq!(named, unit.kind != UnitKind::County.key(), "{}", unit.name);
    }
    let unique: HashSet<&str> = t.units.iter().map(|u| u.name.as_str()).collect();
    assert_eq!(unique.len(), t.units.len());
}

#[test]
fn units_kinds_and_order() {
    let t = table();
    let of = |kind: UnitKind| -> Vec<&str> {
        t.units
            .iter()
            .filter(|u| u.kind == kind.key())
            .map(|u| u.name.as_str())
            .collect()
    };
    assert_eq!(
        of(UnitKind::Group),
        [
            "各县（市、区）",
            "市政府有关部门（单位）",
            "市政府各部门（单位）"
        ]
    );
    assert_eq!(
        of(UnitKind::County),
        ["泰山区", "岱岳区", "新泰市", "肥城市", "宁阳县", "东平县"]
    );
    assert_eq!(of(UnitKind::Agency), ["人行泰安市中心支行", "泰安银监分局"]);
    assert_eq!(
        of(UnitKind::College),
        ["山东服装职业学院", "泰山护理职业学院", "泰山职业技术学院"]
    );
    let departments = of(UnitKind::Department);
    assert_eq!(departments.len(), 36);
    assert_eq!(
        &departments[..3],
        ["市发展改革委", "市经济和信息化委", "市财政局"]
    );
    assert_eq!(departments.last(), Some(&"市安监局"));
    assert!(departments.iter().all(|d| d.starts_with('市')));

    // Groups, departments, counties, agencies, colleges.
    let rank = |k: &str| match k {
        "group" => 0,
        "department" => 1,
        "county" => 2,
        "agency" => 3,
        _ => 4,
    };
    let ranks: Vec<u8> = t.units.iter().map(|u| rank(&u.kind)).collect();
    assert!(ranks.windows(2).all(|w| w[0] <= w[1]));
}

#[test]
fn group_members() {
    let t = table();
    let counties = t.unit("各县（市、区）").unwrap();
    assert_eq!(
        counties.members,
        names(&["泰山区", "岱岳区", "新泰市", "肥城市", "宁阳县", "东平县"])
    );
    let departments: Vec<String> = t
        .units
        .iter()
        .filter(|u| u.kind == UnitKind::Department.key())
        .map(|u| u.name.clone())
        .collect();
    for group in ["市政府各部门（单位）", "市政府有关部门（单位）"] {
        assert_eq!(t.unit(group).unwrap().members, departments, "{group}");
    }
    for unit in t.units.iter().filter(|u| u.kind != UnitKind::Group.key()) {
        assert!(unit.members.is_empty(), "{}", unit.name);
    }
}

#[test]
fn a_task_spot_check() {
    let t = task("4.3.1", "继续推进市属高校本科教学质量报告");
    assert_eq!(t.pillar, 4);
    assert_eq!(t.section, "4.3");
    assert_eq!(t.item, "1.做好教育监管信息公开");
    assert_eq!(t.lead, names(&["市教育局", "市人力资源社会保障局"]));
}
