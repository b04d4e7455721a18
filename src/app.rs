//! The page: masthead, filters, notices and the task table, around one shared state.

use crate::data::{index, table};
use crate::filters::FilterBar;
use crate::notices::Notices;
use crate::rows::TaskTable;
use crate::url;
use gk_core::filter::{Facets, Filter};
use gk_core::hash;
use gk_core::status::Status;
use leptos::prelude::*;

/// The state every component reads, provided as context.
#[derive(Clone, Copy)]
pub struct Ctx {
    /// The view: unit, role, pillar, section, time, status and search. Mirrors the URL hash.
    pub filter: RwSignal<Filter>,
    /// Indices of the shown tasks, in source order.
    pub shown: Memo<Vec<usize>>,
    pub facets: Memo<Facets>,
    /// The chosen unit and the search term alone, so that rows react to these and nothing else.
    pub unit: Memo<Option<String>>,
    pub query: Memo<String>,
    /// Messages for the user (bad link values, storage problems), newest last.
    pub notices: RwSignal<Vec<String>>,
}

pub fn ctx() -> Ctx {
    expect_context::<Ctx>()
}

#[component]
pub fn App() -> impl IntoView {
    let t = table();
    let idx = index();

    // Load the view from the link before any signal exists.
    let (initial, problems) = hash::parse(&url::read_hash(), t);
    let filter = RwSignal::new(initial);
    let notices = RwSignal::new(problems.into_iter().map(|p| p.message).collect::<Vec<_>>());

    let status_of = |_task: usize| Status::Todo;
    let shown = Memo::new(move |_| filter.with(|f| idx.shown(f, status_of)));
    let facets = Memo::new(move |_| filter.with(|f| idx.facets(f, status_of)));
    provide_context(Ctx {
        filter,
        shown,
        facets,
        unit: Memo::new(move |_| filter.with(|f| f.unit.clone())),
        query: Memo::new(move |_| filter.with(|f| f.query.clone())),
        notices,
    });

    // Filter → URL. A new search term replaces the history entry; any other change pushes one.
    let last_query = StoredValue::new(filter.with_untracked(|f| f.query.clone()));
    Effect::new(move |_| {
        let (h, query) = filter.with(|f| (hash::format(f), f.query.clone()));
        let push = last_query.with_value(|q| *q == query);
        last_query.set_value(query);
        url::write_hash(&h, push);
    });
    // URL → filter, on back/forward or a hand-edited hash.
    url::on_hash_change(move |h| {
        let (f, problems) = hash::parse(&h, t);
        if filter.with_untracked(|cur| *cur != f) {
            filter.set(f);
        }
        if !problems.is_empty() {
            notices.update(|n| n.extend(problems.into_iter().map(|p| p.message)));
        }
    });

    view! {
        <header class="masthead">
            <h1>{t.dataset.title.clone()}</h1>
        </header>
        <Notices />
        <FilterBar />
        <main id="main">
            <TaskTable />
        </main>
    }
}
