//! Bad and strange input gets a clear error and nothing else: very large
//! files, deeply nested input, cycles, odd ids, empty names. Each test says
//! what a hand-written or hostile file may contain and what govgraph does.

use govgraph::generate::{self, GeneratorOptions};
use govgraph::{
    BodyKind, BodySpec, DuplicationOptions, ErrorKind, MemberKind, MemberSpec, ProblemKind,
    RelationKind, Structure,
};
use petgraph::algo::is_cyclic_directed;

/// A body in TOML, with extra lines.
fn toml_body(id: &str, extra: &str) -> String {
    format!("[[body]]\nid = {id:?}\nname = \"Body\"\nkind = \"group\"\n{extra}\n")
}

/// The message of a syntax error, or a panic naming what came instead.
fn syntax_message(result: Result<Structure, govgraph::Error>) -> String {
    match result.map(|_| ()).map_err(|e| e.into_kind()) {
        Err(ErrorKind::Syntax { message, .. }) => message,
        other => panic!("expected a syntax error, got {other:?}"),
    }
}

// Very large files.

#[test]
fn a_file_of_100000_bodies_loads() {
    // A chain of sub-groups ten deep under each of 10,000 boards: 100,000
    // bodies in some 6 MB, every one of them checked.
    let mut text = String::new();
    for i in 0..100_000 {
        let extra = if i % 10 == 0 {
            "apex = true".to_string()
        } else {
            format!("sub_group_of = [\"b{}\"]", i - 1)
        };
        text.push_str(&toml_body(&format!("b{i}"), &extra));
    }
    let s = Structure::from_toml_str(&text).unwrap();
    assert_eq!(s.bodies().count(), 100_000);
    assert_eq!(s.relations().len(), 90_000);
    assert_eq!(
        s.accountable_parents("b99999").collect::<Vec<_>>(),
        ["b99998"]
    );
}

#[test]
fn a_generated_national_structure_loads_from_toml_and_json() {
    let s = generate::structure(&GeneratorOptions::new().bodies(5_000).memberships(50_000));
    let toml = s.to_toml_string().unwrap();
    assert!(toml.len() > 5_000_000, "a file of several megabytes");
    assert_eq!(Structure::from_toml_str(&toml).unwrap(), s);
    assert_eq!(
        Structure::from_json_str(&s.to_json_string().unwrap()).unwrap(),
        s
    );
}

/// Printable garbage: a fixed pseudo-random block of 4 KiB, repeated.
fn garbage(bytes: usize) -> String {
    let mut state: u32 = 1;
    let block: String = (0..4096)
        .map(|_| {
            state = state.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
            char::from(b' ' + (state >> 24) as u8 % 95)
        })
        .collect();
    let mut text = block.repeat(bytes / block.len() + 1);
    text.truncate(bytes);
    text
}

#[test]
fn fifty_megabytes_of_garbage_is_rejected_with_a_syntax_error() {
    let text = garbage(50_000_000);
    let message = syntax_message(Structure::from_toml_str(&text));
    assert!(!message.is_empty());
    let message = syntax_message(Structure::from_json_str(&text));
    assert!(!message.is_empty());
}

#[test]
fn a_string_that_never_ends_is_a_syntax_error() {
    let text = format!("[[body]]\nid = \"a\"\nname = \"{}", "a".repeat(10_000_000));
    let err = Structure::from_toml_str(&text).unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::Syntax { .. }), "{err}");
    let text = format!(
        "{{\"body\": [{{\"id\": \"a\", \"name\": \"{}",
        "a".repeat(10_000_000)
    );
    let err = Structure::from_json_str(&text).unwrap_err();
    assert!(err.to_string().contains("EOF"), "{err}");
}

#[test]
fn every_reference_wrong_in_a_large_file_is_reported_without_delay() {
    // Ids renamed on one side only: 20,000 unknown references among 20,000
    // ids. Suggestions stop after the first hundred, since each compares
    // with every id.
    let mut text = String::new();
    for i in 0..20_000 {
        text.push_str(&toml_body(
            &format!("group-{i}"),
            &format!("reports_to = [\"grp-{i}\"]"),
        ));
    }
    let err = Structure::from_toml_str(&text).unwrap_err();
    let problems = err.problems();
    assert_eq!(problems.len(), 20_000);
    let suggested = problems
        .iter()
        .filter(|p| {
            matches!(
                &p.kind,
                ProblemKind::UnknownId {
                    suggestion: Some(_),
                    ..
                }
            )
        })
        .count();
    assert_eq!(suggested, 100);
    assert_eq!(problems[0].location.line, Some(5));
    assert_eq!(problems[19_999].location.line, Some(5 + 5 * 19_999));
}

