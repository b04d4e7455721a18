//! The task table: pillar, section and item headings and one row per shown task, keyed so that
//! a filter change only adds or removes the rows it touches. Search matches are highlighted.

use crate::app::ctx;
use crate::data::{index, table};
use crate::{edit, print};
use gk_core::filter::Filter;
use gk_core::layout::{rows, visible, Row};
use gk_core::model::Task;
use gk_core::search;
use gk_core::status::Status;
use gk_core::units::Role;
use leptos::prelude::*;

/// A table of more rows than this renders a block of shown rows at a time (the real table has
/// about 210 rows and keeps them all in the page).
const LONG_VIEW: usize = 600;
/// The rows of a block: more than fill a screen.
const BLOCK: usize = 100;

/// The chosen unit and the search term for the rows, as signals that notify only when they
/// change. `Ctx::unit` and `Ctx::query` are memos of the filter: every filter change wakes each
/// of their readers to check whether they changed, and the rows have thousands of readers (one
/// per highlighted text, several per row). These wake them only on a real change.
#[derive(Clone, Copy)]
struct RowCtx {
    unit: ReadSignal<Option<String>>,
    query: ReadSignal<String>,
}

fn row_ctx() -> RowCtx {
    expect_context::<RowCtx>()
}

/// A signal that follows `source` and notifies its readers only when the value changes.
fn settled<T>(source: impl Fn() -> T + 'static) -> ReadSignal<T>
where
    T: Clone + PartialEq + Send + Sync + 'static,
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
    provide_context(RowCtx {
        unit: settled(move || c.unit.get()),
        query: settled(move || c.query.get()),
    });
    let t = table();
    let every: Vec<usize> = (0..t.tasks.len()).collect();
    let all = rows(t, &every);
    let has_unit = move || c.unit.with(Option::is_some);
    let (body, after) = if all.len() > LONG_VIEW {
        long_body()
    } else {
        (whole_body(all), ().into_any())
    };
    view! {
        <table class="tasks" class:with-unit=has_unit>
            <thead>
                <tr>
                    <th scope="col" class="col-id">"编号"</th>
                    <th scope="col" class="col-text">"工作任务及要求"</th>
                    <th scope="col" class="col-units">"牵头单位"</th>
                    <th scope="col" class="col-units">"责任单位"</th>
                    <Show when=has_unit>
                        <th scope="col" class="col-mine">
                            <span class="no-print">"本单位"</span>
                            <span class="print-only">"状态"</span>
                        </th>
                        <th scope="col" class="col-note print-only">"备注"</th>
                    </Show>
                </tr>
            </thead>
            {body}
        </table>
        {after}
        <Show when=move || c.shown.with(Vec::is_empty)>
            <p class="empty">"没有符合条件的任务。可以放宽筛选条件，或点击“清除全部筛选”。"</p>
        </Show>
    }
}

/// The real table: every row stays in the page and a filter change only hides and shows rows,
/// which costs far less than building them again (and rows off screen are not laid out, see
/// style.css).
fn whole_body(all: Vec<Row>) -> AnyView {
    let c = ctx();
    let t = table();
    let shown = Memo::new({
        let all = all.clone();
        move |_| c.shown.with(|s| visible(t, &all, s))
    });
    view! {
        <tbody>
            {all
                .into_iter()
                .enumerate()
                .map(|(k, row)| row_view(row, Signal::derive(move || !shown.with(|v| v[k]))))
                .collect_view()}
        </tbody>
    }
    .into_any()
}

/// A table of more than `LONG_VIEW` rows (only the benchmark's synthetic one) renders the shown
/// rows, its first block and the next ones as the reader nears the end, so that a filter change
/// costs what is on screen, not the whole view. `more` is the number of rows added for one
/// filter; another filter starts again from the first block.
fn long_body() -> (AnyView, AnyView) {
    let c = ctx();
    let t = table();
    let rows = Memo::new(move |_| c.shown.with(|s| rows(t, s)));
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
            <For each=rendered key=move |r| r.key(t) let:row>
                {row_view(row, Signal::stored(false))}
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

fn heading_colspan() -> impl Fn() -> &'static str + Copy {
    let c = row_ctx();
    move || {
        if c.unit.with(Option::is_some) {
            "5"
        } else {
            "4"
        }
    }
}

/// One row; `hidden` while the filter leaves it out.
fn row_view(row: Row, hidden: Signal<bool>) -> AnyView {
    let t = table();
    match row {
        Row::Pillar(p) => {
            let p = &t.pillars[p];
            heading(
                "pillar-row",
                hidden,
                view! { <h2>{format!("{}、{}", chinese_numeral(p.id), p.name)}</h2> },
            )
        }
        Row::Section(s) => heading(
            "section-row",
            hidden,
            view! { <h3>{highlighted(&t.sections[s].name)}</h3> },
        ),
        Row::Item(i) => heading(
            "item-row",
            hidden,
            view! { <h4>{highlighted(&t.tasks[i].item)}</h4> },
        ),
        Row::Task(i) => task_row(i, &t.tasks[i], hidden).into_any(),
    }
}

