//! The analyses, and the [`Report`] that gathers them.
//!
//! Each analysis is a method on [`Structure`] in a file of its own, returning
//! typed findings that carry their evidence, with bodies named by id. The
//! `Report` runs them all over one shared accountability network, prints as
//! plain text with bodies named by their display names, and serialises to
//! JSON with serde. Analyses do no I/O, and everything they emit is sorted,
//! so the same structure always gives the same report, byte for byte.

mod closure;
mod cycles;
mod duplication;
mod interlocks;
mod load;
mod multiple;
mod net;
mod orphans;
mod summary;

use std::fmt;
use std::ops::Range;

use serde::Serialize;

pub use closure::ClosureImpact;
pub use cycles::{Cycle, MutualScrutiny};
pub use duplication::{ComponentScores, Duplicate, DuplicationOptions};
pub use interlocks::Interlock;
pub use load::{BodyLoad, GovernanceLoad, MemberLoad};
pub use multiple::MultipleAccountability;
pub use orphans::{Orphan, OrphanCase};
pub use summary::{Counts, Span, Summary, TierCounts};

use crate::model::{Id, Status, Structure};
use net::Net;

/// Every analysis of one structure: what is wrong with it, and its shape.
///
/// Made by [`Structure::report`] or [`Report::with_options`]. It prints as
/// plain text (`Display`: a short heading per analysis, one finding per
/// line, bodies by display name) and serialises to JSON with serde (bodies
/// by id, field names stable). [`Report::ensure_none`] turns chosen kinds of
/// finding into an error, for a structure file kept under test.
///
/// # Examples
///
/// ```
/// use govgraph::{BodyKind, BodySpec, Status, Structure};
///
/// let s = Structure::builder()
///     .body(BodySpec::new("trust", "Trust Board", BodyKind::Board).apex())
///     .body(BodySpec::new("iwpb", "Integrated Working Programme Board", BodyKind::ProgrammeBoard)
///         .status(Status::OnHold)
///         .reports_to("trust")
///         .oversees("lincs"))
///     .body(BodySpec::new("lincs", "LINCS", BodyKind::Project))
///     .build()?;
/// let report = s.report();
/// assert_eq!(report.orphans().len(), 1);
/// let text = report.to_string();
/// assert!(text.contains(
///     "LINCS is accountable only to bodies that are not active: \
///      Integrated Working Programme Board (on hold)"
/// ));
/// let json = serde_json::to_value(&report).unwrap();
/// assert_eq!(json["orphans"][0]["body"], "lincs");
/// # Ok::<(), govgraph::Error>(())
/// ```
#[derive(Clone, Debug, Serialize)]
pub struct Report {
    structure: Option<String>,
    options: ReportOptions,
    summary: Summary,
    orphans: Vec<Orphan>,
    closure_impacts: Vec<ClosureImpact>,
    duplicates: Vec<Duplicate>,
    cycles: Vec<Cycle>,
    mutual_scrutiny: Vec<MutualScrutiny>,
    multiple_accountability: Vec<MultipleAccountability>,
    interlocks: Vec<Interlock>,
    load: GovernanceLoad,
    #[serde(skip)]
    labels: Labels,
}

/// What the text report says about an id: a display name, and for a body
/// its status.
#[derive(Clone, Copy, Debug)]
struct Label<'r> {
    name: &'r str,
    status: Option<Status>,
}

/// The display name and status of every body and member, for the text
/// report: every id and name in one string, and a table sorted by id into
/// it, so that a report of a hundred thousand bodies copies its names in a
/// few allocations rather than a few hundred thousand.
#[derive(Clone, Default)]
struct Labels {
    text: String,
    /// Sorted by id: where the id and the name are in `text`, and the
    /// status of a body.
    entries: Vec<(Range<usize>, Range<usize>, Option<Status>)>,
}

