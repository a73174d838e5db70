//! Reading Popolo JSON: the two real EveryPolitician files import, what
//! govgraph cannot represent is warned about and kept, and malformed
//! documents give located errors without panicking.
//!
//! The Zimbabwe Senate file is copied into `tests/fixtures/popolo/` (with its
//! MIT licence) so its tests always run; the Estonia file is read from the
//! shared data folder beside the repository, and its tests say plainly when
//! they skip because the folder is absent.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

use govgraph::popolo::{self, WarningKind};
use govgraph::{BodyKind, ErrorKind, MemberKind, ProblemKind, Role, Status, Structure};
use proptest::prelude::*;
use serde_json::{Value, json};

const ZIMBABWE: &str = "zimbabwe-senate-ep-popolo-v1.0.json";
const ESTONIA: &str = "estonia-ep-popolo-v1.0.json";
const ZIMBABWE_SENATE: &str = "713672e7-18c5-4d1d-abd1-8d597b143847";
const RIIGIKOGU: &str = "1ba661a9-22ad-4d0f-8a60-fe8e28f2488c";

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/popolo")
        .join(name)
}

/// A file in the shared data folder beside the repository, or `None` with a
/// notice when the folder is not there.
fn shared(name: &str) -> Option<PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data/popolo")
        .join(name);
    if path.exists() {
        Some(path)
    } else {
        eprintln!(
            "skipping: {} is absent (the shared data folder sits beside the repository)",
            path.display()
        );
        None
    }
}

/// For each member, the bodies it has a seat on.
fn bodies_by_member(s: &Structure) -> BTreeMap<&str, BTreeSet<&str>> {
    let mut bodies: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for m in s.memberships() {
        bodies
            .entry(m.member.as_str())
            .or_default()
            .insert(m.body.as_str());
    }
    bodies
}

fn count_kind(s: &Structure, kind: MemberKind) -> usize {
    s.members().filter(|m| m.kind == kind).count()
}

fn seats_for(s: &Structure, party: &str) -> usize {
    s.memberships()
        .iter()
        .filter(|m| m.on_behalf_of.as_ref().is_some_and(|p| p.as_str() == party))
        .count()
}

// The real files. Their counts come from reading the files themselves: the
// Zimbabwe file has 4 organisations (3 classified "party" and the Senate,
// classified "legislature"), 67 persons and 68 memberships, all in the
// Senate; memberships[1] and [2] seat the same person for ZANU PF with no
// dates, differing only in area_id.

#[test]
fn zimbabwe_senate_imports_with_its_parties_as_partner_organisations() {
    let import = popolo::from_path(fixture(ZIMBABWE)).unwrap();
    let s = import.structure();

    let senate = s.body(ZIMBABWE_SENATE).unwrap();
    assert_eq!(senate.name, "Senate");
    assert_eq!(senate.kind, BodyKind::Assembly);
    assert_eq!(senate.status, Status::Active);
    assert!(senate.apex, "an organisation without a parent is an apex");
    assert_eq!(s.bodies().count(), 1);

    assert_eq!(count_kind(s, MemberKind::Organisation), 3);
    assert_eq!(count_kind(s, MemberKind::Person), 67);
    assert_eq!(s.member("party/zanu_pf").unwrap().name, "ZANU PF");

    // 68 memberships less the one repeat.
    assert_eq!(s.memberships().len(), 67);
    assert!(s.memberships().iter().all(|m| m.role == Role::Member));
    assert_eq!(seats_for(s, "party/zanu_pf"), 39 - 1);
    assert_eq!(seats_for(s, "party/mdc-t"), 26);
    assert_eq!(seats_for(s, "party/mdc"), 3);
}

#[test]
fn zimbabwe_senate_repeat_seat_is_warned_about_and_kept() {
    let import = popolo::from_path(fixture(ZIMBABWE)).unwrap();
    let warnings = import.warnings();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert_eq!(warnings[0].kind, WarningKind::RepeatedSeat);
    assert_eq!(warnings[0].location.key, "memberships[2]");
    assert_eq!(warnings[0].related.as_ref().unwrap().key, "memberships[1]");
    let not_seated = import.memberships_not_seated();
    assert_eq!(not_seated.len(), 1);
    assert_eq!(not_seated[0]["area_id"], "area/matebeleland_south");
    // The seat that was read keeps the first membership's area.
    let seat = import
        .structure()
        .memberships()
        .iter()
        .find(|m| m.member.as_str() == "088e1e76-2539-4495-8a63-aa45c9de5c4e")
        .unwrap();
    assert_eq!(
        import.kept_for_seat(seat).unwrap()["area_id"],
        "area/mashonaland_south"
    );
}

