//! Inputs of `make bench`'s plain-JavaScript reference page (`bench/reference/`, never shipped):
//!
//! ```sh
//! cargo run -q -p gk-core --example bench_reference -- table [n]   # the table as JSON
//! cargo run -q -p gk-core --example bench_reference -- expected    # what the app shows
//! ```
//!
//! `table` prints Tai'an's table (`data/tables/taian-2017.json`, format 2), or with `n` the
//! synthetic table of `n` tasks that the app's `synthetic-10k` build embeds
//! (`gk_core::bench::synthetic_table`): `scripts/bench.sh` writes the latter into the 10k
//! reference's `table.js`; the 139-task reference reads the table file itself, from the copy of
//! `data/tables/` beside it, as the app reads a table of its list. `expected` prints,
//! for the real table, the tasks of every pickable unit (id and role label, as
//! `gk_core::filter::Index` decides them) and of every pillar: the bench checks the reference
//! page's rows against it, and the app's.

use gk_core::bench::synthetic_table;
use gk_core::filter::Index;
use gk_core::model::Table;
use serde_json::{json, Map, Value};

fn main() {
    let table = Table::from_json(include_str!("../../data/tables/taian-2017.json"))
        .expect("the task table is valid JSON");
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("table") => {
            let table = match args.get(1) {
                Some(n) => synthetic_table(&table, n.parse().expect("n: a number of tasks")),
                None => table,
            };
            println!(
                "{}",
                serde_json::to_string(&table).expect("a table serializes")
            );
        }
        Some("expected") => {
            let index = Index::new(&table);
            let mut units = Map::new();
            for unit in index.units() {
                let tasks: Vec<Value> = index
                    .tasks_of(unit)
                    .into_iter()
                    .filter_map(|t| {
                        let a = index.assignment(t, unit)?;
                        Some(json!([table.tasks[t].id, a.label(), a.optional()]))
                    })
                    .collect();
                units.insert(unit.clone(), Value::Array(tasks));
            }
            let mut pillars = Map::new();
            for p in &table.pillars {
                let ids: Vec<&str> = table
                    .tasks
                    .iter()
                    .filter(|t| t.pillar == p.id)
                    .map(|t| t.id.as_str())
                    .collect();
                pillars.insert(p.id.to_string(), json!(ids));
            }
            println!("{}", json!({ "units": units, "pillars": pillars }));
        }
        _ => {
            eprintln!("usage: bench_reference table [n] | expected");
            std::process::exit(2);
        }
    }
}
