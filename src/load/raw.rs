//! The structure file format, as private serde types.
//!
//! Only these types derive the file format, so renaming a field of the model
//! never changes a file. They are generic over a [`Carrier`], the wrapper that
//! holds each value that a problem may need to point at: `toml::Spanned` when
//! reading TOML (so problems get a line and column), the value itself when
//! reading JSON, building in code, or writing a file.

use std::borrow::Cow;
use std::fmt;
use std::ops::Range;

use serde::de::{self, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::model::RelationKind;

/// Wraps a value read from a file, perhaps with its byte span.
pub(crate) trait Carrier: Sized + Clone + fmt::Debug + 'static {
    type Of<T: Clone + fmt::Debug>: Clone + fmt::Debug;

    fn split<T: Clone + fmt::Debug>(value: Self::Of<T>) -> (T, Option<Range<usize>>);

    fn peek<T: Clone + fmt::Debug>(value: &Self::Of<T>) -> (&T, Option<Range<usize>>);
}

/// Values with their byte spans, from TOML.
#[derive(Clone, Debug, Default)]
pub(crate) struct Spans;

impl Carrier for Spans {
    type Of<T: Clone + fmt::Debug> = toml::Spanned<T>;

    fn split<T: Clone + fmt::Debug>(value: toml::Spanned<T>) -> (T, Option<Range<usize>>) {
        let span = value.span();
        (value.into_inner(), Some(span))
    }

    fn peek<T: Clone + fmt::Debug>(value: &toml::Spanned<T>) -> (&T, Option<Range<usize>>) {
        (value.get_ref(), Some(value.span()))
    }
}

/// Bare values, from JSON or the builder, and for writing files.
#[derive(Clone, Debug, Default)]
pub(crate) struct Plain;

impl Carrier for Plain {
    type Of<T: Clone + fmt::Debug> = T;

    fn split<T: Clone + fmt::Debug>(value: T) -> (T, Option<Range<usize>>) {
        (value, None)
    }

    fn peek<T: Clone + fmt::Debug>(value: &T) -> (&T, Option<Range<usize>>) {
        (value, None)
    }
}

/// A string of a file: borrowed from the file's text where the text holds
/// it as it is (no escapes), so that reading a large file copies only what
/// the structure keeps; owned otherwise, and when built in code.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub(crate) struct Text<'a>(Cow<'a, str>);

impl Text<'_> {
    pub(crate) fn into_string(self) -> String {
        self.0.into_owned()
    }

    /// The string itself, borrowed: for writing a structure.
    pub(crate) fn borrowed(s: &str) -> Text<'_> {
        Text(Cow::Borrowed(s))
    }

    /// A copy of the string: for specs, which own their strings.
    pub(crate) fn copied(s: &str) -> Text<'static> {
        Text(Cow::Owned(s.to_string()))
    }
}

impl std::ops::Deref for Text<'_> {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl From<String> for Text<'_> {
    fn from(s: String) -> Self {
        Text(Cow::Owned(s))
    }
}

impl<'a> From<&'a str> for Text<'a> {
    fn from(s: &'a str) -> Self {
        Text(Cow::Borrowed(s))
    }
}

impl Serialize for Text<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for Text<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(TextVisitor)
    }
}

struct TextVisitor;

impl<'de> Visitor<'de> for TextVisitor {
    type Value = Text<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Text<'de>, E> {
        Ok(Text(Cow::Borrowed(v)))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Text<'de>, E> {
        Ok(Text(Cow::Owned(v.to_string())))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Text<'de>, E> {
        Ok(Text(Cow::Owned(v)))
    }
}

/// A whole structure file.
#[derive(Deserialize, Serialize)]
#[serde(
    deny_unknown_fields,
    bound(
        deserialize = "'de: 'a, C::Of<RawBody<'a, C>>: Deserialize<'de>, \
                       C::Of<RawMember<'a, C>>: Deserialize<'de>, \
                       C::Of<RawSuccession<'a>>: Deserialize<'de>, \
                       C::Of<Text<'a>>: Deserialize<'de>",
        serialize = "C::Of<RawBody<'a, C>>: Serialize, C::Of<RawMember<'a, C>>: Serialize, \
                     C::Of<RawSuccession<'a>>: Serialize, C::Of<Text<'a>>: Serialize"
    )
)]
pub(crate) struct RawFile<'a, C: Carrier> {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub structure: Option<RawMeta<'a, C>>,
    #[serde(default, rename = "body", skip_serializing_if = "Vec::is_empty")]
    pub bodies: Vec<C::Of<RawBody<'a, C>>>,
    #[serde(default, rename = "member", skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<C::Of<RawMember<'a, C>>>,
    #[serde(default, rename = "succession", skip_serializing_if = "Vec::is_empty")]
    pub successions: Vec<C::Of<RawSuccession<'a>>>,
}

