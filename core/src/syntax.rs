//! JSON read by serde_json, told in Chinese: where and why a text is not JSON, and what kind
//! of value stands where another was expected. Shared by the stored documents and the state
//! files, whose messages users read.

use std::fmt;

use serde_json::error::Category;
use serde_json::Value;

/// Why a text is not JSON, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    /// Line of the problem, from 1.
    pub line: usize,
    /// Column of the problem in characters (not bytes), from 1.
    pub column: usize,
    /// What is wrong, in Chinese, to follow the position (`应为冒号`).
    pub what: &'static str,
}

/// `第 3 行第 7 列附近应为冒号`.
impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "第 {} 行第 {} 列附近{}",
            self.line, self.column, self.what
        )
    }
}

/// Reads `text` as one JSON value (serde_json's strict reader, nesting bounded at 128).
pub fn parse(text: &str) -> Result<Value, SyntaxError> {
    serde_json::from_str(text).map_err(|e| describe(text, &e))
}

/// `text` with every lone surrogate escape (`\uD800` to `\uDFFF` not part of a pair: half of
/// a character, which some tools write when they cut a text in the middle of an emoji) written
/// as `\uFFFD`, the replacement character �, and how many there were. serde_json refuses
/// them, which refused a whole file for one note (issue 23). The escapes have the same length,
/// so positions in messages do not move. An escaped backslash (`\\uD800`) is left alone.
pub fn repair_lone_surrogates(text: &str) -> (std::borrow::Cow<'_, str>, usize) {
    let b = text.as_bytes();
    let hex = |at: usize| -> Option<u16> {
        let digits = b.get(at..at + 4)?;
        u16::from_str_radix(std::str::from_utf8(digits).ok()?, 16).ok()
    };
    let escape_at = |at: usize| -> Option<u16> {
        (b.get(at) == Some(&b'\\') && b.get(at + 1) == Some(&b'u'))
            .then(|| hex(at + 2))
            .flatten()
    };
    let mut lone = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'\\' {
            i += 1;
            continue;
        }
        match escape_at(i) {
            Some(0xD800..=0xDBFF) => {
                if matches!(escape_at(i + 6), Some(0xDC00..=0xDFFF)) {
                    i += 12;
                } else {
                    lone.push(i);
                    i += 6;
                }
            }
            Some(0xDC00..=0xDFFF) => {
                lone.push(i);
                i += 6;
            }
            Some(_) => i += 6,
            // Any other escape (\\\\, \\", \\n, …) is two bytes.
            None => i += 2,
        }
    }
    if lone.is_empty() {
        return (std::borrow::Cow::Borrowed(text), 0);
    }
    let mut out = String::with_capacity(text.len());
    let mut from = 0;
    for &at in &lone {
        out.push_str(&text[from..at]);
        out.push_str("\\uFFFD");
        from = at + 6;
    }
    out.push_str(&text[from..]);
    (std::borrow::Cow::Owned(out), lone.len())
}

/// serde_json's error on `text` in Chinese. serde_json counts columns in bytes; users count
/// characters, so the column is recounted on the line.
pub fn describe(text: &str, e: &serde_json::Error) -> SyntaxError {
    let line = e.line().max(1);
    let line_text = text.split('\n').nth(line - 1).unwrap_or("");
    // `e.column() - 1` is the byte offset of the character at fault on its line; at the end
    // of the text, `e.column()` is the length of the line, and the fault is after it.
    let before = match e.classify() {
        Category::Eof => e.column(),
        _ => e.column().saturating_sub(1),
    };
    let column = line_text
        .char_indices()
        .take_while(|&(i, _)| i < before)
        .count()
        + 1;
    SyntaxError {
        line,
        column,
        what: what(e),
    }
}

