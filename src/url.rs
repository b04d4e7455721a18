//! The view lives in the URL hash (`#unit=…&pillar=1&q=…`, see `gk_core::hash`), so a link opens
//! exactly that view and back and forward move between views.

use gk_core::filter::Filter;
use gk_core::hash;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

/// The current hash, without `#`.
pub fn read_hash() -> String {
    let hash = window().location().hash().unwrap_or_default();
    hash.strip_prefix('#').unwrap_or(&hash).to_string()
}

/// Makes `hash` (without `#`) the page's hash. `push` adds a history entry (a new view);
/// otherwise the current entry is replaced (e.g. while typing a search).
/// Does nothing when the hash is already `hash`, so reacting to back/forward never pushes.
pub fn write_hash(hash: &str, push: bool) {
    if read_hash() == hash {
        return;
    }
    let location = window().location();
    let url = format!(
        "{}{}{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default(),
        if hash.is_empty() {
            String::new()
        } else {
            format!("#{hash}")
        }
    );
    if let Ok(history) = window().history() {
        let state = JsValue::NULL;
        let _ = if push {
            history.push_state_with_url(&state, "", Some(&url))
        } else {
            history.replace_state_with_url(&state, "", Some(&url))
        };
    }
}

/// Changes the view and writes it into the link at once, as a new history entry: for changes
/// that back should undo on the office page, which has no filter → link effect (on the task
/// table, App's effect then finds the link already written).
pub fn push_view(filter: RwSignal<Filter>, change: impl FnOnce(&mut Filter)) {
    filter.update(change);
    write_hash(&filter.with_untracked(hash::format), true);
}

/// Calls `f` with the new hash when the user goes back or forward, or edits the hash by hand.
pub fn on_hash_change(f: impl Fn(String) + 'static) {
    let closure = Closure::<dyn Fn()>::new(move || f(read_hash()));
    let _ =
        window().add_event_listener_with_callback("hashchange", closure.as_ref().unchecked_ref());
    let _ = window().add_event_listener_with_callback("popstate", closure.as_ref().unchecked_ref());
    // The listener lives as long as the page.
    closure.forget();
}
