//! The filter bar: unit (searchable), role, status, pillar chips, section, time, search, the
//! visible count and one control that clears everything. Every option shows its facet count;
//! the selects' options are HTML made by `gk_core::options_html`, refilled as the counts change.

use crate::app::ctx;
use crate::bind;
use crate::data::{index, table};
use crate::print;
use gk_core::filter::{Facets, Filter};
use gk_core::model::{TimeKind, TimeTag};
use gk_core::options_html::{chips_html, Options};
use gk_core::search;
use gk_core::status::Status;
use gk_core::units::{unit_options, Role};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The filter bar's markup (see `bind` why a string); the chips go between the two halves.
const TOP: &str = concat!(
    r#"<div class="filter-row"><div class="field field-unit"><label for="unit">单位</label>"#,
    r#"<div class="unit-pick"><input type="search" id="unit-find" class="unit-find" "#,
    r#"placeholder="输入名称查找，回车选中" aria-label="查找单位" aria-controls="unit" "#,
    r#"autocomplete="off"><select id="unit"></select></div></div>"#,
    r#"<div class="field"><label for="role">角色</label><select id="role"></select></div>"#,
    r#"<div class="field"><label for="status-filter">完成状态</label>"#,
    r#"<select id="status-filter"></select></div></div>"#,
    r#"<div class="field chips" role="group" aria-labelledby="pillar-label" id="chips">"#,
);
const BOTTOM: &str = concat!(
    r#"</div><div class="filter-row">"#,
    r#"<div class="field"><label for="section">分项</label><select id="section"></select></div>"#,
    r#"<div class="field"><label for="time">时限要求</label><select id="time"></select></div>"#,
    r#"<div class="field field-search"><label for="q">搜索</label><input type="search" id="q" "#,
    r#"placeholder="任务内容、分项或单位名称" autocomplete="off"></div></div>"#,
    r#"<div class="filter-summary"><p class="count" id="shown-count" role="status" "#,
    r#"aria-live="polite"></p>"#,
    r#"<button type="button" class="clear" id="clear-filters">清除全部筛选</button>"#,
);

#[component]
pub fn FilterBar() -> impl IntoView {
    let c = ctx();
    let total = table().tasks.len();
    // What the unit finder narrows the units to.
    let narrow = RwSignal::new(String::new());
    unit_picker(narrow);
    unit_facet(&ROLE);
    unit_facet(&STATUS);
    pillar_chips();
    section_select();
    time_select();
    bind::value("q", move || c.filter.with(|f| f.query.clone()));
    bind::text("shown-count", move || {
        format!("显示 {} / {} 项", c.shown.with(Vec::len), total)
    });
    bind::flag("clear-filters", "disabled", move || {
        c.filter.with(Filter::is_empty)
    });
    let markup = [TOP, &chips_html(table()), BOTTOM, print::BUTTON, "</div>"].concat();
    view! {
        <section
            class="filters no-print"
            aria-label="筛选"
            inner_html=markup
            on:change=changed
            on:input=move |ev| input(&ev, narrow)
            on:keydown=move |ev| {
                if ev.key() == "Enter" && bind::target(&ev, "#unit-find").is_some() {
                    ev.prevent_default();
                    pick_first(narrow);
                }
            }
            on:click=clicked
        ></section>
    }
}

/// A select or checkbox of the bar changed.
fn changed(ev: web_sys::Event) {
    let Some((id, v)) = bind::control(&ev) else {
        return;
    };
    match id.as_str() {
        "unit" if v.is_empty() => set_filter(|f| f.unit = None),
        "unit" => choose_unit(v),
        "role" => set_filter(|f| f.role = Role::from_key(&v)),
        "status-filter" => set_filter(|f| f.status = Status::from_key(&v)),
        "section" => set_filter(move |f| {
            if let Some(s) = table().section(&v) {
                f.pillar = Some(s.pillar);
            }
            f.section = (!v.is_empty()).then_some(v);
        }),
        "time" => set_filter(|f| f.time = TimeTag::from_key(&v)),
        _ => print::orientation_changed(&ev),
    }
}

