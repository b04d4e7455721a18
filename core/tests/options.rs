//! The filter bar's option lists as data, on the real table.

#[path = "filter_fixture.rs"]
mod fixture;

use gk_core::filter::Index;
use gk_core::model::Table;
use gk_core::options::{sections_of, times_of, with_count, TIME_GROUPS};

#[test]
fn label_with_count() {
    assert_eq!(with_count("市财政局", 78), "市财政局（78）");
    assert_eq!(with_count("每周", 0), "每周（0）");
}

#[test]
fn time_groups_hold_every_tag_of_the_table_once_in_order() {
    let t = Table::from_json(fixture::REAL_JSON).unwrap();
    let tags = Index::new(&t).times().to_vec();
    let grouped: Vec<String> = TIME_GROUPS
        .iter()
        .flat_map(|&(_, kind)| times_of(&t, &tags, kind))
        .map(|d| d.key.clone())
        .collect();
    // Within the groups, the table's order, which is also kind order.
    assert_eq!(grouped, tags);
    for (heading, kind) in TIME_GROUPS {
        assert!(times_of(&t, &tags, kind).iter().all(|d| d.kind() == kind));
        assert!(!times_of(&t, &tags, kind).is_empty(), "{heading} is empty");
    }
    let keys: Vec<&str> = times_of(
        &t,
        &["hours".to_string(), "weekly".to_string()],
        TIME_GROUPS[0].1,
    )
    .iter()
    .map(|d| d.key.as_str())
    .collect();
    assert_eq!(keys, ["weekly"]);
}

#[test]
fn sections_of_each_pillar_partition_the_sections_in_order() {
    let t = Table::from_json(fixture::REAL_JSON).unwrap();
    let mut all = Vec::new();
    for p in &t.pillars {
        let ids: Vec<&str> = sections_of(&t, p.id).map(|s| s.id.as_str()).collect();
        assert!(!ids.is_empty(), "pillar {} has no section", p.id);
        all.extend(ids);
    }
    let expected: Vec<&str> = t.sections.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(all, expected);
    assert_eq!(sections_of(&t, 99).count(), 0);
}
