//! A small JSON value with a strict reader (RFC 8259) and a writer, for all the JSON the app
//! reads and writes: the embedded table, the stored unit documents, and the state files it
//! exports and imports. The app uses this instead of serde_json, whose parser and the derived
//! (de)serializers of our types cost the wasm tens of KB. The importer and the native tests
//! still use serde_json; tests check that this writer writes what serde_json writes.

use std::fmt;

/// A JSON value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    Null,
    Bool(bool),
    /// A number, as its text in the document (so reading and writing never round it).
    Number(String),
    String(String),
    Array(Vec<Value>),
    /// The members in document order. A repeated key is kept; [`Value::get`] finds the last,
    /// the one serde_json keeps.
    Object(Vec<(String, Value)>),
}

impl Value {
    /// An object of the given members, in that order.
    pub fn object<const N: usize>(members: [(&str, Value); N]) -> Value {
        Value::Object(
            members
                .into_iter()
                .map(|(k, v)| (k.to_string(), v))
                .collect(),
        )
    }

    /// The member `key` of an object (the last one when it is repeated).
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(members) => members.iter().rev().find(|(k, _)| k == key).map(|m| &m.1),
            _ => None,
        }
    }

    /// Sets the member `key` of an object: in place when it is there, else at the end.
    pub fn insert(&mut self, key: &str, value: Value) {
        if let Value::Object(members) = self {
            match members.iter_mut().rev().find(|(k, _)| k == key) {
                Some(member) => member.1 = value,
                None => members.push((key.to_string(), value)),
            }
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// A number written as a whole number without sign, fraction or exponent that fits in a
    /// `u64` (as serde_json's `as_u64`).
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Value::Number(n) if n.bytes().all(|b| b.is_ascii_digit()) => n.parse().ok(),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&[Value]> {
        match self {
            Value::Array(items) => Some(items),
            _ => None,
        }
    }

    pub fn is_object(&self) -> bool {
        matches!(self, Value::Object(_))
    }

    /// What kind of value it is, in Chinese, for messages.
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "布尔值",
            Value::Number(_) => "数字",
            Value::String(_) => "文字",
            Value::Array(_) => "数组",
            Value::Object(_) => "对象",
        }
    }

    /// Compact JSON, as serde_json's `to_string` writes it.
    pub fn to_json(&self) -> String {
        let mut out = String::new();
        write(&mut out, self, None);
        out
    }

    /// Indented JSON, as serde_json's `to_string_pretty` writes it: two spaces per level,
    /// `": "` after keys, `[]` and `{}` when empty; no final newline.
    pub fn to_json_pretty(&self) -> String {
        let mut out = String::new();
        write(&mut out, self, Some(0));
        out
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Value {
        Value::String(s.to_string())
    }
}

impl From<String> for Value {
    fn from(s: String) -> Value {
        Value::String(s)
    }
}

impl From<u64> for Value {
    fn from(n: u64) -> Value {
        Value::Number(n.to_string())
    }
}

/// Compact JSON.
impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_json())
    }
}

// ---------------------------------------------------------------------------------------------
// Writing

/// Writes `v`; `indent` is the current depth when pretty, `None` when compact.
fn write(out: &mut String, v: &Value, indent: Option<usize>) {
    match v {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => out.push_str(n),
        Value::String(s) => write_string(out, s),
        Value::Array(items) => write_list(out, ('[', ']'), items, indent, |out, item, inner| {
            write(out, item, inner)
        }),
        Value::Object(members) => {
            write_list(out, ('{', '}'), members, indent, |out, (k, v), inner| {
                write_string(out, k);
                out.push_str(if inner.is_some() { ": " } else { ":" });
                write(out, v, inner);
            })
        }
    }
}

