//! The benchmark's workloads (`gk_core::bench`) on the real table: the synthetic table keeps
//! ids and row keys unique, and the generated state files import and merge as expected.

use gk_core::bench::{existing_checklists, import_and_merge, state_files, synthetic_table};
use gk_core::filter::Index;
use gk_core::layout::rows;
use gk_core::model::Table;
use std::collections::HashSet;

fn real() -> Table {
    Table::from_json(include_str!("../../data/tables/taian-2017.json")).unwrap()
}

#[test]
fn the_synthetic_table_has_n_tasks_unique_ids_and_unique_row_keys() {
    let real = real();
    let big = synthetic_table(&real, 10_000);
    assert_eq!(big.tasks.len(), 10_000);
    assert_eq!(big.units, real.units);
    assert_eq!(big.sections, real.sections);
    let ids: HashSet<&str> = big.tasks.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids.len(), 10_000);
    // The real tasks are all there, unchanged.
    for t in &real.tasks {
        assert_eq!(big.task(&t.id), Some(t));
    }
    let all: Vec<usize> = (0..big.tasks.len()).collect();
    let keys: Vec<String> = rows(&big, &all).iter().map(|r| r.key(&big)).collect();
    let unique: HashSet<&String> = keys.iter().collect();
    assert_eq!(unique.len(), keys.len(), "row keys must be unique");
    // A small n gives a prefix of the real table's order.
    assert_eq!(synthetic_table(&real, 139).tasks, real.tasks);
}

#[test]
fn generated_files_import_and_both_merges_agree() {
    let real = real();
    let files = state_files(&real, 50, 139);
    assert_eq!(files.len(), 50);
    let current = existing_checklists(&real);
    let times = import_and_merge(&real, &current, &files, || 0.0);
    // Each file has an entry for each of its unit's tasks; files 48–50 are later exports
    // of the first three units.
    let index = Index::new(&real);
    let units = index.units();
    assert_eq!(units.len(), 47);
    let own = |u: usize| index.tasks_of(&units[u]).len();
    let per_unit: usize = (0..47).map(own).sum();
    assert_eq!(times.entries, per_unit + own(0) + own(1) + own(2));
    // Every unit's own tasks, and the existing entries of other tasks.
    let existing_elsewhere = current
        .entries()
        .filter(|(unit, task, _)| {
            let t = real.tasks.iter().position(|x| x.id == *task).unwrap();
            !index.tasks_of(unit).contains(&t)
        })
        .count();
    assert_eq!(times.result_entries, per_unit + existing_elsewhere);
}
