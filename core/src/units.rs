//! Which tasks concern a unit, in which role, and by which name: its own or a group's.
//!
//! Group membership and scope come from the table (the `members` and `scope` of its units of
//! kind [`GROUP`](crate::model::GROUP)), not from code or from a group's name, so that any table's groups work.

use std::collections::{HashMap, HashSet};

use crate::model::{Scope, Table, Task, Unit};

/// A unit's role in a task. `Lead < Responsible`: the order is the precedence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Role {
    /// 牵头: named in 牵头单位.
    Lead,
    /// 责任: named in 责任单位.
    Responsible,
}

impl Role {
    pub const ALL: [Role; 2] = [Role::Lead, Role::Responsible];

    /// The role's name in URLs.
    pub fn key(self) -> &'static str {
        match self {
            Role::Lead => "lead",
            Role::Responsible => "responsible",
        }
    }

    pub fn from_key(key: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.key() == key)
    }

    pub fn label(self) -> &'static str {
        match self {
            Role::Lead => "牵头",
            Role::Responsible => "责任",
        }
    }
}

/// How a task reaches a unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assignment {
    pub role: Role,
    /// The group the unit gets the task through, or `None` when the task names the unit itself.
    pub via: Option<Via>,
}

/// The group a task reaches a unit through.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Via {
    pub name: String,
    /// The name labels use ([`Unit::short_name`]).
    pub short: String,
    pub scope: Scope,
}

impl Via {
    pub fn of(group: &Unit) -> Via {
        Via {
            name: group.name.clone(),
            short: group.short_name().to_string(),
            scope: scope_of(group),
        }
    }
}

/// A group's scope; a group read without one binds every member (the reader refuses such a
/// table, so this is for tables made in code).
fn scope_of(group: &Unit) -> Scope {
    group.scope.unwrap_or(Scope::All)
}

impl Assignment {
    /// `牵头`, `责任 · 市政府各部门`, `牵头 · 各县（市、区）`: the role, and the group's short
    /// name when the task reaches the unit through one.
    pub fn label(&self) -> String {
        match &self.via {
            None => self.role.label().to_string(),
            Some(group) => format!("{} · {}", self.role.label(), group.short),
        }
    }

    /// True when the unit gets the task only as one of a group of scope
    /// [`Scope::Concerned`] ("the units concerned"): it may mark it 不适用 when it does not
    /// concern it.
    pub fn optional(&self) -> bool {
        self.via
            .as_ref()
            .is_some_and(|v| v.scope == Scope::Concerned)
    }

    /// The group's name, if the task reaches the unit through one.
    pub fn via_name(&self) -> Option<&str> {
        self.via.as_ref().map(|v| v.name.as_str())
    }
}

/// The precedence of the ways a task can reach a unit; lower wins:
/// lead before responsible; within a role, the unit's own name before a group, and a group
/// whose every member must act before one of the members concerned (so a unit named through
/// both gets a task it may not mark 不适用). Ties: first in source order.
pub(crate) fn rank(role: Role, via: Option<Scope>) -> u8 {
    let by = match via {
        None => 0,
        Some(Scope::All) => 1,
        Some(Scope::Concerned) => 2,
    };
    (role as u8) * 3 + by
}

/// The group membership of one table, for quick look-ups.
#[derive(Debug, Clone)]
pub struct Groups<'a> {
    members: HashMap<&'a str, (&'a Unit, HashSet<&'a str>)>,
    /// Group names in table order.
    order: Vec<&'a str>,
}

impl<'a> Groups<'a> {
    pub fn new(table: &'a Table) -> Groups<'a> {
        let mut members = HashMap::new();
        let mut order = Vec::new();
        for unit in table.units.iter().filter(|u| u.is_group()) {
            order.push(unit.name.as_str());
            members.insert(
                unit.name.as_str(),
                (unit, unit.members.iter().map(String::as_str).collect()),
            );
        }
        Groups { members, order }
    }

    pub fn is_group(&self, name: &str) -> bool {
        self.members.contains_key(name)
    }

    /// Whether `unit` is a member of the group `group` (false when `group` is not a group).
    pub fn contains(&self, group: &str, unit: &str) -> bool {
        self.members
            .get(group)
            .is_some_and(|(_, m)| m.contains(unit))
    }

    /// The groups `unit` belongs to, in table order.
    pub fn groups_of(&self, unit: &str) -> Vec<&'a str> {
        self.order
            .iter()
            .copied()
            .filter(|g| self.contains(g, unit))
            .collect()
    }

    /// See [`assignment`].
    pub fn assignment(&self, task: &Task, unit: &str) -> Option<Assignment> {
        let mut best: Option<(u8, Role, Option<&Unit>)> = None;
        let cells = [
            (Role::Lead, &task.lead),
            (Role::Responsible, &task.responsible),
        ];
        for (role, names) in cells {
            for name in names {
                let via = if name == unit {
                    None
                } else {
                    match self.members.get(name.as_str()) {
                        Some((group, members)) if members.contains(unit) => Some(*group),
                        _ => continue,
                    }
                };
                let r = rank(role, via.map(scope_of));
                if best.is_none_or(|(b, _, _)| r < b) {
                    best = Some((r, role, via));
                }
            }
        }
        best.map(|(_, role, via)| Assignment {
            role,
            via: via.map(Via::of),
        })
    }
}

/// Whether and how `task` concerns the unit `unit_name`: it, or a group it belongs to, is
/// among the task's leads or responsible units. When several apply, the strongest wins: lead
/// before responsible, then own name before a group (a unit that leads through a group and is
/// responsible by name is shown as lead through the group: leading is what it must do).
/// For many look-ups build [`Groups`] once, or use [`crate::filter::Index`].
pub fn assignment(table: &Table, task: &Task, unit_name: &str) -> Option<Assignment> {
    Groups::new(table).assignment(task, unit_name)
}

/// One heading of the unit picker and its units, in table order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitGroup {
    pub heading: String,
    pub units: Vec<String>,
}

/// The options of the unit picker: every unit that is not a group, under the heading of its
/// kind ([`crate::model::Kind::heading`]), the headings in the order of the table's `kinds`
/// (kinds that share a heading are listed under it together), the units under a heading in
/// table order. A heading without units is left out.
pub fn unit_options(table: &Table) -> Vec<UnitGroup> {
    let mut groups: Vec<UnitGroup> = Vec::new();
    for kind in &table.kinds {
        if !groups.iter().any(|g| g.heading == kind.heading) {
            groups.push(UnitGroup {
                heading: kind.heading.clone(),
                units: Vec::new(),
            });
        }
    }
    for unit in table.units.iter().filter(|u| !u.is_group()) {
        let heading = table.kinds.iter().find(|k| k.key == unit.kind);
        if let Some(g) = heading.and_then(|k| groups.iter_mut().find(|g| g.heading == k.heading)) {
            g.units.push(unit.name.clone());
        }
    }
    groups.retain(|g| !g.units.is_empty());
    groups
}

/// Whether `name` is a unit a user can pick (a unit of the table that is not a group).
pub fn is_pickable(table: &Table, name: &str) -> bool {
    table.unit(name).is_some_and(|u| !u.is_group())
}
