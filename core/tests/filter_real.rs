//! The filter on the real table, data/tables/taian-2017.json, against brute force over the raw JSON
//! (read as `serde_json::Value`, not through the model).

#[path = "filter_fixture.rs"]
mod fixture;

use std::collections::{HashMap, HashSet};

use gk_core::filter::{Filter, Index};
use gk_core::model::Scope;
use gk_core::search::normalize;
use gk_core::status::Status;
use gk_core::supervision::Light;
use gk_core::units::{unit_options, Assignment, Role, Via};
use serde_json::Value;

struct Raw {
    json: Value,
    groups: HashMap<String, HashSet<String>>,
    /// Each group as an assignment names it: short name (else name) and scope, as in the file.
    vias: HashMap<String, Via>,
}

impl Raw {
    fn load() -> Raw {
        let json: Value = serde_json::from_str(fixture::REAL_JSON).unwrap();
        let groups = json["units"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|u| u["kind"] == "group")
            .map(|u| {
                let members = u["members"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|m| m.as_str().unwrap().to_string())
                    .collect();
                (u["name"].as_str().unwrap().to_string(), members)
            })
            .collect();
        let vias = json["units"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|u| u["kind"] == "group")
            .map(|u| {
                let name = u["name"].as_str().unwrap().to_string();
                let via = Via {
                    name: name.clone(),
                    short: u["short"].as_str().unwrap_or(&name).to_string(),
                    scope: match u["scope"].as_str().unwrap() {
                        "all" => Scope::All,
                        "concerned" => Scope::Concerned,
                        other => panic!("scope {other}"),
                    },
                };
                (name, via)
            })
            .collect();
        Raw { json, groups, vias }
    }

    fn tasks(&self) -> &Vec<Value> {
        self.json["tasks"].as_array().unwrap()
    }

    fn names(task: &Value, cell: &str) -> Vec<String> {
        task[cell]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n.as_str().unwrap().to_string())
            .collect()
    }

    /// The names in `cell` of `task` that reach `unit`: its own name, or groups it is in.
    fn reaching(&self, task: &Value, cell: &str, unit: &str) -> Vec<String> {
        Raw::names(task, cell)
            .into_iter()
            .filter(|n| n == unit || self.groups.get(n).is_some_and(|m| m.contains(unit)))
            .collect()
    }

    /// The documented rule, spelled out: lead before responsible; own name before groups;
    /// a group whose every member must act (scope `all`) before one of the members concerned.
    fn assignment(&self, task: &Value, unit: &str) -> Option<Assignment> {
        for (role, cell) in [(Role::Lead, "lead"), (Role::Responsible, "responsible")] {
            let names = self.reaching(task, cell, unit);
            if names.is_empty() {
                continue;
            }
            let via = if names.iter().any(|n| n == unit) {
                None
            } else {
                names
                    .iter()
                    .find(|n| self.vias[n.as_str()].scope == Scope::All)
                    .or(names.first())
                    .map(|n| self.vias[n.as_str()].clone())
            };
            return Some(Assignment { role, via });
        }
        None
    }

    fn pickable(&self) -> Vec<String> {
        self.json["units"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|u| u["kind"] != "group")
            .map(|u| u["name"].as_str().unwrap().to_string())
            .collect()
    }
}

use fixture::{day, none as todo};

fn unit(name: &str) -> Filter {
    Filter {
        unit: Some(name.into()),
        ..Filter::default()
    }
}

#[test]
fn every_units_tasks_and_roles_match_brute_force() {
    let raw = Raw::load();
    let table = fixture::real();
    let index = Index::new(&table);
    let pickable = raw.pickable();
    assert_eq!(index.units(), pickable.as_slice());
    for name in &pickable {
        let mut want = Vec::new();
        let mut want_lead = Vec::new();
        for (i, task) in raw.tasks().iter().enumerate() {
            let expected = raw.assignment(task, name);
            assert_eq!(index.assignment(i, name), expected, "{name} {}", task["id"]);
            assert_eq!(
                gk_core::units::assignment(&table, &table.tasks[i], name),
                expected
            );
            if expected.is_some() {
                want.push(i);
            }
            if !raw.reaching(task, "lead", name).is_empty() {
                want_lead.push(i);
            }
        }
        assert_eq!(index.shown(&unit(name), day(), todo), want, "{name}");
        assert_eq!(index.tasks_of(name), want, "{name}");
        let lead = Filter {
            role: Some(Role::Lead),
            ..unit(name)
        };
        assert_eq!(index.shown(&lead, day(), todo), want_lead, "{name} lead");
        let resp = Filter {
            role: Some(Role::Responsible),
            ..unit(name)
        };
        let want_resp: Vec<usize> = want
            .iter()
            .copied()
            .filter(|t| !want_lead.contains(t))
            .collect();
        assert_eq!(
            index.shown(&resp, day(), todo),
            want_resp,
            "{name} responsible"
        );
    }
}

