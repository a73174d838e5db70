//! Building a structure in code, with the same validation as files.

use std::fmt;

use crate::error::{Error, ErrorKind, Location, Problem, ProblemKind};
use crate::load::{
    OneOrMany, Plain, RawBody, RawFile, RawMember, RawMeta, RawSeat, RawSuccession, RawTarget,
    SeatMore, Text, raw_succession, resolve, unresolve,
};
use crate::model::{
    Accountability, BodyKind, Id, MeetingPattern, MemberKind, RelationKind, Role, Status,
    Structure, Succession,
};

impl Structure {
    /// Starts building a structure in code.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, Status, Structure};
    ///
    /// let s = Structure::builder()
    ///     .name("A small trust")
    ///     .body(BodySpec::new("board", "Trust Board", BodyKind::Board).apex())
    ///     .body(BodySpec::new("exec", "Executive", BodyKind::Executive).reports_to("board"))
    ///     .body(BodySpec::new("play", "Play Partnership", BodyKind::Partnership)
    ///         .status(Status::Dormant)
    ///         .reports_to("exec"))
    ///     .build()?;
    /// assert_eq!(s.bodies().filter(|b| b.is_active()).count(), 2);
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn builder() -> StructureBuilder {
        StructureBuilder::default()
    }

    /// A builder holding everything this structure holds, to change and
    /// build again: `s.to_builder().build()` gives back a structure equal
    /// to `s`, every field of every body, member, seat, relation and
    /// succession included. See [Editing](StructureBuilder#editing).
    ///
    /// # Complexity
    ///
    /// **O(bodies + members + relations + seats)**, copying each once.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{datasets, Status};
    ///
    /// let solihull = datasets::solihull_2011();
    /// assert_eq!(solihull.to_builder().build()?, solihull);
    ///
    /// let edited = solihull
    ///     .to_builder()
    ///     .edit_body("stay-safe", |b| b.status(Status::Dissolved))
    ///     .build()?;
    /// let changes = solihull.diff(&edited);
    /// assert_eq!(changes.status_changed.len(), 1);
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn to_builder(&self) -> StructureBuilder {
        // The specs are the raw types a file gives, so a builder is the
        // structure as it would be written, with every string copied.
        let raw = unresolve(self, Text::copied);
        StructureBuilder {
            meta: raw.structure.unwrap_or_default(),
            bodies: raw.bodies.into_iter().map(|raw| BodySpec { raw }).collect(),
            members: raw
                .members
                .into_iter()
                .map(|raw| MemberSpec { raw })
                .collect(),
            successions: raw.successions,
            missing: Vec::new(),
        }
    }
}

/// Builds a [`Structure`] in code. Validation is the same as for files: every
/// problem is reported at once by [`StructureBuilder::build`], located by the
/// order bodies and members were added (`body[2].reports_to[0]`).
///
/// # Editing
///
/// [`Structure::to_builder`] gives a builder holding everything a structure
/// holds, so that a tool can load a file, change it and save it, validated
/// the same way: [`edit_body`](StructureBuilder::edit_body) changes one
/// body (rename it, change its status, add or drop a seat or a relation),
/// [`remove_body`](StructureBuilder::remove_body) takes one out with every
/// reference to it, [`body`](StructureBuilder::body) adds one. Like every
/// setter here they take and give the builder by value, as clap's
/// `Command::mut_arg` does, so edits chain; an edit of an id the builder
/// does not hold is reported by `build` with the other problems ("did you
/// mean"), never a panic. A builder kept behind a `&mut` (a field of a
/// tool's state) is edited in place with
/// `*builder = std::mem::take(builder).edit_body(..)`, since a builder is
/// `Default`.
///
/// ```
/// use govgraph::{BodyKind, BodySpec, Role, Status, Structure};
///
/// let s = Structure::from_toml_str(r#"
///     [[body]]
///     id = "board"
///     name = "Children's Trust Board"
///     kind = "board"
///     apex = true
///
///     [[body]]
///     id = "play"
///     name = "Play Partnership"
///     kind = "partnership"
///     reports_to = ["board"]
///
///     [[member]]
///     id = "dcs"
///     name = "Director of Children's Services"
///     kind = "post"
/// "#)?;
/// let edited = s
///     .to_builder()
///     .edit_body("board", |b| b.name("Children and Families Partnership")
///         .formerly("Children's Trust Board")
///         .seat("dcs", Role::Chair))
///     .edit_body("play", |b| b.status(Status::Dormant))
///     .body(BodySpec::new("lscb", "LSCB", BodyKind::Board).apex().scrutinises("board"))
///     .build()?;
/// assert_eq!(edited.body("board").unwrap().name, "Children and Families Partnership");
/// assert!(!edited.body("play").unwrap().is_active());
/// assert_eq!(edited.seats_on("board").count(), 1);
///
/// // Saved and loaded again, it is the same structure.
/// assert_eq!(Structure::from_toml_str(&edited.to_toml_string()?)?, edited);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct StructureBuilder {
    meta: RawMeta<'static, Plain>,
    bodies: Vec<BodySpec>,
    members: Vec<MemberSpec>,
    successions: Vec<RawSuccession<'static>>,
    /// Edits and removals of ids the builder did not hold, reported by
    /// `build` with the structure's own problems.
    missing: Vec<Missing>,
}

/// An edit or removal of an id the builder did not hold.
#[derive(Clone, Debug)]
struct Missing {
    /// The method called: `edit_body`, `remove_member`, ...
    action: &'static str,
    id: String,
    /// Whether the id was looked for among bodies (or members).
    body: bool,
}

impl StructureBuilder {
    /// Sets the structure's display name.
    ///
    /// # Examples
    ///
    /// ```
    /// let s = govgraph::Structure::builder().name("Halton").build()?;
    /// assert_eq!(s.meta().name.as_deref(), Some("Halton"));
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn name(mut self, name: impl Into<String>) -> StructureBuilder {
        self.meta.name = Some(name.into());
        self
    }

    /// Sets the document the structure is built from.
    ///
    /// # Examples
    ///
    /// ```
    /// let s = govgraph::Structure::builder().source("Halton report, February 2008").build()?;
    /// assert!(s.meta().source.is_some());
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn source(mut self, source: impl Into<String>) -> StructureBuilder {
        self.meta.source = Some(source.into());
        self
    }

    /// Sets the date the structure describes.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, Date, Structure};
    ///
    /// let s = Structure::builder()
    ///     .date(Date::month(2009, 10).unwrap())
    ///     .body(BodySpec::new("board", "Board", BodyKind::Board).apex())
    ///     .build()?;
    /// assert_eq!(s.meta().date.unwrap().to_string(), "2009-10");
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn date(mut self, date: impl fmt::Display) -> StructureBuilder {
        self.meta.date = Some(Text::from(date.to_string()));
        self
    }

    /// Sets a note on the whole structure.
    ///
    /// # Examples
    ///
    /// ```
    /// let s = govgraph::Structure::builder().note("reporting lines assumed").build()?;
    /// assert!(s.meta().note.is_some());
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn note(mut self, note: impl Into<String>) -> StructureBuilder {
        self.meta.note = Some(note.into());
        self
    }

    /// Adds a body.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, Structure};
    ///
    /// let s = Structure::builder().body(BodySpec::new("lscb", "LSCB", BodyKind::Board)).build()?;
    /// assert!(s.body("lscb").is_some());
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn body(mut self, body: BodySpec) -> StructureBuilder {
        self.bodies.push(body);
        self
    }

