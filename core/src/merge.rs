//! The merge rule: for each unit and task the entry with the newest `updated_at` wins.
//!
//! An exact tie of times is settled by the entry's value, so that the rule is a total order
//! on entries ([`cmp_entries`]) and merging takes the greatest: merging is commutative,
//! associative and idempotent, and every browser that has seen the same entries, in whatever
//! order, holds the same checklists.
//!
//! The order: first whether the time is real (not from the future, [`is_future`]: a time more
//! than a day after the clock of the browser that merges, which no edit can have yet), then
//! `updated_at` (by instant), then the status by rank todo < doing < done < na, then the note
//! by Unicode code points. A stored entry from the future (a clock set years ahead, a
//! hand-edited file) thus loses to any real edit, however its time compares. Every merge
//! takes the merging browser's clock, `now`; for one `now` the order is total.
//!
//! A unit's export time merges by taking the later one.

use std::cmp::Ordering;

use crate::checklist::{Checklists, Entry, UnitChecklist};
use crate::status::Status;
use crate::timestamp::Timestamp;

/// How far ahead of the clock a time may be and still be real: one day (clocks a few hours
/// off, or set to the wrong time zone, stay within it).
pub const CLOCK_SLACK_MS: i64 = 24 * 60 * 60 * 1000;

/// Whether `at` is from the future as seen at `now`: more than [`CLOCK_SLACK_MS`] after it.
/// No edit can have such a time; a file entry with one is invalid, and a stored entry with one
/// loses to any real edit.
pub fn is_future(at: Timestamp, now: Timestamp) -> bool {
    at > now.plus_millis(CLOCK_SLACK_MS)
}

/// The rank of a status in the tie-break: todo 0, doing 1, done 2, na 3.
pub fn status_rank(status: Status) -> usize {
    match status {
        Status::Todo => 0,
        Status::Doing => 1,
        Status::Done => 2,
        Status::Na => 3,
    }
}

/// The total order of the merge rule at `now`: the greater entry wins. An entry from the future
/// ([`is_future`]) is less than any other.
pub fn cmp_entries(a: &Entry, b: &Entry, now: Timestamp) -> Ordering {
    let real = |e: &Entry| !is_future(e.updated_at, now);
    real(a)
        .cmp(&real(b))
        .then_with(|| a.updated_at.cmp(&b.updated_at))
        .then_with(|| status_rank(a.status).cmp(&status_rank(b.status)))
        // `str` orders by bytes, which for UTF-8 is the order of code points.
        .then_with(|| a.note.cmp(&b.note))
}

/// The winner of two entries for the same unit and task.
pub fn merge_entry(a: &Entry, b: &Entry, now: Timestamp) -> Entry {
    if cmp_entries(a, b, now) == Ordering::Less {
        b.clone()
    } else {
        a.clone()
    }
}

/// What merging one entry did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// There was no entry for the unit and task.
    Added,
    /// The incoming entry won over a different one.
    Updated,
    /// The entry there won, or was the same.
    Unchanged,
}

/// Merges one entry into the checklists.
pub fn merge_entry_into(
    target: &mut Checklists,
    unit: &str,
    task: &str,
    incoming: &Entry,
    now: Timestamp,
) -> Outcome {
    match target.get(unit, task) {
        None => {
            target.put(unit, task, incoming.clone());
            Outcome::Added
        }
        Some(current) if cmp_entries(incoming, current, now) == Ordering::Greater => {
            target.put(unit, task, incoming.clone());
            Outcome::Updated
        }
        Some(_) => Outcome::Unchanged,
    }
}

/// What a merge changed: the (unit, task) pairs added and updated, in unit then task order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MergeReport {
    pub added: Vec<(String, String)>,
    pub updated: Vec<(String, String)>,
    /// Incoming entries that lost or were already there.
    pub unchanged: usize,
}

impl MergeReport {
    /// Whether anything changed (export times aside).
    pub fn changed(&self) -> bool {
        !self.added.is_empty() || !self.updated.is_empty()
    }

    fn record(&mut self, unit: &str, task: &str, outcome: Outcome) {
        let key = || (unit.to_string(), task.to_string());
        match outcome {
            Outcome::Added => self.added.push(key()),
            Outcome::Updated => self.updated.push(key()),
            Outcome::Unchanged => self.unchanged += 1,
        }
    }
}

/// Merges `incoming` into `target`: every entry by the merge rule, every export time by the
/// later one, at `now`. Never removes anything.
pub fn merge_into(target: &mut Checklists, incoming: &Checklists, now: Timestamp) -> MergeReport {
    let mut report = MergeReport::default();
    for (unit, theirs) in incoming.units() {
        for (task, entry) in &theirs.entries {
            let outcome = merge_entry_into(target, unit, task, entry, now);
            report.record(unit, task, outcome);
        }
        if let Some(at) = theirs.exported_at {
            target.mark_exported(unit, at);
        }
    }
    report
}

/// The merge of two checklists at `now`, leaving both as they are.
pub fn merge(a: &Checklists, b: &Checklists, now: Timestamp) -> Checklists {
    let mut out = a.clone();
    merge_into(&mut out, b, now);
    out
}

/// The merge of two copies of one unit's checklist at `now`.
pub fn merge_unit(a: &UnitChecklist, b: &UnitChecklist, now: Timestamp) -> UnitChecklist {
    let mut out = a.clone();
    for (task, entry) in &b.entries {
        out.entries
            .entry(task.clone())
            .and_modify(|ours| {
                if cmp_entries(entry, ours, now) == Ordering::Greater {
                    *ours = entry.clone();
                }
            })
            .or_insert_with(|| entry.clone());
    }
    out.exported_at = a.exported_at.max(b.exported_at);
    out
}

/// Takes in a copy of a unit's checklist that another tab of this browser saved. That copy is
/// what storage holds, the merge of every tab's saves, so it is taken as it is, entries it no
/// longer has included (an import undone elsewhere removes or puts back entries, which merging
/// would bring back). Only this tab's own edits (`own(task)`: the time of its latest edit of
/// the task) that the copy lacks or holds older stay (two saves that crossed), by the merge
/// rule. The export time is the later one.
pub fn take_stored(
    current: &UnitChecklist,
    stored: &UnitChecklist,
    own: impl Fn(&str) -> Option<Timestamp>,
    now: Timestamp,
) -> UnitChecklist {
    let mut out = stored.clone();
    for (task, ours) in &current.entries {
        let mine = own(task).is_some_and(|at| ours.updated_at >= at);
        if !mine {
            continue;
        }
        match out.entries.get(task) {
            Some(theirs) if cmp_entries(ours, theirs, now) != Ordering::Greater => {}
            _ => {
                out.entries.insert(task.clone(), ours.clone());
            }
        }
    }
    out.exported_at = current.exported_at.max(stored.exported_at);
    out
}
