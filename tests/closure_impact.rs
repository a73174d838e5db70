//! Closure impact: if a body closed, which bodies would lose their only
//! accountable route to an apex.

use govgraph::{BodyKind, BodySpec, MemberKind, MemberSpec, ReportOptions, Status, Structure};

fn group(id: &str) -> BodySpec {
    BodySpec::new(id, id.to_uppercase(), BodyKind::Group)
}

fn apex(id: &str) -> BodySpec {
    BodySpec::new(id, id.to_uppercase(), BodyKind::Board).apex()
}

fn cut_off(structure: &Structure, id: &str) -> Vec<String> {
    let impact = structure.closure_impact(id).expect("a known id");
    assert_eq!(impact.total, impact.cut_off.len());
    impact.cut_off.iter().map(|id| id.to_string()).collect()
}

/// A small Solihull, after s3.2 and s5: the Trust Board (on hold in 2011)
/// over the Performance & Commissioning Group, the outcome groups and the
/// Integrated Working Programme Board with its projects; the Sexual Health
/// Strategy Group reports to Be Healthy (s5 row 28); the Safer Working
/// Practices Group answers to the Trust and to the LSCB, which it is to be
/// absorbed into (s5 row 23).
fn solihull() -> Structure {
    Structure::builder()
        .body(apex("trust").status(Status::OnHold))
        .body(apex("lscb"))
        .body(group("pcg").status(Status::OnHold).reports_to("trust"))
        .body(group("be-healthy").reports_to("pcg"))
        .body(group("sexual-health").reports_to("be-healthy"))
        .body(
            group("stay-safe")
                .status(Status::NeverMet)
                .reports_to("pcg"),
        )
        .body(
            BodySpec::new("iwpb", "IWPB", BodyKind::ProgrammeBoard)
                .status(Status::OnHold)
                .reports_to("trust")
                .oversees("lincs")
                .oversees("workforce"),
        )
        .body(BodySpec::new("lincs", "LINCS", BodyKind::Project))
        .body(BodySpec::new("workforce", "Workforce", BodyKind::Project))
        .body(
            group("safer-working")
                .reports_to("trust")
                .reports_to("lscb"),
        )
        .build()
        .expect("a valid structure")
}

#[test]
fn closing_the_trust_board_lists_every_strand_below_it() {
    // Solihull s7.2: "If the Trust is to be closed down each strand of work
    // will need to be re-aligned to a new accountability structure." The
    // Safer Working group keeps its line to the LSCB.
    assert_eq!(
        cut_off(&solihull(), "trust"),
        [
            "be-healthy",
            "iwpb",
            "lincs",
            "pcg",
            "sexual-health",
            "stay-safe",
            "workforce"
        ]
    );
}

#[test]
fn closing_a_body_in_the_middle_cuts_off_only_what_hangs_from_it() {
    let s = solihull();
    assert_eq!(cut_off(&s, "iwpb"), ["lincs", "workforce"]);
    assert_eq!(cut_off(&s, "be-healthy"), ["sexual-health"]);
    assert!(cut_off(&s, "sexual-health").is_empty());
    assert!(cut_off(&s, "lscb").is_empty());
}

#[test]
fn closing_an_apex_cuts_off_everything_that_reaches_only_it() {
    let s = Structure::builder()
        .body(apex("council"))
        .body(group("exec").reports_to("council"))
        .body(group("group").reports_to("exec"))
        .body(apex("other"))
        .body(group("shared").reports_to("exec").reports_to("other"))
        .build()
        .unwrap();
    assert_eq!(cut_off(&s, "council"), ["exec", "group"]);
}

#[test]
fn a_line_to_a_post_is_a_second_route() {
    let s = Structure::builder()
        .member(MemberSpec::new("dcs", "DCS", MemberKind::Post))
        .body(apex("trust"))
        .body(group("stay-safe").reports_to("trust").reports_to("dcs"))
        .body(group("task").reports_to("stay-safe"))
        .build()
        .unwrap();
    assert!(cut_off(&s, "trust").is_empty());
    assert_eq!(cut_off(&s, "stay-safe"), ["task"]);
    assert_eq!(cut_off(&s, "dcs"), Vec::<String>::new());
}

#[test]
fn an_unknown_id_has_no_closure_impact() {
    assert!(solihull().closure_impact("trsut").is_none());
}

#[test]
fn bodies_that_reach_no_apex_have_no_route_to_lose() {
    let s = Structure::builder()
        .body(group("top"))
        .body(group("below").reports_to("top"))
        .build()
        .unwrap();
    assert!(cut_off(&s, "top").is_empty());
}

#[test]
fn bodies_that_have_gone_are_not_listed() {
    let s = Structure::builder()
        .body(apex("trust"))
        .body(group("economic").status(Status::Merged).reports_to("trust"))
        .body(group("still-under-it").reports_to("economic"))
        .build()
        .unwrap();
    assert_eq!(cut_off(&s, "trust"), ["still-under-it"]);
}

#[test]
fn a_cycle_below_a_body_is_cut_off_with_it() {
    let s = Structure::builder()
        .body(apex("trust"))
        .body(group("a").reports_to("trust").reports_to("b"))
        .body(group("b").reports_to("a"))
        .build()
        .unwrap();
    assert_eq!(cut_off(&s, "trust"), ["a", "b"]);
    assert_eq!(cut_off(&s, "a"), ["b"]);
}

#[test]
fn the_report_lists_every_body_that_is_a_sole_route_most_impact_first() {
    let report = solihull().report();
    let impacts: Vec<(String, usize)> = report
        .closure_impacts()
        .iter()
        .map(|i| (i.body.to_string(), i.total))
        .collect();
    assert_eq!(
        impacts,
        [
            ("trust".to_string(), 7),
            ("pcg".to_string(), 3),
            ("iwpb".to_string(), 2),
            ("be-healthy".to_string(), 1),
        ]
    );
}

#[test]
fn the_report_lists_at_most_the_closure_limit_and_keeps_the_total() {
    let options = ReportOptions::new().closure_limit(2);
    let report = govgraph::Report::with_options(&solihull(), &options);
    let trust = &report.closure_impacts()[0];
    assert_eq!(trust.total, 7);
    assert_eq!(trust.cut_off, ["be-healthy", "iwpb"]);
    assert!(
        report
            .to_string()
            .contains("closing TRUST would cut off 7 bodies: BE-HEALTHY, IWPB and 5 more")
    );
}

#[test]
fn a_long_single_chain_is_reported_without_listing_it_over_and_over() {
    let mut builder = Structure::builder().body(apex("top"));
    let mut parent = "top".to_string();
    for i in 0..5_000 {
        let id = format!("c{i:05}");
        builder = builder.body(group(&id).reports_to(parent.as_str()));
        parent = id;
    }
    let s = builder.build().unwrap();
    let report = govgraph::Report::with_options(&s, &ReportOptions::new().closure_limit(3));
    let impacts = report.closure_impacts();
    assert_eq!(impacts.len(), 5_000);
    assert_eq!(impacts[0].body, "top");
    assert_eq!(impacts[0].total, 5_000);
    assert_eq!(impacts[0].cut_off, ["c00000", "c00001", "c00002"]);
    assert_eq!(impacts[4_999].body, "c04998");
    assert_eq!(impacts[4_999].cut_off, ["c04999"]);
}
