//! The state both pages share: [`Ctx`] (the view, the checklists, the memos derived from them,
//! notices, storage health and the open table), made by [`provide_state`] from what is loaded
//! before any signal exists (the link, storage), and kept in step with other tabs.
use crate::data::Data;
use crate::storage::{Health, Store};
use crate::{edit, url};
use gk_core::checklist::Checklists;
use gk_core::filter::{Facets, Filter};
use gk_core::hash;
use gk_core::held::Held;
use gk_core::supervision::{china_day, Date};
use leptos::prelude::*;
use std::sync::Arc;

/// The state every component reads, provided as context.
#[derive(Clone, Copy)]
pub struct Ctx {
    /// The view: unit, role, pillar, section, time, status and search. Mirrors the URL hash.
    pub filter: RwSignal<Filter>,
    /// Every unit's checklist kept in this browser.
    pub checklists: RwSignal<Checklists>,
    /// Counts the changes of `checklists` that came from elsewhere (another tab), which the
    /// task table's controls have not shown yet; its own edits are in its controls already.
    pub outside: RwSignal<u32>,
    /// Indices of the shown tasks, in source order: the filter's, and those held in place
    /// while they are edited (`held`).
    pub shown: Memo<Vec<usize>>,
    /// The filter's own tasks, in source order: what counts, prints and exports as the view.
    pub matching: Memo<Vec<usize>>,
    /// The tasks edited in this view, shown until the view changes though they may no longer
    /// match it (see `gk_core::held`).
    pub held: RwSignal<Held>,
    /// The held tasks the view no longer matches, which the rows say are leaving.
    pub leaving: Memo<Vec<usize>>,
    pub facets: Memo<Facets>,
    /// The as-of day of the supervision lights (截至日期): the link's `asof`, or today in China
    /// time as the page was opened (a page left open past midnight keeps it until it is
    /// reloaded or a day is chosen). A memo, so that the rows' lights are worked out again
    /// only when the day changes, not on every change of the filter.
    pub day: Memo<Date>,
    /// Today in China time as the page was opened: the as-of day when none is chosen.
    pub today: Date,
    /// The chosen unit and the search term alone, so that rows react to these and nothing else.
    pub unit: Memo<Option<String>>,
    pub query: Memo<String>,
    /// Every task of the chosen unit (indices, ascending), whatever else is filtered.
    pub unit_tasks: Memo<Vec<usize>>,
    /// Messages for the user (bad link values, unreadable stored values), newest last.
    pub notices: RwSignal<Vec<String>>,
    /// Whether browser storage is keeping our records (drives a persistent banner).
    pub health: RwSignal<Health>,
    /// The browser's answer to keeping this site's storage (`storage::ask_to_keep`, asked on
    /// the first edit); `None` before.
    pub kept: RwSignal<Option<bool>>,
    /// The open table with its index, unit lists and storage (`data.rs`).
    pub data: DataCell,
}

impl Ctx {
    /// The open table, its index and its storage.
    pub fn data(&self) -> Arc<Data> {
        self.data.get_value()
    }
}

/// The open table in the reactive arena, so that `Ctx` stays `Copy`. Every read goes through
/// the one `get_value` (an `Arc` clone): a `StoredValue::with_value` of its own at each call
/// site (its arena lookup and disposed-value panic, once per closure type) cost the wasm more.
#[derive(Clone, Copy)]
pub struct DataCell(StoredValue<Arc<Data>>);

impl DataCell {
    #[inline(never)]
    pub fn get_value(self) -> Arc<Data> {
        self.0.get_value()
    }

    pub fn with_value<R>(self, f: impl FnOnce(&Data) -> R) -> R {
        f(&self.get_value())
    }
}

pub fn ctx() -> Ctx {
    expect_context::<Ctx>()
}

/// Loads the view from the link and the records from storage, then makes the signals (never
/// the other way round: nothing is written before it is loaded), provides them as context and
/// keeps them in step with other tabs. `my_unit`: whether the view starts on the unit this
/// browser remembers when the link names none (the task table); on the office page a unit is a
/// read-only view that only the link opens. `notices`: what loading the table had to say.
pub fn provide_state(data: Arc<Data>, notices: Vec<String>, my_unit: bool) -> Ctx {
    // Load everything before any signal exists: the view from the link, the records from storage.
    let (mut initial, problems) = hash::parse(&url::read_hash(), &data.table);
    let store: &Store = &data.store;
    let loaded = store.load(edit::now());
    // A link's unit overrides the remembered one.
    if my_unit && initial.unit.is_none() {
        initial.unit = loaded.my_unit.filter(|u| data.index.has_unit(u));
    }
    let filter = RwSignal::new(initial);
    let checklists = RwSignal::new(loaded.checklists);
    let notices = RwSignal::new(
        notices
            .into_iter()
            .chain(problems.into_iter().map(|p| p.message))
            .chain(loaded.problems)
            .collect::<Vec<_>>(),
    );
    let health = RwSignal::new(store.health());

    let today = china_day(edit::now());
    let day = Memo::new(move |_| filter.with(|f| f.day(today)));
    let d = data.clone();
    let matching = Memo::new(move |_| {
        let (t, idx) = (&d.table, &d.index);
        filter.with(|f| {
            let unit = f.unit.as_deref().unwrap_or_default();
            let day = f.day(today);
            checklists.with(|c| idx.shown(f, day, |i| c.get(unit, &t.tasks[i].id)))
        })
    });
    let held = RwSignal::new(Held::default());
    // Another view lets the held rows go, for good.
    Effect::new(move |_| filter.with(|f| held.maybe_update(|h| h.follow(f))));
    let shown = Memo::new(move |_| filter.with(|f| held.with(|h| h.shown(f, matching.get()))));
    let leaving =
        Memo::new(move |_| filter.with(|f| held.with(|h| matching.with(|m| h.leaving(f, m)))));
    let d = data.clone();
    let facets = Memo::new(move |_| {
        let (t, idx) = (&d.table, &d.index);
        filter.with(|f| {
            let unit = f.unit.as_deref().unwrap_or_default();
            let day = f.day(today);
            checklists.with(|c| idx.facets(f, day, |i| c.get(unit, &t.tasks[i].id)))
        })
    });
    let unit = Memo::new(move |_| filter.with(|f| f.unit.clone()));
    let d = data.clone();
    let unit_tasks = Memo::new(move |_| {
        unit.with(|u| {
            u.as_deref()
                .map(|u| d.index.tasks_of(u))
                .unwrap_or_default()
        })
    });
    let c = Ctx {
        filter,
        checklists,
        outside: RwSignal::new(0),
        shown,
        matching,
        held,
        leaving,
        facets,
        day,
        today,
        unit,
        query: Memo::new(move |_| filter.with(|f| f.query.clone())),
        unit_tasks,
        notices,
        health,
        kept: RwSignal::new(None),
        data: DataCell(StoredValue::new(data.clone())),
    };
    provide_context(c);
    // Another tab saved a unit's checklist: take it as it is, without a reload (it is what
    // storage holds; an undone import has left it). Should it lack an edit of this tab (the
    // two saves crossed), keep that edit and save again so that storage has both.
    let d = data.clone();
    store.on_other_tab_save(move |doc| {
        if let Some(doc) = doc {
            let lacks_own = d.store.lacks_own(&doc);
            let unit = doc.unit.clone();
            edit::take_stored(checklists, &d.store, doc);
            c.outside.update(|n| *n += 1);
            if lacks_own {
                edit::save(c, &unit, edit::now());
            }
        } else {
            d.store.set_read_only();
        }
        health.set(d.store.health());
    });
    c
}
