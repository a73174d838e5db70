//! Whatever loads, from TOML or JSON, saves in both formats and loads back
//! equal. Run with
//! `RUSTC_BOOTSTRAP=1 cargo fuzz run round_trip fuzz/corpus/round_trip fuzz/seeds -- -dict=fuzz/structure.dict`.
#![no_main]

use govgraph::Structure;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for loaded in [Structure::from_toml_str(text), Structure::from_json_str(text)] {
        let Ok(structure) = loaded else { continue };
        let toml = structure.to_toml_string().expect("a loaded structure saves as TOML");
        let again = Structure::from_toml_str(&toml)
            .unwrap_or_else(|e| panic!("saved TOML does not load: {e}\n{toml}"));
        assert_eq!(again, structure, "TOML round trip changed the structure:\n{toml}");
        let json = structure.to_json_string().expect("a loaded structure saves as JSON");
        let again = Structure::from_json_str(&json)
            .unwrap_or_else(|e| panic!("saved JSON does not load: {e}\n{json}"));
        assert_eq!(again, structure, "JSON round trip changed the structure:\n{json}");
    }
});
