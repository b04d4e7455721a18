//! Changing the chosen unit's checklist: each change is stamped, kept in memory and saved to
//! browser storage at once (merged with what another tab may have saved meanwhile). Also the
//! export of units' checklists, which marks them exported.

use crate::files;
use crate::state::{ctx, Ctx};
use crate::storage::Store;
use gk_core::checklist::Checklists;
use gk_core::merge::{self, merge_unit};
use gk_core::statefile;
use gk_core::status::Status;
use gk_core::stored::UnitDoc;
use gk_core::timestamp::Timestamp;
use leptos::prelude::*;

/// The browser's clock, as a timestamp.
pub fn now() -> Timestamp {
    Timestamp::from_millis(js_sys::Date::now() as i64)
}

pub fn set_status(unit: &str, task: &str, status: Status) {
    change(unit, task, |c, now| c.set_status(unit, task, status, now));
}

pub fn set_note(unit: &str, task: &str, note: &str) {
    change(unit, task, |c, now| c.set_note(unit, task, note, now));
}

/// Applies `f` to `task`'s entry (`f` says whether it changed anything) and saves the unit's
/// checklist.
fn change(unit: &str, task: &str, f: impl FnOnce(&mut Checklists, Timestamp) -> bool) {
    let c = ctx();
    let now = now();
    let mut stamped = None;
    c.checklists.maybe_update(|cl| {
        let changed = f(cl, now);
        stamped = changed
            .then(|| cl.get(unit, task).map(|e| e.updated_at))
            .flatten();
        changed
    });
    if let Some(at) = stamped {
        c.data().store.mark_own(unit, task, at);
        save(c, unit, now);
        let kept = c.kept;
        crate::storage::ask_to_keep(move |yes| kept.set(Some(yes)));
    }
}

/// Saves `unit`'s checklist as it is in memory, and takes in whatever storage held that this
/// tab had not seen.
pub fn save(c: Ctx, unit: &str, now: Timestamp) {
    let d = c.data();
    let dataset = &d.table.dataset.id;
    let doc = c
        .checklists
        .with_untracked(|cl| UnitDoc::of(cl, dataset, unit));
    if let Some(merged) = d.store.save_unit(doc, now) {
        take_in(c.checklists, merged);
    }
    c.health.set(d.store.health());
}

/// Merges a stored document of a unit into memory, entry by entry; notifies only on a change.
pub fn take_in(checklists: RwSignal<Checklists>, doc: UnitDoc) {
    checklists.maybe_update(|cl| {
        let current = cl.unit(&doc.unit).cloned().unwrap_or_default();
        let merged = merge_unit(&current, &doc.checklist, now());
        if merged == current {
            return false;
        }
        cl.set_unit(&doc.unit, merged);
        true
    });
}

/// Takes in a unit's document that another tab saved: as it is, but for this tab's own edits
/// that it lacks (see `gk_core::merge::take_stored`); notifies only on a change.
pub fn take_stored(checklists: RwSignal<Checklists>, store: &Store, doc: UnitDoc) {
    checklists.maybe_update(|cl| {
        let current = cl.unit(&doc.unit).cloned().unwrap_or_default();
        let own = |task: &str| store.own_at(&doc.unit, task);
        let next = merge::take_stored(&current, &doc.checklist, own, now());
        if next == current {
            return false;
        }
        cl.set_unit(&doc.unit, next);
        true
    });
}

/// Offers the chosen unit's state file (its 报送文件) as a download; nothing without a unit.
pub fn export_chosen() {
    if let Some(u) = ctx().unit.get_untracked() {
        export_units(&[u.as_str()]);
    }
}

/// Offers the state file of `units` as a download and, once the browser took it, marks them
/// exported (saved at once).
pub fn export_units(units: &[&str]) {
    let c = ctx();
    let d = c.data();
    let dataset = &d.table.dataset.id;
    let now = now();
    let text = c
        .checklists
        .with_untracked(|cl| statefile::export(cl, dataset, units, now));
    let name = statefile::export_file_name(dataset, units, now);
    if !files::download(&name, "application/json", &text) {
        download_failed();
        return;
    }
    c.checklists.update(|cl| {
        for u in units {
            cl.mark_exported(u, now);
        }
    });
    for u in units {
        save(c, u, now);
    }
}

/// Says that the browser refused a download (nothing is lost: the data stays in the page).
pub fn download_failed() {
    ctx()
        .notices
        .update(|n| n.push("浏览器未能下载导出文件，请重试或换用其他浏览器。".into()));
}
