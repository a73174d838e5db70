//! When `dot` cannot be run, the caller gets a typed error that says what
//! to do, or with `Backend::Auto` an SVG from the embedded renderer and a
//! warning. (A `dot` that fails or hangs: render_dot_fails_or_hangs.rs.)

use std::path::PathBuf;

use govgraph::{Backend, BodyKind, BodySpec, DrawOptions, RenderError, Structure, SvgOptions};

fn structure() -> Structure {
    Structure::builder()
        .body(BodySpec::new("board", "Trust Board", BodyKind::Board).apex())
        .body(BodySpec::new("exec", "Executive", BodyKind::Executive).reports_to("board"))
        .build()
        .unwrap()
}

/// A path where no program is, as on a machine without Graphviz.
fn missing_dot() -> PathBuf {
    std::env::temp_dir()
        .join(format!("govgraph-no-such-dir-{}", std::process::id()))
        .join("dot")
}

#[test]
fn dot_requested_but_missing_is_an_error_that_says_to_install_graphviz() {
    let options = SvgOptions::new()
        .backend(Backend::Dot)
        .dot_program(missing_dot());
    let err = structure()
        .to_svg(&DrawOptions::new(), &options)
        .unwrap_err();
    let cause = match &err {
        RenderError::DotUnavailable { program, cause } => {
            assert_eq!(program, &missing_dot());
            assert_eq!(cause.kind(), std::io::ErrorKind::NotFound);
            cause.to_string()
        }
        other => panic!("expected DotUnavailable, got {other:?}"),
    };
    let message = err.to_string();
    assert!(message.contains("install Graphviz"), "{message}");
    assert!(message.contains("Backend::Embedded"), "{message}");
    // The io error is said once: in the message, and not again as the
    // error's source, so that a printed chain does not repeat it.
    assert!(message.contains(&cause), "{message}");
    assert!(
        std::error::Error::source(&err).is_none(),
        "the io error is in the message already"
    );
}

#[test]
fn auto_falls_back_to_the_embedded_renderer_with_a_warning() {
    let options = SvgOptions::new().dot_program(missing_dot());
    let svg = structure().to_svg(&DrawOptions::new(), &options).unwrap();
    assert_eq!(svg.backend(), Backend::Embedded);
    assert!(
        svg.warnings()[0].contains("could not be run"),
        "{:?}",
        svg.warnings()
    );
    assert!(
        svg.warnings()[0].contains("install Graphviz"),
        "{:?}",
        svg.warnings()
    );
    assert!(svg.as_str().contains("Trust Board"));
}
