//! Loading structure files: what a valid file gives, and what each kind of
//! mistake is reported as.

use govgraph::{
    BodyKind, BodySpec, ErrorKind, MeetingPattern, MemberKind, MemberSpec, ProblemKind,
    RelationKind, Role, Seat, Status, Structure, Target,
};

const SMALL_TRUST: &str = include_str!("fixtures/small-trust.toml");

/// Loads `input` as TOML and checks the rendered error, problem by problem.
fn check_toml_error(input: &str, expected: &[&str]) {
    let err = Structure::from_toml_str(input).expect_err("input should be rejected");
    let lines: Vec<String> = err.to_string().lines().map(str::to_string).collect();
    assert_eq!(lines, expected, "full error:\n{err}");
}

/// Loads `input` as TOML and checks the rendered error, problem by problem,
/// where an unknown word's list of allowed words is checked on its own: it
/// must hold every word of the vocabulary once, the suggestion first. A
/// line expected with no vocabulary is compared whole.
fn check_toml_error_listing_words(input: &str, expected: &[(&str, &[&str])]) {
    let err = Structure::from_toml_str(input).expect_err("input should be rejected");
    let lines: Vec<String> = err.to_string().lines().map(str::to_string).collect();
    assert_eq!(lines.len(), expected.len(), "full error:\n{err}");
    for (line, (start, vocabulary)) in lines.iter().zip(expected) {
        if vocabulary.is_empty() {
            assert_eq!(line, start);
            continue;
        }
        let (head, list) = line
            .split_once("; expected one of: ")
            .unwrap_or_else(|| panic!("no list of allowed words in {line:?}"));
        assert_eq!(head, *start);
        let listed: Vec<&str> = list.split(", ").collect();
        let mut sorted = listed.clone();
        sorted.sort_unstable();
        let mut all = vocabulary.to_vec();
        all.sort_unstable();
        assert_eq!(sorted, all, "every allowed word, once, in {line:?}");
        let suggested = head
            .rsplit_once("(did you mean \"")
            .map(|(_, s)| s.trim_end_matches("\"?)"));
        if let Some(suggested) = suggested {
            assert_eq!(listed[0], suggested, "the nearest word first in {line:?}");
        }
    }
}

