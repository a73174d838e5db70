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
    let file = FileSeed::<Plain> {
        resolver,
        successions: &mut successions,
    };
    // As the derived `RawFile` asks, so that the deserializer treats the
    // file the same way.
    (&mut deserializer).deserialize_struct("RawFile", FILE_KEYS, file)?;
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
    let file = FileSeed::<Spans> {
        resolver,
        successions: &mut successions,
    };
    toml::Deserializer::parse(text)?.deserialize_struct("RawFile", FILE_KEYS, file)?;
    Ok(successions)
}

/// A whole file, read into the resolver: the visitor of its table.
struct FileSeed<'r, 'a, C: Carrier> {
    resolver: &'r mut Resolver,
    successions: &'r mut Vec<C::Of<RawSuccession<'a>>>,
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

#[cfg(test)]
mod tests {
    use serde_json::{Value, json};

    use super::super::{RawFile, Source, resolve_whole, toml_structure};
    use crate::Structure;
    use crate::load::raw::{Plain, Spans};

    /// A result to compare: the structure, or every problem as said and as
    /// held (kind, key path, line and column, related place).
    fn show(result: Result<Structure, crate::Error>) -> Result<Structure, String> {
        result.map_err(|e| format!("{e}\n{e:?}"))
    }

    /// Loads JSON as loading did before it streamed: the whole file read
    /// into raw lists, every id declared, then every entry resolved.
    fn whole_json(text: &str) -> Result<Structure, String> {
        let raw: RawFile<Plain> = serde_json::from_str(text).map_err(|e| e.to_string())?;
        show(resolve_whole(raw, None, Source::File))
    }

    /// As [`whole_json`], for TOML.
    fn whole_toml(text: &str) -> Result<Structure, String> {
        let raw: RawFile<Spans> = toml::from_str(text).map_err(|e| e.to_string())?;
        show(resolve_whole(raw, Some(text), Source::File))
    }

    /// A file's JSON text, its lists in the order given.
    fn json_text(file: &Value, order: &[&str]) -> String {
        let parts: Vec<String> = order
            .iter()
            .filter_map(|key| file.get(*key).map(|v| format!("{key:?}: {v}")))
            .collect();
        format!("{{{}}}", parts.join(", "))
    }

    /// Asserts that two results are the same, showing the first problem
    /// where they differ.
    fn assert_same(got: Result<Structure, String>, want: Result<Structure, String>, text: &str) {
        if got == want {
            return;
        }
        let lines = |r: &Result<Structure, String>| match r {
            Ok(_) => vec!["a structure".to_string()],
            Err(e) => e.split(", Problem").map(str::to_string).collect(),
        };
        let (got, want) = (lines(&got), lines(&want));
        let first = (0..got.len().max(want.len()))
            .find(|&i| got.get(i) != want.get(i))
            .unwrap_or(0);
        panic!(
            "problem {first} differs:\n got: {:?}\nwant: {:?}\nin a text of {} bytes starting {:?}",
            got.get(first),
            want.get(first),
            text.len(),
            &text[..text.len().min(300)]
        );
    }

    /// Checks that `file`, written with its member list first and last, in
    /// JSON and TOML (in pieces and whole), loads as read whole does.
    fn same_as_whole(file: &Value) {
        for order in [
            &["structure", "body", "member", "succession"],
            &["member", "succession", "body", "structure"],
        ] {
            let text = json_text(file, order);
            assert_same(
                show(Structure::from_json_str(&text)),
                whole_json(&text),
                &text,
            );
            let ordered: serde_json::Map<String, Value> = order
                .iter()
                .filter_map(|key| Some((key.to_string(), file.get(*key)?.clone())))
                .collect();
            let Ok(text) = toml::to_string(&ordered) else {
                continue;
            };
            let whole = whole_toml(&text);
            for whole_below in [0, usize::MAX] {
                assert_same(
                    show(toml_structure(&text, whole_below)),
                    whole.clone(),
                    &text,
                );
            }
        }
    }

