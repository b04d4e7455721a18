//! Every file the reader refuses, each with its message.

use gk_reader::{read_file, read_paste, ReadError};

fn message(name: &str, bytes: &[u8]) -> String {
    match read_file(name, bytes) {
        Ok(r) => panic!("{name} read: {r:?}"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn a_document_without_a_table_names_the_headers_looked_for() {
    let html = "<p>关于做好2026年政务公开工作的通知</p><p>各单位：请认真落实。</p>";
    assert_eq!(
        read_file("通知.html", html.as_bytes()),
        Err(ReadError::NoTable)
    );
    let words = message("通知.html", html.as_bytes());
    assert!(words.contains("没有找到任务表"), "{words}");
    assert!(
        words.contains("“工作任务”") && words.contains("“责任单位”"),
        "{words}"
    );
}

#[test]
fn a_table_without_a_unit_column_says_which_headers_it_found() {
    let html = "<table><tr><td>序号</td><td>工作任务</td><td>完成时限</td></tr>\
                <tr><td>1</td><td>做好公开</td><td>年底前</td></tr></table>";
    assert_eq!(
        read_file("表.html", html.as_bytes()),
        Err(ReadError::NoUnitColumn(vec![
            "序号".into(),
            "工作任务".into(),
            "完成时限".into()
        ]))
    );
    let words = message("表.html", html.as_bytes());
    assert!(
        words.contains("序号｜工作任务｜完成时限") && words.contains("没有找到单位列"),
        "{words}"
    );
}

#[test]
fn a_file_over_20_mb_gives_its_size() {
    let big = vec![b' '; 21 * 1024 * 1024];
    assert_eq!(
        message("大.docx", &big),
        "文件太大（21.0 MB），超过 20 MB 的上限。请只保留任务表部分后再试。"
    );
    assert!(matches!(
        read_paste(&String::from_utf8(big).unwrap(), ""),
        Err(ReadError::TooBig(_))
    ));
}

#[test]
fn a_broken_zip_and_a_zip_that_is_not_word() {
    assert_eq!(
        read_file("坏.docx", b"PK\x03\x04\x14\x00broken"),
        Err(ReadError::NotZip)
    );
    assert!(message("坏.docx", b"not a zip at all").contains("不是有效的 .docx"));
}

#[test]
fn old_and_other_formats_are_told_what_to_do() {
    for ext in ["doc", "wps", "pdf"] {
        let words = message(&format!("分解表.{ext}"), b"\xd0\xcf\x11\xe0");
        assert!(words.contains(&format!(".{ext}")), "{words}");
        assert!(
            words.contains("另存为 .docx") && words.contains("粘贴"),
            "{words}"
        );
    }
    // A workbook in an old format is told to become a workbook again.
    for ext in ["xls", "et"] {
        let words = message(&format!("分解表.{ext}"), b"\xd0\xcf\x11\xe0");
        assert_eq!(
            words,
            format!("不能直接读取 .{ext} 文件。请在 Excel/WPS 中另存为 .xlsx 后再导入，或在 Excel/WPS 中选中整张表格复制，粘贴到这里。")
        );
    }
}

#[test]
fn a_paste_of_plain_text_with_tabs_is_a_table() {
    let text =
        "工作任务\t牵头单位\t责任单位\n做好公开\t区政府办\t区直各部门\n做好解读\t\t区财政局\n";
    let r = read_paste("", text).unwrap();
    assert_eq!(r.tasks.len(), 2);
    // In a copy, a blank unit cell is merged with the one above.
    assert_eq!(r.tasks[1].lead, ["区政府办"]);
    assert_eq!(r.tasks[1].responsible, ["区财政局"]);
}
