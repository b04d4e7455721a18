//! Reading the rows top to bottom: merged (blank) cells, numbering, and the units list.

use gk_core::model::{Dataset, Pillar, Section, Table, Task, TimeReq, Unit, FORMAT};

use crate::cells::{self, COUNTIES, COUNTIES_GROUP, DEPARTMENT_GROUPS};
use crate::error::{ErrorKind, ImportError};
use crate::rows::{Document, Row, ITEM, LEAD, PILLAR, RESPONSIBLE, SECTION, TEXT};
use crate::time;
use crate::vocab::{self, TimeTag, UnitKind};

/// The short name of a pillar: its name without 以政务公开助力 / 政务公开
/// (以政务公开助力稳增长 → 稳增长, 增强政务公开实效 → 增强实效).
pub fn short_name(pillar: &str) -> Option<String> {
    let short = pillar.replace("以政务公开助力", "").replace("政务公开", "");
    (!short.is_empty()).then_some(short)
}

/// The state carried from row to row: what a blank (merged) cell stands for.
#[derive(Default)]
struct Current {
    /// Index into `pillars`.
    pillar: Option<usize>,
    /// Index into the current pillar's sections.
    section: Option<usize>,
    item: String,
    lead: Vec<String>,
    responsible: Vec<String>,
}

struct PillarAcc {
    name: String,
    sections: Vec<SectionAcc>,
}

struct SectionAcc {
    name: String,
    tasks: usize,
}

pub fn build(doc: Document, dataset_id: &str) -> Result<Table, ImportError> {
    let mut pillars: Vec<PillarAcc> = Vec::new();
    let mut cur = Current::default();
    let mut tasks: Vec<Task> = Vec::new();
    // Unit names in order of first appearance, with the line of that appearance.
    let mut seen: Vec<(String, usize)> = Vec::new();
    // The title's year (the deadlines' and the time tags' keys) and place (the office).
    let (year, office) = vocab::year_of(&doc.title)
        .zip(vocab::office_of(&doc.title))
        .ok_or_else(|| ImportError {
            line: 2,
            kind: ErrorKind::TitleWithoutYear {
                title: doc.title.clone(),
            },
        })?;
    let mut used = std::collections::HashSet::new();

    for row in &doc.rows {
        let err = |line: usize, kind| ImportError {
            line: if line == 0 { row.line } else { line },
            kind,
        };
        let cell = |i: usize| &row.cells[i];

        // 1. Pillar.
        let pillar_name = cells::heading(&cell(PILLAR).raw);
        if !pillar_name.is_empty() && cur.pillar.map(|p| &pillars[p].name) != Some(&pillar_name) {
            if pillars.iter().any(|p| p.name == pillar_name) {
                return Err(err(
                    cell(PILLAR).line,
                    ErrorKind::PillarAgain { name: pillar_name },
                ));
            }
            if pillars.len() >= u8::MAX as usize {
                return Err(err(cell(PILLAR).line, ErrorKind::TooManyPillars));
            }
            pillars.push(PillarAcc {
                name: pillar_name,
                sections: Vec::new(),
            });
            cur.pillar = Some(pillars.len() - 1);
            cur.section = None;
            cur.item.clear();
        }
        let p = cur
            .pillar
            .ok_or_else(|| err(cell(PILLAR).line, ErrorKind::MissingPillar))?;

        // 2. Section.
        let mut starts_something = tasks.is_empty();
        let section_name = cells::heading(&cell(SECTION).raw);
        let sections = &mut pillars[p].sections;
        if !section_name.is_empty() && cur.section.map(|s| &sections[s].name) != Some(&section_name)
        {
            if sections.iter().any(|s| s.name == section_name) {
                return Err(err(
                    cell(SECTION).line,
                    ErrorKind::SectionAgain { name: section_name },
                ));
            }
            sections.push(SectionAcc {
                name: section_name,
                tasks: 0,
            });
            cur.section = Some(sections.len() - 1);
            cur.item.clear();
            starts_something = true;
        }
        let s = cur
            .section
            .ok_or_else(|| err(cell(SECTION).line, ErrorKind::MissingSection))?;

        // 3. Item.
        let item = cells::heading(&cell(ITEM).raw);
        if !item.is_empty() && item != cur.item {
            cur.item = item;
            starts_something = true;
        }

        // Task text.
        let text = cells::paragraphs(&cell(TEXT).raw);
        if text.is_empty() {
            return Err(err(cell(TEXT).line, ErrorKind::MissingText));
        }

        // 4. Lead.
        let lead = cells::split_units(&cell(LEAD).raw, cell(LEAD).line)?;
        let responsible = cells::split_units(&cell(RESPONSIBLE).raw, cell(RESPONSIBLE).line)?;
        note_units(&mut seen, &lead, cell(LEAD).line);
        note_units(&mut seen, &responsible, cell(RESPONSIBLE).line);
        let lead_explicit = !lead.is_empty();
        if lead_explicit {
            cur.lead = lead;
        } else if starts_something {
            return Err(err(cell(LEAD).line, ErrorKind::MissingLead));
        }

        // 5. Responsible.
        if !responsible.is_empty() {
            cur.responsible = responsible;
        } else if lead_explicit && cur.lead.iter().any(|u| u == COUNTIES_GROUP) {
            // The counties lead themselves: no responsible units.
            cur.responsible.clear();
        }

        let section = &mut pillars[p].sections[s];
        section.tasks += 1;
        let (pid, sid) = (p + 1, s + 1);
        tasks.push(Task {
            id: format!("{pid}.{sid}.{}", section.tasks),
            pillar: pid as u8,
            section: format!("{pid}.{sid}"),
            item: cur.item.clone(),
            time: time::extract(&text, year)
                .into_iter()
                .map(|found| {
                    used.insert(found.tag);
                    TimeReq {
                        tag: found.tag.key(year),
                        count: found.count(),
                        phrase: found.phrase,
                    }
                })
                .collect(),
            text,
            lead: cur.lead.clone(),
            responsible: cur
                .responsible
                .iter()
                .filter(|u| !cur.lead.contains(u))
                .cloned()
                .collect(),
        });
    }

    let mut out_pillars = Vec::new();
    let mut out_sections = Vec::new();
    for (i, p) in pillars.iter().enumerate() {
        let pid = (i + 1) as u8;
        let short = short_name(&p.name).ok_or_else(|| ImportError {
            line: first_line_of(&doc.rows, &p.name),
            kind: ErrorKind::NoShortName {
                pillar: p.name.clone(),
            },
        })?;
        out_pillars.push(Pillar {
            id: pid,
            name: p.name.clone(),
            short,
        });
        for (j, s) in p.sections.iter().enumerate() {
            out_sections.push(Section {
                id: format!("{pid}.{}", j + 1),
                pillar: pid,
                name: s.name.clone(),
            });
        }
    }

    Ok(Table {
        format: FORMAT,
        dataset: Dataset {
            id: dataset_id.to_string(),
            title: doc.title,
            year,
            office,
        },
        kinds: vocab::kinds(),
        times: TimeTag::ALL
            .into_iter()
            .filter(|t| used.contains(t))
            .map(|t| t.def(year))
            .collect(),
        pillars: out_pillars,
        sections: out_sections,
        units: units(seen)?,
        tasks,
    })
}

