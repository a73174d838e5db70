//! Leicestershire's Children's Trust arrangements in October 2009, as they
//! were and as the discussion paper proposed them: draws both snapshots,
//! prints each report and what the proposal changes.
//!
//! ```text
//! cargo run --example leicestershire
//! cargo run --example leicestershire -- --out drawings/leicestershire.svg --json
//! ```
//!
//! `--out PATH` names the drawing of the current arrangements; the proposed
//! ones are drawn beside it, with `-proposed` added to the name.

mod common;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn main() -> ExitCode {
    let args = match common::Args::parse(
        "leicestershire",
        "leicestershire.svg",
        "Draws Leicestershire's 2009 Trust arrangements, current and proposed, and prints\n\
         what is wrong with each and what the proposal changes.",
    ) {
        Ok(args) => args,
        Err(code) => return code,
    };
    let current = govgraph::datasets::leicestershire_2009_current();
    let proposed = govgraph::datasets::leicestershire_2009_proposed();
    let (current_report, proposed_report) = (current.report(), proposed.report());
    let changes = current.diff(&proposed);

    common::finish((|| {
        common::draw(&current, &current_report, &args.out)?;
        common::draw(&proposed, &proposed_report, &beside(&args.out, "proposed"))?;
        if let Some(html) = &args.html {
            common::page(&current, &current_report, html)?;
            common::page(&proposed, &proposed_report, &beside(html, "proposed"))?;
        }
        let text = if args.json {
            common::json(&serde_json::json!({
                "current": current_report,
                "proposed": proposed_report,
                "changes": changes,
            }))?
        } else {
            format!(
                "{current_report}\n{proposed_report}\nFrom the current arrangements to the proposed ones\n{changes}"
            )
        };
        common::print(&text)
    })())
}

/// `dir/name.svg` with `-suffix` added to the name: `dir/name-suffix.svg`.
fn beside(path: &Path, suffix: &str) -> PathBuf {
    let stem = path
        .file_stem()
        .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
    let name = match path.extension() {
        Some(extension) => format!("{stem}-{suffix}.{}", extension.to_string_lossy()),
        None => format!("{stem}-{suffix}"),
    };
    path.with_file_name(name)
}
