//! Printing: the view on screen prints as an A4 ledger (台账). The layout is the print part of `public/style.css`;
//! here are the parts that only print (class `print-only`): the heading with the view in words
//! (with a unit, the as-of day of its lights: 截至 2017年7月1日) and the date, each row's note as text, and the sign-off lines. Also the 打印 button with its
//! page orientation. (A row's status prints from the `data-status` of its checklist, by CSS.)

use crate::state::ctx;
use gk_core::describe::describe;
use leptos::prelude::*;

/// Today in the browser's time zone, e.g. 2017年6月29日.
fn today() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{}年{}月{}日",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}

/// The ledger's heading: the table's title, the view in words (or `view`, for a page that is
/// not a filtered table, such as 汇总), and the print date.
#[component]
pub fn PrintHead(#[prop(optional)] view: Option<&'static str>) -> impl IntoView {
    let c = ctx();
    let d = c.data();
    let title = d.table.dataset.title.clone();
    // The page may have stayed open since another day.
    let date = RwSignal::new(today());
    let listener = window_event_listener_untyped("beforeprint", move |_| date.set(today()));
    on_cleanup(move || listener.remove());
    let described = match view {
        Some(v) => v.into_any(),
        None => (move || {
            c.filter
                .with(|f| describe(&d.table, f, c.matching.with(Vec::len), c.day.get()))
        })
        .into_any(),
    };
    view! {
        <header class="print-only print-head">
            <p class="print-title">{title}</p>
            <p class="print-meta">
                <span class="print-view">{described}</span>
                <span class="print-date">{move || format!("打印日期：{}", date.get())}</span>
            </p>
        </header>
    }
}

/// The sign-off lines at the end of the ledger; 填报单位 is the chosen unit.
#[component]
pub fn SignOff() -> impl IntoView {
    let c = ctx();
    view! {
        <section class="print-only sign-off">
            <p>"填报单位："<span>{move || c.unit.get().unwrap_or_default()}</span></p>
            <p>"填报人："<span></span></p>
            <p>"审核人："<span></span></p>
            <p>"日期："<span>"　　　　年　　月　　日"</span></p>
        </section>
    }
}

/// The 打印 button with its page orientation: the browser's own print, portrait or landscape.
/// The orientation is kept on the root element (`data-orient`, read by style.css's print rules) for as long
/// as the page is open.
#[component]
pub fn PrintButton() -> impl IntoView {
    let orient = move |ev: leptos::ev::Event| {
        if let Some(root) = document().document_element() {
            _ = if event_target_checked(&ev) {
                root.set_attribute("data-orient", "landscape")
            } else {
                root.remove_attribute("data-orient")
            };
        }
    };
    view! {
        <span class="print-tools">
            <button type="button" on:click=|_| _ = window().print()>
                "打印"
            </button>
            <label title="较宽的内容可横向打印">
                <input type="checkbox" on:change=orient />
                "横向"
            </label>
        </span>
    }
}
