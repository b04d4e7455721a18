//! The office page (汇总与导入, in `office/`): imports units' files into this browser, shows
//! the central view (汇总) and exports every unit kept here. A page of its own so that the
//! task table, which every unit opens, does not carry its code.

use crate::app::provide_state;
use crate::central::Central;
use crate::import::{enable_drop, provide_import_ctx, ImportPanel};
use crate::notices::{Notices, StorageBanner};
use crate::print::PrintHead;
use crate::toolbar::OfficeMasthead;
use leptos::prelude::*;

#[component]
pub fn Office() -> impl IntoView {
    provide_state();
    provide_import_ctx();
    enable_drop();
    view! {
        <OfficeMasthead />
        <StorageBanner />
        <Notices />
        <ImportPanel />
        <main id="main">
            <PrintHead view="汇总：各单位完成情况" />
            <Central />
        </main>
    }
}
