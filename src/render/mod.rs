//! Drawing a structure: Graphviz DOT, and SVG from the Graphviz `dot` program
//! or from an embedded pure-Rust renderer.
//!
//! Both outputs are built from one private scene (`style`), so the two
//! backends draw the same marks: status as the Solihull paper draws it
//! (active black, not active grey, gone dashed), body kinds as shapes, each
//! relation kind in its own colour and line style, tiers as clusters, and a
//! legend of exactly the marks used.
//!
//! Architecture invariants: node ids in DOT come from stable ids, never from
//! names; DOT is written directly and every text value in it is quoted and
//! escaped by govgraph (the key's HTML-like label as XML); everything
//! emitted is in a fixed order, so the same structure gives byte-identical
//! DOT and SVG.

#[cfg(feature = "embedded-svg")]
mod budget;
mod dot;
#[cfg(feature = "embedded-svg")]
mod embedded;
mod html;
mod markup;
mod members;
mod scene;
mod style;
mod svg;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::PathBuf;
use std::time::Duration;

use crate::analysis::{Finding, Report};
use crate::model::{Id, RelationKind, Structure};

pub use html::Html;
pub use members::MembersOptions;

/// What to draw, and how: which relation kinds, whether bodies that have gone
/// (merged or dissolved) are shown, the direction, the legend, the title,
/// where long names wrap, and an [`Overlay`] of findings.
///
/// Every setter takes and returns the options by value.
///
/// # Examples
///
/// ```
/// use govgraph::{BodyKind, BodySpec, DrawOptions, RankDir, RelationKind, Status, Structure};
///
/// let s = Structure::builder()
///     .body(BodySpec::new("board", "Board", BodyKind::Board).apex())
///     .body(BodySpec::new("lscb", "LSCB", BodyKind::Board).apex().scrutinises("board"))
///     .body(BodySpec::new("old", "Old Partnership", BodyKind::Partnership).status(Status::Dissolved))
///     .build()?;
/// let options = DrawOptions::new()
///     .relations([RelationKind::ReportsTo, RelationKind::Scrutinises])
///     .show_gone(false)
///     .rankdir(RankDir::LeftToRight)
///     .legend(false);
/// let dot = s.to_dot(&options);
/// assert!(dot.contains(r#"rankdir="LR""#));
/// assert!(dot.contains("n_lscb -> n_board"));
/// assert!(!dot.contains("Old Partnership"));
/// assert!(!dot.contains("key_table"));
/// # Ok::<(), govgraph::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DrawOptions {
    relations: BTreeSet<RelationKind>,
    show_gone: bool,
    rankdir: RankDir,
    legend: bool,
    title: Title,
    wrap: usize,
    overlay: Overlay,
}

impl Default for DrawOptions {
    fn default() -> DrawOptions {
        DrawOptions {
            relations: RelationKind::ALL.iter().copied().collect(),
            show_gone: true,
            rankdir: RankDir::TopToBottom,
            legend: true,
            title: Title::FromStructure,
            wrap: 22,
            overlay: Overlay::new(),
        }
    }
}

impl DrawOptions {
    /// Every relation kind, gone bodies shown, top to bottom, with a legend,
    /// titled with the structure's name, names wrapped at 22 characters, and
    /// no overlay.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, DrawOptions, Structure};
    ///
    /// let s = Structure::builder().body(BodySpec::new("b", "Trust Board", BodyKind::Board)).build()?;
    /// assert!(s.to_dot(&DrawOptions::new()).contains(r#"label="Trust Board""#));
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn new() -> DrawOptions {
        DrawOptions::default()
    }

    /// Draws only relations of these kinds. Bodies are drawn whether or not a
    /// drawn relation touches them; members (posts) only when one does.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, DrawOptions, RelationKind, Structure};
    ///
    /// let s = Structure::builder()
    ///     .body(BodySpec::new("board", "Board", BodyKind::Board))
    ///     .body(BodySpec::new("lscb", "LSCB", BodyKind::Board).scrutinises("board"))
    ///     .build()?;
    /// let dot = s.to_dot(&DrawOptions::new().relations([RelationKind::ReportsTo]).legend(false));
    /// assert!(!dot.contains("->"));
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn relations(mut self, kinds: impl IntoIterator<Item = RelationKind>) -> DrawOptions {
        self.relations = kinds.into_iter().collect();
        self
    }

    /// Whether bodies that have gone for good (merged or dissolved) are drawn,
    /// dashed and shaded, or left out with their relations. Default: drawn.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, DrawOptions, Status, Structure};
    ///
    /// let s = Structure::builder()
    ///     .body(BodySpec::new("old", "Prosperous sub group", BodyKind::SubGroup).status(Status::Merged))
    ///     .build()?;
    /// assert!(!s.to_dot(&DrawOptions::new().show_gone(false)).contains("Prosperous"));
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn show_gone(mut self, show: bool) -> DrawOptions {
        self.show_gone = show;
        self
    }

    /// The direction accountability runs in: parents above children
    /// ([`RankDir::TopToBottom`], the default) or to their left.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, DrawOptions, RankDir, Structure};
    ///
    /// let s = Structure::builder().body(BodySpec::new("b", "Board", BodyKind::Board)).build()?;
    /// assert!(s.to_dot(&DrawOptions::new().rankdir(RankDir::LeftToRight)).contains(r#"rankdir="LR""#));
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn rankdir(mut self, rankdir: RankDir) -> DrawOptions {
        self.rankdir = rankdir;
        self
    }

    /// Whether to draw a legend ("Key") explaining every mark the drawing
    /// uses. Default: yes.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, DrawOptions, Structure};
    ///
    /// let s = Structure::builder().body(BodySpec::new("b", "Board", BodyKind::Board)).build()?;
    /// assert!(s.to_dot(&DrawOptions::new()).contains("key_table"));
    /// assert!(!s.to_dot(&DrawOptions::new().legend(false)).contains("key_table"));
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn legend(mut self, legend: bool) -> DrawOptions {
        self.legend = legend;
        self
    }

    /// Titles the drawing. By default the title is the structure's name, if
    /// it has one.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, DrawOptions, Structure};
    ///
    /// let s = Structure::builder().body(BodySpec::new("b", "Board", BodyKind::Board)).build()?;
    /// assert!(s.to_dot(&DrawOptions::new().title("Solihull, June 2011")).contains("Solihull, June 2011"));
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn title(mut self, title: impl Into<String>) -> DrawOptions {
        self.title = Title::Text(title.into());
        self
    }

