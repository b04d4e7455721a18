//! 使用说明: a short guide to each page, a native modal `<dialog>` that opens by itself on the
//! first visit (until closed once: remembered in browser storage, `storage.rs`) and from the
//! masthead's 使用说明 afterwards. 知道了 (a `method="dialog"` form) or Esc closes it, and the
//! browser gives the focus back. Each page passes its own text, so that the task table does not
//! carry the office's.

use crate::state::ctx;
use crate::table::progress::RECORDS_WARNING;
use leptos::prelude::*;

/// A page's guide.
pub struct GuideText {
    /// The page's name in the storage key (`table`, `office`).
    pub page: &'static str,
    /// The steps: a few words, then one sentence. `{office}` stands for the office that receives
    /// the units' files (the open table's `dataset.office.short`).
    pub steps: &'static [(&'static str, &'static str)],
    pub warning: &'static str,
}

/// The task table's guide: a unit's way from its tasks to the office.
pub const TABLE: GuideText = GuideText {
    page: "table",
    steps: &[
        ("选单位", "在“单位”中选择本单位，表中只列出本单位的任务。"),
        (
            "填状态和备注",
            "为每项任务选择完成状态，在备注中写明进展或依据；每次修改都自动保存在本浏览器。",
        ),
        (
            "导出报送文件",
            "点“导出报送文件”，浏览器会把它下载到“下载”文件夹。",
        ),
        (
            "交{office}",
            "把报送文件发给{office}。导出 Excel、CSV 供本单位留存；报送请用报送文件（误发的 CSV 也能导入，但请以报送文件为准）。",
        ),
    ],
    warning: RECORDS_WARNING,
};

/// Opens the page's guide (`#guide`).
pub fn open() {
    use wasm_bindgen::JsCast;
    if let Some(d) = document()
        .get_element_by_id("guide")
        .and_then(|d| d.dyn_into::<web_sys::HtmlDialogElement>().ok())
    {
        let _ = d.show_modal();
    }
}

/// The guide itself; opens by itself once it is in the page, unless it was seen before.
#[component]
pub fn Guide(text: &'static GuideText) -> impl IntoView {
    let d = ctx().data();
    let office = d.table.dataset.office.short.clone();
    let fill = move |s: &str| s.replace("{office}", &office);
    if !d.store.guide_seen(text.page) {
        // After the page is mounted: a dialog opens only once it is in the document.
        request_animation_frame(open);
    }
    view! {
        <dialog
            id="guide"
            class="guide no-print"
            aria-labelledby="guide-title"
            on:close=move |_| d.store.mark_guide_seen(text.page)
        >
            <h2 id="guide-title">"使用说明"</h2>
            <ol>
                {text
                    .steps
                    .iter()
                    .map(|(head, line)| view! { <li><strong>{fill(head)}</strong>" "{fill(line)}</li> })
                    .collect_view()}
            </ol>
            <p class="guide-warning">
                <strong>"请注意："</strong>
                {text.warning}
            </p>
            <form method="dialog">
                <button class="primary" autofocus>
                    "知道了"
                </button>
            </form>
        </dialog>
    }
}

/// The office page's guide: from the units' files to the summary workbook.
pub const OFFICE: GuideText = GuideText {
    page: "office",
    steps: &[
        (
            "导入各单位报送文件",
            "点“导入报送文件”（或把文件拖到本页），可一次选择多个文件。",
        ),
        (
            "核对预览",
            "预览列出每个文件的新增、更新、较旧和冲突；此时还没有改动任何记录。",
        ),
        (
            "应用导入（可撤销）",
            "核对无误后点“应用导入”；如有差错，点“撤销上次导入”。",
        ),
        (
            "查看汇总/督办",
            "汇总表列出各单位完成情况和未报送单位，督办列表列出逾期和待更新的任务。",
        ),
        (
            "导出汇总 Excel",
            "点“导出汇总 Excel”，得到汇总、未报送、明细和督办四张表。",
        ),
        (
            "导出全部单位（备份）",
            "点“导出全部单位”，把本浏览器中所有单位的记录存成一个报送文件：换电脑或清除浏览器数据前请先导出，之后在本页导入即可恢复。",
        ),
    ],
    warning: "导入的记录只保存在这台电脑的这个浏览器中：清除浏览器数据或换电脑后就找不到了。\
              请保留各单位的报送文件，需要时重新导入即可。",
};
