//! Importing state files (and the task table's CSV export of a unit): pick several at once or
//! drop them on the page; each is validated and previewed before anything changes; applying
//! merges (never replaces); one click undoes the last import. Bad files get a plain Chinese
//! message naming the file and saying what to send instead, the technical detail folded under
//! 详情; storage is untouched until the user applies.

use crate::edit;
use crate::state::ctx;
use gk_core::checklist::Entry;
use gk_core::statefile::{self, FileError, ParsedFile, Preview, PreviewItem};
use gk_core::stored::{LastImport, UnitDoc};
use gk_core::timestamp::CHINA_OFFSET_MINUTES;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen_futures::JsFuture;

/// Files read and previewed, waiting for the user to apply or cancel.
#[derive(Clone)]
pub struct Pending {
    pub files: Vec<ParsedFile>,
    /// Files that cannot be imported at all, with their messages.
    pub errors: Vec<Problem>,
    pub preview: Preview,
}

/// Why a file cannot be imported: the plain message, and the technical detail if any.
#[derive(Clone)]
pub struct Problem {
    pub headline: String,
    pub detail: Option<String>,
}

impl From<FileError> for Problem {
    fn from(e: FileError) -> Problem {
        Problem {
            headline: e.headline(),
            detail: e.detail(),
        }
    }
}

/// The import state shared by the toolbar, the drop zone and the preview.
#[derive(Clone, Copy)]
pub struct ImportCtx {
    pub pending: RwSignal<Option<Pending>>,
    /// The last import applied, until it is undone or the next one is applied: kept in the
    /// browser, so that it can be undone after a reload too.
    pub last: RwSignal<Option<LastImport>>,
    /// What the last import or undo did, for the user.
    pub result: RwSignal<Option<String>>,
}

pub fn import_ctx() -> ImportCtx {
    expect_context::<ImportCtx>()
}

pub fn provide_import_ctx() {
    let last = ctx().data().store.last_import();
    provide_context(ImportCtx {
        pending: RwSignal::new(None),
        last: RwSignal::new(last),
        result: RwSignal::new(None),
    });
}

/// A user-timing mark, for `make bench` and a trace of an import.
fn mark(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(name);
    }
}

/// Reads and previews `files` (from the picker or a drop).
pub fn read_files(files: web_sys::FileList) {
    let list: Vec<web_sys::File> = (0..files.length()).filter_map(|i| files.get(i)).collect();
    if list.is_empty() {
        return;
    }
    let c = ctx();
    let ic = import_ctx();
    spawn_local(async move {
        // The clock the reader checks times against (none more than a day ahead of it).
        let now = edit::now();
        let mut parsed = Vec::new();
        let mut errors = Vec::new();
        for file in list {
            let name = file.name();
            // Refuse a big file before reading it into memory.
            let limit = statefile::max_file_bytes(&c.data().table);
            if file.size() > limit as f64 {
                let e = FileError::TooLarge {
                    file: name,
                    size: file.size() as usize,
                    limit,
                };
                errors.push(e.into());
                continue;
            }
            let bytes = match JsFuture::from(file.array_buffer()).await {
                Ok(buf) => js_sys::Uint8Array::new(&buf).to_vec(),
                Err(_) => {
                    errors.push(Problem {
                        headline: format!("文件“{name}”无法读取，请重新选择。"),
                        detail: None,
                    });
                    continue;
                }
            };
            mark("import-read");
            let data = c.data();
            match statefile::parse(&bytes, &name, &data.table, now) {
                Ok(p) => parsed.push(p),
                Err(mut e) => {
                    // A file of another table of this deployment: named by its title.
                    e.name_other_table(|id| data.title_of(id).map(str::to_string));
                    errors.push(e.into())
                }
            }
        }
        mark("import-parsed");
        let preview = c
            .checklists
            .with_untracked(|cl| statefile::preview(cl, &parsed, now));
        mark("import-previewed");
        ic.result.set(None);
        ic.pending.set(Some(Pending {
            files: parsed,
            errors,
            preview,
        }));
    });
}

