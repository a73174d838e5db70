//! Findings that change between two snapshots (a report diff), and the
//! attributes and names that `Structure::diff` reports changing.

use govgraph::{
    Attribute, BodyKind, BodySpec, FindingKind, MeetingPattern, Status, Structure, datasets,
};

#[test]
fn leicestershire_proposals_resolve_the_findings_of_the_groups_they_replace() {
    let current = datasets::leicestershire_2009_current();
    let proposed = datasets::leicestershire_2009_proposed();
    let structural = current.diff(&proposed);
    let removed: Vec<&str> = structural
        .removed
        .iter()
        .map(|b| b.body.id.as_str())
        .collect();
    assert_eq!(removed, ["age-related-groups", "cross-cutting-groups"]);

    let changes = current.report().diff(&proposed.report());
    assert!(!changes.resolved.is_empty(), "{changes}");
    // Whatever the report said of the age-related and cross-cutting groups
    // goes with them.
    for finding in &changes.resolved {
        assert!(
            finding.ids.iter().any(|id| removed.contains(&id.as_str())),
            "{changes}"
        );
    }
    // "The relationship between the Board and the LSCB, is not clear": the
    // proposal keeps both boards scrutinising each other, so the finding
    // is neither resolved nor introduced.
    for list in [&changes.resolved, &changes.introduced] {
        assert!(list.iter().all(|f| f.kind != FindingKind::MutualScrutiny));
    }
    assert!(
        proposed
            .report()
            .findings()
            .any(|f| f.kind() == FindingKind::MutualScrutiny)
    );
}

#[test]
fn leicestershire_executive_is_refocused_as_an_attribute_change() {
    // "The future model would involve creating a group focused on two
    // primary objectives": the same Executive, with a new purpose.
    let changes =
        datasets::leicestershire_2009_current().diff(&datasets::leicestershire_2009_proposed());
    let executive: Vec<Attribute> = changes
        .attributes_changed
        .iter()
        .filter(|c| c.body.id == "cyp-executive")
        .map(|c| c.attribute)
        .collect();
    assert_eq!(executive, [Attribute::Purpose, Attribute::Functions]);
    let purpose = changes
        .attributes_changed
        .iter()
        .find(|c| c.body.id == "cyp-executive" && c.attribute == Attribute::Purpose)
        .unwrap();
    assert!(purpose.to.contains("two primary objectives"));
    assert!(changes.renamed.is_empty());
}

#[test]
fn a_rename_is_a_rename_and_every_other_attribute_is_named() {
    // Kent survey, Tower Hamlets: "We have also changed the name of the
    // partnership to the Children and Families Partnership".
    let before = Structure::builder()
        .body(BodySpec::new("trust", "Children's Trust", BodyKind::Board).apex())
        .build()
        .unwrap();
    let after = Structure::builder()
        .body(
            BodySpec::new(
                "trust",
                "Children and Families Partnership",
                BodyKind::Partnership,
            )
            .statutory()
            .tier("Strategic")
            .purpose("Lead partnership working")
            .function("Agree the plan")
            .meets(MeetingPattern::EveryMonths(3)),
        )
        .build()
        .unwrap();
    let changes = before.diff(&after);
    assert_eq!(changes.renamed.len(), 1);
    assert_eq!(changes.renamed[0].from, "Children's Trust");
    assert_eq!(changes.renamed[0].to, "Children and Families Partnership");
    // A rename is not a body removed and another added.
    assert!(changes.added.is_empty() && changes.removed.is_empty());
    let attributes: Vec<(Attribute, &str, &str)> = changes
        .attributes_changed
        .iter()
        .map(|c| (c.attribute, c.from.as_str(), c.to.as_str()))
        .collect();
    assert_eq!(
        attributes,
        [
            (Attribute::Kind, "board", "partnership"),
            (Attribute::Apex, "true", "false"),
            (Attribute::Statutory, "false", "true"),
            (Attribute::Meets, "", "quarterly"),
            (Attribute::Tier, "", "Strategic"),
            (Attribute::Purpose, "", "Lead partnership working"),
            (Attribute::Functions, "", "Agree the plan"),
        ]
    );
    let text = changes.to_string();
    assert!(text.contains(
        "renamed (1):\n  \"Children's Trust\" -> \"Children and Families Partnership\" (trust)\n"
    ), "{text}");
    assert!(
        text.contains("  Children and Families Partnership (trust): meets none -> \"quarterly\"\n"),
        "{text}"
    );
}

#[test]
fn a_report_diff_names_what_each_side_says() {
    let group = |status| {
        BodySpec::new("play", "Play Partnership", BodyKind::Partnership)
            .status(status)
            .meets(MeetingPattern::EveryMonths(1))
    };
    let trust = || {
        BodySpec::new("trust", "Trust Board", BodyKind::Board)
            .status(Status::OnHold)
            .meets(MeetingPattern::EveryMonths(3))
    };
    let before = Structure::builder()
        .body(trust().apex())
        .body(group(Status::Active).reports_to("trust"))
        .build()
        .unwrap();
    let after = Structure::builder()
        .body(trust().apex())
        .body(group(Status::Active))
        .build()
        .unwrap();
    let changes = before.report().diff(&after.report());
    // The orphan is the same finding, though its case changed: the Play
    // Partnership was orphaned by its parent on hold, and now by having none.
    assert!(changes.is_empty(), "{changes}");
    let reverse = after.report().diff(&before.report());
    assert!(reverse.is_empty());

    let fixed = Structure::builder()
        .body(trust().apex().status(Status::Active))
        .body(group(Status::Active).reports_to("trust"))
        .build()
        .unwrap();
    let changes = before.report().diff(&fixed.report());
    assert_eq!(
        changes.to_string(),
        "findings resolved: 1\n  orphan: Play Partnership is accountable only to bodies that are \
         not active: Trust Board (on hold)\nfindings introduced: none\n"
    );
}
