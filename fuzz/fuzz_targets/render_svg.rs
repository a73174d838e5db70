//! Whatever loads, from TOML or from JSON (text that starts with `{`), is
//! drawn with the report's findings over it, by the embedded renderer (with
//! a small work budget) and, for one input in sixteen, by Graphviz's `dot`
//! if it is installed (with a two-second timeout). Each gives an SVG that is
//! well-formed XML with an `<svg>` root and no panic, or an error it is
//! allowed to give:
//! the embedded renderer's refusals, or `dot` timing out. `dot` failing or
//! writing something that is not an SVG is a finding. Run with
//! `RUSTC_BOOTSTRAP=1 cargo fuzz run render_svg fuzz/corpus/render_svg fuzz/seeds data -- -dict=fuzz/structure.dict -max_len=4096`.
#![no_main]

use std::time::Duration;

use govgraph::{Backend, DrawOptions, Overlay, RenderError, Structure, SvgOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let loaded = if text.trim_start().starts_with('{') {
        Structure::from_json_str(text)
    } else {
        Structure::from_toml_str(text)
    };
    let Ok(structure) = loaded else { return };
    let draw = DrawOptions::new().overlay(Overlay::from(&structure.report()));

    let embedded = SvgOptions::new()
        .backend(Backend::Embedded)
        .node_limit(60)
        .edge_limit(150)
        .work_limit(100_000);
    match structure.to_svg(&draw, &embedded) {
        Ok(svg) => check(svg.as_str(), "the embedded renderer"),
        Err(e) => match e {
            RenderError::EmbeddedEmpty
            | RenderError::EmbeddedTooLarge { .. }
            | RenderError::EmbeddedTooManyEdges { .. }
            | RenderError::EmbeddedTooComplex { .. } => {}
            _ => panic!("the embedded renderer failed: {e}"),
        },
    }

    let choose = data.iter().fold(0u8, |h, b| h.rotate_left(3) ^ b);
    if choose % 16 != 0 || !dot_runs() {
        return;
    }
    let dot = SvgOptions::new()
        .backend(Backend::Dot)
        .timeout(Duration::from_secs(2));
    match structure.to_svg(&draw, &dot) {
        Ok(svg) => check(svg.as_str(), "dot"),
        Err(e) => match e {
            RenderError::DotTimedOut { .. } => {}
            _ => panic!("dot did not draw what loaded: {e}\n{}", structure.to_dot(&draw)),
        },
    }
});

/// The SVG is well-formed XML (allowing the DOCTYPE `dot` writes) and its
/// root is `<svg>`.
fn check(svg: &str, renderer: &str) {
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..roxmltree::ParsingOptions::default()
    };
    let document = roxmltree::Document::parse_with_options(svg, options)
        .unwrap_or_else(|e| panic!("{renderer} wrote SVG that is not well-formed XML: {e}\n{svg}"));
    assert_eq!(document.root_element().tag_name().name(), "svg", "{svg}");
}

/// Whether Graphviz's `dot` can be run, found once.
fn dot_runs() -> bool {
    static RUNS: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *RUNS.get_or_init(|| {
        std::process::Command::new("dot")
            .arg("-V")
            .output()
            .is_ok_and(|o| o.status.success())
    })
}
