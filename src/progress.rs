//! The chosen unit's progress (done out of applicable, overall and per pillar: figures and
//! bars made by `gk_core::progress_html`), its unexported-changes indicator and its export.

use crate::app::ctx;
use crate::data::{index, table};
use crate::edit;
use gk_core::filter::Filter;
use gk_core::progress_html::progress_html;
use gk_core::status::Status;
use gk_core::timestamp::CHINA_OFFSET_MINUTES;
use leptos::prelude::*;

#[component]
pub fn ProgressPanel() -> impl IntoView {
    let c = ctx();
    view! {
        <Show when=move || c.unit.with(Option::is_some)>
            {move || c.unit.get().map(|unit| view! { <UnitProgress unit=unit /> })}
        </Show>
    }
}

#[component]
fn UnitProgress(unit: String) -> impl IntoView {
    let c = ctx();
    let t = table();
    let tasks = {
        let f = Filter {
            unit: Some(unit.clone()),
            ..Filter::default()
        };
        index().shown(&f, |_| Status::Todo)
    };
    let u = unit.clone();
    let progress = Memo::new(move |_| c.checklists.with(|cl| cl.progress(t, &u, &tasks)));
    let u = unit.clone();
    let unexported = move || c.checklists.with(|cl| cl.has_unexported(&u));
    let unexported_class = unexported.clone();
    let u = unit.clone();
    let exported_at = move || c.checklists.with(|cl| cl.exported_at(&u));
    let u = unit.clone();
    let export = move |_| edit::export_units(&[u.as_str()]);
    view! {
        <section class="progress" aria-label="本单位进度">
            <div class="progress-main">
                <h2>{unit.clone()}" 的进度"</h2>
                <div class="progress-figures" inner_html=move || progress_html(t, &progress.get())></div>
            </div>
            <div class="export-box no-print">
                <p class="export-state" class:unexported=unexported_class>
                    {move || {
                        if unexported() {
                            "有修改尚未导出".to_string()
                        } else {
                            "所有修改均已导出".to_string()
                        }
                    }}
                    <br />
                    <span class="last-export">
                        {move || match exported_at() {
                            Some(at) => {
                                format!("上次导出：{}", at.to_local_display(CHINA_OFFSET_MINUTES))
                            }
                            None => "上次导出：从未导出".to_string(),
                        }}
                    </span>
                </p>
                <button type="button" class="primary" on:click=export>
                    "导出本单位台账"
                </button>
            </div>
        </section>
    }
}
