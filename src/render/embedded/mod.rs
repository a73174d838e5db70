//! The embedded renderer: layout-rs places the nodes and routes the edges,
//! and govgraph draws the SVG itself from the scene.
//!
//! The scene is given to layout-rs directly rather than as DOT, so nothing
//! is parsed twice and no escaping is needed on the way in; each element
//! carries its scene index in its `properties`, and the [`Canvas`] below
//! receives layout-rs's draw calls and keeps only the positions; `write`
//! draws the SVG from them. Drawing from the scene means both backends use
//! the same marks (layout-rs alone draws dotted lines solid, ignores most
//! shapes and names its arrowhead markers by colour), and the output is
//! byte-identical for the same scene (layout-rs's own SVG writer emits font
//! styles in hash-map order).
//!
//! layout-rs cannot draw clusters; tiers are reported in a warning.
//! It panics on an empty graph and on some large ones, and its cost climbs
//! steeply with size, so it is guarded: empty scenes and scenes over the
//! work budget (`budget`) are refused before layout, and panics are caught.

mod write;

use std::collections::BTreeMap;
use std::panic::{AssertUnwindSafe, catch_unwind};

use layout::core::base::Orientation;
use layout::core::color::Color;
use layout::core::format::{ClipHandle, RenderBackend};
use layout::core::geometry::{Point, Position};
use layout::core::style::{LineStyleKind, StyleAttr};
use layout::std_shapes::shapes::{Arrow as LayoutArrow, Element, LineEndKind, ShapeKind};
use layout::topo::layout::VisualGraph;

use crate::render::budget::{self, Budget};
use crate::render::scene::Scene;
use crate::render::style::Shape;
use crate::render::{Backend, RankDir, RenderError, Svg};
use write::{FONT_SIZE, LINE_HEIGHT, text_width};

pub(crate) fn render(scene: &Scene, budget: Budget) -> Result<Svg, RenderError> {
    budget::check(scene, budget)?;
    let canvas = catch_unwind(AssertUnwindSafe(|| layout(scene))).map_err(|payload| {
        let message = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "no message".to_string());
        RenderError::EmbeddedPanicked { message }
    })?;
    let mut warnings = Vec::new();
    if !scene.clusters.is_empty() {
        let tiers: Vec<String> = scene
            .clusters
            .iter()
            .map(|c| format!("{:?}", c.label))
            .collect();
        warnings.push(format!(
            "the embedded renderer draws tiers without cluster boxes ({}); install Graphviz \
             to see them",
            tiers.join(", ")
        ));
    }
    Ok(Svg {
        text: write::svg(scene, &canvas),
        backend: Backend::Embedded,
        warnings,
    })
}

/// Lays the scene out with layout-rs and collects where everything went.
fn layout(scene: &Scene) -> Canvas {
    let orientation = match scene.rankdir {
        RankDir::TopToBottom => Orientation::TopToBottom,
        RankDir::LeftToRight => Orientation::LeftToRight,
    };
    // Space between neighbours, and more between ranks, in final
    // coordinates (layout-rs transposes left-to-right drawings and back).
    let halo = match scene.rankdir {
        RankDir::TopToBottom => Point::new(22.0, 80.0),
        RankDir::LeftToRight => Point::new(110.0, 16.0),
    };
    let mut graph = VisualGraph::new(orientation);
    // layout-rs checks the whole graph is acyclic after every edge it adds,
    // which is quadratic; the graph is built acyclic-safe by layout-rs
    // itself (it reverses back edges), so the check only costs time.
    graph.dag.set_validate(false);
    let look = StyleAttr::new(Color::fast("black"), 1, Some(Color::fast("white")), 0, 12);
    let handles: Vec<_> = scene
        .nodes
        .iter()
        .enumerate()
        .map(|(i, node)| {
            let size = node_size(&node.lines, node.look.shape);
            // An ellipse is a circle to layout-rs, so edges meet its curve.
            let shape = if node.look.shape == Shape::Ellipse {
                ShapeKind::Circle(String::new())
            } else {
                ShapeKind::Box(String::new())
            };
            let mut element = Element::create_with_properties(
                shape,
                look.clone(),
                orientation.flip(),
                size,
                i.to_string(),
            );
            element.pos = Position::new(Point::zero(), size, Point::zero(), halo);
            graph.add_node(element)
        })
        .collect();
    for (i, edge) in scene.edges.iter().enumerate() {
        let (start, end) = if edge.back {
            (LineEndKind::Arrow, LineEndKind::None)
        } else {
            (LineEndKind::None, LineEndKind::Arrow)
        };
        let arrow = LayoutArrow::with_properties(
            start,
            end,
            LineStyleKind::Normal,
            "",
            &look,
            i.to_string(),
            &None,
            &None,
        );
        graph.add_edge(arrow, handles[edge.tail], handles[edge.head]);
    }
    let mut canvas = Canvas::default();
    graph.do_it(false, false, false, &mut canvas);
    canvas
}

