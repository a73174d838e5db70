//! The `report` example prints the report of any structure file, as text or
//! JSON, and turns a bad file or command line into a clear error and a
//! non-zero exit, never a panic.

mod example_support;

use std::process::Output;

use example_support::{stderr, stdout};

fn run(args: &[&str]) -> Output {
    example_support::run("report", args)
}

/// Each line below is worked out by hand from tests/fixtures/report-trust.toml:
/// - 6 bodies; the Stay Safe group never met and the programme board is on
///   hold, so 4 are active. Statuses and kinds are listed in the order the
///   vocabularies declare them.
/// - 7 relations: two scrutinises, two reports_to of bodies, one oversees,
///   and the Assistant Director's two reporting lines.
/// - The deepest chain runs from the Trust Board through the programme board
///   to LINCS, which it oversees; the Trust Board has two direct reports.
/// - LINCS's only parent is on hold (case b); the Play Partnership reports
///   to no one (case a); the Stay Safe group's parent is an active apex, so
///   it is not orphaned though it never met.
/// - Closing the Trust Board cuts off everything under it, LINCS included
///   (its only route runs through the programme board).
/// - The Stay Safe group and the LSCB share their only theme, which no
///   other body has, and nothing else (no word of their purposes is
///   shared): one theme tag with nothing else counts half, 0.4 x 0.5 =
///   0.20, under 0.30. Every other pair shares at most a member or a
///   parent, less still. No two bodies have three members in common.
/// - The LSCB and the Trust Board scrutinise each other: a finding, and the
///   one relation that is not accountability, listed once.
/// - The Director of Children's Services chairs the Trust Board and sits on
///   two other bodies; of its three the LSCB meets every six weeks (52 / 6
///   = 8.7 a year) and the Trust Board quarterly (4), and the Play
///   Partnership's pattern is unknown.
const SMALL_TRUST_REPORT: &str = "\
Governance report: A small trust

Summary
  bodies: 6, 4 active, 2 not active; by status: active 4, on hold 1, never met 1; by kind: board 2, partnership 1, group 1, programme board 1, project 1
  members: 3; seats: 3; relations: 7
  depth: 2 (Children's Trust Board > Integrated Working Programme Board > LINCS)
  widest span of control: Children's Trust Board, 2 directly accountable

Orphaned groups: 2
  LINCS is accountable only to bodies that are not active: Integrated Working Programme Board (on hold)
  Play Partnership is accountable to no one

Accountability not stated or not settled: none

Closure impact: 2
  closing Children's Trust Board would cut off 3 bodies: Integrated Working Programme Board, LINCS and Stay Safe Outcome Group
  closing Integrated Working Programme Board would cut off 1 body: LINCS

Possible duplication (score at least 0.30): none

Overlapping membership (at least 3 in common, 60% of the smaller body or Jaccard 0.50): none

Accountability cycles: none

Mutual scrutiny: 1
  LSCB and Children's Trust Board scrutinise each other

Multiple accountability: 1
  Assistant Director, Child & Family Health is accountable to Director of Children's Services and PCT Operational Director

Interlocks (members on 3 or more bodies): 1
  Director of Children's Services sits on 3 bodies: LSCB, Play Partnership and Children's Trust Board

Cross-body seats (a chair, vice-chair or lead officer of one body on another): 1
  Director of Children's Services chairs Children's Trust Board and sits on LSCB and Play Partnership

Reciprocal seats: none

Other relations (not accountability): 1
  scrutinises: 1
    LSCB scrutinises Children's Trust Board, and Children's Trust Board scrutinises LSCB

Governance load
  meetings a year by body: 3
    LINCS: 12 (monthly)
    LSCB: 8.7 (every 6 weeks)
    Children's Trust Board: 4 (quarterly)
  no known meeting pattern: 1 active body (Play Partnership)
  meetings a year by member: 1
    Director of Children's Services: 12.7 on 2 bodies; not known for 1 more: Play Partnership
";

#[test]
fn report_example_prints_the_text_report_of_a_structure_file() {
    let output = run(&["tests/fixtures/report-trust.toml"]);
    assert!(output.status.success(), "stderr: {}", stderr(&output));
    assert_eq!(stdout(&output), SMALL_TRUST_REPORT);
    assert_eq!(stderr(&output), "");
}

#[test]
fn report_example_prints_the_json_report_with_ids() {
    let output = run(&["--json", "tests/fixtures/report-trust.toml"]);
    assert!(output.status.success(), "stderr: {}", stderr(&output));
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&output)).expect("the example prints JSON");

    assert_eq!(json["structure"], "A small trust");
    assert_eq!(json["orphans"][0]["body"], "lincs");
    assert_eq!(json["orphans"][0]["case"], "inactive-parents");
    assert_eq!(json["orphans"][0]["parents"][0], "iwpb");
    assert_eq!(json["orphans"][1]["body"], "play");
    assert_eq!(json["orphans"][1]["case"], "no-parent");
    assert_eq!(json["closure_impacts"][0]["body"], "trust");
    assert_eq!(json["closure_impacts"][0]["total"], 3);
    assert_eq!(
        json["closure_impacts"][0]["cut_off"],
        serde_json::json!(["iwpb", "lincs", "stay-safe"])
    );
    assert_eq!(json["duplicates"], serde_json::json!([]));
    assert_eq!(json["cross_seats"][0]["member"], "dcs");
    assert_eq!(json["cross_seats"][0]["leads"][0]["role"], "chair");
    assert_eq!(json["other_relations"][0]["kind"], "scrutinises");
    assert_eq!(json["other_relations"][0]["relations"][0]["mutual"], true);
    assert_eq!(
        json["mutual_scrutiny"][0]["bodies"],
        serde_json::json!(["lscb", "trust"])
    );
    assert_eq!(json["multiple_accountability"][0]["id"], "ad");
    assert_eq!(json["interlocks"][0]["member"], "dcs");
    assert_eq!(json["load"]["unknown"], serde_json::json!(["play"]));
    assert_eq!(json["summary"]["depth"], 2);
}

