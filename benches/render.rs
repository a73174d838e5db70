//! How long drawing takes: DOT export of the generated national-scale
//! structures every bench shares (1,000 to 100,000 bodies), and the embedded
//! renderer on generated structures of 50, 200 and 500 bodies (authorities
//! like Solihull's, with tiers, findings marked), on trees with cross-links
//! and tiers, and on twenty bodies that all feed into each other (the
//! densest drawing within its default budget).

mod support;

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use govgraph::generate::{self, GeneratorOptions};
use govgraph::{Backend, BodyKind, BodySpec, DrawOptions, Overlay, RankDir, Structure, SvgOptions};

/// A tree in which each body reports to one of the bodies before it (four
/// children each), every seventh feeds into a body elsewhere, and every
/// fifth sits in one of three tiers.
fn tree(bodies: usize) -> Structure {
    let mut builder = Structure::builder();
    for i in 0..bodies {
        let mut body = BodySpec::new(
            format!("b{i:05}"),
            format!("Body number {i} group"),
            BodyKind::Group,
        );
        if i > 0 {
            body = body.reports_to(format!("b{:05}", (i - 1) / 4));
        }
        if i % 7 == 3 && i > 20 {
            body = body.feeds_into(format!("b{:05}", (i * 13) % (i / 2)));
        }
        if i % 5 == 0 {
            body = body.tier(format!("Tier {}", i % 3));
        }
        builder = builder.body(body);
    }
    builder.build().expect("the generated tree is valid")
}

/// `bodies` bodies, each feeding into every other.
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
    builder.build().expect("the dense structure is valid")
}

fn render(c: &mut Criterion) {
    let options = DrawOptions::new();
    for size in support::SIZES {
        let structure = support::structure(size);
        let mut dot = c.benchmark_group("to_dot");
        support::configure(&mut dot, size);
        dot.bench_with_input(
            BenchmarkId::from_parameter(size.bodies),
            &structure,
            |b, s| b.iter(|| black_box(s.to_dot(&options))),
        );
        dot.finish();
    }

    let svg_options = SvgOptions::new().backend(Backend::Embedded);
    let mut embedded = c.benchmark_group("embedded_svg");
    embedded.sample_size(20);
    for bodies in [50, 200, 500] {
        let structure = generate::structure(&GeneratorOptions::new().bodies(bodies).seed(2011));
        let marked = DrawOptions::new()
            .rankdir(RankDir::LeftToRight)
            .overlay(Overlay::from(&structure.report()));
        embedded.bench_with_input(BenchmarkId::new("generated", bodies), &structure, |b, s| {
            b.iter(|| black_box(s.to_svg(&marked, &svg_options).expect("within the limit")))
        });
    }
    for bodies in [50, 200, 500] {
        let structure = tree(bodies);
        embedded.bench_with_input(BenchmarkId::new("tree", bodies), &structure, |b, s| {
            b.iter(|| black_box(s.to_svg(&options, &svg_options).expect("within the limit")))
        });
    }
    let dense = all_feed_into_each_other(20);
    embedded.bench_function("all_feed_into_each_other/20", |b| {
        b.iter(|| {
            black_box(
                dense
                    .to_svg(&options, &svg_options)
                    .expect("within the limit"),
            )
        })
    });
    embedded.finish();
}

criterion_group!(benches, render);
criterion_main!(benches);
