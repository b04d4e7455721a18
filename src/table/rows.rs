//! The task table: the header, and a row per pillar, section and item heading and per task.
//!
//! The real table (about 210 rows) keeps every row in the page, built as one HTML string
//! (`gk_core::html`) that the browser parses at once: a few milliseconds, where creating the
//! same 2,000 elements one call at a time from wasm took tens. A filter change flips the
//! `hidden` of the rows whose visibility changed, and rows off screen skip layout (style.css).
//! The chosen unit's role badge and status and note controls are Leptos views mounted into a
//! row's 本单位 cell the first time the row belongs to the chosen unit, and updated in place on
//! another unit; a new search term rewrites the text of the rows that have or had a match. A
//! much longer table (the benchmark's synthetic one) renders the shown rows a block at a time,
//! as Leptos views.
//!
//! With a unit chosen, each task row shows its supervision light (督办: 逾期, 待更新, 临期,
//! 已完成 or 不适用; a word with its colour, none on track) and carries it as `data-light`. The lights
//! are computed in one pass (`Ctx::lights`), and a row's light signal is set only when its
//! light changes.
//!
//! What the user changes stays in the controls: a status or a note is saved at once, and the
//! controls are set from the checklists only for another unit or another tab's change
//! (`Ctx::outside`), so typing is never interrupted by a redraw.

use crate::data::Data;
use crate::edit;
use crate::note;
use crate::state::{ctx, Ctx};
use crate::table::unit_part::{Kit, KitSignal};
use gk_core::checklist::{note_counter, Checklists, NOTE_LIMIT};
#[cfg(feature = "long-table")]
use gk_core::filter::Filter;
use gk_core::html;
#[cfg(feature = "long-table")]
use gk_core::layout::pillar_heading;
use gk_core::layout::{rows, visible, Row};
#[cfg(feature = "long-table")]
use gk_core::search;
use gk_core::status::Status;
use gk_core::supervision::{Date, Light};
use gk_core::units::{Assignment, Role};
#[cfg(feature = "long-table")]
use leptos::either::Either;
use leptos::mount::UnmountHandle;
use leptos::prelude::*;
use leptos::tachys::view::any_view::AnyViewState;

/// A table of more rows than this renders a block of shown rows at a time (with the
/// `long-table` feature; build.rs refuses a table that needs it without).
#[cfg(feature = "long-table")]
const LONG_VIEW: usize = 600;
/// The rows of a block: more than fill a screen.
#[cfg(feature = "long-table")]
const BLOCK: usize = 100;

/// The chosen unit and the search term as the rows read them: signals that notify only on a
/// real change. `Ctx::unit` and `Ctx::query` are memos of the filter, and every filter change
/// would wake each of their many readers in the rows to check whether they changed.
#[derive(Clone, Copy)]
struct RowCtx {
    c: Ctx,
    unit: ReadSignal<Option<String>>,
    has_unit: ReadSignal<bool>,
    query: ReadSignal<String>,
    kit: KitSignal,
}

/// A signal that follows `source` and notifies its readers only when the value changes.
fn settled<T>(source: impl Fn() -> T + 'static) -> ReadSignal<T>
where
    T: PartialEq + Send + Sync + 'static,
{
    let (read, write) = signal(untrack(&source));
    Effect::new(move |_| {
        let v = source();
        if read.with_untracked(|cur| *cur != v) {
            write.set(v);
        }
    });
    read
}

#[component]
pub fn TaskTable() -> impl IntoView {
    let c = ctx();
    let rc = RowCtx {
        c,
        unit: settled(move || c.unit.get()),
        has_unit: settled(move || c.unit.with(Option::is_some)),
        query: settled(move || c.query.get()),
        kit: use_context::<KitSignal>().unwrap_or_else(|| signal(None).0),
    };
    let d = c.data();
    let every: Vec<usize> = (0..d.table.tasks.len()).collect();
    let all = rows(&d.table, &every);
    #[cfg(feature = "long-table")]
    let (body, after) = if all.len() > LONG_VIEW {
        long_view(rc)
    } else {
        (whole_view(rc, all), ().into_any())
    };
    #[cfg(not(feature = "long-table"))]
    let (body, after) = (whole_view(rc, all), ());
    // The first run comes once the page is mounted: the rows are in it.
    Effect::new(|_| mark_rendered());
    crate::table::highlight::follow_unit();
    view! {
        <table class="tasks" class:with-unit=move || rc.has_unit.get()>
            <thead>
                <tr>
                    <th scope="col" class="col-id">"编号"</th>
                    <th scope="col" class="col-text">"工作任务及要求"</th>
                    <th scope="col" class="col-units">"牵头单位"</th>
                    <th scope="col" class="col-units">"责任单位"</th>
                    <th scope="col" class="col-mine">
                        <span class="no-print">"本单位"</span>
                        <span class="print-only">"状态"</span>
                    </th>
                    <th scope="col" class="col-note print-only">"备注"</th>
                </tr>
            </thead>
            {body}
        </table>
        {after}
        <p class="empty" id="no-tasks" hidden=move || !c.shown.with(Vec::is_empty)>
            "没有符合条件的任务。可以放宽筛选条件，或点击“清除全部筛选”。"
        </p>
    }
}

/// `make bench` measures time to table by this mark: the rows are in the page.
fn mark_rendered() {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark("table-rendered");
    }
}

