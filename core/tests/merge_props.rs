//! The merge is commutative, associative and idempotent, on entries and on whole checklists,
//! so every browser that has seen the same entries holds the same checklists whatever the
//! order. Few units, tasks, times and notes, so that collisions and exact ties are frequent.

use std::cmp::Ordering;

use gk_core::checklist::{Checklists, Entry};
use gk_core::merge::{cmp_entries, merge, merge_entry, merge_into, merge_unit};
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
    fn entry_merge_is_commutative(a in entry(), b in entry()) {
        prop_assert_eq!(merge_entry(&a, &b), merge_entry(&b, &a));
    }

    #[test]
    fn entry_merge_is_associative(a in entry(), b in entry(), c in entry()) {
        prop_assert_eq!(
            merge_entry(&merge_entry(&a, &b), &c),
            merge_entry(&a, &merge_entry(&b, &c))
        );
    }

    #[test]
    fn entry_merge_is_idempotent(a in entry(), b in entry()) {
        prop_assert_eq!(merge_entry(&a, &a), a.clone());
        let ab = merge_entry(&a, &b);
        prop_assert_eq!(merge_entry(&ab, &b), ab.clone());
    }

    #[test]
    fn entry_merge_picks_one_no_older_than_either(a in entry(), b in entry()) {
        let m = merge_entry(&a, &b);
        prop_assert!(m == a || m == b);
        prop_assert!(m.updated_at >= a.updated_at && m.updated_at >= b.updated_at);
        prop_assert!(cmp_entries(&m, &a) != Ordering::Less);
        prop_assert!(cmp_entries(&m, &b) != Ordering::Less);
    }

    #[test]
    fn the_order_is_total(a in entry(), b in entry()) {
        // Equal in the order only when equal as values: no two entries tie.
        prop_assert_eq!(cmp_entries(&a, &b) == Ordering::Equal, a == b);
        prop_assert_eq!(cmp_entries(&a, &b), cmp_entries(&b, &a).reverse());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn checklists_merge_is_commutative(a in checklists(), b in checklists()) {
        prop_assert_eq!(merge(&a, &b), merge(&b, &a));
    }

    #[test]
    fn checklists_merge_is_associative(a in checklists(), b in checklists(), c in checklists()) {
        prop_assert_eq!(merge(&merge(&a, &b), &c), merge(&a, &merge(&b, &c)));
    }

    #[test]
    fn checklists_merge_is_idempotent(a in checklists(), b in checklists()) {
        prop_assert_eq!(merge(&a, &a), a.clone());
        let ab = merge(&a, &b);
        prop_assert_eq!(merge(&ab, &b), ab.clone());
        prop_assert_eq!(merge(&ab, &a), ab.clone());
    }

    #[test]
    fn any_order_of_many_gives_the_same(
        (parts, shuffled) in prop::collection::vec(checklists(), 1..5)
            .prop_flat_map(|v| (Just(v.clone()), Just(v).prop_shuffle()))
    ) {
        let fold = |v: &[Checklists]| {
            v.iter().fold(Checklists::new(), |acc, c| merge(&acc, c))
        };
        prop_assert_eq!(fold(&parts), fold(&shuffled));
    }

    #[test]
    fn merge_keeps_every_key_with_the_greatest_entry(a in checklists(), b in checklists()) {
        let m = merge(&a, &b);
        for (unit, task, e) in a.entries().chain(b.entries()) {
            let got = m.get(unit, task).expect("no entry is lost");
            prop_assert!(cmp_entries(got, e) != Ordering::Less);
        }
        for (unit, task, got) in m.entries() {
            prop_assert!(a.get(unit, task) == Some(got) || b.get(unit, task) == Some(got));
        }
    }

    #[test]
    fn the_report_accounts_for_every_incoming_entry(a in checklists(), b in checklists()) {
        let mut target = a.clone();
        let report = merge_into(&mut target, &b);
        prop_assert_eq!(
            report.added.len() + report.updated.len() + report.unchanged,
            b.entry_count()
        );
        prop_assert_eq!(target.entry_count(), a.entry_count() + report.added.len());
    }

    #[test]
    fn unit_merge_agrees_with_checklists_merge(a in checklists(), b in checklists()) {
        let m = merge(&a, &b);
        for unit in UNITS {
            let ua = a.unit(unit).cloned().unwrap_or_default();
            let ub = b.unit(unit).cloned().unwrap_or_default();
            let mu = merge_unit(&ua, &ub);
            prop_assert_eq!(&mu, &m.unit(unit).cloned().unwrap_or_default());
            prop_assert_eq!(mu, merge_unit(&ub, &ua));
        }
    }
}
