//! Local councils in the EveryPolitician shape (as in the OpenAustralia
//! local-councillor files): every councillor, mayor, deputy mayor and lord
//! mayor is seated in a govgraph role, or in one the user's table gives;
//! a mayor who is also a councillor keeps both seats; what cannot be a seat
//! is kept with the real reason and the file; the wrong document is
//! refused with what to do; and writing an import back keeps its order.
//!
//! `tests/fixtures/popolo/councils.json` is made up for these tests (three
//! councils, four parties), laid out as those files are: councillor seats
//! on behalf of a party first, then the mayoral roles without one.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use govgraph::popolo::{self, ImportOptions, WarningKind};
use govgraph::{ErrorKind, Role, Structure};
use serde_json::{Value, json};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/popolo")
        .join(name)
}

fn councils_text() -> String {
    std::fs::read_to_string(fixture("councils.json")).unwrap()
}

/// The role each role text should be read as, written out here rather
/// than taken from the crate.
fn expected_role(text: &str) -> Role {
    match text {
        "councillor" => Role::Member,
        "Mayor" | "mayor" | "Lord Mayor" => Role::Chair,
        "Deputy Mayor" | "deputy mayor" | "Deputy Lord Mayor" => Role::ViceChair,
        other => panic!("the fixture has an unexpected role {other:?}"),
    }
}

/// (council, person, role) of every membership in the file, read with
/// serde_json alone.
fn memberships_in_file() -> Vec<(String, String, Role)> {
    let document: Value = serde_json::from_str(&councils_text()).unwrap();
    document["memberships"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["organization_id"].as_str().unwrap().to_string(),
                m["person_id"].as_str().unwrap().to_string(),
                expected_role(m["role"].as_str().unwrap()),
            )
        })
        .collect()
}

#[test]
fn every_council_role_is_seated_in_its_govgraph_role_with_no_warning() {
    let import = popolo::from_path(fixture("councils.json")).unwrap();
    assert!(import.warnings().is_empty(), "{:#?}", import.warnings());
    assert!(import.memberships_not_seated().is_empty());
    let mut seated: Vec<(String, String, Role)> = import
        .structure()
        .memberships()
        .iter()
        .map(|m| (m.body.to_string(), m.member.to_string(), m.role))
        .collect();
    let mut expected = memberships_in_file();
    assert_eq!(expected.len(), 16);
    seated.sort();
    expected.sort();
    assert_eq!(seated, expected);
}

#[test]
fn a_mayor_who_is_also_a_councillor_keeps_both_seats() {
    let import = popolo::from_path(fixture("councils.json")).unwrap();
    let s = import.structure();
    let roles = |person: &str| -> Vec<Role> {
        let mut roles: Vec<Role> = s
            .memberships()
            .iter()
            .filter(|m| m.member.as_str() == person)
            .map(|m| m.role)
            .collect();
        roles.sort();
        roles
    };
    assert_eq!(
        roles("harbour_city_council/sue_o'hara"),
        [Role::Chair, Role::Member]
    );
    assert_eq!(
        roles("harbour_city_council/ron_castle"),
        [Role::ViceChair, Role::Member]
    );
    assert_eq!(
        roles("valley_shire_council/mick_tucker"),
        [Role::Chair, Role::Member]
    );
    assert_eq!(
        roles("river_council/heather_chong"),
        [Role::ViceChair, Role::Member]
    );
    assert_eq!(roles("valley_shire_council/kylie_wright"), [Role::Member]);
    // Every council has its chair, read from the words the file uses.
    for council in [
        "legislature/harbour_city_council",
        "legislature/valley_shire_council",
        "legislature/river_council",
    ] {
        let chairs = s
            .seats_on(council)
            .filter(|m| m.role == Role::Chair)
            .count();
        assert_eq!(chairs, 1, "{council}");
    }
    // The role's own words are kept for writing back.
    let lord_mayor = s
        .memberships()
        .iter()
        .find(|m| m.role == Role::Chair && m.body.as_str() == "legislature/harbour_city_council")
        .unwrap();
    assert_eq!(
        import.kept_for_seat(lord_mayor).unwrap()["role"],
        "Lord Mayor"
    );
}

#[test]
fn councillors_sit_on_behalf_of_their_party() {
    let import = popolo::from_path(fixture("councils.json")).unwrap();
    let s = import.structure();
    let mut by_party: BTreeMap<&str, usize> = BTreeMap::new();
    for m in s.memberships() {
        if let Some(party) = &m.on_behalf_of {
            *by_party.entry(party.as_str()).or_default() += 1;
            assert_eq!(m.role, Role::Member, "only councillor seats name a party");
        }
    }
    assert_eq!(
        by_party,
        BTreeMap::from([
            ("party/greens", 2),
            ("party/independent", 3),
            ("party/labor", 2),
            ("party/unknown", 3),
        ])
    );
    // Parties are partner organisations, councils are bodies.
    assert_eq!(s.bodies().count(), 3);
    assert_eq!(
        s.member("party/greens").unwrap().kind,
        govgraph::MemberKind::Organisation
    );
}

