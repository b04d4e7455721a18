//! Files: downloading what the app writes (state files, CSV), and files dropped on the page
//! (imported on the office page, refused with a pointer to it on the task table).

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Offers `content` to the user as a download named `name`. Returns false when the browser
/// refused (the caller then says so; nothing is lost, the data stays in the page).
pub fn download(name: &str, mime: &str, content: &str) -> bool {
    try_download(name, mime, &JsValue::from_str(content)).is_ok()
}

/// As [`download`], for content that is a JavaScript value a `Blob` takes (e.g. the bytes of a
/// workbook, a `Uint8Array`).
pub fn download_value(name: &str, mime: &str, content: &JsValue) -> bool {
    try_download(name, mime, content).is_ok()
}

fn try_download(name: &str, mime: &str, content: &JsValue) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(content);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsValue::from_str("no document"))?;
    let a: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    a.set_href(&url);
    a.set_download(name);
    a.style().set_property("display", "none")?;
    let body = document
        .body()
        .ok_or_else(|| JsValue::from_str("no body"))?;
    body.append_child(&a)?;
    a.click();
    body.remove_child(&a)?;
    // Revoke later: revoking at once can cancel the download in some browsers.
    let revoke = Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    if let Some(w) = web_sys::window() {
        w.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 60_000)?;
    }
    Ok(())
}

/// Calls `handler` with whatever is dropped on the page, instead of the browser's default (it
/// would open a dropped file and leave the app).
pub fn on_drop(handler: impl Fn(web_sys::DragEvent) + 'static) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let over = Closure::<dyn Fn(web_sys::DragEvent)>::new(|ev: web_sys::DragEvent| {
        ev.prevent_default();
    });
    let drop = Closure::<dyn Fn(web_sys::DragEvent)>::new(move |ev: web_sys::DragEvent| {
        ev.prevent_default();
        handler(ev);
    });
    let _ = doc.add_event_listener_with_callback("dragover", over.as_ref().unchecked_ref());
    let _ = doc.add_event_listener_with_callback("drop", drop.as_ref().unchecked_ref());
    // Both live as long as the page.
    over.forget();
    drop.forget();
}

/// On the task-table page a dropped file is refused, with a pointer to the page that imports.
pub fn refuse_drop(notices: leptos::prelude::RwSignal<Vec<String>>) {
    use leptos::prelude::Update;
    on_drop(move |_| {
        notices.update(|n| {
            n.push("本页不导入文件：请打开“汇总与导入”页面，在那里导入报送文件。".into())
        });
    });
}
