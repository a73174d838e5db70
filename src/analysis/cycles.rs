//! Accountability cycles and mutual scrutiny.

use serde::{Deserialize, Serialize};

use crate::analysis::net::Net;
use crate::model::{Id, RelationKind, Structure};

/// Bodies (and posts) that are accountable to each other in a cycle, so
/// that following reporting lines upward from any of them comes back round.
///
/// Found by [`Structure::cycles`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Cycle {
    /// Every body or member in the cycle (a strongly connected component of
    /// the accountability graph), sorted by id.
    pub ids: Vec<Id>,
}

/// Two bodies that each scrutinise the other, as Leicestershire's Children's
/// Trust Board and LSCB did.
///
/// Found by [`Structure::mutual_scrutiny`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MutualScrutiny {
    /// The two bodies, sorted by id.
    pub bodies: [Id; 2],
}

impl Structure {
    /// Finds accountability cycles: groups of bodies (and posts) each of
    /// which is, through reporting lines, accountable to every other. Each
    /// cycle lists its ids sorted, and cycles come sorted by their first id.
    ///
    /// # Complexity
    ///
    /// **O(|V| + |E|)** for bodies and members V and accountability
    /// relations E (Kosaraju's algorithm, iteratively, so deep structures
    /// cannot overflow the stack), plus sorting the output.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, Structure};
    ///
    /// let s = Structure::builder()
    ///     .body(BodySpec::new("board", "Board", BodyKind::Board).reports_to("exec"))
    ///     .body(BodySpec::new("exec", "Executive", BodyKind::Executive).reports_to("board"))
    ///     .body(BodySpec::new("group", "Group", BodyKind::Group).reports_to("exec"))
    ///     .build()?;
    /// let cycles = s.cycles();
    /// assert_eq!(cycles.len(), 1);
    /// assert_eq!(cycles[0].ids, ["board", "exec"]);
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn cycles(&self) -> Vec<Cycle> {
        cycles(&Net::new(self))
    }

    /// Finds pairs of bodies that scrutinise each other, sorted by their
    /// ids.
    ///
    /// # Complexity
    ///
    /// **O(R log R)** for R relations.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, Structure};
    ///
    /// let s = Structure::builder()
    ///     .body(BodySpec::new("lscb", "LSCB", BodyKind::Board).scrutinises("board"))
    ///     .body(BodySpec::new("board", "Children's Trust Board", BodyKind::Board).scrutinises("lscb"))
    ///     .build()?;
    /// assert_eq!(s.mutual_scrutiny()[0].bodies, ["board", "lscb"]);
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn mutual_scrutiny(&self) -> Vec<MutualScrutiny> {
        let mut pairs: Vec<(&Id, &Id)> = self
            .relations()
            .iter()
            .filter(|r| r.kind == RelationKind::Scrutinises)
            .map(|r| (&r.from, &r.to))
            .collect();
        pairs.sort_unstable();
        pairs.dedup();
        pairs
            .iter()
            .filter(|(from, to)| from < to && pairs.binary_search(&(*to, *from)).is_ok())
            .map(|(from, to)| MutualScrutiny {
                bodies: [(*from).clone(), (*to).clone()],
            })
            .collect()
    }
}

pub(crate) fn cycles(net: &Net<'_>) -> Vec<Cycle> {
    let components = net.components();
    let mut size = vec![0u32; components.count];
    for &c in &components.of {
        size[c as usize] += 1;
    }
    // The nodes of components of more than one node, grouped by component
    // and, within one, in id order.
    let mut members: Vec<(u32, u32)> = (0..net.len() as u32)
        .map(|node| (components.of[node as usize], node))
        .filter(|&(c, _)| size[c as usize] > 1)
        .collect();
    members.sort_unstable_by_key(|&(c, node)| (c, net.rank[node as usize]));
    let mut cycles: Vec<Vec<u32>> = members
        .chunk_by(|x, y| x.0 == y.0)
        .map(|group| group.iter().map(|&(_, node)| node).collect())
        .collect();
    cycles.sort_unstable_by_key(|nodes| net.rank[nodes[0] as usize]);
    cycles
        .iter()
        .map(|nodes| Cycle {
            ids: net.to_ids(nodes),
        })
        .collect()
}
