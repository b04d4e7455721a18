//! Supervision on the real table, data/tables/taian-2017.json: due dates, periods, the as-of date and
//! the lights at their boundaries. Expected due dates are read from the raw JSON and the
//! issue's list of deadlines (as text), not through the module.

#[path = "filter_fixture.rs"]
mod fixture;

use gk_core::checklist::{Checklists, Entry};
use gk_core::filter::Index;
use gk_core::model::{Table, Task, TimeReq};
use gk_core::status::Status;
use gk_core::supervision::{
    china_day, chinese_date, due_date, format_as_of, light, light_counts, lights, parse_as_of,
    period, AsOfError, Date, Light, Period, Schedule,
};
use gk_core::timestamp::Timestamp;
use serde_json::Value;

fn day(text: &str) -> Date {
    parse_as_of(text).unwrap_or_else(|e| panic!("{text}: {e}"))
}

fn at(text: &str) -> Timestamp {
    Timestamp::parse(text).unwrap()
}

fn entry(status: Status, updated_at: &str) -> Entry {
    Entry::new(status, "", at(updated_at))
}

fn task<'a>(table: &'a Table, id: &str) -> &'a Task {
    table.task(id).unwrap_or_else(|| panic!("no task {id}"))
}

/// The issue's deadlines, as text.
fn issue_deadline(key: &str) -> Option<&'static str> {
    match key {
        "by-2017-05" => Some("2017-05-31"),
        "by-june" => Some("2017-06-30"),
        "by-2017-end" => Some("2017-12-31"),
        "in-2018" => Some("2018-12-31"),
        _ => None,
    }
}

#[test]
fn due_date_of_every_real_task_is_its_earliest_deadline_or_the_year_end() {
    let table = fixture::real();
    let raw: Value = serde_json::from_str(fixture::REAL_JSON).unwrap();
    let raw_tasks = raw["tasks"].as_array().unwrap();
    assert_eq!(raw_tasks.len(), table.tasks.len());
    let mut seen_tags = std::collections::BTreeSet::new();
    for (raw, task) in raw_tasks.iter().zip(&table.tasks) {
        let keys: Vec<&str> = raw["time"]
            .as_array()
            .map(|reqs| reqs.iter().map(|r| r["tag"].as_str().unwrap()).collect())
            .unwrap_or_default();
        seen_tags.extend(keys.iter().map(|k| k.to_string()));
        // ISO dates compare as text.
        let expected = keys
            .iter()
            .filter_map(|k| issue_deadline(k))
            .min()
            .unwrap_or("2017-12-31");
        assert_eq!(
            format_as_of(due_date(&table, task)),
            expected,
            "{} {keys:?}",
            task.id
        );
    }
    // The real table's tasks have every tag of its 12, so every tag was checked above.
    assert_eq!(table.times.len(), 12);
    for def in &table.times {
        assert!(seen_tags.contains(&def.key), "{} not on the table", def.key);
    }
}

#[test]
fn due_dates_of_the_issues_examples_and_of_the_real_combinations() {
    let table = fixture::real();
    let due = |id: &str| format_as_of(due_date(&table, task(&table, id)));
    // 年内 and 5月底前.
    assert_eq!(due("2.1.7"), "2017-05-31");
    // 每年 and 6月底前.
    assert_eq!(due("4.3.4"), "2017-06-30");
    // 年内 and 定期.
    assert_eq!(due("6.2.1"), "2017-12-31");
    assert_eq!(due("6.6.3"), "2018-12-31");
    // Cadences and response times are not deadlines.
    for id in [
        "2.3.2", "2.3.1", "1.1.5", "4.1.7", "1.2.5", "4.1.3", "6.3.5",
    ] {
        assert_eq!(due(id), "2017-12-31", "{id}");
    }
    // No tag at all.
    let untagged = table.tasks.iter().find(|t| t.time.is_empty()).unwrap();
    assert_eq!(format_as_of(due_date(&table, untagged)), "2017-12-31");
}

