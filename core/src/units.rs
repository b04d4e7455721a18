//! Which tasks concern a unit, in which role, and by which name: its own or a group's.
//!
//! Group membership comes from the table (the `members` of its units of kind
//! [`UnitKind::Group`]), not from code, so that another year's table with other groups works.

use std::collections::{HashMap, HashSet};

use crate::model::{Table, Task, UnitKind};

/// 各县（市、区）: the six county-level divisions.
pub const COUNTIES: &str = "各县（市、区）";
/// 市政府各部门（单位）: every municipal department or unit.
pub const ALL_DEPARTMENTS: &str = "市政府各部门（单位）";
/// 市政府有关部门（单位）: the municipal departments concerned.
pub const CONCERNED_DEPARTMENTS: &str = "市政府有关部门（单位）";

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
    pub via: Option<String>,
}

impl Assignment {
    /// `牵头`, `责任 · 市政府各部门`, `牵头 · 各县（市、区）`.
    pub fn label(&self) -> String {
        match &self.via {
            None => self.role.label().to_string(),
            Some(group) => format!("{} · {}", self.role.label(), short_group_name(group)),
        }
    }

    /// True when the unit gets the task only as one of 市政府有关部门（单位）, "the departments
    /// concerned": the unit may mark it 不适用 when it does not concern it.
    pub fn optional(&self) -> bool {
        self.via.as_deref().is_some_and(is_optional_group)
    }
}

/// A group's name without the `（单位）` suffix: 市政府各部门（单位） → 市政府各部门.
/// 各县（市、区） keeps its parentheses: they are the point of the name.
pub fn short_group_name(name: &str) -> &str {
    name.strip_suffix("（单位）").unwrap_or(name)
}

/// Whether a group stands for "the units concerned" (有关部门) rather than all of its members.
pub fn is_optional_group(name: &str) -> bool {
    name.contains("有关部门")
}

/// The precedence of the ways a task can reach a unit; lower wins:
/// lead before responsible; within a role, the unit's own name before a group, and a group
/// that means all its members before 有关部门 (so a unit named through both 市政府各部门 and
/// 市政府有关部门 gets a task it may not mark 不适用). Ties: first in source order.
pub(crate) fn rank(role: Role, via: Option<&str>) -> u8 {
    let by = match via {
        None => 0,
        Some(g) if !is_optional_group(g) => 1,
        Some(_) => 2,
    };
    (role as u8) * 3 + by
}

/// The group membership of one table, for quick look-ups.
#[derive(Debug, Clone)]
pub struct Groups<'a> {
    members: HashMap<&'a str, HashSet<&'a str>>,
    /// Group names in table order.
    order: Vec<&'a str>,
}

impl<'a> Groups<'a> {
    pub fn new(table: &'a Table) -> Groups<'a> {
        let mut members = HashMap::new();
        let mut order = Vec::new();
        for unit in table.units.iter().filter(|u| u.kind == UnitKind::Group) {
            order.push(unit.name.as_str());
            members.insert(
                unit.name.as_str(),
                unit.members.iter().map(String::as_str).collect(),
            );
        }
        Groups { members, order }
    }

    pub fn is_group(&self, name: &str) -> bool {
        self.members.contains_key(name)
    }

    /// Whether `unit` is a member of the group `group` (false when `group` is not a group).
    pub fn contains(&self, group: &str, unit: &str) -> bool {
        self.members.get(group).is_some_and(|m| m.contains(unit))
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
        let mut best: Option<(u8, Role, Option<&str>)> = None;
        let cells = [
            (Role::Lead, &task.lead),
            (Role::Responsible, &task.responsible),
        ];
        for (role, names) in cells {
            for name in names {
                let via = if name == unit {
                    None
                } else if self.contains(name, unit) {
                    Some(name.as_str())
                } else {
                    continue;
                };
                let r = rank(role, via);
                if best.is_none_or(|(b, _, _)| r < b) {
                    best = Some((r, role, via));
                }
            }
        }
        best.map(|(_, role, via)| Assignment {
            role,
            via: via.map(str::to_string),
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
    pub heading: &'static str,
    pub units: Vec<String>,
}

pub const HEADING_DEPARTMENTS: &str = "市直部门";
pub const HEADING_COUNTIES: &str = "县（市、区）";
pub const HEADING_OTHERS: &str = "其他单位";

/// The options of the unit picker: every unit that is not a group, under 市直部门
/// (departments), 县（市、区） (counties) and 其他单位 (agencies and colleges), each in table
/// order. A heading without units is left out.
pub fn unit_options(table: &Table) -> Vec<UnitGroup> {
    let heading = |kind: UnitKind| match kind {
        UnitKind::Department => Some(0),
        UnitKind::County => Some(1),
        UnitKind::Agency | UnitKind::College => Some(2),
        UnitKind::Group => None,
    };
    let mut groups =
        [HEADING_DEPARTMENTS, HEADING_COUNTIES, HEADING_OTHERS].map(|heading| UnitGroup {
            heading,
            units: Vec::new(),
        });
    for unit in &table.units {
        if let Some(h) = heading(unit.kind) {
            groups[h].units.push(unit.name.clone());
        }
    }
    groups.into_iter().filter(|g| !g.units.is_empty()).collect()
}

/// Whether `name` is a unit a user can pick (a unit of the table that is not a group).
pub fn is_pickable(table: &Table, name: &str) -> bool {
    table.unit(name).is_some_and(|u| u.kind != UnitKind::Group)
}
