//! The embedded renderer's pictures can be read: read back from the SVG it
//! writes, no two bodies' boxes overlap, no edge passes through a box other
//! than its own two ends', and no tier's box holds another tier's body, for
//! every bundled dataset and for generated structures of 50, 200 and 500
//! bodies, drawn both ways.

mod render_support;

use std::collections::BTreeMap;

use govgraph::{
    Backend, DrawOptions, Overlay, RankDir, Structure, SvgOptions, datasets,
    generate::{self, GeneratorOptions},
};
use render_support::parse_svg;

/// An axis-aligned box: left, top, right, bottom.
#[derive(Clone, Copy, Debug)]
struct Bounds {
    x0: f64,
    y0: f64,
    x1: f64,
    y1: f64,
}

impl Bounds {
    fn empty() -> Bounds {
        Bounds {
            x0: f64::INFINITY,
            y0: f64::INFINITY,
            x1: f64::NEG_INFINITY,
            y1: f64::NEG_INFINITY,
        }
    }

    fn grow(&mut self, x: f64, y: f64) {
        self.x0 = self.x0.min(x);
        self.y0 = self.y0.min(y);
        self.x1 = self.x1.max(x);
        self.y1 = self.y1.max(y);
    }

    /// Whether the interiors of two boxes meet (touching edges do not).
    fn overlaps(&self, other: &Bounds) -> bool {
        self.x0 < other.x1 - 0.5
            && other.x0 < self.x1 - 0.5
            && self.y0 < other.y1 - 0.5
            && other.y0 < self.y1 - 0.5
    }

    /// Whether the segment from `a` to `b` passes through the box's
    /// interior (shrunk by half a unit, the SVG's rounding), by clipping
    /// the segment to the box (Liang and Barsky).
    fn crossed_by(&self, a: (f64, f64), b: (f64, f64)) -> bool {
        let (x0, y0, x1, y1) = (self.x0 + 0.5, self.y0 + 0.5, self.x1 - 0.5, self.y1 - 0.5);
        if x0 >= x1 || y0 >= y1 {
            return false;
        }
        let (dx, dy) = (b.0 - a.0, b.1 - a.1);
        let (mut t0, mut t1) = (0.0f64, 1.0f64);
        for (p, q) in [
            (-dx, a.0 - x0),
            (dx, x1 - a.0),
            (-dy, a.1 - y0),
            (dy, y1 - a.1),
        ] {
            if p == 0.0 {
                if q <= 0.0 {
                    return false;
                }
            } else {
                let r = q / p;
                if p < 0.0 {
                    t0 = t0.max(r);
                } else {
                    t1 = t1.min(r);
                }
            }
        }
        t0 < t1
    }
}

/// An edge's tail, head and polyline.
type Edge = (String, String, Vec<(f64, f64)>);

/// What the SVG shows: each node's box by its title, each edge's polyline
/// with its two ends, and each tier box.
#[derive(Clone, Debug)]
struct Picture {
    nodes: BTreeMap<String, Bounds>,
    edges: Vec<Edge>,
    tiers: Vec<(usize, Bounds)>,
}

fn numbers(text: &str) -> Vec<f64> {
    text.split(|c: char| !(c.is_ascii_digit() || c == '.' || c == '-'))
        .filter(|s| !s.is_empty())
        .map(|s| s.parse().expect("a number"))
        .collect()
}

fn attr(node: roxmltree::Node<'_, '_>, name: &str) -> f64 {
    node.attribute(name)
        .unwrap_or_else(|| panic!("{:?} has no {name}", node.tag_name()))
        .parse()
        .expect("a number")
}

