//! Solihull's Children and Young People's Trust as its 2011 review found it:
//! draws the structure (solihull.svg) with its findings marked, and prints
//! the report.
//!
//! ```text
//! cargo run --example solihull
//! cargo run --example solihull -- --out drawings/solihull.svg --json
//! ```

mod common;

fn main() -> std::process::ExitCode {
    common::run_one(
        "solihull",
        "Draws Solihull's 2011 Trust structure and prints what is wrong with it.",
        govgraph::datasets::solihull_2011,
    )
}
