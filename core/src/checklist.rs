//! The checklists kept in one browser: per unit and task a status and a note, each change
//! stamped with the time it was made, and per unit the time of its last export.
//!
//! Entries are never deleted: going back to 未开始 with an empty note is a change like any
//! other, stamped, so that it wins over older copies when checklists are merged
//! (see [`crate::merge`]).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::merge::is_future;
use crate::model::Table;
use crate::status::Status;
use crate::timestamp::Timestamp;

/// A unit's status and note for one task, and when they were last changed.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Entry {
    pub status: Status,
    pub note: String,
    pub updated_at: Timestamp,
}

impl Entry {
    pub fn new(status: Status, note: impl Into<String>, updated_at: Timestamp) -> Entry {
        Entry {
            status,
            note: note.into(),
            updated_at,
        }
    }

    /// Same status and note (whatever the times).
    pub fn same_value(&self, other: &Entry) -> bool {
        self.status == other.status && self.note == other.note
    }
}

/// One unit's checklist: its entries by task id, and when it was last exported from this
/// browser.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitChecklist {
    pub exported_at: Option<Timestamp>,
    pub entries: BTreeMap<String, Entry>,
}

impl UnitChecklist {
    /// No entries and never exported.
    pub fn is_empty(&self) -> bool {
        self.exported_at.is_none() && self.entries.is_empty()
    }

    /// The latest `updated_at` of its entries.
    pub fn last_entry_at(&self) -> Option<Timestamp> {
        self.entries.values().map(|e| e.updated_at).max()
    }

    /// Some entry was changed after the last export (or there are entries and no export yet).
    pub fn has_unexported(&self) -> bool {
        match (self.last_entry_at(), self.exported_at) {
            (None, _) => false,
            (Some(_), None) => true,
            (Some(last), Some(exported)) => last > exported,
        }
    }
}

/// Done out of applicable (a task marked 不适用 is not applicable) for a unit, overall and per
/// pillar.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Progress {
    /// Tasks marked 已完成.
    pub done: usize,
    /// Tasks not marked 不适用.
    pub applicable: usize,
    /// Tasks marked 进行中.
    pub doing: usize,
    /// Tasks marked 不适用.
    pub na: usize,
    /// One line per pillar the unit has at least one task in, in table order.
    pub per_pillar: Vec<PillarProgress>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PillarProgress {
    pub pillar: u8,
    pub done: usize,
    pub applicable: usize,
    pub doing: usize,
    pub na: usize,
}

/// The longest note the page lets a user type, counted as the browser's `maxlength` counts
/// (UTF-16 units; a Chinese character is one): a ledger's remark, not a document. A longer note
/// that came in a file is kept as it is, and the counter says so.
pub const NOTE_LIMIT: usize = 2_000;

/// The counter under a note being typed: `None` while well below [`NOTE_LIMIT`] (no clutter),
/// else the text and whether the note is over the limit.
pub fn note_counter(note: &str) -> Option<(String, bool)> {
    let n = note.encode_utf16().count();
    if n > NOTE_LIMIT {
        Some((
            format!("{n}/{NOTE_LIMIT} 字：超过上限（来自导入的文件，已完整保留），只能删减"),
            true,
        ))
    } else if n * 10 >= NOTE_LIMIT * 9 {
        Some((format!("{n}/{NOTE_LIMIT} 字"), false))
    } else {
        None
    }
}

/// `done` out of `applicable` in whole percent, rounded down (so 100 means all done), but at
/// least 1 once anything is done (1 of 139 reads 1%, not 0%); `None` when nothing is
/// applicable.
pub fn percent(done: usize, applicable: usize) -> Option<u32> {
    (applicable > 0).then(|| {
        let p = (done * 100 / applicable) as u32;
        if done > 0 {
            p.max(1)
        } else {
            p
        }
    })
}

impl Progress {
    pub fn percent(&self) -> Option<u32> {
        percent(self.done, self.applicable)
    }

