//! Cleaning cells: headings, task text, and unit cells (牵头单位 / 责任单位) with their names and
//! kinds.

use crate::vocab::UnitKind;

use crate::error::{ErrorKind, ImportError};

/// The suffixes removed from the end of a unit cell, longest first.
pub const SUFFIXES: [&str; 2] = ["按职责分工分别牵头落实", "牵头落实"];

/// The source's one typo in a unit name, and its correction.
pub const TYPOS: [(&str, &str); 1] = [("市水利渔业局局", "市水利渔业局")];

/// The county-level group and its members, in this order.
pub const COUNTIES_GROUP: &str = "各县（市、区）";
pub const COUNTIES: [&str; 6] = ["泰山区", "岱岳区", "新泰市", "肥城市", "宁阳县", "东平县"];

/// The two groups whose members are every municipal department.
pub const DEPARTMENT_GROUPS: [&str; 2] = ["市政府各部门（单位）", "市政府有关部门（单位）"];

/// Central-government branches: not municipal departments.
pub const AGENCIES: [&str; 2] = ["人行泰安市中心支行", "泰安银监分局"];

pub const COLLEGES: [&str; 3] = ["山东服装职业学院", "泰山护理职业学院", "泰山职业技术学院"];

/// A pillar, section or item cell: one line of text (line breaks inside are dropped).
pub fn heading(raw: &str) -> String {
    raw.lines().map(str::trim).collect::<String>()
}

/// A task cell: its paragraphs (lines), trimmed, blank ones dropped, joined with `\n`.
pub fn paragraphs(raw: &str) -> String {
    raw.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// A unit cell without its line breaks, spaces and trailing 牵头落实 suffix.
pub fn clean_units(raw: &str) -> String {
    let compact: String = raw.chars().filter(|c| !c.is_whitespace()).collect();
    for suffix in SUFFIXES {
        if let Some(rest) = compact.strip_suffix(suffix) {
            return rest.to_string();
        }
    }
    compact
}

/// The unit names of a unit cell, in source order, without duplicates: the cell is cleaned
/// ([`clean_units`]), split on `、` outside full-width and half-width parentheses, and the known
/// typo is corrected. A blank cell gives no names. `line` is the cell's line, for errors.
pub fn split_units(raw: &str, line: usize) -> Result<Vec<String>, ImportError> {
    let cell = clean_units(raw);
    if cell.is_empty() {
        return Ok(Vec::new());
    }
    let err = |kind| ImportError { line, kind };
    let mut names: Vec<String> = Vec::new();
    let mut depth = 0usize;
    let mut current = String::new();
    for c in cell.chars() {
        match c {
            '（' | '(' => depth += 1,
            '）' | ')' => {
                depth = depth
                    .checked_sub(1)
                    .ok_or_else(|| err(ErrorKind::UnbalancedParentheses { cell: cell.clone() }))?
            }
            _ => {}
        }
        if c == '、' && depth == 0 {
            names.push(std::mem::take(&mut current));
        } else {
            current.push(c);
        }
    }
    if depth != 0 {
        return Err(err(ErrorKind::UnbalancedParentheses { cell }));
    }
    names.push(current);

    let mut out: Vec<String> = Vec::new();
    for name in names {
        if name.is_empty() {
            return Err(err(ErrorKind::EmptyUnitName { cell }));
        }
        if name.contains("牵头") {
            return Err(err(ErrorKind::LeftoverSuffix { name }));
        }
        let name = TYPOS
            .iter()
            .find(|(typo, _)| *typo == name)
            .map_or(name, |(_, fixed)| fixed.to_string());
        if !out.contains(&name) {
            out.push(name);
        }
    }
    Ok(out)
}

/// The kind of a unit name, or `None` for a name of no known kind.
pub fn unit_kind(name: &str) -> Option<UnitKind> {
    if name == COUNTIES_GROUP || DEPARTMENT_GROUPS.contains(&name) {
        Some(UnitKind::Group)
    } else if COUNTIES.contains(&name) {
        Some(UnitKind::County)
    } else if AGENCIES.contains(&name) {
        Some(UnitKind::Agency)
    } else if COLLEGES.contains(&name) {
        Some(UnitKind::College)
    } else if name.starts_with('市') {
        Some(UnitKind::Department)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_outside_parentheses_only() {
        assert_eq!(
            split_units("甲（乙、丙）、丁(戊、己)、庚", 1).unwrap(),
            ["甲（乙、丙）", "丁(戊、己)", "庚"]
        );
    }

    #[test]
    fn removes_spaces_line_breaks_and_suffix() {
        assert_eq!(
            split_units(" 市财政局、\n市 统计局按职责分工分别牵头落实 ", 1).unwrap(),
            ["市财政局", "市统计局"]
        );
        assert_eq!(split_units("市财政局牵头落实", 1).unwrap(), ["市财政局"]);
        assert!(split_units("  \n ", 1).unwrap().is_empty());
    }

    #[test]
    fn bad_cells_are_errors() {
        let e = split_units("市财政局、、市统计局", 7).unwrap_err();
        assert_eq!(e.line, 7);
        assert!(matches!(e.kind, ErrorKind::EmptyUnitName { .. }));
        let e = split_units("各县（市、区", 8).unwrap_err();
        assert!(matches!(e.kind, ErrorKind::UnbalancedParentheses { .. }));
        let e = split_units("各县市、区）", 8).unwrap_err();
        assert!(matches!(e.kind, ErrorKind::UnbalancedParentheses { .. }));
        let e = split_units("市财政局牵头落实、市统计局", 9).unwrap_err();
        assert!(matches!(e.kind, ErrorKind::LeftoverSuffix { .. }));
    }

    #[test]
    fn kinds() {
        assert_eq!(unit_kind("市财政局"), Some(UnitKind::Department));
        assert_eq!(unit_kind("市政府各部门（单位）"), Some(UnitKind::Group));
        assert_eq!(unit_kind("各县（市、区）"), Some(UnitKind::Group));
        assert_eq!(unit_kind("新泰市"), Some(UnitKind::County));
        assert_eq!(unit_kind("泰安银监分局"), Some(UnitKind::Agency));
        assert_eq!(unit_kind("泰山职业技术学院"), Some(UnitKind::College));
        assert_eq!(unit_kind("泰安市气象局"), None);
    }
}
