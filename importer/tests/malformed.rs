//! Malformed inputs give an error naming the line, never a panic.

mod common;

use gk_import::{import, ErrorKind, ImportError};

/// Lines 1–7: 附件, title, blank, the header row, blank. Rows start at line 8. The title
/// begins with the year and the place, which give the table's year and receiving office.
const HEAD: &str =
    "附件\n2017年泰安市政务公开测试表\n\n\t工作任务及要求\n\t牵头单位\n\t责任单位\n\n";

fn row(cells: [&str; 6]) -> String {
    let mut s: String = cells.iter().map(|c| format!("\t{c}\n")).collect();
    s.push('\n');
    s
}

/// A valid two-row table (rows at lines 8 and 15).
fn good() -> String {
    format!(
        "{HEAD}{}{}",
        row([
            "以政务公开助力稳增长",
            "（一）甲",
            "1.乙",
            "任务一。",
            "市财政局牵头落实",
            "各县（市、区）"
        ]),
        row(["", "", "", "任务二。", "", ""]),
    )
}

fn err(source: &str) -> ImportError {
    match import(source, "test") {
        Ok(t) => panic!("expected an error, got {} tasks", t.tasks.len()),
        Err(e) => e,
    }
}

#[test]
fn the_small_table_imports() {
    let t = import(&good(), "test").unwrap();
    assert_eq!(t.dataset.title, "2017年泰安市政务公开测试表");
    assert_eq!(t.dataset.year, 2017);
    assert_eq!(t.dataset.office.short, "市政府办公室");
    assert_eq!(t.tasks.len(), 2);
    assert_eq!(t.tasks[1].id, "1.1.2");
    assert_eq!(t.tasks[1].lead, ["市财政局"]);
}

#[test]
fn empty_input() {
    let e = err("");
    assert_eq!((e.line, e.kind), (1, ErrorKind::MissingTitle));
    let e = err("附件\n\n");
    assert_eq!(e.kind, ErrorKind::MissingTitle);
}

#[test]
fn no_header_or_no_rows() {
    let e = err("附件\n测试表\n");
    assert_eq!((e.line, e.kind), (2, ErrorKind::MissingHeader));
    let e = err(HEAD);
    assert_eq!((e.line, e.kind), (7, ErrorKind::NoRows));
    let e = err(&format!(
        "附件\n测试表\n\n\t工作任务\n\t牵头单位\n\t责任单位\n\n{}",
        row(["a"; 6])
    ));
    assert_eq!(e.line, 4);
    assert!(matches!(e.kind, ErrorKind::BadHeader { .. }));
}

#[test]
fn row_with_seven_cells() {
    let source = good().replace("\t任务二。\n", "\t任务二。\n\t多余\n");
    let e = err(&source);
    assert!(e
        .to_string()
        .starts_with("line 15: the row starting here has 7 cells"));
    assert_eq!(
        (e.line, e.kind),
        (15, ErrorKind::WrongCellCount { found: 7 })
    );
}

#[test]
fn row_with_five_cells_before_another_row() {
    let source = good().replace("\t任务一。\n", "");
    let e = err(&source);
    assert_eq!(
        (e.line, e.kind),
        (8, ErrorKind::WrongCellCount { found: 5 })
    );
}

#[test]
fn last_row_too_short() {
    // The last row may miss its lead and responsible cells, not its task cell.
    let ok = good().replace("\t任务二。\n\t\n\t\n", "\t任务二。\n");
    assert_eq!(import(&ok, "test").unwrap().tasks.len(), 2);
    let short = good().replace("\t任务二。\n\t\n\t\n", "");
    let e = err(&short);
    assert_eq!(
        (e.line, e.kind),
        (15, ErrorKind::WrongCellCount { found: 3 })
    );
}

#[test]
fn unknown_unit_names_its_line() {
    let source = good().replace(
        "市财政局牵头落实",
        "市财政局、泰安市气象局按职责分工分别牵头落实",
    );
    let e = err(&source);
    assert_eq!(e.line, 12);
    assert_eq!(
        e.kind,
        ErrorKind::UnknownUnit {
            name: "泰安市气象局".into()
        }
    );
    // In a responsible cell.
    let e = err(&good().replace("\t各县（市、区）\n", "\t泰安市某某中心\n"));
    assert_eq!(e.line, 13);
    assert!(matches!(e.kind, ErrorKind::UnknownUnit { .. }));
}

