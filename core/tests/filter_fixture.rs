//! A small hand-made table shared by the tests (`#[path = "filter_fixture.rs"] mod fixture;`),
//! and the real table. (As a test target of its own it has no tests.)
//!
//! Units: three departments, two counties, an agency, a college, and the three groups.
//! Tasks, and how they reach 市财政局:
//! - 0 `1.1.1` lead 市财政局 (own), 人行; responsible 各县, 有关部门. Monthly.
//! - 1 `1.1.2` lead 各县 (市财政局: none). By 2017 end.
//! - 2 `1.2.1` lead 市政府办公室; responsible 各部门 (市财政局: responsible via 各部门). Quarterly.
//! - 3 `1.2.2` lead 市统计局; responsible 市财政局, 有关部门 (own name wins). No tag.
//! - 4 `2.1.1` lead 有关部门; responsible 市财政局 (lead via 有关部门 wins). Working days, yearly.
//! - 5 `2.1.2` lead the college; responsible 各部门, 有关部门 (via 各部门 wins). Yearly.

#![allow(dead_code)]

use gk_core::checklist::Entry;
use gk_core::filter::{Facets, Filter, Index};
use gk_core::model::Table;
use gk_core::status::{Status, StatusFilter};
use gk_core::supervision::Date;
use gk_core::timestamp::Timestamp;

pub const JSON: &str = r#"{
  "format": 2,
  "dataset": {"id": "test", "title": "测试表", "year": 2017,
              "office": {"name": "泰安市人民政府办公室", "short": "市政府办公室"}},
  "kinds": [{"key": "department", "heading": "市直部门"}, {"key": "county", "heading": "县（市、区）"}, {"key": "agency", "heading": "其他单位"}, {"key": "college", "heading": "其他单位"}],
  "times": [
    {"key": "weekly", "label": "每周", "every": "week"},
    {"key": "five-days", "label": "每五日", "every": "week"},
    {"key": "monthly", "label": "按月", "every": "month"},
    {"key": "quarterly", "label": "按季度", "every": "quarter"},
    {"key": "yearly", "label": "每年", "every": "year"},
    {"key": "regular", "label": "定期", "every": "none"},
    {"key": "by-2017-05", "label": "2017年5月底前", "due": "2017-05-31"},
    {"key": "by-june", "label": "每年6月底前", "due": "2017-06-30"},
    {"key": "by-2017-end", "label": "2017年底前", "due": "2017-12-31"},
    {"key": "in-2018", "label": "2018年内", "due": "2018-12-31"},
    {"key": "working-days", "label": "限定工作日内", "after": "working-days"},
    {"key": "hours", "label": "限定小时内", "after": "hours"}
  ],
  "pillars": [
    {"id": 1, "name": "以政务公开助力稳增长", "short": "稳增长"},
    {"id": 2, "name": "以政务公开助力促改革", "short": "促改革"}
  ],
  "sections": [
    {"id": "1.1", "pillar": 1, "name": "（一）加强预期引导"},
    {"id": "1.2", "pillar": 1, "name": "（二）推进统计信息公开"},
    {"id": "2.1", "pillar": 2, "name": "（一）推进教育信息公开"}
  ],
  "units": [
    {"name": "各县（市、区）", "kind": "group", "scope": "all", "members": ["泰山区", "新泰市"]},
    {"name": "市政府有关部门（单位）", "kind": "group", "short": "市政府有关部门", "scope": "concerned",
     "members": ["市政府办公室", "市财政局", "市统计局"]},
    {"name": "市政府各部门（单位）", "kind": "group", "short": "市政府各部门", "scope": "all",
     "members": ["市政府办公室", "市财政局", "市统计局"]},
    {"name": "市政府办公室", "kind": "department"},
    {"name": "市财政局", "kind": "department"},
    {"name": "市统计局", "kind": "department"},
    {"name": "泰山区", "kind": "county"},
    {"name": "新泰市", "kind": "county"},
    {"name": "人行泰安市中心支行", "kind": "agency"},
    {"name": "泰山职业技术学院", "kind": "college"}
  ],
  "tasks": [
    {"id": "1.1.1", "pillar": 1, "section": "1.1", "item": "1.加强财政政策信息公开",
     "text": "按月公开全市财政收支情况，解读财政收支增减变化情况及原因。",
     "lead": ["市财政局", "人行泰安市中心支行"],
     "responsible": ["各县（市、区）", "市政府有关部门（单位）"],
     "time": [{"tag": "monthly", "phrase": "按月"}]},
    {"id": "1.1.2", "pillar": 1, "section": "1.1", "item": "1.加强财政政策信息公开",
     "text": "2017年底前完成 县级 政务公开目录编制。",
     "lead": ["各县（市、区）"], "responsible": [],
     "time": [{"tag": "by-2017-end", "phrase": "2017年底前"}]},
    {"id": "1.2.1", "pillar": 1, "section": "1.2", "item": "",
     "text": "每季度公开政务公开工作进展。",
     "lead": ["市政府办公室"], "responsible": ["市政府各部门（单位）"],
     "time": [{"tag": "quarterly", "phrase": "每季度"}]},
    {"id": "1.2.2", "pillar": 1, "section": "1.2", "item": "",
     "text": "及时发布统计数据。",
     "lead": ["市统计局"], "responsible": ["市财政局", "市政府有关部门（单位）"]},
    {"id": "2.1.1", "pillar": 2, "section": "2.1", "item": "",
     "text": "收到申请后５个工作日内答复，每年公开年度报告。",
     "lead": ["市政府有关部门（单位）"], "responsible": ["市财政局"],
     "time": [{"tag": "working-days", "phrase": "5个工作日内"}, {"tag": "yearly", "phrase": "每年"}]},
    {"id": "2.1.2", "pillar": 2, "section": "2.1", "item": "",
     "text": "每年在学校 Web 网站公开招生信息。",
     "lead": ["泰山职业技术学院"],
     "responsible": ["市政府各部门（单位）", "市政府有关部门（单位）"],
     "time": [{"tag": "yearly", "phrase": "每年"}]}
  ]
}"#;

