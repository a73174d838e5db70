//! `--help`: every subcommand shows an example and the exit statuses; a
//! wrong command line exits 2.

mod support;

use predicates::prelude::*;
use support::{govgraph, stdout};

#[test]
fn every_subcommand_s_help_shows_an_example_and_the_exit_status() {
    for command in ["check", "report", "draw", "diff", "convert", "datasets"] {
        let output = govgraph().args([command, "--help"]).output().unwrap();
        assert_eq!(output.status.code(), Some(0), "{command}");
        let help = stdout(&output);
        assert!(
            help.contains(&format!("\nExamples:\n  govgraph {command}")),
            "{help}"
        );
        assert!(help.contains("\nExit status:\n  0  "), "{help}");
        assert!(help.contains("\n  2  a wrong command line"), "{help}");
    }
}

#[test]
fn the_tool_s_help_lists_the_commands_and_exit_statuses() {
    govgraph()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("  check "))
        .stdout(predicate::str::contains("  datasets "))
        .stdout(predicate::str::contains(
            "\nExit status:\n  0  success\n  1  ",
        ));
}

#[test]
fn no_command_or_an_unknown_one_is_a_usage_error() {
    govgraph().assert().code(2).stdout("");
    govgraph()
        .arg("render")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unrecognized subcommand 'render'"));
}
