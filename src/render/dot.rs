//! The scene as Graphviz DOT, written directly.
//!
//! Every value is quoted and escaped here ([`quote`]), every node id is a
//! generated key of the form `[A-Za-z][A-Za-z0-9_]*`, and the key is one
//! node whose HTML-like label holds only text escaped as XML, so that no
//! name can end a string, add an attribute or start a statement.
//!
//! Bodies are written in reading order (the largest tree of accountability
//! first, each body before what answers to it), because `dot` starts its
//! ordering from the file's: written by tier name, Solihull's "Trust" tier
//! came last and was drawn below the groups that answer to it.

use std::fmt::Write as _;

use crate::model::RelationKind;
use crate::render::RankDir;
use crate::render::markup::escape;
use crate::render::scene::{Scene, wrap};
use crate::render::style::{
    Arrow, CLUSTER_LINE, CLUSTER_TEXT, EdgeLook, EdgeMark, FONT, Line, NodeLook, Sample, Shape,
};

/// Prints the scene as DOT, ending with a newline.
pub(crate) fn to_dot(scene: &Scene) -> String {
    let mut out = String::from("digraph govgraph {\n");
    let mut graph_attrs = vec![
        (
            "rankdir",
            quote(match scene.rankdir {
                RankDir::TopToBottom => "TB",
                RankDir::LeftToRight => "LR",
            }),
        ),
        ("fontname", quote(FONT)),
        ("fontsize", quote("18")),
        ("nodesep", quote("0.25")),
        ("ranksep", quote("0.5")),
        ("newrank", quote("true")),
    ];
    if let Some(title) = &scene.title {
        graph_attrs.push(("label", quote(title)));
        graph_attrs.push(("labelloc", quote("t")));
        graph_attrs.push(("labeljust", quote("l")));
    }
    statement(&mut out, 1, "graph", &graph_attrs);
    statement(
        &mut out,
        1,
        "node",
        &[
            ("fontname", quote(FONT)),
            ("fontsize", quote("11")),
            ("margin", quote("0.12,0.05")),
        ],
    );
    statement(
        &mut out,
        1,
        "edge",
        &[
            ("fontname", quote(FONT)),
            ("fontsize", quote("10")),
            ("arrowsize", quote("0.8")),
        ],
    );

    let place = reading_order(scene);
    let in_order = |nodes: &mut Vec<usize>| nodes.sort_by_key(|&n| place[n]);
    let mut clusters: Vec<usize> = (0..scene.clusters.len()).collect();
    clusters.sort_by_key(|&c| {
        scene.clusters[c]
            .nodes
            .iter()
            .map(|&n| place[n])
            .min()
            .unwrap_or(usize::MAX)
    });
    for c in clusters {
        let cluster = &scene.clusters[c];
        let _ = writeln!(out, "  subgraph cluster_{c} {{");
        statement(
            &mut out,
            2,
            "graph",
            &[
                ("label", quote(&cluster.label)),
                ("style", quote("rounded")),
                ("color", quote(CLUSTER_LINE)),
                ("fontcolor", quote(CLUSTER_TEXT)),
                ("fontsize", quote("13")),
                ("labeljust", quote("l")),
                ("margin", quote("12")),
            ],
        );
        let mut nodes = cluster.nodes.clone();
        in_order(&mut nodes);
        for n in nodes {
            let node = &scene.nodes[n];
            statement(
                &mut out,
                2,
                &node.key,
                &node_attrs(node.look, &node.lines.join("\n")),
            );
        }
        out.push_str("  }\n");
    }
    let mut loose: Vec<usize> = (0..scene.nodes.len())
        .filter(|&n| scene.nodes[n].cluster.is_none())
        .collect();
    in_order(&mut loose);
    for n in loose {
        let node = &scene.nodes[n];
        statement(
            &mut out,
            1,
            &node.key,
            &node_attrs(node.look, &node.lines.join("\n")),
        );
    }
    for e in &scene.edges {
        let head = format!("{} -> {}", scene.nodes[e.tail].key, scene.nodes[e.head].key);
        statement(&mut out, 1, &head, &edge_attrs(e.look, e.back));
    }
    if !scene.legend.is_empty() {
        let label = key_label(scene);
        statement(
            &mut out,
            1,
            KEY,
            &[
                ("label", label),
                ("shape", quote("plaintext")),
                ("margin", quote("0")),
                ("fontsize", quote("9")),
            ],
        );
        // The key takes the first rank, in the corner under the title, out
        // of the structure's way.
        let _ = writeln!(
            out,
            "  subgraph key_rank {{\n    rank=\"min\"\n    {KEY}\n  }}"
        );
    }
    out.push_str("}\n");
    out
}

/// The DOT node id of the key.
const KEY: &str = "key_table";