/// The size of a node's shape around its label.
fn node_size(lines: &[String], shape: Shape) -> Point {
    let text_w = lines
        .iter()
        .map(|l| text_width(l, FONT_SIZE))
        .fold(0.0, f64::max);
    let text_h = lines.len().max(1) as f64 * LINE_HEIGHT;
    let (w, h) = (text_w + 18.0, text_h + 10.0);
    let (w, h) = match shape {
        Shape::Rectangle | Shape::Rounded => (w, h),
        Shape::Ellipse => (text_w * 1.22 + 18.0, text_h * 1.3 + 12.0),
        Shape::Hexagon | Shape::Octagon => (w + h * 0.7, h),
        Shape::Underline => (w, h),
        Shape::Box3d | Shape::Note => (w + 6.0, h + 4.0),
    };
    Point::new(w, h)
}

/// A node's box and an edge's path as layout-rs placed them.
#[derive(Default)]
pub(super) struct Canvas {
    pub(super) nodes: BTreeMap<usize, (Point, Point)>,
    pub(super) edges: BTreeMap<usize, Route>,
}

pub(super) struct Route {
    /// layout-rs's path: the first pair is a point and its exit control,
    /// each later pair an entry control and a point.
    pub(super) path: Vec<(Point, Point)>,
    /// Whether an arrowhead goes at the path's start, and at its end.
    pub(super) start: bool,
    pub(super) end: bool,
}

fn index(properties: &Option<String>) -> Option<usize> {
    properties.as_deref().and_then(|p| p.parse().ok())
}

impl RenderBackend for Canvas {
    fn draw_rect(
        &mut self,
        xy: Point,
        size: Point,
        _look: &StyleAttr,
        properties: Option<String>,
        _clip: Option<ClipHandle>,
    ) {
        if let Some(i) = index(&properties) {
            self.nodes.insert(i, (xy, size));
        }
    }

    fn draw_line(&mut self, _: Point, _: Point, _: &StyleAttr, _: Option<String>) {}

    fn draw_circle(
        &mut self,
        xy: Point,
        size: Point,
        _look: &StyleAttr,
        properties: Option<String>,
    ) {
        if let Some(i) = index(&properties) {
            let corner = Point::new(xy.x - size.x / 2.0, xy.y - size.y / 2.0);
            self.nodes.insert(i, (corner, size));
        }
    }

    fn draw_text(&mut self, _: Point, _: &str, _: &StyleAttr) {}

    fn draw_arrow(
        &mut self,
        path: &[(Point, Point)],
        _dashed: bool,
        head: (bool, bool),
        _look: &StyleAttr,
        properties: Option<String>,
        _text: &str,
    ) {
        if let Some(i) = index(&properties) {
            self.edges.insert(
                i,
                Route {
                    path: path.to_vec(),
                    start: head.0,
                    end: head.1,
                },
            );
        }
    }

    fn create_clip(&mut self, _: Point, _: Point, _: usize) -> ClipHandle {
        0
    }
}
