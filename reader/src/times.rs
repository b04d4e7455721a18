//! Time phrases (a 时限 column, a 完成时限 field, or the task's own words) into what they ask:
//! a deadline (X月底前, X月X日前, 年底前, 年内, 上半年, 一季度, 2027年3月底前), a cadence (每周,
//! 每月, 按季度, 每年, 定期), a limit after an event (N个工作日内, N小时内), or no deadline at all
//! (持续推进, 长期坚持, 常态化). The year is the table's unless the phrase names one.

use gk_core::model::{AfterUnit, Period};
use serde::{Deserialize, Serialize};

/// What one phrase asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Ask {
    /// By the end of a month (`day` None) or by a day, of `year` (None: the table's).
    Due {
        year: Option<i32>,
        month: u8,
        day: Option<u8>,
    },
    Every(#[serde(with = "period_key")] Option<Period>),
    After(AfterUnitKey, Option<u32>),
    /// Ongoing work with no deadline (持续推进, 长期坚持).
    Ongoing,
    /// Every N days (每五日, 每10天): checked by the shortest calendar period that holds N days.
    EveryDays(u32),
}

/// A period as its key in the table file (`week`, …), for a reading kept in storage.
mod period_key {
    use gk_core::model::Period;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(p: &Option<Period>, s: S) -> Result<S::Ok, S::Error> {
        match p {
            Some(p) => s.serialize_some(p.key()),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Period>, D::Error> {
        let key: Option<String> = Option::deserialize(d)?;
        Ok(key.and_then(|k| Period::ALL.into_iter().find(|p| p.key() == k)))
    }
}

/// [`AfterUnit`] with an order, for sorting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum AfterUnitKey {
    WorkingDays,
    Hours,
}

impl AfterUnitKey {
    pub fn unit(self) -> AfterUnit {
        match self {
            AfterUnitKey::WorkingDays => AfterUnit::WorkingDays,
            AfterUnitKey::Hours => AfterUnit::Hours,
        }
    }
}

/// A phrase found, with its words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Found {
    pub ask: Ask,
    pub phrase: String,
}

fn digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

