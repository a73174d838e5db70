//! Reading and writing [Popolo](https://www.popoloproject.com/) JSON, the
//! format civic data about organisations, people, posts and memberships is
//! published in.
//!
//! [`from_json_str`] and [`from_path`] read a Popolo document in its
//! collection form (`organizations`, `persons`, `posts`, `memberships`, and
//! anything else beside them) into a validated [`Structure`], wrapped in an
//! [`Import`] that also holds the [`Warning`]s about what govgraph could not
//! represent and every field it did not use. [`to_json_string`] writes a
//! structure as Popolo; [`Import::to_json_string`] writes an imported
//! structure back with the fields it kept.
//!
//! ```
//! let import = govgraph::popolo::from_json_str(r#"{
//!     "organizations": [
//!         {"id": "senate", "name": "Senate", "classification": "legislature"},
//!         {"id": "finance", "name": "Finance Committee", "classification": "committee",
//!          "parent_id": "senate"},
//!         {"id": "red", "name": "Red Party", "classification": "party"}
//!     ],
//!     "persons": [{"id": "ann", "name": "Ann Example", "gender": "female"}],
//!     "memberships": [
//!         {"person_id": "ann", "organization_id": "senate", "on_behalf_of_id": "red",
//!          "start_date": "2013-09-17"},
//!         {"person_id": "ann", "organization_id": "finance", "role": "Chairperson"}
//!     ]
//! }"#)?;
//! let s = import.structure();
//! assert_eq!(s.bodies().count(), 2);
//! assert_eq!(s.accountable_parents("finance").collect::<Vec<_>>(), ["senate"]);
//! assert_eq!(s.member("red").unwrap().kind, govgraph::MemberKind::Organisation);
//! assert_eq!(s.seats_on("finance").next().unwrap().role, govgraph::Role::Chair);
//! // Nothing is lost: Ann's gender and the role's own words are kept.
//! assert_eq!(import.kept("ann").unwrap()["gender"], "female");
//! # Ok::<(), govgraph::Error>(())
//! ```
//!
//! # How Popolo becomes a structure
//!
//! | Popolo | govgraph |
//! |---|---|
//! | an organisation | a body, or a partner organisation (below) |
//! | `classification` | the body's kind: a govgraph kind word, or `legislature`, `chamber`, `parliament`, `senate`, ... (assembly), `subcommittee`, `commission`, ... (committee), `cabinet`, `government` (executive), `ministry` (directorate), `caucus`, `faction`, `parliamentary group`, `working group` (group), `task force` (task-and-finish group); anything else is kind `other`, with a warning |
//! | `parent_id` of a body | a `sub_group_of` relation to the parent |
//! | no `parent_id` | the body is an apex |
//! | `dissolution_date` | status dissolved (otherwise active) |
//! | `parent_id` of a partner organisation | the organisation it belongs to |
//! | a person | a member of kind person |
//! | a post (`label`) | a member of kind post; its `organization_id`, when that is a partner organisation, is the organisation it belongs to |
//! | a membership | a seat on the body named by `organization_id`, held by `person_id`, or else `post_id`, or else `member.id` |
//! | `role` | the seat's role: a govgraph role word, or `chairman`, `chairperson`, `co-chair`, `convenor` (chair), `deputy chair`, `vice chairperson`, ... (vice-chair), `committee member`, `board member` (member); anything else is `member`, with a warning |
//! | `on_behalf_of_id` | whom the seat is held on behalf of |
//! | `start_date`, `end_date` | the seat's start and end |
//!
//! **Partner organisations.** An organisation becomes a member of kind
//! organisation, not a body, when its classification is `party` (or
//! `political party`), or when the document only ever names it as what
//! people sit on behalf of (`on_behalf_of_id`) or as a membership's
//! `member`, never as the organisation a membership is in and never as a
//! `parent_id`. Everything else is a body. So in a parliament's data the
//! chamber and its committees are bodies and the parties are the
//! organisations members sit for.
//!
//! # Nothing is silently lost
//!
//! Every field govgraph does not use is kept, in the [`Import`]: an
//! organisation's, person's or post's other fields by its id
//! ([`Import::kept`]), a seat's by the seat ([`Import::kept_for_seat`]),
//! the document's own (`areas`, `events`, `meta`, ...) in
//! [`Import::kept_document`], and memberships that could not become seats
//! whole ([`Import::memberships_not_seated`]). Where govgraph mapped a
//! classification or role onto its own word, the original text is kept too.
//! [`Import::to_json_string`] writes all of it back.
//!
//! What govgraph cannot represent is reported as a [`Warning`] and kept:
//! a membership repeating a seat already read (the same organisation,
//! member, role and dates, as in two terms without dates), a seat on a
//! partner organisation, a seat whose member is a body, a seat on behalf of
//! a body, a post or partner organisation placed in a body, a role or
//! classification with no govgraph word, an `area_id` or
//! `legislative_period_id` naming nothing in the document, and memberships
//! or posts embedded inside organisations or persons (which are kept, not
//! read: list them at the top level).
//!
//! # Errors
//!
//! A document that is not JSON, or a value of the wrong type (an id that is
//! a number, a membership that is not an object, a date that is not
//! `YYYY`, `YYYY-MM` or `YYYY-MM-DD`), or a missing `id`, `organization_id`
//! or member, is an [`ErrorKind::Syntax`](crate::ErrorKind::Syntax) error
//! at the key path (`memberships[12].organization_id`). Problems with
//! references are collected, every one, into
//! [`ErrorKind::Invalid`](crate::ErrorKind::Invalid), as for structure
//! files: an id that is defined twice (organisations, persons and posts share
//! one namespace), an empty id or name, a `person_id`, `organization_id`,
//! `on_behalf_of_id` or `parent_id` naming nothing (or naming the wrong sort
//! of thing), a body that is its own parent. Reading never panics.
//!
//! # How a structure becomes Popolo
//!
//! Bodies and partner organisations are written as `organizations`, members
//! of kind person as `persons`, posts as `posts` (name as `label`), seats as
//! `memberships`; all sorted by id, seats in the structure's order. A body's
//! kind is its `classification`; its first `sub_group_of` relation to an
//! organisation is its `parent_id`. A seat held by a person has a
//! `person_id`, by a post a `post_id`, by an organisation a `member` object
//! `{"@type": "Organization", "id": ...}`; its role is written as the
//! govgraph word (`vice-chair`). The output uses only properties the Popolo
//! schemas define, and validates against them; a membership held by a post
//! or an organisation has no `person_id`, which the schemas allow and the
//! older prose of the specification did not.
//!
//! What Popolo cannot say goes in an object named `govgraph`, written only
//! where it is needed:
//!
//! - at the top of the document: `{"structure": {"name", "source", "date",
//!   "note"}}`, the structure's description;
//! - on a body: `status` (when it is not what `dissolution_date` implies:
//!   anything but active, or dissolved without a date), `apex` (when it is
//!   not what having no `parent_id` implies), `statutory`, `tier`,
//!   `purpose`, `functions`, `themes`, `meets`, `source`, `note`, and its
//!   relations other than the one written as `parent_id`, as lists named as
//!   in structure files (`reports_to`, `oversees`, `sub_group_of`,
//!   `scrutinises`, `feeds_into`, `part_of`, `merged_into`, `replaced_by`,
//!   `governance_body_for`) of ids or `{"to", "source", "note"}` objects
//!   (the `parent_id` relation is listed too when it has a source or note);
//! - on a partner organisation: `partner` (`true`, or `false` on a body,
//!   when the rule above would decide otherwise), `source`, `note`,
//!   `reports_to`;
//! - on a person: `organisation`, `source`, `note`, `reports_to`; on a post:
//!   `source`, `note`, `reports_to`;
//! - on a membership: `source`, `note`, and `start` and `end` for dates not
//!   written the Popolo way ("spring 2011").
//!
//! Reading a document govgraph wrote gives back an equal structure.

