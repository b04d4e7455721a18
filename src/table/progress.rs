//! The chosen unit's progress (done out of applicable, overall and per pillar: figures and
//! bars), its supervision counts (督办: 逾期, 待更新, 临期) with the as-of day (截至日期), where
//! its records are kept (已自动保存在本浏览器, and the warning that they stay in this browser),
//! its unexported-changes indicator and its export: the 报送文件 to send to the office.

use crate::asof::AsOfCaveat;
use crate::edit;
use crate::excel::{self, ExcelButton};
use crate::state::ctx;
use crate::storage::Health;
use crate::toolbar::export_csv;
use gk_core::checklist::{percent, Progress};
use gk_core::model::Table;
use gk_core::statefile;
use gk_core::supervision::{self, format_as_of, light_counts, parse_as_of, Light, LightCounts};
use gk_core::timestamp::CHINA_OFFSET_MINUTES;
use leptos::prelude::*;

/// Where a unit's records live, and what keeps them safe: in the guide and beside the export.
pub const RECORDS_WARNING: &str =
    "记录只保存在这台电脑的这个浏览器中：清除浏览器数据或换电脑后就找不到了，\
     除非留有报送文件（可在“汇总与导入”页导入恢复）。";

/// The browser's answer to keeping the records ([`crate::storage::ask_to_keep`]).
const KEPT: &str =
    "浏览器已同意长期保存本页的记录：存储空间不足时也不会自动清除（手动清除浏览器数据仍会删除）。";
const NOT_KEPT: &str =
    "浏览器未承诺长期保存本页的记录：存储空间不足时可能被自动清除，请及时导出报送文件留底。";

