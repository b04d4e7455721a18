//! 催办 lists on the real table: which tasks a unit is chased for on an as-of day (only 逾期
//! and 待更新, in source order), their 时限 and notes, the CSV, and the order of units by
//! their counts. Expectations are computed here from the raw JSON's time tags and the issue's
//! rules, not through the supervision module.

#[path = "filter_fixture.rs"]
mod fixture;

use gk_core::checklist::Checklists;
use gk_core::csv::BOM;
use gk_core::dunning::{csv, order, rows, term, term_of, Chased, Row, Term, UnitOrder, HEADER};
use gk_core::filter::Index;
use gk_core::model::Table;
use gk_core::status::Status;
use gk_core::supervision::{parse_as_of, Date, Light, LightCounts, Period};
use gk_core::timestamp::Timestamp;
use serde_json::Value;

const COUNTY: &str = "泰山区";
const FIN: &str = "市财政局";

fn day(text: &str) -> Date {
    parse_as_of(text).unwrap()
}

fn at(text: &str) -> Timestamp {
    Timestamp::parse(text).unwrap()
}

fn index_of(table: &Table, id: &str) -> usize {
    table.tasks.iter().position(|t| t.id == id).unwrap()
}

/// The rules for a unit without any record, from the raw tags: overdue when a
/// deadline tag falls before the day, else stale when a cadence other than 定期 asks for
/// evidence (no record is never fresh). Task ids in source order with their light.
fn expected_without_records(unit_tasks: &[usize], as_of: &str) -> Vec<(String, Light)> {
    let raw: Value = serde_json::from_str(fixture::REAL_JSON).unwrap();
    let tasks = raw["tasks"].as_array().unwrap();
    let mut out = Vec::new();
    for &i in unit_tasks {
        let tags: Vec<&str> = tasks[i]["time"]
            .as_array()
            .map(|r| r.iter().map(|t| t["tag"].as_str().unwrap()).collect())
            .unwrap_or_default();
        let due = tags
            .iter()
            .filter_map(|t| match *t {
                "by-2017-05" => Some("2017-05-31"),
                "by-june" => Some("2017-06-30"),
                "by-2017-end" => Some("2017-12-31"),
                "in-2018" => Some("2018-12-31"),
                _ => None,
            })
            .min()
            .unwrap_or("2017-12-31");
        let recurring = tags
            .iter()
            .any(|t| ["weekly", "five-days", "monthly", "quarterly", "yearly"].contains(t));
        let id = tasks[i]["id"].as_str().unwrap().to_string();
        if due < as_of {
            out.push((id, Light::Overdue));
        } else if recurring {
            out.push((id, Light::Stale));
        }
    }
    out
}

fn ids(table: &Table, rows: &[Row]) -> Vec<(String, Light)> {
    rows.iter()
        .map(|r| (table.tasks[r.task].id.clone(), r.light))
        .collect()
}

#[test]
fn a_unit_without_records_is_chased_for_its_overdue_and_recurring_tasks_in_source_order() {
    let table = fixture::real();
    let index = Index::new(&table);
    let none = Checklists::new();
    for unit in index.units() {
        let tasks = index.tasks_of(unit);
        for as_of in ["2017-05-31", "2017-06-01", "2017-07-01", "2018-01-01"] {
            let got = rows(&table, &none, unit, &tasks, day(as_of));
            assert_eq!(
                ids(&table, &got),
                expected_without_records(&tasks, as_of),
                "{unit} on {as_of}"
            );
        }
    }
    // The counties on 1 July: 2.1.7 (5月底前) and 4.3.4 (6月底前) overdue, the recurring rest
    // stale.
    let tasks = index.tasks_of(COUNTY);
    let got = rows(&table, &none, COUNTY, &tasks, day("2017-07-01"));
    assert_eq!(
        ids(&table, &got),
        [
            ("1.1.5", Light::Stale),
            ("2.1.7", Light::Overdue),
            ("2.3.1", Light::Stale),
            ("2.3.2", Light::Stale),
            ("4.1.7", Light::Stale),
            ("4.2.3", Light::Stale),
            ("4.2.6", Light::Stale),
            ("4.3.4", Light::Overdue),
            ("5.2.10", Light::Stale),
        ]
        .map(|(id, l)| (id.to_string(), l))
    );
}

