//! The mastheads: the title, the links between the two pages, 使用说明 and their tools. Two
//! pages: the task table (a unit's page) and 汇总与导入 (the office's page, in `office/`, so that
//! units do not download its code). The task table exports the current view as Excel and CSV
//! for the unit's own keeping (本单位留存); the office page imports files and exports every
//! unit kept in this browser.

use crate::data::{Failure, Listed};
use crate::excel::{self, ExcelButton};
use crate::guide::{self, Guide, GuideText};
use crate::office::import::read_files;
use crate::state::ctx;
use crate::table::unit_part;
use crate::{edit, files};
use gk_core::csv;
use leptos::html::Input;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The masthead: the title, the links between the two pages, 使用说明 (the page's `guide`,
/// which opens by itself on a first visit) and the page's tools (`children`).
#[component]
fn Header(office: bool, guide: &'static GuideText, children: Children) -> impl IntoView {
    let d = ctx().data();
    let link = d.link_table.clone();
    let default = d.default_table.clone();
    view! {
        <header class="masthead">
            <h1>{d.table.dataset.title.clone()}</h1>
            <nav class="toolbar no-print" aria-label="功能">
                <PageSwitch office link />
                <button type="button" aria-haspopup="dialog" on:click=|_| guide::open()>
                    "使用说明"
                </button>
                <TableSwitch tables=d.tables.clone() open=d.list_id.clone() default />
                {children()}
            </nav>
        </header>
        <Guide text=guide />
    }
}

/// Links between the two pages, the current one marked; both name the open table when it is
/// not the default (`link`: its id).
#[component]
fn PageSwitch(office: bool, link: Option<String>) -> impl IntoView {
    let (table_href, office_href) = if office {
        ("../", "./")
    } else {
        ("./", "office/")
    };
    let with = |href: &str| match &link {
        Some(id) => format!("{href}#{}", crate::url::with_table(Some(id), "")),
        None => href.to_string(),
    };
    let (table_href, office_href) = (with(table_href), with(office_href));
    let current = |yes: bool| yes.then_some("page");
    view! {
        <div class="view-switch" role="group" aria-label="页面">
            <a href=table_href aria-current=current(!office)>
                "任务表"
            </a>
            <a href=office_href aria-current=current(office)>
                "汇总与导入"
            </a>
            // The office makes this year's table file there (units have no use for it).
            {office.then(|| view! { <a href="../reader/">"导入任务表"</a> })}
        </div>
    }
}

/// The href that opens table `id` on this page (`default`: the list's default, whose links
/// name no table): a navigation that keeps nothing of the view, as units differ between tables.
fn table_href(id: &str, default: bool) -> String {
    if default {
        "?".into()
    } else {
        format!("?#{}", crate::url::with_table(Some(id), ""))
    }
}

/// With two or more tables in the deployment, the others (links that open the chosen table on
/// this page), in a menu of the toolbar's row (切换任务表), so that it costs a phone no line of
/// its own; the open one is the masthead's title, marked in the menu. Not printed.
#[component]
fn TableSwitch(tables: Vec<Listed>, open: String, default: String) -> impl IntoView {
    (tables.len() > 1).then(move || {
        let links = tables
            .iter()
            .map(|t| {
                let current = (t.id == open).then_some("true");
                let href = table_href(&t.id, t.id == default);
                view! { <li><a href=href aria-current=current>{t.title.clone()}</a></li> }
            })
            .collect_view();
        // The open menu lies over the page: a click elsewhere or Escape closes it, as menus do.
        let menu = NodeRef::<leptos::html::Details>::new();
        let close_unless_inside = move |target: Option<web_sys::EventTarget>| {
            let Some(d) = menu.get_untracked() else {
                return;
            };
            let inside = target
                .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
                .is_some_and(|n| d.contains(Some(&n)));
            if d.open() && !inside {
                d.set_open(false);
            }
        };
        let on_click =
            window_event_listener(leptos::ev::click, move |e| close_unless_inside(e.target()));
        let on_key = window_event_listener(leptos::ev::keydown, move |e| {
            if e.key() == "Escape" {
                close_unless_inside(None);
            }
        });
        on_cleanup(move || {
            on_click.remove();
            on_key.remove();
        });
        view! {
            <details class="table-switch" node_ref=menu>
                // On a phone 切换 alone (任务表 still read aloud), so that it shares the row of
                // 使用说明.
                <summary>"切换"<span class="switch-long">"任务表"</span></summary>
                <ul>{links}</ul>
            </details>
        }
    })
}

/// The task table's masthead. Its table exports are for the unit's own keeping (本单位留存):
/// the file to send is the progress panel's 报送文件.
#[component]
pub fn Masthead() -> impl IntoView {
    view! {
        <Header office=false guide=&guide::TABLE>
            <div class="keep" role="group" aria-label="本单位留存">
                <span aria-hidden="true">"本单位留存："</span>
                <ExcelButton label="导出 Excel" run=unit_part::excel />
                <button type="button" on:click=|_| export_csv()>
                    "导出 CSV"
                </button>
            </div>
        </Header>
    }
}

/// The office page's masthead: import (a hidden file input opened by its button) and the
/// export of every unit.
#[component]
pub fn OfficeMasthead() -> impl IntoView {
    let input = NodeRef::<Input>::new();
    let chosen = |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        if let Some(files) = input.files() {
            read_files(files);
        }
        // The same file can be chosen again.
        input.set_value("");
    };
    view! {
        <Header office=true guide=&guide::OFFICE>
            <input
                type="file"
                id="import-files"
                accept=".json,.csv,application/json,text/csv"
                multiple
                class="visually-hidden"
                tabindex="-1"
                aria-hidden="true"
                node_ref=input
                on:change=chosen
            />
            <button
                type="button"
                on:click=move |_| {
                    if let Some(input) = input.get() {
                        input.click();
                    }
                }
            >
                "导入报送文件"
            </button>
            <button type="button" on:click=|_| export_all()>
                "导出全部单位"
            </button>
            <ExcelButton label="导出汇总 Excel" run=excel::office_workbook />
        </Header>
    }
}

