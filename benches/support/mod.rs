//! What every bench shares: the sizes, the generated structures, and how
//! long to measure each size so that a whole bench file runs in minutes.
//!
//! A bench file uses it with `mod support;` and, for each size, makes the
//! structure once with [`structure`] and sets up its group with
//! [`configure`].

#![allow(dead_code)]

use std::time::Duration;

use criterion::BenchmarkGroup;
use criterion::measurement::WallTime;
use govgraph::Structure;
use govgraph::generate::{self, GeneratorOptions};

/// A benchmark size: bodies, and the memberships spread over them.
#[derive(Clone, Copy, Debug)]
pub struct Size {
    pub bodies: usize,
    pub memberships: usize,
}

/// National scale in three steps of ten, ten seats a body: up to 100,000
/// bodies and a million memberships.
pub const SIZES: [Size; 3] = [
    Size {
        bodies: 1_000,
        memberships: 10_000,
    },
    Size {
        bodies: 10_000,
        memberships: 100_000,
    },
    Size {
        bodies: 100_000,
        memberships: 1_000_000,
    },
];

/// The seed every bench uses, so that they all measure the same structures.
pub const SEED: u64 = 2011;

/// The generator options for a size.
pub fn options(size: Size) -> GeneratorOptions {
    GeneratorOptions::new()
        .bodies(size.bodies)
        .memberships(size.memberships)
        .seed(SEED)
}

/// The structure for a size: 40-body authorities shaped like the source
/// papers (see `govgraph::generate`).
pub fn structure(size: Size) -> Structure {
    generate::structure(&options(size))
}

/// Sets how long to measure at this size: many samples of the small sizes,
/// the fewest criterion allows (ten) of the largest, whose runs take
/// seconds each.
pub fn configure(group: &mut BenchmarkGroup<'_, WallTime>, size: Size) {
    group.warm_up_time(Duration::from_millis(500));
    match size.bodies {
        0..=1_000 => group
            .sample_size(30)
            .measurement_time(Duration::from_secs(2)),
        1_001..=10_000 => group
            .sample_size(10)
            .measurement_time(Duration::from_secs(3)),
        _ => group
            .sample_size(10)
            .measurement_time(Duration::from_secs(1)),
    };
}
