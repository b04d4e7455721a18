//! The page: masthead and the task table.

use crate::data::table;
use crate::rows::TaskTable;
use leptos::prelude::*;

#[component]
pub fn App() -> impl IntoView {
    let t = table();
    let shown = Memo::new(move |_| (0..t.tasks.len()).collect::<Vec<usize>>());
    view! {
        <header class="masthead">
            <h1>{t.dataset.title.clone()}</h1>
            <p class="count" aria-live="polite">
                {move || format!("显示 {} / {} 项", shown.with(Vec::len), t.tasks.len())}
            </p>
        </header>
        <main>
            <TaskTable shown=shown />
        </main>
    }
}