#[component]
pub fn ProgressPanel() -> impl IntoView {
    let c = ctx();
    let data = c.data;
    let unit = move || c.unit.get().unwrap_or_default();
    // The unit's tasks: its progress counts them all, whatever the other filters show.
    let tasks = c.unit_tasks;
    // Figures drawn again only when they change, not on every edit of a note.
    let progress = Memo::new(move |_| {
        let u = unit();
        data.with_value(|d| {
            tasks.with(|tasks| c.checklists.with(|cl| cl.progress(&d.table, &u, tasks)))
        })
    });
    // 督办：逾期 3 项 · 待更新 1 项 · 临期 0 项, each count a button that shows those tasks;
    // worked out again when a record changes.
    let counts = Memo::new(move |_| {
        let (u, day) = (unit(), c.day.get());
        data.with_value(|d| {
            tasks.with(|tasks| {
                c.checklists
                    .with(|cl| light_counts(&d.table, cl, &u, tasks, day))
            })
        })
    });
    let explained = data.with_value(|d| supervision::explain(&d.table));
    let unexported = move || c.checklists.with(|cl| cl.has_unexported(&unit()));
    let last_export = move || match c.checklists.with(|cl| cl.exported_at(&unit())) {
        Some(at) => format!("上次导出：{}", at.to_local_display(CHINA_OFFSET_MINUTES)),
        None => "上次导出：从未导出".to_string(),
    };
    // Once exported (and nothing changed since), the file's name and what to do with it, on
    // the day of the export: the next day it is news no longer (上次导出 still says when).
    let done = move || {
        let u = unit();
        let today = supervision::china_day(edit::now());
        match c.checklists.with(|cl| {
            cl.exported_at(&u)
                .filter(|at| !cl.has_unexported(&u) && supervision::china_day(*at) == today)
        }) {
            Some(at) => format!(
                "已生成报送文件“{}”，一般保存在浏览器的“下载”文件夹。请把它发给{}。",
                data.with_value(|d| statefile::export_file_name(
                    &d.table.dataset.id,
                    &[u.as_str()],
                    at
                )),
                data.with_value(|d| d.table.dataset.office.short.clone())
            ),
            None => String::new(),
        }
    };
    let saved = move || {
        if c.health.get() == Health::Ok {
            "已自动保存在本浏览器"
        } else {
            "未能保存在本浏览器（见页面上方的提示）"
        }
    };
    view! {
        <section class="progress" aria-label="本单位进度" hidden=move || c.unit.with(Option::is_none)>
            <div class="progress-main">
                <h2>{move || format!("{}的进度", unit())}</h2>
                <div class="progress-figures">{move || data.with_value(|d| progress.with(|p| figures(p, &d.table)))}</div>
                <div class="supervision">
                    <p class="light-counts">
                        "督办："
                        {count_button(Light::Overdue, counts)}
                        " · "
                        {count_button(Light::Stale, counts)}
                        " · "
                        {count_button(Light::Soon, counts)}
                    </p>
                    <AsOf />
                    <details class="light-help no-print">
                        <summary>"督办状态说明"</summary>
                        <ul>{explained.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ul>
                    </details>
                </div>
                <AsOfCaveat />
            </div>
            <div class="export-box no-print">
                <p class="export-state" class:unexported=unexported>
                    <span class="saved">{saved}</span>
                    <br />
                    <span>
                        {move || match (unexported(), c.checklists.with(|cl| cl.exported_at(&unit()))) {
                            (true, _) => "有修改尚未导出报送文件",
                            (false, Some(_)) => "所有修改均已导出报送文件",
                            (false, None) => "尚未填写任何记录",
                        }}
                    </span>
                    <br />
                    <span class="last-export">{last_export}</span>
                </p>
                <button
                    type="button"
                    class="primary"
                    aria-describedby="export-hint"
                    on:click=|_| edit::export_chosen()
                >
                    "导出报送文件"
                </button>
                <p id="export-hint" class="export-hint">
                    "报送文件（.json）：交"{data.with_value(|d| d.table.dataset.office.short.clone())}
                </p>
                <p class="export-done" role="status">{done}</p>
                // On a phone the masthead's 本单位留存 buttons are here, below the file to send
                // (style.css), so that they are not the first buttons the clerk sees.
                <div class="keep keep-here" role="group" aria-label="本单位留存（手机）">
                    <span>"本单位留存："</span>
                    <ExcelButton label="导出 Excel" run=excel::unit_workbook />
                    <button type="button" on:click=|_| export_csv()>
                        "导出 CSV"
                    </button>
                </div>
                <p class="records-warning">{RECORDS_WARNING}</p>
                <p class="records-kept">
                    {move || match c.kept.get() {
                        Some(true) => KEPT,
                        Some(false) => NOT_KEPT,
                        None => "",
                    }}
                </p>
            </div>
        </section>
    }
}

/// A light's count (`逾期 3 项`) as a button that shows exactly those tasks of the unit (the
/// 督办 filter), pressed while it does; pressed again, it shows them all again.
fn count_button(light: Light, counts: Memo<LightCounts>) -> impl IntoView {
    let c = ctx();
    let on = move || c.filter.with(|f| f.light == Some(light));
    let click = move |_| {
        let next = (!on()).then_some(light);
        c.filter.update(|f| f.light = next);
        // On a phone the list may start a screen further down: bring its top into view.
        if next.is_some() {
            reveal_tasks();
        }
    };
    view! {
        <button
            type="button"
            class="link light-count"
            data-light=light.key()
            aria-pressed=move || on().to_string()
            title=move || if on() { "显示全部任务" } else { "只看这些任务" }
            on:click=click
        >
            {move || format!("{} {} 项", light.label(), counts.with(|n| n.get(light)))}
        </button>
    }
}

/// Scrolls the task list's top into view when it is below the middle of the window.
fn reveal_tasks() {
    let Some(w) = web_sys::window() else { return };
    let table = w
        .document()
        .and_then(|d| d.query_selector("table.tasks").ok().flatten());
    let height = w
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    if let Some(t) = table {
        if t.get_bounding_client_rect().top() > height / 2.0 {
            t.scroll_into_view();
        }
    }
}

/// The figures line, the overall bar and a line per pillar with its short name and bar.
fn figures(p: &Progress, t: &Table) -> impl IntoView {
    // One text node, as the browser spaces the punctuation within it (（ after 项).
    let of = p.out_of();
    view! {
        <p class="progress-total">
            "已完成 "<strong>{p.done}</strong>{of}
            <span class="progress-detail">
                {format!("进行中 {} 项 · 不适用 {} 项", p.doing, p.na)}
            </span>
        </p>
        {bar(p.done, p.applicable, "全部")}
        <ul class="progress-pillars">
            {p
                .per_pillar
                .iter()
                .map(|pp| {
                    let name = t.pillar(pp.pillar).map_or(String::new(), |x| x.short.clone());
                    view! {
                        <li>
                            <span class="pp-name">{name.clone()}</span>
                            {bar(pp.done, pp.applicable, &name)}
                            <span class="pp-n">{format!("{}/{}", pp.done, pp.applicable)}</span>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}

/// The as-of day of the lights (截至日期): today unless the user or the link chose one; an
/// emptied control goes back to today.
#[component]
fn AsOf() -> impl IntoView {
    let c = ctx();
    view! {
        <label class="asof no-print">
            <span>"截至日期"</span>
            <input
                type="date"
                id="asof"
                prop:value=move || format_as_of(c.day.get())
                on:change=move |ev| {
                    let v = parse_as_of(&event_target_value(&ev)).ok();
                    if c.filter.with_untracked(|f| f.as_of != v) {
                        c.filter.update(|f| f.as_of = v);
                    } else {
                        // Emptied while on today: show today again.
                        event_target::<web_sys::HtmlInputElement>(&ev)
                            .set_value(&format_as_of(c.day.get_untracked()));
                    }
                }
            />
        </label>
    }
}

/// A small progress bar with its numbers for screen readers.
fn bar(done: usize, of: usize, label: &str) -> impl IntoView {
    view! {
        <span
            class="bar"
            role="progressbar"
            aria-label=format!("{label}完成进度")
            aria-valuemin="0"
            aria-valuemax=of
            aria-valuenow=done
            aria-valuetext=format!("已完成 {done} / {of} 项")
        >
            // `style:` sets the width through the CSSOM: the page's CSP allows no style attribute.
            <span class="bar-fill" style:width=format!("{}%", percent(done, of).unwrap_or(0))></span>
        </span>
    }
}
