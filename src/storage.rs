//! Browser storage: the only user of gloo-storage (and of localStorage).
//!
//! Layout (all keys begin with [`PREFIX`]):
//! - `gk:<dataset>:unit:<unit>`: one unit's checklist, a `gk_core::stored` document with a
//!   schema number. One key per unit, so a write never rewrites other units from a stale copy.
//! - `gk:my-unit`: the unit the user last chose.
//! - `gk:backup:<time>:<key>`: a stored value that could not be read, kept aside, never discarded.
//! - `gk:<dataset>:last-import`: the office page's last import, with what undoing it needs
//!   (`gk_core::stored::LastImport`), until the next import is applied.
//! - `gk:<dataset>:guide:<page>`: the page's 使用说明 has been seen (`1`), so it no longer opens
//!   by itself.
//!
//! The promises (after tldraw's local sync client): load before anything is written; write each
//! change at once, merging with what is stored (another tab may have written since); never
//! overwrite a value written by a newer version of the app, and stop writing altogether once one
//! is seen. When storage is blocked, missing or full, the app keeps working in memory and says so.

use gk_core::checklist::Checklists;
use gk_core::statefile::ImportUndo;
use gk_core::stored::{
    decode_unit, encode_unit, merge_docs, salvage_unit, LastImport, Salvaged, StoredError, UnitDoc,
};
use gk_core::timestamp::Timestamp;
use gloo_storage::{LocalStorage, Storage};
use std::sync::atomic::{AtomicBool, AtomicU8, Ordering};
use std::sync::Mutex;
use wasm_bindgen::prelude::*;

pub const PREFIX: &str = "gk:";
const MY_UNIT: &str = "gk:my-unit";

fn unit_prefix(dataset: &str) -> String {
    format!("{PREFIX}{dataset}:unit:")
}

pub fn unit_key(dataset: &str, unit: &str) -> String {
    format!("{}{unit}", unit_prefix(dataset))
}

/// What storage can do for us right now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Health {
    Ok,
    /// Blocked or missing (a locked-down browser, a page opened from disk): memory only.
    Unavailable,
    /// A write failed for lack of space: what is in memory is not all saved.
    Full,
    /// A value written by a newer version of the app was found: no more writes.
    ReadOnly,
}

impl Health {
    /// The banner for the user, or `None` when all is well.
    pub fn message(self) -> Option<&'static str> {
        match self {
            Health::Ok => None,
            Health::Unavailable => Some(
                "浏览器存储不可用（可能被浏览器设置禁止，或页面是从本地文件打开的）。\
                 您的修改只保存在当前页面中，关闭页面前请先“导出”保存为文件。",
            ),
            Health::Full => Some(
                "浏览器存储空间已满，最近的修改未能保存到浏览器中，但仍保留在当前页面里。\
                 请立即“导出”保存为文件，再清理浏览器的网站数据。",
            ),
            Health::ReadOnly => Some(
                "浏览器中的台账是由更新版本的本应用保存的，本页面不会覆盖它。\
                 当前修改只保存在本页面中：请导出保存，并改用最新版本的应用。",
            ),
        }
    }
}

/// The page's storage: one per page (and one per browser test), holding its health.
pub struct Store {
    dataset: String,
    health: AtomicU8,
    /// This tab's own edits: unit, task and the entry's latest `updated_at`. Two tabs' saves
    /// can cross (each reads before the other's write has reached it: Chromium hands writes to
    /// other tabs' processes later), so a document another tab saved may lack them; see
    /// [`Store::lacks_own`]. (A list: a few hundred at most, and less code than a map.)
    own: Mutex<Vec<(String, String, Timestamp)>>,
    /// [`Store::load`] has run: nothing is written before.
    loaded: AtomicBool,
}

const HEALTHS: [Health; 4] = [
    Health::Ok,
    Health::Unavailable,
    Health::Full,
    Health::ReadOnly,
];

/// Whether localStorage can be reached at all. gloo-storage's `raw()` panics when it cannot,
/// so every use goes through this check first.
fn available() -> bool {
    matches!(
        web_sys::window().map(|w| w.local_storage()),
        Some(Ok(Some(_)))
    )
}

/// What [`load`] found.
pub struct Loaded {
    pub checklists: Checklists,
    pub my_unit: Option<String>,
    /// Messages for the user (values kept aside, values of a newer version).
    pub problems: Vec<String>,
}

