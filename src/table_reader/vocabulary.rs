//! The table's own words, which no cell spells out and the office sets: its kinds of unit (the
//! unit picker's headings), its first-level headings' short names (the chips), and its time
//! requirements (the time filter's options, their keys in links, or none at all).

use gk_core::model::{AfterUnit, TimeRule};
use gk_reader::publish::{
    kinds_for, pillar_names, read_times, rename_kind, table_names, unit_kind, KindDef, TimeFix,
};
use gk_reader::units::group_scope;
use leptos::prelude::*;

use super::page;

/// The kinds in use, for the kind lists and the units' selects.
pub fn kinds_memo() -> Memo<Vec<KindDef>> {
    let p = page();
    Memo::new(move |_| {
        p.draft.with(|d| {
            d.as_ref()
                .map(|d| kinds_for(&d.reading, &d.corrections))
                .unwrap_or_default()
        })
    })
}

/// The options of a unit's kind select, `kind` chosen.
pub fn kind_options(kinds: &[KindDef], kind: &str) -> impl IntoView {
    let mut options: Vec<(String, String)> = kinds
        .iter()
        .map(|d| {
            // Two kinds under one heading (the bank branches and the colleges, both 其他单位)
            // are told apart by their keys.
            let shared = kinds.iter().filter(|o| o.heading == d.heading).count() > 1;
            let label = match (d.heading.trim().is_empty(), shared) {
                (true, _) => d.key.clone(),
                (false, true) => format!("{}（{}）", d.heading, d.key),
                (false, false) => d.heading.clone(),
            };
            (d.key.clone(), label)
        })
        .collect();
    // A kind the list no longer has stays shown (and publishing names it), never silently
    // replaced by the first option.
    if !kinds.iter().any(|d| d.key == kind) {
        options.push((kind.to_string(), format!("（{kind}，已不在类别中）")));
    }
    options
        .into_iter()
        .map(|(key, label)| {
            let selected = key == kind;
            view! { <option value=key selected=selected>{label}</option> }
        })
        .collect_view()
}