#[test]
fn finance_bureau_and_xintai() {
    let raw = Raw::load();
    let index = Index::new(&fixture::real());
    // 市财政局: by name or through 市政府各部门 / 市政府有关部门.
    let finance: Vec<usize> = raw
        .tasks()
        .iter()
        .enumerate()
        .filter(|(_, t)| {
            let names: Vec<String> = Raw::names(t, "lead")
                .into_iter()
                .chain(Raw::names(t, "responsible"))
                .collect();
            names.iter().any(|n| {
                n == "市财政局" || n == "市政府各部门（单位）" || n == "市政府有关部门（单位）"
            })
        })
        .map(|(i, _)| i)
        .collect();
    assert_eq!(index.shown(&unit("市财政局"), day(), todo), finance);
    // 新泰市: only through 各县（市、区）.
    let xintai: Vec<usize> = raw
        .tasks()
        .iter()
        .enumerate()
        .filter(|(_, t)| {
            Raw::names(t, "lead")
                .into_iter()
                .chain(Raw::names(t, "responsible"))
                .any(|n| n == "各县（市、区）")
        })
        .map(|(i, _)| i)
        .collect();
    assert_eq!(index.shown(&unit("新泰市"), day(), todo), xintai);
    for &t in &xintai {
        let a = index.assignment(t, "新泰市").unwrap();
        assert_eq!(a.via_name(), Some("各县（市、区）"));
        assert!(!a.optional());
    }
    // Every county sees the same tasks.
    for county in ["泰山区", "岱岳区", "肥城市", "宁阳县", "东平县"] {
        assert_eq!(index.shown(&unit(county), day(), todo), xintai, "{county}");
    }
}

/// Counts computed by hand from data/tables/taian-2017.json when it was first generated: a change
/// here means the data changed.
#[test]
fn real_table_known_counts() {
    let index = Index::new(&fixture::real());
    let facets = index.facets(&unit("市财政局"), day(), todo);
    assert_eq!(facets.total, 78);
    assert_eq!(facets.roles, [(Role::Lead, 38), (Role::Responsible, 40)]);
    assert_eq!(facets.pillar(1), 12);
    let facets = index.facets(&unit("新泰市"), day(), todo);
    assert_eq!(facets.total, 139);
    assert_eq!(facets.role(Role::Lead), 11);
    assert_eq!(
        index.facets(&unit("人行泰安市中心支行"), day(), todo).total,
        9
    );
    assert_eq!(index.facets(&unit("泰安银监分局"), day(), todo).total, 6);
    assert_eq!(
        index.facets(&unit("泰山职业技术学院"), day(), todo).total,
        2
    );
    let all = index.facets(&Filter::default(), day(), todo);
    assert_eq!(all.total, 139);
    assert_eq!(all.pillars.len(), 6);
    assert_eq!(all.sections.len(), 24);
    assert_eq!(all.times.len(), 12);
    assert_eq!(all.time("regular"), 14);
}

#[test]
fn units_outside_groups_see_only_their_own_tasks() {
    let raw = Raw::load();
    let index = Index::new(&fixture::real());
    for name in [
        "人行泰安市中心支行",
        "泰安银监分局",
        "山东服装职业学院",
        "泰山护理职业学院",
        "泰山职业技术学院",
    ] {
        let own: Vec<usize> = raw
            .tasks()
            .iter()
            .enumerate()
            .filter(|(_, t)| {
                Raw::names(t, "lead").contains(&name.to_string())
                    || Raw::names(t, "responsible").contains(&name.to_string())
            })
            .map(|(i, _)| i)
            .collect();
        assert!(!own.is_empty(), "{name}");
        assert_eq!(index.shown(&unit(name), day(), todo), own, "{name}");
        for t in own {
            assert_eq!(index.assignment(t, name).unwrap().via, None);
        }
    }
    // They are under 其他单位 in the picker.
    let opts = unit_options(&fixture::real());
    assert_eq!(opts[2].heading, "其他单位");
    assert!(opts[2].units.iter().any(|u| u == "泰安银监分局"));
}

