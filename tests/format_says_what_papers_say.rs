//! The file format says what councils' governance papers say: intended
//! and dated facts, unsettled accountability, bodies represented on bodies,
//! posts of several organisations, bodies that stand for many, collective
//! succession, members with a status, and the words councils use. Each fact
//! is written three ways (TOML, JSON, the builder), which must give the same
//! structure, and the structure must survive saving and loading in both
//! formats. The quoted words are from the Kent survey of June 2011.

use govgraph::{
    Accountability, BodyKind, BodySpec, Date, ErrorKind, MemberKind, MemberSpec, ProblemKind,
    RelationKind, Role, Seat, Status, Structure, Succession, Target,
};

/// Loads the same structure from TOML, JSON and the builder, checks that
/// they are equal and that the structure round-trips through both formats,
/// and gives it back.
fn all_ways(toml: &str, json: &str, built: govgraph::StructureBuilder) -> Structure {
    let from_toml = Structure::from_toml_str(toml).unwrap_or_else(|e| panic!("TOML: {e}"));
    let from_json = Structure::from_json_str(json).unwrap_or_else(|e| panic!("JSON: {e}"));
    let built = built.build().unwrap_or_else(|e| panic!("builder: {e}"));
    assert_eq!(from_toml, from_json, "TOML and JSON");
    assert_eq!(from_toml, built, "TOML and the builder");
    let saved = from_toml.to_toml_string().unwrap();
    assert_eq!(
        Structure::from_toml_str(&saved).unwrap(),
        from_toml,
        "{saved}"
    );
    let saved = from_toml.to_json_string().unwrap();
    assert_eq!(
        Structure::from_json_str(&saved).unwrap(),
        from_toml,
        "{saved}"
    );
    from_toml
}

fn problems(toml: &str) -> Vec<String> {
    let err = Structure::from_toml_str(toml).expect_err("should be refused");
    err.problems().iter().map(|p| p.to_string()).collect()
}

fn date(text: &str) -> Date {
    text.parse().unwrap()
}