/// The kinds of unit: headings, keys, how many units each has; add one, remove an unused one.
#[component]
pub fn Kinds(kinds: Memo<Vec<KindDef>>) -> impl IntoView {
    let p = page();
    let count = Memo::new(move |_| kinds.with(Vec::len));
    let used = move |key: &str| {
        p.draft.with(|d| {
            d.as_ref().map_or(0, |d| {
                table_names(&d.reading, &d.corrections)
                    .iter()
                    .filter(|n| group_scope(n).is_none() && unit_kind(&d.corrections, n) == key)
                    .count()
            })
        })
    };
    let key_of =
        move |i: usize| kinds.with(|k| k.get(i).map(|d| d.key.clone()).unwrap_or_default());
    let set_list = move |f: &dyn Fn(&mut Vec<KindDef>)| {
        let mut list = kinds.get_untracked();
        f(&mut list);
        p.correct(|c| c.kind_list = list);
    };
    let add = move |_| {
        let list = kinds.get_untracked();
        let key = (list.len() + 1..)
            .map(|n| format!("kind-{n}"))
            .find(|k| !list.iter().any(|d| d.key == *k))
            .unwrap_or_default();
        set_list(&|l| {
            l.push(KindDef {
                key: key.clone(),
                heading: String::new(),
            })
        });
    };
    let rows = move || {
        (0..count.get())
            .map(|i| {
                let heading =
                    move || kinds.with(|k| k.get(i).map(|d| d.heading.clone()).unwrap_or_default());
                let units = move || used(&key_of(i));
                let in_use = move || units() > 0;
                view! {
                    <tr data-kind=move || key_of(i)>
                        <td data-label="名称">
                            <input
                                type="text"
                                class="kind-heading"
                                aria-label=format!("第 {} 个类别的名称", i + 1)
                                placeholder="例如：驻区单位"
                                prop:value=heading
                                on:change=move |ev| {
                                    let v = event_target_value(&ev).trim().to_string();
                                    set_list(&|l| {
                                        if let Some(d) = l.get_mut(i) {
                                            d.heading = v.clone();
                                        }
                                    });
                                }
                            />
                        </td>
                        <td data-label="编号">
                            <input
                                type="text"
                                class="kind-key"
                                aria-label=format!("第 {} 个类别的编号", i + 1)
                                prop:value=move || key_of(i)
                                on:change=move |ev| {
                                    let new = event_target_value(&ev).trim().to_string();
                                    let old = key_of(i);
                                    if new.is_empty() || new == old {
                                        return;
                                    }
                                    p.correct_reading(|r, c| rename_kind(r, c, &old, &new));
                                }
                            />
                        </td>
                        <td class="num" data-label="单位数">{units}</td>
                        <td>
                            <button
                                type="button"
                                class="kind-remove"
                                disabled=in_use
                                title="只能删除没有单位的类别"
                                on:click=move |_| set_list(&|l| {
                                    if i < l.len() {
                                        l.remove(i);
                                    }
                                })
                            >
                                "删除"
                            </button>
                        </td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <section aria-labelledby="kinds-h">
            <h3 id="kinds-h">"单位类别"</h3>
            <p class="help">"各单位在任务表中选择本单位时，按类别分组列出，类别名称就是分组标题；名称相同的类别列在同一标题下。编号写入任务表文件，只能用小写字母、数字和“-”。"</p>
            <table class="reader-grid reader-kinds">
                <thead>
                    <tr><th scope="col">"名称"</th><th scope="col">"编号"</th><th scope="col">"单位数"</th><th scope="col"><span class="visually-hidden">"操作"</span></th></tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
            <p><button type="button" id="kind-add" on:click=add>"增加类别"</button></p>
        </section>
    }
}

/// The first-level headings' short names, for the chips and narrow screens.
#[component]
pub fn Pillars() -> impl IntoView {
    let p = page();
    let Some(d) = p.draft.get_untracked() else {
        return ().into_any();
    };
    let rows = pillar_names(&d.reading, &d.corrections)
        .into_iter()
        .map(|(name, proposed)| {
            let value = d
                .corrections
                .pillar_shorts
                .get(&name)
                .cloned()
                .unwrap_or_default();
            let for_input = name.clone();
            view! {
                <tr data-pillar=name.clone()>
                    <th scope="row">{name.clone()}</th>
                    <td data-label="简称">
                        <input
                            type="text"
                            class="pillar-short"
                            aria-label=format!("“{name}”的简称")
                            maxlength="12"
                            value=value
                            placeholder=proposed
                            on:change=move |ev| {
                                let v = event_target_value(&ev).trim().to_string();
                                let name = for_input.clone();
                                p.correct(|c| {
                                    if v.is_empty() {
                                        c.pillar_shorts.remove(&name);
                                    } else {
                                        c.pillar_shorts.insert(name, v);
                                    }
                                });
                            }
                        />
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="pillars-h">
            <h3 id="pillars-h">"一级标题的简称"</h3>
            <p class="help">"简称用在任务表的板块按钮和手机屏幕上；不填则用灰色显示的建议简称。"</p>
            <table class="reader-grid reader-pillars">
                <thead><tr><th scope="col">"一级标题"</th><th scope="col">"简称"</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </section>
    }
    .into_any()
}

fn rule_words(rule: TimeRule) -> String {
    match rule {
        TimeRule::Due(d) => format!(
            "截止日期 {}年{}月{}日",
            d.year(),
            u8::from(d.month()),
            d.day()
        ),
        TimeRule::Every(Some(period)) => format!("周期性工作，{}更新", period.label()),
        TimeRule::Every(None) => "不设截止日期，按年底督办".into(),
        TimeRule::After(AfterUnit::WorkingDays) => "事件发生后限定工作日内".into(),
        TimeRule::After(AfterUnit::Hours) => "事件发生后限定小时内".into(),
    }
}

/// The time requirements read from the tasks' words: each one's label in the time filter, its
/// key in links, or that it is none (长期, 持续推进 as how work goes on).
#[component]
pub fn Times() -> impl IntoView {
    let p = page();
    let year = Memo::new(move |_| {
        p.draft.with(|d| {
            d.as_ref()
                .map(|d| d.corrections.year.or(d.reading.year).unwrap_or(2000))
                .unwrap_or(2000)
        })
    });
    let fix_of = move |key: &str| {
        p.draft.with_untracked(|d| {
            d.as_ref()
                .and_then(|d| d.corrections.times.get(key).cloned())
                .unwrap_or_default()
        })
    };
    let set = move |key: String, f: &dyn Fn(&mut TimeFix)| {
        p.correct(|c| {
            let mut fix = c.times.get(&key).cloned().unwrap_or_default();
            f(&mut fix);
            if fix == TimeFix::default() {
                c.times.remove(&key);
            } else {
                c.times.insert(key, fix);
            }
        });
    };
    // Drawn again when the year changes (the deadlines' keys name it).
    let rows = move || {
        let year = year.get();
        let times = p.draft.with_untracked(|d| {
            d.as_ref()
                .map(|d| read_times(&d.reading, year))
                .unwrap_or_default()
        });
        times
            .into_iter()
            .map(|(def, tasks, phrase)| {
                let fix = fix_of(&def.key);
                let (k1, k2, k3) = (def.key.clone(), def.key.clone(), def.key.clone());
                view! {
                    <tr data-time=def.key.clone()>
                        <th scope="row">
                            {format!("“{phrase}”")}
                            <span class="hint-plain">{format!("{}，{tasks} 项任务", rule_words(def.rule))}</span>
                        </th>
                        <td data-label="名称">
                            <input
                                type="text"
                                class="time-label"
                                aria-label=format!("“{phrase}”在筛选中的名称")
                                value=fix.label.clone()
                                placeholder=def.label.clone()
                                on:change=move |ev| {
                                    let v = event_target_value(&ev).trim().to_string();
                                    set(k1.clone(), &|f| f.label = v.clone());
                                }
                            />
                        </td>
                        <td data-label="编号">
                            <input
                                type="text"
                                class="time-key"
                                aria-label=format!("“{phrase}”的编号")
                                value=fix.key.clone()
                                placeholder=def.key.clone()
                                on:change=move |ev| {
                                    let v = event_target_value(&ev).trim().to_string();
                                    set(k2.clone(), &|f| f.key = v.clone());
                                }
                            />
                        </td>
                        <td data-label="">
                            <label class="time-drop">
                                <input
                                    type="checkbox"
                                    checked=fix.drop
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        set(k3.clone(), &|f| f.drop = on);
                                    }
                                />
                                "不作为时限要求"
                            </label>
                        </td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <section aria-labelledby="times-h">
            <h3 id="times-h">"时限要求"</h3>
            <p class="help">"从任务文字中读到的时限。名称显示在任务表的“时限”筛选和打印中；编号用在链接里（只能用小写字母、数字和“-”）。“长期”“持续推进”等若只是工作方式，可勾选“不作为时限要求”。"</p>
            <table class="reader-grid reader-times">
                <thead>
                    <tr><th scope="col">"读到的时限"</th><th scope="col">"名称"</th><th scope="col">"编号"</th><th scope="col"><span class="visually-hidden">"不作为时限"</span></th></tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </section>
    }
}
