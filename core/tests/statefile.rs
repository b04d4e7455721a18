//! The state file: writing, reading, every refused file with its message, invalid entries,
//! import preview and application.

use gk_core::checklist::{Checklists, Entry};
use gk_core::filter::Index;
use gk_core::model::Table;
use gk_core::statefile::{
    apply, cmp_task_ids, export, export_file_name, max_file_bytes, parse, preview, FileError,
    KeptReason, ParsedFile, MIN_FILE_LIMIT,
};
use gk_core::status::Status;
use gk_core::timestamp::Timestamp;
use std::cmp::Ordering;

/// The importing browser's clock in these tests: 2030-01-01T00:00:00Z, after every time they
/// use (nothing is from the future).
const NOW: Timestamp = Timestamp::from_millis(1_893_456_000_000);

const FIN: &str = "市财政局";
const SAMPLE: &str = include_str!("samples/statefile-v1.json");

fn ts(s: &str) -> Timestamp {
    Timestamp::parse(s).unwrap()
}

fn e(status: Status, note: &str, at: &str) -> Entry {
    Entry::new(status, note, ts(at))
}

fn real() -> Table {
    Table::from_json(include_str!("../../data/tables/taian-2017.json")).unwrap()
}

fn ok(text: &str) -> ParsedFile {
    parse(text, "进度.json", &real(), NOW).unwrap_or_else(|e| panic!("{e}"))
}

fn err(text: &str) -> FileError {
    parse(text, "进度.json", &real(), NOW).expect_err("should be refused")
}

/// A file with the given entries (JSON text of each).
fn file_with(entries: &[&str]) -> String {
    format!(
        r#"{{"format":"gk-checklist","version":1,"dataset":"taian-2017","exported_at":"2017-06-30T08:00:00Z","entries":[{}]}}"#,
        entries.join(",")
    )
}

fn to_checklists(file: &ParsedFile) -> Checklists {
    let mut c = Checklists::new();
    for fe in &file.entries {
        c.put(&fe.unit, &fe.task, fe.entry.clone());
    }
    c
}

// ---------------------------------------------------------------------------------------------
// Writing

#[test]
fn export_writes_the_documented_layout() {
    // The sample is what the writer writes, byte for byte.
    let parsed = ok(SAMPLE);
    let c = to_checklists(&parsed);
    let text = export(
        &c,
        "taian-2017",
        &[FIN, "泰山区"],
        ts("2017-06-30T16:00:00+08:00"),
    );
    assert_eq!(text, SAMPLE);
    assert!(text.ends_with("}\n"));
    // Unit order and numeric task order: 2.1.9 before 2.1.10.
    let tasks: Vec<&str> = parsed.entries.iter().map(|e| e.task.as_str()).collect();
    assert_eq!(tasks, ["1.1.1", "1.1.5", "2.1.9", "2.1.10", "1.1.5"]);
}

#[test]
fn export_of_one_unit_leaves_the_others_out() {
    let mut c = Checklists::new();
    c.put(FIN, "1.1.5", e(Status::Done, "x", "2017-06-29T10:00:00Z"));
    c.put(
        "市统计局",
        "1.1.1",
        e(Status::Doing, "", "2017-06-29T10:00:00Z"),
    );
    let now = ts("2017-06-30T08:00:00Z");
    let one = ok(&export(&c, "taian-2017", &[FIN, FIN], now));
    assert_eq!(one.entries.len(), 1);
    assert_eq!(one.entries[0].unit, FIN);
    let all = ok(&export(&c, "taian-2017", &[FIN, "市统计局"], now));
    assert_eq!(all.entries.len(), 2);
    assert_eq!(all.exported_at, Some(now));
}

#[test]
fn export_of_nothing_is_a_valid_file() {
    let text = export(
        &Checklists::new(),
        "taian-2017",
        &[FIN],
        ts("2017-06-30T08:00:00Z"),
    );
    assert_eq!(
        text,
        "{\n  \"format\": \"gk-checklist\",\n  \"version\": 1,\n  \"dataset\": \"taian-2017\",\n  \"exported_at\": \"2017-06-30T08:00:00Z\",\n  \"entries\": []\n}\n"
    );
    let parsed = ok(&text);
    assert!(parsed.entries.is_empty() && parsed.invalid.is_empty());
}

#[test]
fn export_then_parse_gives_the_same_entries() {
    let table = real();
    let mut c = Checklists::new();
    let mut t = ts("2017-06-01T00:00:00Z").millis();
    // 市财政局's tasks and 泰山区's (a county: every task of 各县（市、区）) are the tasks
    // their entries may be for.
    let index = Index::new(&table);
    let (fin, taishan) = (index.tasks_of(FIN), index.tasks_of("泰山区"));
    for (i, task) in table.tasks.iter().enumerate() {
        t += 3_600_123;
        if !fin.contains(&i) {
            continue;
        }
        let status = Status::ALL[i % 4];
        let note = match i % 5 {
            0 => String::new(),
            1 => format!("第{i}项，含\"引号\"与\n换行"),
            2 => "\\ / \t \u{0} 😀".to_string(),
            3 => "  前后空格  ".to_string(),
            _ => "按月公开".repeat(i),
        };
        c.put(
            FIN,
            &task.id,
            Entry::new(status, note, Timestamp::from_millis(t)),
        );
        if i % 3 == 0 && taishan.contains(&i) {
            c.put(
                "泰山区",
                &task.id,
                Entry::new(status, "", Timestamp::from_millis(t)),
            );
        }
    }
    let text = export(
        &c,
        "taian-2017",
        &[FIN, "泰山区"],
        ts("2017-06-30T08:00:00Z"),
    );
    let parsed = parse(text.as_bytes(), "x.json", &table, NOW).unwrap();
    assert!(parsed.invalid.is_empty());
    assert_eq!(to_checklists(&parsed), c);
    // Entries are in table order within a unit.
    let got: Vec<&str> = parsed
        .entries
        .iter()
        .filter(|e| e.unit == FIN)
        .map(|e| e.task.as_str())
        .collect();
    let table_order: Vec<&str> = fin.iter().map(|&i| table.tasks[i].id.as_str()).collect();
    assert!(table_order.contains(&"2.1.10") && table_order.contains(&"2.1.9"));
    assert_eq!(got, table_order);
}