mod ext;
mod json;
mod read;
mod rules;
mod write;

use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

use serde_json::{Map, Value};

use crate::error::{Error, Location};
use crate::model::{Id, Membership, Role, Structure};

/// Reads a Popolo JSON document (its collection form) into a structure.
///
/// # Errors
///
/// [`ErrorKind::Syntax`](crate::ErrorKind::Syntax) if the text is not JSON
/// or a value has the wrong type or is missing (with the key path);
/// [`ErrorKind::Invalid`](crate::ErrorKind::Invalid) with every problem
/// found in its references. See the [module documentation](self).
///
/// # Examples
///
/// ```
/// let import = govgraph::popolo::from_json_str(r#"{
///     "organizations": [{"id": "board", "name": "Board", "classification": "board"}],
///     "persons": [{"id": "p1", "name": "A Person"}],
///     "memberships": [{"person_id": "p1", "organization_id": "board", "role": "chair"}]
/// }"#)?;
/// assert_eq!(import.structure().memberships().len(), 1);
/// assert!(import.warnings().is_empty());
///
/// let err = govgraph::popolo::from_json_str(
///     r#"{"memberships": [{"person_id": "p1", "organization_id": "board"}]}"#,
/// ).unwrap_err();
/// assert_eq!(err.to_string(), concat!(
///     r#"memberships[0].organization_id: unknown id "board""#, "\n",
///     r#"memberships[0].person_id: unknown id "p1""#,
/// ));
/// # Ok::<(), govgraph::Error>(())
/// ```
pub fn from_json_str(text: &str) -> Result<Import, Error> {
    read::read(text)
}

