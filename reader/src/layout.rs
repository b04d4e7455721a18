//! The layout rules: from a document's blocks to a [`Reading`].
//!
//! A table is read from its header row, the first row (of the first eight) that names at least
//! two kinds of column, one of them a unit column. Each grid column takes the role of the
//! header cell above it; a task or text header spanning k columns gives k − 1 hierarchy
//! columns and the text column (the rightmost). A row shorter than the header is aligned from
//! the right (a copy drops the cells merged from above). Without such a table the document is
//! read as numbered prose (family D).

use crate::grid::{Block, Grid, Slot};
use crate::reading::{Family, Mark, Read, Reading};
use crate::times;
use crate::units::{self, Name};
use crate::ReadError;

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Seq,
    /// A task heading (工作任务, 重点任务, 目标): a hierarchy level, or the text without one.
    Task,
    /// The task's requirements (工作要求, 具体内容, 工作任务及要求).
    Text,
    Lead,
    Responsible,
    /// One column for both (牵头及责任单位).
    Units,
    Time,
    Note,
}

fn compact(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn role(header: &str) -> Option<Role> {
    let h = compact(header);
    let has = |w: &[&str]| w.iter().any(|x| h.contains(x));
    if h.is_empty() || h.chars().count() > 14 {
        return None;
    }
    if has(&["序号", "编号"]) || h == "序" {
        return Some(Role::Seq);
    }
    if has(&["备注"]) {
        return Some(Role::Note);
    }
    if has(&["时限", "时间", "期限", "进度安排"]) {
        return Some(Role::Time);
    }
    let unitish = has(&["单位", "部门", "科室", "处室", "主体", "股室"]);
    if has(&["牵头"]) && has(&["责任", "配合", "参与", "协办"]) {
        return Some(Role::Units);
    }
    if has(&["牵头"]) {
        return Some(Role::Lead);
    }
    if unitish
        && has(&[
            "责任", "负责", "承办", "配合", "落实", "协办", "参与", "实施",
        ])
    {
        return Some(Role::Responsible);
    }
    if has(&["要求", "内容", "分工", "措施", "举措"]) {
        return Some(Role::Text);
    }
    if has(&["任务", "目标", "项目", "类别", "事项", "领域"]) {
        return Some(Role::Task);
    }
    None
}

/// The columns of a table, from its header row.
#[derive(Debug, Clone)]
struct Columns {
    width: usize,
    levels: Vec<usize>,
    text: usize,
    lead: Option<usize>,
    responsible: Option<usize>,
    /// One unit column (牵头 or not written in it).
    units: Option<usize>,
    time: Option<usize>,
    headers: Vec<String>,
}

/// The header row of a grid and its columns: `Err` with the headers when it has no unit
/// column, `Ok(None)` when nothing looks like a header.
fn header(grid: &Grid) -> Result<Option<(usize, Columns)>, Vec<String>> {
    let mut without_units = None;
    for (r, row) in grid.rows.iter().enumerate().take(8) {
        let roles: Vec<Option<Role>> = row.iter().map(|&s| role(grid.text(s))).collect();
        let mut kinds: Vec<Role> = roles.iter().flatten().copied().collect();
        kinds.dedup();
        let distinct = {
            let mut k = kinds.clone();
            k.sort_by_key(|r| *r as u8);
            k.dedup();
            k.len()
        };
        if distinct < 2 {
            continue;
        }
        let headers = distinct_texts(grid, row);
        let unit_col = |want: Role| roles.iter().position(|r| *r == Some(want));
        let lead = unit_col(Role::Lead);
        let responsible = unit_col(Role::Responsible);
        let units = unit_col(Role::Units);
        if lead.is_none() && responsible.is_none() && units.is_none() {
            without_units.get_or_insert(headers);
            continue;
        }
        let writing: Vec<usize> = (0..row.len())
            .filter(|&c| matches!(roles[c], Some(Role::Task | Role::Text)))
            .collect();
        let text = writing
            .iter()
            .rev()
            .find(|&&c| roles[c] == Some(Role::Text))
            .or(writing.last())
            .copied();
        let Some(text) = text else {
            without_units.get_or_insert(headers);
            continue;
        };
        let (lead, responsible, units) = match (lead, responsible, units) {
            (Some(l), r, _) => (Some(l), r, None),
            (None, _, Some(u)) => (None, None, Some(u)),
            (None, r, None) => (None, None, r),
        };
        let columns = Columns {
            width: row.len(),
            levels: writing.iter().copied().filter(|&c| c != text).collect(),
            text,
            lead,
            responsible,
            units,
            time: unit_col(Role::Time),
            headers,
        };
        return Ok(Some((r, columns)));
    }
    match without_units {
        Some(headers) => Err(headers),
        None => Ok(None),
    }
}

fn distinct_texts(grid: &Grid, row: &[Slot]) -> Vec<String> {
    let mut seen = Vec::new();
    let mut texts = Vec::new();
    for &s in row {
        if !seen.contains(&s.cell) {
            seen.push(s.cell);
            let t = compact(grid.text(s));
            if !t.is_empty() {
                texts.push(t);
            }
        }
    }
    texts
}

/// A numbered heading's rank: 一、 0, （一） 1, 1. / 1、 2, （1） 3.
pub fn numbering(text: &str) -> Option<usize> {
    let t = text.trim_start();
    let chars: Vec<char> = t.chars().take(8).collect();
    let cn = |c: char| "一二三四五六七八九十".contains(c);
    let digit = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
    let open = |c: char| c == '（' || c == '(';
    let close = |c: char| c == '）' || c == ')';
    let run =
        |from: usize, f: &dyn Fn(char) -> bool| chars[from..].iter().take_while(|&&c| f(c)).count();
    if chars.first().is_some_and(|&c| cn(c)) {
        let n = run(0, &cn);
        return chars
            .get(n)
            .is_some_and(|&c| c == '、' || c == '是')
            .then_some(0);
    }
    if chars.first().is_some_and(|&c| open(c)) {
        let n = run(1, &cn);
        if n > 0 && chars.get(1 + n).is_some_and(|&c| close(c)) {
            return Some(1);
        }
        let n = run(1, &digit);
        if n > 0 && chars.get(1 + n).is_some_and(|&c| close(c)) {
            return Some(3);
        }
        return None;
    }
    if chars.first().is_some_and(|&c| digit(c)) {
        let n = run(0, &digit);
        return chars
            .get(n)
            .is_some_and(|&c| {
                matches!(c, '.' | '、' | '．' | '。')
                    && !chars.get(n + 1).is_some_and(|&d| digit(d))
            })
            .then_some(2);
    }
    None
}

/// Reads a document's blocks.
pub fn read(blocks: &[Block], blank_is_merged: bool) -> Result<Reading, ReadError> {
    let paragraphs: Vec<&str> = blocks
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph(p) => Some(p.as_str()),
            _ => None,
        })
        .collect();
    let title = title(blocks);
    let year = year_of(&title);
    let mut reader = TableReader::default();
    let mut no_units = None;
    let tables = blocks.iter().filter_map(|b| match b {
        Block::Table(rows) => Some(rows),
        Block::Paragraph(_) => None,
    });
    for (t, rows) in tables.enumerate() {
        let grid = Grid::of(rows);
        match header(&grid) {
            Ok(Some((r, columns))) => reader.read(&grid, r + 1, columns, t, blank_is_merged),
            Ok(None) => {
                if let Some(columns) = reader.columns.clone() {
                    // A table split across pages or pillars, its header not repeated.
                    if grid.width() == columns.width {
                        reader.read(&grid, 0, columns, t, blank_is_merged);
                    }
                }
            }
            Err(headers) => {
                no_units.get_or_insert(headers);
            }
        }
    }
    let (family, mut tasks) = match reader.columns {
        Some(ref c) if !reader.tasks.is_empty() => {
            let family = if c.lead.is_some() {
                Family::A
            } else if reader.marked {
                Family::B
            } else {
                Family::C
            };
            (family, std::mem::take(&mut reader.tasks))
        }
        _ => {
            let tasks = prose(&paragraphs, &mut reader.aliases);
            if tasks.is_empty() {
                return Err(match no_units {
                    Some(headers) => ReadError::NoUnitColumn(headers),
                    None => ReadError::NoTable,
                });
            }
            (Family::D, tasks)
        }
    };
    for task in &mut tasks {
        let found = times::find(if task.time.is_empty() {
            &task.text
        } else {
            &task.time
        });
        if !task.time.is_empty() && found.is_empty() {
            task.marks.push(Mark::TimeUnread(task.time.clone()));
        }
        task.times = found;
        if task.lead.is_empty() {
            task.marks.push(Mark::NoUnits);
        }
    }
    Ok(Reading {
        title,
        year,
        family,
        tasks,
        aliases: reader.aliases,
    })
}

