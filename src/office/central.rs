//! The central view (汇总) for the municipal government office: every unit's progress by
//! pillar (done, in progress, applicable), who has reported and when, and each task's status in
//! every unit involved in it. Clicking a unit or a cell opens the read-only view of that unit
//! (`unit_view.rs`) in the central view's place: never the unit's editable task table. The
//! office page (`office.rs`) shows it.

use crate::asof::AsOfCaveat;
use crate::data::Data;
use crate::office::dunning::{as_of_words, dunning, AsOfControl, DunningList};
use crate::office::unit_view::{provide_unit_view, unit_view, UnitViewSection};
use crate::print::PrintHead;
use crate::state::ctx;
use gk_core::checklist::{percent, Checklists};
use gk_core::dunning::{order, UnitOrder};
use gk_core::status::Status;
use gk_core::supervision::Light;
use gk_core::timestamp::CHINA_OFFSET_MINUTES;
use gk_core::units::Role;
use leptos::prelude::*;

#[component]
pub fn Central() -> impl IntoView {
    provide_unit_view();
    let v = unit_view();
    view! {
        // Out of sight (and out of print) while a unit's read-only view takes its place.
        <section class="central" aria-labelledby="central-title" hidden=move || v.is_open()>
            <PrintHead view="汇总：各单位完成情况" />
            <h2 id="central-title">"汇总：各单位完成情况"</h2>
            <Reporting />
            <Matrix />
            <DunningList />
            <TaskStatuses />
        </section>
        <UnitViewSection />
    }
}

/// Which units have reported (have any entry) and when their latest entry was made.
#[component]
fn Reporting() -> impl IntoView {
    let c = ctx();
    let all = c.data().unit_tasks.len();
    let missing = Memo::new(move |_| {
        c.data.with_value(|d| {
            c.checklists.with(|cl| {
                d.unit_tasks
                    .iter()
                    .filter(|(u, _)| cl.last_entry_at(u).is_none())
                    .map(|(u, _)| u.clone())
                    .collect::<Vec<_>>()
            })
        })
    });
    view! {
        <div class="reporting">
            <p>
                {move || {
                    let n = missing.with(Vec::len);
                    format!("共 {} 个单位，已报送 {} 个，未报送 {} 个。", all, all - n, n)
                }}
            </p>
            <Show when=move || missing.with(|m| !m.is_empty())>
                <p class="not-reported">
                    <strong>"未报送单位："</strong>
                    {move || missing.get().join("、")}
                </p>
            </Show>
        </div>
    }
}

#[component]
fn Matrix() -> impl IntoView {
    let c = ctx();
    let d = dunning();
    let data = c.data();
    let t = &data.table;
    let sort = RwSignal::new(UnitOrder::Table);
    let rows = Memo::new(move |_| {
        let by = sort.get();
        d.units.with(|units| {
            let counts: Vec<_> = units.iter().map(|u| u.counts).collect();
            order(&counts, by)
        })
    });
    let sorted = move |by: UnitOrder| (sort.get() == by).then_some("descending");
    let total = move |light: Light| {
        d.units
            .with(|u| u.iter().map(|s| s.counts.get(light)).sum::<usize>())
    };
    view! {
        <div class="central-tools no-print">
            <AsOfControl />
            <span class="field">
                <label for="matrix-sort">"排序"</label>
                <select
                    id="matrix-sort"
                    on:change=move |ev| sort.set(UnitOrder::from_key(&event_target_value(&ev)).unwrap_or_default())
                >
                    {UnitOrder::ALL.map(|o| view! { <option value=o.key()>{o.label()}</option> })}
                </select>
            </span>
        </div>
        <div class="matrix-wrap">
            <table class="matrix">
                <caption>
                    "单位 × 支柱 完成进度（已完成 / 适用，不适用的任务不计；另注进行中）；逾期、待更新、临期任务数，"
                    {as_of_words}"。"
                    <span class="no-print">"点击单位或进度可只读查看该单位的任务。"</span>
                    <AsOfCaveat />
                </caption>
                <thead>
                    <tr>
                        <th scope="col">"单位"</th>
                        {t.pillars.iter().map(|p| view! { <th scope="col" title=p.name.clone()>{p.short.clone()}</th> }).collect_view()}
                        <th scope="col">"合计"</th>
                        <th scope="col">"进行中"</th>
                        <th scope="col" aria-sort=move || sorted(UnitOrder::Overdue)>"逾期"</th>
                        <th scope="col" aria-sort=move || sorted(UnitOrder::Stale)>"待更新"</th>
                        <th scope="col" title="14 天内到期、尚未完成">"临期"</th>
                        <th scope="col">"报送情况"</th>
                    </tr>
                </thead>
                <tbody>
                    // Drawn again only when the order changes (each row's cells react on their own).
                    {move || rows.get().into_iter().map(matrix_row).collect_view()}
                </tbody>
                <tfoot>
                    <tr>
                        <th scope="row">"各支柱合计"</th>
                        {move || c.data.with_value(|data| c.checklists.with(|cl| totals(data, cl)))}
                        {light_cell(Signal::derive(move || total(Light::Overdue)), Light::Overdue)}
                        {light_cell(Signal::derive(move || total(Light::Stale)), Light::Stale)}
                        {light_cell(Signal::derive(move || total(Light::Soon)), Light::Soon)}
                        <td></td>
                    </tr>
                </tfoot>
            </table>
        </div>
    }
}

