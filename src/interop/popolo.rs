//! Reading and writing [Popolo](https://www.popoloproject.com/) JSON, the
//! format civic data about organisations, people, posts and memberships is
//! published in.
//!
//! [`from_json_str`] and [`from_path`] read a Popolo document in its
//! collection form (`organizations`, `persons`, `posts`, `memberships`, and
//! anything else beside them) into a validated [`Structure`], wrapped in an
//! [`Import`] that also holds the [`Warning`]s about what govgraph could not
//! represent and every field it did not use; [`from_json_str_with`] and
//! [`from_path_with`] take [`ImportOptions`], a role table of the user's
//! own. [`to_json_string`] writes a structure as Popolo;
//! [`Import::to_json_string`] writes an imported structure back with the
//! fields it kept, in the document's own order.
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
//! | `classification` | the body's kind: a govgraph kind word, or `legislature`, `chamber`, `parliament`, `senate`, `council`, `city council`, ... (assembly), `subcommittee`, `commission`, ... (committee), `cabinet`, `government` (executive), `ministry` (directorate), `caucus`, `faction`, `parliamentary group`, `working group` (group), `task force` (task-and-finish group); anything else is kind `other`, with a warning |
//! | `parent_id` of a body | a `sub_group_of` relation to the parent |
//! | no `parent_id` | the body is an apex |
//! | `dissolution_date` | status dissolved (otherwise active) |
//! | `parent_id` of a partner organisation | the organisation it belongs to |
//! | a person | a member of kind person |
//! | a post (`label`) | a member of kind post; its `organization_id`, when that is a partner organisation, is the organisation it belongs to |
//! | a membership | a seat on the body named by `organization_id`, held by `person_id`, or else `post_id`, or else `member.id` |
//! | `role` | the seat's role: first the user's table ([`ImportOptions::role`]), then a govgraph role word, then the words legislatures and councils use: `chairman`, `chairperson`, `co-chair`, `convenor`, `mayor`, `lord mayor`, `lord provost`, `president`, `speaker`, ... (chair), `deputy chair`, `vice chairperson`, `deputy mayor`, `deputy lord mayor`, `deputy speaker`, `vice president`, ... (vice-chair), `councillor`, `alderman`, `senator`, `committee member`, `board member`, ... (member); matched whatever the case, spaces, hyphens or underscores; anything else is `member`, with a warning. A `leader` leads an executive and is not a chair, so it is left for the user's table |
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
//! member, role and dates, as in two terms without dates), a membership
//! whose role is read as the same govgraph role as another of the same
//! member on the same organisation (`councillor` and a role the user's
//! table also reads as `member`: one seat can say only one), a seat on a
//! partner organisation, a post or partner organisation placed in a body, a role or
//! classification with no govgraph word, an `area_id` or
//! `legislative_period_id` naming nothing in the document, and memberships
//! or posts embedded inside organisations or persons (which are kept, not
//! read: list them at the top level). A person holding two roles on one
//! body (a mayor who is also a councillor) holds two seats.
//!
//! Warnings name the file when the document is read from a path.
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
//! A document that is not Popolo's collection form is refused, saying what
//! it looks like and what to do: a collection spelt otherwise
//! (`"organisations"`, `"people"`, `"Memberships"`), or a govgraph
//! structure file (`"body"`, `"member"`, `"structure"` and no Popolo
//! collection). So is a document in which no organisation reads as a body,
//! which is most likely the wrong file: an empty object, no
//! `organizations`, or only parties.
//!
//! ```
//! let err = govgraph::popolo::from_json_str(r#"{"organisations": []}"#).unwrap_err();
//! assert!(err.to_string().starts_with(
//!     r#"organisations: "organisations" is not a Popolo collection: Popolo spells it "organizations""#
//! ));
//! let err = govgraph::popolo::from_json_str(r#"{"body": [{"id": "b", "name": "B", "kind": "board"}]}"#)
//!     .unwrap_err();
//! assert!(err.to_string().contains("this is a govgraph structure file, not a Popolo document"));
//! ```
//!
//! # How a structure becomes Popolo
//!
//! Bodies and partner organisations are written as `organizations`, members
//! of kind person as `persons`, posts as `posts` (name as `label`), seats as
//! `memberships`; all sorted by id, seats in the structure's order (an
//! [`Import`] written back follows its document's order instead). A body's
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
use crate::model::{Id, Membership, Role, Structure, fold_word};

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
    read::read(text, &ImportOptions::default())
}

