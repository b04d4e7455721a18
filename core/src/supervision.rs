//! Supervision (督办): the due date and the recurring period of each task, the as-of day
//! (截至日期), and the light of a task for a unit on that day: 逾期, 待更新, 临期, 已完成 or none.
//!
//! Everything here is computed from the table's own time tags and the checklists: no server
//! keeps deadlines. Days are civil days in China time ([`CHINA_OFFSET_MINUTES`]): a record
//! stamped `2017-06-30T16:00:00Z` was made on 1 July in 泰安, and that is the day the office
//! means. The calendar (month lengths, weekdays, leap years) is the `time` crate's.

use std::fmt;

use time::{Duration, Month};

pub use time::Date;

use crate::checklist::{Checklists, Entry};
pub use crate::model::Period;
use crate::model::{Table, Task, TimeRule};
use crate::status::Status;
use crate::timestamp::{Timestamp, CHINA_OFFSET_MINUTES};

/// How many days ahead a due date makes a task 临期: due between D and D + 14 days.
pub const SOON_DAYS: i64 = 14;

/// The day of an instant in China time: today's default as-of day (from the clock), and the day
/// a record was made (from its `updated_at`).
pub fn china_day(at: Timestamp) -> Date {
    at.date_in(CHINA_OFFSET_MINUTES)
}

/// The last day a time requirement allows: the date of a deadline (`due` in the table's
/// `times`); `None` for a cadence, a response limit, or a tag the table does not define.
pub fn deadline(table: &Table, tag: &str) -> Option<Date> {
    match table.time_def(tag)?.rule {
        TimeRule::Due(day) => Some(day),
        _ => None,
    }
}

/// The due date of a task: the earliest deadline among its time requirements, or the end of
/// the table's year ([`Table::year_end`]) when it has none, since the table lists the year's
/// work. Cadences and response limits (after an event) are not deadlines. E.g. Tai'an's 2.1.7
/// (年内 and 5月底前) is due 2017-05-31.
pub fn due_date(table: &Table, task: &Task) -> Date {
    task.time
        .iter()
        .filter_map(|req| deadline(table, &req.tag))
        .min()
        .unwrap_or_else(|| table.year_end())
}

/// The period of a time requirement: a cadence's (`every`); `None` for 定期 (`every: none`,
/// which names no period and never goes stale), a deadline or a response limit.
pub fn period_of(table: &Table, tag: &str) -> Option<Period> {
    match table.time_def(tag)?.rule {
        TimeRule::Every(p) => p,
        _ => None,
    }
}

/// The recurring period of a task, `None` when it does not recur (or only 定期).
///
/// A task with several cadences takes the shortest: the office wants evidence as often as
/// any of its words asks for. (Tai'an's table has no such task; its 4.3.4 is yearly with a
/// deadline, which is a different thing.)
pub fn period(table: &Table, task: &Task) -> Option<Period> {
    task.time
        .iter()
        .filter_map(|req| period_of(table, &req.tag))
        .min()
}

/// What supervision needs of a task, computed once from its tags.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Schedule {
    pub due: Date,
    pub period: Option<Period>,
}

impl Schedule {
    pub fn of(table: &Table, task: &Task) -> Schedule {
        Schedule {
            due: due_date(table, task),
            period: period(table, task),
        }
    }

    /// The light for a unit whose checklist holds `entry` for the task (`None`: no record,
    /// read as 未开始), on the as-of day `day`. The first rule that applies wins:
    ///
    /// 1. [`Light::Overdue`]: neither 已完成 nor 不适用, and due before `day`;
    /// 2. [`Light::Stale`]: recurring, not 不适用, and no record or one last updated (its
    ///    China-time day) before the start of `day`'s period. A task marked 已完成 goes stale
    ///    too: each period needs fresh evidence;
    /// 3. [`Light::Soon`]: neither 已完成 nor 不适用, and due from `day` to `day` + 14 days;
    /// 4. [`Light::Done`]: 已完成 or 不适用;
    /// 5. [`Light::OnTrack`].
    ///
    /// Only the latest record is known, so a past as-of day is judged by today's record: one
    /// updated after `day` counts as fresh.
    pub fn light(&self, entry: Option<&Entry>, day: Date) -> Light {
        let status = entry.map_or(Status::default(), |e| e.status);
        let closed = matches!(status, Status::Done | Status::Na);
        if !closed && self.due < day {
            return Light::Overdue;
        }
        if let Some(period) = self.period {
            let start = period.start(day);
            let fresh = entry.is_some_and(|e| china_day(e.updated_at) >= start);
            if status != Status::Na && !fresh {
                return Light::Stale;
            }
        }
        if !closed && self.due <= day.saturating_add(Duration::days(SOON_DAYS)) {
            return Light::Soon;
        }
        if closed {
            Light::Done
        } else {
            Light::OnTrack
        }
    }
}

