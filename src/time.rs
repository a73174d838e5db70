//! The structure at a point in time, or as intended.
//!
//! A structure file says what holds now, what held before (seats and
//! relations with dates, statuses with the date they were taken) and what
//! is intended. These views turn it into the structure that held at a
//! date, or the one that will hold once every intended change is made, so
//! that the report and the drawing can be asked for either.

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::model::{Body, Date, Id, Member, Meta, RelationKind, Status, Structure};

impl Structure {
    /// The structure as it stood at `date`.
    ///
    /// - Relations and seats are kept if they held at `date`: not intended,
    ///   begun on or before it (or undated), and not yet ended (they hold
    ///   until their end date, which is excluded).
    /// - A body or member whose status was taken after `date`
    ///   ([`Body::status_since`]) is taken to have been active then; one
    ///   whose status begins its life (new, shadow, being established,
    ///   proposed: [`Status::is_beginning`]) did not exist yet, and is left
    ///   out with its seats and relations.
    /// - Intended statuses and intended successions are left out, and so
    ///   are successions dated after `date`.
    ///
    /// A date stands for its first day ([`Date`]).
    ///
    /// # Complexity
    ///
    /// **O(B + M + R + S)** time and space for B bodies, M members, R
    /// relations and S seats: one pass over each.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{Date, Status, Structure};
    ///
    /// let s = Structure::from_toml_str(r#"
    ///     [[body]]
    ///     id = "board"
    ///     name = "Trust Board"
    ///     kind = "board"
    ///     apex = true
    ///     status = "dissolved"
    ///     status_since = "2011-03-28"
    ///
    ///     [[body]]
    ///     id = "exec"
    ///     name = "Executive"
    ///     kind = "executive"
    ///     reports_to = [{ to = "board", until = "2011-03-28" }]
    ///     accountability = "unsettled"
    /// "#)?;
    /// let before = s.as_at("2011-01".parse()?);
    /// assert_eq!(before.body("board").unwrap().status, Status::Active);
    /// assert_eq!(before.accountable_parents("exec").count(), 1);
    /// let after = s.as_at(Date::month(2011, 6).unwrap());
    /// assert_eq!(after.accountable_parents("exec").count(), 0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn as_at(&self, date: Date) -> Structure {
        let not_yet = |status: Status, since: Option<Date>| {
            since.is_some_and(|s| s > date) && status.is_beginning()
        };
        let later = |since: Option<Date>| since.is_some_and(|since| since > date);
        // Bodies and members are shared with `self`: only those the date
        // changes are copied.
        let bodies: BTreeMap<Id, Arc<Body>> = self
            .bodies
            .iter()
            .filter(|(_, body)| !not_yet(body.status, body.status_since))
            .map(|(id, body)| {
                let mut body = Arc::clone(body);
                if body.intended_status.is_some() || later(body.status_since) {
                    let body = Arc::make_mut(&mut body);
                    body.intended_status = None;
                    if later(body.status_since) {
                        body.status = Status::Active;
                        body.status_since = None;
                    }
                }
                (id.clone(), body)
            })
            .collect();
        let mut members: BTreeMap<Id, Arc<Member>> = self
            .members
            .iter()
            .filter(|(_, member)| !not_yet(member.status, member.status_since))
            .map(|(id, member)| {
                let mut member = Arc::clone(member);
                if later(member.status_since) {
                    let member = Arc::make_mut(&mut member);
                    member.status = Status::Active;
                    member.status_since = None;
                }
                (id.clone(), member)
            })
            .collect();
        let held = |intended: bool, start: Option<Date>, end: Option<Date>| {
            !intended && start.is_none_or(|s| s <= date) && end.is_none_or(|e| date < e)
        };
        let exists = |id: &Id| bodies.contains_key(id) || members.contains_key(id);
        let relations = self
            .relations
            .iter()
            .filter(|r| held(r.intended, r.start, r.end) && exists(&r.from) && exists(&r.to))
            .cloned()
            .collect();
        let memberships = self
            .memberships
            .iter()
            .filter(|m| {
                held(m.intended, m.start, m.end)
                    && exists(&m.body)
                    && exists(&m.member)
                    && m.on_behalf_of.as_ref().is_none_or(exists)
            })
            .cloned()
            .collect();
        let successions = self
            .successions
            .iter()
            .filter(|s| {
                !s.intended
                    && s.date.is_none_or(|d| d <= date)
                    && s.from.iter().chain(&s.to).all(exists)
            })
            .cloned()
            .collect();
        // A member's organisations that do not exist at the date go.
        let trimmed: Vec<(Id, Vec<Id>)> = members
            .iter()
            .filter(|(_, m)| !m.organisations.iter().all(exists))
            .map(|(id, m)| {
                let kept = m.organisations.iter().filter(|o| exists(o)).cloned();
                (id.clone(), kept.collect())
            })
            .collect();
        for (id, organisations) in trimmed {
            if let Some(member) = members.get_mut(&id) {
                Arc::make_mut(member).organisations = organisations;
            }
        }
        Structure {
            meta: Meta {
                date: Some(date),
                ..self.meta.clone()
            },
            bodies,
            members,
            memberships,
            relations,
            successions,
            overseen: Default::default(),
        }
    }

    /// The structure with every intended change made.
    ///
    /// - Intended relations, seats and successions are put in force.
    /// - Bodies take their intended status ([`Body::intended_status`]).
    /// - Bodies that are proposed or being established become new; a body
    ///   merged into another, or replaced, by an intended relation or
    ///   succession becomes merged or dissolved.
    ///
    /// # Complexity
    ///
    /// **O(B + M + R log R + S)**: one pass over each part, and the
    /// relations sorted again.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{Status, Structure};
    ///
    /// let s = Structure::from_toml_str(r#"
    ///     [[body]]
    ///     id = "hwb"
    ///     name = "Health and Wellbeing Board"
    ///     kind = "board"
    ///     status = "shadow"
    ///     apex = true
    ///
    ///     [[body]]
    ///     id = "trust"
    ///     name = "Children's Trust"
    ///     kind = "board"
    ///     apex = true
    ///     merged_into = [{ to = "hwb", intended = true, note = "working toward merging" }]
    /// "#)?;
    /// assert_eq!(s.body("trust").unwrap().status, Status::Active);
    /// let intended = s.as_intended();
    /// assert_eq!(intended.body("trust").unwrap().status, Status::Merged);
    /// assert!(!intended.relations()[0].intended);
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn as_intended(&self) -> Structure {
        let mut out = self.clone();
        for (body, status) in out.bodies.values_mut().zip(self.intended_statuses()) {
            if body.intended_status.is_some() || status.is_some() {
                let body = Arc::make_mut(body);
                body.intended_status = None;
                if let Some(status) = status {
                    body.status = status;
                    body.status_since = None;
                }
            }
        }
        for member in out.members.values_mut() {
            if matches!(member.status, Status::Proposed | Status::BeingEstablished) {
                let member = Arc::make_mut(member);
                member.status = Status::New;
                member.status_since = None;
            }
        }
        for relation in &mut out.relations {
            relation.intended = false;
        }
        for membership in &mut out.memberships {
            membership.intended = false;
        }
        for succession in &mut out.successions {
            succession.intended = false;
        }
        out.relations.sort_unstable();
        out.relations
            .dedup_by(|a, b| (&a.from, a.kind, &a.to) == (&b.from, b.kind, &b.to));
        out.memberships.sort_unstable();
        out.memberships.dedup_by(|a, b| {
            (&a.body, &a.member, a.role, a.start, a.end)
                == (&b.body, &b.member, b.role, b.start, b.end)
        });
        out
    }

    /// The structure in force as the file describes it, which the report
    /// analyses: with the file's own date ([`Meta::date`](crate::Meta)),
    /// the structure [as at](Structure::as_at) that date; without one,
    /// intended relations, seats and successions are left out, and so are
    /// relations and seats that have an end date (they have ended).
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, Structure, Target};
    ///
    /// let s = Structure::builder()
    ///     .body(BodySpec::new("hwb", "Health and Wellbeing Board", BodyKind::Board).apex())
    ///     .body(BodySpec::new("trust", "Trust", BodyKind::Board).apex()
    ///         .sub_group_of(Target::new("hwb").intended()))
    ///     .build()?;
    /// assert_eq!(s.relations().len(), 1);
    /// assert!(s.in_force().relations().is_empty());
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn in_force(&self) -> Structure {
        if let Some(date) = self.meta.date {
            return self.as_at(date);
        }
        // Bodies and members are shared with `self`: only a body with an
        // intended status is copied, to clear it.
        let mut bodies = self.bodies.clone();
        for body in bodies.values_mut() {
            if body.intended_status.is_some() {
                Arc::make_mut(body).intended_status = None;
            }
        }
        let now = |intended: bool, end: Option<Date>| !intended && end.is_none();
        Structure {
            meta: self.meta.clone(),
            bodies,
            members: self.members.clone(),
            memberships: (self.memberships.iter())
                .filter(|m| now(m.intended, m.end))
                .cloned()
                .collect(),
            relations: (self.relations.iter())
                .filter(|r| now(r.intended, r.end))
                .cloned()
                .collect(),
            successions: (self.successions.iter())
                .filter(|s| !s.intended)
                .cloned()
                .collect(),
            overseen: Default::default(),
        }
    }

    /// Whether [`Structure::in_force`] would change anything: the
    /// structure has intended or dated facts.
    pub(crate) fn has_time(&self) -> bool {
        self.has_intended()
            || self
                .relations
                .iter()
                .any(|r| r.start.is_some() || r.end.is_some())
            || self
                .memberships
                .iter()
                .any(|m| m.start.is_some() || m.end.is_some())
            || self.bodies.values().any(|b| b.status_since.is_some())
            || self.members.values().any(|m| m.status_since.is_some())
            || self.successions.iter().any(|s| s.date.is_some())
    }

    /// Whether anything in the structure is intended: a relation, seat or
    /// succession, or a body's intended status.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, Structure};
    ///
    /// let s = Structure::builder().body(BodySpec::new("b", "Board", BodyKind::Board).apex()).build()?;
    /// assert!(!s.has_intended());
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn has_intended(&self) -> bool {
        self.relations.iter().any(|r| r.intended)
            || self.memberships.iter().any(|m| m.intended)
            || self.successions.iter().any(|s| s.intended)
            || self.bodies.values().any(|b| b.intended_status.is_some())
    }
}

