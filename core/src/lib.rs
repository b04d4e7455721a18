pub mod bench;
pub mod checklist;
pub mod csv;
pub mod describe;
pub mod dunning;
pub mod filter;
pub mod hash;
pub mod held;
pub mod highlight;
pub mod html;
pub mod layout;
pub mod ledger;
pub mod links;
pub mod merge;
pub mod model;
pub mod options;
pub mod search;
pub mod statefile;
pub mod status;
pub mod stored;
pub mod supervision;
pub mod syntax;
pub mod timestamp;
pub mod units;
pub mod worker;

/// The CSV reader's old path: it is [`statefile::csv`] now.
pub use statefile::csv as csv_read;