#[test]
fn intended_and_dated_relations_and_seats_are_kept_apart_from_what_is_in_force() {
    // Lancashire: "We are working toward our Children's Trust merging with
    // the Health and Wellbeing Board"; a sub-group line that held from 2010
    // to 2011; a seat that "will in future" exist.
    let toml = r#"
        [structure]
        date = "2011-06"

        [[body]]
        id = "hwb"
        name = "Health and Wellbeing Board"
        kind = "board"
        apex = true
        members = [{ member = "ccg-chair", intended = true, start = "2012" }]

        [[body]]
        id = "trust"
        name = "Children's Trust"
        kind = "board"
        apex = true
        merged_into = [{ to = "hwb", intended = true, source = "Survey 1 row 4 Q1" }]
        sub_group_of = [{ to = "lsp", from = "2010", until = "June 2011" }]

        [[body]]
        id = "lsp"
        name = "Local Strategic Partnership"
        kind = "partnership"
        apex = true

        [[member]]
        id = "ccg-chair"
        name = "Chair of a Clinical Commissioning Group"
        kind = "post"
    "#;
    let json = r#"{
        "structure": {"date": "2011-06"},
        "body": [
            {"id": "hwb", "name": "Health and Wellbeing Board", "kind": "board", "apex": true,
             "members": [{"member": "ccg-chair", "intended": true, "from": "2012"}]},
            {"id": "trust", "name": "Children's Trust", "kind": "board", "apex": true,
             "merged_into": [{"to": "hwb", "intended": true, "source": "Survey 1 row 4 Q1"}],
             "sub_group_of": [{"to": "lsp", "start": "2010", "end": "2011-06"}]},
            {"id": "lsp", "name": "Local Strategic Partnership", "kind": "partnership", "apex": true}
        ],
        "member": [{"id": "ccg-chair", "name": "Chair of a Clinical Commissioning Group", "kind": "post"}]
    }"#;
    let built = Structure::builder()
        .date(Date::month(2011, 6).unwrap())
        .body(
            BodySpec::new("hwb", "Health and Wellbeing Board", BodyKind::Board)
                .apex()
                .seat_with(
                    Seat::new("ccg-chair", Role::Member)
                        .intended()
                        .start("2012"),
                ),
        )
        .body(
            BodySpec::new("trust", "Children's Trust", BodyKind::Board)
                .apex()
                .merged_into(Target::new("hwb").intended().source("Survey 1 row 4 Q1"))
                .sub_group_of(Target::new("lsp").from(Date::year(2010)).until("2011-06")),
        )
        .body(BodySpec::new("lsp", "Local Strategic Partnership", BodyKind::Partnership).apex())
        .member(MemberSpec::new(
            "ccg-chair",
            "Chair of a Clinical Commissioning Group",
            MemberKind::Post,
        ));
    let s = all_ways(toml, json, built);

    let merger = s
        .relations()
        .iter()
        .find(|r| r.kind == RelationKind::MergedInto)
        .unwrap();
    assert!(merger.intended);
    let line = s
        .relations()
        .iter()
        .find(|r| r.kind == RelationKind::SubGroupOf)
        .unwrap();
    assert_eq!(
        (line.start, line.end),
        (Some(date("2010")), Some(date("2011-06")))
    );
    assert!(s.memberships()[0].intended);

    // In force at the file's date: the line has ended, the merger and the
    // seat are only intended.
    let now = s.in_force();
    assert!(now.relations().is_empty());
    assert!(now.memberships().is_empty());
    assert_eq!(now.body("trust").unwrap().status, Status::Active);
    // In 2010 the Trust was a sub-group of the partnership.
    let then = s.as_at(date("2010-09"));
    assert_eq!(
        then.accountable_parents("trust").collect::<Vec<_>>(),
        ["lsp"]
    );
    // As intended, the Trust has merged into the board, which has its seat.
    let intended = s.as_intended();
    assert_eq!(intended.body("trust").unwrap().status, Status::Merged);
    assert_eq!(intended.seats_on("hwb").count(), 1);
}

