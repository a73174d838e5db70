//! Ids, names and notes have limits, checked at load with a located problem
//! each, so that whatever loads can be drawn: a name of 20,000 characters
//! (which Graphviz cannot read: it rejects a quoted string of 16,383
//! bytes) is refused where it is written, and text at the limits draws.

mod render_support;

use govgraph::{
    Backend, BodyKind, BodySpec, DrawOptions, ErrorKind, ProblemKind, Structure, SvgOptions,
};
use render_support::{dot_available, parse_svg};

fn problems(text: &str) -> Vec<(ProblemKind, String)> {
    let err = Structure::from_toml_str(text).expect_err("the structure should be refused");
    let ErrorKind::Invalid(problems) = err.kind() else {
        panic!("expected problems, got {err:?}");
    };
    problems
        .iter()
        .map(|p| (p.kind.clone(), p.to_string()))
        .collect()
}

#[test]
fn a_name_of_twenty_thousand_characters_is_a_located_problem() {
    let text = format!(
        "[[body]]\nid = \"board\"\nname = \"{}\"\nkind = \"board\"\n",
        "x".repeat(20_000)
    );
    let found = problems(&text);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        found[0].0,
        ProblemKind::TooLong {
            field: "name",
            length: 20_000,
            limit: 1_000
        }
    );
    assert_eq!(
        found[0].1,
        "3:8: body \"board\" (body[0].name): name of 20000 characters, more than the 1000 \
         allowed: shorten it, and put the rest in a note"
    );
}

#[test]
fn a_long_id_is_located_and_shown_shortened() {
    let id = "a".repeat(300);
    let text = format!(
        "[[body]]\nid = \"{id}\"\nname = \"Board\"\nkind = \"board\"\n\n\
         [[body]]\nid = \"exec\"\nname = \"Executive\"\nkind = \"executive\"\nreports_to = [\"{id}\"]\n"
    );
    let found = problems(&text);
    assert_eq!(found.len(), 1, "{found:?}");
    let shown = format!("{}…", "a".repeat(40));
    assert_eq!(
        found[0].1,
        format!(
            "2:6: body \"{shown}\" (body[0].id): id of 300 characters, more than the 256 \
             allowed: shorten it"
        )
    );
}

#[test]
fn long_notes_and_tiers_are_located_at_their_entry() {
    let note = "n".repeat(10_001);
    let tier = "t".repeat(1_001);
    let text = format!(
        "[structure]\nname = \"{tier}\"\nnote = \"{note}\"\n\n\
         [[body]]\nid = \"board\"\nname = \"Board\"\nkind = \"board\"\ntier = \"{tier}\"\nnote = \"{note}\"\n\n\
         [[member]]\nid = \"dcs\"\nname = \"Director\"\nkind = \"post\"\nnote = \"{note}\"\n\n\
         [[body]]\nid = \"exec\"\nname = \"Executive\"\nkind = \"executive\"\n\
         reports_to = [{{ to = \"board\", note = \"{note}\" }}]\n\
         members = [{{ member = \"dcs\", note = \"{note}\" }}]\n"
    );
    let messages: Vec<String> = problems(&text).into_iter().map(|(_, m)| m).collect();
    let expected = [
        "structure.name: name of 1001 characters, more than the 1000 allowed: shorten it, and \
         put the rest in a note",
        "structure.note: note of 10001 characters, more than the 10000 allowed: shorten it",
        "5:1: body \"board\" (body[0].tier): tier of 1001 characters, more than the 1000 \
         allowed: shorten it, and put the rest in a note",
        "5:1: body \"board\" (body[0].note): note of 10001 characters, more than the 10000 \
         allowed: shorten it",
        "22:15: body \"exec\" (body[1].reports_to[0]): note of 10001 characters, more than the \
         10000 allowed: shorten it",
        "23:12: body \"exec\" (body[1].members[0].note): note of 10001 characters, more than the \
         10000 allowed: shorten it",
        "12:1: member \"dcs\" (member[0].note): note of 10001 characters, more than the 10000 \
         allowed: shorten it",
    ];
    let mut sorted_expected: Vec<&str> = expected.to_vec();
    sorted_expected.sort();
    let mut sorted: Vec<&str> = messages.iter().map(String::as_str).collect();
    sorted.sort();
    assert_eq!(sorted, sorted_expected);
}

#[test]
fn json_and_the_builder_meet_the_same_limits() {
    let name = "y".repeat(1_001);
    let json = format!(r#"{{"body": [{{"id": "b", "name": "{name}", "kind": "board"}}]}}"#);
    let err = Structure::from_json_str(&json).unwrap_err();
    assert_eq!(
        err.to_string(),
        "body \"b\" (body[0].name): name of 1001 characters, more than the 1000 allowed: \
         shorten it, and put the rest in a note"
    );
    let err = Structure::builder()
        .body(BodySpec::new("b", name, BodyKind::Board))
        .build()
        .unwrap_err();
    assert!(matches!(
        err.problems()[0].kind,
        ProblemKind::TooLong { field: "name", .. }
    ));
}

/// The hardest text at the limits for Graphviz: a 256-character id, and a
/// 1,000-character name of `&` (five bytes each once escaped for DOT)
/// and one of a four-byte character.
fn at_the_limits() -> Structure {
    let id = "i".repeat(256);
    Structure::builder()
        .body(BodySpec::new(id.clone(), "&".repeat(1_000), BodyKind::Board).apex())
        .body(BodySpec::new("exec", "🚸".repeat(1_000), BodyKind::Executive).reports_to(id))
        .build()
        .expect("text at the limits loads")
}

#[test]
fn text_at_the_limits_draws_with_dot() {
    if !dot_available("text_at_the_limits_draws_with_dot") {
        return;
    }
    let svg = at_the_limits()
        .to_svg(
            &DrawOptions::new().wrap(0),
            &SvgOptions::new().backend(Backend::Dot),
        )
        .expect("dot draws text at the limits");
    let document = parse_svg(svg.as_str());
    let texts: Vec<&str> = document
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| n.text())
        .collect();
    assert!(texts.contains(&"&".repeat(1_000).as_str()));
    assert!(texts.contains(&"🚸".repeat(1_000).as_str()));
}

#[test]
fn text_at_the_limits_draws_with_the_embedded_renderer() {
    let svg = at_the_limits()
        .to_svg(
            &DrawOptions::new().wrap(0),
            &SvgOptions::new().backend(Backend::Embedded),
        )
        .unwrap();
    parse_svg(svg.as_str());
}
