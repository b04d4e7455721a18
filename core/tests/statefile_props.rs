//! Export then parse gives back the same entries for any notes and times; parsing never
//! panics, whatever the bytes; importing is a merge (order of files does not matter).

use std::sync::OnceLock;

use gk_core::checklist::{Checklists, Entry};
use gk_core::filter::Index;
use gk_core::merge::merge;
use gk_core::model::Table;
use gk_core::statefile::{apply, export, parse};
use gk_core::status::Status;
use gk_core::timestamp::Timestamp;
use proptest::prelude::*;

/// The clock at the end of time: no time is from the future, so any time of the range round
/// trips.
const NOW: Timestamp = Timestamp::MAX;

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        Table::from_json(include_str!("../../data/tables/taian-2017.json")).unwrap()
    })
}

fn units() -> Vec<&'static str> {
    table()
        .units
        .iter()
        .filter(|u| !u.is_group())
        .map(|u| u.name.as_str())
        .collect()
}

fn checklists() -> impl Strategy<Value = Checklists> {
    let n_units = units().len();
    let n_tasks = table().tasks.len();
    let entry = (
        0..4usize,
        any::<String>(),
        Timestamp::MIN.millis()..=Timestamp::MAX.millis(),
    )
        .prop_map(|(s, note, ms)| Entry::new(Status::ALL[s], note, Timestamp::from_millis(ms)));
    // A unit and one of its own tasks (the `t`-th, cycling): an entry for another is invalid.
    prop::collection::vec((0..n_units, 0..n_tasks, entry), 0..20).prop_map(|items| {
        let units = units();
        let index = Index::new(table());
        let mut c = Checklists::new();
        for (u, t, e) in items {
            let own = index.tasks_of(units[u]);
            c.put(units[u], &table().tasks[own[t % own.len()]].id, e);
        }
        c
    })
}

fn export_all(c: &Checklists) -> String {
    let names: Vec<&str> = c.units().map(|(u, _)| u).collect();
    // Exported at the end of time: no entry is later than the export time.
    export(c, "taian-2017", &names, Timestamp::MAX)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn export_parse_round_trip(c in checklists()) {
        let text = export_all(&c);
        let f = parse(text.as_bytes(), "x.json", table(), NOW).unwrap();
        prop_assert!(f.invalid.is_empty());
        let mut back = Checklists::new();
        for fe in f.entries {
            back.put(&fe.unit, &fe.task, fe.entry);
        }
        prop_assert_eq!(back, c);
    }

    #[test]
    fn import_is_the_merge(a in checklists(), b in checklists(), cur in checklists()) {
        let fa = parse(export_all(&a), "a.json", table(), NOW).unwrap();
        let fb = parse(export_all(&b), "b.json", table(), NOW).unwrap();
        let (ab, undo) = apply(&cur, &[fa.clone(), fb.clone()], NOW);
        let (ba, _) = apply(&cur, &[fb, fa], NOW);
        prop_assert_eq!(&ab, &ba);
        prop_assert_eq!(&ab, &merge(&merge(&cur, &a, NOW), &b, NOW));
        prop_assert_eq!(undo.undo(&ab).checklists, cur);
    }

    #[test]
    fn parse_never_panics_on_bytes(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        let _ = parse(&bytes, "x.json", table(), NOW);
    }

    #[test]
    fn parse_never_panics_on_damaged_files(c in checklists(), cut in any::<prop::sample::Index>(), byte in any::<u8>()) {
        let mut bytes = export_all(&c).into_bytes();
        let at = cut.index(bytes.len());
        bytes[at] = byte;
        let _ = parse(&bytes, "x.json", table(), NOW);
        bytes.truncate(at);
        let _ = parse(&bytes, "x.json", table(), NOW);
    }
}
