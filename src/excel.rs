//! 导出 Excel and 导出汇总 Excel: the workbook is written by the Excel worker (`xlsx/`, with
//! rust_xlsxwriter), which a page starts on the first click, so that neither page's first load
//! carries it. The page sends the worker what it shows (its checklists as a state file, its
//! view as the URL hash) and offers the bytes it gets back as a download.

use crate::state::ctx;
use crate::{edit, files};
use gk_core::worker::Request;
use gk_core::{hash, statefile};
use leptos::prelude::*;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, Worker};

/// 导出 Excel with no unit chosen.
pub const CHOOSE_UNIT: &str = "请先选择单位，再导出本单位的 Excel 台账。";

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// Which workbook.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// The chosen unit's 台账 of the current view (the task table).
    Unit,
    /// The office's 汇总 of every unit kept in this browser (the office page).
    Office,
}

/// The worker once started, and the request waiting for it to be ready (a worker drops the
/// messages sent before its wasm is loaded, so it says `ready` first).
struct Running {
    worker: Worker,
    ready: bool,
    /// The worker failed to load: the next click starts a new one. (Not dropped at once: its
    /// handlers may not be dropped while they run.)
    broken: bool,
    pending: Option<JsValue>,
    /// The request in progress.
    job: Option<Job>,
    _handlers: [Closure<dyn Fn(MessageEvent)>; 2],
}

/// What the answer (or the failure) of a request updates: the button's busy flag and the page's
/// notices. Kept here, as the worker's callbacks run outside the components (no context there).
#[derive(Clone, Copy)]
struct Job {
    busy: RwSignal<bool>,
    notices: RwSignal<Vec<String>>,
}

impl Job {
    fn failed(self, message: String) {
        self.busy.set(false);
        self.notices.update(|n| n.push(message));
    }
}

thread_local! {
    static RUNNING: RefCell<Option<Running>> = const { RefCell::new(None) };
}

/// The chosen unit's 台账, from the task table's page.
pub fn unit_workbook(busy: RwSignal<bool>) {
    export(Kind::Unit, busy, "./");
}

/// The office's 汇总 workbook, from the office page (a folder below the worker's).
pub fn office_workbook(busy: RwSignal<bool>) {
    export(Kind::Office, busy, "../");
}

/// Makes the workbook `kind` of what the page shows and offers it as a download; `busy` is
/// true meanwhile. `worker_dir` is where the worker's files are, relative to the page. The
/// worker is sent a [`Request`] as JSON text (the open table with it: the worker has none of its
/// own) and names the file itself: the less code here, the less every page loads.
fn export(kind: Kind, busy: RwSignal<bool>, worker_dir: &str) {
    let c = ctx();
    let now = edit::now();
    let units: Vec<String> = match kind {
        Kind::Unit => match c.unit.get_untracked() {
            Some(unit) => vec![unit],
            None => {
                c.notices.update(|n| n.push(CHOOSE_UNIT.into()));
                return;
            }
        },
        Kind::Office => c
            .checklists
            .with_untracked(|cl| cl.units().map(|(u, _)| u.to_string()).collect()),
    };
    let names: Vec<&str> = units.iter().map(String::as_str).collect();
    let state = c
        .checklists
        .with_untracked(|cl| statefile::export(cl, &c.data().table.dataset.id, &names, now));
    let data = c.data();
    let view = c.filter.with_untracked(hash::format);
    let request = Request {
        kind: (if kind == Kind::Unit { "unit" } else { "office" }).into(),
        table: (&*data.json).into(),
        state: state.as_str().into(),
        hash: view.as_str().into(),
        now: now.millis(),
    };
    let request = JsValue::from_str(&serde_json::to_string(&request).unwrap_or_default());

    let job = Job {
        busy,
        notices: c.notices,
    };
    busy.set(true);
    let started = RUNNING.with_borrow_mut(|running| {
        if running.as_ref().is_none_or(|r| r.broken) {
            *running = start(worker_dir);
        }
        let Some(r) = running.as_mut() else {
            return false;
        };
        r.job = Some(job);
        if r.ready {
            let _ = r.worker.post_message(&request);
        } else {
            r.pending = Some(request);
        }
        true
    });
    if !started {
        job.failed("无法启动 Excel 生成程序：浏览器不支持或禁止了 Web Worker。".into());
    }
}

fn start(worker_dir: &str) -> Option<Running> {
    let worker = Worker::new(&format!("{worker_dir}gk-xlsx-worker_loader.js")).ok()?;
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(|msg: MessageEvent| answered(msg.data()));
    let on_error = Closure::<dyn Fn(MessageEvent)>::new(|_| {
        // The worker could not load (its files missing, the network down): forget it, so that
        // the next click tries again.
        let job = RUNNING.with_borrow_mut(|r| {
            r.as_mut().and_then(|r| {
                r.worker.terminate();
                r.broken = true;
                r.job.take()
            })
        });
        if let Some(job) = job {
            job.failed("无法加载 Excel 生成程序，请检查网络后重试。CSV 导出仍可使用。".into());
        }
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    Some(Running {
        worker,
        ready: false,
        broken: false,
        pending: None,
        job: None,
        _handlers: [on_message, on_error],
    })
}

/// A message of the worker: `ready`, or the answer to the request in progress.
fn answered(data: JsValue) {
    if data.as_string().as_deref() == Some("ready") {
        RUNNING.with_borrow_mut(|r| {
            if let Some(r) = r.as_mut() {
                r.ready = true;
                if let Some(request) = r.pending.take() {
                    let _ = r.worker.post_message(&request);
                }
            }
        });
        return;
    }
    let Some(job) = RUNNING.with_borrow_mut(|r| r.as_mut().and_then(|r| r.job.take())) else {
        return;
    };
    // `[reply, bytes]`, or `[reply]` when the worker could not write the workbook.
    let answer = js_sys::Array::from(&data);
    let reply = answer.get(0).as_string().unwrap_or_default();
    // The reply (`gk_xlsx::message::Reply`), `{"file": name}` or `{"error": message}`, read
    // as a JSON value: a derived reader of its own would cost the page more code.
    let reply: serde_json::Value = serde_json::from_str(&reply).unwrap_or_default();
    let Some(name) = reply["file"].as_str().map(str::to_string) else {
        let message = reply["error"].as_str().unwrap_or("生成程序没有回复");
        return job.failed(format!("生成 Excel 失败：{message}"));
    };
    job.busy.set(false);
    if !files::download_value(&name, XLSX, &answer.get(1)) {
        job.failed("浏览器未能下载导出文件，请重试或换用其他浏览器。".into());
    }
}

/// An Excel button: `run` starts the export (e.g. [`unit_workbook`]), with the button's busy
/// flag; 正在生成… and disabled while the worker works. The task table's masthead passes a
/// function that reaches the export through the unit's code (src/table/unit_part.rs), so that
/// its first load does not carry it.
#[component]
pub fn ExcelButton(label: &'static str, run: fn(RwSignal<bool>)) -> impl IntoView {
    let busy = RwSignal::new(false);
    view! {
        <button
            type="button"
            class="excel"
            disabled=move || busy.get()
            aria-busy=move || busy.get().then_some("true")
            on:click=move |_| run(busy)
        >
            {move || if busy.get() { "正在生成…" } else { label }}
        </button>
    }
}