/// Merges the pending files into the checklists and saves every changed unit.
fn apply() {
    let c = ctx();
    let ic = import_ctx();
    let Some(p) = ic.pending.get_untracked() else {
        return;
    };
    let now = edit::now();
    let (next, undo) = c
        .checklists
        .with_untracked(|cl| statefile::apply(cl, &p.files, now));
    c.checklists.set(next);
    for unit in &undo.units {
        edit::save(c, unit, now);
    }
    let done = format!(
        "{} 个文件：新增 {} 条，更新 {} 条，涉及 {} 个单位",
        p.files.len(),
        p.preview.added,
        p.preview.updated,
        undo.units.len()
    );
    // The files refused in the preview are not in the counts: say so, with their number.
    let done = match p.errors.len() {
        0 => done,
        n => format!("{done}；另有 {n} 个文件无法导入，未计入"),
    };
    // Storage that did not take the import must not be told as 已导入: the records are only
    // in this page (issue 23).
    let result = match c.health.get_untracked() {
        crate::storage::Health::Ok => format!("已导入 {done}。"),
        _ => format!(
            "已读入 {done}，但未能保存到浏览器中（见页面顶部的提示）：这些记录只在当前页面里。\
             请先点“导出全部单位”保存为文件，再关闭页面。"
        ),
    };
    ic.result.set(Some(result));
    let d = c.data();
    let last = LastImport::new(&d.table.dataset.id, done, undo);
    // Kept after the records (saved above); when it cannot be, undo stays in this page only.
    d.store.keep_last_import(Some(&last));
    ic.last.set(Some(last));
    ic.pending.set(None);
}

/// Undoes the last import: puts back only the entries it changed that nothing has changed
/// since (a unit may have gone on typing), in memory and in storage (where another tab may
/// have written since), and says what it could not undo, and why.
fn undo() {
    let c = ctx();
    let ic = import_ctx();
    let Some(LastImport { undo, .. }) = ic.last.get_untracked() else {
        return;
    };
    let now = edit::now();
    let d = c.data();
    let dataset = &d.table.dataset.id;
    let undone = c.checklists.with_untracked(|cl| undo.undo(cl));
    for unit in &undone.units {
        d.store
            .undo_unit(UnitDoc::of(&undone.checklists, dataset, unit), &undo, now);
    }
    c.checklists.set(undone.checklists);
    c.health.set(d.store.health());
    d.store.keep_last_import(None);
    ic.last.set(None);
    let mut msg = format!(
        "已撤销上次导入：{} 条记录已恢复为导入前的样子。",
        undone.restored.len()
    );
    if !undone.kept.is_empty() {
        let shown: Vec<String> = undone
            .kept
            .iter()
            .take(20)
            .map(|(unit, task, why)| format!("{unit} {task}（{}）", why.text()))
            .collect();
        let more = undone.kept.len().saturating_sub(shown.len());
        msg.push_str(&format!(
            "另有 {} 条未撤销：{}{}。",
            undone.kept.len(),
            shown.join("；"),
            if more > 0 {
                format!("；等另 {more} 条")
            } else {
                String::new()
            }
        ));
    }
    ic.result.set(Some(msg));
}

/// Lets files be dropped anywhere on the page.
pub fn enable_drop() {
    // The drop arrives outside any reactive owner: run it in the app's, for its contexts.
    let owner = Owner::current();
    crate::files::on_drop(move |ev| {
        let files = ev.data_transfer().and_then(|d| d.files());
        if let (Some(files), Some(owner)) = (files, owner.as_ref()) {
            owner.with(|| read_files(files));
        }
    });
}

