//! Halton's Children's Trust arrangements as its 2008 report set them out:
//! draws the structure (halton.svg) with its findings marked, and prints
//! the report.
//!
//! ```text
//! cargo run --example halton
//! cargo run --example halton -- --out drawings/halton.svg --json
//! ```

mod common;

use std::process::ExitCode;

fn main() -> ExitCode {
    let args = match common::Args::parse(
        "halton",
        "halton.svg",
        "Draws Halton's 2008 Children's Trust arrangements and prints what is wrong with it.",
    ) {
        Ok(args) => args,
        Err(code) => return code,
    };
    let structure = govgraph::datasets::halton_2008();
    let report = structure.report();
    common::finish(common::draw(&structure, &report, &args.out).and_then(|()| {
        let text = if args.json {
            common::json(&report)?
        } else {
            report.to_string()
        };
        common::print(&text)
    }))
}
