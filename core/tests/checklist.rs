//! Checklist entries: edits and their stamps, defaults, export tracking, progress.

use gk_core::checklist::{percent, Checklists, Entry, PillarProgress, Progress, UnitChecklist};
use gk_core::merge::merge_unit;
use gk_core::model::Table;
use gk_core::status::Status;
use gk_core::timestamp::Timestamp;
use gk_core::units::assignment;

const FIN: &str = "市财政局";

fn ts(s: &str) -> Timestamp {
    Timestamp::parse(s).unwrap()
}

fn real() -> Table {
    Table::from_json(include_str!("../../data/tables/taian-2017.json")).unwrap()
}

fn tasks_of(table: &Table, unit: &str) -> Vec<usize> {
    (0..table.tasks.len())
        .filter(|&i| assignment(table, &table.tasks[i], unit).is_some())
        .collect()
}

#[test]
fn defaults_without_entries() {
    let c = Checklists::new();
    assert_eq!(c.get(FIN, "1.1.5"), None);
    assert_eq!(c.status_of(FIN, "1.1.5"), Status::Todo);
    assert_eq!(c.note_of(FIN, "1.1.5"), "");
    assert!(!c.has_unexported(FIN));
    assert_eq!(c.last_entry_at(FIN), None);
    assert_eq!(c.exported_at(FIN), None);
    assert!(c.is_empty());
    assert_eq!(c.entry_count(), 0);
}

#[test]
fn set_status_stamps_the_entry() {
    let mut c = Checklists::new();
    let t1 = ts("2017-06-29T10:00:00Z");
    assert!(c.set_status(FIN, "1.1.5", Status::Doing, t1));
    assert_eq!(
        c.get(FIN, "1.1.5"),
        Some(&Entry::new(Status::Doing, "", t1))
    );
    let t2 = ts("2017-06-29T11:00:00Z");
    assert!(c.set_status(FIN, "1.1.5", Status::Done, t2));
    assert_eq!(c.status_of(FIN, "1.1.5"), Status::Done);
    assert_eq!(c.get(FIN, "1.1.5").unwrap().updated_at, t2);
    // Other units and tasks are untouched.
    assert_eq!(c.status_of(FIN, "1.1.6"), Status::Todo);
    assert_eq!(c.status_of("市统计局", "1.1.5"), Status::Todo);
    assert_eq!(c.entry_count(), 1);
}

#[test]
fn set_note_stamps_and_keeps_the_status() {
    let mut c = Checklists::new();
    let t1 = ts("2017-06-29T10:00:00Z");
    let t2 = ts("2017-06-29T12:00:00Z");
    c.set_status(FIN, "1.1.5", Status::Done, t1);
    assert!(c.set_note(FIN, "1.1.5", "每月在市财政局网站公开", t2));
    let e = c.get(FIN, "1.1.5").unwrap();
    assert_eq!(e.status, Status::Done);
    assert_eq!(e.note, "每月在市财政局网站公开");
    assert_eq!(e.updated_at, t2);
    // A note alone creates an entry with status todo.
    assert!(c.set_note(FIN, "2.1.1", "待办", t1));
    assert_eq!(
        c.get(FIN, "2.1.1"),
        Some(&Entry::new(Status::Todo, "待办", t1))
    );
}

#[test]
fn no_op_changes_do_not_stamp() {
    let mut c = Checklists::new();
    let t1 = ts("2017-06-29T10:00:00Z");
    let t2 = ts("2017-06-30T10:00:00Z");
    // Nothing to do: no entry means todo with no note.
    assert!(!c.set_status(FIN, "1.1.5", Status::Todo, t1));
    assert!(!c.set_note(FIN, "1.1.5", "", t1));
    assert!(c.is_empty());
    c.set_status(FIN, "1.1.5", Status::Done, t1);
    c.set_note(FIN, "1.1.5", "已公开", t1);
    let before = c.clone();
    assert!(!c.set_status(FIN, "1.1.5", Status::Done, t2));
    assert!(!c.set_note(FIN, "1.1.5", "已公开", t2));
    assert_eq!(c, before);
}

