//! The README's session with the tool is true: each command in its
//! `console` block is run, on a machine without Graphviz as the README
//! says, and each line shown under it is printed by it; `...` stands for
//! lines left out, and `$ echo $?` for the previous command's exit status.

mod support;

use std::path::Path;
use std::process::Output;

use support::{govgraph, scratch};

/// The README's session: the first `console` block of its command-line
/// section.
fn session() -> &'static str {
    let readme = include_str!("../../README.md");
    let section = &readme[readme
        .find("## The command-line tool")
        .expect("the README has a section on the tool")..];
    let start = section.find("```console\n").expect("a session") + "```console\n".len();
    let end = start + section[start..].find("```").unwrap();
    &section[start..end]
}

#[test]
fn every_line_of_the_readme_session_is_what_the_tool_prints() {
    let dir = scratch("readme_session");
    // The session names a fixture of the library's by its path in the repo.
    let fixtures = dir.join("tests/fixtures");
    std::fs::create_dir_all(&fixtures).unwrap();
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    std::fs::copy(
        repo.join("tests/fixtures/bad-trust.toml"),
        fixtures.join("bad-trust.toml"),
    )
    .unwrap();
    let no_dot = dir.join("empty-path");
    std::fs::create_dir_all(&no_dot).unwrap();

    let mut last: Option<(String, Output)> = None;
    let mut ran = 0;
    let mut lines = session().lines().peekable();
    while let Some(line) = lines.next() {
        let command = line
            .strip_prefix("$ ")
            .unwrap_or_else(|| panic!("not a command: {line}"));
        let mut expected = Vec::new();
        while let Some(next) = lines.next_if(|next| !next.starts_with("$ ")) {
            if next != "..." {
                expected.push(next);
            }
        }
        if command == "echo $?" {
            let (previous, output) = last.as_ref().expect("a command before echo $?");
            let code = output.status.code().map(|c| c.to_string());
            assert_eq!(
                code.as_deref(),
                expected.first().copied(),
                "the exit status of {previous}"
            );
            continue;
        }
        let Some(args) = command.strip_prefix("govgraph ") else {
            // `cargo install`: the binary under test is the one installed.
            continue;
        };
        let output = govgraph()
            .current_dir(&dir)
            .env("PATH", &no_dot)
            .args(args.split(' '))
            .output()
            .unwrap();
        let printed = format!(
            "{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        let printed: Vec<&str> = printed.lines().collect();
        for line in expected {
            assert!(
                printed.contains(&line),
                "`{command}` does not print\n{line}\nbut\n{}",
                printed.join("\n")
            );
        }
        ran += 1;
        last = Some((command.to_string(), output));
    }
    assert_eq!(
        ran, 5,
        "the session runs datasets, check, report, draw and diff"
    );
    assert!(dir.join("solihull.svg").exists());
}