/// The title: the first paragraph before the table that names the table (分解表, 任务, 政务公开),
/// else the first that is not 附件.
fn title(blocks: &[Block]) -> String {
    let before: Vec<&str> = blocks
        .iter()
        .map_while(|b| match b {
            Block::Paragraph(p) => Some(p.as_str()),
            Block::Table(_) => None,
        })
        .collect();
    let named = before.iter().find(|p| {
        ["分解表", "任务", "政务公开"].iter().any(|w| p.contains(w)) && p.chars().count() < 80
    });
    named
        .or(before.iter().find(|p| !p.starts_with("附件")))
        .map(|p| compact(p))
        .unwrap_or_default()
}

/// The year a title names: `2026年…`, anywhere in it.
pub fn year_of(title: &str) -> Option<i32> {
    let chars: Vec<char> = title.chars().collect();
    (0..chars.len().saturating_sub(4)).find_map(|i| {
        let digits: String = chars[i..i + 4].iter().collect();
        let year: i32 = digits.parse().ok()?;
        let before_digit = i > 0 && chars[i - 1].is_ascii_digit();
        (!before_digit && chars[i + 4] == '年' && (2000..=2100).contains(&year)).then_some(year)
    })
}

#[derive(Default)]
struct TableReader {
    columns: Option<Columns>,
    tasks: Vec<Read>,
    aliases: Vec<(String, String)>,
    /// Some unit cell of a one-column table named its lead.
    marked: bool,
    levels: Vec<String>,
    headings: Vec<(usize, String)>,
    above: Vec<String>,
}

