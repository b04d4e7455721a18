//! The workbooks written by `gk_xlsx::write`, read back with calamine (a reader of its own,
//! not the writer's code): sheet names, title, row counts, a full row of 市财政局 with its
//! Chinese text, numbers as numbers and dates as dates.

use std::io::{Cursor, Read};

use calamine::{open_workbook_from_rs, Data, Range, Reader, Xlsx};
use gk_core::checklist::{Checklists, Entry};
use gk_core::filter::{Filter, Index};
use gk_core::ledger::{consolidation, unit_ledger};
use gk_core::model::Table;
use gk_core::status::Status;
use gk_core::supervision::{parse_as_of, Date};
use gk_core::timestamp::Timestamp;

const FIN: &str = "市财政局";

fn table() -> Table {
    Table::from_json(include_str!("../../data/tables/taian-2017.json")).unwrap()
}

fn at(s: &str) -> Timestamp {
    Timestamp::parse(s).unwrap()
}

fn day(s: &str) -> Date {
    parse_as_of(s).unwrap()
}

/// 市财政局 finished 1.1.1 with a note on 2017-06-29 18:00 China time, is doing 2.1.7;
/// 新泰市 marked one task 不适用.
fn checklists() -> Checklists {
    let mut c = Checklists::new();
    c.put(
        FIN,
        "1.1.1",
        Entry::new(
            Status::Done,
            "已在政府网站发布解读3篇",
            at("2017-06-29T10:00:00Z"),
        ),
    );
    c.put(
        FIN,
        "2.1.7",
        Entry::new(Status::Doing, "", at("2017-05-02T01:30:00Z")),
    );
    c.put(
        "新泰市",
        "1.1.1",
        Entry::new(Status::Na, "不涉及", at("2017-06-01T00:00:00Z")),
    );
    c
}

fn open(bytes: Vec<u8>) -> Xlsx<Cursor<Vec<u8>>> {
    open_workbook_from_rs(Cursor::new(bytes)).expect("an xlsx calamine can read")
}

fn text(r: &Range<Data>, row: u32, col: u32) -> String {
    match r.get_value((row, col)) {
        Some(Data::String(s)) => s.clone(),
        Some(Data::Empty) | None => String::new(),
        other => panic!("({row}, {col}) is not text: {other:?}"),
    }
}

/// Excel's serial day number: days since 1899-12-30.
fn serial(d: Date) -> f64 {
    (d.to_julian_day() - 2_415_019) as f64
}

/// One file of the xlsx zip, as text.
fn part(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut s = String::new();
    zip.by_name(name).unwrap().read_to_string(&mut s).unwrap();
    s
}

