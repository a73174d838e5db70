//! The same structure gives byte-identical DOT and SVG, whatever order it
//! was built in, however many times it is drawn.

mod render_support;

use govgraph::{
    Backend, BodyKind, BodySpec, DrawOptions, Overlay, RankDir, Status, Structure, SvgOptions,
};

/// A small trust with tiers, statuses, several relation kinds and an
/// overlay, built from its bodies in the given order.
fn trust(order: &[usize]) -> Structure {
    let bodies = [
        BodySpec::new("board", "Trust Board", BodyKind::Board)
            .apex()
            .status(Status::OnHold),
        BodySpec::new("lscb", "LSCB", BodyKind::Board)
            .apex()
            .statutory()
            .scrutinises("board"),
        BodySpec::new("pcg", "Performance & Commissioning Group", BodyKind::Group)
            .reports_to("board"),
        BodySpec::new("healthy", "Be Healthy Outcome Group", BodyKind::Group)
            .tier("Outcome Groups")
            .reports_to("pcg"),
        BodySpec::new("safe", "Stay Safe Outcome Group", BodyKind::Group)
            .tier("Outcome Groups")
            .status(Status::NeverMet)
            .reports_to("pcg"),
        BodySpec::new("econ", "Economic Wellbeing Outcome Group", BodyKind::Group)
            .tier("Outcome Groups")
            .status(Status::Merged)
            .merged_into("healthy"),
        BodySpec::new(
            "iwpb",
            "Integrated Working Programme Board",
            BodyKind::ProgrammeBoard,
        )
        .tier("Outcome Groups")
        .reports_to("pcg")
        .oversees("lincs"),
        BodySpec::new("lincs", "LINCS", BodyKind::Project).tier("Strategy / Delivery Groups"),
        BodySpec::new("forum", "Parents Forum", BodyKind::Forum)
            .tier("Strategy / Delivery Groups")
            .feeds_into("board"),
        BodySpec::new("play", "Play Partnership", BodyKind::Partnership)
            .tier("Strategy / Delivery Groups")
            .status(Status::Dormant),
    ];
    let mut builder = Structure::builder().name("A trust");
    for &i in order {
        builder = builder.body(bodies[i].clone());
    }
    builder.build().unwrap()
}

fn options(rankdir: RankDir) -> DrawOptions {
    DrawOptions::new().rankdir(rankdir).overlay(
        Overlay::new()
            .mark("play", "orphan")
            .mark("lincs", "inactive parent")
            .duplicate("safe", "lscb")
            .highlight("lscb", "board", "mutual scrutiny"),
    )
}

const FORWARD: [usize; 10] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
const SHUFFLED: [usize; 10] = [7, 2, 9, 0, 5, 3, 8, 1, 6, 4];

#[test]
fn dot_is_identical_whatever_the_build_order() {
    for rankdir in [RankDir::TopToBottom, RankDir::LeftToRight] {
        let first = trust(&FORWARD).to_dot(&options(rankdir));
        assert_eq!(first, trust(&SHUFFLED).to_dot(&options(rankdir)));
        assert_eq!(first, trust(&FORWARD).to_dot(&options(rankdir)));
    }
}

fn svg(structure: &Structure, rankdir: RankDir, backend: Backend) -> String {
    structure
        .to_svg(&options(rankdir), &SvgOptions::new().backend(backend))
        .unwrap()
        .into_string()
}

#[test]
fn embedded_svg_is_identical_every_time() {
    for rankdir in [RankDir::TopToBottom, RankDir::LeftToRight] {
        let first = svg(&trust(&FORWARD), rankdir, Backend::Embedded);
        // Repeating the drawing would show any order leaking out of a
        // hash map or a sort that is not total.
        for _ in 0..5 {
            assert_eq!(first, svg(&trust(&FORWARD), rankdir, Backend::Embedded));
        }
        assert_eq!(first, svg(&trust(&SHUFFLED), rankdir, Backend::Embedded));
    }
}

#[test]
fn dot_svg_is_identical_every_time() {
    if !render_support::dot_available("dot_svg_is_identical_every_time") {
        return;
    }
    for rankdir in [RankDir::TopToBottom, RankDir::LeftToRight] {
        let first = svg(&trust(&FORWARD), rankdir, Backend::Dot);
        assert_eq!(first, svg(&trust(&FORWARD), rankdir, Backend::Dot));
        assert_eq!(first, svg(&trust(&SHUFFLED), rankdir, Backend::Dot));
    }
}
