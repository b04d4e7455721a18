//! The Leptos shell around `gk-core`: components, URL state, browser storage, files.
//! Everything that can be plain Rust lives in `gk-core` and is tested natively.
//!
//! Two pages, a folder each: `table/` (the task table, a unit's page) and `office/` (汇总与导入);
//! the pieces both use beside them: the open table (`data`), the shared state (`state`), storage,
//! the link, files, the mastheads, notices, the guide, print, the Excel buttons and edits.

mod asof;
pub mod data;
mod edit;
mod excel;
mod files;
mod guide;
mod note;
mod notices;
mod office;
mod print;
mod state;
pub mod storage;
mod table;
mod table_reader;
mod toolbar;
pub mod url;

pub use table::unit_part::{kit as unit_kit, Kit, Loader};

/// Starts the task-table page: opens the link's table (`data::load`), then replaces the static
/// boot notice of `index.html` with the page. `kit` fetches the code only a chosen unit needs
/// (src/table/unit_part.rs).
pub fn start(kit: Loader) {
    begin(false, move |data, notices| {
        leptos::mount::mount_to_body(move || leptos::view! { <table::App data notices kit /> })
    });
}

/// Starts the office page (汇总与导入, `public/office.html`).
pub fn start_office() {
    begin(true, |data, notices| {
        leptos::mount::mount_to_body(move || leptos::view! { <office::Office data notices /> })
    });
}

/// Loads the table, then mounts the page with `mount` (each page's own: a page's wasm carries
/// only its own components), or the page that says why the table cannot open.
fn begin(office: bool, mount: impl FnOnce(std::sync::Arc<data::Data>, Vec<String>) + 'static) {
    console_error_panic_hook::set_once();
    wasm_bindgen_futures::spawn_local(async move {
        let loaded = data::load(office).await;
        unboot();
        match loaded {
            data::Loaded::Open(data, notices) => {
                name_document(&data.table.dataset.title, office);
                mount(data, notices)
            }
            data::Loaded::Failed(failure) => {
                leptos::mount::mount_to_body(move || toolbar::failed(failure, office));
            }
        }
    });
}

/// The window's title: the table's, as a ledger (…分解表 → …台账), the office page's prefixed
/// with 汇总与导入. The static pages name no table: the link chooses it.
fn name_document(title: &str, office: bool) {
    let ledger = title.replacen("分解表", "台账", 1);
    let text = match office {
        true => format!("汇总与导入 — {ledger}"),
        false => ledger,
    };
    leptos::prelude::document().set_title(&text);
}

fn unboot() {
    // The static notice of the page's HTML, outside the app's views.
    if let Some(boot) = leptos::prelude::document().get_element_by_id("boot") {
        boot.remove();
    }
}

/// Starts the 导入任务表 page (`public/reader.html`): it opens no table, it makes one.
pub fn start_reader() {
    console_error_panic_hook::set_once();
    unboot();
    leptos::prelude::document().set_title("导入任务表 — 政务公开重点工作任务台账");
    leptos::mount::mount_to_body(|| leptos::view! { <table_reader::TableReader /> });
}
