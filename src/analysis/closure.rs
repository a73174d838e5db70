//! Closure impact: which bodies lose their only accountable route if a body
//! closes.

use petgraph::algo::dominators::simple_fast;
use petgraph::graph::{DiGraph, NodeIndex};
use serde::Serialize;

use crate::analysis::net::Net;
use crate::model::{Id, Structure};

/// What closing one body (or removing one post) would cut off.
///
/// Found by [`Structure::closure_impact`] for one body, and by the
/// [`Report`](crate::Report) for every body that is the only route of some
/// other.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct ClosureImpact {
    /// The body (or member) that would close.
    pub body: Id,
    /// How many bodies would lose their only accountable route.
    pub total: usize,
    /// Those bodies, sorted by id. Complete from
    /// [`Structure::closure_impact`]; in a [`Report`](crate::Report) at most
    /// [`ReportOptions::closure_limit`](crate::ReportOptions::closure_limit)
    /// of them, the first by id, with `total` still counting them all.
    pub cut_off: Vec<Id>,
}

impl Structure {
    /// If the body (or member) `id` closed, which bodies would lose their
    /// only accountable route to an apex? `None` if `id` names nothing.
    ///
    /// Routes are read on the structure as written, whatever each body's
    /// status, so that closing a board that is already on hold still lists
    /// what hangs from it ([`Structure::orphans`] says which of those are
    /// adrift already). A route ends at an apex or at a member (a post or an
    /// organisation anchors what is accountable to it). A body is cut off
    /// when every route from it passes through `id`: in the accountability
    /// graph read downward from a virtual root joined to every apex and
    /// member, `id` dominates it. Bodies that have gone for good (merged or
    /// dissolved) are not listed, and neither are bodies that reach no apex
    /// at all: they have no route to lose.
    ///
    /// # Complexity
    ///
    /// **O(|V| + |E|)** for bodies and members V and accountability relations
    /// E in practice; the dominator algorithm (Cooper, Harvey and Kennedy's
    /// "simple, fast" one, from petgraph) is **O(|V|²)** in the worst case.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, Status, Structure};
    ///
    /// let s = Structure::builder()
    ///     .body(BodySpec::new("council", "Council", BodyKind::Board).apex())
    ///     .body(BodySpec::new("trust", "Trust Board", BodyKind::Board).status(Status::OnHold).reports_to("council"))
    ///     .body(BodySpec::new("be-healthy", "Be Healthy", BodyKind::Group).reports_to("trust"))
    ///     .body(BodySpec::new("sexual-health", "Sexual Health", BodyKind::Group).reports_to("be-healthy"))
    ///     .body(BodySpec::new("lscb", "LSCB", BodyKind::Board).apex())
    ///     .body(BodySpec::new("safer", "Safer Working", BodyKind::Group).reports_to("trust").reports_to("lscb"))
    ///     .build()?;
    /// let impact = s.closure_impact("trust").unwrap();
    /// assert_eq!(impact.cut_off, ["be-healthy", "sexual-health"]);
    /// assert!(s.closure_impact("nothing").is_none());
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn closure_impact(&self, id: &str) -> Option<ClosureImpact> {
        let net = Net::new(self);
        let node = net.node(id)?;
        let tree = DominatorTree::new(&net);
        let mut cut_off = Vec::new();
        let mut stack = vec![node];
        while let Some(n) = stack.pop() {
            for &child in &tree.children[n as usize] {
                if tree.counts(&net, child) {
                    cut_off.push(child);
                }
                stack.push(child);
            }
        }
        net.sort(&mut cut_off);
        Some(ClosureImpact {
            body: net.id(node).clone(),
            total: cut_off.len(),
            cut_off: net.to_ids(&cut_off),
        })
    }
}

