//! What a build without a feature does instead: without the embedded
//! renderer, `Backend::Auto` is `dot`, and when `dot` cannot be run the
//! error says to install Graphviz or to enable the `embedded-svg` feature.
//! (Which features a test needs is in Cargo.toml, `required-features`.)

use govgraph::{Backend, BodyKind, BodySpec, DrawOptions, Structure, SvgOptions};

fn missing_dot() -> std::path::PathBuf {
    std::env::temp_dir()
        .join(format!(
            "govgraph-features-no-such-dir-{}",
            std::process::id()
        ))
        .join("dot")
}

fn board() -> Structure {
    Structure::builder()
        .body(BodySpec::new("board", "Trust Board", BodyKind::Board).apex())
        .build()
        .unwrap()
}

#[test]
#[cfg(not(feature = "embedded-svg"))]
fn without_the_embedded_renderer_auto_says_to_install_graphviz_or_enable_it() {
    let options = SvgOptions::new().dot_program(missing_dot());
    assert_eq!(
        options,
        SvgOptions::new()
            .dot_program(missing_dot())
            .backend(Backend::Auto)
    );
    let err = board().to_svg(&DrawOptions::new(), &options).unwrap_err();
    assert!(
        matches!(err, govgraph::RenderError::DotUnavailable { .. }),
        "{err:?}"
    );
    let message = err.to_string();
    assert!(message.contains("install Graphviz"), "{message}");
    assert!(message.contains("`embedded-svg` feature"), "{message}");
    assert!(!message.contains("Backend::Embedded"), "{message}");
}

#[test]
#[cfg(feature = "embedded-svg")]
fn with_the_embedded_renderer_auto_draws_without_graphviz() {
    let options = SvgOptions::new().dot_program(missing_dot());
    let svg = board().to_svg(&DrawOptions::new(), &options).unwrap();
    assert_eq!(svg.backend(), Backend::Embedded);
    let err = board()
        .to_svg(&DrawOptions::new(), &options.backend(Backend::Dot))
        .unwrap_err();
    assert!(err.to_string().contains("Backend::Embedded"), "{err}");
}