/// Reads a Popolo JSON document with [`ImportOptions`]: a role table of
/// the user's own.
///
/// # Errors
///
/// As [`from_json_str`].
///
/// # Examples
///
/// ```
/// use govgraph::Role;
/// use govgraph::popolo::ImportOptions;
///
/// let import = govgraph::popolo::from_json_str_with(r#"{
///     "organizations": [{"id": "board", "name": "Board", "classification": "board"}],
///     "persons": [{"id": "p1", "name": "A Person"}],
///     "memberships": [{"person_id": "p1", "organization_id": "board", "role": "Secretary"}]
/// }"#, &ImportOptions::new().role("secretary", Role::LeadOfficer))?;
/// assert_eq!(import.structure().memberships()[0].role, Role::LeadOfficer);
/// // The role's own words are kept, and written back.
/// assert_eq!(import.to_json_value()["memberships"][0]["role"], "Secretary");
/// # Ok::<(), govgraph::Error>(())
/// ```
pub fn from_json_str_with(text: &str, options: &ImportOptions) -> Result<Import, Error> {
    read::read(text, options)
}

/// Reads a Popolo JSON file. Every location in an error names the file.
///
/// # Errors
///
/// [`ErrorKind::Io`](crate::ErrorKind::Io) if the file cannot be read;
/// [`ErrorKind::NotUtf8`](crate::ErrorKind::NotUtf8), at its first bad
/// byte, if it is not UTF-8 text; otherwise as [`from_json_str`].
///
/// # Examples
///
/// ```
/// let err = govgraph::popolo::from_path("no/such/popolo.json").unwrap_err();
/// assert!(err.to_string().starts_with("no/such/popolo.json: "));
/// ```
pub fn from_path(path: impl AsRef<Path>) -> Result<Import, Error> {
    from_path_with(path, &ImportOptions::default())
}

/// Reads a Popolo JSON file with [`ImportOptions`]. Every location in an
/// error or warning names the file.
///
/// # Errors
///
/// As [`from_path`].
///
/// # Examples
///
/// ```
/// use govgraph::popolo::ImportOptions;
///
/// let err = govgraph::popolo::from_path_with("no/such/popolo.json", &ImportOptions::new())
///     .unwrap_err();
/// assert!(err.to_string().starts_with("no/such/popolo.json: "));
/// ```
pub fn from_path_with(path: impl AsRef<Path>, options: &ImportOptions) -> Result<Import, Error> {
    let path = path.as_ref();
    let text = crate::load::read_text(path)?;
    let mut import = read::read(&text, options).map_err(|e| e.in_file(path))?;
    for warning in &mut import.warnings {
        for location in std::iter::once(&mut warning.location).chain(warning.related.as_mut()) {
            if location.file.is_none() {
                location.file = Some(path.to_path_buf());
            }
        }
    }
    Ok(import)
}

/// Writes a structure as a Popolo JSON document, with what Popolo cannot say
/// in `govgraph` extension objects. Reading the result with
/// [`from_json_str`] gives back an equal structure.
///
/// # Errors
///
/// [`WriteError`](crate::WriteError) if the JSON writer fails, which it does
/// not for a structure.
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
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn to_json_string(structure: &Structure) -> Result<String, crate::WriteError> {
    serde_json::to_string_pretty(&to_json_value(structure))
        .map_err(|e| crate::WriteError::new("Popolo JSON", e))
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

/// How a Popolo document is read: a role table of the user's own, asked
/// before govgraph's. Every setter takes and returns the options by value.
///
/// # Examples
///
/// ```
/// use govgraph::Role;
/// use govgraph::popolo::ImportOptions;
///
/// let text = r#"{
///     "organizations": [{"id": "council", "name": "Borough Council", "classification": "council"}],
///     "persons": [{"id": "ann", "name": "Ann Example"}],
///     "memberships": [
///         {"person_id": "ann", "organization_id": "council", "role": "Leader of the Council"}
///     ]
/// }"#;
/// // Without a table, "Leader of the Council" has no govgraph role.
/// let import = govgraph::popolo::from_json_str(text)?;
/// assert_eq!(import.structure().memberships()[0].role, Role::Member);
/// assert_eq!(
///     import.warnings()[0].to_string(),
///     r#"membership of "Ann Example" (memberships[0].role): role "Leader of the Council" is not a govgraph role: seated as "member", the text kept (give it one with ImportOptions::role)"#,
/// );
///
/// let options = ImportOptions::new().role("leader of the council", Role::LeadOfficer);
/// let import = govgraph::popolo::from_json_str_with(text, &options)?;
/// assert_eq!(import.structure().memberships()[0].role, Role::LeadOfficer);
/// assert!(import.warnings().is_empty());
/// # Ok::<(), govgraph::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportOptions {
    /// Folded role texts and their roles, in the order given.
    roles: Vec<(String, Role)>,
}

