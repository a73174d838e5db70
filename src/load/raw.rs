//! The structure file format, as private serde types.
//!
//! Only these types derive the file format, so renaming a field of the model
//! never changes a file. They are generic over a [`Carrier`], the wrapper that
//! holds each value that a problem may need to point at: `toml::Spanned` when
//! reading TOML (so problems get a line and column), the value itself when
//! reading JSON, building in code, or writing a file.

use std::fmt;
use std::ops::Range;

use serde::de::{self, DeserializeOwned, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Wraps a value read from a file, perhaps with its byte span.
pub(crate) trait Carrier: Sized + 'static {
    type Of<T: DeserializeOwned + Serialize>: DeserializeOwned + Serialize;

    fn split<T: DeserializeOwned + Serialize>(value: Self::Of<T>) -> (T, Option<Range<usize>>);

    fn peek<T: DeserializeOwned + Serialize>(value: &Self::Of<T>) -> (&T, Option<Range<usize>>);
}

/// Values with their byte spans, from TOML.
pub(crate) struct Spans;

impl Carrier for Spans {
    type Of<T: DeserializeOwned + Serialize> = toml::Spanned<T>;

    fn split<T: DeserializeOwned + Serialize>(
        value: toml::Spanned<T>,
    ) -> (T, Option<Range<usize>>) {
        let span = value.span();
        (value.into_inner(), Some(span))
    }

    fn peek<T: DeserializeOwned + Serialize>(
        value: &toml::Spanned<T>,
    ) -> (&T, Option<Range<usize>>) {
        (value.get_ref(), Some(value.span()))
    }
}

/// Bare values, from JSON or the builder, and for writing files.
pub(crate) struct Plain;

impl Carrier for Plain {
    type Of<T: DeserializeOwned + Serialize> = T;

    fn split<T: DeserializeOwned + Serialize>(value: T) -> (T, Option<Range<usize>>) {
        (value, None)
    }

    fn peek<T: DeserializeOwned + Serialize>(value: &T) -> (&T, Option<Range<usize>>) {
        (value, None)
    }
}

/// A whole structure file.
#[derive(Deserialize, Serialize)]
#[serde(deny_unknown_fields, bound = "")]
pub(crate) struct RawFile<C: Carrier> {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub structure: Option<RawMeta>,
    #[serde(default, rename = "body", skip_serializing_if = "Vec::is_empty")]
    pub bodies: Vec<C::Of<RawBody<C>>>,
    #[serde(default, rename = "member", skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<C::Of<RawMember<C>>>,
}