/// A row of the real table as the page holds it: its element (built from the string of
/// `gk_core::html`) and, for a task, the chosen unit's part.
struct Line {
    row: Row,
    el: web_sys::Element,
    mine: Option<Mine>,
    /// Whether its text holds search marks now.
    marked: bool,
    /// The unit's controls, once mounted into the row's cells (the first time the row is the
    /// chosen unit's task); dropping them unmounts them.
    filled: Vec<UnmountHandle<AnyViewState>>,
}

/// Every row of the real table, hidden while the filter leaves it out: built as one HTML string
/// and parsed by the browser at once. A filter change flips `hidden` on the rows whose
/// visibility changed, a new search term rewrites the text of the rows that have or had a
/// match, and the unit's controls are Leptos views mounted into a row's cells.
fn whole_view(rc: RowCtx, all: Vec<Row>) -> AnyView {
    let c = rc.c;
    let d = c.data();
    let first = c.shown.with_untracked(|s| visible(&d.table, &all, s));
    let unit = c.unit.get_untracked();
    let day = c.day.get_untracked();
    let query = rc.query.get_untracked();
    let mines: Vec<Option<Mine>> = c.checklists.with_untracked(|cl| {
        all.iter()
            .map(|&row| match row {
                Row::Task(i) => {
                    let light = light_of(c, &d, unit.as_deref(), cl, day, i);
                    Some(Mine::new(&d, i, unit.as_deref(), cl, light))
                }
                _ => None,
            })
            .collect()
    });
    let mut html = String::with_capacity(all.len() * 600);
    let mut marks = Vec::with_capacity(all.len());
    for ((&row, mine), &shown) in all.iter().zip(&mines).zip(&first) {
        let state = html::RowState {
            hidden: !shown,
            light: mine.and_then(|m| m.light.get_untracked()),
            has_unit: unit.is_some(),
            query: &query,
        };
        marks.push(html::row(&mut html, &d.table, row, state));
    }
    let tbody = NodeRef::<leptos::html::Tbody>::new();
    // The controls are mounted under the table's owner, not under the effect that mounts them
    // (whose next run would dispose of them).
    let owner = Owner::current().unwrap_or_default();
    Effect::new(move |_| {
        let Some(tb) = tbody.get() else {
            return;
        };
        let children = tb.children();
        let lines: Vec<Line> = all
            .iter()
            .zip(&mines)
            .zip(&marks)
            .enumerate()
            .filter_map(|(n, ((&row, &mine), &marked))| {
                Some(Line {
                    row,
                    el: children.item(n as u32)?,
                    mine,
                    marked,
                    filled: Vec::new(),
                })
            })
            .collect();
        let lines = StoredValue::new_local(lines);
        let fill_all = {
            let owner = owner.clone();
            move || {
                let kit = rc.kit.get_untracked().and_then(Result::ok);
                lines.update_value(|ls| ls.iter_mut().for_each(|l| owner.with(|| fill(c, kit, l))))
            }
        };
        // The controls come with the unit's code (unit_part.rs), loaded once a unit is chosen.
        let fill_loaded = fill_all.clone();
        Effect::new(move |_| {
            if rc.kit.with(|k| matches!(k, Some(Ok(_)))) {
                fill_loaded();
            }
        });
        follow(rc, lines, first.clone(), fill_all);
    });
    view! { <tbody node_ref=tbody inner_html=html></tbody> }.into_any()
}

