//! What reading a file for import gives, whatever its kind ([`Source`]): the [`ParsedFile`]
//! with its valid [`FileEntry`]s and its [`InvalidEntry`]s, shared by the state file reader
//! ([`super::read`]) and the CSV reader ([`super::csv`]), and the checks both apply to the
//! entries they read: the unit's role in the task and the time ([`check_entries`]), and one
//! entry per unit and task ([`keep_newest`]).

use std::cmp::Ordering;
use std::collections::BTreeMap;
use std::fmt;
use std::sync::Arc;

use super::distinct;
use crate::checklist::Entry;
use crate::merge::{cmp_entries, is_future};
use crate::model::{Table, Task, Unit};
use crate::timestamp::Timestamp;
use crate::units::Groups;

/// A valid entry of a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileEntry {
    /// Its position in the file's `entries`, from 0.
    pub index: usize,
    pub unit: String,
    pub task: String,
    pub entry: Entry,
}

/// An entry of a file that is left out, and why. The rest of the file is still imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidEntry {
    /// Its position in the file's `entries` (a CSV's data rows), from 0 (shown to users as
    /// 第 index+1 条).
    pub index: usize,
    /// For a CSV, its row as a spreadsheet numbers it (shown as 第 row 行).
    pub row: Option<usize>,
    /// The unit and task it names, when they are strings.
    pub unit: Option<String>,
    pub task: Option<String>,
    /// What is wrong, in Chinese; several problems are joined by `；`.
    pub reason: String,
}

impl fmt::Display for InvalidEntry {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}：{}", place(self.index, self.row), self.reason)
    }
}

/// How many invalid entries the import preview lists; the rest are counted, and all of them
/// can be downloaded ([`invalid_csv`]). A file may hold hundreds of thousands of them: listing
/// every one froze the page (issue 23).
pub const INVALID_SHOWN: usize = 20;

/// Every invalid entry of a file as CSV for Excel (byte order mark, CRLF; see [`crate::csv`]):
/// 文件, 位置 (第 N 条 or 第 N 行), 单位, 任务, 原因. What comes from the file is written
/// so that a spreadsheet never runs it as a formula.
pub fn invalid_csv(file_name: &str, invalid: &[InvalidEntry]) -> String {
    let mut out = String::with_capacity(64 + invalid.len() * 96);
    out.push(crate::csv::BOM);
    crate::csv::row(&mut out, &["文件", "位置", "单位", "任务", "原因"]);
    let file = crate::csv::safe_note(file_name);
    for e in invalid {
        let unit = crate::csv::safe_note(e.unit.as_deref().unwrap_or(""));
        let task = crate::csv::safe_note(e.task.as_deref().unwrap_or(""));
        let reason = crate::csv::safe_note(&e.reason);
        crate::csv::row(
            &mut out,
            &[&file, &place(e.index, e.row), &unit, &task, &reason],
        );
    }
    out
}

/// An entry's problems, written into one reason as they are found (joined by `；`): one
/// allocation for a bad entry, none for a good one. A file may hold hundreds of thousands of
/// bad entries (issue 23).
#[derive(Default)]
pub(super) struct Reasons(String);

impl Reasons {
    pub fn push(&mut self, problem: impl fmt::Display) {
        use std::fmt::Write;
        if self.0.is_empty() {
            // Room for a reason or two, so that writing it piece by piece does not grow it.
            self.0.reserve(128);
        } else {
            self.0.push('；');
        }
        let _ = write!(self.0, "{problem}");
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    /// The reason, as [`InvalidEntry::reason`] holds it.
    pub fn into_reason(self) -> String {
        self.0
    }
}

/// What users call the place of an entry: 第 row 行 in a CSV (`row` as a spreadsheet numbers
/// it), else 第 index+1 条.
fn place(index: usize, row: Option<usize>) -> String {
    match row {
        Some(row) => format!("第 {row} 行"),
        None => format!("第 {} 条", index + 1),
    }
}

/// What kind of file an import read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// A state file (`gk-checklist` JSON), what 导出报送文件 writes.
    StateFile,
    /// The task table's CSV export (导出 CSV) of one unit's view. Its times are to the minute.
    TableCsv,
}

