//! The chosen unit's progress (done out of applicable, overall and per pillar: figures and
//! bars made by `gk_core::progress_html`), its unexported-changes indicator and its export.

use crate::app::ctx;
use crate::bind;
use crate::data::{index, table};
use crate::edit;
use gk_core::progress_html::progress_html;
use gk_core::timestamp::CHINA_OFFSET_MINUTES;
use leptos::prelude::*;

/// The panel's markup (see `bind` why a string), hidden while no unit is chosen.
const MARKUP: &str = concat!(
    r#"<div class="progress-main"><h2 id="progress-unit"></h2>"#,
    r#"<div class="progress-figures" id="progress-figures"></div></div>"#,
    r#"<div class="export-box no-print"><p class="export-state" id="export-state">"#,
    r#"<span id="export-note"></span><br><span class="last-export" id="last-export"></span></p>"#,
    r#"<button type="button" class="primary" id="export-unit">导出本单位台账</button></div>"#,
);

#[component]
pub fn ProgressPanel() -> impl IntoView {
    let c = ctx();
    let t = table();
    let unit = move || c.unit.get().unwrap_or_default();
    // The unit's tasks: its progress counts them all, whatever the other filters show.
    let tasks = Memo::new(move |_| {
        c.unit
            .with(|u| index().tasks_of(u.as_deref().unwrap_or_default()))
    });
    let unexported = move || c.checklists.with(|cl| cl.has_unexported(&unit()));
    bind::flag("progress", "hidden", move || c.unit.with(Option::is_none));
    bind::text("progress-unit", move || format!("{} 的进度", unit()));
    bind::html("progress-figures", move || {
        let u = unit();
        tasks.with(|tasks| {
            c.checklists
                .with(|cl| progress_html(t, &cl.progress(t, &u, tasks)))
        })
    });
    bind::attr("export-state", "class", move || {
        Some(
            if unexported() {
                "export-state unexported"
            } else {
                "export-state"
            }
            .into(),
        )
    });
    bind::text("export-note", move || {
        if unexported() {
            "有修改尚未导出"
        } else {
            "所有修改均已导出"
        }
        .into()
    });
    bind::text("last-export", move || {
        match c.checklists.with(|cl| cl.exported_at(&unit())) {
            Some(at) => format!("上次导出：{}", at.to_local_display(CHINA_OFFSET_MINUTES)),
            None => "上次导出：从未导出".to_string(),
        }
    });
    let clicked = move |ev: leptos::ev::MouseEvent| {
        if let (Some(_), Some(u)) = (bind::target(&ev, "#export-unit"), c.unit.get_untracked()) {
            edit::export_units(&[u.as_str()]);
        }
    };
    view! {
        <section
            class="progress"
            id="progress"
            aria-label="本单位进度"
            hidden
            inner_html=MARKUP
            on:click=clicked
        ></section>
    }
}