/// A unit's row of the matrix (`i`: its position in `Data::unit_tasks`).
fn matrix_row(i: usize) -> impl IntoView {
    let c = ctx();
    let d = dunning();
    let v = unit_view();
    let unit = c.data.with_value(|data| data.unit_tasks[i].0.clone());
    let (unit2, unit3) = (unit.clone(), unit.clone());
    let n = move |light: Light| d.units.with(|u| u[i].counts.get(light));
    let label = format!("{unit}：只读查看全部任务");
    view! {
        <tr data-unit=unit.clone()>
            <th scope="row">
                <button
                    type="button"
                    class="link"
                    id=format!("m-{i}")
                    aria-label=label
                    on:click=move |_| v.open(i, None, format!("m-{i}"))
                >
                    {unit.clone()}
                </button>
            </th>
            {move || {
                c.data
                    .with_value(|data| c.checklists.with(|cl| unit_cells(data, cl, i, &unit2)))
            }}
            {light_cell(Signal::derive(move || n(Light::Overdue)), Light::Overdue)}
            {light_cell(Signal::derive(move || n(Light::Stale)), Light::Stale)}
            {light_cell(Signal::derive(move || n(Light::Soon)), Light::Soon)}
            {move || c.checklists.with(|cl| reported_cell(cl, &unit3))}
        </tr>
    }
}

/// A count of 逾期, 待更新 or 临期: marked when not zero (临期 in the colour of its light).
fn light_cell(n: Signal<usize>, light: Light) -> impl IntoView {
    view! {
        <td class="light-n" data-light=light.key() class:alert=move || { n.get() > 0 }>
            {n}
        </td>
    }
}

/// The unit's cells: per pillar done / applicable (and 进行中 when any), a button that opens
/// the read-only view of that pillar; the total; the total 进行中.
fn unit_cells(data: &Data, cl: &Checklists, i: usize, unit: &str) -> impl IntoView {
    let t = &data.table;
    let v = unit_view();
    let p = cl.progress(t, unit, &data.unit_tasks[i].1);
    let cells = t
        .pillars
        .iter()
        .map(|pillar| {
            let id = pillar.id;
            match p.per_pillar.iter().find(|pp| pp.pillar == id) {
                Some(pp) => {
                    let from = format!("m-{i}-{id}");
                    view! {
                        <td>
                            <button
                                type="button"
                                class="cell"
                                id=from.clone()
                                aria-label=format!(
                                    "{unit} {}：已完成 {} / {}，进行中 {}，只读查看",
                                    pillar.short,
                                    pp.done,
                                    pp.applicable,
                                    pp.doing,
                                )
                                on:click=move |_| v.open(i, Some(id), from.clone())
                            >
                                {ratio(pp.done, pp.applicable)}
                            </button>
                            {doing_line(pp.doing)}
                        </td>
                    }
                    .into_any()
                }
                None => view! { <td class="na">"—"</td> }.into_any(),
            }
        })
        .collect_view();
    view! {
        {cells}
        <td class="total">{ratio(p.done, p.applicable)}</td>
        {doing_cell(p.doing)}
    }
}

/// A pillar cell's second line, only when some task is 进行中.
fn doing_line(n: usize) -> Option<impl IntoView> {
    (n > 0).then(|| view! { <span class="m-doing">{format!("进行中 {n}")}</span> })
}

/// The 进行中 column: tasks in progress, applicable ones (a 不适用 task is never 进行中).
fn doing_cell(n: usize) -> impl IntoView {
    view! { <td class="doing-n" class:some={n > 0}>{n}</td> }
}

/// Whether the unit has reported (has any entry), and when last.
/// (The time on a line of its own: the matrix then fits a 1366-pixel screen.)
fn reported_cell(cl: &Checklists, unit: &str) -> impl IntoView {
    match cl.last_entry_at(unit) {
        Some(at) => view! {
            <td class="reported">
                "已报送"
                <span class="m-time">{at.to_local_display(CHINA_OFFSET_MINUTES)}</span>
            </td>
        }
        .into_any(),
        None => view! { <td class="missing">"未报送"</td> }.into_any(),
    }
}

