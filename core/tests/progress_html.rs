//! A unit's progress as HTML: the figures, the bars (with their numbers for screen readers)
//! and one line per pillar, on the real table.

#[path = "filter_fixture.rs"]
mod fixture;

use gk_core::checklist::Checklists;
use gk_core::filter::{Filter, Index};
use gk_core::model::Table;
use gk_core::progress_html::progress_html;
use gk_core::status::Status;
use gk_core::timestamp::Timestamp;

#[test]
fn figures_bars_and_pillars() {
    let t = Table::from_json(fixture::REAL_JSON).unwrap();
    let unit = "市财政局";
    let f = Filter {
        unit: Some(unit.into()),
        ..Filter::default()
    };
    let tasks = Index::new(&t).shown(&f, |_| Status::Todo);
    let mut cl = Checklists::new();
    let now = Timestamp::from_millis(1_498_730_400_000);
    cl.set_status(unit, "1.1.1", Status::Done, now);
    cl.set_status(unit, "1.1.2", Status::Done, now);
    cl.set_status(unit, "1.1.3", Status::Na, now);
    cl.set_status(unit, "1.1.5", Status::Doing, now);
    let p = cl.progress(&t, unit, &tasks);
    let h = progress_html(&t, &p);
    let applicable = tasks.len() - 1;
    assert!(h.starts_with(&format!(
        "<p class=\"progress-total\">已完成 <strong>2</strong> / {applicable} 项（{}%）",
        200 / applicable
    )));
    assert!(h.contains("<span class=\"progress-detail\">进行中 1 项 · 不适用 1 项</span></p>"));
    assert!(h.contains(&format!(
        "aria-label=\"全部完成进度\" aria-valuemin=\"0\" aria-valuemax=\"{applicable}\" aria-valuenow=\"2\""
    )));
    // One line per pillar the unit has tasks in, with the pillar's short name.
    assert_eq!(h.matches("<li>").count(), p.per_pillar.len());
    assert!(h.contains("<li><span class=\"pp-name\">稳增长</span><span class=\"bar\""));
    let first = &p.per_pillar[0];
    assert!(h.contains(&format!(
        "<span class=\"pp-n\">2/{}</span></li>",
        first.applicable
    )));
    assert!(h.contains(&format!("style=\"width: {}%\"", 200 / first.applicable)));
}

#[test]
fn nothing_applicable_has_no_percent() {
    let t = Table::from_json(fixture::REAL_JSON).unwrap();
    let p = Checklists::new().progress(&t, "市财政局", &[]);
    let h = progress_html(&t, &p);
    assert!(h.starts_with("<p class=\"progress-total\">已完成 <strong>0</strong> / 0 项<span"));
    assert!(h.contains("style=\"width: 0%\""));
}

#[test]
fn pillar_chips() {
    let t = Table::from_json(fixture::REAL_JSON).unwrap();
    let h = gk_core::options_html::chips_html(&t);
    assert!(h.starts_with("<span id=\"pillar-label\" class=\"label\">支柱</span>"));
    assert!(h.contains("data-pillar=\"\" aria-pressed=\"false\">全部</button>"));
    assert_eq!(
        h.matches("<button type=\"button\" class=\"chip\"").count(),
        7
    );
    assert!(h.contains(
        "title=\"以政务公开助力惠民生\" data-pillar=\"4\" aria-pressed=\"false\">惠民生<span class=\"n\"></span></button>"
    ), "{h}");
}
