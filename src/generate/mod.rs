//! Synthetic governance structures of any size, for benchmarks, tests and
//! trying the crate on something bigger than one council.
//!
//! [`structure`] makes a [`Structure`] of many authorities, each shaped like
//! the partnerships in the papers this crate is built from:
//!
//! - a Children's Trust Board (an apex) with an Executive reporting to it;
//! - statutory boards that are apexes of their own: the Local Safeguarding
//!   Children Board, which scrutinises the Trust Board (and in about half of
//!   the authorities is scrutinised back, Leicestershire's "ambiguity"), the
//!   Health and Wellbeing Board, a committee of the council that a Joint
//!   Commissioning Board reports to, and a Youth Offending Service Board;
//! - the five outcome groups, strategy and delivery groups under them,
//!   sub-groups (some of the LSCB), task-and-finish groups, panels, forums,
//!   networks, a programme board overseeing projects, local area leadership
//!   teams under the council's directorate, and mini trusts;
//! - bodies that are on hold, dormant, never met, virtual, merged into
//!   another or dissolved, in the share the options ask for, so that some
//!   bodies lose their accountable route; a few bodies with no parent at all
//!   and a few with two; some that feed into a statutory board;
//! - occasional near-duplicate groups: the same topic, themes and nearly the
//!   same functions, under a different parent;
//! - senior posts (the Director of Children's Services, the Lead Member, the
//!   Chief Executive, the LSCB's independent chair, ...) that sit on many
//!   bodies, posts with two lines of accountability (Halton's Assistant
//!   Director, Child & Family Health), councillors and representatives,
//!   partner organisations that members sit on behalf of, and a police force
//!   shared by neighbouring authorities.
//!
//! Names, themes and functions are drawn from the words of the Solihull
//! (2011), Halton (2008) and Leicestershire (2009) papers. Each authority has
//! at most [`GeneratorOptions::bodies_per_authority`] bodies, and its members
//! sit only on its own bodies (the shared police force aside), so the
//! structure grows by adding authorities, as a national dataset does.
//!
//! # Determinism
//!
//! The output depends only on the options. The random numbers come from a
//! SplitMix64 generator written in this module, and every choice is made
//! with integer arithmetic, so a seed gives the same structure on every
//! platform, with every Rust version and every version of the dependencies.
//!
//! # Examples
//!
//! ```
//! use govgraph::generate::{self, GeneratorOptions};
//!
//! let options = GeneratorOptions::new().bodies(1_000).memberships(10_000).seed(7);
//! let s = generate::structure(&options);
//! assert_eq!(s.bodies().count(), 1_000);
//! assert_eq!(s.memberships().len(), 10_000);
//! assert_eq!(s, generate::structure(&options), "the same seed gives the same structure");
//! ```

mod authority;
mod rng;
mod standing;
mod words;

use crate::model::Structure;

use authority::Authority;
use rng::Rng;

/// What to generate: how many authorities and bodies, how many memberships,
/// how much of it is dormant or shared, and the seed. Every setter takes and
/// returns the options by value.
///
/// The number of bodies is either `authorities × bodies_per_authority`, or,
/// when [`GeneratorOptions::bodies`] is set, exactly that many, split as
/// evenly as possible over enough authorities that none has more than
/// `bodies_per_authority` (or over exactly [`GeneratorOptions::authorities`]
/// if that is set too).
///
/// # Examples
///
/// ```
/// use govgraph::generate::{self, GeneratorOptions};
///
/// // Three authorities like Solihull in 2011: a third of the groups inactive.
/// let options = GeneratorOptions::new()
///     .authorities(3)
///     .bodies_per_authority(40)
///     .dormant_share(12.0 / 34.0)
///     .seed(2011);
/// let s = generate::structure(&options);
/// assert_eq!(s.bodies().count(), 120);
/// assert!(s.bodies().any(|b| !b.is_active()));
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct GeneratorOptions {
    authorities: Option<usize>,
    bodies_per_authority: usize,
    bodies: Option<usize>,
    memberships: Option<usize>,
    dormant_share: f64,
    shared_post_share: f64,
    duplicate_share: f64,
    seed: u64,
}

impl Default for GeneratorOptions {
    fn default() -> GeneratorOptions {
        GeneratorOptions::new()
    }
}

impl GeneratorOptions {
    /// One authority of 40 bodies (about Solihull's size: 34 Trust groups
    /// and the boards around them), ten seats a body, a fifth of the bodies
    /// inactive, a fifth of the seats held by senior posts, one group in
    /// twenty a near-duplicate, seed 0.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::generate::{self, GeneratorOptions};
    ///
    /// let s = generate::structure(&GeneratorOptions::new());
    /// assert_eq!(s.bodies().count(), 40);
    /// assert_eq!(s.memberships().len(), 400);
    /// ```
    pub fn new() -> GeneratorOptions {
        GeneratorOptions {
            authorities: None,
            bodies_per_authority: 40,
            bodies: None,
            memberships: None,
            dormant_share: 0.2,
            shared_post_share: 0.2,
            duplicate_share: 0.05,
            seed: 0,
        }
    }