    /// Adds a member.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{MemberKind, MemberSpec, Structure};
    ///
    /// let s = Structure::builder()
    ///     .member(MemberSpec::new("dcs", "Director of Children's Services", MemberKind::Post))
    ///     .build()?;
    /// assert!(s.member("dcs").is_some());
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn member(mut self, member: MemberSpec) -> StructureBuilder {
        self.members.push(member);
        self
    }

    /// Adds a collective succession: bodies that together gave way to
    /// others.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, RelationKind, Structure, Succession};
    ///
    /// let s = Structure::builder()
    ///     .body(BodySpec::new("trust", "Children's Trust", BodyKind::Board).apex())
    ///     .body(BodySpec::new("hwb", "Health and Wellbeing Board", BodyKind::Board).apex())
    ///     .succession(Succession::new(["trust"], ["hwb"], RelationKind::MergedInto).intended())
    ///     .build()?;
    /// assert!(s.successions()[0].intended);
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn succession(mut self, succession: Succession) -> StructureBuilder {
        self.successions
            .push(raw_succession(&succession, Text::copied));
        self
    }

    /// Changes the body `id` with `edit`, which takes its spec and gives it
    /// back changed: renamed, with another status, with a seat or a
    /// relation added ([`BodySpec::seat`], [`BodySpec::reports_to`]) or
    /// dropped ([`BodySpec::without_seat`], [`BodySpec::without_relation`]).
    /// If the builder holds no body `id`, [`build`](StructureBuilder::build)
    /// reports it as an unknown id, with the closest body id as a
    /// suggestion.
    ///
    /// # Complexity
    ///
    /// **O(bodies)**, to find the body; [`edit_bodies`](StructureBuilder::edit_bodies)
    /// changes many in one pass.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{datasets, Status};
    ///
    /// let s = datasets::solihull_2011()
    ///     .to_builder()
    ///     .edit_body("stay-safe", |b| b.status(Status::Dissolved).note("closed in the 2011 review"))
    ///     .build()?;
    /// assert_eq!(s.body("stay-safe").unwrap().status, Status::Dissolved);
    ///
    /// let err = datasets::solihull_2011()
    ///     .to_builder()
    ///     .edit_body("stay-saef", |b| b.status(Status::Dissolved))
    ///     .build()
    ///     .unwrap_err();
    /// assert_eq!(
    ///     err.to_string(),
    ///     r#"edit_body("stay-saef"): unknown id "stay-saef" (did you mean "stay-safe"?)"#,
    /// );
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn edit_body(
        mut self,
        id: &str,
        edit: impl FnOnce(BodySpec) -> BodySpec,
    ) -> StructureBuilder {
        match self.bodies.iter().position(|b| b.id() == id) {
            Some(i) => {
                // Taken out and put back in its place, so that the order
                // bodies were added in (which locates problems) stays.
                let spec = self.bodies.swap_remove(i);
                self.bodies.push(edit(spec));
                let last = self.bodies.len() - 1;
                self.bodies.swap(i, last);
            }
            None => self.missing.push(Missing {
                action: "edit_body",
                id: id.to_string(),
                body: true,
            }),
        }
        self
    }

    /// Changes every body with `edit`, in one pass: a body it should leave
    /// alone it gives back as it is.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{datasets, Status};
    ///
    /// // Every dormant group of Solihull's is wound up.
    /// let s = datasets::solihull_2011()
    ///     .to_builder()
    ///     .edit_bodies(|b| if b.get_status() == Status::Dormant { b.status(Status::Dissolved) } else { b })
    ///     .build()?;
    /// assert!(s.bodies().all(|b| b.status != Status::Dormant));
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn edit_bodies(mut self, mut edit: impl FnMut(BodySpec) -> BodySpec) -> StructureBuilder {
        self.bodies = self.bodies.into_iter().map(&mut edit).collect();
        self
    }

    /// Changes the member `id` with `edit`, as
    /// [`edit_body`](StructureBuilder::edit_body) changes a body.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{datasets, Status};
    ///
    /// let s = datasets::halton_2008()
    ///     .to_builder()
    ///     .edit_member("pct", |m| m.status(Status::Dissolved).status_since("2013-04"))
    ///     .build()?;
    /// assert_eq!(s.member("pct").unwrap().status, Status::Dissolved);
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn edit_member(
        mut self,
        id: &str,
        edit: impl FnOnce(MemberSpec) -> MemberSpec,
    ) -> StructureBuilder {
        match self.members.iter().position(|m| m.id() == id) {
            Some(i) => {
                let spec = self.members.swap_remove(i);
                self.members.push(edit(spec));
                let last = self.members.len() - 1;
                self.members.swap(i, last);
            }
            None => self.missing.push(Missing {
                action: "edit_member",
                id: id.to_string(),
                body: false,
            }),
        }
        self
    }

    /// Takes the body `id` out, with everything that points at it, so that
    /// what is left is valid: other bodies' and members' relations to it,
    /// the seats it holds on other bodies, and its name in successions (a
    /// succession left with no body on one side goes too). A seat held on
    /// behalf of it stays, representing no one. If the builder holds no
    /// body `id`, [`build`](StructureBuilder::build) reports it as an
    /// unknown id.
    ///
    /// # Complexity
    ///
    /// **O(bodies + members + relations + seats)**.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::datasets;
    ///
    /// let solihull = datasets::solihull_2011();
    /// let before = solihull.bodies().count();
    /// let s = solihull.to_builder().remove_body("lscb").build()?;
    /// assert_eq!(s.bodies().count(), before - 1);
    /// assert!(s.relations().iter().all(|r| r.to != "lscb" && r.from != "lscb"));
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn remove_body(mut self, id: &str) -> StructureBuilder {
        let before = self.bodies.len();
        self.bodies.retain(|b| b.id() != id);
        if self.bodies.len() == before {
            self.missing.push(Missing {
                action: "remove_body",
                id: id.to_string(),
                body: true,
            });
        } else {
            self.forget(id);
        }
        self
    }

    /// Takes the member `id` out, with everything that points at it: its
    /// seats, relations to it, and its place as a post's organisation; a
    /// seat held on behalf of it stays, representing no one. If the
    /// builder holds no member `id`, [`build`](StructureBuilder::build)
    /// reports it as an unknown id.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::datasets;
    ///
    /// let s = datasets::halton_2008().to_builder().remove_member("pct").build()?;
    /// assert!(s.member("pct").is_none());
    /// assert!(s.memberships().iter().all(|m| m.member != "pct"));
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn remove_member(mut self, id: &str) -> StructureBuilder {
        let before = self.members.len();
        self.members.retain(|m| m.id() != id);
        if self.members.len() == before {
            self.missing.push(Missing {
                action: "remove_member",
                id: id.to_string(),
                body: false,
            });
        } else {
            self.forget(id);
        }
        self
    }

    /// Drops every reference to `id`, which the builder no longer holds.
    fn forget(&mut self, id: &str) {
        for body in &mut self.bodies {
            let raw = &mut body.raw;
            for list in raw.relations.lists_mut() {
                list.retain(|target| &*target.to != id);
            }
            raw.members.retain(|seat| &*seat.member != id);
            for seat in &mut raw.members {
                if seat.on_behalf_of.as_deref() == Some(id) {
                    seat.on_behalf_of = None;
                }
            }
        }
        for member in &mut self.members {
            member.raw.reports_to.retain(|target| &*target.to != id);
            member.drop_organisation(id);
        }
        self.successions.retain_mut(|succession| {
            succession.from.retain(|body| &**body != id);
            succession.to.retain(|body| &**body != id);
            !succession.from.is_empty() && !succession.to.is_empty()
        });
    }