impl Labels {
    fn new(structure: &Structure) -> Labels {
        let mut labels = Labels {
            text: String::new(),
            entries: Vec::with_capacity(structure.bodies().len() + structure.members().len()),
        };
        let mut bodies = structure.bodies().peekable();
        let mut members = structure.members().peekable();
        // Bodies and members are each sorted by id: merge them.
        loop {
            let (id, name, status) = match (bodies.peek(), members.peek()) {
                (Some(b), Some(m)) if b.id < m.id => (&b.id, &b.name, Some(b.status)),
                (_, Some(m)) => (&m.id, &m.name, None),
                (Some(b), None) => (&b.id, &b.name, Some(b.status)),
                (None, None) => break,
            };
            if status.is_some() {
                bodies.next();
            } else {
                members.next();
            }
            let start = labels.text.len();
            labels.text.push_str(id.as_str());
            let middle = labels.text.len();
            labels.text.push_str(name);
            labels
                .entries
                .push((start..middle, middle..labels.text.len(), status));
        }
        labels
    }

    fn get(&self, id: &str) -> Option<Label<'_>> {
        let at = self
            .entries
            .binary_search_by(|(key, _, _)| self.text[key.clone()].cmp(id))
            .ok()?;
        let (_, name, status) = &self.entries[at];
        Some(Label {
            name: &self.text[name.clone()],
            status: *status,
        })
    }
}

impl fmt::Debug for Labels {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Labels({} ids)", self.entries.len())
    }
}

/// Settings for a [`Report`]. Every setter takes and returns the options by
/// value.
///
/// # Examples
///
/// ```
/// use govgraph::{DuplicationOptions, ReportOptions};
///
/// let options = ReportOptions::new()
///     .duplication(DuplicationOptions::new().threshold(0.5))
///     .interlock_min_bodies(4)
///     .closure_limit(10);
/// # let _ = options;
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ReportOptions {
    duplication: DuplicationOptions,
    interlock_min_bodies: usize,
    closure_limit: usize,
}

impl Default for ReportOptions {
    fn default() -> ReportOptions {
        ReportOptions {
            duplication: DuplicationOptions::default(),
            interlock_min_bodies: 3,
            closure_limit: 100,
        }
    }
}

impl ReportOptions {
    /// The defaults: [`DuplicationOptions::new`], interlocks from 3 bodies,
    /// closure lists of up to 100 bodies.
    ///
    /// # Examples
    ///
    /// ```
    /// let options = govgraph::ReportOptions::new();
    /// # let _ = options;
    /// ```
    pub fn new() -> ReportOptions {
        ReportOptions::default()
    }

    /// How duplication is scored and reported.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{DuplicationOptions, ReportOptions};
    ///
    /// let options = ReportOptions::new().duplication(DuplicationOptions::new().member_weight(0.0));
    /// # let _ = options;
    /// ```
    pub fn duplication(mut self, options: DuplicationOptions) -> ReportOptions {
        self.duplication = options;
        self
    }

    /// Reports members who sit on at least this many bodies as interlocks
    /// ([`Structure::interlocks`]).
    ///
    /// # Examples
    ///
    /// ```
    /// let options = govgraph::ReportOptions::new().interlock_min_bodies(5);
    /// # let _ = options;
    /// ```
    pub fn interlock_min_bodies(mut self, min_bodies: usize) -> ReportOptions {
        self.interlock_min_bodies = min_bodies;
        self
    }

    /// Lists at most this many cut-off bodies (the first by id) in each
    /// closure impact; the total is always given. This keeps a report of a
    /// long chain of single reporting lines from growing with the square of
    /// its length.
    ///
    /// # Examples
    ///
    /// ```
    /// let options = govgraph::ReportOptions::new().closure_limit(20);
    /// # let _ = options;
    /// ```
    pub fn closure_limit(mut self, limit: usize) -> ReportOptions {
        self.closure_limit = limit;
        self
    }
}

impl Structure {
    /// Runs every analysis with the default [`ReportOptions`].
    ///
    /// # Complexity
    ///
    /// The sum of the analyses'; on a generated structure of 100,000 bodies
    /// and 1,000,000 seats it takes well under a second (see the benches).
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, FindingKind, Structure};
    ///
    /// let s = Structure::builder()
    ///     .body(BodySpec::new("board", "Board", BodyKind::Board).apex())
    ///     .body(BodySpec::new("exec", "Executive", BodyKind::Executive).reports_to("board"))
    ///     .build()?;
    /// assert!(s.report().ensure_none(&[FindingKind::Orphan, FindingKind::Cycle]).is_ok());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn report(&self) -> Report {
        Report::with_options(self, &ReportOptions::default())
    }
}