impl Store {
    pub fn new(dataset: &str) -> Store {
        Store {
            dataset: dataset.to_string(),
            health: AtomicU8::new(0),
            own: Mutex::default(),
            loaded: AtomicBool::new(false),
        }
    }

    pub fn health(&self) -> Health {
        HEALTHS[self.health.load(Ordering::Relaxed) as usize]
    }

    /// Another tab found a value of a newer version: no more writes.
    pub fn set_read_only(&self) {
        self.set_health(Health::ReadOnly);
    }

    fn set_health(&self, h: Health) {
        // Unavailable and ReadOnly are final; Full clears on the next successful write.
        if !matches!(self.health(), Health::Unavailable | Health::ReadOnly) {
            let i = HEALTHS.iter().position(|&x| x == h).unwrap_or(0);
            self.health.store(i as u8, Ordering::Relaxed);
        }
    }

    /// Reads every unit's checklist of the dataset and the remembered unit. Never writes, except
    /// to keep an unreadable value aside under a backup key.
    pub fn load(&self, now: Timestamp) -> Loaded {
        let dataset = self.dataset.as_str();
        let mut loaded = Loaded {
            checklists: Checklists::new(),
            my_unit: None,
            problems: Vec::new(),
        };
        self.loaded.store(true, Ordering::Relaxed);
        if !available() {
            self.set_health(Health::Unavailable);
            return loaded;
        }
        let prefix = unit_prefix(dataset);
        let Some(keys) = keys() else {
            // Reachable but it throws on reading (a locked-down browser): memory only.
            self.set_health(Health::Unavailable);
            return loaded;
        };
        for key in keys {
            let Some(unit) = key.strip_prefix(&prefix) else {
                continue;
            };
            let raw = match get_raw(&key) {
                Ok(Some(raw)) => raw,
                Ok(None) => continue,
                Err(()) => {
                    // What cannot be read must never be written over: memory only.
                    self.set_health(Health::Unavailable);
                    return Loaded {
                        checklists: Checklists::new(),
                        ..loaded
                    };
                }
            };
            match salvage_unit(&raw) {
                Ok(s) if s.doc.unit == unit && s.doc.dataset == dataset => {
                    if !s.skipped.is_empty() {
                        loaded.problems.push(salvaged(&key, &raw, &s, now));
                    }
                    s.doc.put_into(&mut loaded.checklists)
                }
                Ok(_) => loaded
                    .problems
                    .push(keep_aside(&key, &raw, now, "单位或年度与键名不符", true).0),
                Err(StoredError::Newer(v)) => {
                    self.set_health(Health::ReadOnly);
                    loaded.problems.push(format!(
                        "“{unit}”的台账由更新版本的应用保存（格式第 {v} 版），本页面只读取不覆盖。"
                    ));
                }
                Err(StoredError::Corrupt(reason)) => loaded
                    .problems
                    .push(keep_aside(&key, &raw, now, &reason, true).0),
            }
        }
        // A JSON string, as gloo-storage's typed `set` writes it. (Its typed `get` panics when
        // reading throws.)
        match get_raw(MY_UNIT) {
            Ok(raw) => {
                loaded.my_unit = raw
                    .and_then(|raw| serde_json::from_str::<String>(&raw).ok())
                    .filter(|u| !u.is_empty())
            }
            // Reading throws (here even with no unit stored yet): memory only.
            Err(()) => self.set_health(Health::Unavailable),
        }
        loaded
    }

    /// Saves one unit's checklist: reads what is stored, merges entry by entry (another tab may
    /// have written), writes the result. Returns the merged document, which may hold another
    /// tab's edits, so that the caller can take them in; `None` when nothing could be written
    /// (see [`health`]).
    pub fn save_unit(&self, doc: UnitDoc, now: Timestamp) -> Option<UnitDoc> {
        self.write_unit(doc, now, None)
    }

    /// Undoes an import in one unit's stored checklist: the entries still as the import left
    /// them go back (see [`ImportUndo::undo_unit`]), without merging, where the merge rule
    /// would keep the imported (newer) entries; whatever another tab wrote since stays.
    /// `doc`, memory's checklist after the undo, is written only when storage holds none that
    /// can be read. Still never overwrites a value of a newer version.
    pub fn undo_unit(&self, doc: UnitDoc, undo: &ImportUndo, now: Timestamp) -> bool {
        self.write_unit(doc, now, Some(undo)).is_some()
    }

