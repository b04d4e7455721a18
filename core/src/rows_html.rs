//! The task table's rows as HTML, for the page to put into its `<tbody>` in one go.
//!
//! Why a string: building each row as live view nodes costs the page a few kilobytes of wasm
//! per kind of node and a call into the browser per node; the browser parses one string of
//! rows much faster, and this code is plain Rust, tested here. Every text is escaped
//! ([`escape`]): notes are typed by users and files come from other units.
//!
//! The markup is the page's (style.css and print.css read it): a heading row per pillar,
//! section and item, a row per task with its `data-task-id`, and with a unit chosen, the unit's
//! role, its status and note controls (in a `.checklist` with `data-status`) and a print-only
//! note cell.

use crate::checklist::Checklists;
use crate::filter::Index;
use crate::layout::Row;
use crate::model::Table;
use crate::search;
use crate::status::Status;
use crate::units::Role;

/// What the rows show besides the table: the chosen unit (its role, status and note per task)
/// and the search term (highlighted).
pub struct RowsView<'a> {
    pub table: &'a Table,
    pub index: &'a Index,
    pub unit: Option<&'a str>,
    pub query: &'a str,
    pub checklists: &'a Checklists,
    /// Without a unit: give every task row the unit's two cells all the same, empty, for the
    /// page to fill with [`mine_html`] when a unit is chosen (the page hides them until then).
    pub empty_unit_cells: bool,
}

/// The rows, in order, as HTML.
pub fn rows_html(v: &RowsView, rows: &[Row]) -> String {
    let mut out = String::with_capacity(rows.len() * 600);
    for &row in rows {
        row_html(&mut out, v, row);
    }
    out
}

fn row_html(out: &mut String, v: &RowsView, row: Row) {
    let t = v.table;
    match row {
        Row::Pillar(p) => {
            let p = &t.pillars[p];
            heading(out, v, "pillar-row", "h2", |out| {
                out.push_str(chinese_numeral(p.id));
                out.push('、');
                escape_into(out, &p.name);
            });
        }
        Row::Section(s) => heading(out, v, "section-row", "h3", |out| {
            highlighted(out, &t.sections[s].name, v.query)
        }),
        Row::Item(i) => heading(out, v, "item-row", "h4", |out| {
            highlighted(out, &t.tasks[i].item, v.query)
        }),
        Row::Task(i) => task_row(out, v, i),
    }
}

/// A heading row across the table. The empty print-only cell fills the 备注 column, which only
/// print has (so the heading's colspan is the screen's column count).
fn heading(out: &mut String, v: &RowsView, class: &str, tag: &str, text: impl FnOnce(&mut String)) {
    let span = if v.unit.is_some() { "5" } else { "4" };
    for part in [
        "<tr class=\"",
        class,
        "\"><th colspan=\"",
        span,
        "\" scope=\"colgroup\"><",
        tag,
        ">",
    ] {
        out.push_str(part);
    }
    text(out);
    for part in ["</", tag, "></th><td class=\"print-only fill\"></td></tr>"] {
        out.push_str(part);
    }
}

fn task_row(out: &mut String, v: &RowsView, i: usize) {
    let task = &v.table.tasks[i];
    out.push_str("<tr class=\"task-row\" data-task-id=\"");
    escape_into(out, &task.id);
    out.push_str("\"><td class=\"col-id\" data-label=\"编号\">");
    escape_into(out, &task.id);
    out.push_str("</td><td class=\"col-text\" data-label=\"工作任务及要求\">");
    for p in task.text.split('\n') {
        out.push_str("<p>");
        highlighted(out, p, v.query);
        out.push_str("</p>");
    }
    out.push_str("</td><td class=\"col-units\" data-label=\"牵头单位\">");
    units(out, &task.lead, v.query);
    out.push_str("</td><td class=\"col-units\" data-label=\"责任单位\">");
    units(out, &task.responsible, v.query);
    out.push_str("</td>");
    if v.unit.is_some() || v.empty_unit_cells {
        out.push_str("<td class=\"col-mine\" data-label=\"本单位\">");
        mine_into(out, v, i);
        out.push_str("</td><td class=\"print-only col-note\">");
        escape_into(out, note_of(v, i));
        out.push_str("</td>");
    }
    out.push_str("</tr>");
}