/// The effects that keep the rows in step: the filter, the search term, the unit (headings'
/// span, controls), the lights, and other tabs' changes.
fn follow(
    rc: RowCtx,
    lines: StoredValue<Vec<Line>, LocalStorage>,
    first: Vec<bool>,
    fill_all: impl Fn() + 'static,
) {
    let c = rc.c;
    let all: Vec<Row> = lines.with_value(|ls| ls.iter().map(|l| l.row).collect());
    // The filter: flip the rows whose visibility changed, and only those.
    let mut had = first;
    Effect::new(move |_| {
        let want = c
            .data
            .with_value(|d| c.shown.with(|s| visible(&d.table, &all, s)));
        lines.with_value(|ls| {
            for ((&w, h), l) in want.iter().zip(&had).zip(ls) {
                if w != *h {
                    let _ = l.el.toggle_attribute_with_force("hidden", !w);
                }
            }
        });
        had = want;
    });
    // Held rows the view no longer matches: marked, so that the print leaves them out.
    let mut was: Vec<usize> = Vec::new();
    Effect::new(move |_| {
        let now = c.leaving.get();
        lines.with_value(|ls| {
            for l in ls {
                let Row::Task(t) = l.row else { continue };
                let (a, b) = (was.binary_search(&t).is_ok(), now.binary_search(&t).is_ok());
                if a != b {
                    let _ = l.el.toggle_attribute_with_force("data-leaving", b);
                }
            }
        });
        was = now;
    });
    // Headings span the 本单位 column with a unit chosen.
    Effect::new(move |prev: Option<()>| {
        let span = html::heading_span(rc.has_unit.get());
        if prev.is_some() {
            lines.with_value(|ls| {
                for l in ls.iter().filter(|l| !matches!(l.row, Row::Task(_))) {
                    if let Some(th) = l.el.first_element_child() {
                        let _ = th.set_attribute("colspan", span);
                    }
                }
            });
        }
    });
    // A new search term: the rows that have or had a match, written again.
    Effect::new(move |prev: Option<()>| {
        rc.query.with(|q| {
            if prev.is_some() {
                c.data.with_value(|d| {
                    lines.update_value(|ls| ls.iter_mut().for_each(|l| remark(d, l, q)))
                });
            }
        })
    });
    // The lights (the unit, the as-of day, a record changed): every row whose light changed,
    // in one pass.
    Effect::new(move |_| {
        let day = c.day.get();
        c.data.with_value(|d| {
            rc.unit.with(|u| {
                c.checklists.with(|cl| {
                    lines.with_value(|ls| {
                        for l in ls {
                            let Some(m) = l.mine else { continue };
                            let light = light_of(c, d, u.as_deref(), cl, day, m.task);
                            if m.set_light(light) {
                                let _ = match light {
                                    Some(l2) => l.el.set_attribute("data-light", l2.key()),
                                    None => l.el.remove_attribute("data-light"),
                                };
                            }
                        }
                    })
                })
            })
        })
    });
    // Another unit, or another tab's change: every row's controls in one pass, and the rows
    // that are the unit's tasks for the first time get theirs.
    // (Not on the first run: the rows were made with the current values.)
    Effect::new(move |prev: Option<Option<String>>| {
        c.outside.track();
        rc.unit.with(|u| {
            if let Some(before) = &prev {
                let from = From::of(Some(before), u);
                c.data.with_value(|d| {
                    c.checklists.with_untracked(|cl| {
                        lines.with_value(|ls| {
                            ls.iter()
                                .filter_map(|l| l.mine)
                                .for_each(|m| m.refresh(d, u.as_deref(), cl, from))
                        })
                    })
                });
                fill_all();
            }
            u.clone()
        })
    });
}

/// Mounts the unit's controls into a task row's 本单位 cell and its note into the print-only
/// 备注 cell, once the row is the unit's.
fn fill(c: Ctx, kit: Option<Kit>, l: &mut Line) {
    let (Some(m), Some(kit)) = (l.mine, kit) else {
        return;
    };
    if !l.filled.is_empty() || !m.filled.get_untracked() {
        return;
    }
    let cells = l.el.children();
    if let (Some(mine), Some(note)) = (cells.item(4), cells.item(5)) {
        l.filled
            .push(leptos::mount::mount_to_renderer(&mine, move || {
                (kit.controls)(c, m)
            }));
        l.filled
            .push(leptos::mount::mount_to_renderer(&note, move || {
                (kit.note)(m)
            }));
    }
}

