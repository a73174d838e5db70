//! SVG from a scene: the Graphviz `dot` program, run with a timeout and a
//! bound on what it may write, or the embedded renderer, behind one call.
//!
//! `dot` is run here rather than through graphviz-rust's `exec`, which has
//! no timeout, reads all output however large, and drops the warnings `dot`
//! prints when it succeeds. Nothing `dot` writes is trusted: its output is
//! read up to [`SvgOptions::output_limit`] and parsed as XML with an
//! `<svg>` root before it is called an SVG. On Unix, `dot` runs in a process
//! group of its own, and the whole group is ended when it is done, stopped
//! or fails, so that a wrapper script's children never outlive the call.

use std::io::{ErrorKind as IoErrorKind, Read, Write};
use std::path::Path;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::thread;
use std::time::{Duration, Instant};

#[cfg(feature = "embedded-svg")]
use crate::render::embedded;
use crate::render::scene::Scene;
use crate::render::{Backend, RenderError, Svg, SvgOptions, dot};

/// The most of `dot`'s standard error kept for messages; the rest is read
/// and dropped, so that a program that floods it neither stalls nor fills
/// memory.
const STDERR_KEPT: usize = 64 << 10;

pub(crate) fn render(scene: &Scene, options: &SvgOptions) -> Result<Svg, RenderError> {
    match options.backend {
        Backend::Dot => with_dot(scene, options),
        #[cfg(feature = "embedded-svg")]
        Backend::Embedded => embedded::render(scene, options.budget()),
        // With no embedded renderer to fall back on, `dot`'s errors say to
        // enable it.
        #[cfg(not(feature = "embedded-svg"))]
        Backend::Auto => with_dot(scene, options),
        #[cfg(feature = "embedded-svg")]
        Backend::Auto => match with_dot(scene, options) {
            Ok(svg) => Ok(svg),
            Err(RenderError::DotUnavailable { program, cause }) => {
                let mut svg = embedded::render(scene, options.budget())?;
                svg.warnings.insert(
                    0,
                    format!(
                        "Graphviz {:?} could not be run ({cause}), so the embedded renderer \
                         drew this; install Graphviz to have `dot` draw it",
                        program.display().to_string()
                    ),
                );
                Ok(svg)
            }
            Err(dot_error) => match embedded::render(scene, options.budget()) {
                Ok(mut svg) => {
                    svg.warnings.insert(
                        0,
                        format!(
                            "{}, so the embedded renderer drew this; fix or install Graphviz \
                             to have `dot` draw it",
                            dot_error.what_happened()
                        ),
                    );
                    Ok(svg)
                }
                Err(embedded_error) => Err(RenderError::BothFailed {
                    dot: Box::new(dot_error),
                    embedded: Box::new(embedded_error),
                }),
            },
        },
    }
}

fn with_dot(scene: &Scene, options: &SvgOptions) -> Result<Svg, RenderError> {
    let source = dot::to_dot(scene);
    let program = options.dot_program.as_path();
    let output = run_dot(program, &source, options.timeout, options.output_limit)?;
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    let not_svg = |reason: String| RenderError::DotNotSvg {
        program: program.to_path_buf(),
        reason,
        stderr: stderr.clone(),
    };
    let text = String::from_utf8(output.stdout).map_err(|e| {
        not_svg(format!(
            "its output is not UTF-8 (at byte {})",
            e.utf8_error().valid_up_to()
        ))
    })?;
    check_svg(&text).map_err(not_svg)?;
    let warnings = stderr
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(|line| format!("dot: {line}"))
        .collect();
    Ok(Svg {
        text,
        backend: Backend::Dot,
        warnings,
    })
}

