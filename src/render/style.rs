//! How things look: the colours, shapes, line styles and arrowheads both
//! backends draw, and the legend that explains exactly the looks a scene
//! uses.
//!
//! Looks are abstract in the scene (a state, a shape, a relation kind); the
//! concrete colours, dash patterns and shape names are the constants and
//! methods here, so DOT and the embedded renderer cannot drift apart.
//! Status is drawn as the Solihull paper draws it ("Currently active
//! (black) ... Dormant / on hold (grey)"); bodies that have gone are dashed
//! and shaded; each relation kind has its own colour and its own line or
//! arrowhead, so that kinds stay apart for readers who do not see colour
//! and on paper printed in grey.

use std::collections::{BTreeMap, BTreeSet};

use crate::model::{BodyKind, Entity, Id, MemberKind, RelationKind, Status, Structure};
use crate::render::DrawOptions;
use crate::render::scene::{Scene, SceneEdge, wrap};

/// Outline and text of active bodies, and of members.
pub(crate) const BLACK: &str = "#000000";
/// Outline and text of bodies that are not active (Solihull's grey).
pub(crate) const GREY: &str = "#8a8a8a";
/// Outline of bodies that have gone (merged, dissolved).
pub(crate) const GONE_LINE: &str = "#a0a0a0";
/// Fill of bodies that have gone.
pub(crate) const GONE_FILL: &str = "#ececec";
/// Fill of every other node.
pub(crate) const WHITE: &str = "#ffffff";
/// Fill of bodies cut off from every apex by a break above them.
pub(crate) const SHADE: &str = "#fdeee6";
/// Overlay marks: flagged bodies and highlighted relations.
pub(crate) const FLAG: &str = "#d7191c";
/// Cluster outlines and labels.
pub(crate) const CLUSTER_LINE: &str = "#b0b0b0";
/// Cluster labels.
pub(crate) const CLUSTER_TEXT: &str = "#505050";
/// The font both backends ask for.
pub(crate) const FONT: &str = "Helvetica,Arial,sans-serif";

/// One legend entry: a sample mark and what it means, wrapped into lines.
#[derive(Debug)]
pub(crate) struct LegendEntry {
    pub(crate) sample: Sample,
    pub(crate) lines: Vec<String>,
}

#[derive(Clone, Copy, Debug)]
pub(crate) enum Sample {
    /// What an outline says: status, statutory, flagged.
    Outline(NodeLook),
    /// Which kinds a shape stands for.
    Shape(NodeLook),
    /// What a line says.
    Edge(EdgeLook),
    /// A finding listed by its number, or a note: text alone.
    Note,
}

/// Legend text wraps here in both backends.
const LEGEND_WRAP: usize = 30;

impl LegendEntry {
    fn new(sample: Sample, text: &str) -> LegendEntry {
        LegendEntry {
            sample,
            lines: wrap(text, LEGEND_WRAP),
        }
    }
}

/// Where a body stands, as drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum State {
    /// Settled and active.
    Active,
    /// New, shadow, being established, proposed or under review
    /// ([`Status::is_provisional`]): a dashed black outline, and the status
    /// written under the name.
    Provisional,
    /// Not active: Solihull's grey.
    Inactive,
    Gone,
}

impl State {
    pub(crate) fn of(status: Status) -> State {
        if status.is_gone() {
            State::Gone
        } else if status.is_provisional() {
            State::Provisional
        } else if status.is_active() {
            State::Active
        } else {
            State::Inactive
        }
    }
}

/// A node shape, shared by families of body kinds so the legend stays short.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Shape {
    Rectangle,
    Rounded,
    Ellipse,
    Hexagon,
    Box3d,
    Note,
    Octagon,
    Underline,
}

impl Shape {
    pub(crate) fn of_body(kind: BodyKind) -> Shape {
        match kind {
            BodyKind::Board | BodyKind::Committee | BodyKind::Cabinet => Shape::Rectangle,
            BodyKind::Executive | BodyKind::Directorate | BodyKind::Team | BodyKind::Hub => {
                Shape::Hexagon
            }
            BodyKind::Group
            | BodyKind::SubGroup
            | BodyKind::TaskAndFinishGroup
            | BodyKind::Panel => Shape::Rounded,
            BodyKind::Partnership | BodyKind::Forum | BodyKind::Assembly | BodyKind::Network => {
                Shape::Ellipse
            }
            BodyKind::ProgrammeBoard => Shape::Box3d,
            BodyKind::Project => Shape::Note,
            BodyKind::Other => Shape::Octagon,
        }
    }

