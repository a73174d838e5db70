//! Every name comes out exactly as written in the SVG of both backends, the
//! SVG is well-formed XML whatever a name holds, and no name injects markup
//! or DOT syntax.

mod render_support;

use govgraph::{Backend, DrawOptions, Overlay, Structure, Svg, SvgOptions};
use render_support::{
    drawn_labels, element_names, hostile_names, hostile_structure, legend_texts, parse_svg,
    svg_nodes, svg_texts,
};

/// What a name should read as in SVG text: lines are separate `<text>`
/// elements, which the tests join with a space.
fn as_drawn(names: Vec<String>) -> Vec<String> {
    let mut names: Vec<String> = names.into_iter().map(|n| n.replace('\n', " ")).collect();
    names.sort();
    names
}

fn render(structure: &Structure, options: &DrawOptions, backend: Backend) -> Svg {
    structure
        .to_svg(options, &SvgOptions::new().backend(backend))
        .unwrap_or_else(|e| panic!("{backend:?} failed: {e}"))
}

fn check_labels(backend: Backend) {
    let structure = hostile_structure();
    let svg = render(&structure, &DrawOptions::new().legend(false), backend);
    let document = parse_svg(svg.as_str());

    assert_eq!(drawn_labels(&document), as_drawn(hostile_names()));
    // No name became markup: the only elements are the ones a drawing uses.
    let names = element_names(&document);
    for forbidden in ["script", "b"] {
        assert!(
            !names.iter().any(|n| n == forbidden),
            "<{forbidden}> in the SVG"
        );
    }
    // Ids that sanitise alike ("a-b", "a.b", "a_b", "a_b_2") and keywords in
    // either case are still one node each.
    let titles: Vec<String> = svg_nodes(&document).into_iter().map(|(t, _)| t).collect();
    assert_eq!(titles.len(), hostile_names().len());
    let mut distinct = titles.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!(
        distinct.len(),
        titles.len(),
        "node ids collided: {titles:?}"
    );
}

#[test]
fn hostile_names_come_out_exactly_with_the_embedded_renderer() {
    check_labels(Backend::Embedded);
}

#[test]
fn hostile_names_come_out_exactly_with_dot() {
    if !render_support::dot_available("hostile_names_come_out_exactly_with_dot") {
        return;
    }
    check_labels(Backend::Dot);
}

/// The title, a tier name and an overlay reason are text from users too.
fn check_title_tier_and_reason(backend: Backend) {
    let title = r#"Title "quoted" \N & <i>"#;
    let tier = r#"Tier \G & "quoted" <tier>"#;
    let reason = r#"reason "<odd>" \l & more"#;
    let structure = govgraph::Structure::builder()
        .body(govgraph::BodySpec::new("a", "A", govgraph::BodyKind::Board).tier(tier))
        .build()
        .unwrap();
    let options = DrawOptions::new()
        .title(title)
        .wrap(0)
        .overlay(Overlay::new().mark("a", reason));
    let svg = render(&structure, &options, backend);
    let document = parse_svg(svg.as_str());
    let texts = svg_texts(&document);
    let legend = legend_texts(&document);

    assert!(
        texts.iter().any(|t| t == title),
        "title missing from {texts:?}"
    );
    assert!(
        texts.iter().any(|t| *t == format!("({reason})")),
        "reason missing from {texts:?}"
    );
    assert!(
        legend.contains(&format!("flagged: {reason}")),
        "legend entry for the reason missing from {legend:?}"
    );
    if backend == Backend::Dot {
        assert!(
            texts.iter().any(|t| t == tier),
            "tier missing from {texts:?}"
        );
    }
    let names = element_names(&document);
    assert!(!names.iter().any(|n| n == "i" || n == "odd" || n == "tier"));
}

#[test]
fn title_tier_and_reasons_come_out_exactly_with_the_embedded_renderer() {
    check_title_tier_and_reason(Backend::Embedded);
}

#[test]
fn title_tier_and_reasons_come_out_exactly_with_dot() {
    if !render_support::dot_available("title_tier_and_reasons_come_out_exactly_with_dot") {
        return;
    }
    check_title_tier_and_reason(Backend::Dot);
}
