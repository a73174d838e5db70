//! [`Analysis`]: one structure's accountability network, built once, and
//! every analysis answered from it.

use std::sync::OnceLock;

use crate::analysis::closure::{self, DominatorTree};
use crate::analysis::net::Net;
use crate::analysis::{
    ClosureImpact, CrossSeat, Cycle, Duplicate, DuplicationOptions, GovernanceLoad, Interlock,
    MultipleAccountability, MutualScrutiny, Orphan, Overlap, OverlapOptions, ReciprocalSeats,
    RelationGroup, Report, ReportOptions, Summary, Unsettled,
};
use crate::analysis::{cycles, duplication, interlocks, links, load, multiple, orphans, overlap};
use crate::analysis::{summary, unsettled};
use crate::model::Structure;

/// Every analysis of one structure, sharing what they have in common.
///
/// Each analysis method of [`Structure`] ([`Structure::orphans`],
/// [`Structure::duplicates`], ...) builds the accountability network it
/// walks (every body and member numbered, their parent and child lists)
/// and throws it away; at 100,000 bodies that is about a tenth of a second
/// each time. `Analysis`, made by [`Structure::analyse`], builds it once
/// and answers every analysis from it, with the dominator tree that
/// closure impact needs built on its first use and kept. Its answers are
/// the same as the `Structure` methods' (which are thin calls through a
/// fresh `Analysis`), and [`Analysis::report`] is [`Structure::report`].
///
/// Like the `Structure` methods, it analyses the structure as given; the
/// report analyses the structure in force ([`Structure::in_force`]), and
/// so builds a network of its own when the structure holds intended or
/// dated facts, or the options ask for another date.
///
/// `Analysis` borrows the structure; it is `Send` and `Sync`, so one
/// handle may answer on several threads.
///
/// # Examples
///
/// ```
/// use govgraph::{BodyKind, BodySpec, DuplicationOptions, Status, Structure};
///
/// let s = Structure::builder()
///     .body(BodySpec::new("trust", "Trust Board", BodyKind::Board).apex())
///     .body(BodySpec::new("exec", "Executive", BodyKind::Executive).reports_to("trust"))
///     .body(BodySpec::new("play", "Play Partnership", BodyKind::Partnership)
///         .status(Status::Dormant)
///         .reports_to("exec"))
///     .body(BodySpec::new("toys", "Toy Library", BodyKind::Group).reports_to("play"))
///     .build()?;
/// let analysis = s.analyse();
/// assert_eq!(analysis.orphans()[0].body, "toys");
/// assert_eq!(analysis.closure_impact("exec").unwrap().cut_off, ["play", "toys"]);
/// assert!(analysis.cycles().is_empty());
/// assert!(analysis.duplicates(&DuplicationOptions::new()).is_empty());
/// assert_eq!(analysis.report(), s.report());
/// # Ok::<(), govgraph::Error>(())
/// ```
pub struct Analysis<'s> {
    net: Net<'s>,
    dominators: OnceLock<DominatorTree>,
}

impl Structure {
    /// A handle that builds the accountability network once and answers
    /// every analysis from it: the way to run several analyses of a large
    /// structure. See [`Analysis`].
    ///
    /// # Complexity
    ///
    /// **O(|V| + |E| log |E|)** for bodies and members V and accountability
    /// relations E; each analysis then costs its own walk.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::datasets;
    ///
    /// let solihull = datasets::solihull_2011();
    /// let analysis = solihull.analyse();
    /// assert_eq!(analysis.orphans(), solihull.orphans());
    /// assert_eq!(analysis.summary(), solihull.summary());
    /// ```
    pub fn analyse(&self) -> Analysis<'_> {
        Analysis {
            net: Net::new(self),
            dominators: OnceLock::new(),
        }
    }
}