#[test]
fn zimbabwe_senate_has_nobody_on_more_than_one_body() {
    let import = popolo::from_path(fixture(ZIMBABWE)).unwrap();
    let on_many = bodies_by_member(import.structure())
        .values()
        .filter(|bodies| bodies.len() > 1)
        .count();
    // The file describes one chamber only.
    assert_eq!(on_many, 0);
}

// The Estonia file has 8 organisations (7 party groups classified "party"
// and the Riigikogu, "legislature"), 193 persons and 299 memberships, all
// in the Riigikogu, over two legislative periods. 25 memberships repeat an
// earlier one's person, role and (absent) dates, differing only in
// legislative_period_id or area_id; 8 persons sat for more than one party.

#[test]
fn estonia_imports_with_its_party_groups_as_partner_organisations() {
    let Some(path) = shared(ESTONIA) else { return };
    let import = popolo::from_path(path).unwrap();
    let s = import.structure();

    assert_eq!(s.bodies().count(), 1);
    assert_eq!(s.body(RIIGIKOGU).unwrap().name, "Riigikogu");
    assert_eq!(count_kind(s, MemberKind::Organisation), 7);
    assert_eq!(count_kind(s, MemberKind::Person), 193);
    assert_eq!(s.memberships().len(), 299 - 25);

    let repeats = import
        .warnings()
        .iter()
        .filter(|w| w.kind == WarningKind::RepeatedSeat)
        .count();
    assert_eq!(repeats, 25);
    assert_eq!(import.warnings().len(), 25, "{:?}", import.warnings());
    assert_eq!(import.memberships_not_seated().len(), 25);

    let mut parties: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for m in s.memberships() {
        if let Some(party) = &m.on_behalf_of {
            parties
                .entry(m.member.as_str())
                .or_default()
                .insert(party.as_str());
        }
    }
    assert_eq!(parties.values().filter(|p| p.len() > 1).count(), 8);
    let on_many = bodies_by_member(s)
        .values()
        .filter(|bodies| bodies.len() > 1)
        .count();
    assert_eq!(on_many, 0);
}

#[test]
fn estonia_keeps_membership_dates() {
    let Some(path) = shared(ESTONIA) else { return };
    let import = popolo::from_path(path).unwrap();
    // memberships[0] in the file: IRL's seat in term 13 from 2015-04-09.
    let seat = import
        .structure()
        .memberships()
        .iter()
        .find(|m| m.member.as_str() == "014f1aac-a694-4538-8b4f-a533233acb60")
        .unwrap();
    assert_eq!(
        seat.start.map(|d| d.to_string()).as_deref(),
        Some("2015-04-09")
    );
    assert_eq!(seat.end, None);
    assert_eq!(seat.on_behalf_of.as_ref().unwrap().as_str(), "IRL");
    assert_eq!(
        import.kept_for_seat(seat).unwrap()["legislative_period_id"],
        "term/13"
    );
}

/// Sorts the document's top-level lists, whose order Popolo leaves free.
fn normalised(mut document: Value) -> Value {
    if let Value::Object(top) = &mut document {
        for list in top.values_mut() {
            if let Value::Array(items) = list {
                items.sort_by_key(|item| item.to_string());
            }
        }
    }
    document
}

fn assert_written_back_unchanged(path: &Path) {
    let original: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let import = popolo::from_path(path).unwrap();
    let written: Value = serde_json::from_str(&import.to_json_string().unwrap()).unwrap();
    assert_eq!(normalised(written), normalised(original));
}

#[test]
fn zimbabwe_senate_is_written_back_with_every_field() {
    assert_written_back_unchanged(&fixture(ZIMBABWE));
}

#[test]
fn estonia_is_written_back_with_every_field() {
    let Some(path) = shared(ESTONIA) else { return };
    assert_written_back_unchanged(&path);
}

