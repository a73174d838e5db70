//! The accountability network that the analyses walk: every body and member
//! as a dense node number, with deduplicated parent and child lists and the
//! position of each node in id order, built once from a structure.
//!
//! Nodes are numbered bodies first, then members, each in id order, the way
//! [`Structure::graph`](crate::Structure::graph) numbers them. Node numbers
//! never leave the crate: every analysis maps them back to ids before it
//! returns. The network borrows every id and name from the structure rather
//! than copying them, so building it costs little beyond its lists.

use std::sync::OnceLock;

use crate::model::{Body, Id, Member, Structure};

pub(crate) use crate::FastMap;

/// The accountability network of one structure.
pub(crate) struct Net<'s> {
    pub(crate) structure: &'s Structure,
    /// The id of each node.
    ids: Vec<&'s Id>,
    /// The node of each id, made on the first look-up by text.
    nodes: OnceLock<FastMap<&'s str, u32>>,
    /// The node of each id by the address of its text: the ids that seats
    /// and relations hold share the allocation of the body's or member's
    /// own id when they come from a file, and are then found without
    /// reading or hashing their text.
    shared: FastMap<usize, u32>,
    /// The body of each node; `None` for members.
    bodies: Vec<Option<&'s Body>>,
    /// The member of each member node, from node `body_count` on.
    members: Vec<&'s Member>,
    /// What each node is ([`Net::is_gone`], [`Net::is_active`],
    /// [`Net::is_apex`]), read once from the bodies so that the analyses'
    /// walks need not touch them.
    gone: Vec<bool>,
    active: Vec<bool>,
    apex: Vec<bool>,
    /// How many bodies there are: nodes `0..body_count`, in id order (the
    /// order of [`Structure::bodies`]), are the bodies.
    pub(crate) body_count: usize,
    /// Where each node comes in id order, so that output can be sorted by id
    /// without comparing strings.
    pub(crate) rank: Vec<u32>,
    /// Each node's distinct accountable parents, in id order.
    pub(crate) parents: Adjacency,
    /// Each node's distinct directly accountable children, in id order.
    pub(crate) children: Adjacency,
    seats: OnceLock<Vec<(u32, u32)>>,
    sits_on: OnceLock<Adjacency>,
    components: OnceLock<Components>,
}

/// The strongly connected components of the accountability graph: groups
/// of nodes each accountable, through reporting lines, to every other.
pub(crate) struct Components {
    /// How many components there are.
    pub(crate) count: usize,
    /// The component of each node, numbered from 0.
    pub(crate) of: Vec<u32>,
}

/// Lists of nodes by node, in one allocation.
pub(crate) struct Adjacency {
    start: Vec<u32>,
    list: Vec<u32>,
}

impl Adjacency {
    /// Groups `(node, other)` pairs by node, keeping each node's others in
    /// the order `key` gives and without repeats.
    pub(crate) fn new(count: usize, mut pairs: Vec<(u32, u32)>, key: &[u32]) -> Adjacency {
        pairs.sort_unstable_by_key(|&(node, other)| (node, key[other as usize]));
        pairs.dedup();
        let mut start = vec![0u32; count + 1];
        for &(node, _) in &pairs {
            start[node as usize + 1] += 1;
        }
        for i in 0..count {
            start[i + 1] += start[i];
        }
        Adjacency {
            start,
            list: pairs.into_iter().map(|(_, other)| other).collect(),
        }
    }

    pub(crate) fn of(&self, node: u32) -> &[u32] {
        let node = node as usize;
        &self.list[self.start[node] as usize..self.start[node + 1] as usize]
    }
}

