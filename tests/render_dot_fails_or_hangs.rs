//! When `dot` runs and fails or hangs, the caller gets a typed error that
//! says what to do, and warnings `dot` prints on success are kept.
//!
//! This file holds a single test: it writes fake `dot` programs and runs
//! them, and no other test may fork while a script is still open for
//! writing (running it would then fail with "text file busy"). The fakes
//! are shell scripts, so it runs on Unix only.
#![cfg(unix)]

use std::path::PathBuf;
use std::time::Duration;

use govgraph::{
    Backend, BodyKind, BodySpec, DrawOptions, ErrorKind, RenderError, Structure, SvgOptions,
};

fn structure() -> Structure {
    Structure::builder()
        .body(BodySpec::new("board", "Trust Board", BodyKind::Board).apex())
        .body(BodySpec::new("exec", "Executive", BodyKind::Executive).reports_to("board"))
        .build()
        .unwrap()
}

/// Fake `dot` programs, written as shell scripts that name the programs
/// they run by path, so that they work whatever the `PATH`.
#[test]
fn dot_failing_or_hanging_gives_typed_errors() {
    use std::os::unix::fs::PermissionsExt;

    let dir = std::env::temp_dir().join(format!("govgraph-fake-dot-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let script = |name: &str, body: &str| -> PathBuf {
        let path = dir.join(name);
        std::fs::write(&path, format!("#!/bin/sh\n{body}\n")).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
        path
    };
    let failing = script(
        "failing-dot",
        "/bin/cat >/dev/null\necho 'Error: <stdin>: syntax error in line 3 near ]' >&2\nexit 2",
    );
    // `exec` so that stopping the script stops the sleep too.
    let hanging = script("hanging-dot", "exec /bin/sleep 30");
    let noisy = script(
        "noisy-dot",
        "/bin/cat >/dev/null\necho 'Warning: something odd' >&2\necho '<svg xmlns=\"http://www.w3.org/2000/svg\"/>'",
    );

    let draw = DrawOptions::new();
    let err = structure()
        .to_svg(
            &draw,
            &SvgOptions::new()
                .backend(Backend::Dot)
                .dot_program(&failing),
        )
        .unwrap_err();
    match err.kind() {
        ErrorKind::Render(RenderError::DotFailed { code, stderr, .. }) => {
            assert_eq!(*code, Some(2));
            assert!(stderr.contains("syntax error in line 3"), "{stderr}");
        }
        other => panic!("expected DotFailed, got {other:?}"),
    }
    assert!(err.to_string().contains("syntax error in line 3"), "{err}");
    assert!(err.to_string().contains("please report it"), "{err}");

    // Auto does not hide a `dot` that runs and fails.
    let err = structure()
        .to_svg(&draw, &SvgOptions::new().dot_program(&failing))
        .unwrap_err();
    assert!(matches!(
        err.kind(),
        ErrorKind::Render(RenderError::DotFailed { .. })
    ));

    // A sleep of 30 s against a timeout of 0.3 s: only a working timeout
    // gives this error (the sleep ending would give an empty SVG instead).
    let options = SvgOptions::new()
        .backend(Backend::Dot)
        .dot_program(&hanging)
        .timeout(Duration::from_millis(300));
    let err = structure().to_svg(&draw, &options).unwrap_err();
    match err.kind() {
        ErrorKind::Render(RenderError::DotTimedOut { timeout, .. }) => {
            assert_eq!(*timeout, Duration::from_millis(300));
        }
        other => panic!("expected DotTimedOut, got {other:?}"),
    }
    assert!(err.to_string().contains("SvgOptions::timeout"), "{err}");

    // Warnings printed by a `dot` that succeeds are kept, not dropped.
    let svg = structure()
        .to_svg(
            &draw,
            &SvgOptions::new().backend(Backend::Dot).dot_program(&noisy),
        )
        .unwrap();
    assert_eq!(svg.warnings(), ["dot: Warning: something odd"]);

    std::fs::remove_dir_all(&dir).unwrap();
}