impl ImportOptions {
    /// The defaults: govgraph's role words and its built-in table (see the
    /// [module documentation](self)).
    ///
    /// # Examples
    ///
    /// ```
    /// let options = govgraph::popolo::ImportOptions::new();
    /// assert_eq!(options, Default::default());
    /// ```
    pub fn new() -> ImportOptions {
        ImportOptions::default()
    }

    /// Reads a membership whose `role` is this text as a seat in this role.
    /// The text is matched as vocabulary words are, whatever its case,
    /// spaces, hyphens or underscores (`"Portfolio Holder"` matches
    /// `"portfolio_holder"`). The user's table is asked before govgraph's
    /// words and built-in table, so it can also change what they say; when
    /// a text is given twice, the last wins. The role's own text is kept,
    /// and written back on export.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::Role;
    /// use govgraph::popolo::ImportOptions;
    ///
    /// let options = ImportOptions::new()
    ///     .role("Portfolio Holder", Role::Member)
    ///     .role("Cabinet Adviser", Role::Observer);
    /// let import = govgraph::popolo::from_json_str_with(r#"{
    ///     "organizations": [{"id": "cabinet", "name": "Cabinet", "classification": "cabinet"}],
    ///     "persons": [{"id": "bo", "name": "Bo"}],
    ///     "memberships": [{"person_id": "bo", "organization_id": "cabinet", "role": "cabinet_adviser"}]
    /// }"#, &options)?;
    /// assert_eq!(import.structure().memberships()[0].role, Role::Observer);
    /// assert!(import.warnings().is_empty());
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn role(mut self, text: &str, role: Role) -> ImportOptions {
        self.roles.push((fold_word(text), role));
        self
    }
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
    /// let import = govgraph::popolo::from_json_str(
    ///     r#"{"organizations": [{"id": "council", "name": "Council", "classification": "council"}]}"#,
    /// )?;
    /// assert_eq!(import.structure().body("council").unwrap().kind, govgraph::BodyKind::Assembly);
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
    /// let s = govgraph::popolo::from_json_str(
    ///     r#"{"organizations": [{"id": "council", "name": "Council", "classification": "council"}]}"#,
    /// )?
    /// .into_structure();
    /// assert_eq!(s.bodies().count(), 1);
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
    ///     r#"membership of "P" (memberships[0].role): role "Whip" is not a govgraph role: seated as "member", the text kept (give it one with ImportOptions::role)"#,
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
    ///     "organizations": [{"id": "council", "name": "Council", "classification": "council"}],
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
    /// let import = govgraph::popolo::from_json_str(r#"{
    ///     "organizations": [{"id": "council", "name": "Council", "classification": "council"}],
    ///     "meta": {"sources": ["a paper"]}
    /// }"#)?;
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
    ///     "organizations": [{"id": "red", "name": "Red Party", "classification": "party"},
    ///                       {"id": "council", "name": "Council", "classification": "council"}],
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
    /// document read and written again says what it said, laid out as it
    /// was: the document's keys, each collection and each object's keys in
    /// the order the document had them, and no collection the document did
    /// not have (no `"posts": []` added). A re-exported file differs from
    /// its original only in what serde_json's pretty printer does
    /// otherwise: two-space indents, an empty array written `[]`, no
    /// newline at the end; and fields govgraph used that were `null` are
    /// left out. (A structure written by [`to_json_string`] has no input
    /// to follow, and is sorted by id.)
    ///
    /// # Errors
    ///
    /// [`WriteError`](crate::WriteError) if the JSON writer fails, which it
    /// does not.
    ///
    /// # Examples
    ///
    /// ```
    /// let text = r#"{
    ///   "persons": [
    ///     {
    ///       "name": "Sue O'Hara",
    ///       "id": "sue"
    ///     }
    ///   ],
    ///   "organizations": [
    ///     {
    ///       "id": "council/zeta",
    ///       "name": "Zeta Council",
    ///       "classification": "legislature"
    ///     },
    ///     {
    ///       "id": "council/alpha",
    ///       "name": "Alpha Council",
    ///       "classification": "legislature"
    ///     }
    ///   ],
    ///   "memberships": [
    ///     {
    ///       "person_id": "sue",
    ///       "organization_id": "council/zeta",
    ///       "role": "Lord Mayor"
    ///     },
    ///     {
    ///       "person_id": "sue",
    ///       "organization_id": "council/zeta",
    ///       "role": "councillor"
    ///     }
    ///   ],
    ///   "events": []
    /// }"#;
    /// let import = govgraph::popolo::from_json_str(text)?;
    /// assert_eq!(import.to_json_string()?, text);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn to_json_string(&self) -> Result<String, crate::WriteError> {
        serde_json::to_string_pretty(&self.to_json_value())
            .map_err(|e| crate::WriteError::new("Popolo JSON", e))
    }

    /// As [`Import::to_json_string`], held as a JSON value.
    ///
    /// # Examples
    ///
    /// ```
    /// let import = govgraph::popolo::from_json_str(r#"{
    ///     "organizations": [{"id": "council", "name": "Council", "classification": "council"}],
    ///     "persons": [{"id": "p", "name": "P", "gender": "male"}]
    /// }"#)?;
    /// assert_eq!(import.to_json_value()["persons"][0]["gender"], "male");
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn to_json_value(&self) -> Value {
        write::write(&self.structure, Some(&self.kept))
    }
}

