//! The embedded renderer refuses what it cannot draw well, with a typed
//! error that says what to do, instead of panicking or running for minutes;
//! and it draws tiers as boxes, with nothing to warn about.

use govgraph::{
    Backend, BodyKind, BodySpec, DrawOptions, RenderError, Status, Structure, SvgOptions,
};

fn embedded() -> SvgOptions {
    SvgOptions::new().backend(Backend::Embedded)
}

fn render_error(structure: &Structure, options: &DrawOptions, svg: &SvgOptions) -> RenderError {
    structure
        .to_svg(options, svg)
        .expect_err("the embedded renderer should refuse")
}

#[test]
fn an_empty_structure_is_refused() {
    // An empty structure can be built in code (a file must declare a body).
    let structure = Structure::builder().build().unwrap();
    let err = render_error(&structure, &DrawOptions::new(), &embedded());
    assert!(matches!(err, RenderError::EmbeddedEmpty), "{err:?}");
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
    assert!(matches!(err, RenderError::EmbeddedEmpty), "{err:?}");
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
    // The default limit is 2,000 nodes, more than a picture can show.
    let err = render_error(&chain(5_000), &DrawOptions::new(), &embedded());
    match &err {
        RenderError::EmbeddedTooLarge { nodes, limit } => {
            assert_eq!((*nodes, *limit), (5_000, 2_000));
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
        err,
        RenderError::EmbeddedTooLarge {
            nodes: 11,
            limit: 10
        }
    ));
    assert!(
        structure
            .to_svg(&DrawOptions::new(), &embedded().node_limit(11))
            .is_ok()
    );
}

#[test]
fn tiers_are_drawn_as_boxes_without_a_warning() {
    let tiered = Structure::builder()
        .body(
            BodySpec::new("g", "Be Healthy Outcome Group", BodyKind::Group).tier("Outcome Groups"),
        )
        .build()
        .unwrap();
    let svg = tiered.to_svg(&DrawOptions::new(), &embedded()).unwrap();
    assert_eq!(svg.backend(), Backend::Embedded);
    assert!(svg.warnings().is_empty(), "{:?}", svg.warnings());
    assert!(
        svg.as_str()
            .contains("<g class=\"cluster\"><title>cluster_0</title>"),
        "{}",
        svg.as_str()
    );
    assert!(svg.as_str().contains(">Outcome Groups</text>"));

    let flat = chain(3).to_svg(&DrawOptions::new(), &embedded()).unwrap();
    assert!(flat.warnings().is_empty(), "{:?}", flat.warnings());
    assert!(!flat.as_str().contains("class=\"cluster\""));
}

/// `bodies` bodies, each feeding into every other: few bodies, but a
/// layered layout cuts the edges into thousands of pieces.
fn all_feed_into_each_other(bodies: usize) -> Structure {
    let id = |i: usize| format!("g{i:02}");
    let mut builder = Structure::builder();
    for i in 0..bodies {
        let mut body = BodySpec::new(id(i), format!("Group {i}"), BodyKind::Group);
        for j in (0..bodies).filter(|&j| j != i) {
            body = body.feeds_into(id(j));
        }
        builder = builder.body(body);
    }
    builder.build().unwrap()
}

/// Draws, and checks the call returned quickly. The bound is generous: it
/// proves "did not lay out", not a speed.
fn refused_quickly(structure: &Structure, svg: &SvgOptions) -> RenderError {
    let started = std::time::Instant::now();
    let err = render_error(structure, &DrawOptions::new(), svg);
    assert!(
        started.elapsed() < std::time::Duration::from_secs(10),
        "refusing took {:?}",
        started.elapsed()
    );
    err
}

#[test]
fn twenty_bodies_that_all_feed_into_each_other_are_drawn_or_refused_by_the_work_limit() {
    // 380 edges in 2,300 pieces: within the default budget, and every edge
    // drawn.
    let dense = all_feed_into_each_other(20);
    let svg = dense
        .to_svg(&DrawOptions::new().legend(false), &embedded())
        .unwrap();
    assert_eq!(svg.as_str().matches("<g class=\"edge\">").count(), 380);

    let err = refused_quickly(&dense, &embedded().work_limit(100_000));
    match &err {
        RenderError::EmbeddedTooComplex { work, limit } => {
            assert_eq!(*limit, 100_000);
            assert!(*work > *limit, "{work}");
        }
        other => panic!("expected EmbeddedTooComplex, got {other:?}"),
    }
    let message = err.to_string();
    assert!(message.contains("install Graphviz"), "{message}");
    assert!(message.contains("SvgOptions::work_limit"), "{message}");
}

#[test]
fn a_dense_structure_over_the_edge_limit_is_refused_before_layout() {
    // 600 edges: over the edge limit set, so not even its layering is
    // computed.
    let dense = all_feed_into_each_other(25);
    let err = refused_quickly(&dense, &embedded().edge_limit(500));
    assert!(
        matches!(
            err,
            RenderError::EmbeddedTooManyEdges {
                edges: 600,
                limit: 500
            }
        ),
        "{err:?}"
    );
    assert!(err.to_string().contains("DrawOptions::relations"), "{err}");
    // With room for its edges, its work is what refuses it.
    let err = refused_quickly(&dense, &embedded().edge_limit(600).work_limit(100_000));
    assert!(
        matches!(err, RenderError::EmbeddedTooComplex { .. }),
        "{err:?}"
    );
    // Without Graphviz, Auto meets the same budget.
    let missing = std::env::temp_dir()
        .join(format!("govgraph-no-such-dir-{}", std::process::id()))
        .join("dot");
    let err = refused_quickly(
        &dense,
        &SvgOptions::new().dot_program(missing).edge_limit(500),
    );
    assert!(
        matches!(err, RenderError::EmbeddedTooManyEdges { .. }),
        "{err:?}"
    );
}

#[test]
fn a_small_dense_structure_is_within_the_budget_and_drawn() {
    let svg = all_feed_into_each_other(6)
        .to_svg(&DrawOptions::new().legend(false), &embedded())
        .unwrap();
    assert_eq!(svg.as_str().matches("<g class=\"edge\">").count(), 30);
}
