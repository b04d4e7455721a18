//! The filter bar: unit (searchable), role, status, pillar chips, section, time, search, the
//! visible count and one control that clears everything. Every option shows its facet count;
//! the selects' options are HTML made by `gk_core::options_html`, refilled as the counts change.

use crate::app::ctx;
use crate::data::{index, table};
use crate::print::PrintButton;
use gk_core::filter::{Facets, Filter};
use gk_core::model::{TimeKind, TimeTag};
use gk_core::options_html::{chips_html, Options};
use gk_core::search;
use gk_core::status::Status;
use gk_core::units::{unit_options, Role};
use leptos::prelude::*;

#[component]
pub fn FilterBar() -> impl IntoView {
    let c = ctx();
    let total = table().tasks.len();
    view! {
        <section class="filters no-print" aria-label="筛选">
            <div class="filter-row">
                <UnitPicker />
                <RoleSelect />
                <StatusFilter />
            </div>
            <PillarChips />
            <div class="filter-row">
                <SectionSelect />
                <TimeSelect />
                <SearchBox />
            </div>
            <div class="filter-summary">
                <p class="count" role="status" aria-live="polite">
                    {move || format!("显示 {} / {} 项", c.shown.with(Vec::len), total)}
                </p>
                <button
                    type="button"
                    class="clear"
                    disabled=move || c.filter.with(Filter::is_empty)
                    on:click=move |_| c.filter.update(Filter::clear)
                >
                    "清除全部筛选"
                </button>
                <PrintButton />
            </div>
        </section>
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
#[component]
fn UnitPicker() -> impl IntoView {
    let c = ctx();
    let groups = unit_options(table());
    let narrow = RwSignal::new(String::new());
    let unit = Memo::new(move |_| c.filter.with(|f| f.unit.clone()));
    let pick_first = move || {
        let q = search::normalize(&narrow.get_untracked());
        let first = index()
            .units()
            .iter()
            .find(|u| search::normalize(u).contains(&q));
        if let Some(u) = first {
            choose_unit(u.clone());
        }
    };
    view! {
        <div class="field field-unit">
            <label for="unit">"单位"</label>
            <div class="unit-pick">
            <input
                type="search"
                id="unit-find"
                class="unit-find"
                placeholder="输入名称查找，回车选中"
                aria-label="查找单位"
                aria-controls="unit"
                autocomplete="off"
                prop:value=move || narrow.get()
                on:input=move |ev| narrow.set(event_target_value(&ev))
                on:keydown=move |ev| {
                    if ev.key() == "Enter" {
                        ev.prevent_default();
                        pick_first();
                    }
                }
            />
            <select
                id="unit"
                inner_html=move || {
                    let q = search::normalize(&narrow.get());
                    let current = unit.get();
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
                }
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    if v.is_empty() {
                        set_filter(|f| f.unit = None);
                    } else {
                        choose_unit(v);
                    }
                }
            ></select>
            </div>
        </div>
    }
}

/// The user chose their unit: show its tasks and remember it as "my unit" (a unit that only
/// came with a link is not remembered).
fn choose_unit(unit: String) {
    ctx().store.save_my_unit(&unit);
    set_filter(move |f| f.unit = Some(unit));
}

#[component]
fn RoleSelect() -> impl IntoView {
    unit_facet(
        UnitFacet {
            id: "role",
            label: "角色",
            all: "牵头和责任",
            options: Role::ALL.map(|r| (r.key(), r.label())).to_vec(),
        },
        |f| f.role.map(Role::key),
        |f, k| f.role = Role::from_key(k),
        |x, k| Role::from_key(k).map_or(0, |r| x.role(r)),
    )
}

#[component]
fn StatusFilter() -> impl IntoView {
    unit_facet(
        UnitFacet {
            id: "status-filter",
            label: "完成状态",
            all: "全部状态",
            options: Status::ALL.map(|s| (s.key(), s.label())).to_vec(),
        },
        |f| f.status.map(Status::key),
        |f, k| f.status = Status::from_key(k),
        |x, k| Status::from_key(k).map_or(0, |s| x.status(s)),
    )
}

/// A facet that only applies once a unit is chosen (role, status): its select and options.
struct UnitFacet {
    id: &'static str,
    label: &'static str,
    /// The option for "any".
    all: &'static str,
    /// (key, label) of every option.
    options: Vec<(&'static str, &'static str)>,
}

/// The select of a [`UnitFacet`], disabled until a unit is chosen; each option with its count.
/// Not generic, so that one copy serves both facets.
fn unit_facet(
    facet: UnitFacet,
    current: fn(&Filter) -> Option<&'static str>,
    set: fn(&mut Filter, &str),
    count: fn(&Facets, &str) -> usize,
) -> impl IntoView {
    let c = ctx();
    let no_unit = move || c.filter.with(|f| f.unit.is_none());
    let value = move || c.filter.with(current);
    view! {
        <div class="field">
            <label for=facet.id>{facet.label}</label>
            <select
                id=facet.id
                disabled=no_unit
                title=move || if no_unit() { "先选择单位" } else { "" }
                inner_html=move || {
                    let v = value();
                    c.facets.with(|x| {
                        let mut o = Options::new();
                        o.option("", facet.all, None, v.is_none());
                        for &(key, label) in &facet.options {
                            o.option(key, label, Some(count(x, key)), v == Some(key));
                        }
                        o.into_html()
                    })
                }
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    set_filter(move |f| set(f, &v));
                }
            ></select>
        </div>
    }
}

