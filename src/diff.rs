//! Change between two snapshots of a structure: what was added, removed,
//! changed status, moved to new accountable parents or merged away.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use serde::Serialize;

use crate::model::{Body, Id, RelationKind, Role, Status, Structure};

/// A body or member named by a change: its id and its display name in the
/// snapshot the change is read from.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[non_exhaustive]
pub struct Named {
    /// Its id, the same in both snapshots.
    pub id: Id,
    /// Its display name.
    pub name: String,
}

/// A body that is in one snapshot only, with its status there.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct BodyEntry {
    /// The body.
    pub body: Named,
    /// Its status in the snapshot it is in.
    pub status: Status,
}

/// A body whose status differs between the snapshots.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct StatusChange {
    /// The body.
    pub body: Named,
    /// Its status in the earlier snapshot.
    pub from: Status,
    /// Its status in the later snapshot.
    pub to: Status,
}

/// A body or post in both snapshots whose accountable parents differ.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Reparenting {
    /// The body or post.
    pub body: Named,
    /// Its accountable parents in the earlier snapshot, sorted by id.
    pub before: Vec<Named>,
    /// Its accountable parents in the later snapshot, sorted by id.
    pub after: Vec<Named>,
}

/// A body in both snapshots whose name differs: the same body (the same
/// id), renamed, as a Trust renamed a Partnership.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Rename {
    /// The body's id.
    pub id: Id,
    /// Its name in the earlier snapshot.
    pub from: String,
    /// Its name in the later snapshot.
    pub to: String,
}

/// What a body has besides its name, status and relations, which
/// [`AttributeChange`] reports changes to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Attribute {
    /// Its kind ([`Body::kind`](crate::Body::kind)).
    Kind,
    /// Whether it is an apex.
    Apex,
    /// Whether it is statutory.
    Statutory,
    /// Its meeting pattern.
    Meets,
    /// Its tier or cluster.
    Tier,
    /// Its purpose.
    Purpose,
    /// Its functions.
    Functions,
}

impl Attribute {
    /// The attribute as a word: `"kind"`, `"meets"`.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(govgraph::Attribute::Meets.as_str(), "meets");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Attribute::Kind => "kind",
            Attribute::Apex => "apex",
            Attribute::Statutory => "statutory",
            Attribute::Meets => "meets",
            Attribute::Tier => "tier",
            Attribute::Purpose => "purpose",
            Attribute::Functions => "functions",
        }
    }
}

/// A body in both snapshots one of whose attributes differs, with the
/// value before and after as text ("" for none; functions one a line).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct AttributeChange {
    /// The body, named as in the later snapshot.
    pub body: Named,
    /// Which attribute.
    pub attribute: Attribute,
    /// Its value in the earlier snapshot.
    pub from: String,
    /// Its value in the later snapshot.
    pub to: String,
}

/// A body in both snapshots that the later one says is merged into others
/// it was not merged into before.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Merger {
    /// The body merged away.
    pub body: Named,
    /// What it is merged into in the later snapshot, sorted by id.
    pub into: Vec<Named>,
}

/// A relation present in one snapshot only.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct RelationChange {
    /// The body or member the relation is written on.
    pub from: Named,
    /// Its kind.
    pub kind: RelationKind,
    /// The body or member it points at.
    pub to: Named,
}

/// A seat (a member on a body in a role) present in one snapshot only.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct SeatChange {
    /// The body the seat is on.
    pub body: Named,
    /// Who holds it.
    pub member: Named,
    /// In what role.
    pub role: Role,
}