    /// Draws no title, even if the structure has a name.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, DrawOptions, Structure};
    ///
    /// let s = Structure::builder()
    ///     .name("Halton")
    ///     .body(BodySpec::new("b", "Board", BodyKind::Board))
    ///     .build()?;
    /// assert!(!s.to_dot(&DrawOptions::new().no_title()).contains("Halton"));
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn no_title(mut self) -> DrawOptions {
        self.title = Title::None;
        self
    }

    /// Wraps names longer than `width` characters at spaces, so that long
    /// names ("Emotional Wellbeing and Mental Health Strategy Group") make
    /// narrow boxes. `0` never wraps. Default: 22. A line break written in a
    /// name is always kept.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, DrawOptions, Structure};
    ///
    /// let s = Structure::builder()
    ///     .body(BodySpec::new("b", "Performance & Commissioning Group", BodyKind::Group))
    ///     .build()?;
    /// let dot = s.to_dot(&DrawOptions::new().wrap(14).legend(false));
    /// assert!(dot.contains(r#"label="Performance &amp;\nCommissioning\nGroup""#));
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn wrap(mut self, width: usize) -> DrawOptions {
        self.wrap = width;
        self
    }

    /// Draws findings over the structure: marked bodies, possible duplicates,
    /// highlighted relations.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, DrawOptions, Overlay, Structure};
    ///
    /// let s = Structure::builder()
    ///     .body(BodySpec::new("play", "Play Partnership", BodyKind::Partnership))
    ///     .build()?;
    /// let dot = s.to_dot(&DrawOptions::new().overlay(Overlay::new().mark("play", "orphan")));
    /// assert!(dot.contains(r#"label="Play Partnership\n(orphan)""#));
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn overlay(mut self, overlay: Overlay) -> DrawOptions {
        self.overlay = overlay;
        self
    }
}

/// The direction a drawing runs in. Only the two directions both backends
/// can draw are offered.
///
/// # Examples
///
/// ```
/// assert_eq!(govgraph::RankDir::default(), govgraph::RankDir::TopToBottom);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum RankDir {
    /// Parents above children.
    #[default]
    TopToBottom,
    /// Parents to the left of children.
    LeftToRight,
}

/// Findings drawn over a structure, restrained so that the structure still
/// reads: bodies marked with a short reason ("orphan"), places where a line
/// of accountability breaks with what hangs from them shaded, possible
/// duplicates as numbered marks tied to a list of findings in the key, and
/// relations highlighted with a reason ("cycle").
///
/// Ids that name nothing in the drawing (unknown ids, or gone bodies left
/// out) are skipped. The legend explains every overlay mark drawn. A
/// drawing without findings is the default: leave the overlay out of
/// [`DrawOptions`].
///
/// # Examples
///
/// ```
/// use govgraph::Overlay;
///
/// let overlay = Overlay::new()
///     .mark("parents-forum", "orphan")
///     .cut_off("iwpb", ["lincs", "young-carers"])
///     .duplicate("stay-safe", "lscb")
///     .highlight_cycle(["lscb", "board"], "mutual scrutiny");
/// assert!(!overlay.is_empty());
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Overlay {
    marks: BTreeMap<Id, BTreeSet<String>>,
    /// Where a line breaks, and the bodies cut off by it.
    breaks: BTreeMap<Id, BTreeSet<Id>>,
    /// Unordered pairs, in the order first added: their numbers.
    duplicates: Vec<(Id, Id)>,
    highlights: BTreeMap<(Id, Id), BTreeSet<String>>,
    notes: Vec<String>,
}

/// How many possible duplicates [`Overlay::from`] a report numbers in a
/// drawing; the rest are counted in a note.
const DUPLICATES_DRAWN: usize = 5;

impl From<&Report> for Overlay {
    /// The findings of a report that a drawing can show. An orphan with no
    /// parent at all is marked "orphan"; one cut off by a body that is not
    /// active is shown where its line breaks ([`Overlay::cut_off`]): the
    /// inactive body marked once, with the number of bodies it cuts off,
    /// and each of those shaded. The five highest-scoring possible
    /// duplicates are numbered, with a note counting any others; which
    /// duplicates there are is the report's threshold
    /// ([`DuplicationOptions`](crate::DuplicationOptions)). Accountability
    /// cycles and mutual scrutiny are highlighted.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, Overlay, Status, Structure};
    ///
    /// let s = Structure::builder()
    ///     .body(BodySpec::new("iwpb", "Programme Board", BodyKind::ProgrammeBoard)
    ///         .apex()
    ///         .status(Status::OnHold)
    ///         .oversees("lincs"))
    ///     .body(BodySpec::new("lincs", "LINCS", BodyKind::Project))
    ///     .body(BodySpec::new("forum", "Parents Forum", BodyKind::Forum))
    ///     .build()?;
    /// let overlay = Overlay::from(&s.report());
    /// assert_eq!(overlay, Overlay::new().mark("forum", "orphan").cut_off("iwpb", ["lincs"]));
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    fn from(report: &Report) -> Overlay {
        use crate::analysis::OrphanCase;
        let mut overlay = Overlay::new();
        for orphan in report.orphans() {
            let at: &[Id] = match &orphan.case {
                OrphanCase::InactiveParents { parents } => parents,
                OrphanCase::CutOff { through } => through,
                _ => &[],
            };
            if at.is_empty() {
                overlay = overlay.mark(orphan.body.clone(), "orphan");
            }
            for at in at {
                overlay = overlay.cut_off(at.clone(), [orphan.body.clone()]);
            }
        }
        let duplicates = report.duplicates();
        for duplicate in duplicates.iter().take(DUPLICATES_DRAWN) {
            let [a, b] = &duplicate.bodies;
            overlay = overlay.duplicate(a.clone(), b.clone());
        }
        if duplicates.len() > DUPLICATES_DRAWN {
            let more = duplicates.len() - DUPLICATES_DRAWN;
            overlay = overlay.note(format!(
                "{more} more possible duplicate{} in the report",
                if more == 1 { "" } else { "s" }
            ));
        }
        for cycle in report.cycles() {
            overlay = overlay.highlight_cycle(cycle.ids.iter().cloned(), "cycle");
        }
        for pair in report.mutual_scrutiny() {
            let [a, b] = &pair.bodies;
            overlay = overlay.highlight(a.clone(), b.clone(), "mutual scrutiny");
        }
        overlay
    }
}