impl Source {
    /// What the file is, for users.
    pub fn label(self) -> &'static str {
        match self {
            Source::StateFile => "报送文件",
            Source::TableCsv => "任务表导出的 CSV",
        }
    }

    /// The row of the entry at `index` as a spreadsheet numbers it (the header is row 1), for
    /// a CSV.
    pub fn row(self, index: usize) -> Option<usize> {
        match self {
            Source::StateFile => None,
            Source::TableCsv => Some(index + 2),
        }
    }

    /// What users call the place of the entry at `index`: 第 3 条 or 第 4 行.
    fn place(self, index: usize) -> String {
        place(index, self.row(index))
    }

    /// Whether `incoming`, an entry of a file of this kind, is `current` as the file holds it,
    /// i.e. whether importing it is a no-op worth calling 相同.
    ///
    /// A state file holds exact times: the same entry, time included. A CSV writes times to the
    /// minute, so an entry exported to it comes back with its time cut to the minute, earlier
    /// than the original by up to 59.999 s: the same status and note at `current`'s time cut to
    /// the minute is the same entry. The merge rule still compares the exact times, so such an
    /// entry never replaces `current` (the cut time is never later), and the stored time keeps
    /// its seconds. Likewise a CSV entry is never newer than the entry it was exported from only
    /// by rounding: the cut goes back in time, never forward.
    pub fn same_entry(self, current: &Entry, incoming: &Entry) -> bool {
        current.same_value(incoming) && self.same_time(current, incoming)
    }

    /// Whether the two entries have the same time at the precision of a file of this kind
    /// (for a CSV: `current`'s time cut to the minute is `incoming`'s).
    pub fn same_time(self, current: &Entry, incoming: &Entry) -> bool {
        match self {
            Source::StateFile => current.updated_at == incoming.updated_at,
            Source::TableCsv => current.updated_at.to_minute() == incoming.updated_at,
        }
    }
}

/// A file read for import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedFile {
    pub file_name: String,
    /// A state file or a CSV export.
    pub source: Source,
    /// The task table's id (for a CSV, the table it was matched against).
    pub dataset: String,
    /// The state file's format version; 0 for a CSV.
    pub version: u64,
    /// When it was exported; `None` when the file does not say.
    pub exported_at: Option<Timestamp>,
    /// Its valid entries in file order, one per unit and task.
    pub entries: Vec<FileEntry>,
    /// Its entries left out, in file order. Shared, not copied, by the preview and the page:
    /// a file may hold hundreds of thousands of them.
    pub invalid: Arc<Vec<InvalidEntry>>,
    /// How many lone surrogate escapes (half a character) were read as �
    /// ([`crate::syntax::repair_lone_surrogates`]); 0 for a CSV.
    pub repaired: usize,
}

impl ParsedFile {
    /// The units the file has entries for, in code point order.
    pub fn units(&self) -> Vec<String> {
        distinct(self.entries.iter().map(|e| e.unit.as_str()))
            .into_iter()
            .map(str::to_string)
            .collect()
    }
}

/// The table's tasks by id and units by name, looked up once per entry of a file that may
/// hold hundreds of thousands (`Table::task` is a linear search).
pub(super) struct Names<'a> {
    tasks: BTreeMap<&'a str, &'a Task>,
    units: BTreeMap<&'a str, &'a Unit>,
}

impl<'a> Names<'a> {
    pub fn new(table: &'a Table) -> Self {
        Names {
            tasks: table.tasks.iter().map(|t| (t.id.as_str(), t)).collect(),
            units: table.units.iter().map(|u| (u.name.as_str(), u)).collect(),
        }
    }
    pub fn task(&self, id: &str) -> Option<&'a Task> {
        self.tasks.get(id).copied()
    }
    pub fn unit(&self, name: &str) -> Option<&'a Unit> {
        self.units.get(name).copied()
    }
}

