//! `govgraph datasets`: the bundled structures, each accepted by name.

mod support;

use predicates::prelude::*;
use support::{govgraph, stdout};

const NAMES: [&str; 4] = [
    "solihull-2011",
    "halton-2008",
    "leicestershire-2009-current",
    "leicestershire-2009-proposed",
];

#[test]
fn every_bundled_dataset_is_listed_and_accepted_by_name() {
    let output = govgraph().arg("datasets").output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    for name in NAMES {
        assert!(
            text.lines()
                .any(|line| line.starts_with(&format!("{name} "))),
            "{name}:\n{text}"
        );
        govgraph()
            .args(["check", name])
            .assert()
            .success()
            .stdout(predicate::str::starts_with(format!("{name}: valid: ")));
    }
    // Solihull's source, as its file states it.
    assert!(
        text.contains("from Review of the Children and Young People's Trust, Solihull, June 2011")
    );
}

#[test]
fn datasets_takes_no_arguments() {
    govgraph()
        .args(["datasets", "solihull-2011"])
        .assert()
        .code(2);
}