#[test]
fn going_back_to_todo_is_kept_as_an_entry() {
    let mut c = Checklists::new();
    let t1 = ts("2017-06-29T10:00:00Z");
    let t2 = ts("2017-06-29T11:00:00Z");
    c.set_status(FIN, "1.1.5", Status::Done, t1);
    assert!(c.set_status(FIN, "1.1.5", Status::Todo, t2));
    assert_eq!(c.get(FIN, "1.1.5"), Some(&Entry::new(Status::Todo, "", t2)));
}

#[test]
fn an_edit_supersedes_an_entry_stamped_in_the_future() {
    // An entry merged in from a computer whose clock is most of a day ahead (within the day a
    // clock may be ahead: beyond it, the entry is from the future, see below).
    let mut c = Checklists::new();
    let future = ts("2017-06-30T09:00:00Z");
    c.put(FIN, "1.1.5", Entry::new(Status::Done, "他处", future));
    let now = ts("2017-06-29T10:00:00Z");
    assert!(c.set_status(FIN, "1.1.5", Status::Doing, now));
    let e = c.get(FIN, "1.1.5").unwrap();
    assert_eq!(e.status, Status::Doing);
    assert_eq!(e.updated_at, future.plus_millis(1));
    // The same at an equal time.
    assert!(c.set_note(FIN, "1.1.5", "本处", future.plus_millis(1)));
    assert_eq!(
        c.get(FIN, "1.1.5").unwrap().updated_at,
        future.plus_millis(2)
    );
}

#[test]
fn unexported_changes() {
    let mut c = Checklists::new();
    let t1 = ts("2017-06-29T10:00:00Z");
    let t2 = ts("2017-06-29T11:00:00Z");
    let t3 = ts("2017-06-29T12:00:00Z");
    c.set_status(FIN, "1.1.5", Status::Done, t1);
    assert!(c.has_unexported(FIN));
    c.mark_exported(FIN, t2);
    assert!(!c.has_unexported(FIN));
    assert_eq!(c.exported_at(FIN), Some(t2));
    c.set_note(FIN, "1.1.5", "补充", t3);
    assert!(c.has_unexported(FIN));
    assert_eq!(c.last_entry_at(FIN), Some(t3));
    // An entry at exactly the export time counts as exported.
    c.mark_exported(FIN, t3);
    assert!(!c.has_unexported(FIN));
    // The export time never moves back.
    c.mark_exported(FIN, t1);
    assert_eq!(c.exported_at(FIN), Some(t3));
    // Other units are their own business.
    c.set_status("市统计局", "1.1.1", Status::Doing, t1);
    assert!(c.has_unexported("市统计局"));
    assert!(!c.has_unexported(FIN));
}

#[test]
fn a_unit_exported_with_no_entries() {
    let mut c = Checklists::new();
    c.mark_exported(FIN, ts("2017-06-29T10:00:00Z"));
    assert!(!c.has_unexported(FIN));
    assert!(!c.is_empty());
    assert_eq!(c.entry_count(), 0);
}

#[test]
fn set_unit_replaces_and_empty_removes() {
    let mut c = Checklists::new();
    let t1 = ts("2017-06-29T10:00:00Z");
    c.set_status(FIN, "1.1.5", Status::Done, t1);
    let mut other = UnitChecklist::default();
    other
        .entries
        .insert("2.1.1".into(), Entry::new(Status::Doing, "x", t1));
    c.set_unit(FIN, other.clone());
    assert_eq!(c.unit(FIN), Some(&other));
    assert_eq!(c.get(FIN, "1.1.5"), None);
    c.set_unit(FIN, UnitChecklist::default());
    assert!(c.is_empty());
    assert_eq!(c, Checklists::new());
}

