//! What the Word and Excel readers share: a part of the zip read with a bound, an attribute's
//! value, and the character an entity or character reference stands for.

use std::io::{Cursor, Read};

use quick_xml::events::{BytesRef, BytesStart};

/// The most one part may hold once unpacked: a zip bomb stops here.
const MAX_XML: u64 = 200 * 1024 * 1024;

/// The part `name` of the zip as text (at most [`MAX_XML`]): `None` when there is no such part,
/// `Some(Err)` when it cannot be read.
pub fn part(
    zip: &mut zip::ZipArchive<Cursor<&[u8]>>,
    name: &str,
) -> Option<std::io::Result<String>> {
    let mut file = zip.by_name(name).ok()?;
    let mut xml = String::new();
    Some(
        (&mut file)
            .take(MAX_XML)
            .read_to_string(&mut xml)
            .map(|_| xml),
    )
}

/// Attribute `name` of `e`, unescaped.
pub fn attr(e: &BytesStart, name: &str) -> Option<String> {
    let a = e.try_get_attribute(name).ok().flatten()?;
    a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
        .ok()
        .map(|v| v.into_owned())
}

/// The character of `&#…;` or of one of XML's five named entities.
pub fn entity(r: &BytesRef) -> Option<char> {
    match r.resolve_char_ref() {
        Ok(Some(c)) => Some(c),
        _ => match r.as_ref() {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => None,
        },
    }
}
