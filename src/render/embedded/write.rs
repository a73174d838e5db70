//! The embedded renderer's SVG: drawn by govgraph from the scene and the
//! positions its layout chose, with the same marks as the DOT output.

use std::fmt::Write as _;

use super::layout::BAND_FONT;
use super::{Drawing, Point, Route};
pub(super) use crate::render::markup::text_width;
use crate::render::scene::Scene;
use crate::render::style::{
    Arrow, BLACK, CLUSTER_LINE, CLUSTER_TEXT, EdgeLook, FONT, LegendEntry, Line, NodeLook, Sample,
    Shape, WHITE,
};

pub(super) const FONT_SIZE: f64 = 12.0;
pub(super) const LINE_HEIGHT: f64 = 14.5;
const TITLE_SIZE: f64 = 18.0;
const LEGEND_SIZE: f64 = 11.0;
const MARGIN: f64 = 16.0;

/// Writes the SVG of a scene as laid out: title, tier boxes, edges, nodes,
/// then the legend to the right.
pub(super) fn svg(scene: &Scene, drawing: &Drawing) -> String {
    // The bounds of what was placed, so it can be moved to the margin
    // whatever its own origin.
    let mut min = Point::new(f64::MAX, f64::MAX);
    let mut max = Point::new(f64::MIN, f64::MIN);
    let mut grow = |p: Point| {
        min = Point::new(min.x.min(p.x), min.y.min(p.y));
        max = Point::new(max.x.max(p.x), max.y.max(p.y));
    };
    for (corner, size) in &drawing.nodes {
        grow(*corner);
        grow(corner.add(*size));
    }
    for band in &drawing.bands {
        grow(band.corner);
        grow(band.corner.add(band.size));
    }
    for route in &drawing.edges {
        for p in &route.points {
            grow(*p);
        }
    }
    if drawing.nodes.is_empty() {
        min = Point::zero();
        max = Point::zero();
    }

    let title_h = if scene.title.is_some() {
        TITLE_SIZE + 16.0
    } else {
        0.0
    };
    let shift = Point::new(MARGIN - min.x, MARGIN + title_h - min.y);
    let graph_w = max.x - min.x;
    let graph_h = max.y - min.y;
    let (legend_svg, legend_w, legend_h) =
        legend(&scene.legend, MARGIN + graph_w + 32.0, MARGIN + title_h);
    let title_w = scene
        .title
        .as_deref()
        .map_or(0.0, |t| text_width(t, TITLE_SIZE));
    let width = (MARGIN * 2.0 + graph_w + if legend_w > 0.0 { 32.0 + legend_w } else { 0.0 })
        .max(MARGIN * 2.0 + title_w)
        .ceil();
    let height = (MARGIN * 2.0 + title_h + graph_h.max(legend_h)).ceil();

    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n");
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" \
         viewBox=\"0 0 {w} {h}\" font-family=\"{font}\">",
        w = n(width),
        h = n(height),
        font = xml(FONT),
    );
    let _ = writeln!(
        out,
        "<rect class=\"background\" width=\"100%\" height=\"100%\" fill=\"{WHITE}\"/>"
    );
    if let Some(title) = &scene.title {
        let _ = writeln!(
            out,
            "<text class=\"title\" x=\"{}\" y=\"{}\" font-size=\"{}\">{}</text>",
            n(MARGIN),
            n(MARGIN + TITLE_SIZE),
            n(TITLE_SIZE),
            xml(title)
        );
    }
    let _ = writeln!(
        out,
        "<g class=\"graph\" transform=\"translate({} {})\">",
        n(shift.x),
        n(shift.y)
    );
    for band in &drawing.bands {
        let _ = write!(
            out,
            "<g class=\"cluster\"><title>cluster_{}</title>\
             <rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"8\" fill=\"none\" \
             stroke=\"{CLUSTER_LINE}\"/>",
            band.cluster,
            n(band.corner.x),
            n(band.corner.y),
            n(band.size.x),
            n(band.size.y),
        );
        for (i, line) in band.label.iter().enumerate() {
            let _ = write!(
                out,
                "<text x=\"{}\" y=\"{}\" font-size=\"{}\" fill=\"{CLUSTER_TEXT}\" \
                 xml:space=\"preserve\">{}</text>",
                n(band.corner.x + 8.0),
                n(band.corner.y + 14.0 + i as f64 * super::layout::BAND_LINE),
                n(BAND_FONT),
                xml(line)
            );
        }
        out.push_str("</g>\n");
    }
    for (edge, route) in scene.edges.iter().zip(&drawing.edges) {
        let tail = &scene.nodes[edge.tail].key;
        let head = &scene.nodes[edge.head].key;
        let _ = write!(
            out,
            "<g class=\"edge\"><title>{}</title>",
            xml(&format!("{tail}->{head}"))
        );
        out.push_str(&route_svg(route, edge.look));
        out.push_str("</g>\n");
    }
    for (node, &(corner, size)) in scene.nodes.iter().zip(&drawing.nodes) {
        let _ = write!(out, "<g class=\"node\"><title>{}</title>", xml(&node.key));
        out.push_str(&shape_svg(node.look, corner, size));
        out.push_str(&label_svg(
            &node.lines,
            centre((corner, size)),
            FONT_SIZE,
            node.look.text_color(),
            "middle",
        ));
        out.push_str("</g>\n");
    }
    out.push_str("</g>\n");
    out.push_str(&legend_svg);
    out.push_str("</svg>\n");
    out
}

