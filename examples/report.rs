//! Prints the report of any structure file.
//!
//! ```text
//! cargo run --example report -- FILE                    # plain text
//! cargo run --example report -- --json FILE             # JSON, on one line
//! cargo run --example report -- --json --pretty FILE    # JSON, indented
//! cargo run --example report -- --interlock-min 2 --duplication-threshold 0.4 FILE
//! ```
//!
//! A file that cannot be read, parsed or validated gives its errors on
//! stderr and exit status 1; a wrong command line gives the usage and exit
//! status 2.

use std::io::Write;
use std::process::ExitCode;

use govgraph::{DuplicationOptions, OverlapOptions, Report, ReportOptions, Structure};

const USAGE: &str = "usage: report [--json [--pretty]] [OPTIONS] FILE\n\
prints the governance report of a structure file (.toml or .json)\n\
options:\n  \
  --interlock-min N            members on at least N bodies are interlocks (default 3)\n  \
  --duplication-threshold X    report pairs scoring at least X (default 0.3)\n  \
  --theme-weight X, --text-weight X, --member-weight X, --parent-weight X\n  \
                               how much each part of the duplication score counts\n  \
  --include-gone               also compare bodies that are merged or dissolved\n  \
  --overlap-min-shared N       overlapping bodies have at least N in common (default 3)\n  \
  --overlap-containment X      and X of the smaller body's in common (default 0.6)\n  \
  --overlap-jaccard X          or a Jaccard index of at least X (default 0.5)\n  \
  --closure-limit N            list at most N bodies per closure impact (default 100)";

fn main() -> ExitCode {
    match run() {
        Ok(code) => code,
        Err(message) => {
            eprintln!("error: {message}\n{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<ExitCode, String> {
    let (mut json, mut pretty) = (false, false);
    let mut duplication = DuplicationOptions::new();
    let mut overlap = OverlapOptions::new();
    let mut options = ReportOptions::new();
    let mut files = Vec::new();
    let mut args = std::env::args_os().skip(1);
    while let Some(arg) = args.next() {
        let Some(text) = arg.to_str() else {
            files.push(arg);
            continue;
        };
        let (flag, inline) = match text.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => (flag, Some(value.to_string())),
            _ => (text, None),
        };
        let mut value = |what: &str| -> Result<String, String> {
            match inline.clone() {
                Some(value) => Ok(value),
                None => args
                    .next()
                    .and_then(|v| v.into_string().ok())
                    .ok_or_else(|| format!("{flag} needs {what}")),
            }
        };
        let number = |text: String| -> Result<f64, String> {
            text.parse::<f64>()
                .ok()
                .filter(|x| x.is_finite())
                .ok_or_else(|| format!("{flag} needs a number, not {text:?}"))
        };
        let count = |text: String| -> Result<usize, String> {
            text.parse::<usize>()
                .map_err(|_| format!("{flag} needs a whole number, not {text:?}"))
        };
        match flag {
            "--json" => json = true,
            "--pretty" => pretty = true,
            "-h" | "--help" => {
                let _ = writeln!(std::io::stdout(), "{USAGE}");
                return Ok(ExitCode::SUCCESS);
            }
            "--interlock-min" => {
                options = options.interlock_min_bodies(count(value("a number of bodies")?)?)
            }
            "--closure-limit" => {
                options = options.closure_limit(count(value("a number of bodies")?)?)
            }
            "--duplication-threshold" => {
                duplication = duplication.threshold(number(value("a score")?)?)
            }
            "--theme-weight" => duplication = duplication.theme_weight(number(value("a weight")?)?),
            "--text-weight" => duplication = duplication.text_weight(number(value("a weight")?)?),
            "--member-weight" => {
                duplication = duplication.member_weight(number(value("a weight")?)?)
            }
            "--parent-weight" => {
                duplication = duplication.parent_weight(number(value("a weight")?)?)
            }
            "--include-gone" => duplication = duplication.include_gone(true),
            "--overlap-min-shared" => overlap = overlap.min_shared(count(value("a number")?)?),
            "--overlap-containment" => {
                overlap = overlap.min_containment(number(value("a share")?)?)
            }
            "--overlap-jaccard" => overlap = overlap.min_jaccard(number(value("an index")?)?),
            flag if flag.starts_with('-') && flag.len() > 1 => {
                return Err(format!("unknown option {flag:?}"));
            }
            _ => files.push(arg),
        }
    }
    let [file] = files.as_slice() else {
        return Err("give exactly one structure file".to_string());
    };
    let options = options.duplication(duplication).overlap(overlap);

    let structure = match Structure::from_path(file) {
        Ok(structure) => structure,
        Err(err) => {
            eprintln!("error: {err}");
            return Ok(ExitCode::FAILURE);
        }
    };
    let report = Report::with_options(&structure, &options);
    let text = if json {
        let written = if pretty {
            serde_json::to_string_pretty(&report)
        } else {
            serde_json::to_string(&report)
        };
        match written {
            Ok(text) => text + "\n",
            Err(err) => {
                eprintln!("error: cannot write the report as JSON: {err}");
                return Ok(ExitCode::FAILURE);
            }
        }
    } else {
        report.to_string()
    };

    // A reader that stops early (`| head`) is not an error worth a message.
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        Err(err) => {
            eprintln!("error: cannot write the report: {err}");
            Ok(ExitCode::FAILURE)
        }
    }
}
