//! The preview of an import: what importing some files would do to the checklists, file by
//! file, and where files of one import disagree. Changes nothing.

use std::cmp::Ordering;
use std::collections::BTreeMap;
use std::sync::Arc;

use super::{InvalidEntry, ParsedFile, Source};
use crate::checklist::{Checklists, Entry};
use crate::merge::cmp_entries;
use crate::timestamp::Timestamp;

/// An entry of a file next to the entry the checklists hold for the same unit and task.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PreviewItem {
    /// Its position in the file's `entries`, from 0.
    pub index: usize,
    pub unit: String,
    pub task: String,
    pub incoming: Entry,
    pub current: Option<Entry>,
}

/// Two different edits of the same unit and task made at the same time, one in the checklists
/// and one in a file: neither is newer, so the merge rule's tie-break settles it (the higher
/// status, then the note). An entry that is merely newer or older is an update or an older
/// copy, not a conflict.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    pub unit: String,
    pub task: String,
    pub current: Entry,
    pub incoming: Entry,
    /// Whether the file's entry wins.
    pub incoming_wins: bool,
}

/// What importing one file would do, measured against the current checklists.
///
/// Every valid entry of the file is in exactly one of `new`, `newer`, `older`, `identical`
/// and `superseded`; `conflicts` lists again those of them whose `updated_at` is the current
/// one's (for a CSV: to the minute, [`Source::same_time`]) but whose status or note differ,
/// with both values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FilePreview {
    pub file_name: String,
    /// A state file or a CSV export.
    pub source: Source,
    pub exported_at: Option<Timestamp>,
    /// The units the file has entries for.
    pub units: Vec<String>,
    /// No entry yet for the unit and task: will be added.
    pub new: Vec<PreviewItem>,
    /// Newer than the current entry: will replace it.
    pub newer: Vec<PreviewItem>,
    /// Older than the current entry (by the merge rule): ignored.
    pub older: Vec<PreviewItem>,
    /// The same as the current entry, time included (for a CSV, to the minute:
    /// [`Source::same_entry`]), or as the entry of another file of this import that wins (the
    /// later file, when the two are equal): ignored.
    pub identical: Vec<PreviewItem>,
    /// Would be new or newer, but another file of this import has a newer entry for the
    /// same unit and task, which wins.
    pub superseded: Vec<PreviewItem>,
    /// Entries left out, with the reason: the file's own list ([`ParsedFile::invalid`]).
    pub invalid: Arc<Vec<InvalidEntry>>,
    /// Half characters read as � ([`ParsedFile::repaired`]).
    pub repaired: usize,
    pub conflicts: Vec<Conflict>,
}

impl FilePreview {
    /// How many valid entries the file has (every list but `invalid` and `conflicts`).
    pub fn records(&self) -> usize {
        self.new.len()
            + self.newer.len()
            + self.older.len()
            + self.identical.len()
            + self.superseded.len()
    }
}

/// The same unit and task with different status or note in two or more files of one import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileClash {
    pub unit: String,
    pub task: String,
    /// (index of the file in the import, its entry), in file order.
    pub versions: Vec<(usize, Entry)>,
    /// The index of the file whose entry wins.
    pub winner: usize,
}

/// What importing some files would do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Preview {
    pub files: Vec<FilePreview>,
    pub clashes: Vec<FileClash>,
    /// Over all files: how many (unit, task) would be added, and how many changed.
    pub added: usize,
    pub updated: usize,
    /// Invalid entries over all files.
    pub invalid: usize,
}

impl Preview {
    /// Whether the import would change anything.
    pub fn changes(&self) -> bool {
        self.added + self.updated > 0
    }
}

/// The winning version of a unit and task by the merge rule: the greatest entry, from the
/// last of the files where it is (entries that compare equal are the same entry).
fn winner<'e>(versions: &[(usize, &'e Entry)], now: Timestamp) -> (usize, &'e Entry) {
    let greatest = versions.iter().max_by(|a, b| cmp_entries(a.1, b.1, now));
    *greatest.expect("every unit and task has a version")
}

