//! The task table: the header, and the rows of the shown tasks under their pillar, section and
//! item headings, made as one HTML string by `gk_core::rows_html` (see there why) and put into
//! the `<tbody>`.
//!
//! The real table (about 210 rows) keeps every row in the page: a filter change only hides and
//! shows rows, and choosing another unit fills in its role and controls and reuses the ones
//! already there. The rows are made again only for a new search term (its highlights). A much
//! longer table (the benchmark's synthetic one) renders the shown rows a block at a time.
//!
//! The status and note controls save every change (one listener on the `<tbody>`); what the
//! user changes stays in the controls, so typing is never interrupted by a redraw. Changes from
//! elsewhere (another tab) are brought into the controls.

use crate::app::ctx;
use crate::data::{index, table};
use crate::edit;
use gk_core::checklist::Checklists;
use gk_core::filter::Filter;
use gk_core::layout::{rows, visible, Row};
use gk_core::rows_html::{mine_html, note_of, role_html, rows_html, RowsView};
use gk_core::status::Status;
use leptos::html::Tbody;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

/// A table of more rows than this renders a block of shown rows at a time.
const LONG_VIEW: usize = 600;
/// The rows of a block: more than fill a screen.
const BLOCK: usize = 100;

/// The table's header (see `bind` why a string); the unit's columns show with a unit chosen
/// (`with-unit`, style.css).
const THEAD: &str = concat!(
    r#"<tr><th scope="col" class="col-id">编号</th><th scope="col" class="col-text">工作任务及要求</th>"#,
    r#"<th scope="col" class="col-units">牵头单位</th><th scope="col" class="col-units">责任单位</th>"#,
    r#"<th scope="col" class="col-mine"><span class="no-print">本单位</span>"#,
    r#"<span class="print-only">状态</span></th><th scope="col" class="col-note print-only">备注</th></tr>"#,
);

#[component]
pub fn TaskTable() -> impl IntoView {
    let c = ctx();
    let t = table();
    let every: Vec<usize> = (0..t.tasks.len()).collect();
    let all = rows(t, &every);
    let has_unit = move || c.unit.with(Option::is_some);
    let tbody = NodeRef::<Tbody>::new();
    let after = if all.len() > LONG_VIEW {
        long_view(tbody)
    } else {
        whole_view(tbody, all);
        ().into_any()
    };
    view! {
        <table class="tasks" class:with-unit=has_unit>
            <thead inner_html=THEAD></thead>
            <tbody
                node_ref=tbody
                on:change=move |ev| edited(ev.target(), false)
                on:input=move |ev| edited(ev.target(), true)
            ></tbody>
        </table>
        {after}
        <p class="empty" id="no-tasks" hidden=move || !c.shown.with(Vec::is_empty)>
            "没有符合条件的任务。可以放宽筛选条件，或点击“清除全部筛选”。"
        </p>
    }
}

fn view_of<'a>(cl: &'a Checklists, unit: Option<&'a str>, query: &'a str) -> RowsView<'a> {
    RowsView {
        table: table(),
        index: index(),
        unit,
        query,
        checklists: cl,
        empty_unit_cells: false,
    }
}

/// The rows of the real table in the page: what is there, to update in place.
struct Rendered {
    query: String,
    unit: Option<String>,
    outside: u32,
    /// Every row, in the order of `all`, and whether it is shown.
    rows: Vec<Element>,
    shown: Vec<bool>,
}

/// Every row in the page, kept in step with the filter, the unit and the search term.
fn whole_view(tbody: NodeRef<Tbody>, all: Vec<Row>) {
    let c = ctx();
    let t = table();
    let state = StoredValue::new_local(None::<Rendered>);
    Effect::new(move |_| {
        let Some(tb) = tbody.get() else {
            return;
        };
        let query = c.query.get();
        let unit = c.unit.get();
        let outside = c.outside.get();
        state.update_value(|st| {
            // A new search term (or the first run): the rows again, all shown, no unit.
            if st.as_ref().is_none_or(|r| r.query != query) {
                let html = c.checklists.with_untracked(|cl| {
                    let mut v = view_of(cl, None, &query);
                    v.empty_unit_cells = true;
                    rows_html(&v, &all)
                });
                tb.set_inner_html(&html);
                let list = tb.children();
                *st = Some(Rendered {
                    query: query.clone(),
                    unit: None,
                    outside,
                    rows: (0..list.length()).filter_map(|k| list.item(k)).collect(),
                    shown: vec![true; all.len()],
                });
                mark_rendered();
            }
            let Some(r) = st.as_mut() else {
                return;
            };
            if r.unit != unit || r.outside != outside {
                fill_unit(r, &all, unit.as_deref());
                r.unit = unit;
                r.outside = outside;
            }
            let want = c.shown.with(|s| visible(t, &all, s));
            for (k, (&w, have)) in want.iter().zip(r.shown.iter_mut()).enumerate() {
                if w != *have {
                    r.rows[k].toggle_attribute_with_force("hidden", !w).ok();
                    *have = w;
                }
            }
        });
    });
}