impl From<&Finding<'_>> for Overlay {
    /// One finding, marked as a drawing of
    /// [`Structure::finding_view`] shows it, with its line from the report
    /// listed in the key: an orphan where its line breaks (or "orphan" if
    /// it has no parent), a duplicate pair numbered D1, a cycle or mutual
    /// scrutiny highlighted, a body with several parents marked and its
    /// lines to them highlighted, the line an unsettled body is assumed to
    /// answer by highlighted, and the bodies of a finding about seats
    /// (overlapping membership, interlocks, cross-body and reciprocal
    /// seats) or meetings marked with its kind.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, FindingKind, Overlay, Status, Structure};
    ///
    /// let s = Structure::builder()
    ///     .body(BodySpec::new("iwpb", "Programme Board", BodyKind::ProgrammeBoard)
    ///         .apex()
    ///         .status(Status::OnHold)
    ///         .oversees("lincs"))
    ///     .body(BodySpec::new("lincs", "LINCS", BodyKind::Project))
    ///     .build()?;
    /// let report = s.report();
    /// let orphan = report.findings().find(|f| f.kind() == FindingKind::Orphan).unwrap();
    /// assert_eq!(
    ///     Overlay::from(&orphan),
    ///     Overlay::new()
    ///         .cut_off("iwpb", ["lincs"])
    ///         .note("LINCS is accountable only to bodies that are not active: Programme Board (on hold)"),
    /// );
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    fn from(finding: &Finding<'_>) -> Overlay {
        use crate::analysis::FindingKind as Kind;
        let ids = finding.ids();
        let evidence = finding.evidence();
        let mut overlay = Overlay::new();
        let mark_all = |overlay: Overlay, ids: &[&Id], reason: &str| {
            ids.iter()
                .fold(overlay, |o, id| o.mark((*id).clone(), reason))
        };
        let about: Vec<&Id> = ids.iter().collect();
        match finding.kind() {
            Kind::Orphan if evidence.is_empty() => overlay = mark_all(overlay, &about, "orphan"),
            Kind::Orphan => {
                for at in &evidence {
                    overlay = overlay.cut_off((*at).clone(), ids.iter().cloned());
                }
            }
            Kind::Unsettled => {
                overlay = mark_all(overlay, &about, "unsettled");
                for parent in &evidence {
                    overlay = overlay.highlight(ids[0].clone(), (*parent).clone(), "assumed");
                }
            }
            Kind::Duplicate if ids.len() == 2 => {
                overlay = overlay.duplicate(ids[0].clone(), ids[1].clone());
            }
            Kind::Cycle => overlay = overlay.highlight_cycle(ids.iter().cloned(), "cycle"),
            Kind::MutualScrutiny if ids.len() == 2 => {
                overlay = overlay.highlight(ids[0].clone(), ids[1].clone(), "mutual scrutiny");
            }
            Kind::MultipleAccountability => {
                overlay = mark_all(overlay, &about, "more than one parent");
                for parent in &evidence {
                    overlay = overlay.highlight(
                        ids[0].clone(),
                        (*parent).clone(),
                        "more than one parent",
                    );
                }
            }
            Kind::Overlap => overlay = mark_all(overlay, &about, "overlapping membership"),
            Kind::ReciprocalSeats => overlay = mark_all(overlay, &about, "reciprocal seats"),
            Kind::Interlock => overlay = mark_all(overlay, &evidence, "interlock"),
            Kind::CrossSeat => overlay = mark_all(overlay, &evidence, "cross-body seat"),
            Kind::UnknownMeetings => overlay = mark_all(overlay, &about, "meetings not known"),
            _ => overlay = mark_all(overlay, &about, finding.kind().as_str()),
        }
        overlay.note(finding.to_string())
    }
}

impl Overlay {
    /// An empty overlay.
    ///
    /// # Examples
    ///
    /// ```
    /// assert!(govgraph::Overlay::new().is_empty());
    /// ```
    pub fn new() -> Overlay {
        Overlay::default()
    }

    /// Marks a body (or member) with a short reason, drawn under its name
    /// with a red outline. A body may be marked for several reasons.
    ///
    /// # Examples
    ///
    /// ```
    /// let overlay = govgraph::Overlay::new().mark("parents-forum", "orphan");
    /// assert!(!overlay.is_empty());
    /// ```
    pub fn mark(mut self, id: impl Into<Id>, reason: impl Into<String>) -> Overlay {
        self.marks
            .entry(id.into())
            .or_default()
            .insert(reason.into());
        self
    }

    /// Shows where a line of accountability breaks: `at` (a body that is not
    /// active) is outlined in red once, with how many bodies it cuts off
    /// under its name ("(14 cut off here)"), and each of `bodies` is
    /// shaded. Calling it again for
    /// the same `at` adds to its bodies.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, DrawOptions, Overlay, Status, Structure};
    ///
    /// let s = Structure::builder()
    ///     .body(BodySpec::new("iwpb", "Programme Board", BodyKind::ProgrammeBoard)
    ///         .apex()
    ///         .status(Status::OnHold)
    ///         .oversees("lincs"))
    ///     .body(BodySpec::new("lincs", "LINCS", BodyKind::Project))
    ///     .build()?;
    /// let overlay = Overlay::new().cut_off("iwpb", ["lincs"]);
    /// let dot = s.to_dot(&DrawOptions::new().overlay(overlay).legend(false));
    /// assert!(dot.contains(r#"label="Programme Board\n(1 cut off here)""#));
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn cut_off<I>(mut self, at: impl Into<Id>, bodies: I) -> Overlay
    where
        I: IntoIterator,
        I::Item: Into<Id>,
    {
        self.breaks
            .entry(at.into())
            .or_default()
            .extend(bodies.into_iter().map(Into::into));
        self
    }

