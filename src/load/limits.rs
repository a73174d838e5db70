//! How long ids, names and notes may be, checked when a structure is
//! resolved, so that everything that loads can be drawn.
//!
//! The limits come from drawing: Graphviz 2.43 rejects a quoted string of
//! 16,383 bytes or more, and a label is escaped before `dot` reads it (`&`
//! becomes five bytes, a character outside ASCII two to four). A name of at
//! most [`NAME`] characters is at most 5,000 bytes escaped, well within
//! that, and still far longer than any body's name in the sources (the
//! longest is under 100). Ids become DOT node ids and SVG titles, and are
//! typed by hand in relations, so they are kept shorter still. Notes are
//! not drawn, but go into every file written and every report: [`NOTE`]
//! characters is a few pages.

use std::ops::Range;

use super::{
    Carrier, Found, Owner, Phase, RawBody, RawMember, RawMeta, Resolver, Spot, Text, Within, rank,
};
use crate::error::{Location, Problem, ProblemKind};
use crate::model::RelationKind;

/// The most characters in an id.
pub(crate) const ID: usize = 256;
/// The most characters in a name, a tier or the structure's name: the text
/// a drawing shows.
pub(crate) const NAME: usize = 1_000;
/// The most characters in a note.
pub(crate) const NOTE: usize = 10_000;

/// Records a problem for the structure's name or note if it is over its
/// limit.
pub(super) fn structure<C: Carrier>(meta: &RawMeta<'_, C>, resolver: &mut Resolver) {
    for (key, field, text, limit) in [
        ("structure.name", "name", &meta.name, NAME),
        ("structure.note", "note", &meta.note, NOTE),
    ] {
        if let Some(length) = text.as_deref().and_then(|t| over(t, limit)) {
            resolver.problems.push(Found {
                problem: Problem {
                    kind: ProblemKind::TooLong {
                        field,
                        length,
                        limit,
                    },
                    location: Location {
                        key: key.to_string(),
                        ..Location::default()
                    },
                    related: None,
                },
                offset: None,
                related_offset: None,
                order: rank(Phase::Limits, Owner::Structure),
            });
        }
    }
}

/// Records a problem for the id, name, tier or a note of the `index`th
/// body (whose entry is at `span`) that is over its limit.
pub(super) fn body<C: Carrier>(
    body: &RawBody<'_, C>,
    span: Option<Range<usize>>,
    index: usize,
    resolver: &mut Resolver,
) {
    let mut entry = Entry::new::<C>(resolver, Owner::Body(index), &body.id, span);
    entry.text::<C>(".name", &body.name, NAME);
    entry.loose(".tier", body.tier.as_ref(), NAME);
    entry.loose(".note", body.note.as_ref(), NOTE);
    for (kind, targets) in body.relations.by_kind() {
        for (j, target) in targets.iter().enumerate() {
            let (target, span) = C::peek(target);
            entry.at(
                Within::Relation(kind, j),
                span,
                target.note.as_deref(),
                NOTE,
            );
        }
    }
    for (j, seat) in body.members.iter().enumerate() {
        let (seat, span) = C::peek(seat);
        let note = seat.more.as_ref().and_then(|more| more.note.as_deref());
        entry.at(Within::SeatField(j, ".note"), span, note, NOTE);
    }
}

/// Records a problem for the id, name or a note of the `index`th member
/// that is over its limit.
pub(super) fn member<C: Carrier>(
    member: &RawMember<'_, C>,
    span: Option<Range<usize>>,
    index: usize,
    resolver: &mut Resolver,
) {
    let mut entry = Entry::new::<C>(resolver, Owner::Member(index), &member.id, span);
    entry.text::<C>(".name", &member.name, NAME);
    entry.loose(".note", member.note.as_ref(), NOTE);
    for (j, target) in member.reports_to.iter().enumerate() {
        let (target, span) = C::peek(target);
        let within = Within::Relation(RelationKind::ReportsTo, j);
        entry.at(within, span, target.note.as_deref(), NOTE);
    }
}

/// One `[[body]]` or `[[member]]` entry being checked.
struct Entry<'r> {
    resolver: &'r mut Resolver,
    owner: Owner,
    /// The id, shortened if it is over its limit, so that messages stay
    /// readable.
    id: String,
    span: Option<Range<usize>>,
}

impl<'r> Entry<'r> {
    fn new<C: Carrier>(
        resolver: &'r mut Resolver,
        owner: Owner,
        id: &C::Of<Text<'_>>,
        span: Option<Range<usize>>,
    ) -> Entry<'r> {
        let (id, id_span) = C::peek(id);
        let shown = match id.char_indices().nth(40) {
            Some((cut, _)) if over(id, ID).is_some() => format!("{}…", &id[..cut]),
            _ => id.to_string(),
        };
        let mut entry = Entry {
            resolver,
            owner,
            id: shown,
            span,
        };
        entry.at(Within::Field(".id"), id_span, Some(id), ID);
        entry
    }

    /// A field that carries its own span.
    fn text<C: Carrier>(&mut self, field: &'static str, text: &C::Of<Text<'_>>, limit: usize) {
        let (text, span) = C::peek(text);
        self.at(Within::Field(field), span, Some(text), limit);
    }

    /// A field without a span of its own: located at its entry.
    fn loose(&mut self, field: &'static str, text: Option<&Text<'_>>, limit: usize) {
        self.at(Within::Field(field), None, text.map(|t| &**t), limit);
    }

    fn at(&mut self, within: Within, span: Option<Range<usize>>, text: Option<&str>, limit: usize) {
        let Some(length) = text.and_then(|t| over(t, limit)) else {
            return;
        };
        let what = match within {
            Within::Field(".id") => "id",
            Within::Field(".name") => "name",
            Within::Field(".tier") => "tier",
            _ => "note",
        };
        let at = Spot {
            owner: self.owner,
            within,
            span: span.or_else(|| self.span.clone()),
        };
        let kind = ProblemKind::TooLong {
            field: what,
            length,
            limit,
        };
        self.resolver.problem(kind, &at, &self.id);
    }
}

/// The length in characters of `text`, if it is over `limit`. Counting
/// is skipped when the text has no more bytes than the limit allows
/// characters.
fn over(text: &str, limit: usize) -> Option<usize> {
    if text.len() <= limit {
        return None;
    }
    let length = text.chars().count();
    (length > limit).then_some(length)
}
