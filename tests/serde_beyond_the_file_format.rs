//! serde beyond the structure file: a report saved as JSON reads back equal
//! and prints the same; finding kinds and vocabulary words read as their
//! `FromStr` reads them; problems, locations and Popolo warnings serialise.

use govgraph::generate::GeneratorOptions;
use govgraph::{
    BodyKind, FindingKind, MemberKind, RelationKind, Report, Role, Status, Structure, datasets,
};

fn round_trip(report: &Report) -> Report {
    let json = serde_json::to_string_pretty(report).expect("a report serialises");
    serde_json::from_str(&json).expect("a saved report reads back")
}

#[test]
fn a_saved_report_reads_back_equal_and_prints_the_same() {
    let structures = [
        datasets::solihull_2011(),
        datasets::halton_2008(),
        datasets::leicestershire_2009_current(),
        datasets::leicestershire_2009_proposed(),
    ];
    for structure in &structures {
        let report = structure.report();
        let again = round_trip(&report);
        assert_eq!(again, report);
        assert_eq!(again.to_string(), report.to_string());
        assert_eq!(
            serde_json::to_string(&again).unwrap(),
            serde_json::to_string(&report).unwrap()
        );
    }
}

#[test]
fn a_generated_report_with_every_kind_of_finding_reads_back_equal() {
    let structure = govgraph::generate::structure(&GeneratorOptions::new().authorities(3).seed(7));
    let report = structure.report();
    // Make sure the round trip covers more than empty lists.
    assert!(!report.duplicates().is_empty());
    assert!(!report.orphans().is_empty());
    assert!(!report.load().bodies.is_empty());
    let again = round_trip(&report);
    assert_eq!(again, report);
    assert_eq!(again.to_string(), report.to_string());
}

