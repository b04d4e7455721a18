//! Importing the task table's CSV export: the round trip on the real table, what Excel may do
//! to the file (no BOM, LF, GBK, re-written dates), bad rows, the views that cannot be
//! imported, and how the preview counts entries whose times are cut to the minute.

use gk_core::checklist::{Checklists, Entry};
use gk_core::csv::csv;
use gk_core::csv_read::parse_china_minute;
use gk_core::filter::Index;
use gk_core::model::Table;
use gk_core::statefile::{
    apply, export as export_state, parse, preview, FileError, ParsedFile, Source,
};
use gk_core::status::Status;
use gk_core::timestamp::Timestamp;

/// The importing browser's clock in these tests: 2030-01-01T00:00:00Z, after every time they
/// use (nothing is from the future).
const NOW: Timestamp = Timestamp::from_millis(1_893_456_000_000);

const FIN: &str = "市财政局";
const XT: &str = "新泰市";
const HEADER: &str = "编号,支柱,分项,工作任务及要求,牵头单位,责任单位,单位,状态,备注,更新时间";

fn ts(s: &str) -> Timestamp {
    Timestamp::parse(s).unwrap()
}

fn e(status: Status, note: &str, at: &str) -> Entry {
    Entry::new(status, note, ts(at))
}

fn real() -> Table {
    Table::from_json(include_str!("../../data/tables/taian-2017.json")).unwrap()
}

/// The CSV export of every task of the table for `unit`, as 导出 CSV writes it.
fn export(table: &Table, unit: Option<&str>, c: &Checklists) -> String {
    let rows: Vec<(usize, Option<&str>)> = (0..table.tasks.len()).map(|i| (i, unit)).collect();
    csv(table, &rows, c)
}

fn read(text: &str, name: &str) -> Result<ParsedFile, FileError> {
    parse(text.as_bytes(), name, &real(), NOW)
}

fn ok(text: &str) -> ParsedFile {
    read(text, "市财政局.csv").unwrap_or_else(|e| panic!("{e}"))
}

/// A CSV line (quoted where needed) of the header's columns.
fn line(cells: &[&str]) -> String {
    let quoted: Vec<String> = cells
        .iter()
        .map(|c| {
            if c.contains([',', '"', '\n', '\r']) {
                format!("\"{}\"", c.replace('"', "\"\""))
            } else {
                c.to_string()
            }
        })
        .collect();
    quoted.join(",")
}

/// A data row for `task` and `unit` with the table's text.
fn row(table: &Table, task: &str, unit: &str, status: &str, note: &str, at: &str) -> String {
    let text = table.task(task).map(|t| t.text.clone()).unwrap_or_default();
    line(&[task, "", "", &text, "", "", unit, status, note, at])
}

/// Checklists of 市财政局 with every kind of note the CSV must carry, and times with seconds.
fn fin_checklists() -> Checklists {
    let mut c = Checklists::new();
    c.put(
        FIN,
        "1.1.1",
        e(Status::Done, "已在网站公开", "2017-06-29T10:00:00Z"),
    );
    c.put(
        FIN,
        "1.1.2",
        e(Status::Doing, "", "2017-06-29T10:15:42.250Z"),
    );
    c.put(
        FIN,
        "1.1.5",
        e(
            Status::Done,
            "第一段，含逗号\n第二段 \"引号\"\n\n第四段",
            "2017-06-29T23:59:59.999Z",
        ),
    );
    c.put(
        FIN,
        "1.2.1",
        e(Status::Na, "=SUM(A1:A3)", "2017-06-28T02:15:30Z"),
    );
    c.put(
        FIN,
        "1.2.2",
        e(Status::Done, "+86 电话", "2017-06-28T02:16:00Z"),
    );
    c.put(
        FIN,
        "1.2.3",
        e(Status::Doing, "-减少", "2017-06-28T02:17:00Z"),
    );
    c.put(
        FIN,
        "1.2.4",
        e(Status::Doing, "@某人", "2017-06-28T02:18:00Z"),
    );
    c.put(
        FIN,
        "1.4.1",
        e(Status::Done, "\t缩进", "2017-06-28T02:19:00Z"),
    );
    c.put(
        FIN,
        "1.4.2",
        e(Status::Done, "'引号开头", "2017-06-28T02:20:00Z"),
    );
    // Set back to 未开始: an entry, with its time, that must come back.
    c.put(FIN, "2.1.1", e(Status::Todo, "", "2017-06-27T01:00:00Z"));
    // Another unit's entry is not in 市财政局's CSV.
    c.put(XT, "1.1.1", e(Status::Done, "", "2017-06-27T01:00:00Z"));
    c
}