/// Of the entries of a file that are well formed (in file order), those that can be: the unit
/// has a role in the task (lead or responsible, by name or through a group), and the time is
/// from the future neither at the file's export time `exported_at` (when it has one) nor at
/// `now` ([`is_future`]: more than a day after it). The others are added to `invalid`, with
/// every reason.
///
/// The export time gets the same day as the importing clock: the exporting browser may hold
/// entries a little ahead of its own clock (merged from a computer whose clock is ahead, or an
/// edit stamped just after one), and writes them with its own time as the export time; no
/// edit there gets a time more than a day ahead of it.
pub(super) fn check_entries(
    found: Vec<FileEntry>,
    source: Source,
    table: &Table,
    exported_at: Option<Timestamp>,
    now: Timestamp,
    invalid: &mut Vec<InvalidEntry>,
) -> Vec<FileEntry> {
    let groups = Groups::new(table);
    let names = Names::new(table);
    let mut kept = Vec::with_capacity(found.len());
    for fe in found {
        let mut problems = Reasons::default();
        let concerns = names
            .task(&fe.task)
            .is_some_and(|task| groups.assignment(task, &fe.unit).is_some());
        if !concerns {
            problems.push(format_args!(
                "任务 {} 不属于{}（它不是该任务的牵头单位或责任单位）",
                fe.task, fe.unit
            ));
        }
        let at = fe.entry.updated_at;
        match exported_at {
            Some(exported) if is_future(at, exported) => problems.push(format_args!(
                "更新时间“{at}”比文件的导出时间“{exported}”晚一天以上"
            )),
            _ if is_future(at, now) => problems.push(format_args!(
                "更新时间“{at}”在未来（比本机当前时间晚一天以上）"
            )),
            _ => {}
        }
        if problems.is_empty() {
            kept.push(fe);
        } else {
            invalid.push(InvalidEntry {
                index: fe.index,
                row: source.row(fe.index),
                unit: Some(fe.unit),
                task: Some(fe.task),
                reason: problems.into_reason(),
            });
        }
    }
    invalid.sort_by_key(|e| e.index);
    kept
}

/// Of the valid entries of a file (in file order), one per unit and task: of two for the same
/// unit and task, the one the merge rule (at `now`) prefers is kept, in the place of the first,
/// and the other is added to `invalid`. Both lists come back in file order.
pub(super) fn keep_newest(
    found: Vec<FileEntry>,
    source: Source,
    invalid: &mut Vec<InvalidEntry>,
    now: Timestamp,
) -> Vec<FileEntry> {
    // (unit, task) → position in `entries`.
    let mut seen: BTreeMap<(String, String), usize> = BTreeMap::new();
    let mut entries: Vec<FileEntry> = Vec::new();
    for fe in found {
        let key = (fe.unit.clone(), fe.task.clone());
        match seen.get(&key) {
            None => {
                seen.insert(key, entries.len());
                entries.push(fe);
            }
            Some(&at) => {
                let kept = &entries[at];
                let (winner, loser) =
                    if cmp_entries(&fe.entry, &kept.entry, now) == Ordering::Greater {
                        (fe, kept.clone())
                    } else {
                        (kept.clone(), fe)
                    };
                invalid.push(InvalidEntry {
                    index: loser.index,
                    row: source.row(loser.index),
                    unit: Some(loser.unit),
                    task: Some(loser.task),
                    reason: format!(
                        "与{}是同一单位的同一任务，只保留更新时间最新的一条",
                        source.place(winner.index)
                    ),
                });
                // The winner takes the slot of the first occurrence; file order of the kept
                // entries follows first occurrences.
                entries[at] = winner;
            }
        }
    }
    invalid.sort_by_key(|e| e.index);
    entries.sort_by_key(|e| e.index);
    entries
}
