//! Writes both workbooks for a sample of records into a folder, to open them in Excel, WPS or
//! LibreOffice by hand: `cargo run -p gk-xlsx --example sample -- <folder>`.

use gk_core::checklist::{Checklists, Entry};
use gk_core::filter::{Filter, Index};
use gk_core::ledger::{consolidation, unit_ledger};
use gk_core::model::Table;
use gk_core::status::Status;
use gk_core::supervision::parse_as_of;
use gk_core::timestamp::Timestamp;

fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| ".".into());
    let table = Table::from_json(include_str!("../../data/tables/taian-2017.json")).unwrap();
    let index = Index::new(&table);
    let at = Timestamp::parse("2017-06-29T10:00:00Z").unwrap();
    let mut c = Checklists::new();
    for (i, task) in index.tasks_of("市财政局").iter().enumerate() {
        let status = Status::ALL[i % Status::ALL.len()];
        let note = if i % 3 == 0 {
            "已按要求在政府网站公开，并报送市政府办公室备案。"
        } else {
            ""
        };
        c.put(
            "市财政局",
            &table.tasks[*task].id,
            Entry::new(status, note, at),
        );
    }
    let day = parse_as_of("2017-07-01").unwrap();
    let f = Filter {
        unit: Some("市财政局".into()),
        ..Filter::default()
    };
    let unit = unit_ledger(&table, &index, &c, &f, day).unwrap();
    let office = consolidation(&table, &index, &c, day);
    for (name, book) in [("unit.xlsx", unit), ("office.xlsx", office)] {
        let path = std::path::Path::new(&dir).join(name);
        std::fs::write(&path, gk_xlsx::write(&book, at).unwrap()).unwrap();
        println!("{}", path.display());
    }
}
