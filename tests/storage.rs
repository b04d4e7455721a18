//! Browser storage against the real localStorage of Chromium (wasm-bindgen-test).
#![cfg(target_arch = "wasm32")]

use gk_app::storage::{backup_key, unit_key, Health, Store};
use gk_core::checklist::Checklists;
use gk_core::status::Status;
use gk_core::stored::UnitDoc;
use gk_core::timestamp::Timestamp;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn local() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn at(ms: i64) -> Timestamp {
    Timestamp::from_millis(1_498_000_000_000 + ms)
}

/// A document for `unit` with one entry.
fn doc(dataset: &str, unit: &str, task: &str, status: Status, note: &str, ms: i64) -> UnitDoc {
    let mut c = Checklists::new();
    c.set_status(unit, task, status, at(ms));
    c.set_note(unit, task, note, at(ms));
    UnitDoc::of(&c, dataset, unit)
}

#[wasm_bindgen_test]
fn round_trip_through_real_local_storage() {
    let ds = "test-roundtrip";
    let store = Store::new(ds);
    let saved = store
        .save_unit(
            doc(ds, "市财政局", "1.1.5", Status::Done, "每月公开", 0),
            at(1),
        )
        .expect("saved");
    assert_eq!(store.health(), Health::Ok);
    store
        .save_unit(doc(ds, "新泰市", "1.1.1", Status::Doing, "", 5), at(6))
        .expect("saved");
    store.save_my_unit("市财政局");

    // A fresh page load reads both units back, apart.
    let loaded = Store::new(ds).load(at(10));
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert_eq!(loaded.my_unit.as_deref(), Some("市财政局"));
    let c = &loaded.checklists;
    assert_eq!(c.status_of("市财政局", "1.1.5"), Status::Done);
    assert_eq!(c.note_of("市财政局", "1.1.5"), "每月公开");
    assert_eq!(c.status_of("新泰市", "1.1.1"), Status::Doing);
    assert_eq!(c.status_of("新泰市", "1.1.5"), Status::Todo);
    assert_eq!(c.unit("市财政局"), Some(&saved.checklist));
    // The key is prefixed with the app's name.
    assert!(local()
        .get_item(&unit_key(ds, "市财政局"))
        .unwrap()
        .unwrap()
        .contains("\"schema\":1"));
}

#[wasm_bindgen_test]
fn a_save_merges_with_what_another_tab_stored() {
    let ds = "test-twotabs";
    let tab_a = Store::new(ds);
    let tab_b = Store::new(ds);
    tab_a
        .save_unit(doc(ds, "市财政局", "1.1.1", Status::Done, "A", 0), at(1))
        .unwrap();
    // Tab B never saw A's edit; its save of another task keeps A's.
    let merged = tab_b
        .save_unit(doc(ds, "市财政局", "1.1.2", Status::Doing, "B", 2), at(3))
        .unwrap();
    assert_eq!(merged.checklist.entries.len(), 2);
    let c = Store::new(ds).load(at(4)).checklists;
    assert_eq!(c.status_of("市财政局", "1.1.1"), Status::Done);
    assert_eq!(c.status_of("市财政局", "1.1.2"), Status::Doing);
    // An older edit of the same task from a stale tab does not win.
    tab_b
        .save_unit(
            doc(ds, "市财政局", "1.1.1", Status::Todo, "old", -100),
            at(5),
        )
        .unwrap();
    let c = Store::new(ds).load(at(6)).checklists;
    assert_eq!(c.status_of("市财政局", "1.1.1"), Status::Done);
}

#[wasm_bindgen_test]
fn a_tab_sees_when_another_tabs_save_lacks_its_own_edits() {
    let ds = "test-crossing";
    let tab = Store::new(ds);
    let other = |task: &str, ms: i64| doc(ds, "市财政局", task, Status::Done, "", ms);
    // Nothing edited here: nothing to miss.
    assert!(!tab.lacks_own(&other("1.1.1", 0)));
    tab.mark_own("市财政局", "1.1.3", at(5));
    // Another tab's document without the entry, or with an older one, lacks the edit.
    assert!(tab.lacks_own(&other("1.1.1", 9)));
    assert!(tab.lacks_own(&other("1.1.3", 4)));
    // With it (or a newer one), it does not; nor does another unit's document.
    assert!(!tab.lacks_own(&other("1.1.3", 5)));
    assert!(!tab.lacks_own(&other("1.1.3", 6)));
    assert!(!tab.lacks_own(&doc(ds, "新泰市", "1.1.1", Status::Done, "", 0)));
}

