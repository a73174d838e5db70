//! One finding drawn on its own: what it is about and cites, their routes
//! up to an apex and what is around them, and nothing else; the finding
//! marked and its line in the key; hostile names inert.

mod render_support;

use std::collections::BTreeSet;

use govgraph::{
    Backend, BodyKind, BodySpec, DrawOptions, Finding, FindingKind, MemberKind, MemberSpec,
    Overlay, Report, Role, Status, Structure, SvgOptions, datasets,
};
use render_support::{dot_available, element_names, hostile_structure, parse_svg, svg_texts};

fn bodies(s: &Structure) -> BTreeSet<String> {
    s.bodies().map(|b| b.id.to_string()).collect()
}

fn set(ids: &[&str]) -> BTreeSet<String> {
    ids.iter().map(|id| id.to_string()).collect()
}

fn find<'r>(report: &'r Report, kind: FindingKind, id: &str) -> Finding<'r> {
    report
        .findings()
        .find(|f| f.kind() == kind && f.ids().iter().any(|i| i.as_str() == id))
        .unwrap_or_else(|| panic!("no {kind} finding about {id}"))
}

#[test]
fn an_orphan_cut_off_further_up_is_drawn_with_its_line_to_the_break() {
    // A group under a live group under an executive on hold: the group's
    // line breaks at the executive, two levels up. Its own sub-group is
    // what hangs from it; its sibling under the Trust is not part of it.
    let s = Structure::builder()
        .body(BodySpec::new("trust", "Trust Board", BodyKind::Board).apex())
        .body(
            BodySpec::new("pc", "Performance Group", BodyKind::Executive)
                .status(Status::OnHold)
                .reports_to("trust"),
        )
        .body(BodySpec::new("healthy", "Be Healthy", BodyKind::Group).reports_to("pc"))
        .body(BodySpec::new("sexual", "Sexual Health", BodyKind::Group).reports_to("healthy"))
        .body(BodySpec::new("clinic", "Clinic group", BodyKind::SubGroup).sub_group_of("sexual"))
        .body(BodySpec::new("play", "Play Partnership", BodyKind::Partnership).reports_to("trust"))
        .build()
        .unwrap();
    let report = s.report();
    let orphan = find(&report, FindingKind::Orphan, "sexual");
    assert_eq!(orphan.evidence(), ["pc"]);
    let view = s.finding_view(&orphan);
    assert_eq!(
        bodies(&view),
        set(&["clinic", "healthy", "pc", "sexual", "trust"])
    );
    // Marked where the line breaks, and listed in the key.
    let overlay = Overlay::from(&orphan);
    assert_eq!(
        overlay,
        Overlay::new()
            .cut_off("pc", ["sexual"])
            .note(orphan.to_string())
    );
    let dot = view.to_dot(&DrawOptions::new().overlay(overlay));
    assert!(dot.contains("(1 cut off here)"), "{dot}");
    assert!(
        dot.contains("Sexual Health has no live route to an apex"),
        "{dot}"
    );
}

#[test]
fn solihull_stay_safe_and_the_lscb_are_drawn_with_their_lines_and_nothing_else() {
    // s3.3.3: "concern about duplication with the LSCB". The Stay Safe
    // Outcome Group answers to the Performance & Commissioning Group (s3.2),
    // which answers to the Trust Board; the LSCB scrutinises and informs
    // the Trust Board (s3.3.2) and has a training subgroup (s5 row 23).
    let s = datasets::solihull_2011();
    let report = s.report();
    let pair = find(&report, FindingKind::Duplicate, "stay-safe");
    assert_eq!(pair.ids(), ["lscb", "stay-safe"]);
    let view = s.finding_view(&pair);
    assert_eq!(
        bodies(&view),
        set(&[
            "lscb",
            "lscb-training-subgroup",
            "pc-group",
            "stay-safe",
            "trust-board"
        ])
    );
    // The Director of Children's Services sits on the LSCB (s6.5.1).
    assert!(view.member("dcs").is_some());
    let dot = view.to_dot(&DrawOptions::new().overlay(Overlay::from(&pair)));
    assert_eq!(dot.matches("[D1]").count(), 2, "{dot}");
    assert!(dot.contains("D1: Local Safeguarding Children Board and Stay Safe Outcome Group"));
    assert!(!dot.contains("D2"), "{dot}");
}

