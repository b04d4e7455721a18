//! Time requirements in a task's text: cadences, deadlines and relative limits.
//!
//! The words (see `docs/data-format.md`):
//!
//! | tag | words |
//! |---|---|
//! | `weekly` | 每周 |
//! | `five-days` | 每五日 |
//! | `monthly` | 按月 |
//! | `quarterly` | 按季度, 每季度, 每季 |
//! | `yearly` | 每年 |
//! | `regular` | 定期 |
//! | `by-<year>-05` | 5月底前 |
//! | `by-june` | 6月底前 |
//! | `by-<year>-end` | <year>年底前, 年内 |
//! | `in-<year + 1>` | 到<year + 1>年 |
//! | `working-days` | N个工作日内 |
//! | `hours` | N小时内 |
//!
//! Digits may be ASCII or full-width; N is one or more digits or Chinese numerals. The text is
//! scanned left to right taking the longest match at each position, so 每季度 is one match (not
//! also 每季) and 每年6月底前 is 每年 then 6月底前. A number word (5月底前, N小时内, …) does not
//! match inside a longer number (15月底前), and 年内 does not match after a digit or a numeral
//! (2018年内, 三年内: those are not "within 2017"). Words the rules do not list are not tags:
//! 季度抽查 (quarterly spot checks of websites, done by the general office), 年度 (年度报告,
//! 上一年度, …), 及时, 适时.

use crate::vocab::TimeTag;

/// One pattern piece: a literal char, or a run of one or more number characters.
#[derive(Clone, Copy)]
enum Piece {
    Char(char),
    Number,
}

/// The patterns, longest first where one is a prefix of another.
fn patterns(year: i32) -> Vec<(TimeTag, Vec<Piece>)> {
    use TimeTag::*;
    let lit = |s: &str| s.chars().map(Piece::Char).collect::<Vec<_>>();
    let num = |s: &str| {
        let mut p = vec![Piece::Number];
        p.extend(s.chars().map(Piece::Char));
        p
    };
    vec![
        (Weekly, lit("每周")),
        (FiveDays, lit("每五日")),
        (Monthly, lit("按月")),
        (Quarterly, lit("按季度")),
        (Quarterly, lit("每季度")),
        (Quarterly, lit("每季")),
        (Yearly, lit("每年")),
        (Regular, lit("定期")),
        (ByMay, lit("5月底前")),
        (ByJune, lit("6月底前")),
        (ByYearEnd, lit(&format!("{year}年底前"))),
        (ByYearEnd, lit("年内")),
        (NextYear, lit(&format!("到{}年", year + 1))),
        (WorkingDays, num("个工作日内")),
        (Hours, num("小时内")),
    ]
}

/// An ASCII digit for an ASCII or full-width digit.
fn ascii_digit(c: char) -> Option<char> {
    match c {
        '0'..='9' => Some(c),
        '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32),
        _ => None,
    }
}

fn is_number_char(c: char) -> bool {
    ascii_digit(c).is_some()
        || matches!(
            c,
            '零' | '〇'
                | '一'
                | '二'
                | '两'
                | '三'
                | '四'
                | '五'
                | '六'
                | '七'
                | '八'
                | '九'
                | '十'
                | '百'
                | '千'
        )
}

/// Whether `pattern` matches at `chars[at..]`; returns the match length in chars.
fn match_at(chars: &[char], at: usize, pattern: &[Piece]) -> Option<usize> {
    let mut i = at;
    for piece in pattern {
        match *piece {
            Piece::Char(p) => {
                let c = *chars.get(i)?;
                let same = c == p || (p.is_ascii_digit() && ascii_digit(c) == Some(p));
                if !same {
                    return None;
                }
                i += 1;
            }
            Piece::Number => {
                let start = i;
                while chars.get(i).is_some_and(|&c| is_number_char(c)) {
                    i += 1;
                }
                if i == start {
                    return None;
                }
            }
        }
    }
    Some(i - at)
}

/// Whether a match at `at` would cut a number or a year: a pattern that starts with a number
/// must not follow a number char, and 年内 must not follow one either.
fn cuts_number(chars: &[char], at: usize, pattern: &[Piece]) -> bool {
    let after_number = at > 0 && is_number_char(chars[at - 1]);
    let starts_with_number = match pattern[0] {
        Piece::Number => true,
        Piece::Char(c) => c.is_ascii_digit() || c == '年',
    };
    after_number && starts_with_number
}

/// A time requirement found in a text: its tag and the words of its first appearance.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub tag: TimeTag,
    pub phrase: String,
}

impl Found {
    /// For a response limit, its number when written in digits (7 of 7个工作日内).
    pub fn count(&self) -> Option<u32> {
        if !matches!(self.tag, TimeTag::WorkingDays | TimeTag::Hours) {
            return None;
        }
        let digits: String = self.phrase.chars().map_while(ascii_digit).collect();
        digits.parse().ok()
    }
}

/// The time requirements of a task text of the table of `year`, in order of first
/// appearance, each tag once (with the words of its first appearance).
pub fn extract(text: &str, year: i32) -> Vec<Found> {
    let chars: Vec<char> = text.chars().collect();
    let patterns = patterns(year);
    let mut found: Vec<Found> = Vec::new();
    let mut at = 0;
    while at < chars.len() {
        let hit = patterns.iter().find_map(|(tag, pattern)| {
            let len = match_at(&chars, at, pattern)?;
            (!cuts_number(&chars, at, pattern)).then_some((*tag, len))
        });
        match hit {
            Some((tag, len)) => {
                if !found.iter().any(|t| t.tag == tag) {
                    found.push(Found {
                        tag,
                        phrase: chars[at..at + len].iter().collect(),
                    });
                }
                at += len;
            }
            None => at += 1,
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use TimeTag::*;

    fn tags(text: &str) -> Vec<(TimeTag, String)> {
        extract(text, 2017)
            .into_iter()
            .map(|t| (t.tag, t.phrase))
            .collect()
    }

    #[test]
    fn longest_match_first() {
        assert_eq!(tags("每季度公开"), [(Quarterly, "每季度".to_string())]);
        assert_eq!(tags("每季公开"), [(Quarterly, "每季".to_string())]);
    }

    #[test]
    fn numbers_and_full_width_digits() {
        assert_eq!(
            tags("７个工作日内"),
            [(WorkingDays, "７个工作日内".to_string())]
        );
        assert_eq!(
            tags("七个工作日内"),
            [(WorkingDays, "七个工作日内".to_string())]
        );
        assert_eq!(
            tags("２０１７年底前"),
            [(ByYearEnd, "２０１７年底前".to_string())]
        );
        assert_eq!(
            tags("到２０１８年"),
            [(NextYear, "到２０１８年".to_string())]
        );
        assert_eq!(tags("１２小时内"), [(Hours, "１２小时内".to_string())]);
    }

    #[test]
    fn no_match_inside_numbers() {
        assert!(tags("15月底前").is_empty());
        assert!(tags("2018年内").is_empty());
        assert!(tags("三年内").is_empty());
        assert!(tags("个工作日内").is_empty());
        assert!(tags("小时内").is_empty());
    }

    #[test]
    fn each_tag_once_first_phrase() {
        assert_eq!(
            tags("定期，5小时内，24小时内，定期"),
            [
                (Regular, "定期".to_string()),
                (Hours, "5小时内".to_string())
            ]
        );
    }

    #[test]
    fn unlisted_words_are_not_tags() {
        assert!(tags("季度抽查、年度报告、上一年度、及时、适时").is_empty());
    }
}