    /// Marks two bodies as possible duplicates: both get the pair's number
    /// ("D1", in the order pairs are added), and the key lists the pair by
    /// name under that number. The order of the two does not matter, and a
    /// pair added twice keeps its first number.
    ///
    /// # Examples
    ///
    /// ```
    /// let overlay = govgraph::Overlay::new().duplicate("stay-safe", "lscb");
    /// assert_eq!(overlay, govgraph::Overlay::new().duplicate("lscb", "stay-safe"));
    /// ```
    pub fn duplicate(mut self, a: impl Into<Id>, b: impl Into<Id>) -> Overlay {
        let pair = ordered(a.into(), b.into());
        if !self.duplicates.contains(&pair) {
            self.duplicates.push(pair);
        }
        self
    }

    /// Adds a line of text to the findings listed in the key ("21 more
    /// possible duplicates in the report").
    ///
    /// # Examples
    ///
    /// ```
    /// let overlay = govgraph::Overlay::new().note("3 more possible duplicates in the report");
    /// assert!(!overlay.is_empty());
    /// ```
    pub fn note(mut self, text: impl Into<String>) -> Overlay {
        self.notes.push(text.into());
        self
    }
    /// Highlights every drawn relation between `a` and `b`, in either
    /// direction, with a reason for the legend ("cycle").
    ///
    /// # Examples
    ///
    /// ```
    /// let overlay = govgraph::Overlay::new().highlight("lscb", "board", "mutual scrutiny");
    /// assert!(!overlay.is_empty());
    /// ```
    pub fn highlight(
        mut self,
        a: impl Into<Id>,
        b: impl Into<Id>,
        reason: impl Into<String>,
    ) -> Overlay {
        self.highlights
            .entry(ordered(a.into(), b.into()))
            .or_default()
            .insert(reason.into());
        self
    }

    /// Highlights a cycle given as the ids along it: the relations between
    /// each id and the next, and between the last and the first.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::Overlay;
    ///
    /// let cycle = Overlay::new().highlight_cycle(["a", "b", "c"], "cycle");
    /// let edges = Overlay::new()
    ///     .highlight("a", "b", "cycle")
    ///     .highlight("b", "c", "cycle")
    ///     .highlight("c", "a", "cycle");
    /// assert_eq!(cycle, edges);
    /// ```
    pub fn highlight_cycle<I>(mut self, ids: I, reason: impl Into<String>) -> Overlay
    where
        I: IntoIterator,
        I::Item: Into<Id>,
    {
        let ids: Vec<Id> = ids.into_iter().map(Into::into).collect();
        let reason = reason.into();
        if ids.len() < 2 {
            return self;
        }
        for (i, id) in ids.iter().enumerate() {
            let next = &ids[(i + 1) % ids.len()];
            self = self.highlight(id.clone(), next.clone(), reason.clone());
        }
        self
    }

    /// Whether the overlay marks nothing.
    ///
    /// # Examples
    ///
    /// ```
    /// assert!(govgraph::Overlay::new().is_empty());
    /// assert!(!govgraph::Overlay::new().mark("a", "orphan").is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.marks.is_empty()
            && self.breaks.is_empty()
            && self.duplicates.is_empty()
            && self.highlights.is_empty()
            && self.notes.is_empty()
    }
}

/// Which program draws the SVG.
///
/// # Examples
///
/// ```
/// use govgraph::{Backend, BodyKind, BodySpec, DrawOptions, Structure, SvgOptions};
///
/// let s = Structure::builder().body(BodySpec::new("b", "Board", BodyKind::Board)).build()?;
/// let svg = s.to_svg(&DrawOptions::new(), &SvgOptions::new().backend(Backend::Embedded))?;
/// assert_eq!(svg.backend(), Backend::Embedded);
/// assert_eq!(Backend::default(), Backend::Auto);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Backend {
    /// The Graphviz `dot` program if it can be run and draws, otherwise the
    /// embedded renderer, with a warning that says why `dot` did not draw
    /// (not installed, failed, timed out, or wrote something that is not an
    /// SVG). If the embedded renderer cannot draw it either, the error is
    /// [`RenderError::BothFailed`], holding both reasons; if `dot` could not
    /// be run at all, it is the embedded renderer's error, which says to
    /// install Graphviz.
    ///
    /// Without the `embedded-svg` feature there is no embedded renderer to
    /// fall back on, and `Auto` is [`Backend::Dot`]: its errors say to
    /// install Graphviz or to enable the feature.
    #[default]
    Auto,
    /// The Graphviz `dot` program; an error if it cannot be run.
    Dot,
    /// The embedded pure-Rust renderer: govgraph's own layout, an
    /// organisation chart with tiers in boxes and edges routed between the
    /// boxes. It needs nothing installed, and refuses drawings over its
    /// budget ([`SvgOptions::node_limit`],
    /// [`SvgOptions::edge_limit`], [`SvgOptions::work_limit`]).
    #[cfg(feature = "embedded-svg")]
    #[cfg_attr(docsrs, doc(cfg(feature = "embedded-svg")))]
    Embedded,
}

impl fmt::Display for Backend {
    /// Names the backend for messages: "auto", "dot" or "the embedded
    /// renderer".
    ///
    /// ```
    /// assert_eq!(govgraph::Backend::Dot.to_string(), "dot");
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Backend::Auto => "auto",
            Backend::Dot => "dot",
            #[cfg(feature = "embedded-svg")]
            Backend::Embedded => "the embedded renderer",
        })
    }
}

/// How to render SVG: the backend, where the `dot` program is, how long it
/// may run and how much it may write, and the embedded renderer's budget.
///
/// # Examples
///
/// ```
/// use std::time::Duration;
/// use govgraph::{Backend, BodyKind, BodySpec, DrawOptions, RenderError, Structure, SvgOptions};
///
/// let s = Structure::builder()
///     .body(BodySpec::new("board", "Trust Board", BodyKind::Board).apex())
///     .body(BodySpec::new("exec", "Executive", BodyKind::Executive).reports_to("board"))
///     .build()?;
/// let options = SvgOptions::new()
///     .backend(Backend::Embedded)
///     .node_limit(100)
///     .timeout(Duration::from_secs(10));
/// let draw = DrawOptions::new().legend(false);
/// assert!(s.to_svg(&draw, &options)?.as_str().contains("Trust Board"));
/// let err = s.to_svg(&draw, &options.node_limit(1)).unwrap_err();
/// assert!(matches!(err, RenderError::EmbeddedTooLarge { nodes: 2, limit: 1 }));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SvgOptions {
    backend: Backend,
    dot_program: PathBuf,
    timeout: Duration,
    output_limit: usize,
    node_limit: usize,
    edge_limit: usize,
    work_limit: u64,
}