fn numeral(c: char) -> Option<u32> {
    Some(match c {
        '〇' | '零' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// A number at `chars[at..]` (digits, or Chinese numerals up to 99): its value and length.
fn number(chars: &[char], at: usize) -> Option<(u32, usize)> {
    let mut i = at;
    let mut value = 0u32;
    while let Some(d) = chars.get(i).copied().and_then(digit) {
        value = value.saturating_mul(10).saturating_add(d);
        i += 1;
    }
    if i > at {
        return Some((value, i - at));
    }
    // 十二, 二十四, 十, 三
    let mut tens = None;
    let mut units = 0;
    while let Some(&c) = chars.get(i) {
        if c == '十' && tens.is_none() {
            tens = Some(if i == at { 1 } else { units });
            units = 0;
        } else if let Some(n) = numeral(c) {
            units = n;
        } else {
            break;
        }
        i += 1;
        if i - at > 3 {
            break;
        }
    }
    (i > at).then(|| (tens.unwrap_or(0) * 10 + units, i - at))
}

fn lit(chars: &[char], at: usize, word: &str) -> Option<usize> {
    let n = word.chars().count();
    (chars.len() >= at + n && word.chars().zip(&chars[at..at + n]).all(|(a, &b)| a == b))
        .then_some(n)
}

/// The phrase at `at`, if one starts there: what it asks and its length.
fn at(chars: &[char], at: usize) -> Option<(Ask, usize)> {
    let after_number =
        at > 0 && (digit(chars[at - 1]).is_some() || numeral(chars[at - 1]).is_some());
    // Words first.
    const WORDS: [(&str, Ask); 28] = [
        (
            "上半年",
            Ask::Due {
                year: None,
                month: 6,
                day: None,
            },
        ),
        (
            "下半年",
            Ask::Due {
                year: None,
                month: 12,
                day: None,
            },
        ),
        (
            "第一季度",
            Ask::Due {
                year: None,
                month: 3,
                day: None,
            },
        ),
        (
            "第二季度",
            Ask::Due {
                year: None,
                month: 6,
                day: None,
            },
        ),
        (
            "第三季度",
            Ask::Due {
                year: None,
                month: 9,
                day: None,
            },
        ),
        (
            "第四季度",
            Ask::Due {
                year: None,
                month: 12,
                day: None,
            },
        ),
        (
            "一季度",
            Ask::Due {
                year: None,
                month: 3,
                day: None,
            },
        ),
        (
            "二季度",
            Ask::Due {
                year: None,
                month: 6,
                day: None,
            },
        ),
        (
            "三季度",
            Ask::Due {
                year: None,
                month: 9,
                day: None,
            },
        ),
        (
            "四季度",
            Ask::Due {
                year: None,
                month: 12,
                day: None,
            },
        ),
        (
            "年底前",
            Ask::Due {
                year: None,
                month: 12,
                day: None,
            },
        ),
        (
            "年底",
            Ask::Due {
                year: None,
                month: 12,
                day: None,
            },
        ),
        (
            "年末",
            Ask::Due {
                year: None,
                month: 12,
                day: None,
            },
        ),
        (
            "年内",
            Ask::Due {
                year: None,
                month: 12,
                day: None,
            },
        ),
        (
            "全年",
            Ask::Due {
                year: None,
                month: 12,
                day: None,
            },
        ),
        ("每周", Ask::Every(Some(Period::Week))),
        ("每月", Ask::Every(Some(Period::Month))),
        ("按月", Ask::Every(Some(Period::Month))),
        ("每季度", Ask::Every(Some(Period::Quarter))),
        ("按季度", Ask::Every(Some(Period::Quarter))),
        ("每季", Ask::Every(Some(Period::Quarter))),
        ("每年", Ask::Every(Some(Period::Year))),
        ("按年", Ask::Every(Some(Period::Year))),
        ("定期", Ask::Every(None)),
        ("持续推进", Ask::Ongoing),
        ("长期坚持", Ask::Ongoing),
        ("长期", Ask::Ongoing),
        ("常态化", Ask::Ongoing),
    ];
    for (word, ask) in WORDS {
        if let Some(n) = lit(chars, at, word) {
            // 三季度 inside 第三季度 was taken whole; 一季度 must not follow a number (十一季度).
            if after_number && word.starts_with(|c: char| numeral(c).is_some()) {
                continue;
            }
            if after_number && matches!(word, "年底前" | "年底" | "年末" | "年内" | "全年")
            {
                continue;
            }
            return Some((ask, n));
        }
    }
    if after_number {
        return None;
    }
    // 每五日, 每10天: a cadence of N days (2 to 366).
    if lit(chars, at, "每").is_some() {
        let (n, len) = number(chars, at + 1)?;
        let unit = lit(chars, at + 1 + len, "日").or_else(|| lit(chars, at + 1 + len, "天"))?;
        return (2..=366)
            .contains(&n)
            .then_some((Ask::EveryDays(n), 1 + len + unit));
    }
    // 到2018年: by the end of that year, unless a month or 年底 follows (to be read from the
    // number on).
    if lit(chars, at, "到").is_some() {
        let (y, len) = number(chars, at + 1)?;
        let i = at + 1 + len;
        let next = chars.get(i + 1).copied();
        let more = next.is_some_and(|c| {
            digit(c).is_some() || numeral(c).is_some() || "底末内上下".contains(c)
        });
        return ((2000..=2100).contains(&y) && lit(chars, i, "年").is_some() && !more).then_some((
            Ask::Due {
                year: Some(y as i32),
                month: 12,
                day: None,
            },
            i + 1 - at,
        ));
    }
    // YYYY年 before a month or 年底前.
    let (first, first_len) = number(chars, at)?;
    let mut i = at + first_len;
    let mut year = None;
    if (2000..=2100).contains(&first) && lit(chars, i, "年").is_some() {
        year = Some(first as i32);
        i += 1;
        for end in ["底前", "底", "末前", "末"] {
            if let Some(n) = lit(chars, i, end) {
                return Some((
                    Ask::Due {
                        year,
                        month: 12,
                        day: None,
                    },
                    i + n - at,
                ));
            }
        }
        if let Some(n) = lit(chars, i, "内") {
            return Some((
                Ask::Due {
                    year,
                    month: 12,
                    day: None,
                },
                i + n - at,
            ));
        }
        if let Some(n) = lit(chars, i, "上半年") {
            return Some((
                Ask::Due {
                    year,
                    month: 6,
                    day: None,
                },
                i + n - at,
            ));
        }
        if lit(chars, i, "年").is_none() && number(chars, i).is_none() {
            return None;
        }
    }
    let (month, month_len) = if year.is_some() {
        number(chars, i)?
    } else {
        (first, 0)
    };
    i += month_len;
    if let Some(n) = lit(chars, i, "个工作日") {
        let n2 = lit(chars, i + n, "内").unwrap_or(0);
        return Some((
            Ask::After(AfterUnitKey::WorkingDays, Some(month)),
            i + n + n2 - at,
        ));
    }
    if let Some(n) = lit(chars, i, "小时") {
        let n2 = lit(chars, i + n, "内").unwrap_or(0);
        return Some((
            Ask::After(AfterUnitKey::Hours, Some(month)),
            i + n + n2 - at,
        ));
    }
    if !(1..=12).contains(&month) {
        return None;
    }
    let month = month as u8;
    if let Some(n) = lit(chars, i, "月") {
        i += n;
    } else if let Some(n) = lit(chars, i, "月份") {
        i += n;
    } else {
        return None;
    }
    for end in ["底前", "底", "末前", "末", "中旬前", "前"] {
        if let Some(n) = lit(chars, i, end) {
            let day = match end {
                "中旬前" => Some(20),
                _ => None,
            };
            return Some((Ask::Due { year, month, day }, i + n - at));
        }
    }
    if let Some((d, n)) = number(chars, i) {
        if (1..=31).contains(&d) && lit(chars, i + n, "日").is_some() {
            let mut len = i + n + 1 - at;
            len += lit(chars, i + n + 1, "前").unwrap_or(0);
            return Some((
                Ask::Due {
                    year,
                    month,
                    day: Some(d as u8),
                },
                len,
            ));
        }
    }
    None
}

/// Every phrase of a text, left to right, each ask once (with its first words).
pub fn find(text: &str) -> Vec<Found> {
    let chars: Vec<char> = text.chars().collect();
    let mut found: Vec<Found> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        match at(&chars, i) {
            Some((ask, len)) => {
                if !found.iter().any(|f| f.ask == ask) {
                    found.push(Found {
                        ask,
                        phrase: chars[i..i + len].iter().collect(),
                    });
                }
                i += len;
            }
            None => i += 1,
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn due(month: u8, day: Option<u8>) -> Ask {
        Ask::Due {
            year: None,
            month,
            day,
        }
    }

    fn asks(text: &str) -> Vec<(Ask, String)> {
        find(text).into_iter().map(|f| (f.ask, f.phrase)).collect()
    }

    #[test]
    fn deadlines() {
        assert_eq!(asks("6月底前"), [(due(6, None), "6月底前".into())]);
        assert_eq!(asks("３月底前完成"), [(due(3, None), "３月底前".into())]);
        assert_eq!(asks("十一月底前"), [(due(11, None), "十一月底前".into())]);
        assert_eq!(asks("9月15日前"), [(due(9, Some(15)), "9月15日前".into())]);
        assert_eq!(asks("年底前"), [(due(12, None), "年底前".into())]);
        assert_eq!(asks("年内完成"), [(due(12, None), "年内".into())]);
        assert_eq!(asks("上半年"), [(due(6, None), "上半年".into())]);
        assert_eq!(asks("三季度"), [(due(9, None), "三季度".into())]);
        assert_eq!(
            asks("2027年3月底前"),
            [(
                Ask::Due {
                    year: Some(2027),
                    month: 3,
                    day: None
                },
                "2027年3月底前".into()
            )]
        );
        assert_eq!(
            asks("2026年底前"),
            [(
                Ask::Due {
                    year: Some(2026),
                    month: 12,
                    day: None
                },
                "2026年底前".into()
            )]
        );
    }

    #[test]
    fn two_dates_in_one_cell_are_both_found() {
        assert_eq!(
            asks("5月底前启动，10月底前完成"),
            [
                (due(5, None), "5月底前".into()),
                (due(10, None), "10月底前".into())
            ]
        );
    }

    #[test]
    fn cadences_limits_and_no_deadline() {
        assert_eq!(
            asks("每季度"),
            [(Ask::Every(Some(Period::Quarter)), "每季度".into())]
        );
        assert_eq!(asks("定期"), [(Ask::Every(None), "定期".into())]);
        assert_eq!(asks("持续推进"), [(Ask::Ongoing, "持续推进".into())]);
        assert_eq!(asks("长期坚持"), [(Ask::Ongoing, "长期坚持".into())]);
        assert_eq!(
            asks("收到申请后20个工作日内"),
            [(
                Ask::After(AfterUnitKey::WorkingDays, Some(20)),
                "20个工作日内".into()
            )]
        );
        assert_eq!(
            asks("二十四小时内"),
            [(
                Ask::After(AfterUnitKey::Hours, Some(24)),
                "二十四小时内".into()
            )]
        );
    }

    #[test]
    fn every_n_days_and_by_a_later_year() {
        assert_eq!(
            asks("每五日发布一次"),
            [(Ask::EveryDays(5), "每五日".into())]
        );
        assert_eq!(asks("每10天"), [(Ask::EveryDays(10), "每10天".into())]);
        let y2018 = Ask::Due {
            year: Some(2018),
            month: 12,
            day: None,
        };
        assert_eq!(asks("到2018年实现全覆盖"), [(y2018, "到2018年".into())]);
        assert_eq!(asks("到2018年底"), [(y2018, "2018年底".into())]);
        assert_eq!(
            asks("到2018年6月底前"),
            [(
                Ask::Due {
                    year: Some(2018),
                    month: 6,
                    day: None
                },
                "2018年6月底前".into()
            )]
        );
    }

    #[test]
    fn no_phrase_inside_numbers_or_other_words() {
        assert!(asks("13月底前").is_empty());
        assert!(asks("2018年内").len() == 1); // 2018年内: within 2018
        assert_eq!(
            asks("2018年内")[0].0,
            Ask::Due {
                year: Some(2018),
                month: 12,
                day: None
            }
        );
        assert!(asks("三年内").is_empty());
        assert!(asks("每日").is_empty());
        assert!(asks("到年底").len() == 1);
        assert!(asks("及时、适时、年度报告").is_empty());
    }
}
