//! Links in notes (`gk_core::links`), each case worked out by hand from the rule in the
//! module's doc.

use gk_core::links::{links, pieces, Piece};

fn t(s: &str) -> Piece<'_> {
    Piece::Text(s)
}

fn l(s: &str) -> Piece<'_> {
    Piece::Link(s, s.to_string())
}

#[test]
fn an_address_in_a_chinese_sentence_ends_at_the_full_width_comma() {
    assert_eq!(
        pieces("已在市政府网站公开：http://www.taian.gov.cn/art/2017/6/29/art_1.html，请查阅。"),
        [
            t("已在市政府网站公开："),
            l("http://www.taian.gov.cn/art/2017/6/29/art_1.html"),
            t("，请查阅。")
        ]
    );
}

#[test]
fn www_opens_over_http_and_a_sentence_full_stop_is_not_part_of_it() {
    assert_eq!(
        pieces("见 www.taian.gov.cn."),
        [
            t("见 "),
            Piece::Link("www.taian.gov.cn", "http://www.taian.gov.cn".to_string()),
            t(".")
        ]
    );
    // Not after a letter, digit or dot.
    assert_eq!(pieces("abcwww.x.cn"), [t("abcwww.x.cn")]);
}

#[test]
fn brackets_belong_to_the_address_only_in_pairs() {
    assert_eq!(
        pieces("(https://a.cn/x)"),
        [t("("), l("https://a.cn/x"), t(")")]
    );
    assert_eq!(
        pieces("https://zh.wikipedia.org/wiki/A_(B)"),
        [l("https://zh.wikipedia.org/wiki/A_(B)")]
    );
}

#[test]
fn two_links_on_lines_of_their_own_any_case() {
    assert_eq!(
        pieces("第一行\nHTTPS://A.CN/1\n与 http://b.cn/2?x=1&y=2"),
        [
            t("第一行\n"),
            l("HTTPS://A.CN/1"),
            t("\n与 "),
            l("http://b.cn/2?x=1&y=2")
        ]
    );
    assert_eq!(
        links("a http://a.cn b www.b.cn"),
        ["http://a.cn", "http://www.b.cn"]
    );
}

#[test]
fn markup_and_other_schemes_are_text() {
    for s in [
        "<script>alert(1)</script>",
        "javascript:alert(1)",
        "http://",
        "http:// 空",
        "ftp://a.cn",
        "已完成",
    ] {
        assert_eq!(pieces(s), [t(s)], "{s}");
    }
    assert_eq!(pieces(""), []);
    // An address stops at a quote or angle bracket: no way out of an attribute.
    assert_eq!(
        pieces("http://a.cn/\"onclick=x<b>"),
        [l("http://a.cn/"), t("\"onclick=x<b>")]
    );
}
