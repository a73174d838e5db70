//! What the dataset examples share: reading the command line, drawing a
//! structure with its findings marked, and printing its report.

// Each example compiles this module on its own and uses only part of it.
#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use govgraph::{DrawOptions, Overlay, RankDir, Report, Structure, SvgOptions};

/// The command line every dataset example takes.
pub struct Args {
    /// Where to write the SVG.
    pub out: PathBuf,
    /// Print the report as JSON instead of text.
    pub json: bool,
    /// Where to write the interactive HTML page, if anywhere.
    pub html: Option<PathBuf>,
}

impl Args {
    /// Reads `[--out PATH] [--json]`. On `--help` or a mistake, returns the
    /// exit code to leave with, having said why.
    pub fn parse(example: &str, default_out: &str, about: &str) -> Result<Args, ExitCode> {
        let usage = format!(
            "usage: cargo run --example {example} -- [--out PATH] [--html PATH] [--json]\n\
             {about}\n\
             \n  --out PATH   where to write the SVG (default: {default_out})\
             \n  --html PATH  also write the interactive HTML page there\
             \n  --json       print the report as JSON instead of text"
        );
        let mut out = PathBuf::from(default_out);
        let mut json = false;
        let mut html = None;
        let mut args = std::env::args_os().skip(1);
        while let Some(arg) = args.next() {
            match arg.to_str() {
                Some("--json") => json = true,
                Some("--out") => match args.next() {
                    Some(path) => out = PathBuf::from(path),
                    None => {
                        eprintln!("error: --out needs a path\n{usage}");
                        return Err(ExitCode::from(2));
                    }
                },
                Some("--html") => match args.next() {
                    Some(path) => html = Some(PathBuf::from(path)),
                    None => {
                        eprintln!("error: --html needs a path\n{usage}");
                        return Err(ExitCode::from(2));
                    }
                },
                Some("-h" | "--help") => {
                    println!("{usage}");
                    return Err(ExitCode::SUCCESS);
                }
                _ => {
                    eprintln!("error: unexpected argument {arg:?}\n{usage}");
                    return Err(ExitCode::from(2));
                }
            }
        }
        Ok(Args { out, json, html })
    }
}

/// The whole of an example about one structure: reads the command line,
/// draws the structure, prints its report.
pub fn run_one(example: &str, about: &str, structure: fn() -> Structure) -> ExitCode {
    let default_out = format!("{example}.svg");
    let args = match Args::parse(example, &default_out, about) {
        Ok(args) => args,
        Err(code) => return code,
    };
    let structure = structure();
    let report = structure.report();
    let html = || match &args.html {
        Some(path) => page(&structure, &report, path),
        None => Ok(()),
    };
    finish(
        draw(&structure, &report, &args.out)
            .and_then(|()| html())
            .and_then(|()| {
                let text = if args.json {
                    json(&report)?
                } else {
                    report.to_string()
                };
                print(&text)
            }),
    )
}

/// Draws `structure` with the report's findings marked and writes the SVG to
/// `out`, saying on stderr where it went, which renderer drew it, and any
/// warnings.
pub fn draw(structure: &Structure, report: &Report, out: &Path) -> Result<(), String> {
    let options = DrawOptions::new()
        .rankdir(RankDir::LeftToRight)
        .overlay(Overlay::from(report));
    let svg = structure
        .to_svg(&options, &SvgOptions::new())
        .map_err(|e| format!("cannot draw {}: {e}", name(structure)))?;
    if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    std::fs::write(out, svg.as_str())
        .map_err(|e| format!("cannot write {}: {e}", out.display()))?;
    eprintln!("wrote {} (drawn by {})", out.display(), svg.backend());
    for warning in svg.warnings() {
        eprintln!("warning: {warning}");
    }
    Ok(())
}

/// Writes the interactive HTML page of `structure`, its findings marked,
/// to `out`.
pub fn page(structure: &Structure, report: &Report, out: &Path) -> Result<(), String> {
    let options = DrawOptions::new()
        .rankdir(RankDir::LeftToRight)
        .overlay(Overlay::from(report));
    let page = structure
        .to_html(report, &options, &SvgOptions::new())
        .map_err(|e| format!("cannot draw {}: {e}", name(structure)))?;
    if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    std::fs::write(out, page.as_str())
        .map_err(|e| format!("cannot write {}: {e}", out.display()))?;
    eprintln!(
        "wrote {} (an interactive page, drawn by {})",
        out.display(),
        page.backend()
    );
    Ok(())
}

/// Writes text to stdout; a reader that stops early (`| head`) is not an
/// error worth a message.
pub fn print(text: &str) -> Result<(), String> {
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(format!("cannot print: {e}")),
        _ => Ok(()),
    }
}

/// The report as pretty JSON, ending in a newline.
pub fn json(value: &impl serde::Serialize) -> Result<String, String> {
    serde_json::to_string_pretty(value)
        .map(|text| text + "\n")
        .map_err(|e| format!("cannot write the report as JSON: {e}"))
}

/// Ends the example: prints an error, if there was one, and picks the exit
/// code.
pub fn finish(result: Result<(), String>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn name(structure: &Structure) -> &str {
    structure.meta().name.as_deref().unwrap_or("the structure")
}