fn words<T: Copy>(all: &[T], word: impl Fn(T) -> &'static str) -> Vec<&'static str> {
    all.iter().map(|&v| word(v)).collect()
}

#[test]
fn a_valid_file_loads_every_field() {
    let s = Structure::from_toml_str(SMALL_TRUST).unwrap();
    assert_eq!(s.meta().name.as_deref(), Some("Small Children's Trust"));
    assert_eq!(s.bodies().count(), 4);
    assert_eq!(s.members().count(), 5);

    let board = s.body("board").unwrap();
    assert!(board.apex);
    assert_eq!(board.kind, BodyKind::Board);
    assert_eq!(board.status, Status::Active, "status defaults to active");
    assert_eq!(board.meets, Some(MeetingPattern::EveryMonths(3)));
    assert_eq!(board.functions.len(), 2);
    assert_eq!(board.source.as_deref(), Some("s3.2"));

    let exec = s.body("exec").unwrap();
    assert_eq!(
        exec.status,
        Status::OnHold,
        "\"on hold\" is read as on-hold"
    );
    assert_eq!(exec.meets.unwrap().per_year(), 52.0 / 6.0);
    assert_eq!(exec.tier.as_deref(), Some("Trust"));

    let lscb = s.body("lscb").unwrap();
    assert!(lscb.statutory);

    let reports = s
        .relations()
        .iter()
        .find(|r| r.from.as_str() == "exec" && r.kind == RelationKind::ReportsTo)
        .unwrap();
    assert_eq!(reports.to.as_str(), "board");
    assert_eq!(reports.source.as_deref(), Some("s3.2 2010 row"));
    let assumed = s
        .relations()
        .iter()
        .find(|r| r.from.as_str() == "play" && r.kind == RelationKind::ReportsTo)
        .unwrap();
    assert!(assumed.note.as_deref().unwrap().starts_with("assumed"));

    let seats: Vec<(&str, &str, Role)> = s
        .memberships()
        .iter()
        .map(|m| (m.body.as_str(), m.member.as_str(), m.role))
        .collect();
    assert_eq!(
        seats,
        [
            ("board", "dcs", Role::Member),
            ("board", "lead-member", Role::Chair),
            ("board", "police-rep", Role::Member),
            ("exec", "dcs", Role::Chair),
            ("lscb", "dcs", Role::Member),
        ]
    );
    let police_seat = &s.memberships()[2];
    assert_eq!(
        police_seat.on_behalf_of.as_ref().unwrap().as_str(),
        "police"
    );
    assert_eq!(
        s.member("dcs").unwrap().organisations[0].as_str(),
        "council"
    );
}

#[test]
fn the_same_structure_in_json_loads_equal() {
    let json = r#"{
        "structure": {"name": "Small Children's Trust", "source": "hand-made fixture", "date": "2011-06",
                      "note": "Whom the play partnership reports to is assumed."},
        "body": [
            {"id": "board", "name": "Children's Trust Board", "kind": "board", "apex": true,
             "purpose": "Lead the Trust & manage delivery of the plan",
             "functions": ["Signing off strategies and plans", "LAA signoff"],
             "themes": ["partnership", "planning"], "meets": "quarterly", "source": "s3.2",
             "members": [{"member": "lead-member", "role": "chair", "source": "s4.2"}, "dcs",
                         {"member": "police-rep", "on_behalf_of": "police"}]},
            {"id": "exec", "name": "Performance & Commissioning Group", "kind": "executive",
             "status": "on hold", "tier": "Trust", "meets": "every 6 weeks",
             "reports_to": [{"to": "board", "source": "s3.2 2010 row"}],
             "members": [{"member": "dcs", "role": "chair"}]},
            {"id": "lscb", "name": "Local Safeguarding Children Board", "kind": "board", "apex": true,
             "statutory": true, "themes": ["safeguarding"], "scrutinises": ["board"], "members": ["dcs"]},
            {"id": "play", "name": "Play Partnership", "kind": "partnership",
             "tier": "Strategy / Delivery Groups", "note": "Not very active group – resources cut.",
             "reports_to": [{"to": "exec", "note": "assumed: the paper does not say"}],
             "feeds_into": ["lscb"]}
        ],
        "member": [
            {"id": "council", "name": "Solihull Council", "kind": "organisation"},
            {"id": "police", "name": "West Midlands Police", "kind": "organisation"},
            {"id": "dcs", "name": "Director of Children's Services", "kind": "post", "organisation": "council"},
            {"id": "lead-member", "name": "Lead Member for Children and Young People", "kind": "post",
             "organisation": "council"},
            {"id": "police-rep", "name": "Chief Superintendent", "kind": "post", "organisation": "police"}
        ]
    }"#;
    assert_eq!(
        Structure::from_json_str(json).unwrap(),
        Structure::from_toml_str(SMALL_TRUST).unwrap()
    );
}

#[test]
fn saving_and_loading_again_gives_an_equal_structure() {
    let s = Structure::from_toml_str(SMALL_TRUST).unwrap();
    let toml = s.to_toml_string().unwrap();
    assert_eq!(Structure::from_toml_str(&toml).unwrap(), s, "TOML:\n{toml}");
    let json = s.to_json_string().unwrap();
    assert_eq!(Structure::from_json_str(&json).unwrap(), s, "JSON:\n{json}");
    // Saving is deterministic, so users can snapshot files they write.
    assert_eq!(s.to_toml_string().unwrap(), toml);
}