    /// The body `id` as the builder holds it, if it does.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{datasets, Status};
    ///
    /// let builder = datasets::solihull_2011().to_builder();
    /// assert_eq!(builder.get_body("stay-safe").unwrap().get_status(), Status::NeverMet);
    /// assert!(builder.get_body("nope").is_none());
    /// ```
    pub fn get_body(&self, id: &str) -> Option<&BodySpec> {
        self.bodies.iter().find(|b| b.id() == id)
    }

    /// Every body the builder holds, in the order they were added (for a
    /// builder from [`Structure::to_builder`], by id).
    ///
    /// # Examples
    ///
    /// ```
    /// let builder = govgraph::datasets::halton_2008().to_builder();
    /// assert_eq!(builder.bodies().count(), govgraph::datasets::halton_2008().bodies().count());
    /// ```
    pub fn bodies(&self) -> impl ExactSizeIterator<Item = &BodySpec> + '_ {
        self.bodies.iter()
    }

    /// Every member the builder holds, in the order they were added.
    ///
    /// # Examples
    ///
    /// ```
    /// let builder = govgraph::datasets::halton_2008().to_builder();
    /// assert!(builder.members().any(|m| m.id() == "pct"));
    /// ```
    pub fn members(&self) -> impl ExactSizeIterator<Item = &MemberSpec> + '_ {
        self.members.iter()
    }

    /// Validates and builds the structure.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Invalid`](crate::ErrorKind::Invalid) with every problem:
    /// unknown or duplicate ids, self-relations, empty names, seats held by
    /// something that is not a member.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, Structure};
    ///
    /// let err = Structure::builder()
    ///     .body(BodySpec::new("a", "A", BodyKind::Group).reports_to("a"))
    ///     .body(BodySpec::new("a", "A again", BodyKind::Group))
    ///     .build()
    ///     .unwrap_err();
    /// assert_eq!(err.problems().len(), 2);
    /// ```
    pub fn build(self) -> Result<Structure, Error> {
        let missing = self.missing_problems();
        let built = self.build_raw();
        if missing.is_empty() {
            return built;
        }
        let mut problems = missing;
        if let Err(error) = built
            && let ErrorKind::Invalid(found) = error.into_kind()
        {
            problems.extend(found);
        }
        Err(Error::invalid(problems))
    }

    /// An unknown-id problem for each edit or removal of an id the builder
    /// did not hold, located at the call (`edit_body("plya")`).
    fn missing_problems(&self) -> Vec<Problem> {
        let bodies = || self.bodies.iter().map(BodySpec::id);
        let members = || self.members.iter().map(MemberSpec::id);
        self.missing
            .iter()
            .map(|missing| {
                let id = missing.id.as_str();
                // An id of the other sort is there: say which method to use.
                let other = if missing.body {
                    members().any(|m| m == id).then_some(
                        "a body: edit_body and remove_body change bodies; \
                         edit_member and remove_member change members",
                    )
                } else {
                    bodies().any(|b| b == id).then_some(
                        "a member: edit_member and remove_member change members; \
                         edit_body and remove_body change bodies",
                    )
                };
                let kind = match other {
                    Some(expected) => ProblemKind::WrongTarget {
                        id: Id::new(id),
                        expected,
                    },
                    None => {
                        let suggestion = if missing.body {
                            crate::suggest::closest(id, bodies())
                        } else {
                            crate::suggest::closest(id, members())
                        };
                        ProblemKind::UnknownId {
                            id: id.to_string(),
                            suggestion: suggestion.map(Id::new),
                        }
                    }
                };
                Problem {
                    kind,
                    location: Location {
                        key: format!("{}({id:?})", missing.action),
                        ..Location::default()
                    },
                    related: None,
                }
            })
            .collect()
    }

    fn build_raw(self) -> Result<Structure, Error> {
        let raw = RawFile::<Plain> {
            structure: (!self.meta.is_empty()).then_some(self.meta),
            bodies: self.bodies.into_iter().map(|b| b.raw).collect(),
            members: self.members.into_iter().map(|m| m.raw).collect(),
            successions: self.successions,
        };
        resolve(raw, None)
    }
}

/// A relation target with optional provenance, for
/// [`BodySpec::relation`].
///
/// # Examples
///
/// ```
/// use govgraph::{BodyKind, BodySpec, RelationKind, Structure, Target};
///
/// let s = Structure::builder()
///     .body(BodySpec::new("hwb", "Health and Wellbeing Board", BodyKind::Board))
///     .body(BodySpec::new("jcb", "Joint Commissioning Board", BodyKind::Board)
///         .relation(RelationKind::ReportsTo, Target::new("hwb").source("s3.6.1")))
///     .build()?;
/// assert_eq!(s.relations()[0].source.as_deref(), Some("s3.6.1"));
/// # Ok::<(), govgraph::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct Target {
    /// The target as a file writes it: a spec is its raw type.
    raw: RawTarget<'static>,
}

impl Target {
    /// A target id with no provenance.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, Structure, Target};
    ///
    /// let s = Structure::builder()
    ///     .body(BodySpec::new("board", "Board", BodyKind::Board))
    ///     .body(BodySpec::new("exec", "Executive", BodyKind::Executive).reports_to(Target::new("board")))
    ///     .build()?;
    /// assert_eq!(s.relations()[0].to, "board");
    /// assert_eq!(s.relations()[0].source, None);
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn new(to: impl Into<Id>) -> Target {
        Target {
            raw: RawTarget {
                to: Text::from(to.into().to_string()),
                ..RawTarget::default()
            },
        }
    }

    /// Marks the relation as intended or proposed, not yet in force ("will,
    /// in time, act as a sub group of ...").
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, Structure, Target};
    ///
    /// let s = Structure::builder()
    ///     .body(BodySpec::new("hwb", "Health and Wellbeing Board", BodyKind::Board).apex())
    ///     .body(BodySpec::new("trust", "Children's Trust", BodyKind::Board).apex()
    ///         .sub_group_of(Target::new("hwb").intended()))
    ///     .build()?;
    /// assert!(s.relations()[0].intended);
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn intended(mut self) -> Target {
        self.raw.intended = true;
        self
    }

    /// When the relation began.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, Date, Structure, Target};
    ///
    /// let s = Structure::builder()
    ///     .body(BodySpec::new("board", "Board", BodyKind::Board))
    ///     .body(BodySpec::new("exec", "Executive", BodyKind::Executive)
    ///         .reports_to(Target::new("board").from(Date::year(2010))))
    ///     .build()?;
    /// assert_eq!(s.relations()[0].start, Some(Date::year(2010)));
    /// // Before it began, the relation does not hold.
    /// assert!(s.as_at(Date::year(2009)).relations().is_empty());
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn from(mut self, date: impl fmt::Display) -> Target {
        self.raw.from = Some(Text::from(date.to_string()));
        self
    }

    /// When the relation ended: it holds until then.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, Date, Structure, Target};
    ///
    /// let s = Structure::builder()
    ///     .body(BodySpec::new("board", "Board", BodyKind::Board))
    ///     .body(BodySpec::new("exec", "Executive", BodyKind::Executive)
    ///         .reports_to(Target::new("board").until("March 2011")))
    ///     .build()?;
    /// assert_eq!(s.relations()[0].end, Some(Date::month(2011, 3).unwrap()));
    /// assert_eq!(s.as_at(Date::year(2010)).relations().len(), 1);
    /// assert!(s.as_at(Date::year(2012)).relations().is_empty());
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn until(mut self, date: impl fmt::Display) -> Target {
        self.raw.until = Some(Text::from(date.to_string()));
        self
    }

    /// Where in the source the relation comes from.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, Structure, Target};
    ///
    /// let s = Structure::builder()
    ///     .body(BodySpec::new("board", "Board", BodyKind::Board))
    ///     .body(BodySpec::new("exec", "Executive", BodyKind::Executive)
    ///         .reports_to(Target::new("board").source("s3.1")))
    ///     .build()?;
    /// assert_eq!(s.relations()[0].source.as_deref(), Some("s3.1"));
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn source(mut self, source: impl Into<String>) -> Target {
        self.raw.source = Some(Text::from(source.into()));
        self
    }

    /// A note on the relation, such as the assumption behind it.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, Structure, Target};
    ///
    /// let s = Structure::builder()
    ///     .body(BodySpec::new("board", "Board", BodyKind::Board))
    ///     .body(BodySpec::new("exec", "Executive", BodyKind::Executive)
    ///         .reports_to(Target::new("board").note("assumed: the paper is silent")))
    ///     .build()?;
    /// assert_eq!(s.relations()[0].note.as_deref(), Some("assumed: the paper is silent"));
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn note(mut self, note: impl Into<String>) -> Target {
        self.raw.note = Some(Text::from(note.into()));
        self
    }
}

