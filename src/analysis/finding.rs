//! Findings: every kind a report holds, one readable line each, and the
//! error that lists unwanted ones for a user's tests.

use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::analysis::text::{Label, join};
use crate::analysis::{
    CrossSeat, Cycle, Duplicate, Interlock, MultipleAccountability, MutualScrutiny, Orphan,
    OrphanCase, Overlap, ReciprocalSeats, Report, Shared, Unsettled, UnsettledReason,
};
use crate::model::{Id, MeetingPattern, Relation, RelationKind, UnknownWord, fold_word};

/// The kinds of finding a [`Report`] holds, for
/// [`Report::ensure_none`] and [`Finding::kind`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum FindingKind {
    /// An orphaned group ([`Orphan`]).
    Orphan,
    /// A body whose accountability is not stated or not settled, or which
    /// has no relation of any kind ([`Unsettled`]).
    Unsettled,
    /// A possible duplicate pair ([`Duplicate`]).
    Duplicate,
    /// Two bodies with overlapping membership ([`Overlap`]).
    Overlap,
    /// An accountability cycle ([`Cycle`]).
    Cycle,
    /// Two bodies that scrutinise each other ([`MutualScrutiny`]).
    MutualScrutiny,
    /// A body or post with more than one accountable parent
    /// ([`MultipleAccountability`]).
    MultipleAccountability,
    /// A member on many bodies ([`Interlock`]).
    Interlock,
    /// A member who leads one body and sits on another ([`CrossSeat`]).
    CrossSeat,
    /// Two bodies whose leaders each sit on the other ([`ReciprocalSeats`]).
    ReciprocalSeats,
    /// An active body whose meeting pattern is not known
    /// ([`GovernanceLoad::unknown`](crate::GovernanceLoad::unknown)).
    UnknownMeetings,
}

impl FindingKind {
    /// Every kind, in the order a report lists them.
    pub const ALL: &'static [FindingKind] = &[
        FindingKind::Orphan,
        FindingKind::Unsettled,
        FindingKind::Duplicate,
        FindingKind::Overlap,
        FindingKind::Cycle,
        FindingKind::MutualScrutiny,
        FindingKind::MultipleAccountability,
        FindingKind::Interlock,
        FindingKind::CrossSeat,
        FindingKind::ReciprocalSeats,
        FindingKind::UnknownMeetings,
    ];

    /// The kind as a word, as in JSON: `"orphan"`, `"mutual-scrutiny"`.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(govgraph::FindingKind::MutualScrutiny.as_str(), "mutual-scrutiny");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            FindingKind::Orphan => "orphan",
            FindingKind::Unsettled => "unsettled",
            FindingKind::Duplicate => "duplicate",
            FindingKind::Overlap => "overlap",
            FindingKind::Cycle => "cycle",
            FindingKind::MutualScrutiny => "mutual-scrutiny",
            FindingKind::MultipleAccountability => "multiple-accountability",
            FindingKind::Interlock => "interlock",
            FindingKind::CrossSeat => "cross-seat",
            FindingKind::ReciprocalSeats => "reciprocal-seats",
            FindingKind::UnknownMeetings => "unknown-meetings",
        }
    }
}

impl fmt::Display for FindingKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Reads the word a kind prints as, forgivingly: case, spaces, hyphens and
/// underscores do not matter, and the plural (the report's list name, as in
/// JSON: `"orphans"`, `"mutual_scrutiny"`, `"duplicates"`) is accepted too.
///
/// # Examples
///
/// ```
/// use govgraph::FindingKind;
///
/// assert_eq!("orphan".parse(), Ok(FindingKind::Orphan));
/// assert_eq!("Mutual Scrutiny".parse(), Ok(FindingKind::MutualScrutiny));
/// assert_eq!("multiple_accountability".parse(), Ok(FindingKind::MultipleAccountability));
/// assert_eq!("interlocks".parse(), Ok(FindingKind::Interlock));
/// let err = "orphen".parse::<FindingKind>().unwrap_err();
/// assert!(err.to_string().starts_with(
///     r#"unknown finding kind "orphen" (did you mean "orphan"?); expected one of: orphan, "#
/// ));
/// ```
impl FromStr for FindingKind {
    type Err = UnknownWord;

