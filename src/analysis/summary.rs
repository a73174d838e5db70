//! Summary: counts by status and kind, overall and per tier; depth of the
//! accountability tree; widest span of control.

use std::collections::{BTreeMap, VecDeque};

use serde::{Deserialize, Serialize};

use crate::analysis::net::Net;
use crate::model::{Body, BodyKind, Id, Status, Structure};

/// The shape of a structure at a glance.
///
/// Found by [`Structure::summary`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Summary {
    /// Counts over every body.
    pub bodies: Counts,
    /// Counts per tier or cluster ([`Body::tier`](crate::Body::tier)), by
    /// tier name, with bodies that have no tier last (`tier` is `None`).
    /// Empty when no body has a tier.
    pub tiers: Vec<TierCounts>,
    /// How many members (posts, people, organisations).
    pub members: usize,
    /// How many seats.
    pub memberships: usize,
    /// How many relations of every kind.
    pub relations: usize,
    /// The most lines of accountability on one chain down from an apex,
    /// through bodies that have not gone for good (merged or dissolved);
    /// each cycle counts as one level, so cycles cannot make it endless.
    /// Zero when there is no live apex, or nothing below one.
    pub depth: usize,
    /// One deepest chain, from its apex down, `depth + 1` ids long; empty
    /// when there is no apex. Where the chain passes through a cycle it names
    /// the body it enters the cycle by. Ties go to the chain whose ids come
    /// first.
    pub deepest_chain: Vec<Id>,
    /// The body or post with the most directly accountable children, both
    /// it and them not gone for good (ties to the first id); `None` when
    /// nothing live is accountable to anything live.
    pub widest_span: Option<Span>,
}

/// Counts of bodies by whether they are active, by status and by kind.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Counts {
    /// Every body counted.
    pub total: usize,
    /// Those active ([`Status::is_active`]).
    pub active: usize,
    /// Those not active, gone or not.
    pub not_active: usize,
    /// By status, in the order [`Status::ALL`] lists them; statuses with no
    /// body are left out.
    pub by_status: BTreeMap<Status, usize>,
    /// By kind, in the order [`BodyKind::ALL`] lists them; kinds with no
    /// body are left out.
    pub by_kind: BTreeMap<BodyKind, usize>,
}

/// The counts of one tier or cluster.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TierCounts {
    /// The tier's name; `None` for bodies with no tier.
    pub tier: Option<String>,
    /// Its counts.
    #[serde(flatten)]
    pub counts: Counts,
}

/// The span of control of one body or post.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Span {
    /// The body or post.
    pub id: Id,
    /// How many bodies and posts, not gone for good, are directly
    /// accountable to it.
    pub children: usize,
}

impl Structure {
    /// Summarises the structure: counts, depth and widest span of control.
    ///
    /// # Complexity
    ///
    /// **O(|V| log |V| + |E|)** for bodies and members V and accountability
    /// relations E.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, Status, Structure};
    ///
    /// let s = Structure::builder()
    ///     .body(BodySpec::new("trust", "Trust Board", BodyKind::Board).apex())
    ///     .body(BodySpec::new("pcg", "Performance & Commissioning Group", BodyKind::Group)
    ///         .status(Status::OnHold)
    ///         .reports_to("trust"))
    ///     .body(BodySpec::new("be-healthy", "Be Healthy", BodyKind::Group).reports_to("pcg"))
    ///     .body(BodySpec::new("play", "Play Partnership", BodyKind::Partnership).reports_to("trust"))
    ///     .build()?;
    /// let summary = s.summary();
    /// assert_eq!((summary.bodies.active, summary.bodies.not_active), (3, 1));
    /// assert_eq!(summary.depth, 2);
    /// assert_eq!(summary.deepest_chain, ["trust", "pcg", "be-healthy"]);
    /// assert_eq!(summary.widest_span.unwrap().id.as_str(), "trust");
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn summary(&self) -> Summary {
        summary(&Net::new(self))
    }
}

impl Counts {
    /// Counts a body, an entry standing for several alike bodies as that
    /// many.
    fn add(&mut self, body: &Body) {
        let n = body.count as usize;
        self.total += n;
        if body.is_active() {
            self.active += n;
        } else {
            self.not_active += n;
        }
        *self.by_status.entry(body.status).or_default() += n;
        *self.by_kind.entry(body.kind).or_default() += n;
    }
}

