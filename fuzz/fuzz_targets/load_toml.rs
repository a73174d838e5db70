//! Loading any TOML text returns a structure or an error, and an error
//! always renders. Run with
//! `RUSTC_BOOTSTRAP=1 cargo fuzz run load_toml fuzz/corpus/load_toml fuzz/seeds -- -dict=fuzz/structure.dict`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Err(error) = govgraph::Structure::from_toml_str(text) {
        assert!(!error.to_string().is_empty());
    }
});