/// The bounds of the shapes inside a group, text left out.
fn shape_bounds(group: roxmltree::Node<'_, '_>) -> Bounds {
    let mut bounds = Bounds::empty();
    for shape in group.descendants() {
        match shape.tag_name().name() {
            "rect" => {
                let (x, y) = (attr(shape, "x"), attr(shape, "y"));
                bounds.grow(x, y);
                bounds.grow(x + attr(shape, "width"), y + attr(shape, "height"));
            }
            "ellipse" => {
                let (cx, cy, rx, ry) = (
                    attr(shape, "cx"),
                    attr(shape, "cy"),
                    attr(shape, "rx"),
                    attr(shape, "ry"),
                );
                bounds.grow(cx - rx, cy - ry);
                bounds.grow(cx + rx, cy + ry);
            }
            "polygon" | "polyline" => {
                let values = numbers(shape.attribute("points").unwrap_or_default());
                for pair in values.chunks(2) {
                    bounds.grow(pair[0], pair[1]);
                }
            }
            "line" => {
                bounds.grow(attr(shape, "x1"), attr(shape, "y1"));
                bounds.grow(attr(shape, "x2"), attr(shape, "y2"));
            }
            _ => {}
        }
    }
    bounds
}

fn title(group: roxmltree::Node<'_, '_>) -> String {
    group
        .children()
        .find(|c| c.has_tag_name("title"))
        .and_then(|t| t.text())
        .unwrap_or_default()
        .to_string()
}

/// Reads the drawing (the `graph` group; the key is drawn apart from it).
fn picture(svg: &str) -> Picture {
    let document = parse_svg(svg);
    let graph = document
        .descendants()
        .find(|n| n.has_tag_name("g") && n.attribute("class") == Some("graph"))
        .expect("the SVG has a graph group");
    let mut picture = Picture {
        nodes: BTreeMap::new(),
        edges: Vec::new(),
        tiers: Vec::new(),
    };
    for group in graph.children().filter(|n| n.has_tag_name("g")) {
        match group.attribute("class") {
            Some("node") => {
                picture.nodes.insert(title(group), shape_bounds(group));
            }
            Some("edge") => {
                let title = title(group);
                let (tail, head) = title.split_once("->").expect("an edge title is tail->head");
                let path = group
                    .children()
                    .find(|c| c.has_tag_name("path"))
                    .expect("every edge is drawn");
                let d = path.attribute("d").unwrap_or_default();
                assert!(
                    d.starts_with('M') && !d.contains(['C', 'S', 'Q', 'A']),
                    "{title}: not a polyline: {d}"
                );
                let points = numbers(d).chunks(2).map(|p| (p[0], p[1])).collect();
                picture
                    .edges
                    .push((tail.to_string(), head.to_string(), points));
            }
            Some("cluster") => {
                let index = title(group)
                    .strip_prefix("cluster_")
                    .and_then(|i| i.parse().ok())
                    .expect("a tier box is titled cluster_N");
                let rect = group
                    .children()
                    .find(|c| c.has_tag_name("rect"))
                    .expect("a tier box has a rect");
                picture.tiers.push((index, shape_bounds(rect)));
            }
            other => panic!("an unexpected group {other:?} in the drawing"),
        }
    }
    picture
}

/// Everything wrong with a picture, given the tier of each node (by title;
/// a node not listed has none): overlapping boxes, edges through boxes,
/// tier boxes over other tiers' nodes or leaving out their own.
fn faults(picture: &Picture, tier_of: &BTreeMap<String, usize>) -> Vec<String> {
    let mut faults = Vec::new();
    let nodes: Vec<(&String, &Bounds)> = picture.nodes.iter().collect();
    for (i, (a, ba)) in nodes.iter().enumerate() {
        for (b, bb) in &nodes[i + 1..] {
            if ba.overlaps(bb) {
                faults.push(format!("the boxes of {a} and {b} overlap"));
            }
        }
    }
    for (tail, head, points) in &picture.edges {
        for segment in points.windows(2) {
            for (key, bounds) in &nodes {
                if *key != tail && *key != head && bounds.crossed_by(segment[0], segment[1]) {
                    faults.push(format!(
                        "the edge {tail}->{head} passes through {key} ({:?} to {:?})",
                        segment[0], segment[1]
                    ));
                }
            }
        }
    }
    for (tier, band) in &picture.tiers {
        for (key, bounds) in &nodes {
            let own = tier_of.get(*key) == Some(tier);
            if !own && band.overlaps(bounds) {
                faults.push(format!("the box of tier {tier} overlaps {key}"));
            }
        }
    }
    for (key, tier) in tier_of {
        let inside = picture.nodes.get(key).is_some_and(|node| {
            picture.tiers.iter().any(|(t, band)| {
                t == tier
                    && band.x0 <= node.x0
                    && band.y0 <= node.y0
                    && node.x1 <= band.x1
                    && node.y1 <= band.y1
            })
        });
        if !inside {
            faults.push(format!("{key} is not inside the box of its tier {tier}"));
        }
    }
    faults
}