/// Pillars as chips with their short names; a second click on the chosen chip shows all. The
/// chips are HTML (`gk_core::options_html::chips_html`); whether each is pressed and its count
/// are set in place, so the chip pressed from the keyboard keeps the focus.
#[component]
fn PillarChips() -> impl IntoView {
    use wasm_bindgen::JsCast;
    let c = ctx();
    let group = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        let Some(g) = group.get() else {
            return;
        };
        let current = c.filter.with(|f| f.pillar);
        let Ok(chips) = g.query_selector_all("button[data-pillar]") else {
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
    let clicked = move |ev: leptos::ev::MouseEvent| {
        let chip = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("button[data-pillar]").ok().flatten());
        let Some(chip) = chip else {
            return;
        };
        let p = chip
            .get_attribute("data-pillar")
            .and_then(|p| p.parse::<u8>().ok());
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
    };
    view! {
        <div
            class="field chips"
            role="group"
            aria-labelledby="pillar-label"
            node_ref=group
            inner_html=chips_html(table())
            on:click=clicked
        ></div>
    }
}

/// Sections of the chosen pillar (of every pillar, grouped, when none is chosen).
#[component]
fn SectionSelect() -> impl IntoView {
    let c = ctx();
    let pillar = move || c.filter.with(|f| f.pillar);
    let section = Memo::new(move |_| c.filter.with(|f| f.section.clone()));
    let options = move || {
        let t = table();
        let current = section.get();
        c.facets.with(|f| {
            let mut o = Options::new();
            o.option("", "全部分项", None, current.is_none());
            let sections_of = |o: &mut Options, p: u8| {
                for s in t.sections.iter().filter(|s| s.pillar == p) {
                    let chosen = current.as_deref() == Some(s.id.as_str());
                    o.option(&s.id, &s.name, Some(f.section(&s.id)), chosen);
                }
            };
            match pillar() {
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
    };
    view! {
        <div class="field">
            <label for="section">"分项"</label>
            <select
                id="section"
                inner_html=options
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    set_filter(move |f| {
                        if let Some(s) = table().section(&v) {
                            f.pillar = Some(s.pillar);
                        }
                        f.section = (!v.is_empty()).then_some(v);
                    })
                }
            ></select>
        </div>
    }
}

#[component]
fn TimeSelect() -> impl IntoView {
    let c = ctx();
    let time = move || c.filter.with(|f| f.time);
    let tags = index().times();
    let groups = [
        ("频次", TimeKind::Cadence),
        ("期限", TimeKind::Deadline),
        ("事后时限", TimeKind::Relative),
    ];
    let options = move || {
        let current = time();
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
    };
    view! {
        <div class="field">
            <label for="time">"时限要求"</label>
            <select
                id="time"
                inner_html=options
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    set_filter(move |f| f.time = TimeTag::from_key(&v));
                }
            ></select>
        </div>
    }
}

#[component]
fn SearchBox() -> impl IntoView {
    let c = ctx();
    view! {
        <div class="field field-search">
            <label for="q">"搜索"</label>
            <input
                type="search"
                id="q"
                placeholder="任务内容、分项或单位名称"
                autocomplete="off"
                prop:value=move || c.filter.with(|f| f.query.clone())
                on:input=move |ev| {
                    let v = event_target_value(&ev);
                    set_filter(move |f| f.query = v);
                }
            />
        </div>
    }
}
