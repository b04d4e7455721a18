//! The filter bar: unit (searchable), role, status, supervision light (督办), pillar chips, section, time, search, the
//! visible count and one control that clears everything. Every option shows its facet count
//! (`gk_core::options`), updated in place as the counts change.

use crate::print::PrintButton;
use crate::state::ctx;
use gk_core::describe::summary;
use gk_core::filter::{Facets, Filter};
use gk_core::model::Section;
use gk_core::options::{sections_of, times_of, with_count, TIME_GROUPS};
use gk_core::search;
use gk_core::status::StatusFilter;
use gk_core::supervision::Light;
use gk_core::units::{unit_options, Role, UnitGroup};
use leptos::prelude::*;
use std::sync::Arc;

/// The filter bar. `open`: whether the filters are unfolded. Phones (style.css) fold them into
/// one bar that says what they are set to, so that the tasks come first; the bar's button
/// unfolds them. The bar stays at the top of the screen (sticky), so that it is also the way
/// back to the filters from far down the list, without a scroll listener. Choosing a unit folds
/// them. Wider screens always show the filters.
#[component]
pub fn FilterBar(open: RwSignal<bool>) -> impl IntoView {
    let c = ctx();
    let d = c.data();
    let total = d.table.tasks.len();
    view! {
        <section
            class="filters no-print"
            class:folded=move || !open.get()
            id="filters"
            tabindex="-1"
            aria-label="筛选"
        >
            <div class="filter-fold">
                <p class="filter-active">{move || c.filter.with(|f| summary(&d.table, f))}</p>
                <button
                    type="button"
                    class="filter-toggle"
                    aria-controls="filter-body"
                    aria-expanded=move || if open.get() { "true" } else { "false" }
                    on:click=move |_| open.update(|o| *o = !*o)
                >
                    {move || if open.get() { "收起筛选" } else { "筛选" }}
                </button>
                // The file to send, from anywhere in a long list (the bar stays on screen).
                <button
                    type="button"
                    class="fold-export primary"
                    title="导出报送文件，交给收文单位"
                    hidden=move || c.unit.with(Option::is_none)
                    on:click=move |_| {
                        crate::table::unit_part::with_kit(|k| (k.export)());
                    }
                >
                    "导出报送"
                </button>
            </div>
            <div class="filter-body" id="filter-body">
                <div class="filter-row">
                    <UnitPicker open />
                    {unit_facet(&ROLE)}
                    {unit_facet(&STATUS)}
                    {unit_facet(&LIGHT)}
                </div>
                <PillarChips />
                <div class="filter-row">
                    <SectionSelect />
                    <TimeSelect />
                    <div class="field field-search">
                        <label for="q">"搜索"</label>
                        <input
                            type="search"
                            id="q"
                            placeholder="任务内容、分项或单位名称"
                            autocomplete="off"
                            prop:value=move || c.query.get()
                            on:input=move |ev| {
                                let v = event_target_value(&ev);
                                set_filter(move |f| f.query = v);
                            }
                        />
                    </div>
                </div>
            </div>
            <div class="filter-summary">
                <p class="count" role="status" aria-live="polite">
                    // With a unit, out of the unit's tasks: 显示 1 / 本单位 78 项.
                    {move || {
                        let n = c.matching.with(Vec::len);
                        if c.unit.with(Option::is_some) {
                            format!("显示 {n} / 本单位 {} 项", c.unit_tasks.with(Vec::len))
                        } else {
                            format!("显示 {n} / {total} 项")
                        }
                    }}
                </p>
                <OnlyOpen />
                <button
                    type="button"
                    class="clear"
                    // Nothing to clear but the as-of day, which clearing keeps (Filter::clear).
                    disabled=move || {
                        c.filter
                            .with(|f| {
                                let mut cleared = f.clone();
                                cleared.clear();
                                cleared == *f
                            })
                    }
                    on:click=move |_| c.filter.update(Filter::clear)
                >
                    "清除全部筛选"
                </button>
                <PrintButton />
            </div>
        </section>
    }
}