/// The light of a task for a unit on the as-of day (see [`Schedule::light`]).
pub fn light(table: &Table, task: &Task, entry: Option<&Entry>, day: Date) -> Light {
    Schedule::of(table, task).light(entry, day)
}

/// A task's supervision light, red to green: what the office chases first comes first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Light {
    /// 逾期: past its due date and not closed.
    Overdue,
    /// 待更新: recurring, and no record in the current period.
    Stale,
    /// 临期: due within 14 days.
    Soon,
    /// 已完成 (or 不适用).
    Done,
    /// On track, nothing due yet: key `none`, no mark.
    OnTrack,
}

impl Light {
    pub const ALL: [Light; 5] = [
        Light::Overdue,
        Light::Stale,
        Light::Soon,
        Light::Done,
        Light::OnTrack,
    ];

    /// The light's name in the URL hash (`light=`) and in `data-light`.
    pub fn key(self) -> &'static str {
        match self {
            Light::Overdue => "overdue",
            Light::Stale => "stale",
            Light::Soon => "soon",
            Light::Done => "done",
            Light::OnTrack => "none",
        }
    }

    pub fn from_key(key: &str) -> Option<Light> {
        Light::ALL.into_iter().find(|l| l.key() == key)
    }

    /// The word shown with the mark: 逾期, 待更新, 临期, 已完成; empty for a task on track,
    /// which shows no mark.
    pub fn label(self) -> &'static str {
        match self {
            Light::Overdue => "逾期",
            Light::Stale => "待更新",
            Light::Soon => "临期",
            Light::Done => "已完成",
            Light::OnTrack => "",
        }
    }

    /// The word shown for a task of status `status`: [`Light::label`], but 不适用 for a task
    /// closed as 不适用, so that the mark never says 已完成 beside a 不适用 status.
    pub fn word(self, status: Status) -> &'static str {
        match (self, status) {
            (Light::Done, Status::Na) => Status::Na.label(),
            _ => self.label(),
        }
    }
}

/// How many of a unit's tasks show each light.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LightCounts([usize; 5]);

impl LightCounts {
    pub fn get(&self, light: Light) -> usize {
        self.0[light as usize]
    }

    pub fn add(&mut self, light: Light) {
        self.0[light as usize] += 1;
    }

    /// All tasks counted.
    pub fn total(&self) -> usize {
        self.0.iter().sum()
    }
}

/// The light of each of a unit's tasks, given as indices into `table.tasks` (an index out of
/// range is skipped, as in [`Checklists::progress`]), in the order given.
pub fn lights<'a>(
    table: &'a Table,
    checklists: &'a Checklists,
    unit: &'a str,
    tasks_of_unit: &'a [usize],
    day: Date,
) -> impl Iterator<Item = (usize, Light)> + 'a {
    tasks_of_unit.iter().filter_map(move |&index| {
        let task = table.tasks.get(index)?;
        Some((
            index,
            light(table, task, checklists.get(unit, &task.id), day),
        ))
    })
}

/// The counts of lights over a unit's tasks on the as-of day, for the progress panel and the
/// office's matrix.
pub fn light_counts(
    table: &Table,
    checklists: &Checklists,
    unit: &str,
    tasks_of_unit: &[usize],
    day: Date,
) -> LightCounts {
    let mut counts = LightCounts::default();
    for (_, l) in lights(table, checklists, unit, tasks_of_unit, day) {
        counts.add(l);
    }
    counts
}

