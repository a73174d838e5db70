//! Prints the report of any structure file.
//!
//! ```text
//! cargo run --example report -- FILE          # plain text
//! cargo run --example report -- --json FILE   # JSON
//! ```
//!
//! A file that cannot be read, parsed or validated gives its errors on
//! stderr and exit status 1; a wrong command line gives the usage and exit
//! status 2.

use std::io::Write;
use std::process::ExitCode;

use govgraph::Structure;

const USAGE: &str = "usage: report [--json] FILE\n\
                     prints the governance report of a structure file (.toml or .json)";

fn main() -> ExitCode {
    let mut json = false;
    let mut files = Vec::new();
    for arg in std::env::args_os().skip(1) {
        match arg.to_str() {
            Some("--json") => json = true,
            Some("-h" | "--help") => {
                let _ = writeln!(std::io::stdout(), "{USAGE}");
                return ExitCode::SUCCESS;
            }
            Some(flag) if flag.starts_with('-') && flag.len() > 1 => {
                eprintln!("error: unknown option {flag:?}\n{USAGE}");
                return ExitCode::from(2);
            }
            _ => files.push(arg),
        }
    }
    let [file] = files.as_slice() else {
        eprintln!("error: give exactly one structure file\n{USAGE}");
        return ExitCode::from(2);
    };

    let structure = match Structure::from_path(file) {
        Ok(structure) => structure,
        Err(err) => {
            eprintln!("error: {err}");
            return ExitCode::FAILURE;
        }
    };
    let report = structure.report();
    let text = if json {
        match serde_json::to_string_pretty(&report) {
            Ok(text) => text + "\n",
            Err(err) => {
                eprintln!("error: cannot write the report as JSON: {err}");
                return ExitCode::FAILURE;
            }
        }
    } else {
        report.to_string()
    };

    // A reader that stops early (`| head`) is not an error worth a message.
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: cannot write the report: {err}");
            ExitCode::FAILURE
        }
    }
}
