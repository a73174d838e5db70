//! The analyses, and the [`Report`] that gathers them.
//!
//! Each analysis is a method on [`Structure`] in a file of its own, returning
//! typed findings that carry their evidence, with bodies named by id. The
//! `Report` runs them all over one shared accountability network, prints as
//! plain text with bodies named by their display names, and serialises to
//! JSON with serde. Analyses do no I/O, and everything they emit is sorted,
//! so the same structure always gives the same report, byte for byte.
//!
//! Code map: `net.rs` builds the network every analysis walks (nodes
//! numbered in id order, flat parent and child lists, components, seats);
//! `orphans.rs`, `closure.rs`, `duplication.rs`, `cycles.rs`, `multiple.rs`,
//! `interlocks.rs`, `load.rs` and `summary.rs` are the analyses, with
//! `features.rs` and `words.rs` holding what duplication compares;
//! `finding.rs` turns findings into lines and errors, `text.rs` prints the
//! report. Node numbers never leave this module: everything public speaks
//! in ids.

mod changes;
mod closure;
mod cycles;
mod duplication;
mod features;
mod finding;
mod handle;
mod intended;
mod interlocks;
mod links;
mod load;
mod multiple;
mod net;
mod orphans;
mod overlap;
mod relations;
mod seats;
mod summary;
mod text;
mod unsettled;
mod words;

use serde::{Deserialize, Serialize};

pub use changes::{ChangedFinding, FindingChanges};
pub use closure::ClosureImpact;
pub use cycles::{Cycle, MutualScrutiny};
pub use duplication::{ComponentScores, Duplicate, DuplicationOptions};
pub use finding::{Allowed, Finding, FindingKind, FindingsError, UnwantedFinding};
pub use handle::Analysis;
pub use intended::IntendedChange;
pub use interlocks::Interlock;
pub use links::{CrossSeat, Led, ReciprocalSeats};
pub use load::{BodyLoad, GovernanceLoad, MemberLoad};
pub use multiple::MultipleAccountability;
pub use orphans::{Orphan, OrphanCase};
pub use overlap::{Overlap, OverlapOptions, Shared};
pub use relations::{OtherRelation, RelationGroup};
pub use summary::{Counts, Span, Summary, TierCounts};
pub use unsettled::{Unsettled, UnsettledReason};

use crate::model::Structure;
use crate::threads::beside;
use finding::Detail;
use text::Labels;

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
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Report {
    #[serde(deserialize_with = "finding::schema_version")]
    schema_version: u32,
    structure: Option<String>,
    options: ReportOptions,
    summary: Summary,
    orphans: Vec<Orphan>,
    #[serde(default)]
    unsettled: Vec<Unsettled>,
    closure_impacts: Vec<ClosureImpact>,
    duplicates: Vec<Duplicate>,
    overlaps: Vec<Overlap>,
    cycles: Vec<Cycle>,
    mutual_scrutiny: Vec<MutualScrutiny>,
    multiple_accountability: Vec<MultipleAccountability>,
    interlocks: Vec<Interlock>,
    cross_seats: Vec<CrossSeat>,
    reciprocal_seats: Vec<ReciprocalSeats>,
    other_relations: Vec<RelationGroup>,
    load: GovernanceLoad,
    /// What the structure says is intended, and what it would change; none
    /// when nothing is intended or the report is of another view.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    intended: Option<Intended>,
    labels: Labels,
}

/// The intended changes of a structure, and the findings they would resolve
/// and introduce: the report of the structure as it is against the report
/// of the structure as intended ([`Structure::as_intended`]).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Intended {
    /// Every intended change ([`Structure::intended_changes`]).
    pub changes: Vec<IntendedChange>,
    /// What the changes would resolve and introduce; `None` when the
    /// report was asked not to work it out
    /// ([`ReportOptions::intended_findings`]).
    pub findings: Option<FindingChanges>,
}

