//! Cross-body seats: the chair or lead officer of one body sitting on
//! another, and two bodies whose chairs each sit on the other's body.

use govgraph::{
    BodyKind, BodySpec, FindingKind, MemberKind, MemberSpec, Report, ReportOptions, Role, Status,
    Structure,
};

fn person(id: &str, name: &str) -> MemberSpec {
    MemberSpec::new(id, name, MemberKind::Person)
}

/// Issue words: "the Chairs of the Partnership and of the LSCB both sit on
/// the reciprocal Board".
fn reciprocal() -> Structure {
    Structure::builder()
        .member(person("lscb-chair", "Independent Chair of the LSCB"))
        .member(person("partnership-chair", "Chair of the Partnership"))
        .member(person("head", "Head teacher"))
        .body(
            BodySpec::new("lscb", "LSCB", BodyKind::Board)
                .apex()
                .seat("lscb-chair", Role::Chair)
                .seat("partnership-chair", Role::Member),
        )
        .body(
            BodySpec::new(
                "partnership",
                "Children's Partnership",
                BodyKind::Partnership,
            )
            .apex()
            .seat("partnership-chair", Role::Chair)
            .seat("lscb-chair", Role::Member)
            .seat("head", Role::Member),
        )
        .build()
        .unwrap()
}

#[test]
fn the_chairs_of_two_boards_each_sitting_on_the_other_are_reciprocal_seats() {
    let s = reciprocal();
    let found = s.reciprocal_seats();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].bodies, ["lscb", "partnership"]);
    assert_eq!(found[0].first_on_second, ["lscb-chair"]);
    assert_eq!(found[0].second_on_first, ["partnership-chair"]);
    let report = s.report();
    assert!(report.to_string().contains(
        "  LSCB and Children's Partnership have leaders on each other: \
         Independent Chair of the LSCB on Children's Partnership, \
         Chair of the Partnership on LSCB\n"
    ));
    assert_eq!(
        report
            .ensure_none(&[FindingKind::ReciprocalSeats])
            .unwrap_err()
            .findings()
            .len(),
        1
    );
}

#[test]
fn a_chair_on_one_other_body_is_a_cross_body_seat_though_no_interlock() {
    // Kent survey, Barnet: the Trust Board "contains ... the independent
    // chairman of Barnet Safeguarding Children Board". Two bodies: below
    // the interlock minimum of three, and still worth reporting.
    let s = Structure::builder()
        .member(person("bscb-chair", "Independent chairman of the BSCB"))
        .body(
            BodySpec::new(
                "bscb",
                "Barnet Safeguarding Children Board",
                BodyKind::Board,
            )
            .apex()
            .seat("bscb-chair", Role::Chair),
        )
        .body(
            BodySpec::new("trust", "Trust Board", BodyKind::Board)
                .apex()
                .seat("bscb-chair", Role::Member),
        )
        .build()
        .unwrap();
    let report = s.report();
    assert!(report.interlocks().is_empty());
    let cross = &report.cross_seats()[0];
    assert_eq!(cross.member, "bscb-chair");
    assert_eq!(cross.leads[0].body, "bscb");
    assert_eq!(cross.leads[0].role, Role::Chair);
    assert_eq!(cross.also_on, ["trust"]);
    assert!(report.to_string().contains(
        "  Independent chairman of the BSCB chairs Barnet Safeguarding Children Board \
         and sits on Trust Board\n"
    ));
    // Interlocks from two bodies, when the report is told so.
    let options = ReportOptions::new().interlock_min_bodies(2);
    assert_eq!(Report::with_options(&s, &options).interlocks().len(), 1);
}

#[test]
fn a_lead_officer_and_a_vice_chair_lead_too_and_say_how() {
    // Kent survey, Herefordshire: "The DCS and DPH sit on this and also sit
    // on the CT Board so there are links but nothing formalised as yet."
    let s = Structure::builder()
        .member(MemberSpec::new("dcs", "DCS", MemberKind::Post))
        .member(MemberSpec::new("dph", "DPH", MemberKind::Post))
        .body(
            BodySpec::new("ct", "CT Board", BodyKind::Board)
                .seat("dcs", Role::LeadOfficer)
                .seat("dph", Role::Member),
        )
        .body(
            BodySpec::new("hwb", "Health and Wellbeing Board", BodyKind::Board)
                .seat("dcs", Role::Member)
                .seat("dph", Role::ViceChair),
        )
        .build()
        .unwrap();
    let text = s.report().to_string();
    assert!(
        text.contains("  DCS is lead officer of CT Board and sits on Health and Wellbeing Board\n"),
        "{text}"
    );
    assert!(
        text.contains("  DPH is vice-chair of Health and Wellbeing Board and sits on CT Board\n"),
        "{text}"
    );
    // Lead officers and vice-chairs are not chairs: no reciprocal seats.
    assert!(s.reciprocal_seats().is_empty());
}

#[test]
fn a_sub_group_chair_on_its_parent_board_is_how_it_reports_not_a_reciprocal_link() {
    let s = Structure::builder()
        .member(person("board-chair", "Board chair"))
        .member(person("group-chair", "Group chair"))
        .body(
            BodySpec::new("board", "Board", BodyKind::Board)
                .apex()
                .seat("board-chair", Role::Chair)
                .seat("group-chair", Role::Member),
        )
        .body(
            BodySpec::new("group", "Sub-group", BodyKind::SubGroup)
                .sub_group_of("board")
                .seat("group-chair", Role::Chair)
                .seat("board-chair", Role::Member),
        )
        .build()
        .unwrap();
    assert!(s.reciprocal_seats().is_empty());
    assert_eq!(s.cross_seats().len(), 2);
}

#[test]
fn one_member_chairing_both_bodies_is_not_two_bodies_represented_on_each_other() {
    let s = Structure::builder()
        .member(person("dcs", "DCS"))
        .body(BodySpec::new("a", "A", BodyKind::Board).seat("dcs", Role::Chair))
        .body(BodySpec::new("b", "B", BodyKind::Board).seat("dcs", Role::Chair))
        .build()
        .unwrap();
    assert!(s.reciprocal_seats().is_empty());
    let cross = s.cross_seats();
    assert_eq!(cross.len(), 1);
    assert!(cross[0].also_on.is_empty());
    assert!(s.report().to_string().contains("  DCS chairs A and B\n"));
}

#[test]
fn seats_on_bodies_gone_for_good_link_nothing() {
    let s = Structure::builder()
        .member(person("chair", "Chair"))
        .body(
            BodySpec::new("old", "Old Trust", BodyKind::Board)
                .status(Status::Dissolved)
                .seat("chair", Role::Chair),
        )
        .body(BodySpec::new("new", "New Board", BodyKind::Board).seat("chair", Role::Member))
        .build()
        .unwrap();
    assert!(s.cross_seats().is_empty());
}
