//! The scene both backends draw: which nodes, edges and clusters there are,
//! how each looks, and the legend entries for exactly the looks used.
//!
//! Looks are abstract here (a state, a shape, a relation kind); the
//! concrete colours, dash patterns and shape names are the constants and
//! methods below, so DOT and the embedded renderer cannot drift apart.

use std::collections::{BTreeMap, BTreeSet};

use crate::model::{BodyKind, Entity, Id, MemberKind, RelationKind, Status, Structure};
use crate::render::{DrawOptions, RankDir, Title};

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
/// Overlay marks: flagged bodies and highlighted relations.
pub(crate) const FLAG: &str = "#d7191c";
/// Overlay "possible duplicate" lines.
pub(crate) const DUPLICATE: &str = "#e7298a";
/// Cluster outlines and labels.
pub(crate) const CLUSTER_LINE: &str = "#b0b0b0";
/// Cluster labels.
pub(crate) const CLUSTER_TEXT: &str = "#505050";
/// The font both backends ask for.
pub(crate) const FONT: &str = "Helvetica,Arial,sans-serif";

/// Everything one drawing shows, in emission order.
#[derive(Debug)]
pub(crate) struct Scene {
    pub(crate) title: Option<String>,
    pub(crate) rankdir: RankDir,
    /// Sorted by id.
    pub(crate) nodes: Vec<SceneNode>,
    /// Sorted by tier name.
    pub(crate) clusters: Vec<Cluster>,
    /// Relations in the structure's order, then duplicate lines.
    pub(crate) edges: Vec<SceneEdge>,
    /// Empty when the legend is off.
    pub(crate) legend: Vec<LegendEntry>,
}

#[derive(Debug)]
pub(crate) struct SceneNode {
    /// The DOT node id: `[A-Za-z][A-Za-z0-9_]*`, made from the stable id.
    pub(crate) key: String,
    /// The label, one entry a line, not escaped.
    pub(crate) lines: Vec<String>,
    pub(crate) look: NodeLook,
    pub(crate) cluster: Option<usize>,
}

#[derive(Debug)]
pub(crate) struct Cluster {
    pub(crate) label: String,
    /// Indices into `Scene::nodes`, ascending.
    pub(crate) nodes: Vec<usize>,
}

#[derive(Debug)]
pub(crate) struct SceneEdge {
    /// Drawn from `tail` to `head` (indices into `Scene::nodes`); the
    /// layout puts the tail above (or left of) the head.
    pub(crate) tail: usize,
    pub(crate) head: usize,
    pub(crate) look: EdgeLook,
    /// The arrowhead belongs at the tail: the relation is written from the
    /// head (a child reports to its parent) but drawn parent first.
    pub(crate) back: bool,
}

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
    Active,
    Inactive,
    Gone,
}

impl State {
    fn of(status: Status) -> State {
        if status.is_gone() {
            State::Gone
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
    fn of_body(kind: BodyKind) -> Shape {
        match kind {
            BodyKind::Board | BodyKind::Committee => Shape::Rectangle,
            BodyKind::Executive | BodyKind::Directorate | BodyKind::Team => Shape::Hexagon,
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
}

impl NodeLook {
    pub(crate) fn line_color(self) -> &'static str {
        match (self.flagged, self.state) {
            (true, _) => FLAG,
            (false, State::Active) => BLACK,
            (false, State::Inactive) => GREY,
            (false, State::Gone) => GONE_LINE,
        }
    }

    pub(crate) fn text_color(self) -> &'static str {
        match self.state {
            State::Active => BLACK,
            State::Inactive | State::Gone => GREY,
        }
    }

    pub(crate) fn fill_color(self) -> &'static str {
        match self.state {
            State::Gone => GONE_FILL,
            State::Active | State::Inactive => WHITE,
        }
    }

    pub(crate) fn dashed(self) -> bool {
        self.state == State::Gone
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
    Duplicate,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct EdgeLook {
    pub(crate) mark: EdgeMark,
    pub(crate) highlighted: bool,
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
            },
            EdgeMark::Duplicate => (DUPLICATE, Line::Dashed, 2.2, Arrow::None),
        }
    }

    pub(crate) fn color(self) -> &'static str {
        if self.highlighted {
            FLAG
        } else {
            self.base().0
        }
    }

    pub(crate) fn line(self) -> Line {
        self.base().1
    }

    pub(crate) fn pen_width(self) -> f64 {
        if self.highlighted { 3.5 } else { self.base().2 }
    }

    pub(crate) fn arrow(self) -> Arrow {
        self.base().3
    }
}

