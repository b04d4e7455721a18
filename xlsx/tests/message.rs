//! The worker's messages: a request brings the table, and the workbook does not depend on how
//! its JSON is laid out (the page sends the embedded table compact, or a fetched file as is).

use gk_core::checklist::Checklists;
use gk_core::model::Table;
use gk_core::statefile;
use gk_core::status::Status;
use gk_core::timestamp::Timestamp;
use gk_xlsx::message::{answer, reply, Reply, Request};

const TABLE: &str = include_str!("../../data/tables/taian-2017.json");

fn request(kind: &str, table: String) -> Request<'_> {
    let t = Table::from_json(TABLE).unwrap();
    let now = Timestamp::from_millis(1_500_000_000_000);
    let mut cl = Checklists::new();
    cl.set_status("市财政局", &t.tasks[0].id, Status::Done, now);
    let state = statefile::export(&cl, &t.dataset.id, &["市财政局"], now);
    Request {
        kind: kind.into(),
        table: table.into(),
        state: state.into(),
        hash: "unit=%E5%B8%82%E8%B4%A2%E6%94%BF%E5%B1%80".into(),
        now: now.millis(),
    }
}

#[test]
fn the_table_comes_with_the_request_and_its_layout_does_not_matter() {
    let compact =
        serde_json::to_string(&serde_json::from_str::<serde_json::Value>(TABLE).unwrap()).unwrap();
    for kind in ["unit", "office"] {
        let (name, indented) = answer(&request(kind, TABLE.into())).unwrap();
        let (name2, compacted) = answer(&request(kind, compact.clone())).unwrap();
        assert_eq!(name, name2);
        assert!(
            name.starts_with("taian-2017-") && name.ends_with(".xlsx"),
            "{name}"
        );
        assert_eq!(indented, compacted, "{kind}");
    }
}

#[test]
fn replies_are_json_with_the_file_name_or_the_problem() {
    let text = serde_json::to_string(&request("unit", TABLE.into())).unwrap();
    let (r, bytes) = reply(&text);
    assert!(matches!(serde_json::from_str(&r).unwrap(), Reply::File(n) if n.contains("市财政局")));
    assert!(bytes.is_some_and(|b| b.starts_with(b"PK")));
    let (r, bytes) = reply(&serde_json::to_string(&request("unit", "{}".into())).unwrap());
    assert!(matches!(serde_json::from_str(&r).unwrap(), Reply::Error(m) if m.contains("任务表")));
    assert!(bytes.is_none());
    let (r, _) = reply("not json");
    assert!(matches!(serde_json::from_str(&r).unwrap(), Reply::Error(_)));
}
