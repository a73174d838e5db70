//! Reading and writing Popolo JSON: the small Zimbabwe Senate file kept in
//! the tests, and the larger Estonia file from the shared data folder beside
//! the repository (skipped, with a notice, when that folder is absent). The
//! Estonia structure is also read from govgraph's own JSON format, so the
//! two loaders can be compared on the same structure.

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use govgraph::{Structure, popolo};

fn read(path: &Path) -> Option<String> {
    match std::fs::read_to_string(path) {
        Ok(text) => Some(text),
        Err(_) => {
            eprintln!("skipping: {} is absent", path.display());
            None
        }
    }
}

fn bench_file(c: &mut Criterion, name: &str, text: &str) {
    let import = popolo::from_json_str(text).unwrap();
    let mut group = c.benchmark_group(format!("popolo/{name}"));
    // Throughput counts the bytes each benchmark reads or writes.
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("import", |b| {
        b.iter(|| popolo::from_json_str(black_box(text)).unwrap())
    });
    let written = popolo::to_json_string(import.structure()).unwrap();
    group.throughput(Throughput::Bytes(written.len() as u64));
    group.bench_function("export", |b| {
        b.iter(|| popolo::to_json_string(black_box(import.structure())).unwrap())
    });
    let written_back = import.to_json_string().unwrap();
    group.throughput(Throughput::Bytes(written_back.len() as u64));
    group.bench_function("export with kept fields", |b| {
        b.iter(|| black_box(&import).to_json_string().unwrap())
    });
    let own_format = import.structure().to_json_string().unwrap();
    group.throughput(Throughput::Bytes(own_format.len() as u64));
    group.bench_function("load the same structure from govgraph JSON", |b| {
        b.iter(|| Structure::from_json_str(black_box(&own_format)).unwrap())
    });
    group.finish();
}

fn popolo_files(c: &mut Criterion) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    if let Some(text) =
        read(&root.join("tests/fixtures/popolo/zimbabwe-senate-ep-popolo-v1.0.json"))
    {
        bench_file(c, "zimbabwe", &text);
    }
    if let Some(text) = read(&root.join("../shared/data/popolo/estonia-ep-popolo-v1.0.json")) {
        bench_file(c, "estonia", &text);
    }
}

criterion_group!(benches, popolo_files);
criterion_main!(benches);
