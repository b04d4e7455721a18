//! Unit cells into names: the lists (split on 、，,；;／/ and line breaks outside brackets),
//! the words around names (负责落实, 按职责分工落实, 配合, a closing 等 or 等相关…), a bracketed
//! short name kept as an alias (市爱国卫生运动委员会办公室（爱卫办）), the lead markers of a
//! one-column table (X牵头, A、B分别牵头落实, X牵头，Y配合, X会同Y, X会Y), and which names are
//! groups (各…, …有关部门).

use gk_core::model::Scope;

/// A name as a cell writes it, and its bracketed short name if it gives one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Name {
    pub name: String,
    pub alias: Option<String>,
}

/// The words that follow a list of names and are not part of the last one, longest first.
const TRAILING: [&str; 20] = [
    "按职责分工分别牵头落实",
    "按职责分工分别负责",
    "按职责分工负责落实",
    "按职责分工落实",
    "按职责分工负责",
    "按职责分工",
    "分别牵头落实",
    "分别牵头",
    "牵头落实",
    "牵头负责",
    "负责落实",
    "共同落实",
    "配合落实",
    "具体落实",
    "分别负责",
    "负责",
    "配合",
    "落实",
    "参与",
    "分别",
];

fn is_open(c: char) -> bool {
    matches!(c, '（' | '(' | '〔' | '【' | '[' | '［')
}

fn is_close(c: char) -> bool {
    matches!(c, '）' | ')' | '〕' | '】' | ']' | '］')
}

fn is_separator(c: char) -> bool {
    matches!(
        c,
        '、' | '，' | ',' | '；' | ';' | '／' | '/' | '\n' | '。' | '：' | ':'
    )
}

/// The names of a list of units, in order, each once. Whitespace inside names is dropped.
pub fn split(cell: &str) -> Vec<Name> {
    let compact: String = cell
        .chars()
        .filter(|c| !(c.is_whitespace() && *c != '\n'))
        .collect();
    let mut parts: Vec<String> = Vec::new();
    let mut depth = 0usize;
    let mut current = String::new();
    for c in compact.chars() {
        if is_open(c) {
            depth += 1;
        } else if is_close(c) {
            depth = depth.saturating_sub(1);
        }
        if depth == 0 && is_separator(c) {
            parts.push(std::mem::take(&mut current));
        } else {
            current.push(c);
        }
    }
    parts.push(current);
    let mut names: Vec<Name> = Vec::new();
    for part in parts {
        if let Some(name) = clean(&part) {
            if !names.iter().any(|n| n.name == name.name) {
                names.push(name);
            }
        }
    }
    names
}

/// One name without the words around it; `None` when nothing is left.
fn clean(part: &str) -> Option<Name> {
    let mut s = part.trim_start_matches('由').to_string();
    // 等相关单位, 等有关部门, 等: "and the others": the names before stand.
    if let Some(at) = s.find('等') {
        let tail = &s[at + '等'.len_utf8()..];
        if tail.is_empty()
            || [
                "相关",
                "有关",
                "单位",
                "部门",
                "负责",
                "配合",
                "落实",
                "按职责",
            ]
            .iter()
            .any(|w| tail.starts_with(w))
        {
            s.truncate(at);
        }
    }
    loop {
        let before = s.len();
        for word in TRAILING {
            if let Some(rest) = s.strip_suffix(word) {
                s = rest.to_string();
                break;
            }
        }
        if s.len() == before {
            break;
        }
    }
    if s.is_empty() {
        return None;
    }
    Some(with_alias(&s))
}

/// The endings of a unit's short name, which a bracketed alias ends with.
const UNIT_ENDINGS: [char; 20] = [
    '办', '局', '委', '部', '院', '室', '会', '队', '所', '站', '处', '科', '社', '团', '厅', '府',
    '庭', '心', '行', '署',
];