    fn write_unit(
        &self,
        doc: UnitDoc,
        now: Timestamp,
        undo: Option<&ImportUndo>,
    ) -> Option<UnitDoc> {
        match self.health() {
            Health::Unavailable | Health::ReadOnly => return None,
            _ if !available() => {
                self.set_health(Health::Unavailable);
                return None;
            }
            _ => {}
        }
        let key = unit_key(&doc.dataset, &doc.unit);
        let stored = match get_raw(&key) {
            Ok(stored) => stored,
            Err(()) => {
                // Never write over what could not be read.
                self.set_health(Health::Unavailable);
                return None;
            }
        };
        let merged = match stored.map(|raw| (decode_unit(&raw), raw)) {
            None => doc,
            Some((Ok(stored), _)) => match undo {
                None => merge_docs(stored, doc, now),
                Some(undo) => {
                    let mut stored = stored;
                    undo.undo_unit(&doc.unit, &mut stored.checklist);
                    stored
                }
            },
            Some((Err(StoredError::Newer(_)), _)) => {
                self.set_health(Health::ReadOnly);
                return None;
            }
            Some((Err(StoredError::Corrupt(reason)), raw)) => {
                // The unreadable value is overwritten only once a copy of it is safe.
                if !keep_aside(&key, &raw, now, &reason, false).1 {
                    self.set_health(Health::Full);
                    return None;
                }
                doc
            }
        };
        let text = encode_unit(&merged);
        match set_raw(&key, text) {
            Ok(()) => {
                self.set_health(Health::Ok);
                Some(merged)
            }
            Err(e) => {
                self.set_health(if e.quota {
                    Health::Full
                } else {
                    Health::Unavailable
                });
                None
            }
        }
    }

    /// Remembers the user's unit (best effort: the unit is also in the link).
    pub fn save_my_unit(&self, unit: &str) {
        if self.health() == Health::Ok && available() {
            let _ = LocalStorage::set(MY_UNIT, unit);
        }
    }

    fn last_import_key(&self) -> String {
        format!("{PREFIX}{}:last-import", self.dataset)
    }

    /// The last import applied in this browser, while it can still be undone.
    pub fn last_import(&self) -> Option<LastImport> {
        if !available() {
            return None;
        }
        let raw = get_raw(&self.last_import_key()).ok()??;
        LastImport::decode(&raw, &self.dataset)
    }

    /// Keeps the last import's undo (after its records were saved: the records come first).
    /// Returns whether it was kept; when it could not be (storage full), the previous import's
    /// is removed, for it is no longer the last, and the storage's health is left as it is:
    /// no record is missing.
    pub fn keep_last_import(&self, last: Option<&LastImport>) -> bool {
        if !self.loaded.load(Ordering::Relaxed) || self.health() != Health::Ok || !available() {
            return false;
        }
        let key = self.last_import_key();
        let kept = last.is_some_and(|l| set_raw(&key, l.encode()).is_ok());
        if !kept {
            let _ = LocalStorage::raw().remove_item(&key);
        }
        kept
    }

    fn guide_key(&self, page: &str) -> String {
        format!("{PREFIX}{}:guide:{page}", self.dataset)
    }

    /// Whether the 使用说明 of `page` was seen in this browser. Unknown (storage blocked) is
    /// not seen: the guide opens, and nothing complains.
    pub fn guide_seen(&self, page: &str) -> bool {
        available() && matches!(get_raw(&self.guide_key(page)), Ok(Some(_)))
    }

    /// Remembers that the 使用说明 of `page` was seen. Best effort, and only while storage is
    /// healthy, after [`Store::load`] (a tab that saw a newer version's value writes nothing).
    pub fn mark_guide_seen(&self, page: &str) {
        if self.loaded.load(Ordering::Relaxed) && self.health() == Health::Ok && available() {
            let _ = set_raw(&self.guide_key(page), "1".into());
        }
    }

    /// Notes an edit made in this tab (the entry's `updated_at`), for [`Store::lacks_own`].
    pub fn mark_own(&self, unit: &str, task: &str, at: Timestamp) {
        if let Ok(mut own) = self.own.lock() {
            match own.iter_mut().find(|(u, t, _)| u == unit && t == task) {
                Some(edit) => edit.2 = at,
                None => own.push((unit.to_string(), task.to_string(), at)),
            }
        }
    }

