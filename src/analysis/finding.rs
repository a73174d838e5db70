//! Findings: every kind a report holds, one readable line each, and the
//! error that lists unwanted ones for a user's tests.

use std::fmt;

use serde::Serialize;

use crate::analysis::text::{Label, join};
use crate::analysis::{
    CrossSeat, Cycle, Duplicate, Interlock, MultipleAccountability, MutualScrutiny, Orphan,
    OrphanCase, Overlap, ReciprocalSeats, Report, Shared,
};
use crate::model::Id;

/// The kinds of finding a [`Report`] holds, for
/// [`Report::ensure_none`] and [`Finding::kind`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum FindingKind {
    /// An orphaned group ([`Orphan`]).
    Orphan,
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
    /// The ids that say which finding this is, whatever its evidence: the
    /// body of an orphan, the pair of a duplicate, the member of an
    /// interlock. The same finding in two reports has the same kind and
    /// ids.
    pub(super) fn ids(&self) -> Vec<&'r Id> {
        match self.detail {
            Detail::Orphan(orphan) => vec![&orphan.body],
            Detail::Duplicate(pair) => pair.bodies.iter().collect(),
            Detail::Overlap(pair) => pair.bodies.iter().collect(),
            Detail::Cycle(cycle) => cycle.ids.iter().collect(),
            Detail::MutualScrutiny(pair) => pair.bodies.iter().collect(),
            Detail::MultipleAccountability(found) => vec![&found.id],
            Detail::Interlock(interlock) => vec![&interlock.member],
            Detail::CrossSeat(cross) => vec![&cross.member],
            Detail::ReciprocalSeats(pair) => pair.bodies.iter().collect(),
            Detail::UnknownMeetings(id) => vec![id],
        }
    }
}

impl fmt::Display for Finding<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let r = self.report;
        match self.detail {
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

/// The error [`Report::ensure_none`] returns: every unwanted finding, one
/// readable line each. `Debug` prints the same text as `Display`, so a
/// failing test shows the findings rather than a struct dump.
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
#[derive(Clone, PartialEq, Eq)]
pub struct FindingsError {
    pub(super) findings: Vec<(FindingKind, String)>,
}

impl FindingsError {
    /// Each unwanted finding: its kind and its line of text.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, FindingKind, Structure};
    ///
    /// let s = Structure::builder().body(BodySpec::new("play", "Play", BodyKind::Partnership)).build()?;
    /// let err = s.report().ensure_none(FindingKind::ALL).unwrap_err();
    /// let kinds: Vec<FindingKind> = err.findings().map(|(kind, _)| kind).collect();
    /// assert_eq!(kinds, [FindingKind::Orphan, FindingKind::UnknownMeetings]);
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn findings(&self) -> impl ExactSizeIterator<Item = (FindingKind, &str)> + '_ {
        self.findings
            .iter()
            .map(|(kind, text)| (*kind, text.as_str()))
    }
}

impl fmt::Display for FindingsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let count = self.findings.len();
        write!(
            f,
            "{count} unwanted finding{}:",
            if count == 1 { "" } else { "s" }
        )?;
        for (kind, text) in &self.findings {
            write!(f, "\n  {kind}: {text}")?;
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