/// Writes a row's text again with the marks of `q`, when it has or had a match.
fn remark(d: &Data, l: &mut Line, q: &str) {
    let t = &d.table;
    let mut s = String::new();
    match l.row {
        Row::Task(i) => {
            let task = &t.tasks[i];
            let mut hit = html::task_text(&mut s, &task.text, q);
            let lists = [&task.lead, &task.responsible].map(|names| {
                let mut items = String::new();
                hit |= html::unit_items(&mut items, names, q);
                items
            });
            if !hit && !l.marked {
                return;
            }
            l.marked = hit;
            let cells = l.el.children();
            if let Some(cell) = cells.item(1) {
                cell.set_inner_html(&s);
            }
            // Cells 2 and 3: the lists (a cell without units holds a dash, never marked).
            for (n, items) in (2..).zip(&lists) {
                let list = cells.item(n).and_then(|cell| cell.first_element_child());
                if let (Some(list), false) = (list, items.is_empty()) {
                    list.set_inner_html(items);
                }
            }
        }
        row => {
            let hit = html::heading_text(&mut s, t, row, q).unwrap_or(false);
            if !hit && !l.marked {
                return;
            }
            l.marked = hit;
            let h =
                l.el.first_element_child()
                    .and_then(|th| th.first_element_child());
            if let Some(h) = h {
                h.set_inner_html(&s);
            }
        }
    }
}

/// A long table renders the shown rows, its first block and the next ones as the reader nears
/// the end, so that a filter change costs what is on screen, not the whole view. `more` is the
/// number of rows added for one filter; another filter starts again from the first block.
#[cfg(feature = "long-table")]
fn long_view(rc: RowCtx) -> (AnyView, AnyView) {
    let c = rc.c;
    let data = c.data;
    let rows = Memo::new(move |_| data.with_value(|d| c.shown.with(|s| rows(&d.table, s))));
    let more = RwSignal::new((Filter::default(), 0usize));
    let limit = move || {
        let extra = more.with(|(f, n)| if c.filter.with(|cur| cur == f) { *n } else { 0 });
        BLOCK + extra
    };
    let rendered = move || {
        let n = limit();
        rows.with(|r| r[..n.min(r.len())].to_vec())
    };
    let hidden_tasks = Memo::new(move |_| {
        let n = limit();
        rows.with(|r| {
            r.iter()
                .skip(n)
                .filter(|r| matches!(r, Row::Task(_)))
                .count()
        })
    });
    let load_more = move || {
        // The next block: `limit` becomes `BLOCK + n`.
        let n = untrack(limit);
        more.set((c.filter.get_untracked(), n));
    };
    let body = view! {
        <tbody>
            <For each=rendered key=move |r| data.with_value(|d| r.key(&d.table)) let:row>
                {long_row(rc, row)}
            </For>
        </tbody>
    };
    let after = view! {
        <Show when=move || hidden_tasks.get() != 0>
            <MoreRows hidden=hidden_tasks load_more=load_more />
        </Show>
    };
    (body.into_any(), after.into_any())
}

/// A row of a long view: never hidden (it is there only while shown); its controls follow the
/// chosen unit and other tabs by themselves.
#[cfg(feature = "long-table")]
fn long_row(rc: RowCtx, row: Row) -> AnyView {
    let c = rc.c;
    let mine = match row {
        Row::Task(i) => {
            let unit = c.unit.get_untracked();
            let data = c.data;
            let m = data.with_value(|d| {
                c.checklists.with_untracked(|cl| {
                    let light = light_of(c, d, unit.as_deref(), cl, c.day.get_untracked(), i);
                    Mine::new(d, i, unit.as_deref(), cl, light)
                })
            });
            Effect::new(move |prev: Option<Option<String>>| {
                c.outside.track();
                rc.unit.with(|u| {
                    let from = From::of(prev.as_ref(), u);
                    data.with_value(|d| {
                        c.checklists
                            .with_untracked(|cl| m.refresh(d, u.as_deref(), cl, from))
                    });
                    u.clone()
                })
            });
            Effect::new(move |_| {
                let day = c.day.get();
                rc.unit.with(|u| {
                    data.with_value(|d| {
                        c.checklists
                            .with(|cl| m.set_light(light_of(c, d, u.as_deref(), cl, day, i)))
                    })
                })
            });
            Some(m)
        }
        _ => None,
    };
    row_view(rc, row, RwSignal::new(false), mine)
}