/// The `[structure]` table.
#[derive(Deserialize, Serialize, Clone, Debug, Default)]
#[serde(
    deny_unknown_fields,
    bound(
        deserialize = "'de: 'a, C::Of<Text<'a>>: Deserialize<'de>",
        serialize = "C::Of<Text<'a>>: Serialize"
    )
)]
pub(crate) struct RawMeta<'a, C: Carrier> {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<C::Of<Text<'a>>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Declares the body block's fields once, each with its key, and derives
/// from that one list the struct, [`RawBody::new`] (the required keys, and
/// every other field absent), the key reader, the reader of a whole block
/// and its writer. A field added here is read, written and defaulted; the
/// resolver and `unresolve` destructure the struct whole, so the compiler
/// names every place that must handle it.
macro_rules! raw_body {
    (
        $(#[$meta:meta])*
        required { $( $req:ident : $req_ty:ty = $req_key:literal, )* }
        fields { $( $field:ident : $field_ty:ty = $field_key:literal, )* }
        then { $( $after:ident : $after_ty:ty = $after_key:literal, )* }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Debug)]
        pub(crate) struct RawBody<'a, C: Carrier> {
            $( pub $req: $req_ty, )*
            $( pub $field: $field_ty, )*
            pub relations: Relations<'a, C>,
            $( pub $after: $after_ty, )*
        }

        impl<'a, C: Carrier> RawBody<'a, C> {
            /// A body with only its required keys: what the builder and
            /// the writer start from.
            pub(crate) fn new($( $req: $req_ty ),*) -> RawBody<'a, C> {
                RawBody {
                    $( $req, )*
                    $( $field: Default::default(), )*
                    relations: Relations::default(),
                    $( $after: Default::default(), )*
                }
            }
        }

        /// A key of a body block, read without copying it.
        #[allow(non_camel_case_types)]
        enum BodyKey {
            $( $req, )*
            $( $field, )*
            $( $after, )*
            Relation(RelationKind),
        }

        /// Every key a body block accepts, for the unknown-key error.
        fn body_key_list() -> &'static [&'static str] {
            static KEYS: std::sync::LazyLock<Vec<&'static str>> = std::sync::LazyLock::new(|| {
                body_keys(&[$( $req_key, )* $( $field_key, )*], &[$( $after_key, )*])
            });
            KEYS.as_slice()
        }

        impl<'de> Deserialize<'de> for BodyKey {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct KeyVisitor;

                impl Visitor<'_> for KeyVisitor {
                    type Value = BodyKey;

                    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                        f.write_str("a key of a body")
                    }

                    fn visit_str<E: de::Error>(self, key: &str) -> Result<BodyKey, E> {
                        match key {
                            $( $req_key => Ok(BodyKey::$req), )*
                            $( $field_key => Ok(BodyKey::$field), )*
                            $( $after_key => Ok(BodyKey::$after), )*
                            _ => relation_key(key)
                                .map(BodyKey::Relation)
                                .ok_or_else(|| de::Error::unknown_field(key, body_key_list())),
                        }
                    }
                }

                deserializer.deserialize_identifier(KeyVisitor)
            }
        }

        impl<'de: 'a, 'a, C: Carrier> Deserialize<'de> for RawBody<'a, C>
        where
            C::Of<Text<'a>>: Deserialize<'de>,
            C::Of<RawTarget<'a>>: Deserialize<'de>,
            C::Of<RawSeat<'a>>: Deserialize<'de>,
            C::Of<i64>: Deserialize<'de>,
        {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct BodyVisitor<'a, C>(std::marker::PhantomData<(&'a (), C)>);

                impl<'de: 'a, 'a, C: Carrier> Visitor<'de> for BodyVisitor<'a, C>
                where
                    C::Of<Text<'a>>: Deserialize<'de>,
                    C::Of<RawTarget<'a>>: Deserialize<'de>,
                    C::Of<RawSeat<'a>>: Deserialize<'de>,
                    C::Of<i64>: Deserialize<'de>,
                {
                    type Value = RawBody<'a, C>;

                    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                        f.write_str("a body: a table with an id, a name and a kind")
                    }

                    fn visit_map<A: MapAccess<'de>>(
                        self,
                        mut map: A,
                    ) -> Result<RawBody<'a, C>, A::Error> {
                        $( let mut $req: Option<$req_ty> = None; )*
                        $( let mut $field: Option<$field_ty> = None; )*
                        $( let mut $after: Option<$after_ty> = None; )*
                        let mut relations = Relations::<'a, C>::default();
                        let mut seen: Vec<RelationKind> = Vec::new();
                        while let Some(key) = map.next_key::<BodyKey>()? {
                            match key {
                                $( BodyKey::$req => once(&mut $req, $req_key, &mut map)?, )*
                                $( BodyKey::$field => once(&mut $field, $field_key, &mut map)?, )*
                                $( BodyKey::$after => once(&mut $after, $after_key, &mut map)?, )*
                                BodyKey::Relation(kind) => {
                                    if seen.contains(&kind) {
                                        return Err(de::Error::duplicate_field(kind.key()));
                                    }
                                    seen.push(kind);
                                    *relations.of_mut(kind) = map.next_value()?;
                                }
                            }
                        }
                        Ok(RawBody {
                            $( $req: $req.ok_or_else(|| de::Error::missing_field($req_key))?, )*
                            $( $field: $field.unwrap_or_default(), )*
                            relations,
                            $( $after: $after.unwrap_or_default(), )*
                        })
                    }
                }

                deserializer.deserialize_map(BodyVisitor(std::marker::PhantomData))
            }
        }

        impl<'a, C: Carrier> Serialize for RawBody<'a, C>
        where
            C::Of<Text<'a>>: Serialize,
            C::Of<RawTarget<'a>>: Serialize,
            C::Of<RawSeat<'a>>: Serialize,
            C::Of<i64>: Serialize,
        {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let mut map = serializer.serialize_map(None)?;
                $( map.serialize_entry($req_key, &self.$req)?; )*
                $(
                    if !Absent::is_absent(&self.$field) {
                        map.serialize_entry($field_key, &self.$field)?;
                    }
                )*
                for (kind, list) in self.relations.by_kind() {
                    map.serialize_entry(kind.key(), list)?;
                }
                $(
                    if !Absent::is_absent(&self.$after) {
                        map.serialize_entry($after_key, &self.$after)?;
                    }
                )*
                map.end()
            }
        }
    };
}

