//! Shared by the render_* tests: a structure full of hostile names and ids,
//! a check for the `dot` program, and readers for the SVG both backends
//! write.
#![allow(dead_code)]

use std::io::Write;
use std::process::{Command, Stdio};

use govgraph::{BodyKind, BodySpec, MemberKind, MemberSpec, Structure};

/// Ids and names chosen to break a careless DOT writer: DOT keywords as
/// ids (in two cases), ids that start with a digit, ids that come out alike
/// once non-alphanumerics are replaced, an id that is an HTML entity, and
/// names holding quotes, backslashes, Graphviz escapes, entities, line
/// breaks, markup, attribute injections and unicode.
pub const HOSTILE: &[(&str, &str)] = &[
    ("node", r#"Children's Trust "Board""#),
    ("graph", r"C:\path\to\board"),
    ("edge", r"Ends with a backslash \"),
    ("strict", r"\N \G \E \T \H \L \l \n are not escapes"),
    ("subgraph", "Performance &amp; Commissioning & Co"),
    ("digraph", "Line one\nLine two"),
    ("Node", "<script>alert('x')</script>"),
    ("2024_board", "2024 Board"),
    ("a-b", "Zürich Ünïcödé — 児童 🚸"),
    ("a.b", r#"]; injected [label="pwned""#),
    ("a_b", r#"x" shape="star"#),
    ("a_b_2", "<b>bold</b> {record|field} 100%"),
    ("&copy;", "&copy; &#39; &lt;"),
    ("über", "9 lives"),
];

/// A structure with every hostile body, a post with a hostile name, and a
/// relation between each consecutive pair, so that edges join the hostile
/// ids too.
pub fn hostile_structure() -> Structure {
    let mut builder = Structure::builder().member(MemberSpec::new(
        "post",
        "Director of \"Children's\" Services & <Co>",
        MemberKind::Post,
    ));
    for (i, (id, name)) in HOSTILE.iter().enumerate() {
        let mut body = BodySpec::new(*id, *name, BodyKind::Group);
        if i + 1 < HOSTILE.len() {
            body = body.reports_to(HOSTILE[i + 1].0);
        } else {
            body = body.reports_to("post");
        }
        builder = builder.body(body);
    }
    builder.build().expect("the hostile structure is valid")
}

/// Every name in [`hostile_structure`], bodies and the post.
pub fn hostile_names() -> Vec<String> {
    let mut names: Vec<String> = HOSTILE.iter().map(|(_, name)| name.to_string()).collect();
    names.push("Director of \"Children's\" Services & <Co>".to_string());
    names.sort();
    names
}

/// Whether the Graphviz `dot` program runs. When it does not, the caller
/// prints why it skips and passes, unless `GOVGRAPH_REQUIRE_DOT` is set (as
/// CI sets it after installing Graphviz), when a missing `dot` fails the test
/// instead of letting it pass unseen.
pub fn dot_available(test: &str) -> bool {
    let ran = Command::new("dot")
        .arg("-V")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !ran && std::env::var_os("GOVGRAPH_REQUIRE_DOT").is_some() {
        panic!("{test}: GOVGRAPH_REQUIRE_DOT is set but the Graphviz `dot` program does not run");
    }
    if !ran {
        // Written to the process's standard error directly: the test
        // harness captures `eprintln!` of passing tests, and a skip must be
        // seen.
        let _ = writeln!(
            std::io::stderr(),
            "SKIPPED {test}: the Graphviz `dot` program is not installed; \
             install Graphviz to run this test"
        );
    }
    ran
}

/// Parses SVG as XML, allowing the DOCTYPE `dot` writes.
pub fn parse_svg(svg: &str) -> roxmltree::Document<'_> {
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..roxmltree::ParsingOptions::default()
    };
    roxmltree::Document::parse_with_options(svg, options)
        .unwrap_or_else(|e| panic!("the SVG is not well-formed XML: {e}\n{svg}"))
}

/// The `<title>` and the lines of text of every `<g class="node">`, as both
/// backends write them.
pub fn svg_nodes(document: &roxmltree::Document<'_>) -> Vec<(String, Vec<String>)> {
    document
        .descendants()
        .filter(|n| n.has_tag_name("g") && n.attribute("class") == Some("node"))
        .map(|g| {
            let title = g
                .children()
                .find(|c| c.has_tag_name("title"))
                .and_then(|t| t.text())
                .unwrap_or_default()
                .to_string();
            let lines = g
                .descendants()
                .filter(|c| c.has_tag_name("text"))
                .map(|t| t.text().unwrap_or_default().to_string())
                .collect();
            (title, lines)
        })
        .collect()
}

/// Every text in the document, in order.
pub fn svg_texts(document: &roxmltree::Document<'_>) -> Vec<String> {
    document
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|t| t.text().unwrap_or_default().to_string())
        .collect()
}

/// The labels of the drawing's nodes (legend samples, whose titles start
/// with `key_` or which have none, left out), each line joined by a space,
/// sorted.
pub fn drawn_labels(document: &roxmltree::Document<'_>) -> Vec<String> {
    let mut labels: Vec<String> = svg_nodes(document)
        .into_iter()
        .filter(|(title, _)| title.starts_with("n_"))
        .map(|(_, lines)| lines.join(" "))
        .collect();
    labels.sort();
    labels
}

/// The element names in the document.
pub fn element_names(document: &roxmltree::Document<'_>) -> Vec<String> {
    document
        .descendants()
        .filter(|n| n.is_element())
        .map(|n| n.tag_name().name().to_string())
        .collect()
}

/// The text of every legend entry (groups titled `key_...`), lines joined
/// by a space, in order. The embedded renderer titles each entry this way;
/// `dot`'s key is one node, `key_table`, a table whose heading is "Key",
/// whose samples are drawn without letters or digits, and whose entries are
/// runs of lines at one `x`, each line below the last by at most a line's
/// height.
pub fn legend_texts(document: &roxmltree::Document<'_>) -> Vec<String> {
    let mut entries = Vec::new();
    let groups = document.descendants().filter(|n| {
        n.has_tag_name("g") && matches!(n.attribute("class"), Some("node") | Some("edge"))
    });
    for g in groups {
        let Some(title) = g
            .children()
            .find(|c| c.has_tag_name("title"))
            .and_then(|t| t.text())
        else {
            continue;
        };
        if !title.starts_with("key_") {
            continue;
        }
        let texts = g.descendants().filter(|c| c.has_tag_name("text"));
        if title != "key_table" {
            let lines: Vec<&str> = texts.map(|t| t.text().unwrap_or_default()).collect();
            if !lines.is_empty() {
                entries.push(lines.join(" "));
            }
            continue;
        }
        let number = |t: roxmltree::Node<'_, '_>, name: &str| -> f64 {
            t.attribute(name)
                .and_then(|v| v.parse().ok())
                .unwrap_or(0.0)
        };
        // (x, y of the last line, size, text) of the entry being read.
        let mut current: Option<(f64, f64, f64, String)> = None;
        for t in texts {
            let text = t.text().unwrap_or_default();
            if text == "Key" || !text.chars().any(char::is_alphanumeric) {
                continue;
            }
            let (x, y, size) = (number(t, "x"), number(t, "y"), number(t, "font-size"));
            match &mut current {
                Some((cx, cy, csize, entry)) if *cx == x && y > *cy && y - *cy <= *csize * 1.3 => {
                    entry.push(' ');
                    entry.push_str(text);
                    *cy = y;
                }
                _ => {
                    if let Some((.., entry)) = current.take() {
                        entries.push(entry);
                    }
                    current = Some((x, y, size, text.to_string()));
                }
            }
        }
        if let Some((.., entry)) = current {
            entries.push(entry);
        }
    }
    entries
}

/// The Chromium program to test pages with: `GOVGRAPH_CHROMIUM` if set,
/// else `chromium`. Returns it if it runs; when it does not, the caller
/// prints why it skips and passes, unless `GOVGRAPH_REQUIRE_CHROMIUM` is set
/// (as CI sets it after installing Chromium), when a missing Chromium fails
/// the test instead.
pub fn chromium(test: &str) -> Option<String> {
    let program = std::env::var("GOVGRAPH_CHROMIUM").unwrap_or_else(|_| "chromium".to_string());
    let ran = Command::new(&program)
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !ran && std::env::var_os("GOVGRAPH_REQUIRE_CHROMIUM").is_some() {
        panic!("{test}: GOVGRAPH_REQUIRE_CHROMIUM is set but {program:?} does not run");
    }
    if !ran {
        let _ = writeln!(
            std::io::stderr(),
            "SKIPPED {test}: Chromium ({program:?}) is not installed; install it \
             (Debian: apt-get install chromium) to run this test"
        );
        return None;
    }
    Some(program)
}
