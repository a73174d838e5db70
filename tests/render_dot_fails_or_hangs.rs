//! When `dot` runs and fails, hangs, floods, or writes something that is
//! not an SVG, the caller gets a typed error that says what happened and
//! what to do, no process `dot` started is left running, and warnings `dot`
//! prints on success are kept.
//!
//! The fake `dot` programs are shell scripts, so this runs on Unix only.
//! They are all written, once, before any test runs one: a script that is
//! still open for writing in one thread while another thread forks cannot
//! be run ("text file busy").
#![cfg(unix)]

use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use govgraph::{Backend, BodyKind, BodySpec, DrawOptions, RenderError, Structure, SvgOptions};

/// Where the fakes are, and where the ones that start children write the
/// children's process ids.
struct Fakes {
    dir: PathBuf,
}

impl Fakes {
    fn program(&self, name: &str) -> PathBuf {
        self.dir.join(name)
    }

    fn pid_file(&self, name: &str) -> PathBuf {
        self.dir.join(format!("{name}.pid"))
    }
}

const SVG: &str = r#"<svg xmlns="http://www.w3.org/2000/svg"/>"#;

/// Fake `dot` programs, written as shell scripts that name the programs
/// they run by path, so that they work whatever the `PATH`. `@PID@` in a
/// script stands for its pid file.
const SCRIPTS: &[(&str, &str)] = &[
    (
        "failing",
        "/bin/cat >/dev/null\necho 'Error: <stdin>: syntax error in line 3 near ]' >&2\nexit 2",
    ),
    // `exec` so that stopping the script stops the sleep too.
    ("hanging", "exec /bin/sleep 30"),
    (
        "noisy",
        "/bin/cat >/dev/null\necho 'Warning: something odd' >&2\necho '@SVG@'",
    ),
    // Writes forever, without reading its input.
    ("flooding", "exec /usr/bin/yes '<svg>'"),
    // Floods standard error forever.
    ("flooding-stderr", "exec /usr/bin/yes 'Warning: again' >&2"),
    // Exits 0 having written bytes that are not UTF-8.
    (
        "not-utf8",
        "/bin/cat >/dev/null\nprintf '<svg>\\377\\376</svg>'",
    ),
    // Exits 0 having written markup that is not well-formed.
    (
        "garbage",
        "/bin/cat >/dev/null\nprintf '<svg><g><text>unclosed</svg>'",
    ),
    ("plain-text", "/bin/cat >/dev/null\necho 'all done'"),
    ("empty", "/bin/cat >/dev/null"),
    (
        "html",
        "/bin/cat >/dev/null\necho '<html><body>not a drawing</body></html>'",
    ),
    // Starts a child that would outlive it, then hangs.
    (
        "forking-hanging",
        "/bin/sleep 30 &\necho $! > '@PID@'\nexec /bin/sleep 30",
    ),
    // Starts a child that holds standard output open, then succeeds.
    (
        "forking-succeeding",
        "/bin/cat >/dev/null\n/bin/sleep 30 &\necho $! > '@PID@'\necho '@SVG@'",
    ),
    // Starts a child, then fails.
    (
        "forking-failing",
        "/bin/sleep 30 </dev/null >/dev/null 2>&1 &\necho $! > '@PID@'\n/bin/cat >/dev/null\nexit 3",
    ),
];

fn fakes() -> &'static Fakes {
    static FAKES: OnceLock<Fakes> = OnceLock::new();
    FAKES.get_or_init(|| {
        use std::os::unix::fs::PermissionsExt;

        // Inside the build's own scratch space, so that no run litters the
        // system's temporary directory.
        let dir =
            Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("fake-dot-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let fakes = Fakes { dir };
        for (name, body) in SCRIPTS {
            let path = fakes.program(name);
            let body = body
                .replace("@SVG@", SVG)
                .replace("@PID@", &fakes.pid_file(name).display().to_string());
            std::fs::write(&path, format!("#!/bin/sh\n{body}\n")).unwrap();
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
        }
        fakes
    })
}

fn structure() -> Structure {
    Structure::builder()
        .body(BodySpec::new("board", "Trust Board", BodyKind::Board).apex())
        .body(BodySpec::new("exec", "Executive", BodyKind::Executive).reports_to("board"))
        .build()
        .unwrap()
}

