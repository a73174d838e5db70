//! Overlapping membership: two bodies with largely the same members, or the
//! same organisations around the table, reported as a finding of its own.

use govgraph::{
    BodyKind, BodySpec, FindingKind, MemberKind, MemberSpec, OverlapOptions, Report, ReportOptions,
    Role, Seat, Status, Structure, StructureBuilder,
};

fn posts(mut builder: StructureBuilder, ids: &[&str]) -> StructureBuilder {
    for id in ids {
        builder = builder.member(MemberSpec::new(*id, id.to_uppercase(), MemberKind::Post));
    }
    builder
}

fn board(id: &str, name: &str, seats: &[&str]) -> BodySpec {
    let mut spec = BodySpec::new(id, name, BodyKind::Board).apex();
    for seat in seats {
        spec = spec.seat(*seat, Role::Member);
    }
    spec
}

/// Issue words: "the same people in senior positions across different
/// bodies". The Trust's five posts sit on a larger Health and Wellbeing
/// Board, four of them: most of the smaller body, though less than half of
/// everyone on either.
fn trust_inside_hwb() -> Structure {
    let builder = posts(
        Structure::builder(),
        &[
            "dcs", "dph", "lead", "gp", "police", "das", "cx", "hw", "ccg",
        ],
    );
    builder
        .body(board(
            "trust",
            "Children's Trust",
            &["dcs", "dph", "lead", "gp", "police"],
        ))
        .body(board(
            "hwb",
            "Health and Wellbeing Board",
            &["dcs", "dph", "lead", "gp", "das", "cx", "hw", "ccg"],
        ))
        .build()
        .unwrap()
}

#[test]
fn a_small_body_mostly_contained_in_a_larger_one_overlaps() {
    let s = trust_inside_hwb();
    let found = s.overlaps(&OverlapOptions::new());
    assert_eq!(found.len(), 1);
    let pair = &found[0];
    assert_eq!(pair.bodies, ["hwb", "trust"]);
    assert_eq!(pair.members.shared, ["dcs", "dph", "gp", "lead"]);
    assert_eq!(pair.members.sizes, [8, 5]);
    // 4 of the Trust's 5; 4 of the 9 on either.
    assert_eq!(pair.members.containment, 0.8);
    assert_eq!(pair.members.jaccard, 0.4444);
}

#[test]
fn overlap_is_a_finding_in_the_text_the_json_and_ensure_none() {
    let report = trust_inside_hwb().report();
    let text = report.to_string();
    assert!(
        text.contains(
            "  Health and Wellbeing Board and Children's Trust share 4 members, \
             80% of the smaller body's 5 (Jaccard 0.44): DCS, DPH, GP and LEAD\n"
        ),
        "{text}"
    );
    let json = serde_json::to_value(&report).unwrap();
    assert_eq!(
        json["overlaps"][0]["bodies"],
        serde_json::json!(["hwb", "trust"])
    );
    assert_eq!(json["overlaps"][0]["members"]["containment"], 0.8);
    let err = report.ensure_none(&[FindingKind::Overlap]).unwrap_err();
    assert_eq!(err.findings().len(), 1);
    assert_eq!(FindingKind::Overlap.as_str(), "overlap");
}

#[test]
fn organisations_represented_count_through_posts_and_seats_on_behalf_of_them() {
    // Issue words: "considerable overlap in terms of the organisations
    // represented on the Health and Wellbeing Board and the Children's
    // Trust". No post sits on both; the same three organisations are there.
    let mut builder = Structure::builder();
    for org in ["council", "pct", "police"] {
        builder = builder.member(MemberSpec::new(
            org,
            org.to_uppercase(),
            MemberKind::Organisation,
        ));
    }
    let s = builder
        .member(MemberSpec::new("dcs", "DCS", MemberKind::Post).organisation("council"))
        .member(MemberSpec::new("das", "DAS", MemberKind::Post).organisation("council"))
        .member(
            MemberSpec::new("pct-cx", "PCT Chief Executive", MemberKind::Post).organisation("pct"),
        )
        .member(MemberSpec::new("dph", "DPH", MemberKind::Post).organisation("pct"))
        .member(MemberSpec::new(
            "inspector",
            "Inspector",
            MemberKind::Person,
        ))
        .member(MemberSpec::new(
            "superintendent",
            "Superintendent",
            MemberKind::Person,
        ))
        .body(
            BodySpec::new("trust", "Children's Trust", BodyKind::Board)
                .seat("dcs", Role::Chair)
                .seat("pct-cx", Role::Member)
                .seat_with(Seat::new("inspector", Role::Member).on_behalf_of("police")),
        )
        .body(
            BodySpec::new("hwb", "Health and Wellbeing Board", BodyKind::Board)
                .seat("das", Role::Chair)
                .seat("dph", Role::Member)
                .seat_with(Seat::new("superintendent", Role::Member).on_behalf_of("police")),
        )
        .build()
        .unwrap();
    let found = s.overlaps(&OverlapOptions::new());
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].members.shared.is_empty());
    assert_eq!(found[0].organisations.shared, ["council", "pct", "police"]);
    assert_eq!(found[0].organisations.containment, 1.0);
    let text = s.report().to_string();
    assert!(text.contains(
        "Health and Wellbeing Board and Children's Trust share 3 organisations, \
         100% of the smaller body's 3 (Jaccard 1.00): COUNCIL, PCT and POLICE"
    ));
}

