//! The view in words, for the top of a printed ledger (台账):
//! `单位：市财政局（牵头） 支柱：稳增长 共 12 项`.
//!
//! Parts, in this order, each only when it narrows the view: 单位 (with the role when one is
//! chosen), 支柱 (short name), 分项, 时限要求, 状态, 督办, 搜索; with a unit, the as-of day of the
//! lights (`截至 2017年7月1日`); then the number of tasks shown. Role, status and light are left
//! out without a unit, as the filter ignores them then (see [`Filter`]); so is a search term of
//! only whitespace. A view that narrows nothing reads `全部任务 共 139 项`.

use crate::filter::Filter;
use crate::model::Table;
use crate::search;
use crate::supervision::{chinese_date, Date, Light};

/// The view `filter` shows of `table`, in words, with `shown` the number of tasks it shows and
/// `day` the as-of day ([`Filter::day`]). An id the table does not know (a pillar, a section) is
/// written as it is.
pub fn describe(table: &Table, filter: &Filter, shown: usize, day: Date) -> String {
    let mut out = String::new();
    if let Some(unit) = &filter.unit {
        match filter.role {
            Some(role) => part(&mut out, "单位", &[unit, "（", role.label(), "）"]),
            None => part(&mut out, "单位", &[unit]),
        }
    }
    if let Some(p) = filter.pillar {
        match table.pillar(p) {
            Some(p) => part(&mut out, "支柱", &[&p.short]),
            None => part(&mut out, "支柱", &[&p.to_string()]),
        }
    }
    if let Some(s) = &filter.section {
        part(&mut out, "分项", &[table.section(s).map_or(s, |s| &s.name)]);
    }
    if let Some(t) = &filter.time {
        part(
            &mut out,
            "时限要求",
            &[table.time_def(t).map_or(t, |d| &d.label)],
        );
    }
    if let (Some(_), Some(s)) = (&filter.unit, filter.status) {
        part(&mut out, "状态", &[s.label()]);
    }
    if let (Some(_), Some(l)) = (&filter.unit, filter.light) {
        let label = if l == Light::OnTrack {
            "正常推进"
        } else {
            l.label()
        };
        part(&mut out, "督办", &[label]);
    }
    let query = filter.query.trim();
    if !search::normalize(query).is_empty() {
        part(&mut out, "搜索", &["“", query, "”"]);
    }
    if filter.unit.is_some() {
        out.push_str("截至 ");
        out.push_str(&chinese_date(day));
        out.push(' ');
    }
    if out.is_empty() {
        out.push_str("全部任务 ");
    }
    out.push_str("共 ");
    out.push_str(&shown.to_string());
    out.push_str(" 项");
    out
}

/// The view in a few words for the folded filter bar of a phone, every part separated by
/// ` · `: the unit (with its role, or 全部单位), the pillar (short name, or 全部支柱), the
/// section and time requirement when chosen, with a unit its status choice (or 全部状态) and
/// light when chosen, and the search term. E.g. `新泰市 · 全部支柱 · 未完成`.
pub fn summary(table: &Table, filter: &Filter) -> String {
    let mut out = String::new();
    let mut push = |parts: &[&str]| {
        if !out.is_empty() {
            out.push_str(" · ");
        }
        parts.iter().for_each(|p| out.push_str(p));
    };
    match (&filter.unit, filter.role) {
        (Some(u), Some(r)) => push(&[u, "（", r.label(), "）"]),
        (Some(u), None) => push(&[u]),
        (None, _) => push(&["全部单位"]),
    }
    match filter.pillar.map(|p| (p, table.pillar(p))) {
        Some((_, Some(p))) => push(&[&p.short]),
        Some((p, None)) => push(&[&p.to_string()]),
        None => push(&["全部支柱"]),
    }
    if let Some(s) = &filter.section {
        push(&[table.section(s).map_or(s, |s| &s.name)]);
    }
    if let Some(t) = &filter.time {
        push(&[table.time_def(t).map_or(t, |d| &d.label)]);
    }
    if filter.unit.is_some() {
        push(&[filter.status.map_or("全部状态", |s| s.label())]);
        if let Some(l) = filter.light {
            let label = if l == Light::OnTrack {
                "正常推进"
            } else {
                l.label()
            };
            push(&["督办：", label]);
        }
    }
    let query = filter.query.trim();
    if !search::normalize(query).is_empty() {
        push(&["搜索“", query, "”"]);
    }
    out
}

/// Appends `label：value… ` to `out`.
fn part(out: &mut String, label: &str, value: &[&str]) {
    out.push_str(label);
    out.push('：');
    value.iter().for_each(|v| out.push_str(v));
    out.push(' ');
}