/// Reads a key's value into its slot, refusing a key given twice.
fn once<'de, T: Deserialize<'de>, A: MapAccess<'de>>(
    slot: &mut Option<T>,
    key: &'static str,
    map: &mut A,
) -> Result<(), A::Error> {
    if slot.is_some() {
        return Err(de::Error::duplicate_field(key));
    }
    *slot = Some(map.next_value()?);
    Ok(())
}

raw_body! {
    /// One `[[body]]` block. Its keys are read and written by hand (the
    /// `raw_body!` macro declares each field once, with its key), so that
    /// relation lists come from the vocabulary: each [`RelationKind`] is
    /// read under its [`key`](RelationKind::key) (and [`KEY_ALIASES`]),
    /// with no field of its own.
    required {
        id: C::Of<Text<'a>> = "id",
        name: C::Of<Text<'a>> = "name",
        kind: C::Of<Text<'a>> = "kind",
    }
    fields {
        status: Option<C::Of<Text<'a>>> = "status",
        status_since: Option<C::Of<Text<'a>>> = "status_since",
        intended_status: Option<C::Of<Text<'a>>> = "intended_status",
        apex: bool = "apex",
        accountability: Option<C::Of<Text<'a>>> = "accountability",
        count: Option<C::Of<i64>> = "count",
        formerly: Vec<Text<'a>> = "formerly",
        statutory: bool = "statutory",
        tier: Option<Text<'a>> = "tier",
        purpose: Option<Text<'a>> = "purpose",
        functions: Vec<Text<'a>> = "functions",
        themes: Vec<Text<'a>> = "themes",
        meets: Option<C::Of<Text<'a>>> = "meets",
        source: Option<Text<'a>> = "source",
        note: Option<Text<'a>> = "note",
    }
    // Here come the relation lists, one key a kind.
    then {
        members: Vec<C::Of<RawSeat<'a>>> = "members",
    }
}

