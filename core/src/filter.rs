//! The filter of the task list and the facet counts of its options.
//!
//! [`Index`] prepares a table once (folded search text, every unit's assignment of every task),
//! so that a filter change is one pass over the tasks with no allocation per task.

use std::collections::HashMap;

use crate::checklist::Entry as Record;
use crate::model::Table;
use crate::search;
use crate::status::{Status, StatusFilter};
use crate::supervision::{Date, Light, Schedule};
use crate::units::{rank, Assignment, Role, Via};

/// What the user narrows the task list by. `None` (or an empty query) means "any".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// The unit whose tasks to show: a unit of the table that is not a group.
    pub unit: Option<String>,
    /// The chosen unit's role. Ignored without a unit.
    pub role: Option<Role>,
    pub pillar: Option<u8>,
    /// A section id `"P.S"`. The UI keeps it within `pillar`; here the two simply both apply.
    pub section: Option<String>,
    /// A key of the table's time requirements ([`crate::model::TimeDef::key`]).
    pub time: Option<String>,
    /// The chosen unit's status of the task (one status, or 未完成). Ignored without a unit:
    /// statuses are a unit's own.
    pub status: Option<StatusFilter>,
    /// The chosen unit's supervision light of the task (督办) on the as-of day. Ignored without
    /// a unit, as the status is.
    pub light: Option<Light>,
    /// The as-of day (截至日期) of the lights; `None` is today, which only the caller knows.
    pub as_of: Option<Date>,
    /// Search term, see [`crate::search`].
    pub query: String,
}

impl Filter {
    /// True when the filter shows every task (a query of only whitespace searches nothing).
    pub fn is_empty(&self) -> bool {
        self.unit.is_none()
            && self.role.is_none()
            && self.pillar.is_none()
            && self.section.is_none()
            && self.time.is_none()
            && self.status.is_none()
            && self.light.is_none()
            && self.as_of.is_none()
            && search::normalize(&self.query).is_empty()
    }

    /// Resets every part of the filter, the unit included; the as-of day stays, as it is the
    /// date the view is judged on, not a narrowing of it.
    pub fn clear(&mut self) {
        *self = Filter {
            as_of: self.as_of,
            ..Filter::default()
        };
    }

    /// The as-of day: the chosen one, or `today`.
    pub fn day(&self, today: Date) -> Date {
        self.as_of.unwrap_or(today)
    }
}

/// The counts of every option of every facet: how many tasks the filter would show with that
/// option chosen instead of the facet's current one, all other facets' choices applying.
/// Look-ups by key (`pillar(1)`, `unit("市财政局")`, …) give 0 for an option not listed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facets {
    /// Tasks shown by the filter as it is.
    pub total: usize,
    /// Every pillar of the table, in table order.
    pub pillars: Vec<(u8, usize)>,
    /// Every section of the table, in table order (sections outside a chosen pillar count 0).
    pub sections: Vec<(String, usize)>,
    /// Both roles; empty when no unit is chosen (the role then does not apply).
    pub roles: Vec<(Role, usize)>,
    /// The time requirements present in the table's tasks, in the order of the table's
    /// `times`. A task with two counts under both.
    pub times: Vec<(String, usize)>,
    /// Every status; empty when no unit is chosen.
    pub statuses: Vec<(Status, usize)>,
    /// Every light, in [`Light::ALL`] order; empty when no unit is chosen.
    pub lights: Vec<(Light, usize)>,
    /// Every pickable unit, in table order: the tasks the list would show with that unit
    /// chosen, but for the status filter: the statuses known are those of the chosen unit
    /// only. The role filter applies even when no unit is chosen yet, as it would once one is.
    pub units: Vec<(String, usize)>,
}

fn count_of<K: PartialEq + ?Sized, T: std::borrow::Borrow<K>>(
    list: &[(T, usize)],
    key: &K,
) -> usize {
    list.iter()
        .find(|(k, _)| k.borrow() == key)
        .map_or(0, |&(_, n)| n)
}