#[test]
fn a_users_role_table_maps_roles_the_built_in_one_does_not() {
    let text = councils_text()
        .replace("\"Deputy Mayor\"", "\"Portfolio Holder\"")
        .replace("\"deputy mayor\"", "\"portfolio_holder\"");
    // Without a table the new words are warned about and read as member,
    // which each deputy already holds as a councillor: kept, not seated,
    // and the warning says so.
    let import = popolo::from_json_str(&text).unwrap();
    let unknown: Vec<&WarningKind> = import.warnings().iter().map(|w| &w.kind).collect();
    let shares = |text: &str| WarningKind::RoleSharesSeat {
        role: Role::Member,
        text: Some(text.into()),
        first: Some("councillor".into()),
    };
    assert_eq!(
        unknown,
        [
            &WarningKind::UnknownRole {
                role: "Portfolio Holder".into()
            },
            &shares("Portfolio Holder"),
            &WarningKind::UnknownRole {
                role: "portfolio_holder".into()
            },
            &shares("portfolio_holder"),
        ]
    );
    assert_eq!(import.memberships_not_seated().len(), 2);
    let options = ImportOptions::new().role("portfolio holder", Role::LeadOfficer);
    let import = popolo::from_json_str_with(&text, &options).unwrap();
    assert!(import.warnings().is_empty(), "{:?}", import.warnings());
    let leads = import
        .structure()
        .memberships()
        .iter()
        .filter(|m| m.role == Role::LeadOfficer)
        .count();
    assert_eq!(leads, 2);
}

#[test]
fn two_roles_read_as_one_give_the_real_reason_and_the_file_and_lose_nothing() {
    // A table that reads "Mayor" as "member", like "councillor".
    let options = ImportOptions::new().role("mayor", Role::Member);
    let import = popolo::from_path_with(fixture("councils.json"), &options).unwrap();
    let shared: Vec<String> = import
        .warnings()
        .iter()
        .filter(|w| matches!(w.kind, WarningKind::RoleSharesSeat { .. }))
        .map(ToString::to_string)
        .collect();
    let file = fixture("councils.json").display().to_string();
    assert_eq!(shared.len(), 2, "{shared:#?}");
    assert_eq!(
        shared[0],
        format!(
            "{file}: membership of \"Mick Tucker\" (memberships[12].role): role \"Mayor\" is read as \"member\", \
             as is the same member's role \"councillor\" on the same organisation, and a structure holds one \
             such seat: not seated, kept for writing back; give the roles different govgraph roles with \
             ImportOptions::role (first at memberships[4])"
        )
    );
    assert!(
        import
            .warnings()
            .iter()
            .all(|w| w.location.file.as_deref() == Some(fixture("councils.json").as_path()))
    );
    // Nothing is lost: the two mayoral memberships are kept whole and
    // written back where they were.
    assert_eq!(import.memberships_not_seated().len(), 2);
    assert_eq!(import.structure().memberships().len(), 14);
    let written: Value = serde_json::from_str(&import.to_json_string().unwrap()).unwrap();
    let original: Value = serde_json::from_str(&councils_text()).unwrap();
    assert_eq!(written["memberships"], original["memberships"]);
}

#[test]
fn a_repeated_membership_is_still_called_a_repeat() {
    let document = json!({
        "organizations": [{"id": "c", "name": "Council", "classification": "legislature"}],
        "persons": [{"id": "p", "name": "P"}],
        "memberships": [
            {"person_id": "p", "organization_id": "c", "role": "councillor"},
            {"person_id": "p", "organization_id": "c", "role": "Councillor"}
        ]
    });
    let import = popolo::from_json_str(&document.to_string()).unwrap();
    assert_eq!(import.warnings().len(), 1);
    assert_eq!(import.warnings()[0].kind, WarningKind::RepeatedSeat);
    // No role is a member's seat, so "Member" after none repeats it too.
    let document = json!({
        "organizations": [{"id": "c", "name": "Council", "classification": "legislature"}],
        "persons": [{"id": "p", "name": "P"}],
        "memberships": [
            {"person_id": "p", "organization_id": "c"},
            {"person_id": "p", "organization_id": "c", "role": "Member"}
        ]
    });
    let import = popolo::from_json_str(&document.to_string()).unwrap();
    let kinds: Vec<&WarningKind> = import.warnings().iter().map(|w| &w.kind).collect();
    assert_eq!(kinds, [&WarningKind::RepeatedSeat]);
}