impl Default for SvgOptions {
    fn default() -> SvgOptions {
        SvgOptions {
            backend: Backend::Auto,
            dot_program: PathBuf::from("dot"),
            timeout: Duration::from_secs(60),
            output_limit: 64 << 20,
            node_limit: 2_000,
            edge_limit: 4_000,
            work_limit: 50_000_000,
        }
    }
}

impl SvgOptions {
    /// [`Backend::Auto`], `dot` found on the `PATH`, a 60 second timeout,
    /// at most 64 MiB of SVG from `dot`, and for the embedded renderer at
    /// most 2,000 nodes, 4,000 edges and 50,000,000 units of work.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, DrawOptions, Structure, SvgOptions};
    ///
    /// let s = Structure::builder().body(BodySpec::new("b", "Trust Board", BodyKind::Board)).build()?;
    /// // Drawn by `dot` where Graphviz is installed, by the embedded renderer where not.
    /// let svg = s.to_svg(&DrawOptions::new(), &SvgOptions::new())?;
    /// assert!(svg.as_str().contains("Trust Board"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new() -> SvgOptions {
        SvgOptions::default()
    }

    /// Chooses the backend.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{Backend, BodyKind, BodySpec, DrawOptions, Structure, SvgOptions};
    ///
    /// let s = Structure::builder().body(BodySpec::new("b", "Board", BodyKind::Board)).build()?;
    /// let svg = s.to_svg(&DrawOptions::new(), &SvgOptions::new().backend(Backend::Embedded))?;
    /// assert_eq!(svg.backend(), Backend::Embedded);
    /// assert!(svg.warnings().is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn backend(mut self, backend: Backend) -> SvgOptions {
        self.backend = backend;
        self
    }

    /// The Graphviz `dot` program to run: a name looked up on the `PATH`
    /// (default `dot`) or a path.
    ///
    /// # Examples
    ///
    /// ```
    /// use std::path::Path;
    /// use govgraph::{Backend, BodyKind, BodySpec, DrawOptions, RenderError, Structure, SvgOptions};
    ///
    /// let s = Structure::builder().body(BodySpec::new("b", "Board", BodyKind::Board)).build()?;
    /// let options = SvgOptions::new().backend(Backend::Dot).dot_program("/opt/graphviz/bin/dot");
    /// match s.to_svg(&DrawOptions::new(), &options).unwrap_err() {
    ///     RenderError::DotUnavailable { program, .. } => assert_eq!(program, Path::new("/opt/graphviz/bin/dot")),
    ///     other => panic!("{other}"),
    /// }
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn dot_program(mut self, program: impl Into<PathBuf>) -> SvgOptions {
        self.dot_program = program.into();
        self
    }

    /// How long `dot` may run before it is stopped. Default: 60 seconds.
    ///
    /// # Examples
    ///
    /// ```
    /// use std::time::Duration;
    /// use govgraph::{Backend, BodyKind, BodySpec, DrawOptions, RenderError, Structure, SvgOptions};
    ///
    /// let s = Structure::builder().body(BodySpec::new("b", "Board", BodyKind::Board)).build()?;
    /// let options = SvgOptions::new().backend(Backend::Dot).timeout(Duration::ZERO);
    /// match s.to_svg(&DrawOptions::new(), &options).unwrap_err() {
    ///     RenderError::DotTimedOut { timeout, .. } => assert_eq!(timeout, Duration::ZERO),
    ///     // Where Graphviz is not installed, `dot` does not start at all.
    ///     RenderError::DotUnavailable { .. } => {}
    ///     other => panic!("{other}"),
    /// }
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn timeout(mut self, timeout: Duration) -> SvgOptions {
        self.timeout = timeout;
        self
    }

    /// The most bytes of SVG read from `dot`. A `dot` that writes more is
    /// stopped, and the drawing fails with
    /// [`RenderError::DotOutputTooLarge`], so that a runaway program cannot
    /// fill memory. Default: 64 MiB, far above the few megabytes `dot`
    /// writes for thousands of bodies.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{Backend, BodyKind, BodySpec, DrawOptions, RenderError, Structure, SvgOptions};
    ///
    /// let s = Structure::builder().body(BodySpec::new("b", "Board", BodyKind::Board)).build()?;
    /// let options = SvgOptions::new().backend(Backend::Dot).output_limit(100);
    /// match s.to_svg(&DrawOptions::new(), &options).unwrap_err() {
    ///     RenderError::DotOutputTooLarge { limit, .. } => assert_eq!(limit, 100),
    ///     // Where Graphviz is not installed, `dot` does not start at all.
    ///     RenderError::DotUnavailable { .. } => {}
    ///     other => panic!("{other}"),
    /// }
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn output_limit(mut self, bytes: usize) -> SvgOptions {
        self.output_limit = bytes;
        self
    }

    /// The most nodes the embedded renderer will lay out; larger drawings
    /// are refused with an error that says to install Graphviz. The layout
    /// takes about linear time (on a shared two-core machine, in a release
    /// build, 2 ms for a generated structure of 50 bodies, 6 to 10 ms for
    /// 200 and 15 to 26 ms for 500, with their findings; the `render`
    /// bench), so the limit is about what a picture can show. Default:
    /// 2,000.
    ///
    /// Nodes are not enough to bound the work: see
    /// [`SvgOptions::edge_limit`] and [`SvgOptions::work_limit`].
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{Backend, BodyKind, BodySpec, DrawOptions, RenderError, Structure, SvgOptions};
    ///
    /// let s = Structure::builder()
    ///     .body(BodySpec::new("a", "A", BodyKind::Board))
    ///     .body(BodySpec::new("b", "B", BodyKind::Board))
    ///     .build()?;
    /// let draw = DrawOptions::new().legend(false);
    /// let embedded = SvgOptions::new().backend(Backend::Embedded);
    /// assert!(s.to_svg(&draw, &embedded.clone().node_limit(2)).is_ok());
    /// let err = s.to_svg(&draw, &embedded.node_limit(1)).unwrap_err();
    /// assert!(matches!(err, RenderError::EmbeddedTooLarge { nodes: 2, limit: 1 }));
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn node_limit(mut self, nodes: usize) -> SvgOptions {
        self.node_limit = nodes;
        self
    }

    /// The most edges the embedded renderer will lay out (relations and
    /// duplicate lines drawn); more are refused with
    /// [`RenderError::EmbeddedTooManyEdges`] before anything is laid out.
    /// Default: 4,000.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{Backend, BodyKind, BodySpec, DrawOptions, RenderError, Structure, SvgOptions};
    ///
    /// let s = Structure::builder()
    ///     .body(BodySpec::new("board", "Board", BodyKind::Board).apex())
    ///     .body(BodySpec::new("exec", "Executive", BodyKind::Executive).reports_to("board"))
    ///     .build()?;
    /// let draw = DrawOptions::new().legend(false);
    /// let embedded = SvgOptions::new().backend(Backend::Embedded);
    /// assert!(s.to_svg(&draw, &embedded.clone().edge_limit(1)).is_ok());
    /// let err = s.to_svg(&draw, &embedded.edge_limit(0)).unwrap_err();
    /// assert!(matches!(err, RenderError::EmbeddedTooManyEdges { edges: 1, limit: 0 }));
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn edge_limit(mut self, edges: usize) -> SvgOptions {
        self.edge_limit = edges;
        self
    }

    /// The most work the embedded renderer will take on, as estimated from
    /// the drawing before layout; more is refused with
    /// [`RenderError::EmbeddedTooComplex`], so that no drawing runs for
    /// minutes.
    ///
    /// The layout gives each node a rank, and routes an edge that spans
    /// several ranks through a lane of its own in each rank between its
    /// ends, so a few bodies that all relate to each other make much work:
    /// twenty bodies that all feed into each other make 380 edges in 2,300
    /// pieces. The estimate is the sum over ranks of the square of each
    /// rank's width (in nodes and pieces), plus the number of nodes and
    /// pieces. In a release build on a shared two-core machine, a million
    /// units took 8 to 17 ms (a chain with a long link from each body, and
    /// twenty bodies that all feed into each other, at 337,000 units, in
    /// 4 to 6 ms); a debug build is about 25 times slower. Default: 50,000,000,
    /// under a second. For scale: a generated structure of 500 bodies, with
    /// its findings, is 70,000.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{Backend, BodyKind, BodySpec, DrawOptions, RenderError, Structure, SvgOptions};
    ///
    /// // A chain of three bodies and a link from the first to the last: ranks
    /// // 1, 2 and 1 wide (the long link passes the middle rank), so
    /// // 1 + 4 + 1 for ranks and 3 nodes + 1 piece for size.
    /// let s = Structure::builder()
    ///     .body(BodySpec::new("a", "A", BodyKind::Board).apex())
    ///     .body(BodySpec::new("b", "B", BodyKind::Group).reports_to("a"))
    ///     .body(BodySpec::new("c", "C", BodyKind::Group).reports_to("b").scrutinises("a"))
    ///     .build()?;
    /// let draw = DrawOptions::new().legend(false);
    /// let tight = SvgOptions::new().backend(Backend::Embedded).work_limit(9);
    /// let err = s.to_svg(&draw, &tight).unwrap_err();
    /// assert!(matches!(err, RenderError::EmbeddedTooComplex { work: 10, limit: 9 }));
    /// assert!(s.to_svg(&draw, &tight.work_limit(10)).is_ok());
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn work_limit(mut self, work: u64) -> SvgOptions {
        self.work_limit = work;
        self
    }

    #[cfg(feature = "embedded-svg")]
    fn budget(&self) -> budget::Budget {
        budget::Budget {
            nodes: self.node_limit,
            edges: self.edge_limit,
            work: self.work_limit,
        }
    }
}

