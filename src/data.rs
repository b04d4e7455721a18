//! The task table, embedded at compile time from `data/tables/taian-2017.json` (written by `gk-import`),
//! without its indentation (`build.rs`).

use gk_core::filter::Index;
use gk_core::model::Table;
use std::sync::OnceLock;

const JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/default-table.json"));

/// The table as embedded, read by `Table::from_json` (serde_json's `Value`, field by field). The
/// embedded JSON is checked by the native tests, so parsing cannot fail at run time.
pub fn embedded_table() -> Table {
    Table::from_json(JSON).expect("the embedded task table is valid JSON")
}

/// The table, parsed once on first use. Built with the `synthetic-10k` feature (benchmark
/// builds only), it is a synthetic table of 10,000 tasks made from the real one.
pub fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let t = embedded_table();
        #[cfg(feature = "synthetic-10k")]
        let t = gk_core::bench::synthetic_table(&t, 10_000);
        t
    })
}

/// The search and filter index of the table, built once.
pub fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| Index::new(table()))
}
