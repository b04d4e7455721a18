//! The selector that marks the chosen unit in a row's unit lists (`gk_core::highlight`).

#[path = "filter_fixture.rs"]
mod fixture;

use gk_core::highlight::{names_of, selector, MARKER};

#[test]
fn a_unit_is_marked_by_its_name_and_its_groups() {
    let t = fixture::real();
    assert_eq!(names_of(&t, "新泰市"), ["新泰市", "各县（市、区）"]);
    let finance = names_of(&t, "市财政局");
    assert_eq!(finance[0], "市财政局");
    assert!(finance.contains(&"市政府各部门（单位）"), "{finance:?}");
    assert!(finance.contains(&"市政府有关部门（单位）"), "{finance:?}");
    assert_eq!(finance.len(), 3);
    // Units outside the municipal groups: their own name only.
    assert_eq!(names_of(&t, "泰山职业技术学院"), ["泰山职业技术学院"]);
    // Every unit's groups are exactly the groups that list it as a member.
    for u in t.units.iter().filter(|u| !u.is_group()) {
        let groups = t
            .units
            .iter()
            .filter(|g| g.is_group() && g.members.contains(&u.name))
            .count();
        assert_eq!(names_of(&t, &u.name).len(), 1 + groups, "{}", u.name);
    }
}

#[test]
fn the_selector_names_them_and_starts_with_the_marker() {
    let t = fixture::real();
    assert_eq!(selector(&t, None), MARKER);
    assert_eq!(
        selector(&t, Some("新泰市")),
        format!(
            "{MARKER}, .unit-list li[data-unit=\"新泰市\"], .unit-list li[data-unit=\"各县（市、区）\"]"
        )
    );
    // Not a name of the table: its own name, quoted safely.
    assert_eq!(
        selector(&t, Some("a\"b\\c")),
        format!("{MARKER}, .unit-list li[data-unit=\"a\\\"b\\\\c\"]")
    );
}
