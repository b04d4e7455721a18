//! Printing: the view on screen prints as an A4 ledger (台账). The layout is `public/print.css`;
//! here are the parts that only print (class `print-only`): the heading with the view in words
//! and the date, each row's note as text, and the sign-off lines. Also the 打印 button with its
//! page orientation. (A row's status prints from the `data-status` of its checklist, by CSS.)

use crate::app::ctx;
use crate::bind;
use crate::data::table;
use gk_core::describe::describe;
use gk_core::escape::escape;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

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
    let t = table();
    // The page may have stayed open since another day.
    let date = RwSignal::new(today());
    let listener = window_event_listener_untyped("beforeprint", move |_| date.set(today()));
    on_cleanup(move || listener.remove());
    bind::text("print-date", move || format!("打印日期：{}", date.get()));
    if view.is_none() {
        bind::text("print-view", move || {
            c.filter.with(|f| describe(t, f, c.shown.with(Vec::len)))
        });
    }
    let markup = format!(
        r#"<p class="print-title">{}</p><p class="print-meta"><span class="print-view" id="print-view">{}</span><span class="print-date" id="print-date"></span></p>"#,
        escape(&t.dataset.title),
        view.unwrap_or_default()
    );
    view! { <header class="print-only print-head" inner_html=markup></header> }
}

/// The sign-off lines at the end of the ledger; 填报单位 is the chosen unit.
#[component]
pub fn SignOff() -> impl IntoView {
    let c = ctx();
    bind::text("sign-unit", move || c.unit.get().unwrap_or_default());
    view! {
        <section
            class="print-only sign-off"
            inner_html=concat!(
                r#"<p>填报单位：<span id="sign-unit"></span></p><p>填报人：<span></span></p>"#,
                r#"<p>审核人：<span></span></p><p>日期：<span>　　　　年　　月　　日</span></p>"#,
            )
        ></section>
    }
}

/// The 打印 button with its page orientation, for a bar's markup; its events come to
/// [`clicked`] and [`orientation_changed`]. The browser's own print, portrait or landscape: the
/// orientation is kept on the root element (`data-orient`, read by `print.css`) for as long as
/// the page is open.
pub const BUTTON: &str = concat!(
    r#"<span class="print-tools"><button type="button" id="print">打印</button>"#,
    r#"<label title="较宽的内容可横向打印"><input type="checkbox" id="orient">横向</label></span>"#,
);

/// A click on a button of a bar: prints when it is [`BUTTON`]'s.
pub fn clicked(button: &Element) {
    if button.id() == "print" {
        _ = window().print();
    }
}

/// A change in a bar: sets the orientation when it is [`BUTTON`]'s checkbox.
pub fn orientation_changed(ev: &web_sys::Event) {
    let Some(input) = bind::target(ev, "#orient") else {
        return;
    };
    let landscape = input
        .dyn_ref::<web_sys::HtmlInputElement>()
        .is_some_and(|i| i.checked());
    if let Some(root) = document().document_element() {
        _ = if landscape {
            root.set_attribute("data-orient", "landscape")
        } else {
            root.remove_attribute("data-orient")
        };
    }
}
