//! The embedded renderer: govgraph lays the scene out itself, as an
//! organisation chart (`layout`), and draws the SVG from the scene
//! (`write`).
//!
//! Drawing from the scene means both backends use the same marks, and the
//! output is byte-identical for the same scene. The layout is a tidy tree
//! of the lines of accountability, with each tier in rows of its own inside
//! a box, wide spans wrapped, and every edge routed orthogonally through
//! the gaps between boxes; see `layout.rs` for the algorithm. It runs in
//! about linear time, so the budget (`budget`) only refuses drawings too
//! large to read, and an empty one.

mod layout;
mod write;

use crate::render::budget::{self, Budget};
use crate::render::scene::Scene;
use crate::render::style::Shape;
use crate::render::{Backend, RenderError, Svg};
use write::{FONT_SIZE, LINE_HEIGHT, text_width};

pub(crate) fn render(scene: &Scene, budget: Budget) -> Result<Svg, RenderError> {
    budget::check(scene, budget)?;
    let drawing = layout::lay_out(scene);
    Ok(Svg {
        text: write::svg(scene, &drawing),
        backend: Backend::Embedded,
        warnings: Vec::new(),
    })
}

/// A point, or a size, in the drawing's coordinates.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Point {
    pub(super) x: f64,
    pub(super) y: f64,
}

impl Point {
    pub(super) fn new(x: f64, y: f64) -> Point {
        Point { x, y }
    }

    pub(super) fn zero() -> Point {
        Point::new(0.0, 0.0)
    }

    pub(super) fn add(self, other: Point) -> Point {
        Point::new(self.x + other.x, self.y + other.y)
    }
}

/// Where everything went: each node's box (corner and size) and each
/// edge's route, in the scene's order, and the tiers' boxes.
pub(super) struct Drawing {
    pub(super) nodes: Vec<(Point, Point)>,
    pub(super) edges: Vec<Route>,
    pub(super) bands: Vec<Band>,
}

/// An edge's route: a polyline from its tail to its head, each segment
/// horizontal or vertical (a loop goes round the side of its box).
pub(super) struct Route {
    pub(super) points: Vec<Point>,
    /// Whether an arrowhead goes at the route's start, and at its end.
    pub(super) start: bool,
    pub(super) end: bool,
}

/// A tier's box: corner, size, label lines and the cluster's index.
pub(super) struct Band {
    pub(super) corner: Point,
    pub(super) size: Point,
    pub(super) label: Vec<String>,
    pub(super) cluster: usize,
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