/// The preview of pending files, with 应用 and 取消; the result of the last import or undo;
/// and, on a line of its own that neither 关闭 nor another preview removes, the last import
/// with 撤销上次导入, until the next import is applied.
#[component]
pub fn ImportPanel() -> impl IntoView {
    let ic = import_ctx();
    view! {
        {move || ic.pending.get().map(preview_view)}
        {move || {
            ic.result
                .get()
                .map(|msg| {
                    view! {
                        <div class="import-result no-print" role="status">
                            <span>{msg}</span>
                            <button type="button" on:click=move |_| ic.result.set(None)>
                                "关闭"
                            </button>
                        </div>
                    }
                })
        }}
        {move || {
            ic.last
                .with(|l| l.as_ref().map(last_import_line))
                .map(|text| {
                    view! {
                        <p class="last-import no-print">
                            <span>{text}</span>
                            <button type="button" on:click=move |_| undo()>
                                "撤销上次导入"
                            </button>
                        </p>
                    }
                })
        }}
    }
}

/// `上次导入（2017年6月30日 10:30）：2 个文件：新增 3 条…。可撤销，直到下次应用导入。`
fn last_import_line(l: &LastImport) -> String {
    format!(
        "上次导入（{}）：{}。可撤销，直到下次应用导入。",
        l.undo.at.to_local_display(CHINA_OFFSET_MINUTES),
        l.summary
    )
}

fn preview_view(p: Pending) -> impl IntoView {
    let ic = import_ctx();
    let can_apply = p.preview.changes();
    let total = p.preview.added + p.preview.updated;
    view! {
        <section class="import-preview no-print" aria-labelledby="import-title">
            <h2 id="import-title">"导入预览"</h2>
            <p class="import-summary">
                {if can_apply {
                    format!(
                        "将新增 {} 条、更新 {} 条记录。确认无误后点击“应用导入”；在此之前浏览器中的数据不会改变。",
                        p.preview.added,
                        p.preview.updated,
                    )
                } else {
                    "这些文件中没有需要导入的新记录。".to_string()
                }}
            </p>
            {(!p.errors.is_empty())
                .then(|| {
                    view! {
                        <div role="alert">
                            <ul class="file-errors">
                                {p.errors.iter().map(problem_view).collect_view()}
                            </ul>
                        </div>
                    }
                })}
            // At the top, and kept in view while the files' blocks scroll by (issue 24:
            // below 12 files it sat at y≈1900).
            <div class="import-actions">
                <button
                    type="button"
                    class="primary"
                    disabled=!can_apply
                    data-total=total
                    on:click=move |_| apply()
                >
                    "应用导入"
                </button>
                <button type="button" on:click=move |_| ic.pending.set(None)>
                    "取消"
                </button>
            </div>
            {p.preview.files.iter().map(file_view).collect_view()}
        </section>
    }
}

/// A file that cannot be imported: the plain message, and the detail in a closed 详情.
fn problem_view(p: &Problem) -> impl IntoView {
    view! {
        <li>
            <span class="file-error">{p.headline.clone()}</span>
            {p
                .detail
                .clone()
                .map(|d| {
                    view! {
                        <details class="file-error-detail">
                            <summary>"详情"</summary>
                            <span>{d}</span>
                        </details>
                    }
                })}
        </li>
    }
}

