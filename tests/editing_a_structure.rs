//! A tool can load a structure, change it and save it, validated as a file
//! is: `Structure::to_builder` holds every field of the structure, the
//! builder's edits change one body or member, and removing one takes what
//! points at it too.

use std::path::Path;

use govgraph::{
    Accountability, Allowed, BodyKind, BodySpec, Date, DrawOptions, FindingKind, MeetingPattern,
    MemberKind, MemberSpec, Overlay, ProblemKind, RelationKind, Role, Seat, Status, Structure,
    Target, datasets,
};

/// A file that sets every field the format has, each to something other
/// than its default.
const EVERY_FIELD: &str = r#"
[structure]
name = "Every field"
source = "hand-made"
date = "2011-06"
note = "a note on the whole"

[[body]]
id = "board"
name = "Trust Board"
kind = "board"
status = "dissolved"
status_since = "2011-03-28"
intended_status = "dormant"
apex = true
count = 3
formerly = ["Old Board", "Older Board"]
statutory = true
tier = "Trust"
purpose = "Lead"
functions = ["Sign off", "Plan"]
themes = ["health", "safety"]
meets = "every 6 weeks"
source = "s1"
note = "n1"
scrutinises = [{ to = "exec", intended = true, from = "2010", until = "June 2011", source = "s2", note = "n2" }]
members = [
    { member = "dcs", role = "chair", on_behalf_of = "council", start = "2009-04", end = "2011", intended = true, source = "s3", note = "n3" },
    { member = "exec", role = "observer" },
    { member = "dcs", role = "chair", start = "2011" },
]

[[body]]
id = "exec"
name = "Executive"
kind = "executive"
accountability = "unsettled"
reports_to = ["board"]
feeds_into = [{ to = "dcs" }]
members = [{ member = "dcs", on_behalf_of = "board" }]

[[body]]
id = "new"
name = "New Board"
kind = "board"
apex = true

[[member]]
id = "council"
name = "Council"
kind = "organisation"

[[member]]
id = "pct"
name = "PCT"
kind = "organisation"
status = "dissolved"
status_since = "2013-04"
source = "s4"
note = "n4"

[[member]]
id = "dcs"
name = "Director of Children's Services"
kind = "post"
organisation = ["council", "pct"]
reports_to = [{ to = "council", source = "s5", note = "n5", from = "2008" }]

[[succession]]
from = ["board", "exec"]
to = ["new"]
kind = "merged-into"
date = "2011-04"
intended = true
source = "s6"
note = "n6"
"#;

fn every_field() -> Structure {
    Structure::from_toml_str(EVERY_FIELD).unwrap()
}

fn all_datasets() -> Vec<Structure> {
    vec![
        datasets::solihull_2011(),
        datasets::halton_2008(),
        datasets::leicestershire_2009_current(),
        datasets::leicestershire_2009_proposed(),
        datasets::kent_2011_staffordshire(),
        datasets::kent_2011_hertfordshire(),
        datasets::kent_2011_essex(),
        datasets::kent_2011_wolverhampton(),
        datasets::kent_2011_lancashire(),
        datasets::kent_2011_herefordshire(),
    ]
}

#[test]
fn a_structure_with_every_field_set_builds_again_equal() {
    let s = every_field();
    // The file says what it says: check a few of the rarer fields, so that
    // the comparison below is of a structure that holds them.
    let board = s.body("board").unwrap();
    assert_eq!(board.intended_status, Some(Status::Dormant));
    assert_eq!(board.count, 3);
    assert_eq!(board.meets, Some(MeetingPattern::EveryWeeks(6)));
    assert_eq!(s.seats_on("board").count(), 3);
    assert_eq!(s.successions().len(), 1);
    assert_eq!(s.member("dcs").unwrap().organisations.len(), 2);

    assert_eq!(s.to_builder().build().unwrap(), s);
}

#[test]
fn every_bundled_dataset_builds_again_equal() {
    for s in all_datasets() {
        let again = s.to_builder().build();
        let name = s.meta().name.clone().unwrap_or_default();
        assert_eq!(again.unwrap(), s, "{name}");
    }
}

