//! The task table's rows as HTML (`rows_html`), on the real table: structure, the unit's
//! controls and values, search highlights, and escaping of everything users type.

#[path = "filter_fixture.rs"]
mod fixture;

use gk_core::checklist::Checklists;
use gk_core::filter::Index;
use gk_core::layout::rows;
use gk_core::model::Table;
use gk_core::rows_html::{escape, rows_html, RowsView};
use gk_core::status::Status;
use gk_core::timestamp::Timestamp;

fn real() -> (Table, Index) {
    let t = Table::from_json(fixture::REAL_JSON).unwrap();
    let i = Index::new(&t);
    (t, i)
}

fn html(
    t: &Table,
    i: &Index,
    shown: &[usize],
    unit: Option<&str>,
    query: &str,
    cl: &Checklists,
) -> String {
    let v = RowsView {
        table: t,
        index: i,
        unit,
        query,
        checklists: cl,
        empty_unit_cells: false,
    };
    rows_html(&v, &rows(t, shown))
}

fn count(hay: &str, needle: &str) -> usize {
    hay.matches(needle).count()
}

#[test]
fn every_task_and_heading_once_in_order() {
    let (t, i) = real();
    let every: Vec<usize> = (0..t.tasks.len()).collect();
    let h = html(&t, &i, &every, None, "", &Checklists::new());
    let layout = rows(&t, &every);
    assert_eq!(count(&h, "<tr "), layout.len());
    assert_eq!(count(&h, "</tr>"), layout.len());
    assert_eq!(count(&h, "<tr class=\"task-row\""), 139);
    assert_eq!(count(&h, "<tr class=\"pillar-row\""), 6);
    assert_eq!(count(&h, "<tr class=\"section-row\""), 24);
    assert!(h.contains("<h2>一、以政务公开助力稳增长</h2>"));
    assert!(h.contains("<h2>六、"));
    // Without a unit: four columns, no controls.
    assert_eq!(count(&h, "colspan=\"4\""), layout.len() - 139);
    assert!(!h.contains("<select") && !h.contains("col-mine"));
    // Tasks in source order.
    let mut last = 0;
    for task in &t.tasks {
        let at = h.find(&format!("data-task-id=\"{}\"", task.id)).unwrap();
        assert!(at > last, "{} out of order", task.id);
        last = at;
    }
    // Lead and responsible units as lists; an empty cell as a dash.
    let first = &t.tasks[0];
    assert!(h.contains(&format!("<li>{}</li>", first.lead[0])));
}

#[test]
fn a_units_rows_carry_its_role_status_and_note() {
    let (t, i) = real();
    let unit = "市财政局";
    let mut cl = Checklists::new();
    let now = Timestamp::from_millis(1_498_730_400_000);
    cl.set_status(unit, "1.1.1", Status::Done, now);
    cl.set_note(unit, "1.1.1", "已在网站公开", now);
    let h = html(&t, &i, &[0, 1], Some(unit), "", &cl);
    assert_eq!(count(&h, "colspan=\"5\""), 3);
    assert_eq!(count(&h, "<select class=\"status\">"), 2);
    assert_eq!(
        count(&h, "<option value=\"done\" selected>已完成</option>"),
        1
    );
    assert_eq!(
        count(&h, "<option value=\"todo\" selected>未开始</option>"),
        1
    );
    assert!(h.contains("<div class=\"checklist\" data-status=\"done\">"));
    assert!(h.contains("<div class=\"checklist\" data-status=\"todo\">"));
    assert!(h.contains(">已在网站公开</textarea>"));
    assert!(h.contains("<td class=\"print-only col-note\">已在网站公开</td>"));
    assert!(h.contains("<span class=\"role role-lead\">牵头</span>"));
    // Through a group: the group is named, and 有关部门 may not apply.
    let via_counties = (0..t.tasks.len())
        .find(|&k| i.assignment(k, "泰山区").is_some_and(|a| a.via.is_some()))
        .unwrap();
    let h = html(&t, &i, &[via_counties], Some("泰山区"), "", &cl);
    assert!(h.contains("各县（市、区）"), "{h}");
    let optional = (0..t.tasks.len())
        .find(|&k| i.assignment(k, unit).is_some_and(|a| a.optional()))
        .unwrap();
    let h = html(&t, &i, &[optional], Some(unit), "", &cl);
    assert!(h.contains("title=\"有关部门的任务：与本单位无关时可标记为“不适用”\""));
}

