//! Links in a note: a unit's 备注 often holds the address of the page where the item was
//! published (`已在市政府网站公开：http://www.example.gov.cn/art/2017/6/29/art_1.html`). The
//! pages show such an address as a link that opens; everything else of the note is text, never
//! markup.
//!
//! A link starts at `http://` or `https://` (any case), or at `www.` that does not follow a
//! letter, digit or dot, and runs to the first space, non-ASCII character (the note's `，` or
//! `。`) or character that cannot stand in an address (`<>"'` and such); ASCII punctuation at
//! its end (`.` `,` `;` `:` `!` `?`, and a `)` or `]` without its opening one) belongs to the
//! sentence, not to the address.

/// A piece of a note: text, or a link with the address it opens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece<'a> {
    Text(&'a str),
    /// The text shown, and the address (`http://` put before a `www.` link).
    Link(&'a str, String),
}

/// The note in pieces, in order; one `Text` when it holds no link (an empty note: none).
pub fn pieces(note: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut text_from = 0;
    let mut i = 0;
    let bytes = note.as_bytes();
    while i < bytes.len() {
        let Some(scheme) = start_at(note, i) else {
            i += 1;
            continue;
        };
        let end = end_of(note, i, scheme);
        if end <= i + scheme {
            i += 1;
            continue;
        }
        if text_from < i {
            out.push(Piece::Text(&note[text_from..i]));
        }
        let shown = &note[i..end];
        let href = if scheme == 0 {
            format!("http://{shown}")
        } else {
            shown.to_string()
        };
        out.push(Piece::Link(shown, href));
        text_from = end;
        i = end;
    }
    if text_from < note.len() {
        out.push(Piece::Text(&note[text_from..]));
    }
    out
}

/// The links of a note (the addresses they open), in order.
pub fn links(note: &str) -> Vec<String> {
    pieces(note)
        .into_iter()
        .filter_map(|p| match p {
            Piece::Link(_, href) => Some(href),
            Piece::Text(_) => None,
        })
        .collect()
}

/// Whether a link starts at byte `i`: the length of its scheme (`0` for `www.`).
fn start_at(note: &str, i: usize) -> Option<usize> {
    let rest = &note.as_bytes()[i..];
    let starts =
        |p: &str| rest.len() >= p.len() && rest[..p.len()].eq_ignore_ascii_case(p.as_bytes());
    if starts("https://") {
        return Some(8);
    }
    if starts("http://") {
        return Some(7);
    }
    let after_word = i > 0 && {
        let b = note.as_bytes()[i - 1];
        b.is_ascii_alphanumeric() || b == b'.'
    };
    (starts("www.") && !after_word).then_some(0)
}

/// The end (a byte index) of the link that starts at `i` with a scheme of `scheme` bytes.
fn end_of(note: &str, i: usize, scheme: usize) -> usize {
    let run = note[i..]
        .char_indices()
        .find(|&(n, ch)| n >= scheme && !in_address(ch))
        .map_or(note.len(), |(n, _)| i + n);
    let mut end = run;
    loop {
        let s = &note[i..end];
        let Some(last) = s.chars().last() else { break };
        let unmatched = |open: char, close: char| {
            last == close && s.matches(open).count() < s.matches(close).count()
        };
        if matches!(last, '.' | ',' | ';' | ':' | '!' | '?')
            || unmatched('(', ')')
            || unmatched('[', ']')
        {
            end -= 1;
        } else {
            break;
        }
    }
    end
}

/// A character that can stand in an address as a note writes it.
fn in_address(ch: char) -> bool {
    ch.is_ascii_graphic()
        && !matches!(
            ch,
            '<' | '>' | '"' | '\'' | '`' | '\\' | '^' | '{' | '}' | '|'
        )
}
