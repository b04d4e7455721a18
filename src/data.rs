//! The dataset: the task table the page opens, with its index and its unit lists, built once
//! before the page mounts (`load`) and handed to the state (`Ctx::data`). No globals: a page
//! has one `Data`, shared by `Arc`.
//!
//! A deployment holds one or more tables in `tables/` beside the pages, listed by
//! `tables/tables.json` (`{"default": id, "tables": [{"id", "file", "title"}]}`). The link names
//! one (`table=<id>`, `url.rs`); without one the list's default opens. The default table of the
//! build is embedded (compact, `build.rs`), so that it needs no second download; any other is
//! fetched from `tables/<file>`. Without the list (an older deployment, a page opened from
//! disk) the embedded table opens and no other is offered.

use crate::storage::Store;
use crate::url;
use gk_core::filter::Index;
use gk_core::model::Table;
use std::sync::Arc;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

const JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/default-table.json"));
/// The list's id of the embedded table (`build.rs`).
const EMBEDDED_ID: &str = env!("GK_EMBEDDED_TABLE");

/// The table as embedded, read by `Table::from_json`. The embedded JSON is checked by the
/// native tests, so parsing cannot fail at run time. (Panics with the error's `Display`: an
/// `expect` would bring its `Debug` and the escaping of `str`'s `Debug` into the wasm.)
pub fn embedded_table() -> Table {
    Table::from_json(JSON).unwrap_or_else(|e| panic!("the embedded task table is valid JSON: {e}"))
}

/// A table of the deployment's list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listed {
    pub id: String,
    pub file: String,
    pub title: String,
}

/// The deployment's list of tables (`tables/tables.json`).
#[derive(Debug, Clone, Default)]
pub struct List {
    pub default: String,
    pub tables: Vec<Listed>,
}

impl List {
    fn parse(text: &str) -> Option<List> {
        let v: serde_json::Value = serde_json::from_str(text).ok()?;
        let field = |t: &serde_json::Value, k: &str| t[k].as_str().map(str::to_string);
        let tables = v["tables"]
            .as_array()?
            .iter()
            .filter_map(|t| {
                Some(Listed {
                    id: field(t, "id")?,
                    file: field(t, "file")?,
                    title: field(t, "title").unwrap_or_default(),
                })
            })
            .collect::<Vec<_>>();
        let default = field(&v, "default")
            .filter(|d| tables.iter().any(|t| t.id == *d))
            .or_else(|| tables.first().map(|t| t.id.clone()))?;
        Some(List { default, tables })
    }

    fn get(&self, id: &str) -> Option<&Listed> {
        self.tables.iter().find(|t| t.id == id)
    }
}

/// Everything a page knows of the table it opened.
pub struct Data {
    pub table: Table,
    pub index: Index,
    /// Every pickable unit with the indices of its tasks (the office page's; empty on the task
    /// table, which does not need them).
    pub unit_tasks: Vec<(String, Vec<usize>)>,
    /// The table's JSON text, sent to the Excel worker with each request.
    pub json: Arc<str>,
    /// The page's browser storage, per dataset id.
    pub store: Store,
    /// The deployment's tables (for the switcher); empty without a list.
    pub tables: Vec<Listed>,
    /// The list's default table (its id).
    pub default_table: String,
    /// The list's id of the open table.
    pub list_id: String,
    /// `Some(id)` when the open table is not the list's default: links name it (`table=<id>`).
    pub link_table: Option<String>,
}

impl Data {
    fn new(table: Table, json: Arc<str>, office: bool) -> Data {
        let index = Index::new(&table);
        let unit_tasks = if office {
            index
                .units()
                .iter()
                .map(|u| (u.clone(), index.tasks_of(u)))
                .collect()
        } else {
            Vec::new()
        };
        let store = Store::new(&table.dataset.id);
        Data {
            table,
            index,
            unit_tasks,
            json,
            store,
            tables: Vec::new(),
            list_id: EMBEDDED_ID.to_string(),
            default_table: EMBEDDED_ID.to_string(),
            link_table: None,
        }
    }

    /// The embedded table alone, as a page without a list opens it (and the browser tests).
    pub fn embedded(office: bool) -> Data {
        let t = embedded_table();
        #[cfg(feature = "synthetic-10k")]
        let t = gk_core::bench::synthetic_table(&t, 10_000);
        Data::new(t, JSON.into(), office)
    }