#[test]
fn bad_unit_cells() {
    let e = err(&good().replace("市财政局牵头落实", "市财政局、、市统计局"));
    assert_eq!(e.line, 12);
    assert!(matches!(e.kind, ErrorKind::EmptyUnitName { .. }));
    let e = err(&good().replace("\t各县（市、区）\n", "\t各县（市、区\n"));
    assert_eq!(e.line, 13);
    assert!(matches!(e.kind, ErrorKind::UnbalancedParentheses { .. }));
    let e = err(&good().replace("市财政局牵头落实", "市财政局牵头落实、市统计局"));
    assert!(matches!(e.kind, ErrorKind::LeftoverSuffix { .. }));
}

#[test]
fn missing_merged_values() {
    let e = err(&good().replace("\t以政务公开助力稳增长\n", "\t\n"));
    assert_eq!((e.line, e.kind), (8, ErrorKind::MissingPillar));
    let e = err(&good().replace("\t（一）甲\n", "\t\n"));
    assert_eq!((e.line, e.kind), (9, ErrorKind::MissingSection));
    let e = err(&good().replace("\t市财政局牵头落实\n", "\t\n"));
    assert_eq!((e.line, e.kind), (12, ErrorKind::MissingLead));
    let e = err(&good().replace("\t任务一。\n", "\t \n"));
    assert_eq!((e.line, e.kind), (11, ErrorKind::MissingText));
}

#[test]
fn new_item_without_lead() {
    let source = good().replace("\t\n\t任务二。", "\t2.丙\n\t任务二。");
    let e = err(&source);
    assert_eq!((e.line, e.kind), (19, ErrorKind::MissingLead));
}

#[test]
fn pillar_or_section_again_after_another() {
    let rows = [
        row([
            "以政务公开助力稳增长",
            "（一）甲",
            "",
            "任务一。",
            "市财政局牵头落实",
            "",
        ]),
        row([
            "以政务公开助力促改革",
            "（一）乙",
            "",
            "任务二。",
            "市财政局牵头落实",
            "",
        ]),
        row([
            "以政务公开助力稳增长",
            "（二）丙",
            "",
            "任务三。",
            "市财政局牵头落实",
            "",
        ]),
    ];
    let e = err(&format!("{HEAD}{}", rows.concat()));
    assert_eq!(e.line, 22);
    assert!(matches!(e.kind, ErrorKind::PillarAgain { .. }));

    let rows = [
        row([
            "以政务公开助力稳增长",
            "（一）甲",
            "",
            "任务一。",
            "市财政局牵头落实",
            "",
        ]),
        row(["", "（二）乙", "", "任务二。", "市财政局牵头落实", ""]),
        row(["", "（一）甲", "", "任务三。", "市财政局牵头落实", ""]),
    ];
    let e = err(&format!("{HEAD}{}", rows.concat()));
    assert_eq!(e.line, 23);
    assert!(matches!(e.kind, ErrorKind::SectionAgain { .. }));
}

#[test]
fn pillar_without_short_name() {
    let e = err(&good().replace("以政务公开助力稳增长", "政务公开"));
    assert_eq!(e.line, 8);
    assert!(matches!(e.kind, ErrorKind::NoShortName { .. }));
}

/// Every truncation of the real table, at each line and at many character positions, either
/// imports or gives an error with a line inside the text: never a panic.
#[test]
fn truncations_of_the_real_table_never_panic() {
    let source = common::SOURCE;
    let line_count = source.lines().count();
    let check = |part: &str| {
        if let Err(e) = import(part, "taian-2017") {
            assert!(e.line >= 1 && e.line <= line_count.max(1), "{e}");
            assert!(!e.to_string().is_empty());
        }
    };
    let mut end = 0;
    for line in source.split_inclusive('\n') {
        end += line.len();
        check(&source[..end]);
    }
    for (i, (at, _)) in source.char_indices().enumerate() {
        if i % 37 == 0 {
            check(&source[..at]);
        }
    }
}

/// Lines dropped from, or garbage put into, the real table: never a panic.
#[test]
fn damaged_tables_never_panic() {
    let lines: Vec<&str> = common::SOURCE.lines().collect();
    for skip in (0..lines.len()).step_by(7) {
        let damaged: Vec<&str> = lines
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != skip)
            .map(|(_, l)| *l)
            .collect();
        let _ = import(&damaged.join("\n"), "taian-2017");
    }
    for garbage in [
        "\t",
        "\t\t\t",
        "（",
        "、",
        "\u{feff}",
        " \n\t\n",
        "x\n\ty\nz\n",
    ] {
        let _ = import(garbage, "taian-2017");
        let _ = import(&format!("{HEAD}{garbage}"), "taian-2017");
    }
}
