//! 督办 on the office page: the as-of day (截至日期), every unit's overdue (逾期) and stale
//! (待更新) tasks on it, the 催办通知单 that prints them (one unit or all, each unit on new
//! pages; layout in `public/office.css`) and their CSV. The rules are `gk_core::supervision`'s
//! and `gk_core::dunning`'s.

use crate::state::ctx;
use crate::{edit, files, url};
use gk_core::dunning::{self, Chased, Row};
use gk_core::supervision::{
    chinese_date, format_as_of, light_counts, parse_as_of, Light, LightCounts,
};
use leptos::prelude::*;
use std::time::Duration;

/// A list of up to this many rows starts open; a longer one (late in the year, or long after
/// it, everything not done is overdue: some 2,800 rows) starts with each unit closed, its
/// counts in its heading, so that the page does not wait for rows nobody asked to see.
const OPEN_UP_TO: usize = 300;

/// A unit's lights on the as-of day: its counts and what it is chased for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitSup {
    pub counts: LightCounts,
    pub rows: Vec<Row>,
    /// Whether the unit has sent anything (any record in this browser). One that has not gets
    /// a notice that says so, even with nothing overdue.
    pub reported: bool,
}

impl UnitSup {
    /// Whether the office has something to chase the unit for: a task, or its report.
    pub fn chased(&self) -> bool {
        !self.rows.is_empty() || !self.reported
    }
}

/// The office's supervision state, shared by the matrix, the list and the notices.
#[derive(Clone, Copy)]
pub struct Dunning {
    /// One per unit of [`unit_tasks`], in that order.
    pub units: Memo<Vec<UnitSup>>,
    /// The unit whose 催办通知单 prints and exports; empty: every unit with something to chase.
    pub chosen: RwSignal<String>,
    /// The notices are printing: every chosen unit's rows are drawn, open or not.
    pub printing: RwSignal<bool>,
}

pub fn dunning() -> Dunning {
    expect_context::<Dunning>()
}

