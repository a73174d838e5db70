//! Reading a Popolo document into a structure.
//!
//! The document is parsed into a `serde_json::Value` and walked by hand, so
//! that every value govgraph does not use can be kept as written and every
//! problem located by its key path. Shapes (types, missing ids) stop the
//! walk at the first error, as a parser would; references are checked once
//! every id is known, and every problem with them is collected. The
//! structure is then built through the builder, which validates it again.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde_json::{Map, Value};

use super::ext::{self, Ext, ExtFor, PARTNER_FIELDS, PendingRelation};
use super::json::{At, as_object, opt_date, opt_str, required_id, take_list, without};
use super::rules::{self, References, type_name};
use super::{Import, ImportOptions, Kept, SeatKey, Slot, Warning, WarningKind};
use crate::builder::{BodySpec, MemberSpec, Seat, Target};
use crate::error::{Error, Location, Problem, ProblemKind};
use crate::load::{is_valid_id, json_syntax, syntax_at};
use crate::model::{
    BodyKind, Date, Id, MemberKind, RelationKind, Role, Status, Structure, fold_word,
};

pub(super) fn read(text: &str, options: &ImportOptions) -> Result<Import, Error> {
    let document: Value =
        serde_json::from_str(text).map_err(|e| json_syntax(text, &e, String::new()))?;
    let Value::Object(top) = document else {
        // Point at the value itself, since a Location with no key or
        // position would read as "structure".
        let before = text.len() - text.trim_start().len();
        return Err(syntax_at(
            text,
            before,
            format!(
                "expected a Popolo document, a JSON object holding organizations, persons, posts and memberships; found {}",
                type_name(&document)
            ),
        ));
    };
    check_document_shape(&top)?;
    Reader::new(options).document(top)
}

/// Refuses, with what the file looks like and what to do, a document that
/// is not Popolo's collection form: a collection spelt otherwise
/// (`organisations`), or a govgraph structure file.
fn check_document_shape(top: &Map<String, Value>) -> Result<(), Error> {
    const COLLECTIONS: [&str; 4] = ["organizations", "persons", "posts", "memberships"];
    const OTHER_SPELLINGS: &[(&str, &str)] = &[
        ("organisations", "organizations"),
        ("organisation", "organizations"),
        ("organization", "organizations"),
        ("people", "persons"),
        ("person", "persons"),
        ("post", "posts"),
        ("membership", "memberships"),
    ];
    let at_key = |key: &str| Location {
        key: key.to_string(),
        ..Location::default()
    };
    for key in top.keys() {
        let spelt = OTHER_SPELLINGS
            .iter()
            .find(|(other, _)| key.eq_ignore_ascii_case(other))
            .map(|(_, popolo)| *popolo)
            .or_else(|| {
                COLLECTIONS
                    .into_iter()
                    .find(|popolo| key != popolo && key.eq_ignore_ascii_case(popolo))
            });
        if let Some(popolo) = spelt {
            let how = if key.eq_ignore_ascii_case("organisations") {
                format!("Popolo spells it {popolo:?}, with a z and in lower case")
            } else {
                format!("Popolo calls it {popolo:?}")
            };
            return Err(Error::syntax(
                at_key(key),
                format!(
                    "{key:?} is not a Popolo collection: {how}; rename the key (a Popolo document holds organizations, persons, posts and memberships)"
                ),
            ));
        }
    }
    let popolo = COLLECTIONS.iter().any(|c| top.contains_key(*c));
    if !popolo
        && let Some(key) = ["body", "member", "structure"]
            .into_iter()
            .find(|k| top.contains_key(*k))
    {
        return Err(Error::syntax(
            at_key(key),
            format!(
                "this is a govgraph structure file, not a Popolo document (it has {key:?} and no organizations, persons, posts or memberships): read it with Structure::from_json_str or Structure::from_path"
            ),
        ));
    }
    Ok(())
}

/// What an id was defined as.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Defined {
    Body,
    Partner,
    Person,
    Post,
}

/// What became of a membership.
enum Read {
    /// It is a seat; the fields it used are not kept.
    Seated {
        key: SeatKey,
        consumed: Vec<&'static str>,
    },
    /// It is kept whole, with a warning saying why it is not a seat.
    NotSeated,
    /// It has problems, and the import fails.
    Invalid,
}

