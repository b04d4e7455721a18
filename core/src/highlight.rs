//! The chosen unit marked in a row's unit lists (牵头单位, 责任单位).
//!
//! Every name of those lists is rendered once with a static `data-unit`; on a unit change the
//! page rewrites the selector of one CSS rule (style.css) to the one [`selector`] gives, instead
//! of updating a class on every name of every row. The rule is found by its first selector,
//! [`MARKER`], which matches nothing.

use crate::model::Table;

/// The first selector of the rule, by which the page finds it; no element has `data-chosen`.
pub const MARKER: &str = ".unit-list li[data-chosen]";

/// The names a row's lists may give `unit` by: its own and those of the groups it belongs to
/// (a county is one of 各县（市、区）), in table order.
pub fn names_of<'a>(table: &'a Table, unit: &'a str) -> Vec<&'a str> {
    let groups = table
        .units
        .iter()
        .filter(|g| g.is_group() && g.members.iter().any(|m| m == unit))
        .map(|g| g.name.as_str());
    std::iter::once(unit).chain(groups).collect()
}

/// The rule's selector for `unit` (none chosen: the marker alone, which marks nothing):
/// `.unit-list li[data-chosen], .unit-list li[data-unit="新泰市"], …` for the unit and its groups.
pub fn selector(table: &Table, unit: Option<&str>) -> String {
    let mut out = String::from(MARKER);
    for name in unit.map(|u| names_of(table, u)).unwrap_or_default() {
        out.push_str(", .unit-list li[data-unit=\"");
        // A CSS string: quote and backslash escaped; a control character (no name has one)
        // is left out.
        for ch in name.chars().filter(|c| !c.is_control()) {
            if matches!(ch, '"' | '\\') {
                out.push('\\');
            }
            out.push(ch);
        }
        out.push_str("\"]");
    }
    out
}