impl Report {
    /// Runs every analysis with the default [`ReportOptions`]; the same as
    /// [`Structure::report`].
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{Report, Structure};
    ///
    /// let report = Report::new(&Structure::from_toml_str("")?);
    /// assert!(report.orphans().is_empty());
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn new(structure: &Structure) -> Report {
        Report::with_options(structure, &ReportOptions::default())
    }

    /// Runs every analysis with the given options.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, MemberKind, MemberSpec, Report, ReportOptions, Role, Structure};
    ///
    /// let s = Structure::builder()
    ///     .member(MemberSpec::new("dcs", "DCS", MemberKind::Post))
    ///     .body(BodySpec::new("a", "A", BodyKind::Board).apex().seat("dcs", Role::Member))
    ///     .body(BodySpec::new("b", "B", BodyKind::Board).apex().seat("dcs", Role::Member))
    ///     .build()?;
    /// assert!(Report::new(&s).interlocks().is_empty());
    /// let report = Report::with_options(&s, &ReportOptions::new().interlock_min_bodies(2));
    /// assert_eq!(report.interlocks().len(), 1);
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn with_options(structure: &Structure, options: &ReportOptions) -> Report {
        let net = Net::new(structure);
        Report {
            structure: structure.meta().name.clone(),
            options: options.clone(),
            summary: summary::summary(&net),
            orphans: orphans::orphans(&net),
            closure_impacts: closure::closure_impacts(&net, options.closure_limit),
            duplicates: duplication::duplicates(&net, &options.duplication),
            cycles: cycles::cycles(&net),
            mutual_scrutiny: structure.mutual_scrutiny(),
            multiple_accountability: multiple::multiple_accountability(&net),
            interlocks: interlocks::interlocks(&net, options.interlock_min_bodies),
            load: load::governance_load(&net),
            labels: Labels::new(structure),
        }
    }

    /// The summary ([`Structure::summary`]).
    ///
    /// # Examples
    ///
    /// ```
    /// let s = govgraph::Structure::from_toml_str("")?;
    /// assert_eq!(s.report().summary().bodies.total, 0);
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn summary(&self) -> &Summary {
        &self.summary
    }

