//! Search normalization and highlight ranges.

#[path = "filter_fixture.rs"]
mod fixture;

use gk_core::search::{find, fold, marked, normalize};

/// The highlighted pieces of `text`.
fn hits<'a>(text: &'a str, query: &str) -> Vec<&'a str> {
    find(text, query).into_iter().map(|r| &text[r]).collect()
}

#[test]
fn full_width_forms_fold_to_ascii() {
    assert_eq!(normalize("２０１７年"), "2017年");
    assert_eq!(normalize("ＡＢＣ ａｂｃ"), "abcabc");
    assert_eq!(normalize("（一）：；！？，"), "(一):;!?,");
    assert_eq!(normalize("。"), ".");
    assert_eq!(normalize("“五公开”"), "\"五公开\"");
    assert_eq!(normalize("‘x’"), "'x'");
    assert_eq!(normalize("【通知】〔2017〕"), "[通知][2017]");
    assert_eq!(normalize("－～＋％"), "-~+%");
    // 、 has no half-width form and stays.
    assert_eq!(normalize("市财政局、市统计局"), "市财政局、市统计局");
    assert_eq!(fold('、'), Some('、'));
}

#[test]
fn whitespace_is_ignored() {
    assert_eq!(
        normalize(" 政务\t公开\n\r\u{3000}工作\u{a0}要点\u{200b}"),
        "政务公开工作要点"
    );
    assert_eq!(normalize(" \u{3000}\n"), "");
    assert_eq!(fold('\u{3000}'), None);
}

#[test]
fn ascii_case_is_ignored() {
    assert_eq!(normalize("Web网站 WEB ｗｅｂ"), "web网站webweb");
    // Only ASCII letters fold.
    assert_eq!(normalize("Ä"), "Ä");
}

#[test]
fn highlight_ranges_in_original_text() {
    let text = "按月公开全市财政收支情况，解读财政收支增减变化情况及原因。";
    assert_eq!(hits(text, "财政收支"), ["财政收支", "财政收支"]);
    let ranges = find(text, "财政");
    assert_eq!(ranges.len(), 2);
    assert_eq!(ranges[0], 18..24);
    assert!(ranges
        .iter()
        .all(|r| text.is_char_boundary(r.start) && text.is_char_boundary(r.end)));
    // Full-width punctuation in the text, half-width in the query.
    assert_eq!(hits(text, "情况,解读"), ["情况，解读"]);
    assert_eq!(hits(text, "原因."), ["原因。"]);
    assert!(find(text, "不存在").is_empty());
}

#[test]
fn highlight_spans_whitespace_but_not_at_its_ends() {
    let text = "2017年底前完成 县级 政务公开目录编制。";
    assert_eq!(hits(text, "完成县级"), ["完成 县级"]);
    assert_eq!(hits(text, " 县级 "), ["县级"]);
    assert_eq!(hits(text, "２０１７年"), ["2017年"]);
    let text2 = "收到申请后５个工作日内答复";
    assert_eq!(hits(text2, "5个工作日"), ["５个工作日"]);
    let text3 = "在学校 Web 网站\n公开";
    assert_eq!(hits(text3, "web网站公开"), ["Web 网站\n公开"]);
    assert_eq!(hits(text3, "WEB"), ["Web"]);
}

#[test]
fn matches_do_not_overlap() {
    assert_eq!(find("aaaa", "aa"), [0..2, 2..4]);
    let ranges = find("公开公开公开", "公开公开");
    assert_eq!((ranges.len(), &ranges[0]), (1, &(0..12)));
}

#[test]
fn empty_query_matches_nothing() {
    assert!(find("政务公开", "").is_empty());
    assert!(find("政务公开", " \u{3000} ").is_empty());
    assert!(find("", "公开").is_empty());
    assert!(find("", "").is_empty());
}

#[test]
fn real_text_highlights() {
    let table = fixture::real();
    // Task 1.1.1 mentions 市政府有关部门负责同志 in its text.
    let task = table.task("1.1.1").unwrap();
    assert_eq!(hits(&task.text, "有关部门负责同志"), ["有关部门负责同志"]);
    // Every match is a true match of the folded forms, on char boundaries, in every task.
    for task in &table.tasks {
        for q in ["公开", "2017年", "ＷＥＢ", "，及时"] {
            for r in find(&task.text, q) {
                assert!(task.text.is_char_boundary(r.start) && task.text.is_char_boundary(r.end));
                assert_eq!(normalize(&task.text[r]), normalize(q));
            }
        }
        // The number of matches agrees with a search in the folded text.
        let n = normalize(&task.text).matches("公开").count();
        assert_eq!(find(&task.text, "公开").len(), n, "{}", task.id);
    }
}

#[test]
fn random_strings_never_panic_and_ranges_are_sound() {
    let alphabet: Vec<char> = "公开政务 \u{3000}\n，,。.（(ＡaA２2、\u{200b}😀"
        .chars()
        .collect();
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for _ in 0..3000 {
        let mut pick = |n: u64| -> String {
            let len = next() % n;
            (0..len)
                .map(|_| alphabet[(next() % alphabet.len() as u64) as usize])
                .collect()
        };
        let text = pick(40);
        let query = pick(5);
        let ranges = find(&text, &query);
        let mut last = 0;
        for r in ranges {
            assert!(r.start >= last && r.start < r.end && r.end <= text.len());
            assert_eq!(normalize(&text[r.clone()]), normalize(&query));
            last = r.end;
        }
    }
}

#[test]
fn marked_pieces_make_up_the_text_and_mark_every_match() {
    let table = fixture::real();
    let texts = table.tasks.iter().flat_map(|t| {
        std::iter::once(t.text.as_str())
            .chain(t.lead.iter().map(String::as_str))
            .chain(t.responsible.iter().map(String::as_str))
    });
    for text in texts {
        for q in ["", "公开", "预算", "市 财政局", "ＷＥＢ", "，及时"] {
            let pieces = marked(text, q);
            assert_eq!(pieces.iter().map(|p| p.0).collect::<String>(), text);
            assert!(pieces.iter().all(|p| !p.0.is_empty()));
            // No two unmarked pieces in a row: they would be one.
            assert!(pieces.windows(2).all(|w| w[0].1 || w[1].1));
            let hit: Vec<&str> = pieces.iter().filter(|p| p.1).map(|p| p.0).collect();
            assert_eq!(hit, hits(text, q), "{text} / {q}");
        }
    }
    // The search's folding: the original text is marked.
    assert_eq!(
        marked("市财政局、市审计局", "市 财政局"),
        [("市财政局", true), ("、市审计局", false)]
    );
    assert_eq!(marked("公开公开", "公开"), [("公开", true), ("公开", true)]);
    assert_eq!(marked("政务公开", ""), [("政务公开", false)]);
    assert!(marked("", "公开").is_empty());
}