/// The other keys a body block may list a relation under, older or
/// longer ways of saying [`RelationKind::key`].
const KEY_ALIASES: &[(RelationKind, &str)] = &[
    (RelationKind::ReportsTo, "accountable_to"),
    (RelationKind::FeedsInto, "informs"),
    (RelationKind::MergedInto, "absorbed_by"),
    (RelationKind::NominatesTo, "nominates_items_to"),
    (RelationKind::ProtocolWith, "has_protocol_with"),
    (RelationKind::AnnualReportTo, "reports_annually_to"),
];

/// The relation kind a body key names, if it names one.
fn relation_key(key: &str) -> Option<RelationKind> {
    RelationKind::ALL
        .iter()
        .copied()
        .find(|kind| kind.key() == key)
        .or_else(|| {
            KEY_ALIASES
                .iter()
                .find(|(_, alias)| *alias == key)
                .map(|(kind, _)| *kind)
        })
}

/// Every key of a body block, in the order a derived serde type would
/// list them ("expected one of ..."): each relation's keys in
/// alphabetical order, where the fields that come before and after them
/// are. `tests/format_reference.rs` reads the list from this error.
fn body_keys(before: &[&'static str], after: &[&'static str]) -> Vec<&'static str> {
    let mut keys = before.to_vec();
    for &kind in RelationKind::ALL {
        let mut names: Vec<&'static str> = KEY_ALIASES
            .iter()
            .filter(|(k, _)| *k == kind)
            .map(|(_, alias)| *alias)
            .chain([kind.key()])
            .collect();
        names.sort_unstable();
        keys.extend(names);
    }
    keys.extend_from_slice(after);
    keys
}

/// A body's relation lists, by kind: only the kinds the body uses, in the
/// order first used (most bodies use one or two of the fourteen).
pub(crate) struct Relations<'a, C: Carrier>(Vec<(RelationKind, Vec<C::Of<RawTarget<'a>>>)>);

impl<C: Carrier> Clone for Relations<'_, C> {
    fn clone(&self) -> Self {
        Relations(self.0.clone())
    }
}

impl<C: Carrier> fmt::Debug for Relations<'_, C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map()
            .entries(self.0.iter().map(|(k, v)| (k, v)))
            .finish()
    }
}

impl<C: Carrier> Default for Relations<'_, C> {
    fn default() -> Self {
        Relations(Vec::new())
    }
}

impl<'a, C: Carrier> Relations<'a, C> {
    /// The list of one kind, empty if the body has none.
    pub(crate) fn of(&self, kind: RelationKind) -> &[C::Of<RawTarget<'a>>] {
        self.0
            .iter()
            .find(|(k, _)| *k == kind)
            .map_or(&[], |(_, list)| list.as_slice())
    }

