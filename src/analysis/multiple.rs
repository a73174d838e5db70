//! Multiple accountability: bodies and posts with more than one line of
//! accountability.

use serde::{Deserialize, Serialize};

use crate::analysis::net::Net;
use crate::model::{Id, Structure};

/// A body or post accountable to more than one parent, like Halton's PCT
/// Assistant Director, who reports to the Council's Strategic Director for
/// day-to-day management and to the PCT's Operational Director for NHS
/// accountability.
///
/// Found by [`Structure::multiple_accountability`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MultipleAccountability {
    /// The body or member.
    pub id: Id,
    /// Everything it is directly accountable to, sorted by id.
    pub parents: Vec<Id>,
}

impl Structure {
    /// Finds bodies and members with more than one distinct accountable
    /// parent ([`Structure::accountable_parents`]), sorted by id.
    ///
    /// # Complexity
    ///
    /// **O(|V| + |E| log |E|)** for bodies and members V and accountability
    /// relations E.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{MemberKind, MemberSpec, Structure};
    ///
    /// let s = Structure::builder()
    ///     .member(MemberSpec::new("strategic-director", "Strategic Director", MemberKind::Post))
    ///     .member(MemberSpec::new("operational-director", "Operational Director", MemberKind::Post))
    ///     .member(MemberSpec::new("ad", "Assistant Director", MemberKind::Post)
    ///         .reports_to("strategic-director")
    ///         .reports_to("operational-director"))
    ///     .build()?;
    /// let found = s.multiple_accountability();
    /// assert_eq!(found[0].id.as_str(), "ad");
    /// assert_eq!(found[0].parents, ["operational-director", "strategic-director"]);
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn multiple_accountability(&self) -> Vec<MultipleAccountability> {
        multiple_accountability(&Net::new(self))
    }
}

pub(crate) fn multiple_accountability(net: &Net<'_>) -> Vec<MultipleAccountability> {
    let mut nodes: Vec<u32> = (0..net.len() as u32)
        .filter(|&n| net.parents.of(n).len() > 1)
        .collect();
    net.sort(&mut nodes);
    nodes
        .into_iter()
        .map(|node| MultipleAccountability {
            id: net.id(node).clone(),
            parents: net.to_ids(net.parents.of(node)),
        })
        .collect()
}