    /// The number of authorities. Without [`GeneratorOptions::bodies`], each
    /// has `bodies_per_authority` bodies; with it, the bodies are split over
    /// exactly this many.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::generate::{self, GeneratorOptions};
    ///
    /// let s = generate::structure(&GeneratorOptions::new().authorities(2).bodies_per_authority(25));
    /// assert_eq!(s.bodies().count(), 50);
    /// ```
    pub fn authorities(mut self, authorities: usize) -> GeneratorOptions {
        self.authorities = Some(authorities);
        self
    }

    /// The most bodies an authority has (at least 1; 40 unless set). The
    /// first 19 of an authority's bodies are its boards, executive, outcome
    /// groups and the other standing bodies, in that order; the rest are
    /// strategy, delivery, sub- and task-and-finish groups.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::generate::{self, GeneratorOptions};
    ///
    /// let options = GeneratorOptions::new().bodies(100).bodies_per_authority(30);
    /// let s = generate::structure(&options);
    /// // 100 bodies need four authorities of at most 30: 25 each, and each
    /// // has its Trust Board.
    /// assert_eq!(s.bodies().filter(|b| b.id.as_str().ends_with("-board")).count(), 4);
    /// ```
    pub fn bodies_per_authority(mut self, bodies: usize) -> GeneratorOptions {
        self.bodies_per_authority = bodies.max(1);
        self
    }

    /// The exact number of bodies in the whole structure.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::generate::{self, GeneratorOptions};
    ///
    /// let s = generate::structure(&GeneratorOptions::new().bodies(123));
    /// assert_eq!(s.bodies().count(), 123);
    /// ```
    pub fn bodies(mut self, bodies: usize) -> GeneratorOptions {
        self.bodies = Some(bodies);
        self
    }

    /// The exact number of memberships (seats) in the whole structure,
    /// spread over the bodies by their size (a board or an assembly has more
    /// seats than a task-and-finish group). Ten a body unless set; none when
    /// there are no bodies.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::generate::{self, GeneratorOptions};
    ///
    /// let s = generate::structure(&GeneratorOptions::new().bodies(50).memberships(777));
    /// assert_eq!(s.memberships().len(), 777);
    /// ```
    pub fn memberships(mut self, memberships: usize) -> GeneratorOptions {
        self.memberships = Some(memberships);
        self
    }

    /// The share of bodies that are not active (on hold, dormant, never met,
    /// virtual, being renewed, proposed, merged or dissolved), from 0 to 1;
    /// 0.2 unless set. Solihull's 2011 review counted 12 of its 34 groups.
    /// Five of an authority's standing bodies always meet, whatever the
    /// share: the three statutory boards, the council's directorate and its
    /// scrutiny committee.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::generate::{self, GeneratorOptions};
    ///
    /// let s = generate::structure(&GeneratorOptions::new().dormant_share(0.0));
    /// assert!(s.bodies().all(|b| b.is_active()));
    /// let s = generate::structure(&GeneratorOptions::new().dormant_share(1.0));
    /// assert_eq!(s.bodies().filter(|b| b.is_active()).count(), 5);
    /// ```
    pub fn dormant_share(mut self, share: f64) -> GeneratorOptions {
        self.dormant_share = share;
        self
    }

    /// The share of seats held by an authority's ten senior posts (the
    /// Director of Children's Services, the Lead Member, the Chief
    /// Executive, ...), from 0 to 1; 0.2 unless set. The higher it is, the
    /// more bodies each senior post sits on. Chairs that the papers give to a
    /// post (the Lead Member chairs the Board, the Director the Executive)
    /// are held by that post whatever the share.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::generate::{self, GeneratorOptions};
    ///
    /// let s = generate::structure(&GeneratorOptions::new().shared_post_share(0.5));
    /// let dcs_seats = s.memberships().iter().filter(|m| m.member.as_str().ends_with("-dcs")).count();
    /// assert!(dcs_seats > 10, "the Director sits on many bodies");
    /// ```
    pub fn shared_post_share(mut self, share: f64) -> GeneratorOptions {
        self.shared_post_share = share;
        self
    }

    /// The chance, from 0 to 1, that a strategy or delivery group is a
    /// near-duplicate of an earlier group of its authority: the same topic,
    /// themes and kind, nearly the same functions, perhaps another parent.
    /// 0.05 unless set.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::BodyKind;
    /// use govgraph::generate::{self, GeneratorOptions};
    ///
    /// // Always a copy once there is a group to copy: every strategy group
    /// // is about the first one's topic.
    /// let s = generate::structure(&GeneratorOptions::new().duplicate_share(1.0));
    /// let mut groups = s.bodies().filter(|b| {
    ///     b.kind == BodyKind::Group && b.tier.as_deref() == Some("Strategy / Delivery Groups")
    /// });
    /// let first = groups.next().unwrap();
    /// assert!(groups.count() >= 1);
    /// assert!(s.bodies().filter(|b| b.tier == first.tier && b.kind == first.kind).all(|b| b.themes == first.themes));
    /// ```
    pub fn duplicate_share(mut self, share: f64) -> GeneratorOptions {
        self.duplicate_share = share;
        self
    }

