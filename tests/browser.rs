//! Browser tests (wasm-bindgen-test in headless Chromium): the app mounted into a real document.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

#[wasm_bindgen_test]
fn app_mounts_and_renders_every_task() {
    gk_app::start();
    let rows = document().query_selector_all("tr[data-task-id]").unwrap();
    assert_eq!(rows.length() as usize, gk_app::data::table().tasks.len());
    assert_eq!(rows.length(), 139);
    let title = document().query_selector("h1").unwrap().unwrap();
    assert_eq!(
        title.text_content().unwrap(),
        "2017年泰安市政务公开重点工作任务分解表"
    );
}
