//! `layout::visible` picks out of the rows of every task exactly the rows that `layout::rows`
//! gives for the shown tasks, on the real table and on any subset of its tasks.

#[path = "filter_fixture.rs"]
mod fixture;

use gk_core::layout::{chinese_numeral, pillar_heading, rows, visible, Row};
use gk_core::model::Table;
use proptest::prelude::*;

fn keys(table: &Table, rows: &[Row]) -> Vec<String> {
    rows.iter().map(|r| r.key(table)).collect()
}

fn check(table: &Table, shown: &[usize]) {
    let every: Vec<usize> = (0..table.tasks.len()).collect();
    let all = rows(table, &every);
    let mask = visible(table, &all, shown);
    let kept: Vec<Row> = all
        .iter()
        .zip(&mask)
        .filter(|(_, &v)| v)
        .map(|(r, _)| *r)
        .collect();
    assert_eq!(keys(table, &kept), keys(table, &rows(table, shown)));
}

fn real() -> Table {
    Table::from_json(fixture::REAL_JSON).unwrap()
}

#[test]
fn every_and_no_task() {
    let t = real();
    let every: Vec<usize> = (0..t.tasks.len()).collect();
    check(&t, &every);
    check(&t, &[]);
    let all = rows(&t, &every);
    assert!(visible(&t, &all, &every).iter().all(|&v| v));
    assert!(visible(&t, &all, &[]).iter().all(|&v| !v));
}

#[test]
fn one_task_shows_its_pillar_section_and_item() {
    let t = real();
    for i in 0..t.tasks.len() {
        check(&t, &[i]);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn any_subset(picks in prop::collection::vec(any::<bool>(), 139)) {
        let t = real();
        let shown: Vec<usize> = (0..t.tasks.len()).filter(|&i| picks[i % picks.len()]).collect();
        check(&t, &shown);
    }
}

#[test]
fn every_subset_of_the_small_table() {
    let t = Table::from_json(fixture::JSON).unwrap();
    let n = t.tasks.len();
    for bits in 0..1u32 << n {
        let shown: Vec<usize> = (0..n).filter(|i| bits & (1 << i) != 0).collect();
        check(&t, &shown);
    }
}

/// A task without an item between two tasks of one item: the item heading comes again after
/// it, and the task is under neither heading.
#[test]
fn a_task_without_an_item_inside_an_item() {
    let mut t = real();
    let k = (1..t.tasks.len() - 1)
        .find(|&k| {
            let (a, b, c) = (&t.tasks[k - 1], &t.tasks[k], &t.tasks[k + 1]);
            !b.item.is_empty() && a.item == b.item && b.item == c.item && a.section == c.section
        })
        .expect("three tasks of one item");
    t.tasks[k].item = String::new();
    for bits in 0..8u32 {
        let shown: Vec<usize> = (0..3)
            .filter(|i| bits & (1 << i) != 0)
            .map(|i| k - 1 + i)
            .collect();
        check(&t, &shown);
    }
}

#[test]
fn the_real_tables_rows_and_pillar_headings() {
    let t = real();
    let every: Vec<usize> = (0..t.tasks.len()).collect();
    let all = rows(&t, &every);
    let count = |f: fn(&Row) -> bool| all.iter().filter(|r| f(r)).count();
    assert_eq!(count(|r| matches!(r, Row::Task(_))), 139);
    assert_eq!(count(|r| matches!(r, Row::Pillar(_))), 6);
    assert_eq!(count(|r| matches!(r, Row::Section(_))), 24);
    // Tasks in source order.
    let tasks: Vec<usize> = all
        .iter()
        .filter_map(|r| match r {
            Row::Task(i) => Some(*i),
            _ => None,
        })
        .collect();
    assert_eq!(tasks, every);
    assert_eq!(pillar_heading(&t.pillars[0]), "一、以政务公开助力稳增长");
    assert!(pillar_heading(&t.pillars[5]).starts_with("六、"));
}

#[test]
fn chinese_numerals_one_to_ten() {
    let n: Vec<&str> = (1..=10).map(chinese_numeral).collect();
    assert_eq!(
        n,
        ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
    );
    assert_eq!(chinese_numeral(0), "");
    assert_eq!(chinese_numeral(11), "");
}