/// Settings for a [`Report`]. Every setter takes and returns the options by
/// value.
///
/// # Examples
///
/// ```
/// use govgraph::{DuplicationOptions, ReportOptions, datasets};
///
/// let options = ReportOptions::new()
///     .duplication(DuplicationOptions::new().threshold(0.5))
///     .interlock_min_bodies(4)
///     .closure_limit(10);
/// let solihull = datasets::solihull_2011();
/// let report = solihull.report_with(&options);
/// assert!(report.duplicates().len() < solihull.report().duplicates().len());
/// assert!(report.duplicates().iter().all(|d| d.score >= 0.5));
/// assert!(report.interlocks().iter().all(|i| i.bodies.len() >= 4));
/// assert!(report.closure_impacts().iter().all(|c| c.cut_off.len() <= 10));
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReportOptions {
    duplication: DuplicationOptions,
    overlap: OverlapOptions,
    interlock_min_bodies: usize,
    closure_limit: usize,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    as_at: Option<crate::Date>,
    #[serde(default)]
    as_intended: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    intended_findings: Option<bool>,
}

impl Default for ReportOptions {
    fn default() -> ReportOptions {
        ReportOptions {
            duplication: DuplicationOptions::default(),
            overlap: OverlapOptions::default(),
            interlock_min_bodies: 3,
            closure_limit: 100,
            as_at: None,
            as_intended: false,
            intended_findings: None,
        }
    }
}

impl ReportOptions {
    /// The defaults: [`DuplicationOptions::new`], [`OverlapOptions::new`],
    /// interlocks from 3 bodies, closure lists of up to 100 bodies.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{ReportOptions, datasets};
    ///
    /// let halton = datasets::halton_2008();
    /// assert_eq!(halton.report_with(&ReportOptions::new()), halton.report());
    /// ```
    pub fn new() -> ReportOptions {
        ReportOptions::default()
    }

    /// How duplication is scored and reported.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{DuplicationOptions, ReportOptions, datasets};
    ///
    /// let halton = datasets::halton_2008();
    /// let without_members = DuplicationOptions::new().member_weight(0.0);
    /// let report = halton.report_with(&ReportOptions::new().duplication(without_members.clone()));
    /// assert_eq!(report.duplicates(), &halton.duplicates(&without_members)[..]);
    /// assert_ne!(report.duplicates(), halton.report().duplicates());
    /// ```
    pub fn duplication(mut self, options: DuplicationOptions) -> ReportOptions {
        self.duplication = options;
        self
    }

