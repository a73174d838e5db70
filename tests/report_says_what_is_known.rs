//! The report reads plainly: every relation that is not accountability is
//! in it, one-way or mutual; the shape counts live bodies only; the load
//! lines say what is known and nothing else; kinds are written as words.

use govgraph::{
    BodyKind, BodySpec, MeetingPattern, MemberKind, MemberSpec, RelationKind, Role, Status,
    Structure,
};

#[test]
fn one_way_scrutiny_and_every_other_relation_reach_the_report_by_kind() {
    // Kent survey, Wolverhampton: "An independent LSCB will ... challenge
    // the CTB as before on safeguarding across the partnership with annual
    // reporting to the HWBB as a minimum".
    let s = Structure::builder()
        .body(
            BodySpec::new("lscb", "LSCB", BodyKind::Board)
                .apex()
                .scrutinises("ctb")
                .feeds_into("hwbb"),
        )
        .body(BodySpec::new("ctb", "CTB", BodyKind::Board).apex())
        .body(
            BodySpec::new("hwbb", "HWBB", BodyKind::Board)
                .apex()
                .part_of("council"),
        )
        .body(BodySpec::new("council", "City Council", BodyKind::Other).apex())
        .build()
        .unwrap();
    let groups = s.other_relations();
    let kinds: Vec<RelationKind> = groups.iter().map(|g| g.kind).collect();
    assert_eq!(
        kinds,
        [
            RelationKind::Scrutinises,
            RelationKind::FeedsInto,
            RelationKind::PartOf
        ]
    );
    assert!(groups.iter().all(|g| !g.relations[0].mutual));
    let text = s.report().to_string();
    assert!(text.contains(
        "\nOther relations (not accountability): 3\n  scrutinises: 1\n    LSCB scrutinises CTB\n  \
         feeds into: 1\n    LSCB feeds into HWBB\n  part of: 1\n    HWBB is part of City Council\n"
    ), "{text}");
    // Mutual scrutiny is still a finding of its own.
    assert!(s.report().mutual_scrutiny().is_empty());
}

#[test]
fn mutual_scrutiny_is_listed_once_and_says_both_ways() {
    let s = Structure::builder()
        .body(
            BodySpec::new("board", "Trust Board", BodyKind::Board)
                .apex()
                .scrutinises("lscb"),
        )
        .body(
            BodySpec::new("lscb", "LSCB", BodyKind::Board)
                .apex()
                .scrutinises("board"),
        )
        .build()
        .unwrap();
    let text = s.report().to_string();
    assert!(text.contains(
        "  scrutinises: 1\n    Trust Board scrutinises LSCB, and LSCB scrutinises Trust Board\n"
    ));
}

#[test]
fn relations_that_are_accountability_are_not_listed_as_other_relations() {
    let s = Structure::builder()
        .body(
            BodySpec::new("board", "Board", BodyKind::Board)
                .apex()
                .oversees("project"),
        )
        .body(BodySpec::new("exec", "Executive", BodyKind::Executive).reports_to("board"))
        .body(BodySpec::new("group", "Group", BodyKind::SubGroup).sub_group_of("exec"))
        .body(BodySpec::new("project", "Project", BodyKind::Project))
        .build()
        .unwrap();
    assert!(s.other_relations().is_empty());
}

