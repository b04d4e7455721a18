//! Step 2 and 3 of the page: the reading shown for checking, with the office's corrections in
//! place, and the table file. Each row is drawn once per reading; its inputs write into the
//! corrections when they change (so typing never redraws the list under the cursor).

use gk_reader::publish::{table_names, task_units, unit_kind, Corrections, KindDef};
use gk_reader::reading::{similar_names, Family};
use gk_reader::units::{group_scope, split};
use leptos::html::Input;
use leptos::prelude::*;

use super::vocabulary::{kind_options, kinds_memo, Kinds, Pillars, Times};
use super::{page, published};

fn joined(names: &[String]) -> String {
    names.join("、")
}

fn names_of(text: &str) -> Vec<String> {
    split(text).into_iter().map(|n| n.name).collect()
}

fn family_words(f: Family) -> &'static str {
    match f {
        Family::A => "牵头单位、责任单位分两列",
        Family::B => "一列单位，单位中写明“牵头”",
        Family::C => "一列单位，未写明牵头单位",
        Family::D => "分段编号的文字，括号中写明单位",
    }
}

#[component]
pub fn Check() -> impl IntoView {
    let kinds = kinds_memo();
    view! {
        <Summary />
        <Dataset />
        <Units kinds />
        <Kinds kinds />
        <Groups />
        <Pillars />
        <Times />
        <Tasks />
        <Publish />
    }
}

/// A unit's kind select: its options follow the kind list; its choice is the unit's kind. The
/// unit is `read`, or what the office renamed it to when `renamed` (a name as read).
fn kind_select(kinds: Memo<Vec<KindDef>>, read: String, renamed: bool) -> impl IntoView {
    let p = page();
    let target = move |c: &Corrections, read: &String| match renamed {
        true => c.renames.get(read).cloned().unwrap_or_else(|| read.clone()),
        false => read.clone(),
    };
    let label = format!("“{read}”的类别");
    let for_current = read.clone();
    let current = move || {
        p.draft.with_untracked(|d| {
            d.as_ref()
                .map(|d| unit_kind(&d.corrections, &target(&d.corrections, &for_current)))
                .unwrap_or_default()
        })
    };
    view! {
        <select
            class="unit-kind"
            aria-label=label
            on:change=move |ev| {
                let v = event_target_value(&ev);
                p.correct(|c| {
                    let t = target(c, &read);
                    c.kinds.insert(t, v);
                });
            }
        >
            {move || kinds.with(|k| kind_options(k, &current()))}
        </select>
    }
}

/// The counts of the reading as corrected.
#[component]
fn Summary() -> impl IntoView {
    let p = page();
    let counts = Memo::new(move |_| {
        p.draft.with(|d| {
            let d = d.as_ref()?;
            let r = &d.reading;
            let mut pillars: Vec<&str> = r
                .tasks
                .iter()
                .filter_map(|t| t.path.first().map(String::as_str))
                .collect();
            pillars.dedup();
            let mut sections: Vec<(&str, &str)> = r
                .tasks
                .iter()
                .filter_map(|t| Some((t.path.first()?.as_str(), t.path.get(1)?.as_str())))
                .collect();
            sections.dedup();
            let names = table_names(r, &d.corrections);
            let groups = names.iter().filter(|n| group_scope(n).is_some()).count();
            let marked = r.tasks.iter().filter(|t| !t.marks.is_empty()).count();
            Some((
                d.source.clone(),
                family_words(r.family),
                pillars.len(),
                sections.len(),
                r.tasks.len(),
                names.len() - groups,
                groups,
                marked,
            ))
        })
    });
    move || {
        counts.get().map(|(source, family, pillars, sections, tasks, units, groups, marked)| {
            view! {
                <section class="reader-summary" aria-labelledby="summary-h">
                    <h2 id="summary-h">"2. 核对读取结果"</h2>
                    <p id="reader-counts">
                        {format!(
                            "“{source}”：{pillars} 个一级标题，{sections} 个二级标题，{tasks} 项任务，{units} 个单位，{groups} 个单位组。"
                        )}
                    </p>
                    <p>{format!("表格样式：{family}。")}
                        {(marked > 0).then(|| format!(" 有 {marked} 项任务带“请核对”标记，见下方任务列表。"))}
                    </p>
                </section>
            }
        })
    }
}