/// A heading row across the table. The empty print-only cell fills the 备注 column, which
/// only print has (so the heading's colspan is the screen's column count).
fn heading(class: &'static str, hidden: Signal<bool>, h: impl IntoView + 'static) -> AnyView {
    view! {
        <tr class=class hidden=hidden>
            <th colspan=heading_colspan() scope="colgroup">{h}</th>
            <td class="print-only fill"></td>
        </tr>
    }
    .into_any()
}

fn task_row(i: usize, task: &'static Task, hidden: Signal<bool>) -> impl IntoView {
    let c = row_ctx();
    view! {
        <tr class="task-row" data-task-id=task.id.clone() hidden=hidden>
            <td class="col-id" data-label="编号">{task.id.clone()}</td>
            <td class="col-text" data-label="工作任务及要求">
                {task.text.split('\n').map(|p| view! { <p>{highlighted(p)}</p> }).collect_view()}
            </td>
            <td class="col-units" data-label="牵头单位">{units(&task.lead)}</td>
            <td class="col-units" data-label="责任单位">{units(&task.responsible)}</td>
            <Show when=move || c.unit.with(Option::is_some)>
                <td class="col-mine" data-label="本单位">
                    {move || mine(i)}
                    {checklist_controls(task)}
                </td>
                {print::note_cell(&task.id)}
            </Show>
        </tr>
    }
}

/// The chosen unit's status and note for the task: saved at once on every change. Built once
/// per row: choosing another unit updates the values, it does not rebuild the controls.
fn checklist_controls(task: &'static Task) -> impl IntoView {
    let c = ctx();
    let unit = row_ctx().unit;
    let id: &'static str = &task.id;
    let status = Memo::new(move |_| {
        unit.with(|u| {
            u.as_deref().map_or_else(Status::default, |u| {
                c.checklists.with(|cl| cl.status_of(u, id))
            })
        })
    });
    let note = Memo::new(move |_| {
        unit.with(|u| {
            u.as_deref().map_or_else(String::new, |u| {
                c.checklists.with(|cl| cl.note_of(u, id).to_string())
            })
        })
    });
    let with_unit = move |f: &dyn Fn(&str)| unit.with_untracked(|u| u.as_deref().map(f));
    view! {
        <div class="checklist" data-status=move || status.get().key()>
            <label class="mini">
                <span>"状态"</span>
                <select
                    class="status"
                    prop:value=move || status.get().key()
                    on:change=move |ev| {
                        if let Some(s) = Status::from_key(&event_target_value(&ev)) {
                            with_unit(&|u| edit::set_status(u, id, s));
                        }
                    }
                >
                    {Status::ALL
                        .into_iter()
                        .map(|s| {
                            view! {
                                <option value=s.key() selected=move || status.get() == s>
                                    {s.label()}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </label>
            <label class="mini">
                <span>"备注"</span>
                <textarea
                    class="note"
                    rows="2"
                    placeholder="如：公开位置、时间或链接"
                    prop:value=move || note.get()
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        with_unit(&|u| edit::set_note(u, id, &v));
                    }
                ></textarea>
            </label>
        </div>
    }
}

/// The chosen unit's role in task `i`, and the group it comes through, e.g. 责任 · 市政府各部门.
fn mine(i: usize) -> impl IntoView {
    let c = row_ctx();
    let a = c
        .unit
        .with(|u| u.as_deref().and_then(|u| index().assignment(i, u)));
    a.map(|a| {
        let class = match a.role {
            Role::Lead => "role role-lead",
            Role::Responsible => "role role-responsible",
        };
        let hint = a
            .optional()
            .then_some("有关部门的任务：与本单位无关时可标记为“不适用”");
        view! {
            <span class=class title=hint>
                {a.label()}
            </span>
        }
    })
}

fn units(names: &'static [String]) -> impl IntoView {
    if names.is_empty() {
        return view! { <span class="none">"—"</span> }.into_any();
    }
    view! {
        <ul class="unit-list">
            {names.iter().map(|n| view! { <li>{highlighted(n)}</li> }).collect_view()}
        </ul>
    }
    .into_any()
}

/// `text` with every match of the search term in `<mark>`.
fn highlighted(text: &'static str) -> impl IntoView {
    let c = row_ctx();
    move || {
        let ranges = c.query.with(|q| search::find(text, q));
        if ranges.is_empty() {
            return text.into_any();
        }
        let mut parts = Vec::with_capacity(ranges.len() * 2 + 1);
        let mut pos = 0;
        for r in ranges {
            parts.push(text[pos..r.start].into_any());
            parts.push(view! { <mark>{&text[r.clone()]}</mark> }.into_any());
            pos = r.end;
        }
        parts.push(text[pos..].into_any());
        parts.into_any()
    }
}

/// 1 → 一, … for the pillar headings, as in the source document.
fn chinese_numeral(n: u8) -> &'static str {
    [
        "", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
    ]
    .get(n as usize)
    .copied()
    .unwrap_or("")
}
