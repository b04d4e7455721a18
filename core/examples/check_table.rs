//! Reads a task-table file as the app does and says whether it opens:
//! `cargo run -p gk-core --example check_table -- data/tables/<id>.json`.
fn main() {
    let path = std::env::args().nth(1).expect("a table file");
    let text = std::fs::read_to_string(&path).expect("readable");
    match gk_core::model::Table::from_json(&text) {
        Ok(t) => println!(
            "{path}: {} — {} tasks, {} units, {} time requirements",
            t.dataset.title,
            t.tasks.len(),
            t.units.len(),
            t.times.len()
        ),
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    }
}