    /// Orphaned groups ([`Structure::orphans`]).
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, Structure};
    ///
    /// let s = Structure::builder().body(BodySpec::new("play", "Play", BodyKind::Partnership)).build()?;
    /// assert_eq!(s.report().orphans()[0].body.as_str(), "play");
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn orphans(&self) -> &[Orphan] {
        &self.orphans
    }

    /// The closure impact of every body that is the only accountable route
    /// of at least one other ([`Structure::closure_impact`]), most bodies
    /// cut off first, then by id; each lists at most
    /// [`ReportOptions::closure_limit`] bodies.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, Structure};
    ///
    /// let s = Structure::builder()
    ///     .body(BodySpec::new("trust", "Trust Board", BodyKind::Board).apex())
    ///     .body(BodySpec::new("exec", "Executive", BodyKind::Executive).reports_to("trust"))
    ///     .body(BodySpec::new("group", "Group", BodyKind::Group).reports_to("exec"))
    ///     .build()?;
    /// let report = s.report();
    /// let impacts = report.closure_impacts();
    /// assert_eq!((impacts[0].body.as_str(), impacts[0].total), ("trust", 2));
    /// assert_eq!((impacts[1].body.as_str(), impacts[1].total), ("exec", 1));
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn closure_impacts(&self) -> &[ClosureImpact] {
        &self.closure_impacts
    }

    /// Possible duplicates ([`Structure::duplicates`]).
    ///
    /// # Examples
    ///
    /// ```
    /// let s = govgraph::Structure::from_toml_str("")?;
    /// assert!(s.report().duplicates().is_empty());
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn duplicates(&self) -> &[Duplicate] {
        &self.duplicates
    }

    /// Accountability cycles ([`Structure::cycles`]).
    ///
    /// # Examples
    ///
    /// ```
    /// let s = govgraph::Structure::from_toml_str("")?;
    /// assert!(s.report().cycles().is_empty());
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn cycles(&self) -> &[Cycle] {
        &self.cycles
    }

    /// Pairs of bodies that scrutinise each other
    /// ([`Structure::mutual_scrutiny`]).
    ///
    /// # Examples
    ///
    /// ```
    /// let s = govgraph::Structure::from_toml_str("")?;
    /// assert!(s.report().mutual_scrutiny().is_empty());
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn mutual_scrutiny(&self) -> &[MutualScrutiny] {
        &self.mutual_scrutiny
    }

    /// Bodies and posts with more than one accountable parent
    /// ([`Structure::multiple_accountability`]).
    ///
    /// # Examples
    ///
    /// ```
    /// let s = govgraph::Structure::from_toml_str("")?;
    /// assert!(s.report().multiple_accountability().is_empty());
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn multiple_accountability(&self) -> &[MultipleAccountability] {
        &self.multiple_accountability
    }

    /// Members on at least [`ReportOptions::interlock_min_bodies`] bodies
    /// ([`Structure::interlocks`]).
    ///
    /// # Examples
    ///
    /// ```
    /// let s = govgraph::Structure::from_toml_str("")?;
    /// assert!(s.report().interlocks().is_empty());
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn interlocks(&self) -> &[Interlock] {
        &self.interlocks
    }

    /// Meetings a year per body and per member
    /// ([`Structure::governance_load`]).
    ///
    /// # Examples
    ///
    /// ```
    /// let s = govgraph::Structure::from_toml_str("")?;
    /// assert!(s.report().load().bodies.is_empty());
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn load(&self) -> &GovernanceLoad {
        &self.load
    }

    /// Every finding, kind by kind in the order of [`FindingKind::ALL`],
    /// each in its analysis's order. Each prints as one readable line.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, FindingKind, Structure};
    ///
    /// let s = Structure::builder()
    ///     .body(BodySpec::new("lscb", "LSCB", BodyKind::Board).apex().scrutinises("board"))
    ///     .body(BodySpec::new("board", "Trust Board", BodyKind::Board).apex().scrutinises("lscb"))
    ///     .build()?;
    /// let report = s.report();
    /// let findings: Vec<String> = report
    ///     .findings()
    ///     .filter(|f| f.kind() == FindingKind::MutualScrutiny)
    ///     .map(|f| f.to_string())
    ///     .collect();
    /// assert_eq!(findings, ["Trust Board and LSCB scrutinise each other"]);
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn findings(&self) -> impl Iterator<Item = Finding<'_>> + '_ {
        let finding = move |detail| Finding {
            report: self,
            detail,
        };
        let orphans = self.orphans.iter().map(Detail::Orphan);
        let duplicates = self.duplicates.iter().map(Detail::Duplicate);
        let cycles = self.cycles.iter().map(Detail::Cycle);
        let mutual = self.mutual_scrutiny.iter().map(Detail::MutualScrutiny);
        let multiple = self
            .multiple_accountability
            .iter()
            .map(Detail::MultipleAccountability);
        let interlocks = self.interlocks.iter().map(Detail::Interlock);
        let unknown = self.load.unknown.iter().map(Detail::UnknownMeetings);
        orphans
            .chain(duplicates)
            .chain(cycles)
            .chain(mutual)
            .chain(multiple)
            .chain(interlocks)
            .chain(unknown)
            .map(finding)
    }

    /// Checks that the report has no findings of the given kinds, for a
    /// structure file kept under test.
    ///
    /// # Errors
    ///
    /// A [`FindingsError`] listing every finding of those kinds, one
    /// readable line each; its `Debug` is the same text, so `unwrap()` and
    /// `?` in a test print it as it is.
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
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn ensure_none(&self, kinds: &[FindingKind]) -> Result<(), FindingsError> {
        let findings: Vec<(FindingKind, String)> = self
            .findings()
            .filter(|f| kinds.contains(&f.kind()))
            .map(|f| (f.kind(), f.to_string()))
            .collect();
        if findings.is_empty() {
            Ok(())
        } else {
            Err(FindingsError { findings })
        }
    }

    fn label(&self, id: &Id) -> Option<Label<'_>> {
        self.labels.get(id.as_str())
    }

    fn name<'a>(&'a self, id: &'a Id) -> &'a str {
        self.label(id).map_or(id.as_str(), |l| l.name)
    }

    /// A display name, with the status of a body that is not active.
    fn named(&self, id: &Id) -> String {
        match self.label(id) {
            Some(Label {
                name,
                status: Some(status),
            }) if !status.is_active() => format!("{name} ({})", status_words(status)),
            _ => self.name(id).to_string(),
        }
    }

    fn names(&self, ids: &[Id]) -> String {
        join(ids.iter().map(|id| self.name(id).to_string()))
    }
}

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
    /// An accountability cycle ([`Cycle`]).
    Cycle,
    /// Two bodies that scrutinise each other ([`MutualScrutiny`]).
    MutualScrutiny,
    /// A body or post with more than one accountable parent
    /// ([`MultipleAccountability`]).
    MultipleAccountability,
    /// A member on many bodies ([`Interlock`]).
    Interlock,
    /// An active body whose meeting pattern is not known
    /// ([`GovernanceLoad::unknown`]).
    UnknownMeetings,
}