/// Writes `head [name="value" ...]` on a line of its own, indented.
fn statement(out: &mut String, depth: usize, head: &str, attrs: &[(&str, String)]) {
    for _ in 0..depth {
        out.push_str("  ");
    }
    out.push_str(head);
    out.push_str(" [");
    for (i, (name, value)) in attrs.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(name);
        out.push('=');
        out.push_str(value);
    }
    out.push_str("]\n");
}

/// Each node's place in reading order: trees of accountability (as the
/// scene's ranking edges give them, parent first) largest first, each node
/// before what answers to it, depth first, children in the scene's order;
/// then whatever only a cycle reaches. Linear in nodes and edges.
fn reading_order(scene: &Scene) -> Vec<usize> {
    let n = scene.nodes.len();
    let mut parent: Vec<Option<usize>> = vec![None; n];
    for e in scene.edges.iter().filter(|e| ranks(e.look)) {
        if e.tail != e.head && parent[e.head].is_none() {
            parent[e.head] = Some(e.tail);
        }
    }
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (child, p) in parent.iter().enumerate() {
        if let Some(p) = p {
            children[*p].push(child);
        }
    }
    // Tree sizes, children before parents (an explicit stack: trees may be
    // deep).
    let roots: Vec<usize> = (0..n).filter(|&v| parent[v].is_none()).collect();
    let mut size = vec![1usize; n];
    let mut post = Vec::with_capacity(n);
    let mut stack: Vec<(usize, bool)> = roots.iter().rev().map(|&r| (r, false)).collect();
    while let Some((v, done)) = stack.pop() {
        if done {
            post.push(v);
            continue;
        }
        stack.push((v, true));
        stack.extend(children[v].iter().rev().map(|&c| (c, false)));
    }
    for &v in &post {
        if let Some(p) = parent[v] {
            size[p] += size[v];
        }
    }
    let mut roots = roots;
    roots.sort_by_key(|&r| (std::cmp::Reverse(size[r]), r));

    let mut place = vec![usize::MAX; n];
    let mut next = 0;
    let starts = roots.into_iter().chain(0..n);
    for start in starts {
        if place[start] != usize::MAX {
            continue;
        }
        let mut stack = vec![start];
        while let Some(v) = stack.pop() {
            if place[v] != usize::MAX {
                continue;
            }
            place[v] = next;
            next += 1;
            stack.extend(
                children[v]
                    .iter()
                    .rev()
                    .filter(|&&c| place[c] == usize::MAX),
            );
        }
    }
    place
}

/// The most bytes govgraph writes inside one quoted DOT string. Graphviz
/// 2.43 rejects a quoted string of 16,383 bytes or more ("longer than
/// 16384?"); loading keeps names far below this (see `load::limits`), so
/// only text given in code (a long title or overlay reason) is ever cut.
/// The key's HTML-like label is kept within it too.
const MAX_QUOTED: usize = 16_000;

/// Quotes a text value for DOT: `\` → `\\`, `"` → `\"`, line break → `\n`,
/// `\r` dropped, and `&` → `&amp;` because Graphviz decodes HTML entities in
/// labels. With every backslash doubled, Graphviz's own escapes (`\N`,
/// `\G`, `\l`) cannot be written by a name. A character XML 1.0 cannot
/// hold becomes U+FFFD, because Graphviz copies labels into its SVG as they
/// are; text that would pass [`MAX_QUOTED`] bytes is cut, ending in "…".
pub(crate) fn quote(text: &str) -> String {
    const CUT: &str = "…";
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        let mut buffer = [0; 4];
        let escaped = match c {
            '\\' => "\\\\",
            '"' => "\\\"",
            '\n' => "\\n",
            '\r' => "",
            '&' => "&amp;",
            c => crate::render::scene::xml_char(c).encode_utf8(&mut buffer),
        };
        if out.len() - 1 + escaped.len() + CUT.len() > MAX_QUOTED {
            out.push_str(CUT);
            break;
        }
        out.push_str(escaped);
    }
    out.push('"');
    out
}

