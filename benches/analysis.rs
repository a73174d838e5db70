//! Benchmarks of every analysis and of the whole report on generated
//! national-scale structures: 10,000 bodies with 100,000 seats, and 100,000
//! bodies with 1,000,000 seats.
//!
//! ```text
//! cargo bench --bench analysis -- --warm-up-time 1 --measurement-time 3
//! ```

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use govgraph::{
    BodyKind, BodySpec, DuplicationOptions, MeetingPattern, MemberKind, MemberSpec, Role, Status,
    Structure,
};

/// A small deterministic generator (xorshift64*), so the benches need no
/// random-number crate and every run measures the same structure.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// Uniform in `0..n`.
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// Uniform in `0.0..1.0`.
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// In `0..n`, skewed towards 0 the way word and theme use is: a few are
    /// everywhere, most are rare.
    fn skewed(&mut self, n: usize) -> usize {
        ((n as f64) * self.unit().powi(3)) as usize
    }

    /// Percent chance.
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

const THEMES: &[&str] = &[
    "safeguarding",
    "health",
    "parenting",
    "education",
    "play",
    "youth",
    "disability",
    "early years",
    "mental health",
    "carers",
    "commissioning",
    "workforce",
    "housing",
    "employment",
    "offending",
    "substance misuse",
    "sexual health",
    "participation",
    "looked after children",
    "schools",
    "transport",
    "poverty",
    "domestic violence",
    "bullying",
    "online safety",
    "nutrition",
    "sport",
    "culture",
    "libraries",
    "transition",
];

const KINDS: &[BodyKind] = &[
    BodyKind::Board,
    BodyKind::Executive,
    BodyKind::Partnership,
    BodyKind::Group,
    BodyKind::SubGroup,
    BodyKind::Panel,
    BodyKind::Forum,
    BodyKind::Network,
    BodyKind::Project,
    BodyKind::TaskAndFinishGroup,
];

const PATTERNS: &[MeetingPattern] = &[
    MeetingPattern::EveryMonths(1),
    MeetingPattern::EveryMonths(2),
    MeetingPattern::EveryMonths(3),
    MeetingPattern::EveryWeeks(6),
    MeetingPattern::TimesAYear(2),
    MeetingPattern::Termly,
];