    /// The Graphviz shape name.
    pub(crate) fn dot_name(self) -> &'static str {
        match self {
            Shape::Rectangle | Shape::Rounded => "box",
            Shape::Ellipse => "ellipse",
            Shape::Hexagon => "hexagon",
            Shape::Box3d => "box3d",
            Shape::Note => "note",
            Shape::Octagon => "octagon",
            Shape::Underline => "underline",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct NodeLook {
    pub(crate) state: State,
    pub(crate) shape: Shape,
    pub(crate) statutory: bool,
    pub(crate) flagged: bool,
    /// Cut off from every apex by a break above it (an overlay's
    /// [`Overlay::cut_off`](crate::Overlay::cut_off)): shaded.
    pub(crate) shaded: bool,
}

impl NodeLook {
    pub(crate) fn line_color(self) -> &'static str {
        match (self.flagged, self.state) {
            (true, _) => FLAG,
            (false, State::Active | State::Provisional) => BLACK,
            (false, State::Inactive) => GREY,
            (false, State::Gone) => GONE_LINE,
        }
    }

    pub(crate) fn text_color(self) -> &'static str {
        match self.state {
            State::Active | State::Provisional => BLACK,
            State::Inactive | State::Gone => GREY,
        }
    }

    pub(crate) fn fill_color(self) -> &'static str {
        match (self.state, self.shaded) {
            (State::Gone, _) => GONE_FILL,
            (_, true) => SHADE,
            (State::Active | State::Provisional | State::Inactive, false) => WHITE,
        }
    }

    /// Provisional and gone bodies are dashed; the fill and the words under
    /// a provisional body's name tell them apart.
    pub(crate) fn dashed(self) -> bool {
        matches!(self.state, State::Gone | State::Provisional)
    }

    /// Outline width in points: statutory bodies and flagged bodies are
    /// drawn heavier.
    pub(crate) fn pen_width(self) -> f64 {
        match (self.flagged, self.statutory) {
            (true, _) => 2.5,
            (false, true) => 2.5,
            (false, false) => 1.0,
        }
    }
}

/// A line pattern.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Line {
    Solid,
    Dashed,
    Dotted,
}

impl Line {
    pub(crate) fn dot_name(self) -> &'static str {
        match self {
            Line::Solid => "solid",
            Line::Dashed => "dashed",
            Line::Dotted => "dotted",
        }
    }
}

/// An arrowhead, named as Graphviz names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Arrow {
    Normal,
    Empty,
    Diamond,
    Vee,
    Dot,
    None,
}

impl Arrow {
    pub(crate) fn dot_name(self) -> &'static str {
        match self {
            Arrow::Normal => "normal",
            Arrow::Empty => "empty",
            Arrow::Diamond => "diamond",
            Arrow::Vee => "vee",
            Arrow::Dot => "dot",
            Arrow::None => "none",
        }
    }
}

/// What an edge stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum EdgeMark {
    Relation(RelationKind),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct EdgeLook {
    pub(crate) mark: EdgeMark,
    pub(crate) highlighted: bool,
    /// Intended or proposed, not in force: lighter and dashed.
    pub(crate) intended: bool,
}

impl EdgeLook {
    /// Colour, line, width in points and arrowhead of the mark itself; a
    /// highlight recolours and thickens it but keeps line and arrowhead.
    fn base(self) -> (&'static str, Line, f64, Arrow) {
        match self.mark {
            EdgeMark::Relation(kind) => match kind {
                RelationKind::ReportsTo => (BLACK, Line::Solid, 1.2, Arrow::Normal),
                RelationKind::SubGroupOf => ("#0072b2", Line::Solid, 1.2, Arrow::Empty),
                RelationKind::Oversees => ("#009e73", Line::Solid, 2.2, Arrow::Normal),
                RelationKind::Scrutinises => ("#d55e00", Line::Dashed, 1.4, Arrow::Normal),
                RelationKind::FeedsInto => ("#e69f00", Line::Dotted, 2.2, Arrow::Normal),
                RelationKind::PartOf => ("#56b4e9", Line::Dashed, 1.4, Arrow::Diamond),
                RelationKind::MergedInto => ("#8c510a", Line::Dashed, 2.2, Arrow::Vee),
                RelationKind::ReplacedBy => ("#cc79a7", Line::Dotted, 2.2, Arrow::Vee),
                RelationKind::GovernanceBodyFor => ("#6a3d9a", Line::Solid, 1.2, Arrow::Dot),
                RelationKind::NominatesTo => ("#b8860b", Line::Dashed, 1.2, Arrow::Vee),
                RelationKind::AlignedWith => ("#999999", Line::Dotted, 1.4, Arrow::None),
                RelationKind::ProtocolWith => ("#666666", Line::Dashed, 1.4, Arrow::None),
                RelationKind::AnnualReportTo => ("#882255", Line::Dotted, 1.4, Arrow::Normal),
                RelationKind::RenamedTo => ("#44aa99", Line::Solid, 2.2, Arrow::Vee),
            },
        }
    }

