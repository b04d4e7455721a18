//! The text form of the 2017 table (data/taian-2017.txt: each cell on a line after a tab, a
//! blank line between rows, the header's first cell over the pillar, section, item and text
//! columns) read by the reader, against the committed data/tables/taian-2017.json, which the
//! importer's own rules for that layout wrote and earlier work checked by hand.

mod common;

use gk_reader::publish::{publish, Corrections, KindDef, TimeFix};
use gk_reader::reading::similar_names;

const SOURCE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../data/taian-2017.txt");
const JSON: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../data/tables/taian-2017.json"
);

fn strings(v: &serde_json::Value) -> Vec<String> {
    serde_json::from_value(v.clone()).unwrap()
}

#[test]
fn the_2017_text_reads_as_the_importer_read_it() {
    let bytes = std::fs::read(SOURCE).unwrap();
    let r = gk_reader::read_file("taian-2017.txt", &bytes).unwrap();
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(JSON).unwrap()).unwrap();
    let tasks = json["tasks"].as_array().unwrap();
    assert_eq!(r.title, "2017年泰安市政务公开重点工作任务分解表");
    assert_eq!(r.year, Some(2017));
    assert_eq!(r.tasks.len(), 139);
    assert_eq!(tasks.len(), 139);

    // By hand from the source's first row: its lead cell is "市发展改革委、市经济和信息化委、
    // 市财政局、市金融办、人行泰安市中心支行按职责分工分别牵头落实", its responsible cell
    // "各县（市、区）、市政府有关部门（单位）"; the next two rows are merged with it.
    let first = &r.tasks[0];
    assert_eq!(
        first.path,
        [
            "以政务公开助力稳增长",
            "（一）加强预期引导",
            "1.加强财政政策、金融政策和就业创业政策信息公开"
        ]
    );
    assert_eq!(
        first.lead,
        [
            "市发展改革委",
            "市经济和信息化委",
            "市财政局",
            "市金融办",
            "人行泰安市中心支行"
        ]
    );
    assert_eq!(
        first.responsible,
        ["各县（市、区）", "市政府有关部门（单位）"]
    );
    assert_eq!(r.tasks[2].lead, first.lead);
    assert_eq!(r.tasks[3].lead, ["市人力资源社会保障局"]);
    assert_eq!(r.tasks[3].responsible, ["各县（市、区）"]);

    // Every task: the text, the leads and the responsible units the importer read. The one
    // difference is the source's own typo 市水利渔业局局 (task 5.2.9), which the importer
    // corrects from a list it keeps and the reader leaves to the office, beside the likely name.
    let mut differ = Vec::new();
    for (read, task) in r.tasks.iter().zip(tasks) {
        let same = read.text == task["text"].as_str().unwrap()
            && read.lead == strings(&task["lead"])
            && read.responsible == strings(&task["responsible"]);
        if !same {
            differ.push((task["id"].as_str().unwrap().to_string(), read.lead.clone()));
        }
    }
    assert_eq!(
        differ,
        [("5.2.9".to_string(), vec!["市水利渔业局局".to_string()])]
    );
    let pairs = similar_names(&r.names());
    assert!(
        pairs.iter().any(
            |(a, b)| [a.as_str(), b.as_str()] == ["市水利渔业局", "市水利渔业局局"]
                || [a.as_str(), b.as_str()] == ["市水利渔业局局", "市水利渔业局"]
        ),
        "{pairs:?}"
    );
}

/// The 2017 text as the Word table it was copied from: an HTML table whose blank cells (which
/// the text form leaves where Word had merged cells) are spans of the cell above again, except
/// in the text column.
fn as_html() -> String {
    use gk_reader::grid::Block;
    let text = std::fs::read_to_string(SOURCE).unwrap();
    let blocks = gk_reader::text_blocks(&text);
    let esc = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('\n', "<br>")
    };
    let mut html = String::from("<html><head><meta charset=\"utf-8\"></head><body>\n");
    for block in blocks {
        match block {
            Block::Paragraph(p) => html.push_str(&format!("<p>{}</p>\n", esc(&p))),
            Block::Table(rows) => {
                let header = &rows[0];
                let width: usize = header.iter().map(|c| c.cols).sum();
                let text_col = header[0].cols - 1;
                let body: Vec<Vec<String>> = rows[1..]
                    .iter()
                    .map(|r| r.iter().map(|c| c.text.clone()).collect())
                    .collect();
                // For each cell, how many rows it spans (0: covered by the cell above).
                let mut span = vec![vec![1usize; width]; body.len()];
                for col in (0..width).filter(|&c| c != text_col) {
                    let mut top: Option<usize> = None;
                    for (r, row) in body.iter().enumerate() {
                        match (top, row[col].is_empty()) {
                            (Some(t), true) => {
                                span[t][col] += 1;
                                span[r][col] = 0;
                            }
                            _ => top = Some(r),
                        }
                    }
                }
                html.push_str("<table border=\"1\">\n<tr>");
                for c in header {
                    html.push_str(&format!("<th colspan=\"{}\">{}</th>", c.cols, esc(&c.text)));
                }
                html.push_str("</tr>\n");
                for (r, row) in body.iter().enumerate() {
                    html.push_str("<tr>");
                    for (c, cell) in row.iter().enumerate() {
                        match span[r][c] {
                            0 => {}
                            1 => html.push_str(&format!("<td>{}</td>", esc(cell))),
                            n => html.push_str(&format!("<td rowspan=\"{n}\">{}</td>", esc(cell))),
                        }
                    }
                    html.push_str("</tr>\n");
                }
                html.push_str("</table>\n");
            }
        }
    }
    html.push_str("</body></html>\n");
    html
}

