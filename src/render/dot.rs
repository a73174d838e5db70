//! The scene as Graphviz DOT, built with graphviz-rust's graph model and
//! printed by its printer.
//!
//! graphviz-rust prints ids and attribute values exactly as given, so every
//! value is quoted and escaped here ([`quote`]), and every node id is a
//! generated key of the form `[A-Za-z][A-Za-z0-9_]*`.

use graphviz_rust::dot_structures::{
    Attribute, Edge, EdgeTy, Graph, GraphAttributes, Id as DotId, Node, NodeId, Stmt, Subgraph,
    Vertex,
};
use graphviz_rust::printer::{DotPrinter, PrinterContext};

use crate::render::RankDir;
use crate::render::scene::Scene;
use crate::render::style::{
    Arrow, CLUSTER_LINE, CLUSTER_TEXT, EdgeLook, FONT, NodeLook, Sample, Shape,
};

/// Prints the scene as DOT, ending with a newline.
pub(crate) fn to_dot(scene: &Scene) -> String {
    let mut out = graph(scene).print(&mut PrinterContext::default());
    out.push('\n');
    out
}

/// The most bytes govgraph writes inside one quoted DOT string. Graphviz
/// 2.43 rejects a quoted string of 16,383 bytes or more ("longer than
/// 16384?"); loading keeps names far below this (see `load::limits`), so
/// only text given in code (a long title or overlay reason) is ever cut.
const MAX_QUOTED: usize = 16_000;

/// Quotes a text value for DOT: `\` → `\\`, `"` → `\"`, line break → `\n`,
/// `\r` dropped, and `&` → `&amp;` because Graphviz decodes HTML entities in
/// labels. With every backslash doubled, Graphviz's own escapes (`\N`,
/// `\G`, `\l`) cannot be written by a name. A character XML 1.0 cannot
/// hold becomes U+FFFD, because Graphviz copies labels into its SVG as they
/// are; text that would pass [`MAX_QUOTED`] bytes is cut, ending in "…".
pub(crate) fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    escape_into(&mut out, text, 1);
    out.push('"');
    out
}

/// Quotes lines to be drawn flush left: each is escaped as by [`quote`] and
/// ended with Graphviz's `\l`.
fn quote_left(lines: &[String]) -> String {
    let mut out = String::from("\"");
    for line in lines {
        if !escape_into(&mut out, line, 1) {
            break;
        }
        out.push_str("\\l");
    }
    out.push('"');
    out
}

/// Escapes `text` onto `out`, whose quoted string began at byte `start`.
/// False if the text was cut to keep the string within [`MAX_QUOTED`].
fn escape_into(out: &mut String, text: &str, start: usize) -> bool {
    const CUT: &str = "…";
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
        // Room is kept for the cut mark and a closing `\l`.
        if out.len() - start + escaped.len() + CUT.len() + 2 > MAX_QUOTED {
            out.push_str(CUT);
            return false;
        }
        out.push_str(escaped);
    }
    true
}

fn attr(name: &str, value: &str) -> Attribute {
    Attribute(DotId::Plain(name.to_string()), DotId::Escaped(quote(value)))
}

fn plain(id: &str) -> DotId {
    DotId::Plain(id.to_string())
}

fn node(key: &str, attributes: Vec<Attribute>) -> Stmt {
    Stmt::Node(Node::new(NodeId(plain(key), None), attributes))
}

fn edge(tail: &str, head: &str, attributes: Vec<Attribute>) -> Stmt {
    Stmt::Edge(Edge {
        ty: EdgeTy::Pair(
            Vertex::N(NodeId(plain(tail), None)),
            Vertex::N(NodeId(plain(head), None)),
        ),
        attributes,
    })
}

fn subgraph(id: &str, stmts: Vec<Stmt>) -> Stmt {
    Stmt::Subgraph(Subgraph {
        id: plain(id),
        stmts,
    })
}