/// Reads a Popolo JSON file. Every location in an error names the file.
///
/// # Errors
///
/// [`ErrorKind::Io`](crate::ErrorKind::Io) if the file cannot be read;
/// otherwise as [`from_json_str`].
///
/// # Examples
///
/// ```
/// let err = govgraph::popolo::from_path("no/such/popolo.json").unwrap_err();
/// assert!(err.to_string().starts_with("no/such/popolo.json: "));
/// ```
pub fn from_path(path: impl AsRef<Path>) -> Result<Import, Error> {
    let path = path.as_ref();
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    read::read(&text).map_err(|e| e.in_file(path))
}

/// Writes a structure as a Popolo JSON document, with what Popolo cannot say
/// in `govgraph` extension objects. Reading the result with
/// [`from_json_str`] gives back an equal structure.
///
/// # Errors
///
/// [`ErrorKind::Serialize`](crate::ErrorKind::Serialize) if the JSON writer
/// fails, which it does not for a structure.
///
/// # Examples
///
/// ```
/// use govgraph::{BodyKind, BodySpec, Status, Structure};
///
/// let s = Structure::builder()
///     .body(BodySpec::new("board", "Children's Trust Board", BodyKind::Board).apex())
///     .body(BodySpec::new("stay-safe", "Stay Safe Outcome Group", BodyKind::Group)
///         .status(Status::NeverMet)
///         .sub_group_of("board"))
///     .build()?;
/// let text = govgraph::popolo::to_json_string(&s)?;
/// assert!(text.contains(r#""parent_id": "board""#));
/// assert!(text.contains(r#""status": "never-met""#));
/// assert_eq!(govgraph::popolo::from_json_str(&text)?.into_structure(), s);
/// # Ok::<(), govgraph::Error>(())
/// ```
pub fn to_json_string(structure: &Structure) -> Result<String, Error> {
    serde_json::to_string_pretty(&to_json_value(structure)).map_err(Error::serialize)
}

