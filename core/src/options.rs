//! What the filter bar's selects offer, as plain data (the page renders it as `<option>`s): an
//! option's label with its facet count, the time tags in their groups, a pillar's sections.

use crate::model::{Section, Table, TimeKind, TimeTag};

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

/// The tags of `kind` among `tags` (the table's), in their order.
pub fn times_of(tags: &[TimeTag], kind: TimeKind) -> Vec<TimeTag> {
    tags.iter().copied().filter(|t| t.kind() == kind).collect()
}

/// The sections of pillar `pillar`, in table order.
pub fn sections_of(table: &Table, pillar: u8) -> impl Iterator<Item = &Section> {
    table.sections.iter().filter(move |s| s.pillar == pillar)
}