impl Scene {
    pub(crate) fn new(structure: &Structure, options: &DrawOptions) -> Scene {
        let keys = node_keys(structure);
        let overlay = &options.overlay;

        // Which bodies and relations are drawn; members only when a drawn
        // relation touches them.
        let drawn_body = |id: &Id| {
            structure
                .body(id.as_str())
                .is_some_and(|b| options.show_gone || !b.status.is_gone())
        };
        let relations: Vec<_> = structure
            .relations()
            .iter()
            .filter(|r| options.relations.contains(&r.kind))
            .filter(|r| {
                [&r.from, &r.to]
                    .iter()
                    .all(|id| drawn_body(id) || structure.member(id.as_str()).is_some())
            })
            .collect();
        let mut ids: BTreeSet<&Id> = structure
            .bodies()
            .map(|b| &b.id)
            .filter(|id| drawn_body(id))
            .collect();
        for r in &relations {
            ids.insert(&r.from);
            ids.insert(&r.to);
        }

        let mut tiers: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        let mut index: BTreeMap<&Id, usize> = BTreeMap::new();
        let mut nodes = Vec::with_capacity(ids.len());
        for id in ids {
            let (look, name, tier) = match structure.entity(id.as_str()) {
                Some(Entity::Body(b)) => (
                    NodeLook {
                        state: State::of(b.status),
                        shape: Shape::of_body(b.kind),
                        statutory: b.statutory,
                        flagged: overlay.marks.contains_key(id),
                    },
                    b.name.as_str(),
                    b.tier.as_deref(),
                ),
                Some(Entity::Member(m)) => (
                    NodeLook {
                        state: State::Active,
                        shape: Shape::Underline,
                        statutory: false,
                        flagged: overlay.marks.contains_key(id),
                    },
                    m.name.as_str(),
                    None,
                ),
                // Every id collected above names a body or member.
                None => continue,
            };
            let mut lines = wrap(name, options.wrap);
            if let Some(reasons) = overlay.marks.get(id) {
                let reasons: Vec<&str> = reasons.iter().map(String::as_str).collect();
                lines.extend(wrap(&format!("({})", reasons.join(", ")), options.wrap));
            }
            if let Some(tier) = tier {
                tiers.entry(tier).or_default().push(nodes.len());
            }
            index.insert(id, nodes.len());
            nodes.push(SceneNode {
                key: keys[id].clone(),
                lines,
                look,
                cluster: None,
            });
        }
        let clusters: Vec<Cluster> = tiers
            .into_iter()
            .enumerate()
            .map(|(i, (label, members))| {
                for &n in &members {
                    nodes[n].cluster = Some(i);
                }
                Cluster {
                    label: clean(label),
                    nodes: members,
                }
            })
            .collect();

        let mut edges = Vec::with_capacity(relations.len() + overlay.duplicates.len());
        for r in &relations {
            let (from, to) = (index[&r.from], index[&r.to]);
            let highlighted = overlay
                .highlights
                .contains_key(&super::ordered(r.from.clone(), r.to.clone()));
            // Draw the parent (or the body fed, or the whole) first, so that
            // it ranks above; the arrow still points the way it is written.
            let back = matches!(
                r.kind,
                RelationKind::ReportsTo
                    | RelationKind::SubGroupOf
                    | RelationKind::PartOf
                    | RelationKind::FeedsInto
            );
            let (tail, head) = if back { (to, from) } else { (from, to) };
            edges.push(SceneEdge {
                tail,
                head,
                look: EdgeLook {
                    mark: EdgeMark::Relation(r.kind),
                    highlighted,
                },
                back,
            });
        }
        for (a, b) in &overlay.duplicates {
            if let (Some(&a), Some(&b)) = (index.get(a), index.get(b))
                && a != b
            {
                edges.push(SceneEdge {
                    tail: a,
                    head: b,
                    look: EdgeLook {
                        mark: EdgeMark::Duplicate,
                        highlighted: false,
                    },
                    back: false,
                });
            }
        }

        let title = match &options.title {
            Title::FromStructure => structure.meta().name.as_deref().map(clean),
            Title::Text(text) => Some(clean(text)),
            Title::None => None,
        };
        let mut scene = Scene {
            title,
            rankdir: options.rankdir,
            nodes,
            clusters,
            edges,
            legend: Vec::new(),
        };
        if options.legend {
            scene.legend = legend(structure, options, &scene, &index);
        }
        scene
    }
}

