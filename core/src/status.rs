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

/// What the status filter (完成状态) shows: the tasks of one status, or 未完成, those still to
/// do (未开始 or 进行中; a task marked 不适用 is not left to do). 未完成 is the preset behind
/// the 只看未完成 toggle; in the link it is `status=open`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StatusFilter {
    Is(Status),
    /// 未完成: 未开始 or 进行中.
    Open,
}

impl From<Status> for StatusFilter {
    fn from(s: Status) -> Self {
        StatusFilter::Is(s)
    }
}

impl StatusFilter {
    /// Every choice, in the order the filter lists them: 未完成, then each status.
    pub const ALL: [StatusFilter; 5] = [
        StatusFilter::Open,
        StatusFilter::Is(Status::Todo),
        StatusFilter::Is(Status::Doing),
        StatusFilter::Is(Status::Done),
        StatusFilter::Is(Status::Na),
    ];

    /// The choice's name in URLs: a [`Status::key`], or `open`.
    pub fn key(self) -> &'static str {
        match self {
            StatusFilter::Is(s) => s.key(),
            StatusFilter::Open => "open",
        }
    }

    pub fn from_key(key: &str) -> Option<StatusFilter> {
        StatusFilter::ALL.into_iter().find(|s| s.key() == key)
    }

    /// The Chinese label: a [`Status::label`], or 未完成.
    pub fn label(self) -> &'static str {
        match self {
            StatusFilter::Is(s) => s.label(),
            StatusFilter::Open => "未完成",
        }
    }

    /// Whether a task of status `s` passes.
    pub fn matches(self, s: Status) -> bool {
        match self {
            StatusFilter::Is(want) => want == s,
            StatusFilter::Open => matches!(s, Status::Todo | Status::Doing),
        }
    }
}