/// Every set of tags on a real task: the earliest deadline, the shortest period.
#[test]
fn every_combination_of_tags_takes_the_earliest_deadline_and_the_shortest_period() {
    let table = fixture::real();
    let base = task(&table, "2.1.7");
    let period_rank = |key: &str| match key {
        "weekly" | "five-days" => Some((0, Period::Week)),
        "monthly" => Some((1, Period::Month)),
        "quarterly" => Some((2, Period::Quarter)),
        "yearly" => Some((3, Period::Year)),
        _ => None,
    };
    assert_eq!(table.times.len(), 12);
    for mask in 0u32..(1 << table.times.len()) {
        let tags: Vec<&str> = table
            .times
            .iter()
            .enumerate()
            .filter(|(i, _)| mask & (1 << i) != 0)
            .map(|(_, d)| d.key.as_str())
            .collect();
        // Listed last tag first, so that the order of the list does not decide.
        let mut t = base.clone();
        t.time = tags
            .iter()
            .rev()
            .map(|&tag| TimeReq {
                tag: tag.to_string(),
                phrase: table.time_def(tag).unwrap().label.clone(),
                count: None,
            })
            .collect();
        let expected_due = tags
            .iter()
            .filter_map(|k| issue_deadline(k))
            .min()
            .unwrap_or("2017-12-31");
        assert_eq!(format_as_of(due_date(&table, &t)), expected_due, "{tags:?}");
        let expected_period = tags
            .iter()
            .filter_map(|k| period_rank(k))
            .min()
            .map(|(_, p)| p);
        assert_eq!(period(&table, &t), expected_period, "{tags:?}");
        // The schedule holds the same two, from the hand-written lists above.
        assert_eq!(
            Schedule::of(&table, &t),
            Schedule {
                due: day(expected_due),
                period: expected_period
            },
            "{tags:?}"
        );
    }
}

/// The schedule of real tasks of both shipped tables, each worked out by hand from its 时限
/// words (checked against the file, so that the words are the table's): the earliest date
/// the words name, else 31 December of the table's year; the shortest cadence the words
/// name; 定期, 工作日内 and 小时内 name neither.
#[test]
fn schedules_of_real_tasks_worked_out_from_their_words() {
    let taian = fixture::real();
    let daiyue = Table::from_json(include_str!("../../data/tables/daiyue-2026.json")).unwrap();
    use Period::{Month, Quarter, Week, Year};
    /// Table, task id, its 时限 words, the due day worked out, the cadence worked out.
    type Case<'a> = (&'a Table, &'a str, &'a [&'a str], &'a str, Option<Period>);
    #[rustfmt::skip]
    let cases: [Case; 25] = [
        // 泰安 2017: the year ends 2017-12-31.
        (&taian, "2.1.7", &["年内", "5月底前"], "2017-05-31", None),
        (&taian, "4.3.4", &["每年", "6月底前"], "2017-06-30", Some(Year)),
        (&taian, "6.2.1", &["年内", "定期"], "2017-12-31", None),
        (&taian, "6.6.3", &["到2018年"], "2018-12-31", None),
        (&taian, "2.1.5", &["2017年底前"], "2017-12-31", None),
        (&taian, "2.3.1", &["每五日"], "2017-12-31", Some(Week)),
        (&taian, "2.3.2", &["每周"], "2017-12-31", Some(Week)),
        (&taian, "1.1.5", &["按月"], "2017-12-31", Some(Month)),
        (&taian, "4.1.7", &["按季度"], "2017-12-31", Some(Quarter)),
        (&taian, "4.2.6", &["每季度"], "2017-12-31", Some(Quarter)),
        (&taian, "1.2.5", &["定期"], "2017-12-31", None),
        (&taian, "4.1.3", &["60个工作日内"], "2017-12-31", None),
        (&taian, "6.3.5", &["5小时内"], "2017-12-31", None),
        (&taian, "1.1.1", &[], "2017-12-31", None),
        // 岱岳区 2026: the year ends 2026-12-31; two cadences take the shorter.
        (&daiyue, "4.1.1", &["每周", "每季度"], "2026-12-31", Some(Week)),
        (&daiyue, "2.4.1", &["每月", "定期"], "2026-12-31", Some(Month)),
        (&daiyue, "2.1.3", &["6月底前", "每季度"], "2026-06-30", Some(Quarter)),
        (&daiyue, "1.1.3", &["每月", "9月底前"], "2026-09-30", Some(Month)),
        (&daiyue, "5.1.2", &["每月", "年底前"], "2026-12-31", Some(Month)),
        (&daiyue, "5.1.1", &["定期", "3月底前"], "2026-03-31", None),
        (&daiyue, "4.2.2", &["2027年3月底前"], "2027-03-31", None),
        (&daiyue, "2.3.1", &["每年"], "2026-12-31", Some(Year)),
        (&daiyue, "1.3.1", &["24小时内"], "2026-12-31", None),
        (&daiyue, "1.1.1", &["5个工作日内"], "2026-12-31", None),
        (&daiyue, "1.2.2", &[], "2026-12-31", None),
    ];
    for (table, id, words, due, period) in cases {
        let t = task(table, id);
        let phrases: Vec<&str> = t.time.iter().map(|r| r.phrase.as_str()).collect();
        assert_eq!(phrases, words, "{} {id}", table.dataset.id);
        assert_eq!(
            Schedule::of(table, t),
            Schedule {
                due: day(due),
                period
            },
            "{} {id} {words:?}",
            table.dataset.id
        );
    }
}

