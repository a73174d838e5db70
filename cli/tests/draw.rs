//! `govgraph draw`: SVG by either renderer, DOT, findings marked or not,
//! outputs never overwritten without `--force`, and the exit status.

mod support;

use std::path::Path;

use predicates::prelude::*;
use support::{govgraph, scratch};

/// A `PATH` with no `dot` on it, as on a machine with only cargo.
fn without_dot(dir: &Path) -> std::ffi::OsString {
    let empty = dir.join("empty-path");
    std::fs::create_dir_all(&empty).unwrap();
    empty.into_os_string()
}

#[test]
fn without_graphviz_the_built_in_renderer_draws_solihull() {
    let dir = scratch("draw_embedded");
    govgraph()
        .env("PATH", without_dot(&dir))
        .current_dir(&dir)
        .args(["draw", "solihull-2011", "-o", "s.svg"])
        .assert()
        .success()
        .stdout("")
        .stderr(predicate::str::contains(
            "wrote s.svg (drawn by the embedded renderer)",
        ));
    let svg = std::fs::read_to_string(dir.join("s.svg")).unwrap();
    let document = roxmltree::Document::parse(&svg).expect("the SVG is well-formed XML");
    assert_eq!(document.root_element().tag_name().name(), "svg");
    // The title, and the orphan marks of the report's overlay.
    assert!(svg.contains("Solihull Children and Young People"), "{svg}");
    assert!(svg.contains("(orphan)"));
    assert!(svg.contains("(26 cut off here)"), "the Trust Board on hold");
}

#[test]
fn no_findings_leaves_the_marks_out() {
    let dir = scratch("draw_no_findings");
    govgraph()
        .current_dir(&dir)
        .args(["draw", "solihull-2011", "-o", "s.dot", "--no-findings"])
        .assert()
        .success();
    let dot = std::fs::read_to_string(dir.join("s.dot")).unwrap();
    assert!(dot.starts_with("digraph"));
    assert!(!dot.contains("(orphan)"));
    assert!(dot.contains("Integrated Working"));

    govgraph()
        .current_dir(&dir)
        .args(["draw", "solihull-2011", "-o", "marked.dot"])
        .assert()
        .success();
    let marked = std::fs::read_to_string(dir.join("marked.dot")).unwrap();
    assert!(marked.contains("(orphan)"));
}

#[test]
fn renderer_embedded_draws_any_file() {
    let dir = scratch("draw_file");
    govgraph()
        .args(["draw", "trust-2011.toml", "--renderer", "embedded", "-o"])
        .arg(dir.join("trust.svg"))
        .assert()
        .success();
    let svg = std::fs::read_to_string(dir.join("trust.svg")).unwrap();
    // Names are escaped once, as written (this one wrapped onto two lines).
    assert!(svg.contains(">Performance &amp;<"), "{svg}");
    assert!(svg.contains(">Commissioning Group<"), "{svg}");
}

#[test]
fn renderer_dot_without_graphviz_fails_saying_what_to_do() {
    let dir = scratch("draw_no_dot");
    govgraph()
        .env("PATH", without_dot(&dir))
        .current_dir(&dir)
        .args(["draw", "halton-2008", "-o", "h.svg", "--renderer", "dot"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "cannot draw halton-2008: cannot run the Graphviz program",
        ))
        .stderr(predicate::str::contains("--renderer embedded"));
    assert!(!dir.join("h.svg").exists());
}

#[test]
fn an_existing_output_is_overwritten_only_with_force() {
    let dir = scratch("draw_force");
    let out = dir.join("h.dot");
    std::fs::write(&out, "keep me").unwrap();
    govgraph()
        .args(["draw", "halton-2008", "-o"])
        .arg(&out)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "exists: pass --force to overwrite it",
        ));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "keep me");
    govgraph()
        .args(["draw", "halton-2008", "--force", "-o"])
        .arg(&out)
        .assert()
        .success();
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .starts_with("digraph")
    );
}

#[test]
fn an_invalid_file_draws_nothing() {
    let dir = scratch("draw_invalid");
    let out = dir.join("bad.svg");
    govgraph()
        .args(["draw", "invalid.toml", "-o"])
        .arg(&out)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("invalid.toml:15:15: "));
    assert!(!out.exists());
}

#[test]
fn only_svg_html_and_dot_outputs_are_accepted() {
    for (out, says) in [
        ("s.png", "cannot write a .png file"),
        ("s.pdf", "cannot write a .pdf file"),
        ("s", "the output has no extension"),
    ] {
        govgraph()
            .args(["draw", "solihull-2011", "-o", out])
            .assert()
            .code(2)
            .stderr(predicate::str::contains(says))
            .stderr(predicate::str::contains(
                ".svg (a drawing), .html (an interactive page) or .dot (Graphviz source)",
            ));
    }
}

#[test]
fn an_html_output_is_the_interactive_page() {
    let dir = scratch("draw_html");
    govgraph()
        .env("PATH", without_dot(&dir))
        .current_dir(&dir)
        .args(["draw", "solihull-2011", "-o", "s.html"])
        .assert()
        .success()
        .stdout("")
        .stderr(predicate::str::contains(
            "wrote s.html (an interactive page, drawn by the embedded renderer)",
        ));
    let page = std::fs::read_to_string(dir.join("s.html")).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>"));
    // The drawing, the members view, the data and the script, inline.
    assert_eq!(page.matches("<svg").count(), 2);
    assert!(page.contains("<script type=\"application/json\" id=\"gg-data\">"));
    assert!(page.contains("Stay Safe Outcome Group"));
    assert!(page.contains("cut off here"));

    govgraph()
        .current_dir(&dir)
        .args(["draw", "solihull-2011", "-o", "plain.html", "--no-findings"])
        .assert()
        .success();
    let plain = std::fs::read_to_string(dir.join("plain.html")).unwrap();
    assert!(!plain.contains("cut off here"));
}

