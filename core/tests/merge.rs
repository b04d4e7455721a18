//! The merge rule on entries, units and whole checklists.

use gk_core::checklist::{Checklists, Entry, UnitChecklist};
use gk_core::merge::{
    cmp_entries, merge, merge_entry, merge_entry_into, merge_into, merge_unit, status_rank,
    take_stored, Outcome,
};
use gk_core::status::Status;
use gk_core::timestamp::Timestamp;
use std::cmp::Ordering;

/// The importing browser's clock in these tests: 2030-01-01T00:00:00Z, after every time they
/// use (nothing is from the future).
const NOW: Timestamp = Timestamp::from_millis(1_893_456_000_000);

const FIN: &str = "市财政局";

fn ts(s: &str) -> Timestamp {
    Timestamp::parse(s).unwrap()
}

fn e(status: Status, note: &str, at: &str) -> Entry {
    Entry::new(status, note, ts(at))
}

#[test]
fn the_newest_entry_wins() {
    let old = e(Status::Done, "旧", "2017-06-29T10:00:00Z");
    let new = e(Status::Doing, "新", "2017-06-29T10:00:00.001Z");
    assert_eq!(merge_entry(&old, &new, NOW), new);
    assert_eq!(merge_entry(&new, &old, NOW), new);
}

#[test]
fn newest_by_instant_across_offsets() {
    // 18:30+08:00 is 10:30Z: earlier than 11:00Z, though its text sorts after it.
    let a = e(Status::Done, "a", "2017-06-29T18:30:00+08:00");
    let b = e(Status::Doing, "b", "2017-06-29T11:00:00Z");
    assert_eq!(merge_entry(&a, &b, NOW), b);
    assert_eq!(merge_entry(&b, &a, NOW), b);
}

#[test]
fn ties_are_settled_by_status_then_note() {
    let at = "2017-06-29T10:00:00Z";
    assert_eq!(
        [Status::Todo, Status::Doing, Status::Done, Status::Na].map(status_rank),
        [0, 1, 2, 3]
    );
    let todo = e(Status::Todo, "z", at);
    let doing = e(Status::Doing, "", at);
    let done = e(Status::Done, "", at);
    let na = e(Status::Na, "", at);
    assert_eq!(merge_entry(&todo, &doing, NOW), doing);
    assert_eq!(merge_entry(&done, &doing, NOW), done);
    assert_eq!(merge_entry(&done, &na, NOW), na);
    assert_eq!(merge_entry(&na, &todo, NOW), na);
    let a = e(Status::Done, "甲", at);
    let b = e(Status::Done, "乙", at);
    // By code point: 甲 is U+7532, 乙 is U+4E59, so 甲 wins.
    assert_eq!(merge_entry(&a, &b, NOW), a);
    assert_eq!(merge_entry(&b, &a, NOW), a);
    assert_eq!(cmp_entries(&a, &a, NOW), Ordering::Equal);
    assert_eq!(merge_entry(&a, &a, NOW), a);
}

#[test]
fn merge_one_entry_reports_what_it_did() {
    let mut c = Checklists::new();
    let first = e(Status::Doing, "", "2017-06-29T10:00:00Z");
    let later = e(Status::Done, "", "2017-06-29T11:00:00Z");
    assert_eq!(
        merge_entry_into(&mut c, FIN, "1.1.5", &first, NOW),
        Outcome::Added
    );
    assert_eq!(
        merge_entry_into(&mut c, FIN, "1.1.5", &first, NOW),
        Outcome::Unchanged
    );
    assert_eq!(
        merge_entry_into(&mut c, FIN, "1.1.5", &later, NOW),
        Outcome::Updated
    );
    assert_eq!(
        merge_entry_into(&mut c, FIN, "1.1.5", &first, NOW),
        Outcome::Unchanged
    );
    assert_eq!(c.get(FIN, "1.1.5"), Some(&later));
}

#[test]
fn merge_into_keeps_what_it_has_and_adds_the_rest() {
    let mut ours = Checklists::new();
    ours.put(
        FIN,
        "1.1.5",
        e(Status::Done, "ours", "2017-06-29T12:00:00Z"),
    );
    ours.put(
        FIN,
        "1.1.6",
        e(Status::Doing, "ours", "2017-06-29T10:00:00Z"),
    );
    ours.put(
        "市统计局",
        "1.1.1",
        e(Status::Na, "", "2017-06-29T10:00:00Z"),
    );
    let mut theirs = Checklists::new();
    theirs.put(
        FIN,
        "1.1.5",
        e(Status::Todo, "theirs", "2017-06-29T11:00:00Z"),
    );
    theirs.put(
        FIN,
        "1.1.6",
        e(Status::Done, "theirs", "2017-06-29T11:00:00Z"),
    );
    theirs.put(
        FIN,
        "2.1.1",
        e(Status::Done, "theirs", "2017-06-29T11:00:00Z"),
    );
    let report = merge_into(&mut ours, &theirs, NOW);
    assert_eq!(report.added, [(FIN.to_string(), "2.1.1".to_string())]);
    assert_eq!(report.updated, [(FIN.to_string(), "1.1.6".to_string())]);
    assert_eq!(report.unchanged, 1);
    assert!(report.changed());
    assert_eq!(ours.note_of(FIN, "1.1.5"), "ours");
    assert_eq!(ours.note_of(FIN, "1.1.6"), "theirs");
    assert_eq!(ours.note_of(FIN, "2.1.1"), "theirs");
    assert_eq!(ours.status_of("市统计局", "1.1.1"), Status::Na);
    // Again: nothing changes.
    let again = merge_into(&mut ours, &theirs, NOW);
    assert!(!again.changed());
    assert_eq!(again.unchanged, 3);
}