impl<T: Into<Id>> From<T> for Target {
    fn from(to: T) -> Target {
        Target::new(to)
    }
}

/// A seat on a body, for [`BodySpec::seat_with`].
///
/// # Examples
///
/// ```
/// use govgraph::{BodyKind, BodySpec, MemberKind, MemberSpec, Role, Seat, Structure};
///
/// let s = Structure::builder()
///     .member(MemberSpec::new("pct", "PCT", MemberKind::Organisation))
///     .member(MemberSpec::new("ad", "Assistant Director", MemberKind::Post))
///     .body(BodySpec::new("smt", "Senior Management Team", BodyKind::Team)
///         .seat_with(Seat::new("ad", Role::Member).on_behalf_of("pct")))
///     .build()?;
/// assert_eq!(s.memberships()[0].on_behalf_of.as_ref().unwrap().as_str(), "pct");
/// # Ok::<(), govgraph::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct Seat {
    /// The seat as a file writes it: a spec is its raw type.
    raw: RawSeat<'static>,
}

impl Seat {
    /// A member in a role.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, MemberKind, MemberSpec, Role, Seat, Structure};
    ///
    /// let s = Structure::builder()
    ///     .member(MemberSpec::new("dcs", "DCS", MemberKind::Post))
    ///     .body(BodySpec::new("board", "Board", BodyKind::Board).seat_with(Seat::new("dcs", Role::Chair)))
    ///     .build()?;
    /// let seat = &s.memberships()[0];
    /// assert_eq!((seat.member.as_str(), seat.body.as_str(), seat.role), ("dcs", "board", Role::Chair));
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn new(member: impl Into<Id>, role: Role) -> Seat {
        Seat {
            raw: RawSeat {
                member: Text::from(member.into().to_string()),
                role: Some(role.as_str().into()),
                ..RawSeat::default()
            },
        }
    }

    /// The seat's rarer keys, to set one.
    fn more(&mut self) -> &mut SeatMore<'static> {
        self.raw.more.get_or_insert_with(Box::default)
    }

    /// Marks the seat as intended, not yet held ("will in future include
    /// one of the Chairs of the CCGs").
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, MemberKind, MemberSpec, Role, Seat, Structure};
    ///
    /// let s = Structure::builder()
    ///     .member(MemberSpec::new("ccg-chair", "Chair of a CCG", MemberKind::Post))
    ///     .body(BodySpec::new("hwb", "Health and Wellbeing Board", BodyKind::Board)
    ///         .seat_with(Seat::new("ccg-chair", Role::Member).intended()))
    ///     .build()?;
    /// assert!(s.memberships()[0].intended);
    /// // Not yet held: the structure in force leaves it out.
    /// assert_eq!(s.in_force().seats_on("hwb").count(), 0);
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn intended(mut self) -> Seat {
        self.more().intended = true;
        self
    }

    /// When the member took up the seat.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, Date, MemberKind, MemberSpec, Role, Seat, Structure};
    ///
    /// let s = Structure::builder()
    ///     .member(MemberSpec::new("cllr-a", "Councillor A", MemberKind::Person))
    ///     .body(BodySpec::new("hwb", "Health and Wellbeing Board", BodyKind::Board)
    ///         .seat_with(Seat::new("cllr-a", Role::Chair).start("2011-05").end("May 2012"))
    ///         .seat_with(Seat::new("cllr-a", Role::Chair).start(Date::year(2013))))
    ///     .build()?;
    /// // Two terms in the chair are two seats.
    /// assert_eq!(s.seats_on("hwb").count(), 2);
    /// assert_eq!(s.memberships()[0].end, Some(Date::month(2012, 5).unwrap()));
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    ///
    /// A date is a [`Date`](crate::Date) or text that reads as one; other text is a
    /// problem when the structure is built.
    pub fn start(mut self, date: impl fmt::Display) -> Seat {
        self.more().start = Some(Text::from(date.to_string()));
        self
    }

    /// When the member gave up the seat: it is held until then.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, Date, MemberKind, MemberSpec, Role, Seat, Structure};
    ///
    /// let s = Structure::builder()
    ///     .member(MemberSpec::new("dcs", "DCS", MemberKind::Post))
    ///     .body(BodySpec::new("board", "Board", BodyKind::Board)
    ///         .seat_with(Seat::new("dcs", Role::Chair).end(Date::day(2012, 3, 31).unwrap())))
    ///     .build()?;
    /// assert_eq!(s.memberships()[0].end, Some(Date::day(2012, 3, 31).unwrap()));
    /// assert_eq!(s.as_at(Date::year(2012)).seats_on("board").count(), 1);
    /// assert_eq!(s.as_at(Date::year(2013)).seats_on("board").count(), 0);
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn end(mut self, date: impl fmt::Display) -> Seat {
        self.more().end = Some(Text::from(date.to_string()));
        self
    }

    /// The organisation, or the body, the member represents on this body
    /// (a chair sitting on another board as chair of their own).
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, MemberKind, MemberSpec, Role, Seat, Structure};
    ///
    /// let s = Structure::builder()
    ///     .member(MemberSpec::new("pct", "PCT", MemberKind::Organisation))
    ///     .member(MemberSpec::new("ad", "Assistant Director", MemberKind::Post))
    ///     .body(BodySpec::new("smt", "Senior Management Team", BodyKind::Team)
    ///         .seat_with(Seat::new("ad", Role::Member).on_behalf_of("pct")))
    ///     .build()?;
    /// assert_eq!(s.memberships()[0].on_behalf_of.as_ref().unwrap().as_str(), "pct");
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn on_behalf_of(mut self, organisation: impl Into<Id>) -> Seat {
        self.raw.on_behalf_of = Some(Text::from(organisation.into().to_string()));
        self
    }

    /// Where in the source the seat comes from.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, MemberKind, MemberSpec, Role, Seat, Structure};
    ///
    /// let s = Structure::builder()
    ///     .member(MemberSpec::new("dcs", "DCS", MemberKind::Post))
    ///     .body(BodySpec::new("board", "Board", BodyKind::Board)
    ///         .seat_with(Seat::new("dcs", Role::Chair).source("Appendix 1")))
    ///     .build()?;
    /// assert_eq!(s.memberships()[0].source.as_deref(), Some("Appendix 1"));
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn source(mut self, source: impl Into<String>) -> Seat {
        self.more().source = Some(Text::from(source.into()));
        self
    }

    /// A note on the seat.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, MemberKind, MemberSpec, Role, Seat, Structure};
    ///
    /// let s = Structure::builder()
    ///     .member(MemberSpec::new("dcs", "DCS", MemberKind::Post))
    ///     .body(BodySpec::new("board", "Board", BodyKind::Board)
    ///         .seat_with(Seat::new("dcs", Role::Chair).note("ex officio")))
    ///     .build()?;
    /// assert_eq!(s.memberships()[0].note.as_deref(), Some("ex officio"));
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn note(mut self, note: impl Into<String>) -> Seat {
        self.more().note = Some(Text::from(note.into()));
        self
    }
}

