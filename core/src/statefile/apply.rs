//! Applying an import: the files' entries merged into the checklists by the merge rule, with
//! what is needed to undo it; and the undo, which puts back only what the import changed and
//! nothing has changed since (a unit may have gone on typing after the import).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{distinct, ParsedFile};
use crate::checklist::{Checklists, Entry, UnitChecklist};
use crate::merge::{merge_entry_into, Outcome};
use crate::timestamp::Timestamp;

/// One entry an import changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    pub unit: String,
    pub task: String,
    /// The entry before the import; `None` when the import added it.
    pub before: Option<Entry>,
    /// The entry the import left (the last file's, when several changed it).
    pub after: Entry,
}

/// What is needed to undo an import: each entry it changed, before and after. Kept in the
/// browser until the next import is applied, so that undo survives a reload.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportUndo {
    /// When the import was applied.
    pub at: Timestamp,
    /// The changed entries, by unit then task.
    pub changes: Vec<Change>,
    /// The units whose checklists the import changed, in code point order.
    pub units: Vec<String>,
}

/// Why an entry the import changed was left as it is by the undo.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeptReason {
    /// It was changed again after the import (typed by the unit, or imported from a later file).
    ChangedSince,
    /// It is no longer there (undone already, e.g. in another tab).
    Gone,
}

impl KeptReason {
    pub fn text(self) -> &'static str {
        match self {
            KeptReason::ChangedSince => "导入后又有修改，保留现在的记录",
            KeptReason::Gone => "记录已不在（可能已在其他页面撤销）",
        }
    }
}

/// What undoing an import did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Undone {
    /// The checklists after the undo.
    pub checklists: Checklists,
    /// The entries put back as they were before the import (or removed, when it added them).
    pub restored: Vec<(String, String)>,
    /// The entries left as they are, and why.
    pub kept: Vec<(String, String, KeptReason)>,
    /// The units whose checklists changed, in code point order: the ones to write back.
    pub units: Vec<String>,
}

impl ImportUndo {
    /// Undoes the import in `current`: an entry goes back to what it was before the import
    /// (or goes, when the import added it) only if it is still exactly what the import left,
    /// time included. Everything else stays: entries the import did not touch, and entries
    /// changed since.
    pub fn undo(&self, current: &Checklists) -> Undone {
        let mut next = current.clone();
        let (mut restored, mut kept) = (Vec::new(), Vec::new());
        for unit in &self.units {
            let mut checklist = current.unit(unit).cloned().unwrap_or_default();
            self.undo_in(unit, &mut checklist, |c, outcome| match outcome {
                Ok(()) => restored.push((c.unit.clone(), c.task.clone())),
                Err(why) => kept.push((c.unit.clone(), c.task.clone(), why)),
            });
            next.set_unit(unit, checklist);
        }
        let units = distinct(restored.iter().map(|(u, _)| u.as_str()))
            .into_iter()
            .map(str::to_string)
            .collect();
        Undone {
            checklists: next,
            restored,
            kept,
            units,
        }
    }

    /// The same undo on one unit's checklist as another copy holds it (browser storage, which
    /// another tab may have written since): only entries still as the import left them change.
    pub fn undo_unit(&self, unit: &str, checklist: &mut UnitChecklist) {
        self.undo_in(unit, checklist, |_, _| {});
    }

    fn undo_in(
        &self,
        unit: &str,
        checklist: &mut UnitChecklist,
        mut report: impl FnMut(&Change, Result<(), KeptReason>),
    ) {
        for c in self.changes.iter().filter(|c| c.unit == unit) {
            let outcome = match checklist.entries.get(&c.task) {
                Some(now) if *now == c.after => Ok(()),
                Some(_) => Err(KeptReason::ChangedSince),
                None => Err(KeptReason::Gone),
            };
            if outcome.is_ok() {
                match &c.before {
                    Some(before) => checklist.entries.insert(c.task.clone(), before.clone()),
                    None => checklist.entries.remove(&c.task),
                };
            }
            report(c, outcome);
        }
    }
}

/// Imports `files` into a copy of `current` by the merge rule at `now` (never replacing a newer
/// entry, never removing one); returns it and the undo. Export times are not touched.
pub fn apply(
    current: &Checklists,
    files: &[ParsedFile],
    now: Timestamp,
) -> (Checklists, ImportUndo) {
    let mut next = current.clone();
    let mut changed = BTreeMap::<(&str, &str), ()>::new();
    for file in files {
        for fe in &file.entries {
            if merge_entry_into(&mut next, &fe.unit, &fe.task, &fe.entry, now) != Outcome::Unchanged
            {
                changed.insert((fe.unit.as_str(), fe.task.as_str()), ());
            }
        }
    }
    let changes: Vec<Change> = changed
        .into_keys()
        .filter_map(|(unit, task)| {
            let after = next.get(unit, task)?.clone();
            let before = current.get(unit, task).cloned();
            // Changed by one file and changed back by another: nothing to undo.
            (before.as_ref() != Some(&after)).then(|| Change {
                unit: unit.to_string(),
                task: task.to_string(),
                before,
                after,
            })
        })
        .collect();
    let undo = ImportUndo {
        at: now,
        units: distinct(changes.iter().map(|c| c.unit.as_str()))
            .into_iter()
            .map(str::to_string)
            .collect(),
        changes,
    };
    (next, undo)
}
