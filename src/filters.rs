//! The filter bar: unit (searchable), role, status, pillar chips, section, time, search, the
//! visible count and one control that clears everything. Every option shows its facet count.

use crate::app::ctx;
use crate::data::{index, table};
use crate::print::PrintButton;
use gk_core::filter::{Facets, Filter};
use gk_core::model::{TimeKind, TimeTag};
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
                prop:value=move || unit.get().unwrap_or_default()
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    if v.is_empty() {
                        set_filter(|f| f.unit = None);
                    } else {
                        choose_unit(v);
                    }
                }
            >
                <option value="" selected=move || unit.with(Option::is_none)>
                    "全部单位"
                </option>
                {groups
                    .into_iter()
                    .map(|g| {
                        let names = g.units;
                        view! {
                            <optgroup label=g.heading>
                                {names
                                    .into_iter()
                                    .map(|name| unit_option(name, narrow, unit))
                                    .collect_view()}
                            </optgroup>
                        }
                    })
                    .collect_view()}
            </select>
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

fn unit_option(
    name: String,
    narrow: RwSignal<String>,
    unit: Memo<Option<String>>,
) -> impl IntoView {
    let c = ctx();
    let folded = search::normalize(&name);
    let n2 = name.clone();
    let n3 = name.clone();
    let hidden = move || {
        let q = search::normalize(&narrow.get());
        !folded.contains(&q) && unit.with(|u| u.as_deref() != Some(&n3))
    };
    view! {
        <Show when=move || !hidden()>
            <option
                value=n2.clone()
                selected={
                    let n = n2.clone();
                    move || unit.with(|u| u.as_deref() == Some(&n))
                }
            >
                {
                    let n = n2.clone();
                    move || format!("{}（{}）", n, c.facets.with(|f| f.unit(&n)))
                }
            </option>
        </Show>
    }
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
    let value = Memo::new(move |_| c.filter.with(current));
    view! {
        <div class="field">
            <label for=facet.id>{facet.label}</label>
            <select
                id=facet.id
                prop:value=move || value.get().unwrap_or_default()
                disabled=no_unit
                title=move || if no_unit() { "先选择单位" } else { "" }
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    set_filter(move |f| set(f, &v));
                }
            >
                <option value="" selected=move || value.get().is_none()>
                    {facet.all}
                </option>
                {facet
                    .options
                    .into_iter()
                    .map(|(key, label)| {
                        view! {
                            <option value=key selected=move || value.get() == Some(key)>
                                {move || format!("{label}（{}）", c.facets.with(|x| count(x, key)))}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

/// Pillars as chips with their short names; a second click on the chosen chip shows all.
#[component]
fn PillarChips() -> impl IntoView {
    let c = ctx();
    let pillar = Memo::new(move |_| c.filter.with(|f| f.pillar));
    let choose = move |p: Option<u8>| {
        set_filter(move |f| {
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
        <div class="field chips" role="group" aria-labelledby="pillar-label">
            <span id="pillar-label" class="label">"支柱"</span>
            <button
                type="button"
                class="chip"
                aria-pressed=move || pillar.get().is_none().to_string()
                on:click=move |_| set_filter(|f| {
                    f.pillar = None;
                })
            >
                "全部"
            </button>
            {table()
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
                            aria-pressed=move || (pillar.get() == Some(id)).to_string()
                            on:click=move |_| choose(Some(id))
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

/// Sections of the chosen pillar (of every pillar, grouped, when none is chosen).
#[component]
fn SectionSelect() -> impl IntoView {
    let c = ctx();
    let pillar = Memo::new(move |_| c.filter.with(|f| f.pillar));
    let section = Memo::new(move |_| c.filter.with(|f| f.section.clone()));
    let option = move |s: &'static gk_core::model::Section| {
        let id: &'static str = &s.id;
        view! {
            <option
                value=id
                selected=move || section.with(|cur| cur.as_deref() == Some(id))
            >
                {move || format!("{}（{}）", s.name, c.facets.with(|f| f.section(id)))}
            </option>
        }
    };
    view! {
        <div class="field">
            <label for="section">"分项"</label>
            <select
                id="section"
                prop:value=move || section.get().unwrap_or_default()
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    set_filter(move |f| {
                        if let Some(s) = table().section(&v) {
                            f.pillar = Some(s.pillar);
                        }
                        f.section = (!v.is_empty()).then_some(v);
                    })
                }
            >
                <option value="" selected=move || section.with(Option::is_none)>
                    "全部分项"
                </option>
                {move || {
                    let t = table();
                    match pillar.get() {
                        Some(p) => {
                            t.sections
                                .iter()
                                .filter(|s| s.pillar == p)
                                .map(option)
                                .collect_view()
                                .into_any()
                        }
                        None => {
                            t.pillars
                                .iter()
                                .map(|p| {
                                    view! {
                                        <optgroup label=p.short.clone()>
                                            {t
                                                .sections
                                                .iter()
                                                .filter(|s| s.pillar == p.id)
                                                .map(option)
                                                .collect_view()}
                                        </optgroup>
                                    }
                                })
                                .collect_view()
                                .into_any()
                        }
                    }
                }}
            </select>
        </div>
    }
}

#[component]
fn TimeSelect() -> impl IntoView {
    let c = ctx();
    let time = Memo::new(move |_| c.filter.with(|f| f.time));
    let tags = index().times();
    let group = move |label: &'static str, kind: fn(TimeKind) -> bool| {
        let tags: Vec<TimeTag> = tags.iter().copied().filter(|t| kind(t.kind())).collect();
        view! {
            <optgroup label=label>
                {tags
                    .into_iter()
                    .map(|t| {
                        view! {
                            <option value=t.key() selected=move || time.get() == Some(t)>
                                {move || format!("{}（{}）", t.label(), c.facets.with(|f| f.time(t)))}
                            </option>
                        }
                    })
                    .collect_view()}
            </optgroup>
        }
    };
    view! {
        <div class="field">
            <label for="time">"时限要求"</label>
            <select
                id="time"
                prop:value=move || time.get().map(TimeTag::key).unwrap_or_default()
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    set_filter(move |f| f.time = TimeTag::from_key(&v));
                }
            >
                <option value="" selected=move || time.get().is_none()>
                    "全部"
                </option>
                {group("频次", |k| matches!(k, TimeKind::Cadence))}
                {group("期限", |k| matches!(k, TimeKind::Deadline))}
                {group("事后时限", |k| matches!(k, TimeKind::Relative))}
            </select>
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
