//! The document the browser keeps in localStorage for one unit's checklist (one key per
//! unit; the keys are chosen by the browser module, `src/storage.rs`). A write never rewrites
//! other units from a stale copy, and every write merges with what is stored
//! ([`merge_docs`]), so two tabs never lose each other's edits.
//!
//! Schema 1 (compact JSON, fields in this order):
//!
//! ```json
//! {"schema":1,"dataset":"taian-2017","unit":"市财政局","exported_at":null,
//!  "entries":{"1.1.5":{"status":"done","note":"…","updated_at":"2017-06-29T10:00:00Z"}}}
//! ```
//!
//! Reading dispatches on `schema`: an older schema is migrated step by step to [`SCHEMA`]
//! ([`migrate`]), a newer one is refused ([`StoredError::Newer`]) and must be left as it is:
//! it was written by a newer version of the app, and writing over it would lose data.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::checklist::{Checklists, Entry, UnitChecklist};
use crate::merge::merge_unit;
use crate::status::Status;
use crate::syntax::{self, type_name};
use crate::timestamp::Timestamp;

/// The schema this code writes, and the newest it reads.
pub const SCHEMA: u64 = 1;

/// One unit's stored checklist.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitDoc {
    /// The table's dataset id (`taian-2017`).
    pub dataset: String,
    pub unit: String,
    pub checklist: UnitChecklist,
}

impl UnitDoc {
    /// The document of a unit's checklist in `checklists` (empty when it has none).
    pub fn of(checklists: &Checklists, dataset: &str, unit: &str) -> UnitDoc {
        UnitDoc {
            dataset: dataset.to_string(),
            unit: unit.to_string(),
            checklist: checklists.unit(unit).cloned().unwrap_or_default(),
        }
    }

    /// Puts the document's checklist into `checklists`, replacing the unit's.
    pub fn put_into(self, checklists: &mut Checklists) {
        checklists.set_unit(&self.unit, self.checklist);
    }
}

/// A stored value that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoredError {
    /// Not a unit document, or a damaged one; the reason is for logs and messages.
    Corrupt(String),
    /// Written by a newer version of the app (its schema number): keep it, do not overwrite.
    Newer(u64),
}

impl fmt::Display for StoredError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoredError::Corrupt(reason) => {
                write!(f, "本机保存的进度数据已损坏，无法读取（{reason}）。")
            }
            StoredError::Newer(found) => write!(
                f,
                "本机保存的进度数据是第 {found} 版格式，由更新版本的本系统写入，本页面只能读取第 {SCHEMA} 版。请刷新页面以使用最新版本；在此之前不会修改这些数据。"
            ),
        }
    }
}

impl std::error::Error for StoredError {}

/// A document of the current schema as it is written: the field order is the written order.
#[derive(Serialize)]
struct DocOut<'a> {
    schema: u64,
    dataset: &'a str,
    unit: &'a str,
    exported_at: Option<Timestamp>,
    entries: &'a BTreeMap<String, Entry>,
}

/// The stored text of a unit's checklist, in the current schema: compact JSON.
pub fn encode_unit(doc: &UnitDoc) -> String {
    serde_json::to_string(&DocOut {
        schema: SCHEMA,
        dataset: &doc.dataset,
        unit: &doc.unit,
        exported_at: doc.checklist.exported_at,
        entries: &doc.checklist.entries,
    })
    .unwrap_or_else(|e| panic!("a unit document always serializes: {e}"))
}

/// One migration step: the document of schema `n` to schema `n + 1`.
type Step = fn(Value) -> Result<Value, StoredError>;

/// `MIGRATIONS[n - 1]` takes schema `n` to `n + 1`. Schema 1 is the first: none yet. A schema
/// 2 adds its step here (and a sample `tests/samples/stored-v2.json`).
const MIGRATIONS: &[Step] = &[];

const _: () = assert!(MIGRATIONS.len() as u64 == SCHEMA - 1);

/// Brings a stored document of schema `schema` to the current one.
pub fn migrate(schema: u64, mut doc: Value) -> Result<Value, StoredError> {
    if schema == 0 {
        return Err(StoredError::Corrupt("没有第 0 版格式".into()));
    }
    if schema > SCHEMA {
        return Err(StoredError::Newer(schema));
    }
    for step in &MIGRATIONS[(schema - 1) as usize..] {
        doc = step(doc)?;
    }
    if let Some(members) = doc.as_object_mut() {
        members.insert("schema".into(), SCHEMA.into());
    }
    Ok(doc)
}

/// Reads a stored unit document of any schema up to [`SCHEMA`].
pub fn decode_unit(raw: &str) -> Result<UnitDoc, StoredError> {
    read(raw, None)
}

fn read(raw: &str, skipped: Option<&mut Vec<String>>) -> Result<UnitDoc, StoredError> {
    let value = syntax::parse(raw).map_err(|e| StoredError::Corrupt(format!("不是 JSON：{e}")))?;
    let schema = match value.get("schema") {
        _ if !value.is_object() => return Err(StoredError::Corrupt("不是 JSON 对象".into())),
        Some(n @ Value::Number(_)) => n
            .as_u64()
            .ok_or_else(|| StoredError::Corrupt(format!("schema 不是正整数：{n}")))?,
        Some(other) => return Err(StoredError::Corrupt(format!("schema 不是正整数：{other}"))),
        None => return Err(StoredError::Corrupt("缺少 schema".into())),
    };
    read_v1(&migrate(schema, value)?, skipped).map_err(StoredError::Corrupt)
}

/// A stored document read with its bad entries left out: the good ones, and what was wrong
/// with each entry left out (in Chinese, naming the task).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Salvaged {
    pub doc: UnitDoc,
    pub skipped: Vec<String>,
}