/// Each drawn body's tier, by node title: tiers are numbered in name order
/// as the drawing numbers its clusters, and a title is `n_` and the id with
/// every character outside `[A-Za-z0-9_]` made `_` (the test's structures
/// have no two ids that come out alike, which is checked).
fn tiers(structure: &Structure, picture: &Picture) -> BTreeMap<String, usize> {
    let mut names: Vec<&str> = structure
        .bodies()
        .filter(|b| picture.nodes.contains_key(&key(b.id.as_str())))
        .filter_map(|b| b.tier.as_deref())
        .collect();
    names.sort();
    names.dedup();
    let mut tiers = BTreeMap::new();
    for body in structure.bodies() {
        let key = key(body.id.as_str());
        if let Some(tier) = body.tier.as_deref()
            && picture.nodes.contains_key(&key)
        {
            let index = names.binary_search(&tier).expect("a drawn tier");
            assert!(tiers.insert(key, index).is_none(), "two ids make one key");
        }
    }
    assert_eq!(
        picture.tiers.len(),
        names.len(),
        "one box for each tier drawn"
    );
    tiers
}

fn key(id: &str) -> String {
    let body: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!("n_{body}")
}

fn draw(structure: &Structure, rankdir: RankDir) -> String {
    let report = structure.report();
    let options = DrawOptions::new()
        .rankdir(rankdir)
        .overlay(Overlay::from(&report));
    structure
        .to_svg(&options, &SvgOptions::new().backend(Backend::Embedded))
        .expect("the embedded renderer draws it")
        .into_string()
}

fn check(name: &str, structure: &Structure) {
    for rankdir in [RankDir::TopToBottom, RankDir::LeftToRight] {
        let svg = draw(structure, rankdir);
        let picture = picture(&svg);
        assert!(!picture.nodes.is_empty(), "{name}: nothing drawn");
        let tiers = tiers(structure, &picture);
        let faults = faults(&picture, &tiers);
        assert!(
            faults.is_empty(),
            "{name}, {rankdir:?}: {} faults, the first:\n{}",
            faults.len(),
            faults[..faults.len().min(10)].join("\n")
        );
    }
}

