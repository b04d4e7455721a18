//! HTML into [`Block`]s: a web page saved from a site, or the `text/html` of a paste from Word
//! or a browser (which keeps `rowspan`/`colspan`). Not a full HTML parser: it knows tables,
//! rows and cells with their spans, the tags that break lines (`<br>`, `<p>`, `<div>`, `<li>`,
//! headings), character references, and skips comments, `<style>`, `<script>` and Word's
//! conditional `<![if …]>` marks. A table inside a cell is read as that cell's text.

use crate::grid::{paragraphs, Block, Cell};

/// The blocks of an HTML document, in reading order.
pub fn blocks(html: &str) -> Vec<Block> {
    let mut reader = Reader::default();
    let mut rest = html;
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            reader.text(rest);
            break;
        };
        reader.text(&rest[..lt]);
        rest = &rest[lt..];
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |end| &after[end + 3..]);
            continue;
        }
        let Some(gt) = tag_end(rest) else {
            // A lone `<`: text.
            reader.text("<");
            rest = &rest[1..];
            continue;
        };
        let tag = Tag::parse(&rest[1..gt]);
        rest = &rest[gt + 1..];
        if !tag.closing && matches!(tag.name.as_str(), "style" | "script" | "title" | "xml") {
            let close = format!("</{}", tag.name);
            rest = find_ascii_ci(rest, &close).map_or("", |at| {
                let after = &rest[at..];
                after.find('>').map_or("", |gt| &after[gt + 1..])
            });
            continue;
        }
        reader.tag(&tag);
    }
    reader.finish()
}

/// The index of the `>` closing the tag at the start of `s`, outside quoted values.
fn tag_end(s: &str) -> Option<usize> {
    let second = s[1..].chars().next()?;
    if !(second.is_ascii_alphabetic() || second == '/' || second == '!' || second == '?') {
        return None;
    }
    let mut quote = None;
    for (i, c) in s.char_indices().skip(1) {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '>') => return Some(i),
            _ => {}
        }
    }
    None
}

fn find_ascii_ci(haystack: &str, needle: &str) -> Option<usize> {
    let h = haystack.as_bytes();
    let n = needle.as_bytes();
    (0..h.len().checked_sub(n.len())? + 1).find(|&i| h[i..i + n.len()].eq_ignore_ascii_case(n))
}

struct Tag {
    name: String,
    closing: bool,
    rowspan: usize,
    colspan: usize,
}

impl Tag {
    fn parse(inner: &str) -> Tag {
        let closing = inner.starts_with('/');
        let body = inner.trim_start_matches('/');
        let name_end = body
            .find(|c: char| c.is_whitespace() || c == '/' || c == '>')
            .unwrap_or(body.len());
        let name = body[..name_end].to_ascii_lowercase();
        let attrs = &body[name_end..];
        Tag {
            closing,
            rowspan: span(attrs, "rowspan"),
            colspan: span(attrs, "colspan"),
            name,
        }
    }
}

/// A `rowspan`/`colspan` value; 1 when absent or not a number.
fn span(attrs: &str, name: &str) -> usize {
    let Some(at) = find_ascii_ci(attrs, name) else {
        return 1;
    };
    let after = attrs[at + name.len()..].trim_start();
    let Some(value) = after.strip_prefix('=') else {
        return 1;
    };
    let digits: String = value
        .trim_start()
        .trim_start_matches(['"', '\''])
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().unwrap_or(1).max(1)
}

#[derive(Default)]
struct Reader {
    blocks: Vec<Block>,
    /// Text outside any table, since the last paragraph break.
    line: String,
    /// Depth of open `<table>`s.
    depth: usize,
    rows: Vec<Vec<Cell>>,
    /// The open cell of the outer table: its spans and its lines so far.
    cell: Option<(usize, usize, Vec<String>)>,
}

impl Reader {
    fn text(&mut self, raw: &str) {
        if raw.is_empty() {
            return;
        }
        let decoded = decode(raw);
        match self.cell.as_mut() {
            Some((_, _, lines)) => {
                push_words(lines.last_mut().expect("a cell has a line"), &decoded)
            }
            None if self.depth == 0 => push_words(&mut self.line, &decoded),
            // Text between a table's cells (whitespace, or a stray word): not a cell's.
            None => {}
        }
    }

    fn tag(&mut self, tag: &Tag) {
        let name = tag.name.as_str();
        match (name, tag.closing) {
            ("table", false) => {
                if self.depth == 0 {
                    self.end_paragraph();
                    self.rows.clear();
                } else {
                    self.line_break();
                }
                self.depth += 1;
            }
            ("table", true) if self.depth > 0 => {
                self.depth -= 1;
                if self.depth == 0 {
                    self.end_cell();
                    let rows = std::mem::take(&mut self.rows);
                    if rows.iter().any(|r| !r.is_empty()) {
                        self.blocks.push(Block::Table(rows));
                    }
                } else {
                    self.line_break();
                }
            }
            ("tr", false) if self.depth == 1 => {
                self.end_cell();
                self.rows.push(Vec::new());
            }
            ("tr", true) if self.depth == 1 => self.end_cell(),
            ("td" | "th", false) if self.depth == 1 => {
                self.end_cell();
                if self.rows.is_empty() {
                    self.rows.push(Vec::new());
                }
                self.cell = Some((tag.rowspan, tag.colspan, vec![String::new()]));
            }
            ("td" | "th", true) if self.depth == 1 => self.end_cell(),
            ("td" | "th", _) => self.line_break(),
            ("br", _) => self.line_break(),
            ("p" | "div" | "li" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "tr", _) => {
                self.line_break()
            }
            _ => {}
        }
    }