fn text_field(
    id: &'static str,
    label: &'static str,
    value: String,
    placeholder: String,
    set: impl Fn(&mut Corrections, String) + Copy + 'static,
) -> impl IntoView {
    let p = page();
    view! {
        <label for=id>{label}</label>
        <input
            id=id
            type="text"
            value=value
            placeholder=placeholder
            on:change=move |ev| {
                let v = event_target_value(&ev);
                p.correct(|c| set(c, v.trim().to_string()));
            }
        />
    }
}

/// The table's title, year, id and receiving office.
#[component]
fn Dataset() -> impl IntoView {
    let p = page();
    let Some((r, c)) = p.draft.with_untracked(|d| {
        d.as_ref()
            .map(|d| (d.reading.clone(), d.corrections.clone()))
    }) else {
        return ().into_any();
    };
    let office = gk_reader::publish::guess_office(&r.title).unwrap_or_default();
    let year = c.year.or(r.year).map(|y| y.to_string()).unwrap_or_default();
    view! {
        <fieldset class="reader-dataset">
            <legend>"任务表信息"</legend>
            {text_field("ds-title", "标题", c.title.clone(), r.title.clone(), |c, v| c.title = v)}
            <label for="ds-year">"年份"</label>
            <input
                id="ds-year"
                type="text"
                inputmode="numeric"
                maxlength="4"
                value=year
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    p.correct(|c| c.year = v.trim().parse().ok());
                }
            />
            {text_field(
                "ds-id",
                "编号（文件名，小写字母、数字和“-”）",
                c.id.clone(),
                format!("table-{}", r.year.unwrap_or(2000)),
                |c, v| c.id = v,
            )}
            {text_field("ds-office", "接收报送文件的单位（全称）", c.office_name.clone(), office.0, |c, v| c.office_name = v)}
            {text_field("ds-short", "简称（页面上的称呼）", c.office_short.clone(), office.1, |c, v| c.office_short = v)}
        </fieldset>
    }
    .into_any()
}

