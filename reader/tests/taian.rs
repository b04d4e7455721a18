//! The text form of the 2017 table (data/taian-2017.txt: each cell on a line after a tab, a
//! blank line between rows, the header's first cell over the pillar, section, item and text
//! columns) read by the reader, against the committed data/tables/taian-2017.json, which the
//! importer's own rules for that layout wrote and earlier work checked by hand.

use gk_reader::publish::{publish, Corrections};
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

#[test]
fn published_with_the_offices_corrections_it_has_the_tables_tasks() {
    let bytes = std::fs::read(SOURCE).unwrap();
    let r = gk_reader::read_file("taian-2017.txt", &bytes).unwrap();
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(JSON).unwrap()).unwrap();
    // What the office gives: the typo renamed, the groups' members and the receiving office,
    // as the committed table has them.
    let mut c = Corrections {
        id: "taian-2017".into(),
        office_name: json["dataset"]["office"]["name"]
            .as_str()
            .unwrap_or("泰安市人民政府办公室")
            .into(),
        office_short: json["dataset"]["office"]["short"]
            .as_str()
            .unwrap_or("市政府办公室")
            .into(),
        ..Corrections::default()
    };
    c.renames
        .insert("市水利渔业局局".into(), "市水利渔业局".into());
    for u in json["units"].as_array().unwrap() {
        if let Some(members) = u.get("members").filter(|m| m.is_array()) {
            c.members
                .insert(u["name"].as_str().unwrap().into(), strings(members));
        }
    }
    let published = publish(&r, &c).unwrap_or_else(|p| panic!("{p:?}"));
    let tasks = json["tasks"].as_array().unwrap();
    assert_eq!(published.table.tasks.len(), 139);
    for (mine, theirs) in published.table.tasks.iter().zip(tasks) {
        assert_eq!(mine.lead, strings(&theirs["lead"]), "{}", theirs["id"]);
        assert_eq!(
            mine.responsible,
            strings(&theirs["responsible"]),
            "{}",
            theirs["id"]
        );
    }
}