/// Something in a Popolo document that govgraph could not represent, and
/// kept instead, with where it is.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[non_exhaustive]
pub struct Warning {
    /// What it is.
    pub kind: WarningKind,
    /// Where: the key path, and the file when read with [`from_path`] or
    /// [`from_path_with`].
    pub location: Location,
    /// A second place it involves: for a repeated seat, the first.
    pub related: Option<Location>,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.location, self.kind)?;
        if let Some(related) = &self.related {
            // The second place is in the same file: name the file once.
            if related.file.is_some() && related.file == self.location.file {
                let in_same_file = Location {
                    file: None,
                    ..related.clone()
                };
                write!(f, " (first at {in_same_file})")?;
            } else {
                write!(f, " (first at {related})")?;
            }
        }
        Ok(())
    }
}

/// What a [`Warning`] is about.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
#[non_exhaustive]
pub enum WarningKind {
    /// A membership repeats a seat already read: the same organisation,
    /// member, role and dates (two terms recorded without dates).
    RepeatedSeat,
    /// A membership's role is read as the same govgraph role as another
    /// membership of the same member on the same organisation with the
    /// same dates, though the document words the two roles differently
    /// (two texts a user's role table maps onto one role); a structure
    /// holds one seat for both, so this one is kept, not seated.
    RoleSharesSeat {
        /// The govgraph role both are read as.
        role: Role,
        /// This membership's role, as written.
        text: Option<String>,
        /// The first membership's role, as written.
        first: Option<String>,
    },
    /// A membership is in an organisation read as a partner organisation,
    /// which has no seats.
    SeatOnPartner {
        /// The partner organisation.
        organisation: Id,
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
            WarningKind::OrganisationIsBody { id } => write!(
                f,
                "{:?} is a body; govgraph records only a partner organisation here: {KEPT}",
                id.as_str()
            ),
            WarningKind::RoleSharesSeat { role, text, first } => {
                let words = |text: &Option<String>| match text {
                    Some(text) => format!("role {text:?}"),
                    None => "no role".to_string(),
                };
                write!(
                    f,
                    "{} is read as {:?}, as is the same member's {} on the same organisation, and a structure holds one such seat: not seated, {KEPT}; give the roles different govgraph roles with ImportOptions::role",
                    words(text),
                    role.as_str(),
                    words(first),
                )
            }
            WarningKind::UnknownRole { role } => write!(
                f,
                "role {role:?} is not a govgraph role: seated as \"member\", the text kept (give it one with ImportOptions::role)"
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
    /// How the document was laid out, to write it back the same way.
    pub(super) layout: Layout,
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

/// The order of an imported document: its keys, the order of each
/// collection, and the order of each object's keys (shared among objects
/// written alike), so that writing it back changes only what changed.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct Layout {
    /// The document's keys, in order; empty for a structure not imported.
    pub(super) top: Vec<String>,
    /// Organisations (bodies and partners), persons and posts, by id.
    pub(super) organizations: Vec<Id>,
    pub(super) persons: Vec<Id>,
    pub(super) posts: Vec<Id>,
    /// The memberships, seats and not.
    pub(super) memberships: Vec<Slot>,
    /// Key orders; objects point into this list.
    pub(super) shapes: Vec<Vec<String>>,
    pub(super) entity_shapes: BTreeMap<Id, usize>,
    pub(super) seat_shapes: BTreeMap<SeatKey, usize>,
}

impl Layout {
    /// Records an organisation, person or post, in the collection it is in.
    pub(super) fn record(&mut self, id: &Id, shape: usize, collection: &str) {
        let list = match collection {
            "organizations" => &mut self.organizations,
            "persons" => &mut self.persons,
            _ => &mut self.posts,
        };
        list.push(id.clone());
        self.entity_shapes.insert(id.clone(), shape);
    }
}

/// One membership of an imported document.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Slot {
    /// It became this seat.
    Seat(SeatKey),
    /// It is kept whole, at this index of the memberships not seated.
    Unseated(usize),
}