/// Writes a structure as a Popolo document held as a JSON value, for
/// callers who want to add to it before writing.
///
/// # Examples
///
/// ```
/// use govgraph::{BodyKind, BodySpec, Structure};
///
/// let s = Structure::builder().body(BodySpec::new("lscb", "LSCB", BodyKind::Board)).build()?;
/// let popolo = govgraph::popolo::to_json_value(&s);
/// assert_eq!(popolo["organizations"][0]["classification"], "board");
/// # Ok::<(), govgraph::Error>(())
/// ```
pub fn to_json_value(structure: &Structure) -> Value {
    write::write(structure, None)
}

/// A Popolo document read into a structure, with the warnings about what
/// govgraph could not represent and every field it did not use.
///
/// # Examples
///
/// ```
/// let import = govgraph::popolo::from_json_str(r#"{
///     "organizations": [{"id": "senate", "name": "Senate", "classification": "legislature",
///                        "seats": 80}],
///     "areas": [{"id": "area/north", "name": "North"}]
/// }"#)?;
/// assert_eq!(import.structure().body("senate").unwrap().kind, govgraph::BodyKind::Assembly);
/// assert_eq!(import.kept("senate").unwrap()["classification"], "legislature");
/// assert_eq!(import.kept("senate").unwrap()["seats"], 80);
/// assert!(import.kept_document().contains_key("areas"));
/// # Ok::<(), govgraph::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Import {
    structure: Structure,
    warnings: Vec<Warning>,
    kept: Kept,
}

impl Import {
    /// The structure read.
    ///
    /// # Examples
    ///
    /// ```
    /// let import = govgraph::popolo::from_json_str("{}")?;
    /// assert!(import.structure().is_empty());
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn structure(&self) -> &Structure {
        &self.structure
    }

    /// The structure read, giving up the warnings and kept fields.
    ///
    /// # Examples
    ///
    /// ```
    /// let s = govgraph::popolo::from_json_str("{}")?.into_structure();
    /// assert!(s.is_empty());
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn into_structure(self) -> Structure {
        self.structure
    }

    /// What govgraph could not represent, in the order met in the document.
    /// Each warned-about value is kept, so nothing is lost.
    ///
    /// # Examples
    ///
    /// ```
    /// let import = govgraph::popolo::from_json_str(r#"{
    ///     "organizations": [{"id": "c", "name": "Committee", "classification": "committee"}],
    ///     "persons": [{"id": "p", "name": "P"}],
    ///     "memberships": [{"person_id": "p", "organization_id": "c", "role": "Whip"}]
    /// }"#)?;
    /// assert_eq!(
    ///     import.warnings()[0].to_string(),
    ///     r#"membership of "P" (memberships[0].role): role "Whip" is not a govgraph role: seated as "member", the text kept"#,
    /// );
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn warnings(&self) -> &[Warning] {
        &self.warnings
    }

    /// The fields govgraph did not use of the organisation, person or post
    /// with this id, or `None` if it used them all. A classification mapped
    /// onto a govgraph kind, or a `parent_id` or `organization_id` govgraph
    /// could not use, is here as the document wrote it.
    ///
    /// # Examples
    ///
    /// ```
    /// let import = govgraph::popolo::from_json_str(r#"{
    ///     "persons": [{"id": "p", "name": "P", "birth_date": "1951-03-25"}]
    /// }"#)?;
    /// assert_eq!(import.kept("p").unwrap()["birth_date"], "1951-03-25");
    /// assert!(import.kept("nobody").is_none());
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn kept(&self, id: &str) -> Option<&Map<String, Value>> {
        self.kept.entities.get(id)
    }