/// A structure of `bodies` bodies and about `seats` seats: one apex per
/// thousand bodies, every other body accountable to an earlier one (a
/// random recursive tree, so chains are a few tens long), 5% with a second
/// parent, 1% with none, a tenth not active; 1 to 3 themes, a purpose and
/// up to three functions from a vocabulary of two words a body, skewed so
/// that a few words are everywhere and most are rare (a national structure
/// names more places, programmes and services than a local one); seats
/// held by `bodies` posts, skewed so that a few posts sit on hundreds of
/// bodies and most on a handful. One body in a hundred restates the themes,
/// purpose and functions of an earlier one.
fn generate(bodies: usize, seats: usize) -> Structure {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15 ^ bodies as u64);
    let members = bodies;
    let seats_per_body = seats / bodies;
    let mut builder = Structure::builder();
    for m in 0..members {
        builder = builder.member(MemberSpec::new(
            format!("m{m:07}"),
            format!("Post {m}"),
            MemberKind::Post,
        ));
    }
    let vocabulary = bodies * 2;
    let words = |rng: &mut Rng, count: usize| -> String {
        (0..count)
            .map(|_| format!("w{}", rng.skewed(vocabulary)))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut texts: Vec<(Vec<&str>, String, Vec<String>)> = Vec::with_capacity(bodies);
    for b in 0..bodies {
        let id = format!("b{b:07}");
        let kind = KINDS[rng.below(KINDS.len())];
        let mut spec = BodySpec::new(id.as_str(), format!("Body {b}"), kind);
        if b % 1000 == 0 {
            spec = spec.apex();
        } else if !rng.chance(1) {
            spec = spec.reports_to(format!("b{:07}", rng.below(b)).as_str());
            if rng.chance(5) {
                spec = spec.sub_group_of(format!("b{:07}", rng.below(b)).as_str());
            }
        }
        if rng.chance(10) {
            spec = spec.status([Status::OnHold, Status::Dormant, Status::NeverMet][rng.below(3)]);
        }
        if rng.chance(1) && b > 0 {
            spec = spec.scrutinises(format!("b{:07}", rng.below(b)).as_str());
        }
        // One body in a hundred restates what an earlier one does, so that
        // duplication has pairs to find and evidence to gather.
        let text = match texts.len() {
            n if n > 0 && rng.chance(1) => texts[rng.below(n)].clone(),
            _ => {
                let themes = (0..1 + rng.below(3))
                    .map(|_| THEMES[rng.skewed(THEMES.len())])
                    .collect();
                let purpose_length = 4 + rng.below(6);
                let purpose = words(&mut rng, purpose_length);
                let functions = (0..rng.below(4))
                    .map(|_| {
                        let function_length = 3 + rng.below(4);
                        words(&mut rng, function_length)
                    })
                    .collect();
                (themes, purpose, functions)
            }
        };
        for theme in &text.0 {
            spec = spec.theme(*theme);
        }
        spec = spec.purpose(text.1.as_str());
        for function in &text.2 {
            spec = spec.function(function.as_str());
        }
        texts.push(text);
        if !rng.chance(20) {
            spec = spec.meets(PATTERNS[rng.below(PATTERNS.len())]);
        }
        spec = spec.tier(format!("Tier {}", b % 10));
        for _ in 0..seats_per_body {
            let member = (members as f64 * rng.unit().powi(2)) as usize;
            spec = spec.seat(format!("m{member:07}").as_str(), Role::Member);
        }
        builder = builder.body(spec);
    }
    builder.build().expect("the generated structure is valid")
}

fn analyses(c: &mut Criterion) {
    let s = generate(10_000, 100_000);
    let apex = s.bodies().find(|b| b.apex).unwrap().id.clone();
    let mut group = c.benchmark_group("10k bodies, 100k seats");
    group.sample_size(10);
    group.bench_function("orphans", |b| b.iter(|| s.orphans()));
    group.bench_function("closure_impact", |b| {
        b.iter(|| s.closure_impact(apex.as_str()))
    });
    group.bench_function("duplicates", |b| {
        b.iter(|| s.duplicates(&DuplicationOptions::new()))
    });
    group.bench_function("cycles", |b| b.iter(|| s.cycles()));
    group.bench_function("mutual_scrutiny", |b| b.iter(|| s.mutual_scrutiny()));
    group.bench_function("multiple_accountability", |b| {
        b.iter(|| s.multiple_accountability())
    });
    group.bench_function("interlocks", |b| b.iter(|| s.interlocks(3)));
    group.bench_function("governance_load", |b| b.iter(|| s.governance_load()));
    group.bench_function("summary", |b| b.iter(|| s.summary()));
    group.bench_function("report", |b| b.iter(|| s.report()));
    group.finish();
}

fn scaling(c: &mut Criterion) {
    // Duplication at ten times the size: linear growth shows it does not
    // compare all pairs (which would be a hundred times the work).
    let mut group = c.benchmark_group("scaling");
    group.sample_size(10);
    for bodies in [10_000, 100_000] {
        let s = generate(bodies, bodies * 10);
        group.bench_with_input(BenchmarkId::new("duplicates", bodies), &s, |b, s| {
            b.iter(|| s.duplicates(&DuplicationOptions::new()))
        });
        group.bench_with_input(BenchmarkId::new("report", bodies), &s, |b, s| {
            b.iter(|| s.report())
        });
    }
    group.finish();
}

criterion_group!(benches, analyses, scaling);
criterion_main!(benches);
