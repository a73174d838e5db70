//! Reads a Popolo JSON file and says what govgraph finds in it: the bodies,
//! the members, the seats, who sits on more than one body or for more than
//! one organisation, and what could not be represented.
//!
//! ```text
//! cargo run --example popolo -- path/to/popolo.json
//! ```
//!
//! With no path it reads the Zimbabwe Senate file kept with the tests.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::process::ExitCode;

use govgraph::{MemberKind, popolo};

fn main() -> ExitCode {
    let path = std::env::args_os()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join("tests/fixtures/popolo/zimbabwe-senate-ep-popolo-v1.0.json")
        });
    let import = match popolo::from_path(&path) {
        Ok(import) => import,
        Err(err) => {
            eprintln!("{err}");
            return ExitCode::FAILURE;
        }
    };
    let s = import.structure();
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    println!("{name}");

    println!("bodies: {}", s.bodies().count());
    for body in s.bodies().take(10) {
        println!("  {} ({}, {})", body.name, body.kind, body.status);
    }
    let count = |kind| s.members().filter(|m| m.kind == kind).count();
    println!(
        "members: {} persons, {} posts, {} partner organisations",
        count(MemberKind::Person),
        count(MemberKind::Post),
        count(MemberKind::Organisation)
    );
    println!("seats: {}", s.memberships().len());

    let mut bodies: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    let mut sat_for: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    let mut seats_for: BTreeMap<&str, usize> = BTreeMap::new();
    for seat in s.memberships() {
        let member = seat.member.as_str();
        bodies.entry(member).or_default().insert(seat.body.as_str());
        if let Some(organisation) = seat.on_behalf_of.as_ref().map(|o| o.as_str()) {
            sat_for.entry(member).or_default().insert(organisation);
            *seats_for.entry(organisation).or_default() += 1;
        }
    }
    let many = |map: &BTreeMap<&str, BTreeSet<&str>>| map.values().filter(|v| v.len() > 1).count();
    println!("members on more than one body: {}", many(&bodies));
    println!(
        "members who sat for more than one organisation: {}",
        many(&sat_for)
    );
    let mut seats_for: Vec<(usize, &str)> = seats_for.into_iter().map(|(o, n)| (n, o)).collect();
    seats_for.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
    println!("seats held on behalf of:");
    for (seats, organisation) in seats_for {
        println!("  {}: {seats}", s.name_of(organisation));
    }

    let warnings = import.warnings();
    println!("warnings: {}", warnings.len());
    for warning in warnings.iter().take(3) {
        println!("  {warning}");
    }
    if warnings.len() > 3 {
        println!("  ... and {} more", warnings.len() - 3);
    }
    ExitCode::SUCCESS
}
