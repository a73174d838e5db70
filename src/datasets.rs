//! The structures of the three council papers govgraph is built from,
//! bundled with the crate so they can be used from code and in tests.
//!
//! Each dataset is a TOML structure file under `data/` in the crate, compiled
//! in with `include_str!`. Every body and relation says where in its paper it
//! comes from (`source`), and every assumption the paper does not settle is
//! written in a `note`, on the body or relation it concerns and in the
//! structure's own [`Meta::note`](crate::Meta::note).
//!
//! The functions return a [`Structure`] rather than a `Result`: the files are
//! part of the crate, not input, and the crate's tests load every one of
//! them, so a failure here would be a bug in govgraph, not something a caller
//! could handle. Each call parses its file afresh (a few milliseconds), so
//! keep the result if you need it more than once.
//!
//! ```
//! use govgraph::datasets;
//!
//! let solihull = datasets::solihull_2011();
//! let stay_safe = solihull.body("stay-safe").unwrap();
//! assert_eq!(stay_safe.name, "Stay Safe Outcome Group");
//! assert!(!stay_safe.is_active());
//! ```

use crate::model::Structure;

/// Solihull's Children and Young People's Trust in June 2011, from the
/// review paper of that month: the 34 groups of its section 5 with their
/// role and current position, the statutory and partnership bodies around
/// them (LSCB, Solihull Partnership, Health and Well-Being Board, Joint
/// Commissioning Board, the schools' Accountability Board and community
/// collaboratives), the Integrated Working Programme Board's 13 projects,
/// and the partner organisations.
///
/// # Panics
///
/// Never in a released crate: the bundled file is checked by the crate's
/// tests.
///
/// # Examples
///
/// ```
/// let solihull = govgraph::datasets::solihull_2011();
/// assert_eq!(solihull.meta().date, Some(govgraph::Date::month(2011, 6).unwrap()));
/// assert!(solihull.body("lscb").unwrap().statutory);
/// ```
pub fn solihull_2011() -> Structure {
    load(
        "data/solihull-2011.toml",
        include_str!("../data/solihull-2011.toml"),
    )
}

/// Halton's Children's Trust arrangements of February 2008: the six bodies
/// of the report's Appendix 1 (Alliance Board, Alliance Executive,
/// Commissioning Partnership, Performance Management Group, Task Groups,
/// Mini Trusts) with every function and membership row, the bodies and
/// organisations around them, and the two lines of accountability of the
/// PCT's Assistant Director, Child & Family Health.
///
/// # Panics
///
/// Never in a released crate: the bundled file is checked by the crate's
/// tests.
///
/// # Examples
///
/// ```
/// let halton = govgraph::datasets::halton_2008();
/// let parents: Vec<&str> = halton.accountable_parents("pct-assistant-director").collect();
/// assert_eq!(parents.len(), 2);
/// ```
pub fn halton_2008() -> Structure {
    load(
        "data/halton-2008.toml",
        include_str!("../data/halton-2008.toml"),
    )
}

/// Leicestershire's Children's Trust arrangements as they stood in October
/// 2009: a Board, an Executive accountable to it, age-related and
/// cross-cutting groups reporting to the Executive, and the LSCB and Youth
/// Offending Service Board whose relationship with the Board runs both ways.
///
/// Compare it with [`leicestershire_2009_proposed`] through
/// [`Structure::diff`]: bodies that persist keep their ids.
///
/// # Panics
///
/// Never in a released crate: the bundled file is checked by the crate's
/// tests.
///
/// # Examples
///
/// ```
/// let current = govgraph::datasets::leicestershire_2009_current();
/// assert_eq!(current.accountable_parents("cyp-executive").collect::<Vec<_>>(), ["cyp-board"]);
/// ```
pub fn leicestershire_2009_current() -> Structure {
    load(
        "data/leicestershire-2009-current.toml",
        include_str!("../data/leicestershire-2009-current.toml"),
    )
}

/// Leicestershire's proposed Children's Trust arrangements of October 2009:
/// the Executive oversees working groups targeted at the joint commissioning
/// priorities instead of the age-related and cross-cutting groups, with
/// dedicated programme management and data analyst support, and the Board
/// keeps the Lead Member as its chair with a vice chair from another
/// statutory organisation.
///
/// # Panics
///
/// Never in a released crate: the bundled file is checked by the crate's
/// tests.
///
/// # Examples
///
/// ```
/// use govgraph::datasets;
///
/// let changes = datasets::leicestershire_2009_current().diff(&datasets::leicestershire_2009_proposed());
/// assert!(changes.removed.iter().any(|b| b.body.id.as_str() == "age-related-groups"));
/// ```
pub fn leicestershire_2009_proposed() -> Structure {
    load(
        "data/leicestershire-2009-proposed.toml",
        include_str!("../data/leicestershire-2009-proposed.toml"),
    )
}

/// Parses a bundled file. The crate's tests load every dataset, so this can
/// only panic if a bundled file was broken without running them.
fn load(path: &str, text: &str) -> Structure {
    match Structure::from_toml_str(text) {
        Ok(structure) => structure,
        Err(error) => panic!("bundled dataset {path} is invalid: {error}"),
    }
}