impl Facets {
    pub fn pillar(&self, id: u8) -> usize {
        count_of(&self.pillars, &id)
    }
    pub fn section(&self, id: &str) -> usize {
        count_of::<str, _>(&self.sections, id)
    }
    pub fn role(&self, role: Role) -> usize {
        count_of(&self.roles, &role)
    }
    pub fn time(&self, key: &str) -> usize {
        count_of::<str, _>(&self.times, key)
    }
    pub fn status(&self, status: Status) -> usize {
        count_of(&self.statuses, &status)
    }
    /// The count of a choice of the status filter: 未完成 counts 未开始 and 进行中.
    pub fn status_filter(&self, choice: StatusFilter) -> usize {
        self.statuses
            .iter()
            .filter(|&&(s, _)| choice.matches(s))
            .map(|&(_, n)| n)
            .sum()
    }
    pub fn light(&self, light: Light) -> usize {
        count_of(&self.lights, &light)
    }
    pub fn unit(&self, name: &str) -> usize {
        count_of::<str, _>(&self.units, name)
    }
}

/// A unit's assignment of one task, packed: `via` 0 is the unit's own name, `g + 1` the group
/// `Index::groups[g]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Slot {
    role: Role,
    via: u16,
}

#[derive(Debug, Clone)]
struct Entry {
    pillar: u8,
    /// Index into `Index::pillars`.
    pillar_pos: Option<u16>,
    /// Index into `Index::sections`.
    section_pos: Option<u16>,
    /// Bit `i` set: the task has the table's time requirement `times[i]`.
    times: u64,
    /// Folded text, item, section name and unit names, separated by U+0001.
    text: String,
    /// Due date and period, for the lights.
    schedule: Schedule,
}

// Which parts of a filter a task fails.
const UNIT: u8 = 1;
const ROLE: u8 = 2;
const PILLAR: u8 = 4;
const SECTION: u8 = 8;
const TIME: u8 = 16;
const STATUS: u8 = 32;
const QUERY: u8 = 64;
const LIGHT: u8 = 128;

/// A filter resolved against an index.
struct Compiled {
    /// `Some(None)`: a unit that is not in the table, which has no tasks.
    unit: Option<Option<usize>>,
    role: Option<Role>,
    pillar: Option<u8>,
    /// `Some(None)`: a section that is not in the table.
    section: Option<Option<u16>>,
    time: Option<u64>,
    status: Option<StatusFilter>,
    light: Option<Light>,
    day: Date,
    needle: String,
}

/// What [`Index::fails`] learnt of a task for the chosen unit.
struct Verdict {
    fails: u8,
    slot: Option<Slot>,
    /// The unit's status and light of the task, when they were asked for.
    status: Option<Status>,
    light: Option<Light>,
}

/// A table prepared for filtering. Build it once per table.
#[derive(Debug, Clone)]
pub struct Index {
    entries: Vec<Entry>,
    pillars: Vec<u8>,
    sections: Vec<String>,
    section_pos: HashMap<String, u16>,
    /// Every time requirement of the table, in its order (bit `i` of `Entry::times`).
    all_times: Vec<String>,
    /// Those present in the tasks.
    times: Vec<String>,
    /// Pickable units (not groups), in table order.
    units: Vec<String>,
    unit_pos: HashMap<String, usize>,
    /// Every group, with its scope, in table order.
    groups: Vec<Via>,
    /// `slots[unit][task]`.
    slots: Vec<Vec<Option<Slot>>>,
}

/// The bit of time requirement `key` among `all` (the table's); 0 for a key it lacks.
fn time_bit(all: &[String], key: &str) -> u64 {
    all.iter().position(|k| k == key).map_or(0, |i| 1 << i)
}

