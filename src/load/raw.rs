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

/// Wraps a value read from a file, perhaps with its byte span.
pub(crate) trait Carrier: Sized + 'static {
    type Of<T>;

    fn split<T>(value: Self::Of<T>) -> (T, Option<Range<usize>>);

    fn peek<T>(value: &Self::Of<T>) -> (&T, Option<Range<usize>>);
}

/// Values with their byte spans, from TOML.
pub(crate) struct Spans;

impl Carrier for Spans {
    type Of<T> = toml::Spanned<T>;

    fn split<T>(value: toml::Spanned<T>) -> (T, Option<Range<usize>>) {
        let span = value.span();
        (value.into_inner(), Some(span))
    }

    fn peek<T>(value: &toml::Spanned<T>) -> (&T, Option<Range<usize>>) {
        (value.get_ref(), Some(value.span()))
    }
}

/// Bare values, from JSON or the builder, and for writing files.
pub(crate) struct Plain;

impl Carrier for Plain {
    type Of<T> = T;

    fn split<T>(value: T) -> (T, Option<Range<usize>>) {
        (value, None)
    }

    fn peek<T>(value: &T) -> (&T, Option<Range<usize>>) {
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
#[derive(Deserialize, Serialize)]
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

/// One `[[body]]` block.
#[derive(Deserialize, Serialize)]
#[serde(
    deny_unknown_fields,
    bound(
        deserialize = "'de: 'a, C::Of<Text<'a>>: Deserialize<'de>, \
                       C::Of<RawTarget<'a>>: Deserialize<'de>, \
                       C::Of<RawSeat<'a>>: Deserialize<'de>, C::Of<i64>: Deserialize<'de>",
        serialize = "C::Of<Text<'a>>: Serialize, C::Of<RawTarget<'a>>: Serialize, \
                     C::Of<RawSeat<'a>>: Serialize, C::Of<i64>: Serialize"
    )
)]
pub(crate) struct RawBody<'a, C: Carrier> {
    pub id: C::Of<Text<'a>>,
    pub name: C::Of<Text<'a>>,
    pub kind: C::Of<Text<'a>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<C::Of<Text<'a>>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_since: Option<C::Of<Text<'a>>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intended_status: Option<C::Of<Text<'a>>>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub apex: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accountability: Option<C::Of<Text<'a>>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<C::Of<i64>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub formerly: Vec<Text<'a>>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub statutory: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tier: Option<Text<'a>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purpose: Option<Text<'a>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub functions: Vec<Text<'a>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub themes: Vec<Text<'a>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meets: Option<C::Of<Text<'a>>>,
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
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub oversees: Vec<C::Of<RawTarget<'a>>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sub_group_of: Vec<C::Of<RawTarget<'a>>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scrutinises: Vec<C::Of<RawTarget<'a>>>,
    #[serde(default, alias = "informs", skip_serializing_if = "Vec::is_empty")]
    pub feeds_into: Vec<C::Of<RawTarget<'a>>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub part_of: Vec<C::Of<RawTarget<'a>>>,
    #[serde(default, alias = "absorbed_by", skip_serializing_if = "Vec::is_empty")]
    pub merged_into: Vec<C::Of<RawTarget<'a>>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub replaced_by: Vec<C::Of<RawTarget<'a>>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub governance_body_for: Vec<C::Of<RawTarget<'a>>>,
    #[serde(
        default,
        alias = "nominates_items_to",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub nominates_to: Vec<C::Of<RawTarget<'a>>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aligned_with: Vec<C::Of<RawTarget<'a>>>,
    #[serde(
        default,
        alias = "has_protocol_with",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub protocol_with: Vec<C::Of<RawTarget<'a>>>,
    #[serde(
        default,
        alias = "reports_annually_to",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub annual_report_to: Vec<C::Of<RawTarget<'a>>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub renamed_to: Vec<C::Of<RawTarget<'a>>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<C::Of<RawSeat<'a>>>,
}