impl<'s> Net<'s> {
    /// Builds the network in **O(|V| + |E| log |E|)** for bodies and members
    /// V and accountability relations E.
    pub(crate) fn new(structure: &'s Structure) -> Net<'s> {
        let body_count = structure.bodies().len();
        let count = body_count + structure.members().len();
        let mut ids = Vec::with_capacity(count);
        let mut bodies = Vec::with_capacity(count);
        for body in structure.bodies() {
            ids.push(&body.id);
            bodies.push(Some(body));
        }
        let mut gone = Vec::with_capacity(count);
        gone.extend(structure.bodies().map(|b| b.status.is_gone()));
        gone.resize(count, false);
        let mut active = Vec::with_capacity(count);
        active.extend(structure.bodies().map(|b| b.is_active()));
        active.resize(count, true);
        let mut members = Vec::with_capacity(count - body_count);
        for member in structure.members() {
            ids.push(&member.id);
            bodies.push(None);
            members.push(member);
        }
        let mut shared = FastMap::with_capacity_and_hasher(count, Default::default());
        for (node, id) in ids.iter().enumerate() {
            shared.insert(address(id), node as u32);
        }
        let nodes = OnceLock::new();

        // Bodies and members are each in id order already: merging the two
        // runs gives the id order of every node.
        let mut rank = vec![0u32; count];
        let (mut b, mut m) = (0, body_count);
        for position in 0..count as u32 {
            let take_body = b < body_count && (m == count || ids[b] < ids[m]);
            let node = if take_body { &mut b } else { &mut m };
            rank[*node] = position;
            *node += 1;
        }

        let node_of = |id: &Id| match shared.get(&address(id)) {
            Some(&node) => node,
            None => nodes.get_or_init(|| by_text(&ids))[id.as_str()],
        };
        let mut up = Vec::new();
        for relation in structure.relations() {
            if let Some((child, parent)) = relation.accountability() {
                up.push((node_of(child), node_of(parent)));
            }
        }
        let down = up.iter().map(|&(child, parent)| (parent, child)).collect();
        let parents = Adjacency::new(count, up, &rank);
        let children = Adjacency::new(count, down, &rank);
        let mut apex = Vec::with_capacity(count);
        apex.extend(structure.bodies().enumerate().map(|(node, b)| {
            b.apex || (b.accountability.is_some() && parents.of(node as u32).is_empty())
        }));
        apex.resize(count, false);

        Net {
            structure,
            ids,
            nodes,
            shared,
            bodies,
            members,
            gone,
            active,
            apex,
            body_count,
            rank,
            parents,
            children,
            seats: OnceLock::new(),
            sits_on: OnceLock::new(),
            components: OnceLock::new(),
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.ids.len()
    }

    /// The node of a body or member.
    pub(crate) fn node(&self, id: &str) -> Option<u32> {
        self.nodes
            .get_or_init(|| by_text(&self.ids))
            .get(id)
            .copied()
    }

    /// The node of a body or member, found by the id's allocation when it
    /// is shared and by its text when not.
    pub(crate) fn node_of(&self, id: &Id) -> Option<u32> {
        match self.shared.get(&address(id)) {
            Some(&node) => Some(node),
            None => self.node(id.as_str()),
        }
    }

    pub(crate) fn id(&self, node: u32) -> &'s Id {
        self.ids[node as usize]
    }

    pub(crate) fn body(&self, node: u32) -> Option<&'s Body> {
        self.bodies[node as usize]
    }

