//! The contents of the Excel workbooks (issue 14), as plain sheets of typed cells: the unit's
//! ledger (台账) of the current view, and the office's consolidation (汇总, 未报送, 明细, 督办).
//!
//! Content only: which sheets, rows and values. How a sheet looks in Excel (merged title,
//! frozen header, borders, A4, page numbers) is the `gk-xlsx` crate's, which writes any
//! [`Workbook`] the same way.

use crate::checklist::Checklists;
use crate::describe::describe;
use crate::dunning;
use crate::filter::{Filter, Index};
use crate::model::{Table, Task};
use crate::status::Status;
use crate::supervision::{chinese_date, light_counts, lights, Date, Light, SOON_DAYS};
use crate::timestamp::Timestamp;

/// One cell. Numbers are numbers and dates are dates, so that staff can sort and sum.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Number(f64),
    /// A share, written as a percentage (0.5 is 50%).
    Ratio(f64),
    /// A calendar day (e.g. a due date).
    Date(Date),
    /// An instant, shown in China time to the minute (e.g. a record's 更新时间).
    Time(Timestamp),
    Empty,
}

impl Cell {
    fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }
}

/// A column: its heading and its width in characters of a Chinese font.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub heading: String,
    pub width: f64,
    /// Long text: wrapped (the task text, notes). Other columns stay on one line.
    pub wrap: bool,
}

fn col(heading: impl Into<String>, width: f64, wrap: bool) -> Column {
    Column {
        heading: heading.into(),
        width,
        wrap,
    }
}

/// A sheet: a title over the whole width, a line that says what the sheet shows, a header row,
/// the rows, and lines under the table (the sign-off).
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    /// The sheet's tab name, e.g. 台账.
    pub name: &'static str,
    pub title: String,
    pub subtitle: String,
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Cell>>,
    /// Lines under the table, e.g. 填报单位：市财政局.
    pub footer: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Workbook {
    pub sheets: Vec<Sheet>,
}

fn joined(names: &[String]) -> String {
    names.join("、")
}

fn pillar_name(table: &Table, task: &Task) -> String {
    table
        .pillar(task.pillar)
        .map_or_else(|| task.pillar.to_string(), |p| p.short.clone())
}

fn section_name(table: &Table, task: &Task) -> String {
    table
        .section(&task.section)
        .map_or_else(|| task.section.clone(), |s| s.name.clone())
}

/// The task and its requirements as one text: the item's heading, then the task.
fn task_text(task: &Task) -> String {
    if task.item.is_empty() {
        task.text.clone()
    } else {
        format!("{}\n{}", task.item, task.text)
    }
}

/// The unit's ledger (台账) of the view `filter` (which names the unit) on the as-of day
/// `day`: the tasks shown, in source order, with the unit's role, status, note and time.
/// `None` without a unit: a ledger is a unit's.
pub fn unit_ledger(
    table: &Table,
    index: &Index,
    checklists: &Checklists,
    filter: &Filter,
    day: Date,
) -> Option<Workbook> {
    let unit = filter.unit.as_deref()?;
    let shown = index.shown(filter, day, |i| checklists.get(unit, &table.tasks[i].id));
    let rows = shown
        .iter()
        .map(|&i| {
            let task = &table.tasks[i];
            let entry = checklists.get(unit, &task.id);
            let role = index
                .assignment(i, unit)
                .map_or(Cell::Empty, |a| Cell::Text(a.label()));
            vec![
                Cell::text(&task.id),
                Cell::Text(pillar_name(table, task)),
                Cell::Text(section_name(table, task)),
                Cell::Text(task_text(task)),
                Cell::Text(joined(&task.lead)),
                Cell::Text(joined(&task.responsible)),
                role,
                Cell::text(entry.map_or(Status::default(), |e| e.status).label()),
                entry.map_or(Cell::Empty, |e| Cell::text(&e.note)),
                entry.map_or(Cell::Empty, |e| Cell::Time(e.updated_at)),
            ]
        })
        .collect();
    Some(Workbook {
        sheets: vec![Sheet {
            name: "台账",
            title: table.dataset.title.clone(),
            subtitle: describe(table, filter, shown.len(), day),
            columns: vec![
                col("编号", 7.0, false),
                col("支柱", 8.0, false),
                col("分项", 14.0, true),
                col("工作任务及要求", 44.0, true),
                col("牵头单位", 16.0, true),
                col("责任单位", 16.0, true),
                col("本单位角色", 10.0, true),
                col("状态", 8.0, false),
                col("备注", 22.0, true),
                col("更新时间", 19.0, false),
            ],
            rows,
            footer: vec![
                format!("填报单位：{unit}"),
                "填报人：".to_string(),
                "审核人：".to_string(),
                "日期：".to_string(),
            ],
        }],
    })
}

/// Every pickable unit with its tasks (indices), in table order.
fn units_and_tasks(index: &Index) -> Vec<(&str, Vec<usize>)> {
    index
        .units()
        .iter()
        .map(|u| (u.as_str(), index.tasks_of(u)))
        .collect()
}

