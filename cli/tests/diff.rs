//! `govgraph diff`: the structural changes between two snapshots, and the
//! findings resolved and introduced.

mod support;

use predicates::prelude::*;
use support::{govgraph, stdout};

#[test]
fn leicestershire_s_proposal_replaces_the_age_related_and_cross_cutting_groups() {
    // The paper's proposal: "The C&YP Executive will oversee a number of
    // working groups targeted to delivering the joint commissioning
    // priorities rather than having the age related and cross cutting
    // groups as is the current model."
    let output = govgraph()
        .args([
            "diff",
            "leicestershire-2009-current",
            "leicestershire-2009-proposed",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    let section = |title: &str| -> String {
        let start = text
            .find(&format!("\n{title} ("))
            .unwrap_or_else(|| panic!("{title}:\n{text}"));
        text[start + 1..]
            .lines()
            .skip(1)
            .take_while(|line| line.starts_with("  "))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let removed = section("bodies removed");
    assert!(removed.contains("(age-related-groups)"), "{removed}");
    assert!(removed.contains("(cross-cutting-groups)"), "{removed}");
    assert!(section("bodies added").contains("(joint-commissioning-working-groups)"));
    assert!(section("relations added").contains(
        "(cyp-executive) oversees Working groups for the joint commissioning priorities"
    ));
    // The groups the proposal drops had no known meeting pattern; nothing
    // the proposal adds is reported (its new bodies are only proposed).
    assert!(
        section("findings resolved")
            .contains("Age related working groups has no known meeting pattern"),
        "{text}"
    );
    assert!(text.contains("\nfindings introduced: none"), "{text}");
}

#[test]
fn findings_resolved_and_introduced_are_listed_by_kind() {
    govgraph()
        .args(["diff", "trust-2011.toml", "trust-2012.toml"])
        .assert()
        .success()
        .stdout(predicate::str::contains(concat!(
            "status changed (1):\n",
            "  Performance & Commissioning Group (exec): on-hold -> active\n",
        )))
        .stdout(predicate::str::contains(concat!(
            "findings resolved (1):\n",
            "  orphan: Play Partnership is accountable only to bodies that are not active: Performance & Commissioning Group (on hold)\n",
            "findings introduced (1):\n",
            "  orphan: Stay Safe Group is accountable to no one\n",
        )));
}

#[test]
fn a_snapshot_against_itself_has_no_changes() {
    govgraph()
        .args(["diff", "halton-2008", "halton-2008"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "no changes\nfindings resolved: none\nfindings introduced: none\n",
        ));
}

#[test]
fn json_holds_the_changes_and_the_findings() {
    let output = govgraph()
        .args(["diff", "trust-2011.toml", "trust-2012.toml", "--json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(json["earlier"], "trust-2011.toml");
    assert_eq!(json["changes"]["added"][0]["body"]["id"], "stay-safe");
    assert_eq!(json["changes"]["status_changed"][0]["to"], "active");
    assert_eq!(json["findings_resolved"][0]["kind"], "orphan");
    assert_eq!(
        json["findings_introduced"][0]["text"],
        "Stay Safe Group is accountable to no one"
    );
}

#[test]
fn an_invalid_snapshot_exits_1() {
    govgraph()
        .args(["diff", "trust-2011.toml", "invalid.toml"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains("invalid.toml:9:10: "));
}

#[test]
fn bad_command_lines_are_usage_errors() {
    for args in [
        &["diff", "trust-2011.toml"][..],
        &["diff", "trust-2011.toml", "trust-2012.toml", "--markdown"],
    ] {
        govgraph().args(args).assert().code(2).stdout("");
    }
}
