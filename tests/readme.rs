//! The README stays true: the report lines it quotes are what the solihull
//! example prints, and the picture it shows is the drawing of the bundled
//! dataset.

mod example_support;

use std::collections::BTreeSet;

fn quoted_report() -> Vec<&'static str> {
    let readme = include_str!("../README.md");
    let section = &readme[readme
        .find("## What it finds in Solihull")
        .expect("the section is there")..];
    let start = section.find("```text\n").expect("a quoted report") + "```text\n".len();
    let end = start + section[start..].find("```").unwrap();
    section[start..end].lines().collect()
}

#[test]
fn every_report_line_the_readme_quotes_is_printed_by_the_solihull_example() {
    let dir = example_support::scratch("readme");
    let out = dir.join("solihull.svg");
    let output = example_support::run("solihull", &["--out", out.to_str().unwrap()]);
    assert!(
        output.status.success(),
        "{}",
        example_support::stderr(&output)
    );
    let printed = example_support::stdout(&output);
    let printed: Vec<&str> = printed.lines().collect();
    let quoted = quoted_report();
    assert!(quoted.len() > 5);
    for line in quoted {
        assert!(
            printed.contains(&line),
            "the README quotes a line the report does not print:\n{line}"
        );
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_readme_picture_draws_every_node_the_dataset_draws_now() {
    // docs/solihull.svg is drawn by `dot`, which copies each node's id into
    // a <title>. Its nodes must be exactly those of the DOT the dataset gives
    // today, so the picture cannot fall behind the data. (Layout details may
    // differ between Graphviz versions, so the bytes are not compared.)
    let picture = include_str!("../docs/solihull.svg");
    let in_picture: BTreeSet<&str> = picture
        .split("<title>")
        .skip(1)
        .filter_map(|rest| rest.split("</title>").next())
        .filter(|title| title.starts_with("n_") && !title.contains("&#45;&gt;"))
        .collect();
    let dot = govgraph::datasets::solihull_2011().to_dot(&govgraph::DrawOptions::new());
    let in_dot: BTreeSet<&str> = dot
        .lines()
        .filter_map(|line| line.trim_start().split_once('[').map(|(id, _)| id.trim()))
        .filter(|id| id.starts_with("n_") && !id.contains("->"))
        .collect();
    assert!(in_dot.len() > 50, "{in_dot:?}");
    assert_eq!(
        in_picture, in_dot,
        "regenerate with: cargo run --example solihull -- --out docs/solihull.svg"
    );
}
