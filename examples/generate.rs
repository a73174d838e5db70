//! Writes a generated national-scale structure to a file, TOML or JSON by
//! its extension: test data for tools that load many authorities at once.
//!
//! ```text
//! cargo run --release --example generate -- BODIES MEMBERSHIPS FILE [SEED]
//! cargo run --release --example generate -- 100000 1000000 national.toml
//! ```

use std::process::ExitCode;

use govgraph::generate::{self, GeneratorOptions};
use govgraph::{Format, Structure};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(bodies), Some(memberships), Some(path)) = (
        args.first().and_then(|a| a.parse().ok()),
        args.get(1).and_then(|a| a.parse().ok()),
        args.get(2),
    ) else {
        eprintln!("usage: generate BODIES MEMBERSHIPS FILE.toml|FILE.json [SEED]");
        return ExitCode::FAILURE;
    };
    let seed = args.get(3).and_then(|a| a.parse().ok()).unwrap_or(0);
    let options = GeneratorOptions::new()
        .bodies(bodies)
        .memberships(memberships)
        .seed(seed);
    let structure = generate::structure(&options);
    match write(&structure, path) {
        Ok(bytes) => {
            println!(
                "wrote {path}: {} bodies, {} members, {} memberships, {} relations, {bytes} bytes",
                structure.bodies().count(),
                structure.members().count(),
                structure.memberships().len(),
                structure.relations().len(),
            );
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("{path}: {message}");
            ExitCode::FAILURE
        }
    }
}

fn write(structure: &Structure, path: &str) -> Result<usize, String> {
    let text = match Format::from_path(path.as_ref()) {
        Some(Format::Json) => structure.to_json_string(),
        Some(Format::Toml) => structure.to_toml_string(),
        _ => return Err("name the file .toml or .json".to_string()),
    }
    .map_err(|e| e.to_string())?;
    std::fs::write(path, &text).map_err(|e| e.to_string())?;
    Ok(text.len())
}