    /// The member of a node; `None` for bodies.
    pub(crate) fn member(&self, node: u32) -> Option<&'s Member> {
        (node as usize)
            .checked_sub(self.body_count)
            .and_then(|i| self.members.get(i).copied())
    }

    /// Whether a node is a member: a post, person or organisation. Members
    /// anchor accountability: a route that reaches one has an accountable
    /// end.
    pub(crate) fn is_member(&self, node: u32) -> bool {
        self.bodies[node as usize].is_none()
    }

    /// Whether a node is doing its job: members always are, bodies when
    /// their status is active.
    pub(crate) fn is_active(&self, node: u32) -> bool {
        self.active[node as usize]
    }

    /// Whether a node is the top of a line of accountability: an apex, or
    /// a body whose source says its accountability is unstated or unsettled
    /// and names no parent. Such a body is reported as unsettled, not as an
    /// orphan, and what answers to it is anchored by it.
    pub(crate) fn is_apex(&self, node: u32) -> bool {
        self.apex[node as usize]
    }

    /// Whether a node is a body that has gone for good (merged or dissolved).
    pub(crate) fn is_gone(&self, node: u32) -> bool {
        self.gone[node as usize]
    }

    pub(crate) fn sort(&self, nodes: &mut [u32]) {
        nodes.sort_unstable_by_key(|&n| self.rank[n as usize]);
    }

    pub(crate) fn to_ids(&self, nodes: &[u32]) -> Vec<Id> {
        nodes.iter().map(|&n| self.id(n).clone()).collect()
    }

    /// The strongly connected components, found once by Kosaraju's
    /// algorithm over the flat parent and child lists, iteratively, so deep
    /// structures cannot overflow the stack. It is the algorithm of
    /// petgraph's `kosaraju_scc`, without a list allocated per component: a
    /// test checks the two agree.
    pub(crate) fn components(&self) -> &Components {
        self.components.get_or_init(|| {
            const UNSET: u32 = u32::MAX;
            let count = self.len();
            // First pass: finishing order of a depth-first search down the
            // reporting lines (parent to child).
            let mut finished = Vec::with_capacity(count);
            let mut seen = vec![false; count];
            let mut stack: Vec<(u32, usize)> = Vec::new();
            for start in 0..count as u32 {
                if seen[start as usize] {
                    continue;
                }
                seen[start as usize] = true;
                stack.push((start, 0));
                while let Some(&mut (node, ref mut next)) = stack.last_mut() {
                    if let Some(&child) = self.children.of(node).get(*next) {
                        *next += 1;
                        if !seen[child as usize] {
                            seen[child as usize] = true;
                            stack.push((child, 0));
                        }
                    } else {
                        finished.push(node);
                        stack.pop();
                    }
                }
            }
            // Second pass: in reverse finishing order, everything reached
            // up the reporting lines and not yet placed is one component.
            let mut of = vec![UNSET; count];
            let mut components = 0u32;
            let mut up: Vec<u32> = Vec::new();
            for &start in finished.iter().rev() {
                if of[start as usize] != UNSET {
                    continue;
                }
                of[start as usize] = components;
                up.push(start);
                while let Some(node) = up.pop() {
                    for &parent in self.parents.of(node) {
                        if of[parent as usize] == UNSET {
                            of[parent as usize] = components;
                            up.push(parent);
                        }
                    }
                }
                components += 1;
            }
            Components {
                count: components as usize,
                of,
            }
        })
    }

    /// The distinct bodies each member sits on, in id order, computed on
    /// first use by counting: no sort.
    pub(crate) fn sits_on(&self) -> &Adjacency {
        self.sits_on.get_or_init(|| {
            let seats = self.seats();
            let mut start = vec![0u32; self.len() + 1];
            for &(_, member) in seats {
                start[member as usize + 1] += 1;
            }
            for i in 0..self.len() {
                start[i + 1] += start[i];
            }
            let mut next = start.clone();
            let mut list = vec![0u32; seats.len()];
            // Seats come in body order, and body nodes are in id order, so
            // each member's bodies are placed in id order.
            for &(body, member) in seats {
                list[next[member as usize] as usize] = body;
                next[member as usize] += 1;
            }
            // Two roles on one body are one body: drop repeats in place.
            let mut kept = 0;
            let mut kept_start = vec![0u32; self.len() + 1];
            for member in 0..self.len() {
                let (from, to) = (start[member] as usize, start[member + 1] as usize);
                for i in from..to {
                    if i == from || list[i] != list[i - 1] {
                        list[kept] = list[i];
                        kept += 1;
                    }
                }
                kept_start[member + 1] = kept as u32;
            }
            list.truncate(kept);
            Adjacency {
                start: kept_start,
                list,
            }
        })
    }

    /// Every seat as `(body node, member node)`, in the order of
    /// [`Structure::memberships`], computed on first use.
    pub(crate) fn seats(&self) -> &[(u32, u32)] {
        self.seats.get_or_init(|| {
            let memberships = self.structure.memberships();
            let mut seats = Vec::with_capacity(memberships.len());
            // Memberships are sorted by body, as bodies are: walk both
            // instead of looking every body up.
            let mut body = 0;
            for membership in memberships {
                while self.ids[body] != &membership.body {
                    body += 1;
                }
                let member = self
                    .node_of(&membership.member)
                    .expect("every seat's member is a body or member");
                seats.push((body as u32, member));
            }
            seats
        })
    }
}

/// The node of each id, by its text.
fn by_text<'s>(ids: &[&'s Id]) -> FastMap<&'s str, u32> {
    let mut nodes = FastMap::with_capacity_and_hasher(ids.len(), Default::default());
    for (node, id) in ids.iter().enumerate() {
        nodes.insert(id.as_str(), node as u32);
    }
    nodes
}

/// Where an id's text is: the same for every copy of one id's allocation,
/// and different for ids alive at once in different allocations.
fn address(id: &Id) -> usize {
    id.as_str().as_ptr() as usize
}

#[cfg(test)]
mod tests {
    use petgraph::algo::kosaraju_scc;
    use petgraph::graph::{DiGraph, NodeIndex};

    use super::*;

    proptest::proptest! {
        /// Ours and petgraph's find the same components.
        #[test]
        fn components_agree_with_petgraph(
            edges in proptest::collection::vec((0..12usize, 0..12usize), 0..30),
        ) {
            let mut builder = crate::Structure::builder();
            for b in 0..12 {
                let mut spec = crate::BodySpec::new(
                    format!("n{b:02}"),
                    format!("N{b}"),
                    crate::BodyKind::Group,
                );
                for &(from, to) in &edges {
                    if from == b && to != b {
                        spec = spec.reports_to(format!("n{to:02}").as_str());
                    }
                }
                builder = builder.body(spec);
            }
            let structure = builder.build().unwrap();
            let net = Net::new(&structure);
            let ours = net.components();

            let mut upward: DiGraph<(), ()> = DiGraph::new();
            for _ in 0..net.len() {
                upward.add_node(());
            }
            for child in 0..net.len() as u32 {
                for &parent in net.parents.of(child) {
                    upward.add_edge(NodeIndex::new(child as usize), NodeIndex::new(parent as usize), ());
                }
            }
            let theirs = kosaraju_scc(&upward);
            proptest::prop_assert_eq!(ours.count, theirs.len());
            for component in theirs {
                let first = ours.of[component[0].index()];
                for node in component {
                    proptest::prop_assert_eq!(ours.of[node.index()], first);
                }
            }
        }
    }
}