/// Builds an example (`cargo test --test popolo` alone does not) and runs it.
fn run_example(name: &str, args: &[&str]) -> String {
    // This test runs from <target>/<profile>/deps; build in the same profile.
    let exe = std::env::current_exe().unwrap();
    let profile = exe.parent().and_then(Path::parent).unwrap();
    let mut build = Command::new(env!("CARGO"));
    build
        .args(["build", "--quiet", "--example", name])
        .current_dir(env!("CARGO_MANIFEST_DIR"));
    if profile.file_name().is_some_and(|p| p == "release") {
        build.arg("--release");
    }
    assert!(build.status().unwrap().success());
    let binary = profile
        .join("examples")
        .join(format!("{name}{}", std::env::consts::EXE_SUFFIX));
    let output = Command::new(binary).args(args).output().unwrap();
    assert!(output.status.success(), "{output:?}");
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn the_popolo_example_reports_what_the_zimbabwe_senate_file_holds() {
    let printed = run_example(
        "popolo",
        &["tests/fixtures/popolo/zimbabwe-senate-ep-popolo-v1.0.json"],
    );
    let lines: Vec<&str> = printed.lines().collect();
    assert_eq!(
        lines,
        [
            "zimbabwe-senate-ep-popolo-v1.0.json",
            "bodies: 1",
            "  Senate (assembly, active)",
            "members: 67 persons, 0 posts, 3 partner organisations",
            "seats: 67",
            "members on more than one body: 0",
            "members who sat for more than one organisation: 0",
            "seats held on behalf of:",
            "  ZANU PF: 38",
            "  MDC-T: 26",
            "  MDC: 3",
            "warnings: 1",
            "  tests/fixtures/popolo/zimbabwe-senate-ep-popolo-v1.0.json: \
             membership of \"Alma Mkhwebu\" (memberships[2]): repeats a seat already read \
             (same organisation, member, role and dates): seated once, kept for writing back \
             (first at memberships[1])",
        ]
    );
}

// Interlocks: people on several bodies and bodies sharing members show up in
// what is imported.

const COUNCIL: &str = r#"{
    "organizations": [
        {"id": "council", "name": "Borough Council", "classification": "legislature"},
        {"id": "children", "name": "Children's Scrutiny Committee", "classification": "committee",
         "parent_id": "council"},
        {"id": "health", "name": "Health Scrutiny Committee", "classification": "committee",
         "parent_id": "council"},
        {"id": "labour", "name": "Labour", "classification": "party"},
        {"id": "greens", "name": "Greens", "classification": "party"}
    ],
    "persons": [
        {"id": "ann", "name": "Ann"}, {"id": "bob", "name": "Bob"}, {"id": "cat", "name": "Cat"}
    ],
    "memberships": [
        {"person_id": "ann", "organization_id": "council", "on_behalf_of_id": "labour"},
        {"person_id": "bob", "organization_id": "council", "on_behalf_of_id": "labour"},
        {"person_id": "cat", "organization_id": "council", "on_behalf_of_id": "greens"},
        {"person_id": "ann", "organization_id": "children", "role": "Chair"},
        {"person_id": "bob", "organization_id": "children"},
        {"person_id": "ann", "organization_id": "health", "role": "Vice Chair"},
        {"person_id": "bob", "organization_id": "health"},
        {"person_id": "cat", "organization_id": "health", "role": "chair"}
    ]
}"#;

#[test]
fn people_on_several_imported_bodies_show_up_as_overlapping_seats() {
    let import = popolo::from_json_str(COUNCIL).unwrap();
    assert!(import.warnings().is_empty(), "{:?}", import.warnings());
    let s = import.structure();
    let bodies = bodies_by_member(s);
    assert_eq!(
        bodies["ann"],
        BTreeSet::from(["children", "council", "health"])
    );
    assert_eq!(
        bodies["bob"],
        BTreeSet::from(["children", "council", "health"])
    );
    assert_eq!(bodies["cat"], BTreeSet::from(["council", "health"]));
    // The committees share Ann and Bob.
    let members = |body: &'static str| -> BTreeSet<&str> {
        s.seats_on(body).map(|m| m.member.as_str()).collect()
    };
    let shared: Vec<&str> = members("children")
        .intersection(&members("health"))
        .copied()
        .collect();
    assert_eq!(shared, ["ann", "bob"]);
    assert_eq!(
        s.accountable_parents("health").collect::<Vec<_>>(),
        ["council"]
    );
    assert!(s.body("council").unwrap().apex);
    assert!(!s.body("health").unwrap().apex);
    let roles: Vec<(&str, Role)> = s
        .seats_on("health")
        .map(|m| (m.member.as_str(), m.role))
        .collect();
    assert_eq!(
        roles,
        [
            ("ann", Role::ViceChair),
            ("bob", Role::Member),
            ("cat", Role::Chair)
        ]
    );
}