impl TableReader {
    fn read(
        &mut self,
        grid: &Grid,
        from: usize,
        columns: Columns,
        table: usize,
        blank_is_merged: bool,
    ) {
        let width = columns.width;
        if self.columns.as_ref().map(|c| c.width) != Some(width) {
            self.levels = vec![String::new(); columns.levels.len()];
            self.above = vec![String::new(); width];
        }
        self.columns = Some(columns.clone());
        for (r, row) in grid.rows.iter().enumerate().skip(from) {
            let place = format!("表 {} 第 {} 行", table + 1, r + 1);
            let offset = width.saturating_sub(row.len());
            let at = |c: usize| -> Option<Slot> {
                if row.len() >= width {
                    row.get(c).copied()
                } else {
                    c.checked_sub(offset).and_then(|i| row.get(i).copied())
                }
            };
            // A cell's own text in this row: `None` when merged from above (or missing).
            let own = |c: usize| -> Option<String> {
                at(c).filter(|s| s.top).map(|s| grid.text(s).to_string())
            };
            let cells = distinct_texts(grid, row);
            if cells.is_empty() {
                continue;
            }
            if cells == columns.headers {
                continue;
            }
            // One cell across the whole row: a heading of its own.
            if row.len() >= 2 && row.iter().all(|s| s.cell == row[0].cell) {
                if row[0].top {
                    self.heading(grid.text(row[0]));
                }
                continue;
            }
            // The hierarchy columns.
            for (k, &c) in columns.levels.iter().enumerate() {
                if let Some(text) =
                    own(c).map(|t| crate::grid::paragraphs([t.as_str()]).replace('\n', ""))
                {
                    if !text.is_empty() && text != self.levels[k] {
                        self.levels[k] = text;
                        for deeper in &mut self.levels[k + 1..] {
                            deeper.clear();
                        }
                    }
                }
            }
            let unit_cols: Vec<usize> = [columns.lead, columns.responsible, columns.units]
                .into_iter()
                .flatten()
                .collect();
            // The units and time of this row: merged or (in a copy) blank cells keep the value
            // above.
            let mut values = self.above.clone();
            for &c in unit_cols.iter().chain(&columns.time) {
                match own(c) {
                    Some(text) if !text.trim().is_empty() => values[c] = text,
                    Some(_) if !blank_is_merged => values[c].clear(),
                    _ => {}
                }
            }
            let Some(text) = own(columns.text) else {
                // The text merged from above: the same task.
                self.above = values;
                continue;
            };
            if text.is_empty() {
                self.above = values;
                continue;
            }
            let own_units = unit_cols
                .iter()
                .any(|&c| own(c).is_some_and(|t| !t.trim().is_empty()));
            if columns.levels.is_empty() && !own_units && numbering(&text).is_some_and(|r| r <= 1) {
                self.heading(&text);
                continue;
            }
            self.above = values.clone();
            let mut marks = Vec::new();
            let extra: Vec<String> = row
                .iter()
                .skip(width)
                .filter(|s| s.top && s.left)
                .map(|&s| compact(grid.text(s)))
                .filter(|t| !t.is_empty())
                .collect();
            if !extra.is_empty() {
                marks.push(Mark::RowDidNotFit(extra.join("｜")));
            }
            let (lead, responsible) = if let Some(l) = columns.lead {
                let lead = self.names(&values[l]);
                let resp = columns
                    .responsible
                    .map(|c| self.names(&values[c]))
                    .unwrap_or_default();
                (lead, resp)
            } else {
                let cell = &values[columns.units.expect("a unit column")];
                let roles = units::roles(cell);
                if roles.marked {
                    self.marked = true;
                    (self.keep(roles.lead), self.keep(roles.responsible))
                } else {
                    let all = self.keep(roles.responsible);
                    if all.len() > 1 {
                        marks.push(Mark::NoLeadMarker);
                    }
                    (all, Vec::new())
                }
            };
            let responsible = responsible
                .into_iter()
                .filter(|n| !lead.contains(n))
                .collect();
            let mut path: Vec<String> = self.headings.iter().map(|(_, h)| h.clone()).collect();
            path.extend(self.levels.iter().filter(|l| !l.is_empty()).cloned());
            self.tasks.push(Read {
                path,
                text: crate::grid::paragraphs([text.as_str()]),
                lead,
                responsible,
                time: columns
                    .time
                    .map(|c| compact(&values[c]))
                    .unwrap_or_default(),
                times: Vec::new(),
                marks,
                place,
            });
        }
    }