/// A rendered SVG document, with the backend that drew it and any warnings
/// (`dot` could not be run and the embedded renderer drew instead; `dot`
/// printed a warning).
///
/// # Examples
///
/// ```
/// use govgraph::{Backend, BodyKind, BodySpec, DrawOptions, Structure, SvgOptions};
///
/// let s = Structure::builder().body(BodySpec::new("b", "Board", BodyKind::Board)).build()?;
/// let svg = s.to_svg(&DrawOptions::new(), &SvgOptions::new().backend(Backend::Embedded))?;
/// assert_eq!(svg.backend(), Backend::Embedded);
/// assert!(svg.as_str().starts_with("<?xml"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Svg {
    text: String,
    backend: Backend,
    warnings: Vec<String>,
}

impl Svg {
    /// The SVG document.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{Backend, BodyKind, BodySpec, DrawOptions, Structure, SvgOptions};
    ///
    /// let s = Structure::builder().body(BodySpec::new("b", "Board", BodyKind::Board)).build()?;
    /// let svg = s.to_svg(&DrawOptions::new(), &SvgOptions::new().backend(Backend::Embedded))?;
    /// assert!(svg.as_str().contains("</svg>"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The SVG document, owned.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{Backend, BodyKind, BodySpec, DrawOptions, Structure, SvgOptions};
    ///
    /// let s = Structure::builder().body(BodySpec::new("b", "Board", BodyKind::Board)).build()?;
    /// let text: String = s.to_svg(&DrawOptions::new(), &SvgOptions::new().backend(Backend::Embedded))?.into_string();
    /// assert!(text.ends_with("</svg>\n"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn into_string(self) -> String {
        self.text
    }

    /// The backend that drew it: [`Backend::Dot`] or [`Backend::Embedded`],
    /// never [`Backend::Auto`].
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{Backend, BodyKind, BodySpec, DrawOptions, Structure, SvgOptions};
    ///
    /// let s = Structure::builder().body(BodySpec::new("b", "Board", BodyKind::Board)).build()?;
    /// let svg = s.to_svg(&DrawOptions::new(), &SvgOptions::new())?;
    /// assert_ne!(svg.backend(), Backend::Auto);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Warnings worth showing the user, one sentence each.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{Backend, BodyKind, BodySpec, DrawOptions, Structure, SvgOptions};
    ///
    /// let s = Structure::builder()
    ///     .body(BodySpec::new("g", "Be Healthy Outcome Group", BodyKind::Group).tier("Outcome Groups"))
    ///     .build()?;
    /// // Graphviz cannot be run from here, so the embedded renderer draws.
    /// let options = SvgOptions::new().dot_program("/no/such/directory/dot");
    /// let svg = s.to_svg(&DrawOptions::new(), &options)?;
    /// assert_eq!(svg.backend(), Backend::Embedded);
    /// assert!(svg.warnings()[0].contains("could not be run"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn warnings(&self) -> &[String] {
        &self.warnings
    }
}