    fn from_str(s: &str) -> Result<FindingKind, UnknownWord> {
        let folded = fold_word(s);
        let kind = FindingKind::ALL.iter().copied().find(|kind| {
            let word = kind.as_str();
            folded == word
                || folded
                    .strip_suffix('s')
                    .is_some_and(|singular| singular == word)
        });
        kind.ok_or_else(|| UnknownWord {
            what: "finding kind",
            word: s.to_string(),
            suggestion: crate::suggest::closest(
                &folded,
                FindingKind::ALL.iter().map(|kind| kind.as_str()),
            )
            .map(str::to_string),
            allowed: crate::suggest::nearest_first(
                &folded,
                FindingKind::ALL.iter().map(|kind| kind.as_str()),
            ),
        })
    }
}

/// Read as [`FromStr`] reads it.
impl<'de> Deserialize<'de> for FindingKind {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<FindingKind, D::Error> {
        let word = String::deserialize(deserializer)?;
        word.parse().map_err(serde::de::Error::custom)
    }
}

/// One finding of a [`Report`]; prints as one readable line, bodies by
/// display name. The typed finding, with its evidence and ids, is in the
/// report's list for its kind ([`Report::orphans`], ...).
#[derive(Clone, Copy)]
pub struct Finding<'r> {
    pub(super) report: &'r Report,
    pub(super) detail: Detail<'r>,
}