/// One file with every unit's checklist kept in this browser: for the office, or a county
/// passing a merged file up.
fn export_all() {
    let c = ctx();
    let units: Vec<String> = c
        .checklists
        .with_untracked(|cl| cl.units().map(|(u, _)| u.to_string()).collect());
    if units.is_empty() {
        c.notices
            .update(|n| n.push("浏览器中还没有任何单位的进度记录，无需导出。".into()));
        return;
    }
    let names: Vec<&str> = units.iter().map(String::as_str).collect();
    edit::export_units(&names);
}

/// The current filtered view as CSV (UTF-8 with BOM, for Excel and WPS): one row per task and
/// unit shown.
pub(crate) fn export_csv() {
    let c = ctx();
    let d = c.data();
    let t = &d.table;
    let unit = c.unit.get_untracked();
    let rows: Vec<(usize, Option<&str>)> = c
        .matching
        .with_untracked(|s| s.iter().map(|&i| (i, unit.as_deref())).collect());
    let text = c.checklists.with_untracked(|cl| csv::csv(t, &rows, cl));
    let who = unit.as_deref().unwrap_or("全部单位");
    let name = gk_core::statefile::dated_file_name(&t.dataset.id, who, edit::now(), "csv");
    if !files::download(&name, "text/csv;charset=utf-8", &text) {
        edit::download_failed();
    }
}

/// The page instead of the app when the link's table cannot be opened: its title, what is
/// wrong, and links to the deployment's other tables (this page of each).
pub fn failed(failure: Failure, office: bool) -> impl IntoView {
    let message = failure.message();
    let title = if failure.table.title.is_empty() {
        "任务表无法打开".to_string()
    } else {
        failure.table.title.clone()
    };
    let failed_id = failure.table.id.clone();
    // Another table chosen by its link (a change of the hash alone): open it.
    crate::url::on_hash_change(Some(failed_id.clone()), |_| {});
    let others = failure
        .list
        .tables
        .iter()
        .filter(|t| t.id != failed_id)
        .map(|t| {
            let href = table_href(&t.id, t.id == failure.list.default);
            view! { <li><a href=href>{t.title.clone()}</a></li> }
        })
        .collect_view();
    let page = if office {
        "汇总与导入"
    } else {
        "任务表"
    };
    view! {
        <header class="masthead">
            <h1>{title}</h1>
        </header>
        <main id="main" class="table-failed">
            <div class="notices" role="alert">
                <p>{message}</p>
                <p>"请联系系统管理员检查该任务表文件。可以打开本系统中的其他任务表（"{page}"）："</p>
                <ul class="other-tables">{others}</ul>
            </div>
        </main>
    }
}