#[test]
fn problems_on_one_very_long_line_get_their_own_columns() {
    // A tool that writes a whole structure on one line: 50,000 seats held
    // by nobody, each located at its own column.
    let seats: Vec<String> = (0..50_000).map(|i| format!("\"m{i:05}\"")).collect();
    let text = format!(
        "body = [{{ id = \"b\", name = \"B\", kind = \"board\", members = [{}] }}]",
        seats.join(", ")
    );
    let err = Structure::from_toml_str(&text).unwrap_err();
    let columns: Vec<usize> = err
        .problems()
        .iter()
        .map(|p| {
            assert_eq!(p.location.line, Some(1));
            p.location.column.unwrap()
        })
        .collect();
    assert_eq!(columns.len(), 50_000);
    let first = text.find("\"m00000\"").unwrap() + 1;
    // Each seat is `"m00000", `: eight characters and a separator of two.
    let expected: Vec<usize> = (0..50_000).map(|i| first + 10 * i).collect();
    assert_eq!(columns, expected);
}

// Deeply nested input.

#[test]
fn deep_nesting_in_toml_is_an_error_not_a_stack_overflow() {
    let deep = 100_000;
    let inputs = [
        format!("a = {}", "[".repeat(deep)),
        format!("a = {}{}", "[".repeat(deep), "]".repeat(deep)),
        format!("a = {}", "{ b = ".repeat(deep)),
        format!("{} = 1", vec!["a"; deep].join(".")),
        format!("[{}]", vec!["a"; deep].join(".")),
        format!(
            "[[body]]\nid = \"a\"\nname = \"A\"\nkind = \"board\"\nfunctions = {}",
            "[".repeat(deep)
        ),
        format!(
            "[[body]]\nid = \"a\"\nname = \"A\"\nkind = \"board\"\nreports_to = [{}]",
            "{ to = ".repeat(deep)
        ),
    ];
    for input in &inputs {
        let message = syntax_message(Structure::from_toml_str(input));
        assert!(message.contains("recursion"), "{message}");
        assert!(message.contains("nested too deeply"), "{message}");
    }
    // A header of nothing but brackets is simply malformed.
    syntax_message(Structure::from_toml_str(&"[".repeat(deep)));
}

#[test]
fn deep_nesting_in_json_is_an_error_not_a_stack_overflow() {
    let deep = 100_000;
    for input in [
        "[".repeat(deep),
        "{\"a\":".repeat(deep),
        format!("{{\"body\": {}", "[".repeat(deep)),
        format!(
            "{{\"body\": [{{\"id\": \"a\", \"functions\": {}",
            "[".repeat(deep)
        ),
        format!(
            "{{\"body\": [{{\"id\": \"a\", \"reports_to\": [{}",
            "{\"to\": ".repeat(deep)
        ),
        format!("{{\"structure\": {}", "{\"name\": ".repeat(deep)),
    ] {
        syntax_message(Structure::from_json_str(&input));
    }
}

#[test]
fn nesting_just_inside_the_parser_limits_is_still_only_the_wrong_shape() {
    // Sixty levels parse (TOML allows about eighty); the file is then
    // rejected for holding an array where a string belongs.
    let nested = format!("{}\"x\"{}", "[".repeat(60), "]".repeat(60));
    let input =
        format!("[[body]]\nid = \"a\"\nname = \"A\"\nkind = \"board\"\nfunctions = {nested}\n");
    let message = syntax_message(Structure::from_toml_str(&input));
    assert!(message.contains("invalid type"), "{message}");
}

// Cycles.