impl Structure {
    /// The status each body takes as intended, in id order (the order of
    /// [`Structure::bodies`]); `None` where nothing changes it: its
    /// intended status; set up if it is proposed or being set up; and the
    /// status of a body that gives way by an intended succession (a
    /// relation or a `[[succession]]`). Read by [`Structure::as_intended`]
    /// and by the report's intended changes, which need no copy of the
    /// structure.
    pub(crate) fn intended_statuses(&self) -> Vec<Option<Status>> {
        let mut statuses: Vec<Option<Status>> = self
            .bodies
            .values()
            .map(|body| {
                let status = body.intended_status.unwrap_or(body.status);
                let set_up = matches!(status, Status::Proposed | Status::BeingEstablished);
                match (body.intended_status, set_up) {
                    (_, true) => Some(Status::New),
                    (Some(status), false) => Some(status),
                    (None, false) => None,
                }
            })
            .collect();
        let gone = self
            .relations
            .iter()
            .filter(|r| r.intended && r.kind.is_succession())
            .map(|r| (&r.from, r.kind))
            .chain(
                self.successions
                    .iter()
                    .filter(|s| s.intended)
                    .flat_map(|s| s.from.iter().map(move |id| (id, s.kind))),
            );
        let ids: Vec<&crate::Id> = self.bodies.keys().collect();
        for (id, kind) in gone {
            if let Ok(at) = ids.binary_search(&id) {
                statuses[at] = Some(succeeded_status(kind));
            }
        }
        statuses
    }
}

/// The status a body takes when it gives way by a relation of this kind.
fn succeeded_status(kind: RelationKind) -> Status {
    match kind {
        RelationKind::MergedInto => Status::Merged,
        RelationKind::RenamedTo => Status::Renamed,
        _ => Status::Dissolved,
    }
}