/// Why a text is not an as-of date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AsOfError {
    /// Not of the shape `YYYY-MM-DD` (four, two and two digits).
    Syntax,
    /// The month or the day does not exist (2017-13-01, 2017-02-30).
    NoSuchDay,
}

impl AsOfError {
    /// Why, in Chinese, for the notice about a bad `asof` in a link; the example is 1 July of
    /// `year`, the open table's.
    pub fn reason(self, year: i32) -> String {
        match self {
            AsOfError::Syntax => format!("格式应如 {year:04}-07-01"),
            AsOfError::NoSuchDay => "日期不存在".to_string(),
        }
    }
}

impl fmt::Display for AsOfError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AsOfError::Syntax => f.write_str("格式应为 YYYY-MM-DD"),
            AsOfError::NoSuchDay => f.write_str("日期不存在"),
        }
    }
}

impl std::error::Error for AsOfError {}

/// Parses an as-of date as the URL hash writes it, `asof=YYYY-MM-DD`: exactly ten characters,
/// zero-padded, the day must exist. Strict, so that a link names one day in one way
/// (`2017-7-1`, `2017-07-01T00:00` and ` 2017-07-01` are refused).
pub fn parse_as_of(text: &str) -> Result<Date, AsOfError> {
    let b = text.as_bytes();
    let shape = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shape {
        return Err(AsOfError::Syntax);
    }
    let number = |range: std::ops::Range<usize>| {
        b[range]
            .iter()
            .fold(0u32, |acc, &c| acc * 10 + u32::from(c - b'0'))
    };
    let (year, month, day) = (number(0..4), number(5..7), number(8..10));
    Month::try_from(month as u8)
        .and_then(|month| Date::from_calendar_date(year as i32, month, day as u8))
        .map_err(|_| AsOfError::NoSuchDay)
}

/// The as-of date as the URL hash writes it, `YYYY-MM-DD` (what [`parse_as_of`] reads back,
/// for the years 0000–9999).
pub fn format_as_of(day: Date) -> String {
    format!(
        "{:04}-{:02}-{:02}",
        day.year(),
        day.month() as u8,
        day.day()
    )
}

/// The date in Chinese without leading zeros, as the print heading and the view in words name
/// it: `2017年7月1日`.
pub fn chinese_date(day: Date) -> String {
    format!("{}年{}月{}日", day.year(), day.month() as u8, day.day())
}

/// What the lights mean, for the line beside the unit's counts: one sentence per light the
/// counts show, then the due day of a task whose words name none (the end of the table's year:
/// near it, nearly every task is 临期) and what the as-of day does.
pub fn explain(table: &Table) -> [String; 4] {
    [
        "逾期：未完成（未开始或进行中），且已过截止日期。".to_string(),
        "待更新：按周、月、季度或年办理的任务，本期还没有记录（已完成的也要每期更新）。"
            .to_string(),
        format!("临期：{SOON_DAYS} 天内到截止日期，尚未完成。"),
        format!(
            "未写明截止日期的任务，按{}计；截至日期：按这一天判断以上各项。",
            chinese_date(table.year_end())
        ),
    ]
}

/// What an as-of day other than today judges, in plain words: the lights are worked out on
/// that day, but from the records as they are now (only the latest record of a task is kept,
/// so a task done after a past day counts as done on it). `None` on today.
pub fn as_of_caveat(day: Date, today: Date) -> Option<String> {
    let on = chinese_date(day);
    match day.cmp(&today) {
        std::cmp::Ordering::Less => Some(format!(
            "说明：逾期、待更新、临期按{on}判断，但完成情况是各单位目前的最新记录，不是{on}当天的记录（在这一天之后才完成的任务也算已完成）。"
        )),
        std::cmp::Ordering::Greater => Some(format!(
            "说明：逾期、待更新、临期按{on}判断，假定各单位在此之前不再更新记录。"
        )),
        std::cmp::Ordering::Equal => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn light_keys_round_trip() {
        for light in Light::ALL {
            assert_eq!(Light::from_key(light.key()), Some(light));
        }
        assert_eq!(Light::from_key("逾期"), None);
        assert_eq!(Light::from_key(""), None);
    }
}
