//! The office's read-only view of one unit (只读（汇总查看）), opened from the 汇总 matrix: the
//! unit's tasks (those of the clicked pillar, or all) with 编号, the task text, the unit's role,
//! status, 备注, 更新时间 and 督办 light, as text only. It has no control that edits, so that the
//! office cannot change a unit's records by accident (the matrix used to open the unit's own,
//! editable task table). It takes the central view's place on screen and in print; 返回汇总 (or
//! Esc) closes it and puts the focus back on the matrix button that opened it.
//!
//! The view is in the link, as the task table's views are: `#unit=…` (and `&pillar=…`, the
//! pillar clicked) on the office page. Opening and closing it adds a history entry, so the
//! browser's back button returns from a unit to the 汇总 instead of leaving the page, and a
//! link opens the unit's view directly.

use crate::print::PrintHead;
use crate::state::ctx;
use crate::url;
use gk_core::checklist::Entry;
use gk_core::filter::Filter;
use gk_core::status::Status;
use gk_core::supervision::Light;
use gk_core::timestamp::CHINA_OFFSET_MINUTES;
use leptos::prelude::*;
use std::time::Duration;

/// A task text longer than this shows its first characters, the whole text a click away.
const SHORT: usize = 60;

/// What the view shows: a unit (its position in [`unit_tasks`]) and the pillar clicked (`None`:
/// all its tasks).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shown {
    pub unit: usize,
    pub pillar: Option<u8>,
}

/// The view's state, shared by the matrix (which opens it) and the central view (which it
/// replaces while open).
#[derive(Clone, Copy)]
pub struct UnitView {
    /// From the view's filter (the link): its unit, when it is one of [`unit_tasks`], and its
    /// pillar.
    pub shown: Memo<Option<Shown>>,
    /// The id of the button that opened it, which gets the focus back when it closes.
    from: RwSignal<String>,
}

impl UnitView {
    pub fn is_open(self) -> bool {
        self.shown.with(Option::is_some)
    }

    /// Shows `unit` (and `pillar`), opened from the element with id `from`.
    pub fn open(self, unit: usize, pillar: Option<u8>, from: String) {
        self.from.set(from);
        show(
            Some(ctx().data.with_value(|d| d.unit_tasks[unit].0.clone())),
            pillar,
        );
    }

    /// Back to the central view.
    pub fn close(self) {
        show(None, None);
    }
}

/// Puts the unit and pillar in the filter and in the link, as a new history entry.
fn show(unit: Option<String>, pillar: Option<u8>) {
    url::push_view(ctx().filter, |f| {
        f.unit = unit;
        f.pillar = pillar;
    });
}

pub fn unit_view() -> UnitView {
    expect_context::<UnitView>()
}

pub fn provide_unit_view() {
    let c = ctx();
    let shown = Memo::new(move |_| {
        c.filter.with(|f| {
            let unit = f.unit.as_deref()?;
            let i = c
                .data
                .with_value(|d| d.unit_tasks.iter().position(|(u, _)| u == unit))?;
            Some(Shown {
                unit: i,
                pillar: f.pillar,
            })
        })
    });
    let from = RwSignal::new(String::new());
    // However the view opens or closes (a click, Esc, the browser's back and forward), the focus
    // follows: to the view's heading, or back to the matrix button that opened it.
    Effect::new(move |was_open: Option<bool>| {
        let open = shown.with(Option::is_some);
        match (was_open, open) {
            (Some(false), true) => focus_later("unit-view-title"),
            (Some(true), false) => focus_later(&from.get_untracked()),
            _ => {}
        }
        open
    });
    provide_context(UnitView { shown, from });
}

/// Focuses the element with this id once the views have been drawn.
fn focus_later(id: &str) {
    let id = id.to_string();
    set_timeout(
        move || {
            if let Some(el) = document().get_element_by_id(&id) {
                if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
                    _ = el.focus();
                }
            }
        },
        Duration::ZERO,
    );
}

#[component]
pub fn UnitViewSection() -> impl IntoView {
    let v = unit_view();
    let keydown = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" {
            v.close();
        }
    };
    view! {
        <section
            class="unit-view"
            aria-labelledby="unit-view-title"
            hidden=move || !v.is_open()
            on:keydown=keydown
        >
            {move || v.shown.get().map(body)}
        </section>
    }
}

