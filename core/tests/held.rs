//! Rows held in place while they are edited (`gk_core::held`), on the hand-made table: 市财政局
//! has tasks 0 `1.1.1`, 2 `1.2.1`, 3 `1.2.2`, 4 `2.1.1` and 5 `2.1.2` (not 1 `1.1.2`).

#[path = "filter_fixture.rs"]
mod fixture;

use gk_core::filter::{Filter, Index};
use gk_core::held::Held;
use gk_core::status::{Status, StatusFilter};

const FIN: &str = "市财政局";

fn open_view() -> Filter {
    Filter {
        unit: Some(FIN.into()),
        status: Some(StatusFilter::Open),
        ..Filter::default()
    }
}

#[test]
fn a_task_marked_done_in_the_open_view_stays_until_the_view_changes() {
    let table = fixture::table();
    let index = Index::new(&table);
    let f = open_view();
    // Nothing recorded: all five of 市财政局's tasks are 未完成.
    assert_eq!(
        index.shown(&f, fixture::day(), fixture::none),
        [0, 2, 3, 4, 5]
    );
    // 1.2.1 marked 已完成: the filter alone no longer shows it…
    let records = fixture::records(
        6,
        |t| (t == 2).then_some(Status::Done),
        |_| "2017-06-30T08:00:00Z",
    );
    let matching = index.shown(&f, fixture::day(), |t| records[t].as_ref());
    assert_eq!(matching, [0, 3, 4, 5]);
    // …but it was edited in this view: it stays, in its place, and is leaving.
    let mut held = Held::default();
    assert!(held.hold(&f, 2));
    assert_eq!(held.shown(&f, matching.clone()), [0, 2, 3, 4, 5]);
    assert_eq!(held.leaving(&f, &matching), [2]);
    // A held task that still matches (a note on 2.1.1) is shown once and is not leaving.
    assert!(held.hold(&f, 4));
    assert!(!held.hold(&f, 4));
    assert_eq!(held.shown(&f, matching.clone()), [0, 2, 3, 4, 5]);
    assert_eq!(held.leaving(&f, &matching), [2]);
    // Another view (pillar 1): the held rows are let go.
    let pillar = Filter {
        pillar: Some(1),
        ..f.clone()
    };
    let matching1 = index.shown(&pillar, fixture::day(), |t| records[t].as_ref());
    assert_eq!(matching1, [0, 3]);
    assert_eq!(held.shown(&pillar, matching1.clone()), [0, 3]);
    assert!(held.leaving(&pillar, &matching1).is_empty());
    // An edit there holds only that view's task; back in the open view, nothing is held.
    held.hold(&pillar, 0);
    assert_eq!(held.shown(&f, matching.clone()), matching);
}

#[test]
fn another_view_and_back_lets_the_held_rows_go() {
    let f = open_view();
    let other = Filter {
        pillar: Some(2),
        ..f.clone()
    };
    let mut held = Held::default();
    held.hold(&f, 2);
    assert!(!held.follow(&f));
    assert_eq!(held.shown(&f, vec![0]), [0, 2]);
    assert!(held.follow(&other));
    assert!(!held.follow(&f));
    assert_eq!(held.shown(&f, vec![0]), [0]);
}

#[test]
fn held_tasks_before_after_and_between_the_matching_ones_keep_source_order() {
    let f = open_view();
    let mut held = Held::default();
    for t in [9, 0, 4] {
        held.hold(&f, t);
    }
    assert_eq!(held.shown(&f, vec![2, 4, 7]), [0, 2, 4, 7, 9]);
    assert_eq!(held.shown(&f, vec![]), [0, 4, 9]);
    assert_eq!(held.leaving(&f, &[2, 4, 7]), [0, 9]);
}