/// Below a long view's rendered rows: a button for the next block, pressed by itself when it
/// scrolls near the screen.
#[cfg(feature = "long-table")]
#[component]
fn MoreRows(hidden: Memo<usize>, load_more: impl Fn() + Copy + 'static) -> impl IntoView {
    let button = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        if let Some(el) = button.get() {
            observe_near_screen(&el, load_more);
        }
    });
    view! {
        <p class="more-rows no-print">
            <button type="button" node_ref=button on:click=move |_| load_more()>
                {move || format!("显示更多（还有 {} 项任务）", hidden.get())}
            </button>
        </p>
    }
}

/// Calls `f` whenever `el` comes within a screen's height of the viewport.
#[cfg(feature = "long-table")]
fn observe_near_screen(el: &web_sys::Element, f: impl Fn() + 'static) {
    use wasm_bindgen::prelude::*;
    let callback = Closure::<dyn Fn(js_sys::Array)>::new(move |entries: js_sys::Array| {
        let near = entries.iter().any(|e| {
            e.unchecked_into::<web_sys::IntersectionObserverEntry>()
                .is_intersecting()
        });
        if near {
            f();
        }
    });
    let options = web_sys::IntersectionObserverInit::new();
    options.set_root_margin("100% 0px");
    if let Ok(observer) =
        web_sys::IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &options)
    {
        observer.observe(el);
        on_cleanup(move || observer.disconnect());
    }
    // Lives as long as the page (one per long view shown).
    callback.forget();
}

/// One row of a long view, as Leptos views: a task row has the unit's two cells only with a
/// unit chosen.
#[cfg(feature = "long-table")]
fn row_view(rc: RowCtx, row: Row, hidden: RwSignal<bool>, mine: Option<Mine>) -> AnyView {
    let d = rc.c.data();
    let t = &d.table;
    let q = rc.query;
    match row {
        Row::Pillar(p) => heading(
            rc,
            "pillar-row",
            hidden,
            view! { <h2>{pillar_heading(&t.pillars[p])}</h2> },
        ),
        Row::Section(s) => {
            let name = t.sections[s].name.clone();
            heading(
                rc,
                "section-row",
                hidden,
                view! { <h3>{highlighted(q, name)}</h3> },
            )
        }
        Row::Item(i) => {
            let item = t.tasks[i].item.clone();
            heading(
                rc,
                "item-row",
                hidden,
                view! { <h4>{highlighted(q, item)}</h4> },
            )
        }
        Row::Task(i) => {
            let task = &t.tasks[i];
            let text = task.text.clone();
            let light = mine.map(|m| m.light);
            let cells = mine.map(|m| move || rc.has_unit.get().then(|| mine_cells(rc, m)));
            view! {
                <tr
                    class="task-row"
                    data-task-id=task.id.clone()
                    data-light=move || light.and_then(|l| l.get()).map(Light::key)
                    hidden=hidden
                >
                    <td class="col-id" data-label="编号">{task.id.clone()}</td>
                    <td class="col-text" data-label="工作任务及要求">
                        {move || {
                            q.with(|q| {
                                text.split('\n')
                                    .map(|p| view! { <p>{marked(p, q)}</p> })
                                    .collect_view()
                            })
                        }}
                    </td>
                    <td class="col-units" data-label="牵头单位">{units(q, task.lead.clone())}</td>
                    <td class="col-units" data-label="责任单位">{units(q, task.responsible.clone())}</td>
                    {cells}
                </tr>
            }
            .into_any()
        }
    }
}

/// A heading row across the table. The empty print-only cell fills the 备注 column, which only
/// print has (so the heading's colspan is the screen's column count).
#[cfg(feature = "long-table")]
fn heading(
    rc: RowCtx,
    class: &'static str,
    hidden: RwSignal<bool>,
    h: impl IntoView + 'static,
) -> AnyView {
    view! {
        <tr class=class hidden=hidden>
            <th colspan=move || if rc.has_unit.get() { "5" } else { "4" } scope="colgroup">
                {h}
            </th>
            <td class="print-only fill"></td>
        </tr>
    }
    .into_any()
}

/// A task's lead or responsible units, a dash for none. Each name carries `data-unit`, by
/// which the chosen unit is marked (src/table/highlight.rs).
#[cfg(feature = "long-table")]
fn units(q: ReadSignal<String>, names: Vec<String>) -> impl IntoView {
    if names.is_empty() {
        return Either::Left(view! { <span class="none">"—"</span> });
    }
    Either::Right(view! {
        <ul class="unit-list">
            {move || {
                q.with(|q| {
                    names
                        .iter()
                        .map(|n| view! { <li data-unit=n.clone()>{marked(n, q)}</li> })
                        .collect_view()
                })
            }}
        </ul>
    })
}