#[test]
fn bad_options_are_usage_errors() {
    for args in [
        &["draw", "solihull-2011"][..],
        &[
            "draw",
            "solihull-2011",
            "-o",
            "s.svg",
            "--renderer",
            "neato",
        ],
        &["draw", "solihull-2011", "-o", "s.dot", "--renderer", "dot"],
    ] {
        govgraph()
            .args(args)
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::starts_with("error: "));
    }
}

#[test]
fn an_output_in_a_missing_directory_names_the_directory() {
    let dir = scratch("draw_missing_directory");
    govgraph()
        .current_dir(&dir)
        .args([
            "draw",
            "halton-2008",
            "-o",
            "drawings/h.svg",
            "--renderer",
            "embedded",
        ])
        .assert()
        .code(1)
        .stderr("error: cannot write drawings/h.svg: the directory drawings does not exist\n");
}

#[test]
fn members_draws_who_sits_where() {
    let dir = scratch("draw_members");
    govgraph()
        .current_dir(&dir)
        .args(["draw", "halton-2008", "-o", "m.svg", "--members"])
        .assert()
        .success()
        .stderr(predicate::str::contains("wrote m.svg (who sits where)"));
    let svg = std::fs::read_to_string(dir.join("m.svg")).unwrap();
    let document = roxmltree::Document::parse(&svg).expect("the SVG is well-formed XML");
    let seats = document
        .descendants()
        .filter(|n| n.attribute("class") == Some("seat"))
        .count();
    // Halton App.1's seats, one cell each.
    assert!(seats >= 8, "{seats}");
    assert!(svg.contains("Who sits where: Halton"));

    govgraph()
        .current_dir(&dir)
        .args(["draw", "halton-2008", "-o", "m.html", "--members"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "--members draws the members view as SVG",
        ));
}

#[test]
fn focus_draws_one_body_s_neighbourhood() {
    // Solihull s6.6: the Integrated Working Programme Board and the
    // projects it oversees, with its line up to the Trust Board; not the
    // rest of the Trust.
    let dir = scratch("draw_focus");
    govgraph()
        .current_dir(&dir)
        .args(["draw", "solihull-2011", "-o", "iwpb.dot", "--focus", "iwpb"])
        .assert()
        .success();
    let dot = std::fs::read_to_string(dir.join("iwpb.dot")).unwrap();
    // Nodes are keyed by body id.
    for kept in ["n_iwpb", "n_trust_board", "n_project_lincs"] {
        assert!(dot.contains(kept), "{kept} missing: {dot}");
    }
    assert!(!dot.contains("n_play_partnership"), "{dot}");
    // An id that names no body is an error that says what to give.
    govgraph()
        .current_dir(&dir)
        .args(["draw", "solihull-2011", "-o", "x.dot", "--focus", "nobody"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no body \"nobody\" to focus on"));
}

#[test]
fn finding_draws_one_finding_marked() {
    // Solihull s3.3.3: the Stay Safe Outcome Group and the LSCB, with the
    // group's line up through the Performance & Commissioning Group to the
    // Trust Board (s3.2); not the other outcome groups.
    let dir = scratch("draw_finding");
    govgraph()
        .current_dir(&dir)
        .args([
            "draw",
            "solihull-2011",
            "-o",
            "stay-safe.dot",
            "--finding",
            "duplicate:stay-safe,lscb",
        ])
        .assert()
        .success();
    let dot = std::fs::read_to_string(dir.join("stay-safe.dot")).unwrap();
    for kept in ["n_stay_safe", "n_lscb", "n_pc_group", "n_trust_board"] {
        assert!(dot.contains(kept), "{kept} missing: {dot}");
    }
    assert!(!dot.contains("n_be_healthy"), "{dot}");
    assert_eq!(dot.matches("[D1]").count(), 2, "{dot}");
    // No other finding is marked.
    assert!(!dot.contains("cut off here"), "{dot}");

    // A kind alone, when the report has several of it, lists them with
    // the keys that name them.
    govgraph()
        .current_dir(&dir)
        .args([
            "draw",
            "solihull-2011",
            "-o",
            "x.dot",
            "--finding",
            "duplicates",
        ])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("duplicate findings match"))
        .stderr(predicate::str::contains(
            "\n  duplicate:lscb,stay-safe  0.42 ",
        ));
    // Ids no finding of the kind is about.
    govgraph()
        .current_dir(&dir)
        .args([
            "draw",
            "solihull-2011",
            "-o",
            "x.dot",
            "--finding",
            "cycle:lscb",
        ])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("the report has no cycle finding"));
    govgraph()
        .current_dir(&dir)
        .args([
            "draw",
            "solihull-2011",
            "-o",
            "x.dot",
            "--finding",
            "orphen:lscb",
        ])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "unknown kind of finding \"orphen\"",
        ));
    assert!(!dir.join("x.dot").exists());
}