    /// The seed. The same options with the same seed give the same
    /// structure; another seed gives another.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::generate::{self, GeneratorOptions};
    ///
    /// let a = generate::structure(&GeneratorOptions::new().seed(1));
    /// let b = generate::structure(&GeneratorOptions::new().seed(2));
    /// assert_ne!(a, b);
    /// ```
    pub fn seed(mut self, seed: u64) -> GeneratorOptions {
        self.seed = seed;
        self
    }

    /// The number of bodies of each authority, in order.
    fn authority_sizes(&self) -> Vec<usize> {
        let per = self.bodies_per_authority;
        match (self.bodies, self.authorities) {
            (None, authorities) => vec![per; authorities.unwrap_or(1)],
            (Some(bodies), authorities) => {
                let count = authorities.unwrap_or(bodies.div_ceil(per));
                if count == 0 {
                    return Vec::new();
                }
                (0..count)
                    .map(|a| bodies / count + usize::from(a < bodies % count))
                    .collect()
            }
        }
    }
}

/// Makes a structure as the options say. See the [module docs](self) for
/// what it contains.
///
/// The structure goes through [`Structure::builder`], so it is validated
/// like any other; it always is valid, whatever the options (shares outside
/// 0 to 1 are clamped). Loading its TOML or JSON gives it back.
///
/// # Panics
///
/// Only if the generator has a bug that makes an invalid structure; the
/// message then carries the problems.
///
/// # Complexity
///
/// **O(B log B + M log S)** time for B bodies and M memberships, S the
/// seats of the largest body (the builder's sorting); 100,000 bodies and a
/// million memberships take about two seconds in a release build.
///
/// # Examples
///
/// ```
/// use govgraph::generate::{self, GeneratorOptions};
/// use govgraph::Structure;
///
/// let s = generate::structure(&GeneratorOptions::new().authorities(2).seed(42));
/// assert_eq!(s.bodies().count(), 80);
/// assert!(s.bodies().filter(|b| b.apex).count() >= 2);
/// assert_eq!(Structure::from_toml_str(&s.to_toml_string()?)?, s);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn structure(options: &GeneratorOptions) -> Structure {
    let sizes = options.authority_sizes();
    let total_bodies: usize = sizes.iter().sum();
    let total_memberships = if total_bodies == 0 {
        0
    } else {
        options.memberships.unwrap_or(total_bodies * 10)
    };
    let shares = Shares {
        dormant: parts_per_million(options.dormant_share),
        senior: parts_per_million(options.shared_post_share),
        duplicate: parts_per_million(options.duplicate_share),
    };
    let mut builder = Structure::builder()
        .name(format!(
            "Synthetic structure: {} {}, {total_bodies} bodies, seed {}",
            sizes.len(),
            if sizes.len() == 1 {
                "authority"
            } else {
                "authorities"
            },
            options.seed
        ))
        .source("govgraph::generate")
        .note(
            "Synthetic: made from the words of the Solihull (2011), Halton (2008) and \
             Leicestershire (2009) papers; not a real structure",
        );
    let mut bodies_before = 0;
    for (index, &size) in sizes.iter().enumerate() {
        let seats = share_of(total_memberships, bodies_before, size, total_bodies);
        bodies_before += size;
        let mut rng = Rng::stream(options.seed, index as u64);
        let authority = Authority::new(index, size, seats, &shares, &mut rng);
        builder = authority.emit(builder);
    }
    match builder.build() {
        Ok(structure) => structure,
        Err(error) => panic!("govgraph::generate made an invalid structure, a bug:\n{error}"),
    }
}

/// Shares as integer parts per million, so that every choice is integer
/// arithmetic.
pub(crate) struct Shares {
    pub(crate) dormant: u32,
    pub(crate) senior: u32,
    pub(crate) duplicate: u32,
}

fn parts_per_million(share: f64) -> u32 {
    if share.is_nan() {
        return 0;
    }
    (share.clamp(0.0, 1.0) * 1_000_000.0).round() as u32
}

/// The part of `total` that falls to the `size` items after the first
/// `before` of `count`, when `total` is spread evenly by cumulative rounding:
/// the parts add up to exactly `total`.
pub(crate) fn share_of(total: usize, before: usize, size: usize, count: usize) -> usize {
    let at = |n: usize| (total as u128 * n as u128 / count as u128) as usize;
    at(before + size) - at(before)
}

#[cfg(test)]
mod tests;
