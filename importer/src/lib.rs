//! `gk-import`: reads the plain-text form of a 政务公开重点工作任务分解表 (e.g.
//! `data/taian-2017.txt`) and writes the task-table JSON the app ships
//! (`data/tables/taian-2017.json`, schema in `docs/data-format.md`).
//!
//! The reading rules:
//! - [`rows`]: the text into six-cell rows (tab lines, blank-line separators, continuation
//!   lines, the broken first row, the short last row);
//! - [`cells`]: unit cells into names (suffixes, `、` outside parentheses, the typo) and kinds;
//! - [`table`]: merged cells (pillar, section, item, lead, responsible), numbering, units;
//! - [`time`]: time requirements in the task text;
//! - [`vocab`]: what the file carries as data: kinds, groups' scope, time requirements, office.

use std::fmt;

use gk_core::model::Table;

pub mod cells;
mod error;
pub mod rows;
pub mod table;
pub mod time;
pub mod vocab;

pub use error::{ErrorKind, ImportError};

/// The dataset id used when none is given.
pub const DEFAULT_DATASET: &str = "taian-2017";

/// Reads the source text of a task table. Never panics: a text that does not follow the
/// layout gives an [`ImportError`] naming the line.
pub fn import(source: &str, dataset_id: &str) -> Result<Table, ImportError> {
    let doc = rows::split(source)?;
    table::build(doc, dataset_id)
}

/// The task-table JSON: pretty (2-space indent), fields in model order, UTF-8 unescaped, with a
/// trailing newline.
pub fn to_json(table: &Table) -> String {
    let mut json = serde_json::to_string_pretty(table).expect("the model always serializes");
    json.push('\n');
    json
}

/// Counts of a table, for the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    pub tasks: usize,
    pub pillars: usize,
    pub sections: usize,
    /// Distinct numbered items (an item is counted once per section).
    pub items: usize,
    pub units: usize,
}

impl Summary {
    pub fn of(table: &Table) -> Summary {
        let mut items: Vec<(&str, &str)> = table
            .tasks
            .iter()
            .filter(|t| !t.item.is_empty())
            .map(|t| (t.section.as_str(), t.item.as_str()))
            .collect();
        items.sort_unstable();
        items.dedup();
        Summary {
            tasks: table.tasks.len(),
            pillars: table.pillars.len(),
            sections: table.sections.len(),
            items: items.len(),
            units: table.units.len(),
        }
    }
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} tasks, {} pillars, {} sections, {} items, {} units",
            self.tasks, self.pillars, self.sections, self.items, self.units
        )
    }
}

/// The first line where two texts differ (1-based), or `None` when they are equal.
pub fn first_difference(a: &str, b: &str) -> Option<usize> {
    if a == b {
        return None;
    }
    let mut a_lines = a.split('\n');
    let mut b_lines = b.split('\n');
    let mut line = 1;
    loop {
        match (a_lines.next(), b_lines.next()) {
            (Some(x), Some(y)) if x == y => line += 1,
            _ => return Some(line),
        }
    }
}