fn file_view(f: &statefile::FilePreview) -> impl IntoView {
    let counts = [
        ("new", "新增", f.new.len()),
        ("newer", "更新", f.newer.len()),
        ("older", "较旧（忽略）", f.older.len() + f.superseded.len()),
        ("identical", "相同（忽略）", f.identical.len()),
        ("invalid", "无效（跳过）", f.invalid.len()),
        ("conflicts", "冲突（已计入更新或较旧）", f.conflicts.len()),
    ];
    let exported = f
        .exported_at
        .map(|t| format!("导出于 {}", t.to_local_display(CHINA_OFFSET_MINUTES)))
        .unwrap_or_default();
    view! {
        <article class="file-preview" data-file=f.file_name.clone()>
            <h3>
                {f.file_name.clone()}
                <span class="file-source">
                    {format!("（{}，{} 条记录）", f.source.label(), f.records())}
                </span>
            </h3>
            <p class="file-meta">{format!("单位：{}　{}", f.units.join("、"), exported)}</p>
            <ul class="file-counts">
                {counts
                    .into_iter()
                    .map(|(key, label, n)| {
                        view! {
                            <li data-kind=key data-count=n>
                                {label}
                                "："
                                <strong>{n}</strong>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            {(f.repaired > 0)
                .then(|| {
                    view! {
                        <p class="file-repaired">
                            {format!(
                                "文件中有 {} 处残缺的字符（如被截断的表情符号），已替换为“\u{FFFD}”，其余内容照常导入。",
                                f.repaired,
                            )}
                        </p>
                    }
                })}
            {(!f.invalid.is_empty()).then(|| invalid_view(f))}
            {(!f.conflicts.is_empty())
                .then(|| {
                    view! {
                        <details open>
                            <summary>"冲突：同一单位、同一任务在同一时刻有两条不同的记录。保留加粗的一条：状态按“未开始、进行中、已完成、不适用”的顺序取后面的；状态也相同时，按备注取其一"</summary>
                            <table class="conflicts">
                                <thead>
                                    <tr>
                                        <th scope="col">"单位"</th>
                                        <th scope="col">"任务"</th>
                                        <th scope="col">"浏览器中"</th>
                                        <th scope="col">"文件中"</th>
                                    </tr>
                                </thead>
                                <tbody>
                                    {f
                                        .conflicts
                                        .iter()
                                        .map(|x| {
                                            view! {
                                                <tr>
                                                    <td>{x.unit.clone()}</td>
                                                    <td>{x.task.clone()}</td>
                                                    <td class:wins=!x.incoming_wins>{entry_text(&x.current)}</td>
                                                    <td class:wins=x.incoming_wins>{entry_text(&x.incoming)}</td>
                                                </tr>
                                            }
                                        })
                                        .collect_view()}
                                </tbody>
                            </table>
                        </details>
                    }
                })}
            {(!f.newer.is_empty() || !f.new.is_empty())
                .then(|| {
                    let items: Vec<&PreviewItem> = f.new.iter().chain(f.newer.iter()).collect();
                    view! {
                        <details>
                            <summary>{format!("将导入的 {} 条记录", items.len())}</summary>
                            <ul class="change-list">
                                {items
                                    .into_iter()
                                    .map(|i| {
                                        view! {
                                            <li>{format!("{} · {}：{}", i.unit, i.task, entry_text(&i.incoming))}</li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        </details>
                    }
                })}
        </article>
    }
}

/// A file's invalid entries: how many, the first [`statefile::INVALID_SHOWN`] with their
/// reasons, and all of them as a CSV download (a file may hold hundreds of thousands).
fn invalid_view(f: &statefile::FilePreview) -> impl IntoView {
    let n = f.invalid.len();
    let rest = n.saturating_sub(statefile::INVALID_SHOWN);
    let shown: Vec<String> = f
        .invalid
        .iter()
        .take(statefile::INVALID_SHOWN)
        .map(|i| i.to_string())
        .collect();
    let file_name = f.file_name.clone();
    let invalid = f.invalid.clone();
    let download = move |_| {
        let text = statefile::invalid_csv(&file_name, &invalid);
        let stem = file_name
            .rsplit_once('.')
            .map_or(file_name.as_str(), |(s, _)| s);
        if !crate::files::download(
            &format!("{stem}-无效记录.csv"),
            "text/csv;charset=utf-8",
            &text,
        ) {
            edit::download_failed();
        }
    };
    view! {
        <details open class="invalid">
            <summary>{format!("无效记录 {n} 条（将被跳过）")}</summary>
            <ul class="invalid-list">
                {shown.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}
            </ul>
            <p class="invalid-more">
                {(rest > 0).then(|| format!("以上是前 {} 条，另有 {rest} 条未列出。", statefile::INVALID_SHOWN))}
                <button type="button" on:click=download>
                    {format!("下载全部 {n} 条无效记录（CSV）")}
                </button>
            </p>
        </details>
    }
}

fn entry_text(e: &Entry) -> String {
    let when = e.updated_at.to_local_display(CHINA_OFFSET_MINUTES);
    if e.note.is_empty() {
        format!("{}（{when}）", e.status.label())
    } else {
        format!("{}，{}（{when}）", e.status.label(), e.note)
    }
}