/// 只看未完成: the status filter's preset 未完成 (未开始 or 进行中), on or off, with its count.
/// Only with a unit: statuses are a unit's own.
#[component]
fn OnlyOpen() -> impl IntoView {
    let c = ctx();
    let on = move || c.filter.with(|f| f.status == Some(StatusFilter::Open));
    view! {
        <label class="only-open" hidden=move || c.unit.with(Option::is_none)>
            <input
                type="checkbox"
                id="only-open"
                prop:checked=on
                on:change=move |ev| {
                    let checked = event_target_checked(&ev);
                    set_filter(move |f| f.status = checked.then_some(StatusFilter::Open));
                }
            />
            {move || with_count("只看未完成", c.facets.with(|x| x.status_filter(StatusFilter::Open)))}
        </label>
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

/// A value read from the state, boxed: one copy of [`option`] serves every select.
type Reads<T> = Box<dyn Fn() -> T + Send>;

/// An `<option>` of a select: `value`, its label with the facet count `count()` (none for the
/// "any" option), chosen while `chosen()`. The select's value follows too (`prop:value` on it):
/// the `selected` attribute alone stops counting once the user has picked an option.
fn option(
    value: Arc<str>,
    label: Arc<str>,
    count: Option<Reads<usize>>,
    chosen: Reads<bool>,
) -> impl IntoView {
    view! {
        <option value=value selected=chosen>
            {move || match &count {
                Some(n) => with_count(&label, n()),
                None => label.to_string(),
            }}
        </option>
    }
}

/// The unit picker: a native `<select>` grouped into 市直部门, 县（市、区） and 其他单位, with a
/// box above it that narrows the options by any part of the name (many names begin with 市,
/// so the select's own type-ahead is not enough, and it does not work with an input method).
/// The chosen unit always stays among the options. (The options of a group are an iterator of
/// views, redrawn as the finder narrows them: a keyed `<For>` would add 4 kB gzipped.)
/// `open`: whether the filters are unfolded (on a phone); choosing a unit folds them.
#[component]
fn UnitPicker(open: RwSignal<bool>) -> impl IntoView {
    let c = ctx();
    let d = c.data();
    // Made once per page, for as long as it is open.
    let groups: Vec<UnitGroup> = unit_options(&d.table);
    // What the finder narrows the units to.
    let narrow = RwSignal::new(String::new());
    // Without a narrowing term every unit shows, and choosing one redraws no option.
    let shown = move |names: &[Arc<str>]| {
        let q = search::normalize(&narrow.get());
        if q.is_empty() {
            return names.to_vec();
        }
        c.unit.with(|u| {
            names
                .iter()
                .filter(|n| u.as_deref() == Some(&***n) || search::normalize(n).contains(&q))
                .cloned()
                .collect::<Vec<_>>()
        })
    };
    let pick_first = move || {
        let q = search::normalize(&narrow.get_untracked());
        let first = d
            .index
            .units()
            .iter()
            .find(|u| search::normalize(u).contains(&q));
        if let Some(u) = first {
            choose_unit(u.clone(), open);
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
                    prop:value=move || c.unit.get().unwrap_or_default()
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        if v.is_empty() {
                            set_filter(|f| f.unit = None);
                        } else {
                            choose_unit(v, open);
                        }
                    }
                >
                    {option("".into(), "全部单位".into(), None, Box::new(move || c.unit.with(Option::is_none)))}
                    {groups
                        .into_iter()
                        .map(|g| {
                            let names: Vec<Arc<str>> = g.units.iter().map(|n| Arc::from(n.as_str())).collect();
                            view! {
                                <optgroup label=g.heading.to_string()>
                                    {move || {
                                        shown(&names)
                                            .into_iter()
                                            .map(|name| {
                                                let n = name.clone();
                                                let m = name.clone();
                                                option(
                                                    name.clone(),
                                                    name,
                                                    Some(Box::new(move || c.facets.with(|f| f.unit(&n)))),
                                                    Box::new(move || c.unit.with(|u| u.as_deref() == Some(&*m))),
                                                )
                                            })
                                            .collect_view()
                                    }}
                                </optgroup>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
        </div>
    }
}

/// The user chose their unit: show its tasks (on a phone, fold the filters away: `open`) and
/// remember it as "my unit" (a unit that only came with a link is not remembered).
fn choose_unit(unit: String, open: RwSignal<bool>) {
    ctx().data().store.save_my_unit(&unit);
    open.set(false);
    set_filter(move |f| f.unit = Some(unit));
}

/// A facet that only applies once a unit is chosen (role, status, light): its select, its options and
/// how it reads and sets the filter and reads the counts.
struct UnitFacet {
    id: &'static str,
    label: &'static str,
    /// The option for "any".
    all: &'static str,
    /// (key, label) of every option.
    options: fn() -> Vec<(&'static str, &'static str)>,
    current: fn(&Filter) -> Option<&'static str>,
    set: fn(&mut Filter, &str),
    count: fn(&Facets, &str) -> usize,
}

static ROLE: UnitFacet = UnitFacet {
    id: "role",
    label: "角色",
    all: "牵头和责任",
    options: || Role::ALL.map(|r| (r.key(), r.label())).to_vec(),
    current: |f| f.role.map(Role::key),
    set: |f, k| f.role = Role::from_key(k),
    count: |x, k| Role::from_key(k).map_or(0, |r| x.role(r)),
};

static STATUS: UnitFacet = UnitFacet {
    id: "status-filter",
    label: "完成状态",
    all: "全部状态",
    // 未完成 first: the preset of the 只看未完成 toggle.
    options: || StatusFilter::ALL.map(|s| (s.key(), s.label())).to_vec(),
    current: |f| f.status.map(StatusFilter::key),
    set: |f, k| f.status = StatusFilter::from_key(k),
    count: |x, k| StatusFilter::from_key(k).map_or(0, |s| x.status_filter(s)),
};

static LIGHT: UnitFacet = UnitFacet {
    id: "light-filter",
    label: "督办",
    all: "全部",
    // A task on track shows no mark; in the list it needs a word.
    options: || {
        Light::ALL
            .map(|l| {
                (
                    l.key(),
                    if l == Light::OnTrack {
                        "正常推进"
                    } else {
                        l.label()
                    },
                )
            })
            .to_vec()
    },
    current: |f| f.light.map(Light::key),
    set: |f, k| f.light = Light::from_key(k),
    count: |x, k| Light::from_key(k).map_or(0, |l| x.light(l)),
};

/// The select of a [`UnitFacet`], disabled until a unit is chosen; each option with its count.
/// Not generic, so that one copy serves every such facet.
fn unit_facet(facet: &'static UnitFacet) -> impl IntoView {
    let c = ctx();
    let no_unit = move || c.filter.with(|f| f.unit.is_none());
    let value = move || c.filter.with(facet.current);
    view! {
        <div class="field">
            <label for=facet.id>{facet.label}</label>
            <select
                id=facet.id
                disabled=no_unit
                title=move || no_unit().then_some("先选择单位")
                prop:value=move || value().unwrap_or_default()
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    set_filter(move |f| (facet.set)(f, &v));
                }
            >
                {option("".into(), facet.all.into(), None, Box::new(move || value().is_none()))}
                {(facet.options)()
                    .into_iter()
                    .map(|(key, label)| {
                        option(
                            key.into(),
                            label.into(),
                            Some(Box::new(move || c.facets.with(|x| (facet.count)(x, key)))),
                            Box::new(move || value() == Some(key)),
                        )
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

/// Pillars as chips with their short names (the full name as title); a second click on the
/// chosen chip shows all. Each chip is updated in place (pressed, count), so the chip pressed
/// from the keyboard keeps the focus.
#[component]
fn PillarChips() -> impl IntoView {
    let c = ctx();
    let pressed = move |p: Option<u8>| {
        move || {
            if c.filter.with(|f| f.pillar == p) {
                "true"
            } else {
                "false"
            }
        }
    };
    view! {
        <div class="field chips" role="group" aria-labelledby="pillar-label">
            <span id="pillar-label" class="label">
                "支柱"
            </span>
            <button
                type="button"
                class="chip"
                data-pillar=""
                aria-pressed=pressed(None)
                on:click=move |_| pillar_clicked(None)
            >
                "全部"
            </button>
            {c.data()
                .table
                .pillars
                .iter()
                .map(|p| {
                    let id = p.id;
                    view! {
                        <button
                            type="button"
                            class="chip"
                            title=p.name.clone()
                            data-pillar=id
                            aria-pressed=pressed(Some(id))
                            on:click=move |_| pillar_clicked(Some(id))
                        >
                            {p.short.clone()}
                            <span class="n">{move || c.facets.with(|f| f.pillar(id))}</span>
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}

/// A chip was clicked: its pillar (`None` for 全部).
fn pillar_clicked(p: Option<u8>) {
    let d = ctx().data();
    set_filter(move |f| {
        // 全部, or a second click on the chosen chip, shows every pillar.
        f.pillar = if f.pillar == p { None } else { p };
        // Keep the section within the pillar.
        if let (Some(s), Some(p)) = (&f.section, f.pillar) {
            if d.table.section(s).is_some_and(|s| s.pillar != p) {
                f.section = None;
            }
        }
    })
}

/// Sections of the chosen pillar (of every pillar, grouped, when none is chosen).
#[component]
fn SectionSelect() -> impl IntoView {
    let c = ctx();
    let d = c.data();
    // The options are made again only when the pillar changes, not on every filter change.
    let pillar = Memo::new(move |_| c.filter.with(|f| f.pillar));
    let current = move || c.filter.with(|f| f.section.clone());
    let section = move |s: &Section| {
        let id: Arc<str> = s.id.as_str().into();
        let (a, b) = (id.clone(), id.clone());
        option(
            id,
            s.name.as_str().into(),
            Some(Box::new(move || c.facets.with(|f| f.section(&a)))),
            Box::new(move || c.filter.with(|f| f.section.as_deref() == Some(&*b))),
        )
    };
    let d2 = d.clone();
    view! {
        <div class="field">
            <label for="section">"分项"</label>
            <select
                id="section"
                prop:value=move || current().unwrap_or_default()
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    let d2 = d2.clone();
                    set_filter(move |f| {
                        if let Some(s) = d2.table.section(&v) {
                            f.pillar = Some(s.pillar);
                        }
                        f.section = (!v.is_empty()).then_some(v);
                    })
                }
            >
                {option("".into(), "全部分项".into(), None, Box::new(move || c.filter.with(|f| f.section.is_none())))}
                {move || {
                let t = &d.table;
                match pillar.get() {
                    Some(p) => sections_of(t, p).map(section).collect_view().into_any(),
                    None => {
                        t.pillars
                            .iter()
                            .map(|p| {
                                view! {
                                    <optgroup label=p.short.as_str()>
                                        {sections_of(t, p.id).map(section).collect_view()}
                                    </optgroup>
                                }
                            })
                            .collect_view()
                            .into_any()
                    }
                }}}
            </select>
        </div>
    }
}

#[component]
fn TimeSelect() -> impl IntoView {
    let c = ctx();
    let data = c.data();
    let tags = data.index.times().to_vec();
    let time = move || c.filter.with(|f| f.time.clone());
    view! {
        <div class="field">
            <label for="time">"时限要求"</label>
            <select
                id="time"
                prop:value=move || time().unwrap_or_default()
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    set_filter(move |f| f.time = (!v.is_empty()).then_some(v));
                }
            >
                {option("".into(), "全部".into(), None, Box::new(move || time().is_none()))}
                {TIME_GROUPS
                    .into_iter()
                    .map(|(heading, kind)| {
                        view! {
                            <optgroup label=heading>
                                {times_of(&data.table, &tags, kind)
                                    .into_iter()
                                    .map(|t| {
                                        let key: Arc<str> = t.key.as_str().into();
                                        let (k1, k2) = (key.clone(), key.clone());
                                        option(
                                            key,
                                            t.label.as_str().into(),
                                            Some(Box::new(move || c.facets.with(|f| f.time(&k1)))),
                                            Box::new(move || c.filter.with(|f| f.time.as_deref() == Some(&*k2))),
                                        )
                                    })
                                    .collect_view()}
                            </optgroup>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}
