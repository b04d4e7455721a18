//! A unit's progress on one task, as it keeps it in its checklist.

use serde::{Deserialize, Serialize};

#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// 未开始.
    #[default]
    Todo,
    /// 进行中.
    Doing,
    /// 已完成.
    Done,
    /// 不适用: the task does not concern the unit (meant for tasks it gets only through
    /// 市政府有关部门（单位）, see [`crate::units::Assignment::optional`]).
    Na,
}

impl Status {
    pub const ALL: [Status; 4] = [Status::Todo, Status::Doing, Status::Done, Status::Na];

    /// The status's name in URLs and files (same as its serde name).
    pub fn key(self) -> &'static str {
        match self {
            Status::Todo => "todo",
            Status::Doing => "doing",
            Status::Done => "done",
            Status::Na => "na",
        }
    }

    pub fn from_key(key: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.key() == key)
    }

    /// The status whose Chinese label is `label` (as the CSV export writes it).
    pub fn from_label(label: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.label() == label)
    }

    /// The Chinese label shown to users.
    pub fn label(self) -> &'static str {
        match self {
            Status::Todo => "未开始",
            Status::Doing => "进行中",
            Status::Done => "已完成",
            Status::Na => "不适用",
        }
    }
}