#[test]
fn periods_of_the_real_recurring_tasks() {
    let table = fixture::real();
    let p = |id: &str| period(&table, task(&table, id));
    assert_eq!(p("2.3.2"), Some(Period::Week)); // 每周
    assert_eq!(p("2.3.1"), Some(Period::Week)); // 每五日
    assert_eq!(p("1.1.5"), Some(Period::Month));
    assert_eq!(p("4.1.7"), Some(Period::Quarter));
    assert_eq!(p("4.3.4"), Some(Period::Year));
    assert_eq!(p("1.2.5"), None); // 定期
    assert_eq!(p("6.2.1"), None); // 定期, 年内
    assert_eq!(p("2.1.7"), None);
    assert_eq!(p("4.1.3"), None); // 工作日内
}

#[test]
fn period_starts_at_their_edges() {
    let start = |p: Period, d: &str| format_as_of(p.start(day(d)));
    // Weeks run Monday to Sunday; 2017-07-03 and 2018-01-01 are Mondays.
    assert_eq!(start(Period::Week, "2017-07-03"), "2017-07-03");
    assert_eq!(start(Period::Week, "2017-07-02"), "2017-06-26");
    assert_eq!(start(Period::Week, "2017-07-09"), "2017-07-03");
    assert_eq!(start(Period::Week, "2017-12-31"), "2017-12-25");
    assert_eq!(start(Period::Week, "2018-01-01"), "2018-01-01");
    assert_eq!(start(Period::Week, "2017-01-01"), "2016-12-26");
    // Month ends, a leap February.
    assert_eq!(start(Period::Month, "2017-01-31"), "2017-01-01");
    assert_eq!(start(Period::Month, "2017-02-01"), "2017-02-01");
    assert_eq!(start(Period::Month, "2017-02-28"), "2017-02-01");
    assert_eq!(start(Period::Month, "2017-03-01"), "2017-03-01");
    assert_eq!(start(Period::Month, "2016-02-29"), "2016-02-01");
    assert_eq!(start(Period::Month, "2017-04-30"), "2017-04-01");
    assert_eq!(start(Period::Month, "2017-12-31"), "2017-12-01");
    // Quarter ends and starts.
    for (d, s) in [
        ("2017-01-01", "2017-01-01"),
        ("2017-03-31", "2017-01-01"),
        ("2017-04-01", "2017-04-01"),
        ("2017-06-30", "2017-04-01"),
        ("2017-07-01", "2017-07-01"),
        ("2017-09-30", "2017-07-01"),
        ("2017-10-01", "2017-10-01"),
        ("2017-12-31", "2017-10-01"),
        ("2018-01-01", "2018-01-01"),
    ] {
        assert_eq!(start(Period::Quarter, d), s, "quarter of {d}");
    }
    // 31 December and 1 January.
    assert_eq!(start(Period::Year, "2017-12-31"), "2017-01-01");
    assert_eq!(start(Period::Year, "2017-01-01"), "2017-01-01");
    assert_eq!(start(Period::Year, "2018-01-01"), "2018-01-01");
}

