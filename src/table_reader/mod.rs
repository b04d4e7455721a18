//! The 导入任务表 page (in `reader/`): the office drops its own 分解表 (a Word .docx, an Excel
//! .xlsx, a saved web page, a text, a paste), checks and corrects the reading, and downloads the table file for the
//! deployment. The reading and the rules are `gk-reader`'s; this is the shell around them.
//!
//! The draft (the reading and the corrections) is kept in storage at every change, and read
//! before anything is written, so that a reload loses nothing.

use gk_reader::publish::{publish, Corrections, Published};
use gk_reader::reading::Reading;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use wasm_bindgen_futures::{spawn_local, JsFuture};

use crate::storage;

mod panels;
mod vocabulary;

/// What the page keeps: the file read, its reading and the office's corrections.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    pub source: String,
    pub reading: Reading,
    pub corrections: Corrections,
}

/// The page's state, in context.
#[derive(Clone, Copy)]
struct Page {
    draft: RwSignal<Option<Draft>>,
    /// Bumped when a new reading replaces the draft: the panels render their rows again.
    version: RwSignal<u32>,
    /// Why the last file or paste gave no reading.
    error: RwSignal<Option<String>>,
    /// Storage's trouble, if any.
    storage: RwSignal<Option<&'static str>>,
    /// The last file published: its name and its line for the list of tables.
    published: RwSignal<Option<(String, String)>>,
}

fn page() -> Page {
    expect_context::<Page>()
}

impl Page {
    /// Changes the corrections (and keeps the draft).
    fn correct(self, f: impl FnOnce(&mut Corrections)) {
        self.correct_reading(|_, c| f(c));
    }

    /// Changes the corrections by a rule that reads the reading too (a kind's new key, which
    /// the table's units follow).
    fn correct_reading(self, f: impl FnOnce(&Reading, &mut Corrections)) {
        self.draft.update(|d| {
            if let Some(d) = d {
                f(&d.reading, &mut d.corrections);
            }
        });
        self.published.set(None);
    }
}

/// A new reading replaces the draft, after asking when the office has corrected the old one.
fn take(p: Page, source: String, reading: Result<Reading, gk_reader::ReadError>) {
    match reading {
        Err(e) => p.error.set(Some(format!("“{source}”：{e}"))),
        Ok(reading) => {
            let corrected = p.draft.with_untracked(|d| {
                d.as_ref()
                    .is_some_and(|d| d.corrections != Corrections::default())
            });
            if corrected {
                let ask =
                    "读取新文件将替换当前的核对与修改（已生成的任务表文件不受影响）。确定吗？";
                let yes = window().confirm_with_message(ask).unwrap_or(false);
                if !yes {
                    return;
                }
            }
            p.error.set(None);
            p.published.set(None);
            p.draft.set(Some(Draft {
                source,
                reading,
                corrections: Corrections::default(),
            }));
            p.version.update(|v| *v += 1);
        }
    }
}

/// Reads the first file. `p` is passed in: the future runs outside the component's owner.
fn read_files(p: Page, files: web_sys::FileList) {
    let Some(file) = files.get(0) else { return };
    spawn_local(async move {
        let name = file.name();
        if file.size() > gk_reader::MAX_FILE as f64 {
            take(
                p,
                name,
                Err(gk_reader::ReadError::TooBig(file.size() as u64)),
            );
            return;
        }
        let bytes = match JsFuture::from(file.array_buffer()).await {
            Ok(buf) => js_sys::Uint8Array::new(&buf).to_vec(),
            Err(_) => {
                p.error
                    .set(Some(format!("文件“{name}”无法读取，请重新选择。")));
                return;
            }
        };
        let reading = gk_reader::read_file(&name, &bytes);
        take(p, name, reading);
    });
}

fn on_paste(p: Page, ev: web_sys::ClipboardEvent) {
    ev.prevent_default();
    let Some(data) = ev.clipboard_data() else {
        return;
    };
    let html = data.get_data("text/html").unwrap_or_default();
    let text = data.get_data("text/plain").unwrap_or_default();
    if html.trim().is_empty() && text.trim().is_empty() {
        p.error.set(Some(
            "粘贴的内容是空的：请在 Word 或网页中选中整张表格，复制后再粘贴到这里。".into(),
        ));
        return;
    }
    take(p, "粘贴的表格".into(), gk_reader::read_paste(&html, &text));
}