    /// The list of one kind, to add to or change.
    pub(crate) fn of_mut(&mut self, kind: RelationKind) -> &mut Vec<C::Of<RawTarget<'a>>> {
        let at = match self.0.iter().position(|(k, _)| *k == kind) {
            Some(at) => at,
            None => {
                self.0.push((kind, Vec::new()));
                self.0.len() - 1
            }
        };
        &mut self.0[at].1
    }

    /// Every kind's list, to change in place.
    pub(crate) fn lists_mut(&mut self) -> impl Iterator<Item = &mut Vec<C::Of<RawTarget<'a>>>> {
        self.0.iter_mut().map(|(_, list)| list)
    }

    /// Every kind's list, in the order of [`RelationKind::ALL`].
    pub(crate) fn by_kind(
        &self,
    ) -> impl Iterator<Item = (RelationKind, &[C::Of<RawTarget<'a>>])> + '_ {
        RelationKind::ALL
            .iter()
            .map(|&kind| (kind, self.of(kind)))
            .filter(|(_, list)| !list.is_empty())
    }

    /// Every kind's list, taken out, in the order of [`RelationKind::ALL`].
    pub(crate) fn into_by_kind(
        mut self,
    ) -> impl Iterator<Item = (RelationKind, Vec<C::Of<RawTarget<'a>>>)> {
        self.0.sort_by_key(|(kind, _)| *kind);
        self.0.into_iter().filter(|(_, list)| !list.is_empty())
    }
}

/// Whether an optional key is absent, and so not written.
trait Absent {
    fn is_absent(&self) -> bool;
}

impl<T> Absent for Option<T> {
    fn is_absent(&self) -> bool {
        self.is_none()
    }
}

impl<T> Absent for Vec<T> {
    fn is_absent(&self) -> bool {
        self.is_empty()
    }
}

impl Absent for bool {
    fn is_absent(&self) -> bool {
        !*self
    }
}

/// One `[[succession]]` block: bodies that together gave way to others.
#[derive(Deserialize, Serialize, Default, Clone, Debug)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawSuccession<'a> {
    #[serde(borrow)]
    pub from: Vec<Text<'a>>,
    #[serde(borrow)]
    pub to: Vec<Text<'a>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<Text<'a>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Text<'a>>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub intended: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Text<'a>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text<'a>>,
}

/// One `[[member]]` block.
#[derive(Deserialize, Serialize, Clone, Debug)]
#[serde(
    deny_unknown_fields,
    bound(
        deserialize = "'de: 'a, C::Of<Text<'a>>: Deserialize<'de>, \
                       C::Of<RawTarget<'a>>: Deserialize<'de>, \
                       C::Of<OneOrMany<'a>>: Deserialize<'de>",
        serialize = "C::Of<Text<'a>>: Serialize, C::Of<RawTarget<'a>>: Serialize, \
                     C::Of<OneOrMany<'a>>: Serialize"
    )
)]
pub(crate) struct RawMember<'a, C: Carrier> {
    pub id: C::Of<Text<'a>>,
    pub name: C::Of<Text<'a>>,
    pub kind: C::Of<Text<'a>>,
    #[serde(
        default,
        alias = "organisations",
        alias = "organization",
        skip_serializing_if = "Option::is_none"
    )]
    pub organisation: Option<C::Of<OneOrMany<'a>>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<C::Of<Text<'a>>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_since: Option<C::Of<Text<'a>>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Text<'a>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text<'a>>,
    #[serde(
        default,
        alias = "accountable_to",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub reports_to: Vec<C::Of<RawTarget<'a>>>,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// An id or a list of ids: `organisation = "pct"` or
/// `organisation = ["pct", "council"]`. Written back as a string when
/// there is one.
#[derive(Default, Clone, Debug)]
pub(crate) struct OneOrMany<'a>(pub Vec<Text<'a>>);

impl<'de: 'a, 'a> Deserialize<'de> for OneOrMany<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct OneOrManyVisitor;

        impl<'de> Visitor<'de> for OneOrManyVisitor {
            type Value = OneOrMany<'de>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(r#"an id, or a list of ids like ["pct", "council"]"#)
            }

            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<OneOrMany<'de>, E> {
                Ok(OneOrMany(vec![Text::from(v)]))
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<OneOrMany<'de>, E> {
                Ok(OneOrMany(vec![Text::from(v.to_string())]))
            }

            fn visit_seq<A: de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<OneOrMany<'de>, A::Error> {
                let mut ids = Vec::new();
                while let Some(id) = seq.next_element()? {
                    ids.push(id);
                }
                Ok(OneOrMany(ids))
            }
        }

        deserializer.deserialize_any(OneOrManyVisitor)
    }
}

impl Serialize for OneOrMany<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.0.as_slice() {
            [one] => one.serialize(serializer),
            many => many.serialize(serializer),
        }
    }
}

/// A relation target: `"board"`, or `{ to = "board", source = "s3.6.1" }`.
/// Its span, for problems, is the span of the whole entry.
#[derive(Default, Clone, Debug)]
pub(crate) struct RawTarget<'a> {
    pub to: Text<'a>,
    pub intended: bool,
    pub from: Option<Text<'a>>,
    pub until: Option<Text<'a>>,
    pub source: Option<Text<'a>>,
    pub note: Option<Text<'a>>,
}