// What govgraph cannot represent is warned about and kept.

fn warnings_of(document: &Value) -> Vec<String> {
    popolo::from_json_str(&document.to_string())
        .unwrap()
        .warnings()
        .iter()
        .map(ToString::to_string)
        .collect()
}

#[test]
fn a_seat_on_a_party_is_not_seated_but_kept() {
    let document = json!({
        "organizations": [
            {"id": "red", "name": "Red Party", "classification": "party"},
            {"id": "council", "name": "Council", "classification": "council"}
        ],
        "persons": [{"id": "p", "name": "P"}],
        "memberships": [{"person_id": "p", "organization_id": "red", "role": "treasurer"}]
    });
    let import = popolo::from_json_str(&document.to_string()).unwrap();
    assert!(import.structure().memberships().is_empty());
    assert_eq!(
        import.memberships_not_seated(),
        [document["memberships"][0].clone()]
    );
    assert_eq!(
        warnings_of(&document),
        [
            r#"membership of "P" (memberships[0].organization_id): "red" is read as a partner organisation, which has no seats: not seated, kept for writing back"#,
            r#"membership of "P" (memberships[0].role): role "treasurer" is not a govgraph role: seated as "member", the text kept (give it one with ImportOptions::role)"#,
        ]
    );
}

#[test]
fn an_unknown_role_is_seated_as_member_with_its_text_kept() {
    let import = popolo::from_json_str(
        r#"{"organizations": [{"id": "c", "name": "C", "classification": "committee"}],
            "persons": [{"id": "p", "name": "P"}],
            "memberships": [{"person_id": "p", "organization_id": "c", "role": "Whip"}]}"#,
    )
    .unwrap();
    let seat = &import.structure().memberships()[0];
    assert_eq!(seat.role, Role::Member);
    assert_eq!(import.kept_for_seat(seat).unwrap()["role"], "Whip");
    assert_eq!(import.to_json_value()["memberships"][0]["role"], "Whip");
}

#[test]
fn an_unknown_classification_is_read_as_other_with_a_warning() {
    let document = json!({
        "organizations": [
            {"id": "a", "name": "A", "classification": "Quango"},
            {"id": "b", "name": "B"}
        ]
    });
    let import = popolo::from_json_str(&document.to_string()).unwrap();
    assert_eq!(import.structure().body("a").unwrap().kind, BodyKind::Other);
    assert_eq!(import.kept("a").unwrap()["classification"], "Quango");
    assert_eq!(
        warnings_of(&document),
        [
            r#"organization "a" (organizations[0].classification): classification "Quango" has no govgraph body kind: read as "other", the text kept"#,
            r#"organization "b" (organizations[1]): no classification: read as kind "other""#,
        ]
    );
}

#[test]
fn a_seat_on_behalf_of_a_body_is_seated_with_it() {
    let document = json!({
        "organizations": [
            {"id": "board", "name": "Board", "classification": "board"},
            {"id": "council", "name": "Council", "classification": "committee"}
        ],
        "persons": [{"id": "p", "name": "P"}, {"id": "q", "name": "Q"}],
        "memberships": [
            {"person_id": "p", "organization_id": "board", "on_behalf_of_id": "council"},
            {"person_id": "q", "organization_id": "council"}
        ]
    });
    let import = popolo::from_json_str(&document.to_string()).unwrap();
    // A chair may sit for their own board, so a seat may be held on
    // behalf of a body.
    let seat = import.structure().seats_on("board").next().unwrap();
    assert_eq!(seat.on_behalf_of.as_ref().unwrap().as_str(), "council");
    assert!(warnings_of(&document).is_empty());
}

#[test]
fn posts_and_organisations_can_hold_seats() {
    let import = popolo::from_json_str(
        r#"{"organizations": [
                {"id": "trust", "name": "Trust Board", "classification": "board"},
                {"id": "pct", "name": "Primary Care Trust"}],
            "posts": [{"id": "dcs", "label": "Director of Children's Services",
                       "organization_id": "pct"}],
            "memberships": [
                {"post_id": "dcs", "organization_id": "trust", "role": "lead officer"},
                {"member": {"@type": "Organization", "id": "pct"}, "organization_id": "trust"}]}"#,
    )
    .unwrap();
    let s = import.structure();
    assert_eq!(s.member("dcs").unwrap().kind, MemberKind::Post);
    assert_eq!(s.member("dcs").unwrap().organisations[0].as_str(), "pct");
    // Named only as a member, so a partner organisation.
    assert_eq!(s.member("pct").unwrap().kind, MemberKind::Organisation);
    let seats: Vec<(&str, Role)> = s
        .seats_on("trust")
        .map(|m| (m.member.as_str(), m.role))
        .collect();
    assert_eq!(seats, [("dcs", Role::LeadOfficer), ("pct", Role::Member)]);
}

