//! The Excel worker: a Web Worker that the pages start on the first click of 导出 Excel (Trunk
//! builds it, `data-type="worker"`, with its loader `gk-xlsx-worker_loader.js`), so that
//! rust_xlsxwriter's weight never joins a page's first load.
//!
//! It says `ready` once loaded, then answers each request, a `gk_xlsx::message::Request` as
//! JSON text (the kind, the open table's JSON, the checklists as a state file, the view as the
//! URL hash, the time), with `[reply, bytes]`: a `gk_xlsx::message::Reply` as JSON text (the
//! file's name, or a message in Chinese) and, with a file, its bytes (the buffer transferred).
//! It has no table of its own: each request brings the one the page shows.

#[cfg(target_arch = "wasm32")]
fn main() {
    worker::start();
}

/// Natively there is no worker to run: the workbooks are tested through the library.
#[cfg(not(target_arch = "wasm32"))]
fn main() {}

#[cfg(target_arch = "wasm32")]
mod worker {
    use js_sys::{Array, Uint8Array};
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    pub fn start() {
        console_error_panic_hook::set_once();
        let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
        let reply_to = scope.clone();
        let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |msg: MessageEvent| {
            let request = msg.data().as_string().unwrap_or_default();
            let (reply, bytes) = gk_xlsx::message::reply(&request);
            let _ = match bytes {
                Some(bytes) => {
                    let bytes = Uint8Array::from(bytes.as_slice());
                    let transfer = Array::of1(&bytes.buffer());
                    reply_to
                        .post_message_with_transfer(&Array::of2(&reply.into(), &bytes), &transfer)
                }
                None => reply_to.post_message(&Array::of1(&reply.into())),
            };
        });
        scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        // The worker lives as long as the page that started it.
        on_message.forget();
        // Messages sent before the handler was set are lost: the page waits for this one.
        let _ = scope.post_message(&"ready".into());
    }
}