#[test]
fn two_boards_sharing_only_the_director_and_the_lead_member_do_not_overlap() {
    // The DCS and the lead member sit on nearly every board: two posts in
    // common are the usual, not an overlap.
    let s = posts(Structure::builder(), &["dcs", "lead", "a", "b", "c"])
        .body(board("trust", "Trust", &["dcs", "lead", "a"]))
        .body(board("lscb", "LSCB", &["dcs", "lead", "b", "c"]))
        .build()
        .unwrap();
    assert!(s.overlaps(&OverlapOptions::new()).is_empty());
    // Told that two is enough, the report finds them.
    let options = ReportOptions::new().overlap(OverlapOptions::new().min_shared(2));
    assert_eq!(Report::with_options(&s, &options).overlaps().len(), 1);
}

#[test]
fn a_pair_below_the_share_of_the_smaller_body_is_found_by_a_lower_jaccard_threshold() {
    // 3 of 6 each: half the smaller body, Jaccard 3/9.
    let s = posts(
        Structure::builder(),
        &["a", "b", "c", "d", "e", "f", "g", "h", "i"],
    )
    .body(board("x", "X", &["a", "b", "c", "d", "e", "f"]))
    .body(board("y", "Y", &["a", "b", "c", "g", "h", "i"]))
    .build()
    .unwrap();
    assert!(s.overlaps(&OverlapOptions::new()).is_empty());
    let found = s.overlaps(&OverlapOptions::new().min_containment(1.0).min_jaccard(0.3));
    assert_eq!(found.len(), 1);
    assert_eq!(
        (found[0].members.containment, found[0].members.jaccard),
        (0.5, 0.3333)
    );
}

#[test]
fn bodies_gone_for_good_overlap_with_nothing() {
    let s = posts(Structure::builder(), &["a", "b", "c"])
        .body(board("old", "Old Trust", &["a", "b", "c"]).status(Status::Dissolved))
        .body(board("new", "New Partnership", &["a", "b", "c"]))
        .build()
        .unwrap();
    assert!(s.overlaps(&OverlapOptions::new()).is_empty());
}

#[test]
fn overlaps_come_most_contained_first() {
    let s = posts(Structure::builder(), &["a", "b", "c", "d", "e"])
        .body(board("p", "P", &["a", "b", "c", "d"]))
        .body(board("q", "Q", &["a", "b", "c", "e"]))
        .body(board("r", "R", &["a", "b", "c", "d", "e"]))
        .build()
        .unwrap();
    let overlaps = s.overlaps(&OverlapOptions::new());
    let found: Vec<[&str; 2]> = overlaps
        .iter()
        .map(|o| [o.bodies[0].as_str(), o.bodies[1].as_str()])
        .collect();
    // P and Q each lie wholly inside R; P and Q share 3 of 4.
    assert_eq!(found, [["p", "r"], ["q", "r"], ["p", "q"]]);
}

#[test]
fn organisations_on_most_bodies_of_the_partnership_are_usual_and_make_no_overlap() {
    // The council is on every body of this partnership: two of its groups
    // having the council in common is no overlap; two having the PCT, the
    // police and the schools in common besides is.
    let mut builder = Structure::builder();
    for org in ["council", "pct", "police", "schools", "vcs"] {
        builder = builder.member(MemberSpec::new(
            org,
            org.to_uppercase(),
            MemberKind::Organisation,
        ));
    }
    let group = |id: &str, orgs: &[&str]| {
        let mut spec = BodySpec::new(id, id.to_uppercase(), BodyKind::Group).reports_to("board");
        for org in orgs {
            spec = spec.seat(*org, Role::Member);
        }
        spec
    };
    let s = builder
        .body(board("board", "Board", &["council"]))
        .body(group("a", &["council", "pct", "police", "schools"]))
        .body(group("b", &["council", "pct", "police", "schools", "vcs"]))
        .body(group("c", &["council", "vcs"]))
        .body(group("d", &["council"]))
        .build()
        .unwrap();
    let found = s.overlaps(&OverlapOptions::new());
    let pairs: Vec<[&str; 2]> = found
        .iter()
        .map(|o| [o.bodies[0].as_str(), o.bodies[1].as_str()])
        .collect();
    assert_eq!(pairs, [["a", "b"]]);
    assert_eq!(found[0].organisations.shared, ["pct", "police", "schools"]);
    assert_eq!(found[0].organisations.sizes, [3, 4]);
}
