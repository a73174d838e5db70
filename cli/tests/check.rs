//! `govgraph check`: every problem of every file, in the library's
//! `file:line:col: body "x" (key): problem` shape, and the exit status.

mod support;

use predicates::prelude::*;
use support::govgraph;

#[test]
fn a_valid_file_and_a_dataset_pass_with_a_line_each() {
    govgraph()
        .args(["check", "trust-2011.toml", "halton-2008"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "trust-2011.toml: valid: 3 bodies, 0 members, 0 seats\n",
        ))
        .stdout(predicate::str::contains("halton-2008: valid: "))
        .stderr("");
}

#[test]
fn every_problem_is_printed_with_its_line_column_body_and_key() {
    govgraph()
        .args(["check", "invalid.toml"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::function(|stderr: &str| {
            let lines: Vec<&str> = stderr.lines().collect();
            // The unknown word also lists every status, nearest first.
            lines.len() == 3
                && lines[0].starts_with(
                    "invalid.toml:9:10: body \"board\" (body[0].status): unknown status \"dormnat\" (did you mean \"dormant\"?); expected one of: dormant, ",
                )
                && lines[1] == "invalid.toml:15:15: body \"exec\" (body[1].reports_to[0]): unknown id \"bord\" (did you mean \"board\"?)"
                && lines[2] == "invalid.toml:18:6: body \"board\" (body[2].id): duplicate id \"board\": give each body and member its own id (first defined at invalid.toml:5:6: body \"board\" (body[0].id))"
        }));
}

#[test]
fn one_bad_file_fails_the_check_but_the_others_are_still_checked() {
    govgraph()
        .args(["check", "invalid.toml", "trust-2012.toml"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("trust-2012.toml: valid"))
        .stderr(predicate::str::contains("invalid.toml:15:15: "));
}

#[test]
fn a_missing_file_is_named() {
    govgraph()
        .args(["check", "no-such-trust.toml"])
        .assert()
        .code(1)
        .stderr(predicate::str::starts_with("no-such-trust.toml: "));
}

#[test]
fn a_name_that_is_neither_a_file_nor_a_dataset_lists_the_datasets() {
    govgraph()
        .args(["check", "solihull-2012"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "solihull-2012: no such file or bundled dataset",
        ))
        .stderr(predicate::str::contains("solihull-2011, halton-2008"));
}

#[test]
fn a_syntax_error_is_located() {
    let dir = support::scratch("check_syntax");
    let file = dir.join("broken.toml");
    std::fs::write(&file, "[[body]\nid = \"x\"\n").unwrap();
    govgraph()
        .arg("check")
        .arg(&file)
        .assert()
        .code(1)
        .stderr(predicate::str::starts_with(format!(
            "{}:1:",
            file.display()
        )));
}

#[test]
fn check_without_a_file_or_with_an_unknown_option_is_a_usage_error() {
    govgraph()
        .arg("check")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("<FILE>"));
    govgraph()
        .args(["check", "--strict", "trust-2011.toml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--strict"));
}