    /// Solihull's structure as a JSON value.
    fn solihull() -> Value {
        let text = include_str!("../../data/solihull-2011.toml");
        let structure = Structure::from_toml_str(text).unwrap();
        serde_json::from_str(&structure.to_json_string().unwrap()).unwrap()
    }

    /// Every id of a file, and two it does not define.
    fn ids(file: &Value) -> Vec<String> {
        let mut ids: Vec<String> = ["body", "member"]
            .iter()
            .flat_map(|list| file[list].as_array().into_iter().flatten())
            .map(|entry| entry["id"].as_str().unwrap().to_string())
            .collect();
        ids.extend(["trust-bord".to_string(), "nobody".to_string()]);
        ids
    }

    /// Changes a file by `(what, which entry, which id)`: ids given twice,
    /// across lists too; seats, reporting lines, organisations, whom a seat
    /// is held for and successions naming ids of any kind, or none; member
    /// kinds changed.
    fn edit(file: &mut Value, edits: &[(u8, usize, usize)]) {
        let ids = ids(file);
        for &(what, entry, id) in edits {
            let id = json!(ids[id % ids.len()]);
            let bodies = file["body"].as_array().map_or(0, Vec::len);
            let members = file["member"].as_array().map_or(0, Vec::len);
            let body = &mut file["body"][entry % bodies.max(1)];
            let member = entry % members.max(1);
            match what % 8 {
                0 => body["id"] = id,
                1 => file["member"][member]["id"] = id,
                2 | 5 => {
                    let Some(seats) = body.get_mut("members").and_then(Value::as_array_mut) else {
                        continue;
                    };
                    let seat = (entry / bodies.max(1)) % seats.len().max(1);
                    if what % 8 == 2 {
                        seats.push(id);
                    } else if let Some(seat) = seats.get_mut(seat) {
                        let holder = seat.get("member").unwrap_or(seat).clone();
                        *seat = json!({"member": holder, "on_behalf_of": id});
                    }
                }
                3 => file["member"][member]["organisation"] = id,
                4 => body["reports_to"] = json!([id]),
                6 => {
                    let kind = ["organisation", "post", "person"][entry % 3];
                    file["member"][member]["kind"] = json!(kind);
                }
                _ => {
                    let to = body["id"].clone();
                    let list = file
                        .as_object_mut()
                        .unwrap()
                        .entry("succession")
                        .or_insert_with(|| json!([]));
                    list.as_array_mut()
                        .unwrap()
                        .push(json!({"from": [id], "to": [to]}));
                }
            }
        }
    }

    #[test]
    fn a_valid_file_loads_as_read_whole_in_either_order() {
        same_as_whole(&solihull());
    }

    #[test]
    #[cfg(feature = "generate")]
    fn more_unknown_ids_than_get_suggestions_are_reported_as_read_whole() {
        use crate::generate::{self, GeneratorOptions};
        let structure = generate::structure(&GeneratorOptions::new().bodies(60).memberships(400));
        let mut file: Value = serde_json::from_str(&structure.to_json_string().unwrap()).unwrap();
        // Every member renamed: every seat names an unknown id, some close
        // to a defined one, far more than get a suggestion.
        for member in file["member"].as_array_mut().unwrap() {
            let id = format!("{}x", member["id"].as_str().unwrap());
            member["id"] = json!(id);
        }
        let error = Structure::from_json_str(&json_text(&file, &["body", "member"]))
            .unwrap_err()
            .to_string();
        assert!(error.matches("unknown id").count() > 150, "{error}");
        assert_eq!(error.matches("did you mean").count(), 100, "{error}");
        same_as_whole(&file);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(96))]

        /// Whatever is wrong with a file and whatever its order, reading it
        /// entry by entry gives what reading it whole gave: the same
        /// structure, or the same problems in the same order and places.
        #[test]
        fn any_edit_loads_as_read_whole(
            edits in proptest::collection::vec((0u8..8, 0usize..1000, 0usize..1000), 1..5)
        ) {
            let mut file = solihull();
            edit(&mut file, &edits);
            same_as_whole(&file);
        }
    }
}