#[test]
fn search_matches_are_marked_in_text_headings_and_units() {
    let (t, i) = real();
    let every: Vec<usize> = (0..t.tasks.len()).collect();
    let h = html(&t, &i, &every, None, "预算", &Checklists::new());
    let strip = |s: &str| s.replace("<mark>", "").replace("</mark>", "");
    // Every occurrence is marked.
    assert!(count(&h, "<mark>预算</mark>") >= 1);
    assert_eq!(count(&h, "<mark>预算</mark>"), count(&strip(&h), "预算"));
    // Whitespace and full-width folding as the search itself: the original text is marked.
    let h = html(&t, &i, &every, None, "市 财政局", &Checklists::new());
    assert!(h.contains("<mark>市财政局</mark>"));
    // Marks never break the text: without tags, the same text as without a query.
    assert_eq!(
        strip(&html(&t, &i, &every, None, "公开", &Checklists::new())),
        html(&t, &i, &every, None, "", &Checklists::new())
    );
}

#[test]
fn what_users_type_is_escaped() {
    let (t, i) = real();
    let unit = "市财政局";
    let mut cl = Checklists::new();
    let evil = "</textarea><script>alert(\"x\")</script> & 'y'";
    cl.set_note(
        unit,
        "1.1.1",
        evil,
        Timestamp::from_millis(1_498_730_400_000),
    );
    let h = html(&t, &i, &[0], Some(unit), "<script>", &cl);
    assert!(!h.contains(evil) && !h.contains("<script>"));
    let escaped =
        "&lt;/textarea&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;";
    assert_eq!(count(&h, escaped), 2, "{h}");
    assert_eq!(escape("a<b>&\"'"), "a&lt;b&gt;&amp;&quot;&#39;");
}

#[test]
fn no_rows_no_html() {
    let (t, i) = real();
    assert_eq!(
        html(&t, &i, &[], Some("市财政局"), "x", &Checklists::new()),
        ""
    );
}

#[test]
fn empty_unit_cells_for_the_page_to_fill() {
    let (t, i) = real();
    let cl = Checklists::new();
    let every: Vec<usize> = (0..t.tasks.len()).collect();
    let v = RowsView {
        table: &t,
        index: &i,
        unit: None,
        query: "",
        checklists: &cl,
        empty_unit_cells: true,
    };
    let h = rows_html(&v, &rows(&t, &every));
    assert_eq!(count(&h, "<td class=\"col-mine\" data-label=\"本单位\"></td><td class=\"print-only col-note\"></td></tr>"), 139);
    assert_eq!(gk_core::rows_html::mine_html(&v, 0), "");
    // Filled for a unit: the same cell content as a unit's rows.
    let v = RowsView {
        unit: Some("市财政局"),
        empty_unit_cells: false,
        ..v
    };
    let mine = gk_core::rows_html::mine_html(&v, 0);
    assert!(rows_html(&v, &rows(&t, &[0])).contains(&format!("data-label=\"本单位\">{mine}</td>")));
    assert_eq!(
        gk_core::rows_html::role_html(&v, 0),
        "<span class=\"role role-lead\">牵头</span>"
    );
    // A task that does not concern the unit: a hidden, empty badge.
    let other = (0..t.tasks.len())
        .find(|&k| i.assignment(k, "市财政局").is_none())
        .unwrap();
    assert_eq!(
        gk_core::rows_html::role_html(&v, other),
        "<span class=\"role\" hidden></span>"
    );
}
