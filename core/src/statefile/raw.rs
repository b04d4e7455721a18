//! A state file as serde_json reads it, before any check: the top level's fields and each
//! entry's five fields as JSON values, found or not. [`super::read`] checks them one by one.
//!
//! Why not serde_json's `Value` for the whole file: it builds a map per entry, and a file of
//! 200,000 entries took about a second in the browser, most of it allocating (issue 23).
//! Here an entry is five optional fields, other keys are skipped, and an item that is not an
//! object is only named. A field that is a string borrows the file's text when it can (no
//! escapes in it): an entry costs no allocation until it is kept or listed as invalid. The visitors accept every JSON value, so the only errors are
//! serde_json's syntax errors (and its nesting bound), told in Chinese by [`crate::syntax`].

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use serde_json::Value;

/// The top level: an object with these fields (each `None` when absent), or something else.
pub(super) enum Top<'a> {
    Object(TopFields<'a>),
    Other,
}

#[derive(Default)]
pub(super) struct TopFields<'a> {
    pub format: Option<Value>,
    pub version: Option<Value>,
    pub dataset: Option<Value>,
    pub exported_at: Option<Value>,
    pub entries: Option<Entries<'a>>,
}

/// The `entries` field: an array of items, or another kind of value (its name in Chinese,
/// as [`crate::syntax::type_name`] says it).
pub(super) enum Entries<'a> {
    Items(Vec<Item<'a>>),
    Other(&'static str),
}

/// One item of `entries`: an object's five fields, or another kind of value (named).
pub(super) enum Item<'a> {
    Fields(Fields<'a>),
    Other(&'static str),
}

#[derive(Default)]
pub(super) struct Fields<'a> {
    pub unit: Option<Field<'a>>,
    pub task: Option<Field<'a>>,
    pub status: Option<Field<'a>>,
    pub note: Option<Field<'a>>,
    pub updated_at: Option<Field<'a>>,
}

/// An entry's field: a string (borrowed from the file's text when it has no escapes), or any
/// other value, kept for the message that names it (`却是 7`).
pub(super) enum Field<'a> {
    Str(Cow<'a, str>),
    Other(Value),
}

impl<'de> Deserialize<'de> for Field<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Field<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a value")
            }
            fn visit_borrowed_str<E: de::Error>(self, s: &'de str) -> Result<Field<'de>, E> {
                Ok(Field::Str(Cow::Borrowed(s)))
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Field<'de>, E> {
                Ok(Field::Str(Cow::Owned(s.to_string())))
            }
            fn visit_string<E: de::Error>(self, s: String) -> Result<Field<'de>, E> {
                Ok(Field::Str(Cow::Owned(s)))
            }
            fn visit_bool<E: de::Error>(self, b: bool) -> Result<Field<'de>, E> {
                Ok(Field::Other(Value::Bool(b)))
            }
            fn visit_i64<E: de::Error>(self, n: i64) -> Result<Field<'de>, E> {
                Ok(Field::Other(Value::from(n)))
            }
            fn visit_u64<E: de::Error>(self, n: u64) -> Result<Field<'de>, E> {
                Ok(Field::Other(Value::from(n)))
            }
            fn visit_f64<E: de::Error>(self, n: f64) -> Result<Field<'de>, E> {
                Ok(Field::Other(Value::from(n)))
            }
            fn visit_unit<E: de::Error>(self) -> Result<Field<'de>, E> {
                Ok(Field::Other(Value::Null))
            }
            fn visit_none<E: de::Error>(self) -> Result<Field<'de>, E> {
                Ok(Field::Other(Value::Null))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Field<'de>, A::Error> {
                Value::deserialize(de::value::SeqAccessDeserializer::new(seq)).map(Field::Other)
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Field<'de>, A::Error> {
                Value::deserialize(de::value::MapAccessDeserializer::new(map)).map(Field::Other)
            }
        }
        d.deserialize_any(V)
    }
}

/// Reads `text` (strict JSON, nesting bounded at 128, as [`crate::syntax::parse`]).
pub(super) fn parse(text: &str) -> Result<Top<'_>, crate::syntax::SyntaxError> {
    serde_json::from_str(text).map_err(|e| crate::syntax::describe(text, &e))
}