/// Every day of 2016–2018: the start is in the same period, on its first day, and a period
/// changes exactly when a new one starts.
#[test]
fn period_starts_over_three_years() {
    let first = day("2016-01-01");
    let last = day("2018-12-31");
    for p in Period::ALL {
        let mut d = first;
        while d <= last {
            let s = p.start(d);
            assert!(s <= d, "{p:?} {d}");
            assert_eq!(p.start(s), s, "{p:?} {d}");
            let same = match p {
                Period::Week => (d - s).whole_days() < 7 && s.weekday() == time::Weekday::Monday,
                Period::Month => s.day() == 1 && (s.year(), s.month()) == (d.year(), d.month()),
                Period::Quarter => {
                    s.day() == 1
                        && s.year() == d.year()
                        && [1, 4, 7, 10].contains(&(s.month() as u8))
                        && (d.month() as u8) < s.month() as u8 + 3
                }
                Period::Year => s.ordinal() == 1 && s.year() == d.year(),
            };
            assert!(same, "{p:?} of {d} starts {s}");
            let next = d.next_day().unwrap();
            assert_eq!(p.start(next) == next, p.start(next) != s, "{p:?} {next}");
            d = next;
        }
    }
}

#[test]
fn records_are_read_as_china_days() {
    assert_eq!(
        format_as_of(china_day(at("2017-06-30T15:59:59.999Z"))),
        "2017-06-30"
    );
    assert_eq!(
        format_as_of(china_day(at("2017-06-30T16:00:00Z"))),
        "2017-07-01"
    );
    assert_eq!(
        format_as_of(china_day(at("2017-12-31T16:00:00Z"))),
        "2018-01-01"
    );
    assert_eq!(
        format_as_of(china_day(at("2017-07-01T00:00:00+08:00"))),
        "2017-07-01"
    );
}

#[test]
fn overdue_soon_and_none_around_a_deadline() {
    let table = fixture::real();
    let t = task(&table, "2.1.7"); // due 2017-05-31, not recurring
    let l = |e: Option<&Entry>, d: &str| light(&table, t, e, day(d));
    // No record reads as 未开始.
    assert_eq!(l(None, "2017-05-16"), Light::OnTrack);
    assert_eq!(l(None, "2017-05-17"), Light::Soon); // due on D + 14
    assert_eq!(l(None, "2017-05-31"), Light::Soon); // due on D
    assert_eq!(l(None, "2017-06-01"), Light::Overdue);
    let doing = entry(Status::Doing, "2017-05-20T02:00:00Z");
    assert_eq!(l(Some(&doing), "2017-05-16"), Light::OnTrack);
    assert_eq!(l(Some(&doing), "2017-05-31"), Light::Soon);
    assert_eq!(l(Some(&doing), "2017-06-01"), Light::Overdue);
    let todo = entry(Status::Todo, "2017-05-20T02:00:00Z");
    assert_eq!(l(Some(&todo), "2017-06-01"), Light::Overdue);
    // Done, even after the due date: done, never overdue.
    let late = entry(Status::Done, "2017-06-10T02:00:00Z");
    assert_eq!(l(Some(&late), "2017-06-01"), Light::Done);
    assert_eq!(l(Some(&late), "2017-12-31"), Light::Done);
    assert_eq!(l(Some(&late), "2017-05-31"), Light::Done);
    // 不适用 is closed too.
    let na = entry(Status::Na, "2017-01-05T02:00:00Z");
    assert_eq!(l(Some(&na), "2017-05-31"), Light::Done);
    assert_eq!(l(Some(&na), "2018-06-01"), Light::Done);
    // Due 2018-12-31: soon only in its last fortnight.
    let t = task(&table, "6.6.3");
    assert_eq!(light(&table, t, None, day("2018-12-16")), Light::OnTrack);
    assert_eq!(light(&table, t, None, day("2018-12-17")), Light::Soon);
    assert_eq!(light(&table, t, None, day("2019-01-01")), Light::Overdue);
}

