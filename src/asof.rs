//! The line under 截至日期 on both pages when a day other than today is chosen: what the lights
//! judge on that day and what they do not (`gk_core::supervision::as_of_caveat`).

use crate::state::ctx;
use gk_core::supervision::as_of_caveat;
use leptos::prelude::*;

#[component]
pub fn AsOfCaveat() -> impl IntoView {
    let c = ctx();
    let text = move || as_of_caveat(c.day.get(), c.today);
    view! {
        <p class="asof-caveat" role="note" hidden=move || text().is_none()>
            {move || text().unwrap_or_default()}
        </p>
    }
}
