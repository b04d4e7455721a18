//! Workloads for the benchmark (`make bench`, `scripts/bench.sh`): a synthetic table of many
//! tasks made from the real one, and the import and merge of many units' state files.
//!
//! Nothing here is used by the app as shipped: the app builds the synthetic table only with
//! its `synthetic-10k` feature (bench builds), and link-time optimisation leaves this module
//! out of the release wasm.

use crate::checklist::{Checklists, Entry};
use crate::filter::Index;
use crate::merge::merge_into;
use crate::model::Table;
use crate::statefile::{self, ParsedFile};
use crate::status::Status;
use crate::timestamp::Timestamp;

/// A table of `n` tasks made from `real` by repeating its tasks: the same pillars, sections
/// and units, the tasks of each section kept together and in order (the task list is
/// section by section), copy `k > 0` of task `P.S.N` numbered `P.S.(N + 1000·k)` and its item
/// heading marked `（k+1）`, so that ids and heading keys stay unique. The first copy is the
/// real table; copies are added section by section until there are `n` tasks.
pub fn synthetic_table(real: &Table, n: usize) -> Table {
    let per_copy = real.tasks.len();
    let copies = n.div_ceil(per_copy.max(1));
    // The runs of consecutive tasks of one section, in table order.
    let mut runs: Vec<(usize, usize)> = Vec::new();
    for (i, task) in real.tasks.iter().enumerate() {
        match runs.last_mut() {
            Some((_, end)) if real.tasks[*end - 1].section == task.section => *end = i + 1,
            _ => runs.push((i, i + 1)),
        }
    }
    let mut tasks = Vec::with_capacity(n);
    for &(start, end) in &runs {
        for k in 0..copies {
            for (j, task) in real.tasks.iter().enumerate().take(end).skip(start) {
                if k * per_copy + j >= n {
                    continue;
                }
                let mut t = task.clone();
                if k > 0 {
                    let number: usize = task
                        .id
                        .rsplit('.')
                        .next()
                        .and_then(|s| s.parse().ok())
                        .unwrap_or(j);
                    t.id = format!("{}.{}", task.section, number + 1000 * k);
                    if !t.item.is_empty() {
                        t.item = format!("{}（{}）", t.item, k + 1);
                    }
                }
                tasks.push(t);
            }
        }
    }
    Table {
        tasks,
        ..real.clone()
    }
}

const NOTES: [&str; 4] = [
    "",
    "已在政府网站“政务公开”专栏发布",
    "正在起草解读材料，预计下月公开",
    "本单位无此项职能",
];

/// 08:00 China time on `month_day` (`MM-DD`) of the table's year.
fn in_year(table: &Table, month_day: &str) -> Timestamp {
    let text = format!("{:04}-{month_day}T08:00:00+08:00", table.dataset.year);
    Timestamp::parse(&text).expect("a valid timestamp")
}

/// `files` state files (name, text) of up to `entries` entries each, as units export them: file
/// `i` is unit `i` of the table's pickable units (a file beyond their number is a later export
/// of the same unit), with an entry for each of the first `entries` of the unit's own tasks
/// (those it leads or is responsible for: an entry for another task is invalid on import),
/// statuses and notes varied, stamped in June of the table's year.
pub fn state_files(table: &Table, files: usize, entries: usize) -> Vec<(String, String)> {
    let index = Index::new(table);
    let units = index.units();
    let june = in_year(table, "06-01");
    (0..files)
        .map(|i| {
            let unit = units[i % units.len()].as_str();
            let mut cl = Checklists::new();
            for (j, t) in index.tasks_of(unit).into_iter().take(entries).enumerate() {
                let task = &table.tasks[t].id;
                let entry = Entry::new(
                    Status::ALL[(i + j) % 4],
                    NOTES[(i * 7 + j) % 4],
                    june.plus_millis(((i * 1000 + j) * 60_000) as i64),
                );
                cl.put(unit, task, entry);
            }
            let now = june.plus_millis(((i + 1) * 86_400_000) as i64);
            let name = statefile::export_file_name(&table.dataset.id, &[unit], now);
            (
                name,
                statefile::export(&cl, &table.dataset.id, &[unit], now),
            )
        })
        .collect()
}

/// The checklists a central office holds before the import: older entries for half of the
/// tasks of every other unit of the files, so that the import adds, updates and leaves
/// entries unchanged.
pub fn existing_checklists(table: &Table) -> Checklists {
    let index = Index::new(table);
    let units = index.units();
    let may = in_year(table, "05-02");
    let mut cl = Checklists::new();
    for unit in units.iter().step_by(2) {
        for task in table.tasks.iter().step_by(2) {
            cl.put(unit, &task.id, Entry::new(Status::Doing, "", may));
        }
    }
    cl
}

/// Times of one import of many files, in milliseconds, measured by `clock` (a millisecond
/// clock: `performance.now()` in the browser, `Instant` natively).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MergeTimes {
    /// Reading and checking every file (`statefile::parse`).
    pub parse: f64,
    /// The preview the app shows before applying (`statefile::preview`).
    pub preview: f64,
    /// Applying the import (`statefile::apply`: merge by the rule, undo kept).
    pub apply: f64,
    /// Merging the files' checklists with `merge::merge_into`, one file after another.
    pub merge_into: f64,
    /// The entries read, over all files.
    pub entries: usize,
    /// Entries of the checklists after the import.
    pub result_entries: usize,
}

impl MergeTimes {
    /// What the user waits for in the app: reading, previewing and applying.
    pub fn import_total(&self) -> f64 {
        self.parse + self.preview + self.apply
    }

    /// Reading every file and merging it in with `merge_into`.
    pub fn parse_and_merge(&self) -> f64 {
        self.parse + self.merge_into
    }
}

/// Imports `files` into `current` as the app does (parse, preview, apply) and, separately,
/// merges the parsed files into `current` with `merge_into`; returns the times. Panics when a
/// file does not read (generated files always do).
pub fn import_and_merge(
    table: &Table,
    current: &Checklists,
    files: &[(String, String)],
    clock: impl Fn() -> f64,
) -> MergeTimes {
    // After every generated time (June of the table's year).
    let now = in_year(table, "12-31");
    let t0 = clock();
    let parsed: Vec<ParsedFile> = files
        .iter()
        .map(|(name, text)| {
            statefile::parse(text, name, table, now).expect("a generated state file reads")
        })
        .collect();
    let t1 = clock();
    let preview = statefile::preview(current, &parsed, now);
    let t2 = clock();
    let (next, undo) = statefile::apply(current, &parsed, now);
    let t3 = clock();
    let mut merged = current.clone();
    let t4 = clock();
    for file in &parsed {
        let mut incoming = Checklists::new();
        for fe in &file.entries {
            incoming.put(&fe.unit, &fe.task, fe.entry.clone());
        }
        merge_into(&mut merged, &incoming, now);
    }
    let t5 = clock();
    debug_assert_eq!(merged, next);
    std::hint::black_box((&preview, &undo));
    MergeTimes {
        parse: t1 - t0,
        preview: t2 - t1,
        apply: t3 - t2,
        merge_into: t5 - t4,
        entries: parsed.iter().map(|p| p.entries.len()).sum(),
        result_entries: next.entry_count(),
    }
}