pub fn provide_dunning() {
    let c = ctx();
    let units = Memo::new(move |_| {
        let day = c.day.get();
        c.data.with_value(|d| {
            let t = &d.table;
            c.checklists.with(|cl| {
                d.unit_tasks
                    .iter()
                    .map(|(u, tasks)| UnitSup {
                        counts: light_counts(t, cl, u, tasks, day),
                        rows: dunning::rows(t, cl, u, tasks, day),
                        reported: cl.last_entry_at(u).is_some(),
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    provide_context(Dunning {
        units,
        chosen: RwSignal::new(String::new()),
        printing: RwSignal::new(false),
    });
}

/// `截至 2017年7月1日`, as the lists and the notices name the day.
pub fn as_of_words() -> String {
    format!("截至 {}", chinese_date(ctx().day.get()))
}

/// The 截至日期 date control: today (China time) unless the link's `asof` or the user chose
/// a day; clearing it goes back to today. The day goes into the link.
#[component]
pub fn AsOfControl() -> impl IntoView {
    let c = ctx();
    let change = move |ev: leptos::ev::Event| {
        // An empty or partial date: back to today.
        let day = parse_as_of(&event_target_value(&ev)).ok();
        url::push_view(c.filter, |f| f.as_of = day);
    };
    view! {
        <span class="field field-asof">
            <label for="asof">"截至日期"</label>
            <input
                type="date"
                id="asof"
                prop:value=move || format_as_of(c.day.get())
                on:change=change
            />
        </span>
    }
}

/// The units the notices are for: the chosen one, or every unit with something to chase, as
/// positions in [`unit_tasks`].
fn notice_units(d: Dunning) -> Vec<usize> {
    let data = ctx().data();
    d.chosen.with(|chosen| {
        d.units.with(|units| {
            (0..units.len())
                .filter(|&i| units[i].chased())
                .filter(|&i| chosen.is_empty() || data.unit_tasks[i].0 == *chosen)
                .collect()
        })
    })
}

/// The 督办 list: for every unit with overdue or stale tasks, those tasks, as its 催办通知单.
/// The same views print as the notices (`data-print="dunning"` on `<html>`, set by
/// 打印催办通知单): each unit's table from a new page, with the parts only a notice prints
/// (title, request, closing line; class `notice-only`). Its heading (the title, the unit, the
/// as-of day) is the table's head and its closing line the table's foot, so that both repeat
/// on every page of a long notice. Layout in `public/office.css`.
#[component]
pub fn DunningList() -> impl IntoView {
    let d = dunning();
    let data = ctx().data;
    let with_rows = Memo::new(move |_| {
        d.units.with(|units| {
            (0..units.len())
                .filter(|&i| units[i].chased())
                .collect::<Vec<_>>()
        })
    });
    let clear = move || {
        data.with_value(|data| {
            d.units.with(|units| {
                data.unit_tasks
                    .iter()
                    .zip(units)
                    .filter(|(_, s)| !s.chased())
                    .map(|((u, _), _)| u.as_str())
                    .collect::<Vec<_>>()
                    .join("、")
            })
        })
    };
    view! {
        <section class="dunning" aria-labelledby="dunning-title">
            <h3 id="dunning-title">"督办：逾期与待更新任务"</h3>
            <p class="hint">
                {as_of_words}
                "。逾期：未完成且已过完成时限；待更新：按周、月、季度或年报送的任务，本期尚无更新；未报送的单位也列出，并注明未报送。"
            </p>
            <NoticeTools />
            <p class="dunning-none" hidden=move || with_rows.with(|w| !w.is_empty())>
                "没有逾期或待更新的任务，各单位均已报送。"
            </p>
            <div class="dunning-notices">
                {move || {
                    let units = with_rows.get();
                    let start_open = d.units.with_untracked(|u| {
                        u.iter().map(|s| s.rows.len()).sum::<usize>() <= OPEN_UP_TO
                    });
                    units.into_iter().map(|i| notice(i, start_open)).collect_view()
                }}
            </div>
            <p class="dunning-clear" hidden=move || clear().is_empty()>
                <strong>"无逾期或待更新任务的单位："</strong>
                {clear}
            </p>
        </section>
    }
}

/// A unit's list and notice (`i`: its position in [`unit_tasks`]): its heading, with a
/// button that opens and closes its rows, and its rows while open or printing.
fn notice(i: usize, start_open: bool) -> impl IntoView {
    let c = ctx();
    let d = dunning();
    let data = c.data;
    let unit = data.with_value(|data| data.unit_tasks[i].0.clone());
    let (unit1, unit2, unit3, unit4) = (unit.clone(), unit.clone(), unit.clone(), unit.clone());
    let open = RwSignal::new(start_open);
    let shown = move || open.get() || d.printing.get();
    let counts = move || {
        d.units.with(|u| {
            let n = |l| u.get(i).map_or(0, |s| s.counts.get(l));
            format!(
                "逾期 {} 项 · 待更新 {} 项 · 临期 {} 项",
                n(Light::Overdue),
                n(Light::Stale),
                n(Light::Soon)
            )
        })
    };
    let unreported = move || d.units.with(|u| u.get(i).is_some_and(|s| !s.reported));
    let has_rows = move || {
        d.units
            .with(|u| u.get(i).is_some_and(|s| !s.rows.is_empty()))
    };
    let lines = move || {
        let rows = d
            .units
            .with(|u| u.get(i).map(|s| s.rows.clone()).unwrap_or_default());
        data.with_value(|data| {
        rows.into_iter()
            .map(|r| {
                let task = &data.table.tasks[r.task];
                let note = c
                    .checklists
                    .with(|cl| dunning::note(cl, &unit1, task).to_string());
                view! {
                    <tr data-task-id=task.id.clone() data-light=r.light.key()>
                        <td class="n-id">{task.id.clone()}</td>
                        <td class="n-text" title=task.text.clone()>
                            <span>{task.text.clone()}</span>
                        </td>
                        <td class="n-term">{dunning::term(&data.table, task, r.light)}</td>
                        <td class="n-light">
                            <span class=format!("chase chase-{}", r.light.key())>{r.light.label()}</span>
                        </td>
                        <td class="n-note">{crate::note::note_view(&note)}</td>
                    </tr>
                }
            })
            .collect_view()
        })
    };
    // Not chosen: not printed (it stays on screen).
    let skip = move || d.chosen.with(|u| !u.is_empty() && *u != unit2);
    view! {
        <article class="notice" class:skip=skip data-unit=unit3>
            <table class="notice-table">
                // The columns' widths: a fixed layout takes them from here, not from the
                // heading row that spans them all.
                <colgroup>
                    <col class="n-id" />
                    <col />
                    <col class="n-term" />
                    <col class="n-light" />
                    <col class="n-note" />
                </colgroup>
                <thead>
                    <tr>
                        <th colspan="5" class="notice-head">
                            <p class="notice-only notice-title">"催办通知单"</p>
                            <p class="notice-to">
                                <span>
                                    <button
                                        type="button"
                                        class="notice-unit"
                                        aria-expanded=move || open.get().to_string()
                                        on:click=move |_| open.update(|o| *o = !*o)
                                    >
                                        {unit.clone()}
                                    </button>
                                    // In print the name as text: a button in a table's head is
                                    // not drawn again on the next pages.
                                    <span class="print-only notice-name">{unit4}</span>
                                    <span class="notice-only">"："</span>
                                    <span class="notice-count">{counts}</span>
                                </span>
                                <span class="notice-only">{as_of_words}</span>
                            </p>
                            <p class="notice-unreported" hidden=move || !unreported()>
                                "你单位尚未报送本单位的报送文件（本页没有你单位的任何记录），请尽快在任务表中填写并导出报送文件，交"
                                {data.with_value(|d| d.table.dataset.office.short.clone())}
                                "。"
                            </p>
                            <p class="notice-only notice-body" hidden=move || !has_rows()>
                                "你单位下列政务公开重点工作任务逾期未完成或本期尚未更新，请抓紧办理，及时更新台账并报送进展情况。"
                            </p>
                        </th>
                    </tr>
                    <tr class="notice-cols" hidden=move || !shown()>
                        <th scope="col" class="n-id">"编号"</th>
                        <th scope="col">"工作任务及要求"</th>
                        <th scope="col" class="n-term">"时限"</th>
                        <th scope="col" class="n-light">"督办"</th>
                        <th scope="col" class="n-note">"备注"</th>
                    </tr>
                </thead>
                <tbody>{move || shown().then(&lines)}</tbody>
                <tfoot class="notice-only">
                    <tr>
                        <td colspan="5" class="notice-close">
                            <span>{data.with_value(|d| d.table.dataset.office.short.clone())}</span>
                            <span>"日期：　　　　年　　月　　日"</span>
                        </td>
                    </tr>
                </tfoot>
            </table>
        </article>
    }
}

/// Which notices, and the buttons that print them and export them as CSV.
#[component]
fn NoticeTools() -> impl IntoView {
    let d = dunning();
    let data = ctx().data;
    let none = move || d.units.with(|u| u.iter().all(|s| s.rows.is_empty()));
    let print = move |_| {
        if let Some(root) = document().document_element() {
            _ = root.set_attribute("data-print", "dunning");
        }
        // Draw the chosen notices' rows first (closed units too), then print.
        d.printing.set(true);
        set_timeout(|| _ = window().print(), Duration::ZERO);
    };
    // Back to the central view's print once the browser has printed (or the dialog closed).
    let listener = window_event_listener_untyped("afterprint", move |_| {
        if let Some(root) = document().document_element() {
            _ = root.remove_attribute("data-print");
        }
        d.printing.set(false);
    });
    on_cleanup(move || listener.remove());
    view! {
        <div class="notice-tools no-print">
            <span class="field">
                <label for="dunning-unit">"催办通知单"</label>
                <select
                    id="dunning-unit"
                    prop:value=move || d.chosen.get()
                    on:change=move |ev| d.chosen.set(event_target_value(&ev))
                >
                    <option value="">"全部单位（有逾期或待更新任务的）"</option>
                    {move || {
                        data.with_value(|data| d.units
                            .with(|units| {
                                data.unit_tasks
                                    .iter()
                                    .zip(units)
                                    .filter(|(_, s)| !s.rows.is_empty())
                                    .map(|((u, _), _)| view! { <option value=u.clone()>{u.clone()}</option> })
                                    .collect_view()
                            }))
                    }}
                </select>
            </span>
            <button type="button" disabled=none on:click=print>
                "打印催办通知单"
            </button>
            <button type="button" disabled=none on:click=move |_| export_csv(d)>
                "导出催办 CSV"
            </button>
        </div>
    }
}

/// The chosen notices' list as CSV: `taian-2017-催办-<YYYYMMDD>.csv` for every unit,
/// `taian-2017-催办-<单位>-<YYYYMMDD>.csv` for one, dated by the as-of day.
fn export_csv(d: Dunning) {
    let c = ctx();
    let data = c.data();
    let t = &data.table;
    let day = c.day.get_untracked();
    let which = notice_units(d);
    let text = d.units.with_untracked(|units| {
        let lists: Vec<Chased> = which
            .iter()
            .map(|&i| Chased {
                unit: data.unit_tasks[i].0.as_str(),
                rows: units[i].rows.as_slice(),
                reported: units[i].reported,
            })
            .collect();
        c.checklists
            .with_untracked(|cl| dunning::csv(t, cl, &lists, day))
    });
    let date = format_as_of(day).replace('-', "");
    let name = d.chosen.with_untracked(|u| match u.as_str() {
        "" => format!("{}-催办-{date}.csv", t.dataset.id),
        u => format!("{}-催办-{u}-{date}.csv", t.dataset.id),
    });
    if !files::download(&name, "text/csv;charset=utf-8", &text) {
        edit::download_failed();
    }
}