#[derive(Clone, Copy)]
pub(super) enum Detail<'r> {
    Orphan(&'r Orphan),
    Unsettled(&'r Unsettled),
    Duplicate(&'r Duplicate),
    Overlap(&'r Overlap),
    Cycle(&'r Cycle),
    MutualScrutiny(&'r MutualScrutiny),
    MultipleAccountability(&'r MultipleAccountability),
    Interlock(&'r Interlock),
    CrossSeat(&'r CrossSeat),
    ReciprocalSeats(&'r ReciprocalSeats),
    UnknownMeetings(&'r Id),
}

impl Finding<'_> {
    /// What kind of finding it is.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, FindingKind, Structure};
    ///
    /// let s = Structure::builder().body(BodySpec::new("play", "Play", BodyKind::Partnership)).build()?;
    /// let report = s.report();
    /// let kinds: Vec<FindingKind> = report.findings().map(|f| f.kind()).collect();
    /// assert_eq!(kinds, [FindingKind::Orphan, FindingKind::UnknownMeetings]);
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn kind(&self) -> FindingKind {
        match self.detail {
            Detail::Orphan(_) => FindingKind::Orphan,
            Detail::Unsettled(_) => FindingKind::Unsettled,
            Detail::Duplicate(_) => FindingKind::Duplicate,
            Detail::Overlap(_) => FindingKind::Overlap,
            Detail::Cycle(_) => FindingKind::Cycle,
            Detail::MutualScrutiny(_) => FindingKind::MutualScrutiny,
            Detail::MultipleAccountability(_) => FindingKind::MultipleAccountability,
            Detail::Interlock(_) => FindingKind::Interlock,
            Detail::CrossSeat(_) => FindingKind::CrossSeat,
            Detail::ReciprocalSeats(_) => FindingKind::ReciprocalSeats,
            Detail::UnknownMeetings(_) => FindingKind::UnknownMeetings,
        }
    }
}

impl<'r> Finding<'r> {
    /// The ids the finding is about, not its evidence: the orphan, the two
    /// bodies of a duplicate pair or of mutual scrutiny, the bodies of a
    /// cycle, the body or post with more than one parent, the interlocking
    /// member, the body whose meetings are not known. The same finding in
    /// two reports has the same kind and ids.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, FindingKind, Structure};
    ///
    /// let s = Structure::builder()
    ///     .body(BodySpec::new("trust", "Trust", BodyKind::Board).apex())
    ///     .body(BodySpec::new("council", "Council", BodyKind::Board).apex())
    ///     .body(BodySpec::new("exec", "Executive", BodyKind::Executive)
    ///         .reports_to("trust")
    ///         .reports_to("council"))
    ///     .build()?;
    /// let report = s.report();
    /// let multiple = report
    ///     .findings()
    ///     .find(|f| f.kind() == FindingKind::MultipleAccountability)
    ///     .unwrap();
    /// assert_eq!(multiple.ids(), ["exec"]);
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn ids(&self) -> &'r [Id] {
        match self.detail {
            Detail::Orphan(orphan) => std::slice::from_ref(&orphan.body),
            Detail::Unsettled(found) => std::slice::from_ref(&found.body),
            Detail::Duplicate(pair) => &pair.bodies,
            Detail::Cycle(cycle) => &cycle.ids,
            Detail::MutualScrutiny(pair) => &pair.bodies,
            Detail::MultipleAccountability(found) => std::slice::from_ref(&found.id),
            Detail::Interlock(interlock) => std::slice::from_ref(&interlock.member),
            Detail::Overlap(pair) => &pair.bodies,
            Detail::CrossSeat(cross) => std::slice::from_ref(&cross.member),
            Detail::ReciprocalSeats(pair) => &pair.bodies,
            Detail::UnknownMeetings(id) => std::slice::from_ref(id),
        }
    }
}

impl<'r> Finding<'r> {
    /// The ids the finding cites beside those it is about
    /// ([`Finding::ids`]): an orphan's parents that are not active, or the
    /// bodies where its routes break; the parents an unsettled body is
    /// assumed to answer to; the parents of a body or post with more than
    /// one; the bodies an interlocking member sits on; the bodies a cross
    /// seat's member leads and sits on; the members and organisations two
    /// overlapping bodies share; the leaders of reciprocal seats. Empty for
    /// the other kinds, whose ids say it all. In the order the finding
    /// lists them.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, FindingKind, Status, Structure};
    ///
    /// // Solihull s6.6: the projects answer only to the programme board,
    /// // which is on hold.
    /// let s = Structure::builder()
    ///     .body(BodySpec::new("iwpb", "Programme Board", BodyKind::ProgrammeBoard)
    ///         .apex()
    ///         .status(Status::OnHold)
    ///         .oversees("lincs"))
    ///     .body(BodySpec::new("lincs", "LINCS", BodyKind::Project))
    ///     .build()?;
    /// let report = s.report();
    /// let orphan = report.findings().find(|f| f.kind() == FindingKind::Orphan).unwrap();
    /// assert_eq!(orphan.ids(), ["lincs"]);
    /// assert_eq!(orphan.evidence(), ["iwpb"]);
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn evidence(&self) -> Vec<&'r Id> {
        match self.detail {
            Detail::Orphan(orphan) => match &orphan.case {
                OrphanCase::InactiveParents { parents } => parents.iter().collect(),
                OrphanCase::CutOff { through } => through.iter().collect(),
                _ => Vec::new(),
            },
            Detail::Unsettled(found) => found.assumed.iter().collect(),
            Detail::MultipleAccountability(found) => found.parents.iter().collect(),
            Detail::Interlock(interlock) => interlock.bodies.iter().collect(),
            Detail::CrossSeat(cross) => cross
                .leads
                .iter()
                .map(|led| &led.body)
                .chain(&cross.also_on)
                .collect(),
            Detail::Overlap(pair) => pair
                .members
                .shared
                .iter()
                .chain(&pair.organisations.shared)
                .collect(),
            Detail::ReciprocalSeats(pair) => pair
                .first_on_second
                .iter()
                .chain(&pair.second_on_first)
                .collect(),
            Detail::Duplicate(_)
            | Detail::Cycle(_)
            | Detail::MutualScrutiny(_)
            | Detail::UnknownMeetings(_) => Vec::new(),
        }
    }
}

impl fmt::Display for Finding<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let r = self.report;
        match self.detail {
            Detail::Unsettled(found) => {
                let who = r.named(&found.body);
                match found.reason {
                    UnsettledReason::Unstated => write!(
                        f,
                        "{who}: the source does not say to whom it is accountable"
                    )?,
                    UnsettledReason::Unsettled => {
                        write!(f, "{who}: its relationships are not yet settled")?
                    }
                    UnsettledReason::NoRelations => {
                        write!(f, "{who} has no relation of any kind to another body")?
                    }
                }
                if !found.assumed.is_empty() {
                    write!(
                        f,
                        " (the file assumes it answers to {})",
                        join(found.assumed.iter().map(|p| r.named(p)))
                    )?;
                }
                Ok(())
            }
            Detail::Orphan(orphan) => {
                let who = r.named(&orphan.body);
                match &orphan.case {
                    OrphanCase::NoParent => write!(f, "{who} is accountable to no one"),
                    OrphanCase::InactiveParents { parents } => write!(
                        f,
                        "{who} is accountable only to bodies that are not active: {}",
                        join(parents.iter().map(|p| r.named(p)))
                    ),
                    OrphanCase::CutOff { through } if through.is_empty() => write!(
                        f,
                        "{who} has no live route to an apex: its routes go round a cycle"
                    ),
                    OrphanCase::CutOff { through } => {
                        let breaks = through.iter().map(|id| match r.label(id) {
                            Some(Label {
                                status: Some(status),
                                ..
                            }) if status.is_active() => {
                                format!("{} (accountable to no one)", r.name(id))
                            }
                            _ => r.named(id),
                        });
                        write!(
                            f,
                            "{who} has no live route to an apex: its routes break at {}",
                            join(breaks)
                        )
                    }
                }
            }
            Detail::Duplicate(pair) => {
                let [a, b] = &pair.bodies;
                write!(f, "{:.2} {} and {}: ", pair.score, r.name(a), r.name(b))?;
                let s = &pair.scores;
                write!(f, "themes {:.2}", s.themes)?;
                if !pair.shared_themes.is_empty() {
                    write!(f, " ({})", pair.shared_themes.join(", "))?;
                }
                write!(f, ", text {:.2}", s.text)?;
                if !pair.shared_words.is_empty() {
                    let shown = 8;
                    let mut words =
                        pair.shared_words[..pair.shared_words.len().min(shown)].join(", ");
                    if pair.shared_words.len() > shown {
                        words.push_str(", ...");
                    }
                    write!(f, " ({words})")?;
                }
                write!(f, ", members {:.2}", s.members)?;
                if !pair.shared_members.is_empty() {
                    write!(f, " ({})", r.names(&pair.shared_members))?;
                }
                write!(f, ", parents {:.2}", s.parents)?;
                if !pair.shared_parents.is_empty() {
                    write!(f, " ({})", r.names(&pair.shared_parents))?;
                }
                if pair.split {
                    write!(
                        f,
                        " (siblings split by name: parent and themes not counted, text half)"
                    )?;
                }
                for relation in &pair.relations {
                    write!(
                        f,
                        "; {} {} {}",
                        r.name(&relation.from),
                        relation.kind.phrase(),
                        r.name(&relation.to)
                    )?;
                }
                Ok(())
            }
            Detail::Overlap(pair) => {
                let [a, b] = &pair.bodies;
                write!(f, "{} and {} share ", r.name(a), r.name(b))?;
                let mut parts = Vec::new();
                for (noun, shared) in [
                    ("member", &pair.members),
                    ("organisation", &pair.organisations),
                ] {
                    if !shared.shared.is_empty() {
                        parts.push(shared_words(r, noun, shared));
                    }
                }
                f.write_str(&parts.join("; and "))
            }
            Detail::Cycle(cycle) => write!(
                f,
                "{} are accountable to each other in a cycle",
                r.names(&cycle.ids)
            ),
            Detail::MutualScrutiny(pair) => {
                write!(f, "{} scrutinise each other", r.names(&pair.bodies))
            }
            Detail::MultipleAccountability(found) => write!(
                f,
                "{} is accountable to {}",
                r.name(&found.id),
                r.names(&found.parents)
            ),
            Detail::Interlock(interlock) => write!(
                f,
                "{} sits on {} bodies: {}",
                r.name(&interlock.member),
                interlock.bodies.len(),
                r.names(&interlock.bodies)
            ),
            Detail::CrossSeat(cross) => {
                let leads = cross.leads.iter().map(|led| {
                    let role = match led.role {
                        crate::model::Role::Chair => "chairs",
                        crate::model::Role::ViceChair => "is vice-chair of",
                        _ => "is lead officer of",
                    };
                    (role, r.name(&led.body).to_string())
                });
                // "chairs A and B, is lead officer of C".
                let mut by_role: Vec<(&str, Vec<String>)> = Vec::new();
                for (role, name) in leads {
                    match by_role.iter_mut().find(|(r, _)| *r == role) {
                        Some((_, names)) => names.push(name),
                        None => by_role.push((role, vec![name])),
                    }
                }
                let led: Vec<String> = by_role
                    .into_iter()
                    .map(|(role, names)| format!("{role} {}", join(names.into_iter())))
                    .collect();
                write!(f, "{} {}", r.name(&cross.member), led.join(", "))?;
                if !cross.also_on.is_empty() {
                    write!(f, " and sits on {}", r.names(&cross.also_on))?;
                }
                Ok(())
            }
            Detail::ReciprocalSeats(pair) => {
                let [a, b] = &pair.bodies;
                write!(
                    f,
                    "{} and {} have leaders on each other: {} on {}, {} on {}",
                    r.name(a),
                    r.name(b),
                    r.names(&pair.first_on_second),
                    r.name(b),
                    r.names(&pair.second_on_first),
                    r.name(a)
                )
            }
            Detail::UnknownMeetings(id) => {
                write!(f, "{} has no known meeting pattern", r.name(id))
            }
        }
    }
}

/// "4 members, 80% of the smaller body's 5 (Jaccard 0.50): A, B,
/// C and D", at most eight names shown.
fn shared_words(r: &Report, noun: &str, shared: &Shared) -> String {
    let n = shared.shared.len();
    let smaller = shared.sizes[0].min(shared.sizes[1]);
    let shown = 8;
    let mut names: Vec<String> = shared.shared[..n.min(shown)]
        .iter()
        .map(|id| r.name(id).to_string())
        .collect();
    if n > shown {
        names.push(format!("{} more", n - shown));
    }
    format!(
        "{n} {noun}{}, {:.0}% of the smaller body's {smaller} (Jaccard {:.2}): {}",
        if n == 1 { "" } else { "s" },
        shared.containment * 100.0,
        shared.jaccard,
        join(names.into_iter())
    )
}

impl fmt::Debug for Finding<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.kind(), self)
    }
}

/// The findings a structure is allowed to have: each entry a kind and the
/// ids a finding of that kind must be about, for
/// [`Report::ensure_none_except`]. A known finding ("this body is orphaned
/// on purpose until April") is allowed; any other of the kinds checked is
/// still an error.
///
/// An entry matches a finding of its kind when every id it names is among
/// the ids the finding is about ([`Finding::ids`]): `allow(Orphan, "play")`
/// allows the orphan "play"; `allow(Duplicate, "a")` allows every duplicate
/// pair with "a" in it, and `allow_pair(Duplicate, "a", "b")` only that
/// pair.
///
/// # Examples
///
/// ```
/// use govgraph::{Allowed, BodyKind, BodySpec, FindingKind, Structure};
///
/// let s = Structure::builder()
///     .body(BodySpec::new("trust", "Trust Board", BodyKind::Board).apex())
///     .body(BodySpec::new("play", "Play Partnership", BodyKind::Partnership))
///     .build()?;
/// // The Play Partnership is orphaned on purpose until April.
/// let allowed = Allowed::new().allow(FindingKind::Orphan, "play");
/// assert!(s.report().ensure_none_except(&[FindingKind::Orphan], &allowed).is_ok());
///
/// // A new orphan is still an error.
/// let s = Structure::builder()
///     .body(BodySpec::new("trust", "Trust Board", BodyKind::Board).apex())
///     .body(BodySpec::new("play", "Play Partnership", BodyKind::Partnership))
///     .body(BodySpec::new("parents", "Parents Forum", BodyKind::Forum))
///     .build()?;
/// let err = s.report().ensure_none_except(&[FindingKind::Orphan], &allowed).unwrap_err();
/// assert_eq!(err.to_string(), "1 unwanted finding:\n  orphan: Parents Forum is accountable to no one");
/// # Ok::<(), govgraph::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Allowed {
    entries: Vec<(FindingKind, Vec<Id>)>,
}

impl Allowed {
    /// An empty allow-list: nothing is allowed.
    ///
    /// # Examples
    ///
    /// ```
    /// let allowed = govgraph::Allowed::new();
    /// assert!(allowed.is_empty());
    /// ```
    pub fn new() -> Allowed {
        Allowed::default()
    }

    /// Allows the findings of this kind about this id.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{Allowed, FindingKind};
    ///
    /// let allowed = Allowed::new()
    ///     .allow(FindingKind::Orphan, "play")
    ///     .allow(FindingKind::UnknownMeetings, "play");
    /// assert!(!allowed.is_empty());
    /// ```
    pub fn allow(mut self, kind: FindingKind, id: impl Into<Id>) -> Allowed {
        self.entries.push((kind, vec![id.into()]));
        self
    }

    /// Allows the findings of this kind about both ids: one duplicate pair,
    /// one pair that scrutinise each other, or a cycle through both.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{Allowed, BodyKind, BodySpec, FindingKind, Structure};
    ///
    /// let s = Structure::builder()
    ///     .body(BodySpec::new("lscb", "LSCB", BodyKind::Board).apex().scrutinises("board"))
    ///     .body(BodySpec::new("board", "Trust Board", BodyKind::Board).apex().scrutinises("lscb"))
    ///     .build()?;
    /// let allowed = Allowed::new().allow_pair(FindingKind::MutualScrutiny, "lscb", "board");
    /// assert!(s.report().ensure_none_except(&[FindingKind::MutualScrutiny], &allowed).is_ok());
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn allow_pair(mut self, kind: FindingKind, a: impl Into<Id>, b: impl Into<Id>) -> Allowed {
        self.entries.push((kind, vec![a.into(), b.into()]));
        self
    }

    /// Whether nothing is allowed.
    ///
    /// # Examples
    ///
    /// ```
    /// assert!(govgraph::Allowed::new().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entries that allow no finding of the report: allowances gone
    /// stale ("until April" has passed and the body has a parent again),
    /// each as its kind and ids, in the order they were added. A test can
    /// insist there are none, so the allow-list never outlives its reasons.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{Allowed, BodyKind, BodySpec, FindingKind, Structure};
    ///
    /// let s = Structure::builder()
    ///     .body(BodySpec::new("trust", "Trust Board", BodyKind::Board).apex())
    ///     .body(BodySpec::new("play", "Play Partnership", BodyKind::Partnership).reports_to("trust"))
    ///     .build()?;
    /// let allowed = Allowed::new().allow(FindingKind::Orphan, "play");
    /// let report = s.report();
    /// let stale: Vec<(FindingKind, Vec<&str>)> = allowed
    ///     .unused(&report)
    ///     .map(|(kind, ids)| (kind, ids.iter().map(|id| id.as_str()).collect()))
    ///     .collect();
    /// assert_eq!(stale, [(FindingKind::Orphan, vec!["play"])]);
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn unused<'a>(
        &'a self,
        report: &'a Report,
    ) -> impl Iterator<Item = (FindingKind, &'a [Id])> + 'a {
        self.entries
            .iter()
            .filter(move |(kind, allowed)| {
                !report
                    .findings()
                    .any(|f| f.kind() == *kind && allowed.iter().all(|id| f.ids().contains(id)))
            })
            .map(|(kind, ids)| (*kind, ids.as_slice()))
    }

    /// Whether this finding is allowed.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{Allowed, BodyKind, BodySpec, FindingKind, Structure};
    ///
    /// let s = Structure::builder().body(BodySpec::new("play", "Play", BodyKind::Partnership)).build()?;
    /// let report = s.report();
    /// let orphan = report.findings().find(|f| f.kind() == FindingKind::Orphan).unwrap();
    /// assert!(Allowed::new().allow(FindingKind::Orphan, "play").allows(&orphan));
    /// assert!(!Allowed::new().allow(FindingKind::Orphan, "trust").allows(&orphan));
    /// assert!(!Allowed::new().allow(FindingKind::Cycle, "play").allows(&orphan));
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn allows(&self, finding: &Finding<'_>) -> bool {
        let kind = finding.kind();
        let ids = finding.ids();
        self.entries
            .iter()
            .any(|(k, allowed)| *k == kind && allowed.iter().all(|id| ids.contains(id)))
    }
}

impl Report {
    /// Checks that the report has no findings of the given kinds, for a
    /// structure file kept under test.
    ///
    /// # Errors
    ///
    /// A [`FindingsError`] listing every finding of those kinds, one
    /// readable line each, with its kind and ids; its `Debug` is the same
    /// text, so `unwrap()` and `?` in a test print it as it is.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, FindingKind, Structure};
    ///
    /// let s = Structure::builder()
    ///     .body(BodySpec::new("trust", "Trust Board", BodyKind::Board).apex())
    ///     .body(BodySpec::new("play", "Play Partnership", BodyKind::Partnership))
    ///     .build()?;
    /// let report = s.report();
    /// assert!(report.ensure_none(&[FindingKind::Cycle]).is_ok());
    /// let err = report.ensure_none(&[FindingKind::Orphan, FindingKind::Cycle]).unwrap_err();
    /// assert_eq!(
    ///     err.to_string(),
    ///     "1 unwanted finding:\n  orphan: Play Partnership is accountable to no one",
    /// );
    /// assert_eq!(err.findings()[0].ids, ["play"]);
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn ensure_none(&self, kinds: &[FindingKind]) -> Result<(), FindingsError> {
        self.ensure_none_except(kinds, &Allowed::new())
    }

    /// As [`Report::ensure_none`], but findings on the allow-list pass: a
    /// known finding is accepted while any new one of the kinds checked is
    /// an error.
    ///
    /// # Errors
    ///
    /// A [`FindingsError`] listing every finding of those kinds that is not
    /// allowed.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{Allowed, BodyKind, BodySpec, FindingKind, Structure};
    ///
    /// let s = Structure::builder()
    ///     .body(BodySpec::new("trust", "Trust Board", BodyKind::Board).apex())
    ///     .body(BodySpec::new("play", "Play Partnership", BodyKind::Partnership))
    ///     .body(BodySpec::new("youth", "Youth Forum", BodyKind::Forum))
    ///     .build()?;
    /// let allowed = Allowed::new().allow(FindingKind::Orphan, "play");
    /// let err = s.report().ensure_none_except(FindingKind::ALL, &allowed).unwrap_err();
    /// let unwanted: Vec<(FindingKind, &str)> =
    ///     err.findings().iter().map(|f| (f.kind, f.ids[0].as_str())).collect();
    /// assert_eq!(unwanted, [
    ///     (FindingKind::Orphan, "youth"),
    ///     (FindingKind::UnknownMeetings, "play"),
    ///     (FindingKind::UnknownMeetings, "trust"),
    ///     (FindingKind::UnknownMeetings, "youth"),
    /// ]);
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn ensure_none_except(
        &self,
        kinds: &[FindingKind],
        allowed: &Allowed,
    ) -> Result<(), FindingsError> {
        let findings: Vec<UnwantedFinding> = self
            .findings()
            .filter(|f| kinds.contains(&f.kind()) && !allowed.allows(f))
            .map(|f| UnwantedFinding {
                kind: f.kind(),
                ids: f.ids().to_vec(),
                text: f.to_string(),
                file: None,
            })
            .collect();
        if findings.is_empty() {
            Ok(())
        } else {
            Err(FindingsError { findings })
        }
    }
}

/// One finding in a [`FindingsError`]: what [`Finding`] says, owned, so
/// that the error outlives the report.
///
/// # Examples
///
/// ```
/// use govgraph::{BodyKind, BodySpec, FindingKind, Structure};
///
/// let s = Structure::builder()
///     .body(BodySpec::new("a", "A", BodyKind::Group).reports_to("b"))
///     .body(BodySpec::new("b", "B", BodyKind::Group).reports_to("a"))
///     .build()?;
/// let err = s.report().ensure_none(&[FindingKind::Cycle]).unwrap_err();
/// let cycle = &err.findings()[0];
/// assert_eq!(cycle.kind, FindingKind::Cycle);
/// assert_eq!(cycle.ids, ["a", "b"]);
/// assert_eq!(cycle.text, "A and B are accountable to each other in a cycle");
/// assert_eq!(cycle.file, None);
/// # Ok::<(), govgraph::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct UnwantedFinding {
    /// What kind of finding it is.
    pub kind: FindingKind,
    /// The ids it is about ([`Finding::ids`]).
    pub ids: Vec<Id>,
    /// Its line of text, bodies by display name.
    pub text: String,
    /// The structure file, once given with [`FindingsError::in_file`].
    pub file: Option<PathBuf>,
}

