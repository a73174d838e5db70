//! Unsettled accountability and intended change: what reviews find when a
//! source says a relationship "has yet to be formalised", or that a body
//! "will, in time" become something else. Small structures written for each
//! pattern, then the Kent survey's authorities, with the survey's words.

use govgraph::{
    BodyKind, BodySpec, IntendedChange, RelationKind, Role, Status, Structure, Target,
    UnsettledReason, datasets,
};

fn reasons(s: &Structure) -> Vec<(String, UnsettledReason, Vec<String>)> {
    s.unsettled()
        .into_iter()
        .map(|u| {
            (
                u.body.to_string(),
                u.reason,
                u.assumed.iter().map(|a| a.to_string()).collect(),
            )
        })
        .collect()
}

#[test]
fn a_body_that_has_yet_to_formalise_its_relationships_is_unsettled_not_orphaned() {
    let s = Structure::from_toml_str(
        r#"
        [[body]]
        id = "trust"
        name = "Children's Trust Board"
        kind = "board"
        apex = true

        [[body]]
        id = "hwb"
        name = "Shadow Health and Wellbeing Board"
        kind = "board"
        status = "shadow"
        accountability = "unsettled"
        note = "has yet to formalise its relationships with other strategic groups"

        [[body]]
        id = "jcb"
        name = "Joint Commissioning Board"
        kind = "board"
        reports_to = ["hwb"]

        [[body]]
        id = "aim"
        name = "AIM"
        kind = "group"
        accountability = "unstated"
        reports_to = [{ to = "trust", note = "assumed: the paper states no line" }]
        "#,
    )
    .unwrap();
    assert_eq!(
        reasons(&s),
        [
            (
                "aim".to_string(),
                UnsettledReason::Unstated,
                vec!["trust".to_string()]
            ),
            ("hwb".to_string(), UnsettledReason::Unsettled, vec![]),
        ]
    );
    // Neither the unsettled board nor what reports to it is an orphan.
    assert!(s.orphans().is_empty(), "{:?}", s.orphans());
}

#[test]
fn a_body_with_no_relation_of_any_kind_is_reported() {
    let s = Structure::builder()
        .body(BodySpec::new("trust", "Trust", BodyKind::Board).apex())
        .body(BodySpec::new("exec", "Executive", BodyKind::Executive).reports_to("trust"))
        .body(BodySpec::new("forum", "Parents Forum", BodyKind::Forum).apex())
        // Represented on the Trust: a link between bodies, so not alone.
        .body(BodySpec::new("youth", "Youth Council", BodyKind::Forum).apex())
        .body(
            BodySpec::new("panel", "Panel", BodyKind::Panel)
                .apex()
                .seat("youth", Role::Member),
        )
        // Gone for good: not reported.
        .body(BodySpec::new("old", "Old Group", BodyKind::Group).status(Status::Dissolved))
        .build()
        .unwrap();
    assert_eq!(
        reasons(&s),
        [("forum".to_string(), UnsettledReason::NoRelations, vec![])]
    );
    // One body alone has nothing to relate to, and neither do the bodies
    // of a list in which nothing is related (three councils side by side).
    let alone = Structure::builder()
        .body(BodySpec::new("b", "Board", BodyKind::Board).apex())
        .build()
        .unwrap();
    assert!(alone.unsettled().is_empty());
    let list = Structure::builder()
        .body(BodySpec::new("a", "A Council", BodyKind::Other).apex())
        .body(BodySpec::new("b", "B Council", BodyKind::Other).apex())
        .build()
        .unwrap();
    assert!(list.unsettled().is_empty());
    // A body that is not an apex and has no parent is an orphan instead.
    let orphan = Structure::builder()
        .body(BodySpec::new("trust", "Trust", BodyKind::Board).apex())
        .body(BodySpec::new("exec", "Executive", BodyKind::Executive).reports_to("trust"))
        .body(BodySpec::new("forum", "Parents Forum", BodyKind::Forum))
        .build()
        .unwrap();
    assert!(orphan.unsettled().is_empty());
    assert_eq!(orphan.orphans()[0].body, "forum");
}

