//! The merge is commutative, associative and idempotent, on entries and on whole checklists,
//! so every browser that has seen the same entries holds the same checklists whatever the
//! order. Few units, tasks, times and notes, so that collisions and exact ties are frequent;
//! the clock `now` is drawn so that some of the times are from the future (more than a day
//! after it), which the order ranks below every real time: the properties hold all the same.

use std::cmp::Ordering;

use gk_core::checklist::{Checklists, Entry};
use gk_core::merge::{
    cmp_entries, is_future, merge, merge_entry, merge_into, merge_unit, CLOCK_SLACK_MS,
};
use gk_core::status::Status;
use gk_core::timestamp::Timestamp;
use proptest::prelude::*;

const UNITS: [&str; 3] = ["市财政局", "市统计局", "泰山区"];
const TASKS: [&str; 4] = ["1.1.1", "1.1.2", "1.1.10", "2.1.1"];
const NOTES: [&str; 4] = ["", "a", "甲", "乙"];

fn entry() -> impl Strategy<Value = Entry> {
    (0..4usize, 0..4usize, 0..4i64).prop_map(|(s, n, t)| {
        Entry::new(
            Status::ALL[s],
            NOTES[n],
            Timestamp::from_millis(1_498_730_400_000 + t),
        )
    })
}

/// A clock at which the times `1_498_730_400_000 + t` with `t > k` are from the future
/// (`k = 3`: none is).
fn now() -> impl Strategy<Value = Timestamp> {
    (0..4i64).prop_map(|k| Timestamp::from_millis(1_498_730_400_000 - CLOCK_SLACK_MS + k))
}

fn checklists() -> impl Strategy<Value = Checklists> {
    let entries = prop::collection::vec((0..3usize, 0..4usize, entry()), 0..10);
    let exports = prop::collection::vec((0..3usize, 0..3i64), 0..3);
    (entries, exports).prop_map(|(entries, exports)| {
        let mut c = Checklists::new();
        for (u, t, e) in entries {
            c.put(UNITS[u], TASKS[t], e);
        }
        for (u, at) in exports {
            c.mark_exported(UNITS[u], Timestamp::from_millis(1_498_730_400_000 + at));
        }
        c
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn entry_merge_is_commutative(a in entry(), b in entry(), now in now()) {
        prop_assert_eq!(merge_entry(&a, &b, now), merge_entry(&b, &a, now));
    }

    #[test]
    fn entry_merge_is_associative(a in entry(), b in entry(), c in entry(), now in now()) {
        prop_assert_eq!(
            merge_entry(&merge_entry(&a, &b, now), &c, now),
            merge_entry(&a, &merge_entry(&b, &c, now), now)
        );
    }

    #[test]
    fn entry_merge_is_idempotent(a in entry(), b in entry(), now in now()) {
        prop_assert_eq!(merge_entry(&a, &a, now), a.clone());
        let ab = merge_entry(&a, &b, now);
        prop_assert_eq!(merge_entry(&ab, &b, now), ab.clone());
    }

    #[test]
    fn entry_merge_picks_one_no_older_than_either(a in entry(), b in entry(), now in now()) {
        let m = merge_entry(&a, &b, now);
        prop_assert!(m == a || m == b);
        // No older than either of the same kind (real or from the future); a real one beats
        // one from the future.
        for other in [&a, &b] {
            if is_future(m.updated_at, now) == is_future(other.updated_at, now) {
                prop_assert!(m.updated_at >= other.updated_at);
            } else {
                prop_assert!(!is_future(m.updated_at, now));
            }
        }
        prop_assert!(cmp_entries(&m, &a, now) != Ordering::Less);
        prop_assert!(cmp_entries(&m, &b, now) != Ordering::Less);
    }

    #[test]
    fn the_order_is_total(a in entry(), b in entry(), now in now()) {
        // Equal in the order only when equal as values: no two entries tie.
        prop_assert_eq!(cmp_entries(&a, &b, now) == Ordering::Equal, a == b);
        prop_assert_eq!(cmp_entries(&a, &b, now), cmp_entries(&b, &a, now).reverse());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn checklists_merge_is_commutative(a in checklists(), b in checklists(), now in now()) {
        prop_assert_eq!(merge(&a, &b, now), merge(&b, &a, now));
    }

    #[test]
    fn checklists_merge_is_associative(a in checklists(), b in checklists(), c in checklists(), now in now()) {
        prop_assert_eq!(merge(&merge(&a, &b, now), &c, now), merge(&a, &merge(&b, &c, now), now));
    }

    #[test]
    fn checklists_merge_is_idempotent(a in checklists(), b in checklists(), now in now()) {
        prop_assert_eq!(merge(&a, &a, now), a.clone());
        let ab = merge(&a, &b, now);
        prop_assert_eq!(merge(&ab, &b, now), ab.clone());
        prop_assert_eq!(merge(&ab, &a, now), ab.clone());
    }

    #[test]
    fn any_order_of_many_gives_the_same(
        (parts, shuffled) in prop::collection::vec(checklists(), 1..5)
            .prop_flat_map(|v| (Just(v.clone()), Just(v).prop_shuffle())),
        now in now(),
    ) {
        let fold = |v: &[Checklists]| {
            v.iter().fold(Checklists::new(), |acc, c| merge(&acc, c, now))
        };
        prop_assert_eq!(fold(&parts), fold(&shuffled));
    }

    #[test]
    fn merge_keeps_every_key_with_the_greatest_entry(a in checklists(), b in checklists(), now in now()) {
        let m = merge(&a, &b, now);
        for (unit, task, e) in a.entries().chain(b.entries()) {
            let got = m.get(unit, task).expect("no entry is lost");
            prop_assert!(cmp_entries(got, e, now) != Ordering::Less);
        }
        for (unit, task, got) in m.entries() {
            prop_assert!(a.get(unit, task) == Some(got) || b.get(unit, task) == Some(got));
        }
    }

    #[test]
    fn the_report_accounts_for_every_incoming_entry(a in checklists(), b in checklists(), now in now()) {
        let mut target = a.clone();
        let report = merge_into(&mut target, &b, now);
        prop_assert_eq!(
            report.added.len() + report.updated.len() + report.unchanged,
            b.entry_count()
        );
        prop_assert_eq!(target.entry_count(), a.entry_count() + report.added.len());
    }

    #[test]
    fn unit_merge_agrees_with_checklists_merge(a in checklists(), b in checklists(), now in now()) {
        let m = merge(&a, &b, now);
        for unit in UNITS {
            let ua = a.unit(unit).cloned().unwrap_or_default();
            let ub = b.unit(unit).cloned().unwrap_or_default();
            let mu = merge_unit(&ua, &ub, now);
            prop_assert_eq!(&mu, &m.unit(unit).cloned().unwrap_or_default());
            prop_assert_eq!(mu, merge_unit(&ub, &ua, now));
        }
    }
}
