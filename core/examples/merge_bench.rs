//! Native timing of importing and merging many units' state files (`make bench` runs it):
//!
//! ```sh
//! cargo run --release -p gk-core --example merge_bench -- [files] [entries] [runs]
//! ```
//!
//! Defaults: 50 files of 139 entries, 21 runs. Prints one JSON object: the median of each
//! figure over the runs, in milliseconds (see `gk_core::bench::MergeTimes`).

use gk_core::bench::{existing_checklists, import_and_merge, state_files, MergeTimes};
use gk_core::model::Table;
use std::time::Instant;

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs[xs.len() / 2]
}

fn main() {
    let args: Vec<usize> = std::env::args()
        .skip(1)
        .map(|a| a.parse().expect("arguments: [files] [entries] [runs]"))
        .collect();
    let files = args.first().copied().unwrap_or(50);
    let entries = args.get(1).copied().unwrap_or(139);
    let runs = args.get(2).copied().unwrap_or(21).max(1);

    let table = Table::from_json(include_str!("../../data/tables/taian-2017.json"))
        .expect("the task table is valid JSON");
    let texts = state_files(&table, files, entries);
    let current = existing_checklists(&table);
    let start = Instant::now();
    let clock = || start.elapsed().as_secs_f64() * 1000.0;
    // One run to warm up, then the measured ones.
    import_and_merge(&table, &current, &texts, clock);
    let times: Vec<MergeTimes> = (0..runs)
        .map(|_| import_and_merge(&table, &current, &texts, clock))
        .collect();
    let med = |f: fn(&MergeTimes) -> f64| median(times.iter().map(f).collect());
    println!(
        "{{\"files\":{files},\"entries_per_file\":{entries},\"runs\":{runs},\
         \"bytes\":{bytes},\"entries\":{n},\"result_entries\":{r},\
         \"parse_ms\":{parse:.3},\"preview_ms\":{preview:.3},\"apply_ms\":{apply:.3},\
         \"merge_into_ms\":{merge:.3},\"import_ms\":{import:.3},\"parse_and_merge_ms\":{pm:.3}}}",
        bytes = texts.iter().map(|(_, t)| t.len()).sum::<usize>(),
        n = times[0].entries,
        r = times[0].result_entries,
        parse = med(|t| t.parse),
        preview = med(|t| t.preview),
        apply = med(|t| t.apply),
        merge = med(|t| t.merge_into),
        import = med(MergeTimes::import_total),
        pm = med(MergeTimes::parse_and_merge),
    );
}