    fn heading(&mut self, text: &str) {
        let text = heading_text(text);
        let rank = numbering(&text).unwrap_or(0);
        self.headings.retain(|(r, _)| *r < rank);
        self.headings.push((rank, text));
        for level in &mut self.levels {
            level.clear();
        }
    }

    fn names(&mut self, cell: &str) -> Vec<String> {
        let names = units::split(cell);
        self.keep(names)
    }

    /// The names, with any alias noted.
    fn keep(&mut self, names: Vec<Name>) -> Vec<String> {
        keep(&mut self.aliases, names)
    }
}

fn keep(aliases: &mut Vec<(String, String)>, names: Vec<Name>) -> Vec<String> {
    names
        .into_iter()
        .map(|n| {
            if let Some(alias) = n.alias {
                if !aliases.iter().any(|(a, _)| *a == alias) {
                    aliases.push((alias, n.name.clone()));
                }
            }
            n.name
        })
        .collect()
}

/// A heading's text: one line, up to its first full stop.
fn heading_text(text: &str) -> String {
    let one: String = crate::grid::paragraphs([text]).replace('\n', "");
    match one.find('。') {
        Some(at) if at > 0 => one[..at].to_string(),
        _ => one,
    }
}

/// The labels of a closing bracket's fields.
const LEAD_LABELS: [&str; 3] = ["牵头单位", "牵头部门", "牵头科室"];
const RESP_LABELS: [&str; 6] = [
    "责任单位",
    "责任部门",
    "责任科室",
    "配合单位",
    "负责科室",
    "参与单位",
];
const TIME_LABELS: [&str; 4] = ["完成时限", "时限要求", "完成时间", "时限"];