    /// Which pairs of bodies are reported as overlapping
    /// ([`Structure::overlaps`]).
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, MemberKind, MemberSpec, OverlapOptions, ReportOptions, Role, Structure};
    ///
    /// let s = Structure::builder()
    ///     .member(MemberSpec::new("dcs", "DCS", MemberKind::Post))
    ///     .member(MemberSpec::new("dph", "DPH", MemberKind::Post))
    ///     .body(BodySpec::new("trust", "Trust Board", BodyKind::Board).seat("dcs", Role::Member).seat("dph", Role::Member))
    ///     .body(BodySpec::new("hwb", "HWB", BodyKind::Board).seat("dcs", Role::Member).seat("dph", Role::Member))
    ///     .build()?;
    /// // Two in common is fewer than the default three.
    /// assert!(s.report().overlaps().is_empty());
    /// let report = s.report_with(&ReportOptions::new().overlap(OverlapOptions::new().min_shared(2)));
    /// assert_eq!(report.overlaps()[0].members.shared, ["dcs", "dph"]);
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn overlap(mut self, options: OverlapOptions) -> ReportOptions {
        self.overlap = options;
        self
    }

    /// Reports members who sit on at least this many bodies as interlocks
    /// ([`Structure::interlocks`]).
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, MemberKind, MemberSpec, ReportOptions, Role, Structure};
    ///
    /// let s = Structure::builder()
    ///     .member(MemberSpec::new("dcs", "DCS", MemberKind::Post))
    ///     .body(BodySpec::new("trust", "Trust Board", BodyKind::Board).seat("dcs", Role::Member))
    ///     .body(BodySpec::new("lscb", "LSCB", BodyKind::Board).seat("dcs", Role::Member))
    ///     .build()?;
    /// assert!(s.report().interlocks().is_empty());
    /// let report = s.report_with(&ReportOptions::new().interlock_min_bodies(2));
    /// assert_eq!(report.interlocks()[0].bodies, ["lscb", "trust"]);
    /// # Ok::<(), govgraph::Error>(())
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
    /// use govgraph::{BodyKind, BodySpec, ReportOptions, Structure};
    ///
    /// let s = Structure::builder()
    ///     .body(BodySpec::new("trust", "Trust Board", BodyKind::Board).apex())
    ///     .body(BodySpec::new("a", "A", BodyKind::Group).reports_to("trust"))
    ///     .body(BodySpec::new("b", "B", BodyKind::Group).reports_to("trust"))
    ///     .body(BodySpec::new("c", "C", BodyKind::Group).reports_to("trust"))
    ///     .build()?;
    /// let report = s.report_with(&ReportOptions::new().closure_limit(2));
    /// let impact = &report.closure_impacts()[0];
    /// assert_eq!((impact.body.as_str(), impact.total), ("trust", 3));
    /// assert_eq!(impact.cut_off, ["a", "b"]);
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn closure_limit(mut self, limit: usize) -> ReportOptions {
        self.closure_limit = limit;
        self
    }

    /// Reports on the structure as it stood at `date`
    /// ([`Structure::as_at`]) instead of as the file describes it in force.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{ReportOptions, Status, datasets};
    ///
    /// // Hertfordshire's Executive met for the last time in May 2011.
    /// let s = datasets::kent_2011_hertfordshire();
    /// assert_eq!(s.report().summary().bodies.by_status[&Status::Dissolved], 1);
    /// let april = s.report_with(&ReportOptions::new().as_at("2011-04".parse()?));
    /// assert!(!april.summary().bodies.by_status.contains_key(&Status::Dissolved));
    /// # Ok::<(), govgraph::DateError>(())
    /// ```
    pub fn as_at(mut self, date: crate::Date) -> ReportOptions {
        self.as_at = Some(date);
        self
    }

    /// Reports on the structure with every intended change made
    /// ([`Structure::as_intended`]).
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{ReportOptions, datasets};
    ///
    /// // Lancashire is "working toward" merging its Trust with the Health
    /// // and Wellbeing Board: as intended, the Trust has merged.
    /// let s = datasets::kent_2011_lancashire();
    /// let report = s.report_with(&ReportOptions::new().as_intended(true));
    /// assert!(report.summary().bodies.by_status.contains_key(&govgraph::Status::Merged));
    /// ```
    pub fn as_intended(mut self, intended: bool) -> ReportOptions {
        self.as_intended = intended;
        self
    }

    /// Whether the report works out which findings the intended changes
    /// would resolve and introduce. Doing so runs every analysis a second
    /// time, on the structure as intended, so by default it is done for a
    /// structure of up to 2,000 bodies and members (a council's own, whose
    /// report takes milliseconds) and not for a larger one (a national
    /// structure, whose second report would take seconds and list as many
    /// findings as the first); this setting decides either way.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{ReportOptions, datasets};
    ///
    /// let s = datasets::kent_2011_lancashire();
    /// assert!(s.report().intended().unwrap().findings.is_some());
    /// let report = s.report_with(&ReportOptions::new().intended_findings(false));
    /// let intended = report.intended().unwrap();
    /// assert!(!intended.changes.is_empty());
    /// assert!(intended.findings.is_none());
    /// ```
    pub fn intended_findings(mut self, work_out: bool) -> ReportOptions {
        self.intended_findings = Some(work_out);
        self
    }
}

/// From this many bodies and members on, duplication runs on a thread of
/// its own. A council's own structure (tens or hundreds of bodies) is
/// reported on the calling thread alone: its report takes a millisecond or
/// so, and tools may make many.
const THREAD_FROM: usize = 2_000;

impl Structure {
    /// Runs every analysis with the default [`ReportOptions`].
    ///
    /// # Complexity
    ///
    /// The sum of the analyses'. From 2,000 bodies and members on, where
    /// there are two cores, duplication runs on a second thread beside the
    /// other analyses; a smaller structure is reported on the calling
    /// thread alone. On a generated structure of 100,000 bodies and
    /// 1,000,000 seats it takes under a second on two cores (see the
    /// benches).
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

    /// Runs every analysis with the given options
    /// ([`Report::with_options`]).
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{ReportOptions, datasets};
    ///
    /// let report = datasets::halton_2008().report_with(&ReportOptions::new().closure_limit(3));
    /// assert!(report.closure_impacts().iter().all(|c| c.cut_off.len() <= 3));
    /// ```
    pub fn report_with(&self, options: &ReportOptions) -> Report {
        Report::with_options(self, options)
    }
}