    pub(crate) fn color(self) -> &'static str {
        if self.highlighted {
            FLAG
        } else if self.intended {
            lighter(self.base().0)
        } else {
            self.base().0
        }
    }

    pub(crate) fn line(self) -> Line {
        if self.intended && !self.highlighted {
            Line::Dashed
        } else {
            self.base().1
        }
    }

    pub(crate) fn pen_width(self) -> f64 {
        if self.highlighted { 3.5 } else { self.base().2 }
    }

    pub(crate) fn arrow(self) -> Arrow {
        self.base().3
    }
}

/// A colour halfway to white, for intended relations. Every colour an edge
/// is drawn in has its lighter twin here; any other comes back unchanged.
fn lighter(color: &'static str) -> &'static str {
    match color {
        "#000000" => "#808080",
        "#0072b2" => "#80b8d8",
        "#009e73" => "#80ceb9",
        "#d55e00" => "#eaae80",
        "#e69f00" => "#f2cf80",
        "#56b4e9" => "#aadaf4",
        "#8c510a" => "#c6a884",
        "#cc79a7" => "#e6bcd3",
        "#6a3d9a" => "#b49ecc",
        "#b8860b" => "#dcc285",
        "#999999" => "#cccccc",
        "#666666" => "#b2b2b2",
        "#882255" => "#c490aa",
        "#44aa99" => "#a2d4cc",
        "#e7298a" => "#f394c4",
        other => other,
    }
}

/// The legend: one entry for each mark the scene uses, in a fixed order.
pub(crate) fn legend(
    structure: &Structure,
    options: &DrawOptions,
    scene: &Scene,
    index: &BTreeMap<&Id, usize>,
    findings: &[String],
) -> Vec<LegendEntry> {
    let plain = |state, shape| NodeLook {
        state,
        shape,
        statutory: false,
        flagged: false,
        shaded: false,
    };
    let mut statuses: BTreeMap<State, BTreeSet<Status>> = BTreeMap::new();
    let mut kinds: BTreeMap<Shape, Vec<&'static str>> = BTreeMap::new();
    let mut statutory = false;
    let mut counted = false;
    for (id, &n) in index {
        match structure.entity(id.as_str()) {
            Some(Entity::Body(b)) => {
                statuses
                    .entry(scene.nodes[n].look.state)
                    .or_default()
                    .insert(b.status);
                push_unique(
                    kinds.entry(Shape::of_body(b.kind)).or_default(),
                    b.kind.as_str(),
                );
                statutory |= b.statutory;
                counted |= b.count > 1;
            }
            Some(Entity::Member(m)) => {
                push_unique(
                    kinds.entry(Shape::Underline).or_default(),
                    member_word(m.kind),
                );
            }
            None => {}
        }
    }

    let mut entries = Vec::new();
    for (state, set) in &statuses {
        let words: Vec<String> = Status::ALL
            .iter()
            .filter(|s| set.contains(s))
            .map(|s| s.as_str().replace('-', " "))
            .collect();
        let text = match state {
            State::Active => words.join(", "),
            State::Provisional => format!("provisional: {}", words.join(", ")),
            State::Inactive => format!("not active: {}", words.join(", ")),
            State::Gone => format!("gone: {}", words.join(", ")),
        };
        entries.push(LegendEntry::new(
            Sample::Outline(plain(*state, Shape::Rectangle)),
            &text,
        ));
    }
    for (shape, mut words) in kinds {
        order_words(&mut words, shape);
        let text = words
            .iter()
            .map(|w| kind_words(w))
            .collect::<Vec<_>>()
            .join(", ");
        entries.push(LegendEntry::new(
            Sample::Shape(plain(State::Active, shape)),
            &text,
        ));
    }
    if statutory {
        let look = NodeLook {
            statutory: true,
            ..plain(State::Active, Shape::Rectangle)
        };
        entries.push(LegendEntry::new(Sample::Outline(look), "statutory"));
    }
    if counted {
        entries.push(LegendEntry::new(
            Sample::Outline(plain(State::Active, Shape::Rectangle)),
            "×N: one entry for N alike bodies",
        ));
    }
    let reasons: BTreeSet<&str> = options
        .overlay
        .marks
        .iter()
        .filter(|(id, _)| index.contains_key(id))
        .flat_map(|(_, reasons)| reasons.iter().map(String::as_str))
        .collect();
    if !reasons.is_empty() {
        let look = NodeLook {
            flagged: true,
            ..plain(State::Active, Shape::Rectangle)
        };
        let text = format!(
            "flagged: {}",
            reasons.into_iter().collect::<Vec<_>>().join(", ")
        );
        entries.push(LegendEntry::new(Sample::Outline(look), &text));
    }
    let drawn = |id: &Id| index.contains_key(id);
    if options.overlay.breaks.keys().any(drawn) {
        let look = NodeLook {
            flagged: true,
            ..plain(State::Inactive, Shape::Rectangle)
        };
        entries.push(LegendEntry::new(
            Sample::Outline(look),
            "line of accountability breaks here",
        ));
    }
    if options.overlay.breaks.values().flatten().any(drawn) {
        let look = NodeLook {
            shaded: true,
            ..plain(State::Active, Shape::Rectangle)
        };
        entries.push(LegendEntry::new(
            Sample::Outline(look),
            "cut off: no live line to an apex",
        ));
    }

    let marks: BTreeSet<EdgeMark> = scene.edges.iter().map(|e| e.look.mark).collect();
    for mark in marks {
        let text = match mark {
            EdgeMark::Relation(kind) => kind.phrase().to_string(),
        };
        let look = EdgeLook {
            mark,
            highlighted: false,
            intended: false,
        };
        entries.push(LegendEntry::new(Sample::Edge(look), &text));
    }
    if let Some(edge) = scene.edges.iter().find(|e| e.look.intended) {
        let look = EdgeLook {
            highlighted: false,
            ..edge.look
        };
        entries.push(LegendEntry::new(
            Sample::Edge(look),
            "intended (lighter, dashed): not yet in force",
        ));
    }
    let highlighted: Option<&SceneEdge> = scene.edges.iter().find(|e| e.look.highlighted);
    if let Some(edge) = highlighted {
        let keys: BTreeSet<(&Id, &Id)> = scene_pairs(scene, index);
        let reasons: BTreeSet<&str> = options
            .overlay
            .highlights
            .iter()
            .filter(|((a, b), _)| keys.contains(&(a, b)))
            .flat_map(|(_, reasons)| reasons.iter().map(String::as_str))
            .collect();
        let text = format!(
            "highlighted: {}",
            reasons.into_iter().collect::<Vec<_>>().join(", ")
        );
        entries.push(LegendEntry::new(Sample::Edge(edge.look), &text));
    }
    for finding in findings {
        entries.push(LegendEntry::new(Sample::Note, finding));
    }
    entries
}

/// The unordered pairs of ids joined by a drawn relation.
fn scene_pairs<'a>(scene: &Scene, index: &BTreeMap<&'a Id, usize>) -> BTreeSet<(&'a Id, &'a Id)> {
    let id_of: BTreeMap<usize, &Id> = index.iter().map(|(id, &n)| (n, *id)).collect();
    scene
        .edges
        .iter()
        .map(|e| {
            let (a, b) = (id_of[&e.tail], id_of[&e.head]);
            if a <= b { (a, b) } else { (b, a) }
        })
        .collect()
}

/// A body kind as the legend says it: "sub-group" keeps its hyphen,
/// "task-and-finish-group" reads "task and finish group".
fn kind_words(word: &str) -> String {
    if word == "sub-group" {
        word.to_string()
    } else {
        word.replace('-', " ")
    }
}

fn push_unique(words: &mut Vec<&'static str>, word: &'static str) {
    if !words.contains(&word) {
        words.push(word);
    }
}

/// Sorts the kind words of one shape in vocabulary order, so the legend
/// reads "board, committee" whatever order bodies came in.
fn order_words(words: &mut [&'static str], shape: Shape) {
    let position = |w: &&str| -> usize {
        if shape == Shape::Underline {
            MemberKind::ALL
                .iter()
                .position(|k| member_word(*k) == *w)
                .unwrap_or(usize::MAX)
        } else {
            BodyKind::ALL
                .iter()
                .position(|k| k.as_str() == *w)
                .unwrap_or(usize::MAX)
        }
    };
    words.sort_by_key(position);
}

fn member_word(kind: MemberKind) -> &'static str {
    match kind {
        MemberKind::Person => "person",
        MemberKind::Post => "post",
        MemberKind::Organisation => "organisation",
    }
}