impl fmt::Display for Svg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

/// Why a drawing could not be rendered to SVG. Each message says what to do.
///
/// The error of [`Structure::to_svg`] and [`Structure::to_html`]: drawing
/// has its own error, apart from reading's [`Error`](crate::Error). Its
/// `Display` says the immediate cause too (the I/O error of a `dot` that
/// could not be run, both reasons of [`RenderError::BothFailed`]), so
/// printing it alone says everything, and its
/// [`source`](std::error::Error::source) repeats none of it: it is `None`.
///
/// # Examples
///
/// ```
/// use govgraph::{Backend, BodyKind, BodySpec, DrawOptions, RenderError, Structure, SvgOptions};
///
/// let s = Structure::builder().body(BodySpec::new("b", "Board", BodyKind::Board)).build()?;
/// let options = SvgOptions::new().backend(Backend::Dot).dot_program("no-such-dot-program");
/// let err = s.to_svg(&DrawOptions::new(), &options).unwrap_err();
/// assert!(matches!(err, RenderError::DotUnavailable { .. }));
/// assert!(err.to_string().contains("install Graphviz"));
/// # Ok::<(), govgraph::Error>(())
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum RenderError {
    /// [`Backend::Dot`] was requested but the `dot` program could not be
    /// started: it is not installed, not on the `PATH`, or not executable.
    DotUnavailable {
        /// The program govgraph tried to run.
        program: PathBuf,
        /// Why it could not be started: the immediate cause, which the
        /// message includes.
        cause: std::io::Error,
    },
    /// `dot` ran and failed: it exited with a code other than 0, or was
    /// ended by a signal.
    DotFailed {
        /// The program that ran.
        program: PathBuf,
        /// Its exit code, if it exited rather than being killed by a signal.
        code: Option<i32>,
        /// What it printed on standard error (at most its first 64 KiB).
        stderr: String,
    },
    /// `dot` ran longer than [`SvgOptions::timeout`] and was stopped.
    DotTimedOut {
        /// The program that ran.
        program: PathBuf,
        /// How long it was given.
        timeout: Duration,
    },
    /// `dot` exited successfully, but what it wrote is not an SVG document:
    /// nothing, plain text, text that is not UTF-8, or XML that is not
    /// well-formed or whose root is not `<svg>`.
    DotNotSvg {
        /// The program that ran.
        program: PathBuf,
        /// What is wrong with its output.
        reason: String,
        /// What it printed on standard error (at most its first 64 KiB).
        stderr: String,
    },
    /// `dot` wrote more than [`SvgOptions::output_limit`] bytes, and was
    /// stopped.
    DotOutputTooLarge {
        /// The program that ran.
        program: PathBuf,
        /// The limit, in bytes.
        limit: usize,
    },
    /// `dot` started, but govgraph could not feed it, read it or wait for
    /// it.
    DotIo {
        /// The program that ran.
        program: PathBuf,
        /// What failed: the immediate cause, which the message includes.
        cause: std::io::Error,
    },
    /// [`Backend::Auto`]: `dot` ran but did not draw, and the embedded
    /// renderer could not draw either.
    BothFailed {
        /// Why `dot` did not draw.
        dot: Box<RenderError>,
        /// Why the embedded renderer did not draw.
        embedded: Box<RenderError>,
    },
    /// The embedded renderer was asked to draw more nodes than
    /// [`SvgOptions::node_limit`].
    EmbeddedTooLarge {
        /// Nodes in the drawing.
        nodes: usize,
        /// The limit.
        limit: usize,
    },
    /// The embedded renderer was given nothing to draw.
    EmbeddedEmpty,
    /// The embedded renderer was asked to draw more edges than
    /// [`SvgOptions::edge_limit`].
    EmbeddedTooManyEdges {
        /// Edges in the drawing.
        edges: usize,
        /// The limit.
        limit: usize,
    },
    /// The embedded renderer's estimate of the layout's work is over
    /// [`SvgOptions::work_limit`]: the bodies are few, but relate to each
    /// other so densely that laying them out would take too long.
    EmbeddedTooComplex {
        /// The estimated work.
        work: u64,
        /// The limit.
        limit: u64,
    },
}

impl fmt::Display for RenderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (what, advice) = self.parts();
        write!(f, "{what}: {advice}")
    }
}

/// What to do when `dot` draws badly or not at all.
const DRAW_LESS: &str = "draw less (DrawOptions::relations, DrawOptions::show_gone(false))";
/// What else to draw with when `dot` cannot: the embedded renderer, or,
/// where it is not compiled in, the feature that brings it.
#[cfg(feature = "embedded-svg")]
const OR_EMBEDDED: &str = "draw with Backend::Embedded";
#[cfg(not(feature = "embedded-svg"))]
const OR_EMBEDDED: &str =
    "enable govgraph's `embedded-svg` feature, whose renderer draws without Graphviz";
/// What to do when the embedded renderer refuses.
const INSTALL: &str = "install Graphviz (https://graphviz.org/download/) so that `dot` draws it";

