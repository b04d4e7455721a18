//! The task table: pillar, section and item headings and one row per shown task, keyed so that
//! a filter change only adds or removes the rows it touches.

use crate::data::table;
use gk_core::layout::{rows, Row};
use gk_core::model::Task;
use leptos::prelude::*;

#[component]
pub fn TaskTable(#[prop(into)] shown: Signal<Vec<usize>>) -> impl IntoView {
    let t = table();
    let rows = Memo::new(move |_| shown.with(|s| rows(t, s)));
    view! {
        <table class="tasks">
            <thead>
                <tr>
                    <th scope="col" class="col-id">"编号"</th>
                    <th scope="col" class="col-text">"工作任务及要求"</th>
                    <th scope="col" class="col-units">"牵头单位"</th>
                    <th scope="col" class="col-units">"责任单位"</th>
                </tr>
            </thead>
            <tbody>
                <For each=move || rows.get() key=move |r| r.key(t) let:row>
                    {row_view(row)}
                </For>
            </tbody>
        </table>
    }
}

fn row_view(row: Row) -> AnyView {
    let t = table();
    match row {
        Row::Pillar(p) => {
            let p = &t.pillars[p];
            view! {
                <tr class="pillar-row">
                    <th colspan="4" scope="colgroup">
                        <h2>{format!("{}、{}", chinese_numeral(p.id), p.name)}</h2>
                    </th>
                </tr>
            }
            .into_any()
        }
        Row::Section(s) => view! {
            <tr class="section-row">
                <th colspan="4" scope="colgroup">
                    <h3>{t.sections[s].name.clone()}</h3>
                </th>
            </tr>
        }
        .into_any(),
        Row::Item(i) => view! {
            <tr class="item-row">
                <th colspan="4" scope="colgroup">
                    <h4>{t.tasks[i].item.clone()}</h4>
                </th>
            </tr>
        }
        .into_any(),
        Row::Task(i) => task_row(&t.tasks[i]).into_any(),
    }
}

fn task_row(task: &'static Task) -> impl IntoView {
    view! {
        <tr class="task-row" data-task-id=task.id.clone()>
            <td class="col-id" data-label="编号">{task.id.clone()}</td>
            <td class="col-text" data-label="工作任务及要求">
                {task.text.split('\n').map(|p| view! { <p>{p.to_string()}</p> }).collect_view()}
            </td>
            <td class="col-units" data-label="牵头单位">{units(&task.lead)}</td>
            <td class="col-units" data-label="责任单位">{units(&task.responsible)}</td>
        </tr>
    }
}

fn units(names: &[String]) -> impl IntoView {
    if names.is_empty() {
        return view! { <span class="none">"—"</span> }.into_any();
    }
    view! {
        <ul class="unit-list">
            {names.iter().map(|n| view! { <li>{n.clone()}</li> }).collect_view()}
        </ul>
    }
    .into_any()
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
