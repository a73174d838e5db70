//! Loads a structure file and says what is in it, or every problem with it;
//! with `--report`, also runs the whole report on it. Run under
//! `/usr/bin/time -v` to see what loading (and analysing) a large file costs:
//!
//! ```text
//! cargo run --release --example generate -- 100000 1000000 national.json
//! cargo build --release --example load
//! /usr/bin/time -v target/release/examples/load national.json --report
//! ```

use std::process::ExitCode;
use std::time::Instant;

use govgraph::Structure;

fn main() -> ExitCode {
    let mut path = None;
    let mut report = false;
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--report" => report = true,
            _ if path.is_none() => path = Some(arg),
            _ => path = None,
        }
    }
    let Some(path) = path else {
        eprintln!("usage: load FILE.toml|FILE.json [--report]");
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
            if report {
                let start = Instant::now();
                let report = structure.report();
                eprintln!("reported in {:.2?}", start.elapsed());
                println!("{} findings", report.findings().count());
            }
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("{error}");
            ExitCode::FAILURE
        }
    }
}