#[test]
fn accountability_cycles_load_they_are_findings_not_errors() {
    // "a" answers to "b", "b" to "c", and "c" to "a" because "a" oversees
    // it: a cycle through all three ways of writing accountability.
    let s = Structure::from_toml_str(
        &[
            toml_body("a", "reports_to = [\"b\"]\noversees = [\"c\"]"),
            toml_body("b", "sub_group_of = [\"c\"]"),
            toml_body("c", ""),
        ]
        .concat(),
    )
    .unwrap();
    assert_eq!(s.accountable_parents("a").collect::<Vec<_>>(), ["b"]);
    assert_eq!(s.accountable_parents("b").collect::<Vec<_>>(), ["c"]);
    assert_eq!(s.accountable_parents("c").collect::<Vec<_>>(), ["a"]);
    assert!(is_cyclic_directed(s.graph().accountability()));
}

#[test]
fn mutual_scrutiny_and_a_two_post_reporting_loop_load() {
    let s = Structure::builder()
        .body(
            BodySpec::new("board", "Board", BodyKind::Board)
                .apex()
                .scrutinises("lscb"),
        )
        .body(
            BodySpec::new("lscb", "LSCB", BodyKind::Board)
                .apex()
                .scrutinises("board"),
        )
        .member(MemberSpec::new("dcs", "DCS", MemberKind::Post).reports_to("ceo"))
        .member(MemberSpec::new("ceo", "Chief Executive", MemberKind::Post).reports_to("dcs"))
        .build()
        .unwrap();
    assert_eq!(s.relations().len(), 4);
    assert!(is_cyclic_directed(s.graph().relations()));
}

#[test]
fn relating_to_itself_is_the_only_cycle_that_is_an_error() {
    for kind in RelationKind::ALL {
        let err = Structure::builder()
            .body(BodySpec::new("a", "A", BodyKind::Group).relation(*kind, "a"))
            .build()
            .unwrap_err();
        assert!(
            matches!(err.problems()[0].kind, ProblemKind::SelfRelation { .. }),
            "{kind}: {err}"
        );
    }
}

// Odd ids.

/// Ids a person might write that govgraph accepts as they are.
const ODD_BUT_VALID: &[&str] = &[
    "trust board",
    "Children's Trust",
    "say \"hi\"",
    "back\\slash",
    "C:\\path\\to",
    "a.b.c",
    "[[body]]",
    "x = 1",
    "#hash",
    "{braces}",
    "&amp;",
    "<script>",
    "Bwrdd Plant Caerdydd",
    "ñandú",
    "子ども",
    "مجلس",
    "🙂",
    "a\u{200b}b",
    "1",
    "-",
];

#[test]
fn odd_ids_are_valid_and_survive_saving_and_loading() {
    let mut builder =
        Structure::builder().body(BodySpec::new("root", "Root", BodyKind::Board).apex());
    for id in ODD_BUT_VALID {
        builder = builder
            .body(BodySpec::new(*id, format!("Body {id}"), BodyKind::Group).reports_to("root"));
    }
    let s = builder.build().unwrap();
    assert_eq!(s.bodies().count(), ODD_BUT_VALID.len() + 1);
    assert_eq!(
        Structure::from_toml_str(&s.to_toml_string().unwrap()).unwrap(),
        s
    );
    assert_eq!(
        Structure::from_json_str(&s.to_json_string().unwrap()).unwrap(),
        s
    );
    let graph = s.graph();
    for id in ODD_BUT_VALID {
        assert_eq!(graph.id(graph.index(id).unwrap()).as_str(), *id);
    }
}

#[test]
fn ids_with_control_characters_or_surrounding_space_are_invalid() {
    for id in [
        "",
        " ",
        "a ",
        " a",
        "\ta",
        "a\tb",
        "a\nb",
        "a\rb",
        "\u{7}",
        "a\u{7f}",
        "a\u{85}b",
        "a\u{a0}",
        "\u{2028}a",
    ] {
        let err = Structure::builder()
            .body(BodySpec::new(id, "Name", BodyKind::Group))
            .build()
            .unwrap_err();
        assert!(
            matches!(&err.problems()[0].kind, ProblemKind::InvalidId { id: bad } if bad == id),
            "{id:?}: {err}"
        );
        assert!(err.to_string().contains("an id must be non-empty"), "{err}");
    }
}

#[test]
fn invisible_characters_in_ids_are_shown_escaped_in_messages() {
    // "board" and "board" with a zero-width space look the same; the
    // message tells them apart.
    let err = Structure::builder()
        .body(BodySpec::new("board", "Board", BodyKind::Board))
        .body(BodySpec::new("exec", "Executive", BodyKind::Executive).reports_to("board\u{200b}"))
        .build()
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        r#"body "exec" (body[1].reports_to[0]): unknown id "board\u{200b}" (did you mean "board"?)"#
    );
}

