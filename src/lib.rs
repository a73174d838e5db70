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
//!
//! The file's keys and words are listed in [`format`](mod@format), the complete
//! reference of the structure file.
//!
//! # Editing
//!
//! [`Structure::to_builder`] gives back a builder holding the whole
//! structure; change it and build it again, validated the same way, then
//! save it:
//!
//! ```
//! use govgraph::{Status, datasets};
//!
//! let edited = datasets::solihull_2011()
//!     .to_builder()
//!     .edit_body("stay-safe", |b| b.status(Status::Dissolved))
//!     .remove_body("play-partnership")
//!     .build()?;
//! let text = edited.to_toml_string()?;
//! assert!(text.contains("status = \"dissolved\""));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Where things are
//!
//! Every public type is re-exported here at the crate root, the short path
//! (`govgraph::Report`), and the types of each area have a module of their
//! own, the path that says where a type belongs (`govgraph::analysis::Report`):
//!
//! - the root: [`Structure`] and its parts ([`Body`], [`Member`],
//!   [`Membership`], [`Relation`], [`Id`], the vocabularies), building and
//!   editing ([`StructureBuilder`], [`BodySpec`]), the reading error
//!   ([`Error`], [`ErrorKind`], [`Problem`], [`Result`]) and the writing
//!   error ([`WriteError`]);
//! - [`analysis`]: [`Report`] and every finding;
//! - [`diff`]: [`Changes`] between two snapshots;
//! - [`render`]: [`DrawOptions`], [`SvgOptions`], [`Overlay`], [`RenderError`];
//! - [`popolo`]: Popolo JSON import and export;
//! - [`datasets`] and [`generate`]: the bundled structures, and synthetic
//!   ones;
//! - [`format`](mod@format): the structure file's reference (documentation only).
//!
//! # Errors
//!
//! Each concern has its own error: reading, parsing and validating a
//! structure fail with [`Error`], drawing with [`RenderError`], writing a
//! structure as text with [`WriteError`]. A function that does several can
//! return `Box<dyn std::error::Error>`, as the examples here do.
//!
//! # Features
//!
//! Every feature is on by default; a program that only loads and analyses
//! structures needs none of them (`default-features = false`).
//!
//! | Feature | What it brings |
//! |---|---|
//! | `embedded-svg` | `Backend::Embedded`, the pure-Rust SVG renderer (govgraph's own layout), and [`Backend::Auto`]'s fallback to it; without it, `Auto` is `dot`, and its errors say to install Graphviz or enable the feature |
//! | `popolo` | `popolo`: Popolo JSON import and export (and serde_json's `preserve_order`) |
//! | `datasets` | `datasets`: the bundled structure files |
//! | `generate` | `generate`: seeded synthetic structures |
//! | `petgraph` | `Structure::graph` and `Graph`, the petgraph views |
#![deny(missing_docs)]
#![forbid(unsafe_code)]
#![cfg_attr(docsrs, feature(doc_cfg))]

pub mod analysis;
mod builder;
#[cfg(feature = "datasets")]
#[cfg_attr(docsrs, doc(cfg(feature = "datasets")))]
pub mod datasets;
mod date;
pub mod diff;
mod error;
#[doc = include_str!("../docs/format.md")]
pub mod format {}
#[cfg(feature = "generate")]
#[cfg_attr(docsrs, doc(cfg(feature = "generate")))]
pub mod generate;
#[cfg(feature = "petgraph")]
mod graph;
#[cfg(feature = "popolo")]
mod interop;
mod load;
mod model;
pub mod render;
mod suggest;
mod threads;
mod time;
mod views;
mod write;

/// A hash map for lookups only; its iteration order never reaches output.
pub(crate) type FastMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;

pub use analysis::{
    Allowed, Analysis, BodyLoad, ChangedFinding, ClosureImpact, ComponentScores, Counts, CrossSeat,
    Cycle, Duplicate, DuplicationOptions, Finding, FindingChanges, FindingKind, FindingsError,
    GovernanceLoad, IntendedChange, Interlock, Led, MemberLoad, MultipleAccountability,
    MutualScrutiny, Orphan, OrphanCase, OtherRelation, Overlap, OverlapOptions, ReciprocalSeats,
    RelationGroup, Report, ReportOptions, Shared, Span, Summary, TierCounts, Unsettled,
    UnsettledReason, UnwantedFinding,
};
pub use builder::{BodySpec, MemberSpec, Seat, StructureBuilder, Target};
pub use date::DateError;
pub use diff::{
    Attribute, AttributeChange, BodyEntry, Changes, Merger, Named, RelationChange, Rename,
    Reparenting, SeatChange, StatusChange,
};
pub use error::{Error, ErrorKind, Location, Problem, ProblemKind, Result};
#[cfg(feature = "petgraph")]
#[cfg_attr(docsrs, doc(cfg(feature = "petgraph")))]
pub use graph::Graph;
#[cfg(feature = "popolo")]
#[cfg_attr(docsrs, doc(cfg(feature = "popolo")))]
pub use interop::popolo;
pub use load::Format;
pub use model::{
    Accountability, Body, BodyKind, Date, Entity, Id, MeetingPattern, Member, MemberKind,
    Membership, Meta, Relation, RelationKind, Role, Status, Structure, Succession, UnknownWord,
};
pub use render::{
    Backend, DrawOptions, Html, MembersOptions, Overlay, RankDir, RenderError, Svg, SvgOptions,
};
pub use write::WriteError;

/// The README's examples, run as doctests so the README stays true.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