/// The closure impact of every body that is the only route of at least one
/// other, listing at most `limit` bodies each, most impact first (ties by
/// id).
pub(crate) fn closure_impacts(net: &Net<'_>, limit: usize) -> Vec<ClosureImpact> {
    let tree = DominatorTree::new(net);
    let count = net.len();

    // Totals: each counted body adds one to every strict dominator but the
    // root. Children come after their dominator in the tree's preorder, so
    // summing in reverse preorder settles every subtree.
    let mut totals = vec![0usize; count];
    for &node in tree.preorder.iter().rev() {
        if let Some(parent) = tree.idom[node as usize] {
            totals[parent as usize] += totals[node as usize] + usize::from(tree.counts(net, node));
        }
    }

    // Lists: walk bodies in id order and add each to its dominators until
    // one is full. A dominator's list takes everything its dominated bodies'
    // lists take, so once one is full every one above it is too, and the
    // walk stops: at most `limit` additions a list, plus one step a body.
    let mut lists: Vec<Vec<u32>> = vec![Vec::new(); count];
    let mut by_id: Vec<u32> = (0..count as u32).collect();
    net.sort(&mut by_id);
    for node in by_id {
        if !tree.counts(net, node) {
            continue;
        }
        let mut up = tree.idom[node as usize];
        while let Some(dominator) = up {
            let list = &mut lists[dominator as usize];
            if list.len() >= limit {
                break;
            }
            list.push(node);
            up = tree.idom[dominator as usize];
        }
    }

    let mut impacts: Vec<(u32, usize)> = (0..count as u32)
        .filter(|&n| totals[n as usize] > 0 && net.body(n).is_some() && !net.is_gone(n))
        .map(|n| (n, totals[n as usize]))
        .collect();
    impacts.sort_unstable_by_key(|&(n, total)| (std::cmp::Reverse(total), net.rank[n as usize]));
    impacts
        .into_iter()
        .map(|(node, total)| ClosureImpact {
            body: net.id(node).clone(),
            total,
            cut_off: net.to_ids(&lists[node as usize]),
        })
        .collect()
}

/// The dominator tree of the accountability graph read downward from a
/// virtual root over every apex and member. The root itself is left out:
/// `idom` is `None` for nodes the root dominates directly and for nodes it
/// cannot reach.
struct DominatorTree {
    idom: Vec<Option<u32>>,
    children: Vec<Vec<u32>>,
    /// Reachable nodes, each after its immediate dominator.
    preorder: Vec<u32>,
}

impl DominatorTree {
    fn new(net: &Net<'_>) -> DominatorTree {
        let count = net.len();
        let mut down: DiGraph<(), ()> = DiGraph::with_capacity(count + 1, count * 2);
        for _ in 0..=count {
            down.add_node(());
        }
        let root = NodeIndex::new(count);
        for child in 0..count {
            for &parent in net.parents.of(child as u32) {
                down.add_edge(NodeIndex::new(parent as usize), NodeIndex::new(child), ());
            }
        }
        for node in 0..count as u32 {
            if net.is_member(node) || net.is_apex(node) {
                down.add_edge(root, NodeIndex::new(node as usize), ());
            }
        }
        let dominators = simple_fast(&down, root);

        let idom: Vec<Option<u32>> = (0..count)
            .map(|node| {
                dominators
                    .immediate_dominator(NodeIndex::new(node))
                    .filter(|&d| d != root)
                    .map(|d| d.index() as u32)
            })
            .collect();
        let mut children = vec![Vec::new(); count];
        let mut tops = Vec::new();
        for (node, dominator) in idom.iter().enumerate() {
            match dominator {
                Some(d) => children[*d as usize].push(node as u32),
                None if dominators.immediate_dominator(NodeIndex::new(node)) == Some(root) => {
                    tops.push(node as u32)
                }
                None => {}
            }
        }
        let mut preorder = Vec::with_capacity(count);
        let mut stack = tops;
        while let Some(node) = stack.pop() {
            preorder.push(node);
            stack.extend_from_slice(&children[node as usize]);
        }
        DominatorTree {
            idom,
            children,
            preorder,
        }
    }

    /// Whether a dominated node is listed: bodies that have not gone.
    fn counts(&self, net: &Net<'_>, node: u32) -> bool {
        net.body(node).is_some() && !net.is_gone(node)
    }
}