/// (path, text, lead, responsible) of each task.
fn seen(r: &gk_reader::reading::Reading) -> Vec<[String; 4]> {
    r.tasks
        .iter()
        .map(|t| {
            [
                t.path.join("›"),
                t.text.clone(),
                t.lead.join("、"),
                t.responsible.join("、"),
            ]
        })
        .collect()
}

/// The seed in each format the office may have it in: the web page's table (rowspans), the
/// Word document and the Excel workbook LibreOffice makes from that page (w:vMerge, merged
/// ranges). Each reads as the text does, which is the committed table's reading (above), and
/// with what the office types publishes the committed file byte for byte.
#[test]
fn the_seed_as_a_web_page_a_word_document_and_a_workbook_reads_as_its_text() {
    let bytes = std::fs::read(SOURCE).unwrap();
    let text = gk_reader::read_file("taian-2017.txt", &bytes).unwrap();
    let committed = std::fs::read_to_string(JSON).unwrap();
    let c = offices_corrections(&serde_json::from_str(&committed).unwrap());
    let published = |r: &gk_reader::reading::Reading, name: &str| {
        let p = publish(r, &c).unwrap_or_else(|p| panic!("{name}: {p:#?}"));
        assert!(p.json == committed, "{name} publishes another file");
    };
    let dir = std::env::temp_dir().join(format!("gk-reader-taian-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let page = dir.join("taian-2017.html");
    std::fs::write(&page, as_html()).unwrap();
    let html = gk_reader::read_file("taian-2017.html", &std::fs::read(&page).unwrap()).unwrap();
    assert_eq!(seen(&html), seen(&text));
    assert_eq!(html.title, text.title);
    published(&html, "taian-2017.html");
    for (format, name) in [
        (common::WORD, "taian-2017.docx"),
        (common::EXCEL, "taian-2017.xlsx"),
    ] {
        common::libreoffice(&dir, format, &[page.display().to_string()]);
        let file = std::fs::read(dir.join(name)).unwrap();
        let read = gk_reader::read_file(name, &file).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(read.tasks.len(), 139, "{name}");
        assert_eq!(seen(&read), seen(&text), "{name}");
        published(&read, name);
    }
    std::fs::remove_dir_all(&dir).ok();
}

/// What the office types on the check screen to publish the 2017 table as the importer wrote
/// it: each value from the table's own words (the 2017 notice's kinds of unit, its pillars'
/// short names, its time filter's labels), the groups' members as the committed file lists
/// them (a pasted list).
fn offices_corrections(json: &serde_json::Value) -> Corrections {
    let fix = |key: &str, label: &str| TimeFix {
        key: key.into(),
        label: label.into(),
        drop: false,
    };
    let kind = |key: &str, heading: &str| KindDef {
        key: key.into(),
        heading: heading.into(),
    };
    let mut c = Corrections {
        id: "taian-2017".into(),
        office_name: "泰安市人民政府办公室".into(),
        office_short: "市政府办公室".into(),
        kind_list: vec![
            kind("department", "市直部门"),
            kind("county", "县（市、区）"),
            kind("agency", "其他单位"),
            kind("college", "其他单位"),
        ],
        ..Corrections::default()
    };
    c.renames
        .insert("市水利渔业局局".into(), "市水利渔业局".into());
    for name in ["人行泰安市中心支行", "泰安银监分局"] {
        c.kinds.insert(name.into(), "agency".into());
    }
    for name in ["山东服装职业学院", "泰山护理职业学院", "泰山职业技术学院"]
    {
        c.kinds.insert(name.into(), "college".into());
    }
    for (name, short) in [
        ("以政务公开助力稳增长", "稳增长"),
        ("以政务公开助力促改革", "促改革"),
        ("以政务公开助力调结构", "调结构"),
        ("以政务公开助力惠民生", "惠民生"),
        ("以政务公开助力防风险", "防风险"),
        ("增强政务公开实效", "增强实效"),
    ] {
        c.pillar_shorts.insert(name.into(), short.into());
    }
    c.times.insert("monthly".into(), fix("", "按月"));
    c.times.insert("quarterly".into(), fix("", "按季度"));
    c.times
        .insert("every-5-days".into(), fix("five-days", "每五日"));
    c.times
        .insert("by-2017-06".into(), fix("by-june", "每年6月底前"));
    c.times
        .insert("by-2018-end".into(), fix("in-2018", "2018年内"));
    // 长期 and 持续推进 are how the work goes on, not a time the 2017 table supervises.
    c.times.insert(
        "ongoing".into(),
        TimeFix {
            drop: true,
            ..TimeFix::default()
        },
    );
    for u in json["units"].as_array().unwrap() {
        if let Some(members) = u.get("members").filter(|m| m.is_array()) {
            c.members
                .insert(u["name"].as_str().unwrap().into(), strings(members));
        }
    }
    c
}

#[test]
fn published_with_what_the_office_types_it_is_the_committed_file_byte_for_byte() {
    let bytes = std::fs::read(SOURCE).unwrap();
    let r = gk_reader::read_file("taian-2017.txt", &bytes).unwrap();
    let committed = std::fs::read_to_string(JSON).unwrap();
    let json: serde_json::Value = serde_json::from_str(&committed).unwrap();
    let published = publish(&r, &offices_corrections(&json)).unwrap_or_else(|p| panic!("{p:#?}"));
    if published.json != committed {
        let line = published
            .json
            .lines()
            .zip(committed.lines())
            .position(|(a, b)| a != b);
        panic!(
            "differs from line {:?}: {:?}",
            line.map(|l| l + 1),
            line.map(|l| (published.json.lines().nth(l), committed.lines().nth(l)))
        );
    }
}