/// Puts `unit`'s role, status and note into the rows of its tasks (the others are hidden
/// while a unit is chosen), reusing the controls a row already has; and the headings' width.
fn fill_unit(r: &Rendered, all: &[Row], unit: Option<&str>) {
    let c = ctx();
    let span = if unit.is_some() { "5" } else { "4" };
    c.checklists.with_untracked(|cl| {
        let v = view_of(cl, unit, "");
        for (row, el) in all.iter().zip(&r.rows) {
            let Row::Task(i) = *row else {
                if let Some(th) = el.first_element_child() {
                    th.set_attribute("colspan", span).ok();
                }
                continue;
            };
            let Some(u) = unit else { continue };
            if index().assignment(i, u).is_none() {
                continue;
            }
            let (Some(mine), Some(note_cell)) = (el.children().item(4), el.children().item(5))
            else {
                continue;
            };
            let note = note_of(&v, i);
            note_cell.set_text_content(Some(note));
            let status = cl.status_of(u, &table().tasks[i].id);
            match mine.query_selector(".checklist").ok().flatten() {
                None => mine.set_inner_html(&mine_html(&v, i)),
                Some(boxed) => {
                    if let Some(role) = mine.first_element_child() {
                        role.set_outer_html(&role_html(&v, i));
                    }
                    boxed.set_attribute("data-status", status.key()).ok();
                    if let Some(s) = select_in(&boxed) {
                        s.set_value(status.key());
                    }
                    if let Some(n) = note_in(&boxed) {
                        if n.value() != note {
                            n.set_value(note);
                        }
                    }
                }
            }
        }
    });
}

fn select_in(el: &Element) -> Option<web_sys::HtmlSelectElement> {
    el.query_selector("select").ok()??.dyn_into().ok()
}

fn note_in(el: &Element) -> Option<web_sys::HtmlTextAreaElement> {
    el.query_selector("textarea").ok()??.dyn_into().ok()
}

/// `make bench` measures time to table by this mark: the rows are in the page.
fn mark_rendered() {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark("table-rendered");
    }
}

/// A long table renders the shown rows, its first block and the next ones as the reader nears
/// the end, so that a filter change costs what is on screen, not the whole view. `more` is the
/// number of rows added for one filter; another filter starts again from the first block.
fn long_view(tbody: NodeRef<Tbody>) -> AnyView {
    let c = ctx();
    let t = table();
    let rows = Memo::new(move |_| c.shown.with(|s| rows(t, s)));
    let more = RwSignal::new((Filter::default(), 0usize));
    let limit = move || {
        let extra = more.with(|(f, n)| if c.filter.with(|cur| cur == f) { *n } else { 0 });
        BLOCK + extra
    };
    Effect::new(move |_| {
        let n = limit();
        c.outside.track();
        let (unit, query) = (c.unit.get(), c.query.get());
        let html = rows.with(|r| {
            c.checklists.with_untracked(|cl| {
                let v = view_of(cl, unit.as_deref(), &query);
                rows_html(&v, &r[..n.min(r.len())])
            })
        });
        if let Some(tb) = tbody.get() {
            tb.set_inner_html(&html);
            mark_rendered();
        }
    });
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
    view! {
        <Show when=move || hidden_tasks.get() != 0>
            <MoreRows hidden=hidden_tasks load_more=load_more />
        </Show>
    }
    .into_any()
}

/// A status or note control in a row changed: save it for the chosen unit, and bring the
/// row's status colour and printed note in line.
fn edited(target: Option<web_sys::EventTarget>, typing: bool) {
    let Some(el) = target.and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else {
        return;
    };
    let Some(row) = el.closest("tr[data-task-id]").ok().flatten() else {
        return;
    };
    let (Some(id), Some(unit)) = (
        row.get_attribute("data-task-id"),
        ctx().unit.get_untracked(),
    ) else {
        return;
    };
    if let Some(select) = el.dyn_ref::<web_sys::HtmlSelectElement>() {
        // (`input` fires before `change` on a select: save once, on `change`.)
        if let (false, Some(s)) = (typing, Status::from_key(&select.value())) {
            if let Some(box_) = el.closest(".checklist").ok().flatten() {
                let _ = box_.set_attribute("data-status", s.key());
            }
            edit::set_status(&unit, &id, s);
        }
    } else if let Some(note) = el.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        if typing {
            let v = note.value();
            if let Some(cell) = row.query_selector(".col-note").ok().flatten() {
                cell.set_text_content(Some(&v));
            }
            edit::set_note(&unit, &id, &v);
        }
    }
}

/// Below a long view's rendered rows: a button for the next block, pressed by itself when it
/// scrolls near the screen.
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
