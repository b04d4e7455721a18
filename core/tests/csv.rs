//! CSV export: BOM, header, quoting, rows with and without a unit.

use gk_core::checklist::{Checklists, Entry};
use gk_core::csv::{csv, BOM, HEADER};
use gk_core::model::Table;
use gk_core::status::Status;
use gk_core::timestamp::Timestamp;

const FIN: &str = "市财政局";
const HEADER_LINE: &str =
    "编号,支柱,分项,工作任务及要求,牵头单位,责任单位,单位,状态,备注,更新时间\r\n";

fn ts(s: &str) -> Timestamp {
    Timestamp::parse(s).unwrap()
}

fn real() -> Table {
    Table::from_json(include_str!("../../data/tables/taian-2017.json")).unwrap()
}

/// A minimal reader of RFC 4180 text, to check that fields come back as written.
fn read(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => quoted = false,
                c => field.push(c),
            }
        } else {
            match c {
                '"' => quoted = true,
                ',' => row.push(std::mem::take(&mut field)),
                '\r' => {
                    assert_eq!(chars.next(), Some('\n'), "CR without LF");
                    row.push(std::mem::take(&mut field));
                    rows.push(std::mem::take(&mut row));
                }
                '\n' => panic!("bare LF outside quotes"),
                c => field.push(c),
            }
        }
    }
    assert!(field.is_empty() && row.is_empty(), "text ends with CRLF");
    rows
}

#[test]
fn bom_and_header_only() {
    let text = csv(&real(), &[], &Checklists::new());
    assert!(text.starts_with(BOM));
    assert!(text.as_bytes().starts_with(b"\xEF\xBB\xBF"));
    assert_eq!(&text[BOM.len_utf8()..], HEADER_LINE);
    assert_eq!(HEADER.len(), 10);
}

#[test]
fn a_row_with_a_unit_and_its_entry() {
    let table = real();
    let i = table.tasks.iter().position(|t| t.id == "1.1.5").unwrap();
    let mut c = Checklists::new();
    c.put(
        FIN,
        "1.1.5",
        Entry::new(
            Status::Done,
            "每月在市财政局网站公开",
            ts("2017-06-29T10:00:00Z"),
        ),
    );
    let text = csv(&table, &[(i, Some(FIN))], &c);
    let rows = read(&text[BOM.len_utf8()..]);
    assert_eq!(rows.len(), 2);
    let task = &table.tasks[i];
    assert_eq!(
        rows[1],
        [
            "1.1.5",
            "以政务公开助力稳增长",
            "（一）加强预期引导",
            task.text.as_str(),
            "市财政局",
            "各县（市、区）",
            FIN,
            "已完成",
            "每月在市财政局网站公开",
            "2017-06-29 18:00",
        ]
    );
}

#[test]
fn rows_without_entry_and_without_unit() {
    let table = real();
    let c = Checklists::new();
    let text = csv(&table, &[(0, Some(FIN)), (0, None), (99_999, None)], &c);
    let rows = read(&text[BOM.len_utf8()..]);
    assert_eq!(rows.len(), 3, "out-of-range index skipped");
    assert_eq!(&rows[1][6..], [FIN, "未开始", "", ""]);
    assert_eq!(&rows[2][6..], ["", "", "", ""]);
    // Lead units joined with 、.
    assert_eq!(
        rows[1][4],
        "市发展改革委、市经济和信息化委、市财政局、市金融办、人行泰安市中心支行"
    );
    assert_eq!(rows[1][5], "各县（市、区）、市政府有关部门（单位）");
}

#[test]
fn quoting_commas_quotes_and_line_breaks() {
    let table = real();
    let i = table.tasks.iter().position(|t| t.id == "1.1.5").unwrap();
    let mut c = Checklists::new();
    let note = "第一行,含逗号\n第二行 \"引号\"\r\n第三行";
    c.put(
        FIN,
        "1.1.5",
        Entry::new(Status::Doing, note, ts("2017-06-29T10:00:00Z")),
    );
    let text = csv(&table, &[(i, Some(FIN))], &c);
    assert!(text.contains("\"第一行,含逗号\n第二行 \"\"引号\"\"\r\n第三行\""));
    let rows = read(&text[BOM.len_utf8()..]);
    assert_eq!(rows[1][8], note);
    assert_eq!(rows[1][7], "进行中");
    // A field without special characters is not quoted.
    assert!(text.contains(",市财政局,进行中,"));
}

#[test]
fn task_text_with_two_paragraphs_stays_one_field() {
    let table = real();
    let i = table.tasks.iter().position(|t| t.id == "1.3.3").unwrap();
    assert!(table.tasks[i].text.contains('\n'));
    let text = csv(&table, &[(i, None)], &Checklists::new());
    let rows = read(&text[BOM.len_utf8()..]);
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[1][3], table.tasks[i].text);
    assert_eq!(rows[1][2], table.section("1.3").unwrap().name);
}

#[test]
fn notes_that_look_like_formulas_are_kept_as_text() {
    let table = real();
    let mut c = Checklists::new();
    let at = ts("2017-06-29T10:00:00Z");
    c.put(
        FIN,
        &table.tasks[0].id,
        Entry::new(Status::Done, "=HYPERLINK(\"x\")", at),
    );
    c.put(
        FIN,
        &table.tasks[1].id,
        Entry::new(Status::Done, "-已公开", at),
    );
    c.put(
        FIN,
        &table.tasks[2].id,
        Entry::new(Status::Done, "已公开 =1", at),
    );
    let text = csv(
        &table,
        &[(0, Some(FIN)), (1, Some(FIN)), (2, Some(FIN))],
        &c,
    );
    let rows = read(&text[BOM.len_utf8()..]);
    assert_eq!(rows[1][8], "'=HYPERLINK(\"x\")");
    assert_eq!(rows[2][8], "'-已公开");
    assert_eq!(rows[3][8], "已公开 =1");
}

#[test]
fn every_task_every_unit_column_count() {
    let table = real();
    let rows: Vec<(usize, Option<&str>)> = (0..table.tasks.len()).map(|i| (i, Some(FIN))).collect();
    let text = csv(&table, &rows, &Checklists::new());
    let parsed = read(&text[BOM.len_utf8()..]);
    assert_eq!(parsed.len(), table.tasks.len() + 1);
    assert!(parsed.iter().all(|r| r.len() == 10));
    let ids: Vec<&str> = parsed[1..].iter().map(|r| r[0].as_str()).collect();
    let expected: Vec<&str> = table.tasks.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids, expected);
}
