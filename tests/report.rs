//! The Report: every analysis gathered, printed as plain text, serialised to
//! JSON, and usable in a user's tests through `ensure_none`.

use govgraph::{
    BodyKind, BodySpec, FindingKind, MemberKind, MemberSpec, Report, Role, Status, Structure,
};

fn group(id: &str, name: &str) -> BodySpec {
    BodySpec::new(id, name, BodyKind::Group)
}

/// A structure with an orphan, a cycle and mutual scrutiny.
fn troubled() -> Structure {
    Structure::builder()
        .name("Troubled")
        .member(MemberSpec::new(
            "dcs",
            "Director of Children's Services",
            MemberKind::Post,
        ))
        .body(
            BodySpec::new("board", "Children's Trust Board", BodyKind::Board)
                .apex()
                .scrutinises("lscb")
                .seat("dcs", Role::Chair),
        )
        .body(
            BodySpec::new("lscb", "LSCB", BodyKind::Board)
                .apex()
                .scrutinises("board")
                .seat("dcs", Role::Member),
        )
        .body(group("play", "Play Partnership").status(Status::Dormant))
        .body(group("a", "Alpha").reports_to("b").reports_to("board"))
        .body(group("b", "Beta").reports_to("a"))
        .build()
        .unwrap()
}

#[test]
fn the_report_of_an_empty_structure_says_none_under_every_heading() {
    let report = Structure::builder().build().unwrap().report();
    assert_eq!(
        report.to_string(),
        "\
Governance report

Summary
  bodies: 0, 0 active, 0 not active
  members: 0; seats: 0; relations: 0
  depth: 0 (no apex)
  widest span of control: none

Orphaned groups: none

Accountability not stated or not settled: none

Closure impact: none

Possible duplication (score at least 0.30): none

Overlapping membership (at least 3 in common, 60% of the smaller body or Jaccard 0.50): none

Accountability cycles: none

Mutual scrutiny: none

Multiple accountability: none

Interlocks (members on 3 or more bodies): none

Cross-body seats (a chair, vice-chair or lead officer of one body on another): none

Reciprocal seats: none

Other relations (not accountability): none

Governance load
  meetings a year by body: none
  no known meeting pattern: none
  meetings a year by member: none
"
    );
}

#[test]
fn ensure_none_passes_when_there_is_nothing_of_the_chosen_kinds() {
    let report = troubled().report();
    assert!(
        report
            .ensure_none(&[FindingKind::Duplicate, FindingKind::Interlock])
            .is_ok()
    );
    assert!(report.ensure_none(&[]).is_ok());
}

#[test]
fn ensure_none_lists_each_unwanted_finding_on_a_line_of_its_own() {
    let err = troubled()
        .report()
        .ensure_none(&[
            FindingKind::Orphan,
            FindingKind::Cycle,
            FindingKind::MutualScrutiny,
        ])
        .unwrap_err();
    let expected = "\
3 unwanted findings:
  orphan: Play Partnership (dormant) is accountable to no one
  cycle: Alpha and Beta are accountable to each other in a cycle
  mutual-scrutiny: Children's Trust Board and LSCB scrutinise each other";
    assert_eq!(err.to_string(), expected);
    // What `unwrap()` and `?` print in a failing test.
    assert_eq!(format!("{err:?}"), expected);
    let found: Vec<(FindingKind, Vec<&str>)> = err
        .findings()
        .iter()
        .map(|f| (f.kind, f.ids.iter().map(|id| id.as_str()).collect()))
        .collect();
    assert_eq!(
        found,
        [
            (FindingKind::Orphan, vec!["play"]),
            (FindingKind::Cycle, vec!["a", "b"]),
            (FindingKind::MutualScrutiny, vec!["board", "lscb"]),
        ]
    );
    assert_eq!(
        err.findings()[1].text,
        "Alpha and Beta are accountable to each other in a cycle"
    );
}

#[test]
fn a_users_test_can_use_ensure_none_with_the_question_mark()
-> Result<(), Box<dyn std::error::Error>> {
    let s = Structure::from_toml_str(
        r#"
        [[body]]
        id = "board"
        name = "Board"
        kind = "board"
        apex = true
        meets = "quarterly"

        [[body]]
        id = "exec"
        name = "Executive"
        kind = "executive"
        meets = "monthly"
        reports_to = ["board"]
        "#,
    )?;
    s.report().ensure_none(FindingKind::ALL)?;
    Ok(())
}

#[test]
fn findings_come_kind_by_kind() {
    let report = troubled().report();
    let kinds: Vec<FindingKind> = report.findings().map(|f| f.kind()).collect();
    assert_eq!(
        kinds,
        [
            FindingKind::Orphan,
            FindingKind::Cycle,
            FindingKind::MutualScrutiny,
            FindingKind::MultipleAccountability,
            // The DCS chairs the Board and sits on the LSCB.
            FindingKind::CrossSeat,
            FindingKind::UnknownMeetings,
            FindingKind::UnknownMeetings,
            FindingKind::UnknownMeetings,
            FindingKind::UnknownMeetings,
        ]
    );
}

#[test]
fn the_json_report_has_stable_field_names() {
    let json = serde_json::to_value(troubled().report()).unwrap();
    let mut keys: Vec<&str> = json
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    // The report writes its fields in its own order; compare them sorted.
    keys.sort_unstable();
    assert_eq!(
        keys,
        [
            "closure_impacts",
            "cross_seats",
            "cycles",
            "duplicates",
            "interlocks",
            "labels",
            "load",
            "multiple_accountability",
            "mutual_scrutiny",
            "options",
            "orphans",
            "other_relations",
            "overlaps",
            "reciprocal_seats",
            "schema_version",
            "structure",
            "summary",
            "unsettled",
        ]
    );
    assert_eq!(json["schema_version"], 1);
    assert_eq!(json["structure"], "Troubled");
    assert_eq!(
        json["labels"]["play"],
        serde_json::json!({ "name": "Play Partnership", "status": "dormant" })
    );
    assert_eq!(
        json["labels"]["dcs"],
        serde_json::json!({ "name": "Director of Children's Services" })
    );
    assert_eq!(json["options"]["interlock_min_bodies"], 3);
    assert_eq!(json["options"]["duplication"]["threshold"], 0.3);
    assert_eq!(
        json["orphans"][0],
        serde_json::json!({ "body": "play", "status": "dormant", "case": "no-parent" })
    );
    assert_eq!(json["cycles"][0]["ids"], serde_json::json!(["a", "b"]));
    assert_eq!(json["summary"]["bodies"]["by_status"]["dormant"], 1);
    assert_eq!(json["summary"]["bodies"]["by_kind"]["group"], 3);
}

#[test]
fn the_same_structure_gives_byte_identical_reports() {
    let first = troubled();
    let second = Structure::from_toml_str(&first.to_toml_string().unwrap()).unwrap();
    assert_eq!(first.report().to_string(), second.report().to_string());
    assert_eq!(
        serde_json::to_string(&first.report()).unwrap(),
        serde_json::to_string(&second.report()).unwrap()
    );
}

#[test]
fn report_new_and_structure_report_agree() {
    let s = troubled();
    assert_eq!(Report::new(&s).to_string(), s.report().to_string());
}