    /// The title of the table with this id in the list.
    pub fn title_of(&self, id: &str) -> Option<&str> {
        self.tables
            .iter()
            .find(|t| t.id == id)
            .map(|t| t.title.as_str())
    }
}

/// What `load` found: the table to open (and the notices for the user), or why the table the
/// link names cannot open, with the others of the list.
pub enum Loaded {
    Open(Arc<Data>, Vec<String>),
    Failed(Failure),
}

/// A table that could not be opened.
pub struct Failure {
    pub table: Listed,
    pub problem: String,
    /// The deployment's tables (the failed one included) and its default.
    pub list: List,
}

impl Failure {
    pub fn message(&self) -> String {
        let t = &self.table;
        let title = if t.title.is_empty() { &t.id } else { &t.title };
        format!(
            "任务表“{title}”（编号 {}，文件 tables/{}）无法打开：{}。",
            t.id, t.file, self.problem
        )
    }
}

/// `path` (relative to the deployment's root) from this page: the office page is in `office/`.
fn at_root(office: bool, path: &str) -> String {
    format!("{}{path}", if office { "../" } else { "" })
}

/// The text at `url`, or the reason it could not be had.
async fn fetch_text(url: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("无窗口")?;
    let gone = |_| "无法下载文件（网络中断或页面是从本地文件打开的）".to_string();
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(gone)?
        .unchecked_into();
    if !response.ok() {
        return Err(match response.status() {
            404 => "文件不存在（HTTP 404），请检查部署目录中的 tables 文件夹".into(),
            s => format!("服务器未能提供该文件（HTTP {s}）"),
        });
    }
    let text = JsFuture::from(response.text().map_err(gone)?)
        .await
        .map_err(gone)?;
    Ok(text.as_string().unwrap_or_default())
}

/// Reads the link's table and the deployment's list, and opens the table: the embedded one
/// without fetching, another from `tables/`. `office`: the office page (in `office/`), which
/// also needs the unit lists.
pub async fn load(office: bool) -> Loaded {
    let wanted = url::link_table();
    let Ok(list) = fetch_text(&at_root(office, "tables/tables.json")).await else {
        // An older deployment, or a page opened from disk: the embedded table, alone.
        return Loaded::Open(Arc::new(Data::embedded(office)), Vec::new());
    };
    let Some(list) = List::parse(&list) else {
        return Loaded::Open(
            Arc::new(Data::embedded(office)),
            vec!["任务表清单（tables/tables.json）无法读取，已打开内置的任务表。".into()],
        );
    };
    let mut notices = Vec::new();
    let default = list.get(&list.default).cloned();
    let chosen = match wanted.as_deref().map(|w| (w, list.get(w))) {
        Some((_, Some(t))) => Some(t.clone()),
        Some((w, None)) => {
            let title = default.as_ref().map_or("", |d| d.title.as_str());
            notices.push(format!(
                "链接中的任务表“{w}”不存在，已打开默认任务表“{title}”。"
            ));
            default.clone()
        }
        None => default.clone(),
    };
    let data = match &chosen {
        // Not in the list at all (an empty list), or the build's own: the embedded table.
        None => Data::embedded(office),
        Some(t) if t.id == EMBEDDED_ID => Data::embedded(office),
        Some(t) => {
            let opened = fetch_text(&at_root(office, &format!("tables/{}", t.file)))
                .await
                .and_then(|text| parse(&text).map(|table| (table, text)));
            match opened {
                Ok((table, text)) => Data::new(table, text.into(), office),
                Err(problem) => {
                    return Loaded::Failed(Failure {
                        table: t.clone(),
                        problem,
                        list,
                    })
                }
            }
        }
    };
    let mut data = data;
    // Links name the table only when it is not the default (a link to an unknown table or to
    // the default loses the key).
    data.default_table = list.default.clone();
    if let Some(t) = chosen {
        data.list_id = t.id;
    }
    data.link_table = Some(data.list_id.clone()).filter(|id| *id != list.default);
    url::set_link_table(data.link_table.as_deref());
    if list.tables.len() > 1 {
        data.tables = list.tables;
    }
    Loaded::Open(Arc::new(data), notices)
}

/// A fetched table file, or what is wrong with it.
fn parse(text: &str) -> Result<Table, String> {
    if !text.trim_start().starts_with('{') {
        return Err("文件不是 JSON 格式的任务表（可能是网页或其他文件）".into());
    }
    Table::from_json(text).map_err(|e| format!("文件内容不符合任务表格式（{e}）"))
}