/// Whether `text` is an SVG document: well-formed XML whose root element is
/// `svg`. Graphviz writes a DOCTYPE naming the SVG DTD, which is allowed
/// but never fetched.
pub(crate) fn check_svg(text: &str) -> Result<(), String> {
    if text.trim().is_empty() {
        return Err("its output is empty".to_string());
    }
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..roxmltree::ParsingOptions::default()
    };
    let document = roxmltree::Document::parse_with_options(text, options)
        .map_err(|e| format!("its output is not well-formed XML: {e}"))?;
    let root = document.root_element().tag_name().name();
    if root != "svg" {
        return Err(format!("its output's root element is <{root}>, not <svg>"));
    }
    Ok(())
}

/// What `dot` wrote, within the limits.
struct DotOutput {
    stdout: Vec<u8>,
    stderr: Vec<u8>,
}

/// What the threads serving `dot` report.
enum Event {
    /// Standard input, written (or given up on because `dot` closed it).
    Written(std::io::Result<()>),
    /// Standard output, whole, or `None` if it passed the limit.
    Stdout(std::io::Result<Option<Vec<u8>>>),
    /// The first [`STDERR_KEPT`] bytes of standard error.
    Stderr(Vec<u8>),
}

/// Runs `program -Tsvg`, feeding it `source` on standard input, and stops
/// it if it runs longer than `timeout` or writes more than `limit` bytes.
///
/// Standard input, output and error are each served by their own thread:
/// `dot` writes nothing until it has read everything, but a large SVG fills
/// the output pipe long before `dot` exits, so reading only after waiting
/// would stall until the timeout. The readers report on a channel, and the
/// exit status is polled between reports, so that the call returns as soon
/// as `dot` is done, stopped or over its limit, even if something it started
/// holds its pipes open.
fn run_dot(
    program: &Path,
    source: &str,
    timeout: Duration,
    limit: usize,
) -> Result<DotOutput, RenderError> {
    let deadline = Instant::now() + timeout;
    let mut command = Command::new(program);
    command
        .arg("-Tsvg")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        // A group of its own, led by `dot`, so that ending the group ends
        // every process a wrapper script started.
        command.process_group(0);
    }
    let mut child = command
        .spawn()
        .map_err(|cause| RenderError::DotUnavailable {
            program: program.to_path_buf(),
            cause,
        })?;
    let io_error = |cause: std::io::Error| RenderError::DotIo {
        program: program.to_path_buf(),
        cause,
    };
    let (Some(mut stdin), Some(stdout), Some(stderr)) =
        (child.stdin.take(), child.stdout.take(), child.stderr.take())
    else {
        end(&mut child);
        return Err(io_error(std::io::Error::other("its pipes were not opened")));
    };

    let input = source.as_bytes().to_vec();
    let (events, reports) = mpsc::channel();
    let (in_events, out_events) = (events.clone(), events.clone());
    // Each thread's last act is its report, so once all three have
    // reported, joining them cannot wait on a pipe. A thread is left to end
    // on its own only when the call gives up on `dot` (timeout, too much
    // output), and it ends as soon as the pipe it serves is closed.
    let threads = [
        thread::spawn(move || {
            let written = match stdin.write_all(&input) {
                // `dot` may stop reading early because it found an error;
                // what it says about that is on its standard error.
                Err(e) if e.kind() == IoErrorKind::BrokenPipe => Ok(()),
                other => other,
            };
            drop(stdin);
            let _ = in_events.send(Event::Written(written));
        }),
        thread::spawn(move || {
            let _ = out_events.send(Event::Stdout(read_bounded(stdout, limit)));
        }),
        thread::spawn(move || {
            let _ = events.send(Event::Stderr(read_kept(stderr, STDERR_KEPT)));
        }),
    ];

    let mut status: Option<ExitStatus> = None;
    let mut written: Option<std::io::Result<()>> = None;
    let mut out: Option<Vec<u8>> = None;
    let mut err: Option<Vec<u8>> = None;
    // Short waits at first, so that a quick `dot` is not kept waiting, then
    // longer ones.
    let mut pause = Duration::from_millis(1);
    while status.is_none() || written.is_none() || out.is_none() || err.is_none() {
        if status.is_none() {
            match child.try_wait() {
                Ok(Some(exited)) => {
                    status = Some(exited);
                    // Whatever `dot` left behind goes with it, and takes its
                    // ends of the pipes along.
                    end_group(&child);
                }
                Ok(None) => {}
                Err(e) => {
                    end(&mut child);
                    return Err(io_error(e));
                }
            }
        }
        let now = Instant::now();
        if now >= deadline {
            end(&mut child);
            return Err(RenderError::DotTimedOut {
                program: program.to_path_buf(),
                timeout,
            });
        }
        match reports.recv_timeout(pause.min(deadline - now)) {
            Ok(Event::Stdout(Ok(Some(bytes)))) => out = Some(bytes),
            Ok(Event::Stdout(Ok(None))) => {
                end(&mut child);
                return Err(RenderError::DotOutputTooLarge {
                    program: program.to_path_buf(),
                    limit,
                });
            }
            Ok(Event::Stdout(Err(e))) => {
                end(&mut child);
                return Err(io_error(e));
            }
            Ok(Event::Stderr(bytes)) => err = Some(bytes),
            Ok(Event::Written(result)) => written = Some(result),
            Err(RecvTimeoutError::Timeout) => pause = (pause * 2).min(Duration::from_millis(20)),
            // Every thread has reported; only the exit status is awaited.
            Err(RecvTimeoutError::Disconnected) => thread::sleep(pause.min(deadline - now)),
        }
    }
    let (Some(status), Some(written), Some(stdout), Some(stderr)) = (status, written, out, err)
    else {
        unreachable!("the loop ends only when all four are known");
    };
    for thread in threads {
        let _ = thread.join();
    }
    if !status.success() {
        return Err(RenderError::DotFailed {
            program: program.to_path_buf(),
            code: status.code(),
            stderr: String::from_utf8_lossy(&stderr).into_owned(),
        });
    }
    written.map_err(io_error)?;
    Ok(DotOutput { stdout, stderr })
}

