//! What a Rust developer embedding govgraph does with a council file, with
//! the public API only: read Popolo, check it under test with the findings
//! known about allowed, draw it, save the report and read it back, and
//! write the file back unchanged.

use std::path::Path;

use govgraph::popolo;
use govgraph::{Allowed, DrawOptions, FindingKind, Overlay, Report};

const FILE: &str = "tests/fixtures/popolo/councils.json";

#[test]
fn a_council_file_is_read_checked_drawn_saved_and_written_back() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(FILE);
    let import = popolo::from_path(&path).unwrap();
    assert!(import.warnings().is_empty(), "{:?}", import.warnings());
    let structure = import.structure();

    // Under test: the file says nothing of when councils meet, which is
    // known; anything else is a new finding and fails.
    let report = structure.report();
    let mut allowed = Allowed::new();
    for council in structure.bodies() {
        allowed = allowed.allow(FindingKind::UnknownMeetings, council.id.clone());
    }
    // Two councils whose councillors sit for the same three parties overlap
    // by the organisations represented: known, and allowed.
    allowed = allowed.allow_pair(
        FindingKind::Overlap,
        "legislature/harbour_city_council",
        "legislature/river_council",
    );
    report
        .ensure_none_except(FindingKind::ALL, &allowed)
        .map_err(|e| e.in_file(FILE))
        .unwrap();
    assert_eq!(allowed.unused(&report).count(), 0);
    // Without the allow-list the same check names each council.
    let err = report
        .ensure_none(&[FindingKind::UnknownMeetings])
        .unwrap_err()
        .in_file(FILE);
    let ids: Vec<&str> = err.findings().iter().map(|f| f.ids[0].as_str()).collect();
    assert_eq!(
        ids,
        [
            "legislature/harbour_city_council",
            "legislature/river_council",
            "legislature/valley_shire_council",
        ]
    );
    assert!(
        err.to_string()
            .starts_with(&format!("{FILE}: 3 unwanted findings:"))
    );

    // Drawn with the report overlaid: every council is a node.
    let dot = structure.to_dot(&DrawOptions::new().overlay(Overlay::from(&report)));
    for council in structure.bodies() {
        assert!(dot.contains(&council.name), "{dot}");
    }

    // Saved and read back, the report is the same and says the same.
    let saved = serde_json::to_string(&report).unwrap();
    let again: Report = serde_json::from_str(&saved).unwrap();
    assert_eq!(again, report);
    assert_eq!(again.to_string(), report.to_string());

    // Written back, the file is as it was.
    let original = std::fs::read_to_string(&path).unwrap();
    assert_eq!(
        import.to_json_string().unwrap().trim_end(),
        original.trim_end()
    );
}