impl FindingKind {
    /// Every kind, in the order a report lists them.
    pub const ALL: &'static [FindingKind] = &[
        FindingKind::Orphan,
        FindingKind::Duplicate,
        FindingKind::Cycle,
        FindingKind::MutualScrutiny,
        FindingKind::MultipleAccountability,
        FindingKind::Interlock,
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
            FindingKind::Cycle => "cycle",
            FindingKind::MutualScrutiny => "mutual-scrutiny",
            FindingKind::MultipleAccountability => "multiple-accountability",
            FindingKind::Interlock => "interlock",
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
    report: &'r Report,
    detail: Detail<'r>,
}

#[derive(Clone, Copy)]
enum Detail<'r> {
    Orphan(&'r Orphan),
    Duplicate(&'r Duplicate),
    Cycle(&'r Cycle),
    MutualScrutiny(&'r MutualScrutiny),
    MultipleAccountability(&'r MultipleAccountability),
    Interlock(&'r Interlock),
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
            Detail::Cycle(_) => FindingKind::Cycle,
            Detail::MutualScrutiny(_) => FindingKind::MutualScrutiny,
            Detail::MultipleAccountability(_) => FindingKind::MultipleAccountability,
            Detail::Interlock(_) => FindingKind::Interlock,
            Detail::UnknownMeetings(_) => FindingKind::UnknownMeetings,
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
            Detail::UnknownMeetings(id) => {
                write!(f, "{} has no known meeting pattern", r.name(id))
            }
        }
    }
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
    findings: Vec<(FindingKind, String)>,
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

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.structure {
            Some(name) => writeln!(f, "Governance report: {name}")?,
            None => writeln!(f, "Governance report")?,
        }
        self.write_summary(f)?;

        let findings: Vec<Finding<'_>> = self.findings().collect();
        let of = |kind: FindingKind| findings.iter().filter(move |x| x.kind() == kind);

        heading(f, "Orphaned groups", self.orphans.len())?;
        for finding in of(FindingKind::Orphan) {
            writeln!(f, "  {finding}")?;
        }

        heading(f, "Closure impact", self.closure_impacts.len())?;
        for impact in &self.closure_impacts {
            let noun = if impact.total == 1 { "body" } else { "bodies" };
            let mut names: Vec<String> = impact
                .cut_off
                .iter()
                .map(|id| self.name(id).to_string())
                .collect();
            let more = impact.total - impact.cut_off.len();
            if more > 0 {
                names.push(format!("{more} more"));
            }
            writeln!(
                f,
                "  closing {} would cut off {} {noun}: {}",
                self.name(&impact.body),
                impact.total,
                join(names.into_iter())
            )?;
        }

        let threshold = self.options.duplication.threshold_value();
        heading(
            f,
            &format!("Possible duplication (score at least {threshold:.2})"),
            self.duplicates.len(),
        )?;
        for finding in of(FindingKind::Duplicate) {
            writeln!(f, "  {finding}")?;
        }

        heading(f, "Accountability cycles", self.cycles.len())?;
        for finding in of(FindingKind::Cycle) {
            writeln!(f, "  {finding}")?;
        }

        heading(f, "Mutual scrutiny", self.mutual_scrutiny.len())?;
        for finding in of(FindingKind::MutualScrutiny) {
            writeln!(f, "  {finding}")?;
        }

        heading(
            f,
            "Multiple accountability",
            self.multiple_accountability.len(),
        )?;
        for finding in of(FindingKind::MultipleAccountability) {
            writeln!(f, "  {finding}")?;
        }

        heading(
            f,
            &format!(
                "Interlocks (members on {} or more bodies)",
                self.options.interlock_min_bodies
            ),
            self.interlocks.len(),
        )?;
        for finding in of(FindingKind::Interlock) {
            writeln!(f, "  {finding}")?;
        }

        self.write_load(f)
    }
}

impl Report {
    fn write_summary(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = &self.summary;
        writeln!(f, "\nSummary")?;
        writeln!(f, "  bodies: {}", counts_line(&s.bodies))?;
        for tier in &s.tiers {
            match &tier.tier {
                Some(name) => writeln!(f, "  tier {name}: {}", counts_line(&tier.counts))?,
                None => writeln!(f, "  no tier: {}", counts_line(&tier.counts))?,
            }
        }
        writeln!(
            f,
            "  members: {}; seats: {}; relations: {}",
            s.members, s.memberships, s.relations
        )?;
        if s.deepest_chain.is_empty() {
            writeln!(f, "  depth: 0 (no apex)")?;
        } else {
            let chain: Vec<&str> = s.deepest_chain.iter().map(|id| self.name(id)).collect();
            writeln!(f, "  depth: {} ({})", s.depth, chain.join(" > "))?;
        }
        match &s.widest_span {
            Some(span) => writeln!(
                f,
                "  widest span of control: {}, {} directly accountable",
                self.name(&span.id),
                span.children
            ),
            None => writeln!(f, "  widest span of control: none"),
        }
    }

    fn write_load(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let load = &self.load;
        writeln!(f, "\nGovernance load")?;
        heading_line(f, "  meetings a year by body", load.bodies.len())?;
        for body in &load.bodies {
            writeln!(
                f,
                "    {}: {} ({})",
                self.name(&body.body),
                meetings(body.per_year),
                body.meets
            )?;
        }
        heading_line(f, "  no known meeting pattern", load.unknown.len())?;
        for id in &load.unknown {
            writeln!(f, "    {}", self.name(id))?;
        }
        heading_line(f, "  meetings a year by member", load.members.len())?;
        for member in &load.members {
            let noun = if member.bodies == 1 { "body" } else { "bodies" };
            write!(
                f,
                "    {}: {} on {} {noun}",
                self.name(&member.member),
                meetings(member.per_year),
                member.bodies
            )?;
            if !member.unknown.is_empty() {
                write!(
                    f,
                    ", plus the meetings of {} with no known pattern",
                    self.names(&member.unknown)
                )?;
            }
            writeln!(f)?;
        }
        Ok(())
    }
}

fn heading(f: &mut fmt::Formatter<'_>, title: &str, count: usize) -> fmt::Result {
    writeln!(f)?;
    heading_line(f, title, count)
}

fn heading_line(f: &mut fmt::Formatter<'_>, title: &str, count: usize) -> fmt::Result {
    if count == 0 {
        writeln!(f, "{title}: none")
    } else {
        writeln!(f, "{title}: {count}")
    }
}

fn counts_line(counts: &Counts) -> String {
    let mut line = format!(
        "{}, {} active, {} not active",
        counts.total, counts.active, counts.not_active
    );
    if !counts.by_status.is_empty() {
        let statuses: Vec<String> = counts
            .by_status
            .iter()
            .map(|(status, n)| format!("{} {n}", status_words(*status)))
            .collect();
        line.push_str(&format!("; by status: {}", statuses.join(", ")));
    }
    if !counts.by_kind.is_empty() {
        let kinds: Vec<String> = counts
            .by_kind
            .iter()
            .map(|(kind, n)| format!("{} {n}", kind.as_str().replace('-', " ")))
            .collect();
        line.push_str(&format!("; by kind: {}", kinds.join(", ")));
    }
    line
}

/// A status as words: "on hold", "never met".
fn status_words(status: Status) -> String {
    status.as_str().replace('-', " ")
}

/// Meetings a year: whole numbers as they are, others to one decimal place
/// ("every 6 weeks" is 8.7).
fn meetings(per_year: f64) -> String {
    if per_year.fract() == 0.0 {
        format!("{per_year:.0}")
    } else {
        format!("{per_year:.1}")
    }
}

/// "A", "A and B", "A, B and C".
fn join(items: impl Iterator<Item = String>) -> String {
    let items: Vec<String> = items.collect();
    match items.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}
