//! What the command-line tests share: the built `govgraph`, the fixtures,
//! and a fresh directory for each test's output.

// Each test file compiles this module on its own and uses only part of it.
#![allow(dead_code)]

use std::path::PathBuf;

use assert_cmd::Command;

/// The `govgraph` binary, run in the fixtures directory so that tests can
/// name fixtures by their file names.
pub fn govgraph() -> Command {
    let mut command = assert_cmd::cargo::cargo_bin_cmd!("govgraph");
    command.current_dir(fixtures());
    command
}

/// The directory of this crate's test fixtures.
pub fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// A fixture's path.
pub fn fixture(name: &str) -> PathBuf {
    fixtures().join(name)
}

/// An empty directory of the test's own, for the files it writes.
pub fn scratch(test: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join("govgraph-cli")
        .join(test);
    if dir.exists() {
        std::fs::remove_dir_all(&dir).expect("the old scratch directory is removed");
    }
    std::fs::create_dir_all(&dir).expect("the scratch directory is made");
    dir
}

/// Standard output as text.
pub fn stdout(output: &std::process::Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("standard output is UTF-8")
}

/// Standard error as text.
pub fn stderr(output: &std::process::Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("standard error is UTF-8")
}