pub(crate) fn summary(net: &Net<'_>) -> Summary {
    let structure = net.structure;
    let mut bodies = Counts::default();
    let mut tiers: BTreeMap<Option<&str>, Counts> = BTreeMap::new();
    for body in structure.bodies() {
        bodies.add(body);
        tiers.entry(body.tier.as_deref()).or_default().add(body);
    }
    let untiered = tiers.remove(&None);
    let mut tiers: Vec<TierCounts> = tiers
        .into_iter()
        .map(|(tier, counts)| TierCounts {
            tier: tier.map(str::to_string),
            counts,
        })
        .collect();
    if let (Some(counts), false) = (untiered, tiers.is_empty()) {
        tiers.push(TierCounts { tier: None, counts });
    }

    let deepest_chain = deepest_chain(net);
    // Live structure only: a dissolved Trust over its dissolved sub-boards
    // controls nothing.
    let live_children = |n: u32| {
        net.children
            .of(n)
            .iter()
            .filter(|&&c| !net.is_gone(c))
            .count()
    };
    let widest_span = (0..net.len() as u32)
        .filter(|&n| !net.is_gone(n))
        .map(|n| (n, live_children(n)))
        .filter(|&(_, children)| children > 0)
        .min_by_key(|&(n, children)| (std::cmp::Reverse(children), net.rank[n as usize]))
        .map(|(n, children)| Span {
            id: net.id(n).clone(),
            children,
        });

    Summary {
        bodies,
        tiers,
        members: structure.members().len(),
        memberships: structure.memberships().len(),
        relations: structure.relations().len(),
        depth: deepest_chain.len().saturating_sub(1),
        deepest_chain,
        widest_span,
    }
}

/// A longest chain down from an apex, on the accountability graph with
/// each cycle collapsed to one level (so the longest path is well defined
/// and found in linear time over the condensed, acyclic graph).
fn deepest_chain(net: &Net<'_>) -> Vec<Id> {
    let count = net.len();
    let components = net.components();
    let (component_of, component_count) = (&components.of, components.count);

    // Edges between components, downward (parent component to child
    // component), with the real edge that makes each: `(from, to, parent,
    // child)`, grouped by `from` in one list.
    let mut edges: Vec<(u32, u32, u32, u32)> = Vec::new();
    let mut incoming = vec![0usize; component_count];
    for child in 0..count {
        if net.is_gone(child as u32) {
            continue;
        }
        for &parent in net.parents.of(child as u32) {
            if net.is_gone(parent) {
                continue;
            }
            let (from, to) = (component_of[parent as usize], component_of[child]);
            if from != to {
                edges.push((from, to, parent, child as u32));
                incoming[to as usize] += 1;
            }
        }
    }
    // A stable sort keeps each group in the order the edges were found.
    edges.sort_by_key(|&(from, ..)| from);
    let down = |c: u32| {
        let start = edges.partition_point(|e| e.0 < c);
        let end = edges.partition_point(|e| e.0 <= c);
        &edges[start..end]
    };

    // Each component's depth below an apex and the node it is entered by.
    // Components holding an apex start at depth 0, entered by their first
    // apex; an apex that is itself accountable to another apex sits below
    // it, so the chain runs on from the higher one.
    let mut depth: Vec<Option<usize>> = vec![None; component_count];
    let mut entry = vec![u32::MAX; component_count];
    let mut came_from = vec![u32::MAX; component_count];
    for node in 0..count as u32 {
        if net.is_apex(node) && !net.is_gone(node) {
            let c = component_of[node as usize] as usize;
            if depth[c].is_none() || net.rank[node as usize] < net.rank[entry[c] as usize] {
                depth[c] = Some(0);
                entry[c] = node;
            }
        }
    }
    let mut queue: VecDeque<u32> = (0..component_count as u32)
        .filter(|&c| incoming[c as usize] == 0)
        .collect();
    while let Some(c) = queue.pop_front() {
        for &(_, to, parent, child) in down(c) {
            if let Some(d) = depth[c as usize] {
                let better = match depth[to as usize] {
                    None => true,
                    Some(old) if d + 1 > old => true,
                    Some(old) if d + 1 == old => {
                        // Prefer the chain whose ids come first, judged by
                        // the body it comes from and then the one it enters.
                        let key = (net.rank[parent as usize], net.rank[child as usize]);
                        let current = (
                            net.rank[came_from[to as usize] as usize],
                            net.rank[entry[to as usize] as usize],
                        );
                        key < current
                    }
                    Some(_) => false,
                };
                if better {
                    depth[to as usize] = Some(d + 1);
                    entry[to as usize] = child;
                    came_from[to as usize] = parent;
                }
            }
            incoming[to as usize] -= 1;
            if incoming[to as usize] == 0 {
                queue.push_back(to);
            }
        }
    }

    let deepest = (0..component_count)
        .filter_map(|c| depth[c].map(|d| (d, c)))
        .min_by_key(|&(d, c)| (std::cmp::Reverse(d), net.rank[entry[c] as usize]));
    let Some((_, mut c)) = deepest else {
        return Vec::new();
    };
    let mut chain = vec![entry[c]];
    while depth[c] != Some(0) {
        let parent = came_from[c];
        c = component_of[parent as usize] as usize;
        chain.push(entry[c]);
    }
    chain.reverse();
    net.to_ids(&chain)
}
