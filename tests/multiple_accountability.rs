//! Multiple accountability: bodies and posts with more than one line of
//! accountability.

use govgraph::{BodyKind, BodySpec, MemberKind, MemberSpec, Status, Structure};

fn group(id: &str) -> BodySpec {
    BodySpec::new(id, id.to_uppercase(), BodyKind::Group)
}

#[test]
fn halton_assistant_director_reports_to_the_council_and_to_the_pct() {
    // Halton s6.5: the Assistant Director "will report directly to the
    // Council's Strategic Director of Children's Services for day to day
    // management services; and the Operational Director, Children, Families
    // & Maternity Services for NHS accountability purposes".
    let s = Structure::builder()
        .member(MemberSpec::new(
            "council",
            "Halton Borough Council",
            MemberKind::Organisation,
        ))
        .member(MemberSpec::new(
            "pct",
            "Halton & St Helens PCT",
            MemberKind::Organisation,
        ))
        .member(
            MemberSpec::new(
                "strategic-director",
                "Strategic Director, Children's Services",
                MemberKind::Post,
            )
            .organisation("council"),
        )
        .member(
            MemberSpec::new(
                "operational-director",
                "Operational Director, Children, Families & Maternity Services",
                MemberKind::Post,
            )
            .organisation("pct"),
        )
        .member(
            MemberSpec::new(
                "ad-cfh",
                "Assistant Director, Child & Family Health",
                MemberKind::Post,
            )
            .organisation("pct")
            .reports_to("strategic-director")
            .reports_to("operational-director"),
        )
        .build()
        .unwrap();
    let found = s.multiple_accountability();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].id, "ad-cfh");
    assert_eq!(
        found[0].parents,
        ["operational-director", "strategic-director"]
    );
    assert!(s.report().to_string().contains(
        "Assistant Director, Child & Family Health is accountable to \
         Operational Director, Children, Families & Maternity Services and \
         Strategic Director, Children's Services"
    ));
}

#[test]
fn a_body_with_two_parents_is_listed_whatever_their_status() {
    let s = Structure::builder()
        .body(group("trust").apex())
        .body(group("dormant").status(Status::Dormant).reports_to("trust"))
        .body(group("both").reports_to("trust").sub_group_of("dormant"))
        .build()
        .unwrap();
    let found = s.multiple_accountability();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].id, "both");
    assert_eq!(found[0].parents, ["dormant", "trust"]);
}

#[test]
fn two_relations_to_the_same_parent_are_one_line() {
    let s = Structure::builder()
        .body(group("board"))
        .body(group("sub").reports_to("board").sub_group_of("board"))
        .body(group("project"))
        .body(group("programme").oversees("project").reports_to("board"))
        .build()
        .unwrap();
    assert!(s.multiple_accountability().is_empty());
}

#[test]
fn bodies_are_listed_in_id_order() {
    let s = Structure::builder()
        .body(group("p"))
        .body(group("q"))
        .body(group("z").reports_to("p").reports_to("q"))
        .body(group("a").reports_to("q").reports_to("p"))
        .build()
        .unwrap();
    let ids: Vec<String> = s
        .multiple_accountability()
        .iter()
        .map(|m| m.id.to_string())
        .collect();
    assert_eq!(ids, ["a", "z"]);
}
