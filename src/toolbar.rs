//! The mastheads: the title, the links between the two pages and their tools. Two pages: the
//! task table (a unit's page) and 汇总与导入 (the office's page, in `office/`, so that units do
//! not download its code). The task table exports the current view as CSV for Excel; the office
//! page imports files and exports every unit kept in this browser.

use crate::app::ctx;
use crate::bind;
use crate::data::table;
use crate::import::read_files;
use crate::{edit, files};
use gk_core::csv;
use gk_core::escape::escape;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The masthead's markup (see `bind` why a string): the title and the tools.
fn masthead(tools: &str) -> String {
    format!(
        r#"<h1>{}</h1><nav class="toolbar no-print" aria-label="功能">{tools}</nav>"#,
        escape(&table().dataset.title)
    )
}

/// Links between the two pages, the current one marked.
fn page_switch(office: bool) -> String {
    let (table_href, office_href) = if office {
        ("../", "./")
    } else {
        ("./", "office/")
    };
    let current = |yes: bool| if yes { r#" aria-current="page""# } else { "" };
    format!(
        r#"<div class="view-switch" role="group" aria-label="页面"><a href="{table_href}"{}>任务表</a><a href="{office_href}"{}>汇总与导入</a></div>"#,
        current(!office),
        current(office)
    )
}

/// The task table's masthead.
#[component]
pub fn Masthead() -> impl IntoView {
    let tools = page_switch(false) + r#"<button type="button" id="export-csv">导出 CSV</button>"#;
    let clicked = |ev: leptos::ev::MouseEvent| {
        if bind::target(&ev, "#export-csv").is_some() {
            export_csv();
        }
    };
    view! { <header class="masthead" inner_html=masthead(&tools) on:click=clicked></header> }
}

/// The office page's masthead: import (a hidden file input opened by its button) and the
/// export of every unit.
#[component]
pub fn OfficeMasthead() -> impl IntoView {
    let tools = page_switch(true)
        + concat!(
            r#"<input type="file" id="import-files" accept=".json,application/json" multiple "#,
            r#"class="visually-hidden" tabindex="-1" aria-hidden="true">"#,
            r#"<button type="button" id="import-open">导入进度文件</button>"#,
            r#"<button type="button" id="export-all">导出全部单位</button>"#,
        );
    let clicked = |ev: leptos::ev::MouseEvent| {
        let Some(button) = bind::target(&ev, "button") else {
            return;
        };
        match button.id().as_str() {
            "import-open" => {
                if let Some(input) = bind::by_id("import-files") {
                    input.unchecked_into::<web_sys::HtmlElement>().click();
                }
            }
            "export-all" => export_all(),
            _ => {}
        }
    };
    let changed = |ev: leptos::ev::Event| {
        let Some(input) = bind::target(&ev, "#import-files") else {
            return;
        };
        let input = input.unchecked_into::<web_sys::HtmlInputElement>();
        if let Some(files) = input.files() {
            read_files(files);
        }
        // The same file can be chosen again.
        input.set_value("");
    };
    view! {
        <header
            class="masthead"
            inner_html=masthead(&tools)
            on:click=clicked
            on:change=changed
        ></header>
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
fn export_csv() {
    let c = ctx();
    let t = table();
    let unit = c.unit.get_untracked();
    let rows: Vec<(usize, Option<&str>)> = c
        .shown
        .with_untracked(|s| s.iter().map(|&i| (i, unit.as_deref())).collect());
    let text = c.checklists.with_untracked(|cl| csv::csv(t, &rows, cl));
    let who = unit.as_deref().unwrap_or("全部单位");
    let date = edit::now().date_compact_in(gk_core::timestamp::CHINA_OFFSET_MINUTES);
    let name = format!("{}-{}-{}.csv", t.dataset.id, who, date);
    if !files::download(&name, "text/csv;charset=utf-8", &text) {
        edit::download_failed();
    }
}
