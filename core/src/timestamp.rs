//! Points in time as the checklist stores and exchanges them: UTC milliseconds since the Unix
//! epoch, written as RFC 3339 text.
//!
//! Timestamps are compared by value ([`Ord`] on the milliseconds), never as text:
//! `2017-06-29T18:00:00+08:00` and `2017-06-29T10:00:00Z` are the same instant.
//!
//! The range is the years 0000–9999, the years RFC 3339 can write: [`Timestamp::parse`] refuses
//! an instant outside it and [`Timestamp::from_millis`] clamps to it, so every `Timestamp`
//! formats to text that parses back to itself.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// China Standard Time (UTC+8), in minutes east of UTC: the offset for dates in file names and
/// times shown to users.
pub const CHINA_OFFSET_MINUTES: i32 = 8 * 60;

const MS_PER_SECOND: i64 = 1000;
const MS_PER_MINUTE: i64 = 60 * MS_PER_SECOND;
const MS_PER_DAY: i64 = 24 * 60 * MS_PER_MINUTE;

/// A UTC instant with millisecond precision.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(i64);

/// Why a text is not an RFC 3339 timestamp.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimestampErrorKind {
    /// Not of the shape `YYYY-MM-DDTHH:MM:SS[.fff…](Z|±hh:mm)`.
    Syntax,
    /// The month or the day does not exist (month 13, 2017-06-31, 2017-02-29).
    Date,
    /// Hour, minute or second out of range (a leap second `:60` included).
    Time,
    /// The UTC offset is out of range (hours above 23 or minutes above 59).
    Offset,
    /// The instant falls outside the years 0000–9999 once the offset is applied.
    Range,
}

/// A text that is not a valid timestamp, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimestampError {
    pub input: String,
    pub kind: TimestampErrorKind,
}

impl TimestampError {
    /// Why, in Chinese, without the text: e.g. `日期不存在`.
    pub fn reason(&self) -> &'static str {
        match self.kind {
            TimestampErrorKind::Syntax => "格式应如 2017-06-29T10:00:00Z",
            TimestampErrorKind::Date => "日期不存在",
            TimestampErrorKind::Time => "时、分、秒超出范围",
            TimestampErrorKind::Offset => "时区偏移超出范围",
            TimestampErrorKind::Range => "超出 0000—9999 年的范围",
        }
    }
}

impl fmt::Display for TimestampError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "时间“{}”无效：{}", self.input, self.reason())
    }
}

impl std::error::Error for TimestampError {}