/// Formats a coordinate with one decimal, the same way every time.
fn n(value: f64) -> String {
    let rounded = (value * 10.0).round() / 10.0;
    // Avoid "-0.0".
    let rounded = if rounded == 0.0 { 0.0 } else { rounded };
    format!("{rounded:.1}")
}

/// Escapes text for SVG character data and attribute values: the one
/// escaping of the markup govgraph writes itself (`markup::escape`).
fn xml(text: &str) -> String {
    crate::render::markup::escape(text)
}

fn centre((corner, size): (Point, Point)) -> Point {
    Point::new(corner.x + size.x / 2.0, corner.y + size.y / 2.0)
}

/// The SVG stroke attributes of an edge look.
fn stroke(look: EdgeLook) -> String {
    let dash = match look.line() {
        Line::Solid => String::new(),
        Line::Dashed => " stroke-dasharray=\"7,4\"".to_string(),
        Line::Dotted => " stroke-dasharray=\"0.1,4.5\" stroke-linecap=\"round\"".to_string(),
    };
    format!(
        "fill=\"none\" stroke=\"{}\" stroke-width=\"{}\"{dash}",
        look.color(),
        n(look.pen_width())
    )
}

fn path_svg(d: &str, look: EdgeLook) -> String {
    format!("<path d=\"{d}\" {}/>", stroke(look))
}

fn route_svg(route: &Route, look: EdgeLook) -> String {
    let points = &route.points;
    if points.len() < 2 {
        return String::new();
    }
    let mut d = String::new();
    for (i, p) in points.iter().enumerate() {
        let _ = write!(
            d,
            "{}{} {} {}",
            if i == 0 { "" } else { " " },
            if i == 0 { "M" } else { "L" },
            n(p.x),
            n(p.y)
        );
    }
    let mut out = path_svg(&d, look);
    if route.start {
        out.push_str(&arrowhead(points[0], points[1], look));
    }
    if route.end {
        let last = points.len() - 1;
        out.push_str(&arrowhead(points[last], points[last - 1], look));
    }
    out
}

/// An arrowhead with its tip at `tip`, pointing away from `from`.
fn arrowhead(tip: Point, from: Point, look: EdgeLook) -> String {
    let (dx, dy) = (tip.x - from.x, tip.y - from.y);
    let length = (dx * dx + dy * dy).sqrt();
    let (ux, uy) = if length > 0.0 {
        (dx / length, dy / length)
    } else {
        (0.0, 1.0)
    };
    let scale = 1.0 + (look.pen_width() - 1.0) * 0.25;
    let (l, w) = (9.0 * scale, 4.0 * scale);
    let at = |along: f64, across: f64| {
        Point::new(
            tip.x - ux * along - uy * across,
            tip.y - uy * along + ux * across,
        )
    };
    let polygon = |points: &[Point], fill: &str| {
        let points: Vec<String> = points
            .iter()
            .map(|p| format!("{},{}", n(p.x), n(p.y)))
            .collect();
        format!(
            "<polygon points=\"{}\" fill=\"{fill}\" stroke=\"{}\" stroke-width=\"1\"/>",
            points.join(" "),
            look.color()
        )
    };
    match look.arrow() {
        Arrow::Normal => polygon(&[tip, at(l, w), at(l, -w)], look.color()),
        Arrow::Empty => polygon(&[tip, at(l, w), at(l, -w)], WHITE),
        Arrow::Diamond => polygon(
            &[tip, at(l * 0.6, w), at(l * 1.2, 0.0), at(l * 0.6, -w)],
            look.color(),
        ),
        Arrow::Vee => polygon(
            &[tip, at(l, w * 1.1), at(l * 0.55, 0.0), at(l, -w * 1.1)],
            look.color(),
        ),
        Arrow::Dot => {
            let c = at(w, 0.0);
            format!(
                "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"{}\"/>",
                n(c.x),
                n(c.y),
                n(w),
                look.color()
            )
        }
        Arrow::None => String::new(),
    }
}

