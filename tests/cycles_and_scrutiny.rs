//! Accountability cycles and mutual scrutiny.

use govgraph::{BodyKind, BodySpec, MemberKind, MemberSpec, Structure};

fn group(id: &str) -> BodySpec {
    BodySpec::new(id, id.to_uppercase(), BodyKind::Group)
}

fn cycles(s: &Structure) -> Vec<Vec<String>> {
    s.cycles()
        .into_iter()
        .map(|c| c.ids.iter().map(|id| id.to_string()).collect())
        .collect()
}

#[test]
fn a_tree_has_no_cycles() {
    let s = Structure::builder()
        .body(group("board").apex())
        .body(group("exec").reports_to("board"))
        .body(group("a").reports_to("exec"))
        .body(group("b").reports_to("exec").reports_to("board"))
        .build()
        .unwrap();
    assert!(s.cycles().is_empty());
    assert!(Structure::builder().build().unwrap().cycles().is_empty());
}

#[test]
fn cycles_are_listed_each_sorted_and_in_order_of_their_first_id() {
    // z -> y -> x -> z, and b <-> c, with d hanging off the first cycle.
    let s = Structure::builder()
        .body(group("z").reports_to("y"))
        .body(group("y").reports_to("x"))
        .body(group("x").sub_group_of("z"))
        .body(group("c").reports_to("b"))
        .body(group("b").reports_to("c"))
        .body(group("d").reports_to("z"))
        .build()
        .unwrap();
    assert_eq!(cycles(&s), [vec!["b", "c"], vec!["x", "y", "z"]]);
}

#[test]
fn oversight_read_backwards_closes_a_cycle() {
    // a oversees b, so b is accountable to a; a reporting to b closes it.
    let s = Structure::builder()
        .body(group("a").oversees("b").reports_to("b"))
        .body(group("b"))
        .build()
        .unwrap();
    assert_eq!(cycles(&s), [vec!["a", "b"]]);
}

#[test]
fn a_cycle_may_run_through_a_post() {
    let s = Structure::builder()
        .member(MemberSpec::new("dcs", "DCS", MemberKind::Post).reports_to("board"))
        .body(group("board").reports_to("dcs"))
        .build()
        .unwrap();
    assert_eq!(cycles(&s), [vec!["board", "dcs"]]);
}

#[test]
fn scrutiny_is_not_accountability() {
    let s = Structure::builder()
        .body(group("lscb").scrutinises("board"))
        .body(group("board").scrutinises("lscb"))
        .build()
        .unwrap();
    assert!(s.cycles().is_empty());
}

#[test]
fn leicestershire_board_and_lscb_scrutinise_each_other() {
    // Leicestershire 2009: "the LSCB responsible for scrutinising the work of
    // the Board ... whilst the Board is responsible for scrutinising the work
    // of the LSCB". The Youth Offending Service Board is only scrutinised.
    let s = Structure::builder()
        .body(
            BodySpec::new(
                "board",
                "Children and Young People's Trust Board",
                BodyKind::Board,
            )
            .scrutinises("lscb")
            .scrutinises("yos"),
        )
        .body(BodySpec::new("lscb", "LSCB", BodyKind::Board).scrutinises("board"))
        .body(BodySpec::new(
            "yos",
            "Youth Offending Service Board",
            BodyKind::Board,
        ))
        .build()
        .unwrap();
    let found = s.mutual_scrutiny();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].bodies, ["board", "lscb"]);
    let report = s.report();
    let text = report.to_string();
    assert!(text.contains(
        "Mutual scrutiny: 1\n  Children and Young People's Trust Board and LSCB scrutinise each other\n"
    ));
}

#[test]
fn mutual_scrutiny_pairs_come_sorted() {
    let s = Structure::builder()
        .body(group("d").scrutinises("c"))
        .body(group("c").scrutinises("d"))
        .body(group("b").scrutinises("a").scrutinises("c"))
        .body(group("a").scrutinises("b"))
        .build()
        .unwrap();
    let pairs: Vec<[String; 2]> = s
        .mutual_scrutiny()
        .into_iter()
        .map(|m| m.bodies.map(|id| id.to_string()))
        .collect();
    assert_eq!(pairs, [["a", "b"], ["c", "d"]]);
}
