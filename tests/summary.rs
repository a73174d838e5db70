//! Summary: counts by status and kind, overall and per tier; depth of the
//! accountability tree; widest span of control.

use govgraph::{BodyKind, BodySpec, MemberKind, MemberSpec, Status, Structure};

fn body(id: &str, kind: BodyKind) -> BodySpec {
    BodySpec::new(id, id.to_uppercase(), kind)
}

fn chain(s: &Structure) -> Vec<String> {
    s.summary()
        .deepest_chain
        .iter()
        .map(|id| id.to_string())
        .collect()
}

#[test]
fn an_empty_structure_summarises_to_nothing() {
    let summary = Structure::builder().build().unwrap().summary();
    assert_eq!(summary.bodies.total, 0);
    assert!(summary.tiers.is_empty());
    assert_eq!(summary.depth, 0);
    assert!(summary.deepest_chain.is_empty());
    assert!(summary.widest_span.is_none());
}

#[test]
fn a_single_apex_has_depth_zero() {
    let s = Structure::builder()
        .body(body("trust", BodyKind::Board).apex())
        .build()
        .unwrap();
    let summary = s.summary();
    assert_eq!(summary.depth, 0);
    assert_eq!(chain(&s), ["trust"]);
    assert!(summary.widest_span.is_none());
}

#[test]
fn counts_split_active_from_not_active_by_status_kind_and_tier() {
    // Solihull s5 counts "Currently active (black): 22; Dormant / on hold
    // (grey): 12"; here a few of its rows, with their tiers.
    let s = Structure::builder()
        .body(body("trust", BodyKind::Board).apex())
        .body(body("be-healthy", BodyKind::Group).tier("Outcome Groups"))
        .body(
            body("stay-safe", BodyKind::Group)
                .tier("Outcome Groups")
                .status(Status::NeverMet),
        )
        .body(
            body("enjoy", BodyKind::Group)
                .tier("Outcome Groups")
                .status(Status::OnHold),
        )
        .body(
            body("economic", BodyKind::Group)
                .tier("Outcome Groups")
                .status(Status::Merged),
        )
        .body(
            body("play", BodyKind::Partnership)
                .tier("Strategy / Delivery Groups")
                .status(Status::Dormant),
        )
        .body(
            body("centres", BodyKind::Group)
                .tier("Strategy / Delivery Groups")
                .status(Status::New),
        )
        .build()
        .unwrap();
    let summary = s.summary();
    assert_eq!(summary.bodies.total, 7);
    assert_eq!(summary.bodies.active, 3); // trust, be-healthy, centres (new)
    assert_eq!(summary.bodies.not_active, 4);
    let statuses: Vec<(Status, usize)> = summary.bodies.by_status.clone().into_iter().collect();
    assert_eq!(
        statuses,
        [
            (Status::Active, 2),
            (Status::New, 1),
            (Status::OnHold, 1),
            (Status::Dormant, 1),
            (Status::NeverMet, 1),
            (Status::Merged, 1),
        ]
    );
    let kinds: Vec<(BodyKind, usize)> = summary.bodies.by_kind.clone().into_iter().collect();
    assert_eq!(
        kinds,
        [
            (BodyKind::Board, 1),
            (BodyKind::Partnership, 1),
            (BodyKind::Group, 5)
        ]
    );

    let tiers: Vec<(Option<&str>, usize, usize)> = summary
        .tiers
        .iter()
        .map(|t| (t.tier.as_deref(), t.counts.active, t.counts.not_active))
        .collect();
    assert_eq!(
        tiers,
        [
            (Some("Outcome Groups"), 1, 3),
            (Some("Strategy / Delivery Groups"), 1, 1),
            (None, 1, 0),
        ]
    );
}

#[test]
fn depth_is_the_longest_chain_down_from_an_apex() {
    // The shortcut from d straight to the board does not shorten the chain
    // board > exec > group > d > e.
    let s = Structure::builder()
        .body(body("board", BodyKind::Board).apex())
        .body(body("exec", BodyKind::Executive).reports_to("board"))
        .body(body("group", BodyKind::Group).reports_to("exec"))
        .body(
            body("d", BodyKind::SubGroup)
                .reports_to("group")
                .reports_to("board"),
        )
        .body(body("e", BodyKind::TaskAndFinishGroup).reports_to("d"))
        .body(body("loose", BodyKind::Group))
        .build()
        .unwrap();
    assert_eq!(s.summary().depth, 4);
    assert_eq!(chain(&s), ["board", "exec", "group", "d", "e"]);
}

#[test]
fn a_cycle_counts_as_one_level_and_does_not_hang_the_depth() {
    // board > a, a <-> b (one level), b > c.
    let s = Structure::builder()
        .body(body("board", BodyKind::Board).apex())
        .body(
            body("a", BodyKind::Group)
                .reports_to("board")
                .reports_to("b"),
        )
        .body(body("b", BodyKind::Group).reports_to("a"))
        .body(body("c", BodyKind::Group).reports_to("b"))
        .build()
        .unwrap();
    assert_eq!(s.summary().depth, 2);
    assert_eq!(chain(&s), ["board", "a", "c"]);

    let only_a_cycle = Structure::builder()
        .body(body("a", BodyKind::Group).reports_to("b"))
        .body(body("b", BodyKind::Group).reports_to("a"))
        .build()
        .unwrap();
    assert_eq!(only_a_cycle.summary().depth, 0);
}

#[test]
fn an_apex_below_another_apex_continues_the_chain() {
    let s = Structure::builder()
        .body(body("council", BodyKind::Board).apex())
        .body(body("hwb", BodyKind::Board).apex().reports_to("council"))
        .body(body("jcb", BodyKind::Board).reports_to("hwb"))
        .build()
        .unwrap();
    assert_eq!(chain(&s), ["council", "hwb", "jcb"]);
}

#[test]
fn widest_span_of_control_counts_direct_bodies_and_posts() {
    let s = Structure::builder()
        .member(MemberSpec::new("dcs", "DCS", MemberKind::Post).reports_to("exec"))
        .body(body("board", BodyKind::Board).apex())
        .body(body("exec", BodyKind::Executive).reports_to("board"))
        .body(body("a", BodyKind::Group).reports_to("exec"))
        .body(body("b", BodyKind::Group).reports_to("exec"))
        .body(body("c", BodyKind::Group).reports_to("board"))
        .build()
        .unwrap();
    let span = s.summary().widest_span.unwrap();
    assert_eq!(span.id, "exec");
    assert_eq!(span.children, 3); // a, b and the DCS post
    let summary = s.summary();
    assert_eq!((summary.members, summary.relations), (1, 5));
}