/// Prints a width in points without trailing zeros ("1", "2.5").
fn points(width: f64) -> String {
    let text = format!("{width:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

fn graph(scene: &Scene) -> Graph {
    let mut stmts = Vec::new();
    let mut graph_attrs = vec![
        attr(
            "rankdir",
            match scene.rankdir {
                RankDir::TopToBottom => "TB",
                RankDir::LeftToRight => "LR",
            },
        ),
        attr("fontname", FONT),
        attr("fontsize", "18"),
        attr("nodesep", "0.25"),
        attr("ranksep", "0.5"),
        attr("newrank", "true"),
    ];
    if let Some(title) = &scene.title {
        graph_attrs.push(attr("label", title));
        graph_attrs.push(attr("labelloc", "t"));
        graph_attrs.push(attr("labeljust", "l"));
    }
    stmts.push(Stmt::GAttribute(GraphAttributes::Graph(graph_attrs)));
    stmts.push(Stmt::GAttribute(GraphAttributes::Node(vec![
        attr("fontname", FONT),
        attr("fontsize", "11"),
        attr("margin", "0.12,0.05"),
    ])));
    stmts.push(Stmt::GAttribute(GraphAttributes::Edge(vec![
        attr("fontname", FONT),
        attr("fontsize", "10"),
        attr("arrowsize", "0.8"),
    ])));

    for (i, cluster) in scene.clusters.iter().enumerate() {
        let mut inner = vec![Stmt::GAttribute(GraphAttributes::Graph(vec![
            attr("label", &cluster.label),
            attr("style", "rounded"),
            attr("color", CLUSTER_LINE),
            attr("fontcolor", CLUSTER_TEXT),
            attr("fontsize", "13"),
            attr("labeljust", "l"),
            attr("margin", "12"),
        ]))];
        for &n in &cluster.nodes {
            let node_ = &scene.nodes[n];
            inner.push(node(
                &node_.key,
                node_attrs(node_.look, &node_.lines.join("\n")),
            ));
        }
        stmts.push(subgraph(&format!("cluster_{i}"), inner));
    }
    for node_ in scene.nodes.iter().filter(|n| n.cluster.is_none()) {
        stmts.push(node(
            &node_.key,
            node_attrs(node_.look, &node_.lines.join("\n")),
        ));
    }
    for e in &scene.edges {
        stmts.push(edge(
            &scene.nodes[e.tail].key,
            &scene.nodes[e.head].key,
            edge_attrs(e.look, e.back),
        ));
    }
    if !scene.legend.is_empty() {
        stmts.push(legend(scene));
    }
    Graph::DiGraph {
        id: plain("govgraph"),
        strict: false,
        stmts,
    }
}

fn node_attrs(look: NodeLook, label: &str) -> Vec<Attribute> {
    let mut style = vec!["filled"];
    if look.shape == Shape::Rounded {
        style.push("rounded");
    }
    if look.dashed() {
        style.push("dashed");
    }
    let mut attrs = vec![
        attr("label", label),
        attr("shape", look.shape.dot_name()),
        attr("style", &style.join(",")),
        attr("color", look.line_color()),
        attr("fillcolor", look.fill_color()),
        attr("fontcolor", look.text_color()),
    ];
    if look.pen_width() != 1.0 {
        attrs.push(attr("penwidth", &points(look.pen_width())));
    }
    attrs
}

fn edge_attrs(look: EdgeLook, back: bool) -> Vec<Attribute> {
    let mut attrs = vec![
        attr("color", look.color()),
        attr("style", look.line().dot_name()),
        attr("penwidth", &points(look.pen_width())),
    ];
    match (look.arrow(), back) {
        (Arrow::None, _) => attrs.push(attr("dir", "none")),
        (arrow, true) => {
            attrs.push(attr("dir", "back"));
            attrs.push(attr("arrowtail", arrow.dot_name()));
        }
        (arrow, false) => attrs.push(attr("arrowhead", arrow.dot_name())),
    }
    if look.arrow() == Arrow::None {
        // A duplicate line joins two bodies that may sit anywhere: it must
        // not pull them together. (Without a rank constraint, `dot` routes
        // such a line in long loops around the clusters.)
        attrs.push(attr("weight", "0"));
    }
    if look.intended {
        // What is only intended must not rearrange what is in force: the
        // line is drawn, but `dot` ranks the structure without it.
        attrs.push(attr("constraint", "false"));
    }
    attrs
}

/// The legend as a cluster of real samples, so that every mark looks
/// exactly as it does in the drawing, in up to three columns side by side:
/// outlines (status, statutory, flagged) and shapes as sample nodes with
/// their text inside, and relations as a short line ending in its text.
///
/// Top to bottom, each row is a rank (`rank=same` holds a row together);
/// left to right, a rank is a column, so each column is one `rank=same`
/// group and a relation sample spans two ranks. Invisible edges keep the
/// order.
fn legend(scene: &Scene) -> Stmt {
    let mut stmts = vec![
        Stmt::GAttribute(GraphAttributes::Graph(vec![
            attr("label", "Key"),
            attr("style", "rounded"),
            attr("color", CLUSTER_LINE),
            attr("fontcolor", CLUSTER_TEXT),
            attr("fontsize", "13"),
            attr("labeljust", "l"),
            attr("margin", "10"),
        ])),
        // Small samples, tight margins: the key explains, it must not
        // dominate the picture.
        Stmt::GAttribute(GraphAttributes::Node(vec![
            attr("fontsize", "9"),
            attr("margin", "0.06,0.02"),
        ])),
        Stmt::GAttribute(GraphAttributes::Graph(vec![attr("nodesep", "0.08")])),
    ];
    let mut outlines = Vec::new();
    let mut shapes = Vec::new();
    let mut lines = Vec::new();
    let mut notes = Vec::new();
    for entry in &scene.legend {
        match entry.sample {
            Sample::Outline(look) => outlines.push((look, &entry.lines)),
            Sample::Shape(look) => shapes.push((look, &entry.lines)),
            Sample::Edge(look) => lines.push((look, &entry.lines)),
            Sample::Note => notes.push(&entry.lines),
        }
    }

    // Each column is a list of row keys; a relation sample also has the
    // key of its text, which sits beside it.
    let mut columns: Vec<Vec<String>> = Vec::new();
    for (name, samples) in [("outline", &outlines), ("shape", &shapes)] {
        if samples.is_empty() {
            continue;
        }
        // Equal widths line the column up.
        let width = widest(samples.iter().map(|(_, text)| *text));
        let mut keys = Vec::new();
        for (i, (look, text)) in samples.iter().enumerate() {
            let key = format!("key_{name}_{i}");
            let mut attrs = node_attrs(*look, &text.join("\n"));
            attrs.push(attr("width", &width));
            attrs.push(attr("height", "0.22"));
            stmts.push(node(&key, attrs));
            keys.push(key);
        }
        columns.push(keys);
    }
    let mut texts = Vec::new();
    if !lines.is_empty() {
        let width = widest(lines.iter().map(|(_, text)| *text));
        let mut keys = Vec::new();
        for (i, (look, text)) in lines.iter().enumerate() {
            let start = format!("key_line_{i}");
            let end = format!("key_line_{i}_text");
            stmts.push(node(
                &start,
                vec![attr("shape", "point"), attr("style", "invis")],
            ));
            stmts.push(node(
                &end,
                vec![
                    Attribute(plain("label"), DotId::Escaped(quote_left(text))),
                    attr("shape", "plaintext"),
                    attr("width", &width),
                    attr("height", "0.22"),
                ],
            ));
            let mut attrs = edge_attrs(*look, false);
            attrs.retain(|a| a.0 != plain("weight"));
            if scene.rankdir == RankDir::TopToBottom {
                // On a flat edge, minlen is the gap in node separations.
                attrs.push(attr("minlen", "3"));
            }
            stmts.push(edge(&start, &end, attrs));
            keys.push(start);
            texts.push(end);
        }
        columns.push(keys);
    }
    // Findings, listed by number, flush left in a column of their own.
    if !notes.is_empty() {
        let width = widest(notes.iter().copied());
        let mut keys = Vec::new();
        for (i, text) in notes.iter().enumerate() {
            let key = format!("key_note_{i}");
            stmts.push(node(
                &key,
                vec![
                    Attribute(plain("label"), DotId::Escaped(quote_left(text))),
                    attr("shape", "plaintext"),
                    attr("width", &width),
                    attr("height", "0.22"),
                ],
            ));
            keys.push(key);
        }
        columns.push(keys);
    }

    for column in &columns {
        for pair in column.windows(2) {
            // Within one rank, left to right, `dot` stacks an edge's head
            // above its tail.
            let (upper, lower) = (&pair[0], &pair[1]);
            let (tail, head) = match scene.rankdir {
                RankDir::TopToBottom => (upper, lower),
                RankDir::LeftToRight => (lower, upper),
            };
            stmts.push(edge(tail, head, vec![attr("style", "invis")]));
        }
    }
    // Each column's first sample left of the next column's; a column after
    // the relations goes right of their texts, which sit a rank beyond.
    for (i, pair) in columns.windows(2).enumerate() {
        let lines_column = !texts.is_empty() && i + 2 == columns.len() && !notes.is_empty();
        let tail = if lines_column { &texts[0] } else { &pair[0][0] };
        stmts.push(edge(tail, &pair[1][0], vec![attr("style", "invis")]));
    }
    let mut same_rank = |name: String, keys: Vec<&String>| {
        let mut inner = vec![Stmt::Attribute(attr("rank", "same"))];
        inner.extend(keys.into_iter().map(|k| node(k, vec![])));
        stmts.push(subgraph(&name, inner));
    };
    match scene.rankdir {
        RankDir::TopToBottom => {
            let rows = columns.iter().map(Vec::len).max().unwrap_or(0);
            for row in 0..rows {
                let mut keys: Vec<&String> = columns.iter().filter_map(|c| c.get(row)).collect();
                keys.extend(texts.get(row));
                same_rank(format!("key_row_{row}"), keys);
            }
        }
        RankDir::LeftToRight => {
            for (i, column) in columns.iter().enumerate() {
                same_rank(format!("key_column_{i}"), column.iter().collect());
            }
            if !texts.is_empty() {
                same_rank("key_column_texts".to_string(), texts.iter().collect());
            }
        }
    }
    subgraph("cluster_key", stmts)
}

/// The width, in inches, a legend column needs for these texts at 9
/// points: about 0.068 inch a character, plus margins.
fn widest<'a>(texts: impl Iterator<Item = &'a Vec<String>>) -> String {
    let chars = texts
        .flatten()
        .map(|line| line.chars().count())
        .max()
        .unwrap_or(0);
    points(chars as f64 * 0.068 + 0.2)
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
        let lines = vec!["é".repeat(10_000); 3];
        let left = quote_left(&lines);
        assert!(left.len() <= MAX_QUOTED + 2, "{}", left.len());
        assert!(left.ends_with("é…\""));
        // Short text is never cut.
        assert_eq!(
            quote_left(&["a".to_string(), "b".to_string()]),
            r#""a\lb\l""#
        );
    }

    #[test]
    fn points_drops_trailing_zeros() {
        assert_eq!(points(1.0), "1");
        assert_eq!(points(2.5), "2.5");
        assert_eq!(points(1.25), "1.25");
    }
}
