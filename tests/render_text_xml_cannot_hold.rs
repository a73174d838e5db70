//! Characters XML 1.0 forbids (U+FFFE, U+FFFF and the control characters
//! other than tab, line feed and carriage return) never reach an SVG or the
//! DOT it is drawn from: wherever they are written (a name, a tier, the
//! title, an overlay reason), the SVG of both backends is well-formed XML
//! and shows U+FFFD or a space in their place.

mod render_support;

use govgraph::{Backend, BodyKind, BodySpec, DrawOptions, Overlay, Structure, SvgOptions};
use render_support::{dot_available, parse_svg, svg_texts};

/// The characters XML 1.0 does not allow in a document, that a Rust string
/// can hold.
fn forbidden() -> Vec<char> {
    let mut chars: Vec<char> = ('\u{0}'..='\u{1f}')
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    chars.extend(['\u{fffe}', '\u{ffff}']);
    chars
}

fn structure() -> Structure {
    let all: String = forbidden().into_iter().collect();
    Structure::builder()
        .name(format!("Trust {all} review"))
        .body(
            BodySpec::new("board", "Trust Board \u{fffe}", BodyKind::Board)
                .apex()
                .tier("Tier \u{ffff}"),
        )
        .body(
            BodySpec::new("exec", format!("Executive {all} end"), BodyKind::Executive)
                .reports_to("board"),
        )
        .build()
        .unwrap()
}

fn options() -> DrawOptions {
    DrawOptions::new().overlay(Overlay::new().mark("exec", "reason \u{fffe}\u{ffff}\u{1}"))
}

fn check(svg: &str) {
    // roxmltree follows XML 1.0: it rejects every forbidden character
    // ("invalid Char value 65534" for U+FFFE, as rsvg-convert does).
    let document = parse_svg(svg);
    for c in forbidden() {
        assert!(!svg.contains(c), "U+{:04X} in the SVG", c as u32);
    }
    let texts = svg_texts(&document).join("\n");
    assert!(texts.contains("Trust Board \u{fffd}"), "{texts}");
    assert!(texts.contains("Executive"), "{texts}");
    assert!(texts.contains("\u{fffd}"), "{texts}");
}

#[test]
fn the_embedded_renderer_writes_well_formed_xml() {
    let svg = structure()
        .to_svg(&options(), &SvgOptions::new().backend(Backend::Embedded))
        .unwrap();
    check(svg.as_str());
}

#[test]
fn dot_writes_well_formed_xml() {
    if !dot_available("dot_writes_well_formed_xml") {
        return;
    }
    let svg = structure()
        .to_svg(&options(), &SvgOptions::new().backend(Backend::Dot))
        .unwrap();
    check(svg.as_str());
    // The tier is a cluster label only `dot` draws.
    assert!(svg.as_str().contains("Tier \u{fffd}"), "{}", svg.as_str());
}

#[test]
fn the_dot_source_holds_none_of_them() {
    let dot = structure().to_dot(&options());
    for c in forbidden() {
        assert!(!dot.contains(c), "U+{:04X} in the DOT", c as u32);
    }
    assert!(dot.contains("Trust Board \u{fffd}"), "{dot}");
    assert!(dot.contains("Tier \u{fffd}"), "{dot}");
    assert!(dot.contains("reason \u{fffd}\u{fffd}"), "{dot}");
}