/// The page.
#[component]
pub fn TableReader() -> impl IntoView {
    let loaded = storage::load_draft();
    // Never written when it could not be read: what is stored may be a corrected draft.
    let may_save = loaded.is_ok();
    let (draft, storage_error) = match loaded {
        Ok(Some(text)) => match serde_json::from_str::<Draft>(&text) {
            Ok(d) => (Some(d), None),
            // A draft of another version: set aside before a new reading replaces it.
            Err(_) => (None, storage::set_aside_draft(&text).err()),
        },
        Ok(None) => (None, None),
        Err(e) => (None, Some(e)),
    };
    let p = Page {
        draft: RwSignal::new(draft),
        version: RwSignal::new(0),
        error: RwSignal::new(None),
        storage: RwSignal::new(storage_error),
        published: RwSignal::new(None),
    };
    provide_context(p);
    // Kept at every change, after the load above (never before it).
    Effect::new(move |first: Option<()>| {
        p.draft.track();
        // Not the draft just loaded, nor over one that could not be read.
        if first.is_none() || !may_save {
            return;
        }
        let text = p.draft.with_untracked(|d| {
            d.as_ref()
                .map(|d| serde_json::to_string(d).unwrap_or_default())
        });
        if let Some(text) = text {
            match storage::save_draft(&text) {
                Ok(()) => p.storage.set(None),
                Err(e) => p.storage.set(Some(e)),
            }
        }
    });
    crate::files::on_drop(move |ev: web_sys::DragEvent| {
        if let Some(files) = ev.data_transfer().and_then(|d| d.files()) {
            read_files(p, files);
        }
    });
    view! {
        <header class="masthead">
            <h1>"导入任务表"</h1>
            <p class="count">"把本地区、本部门的政务公开重点工作任务分解表读成本系统的任务表文件"</p>
            <div class="view-switch" role="group" aria-label="页面">
                <a href="../">"任务表"</a>
                <a href="../office/">"汇总与导入"</a>
                <a href="./" aria-current="page">"导入任务表"</a>
            </div>
        </header>
        <main id="main">
            <Source />
            {move || p.storage.get().map(|e| view! { <p class="reader-error" role="alert">{e}</p> })}
            {move || p.error.get().map(|e| view! { <p class="reader-error" role="alert" id="reader-error">{e}</p> })}
            {move || {
                p.version.track();
                p.draft.with_untracked(Option::is_some).then(|| view! { <panels::Check /> })
            }}
        </main>
    }
}

/// Step 1: a file or a paste.
#[component]
fn Source() -> impl IntoView {
    let p = page();
    let chosen = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        if let Some(files) = input.files() {
            read_files(p, files);
        }
        input.set_value("");
    };
    view! {
        <section class="reader-source" aria-labelledby="source-h">
            <h2 id="source-h">"1. 选择分解表"</h2>
            <p>
                "可选 Word 文档（.docx）、Excel 工作簿（.xlsx）、从网站保存的网页（.html）或文本（.txt）；也可以把文件拖到本页。"
                "旧版 .doc、.wps、.pdf 请先在 Word/WPS 中另存为 .docx，.xls、.et 另存为 .xlsx。"
            </p>
            <p>
                <label class="button-like">
                    "选择文件"
                    <input
                        type="file"
                        id="reader-file"
                        class="visually-hidden"
                        accept=".docx,.xlsx,.html,.htm,.txt,.doc,.wps,.pdf,.xls,.et"
                        on:change=chosen
                    />
                </label>
            </p>
            <label for="reader-paste">"或者在 Word、WPS 或网页中选中整张表格，复制后粘贴到这里（Ctrl+V）："</label>
            <textarea
                id="reader-paste"
                rows="3"
                placeholder="在此粘贴表格"
                on:paste=move |ev| on_paste(p, ev)
            ></textarea>
        </section>
    }
}

/// The table file of the draft, or what stops it.
fn published(p: Page) -> Option<Result<Published, Vec<String>>> {
    p.draft
        .with(|d| d.as_ref().map(|d| publish(&d.reading, &d.corrections)))
}