/// A body to add with [`StructureBuilder::body`]. Every setter takes and
/// returns the spec by value.
///
/// # Examples
///
/// ```
/// use govgraph::{BodyKind, BodySpec, MeetingPattern, Status, Structure};
///
/// let spec = BodySpec::new("be-healthy", "Be Healthy Outcome Group", BodyKind::Group)
///     .status(Status::Active)
///     .tier("Outcome Groups")
///     .purpose("Oversight of children's health work")
///     .theme("health")
///     .meets(MeetingPattern::EveryMonths(3))
///     .source("s5 row 4")
///     .reports_to("pcg");
/// let s = Structure::builder()
///     .body(BodySpec::new("pcg", "Performance and Commissioning Group", BodyKind::Group).apex())
///     .body(spec)
///     .build()?;
/// let body = s.body("be-healthy").unwrap();
/// assert_eq!(body.tier.as_deref(), Some("Outcome Groups"));
/// assert_eq!(body.meets, Some(MeetingPattern::EveryMonths(3)));
/// assert_eq!(s.accountable_parents("be-healthy").collect::<Vec<_>>(), ["pcg"]);
/// # Ok::<(), govgraph::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct BodySpec {
    /// The body as a file writes it: a spec is its raw type, so that the
    /// builder and a file describe a body in one place (`load/raw.rs`) and
    /// go through the same validation.
    raw: RawBody<'static, Plain>,
}