/// What importing `files` into `current` at `now` (the clock the merge rule uses: a stored
/// entry from the future loses to any file entry) would do; changes nothing.
pub fn preview(current: &Checklists, files: &[ParsedFile], now: Timestamp) -> Preview {
    // Every file's version, per unit and task, in file order.
    let mut versions: BTreeMap<(&str, &str), Vec<(usize, &Entry)>> = BTreeMap::new();
    for (fi, file) in files.iter().enumerate() {
        for fe in &file.entries {
            let key = (fe.unit.as_str(), fe.task.as_str());
            versions.entry(key).or_default().push((fi, &fe.entry));
        }
    }

    let mut out_files = Vec::with_capacity(files.len());
    for (fi, file) in files.iter().enumerate() {
        let mut fp = FilePreview {
            file_name: file.file_name.clone(),
            source: file.source,
            exported_at: file.exported_at,
            units: file.units(),
            new: Vec::new(),
            newer: Vec::new(),
            older: Vec::new(),
            identical: Vec::new(),
            superseded: Vec::new(),
            invalid: file.invalid.clone(),
            repaired: file.repaired,
            conflicts: Vec::new(),
        };
        for fe in &file.entries {
            let current = current.get(&fe.unit, &fe.task);
            let item = PreviewItem {
                index: fe.index,
                unit: fe.unit.clone(),
                task: fe.task.clone(),
                incoming: fe.entry.clone(),
                current: current.cloned(),
            };
            if let Some(cur) = current {
                if file.source.same_time(cur, &fe.entry) && !cur.same_value(&fe.entry) {
                    fp.conflicts.push(Conflict {
                        unit: fe.unit.clone(),
                        task: fe.task.clone(),
                        current: cur.clone(),
                        incoming: fe.entry.clone(),
                        incoming_wins: cmp_entries(&fe.entry, cur, now) == Ordering::Greater,
                    });
                }
            }
            let beats_current =
                current.is_none_or(|cur| cmp_entries(&fe.entry, cur, now) == Ordering::Greater);
            let (won_in, overall) = winner(&versions[&(fe.unit.as_str(), fe.task.as_str())], now);
            let list = match current {
                Some(cur) if file.source.same_entry(cur, &fe.entry) => &mut fp.identical,
                Some(_) if !beats_current => &mut fp.older,
                // The same record as in another file that wins (the same file sent twice, a
                // CSV beside the state file it was exported with: to the minute).
                _ if won_in != fi && file.source.same_entry(overall, &fe.entry) => {
                    &mut fp.identical
                }
                _ if cmp_entries(&fe.entry, overall, now) == Ordering::Less => &mut fp.superseded,
                None => &mut fp.new,
                Some(_) => &mut fp.newer,
            };
            list.push(item);
        }
        out_files.push(fp);
    }

    let clashes = versions
        .iter()
        .filter(|(_, vs)| {
            let in_several_files = vs.iter().any(|(fi, _)| *fi != vs[0].0);
            in_several_files && vs.iter().any(|(_, e)| !e.same_value(vs[0].1))
        })
        .map(|((unit, task), vs)| FileClash {
            unit: unit.to_string(),
            task: task.to_string(),
            versions: vs.iter().map(|&(fi, e)| (fi, e.clone())).collect(),
            winner: winner(vs, now).0,
        })
        .collect();

    let mut added = 0;
    let mut updated = 0;
    for ((unit, task), vs) in &versions {
        let (_, entry) = winner(vs, now);
        match current.get(unit, task) {
            None => added += 1,
            Some(cur) if cmp_entries(entry, cur, now) == Ordering::Greater => updated += 1,
            Some(_) => {}
        }
    }
    Preview {
        files: out_files,
        clashes,
        added,
        updated,
        invalid: files.iter().map(|f| f.invalid.len()).sum(),
    }
}