/// The error [`Report::ensure_none`] and [`Report::ensure_none_except`]
/// return: every unwanted finding, one readable line each, with its kind
/// and ids. `Debug` prints the same text as `Display`, so a failing test
/// shows the findings rather than a struct dump.
///
/// # Examples
///
/// ```
/// use govgraph::{BodyKind, BodySpec, FindingKind, Structure};
///
/// let s = Structure::builder()
///     .body(BodySpec::new("a", "A", BodyKind::Group).reports_to("b"))
///     .body(BodySpec::new("b", "B", BodyKind::Group).reports_to("a"))
///     .build()?;
/// let err = s.report().ensure_none(&[FindingKind::Cycle]).unwrap_err();
/// assert_eq!(format!("{err:?}"), "1 unwanted finding:\n  cycle: A and B are accountable to each other in a cycle");
/// # Ok::<(), govgraph::Error>(())
/// ```
#[derive(Clone, PartialEq, Eq, Serialize)]
pub struct FindingsError {
    findings: Vec<UnwantedFinding>,
}

impl FindingsError {
    /// Each unwanted finding, in the report's order.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, FindingKind, Structure};
    ///
    /// let s = Structure::builder().body(BodySpec::new("play", "Play", BodyKind::Partnership)).build()?;
    /// let err = s.report().ensure_none(FindingKind::ALL).unwrap_err();
    /// let kinds: Vec<FindingKind> = err.findings().iter().map(|f| f.kind).collect();
    /// assert_eq!(kinds, [FindingKind::Orphan, FindingKind::UnknownMeetings]);
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn findings(&self) -> &[UnwantedFinding] {
        &self.findings
    }