/// An organisation, read and waiting for every id to be known.
struct PendingOrganization {
    at: At,
    id: Id,
    name: Option<String>,
    partner: bool,
    kind: BodyKind,
    parent: Option<String>,
    dissolved: bool,
    ext: Ext,
    kept: Map<String, Value>,
}

/// A person or post, read and waiting for every id to be known.
struct PendingMember {
    at: At,
    id: Id,
    name: Option<String>,
    kind: MemberKind,
    /// A post's `organization_id`.
    organization: Option<String>,
    ext: Ext,
    kept: Map<String, Value>,
}

struct Reader<'o> {
    options: &'o ImportOptions,
    problems: Vec<Problem>,
    warnings: Vec<Warning>,
    defined: BTreeMap<Id, (Defined, Location)>,
    /// Names by id, to say whose a membership is.
    names: BTreeMap<String, String>,
    kept: Kept,
    /// Object key orders met so far, to share one among objects alike.
    shapes: HashMap<Vec<String>, usize>,
    /// The shape of the object read last.
    last_shape: Option<usize>,
}

impl<'o> Reader<'o> {
    fn new(options: &'o ImportOptions) -> Reader<'o> {
        Reader {
            options,
            problems: Vec::new(),
            warnings: Vec::new(),
            defined: BTreeMap::new(),
            names: BTreeMap::new(),
            kept: Kept::default(),
            shapes: HashMap::new(),
            last_shape: None,
        }
    }

    /// The index of this object's key order in the layout's shapes.
    fn shape(&mut self, object: &Map<String, Value>) -> usize {
        // Objects of one collection are mostly written alike: try the
        // shape met last before copying the keys to look them up.
        if let Some(last) = self.last_shape
            && self.kept.layout.shapes[last].iter().eq(object.keys())
        {
            return last;
        }
        let keys: Vec<String> = object.keys().cloned().collect();
        let index = match self.shapes.get(&keys) {
            Some(index) => *index,
            None => {
                let index = self.kept.layout.shapes.len();
                self.kept.layout.shapes.push(keys.clone());
                self.shapes.insert(keys, index);
                index
            }
        };
        self.last_shape = Some(index);
        index
    }

    fn document(mut self, mut top: Map<String, Value>) -> Result<Import, Error> {
        let root = At::new(String::new());
        self.kept.layout.top = top.keys().cloned().collect();
        let organizations = take_list(&mut top, "organizations")?;
        let persons = take_list(&mut top, "persons")?;
        let posts = take_list(&mut top, "posts")?;
        let memberships = take_list(&mut top, "memberships")?;
        let mut successions = Vec::new();
        let meta = match top.shift_remove("govgraph") {
            None | Some(Value::Null) => None,
            Some(ext) => {
                successions = ext::successions(&ext)?;
                Some(ext::structure_meta(&ext, &root)?)
            }
        };
        let kept_ids = kept_ids(&top);
        self.kept.document = top;

        let references = References::scan(
            organizations.iter().filter_map(Value::as_object),
            &memberships,
        );
        // Each value is read by reference, then what govgraph did not use is
        // moved, not copied, into what the import keeps.
        let mut pending_organizations = Vec::with_capacity(organizations.len());
        for (i, value) in organizations.into_iter().enumerate() {
            let at = At::new(format!("organizations[{i}]"));
            let object = as_object(&value, &at)?;
            let (mut organization, consumed) =
                self.organization(object, at, &references, &kept_ids)?;
            let shape = self.shape(object);
            self.kept
                .layout
                .record(&organization.id, shape, "organizations");
            organization.kept = without(value, &consumed);
            pending_organizations.push(organization);
        }
        let mut pending_members = Vec::with_capacity(persons.len() + posts.len());
        let people = persons
            .into_iter()
            .map(|p| ("persons", MemberKind::Person, p));
        let posts = posts.into_iter().map(|p| ("posts", MemberKind::Post, p));
        for (i, (list, kind, value)) in people.enumerate().chain(posts.enumerate()) {
            let at = At::new(format!("{list}[{i}]"));
            let object = as_object(&value, &at)?;
            let (mut member, consumed) = self.member(object, at, kind, &kept_ids)?;
            let shape = self.shape(object);
            self.kept.layout.record(&member.id, shape, list);
            member.kept = without(value, &consumed);
            pending_members.push(member);
        }

        let mut seats: BTreeMap<Id, Vec<Seat>> = BTreeMap::new();
        let mut seen: BTreeMap<SeatKey, (Location, Option<String>)> = BTreeMap::new();
        for (i, value) in memberships.into_iter().enumerate() {
            let at = At::new(format!("memberships[{i}]"));
            let object = as_object(&value, &at)?;
            match self.membership(object, at, &kept_ids, &mut seats, &mut seen)? {
                Read::Seated { key, consumed } => {
                    let shape = self.shape(object);
                    self.kept.layout.seat_shapes.insert(key.clone(), shape);
                    self.kept.layout.memberships.push(Slot::Seat(key.clone()));
                    let kept = without(value, &consumed);
                    if !kept.is_empty() {
                        self.kept.seats.insert(key, kept);
                    }
                }
                Read::NotSeated => {
                    let index = self.kept.unseated.len();
                    self.kept.layout.memberships.push(Slot::Unseated(index));
                    self.kept.unseated.push(value);
                }
                Read::Invalid => {}
            }
        }

        let bodies = pending_organizations.iter().filter(|o| !o.partner).count();
        let mut builder = Structure::builder();
        for succession in successions {
            builder = builder.succession(succession);
        }
        if let Some(meta) = meta {
            for (field, value) in meta {
                builder = match field {
                    "name" => builder.name(value),
                    "source" => builder.source(value),
                    "date" => builder.date(value),
                    _ => builder.note(value),
                };
            }
        }
        for organization in pending_organizations {
            if organization.partner {
                if let Some(spec) = self.partner_spec(organization) {
                    builder = builder.member(spec);
                }
            } else {
                let body_seats = seats.remove(&organization.id).unwrap_or_default();
                if let Some(spec) = self.body_spec(organization, body_seats) {
                    builder = builder.body(spec);
                }
            }
        }
        for member in pending_members {
            if let Some(spec) = self.member_spec(member) {
                builder = builder.member(spec);
            }
        }
        if !self.problems.is_empty() {
            return Err(Error::invalid(self.problems));
        }
        if bodies == 0 {
            return Err(no_bodies(&self.kept, &self.kept.layout.top));
        }
        let structure = builder.build()?;
        // References are resolved after the memberships are read; report in
        // document order all the same.
        self.warnings
            .sort_by_key(|w| document_order(&w.location.key));
        Ok(Import {
            structure,
            warnings: self.warnings,
            kept: self.kept,
        })
    }

    /// Reads an organisation; also gives the fields it used.
    fn organization(
        &mut self,
        object: &Map<String, Value>,
        mut at: At,
        references: &References,
        kept_ids: &BTreeSet<String>,
    ) -> Result<(PendingOrganization, Vec<&'static str>), Error> {
        let id = required_id(object, &at, "organization")?;
        at.subject = Some(format!("organization {id:?}"));
        let name = opt_str(object, "name", &at)?;
        let classification = opt_str(object, "classification", &at)?;
        let parent = opt_str(object, "parent_id", &at)?;
        let dissolved = opt_date(object, "dissolution_date", &at)?.is_some();
        let ext = ext::read(
            object.get("govgraph"),
            &at,
            ExtFor::Organization,
            &mut self.problems,
        )?;
        let partner = ext
            .partner
            .unwrap_or_else(|| references.is_partner(id, classification));
        if let Some(key) = ext
            .keys
            .iter()
            .find(|k| partner && !PARTNER_FIELDS.contains(&k.as_str()))
        {
            return Err(at.shape(
                &format!("govgraph.{key}"),
                "this organisation is read as a partner organisation, and only a body has this field",
            ));
        }
        self.embedded(object, &at, &["memberships", "posts"]);
        self.dangling(object, &at, "area_id", kept_ids);
        self.define(
            id,
            if partner {
                Defined::Partner
            } else {
                Defined::Body
            },
            at.field("id"),
        );

        let mut consumed = vec!["id", "name", "parent_id", "govgraph"];
        let mut kind = BodyKind::Other;
        if !partner {
            match classification.map(|c| (c, rules::body_kind(c))) {
                Some((_, Some((mapped, exact)))) => {
                    kind = mapped;
                    if exact {
                        consumed.push("classification");
                    }
                }
                Some((text, None)) => self.warn(
                    WarningKind::UnknownClassification {
                        classification: Some(text.to_string()),
                    },
                    at.field("classification"),
                ),
                None => self.warn(
                    WarningKind::UnknownClassification {
                        classification: None,
                    },
                    at.here(),
                ),
            }
        }
        let organization = PendingOrganization {
            id: Id::new(id),
            name: self.name(id, name, at.field("name")),
            partner,
            kind,
            parent: parent.map(str::to_string),
            dissolved,
            ext,
            kept: Map::new(),
            at,
        };
        Ok((organization, consumed))
    }

    /// Reads a person or post; also gives the fields it used.
    fn member(
        &mut self,
        object: &Map<String, Value>,
        mut at: At,
        kind: MemberKind,
        kept_ids: &BTreeSet<String>,
    ) -> Result<(PendingMember, Vec<&'static str>), Error> {
        let what = if kind == MemberKind::Post {
            "post"
        } else {
            "person"
        };
        let id = required_id(object, &at, what)?;
        at.subject = Some(format!("{what} {id:?}"));
        let name_key = if kind == MemberKind::Post {
            "label"
        } else {
            "name"
        };
        let name = opt_str(object, name_key, &at)?;
        let organization = if kind == MemberKind::Post {
            opt_str(object, "organization_id", &at)?
        } else {
            None
        };
        let for_ext = if kind == MemberKind::Post {
            ExtFor::Post
        } else {
            ExtFor::Person
        };
        let ext = ext::read(object.get("govgraph"), &at, for_ext, &mut self.problems)?;
        self.embedded(object, &at, &["memberships"]);
        self.dangling(object, &at, "area_id", kept_ids);
        self.define(
            id,
            if kind == MemberKind::Post {
                Defined::Post
            } else {
                Defined::Person
            },
            at.field("id"),
        );
        let member = PendingMember {
            id: Id::new(id),
            name: self.name(id, name, at.field(name_key)),
            kind,
            organization: organization.map(str::to_string),
            ext,
            kept: Map::new(),
            at,
        };
        Ok((member, vec!["id", name_key, "organization_id", "govgraph"]))
    }

    /// Reads a membership into a seat, or says why it is not one.
    fn membership(
        &mut self,
        object: &Map<String, Value>,
        mut at: At,
        kept_ids: &BTreeSet<String>,
        seats: &mut BTreeMap<Id, Vec<Seat>>,
        seen: &mut BTreeMap<SeatKey, (Location, Option<String>)>,
    ) -> Result<Read, Error> {
        if let Some(id) = opt_str(object, "id", &at)? {
            at.subject = Some(format!("membership {id:?}"));
        }
        let organization = opt_str(object, "organization_id", &at)?.ok_or_else(|| {
            if object.contains_key("organisation_id") {
                return at.shape(
                    "organisation_id",
                    "Popolo spells it \"organization_id\", with a z; rename the key",
                );
            }
            Error::syntax(
                at.here(),
                "missing organization_id: a membership needs the organisation it is in (embedded organization objects are not read)",
            )
        })?;
        let person = opt_str(object, "person_id", &at)?;
        let post = opt_str(object, "post_id", &at)?;
        let member_object = match object.get("member") {
            None | Some(Value::Null) => None,
            Some(Value::Object(member)) => Some(member),
            Some(other) => return Err(at.wrong_type("member", "an object", other)),
        };
        let (member_key, member_id, wanted) = match (person, post, member_object) {
            (Some(person), _, _) => ("person_id", person, Some(Defined::Person)),
            (None, Some(post), _) => ("post_id", post, Some(Defined::Post)),
            (None, None, Some(member)) => {
                let id = opt_str(member, "id", &at.child("member"))?.ok_or_else(|| {
                    at.shape(
                        "member",
                        "missing id: a member object names its member by id",
                    )
                })?;
                ("member", id, None)
            }
            (None, None, None) => {
                return Err(Error::syntax(
                    at.here(),
                    "missing person_id: a membership needs a person_id, post_id or member (embedded person objects are not read)",
                ));
            }
        };
        if at.subject.is_none()
            && let Some(name) = self.names.get(member_id)
        {
            at.subject = Some(format!("membership of {name:?}"));
        }
        let role_text = opt_str(object, "role", &at)?;
        let on_behalf_of = opt_str(object, "on_behalf_of_id", &at)?;
        let start_date = opt_date(object, "start_date", &at)?;
        let end_date = opt_date(object, "end_date", &at)?;
        let ext = ext::read(
            object.get("govgraph"),
            &at,
            ExtFor::Membership,
            &mut self.problems,
        )?;
        if start_date.is_some() && ext.start.is_some() {
            return Err(at.shape("govgraph.start", "give either start_date or govgraph.start"));
        }
        if end_date.is_some() && ext.end.is_some() {
            return Err(at.shape("govgraph.end", "give either end_date or govgraph.end"));
        }
        self.dangling(object, &at, "area_id", kept_ids);
        self.dangling(object, &at, "legislative_period_id", kept_ids);
        // A post beside a person is kept, not read; say so if it dangles.
        if let Some(post) = post.filter(|_| member_key == "person_id")
            && !matches!(self.defined.get(post), Some((Defined::Post, _)))
        {
            self.warn(
                WarningKind::DanglingReference {
                    id: post.to_string(),
                },
                at.field("post_id"),
            );
        }

        let mut seated = true;
        let problems_before = self.problems.len();
        match self.reference(organization, at.field("organization_id")) {
            Some(Defined::Body) => {}
            Some(Defined::Partner) => {
                self.warn(
                    WarningKind::SeatOnPartner {
                        organisation: Id::new(organization),
                    },
                    at.field("organization_id"),
                );
                seated = false;
            }
            Some(Defined::Person | Defined::Post) => {
                self.wrong_target(organization, "an organisation", at.field("organization_id"))
            }
            None => {}
        }
        let member_at = at.field(if member_key == "member" {
            "member.id"
        } else {
            member_key
        });
        match (self.reference(member_id, member_at.clone()), wanted) {
            (None, _) => {}
            // A body may hold a seat: the Trust represented on the Health
            // and Wellbeing Board.
            (Some(Defined::Body), None) => {}
            (Some(found), Some(wanted)) if found != wanted => {
                let expected = if wanted == Defined::Person {
                    "a person"
                } else {
                    "a post"
                };
                self.wrong_target(member_id, expected, member_at);
            }
            (Some(_), _) => {}
        }
        let mut on_behalf_of_used = None;
        if let Some(on_behalf_of) = on_behalf_of {
            let on_at = at.field("on_behalf_of_id");
            match self.reference(on_behalf_of, on_at.clone()) {
                // On behalf of a partner organisation, or of a body (a chair
                // sitting for their own board).
                Some(Defined::Partner | Defined::Body) => on_behalf_of_used = Some(on_behalf_of),
                Some(Defined::Person | Defined::Post) => {
                    self.wrong_target(on_behalf_of, "an organisation", on_at)
                }
                None => {}
            }
        }
        let (role, role_exact) = match role_text {
            None => (Role::Member, true),
            Some(text) => rules::role(text, self.options).unwrap_or_else(|| {
                self.warn(
                    WarningKind::UnknownRole {
                        role: text.to_string(),
                    },
                    at.field("role"),
                );
                (Role::Member, false)
            }),
        };
        if self.problems.len() != problems_before {
            return Ok(Read::Invalid);
        }
        if !seated {
            return Ok(Read::NotSeated);
        }

        let date = |text: Option<String>, field: &str| -> Result<Option<Date>, Error> {
            text.map(|t| {
                t.parse::<Date>()
                    .map_err(|e| at.shape(field, e.to_string()))
            })
            .transpose()
        };
        let start = date(start_date.map(str::to_string).or(ext.start), "start_date")?;
        let end = date(end_date.map(str::to_string).or(ext.end), "end_date")?;
        let key: SeatKey = (Id::new(organization), Id::new(member_id), role, start, end);
        if let Some((first, first_role)) = seen.get(&key) {
            // No role reads as "member", so it is the same words as "Member".
            let words = |text: Option<&str>| fold_word(text.unwrap_or("member"));
            let same_words = words(first_role.as_deref()) == words(role_text);
            let kind = if same_words {
                WarningKind::RepeatedSeat
            } else {
                WarningKind::RoleSharesSeat {
                    role,
                    text: role_text.map(str::to_string),
                    first: first_role.clone(),
                }
            };
            let location = if same_words || role_text.is_none() {
                at.here()
            } else {
                at.field("role")
            };
            self.warnings.push(Warning {
                kind,
                location,
                related: Some(first.clone()),
            });
            return Ok(Read::NotSeated);
        }
        // The first membership is named by its key path alone: the warning
        // already says whose it is.
        seen.insert(
            key.clone(),
            (
                Location {
                    subject: None,
                    ..at.here()
                },
                role_text.map(str::to_string),
            ),
        );

        let mut consumed = vec![
            "organization_id",
            member_key,
            "start_date",
            "end_date",
            "govgraph",
        ];
        if role_exact {
            consumed.push("role");
        }
        if on_behalf_of_used.is_some() {
            consumed.push("on_behalf_of_id");
        }
        let mut seat = Seat::new(member_id, role);
        if ext.intended {
            seat = seat.intended();
        }
        if let Some(start) = start {
            seat = seat.start(start);
        }
        if let Some(end) = end {
            seat = seat.end(end);
        }
        if let Some(on_behalf_of) = on_behalf_of_used {
            seat = seat.on_behalf_of(on_behalf_of);
        }
        if let Some(source) = ext.source {
            seat = seat.source(source);
        }
        if let Some(note) = ext.note {
            seat = seat.note(note);
        }
        seats.entry(Id::new(organization)).or_default().push(seat);
        Ok(Read::Seated { key, consumed })
    }

    /// Turns an organisation read as a body into a spec, resolving its
    /// parent and relations; `None` (with problems recorded) if it cannot.
    fn body_spec(
        &mut self,
        organization: PendingOrganization,
        seats: Vec<Seat>,
    ) -> Option<BodySpec> {
        let PendingOrganization {
            at,
            id,
            name,
            kind,
            parent,
            dissolved,
            ext,
            kept,
            ..
        } = organization;
        let problems_before = self.problems.len();
        let mut spec = BodySpec::new(id.clone(), name.clone().unwrap_or_default(), kind);
        if let Some(parent) = &parent {
            let parent_at = at.field("parent_id");
            match self.reference(parent, parent_at.clone()) {
                Some(Defined::Person | Defined::Post) => {
                    self.wrong_target(parent, "an organisation", parent_at)
                }
                Some(_) if parent.as_str() == id.as_str() => {
                    self.self_relation(&id, RelationKind::SubGroupOf, parent_at)
                }
                Some(_) => {
                    // The extension lists the parent itself when the relation
                    // has a source or note; then that entry is the relation.
                    let listed = ext.relations.iter().any(|r| {
                        r.kind == RelationKind::SubGroupOf && r.to.as_str() == parent.as_str()
                    });
                    if !listed {
                        spec = spec.sub_group_of(parent.as_str());
                    }
                }
                None => {}
            }
        }
        let status = ext.status.unwrap_or(if dissolved {
            Status::Dissolved
        } else {
            Status::Active
        });
        spec = spec.status(status);
        if ext.apex.unwrap_or(parent.is_none()) {
            spec = spec.apex();
        }
        if let Some(since) = &ext.status_since {
            spec = spec.status_since(since);
        }
        if let Some(intended) = ext.intended_status {
            spec = spec.intended_status(intended);
        }
        if let Some(accountability) = ext.accountability {
            spec = spec.accountability(accountability);
        }
        if let Some(count) = ext.count {
            spec = spec.count(count);
        }
        for name in &ext.formerly {
            spec = spec.formerly(name.as_str());
        }
        if ext.statutory {
            spec = spec.statutory();
        }
        if let Some(tier) = ext.tier {
            spec = spec.tier(tier);
        }
        if let Some(purpose) = ext.purpose {
            spec = spec.purpose(purpose);
        }
        for function in ext.functions {
            spec = spec.function(function);
        }
        for theme in ext.themes {
            spec = spec.theme(theme);
        }
        if let Some(meets) = ext.meets {
            spec = spec.meets(meets);
        }
        if let Some(source) = ext.source {
            spec = spec.source(source);
        }
        if let Some(note) = ext.note {
            spec = spec.note(note);
        }
        for relation in ext.relations {
            if let Some(target) = self.relation_target(&id, relation.kind, &relation) {
                spec = spec.relation(relation.kind, target);
            }
        }
        for seat in seats {
            spec = spec.seat_with(seat);
        }
        if !kept.is_empty() {
            self.kept.entities.insert(id, kept);
        }
        (name.is_some() && self.problems.len() == problems_before).then_some(spec)
    }

    fn partner_spec(&mut self, organization: PendingOrganization) -> Option<MemberSpec> {
        let PendingOrganization {
            at,
            id,
            name,
            parent,
            ext,
            mut kept,
            ..
        } = organization;
        let problems_before = self.problems.len();
        let mut spec = MemberSpec::new(
            id.clone(),
            name.clone().unwrap_or_default(),
            MemberKind::Organisation,
        );
        if let Some(parent) = parent {
            let parent_at = at.field("parent_id");
            match self.reference(&parent, parent_at.clone()) {
                // As in structure files, an organisation may name itself.
                Some(Defined::Partner) => spec = spec.organisation(parent.as_str()),
                Some(Defined::Body) => {
                    self.warn(
                        WarningKind::OrganisationIsBody {
                            id: Id::new(parent.as_str()),
                        },
                        parent_at,
                    );
                    kept.insert("parent_id".to_string(), Value::String(parent));
                }
                Some(Defined::Person | Defined::Post) => {
                    self.wrong_target(&parent, "an organisation", parent_at)
                }
                None => {}
            }
        }
        spec = self.member_common(spec, &id, ext);
        if !kept.is_empty() {
            self.kept.entities.insert(id, kept);
        }
        (name.is_some() && self.problems.len() == problems_before).then_some(spec)
    }

    fn member_spec(&mut self, member: PendingMember) -> Option<MemberSpec> {
        let PendingMember {
            at,
            id,
            name,
            kind,
            organization,
            ext,
            mut kept,
        } = member;
        let problems_before = self.problems.len();
        let mut spec = MemberSpec::new(id.clone(), name.clone().unwrap_or_default(), kind);
        if let Some(organization) = organization {
            let organization_at = at.field("organization_id");
            match self.reference(&organization, organization_at.clone()) {
                Some(Defined::Partner) => spec = spec.organisation(organization.as_str()),
                Some(Defined::Body) => {
                    self.warn(
                        WarningKind::OrganisationIsBody {
                            id: Id::new(organization.as_str()),
                        },
                        organization_at,
                    );
                    kept.insert("organization_id".to_string(), Value::String(organization));
                }
                Some(Defined::Person | Defined::Post) => {
                    self.wrong_target(&organization, "an organisation", organization_at)
                }
                None => {}
            }
        }
        if let Some(organisation) = &ext.organisation {
            let organisation_at = at.field("govgraph.organisation");
            match self.reference(organisation, organisation_at.clone()) {
                Some(Defined::Partner) => spec = spec.organisation(organisation.as_str()),
                Some(_) => {
                    self.wrong_target(organisation, "a partner organisation", organisation_at)
                }
                None => {}
            }
        }
        spec = self.member_common(spec, &id, ext);
        if !kept.is_empty() {
            self.kept.entities.insert(id, kept);
        }
        (name.is_some() && self.problems.len() == problems_before).then_some(spec)
    }

    /// What every member's extension may say: provenance and reporting lines.
    fn member_common(&mut self, mut spec: MemberSpec, id: &Id, ext: Ext) -> MemberSpec {
        for organisation in &ext.organisations {
            spec = spec.organisation(organisation.as_str());
        }
        if let Some(status) = ext.status {
            spec = spec.status(status);
        }
        if let Some(since) = &ext.status_since {
            spec = spec.status_since(since);
        }
        if let Some(source) = ext.source {
            spec = spec.source(source);
        }
        if let Some(note) = ext.note {
            spec = spec.note(note);
        }
        for relation in ext.relations {
            if let Some(target) = self.relation_target(id, relation.kind, &relation) {
                spec = spec.reports_to(target);
            }
        }
        spec
    }

    fn relation_target(
        &mut self,
        from: &Id,
        kind: RelationKind,
        relation: &PendingRelation,
    ) -> Option<Target> {
        self.reference(&relation.to, relation.at.clone())?;
        if relation.to.as_str() == from.as_str() {
            self.self_relation(from, kind, relation.at.clone());
            return None;
        }
        let mut target = Target::new(relation.to.as_str());
        if relation.intended {
            target = target.intended();
        }
        if let Some(from) = &relation.from {
            target = target.from(from);
        }
        if let Some(until) = &relation.until {
            target = target.until(until);
        }
        if let Some(source) = &relation.source {
            target = target.source(source.as_str());
        }
        if let Some(note) = &relation.note {
            target = target.note(note.as_str());
        }
        Some(target)
    }

    /// A name, which must not be empty; remembered so that memberships can
    /// say whose they are.
    fn name(&mut self, id: &str, name: Option<&str>, at: Location) -> Option<String> {
        match name {
            Some(name) if !name.trim().is_empty() => {
                self.names
                    .entry(id.to_string())
                    .or_insert_with(|| name.to_string());
                Some(name.to_string())
            }
            _ => {
                self.problem(ProblemKind::EmptyName, at);
                None
            }
        }
    }

    fn define(&mut self, id: &str, what: Defined, at: Location) {
        if !is_valid_id(id) {
            self.problem(ProblemKind::InvalidId { id: id.to_string() }, at);
            return;
        }
        if let Some((_, first)) = self.defined.get(id) {
            let related = Some(first.clone());
            self.problems.push(Problem {
                kind: ProblemKind::DuplicateId { id: Id::new(id) },
                location: at,
                related,
            });
            return;
        }
        self.defined.insert(Id::new(id), (what, at));
    }

    /// What an id names, or `None` with an unknown-id problem.
    fn reference(&mut self, id: &str, at: Location) -> Option<Defined> {
        if let Some((what, _)) = self.defined.get(id) {
            return Some(*what);
        }
        let suggestion =
            crate::suggest::closest(id, self.defined.keys().map(Id::as_str)).map(Id::new);
        self.problem(
            ProblemKind::UnknownId {
                id: id.to_string(),
                suggestion,
            },
            at,
        );
        None
    }

    fn wrong_target(&mut self, id: &str, expected: &'static str, at: Location) {
        self.problem(
            ProblemKind::WrongTarget {
                id: Id::new(id),
                expected,
            },
            at,
        );
    }

    fn self_relation(&mut self, id: &Id, relation: RelationKind, at: Location) {
        self.problem(
            ProblemKind::SelfRelation {
                id: id.clone(),
                relation,
            },
            at,
        );
    }

    fn problem(&mut self, kind: ProblemKind, location: Location) {
        self.problems.push(Problem {
            kind,
            location,
            related: None,
        });
    }

    fn warn(&mut self, kind: WarningKind, location: Location) {
        self.warnings.push(Warning {
            kind,
            location,
            related: None,
        });
    }

    /// Warns about memberships or posts embedded in an object: kept, not read.
    fn embedded(&mut self, object: &Map<String, Value>, at: &At, fields: &[&str]) {
        for field in fields {
            if object.get(*field).is_some_and(|v| !v.is_null()) {
                self.warn(WarningKind::EmbeddedNotRead, at.field(field));
            }
        }
    }

    /// Warns when a field govgraph keeps but does not use names no area or
    /// event in the document.
    fn dangling(
        &mut self,
        object: &Map<String, Value>,
        at: &At,
        field: &str,
        kept_ids: &BTreeSet<String>,
    ) {
        if let Some(Value::String(id)) = object.get(field)
            && !kept_ids.contains(id)
        {
            self.warn(
                WarningKind::DanglingReference { id: id.clone() },
                at.field(field),
            );
        }
    }
}

/// Where a key path falls in the document: which collection, then which
/// item.
fn document_order(key: &str) -> (usize, usize) {
    let collection = ["organizations", "persons", "posts", "memberships"]
        .iter()
        .position(|c| key.starts_with(c))
        .unwrap_or(4);
    let index = key
        .split_once('[')
        .and_then(|(_, rest)| rest.split_once(']'))
        .and_then(|(index, _)| index.parse().ok())
        .unwrap_or(0);
    (collection, index)
}

/// The ids of the document's areas and events, which memberships may name.
fn kept_ids(top: &Map<String, Value>) -> BTreeSet<String> {
    ["areas", "events"]
        .iter()
        .filter_map(|key| top.get(*key).and_then(Value::as_array))
        .flatten()
        .filter_map(|item| item.get("id").and_then(Value::as_str))
        .map(str::to_string)
        .collect()
}

/// The error for a document in which no organisation became a body, saying
/// what the document holds instead.
fn no_bodies(kept: &Kept, keys: &[String]) -> Error {
    let organizations = kept.layout.organizations.len();
    let message = if organizations == 0 {
        let found = if keys.is_empty() {
            "it is an empty object".to_string()
        } else if keys.iter().any(|k| k == "organizations") {
            "its organizations list is empty".to_string()
        } else {
            let quoted: Vec<String> = keys.iter().map(|k| format!("{k:?}")).collect();
            format!("its keys are {}", quoted.join(", "))
        };
        format!(
            "a Popolo document needs at least one organisation to read as a body, and this one has none ({found})"
        )
    } else {
        format!(
            "no organisation reads as a body: each of the {organizations} is a party or is named only as whom memberships are held on behalf of; give the one that is a body \"govgraph\": {{\"partner\": false}}"
        )
    };
    Error::syntax(
        Location {
            key: "organizations".to_string(),
            ..Location::default()
        },
        message,
    )
}