#[test]
fn a_dissolution_date_makes_a_body_dissolved_and_is_kept() {
    let import = popolo::from_json_str(
        r#"{"organizations": [{"id": "iwpb", "name": "Integrated Working Programme Board",
            "classification": "programme board", "dissolution_date": "2011-03"}]}"#,
    )
    .unwrap();
    let body = import.structure().body("iwpb").unwrap();
    assert_eq!(body.status, Status::Dissolved);
    assert_eq!(body.kind, BodyKind::ProgrammeBoard);
    assert_eq!(import.kept("iwpb").unwrap()["dissolution_date"], "2011-03");
    // Written back, the date says it all; written bare, there is no date,
    // so the status goes in the extension.
    let written_back = import.to_json_value();
    assert_eq!(
        written_back["organizations"][0]["dissolution_date"],
        "2011-03"
    );
    assert!(written_back["organizations"][0].get("govgraph").is_none());
    let bare = popolo::to_json_value(import.structure());
    assert_eq!(
        bare["organizations"][0]["govgraph"],
        json!({"status": "dissolved"})
    );
}

#[test]
fn embedded_memberships_and_dangling_areas_are_warned_about() {
    let document = json!({
        "organizations": [{"id": "c", "name": "C", "classification": "committee",
                           "memberships": [{"person_id": "p"}]}],
        "persons": [{"id": "p", "name": "P"}],
        "memberships": [{"person_id": "p", "organization_id": "c", "area_id": "area/nowhere",
                         "legislative_period_id": "term/1"}],
        "events": [{"id": "term/1", "classification": "legislative period"}]
    });
    assert_eq!(
        warnings_of(&document),
        [
            r#"organization "c" (organizations[0].memberships): embedded list not read (list memberships and posts at the top level): kept for writing back"#,
            r#"membership of "P" (memberships[0].area_id): "area/nowhere" names nothing in the document: kept for writing back as written"#,
        ]
    );
}

// Malformed documents give located errors.

fn error_of(text: &str) -> govgraph::Error {
    match popolo::from_json_str(text) {
        Ok(import) => panic!("expected an error, got {:?}", import.structure()),
        Err(err) => err,
    }
}