fn write_list<T>(
    out: &mut String,
    (open, close): (char, char),
    items: &[T],
    indent: Option<usize>,
    item: impl Fn(&mut String, &T, Option<usize>),
) {
    let newline = |out: &mut String, depth: usize| {
        out.push('\n');
        out.extend(std::iter::repeat_n("  ", depth));
    };
    out.push(open);
    let inner = indent.map(|d| d + 1);
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        if let Some(d) = inner {
            newline(out, d);
        }
        item(out, x, inner);
    }
    if let (Some(d), false) = (indent, items.is_empty()) {
        newline(out, d);
    }
    out.push(close);
}

/// A string literal, escaped as serde_json escapes: `"`, `\` and the control characters
/// U+0000–U+001F only (not `/`, not U+007F, not non-ASCII).
fn write_string(out: &mut String, s: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if c < ' ' => {
                out.push_str("\\u00");
                out.push(HEX[c as usize >> 4] as char);
                out.push(HEX[c as usize & 0xf] as char);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

// ---------------------------------------------------------------------------------------------
// Reading

/// Why a text is not JSON, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    /// Line of the problem, from 1.
    pub line: usize,
    /// Column of the problem in characters, from 1.
    pub column: usize,
    /// What is wrong, in Chinese, to follow the position (`应为冒号`).
    pub what: &'static str,
}

/// `第 3 行第 7 列附近应为冒号`.
impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "第 {} 行第 {} 列附近{}",
            self.line, self.column, self.what
        )
    }
}

impl std::error::Error for Error {}

/// Arrays and objects nest at most this deep (as in serde_json), so that a hostile text
/// cannot exhaust the stack.
const MAX_DEPTH: usize = 128;

/// Reads a JSON text: one value, with whitespace around it and nothing else.
pub fn parse(text: &str) -> Result<Value, Error> {
    let mut p = Parser {
        text,
        pos: 0,
        depth: 0,
    };
    let v = p.value()?;
    p.ws();
    if p.pos < text.len() {
        return Err(p.fail("有多余的内容"));
    }
    Ok(v)
}