/// `X（Y）` where Y is a short name (ends like a unit, two or more characters, no list in it):
/// X with alias Y. Otherwise the brackets are part of the name (各县（市、区）, 各镇（街道）).
fn with_alias(s: &str) -> Name {
    let plain = Name {
        name: s.to_string(),
        alias: None,
    };
    let Some(last) = s.chars().next_back().filter(|&c| is_close(c)) else {
        return plain;
    };
    let body = &s[..s.len() - last.len_utf8()];
    let Some(open) = body.rfind(is_open) else {
        return plain;
    };
    let open_len = body[open..].chars().next().map_or(1, char::len_utf8);
    let inner = &body[open + open_len..];
    let outer = &body[..open];
    let alias_like = inner.chars().count() >= 2
        && !inner.contains(['、', '，', ','])
        && inner
            .chars()
            .next_back()
            .is_some_and(|c| UNIT_ENDINGS.contains(&c))
        && outer.chars().count() >= 2;
    match alias_like {
        true => Name {
            name: outer.to_string(),
            alias: Some(inner.to_string()),
        },
        false => plain,
    }
}

/// Whether a name stands for several units, and whom they bind: 各… (every one of them), or
/// 有关…/相关… (those concerned).
pub fn group_scope(name: &str) -> Option<Scope> {
    if ["有关", "相关"].iter().any(|w| name.contains(w)) {
        return Some(Scope::Concerned);
    }
    name.contains('各').then_some(Scope::All)
}

/// A one-column unit cell read for its lead: the leads, the others, and whether the cell
/// said who leads (a marker) at all.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Roles {
    pub lead: Vec<Name>,
    pub responsible: Vec<Name>,
    pub marked: bool,
}

/// Reads a cell of a table with one unit column: "X牵头", "X牵头落实", "A、B分别牵头落实",
/// "X牵头，Y等负责落实", "X牵头，Y配合", "X会同Y", "X会Y". Without a marker every name is in
/// `responsible` and `marked` is false.
pub fn roles(cell: &str) -> Roles {
    let compact: String = cell.chars().filter(|c| !c.is_whitespace()).collect();
    if let Some(at) = top_level_find(&compact, "牵头") {
        let (lead, rest) = compact.split_at(at);
        return Roles {
            lead: split(lead),
            responsible: split(rest.trim_start_matches("牵头")),
            marked: true,
        };
    }
    if let Some(at) = top_level_find(&compact, "会同") {
        let (lead, rest) = compact.split_at(at);
        return Roles {
            lead: split(lead),
            responsible: split(&rest["会同".len()..]),
            marked: true,
        };
    }
    if let Some(at) = bare_hui(&compact) {
        let (lead, rest) = compact.split_at(at);
        return Roles {
            lead: split(lead),
            responsible: split(&rest['会'.len_utf8()..]),
            marked: true,
        };
    }
    Roles {
        lead: Vec::new(),
        responsible: split(&compact),
        marked: false,
    }
}

/// The byte offset of the first comma (either width) outside brackets.
pub fn top_level_comma(s: &str) -> Option<usize> {
    top_level_find(s, "，")
        .into_iter()
        .chain(top_level_find(s, ","))
        .min()
}

/// The byte offset of `word` outside brackets.
fn top_level_find(s: &str, word: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (i, c) in s.char_indices() {
        if is_open(c) {
            depth += 1;
        } else if is_close(c) {
            depth = depth.saturating_sub(1);
        } else if depth == 0 && s[i..].starts_with(word) {
            return Some(i);
        }
    }
    None
}

