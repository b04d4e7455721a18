pub mod filter;
pub mod hash;
pub mod layout;
pub mod model;
pub mod search;
pub mod status;
pub mod units;
