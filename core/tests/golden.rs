//! Golden files: what the core writes (state-file exports, stored unit documents, CSV, times),
//! byte for byte. The fixtures in `tests/golden/` were written by the code before JSON moved
//! to serde_json, times to `time` and CSV to `csv` (issue 12), so these tests prove that files
//! and storage stay byte-compatible across that change and any later one.

use std::fs;
use std::path::PathBuf;

use gk_core::checklist::{Checklists, Entry};
use gk_core::csv::csv;
use gk_core::filter::Index;
use gk_core::model::Table;
use gk_core::statefile::{export, parse};
use gk_core::status::Status;
use gk_core::stored::{decode_unit, encode_unit, UnitDoc};
use gk_core::timestamp::{Timestamp, CHINA_OFFSET_MINUTES};

/// The importing browser's clock in these tests: 2030-01-01T00:00:00Z, after every time they
/// use (nothing is from the future).
const NOW: Timestamp = Timestamp::from_millis(1_893_456_000_000);

const UNITS: [&str; 4] = ["市财政局", "泰山区", "市统计局", "新泰市"];
const TASKS: [&str; 7] = [
    "1.1.1", "1.1.5", "1.1.10", "1.1.9", "2.1.1", "1.2.1", "6.1.1",
];

/// Notes that exercise JSON escaping and CSV quoting.
const NOTES: [&str; 13] = [
    "",
    "已按要求公开",
    "含\"引号\"与\\反斜杠/斜杠",
    "第一段\n第二段\r\n第三段",
    "制表\t空字符\u{0}单元分隔\u{1f}删除\u{7f}",
    "退格\u{8}换页\u{c}",
    "表情😀与𝄞",
    "行分隔\u{2028}段分隔\u{2029}",
    "</script><b>&amp;</b>",
    "=SUM(A1:A9)",
    "-1, +2, @三",
    "逗号,在中间",
    "  前后空格  ",
];

fn real() -> Table {
    Table::from_json(include_str!("../../data/tables/taian-2017.json")).unwrap()
}

fn golden_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden")
}

/// Compares `text` with the fixture `name`.
fn check(name: &str, text: &str) {
    let path = golden_dir().join(name);
    let want = fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert!(
        want == text.as_bytes(),
        "{name} differs from the golden file:\n--- want\n{}\n--- got\n{text}",
        String::from_utf8_lossy(&want)
    );
}

/// Times spread over the whole range, with and without milliseconds.
fn times() -> Vec<Timestamp> {
    let mut out: Vec<Timestamp> = [
        0,
        1,
        -1,
        10,
        100,
        999,
        1000,
        -1000,
        -1001,
        1_498_730_400_000,
        1_498_730_400_250,
        1_498_730_400_010,
        1_498_759_199_999,
        1_514_735_999_999,
        951_782_400_000,
        i64::MIN,
        i64::MAX,
    ]
    .into_iter()
    .map(Timestamp::from_millis)
    .collect();
    let span = (Timestamp::MAX.millis() - Timestamp::MIN.millis()) as u64;
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    for _ in 0..200 {
        x = x
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        out.push(Timestamp::from_millis(
            Timestamp::MIN.millis() + ((x >> 11) % span) as i64,
        ));
    }
    out
}

/// Checklists of several units, every note and status, times with and without milliseconds.
fn checklists() -> Checklists {
    let mut c = Checklists::new();
    let base = 1_498_730_400_000;
    let mut n = 0usize;
    for (u, unit) in UNITS.iter().enumerate() {
        for (t, task) in TASKS.iter().enumerate() {
            if (u + t) % 3 == 2 {
                continue;
            }
            let at = Timestamp::from_millis(base + (n as i64) * 86_399_250 + (n as i64 % 4) * 7);
            let entry = Entry::new(Status::ALL[n % 4], NOTES[n % NOTES.len()], at);
            c.put(unit, task, entry);
            n += 1;
        }
    }
    c.mark_exported("市财政局", Timestamp::from_millis(base + 3_600_000));
    c.mark_exported("泰山区", Timestamp::from_millis(base + 3_600_123));
    c
}

#[test]
fn state_file_exports() {
    let c = checklists();
    let now = Timestamp::from_millis(1_498_809_600_500);
    let all = export(&c, "taian-2017", &UNITS, now);
    check("export-all.json", &all);
    check(
        "export-one.json",
        &export(&c, "taian-2017", &["泰山区"], Timestamp::from_millis(0)),
    );
    check(
        "export-empty.json",
        &export(&c, "taian-2017", &["无此单位"], now),
    );
    // What is written reads back to the same entries: those of tasks in the table, of the
    // unit's role, and not more than a day after the export time (these times go far beyond
    // it); the others are listed as invalid.
    let table = real();
    let index = Index::new(&table);
    let a_day_after_export = Timestamp::from_millis(1_498_809_600_500 + 86_400_000);
    let f = parse(all.as_bytes(), "x.json", &table, NOW).unwrap();
    assert_eq!(f.exported_at, Some(now));
    let back: Vec<(&str, &str, &Entry)> = f
        .entries
        .iter()
        .map(|e| (e.unit.as_str(), e.task.as_str(), &e.entry))
        .collect();
    let (mut want, not_read): (Vec<(&str, &str, &Entry)>, Vec<_>) = c.entries().partition(|e| {
        let task = table.tasks.iter().position(|t| t.id == e.1);
        task.is_some_and(|t| index.tasks_of(e.0).contains(&t))
            && e.2.updated_at <= a_day_after_export
    });
    assert!(!want.is_empty());
    assert_eq!(f.invalid.len(), not_read.len());
    want.sort_by(|a, b| {
        a.0.cmp(b.0)
            .then_with(|| gk_core::statefile::cmp_task_ids(a.1, b.1))
    });
    assert_eq!(back, want);
}

#[test]
fn stored_unit_documents() {
    let c = checklists();
    let mut text = String::new();
    for unit in UNITS.iter().chain(&["无此单位"]) {
        let doc = UnitDoc::of(&c, "taian-2017", unit);
        let raw = encode_unit(&doc);
        assert_eq!(decode_unit(&raw).unwrap(), doc, "{unit}");
        text.push_str(&raw);
        text.push('\n');
    }
    check("stored.jsonl", &text);
}

#[test]
fn csv_export() {
    let table = real();
    let c = checklists();
    let mut rows: Vec<(usize, Option<&str>)> = Vec::new();
    for (i, task) in table.tasks.iter().enumerate() {
        if TASKS.contains(&task.id.as_str()) || i % 17 == 0 {
            rows.push((i, None));
            for unit in UNITS {
                rows.push((i, Some(unit)));
            }
        }
    }
    check("export.csv", &csv(&table, &rows, &c));
}

#[test]
fn times_as_text() {
    let mut text = String::new();
    for t in times() {
        text.push_str(&format!(
            "{} {} {} {} {}\n",
            t.millis(),
            t.to_rfc3339(),
            t.to_local_display(CHINA_OFFSET_MINUTES),
            t.date_compact_in(CHINA_OFFSET_MINUTES),
            t.to_local_display(-(5 * 60 + 30)),
        ));
        assert_eq!(Timestamp::parse(&t.to_rfc3339()), Ok(t));
    }
    check("times.txt", &text);
}