/// `text` with every match of the search term in `<mark>`, kept in step with the term.
#[cfg(feature = "long-table")]
fn highlighted(q: ReadSignal<String>, text: String) -> impl IntoView {
    move || q.with(|q| marked(&text, q))
}

/// `text` with every match of `query` in `<mark>` (as it is, one text node, without a match).
#[cfg(feature = "long-table")]
fn marked(text: &str, query: &str) -> impl IntoView {
    let pieces = search::marked(text, query);
    if pieces.iter().all(|&(_, hit)| !hit) {
        return Either::Left(text.to_string());
    }
    Either::Right(
        pieces
            .into_iter()
            .map(|(piece, hit)| {
                if hit {
                    Either::Right(view! { <mark>{piece.to_string()}</mark> })
                } else {
                    Either::Left(piece.to_string())
                }
            })
            .collect_view(),
    )
}

/// The chosen unit's role in a task, e.g. 责任 · 市政府各部门.
#[derive(Clone, Default, PartialEq)]
struct Badge {
    class: &'static str,
    /// A hint for the tasks the unit may mark 不适用.
    title: Option<&'static str>,
    label: String,
}

impl Badge {
    fn of(a: &Assignment) -> Self {
        Badge {
            class: match a.role {
                Role::Lead => "role role-lead",
                Role::Responsible => "role role-responsible",
            },
            title: a
                .optional()
                .then_some("有关部门的任务：与本单位无关时可标记为“不适用”"),
            label: a.label(),
        }
    }
}

/// The chosen unit's light of task `i` on the as-of day; `None` without a unit or when the
/// task is not the unit's.
fn light_of(
    c: Ctx,
    d: &Data,
    unit: Option<&str>,
    cl: &Checklists,
    day: Date,
    i: usize,
) -> Option<Light> {
    let unit = unit?;
    let mine = c.unit_tasks.with(|ts| ts.binary_search(&i).is_ok());
    let task = &d.table.tasks[i];
    let schedule = d.index.schedule(i).filter(|_| mine)?;
    Some(schedule.light(cl.get(unit, &task.id), day))
}

/// The chosen unit's part of a task row: its role in the task, its status and its note, and
/// the task's light.
#[derive(Clone, Copy)]
pub struct Mine {
    task: usize,
    /// `None`: no unit chosen, or not the unit's task.
    light: RwSignal<Option<Light>>,
    /// Whether the row has the badge and controls: from the first time it is the unit's task.
    filled: RwSignal<bool>,
    badge: RwSignal<Badge>,
    status: RwSignal<Status>,
    /// The note for the textarea: set from the checklists only (another unit, another tab);
    /// what the user types is in the textarea already.
    note: RwSignal<String>,
    /// The note in the print-only cell: also follows the typing.
    printed: RwSignal<String>,
    /// The 备注 box has the focus: another tab's note does not replace what is being typed.
    typing: RwSignal<bool>,
    /// Another tab's change of this record, said on the row until the user edits it.
    news: RwSignal<Option<String>>,
    /// The note this tab had typed that another tab's later one replaced: offered back.
    lost: RwSignal<Option<String>>,
}

/// Why a row's controls are brought in line with the checklists.
#[derive(Clone, Copy, PartialEq, Eq)]
enum From {
    /// Another unit was chosen.
    Unit,
    /// Another tab saved the unit's records.
    OtherTab,
}

impl From {
    /// What woke a row's effect that last ran with unit `before` (`None`: its first run) and now
    /// has `now`: the same unit, so another tab's save; else the unit changed.
    fn of(before: Option<&Option<String>>, now: &Option<String>) -> From {
        if before == Some(now) {
            From::OtherTab
        } else {
            From::Unit
        }
    }
}

impl Mine {
    fn new(
        d: &Data,
        task: usize,
        unit: Option<&str>,
        cl: &Checklists,
        light: Option<Light>,
    ) -> Self {
        let now = Self::of(d, task, unit, cl);
        let filled = now.is_some();
        let (badge, status, note) = now.unwrap_or_default();
        Mine {
            task,
            light: RwSignal::new(light),
            filled: RwSignal::new(filled),
            badge: RwSignal::new(badge),
            status: RwSignal::new(status),
            note: RwSignal::new(note.to_string()),
            printed: RwSignal::new(note.to_string()),
            typing: RwSignal::new(false),
            news: RwSignal::new(None),
            lost: RwSignal::new(None),
        }
    }