pub fn table() -> Table {
    Table::from_json(JSON).expect("fixture parses")
}

pub const REAL_JSON: &str = include_str!("../../data/tables/taian-2017.json");

pub fn real() -> Table {
    Table::from_json(REAL_JSON).expect("data/tables/taian-2017.json parses")
}

/// The as-of day of the filter tests: 2017-07-01.
pub fn day() -> Date {
    gk_core::supervision::parse_as_of("2017-07-01").unwrap()
}

/// A unit's records of `n` tasks: task `t` has `status(t)`, updated at `at(t)`; `None` where
/// `status` gives `None` (no record).
pub fn records(
    n: usize,
    status: impl Fn(usize) -> Option<Status>,
    at: impl Fn(usize) -> &'static str,
) -> Vec<Option<Entry>> {
    (0..n)
        .map(|t| status(t).map(|s| Entry::new(s, "", Timestamp::parse(at(t)).unwrap())))
        .collect()
}

/// No record of any task: every task reads 未开始.
pub fn none(_: usize) -> Option<&'static Entry> {
    None
}

/// For filters without a unit, which must never ask for a record.
pub fn never(_: usize) -> Option<&'static Entry> {
    panic!("record_of must not be called without a unit")
}

/// Checks every count of `index.facets(f)` against `index.shown` with the option put in.
pub fn brute_force_check(index: &Index, f: &Filter, records: &[Option<Entry>]) {
    let status_of = |t: usize| records[t].as_ref();
    let day = day();
    let facets: Facets = index.facets(f, day, status_of);
    assert_eq!(facets.total, index.shown(f, day, status_of).len());
    for &(p, n) in &facets.pillars {
        let g = Filter {
            pillar: Some(p),
            ..f.clone()
        };
        assert_eq!(
            index.shown(&g, day, status_of).len(),
            n,
            "pillar {p} in {f:?}"
        );
    }
    for (s, n) in &facets.sections {
        let g = Filter {
            section: Some(s.clone()),
            ..f.clone()
        };
        assert_eq!(
            index.shown(&g, day, status_of).len(),
            *n,
            "section {s} in {f:?}"
        );
    }
    for &(r, n) in &facets.roles {
        let g = Filter {
            role: Some(r),
            ..f.clone()
        };
        assert_eq!(
            index.shown(&g, day, status_of).len(),
            n,
            "role {r:?} in {f:?}"
        );
    }
    for (t, n) in &facets.times {
        let g = Filter {
            time: Some(t.clone()),
            ..f.clone()
        };
        assert_eq!(
            index.shown(&g, day, status_of).len(),
            *n,
            "time {t:?} in {f:?}"
        );
    }
    for &(s, n) in &facets.statuses {
        let g = Filter {
            status: Some(s.into()),
            ..f.clone()
        };
        assert_eq!(
            index.shown(&g, day, status_of).len(),
            n,
            "status {s:?} in {f:?}"
        );
    }
    if !facets.statuses.is_empty() {
        let g = Filter {
            status: Some(StatusFilter::Open),
            ..f.clone()
        };
        assert_eq!(
            index.shown(&g, day, status_of).len(),
            facets.status_filter(StatusFilter::Open),
            "未完成 in {f:?}"
        );
    }
    for &(l, n) in &facets.lights {
        let g = Filter {
            light: Some(l),
            ..f.clone()
        };
        assert_eq!(
            index.shown(&g, day, status_of).len(),
            n,
            "light {l:?} in {f:?}"
        );
    }
    for (u, n) in &facets.units {
        // The unit facet does not apply the status and light filters.
        let g = Filter {
            unit: Some(u.clone()),
            status: None,
            light: None,
            ..f.clone()
        };
        assert_eq!(
            index.shown(&g, day, status_of).len(),
            *n,
            "unit {u} in {f:?}"
        );
    }
    assert_eq!(facets.roles.is_empty(), f.unit.is_none());
    assert_eq!(facets.statuses.is_empty(), f.unit.is_none());
    assert_eq!(facets.lights.is_empty(), f.unit.is_none());
}
