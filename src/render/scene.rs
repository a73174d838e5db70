//! The scene both backends draw: which nodes, edges and clusters there are,
//! in which order, with which looks, and the legend for exactly those looks.

use std::collections::{BTreeMap, BTreeSet};

use crate::model::{Entity, Id, RelationKind, Structure};
use crate::render::style::{EdgeLook, EdgeMark, LegendEntry, NodeLook, Shape, State, legend};
use crate::render::{DrawOptions, RankDir, Title};

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
    /// The body's or member's id.
    pub(crate) id: Id,
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

        // Bodies cut off by a break above them, and the number of each
        // possible duplicate pair whose bodies are both drawn.
        let shaded: BTreeSet<&Id> = overlay.breaks.values().flatten().collect();
        let mut duplicates: Vec<(&Id, &Id)> = Vec::new();
        let mut numbers: BTreeMap<&Id, Vec<usize>> = BTreeMap::new();
        for (a, b) in &overlay.duplicates {
            if a != b && ids.contains(a) && ids.contains(b) {
                duplicates.push((a, b));
                numbers.entry(a).or_default().push(duplicates.len());
                numbers.entry(b).or_default().push(duplicates.len());
            }
        }

        let mut tiers: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        let mut index: BTreeMap<&Id, usize> = BTreeMap::new();
        let mut nodes = Vec::with_capacity(ids.len());
        for id in ids.iter().copied() {
            let (look, name, tier) = match structure.entity(id.as_str()) {
                Some(Entity::Body(b)) => (
                    NodeLook {
                        state: State::of(b.status),
                        shape: Shape::of_body(b.kind),
                        statutory: b.statutory,
                        flagged: overlay.marks.contains_key(id) || overlay.breaks.contains_key(id),
                        shaded: shaded.contains(id),
                    },
                    body_name(b),
                    b.tier.as_deref(),
                ),
                Some(Entity::Member(m)) => (
                    NodeLook {
                        state: State::Active,
                        shape: Shape::Underline,
                        statutory: false,
                        flagged: overlay.marks.contains_key(id),
                        shaded: false,
                    },
                    m.name.clone(),
                    None,
                ),
                // Every id collected above names a body or member.
                None => continue,
            };
            let mut lines = wrap(&name, options.wrap);
            if let Some(Entity::Body(b)) = structure.entity(id.as_str())
                && b.status.is_provisional()
            {
                let words = format!("({})", b.status.as_str().replace('-', " "));
                lines.extend(wrap(&words, options.wrap));
            }
            if let Some(reasons) = overlay.marks.get(id) {
                let reasons: Vec<&str> = reasons.iter().map(String::as_str).collect();
                lines.extend(wrap(&format!("({})", reasons.join(", ")), options.wrap));
            }
            if let Some(cut) = overlay.breaks.get(id) {
                let cut = cut.iter().filter(|c| ids.contains(c)).count();
                lines.extend(wrap(&format!("({cut} cut off here)"), options.wrap));
            }
            if let Some(numbers) = numbers.get(id) {
                let numbers: Vec<String> = numbers.iter().map(|n| format!("D{n}")).collect();
                lines.extend(wrap(&format!("[{}]", numbers.join(", ")), options.wrap));
            }
            if let Some(tier) = tier {
                tiers.entry(tier).or_default().push(nodes.len());
            }
            index.insert(id, nodes.len());
            nodes.push(SceneNode {
                id: id.clone(),
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

        let mut edges = Vec::with_capacity(relations.len());
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
                    intended: r.intended,
                },
                back,
            });
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
            let findings: Vec<String> = duplicates
                .iter()
                .enumerate()
                .map(|(i, (a, b))| {
                    format!(
                        "D{}: {} and {}, possible duplicates",
                        i + 1,
                        clean(structure.name_of(a.as_str())),
                        clean(structure.name_of(b.as_str()))
                    )
                })
                .chain(overlay.notes.iter().map(|note| clean(note)))
                .collect();
            scene.legend = legend(structure, options, &scene, &index, &findings);
        }
        scene
    }
}

/// A body's name as drawn: with "×N" after it when the entry stands for N
/// alike bodies ("Local groups ×12").
fn body_name(body: &crate::model::Body) -> String {
    if body.count > 1 {
        format!("{} ×{}", body.name, body.count)
    } else {
        body.name.clone()
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
/// (which XML cannot hold) become spaces, and the noncharacters U+FFFE and
/// U+FFFF (which XML 1.0 cannot hold either) become U+FFFD, the
/// replacement character. Line breaks are kept. What comes out holds only
/// characters that XML 1.0 allows.
pub(crate) fn clean(text: &str) -> String {
    text.chars()
        .filter(|&c| c != '\r')
        .map(|c| match c {
            '\n' => c,
            c if c.is_control() => ' ',
            c => xml_char(c),
        })
        .collect()
}

/// A character XML 1.0 allows, or U+FFFD in place of one it does not
/// (control characters other than tab, line feed and carriage return, and
/// U+FFFE and U+FFFF; Rust's `char` cannot hold a surrogate).
pub(crate) fn xml_char(c: char) -> char {
    match c {
        '\t' | '\n' | '\r' => c,
        '\u{0}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}' => '\u{fffd}',
        c => c,
    }
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