    /// The unit's role, status and note for the task; `None` when the task is not the unit's.
    fn of<'a>(
        d: &Data,
        task: usize,
        unit: Option<&str>,
        cl: &'a Checklists,
    ) -> Option<(Badge, Status, &'a str)> {
        let unit = unit?;
        let a = d.index.assignment(task, unit)?;
        let id = &d.table.tasks[task].id;
        Some((Badge::of(&a), cl.status_of(unit, id), cl.note_of(unit, id)))
    }

    /// Whether the light changed.
    fn set_light(&self, light: Option<Light>) -> bool {
        let changed = self.light.get_untracked() != light;
        if changed {
            self.light.set(light);
        }
        changed
    }

    /// Brings the row in line with `unit`'s checklist, touching only what changed. The rows of
    /// other units' tasks are left as they are (they are hidden while a unit is chosen).
    ///
    /// From another tab (issue 23: last writer wins, but nothing goes without a word): the row
    /// says what changed; a note being typed here is not replaced under the cursor (the next
    /// keystroke saves it as the latest); a note typed here and replaced is offered back.
    fn refresh(&self, d: &Data, unit: Option<&str>, cl: &Checklists, from: From) {
        let Some((badge, status, note)) = Self::of(d, self.task, unit, cl) else {
            return;
        };
        if from == From::Unit {
            self.news.set(None);
            self.lost.set(None);
        }
        if self.badge.with_untracked(|b| *b != badge) {
            self.badge.set(badge);
        }
        let status_changed = self.status.get_untracked() != status;
        let note_changed = self.printed.with_untracked(|n| n != note);
        if from == From::OtherTab && (status_changed || note_changed) {
            let typing = note_changed && self.typing.get_untracked();
            self.news.set(Some(news(status, note, typing)));
            if note_changed && !typing {
                let mine = self.printed.get_untracked();
                let own =
                    unit.is_some_and(|u| d.store.own_at(u, &d.table.tasks[self.task].id).is_some());
                if own && !mine.trim().is_empty() {
                    self.lost.set(Some(mine));
                }
            }
            if typing {
                // Keep the box and its printed copy as typed; the status may still follow.
                if status_changed {
                    self.status.set(status);
                }
                return;
            }
        }
        if status_changed {
            self.status.set(status);
        }
        if self.note.with_untracked(|n| n != note) {
            self.note.set(note.to_string());
        }
        if note_changed {
            self.printed.set(note.to_string());
        }
        if !self.filled.get_untracked() {
            self.filled.set(true);
        }
    }
}

/// The 本单位 cell (role and controls, once the row is a unit's task) and the print-only note.
#[cfg(feature = "long-table")]
fn mine_cells(rc: RowCtx, m: Mine) -> impl IntoView {
    view! {
        <td class="col-mine" data-label="本单位">
            {move || m.filled.get().then(|| controls(rc.c, m))}
        </td>
        <td class="print-only col-note">{move || m.printed.with(|n| note::note_view(n))}</td>
    }
}

/// What another tab did to a record, for its row.
fn news(status: Status, note: &str, typing: bool) -> String {
    let what = if note.is_empty() {
        status.label().to_string()
    } else {
        format!("{}，备注“{}”", status.label(), note)
    };
    if typing {
        format!("另一个页面刚把这条记录改为：{what}。你正在输入的备注不会被替换，继续输入即保存为最新。")
    } else {
        format!("另一个页面刚把这条记录改为：{what}。")
    }
}

/// The row's line about another tab's change, with the note this tab lost to it offered back.
fn news_view(c: Ctx, m: Mine, text: String) -> impl IntoView {
    let restore = move |_| {
        let (Some(lost), Some(unit)) = (m.lost.get_untracked(), c.unit.get_untracked()) else {
            return;
        };
        let id = c.data.with_value(|d| d.table.tasks[m.task].id.clone());
        edit::set_note(&unit, &id, &lost);
        m.note.set(lost.clone());
        m.printed.set(lost);
        m.lost.set(None);
        m.news.set(None);
    };
    view! {
        <p class="row-news no-print" role="status">
            <span>{text}</span>
            {move || {
                m.lost
                    .get()
                    .map(|lost| {
                        view! {
                            <span class="row-lost">
                                "本页被替换的备注：“"{lost}"”"
                                <button type="button" on:click=restore>
                                    "恢复本页的备注"
                                </button>
                            </span>
                        }
                    })
            }}
            <button type="button" class="row-news-close" on:click=move |_| m.news.set(None)>
                "知道了"
            </button>
        </p>
    }
}