#[test]
fn a_dissolved_trust_over_dissolved_sub_boards_is_not_the_widest_span() {
    // Kent survey, Staffordshire: "all 8 of the District Trust Boards have
    // been 'dissolved'".
    let mut builder = Structure::builder()
        .body(
            BodySpec::new("trust", "Children's Trust Board", BodyKind::Board)
                .apex()
                .status(Status::Dissolved),
        )
        .body(BodySpec::new("exec", "Children's Trust Executive", BodyKind::Executive).apex())
        .body(BodySpec::new("hwb", "Health and Wellbeing Board", BodyKind::Board).apex());
    for d in 0..8 {
        builder = builder.body(
            BodySpec::new(
                format!("district-{d}"),
                format!("District Trust Board {d}"),
                BodyKind::Board,
            )
            .status(Status::Dissolved)
            .reports_to("trust"),
        );
    }
    for g in 0..3 {
        builder = builder.body(
            BodySpec::new(format!("group-{g}"), format!("Group {g}"), BodyKind::Group)
                .reports_to("exec"),
        );
    }
    let s = builder
        .body(
            BodySpec::new("task", "Task group", BodyKind::TaskAndFinishGroup).reports_to("group-0"),
        )
        .body(
            BodySpec::new("old-task", "Old task", BodyKind::TaskAndFinishGroup)
                .status(Status::Merged)
                .reports_to("task"),
        )
        .build()
        .unwrap();
    let summary = s.summary();
    let span = summary.widest_span.as_ref().unwrap();
    assert_eq!((span.id.as_str(), span.children), ("exec", 3));
    // Down to the live task group; the merged one below it does not count.
    assert_eq!(summary.deepest_chain, ["exec", "group-0", "task"]);
    assert_eq!(summary.depth, 2);
}

#[test]
fn the_load_lines_say_what_is_known_and_nothing_else() {
    // Solihull's Schools sit on two bodies, neither with a known meeting
    // pattern: nothing is known of their load, so no "0 on 2 bodies".
    let s = Structure::builder()
        .member(MemberSpec::new(
            "schools",
            "Schools",
            MemberKind::Organisation,
        ))
        .member(MemberSpec::new(
            "care-trust",
            "Care Trust",
            MemberKind::Organisation,
        ))
        .body(
            BodySpec::new("accountability", "Accountability Board", BodyKind::Board)
                .seat("schools", Role::Member),
        )
        .body(
            BodySpec::new(
                "collaboratives",
                "Community collaboratives",
                BodyKind::Partnership,
            )
            .seat("schools", Role::Member),
        )
        .body(
            BodySpec::new("panel", "Short Breaks panel", BodyKind::Panel)
                .meets(MeetingPattern::EveryMonths(1))
                .seat("care-trust", Role::Member),
        )
        .body(
            BodySpec::new("corporate", "Corporate Parenting Board", BodyKind::Board)
                .seat("care-trust", Role::Member),
        )
        .build()
        .unwrap();
    let load = s.governance_load();
    assert_eq!(load.members.len(), 1);
    assert_eq!(load.members_unknown, 1);
    let text = s.report().to_string();
    assert!(!text.contains("0 on 2 bodies"), "{text}");
    assert!(
        text.contains(
            "    Care Trust: 12 on 1 body; not known for 1 more: Corporate Parenting Board\n"
        ),
        "{text}"
    );
    assert!(
        text.contains("  1 member sits only on active bodies with no known meeting pattern\n"),
        "{text}"
    );
}

#[test]
fn many_bodies_with_no_known_meeting_pattern_are_one_line_with_a_count() {
    let mut builder = Structure::builder();
    for b in 0..40 {
        builder = builder.body(
            BodySpec::new(format!("b{b:02}"), format!("Group {b:02}"), BodyKind::Group).apex(),
        );
    }
    let text = builder.build().unwrap().report().to_string();
    // Not one line per body, as it was.
    assert!(!text.lines().any(|l| l.trim() == "Group 30"));
    assert!(text.contains(
        "  no known meeting pattern: 40 active bodies (Group 00, Group 01, Group 02, Group 03, Group 04 and 35 more)\n"
    ));
}

#[test]
fn the_summary_writes_kinds_as_words() {
    let s = Structure::builder()
        .body(BodySpec::new("a", "A", BodyKind::SubGroup).apex())
        .body(BodySpec::new("b", "B", BodyKind::TaskAndFinishGroup).apex())
        .body(BodySpec::new("c", "C", BodyKind::ProgrammeBoard).apex())
        .build()
        .unwrap();
    let text = s.report().to_string();
    assert!(
        text.contains("by kind: sub-group 1, programme board 1, task-and-finish group 1"),
        "{text}"
    );
}
