//! Applying an import: the files' entries merged into the checklists by the merge rule, with
//! what is needed to undo it.

use super::{distinct, ParsedFile};
use crate::checklist::Checklists;
use crate::merge::{merge_entry_into, Outcome};
use crate::timestamp::Timestamp;

/// What is needed to undo an import: the checklists as they were before it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportUndo {
    /// The checklists before the import.
    pub previous: Checklists,
    /// The units whose checklists the import changed, in code point order: the ones storage
    /// must write back on undo.
    pub units: Vec<String>,
}

impl ImportUndo {
    /// The checklists as they were before the import.
    ///
    /// Restoring must *replace* the changed units' stored checklists, not merge into them:
    /// the merge rule would keep the imported entries, which are newer.
    pub fn restore(self) -> Checklists {
        self.previous
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
    let mut changed = Vec::new();
    for file in files {
        for fe in &file.entries {
            if merge_entry_into(&mut next, &fe.unit, &fe.task, &fe.entry, now) != Outcome::Unchanged
            {
                changed.push(fe.unit.as_str());
            }
        }
    }
    let undo = ImportUndo {
        previous: current.clone(),
        units: distinct(changed).into_iter().map(str::to_string).collect(),
    };
    (next, undo)
}