#[test]
fn report_example_names_the_file_and_the_mistake_of_a_bad_file() {
    let output = run(&["tests/fixtures/bad-trust.toml"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(stdout(&output), "");
    assert_eq!(
        stderr(&output),
        "error: tests/fixtures/bad-trust.toml:13:15: body \"exec\" (body[1].reports_to[0]): \
         unknown id \"trsut\" (did you mean \"trust\"?)\n"
    );
}

#[test]
fn report_example_says_when_a_file_cannot_be_read() {
    let output = run(&["tests/fixtures/no-such-file.toml"]);
    assert_eq!(output.status.code(), Some(1));
    let message = stderr(&output);
    assert!(
        message.starts_with("error: tests/fixtures/no-such-file.toml: "),
        "{message}"
    );
    assert!(!message.contains("panicked"), "{message}");
}

#[test]
fn report_example_without_a_file_prints_its_usage() {
    let output = run(&[]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("usage: report [--json [--pretty]] [OPTIONS] FILE"));
    let output = run(&["--yaml", "tests/fixtures/report-trust.toml"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("unknown option \"--yaml\""));
}

#[test]
fn report_example_takes_the_reports_options() {
    // Interlocks from two bodies, and duplication at a lower threshold:
    // the Stay Safe group and the LSCB score 0.20 (see above), the pairs
    // sharing only the Director of Children's Services 0.45 x 0.84 / 2 =
    // 0.19.
    let output = run(&[
        "--interlock-min",
        "2",
        "--duplication-threshold=0.195",
        "tests/fixtures/report-trust.toml",
    ]);
    assert!(output.status.success(), "stderr: {}", stderr(&output));
    let text = stdout(&output);
    assert!(
        text.contains("Interlocks (members on 2 or more bodies): 1\n"),
        "{text}"
    );
    assert!(
        text.contains(
            "Possible duplication (score at least 0.20): 1\n  0.20 LSCB and Stay Safe Outcome Group"
        ),
        "{text}"
    );
    let output = run(&["--interlock-min", "two", "tests/fixtures/report-trust.toml"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("--interlock-min needs a whole number, not \"two\""));
}
