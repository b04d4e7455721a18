//! What the filter bar's selects offer, as plain data (the page renders it as `<option>`s): an
//! option's label with its facet count, the time tags in their groups, a pillar's sections.

use crate::model::{Section, Table, TimeDef, TimeKind};

/// An option's label with its facet count, e.g. 市财政局（78）.
pub fn with_count(label: &str, count: usize) -> String {
    format!("{label}（{count}）")
}

/// The groups of the time select, in order: heading and kind.
pub const TIME_GROUPS: [(&str, TimeKind); 3] = [
    ("频次", TimeKind::Cadence),
    ("期限", TimeKind::Deadline),
    ("事后时限", TimeKind::Relative),
];

/// The time requirements of `kind` among `keys` (those the table's tasks name), in the table's
/// order.
pub fn times_of<'a>(table: &'a Table, keys: &[String], kind: TimeKind) -> Vec<&'a TimeDef> {
    table
        .times
        .iter()
        .filter(|t| t.kind() == kind && keys.contains(&t.key))
        .collect()
}

/// The sections of pillar `pillar`, in table order.
pub fn sections_of(table: &Table, pillar: u8) -> impl Iterator<Item = &Section> {
    table.sections.iter().filter(move |s| s.pillar == pillar)
}