#[test]
fn stale_at_the_edges_of_a_quarter() {
    let table = fixture::real();
    let t = task(&table, "4.1.7"); // quarterly, due 2017-12-31
    let l = |e: Option<&Entry>, d: &str| light(&table, t, e, day(d));
    // 23:59 China time on 30 June, the last day of the second quarter.
    let last_minute = entry(Status::Doing, "2017-06-30T15:59:00Z");
    // 00:00 China time on 1 July.
    let first_minute = entry(Status::Doing, "2017-06-30T16:00:00Z");
    assert_eq!(l(Some(&last_minute), "2017-06-30"), Light::OnTrack);
    assert_eq!(l(Some(&last_minute), "2017-07-01"), Light::Stale);
    assert_eq!(l(Some(&first_minute), "2017-07-01"), Light::OnTrack);
    assert_eq!(l(Some(&first_minute), "2017-09-30"), Light::OnTrack);
    assert_eq!(l(Some(&first_minute), "2017-10-01"), Light::Stale);
    // No record: stale from the first day.
    assert_eq!(l(None, "2017-01-01"), Light::Stale);
    assert_eq!(l(None, "2017-07-01"), Light::Stale);
    // Done last quarter needs fresh evidence this quarter.
    let done_q2 = entry(Status::Done, "2017-06-30T15:59:00Z");
    let done_q3 = entry(Status::Done, "2017-06-30T16:00:00Z");
    assert_eq!(l(Some(&done_q2), "2017-06-30"), Light::Done);
    assert_eq!(l(Some(&done_q2), "2017-07-01"), Light::Stale);
    assert_eq!(l(Some(&done_q3), "2017-07-01"), Light::Done);
    // 不适用 never goes stale.
    let na = entry(Status::Na, "2017-01-05T02:00:00Z");
    assert_eq!(l(Some(&na), "2017-10-01"), Light::Done);
    // Stale before soon; overdue before stale.
    assert_eq!(l(Some(&last_minute), "2017-12-20"), Light::Stale);
    let fresh = entry(Status::Doing, "2017-12-01T01:00:00Z");
    assert_eq!(l(Some(&fresh), "2017-12-20"), Light::Soon);
    assert_eq!(l(Some(&fresh), "2018-01-01"), Light::Overdue);
    assert_eq!(l(None, "2018-01-01"), Light::Overdue);
    // Done stays done past the due date while fresh; a new year's quarter asks again.
    let done_dec = entry(Status::Done, "2017-12-20T01:00:00Z");
    assert_eq!(l(Some(&done_dec), "2017-12-31"), Light::Done);
    assert_eq!(l(Some(&done_dec), "2018-01-01"), Light::Stale);
}

#[test]
fn stale_at_the_edges_of_a_week_and_a_month() {
    let table = fixture::real();
    // 每周 and 每五日: Monday 2017-07-03 starts a week.
    for id in ["2.3.2", "2.3.1"] {
        let t = task(&table, id);
        let sunday_late = entry(Status::Doing, "2017-07-02T15:59:00Z");
        let monday_early = entry(Status::Doing, "2017-07-02T16:00:00Z");
        assert_eq!(
            light(&table, t, Some(&sunday_late), day("2017-07-02")),
            Light::OnTrack
        );
        assert_eq!(
            light(&table, t, Some(&sunday_late), day("2017-07-03")),
            Light::Stale
        );
        assert_eq!(
            light(&table, t, Some(&monday_early), day("2017-07-03")),
            Light::OnTrack
        );
        assert_eq!(
            light(&table, t, Some(&monday_early), day("2017-07-09")),
            Light::OnTrack
        );
        assert_eq!(
            light(&table, t, Some(&monday_early), day("2017-07-10")),
            Light::Stale
        );
    }
    // 按月: February ends on the 28th in 2017.
    let t = task(&table, "1.1.5");
    let feb_last = entry(Status::Doing, "2017-02-28T15:59:00Z");
    let mar_first = entry(Status::Doing, "2017-02-28T16:00:00Z");
    assert_eq!(
        light(&table, t, Some(&feb_last), day("2017-02-28")),
        Light::OnTrack
    );
    assert_eq!(
        light(&table, t, Some(&feb_last), day("2017-03-01")),
        Light::Stale
    );
    assert_eq!(
        light(&table, t, Some(&mar_first), day("2017-03-01")),
        Light::OnTrack
    );
    assert_eq!(
        light(&table, t, Some(&mar_first), day("2017-03-31")),
        Light::OnTrack
    );
    assert_eq!(
        light(&table, t, Some(&mar_first), day("2017-04-01")),
        Light::Stale
    );
}

