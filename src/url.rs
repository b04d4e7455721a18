//! The view lives in the URL hash (`#unit=…&pillar=1&q=…`, see `gk_core::hash`), so a link opens
//! exactly that view and back and forward move between views.
//!
//! The hash may also name the deployment's table (`table=<id>`, first), when it is not the
//! default (`data.rs`). That key is the page's, not the view's: [`read_hash`] leaves it out and
//! [`write_hash`] keeps it, and a change of it (an edited link, a table chosen in the masthead)
//! opens that table by reloading the page.

use gk_core::filter::Filter;
use gk_core::hash;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

const TABLE: &str = "table=";

/// The page's raw hash, without `#`.
fn raw_hash() -> String {
    let hash = window().location().hash().unwrap_or_default();
    hash.strip_prefix('#').unwrap_or(&hash).to_string()
}

/// The `table=` value of a hash (decoded), and the hash without it.
fn split(raw: &str) -> (Option<String>, String) {
    let mut table = None;
    let rest: Vec<&str> = raw
        .split('&')
        .filter(|part| match part.strip_prefix(TABLE) {
            Some(v) => {
                table = Some(hash::decode(v).unwrap_or_else(|_| v.to_string()));
                false
            }
            None => true,
        })
        .collect();
    (table.filter(|t| !t.is_empty()), rest.join("&"))
}

/// The table the link names: its hash's `table=`, else its query's (`?table=`).
pub fn link_table() -> Option<String> {
    split(&raw_hash()).0.or_else(query_table)
}

fn query_table() -> Option<String> {
    let search = window().location().search().unwrap_or_default();
    split(search.strip_prefix('?').unwrap_or(&search)).0
}

/// Puts `table=<id>` in the link's hash (first), or takes it out with `None`, in place.
pub fn set_link_table(table: Option<&str>) {
    let (had, view) = split(&raw_hash());
    if had.as_deref() != table || query_table().is_some() {
        replace(&with_table(table, &view), false);
    }
}

/// A link's hash (without `#`) for the view `view` of the table `table` (`None`: the default).
pub fn with_table(table: Option<&str>, view: &str) -> String {
    match (table, view) {
        (None, v) => v.to_string(),
        (Some(t), "") => format!("{TABLE}{}", hash::encode(t)),
        (Some(t), v) => format!("{TABLE}{}&{v}", hash::encode(t)),
    }
}

/// The current view's hash, without `#` and without the table.
pub fn read_hash() -> String {
    split(&raw_hash()).1
}

/// Makes `hash` (without `#`) the page's view, keeping the link's table. `push` adds a history
/// entry (a new view); otherwise the current entry is replaced (e.g. while typing a search).
/// Does nothing when the hash is already `hash`, so reacting to back/forward never pushes.
pub fn write_hash(hash: &str, push: bool) {
    let (table, view) = split(&raw_hash());
    if view == hash {
        return;
    }
    replace(&with_table(table.as_deref(), hash), push);
}

/// Sets the page's hash (the path and the query kept, but a query's table: it is in the hash).
fn replace(hash: &str, push: bool) {
    let location = window().location();
    let search = match query_table() {
        Some(_) => String::new(),
        None => location.search().unwrap_or_default(),
    };
    let url = format!(
        "{}{search}{}",
        location.pathname().unwrap_or_default(),
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

/// Calls `f` with the new view's hash when the user goes back or forward, or edits the hash by
/// hand. When the link names another table than `open` (the open table's `table=`, `None` for
/// the default), the page reloads to open it.
pub fn on_hash_change(open: Option<String>, f: impl Fn(String) + 'static) {
    listen(open, Box::new(f))
}

/// `on_hash_change` without its type parameter: the listener is the same code for every page.
fn listen(open: Option<String>, f: Box<dyn Fn(String)>) {
    let closure = Closure::<dyn Fn()>::new(move || {
        let (table, view) = split(&raw_hash());
        if table != open {
            let _ = window().location().reload();
            return;
        }
        f(view)
    });
    let _ =
        window().add_event_listener_with_callback("hashchange", closure.as_ref().unchecked_ref());
    let _ = window().add_event_listener_with_callback("popstate", closure.as_ref().unchecked_ref());
    // The listener lives as long as the page.
    closure.forget();
}