    /// The time of this tab's latest edit of `unit`'s `task`, if it made one.
    pub fn own_at(&self, unit: &str, task: &str) -> Option<Timestamp> {
        let own = self.own.lock().ok()?;
        own.iter()
            .find(|(u, t, _)| u == unit && t == task)
            .map(|(_, _, at)| *at)
    }

    /// Whether `doc`, saved by another tab, lacks an edit made in this tab (an entry missing or
    /// older): then this tab must save again, or the edit would be lost from storage.
    pub fn lacks_own(&self, doc: &UnitDoc) -> bool {
        let Ok(own) = self.own.lock() else {
            return false;
        };
        own.iter()
            .filter(|(unit, _, _)| *unit == doc.unit)
            .any(|(_, task, at)| {
                doc.checklist
                    .entries
                    .get(task)
                    .is_none_or(|e| e.updated_at < *at)
            })
    }

    /// Calls `f` with a unit's document whenever another tab of this browser saves one, and
    /// with `None` when it saved one of a newer version (after which this store writes no more).
    pub fn on_other_tab_save(&self, f: impl Fn(Option<UnitDoc>) + 'static) {
        let prefix = unit_prefix(&self.dataset);
        let dataset = self.dataset.clone();
        let closure =
            Closure::<dyn Fn(web_sys::StorageEvent)>::new(move |ev: web_sys::StorageEvent| {
                let Some(key) = ev.key() else { return };
                if !key.starts_with(&prefix) {
                    return;
                }
                let Some(raw) = ev.new_value() else { return };
                match decode_unit(&raw) {
                    Ok(doc) if doc.dataset == dataset => f(Some(doc)),
                    Err(StoredError::Newer(_)) => f(None),
                    _ => {}
                }
            });
        if let Some(w) = web_sys::window() {
            let _ = w.add_event_listener_with_callback("storage", closure.as_ref().unchecked_ref());
        }
        closure.forget();
    }
}

/// A unit document of which some entries could not be read: the whole value is kept aside,
/// then the good entries are written back, so that one bad entry does not blank the unit's
/// record. When the copy cannot be written (storage full), the value stays as it is (the good
/// entries are shown, and the unit's changes are not saved: see `write_unit`). The message.
fn salvaged(key: &str, raw: &str, s: &Salvaged, now: Timestamp) -> String {
    let backup = backup_key(key, now);
    let kept =
        set_raw(&backup, raw.to_string()).is_ok() && set_raw(key, encode_unit(&s.doc)).is_ok();
    let reasons: Vec<&str> = s.skipped.iter().take(3).map(String::as_str).collect();
    let more = if s.skipped.len() > 3 { "等" } else { "" };
    let (unit, bad, good) = (&s.doc.unit, s.skipped.len(), s.doc.checklist.entries.len());
    if kept {
        format!(
            "浏览器中保存的“{unit}”台账有 {bad} 条记录无法读取（{}{more}），原数据已另存为“{backup}”；其余 {good} 条记录照常载入。",
            reasons.join("；")
        )
    } else {
        format!(
            "浏览器中保存的“{unit}”台账有 {bad} 条记录无法读取（{}{more}），且存储空间不足以另存备份：原数据保持不动，本页面暂不保存该单位的修改；其余 {good} 条记录照常显示。",
            reasons.join("；")
        )
    }
}

/// Keeps an unreadable value under a backup key (never discarding it) and says so; and
/// whether the backup was written. With `remove`, the original key is cleared once the backup
/// is safely written. When it could not be (storage full), the original stays as it is.
fn keep_aside(key: &str, raw: &str, now: Timestamp, reason: &str, remove: bool) -> (String, bool) {
    let backup = backup_key(key, now);
    let kept = set_raw(&backup, raw.to_string()).is_ok();
    if kept && remove {
        let _ = LocalStorage::raw().remove_item(key);
    }
    let unit = key.rsplit(':').next().unwrap_or(key);
    let message = if kept {
        format!(
            "浏览器中保存的“{unit}”台账无法读取（{reason}），原数据已另存为“{backup}”，本页面从空白台账开始。"
        )
    } else {
        format!(
            "浏览器中保存的“{unit}”台账无法读取（{reason}），且存储空间不足以另存备份：原数据保持不动，本页面暂不保存该单位的修改。"
        )
    };
    (message, kept)
}

pub fn backup_key(key: &str, now: Timestamp) -> String {
    format!("{PREFIX}backup:{}:{key}", now.to_rfc3339())
}

