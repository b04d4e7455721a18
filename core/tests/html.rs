//! The task table's rows as HTML text (`gk_core::html`): escaping, search marks, and rows of the
//! real table, written out by hand from the table's words.

use gk_core::html::{escape, marked, row, unit_cell, RowState};
use gk_core::layout::Row;
use gk_core::model::Table;
use gk_core::supervision::Light;

fn table() -> Table {
    Table::from_json(include_str!("../../data/tables/taian-2017.json")).unwrap()
}

#[test]
fn escapes_markup_and_quotes() {
    let mut s = String::new();
    escape(&mut s, r#"a<b>&"c"'d'"#);
    assert_eq!(s, "a&lt;b&gt;&amp;&quot;c&quot;&#39;d&#39;");
    let mut s = String::new();
    escape(&mut s, "政务公开");
    assert_eq!(s, "政务公开");
}

#[test]
fn marks_the_search_term_and_escapes_around_it() {
    let mut s = String::new();
    assert!(marked(&mut s, "<公开>目录", "公开"));
    assert_eq!(s, "&lt;<mark>公开</mark>&gt;目录");
    let mut s = String::new();
    assert!(!marked(&mut s, "目录", "公开"));
    assert_eq!(s, "目录");
}

#[test]
fn a_task_row_as_the_page_shows_it() {
    let t = table();
    let i = t.tasks.iter().position(|x| x.id == "1.1.4").unwrap();
    let mut s = String::new();
    let state = RowState {
        hidden: true,
        light: Some(Light::Overdue),
        has_unit: true,
        query: "就业",
    };
    let hit = row(&mut s, &t, Row::Task(i), state);
    assert!(hit, "1.1.4 is about 就业");
    assert!(s.starts_with(
        r#"<tr class="task-row" data-task-id="1.1.4" data-light="overdue" hidden><td class="col-id" data-label="编号">1.1.4</td>"#
    ), "{s}");
    // Led by 市人力资源社会保障局, with 各县（市、区） responsible (the table's words).
    assert!(s.contains(r#"<li data-unit="市人力资源社会保障局">市人力资源社会保障局</li>"#));
    assert!(s.contains(r#"<li data-unit="各县（市、区）">各县（市、区）</li>"#));
    assert!(s.contains("<mark>就业</mark>"));
    assert!(s.ends_with(
        r#"<td class="col-mine" data-label="本单位"></td><td class="print-only col-note"></td></tr>"#
    ));
}

#[test]
fn headings_span_the_unit_column_only_with_a_unit() {
    let t = table();
    let mut s = String::new();
    row(&mut s, &t, Row::Pillar(0), RowState::default());
    assert!(
        s.starts_with(r#"<tr class="pillar-row"><th colspan="4" scope="colgroup"><h2>一、"#),
        "{s}"
    );
    assert!(s.ends_with(r#"</h2></th><td class="print-only fill"></td></tr>"#));
    let mut s = String::new();
    let state = RowState {
        has_unit: true,
        hidden: true,
        ..RowState::default()
    };
    row(&mut s, &t, Row::Section(0), state);
    assert!(
        s.starts_with(r#"<tr class="section-row" hidden><th colspan="5" scope="colgroup"><h3>"#),
        "{s}"
    );
}

#[test]
fn a_task_without_units_shows_a_dash() {
    let mut s = String::new();
    assert!(!unit_cell(&mut s, &[], "x"));
    assert_eq!(s, r#"<span class="none">—</span>"#);
}