#[test]
fn records_take_tasks_off_the_list() {
    let table = fixture::real();
    let index = Index::new(&table);
    let mut tasks = index.tasks_of(COUNTY);
    tasks.push(10_000);
    let d = day("2017-07-01");
    let mut cl = Checklists::new();
    // Done and 不适用 close an overdue task; 不适用 also a recurring one.
    cl.set_status(COUNTY, "2.1.7", Status::Done, at("2017-06-01T02:00:00Z"));
    cl.set_status(COUNTY, "4.1.7", Status::Na, at("2017-01-01T02:00:00Z"));
    // A record in the current period (the week of Monday 26 June; 23:59 on Sunday 25 June in
    // China time is the week before) clears a stale task, one before it does not.
    cl.set_note(COUNTY, "2.3.2", "周报已发", at("2017-06-25T16:00:00Z"));
    cl.set_note(COUNTY, "2.3.1", "上周已报", at("2017-06-25T15:59:00Z"));
    // In progress and late: still overdue.
    cl.set_status(COUNTY, "4.3.4", Status::Doing, at("2017-06-30T01:00:00Z"));
    let got = rows(&table, &cl, COUNTY, &tasks, d);
    assert_eq!(
        ids(&table, &got),
        [
            ("1.1.5", Light::Stale),
            ("2.3.1", Light::Stale),
            ("4.2.3", Light::Stale),
            ("4.2.6", Light::Stale),
            ("4.3.4", Light::Overdue),
            ("5.2.10", Light::Stale),
        ]
        .map(|(id, l)| (id.to_string(), l))
    );
}

#[test]
fn the_term_is_the_due_date_when_overdue_and_the_period_when_stale() {
    let table = fixture::real();
    let t = |id: &str| &table.tasks[index_of(&table, id)];
    assert_eq!(term(&table, t("2.1.7"), Light::Overdue), "2017年5月31日");
    // Yearly with a deadline: late, it is chased for the deadline.
    assert_eq!(term(&table, t("4.3.4"), Light::Overdue), "2017年6月30日");
    assert_eq!(term(&table, t("4.3.4"), Light::Stale), "每年");
    assert_eq!(term(&table, t("1.1.5"), Light::Stale), "按月");
    assert_eq!(term(&table, t("2.3.1"), Light::Stale), "每五日");
    assert_eq!(term(&table, t("2.3.2"), Light::Stale), "每周");
    assert_eq!(term(&table, t("4.1.7"), Light::Stale), "按季度");
    // The task's own words, where the filter's option is the table's label (按季度).
    assert_eq!(term(&table, t("4.2.6"), Light::Stale), "每季度");
    // Without a deadline tag a task is due at the year's end.
    assert_eq!(term(&table, t("1.1.1"), Light::Overdue), "2017年12月31日");
    // The typed term (the Excel 督办 sheet writes the due date as a date cell).
    assert_eq!(
        term_of(&table, t("4.3.4"), Light::Overdue),
        Term::Due(parse_as_of("2017-06-30").unwrap())
    );
    assert_eq!(
        term_of(&table, t("1.1.5"), Light::Stale),
        Term::Period(Period::Month)
    );
}

/// A minimal reader of RFC 4180 text (CRLF line ends), to check the fields come back.
fn read(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let (mut row, mut field, mut quoted) = (Vec::new(), String::new(), false);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') if chars.peek() == Some(&'\n') => {
                chars.next();
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    assert!(field.is_empty() && row.is_empty(), "text ends with CRLF");
    rows
}