#[test]
fn a_yearly_task_with_a_june_deadline() {
    let table = fixture::real();
    let t = task(&table, "4.3.4"); // 每年, 6月底前: due 2017-06-30, yearly
    let l = |e: Option<&Entry>, d: &str| light(&table, t, e, day(d));
    // 23:59 China time on 31 December 2016, and 00:00 on 1 January 2017.
    let old_year = entry(Status::Doing, "2016-12-31T15:59:00Z");
    let new_year = entry(Status::Doing, "2016-12-31T16:00:00Z");
    assert_eq!(l(None, "2017-06-01"), Light::Stale);
    assert_eq!(l(Some(&old_year), "2017-06-16"), Light::Stale);
    assert_eq!(l(Some(&new_year), "2017-06-15"), Light::OnTrack);
    assert_eq!(l(Some(&new_year), "2017-06-16"), Light::Soon);
    assert_eq!(l(Some(&new_year), "2017-06-30"), Light::Soon);
    assert_eq!(l(Some(&new_year), "2017-07-01"), Light::Overdue);
    // Done after the due date; stale again on 1 January (China time).
    let done_late = entry(Status::Done, "2017-12-31T15:59:00Z");
    assert_eq!(l(Some(&done_late), "2017-12-31"), Light::Done);
    assert_eq!(l(Some(&done_late), "2018-01-01"), Light::Stale);
    let done_new_year = entry(Status::Done, "2017-12-31T16:00:00Z");
    assert_eq!(l(Some(&done_new_year), "2018-01-01"), Light::Done);
}

#[test]
fn regular_tasks_never_go_stale() {
    let table = fixture::real();
    for id in ["1.2.5", "6.2.1"] {
        let t = task(&table, id); // 定期 (6.2.1 also 年内): due 2017-12-31
        assert_eq!(
            light(&table, t, None, day("2017-01-01")),
            Light::OnTrack,
            "{id}"
        );
        assert_eq!(
            light(&table, t, None, day("2017-12-16")),
            Light::OnTrack,
            "{id}"
        );
        assert_eq!(
            light(&table, t, None, day("2017-12-17")),
            Light::Soon,
            "{id}"
        );
        let old = entry(Status::Done, "2016-01-01T00:00:00Z");
        assert_eq!(
            light(&table, t, Some(&old), day("2018-06-01")),
            Light::Done,
            "{id}"
        );
    }
}

#[test]
fn light_keys_and_labels() {
    let keys: Vec<&str> = Light::ALL.iter().map(|l| l.key()).collect();
    assert_eq!(keys, ["overdue", "stale", "soon", "done", "none"]);
    let labels: Vec<&str> = Light::ALL.iter().map(|l| l.label()).collect();
    assert_eq!(labels, ["逾期", "待更新", "临期", "已完成", ""]);
    assert_eq!(Light::from_key("none"), Some(Light::OnTrack));
    assert_eq!(Light::from_key("Overdue"), None);
    // The word beside a status: 不适用 is closed (done) but never called 已完成.
    assert_eq!(Light::Done.word(Status::Na), "不适用");
    assert_eq!(Light::Done.word(Status::Done), "已完成");
    for l in Light::ALL {
        for s in [Status::Todo, Status::Doing, Status::Done] {
            assert_eq!(l.word(s), l.label());
        }
    }
}

