//! The Excel worker's answers to the page's messages (`gk_core::worker`): a [`Request`] in, a
//! [`Reply`] and, when it wrote a workbook, the file's bytes (a transferred buffer) out.

use gk_core::checklist::Checklists;
use gk_core::filter::Index;
use gk_core::ledger::{consolidation, unit_ledger};
use gk_core::model::Table;
use gk_core::supervision::china_day;
use gk_core::timestamp::Timestamp;
pub use gk_core::worker::{Reply, Request};
use gk_core::{hash, statefile};

/// The answer to a request (its JSON text) as the worker posts it: the reply's JSON text and,
/// with a file, its bytes.
pub fn reply(request: &str) -> (String, Option<Vec<u8>>) {
    let answer = serde_json::from_str::<Request>(request)
        .map_err(|e| format!("导出请求无法读取：{e}"))
        .and_then(|r| answer(&r));
    let (reply, bytes) = match answer {
        Ok((name, bytes)) => (Reply::File(name), Some(bytes)),
        Err(message) => (Reply::Error(message), None),
    };
    (serde_json::to_string(&reply).unwrap_or_default(), bytes)
}

/// The workbook asked for, and its file name:
/// `<dataset>-<unit>-<YYYYMMDD>.xlsx` or `<dataset>-汇总-<YYYYMMDD>.xlsx`.
pub fn answer(request: &Request) -> Result<(String, Vec<u8>), String> {
    let table =
        Table::from_json(&request.table).map_err(|e| format!("页面发来的任务表无法读取：{e}"))?;
    let index = Index::new(&table);
    let now = Timestamp::from_millis(request.now);
    let file = statefile::parse_state_file(request.state.to_string(), "当前进度", &table, now)
        .map_err(|e| e.to_string())?;
    let mut checklists = Checklists::new();
    for e in file.entries {
        checklists.put(&e.unit, &e.task, e.entry);
    }
    let (filter, _) = hash::parse(&request.hash, &table);
    let day = filter.day(china_day(now));
    let (who, book) = match &*request.kind {
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
    let bytes = crate::write(&book, now).map_err(|e| format!("写入 Excel 文件时出错：{e}"))?;
    Ok((
        statefile::dated_file_name(&table.dataset.id, &who, now, "xlsx"),
        bytes,
    ))
}