#[test]
fn every_bundled_dataset_is_drawn_with_edges_between_boxes() {
    type Dataset = (&'static str, fn() -> Structure);
    let all: [Dataset; 10] = [
        ("solihull", datasets::solihull_2011),
        ("halton", datasets::halton_2008),
        ("leicestershire", datasets::leicestershire_2009_current),
        (
            "leicestershire proposed",
            datasets::leicestershire_2009_proposed,
        ),
        ("staffordshire", datasets::kent_2011_staffordshire),
        ("hertfordshire", datasets::kent_2011_hertfordshire),
        ("essex", datasets::kent_2011_essex),
        ("wolverhampton", datasets::kent_2011_wolverhampton),
        ("lancashire", datasets::kent_2011_lancashire),
        ("herefordshire", datasets::kent_2011_herefordshire),
    ];
    for (name, structure) in all {
        check(name, &structure());
    }
}

#[test]
fn generated_structures_of_50_200_and_500_bodies_are_drawn_with_edges_between_boxes() {
    for bodies in [50, 200, 500] {
        let structure = generate::structure(&GeneratorOptions::new().bodies(bodies).seed(7));
        let tiered = structure.bodies().filter(|b| b.tier.is_some()).count();
        assert!(tiered > bodies / 4, "{bodies} bodies, {tiered} in tiers");
        check(&format!("{bodies} generated bodies"), &structure);
    }
}

/// Solihull's picture, left to right, and the tiers of its nodes.
fn solihull() -> (Picture, BTreeMap<String, usize>) {
    let structure = datasets::solihull_2011();
    let picture = picture(&draw(&structure, RankDir::LeftToRight));
    let tiers = tiers(&structure, &picture);
    assert!(faults(&picture, &tiers).is_empty());
    (picture, tiers)
}

#[test]
fn an_edge_drawn_through_a_box_is_caught() {
    let (mut picture, tiers) = solihull();
    // Route the first edge through the middle of a box that is neither of
    // its ends.
    let (tail, head, _) = picture.edges[0].clone();
    let (other, bounds) = picture
        .nodes
        .iter()
        .find(|(key, _)| **key != tail && **key != head)
        .map(|(k, b)| (k.clone(), *b))
        .unwrap();
    let centre = |b: &Bounds| ((b.x0 + b.x1) / 2.0, (b.y0 + b.y1) / 2.0);
    let through = centre(&bounds);
    let (from, to) = (centre(&picture.nodes[&tail]), centre(&picture.nodes[&head]));
    picture.edges[0].2 = vec![from, (through.0, from.1), through, (to.0, through.1), to];
    let faults = faults(&picture, &tiers);
    assert!(
        faults
            .iter()
            .any(|f| f.contains(&format!("passes through {other}"))),
        "{faults:?}"
    );
}

#[test]
fn overlapping_boxes_and_a_tier_box_over_another_tier_are_caught() {
    let (mut picture, tiers) = solihull();
    // One box moved onto another.
    let keys: Vec<String> = picture.nodes.keys().take(2).cloned().collect();
    let first = picture.nodes[&keys[0]];
    picture.nodes.insert(keys[1].clone(), first);
    let found = faults(&picture, &tiers);
    assert!(
        found
            .iter()
            .any(|f| f.contains("overlap") && f.contains(&keys[0]) && f.contains(&keys[1])),
        "{found:?}"
    );

    // A tier's box grown over the whole drawing.
    let (mut picture, tiers) = solihull();
    let everything = picture.nodes.values().fold(Bounds::empty(), |mut all, b| {
        all.grow(b.x0, b.y0);
        all.grow(b.x1, b.y1);
        all
    });
    picture.tiers[0].1 = everything;
    let found = faults(&picture, &tiers);
    assert!(
        found.iter().any(|f| f.starts_with("the box of tier")),
        "{found:?}"
    );
}

/// A structure of up to 40 bodies with any relations between them (every
/// kind, intended or not, cycles and dual accountability included), in up
/// to three tiers or none, some gone or provisional.
/// `None` where the builder rejects the mix (proptest gives up if that is
/// often).
fn any_structure() -> impl proptest::strategy::Strategy<Value = Option<Structure>> {
    use govgraph::{BodyKind, BodySpec, RelationKind, Status, Target};
    use proptest::prelude::*;
    let body = (
        0..BodyKind::ALL.len(),
        0..4usize,
        0..Status::ALL.len(),
        proptest::collection::vec(
            (0..RelationKind::ALL.len(), 0..40usize, any::<bool>()),
            0..4,
        ),
        1..4usize,
    );
    proptest::collection::vec(body, 1..40).prop_map(|bodies| {
        let n = bodies.len();
        let mut builder = Structure::builder();
        for (i, (kind, tier, status, links, words)) in bodies.into_iter().enumerate() {
            let name = [
                "Group",
                "Board of the partnership",
                "Children's Trust Executive",
            ][..words]
                .join(" ");
            let mut spec = BodySpec::new(
                format!("b{i:02}"),
                format!("{name} {i}"),
                BodyKind::ALL[kind],
            )
            .status(Status::ALL[status]);
            if tier > 0 {
                spec = spec.tier(["Trust", "Outcome Groups", "Delivery"][tier - 1]);
            }
            let mut seen = std::collections::BTreeSet::new();
            for (relation, to, intended) in links {
                let to = to % n;
                if to == i || !seen.insert((relation, to)) {
                    continue;
                }
                let target = Target::new(format!("b{to:02}"));
                spec = spec.relation(
                    RelationKind::ALL[relation],
                    if intended { target.intended() } else { target },
                );
            }
            builder = builder.body(spec);
        }
        builder.build().ok()
    })
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

    #[test]
    fn any_structure_is_drawn_with_edges_between_boxes(structure in any_structure()) {
        proptest::prop_assume!(structure.is_some());
        if let Some(structure) = structure {
            check("a structure", &structure);
        }
    }
}