#[test]
fn the_csv_has_a_bom_the_header_and_one_line_per_unit_and_task_with_notes_as_text() {
    let table = fixture::real();
    let index = Index::new(&table);
    let d = day("2017-07-01");
    let mut cl = Checklists::new();
    cl.set_note(
        COUNTY,
        "2.1.7",
        "已报，\"待审\"\n第二行",
        at("2017-06-01T02:00:00Z"),
    );
    cl.set_note(COUNTY, "4.3.4", "=1+1", at("2017-06-01T02:00:00Z"));
    let county = rows(&table, &cl, COUNTY, &index.tasks_of(COUNTY), d);
    let fin = rows(&table, &cl, FIN, &index.tasks_of(FIN), d);
    assert!(!fin.is_empty());
    // 市财政局 has sent nothing: its first line says so.
    let lists = [
        Chased {
            unit: FIN,
            rows: &fin,
            reported: false,
        },
        Chased {
            unit: COUNTY,
            rows: &county,
            reported: true,
        },
    ];
    let text = csv(&table, &cl, &lists, d);
    assert!(text.starts_with(BOM));
    assert!(text.contains("\"已报，\"\"待审\"\"\n第二行\""));
    let lines = read(text.strip_prefix(BOM).unwrap());
    assert_eq!(lines[0], HEADER);
    assert_eq!(lines.len(), 1 + 1 + fin.len() + county.len());
    assert_eq!(
        lines[1],
        [
            FIN,
            "",
            "尚未报送本单位的报送文件（没有该单位的任何记录）",
            "",
            "未报送",
            "",
            "2017-07-01"
        ]
    );
    let body: Vec<(String, String)> = lines[2..]
        .iter()
        .map(|l| (l[0].clone(), l[1].clone()))
        .collect();
    let expected: Vec<(String, String)> = [(FIN, &fin), (COUNTY, &county)]
        .iter()
        .flat_map(|(u, rs)| {
            let tasks = &table.tasks;
            rs.iter()
                .map(move |r| (u.to_string(), tasks[r.task].id.clone()))
        })
        .collect();
    assert_eq!(body, expected);
    let line = |id: &str| {
        lines
            .iter()
            .find(|l| l[0] == COUNTY && l[1] == id)
            .unwrap()
            .clone()
    };
    let t217 = &table.tasks[index_of(&table, "2.1.7")];
    assert_eq!(
        line("2.1.7"),
        [
            COUNTY,
            "2.1.7",
            t217.text.as_str(),
            "2017年5月31日",
            "逾期",
            "已报，\"待审\"\n第二行",
            "2017-07-01"
        ]
    );
    assert_eq!(line("1.1.5")[3..], ["按月", "待更新", "", "2017-07-01"]);
    // A note that a spreadsheet would run as a formula is made text.
    assert_eq!(line("4.3.4")[5], "'=1+1");
    // Nothing to chase: the header alone.
    let nothing = Chased {
        unit: COUNTY,
        rows: &[],
        reported: true,
    };
    assert_eq!(
        csv(&table, &cl, &[nothing], d),
        format!("{BOM}{}\r\n", HEADER.join(","))
    );
    // Nothing overdue, but nothing sent: the one line.
    let silent = Chased {
        reported: false,
        ..nothing
    };
    let text = csv(&table, &cl, &[silent], d);
    assert_eq!(read(text.strip_prefix(BOM).unwrap()).len(), 2);
}

fn counts(overdue: usize, stale: usize) -> LightCounts {
    let mut c = LightCounts::default();
    for _ in 0..overdue {
        c.add(Light::Overdue);
    }
    for _ in 0..stale {
        c.add(Light::Stale);
    }
    // Other lights do not count for the order.
    c.add(Light::Done);
    c
}

#[test]
fn units_sort_by_overdue_or_stale_most_first_ties_by_the_other_then_table_order() {
    let c = [
        counts(0, 3),
        counts(2, 0),
        counts(2, 5),
        counts(0, 0),
        counts(1, 5),
        counts(2, 0),
    ];
    assert_eq!(order(&c, UnitOrder::Table), [0, 1, 2, 3, 4, 5]);
    assert_eq!(order(&c, UnitOrder::Overdue), [2, 1, 5, 4, 0, 3]);
    assert_eq!(order(&c, UnitOrder::Stale), [2, 4, 0, 1, 5, 3]);
    assert!(order(&[], UnitOrder::Overdue).is_empty());
    for o in UnitOrder::ALL {
        assert_eq!(UnitOrder::from_key(o.key()), Some(o));
    }
    assert_eq!(UnitOrder::from_key("逾期"), None);
}

#[test]
fn the_real_units_sorted_by_overdue_on_1_july_put_the_counties_first() {
    let table = fixture::real();
    let index = Index::new(&table);
    let none = Checklists::new();
    let d = day("2017-07-01");
    let units = index.units();
    let c: Vec<LightCounts> = units
        .iter()
        .map(|u| gk_core::supervision::light_counts(&table, &none, u, &index.tasks_of(u), d))
        .collect();
    let sorted = order(&c, UnitOrder::Overdue);
    // Sorted: non-increasing overdue, and within equal overdue non-increasing stale.
    for w in sorted.windows(2) {
        let (a, b) = (&c[w[0]], &c[w[1]]);
        let key = |x: &LightCounts| (x.get(Light::Overdue), x.get(Light::Stale));
        assert!(key(a) >= key(b), "{} before {}", units[w[0]], units[w[1]]);
        if key(a) == key(b) {
            assert!(w[0] < w[1], "ties keep table order");
        }
    }
    let mut all = sorted.clone();
    all.sort();
    assert_eq!(all, (0..units.len()).collect::<Vec<_>>());
    // The six counties have 2 overdue and 7 stale: nobody has more.
    let top: Vec<&str> = sorted[..6].iter().map(|&i| units[i].as_str()).collect();
    let mut counties = vec!["泰山区", "岱岳区", "新泰市", "肥城市", "宁阳县", "东平县"];
    let mut top_sorted = top.clone();
    top_sorted.sort();
    counties.sort();
    assert_eq!(top_sorted, counties);
}