/// Family D: numbered paragraphs, a task wherever a paragraph closes with a bracket of fields.
fn prose(paragraphs: &[&str], aliases: &mut Vec<(String, String)>) -> Vec<Read> {
    let comma_rule = paragraphs
        .iter()
        .any(|p| p.contains("逗号前") && p.contains("牵头"));
    let mut tasks = Vec::new();
    let mut headings: Vec<(usize, String)> = Vec::new();
    for (i, p) in paragraphs.iter().enumerate() {
        let rank = numbering(p);
        match fields(p) {
            Some((text, fields)) => {
                if let Some(rank) = rank {
                    headings.retain(|(r, _)| *r < rank);
                }
                let mut marks = Vec::new();
                let (lead, responsible) = match (&fields.lead, &fields.responsible) {
                    (Some(l), r) => (
                        keep(aliases, units::split(l)),
                        r.as_deref()
                            .map(|r| keep(aliases, units::split(r)))
                            .unwrap_or_default(),
                    ),
                    (None, Some(r)) => {
                        let compacted = compact(r);
                        match units::top_level_comma(&compacted) {
                            Some(at) if comma_rule => (
                                keep(aliases, units::split(&compacted[..at])),
                                keep(aliases, units::split(&compacted[at..])),
                            ),
                            // The document's rule: the units before the comma lead; without
                            // a comma, all of them.
                            None if comma_rule => {
                                (keep(aliases, units::split(&compacted)), Vec::new())
                            }
                            _ => {
                                let roles = units::roles(r);
                                if roles.marked {
                                    (keep(aliases, roles.lead), keep(aliases, roles.responsible))
                                } else {
                                    let all = keep(aliases, roles.responsible);
                                    if all.len() > 1 {
                                        marks.push(Mark::NoLeadMarker);
                                    }
                                    (all, Vec::new())
                                }
                            }
                        }
                    }
                    (None, None) => (Vec::new(), Vec::new()),
                };
                let responsible = responsible
                    .into_iter()
                    .filter(|n| !lead.contains(n))
                    .collect();
                tasks.push(Read {
                    path: headings.iter().map(|(_, h)| h.clone()).collect(),
                    text,
                    lead,
                    responsible,
                    time: fields.time.map(|t| compact(&t)).unwrap_or_default(),
                    times: Vec::new(),
                    marks,
                    place: format!("第 {} 段", i + 1),
                });
            }
            None => {
                if let Some(rank) = rank {
                    headings.retain(|(r, _)| *r < rank);
                    headings.push((rank, heading_text(p)));
                }
            }
        }
    }
    tasks
}

#[derive(Default)]
struct Fields {
    lead: Option<String>,
    responsible: Option<String>,
    time: Option<String>,
}