impl Index {
    pub fn new(table: &Table) -> Index {
        let pillars: Vec<u8> = table.pillars.iter().map(|p| p.id).collect();
        let sections: Vec<String> = table.sections.iter().map(|s| s.id.clone()).collect();
        let section_pos: HashMap<String, u16> = sections
            .iter()
            .enumerate()
            .map(|(i, s)| (s.clone(), i as u16))
            .collect();
        let units: Vec<String> = table
            .units
            .iter()
            .filter(|u| !u.is_group())
            .map(|u| u.name.clone())
            .collect();
        let unit_pos: HashMap<String, usize> = units
            .iter()
            .enumerate()
            .map(|(i, u)| (u.clone(), i))
            .collect();
        let group_units: Vec<_> = table.units.iter().filter(|u| u.is_group()).collect();
        let groups: Vec<Via> = group_units.iter().map(|g| Via::of(g)).collect();
        let all_times: Vec<String> = table.times.iter().map(|t| t.key.clone()).collect();

        // What each name in a unit cell stands for: (unit, via).
        let mut expand: HashMap<&str, Vec<(usize, u16)>> = HashMap::new();
        for (u, name) in units.iter().enumerate() {
            expand.entry(name).or_default().push((u, 0));
        }
        for (g, group) in group_units.iter().enumerate() {
            let list = expand.entry(&group.name).or_default();
            for member in &group.members {
                if let Some(&u) = unit_pos.get(member) {
                    list.push((u, g as u16 + 1));
                }
            }
        }

        let mut slots = vec![vec![None; table.tasks.len()]; units.len()];
        let mut entries = Vec::with_capacity(table.tasks.len());
        let mut present: u64 = 0;
        for (t, task) in table.tasks.iter().enumerate() {
            let cells = [
                (Role::Lead, &task.lead),
                (Role::Responsible, &task.responsible),
            ];
            for (role, names) in cells {
                for name in names {
                    for &(u, via) in expand.get(name.as_str()).into_iter().flatten() {
                        let slot = &mut slots[u][t];
                        let new = Slot { role, via };
                        let better = match slot {
                            None => true,
                            Some(old) => Self::rank_of(&groups, new) < Self::rank_of(&groups, *old),
                        };
                        if better {
                            *slot = Some(new);
                        }
                    }
                }
            }

            let section_pos = section_pos.get(&task.section).copied();
            let mut text = String::new();
            let mut push = |s: &str| {
                if !text.is_empty() {
                    text.push('\u{1}');
                }
                text.extend(s.chars().filter_map(search::fold));
            };
            push(&task.text);
            push(&task.item);
            if let Some(s) = section_pos {
                push(&table.sections[s as usize].name);
            }
            for name in task.lead.iter().chain(&task.responsible) {
                push(name);
            }
            let times = task
                .time
                .iter()
                .fold(0, |m, r| m | time_bit(&all_times, &r.tag));
            present |= times;
            entries.push(Entry {
                pillar: task.pillar,
                pillar_pos: pillars
                    .iter()
                    .position(|&p| p == task.pillar)
                    .map(|p| p as u16),
                section_pos,
                times,
                text,
                schedule: Schedule::of(table, task),
            });
        }
        let times = all_times
            .iter()
            .enumerate()
            .filter(|&(i, _)| present & (1 << i) != 0)
            .map(|(_, k)| k.clone())
            .collect();
        Index {
            entries,
            pillars,
            sections,
            section_pos,
            all_times,
            times,
            units,
            unit_pos,
            groups,
            slots,
        }
    }

    fn rank_of(groups: &[Via], slot: Slot) -> u8 {
        let via = (slot.via > 0).then(|| groups[slot.via as usize - 1].scope);
        rank(slot.role, via)
    }

    /// Number of tasks.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The due date and period of task `task` (an index into `Table::tasks`), worked out once
    /// when the index was built: what a row's light needs, without reading the table's `times`
    /// again on every change.
    pub fn schedule(&self, task: usize) -> Option<Schedule> {
        self.entries.get(task).map(|e| e.schedule)
    }