#[test]
fn search_matches_brute_force() {
    let raw = Raw::load();
    let table = fixture::real();
    let index = Index::new(&table);
    let sections: HashMap<&str, &str> = table
        .sections
        .iter()
        .map(|s| (s.id.as_str(), s.name.as_str()))
        .collect();
    for q in [
        "财政",
        "市财政局",
        "公开",
        "２０１７年",
        "新闻发布会",
        "（一）",
        "各县",
        "WEB",
        "不存在的词",
    ] {
        let nq = normalize(q);
        let want: Vec<usize> = raw
            .tasks()
            .iter()
            .enumerate()
            .filter(|(_, t)| {
                let mut fields = vec![
                    t["text"].as_str().unwrap().to_string(),
                    t["item"].as_str().unwrap_or("").to_string(),
                    sections[t["section"].as_str().unwrap()].to_string(),
                ];
                fields.extend(Raw::names(t, "lead"));
                fields.extend(Raw::names(t, "responsible"));
                fields.iter().any(|f| normalize(f).contains(&nq))
            })
            .map(|(i, _)| i)
            .collect();
        let f = Filter {
            query: q.into(),
            ..Filter::default()
        };
        assert_eq!(index.shown(&f, day(), todo), want, "{q}");
    }
}

#[test]
fn real_facets_agree_with_shown() {
    let index = Index::new(&fixture::real());
    // Statuses in turn, and no record for every fifth task; updated on 2017-06-30 or
    // 2017-03-31, so that recurring tasks are fresh or stale on 2017-07-01.
    let records = fixture::records(
        139,
        |t| (t % 5 != 4).then_some(Status::ALL[t % 4]),
        |t| {
            if t % 3 == 0 {
                "2017-06-30T10:00:00+08:00"
            } else {
                "2017-03-31T10:00:00+08:00"
            }
        },
    );
    let filters = [
        Filter::default(),
        unit("市财政局"),
        Filter {
            pillar: Some(1),
            ..unit("市财政局")
        },
        Filter {
            role: Some(Role::Lead),
            status: Some(Status::Todo.into()),
            ..unit("市财政局")
        },
        Filter {
            section: Some("4.3".into()),
            ..unit("新泰市")
        },
        Filter {
            light: Some(Light::Stale),
            ..unit("新泰市")
        },
        Filter {
            light: Some(Light::Overdue),
            pillar: Some(2),
            ..unit("市财政局")
        },
        Filter {
            time: Some("regular".to_string()),
            query: "公开".into(),
            ..unit("新泰市")
        },
        Filter {
            query: "财政".into(),
            role: Some(Role::Responsible),
            ..Filter::default()
        },
        Filter {
            pillar: Some(6),
            time: Some("by-2017-end".to_string()),
            ..Filter::default()
        },
    ];
    for f in &filters {
        fixture::brute_force_check(&index, f, &records);
    }
}

/// 未完成 (the 只看未完成 toggle, `status=open`): exactly the unit's tasks that are 未开始
/// (with or without a record) or 进行中, whatever the other filters; 已完成 and 不适用 are out.
#[test]
fn open_shows_exactly_what_is_left_to_do() {
    use gk_core::status::StatusFilter;
    let index = Index::new(&fixture::real());
    let records = fixture::records(
        139,
        |t| (t % 5 != 4).then_some(Status::ALL[t % 4]),
        |_| "2017-06-30T10:00:00+08:00",
    );
    let status_of = |t: usize| records[t].as_ref();
    for name in ["新泰市", "市财政局", "泰山职业技术学院"] {
        for pillar in [None, Some(4)] {
            let f = Filter {
                status: Some(StatusFilter::Open),
                pillar,
                ..unit(name)
            };
            let want: Vec<usize> = index
                .tasks_of(name)
                .into_iter()
                .filter(|&t| pillar.is_none_or(|p| fixture::real().tasks[t].pillar == p))
                .filter(|&t| {
                    let s = records[t].as_ref().map_or(Status::Todo, |e| e.status);
                    s == Status::Todo || s == Status::Doing
                })
                .collect();
            assert!(pillar.is_some() || !want.is_empty(), "{name}");
            assert_eq!(index.shown(&f, day(), status_of), want, "{name} {pillar:?}");
            let facets = index.facets(&f, day(), status_of);
            assert_eq!(
                facets.status_filter(StatusFilter::Open),
                facets.status(Status::Todo) + facets.status(Status::Doing)
            );
            assert_eq!(facets.status_filter(StatusFilter::Open), want.len());
        }
    }
    // Without a unit the status filter, 未完成 included, does not apply.
    let f = Filter {
        status: Some(StatusFilter::Open),
        ..Filter::default()
    };
    assert_eq!(index.shown(&f, day(), status_of).len(), 139);
}
