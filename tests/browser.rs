//! Browser tests (wasm-bindgen-test in headless Chromium): the app mounted into a real document.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Waits for the browser's next task (effects run after mounting, the rows are put in by one).
async fn next_task() {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
}

#[wasm_bindgen_test]
async fn app_mounts_and_renders_every_task() {
    // The unit's code without a split point: the test binary links it whole.
    gk_app::start(|| Box::pin(async { Some(gk_app::unit_kit()) }));
    let shown = || {
        document()
            .query_selector_all("tr[data-task-id]:not([hidden])")
            .unwrap()
    };
    for _ in 0..500 {
        if shown().length() > 0 {
            break;
        }
        next_task().await;
    }
    let rows = shown();
    assert_eq!(
        rows.length() as usize,
        gk_app::data::embedded_table().tasks.len()
    );
    assert_eq!(rows.length(), 139);
    let title = document().query_selector("h1").unwrap().unwrap();
    assert_eq!(
        title.text_content().unwrap(),
        "2017年泰安市政务公开重点工作任务分解表"
    );
}

#[wasm_bindgen_test]
fn hash_writes_push_or_replace_history_and_skip_no_ops() {
    use gk_app::url::{read_hash, write_hash};
    let history = web_sys::window().unwrap().history().unwrap();
    let before = history.length().unwrap();
    write_hash("pillar=2", true);
    assert_eq!(read_hash(), "pillar=2");
    assert_eq!(history.length().unwrap(), before + 1);
    // The same hash again: no new entry.
    write_hash("pillar=2", true);
    assert_eq!(history.length().unwrap(), before + 1);
    // Replacing keeps the count.
    write_hash("q=%E9%A2%84%E7%AE%97", false);
    assert_eq!(read_hash(), "q=%E9%A2%84%E7%AE%97");
    assert_eq!(history.length().unwrap(), before + 1);
    // The empty view has no hash at all.
    write_hash("", true);
    assert_eq!(read_hash(), "");
    assert!(!web_sys::window()
        .unwrap()
        .location()
        .href()
        .unwrap()
        .contains('#'));
}