    /// The units a user can pick (every unit that is not a group), in table order.
    pub fn units(&self) -> &[String] {
        &self.units
    }

    pub fn has_unit(&self, name: &str) -> bool {
        self.unit_pos.contains_key(name)
    }

    /// The keys of the time requirements that occur in the table's tasks, in its order.
    pub fn times(&self) -> &[String] {
        &self.times
    }

    /// How task `task` (an index into `Table::tasks`) concerns `unit`; the same answer as
    /// [`crate::units::assignment`].
    pub fn assignment(&self, task: usize, unit: &str) -> Option<Assignment> {
        let u = *self.unit_pos.get(unit)?;
        let slot = (*self.slots[u].get(task)?)?;
        Some(Assignment {
            role: slot.role,
            via: (slot.via > 0).then(|| self.groups[slot.via as usize - 1].clone()),
        })
    }

    /// Every task of `unit` (indices, ascending), whatever else is filtered: the tasks its
    /// progress counts. None for a name that is not a pickable unit.
    pub fn tasks_of(&self, unit: &str) -> Vec<usize> {
        let Some(&u) = self.unit_pos.get(unit) else {
            return Vec::new();
        };
        let slots = &self.slots[u];
        (0..slots.len()).filter(|&t| slots[t].is_some()).collect()
    }

    fn compile(&self, filter: &Filter, day: Date) -> Compiled {
        let unit = filter
            .unit
            .as_ref()
            .map(|u| self.unit_pos.get(u.as_str()).copied());
        Compiled {
            role: filter.role.filter(|_| unit.is_some()),
            status: filter.status.filter(|_| unit.is_some()),
            light: filter.light.filter(|_| unit.is_some()),
            unit,
            day,
            pillar: filter.pillar,
            section: filter
                .section
                .as_ref()
                .map(|s| self.section_pos.get(s.as_str()).copied()),
            time: filter.time.as_deref().map(|k| time_bit(&self.all_times, k)),
            needle: search::normalize(&filter.query),
        }
    }