#[test]
fn writing_an_imported_council_file_back_changes_no_line() {
    let text = councils_text();
    let import = popolo::from_json_str(&text).unwrap();
    let written = import.to_json_string().unwrap();
    assert_eq!(written.trim_end(), text.trim_end());
    // In particular no "posts": [] was added, as the file has none.
    assert!(!written.contains("\"posts\""));
    // And what the import keeps of the document is in the document's order.
    let kept: Vec<&str> = import.kept_document().keys().map(String::as_str).collect();
    assert_eq!(kept, ["events", "areas", "warnings"]);
}

#[test]
fn writing_the_zimbabwe_senate_file_back_keeps_its_order() {
    let text = std::fs::read_to_string(fixture("zimbabwe-senate-ep-popolo-v1.0.json")).unwrap();
    let original: Value = serde_json::from_str(&text).unwrap();
    let import = popolo::from_json_str(&text).unwrap();
    let written: Value = serde_json::from_str(&import.to_json_string().unwrap()).unwrap();
    let keys = |v: &Value| -> Vec<String> { v.as_object().unwrap().keys().cloned().collect() };
    assert_eq!(keys(&written), keys(&original));
    for collection in ["persons", "organizations", "memberships"] {
        let ids = |v: &Value| -> Vec<String> {
            v[collection]
                .as_array()
                .unwrap()
                .iter()
                .map(|item| {
                    format!(
                        "{} {:?}",
                        item.get("id").or(item.get("person_id")).unwrap(),
                        item.as_object().unwrap().keys().collect::<Vec<_>>()
                    )
                })
                .collect()
        };
        assert_eq!(ids(&written), ids(&original), "{collection}");
    }
    assert_eq!(written, original);
}

#[test]
fn organisations_spelt_the_british_way_are_refused_with_what_to_do() {
    let path = fixture("organisations-spelt-the-british-way.json");
    let err = popolo::from_path(&path).unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::Syntax { .. }));
    assert_eq!(
        err.to_string(),
        format!(
            "{}: organisations: \"organisations\" is not a Popolo collection: Popolo spells it \
             \"organizations\", with a z and in lower case; rename the key (a Popolo document holds \
             organizations, persons, posts and memberships)",
            path.display()
        )
    );
    let err = popolo::from_json_str(r#"{"people": [], "organizations": []}"#).unwrap_err();
    assert!(
        err.to_string().starts_with(
            r#"people: "people" is not a Popolo collection: Popolo calls it "persons""#
        ),
        "{err}"
    );
    let err = popolo::from_json_str(
        r#"{"organizations": [{"id": "c", "name": "Council", "classification": "council"}],
            "persons": [{"id": "p", "name": "P"}],
            "memberships": [{"person_id": "p", "organisation_id": "c"}]}"#,
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "memberships[0].organisation_id: Popolo spells it \"organization_id\", with a z; rename the key"
    );
    let err = popolo::from_json_str(r#"{"Memberships": []}"#).unwrap_err();
    assert!(
        err.to_string()
            .contains(r#"Popolo calls it "memberships"; rename the key"#),
        "{err}"
    );
}

#[test]
fn a_govgraph_structure_file_given_as_popolo_is_refused_with_what_to_do() {
    let structure = Structure::from_path(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/small-trust.toml"),
    )
    .unwrap();
    let json = structure.to_json_string().unwrap();
    let err = popolo::from_json_str(&json).unwrap_err();
    let text = err.to_string();
    assert!(
        text.contains("this is a govgraph structure file, not a Popolo document")
            && text.contains("read it with Structure::from_json_str or Structure::from_path"),
        "{text}"
    );
}

#[test]
fn a_popolo_document_with_no_bodies_is_an_error() {
    let err = popolo::from_json_str("{}").unwrap_err();
    assert_eq!(
        err.to_string(),
        "organizations: a Popolo document needs at least one organisation to read as a body, \
         and this one has none (it is an empty object)"
    );
    let err = popolo::from_json_str(r#"{"meta": {}, "areas": []}"#).unwrap_err();
    assert!(
        err.to_string()
            .ends_with(r#"has none (its keys are "meta", "areas")"#),
        "{err}"
    );
    // Only parties: nothing to seat anyone on.
    let err = popolo::from_json_str(
        r#"{"organizations": [{"id": "party/red", "name": "Red", "classification": "party"}],
            "persons": [{"id": "p", "name": "P"}]}"#,
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "organizations: no organisation reads as a body: each of the 1 is a party or is named only as \
         whom memberships are held on behalf of; give the one that is a body \"govgraph\": {\"partner\": false}"
    );
}