/// Reads a stored unit document as [`decode_unit`] does, but an entry that cannot be read
/// costs only itself: one bad entry must not blank a unit's whole record. What is wrong with
/// the document itself (not JSON, no unit, no entries) is still [`StoredError::Corrupt`].
pub fn salvage_unit(raw: &str) -> Result<Salvaged, StoredError> {
    let mut skipped = Vec::new();
    let doc = read(raw, Some(&mut skipped))?;
    Ok(Salvaged { doc, skipped })
}

/// A document of schema 1, or what is wrong with it in Chinese, naming the field (and the
/// task): unknown members are ignored, a missing or null `exported_at` is none, and of a
/// repeated key the last counts (serde_json's reading keeps the last). Read field by field
/// rather than by a derived deserializer, which stops at its first error without saying where.
/// With `skipped`, an entry that cannot be read is left out and its reason pushed there;
/// without, it makes the whole document unreadable.
fn read_v1(doc: &Value, mut skipped: Option<&mut Vec<String>>) -> Result<UnitDoc, String> {
    let dataset = text(doc, None, "dataset", "数据集")?.to_string();
    let unit = text(doc, None, "unit", "单位")?.to_string();
    let exported_at = match doc.get("exported_at") {
        None | Some(Value::Null) => None,
        Some(_) => Some(timestamp(doc, None, "exported_at", "导出时间")?),
    };
    let members = match doc.get("entries") {
        Some(Value::Object(members)) => members,
        Some(other) => {
            return Err(format!(
                "条目 \"entries\" 应为对象，却是{}",
                type_name(other)
            ))
        }
        None => return Err("缺少条目 \"entries\"".into()),
    };
    let mut entries = BTreeMap::new();
    for (task, e) in members {
        match read_entry(task, e) {
            Ok(entry) => {
                entries.insert(task.clone(), entry);
            }
            Err(reason) => match skipped.as_deref_mut() {
                Some(list) => list.push(reason),
                None => return Err(reason),
            },
        }
    }
    Ok(UnitDoc {
        dataset,
        unit,
        checklist: UnitChecklist {
            exported_at,
            entries,
        },
    })
}

fn read_entry(task: &str, e: &Value) -> Result<Entry, String> {
    if !e.is_object() {
        return Err(format!("任务“{task}”的条目应为对象，却是{}", type_name(e)));
    }
    let at = Some(task);
    let key = text(e, at, "status", "状态")?;
    let status = Status::from_key(key)
        .ok_or_else(|| format!("任务“{task}”的状态“{key}”无效，应为 todo、doing、done 或 na"))?;
    let note = text(e, at, "note", "备注")?.to_string();
    let updated_at = timestamp(e, at, "updated_at", "更新时间")?;
    Ok(Entry::new(status, note, updated_at))
}

/// The text member `key` (called `label` in messages) of the document, or of the entry of
/// `task`.
fn text<'a>(obj: &'a Value, task: Option<&str>, key: &str, label: &str) -> Result<&'a str, String> {
    let of = task.map_or(String::new(), |t| format!("任务“{t}”"));
    match obj.get(key) {
        Some(Value::String(s)) => Ok(s),
        Some(other) => Err(format!(
            "{of}{}{label} \"{key}\" 应为文字，却是{}",
            if of.is_empty() { "" } else { "的" },
            type_name(other)
        )),
        None => Err(format!("{of}缺少{label} \"{key}\"")),
    }
}

/// The time member `key` (see [`text`]).
fn timestamp(obj: &Value, task: Option<&str>, key: &str, label: &str) -> Result<Timestamp, String> {
    let s = text(obj, task, key, label)?;
    Timestamp::parse(s).map_err(|e| {
        let of = task.map_or(String::new(), |t| format!("任务“{t}”的"));
        format!("{of}{label}“{s}”无效：{}", e.reason())
    })
}

/// The document to write when `ours` is to be saved over `stored` (what storage holds now,
/// maybe written by another tab): every entry by the merge rule at `now`, the later export
/// time. Dataset and unit are `ours`. Also what a tab does on another tab's `storage` event.
pub fn merge_docs(stored: UnitDoc, ours: UnitDoc, now: Timestamp) -> UnitDoc {
    UnitDoc {
        checklist: merge_unit(&stored.checklist, &ours.checklist, now),
        ..ours
    }
}

/// The last import applied on the office page, kept so that it can be undone until the next
/// import is applied, across a reload (one per dataset; the browser module chooses the key).
/// Compact JSON: `{"schema":1,"dataset":"…","summary":"…","undo":{"at":…,"changes":[…],
/// "units":[…]}}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LastImport {
    pub schema: u64,
    pub dataset: String,
    /// What the import did, in the words the page showed (`2 个文件：新增 3 条…`).
    pub summary: String,
    pub undo: crate::statefile::ImportUndo,
}

impl LastImport {
    pub fn new(dataset: &str, summary: String, undo: crate::statefile::ImportUndo) -> LastImport {
        LastImport {
            schema: SCHEMA,
            dataset: dataset.to_string(),
            summary,
            undo,
        }
    }

    pub fn encode(&self) -> String {
        serde_json::to_string(self)
            .unwrap_or_else(|e| panic!("an import's undo always serializes: {e}"))
    }

    /// The record, when it is one of this schema and dataset. Anything else (damaged, of
    /// another version) is no undo: the records themselves are in the units' documents.
    pub fn decode(raw: &str, dataset: &str) -> Option<LastImport> {
        serde_json::from_str::<LastImport>(raw)
            .ok()
            .filter(|l| l.schema == SCHEMA && l.dataset == dataset)
    }
}
