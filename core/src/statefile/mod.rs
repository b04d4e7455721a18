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
mod read;
mod write;

pub use apply::{apply, ImportUndo};
pub use messages::FileError;
pub use parsed::{FileEntry, InvalidEntry, ParsedFile, Source};
pub use preview::{preview, Conflict, FileClash, FilePreview, Preview, PreviewItem};
pub use read::{parse, parse_state_file};
pub use write::{cmp_task_ids, dated_file_name, export, export_file_name};

/// The value of the `format` field.
pub const FORMAT: &str = "gk-checklist";
/// The version this code writes, and the newest it reads.
pub const VERSION: u64 = 1;
/// Files larger than this are refused before being read.
pub const MAX_FILE_BYTES: usize = 5 * 1024 * 1024;

/// The distinct names, in code point order.
fn distinct<'a>(names: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let mut names: Vec<&str> = names.into_iter().collect();
    names.sort();
    names.dedup();
    names
}
