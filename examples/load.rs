//! Loads a structure file and says what is in it, or every problem with it.
//! Run under `/usr/bin/time -v` to see what loading a large file costs:
//!
//! ```text
//! cargo run --release --example generate -- 100000 1000000 national.toml
//! cargo build --release --example load
//! /usr/bin/time -v target/release/examples/load national.toml
//! ```

use std::process::ExitCode;
use std::time::Instant;

use govgraph::Structure;

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: load FILE.toml|FILE.json");
        return ExitCode::FAILURE;
    };
    let start = Instant::now();
    match Structure::from_path(&path) {
        Ok(structure) => {
            println!(
                "{path}: {} bodies ({} active), {} members, {} memberships, {} relations",
                structure.bodies().count(),
                structure.bodies().filter(|b| b.is_active()).count(),
                structure.members().count(),
                structure.memberships().len(),
                structure.relations().len(),
            );
            eprintln!("read and loaded in {:.2?}", start.elapsed());
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("{error}");
            ExitCode::FAILURE
        }
    }
}