/// The office's consolidation of every unit's checklist kept here, on the as-of day `day`:
/// 汇总 (unit × pillar, done and applicable, totals with 进行中, reporting, the 督办 counts),
/// 未报送, 明细 (one row per unit and task) and 督办 (every unit's overdue, stale and 临期 tasks).
pub fn consolidation(table: &Table, index: &Index, checklists: &Checklists, day: Date) -> Workbook {
    let units = units_and_tasks(index);
    let title = &table.dataset.title;
    let as_of = format!("截至 {}", chinese_date(day));

    // 汇总: two numbers per pillar, then the totals (done, applicable, in progress), the share
    // and the reporting.
    let mut columns = vec![col("单位", 22.0, true)];
    for p in &table.pillars {
        columns.push(col(format!("{}·已完成", p.short), 9.0, true));
        columns.push(col(format!("{}·适用", p.short), 9.0, true));
    }
    columns.extend([
        col("合计·已完成", 9.0, true),
        col("合计·适用", 9.0, true),
        col("合计·进行中", 9.0, true),
        col("完成率", 9.0, false),
        col("报送情况", 9.0, false),
        col("最近更新", 18.0, false),
        // The 督办 counts on the as-of day, as the matrix shows them: 临期 lets the office
        // chase before a deadline passes.
        col("逾期", 7.0, false),
        col("待更新", 7.0, false),
        col("临期", 7.0, false),
    ]);
    let mut summary = Vec::new();
    let mut missing = Vec::new();
    for (unit, tasks) in &units {
        let p = checklists.progress(table, unit, tasks);
        let mut row = vec![Cell::text(*unit)];
        for pillar in &table.pillars {
            match p.per_pillar.iter().find(|pp| pp.pillar == pillar.id) {
                Some(pp) => row.extend([
                    Cell::Number(pp.done as f64),
                    Cell::Number(pp.applicable as f64),
                ]),
                None => row.extend([Cell::Empty, Cell::Empty]),
            }
        }
        let last = checklists.last_entry_at(unit);
        row.extend([
            Cell::Number(p.done as f64),
            Cell::Number(p.applicable as f64),
            Cell::Number(p.doing as f64),
            if p.applicable > 0 {
                Cell::Ratio(p.done as f64 / p.applicable as f64)
            } else {
                Cell::Empty
            },
            Cell::text(if last.is_some() {
                "已报送"
            } else {
                "未报送"
            }),
            last.map_or(Cell::Empty, Cell::Time),
        ]);
        let counts = light_counts(table, checklists, unit, tasks, day);
        row.extend(
            [Light::Overdue, Light::Stale, Light::Soon].map(|l| Cell::Number(counts.get(l) as f64)),
        );
        summary.push(row);
        if last.is_none() {
            missing.push(vec![
                Cell::Number((missing.len() + 1) as f64),
                Cell::text(*unit),
                Cell::Number(tasks.len() as f64),
            ]);
        }
    }
    let reported = units.len() - missing.len();

    let mut details = Vec::new();
    let mut chase = Vec::new();
    for (unit, tasks) in &units {
        // 督办: what the office chases the unit for (the 催办 list) and what falls due within
        // 14 days (临期), the due date as a date.
        let chased = lights(table, checklists, unit, tasks, day)
            .filter(|&(_, light)| dunning::is_chased(light) || light == Light::Soon);
        for (task, light) in chased {
            let row = dunning::Row { task, light };
            let task = &table.tasks[row.task];
            chase.push(vec![
                Cell::text(*unit),
                Cell::text(&task.id),
                Cell::Text(task_text(task)),
                match dunning::term_of(table, task, row.light) {
                    dunning::Term::Period(period) => {
                        Cell::Text(dunning::period_words(table, task, period))
                    }
                    dunning::Term::Due(day) => Cell::Date(day),
                },
                Cell::text(row.light.label()),
                Cell::text(dunning::note(checklists, unit, task)),
            ]);
        }
        for &i in tasks {
            let task = &table.tasks[i];
            let entry = checklists.get(unit, &task.id);
            let role = index
                .assignment(i, unit)
                .map_or(Cell::Empty, |a| Cell::Text(a.label()));
            details.push(vec![
                Cell::text(*unit),
                Cell::text(&task.id),
                Cell::Text(pillar_name(table, task)),
                Cell::Text(task_text(task)),
                role,
                Cell::text(entry.map_or(Status::default(), |e| e.status).label()),
                entry.map_or(Cell::Empty, |e| Cell::text(&e.note)),
                entry.map_or(Cell::Empty, |e| Cell::Time(e.updated_at)),
            ]);
        }
    }

    Workbook {
        sheets: vec![
            Sheet {
                name: "汇总",
                title: title.clone(),
                subtitle: format!(
                    "各单位完成情况（已完成 / 适用，不适用的任务不计） 共 {} 个单位，已报送 {reported} 个",
                    units.len()
                ),
                columns,
                rows: summary,
                footer: Vec::new(),
            },
            Sheet {
                name: "未报送",
                title: title.clone(),
                subtitle: format!("未报送单位 共 {} 个", missing.len()),
                columns: vec![
                    col("序号", 6.0, false),
                    col("单位", 24.0, true),
                    col("本单位任务数", 12.0, false),
                ],
                rows: missing,
                footer: Vec::new(),
            },
            Sheet {
                name: "明细",
                title: title.clone(),
                subtitle: format!("各单位各项任务 共 {} 行", details.len()),
                columns: vec![
                    col("单位", 18.0, true),
                    col("编号", 8.0, false),
                    col("支柱", 8.0, false),
                    col("工作任务及要求", 48.0, true),
                    col("本单位角色", 10.0, true),
                    col("状态", 8.0, false),
                    col("备注", 24.0, true),
                    col("更新时间", 18.0, false),
                ],
                rows: details,
                footer: Vec::new(),
            },
            Sheet {
                name: "督办",
                title: title.clone(),
                subtitle: format!(
                    "逾期、待更新和临期（{SOON_DAYS} 天内到期）的任务 {as_of} 共 {} 项",
                    chase.len()
                ),
                columns: vec![
                    col("单位", 18.0, true),
                    col("编号", 8.0, false),
                    col("工作任务及要求", 48.0, true),
                    col("时限", 14.0, false),
                    col("督办状态", 9.0, false),
                    col("备注", 24.0, true),
                ],
                rows: chase,
                footer: Vec::new(),
            },
        ],
    }
}
