//! Interlocks (members on many bodies) and governance load (meetings a year
//! per body and per member).

use govgraph::{
    BodyKind, BodySpec, MeetingPattern, MemberKind, MemberSpec, Role, Status, Structure,
    StructureBuilder,
};

fn group(id: &str) -> BodySpec {
    BodySpec::new(id, id.to_uppercase(), BodyKind::Group)
}

fn posts(mut builder: StructureBuilder, ids: &[&str]) -> StructureBuilder {
    for id in ids {
        builder = builder.member(MemberSpec::new(*id, id.to_uppercase(), MemberKind::Post));
    }
    builder
}

fn interlocks(s: &Structure, min_bodies: usize) -> Vec<(String, Vec<String>)> {
    s.interlocks(min_bodies)
        .into_iter()
        .map(|i| {
            let bodies = i.bodies.iter().map(|b| b.to_string()).collect();
            (i.member.to_string(), bodies)
        })
        .collect()
}

fn strings(ids: &[&str]) -> Vec<String> {
    ids.iter().map(|s| s.to_string()).collect()
}

#[test]
fn interlocks_are_members_on_at_least_n_bodies_most_bodies_first() {
    let s = posts(Structure::builder(), &["dcs", "lead", "pct"])
        .body(
            group("a")
                .seat("dcs", Role::Chair)
                .seat("pct", Role::Member),
        )
        .body(
            group("b")
                .seat("dcs", Role::Member)
                .seat("pct", Role::Member),
        )
        .body(
            group("c")
                .seat("dcs", Role::Member)
                .seat("pct", Role::Member),
        )
        .body(
            group("d")
                .seat("dcs", Role::Member)
                .seat("lead", Role::Member),
        )
        .body(group("e").seat("lead", Role::Member))
        .build()
        .unwrap();
    assert_eq!(
        interlocks(&s, 3),
        [
            ("dcs".to_string(), strings(&["a", "b", "c", "d"])),
            ("pct".to_string(), strings(&["a", "b", "c"])),
        ]
    );
    assert_eq!(interlocks(&s, 2).len(), 3);
    assert!(interlocks(&s, 5).is_empty());
}

#[test]
fn two_roles_on_one_body_are_one_body_and_gone_bodies_do_not_count() {
    let s = posts(Structure::builder(), &["dcs"])
        .body(
            group("a")
                .seat("dcs", Role::Chair)
                .seat("dcs", Role::LeadOfficer),
        )
        .body(group("b").seat("dcs", Role::Member))
        .body(
            group("old")
                .status(Status::Dissolved)
                .seat("dcs", Role::Member),
        )
        .body(
            group("paused")
                .status(Status::OnHold)
                .seat("dcs", Role::Member),
        )
        .build()
        .unwrap();
    assert_eq!(
        interlocks(&s, 3),
        [("dcs".to_string(), strings(&["a", "b", "paused"]))]
    );
}

#[test]
fn an_empty_structure_has_no_interlocks_and_no_load() {
    let s = Structure::builder().build().unwrap();
    assert!(s.interlocks(1).is_empty());
    let load = s.governance_load();
    assert!(load.bodies.is_empty() && load.unknown.is_empty() && load.members.is_empty());
}

#[test]
fn load_counts_meetings_of_active_bodies_and_lists_unknown_patterns() {
    // The patterns as Solihull's s5 says them: "meets monthly" (row 16),
    // "every 6 weeks" (row 33), "meeting every term" (row 32), "Meets twice
    // a year" (row 27).
    let s = posts(Structure::builder(), &["dcs", "parent"])
        .body(
            BodySpec::new("short-breaks", "Short Breaks panel", BodyKind::Panel)
                .meets(MeetingPattern::EveryMonths(1))
                .seat("dcs", Role::Member)
                .seat("dcs", Role::Chair),
        )
        .body(
            group("info")
                .meets("every 6 weeks".parse().unwrap())
                .seat("dcs", Role::Member),
        )
        .body(
            group("healthy-schools")
                .meets("termly".parse().unwrap())
                .seat("dcs", Role::Member)
                .seat("parent", Role::Member),
        )
        .body(
            group("young-carers")
                .meets("twice a year".parse().unwrap())
                .seat("parent", Role::Member),
        )
        .body(group("play").seat("dcs", Role::Member))
        .body(
            group("be-healthy")
                .status(Status::OnHold)
                .meets(MeetingPattern::EveryMonths(3))
                .seat("dcs", Role::Member),
        )
        .build()
        .unwrap();
    let load = s.governance_load();

    let bodies: Vec<(String, f64)> = load
        .bodies
        .iter()
        .map(|b| (b.body.to_string(), b.per_year))
        .collect();
    assert_eq!(
        bodies,
        [
            ("short-breaks".to_string(), 12.0),
            ("info".to_string(), 52.0 / 6.0),
            ("healthy-schools".to_string(), 3.0),
            ("young-carers".to_string(), 2.0),
        ]
    );
    // Play has no pattern: listed as unknown, not as meeting never. Be
    // Healthy is on hold: it holds no meetings, whatever its pattern.
    assert_eq!(load.unknown, ["play"]);

    let dcs = &load.members[0];
    assert_eq!(dcs.member, "dcs");
    // Short Breaks, Information and Healthy Schools; two seats on Short
    // Breaks are one set of meetings.
    assert!((dcs.per_year - (12.0 + 52.0 / 6.0 + 3.0)).abs() < 1e-9);
    assert_eq!(dcs.bodies, 4);
    assert_eq!(dcs.unknown, ["play"]);
    let parent = &load.members[1];
    assert_eq!(parent.member, "parent");
    assert_eq!(parent.per_year, 5.0);
    assert!(parent.unknown.is_empty());

    let text = s.report().to_string();
    assert!(text.contains("    INFO: 8.7 (every 6 weeks)\n"));
    assert!(text.contains("    DCS: 23.7 on 3 bodies; not known for 1 more: PLAY\n"));
    assert!(text.contains("    PARENT: 5 on 2 bodies\n"));
}

#[test]
fn meeting_only_as_needed_is_known_to_be_no_regular_meetings() {
    let s = Structure::builder()
        .body(group("task").meets("as needed".parse().unwrap()))
        .build()
        .unwrap();
    let load = s.governance_load();
    assert_eq!(load.bodies[0].per_year, 0.0);
    assert!(load.unknown.is_empty());
}
