//! Changing the chosen unit's checklist: each change is stamped, kept in memory and saved to
//! browser storage at once (merged with what another tab may have saved meanwhile).

use crate::app::ctx;
use crate::data::table;
use gk_core::checklist::Checklists;
use gk_core::merge::merge_unit;
use gk_core::status::Status;
use gk_core::stored::UnitDoc;
use gk_core::timestamp::Timestamp;
use leptos::prelude::*;

/// The browser's clock, as a timestamp.
pub fn now() -> Timestamp {
    Timestamp::from_millis(js_sys::Date::now() as i64)
}

pub fn set_status(unit: &str, task: &str, status: Status) {
    change(unit, |c, now| c.set_status(unit, task, status, now));
}

pub fn set_note(unit: &str, task: &str, note: &str) {
    change(unit, |c, now| c.set_note(unit, task, note, now));
}

/// Applies `f` (which says whether it changed anything) and saves the unit's checklist.
fn change(unit: &str, f: impl FnOnce(&mut Checklists, Timestamp) -> bool) {
    let c = ctx();
    let now = now();
    let mut changed = false;
    c.checklists.maybe_update(|cl| {
        changed = f(cl, now);
        changed
    });
    if changed {
        save(unit, now);
    }
}

/// Saves `unit`'s checklist as it is in memory, and takes in whatever storage held that this
/// tab had not seen.
pub fn save(unit: &str, now: Timestamp) {
    let c = ctx();
    let dataset = &table().dataset.id;
    let doc = c
        .checklists
        .with_untracked(|cl| UnitDoc::of(cl, dataset, unit));
    if let Some(merged) = c.store.save_unit(doc, now) {
        take_in(c.checklists, merged);
    }
    c.health.set(c.store.health());
}

/// Merges a stored document of a unit into memory, entry by entry; notifies only on a change.
pub fn take_in(checklists: RwSignal<Checklists>, doc: UnitDoc) {
    checklists.maybe_update(|cl| {
        let current = cl.unit(&doc.unit).cloned().unwrap_or_default();
        let merged = merge_unit(&current, &doc.checklist);
        if merged == current {
            return false;
        }
        cl.set_unit(&doc.unit, merged);
        true
    });
}
