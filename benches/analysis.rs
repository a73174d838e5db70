//! Benchmarks of every analysis and of the whole report on generated
//! national-scale structures (`govgraph::generate`): 1,000, 10,000 and
//! 100,000 bodies, ten seats a body, up to a million memberships.
//!
//! ```text
//! cargo bench --bench analysis
//! ```
//!
//! Each size is ten times the one before; an analysis that grows about ten
//! times with it is linear. Duplication in particular would grow a hundred
//! times if it compared every pair.

mod support;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use govgraph::{DuplicationOptions, OverlapOptions};

fn analyses(c: &mut Criterion) {
    for size in support::SIZES {
        let s = support::structure(size);
        let apex = s.bodies().find(|b| b.apex).unwrap().id.clone();
        let mut group = c.benchmark_group("analysis");
        support::configure(&mut group, size);
        let bench = |group: &mut criterion::BenchmarkGroup<'_, _>, name: &str, f: &dyn Fn()| {
            group.bench_function(BenchmarkId::new(name, size.bodies), |b| b.iter(f));
        };
        bench(&mut group, "orphans", &|| drop(s.orphans()));
        bench(&mut group, "closure_impact", &|| {
            drop(s.closure_impact(apex.as_str()))
        });
        bench(&mut group, "duplicates", &|| {
            drop(s.duplicates(&DuplicationOptions::new()))
        });
        // The bound prunes: a higher threshold scores fewer pairs, so it
        // must cost less, not the same.
        bench(&mut group, "duplicates_threshold_0.1", &|| {
            drop(s.duplicates(&DuplicationOptions::new().threshold(0.1)))
        });
        bench(&mut group, "cycles", &|| drop(s.cycles()));
        bench(&mut group, "mutual_scrutiny", &|| drop(s.mutual_scrutiny()));
        bench(&mut group, "multiple_accountability", &|| {
            drop(s.multiple_accountability())
        });
        bench(&mut group, "interlocks", &|| drop(s.interlocks(3)));
        bench(&mut group, "overlaps", &|| {
            drop(s.overlaps(&OverlapOptions::new()))
        });
        bench(&mut group, "cross_seats", &|| drop(s.cross_seats()));
        bench(&mut group, "reciprocal_seats", &|| {
            drop(s.reciprocal_seats())
        });
        bench(&mut group, "governance_load", &|| drop(s.governance_load()));
        bench(&mut group, "summary", &|| drop(s.summary()));
        bench(&mut group, "analyse", &|| drop(s.analyse()));
        bench(&mut group, "report", &|| drop(s.report()));
        group.finish();
    }
}

criterion_group!(benches, analyses);
criterion_main!(benches);
