//! The Leptos shell around `gk-core`: components, URL state, browser storage, files.
//! Everything that can be plain Rust lives in `gk-core` and is tested natively.

mod app;
mod central;
pub mod data;
mod dunning;
mod edit;
mod excel;
mod files;
mod filters;
mod guide;
mod highlight;
mod import;
mod notices;
mod office;
mod print;
mod progress;
mod rows;
pub mod storage;
mod toolbar;
mod unit_view;
pub mod url;

/// Starts the task-table page: replaces the static boot notice of `index.html` with it.
pub fn start() {
    unboot();
    leptos::mount::mount_to_body(app::App);
}

/// Starts the office page (汇总与导入, `public/office.html`).
pub fn start_office() {
    unboot();
    leptos::mount::mount_to_body(office::Office);
}

fn unboot() {
    console_error_panic_hook::set_once();
    // The static notice of the page's HTML, outside the app's views.
    if let Some(boot) = leptos::prelude::document().get_element_by_id("boot") {
        boot.remove();
    }
}
