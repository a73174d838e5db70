//! SVG from a scene: the Graphviz `dot` program, run with a timeout, or the
//! embedded renderer, behind one call.
//!
//! `dot` is run here rather than through graphviz-rust's `exec`, which has
//! no timeout and drops the warnings `dot` prints when it succeeds.

use std::io::{ErrorKind as IoErrorKind, Read, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::thread;
use std::time::Duration;

use wait_timeout::ChildExt;

use crate::render::scene::Scene;
use crate::render::{Backend, RenderError, Svg, SvgOptions, dot, embedded};

pub(crate) fn render(scene: &Scene, options: &SvgOptions) -> Result<Svg, RenderError> {
    match options.backend {
        Backend::Dot => with_dot(scene, options),
        Backend::Embedded => embedded::render(scene, options.node_limit),
        Backend::Auto => match with_dot(scene, options) {
            Err(RenderError::DotUnavailable { program, source }) => {
                let mut svg = embedded::render(scene, options.node_limit)?;
                svg.warnings.insert(
                    0,
                    format!(
                        "Graphviz {:?} could not be run ({source}), so the embedded renderer \
                         drew this; install Graphviz for the full drawing",
                        program.display().to_string()
                    ),
                );
                Ok(svg)
            }
            other => other,
        },
    }
}

fn with_dot(scene: &Scene, options: &SvgOptions) -> Result<Svg, RenderError> {
    let source = dot::to_dot(scene);
    let output = run_dot(&options.dot_program, &source, options.timeout)?;
    let warnings = output
        .stderr
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(|line| format!("dot: {line}"))
        .collect();
    Ok(Svg {
        text: output.stdout,
        backend: Backend::Dot,
        warnings,
    })
}

struct DotOutput {
    stdout: String,
    stderr: String,
}

/// Runs `program -Tsvg`, feeding it `source` on standard input, and stops
/// it if it runs longer than `timeout`.
///
/// Standard input, output and error are each served by their own thread:
/// `dot` writes nothing until it has read everything, but a large SVG fills
/// the output pipe long before `dot` exits, so reading only after waiting
/// would stall until the timeout.
fn run_dot(program: &Path, source: &str, timeout: Duration) -> Result<DotOutput, RenderError> {
    let mut child = Command::new(program)
        .arg("-Tsvg")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|source| RenderError::DotUnavailable {
            program: program.to_path_buf(),
            source,
        })?;
    let failed = |stderr: String| RenderError::DotFailed {
        program: program.to_path_buf(),
        code: None,
        stderr,
    };

    let mut stdin = child
        .stdin
        .take()
        .ok_or_else(|| failed("no stdin".into()))?;
    let input = source.as_bytes().to_vec();
    let writer = thread::spawn(move || match stdin.write_all(&input) {
        // `dot` may stop reading early because it found an error; what it
        // says about that is on its standard error.
        Err(e) if e.kind() == IoErrorKind::BrokenPipe => Ok(()),
        other => other,
    });
    let stdout = child
        .stdout
        .take()
        .ok_or_else(|| failed("no stdout".into()))?;
    let stderr = child
        .stderr
        .take()
        .ok_or_else(|| failed("no stderr".into()))?;
    let out_reader = thread::spawn(move || read_all(stdout));
    let err_reader = thread::spawn(move || read_all(stderr));

    let status = match child.wait_timeout(timeout) {
        Ok(Some(status)) => status,
        Ok(None) => {
            // Killing `dot` closes its ends of the pipes, which ends the
            // three threads. They are not joined: a wrapper script's own
            // children could hold the pipes open long after.
            let _ = child.kill();
            let _ = child.wait();
            drop((writer, out_reader, err_reader));
            return Err(RenderError::DotTimedOut {
                program: program.to_path_buf(),
                timeout,
            });
        }
        Err(e) => {
            let _ = child.kill();
            let _ = child.wait();
            return Err(failed(format!("could not wait for it: {e}")));
        }
    };
    let written = writer.join().unwrap_or(Ok(()));
    let stdout = out_reader.join().unwrap_or_default();
    let stderr = err_reader.join().unwrap_or_default();
    let stderr = String::from_utf8_lossy(&stderr).into_owned();
    if !status.success() {
        return Err(RenderError::DotFailed {
            program: program.to_path_buf(),
            code: status.code(),
            stderr,
        });
    }
    if let Err(e) = written {
        return Err(failed(format!("could not write its input: {e}")));
    }
    let stdout = String::from_utf8(stdout)
        .map_err(|_| failed(format!("it wrote SVG that is not UTF-8; it said: {stderr}")))?;
    Ok(DotOutput { stdout, stderr })
}

fn read_all(mut pipe: impl Read) -> Vec<u8> {
    let mut buffer = Vec::new();
    // A read error leaves what was read; the exit status says whether that
    // is the whole story.
    let _ = pipe.read_to_end(&mut buffer);
    buffer
}