#[test]
fn entries_iterate_by_unit_then_task() {
    let mut c = Checklists::new();
    let t = ts("2017-06-29T10:00:00Z");
    c.set_status("市统计局", "1.1.2", Status::Done, t);
    c.set_status(FIN, "1.1.5", Status::Done, t);
    c.set_status(FIN, "1.1.1", Status::Done, t);
    let keys: Vec<(&str, &str)> = c.entries().map(|(u, t, _)| (u, t)).collect();
    // 统 is U+7EDF, 财 U+8D22.
    assert_eq!(
        keys,
        [("市统计局", "1.1.2"), (FIN, "1.1.1"), (FIN, "1.1.5")]
    );
}

#[test]
fn progress_counts_done_out_of_applicable() {
    let table = real();
    let tasks = tasks_of(&table, FIN);
    assert!(tasks.len() > 10);
    let mut c = Checklists::new();
    let t = ts("2017-06-29T10:00:00Z");
    let empty = c.progress(&table, FIN, &tasks);
    assert_eq!(empty.done, 0);
    assert_eq!(empty.applicable, tasks.len());
    assert_eq!(empty.percent(), Some(0));

    let ids: Vec<&str> = tasks.iter().map(|&i| table.tasks[i].id.as_str()).collect();
    c.set_status(FIN, ids[0], Status::Done, t);
    c.set_status(FIN, ids[1], Status::Done, t);
    c.set_status(FIN, ids[2], Status::Na, t);
    c.set_status(FIN, ids[3], Status::Doing, t);
    // An entry for a task not given is not counted.
    c.set_status(FIN, "9.9.9", Status::Done, t);
    let p = c.progress(&table, FIN, &tasks);
    assert_eq!(p.done, 2);
    assert_eq!(p.doing, 1);
    assert_eq!(p.na, 1);
    assert_eq!(p.applicable, tasks.len() - 1);
    assert_eq!(p.remaining(), tasks.len() - 3);

    // Per pillar: sums match, only pillars with tasks, in table order.
    let done: usize = p.per_pillar.iter().map(|l| l.done).sum();
    let applicable: usize = p.per_pillar.iter().map(|l| l.applicable).sum();
    let na: usize = p.per_pillar.iter().map(|l| l.na).sum();
    assert_eq!((done, applicable, na), (2, p.applicable, 1));
    let pillars: Vec<u8> = p.per_pillar.iter().map(|l| l.pillar).collect();
    let mut expected: Vec<u8> = tasks.iter().map(|&i| table.tasks[i].pillar).collect();
    expected.dedup();
    expected.sort();
    expected.dedup();
    assert_eq!(pillars, expected);
}

#[test]
fn progress_per_pillar_exactly() {
    let table = real();
    // Tasks 0, 1 are pillar 1; the last is pillar 6.
    let last = table.tasks.len() - 1;
    assert_eq!(table.tasks[0].pillar, 1);
    assert_eq!(table.tasks[last].pillar, 6);
    let mut c = Checklists::new();
    let t = ts("2017-06-29T10:00:00Z");
    c.set_status(FIN, &table.tasks[0].id, Status::Done, t);
    c.set_status(FIN, &table.tasks[last].id, Status::Na, t);
    let p = c.progress(&table, FIN, &[0, 1, last, 10_000]);
    assert_eq!(p.done, 1);
    assert_eq!(p.applicable, 2);
    assert_eq!(p.percent(), Some(50));
    assert_eq!(
        p.per_pillar,
        [
            PillarProgress {
                pillar: 1,
                done: 1,
                applicable: 2,
                doing: 0,
                na: 0
            },
            PillarProgress {
                pillar: 6,
                done: 0,
                applicable: 0,
                doing: 0,
                na: 1
            },
        ]
    );
    assert_eq!(p.per_pillar[1].percent(), None);
}

