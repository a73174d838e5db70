//! Seats may carry the dates they were held, in structure files and in code,
//! and those dates survive writing and reading back.

use govgraph::{BodyKind, BodySpec, MemberKind, MemberSpec, Role, Seat, Structure};

const TWO_TERMS: &str = r#"
    [[member]]
    id = "cllr-a"
    name = "Councillor A"
    kind = "person"

    [[member]]
    id = "council"
    name = "The Council"
    kind = "organisation"

    [[body]]
    id = "hwb"
    name = "Health and Wellbeing Board"
    kind = "board"
    apex = true
    members = [
        { member = "cllr-a", role = "chair", start = "2011-05", end = "2012-05-01", on_behalf_of = "council" },
        { member = "cllr-a", role = "chair", start = "2013" },
    ]
"#;

#[test]
fn seat_dates_are_read_from_toml() {
    let s = Structure::from_toml_str(TWO_TERMS).unwrap();
    let text = |d: Option<govgraph::Date>| d.map(|d| d.to_string());
    let dates: Vec<(Option<String>, Option<String>)> = s
        .memberships()
        .iter()
        .map(|m| (text(m.start), text(m.end)))
        .collect();
    let some = |s: &str| Some(s.to_string());
    // Sorted by start date: "2011-05" before "2013".
    assert_eq!(
        dates,
        [(some("2011-05"), some("2012-05-01")), (some("2013"), None)]
    );
}

#[test]
fn the_same_role_held_twice_with_other_dates_is_two_seats() {
    let s = Structure::from_toml_str(TWO_TERMS).unwrap();
    assert_eq!(s.seats_on("hwb").count(), 2);
}

#[test]
fn a_seat_repeated_with_the_same_dates_is_one_seat() {
    let s = Structure::from_toml_str(
        r#"
        [[member]]
        id = "dcs"
        name = "Director of Children's Services"
        kind = "post"

        [[body]]
        id = "board"
        name = "Board"
        kind = "board"
        members = [
            { member = "dcs", start = "2011" },
            { member = "dcs", start = "2011" },
            "dcs",
        ]
        "#,
    )
    .unwrap();
    // The two dated entries are one seat; the undated one is another.
    assert_eq!(s.seats_on("board").count(), 2);
}

#[test]
fn seat_dates_survive_toml_and_json_round_trips() {
    let s = Structure::from_toml_str(TWO_TERMS).unwrap();
    assert_eq!(
        Structure::from_toml_str(&s.to_toml_string().unwrap()).unwrap(),
        s
    );
    assert_eq!(
        Structure::from_json_str(&s.to_json_string().unwrap()).unwrap(),
        s
    );
}

#[test]
fn seat_dates_set_in_code_match_the_file_format() {
    let built = Structure::builder()
        .member(MemberSpec::new(
            "cllr-a",
            "Councillor A",
            MemberKind::Person,
        ))
        .member(MemberSpec::new(
            "council",
            "The Council",
            MemberKind::Organisation,
        ))
        .body(
            BodySpec::new("hwb", "Health and Wellbeing Board", BodyKind::Board)
                .apex()
                .seat_with(
                    Seat::new("cllr-a", Role::Chair)
                        .start("2011-05")
                        .end("2012-05-01")
                        .on_behalf_of("council"),
                )
                .seat_with(Seat::new("cllr-a", Role::Chair).start("2013")),
        )
        .build()
        .unwrap();
    assert_eq!(built, Structure::from_toml_str(TWO_TERMS).unwrap());
}

#[test]
fn a_seat_date_that_is_not_a_string_is_a_located_error() {
    let err = Structure::from_json_str(
        r#"{"member": [{"id": "m", "name": "M", "kind": "person"}],
            "body": [{"id": "b", "name": "B", "kind": "board",
                      "members": [{"member": "m", "start": 2011}]}]}"#,
    )
    .unwrap_err();
    let message = err.to_string();
    assert!(message.contains("body[0].members[0]"), "{message}");
    assert!(message.contains("expected a string"), "{message}");
}
