//! Solihull's Children and Young People's Trust as its 2011 review found it:
//! draws the structure (solihull.svg) with its findings marked, and prints
//! the report.
//!
//! ```text
//! cargo run --example solihull
//! cargo run --example solihull -- --out drawings/solihull.svg --json
//! ```

mod common;

use std::process::ExitCode;

fn main() -> ExitCode {
    let args = match common::Args::parse(
        "solihull",
        "solihull.svg",
        "Draws Solihull's 2011 Trust structure and prints what is wrong with it.",
    ) {
        Ok(args) => args,
        Err(code) => return code,
    };
    let structure = govgraph::datasets::solihull_2011();
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
