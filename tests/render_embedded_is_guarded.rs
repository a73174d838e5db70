//! The embedded renderer refuses what it cannot draw well, with a typed
//! error that says what to do, instead of panicking or running for minutes;
//! and it says when it leaves tiers undrawn.

use govgraph::{
    Backend, BodyKind, BodySpec, DrawOptions, ErrorKind, RenderError, Status, Structure, SvgOptions,
};

fn embedded() -> SvgOptions {
    SvgOptions::new().backend(Backend::Embedded)
}

fn render_error(structure: &Structure, options: &DrawOptions, svg: &SvgOptions) -> govgraph::Error {
    structure
        .to_svg(options, svg)
        .expect_err("the embedded renderer should refuse")
}

#[test]
fn an_empty_structure_is_refused() {
    // An empty structure can be built in code (a file must declare a body).
    let structure = Structure::builder().build().unwrap();
    let err = render_error(&structure, &DrawOptions::new(), &embedded());
    assert!(
        matches!(err.kind(), ErrorKind::Render(RenderError::EmbeddedEmpty)),
        "{err:?}"
    );
    assert!(err.to_string().starts_with("nothing to draw"), "{err}");
}

#[test]
fn a_structure_left_empty_by_the_options_is_refused() {
    let structure = Structure::builder()
        .body(
            BodySpec::new("old", "Prosperous Communities Board", BodyKind::Board)
                .status(Status::Dissolved),
        )
        .build()
        .unwrap();
    let err = render_error(
        &structure,
        &DrawOptions::new().show_gone(false),
        &embedded(),
    );
    assert!(
        matches!(err.kind(), ErrorKind::Render(RenderError::EmbeddedEmpty)),
        "{err:?}"
    );
}

fn chain(bodies: usize) -> Structure {
    let mut builder = Structure::builder();
    for i in 0..bodies {
        let mut body = BodySpec::new(format!("b{i:04}"), format!("Body {i}"), BodyKind::Group);
        if i > 0 {
            body = body.reports_to(format!("b{:04}", (i - 1) / 3));
        }
        builder = builder.body(body);
    }
    builder.build().unwrap()
}

#[test]
fn a_structure_above_the_default_limit_is_refused_before_layout() {
    // The default limit is 200 nodes; 5,000 would take the layout hours.
    let err = render_error(&chain(5_000), &DrawOptions::new(), &embedded());
    match err.kind() {
        ErrorKind::Render(RenderError::EmbeddedTooLarge { nodes, limit }) => {
            assert_eq!((*nodes, *limit), (5_000, 200));
        }
        other => panic!("expected EmbeddedTooLarge, got {other:?}"),
    }
    assert!(err.to_string().contains("install Graphviz"), "{err}");
}

#[test]
fn the_limit_counts_drawn_nodes_and_can_be_set() {
    let structure = chain(11);
    let err = render_error(&structure, &DrawOptions::new(), &embedded().node_limit(10));
    assert!(matches!(
        err.kind(),
        ErrorKind::Render(RenderError::EmbeddedTooLarge {
            nodes: 11,
            limit: 10
        })
    ));
    assert!(
        structure
            .to_svg(&DrawOptions::new(), &embedded().node_limit(11))
            .is_ok()
    );
}

#[test]
fn drawing_without_clusters_is_reported_in_a_warning() {
    let tiered = Structure::builder()
        .body(
            BodySpec::new("g", "Be Healthy Outcome Group", BodyKind::Group).tier("Outcome Groups"),
        )
        .build()
        .unwrap();
    let svg = tiered.to_svg(&DrawOptions::new(), &embedded()).unwrap();
    assert_eq!(svg.backend(), Backend::Embedded);
    assert_eq!(svg.warnings().len(), 1);
    assert!(
        svg.warnings()[0].contains("\"Outcome Groups\""),
        "{:?}",
        svg.warnings()
    );
    assert!(
        svg.warnings()[0].contains("install Graphviz"),
        "{:?}",
        svg.warnings()
    );

    // Without tiers there is nothing missing to warn about.
    let flat = chain(3).to_svg(&DrawOptions::new(), &embedded()).unwrap();
    assert!(flat.warnings().is_empty(), "{:?}", flat.warnings());
}