#[test]
fn a_missing_id_is_a_located_error() {
    let err = error_of(r#"{"organizations": [{"id": "a", "name": "A"}, {"name": "B"}]}"#);
    assert!(matches!(err.kind(), ErrorKind::Syntax { .. }));
    assert_eq!(
        err.to_string(),
        "organizations[1]: missing id: give every organization an id, unique across organizations, persons and posts"
    );
}

#[test]
fn a_value_of_the_wrong_type_is_a_located_error() {
    let cases = [
        (
            r#"{"persons": [{"id": 7, "name": "P"}]}"#,
            "persons[0].id: expected a string, found a number",
        ),
        (
            r#"{"memberships": {}}"#,
            "memberships: expected an array, found an object",
        ),
        (
            r#"{"memberships": ["m"]}"#,
            "memberships[0]: expected an object, found a string",
        ),
        (
            r#"{"organizations": [{"id": "a", "name": "A", "parent_id": ["b"]}]}"#,
            r#"organization "a" (organizations[0].parent_id): expected a string, found an array"#,
        ),
        (
            r#"{"memberships": [{"person_id": "p", "organization_id": "o", "start_date": "9 May 2015"}]}"#,
            r#"memberships[0].start_date: expected a date written YYYY, YYYY-MM or YYYY-MM-DD, found "9 May 2015""#,
        ),
        (
            r#"{"organizations": [{"id": "a", "name": "A", "govgraph": {"statutory": "yes"}}]}"#,
            r#"organization "a" (organizations[0].govgraph.statutory): expected true or false, found a string"#,
        ),
        (
            r#"{"organizations": [{"id": "a", "name": "A", "govgraph": {"colour": "red"}}]}"#,
            r#"organization "a" (organizations[0].govgraph.colour): unknown govgraph field "colour"; expected one of status, apex, statutory, tier, purpose, functions, themes, meets, source, note, partner, status_since, intended_status, accountability, count, formerly, reports_to, oversees, sub_group_of, scrutinises, feeds_into, part_of, merged_into, replaced_by, governance_body_for, nominates_to, aligned_with, protocol_with, annual_report_to, renamed_to"#,
        ),
        (
            "\n  [1, 2]",
            "2:3: expected a Popolo document, a JSON object holding organizations, persons, posts and memberships; found an array",
        ),
        (r#"{"persons": [}"#, "1:14: expected value"),
    ];
    for (text, expected) in cases {
        let err = error_of(text);
        assert!(matches!(err.kind(), ErrorKind::Syntax { .. }), "{text}");
        assert_eq!(err.to_string(), expected, "{text}");
    }
}

#[test]
fn a_membership_without_an_organisation_or_member_is_a_located_error() {
    assert_eq!(
        error_of(r#"{"memberships": [{"person_id": "p"}]}"#).to_string(),
        "memberships[0]: missing organization_id: a membership needs the organisation it is in (embedded organization objects are not read)"
    );
    assert_eq!(
        error_of(r#"{"memberships": [{"organization_id": "o", "role": "member"}]}"#).to_string(),
        "memberships[0]: missing person_id: a membership needs a person_id, post_id or member (embedded person objects are not read)"
    );
}

fn problems_of(text: &str) -> Vec<(ProblemKind, String)> {
    let err = error_of(text);
    assert!(matches!(err.kind(), ErrorKind::Invalid(_)), "{err}");
    err.problems()
        .iter()
        .map(|p| (p.kind.clone(), p.location.key.clone()))
        .collect()
}

#[test]
fn a_dangling_person_id_is_a_located_error_with_a_suggestion() {
    let text = r#"{"organizations": [{"id": "senate", "name": "Senate", "classification": "senate"}],
                   "persons": [{"id": "person-12", "name": "P"}],
                   "memberships": [{"person_id": "person-21", "organization_id": "senate"}]}"#;
    let err = error_of(text);
    assert_eq!(
        err.to_string(),
        r#"memberships[0].person_id: unknown id "person-21" (did you mean "person-12"?)"#
    );
}

#[test]
fn a_dangling_parent_id_is_a_located_error() {
    let problems = problems_of(
        r#"{"organizations": [{"id": "a", "name": "A", "classification": "committee",
                               "parent_id": "nowhere"}]}"#,
    );
    assert_eq!(
        problems,
        [(
            ProblemKind::UnknownId {
                id: "nowhere".to_string(),
                suggestion: None
            },
            "organizations[0].parent_id".to_string()
        )]
    );
}

#[test]
fn duplicate_ids_across_collections_are_located_errors() {
    let err = error_of(
        r#"{"organizations": [{"id": "x", "name": "X", "classification": "board"}],
            "persons": [{"id": "x", "name": "Also X"}]}"#,
    );
    let problem = &err.problems()[0];
    assert_eq!(problem.kind, ProblemKind::DuplicateId { id: "x".into() });
    assert_eq!(problem.location.key, "persons[0].id");
    assert_eq!(problem.related.as_ref().unwrap().key, "organizations[0].id");
    assert_eq!(
        err.to_string(),
        r#"person "x" (persons[0].id): duplicate id "x": give each body and member its own id (first defined at organization "x" (organizations[0].id))"#
    );
}

#[test]
fn every_reference_problem_is_reported_at_once() {
    let problems = problems_of(
        r#"{"organizations": [
                {"id": "board", "name": "Board", "classification": "board", "parent_id": "board"},
                {"id": "red", "name": "Red", "classification": "party"},
                {"id": "", "name": "No id"},
                {"id": "nameless", "classification": "panel"}],
            "persons": [{"id": "p", "name": "P"}],
            "memberships": [
                {"person_id": "red", "organization_id": "board"},
                {"person_id": "p", "organization_id": "p", "on_behalf_of_id": "ghost"}]}"#,
    );
    let wrong = |id: &str, expected: &'static str| ProblemKind::WrongTarget {
        id: id.into(),
        expected,
    };
    let keys: Vec<&str> = problems.iter().map(|(_, key)| key.as_str()).collect();
    assert_eq!(
        keys,
        [
            "memberships[0].person_id",
            "memberships[1].on_behalf_of_id",
            "memberships[1].organization_id",
            "organizations[0].parent_id",
            "organizations[2].id",
            "organizations[3].name",
        ]
    );
    assert_eq!(problems[0].0, wrong("red", "a person"));
    assert!(matches!(&problems[1].0, ProblemKind::UnknownId { id, .. } if id == "ghost"));
    assert_eq!(problems[2].0, wrong("p", "an organisation"));
    assert!(matches!(problems[3].0, ProblemKind::SelfRelation { .. }));
    assert_eq!(problems[4].0, ProblemKind::InvalidId { id: String::new() });
    assert_eq!(problems[5].0, ProblemKind::EmptyName);
}