#[wasm_bindgen_test]
fn a_corrupt_value_is_kept_aside_never_discarded() {
    let ds = "test-corrupt";
    let key = unit_key(ds, "市财政局");
    let raw = "{这不是 JSON";
    local().set_item(&key, raw).unwrap();
    let now = at(42);
    let loaded = Store::new(ds).load(now);
    assert_eq!(loaded.problems.len(), 1);
    assert!(
        loaded.problems[0].contains("无法读取"),
        "{}",
        loaded.problems[0]
    );
    assert!(loaded.problems[0].contains("备份") || loaded.problems[0].contains("另存"));
    // The exact text is under the backup key; the app starts with an empty checklist.
    assert_eq!(
        local().get_item(&backup_key(&key, now)).unwrap().as_deref(),
        Some(raw)
    );
    assert!(loaded.checklists.unit("市财政局").is_none());
    // JSON of the wrong shape is corrupt too.
    local()
        .set_item(&key, "{\"schema\":1,\"entries\":42}")
        .unwrap();
    let later = at(43);
    let loaded = Store::new(ds).load(later);
    assert_eq!(loaded.problems.len(), 1);
    assert_eq!(
        local()
            .get_item(&backup_key(&key, later))
            .unwrap()
            .as_deref(),
        Some("{\"schema\":1,\"entries\":42}")
    );
}

#[wasm_bindgen_test]
fn a_newer_version_is_never_overwritten() {
    let ds = "test-newer";
    let key = unit_key(ds, "市财政局");
    let newer = format!(
        "{{\"schema\":99,\"dataset\":\"{ds}\",\"unit\":\"市财政局\",\"entries\":{{\"1.1.1\":{{\"x\":1}}}}}}"
    );
    local().set_item(&key, &newer).unwrap();
    let store = Store::new(ds);
    let loaded = store.load(at(0));
    assert_eq!(store.health(), Health::ReadOnly);
    assert!(loaded.problems[0].contains("更新版本"));
    // No write reaches storage, for this unit or any other.
    assert!(store
        .save_unit(doc(ds, "市财政局", "1.1.1", Status::Done, "", 1), at(2))
        .is_none());
    assert!(store
        .save_unit(doc(ds, "新泰市", "1.1.1", Status::Done, "", 1), at(2))
        .is_none());
    assert_eq!(
        local().get_item(&key).unwrap().as_deref(),
        Some(newer.as_str())
    );
    assert_eq!(local().get_item(&unit_key(ds, "新泰市")).unwrap(), None);
    assert!(Health::ReadOnly.message().is_some());
}

#[wasm_bindgen_test]
fn a_full_storage_is_recognised_and_nothing_in_memory_is_lost() {
    let ds = "test-quota";
    let store = Store::new(ds);
    // Fill localStorage for real until the browser refuses.
    let chunk = "满".repeat(256 * 1024);
    let mut fillers = Vec::new();
    for i in 0..400 {
        let key = format!("filler:{i}");
        if local().set_item(&key, &chunk).is_err() {
            break;
        }
        fillers.push(key);
    }
    // Top up with small pieces so that not even a small document fits.
    for i in 0..10_000 {
        let key = format!("filler:small:{i}");
        if local().set_item(&key, &"满".repeat(512)).is_err() {
            break;
        }
        fillers.push(key);
    }
    assert!(!fillers.is_empty());
    let d = doc(
        ds,
        "市财政局",
        "1.1.1",
        Status::Done,
        &"很长的备注".repeat(200),
        0,
    );
    let result = store.save_unit(d.clone(), at(1));
    let health = store.health();
    for key in &fillers {
        local().remove_item(key).unwrap();
    }
    assert!(result.is_none());
    assert_eq!(health, Health::Full);
    assert!(Health::Full.message().unwrap().contains("导出"));
    // Once there is room again the next save succeeds and the banner clears.
    assert!(store.save_unit(d, at(2)).is_some());
    assert_eq!(store.health(), Health::Ok);
}

#[wasm_bindgen_test]
fn the_guide_is_remembered_as_seen_per_page_only_after_load_and_never_by_a_stale_tab() {
    let ds = "test-guide";
    let key = |page: &str| format!("gk:{ds}:guide:{page}");
    for page in ["table", "office"] {
        local().remove_item(&key(page)).unwrap();
    }
    let store = Store::new(ds);
    assert!(!store.guide_seen("table"));
    // Nothing is written before the records are loaded.
    store.mark_guide_seen("table");
    assert_eq!(local().get_item(&key("table")).unwrap(), None);
    store.load(at(0));
    store.mark_guide_seen("table");
    assert_eq!(
        local().get_item(&key("table")).unwrap().as_deref(),
        Some("1")
    );
    // A fresh page load sees it; the other page's guide is apart.
    let next = Store::new(ds);
    assert!(next.guide_seen("table"));
    assert!(!next.guide_seen("office"));
    // Loading reads the guide key as no unit's checklist.
    let loaded = next.load(at(1));
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert_eq!(loaded.checklists.units().count(), 0);

    // A tab that found a newer version's value writes nothing, not even this.
    let ds = "test-guide-newer";
    local()
        .remove_item(&format!("gk:{ds}:guide:table"))
        .unwrap();
    local()
        .set_item(
            &unit_key(ds, "市财政局"),
            &format!(
                "{{\"schema\":99,\"dataset\":\"{ds}\",\"unit\":\"市财政局\",\"entries\":{{}}}}"
            ),
        )
        .unwrap();
    let stale = Store::new(ds);
    stale.load(at(2));
    assert_eq!(stale.health(), Health::ReadOnly);
    stale.mark_guide_seen("table");
    assert_eq!(
        local().get_item(&format!("gk:{ds}:guide:table")).unwrap(),
        None
    );
    assert!(!stale.guide_seen("table"));
}