#[test]
fn out_of_says_the_percent_and_the_tasks_left_out() {
    let p = |done, applicable, na| Progress {
        done,
        applicable,
        na,
        ..Progress::default()
    };
    assert_eq!(p(2, 77, 1).out_of(), " / 77 项（2%，不适用 1 项不计）");
    assert_eq!(p(1, 139, 0).out_of(), " / 139 项（1%）");
    assert_eq!(p(0, 0, 3).out_of(), " / 0 项（不适用 3 项不计）");
    assert_eq!(p(0, 0, 0).out_of(), " / 0 项");
}

#[test]
fn percent_rounds_down() {
    assert_eq!(percent(0, 0), None);
    assert_eq!(percent(1, 3), Some(33));
    assert_eq!(percent(2, 3), Some(66));
    assert_eq!(percent(99, 100), Some(99));
    assert_eq!(percent(5, 5), Some(100));
    // Anything done shows at least 1%.
    assert_eq!(percent(1, 139), Some(1));
    assert_eq!(percent(0, 139), Some(0));
}

#[test]
fn an_edit_replaces_a_stored_entry_from_the_future() {
    // Imported by an older build: year 9999, the latest instant there is, so no later stamp
    // exists. The edit is stamped now, and the merge rule ranks it above the stored one.
    let mut c = Checklists::new();
    let stored = Entry::new(Status::Na, "", Timestamp::MAX);
    assert_eq!(Timestamp::MAX, ts("9999-12-31T23:59:59.999Z"));
    c.put(FIN, "1.1.5", stored.clone());
    let now = ts("2017-06-29T10:00:00Z");
    assert!(c.set_status(FIN, "1.1.5", Status::Doing, now));
    let edited = c.get(FIN, "1.1.5").unwrap().clone();
    assert_eq!(edited, Entry::new(Status::Doing, "", now));
    // What storage does on save (merging what it holds, maybe another tab's copy): the edit
    // stays, either way round.
    let mut held = UnitChecklist::default();
    held.entries.insert("1.1.5".into(), stored);
    let ours = c.unit(FIN).unwrap().clone();
    for merged in [merge_unit(&held, &ours, now), merge_unit(&ours, &held, now)] {
        assert_eq!(merged.entries["1.1.5"], edited);
    }
    // A stored time 25 hours ahead is from the future too; 23 hours ahead is a clock that is
    // ahead, and the edit follows it by 1 ms.
    for (ahead, stamp) in [
        ("2017-06-30T11:00:00Z", "2017-06-29T10:00:00Z"),
        ("2017-06-30T09:00:00Z", "2017-06-30T09:00:00.001Z"),
    ] {
        let mut c = Checklists::new();
        c.put(FIN, "1.1.5", Entry::new(Status::Na, "", ts(ahead)));
        assert!(c.set_note(FIN, "1.1.5", "改", now));
        assert_eq!(
            c.get(FIN, "1.1.5").unwrap().updated_at,
            ts(stamp),
            "{ahead}"
        );
    }
}

/// Issue 23, item 7: the note counter appears near the limit of 2,000 characters and says when
/// a note (from a file) is over it.
#[test]
fn the_note_counter_near_and_over_the_limit() {
    use gk_core::checklist::{note_counter, NOTE_LIMIT};
    assert_eq!(NOTE_LIMIT, 2_000);
    assert_eq!(note_counter("已在网站公开"), None);
    assert_eq!(note_counter(&"公".repeat(1_799)), None);
    assert_eq!(
        note_counter(&"公".repeat(1_800)),
        Some(("1800/2000 字".into(), false))
    );
    assert_eq!(
        note_counter(&"公".repeat(2_000)),
        Some(("2000/2000 字".into(), false))
    );
    let (text, over) = note_counter(&"公".repeat(2_345)).unwrap();
    assert!(over);
    assert_eq!(
        text,
        "2345/2000 字：超过上限（来自导入的文件，已完整保留），只能删减"
    );
    // Counted as the browser's maxlength counts: a character outside the BMP is two.
    assert_eq!(
        note_counter(&"𠀀".repeat(1_000)),
        Some(("2000/2000 字".into(), false))
    );
}