/// The unit's entries with their times cut to the minute, in task order.
fn expected(c: &Checklists, unit: &str) -> Vec<(String, Entry)> {
    let mut out: Vec<(String, Entry)> = c
        .unit(unit)
        .unwrap()
        .entries
        .iter()
        .map(|(task, e)| {
            let mut e = e.clone();
            e.updated_at = e.updated_at.to_minute();
            (task.clone(), e)
        })
        .collect();
    out.sort_by(|a, b| gk_core::statefile::cmp_task_ids(&a.0, &b.0));
    out
}

fn got(p: &ParsedFile) -> Vec<(String, Entry)> {
    p.entries
        .iter()
        .map(|fe| {
            assert_eq!(fe.unit, FIN);
            (fe.task.clone(), fe.entry.clone())
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Round trip

#[test]
fn the_export_of_a_unit_reads_back_as_its_entries_to_the_minute() {
    let table = real();
    let c = fin_checklists();
    let text = export(&table, Some(FIN), &c);
    let p = ok(&text);
    assert_eq!(p.source, Source::TableCsv);
    assert_eq!(p.dataset, "taian-2017");
    assert_eq!(p.exported_at, None);
    assert!(p.invalid.is_empty(), "{:?}", p.invalid);
    assert_eq!(got(&p), expected(&c, FIN));
    // The notes exactly: line breaks, quotes, and the formula guard taken off.
    let note = |task: &str| {
        p.entries
            .iter()
            .find(|fe| fe.task == task)
            .unwrap()
            .entry
            .note
            .clone()
    };
    assert_eq!(note("1.1.5"), "第一段，含逗号\n第二段 \"引号\"\n\n第四段");
    assert_eq!(note("1.2.1"), "=SUM(A1:A3)");
    assert_eq!(note("1.4.1"), "\t缩进");
    assert_eq!(note("1.4.2"), "'引号开头");
    assert_eq!(p.units(), vec![FIN.to_string()]);
}

#[test]
fn every_unit_of_the_real_table_round_trips() {
    let table = real();
    let mut c = Checklists::new();
    let statuses = [Status::Todo, Status::Doing, Status::Done, Status::Na];
    let units: Vec<&str> = table
        .units
        .iter()
        .filter(|u| !u.is_group())
        .map(|u| u.name.as_str())
        .collect();
    let index = Index::new(&table);
    for (u, unit) in units.iter().enumerate() {
        // Some of the unit's own tasks (an entry for another is invalid on import), its first
        // among them.
        let own = index.tasks_of(unit);
        for (_, &i) in own
            .iter()
            .enumerate()
            .filter(|(k, _)| *k == 0 || (k + u) % 3 == 0)
        {
            let task = &table.tasks[i];
            let at = Timestamp::from_millis(1_498_700_000_000 + (i * 7_919 + u * 104_729) as i64);
            let note = if i % 2 == 0 {
                format!("{unit} {i}\n备注")
            } else {
                String::new()
            };
            c.put(unit, &task.id, Entry::new(statuses[(i + u) % 4], note, at));
        }
    }
    for unit in units {
        let p = read(&export(&table, Some(unit), &c), "x.csv").unwrap();
        assert!(p.invalid.is_empty(), "{unit}: {:?}", p.invalid);
        let got: Vec<(String, Entry)> = p
            .entries
            .iter()
            .map(|fe| (fe.task.clone(), fe.entry.clone()))
            .collect();
        assert_eq!(got, expected(&c, unit), "{unit}");
    }
}

#[test]
fn without_bom_with_lf_or_both_the_same_entries() {
    let table = real();
    let c = fin_checklists();
    let text = export(&table, Some(FIN), &c);
    let want = got(&ok(&text));
    let no_bom = text.trim_start_matches('\u{FEFF}').to_string();
    let lf = text.replace("\r\n", "\n");
    let both = no_bom.replace("\r\n", "\n");
    for variant in [no_bom, lf, both] {
        assert_eq!(got(&ok(&variant)), want);
    }
}

#[test]
fn an_untouched_task_is_no_entry_and_an_empty_export_is_empty() {
    let table = real();
    let p = ok(&export(&table, Some(FIN), &Checklists::new()));
    assert!(p.entries.is_empty());
    assert!(p.invalid.is_empty());
    // The header alone (an empty view).
    let p = ok(&format!("{HEADER}\r\n"));
    assert!(p.entries.is_empty());
}

#[test]
fn excel_style_times_are_read_as_china_time() {
    assert_eq!(
        parse_china_minute("2017-06-29 18:05"),
        Some(ts("2017-06-29T10:05:00Z"))
    );
    assert_eq!(
        parse_china_minute("2017/6/29 8:05"),
        Some(ts("2017-06-29T00:05:00Z"))
    );
    assert_eq!(
        parse_china_minute("2017/06/30 00:30:15"),
        Some(ts("2017-06-29T16:30:15Z"))
    );
    for bad in [
        "",
        "2017-06-29",
        "2017-06-31 10:00",
        "2017-06-29 24:00",
        "17-06-29 10:00",
        "2017-06-29 10:5",
        "2017-06-29T10:00",
        "昨天 10:00",
        "2017-06-29 10:00 上午",
    ] {
        assert_eq!(parse_china_minute(bad), None, "{bad}");
    }
    let table = real();
    let text = format!(
        "{HEADER}\n{}\n",
        row(&table, "1.1.1", FIN, "已完成", "", "2017/6/29 8:05")
    );
    let p = ok(&text);
    assert_eq!(p.entries[0].entry.updated_at, ts("2017-06-29T00:05:00Z"));
}

// ---------------------------------------------------------------------------------------------
// Bad rows and refused files

#[test]
fn bad_rows_are_listed_by_their_spreadsheet_row() {
    let table = real();
    let lines = [
        HEADER.to_string(),
        row(&table, "1.1.1", FIN, "已完成", "好", "2017-06-29 18:00"), // row 2: fine
        row(&table, "9.9.9", FIN, "已完成", "", "2017-06-29 18:00"),   // row 3
        row(
            &table,
            "1.1.2",
            "不存在局",
            "已完成",
            "",
            "2017-06-29 18:00",
        ), // row 4
        row(&table, "1.1.3", FIN, "完成了", "", "2017-06-29 18:00"),   // row 5
        row(&table, "1.1.4", FIN, "已完成", "", "昨天"),               // row 6
        row(&table, "1.1.5", FIN, "进行中", "", ""),                   // row 7: no time
        row(
            &table,
            "1.1.6",
            "各县（市、区）",
            "已完成",
            "",
            "2017-06-29 18:00",
        ), // row 8
        row(&table, "1.1.7", "", "已完成", "", "2017-06-29 18:00"),    // row 9: no unit
        line(&[
            "1.2.5",
            "",
            "",
            "别的任务",
            "",
            "",
            FIN,
            "已完成",
            "",
            "2017-06-29 18:00",
        ]), // row 10
        row(&table, "1.1.1", FIN, "进行中", "旧", "2017-06-28 18:00"), // row 11: older duplicate
        row(&table, "1.2.1", FIN, "未开始", "", ""),                   // row 12: no entry
    ];
    let p = ok(&(lines.join("\r\n") + "\r\n"));
    assert_eq!(p.entries.len(), 1);
    assert_eq!(p.entries[0].task, "1.1.1");
    assert_eq!(p.entries[0].entry.note, "好");
    let shown: Vec<String> = p.invalid.iter().map(|i| i.to_string()).collect();
    let rows: Vec<Option<usize>> = p.invalid.iter().map(|i| i.row).collect();
    assert_eq!(
        rows,
        [3, 4, 5, 6, 7, 8, 9, 10, 11].map(Some).to_vec(),
        "{shown:?}"
    );
    for (text, needle) in shown.iter().zip([
        "第 3 行：编号“9.9.9”不在任务表中",
        "第 4 行：单位“不存在局”不在任务表中",
        "第 5 行：状态“完成了”无效，应为 未开始、进行中、已完成 或 不适用",
        "第 6 行：更新时间“昨天”无效",
        "第 7 行：缺少更新时间",
        "第 8 行：“各县（市、区）”是单位分组",
        "第 9 行：没有单位",
        "第 10 行：编号“1.2.5”的工作任务与任务表中的不同",
        "第 11 行：与第 2 行是同一单位的同一任务",
    ]) {
        assert!(text.starts_with(needle), "{text} / {needle}");
    }
    assert_eq!(p.invalid[1].unit.as_deref(), Some("不存在局"));
    assert_eq!(p.invalid[6].unit, None);
    assert_eq!(p.invalid[0].task.as_deref(), Some("9.9.9"));
}

#[test]
fn a_view_exported_without_a_unit_is_refused_with_what_to_do() {
    let table = real();
    let text = export(&table, None, &fin_checklists());
    let e = read(&text, "全部单位.csv").unwrap_err();
    assert_eq!(
        e,
        FileError::NoUnit {
            file: "全部单位.csv".into()
        }
    );
    let h = e.headline();
    assert!(
        h.starts_with("文件“全部单位.csv”是没有选择单位时导出的任务表"),
        "{h}"
    );
    assert!(h.contains("在任务表中选择本单位"), "{h}");
    assert!(h.contains("导出报送文件"), "{h}");
    assert_eq!(e.detail(), None);
    assert!(e.to_string().contains("导出报送文件"));
}

#[test]
fn another_tables_csv_is_refused() {
    let table = real();
    // Next year's table: the same ids, other texts.
    let mut other = real();
    for t in &mut other.tasks {
        t.text = format!("2018年：{}", t.text);
    }
    let mut c = Checklists::new();
    c.put(FIN, "1.1.1", e(Status::Done, "", "2018-06-29T10:00:00Z"));
    let e = read(&export(&other, Some(FIN), &c), "2018.csv").unwrap_err();
    assert_eq!(
        e,
        FileError::OtherTable {
            file: "2018.csv".into(),
            expected: "taian-2017".into()
        }
    );
    assert!(e.headline().contains("另一张任务表"), "{}", e.headline());
    assert!(!e.headline().contains("taian"), "{}", e.headline());
    assert!(e.detail().unwrap().contains("taian-2017"));
    // One row of this table is enough to be this table's file; the others are listed.
    let mixed = format!(
        "{HEADER}\n{}\n{}\n",
        row(&table, "1.1.1", FIN, "已完成", "", "2017-06-29 18:00"),
        line(&[
            "1.1.2",
            "",
            "",
            "别的",
            "",
            "",
            FIN,
            "已完成",
            "",
            "2017-06-29 18:00"
        ])
    );
    let p = ok(&mixed);
    assert_eq!((p.entries.len(), p.invalid.len()), (1, 1));
}

#[test]
fn a_csv_saved_again_by_excel_in_gbk_says_so_in_plain_words() {
    // The header and a row in GBK, as Excel saves a CSV on Chinese Windows.
    let mut gbk: Vec<u8> = b"\xB1\xE0\xBA\xC5,\xD6\xA7\xD6\xF9,".to_vec();
    gbk.extend_from_slice(b"\r\n1.1.1,\xD2\xD1\xCD\xEA\xB3\xC9\r\n");
    let e = parse(&gbk, "报表.txt", &real(), NOW).unwrap_err();
    assert_eq!(
        e,
        FileError::WrongEncoding {
            file: "报表.txt".into()
        }
    );
    let h = e.headline();
    assert!(h.contains("文字编码不对（可能被 Excel 另存过）"), "{h}");
    assert!(!h.contains("UTF-8"), "{h}");
    assert!(e.detail().unwrap().contains("UTF-8"));
    // Any .csv that is not UTF-8.
    let e = parse(b"\xff\xfe\x00a", "市财政局.CSV", &real(), NOW).unwrap_err();
    assert!(matches!(e, FileError::WrongEncoding { .. }));
    // Not UTF-8 and not a CSV: not our file, with the encoding in the detail.
    let png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR";
    let e = parse(png, "截图.png", &real(), NOW).unwrap_err();
    assert!(matches!(e, FileError::NotJson { .. }));
    assert!(e.headline().contains("不是本系统导出的报送文件"));
    assert!(e.detail().unwrap().contains("UTF-8"));
}

#[test]
fn a_damaged_csv_names_the_missing_column() {
    let e = read("编号,状态\r\n1.1.1,已完成\r\n", "坏.csv").unwrap_err();
    assert_eq!(
        e,
        FileError::BadCsv {
            file: "坏.csv".into(),
            reason: "缺少“工作任务及要求”一列".into()
        }
    );
    assert!(e.headline().contains("不完整或被改动过"));
    assert!(e.detail().unwrap().contains("工作任务及要求"));
}

#[test]
fn other_csv_files_are_not_ours() {
    // A CSV that is not the task table's (e.g. the 催办 list): the plain message.
    let e = read("单位,未完成任务\r\n市财政局,3\r\n", "催办.csv").unwrap_err();
    assert!(matches!(e, FileError::NotJson { .. }));
    assert_eq!(
        e.headline(),
        "文件“催办.csv”不是本系统导出的报送文件。请让报送单位在任务表中选择本单位，点“导出报送文件”，把得到的 .json 文件发来。"
    );
    assert!(e.detail().unwrap().contains("JSON"));
}

// ---------------------------------------------------------------------------------------------
// Preview and merge

#[test]
fn reimporting_the_csv_of_what_is_stored_is_identical_and_changes_nothing() {
    let table = real();
    let c = fin_checklists();
    let p = ok(&export(&table, Some(FIN), &c));
    let pv = preview(&c, std::slice::from_ref(&p), NOW);
    let f = &pv.files[0];
    assert_eq!(f.source, Source::TableCsv);
    assert_eq!(f.identical.len(), 10);
    assert_eq!(f.records(), 10);
    assert!(f.new.is_empty() && f.newer.is_empty() && f.older.is_empty());
    assert!(f.conflicts.is_empty());
    assert!(!pv.changes());
    // Applying keeps the stored entries with their seconds.
    let (next, undo) = apply(&c, &[p], NOW);
    assert_eq!(next, c);
    assert!(undo.units.is_empty());
}

#[test]
fn csv_entries_in_a_fresh_browser_are_new_and_apply_with_undo() {
    let table = real();
    let c = fin_checklists();
    let p = ok(&export(&table, Some(FIN), &c));
    let office = Checklists::new();
    let pv = preview(&office, std::slice::from_ref(&p), NOW);
    assert_eq!(pv.files[0].new.len(), 10);
    assert_eq!(pv.added, 10);
    let (next, undo) = apply(&office, &[p], NOW);
    assert_eq!(
        next.get(FIN, "1.2.1"),
        Some(&e(Status::Na, "=SUM(A1:A3)", "2017-06-28T02:15:00Z"))
    );
    assert_eq!(undo.units, vec![FIN.to_string()]);
    assert_eq!(undo.undo(&next).checklists, office);
}

#[test]
fn the_minute_decides_newer_older_and_conflicts() {
    let table = real();
    let mut stored = Checklists::new();
    stored.put(FIN, "1.1.1", e(Status::Doing, "旧", "2017-06-29T10:00:30Z"));
    stored.put(FIN, "1.1.2", e(Status::Doing, "甲", "2017-06-29T10:00:30Z"));
    stored.put(FIN, "1.1.3", e(Status::Done, "新", "2017-06-29T12:00:00Z"));
    stored.put(FIN, "1.2.5", e(Status::Doing, "", "2017-06-29T10:00:00Z"));
    let text = [
        HEADER.to_string(),
        // A minute later in China time: newer.
        row(&table, "1.1.1", FIN, "已完成", "新", "2017-06-29 18:01"),
        // The same minute, another note: a conflict the stored entry wins (its time has
        // seconds), counted older.
        row(&table, "1.1.2", FIN, "已完成", "乙", "2017-06-29 18:00"),
        // Older.
        row(&table, "1.1.3", FIN, "进行中", "", "2017-06-29 18:00"),
        // The same minute and the stored time has no seconds: the tie-break of the merge
        // rule (the higher status) lets the file's entry win.
        row(&table, "1.2.5", FIN, "已完成", "", "2017-06-29 18:00"),
    ]
    .join("\r\n");
    let p = ok(&text);
    let pv = preview(&stored, std::slice::from_ref(&p), NOW);
    let f = &pv.files[0];
    let tasks = |items: &[gk_core::statefile::PreviewItem]| -> Vec<String> {
        items.iter().map(|i| i.task.clone()).collect()
    };
    assert_eq!(tasks(&f.newer), ["1.1.1", "1.2.5"]);
    assert_eq!(tasks(&f.older), ["1.1.2", "1.1.3"]);
    assert!(f.identical.is_empty());
    let conflicts: Vec<(&str, bool)> = f
        .conflicts
        .iter()
        .map(|x| (x.task.as_str(), x.incoming_wins))
        .collect();
    assert_eq!(conflicts, [("1.1.2", false), ("1.2.5", true)]);
    assert_eq!(pv.updated, 2);
    let (next, _) = apply(&stored, &[p], NOW);
    assert_eq!(next.get(FIN, "1.1.1").unwrap().note, "新");
    assert_eq!(next.get(FIN, "1.1.2").unwrap().note, "甲");
    assert_eq!(next.get(FIN, "1.2.5").unwrap().status, Status::Done);
}

#[test]
fn a_state_file_still_needs_the_exact_time_to_be_identical() {
    // The same entry a few seconds earlier in a state file is older, not identical: the
    // minute rule is the CSV's only.
    let mut stored = Checklists::new();
    stored.put(FIN, "1.1.1", e(Status::Done, "", "2017-06-29T10:00:30Z"));
    let json = r#"{"format":"gk-checklist","version":1,"dataset":"taian-2017","entries":[
        {"unit":"市财政局","task":"1.1.1","status":"done","note":"","updated_at":"2017-06-29T10:00:00Z"}]}"#;
    let p = parse(json, "x.json", &real(), NOW).unwrap();
    assert_eq!(p.source, Source::StateFile);
    let pv = preview(&stored, &[p], NOW);
    assert_eq!(pv.files[0].older.len(), 1);
    assert!(pv.files[0].identical.is_empty());
}

#[test]
fn sources_and_plain_headlines() {
    assert_eq!(Source::StateFile.label(), "报送文件");
    assert_eq!(Source::TableCsv.label(), "任务表导出的 CSV");
    let table = real();
    let other = parse(
        r#"{"format":"gk-checklist","version":1,"dataset":"taian-2018","entries":[]}"#,
        "旧表.json",
        &table,
        NOW,
    )
    .unwrap_err();
    assert!(other.headline().contains("另一张任务表"));
    assert!(!other.headline().contains("taian"));
    let d = other.detail().unwrap();
    assert!(d.contains("taian-2018") && d.contains("taian-2017"), "{d}");
    for (text, needle) in [
        ("这不是 JSON {", "第 1 行第 1 列"),
        ("[1]", "\"format\""),
        (r#"{"format":"x"}"#, "\"x\""),
    ] {
        let e = parse(text, "a.json", &table, NOW).unwrap_err();
        assert!(e
            .headline()
            .starts_with("文件“a.json”不是本系统导出的报送文件。"));
        assert!(!e.headline().contains("JSON"), "{}", e.headline());
        assert!(e.detail().unwrap().contains(needle), "{:?}", e.detail());
    }
}

#[test]
fn a_csv_sent_with_its_state_file_is_the_same_records_not_older() {
    // A unit sends both files; the office imports them together into a fresh browser. The
    // state file's entries are new; the CSV's, cut to the minute, are the same records.
    let table = real();
    let c = fin_checklists();
    let json = export_state(&c, "taian-2017", &[FIN], ts("2017-06-30T01:00:00Z"));
    let files = [
        ok(&export(&table, Some(FIN), &c)),
        parse(json, "市财政局.json", &table, NOW).unwrap(),
    ];
    let pv = preview(&Checklists::new(), &files, NOW);
    let (csv, state) = (&pv.files[0], &pv.files[1]);
    assert_eq!(csv.identical.len(), 10);
    assert!(csv.superseded.is_empty() && csv.older.is_empty() && csv.new.is_empty());
    assert_eq!(state.new.len(), 10);
    assert!(pv.clashes.is_empty());
    assert_eq!((pv.added, pv.updated), (10, 0));
    // A CSV row that differs from the state file is still superseded by it.
    let mut changed = c.clone();
    changed.put(
        FIN,
        "1.1.1",
        e(Status::Doing, "改过", "2017-06-29T09:00:00Z"),
    );
    let files = [
        ok(&export(&table, Some(FIN), &changed)),
        parse(
            export_state(&c, "taian-2017", &[FIN], ts("2017-06-30T01:00:00Z")),
            "市财政局.json",
            &table,
            NOW,
        )
        .unwrap(),
    ];
    let pv = preview(&Checklists::new(), &files, NOW);
    let ids = |items: &[gk_core::statefile::PreviewItem]| -> Vec<String> {
        items.iter().map(|i| i.task.clone()).collect()
    };
    assert_eq!(ids(&pv.files[0].superseded), ["1.1.1"]);
    assert_eq!(pv.files[0].identical.len(), 9);
}

#[test]
fn an_excel_workbook_or_a_word_document_is_named_for_what_it_is() {
    let table = real();
    let sig = b"PK\x03\x04\x14\x00\x06\x00";
    for (name, what) in [
        ("taian-2017-市财政局-20171201.xlsx", "Excel 表格"),
        ("台账.XLS", "Excel 表格"),
        ("进度.et", "Excel 表格"),
        ("工作总结.docx", "Word 文档"),
        ("说明.doc", "Word 文档"),
    ] {
        let e = parse(sig, name, &table, NOW).unwrap_err();
        assert_eq!(
            e,
            FileError::Document {
                file: name.to_string(),
                what
            }
        );
        assert_eq!(
            e.headline(),
            format!("文件“{name}”是 {what}，不能导入。请让报送单位在任务表中选择本单位，点“导出报送文件”，把得到的 .json 文件发来。")
        );
        assert!(e.detail().unwrap().contains("仅供本单位留存"));
    }
    // A name without one of those endings is read as before.
    assert!(matches!(
        parse(sig, "压缩包.zip", &table, NOW).unwrap_err(),
        FileError::NotJson { .. }
    ));
}