impl RenderError {
    /// What happened, and what to do about it: the two halves of the
    /// message, so that a warning can say what happened alone.
    fn parts(&self) -> (String, String) {
        let name = |program: &PathBuf| format!("{:?}", program.display().to_string());
        match self {
            RenderError::DotUnavailable { program, cause } => (
                format!(
                    "cannot run the Graphviz program {} ({cause})",
                    name(program)
                ),
                format!(
                    "install Graphviz (https://graphviz.org/download/), set the program's path \
                     with SvgOptions::dot_program, or {OR_EMBEDDED}"
                ),
            ),
            RenderError::DotFailed {
                program,
                code,
                stderr,
            } => {
                let status = match code {
                    Some(code) => format!("exit code {code}"),
                    None => "ended by a signal".to_string(),
                };
                (
                    format!(
                        "Graphviz {} failed ({status}){}",
                        name(program),
                        said(stderr)
                    ),
                    format!(
                        "{OR_EMBEDDED}, or {DRAW_LESS}; if it says the DOT is \
                         wrong, please report it to govgraph with the structure file"
                    ),
                )
            }
            RenderError::DotNotSvg {
                program,
                reason,
                stderr,
            } => (
                format!(
                    "Graphviz {} exited successfully but wrote no SVG ({reason}){}",
                    name(program),
                    said(stderr)
                ),
                format!("check that SvgOptions::dot_program is Graphviz's `dot`, or {OR_EMBEDDED}"),
            ),
            RenderError::DotOutputTooLarge { program, limit } => (
                format!(
                    "Graphviz {} wrote more than {limit} bytes and was stopped",
                    name(program)
                ),
                format!("raise SvgOptions::output_limit, or {DRAW_LESS}"),
            ),
            RenderError::DotIo { program, cause } => (
                format!(
                    "could not exchange data with Graphviz {} ({cause})",
                    name(program)
                ),
                format!("try again, or {OR_EMBEDDED}"),
            ),
            RenderError::DotTimedOut { program, timeout } => (
                format!(
                    "Graphviz {} did not finish within {:.1} s and was stopped",
                    name(program),
                    timeout.as_secs_f64()
                ),
                format!("raise SvgOptions::timeout, or {DRAW_LESS}"),
            ),
            RenderError::BothFailed { dot, embedded } => {
                let (dot_what, dot_advice) = dot.parts();
                let (embedded_what, embedded_advice) = embedded.parts();
                (
                    format!(
                        "{dot_what}; the embedded renderer could not draw it either: \
                         {embedded_what}"
                    ),
                    format!(
                        "for `dot`, {dot_advice}; for the embedded renderer, {embedded_advice}"
                    ),
                )
            }
            RenderError::EmbeddedTooLarge { nodes, limit } => (
                format!(
                    "the drawing has {nodes} nodes, more than the embedded renderer's limit \
                     of {limit}"
                ),
                format!("{INSTALL}, or {DRAW_LESS}"),
            ),
            RenderError::EmbeddedEmpty => (
                "nothing to draw".to_string(),
                "the structure has no bodies, or the drawing options left none out".to_string(),
            ),
            RenderError::EmbeddedTooManyEdges { edges, limit } => (
                format!(
                    "the drawing has {edges} edges, more than the embedded renderer's limit \
                     of {limit}"
                ),
                format!("{INSTALL}, or draw fewer relations (DrawOptions::relations)"),
            ),
            RenderError::EmbeddedTooComplex { work, limit } => (
                format!(
                    "the drawing's relations cross so many ranks that the embedded \
                     renderer's estimated work ({work}) is over its limit of {limit}, and the \
                     layout would take too long"
                ),
                format!(
                    "{INSTALL}, draw fewer relations (DrawOptions::relations), or raise \
                     SvgOptions::work_limit"
                ),
            ),
        }
    }

    /// What happened, without what to do: for a warning that says why
    /// `dot` did not draw.
    #[cfg(feature = "embedded-svg")]
    pub(crate) fn what_happened(&self) -> String {
        self.parts().0
    }
}

/// What a program printed on standard error, for a message: `: it said
/// "..."`, on one line, or nothing if it printed nothing.
fn said(stderr: &str) -> String {
    let mut text = stderr.split_whitespace().collect::<Vec<_>>().join(" ");
    if let Some((cut, _)) = text.char_indices().nth(1_000) {
        text.truncate(cut);
        text.push('…');
    }
    if text.is_empty() {
        String::new()
    } else {
        format!("; it said {text:?}")
    }
}

impl Structure {
    /// The structure as Graphviz DOT, drawn as `options` say.
    ///
    /// Node ids are made from stable ids (`n_` followed by the id with every
    /// character outside `A-Z a-z 0-9 _` replaced by `_`, and a numeric suffix
    /// if two ids come out alike), never from names; every label is quoted
    /// and escaped, so no name can change the drawing's structure.
    ///
    /// # Complexity
    ///
    /// **O((|V| + |E|) log |V|)** for drawn nodes V and relations E.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, DrawOptions, Structure};
    ///
    /// let s = Structure::builder()
    ///     .body(BodySpec::new("board", "Trust \"Board\"", BodyKind::Board).apex())
    ///     .body(BodySpec::new("exec", "Executive", BodyKind::Executive).reports_to("board"))
    ///     .build()?;
    /// let dot = s.to_dot(&DrawOptions::new());
    /// assert!(dot.starts_with("digraph govgraph {"));
    /// assert!(dot.contains(r#"n_board [label="Trust \"Board\"""#));
    /// // Parents above children: the edge runs from the parent, arrow at the parent.
    /// assert!(dot.contains(r##"n_board -> n_exec [color="#000000""##));
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn to_dot(&self, options: &DrawOptions) -> String {
        dot::to_dot(&scene::Scene::new(self, options))
    }

    /// The structure as an SVG document, drawn as `options` say and rendered
    /// as `svg` says.
    ///
    /// # Errors
    ///
    /// A [`RenderError`]: `dot` requested but not runnable, `dot` failed,
    /// timed out, wrote too much or wrote no SVG, or the embedded renderer
    /// refused (over its budget, nothing to draw) or failed.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, DrawOptions, Structure, SvgOptions};
    ///
    /// let s = Structure::builder()
    ///     .body(BodySpec::new("board", "Trust Board", BodyKind::Board).apex())
    ///     .body(BodySpec::new("pcg", "Performance & Commissioning Group", BodyKind::Group)
    ///         .reports_to("board"))
    ///     .build()?;
    /// let svg = s.to_svg(&DrawOptions::new(), &SvgOptions::new())?;
    /// assert!(svg.as_str().contains("Performance &amp;"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn to_svg(&self, options: &DrawOptions, svg: &SvgOptions) -> Result<Svg, RenderError> {
        svg::render(&scene::Scene::new(self, options), svg)
    }
}

/// Where a drawing's title comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Title {
    FromStructure,
    Text(String),
    None,
}

/// An unordered pair, stored smaller id first.
fn ordered(a: Id, b: Id) -> (Id, Id) {
    if a <= b { (a, b) } else { (b, a) }
}