#[test]
fn a_member_on_many_bodies_is_drawn_with_those_bodies_and_those_seats() {
    let s = Structure::builder()
        .member(MemberSpec::new(
            "dcs",
            "Director of Children's Services",
            MemberKind::Post,
        ))
        .member(MemberSpec::new("head", "Head teacher", MemberKind::Post))
        .body(
            BodySpec::new("trust", "Trust Board", BodyKind::Board)
                .apex()
                .seat("dcs", Role::Member),
        )
        .body(
            BodySpec::new("exec", "Executive", BodyKind::Executive)
                .reports_to("trust")
                .seat("dcs", Role::Member)
                .seat("head", Role::Member),
        )
        .body(
            BodySpec::new("lscb", "LSCB", BodyKind::Board)
                .apex()
                .seat("dcs", Role::Member),
        )
        .body(
            BodySpec::new("schools", "Schools Forum", BodyKind::Forum)
                .apex()
                .seat("head", Role::Member),
        )
        .build()
        .unwrap();
    let report = s.report();
    let interlock = find(&report, FindingKind::Interlock, "dcs");
    let view = s.finding_view(&interlock);
    assert_eq!(bodies(&view), set(&["exec", "lscb", "trust"]));
    // The member's own seats, not the head teacher's.
    let seats: BTreeSet<(String, String)> = view
        .memberships()
        .iter()
        .map(|m| (m.member.to_string(), m.body.to_string()))
        .collect();
    let expected: BTreeSet<(String, String)> = ["exec", "lscb", "trust"]
        .iter()
        .map(|b| ("dcs".to_string(), b.to_string()))
        .collect();
    assert_eq!(seats, expected);
    let dot = view.to_dot(&DrawOptions::new().overlay(Overlay::from(&interlock)));
    assert_eq!(dot.matches("(interlock)").count(), 3, "{dot}");
}

#[test]
fn leicestershire_mutual_scrutiny_is_highlighted() {
    // The Board and the LSCB scrutinise each other (the README's
    // Leicestershire finding).
    let s = datasets::leicestershire_2009_current();
    let report = s.report();
    let pair = find(&report, FindingKind::MutualScrutiny, "lscb");
    let view = s.finding_view(&pair);
    assert!(view.body("lscb").is_some() && view.body("cyp-board").is_some());
    let dot = view.to_dot(&DrawOptions::new().overlay(Overlay::from(&pair)));
    let highlighted = dot
        .lines()
        .filter(|l| l.trim_start().starts_with("n_") && l.contains("->") && l.contains("#d7191c"))
        .count();
    assert_eq!(highlighted, 2, "{dot}");
}

#[test]
fn a_finding_about_hostile_names_stays_inert() {
    let s = hostile_structure();
    let report = s.report();
    let findings: Vec<Finding<'_>> = report.findings().collect();
    assert!(!findings.is_empty());
    for finding in findings {
        let view = s.finding_view(&finding);
        let options = DrawOptions::new().overlay(Overlay::from(&finding));
        let dot = view.to_dot(&options);
        graphviz_rust::parse(&dot).unwrap_or_else(|e| panic!("{e}\n{dot}"));
        if !dot_available("a_finding_about_hostile_names_stays_inert") {
            continue;
        }
        let svg = view
            .to_svg(&options, &SvgOptions::new().backend(Backend::Dot))
            .unwrap();
        let document = parse_svg(svg.as_str());
        assert!(
            !element_names(&document).iter().any(|n| n == "script"),
            "{}",
            svg.as_str()
        );
        if finding.to_string().contains("<script>") {
            let texts = svg_texts(&document).join(" ");
            assert!(texts.contains("<script>alert('x')</script>"), "{texts}");
        }
    }
}