    fn line_break(&mut self) {
        match self.cell.as_mut() {
            Some((_, _, lines)) => lines.push(String::new()),
            None if self.depth == 0 => self.end_paragraph(),
            None => {}
        }
    }

    fn end_paragraph(&mut self) {
        let text = paragraphs([self.line.as_str()]);
        self.line.clear();
        if !text.is_empty() {
            self.blocks.push(Block::Paragraph(text));
        }
    }

    fn end_cell(&mut self) {
        if let Some((rows, cols, lines)) = self.cell.take() {
            let text = paragraphs(lines.iter().map(String::as_str));
            if let Some(row) = self.rows.last_mut() {
                row.push(Cell::span(text, rows, cols));
            }
        }
    }

    fn finish(mut self) -> Vec<Block> {
        if self.depth > 0 {
            self.end_cell();
            let rows = std::mem::take(&mut self.rows);
            if rows.iter().any(|r| !r.is_empty()) {
                self.blocks.push(Block::Table(rows));
            }
        }
        self.end_paragraph();
        self.blocks
    }
}

/// Appends text as HTML shows it: a run of whitespace is one space, and none at all between
/// two Chinese characters (Word's HTML wraps its lines inside words).
fn push_words(out: &mut String, text: &str) {
    let mut pending_space = false;
    for c in text.chars() {
        if c.is_ascii_whitespace() {
            pending_space = true;
            continue;
        }
        if pending_space {
            let before_wide = out.chars().next_back().is_some_and(|b| !b.is_ascii());
            if !out.is_empty() && (c.is_ascii() || !before_wide) {
                out.push(' ');
            }
            pending_space = false;
        }
        out.push(if c == '\u{a0}' { ' ' } else { c });
    }
    if pending_space && !out.is_empty() && !out.ends_with(' ') {
        out.push(' ');
    }
}

/// Character references: `&amp;`, `&nbsp;`, `&#20013;`, `&#x4e2d;`, and a few named ones. An
/// unknown one stays as written.
fn decode(raw: &str) -> String {
    if !raw.contains('&') {
        return raw.to_string();
    }
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let end = rest[1..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '#'))
            .map(|i| i + 1)
            .unwrap_or(rest.len());
        let name = &rest[1..end];
        match reference(name) {
            Some(c) => {
                out.push(c);
                rest = &rest[end..];
                rest = rest.strip_prefix(';').unwrap_or(rest);
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn reference(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code).filter(|&c| c != '\0');
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "ensp" | "emsp" | "thinsp" => ' ',
        "middot" => '·',
        "mdash" => '—',
        "ndash" => '–',
        "hellip" => '…',
        "ldquo" => '“',
        "rdquo" => '”',
        "lsquo" => '‘',
        "rsquo" => '’',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(blocks: &[Block]) -> &Vec<Vec<Cell>> {
        blocks
            .iter()
            .find_map(|b| match b {
                Block::Table(rows) => Some(rows),
                _ => None,
            })
            .expect("a table")
    }

    #[test]
    fn cells_with_spans_paragraphs_and_references() {
        let html = r#"<html><head><style>td{x:1}</style></head><body>
            <p>附件</p><p class=t>2026年某区政务公开&nbsp;重点工作任务分解表</p>
            <table border=1><tr><th colspan="2">工作任务</th><TD>牵头单位</TD></tr>
            <tr><td rowspan=2>一、公开</td><td>做好<br>公开&amp;解读</td><td>区政府办公室</td></tr>
            <tr><td><p>第二段</p><p>&#20013;&#x6587;</p></td><td>区财政局</td></tr></table>
            <!-- <table><tr><td>注释</td></tr></table> --><p>结尾</p></body></html>"#;
        let blocks = blocks(html);
        assert_eq!(blocks[0], Block::Paragraph("附件".into()));
        assert_eq!(
            blocks[1],
            Block::Paragraph("2026年某区政务公开 重点工作任务分解表".into())
        );
        let rows = table(&blocks);
        assert_eq!(rows[0][0], Cell::span("工作任务", 1, 2));
        assert_eq!(rows[1][0], Cell::span("一、公开", 2, 1));
        assert_eq!(rows[1][1].text, "做好\n公开&解读");
        assert_eq!(rows[2][0].text, "第二段\n中文");
        assert_eq!(rows.len(), 3);
        assert_eq!(blocks.last(), Some(&Block::Paragraph("结尾".into())));
    }

    #[test]
    fn word_wraps_inside_chinese_words_are_not_spaces() {
        let blocks = blocks("<table><tr><td>市发展\r\n  改革委、Open\n Data</td></tr></table>");
        assert_eq!(table(&blocks)[0][0].text, "市发展改革委、Open Data");
    }

    #[test]
    fn word_marks_scripts_and_stray_brackets_are_skipped_or_kept_as_text() {
        let html = "<![if !supportLists]>1.<![endif]>a < b<script>x='<table>'</script><o:p></o:p>";
        assert_eq!(blocks(html), [Block::Paragraph("1.a < b".into())]);
    }

    #[test]
    fn a_nested_table_is_the_cells_text_and_an_unclosed_table_still_counts() {
        let html = "<table><tr><td>外<table><tr><td>内1</td><td>内2</td></tr></table></td><td>x";
        let blocks = blocks(html);
        let rows = table(&blocks);
        assert_eq!(rows[0][0].text, "外\n内1\n内2");
        assert_eq!(rows[0][1].text, "x");
    }

    #[test]
    fn bad_spans_are_one() {
        let rows = blocks("<table><tr><td rowspan=x colspan=0>a</td></tr></table>");
        assert_eq!(table(&rows)[0][0], Cell::new("a"));
    }
}