/// What the 本单位 cell of task `i` holds for the chosen unit: the unit's role in the task, and
/// its status and note controls. Nothing without a unit.
pub fn mine_html(v: &RowsView, i: usize) -> String {
    let mut out = String::with_capacity(900);
    mine_into(&mut out, v, i);
    out
}

fn mine_into(out: &mut String, v: &RowsView, i: usize) {
    let Some(unit) = v.unit else {
        return;
    };
    role_into(out, v, i);
    let id = &v.table.tasks[i].id;
    checklist_controls(out, v.checklists.status_of(unit, id), note_of(v, i));
}

/// The chosen unit's role in task `i`, e.g. 责任 · 市政府各部门, as a badge (an empty one when
/// the task does not concern the unit).
pub fn role_html(v: &RowsView, i: usize) -> String {
    let mut out = String::new();
    role_into(&mut out, v, i);
    out
}

fn role_into(out: &mut String, v: &RowsView, i: usize) {
    let a = v.unit.and_then(|u| v.index.assignment(i, u));
    out.push_str(match a.as_ref().map(|a| a.role) {
        Some(Role::Lead) => "<span class=\"role role-lead\"",
        Some(Role::Responsible) => "<span class=\"role role-responsible\"",
        None => "<span class=\"role\" hidden",
    });
    if a.as_ref().is_some_and(|a| a.optional()) {
        out.push_str(" title=\"有关部门的任务：与本单位无关时可标记为“不适用”\"");
    }
    out.push('>');
    if let Some(a) = a {
        escape_into(out, &a.label());
    }
    out.push_str("</span>");
}

/// The chosen unit's note for task `i` ("" without a unit).
pub fn note_of<'a>(v: &RowsView<'a>, i: usize) -> &'a str {
    v.unit
        .map_or("", |u| v.checklists.note_of(u, &v.table.tasks[i].id))
}

/// The unit's status and note for a task. The page saves every change (src/rows.rs).
fn checklist_controls(out: &mut String, status: Status, note: &str) {
    out.push_str("<div class=\"checklist\" data-status=\"");
    out.push_str(status.key());
    out.push_str("\"><label class=\"mini\"><span>状态</span><select class=\"status\">");
    for s in Status::ALL {
        out.push_str("<option value=\"");
        out.push_str(s.key());
        out.push_str(if s == status { "\" selected>" } else { "\">" });
        out.push_str(s.label());
        out.push_str("</option>");
    }
    out.push_str(
        "</select></label><label class=\"mini\"><span>备注</span><textarea class=\"note\" \
         rows=\"2\" placeholder=\"如：公开位置、时间或链接\">",
    );
    escape_into(out, note);
    out.push_str("</textarea></label></div>");
}

fn units(out: &mut String, names: &[String], query: &str) {
    if names.is_empty() {
        out.push_str("<span class=\"none\">—</span>");
        return;
    }
    out.push_str("<ul class=\"unit-list\">");
    for n in names {
        out.push_str("<li>");
        highlighted(out, n, query);
        out.push_str("</li>");
    }
    out.push_str("</ul>");
}

/// `text` with every match of the search term in `<mark>`.
fn highlighted(out: &mut String, text: &str, query: &str) {
    let mut pos = 0;
    for r in search::find(text, query) {
        escape_into(out, &text[pos..r.start]);
        out.push_str("<mark>");
        escape_into(out, &text[r.clone()]);
        out.push_str("</mark>");
        pos = r.end;
    }
    escape_into(out, &text[pos..]);
}

/// `text` safe to put into HTML, in an element or a quoted attribute.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(&mut out, text);
    out
}

pub(crate) fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// 1 → 一, … for the pillar headings, as in the source document.
pub fn chinese_numeral(n: u8) -> &'static str {
    [
        "", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
    ]
    .get(n as usize)
    .copied()
    .unwrap_or("")
}