    /// The words after 已完成 <done>, as both pages write them: ` / 77 项（2%，不适用 1 项不计）`.
    /// 不适用 tasks are out of the count, and it says so, so that a unit's 78 tasks and "/ 77"
    /// agree.
    pub fn out_of(&self) -> String {
        let na = (self.na > 0).then(|| format!("不适用 {} 项不计", self.na));
        match (self.percent(), na) {
            (Some(pct), Some(na)) => format!(" / {} 项（{pct}%，{na}）", self.applicable),
            (Some(pct), None) => format!(" / {} 项（{pct}%）", self.applicable),
            (None, Some(na)) => format!(" / {} 项（{na}）", self.applicable),
            (None, None) => format!(" / {} 项", self.applicable),
        }
    }

    /// Tasks neither done nor 不适用.
    pub fn remaining(&self) -> usize {
        self.applicable - self.done
    }
}

impl PillarProgress {
    pub fn percent(&self) -> Option<u32> {
        percent(self.done, self.applicable)
    }
}

/// All units' checklists in this browser.
///
/// A unit without entries and without an export time is not kept, so two `Checklists` with
/// the same content compare equal.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Checklists {
    units: BTreeMap<String, UnitChecklist>,
}

impl Checklists {
    pub fn new() -> Checklists {
        Checklists::default()
    }

    /// No entries and no export time for any unit.
    pub fn is_empty(&self) -> bool {
        self.units.is_empty()
    }

    /// The number of entries over all units.
    pub fn entry_count(&self) -> usize {
        self.units.values().map(|u| u.entries.len()).sum()
    }

    /// The units that have a checklist, by name (in code point order).
    pub fn units(&self) -> impl Iterator<Item = (&str, &UnitChecklist)> {
        self.units.iter().map(|(name, u)| (name.as_str(), u))
    }

    /// Every entry as (unit, task, entry), by unit then task id (both in code point order).
    pub fn entries(&self) -> impl Iterator<Item = (&str, &str, &Entry)> {
        self.units.iter().flat_map(|(unit, u)| {
            u.entries
                .iter()
                .map(move |(task, e)| (unit.as_str(), task.as_str(), e))
        })
    }

    pub fn unit(&self, unit: &str) -> Option<&UnitChecklist> {
        self.units.get(unit)
    }

    /// Replaces a unit's whole checklist (e.g. with what storage holds for it); an empty one
    /// removes the unit.
    pub fn set_unit(&mut self, unit: &str, checklist: UnitChecklist) {
        if checklist.is_empty() {
            self.units.remove(unit);
        } else {
            self.units.insert(unit.to_string(), checklist);
        }
    }

    /// Removes a unit's checklist and returns it.
    pub fn take_unit(&mut self, unit: &str) -> Option<UnitChecklist> {
        self.units.remove(unit)
    }

    pub fn get(&self, unit: &str, task: &str) -> Option<&Entry> {
        self.units.get(unit)?.entries.get(task)
    }

    /// The unit's status for the task; 未开始 when it has no entry.
    pub fn status_of(&self, unit: &str, task: &str) -> Status {
        self.get(unit, task).map(|e| e.status).unwrap_or_default()
    }

    /// The unit's note on the task; empty when it has no entry.
    pub fn note_of(&self, unit: &str, task: &str) -> &str {
        self.get(unit, task).map_or("", |e| e.note.as_str())
    }

    /// Puts an entry as it is, replacing any entry for the same unit and task, without
    /// stamping or merging. For loading and for tests; edits go through
    /// [`set_status`](Self::set_status) and [`set_note`](Self::set_note), copies from
    /// elsewhere through [`crate::merge`].
    pub fn put(&mut self, unit: &str, task: &str, entry: Entry) -> Option<Entry> {
        self.units
            .entry(unit.to_string())
            .or_default()
            .entries
            .insert(task.to_string(), entry)
    }