/// The outline of a node.
fn shape_svg(look: NodeLook, corner: Point, size: Point) -> String {
    let (x, y, w, h) = (corner.x, corner.y, size.x, size.y);
    let dash = if look.dashed() {
        " stroke-dasharray=\"5,3\""
    } else {
        ""
    };
    let paint = format!(
        "fill=\"{}\" stroke=\"{}\" stroke-width=\"{}\"{dash}",
        look.fill_color(),
        look.line_color(),
        n(look.pen_width())
    );
    let polygon = |points: &[(f64, f64)]| {
        let points: Vec<String> = points
            .iter()
            .map(|(px, py)| format!("{},{}", n(*px), n(*py)))
            .collect();
        format!("<polygon points=\"{}\" {paint}/>", points.join(" "))
    };
    let rect = |x: f64, y: f64, w: f64, h: f64, r: f64| {
        format!(
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"{}\" {paint}/>",
            n(x),
            n(y),
            n(w),
            n(h),
            n(r)
        )
    };
    match look.shape {
        Shape::Rectangle => rect(x, y, w, h, 0.0),
        Shape::Rounded => rect(x, y, w, h, 7.0),
        Shape::Ellipse => format!(
            "<ellipse cx=\"{}\" cy=\"{}\" rx=\"{}\" ry=\"{}\" {paint}/>",
            n(x + w / 2.0),
            n(y + h / 2.0),
            n(w / 2.0),
            n(h / 2.0)
        ),
        Shape::Hexagon => {
            let s = (h * 0.35).min(w / 4.0);
            polygon(&[
                (x + s, y),
                (x + w - s, y),
                (x + w, y + h / 2.0),
                (x + w - s, y + h),
                (x + s, y + h),
                (x, y + h / 2.0),
            ])
        }
        Shape::Octagon => {
            let s = (h * 0.3).min(w / 4.0);
            polygon(&[
                (x + s, y),
                (x + w - s, y),
                (x + w, y + s),
                (x + w, y + h - s),
                (x + w - s, y + h),
                (x + s, y + h),
                (x, y + h - s),
                (x, y + s),
            ])
        }
        Shape::Underline => format!(
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"/>\
             <line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"{}\"/>",
            n(x),
            n(y),
            n(w),
            n(h),
            look.fill_color(),
            n(x),
            n(y + h),
            n(x + w),
            n(y + h),
            look.line_color(),
            n(look.pen_width())
        ),
        Shape::Box3d => {
            let d = 4.0_f64.min(h / 4.0);
            format!(
                "{}{}",
                rect(x + d, y, w - d, h - d, 0.0),
                rect(x, y + d, w - d, h - d, 0.0)
            )
        }
        Shape::Note => {
            let f = 8.0_f64.min(h / 3.0);
            format!(
                "{}<polyline points=\"{},{} {},{} {},{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"{}\"/>",
                polygon(&[
                    (x, y),
                    (x + w - f, y),
                    (x + w, y + f),
                    (x + w, y + h),
                    (x, y + h)
                ]),
                n(x + w - f),
                n(y),
                n(x + w - f),
                n(y + f),
                n(x + w),
                n(y + f),
                look.line_color(),
                n(look.pen_width())
            )
        }
    }
}