/// Writes the methods of [`BodySpec`] that each add one kind of relation
/// (`reports_to`, `oversees`, ...): `name => Kind` gives `name(to)`, which
/// is [`BodySpec::relation`] with `RelationKind::Kind`, documented by the
/// doc sentence written before it and an example that joins two bodies with
/// it.
macro_rules! relation_methods {
    ($($(#[doc = $doc:literal])+ $name:ident => $kind:ident;)+) => {$(
        $(#[doc = $doc])+
        #[doc = ""]
        #[doc = " # Examples"]
        #[doc = ""]
        #[doc = " ```"]
        #[doc = " use govgraph::{BodyKind, BodySpec, RelationKind, Structure};"]
        #[doc = ""]
        #[doc = " let s = Structure::builder()"]
        #[doc = concat!("     .body(BodySpec::new(\"a\", \"A\", BodyKind::Group).", stringify!($name), "(\"b\"))")]
        #[doc = "     .body(BodySpec::new(\"b\", \"B\", BodyKind::Group))"]
        #[doc = "     .build()?;"]
        #[doc = " let relation = &s.relations()[0];"]
        #[doc = concat!(" assert_eq!(relation.kind, RelationKind::", stringify!($kind), ");")]
        #[doc = " assert_eq!((relation.from.as_str(), relation.to.as_str()), (\"a\", \"b\"));"]
        #[doc = " # Ok::<(), govgraph::Error>(())"]
        #[doc = " ```"]
        pub fn $name(self, to: impl Into<Target>) -> BodySpec {
            self.relation(RelationKind::$kind, to)
        }
    )+};
}

impl BodySpec {
    /// A body with an id, a display name and a kind; active, not an apex.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, Status, Structure};
    ///
    /// let s = Structure::builder().body(BodySpec::new("lscb", "LSCB", BodyKind::Board)).build()?;
    /// let lscb = s.body("lscb").unwrap();
    /// assert_eq!((lscb.name.as_str(), lscb.kind, lscb.status), ("LSCB", BodyKind::Board, Status::Active));
    /// assert!(!lscb.apex);
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn new(id: impl Into<Id>, name: impl Into<String>, kind: BodyKind) -> BodySpec {
        BodySpec {
            raw: RawBody::new(
                Text::from(id.into().to_string()),
                Text::from(name.into()),
                kind.as_str().into(),
            ),
        }
    }

    /// Sets the status.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, Status, Structure};
    ///
    /// let s = Structure::builder()
    ///     .body(BodySpec::new("a", "A", BodyKind::Group).status(Status::NeverMet))
    ///     .build()?;
    /// assert_eq!(s.body("a").unwrap().status, Status::NeverMet);
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn status(mut self, status: Status) -> BodySpec {
        self.raw.status = Some(status.as_str().into());
        self
    }

    /// When the body took its status ("dissolved 2011-03-28").
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, Date, Status, Structure};
    ///
    /// let s = Structure::builder()
    ///     .body(BodySpec::new("board", "Trust Board", BodyKind::Board)
    ///         .status(Status::Dissolved)
    ///         .status_since(Date::day(2011, 3, 28).unwrap()))
    ///     .build()?;
    /// assert_eq!(s.body("board").unwrap().status_since, Some(Date::day(2011, 3, 28).unwrap()));
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn status_since(mut self, date: impl fmt::Display) -> BodySpec {
        self.raw.status_since = Some(Text::from(date.to_string()));
        self
    }

    /// The status the body is intended to take ("they would no longer
    /// meet"), applied by [`Structure::as_intended`](crate::Structure::as_intended).
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, Status, Structure};
    ///
    /// let s = Structure::builder()
    ///     .body(BodySpec::new("board", "Trust Board", BodyKind::Board).intended_status(Status::Dormant))
    ///     .build()?;
    /// assert_eq!(s.body("board").unwrap().status, Status::Active);
    /// assert_eq!(s.as_intended().body("board").unwrap().status, Status::Dormant);
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn intended_status(mut self, status: Status) -> BodySpec {
        self.raw.intended_status = Some(status.as_str().into());
        self
    }

    /// What the source says of the body's accountability when it names no
    /// parent: unstated, or unsettled.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{Accountability, BodyKind, BodySpec, Structure};
    ///
    /// let s = Structure::builder()
    ///     .body(BodySpec::new("hwb", "Shadow Health and Wellbeing Board", BodyKind::Board)
    ///         .accountability(Accountability::Unsettled))
    ///     .build()?;
    /// assert_eq!(s.body("hwb").unwrap().accountability, Some(Accountability::Unsettled));
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn accountability(mut self, accountability: Accountability) -> BodySpec {
        self.raw.accountability = Some(accountability.as_str().into());
        self
    }

    /// How many alike bodies the entry stands for ("12 local groups").
    /// Zero is refused when the structure is built.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, Structure};
    ///
    /// let s = Structure::builder()
    ///     .body(BodySpec::new("lcts", "Local Children's Trusts", BodyKind::Board).count(12))
    ///     .build()?;
    /// assert_eq!(s.body("lcts").unwrap().count, 12);
    ///
    /// let err = Structure::builder().body(BodySpec::new("none", "None", BodyKind::Group).count(0)).build();
    /// assert!(err.is_err());
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn count(mut self, count: u32) -> BodySpec {
        self.raw.count = Some(i64::from(count));
        self
    }

    /// A name the body was known by before.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, Structure};
    ///
    /// let s = Structure::builder()
    ///     .body(BodySpec::new("cfp", "Children and Families Partnership", BodyKind::Partnership)
    ///         .formerly("Children's Trust"))
    ///     .build()?;
    /// assert_eq!(s.body("cfp").unwrap().formerly, ["Children's Trust"]);
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn formerly(mut self, name: impl Into<String>) -> BodySpec {
        self.raw.formerly.push(Text::from(name.into()));
        self
    }

    /// Marks the body as an apex: the top of an accountability structure.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, Structure};
    ///
    /// let s = Structure::builder()
    ///     .body(BodySpec::new("council", "Council", BodyKind::Board).apex())
    ///     .body(BodySpec::new("play", "Play Partnership", BodyKind::Partnership))
    ///     .build()?;
    /// assert!(s.body("council").unwrap().apex);
    /// // The apex answers to no one by design; the partnership is an orphan.
    /// let orphans = s.orphans();
    /// assert_eq!(orphans.len(), 1);
    /// assert_eq!(orphans[0].body, "play");
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn apex(mut self) -> BodySpec {
        self.raw.apex = true;
        self
    }

    /// Marks the body as statutory.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, Structure};
    ///
    /// let s = Structure::builder()
    ///     .body(BodySpec::new("lscb", "LSCB", BodyKind::Board).statutory())
    ///     .build()?;
    /// assert!(s.body("lscb").unwrap().statutory);
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn statutory(mut self) -> BodySpec {
        self.raw.statutory = true;
        self
    }

    /// Sets the tier or cluster the body is drawn in.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, Structure};
    ///
    /// let s = Structure::builder()
    ///     .body(BodySpec::new("a", "A", BodyKind::Group).tier("Outcome Groups"))
    ///     .build()?;
    /// assert_eq!(s.body("a").unwrap().tier.as_deref(), Some("Outcome Groups"));
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn tier(mut self, tier: impl Into<String>) -> BodySpec {
        self.raw.tier = Some(Text::from(tier.into()));
        self
    }

    /// Sets the purpose.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, Structure};
    ///
    /// let s = Structure::builder()
    ///     .body(BodySpec::new("a", "A", BodyKind::Group).purpose("Oversee play"))
    ///     .build()?;
    /// assert_eq!(s.body("a").unwrap().purpose.as_deref(), Some("Oversee play"));
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn purpose(mut self, purpose: impl Into<String>) -> BodySpec {
        self.raw.purpose = Some(Text::from(purpose.into()));
        self
    }

    /// Adds a function.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, Structure};
    ///
    /// let s = Structure::builder()
    ///     .body(BodySpec::new("a", "A", BodyKind::Group)
    ///         .function("Preparing Business Plans")
    ///         .function("Monitoring performance"))
    ///     .build()?;
    /// assert_eq!(s.body("a").unwrap().functions, ["Preparing Business Plans", "Monitoring performance"]);
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn function(mut self, function: impl Into<String>) -> BodySpec {
        self.raw.functions.push(Text::from(function.into()));
        self
    }

    /// Adds a theme.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, Structure};
    ///
    /// let s = Structure::builder()
    ///     .body(BodySpec::new("a", "A", BodyKind::Group).theme("safeguarding"))
    ///     .build()?;
    /// assert_eq!(s.body("a").unwrap().themes, ["safeguarding"]);
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn theme(mut self, theme: impl Into<String>) -> BodySpec {
        self.raw.themes.push(Text::from(theme.into()));
        self
    }

    /// Sets how often the body meets.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, MeetingPattern, Structure};
    ///
    /// let s = Structure::builder()
    ///     .body(BodySpec::new("a", "A", BodyKind::Group).meets(MeetingPattern::Termly))
    ///     .build()?;
    /// assert_eq!(s.body("a").unwrap().meets, Some(MeetingPattern::Termly));
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn meets(mut self, pattern: MeetingPattern) -> BodySpec {
        self.raw.meets = Some(Text::from(pattern.to_string()));
        self
    }

    /// Sets where in the source the body comes from.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, Structure};
    ///
    /// let s = Structure::builder()
    ///     .body(BodySpec::new("a", "A", BodyKind::Group).source("s5 row 21"))
    ///     .build()?;
    /// assert_eq!(s.body("a").unwrap().source.as_deref(), Some("s5 row 21"));
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn source(mut self, source: impl Into<String>) -> BodySpec {
        self.raw.source = Some(Text::from(source.into()));
        self
    }

    /// Sets a note.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, Structure};
    ///
    /// let s = Structure::builder()
    ///     .body(BodySpec::new("a", "A", BodyKind::Group).note("resources cut"))
    ///     .build()?;
    /// assert_eq!(s.body("a").unwrap().note.as_deref(), Some("resources cut"));
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn note(mut self, note: impl Into<String>) -> BodySpec {
        self.raw.note = Some(Text::from(note.into()));
        self
    }

    /// Adds a relation of any kind, with optional provenance.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, RelationKind, Structure, Target};
    ///
    /// let s = Structure::builder()
    ///     .body(BodySpec::new("a", "A", BodyKind::Group)
    ///         .relation(RelationKind::FeedsInto, Target::new("b").source("s3.7.1")))
    ///     .body(BodySpec::new("b", "B", BodyKind::Board))
    ///     .build()?;
    /// let relation = &s.relations()[0];
    /// assert_eq!((relation.from.as_str(), relation.kind, relation.to.as_str()), ("a", RelationKind::FeedsInto, "b"));
    /// assert_eq!(relation.source.as_deref(), Some("s3.7.1"));
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn relation(mut self, kind: RelationKind, target: impl Into<Target>) -> BodySpec {
        self.raw.targets_mut(kind).push(target.into().raw);
        self
    }

    // One method for each kind of relation: `relation` with that kind.
    relation_methods! {
        /// This body reports to, and is accountable to, `to`.
        reports_to => ReportsTo;
        /// This body oversees `to`, which is accountable to it.
        oversees => Oversees;
        /// This body is a sub-group of `to`, and answers to it.
        sub_group_of => SubGroupOf;
        /// This body scrutinises `to`.
        scrutinises => Scrutinises;
        /// This body feeds into or informs `to`.
        feeds_into => FeedsInto;
        /// This body is part of `to` (a committee of the council).
        part_of => PartOf;
        /// This body has been merged into `to`.
        merged_into => MergedInto;
        /// This body has been replaced by `to`.
        replaced_by => ReplacedBy;
        /// This body acts as the governance body for `to`.
        governance_body_for => GovernanceBodyFor;
    }

    /// Adds a seat: `member` sits on this body in `role`.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, MemberKind, MemberSpec, Role, Structure};
    ///
    /// let s = Structure::builder()
    ///     .member(MemberSpec::new("dcs", "DCS", MemberKind::Post))
    ///     .body(BodySpec::new("board", "Board", BodyKind::Board).seat("dcs", Role::Chair))
    ///     .build()?;
    /// let seat = &s.memberships()[0];
    /// assert_eq!((seat.member.as_str(), seat.body.as_str(), seat.role), ("dcs", "board", Role::Chair));
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn seat(self, member: impl Into<Id>, role: Role) -> BodySpec {
        self.seat_with(Seat::new(member, role))
    }

    /// Adds a seat with representation or provenance.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, MemberKind, MemberSpec, Role, Seat, Structure};
    ///
    /// let s = Structure::builder()
    ///     .member(MemberSpec::new("ceo", "Chief Executive", MemberKind::Post))
    ///     .body(BodySpec::new("board", "Board", BodyKind::Board)
    ///         .seat_with(Seat::new("ceo", Role::Chair).source("Appendix 1, Membership row")))
    ///     .build()?;
    /// assert_eq!(s.memberships()[0].role, Role::Chair);
    /// assert_eq!(s.memberships()[0].source.as_deref(), Some("Appendix 1, Membership row"));
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn seat_with(mut self, seat: Seat) -> BodySpec {
        self.raw.members.push(seat.raw);
        self
    }

    /// The body's id.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(govgraph::BodySpec::new("lscb", "LSCB", govgraph::BodyKind::Board).id(), "lscb");
    /// ```
    pub fn id(&self) -> &str {
        &self.raw.id
    }

    /// The body's display name. (`get_`, as jiff names its getters, because
    /// [`BodySpec::name`] is the setter.)
    ///
    /// # Examples
    ///
    /// ```
    /// let spec = govgraph::BodySpec::new("lscb", "LSCB", govgraph::BodyKind::Board);
    /// assert_eq!(spec.get_name(), "LSCB");
    /// ```
    pub fn get_name(&self) -> &str {
        &self.raw.name
    }

    /// The body's kind.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec};
    ///
    /// assert_eq!(BodySpec::new("lscb", "LSCB", BodyKind::Board).get_kind(), BodyKind::Board);
    /// ```
    pub fn get_kind(&self) -> BodyKind {
        word(&self.raw.kind)
    }

    /// The body's status.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, Status};
    ///
    /// assert_eq!(BodySpec::new("a", "A", BodyKind::Group).get_status(), Status::Active);
    /// ```
    pub fn get_status(&self) -> Status {
        self.raw.status.as_deref().map_or(Status::Active, word)
    }

    /// Whether the body is marked an apex: for the generator, which reads
    /// back what it drafted.
    #[cfg(feature = "generate")]
    pub(crate) fn is_apex(&self) -> bool {
        self.raw.apex
    }

    /// Whether the body has `theme` among its themes.
    #[cfg(feature = "generate")]
    pub(crate) fn has_theme(&self, theme: &str) -> bool {
        self.raw.themes.iter().any(|t| &**t == theme)
    }

    /// The ids this body relates to by `kind`, in the order they were
    /// added.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, RelationKind};
    ///
    /// let spec = BodySpec::new("exec", "Executive", BodyKind::Executive).reports_to("board");
    /// assert_eq!(spec.targets(RelationKind::ReportsTo).collect::<Vec<_>>(), ["board"]);
    /// ```
    pub fn targets(&self, kind: RelationKind) -> impl Iterator<Item = &str> + '_ {
        self.raw.relations.of(kind).iter().map(|target| &*target.to)
    }

    /// The ids of the members (or bodies) holding seats on this body, a
    /// holder of two seats twice, in the order they were added.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, Role};
    ///
    /// let spec = BodySpec::new("board", "Board", BodyKind::Board).seat("dcs", Role::Chair);
    /// assert_eq!(spec.seat_holders().collect::<Vec<_>>(), ["dcs"]);
    /// ```
    pub fn seat_holders(&self) -> impl Iterator<Item = &str> + '_ {
        self.raw.members.iter().map(|seat| &*seat.member)
    }

    /// Renames the body: its display name becomes `name`. Add the old one
    /// with [`BodySpec::formerly`] to keep the record.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec};
    ///
    /// let spec = BodySpec::new("cfp", "Children's Trust", BodyKind::Partnership)
    ///     .name("Children and Families Partnership")
    ///     .formerly("Children's Trust");
    /// assert_eq!(spec.get_name(), "Children and Families Partnership");
    /// ```
    pub fn name(mut self, name: impl Into<String>) -> BodySpec {
        self.raw.name = Text::from(name.into());
        self
    }

    /// Sets the body's kind.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec};
    ///
    /// let spec = BodySpec::new("t", "Training", BodyKind::Group).kind(BodyKind::SubGroup);
    /// assert_eq!(spec.get_kind(), BodyKind::SubGroup);
    /// ```
    pub fn kind(mut self, kind: BodyKind) -> BodySpec {
        self.raw.kind = kind.as_str().into();
        self
    }

    /// Drops every relation of `kind` from this body to `to`.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, RelationKind};
    ///
    /// let spec = BodySpec::new("exec", "Executive", BodyKind::Executive)
    ///     .reports_to("board")
    ///     .reports_to("council")
    ///     .without_relation(RelationKind::ReportsTo, "board");
    /// assert_eq!(spec.targets(RelationKind::ReportsTo).collect::<Vec<_>>(), ["council"]);
    /// ```
    pub fn without_relation(mut self, kind: RelationKind, to: &str) -> BodySpec {
        self.raw
            .targets_mut(kind)
            .retain(|target| &*target.to != to);
        self
    }

    /// Drops every seat `member` holds on this body, in any role.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, Role};
    ///
    /// let spec = BodySpec::new("board", "Board", BodyKind::Board)
    ///     .seat("dcs", Role::Chair)
    ///     .seat("gp", Role::Member)
    ///     .without_seat("dcs");
    /// assert_eq!(spec.seat_holders().collect::<Vec<_>>(), ["gp"]);
    /// ```
    pub fn without_seat(mut self, member: &str) -> BodySpec {
        self.raw.members.retain(|seat| &*seat.member != member);
        self
    }
}