#[test]
fn task_ids_compare_as_numbers() {
    assert_eq!(cmp_task_ids("1.1.9", "1.1.10"), Ordering::Less);
    assert_eq!(cmp_task_ids("1.1.10", "1.2.1"), Ordering::Less);
    assert_eq!(cmp_task_ids("2.1.1", "10.1.1"), Ordering::Less);
    assert_eq!(cmp_task_ids("1.1", "1.1.1"), Ordering::Less);
    assert_eq!(cmp_task_ids("1.1.1", "1.1.1"), Ordering::Equal);
    assert_eq!(cmp_task_ids("1.1.a", "1.1.b"), Ordering::Less);
    let table = real();
    for pair in table.tasks.windows(2) {
        assert_eq!(cmp_task_ids(&pair[0].id, &pair[1].id), Ordering::Less);
    }
}

#[test]
fn export_file_names() {
    let at = ts("2017-06-30T20:00:00Z"); // 2017-07-01 in China
    assert_eq!(
        export_file_name("taian-2017", &[FIN], at),
        "taian-2017-市财政局-20170701.json"
    );
    assert_eq!(
        export_file_name("taian-2017", &[FIN, "泰山区"], at),
        "taian-2017-全部单位-20170701.json"
    );
    assert_eq!(
        export_file_name("taian-2017", &["a/b"], at),
        "taian-2017-a_b-20170701.json"
    );
}

// ---------------------------------------------------------------------------------------------
// Refused files

#[test]
fn too_large_is_checked_before_anything_else() {
    // The real table: 47 units that are not groups, 139 tasks, 6,512 bytes an entry:
    // 47 × 139 × 6512 = 6533 × 6512 = 42,542,896 bytes, 40.57 MB.
    let table = real();
    let limit = 42_542_896;
    assert_eq!(max_file_bytes(&table), limit);
    let big = vec![b'x'; limit + 1];
    let e = parse(&big, "大文件.json", &table, NOW).unwrap_err();
    assert_eq!(
        e,
        FileError::TooLarge {
            file: "大文件.json".into(),
            size: limit + 1,
            limit,
        }
    );
    assert_eq!(
        e.to_string(),
        "文件“大文件.json”太大（40.6 MB），超过了本任务表 40.5 MB 的上限，不是本系统导出的报送文件。"
    );
    assert!(e
        .headline()
        .starts_with("文件“大文件.json”太大（40.6 MB，本任务表的上限是 40.5 MB）"));
    assert_eq!(e.detail().unwrap(), "本任务表可导入的文件不超过 40.5 MB。");
    // Exactly at the limit is read (and here refused for being no JSON).
    let at_limit = vec![b' '; limit];
    assert!(matches!(
        parse(&at_limit, "x.json", &table, NOW),
        Err(FileError::NotJson { .. })
    ));
    // A small table gets the floor, 5 MB.
    let mut small = table.clone();
    small.tasks.truncate(2);
    assert_eq!(max_file_bytes(&small), MIN_FILE_LIMIT);
    assert_eq!(MIN_FILE_LIMIT, 5 * 1024 * 1024);
    let e = parse(vec![b' '; MIN_FILE_LIMIT + 1], "x.json", &small, NOW).unwrap_err();
    assert!(e.to_string().contains("超过了本任务表 5 MB 的上限"), "{e}");
}

#[test]
fn the_export_of_every_unit_imports_however_large() {
    // Every unit's entry for every task of its own, each with a note of 1,000 characters:
    // more than 5 MB, the limit of old. What the app exports, it imports.
    let table = real();
    let index = Index::new(&table);
    let mut c = Checklists::new();
    let units: Vec<&str> = index.units().iter().map(String::as_str).collect();
    for unit in &units {
        for t in index.tasks_of(unit) {
            let note = "按月在政府网站公开".repeat(112);
            c.put(
                unit,
                &table.tasks[t].id,
                e(Status::Done, &note[..], "2017-06-29T10:00:00Z"),
            );
        }
    }
    let text = export(&c, "taian-2017", &units, ts("2017-06-30T08:00:00Z"));
    assert!(text.len() > MIN_FILE_LIMIT, "{}", text.len());
    let f = parse(&text, "taian-2017-全部单位-20170630.json", &table, NOW).unwrap();
    assert!(f.invalid.is_empty());
    assert_eq!(f.entries.len(), c.entry_count());
}

#[test]
fn not_json() {
    let e = err("{\"format\": \"gk-checklist\",\n  oops}");
    assert!(matches!(e, FileError::NotJson { .. }));
    assert_eq!(
        e.to_string(),
        "文件“进度.json”不是有效的 JSON 文件（第 2 行第 3 列附近有错误）。请选择本系统导出的报送文件（.json）。"
    );
    assert_eq!(e.file_name(), "进度.json");
    let e = err("");
    assert!(e.to_string().contains("文件是空的"), "{e}");
    let e = parse(b"\xff\xfe{\x00}\x00", "utf16.json", &real(), NOW).unwrap_err();
    assert!(e
        .to_string()
        .starts_with("文件“utf16.json”不是有效的 JSON 文件"));
    assert!(e.to_string().contains("UTF-8"));
    let e = err("任务,状态\n1.1.5,done\n");
    assert!(matches!(e, FileError::NotJson { .. }));
}

