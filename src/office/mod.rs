//! The office page (汇总与导入, in `office/`): imports units' files into this browser, shows
//! the central view (汇总) and exports every unit kept here. A page of its own so that the
//! task table, which every unit opens, does not carry its code.

use crate::data::Data;
use crate::notices::{Notices, StorageBanner};
use crate::office::central::Central;
use crate::office::dunning::provide_dunning;
use crate::office::import::{enable_drop, provide_import_ctx, ImportPanel};
use crate::state::provide_state;
use crate::toolbar::OfficeMasthead;
use crate::url;
use gk_core::hash;
use leptos::prelude::*;
use std::sync::Arc;

pub mod central;
pub mod dunning;
pub mod import;
pub mod unit_view;

#[component]
pub fn Office(data: Arc<Data>, notices: Vec<String>) -> impl IntoView {
    let link_table = data.link_table.clone();
    // A unit here is a read-only view (unit_view.rs): it comes only with the link, never from
    // the unit this browser's task table remembers.
    let c = provide_state(data, notices, false);
    provide_import_ctx();
    provide_dunning();
    enable_drop();
    // The as-of day and the unit viewed follow the link when it changes (back, forward, an
    // edited address).
    url::on_hash_change(link_table, move |h| {
        let (f, problems) = c.data.with_value(|d| hash::parse(&h, &d.table));
        if c.filter.with_untracked(|cur| *cur != f) {
            c.filter.set(f);
        }
        c.notices
            .update(|n| n.extend(problems.into_iter().map(|p| p.message)));
    });
    view! {
        <OfficeMasthead />
        <StorageBanner />
        <Notices />
        <ImportPanel />
        <main id="main">
            <Central />
        </main>
    }
}
