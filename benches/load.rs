//! Loading and saving structure files at national scale: TOML and JSON, at
//! 1,000, 10,000 and 100,000 bodies (10 to 1,000,000 memberships).
//!
//! `cargo bench --bench load`. Each structure is generated and written once;
//! what is measured is parsing and validating the text into a `Structure`
//! (the structure is dropped outside the measurement), writing it back, and
//! what a tool that checks a file does: load it and run the whole report.

mod support;

use std::hint::black_box;

use criterion::{BatchSize, BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use govgraph::Structure;

fn load_and_save(c: &mut Criterion) {
    for size in support::SIZES {
        let structure = support::structure(size);
        let toml = structure.to_toml_string().unwrap();
        let json = structure.to_json_string().unwrap();
        type Parse = fn(&str) -> Result<Structure, govgraph::Error>;
        let formats: [(&str, &String, Parse); 2] = [
            ("toml", &toml, Structure::from_toml_str),
            ("json", &json, Structure::from_json_str),
        ];

        let mut load = c.benchmark_group("load");
        support::configure(&mut load, size);
        for (format, text, parse) in formats {
            load.throughput(Throughput::Bytes(text.len() as u64));
            load.bench_with_input(BenchmarkId::new(format, size.bodies), text, |b, text| {
                b.iter_batched(
                    || (),
                    |()| parse(black_box(text)).unwrap(),
                    BatchSize::PerIteration,
                )
            });
        }
        load.finish();

        let mut checked = c.benchmark_group("load_and_report");
        support::configure(&mut checked, size);
        for (format, text, parse) in formats {
            checked.bench_with_input(BenchmarkId::new(format, size.bodies), text, |b, text| {
                b.iter_batched(
                    || (),
                    |()| {
                        let structure = parse(black_box(text)).unwrap();
                        let report = structure.report();
                        (structure, report)
                    },
                    BatchSize::PerIteration,
                )
            });
        }
        checked.finish();

        let mut save = c.benchmark_group("save");
        support::configure(&mut save, size);
        save.throughput(Throughput::Bytes(toml.len() as u64));
        save.bench_with_input(BenchmarkId::new("toml", size.bodies), &structure, |b, s| {
            b.iter(|| black_box(s).to_toml_string().unwrap())
        });
        save.throughput(Throughput::Bytes(json.len() as u64));
        save.bench_with_input(BenchmarkId::new("json", size.bodies), &structure, |b, s| {
            b.iter(|| black_box(s).to_json_string().unwrap())
        });
        save.finish();
    }
}

criterion_group!(benches, load_and_save);
criterion_main!(benches);