    /// Names the structure file the findings are in, so that a failing test
    /// says which file is wrong.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, FindingKind, Structure};
    ///
    /// let s = Structure::builder().body(BodySpec::new("play", "Play", BodyKind::Partnership)).build()?;
    /// let err = s.report().ensure_none(&[FindingKind::Orphan]).unwrap_err().in_file("trust.toml");
    /// assert_eq!(err.to_string(), "trust.toml: 1 unwanted finding:\n  orphan: Play is accountable to no one");
    /// assert_eq!(err.findings()[0].file.as_deref(), Some(std::path::Path::new("trust.toml")));
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn in_file(mut self, file: impl AsRef<Path>) -> FindingsError {
        for finding in &mut self.findings {
            finding.file = Some(file.as_ref().to_path_buf());
        }
        self
    }
}

impl fmt::Display for FindingsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Every finding of one error comes from one report, so one file.
        if let Some(file) = self.findings.first().and_then(|x| x.file.as_ref()) {
            write!(f, "{}: ", file.display())?;
        }
        let count = self.findings.len();
        write!(
            f,
            "{count} unwanted finding{}:",
            if count == 1 { "" } else { "s" }
        )?;
        for finding in &self.findings {
            write!(f, "\n  {}: {}", finding.kind, finding.text)?;
        }
        Ok(())
    }
}

