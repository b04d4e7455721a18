//! The messages between a page and its Excel worker (`xlsx/src/bin/gk-xlsx-worker.rs`), as JSON
//! text (serde): the page posts a [`Request`]; the worker answers with a [`Reply`] and, when it
//! wrote a workbook, the file's bytes (a transferred buffer) beside it. One definition for both
//! sides: the page serializes it, the worker reads it.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

/// What the page asks for. The worker has no table of its own: the page sends the one it shows.
/// Borrowed where it can be: the page lends its texts, the worker reads them from the message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Request<'a> {
    /// `unit` (the chosen unit's 台账 of the view) or `office` (the 汇总 of every unit).
    #[serde(borrow)]
    pub kind: Cow<'a, str>,
    /// The open table's JSON (`gk_core::model::Table::from_json`).
    #[serde(borrow)]
    pub table: Cow<'a, str>,
    /// The checklists, as a state file.
    #[serde(borrow)]
    pub state: Cow<'a, str>,
    /// The view, as the URL hash (`gk_core::hash`).
    #[serde(borrow)]
    pub hash: Cow<'a, str>,
    /// The time, in milliseconds since the epoch.
    pub now: i64,
}

/// The worker's answer: the file's name (its bytes come beside the message), or why there is
/// no file (in Chinese, for the user).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Reply {
    File(String),
    Error(String),
}