/// The last row: each pillar's progress over all units, and the overall.
fn totals(data: &Data, cl: &Checklists) -> impl IntoView {
    let t = &data.table;
    let mut sums = vec![(0, 0, 0); t.pillars.len()];
    let (mut done, mut applicable, mut doing) = (0, 0, 0);
    for (u, tasks) in &data.unit_tasks {
        let p = cl.progress(t, u, tasks);
        done += p.done;
        applicable += p.applicable;
        doing += p.doing;
        for pp in &p.per_pillar {
            if let Some(i) = t.pillars.iter().position(|x| x.id == pp.pillar) {
                sums[i].0 += pp.done;
                sums[i].1 += pp.applicable;
                sums[i].2 += pp.doing;
            }
        }
    }
    view! {
        {sums
            .into_iter()
            .map(|(d, a, n)| view! { <td class="total">{ratio(d, a)}{doing_line(n)}</td> })
            .collect_view()}
        <td class="total">{ratio(done, applicable)}</td>
        {doing_cell(doing)}
    }
}

fn ratio(done: usize, applicable: usize) -> String {
    match percent(done, applicable) {
        Some(p) => format!("{done}/{applicable}（{p}%）"),
        None => "—".to_string(),
    }
}

/// For each task, the status of every unit involved in it, lead units first.
#[component]
fn TaskStatuses() -> impl IntoView {
    let data = ctx().data();
    let t = &data.table;
    view! {
        <h3>"各任务完成情况"</h3>
        <p class="hint">"展开任务可查看每个相关单位的状态，牵头单位在前。"</p>
        <ul class="task-statuses">
            {(0..t.tasks.len()).map(|i| task_status(&data, i)).collect_view()}
        </ul>
    }
}

/// The units involved in task `i`: (unit, role), leads first, each in table order.
fn involved(data: &Data, i: usize) -> Vec<(String, Role)> {
    let (mut leads, others): (Vec<_>, Vec<_>) = data
        .unit_tasks
        .iter()
        .filter_map(|(u, _)| data.index.assignment(i, u).map(|a| (u.clone(), a.role)))
        .partition(|&(_, r)| r == Role::Lead);
    leads.extend(others);
    leads
}

fn task_status(data: &Data, i: usize) -> impl IntoView {
    let c = ctx();
    let task = &data.table.tasks[i];
    let open = RwSignal::new(false);
    let units = involved(data, i);
    let n = units.len();
    let id = task.id.clone();
    let text = task.text.clone();
    let units2 = units.clone();
    let id2 = id.clone();
    let id3 = id.clone();
    let done = Memo::new(move |_| {
        c.checklists.with(|cl| {
            units2
                .iter()
                .filter(|(u, _)| cl.status_of(u, &id2) == Status::Done)
                .count()
        })
    });
    view! {
        <li data-task-id=id.clone()>
            <details on:toggle=move |ev| {
                let el: web_sys::HtmlDetailsElement = event_target(&ev);
                open.set(el.open());
            }>
                <summary>
                    <span class="tid">{id.clone()}</span>
                    <span class="ttext">{task.text.chars().take(40).collect::<String>()}"…"</span>
                    <span class="tcount">{move || format!("已完成 {} / {} 个单位", done.get(), n)}</span>
                </summary>
                <Show when=move || open.get()>
                    <p class="tfull">{text.clone()}</p>
                    <ul class="unit-statuses">
                        {
                            let units = units.clone();
                            let id3 = id3.clone();
                            move || {
                                c.checklists
                                    .with(|cl| {
                                        units
                                            .iter()
                                            .map(|(u, role)| {
                                                let (u, role) = (u.clone(), *role);
                                                // The unit's 备注 is the evidence the office checks.
                                                let e = cl.get(&u, &id3);
                                                let s = e.map_or(Status::default(), |e| e.status);
                                                let note = e.map_or("", |e| e.note.as_str()).to_string();
                                                let at = e.map(|e| e.updated_at.to_local_display(CHINA_OFFSET_MINUTES));
                                                view! {
                                                    <li data-status=s.key() data-unit=u.clone()>
                                                        <span class="u">{u.clone()}</span>
                                                        <span class="r">{role.label()}</span>
                                                        <span class="s">{s.label()}</span>
                                                        {(!note.is_empty()).then(|| view! { <span class="n">{crate::note::note_view(&note)}</span> })}
                                                        {at.map(|at| view! { <span class="t">{at}</span> })}
                                                    </li>
                                                }
                                            })
                                            .collect_view()
                                    })
                            }
                        }
                    </ul>
                </Show>
            </details>
        </li>
    }
}