#[test]
fn errors_from_a_file_name_the_file() {
    let dir = std::env::temp_dir().join(format!("govgraph-popolo-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("bad.json");
    std::fs::write(&path, r#"{"persons": [{"name": "P"}]}"#).unwrap();
    let err = popolo::from_path(&path).unwrap_err();
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(
        err.to_string()
            .starts_with(&format!("{}: persons[0]: missing id", path.display())),
        "{err}"
    );
}

// Reading never panics, whatever it is given.

/// Picks one of `words` (which may be empty: then nothing).
fn one_of(words: Vec<&'static str>) -> BoxedStrategy<Option<&'static str>> {
    if words.is_empty() {
        Just(None).boxed()
    } else {
        prop::sample::select(words).prop_map(Some).boxed()
    }
}

/// Sets `key` on an object to `value` when there is one.
fn set(object: &mut Value, key: &str, value: Option<Value>) {
    if let (Value::Object(object), Some(value)) = (object, value) {
        object.insert(key.to_string(), value);
    }
}

/// A well-formed Popolo document over a few ids, whose references land on
/// what the document defines, so that generated documents reach every path
/// through the reader.
fn well_formed() -> impl Strategy<Value = Value> {
    let organizations = prop::sample::subsequence(vec!["o1", "o2", "o3", "o4"], 0..=4);
    let persons = prop::sample::subsequence(vec!["p1", "p2", "p3"], 0..=3);
    let posts = prop::sample::subsequence(vec!["q1", "q2"], 0..=2);
    (organizations, persons, posts).prop_flat_map(|(organizations, persons, posts)| {
        let everyone: Vec<&'static str> = organizations
            .iter()
            .chain(&persons)
            .chain(&posts)
            .copied()
            .collect();
        let holders: Vec<(&'static str, &'static str)> = persons
            .iter()
            .map(|id| ("person_id", *id))
            .chain(posts.iter().map(|id| ("post_id", *id)))
            .chain(organizations.iter().map(|id| ("member", *id)))
            .collect();
        let holder = if holders.is_empty() {
            Just(None).boxed()
        } else {
            prop::sample::select(holders).prop_map(Some).boxed()
        };
        let organization = |id: &'static str, others: Vec<&'static str>, everyone: Vec<&'static str>| {
            let classification = prop::sample::select(vec!["party", "committee", "legislature", "board", "Quango"]);
            let ext = prop_oneof![
                Just(None),
                Just(Some(json!({"partner": true, "source": "s"}))),
                Just(Some(json!({"partner": false, "status": "dormant", "apex": false, "themes": ["health"]}))),
                one_of(everyone.clone()).prop_map(|to| to.map(|to| json!({"scrutinises": [{"to": to, "note": "n"}]}))),
                one_of(everyone).prop_map(|to| to.map(|to| json!({"reports_to": [to], "meets": "quarterly"}))),
            ];
            (classification, one_of(others), prop::option::of(Just("2011-03")), ext).prop_map(
                move |(classification, parent, dissolved, ext)| {
                    let mut o = json!({"id": id, "name": format!("Organisation {id}"), "classification": classification});
                    set(&mut o, "parent_id", parent.filter(|p| *p != id).map(|p| json!(p)));
                    set(&mut o, "dissolution_date", dissolved.map(|d| json!(d)));
                    set(&mut o, "govgraph", ext);
                    o
                },
            )
        };
        let organization_list: Vec<_> = organizations
            .iter()
            .map(|id| organization(id, organizations.clone(), everyone.clone()))
            .collect();
        let person_list: Vec<_> = persons
            .into_iter()
            .map(|id| {
                prop::option::weighted(0.2, one_of(organizations.clone())).prop_map(move |organisation| {
                    let mut p = json!({"id": id, "name": format!("Person {id}"), "gender": "female"});
                    set(&mut p, "govgraph", organisation.flatten().map(|o| json!({"organisation": o})));
                    p
                })
            })
            .collect();
        let post_list: Vec<_> = posts
            .into_iter()
            .map(|id| {
                one_of(organizations.clone()).prop_map(move |organization| {
                    let mut q = json!({"id": id, "label": format!("Post {id}")});
                    set(&mut q, "organization_id", organization.map(|o| json!(o)));
                    q
                })
            })
            .collect();
        let membership = (
            one_of(organizations.clone()),
            holder,
            prop::option::of(prop::sample::select(vec!["member", "Chair", "vice-chair", "Whip"])),
            prop::option::of(one_of(organizations.clone())),
            prop::option::of(prop::sample::select(vec!["2015", "2015-04-09"])),
            prop::option::of(prop::sample::select(vec!["term/1", "term/2"])),
            prop::option::of(Just(json!({"start": "June 2011", "note": "n"}))),
        )
            .prop_map(|(organization, holder, role, on_behalf_of, start, period, ext)| {
                let mut m = json!({});
                set(&mut m, "organization_id", organization.map(|o| json!(o)));
                if let Some((key, id)) = holder {
                    let member = if key == "member" { json!({"id": id}) } else { json!(id) };
                    set(&mut m, key, Some(member));
                }
                set(&mut m, "role", role.map(|r| json!(r)));
                set(&mut m, "on_behalf_of_id", on_behalf_of.flatten().map(|o| json!(o)));
                set(&mut m, "start_date", start.map(|d| json!(d)));
                set(&mut m, "legislative_period_id", period.map(|p| json!(p)));
                if start.is_none() {
                    set(&mut m, "govgraph", ext);
                }
                m
            });
        (organization_list, person_list, post_list, prop::collection::vec(membership, 0..8)).prop_map(
            |(o, p, q, m)| {
                json!({"organizations": o, "persons": p, "posts": q, "memberships": m,
                       "events": [{"id": "term/1"}]})
            },
        )
    })
}

/// A well-formed document, now and then with one value anywhere in it
/// replaced by something of another type.
fn popolo_like() -> impl Strategy<Value = Value> {
    let noise = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        (0..3i64).prop_map(|n| json!(n)),
        Just(json!([])),
        Just(json!({})),
        Just(json!("")),
        Just(json!("o1")),
    ];
    let keys = prop::sample::select(vec![
        "id",
        "name",
        "label",
        "classification",
        "parent_id",
        "dissolution_date",
        "person_id",
        "post_id",
        "organization_id",
        "on_behalf_of_id",
        "role",
        "member",
        "start_date",
        "govgraph",
        "memberships",
    ]);
    let damage = prop::option::weighted(0.3, (0..4usize, 0..8usize, keys, noise));
    (well_formed(), damage).prop_map(|(mut document, damage)| {
        if let Some((list, item, key, value)) = damage {
            let list = ["organizations", "persons", "posts", "memberships"][list];
            if let Some(items) = document[list]
                .as_array_mut()
                .filter(|items| !items.is_empty())
            {
                let len = items.len();
                set(&mut items[item % len], key, Some(value));
            }
        }
        document
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn reading_any_document_never_panics(document in popolo_like()) {
        if let Ok(import) = popolo::from_json_str(&document.to_string()) {
            // Whatever imports is written out and read back the same, with
            // or without the fields the import kept.
            let written = popolo::to_json_string(import.structure()).unwrap();
            let again = popolo::from_json_str(&written).unwrap();
            prop_assert_eq!(again.structure(), import.structure());
            let written_back = import.to_json_string().unwrap();
            let again = popolo::from_json_str(&written_back).unwrap();
            prop_assert_eq!(again.structure(), import.structure());
        }
    }

    #[test]
    fn reading_any_text_never_panics(text in "\\PC{0,64}") {
        let _ = popolo::from_json_str(&text);
    }
}

#[test]
fn reading_odd_documents_never_panics() {
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    for text in [
        "",
        "null",
        "0",
        "\"\"",
        "{}",
        "[]",
        r#"{"organizations": null}"#,
        r#"{"organizations": [null]}"#,
        r#"{"govgraph": 1}"#,
        r#"{"govgraph": {"structure": 1}}"#,
        r#"{"memberships": [{"organization_id": "o", "member": {"id": 3}}]}"#,
        r#"{"organizations": [{"id": "a", "name": "A", "govgraph": {"reports_to": [1]}}]}"#,
        &deep,
    ] {
        let _ = popolo::from_json_str(text);
    }
}