#[test]
fn a_date_that_is_not_one_is_a_located_error() {
    let found = problems(
        r#"[structure]
date = "future"

[[body]]
id = "b"
name = "Board"
kind = "board"
status_since = "28.03.11"
reports_to = [{ to = "c", from = "soon" }]

[[body]]
id = "c"
name = "C"
kind = "board"
"#,
    );
    assert_eq!(found.len(), 3, "{found:#?}");
    assert!(
        found[0].starts_with(r#"2:8: structure.date: not a date: "future""#),
        "{found:#?}"
    );
    assert!(
        found[1].starts_with(r#"8:16: body "b" (body[0].status_since): not a date: "28.03.11""#),
        "{found:#?}"
    );
    assert!(
        found[2].starts_with(r#"9:15: body "b" (body[0].reports_to[0]): not a date: "soon""#),
        "{found:#?}"
    );
}

#[test]
fn a_dated_status_is_the_status_from_that_date() {
    // Staffordshire: "On the 28.03.11 the Staffordshire Children's Trust
    // Board made several recommendations, including that they would no
    // longer meet".
    let toml = r#"
        [[body]]
        id = "board"
        name = "Staffordshire Children's Trust Board"
        kind = "board"
        apex = true
        status = "under review"
        intended_status = "would no longer meet"
        status_since = "2011-03-28"

        [[body]]
        id = "hwb"
        name = "Health and Wellbeing Board"
        kind = "board"
        status = "shadow form"
        status_since = "2011-05"
        accountability = "being developed"
    "#;
    let json = r#"{"body": [
        {"id": "board", "name": "Staffordshire Children's Trust Board", "kind": "board", "apex": true,
         "status": "under-review", "intended_status": "dormant", "status_since": "28 March 2011"},
        {"id": "hwb", "name": "Health and Wellbeing Board", "kind": "board", "status": "shadow",
         "status_since": "May 2011", "accountability": "unsettled"}
    ]}"#;
    let built = Structure::builder()
        .body(
            BodySpec::new(
                "board",
                "Staffordshire Children's Trust Board",
                BodyKind::Board,
            )
            .apex()
            .status(Status::UnderReview)
            .intended_status(Status::Dormant)
            .status_since(Date::day(2011, 3, 28).unwrap()),
        )
        .body(
            BodySpec::new("hwb", "Health and Wellbeing Board", BodyKind::Board)
                .status(Status::Shadow)
                .status_since("2011-05")
                .accountability(Accountability::Unsettled),
        );
    let s = all_ways(toml, json, built);
    assert_eq!(
        s.body("board").unwrap().intended_status,
        Some(Status::Dormant)
    );
    // Before the recommendation the board was active; the shadow board did
    // not exist yet.
    let before = s.as_at(date("2011-01"));
    assert_eq!(before.body("board").unwrap().status, Status::Active);
    assert!(before.body("hwb").is_none());
    // As intended, the board no longer meets.
    assert_eq!(
        s.as_intended().body("board").unwrap().status,
        Status::Dormant
    );
}

#[test]
fn unsettled_and_unstated_accountability_is_not_apex() {
    // Coventry: "a shadow board has been established but we have not yet
    // agreed how to link in with the children's agenda".
    let toml = r#"
        [[body]]
        id = "hwb"
        name = "Shadow Health and Wellbeing Board"
        kind = "board"
        status = "shadow"
        accountability = "not yet established"

        [[body]]
        id = "group"
        name = "Commissioning Board"
        kind = "board"
        accountability = "not stated"
    "#;
    let json = r#"{"body": [
        {"id": "hwb", "name": "Shadow Health and Wellbeing Board", "kind": "board", "status": "shadow", "accountability": "unsettled"},
        {"id": "group", "name": "Commissioning Board", "kind": "board", "accountability": "unstated"}
    ]}"#;
    let built = Structure::builder()
        .body(
            BodySpec::new("hwb", "Shadow Health and Wellbeing Board", BodyKind::Board)
                .status(Status::Shadow)
                .accountability(Accountability::Unsettled),
        )
        .body(
            BodySpec::new("group", "Commissioning Board", BodyKind::Board)
                .accountability(Accountability::Unstated),
        );
    let s = all_ways(toml, json, built);
    let hwb = s.body("hwb").unwrap();
    assert!(!hwb.apex);
    assert_eq!(hwb.accountability, Some(Accountability::Unsettled));
    assert_eq!(
        s.body("group").unwrap().accountability,
        Some(Accountability::Unstated)
    );
}