/// A seat on a body: `"dcs"`, or
/// `{ member = "dcs", role = "chair", on_behalf_of = "council" }`, with
/// optional `start` and `end` dates as written.
#[derive(Default, Clone, Debug)]
pub(crate) struct RawSeat<'a> {
    pub member: Text<'a>,
    pub role: Option<Text<'a>>,
    pub on_behalf_of: Option<Text<'a>>,
    /// Dates and provenance: rare on the seats of a large file, so kept out
    /// of line, which makes a million seats take half the room.
    pub more: Option<Box<SeatMore<'a>>>,
}

/// The rarer keys of a seat.
#[derive(Default, Clone, Debug)]
pub(crate) struct SeatMore<'a> {
    pub start: Option<Text<'a>>,
    pub end: Option<Text<'a>>,
    pub intended: bool,
    pub source: Option<Text<'a>>,
    pub note: Option<Text<'a>>,
}

impl<'a> SeatMore<'a> {
    /// Boxed, or nothing if every key is absent.
    pub(crate) fn boxed(self) -> Option<Box<SeatMore<'a>>> {
        let empty = self.start.is_none()
            && self.end.is_none()
            && !self.intended
            && self.source.is_none()
            && self.note.is_none();
        (!empty).then(|| Box::new(self))
    }
}

/// The keys of a target table, read without copying them.
#[derive(Deserialize)]
#[serde(field_identifier, rename_all = "snake_case")]
enum TargetKey {
    To,
    Intended,
    #[serde(alias = "start")]
    From,
    #[serde(alias = "end")]
    Until,
    Source,
    Note,
}

/// The keys of a seat table, read without copying them.
#[derive(Deserialize)]
#[serde(field_identifier, rename_all = "snake_case")]
enum SeatKey {
    Member,
    Role,
    #[serde(alias = "from")]
    Start,
    #[serde(alias = "until")]
    End,
    Intended,
    OnBehalfOf,
    Source,
    Note,
}

/// An entry written either as a bare id or as a table of keys: a relation
/// target or a seat. One visitor reads both ways for each.
trait IdOrTable<'de>: Sized {
    /// What the error for any other value says was expected.
    const EXPECTING: &'static str;
    /// The entry a bare id stands for.
    fn from_id(id: Text<'de>) -> Self;
    /// The entry a table gives.
    fn from_table<A: MapAccess<'de>>(map: A) -> Result<Self, A::Error>;
}

struct IdOrTableVisitor<T>(std::marker::PhantomData<T>);

impl<'de, T: IdOrTable<'de>> Visitor<'de> for IdOrTableVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(T::EXPECTING)
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<T, E> {
        Ok(T::from_id(Text::from(v)))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<T, E> {
        Ok(T::from_id(Text::from(v.to_string())))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
        T::from_table(map)
    }
}

fn id_or_table<'de, T: IdOrTable<'de>, D: Deserializer<'de>>(d: D) -> Result<T, D::Error> {
    d.deserialize_any(IdOrTableVisitor(std::marker::PhantomData))
}

impl<'de> IdOrTable<'de> for RawTarget<'de> {
    const EXPECTING: &'static str = r#"an id, or a table like { to = "board", source = "s3.1" } (keys: to, intended, from, until, source, note)"#;

    fn from_id(to: Text<'de>) -> RawTarget<'de> {
        RawTarget {
            to,
            ..RawTarget::default()
        }
    }

    fn from_table<A: MapAccess<'de>>(mut map: A) -> Result<RawTarget<'de>, A::Error> {
        let mut to = None;
        let mut target = RawTarget::default();
        while let Some(key) = map.next_key::<TargetKey>()? {
            match key {
                TargetKey::To => to = Some(map.next_value()?),
                TargetKey::Intended => target.intended = map.next_value()?,
                TargetKey::From => target.from = Some(map.next_value()?),
                TargetKey::Until => target.until = Some(map.next_value()?),
                TargetKey::Source => target.source = Some(map.next_value()?),
                TargetKey::Note => target.note = Some(map.next_value()?),
            }
        }
        target.to = to.ok_or_else(|| de::Error::missing_field("to"))?;
        Ok(target)
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for RawTarget<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        id_or_table::<RawTarget<'de>, D>(deserializer)
    }
}

