//! The DOT govgraph writes parses back with graphviz-rust's parser, every
//! label reads back as the name it was made from, node ids are safe
//! generated keys, and no name adds an attribute or a statement.

mod render_support;

use std::collections::BTreeMap;

use govgraph::{DrawOptions, Overlay, RankDir};
use graphviz_rust::dot_structures::{Attribute, Graph, Id, Stmt};
use render_support::{HOSTILE, hostile_structure};

/// Every node statement in a graph, subgraphs included: id and attributes.
fn nodes(stmts: &[Stmt], out: &mut Vec<(String, Vec<Attribute>)>) {
    for stmt in stmts {
        match stmt {
            Stmt::Node(node) => out.push((id_text(&node.id.0), node.attributes.clone())),
            Stmt::Subgraph(sub) => nodes(&sub.stmts, out),
            _ => {}
        }
    }
}

fn id_text(id: &Id) -> String {
    match id {
        Id::Html(s) | Id::Escaped(s) | Id::Plain(s) | Id::Anonymous(s) => s.clone(),
    }
}

/// Reads a quoted DOT string back as Graphviz would show it, following
/// the DOT language's rules for escString: `\\` is a backslash, `\"` a
/// quote, `\n` a line break, and `&amp;` an ampersand (Graphviz decodes
/// entities).
fn unquote(quoted: &str) -> String {
    let inner = quoted
        .strip_prefix('"')
        .and_then(|s| s.strip_suffix('"'))
        .unwrap_or_else(|| panic!("not quoted: {quoted}"));
    let mut out = String::new();
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('\\') => out.push('\\'),
                Some('"') => out.push('"'),
                Some('n') => out.push('\n'),
                other => panic!("unexpected escape \\{other:?} in {quoted}"),
            }
        } else {
            out.push(c);
        }
    }
    out.replace("&amp;", "&")
}

fn parse(dot: &str) -> Vec<(String, Vec<Attribute>)> {
    let graph = graphviz_rust::parse(dot).unwrap_or_else(|e| panic!("{e}\n{dot}"));
    let Graph::DiGraph { stmts, .. } = graph else {
        panic!("not a digraph")
    };
    let mut out = Vec::new();
    nodes(&stmts, &mut out);
    out
}

#[test]
fn hostile_labels_read_back_as_written_and_ids_are_safe() {
    let structure = hostile_structure();
    // Without wrapping, a label is exactly the name.
    let dot = structure.to_dot(&DrawOptions::new().wrap(0).legend(false));
    let parsed = parse(&dot);

    let mut labels: BTreeMap<String, String> = BTreeMap::new();
    for (id, attributes) in &parsed {
        assert!(
            id.starts_with(|c: char| c.is_ascii_alphabetic())
                && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'),
            "unsafe node id {id:?}"
        );
        let keywords = ["node", "edge", "graph", "digraph", "subgraph", "strict"];
        assert!(!keywords.contains(&id.to_ascii_lowercase().as_str()));
        for Attribute(key, _) in attributes {
            let key = id_text(key);
            assert!(
                [
                    "label",
                    "shape",
                    "style",
                    "color",
                    "fillcolor",
                    "fontcolor",
                    "penwidth"
                ]
                .contains(&key.as_str()),
                "node {id} has an attribute govgraph never writes: {key}"
            );
        }
        let shape = attributes
            .iter()
            .find(|a| id_text(&a.0) == "shape")
            .map(|a| unquote(&id_text(&a.1)));
        assert_ne!(shape.as_deref(), Some("star"), "a name set a shape");
        let label = attributes
            .iter()
            .find(|a| id_text(&a.0) == "label")
            .unwrap_or_else(|| panic!("node {id} has no label"));
        assert!(
            labels
                .insert(id.clone(), unquote(&id_text(&label.1)))
                .is_none(),
            "node {id} declared twice"
        );
    }

    let mut expected: Vec<String> = HOSTILE.iter().map(|(_, name)| name.to_string()).collect();
    expected.push("Director of \"Children's\" Services & <Co>".to_string());
    expected.sort();
    let mut found: Vec<String> = labels.into_values().collect();
    found.sort();
    assert_eq!(found, expected);
}

#[test]
fn ids_that_sanitise_alike_get_distinct_keys_in_sorted_id_order() {
    let structure = hostile_structure();
    let dot = structure.to_dot(&DrawOptions::new().wrap(0).legend(false));
    let keys: BTreeMap<String, String> = parse(&dot)
        .into_iter()
        .map(|(id, attributes)| {
            let label = attributes
                .iter()
                .find(|a| id_text(&a.0) == "label")
                .unwrap();
            (unquote(&id_text(&label.1)), id)
        })
        .collect();
    // Sorted by id, "a-b" < "a.b" < "a_b" < "a_b_2" (by byte); all four
    // sanitise to "a_b" or "a_b_2", so the later ones take the first free
    // suffix.
    let key = |id: &str| {
        let name = HOSTILE.iter().find(|(i, _)| *i == id).unwrap().1;
        keys[name].clone()
    };
    assert_eq!(key("a-b"), "n_a_b");
    assert_eq!(key("a.b"), "n_a_b_2");
    assert_eq!(key("a_b"), "n_a_b_3");
    assert_eq!(key("a_b_2"), "n_a_b_2_2");
    assert_eq!(key("node"), "n_node");
    assert_eq!(key("2024_board"), "n_2024_board");
    assert_eq!(key("&copy;"), "n__copy_");
}

#[test]
fn every_option_and_overlay_still_parses() {
    let structure = hostile_structure();
    let overlay = Overlay::new()
        .mark("node", r#"orphan "really" \N"#)
        .duplicate("graph", "edge")
        .highlight_cycle(["strict", "subgraph"], "cycle & <loop>");
    for rankdir in [RankDir::TopToBottom, RankDir::LeftToRight] {
        let options = DrawOptions::new()
            .rankdir(rankdir)
            .title(r#"A "title" \ with & more"#)
            .overlay(overlay.clone());
        let parsed = parse(&structure.to_dot(&options));
        let legend: Vec<&String> = parsed
            .iter()
            .map(|(id, _)| id)
            .filter(|id| id.starts_with("key_"))
            .collect();
        assert!(!legend.is_empty(), "no legend with {rankdir:?}");
    }
}
