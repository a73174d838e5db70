//! The dataset examples do their job: each writes its SVG where it is told,
//! with or without Graphviz, and prints its report as text or JSON.

mod example_support;

use example_support::{command, run, scratch, stderr, stdout};

#[test]
fn solihull_draws_its_structure_and_prints_its_report() {
    let dir = scratch("example-solihull");
    let out = dir.join("drawings/solihull.svg");
    let output = run("solihull", &["--out", out.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    let report = stdout(&output);
    assert!(
        report.starts_with("Governance report: Solihull"),
        "{report}"
    );
    for heading in [
        "Summary",
        "Orphaned groups",
        "Closure impact",
        "Possible duplication",
    ] {
        assert!(report.contains(heading), "no {heading:?} in:\n{report}");
    }
    let svg = std::fs::read_to_string(&out).expect("the SVG is written where --out says");
    assert!(svg.contains("<svg") && svg.contains("Parents Forum"));
    assert!(stderr(&output).contains("wrote "), "{}", stderr(&output));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn solihull_writes_an_svg_without_graphviz() {
    // With nothing on the PATH the `dot` program cannot be found, so the
    // embedded renderer draws, and says why in a warning.
    let dir = scratch("example-solihull-embedded");
    let out = dir.join("solihull.svg");
    let output = command("solihull", &["--out", out.to_str().unwrap()])
        .env("PATH", "")
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let messages = stderr(&output);
    assert!(
        messages.contains("drawn by the embedded renderer"),
        "{messages}"
    );
    assert!(messages.contains("warning:"), "{messages}");
    let svg = std::fs::read_to_string(&out).unwrap();
    assert!(svg.contains("Parents Forum"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn halton_prints_its_report_as_json_when_asked() {
    let dir = scratch("example-halton");
    let out = dir.join("halton.svg");
    let output = run("halton", &["--json", "--out", out.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    let report: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("stdout is JSON");
    assert!(
        report["duplicates"]
            .as_array()
            .is_some_and(|d| !d.is_empty()),
        "{report}"
    );
    assert!(out.exists());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn halton_writes_the_interactive_page_when_asked() {
    let dir = scratch("example-halton-html");
    let out = dir.join("halton.svg");
    let page = dir.join("halton.html");
    let output = run(
        "halton",
        &[
            "--out",
            out.to_str().unwrap(),
            "--html",
            page.to_str().unwrap(),
        ],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stderr(&output).contains("halton.html (an interactive page, drawn by"));
    let text = std::fs::read_to_string(&page).expect("the page is written where --html says");
    assert!(text.starts_with("<!DOCTYPE html>"));
    assert!(text.contains("Task Groups"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn leicestershire_draws_both_snapshots_and_prints_the_change() {
    let dir = scratch("example-leicestershire");
    let out = dir.join("leics.svg");
    let output = run("leicestershire", &["--out", out.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(out.exists() && dir.join("leics-proposed.svg").exists());
    let text = stdout(&output);
    assert!(
        text.contains("From the current arrangements to the proposed ones"),
        "{text}"
    );
    assert!(text.contains("bodies added"), "{text}");
    assert!(text.contains("scrutinise each other"), "{text}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_wrong_command_line_gives_the_usage_and_exit_status_2() {
    for example in ["solihull", "halton", "leicestershire"] {
        let output = run(example, &["--bogus"]);
        assert_eq!(output.status.code(), Some(2), "{example}");
        assert!(
            stderr(&output).contains("usage: cargo run --example"),
            "{example}"
        );
        let output = run(example, &["--out"]);
        assert_eq!(output.status.code(), Some(2), "{example}");
    }
}

#[test]
fn an_unwritable_output_path_is_a_clear_error() {
    let dir = scratch("example-unwritable");
    let blocker = dir.join("file");
    std::fs::write(&blocker, "").unwrap();
    // A directory cannot be made inside a file.
    let out = blocker.join("solihull.svg");
    let output = run("solihull", &["--out", out.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).starts_with("error: cannot create"),
        "{}",
        stderr(&output)
    );
    std::fs::remove_dir_all(&dir).unwrap();
}
