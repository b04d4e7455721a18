//! Messages for the user: values of a link that were ignored, storage problems, file problems.
//! They stay until dismissed.

use crate::app::ctx;
use leptos::prelude::*;

#[component]
pub fn Notices() -> impl IntoView {
    let c = ctx();
    view! {
        <Show when=move || c.notices.with(|n| !n.is_empty())>
            <div class="notices no-print" role="alert">
                <ul>
                    {move || {
                        c.notices
                            .get()
                            .into_iter()
                            .map(|m| view! { <li>{m}</li> })
                            .collect_view()
                    }}
                </ul>
                <button type="button" class="dismiss" on:click=move |_| c.notices.set(Vec::new())>
                    "知道了"
                </button>
            </div>
        </Show>
    }
}

/// A persistent banner while browser storage is not keeping the records (blocked, full, or
/// written by a newer version). It cannot be dismissed: the user must export before closing.
#[component]
pub fn StorageBanner() -> impl IntoView {
    let c = ctx();
    move || {
        c.health.get().message().map(|m| {
            view! {
                <div class="storage-banner no-print" role="alert">
                    <strong>"注意："</strong>
                    {m}
                </div>
            }
        })
    }
}
