//! CSV export of the rows shown: one row per task and unit, for Excel and WPS.
//!
//! UTF-8 with a byte order mark (without it Excel reads UTF-8 as the local code page), CRLF
//! line ends, fields quoted as RFC 4180 says when they hold a comma, a quote or a line break.
//! Line breaks inside a field (the paragraphs of a task's text, a note) are kept as they are.

use crate::checklist::Checklists;
use crate::model::Table;
use crate::timestamp::CHINA_OFFSET_MINUTES;

/// The header row.
pub const HEADER: [&str; 10] = [
    "编号",
    "支柱",
    "分项",
    "工作任务及要求",
    "牵头单位",
    "责任单位",
    "单位",
    "状态",
    "备注",
    "更新时间",
];

/// The byte order mark the text starts with.
pub const BOM: char = '\u{FEFF}';

/// One field, quoted when needed.
fn field(out: &mut String, value: &str) {
    if value.contains([',', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&value.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(value);
    }
}

/// What a cell starts with that a spreadsheet may run as a formula.
pub(crate) const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A note as a spreadsheet cell: a note starting with `=`, `+`, `-`, `@`, a tab or a carriage
/// return gets a leading `'`, so that a spreadsheet shows it as text and never runs it as a
/// formula (notes come from other units' files).
pub(crate) fn safe_note(note: &str) -> String {
    if note.starts_with(FORMULA_STARTS) {
        format!("'{note}")
    } else {
        note.to_string()
    }
}

/// One line: the cells, quoted where needed, and CRLF.
pub(crate) fn row(out: &mut String, cells: &[&str]) {
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        field(out, cell);
    }
    out.push_str("\r\n");
}

/// The CSV text of the given rows: (index into `table.tasks`, the unit shown with it). With a
/// unit, its status (未开始 when it has no entry), note and update time (China time,
/// `YYYY-MM-DD HH:MM`, empty without an entry) fill the last columns; without one, the unit
/// columns are empty. 支柱 is the pillar's full name, 分项 the section's name, unit lists are
/// joined with 、. A task index out of range is skipped.
pub fn csv(table: &Table, rows: &[(usize, Option<&str>)], checklists: &Checklists) -> String {
    let mut out = String::new();
    out.push(BOM);
    row(&mut out, &HEADER);
    for &(index, unit) in rows {
        let Some(task) = table.tasks.get(index) else {
            continue;
        };
        let pillar = table.pillar(task.pillar).map_or("", |p| p.name.as_str());
        let section = table.section(&task.section).map_or("", |s| s.name.as_str());
        let lead = task.lead.join("、");
        let responsible = task.responsible.join("、");
        let (status, note, updated) = match unit {
            None => (String::new(), String::new(), String::new()),
            Some(unit) => match checklists.get(unit, &task.id) {
                Some(e) => (
                    e.status.label().to_string(),
                    safe_note(&e.note),
                    e.updated_at.to_local_display(CHINA_OFFSET_MINUTES),
                ),
                None => (
                    checklists.status_of(unit, &task.id).label().to_string(),
                    String::new(),
                    String::new(),
                ),
            },
        };
        row(
            &mut out,
            &[
                &task.id,
                pillar,
                section,
                &task.text,
                &lead,
                &responsible,
                unit.unwrap_or(""),
                &status,
                &note,
                &updated,
            ],
        );
    }
    out
}
