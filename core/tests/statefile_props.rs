//! Export then parse gives back the same entries for any notes and times; parsing never
//! panics, whatever the bytes; importing is a merge (order of files does not matter).

use std::sync::OnceLock;

use gk_core::checklist::{Checklists, Entry};
use gk_core::merge::merge;
use gk_core::model::Table;
use gk_core::statefile::{apply, export, parse};
use gk_core::status::Status;
use gk_core::timestamp::Timestamp;
use proptest::prelude::*;

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
    prop::collection::vec((0..n_units, 0..n_tasks, entry), 0..20).prop_map(|items| {
        let units = units();
        let mut c = Checklists::new();
        for (u, t, e) in items {
            c.put(units[u], &table().tasks[t].id, e);
        }
        c
    })
}

fn export_all(c: &Checklists) -> String {
    let names: Vec<&str> = c.units().map(|(u, _)| u).collect();
    export(
        c,
        "taian-2017",
        &names,
        Timestamp::from_millis(1_498_809_600_000),
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn export_parse_round_trip(c in checklists()) {
        let text = export_all(&c);
        let f = parse(text.as_bytes(), "x.json", table()).unwrap();
        prop_assert!(f.invalid.is_empty());
        let mut back = Checklists::new();
        for fe in f.entries {
            back.put(&fe.unit, &fe.task, fe.entry);
        }
        prop_assert_eq!(back, c);
    }

    #[test]
    fn import_is_the_merge(a in checklists(), b in checklists(), cur in checklists()) {
        let fa = parse(export_all(&a), "a.json", table()).unwrap();
        let fb = parse(export_all(&b), "b.json", table()).unwrap();
        let (ab, undo) = apply(&cur, &[fa.clone(), fb.clone()]);
        let (ba, _) = apply(&cur, &[fb, fa]);
        prop_assert_eq!(&ab, &ba);
        prop_assert_eq!(ab, merge(&merge(&cur, &a), &b));
        prop_assert_eq!(undo.restore(), cur);
    }

    #[test]
    fn parse_never_panics_on_bytes(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        let _ = parse(&bytes, "x.json", table());
    }

    #[test]
    fn parse_never_panics_on_damaged_files(c in checklists(), cut in any::<prop::sample::Index>(), byte in any::<u8>()) {
        let mut bytes = export_all(&c).into_bytes();
        let at = cut.index(bytes.len());
        bytes[at] = byte;
        let _ = parse(&bytes, "x.json", table());
        bytes.truncate(at);
        let _ = parse(&bytes, "x.json", table());
    }
}
