//! Reading a structure file entry by entry.
//!
//! serde would read the `body` and `member` lists of a file whole before
//! anything resolved them, so that a large file's raw entries, seat lists
//! and all, were held at once beside the structure made of them. Here the
//! file is read with a [`DeserializeSeed`] that hands each `[[body]]` and
//! `[[member]]` entry to the [`Resolver`] as soon as it is read, so that
//! only one is alive at a time. Each entry, and the `[structure]` table,
//! is read by the same `Deserialize` code as before, and the file's keys as
//! a derived `RawFile` reads them, so that every syntax error and value of
//! the wrong sort is reported as it was. Successions are few, and name
//! bodies anywhere in the file: they are kept, and resolved at the end.

use std::fmt;
use std::marker::PhantomData;

use serde::Deserialize;
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use super::{Carrier, Plain, RawBody, RawMember, RawMeta, RawSuccession, Resolver, Text};
use crate::load::raw::Spans;

/// The keys of a structure file, in the order `RawFile` declares them
/// (which is the order an unknown key's error lists them in).
#[derive(Deserialize, Clone, Copy)]
#[serde(field_identifier, rename_all = "lowercase")]
enum FileKey {
    Structure,
    Body,
    Member,
    Succession,
}

const FILE_KEYS: &[&str] = &["structure", "body", "member", "succession"];

/// Reads a JSON structure file into the resolver, and gives its
/// successions.
pub(super) fn json<'a>(
    text: &'a str,
    resolver: &mut Resolver,
) -> Result<Vec<RawSuccession<'a>>, serde_json::Error> {
    let mut successions = Vec::new();
    let mut deserializer = serde_json::Deserializer::from_str(text);
    FileSeed::<Plain> {
        resolver,
        successions: &mut successions,
    }
    .deserialize(&mut deserializer)?;
    // As serde_json::from_str: nothing but whitespace may follow.
    deserializer.end()?;
    Ok(successions)
}

/// Reads a whole TOML structure file (or one piece of one) into the
/// resolver, and gives its successions. The toml crate parses the text
/// into its own tree first; what is saved is the raw lists.
pub(super) fn toml<'a>(
    text: &'a str,
    resolver: &mut Resolver,
) -> Result<Vec<toml::Spanned<RawSuccession<'a>>>, toml::de::Error> {
    let mut successions = Vec::new();
    FileSeed::<Spans> {
        resolver,
        successions: &mut successions,
    }
    .deserialize(toml::Deserializer::parse(text)?)?;
    Ok(successions)
}

/// A whole file, read into the resolver.
struct FileSeed<'r, 'a, C: Carrier> {
    resolver: &'r mut Resolver,
    successions: &'r mut Vec<C::Of<RawSuccession<'a>>>,
}

impl<'de, C: Carrier> DeserializeSeed<'de> for FileSeed<'_, 'de, C>
where
    C::Of<RawBody<'de, C>>: Deserialize<'de>,
    C::Of<RawMember<'de, C>>: Deserialize<'de>,
    C::Of<RawSuccession<'de>>: Deserialize<'de>,
    C::Of<Text<'de>>: Deserialize<'de>,
{
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        // As the derived `RawFile` asks, so that the deserializer treats
        // the file the same way.
        deserializer.deserialize_struct("RawFile", FILE_KEYS, self)
    }
}

impl<'de, C: Carrier> Visitor<'de> for FileSeed<'_, 'de, C>
where
    C::Of<RawBody<'de, C>>: Deserialize<'de>,
    C::Of<RawMember<'de, C>>: Deserialize<'de>,
    C::Of<RawSuccession<'de>>: Deserialize<'de>,
    C::Of<Text<'de>>: Deserialize<'de>,
{
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("struct RawFile")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut seen = [false; FILE_KEYS.len()];
        while let Some(key) = map.next_key::<FileKey>()? {
            let at = key as usize;
            if std::mem::replace(&mut seen[at], true) {
                return Err(de::Error::duplicate_field(FILE_KEYS[at]));
            }
            match key {
                FileKey::Structure => {
                    if let Some(meta) = map.next_value::<Option<RawMeta<'de, C>>>()? {
                        self.resolver.take_structure::<C>(meta);
                    }
                }
                FileKey::Body => map.next_value_seed(List::<C, Bodies> {
                    resolver: self.resolver,
                    of: PhantomData,
                })?,
                FileKey::Member => map.next_value_seed(List::<C, Members> {
                    resolver: self.resolver,
                    of: PhantomData,
                })?,
                FileKey::Succession => *self.successions = map.next_value()?,
            }
        }
        Ok(())
    }
}

/// The `body` list, or the `member` list (`E` says which), each entry
/// handed to the resolver as it is read.
struct List<'r, C, E> {
    resolver: &'r mut Resolver,
    of: PhantomData<(C, E)>,
}

/// What a list holds, and what the resolver does with each entry.
trait Entries<'de, C: Carrier> {
    type Entry: Deserialize<'de>;

    fn take(resolver: &mut Resolver, entry: Self::Entry);
}

/// The `[[body]]` entries.
struct Bodies;

/// The `[[member]]` entries.
struct Members;

impl<'de, C: Carrier> Entries<'de, C> for Bodies
where
    C::Of<RawBody<'de, C>>: Deserialize<'de>,
{
    type Entry = C::Of<RawBody<'de, C>>;

    fn take(resolver: &mut Resolver, entry: Self::Entry) {
        resolver.take_body::<C>(entry);
    }
}

impl<'de, C: Carrier> Entries<'de, C> for Members
where
    C::Of<RawMember<'de, C>>: Deserialize<'de>,
{
    type Entry = C::Of<RawMember<'de, C>>;

    fn take(resolver: &mut Resolver, entry: Self::Entry) {
        resolver.take_member::<C>(entry);
    }
}

impl<'de, C: Carrier, E: Entries<'de, C>> DeserializeSeed<'de> for List<'_, C, E> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        // As a `Vec` asks.
        deserializer.deserialize_seq(self)
    }
}

impl<'de, C: Carrier, E: Entries<'de, C>> Visitor<'de> for List<'_, C, E> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // A `Vec`'s words, so that a list of the wrong sort reads as before.
        f.write_str("a sequence")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while let Some(entry) = seq.next_element::<E::Entry>()? {
            E::take(self.resolver, entry);
        }
        Ok(())
    }
}