/// A county on the real table: counts from the rules applied over the raw tags, with a few
/// records.
#[test]
fn counts_of_a_units_lights() {
    let table = fixture::real();
    let index = Index::new(&table);
    let unit = "泰山区";
    let tasks = index.tasks_of(unit);
    assert!(tasks.len() > 20);
    let mut checklists = Checklists::new();
    let now = at("2017-07-03T02:00:00Z");
    // A fresh record on the quarterly 4.1.7, 已完成 on the overdue 2.1.7, 不适用 on the weekly
    // 2.3.2, and an old record on the monthly 1.1.5.
    checklists.set_status(unit, "4.1.7", Status::Doing, now);
    checklists.set_status(unit, "2.1.7", Status::Done, now);
    checklists.set_status(unit, "2.3.2", Status::Na, now);
    checklists.put(unit, "1.1.5", entry(Status::Doing, "2017-06-30T15:59:00Z"));
    let d = day("2017-07-03");
    let counts = light_counts(&table, &checklists, unit, &tasks, d);
    assert_eq!(counts.total(), tasks.len());

    // By hand: due before 2017-07-03 are 2.1.7 (done) and 4.3.4 (no record): one overdue.
    // Recurring, not 不适用 and not fresh: 2.3.1 (week), 1.1.5 (month), 4.2.3 (month),
    // 4.2.6 (quarter), 5.2.10 (quarter). Soon: none (the next deadline is 2017-12-31).
    // Done: 2.1.7 and 2.3.2 (不适用). The rest on track.
    let has = |id: &str| tasks.iter().any(|&i| table.tasks[i].id == id);
    let overdue: Vec<&str> = ["2.1.7", "4.3.4"]
        .into_iter()
        .filter(|id| has(id) && *id != "2.1.7")
        .collect();
    let stale: Vec<&str> = ["2.3.1", "1.1.5", "4.2.3", "4.2.6", "5.2.10"]
        .into_iter()
        .filter(|id| has(id))
        .collect();
    let done: Vec<&str> = ["2.1.7", "2.3.2"]
        .into_iter()
        .filter(|id| has(id))
        .collect();
    assert_eq!(overdue, ["4.3.4"]);
    assert_eq!(stale.len(), 5);
    assert_eq!(done.len(), 2);
    assert_eq!(counts.get(Light::Overdue), overdue.len());
    assert_eq!(counts.get(Light::Stale), stale.len());
    assert_eq!(counts.get(Light::Soon), 0);
    assert_eq!(counts.get(Light::Done), done.len());
    assert_eq!(
        counts.get(Light::OnTrack),
        tasks.len() - overdue.len() - stale.len() - done.len()
    );
    let listed: Vec<(String, Light)> = lights(&table, &checklists, unit, &tasks, d)
        .filter(|(_, l)| matches!(l, Light::Overdue | Light::Stale))
        .map(|(i, l)| (table.tasks[i].id.clone(), l))
        .collect();
    let mut expected: Vec<(String, Light)> = overdue
        .iter()
        .map(|id| (id.to_string(), Light::Overdue))
        .chain(stale.iter().map(|id| (id.to_string(), Light::Stale)))
        .collect();
    let order = |id: &str| tasks.iter().position(|&i| table.tasks[i].id == id);
    expected.sort_by_key(|(id, _)| order(id));
    assert_eq!(listed, expected);

    // On 2017-12-20 with no records at all: everything not overdue or stale is soon.
    let empty = Checklists::new();
    let counts = light_counts(&table, &empty, unit, &tasks, day("2017-12-20"));
    let recurring = tasks
        .iter()
        .filter(|&&i| period(&table, &table.tasks[i]).is_some())
        .count();
    let past_due = tasks
        .iter()
        .filter(|&&i| due_date(&table, &table.tasks[i]) < day("2017-12-20"))
        .count();
    let in_2018 = usize::from(has("6.6.3"));
    assert_eq!(counts.get(Light::Overdue), past_due);
    assert_eq!(counts.get(Light::Stale), recurring - 1); // 4.3.4 is overdue first
    assert_eq!(counts.get(Light::Done), 0);
    assert_eq!(counts.get(Light::OnTrack), in_2018);
    assert_eq!(
        counts.get(Light::Soon),
        tasks.len() - past_due - (recurring - 1) - in_2018
    );
    // An index out of range is skipped.
    let mut with_bad = tasks.clone();
    with_bad.push(table.tasks.len());
    assert_eq!(
        light_counts(&table, &empty, unit, &with_bad, day("2017-12-20")),
        counts
    );
}

#[test]
fn as_of_dates_parse_strictly() {
    assert_eq!(
        parse_as_of("2017-07-01"),
        Ok(Date::from_calendar_date(2017, time::Month::July, 1).unwrap())
    );
    assert!(parse_as_of("2016-02-29").is_ok());
    for bad in [
        "2017-02-29",
        "2017-02-30",
        "2017-04-31",
        "2017-13-01",
        "2017-00-10",
        "2017-01-00",
    ] {
        assert_eq!(parse_as_of(bad), Err(AsOfError::NoSuchDay), "{bad}");
    }
    for bad in [
        "",
        "2017-2-3",
        "2017-02-3",
        "2017-7-01",
        "17-07-01",
        "2017/07/01",
        "20170701",
        "2017-07-01T00:00",
        " 2017-07-01",
        "2017-07-01 ",
        "2017-07-011",
        "+2017-07-01",
        "2017-07-0a",
        "２０１７-07-01",
        "2017—07—01",
    ] {
        assert_eq!(parse_as_of(bad), Err(AsOfError::Syntax), "{bad:?}");
    }
    assert_eq!(AsOfError::Syntax.reason(2017), "格式应如 2017-07-01");
    assert_eq!(AsOfError::NoSuchDay.to_string(), "日期不存在");
}

