//! A structure file kept under test can allow its known findings ("this
//! body is orphaned on purpose until April") while any new one fails, and
//! the failure names each finding's kind, ids, text and file.

use govgraph::{Allowed, FindingKind, Structure};

const FILE: &str = "tests/fixtures/report-trust.toml";

fn report() -> govgraph::Report {
    Structure::from_path(FILE).unwrap().report()
}

#[test]
fn allowing_every_known_finding_passes() {
    let allowed = Allowed::new()
        .allow(FindingKind::Orphan, "lincs")
        .allow(FindingKind::Orphan, "play")
        .allow_pair(FindingKind::MutualScrutiny, "lscb", "trust")
        .allow(FindingKind::MultipleAccountability, "ad")
        .allow(FindingKind::Interlock, "dcs");
    let kinds = [
        FindingKind::Orphan,
        FindingKind::Duplicate,
        FindingKind::Cycle,
        FindingKind::MutualScrutiny,
        FindingKind::MultipleAccountability,
        FindingKind::Interlock,
    ];
    report().ensure_none_except(&kinds, &allowed).unwrap();
    // The same kinds without the allow-list fail, one line per finding: two
    // orphans, the mutual scrutiny, the two lines of the AD and the DCS on
    // three bodies. (Stay Safe and the LSCB share one theme and nothing
    // else, which is weak evidence of duplication on its own.)
    let err = report().ensure_none(&kinds).unwrap_err();
    assert_eq!(err.findings().len(), 5);
}

#[test]
fn an_allowed_orphan_passes_and_the_other_still_fails() {
    let allowed = Allowed::new().allow(FindingKind::Orphan, "play");
    let err = report()
        .ensure_none_except(&[FindingKind::Orphan], &allowed)
        .unwrap_err()
        .in_file(FILE);
    assert_eq!(
        err.to_string(),
        "tests/fixtures/report-trust.toml: 1 unwanted finding:\n  \
         orphan: LINCS is accountable only to bodies that are not active: \
         Integrated Working Programme Board (on hold)"
    );
    let [finding] = err.findings() else {
        panic!("one finding expected: {err}")
    };
    assert_eq!(finding.kind, FindingKind::Orphan);
    assert_eq!(finding.ids, ["lincs"]);
    assert_eq!(finding.file.as_deref(), Some(std::path::Path::new(FILE)));
}

#[test]
fn an_allowance_is_for_its_kind_only() {
    // "play" is allowed to be an orphan, not to have unknown meetings.
    let allowed = Allowed::new().allow(FindingKind::Orphan, "play");
    let err = report()
        .ensure_none_except(&[FindingKind::UnknownMeetings], &allowed)
        .unwrap_err();
    assert!(
        err.findings()
            .iter()
            .any(|f| f.kind == FindingKind::UnknownMeetings && f.ids == ["play"]),
        "{err}"
    );
}

#[test]
fn a_pair_allowance_allows_that_pair_and_one_id_allows_every_pair_with_it() {
    // The LSCB and the Trust Board scrutinise each other: a pair finding.
    let report = report();
    let mutual = [FindingKind::MutualScrutiny];
    let other_pair = Allowed::new().allow_pair(FindingKind::MutualScrutiny, "lscb", "stay-safe");
    assert!(report.ensure_none_except(&mutual, &other_pair).is_err());
    let this_pair = Allowed::new().allow_pair(FindingKind::MutualScrutiny, "trust", "lscb");
    assert!(report.ensure_none_except(&mutual, &this_pair).is_ok());
    let either = Allowed::new().allow(FindingKind::MutualScrutiny, "trust");
    assert!(report.ensure_none_except(&mutual, &either).is_ok());
}

#[test]
fn an_allowance_for_an_id_that_has_no_finding_changes_nothing() {
    let allowed = Allowed::new().allow(FindingKind::Orphan, "trust");
    let with = report()
        .ensure_none_except(&[FindingKind::Orphan], &allowed)
        .unwrap_err();
    let without = report().ensure_none(&[FindingKind::Orphan]).unwrap_err();
    assert_eq!(with, without);
    let ids: Vec<&str> = with.findings().iter().map(|f| f.ids[0].as_str()).collect();
    assert_eq!(ids, ["lincs", "play"]);
}

#[test]
fn the_error_serialises_with_kinds_ids_text_and_file() {
    let err = report()
        .ensure_none(&[FindingKind::MutualScrutiny])
        .unwrap_err()
        .in_file(FILE);
    assert_eq!(
        serde_json::to_value(&err).unwrap(),
        serde_json::json!({
            "findings": [{
                "kind": "mutual-scrutiny",
                "ids": ["lscb", "trust"],
                "text": "LSCB and Children's Trust Board scrutinise each other",
                "file": FILE,
            }]
        })
    );
}

#[test]
fn an_allowance_that_allows_nothing_is_reported_as_unused() {
    let report = report();
    let allowed = Allowed::new()
        .allow(FindingKind::Orphan, "play")
        .allow(FindingKind::Orphan, "trust")
        .allow_pair(FindingKind::Duplicate, "lscb", "trust")
        .allow(FindingKind::Interlock, "dcs");
    let unused: Vec<(FindingKind, Vec<&str>)> = allowed
        .unused(&report)
        .map(|(kind, ids)| (kind, ids.iter().map(|id| id.as_str()).collect()))
        .collect();
    assert_eq!(
        unused,
        [
            (FindingKind::Orphan, vec!["trust"]),
            (FindingKind::Duplicate, vec!["lscb", "trust"]),
        ]
    );
}
