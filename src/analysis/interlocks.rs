//! Interlocks: members who sit on many bodies, and the bodies they connect.

use serde::{Deserialize, Serialize};

use crate::analysis::net::Net;
use crate::model::{Id, Structure};

/// A member who sits on many bodies: the "overlapping membership" the
/// sources discuss, which ties those bodies together and spreads one post
/// thin.
///
/// Found by [`Structure::interlocks`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Interlock {
    /// The member (a post, person or organisation).
    pub member: Id,
    /// The bodies it sits on, sorted by id.
    pub bodies: Vec<Id>,
}

impl Structure {
    /// Finds members who sit on at least `min_bodies` distinct bodies,
    /// counting bodies that have not gone for good (a seat on a merged or
    /// dissolved body connects nothing). Sorted by the number of bodies,
    /// most first, then by member id.
    ///
    /// # Complexity
    ///
    /// **O(|V| log |V| + S)** for bodies and members V and seats S.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, MemberKind, MemberSpec, Role, Structure};
    ///
    /// let s = Structure::builder()
    ///     .member(MemberSpec::new("dcs", "Director of Children's Services", MemberKind::Post))
    ///     .body(BodySpec::new("trust", "Trust Board", BodyKind::Board).seat("dcs", Role::Member))
    ///     .body(BodySpec::new("lscb", "LSCB", BodyKind::Board).seat("dcs", Role::Member))
    ///     .build()?;
    /// let interlocks = s.interlocks(2);
    /// assert_eq!(interlocks[0].member.as_str(), "dcs");
    /// assert_eq!(interlocks[0].bodies, ["lscb", "trust"]);
    /// assert!(s.interlocks(3).is_empty());
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn interlocks(&self, min_bodies: usize) -> Vec<Interlock> {
        interlocks(&Net::new(self), min_bodies)
    }
}

pub(crate) fn interlocks(net: &Net<'_>, min_bodies: usize) -> Vec<Interlock> {
    let sits_on = net.sits_on();
    let live = |member: u32| {
        sits_on
            .of(member)
            .iter()
            .copied()
            .filter(|&body| !net.is_gone(body))
    };
    // Counted first, and each interlock's bodies listed once it is known to
    // be one: no list of node numbers per member.
    let mut found: Vec<(usize, u32)> = (net.body_count as u32..net.len() as u32)
        .filter_map(|member| {
            let bodies = live(member).count();
            (bodies > 0 && bodies >= min_bodies).then_some((bodies, member))
        })
        .collect();
    // Members are distinct, so the order is total.
    found.sort_unstable_by_key(|&(bodies, member)| {
        (std::cmp::Reverse(bodies), net.rank[member as usize])
    });
    found
        .into_iter()
        .map(|(bodies, member)| {
            let mut ids = Vec::with_capacity(bodies);
            ids.extend(live(member).map(|body| net.id(body).clone()));
            Interlock {
                member: net.id(member).clone(),
                bodies: ids,
            }
        })
        .collect()
}
