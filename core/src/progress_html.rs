//! A unit's progress (done out of applicable, overall and per pillar) as HTML, for the page's
//! progress panel: read-only figures and bars, made here as one string for the same reasons as
//! the rows (`rows_html`).

use crate::checklist::{percent, Progress};
use crate::escape::escape_into;
use crate::model::Table;
use std::fmt::Write;

/// The figures line, the overall bar and a line per pillar with its short name and bar.
pub fn progress_html(table: &Table, p: &Progress) -> String {
    let mut out = String::with_capacity(400 + p.per_pillar.len() * 300);
    let _ = write!(
        out,
        "<p class=\"progress-total\">已完成 <strong>{}</strong> / {} 项",
        p.done, p.applicable
    );
    if let Some(pct) = p.percent() {
        let _ = write!(out, "（{pct}%）");
    }
    let _ = write!(
        out,
        "<span class=\"progress-detail\">进行中 {} 项 · 不适用 {} 项</span></p>",
        p.doing, p.na
    );
    bar(&mut out, p.done, p.applicable, "全部");
    out.push_str("<ul class=\"progress-pillars\">");
    for pp in &p.per_pillar {
        let name = table.pillar(pp.pillar).map_or("", |x| x.short.as_str());
        out.push_str("<li><span class=\"pp-name\">");
        escape_into(&mut out, name);
        out.push_str("</span>");
        bar(&mut out, pp.done, pp.applicable, name);
        let _ = write!(
            out,
            "<span class=\"pp-n\">{}/{}</span></li>",
            pp.done, pp.applicable
        );
    }
    out.push_str("</ul>");
    out
}

/// A small progress bar with its numbers for screen readers.
fn bar(out: &mut String, done: usize, of: usize, label: &str) {
    out.push_str("<span class=\"bar\" role=\"progressbar\" aria-label=\"");
    escape_into(out, label);
    let _ = write!(
        out,
        "完成进度\" aria-valuemin=\"0\" aria-valuemax=\"{of}\" aria-valuenow=\"{done}\" \
         aria-valuetext=\"已完成 {done} / {of} 项\"><span class=\"bar-fill\" \
         style=\"width: {}%\"></span></span>",
        percent(done, of).unwrap_or(0)
    );
}
