//! The view in the URL hash: `#unit=%E5%B8%82%E8%B4%A2%E6%94%BF%E5%B1%80&pillar=1&q=...`.
//!
//! Keys, in the order [`format()`] writes them: `unit`, `role` (`lead` | `responsible`),
//! `pillar` (a pillar id), `section` (`P.S`), `time` (a [`TimeTag::key`]), `status`
//! ([`StatusFilter::key`]: a status, or `open` for 未完成), `light` ([`Light::key`]), `asof`
//! (the as-of day, `YYYY-MM-DD`), `q` (the search term). Values are percent-encoded UTF-8.
//!
//! Parsing is lenient: a leading `#` is optional, unknown keys and empty values are ignored,
//! a key given twice counts once (the last), `+` reads as a space (as in form-encoded URLs;
//! [`format()`] writes a space as `%20` and `+` as `%2B`, so nothing is lost), and raw non-ASCII
//! text is accepted as it is. An invalid value is dropped and reported.

use crate::filter::Filter;
use crate::model::Table;
use crate::status::StatusFilter;
use crate::supervision::{format_as_of, parse_as_of, Light};
use crate::units::{is_pickable, Role};

/// A value of the hash that was dropped, and why, for the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HashProblem {
    /// The key whose value was dropped.
    pub key: &'static str,
    /// A Chinese sentence, e.g. 链接中的单位“XX局”不存在，已忽略。
    pub message: String,
}

const KEYS: [&str; 9] = [
    "unit", "role", "pillar", "section", "time", "status", "light", "asof", "q",
];

/// What a key is called in messages.
fn key_name(key: &str) -> &'static str {
    match key {
        "unit" => "单位",
        "role" => "角色",
        "pillar" => "支柱",
        "section" => "分项",
        "time" => "时间要求",
        "status" => "状态",
        "light" => "督办状态",
        "asof" => "截至日期",
        _ => "搜索词",
    }
}

/// Why a value could not be decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecodeError {
    /// A `%` not followed by two hex digits.
    Percent,
    /// The bytes are not UTF-8.
    Utf8,
}

/// Percent-decodes `s` (and reads `+` as a space).
pub fn decode(s: &str) -> Result<String, DecodeError> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = |b: u8| (b as char).to_digit(16);
                let hi = bytes.get(i + 1).and_then(|&b| hex(b));
                let lo = bytes.get(i + 2).and_then(|&b| hex(b));
                match (hi, lo) {
                    (Some(hi), Some(lo)) => out.push((hi * 16 + lo) as u8),
                    _ => return Err(DecodeError::Percent),
                }
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).map_err(|_| DecodeError::Utf8)
}

/// Percent-encodes `s`: every byte but `A–Z a–z 0–9 - . _ ~` becomes `%XX` (upper-case hex).
pub fn encode(s: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(s.len());
    for &b in s.as_bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push('%');
            out.push(HEX[(b >> 4) as usize] as char);
            out.push(HEX[(b & 15) as usize] as char);
        }
    }
    out
}

/// A value quoted in a message: long garbage is cut short.
fn shown(value: &str) -> String {
    const MAX: usize = 30;
    if value.chars().count() > MAX {
        let cut: String = value.chars().take(MAX).collect();
        format!("{cut}…")
    } else {
        value.to_string()
    }
}