/// The difference between an earlier and a later snapshot of a structure,
/// from [`Structure::diff`]. Bodies, members and seats are matched by id,
/// relations by source, kind and target. Every list is sorted by id.
///
/// Its `Display` is a plain-text report, one section per kind of change,
/// empty sections left out.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Changes {
    /// Bodies in the later snapshot only.
    pub added: Vec<BodyEntry>,
    /// Bodies in the earlier snapshot only.
    pub removed: Vec<BodyEntry>,
    /// Bodies in both whose status differs.
    pub status_changed: Vec<StatusChange>,
    /// Bodies in both whose name differs.
    pub renamed: Vec<Rename>,
    /// Bodies in both whose kind, apex, statutory, meeting pattern, tier,
    /// purpose or functions differ, by body and then attribute.
    pub attributes_changed: Vec<AttributeChange>,
    /// Bodies and posts in both whose accountable parents differ (through
    /// `reports_to`, `sub_group_of`, or `oversees` read backwards).
    pub reparented: Vec<Reparenting>,
    /// Bodies in both that the later snapshot merges into others.
    pub merged: Vec<Merger>,
    /// Members in the later snapshot only.
    pub members_added: Vec<Named>,
    /// Members in the earlier snapshot only.
    pub members_removed: Vec<Named>,
    /// Relations in the later snapshot only.
    pub relations_added: Vec<RelationChange>,
    /// Relations in the earlier snapshot only.
    pub relations_removed: Vec<RelationChange>,
    /// Seats in the later snapshot only.
    pub seats_added: Vec<SeatChange>,
    /// Seats in the earlier snapshot only.
    pub seats_removed: Vec<SeatChange>,
}

impl Structure {
    /// What changed from this snapshot to a `later` one: bodies added and
    /// removed, status changes, renames, changes of kind, apex, statutory,
    /// meeting pattern, tier, purpose and functions, bodies re-parented
    /// (their accountable parents differ), bodies merged into others, and
    /// members, relations and seats added and removed.
    ///
    /// Bodies and members are matched by id, so give a body that persists
    /// the same id in both snapshots. A body that the later snapshot merges
    /// is listed under [`Changes::merged`] when it gains `merged_into`
    /// targets it did not have before; its status change, if any, is listed
    /// too.
    ///
    /// # Complexity
    ///
    /// **O(N log N)**, where N counts the bodies, members, relations and
    /// memberships of both snapshots.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, Status, Structure};
    ///
    /// let before = Structure::builder()
    ///     .body(BodySpec::new("board", "Board", BodyKind::Board).apex())
    ///     .body(BodySpec::new("age-groups", "Age related groups", BodyKind::Group).reports_to("board"))
    ///     .build()?;
    /// let after = Structure::builder()
    ///     .body(BodySpec::new("board", "Board", BodyKind::Board).apex().status(Status::OnHold))
    ///     .body(BodySpec::new("working-groups", "Working groups", BodyKind::Group).reports_to("board"))
    ///     .build()?;
    /// let changes = before.diff(&after);
    /// assert_eq!(changes.added[0].body.id.as_str(), "working-groups");
    /// assert_eq!(changes.removed[0].body.id.as_str(), "age-groups");
    /// assert_eq!(changes.status_changed[0].to, Status::OnHold);
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn diff(&self, later: &Structure) -> Changes {
        let mut changes = Changes::default();

        for body in self.bodies() {
            let Some(after) = later.body(body.id.as_str()) else {
                changes.removed.push(BodyEntry {
                    body: named(self, &body.id),
                    status: body.status,
                });
                continue;
            };
            if after.status != body.status {
                changes.status_changed.push(StatusChange {
                    body: named(later, &body.id),
                    from: body.status,
                    to: after.status,
                });
            }
            if after.name != body.name {
                changes.renamed.push(Rename {
                    id: body.id.clone(),
                    from: body.name.clone(),
                    to: after.name.clone(),
                });
            }
            for (attribute, from, to) in attributes(body, after) {
                changes.attributes_changed.push(AttributeChange {
                    body: named(later, &body.id),
                    attribute,
                    from,
                    to,
                });
            }
        }
        changes.added = later
            .bodies()
            .filter(|b| self.body(b.id.as_str()).is_none())
            .map(|b| BodyEntry {
                body: named(later, &b.id),
                status: b.status,
            })
            .collect();
        changes.members_removed = self
            .members()
            .filter(|m| later.member(m.id.as_str()).is_none())
            .map(|m| named(self, &m.id))
            .collect();
        changes.members_added = later
            .members()
            .filter(|m| self.member(m.id.as_str()).is_none())
            .map(|m| named(later, &m.id))
            .collect();

        let parents_before = accountable_parents(self);
        let parents_after = accountable_parents(later);
        let none = BTreeSet::new();
        let persisting = self
            .bodies
            .keys()
            .chain(self.members.keys())
            .filter(|id| later.entity(id.as_str()).is_some());
        let mut reparented = Vec::new();
        for id in persisting {
            let before = parents_before.get(id).unwrap_or(&none);
            let after = parents_after.get(id).unwrap_or(&none);
            if before != after {
                reparented.push(Reparenting {
                    body: named(later, id),
                    before: before.iter().map(|p| named(self, p)).collect(),
                    after: after.iter().map(|p| named(later, p)).collect(),
                });
            }
        }
        reparented.sort_by(|a, b| a.body.id.cmp(&b.body.id));
        changes.reparented = reparented;

        let merged_before = targets(self, RelationKind::MergedInto);
        for (id, into) in targets(later, RelationKind::MergedInto) {
            if self.body(id.as_str()).is_some() && merged_before.get(id) != Some(&into) {
                changes.merged.push(Merger {
                    body: named(later, id),
                    into: into.iter().map(|t| named(later, t)).collect(),
                });
            }
        }

        let relation_keys = |s: &'_ Structure| -> BTreeSet<(Id, RelationKind, Id)> {
            s.relations()
                .iter()
                .map(|r| (r.from.clone(), r.kind, r.to.clone()))
                .collect()
        };
        let (relations_before, relations_after) = (relation_keys(self), relation_keys(later));
        let relation_change =
            |s: &Structure, (from, kind, to): &(Id, RelationKind, Id)| RelationChange {
                from: named(s, from),
                kind: *kind,
                to: named(s, to),
            };
        changes.relations_removed = relations_before
            .difference(&relations_after)
            .map(|k| relation_change(self, k))
            .collect();
        changes.relations_added = relations_after
            .difference(&relations_before)
            .map(|k| relation_change(later, k))
            .collect();