impl Report {
    /// The version of the report's JSON, written as its `schema_version`.
    /// It goes up when a field is removed or changes its meaning, not when
    /// a field is added; reading a report of another version is an error,
    /// and a reader ignores fields it does not know.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::Report;
    ///
    /// let report = govgraph::datasets::halton_2008().report();
    /// let json = serde_json::to_string(&report).unwrap();
    /// assert!(json.starts_with(r#"{"schema_version":1,"#));
    /// let again: Report = serde_json::from_str(&json).unwrap();
    /// assert_eq!(again, report);
    ///
    /// let err = serde_json::from_str::<Report>(&json.replace(r#""schema_version":1"#, r#""schema_version":9"#))
    ///     .unwrap_err();
    /// assert!(err.to_string().starts_with("report schema version 9 is not 1, the version this govgraph reads"));
    /// ```
    pub const SCHEMA_VERSION: u32 = 1;

    /// Runs every analysis with the default [`ReportOptions`]; the same as
    /// [`Structure::report`].
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{Report, Structure};
    ///
    /// let report = Report::new(&Structure::default());
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
        // The network of the structure analysed only: a structure with
        // facts in time is reported in force, from a network of that view.
        match Report::view(structure, options) {
            Some(view) => view.analyse().report_of(structure, options),
            None => structure.analyse().report_of(structure, options),
        }
    }

    /// The structure the report analyses, where it is not the structure
    /// given: the structure in force, intended facts and dated ones that
    /// do not hold at the file's date left out; or the structure at
    /// another date, or as intended.
    fn view(given: &Structure, options: &ReportOptions) -> Option<Structure> {
        if let Some(date) = options.as_at {
            Some(given.as_at(date))
        } else if options.as_intended {
            Some(given.as_intended().in_force())
        } else if given.has_time() {
            Some(given.in_force())
        } else {
            None
        }
    }
}

impl Analysis<'_> {
    /// The report of the structure this handle analyses, which is `given`
    /// or the view of it the options ask for ([`Report::view`]).
    fn report_of(&self, given: &Structure, options: &ReportOptions) -> Report {
        let structure = self.structure();
        let net = self.net();
        let in_view = options.as_at.is_none() && !options.as_intended;
        let intended = (in_view && given.has_intended()).then(|| Intended {
            changes: given.intended_changes(),
            findings: None,
        });
        // Duplication takes about as long as every other analysis together,
        // so it runs on a second thread where there is one.
        let ((duplicates, overlaps), rest) = beside(
            net.len() >= THREAD_FROM,
            || {
                (
                    duplication::duplicates(net, &options.duplication),
                    overlap::overlaps(net, &options.overlap),
                )
            },
            || {
                (
                    summary::summary(net),
                    orphans::orphans(net),
                    self.closure_impacts(options.closure_limit),
                    cycles::cycles(net),
                    multiple::multiple_accountability(net),
                    interlocks::interlocks(net, options.interlock_min_bodies),
                    links::cross_seats(net),
                    links::reciprocal_seats(net),
                    load::governance_load(net),
                    Labels::new(structure),
                    unsettled::unsettled(net),
                    structure.mutual_scrutiny(),
                    relations::other_relations(structure),
                )
            },
        );
        let (
            summary,
            orphans,
            closure_impacts,
            cycles,
            multiple_accountability,
            interlocks,
            cross_seats,
            reciprocal_seats,
            load,
            labels,
            unsettled,
            mutual_scrutiny,
            other_relations,
        ) = rest;
        let mut report = Report {
            schema_version: Report::SCHEMA_VERSION,
            structure: structure.meta().name.clone(),
            options: options.clone(),
            summary,
            orphans,
            closure_impacts,
            duplicates,
            overlaps,
            cycles,
            mutual_scrutiny,
            multiple_accountability,
            interlocks,
            cross_seats,
            reciprocal_seats,
            other_relations,
            load,
            intended: None,
            labels,
            unsettled,
        };
        if let Some(mut intended) = intended {
            let small = given.bodies().len() + given.members().len() < THREAD_FROM;
            if options.intended_findings.unwrap_or(small) {
                let later = Report::with_options(given, &options.clone().as_intended(true));
                intended.findings = Some(report.diff(&later));
            }
            report.intended = Some(intended);
        }
        report
    }
}

impl Report {
    /// Bodies whose accountability is not stated or not settled, or which
    /// relate to nothing ([`Structure::unsettled`]).
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{UnsettledReason, datasets};
    ///
    /// // Staffordshire, Q4: "This is still being developed."
    /// let report = datasets::kent_2011_staffordshire().report();
    /// assert!(report.unsettled().iter().any(|u| u.reason == UnsettledReason::Unsettled));
    /// ```
    pub fn unsettled(&self) -> &[Unsettled] {
        &self.unsettled
    }

