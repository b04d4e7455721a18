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
