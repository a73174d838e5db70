//! govgraph models the governance structure of a public-sector partnership
//! (a council's Children's Trust, its boards, executives, outcome groups,
//! sub-groups and task-and-finish groups, and the statutory boards around
//! them) as a directed graph.
//!
//! A [`Structure`] is loaded from a TOML or JSON file, or built in code with
//! [`Structure::builder`]; either way it is validated, and every problem is
//! reported at once with where it is.
//!
//! ```
//! use govgraph::Structure;
//!
//! let s = Structure::from_toml_str(r#"
//!     [[body]]
//!     id = "board"
//!     name = "Children's Trust Board"
//!     kind = "board"
//!     apex = true
//!
//!     [[body]]
//!     id = "stay-safe"
//!     name = "Stay Safe Outcome Group"
//!     kind = "group"
//!     status = "never met"
//!     reports_to = ["board"]
//! "#)?;
//! let inactive: Vec<&str> = s.bodies().filter(|b| !b.is_active()).map(|b| b.name.as_str()).collect();
//! assert_eq!(inactive, ["Stay Safe Outcome Group"]);
//! # Ok::<(), govgraph::Error>(())
//! ```
#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod analysis;
mod builder;
pub mod datasets;
mod date;
mod diff;
mod error;
pub mod generate;
mod graph;
mod interop;
mod load;
mod model;
mod render;
mod suggest;
mod threads;
mod time;

/// A hash map for lookups only; its iteration order never reaches output.
pub(crate) type FastMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;

pub use analysis::{
    Allowed, BodyLoad, ClosureImpact, ComponentScores, Counts, Cycle, Duplicate,
    DuplicationOptions, Finding, FindingKind, FindingsError, GovernanceLoad, Interlock, MemberLoad,
    MultipleAccountability, MutualScrutiny, Orphan, OrphanCase, Report, ReportOptions, Span,
    Summary, TierCounts, UnwantedFinding,
};
pub use builder::{BodySpec, MemberSpec, Seat, StructureBuilder, Target};
pub use date::DateError;
pub use diff::{
    BodyEntry, Changes, Merger, Named, RelationChange, Reparenting, SeatChange, StatusChange,
};
pub use error::{Error, ErrorKind, Location, Problem, ProblemKind};
pub use graph::Graph;
pub use interop::popolo;
pub use load::Format;
pub use model::{
    Accountability, Body, BodyKind, Date, Entity, Id, MeetingPattern, Member, MemberKind,
    Membership, Meta, Relation, RelationKind, Role, Status, Structure, Succession, UnknownWord,
};
pub use render::{
    Backend, DrawOptions, Html, MembersOptions, Overlay, RankDir, RenderError, Svg, SvgOptions,
};

/// The README's examples, run as doctests so the README stays true.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
