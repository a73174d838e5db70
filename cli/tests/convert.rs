//! `govgraph convert`: TOML, JSON and Popolo, by extension or `--to`, each
//! giving back the same structure.

mod support;

use govgraph::{Structure, datasets, popolo};
use predicates::prelude::*;
use support::{fixture, govgraph, scratch};

#[test]
fn toml_json_and_popolo_round_trip_solihull() {
    let dir = scratch("convert_round_trip");
    let run = |input: &str, output: &str| {
        govgraph()
            .current_dir(&dir)
            .args(["convert", input, output])
            .assert()
            .success()
            .stdout("")
            .stderr(format!("wrote {output}\n"));
    };
    run("solihull-2011", "s.toml");
    run("s.toml", "s.json");
    run("s.json", "s.popolo.json");
    run("s.popolo.json", "back.toml");

    let solihull = datasets::solihull_2011();
    assert_eq!(Structure::from_path(dir.join("s.toml")).unwrap(), solihull);
    assert_eq!(Structure::from_path(dir.join("s.json")).unwrap(), solihull);
    let popolo = popolo::from_path(dir.join("s.popolo.json")).unwrap();
    assert_eq!(popolo.structure(), &solihull);
    assert_eq!(
        Structure::from_path(dir.join("back.toml")).unwrap(),
        solihull
    );
}

#[test]
fn a_popolo_file_is_read_by_every_command() {
    let dir = scratch("convert_popolo_in");
    let s = datasets::halton_2008();
    let file = dir.join("halton.json");
    std::fs::write(&file, popolo::to_json_string(&s).unwrap()).unwrap();
    govgraph()
        .arg("check")
        .arg(&file)
        .assert()
        .success()
        .stdout(predicate::str::contains("valid: 10 bodies, 12 members"));
    govgraph()
        .arg("diff")
        .arg("halton-2008")
        .arg(&file)
        .assert()
        .success()
        .stdout(predicate::str::contains("no changes"));
}

#[test]
fn to_names_the_format_and_dash_is_standard_output() {
    let output = govgraph()
        .args(["convert", "trust-2011.toml", "-", "--to", "json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let text = String::from_utf8(output.stdout).unwrap();
    let from_json = Structure::from_json_str(&text).unwrap();
    assert_eq!(
        from_json,
        Structure::from_path(fixture("trust-2011.toml")).unwrap()
    );

    let output = govgraph()
        .args(["convert", "trust-2011.toml", "-", "--to", "popolo"])
        .output()
        .unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    let organizations = serde_json::from_str::<serde_json::Value>(&text).unwrap()["organizations"]
        .as_array()
        .map(Vec::len);
    assert_eq!(organizations, Some(3));
}

#[test]
fn an_existing_output_is_overwritten_only_with_force() {
    let dir = scratch("convert_force");
    let out = dir.join("t.json");
    std::fs::write(&out, "keep me").unwrap();
    govgraph()
        .args(["convert", "trust-2011.toml"])
        .arg(&out)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "exists: pass --force to overwrite it",
        ));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "keep me");
    govgraph()
        .args(["convert", "trust-2011.toml", "--force"])
        .arg(&out)
        .assert()
        .success();
    assert!(Structure::from_path(&out).is_ok());
}

#[test]
fn an_invalid_input_writes_nothing() {
    let dir = scratch("convert_invalid");
    let out = dir.join("bad.json");
    govgraph()
        .args(["convert", "invalid.toml"])
        .arg(&out)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("invalid.toml:18:6: "));
    assert!(!out.exists());
}

#[test]
fn an_output_whose_format_cannot_be_told_is_a_usage_error() {
    for (args, says) in [
        (
            &["convert", "trust-2011.toml", "t.txt"][..],
            "cannot tell the format of t.txt",
        ),
        (&["convert", "trust-2011.toml", "-"], "--to"),
        (
            &["convert", "trust-2011.toml", "t.json", "--to", "toml"],
            "does not match",
        ),
        (
            &["convert", "trust-2011.toml", "t.json", "--to", "yaml"],
            "yaml",
        ),
    ] {
        govgraph()
            .args(args)
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::contains(says));
    }
}

#[test]
fn what_popolo_cannot_say_in_govgraph_is_a_warning_and_kept() {
    let dir = scratch("convert_popolo_warning");
    let out = dir.join("back.popolo.json");
    govgraph()
        .args(["convert", "repeated-seat.popolo.json"])
        .arg(&out)
        .assert()
        .success()
        .stderr(predicate::str::starts_with(
            "warning: repeated-seat.popolo.json: membership of \"Director of Children's Services\" (memberships[1]): repeats a seat already read",
        ));
    // The repeated membership is seated once, but written back.
    let written: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(written["memberships"].as_array().map(Vec::len), Some(2));
}