impl fmt::Debug for FindingsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl std::error::Error for FindingsError {}

/// Reads a report's `schema_version`, refusing any but this one.
pub(super) fn schema_version<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<u32, D::Error> {
    let version = u32::deserialize(deserializer)?;
    if version != Report::SCHEMA_VERSION {
        return Err(serde::de::Error::custom(format_args!(
            "report schema version {version} is not {}, the version this govgraph reads: \
             make the report again with this version",
            Report::SCHEMA_VERSION
        )));
    }
    Ok(version)
}

/// Reads the relations a duplicate pair lists, as they are written.
pub(super) fn relations<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Vec<Relation>, D::Error> {
    #[derive(Deserialize)]
    struct Written {
        from: Id,
        kind: RelationKind,
        to: Id,
        #[serde(default)]
        intended: bool,
        #[serde(default)]
        start: Option<crate::Date>,
        #[serde(default)]
        end: Option<crate::Date>,
        source: Option<String>,
        note: Option<String>,
    }
    let written = Vec::<Written>::deserialize(deserializer)?;
    Ok(written
        .into_iter()
        .map(|r| Relation {
            from: r.from,
            kind: r.kind,
            to: r.to,
            intended: r.intended,
            start: r.start,
            end: r.end,
            source: r.source,
            note: r.note,
        })
        .collect())
}

/// Reads a meeting pattern as it is written (`"every 6 weeks"`).
pub(super) fn meeting_pattern<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<MeetingPattern, D::Error> {
    let written = String::deserialize(deserializer)?;
    written.parse().map_err(serde::de::Error::custom)
}
