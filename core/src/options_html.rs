//! The options of the filter bar's selects as HTML, each with its facet count, for the page to
//! put into a `<select>` in one go (every filter change changes the counts). The chosen option
//! carries `selected`, so the select shows the current value however often it is refilled.

use crate::escape::escape_into;
use std::fmt::Write;

/// Builds the options of one select.
#[derive(Default)]
pub struct Options {
    html: String,
}

impl Options {
    pub fn new() -> Options {
        Options::default()
    }

    /// `<option value="…">label（count）</option>`; no count for the "any" option.
    pub fn option(&mut self, value: &str, label: &str, count: Option<usize>, selected: bool) {
        let h = &mut self.html;
        h.push_str("<option value=\"");
        escape_into(h, value);
        h.push_str(if selected { "\" selected>" } else { "\">" });
        escape_into(h, label);
        if let Some(n) = count {
            let _ = write!(h, "（{n}）");
        }
        h.push_str("</option>");
    }

    /// Starts a group of options; `end_group` closes it.
    pub fn group(&mut self, label: &str) {
        self.html.push_str("<optgroup label=\"");
        escape_into(&mut self.html, label);
        self.html.push_str("\">");
    }

    pub fn end_group(&mut self) {
        self.html.push_str("</optgroup>");
    }

    pub fn into_html(self) -> String {
        self.html
    }
}

/// The pillar chips: a label, 全部 and one chip per pillar (short name, full name as its title),
/// each with an empty count. The page sets `aria-pressed` and the counts in place as the filter
/// changes (so a chip keeps the keyboard focus); `data-pillar` is the pillar's id, empty for 全部.
pub fn chips_html(table: &crate::model::Table) -> String {
    let mut h = String::from(
        "<span id=\"pillar-label\" class=\"label\">支柱</span>\
         <button type=\"button\" class=\"chip\" data-pillar=\"\" aria-pressed=\"false\">全部</button>",
    );
    for p in &table.pillars {
        h.push_str("<button type=\"button\" class=\"chip\" title=\"");
        escape_into(&mut h, &p.name);
        let _ = write!(h, "\" data-pillar=\"{}\" aria-pressed=\"false\">", p.id);
        escape_into(&mut h, &p.short);
        h.push_str("<span class=\"n\"></span></button>");
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_groups_counts_and_escaping() {
        let mut o = Options::new();
        o.option("", "全部单位", None, false);
        o.group("市直部门");
        o.option("市财政局", "市财政局", Some(78), true);
        o.option("a\"<b>", "a\"<b>&", Some(0), false);
        o.end_group();
        assert_eq!(
            o.into_html(),
            "<option value=\"\">全部单位</option><optgroup label=\"市直部门\">\
             <option value=\"市财政局\" selected>市财政局（78）</option>\
             <option value=\"a&quot;&lt;b&gt;\">a&quot;&lt;b&gt;&amp;（0）</option></optgroup>"
        );
    }
}