/// The `[structure]` table.
#[derive(Deserialize, Serialize, Default)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawMeta {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// One `[[body]]` block.
#[derive(Deserialize, Serialize)]
#[serde(deny_unknown_fields, bound = "")]
pub(crate) struct RawBody<C: Carrier> {
    pub id: C::Of<String>,
    pub name: C::Of<String>,
    pub kind: C::Of<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<C::Of<String>>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub apex: bool,
    #[serde(default, skip_serializing_if = "is_false")]
    pub statutory: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tier: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purpose: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub functions: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub themes: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meets: Option<C::Of<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(
        default,
        alias = "accountable_to",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub reports_to: Vec<C::Of<RawTarget>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub oversees: Vec<C::Of<RawTarget>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sub_group_of: Vec<C::Of<RawTarget>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scrutinises: Vec<C::Of<RawTarget>>,
    #[serde(default, alias = "informs", skip_serializing_if = "Vec::is_empty")]
    pub feeds_into: Vec<C::Of<RawTarget>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub part_of: Vec<C::Of<RawTarget>>,
    #[serde(default, alias = "absorbed_by", skip_serializing_if = "Vec::is_empty")]
    pub merged_into: Vec<C::Of<RawTarget>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub replaced_by: Vec<C::Of<RawTarget>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub governance_body_for: Vec<C::Of<RawTarget>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<C::Of<RawSeat>>,
}

/// One `[[member]]` block.
#[derive(Deserialize, Serialize)]
#[serde(deny_unknown_fields, bound = "")]
pub(crate) struct RawMember<C: Carrier> {
    pub id: C::Of<String>,
    pub name: C::Of<String>,
    pub kind: C::Of<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<C::Of<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(
        default,
        alias = "accountable_to",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub reports_to: Vec<C::Of<RawTarget>>,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// A relation target: `"board"`, or `{ to = "board", source = "s3.6.1" }`.
/// Its span, for problems, is the span of the whole entry.
pub(crate) struct RawTarget {
    pub to: String,
    pub source: Option<String>,
    pub note: Option<String>,
}

/// A seat on a body: `"dcs"`, or
/// `{ member = "dcs", role = "chair", on_behalf_of = "council" }`, with
/// optional `start` and `end` dates as written.
pub(crate) struct RawSeat {
    pub member: String,
    pub role: Option<String>,
    pub start: Option<String>,
    pub end: Option<String>,
    pub on_behalf_of: Option<String>,
    pub source: Option<String>,
    pub note: Option<String>,
}

const TARGET_FIELDS: &[&str] = &["to", "source", "note"];
const SEAT_FIELDS: &[&str] = &[
    "member",
    "role",
    "start",
    "end",
    "on_behalf_of",
    "source",
    "note",
];

impl<'de> Deserialize<'de> for RawTarget {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TargetVisitor;

        impl<'de> Visitor<'de> for TargetVisitor {
            type Value = RawTarget;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(r#"an id, or a table like { to = "board", source = "s3.1" }"#)
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawTarget, E> {
                Ok(RawTarget {
                    to: v.to_string(),
                    source: None,
                    note: None,
                })
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawTarget, A::Error> {
                let (mut to, mut source, mut note) = (None, None, None);
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "to" => to = Some(map.next_value::<String>()?),
                        "source" => source = Some(map.next_value()?),
                        "note" => note = Some(map.next_value()?),
                        other => return Err(de::Error::unknown_field(other, TARGET_FIELDS)),
                    }
                }
                let to = to.ok_or_else(|| de::Error::missing_field("to"))?;
                Ok(RawTarget { to, source, note })
            }
        }

        deserializer.deserialize_any(TargetVisitor)
    }
}

impl Serialize for RawTarget {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.source.is_none() && self.note.is_none() {
            return self.to.serialize(serializer);
        }
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("to", &self.to)?;
        if let Some(source) = &self.source {
            map.serialize_entry("source", source)?;
        }
        if let Some(note) = &self.note {
            map.serialize_entry("note", note)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for RawSeat {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct SeatVisitor;

        impl<'de> Visitor<'de> for SeatVisitor {
            type Value = RawSeat;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(r#"a member id, or a table like { member = "dcs", role = "chair" }"#)
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawSeat, E> {
                Ok(RawSeat {
                    member: v.to_string(),
                    role: None,
                    start: None,
                    end: None,
                    on_behalf_of: None,
                    source: None,
                    note: None,
                })
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawSeat, A::Error> {
                let mut member = None;
                let mut seat = RawSeat {
                    member: String::new(),
                    role: None,
                    start: None,
                    end: None,
                    on_behalf_of: None,
                    source: None,
                    note: None,
                };
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "member" => member = Some(map.next_value::<String>()?),
                        "role" => seat.role = Some(map.next_value()?),
                        "start" => seat.start = Some(map.next_value()?),
                        "end" => seat.end = Some(map.next_value()?),
                        "on_behalf_of" => seat.on_behalf_of = Some(map.next_value()?),
                        "source" => seat.source = Some(map.next_value()?),
                        "note" => seat.note = Some(map.next_value()?),
                        other => return Err(de::Error::unknown_field(other, SEAT_FIELDS)),
                    }
                }
                seat.member = member.ok_or_else(|| de::Error::missing_field("member"))?;
                Ok(seat)
            }
        }

        deserializer.deserialize_any(SeatVisitor)
    }
}

impl Serialize for RawSeat {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.role.is_none()
            && self.start.is_none()
            && self.end.is_none()
            && self.on_behalf_of.is_none()
            && self.source.is_none()
            && self.note.is_none()
        {
            return self.member.serialize(serializer);
        }
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("member", &self.member)?;
        if let Some(role) = &self.role {
            map.serialize_entry("role", role)?;
        }
        if let Some(start) = &self.start {
            map.serialize_entry("start", start)?;
        }
        if let Some(end) = &self.end {
            map.serialize_entry("end", end)?;
        }
        if let Some(on_behalf_of) = &self.on_behalf_of {
            map.serialize_entry("on_behalf_of", on_behalf_of)?;
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

impl<C: Carrier> RawBody<C> {
    /// The list a relation of this kind is written in.
    pub(crate) fn targets_mut(
        &mut self,
        kind: crate::model::RelationKind,
    ) -> &mut Vec<C::Of<RawTarget>> {
        use crate::model::RelationKind as K;
        match kind {
            K::ReportsTo => &mut self.reports_to,
            K::Oversees => &mut self.oversees,
            K::SubGroupOf => &mut self.sub_group_of,
            K::Scrutinises => &mut self.scrutinises,
            K::FeedsInto => &mut self.feeds_into,
            K::PartOf => &mut self.part_of,
            K::MergedInto => &mut self.merged_into,
            K::ReplacedBy => &mut self.replaced_by,
            K::GovernanceBodyFor => &mut self.governance_body_for,
        }
    }
}