/// Text lines, one `<text>` each, centred on `at` (or starting at it when
/// `anchor` is "start").
fn label_svg(lines: &[String], at: Point, size: f64, color: &str, anchor: &str) -> String {
    let line_h = size * LINE_HEIGHT / FONT_SIZE;
    let top = at.y - line_h * lines.len() as f64 / 2.0;
    let mut out = String::new();
    for (i, line) in lines.iter().enumerate() {
        let baseline = top + line_h * (i as f64 + 0.5) + size * 0.35;
        let _ = write!(
            out,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"{anchor}\" font-size=\"{}\" fill=\"{color}\" \
             xml:space=\"preserve\">{}</text>",
            n(at.x),
            n(baseline),
            n(size),
            xml(line)
        );
    }
    out
}

/// The legend, drawn at (`x`, `y`): its SVG, width and height. Each entry
/// is a group titled as in the DOT legend (`key_...`).
fn legend(entries: &[LegendEntry], x: f64, y: f64) -> (String, f64, f64) {
    if entries.is_empty() {
        return (String::new(), 0.0, 0.0);
    }
    let (sample_w, pad, heading_h) = (44.0, 10.0, 22.0);
    let line_h = LEGEND_SIZE * LINE_HEIGHT / FONT_SIZE;
    let text_x = pad + sample_w + 10.0;
    let text_w = entries
        .iter()
        .flat_map(|e| &e.lines)
        .map(|t| text_width(t, LEGEND_SIZE))
        .fold(0.0, f64::max);
    let row_h = |e: &LegendEntry| (e.lines.len() as f64 * line_h + 8.0).max(24.0);
    let width = text_x + text_w + pad;
    let height = heading_h + entries.iter().map(row_h).sum::<f64>() + pad;

    let mut out = format!(
        "<g class=\"legend\" transform=\"translate({} {})\">\
         <rect width=\"{}\" height=\"{}\" rx=\"6\" fill=\"{WHITE}\" stroke=\"{CLUSTER_LINE}\"/>\
         <text x=\"{pad}\" y=\"16\" font-size=\"13\" fill=\"{CLUSTER_TEXT}\">Key</text>\n",
        n(x),
        n(y),
        n(width),
        n(height),
    );
    let mut top = heading_h;
    let mut counts = [0usize; 4];
    for entry in entries {
        let mid = top + row_h(entry) / 2.0;
        top += row_h(entry);
        let (class, name, count) = match entry.sample {
            Sample::Outline(_) => ("node", "outline", &mut counts[0]),
            Sample::Shape(_) => ("node", "shape", &mut counts[1]),
            Sample::Edge(_) => ("edge", "line", &mut counts[2]),
            Sample::Note => ("node", "note", &mut counts[3]),
        };
        let _ = write!(
            out,
            "<g class=\"{class}\"><title>key_{name}_{count}</title>"
        );
        *count += 1;
        match entry.sample {
            Sample::Outline(look) | Sample::Shape(look) => {
                let size = Point::new(sample_w, 16.0);
                out.push_str(&shape_svg(look, Point::new(pad, mid - 8.0), size));
            }
            Sample::Edge(look) => {
                let (from, to) = (Point::new(pad, mid), Point::new(pad + sample_w, mid));
                out.push_str(&path_svg(
                    &format!("M {} {} L {} {}", n(from.x), n(from.y), n(to.x), n(to.y)),
                    look,
                ));
                out.push_str(&arrowhead(to, from, look));
            }
            // A finding or note is text alone, from the sample's edge.
            Sample::Note => {}
        }
        let x = match entry.sample {
            Sample::Note => pad,
            _ => text_x,
        };
        out.push_str(&label_svg(
            &entry.lines,
            Point::new(x, mid),
            LEGEND_SIZE,
            BLACK,
            "start",
        ));
        out.push_str("</g>\n");
    }
    out.push_str("</g>\n");
    (out, width, height)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coordinates_print_with_one_decimal_and_no_negative_zero() {
        assert_eq!(n(1.04), "1.0");
        assert_eq!(n(-0.01), "0.0");
        assert_eq!(n(12.35), "12.4");
    }

    #[test]
    fn xml_escapes_markup_and_quotes() {
        assert_eq!(xml("<script>&\"'"), "&lt;script&gt;&amp;&quot;&#39;");
    }

    #[test]
    fn xml_replaces_characters_xml_cannot_hold() {
        assert_eq!(
            xml("a\u{fffe}b\u{ffff}c\u{1}d\te"),
            "a\u{fffd}b\u{fffd}c\u{fffd}d\te"
        );
    }
}
