//! Search in Chinese text as people type it: whitespace is ignored (the source text has line
//! breaks and stray spaces inside words), full-width and half-width forms are the same
//! (`２０１７` = `2017`, `（` = `(`), and ASCII letters ignore case.
//!
//! Every character folds to at most one character, so a match in the folded text maps back to
//! a range of the original text for highlighting.

use std::ops::Range;

/// The folded form of one character, or `None` for a character that search ignores.
///
/// - Whitespace (all Unicode white space, including the ideographic space U+3000) and the
///   zero-width space and BOM are ignored.
/// - Full-width ASCII forms U+FF01–U+FF5E fold to ASCII: `，：；（）！？０-９Ａ-Ｚ`.
/// - `。｡` → `.`, `“”` → `"`, `‘’` → `'`, `【】〔〕〖〗` → `[]`.
/// - `、` (enumeration comma) stays itself: it has no half-width form, and folding it to `,`
///   would make a search for `，` also find lists.
/// - ASCII letters fold to lower case. Other letters keep their case.
pub fn fold(c: char) -> Option<char> {
    if c.is_whitespace() || c == '\u{200B}' || c == '\u{FEFF}' {
        return None;
    }
    let c = match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '。' | '｡' => '.',
        '“' | '”' => '"',
        '‘' | '’' => '\'',
        '【' | '〔' | '〖' => '[',
        '】' | '〕' | '〗' => ']',
        _ => c,
    };
    Some(c.to_ascii_lowercase())
}

/// `s` folded character by character (see [`fold`]).
pub fn normalize(s: &str) -> String {
    s.chars().filter_map(fold).collect()
}

/// Byte ranges in `text` of every match of `query`, left to right and not overlapping, for
/// highlighting. A match may span whitespace in `text`; it never starts or ends with ignored
/// characters. A query that folds to nothing matches nothing.
pub fn find(text: &str, query: &str) -> Vec<Range<usize>> {
    let needle = normalize(query);
    if needle.is_empty() {
        return Vec::new();
    }
    // The folded text, and for each of its characters: where it starts in the folded text and
    // which bytes of `text` it comes from.
    let mut folded = String::with_capacity(text.len());
    let mut starts = Vec::new();
    let mut origin = Vec::new();
    for (i, c) in text.char_indices() {
        if let Some(f) = fold(c) {
            starts.push(folded.len());
            origin.push(i..i + c.len_utf8());
            folded.push(f);
        }
    }
    folded
        .match_indices(needle.as_str())
        .filter_map(|(at, m)| {
            // Both ends lie on character boundaries of `folded`.
            let first = starts.binary_search(&at).ok()?;
            let end = at + m.len();
            let last = match starts.binary_search(&end) {
                Ok(j) => j,
                Err(j) => j,
            }
            .checked_sub(1)?;
            Some(origin[first].start..origin[last].end)
        })
        .collect()
}

/// `text` in pieces for highlighting, in order: `(piece, true)` for each match of `query`
/// ([`find`]), `(piece, false)` for the text between them. Together the pieces are `text`; no
/// piece is empty.
pub fn marked<'a>(text: &'a str, query: &str) -> Vec<(&'a str, bool)> {
    let mut out = Vec::new();
    let mut pos = 0;
    for r in find(text, query) {
        if r.start > pos {
            out.push((&text[pos..r.start], false));
        }
        out.push((&text[r.clone()], true));
        pos = r.end;
    }
    if pos < text.len() {
        out.push((&text[pos..], false));
    }
    out
}