/// Keeps task `i`'s row in place while it is edited (`gk_core::held`): held before the edit,
/// so that the row never leaves the view in between.
fn hold(c: Ctx, i: usize) {
    c.filter
        .with_untracked(|f| c.held.maybe_update(|h| h.hold(f, i)));
}

/// The note as printed, in the print-only 备注 cell.
pub fn printed_note(m: Mine) -> impl IntoView {
    move || m.printed.with(|n| note::note_view(n))
}

/// The role badge and the unit's status and note, saved at once on every change.
pub fn controls(c: Ctx, m: Mine) -> impl IntoView {
    let id = c.data.with_value(|d| d.table.tasks[m.task].id.clone());
    let id2 = id.clone();
    let id3 = id.clone();
    let (status, note) = (m.status.get_untracked(), m.note.get_untracked());
    // Near the limit, or over it (a note from a file): read from the printed note, which
    // follows both the typing and other tabs.
    let counter = move || m.printed.with(|n| note_counter(n));
    view! {
        {move || {
            m.badge
                .with(|b| view! { <span class=b.class title=b.title>{b.label.clone()}</span> })
        }}
        // The word goes with the colour (style.css, by the row's data-light); none on track.
        // 不适用 is grey, not the green of 已完成 (style.css).
        <span class="light" class:na=move || m.status.get() == Status::Na>
            {move || m.light.get().map_or("", |l| l.word(m.status.get()))}
        </span>
        <div class="checklist" data-status=move || m.status.get().key()>
            <label class="mini">
                <span>"状态"</span>
                <select
                    class="status"
                    prop:value=move || m.status.get().key()
                    on:change=move |ev| {
                        let s = Status::from_key(&event_target_value(&ev));
                        if let (Some(s), Some(unit)) = (s, c.unit.get_untracked()) {
                            m.status.set(s);
                            m.news.set(None);
                            hold(c, m.task);
                            edit::set_status(&unit, &id, s);
                        }
                    }
                >
                    {Status::ALL
                        .map(|s| view! { <option value=s.key() selected=s == status>{s.label()}</option> })}
                </select>
            </label>
            <label class="mini">
                <span>"备注"</span>
                <textarea
                    class="note"
                    rows="2"
                    maxlength=NOTE_LIMIT
                    placeholder="如：公开位置、时间或链接"
                    prop:value=move || m.note.get()
                    on:focus=move |ev| {
                        m.typing.set(true);
                        note::fit(&ev);
                    }
                    on:blur=move |_| {
                        m.typing.set(false);
                        // Another tab's note came in while this box was being typed in, and
                        // nothing was typed since: the box now shows the record kept, and
                        // offers what it showed back.
                        let Some(unit) = c.unit.get_untracked() else {
                            return;
                        };
                        let shown = m.printed.get_untracked();
                        let kept = c.checklists.with_untracked(|cl| cl.note_of(&unit, &id3).to_string());
                        if kept != shown {
                            if !shown.trim().is_empty() {
                                m.lost.set(Some(shown));
                            }
                            m.note.set(kept.clone());
                            m.printed.set(kept);
                        }
                    }
                    on:input=move |ev| {
                        note::fit(&ev);
                        m.news.set(None);
                        let Some(unit) = c.unit.get_untracked() else {
                            return;
                        };
                        let v = event_target_value(&ev);
                        hold(c, m.task);
                        edit::set_note(&unit, &id2, &v);
                        m.printed.set(v.clone());
                        m.note.update_untracked(|n| *n = v);
                    }
                >
                    {note}
                </textarea>
            </label>
            {move || m.printed.with(|n| note::links_line(n))}
            {move || m.news.get().map(|text| news_view(c, m, text))}
            {move || {
                c.leaving
                    .with(|l| l.binary_search(&m.task).is_ok())
                    .then(|| {
                        view! {
                            <span class="leaving no-print" role="status">
                                {move || format!("{}，将从当前筛选中移出", m.status.get().label())}
                            </span>
                        }
                    })
            }}
            {move || {
                counter()
                    .map(|(text, over)| {
                        view! {
                            <span class="note-count no-print" class:over=over role="status">
                                {text}
                            </span>
                        }
                    })
            }}
        </div>
    }
}
