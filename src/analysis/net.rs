//! The accountability network that the analyses walk: every body and member
//! as a dense node number, with deduplicated parent and child lists and the
//! position of each node in id order, built once from a structure.
//!
//! Node numbers are the petgraph node indices of [`Structure::graph`], so the
//! petgraph views can be handed to petgraph's algorithms directly. They never
//! leave the crate: every analysis maps them back to ids before it returns.

use std::cell::OnceCell;

use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;

use crate::graph::Graph;
use crate::model::{Body, Id, Structure};

/// The accountability network of one structure.
pub(crate) struct Net<'s> {
    pub(crate) structure: &'s Structure,
    pub(crate) graph: Graph,
    /// The id of each node.
    pub(crate) ids: Vec<&'s Id>,
    /// The body of each node; `None` for members.
    pub(crate) bodies: Vec<Option<&'s Body>>,
    /// The node of each body, in id order (the order of
    /// [`Structure::bodies`]).
    pub(crate) body_nodes: Vec<u32>,
    /// Where each node comes in id order, so that output can be sorted by id
    /// without comparing strings.
    pub(crate) rank: Vec<u32>,
    /// Each node's distinct accountable parents, in id order.
    pub(crate) parents: Vec<Vec<u32>>,
    /// Each node's distinct directly accountable children, in id order.
    pub(crate) children: Vec<Vec<u32>>,
    seats: OnceCell<Vec<(u32, u32)>>,
}

impl<'s> Net<'s> {
    /// Builds the network in **O(|V| + |E| log |E|)** for bodies and members
    /// V and accountability relations E.
    pub(crate) fn new(structure: &'s Structure) -> Net<'s> {
        let graph = structure.graph();
        let count = graph.relations().node_count();
        let mut ids: Vec<Option<&Id>> = vec![None; count];
        let mut bodies = vec![None; count];
        let mut body_nodes = Vec::with_capacity(structure.bodies().len());
        for body in structure.bodies() {
            let node = node_of(&graph, &body.id);
            ids[node] = Some(&body.id);
            bodies[node] = Some(body);
            body_nodes.push(node as u32);
        }
        let mut member_nodes = Vec::with_capacity(structure.members().len());
        for member in structure.members() {
            let node = node_of(&graph, &member.id);
            ids[node] = Some(&member.id);
            member_nodes.push(node as u32);
        }
        let ids: Vec<&Id> = ids
            .into_iter()
            .map(|id| id.expect("every node of a structure's graph is a body or a member"))
            .collect();

        // Bodies and members are each sorted by id already: merging the two
        // lists gives the id order of every node.
        let mut rank = vec![0u32; count];
        let (mut b, mut m) = (0, 0);
        for position in 0..count {
            let take_body = match (body_nodes.get(b), member_nodes.get(m)) {
                (Some(&x), Some(&y)) => ids[x as usize] < ids[y as usize],
                (Some(_), None) => true,
                _ => false,
            };
            let node = if take_body {
                b += 1;
                body_nodes[b - 1]
            } else {
                m += 1;
                member_nodes[m - 1]
            };
            rank[node as usize] = position as u32;
        }

        let mut parents = vec![Vec::new(); count];
        let mut children = vec![Vec::new(); count];
        for edge in graph.accountability().edge_references() {
            let (child, parent) = (edge.source().index() as u32, edge.target().index() as u32);
            parents[child as usize].push(parent);
            children[parent as usize].push(child);
        }
        for list in parents.iter_mut().chain(children.iter_mut()) {
            list.sort_unstable_by_key(|&n| rank[n as usize]);
            list.dedup();
        }

        Net {
            structure,
            graph,
            ids,
            bodies,
            body_nodes,
            rank,
            parents,
            children,
            seats: OnceCell::new(),
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.ids.len()
    }

    pub(crate) fn id(&self, node: u32) -> &'s Id {
        self.ids[node as usize]
    }

    pub(crate) fn body(&self, node: u32) -> Option<&'s Body> {
        self.bodies[node as usize]
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
        self.body(node).is_none_or(|b| b.is_active())
    }

    pub(crate) fn is_apex(&self, node: u32) -> bool {
        self.body(node).is_some_and(|b| b.apex)
    }

    /// Whether a node is a body that has gone for good (merged or dissolved).
    pub(crate) fn is_gone(&self, node: u32) -> bool {
        self.body(node).is_some_and(|b| b.status.is_gone())
    }

    pub(crate) fn sort(&self, nodes: &mut [u32]) {
        nodes.sort_unstable_by_key(|&n| self.rank[n as usize]);
    }

    pub(crate) fn to_ids(&self, nodes: &[u32]) -> Vec<Id> {
        nodes.iter().map(|&n| self.id(n).clone()).collect()
    }

    /// Every seat as `(body node, member node)`, in the order of
    /// [`Structure::memberships`], computed on first use.
    pub(crate) fn seats(&self) -> &[(u32, u32)] {
        self.seats.get_or_init(|| {
            let memberships = self.structure.memberships();
            let mut seats = Vec::with_capacity(memberships.len());
            // Memberships are sorted by body, as bodies are: walk both
            // instead of looking every body up.
            let mut body_index = 0;
            for membership in memberships {
                while self.ids[self.body_nodes[body_index] as usize] != &membership.body {
                    body_index += 1;
                }
                let member = node_of(&self.graph, &membership.member) as u32;
                seats.push((self.body_nodes[body_index], member));
            }
            seats
        })
    }
}

fn node_of(graph: &Graph, id: &Id) -> usize {
    graph
        .index(id.as_str())
        .map(NodeIndex::index)
        .expect("every body and member of a structure is a node of its graph")
}