/// Typing in the unit finder or the search box.
fn input(ev: &web_sys::Event, narrow: RwSignal<String>) {
    let Some((id, v)) = bind::control(ev) else {
        return;
    };
    match id.as_str() {
        "unit-find" => narrow.set(v),
        "q" => set_filter(move |f| f.query = v),
        _ => {}
    }
}

fn clicked(ev: web_sys::MouseEvent) {
    let Some(button) = bind::target(&ev, "button") else {
        return;
    };
    if let Some(p) = button.get_attribute("data-pillar") {
        pillar_clicked(p.parse::<u8>().ok());
    } else if button.id() == "clear-filters" {
        ctx().filter.update(Filter::clear);
    } else {
        print::clicked(&button);
    }
}

/// Updates the filter only when `f` really changes it, so that no history entry is pushed for
/// a no-op.
fn set_filter(f: impl FnOnce(&mut Filter)) {
    let c = ctx();
    let mut next = c.filter.get_untracked();
    f(&mut next);
    if c.filter.with_untracked(|cur| *cur != next) {
        c.filter.set(next);
    }
}

/// The unit picker: a native `<select>` grouped into 市直部门, 县（市、区） and 其他单位, with a
/// box above it that narrows the options by any part of the name (many names begin with 市,
/// so the select's own type-ahead is not enough, and it does not work with an input method).
fn unit_picker(narrow: RwSignal<String>) {
    let c = ctx();
    let groups = unit_options(table());
    bind::html("unit", move || {
        let q = search::normalize(&narrow.get());
        let current = c.unit.get();
        c.facets.with(|f| {
            let mut o = Options::new();
            o.option("", "全部单位", None, current.is_none());
            for g in &groups {
                o.group(g.heading);
                for name in &g.units {
                    let chosen = current.as_deref() == Some(name.as_str());
                    if chosen || search::normalize(name).contains(&q) {
                        o.option(name, name, Some(f.unit(name)), chosen);
                    }
                }
                o.end_group();
            }
            o.into_html()
        })
    });
}

/// Enter in the unit finder picks the first unit it leaves.
fn pick_first(narrow: RwSignal<String>) {
    let q = search::normalize(&narrow.get_untracked());
    let first = index()
        .units()
        .iter()
        .find(|u| search::normalize(u).contains(&q));
    if let Some(u) = first {
        choose_unit(u.clone());
    }
}

/// The user chose their unit: show its tasks and remember it as "my unit" (a unit that only
/// came with a link is not remembered).
fn choose_unit(unit: String) {
    ctx().store.save_my_unit(&unit);
    set_filter(move |f| f.unit = Some(unit));
}

/// A facet that only applies once a unit is chosen (role, status): its select's id, its
/// options and how it reads the filter and the counts.
struct UnitFacet {
    id: &'static str,
    /// The option for "any".
    all: &'static str,
    /// (key, label) of every option.
    options: fn() -> Vec<(&'static str, &'static str)>,
    current: fn(&Filter) -> Option<&'static str>,
    count: fn(&Facets, &str) -> usize,
}

static ROLE: UnitFacet = UnitFacet {
    id: "role",
    all: "牵头和责任",
    options: || Role::ALL.map(|r| (r.key(), r.label())).to_vec(),
    current: |f| f.role.map(Role::key),
    count: |x, k| Role::from_key(k).map_or(0, |r| x.role(r)),
};

static STATUS: UnitFacet = UnitFacet {
    id: "status-filter",
    all: "全部状态",
    options: || Status::ALL.map(|s| (s.key(), s.label())).to_vec(),
    current: |f| f.status.map(Status::key),
    count: |x, k| Status::from_key(k).map_or(0, |s| x.status(s)),
};