#[test]
fn a_body_can_be_represented_on_another_and_a_chair_can_sit_for_their_own_body() {
    // Wolverhampton: "The Shadow HWBB includes the Portfolio Holder for
    // Children & Young People"; Barnet's Trust Board contains "the
    // independent chairman of Barnet Safeguarding Children Board".
    let toml = r#"
        [[body]]
        id = "hwb"
        name = "Shadow Health and Wellbeing Board"
        kind = "board"
        apex = true
        members = [
            { member = "ctb", role = "representative" },
            { member = "portfolio-holder" },
        ]

        [[body]]
        id = "ctb"
        name = "Children's Trust Board"
        kind = "board"
        apex = true
        members = [{ member = "lscb-chair", on_behalf_of = "lscb" }]

        [[body]]
        id = "lscb"
        name = "Safeguarding Children Board"
        kind = "board"
        apex = true
        statutory = true
        members = [{ member = "lscb-chair", role = "chair" }]

        [[member]]
        id = "portfolio-holder"
        name = "Portfolio Holder for Children & Young People"
        kind = "post"

        [[member]]
        id = "lscb-chair"
        name = "Independent Chair of the Safeguarding Children Board"
        kind = "post"
    "#;
    let json = r#"{
        "body": [
            {"id": "hwb", "name": "Shadow Health and Wellbeing Board", "kind": "board", "apex": true,
             "members": [{"member": "ctb", "role": "member"}, "portfolio-holder"]},
            {"id": "ctb", "name": "Children's Trust Board", "kind": "board", "apex": true,
             "members": [{"member": "lscb-chair", "on_behalf_of": "lscb"}]},
            {"id": "lscb", "name": "Safeguarding Children Board", "kind": "board", "apex": true,
             "statutory": true, "members": [{"member": "lscb-chair", "role": "chair"}]}
        ],
        "member": [
            {"id": "portfolio-holder", "name": "Portfolio Holder for Children & Young People", "kind": "post"},
            {"id": "lscb-chair", "name": "Independent Chair of the Safeguarding Children Board", "kind": "post"}
        ]
    }"#;
    let built = Structure::builder()
        .body(
            BodySpec::new("hwb", "Shadow Health and Wellbeing Board", BodyKind::Board)
                .apex()
                .seat("ctb", Role::Member)
                .seat("portfolio-holder", Role::Member),
        )
        .body(
            BodySpec::new("ctb", "Children's Trust Board", BodyKind::Board)
                .apex()
                .seat_with(Seat::new("lscb-chair", Role::Member).on_behalf_of("lscb")),
        )
        .body(
            BodySpec::new("lscb", "Safeguarding Children Board", BodyKind::Board)
                .apex()
                .statutory()
                .seat("lscb-chair", Role::Chair),
        )
        .member(MemberSpec::new(
            "portfolio-holder",
            "Portfolio Holder for Children & Young People",
            MemberKind::Post,
        ))
        .member(MemberSpec::new(
            "lscb-chair",
            "Independent Chair of the Safeguarding Children Board",
            MemberKind::Post,
        ));
    let s = all_ways(toml, json, built);
    assert!(s.seats_on("hwb").any(|m| m.member == "ctb"));
    let chair = s.seats_on("ctb").next().unwrap();
    assert_eq!(chair.on_behalf_of.as_ref().unwrap().as_str(), "lscb");
}

#[test]
fn a_post_can_belong_to_two_organisations() {
    // "two jointly funded commissioning posts through the PCT and the
    // County Council" (the issue's example of a joint post).
    let toml = r#"
        [[body]]
        id = "group"
        name = "Joint Commissioning Group"
        kind = "group"
        apex = true
        members = ["joint-commissioner"]

        [[member]]
        id = "joint-commissioner"
        name = "Joint Commissioner"
        kind = "post"
        organisation = ["pct", "council"]

        [[member]]
        id = "pct"
        name = "PCT"
        kind = "organisation"

        [[member]]
        id = "council"
        name = "County Council"
        kind = "organisation"
    "#;
    let json = r#"{
        "body": [{"id": "group", "name": "Joint Commissioning Group", "kind": "group", "apex": true, "members": ["joint-commissioner"]}],
        "member": [
            {"id": "joint-commissioner", "name": "Joint Commissioner", "kind": "post", "organisation": ["council", "pct"]},
            {"id": "pct", "name": "PCT", "kind": "organisation"},
            {"id": "council", "name": "County Council", "kind": "organisation"}
        ]
    }"#;
    let built = Structure::builder()
        .body(
            BodySpec::new("group", "Joint Commissioning Group", BodyKind::Group)
                .apex()
                .seat("joint-commissioner", Role::Member),
        )
        .member(
            MemberSpec::new("joint-commissioner", "Joint Commissioner", MemberKind::Post)
                .organisation("pct")
                .organisation("council"),
        )
        .member(MemberSpec::new("pct", "PCT", MemberKind::Organisation))
        .member(MemberSpec::new(
            "council",
            "County Council",
            MemberKind::Organisation,
        ));
    let s = all_ways(toml, json, built);
    let organisations: Vec<&str> = s
        .member("joint-commissioner")
        .unwrap()
        .organisations
        .iter()
        .map(|o| o.as_str())
        .collect();
    assert_eq!(organisations, ["council", "pct"]);
    // A single organisation is still written as a string.
    assert!(
        !s.to_toml_string()
            .unwrap()
            .contains("organisation = \"council\"")
    );
}