    /// Applies an edit to the entry, stamping it when it changes anything. The stamp is `now`,
    /// or 1 ms after the entry's current stamp when that is not earlier than `now` (a copy
    /// merged in from a computer whose clock is ahead): an edit always supersedes the value
    /// the user saw. A current stamp from the future ([`is_future`]: more than a day ahead)
    /// is not followed: the edit is stamped `now`, which the merge rule ranks above it.
    /// Returns whether anything changed.
    fn edit(
        &mut self,
        unit: &str,
        task: &str,
        now: Timestamp,
        change: impl FnOnce(&mut Entry),
    ) -> bool {
        let current = self.get(unit, task);
        let mut next = current.cloned().unwrap_or_else(|| Entry {
            status: Status::default(),
            note: String::new(),
            updated_at: now,
        });
        change(&mut next);
        let unchanged = match current {
            Some(current) => current.same_value(&next),
            // No entry reads as 未开始 with no note.
            None => next.status == Status::default() && next.note.is_empty(),
        };
        if unchanged {
            return false;
        }
        next.updated_at = match current {
            // A stored time from the future (more than a day ahead) is not followed: the edit
            // is stamped `now`, and the merge rule ranks it above that time.
            Some(current)
                if current.updated_at >= now
                    && !is_future(current.updated_at.plus_millis(1), now) =>
            {
                current.updated_at.plus_millis(1)
            }
            _ => now,
        };
        self.put(unit, task, next);
        true
    }

    /// Sets the unit's status for the task, stamped `now`, or 1 ms after the
    /// entry's current stamp when that is not earlier than `now` (a copy merged in from a
    /// computer whose clock is ahead; `now` when that stamp is from the future): an edit always
    /// supersedes the value the user saw. No change, no stamp. Returns whether anything changed.
    pub fn set_status(&mut self, unit: &str, task: &str, status: Status, now: Timestamp) -> bool {
        self.edit(unit, task, now, |e| e.status = status)
    }

    /// Sets the unit's note on the task, stamped `now`; no change, no stamp. Returns whether
    /// anything changed.
    pub fn set_note(&mut self, unit: &str, task: &str, note: &str, now: Timestamp) -> bool {
        self.edit(unit, task, now, |e| e.note = note.to_string())
    }

    /// The latest `updated_at` of the unit's entries.
    pub fn last_entry_at(&self, unit: &str) -> Option<Timestamp> {
        self.units.get(unit)?.last_entry_at()
    }

    /// When the unit's checklist was last exported from this browser.
    pub fn exported_at(&self, unit: &str) -> Option<Timestamp> {
        self.units.get(unit)?.exported_at
    }

    /// Some entry of the unit was changed after its last export (or it has entries and was
    /// never exported).
    pub fn has_unexported(&self, unit: &str) -> bool {
        self.units
            .get(unit)
            .is_some_and(UnitChecklist::has_unexported)
    }

    /// Records an export of the unit at `at`. The export time only moves forward: an earlier
    /// `at` than the recorded one is ignored.
    pub fn mark_exported(&mut self, unit: &str, at: Timestamp) {
        let u = self.units.entry(unit.to_string()).or_default();
        u.exported_at = Some(u.exported_at.map_or(at, |prev| prev.max(at)));
    }

    /// The unit's progress over its tasks, given as indices into `table.tasks` (the caller
    /// knows which tasks concern the unit; an index out of range is skipped). Tasks marked
    /// 不适用 are not applicable.
    pub fn progress(&self, table: &Table, unit: &str, tasks_of_unit: &[usize]) -> Progress {
        let mut progress = Progress::default();
        let mut pillars: Vec<PillarProgress> = table
            .pillars
            .iter()
            .map(|p| PillarProgress {
                pillar: p.id,
                ..PillarProgress::default()
            })
            .collect();
        let mut seen = vec![false; pillars.len()];
        for &index in tasks_of_unit {
            let Some(task) = table.tasks.get(index) else {
                continue;
            };
            let status = self.status_of(unit, &task.id);
            let slot = table.pillars.iter().position(|p| p.id == task.pillar);
            let mut line = slot.map(|i| {
                seen[i] = true;
                &mut pillars[i]
            });
            let mut count = |f: fn(&mut PillarProgress)| {
                if let Some(line) = line.as_deref_mut() {
                    f(line);
                }
            };
            match status {
                Status::Na => {
                    progress.na += 1;
                    count(|p| p.na += 1);
                }
                other => {
                    progress.applicable += 1;
                    count(|p| p.applicable += 1);
                    if other == Status::Done {
                        progress.done += 1;
                        count(|p| p.done += 1);
                    } else if other == Status::Doing {
                        progress.doing += 1;
                        count(|p| p.doing += 1);
                    }
                }
            }
        }
        progress.per_pillar = pillars
            .into_iter()
            .zip(seen)
            .filter_map(|(p, seen)| seen.then_some(p))
            .collect();
        progress
    }
}
