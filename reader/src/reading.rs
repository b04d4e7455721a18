//! What the reader made of a document, before the office checks it: every task with its place
//! in the hierarchy, its text, units and time, and a mark wherever the reader guessed.

use serde::{Deserialize, Serialize};

use crate::times::Found;

/// How the document gives the units (the layout families of the issue and of `docs/reader.md`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Family {
    /// Separate 牵头单位 and 责任单位 columns.
    A,
    /// One unit column, the lead written in it (X牵头, X会同Y).
    B,
    /// One unit column without a lead marker.
    C,
    /// Numbered paragraphs, each closing with a bracket of fields.
    D,
}

/// One task as read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Read {
    /// The headings above it, outermost first (pillar, section, item).
    pub path: Vec<String>,
    pub text: String,
    pub lead: Vec<String>,
    pub responsible: Vec<String>,
    /// The words of its time column or field, as written ("" when it has none).
    pub time: String,
    /// What those words (or, without them, the task's text) ask.
    pub times: Vec<Found>,
    pub marks: Vec<Mark>,
    /// Where it was read: `表 1 第 5 行` or `第 12 段`.
    pub place: String,
}

/// Where the reader guessed, or could not read something: shown on the task.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Mark {
    /// Several units and no word of who leads: all are taken as leads.
    NoLeadMarker,
    /// No unit at all (the task needs a lead before it is published).
    NoUnits,
    /// A time phrase without a date or cadence the reader knows.
    TimeUnread(String),
    /// Cells beyond the header's columns, not read.
    RowDidNotFit(String),
}

impl Mark {
    /// The mark in the office's words.
    pub fn words(&self) -> String {
        match self {
            Mark::NoLeadMarker => "未写明牵头单位：已把所列单位都作为牵头单位，请核对".into(),
            Mark::NoUnits => "没有读到单位：请填写牵头单位".into(),
            Mark::TimeUnread(p) => format!("时限“{p}”没有可识别的日期或周期：按年底前督办"),
            Mark::RowDidNotFit(p) => format!("这一行多出表头以外的内容，未读取：“{p}”"),
        }
    }
}

/// The whole reading.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reading {
    pub title: String,
    /// The year the title names.
    pub year: Option<i32>,
    pub family: Family,
    pub tasks: Vec<Read>,
    /// Short names a cell gave in brackets, with the unit they stand for.
    pub aliases: Vec<(String, String)>,
}

impl Reading {
    /// Every unit and group named, in order of first mention.
    pub fn names(&self) -> Vec<String> {
        let mut names: Vec<String> = Vec::new();
        for task in &self.tasks {
            for name in task.lead.iter().chain(&task.responsible) {
                if !names.contains(name) {
                    names.push(name.clone());
                }
            }
        }
        names
    }

    /// How many tasks name each unit.
    pub fn mentions(&self, name: &str) -> usize {
        self.tasks
            .iter()
            .filter(|t| t.lead.iter().chain(&t.responsible).any(|n| n == name))
            .count()
    }
}

/// Pairs of names that may be one unit written two ways (市发改委 and 市发展改革委): the same
/// first and last characters, and the shorter's characters in order within the longer. Only
/// shown: the office decides, by giving both the same name.
pub fn similar_names(names: &[String]) -> Vec<(String, String)> {
    let mut pairs = Vec::new();
    for (i, a) in names.iter().enumerate() {
        for b in &names[i + 1..] {
            let (short, long) = if a.chars().count() <= b.chars().count() {
                (a, b)
            } else {
                (b, a)
            };
            if short.chars().count() < 3 || short == long {
                continue;
            }
            let same_ends = short.chars().next() == long.chars().next()
                && short.chars().next_back() == long.chars().next_back();
            let mut rest = long.chars();
            let within = short.chars().all(|c| rest.any(|l| l == c));
            if same_ends && within {
                pairs.push((a.clone(), b.clone()));
            }
        }
    }
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn similar_names_are_the_same_ends_and_the_shorter_within_the_longer() {
        let names: Vec<String> = [
            "市发展改革委",
            "市财政局",
            "市发改委",
            "市审计局",
            "市政府办",
        ]
        .map(String::from)
        .to_vec();
        assert_eq!(
            similar_names(&names),
            [("市发展改革委".to_string(), "市发改委".to_string())]
        );
        // 市财政局 and 市审计局 share their ends but not their characters.
    }
}