        let seat_keys = |s: &'_ Structure| -> BTreeSet<(Id, Id, Role)> {
            s.memberships()
                .iter()
                .map(|m| (m.body.clone(), m.member.clone(), m.role))
                .collect()
        };
        let (seats_before, seats_after) = (seat_keys(self), seat_keys(later));
        let seat_change = |s: &Structure, (body, member, role): &(Id, Id, Role)| SeatChange {
            body: named(s, body),
            member: named(s, member),
            role: *role,
        };
        changes.seats_removed = seats_before
            .difference(&seats_after)
            .map(|k| seat_change(self, k))
            .collect();
        changes.seats_added = seats_after
            .difference(&seats_before)
            .map(|k| seat_change(later, k))
            .collect();

        changes
    }
}

impl Changes {
    /// Whether the two snapshots are the same as far as the diff looks.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, Structure};
    ///
    /// let s = Structure::builder().body(BodySpec::new("board", "Board", BodyKind::Board)).build()?;
    /// assert!(s.diff(&s).is_empty());
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn is_empty(&self) -> bool {
        self == &Changes::default()
    }
}

impl fmt::Display for Named {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.name, self.id)
    }
}

impl fmt::Display for Changes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_empty() {
            return writeln!(f, "no changes");
        }
        section(f, "bodies added", &self.added, |f, e| {
            write!(f, "{}, {}", e.body, e.status)
        })?;
        section(f, "bodies removed", &self.removed, |f, e| {
            write!(f, "{}, was {}", e.body, e.status)
        })?;
        section(f, "status changed", &self.status_changed, |f, c| {
            write!(f, "{}: {} -> {}", c.body, c.from, c.to)
        })?;
        section(f, "renamed", &self.renamed, |f, r| {
            write!(f, "{:?} -> {:?} ({})", r.from, r.to, r.id)
        })?;
        section(f, "changed", &self.attributes_changed, |f, c| {
            let show = |value: &str| {
                if value.is_empty() {
                    "none".to_string()
                } else {
                    format!("{value:?}")
                }
            };
            write!(
                f,
                "{}: {} {} -> {}",
                c.body,
                c.attribute.as_str(),
                show(&c.from),
                show(&c.to)
            )
        })?;
        section(f, "re-parented", &self.reparented, |f, r| {
            write!(f, "{}: {} -> {}", r.body, List(&r.before), List(&r.after))
        })?;
        section(f, "merged", &self.merged, |f, m| {
            write!(f, "{} into {}", m.body, List(&m.into))
        })?;
        section(f, "members added", &self.members_added, |f, m| {
            write!(f, "{m}")
        })?;
        section(f, "members removed", &self.members_removed, |f, m| {
            write!(f, "{m}")
        })?;
        section(f, "relations added", &self.relations_added, |f, r| {
            write!(f, "{} {} {}", r.from, r.kind.phrase(), r.to)
        })?;
        section(f, "relations removed", &self.relations_removed, |f, r| {
            write!(f, "{} {} {}", r.from, r.kind.phrase(), r.to)
        })?;
        section(f, "seats added", &self.seats_added, |f, s| {
            write!(f, "{} as {} on {}", s.member, s.role, s.body)
        })?;
        section(f, "seats removed", &self.seats_removed, |f, s| {
            write!(f, "{} as {} on {}", s.member, s.role, s.body)
        })
    }
}

