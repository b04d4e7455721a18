//! Points in time as the checklist stores and exchanges them: UTC milliseconds since the Unix
//! epoch, written as RFC 3339 text.
//!
//! Timestamps are compared by value ([`Ord`] on the milliseconds), never as text:
//! `2017-06-29T18:00:00+08:00` and `2017-06-29T10:00:00Z` are the same instant.
//!
//! The range is the years 0000–9999, the years RFC 3339 can write: [`Timestamp::parse`] refuses
//! an instant outside it and [`Timestamp::from_millis`] clamps to it, so every `Timestamp`
//! formats to text that parses back to itself.
//!
//! The calendar is the `time` crate's: it validates dates, times and offsets and converts
//! between instants and calendar fields. This module keeps the value (milliseconds, what
//! JavaScript's `Date.now()` gives and what merges compare), the strict RFC 3339 shape (`time`'s
//! RFC 3339 parser takes any separator for `T` and leap seconds, which files must not hold) and
//! the canonical text (`time` drops trailing zeros of the fraction; files have always had
//! none or three digits).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use time::{Date, Duration, Month, PrimitiveDateTime, Time, UtcDateTime, UtcOffset};

/// China Standard Time (UTC+8), in minutes east of UTC: the offset for dates in file names and
/// times shown to users.
pub const CHINA_OFFSET_MINUTES: i32 = 8 * 60;

const MS_PER_MINUTE: i64 = 60_000;

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
            TimestampErrorKind::Syntax => "格式应为 YYYY-MM-DDThh:mm:ss 加时区（如 Z 或 +08:00）",
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

    /// The instant at the start of its minute (the seconds and milliseconds dropped): what a
    /// time written to the minute, as the CSV export writes it, reads back as. China time is a
    /// whole number of minutes from UTC, so the minute is the same in both.
    pub const fn to_minute(self) -> Timestamp {
        Timestamp(self.0.div_euclid(MS_PER_MINUTE) * MS_PER_MINUTE)
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
        let date = Month::try_from(month as u8)
            .and_then(|month| Date::from_calendar_date(year as i32, month, day as u8))
            .map_err(|_| err(TimestampErrorKind::Date))?;
        let time = Time::from_hms_milli(hour as u8, minute as u8, second as u8, milli as u16)
            .map_err(|_| err(TimestampErrorKind::Time))?;
        let offset =
            UtcOffset::from_hms((offset_minutes / 60) as i8, (offset_minutes % 60) as i8, 0)
                .map_err(|_| err(TimestampErrorKind::Offset))?;
        let instant = PrimitiveDateTime::new(date, time).assume_offset(offset);
        let ms = instant.unix_timestamp() * 1000 + i64::from(instant.millisecond());
        if !(Self::MIN.0..=Self::MAX.0).contains(&ms) {
            return Err(err(TimestampErrorKind::Range));
        }
        Ok(Timestamp(ms))
    }

    /// The calendar fields of the instant as seen at `offset_minutes` east of UTC. (Not
    /// `UtcOffset`, whose range is ±25 hours: any offset is shown.)
    fn fields_in(self, offset_minutes: i32) -> UtcDateTime {
        let local = self.0 + i64::from(offset_minutes) * MS_PER_MINUTE;
        UtcDateTime::UNIX_EPOCH.saturating_add(Duration::milliseconds(local))
    }

    /// The canonical text: `YYYY-MM-DDTHH:MM:SSZ`, or `YYYY-MM-DDTHH:MM:SS.mmmZ` when the
    /// milliseconds are not zero. (Also what [`Display`](fmt::Display) and serde write.)
    pub fn to_rfc3339(self) -> String {
        let f = self.fields_in(0);
        let mut s = format!(
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}",
            f.year(),
            f.month() as u8,
            f.day(),
            f.hour(),
            f.minute(),
            f.second()
        );
        if f.millisecond() != 0 {
            s.push_str(&format!(".{:03}", f.millisecond()));
        }
        s.push('Z');
        s
    }

    /// The calendar day of the instant at the given offset (minutes east of UTC); pass
    /// [`CHINA_OFFSET_MINUTES`] for the day in China time (`2017-06-30T15:59Z` is 30 June,
    /// `2017-06-30T16:00Z` is 1 July).
    pub fn date_in(self, offset_minutes: i32) -> Date {
        self.fields_in(offset_minutes).date()
    }

    /// The calendar day and the wall-clock time (hour, minute, second) of the instant at the
    /// given offset (minutes east of UTC), e.g. for a spreadsheet's date-time cells.
    pub fn civil_in(self, offset_minutes: i32) -> (Date, (u16, u8, u8)) {
        let f = self.fields_in(offset_minutes);
        (f.date(), (u16::from(f.hour()), f.minute(), f.second()))
    }

    /// The date at the given offset (minutes east of UTC) as `YYYYMMDD`, for file names;
    /// pass [`CHINA_OFFSET_MINUTES`] for China time.
    pub fn date_compact_in(self, offset_minutes: i32) -> String {
        let f = self.fields_in(offset_minutes);
        format!("{:04}{:02}{:02}", f.year(), f.month() as u8, f.day())
    }

    /// The date and time to the minute at the given offset, as `YYYY-MM-DD HH:MM`
    /// (e.g. `2017-06-29 18:00` for `2017-06-29T10:00:00Z` in China time).
    pub fn to_local_display(self, offset_minutes: i32) -> String {
        let f = self.fields_in(offset_minutes);
        format!(
            "{:04}-{:02}-{:02} {:02}:{:02}",
            f.year(),
            f.month() as u8,
            f.day(),
            f.hour(),
            f.minute()
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
        assert_eq!(Timestamp::MIN.to_rfc3339(), "0000-01-01T00:00:00Z");
        assert_eq!(Timestamp::MAX.to_rfc3339(), "9999-12-31T23:59:59.999Z");
        assert_eq!(Timestamp::parse("0000-01-01T00:00:00Z"), Ok(Timestamp::MIN));
        assert_eq!(
            Timestamp::parse("9999-12-31T23:59:59.999Z"),
            Ok(Timestamp::MAX)
        );
    }

    #[test]
    fn any_offset_is_shown_even_past_the_range() {
        assert_eq!(
            Timestamp::MAX.to_local_display(CHINA_OFFSET_MINUTES),
            "10000-01-01 07:59"
        );
        assert_eq!(Timestamp::MIN.to_local_display(-1), "-001-12-31 23:59");
        assert_eq!(
            Timestamp::from_millis(0).to_local_display(26 * 60),
            "1970-01-02 02:00"
        );
    }
}
