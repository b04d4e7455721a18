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

/// The stored shape of schema 1 (field order is the written order).
#[derive(Serialize, Deserialize)]
struct V1 {
    schema: u64,
    dataset: String,
    unit: String,
    exported_at: Option<Timestamp>,
    entries: BTreeMap<String, Entry>,
}

/// The stored text of a unit's checklist, in the current schema.
pub fn encode_unit(doc: &UnitDoc) -> String {
    let v1 = V1 {
        schema: SCHEMA,
        dataset: doc.dataset.clone(),
        unit: doc.unit.clone(),
        exported_at: doc.checklist.exported_at,
        entries: doc.checklist.entries.clone(),
    };
    serde_json::to_string(&v1).expect("a unit document always serializes")
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
    if let Value::Object(map) = &mut doc {
        map.insert("schema".into(), Value::from(SCHEMA));
    }
    Ok(doc)
}

/// Reads a stored unit document of any schema up to [`SCHEMA`].
pub fn decode_unit(raw: &str) -> Result<UnitDoc, StoredError> {
    let value: Value =
        serde_json::from_str(raw).map_err(|e| StoredError::Corrupt(format!("不是 JSON：{e}")))?;
    let schema = match value.get("schema") {
        _ if !value.is_object() => return Err(StoredError::Corrupt("不是 JSON 对象".into())),
        Some(Value::Number(n)) => n
            .as_u64()
            .ok_or_else(|| StoredError::Corrupt(format!("schema 不是正整数：{n}")))?,
        Some(other) => return Err(StoredError::Corrupt(format!("schema 不是正整数：{other}"))),
        None => return Err(StoredError::Corrupt("缺少 schema".into())),
    };
    let current = migrate(schema, value)?;
    let v1: V1 =
        serde_json::from_value(current).map_err(|e| StoredError::Corrupt(e.to_string()))?;
    Ok(UnitDoc {
        dataset: v1.dataset,
        unit: v1.unit,
        checklist: UnitChecklist {
            exported_at: v1.exported_at,
            entries: v1.entries,
        },
    })
}

/// The document to write when `ours` is to be saved over `stored` (what storage holds now,
/// maybe written by another tab): every entry by the merge rule, the later export time.
/// Dataset and unit are `ours`. Also what a tab does on another tab's `storage` event.
pub fn merge_docs(stored: UnitDoc, ours: UnitDoc) -> UnitDoc {
    UnitDoc {
        checklist: merge_unit(&stored.checklist, &ours.checklist),
        ..ours
    }
}