/// Prints a width in points without trailing zeros ("1", "2.5").
fn points(width: f64) -> String {
    let text = format!("{width:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

fn node_attrs(look: NodeLook, label: &str) -> Vec<(&'static str, String)> {
    let mut style = vec!["filled"];
    if look.shape == Shape::Rounded {
        style.push("rounded");
    }
    if look.dashed() {
        style.push("dashed");
    }
    let mut attrs = vec![
        ("label", quote(label)),
        ("shape", quote(look.shape.dot_name())),
        ("style", quote(&style.join(","))),
        ("color", quote(look.line_color())),
        ("fillcolor", quote(look.fill_color())),
        ("fontcolor", quote(look.text_color())),
    ];
    if look.pen_width() != 1.0 {
        attrs.push(("penwidth", quote(&points(look.pen_width()))));
    }
    attrs
}

fn edge_attrs(look: EdgeLook, back: bool) -> Vec<(&'static str, String)> {
    let mut attrs = vec![
        ("color", quote(look.color())),
        ("style", quote(look.line().dot_name())),
        ("penwidth", quote(&points(look.pen_width()))),
    ];
    match (look.arrow(), back) {
        (Arrow::None, _) => attrs.push(("dir", quote("none"))),
        (arrow, true) => {
            attrs.push(("dir", quote("back")));
            attrs.push(("arrowtail", quote(arrow.dot_name())));
        }
        (arrow, false) => attrs.push(("arrowhead", quote(arrow.dot_name()))),
    }
    if look.arrow() == Arrow::None {
        // A line with no direction joins two bodies that may sit anywhere:
        // it must not pull them together.
        attrs.push(("weight", quote("0")));
    }
    if !ranks(look) {
        attrs.push(("constraint", quote("false")));
    }
    attrs
}

/// Whether `dot` ranks the drawing by this line. What is only intended
/// must not rearrange what is in force, and scrutiny runs beside the lines
/// of accountability, not down them (Solihull's LSCB scrutinises the Trust
/// Board, which is still the apex): such a line is drawn, but the
/// structure is ranked without it.
fn ranks(look: EdgeLook) -> bool {
    !look.intended && look.mark != EdgeMark::Relation(RelationKind::Scrutinises)
}

/// The key as one HTML-like table, small type, in up to three columns of
/// a sample and its words each, with the findings listed under them
/// across the table's width. Being one node, it takes no rank of the
/// drawing's and cannot stretch it. Samples are drawn with the drawing's
/// own colours, line widths and dashes: outlines as small cells, shapes as
/// cells or as the nearest symbol, relations as a short line of their
/// colour, pattern and arrowhead.
fn key_label(scene: &Scene) -> String {
    let mut entries = Vec::new();
    let mut notes = Vec::new();
    for entry in &scene.legend {
        match entry.sample {
            Sample::Note => notes.push(&entry.lines),
            sample => entries.push((sample, &entry.lines)),
        }
    }
    let columns = match entries.len() {
        0..=3 => 1,
        4..=10 => 2,
        _ => 3,
    };
    let rows = entries.len().div_ceil(columns);
    let span = 2 * columns;
    let mut out = String::from(
        "<<TABLE BORDER=\"1\" COLOR=\"#b0b0b0\" CELLBORDER=\"0\" CELLSPACING=\"2\" \
         CELLPADDING=\"1\" STYLE=\"rounded\">",
    );
    let _ = write!(
        out,
        "<TR><TD COLSPAN=\"{span}\" ALIGN=\"LEFT\"><FONT COLOR=\"{CLUSTER_TEXT}\" \
         POINT-SIZE=\"11\">Key</FONT></TD></TR>"
    );
    for row in 0..rows {
        out.push_str("<TR>");
        for column in 0..columns {
            match entries.get(column * rows + row) {
                Some((sample, lines)) => {
                    out.push_str(&sample_cell(*sample));
                    out.push_str("<TD ALIGN=\"LEFT\" BALIGN=\"LEFT\">");
                    out.push_str(&text_lines(lines.iter().map(String::as_str)));
                    out.push_str("</TD>");
                }
                None => out.push_str("<TD></TD><TD></TD>"),
            }
        }
        out.push_str("</TR>");
    }
    // Findings read across the whole key, wrapped to about its width.
    let width = 34 * columns;
    for (i, note) in notes.iter().enumerate() {
        let lines = wrap(&note.join(" "), width);
        let row = format!(
            "<TR><TD COLSPAN=\"{span}\" ALIGN=\"LEFT\" BALIGN=\"LEFT\">{}</TD></TR>",
            text_lines(lines.iter().map(String::as_str))
        );
        // Room for the closing tags and a last row saying what was left out.
        if out.len() + row.len() + 200 > MAX_QUOTED {
            let _ = write!(
                out,
                "<TR><TD COLSPAN=\"{span}\" ALIGN=\"LEFT\">… and {} more</TD></TR>",
                notes.len() - i
            );
            break;
        }
        out.push_str(&row);
    }
    out.push_str("</TABLE>>");
    out
}

/// Lines of text for an HTML-like label: each escaped as XML (so that no
/// text can open a tag), joined by `<BR/>`.
fn text_lines<'a>(lines: impl Iterator<Item = &'a str>) -> String {
    let escaped: Vec<String> = lines.map(|line| escape(&cut(line))).collect();
    escaped.join("<BR/>")
}

/// A line of the key is never longer than 500 characters: the key must
/// stay within what Graphviz reads as one label.
fn cut(line: &str) -> String {
    const MOST: usize = 500;
    if line.chars().count() <= MOST {
        line.to_string()
    } else {
        line.chars().take(MOST).chain(['…']).collect()
    }
}

/// The cell that shows a sample.
fn sample_cell(sample: Sample) -> String {
    match sample {
        Sample::Outline(look) | Sample::Shape(look) => shape_cell(look),
        Sample::Edge(look) => line_cell(look),
        Sample::Note => "<TD></TD>".to_string(),
    }
}

fn shape_cell(look: NodeLook) -> String {
    let border = if look.pen_width() > 1.0 { 2 } else { 1 };
    let (line, fill) = (look.line_color(), look.fill_color());
    let cell = |style: &str, height: u32, extra: &str| {
        format!(
            "<TD BORDER=\"{border}\" COLOR=\"{line}\" BGCOLOR=\"{fill}\"{style} WIDTH=\"26\" \
             HEIGHT=\"{height}\" FIXEDSIZE=\"TRUE\"{extra}></TD>"
        )
    };
    let dashed = if look.dashed() {
        " STYLE=\"dashed\""
    } else {
        ""
    };
    let symbol =
        |symbol: &str| format!("<TD><FONT COLOR=\"{line}\" POINT-SIZE=\"12\">{symbol}</FONT></TD>");
    match look.shape {
        Shape::Rectangle => cell(dashed, 12, ""),
        Shape::Rounded => cell(" STYLE=\"rounded\"", 12, ""),
        // A pill, rounder than a group's box.
        Shape::Ellipse => cell(" STYLE=\"rounded\"", 8, ""),
        Shape::Underline => cell("", 12, " SIDES=\"B\""),
        Shape::Hexagon => symbol("⬡"),
        Shape::Box3d => symbol("❒"),
        Shape::Note => symbol("◳"),
        Shape::Octagon => symbol("◯"),
    }
}

/// A relation's sample: three strokes of its pattern and its arrowhead,
/// in its colour, bold where the line is heavy.
fn line_cell(look: EdgeLook) -> String {
    let stroke = match look.line() {
        Line::Solid => "───",
        Line::Dashed => "╌╌╌",
        Line::Dotted => "┈┈┈",
    };
    let head = match look.arrow() {
        Arrow::Normal => "▶",
        Arrow::Empty => "▷",
        Arrow::Diamond => "◆",
        Arrow::Vee => "➤",
        Arrow::Dot => "●",
        Arrow::None => "",
    };
    let text = format!("{stroke}{head}");
    let text = if look.pen_width() > 2.0 {
        format!("<B>{text}</B>")
    } else {
        text
    };
    format!("<TD><FONT COLOR=\"{}\">{text}</FONT></TD>", look.color())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quote_escapes_what_graphviz_would_read_as_syntax_or_escapes() {
        assert_eq!(quote(r#"say "hi""#), r#""say \"hi\"""#);
        assert_eq!(quote(r"C:\path\N"), r#""C:\\path\\N""#);
        assert_eq!(quote("a\r\nb"), r#""a\nb""#);
        assert_eq!(
            quote("Performance & Commissioning"),
            r#""Performance &amp; Commissioning""#
        );
        assert_eq!(quote("ends with \\"), r#""ends with \\""#);
    }

    #[test]
    fn quote_replaces_characters_xml_cannot_hold() {
        assert_eq!(
            quote("a\u{fffe}b\u{ffff}\u{7}"),
            "\"a\u{fffd}b\u{fffd}\u{fffd}\""
        );
    }

    #[test]
    fn quote_cuts_text_graphviz_could_not_read() {
        // Each `&` is five bytes escaped: 20,000 of them would be 100,000.
        let quoted = quote(&"&".repeat(20_000));
        assert!(quoted.len() <= MAX_QUOTED + 2, "{}", quoted.len());
        assert!(
            quoted.ends_with("&amp;…\""),
            "{}",
            &quoted[quoted.len() - 20..]
        );
        let quoted = quote(&"é".repeat(10_000));
        assert!(quoted.len() <= MAX_QUOTED + 2, "{}", quoted.len());
        assert!(quoted.ends_with("é…\""));
        // Short text is never cut.
        assert_eq!(quote("a b"), r#""a b""#);
    }

    #[test]
    fn key_text_cannot_open_a_tag() {
        assert_eq!(
            text_lines(["<B>x</B> & \"y\"", "<BR/>"].into_iter()),
            "&lt;B&gt;x&lt;/B&gt; &amp; &quot;y&quot;<BR/>&lt;BR/&gt;"
        );
    }

    #[test]
    fn points_drops_trailing_zeros() {
        assert_eq!(points(1.0), "1");
        assert_eq!(points(2.5), "2.5");
        assert_eq!(points(1.25), "1.25");
    }
}
