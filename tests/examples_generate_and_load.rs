//! The `generate` and `load` examples do what their docs say: write a
//! structure of the size asked for, and read it back.

mod example_support;

/// Runs an example with arguments, returning its exit status, stdout and
/// stderr.
fn run(example: &str, args: &[&str]) -> (bool, String, String) {
    let output = example_support::run(example, args);
    (
        output.status.success(),
        example_support::stdout(&output),
        example_support::stderr(&output),
    )
}

#[test]
fn generate_writes_what_load_reads_back() {
    let dir = std::env::temp_dir().join(format!("govgraph-examples-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for file in ["national.toml", "national.json"] {
        let path = dir.join(file);
        let path = path.to_str().unwrap();
        let (ok, out, err) = run("generate", &["120", "1500", path, "7"]);
        assert!(ok, "{err}");
        assert!(
            out.starts_with(&format!("wrote {path}: 120 bodies, ")),
            "{out}"
        );
        assert!(out.contains(" 1500 memberships, "), "{out}");

        let (ok, out, err) = run("load", &[path]);
        assert!(ok, "{err}");
        assert!(out.starts_with(&format!("{path}: 120 bodies (")), "{out}");
        assert!(out.contains(" 1500 memberships, "), "{out}");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn load_reports_every_problem_and_fails() {
    let dir = std::env::temp_dir().join(format!("govgraph-examples-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("bad.toml");
    std::fs::write(
        &path,
        "[[body]]\nid = \"a\"\nname = \"\"\nkind = \"bord\"\n",
    )
    .unwrap();
    let (ok, out, err) = run("load", &[path.to_str().unwrap()]);
    assert!(!ok);
    assert!(out.is_empty());
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 2, "{err}");
    assert!(
        lines[0].ends_with("(body[0].name): empty name: give it the name the source uses"),
        "{err}"
    );
    assert!(
        lines[1].contains("unknown body kind \"bord\" (did you mean \"board\"?)"),
        "{err}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn generate_explains_its_arguments() {
    let (ok, _, err) = run("generate", &["many"]);
    assert!(!ok);
    assert!(
        err.starts_with("usage: generate BODIES MEMBERSHIPS"),
        "{err}"
    );
}