struct Parser<'a> {
    text: &'a str,
    /// Byte offset of the next byte to read.
    pos: usize,
    depth: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    /// Skips `b` when it is next.
    fn eat(&mut self, b: u8) -> bool {
        let found = self.peek() == Some(b);
        self.pos += usize::from(found);
        found
    }

    fn ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    /// An error at the current position (`内容意外结束` at the end of the text).
    fn fail(&self, what: &'static str) -> Error {
        let what = if self.pos >= self.text.len() {
            "内容意外结束"
        } else {
            what
        };
        let before = &self.text[..self.pos.min(self.text.len())];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        Error {
            line: before.matches('\n').count() + 1,
            column: before[line_start..].chars().count() + 1,
            what,
        }
    }

    fn value(&mut self) -> Result<Value, Error> {
        self.ws();
        match self.peek() {
            Some(b'{') => self.nested(Parser::object),
            Some(b'[') => self.nested(Parser::array),
            Some(b'"') => self.string().map(Value::String),
            Some(b'-' | b'0'..=b'9') => self.number(),
            _ => {
                for (word, v) in [
                    ("true", Value::Bool(true)),
                    ("false", Value::Bool(false)),
                    ("null", Value::Null),
                ] {
                    if self.text[self.pos..].starts_with(word) {
                        self.pos += word.len();
                        return Ok(v);
                    }
                }
                Err(self.fail("应为一个值"))
            }
        }
    }

    fn nested(&mut self, f: fn(&mut Self) -> Result<Value, Error>) -> Result<Value, Error> {
        if self.depth == MAX_DEPTH {
            return Err(self.fail("嵌套层数过多"));
        }
        self.depth += 1;
        self.pos += 1; // `[` or `{`
        let v = f(self);
        self.depth -= 1;
        v
    }

    fn array(&mut self) -> Result<Value, Error> {
        let mut items = Vec::new();
        self.ws();
        if self.eat(b']') {
            return Ok(Value::Array(items));
        }
        loop {
            items.push(self.value()?);
            self.ws();
            if self.eat(b']') {
                return Ok(Value::Array(items));
            }
            if !self.eat(b',') {
                return Err(self.fail("应为逗号或 ]"));
            }
        }
    }

    fn object(&mut self) -> Result<Value, Error> {
        let mut members = Vec::new();
        self.ws();
        if self.eat(b'}') {
            return Ok(Value::Object(members));
        }
        loop {
            self.ws();
            if self.peek() != Some(b'"') {
                return Err(self.fail("应为带引号的键名"));
            }
            let key = self.string()?;
            self.ws();
            if !self.eat(b':') {
                return Err(self.fail("应为冒号"));
            }
            members.push((key, self.value()?));
            self.ws();
            if self.eat(b'}') {
                return Ok(Value::Object(members));
            }
            if !self.eat(b',') {
                return Err(self.fail("应为逗号或 }"));
            }
        }
    }

    /// A string literal; `pos` is at its opening quote. Runs without escapes are copied as
    /// they are: they end at an ASCII byte, so on a character boundary.
    fn string(&mut self) -> Result<String, Error> {
        self.pos += 1;
        let mut out = String::new();
        let mut run = self.pos;
        loop {
            match self.peek() {
                None => return Err(self.fail("")),
                Some(b'"') => {
                    out.push_str(&self.text[run..self.pos]);
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    out.push_str(&self.text[run..self.pos]);
                    self.pos += 1;
                    let c = match self.peek() {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => self.unicode_escape()?,
                        _ => return Err(self.fail("有无效的转义")),
                    };
                    out.push(c);
                    self.pos += 1;
                    run = self.pos;
                }
                Some(b) if b < 0x20 => return Err(self.fail("有未转义的控制字符")),
                Some(_) => self.pos += 1,
            }
        }
    }

    /// `\uXXXX`, or a surrogate pair `\uD83D\uDE00`; `pos` is at the `u` and is left at the
    /// last hex digit. A lone surrogate is an error (as in serde_json).
    fn unicode_escape(&mut self) -> Result<char, Error> {
        let high = self.hex4()?;
        let code = match high {
            0xD800..=0xDBFF => {
                if !self.text[self.pos + 1..].starts_with("\\u") {
                    return Err(self.fail("有无效的 \\u 转义"));
                }
                self.pos += 2;
                let low = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&low) {
                    return Err(self.fail("有无效的 \\u 转义"));
                }
                0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
            }
            code => code,
        };
        char::from_u32(code).ok_or_else(|| self.fail("有无效的 \\u 转义"))
    }

    /// The four hex digits after the `u` at `pos`; leaves `pos` at the last one.
    fn hex4(&mut self) -> Result<u32, Error> {
        let mut code = 0;
        for _ in 0..4 {
            self.pos += 1;
            let digit = self.peek().and_then(|b| (b as char).to_digit(16));
            code = code * 16 + digit.ok_or_else(|| self.fail("有无效的 \\u 转义"))?;
        }
        Ok(code)
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`, kept as its text.
    fn number(&mut self) -> Result<Value, Error> {
        let start = self.pos;
        self.eat(b'-');
        if !self.eat(b'0') && self.digits() == 0 {
            return Err(self.fail("有无效的数字"));
        }
        if self.eat(b'.') && self.digits() == 0 {
            return Err(self.fail("有无效的数字"));
        }
        if self.eat(b'e') || self.eat(b'E') {
            let _ = self.eat(b'+') || self.eat(b'-');
            if self.digits() == 0 {
                return Err(self.fail("有无效的数字"));
            }
        }
        Ok(Value::Number(self.text[start..self.pos].to_string()))
    }

    /// Skips digits; how many.
    fn digits(&mut self) -> usize {
        let start = self.pos;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.pos += 1;
        }
        self.pos - start
    }
}
