//! Halton's Children's Trust arrangements as its February 2008 report set
//! them out: draws the structure (halton.svg) with its findings marked, and
//! prints the report.
//!
//! ```text
//! cargo run --example halton
//! cargo run --example halton -- --out drawings/halton.svg --json
//! ```

mod common;

fn main() -> std::process::ExitCode {
    common::run_one(
        "halton",
        "Draws Halton's 2008 Children's Trust arrangements and prints what is wrong with them.",
        govgraph::datasets::halton_2008,
    )
}