    /// The fields govgraph did not use of the membership a seat was read
    /// from (`area_id`, `legislative_period_id`, a role's own words, ...),
    /// or `None` if it used them all.
    ///
    /// # Examples
    ///
    /// ```
    /// let import = govgraph::popolo::from_json_str(r#"{
    ///     "organizations": [{"id": "senate", "name": "Senate", "classification": "assembly"}],
    ///     "persons": [{"id": "p", "name": "P"}],
    ///     "memberships": [{"person_id": "p", "organization_id": "senate",
    ///                      "role": "Member", "area_id": "area/north"}]
    /// }"#)?;
    /// let seat = &import.structure().memberships()[0];
    /// let kept = import.kept_for_seat(seat).unwrap();
    /// assert_eq!(kept["role"], "Member");
    /// assert_eq!(kept["area_id"], "area/north");
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn kept_for_seat(&self, membership: &Membership) -> Option<&Map<String, Value>> {
        self.kept.seats.get(&seat_key(membership))
    }

    /// The document's own fields govgraph did not use: `areas`, `events`,
    /// `meta` and any other key beside the four collections.
    ///
    /// # Examples
    ///
    /// ```
    /// let import = govgraph::popolo::from_json_str(r#"{"meta": {"sources": ["a paper"]}}"#)?;
    /// assert_eq!(import.kept_document()["meta"]["sources"][0], "a paper");
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn kept_document(&self) -> &Map<String, Value> {
        &self.kept.document
    }

    /// The memberships that did not become seats, as the document wrote
    /// them; each has a [`Warning`] saying why.
    ///
    /// # Examples
    ///
    /// ```
    /// let import = govgraph::popolo::from_json_str(r#"{
    ///     "organizations": [{"id": "red", "name": "Red Party", "classification": "party"}],
    ///     "persons": [{"id": "p", "name": "P"}],
    ///     "memberships": [{"person_id": "p", "organization_id": "red"}]
    /// }"#)?;
    /// assert_eq!(import.memberships_not_seated().len(), 1);
    /// assert!(import.structure().memberships().is_empty());
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn memberships_not_seated(&self) -> &[Value] {
        &self.kept.unseated
    }

    /// Writes the structure back as Popolo with every kept field, so that a
    /// document read and written again says what it said. What changes is
    /// only form: the collections are sorted by id (memberships that did not
    /// become seats last), all four are written even when empty, a `role` of
    /// `member` is added to memberships that had none and a classification
    /// of `other` to bodies that had none, and fields govgraph used that were
    /// `null` are left out.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Serialize`](crate::ErrorKind::Serialize) if the JSON
    /// writer fails, which it does not.
    ///
    /// # Examples
    ///
    /// ```
    /// let text = r#"{"memberships": [], "organizations": [], "persons": [], "posts": [],
    ///               "events": [{"id": "term/8", "classification": "legislative period"}]}"#;
    /// let import = govgraph::popolo::from_json_str(text)?;
    /// let again: serde_json::Value = serde_json::from_str(&import.to_json_string()?).unwrap();
    /// assert_eq!(again, serde_json::from_str::<serde_json::Value>(text).unwrap());
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn to_json_string(&self) -> Result<String, Error> {
        serde_json::to_string_pretty(&self.to_json_value()).map_err(Error::serialize)
    }

    /// As [`Import::to_json_string`], held as a JSON value.
    ///
    /// # Examples
    ///
    /// ```
    /// let import = govgraph::popolo::from_json_str(r#"{"persons": [{"id": "p", "name": "P", "gender": "male"}]}"#)?;
    /// assert_eq!(import.to_json_value()["persons"][0]["gender"], "male");
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn to_json_value(&self) -> Value {
        write::write(&self.structure, Some(&self.kept))
    }
}

/// Something in a Popolo document that govgraph could not represent, and
/// kept instead, with where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Warning {
    /// What it is.
    pub kind: WarningKind,
    /// Where: the key path, and the file when read with [`from_path`].
    pub location: Location,
    /// A second place it involves: for a repeated seat, the first.
    pub related: Option<Location>,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.location, self.kind)?;
        if let Some(related) = &self.related {
            write!(f, " (first at {related})")?;
        }
        Ok(())
    }
}