/// Days from 1970-01-01 to the given proleptic Gregorian date (H. Hinnant's `days_from_civil`).
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date of the given day count from 1970-01-01 (H. Hinnant's `civil_from_days`).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

fn is_leap(year: i64) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// The number of days in the month (1–12) of the year.
pub fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// The broken-down fields of an instant: year, month, day, hour, minute, second, millisecond.
struct Fields {
    year: i64,
    month: u32,
    day: u32,
    hour: u32,
    minute: u32,
    second: u32,
    milli: u32,
}

impl Timestamp {
    /// 0000-01-01T00:00:00Z, the earliest instant.
    pub const MIN: Timestamp = Timestamp(-62_167_219_200_000);
    /// 9999-12-31T23:59:59.999Z, the latest instant.
    pub const MAX: Timestamp = Timestamp(253_402_300_799_999);

    /// The instant `ms` milliseconds after 1970-01-01T00:00:00Z (JavaScript's `Date.now()`),
    /// clamped to [`Timestamp::MIN`]..=[`Timestamp::MAX`].
    pub const fn from_millis(ms: i64) -> Timestamp {
        if ms < Self::MIN.0 {
            Self::MIN
        } else if ms > Self::MAX.0 {
            Self::MAX
        } else {
            Timestamp(ms)
        }
    }

    /// Milliseconds since 1970-01-01T00:00:00Z.
    pub const fn millis(self) -> i64 {
        self.0
    }

    /// The instant `ms` milliseconds later (clamped).
    pub const fn plus_millis(self, ms: i64) -> Timestamp {
        Timestamp::from_millis(self.0.saturating_add(ms))
    }

    /// Parses an RFC 3339 timestamp: `YYYY-MM-DDTHH:MM:SS`, optional fractional seconds of any
    /// length (cut to milliseconds, not rounded), then `Z` or an offset `±hh:mm`. `T` and `Z`
    /// may be lower case. The date must exist (leap years included); a leap second (`:60`) is
    /// refused.
    pub fn parse(text: &str) -> Result<Timestamp, TimestampError> {
        let err = |kind| TimestampError {
            input: text.to_string(),
            kind,
        };
        let b = text.as_bytes();
        let digits = |from: usize, len: usize| -> Option<u32> {
            let part = b.get(from..from + len)?;
            part.iter().try_fold(0u32, |acc, &c| {
                c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0'))
            })
        };
        let byte_is = |at: usize, options: &[u8]| b.get(at).is_some_and(|c| options.contains(c));
        let syntax = || err(TimestampErrorKind::Syntax);

        let year = digits(0, 4).ok_or_else(syntax)?;
        let month = digits(5, 2).ok_or_else(syntax)?;
        let day = digits(8, 2).ok_or_else(syntax)?;
        let hour = digits(11, 2).ok_or_else(syntax)?;
        let minute = digits(14, 2).ok_or_else(syntax)?;
        let second = digits(17, 2).ok_or_else(syntax)?;
        if !(byte_is(4, b"-")
            && byte_is(7, b"-")
            && byte_is(10, b"Tt")
            && byte_is(13, b":")
            && byte_is(16, b":"))
        {
            return Err(syntax());
        }
        let mut at = 19;
        let mut milli = 0u32;
        if byte_is(at, b".") {
            at += 1;
            let start = at;
            while b.get(at).is_some_and(u8::is_ascii_digit) {
                if at - start < 3 {
                    milli = milli * 10 + u32::from(b[at] - b'0');
                }
                at += 1;
            }
            let len = at - start;
            if len == 0 {
                return Err(syntax());
            }
            for _ in len..3 {
                milli *= 10;
            }
        }
        let offset_minutes: i64 = match b.get(at) {
            Some(b'Z' | b'z') => {
                at += 1;
                0
            }
            Some(&sign @ (b'+' | b'-')) => {
                let oh = digits(at + 1, 2).ok_or_else(syntax)?;
                let om = digits(at + 4, 2).ok_or_else(syntax)?;
                if !byte_is(at + 3, b":") {
                    return Err(syntax());
                }
                if oh > 23 || om > 59 {
                    return Err(err(TimestampErrorKind::Offset));
                }
                at += 6;
                let minutes = i64::from(oh * 60 + om);
                if sign == b'-' {
                    -minutes
                } else {
                    minutes
                }
            }
            _ => return Err(syntax()),
        };
        if at != b.len() {
            return Err(syntax());
        }
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(i64::from(year), month) {
            return Err(err(TimestampErrorKind::Date));
        }
        if hour > 23 || minute > 59 || second > 59 {
            return Err(err(TimestampErrorKind::Time));
        }
        let local = days_from_civil(i64::from(year), month, day) * MS_PER_DAY
            + i64::from(hour * 3600 + minute * 60 + second) * MS_PER_SECOND
            + i64::from(milli);
        let ms = local - offset_minutes * MS_PER_MINUTE;
        if !(Self::MIN.0..=Self::MAX.0).contains(&ms) {
            return Err(err(TimestampErrorKind::Range));
        }
        Ok(Timestamp(ms))
    }

    fn fields_in(self, offset_minutes: i32) -> Fields {
        let local = self.0 + i64::from(offset_minutes) * MS_PER_MINUTE;
        let days = local.div_euclid(MS_PER_DAY);
        let in_day = local.rem_euclid(MS_PER_DAY);
        let (year, month, day) = civil_from_days(days);
        Fields {
            year,
            month,
            day,
            hour: (in_day / (3600 * MS_PER_SECOND)) as u32,
            minute: (in_day / MS_PER_MINUTE % 60) as u32,
            second: (in_day / MS_PER_SECOND % 60) as u32,
            milli: (in_day % MS_PER_SECOND) as u32,
        }
    }

    /// The canonical text: `YYYY-MM-DDTHH:MM:SSZ`, or `YYYY-MM-DDTHH:MM:SS.mmmZ` when the
    /// milliseconds are not zero. (Also what [`Display`](fmt::Display) and serde write.)
    pub fn to_rfc3339(self) -> String {
        let f = self.fields_in(0);
        let mut s = format!(
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}",
            f.year, f.month, f.day, f.hour, f.minute, f.second
        );
        if f.milli != 0 {
            s.push_str(&format!(".{:03}", f.milli));
        }
        s.push('Z');
        s
    }

    /// The date at the given offset (minutes east of UTC) as `YYYYMMDD`, for file names;
    /// pass [`CHINA_OFFSET_MINUTES`] for China time.
    pub fn date_compact_in(self, offset_minutes: i32) -> String {
        let f = self.fields_in(offset_minutes);
        format!("{:04}{:02}{:02}", f.year, f.month, f.day)
    }

    /// The date and time to the minute at the given offset, as `YYYY-MM-DD HH:MM`
    /// (e.g. `2017-06-29 18:00` for `2017-06-29T10:00:00Z` in China time).
    pub fn to_local_display(self, offset_minutes: i32) -> String {
        let f = self.fields_in(offset_minutes);
        format!(
            "{:04}-{:02}-{:02} {:02}:{:02}",
            f.year, f.month, f.day, f.hour, f.minute
        )
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_rfc3339())
    }
}

impl FromStr for Timestamp {
    type Err = TimestampError;
    fn from_str(s: &str) -> Result<Timestamp, TimestampError> {
        Timestamp::parse(s)
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_rfc3339())
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Timestamp, D::Error> {
        let text = String::deserialize(deserializer)?;
        Timestamp::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds_are_the_years_0000_to_9999() {
        assert_eq!(days_from_civil(0, 1, 1) * MS_PER_DAY, Timestamp::MIN.0);
        assert_eq!(
            days_from_civil(9999, 12, 31) * MS_PER_DAY + MS_PER_DAY - 1,
            Timestamp::MAX.0
        );
    }

    #[test]
    fn civil_round_trip() {
        for days in (Timestamp::MIN.0 / MS_PER_DAY..=Timestamp::MAX.0 / MS_PER_DAY).step_by(97) {
            let (y, m, d) = civil_from_days(days);
            assert!(d >= 1 && d <= days_in_month(y, m));
            assert_eq!(days_from_civil(y, m, d), days);
        }
    }
}
