//! Orphaned groups: which bodies have lost their line of accountability, in
//! which case, and through which body.

use govgraph::{BodyKind, BodySpec, MemberKind, MemberSpec, Orphan, OrphanCase, Status, Structure};

fn group(id: &str) -> BodySpec {
    BodySpec::new(id, id.to_uppercase(), BodyKind::Group)
}

fn apex(id: &str) -> BodySpec {
    BodySpec::new(id, id.to_uppercase(), BodyKind::Board).apex()
}

fn orphans(builder: govgraph::StructureBuilder) -> Vec<Orphan> {
    builder.build().expect("a valid structure").orphans()
}

fn no_parent(body: &str) -> (String, OrphanCase) {
    (body.to_string(), OrphanCase::NoParent)
}

fn inactive_parents(body: &str, parents: &[&str]) -> (String, OrphanCase) {
    let parents = parents.iter().map(|p| govgraph::Id::new(*p)).collect();
    (body.to_string(), OrphanCase::InactiveParents { parents })
}

fn cut_off(body: &str, through: &[&str]) -> (String, OrphanCase) {
    let through = through.iter().map(|p| govgraph::Id::new(*p)).collect();
    (body.to_string(), OrphanCase::CutOff { through })
}

fn cases(found: Vec<Orphan>) -> Vec<(String, OrphanCase)> {
    found
        .into_iter()
        .map(|o| (o.body.to_string(), o.case))
        .collect()
}

#[test]
fn an_empty_structure_has_no_orphans() {
    assert!(orphans(Structure::builder()).is_empty());
}

#[test]
fn a_single_body_that_is_not_an_apex_is_accountable_to_no_one() {
    assert_eq!(
        cases(orphans(Structure::builder().body(group("play")))),
        [no_parent("play")]
    );
}

#[test]
fn a_single_apex_is_not_an_orphan_even_when_it_is_on_hold() {
    let found = orphans(Structure::builder().body(apex("trust").status(Status::OnHold)));
    assert!(found.is_empty());
}

#[test]
fn projects_under_a_dormant_programme_board_are_orphans_naming_that_board() {
    // Solihull s6.6.2: "The Integrated Working Programme Board is no longer
    // active which means that for some of these projects it is not clear who
    // they are accountable to for their work."
    let found = orphans(
        Structure::builder()
            .body(apex("trust"))
            .body(
                BodySpec::new("iwpb", "IWPB", BodyKind::ProgrammeBoard)
                    .status(Status::OnHold)
                    .reports_to("trust")
                    .oversees("lincs")
                    .oversees("workforce"),
            )
            .body(BodySpec::new("lincs", "LINCS", BodyKind::Project))
            .body(BodySpec::new(
                "workforce",
                "Workforce reform",
                BodyKind::Project,
            )),
    );
    assert_eq!(
        cases(found),
        [
            inactive_parents("lincs", &["iwpb"]),
            inactive_parents("workforce", &["iwpb"]),
        ]
    );
}

#[test]
fn an_orphan_carries_its_own_status() {
    let found = orphans(
        Structure::builder()
            .body(group("board").status(Status::Dormant))
            .body(group("child").status(Status::OnHold).reports_to("board")),
    );
    let child = found.iter().find(|o| o.body == "child").unwrap();
    assert_eq!(child.status, Status::OnHold);
    assert_eq!(child.case, inactive_parents("child", &["board"]).1);
}