#[test]
fn a_body_can_stand_for_many_alike_bodies() {
    // Staffordshire: "all 8 of the District Trust Boards have been
    // 'dissolved'"; Kent: "12 LCTs linked to the 12 Districts".
    let toml = r#"
        [[body]]
        id = "district-boards"
        name = "District Trust Boards"
        kind = "board"
        count = 8
        status = "dissolved"
        accountability = "unstated"
    "#;
    let json = r#"{"body": [{"id": "district-boards", "name": "District Trust Boards", "kind": "board",
                  "count": 8, "status": "dissolved", "accountability": "unstated"}]}"#;
    let built = Structure::builder().body(
        BodySpec::new("district-boards", "District Trust Boards", BodyKind::Board)
            .count(8)
            .status(Status::Dissolved)
            .accountability(Accountability::Unstated),
    );
    let s = all_ways(toml, json, built);
    assert_eq!(s.body("district-boards").unwrap().count, 8);

    let found = problems("[[body]]\nid = \"b\"\nname = \"B\"\nkind = \"board\"\ncount = 0\n");
    assert_eq!(
        found,
        [
            r#"5:9: body "b" (body[0].count): count 0 is not a number of bodies: write a whole number of at least 1"#
        ]
    );
}

#[test]
fn collective_succession_is_one_entry() {
    // Herefordshire: "All our CT subgroups have finished (based around the
    // 5 ECM outcomes)", the Trust now working to "4 priorities".
    let toml = r#"
        [[body]]
        id = "ecm-groups"
        name = "Every Child Matters sub-groups"
        kind = "sub-group"
        count = 5
        status = "dissolved"
        accountability = "unstated"

        [[body]]
        id = "priorities"
        name = "Priority groups"
        kind = "group"
        count = 4
        accountability = "unstated"

        [[succession]]
        from = ["ecm-groups"]
        to = ["priorities"]
        date = "2011"
        source = "Survey 2 row 6 Q1, Q3"
    "#;
    let json = r#"{
        "body": [
            {"id": "ecm-groups", "name": "Every Child Matters sub-groups", "kind": "sub-group", "count": 5, "status": "dissolved", "accountability": "unstated"},
            {"id": "priorities", "name": "Priority groups", "kind": "group", "count": 4, "accountability": "unstated"}
        ],
        "succession": [{"from": ["ecm-groups"], "to": ["priorities"], "kind": "replaced-by", "date": "2011", "source": "Survey 2 row 6 Q1, Q3"}]
    }"#;
    let built = Structure::builder()
        .body(
            BodySpec::new(
                "ecm-groups",
                "Every Child Matters sub-groups",
                BodyKind::SubGroup,
            )
            .count(5)
            .status(Status::Dissolved)
            .accountability(Accountability::Unstated),
        )
        .body(
            BodySpec::new("priorities", "Priority groups", BodyKind::Group)
                .count(4)
                .accountability(Accountability::Unstated),
        )
        .succession(
            Succession::new(["ecm-groups"], ["priorities"], RelationKind::ReplacedBy)
                .date(Date::year(2011))
                .source("Survey 2 row 6 Q1, Q3"),
        );
    let s = all_ways(toml, json, built);
    assert_eq!(s.successions().len(), 1);
    assert_eq!(s.successions()[0].kind, RelationKind::ReplacedBy);

    let found = problems(
        "[[body]]\nid = \"a\"\nname = \"A\"\nkind = \"board\"\n\n\
         [[succession]]\nfrom = []\nto = [\"a\", \"nobody\"]\nkind = \"feeds-into\"\n",
    );
    assert_eq!(found.len(), 3, "{found:#?}");
    assert!(
        found
            .iter()
            .any(|p| p.contains("a succession needs at least one body in `from`"))
    );
    assert!(found.iter().any(|p| p.contains(r#"unknown id "nobody""#)));
    assert!(
        found
            .iter()
            .any(|p| p.contains(r#""feeds-into" is not a kind of succession"#))
    );
}

#[test]
fn members_can_have_a_status() {
    // A Healthwatch that is proposed, a PCT that ceases.
    let toml = r#"
        [[body]]
        id = "hwb"
        name = "Health and Wellbeing Board"
        kind = "board"
        apex = true
        members = ["healthwatch", "pct"]

        [[member]]
        id = "healthwatch"
        name = "Local Healthwatch"
        kind = "organisation"
        status = "proposed"

        [[member]]
        id = "pct"
        name = "Primary Care Trust"
        kind = "organisation"
        status = "ceased"
        status_since = "2013-04"
    "#;
    let json = r#"{
        "body": [{"id": "hwb", "name": "Health and Wellbeing Board", "kind": "board", "apex": true, "members": ["healthwatch", "pct"]}],
        "member": [
            {"id": "healthwatch", "name": "Local Healthwatch", "kind": "organisation", "status": "proposed"},
            {"id": "pct", "name": "Primary Care Trust", "kind": "organisation", "status": "dissolved", "status_since": "2013-04"}
        ]
    }"#;
    let built = Structure::builder()
        .body(
            BodySpec::new("hwb", "Health and Wellbeing Board", BodyKind::Board)
                .apex()
                .seat("healthwatch", Role::Member)
                .seat("pct", Role::Member),
        )
        .member(
            MemberSpec::new("healthwatch", "Local Healthwatch", MemberKind::Organisation)
                .status(Status::Proposed),
        )
        .member(
            MemberSpec::new("pct", "Primary Care Trust", MemberKind::Organisation)
                .status(Status::Dissolved)
                .status_since("2013-04"),
        );
    let s = all_ways(toml, json, built);
    assert_eq!(s.member("healthwatch").unwrap().status, Status::Proposed);
    assert_eq!(s.member("pct").unwrap().status, Status::Dissolved);
    assert_eq!(
        s.as_at(date("2012")).member("pct").unwrap().status,
        Status::Active
    );
}

#[test]
fn the_words_councils_use_are_read() {
    for (word, status) in [
        ("shadow form", Status::Shadow),
        ("being established", Status::BeingEstablished),
        ("Being set up", Status::BeingEstablished),
        ("renamed", Status::Renamed),
        ("would no longer meet", Status::Dormant),
    ] {
        assert_eq!(word.parse::<Status>(), Ok(status), "{word}");
    }
    for (word, kind) in [
        ("unit", BodyKind::Team),
        ("hub", BodyKind::Hub),
        ("Cabinet", BodyKind::Cabinet),
        ("commission", BodyKind::Committee),
        ("consortium", BodyKind::Partnership),
        ("network", BodyKind::Network),
    ] {
        assert_eq!(word.parse::<BodyKind>(), Ok(kind), "{word}");
    }
    for (word, role) in [
        ("representative", Role::Member),
        ("deputy", Role::Deputy),
        ("invitee", Role::Observer),
        ("adviser", Role::Observer),
        ("deputy chair", Role::ViceChair),
    ] {
        assert_eq!(word.parse::<Role>(), Ok(role), "{word}");
    }
    for (word, kind) in [
        ("nominates items to", RelationKind::NominatesTo),
        ("aligned with", RelationKind::AlignedWith),
        ("has a protocol with", RelationKind::ProtocolWith),
        ("reports annually to", RelationKind::AnnualReportTo),
        ("challenges", RelationKind::Scrutinises),
        ("holds to account", RelationKind::Scrutinises),
    ] {
        assert_eq!(word.parse::<RelationKind>(), Ok(kind), "{word}");
    }
    // Each new relation has its own key in a file.
    let toml = r#"
        [[body]]
        id = "lscb"
        name = "LSCB"
        kind = "board"
        apex = true
        scrutinises = ["ctb"]
        annual_report_to = ["hwb"]
        nominates_items_to = ["hwb"]

        [[body]]
        id = "ctb"
        name = "Children's Trust Board"
        kind = "board"
        apex = true
        aligned_with = ["hwb"]
        has_protocol_with = ["lscb"]
        annual_report_to = ["cabinet"]

        [[body]]
        id = "hwb"
        name = "Health and Wellbeing Board"
        kind = "board"
        apex = true

        [[body]]
        id = "cabinet"
        name = "City Council Cabinet"
        kind = "cabinet"
        apex = true
    "#;
    let s = Structure::from_toml_str(toml).unwrap();
    let kinds: Vec<(&str, RelationKind, &str)> = s
        .relations()
        .iter()
        .map(|r| (r.from.as_str(), r.kind, r.to.as_str()))
        .collect();
    assert_eq!(
        kinds,
        [
            ("ctb", RelationKind::AlignedWith, "hwb"),
            ("ctb", RelationKind::ProtocolWith, "lscb"),
            ("ctb", RelationKind::AnnualReportTo, "cabinet"),
            ("lscb", RelationKind::Scrutinises, "ctb"),
            ("lscb", RelationKind::NominatesTo, "hwb"),
            ("lscb", RelationKind::AnnualReportTo, "hwb"),
        ]
    );
    assert!(s.relations().iter().all(|r| !r.kind.is_accountability()));
    assert_eq!(
        Structure::from_toml_str(&s.to_toml_string().unwrap()).unwrap(),
        s
    );
}

#[test]
fn errors_teach_the_format() {
    // An unknown word lists what is allowed.
    let found = problems("[[body]]\nid = \"b\"\nname = \"B\"\nkind = \"bored\"\n");
    assert!(
        found[0].contains("; expected one of: board, "),
        "{found:#?}"
    );
    // A seat with two problems reports both.
    let found = problems(
        "[[body]]\nid = \"b\"\nname = \"B\"\nkind = \"board\"\n\
         members = [{ member = \"nobody\", role = \"chiar\", start = \"later\" }]\n",
    );
    assert_eq!(found.len(), 3, "{found:#?}");
    assert!(found.iter().any(|p| p.contains(r#"unknown role "chiar""#)));
    assert!(found.iter().any(|p| p.contains(r#"unknown id "nobody""#)));
    assert!(found.iter().any(|p| p.contains(r#"not a date: "later""#)));
    // A file that declares no bodies is the wrong file.
    for text in ["", "[structure]\nname = \"Halton\"\n"] {
        let err = Structure::from_toml_str(text).unwrap_err();
        assert!(matches!(err.kind(), ErrorKind::Invalid(p) if p[0].kind == ProblemKind::NoBodies));
        assert_eq!(
            err.to_string(),
            "body: the file declares no bodies: a structure needs at least one [[body]] entry (is this the right file?)"
        );
    }
    assert!(Structure::from_json_str("{}").is_err());
    // A list where an id is expected is read as a list of organisations;
    // a number where text is expected says what was expected.
    let err = Structure::from_toml_str(
        "[[body]]\nid = \"b\"\nname = \"B\"\nkind = \"board\"\n\n\
         [[member]]\nid = \"m\"\nname = \"M\"\nkind = \"post\"\norganisation = 3\n",
    )
    .unwrap_err();
    assert!(
        err.to_string()
            .contains(r#"an id, or a list of ids like ["pct", "council"]"#),
        "{err}"
    );
}

#[test]
fn a_misspelt_key_gets_a_suggestion() {
    let toml = "[[body]]\nid = \"b\"\nname = \"B\"\nkind = \"board\"\nreport_to = [\"b\"]\n";
    let err = Structure::from_toml_str(toml).unwrap_err();
    assert!(
        err.to_string().ends_with("(did you mean `reports_to`?)"),
        "{err}"
    );
    let json = r#"{"body": [{"id": "b", "name": "B", "kind": "board", "statutary": true}]}"#;
    let err = Structure::from_json_str(json).unwrap_err();
    assert!(
        err.to_string().ends_with("(did you mean `statutory`?)"),
        "{err}"
    );
}
