//! The chosen unit marked in a row's unit lists (牵头单位, 责任单位), by one CSS rule.
//!
//! Each name is rendered once as `<li data-unit="…">` (src/table/rows.rs); on a unit change this
//! rewrites the selector of one rule of style.css (found by `gk_core::highlight::MARKER`) to name
//! the unit and its groups. No reactive class on every name of every row, no inline style (the
//! CSP allows changes made through the CSSOM to the page's own style sheet).

use crate::state::ctx;
use gk_core::highlight::{selector, MARKER};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CssStyleRule, CssStyleSheet};

/// Keeps the rule's selector in step with the chosen unit.
pub fn follow_unit() {
    let c = ctx();
    let d = c.data();
    Effect::new(move |_| {
        let s = c.unit.with(|u| selector(&d.table, u.as_deref()));
        if let Some(rule) = rule() {
            rule.set_selector_text(&s);
        }
    });
}

/// The rule whose selector starts with the marker, in the page's style sheets: looked up on
/// each change rather than kept (less code), from the end of each sheet, as the rule is near
/// the end of style.css.
fn rule() -> Option<CssStyleRule> {
    let sheets = document().style_sheets();
    (0..sheets.length())
        .filter_map(|i| sheets.item(i)?.dyn_into::<CssStyleSheet>().ok())
        .find_map(|sheet| {
            let rules = sheet.css_rules().ok()?;
            (0..rules.length())
                .rev()
                .filter_map(|i| rules.item(i)?.dyn_into::<CssStyleRule>().ok())
                .find(|r| r.selector_text().starts_with(MARKER))
        })
}