impl<'s> Analysis<'s> {
    /// The structure analysed.
    ///
    /// # Examples
    ///
    /// ```
    /// let s = govgraph::datasets::halton_2008();
    /// assert!(std::ptr::eq(s.analyse().structure(), &s));
    /// ```
    pub fn structure(&self) -> &'s Structure {
        self.net.structure
    }

    pub(crate) fn net(&self) -> &Net<'s> {
        &self.net
    }

    fn dominators(&self) -> &DominatorTree {
        self.dominators
            .get_or_init(|| DominatorTree::new(&self.net))
    }

    /// Bodies with no accountable route to an apex
    /// ([`Structure::orphans`]).
    ///
    /// # Examples
    ///
    /// ```
    /// let s = govgraph::datasets::solihull_2011();
    /// assert!(!s.analyse().orphans().is_empty());
    /// ```
    pub fn orphans(&self) -> Vec<Orphan> {
        orphans::orphans(&self.net)
    }

    /// Bodies whose accountability is unstated or unsettled, and apexes
    /// that relate to nothing ([`Structure::unsettled`]).
    ///
    /// # Examples
    ///
    /// ```
    /// let s = govgraph::datasets::kent_2011_staffordshire();
    /// assert_eq!(s.analyse().unsettled(), s.unsettled());
    /// ```
    pub fn unsettled(&self) -> Vec<Unsettled> {
        unsettled::unsettled(&self.net)
    }

    /// What closing the body `id` would cut off
    /// ([`Structure::closure_impact`]); `None` if there is no such body or
    /// member. The dominator tree it reads is built on the first call and
    /// kept, so asking of every body costs one tree.
    ///
    /// # Examples
    ///
    /// ```
    /// let s = govgraph::datasets::solihull_2011();
    /// let analysis = s.analyse();
    /// for body in s.bodies() {
    ///     assert_eq!(analysis.closure_impact(body.id.as_str()), s.closure_impact(body.id.as_str()));
    /// }
    /// assert!(analysis.closure_impact("no-such-body").is_none());
    /// ```
    pub fn closure_impact(&self, id: &str) -> Option<ClosureImpact> {
        closure::closure_impact(&self.net, self.dominators(), id)
    }

    /// The closure impact of every body that is the only route of another,
    /// most impact first, each listing at most `limit` bodies (the report's
    /// [`Report::closure_impacts`]).
    ///
    /// # Examples
    ///
    /// ```
    /// let s = govgraph::datasets::halton_2008();
    /// assert_eq!(s.analyse().closure_impacts(10), s.report().closure_impacts());
    /// ```
    pub fn closure_impacts(&self, limit: usize) -> Vec<ClosureImpact> {
        closure::closure_impacts(&self.net, self.dominators(), limit)
    }

    /// Cycles of accountability ([`Structure::cycles`]).
    ///
    /// # Examples
    ///
    /// ```
    /// let s = govgraph::datasets::halton_2008();
    /// assert_eq!(s.analyse().cycles(), s.cycles());
    /// ```
    pub fn cycles(&self) -> Vec<Cycle> {
        cycles::cycles(&self.net)
    }

    /// Pairs of bodies that scrutinise each other
    /// ([`Structure::mutual_scrutiny`]).
    ///
    /// # Examples
    ///
    /// ```
    /// let s = govgraph::datasets::leicestershire_2009_current();
    /// assert_eq!(s.analyse().mutual_scrutiny(), s.mutual_scrutiny());
    /// ```
    pub fn mutual_scrutiny(&self) -> Vec<MutualScrutiny> {
        self.structure().mutual_scrutiny()
    }

    /// Bodies and posts accountable to more than one parent
    /// ([`Structure::multiple_accountability`]).
    ///
    /// # Examples
    ///
    /// ```
    /// let s = govgraph::datasets::halton_2008();
    /// assert_eq!(s.analyse().multiple_accountability(), s.multiple_accountability());
    /// ```
    pub fn multiple_accountability(&self) -> Vec<MultipleAccountability> {
        multiple::multiple_accountability(&self.net)
    }

    /// Pairs of bodies that may duplicate each other
    /// ([`Structure::duplicates`]).
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::DuplicationOptions;
    ///
    /// let s = govgraph::datasets::solihull_2011();
    /// let options = DuplicationOptions::new().threshold(0.3);
    /// assert_eq!(s.analyse().duplicates(&options), s.duplicates(&options));
    /// ```
    pub fn duplicates(&self, options: &DuplicationOptions) -> Vec<Duplicate> {
        duplication::duplicates(&self.net, options)
    }

    /// Pairs of bodies whose membership overlaps ([`Structure::overlaps`]).
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::OverlapOptions;
    ///
    /// let s = govgraph::datasets::halton_2008();
    /// assert_eq!(s.analyse().overlaps(&OverlapOptions::new()), s.overlaps(&OverlapOptions::new()));
    /// ```
    pub fn overlaps(&self, options: &OverlapOptions) -> Vec<Overlap> {
        overlap::overlaps(&self.net, options)
    }

    /// Members sitting on at least `min_bodies` bodies
    /// ([`Structure::interlocks`]).
    ///
    /// # Examples
    ///
    /// ```
    /// let s = govgraph::datasets::halton_2008();
    /// assert_eq!(s.analyse().interlocks(3), s.interlocks(3));
    /// ```
    pub fn interlocks(&self, min_bodies: usize) -> Vec<Interlock> {
        interlocks::interlocks(&self.net, min_bodies)
    }

    /// Seats held by one body on another ([`Structure::cross_seats`]).
    ///
    /// # Examples
    ///
    /// ```
    /// let s = govgraph::datasets::kent_2011_essex();
    /// assert_eq!(s.analyse().cross_seats(), s.cross_seats());
    /// ```
    pub fn cross_seats(&self) -> Vec<CrossSeat> {
        links::cross_seats(&self.net)
    }

    /// Bodies that sit on each other ([`Structure::reciprocal_seats`]).
    ///
    /// # Examples
    ///
    /// ```
    /// let s = govgraph::datasets::kent_2011_essex();
    /// assert_eq!(s.analyse().reciprocal_seats(), s.reciprocal_seats());
    /// ```
    pub fn reciprocal_seats(&self) -> Vec<ReciprocalSeats> {
        links::reciprocal_seats(&self.net)
    }

    /// Every relation that is not accountability, by kind
    /// ([`Structure::other_relations`]).
    ///
    /// # Examples
    ///
    /// ```
    /// let s = govgraph::datasets::leicestershire_2009_current();
    /// assert_eq!(s.analyse().other_relations(), s.other_relations());
    /// ```
    pub fn other_relations(&self) -> Vec<RelationGroup> {
        crate::analysis::relations::other_relations(self.structure())
    }

    /// Meetings a year, by body and by member
    /// ([`Structure::governance_load`]).
    ///
    /// # Examples
    ///
    /// ```
    /// let s = govgraph::datasets::solihull_2011();
    /// assert_eq!(s.analyse().governance_load(), s.governance_load());
    /// ```
    pub fn governance_load(&self) -> GovernanceLoad {
        load::governance_load(&self.net)
    }

    /// Counts and shape ([`Structure::summary`]).
    ///
    /// # Examples
    ///
    /// ```
    /// let s = govgraph::datasets::solihull_2011();
    /// assert_eq!(s.analyse().summary().members, s.members().count());
    /// ```
    pub fn summary(&self) -> Summary {
        summary::summary(&self.net)
    }

    /// Every analysis with the default [`ReportOptions`]: the same report
    /// as [`Structure::report`], from this network where the report
    /// analyses the structure as given.
    ///
    /// # Examples
    ///
    /// ```
    /// let s = govgraph::datasets::halton_2008();
    /// assert_eq!(s.analyse().report(), s.report());
    /// ```
    pub fn report(&self) -> Report {
        self.report_with(&ReportOptions::default())
    }

    /// Every analysis with the given options ([`Report::with_options`]).
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::ReportOptions;
    ///
    /// let s = govgraph::datasets::halton_2008();
    /// let options = ReportOptions::new().interlock_min_bodies(2);
    /// assert_eq!(s.analyse().report_with(&options), s.report_with(&options));
    /// ```
    pub fn report_with(&self, options: &ReportOptions) -> Report {
        match Report::view(self.structure(), options) {
            Some(view) => view.analyse().report_of(self.structure(), options),
            None => self.report_of(self.structure(), options),
        }
    }
}