/// The view of one unit: heading, figures, the pillar choice and the tasks.
fn body(s: Shown) -> impl IntoView {
    let c = ctx();
    let v = unit_view();
    let data = c.data;
    let (unit, n_tasks) = data.with_value(|d| {
        let (name, tasks) = &d.unit_tasks[s.unit];
        (name.clone(), tasks.len())
    });
    let at = s.unit;
    // The pillar shown; the view opens on the one clicked.
    let pillar = RwSignal::new(s.pillar);
    let u = unit.clone();
    let progress = Memo::new(move |_| {
        data.with_value(|d| {
            c.checklists
                .with(|cl| cl.progress(&d.table, &u, &d.unit_tasks[at].1))
        })
    });
    let u = unit.clone();
    let shown = Memo::new(move |_| {
        let f = Filter {
            unit: Some(u.clone()),
            pillar: pillar.get(),
            ..Filter::default()
        };
        data.with_value(|d| d.index.shown(&f, c.day.get(), |_| None::<&Entry>))
    });
    let figures = move || {
        progress.with(|p| {
            format!(
                "共 {} 项：已完成 {}{} · 进行中 {} 项",
                n_tasks,
                p.done,
                p.out_of(),
                p.doing
            )
        })
    };
    let scope = move || {
        let name = data.with_value(|d| {
            let id = pillar.get()?;
            d.table.pillar(id).map(|p| p.name.clone())
        });
        match name {
            Some(name) => format!("支柱：{}　显示 {} 项", name, shown.with(Vec::len)),
            None => format!("全部支柱　显示 {} 项", shown.with(Vec::len)),
        }
    };
    let choice = move |id: Option<u8>, label: String| {
        view! {
            <button
                type="button"
                class="chip"
                aria-pressed=move || (pillar.get() == id).to_string()
                on:click=move |_| pillar.set(id)
            >
                {label}
            </button>
        }
    };
    let chips = move || {
        let all = choice(None, format!("全部（{} 项）", n_tasks)).into_any();
        let per = progress.with(|p| {
            p.per_pillar
                .iter()
                .map(|pp| {
                    let short = data.with_value(|d| {
                        d.table
                            .pillar(pp.pillar)
                            .map_or(String::new(), |x| x.short.clone())
                    });
                    choice(
                        Some(pp.pillar),
                        format!("{short}（{} 项）", pp.applicable + pp.na),
                    )
                    .into_any()
                })
                .collect::<Vec<_>>()
        });
        std::iter::once(all).chain(per).collect_view()
    };
    view! {
        <PrintHead view="只读（汇总查看）" />
        <div class="uv-head">
            <h2 id="unit-view-title" tabindex="-1">{unit.clone()}"的任务"</h2>
            <span class="readonly-mark">"只读（汇总查看）"</span>
            <span class="uv-tools no-print">
                <button type="button" on:click=move |_| _ = window().print()>
                    "打印"
                </button>
                <button type="button" class="primary" on:click=move |_| v.close()>
                    "返回汇总"
                </button>
            </span>
        </div>
        <p class="hint no-print">
            "此处只供查看，不能修改：状态和备注由该单位在任务表中填写，导出报送文件后经“导入报送文件”汇总到这里。"
        </p>
        <p class="uv-figures">{figures}" · "{crate::office::dunning::as_of_words}</p>
        <div class="uv-pillars no-print" role="group" aria-label="支柱">
            {chips}
        </div>
        <p class="uv-scope" aria-live="polite">{scope}</p>
        <table class="uv-table">
            <thead>
                <tr>
                    <th scope="col" class="uv-id">"编号"</th>
                    <th scope="col" class="uv-text">"工作任务及要求"</th>
                    <th scope="col" class="uv-role">"本单位"</th>
                    <th scope="col" class="uv-status">"状态"</th>
                    <th scope="col" class="uv-light">"督办"</th>
                    <th scope="col" class="uv-note">"备注"</th>
                    <th scope="col" class="uv-time">"更新时间"</th>
                </tr>
            </thead>
            <tbody>
                {move || shown.get().into_iter().map(|i| task_row(&unit, i)).collect_view()}
            </tbody>
        </table>
    }
}

/// One task of the unit, as text: its status, light, note and time follow the records.
fn task_row(unit: &str, i: usize) -> impl IntoView {
    let c = ctx();
    let d = c.data();
    let task = &d.table.tasks[i];
    let id = task.id.clone();
    let role = d.index.assignment(i, unit).map(|a| a.label());
    let (u, key) = (unit.to_string(), id.clone());
    let entry = Memo::new(move |_| c.checklists.with(|cl| cl.get(&u, &key).cloned()));
    let status = move || entry.with(|e| e.as_ref().map_or(Status::default(), |e| e.status));
    // The task's due date and period do not change: the index has them.
    let schedule = d.index.schedule(i);
    let lit = move || {
        schedule.map_or(Light::OnTrack, |s| {
            entry.with(|e| s.light(e.as_ref(), c.day.get()))
        })
    };
    let note = move || entry.with(|e| e.as_ref().map_or(String::new(), |e| e.note.clone()));
    let time = move || {
        entry.with(|e| {
            e.as_ref().map_or("—".to_string(), |e| {
                e.updated_at.to_local_display(CHINA_OFFSET_MINUTES)
            })
        })
    };
    let text = task.text.clone();
    let long = text.chars().count() > SHORT;
    let full = RwSignal::new(false);
    view! {
        <tr data-task-id=id.clone() data-status=move || status().key() data-light=move || lit().key()>
            <td class="uv-id" data-label="编号">{id.clone()}</td>
            <td class="uv-text" data-label="工作任务及要求">
                <span class="uv-short no-print" hidden=move || !long || full.get()>
                    {text.chars().take(SHORT).collect::<String>()}"…"
                </span>
                <span class="uv-full" class:print-only=move || long && !full.get()>
                    {text}
                </span>
                {long
                    .then(|| {
                        view! {
                            <button
                                type="button"
                                class="link uv-more"
                                aria-expanded=move || full.get().to_string()
                                on:click=move |_| full.update(|f| *f = !*f)
                            >
                                {move || if full.get() { "收起" } else { "全文" }}
                            </button>
                        }
                    })}
            </td>
            <td class="uv-role" data-label="本单位">{role}</td>
            <td class="uv-status" data-label="状态">
                <span class="uv-s">{move || status().label()}</span>
            </td>
            <td class="uv-light" data-label="督办">
                <span class="light" class:na=move || status() == Status::Na>{move || lit().word(status())}</span>
            </td>
            <td class="uv-note" data-label="备注">{move || crate::note::note_view(&note())}</td>
            <td class="uv-time" data-label="更新时间">{time}</td>
        </tr>
    }
}