/// Every key, or `None` when storage throws on reading (gloo-storage's `length` would panic).
fn keys() -> Option<Vec<String>> {
    let storage = LocalStorage::raw();
    let n = storage.length().ok()?;
    let keys: Option<Vec<Option<String>>> = (0..n).map(|i| storage.key(i).ok()).collect();
    Some(keys?.into_iter().flatten().collect())
}

/// The stored text as it is, JSON or not: a unit document that cannot be read is kept aside
/// as it was, so it is read as text and decoded by `gk_core::stored`, not by gloo-storage's
/// typed `get`.
/// `Err` when reading throws (a locked-down browser).
fn get_raw(key: &str) -> Result<Option<String>, ()> {
    LocalStorage::raw().get_item(key).map_err(|_| ())
}

struct WriteError {
    quota: bool,
}

/// Writes `text` as it is (a backup may not be JSON at all).
fn set_raw(key: &str, text: String) -> Result<(), WriteError> {
    LocalStorage::raw()
        .set_item(key, &text)
        .map_err(|e| WriteError {
            quota: is_quota_error(&e),
        })
}

/// The quota error under each browser's names for it: `QuotaExceededError` (Chromium, Safari,
/// Firefox), `NS_ERROR_DOM_QUOTA_REACHED` (older Firefox), the legacy codes 22 and 1014.
fn is_quota_error(e: &JsValue) -> bool {
    let Some(e) = e.dyn_ref::<web_sys::DomException>() else {
        return false;
    };
    matches!(
        e.name().as_str(),
        "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED"
    ) || matches!(e.code(), 22 | 1014)
}

/// Asks the browser, once per page, to keep this site's storage even when space runs short
/// (`navigator.storage.persist()`), and gives its answer to `answer`. Chromium grants it to
/// sites the user engages with, without a prompt; a browser without the API is not asked.
/// Called on the first edit: a page only read is nothing to keep.
pub fn ask_to_keep(answer: impl FnOnce(bool) + 'static) {
    static ASKED: AtomicBool = AtomicBool::new(false);
    if ASKED.swap(true, Ordering::Relaxed) {
        return;
    }
    let get = |o: &JsValue, k: &str| js_sys::Reflect::get(o, &JsValue::from_str(k)).ok();
    let Some(storage) = web_sys::window()
        .and_then(|w| get(&w, "navigator"))
        .and_then(|n| get(&n, "storage"))
        .filter(|s| s.is_object())
    else {
        return;
    };
    let Some(persist) =
        get(&storage, "persist").and_then(|f| f.dyn_into::<js_sys::Function>().ok())
    else {
        return;
    };
    let Ok(promise) = persist
        .call0(&storage)
        .and_then(|p| p.dyn_into::<js_sys::Promise>())
    else {
        return;
    };
    wasm_bindgen_futures::spawn_local(async move {
        if let Ok(v) = wasm_bindgen_futures::JsFuture::from(promise).await {
            answer(v.as_bool() == Some(true));
        }
    });
}

/// The 导入任务表 page's draft: the reading and the office's corrections, kept until a new file
/// replaces it (`gk:table-draft`, JSON written by `table_reader`).
const DRAFT: &str = "gk:table-draft";

/// The stored draft, or `Err` with the words when storage cannot be read.
pub fn load_draft() -> Result<Option<String>, &'static str> {
    get_raw(DRAFT).map_err(|_| {
        "浏览器禁止本页面读取本地存储：核对与修改只保存在本页面中，关闭前请先生成任务表文件。"
    })
}

/// Keeps a stored draft this version cannot read under `gk:table-draft:unreadable`, before a
/// new reading replaces it.
pub fn set_aside_draft(text: &str) -> Result<(), &'static str> {
    set_raw(&format!("{DRAFT}:unreadable"), text.to_string())
        .map_err(|_| "上次保存的核对记录无法读取，也无法另存一份：读取新文件后将被替换。")
}

/// Keeps the draft; `Err` with the words when it cannot be written (nothing is lost from the
/// page, which goes on in memory).
pub fn save_draft(text: &str) -> Result<(), &'static str> {
    set_raw(DRAFT, text.to_string()).map_err(|e| match e.quota {
        true => "浏览器存储空间已满：核对与修改只保存在本页面中，关闭前请先生成任务表文件。",
        false => "浏览器禁止本页面保存数据：核对与修改只保存在本页面中，关闭前请先生成任务表文件。",
    })
}