/// A 会 that joins two units (市财政局会市审计局): after a unit's ending and before a name's
/// beginning, so never the 会 of 社会, 红十字会 or 联合会.
fn bare_hui(s: &str) -> Option<usize> {
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    (1..chars.len().saturating_sub(1)).find_map(|i| {
        let (at, c) = chars[i];
        let before = chars[i - 1].1;
        let after = chars[i + 1].1;
        (c == '会'
            && ['局', '委', '办', '部', '院', '府', '室', '队', '心', '行'].contains(&before)
            && ['市', '区', '县', '各', '镇', '乡', '街'].contains(&after))
        .then_some(at)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(cell: &str) -> Vec<String> {
        split(cell).into_iter().map(|n| n.name).collect()
    }

    #[test]
    fn lists_split_outside_brackets_in_either_width() {
        assert_eq!(
            names("市财政局、各县（市、区），区直各部门;市 统计局／区委办\n区政府办"),
            [
                "市财政局",
                "各县（市、区）",
                "区直各部门",
                "市统计局",
                "区委办",
                "区政府办"
            ]
        );
        assert_eq!(names("各县(市、区)"), ["各县(市、区)"]);
    }

    #[test]
    fn words_around_the_names_are_dropped() {
        assert_eq!(
            names("市发展改革委、市财政局按职责分工分别牵头落实"),
            ["市发展改革委", "市财政局"]
        );
        assert_eq!(names("区教育局等相关单位负责落实"), ["区教育局"]);
        assert_eq!(names("区卫健局等"), ["区卫健局"]);
        assert_eq!(names("区民政局配合"), ["区民政局"]);
        assert_eq!(names("由区司法局负责"), ["区司法局"]);
        // 等 inside a name stays.
        assert_eq!(names("区高等教育研究室"), ["区高等教育研究室"]);
    }

    #[test]
    fn a_bracketed_short_name_is_an_alias_but_a_bracketed_scope_is_the_name() {
        assert_eq!(
            split("市爱国卫生运动委员会办公室（爱卫办）、市大数据中心〔市大数据局〕"),
            [
                Name {
                    name: "市爱国卫生运动委员会办公室".into(),
                    alias: Some("爱卫办".into())
                },
                Name {
                    name: "市大数据中心".into(),
                    alias: Some("市大数据局".into())
                }
            ]
        );
        for kept in [
            "各镇（街道）",
            "各镇(办)",
            "市政府各部门（单位）",
            "各县（市、区）",
        ] {
            assert_eq!(split(kept)[0].alias, None, "{kept}");
            assert_eq!(split(kept)[0].name, kept);
        }
    }

    #[test]
    fn groups_and_their_scope() {
        assert_eq!(group_scope("各镇（街道）"), Some(Scope::All));
        assert_eq!(group_scope("区直各部门"), Some(Scope::All));
        assert_eq!(group_scope("市政府各有关部门"), Some(Scope::Concerned));
        assert_eq!(group_scope("相关单位"), Some(Scope::Concerned));
        assert_eq!(group_scope("区财政局"), None);
    }

    fn both(cell: &str) -> (Vec<String>, Vec<String>, bool) {
        let r = roles(cell);
        let n = |v: Vec<Name>| v.into_iter().map(|n| n.name).collect();
        (n(r.lead), n(r.responsible), r.marked)
    }

    #[test]
    fn lead_markers_of_a_one_column_table() {
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(both("区政府办牵头"), (s(&["区政府办"]), s(&[]), true));
        assert_eq!(
            both("区财政局、区税务局分别牵头落实"),
            (s(&["区财政局", "区税务局"]), s(&[]), true)
        );
        assert_eq!(
            both("区政府办牵头，各镇（街道）、区直各部门等负责落实"),
            (s(&["区政府办"]), s(&["各镇（街道）", "区直各部门"]), true)
        );
        assert_eq!(
            both("区应急局牵头，区消防大队配合"),
            (s(&["区应急局"]), s(&["区消防大队"]), true)
        );
        assert_eq!(
            both("区住建局会同区自然资源局"),
            (s(&["区住建局"]), s(&["区自然资源局"]), true)
        );
        assert_eq!(
            both("区财政局会区审计局"),
            (s(&["区财政局"]), s(&["区审计局"]), true)
        );
        // The 会 of 社会 and 红十字会 joins nothing.
        assert_eq!(
            both("区人力资源社会保障局、区红十字会"),
            (s(&[]), s(&["区人力资源社会保障局", "区红十字会"]), false)
        );
    }
}