/// A paragraph's text and the fields of its closing bracket: `（牵头单位：…；责任单位：…；完成时限：…）`.
fn fields(p: &str) -> Option<(String, Fields)> {
    let trimmed = p.trim_end_matches(['。', '；', ';', ' ']);
    let close = trimmed
        .chars()
        .next_back()
        .filter(|&c| c == '）' || c == ')')?;
    let body = &trimmed[..trimmed.len() - close.len_utf8()];
    // The bracket that the last one closes (brackets may nest: 各村（社区）).
    let mut depth = 0usize;
    let open = body.char_indices().rev().find_map(|(i, c)| match c {
        '）' | ')' => {
            depth += 1;
            None
        }
        '（' | '(' if depth == 0 => Some(i),
        '（' | '(' => {
            depth -= 1;
            None
        }
        _ => None,
    })?;
    let open_len = body[open..].chars().next()?.len_utf8();
    let inner = &body[open + open_len..];
    let labels: Vec<(&str, u8)> = LEAD_LABELS
        .iter()
        .map(|l| (*l, 0))
        .chain(RESP_LABELS.iter().map(|l| (*l, 1)))
        .chain(TIME_LABELS.iter().map(|l| (*l, 2)))
        .collect();
    // Each label's position (where followed by ： or :).
    let mut found: Vec<(usize, usize, u8)> = Vec::new();
    for (label, which) in &labels {
        let mut from = 0;
        while let Some(at) = inner[from..].find(label) {
            let start = from + at;
            let end = start + label.len();
            let after = inner[end..].chars().next();
            if matches!(after, Some('：' | ':'))
                && !found.iter().any(|&(s, e, _)| start < e && s < end + 3)
            {
                found.push((start, end + after.map_or(0, char::len_utf8), *which));
            }
            from = end;
        }
    }
    if found.is_empty() {
        return None;
    }
    found.sort();
    let mut fields = Fields::default();
    for (k, &(_, value_start, which)) in found.iter().enumerate() {
        let value_end = found.get(k + 1).map_or(inner.len(), |&(s, _, _)| s);
        let value = inner[value_start..value_end]
            .trim_matches(|c: char| {
                c.is_whitespace() || matches!(c, '；' | ';' | '，' | ',' | '。')
            })
            .to_string();
        let slot = match which {
            0 => &mut fields.lead,
            1 => &mut fields.responsible,
            _ => &mut fields.time,
        };
        slot.get_or_insert(value);
    }
    let text = crate::grid::paragraphs([&p[..open]]);
    Some((text, fields))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbering_ranks() {
        assert_eq!(numbering("一、总体要求"), Some(0));
        assert_eq!(numbering("十二、其他"), Some(0));
        assert_eq!(numbering("（三）加强解读"), Some(1));
        assert_eq!(numbering("(三)加强解读"), Some(1));
        assert_eq!(numbering("1.做好公开"), Some(2));
        assert_eq!(numbering("12、做好公开"), Some(2));
        assert_eq!(numbering("（2）细化"), Some(3));
        assert_eq!(numbering("2026年要求"), None);
        assert_eq!(numbering("1.5倍"), None);
        assert_eq!(numbering("一是加强"), Some(0));
        assert_eq!(numbering("做好公开"), None);
    }

    #[test]
    fn header_roles() {
        assert_eq!(role("工作任务及要求"), Some(Role::Text));
        assert_eq!(role("重 点 任 务"), Some(Role::Task));
        assert_eq!(role("目标"), Some(Role::Task));
        assert_eq!(role("具体工作要求"), Some(Role::Text));
        assert_eq!(role("细化分工"), Some(Role::Text));
        assert_eq!(role("牵头单位"), Some(Role::Lead));
        assert_eq!(role("责任单位"), Some(Role::Responsible));
        assert_eq!(role("负责科室"), Some(Role::Responsible));
        assert_eq!(role("牵头及责任单位"), Some(Role::Units));
        assert_eq!(role("完成时限"), Some(Role::Time));
        assert_eq!(role("序号"), Some(Role::Seq));
        assert_eq!(role("备 注"), Some(Role::Note));
        assert_eq!(role("区财政局"), None);
    }

    #[test]
    fn year_of_a_title() {
        assert_eq!(
            year_of("2026年岱岳区政务公开重点工作任务分解表"),
            Some(2026)
        );
        assert_eq!(
            year_of("岱岳区2025年度政务公开工作要点任务分解"),
            Some(2025)
        );
        assert_eq!(year_of("政务公开工作要点"), None);
    }
}
