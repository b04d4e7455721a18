//! The state file units export and the municipal office imports (format `gk-checklist`,
//! documented in `docs/state-file.md`), in one module per job: `write` ([`export`]), `read`
//! ([`parse`]; the task table's CSV export of one unit is read by [`csv`]) into the types of
//! `parsed` ([`ParsedFile`]) that both readers share, `messages` ([`FileError`]), `preview`
//! ([`preview()`]) and `apply` ([`apply()`]). Everything public is re-exported here: callers
//! use `statefile::…`.

mod apply;
pub mod csv;
mod messages;
mod parsed;
mod preview;
mod raw;
mod read;
mod write;

pub use apply::{apply, Change, ImportUndo, KeptReason, Undone};
pub use messages::FileError;
pub use parsed::{invalid_csv, FileEntry, InvalidEntry, ParsedFile, Source, INVALID_SHOWN};
pub use preview::{preview, Conflict, FileClash, FilePreview, Preview, PreviewItem};
pub use read::{parse, parse_state_file};
pub use write::{cmp_task_ids, dated_file_name, export, export_file_name};

/// The value of the `format` field.
pub const FORMAT: &str = "gk-checklist";
/// The version this code writes, and the newest it reads.
pub const VERSION: u64 = 1;
/// The least size limit of an import, whatever the table: 5 MB.
pub const MIN_FILE_LIMIT: usize = 5 * 1024 * 1024;
/// A generous bound on the bytes one entry takes in a state file as the app writes it: the
/// fields, the indent, the unit's name and the task id (well under 512 bytes), and a note of
/// 2,000 characters of 3 bytes each (every character of the Basic Multilingual Plane, Chinese
/// included, is at most 3 bytes in UTF-8).
pub const ENTRY_BYTES_BOUND: usize = 512 + 2000 * 3;

/// The size limit of a file imported into `table`: room for an entry of every unit (not a
/// group) for every task ([`ENTRY_BYTES_BOUND`] each), and never less than
/// [`MIN_FILE_LIMIT`]. What the app exports for the table, all units at once included, is
/// within it. Larger files are refused before being read.
pub fn max_file_bytes(table: &crate::model::Table) -> usize {
    let units = table.units.iter().filter(|u| !u.is_group()).count();
    let entries = units.saturating_mul(table.tasks.len());
    entries
        .saturating_mul(ENTRY_BYTES_BOUND)
        .max(MIN_FILE_LIMIT)
}

/// The distinct names, in code point order.
fn distinct<'a>(names: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let mut names: Vec<&str> = names.into_iter().collect();
    names.sort();
    names.dedup();
    names
}
