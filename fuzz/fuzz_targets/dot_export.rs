//! Whatever loads, from TOML or from JSON (text that starts with `{`), can
//! be analysed, and its drawing, with the report's findings over it, is DOT
//! that parses back with one node statement for every body and for every
//! member a relation touches. Run with
//! `RUSTC_BOOTSTRAP=1 cargo fuzz run dot_export fuzz/corpus/dot_export fuzz/seeds data -- -dict=fuzz/structure.dict`.
#![no_main]

use std::collections::BTreeSet;

use govgraph::{DrawOptions, Overlay, Structure};
use graphviz_rust::dot_structures::{Graph, Id, Stmt};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let loaded = if text.trim_start().starts_with('{') {
        Structure::from_json_str(text)
    } else {
        Structure::from_toml_str(text)
    };
    let Ok(structure) = loaded else { return };

    let report = structure.report();
    assert!(!report.to_string().is_empty());
    let dot = structure.to_dot(&DrawOptions::new().overlay(Overlay::from(&report)));
    let graph = graphviz_rust::parse(&dot)
        .unwrap_or_else(|e| panic!("the DOT does not parse back: {e}\n{dot}"));
    let Graph::DiGraph { stmts, .. } = graph else {
        panic!("the DOT is not a digraph:\n{dot}")
    };

    // Drawn nodes have keys starting `n_`; the legend's start `key_`.
    let mut keys = Vec::new();
    collect_node_keys(&stmts, &mut keys);
    keys.retain(|key| key.starts_with("n_"));
    let distinct: BTreeSet<&String> = keys.iter().collect();
    assert_eq!(
        distinct.len(),
        keys.len(),
        "a node is declared twice:\n{dot}"
    );
    let drawn: BTreeSet<&str> = structure
        .bodies()
        .map(|b| b.id.as_str())
        .chain(
            structure
                .relations()
                .iter()
                .flat_map(|r| [r.from.as_str(), r.to.as_str()]),
        )
        .collect();
    assert_eq!(keys.len(), drawn.len(), "nodes and ids differ:\n{dot}");
});

/// The key of every node statement, in subgraphs too.
fn collect_node_keys(stmts: &[Stmt], keys: &mut Vec<String>) {
    for stmt in stmts {
        match stmt {
            Stmt::Node(node) => {
                if let Id::Plain(key) = &node.id.0 {
                    keys.push(key.clone());
                }
            }
            Stmt::Subgraph(subgraph) => collect_node_keys(&subgraph.stmts, keys),
            _ => {}
        }
    }
}
