//! The Excel worker: a Web Worker that the pages start on the first click of 导出 Excel (Trunk
//! builds it, `data-type="worker"`, with its loader `gk-xlsx-worker_loader.js`), so that
//! rust_xlsxwriter's weight never joins a page's first load.
//!
//! It says `ready` once loaded, then answers each request, an array `[kind, state, hash, now]`
//! (`unit` or `office`; the checklists as a state file; the view as the URL hash; the time in
//! milliseconds) with `[file name, bytes]` (the .xlsx file, its buffer transferred) or
//! `[message]` (in Chinese). It has the embedded table, as the pages do.

#[cfg(target_arch = "wasm32")]
fn main() {
    worker::start();
}

/// Natively there is no worker to run: the workbooks are tested through the library.
#[cfg(not(target_arch = "wasm32"))]
fn main() {}

#[cfg(target_arch = "wasm32")]
mod worker {
    use gk_core::checklist::Checklists;
    use gk_core::filter::Index;
    use gk_core::ledger::{consolidation, unit_ledger};
    use gk_core::model::Table;
    use gk_core::supervision::china_day;
    use gk_core::timestamp::Timestamp;
    use gk_core::{hash, statefile};
    use js_sys::{Array, Uint8Array};
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    const TABLE: &str = include_str!("../../../data/tables/taian-2017.json");

    pub fn start() {
        console_error_panic_hook::set_once();
        let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
        let reply_to = scope.clone();
        let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |msg: MessageEvent| {
            let _ = match answer(&Array::from(&msg.data())) {
                Ok((name, bytes)) => {
                    let bytes = Uint8Array::from(bytes.as_slice());
                    let transfer = Array::of1(&bytes.buffer());
                    reply_to
                        .post_message_with_transfer(&Array::of2(&name.into(), &bytes), &transfer)
                }
                Err(message) => reply_to.post_message(&Array::of1(&message.into())),
            };
        });
        scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        // The worker lives as long as the page that started it.
        on_message.forget();
        // Messages sent before the handler was set are lost: the page waits for this one.
        let _ = scope.post_message(&"ready".into());
    }

    /// The workbook asked for, and its file name:
    /// `<dataset>-<unit>-<YYYYMMDD>.xlsx` or `<dataset>-汇总-<YYYYMMDD>.xlsx`.
    fn answer(request: &Array) -> Result<(String, Vec<u8>), String> {
        let text = |i: u32| request.get(i).as_string().unwrap_or_default();
        let table =
            Table::from_json(TABLE).map_err(|_| "生成程序内置的任务表无法读取。".to_string())?;
        let index = Index::new(&table);
        let now = request
            .get(3)
            .as_f64()
            .map(|ms| Timestamp::from_millis(ms as i64))
            .ok_or("请求缺少时间。")?;
        let file =
            statefile::parse_state_file(text(1), "当前进度", &table).map_err(|e| e.to_string())?;
        let mut checklists = Checklists::new();
        for e in file.entries {
            checklists.put(&e.unit, &e.task, e.entry);
        }
        let (filter, _) = hash::parse(&text(2), &table);
        let day = filter.day(china_day(now));
        let (who, book) = match text(0).as_str() {
            "unit" => (
                filter.unit.clone().unwrap_or_default(),
                unit_ledger(&table, &index, &checklists, &filter, day)
                    .ok_or("请先选择单位，再导出本单位的 Excel 台账。")?,
            ),
            "office" => (
                "汇总".into(),
                consolidation(&table, &index, &checklists, day),
            ),
            other => return Err(format!("未知的导出类型“{other}”。")),
        };
        let bytes =
            gk_xlsx::write(&book, now).map_err(|e| format!("写入 Excel 文件时出错：{e}"))?;
        Ok((
            statefile::dated_file_name(&table.dataset.id, &who, now, "xlsx"),
            bytes,
        ))
    }
}