// Empty names.

#[test]
fn empty_names_are_rejected_with_a_clear_message_in_every_format() {
    for name in ["", " ", "\n", "\t \u{a0}"] {
        // A JSON string is also a TOML basic string.
        let quoted = serde_json::to_string(name).unwrap();
        let toml = format!("[[body]]\nid = \"a\"\nname = {quoted}\nkind = \"board\"\n");
        let err = Structure::from_toml_str(&toml).unwrap_err();
        assert_eq!(
            err.to_string(),
            "3:8: body \"a\" (body[0].name): empty name: give it the name the source uses"
        );
        let json = format!(
            r#"{{"body": [{{"id": "b", "name": "Board", "kind": "board"}}], "member": [{{"id": "m", "name": {quoted}, "kind": "post"}}]}}"#
        );
        let err = Structure::from_json_str(&json).unwrap_err();
        assert_eq!(
            err.to_string(),
            "member \"m\" (member[0].name): empty name: give it the name the source uses"
        );
        let err = Structure::builder()
            .member(MemberSpec::new("m", name, MemberKind::Post))
            .build()
            .unwrap_err();
        assert_eq!(err.problems()[0].kind, ProblemKind::EmptyName);
    }
}

#[test]
fn a_missing_name_is_a_syntax_error_that_names_the_field() {
    let message = syntax_message(Structure::from_toml_str(
        "[[body]]\nid = \"a\"\nkind = \"board\"\n",
    ));
    assert!(message.contains("missing field `name`"), "{message}");
}

// Files as editors write them.

#[test]
fn a_byte_order_mark_is_skipped_in_toml_and_json() {
    let toml = "\u{feff}[[body]]\nid = \"a\"\nname = \"A\"\nkind = \"board\"\n";
    assert_eq!(Structure::from_toml_str(toml).unwrap().bodies().count(), 1);
    let json = "\u{feff}{\"body\": [{\"id\": \"a\", \"name\": \"A\", \"kind\": \"board\"}]}";
    assert_eq!(Structure::from_json_str(json).unwrap().bodies().count(), 1);
}

#[test]
fn windows_line_endings_load_and_locate_like_unix_ones() {
    let unix = "[[body]]\nid = \"a\"\nname = \"A\"\nkind = \"board\"\nreports_to = [\"zz\"]\n";
    let windows = unix.replace('\n', "\r\n");
    let a = Structure::from_toml_str(unix).unwrap_err().to_string();
    let b = Structure::from_toml_str(&windows).unwrap_err().to_string();
    assert_eq!(a, b);
    assert_eq!(
        a,
        r#"5:15: body "a" (body[0].reports_to[0]): unknown id "zz""#
    );
}

#[test]
fn a_wrong_organisation_is_located_at_its_own_key() {
    let err = Structure::from_toml_str(
        "[[member]]\nid = \"dcs\"\nname = \"DCS\"\nkind = \"post\"\norganisation = \"councl\"\n\n\
         [[member]]\nid = \"council\"\nname = \"Council\"\nkind = \"organisation\"\n\n\
         [[body]]\nid = \"board\"\nname = \"Board\"\nkind = \"board\"\n",
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        r#"5:16: member "dcs" (member[0].organisation): unknown id "councl" (did you mean "council"?)"#
    );
}

/// A structure large enough that the report runs duplication on a second
/// thread gives the same findings as each analysis run on its own.
#[test]
fn a_large_report_on_two_threads_is_each_analysis_on_its_own() {
    let s = generate::structure(&GeneratorOptions::new().bodies(3_000).memberships(30_000));
    let report = s.report();
    // The report is of the structure in force: the generated one has a few
    // intended relations, which the analyses on their own count as written.
    let s = s.in_force();
    assert!(!report.duplicates().is_empty() && !report.orphans().is_empty());
    assert_eq!(
        report.duplicates(),
        &s.duplicates(&DuplicationOptions::new())[..]
    );
    assert_eq!(report.orphans(), &s.orphans()[..]);
    assert_eq!(report.cycles(), &s.cycles()[..]);
    assert_eq!(report.interlocks(), &s.interlocks(3)[..]);
    assert_eq!(report.load(), &s.governance_load());
    assert_eq!(report.summary(), &s.summary());
}