/// Writes one titled section of a report, one indented line per item;
/// nothing if there are no items.
fn section<T>(
    f: &mut fmt::Formatter<'_>,
    title: &str,
    items: &[T],
    line: impl Fn(&mut fmt::Formatter<'_>, &T) -> fmt::Result,
) -> fmt::Result {
    if items.is_empty() {
        return Ok(());
    }
    writeln!(f, "{title} ({}):", items.len())?;
    for item in items {
        f.write_str("  ")?;
        line(f, item)?;
        writeln!(f)?;
    }
    Ok(())
}

/// A comma-separated list of names, or "none".
struct List<'a>(&'a [Named]);

impl fmt::Display for List<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_empty() {
            return f.write_str("none");
        }
        for (i, named) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            write!(f, "{named}")?;
        }
        Ok(())
    }
}

/// The attributes that differ between two snapshots of one body, in the
/// order of [`Attribute`], each before and after as text.
fn attributes(before: &Body, after: &Body) -> Vec<(Attribute, String, String)> {
    let text = |value: &Option<String>| value.clone().unwrap_or_default();
    let meets = |body: &Body| body.meets.map(|m| m.to_string()).unwrap_or_default();
    let pairs = [
        (
            Attribute::Kind,
            before.kind.to_string(),
            after.kind.to_string(),
        ),
        (
            Attribute::Apex,
            before.apex.to_string(),
            after.apex.to_string(),
        ),
        (
            Attribute::Statutory,
            before.statutory.to_string(),
            after.statutory.to_string(),
        ),
        (Attribute::Meets, meets(before), meets(after)),
        (Attribute::Tier, text(&before.tier), text(&after.tier)),
        (
            Attribute::Purpose,
            text(&before.purpose),
            text(&after.purpose),
        ),
        (
            Attribute::Functions,
            before.functions.join("\n"),
            after.functions.join("\n"),
        ),
    ];
    pairs.into_iter().filter(|(_, x, y)| x != y).collect()
}

fn named(structure: &Structure, id: &Id) -> Named {
    Named {
        id: id.clone(),
        name: structure.name_of(id.as_str()).to_string(),
    }
}

/// Every body's or member's accountable parents, in one pass over the
/// relations.
fn accountable_parents(structure: &Structure) -> BTreeMap<&Id, BTreeSet<&Id>> {
    let mut parents: BTreeMap<&Id, BTreeSet<&Id>> = BTreeMap::new();
    for (child, parent) in structure
        .relations()
        .iter()
        .filter_map(|r| r.accountability())
    {
        parents.entry(child).or_default().insert(parent);
    }
    parents
}

