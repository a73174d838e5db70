//! `govgraph report`: the report in text, JSON and Markdown, its options,
//! and `--fail-on`, whose exit status lets a council's CI guard its
//! structure file. Findings expected of the bundled datasets are the ones
//! the source papers describe.

mod support;

use predicates::prelude::*;
use support::{govgraph, stderr, stdout};

/// The 13 projects of the Solihull paper's s6.6.1, overseen by the
/// Integrated Working Programme Board; s6.6.2: "The Integrated Working
/// Programme Board is no longer active which means that for some of these
/// projects it is not clear who they are accountable to".
const IWPB_PROJECTS: [&str; 13] = [
    "Children's centres",
    "Extended services",
    "Integrated Youth Support",
    "LINCS",
    "Workforce reform",
    "Parent support",
    "Information services for parents and carers",
    "Information services for children and young people",
    "Services for disabled children",
    "Young carers",
    "Corporate parenting",
    "Local delivery of integrated working",
    "Challenging families",
];

fn orphaned_by_iwpb(project: &str) -> String {
    format!(
        "{project} is accountable only to bodies that are not active: Integrated Working Programme Board (on hold)"
    )
}

#[test]
fn solihull_s_report_finds_every_project_of_the_dormant_programme_board_orphaned() {
    let output = govgraph()
        .args(["report", "solihull-2011"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(
        text.starts_with("Governance report: Solihull Children and Young People's Trust, 2011\n")
    );
    for project in IWPB_PROJECTS {
        assert!(
            text.contains(&format!("  {}\n", orphaned_by_iwpb(project))),
            "{project}:\n{text}"
        );
    }
    assert_eq!(stderr(&output), "");
}

#[test]
fn fail_on_orphans_exits_1_on_solihull_listing_each_orphan_on_stderr() {
    let output = govgraph()
        .args(["report", "solihull-2011", "--fail-on", "orphans"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    // The report is still printed, in full, on stdout.
    assert!(stdout(&output).contains("Orphaned groups: "));
    let errors = stderr(&output);
    assert!(errors.starts_with("error: solihull-2011: "), "{errors}");
    for project in IWPB_PROJECTS {
        assert!(
            errors.contains(&format!("  orphan: {}\n", orphaned_by_iwpb(project))),
            "{errors}"
        );
    }
}

#[test]
fn fail_on_orphans_exits_0_on_halton_whose_bodies_all_report_to_the_alliance_board() {
    govgraph()
        .args(["report", "halton-2008", "--fail-on", "orphans,cycles"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Orphaned groups: none"))
        .stderr("");
}

#[test]
fn fail_on_duplicates_finds_the_stay_safe_group_and_the_lscb_in_solihull() {
    // s3.3.3: the Stay Safe Outcome Group "faltered due to capacity issues
    // and concern about duplication with the LSCB".
    govgraph()
        .args(["report", "solihull-2011", "--fail-on", "duplicate"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "Local Safeguarding Children Board and Stay Safe Outcome Group",
        ));
}

#[test]
fn fail_on_mutual_scrutiny_finds_leicestershire_s_board_and_lscb() {
    // "the LSCB responsible for scrutinising the work of the Board ...
    // whilst the Board is responsible for scrutinising the work of the LSCB"
    govgraph()
        .args([
            "report",
            "leicestershire-2009-current",
            "--fail-on=mutual-scrutiny",
        ])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("mutual-scrutiny: "))
        .stderr(predicate::str::contains("scrutinise each other"));
}

#[test]
fn fail_on_may_be_repeated_and_counts_every_kind_named() {
    // Halton s6.5: the PCT's Assistant Director reports to the Council's
    // Strategic Director and to the PCT's Operational Director.
    govgraph()
        .args(["report", "halton-2008", "--fail-on", "cycles", "--fail-on", "multiple_accountability"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "multiple-accountability: Assistant Director, Child & Family Health, Halton is accountable to Strategic Director of Children's Services and Operational Director, Children, Families & Maternity Services",
        ));
}

#[test]
fn json_is_the_report_s_own_json() {
    let output = govgraph()
        .args(["report", "solihull-2011", "--json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    let orphans: Vec<&str> = json["orphans"]
        .as_array()
        .unwrap()
        .iter()
        .map(|orphan| orphan["body"].as_str().unwrap())
        .collect();
    assert!(
        orphans.contains(&"project-challenging-families"),
        "{orphans:?}"
    );
    assert!(orphans.contains(&"iwpb"), "{orphans:?}");
}

#[test]
fn markdown_has_a_heading_per_analysis_and_a_bullet_per_finding() {
    let output = govgraph()
        .args(["report", "solihull-2011", "--markdown"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    assert!(
        text.starts_with("# Governance report: Solihull Children and Young People's Trust, 2011\n")
    );
    for heading in [
        "\n## Summary\n",
        "\n## Orphaned groups: ",
        "\n## Closure impact: ",
        "\n## Possible duplication (score at least 0.30): ",
        "\n## Mutual scrutiny: ",
    ] {
        assert!(text.contains(heading), "{heading}\n{text}");
    }
    // An apostrophe is not markup and stays as written.
    assert!(
        text.contains(&format!("\n- {}\n", orphaned_by_iwpb("Children's centres"))),
        "{text}"
    );
}

#[test]
fn the_duplicate_threshold_is_used_and_printed() {
    let output = govgraph()
        .args([
            "report",
            "solihull-2011",
            "--duplicate-threshold",
            "1",
            "--fail-on",
            "duplicates",
        ])
        .output()
        .unwrap();
    // No two of Solihull's bodies are the same in every respect.
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stdout(&output).contains("Possible duplication (score at least 1.00): none"));
}

#[test]
fn interlocks_min_is_used_and_printed() {
    // With a minimum of one body, every member with a seat is an interlock.
    let output = govgraph()
        .args([
            "report",
            "halton-2008",
            "--interlocks-min",
            "1",
            "--fail-on",
            "interlocks",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).contains("Interlocks (members on 1 or more bodies): "));
    assert!(stderr(&output).contains("interlock: "));
}

#[test]
fn an_invalid_file_exits_1_with_its_problems() {
    govgraph()
        .args(["report", "invalid.toml", "--fail-on", "orphans"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::starts_with(
            "invalid.toml:9:10: body \"board\"",
        ))
        .stderr(predicate::str::contains(
            "\ninvalid.toml:15:15: body \"exec\"",
        ));
}

#[test]
fn bad_options_are_usage_errors() {
    for args in [
        &["report", "halton-2008", "--fail-on", "orphanz"][..],
        &["report", "halton-2008", "--fail-on", ","],
        &["report", "halton-2008", "--duplicate-threshold", "1.5"],
        &["report", "halton-2008", "--duplicate-threshold", "high"],
        &["report", "halton-2008", "--interlocks-min", "0"],
        &["report", "halton-2008", "--json", "--markdown"],
        &["report", "halton-2008", "--as-at", "future"],
        &["report", "halton-2008", "--as-at", "2009", "--intended"],
        &["report"],
    ] {
        let output = govgraph().args(args).output().unwrap();
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert_eq!(stdout(&output), "", "{args:?}");
        assert!(
            stderr(&output).starts_with("error: "),
            "{args:?}: {}",
            stderr(&output)
        );
    }
}

#[test]
fn an_unknown_kind_names_the_kinds_there_are() {
    govgraph()
        .args(["report", "halton-2008", "--fail-on", "orphans,duplicats"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "unknown kind of finding \"duplicats\"",
        ))
        .stderr(predicate::str::contains("mutual-scrutiny"));
}