/// A visitor for a value that is either an object (read by `map`) or anything else, which is
/// consumed and named. `T` is what it makes.
trait ObjectOr<'de>: Sized {
    const EXPECTING: &'static str;
    fn other(name: &'static str) -> Self;
    fn map<A: MapAccess<'de>>(map: A) -> Result<Self, A::Error>;
    fn seq<A: SeqAccess<'de>>(mut seq: A) -> Result<Self, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Self::other("数组"))
    }
}

struct ObjectOrVisitor<T>(std::marker::PhantomData<T>);

impl<'de, T: ObjectOr<'de>> Visitor<'de> for ObjectOrVisitor<T> {
    type Value = T;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(T::EXPECTING)
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<T, E> {
        Ok(T::other("布尔值"))
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<T, E> {
        Ok(T::other("数字"))
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<T, E> {
        Ok(T::other("数字"))
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<T, E> {
        Ok(T::other("数字"))
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<T, E> {
        Ok(T::other("文字"))
    }
    fn visit_unit<E: de::Error>(self) -> Result<T, E> {
        Ok(T::other("null"))
    }
    fn visit_none<E: de::Error>(self) -> Result<T, E> {
        Ok(T::other("null"))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<T, A::Error> {
        T::seq(seq)
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
        T::map(map)
    }
}

fn object_or<'de, D: Deserializer<'de>, T: ObjectOr<'de>>(d: D) -> Result<T, D::Error> {
    d.deserialize_any(ObjectOrVisitor(std::marker::PhantomData))
}

/// A key, as the fields it may be; `Other` for any other (skipped). A repeated key keeps its
/// last value, as serde_json's `Value` does.
struct Key(Option<&'static str>);

impl<'de> Deserialize<'de> for Key {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Key;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a key")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Key, E> {
                const KNOWN: [&str; 10] = [
                    "format",
                    "version",
                    "dataset",
                    "exported_at",
                    "entries",
                    "unit",
                    "task",
                    "status",
                    "note",
                    "updated_at",
                ];
                Ok(Key(KNOWN.iter().copied().find(|k| *k == s)))
            }
        }
        d.deserialize_str(V)
    }
}

impl<'de> ObjectOr<'de> for Top<'de> {
    const EXPECTING: &'static str = "a state file";
    fn other(_: &'static str) -> Self {
        Top::Other
    }
    fn map<A: MapAccess<'de>>(mut map: A) -> Result<Self, A::Error> {
        let mut t = TopFields::default();
        while let Some(Key(key)) = map.next_key()? {
            match key {
                Some("format") => t.format = Some(map.next_value()?),
                Some("version") => t.version = Some(map.next_value()?),
                Some("dataset") => t.dataset = Some(map.next_value()?),
                Some("exported_at") => t.exported_at = Some(map.next_value()?),
                Some("entries") => t.entries = Some(map.next_value()?),
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(Top::Object(t))
    }
}

impl<'de> Deserialize<'de> for Top<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        object_or(d)
    }
}

impl<'de> ObjectOr<'de> for Entries<'de> {
    const EXPECTING: &'static str = "entries";
    fn other(name: &'static str) -> Self {
        Entries::Other(name)
    }
    fn map<A: MapAccess<'de>>(mut map: A) -> Result<Self, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Entries::Other("对象"))
    }
    fn seq<A: SeqAccess<'de>>(mut seq: A) -> Result<Self, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Entries::Items(items))
    }
}

impl<'de> Deserialize<'de> for Entries<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        object_or(d)
    }
}

impl<'de> ObjectOr<'de> for Item<'de> {
    const EXPECTING: &'static str = "an entry";
    fn other(name: &'static str) -> Self {
        Item::Other(name)
    }
    fn map<A: MapAccess<'de>>(mut map: A) -> Result<Self, A::Error> {
        let mut f = Fields::default();
        while let Some(Key(key)) = map.next_key()? {
            match key {
                Some("unit") => f.unit = Some(map.next_value()?),
                Some("task") => f.task = Some(map.next_value()?),
                Some("status") => f.status = Some(map.next_value()?),
                Some("note") => f.note = Some(map.next_value()?),
                Some("updated_at") => f.updated_at = Some(map.next_value()?),
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(Item::Fields(f))
    }
}

impl<'de> Deserialize<'de> for Item<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        object_or(d)
    }
}