/// The targets of every relation of one kind, by the id it is written on.
fn targets(structure: &Structure, kind: RelationKind) -> BTreeMap<&Id, BTreeSet<&Id>> {
    let mut out: BTreeMap<&Id, BTreeSet<&Id>> = BTreeMap::new();
    for relation in structure.relations().iter().filter(|r| r.kind == kind) {
        out.entry(&relation.from).or_default().insert(&relation.to);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{BodyKind, BodySpec, MemberKind, MemberSpec, Seat};

    fn board() -> BodySpec {
        BodySpec::new("board", "Trust Board", BodyKind::Board).apex()
    }

    fn ids<'a>(named: impl IntoIterator<Item = &'a Named>) -> Vec<&'a str> {
        named.into_iter().map(|n| n.id.as_str()).collect()
    }

    #[test]
    fn a_structure_has_no_changes_from_itself() {
        let s = Structure::builder()
            .body(board())
            .body(BodySpec::new("exec", "Executive", BodyKind::Executive).reports_to("board"))
            .build()
            .unwrap();
        let changes = s.diff(&s);
        assert!(changes.is_empty());
        assert_eq!(changes.to_string(), "no changes\n");
    }

    #[test]
    fn bodies_in_one_snapshot_only_are_added_or_removed_sorted_by_id() {
        let before = Structure::builder()
            .body(board())
            .body(BodySpec::new("old-b", "Old B", BodyKind::Group))
            .body(BodySpec::new("old-a", "Old A", BodyKind::Group).status(Status::Dormant))
            .build()
            .unwrap();
        let after = Structure::builder()
            .body(BodySpec::new("new-z", "New Z", BodyKind::Group).status(Status::Proposed))
            .body(board())
            .body(BodySpec::new("new-y", "New Y", BodyKind::Group))
            .build()
            .unwrap();
        let changes = before.diff(&after);
        assert_eq!(
            ids(changes.added.iter().map(|e| &e.body)),
            ["new-y", "new-z"]
        );
        assert_eq!(changes.added[1].status, Status::Proposed);
        assert_eq!(
            ids(changes.removed.iter().map(|e| &e.body)),
            ["old-a", "old-b"]
        );
        assert_eq!(changes.removed[0].status, Status::Dormant);
        assert!(changes.status_changed.is_empty());
        assert!(changes.reparented.is_empty());
    }

    #[test]
    fn a_status_change_records_both_statuses() {
        let before = Structure::builder().body(board()).build().unwrap();
        let after = Structure::builder()
            .body(board().status(Status::OnHold))
            .build()
            .unwrap();
        let changes = before.diff(&after);
        assert_eq!(
            changes.status_changed,
            [StatusChange {
                body: Named {
                    id: Id::new("board"),
                    name: "Trust Board".into()
                },
                from: Status::Active,
                to: Status::OnHold,
            }]
        );
    }

    #[test]
    fn moving_to_a_new_parent_is_a_reparenting_whichever_relation_says_so() {
        // "c" is first overseen by "a" (accountable to "a"), then a sub-group
        // of "b": different relations, but what matters is the parent.
        let before = Structure::builder()
            .body(BodySpec::new("a", "A", BodyKind::ProgrammeBoard).oversees("c"))
            .body(BodySpec::new("b", "B", BodyKind::Board))
            .body(BodySpec::new("c", "C", BodyKind::Project))
            .build()
            .unwrap();
        let after = Structure::builder()
            .body(BodySpec::new("a", "A", BodyKind::ProgrammeBoard))
            .body(BodySpec::new("b", "B", BodyKind::Board))
            .body(BodySpec::new("c", "C", BodyKind::Project).sub_group_of("b"))
            .build()
            .unwrap();
        let changes = before.diff(&after);
        assert_eq!(changes.reparented.len(), 1);
        let moved = &changes.reparented[0];
        assert_eq!(moved.body.id.as_str(), "c");
        assert_eq!(ids(&moved.before), ["a"]);
        assert_eq!(ids(&moved.after), ["b"]);
    }

    #[test]
    fn changing_the_kind_of_an_accountability_line_to_the_same_parent_is_not_a_reparenting() {
        let before = Structure::builder()
            .body(board())
            .body(BodySpec::new("g", "G", BodyKind::Group).reports_to("board"))
            .build()
            .unwrap();
        let after = Structure::builder()
            .body(board())
            .body(BodySpec::new("g", "G", BodyKind::Group).sub_group_of("board"))
            .build()
            .unwrap();
        let changes = before.diff(&after);
        assert!(changes.reparented.is_empty());
        assert_eq!(changes.relations_removed.len(), 1);
        assert_eq!(changes.relations_removed[0].kind, RelationKind::ReportsTo);
        assert_eq!(changes.relations_added[0].kind, RelationKind::SubGroupOf);
    }

    #[test]
    fn a_post_that_gains_a_second_line_is_reparented() {
        let before = Structure::builder()
            .member(MemberSpec::new("dcs", "DCS", MemberKind::Post))
            .member(MemberSpec::new("ad", "Assistant Director", MemberKind::Post).reports_to("dcs"))
            .build()
            .unwrap();
        let after = Structure::builder()
            .member(MemberSpec::new("dcs", "DCS", MemberKind::Post))
            .member(MemberSpec::new(
                "opd",
                "Operational Director",
                MemberKind::Post,
            ))
            .member(
                MemberSpec::new("ad", "Assistant Director", MemberKind::Post)
                    .reports_to("dcs")
                    .reports_to("opd"),
            )
            .build()
            .unwrap();
        let changes = before.diff(&after);
        assert_eq!(ids(&changes.members_added), ["opd"]);
        assert_eq!(changes.reparented.len(), 1);
        assert_eq!(ids(&changes.reparented[0].before), ["dcs"]);
        assert_eq!(ids(&changes.reparented[0].after), ["dcs", "opd"]);
    }

    #[test]
    fn a_body_merged_away_is_listed_with_what_it_joined() {
        let before = Structure::builder()
            .body(board())
            .body(BodySpec::new("prosperous", "Prosperous", BodyKind::Board))
            .body(BodySpec::new("econ", "Economic Wellbeing", BodyKind::Group).reports_to("board"))
            .build()
            .unwrap();
        let after = Structure::builder()
            .body(board())
            .body(BodySpec::new("prosperous", "Prosperous", BodyKind::Board))
            .body(
                BodySpec::new("econ", "Economic Wellbeing", BodyKind::Group)
                    .status(Status::Merged)
                    .reports_to("board")
                    .merged_into("prosperous"),
            )
            .build()
            .unwrap();
        let changes = before.diff(&after);
        assert_eq!(changes.merged.len(), 1);
        assert_eq!(changes.merged[0].body.id.as_str(), "econ");
        assert_eq!(ids(&changes.merged[0].into), ["prosperous"]);
        assert_eq!(changes.status_changed[0].to, Status::Merged);
        // Already merged in both snapshots: not merged again.
        assert!(after.diff(&after).merged.is_empty());
    }

    #[test]
    fn seats_are_matched_by_body_member_and_role() {
        let member = || MemberSpec::new("lead", "Lead Member", MemberKind::Post);
        let before = Structure::builder()
            .member(member())
            .body(board().seat("lead", Role::Member))
            .build()
            .unwrap();
        let after = Structure::builder()
            .member(member())
            .body(board().seat_with(Seat::new("lead", Role::Chair).source("s1")))
            .build()
            .unwrap();
        let changes = before.diff(&after);
        assert_eq!(changes.seats_removed.len(), 1);
        assert_eq!(changes.seats_removed[0].role, Role::Member);
        assert_eq!(changes.seats_added.len(), 1);
        assert_eq!(changes.seats_added[0].role, Role::Chair);
    }

    #[test]
    fn the_report_lists_each_kind_of_change_under_its_own_heading() {
        let before = Structure::builder()
            .body(board())
            .body(BodySpec::new("age", "Age groups", BodyKind::Group).reports_to("board"))
            .body(BodySpec::new("exec", "Executive", BodyKind::Executive).reports_to("board"))
            .build()
            .unwrap();
        let after = Structure::builder()
            .body(board().status(Status::OnHold))
            .body(BodySpec::new("exec", "Executive", BodyKind::Executive).oversees("work"))
            .body(BodySpec::new("work", "Working groups", BodyKind::Group).status(Status::Proposed))
            .build()
            .unwrap();
        let expected = "\
bodies added (1):
  Working groups (work), proposed
bodies removed (1):
  Age groups (age), was active
status changed (1):
  Trust Board (board): active -> on-hold
re-parented (1):
  Executive (exec): Trust Board (board) -> none
relations added (1):
  Executive (exec) oversees Working groups (work)
relations removed (2):
  Age groups (age) reports to Trust Board (board)
  Executive (exec) reports to Trust Board (board)
";
        assert_eq!(before.diff(&after).to_string(), expected);
    }

    #[test]
    fn changes_serialise_with_statuses_as_words() {
        let before = Structure::builder().body(board()).build().unwrap();
        let after = Structure::builder()
            .body(board().status(Status::NeverMet))
            .build()
            .unwrap();
        let json = serde_json::to_value(before.diff(&after)).unwrap();
        assert_eq!(
            json["status_changed"],
            serde_json::json!([{
                "body": { "id": "board", "name": "Trust Board" },
                "from": "active",
                "to": "never-met"
            }])
        );
        assert_eq!(json["added"], serde_json::json!([]));
    }
}
