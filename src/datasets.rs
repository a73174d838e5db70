//! The structures of the council papers govgraph is built from, and of six
//! authorities of Kent's June 2011 survey of Children's Trust arrangements,
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

/// Staffordshire in June 2011, from its row of Kent's survey of Children's
/// Trust arrangements (table 1 row 6): the Children's Trust Board under
/// review, which recommended on 28 March 2011 that it would no longer meet
/// (its intended status), its Executive to have "links into the Health and
/// Wellbeing Board" (an intended relation), whose relationship "is still
/// being developed", and the 8 District Trust Boards dissolved and subsumed
/// into other new and existing local partnership arrangements, as one entry
/// and one succession.
///
/// # Panics
///
/// Never in a released crate: the bundled file is checked by the crate's
/// tests.
///
/// # Examples
///
/// ```
/// use govgraph::Status;
///
/// let staffordshire = govgraph::datasets::kent_2011_staffordshire();
/// let district = staffordshire.body("district-trust-boards").unwrap();
/// assert_eq!((district.count, district.status), (8, Status::Dissolved));
/// ```
pub fn kent_2011_staffordshire() -> Structure {
    load(
        "data/kent-2011-staffordshire.toml",
        include_str!("../data/kent-2011-staffordshire.toml"),
    )
}

/// Hertfordshire in June 2011, from its row of Kent's survey (table 2
/// row 7): the Children's Trust Executive not continuing after its last
/// meeting in May, replaced by a Strategic Commissioning Group for
/// Children's Services being established, which will report to the Health
/// and Wellbeing Board and have three commissioning groups reporting to it;
/// the District Children's Trust Partnerships that reported to the Local
/// Strategic Partnerships, "not the Children's Trust".
///
/// # Panics
///
/// Never in a released crate: the bundled file is checked by the crate's
/// tests.
///
/// # Examples
///
/// ```
/// let hertfordshire = govgraph::datasets::kent_2011_hertfordshire();
/// let mut groups: Vec<&str> = hertfordshire
///     .bodies()
///     .filter(|b| hertfordshire.accountable_parents(b.id.as_str()).any(|p| p == "scg"))
///     .map(|b| b.name.as_str())
///     .collect();
/// groups.sort_unstable();
/// assert_eq!(groups, ["Children living away from home", "Children with complex needs", "Early Intervention"]);
/// ```
pub fn kent_2011_hertfordshire() -> Structure {
    load(
        "data/kent-2011-hertfordshire.toml",
        include_str!("../data/kent-2011-hertfordshire.toml"),
    )
}

/// Essex in June 2011, from its row of Kent's survey (table 1 row 3): the
/// Children's Joint Strategic Commissioning Group, as the main Children's
/// Trust Board is called, a sub-group of the Health and Wellbeing Board, and
/// five local children's delivery and commissioning boards in one entry.
///
/// # Panics
///
/// Never in a released crate: the bundled file is checked by the crate's
/// tests.
///
/// # Examples
///
/// ```
/// let essex = govgraph::datasets::kent_2011_essex();
/// assert_eq!(essex.accountable_parents("jscg").collect::<Vec<_>>(), ["hwb"]);
/// assert_eq!(essex.body("local-boards").unwrap().count, 5);
/// ```
pub fn kent_2011_essex() -> Structure {
    load(
        "data/kent-2011-essex.toml",
        include_str!("../data/kent-2011-essex.toml"),
    )
}

/// Wolverhampton in June 2011, from its row of Kent's survey (table 2
/// row 17): the Children's Trust Board, challenged by an independent LSCB
/// that will report annually to the Health and Wellbeing Board, sending an
/// annual report to the City Council Cabinet, with three sub-boards likely;
/// the Shadow Health and Wellbeing Board with the Portfolio Holder for
/// Children & Young People on it.
///
/// # Panics
///
/// Never in a released crate: the bundled file is checked by the crate's
/// tests.
///
/// # Examples
///
/// ```
/// use govgraph::Status;
///
/// let wolverhampton = govgraph::datasets::kent_2011_wolverhampton();
/// assert_eq!(wolverhampton.body("hwbb").unwrap().status, Status::Shadow);
/// assert!(wolverhampton.mutual_scrutiny().is_empty());
/// ```
pub fn kent_2011_wolverhampton() -> Structure {
    load(
        "data/kent-2011-wolverhampton.toml",
        include_str!("../data/kent-2011-wolverhampton.toml"),
    )
}

/// Lancashire in December 2010, from its row of Kent's survey (table 1
/// row 4, "Correct as at December 2010"): the Children's Trust, which is
/// "working toward" merging with the Health and Wellbeing Board (an
/// intended merger), and the 12 local groups linked with the 12 districts in
/// one entry.
///
/// # Panics
///
/// Never in a released crate: the bundled file is checked by the crate's
/// tests.
///
/// # Examples
///
/// ```
/// use govgraph::Status;
///
/// let lancashire = govgraph::datasets::kent_2011_lancashire();
/// assert!(lancashire.body("ct").unwrap().is_active());
/// assert_eq!(lancashire.as_intended().body("ct").unwrap().status, Status::Merged);
/// ```
pub fn kent_2011_lancashire() -> Structure {
    load(
        "data/kent-2011-lancashire.toml",
        include_str!("../data/kent-2011-lancashire.toml"),
    )
}

/// Herefordshire in June 2011, from its row of Kent's survey (table 2
/// row 6): the Children's Trust Board continuing under a new banner, its
/// subgroups finished, its new membership intended; the Director of
/// Children's Services and the Director of Public Health sitting on it and
/// on the Health and Wellbeing Board, with "nothing formalised as yet"; and
/// the Local Strategic Partnership moving to 9 locality partnerships.
///
/// # Panics
///
/// Never in a released crate: the bundled file is checked by the crate's
/// tests.
///
/// # Examples
///
/// ```
/// let herefordshire = govgraph::datasets::kent_2011_herefordshire();
/// let dcs_on: Vec<&str> = herefordshire
///     .memberships()
///     .iter()
///     .filter(|m| m.member.as_str() == "dcs")
///     .map(|m| m.body.as_str())
///     .collect();
/// assert_eq!(dcs_on, ["ct-board", "hwb"]);
/// ```
pub fn kent_2011_herefordshire() -> Structure {
    load(
        "data/kent-2011-herefordshire.toml",
        include_str!("../data/kent-2011-herefordshire.toml"),
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