#[test]
fn the_report_json_starts_with_its_schema_version() {
    let report = datasets::halton_2008().report();
    let json = serde_json::to_string(&report).unwrap();
    assert!(json.starts_with(r#"{"schema_version":1,"#), "{json:.60}");
    assert_eq!(Report::SCHEMA_VERSION, 1);
}

#[test]
fn a_report_of_another_schema_version_is_refused_with_a_reason() {
    let report = datasets::halton_2008().report();
    let mut json = serde_json::to_value(&report).unwrap();
    json["schema_version"] = 2.into();
    let err = serde_json::from_value::<Report>(json.clone()).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("report schema version 2 is not 1, the version this govgraph reads"),
        "{err}"
    );
    json.as_object_mut().unwrap().remove("schema_version");
    let err = serde_json::from_value::<Report>(json).unwrap_err();
    assert!(err.to_string().contains("schema_version"), "{err}");
}

#[test]
fn a_reloaded_report_keeps_the_names_the_text_needs() {
    let report = datasets::solihull_2011().report();
    let json = serde_json::to_value(&report).unwrap();
    // Names by id, statuses for bodies only.
    let labels = json["labels"].as_object().expect("labels is an object");
    assert_eq!(
        labels.len(),
        datasets::solihull_2011().bodies().count() + datasets::solihull_2011().members().count()
    );
    let (id, label) = labels
        .iter()
        .find(|(_, label)| label.get("status").is_some())
        .unwrap();
    let body = datasets::solihull_2011().body(id).unwrap().clone();
    assert_eq!(label["name"], body.name.as_str());
    assert_eq!(label["status"], body.status.as_str());
}

#[test]
fn finding_kinds_parse_from_the_words_they_print() {
    for kind in FindingKind::ALL {
        assert_eq!(kind.as_str().parse::<FindingKind>(), Ok(*kind));
        assert_eq!(kind.to_string().parse::<FindingKind>(), Ok(*kind));
        let shouted = kind.as_str().to_uppercase().replace('-', " ");
        assert_eq!(shouted.parse::<FindingKind>(), Ok(*kind), "{shouted}");
        let json = serde_json::to_string(kind).unwrap();
        assert_eq!(serde_json::from_str::<FindingKind>(&json).unwrap(), *kind);
    }
    // The report's list names, as in its JSON.
    for (list, kind) in [
        ("orphans", FindingKind::Orphan),
        ("duplicates", FindingKind::Duplicate),
        ("cycles", FindingKind::Cycle),
        ("mutual_scrutiny", FindingKind::MutualScrutiny),
        (
            "multiple_accountability",
            FindingKind::MultipleAccountability,
        ),
        ("interlocks", FindingKind::Interlock),
    ] {
        assert_eq!(list.parse::<FindingKind>(), Ok(kind), "{list}");
    }
    let err = "cylce".parse::<FindingKind>().unwrap_err();
    assert_eq!(
        err.to_string().split_once("; expected one of: ").unwrap().0,
        r#"unknown finding kind "cylce" (did you mean "cycle"?)"#
    );
    assert!("".parse::<FindingKind>().is_err());
    assert!(serde_json::from_str::<FindingKind>(r#""nonsense""#).is_err());
}

#[test]
fn vocabulary_serde_accepts_what_from_str_accepts() {
    assert_eq!(
        serde_json::from_str::<Status>(r#""on hold""#).unwrap(),
        Status::OnHold
    );
    assert_eq!(
        serde_json::from_str::<Status>(r#""On_Hold""#).unwrap(),
        Status::OnHold
    );
    assert_eq!(
        serde_json::from_str::<Status>(r#""paused""#).unwrap(),
        Status::OnHold
    );
    assert_eq!(
        serde_json::from_str::<BodyKind>(r#""Task and finish group""#).unwrap(),
        BodyKind::TaskAndFinishGroup
    );
    assert_eq!(
        serde_json::from_str::<Role>(r#""Vice chair""#).unwrap(),
        Role::ViceChair
    );
    assert_eq!(
        serde_json::from_str::<MemberKind>(r#""organization""#).unwrap(),
        MemberKind::Organisation
    );
    assert_eq!(
        serde_json::from_str::<RelationKind>(r#""accountable to""#).unwrap(),
        RelationKind::ReportsTo
    );
    // Every value round-trips through its word, and every word serde
    // accepts is one FromStr accepts.
    for status in Status::ALL {
        let json = serde_json::to_string(status).unwrap();
        assert_eq!(json, format!("{:?}", status.as_str()));
        assert_eq!(serde_json::from_str::<Status>(&json).unwrap(), *status);
    }
    let err = serde_json::from_str::<Status>(r#""dormnat""#).unwrap_err();
    assert!(
        err.to_string()
            .starts_with(r#"unknown status "dormnat" (did you mean "dormant"?)"#),
        "{err}"
    );
    let err = serde_json::from_str::<Status>("3").unwrap_err();
    assert!(err.to_string().contains("a status word"), "{err}");
    // Map keys too, as in a report's counts.
    let counts: std::collections::BTreeMap<Status, usize> =
        serde_json::from_str(r#"{"on hold": 2, "Active": 1}"#).unwrap();
    assert_eq!(counts[&Status::OnHold], 2);
    assert_eq!(counts[&Status::Active], 1);
}

#[test]
fn problems_and_their_locations_serialise() {
    let err = Structure::from_toml_str(
        r#"
[[body]]
id = "exec"
name = "Executive"
kind = "executive"
reports_to = ["bord"]

[[body]]
id = "board"
name = "Board"
kind = "board"
apex = true
"#,
    )
    .unwrap_err();
    let problem = &err.problems()[0];
    let json = serde_json::to_value(problem).unwrap();
    assert_eq!(
        json,
        serde_json::json!({
            "kind": { "type": "unknown-id", "id": "bord", "suggestion": "board" },
            "location": {
                "file": null,
                "line": 6,
                "column": 15,
                "key": "body[0].reports_to[0]",
                "subject": "body \"exec\"",
            },
            "related": null,
        })
    );
}

#[test]
fn an_unknown_word_problem_serialises_with_its_suggestion() {
    let err = Structure::from_toml_str(
        "[[body]]\nid = \"a\"\nname = \"A\"\nkind = \"board\"\nstatus = \"dormnat\"\n",
    )
    .unwrap_err();
    let mut json = serde_json::to_value(&err.problems()[0]).unwrap();
    // The words allowed, nearest first: every status once.
    let allowed = json["kind"]
        .as_object_mut()
        .unwrap()
        .remove("allowed")
        .unwrap();
    let allowed: Vec<&str> = allowed
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w.as_str().unwrap())
        .collect();
    assert_eq!(allowed[0], "dormant");
    assert_eq!(allowed.len(), govgraph::Status::ALL.len());
    assert_eq!(
        json["kind"],
        serde_json::json!({
            "type": "unknown-word",
            "what": "status",
            "word": "dormnat",
            "suggestion": "dormant",
        })
    );
}

#[test]
fn popolo_warnings_serialise_with_where_they_are() {
    let import = govgraph::popolo::from_json_str(
        r#"{
        "organizations": [{"id": "c", "name": "Committee", "classification": "committee"}],
        "persons": [{"id": "p", "name": "P"}],
        "memberships": [{"person_id": "p", "organization_id": "c", "role": "Whip"}]
    }"#,
    )
    .unwrap();
    let json = serde_json::to_value(&import.warnings()[0]).unwrap();
    assert_eq!(
        json["kind"],
        serde_json::json!({"type": "unknown-role", "role": "Whip"})
    );
    assert_eq!(json["location"]["key"], "memberships[0].role");
    assert_eq!(json["location"]["subject"], "membership of \"P\"");
    assert_eq!(json["related"], serde_json::Value::Null);
}