    /// The parts of `c` that task `t` fails, and, when it concerns the chosen unit and
    /// `want_record` (`record_of` is called only then), the unit's status and light of it.
    fn fails<'r>(
        &self,
        c: &Compiled,
        t: usize,
        want_record: bool,
        record_of: &impl Fn(usize) -> Option<&'r Record>,
    ) -> Verdict {
        let e = &self.entries[t];
        let mut fails = 0;
        let mut slot = None;
        let mut status = None;
        let mut light = None;
        if let Some(unit) = c.unit {
            slot = unit.and_then(|u| self.slots[u][t]);
            match slot {
                None => fails |= UNIT | ROLE | STATUS | LIGHT,
                Some(s) => {
                    if c.role.is_some_and(|r| r != s.role) {
                        fails |= ROLE;
                    }
                    if want_record {
                        let record = record_of(t);
                        let st = record.map_or(Status::default(), |r| r.status);
                        let l = e.schedule.light(record, c.day);
                        if c.status.is_some_and(|want| !want.matches(st)) {
                            fails |= STATUS;
                        }
                        if c.light.is_some_and(|want| want != l) {
                            fails |= LIGHT;
                        }
                        (status, light) = (Some(st), Some(l));
                    }
                }
            }
        }
        if c.pillar.is_some_and(|p| p != e.pillar) {
            fails |= PILLAR;
        }
        if c.section.is_some_and(|s| s.is_none() || s != e.section_pos) {
            fails |= SECTION;
        }
        if c.time.is_some_and(|bit| e.times & bit == 0) {
            fails |= TIME;
        }
        if !c.needle.is_empty() && !e.text.contains(c.needle.as_str()) {
            fails |= QUERY;
        }
        Verdict {
            fails,
            slot,
            status,
            light,
        }
    }

    /// The tasks the filter shows (indices into `Table::tasks`, ascending). `record_of` gives
    /// the chosen unit's checklist entry of a task (`None`: no record, read as 未开始); it is
    /// called only for tasks of the chosen unit and only when a status or a light is filtered
    /// by. `day` is the as-of day of the lights (see [`Filter::day`]). A unit that is not a
    /// pickable unit of the table (an unknown name, a group) has no tasks.
    pub fn shown<'r>(
        &self,
        filter: &Filter,
        day: Date,
        record_of: impl Fn(usize) -> Option<&'r Record>,
    ) -> Vec<usize> {
        let c = self.compile(filter, day);
        let want_record = c.status.is_some() || c.light.is_some();
        (0..self.entries.len())
            .filter(|&t| self.fails(&c, t, want_record, &record_of).fails == 0)
            .collect()
    }

    /// The count of every option of every facet (see [`Facets`]). One pass over the tasks for
    /// all facets but units, plus one pass per unit over the tasks that pass the filters that
    /// do not depend on the unit.
    pub fn facets<'r>(
        &self,
        filter: &Filter,
        day: Date,
        record_of: impl Fn(usize) -> Option<&'r Record>,
    ) -> Facets {
        let c = self.compile(filter, day);
        let with_unit = c.unit.is_some();
        let mut total = 0;
        let mut pillars = vec![0; self.pillars.len()];
        let mut sections = vec![0; self.sections.len()];
        let mut roles = [0; 2];
        let mut times = vec![0; self.all_times.len()];
        let mut statuses = [0; Status::ALL.len()];
        let mut lights = [0; Light::ALL.len()];
        // Tasks that pass the filters that do not depend on the unit.
        let mut base = Vec::new();
        const UNIT_FREE: u8 = PILLAR | SECTION | TIME | QUERY;
        for t in 0..self.entries.len() {
            let Verdict {
                fails,
                slot,
                status,
                light,
            } = self.fails(&c, t, with_unit, &record_of);
            let e = &self.entries[t];
            let others = |own: u8| fails & !own == 0;
            if fails == 0 {
                total += 1;
            }
            if fails & UNIT_FREE == 0 {
                base.push(t as u32);
            }
            if others(PILLAR) {
                if let Some(p) = e.pillar_pos {
                    pillars[p as usize] += 1;
                }
            }
            if others(SECTION) {
                if let Some(s) = e.section_pos {
                    sections[s as usize] += 1;
                }
            }
            if others(TIME) {
                for (i, n) in times.iter_mut().enumerate() {
                    if e.times & (1 << i) != 0 {
                        *n += 1;
                    }
                }
            }
            if let Some(slot) = slot {
                if others(ROLE) {
                    roles[slot.role as usize] += 1;
                }
                if let (true, Some(st)) = (others(STATUS), status) {
                    statuses[st as usize] += 1;
                }
                if let (true, Some(l)) = (others(LIGHT), light) {
                    lights[l as usize] += 1;
                }
            }
        }
        let units = self
            .units
            .iter()
            .zip(&self.slots)
            .map(|(name, row)| {
                let n = base
                    .iter()
                    .filter(|&&t| {
                        row[t as usize].is_some_and(|s| filter.role.is_none_or(|r| r == s.role))
                    })
                    .count();
                (name.clone(), n)
            })
            .collect();
        Facets {
            total,
            pillars: self.pillars.iter().copied().zip(pillars).collect(),
            sections: self.sections.iter().cloned().zip(sections).collect(),
            roles: if with_unit {
                Role::ALL.into_iter().zip(roles).collect()
            } else {
                Vec::new()
            },
            times: self
                .times
                .iter()
                .map(|key| {
                    let i = self.all_times.iter().position(|k| k == key).unwrap_or(0);
                    (key.clone(), times[i])
                })
                .collect(),
            statuses: if with_unit {
                Status::ALL.into_iter().zip(statuses).collect()
            } else {
                Vec::new()
            },
            lights: if with_unit {
                Light::ALL.into_iter().zip(lights).collect()
            } else {
                Vec::new()
            },
            units,
        }
    }
}