/// A vocabulary word a spec holds. Specs are set only from the
/// vocabularies' own values, so the word is always one.
fn word<W: std::str::FromStr>(text: &str) -> W {
    text.parse()
        .unwrap_or_else(|_| unreachable!("a spec holds only vocabulary words, not {text:?}"))
}

/// A member to add with [`StructureBuilder::member`].
///
/// # Examples
///
/// ```
/// use govgraph::{MemberKind, MemberSpec, Structure};
///
/// let spec = MemberSpec::new("ad-cfh", "Assistant Director, Child & Family Health", MemberKind::Post)
///     .organisation("pct")
///     .reports_to("strategic-director")
///     .reports_to("operational-director");
/// let s = Structure::builder()
///     .member(MemberSpec::new("pct", "Halton and St Helens PCT", MemberKind::Organisation))
///     .member(MemberSpec::new("strategic-director", "Strategic Director", MemberKind::Post))
///     .member(MemberSpec::new("operational-director", "Operational Director", MemberKind::Post))
///     .member(spec)
///     .build()?;
/// assert_eq!(s.member("ad-cfh").unwrap().organisations, ["pct"]);
/// assert_eq!(
///     s.accountable_parents("ad-cfh").collect::<Vec<_>>(),
///     ["operational-director", "strategic-director"],
/// );
/// # Ok::<(), govgraph::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct MemberSpec {
    /// The member as a file writes it: a spec is its raw type.
    raw: RawMember<'static, Plain>,
}