/// The filter the hash describes, and the values that were dropped. Never panics.
pub fn parse(hash: &str, table: &Table) -> (Filter, Vec<HashProblem>) {
    let hash = hash.strip_prefix('#').unwrap_or(hash);
    // The last raw value of each known key.
    let mut raw: [Option<&str>; KEYS.len()] = [None; KEYS.len()];
    for part in hash.split('&') {
        let (key, value) = part.split_once('=').unwrap_or((part, ""));
        let Ok(key) = decode(key) else { continue };
        if let Some(k) = KEYS.iter().position(|&k| k == key) {
            raw[k] = Some(value);
        }
    }

    let mut problems = Vec::new();
    let mut problem =
        |key: &'static str, message: String| problems.push(HashProblem { key, message });
    // Decoded, non-empty values.
    let mut values: [Option<String>; KEYS.len()] = Default::default();
    for (k, value) in raw.iter().enumerate() {
        let Some(value) = value.filter(|v| !v.is_empty()) else {
            continue;
        };
        let key = KEYS[k];
        match decode(value) {
            Ok(v) if v.is_empty() => {}
            Ok(v) => values[k] = Some(v),
            Err(DecodeError::Percent) => problem(
                key,
                format!(
                    "链接中的{}“{}”编码有误，已忽略。",
                    key_name(key),
                    shown(value)
                ),
            ),
            Err(DecodeError::Utf8) => problem(
                key,
                format!("链接中的{}不是有效的 UTF-8 文本，已忽略。", key_name(key)),
            ),
        }
    }
    let [unit, role, pillar, section, time, status, light, as_of, q] = values;

    let mut f = Filter::default();
    if let Some(unit) = unit {
        if is_pickable(table, &unit) {
            f.unit = Some(unit);
        } else if table.unit(&unit).is_some() {
            problem(
                "unit",
                format!(
                    "链接中的“{}”是单位分组，不是单个单位，已忽略。",
                    shown(&unit)
                ),
            );
        } else {
            problem(
                "unit",
                format!("链接中的单位“{}”不存在，已忽略。", shown(&unit)),
            );
        }
    }
    if let Some(role) = role {
        match Role::from_key(&role) {
            Some(r) => f.role = Some(r),
            None => problem(
                "role",
                format!(
                    "链接中的角色“{}”无效（应为 lead 或 responsible），已忽略。",
                    shown(&role)
                ),
            ),
        }
    }
    if let Some(pillar) = pillar {
        let id = Some(&pillar)
            .filter(|p| p.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|p| p.parse::<u8>().ok())
            .filter(|&id| table.pillar(id).is_some());
        match id {
            Some(id) => f.pillar = Some(id),
            None => problem(
                "pillar",
                format!("链接中的支柱“{}”不存在，已忽略。", shown(&pillar)),
            ),
        }
    }
    if let Some(section) = section {
        match table.section(&section) {
            None => problem(
                "section",
                format!("链接中的分项“{}”不存在，已忽略。", shown(&section)),
            ),
            Some(s) if f.pillar.is_some_and(|p| p != s.pillar) => problem(
                "section",
                format!("链接中的分项“{}”不属于所选支柱，已忽略。", shown(&section)),
            ),
            Some(_) => f.section = Some(section),
        }
    }
    if let Some(time) = time {
        match table.time_def(&time) {
            Some(_) => f.time = Some(time),
            None => problem(
                "time",
                format!("链接中的时间要求“{}”无效，已忽略。", shown(&time)),
            ),
        }
    }
    if let Some(status) = status {
        match StatusFilter::from_key(&status) {
            Some(s) => f.status = Some(s),
            None => problem(
                "status",
                format!("链接中的状态“{}”无效，已忽略。", shown(&status)),
            ),
        }
    }
    if let Some(light) = light {
        match Light::from_key(&light) {
            Some(l) => f.light = Some(l),
            None => problem(
                "light",
                format!(
                    "链接中的督办状态“{}”无效（应为 overdue、stale、soon、done 或 none），已忽略。",
                    shown(&light)
                ),
            ),
        }
    }
    if let Some(as_of) = as_of {
        match parse_as_of(&as_of) {
            Ok(day) => f.as_of = Some(day),
            Err(e) => problem(
                "asof",
                format!(
                    "链接中的截至日期“{}”无效（{}），已忽略。",
                    shown(&as_of),
                    e.reason(table.dataset.year)
                ),
            ),
        }
    }
    if let Some(q) = q {
        f.query = q;
    }
    // Report in key order, whatever the reason.
    let rank = |key: &str| KEYS.iter().position(|&k| k == key);
    problems.sort_by_key(|p| rank(p.key));
    (f, problems)
}

/// The hash for `filter`, without the leading `#`; `""` for the empty filter. Keys in a fixed
/// order, so that equal filters give equal hashes.
pub fn format(filter: &Filter) -> String {
    let pillar = filter.pillar.map(|p| p.to_string());
    let as_of = filter.as_of.map(format_as_of);
    let pairs = [
        ("unit", filter.unit.as_deref()),
        ("role", filter.role.map(Role::key)),
        ("pillar", pillar.as_deref()),
        ("section", filter.section.as_deref()),
        ("time", filter.time.as_deref()),
        ("status", filter.status.map(StatusFilter::key)),
        ("light", filter.light.map(Light::key)),
        ("asof", as_of.as_deref()),
        ("q", Some(filter.query.as_str()).filter(|q| !q.is_empty())),
    ];
    let mut out = String::new();
    for (key, value) in pairs {
        if let Some(value) = value {
            if !out.is_empty() {
                out.push('&');
            }
            out.push_str(key);
            out.push('=');
            out.push_str(&encode(value));
        }
    }
    out
}
