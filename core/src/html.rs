//! The task table's rows as HTML text. The page builds every row of the table as one string and
//! hands it to the browser's parser at once (src/table/rows.rs): much faster than creating the
//! few thousand elements one call at a time from wasm. Only the parts that change later (the
//! unit's controls, the search marks, `hidden`, `data-light`, a heading's `colspan`) are touched
//! afterwards, by the page.
//!
//! Everything that comes from the table file goes through [`escape`]: a table is data, and its
//! text is never markup.

use crate::layout::{pillar_heading, Row};
use crate::model::Table;
use crate::search;
use crate::supervision::Light;

/// Appends `s` with `&`, `<`, `>`, `"` and `'` escaped (safe in text and in quoted attributes).
pub fn escape(out: &mut String, s: &str) {
    let mut rest = s;
    while let Some(i) = rest.find(['&', '<', '>', '"', '\'']) {
        out.push_str(&rest[..i]);
        out.push_str(match rest.as_bytes()[i] {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            _ => "&#39;",
        });
        rest = &rest[i + 1..];
    }
    out.push_str(rest);
}

/// Appends `text`, escaped, with every match of `query` in `<mark>` ([`search::marked`]).
/// Returns whether there was a match.
pub fn marked(out: &mut String, text: &str, query: &str) -> bool {
    let mut hit = false;
    for (piece, is_hit) in search::marked(text, query) {
        if is_hit {
            hit = true;
            out.push_str("<mark>");
            escape(out, piece);
            out.push_str("</mark>");
        } else {
            escape(out, piece);
        }
    }
    hit
}

/// What a row shows besides the table's text.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct RowState<'a> {
    /// Left out by the filter.
    pub hidden: bool,
    /// The chosen unit's light of a task row.
    pub light: Option<Light>,
    /// A unit is chosen: headings span the 本单位 column too.
    pub has_unit: bool,
    /// The search term.
    pub query: &'a str,
}

/// A heading's `colspan`: the screen's columns (本单位 only with a unit chosen).
pub fn heading_span(has_unit: bool) -> &'static str {
    if has_unit {
        "5"
    } else {
        "4"
    }
}

/// The inside of a heading row's `<h2>`/`<h3>`/`<h4>`: its text with the search marks (a pillar's
/// heading is never marked). `None` for a task row.
pub fn heading_text(out: &mut String, table: &Table, row: Row, query: &str) -> Option<bool> {
    match row {
        Row::Pillar(p) => {
            escape(out, &pillar_heading(&table.pillars[p]));
            Some(false)
        }
        Row::Section(s) => Some(marked(out, &table.sections[s].name, query)),
        Row::Item(t) => Some(marked(out, &table.tasks[t].item, query)),
        Row::Task(_) => None,
    }
}

/// The inside of a task's 工作任务及要求 cell: a `<p>` per line of its text.
pub fn task_text(out: &mut String, text: &str, query: &str) -> bool {
    let mut hit = false;
    for line in text.split('\n') {
        out.push_str("<p>");
        hit |= marked(out, line, query);
        out.push_str("</p>");
    }
    hit
}

/// The inside of a unit cell: a list whose names carry `data-unit` (by which one CSS rule marks
/// the chosen unit), or a dash for none. Whether a name matched the search.
pub fn unit_cell(out: &mut String, names: &[String], query: &str) -> bool {
    if names.is_empty() {
        out.push_str(r#"<span class="none">—</span>"#);
        return false;
    }
    out.push_str(r#"<ul class="unit-list">"#);
    let hit = unit_items(out, names, query);
    out.push_str("</ul>");
    hit
}

/// The `<li>` of each name of a unit list.
pub fn unit_items(out: &mut String, names: &[String], query: &str) -> bool {
    let mut hit = false;
    for n in names {
        out.push_str(r#"<li data-unit=""#);
        escape(out, n);
        out.push_str(r#"">"#);
        hit |= marked(out, n, query);
        out.push_str("</li>");
    }
    hit
}

/// One row of the task table: a heading across the table (with the empty print-only cell of the
/// 备注 column), or a task with its 本单位 and print-only 备注 cells, empty (the page fills them
/// for the chosen unit's tasks). Returns whether the search term matched in it.
pub fn row(out: &mut String, table: &Table, row: Row, s: RowState) -> bool {
    let hidden = if s.hidden { " hidden" } else { "" };
    if let Row::Task(i) = row {
        let task = &table.tasks[i];
        out.push_str(r#"<tr class="task-row" data-task-id=""#);
        escape(out, &task.id);
        out.push('"');
        if let Some(l) = s.light {
            out.push_str(r#" data-light=""#);
            out.push_str(l.key());
            out.push('"');
        }
        out.push_str(hidden);
        out.push_str(r#"><td class="col-id" data-label="编号">"#);
        escape(out, &task.id);
        out.push_str(r#"</td><td class="col-text" data-label="工作任务及要求">"#);
        let mut hit = task_text(out, &task.text, s.query);
        out.push_str(r#"</td><td class="col-units" data-label="牵头单位">"#);
        hit |= unit_cell(out, &task.lead, s.query);
        out.push_str(r#"</td><td class="col-units" data-label="责任单位">"#);
        hit |= unit_cell(out, &task.responsible, s.query);
        out.push_str(
            r#"</td><td class="col-mine" data-label="本单位"></td><td class="print-only col-note"></td></tr>"#,
        );
        return hit;
    }
    let (class, tag) = match row {
        Row::Pillar(_) => ("pillar-row", "h2"),
        Row::Section(_) => ("section-row", "h3"),
        _ => ("item-row", "h4"),
    };
    out.push_str(&format!(
        r#"<tr class="{class}"{hidden}><th colspan="{}" scope="colgroup"><{tag}>"#,
        heading_span(s.has_unit)
    ));
    let hit = heading_text(out, table, row, s.query).unwrap_or(false);
    out.push_str(&format!(
        r#"</{tag}></th><td class="print-only fill"></td></tr>"#
    ));
    hit
}
