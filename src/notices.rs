//! Messages for the user: values of a link that were ignored, storage problems, file problems.
//! They stay until dismissed.

use crate::state::ctx;
use leptos::prelude::*;

#[component]
pub fn Notices() -> impl IntoView {
    let c = ctx();
    view! {
        <div class="notices no-print" role="alert" hidden=move || c.notices.with(Vec::is_empty)>
            <ul>
                {move || {
                    c.notices.get().into_iter().map(|m| view! { <li>{m}</li> }).collect_view()
                }}
            </ul>
            <button type="button" class="dismiss" on:click=move |_| c.notices.set(Vec::new())>
                "知道了"
            </button>
        </div>
    }
}

/// A persistent banner while browser storage is not keeping the records (blocked, full, or
/// written by a newer version). It cannot be dismissed: the user must export before closing.
#[component]
pub fn StorageBanner() -> impl IntoView {
    let c = ctx();
    let message = move || c.health.with(|h| h.message());
    view! {
        <div class="storage-banner no-print" role="alert" hidden=move || message().is_none()>
            <strong>"注意："</strong>
            <span>{move || message().unwrap_or_default()}</span>
        </div>
    }
}