#[test]
fn a_body_with_two_parents_of_which_one_is_inactive_is_not_an_orphan() {
    let found = orphans(
        Structure::builder()
            .body(apex("trust"))
            .body(group("dormant").status(Status::Dormant).reports_to("trust"))
            .body(group("active").reports_to("trust"))
            .body(group("both").reports_to("dormant").reports_to("active")),
    );
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn every_inactive_parent_is_named() {
    let found = orphans(
        Structure::builder()
            .body(apex("trust"))
            .body(group("merged").status(Status::Merged).reports_to("trust"))
            .body(group("paused").status(Status::OnHold).reports_to("trust"))
            .body(group("child").reports_to("paused").sub_group_of("merged")),
    );
    assert_eq!(
        cases(found),
        [inactive_parents("child", &["merged", "paused"])]
    );
}

#[test]
fn a_deep_chain_through_an_inactive_body_is_cut_off_at_that_body() {
    // trust <- a <- dormant <- b <- c <- d: b's only parent is inactive
    // (case b); c and d have active parents, but every route climbs through
    // the dormant body (case c). The dormant body itself is reached.
    let found = orphans(
        Structure::builder()
            .body(apex("trust"))
            .body(group("a").reports_to("trust"))
            .body(group("dormant").status(Status::Dormant).reports_to("a"))
            .body(group("b").reports_to("dormant"))
            .body(group("c").reports_to("b"))
            .body(group("d").reports_to("c")),
    );
    assert_eq!(
        cases(found),
        [
            inactive_parents("b", &["dormant"]),
            cut_off("c", &["dormant"]),
            cut_off("d", &["dormant"]),
        ]
    );
}

#[test]
fn a_cut_off_body_names_where_each_of_its_routes_breaks() {
    // e has two active parents: one climbs to an on-hold board, the other to
    // a body that is accountable to no one.
    let found = orphans(
        Structure::builder()
            .body(apex("trust"))
            .body(group("paused").status(Status::OnHold).reports_to("trust"))
            .body(group("left").reports_to("paused"))
            .body(group("top"))
            .body(group("right").reports_to("top"))
            .body(group("e").reports_to("left").reports_to("right")),
    );
    assert_eq!(
        cases(found),
        [
            cut_off("e", &["paused", "top"]),
            inactive_parents("left", &["paused"]),
            cut_off("right", &["top"]),
            no_parent("top"),
        ]
    );
}

#[test]
fn children_of_an_inactive_apex_are_orphans() {
    // Solihull s3.2, 2011: the Trust Board was "put on hold pending decision
    // about future".
    let found = orphans(
        Structure::builder()
            .body(apex("trust").status(Status::OnHold))
            .body(group("pcg").reports_to("trust")),
    );
    assert_eq!(cases(found), [inactive_parents("pcg", &["trust"])]);
}

#[test]
fn a_body_accountable_to_a_post_is_anchored() {
    // Solihull s6.5.1: stay-safe actions fall to the Director of Children's
    // Services. The post anchors the route whatever its own reporting lines.
    let found = orphans(
        Structure::builder()
            .member(MemberSpec::new("dcs", "DCS", MemberKind::Post))
            .body(group("actions").reports_to("dcs"))
            .body(group("task").reports_to("actions")),
    );
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn bodies_in_a_cycle_that_leads_nowhere_are_cut_off_with_no_body_to_name() {
    let found = orphans(
        Structure::builder()
            .body(group("a").reports_to("b"))
            .body(group("b").reports_to("a"))
            .body(group("c").reports_to("a")),
    );
    assert_eq!(
        cases(found),
        [cut_off("a", &[]), cut_off("b", &[]), cut_off("c", &[])]
    );
}

#[test]
fn a_cycle_with_a_way_out_to_an_apex_is_not_orphaned() {
    let found = orphans(
        Structure::builder()
            .body(apex("trust"))
            .body(group("a").reports_to("b").reports_to("trust"))
            .body(group("b").reports_to("a")),
    );
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn bodies_that_have_gone_are_not_orphans() {
    let found = orphans(
        Structure::builder()
            .body(
                group("economic")
                    .status(Status::Merged)
                    .merged_into("prosperous"),
            )
            .body(group("old").status(Status::Dissolved))
            .body(apex("prosperous")),
    );
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn a_long_chain_under_an_inactive_body_does_not_overflow_the_stack() {
    let mut builder = Structure::builder()
        .body(apex("trust"))
        .body(group("b0").status(Status::Dormant).reports_to("trust"));
    for i in 1..20_000 {
        builder = builder.body(group(&format!("b{i}")).reports_to(format!("b{}", i - 1).as_str()));
    }
    let found = orphans(builder);
    assert_eq!(found.len(), 19_999);
    assert!(
        found
            .iter()
            .filter(|o| o.body != "b1")
            .all(|o| o.case == cut_off("", &["b0"]).1)
    );
}
