//! The table as the page shows it: a flat list of rows in source order, with a pillar heading,
//! a section heading and an item heading wherever the next shown task starts a new one.
//! The page keeps the rows of every task and shows those of the shown tasks ([`visible`]).

use crate::model::{Pillar, Table};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    /// Index into `Table::pillars`.
    Pillar(usize),
    /// Index into `Table::sections`.
    Section(usize),
    /// An item heading: index of the first shown task under it (the heading text is its `item`).
    Item(usize),
    /// Index into `Table::tasks`.
    Task(usize),
}

impl Row {
    /// A key that names the row whatever the filter (an item heading by its section and text,
    /// not by the task it stands above), to compare layouts.
    pub fn key(self, table: &Table) -> String {
        match self {
            Row::Pillar(p) => format!("p{}", table.pillars[p].id),
            Row::Section(s) => format!("s{}", table.sections[s].id),
            Row::Item(t) => {
                let task = &table.tasks[t];
                format!("i{}:{}", task.section, task.item)
            }
            Row::Task(t) => format!("t{}", table.tasks[t].id),
        }
    }
}

/// The rows for the shown tasks, given as indices into `Table::tasks` in ascending order.
pub fn rows(table: &Table, shown: &[usize]) -> Vec<Row> {
    let mut out = Vec::with_capacity(shown.len() + shown.len() / 2);
    let (mut pillar, mut section, mut item): (Option<u8>, Option<&str>, Option<&str>) =
        (None, None, None);
    for &t in shown {
        let task = &table.tasks[t];
        if pillar != Some(task.pillar) {
            pillar = Some(task.pillar);
            section = None;
            if let Some(p) = table.pillars.iter().position(|p| p.id == task.pillar) {
                out.push(Row::Pillar(p));
            }
        }
        if section != Some(task.section.as_str()) {
            section = Some(task.section.as_str());
            item = None;
            if let Some(s) = table.sections.iter().position(|s| s.id == task.section) {
                out.push(Row::Section(s));
            }
        }
        if !task.item.is_empty() && item != Some(task.item.as_str()) {
            out.push(Row::Item(t));
        }
        item = Some(task.item.as_str());
        out.push(Row::Task(t));
    }
    out
}

/// Which of `all`, the rows of every task (`rows(table, &[0, 1, …])`), a view of the `shown`
/// tasks has: exactly the rows of `rows(table, shown)`, each heading found as the last heading
/// of its kind above its first shown task. For a view that keeps every row in the page and
/// hides the others.
pub fn visible(table: &Table, all: &[Row], shown: &[usize]) -> Vec<bool> {
    // For each task: its row, and the last pillar, section and item heading above it.
    let mut at = vec![[0usize; 4]; table.tasks.len()];
    let mut last = [0usize; 3];
    for (k, row) in all.iter().enumerate() {
        match *row {
            Row::Pillar(_) => last[0] = k,
            Row::Section(_) => last[1] = k,
            Row::Item(_) => last[2] = k,
            Row::Task(t) => at[t] = [k, last[0], last[1], last[2]],
        }
    }
    let mut out = vec![false; all.len()];
    let (mut pillar, mut section) = (false, false);
    for row in rows(table, shown) {
        match row {
            Row::Pillar(_) => pillar = true,
            Row::Section(_) => section = true,
            Row::Item(t) => out[at[t][3]] = true,
            Row::Task(t) => {
                let [own, p, s, _] = at[t];
                out[own] = true;
                out[p] |= std::mem::take(&mut pillar);
                out[s] |= std::mem::take(&mut section);
            }
        }
    }
    out
}

/// 1 → 一, … 10 → 十, for the pillar headings, as in the source document ("" for others).
pub fn chinese_numeral(n: u8) -> &'static str {
    [
        "", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
    ]
    .get(n as usize)
    .copied()
    .unwrap_or("")
}

/// A pillar's heading as the source document writes it: 一、以政务公开助力稳增长.
pub fn pillar_heading(p: &Pillar) -> String {
    format!("{}、{}", chinese_numeral(p.id), p.name)
}