fn with_dot(name: &str) -> SvgOptions {
    SvgOptions::new()
        .backend(Backend::Dot)
        .dot_program(fakes().program(name))
        .timeout(Duration::from_secs(20))
}

/// Draws with the options; the time it took must prove it did not wait for
/// a 30 s sleep or a 20 s timeout (the bound is generous: a loaded machine
/// is slow, but not ten seconds slow).
fn draw(options: &SvgOptions) -> Result<govgraph::Svg, RenderError> {
    let started = Instant::now();
    let result = structure().to_svg(&DrawOptions::new(), options);
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "drawing took {:?}",
        started.elapsed()
    );
    result
}

fn render_error(result: Result<govgraph::Svg, RenderError>) -> (RenderError, String) {
    let err = result.expect_err("drawing should fail");
    let message = err.to_string();
    (err, message)
}

/// Whether a process is still running: on Linux a zombie (ended, not yet
/// reaped by whoever adopted it) counts as ended.
fn is_running(pid: u32) -> bool {
    if cfg!(target_os = "linux") {
        match std::fs::read_to_string(format!("/proc/{pid}/stat")) {
            // The state follows the command name, which is in parentheses.
            Ok(stat) => !stat
                .rsplit_once(')')
                .is_some_and(|(_, rest)| rest.trim_start().starts_with('Z')),
            Err(_) => false,
        }
    } else {
        std::process::Command::new("/bin/kill")
            .args(["-0", &pid.to_string()])
            .stderr(std::process::Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    }
}

/// Reads the pid a fake wrote, and waits (generously) for that process to
/// be gone: the kill is sent before the call returns, but ending takes a
/// moment.
fn assert_child_ended(pid_file: &Path) {
    let pid: u32 = std::fs::read_to_string(pid_file)
        .unwrap_or_else(|e| panic!("{}: {e}", pid_file.display()))
        .trim()
        .parse()
        .unwrap();
    let started = Instant::now();
    while is_running(pid) {
        if started.elapsed() > Duration::from_secs(5) {
            // Leave nothing behind even when failing.
            let _ = std::process::Command::new("/bin/kill")
                .args(["-9", &pid.to_string()])
                .status();
            panic!("the fake dot's child {pid} is still running");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn a_failing_dot_gives_its_exit_code_and_what_it_said() {
    let (err, message) = render_error(draw(&with_dot("failing")));
    match err {
        RenderError::DotFailed { code, stderr, .. } => {
            assert_eq!(code, Some(2));
            assert!(stderr.contains("syntax error in line 3"), "{stderr}");
        }
        other => panic!("expected DotFailed, got {other:?}"),
    }
    assert!(message.contains("(exit code 2)"), "{message}");
    assert!(message.contains("syntax error in line 3"), "{message}");
    assert!(message.contains("Backend::Embedded"), "{message}");
    assert!(!message.contains("govgraph bug"), "{message}");
}

#[test]
fn auto_falls_back_to_the_embedded_renderer_when_dot_fails() {
    let options = with_dot("failing").backend(Backend::Auto);
    let svg = draw(&options).unwrap();
    assert_eq!(svg.backend(), Backend::Embedded);
    assert!(
        svg.warnings()[0].starts_with("Graphviz \"")
            && svg.warnings()[0].contains("failed (exit code 2)")
            && svg.warnings()[0].contains("so the embedded renderer drew this"),
        "{:?}",
        svg.warnings()
    );
    assert!(
        svg.warnings()[0].contains("syntax error in line 3"),
        "{:?}",
        svg.warnings()
    );
}

#[test]
fn auto_gives_both_reasons_when_neither_renderer_draws() {
    let options = with_dot("failing").backend(Backend::Auto).node_limit(1);
    let (err, message) = render_error(draw(&options));
    // Both reasons are in the message, so neither is the error's source: a
    // printed chain says dot's failure once.
    assert!(std::error::Error::source(&err).is_none(), "{err:?}");
    match err {
        RenderError::BothFailed { dot, embedded } => {
            assert!(matches!(*dot, RenderError::DotFailed { code: Some(2), .. }));
            assert!(matches!(
                *embedded,
                RenderError::EmbeddedTooLarge { nodes: 2, limit: 1 }
            ));
        }
        other => panic!("expected BothFailed, got {other:?}"),
    }
    assert!(message.contains("syntax error in line 3"), "{message}");
    assert!(
        message.contains("embedded renderer could not draw it either"),
        "{message}"
    );
}

#[test]
fn a_hanging_dot_is_stopped_at_the_timeout() {
    // A sleep of 30 s against a timeout of 0.3 s: only a working timeout
    // gives this error (the sleep ending would give an empty SVG instead).
    let options = with_dot("hanging").timeout(Duration::from_millis(300));
    let (err, message) = render_error(draw(&options));
    match err {
        RenderError::DotTimedOut { timeout, .. } => {
            assert_eq!(timeout, Duration::from_millis(300));
        }
        other => panic!("expected DotTimedOut, got {other:?}"),
    }
    assert!(message.contains("SvgOptions::timeout"), "{message}");
}

#[test]
fn a_dot_that_writes_forever_is_stopped_at_the_output_limit() {
    let options = with_dot("flooding").output_limit(1 << 20);
    let (err, message) = render_error(draw(&options));
    assert!(
        matches!(err, RenderError::DotOutputTooLarge { limit, .. } if limit == 1 << 20),
        "{err:?}"
    );
    assert!(message.contains("SvgOptions::output_limit"), "{message}");
}

#[test]
fn a_dot_that_floods_standard_error_is_stopped_at_the_timeout() {
    // Only the first 64 KiB of standard error are kept; the rest is read
    // and dropped until the timeout.
    let options = with_dot("flooding-stderr").timeout(Duration::from_millis(500));
    let (err, _) = render_error(draw(&options));
    assert!(matches!(err, RenderError::DotTimedOut { .. }), "{err:?}");
}

#[test]
fn output_that_is_not_an_svg_is_refused_with_the_reason() {
    for (fake, reason) in [
        ("not-utf8", "not UTF-8 (at byte 5)"),
        ("garbage", "not well-formed XML"),
        ("plain-text", "not well-formed XML"),
        ("empty", "its output is empty"),
        ("html", "root element is <html>, not <svg>"),
    ] {
        let (err, message) = render_error(draw(&with_dot(fake)));
        match &err {
            RenderError::DotNotSvg { reason: said, .. } => {
                assert!(said.contains(reason), "{fake}: {said}");
            }
            other => panic!("{fake}: expected DotNotSvg, got {other:?}"),
        }
        assert!(
            message.contains("exited successfully but wrote no SVG"),
            "{message}"
        );
        assert!(!message.contains("signal"), "{message}");
    }
}

#[test]
fn warnings_of_a_dot_that_succeeds_are_kept() {
    let svg = draw(&with_dot("noisy")).unwrap();
    assert_eq!(svg.backend(), Backend::Dot);
    assert_eq!(svg.as_str().trim(), SVG);
    assert_eq!(svg.warnings(), ["dot: Warning: something odd"]);
}

#[test]
fn children_of_a_dot_that_times_out_are_ended() {
    let options = with_dot("forking-hanging").timeout(Duration::from_millis(300));
    let (err, _) = render_error(draw(&options));
    assert!(matches!(err, RenderError::DotTimedOut { .. }), "{err:?}");
    assert_child_ended(&fakes().pid_file("forking-hanging"));
}

#[test]
fn children_of_a_dot_that_succeeds_are_ended_and_do_not_hold_the_call() {
    // The child holds standard output open for 30 s; `draw` checks the
    // call returned long before.
    let svg = draw(&with_dot("forking-succeeding")).unwrap();
    assert_eq!(svg.as_str().trim(), SVG);
    assert_child_ended(&fakes().pid_file("forking-succeeding"));
}

#[test]
fn children_of_a_dot_that_fails_are_ended() {
    let (err, _) = render_error(draw(&with_dot("forking-failing")));
    assert!(
        matches!(err, RenderError::DotFailed { code: Some(3), .. }),
        "{err:?}"
    );
    assert_child_ended(&fakes().pid_file("forking-failing"));
}