impl MemberSpec {
    /// A member with an id, a display name and a kind.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{MemberKind, MemberSpec, Status, Structure};
    ///
    /// let s = Structure::builder()
    ///     .member(MemberSpec::new("police", "West Midlands Police", MemberKind::Organisation))
    ///     .build()?;
    /// let police = s.member("police").unwrap();
    /// assert_eq!((police.name.as_str(), police.kind), ("West Midlands Police", MemberKind::Organisation));
    /// assert_eq!(police.status, Status::Active);
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn new(id: impl Into<Id>, name: impl Into<String>, kind: MemberKind) -> MemberSpec {
        MemberSpec {
            raw: RawMember::new(
                Text::from(id.into().to_string()),
                Text::from(name.into()),
                kind.as_str().into(),
            ),
        }
    }

    /// Sets the member's status (a proposed Healthwatch, an organisation
    /// that has ceased).
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{MemberKind, MemberSpec, Status, Structure};
    ///
    /// let s = Structure::builder()
    ///     .member(MemberSpec::new("healthwatch", "Local Healthwatch", MemberKind::Organisation)
    ///         .status(Status::Proposed))
    ///     .build()?;
    /// assert_eq!(s.member("healthwatch").unwrap().status, Status::Proposed);
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn status(mut self, status: Status) -> MemberSpec {
        self.raw.status = Some(status.as_str().into());
        self
    }

    /// When the member took its status.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{Date, MemberKind, MemberSpec, Status, Structure};
    ///
    /// let s = Structure::builder()
    ///     .member(MemberSpec::new("pct", "PCT", MemberKind::Organisation)
    ///         .status(Status::Dissolved)
    ///         .status_since(Date::month(2013, 4).unwrap()))
    ///     .build()?;
    /// assert_eq!(s.member("pct").unwrap().status_since, Some(Date::month(2013, 4).unwrap()));
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn status_since(mut self, date: impl fmt::Display) -> MemberSpec {
        self.raw.status_since = Some(Text::from(date.to_string()));
        self
    }

    /// An organisation a post or person belongs to; call it again for a
    /// post of two organisations ("jointly funded ... through the PCT and
    /// the County Council").
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{MemberKind, MemberSpec, Structure};
    ///
    /// let s = Structure::builder()
    ///     .member(MemberSpec::new("council", "County Council", MemberKind::Organisation))
    ///     .member(MemberSpec::new("pct", "PCT", MemberKind::Organisation))
    ///     .member(MemberSpec::new("dph", "Director of Public Health", MemberKind::Post)
    ///         .organisation("pct")
    ///         .organisation("council"))
    ///     .build()?;
    /// assert_eq!(s.member("dph").unwrap().organisations, ["council", "pct"]);
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn organisation(mut self, organisation: impl Into<Id>) -> MemberSpec {
        self.raw
            .organisation
            .get_or_insert_with(OneOrMany::default)
            .0
            .push(Text::from(organisation.into().to_string()));
        self
    }

    /// Where in the source the member comes from.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{MemberKind, MemberSpec, Structure};
    ///
    /// let s = Structure::builder()
    ///     .member(MemberSpec::new("dcs", "DCS", MemberKind::Post).source("s6.5.1"))
    ///     .build()?;
    /// assert_eq!(s.member("dcs").unwrap().source.as_deref(), Some("s6.5.1"));
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn source(mut self, source: impl Into<String>) -> MemberSpec {
        self.raw.source = Some(Text::from(source.into()));
        self
    }

    /// A note on the member.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{MemberKind, MemberSpec, Structure};
    ///
    /// let s = Structure::builder()
    ///     .member(MemberSpec::new("dcs", "DCS", MemberKind::Post).note("ex officio"))
    ///     .build()?;
    /// assert_eq!(s.member("dcs").unwrap().note.as_deref(), Some("ex officio"));
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn note(mut self, note: impl Into<String>) -> MemberSpec {
        self.raw.note = Some(Text::from(note.into()));
        self
    }

    /// A line of accountability from this member (usually a post) to a post
    /// or body.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{MemberKind, MemberSpec, RelationKind, Structure};
    ///
    /// let s = Structure::builder()
    ///     .member(MemberSpec::new("dcs", "DCS", MemberKind::Post))
    ///     .member(MemberSpec::new("ad", "AD", MemberKind::Post).reports_to("dcs"))
    ///     .build()?;
    /// let relation = &s.relations()[0];
    /// assert_eq!((relation.from.as_str(), relation.kind, relation.to.as_str()), ("ad", RelationKind::ReportsTo, "dcs"));
    /// assert_eq!(s.accountable_parents("ad").collect::<Vec<_>>(), ["dcs"]);
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn reports_to(mut self, to: impl Into<Target>) -> MemberSpec {
        self.raw.reports_to.push(to.into().raw);
        self
    }

    /// The member's id.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(govgraph::MemberSpec::new("dcs", "DCS", govgraph::MemberKind::Post).id(), "dcs");
    /// ```
    pub fn id(&self) -> &str {
        &self.raw.id
    }

    /// The member's display name (`get_`, because [`MemberSpec::name`] is
    /// the setter).
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(govgraph::MemberSpec::new("dcs", "DCS", govgraph::MemberKind::Post).get_name(), "DCS");
    /// ```
    pub fn get_name(&self) -> &str {
        &self.raw.name
    }

    /// Renames the member.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{MemberKind, MemberSpec};
    ///
    /// let spec = MemberSpec::new("dcs", "DCS", MemberKind::Post).name("Director of Children's Services");
    /// assert_eq!(spec.get_name(), "Director of Children's Services");
    /// ```
    pub fn name(mut self, name: impl Into<String>) -> MemberSpec {
        self.raw.name = Text::from(name.into());
        self
    }

    /// Sets the member's kind.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{MemberKind, MemberSpec, Structure};
    ///
    /// let s = Structure::builder()
    ///     .member(MemberSpec::new("cllr-a", "Cllr A", MemberKind::Post).kind(MemberKind::Person))
    ///     .build()?;
    /// assert_eq!(s.member("cllr-a").unwrap().kind, MemberKind::Person);
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn kind(mut self, kind: MemberKind) -> MemberSpec {
        self.raw.kind = kind.as_str().into();
        self
    }

    /// Drops the member's line of accountability to `to`.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{MemberKind, MemberSpec, Structure};
    ///
    /// let s = Structure::builder()
    ///     .member(MemberSpec::new("dcs", "DCS", MemberKind::Post))
    ///     .member(MemberSpec::new("ad", "AD", MemberKind::Post).reports_to("dcs").without_reports_to("dcs"))
    ///     .build()?;
    /// assert!(s.relations().is_empty());
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn without_reports_to(mut self, to: &str) -> MemberSpec {
        self.raw.reports_to.retain(|target| &*target.to != to);
        self
    }

    /// Drops `organisation` from the organisations the member belongs to.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{MemberKind, MemberSpec, Structure};
    ///
    /// let s = Structure::builder()
    ///     .member(MemberSpec::new("council", "Council", MemberKind::Organisation))
    ///     .member(MemberSpec::new("ad", "AD", MemberKind::Post)
    ///         .organisation("pct")
    ///         .organisation("council")
    ///         .without_organisation("pct"))
    ///     .build()?;
    /// assert_eq!(s.member("ad").unwrap().organisations, ["council"]);
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn without_organisation(mut self, organisation: &str) -> MemberSpec {
        self.drop_organisation(organisation);
        self
    }

    fn drop_organisation(&mut self, organisation: &str) {
        if let Some(list) = &mut self.raw.organisation {
            list.0.retain(|o| &**o != organisation);
            if list.0.is_empty() {
                self.raw.organisation = None;
            }
        }
    }
}
