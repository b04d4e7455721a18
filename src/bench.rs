//! Hooks for the benchmark (`make bench`), only in builds with the `synthetic-10k` feature:
//! `window.wasmBindings.bench_merge(files, entries)` times an import of many state files.

use gk_core::bench::{existing_checklists, import_and_merge, state_files};
use wasm_bindgen::prelude::*;

/// Imports `files` generated state files of `entries` entries each into a central office's
/// checklists, as the app does (parse, preview, apply), and merges them with
/// `merge::merge_into`; returns the times in milliseconds (`performance.now()`) as JSON.
/// Uses the real table of 139 tasks, not the synthetic one.
#[wasm_bindgen]
pub fn bench_merge(files: usize, entries: usize) -> String {
    let table = gk_app::data::embedded_table();
    let texts = state_files(&table, files, entries);
    let current = existing_checklists(&table);
    let performance = web_sys::window()
        .and_then(|w| w.performance())
        .expect("a window with performance");
    let t = import_and_merge(&table, &current, &texts, || performance.now());
    format!(
        "{{\"parse_ms\":{},\"preview_ms\":{},\"apply_ms\":{},\"merge_into_ms\":{},\
         \"import_ms\":{},\"parse_and_merge_ms\":{},\"entries\":{},\"result_entries\":{}}}",
        t.parse,
        t.preview,
        t.apply,
        t.merge_into,
        t.import_total(),
        t.parse_and_merge(),
        t.entries,
        t.result_entries
    )
}