#[test]
fn an_intended_sub_group_of_two_boards_is_listed_and_intended_multiple_accountability() {
    // "will, in time, act as a sub group of the Children's Trust and the
    // Health and Wellbeing Board".
    let s = Structure::builder()
        .body(BodySpec::new("trust", "Children's Trust", BodyKind::Board).apex())
        .body(BodySpec::new("hwb", "Health and Wellbeing Board", BodyKind::Board).apex())
        .body(
            BodySpec::new("group", "Children's Commissioning Group", BodyKind::Group)
                .accountability(govgraph::Accountability::Unsettled)
                .sub_group_of(Target::new("trust").intended())
                .sub_group_of(Target::new("hwb").intended()),
        )
        .build()
        .unwrap();
    assert_eq!(
        s.intended_changes(),
        [
            IntendedChange::Relation {
                from: "group".into(),
                kind: RelationKind::SubGroupOf,
                to: "hwb".into()
            },
            IntendedChange::Relation {
                from: "group".into(),
                kind: RelationKind::SubGroupOf,
                to: "trust".into()
            },
        ]
    );
    // Not in force: one group, no parents, no multiple accountability.
    assert!(s.multiple_accountability().is_empty());
    // As intended it answers to both.
    let intended = s.as_intended();
    let multiple = intended.multiple_accountability();
    assert_eq!(multiple.len(), 1);
    assert_eq!(multiple[0].id, "group");
}

#[test]
fn staffordshire_health_and_wellbeing_board_relationship_is_still_being_developed() {
    // Survey 1 row 6 Q4: "This is still being developed."
    let s = datasets::kent_2011_staffordshire();
    let found = reasons(&s);
    assert!(
        found.contains(&("hwb".to_string(), UnsettledReason::Unsettled, vec![])),
        "{found:?}"
    );
    // Q1: the Board recommended "that they would no longer meet".
    assert!(s.intended_changes().contains(&IntendedChange::Status {
        body: "ct-board".into(),
        from: Status::UnderReview,
        to: Status::Dormant,
    }));
}

#[test]
fn lancashire_is_working_toward_merging_its_trust_with_the_health_and_wellbeing_board() {
    // Survey 1 row 4 Q1: "We are working toward our Children's Trust merging
    // with the Health and Wellbeing Board."
    let s = datasets::kent_2011_lancashire();
    let changes = s.intended_changes();
    assert!(changes.contains(&IntendedChange::Relation {
        from: "ct".into(),
        kind: RelationKind::MergedInto,
        to: "hwb".into(),
    }));
    assert!(changes.contains(&IntendedChange::Status {
        body: "ct".into(),
        from: Status::Active,
        to: Status::Merged,
    }));
    // As intended, the 12 local groups (Q2) answer only to a merged Trust:
    // their line has to be re-made.
    let intended = s.as_intended();
    let orphans = intended.orphans();
    assert!(
        orphans.iter().any(|o| o.body == "local-groups"),
        "{orphans:?}"
    );
    assert!(s.orphans().iter().all(|o| o.body != "local-groups"));
}

#[test]
fn the_report_works_out_what_intended_changes_would_do_for_a_council_and_on_request() {
    use govgraph::{ReportOptions, generate};
    // A council's structure: worked out by default.
    let lancashire = datasets::kent_2011_lancashire().report();
    assert!(lancashire.intended().unwrap().findings.is_some());
    // A national one: listed, but worked out only on request, since it
    // means a second report.
    let national = generate::structure(&generate::GeneratorOptions::new().bodies(3_000));
    assert!(national.has_intended());
    let report = national.report();
    let intended = report.intended().unwrap();
    assert!(!intended.changes.is_empty());
    assert!(intended.findings.is_none());
    let asked = national.report_with(&ReportOptions::new().intended_findings(true));
    assert!(asked.intended().unwrap().findings.is_some());
    // And never in a report of another view.
    let as_intended = national.report_with(&ReportOptions::new().as_intended(true));
    assert!(as_intended.intended().is_none());
}