#[test]
fn the_builder_makes_the_same_structure_as_the_file() {
    let built = Structure::builder()
        .name("Small Children's Trust")
        .source("hand-made fixture")
        .date("2011-06")
        .note("Whom the play partnership reports to is assumed.")
        .body(
            BodySpec::new("board", "Children's Trust Board", BodyKind::Board)
                .apex()
                .purpose("Lead the Trust & manage delivery of the plan")
                .function("Signing off strategies and plans")
                .function("LAA signoff")
                .theme("partnership")
                .theme("planning")
                .meets(MeetingPattern::EveryMonths(3))
                .source("s3.2")
                .seat_with(Seat::new("lead-member", Role::Chair).source("s4.2"))
                .seat("dcs", Role::Member)
                .seat_with(Seat::new("police-rep", Role::Member).on_behalf_of("police")),
        )
        .body(
            BodySpec::new(
                "exec",
                "Performance & Commissioning Group",
                BodyKind::Executive,
            )
            .status(Status::OnHold)
            .tier("Trust")
            .meets(MeetingPattern::EveryWeeks(6))
            .reports_to(Target::new("board").source("s3.2 2010 row"))
            .seat("dcs", Role::Chair),
        )
        .body(
            BodySpec::new("lscb", "Local Safeguarding Children Board", BodyKind::Board)
                .apex()
                .statutory()
                .theme("safeguarding")
                .scrutinises("board")
                .seat("dcs", Role::Member),
        )
        .body(
            BodySpec::new("play", "Play Partnership", BodyKind::Partnership)
                .tier("Strategy / Delivery Groups")
                .note("Not very active group – resources cut.")
                .reports_to(Target::new("exec").note("assumed: the paper does not say"))
                .feeds_into("lscb"),
        )
        .member(MemberSpec::new(
            "council",
            "Solihull Council",
            MemberKind::Organisation,
        ))
        .member(MemberSpec::new(
            "police",
            "West Midlands Police",
            MemberKind::Organisation,
        ))
        .member(
            MemberSpec::new("dcs", "Director of Children's Services", MemberKind::Post)
                .organisation("council"),
        )
        .member(
            MemberSpec::new(
                "lead-member",
                "Lead Member for Children and Young People",
                MemberKind::Post,
            )
            .organisation("council"),
        )
        .member(
            MemberSpec::new("police-rep", "Chief Superintendent", MemberKind::Post)
                .organisation("police"),
        )
        .build()
        .unwrap();
    assert_eq!(built, Structure::from_toml_str(SMALL_TRUST).unwrap());
}

#[test]
fn three_mistakes_give_three_errors_in_one_load_each_naming_its_body() {
    let input = r#"
[[body]]
id = "board"
name = "Trust Board"
kind = "board"
status = "dormnat"

[[body]]
id = "exec"
name = "Executive"
kind = "executive"
reports_to = ["bord"]

[[body]]
id = "board"
name = "Another Board"
kind = "board"
"#;
    let statuses = words(Status::ALL, Status::as_str);
    check_toml_error_listing_words(
        input,
        &[
            (
                r#"6:10: body "board" (body[0].status): unknown status "dormnat" (did you mean "dormant"?)"#,
                &statuses,
            ),
            (
                r#"12:15: body "exec" (body[1].reports_to[0]): unknown id "bord" (did you mean "board"?)"#,
                &[],
            ),
            (
                r#"15:6: body "board" (body[2].id): duplicate id "board": give each body and member its own id (first defined at 3:6: body "board" (body[0].id))"#,
                &[],
            ),
        ],
    );
    let err = Structure::from_toml_str(input).unwrap_err();
    let kinds: Vec<&ProblemKind> = err.problems().iter().map(|p| &p.kind).collect();
    assert!(matches!(kinds[0], ProblemKind::UnknownWord(_)));
    assert!(matches!(kinds[1], ProblemKind::UnknownId { .. }));
    assert!(matches!(kinds[2], ProblemKind::DuplicateId { .. }));
}