/// What a [`Warning`] is about.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum WarningKind {
    /// A membership repeats a seat already read: the same organisation,
    /// member, role and dates (two terms recorded without dates).
    RepeatedSeat,
    /// A membership is in an organisation read as a partner organisation,
    /// which has no seats.
    SeatOnPartner {
        /// The partner organisation.
        organisation: Id,
    },
    /// A membership's `member` is a body, and bodies hold no seats.
    MemberIsBody {
        /// The body.
        id: Id,
    },
    /// A membership is held on behalf of a body rather than a partner
    /// organisation; the seat is read without it.
    OnBehalfOfBody {
        /// The body.
        id: Id,
    },
    /// A post's `organization_id`, or a partner organisation's `parent_id`,
    /// is a body; govgraph records only a partner organisation there.
    OrganisationIsBody {
        /// The body.
        id: Id,
    },
    /// A role with no govgraph word; the seat is read as `member`.
    UnknownRole {
        /// The role as written.
        role: String,
    },
    /// A classification with no govgraph body kind (or none at all); the
    /// body is read as kind `other`.
    UnknownClassification {
        /// The classification as written, if there is one.
        classification: Option<String>,
    },
    /// An `area_id` or `legislative_period_id` that names no area or event
    /// in the document.
    DanglingReference {
        /// The id as written.
        id: String,
    },
    /// Memberships or posts embedded in an organisation or person, which are
    /// not read.
    EmbeddedNotRead,
}

impl fmt::Display for WarningKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const KEPT: &str = "kept for writing back";
        match self {
            WarningKind::RepeatedSeat => write!(
                f,
                "repeats a seat already read (same organisation, member, role and dates): seated once, {KEPT}"
            ),
            WarningKind::SeatOnPartner { organisation } => write!(
                f,
                "{:?} is read as a partner organisation, which has no seats: not seated, {KEPT}",
                organisation.as_str()
            ),
            WarningKind::MemberIsBody { id } => write!(
                f,
                "{:?} is a body, and a body holds no seats: not seated, {KEPT}",
                id.as_str()
            ),
            WarningKind::OnBehalfOfBody { id } => write!(
                f,
                "{:?} is a body, not a partner organisation: seated without it, {KEPT}",
                id.as_str()
            ),
            WarningKind::OrganisationIsBody { id } => write!(
                f,
                "{:?} is a body; govgraph records only a partner organisation here: {KEPT}",
                id.as_str()
            ),
            WarningKind::UnknownRole { role } => write!(
                f,
                "role {role:?} is not a govgraph role: seated as \"member\", the text kept"
            ),
            WarningKind::UnknownClassification {
                classification: Some(classification),
            } => write!(
                f,
                "classification {classification:?} has no govgraph body kind: read as \"other\", the text kept"
            ),
            WarningKind::UnknownClassification {
                classification: None,
            } => f.write_str("no classification: read as kind \"other\""),
            WarningKind::DanglingReference { id } => {
                write!(f, "{id:?} names nothing in the document: {KEPT} as written")
            }
            WarningKind::EmbeddedNotRead => write!(
                f,
                "embedded list not read (list memberships and posts at the top level): {KEPT}"
            ),
        }
    }
}

/// What an import kept of the document beyond the structure.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct Kept {
    /// Unused fields of organisations, persons and posts, by id.
    pub(super) entities: BTreeMap<Id, Map<String, Value>>,
    /// Unused fields of the memberships seats were read from.
    pub(super) seats: BTreeMap<SeatKey, Map<String, Value>>,
    /// The document's keys beside the four collections.
    pub(super) document: Map<String, Value>,
    /// Memberships that did not become seats, whole.
    pub(super) unseated: Vec<Value>,
}

/// What makes a seat one seat: see [`Membership`].
pub(super) type SeatKey = (Id, Id, Role, Option<crate::Date>, Option<crate::Date>);

pub(super) fn seat_key(membership: &Membership) -> SeatKey {
    (
        membership.body.clone(),
        membership.member.clone(),
        membership.role,
        membership.start,
        membership.end,
    )
}
