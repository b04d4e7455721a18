//! Messages for the user: values of a link that were ignored, storage problems, file problems.
//! They stay until dismissed. (Markup as strings: see `bind`.)

use crate::app::ctx;
use crate::bind;
use gk_core::escape::escape;
use leptos::prelude::*;

#[component]
pub fn Notices() -> impl IntoView {
    let c = ctx();
    bind::flag("notices", "hidden", move || c.notices.with(Vec::is_empty));
    bind::html("notice-list", move || {
        c.notices.with(|n| {
            n.iter()
                .map(|m| format!("<li>{}</li>", escape(m)))
                .collect()
        })
    });
    let clicked = move |ev: leptos::ev::MouseEvent| {
        if bind::target(&ev, ".dismiss").is_some() {
            c.notices.set(Vec::new());
        }
    };
    view! {
        <div
            class="notices no-print"
            id="notices"
            role="alert"
            hidden
            inner_html=r#"<ul id="notice-list"></ul><button type="button" class="dismiss">知道了</button>"#
            on:click=clicked
        ></div>
    }
}

/// A persistent banner while browser storage is not keeping the records (blocked, full, or
/// written by a newer version). It cannot be dismissed: the user must export before closing.
#[component]
pub fn StorageBanner() -> impl IntoView {
    let c = ctx();
    let message = move || c.health.with(|h| h.message());
    bind::flag("storage-banner", "hidden", move || message().is_none());
    bind::text("storage-message", move || {
        message().map(str::to_string).unwrap_or_default()
    });
    view! {
        <div
            class="storage-banner no-print"
            id="storage-banner"
            role="alert"
            hidden
            inner_html=r#"<strong>注意：</strong><span id="storage-message"></span>"#
        ></div>
    }
}