#[test]
fn a_body_that_reports_to_itself_is_an_error() {
    check_toml_error(
        "[[body]]\nid = \"exec\"\nname = \"Executive\"\nkind = \"executive\"\nreports_to = [\"exec\"]\n",
        &[r#"5:15: body "exec" (body[0].reports_to[0]): "exec" reports to itself"#],
    );
}

#[test]
fn unknown_kinds_roles_and_meeting_patterns_are_errors_with_suggestions() {
    check_toml_error_listing_words(
        r#"[[body]]
id = "b"
name = "Board"
kind = "bored"
meets = "quartely"
members = [{ member = "dcs", role = "vice chiar" }]

[[member]]
id = "dcs"
name = "DCS"
kind = "postt"
"#,
        &[
            (
                r#"4:8: body "b" (body[0].kind): unknown body kind "bored" (did you mean "board"?)"#,
                &words(BodyKind::ALL, BodyKind::as_str),
            ),
            (
                r#"5:9: body "b" (body[0].meets): unknown meeting pattern "quartely" (did you mean "quarterly"?)"#,
                // The patterns a person writes most, as the README lists them.
                &[
                    "weekly",
                    "fortnightly",
                    "monthly",
                    "every 2 months",
                    "quarterly",
                    "every 6 weeks",
                    "termly",
                    "twice a year",
                    "4 times a year",
                    "annually",
                    "as needed",
                ],
            ),
            (
                r#"6:12: body "b" (body[0].members[0].role): unknown role "vice chiar" (did you mean "vice-chair"?)"#,
                &words(Role::ALL, Role::as_str),
            ),
            (
                r#"11:8: member "dcs" (member[0].kind): unknown member kind "postt" (did you mean "post"?)"#,
                &words(MemberKind::ALL, MemberKind::as_str),
            ),
        ],
    );
}

#[test]
fn seats_must_be_held_by_members_on_behalf_of_organisations() {
    check_toml_error(
        r#"[[body]]
id = "board"
name = "Board"
kind = "board"
members = ["board", { member = "dcs", on_behalf_of = "dcs" }]

[[member]]
id = "dcs"
name = "DCS"
kind = "post"
"#,
        &[
            r#"5:12: body "board" (body[0].members[0]): "board" is not a member or another body: a body does not sit on itself"#,
            r#"5:21: body "board" (body[0].members[1].on_behalf_of): "dcs" is not an organisation or a body: a seat is held on behalf of a [[member]] with kind = "organisation", or of a [[body]]"#,
        ],
    );
}

#[test]
fn empty_names_and_invalid_ids_are_errors() {
    check_toml_error(
        "[[body]]\nid = \" board\"\nname = \" \"\nkind = \"board\"\n",
        &[
            r#"2:6: body " board" (body[0].id): invalid id " board": an id must be non-empty, without control characters or surrounding spaces"#,
            r#"3:8: body " board" (body[0].name): empty name: give it the name the source uses"#,
        ],
    );
}

#[test]
fn malformed_toml_is_a_syntax_error_with_line_and_column() {
    let err = Structure::from_toml_str("[[body]]\nid = \"a\nname = \"A\"\n").unwrap_err();
    let ErrorKind::Syntax { location, .. } = err.kind() else {
        panic!("expected a syntax error, got {err}");
    };
    assert_eq!(location.line, Some(2));
    assert!(err.to_string().starts_with("2:"), "{err}");
}

#[test]
fn a_misspelt_key_is_reported_with_the_keys_that_are_allowed() {
    let err = Structure::from_toml_str(
        "[[body]]\nid = \"a\"\nname = \"A\"\nkind = \"board\"\nreprots_to = []\n",
    )
    .unwrap_err();
    let message = err.to_string();
    assert!(
        message.starts_with("5:1: body[0].reprots_to: unknown field `reprots_to`"),
        "{message}"
    );
    assert!(message.contains("`reports_to`"), "{message}");
}

#[test]
fn malformed_json_gives_line_column_and_key_path() {
    let err = Structure::from_json_str(
        "{\"body\": [\n  {\"id\": \"a\", \"name\": \"A\", \"kind\": \"board\", \"apex\": \"yes\"}\n]}",
    )
    .unwrap_err();
    let ErrorKind::Syntax { location, message } = err.kind() else {
        panic!("expected a syntax error, got {err}");
    };
    assert_eq!(location.key, "body[0].apex");
    assert_eq!(location.line, Some(2));
    assert!(message.contains("expected a boolean"), "{message}");
}

#[test]
fn json_problems_are_located_by_key_path() {
    let err = Structure::from_json_str(
        r#"{"body": [{"id": "a", "name": "A", "kind": "board", "feeds_into": ["b"]}]}"#,
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        r#"body "a" (body[0].feeds_into[0]): unknown id "b""#
    );
}

#[test]
fn errors_from_a_file_name_the_file() {
    let dir = std::env::temp_dir().join(format!("govgraph-load-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("trust.toml");
    std::fs::write(
        &path,
        "[[body]]\nid = \"a\"\nname = \"A\"\nkind = \"board\"\npart_of = [\"council\"]\n",
    )
    .unwrap();
    let err = Structure::from_path(&path).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            r#"{}:5:12: body "a" (body[0].part_of[0]): unknown id "council""#,
            path.display()
        )
    );
    let txt = dir.join("trust.txt");
    std::fs::write(&txt, "").unwrap();
    let err = Structure::from_path(&txt).unwrap_err();
    assert!(
        err.to_string().contains("name the file .toml or .json"),
        "{err}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_builder_reports_every_problem_like_a_file() {
    let err = Structure::builder()
        .body(
            BodySpec::new("a", "A", BodyKind::Group)
                .reports_to("zz")
                .sub_group_of("a"),
        )
        .body(BodySpec::new("b", "", BodyKind::Group))
        .member(MemberSpec::new("a", "A post", MemberKind::Post))
        .build()
        .unwrap_err();
    let lines: Vec<String> = err.to_string().lines().map(str::to_string).collect();
    assert_eq!(
        lines,
        [
            r#"body "a" (body[0].reports_to[0]): unknown id "zz""#,
            r#"body "a" (body[0].sub_group_of[0]): "a" is a sub-group of itself"#,
            r#"body "b" (body[1].name): empty name: give it the name the source uses"#,
            r#"member "a" (member[0].id): duplicate id "a": give each body and member its own id (first defined at body "a" (body[0].id))"#,
        ]
    );
}

#[test]
fn posts_can_have_two_lines_of_accountability() {
    // Halton 2008 s6.5: the PCT post reports to a council post for day-to-day
    // management and to a PCT post for NHS accountability.
    let s = Structure::from_toml_str(
        r#"
[[member]]
id = "ad"
name = "Assistant Director, Child & Family Health"
kind = "post"
reports_to = ["strategic-director", "operational-director"]

[[body]]
id = "council"
name = "Halton Borough Council"
kind = "other"
apex = true

[[member]]
id = "strategic-director"
name = "Strategic Director of Children's Services"
kind = "post"

[[member]]
id = "operational-director"
name = "Operational Director, Children, Families & Maternity Services"
kind = "post"
"#,
    )
    .unwrap();
    assert_eq!(
        s.accountable_parents("ad").collect::<Vec<_>>(),
        ["operational-director", "strategic-director"]
    );
}

#[test]
fn strange_input_gives_errors_not_panics() {
    let inputs = [
        "",
        "\u{0}",
        "[[body]]",
        "[[body]]\nid = 1\n",
        "body = \"x\"",
        "[[body]]\nid = \"a\"\nname = \"A\"\nkind = \"board\"\nreports_to = [{}]\n",
        "[[body]]\nid = \"a\"\nname = \"A\"\nkind = \"board\"\nmembers = [[\"x\"]]\n",
        "[[body]]\nid = \"\u{7}\"\nname = \"A\"\nkind = \"board\"\n",
        "[structure]\nname = 3\n",
        &"[".repeat(10_000),
    ];
    for input in inputs {
        let _ = Structure::from_toml_str(input);
        let _ = Structure::from_json_str(input);
    }
    for input in [
        "{",
        "[]",
        "null",
        "{\"body\": {}}",
        &"[".repeat(10_000),
        "{\"body\": [{\"id\": \"a\"}]}",
    ] {
        assert!(
            Structure::from_json_str(input).is_err(),
            "{input:?} should be rejected"
        );
    }
}

#[test]
fn the_format_reference_example_is_the_fixture() {
    let readme = include_str!("../docs/format.md");
    let start = readme
        .find("```toml\n")
        .expect("the reference has a TOML example")
        + "```toml\n".len();
    let end = start + readme[start..].find("```").unwrap();
    let example = Structure::from_toml_str(&readme[start..end]).unwrap();
    assert_eq!(example, Structure::from_toml_str(SMALL_TRUST).unwrap());
}

#[test]
fn the_format_reference_error_example_is_what_loading_prints() {
    let readme = include_str!("../docs/format.md");
    let readme = &readme[readme.find("## Mistakes are reported all at once").unwrap()..];
    let start = readme
        .find("```text\n")
        .expect("the reference shows an error")
        + "```text\n".len();
    let end = start + readme[start..].find("```").unwrap();
    let shown: Vec<&str> = readme[start..end].lines().collect();
    let input = "\n[[body]]\nid = \"board\"\nname = \"Trust Board\"\nkind = \"board\"\nstatus = \"dormnat\"\n\n[[body]]\nid = \"exec\"\nname = \"Executive\"\nkind = \"executive\"\nreports_to = [\"bord\"]\n\n[[body]]\nid = \"board\"\nname = \"Another Board\"\nkind = \"board\"\n";
    check_toml_error(input, &shown);
}