#[test]
fn json_but_not_a_state_file() {
    let e = err("[1, 2, 3]");
    assert_eq!(
        e,
        FileError::NotOurFormat {
            file: "进度.json".into(),
            found: None
        }
    );
    assert_eq!(
        e.to_string(),
        "文件“进度.json”不是本系统的报送文件：缺少 \"format\": \"gk-checklist\"。"
    );
    // The task table itself (its `format` is the table format's number, 2).
    let e = err(include_str!("../../data/tables/taian-2017.json"));
    assert!(matches!(e, FileError::NotOurFormat { found: Some(f), .. } if f == "2"));
    let e = err(r#"{"format":"gk-tasks","version":1}"#);
    assert_eq!(
        e.to_string(),
        "文件“进度.json”不是本系统的报送文件：\"format\" 是 \"gk-tasks\"，应为 \"gk-checklist\"。"
    );
    let e = err(r#"{"format":1}"#);
    assert!(matches!(e, FileError::NotOurFormat { found: Some(f), .. } if f == "1"));
}

#[test]
fn another_dataset_names_both() {
    let e = err(r#"{"format":"gk-checklist","version":1,"dataset":"taian-2018","entries":[]}"#);
    assert_eq!(
        e,
        FileError::OtherDataset {
            file: "进度.json".into(),
            found: "taian-2018".into(),
            expected: "taian-2017".into(),
            title: "2017年泰安市政务公开重点工作任务分解表".into(),
            found_title: None,
        }
    );
    assert_eq!(
        e.headline(),
        "文件“进度.json”是另一张任务表（例如其他年份的任务表）的报送文件，不能导入本表“2017年泰安市政务公开重点工作任务分解表”。请让报送单位从本表导出报送文件。"
    );
    // With the deployment's list of tables, the headline names the file's table too.
    let mut e = e;
    e.name_other_table(|id| {
        (id == "taian-2018").then(|| "2018年泰安市政务公开重点工作任务分解表".into())
    });
    assert_eq!(
        e.headline(),
        "文件“进度.json”是任务表“2018年泰安市政务公开重点工作任务分解表”的报送文件，不能导入本表“2017年泰安市政务公开重点工作任务分解表”。请到那张任务表的汇总与导入页面导入它。"
    );
    assert_eq!(
        e.to_string(),
        "文件“进度.json”属于任务表“taian-2018”，而当前任务表是“taian-2017”，不能导入。"
    );
}

#[test]
fn a_newer_version_names_it() {
    // Whatever else a newer file holds, its version is what is reported.
    let e = err(r#"{"format":"gk-checklist","version":2,"dataset":"taian-2017","entries":{}}"#);
    assert_eq!(
        e,
        FileError::NewerVersion {
            file: "进度.json".into(),
            found: "2".into()
        }
    );
    assert_eq!(
        e.to_string(),
        "文件“进度.json”是第 2 版格式，本系统只能读取第 1 版及以前的格式。请使用最新版本的本系统导入。"
    );
    // However JSON writes a whole number, and beyond 64 bits: a newer version, not a damaged
    // file (18446744073709551616 is 2^64).
    for (written, found) in [
        ("1e20", "100000000000000000000"),
        ("2.0", "2"),
        ("2E0", "2"),
        ("18446744073709551616", "18446744073709551616"),
        ("18446744073709551615", "18446744073709551615"),
    ] {
        let e = err(&format!(
            r#"{{"format":"gk-checklist","version":{written},"dataset":"taian-2017","entries":[]}}"#
        ));
        assert_eq!(
            e,
            FileError::NewerVersion {
                file: "进度.json".into(),
                found: found.into()
            },
            "{written}"
        );
        assert!(e.headline().contains("由更新版本的本系统导出"), "{written}");
    }
    // 1.0 is version 1.
    let f = ok(r#"{"format":"gk-checklist","version":1.0,"dataset":"taian-2017","entries":[]}"#);
    assert_eq!(f.version, 1);
}

#[test]
fn malformed_headers() {
    for (text, needle) in [
        (
            r#"{"format":"gk-checklist","dataset":"taian-2017","entries":[]}"#,
            "缺少版本号",
        ),
        (
            r#"{"format":"gk-checklist","version":"1","dataset":"taian-2017","entries":[]}"#,
            "\"version\" 应为正整数",
        ),
        (
            r#"{"format":"gk-checklist","version":0,"dataset":"taian-2017","entries":[]}"#,
            "\"version\" 应为正整数",
        ),
        (
            r#"{"format":"gk-checklist","version":1.5,"dataset":"taian-2017","entries":[]}"#,
            "\"version\" 应为正整数",
        ),
        (
            r#"{"format":"gk-checklist","version":-1,"dataset":"taian-2017","entries":[]}"#,
            "\"version\" 应为正整数",
        ),
        (
            r#"{"format":"gk-checklist","version":0.0,"dataset":"taian-2017","entries":[]}"#,
            "\"version\" 应为正整数",
        ),
        (
            r#"{"format":"gk-checklist","version":1,"entries":[]}"#,
            "缺少任务表标识",
        ),
        (
            r#"{"format":"gk-checklist","version":1,"dataset":2017,"entries":[]}"#,
            "\"dataset\" 应为文字",
        ),
        (
            r#"{"format":"gk-checklist","version":1,"dataset":"taian-2017"}"#,
            "缺少条目列表",
        ),
        (
            r#"{"format":"gk-checklist","version":1,"dataset":"taian-2017","entries":{}}"#,
            "\"entries\" 应为数组，却是对象",
        ),
        (
            r#"{"format":"gk-checklist","version":1,"dataset":"taian-2017","exported_at":"2017-06-31T00:00:00Z","entries":[]}"#,
            "导出时间",
        ),
        (
            r#"{"format":"gk-checklist","version":1,"dataset":"taian-2017","exported_at":5,"entries":[]}"#,
            "导出时间",
        ),
    ] {
        let e = err(text);
        assert!(matches!(e, FileError::Malformed { .. }), "{text}: {e:?}");
        let msg = e.to_string();
        assert!(msg.starts_with("文件“进度.json”的格式有误："), "{msg}");
        assert!(msg.contains(needle), "{msg} lacks {needle}");
    }
}

#[test]
fn a_byte_order_mark_and_unknown_fields_are_accepted() {
    let text = format!(
        "\u{FEFF}{}",
        r#"{"format":"gk-checklist","version":1,"dataset":"taian-2017","generator":"other tool","entries":[
            {"unit":"市财政局","task":"1.1.5","status":"done","note":"","updated_at":"2017-06-29T10:00:00Z","by":"张三","extra":{"a":1}}
        ]}"#
    );
    let f = ok(&text);
    assert_eq!(f.exported_at, None);
    assert_eq!(f.entries.len(), 1);
    assert!(f.invalid.is_empty());
    assert_eq!(f.units(), [FIN]);
}

// ---------------------------------------------------------------------------------------------
// Invalid entries

#[test]
fn each_bad_entry_is_listed_with_its_reason() {
    let f = ok(&file_with(&[
        r#"{"unit":"市财政局","task":"1.1.5","status":"done","note":"好","updated_at":"2017-06-29T10:00:00Z"}"#,
        r#"{"unit":"市财政局","task":"9.9.9","status":"done","note":"","updated_at":"2017-06-29T10:00:00Z"}"#,
        r#"{"unit":"市无此局","task":"1.1.5","status":"done","note":"","updated_at":"2017-06-29T10:00:00Z"}"#,
        r#"{"unit":"各县（市、区）","task":"1.1.5","status":"done","note":"","updated_at":"2017-06-29T10:00:00Z"}"#,
        r#"{"unit":"市财政局","task":"1.1.6","status":"finished","note":"","updated_at":"2017-06-29T10:00:00Z"}"#,
        r#"{"unit":"市财政局","task":"1.1.7","status":"done","note":"","updated_at":"2017-06-31T10:00:00Z"}"#,
        r#"{"unit":"市财政局","task":"1.2.2","status":"done","note":""}"#,
        r#"{"unit":"市财政局","task":"1.2.3","status":"done","note":42,"updated_at":"2017-06-29T10:00:00Z"}"#,
        r#"{"unit":"市财政局","task":"1.2.1","status":"done","updated_at":"2017-06-29T10:00:00Z"}"#,
        r#""市财政局""#,
        r#"{"unit":7,"task":null,"status":"Done","note":"","updated_at":1498730400000}"#,
        r#"{"unit":"泰山区","task":"1.1.5","status":"doing","note":"","updated_at":"2017-06-29T18:00:00+08:00"}"#,
    ]));
    let kept: Vec<(usize, &str, &str)> = f
        .entries
        .iter()
        .map(|e| (e.index, e.unit.as_str(), e.task.as_str()))
        .collect();
    assert_eq!(kept, [(0, FIN, "1.1.5"), (11, "泰山区", "1.1.5")]);
    let reasons: Vec<String> = f.invalid.iter().map(|i| i.to_string()).collect();
    assert_eq!(
        reasons,
        [
            "第 2 条：任务编号“9.9.9”不在任务表中",
            "第 3 条：单位“市无此局”不在任务表中",
            "第 4 条：“各县（市、区）”是单位分组，不是单个单位",
            "第 5 条：状态“finished”无效，应为 todo、doing、done 或 na",
            "第 6 条：更新时间“2017-06-31T10:00:00Z”无效：日期不存在",
            "第 7 条：缺少更新时间 \"updated_at\"",
            "第 8 条：备注 \"note\" 应为文字，却是 42",
            "第 9 条：缺少备注 \"note\"（没有备注时应为空文字 \"\"）",
            "第 10 条：应为对象，却是文字",
            "第 11 条：单位 \"unit\" 应为文字，却是 7；任务编号 \"task\" 应为文字，却是 null；状态“Done”无效，应为 todo、doing、done 或 na；更新时间 \"updated_at\" 应为文字，却是 1498730400000",
        ]
    );
    assert_eq!(f.invalid[0].unit.as_deref(), Some(FIN));
    assert_eq!(f.invalid[0].task.as_deref(), Some("9.9.9"));
    assert_eq!(f.invalid[9].unit, None);
}

#[test]
fn the_invalid_entries_download_as_csv() {
    let f = ok(&file_with(&[
        r#"{"unit":"市财政局","task":"9.9.9","status":"done","note":"","updated_at":"2017-06-29T10:00:00Z"}"#,
        r#"{"unit":"=cmd|' /c calc'!A1","task":"1.1.5","status":"done","note":"","updated_at":"2017-06-29T10:00:00Z"}"#,
        r#"{"unit":7,"task":"1.1.5","status":"Done","note":"","updated_at":"2017-06-29T10:00:00Z"}"#,
    ]));
    let text = gk_core::statefile::invalid_csv("进度, 1.json", &f.invalid);
    assert_eq!(
        text,
        "\u{FEFF}文件,位置,单位,任务,原因\r\n\
         \"进度, 1.json\",第 1 条,市财政局,9.9.9,任务编号“9.9.9”不在任务表中\r\n\
         \"进度, 1.json\",第 2 条,'=cmd|' /c calc'!A1,1.1.5,单位“=cmd|' /c calc'!A1”不在任务表中\r\n\
         \"进度, 1.json\",第 3 条,,1.1.5,\"单位 \"\"unit\"\" 应为文字，却是 7；状态“Done”无效，应为 todo、doing、done 或 na\"\r\n"
    );
}

#[test]
fn a_lone_surrogate_in_a_note_reads_as_the_replacement_character() {
    // "已公开" and the first half of 😀 (\ud83d\ude00), as a tool that cut the note may write.
    let f = ok(&file_with(&[
        r#"{"unit":"市财政局","task":"1.1.5","status":"done","note":"已公开\ud83d","updated_at":"2017-06-29T10:00:00Z"}"#,
        r#"{"unit":"市财政局","task":"1.1.3","status":"done","note":"\ud83d\ude00","updated_at":"2017-06-29T10:00:00Z"}"#,
    ]));
    assert!(f.invalid.is_empty());
    assert_eq!(f.repaired, 1);
    let notes: Vec<&str> = f.entries.iter().map(|e| e.entry.note.as_str()).collect();
    assert_eq!(notes, ["已公开\u{FFFD}", "😀"]);
}

#[test]
fn duplicates_in_a_file_keep_the_newest() {
    let f = ok(&file_with(&[
        r#"{"unit":"市财政局","task":"1.1.5","status":"doing","note":"旧","updated_at":"2017-06-29T10:00:00Z"}"#,
        r#"{"unit":"市财政局","task":"1.1.3","status":"done","note":"","updated_at":"2017-06-29T10:00:00Z"}"#,
        r#"{"unit":"市财政局","task":"1.1.5","status":"done","note":"新","updated_at":"2017-06-29T11:00:00Z"}"#,
        r#"{"unit":"市财政局","task":"1.1.5","status":"todo","note":"更旧","updated_at":"2017-06-28T11:00:00Z"}"#,
    ]));
    assert_eq!(f.entries.len(), 2);
    let kept = f.entries.iter().find(|e| e.task == "1.1.5").unwrap();
    assert_eq!(kept.index, 2);
    assert_eq!(kept.entry.note, "新");
    let reasons: Vec<String> = f.invalid.iter().map(|i| i.to_string()).collect();
    assert_eq!(
        reasons,
        [
            "第 1 条：与第 3 条是同一单位的同一任务，只保留更新时间最新的一条",
            "第 4 条：与第 3 条是同一单位的同一任务，只保留更新时间最新的一条",
        ]
    );
}

// ---------------------------------------------------------------------------------------------
// Preview and apply

fn file_of(name: &str, c: &Checklists) -> ParsedFile {
    let units: Vec<&str> = c.units().map(|(u, _)| u).collect();
    let text = export(c, "taian-2017", &units, ts("2017-06-30T08:00:00Z"));
    parse(text, name, &real(), NOW).unwrap()
}

#[test]
fn preview_sorts_every_entry() {
    let mut current = Checklists::new();
    current.put(FIN, "1.1.1", e(Status::Doing, "", "2017-06-29T10:00:00Z")); // newer comes
    current.put(
        FIN,
        "1.1.2",
        e(Status::Done, "本地", "2017-06-29T12:00:00Z"),
    ); // older comes
    current.put(FIN, "1.1.3", e(Status::Done, "同", "2017-06-29T10:00:00Z")); // identical
    current.put(FIN, "1.2.2", e(Status::Done, "同", "2017-06-29T10:00:00Z")); // only time newer
    current.put(
        FIN,
        "1.2.3",
        e(Status::Doing, "本地", "2017-06-29T10:00:00Z"),
    ); // same time
    current.put(
        FIN,
        "1.2.4",
        e(Status::Done, "本地", "2017-06-29T10:00:00Z"),
    ); // same time

    let mut a = Checklists::new();
    a.put(
        FIN,
        "1.1.1",
        e(Status::Done, "文件", "2017-06-29T11:00:00Z"),
    );
    a.put(
        FIN,
        "1.1.2",
        e(Status::Todo, "文件", "2017-06-29T11:00:00Z"),
    );
    a.put(FIN, "1.1.3", e(Status::Done, "同", "2017-06-29T10:00:00Z"));
    a.put(FIN, "1.2.2", e(Status::Done, "同", "2017-06-29T10:30:00Z"));
    a.put(FIN, "1.1.5", e(Status::Done, "新", "2017-06-29T10:00:00Z")); // new, and in b too
    a.put(
        FIN,
        "1.2.3",
        e(Status::Done, "文件", "2017-06-29T10:00:00Z"),
    ); // wins the tie
    a.put(
        FIN,
        "1.2.4",
        e(Status::Doing, "文件", "2017-06-29T10:00:00Z"),
    ); // loses the tie
    a.put(FIN, "1.2.1", e(Status::Doing, "A", "2017-06-29T10:00:00Z")); // superseded by b
    let mut b = Checklists::new();
    b.put(FIN, "1.2.1", e(Status::Done, "B", "2017-06-29T11:00:00Z"));
    b.put(FIN, "1.1.5", e(Status::Done, "新", "2017-06-29T10:00:00Z")); // same as a: new in b (the later file), 相同 in a
    let mut bad = file_of("b.json", &b);
    std::sync::Arc::make_mut(&mut bad.invalid).push(gk_core::statefile::InvalidEntry {
        index: 9,
        row: None,
        unit: None,
        task: None,
        reason: "测试".into(),
    });
    let files = [file_of("a.json", &a), bad];
    let p = preview(&current, &files, NOW);

    let ids = |v: &[gk_core::statefile::PreviewItem]| -> Vec<String> {
        v.iter().map(|i| i.task.clone()).collect()
    };
    let pa = &p.files[0];
    assert_eq!(pa.file_name, "a.json");
    assert_eq!(pa.units, [FIN]);
    assert!(pa.new.is_empty());
    assert_eq!(ids(&pa.newer), ["1.1.1", "1.2.2", "1.2.3"]);
    assert_eq!(ids(&pa.older), ["1.1.2", "1.2.4"]);
    assert_eq!(ids(&pa.identical), ["1.1.3", "1.1.5"]);
    assert_eq!(ids(&pa.superseded), ["1.2.1"]);
    assert!(pa.invalid.is_empty());
    assert_eq!(pa.newer[0].current.as_ref().unwrap().status, Status::Doing);
    // Conflicts: two different edits made at the same time, with both values and the winner
    // of the tie-break. A newer (1.1.1) or older (1.1.2) entry with another value is not one.
    let conflicts: Vec<(&str, bool)> = pa
        .conflicts
        .iter()
        .map(|c| (c.task.as_str(), c.incoming_wins))
        .collect();
    assert_eq!(conflicts, [("1.2.3", true), ("1.2.4", false)]);
    assert_eq!(pa.conflicts[1].current.note, "本地");
    assert_eq!(pa.conflicts[1].incoming.note, "文件");

    let pb = &p.files[1];
    assert_eq!(ids(&pb.new), ["1.1.5", "1.2.1"]);
    assert_eq!(pb.invalid.len(), 1);

    // Between files: 1.2.1 differs, b wins; 1.1.5 is the same in both, no clash.
    assert_eq!(p.clashes.len(), 1);
    assert_eq!(p.clashes[0].task, "1.2.1");
    assert_eq!(p.clashes[0].winner, 1);
    assert_eq!(p.clashes[0].versions.len(), 2);
    // Net: 1.1.5 and 1.2.1 added; 1.1.1, 1.2.2 and 1.2.3 (the tie it wins) updated.
    assert_eq!((p.added, p.updated, p.invalid), (2, 3, 1));
    assert!(p.changes());

    // Applying does what the preview says, and the undo restores exactly.
    let (next, undo) = apply(&current, &files, NOW);
    assert_eq!(next.entry_count(), current.entry_count() + p.added);
    assert_eq!(next.note_of(FIN, "1.1.1"), "文件");
    assert_eq!(next.note_of(FIN, "1.1.2"), "本地");
    assert_eq!(next.note_of(FIN, "1.2.3"), "文件");
    assert_eq!(next.note_of(FIN, "1.2.4"), "本地");
    assert_eq!(next.note_of(FIN, "1.2.1"), "B");
    assert_eq!(
        next.get(FIN, "1.2.2").unwrap().updated_at,
        ts("2017-06-29T10:30:00Z")
    );
    assert_eq!(undo.units, [FIN]);
    assert_eq!(undo.undo(&next).checklists, current);
}

#[test]
fn apply_merges_in_any_order_and_only_once() {
    let mut current = Checklists::new();
    current.put(FIN, "1.1.1", e(Status::Doing, "", "2017-06-29T10:00:00Z"));
    current.mark_exported(FIN, ts("2017-06-29T09:00:00Z"));
    let mut a = Checklists::new();
    a.put(FIN, "1.1.1", e(Status::Done, "a", "2017-06-29T11:00:00Z"));
    a.put(
        "泰山区",
        "1.1.5",
        e(Status::Done, "a", "2017-06-29T11:00:00Z"),
    );
    let mut b = Checklists::new();
    b.put(FIN, "1.1.1", e(Status::Na, "b", "2017-06-29T11:00:00Z")); // tie with a: na wins
    b.put(
        "泰山区",
        "1.1.5",
        e(Status::Doing, "b", "2017-06-29T10:00:00Z"),
    );
    let fa = file_of("a.json", &a);
    let fb = file_of("b.json", &b);
    let (ab, undo) = apply(&current, &[fa.clone(), fb.clone()], NOW);
    let (ba, _) = apply(&current, &[fb.clone(), fa.clone()], NOW);
    assert_eq!(ab, ba);
    assert_eq!(ab.status_of(FIN, "1.1.1"), Status::Na);
    assert_eq!(ab.note_of("泰山区", "1.1.5"), "a");
    // The export time is this browser's: an import does not touch it.
    assert_eq!(ab.exported_at(FIN), current.exported_at(FIN));
    assert_eq!(undo.units, [FIN, "泰山区"]);
    // Importing the same files again changes nothing.
    let (again, undo2) = apply(&ab, &[fa.clone(), fb.clone()], NOW);
    assert_eq!(again, ab);
    assert!(undo2.units.is_empty());
    let p = preview(&ab, &[fa, fb], NOW);
    assert!(!p.changes());
}

#[test]
fn the_sample_previews_as_all_new() {
    let f = ok(SAMPLE);
    let p = preview(&Checklists::new(), std::slice::from_ref(&f), NOW);
    assert_eq!(p.files[0].new.len(), f.entries.len());
    assert_eq!(p.added, f.entries.len());
    assert_eq!(p.files[0].units, [FIN, "泰山区"]);
}

/// The ```json blocks of docs/state-file.md, in order.
fn doc_json_blocks() -> Vec<String> {
    let doc = include_str!("../../docs/state-file.md");
    doc.split("```json\n")
        .skip(1)
        .map(|rest| rest.split("```").next().unwrap().to_string())
        .collect()
}

#[test]
fn the_documented_example_is_what_the_writer_writes() {
    let example = &doc_json_blocks()[0];
    let f = ok(example);
    assert_eq!(f.entries.len(), 1);
    assert!(f.invalid.is_empty());
    let text = export(
        &to_checklists(&f),
        "taian-2017",
        &[FIN],
        f.exported_at.unwrap(),
    );
    assert_eq!(&text, example);
}

// ---------------------------------------------------------------------------------------------
// Times from the future, and tasks outside the unit's role

/// A file of the given entries with the given export time (`None`: no `exported_at`).
fn file_exported(exported_at: Option<&str>, entries: &[&str]) -> String {
    let at = exported_at.map_or(String::new(), |t| format!(r#""exported_at":"{t}","#));
    format!(
        r#"{{"format":"gk-checklist","version":1,"dataset":"taian-2017",{at}"entries":[{}]}}"#,
        entries.join(",")
    )
}

#[test]
fn a_time_after_the_export_time_or_ahead_of_the_clock_is_invalid() {
    // The office imports on 2017-06-30 at 09:00 (UTC); the file was exported at 08:00.
    let now = ts("2017-06-30T09:00:00Z");
    let text = file_exported(
        Some("2017-06-30T08:00:00Z"),
        &[
            // Year 9999: invalid, whatever it would win.
            r#"{"unit":"市财政局","task":"1.1.5","status":"na","note":"","updated_at":"9999-12-31T23:59:59.999Z"}"#,
            // 23 hours after the export: the exporting clock may have held it (merged from a
            // computer whose clock is ahead); kept.
            r#"{"unit":"市财政局","task":"1.1.1","status":"done","note":"","updated_at":"2017-07-01T07:00:00Z"}"#,
            // A day and a minute after the export.
            r#"{"unit":"市财政局","task":"1.1.2","status":"done","note":"","updated_at":"2017-07-01T08:01:00Z"}"#,
            r#"{"unit":"市财政局","task":"1.1.3","status":"doing","note":"","updated_at":"2017-06-29T10:00:00Z"}"#,
        ],
    );
    let f = parse(&text, "进度.json", &real(), now).unwrap();
    let kept: Vec<&str> = f.entries.iter().map(|e| e.task.as_str()).collect();
    assert_eq!(kept, ["1.1.1", "1.1.3"]);
    let reasons: Vec<String> = f.invalid.iter().map(|i| i.to_string()).collect();
    assert_eq!(
        reasons,
        [
            "第 1 条：更新时间“9999-12-31T23:59:59.999Z”比文件的导出时间“2017-06-30T08:00:00Z”晚一天以上",
            "第 3 条：更新时间“2017-07-01T08:01:00Z”比文件的导出时间“2017-06-30T08:00:00Z”晚一天以上",
        ]
    );

    // Without an export time, and with one that is itself in the future: the clock decides.
    for exported in [None, Some("9999-12-31T23:59:59.999Z")] {
        let text = file_exported(
            exported,
            &[
                r#"{"unit":"市财政局","task":"1.1.5","status":"na","note":"","updated_at":"9999-12-31T23:59:59.999Z"}"#,
                // 25 hours after the clock.
                r#"{"unit":"市财政局","task":"1.1.1","status":"done","note":"","updated_at":"2017-07-01T10:00:00Z"}"#,
                // 23 hours after it.
                r#"{"unit":"市财政局","task":"1.1.2","status":"done","note":"","updated_at":"2017-07-01T08:00:00Z"}"#,
            ],
        );
        let f = parse(&text, "进度.json", &real(), now).unwrap();
        let kept: Vec<&str> = f.entries.iter().map(|e| e.task.as_str()).collect();
        assert_eq!(kept, ["1.1.2"], "{exported:?}");
        let reasons: Vec<String> = f.invalid.iter().map(|i| i.to_string()).collect();
        assert_eq!(
            reasons,
            [
                "第 1 条：更新时间“9999-12-31T23:59:59.999Z”在未来（比本机当前时间晚一天以上）",
                "第 2 条：更新时间“2017-07-01T10:00:00Z”在未来（比本机当前时间晚一天以上）",
            ]
        );
        // They count for nothing: only 1.1.2 is added.
        let p = preview(&Checklists::new(), &[f], now);
        assert_eq!((p.added, p.updated, p.invalid), (1, 0, 2));
        assert_eq!(p.files[0].records(), 1);
    }
}

#[test]
fn a_file_entry_replaces_a_stored_entry_from_the_future() {
    // Stored by an older build that accepted year 9999: 不适用, frozen.
    let now = ts("2017-06-30T09:00:00Z");
    let mut current = Checklists::new();
    current.put(FIN, "1.1.5", e(Status::Na, "", "9999-12-31T23:59:59.999Z"));
    let text = file_with(&[
        r#"{"unit":"市财政局","task":"1.1.5","status":"doing","note":"正在办","updated_at":"2017-06-29T10:00:00Z"}"#,
    ]);
    let f = parse(&text, "进度.json", &real(), now).unwrap();
    let p = preview(&current, std::slice::from_ref(&f), now);
    assert_eq!(p.files[0].newer.len(), 1);
    assert_eq!((p.added, p.updated), (0, 1));
    let (next, _) = apply(&current, &[f], now);
    assert_eq!(
        next.get(FIN, "1.1.5"),
        Some(&e(Status::Doing, "正在办", "2017-06-29T10:00:00Z"))
    );
}

#[test]
fn an_entry_for_a_task_outside_the_units_role_is_invalid() {
    // Task 1.1.4 of the real table: lead 市人力资源社会保障局, responsible 各县（市、区）
    // (泰山区, 岱岳区, 新泰市, 肥城市, 宁阳县, 东平县). 市统计局 is neither, nor in that group.
    // 1.1.1: responsible 市政府有关部门（单位）, of which 市统计局 is a member.
    let table = real();
    let t114 = table.task("1.1.4").unwrap();
    assert_eq!(t114.lead, ["市人力资源社会保障局"]);
    assert_eq!(t114.responsible, ["各县（市、区）"]);
    let text = file_with(&[
        r#"{"unit":"市统计局","task":"1.1.4","status":"done","note":"","updated_at":"2017-06-29T10:00:00Z"}"#,
        r#"{"unit":"市统计局","task":"1.1.1","status":"done","note":"","updated_at":"2017-06-29T10:00:00Z"}"#,
        // Through its group: 泰山区 is one of 各县（市、区）.
        r#"{"unit":"泰山区","task":"1.1.4","status":"doing","note":"","updated_at":"2017-06-29T10:00:00Z"}"#,
        // By name: 市人力资源社会保障局 leads it.
        r#"{"unit":"市人力资源社会保障局","task":"1.1.4","status":"doing","note":"","updated_at":"2017-06-29T10:00:00Z"}"#,
    ]);
    let f = ok(&text);
    let kept: Vec<(&str, &str)> = f
        .entries
        .iter()
        .map(|e| (e.unit.as_str(), e.task.as_str()))
        .collect();
    assert_eq!(
        kept,
        [
            ("市统计局", "1.1.1"),
            ("泰山区", "1.1.4"),
            ("市人力资源社会保障局", "1.1.4")
        ]
    );
    let reasons: Vec<String> = f.invalid.iter().map(|i| i.to_string()).collect();
    assert_eq!(
        reasons,
        ["第 1 条：任务 1.1.4 不属于市统计局（它不是该任务的牵头单位或责任单位）"]
    );
    assert_eq!(f.invalid[0].unit.as_deref(), Some("市统计局"));
    assert_eq!(f.invalid[0].task.as_deref(), Some("1.1.4"));

    // Alone in a file, it counts for nothing: no unit reported, nothing added.
    let only = ok(&file_with(&[
        r#"{"unit":"市统计局","task":"1.1.4","status":"done","note":"","updated_at":"2017-06-29T10:00:00Z"}"#,
    ]));
    assert!(only.units().is_empty());
    let p = preview(&Checklists::new(), std::slice::from_ref(&only), NOW);
    assert_eq!((p.added, p.updated, p.invalid), (0, 0, 1));
    assert!(p.files[0].units.is_empty() && p.files[0].new.is_empty());
    let (next, undo) = apply(&Checklists::new(), &[only], NOW);
    assert!(next.get("市统计局", "1.1.4").is_none() && undo.units.is_empty());
}

/// Issue 23, item 3: undo puts back only what the import changed and nothing changed since.
/// 市财政局 had 1.1.1 进行中; the import brought 1.1.1 已完成 and a new 1.1.5; then the unit
/// typed a note on 1.1.5 and a status on 1.2.1 (which the import never touched).
#[test]
fn undo_keeps_what_was_typed_after_the_import() {
    let mut current = Checklists::new();
    current.put(FIN, "1.1.1", e(Status::Doing, "", "2017-06-29T10:00:00Z"));
    let mut file = Checklists::new();
    file.put(
        FIN,
        "1.1.1",
        e(Status::Done, "已公开", "2017-06-30T10:00:00Z"),
    );
    file.put(FIN, "1.1.5", e(Status::Doing, "", "2017-06-30T10:00:00Z"));
    let (mut next, undo) = apply(&current, &[file_of("a.json", &file)], NOW);
    assert_eq!(undo.changes.len(), 2);
    // Typed after the import, in the unit's tab.
    next.put(
        FIN,
        "1.1.5",
        e(Status::Doing, "链接", "2017-07-01T08:00:00Z"),
    );
    next.put(FIN, "1.2.1", e(Status::Done, "", "2017-07-01T08:00:00Z"));
    let undone = undo.undo(&next);
    // 1.1.1 back to 进行中 (its old time); 1.1.5 and 1.2.1 stay as typed.
    assert_eq!(
        undone.checklists.get(FIN, "1.1.1"),
        Some(&e(Status::Doing, "", "2017-06-29T10:00:00Z"))
    );
    assert_eq!(undone.checklists.note_of(FIN, "1.1.5"), "链接");
    assert_eq!(undone.checklists.status_of(FIN, "1.2.1"), Status::Done);
    assert_eq!(undone.restored, [(FIN.to_string(), "1.1.1".to_string())]);
    assert_eq!(
        undone.kept,
        [(
            FIN.to_string(),
            "1.1.5".to_string(),
            KeptReason::ChangedSince
        )]
    );
    // An entry the import added, untouched since, goes.
    let (next, undo) = apply(&current, &[file_of("a.json", &file)], NOW);
    let undone = undo.undo(&next);
    assert!(undone.checklists.get(FIN, "1.1.5").is_none());
    assert_eq!(undone.checklists, current);
    // The same rule on storage's copy of the unit.
    let mut stored = next.unit(FIN).cloned().unwrap();
    stored
        .entries
        .insert("1.2.1".into(), e(Status::Na, "", "2017-07-01T08:00:00Z"));
    undo.undo_unit(FIN, &mut stored);
    assert_eq!(stored.entries.len(), 2);
    assert_eq!(stored.entries["1.1.1"].status, Status::Doing);
    assert_eq!(stored.entries["1.2.1"].status, Status::Na);
}

/// A workbook or a document, by the name's extension in any case (Microsoft's and WPS's), is
/// named for what it is; another name is read as a state file.
#[test]
fn workbooks_and_documents_are_named_for_what_they_are() {
    let table = real();
    for (name, what) in [
        ("台账.xlsx", "Excel 表格"),
        ("台账.XLSM", "Excel 表格"),
        ("台账.xls", "Excel 表格"),
        ("台账.et", "Excel 表格"),
        ("说明.docx", "Word 文档"),
        ("说明.doc", "Word 文档"),
        ("说明.WPS", "Word 文档"),
    ] {
        match parse(b"PK\x03\x04", name, &table, NOW) {
            Err(FileError::Document { what: got, .. }) => assert_eq!(got, what, "{name}"),
            other => panic!("{name}: {other:?}"),
        }
    }
    assert!(matches!(
        parse(b"PK\x03\x04", "xlsm.json", &table, NOW),
        Err(FileError::NotJson { .. })
    ));
}