#[test]
fn a_file_is_loaded_edited_saved_and_loads_as_edited() {
    let dir = std::env::temp_dir().join(format!("govgraph-editing-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("trust.toml");
    std::fs::write(&path, EVERY_FIELD).unwrap();

    let s = Structure::from_path(&path).unwrap();
    let edited = s
        .to_builder()
        .edit_body("exec", |b| {
            b.name("Performance & Commissioning Group")
                .formerly("Executive")
                .status(Status::OnHold)
                .seat_with(Seat::new("pct", Role::Member).source("s7"))
                .relation(
                    RelationKind::AnnualReportTo,
                    Target::new("new").from(Date::year(2012)),
                )
                .without_relation(RelationKind::FeedsInto, "dcs")
        })
        .edit_member("pct", |m| {
            m.status(Status::Active).note("not dissolved after all")
        })
        .body(
            BodySpec::new("lscb", "Local Safeguarding Children Board", BodyKind::Board)
                .apex()
                .statutory()
                .scrutinises("new"),
        )
        .build()
        .unwrap();
    std::fs::write(&path, edited.to_toml_string().unwrap()).unwrap();
    let loaded = Structure::from_path(&path).unwrap();
    assert_eq!(loaded, edited);

    let exec = loaded.body("exec").unwrap();
    assert_eq!(exec.name, "Performance & Commissioning Group");
    assert_eq!(exec.formerly, ["Executive"]);
    assert_eq!(exec.status, Status::OnHold);
    // What was not edited is as it was.
    assert_eq!(exec.accountability, Some(Accountability::Unsettled));
    assert_eq!(loaded.body("board"), s.body("board"));
    let from_exec: Vec<(RelationKind, &str)> = loaded
        .relations()
        .iter()
        .filter(|r| r.from == "exec")
        .map(|r| (r.kind, r.to.as_str()))
        .collect();
    assert_eq!(
        from_exec,
        [
            (RelationKind::ReportsTo, "board"),
            (RelationKind::AnnualReportTo, "new")
        ]
    );
    let seats: Vec<(&str, Option<&str>)> = loaded
        .seats_on("exec")
        .map(|m| (m.member.as_str(), m.source.as_deref()))
        .collect();
    assert_eq!(seats, [("dcs", None), ("pct", Some("s7"))]);
    assert_eq!(loaded.member("pct").unwrap().status, Status::Active);
    assert!(loaded.body("lscb").unwrap().statutory);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn removing_a_body_takes_what_points_at_it_and_nothing_else() {
    let s = every_field();
    let without = s.to_builder().remove_body("exec").build().unwrap();
    assert!(without.body("exec").is_none());
    assert!(
        without
            .relations()
            .iter()
            .all(|r| r.from != "exec" && r.to != "exec")
    );
    // The seat exec held on the board is gone; the dcs seat on its behalf
    // was on exec itself, and went with it.
    let board_seats: Vec<(&str, Role)> = without
        .seats_on("board")
        .map(|m| (m.member.as_str(), m.role))
        .collect();
    assert_eq!(board_seats, [("dcs", Role::Chair), ("dcs", Role::Chair)]);
    // The succession loses exec, and keeps the board.
    let from: Vec<&str> = without.successions()[0]
        .from
        .iter()
        .map(|id| id.as_str())
        .collect();
    assert_eq!(from, ["board"]);
    // Everything else is as it was.
    assert_eq!(without.body("board"), s.body("board"));
    assert_eq!(without.member("dcs"), s.member("dcs"));

    // A body whose removal empties a side of a succession takes the
    // succession with it; a seat held on its behalf stays, for no one.
    let without_new = s.to_builder().remove_body("new").build().unwrap();
    assert!(without_new.successions().is_empty());
    let without_board = s.to_builder().remove_body("board").build().unwrap();
    let on_exec: Vec<_> = without_board.seats_on("exec").collect();
    assert_eq!(on_exec.len(), 1);
    assert_eq!(on_exec[0].member, "dcs");
    assert_eq!(on_exec[0].on_behalf_of, None);
}

#[test]
fn removing_a_member_takes_its_seats_and_its_place_as_an_organisation() {
    let s = every_field();
    let without = s.to_builder().remove_member("council").build().unwrap();
    assert!(without.member("council").is_none());
    assert_eq!(
        without.member("dcs").unwrap().organisations,
        [govgraph::Id::new("pct")]
    );
    assert!(without.relations().iter().all(|r| r.to != "council"));
    // The chair held on behalf of the council keeps the seat.
    let first = without.seats_on("board").next().unwrap();
    assert_eq!(
        (first.member.as_str(), first.on_behalf_of.as_ref()),
        ("dcs", None)
    );

    let without_dcs = s.to_builder().remove_member("dcs").build().unwrap();
    assert!(without_dcs.memberships().iter().all(|m| m.member != "dcs"));
}

#[test]
fn an_edit_of_an_id_not_there_is_reported_with_every_other_problem() {
    let err = every_field()
        .to_builder()
        .edit_body("exce", |b| b.status(Status::Dormant))
        .remove_member("counsil")
        .edit_member("board", |m| m.name("Board"))
        .edit_body("new", |b| b.reports_to("nowhere"))
        .build()
        .unwrap_err();
    let lines: Vec<String> = err.to_string().lines().map(str::to_string).collect();
    assert_eq!(
        lines,
        [
            r#"body "new" (body[2].reports_to[0]): unknown id "nowhere""#,
            r#"edit_body("exce"): unknown id "exce" (did you mean "exec"?)"#,
            r#"edit_member("board"): "board" is not a member: edit_member and remove_member change members; edit_body and remove_body change bodies"#,
            r#"remove_member("counsil"): unknown id "counsil" (did you mean "council"?)"#,
        ]
    );
    let kinds: Vec<bool> = err
        .problems()
        .iter()
        .map(|p| matches!(p.kind, ProblemKind::UnknownId { .. }))
        .collect();
    assert_eq!(kinds, [true, true, false, true]);
}

#[test]
fn an_edit_keeps_the_body_where_it_was_added() {
    // Problems are located by the order bodies were added: an edit of the
    // first body still reports it as body[0].
    let err = Structure::builder()
        .body(BodySpec::new("a", "A", BodyKind::Group))
        .body(BodySpec::new("b", "B", BodyKind::Group))
        .body(BodySpec::new("c", "C", BodyKind::Group))
        .edit_body("a", |b| b.reports_to("zz"))
        .build()
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        r#"body "a" (body[0].reports_to[0]): unknown id "zz""#
    );
}

#[test]
fn edit_bodies_changes_every_body_in_one_pass() {
    let s = datasets::solihull_2011();
    let dormant = s.bodies().filter(|b| b.status == Status::Dormant).count();
    assert!(dormant > 0);
    let edited = s
        .to_builder()
        .edit_bodies(|b| {
            if b.get_status() == Status::Dormant {
                b.status(Status::Dissolved)
            } else {
                b
            }
        })
        .build()
        .unwrap();
    let changes = s.diff(&edited);
    assert_eq!(changes.status_changed.len(), dormant);
    assert!(
        changes
            .status_changed
            .iter()
            .all(|c| c.from == Status::Dormant && c.to == Status::Dissolved)
    );
}

#[test]
fn the_builder_can_be_read_while_editing() {
    let builder = every_field().to_builder();
    let ids: Vec<&str> = builder.bodies().map(BodySpec::id).collect();
    assert_eq!(ids, ["board", "exec", "new"]);
    let board = builder.get_body("board").unwrap();
    assert_eq!(board.get_name(), "Trust Board");
    assert_eq!(board.get_kind(), BodyKind::Board);
    assert_eq!(board.get_status(), Status::Dissolved);
    assert_eq!(
        board.targets(RelationKind::Scrutinises).collect::<Vec<_>>(),
        ["exec"]
    );
    // A structure keeps its seats sorted (by member, then role, then
    // dates), and its builder holds them so.
    assert_eq!(
        board.seat_holders().collect::<Vec<_>>(),
        ["dcs", "dcs", "exec"]
    );
    let members: Vec<&str> = builder.members().map(MemberSpec::id).collect();
    assert_eq!(members, ["council", "dcs", "pct"]);
    assert!(builder.get_body("nope").is_none());
}

#[test]
fn a_tool_loads_edits_checks_draws_and_saves_a_file_with_the_public_api() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/small-trust.toml");
    let s = Structure::from_path(&path).unwrap();
    // The play partnership's parent, the executive, is on hold: the
    // partnership is orphaned through it. Known, and allowed.
    let report = s.report();
    let allowed = Allowed::new().allow(FindingKind::Orphan, "play");
    report
        .ensure_none_except(&[FindingKind::Orphan, FindingKind::Cycle], &allowed)
        .unwrap();

    // The tool moves the partnership under the board; the allowance no
    // longer matches anything, which the tool can see and drop.
    let edited = s
        .to_builder()
        .edit_body("play", |b| {
            b.without_relation(RelationKind::ReportsTo, "exec")
                .reports_to(Target::new("board").source("2011 review"))
        })
        .build()
        .unwrap();
    let report = edited.report();
    report
        .ensure_none(&[FindingKind::Orphan, FindingKind::Cycle])
        .unwrap();
    assert_eq!(allowed.unused(&report).count(), 1);

    let dot = edited.to_dot(&DrawOptions::new().overlay(Overlay::from(&report)));
    assert!(dot.contains("Play Partnership"));
    let saved = edited.to_toml_string().unwrap();
    assert_eq!(Structure::from_toml_str(&saved).unwrap(), edited);
    assert_eq!(
        edited.accountable_parents("play").collect::<Vec<_>>(),
        ["board"]
    );
    // A post keeps its kind through all of it.
    assert_eq!(edited.member("dcs").unwrap().kind, MemberKind::Post);
}
