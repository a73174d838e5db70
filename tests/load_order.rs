//! A file is resolved entry by entry as it is read, so an entry may name
//! ids the file defines only later: members listed before bodies, seats
//! naming members further down. Whatever the order, a file loads to the
//! same structure, and a wrong one gives the same problems, each where it
//! is written.

use govgraph::Structure;

/// A trust whose seats, reporting lines and organisations name ids
/// defined after them in the usual order (bodies, then members).
const BODIES: &str = r#"[
    {"id": "board", "name": "Trust Board", "kind": "board", "apex": true,
     "members": [{"member": "dcs", "role": "chair", "on_behalf_of": "council"},
                 "pct", {"member": "exec", "role": "observer"}]},
    {"id": "exec", "name": "Executive", "kind": "executive", "reports_to": ["board"],
     "members": [{"member": "dcs", "on_behalf_of": "play"}, "nurse"]},
    {"id": "play", "name": "Play Partnership", "kind": "partnership",
     "reports_to": [{"to": "exec", "source": "s3.1"}], "members": ["nurse", "council"]}
]"#;

const MEMBERS: &str = r#"[
    {"id": "dcs", "name": "Director of Children's Services", "kind": "post",
     "organisation": "council", "reports_to": ["exec"]},
    {"id": "nurse", "name": "Designated Nurse", "kind": "post", "organisation": ["pct", "council"]},
    {"id": "council", "name": "Solihull MBC", "kind": "organisation"},
    {"id": "pct", "name": "Solihull PCT", "kind": "organisation"}
]"#;

fn json(members_first: bool) -> String {
    if members_first {
        format!(r#"{{"member": {MEMBERS}, "structure": {{"name": "T"}}, "body": {BODIES}}}"#)
    } else {
        format!(r#"{{"structure": {{"name": "T"}}, "body": {BODIES}, "member": {MEMBERS}}}"#)
    }
}

/// The same trust in TOML, its `[[member]]` tables first or last.
fn toml(structure: &Structure, members_first: bool) -> String {
    let text = structure.to_toml_string().unwrap();
    let at = text.find("[[member]]").expect("the trust has members");
    let (before, members) = text.split_at(at);
    if members_first {
        format!("{members}\n{before}")
    } else {
        text
    }
}

#[test]
fn members_listed_before_bodies_load_to_the_same_structure() {
    let usual = Structure::from_json_str(&json(false)).unwrap();
    // Every seat names a member defined after it, and a member's reporting
    // line a body defined after it: nothing was dropped on the way.
    assert_eq!(usual.memberships().len(), 7);
    assert_eq!(usual.members().count(), 4);
    assert_eq!(usual.relations().len(), 3);
    assert_eq!(
        usual
            .member("nurse")
            .unwrap()
            .organisations
            .iter()
            .map(|o| o.as_str())
            .collect::<Vec<_>>(),
        ["council", "pct"]
    );
    let members_first = Structure::from_json_str(&json(true)).unwrap();
    assert_eq!(members_first, usual);

    for first in [false, true] {
        let text = toml(&usual, first);
        assert_eq!(
            text.find("[[member]]") < text.find("[[body]]"),
            first,
            "{text}"
        );
        assert_eq!(Structure::from_toml_str(&text).unwrap(), usual, "{text}");
    }
}

#[test]
fn seats_naming_members_defined_later_load_as_when_defined_earlier() {
    // Within one list too: a body's seat may name a body further down.
    let later = r#"{"body": [
        {"id": "a", "name": "A", "kind": "board", "members": ["b"], "sub_group_of": ["b"]},
        {"id": "b", "name": "B", "kind": "board"}]}"#;
    let earlier = r#"{"body": [
        {"id": "b", "name": "B", "kind": "board"},
        {"id": "a", "name": "A", "kind": "board", "members": ["b"], "sub_group_of": ["b"]}]}"#;
    let later = Structure::from_json_str(later).unwrap();
    assert_eq!(later, Structure::from_json_str(earlier).unwrap());
    assert_eq!(later.seats_on("a").count(), 1);
}

#[test]
fn an_unknown_id_in_a_forward_position_is_reported_where_it_is_written() {
    // Members first: the seat names "dcx" before any member of the file
    // could be known, and the suggestion is a member defined after it.
    let text = json(true).replace(
        r#"{"member": "dcs", "role": "chair""#,
        r#"{"member": "dcx", "role": "chair""#,
    );
    let error = Structure::from_json_str(&text).unwrap_err().to_string();
    assert_eq!(
        error,
        r#"body "board" (body[0].members[0]): unknown id "dcx" (did you mean "dcs"?)"#
    );

    // In TOML, with its line and column; and a reporting line that names a
    // body of the wrong kind of id (a member) is still refused where it
    // is. Members come first, so each problem is found before the bodies
    // are read.
    let usual = Structure::from_json_str(&json(false)).unwrap();
    let text = toml(&usual, true)
        .replace("member = \"dcs\"", "member = \"dcx\"")
        .replace("on_behalf_of = \"play\"", "on_behalf_of = \"nurse\"");
    let error = Structure::from_toml_str(&text).unwrap_err().to_string();
    let lines: Vec<&str> = error.lines().collect();
    assert_eq!(lines.len(), 3, "{error}");
    assert!(
        lines[0].ends_with(
            r#"body "board" (body[0].members[0]): unknown id "dcx" (did you mean "dcs"?)"#
        ),
        "{error}"
    );
    assert!(
        lines[1].ends_with(
            r#"body "exec" (body[1].members[0]): unknown id "dcx" (did you mean "dcs"?)"#
        ),
        "{error}"
    );
    assert!(
        lines[2].contains(r#"body "exec" (body[1].members[0].on_behalf_of): "nurse" is not an organisation or a body"#),
        "{error}"
    );
    // Each at the line of its seat in the file, after the members.
    let line_of = |problem: &str| -> usize { problem.split(':').next().unwrap().parse().unwrap() };
    let members_end = text.find("[[body]]").unwrap();
    let first_body_line = text[..members_end].lines().count();
    for problem in &lines {
        assert!(line_of(problem) > first_body_line, "{problem} in\n{text}");
    }
}

#[test]
fn an_id_taken_by_a_member_and_a_later_body_is_the_members_duplicate() {
    // Bodies' ids are defined before members' whatever the order of the
    // file, so the member is the duplicate, as when bodies come first.
    let clash = |members_first: bool| {
        let text = json(members_first).replace(r#""id": "pct""#, r#""id": "play""#);
        Structure::from_json_str(&text).unwrap_err().to_string()
    };
    let error = clash(true);
    assert_eq!(error, clash(false));
    assert!(
        error.lines().any(|line| line.starts_with(
            r#"member "play" (member[3].id): duplicate id "play": give each body and member its own id (first defined at body "play" (body[2].id))"#
        )),
        "{error}"
    );
}