#[test]
fn unit_ledger_of_the_finance_bureau() {
    let t = table();
    let index = Index::new(&t);
    let cl = checklists();
    let f = Filter {
        unit: Some(FIN.into()),
        ..Filter::default()
    };
    let d = day("2017-07-01");
    let shown = index.shown(&f, d, |i| cl.get(FIN, &t.tasks[i].id)).len();
    assert!(shown > 20, "{shown}");
    let book = unit_ledger(&t, &index, &cl, &f, d).unwrap();
    let bytes = gk_xlsx::write(&book, at("2017-07-01T02:00:00Z")).unwrap();
    let mut x = open(bytes.clone());
    assert_eq!(x.sheet_names(), ["台账"]);
    let r = x.worksheet_range("台账").unwrap();

    assert_eq!(text(&r, 0, 0), t.dataset.title);
    assert_eq!(
        text(&r, 1, 0),
        format!("单位：市财政局 截至 2017年7月1日 共 {shown} 项")
    );
    let header: Vec<String> = (0..10).map(|c| text(&r, 2, c)).collect();
    assert_eq!(
        header,
        [
            "编号",
            "支柱",
            "分项",
            "工作任务及要求",
            "牵头单位",
            "责任单位",
            "本单位角色",
            "状态",
            "备注",
            "更新时间"
        ]
    );
    // Title, view, header, the tasks, a blank row, four sign-off lines.
    assert_eq!(r.height(), 3 + shown + 1 + 4);
    let ids: Vec<String> = (0..shown as u32).map(|i| text(&r, 3 + i, 0)).collect();
    assert_eq!(ids[0], "1.1.1");
    let task_ids: Vec<&str> = t.tasks.iter().map(|t| t.id.as_str()).collect();
    let positions: Vec<usize> = ids
        .iter()
        .map(|id| task_ids.iter().position(|t| t == id).unwrap())
        .collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "source order");

    // The full row of 1.1.1.
    let task = t.task("1.1.1").unwrap();
    assert_eq!(text(&r, 3, 1), "稳增长");
    assert_eq!(text(&r, 3, 2), t.section("1.1").unwrap().name);
    assert_eq!(text(&r, 3, 3), format!("{}\n{}", task.item, task.text));
    assert_eq!(text(&r, 3, 4), task.lead.join("、"));
    assert_eq!(text(&r, 3, 5), task.responsible.join("、"));
    assert_eq!(text(&r, 3, 6), "牵头");
    assert_eq!(text(&r, 3, 7), "已完成");
    assert_eq!(text(&r, 3, 8), "已在政府网站发布解读3篇");
    match r.get_value((3, 9)) {
        // 2017-06-29T10:00Z is 18:00 in China.
        Some(Data::DateTime(dt)) => {
            let want = serial(day("2017-06-29")) + 18.0 / 24.0;
            assert!((dt.as_f64() - want).abs() < 1e-6, "{}", dt.as_f64());
        }
        other => panic!("更新时间 is not a date-time: {other:?}"),
    }
    // A task without a record reads 未开始, with no note and no time.
    let untouched = ids
        .iter()
        .position(|id| id != "1.1.1" && id != "2.1.7")
        .unwrap() as u32;
    assert_eq!(text(&r, 3 + untouched, 7), "未开始");
    assert_eq!(text(&r, 3 + untouched, 9), "");
    // The sign-off under the table.
    let below = 3 + shown as u32 + 1;
    assert_eq!(text(&r, below, 0), "填报单位：市财政局");
    assert_eq!(text(&r, below + 3, 0), "日期：");

    // Merged title, frozen and repeated header, A4, page numbers.
    let sheet = part(&bytes, "xl/worksheets/sheet1.xml");
    assert!(sheet.contains(r#"<mergeCell ref="A1:J1"/>"#), "{sheet}");
    assert!(sheet.contains(r#"ySplit="3""#));
    assert!(sheet.contains(r#"paperSize="9""#));
    assert!(sheet.contains("fitToWidth") || sheet.contains(r#"fitToPage="1""#));
    assert!(sheet.contains("第 &amp;P 页 / 共 &amp;N 页"));
    let names = part(&bytes, "xl/workbook.xml");
    assert!(names.contains("_xlnm.Print_Titles"), "{names}");
}

#[test]
fn a_ledger_follows_the_view() {
    let t = table();
    let index = Index::new(&t);
    let cl = checklists();
    let d = day("2017-07-01");
    let f = Filter {
        unit: Some(FIN.into()),
        status: Some(Status::Done.into()),
        ..Filter::default()
    };
    let book = unit_ledger(&t, &index, &cl, &f, d).unwrap();
    let mut x = open(gk_xlsx::write(&book, at("2017-07-01T02:00:00Z")).unwrap());
    let r = x.worksheet_range("台账").unwrap();
    assert_eq!(text(&r, 3, 0), "1.1.1");
    assert_eq!(text(&r, 4, 0), "");
    assert!(text(&r, 1, 0).contains("状态：已完成"));
    // No unit, no ledger.
    assert!(unit_ledger(&t, &index, &cl, &Filter::default(), d).is_none());
}

#[test]
fn office_consolidation() {
    let t = table();
    let index = Index::new(&t);
    let cl = checklists();
    let d = day("2017-07-01");
    let book = consolidation(&t, &index, &cl, d);
    let mut x = open(gk_xlsx::write(&book, at("2017-07-01T02:00:00Z")).unwrap());
    assert_eq!(x.sheet_names(), ["汇总", "未报送", "明细", "督办"]);
    let units = index.units().len();

    // 汇总: one row per unit, numbers as numbers.
    let sum = x.worksheet_range("汇总").unwrap();
    assert_eq!(sum.height(), 3 + units);
    let fin_row = (3..3 + units as u32)
        .find(|&r| text(&sum, r, 0) == FIN)
        .unwrap();
    let cols = 1 + 2 * t.pillars.len() as u32;
    let fin_tasks = index.tasks_of(FIN).len() as f64;
    assert_eq!(sum.get_value((fin_row, cols)), Some(&Data::Float(1.0)));
    assert_eq!(
        sum.get_value((fin_row, cols + 1)),
        Some(&Data::Float(fin_tasks))
    );
    // 合计·进行中: 2.1.7 is 进行中.
    assert_eq!(text(&sum, 2, cols + 2), "合计·进行中");
    assert_eq!(sum.get_value((fin_row, cols + 2)), Some(&Data::Float(1.0)));
    assert_eq!(text(&sum, fin_row, cols + 4), "已报送");
    assert!(matches!(
        sum.get_value((fin_row, cols + 5)),
        Some(Data::DateTime(_))
    ));
    // The 督办 counts after 最近更新. 泰安银监分局, by hand: six tasks, none with a deadline
    // (5.2.1 is 定期): all due on 31 December, so nothing is lit on 1 July.
    let heads: Vec<String> = (cols + 6..cols + 9).map(|c| text(&sum, 2, c)).collect();
    assert_eq!(heads, ["逾期", "待更新", "临期"]);
    let bank = (3..3 + units as u32)
        .find(|&r| text(&sum, r, 0) == "泰安银监分局")
        .unwrap();
    for c in cols + 6..cols + 9 {
        assert_eq!(sum.get_value((bank, c)), Some(&Data::Float(0.0)));
    }
    // 新泰市: 1.1.1 is 不适用, so one task less applies.
    let xintai = (3..3 + units as u32)
        .find(|&r| text(&sum, r, 0) == "新泰市")
        .unwrap();
    let xintai_tasks = index.tasks_of("新泰市").len() as f64;
    assert_eq!(
        sum.get_value((xintai, cols + 1)),
        Some(&Data::Float(xintai_tasks - 1.0))
    );
    assert_eq!(sum.get_value((xintai, cols + 2)), Some(&Data::Float(0.0)));

    // 未报送: every unit but the two.
    let missing = x.worksheet_range("未报送").unwrap();
    assert_eq!(missing.height(), 3 + units - 2);
    assert_eq!(missing.get_value((3, 0)), Some(&Data::Float(1.0)));

    // 明细: one row per unit and task.
    let details = x.worksheet_range("明细").unwrap();
    let pairs: usize = index.units().iter().map(|u| index.tasks_of(u).len()).sum();
    assert_eq!(details.height(), 3 + pairs);
    let fin_first = (3..3 + pairs as u32)
        .find(|&r| text(&details, r, 0) == FIN && text(&details, r, 1) == "1.1.1")
        .unwrap();
    assert_eq!(text(&details, fin_first, 5), "已完成");
    assert_eq!(text(&details, fin_first, 6), "已在政府网站发布解读3篇");

    // 督办: 2.1.7 is due 2017-05-31 and only 进行中 on 1 July: overdue, with its due date as a
    // date.
    let chase = x.worksheet_range("督办").unwrap();
    assert!(text(&chase, 1, 0).contains("截至 2017年7月1日"));
    let row = (3..chase.height() as u32)
        .find(|&r| text(&chase, r, 0) == FIN && text(&chase, r, 1) == "2.1.7")
        .expect("2.1.7 of 市财政局 is chased");
    assert_eq!(text(&chase, row, 4), "逾期");
    match chase.get_value((row, 3)) {
        Some(Data::DateTime(dt)) => assert_eq!(dt.as_f64(), serial(day("2017-05-31"))),
        other => panic!("the due date is not a date: {other:?}"),
    }
    // 1.1.1 is done: never chased for 市财政局.
    assert!(!(3..chase.height() as u32)
        .any(|r| text(&chase, r, 0) == FIN && text(&chase, r, 1) == "1.1.1"));
}

/// 临期 for the office (issue 24, item 9): on 20 December every task of 泰安银监分局 (by hand:
/// 5.1.1–5.1.4, 5.2.1 定期, 5.2.2, none with a deadline of its own, so due on 31 December, 11
/// days on) is 临期: counted in 汇总 and listed in 督办 with its due date, so the office can
/// chase before the year ends.
#[test]
fn the_office_sees_what_falls_due_within_14_days() {
    let t = table();
    let index = Index::new(&t);
    let cl = checklists();
    let book = consolidation(&t, &index, &cl, day("2017-12-20"));
    let mut x = open(gk_xlsx::write(&book, at("2017-12-20T02:00:00Z")).unwrap());
    let sum = x.worksheet_range("汇总").unwrap();
    let cols = 1 + 2 * t.pillars.len() as u32;
    let bank = (3..sum.height() as u32)
        .find(|&r| text(&sum, r, 0) == "泰安银监分局")
        .unwrap();
    let counts: Vec<_> = (cols + 6..cols + 9)
        .map(|c| sum.get_value((bank, c)).cloned())
        .collect();
    assert_eq!(
        counts,
        [
            Some(Data::Float(0.0)),
            Some(Data::Float(0.0)),
            Some(Data::Float(6.0))
        ]
    );
    let chase = x.worksheet_range("督办").unwrap();
    assert!(text(&chase, 1, 0)
        .starts_with("逾期、待更新和临期（14 天内到期）的任务 截至 2017年12月20日"));
    let rows: Vec<(String, String)> = (3..chase.height() as u32)
        .filter(|&r| text(&chase, r, 0) == "泰安银监分局")
        .map(|r| (text(&chase, r, 1), text(&chase, r, 4)))
        .collect();
    let expected: Vec<(String, String)> = ["5.1.1", "5.1.2", "5.1.3", "5.1.4", "5.2.1", "5.2.2"]
        .iter()
        .map(|id| (id.to_string(), "临期".to_string()))
        .collect();
    assert_eq!(rows, expected);
    let first = (3..chase.height() as u32)
        .find(|&r| text(&chase, r, 0) == "泰安银监分局")
        .unwrap();
    match chase.get_value((first, 3)) {
        Some(Data::DateTime(dt)) => assert_eq!(dt.as_f64(), serial(day("2017-12-31"))),
        other => panic!("the due date is not a date: {other:?}"),
    }
}

/// A note longer than Excel's 32,767 characters (issue 23, item 7): the export does not fail;
/// the cell holds what fits and ends with 〔超长，已截断〕, and a note that fits is whole.
#[test]
fn a_note_longer_than_excel_allows_is_cut_and_marked() {
    let t = table();
    let index = Index::new(&t);
    let mut cl = checklists();
    // 40,000 characters, one of them outside the BMP (two UTF-16 units in Excel's count).
    let long = format!("𠀀{}", "公".repeat(39_999));
    cl.put(
        FIN,
        "1.1.1",
        Entry::new(Status::Done, &long, at("2017-06-29T10:00:00Z")),
    );
    let d = day("2017-07-01");
    let f = Filter {
        unit: Some(FIN.into()),
        ..Filter::default()
    };
    for book in [
        unit_ledger(&t, &index, &cl, &f, d).unwrap(),
        consolidation(&t, &index, &cl, d),
    ] {
        let bytes =
            gk_xlsx::write(&book, at("2017-07-01T02:00:00Z")).expect("the export never fails");
        let mut x = open(bytes);
        let names = x.sheet_names();
        let cells: Vec<String> = names
            .iter()
            .flat_map(|n| {
                let r = x.worksheet_range(n).unwrap();
                r.used_cells()
                    .filter_map(|(_, _, v)| match v {
                        Data::String(s) => Some(s.clone()),
                        _ => None,
                    })
                    .collect::<Vec<_>>()
            })
            .collect();
        let cut: Vec<&String> = cells.iter().filter(|s| s.starts_with("𠀀公公")).collect();
        assert_eq!(cut.len(), 1, "the note is in one cell of {names:?}");
        let cut = cut[0];
        assert!(cut.ends_with("〔超长，已截断〕"));
        // 32,767 UTF-16 units in all: 𠀀 (2), 32,757 公 and the 8 of the mark.
        assert_eq!(cut.encode_utf16().count(), 32_767);
        assert_eq!(cut.chars().filter(|&c| c == '公').count(), 32_757);
        // The other notes, which fit, are whole.
        assert!(cells.iter().any(|s| s == "不涉及") || names == ["台账"]);
    }
}

#[test]
fn a_text_that_fits_is_kept_whole() {
    let s = "公".repeat(32_767);
    assert_eq!(gk_xlsx::fit(&s), s.as_str());
    let s = "公".repeat(32_768);
    assert_eq!(gk_xlsx::fit(&s).chars().count(), 32_759 + 8);
}