/// Records the names of an explicit unit cell, in order of first appearance.
fn note_units(seen: &mut Vec<(String, usize)>, names: &[String], line: usize) {
    for name in names {
        if !seen.iter().any(|(n, _)| n == name) {
            seen.push((name.clone(), line));
        }
    }
}

fn first_line_of(rows: &[Row], pillar: &str) -> usize {
    rows.iter()
        .find(|r| cells::heading(&r.cells[PILLAR].raw) == pillar)
        .map_or(1, |r| r.cells[PILLAR].line)
}

/// The units list: every name seen plus the six counties, groups first, then departments,
/// counties, agencies, colleges; within a kind in order of first appearance (counties in their
/// fixed order).
fn units(seen: Vec<(String, usize)>) -> Result<Vec<Unit>, ImportError> {
    let mut all: Vec<(String, UnitKind)> = Vec::new();
    for (name, line) in seen {
        let kind = cells::unit_kind(&name).ok_or_else(|| ImportError {
            line,
            kind: ErrorKind::UnknownUnit { name: name.clone() },
        })?;
        all.push((name, kind));
    }
    for county in COUNTIES {
        if !all.iter().any(|(n, _)| n == county) {
            all.push((county.to_string(), UnitKind::County));
        }
    }
    let rank = |(name, kind): &(String, UnitKind)| {
        let kind_rank = match kind {
            UnitKind::Group => 0,
            UnitKind::Department => 1,
            UnitKind::County => 2,
            UnitKind::Agency => 3,
            UnitKind::College => 4,
        };
        let county_rank = COUNTIES.iter().position(|c| c == name).unwrap_or(0);
        (kind_rank, county_rank)
    };
    all.sort_by_key(rank); // stable: first appearance within a kind

    let departments: Vec<String> = all
        .iter()
        .filter(|(_, k)| *k == UnitKind::Department)
        .map(|(n, _)| n.clone())
        .collect();
    Ok(all
        .into_iter()
        .map(|(name, kind)| {
            let members = if name == COUNTIES_GROUP {
                COUNTIES.iter().map(|c| c.to_string()).collect()
            } else if DEPARTMENT_GROUPS.contains(&name.as_str()) {
                departments.clone()
            } else {
                Vec::new()
            };
            let group = kind == UnitKind::Group;
            Unit {
                kind: kind.key().to_string(),
                short: group.then(|| vocab::short(&name)).flatten(),
                scope: group.then(|| vocab::scope(&name)),
                members,
                name,
            }
        })
        .collect())
}