/// The legend: one entry for each mark the scene uses, in a fixed order.
fn legend(
    structure: &Structure,
    options: &DrawOptions,
    scene: &Scene,
    index: &BTreeMap<&Id, usize>,
) -> Vec<LegendEntry> {
    let plain = |state, shape| NodeLook {
        state,
        shape,
        statutory: false,
        flagged: false,
    };
    let mut statuses: BTreeMap<State, BTreeSet<Status>> = BTreeMap::new();
    let mut kinds: BTreeMap<Shape, Vec<&'static str>> = BTreeMap::new();
    let mut statutory = false;
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

    let marks: BTreeSet<EdgeMark> = scene.edges.iter().map(|e| e.look.mark).collect();
    for mark in marks {
        let text = match mark {
            EdgeMark::Relation(kind) => kind.phrase().to_string(),
            EdgeMark::Duplicate => "possible duplicate".to_string(),
        };
        let look = EdgeLook {
            mark,
            highlighted: false,
        };
        entries.push(LegendEntry::new(Sample::Edge(look), &text));
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
    entries
}

/// The unordered pairs of ids joined by a drawn relation.
fn scene_pairs<'a>(scene: &Scene, index: &BTreeMap<&'a Id, usize>) -> BTreeSet<(&'a Id, &'a Id)> {
    let id_of: BTreeMap<usize, &Id> = index.iter().map(|(id, &n)| (n, *id)).collect();
    scene
        .edges
        .iter()
        .filter(|e| matches!(e.look.mark, EdgeMark::Relation(_)))
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

/// Makes every DOT node id: `n_` and the id with each character outside
/// `[A-Za-z0-9_]` replaced by `_`. Ids are taken in sorted order and a
/// suffix `_2`, `_3`, ... added until the result is unused, so two ids that
/// come out alike ("a-b", "a.b") still get distinct keys, and the keys of a
/// structure never depend on what a drawing leaves out.
fn node_keys(structure: &Structure) -> BTreeMap<&Id, String> {
    let ids: BTreeSet<&Id> = structure
        .bodies()
        .map(|b| &b.id)
        .chain(structure.members().map(|m| &m.id))
        .collect();
    let mut taken = BTreeSet::new();
    let mut keys = BTreeMap::new();
    for id in ids {
        let base: String = "n_"
            .chars()
            .chain(id.as_str().chars().map(|c| {
                if c.is_ascii_alphanumeric() || c == '_' {
                    c
                } else {
                    '_'
                }
            }))
            .collect();
        let mut key = base.clone();
        let mut n = 2;
        while taken.contains(&key) {
            key = format!("{base}_{n}");
            n += 1;
        }
        taken.insert(key.clone());
        keys.insert(id, key);
    }
    keys
}

/// Cleans text for drawing: `\r` is dropped, other control characters
/// (which XML cannot hold) become spaces. Line breaks are kept.
pub(crate) fn clean(text: &str) -> String {
    text.chars()
        .filter(|&c| c != '\r')
        .map(|c| if c != '\n' && c.is_control() { ' ' } else { c })
        .collect()
}

/// Splits a name into lines: at every line break written in it, and at
/// spaces so that no line is longer than `width` characters unless one word
/// is. Only the space where a line breaks is consumed, so joining the lines
/// of one written line with single spaces gives that line back.
pub(crate) fn wrap(text: &str, width: usize) -> Vec<String> {
    let text = clean(text);
    let mut lines = Vec::new();
    for written in text.split('\n') {
        if width == 0 {
            lines.push(written.to_string());
            continue;
        }
        let mut line = String::new();
        let mut line_len = 0;
        for (i, word) in written.split(' ').enumerate() {
            let word_len = word.chars().count();
            if i > 0 {
                if line_len > 0 && line_len + 1 + word_len > width {
                    lines.push(std::mem::take(&mut line));
                    line_len = 0;
                } else {
                    line.push(' ');
                    line_len += 1;
                }
            }
            line.push_str(word);
            line_len += word_len;
        }
        lines.push(line);
    }
    while lines.len() > 1 && lines.last().is_some_and(String::is_empty) {
        lines.pop();
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_breaks_at_spaces_and_keeps_written_breaks() {
        assert_eq!(
            wrap("Emotional Wellbeing and Mental Health Strategy Group", 22),
            ["Emotional Wellbeing", "and Mental Health", "Strategy Group"]
        );
        assert_eq!(wrap("one\ntwo three", 5), ["one", "two", "three"]);
        assert_eq!(
            wrap("Supercalifragilistic x", 5),
            ["Supercalifragilistic", "x"]
        );
        assert_eq!(wrap("a b", 0), ["a b"]);
        assert_eq!(wrap("tab\there\r\n", 0), ["tab here"]);
    }

    #[test]
    fn wrapped_lines_join_back_to_the_name() {
        let name = "Children's Centres Commissioning Group for 2012 -";
        for width in 1..40 {
            assert_eq!(wrap(name, width).join(" "), name, "width {width}");
        }
    }
}