/// One `[[succession]]` block: bodies that together gave way to others.
#[derive(Deserialize, Serialize, Default)]
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
#[derive(Deserialize, Serialize)]
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
#[derive(Default)]
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
#[derive(Default)]
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
#[derive(Default)]
pub(crate) struct RawSeat<'a> {
    pub member: Text<'a>,
    pub role: Option<Text<'a>>,
    pub on_behalf_of: Option<Text<'a>>,
    /// Dates and provenance: rare on the seats of a large file, so kept out
    /// of line, which makes a million seats take half the room.
    pub more: Option<Box<SeatMore<'a>>>,
}

/// The rarer keys of a seat.
#[derive(Default)]
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

impl<'de: 'a, 'a> Deserialize<'de> for RawTarget<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TargetVisitor;

        impl<'de> Visitor<'de> for TargetVisitor {
            type Value = RawTarget<'de>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(
                    r#"an id, or a table like { to = "board", source = "s3.1" } (keys: to, intended, from, until, source, note)"#,
                )
            }

            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<RawTarget<'de>, E> {
                Ok(RawTarget {
                    to: Text::from(v),
                    ..RawTarget::default()
                })
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawTarget<'de>, E> {
                Ok(RawTarget {
                    to: Text::from(v.to_string()),
                    ..RawTarget::default()
                })
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawTarget<'de>, A::Error> {
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

        deserializer.deserialize_any(TargetVisitor)
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

impl<'de: 'a, 'a> Deserialize<'de> for RawSeat<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct SeatVisitor;

        impl<'de> Visitor<'de> for SeatVisitor {
            type Value = RawSeat<'de>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(
                    r#"a member id, or a table like { member = "dcs", role = "chair" } (keys: member, role, on_behalf_of, start, end, intended, source, note)"#,
                )
            }

            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<RawSeat<'de>, E> {
                Ok(RawSeat {
                    member: Text::from(v),
                    ..RawSeat::default()
                })
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawSeat<'de>, E> {
                Ok(RawSeat {
                    member: Text::from(v.to_string()),
                    ..RawSeat::default()
                })
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawSeat<'de>, A::Error> {
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

        deserializer.deserialize_any(SeatVisitor)
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

impl<'a> RawBody<'a, Plain> {
    /// A body with only its required keys: what the builder and the writer
    /// start from, setting the rest by name.
    pub(crate) fn new(id: Text<'a>, name: Text<'a>, kind: Text<'a>) -> RawBody<'a, Plain> {
        RawBody {
            id,
            name,
            kind,
            status: None,
            status_since: None,
            intended_status: None,
            apex: false,
            accountability: None,
            count: None,
            formerly: Vec::new(),
            statutory: false,
            tier: None,
            purpose: None,
            functions: Vec::new(),
            themes: Vec::new(),
            meets: None,
            source: None,
            note: None,
            reports_to: Vec::new(),
            oversees: Vec::new(),
            sub_group_of: Vec::new(),
            scrutinises: Vec::new(),
            feeds_into: Vec::new(),
            part_of: Vec::new(),
            merged_into: Vec::new(),
            replaced_by: Vec::new(),
            governance_body_for: Vec::new(),
            nominates_to: Vec::new(),
            aligned_with: Vec::new(),
            protocol_with: Vec::new(),
            annual_report_to: Vec::new(),
            renamed_to: Vec::new(),
            members: Vec::new(),
        }
    }
}

impl<'a, C: Carrier> RawBody<'a, C> {
    /// The list a relation of this kind is written in.
    pub(crate) fn targets_mut(
        &mut self,
        kind: crate::model::RelationKind,
    ) -> &mut Vec<C::Of<RawTarget<'a>>> {
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
            K::NominatesTo => &mut self.nominates_to,
            K::AlignedWith => &mut self.aligned_with,
            K::ProtocolWith => &mut self.protocol_with,
            K::AnnualReportTo => &mut self.annual_report_to,
            K::RenamedTo => &mut self.renamed_to,
        }
    }
}
