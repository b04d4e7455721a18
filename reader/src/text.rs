//! Text in the layout a table copied from Word to plain text takes in some editors: each cell
//! on a line of its own after a tab, a blank line between rows, a line without a tab continuing
//! the cell above. The first block is the header; the rows have the width most blocks have (a
//! row broken by a blank line is gathered until it has it), and the header's first cell spans
//! the columns the header lacks (the hierarchy levels over the task's text).

use crate::grid::{Block, Cell};

/// Whether `text` is in this layout: most lines that hold anything begin with a tab and hold
/// one cell.
pub fn is_cell_per_line(text: &str) -> bool {
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    let cells = lines
        .iter()
        .filter(|l| l.starts_with('\t') && l.matches('\t').count() == 1)
        .count();
    lines.len() >= 3 && cells * 2 > lines.len()
}

/// The paragraphs before the first cell, and the table.
pub fn blocks(text: &str) -> Vec<Block> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut out = Vec::new();
    let mut groups: Vec<Vec<String>> = Vec::new();
    let mut current: Vec<String> = Vec::new();
    let mut blank_before = false;
    for line in text.lines() {
        if let Some(rest) = line.strip_prefix('\t') {
            if blank_before && !current.is_empty() {
                groups.push(std::mem::take(&mut current));
            }
            blank_before = false;
            current.push(rest.trim().to_string());
        } else if line.trim().is_empty() {
            blank_before = true;
        } else if let Some(cell) = current.last_mut() {
            // A continuation line: the cell above's, even across a blank line.
            cell.push('\n');
            cell.push_str(line.trim());
            blank_before = false;
        } else if groups.is_empty() {
            out.push(Block::Paragraph(line.trim().to_string()));
        }
    }
    if !current.is_empty() {
        groups.push(current);
    }
    let mut groups = groups.into_iter();
    let Some(header) = groups.next() else {
        return out;
    };
    let rest: Vec<Vec<String>> = groups.collect();
    let width = most_common_len(&rest).max(header.len());
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    let mut head: Vec<Cell> = header.into_iter().map(Cell::new).collect();
    let missing = width + 1 - head.len();
    if let Some(first) = head.first_mut() {
        first.cols = missing;
    }
    rows.push(head);
    let mut pending: Vec<String> = Vec::new();
    for group in rest {
        if !pending.is_empty() && pending.len() + group.len() > width {
            rows.push(
                std::mem::take(&mut pending)
                    .into_iter()
                    .map(Cell::new)
                    .collect(),
            );
        }
        pending.extend(group);
        if pending.len() >= width {
            rows.push(
                std::mem::take(&mut pending)
                    .into_iter()
                    .map(Cell::new)
                    .collect(),
            );
        }
    }
    if !pending.is_empty() {
        // The last row may lack its trailing blank cells.
        pending.resize(width, String::new());
        rows.push(pending.into_iter().map(Cell::new).collect());
    }
    out.push(Block::Table(rows));
    out
}

fn most_common_len(groups: &[Vec<String>]) -> usize {
    let mut counts = std::collections::BTreeMap::new();
    for g in groups {
        *counts.entry(g.len()).or_insert(0usize) += 1;
    }
    counts
        .into_iter()
        .max_by_key(|&(len, n)| (n, len))
        .map_or(0, |(len, _)| len)
}