/// The select of a [`UnitFacet`], disabled until a unit is chosen; each option with its count.
fn unit_facet(facet: &'static UnitFacet) {
    let c = ctx();
    let no_unit = move || c.filter.with(|f| f.unit.is_none());
    bind::flag(facet.id, "disabled", no_unit);
    bind::attr(facet.id, "title", move || {
        no_unit().then(|| "先选择单位".into())
    });
    let options = (facet.options)();
    bind::html(facet.id, move || {
        let v = c.filter.with(facet.current);
        c.facets.with(|x| {
            let mut o = Options::new();
            o.option("", facet.all, None, v.is_none());
            for &(key, label) in &options {
                o.option(key, label, Some((facet.count)(x, key)), v == Some(key));
            }
            o.into_html()
        })
    });
}

/// Pillars as chips with their short names (`gk_core::options_html::chips_html`); a second
/// click on the chosen chip shows all. Whether each is pressed and its count are set in place,
/// so the chip pressed from the keyboard keeps the focus.
fn pillar_chips() {
    let c = ctx();
    Effect::new(move |_| {
        let current = c.filter.with(|f| f.pillar);
        let chips = bind::by_id("chips").and_then(|g| g.query_selector_all("[data-pillar]").ok());
        let Some(chips) = chips else {
            return;
        };
        c.facets.with(|f| {
            for k in 0..chips.length() {
                let Some(chip) = chips
                    .item(k)
                    .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
                else {
                    continue;
                };
                let id = chip
                    .get_attribute("data-pillar")
                    .and_then(|p| p.parse::<u8>().ok());
                let pressed = if current == id { "true" } else { "false" };
                chip.set_attribute("aria-pressed", pressed).ok();
                if let (Some(id), Some(n)) = (id, chip.last_element_child()) {
                    n.set_text_content(Some(&f.pillar(id).to_string()));
                }
            }
        });
    });
}

/// A chip was clicked: its pillar (`None` for 全部).
fn pillar_clicked(p: Option<u8>) {
    set_filter(move |f| {
        // 全部, or a second click on the chosen chip, shows every pillar.
        f.pillar = if f.pillar == p { None } else { p };
        // Keep the section within the pillar.
        if let (Some(s), Some(p)) = (&f.section, f.pillar) {
            if table().section(s).is_some_and(|s| s.pillar != p) {
                f.section = None;
            }
        }
    })
}

/// Sections of the chosen pillar (of every pillar, grouped, when none is chosen).
fn section_select() {
    let c = ctx();
    bind::html("section", move || {
        let t = table();
        let (pillar, current) = c.filter.with(|f| (f.pillar, f.section.clone()));
        c.facets.with(|f| {
            let mut o = Options::new();
            o.option("", "全部分项", None, current.is_none());
            let sections_of = |o: &mut Options, p: u8| {
                for s in t.sections.iter().filter(|s| s.pillar == p) {
                    let chosen = current.as_deref() == Some(s.id.as_str());
                    o.option(&s.id, &s.name, Some(f.section(&s.id)), chosen);
                }
            };
            match pillar {
                Some(p) => sections_of(&mut o, p),
                None => {
                    for p in &t.pillars {
                        o.group(&p.short);
                        sections_of(&mut o, p.id);
                        o.end_group();
                    }
                }
            }
            o.into_html()
        })
    });
}

fn time_select() {
    let c = ctx();
    let tags = index().times();
    let groups = [
        ("频次", TimeKind::Cadence),
        ("期限", TimeKind::Deadline),
        ("事后时限", TimeKind::Relative),
    ];
    bind::html("time", move || {
        let current = c.filter.with(|f| f.time);
        c.facets.with(|f| {
            let mut o = Options::new();
            o.option("", "全部", None, current.is_none());
            for (label, kind) in groups {
                o.group(label);
                for &t in tags.iter().filter(|t| t.kind() == kind) {
                    o.option(t.key(), t.label(), Some(f.time(t)), current == Some(t));
                }
                o.end_group();
            }
            o.into_html()
        })
    });
}