    /// What the structure says is intended, and what it would change: the
    /// intended changes, and the findings they would resolve and introduce.
    /// `None` when nothing is intended, and in a report of another view
    /// ([`ReportOptions::as_at`], [`ReportOptions::as_intended`]).
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::datasets;
    ///
    /// // Lancashire: "working toward our Children's Trust merging with the
    /// // Health and Wellbeing Board"; its 12 local groups would then answer
    /// // to a merged Trust.
    /// let report = datasets::kent_2011_lancashire().report();
    /// let intended = report.intended().unwrap();
    /// assert!(!intended.changes.is_empty());
    /// let introduced = &intended.findings.as_ref().unwrap().introduced;
    /// assert!(introduced.iter().any(|f| f.kind == govgraph::FindingKind::Orphan));
    /// ```
    pub fn intended(&self) -> Option<&Intended> {
        self.intended.as_ref()
    }

    /// The summary ([`Structure::summary`]).
    ///
    /// # Examples
    ///
    /// ```
    /// let s = govgraph::Structure::default();
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
    /// let s = govgraph::Structure::default();
    /// assert!(s.report().duplicates().is_empty());
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn duplicates(&self) -> &[Duplicate] {
        &self.duplicates
    }

    /// Pairs of bodies with overlapping membership
    /// ([`Structure::overlaps`], with [`ReportOptions::overlap`]).
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, Structure};
    ///
    /// let s = Structure::builder().body(BodySpec::new("board", "Board", BodyKind::Board)).build()?;
    /// assert!(s.report().overlaps().is_empty());
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn overlaps(&self) -> &[Overlap] {
        &self.overlaps
    }

    /// Members who lead one body and sit on another
    /// ([`Structure::cross_seats`]).
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, Structure};
    ///
    /// let s = Structure::builder().body(BodySpec::new("board", "Board", BodyKind::Board)).build()?;
    /// assert!(s.report().cross_seats().is_empty());
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn cross_seats(&self) -> &[CrossSeat] {
        &self.cross_seats
    }

    /// Pairs of bodies whose leaders each sit on the other
    /// ([`Structure::reciprocal_seats`]).
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, Structure};
    ///
    /// let s = Structure::builder().body(BodySpec::new("board", "Board", BodyKind::Board)).build()?;
    /// assert!(s.report().reciprocal_seats().is_empty());
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn reciprocal_seats(&self) -> &[ReciprocalSeats] {
        &self.reciprocal_seats
    }

    /// Every relation that is not accountability, by kind
    /// ([`Structure::other_relations`]).
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, Structure};
    ///
    /// let s = Structure::builder().body(BodySpec::new("board", "Board", BodyKind::Board)).build()?;
    /// assert!(s.report().other_relations().is_empty());
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn other_relations(&self) -> &[RelationGroup] {
        &self.other_relations
    }

    /// Accountability cycles ([`Structure::cycles`]).
    ///
    /// # Examples
    ///
    /// ```
    /// let s = govgraph::Structure::default();
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
    /// let s = govgraph::Structure::default();
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
    /// let s = govgraph::Structure::default();
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
    /// let s = govgraph::Structure::default();
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
    /// let s = govgraph::Structure::default();
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
        let unsettled = self.unsettled.iter().map(Detail::Unsettled);
        let duplicates = self.duplicates.iter().map(Detail::Duplicate);
        let overlaps = self.overlaps.iter().map(Detail::Overlap);
        let cross = self.cross_seats.iter().map(Detail::CrossSeat);
        let reciprocal = self.reciprocal_seats.iter().map(Detail::ReciprocalSeats);
        let cycles = self.cycles.iter().map(Detail::Cycle);
        let mutual = self.mutual_scrutiny.iter().map(Detail::MutualScrutiny);
        let multiple = self
            .multiple_accountability
            .iter()
            .map(Detail::MultipleAccountability);
        let interlocks = self.interlocks.iter().map(Detail::Interlock);
        let unknown = self.load.unknown.iter().map(Detail::UnknownMeetings);
        orphans
            .chain(unsettled)
            .chain(duplicates)
            .chain(overlaps)
            .chain(cycles)
            .chain(mutual)
            .chain(multiple)
            .chain(interlocks)
            .chain(cross)
            .chain(reciprocal)
            .chain(unknown)
            .map(finding)
    }
}