/// The reason of a serde_json syntax error, from its message (serde_json does not expose its
/// error codes).
fn what(e: &serde_json::Error) -> &'static str {
    if e.classify() == Category::Eof {
        return "内容意外结束";
    }
    let message = e.to_string();
    const REASONS: [(&str, &str); 14] = [
        ("hex escape", "有无效的 \\u 转义"),
        ("key must be a string", "应为带引号的键名"),
        ("expected `:`", "应为冒号"),
        ("expected `,` or `]`", "应为逗号或 ]"),
        ("expected `,` or `}`", "应为逗号或 }"),
        ("trailing comma", "有多余的逗号"),
        ("trailing characters", "有多余的内容"),
        ("expected value", "应为一个值"),
        ("expected ident", "应为一个值"),
        ("invalid escape", "有无效的转义"),
        ("control character", "有未转义的控制字符"),
        ("number", "有无效的数字"),
        ("recursion limit", "嵌套层数过多"),
        ("unicode", "有无效的 \\u 转义"),
    ];
    REASONS
        .iter()
        .find(|(english, _)| message.contains(english))
        .map_or("有错误", |&(_, chinese)| chinese)
}

/// What kind of value it is, in Chinese, for messages.
pub fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "布尔值",
        Value::Number(_) => "数字",
        Value::String(_) => "文字",
        Value::Array(_) => "数组",
        Value::Object(_) => "对象",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lone_surrogates_become_the_replacement_character() {
        let fix = |t: &str| {
            let (text, n) = repair_lone_surrogates(t);
            (text.into_owned(), n)
        };
        // A pair stays; a high or low half alone becomes \uFFFD; an escaped backslash before
        // "uD800" is not an escape.
        assert_eq!(fix(r#""\ud83d\ude00""#), (r#""\ud83d\ude00""#.into(), 0));
        assert_eq!(fix(r#""已公开\ud83d""#), (r#""已公开\uFFFD""#.into(), 1));
        assert_eq!(
            fix(r#""\uDE00x\uD800\u0041""#),
            (r#""\uFFFDx\uFFFD\u0041""#.into(), 2)
        );
        assert_eq!(fix(r#""\\uD800""#), (r#""\\uD800""#.into(), 0));
        assert_eq!(fix(r#""\\\uD800""#), (r#""\\\uFFFD""#.into(), 1));
        let (text, _) = repair_lone_surrogates(r#"["a\ud83d", "\ud83d\ude00"]"#);
        let v: Vec<String> = serde_json::from_str(&text).unwrap();
        assert_eq!(v, ["a\u{FFFD}", "😀"]);
    }

    fn why(text: &str) -> String {
        parse(text).unwrap_err().to_string()
    }

    #[test]
    fn position_in_characters_and_reason_in_chinese() {
        assert_eq!(why("{这不是 JSON"), "第 1 行第 2 列附近应为带引号的键名");
        assert_eq!(
            why("{\n  \"a\": 1,\n  \"b\" 2\n}"),
            "第 3 行第 7 列附近应为冒号"
        );
        assert_eq!(why("[\"市财政局\" 1]"), "第 1 行第 9 列附近应为逗号或 ]");
        assert_eq!(why("{\"a\":1 2}"), "第 1 行第 8 列附近应为逗号或 }");
        assert!(why("{\"a\":").ends_with("内容意外结束"));
        assert!(why("").ends_with("内容意外结束"));
        assert!(why("[] x").ends_with("有多余的内容"));
        assert!(why("[1,]").ends_with("有多余的逗号"));
        assert!(why("\"\\q\"").ends_with("有无效的转义"));
        assert!(why("[01]").ends_with("有无效的数字"));
        assert_eq!(why("{\"a\":"), "第 1 行第 6 列附近内容意外结束");
        assert!(why("[1.]").ends_with("有无效的数字"));
        assert!(why("\"\u{1}\"").ends_with("有未转义的控制字符"));
        assert!(why("[tru]").ends_with("应为一个值"));
        assert!(why("[x]").ends_with("应为一个值"));
        assert!(why("\"\\ud800\"").ends_with("有无效的 \\u 转义"));
        assert!(why("\"\\ude00\"").ends_with("有无效的 \\u 转义"));
        assert!(why("\"\\u12G4\"").contains("转义"));
        assert!(why(&"[".repeat(200)).ends_with("嵌套层数过多"));
        assert!(parse(&format!("{}{}", "[".repeat(100), "]".repeat(100))).is_ok());
    }

    #[test]
    fn type_names() {
        let v: Value = serde_json::from_str(r#"[null,true,1,"a",[],{}]"#).unwrap();
        let names: Vec<&str> = v.as_array().unwrap().iter().map(type_name).collect();
        assert_eq!(names, ["null", "布尔值", "数字", "文字", "数组", "对象"]);
    }
}