#[test]
fn export_times_merge_to_the_later() {
    let mut a = Checklists::new();
    let mut b = Checklists::new();
    a.mark_exported(FIN, ts("2017-06-29T10:00:00Z"));
    b.mark_exported(FIN, ts("2017-06-30T10:00:00Z"));
    b.mark_exported("市统计局", ts("2017-06-01T10:00:00Z"));
    let m = merge(&a, &b, NOW);
    assert_eq!(m.exported_at(FIN), Some(ts("2017-06-30T10:00:00Z")));
    assert_eq!(m.exported_at("市统计局"), Some(ts("2017-06-01T10:00:00Z")));
    assert_eq!(merge(&b, &a, NOW), m);
}

#[test]
fn merge_unit_copies() {
    let mut a = UnitChecklist::default();
    a.entries
        .insert("1.1.5".into(), e(Status::Done, "a", "2017-06-29T12:00:00Z"));
    a.exported_at = Some(ts("2017-06-29T13:00:00Z"));
    let mut b = UnitChecklist::default();
    b.entries.insert(
        "1.1.5".into(),
        e(Status::Doing, "b", "2017-06-29T11:00:00Z"),
    );
    b.entries.insert(
        "1.1.6".into(),
        e(Status::Doing, "b", "2017-06-29T11:00:00Z"),
    );
    let m = merge_unit(&a, &b, NOW);
    assert_eq!(m.entries["1.1.5"].note, "a");
    assert_eq!(m.entries["1.1.6"].note, "b");
    assert_eq!(m.exported_at, a.exported_at);
    assert_eq!(merge_unit(&b, &a, NOW), m);
}

/// Another tab's saved copy is taken as it is (an undone import's entry goes), but for this
/// tab's own later edit that the copy lacks.
#[test]
fn another_tabs_copy_wins_but_for_own_edits() {
    let mut mine = UnitChecklist::default();
    mine.entries.insert(
        "1.1.1".into(),
        e(Status::Done, "导入", "2017-06-30T10:00:00Z"),
    );
    mine.entries.insert(
        "1.1.2".into(),
        e(Status::Doing, "我的", "2017-07-01T08:00:00Z"),
    );
    let mut stored = UnitChecklist::default();
    stored
        .entries
        .insert("1.1.1".into(), e(Status::Doing, "", "2017-06-29T10:00:00Z"));
    let own = |task: &str| (task == "1.1.2").then(|| ts("2017-07-01T08:00:00Z"));
    let got = take_stored(&mine, &stored, own, NOW);
    assert_eq!(
        got.entries["1.1.1"],
        e(Status::Doing, "", "2017-06-29T10:00:00Z")
    );
    assert_eq!(got.entries["1.1.2"].note, "我的");
    assert_eq!(got.entries.len(), 2);
}

#[test]
fn an_entry_from_the_future_loses_to_any_real_one() {
    let now = ts("2017-06-29T10:00:00Z");
    let frozen = e(Status::Na, "", "9999-12-31T23:59:59.999Z");
    let older = e(Status::Todo, "", "2017-01-01T00:00:00Z");
    // More than a day ahead of the clock: below any real entry, however early.
    assert_eq!(cmp_entries(&frozen, &older, now), Ordering::Less);
    assert_eq!(merge_entry(&frozen, &older, now), older);
    let day_and_a_ms = e(Status::Na, "", "2017-06-30T10:00:00.001Z");
    assert_eq!(cmp_entries(&day_and_a_ms, &older, now), Ordering::Less);
    // Exactly a day ahead is a clock that is ahead: it wins by its time.
    let a_day = e(Status::Na, "", "2017-06-30T10:00:00Z");
    assert_eq!(cmp_entries(&a_day, &older, now), Ordering::Greater);
    // Two from the future compare by time, as real ones do.
    assert_eq!(cmp_entries(&frozen, &day_and_a_ms, now), Ordering::Greater);
    // Much later, the time is no longer from the future.
    let later = ts("2017-06-30T00:00:01Z");
    assert_eq!(cmp_entries(&day_and_a_ms, &older, later), Ordering::Greater);
    // Merging checklists follows the same order.
    let mut c = Checklists::new();
    c.put(FIN, "1.1.5", frozen);
    let mut theirs = Checklists::new();
    theirs.put(FIN, "1.1.5", older.clone());
    let report = merge_into(&mut c, &theirs, now);
    assert_eq!(report.updated, [(FIN.to_string(), "1.1.5".to_string())]);
    assert_eq!(c.get(FIN, "1.1.5"), Some(&older));
}