/// Reads a pipe to its end: `None` as soon as it holds more than `limit`
/// bytes (the pipe is then dropped, unread).
fn read_bounded(pipe: impl Read, limit: usize) -> std::io::Result<Option<Vec<u8>>> {
    let mut buffer = Vec::new();
    let cap = u64::try_from(limit).unwrap_or(u64::MAX).saturating_add(1);
    pipe.take(cap).read_to_end(&mut buffer)?;
    Ok((buffer.len() <= limit).then_some(buffer))
}

/// Reads a pipe to its end, keeping its first `kept` bytes. A read error
/// leaves what was read: the exit status says whether that matters.
fn read_kept(mut pipe: impl Read, kept: usize) -> Vec<u8> {
    let mut buffer = Vec::new();
    let cap = u64::try_from(kept).unwrap_or(u64::MAX);
    let _ = (&mut pipe).take(cap).read_to_end(&mut buffer);
    let _ = std::io::copy(&mut pipe, &mut std::io::sink());
    buffer
}

/// Stops `dot` and everything it started, and reaps it.
fn end(child: &mut Child) {
    end_group(child);
    let _ = child.kill();
    let _ = child.wait();
}

/// Ends `dot`'s process group. After `dot` itself has been reaped, its id
/// cannot be given to another process while any of its group lives on, so
/// this reaches what it left behind; if nothing is left, the group is gone
/// and the signal finds no one (unless, within the microseconds since,
/// the id was reused by a process that made itself a group leader).
#[cfg(unix)]
fn end_group(child: &Child) {
    let pid = rustix::process::Pid::from_child(child);
    let _ = rustix::process::kill_process_group(pid, rustix::process::Signal::KILL);
}

/// Without process groups, only `dot` itself can be ended.
#[cfg(not(unix))]
fn end_group(_child: &Child) {}
