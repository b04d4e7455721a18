//! The task-table page (a unit's page): masthead, banners, filters, the unit's progress and the
//! task table, over the state of `state.rs`.

use crate::notices::{Notices, StorageBanner};
use crate::print::{PrintHead, SignOff};
use crate::state::{provide_state, Ctx};
use crate::table::filters::FilterBar;
use crate::table::rows::TaskTable;
use crate::toolbar::Masthead;
use crate::{data::Data, files, url};
use gk_core::hash;
use leptos::prelude::*;
use std::sync::Arc;
use std::time::Duration;

pub mod filters;
pub mod highlight;
pub mod progress;
pub mod rows;
pub mod unit_part;

#[component]
pub fn App(data: Arc<Data>, notices: Vec<String>, kit: unit_part::Loader) -> impl IntoView {
    let link_table = data.link_table.clone();
    let Ctx {
        filter,
        notices,
        data,
        unit,
        ..
    } = provide_state(data, notices, true);
    files::refuse_drop(notices);
    // Whether the filters are unfolded on a phone: at first only when no unit is chosen yet
    // (the first thing to do); choosing one folds them, so that its tasks come first.
    let filters_open = RwSignal::new(filter.with_untracked(|f| f.unit.is_none()));

    // Filter → URL. The first write (e.g. the remembered unit) and a new search term replace
    // the history entry; any other change pushes one, so back and forward move between views.
    let last_query = StoredValue::new(filter.with_untracked(|f| f.query.clone()));
    let writes = StoredValue::new(0u32);
    Effect::new(move |prev: Option<()>| {
        let (h, query) = filter.with(|f| (hash::format(f), f.query.clone()));
        let push = prev.is_some() && last_query.with_value(|q| *q == query);
        last_query.set_value(query);
        // Written after the next paint: the address is not what the user waits to see, and
        // changing it costs the browser a few milliseconds (Chromium even fetches the icon
        // again). Only the latest change is written, and none when the address was changed
        // meanwhile by a navigation (its hashchange brings the filter in line).
        writes.update_value(|n| *n += 1);
        let (n, seen) = (writes.get_value(), url::read_hash());
        request_animation_frame(move || {
            set_timeout(
                move || {
                    if writes.get_value() == n && url::read_hash() == seen {
                        url::write_hash(&h, push);
                    }
                },
                Duration::ZERO,
            )
        });
    });
    // URL → filter, on back/forward or a hand-edited hash.
    url::on_hash_change(link_table, move |h| {
        let (f, problems) = data.with_value(|d| hash::parse(&h, &d.table));
        if filter.with_untracked(|cur| *cur != f) {
            filter.set(f);
        }
        if !problems.is_empty() {
            notices.update(|n| n.extend(problems.into_iter().map(|p| p.message)));
        }
    });
    // The unit's code is loaded once a unit is chosen (a first visit never needs it).
    let kit = unit_part::load_on_unit(unit, notices, kit);
    view! {
        <Masthead />
        <StorageBanner />
        <Notices />
        <FilterBar open=filters_open />
        <main id="main">
            <PrintHead />
            {move || kit.get().and_then(Result::ok).map(|k| (k.progress)())}
            <TaskTable />
            <SignOff />
        </main>
    }
}
