//! Inputs the `render_svg` fuzz target found, kept so that `cargo test`
//! runs them on stable. Each fixture is a fuzzer's mutation of the bundled
//! data files, under the crate's licence.
//!
//! `render_svg-leak-5a3701939dc9.toml`: drawn by `dot`, it was reported by
//! LeakSanitizer because the threads that served `dot`'s pipes were left to
//! end on their own after the call returned. They are now joined once each
//! has reported. The count of threads checked here catches a thread that
//! outlives the call by more than a moment (one blocked on a pipe); the
//! leak the fuzzer saw was a thread still exiting, which only the fuzz
//! target, run again, can show gone. This file holds a single test, so that
//! no other test's threads change the count.

mod render_support;

use govgraph::{Backend, DrawOptions, Overlay, Structure, SvgOptions};
use render_support::{dot_available, parse_svg};

/// The threads of this process, where the system says (Linux).
fn threads() -> Option<usize> {
    std::fs::read_dir("/proc/self/task")
        .ok()
        .map(|tasks| tasks.count())
}

/// The threads of this process once those already joined have gone: a
/// joined thread can still be listed in `/proc/self/task` for a moment
/// after `join` returns, while one left serving a pipe stays listed. Waits
/// up to two seconds for the count to come down to `expected`.
fn threads_settled(expected: Option<usize>) -> Option<usize> {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(2);
    loop {
        let now = threads();
        if now <= expected || std::time::Instant::now() >= deadline {
            return now;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
}

#[test]
fn a_long_name_full_of_markup_draws_and_leaves_no_thread_behind() {
    let text = include_str!("fixtures/fuzz/render_svg-leak-5a3701939dc9.toml");
    let structure = Structure::from_toml_str(text).unwrap();
    let draw = DrawOptions::new().overlay(Overlay::from(&structure.report()));

    let svg = structure
        .to_svg(&draw, &SvgOptions::new().backend(Backend::Embedded))
        .unwrap();
    parse_svg(svg.as_str());

    if !dot_available("a_long_name_full_of_markup_draws_and_leaves_no_thread_behind") {
        return;
    }
    let before = threads();
    for _ in 0..5 {
        let svg = structure
            .to_svg(&draw, &SvgOptions::new().backend(Backend::Dot))
            .unwrap();
        parse_svg(svg.as_str());
        assert_eq!(
            threads_settled(before),
            before,
            "a thread that served dot is still running"
        );
    }
}