impl Serialize for RawTarget<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.source.is_none()
            && self.note.is_none()
            && !self.intended
            && self.from.is_none()
            && self.until.is_none()
        {
            return self.to.serialize(serializer);
        }
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("to", &self.to)?;
        if self.intended {
            map.serialize_entry("intended", &true)?;
        }
        if let Some(from) = &self.from {
            map.serialize_entry("from", from)?;
        }
        if let Some(until) = &self.until {
            map.serialize_entry("until", until)?;
        }
        if let Some(source) = &self.source {
            map.serialize_entry("source", source)?;
        }
        if let Some(note) = &self.note {
            map.serialize_entry("note", note)?;
        }
        map.end()
    }
}

impl<'de> IdOrTable<'de> for RawSeat<'de> {
    const EXPECTING: &'static str = r#"a member id, or a table like { member = "dcs", role = "chair" } (keys: member, role, on_behalf_of, start, end, intended, source, note)"#;

    fn from_id(member: Text<'de>) -> RawSeat<'de> {
        RawSeat {
            member,
            ..RawSeat::default()
        }
    }

    fn from_table<A: MapAccess<'de>>(mut map: A) -> Result<RawSeat<'de>, A::Error> {
        let mut member = None;
        let mut seat = RawSeat::default();
        let mut more = SeatMore::default();
        while let Some(key) = map.next_key::<SeatKey>()? {
            match key {
                SeatKey::Member => member = Some(map.next_value()?),
                SeatKey::Role => seat.role = Some(map.next_value()?),
                SeatKey::OnBehalfOf => seat.on_behalf_of = Some(map.next_value()?),
                SeatKey::Start => more.start = Some(map.next_value()?),
                SeatKey::End => more.end = Some(map.next_value()?),
                SeatKey::Intended => more.intended = map.next_value()?,
                SeatKey::Source => more.source = Some(map.next_value()?),
                SeatKey::Note => more.note = Some(map.next_value()?),
            }
        }
        seat.member = member.ok_or_else(|| de::Error::missing_field("member"))?;
        seat.more = more.boxed();
        Ok(seat)
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for RawSeat<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        id_or_table::<RawSeat<'de>, D>(deserializer)
    }
}

impl Serialize for RawSeat<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.role.is_none() && self.on_behalf_of.is_none() && self.more.is_none() {
            return self.member.serialize(serializer);
        }
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("member", &self.member)?;
        let none = SeatMore::default();
        let more = self.more.as_deref().unwrap_or(&none);
        let fields = [
            ("role", &self.role),
            ("start", &more.start),
            ("end", &more.end),
            ("on_behalf_of", &self.on_behalf_of),
            ("source", &more.source),
            ("note", &more.note),
        ];
        for (key, value) in fields {
            if let Some(value) = value {
                map.serialize_entry(key, value)?;
            }
            if key == "end" && more.intended {
                map.serialize_entry("intended", &true)?;
            }
        }
        map.end()
    }
}

impl<'a, C: Carrier> RawBody<'a, C> {
    /// The list a relation of this kind is written in.
    pub(crate) fn targets_mut(&mut self, kind: RelationKind) -> &mut Vec<C::Of<RawTarget<'a>>> {
        self.relations.of_mut(kind)
    }
}

impl<C: Carrier> RawMeta<'_, C> {
    /// Whether no key is set, so that the table is not written.
    pub(crate) fn is_empty(&self) -> bool {
        let RawMeta {
            name,
            source,
            date,
            note,
        } = self;
        name.is_none() && source.is_none() && date.is_none() && note.is_none()
    }
}

impl<'a, C: Carrier> RawMember<'a, C> {
    /// A member with only its required keys: what the builder starts from.
    pub(crate) fn new(
        id: C::Of<Text<'a>>,
        name: C::Of<Text<'a>>,
        kind: C::Of<Text<'a>>,
    ) -> RawMember<'a, C> {
        RawMember {
            id,
            name,
            kind,
            organisation: None,
            status: None,
            status_since: None,
            source: None,
            note: None,
            reports_to: Vec::new(),
        }
    }
}