/// Every name as read: rename (or merge, by giving two the same name) and kind.
#[component]
fn Units(kinds: Memo<Vec<KindDef>>) -> impl IntoView {
    let p = page();
    let Some(d) = p.draft.get_untracked() else {
        return ().into_any();
    };
    let names = d.reading.names();
    let similar = similar_names(&names);
    let rows = names
        .iter()
        .filter(|n| group_scope(n).is_none())
        .map(|name| {
            let renamed = d.corrections.renames.get(name).cloned().unwrap_or_default();
            let mentions = d.reading.mentions(name);
            let mut hints: Vec<String> = similar
                .iter()
                .filter_map(|(a, b)| match (a == name, b == name) {
                    (true, _) => Some(b),
                    (_, true) => Some(a),
                    _ => None,
                })
                .map(|o| format!("可能与“{o}”是同一单位"))
                .collect();
            if mentions == 1 {
                hints.push("只出现一次".into());
            }
            if let Some((alias, _)) = d.reading.aliases.iter().find(|(_, full)| full == name) {
                hints.push(format!("简称“{alias}”"));
            }
            let read = name.clone();
            let for_kind = name.clone();
            view! {
                <tr data-unit=name.clone()>
                    <th scope="row">{name.clone()}</th>
                    <td data-label="改为">
                        <input
                            type="text"
                            class="unit-rename"
                            aria-label=format!("“{name}”改为")
                            value=renamed
                            placeholder="（不改）"
                            on:change=move |ev| {
                                let v = event_target_value(&ev).trim().to_string();
                                let read = read.clone();
                                p.correct(|c| {
                                    if v.is_empty() || v == read {
                                        c.renames.remove(&read);
                                    } else {
                                        c.renames.insert(read, v);
                                    }
                                });
                            }
                        />
                    </td>
                    <td data-label="类别">
                        {kind_select(kinds, for_kind, true)}
                    </td>
                    <td class="num" data-label="任务数">{mentions}</td>
                    <td class="hint">{hints.join("；")}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="units-h">
            <h3 id="units-h">"单位"</h3>
            <p class="help">"同一单位有两种写法时，把两个都改成同一个名称即可合并；改名后各任务中的名称一并修改。"</p>
            <table class="reader-grid reader-units">
                <thead>
                    <tr><th scope="col">"读到的名称"</th><th scope="col">"改为"</th><th scope="col">"类别"</th><th scope="col">"任务数"</th><th scope="col">"提示"</th></tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
            <Added kinds />
        </section>
    }
    .into_any()
}

/// Names the office brought in (a group's members, a task's units) that no cell gave: their kind.
#[component]
fn Added(kinds: Memo<Vec<KindDef>>) -> impl IntoView {
    let p = page();
    let added = Memo::new(move |_| {
        p.draft.with(|d| {
            let Some(d) = d else { return Vec::new() };
            let read = d.reading.names();
            let c = &d.corrections;
            table_names(&d.reading, c)
                .into_iter()
                .filter(|n| {
                    group_scope(n).is_none()
                        && !read.contains(n)
                        && !c.renames.values().any(|r| r == n)
                })
                .collect::<Vec<_>>()
        })
    });
    move || {
        let list = added.get();
        (!list.is_empty()).then(|| {
            let rows = list
                .into_iter()
                .map(|name| {
                    let for_kind = name.clone();
                    view! {
                        <li data-unit=name.clone()>
                            <span>{name.clone()}</span>
                            {kind_select(kinds, for_kind, false)}
                        </li>
                    }
                })
                .collect_view();
            view! {
                <h4 class="reader-added-h">"表中没有、由本页加入的单位（单位组成员、修改任务时填写）"</h4>
                <ul class="reader-added">{rows}</ul>
            }
        })
    }
}

/// The groups (各镇（街道）, 区直各部门, …) and their members, which only the office knows.
#[component]
fn Groups() -> impl IntoView {
    let p = page();
    let Some(d) = p.draft.get_untracked() else {
        return ().into_any();
    };
    let groups: Vec<String> = table_names(&d.reading, &d.corrections)
        .into_iter()
        .filter(|n| group_scope(n).is_some())
        .collect();
    if groups.is_empty() {
        return ().into_any();
    }
    let rows = groups
        .into_iter()
        .map(|g| {
            let scope = group_scope(&g)
                .map(gk_reader::publish::scope_words)
                .unwrap_or_default();
            let members = d
                .corrections
                .members
                .get(&g)
                .map(|m| m.join("、"))
                .unwrap_or_default();
            let id = format!(
                "members-{}",
                g.len() + g.chars().map(u32::from).sum::<u32>() as usize
            );
            let name = g.clone();
            view! {
                <div class="reader-group" data-group=g.clone()>
                    <label for=id.clone()>{format!("“{g}”的成员（{scope}）：")}</label>
                    <textarea
                        id=id
                        rows="2"
                        placeholder="粘贴成员名单，用顿号、逗号或换行分隔"
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            let name = name.clone();
                            p.correct(|c| {
                                let members = names_of(&v);
                                if members.is_empty() {
                                    c.members.remove(&name);
                                } else {
                                    c.members.insert(name, members);
                                }
                            });
                        }
                    >
                        {members}
                    </textarea>
                </div>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="groups-h">
            <h3 id="groups-h">"单位组"</h3>
            <p class="help">"表中没有列出单位组包含哪些单位，请逐一填写；成员各自会在任务表中看到这些任务。"</p>
            {rows}
        </section>
    }
    .into_any()
}

/// Every task with its text, units and time, and its marks.
#[component]
fn Tasks() -> impl IntoView {
    let p = page();
    let Some(d) = p.draft.get_untracked() else {
        return ().into_any();
    };
    // Each task's units after the corrections: a rename in the units' table shows here too.
    let units = Memo::new(move |_| {
        p.draft.with(|d| {
            d.as_ref()
                .map(|d| task_units(&d.reading, &d.corrections))
                .unwrap_or_default()
        })
    });
    let shown = move |i: usize, lead: bool| {
        units.with(|u| {
            u.get(i)
                .map(|(l, r)| joined(if lead { l } else { r }))
                .unwrap_or_default()
        })
    };
    let rows = d
        .reading
        .tasks
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let lead_ref = NodeRef::<Input>::new();
            let resp_ref = NodeRef::<Input>::new();
            let save = move |_| {
                let (Some(l), Some(r)) = (lead_ref.get_untracked(), resp_ref.get_untracked()) else {
                    return;
                };
                let (lead, resp) = (names_of(&l.value()), names_of(&r.value()));
                p.correct(|c| {
                    c.tasks.insert(i, (lead, resp));
                });
            };
            let time = if t.time.is_empty() {
                t.times.iter().map(|f| f.phrase.clone()).collect::<Vec<_>>().join("、")
            } else {
                t.time.clone()
            };
            let marks = t.marks.iter().map(|m| view! { <li>{m.words()}</li> }).collect_view();
            view! {
                <li class="reader-task" data-task=i.to_string()>
                    <p class="task-place">
                        {format!("{}　{}", t.place, t.path.join(" › "))}
                    </p>
                    <p class="task-text">{t.text.clone()}</p>
                    <div class="task-units">
                        <label>
                            "牵头："
                            <input type="text" class="task-lead" prop:value=move || shown(i, true) node_ref=lead_ref on:change=save />
                        </label>
                        <label>
                            "责任："
                            <input type="text" class="task-resp" prop:value=move || shown(i, false) node_ref=resp_ref on:change=save />
                        </label>
                        <span class="task-time">{format!("时限：{}", if time.is_empty() { "未写（按年底前督办）".to_string() } else { time })}</span>
                    </div>
                    {(!t.marks.is_empty()).then(|| view! { <ul class="task-marks">{marks}</ul> })}
                </li>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="tasks-h">
            <h3 id="tasks-h">"任务"</h3>
            <p class="help">"单位之间用顿号分隔。改动在离开输入框时生效。"</p>
            <ol class="reader-tasks">{rows}</ol>
        </section>
    }
    .into_any()
}

/// Step 3: what stops the file, or the file and its line for the list of tables.
#[component]
fn Publish() -> impl IntoView {
    let p = page();
    let result = Memo::new(move |_| {
        published(p).map(|r| r.map(|p| (p.table.dataset.id.clone(), p.json, p.list_line)))
    });
    let generate = move |_| {
        if let Some(Ok((id, json, line))) = result.get_untracked() {
            let name = format!("{id}.json");
            if crate::files::download(&name, "application/json", &json) {
                p.published.set(Some((name, line)));
            } else {
                p.error
                    .set(Some("浏览器没有保存文件：请检查下载设置后重试。".into()));
            }
        }
    };
    view! {
        <section class="reader-publish" aria-labelledby="publish-h">
            <h2 id="publish-h">"3. 生成任务表文件"</h2>
            {move || match result.get() {
                Some(Err(problems)) => view! {
                    <div class="reader-problems" id="reader-problems">
                        <p>{format!("还有 {} 个问题需要处理：", problems.len())}</p>
                        <ul>{problems.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                    </div>
                }
                .into_any(),
                _ => view! { <p id="reader-ready">"已可以生成任务表文件。"</p> }.into_any(),
            }}
            <p>
                <button
                    type="button"
                    id="reader-generate"
                    disabled=move || !matches!(result.get(), Some(Ok(_)))
                    on:click=generate
                >
                    "生成任务表文件"
                </button>
            </p>
            {move || p.published.get().map(|(name, line)| view! {
                <div class="reader-done" role="status">
                    <p>{format!("已生成“{name}”。请交给系统管理员：")}</p>
                    <ol>
                        <li>{format!("把“{name}”复制到网站的 tables/ 文件夹；")}</li>
                        <li>"在 tables/tables.json 的 tables 列表中加入下面这一行（前一行末尾加逗号）："</li>
                    </ol>
                    <pre id="reader-list-line">{line}</pre>
                </div>
            })}
        </section>
    }
}