#[test]
fn as_of_dates_round_trip_and_read_in_chinese() {
    let mut d = day("2016-01-01");
    while d <= day("2018-12-31") {
        let text = format_as_of(d);
        assert_eq!(text.len(), 10);
        assert_eq!(parse_as_of(&text), Ok(d), "{text}");
        let chinese = chinese_date(d);
        let expected = format!(
            "{}年{}月{}日",
            &text[0..4],
            text[5..7].trim_start_matches('0'),
            text[8..10].trim_start_matches('0')
        );
        assert_eq!(chinese, expected);
        d = d.next_day().unwrap();
    }
    assert_eq!(chinese_date(day("2017-07-01")), "2017年7月1日");
    assert_eq!(chinese_date(day("2017-12-31")), "2017年12月31日");
    assert_eq!(chinese_date(day("2018-01-09")), "2018年1月9日");
    assert_eq!(format_as_of(day("0999-01-01")), "0999-01-01");
}

/// The explanation beside the counts names the table's own year end and the 14 days of 临期.
#[test]
fn the_lights_explained_with_the_tables_year_end() {
    let taian = fixture::real();
    let daiyue = Table::from_json(include_str!("../../data/tables/daiyue-2026.json")).unwrap();
    let [overdue, stale, soon, rest] = gk_core::supervision::explain(&taian);
    assert!(overdue.starts_with("逾期："), "{overdue}");
    assert!(stale.starts_with("待更新："), "{stale}");
    assert_eq!(soon, "临期：14 天内到截止日期，尚未完成。");
    assert_eq!(
        rest,
        "未写明截止日期的任务，按2017年12月31日计；截至日期：按这一天判断以上各项。"
    );
    assert!(gk_core::supervision::explain(&daiyue)[3].contains("按2026年12月31日计"));
}

/// A past or future as-of day says plainly what it judges on which day; today says nothing.
#[test]
fn the_as_of_caveat_says_what_is_judged_on_which_day() {
    use gk_core::supervision::{as_of_caveat, parse_as_of};
    let (jul1, dec4) = (
        parse_as_of("2017-07-01").unwrap(),
        parse_as_of("2017-12-04").unwrap(),
    );
    assert_eq!(
        as_of_caveat(jul1, dec4).unwrap(),
        "说明：逾期、待更新、临期按2017年7月1日判断，但完成情况是各单位目前的最新记录，不是2017年7月1日当天的记录（在这一天之后才完成的任务也算已完成）。"
    );
    assert_eq!(
        as_of_caveat(dec4, jul1).unwrap(),
        "说明：逾期、待更新、临期按2017年12月4日判断，假定各单位在此之前不再更新记录。"
    );
    assert_eq!(as_of_caveat(jul1, jul1), None);
}

/// A past as-of day is judged by today's record (only the latest is kept): a record updated
/// after the day counts as fresh on it. Tai'an's 1.1.5 is 按月 and has no deadline (due
/// 2017-12-31); on 2017-07-01 July's evidence is wanted.
#[test]
fn a_record_updated_after_the_as_of_day_counts_as_fresh_on_it() {
    let table = fixture::real();
    let t = task(&table, "1.1.5");
    let d = day("2017-07-01");
    // Updated in June (China time): July has no record yet.
    let june = entry(Status::Doing, "2017-06-30T15:59:59Z"); // 23:59:59 on 30 June in China
    assert_eq!(light(&table, t, Some(&june), d), Light::Stale);
    // Updated on 1 July, and on 20 July (after the as-of day): fresh on 1 July.
    let first = entry(Status::Doing, "2017-06-30T16:00:00Z"); // 00:00 on 1 July in China
    assert_eq!(light(&table, t, Some(&first), d), Light::OnTrack);
    let later = entry(Status::Doing, "2017-07-20T02:00:00Z");
    assert_eq!(light(&table, t, Some(&later), d), Light::OnTrack);
    // Done after the day counts as done on it.
    let done_later = entry(Status::Done, "2017-07-20T02:00:00Z");
    assert_eq!(light(&table, t, Some(&done_later), d), Light::Done);
}
