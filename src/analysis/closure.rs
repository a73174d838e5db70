//! Closure impact: which bodies lose their only accountable route if a body
//! closes.

use serde::{Deserialize, Serialize};

use crate::analysis::net::{Adjacency, Net};
use crate::model::{Id, Structure};

/// What closing one body (or removing one post) would cut off.
///
/// Found by [`Structure::closure_impact`] for one body, and by the
/// [`Report`](crate::Report) for every body that is the only route of some
/// other.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ClosureImpact {
    /// The body (or member) that would close.
    pub body: Id,
    /// How many bodies would lose their only accountable route, an entry
    /// standing for several alike bodies ([`Body::count`](crate::Body::count))
    /// counted as that many.
    pub total: usize,
    /// How many entries of the structure those bodies are: `total` less
    /// what the entries standing for several bodies add.
    pub entries: usize,
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
    /// "simple, fast" one, as in petgraph's `simple_fast`) is **O(|V|²)** in
    /// the worst case.
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
        self.analyse().closure_impact(id)
    }
}

/// The closure impact of one body, from the dominator tree of `net`.
pub(crate) fn closure_impact(
    net: &Net<'_>,
    tree: &DominatorTree,
    id: &str,
) -> Option<ClosureImpact> {
    let node = net.node(id)?;
    let mut cut_off = Vec::new();
    let mut stack = vec![node];
    while let Some(n) = stack.pop() {
        for &child in tree.children.of(n) {
            if tree.counts(net, child) {
                cut_off.push(child);
            }
            stack.push(child);
        }
    }
    net.sort(&mut cut_off);
    Some(ClosureImpact {
        body: net.id(node).clone(),
        total: cut_off.iter().map(|&n| tree.weight(net, n)).sum(),
        entries: cut_off.len(),
        cut_off: net.to_ids(&cut_off),
    })
}

/// The closure impact of every body that is the only route of at least one
/// other, listing at most `limit` bodies each, most impact first (ties by
/// id).
pub(crate) fn closure_impacts(
    net: &Net<'_>,
    tree: &DominatorTree,
    limit: usize,
) -> Vec<ClosureImpact> {
    let count = net.len();

    // Totals: each counted body adds one to every strict dominator but the
    // root. Children come after their dominator in the tree's preorder, so
    // summing in reverse preorder settles every subtree.
    let mut totals = vec![0usize; count];
    let mut entries = vec![0usize; count];
    for &node in tree.preorder.iter().rev() {
        if let Some(parent) = tree.idom[node as usize] {
            totals[parent as usize] += totals[node as usize] + tree.weight(net, node);
            entries[parent as usize] +=
                entries[node as usize] + usize::from(tree.counts(net, node));
        }
    }

    // Lists: walk bodies in id order and add each to its dominators until
    // one is full. A dominator's list takes everything its dominated bodies'
    // lists take, so once one is full every one above it is too, and the
    // walk stops: at most `limit` additions a list, plus one step a body.
    let mut lists: Vec<Vec<u32>> = vec![Vec::new(); count];
    // Ranks are a permutation of the nodes: invert it rather than sort.
    let mut by_id = vec![0u32; count];
    for (node, &rank) in net.rank.iter().enumerate() {
        by_id[rank as usize] = node as u32;
    }
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
            entries: entries[node as usize],
            cut_off: net.to_ids(&lists[node as usize]),
        })
        .collect()
}

/// The dominator tree of the accountability graph read downward from a
/// virtual root over every apex and member. The root itself is left out:
/// `idom` is `None` for nodes the root dominates directly and for nodes it
/// cannot reach.
pub(crate) struct DominatorTree {
    idom: Vec<Option<u32>>,
    children: Adjacency,
    /// Reachable nodes, each after its immediate dominator.
    preorder: Vec<u32>,
}

impl DominatorTree {
    pub(crate) fn new(net: &Net<'_>) -> DominatorTree {
        let count = net.len();
        let idom = immediate_dominators(net);
        let mut pairs = Vec::new();
        let mut tops = Vec::new();
        for (node, dominator) in idom.iter().enumerate() {
            match *dominator {
                Dominator::Node(d) => pairs.push((d, node as u32)),
                Dominator::Root => tops.push(node as u32),
                Dominator::Unreached => {}
            }
        }
        let children = Adjacency::new(count, pairs, &net.rank);
        let mut preorder = Vec::with_capacity(count);
        let mut stack = tops;
        while let Some(node) = stack.pop() {
            preorder.push(node);
            stack.extend_from_slice(children.of(node));
        }
        DominatorTree {
            idom: idom
                .into_iter()
                .map(|d| match d {
                    Dominator::Node(d) => Some(d),
                    _ => None,
                })
                .collect(),
            children,
            preorder,
        }
    }

    /// Whether a dominated node is listed: bodies that have not gone.
    fn counts(&self, net: &Net<'_>, node: u32) -> bool {
        net.body(node).is_some() && !net.is_gone(node)
    }

    /// How many bodies a dominated node stands for: its count if it is
    /// listed, nothing otherwise.
    fn weight(&self, net: &Net<'_>, node: u32) -> usize {
        match net.body(node) {
            Some(body) if self.counts(net, node) => body.count as usize,
            _ => 0,
        }
    }
}

/// A node's immediate dominator in the accountability graph read downward
/// from a virtual root over every apex and member.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Dominator {
    /// The virtual root: the node is an apex or a member, or has routes
    /// that share no node.
    Root,
    /// A node every route to the node passes through, the nearest.
    Node(u32),
    /// The node has no route from an apex or a member.
    Unreached,
}

/// Immediate dominators by Cooper, Harvey and Kennedy's "simple, fast"
/// algorithm, the one petgraph's `simple_fast` implements, here over the
/// network's flat parent and child lists: petgraph's keeps a hash set of
/// predecessors per node, which at a hundred thousand nodes costs more than
/// the algorithm. A test checks the two agree.
fn immediate_dominators(net: &Net<'_>) -> Vec<Dominator> {
    const UNSET: u32 = u32::MAX;
    let count = net.len();
    let root = count as u32;
    let is_top = |node: u32| net.is_member(node) || net.is_apex(node);
    let tops: Vec<u32> = (0..root).filter(|&n| is_top(n)).collect();
    let successors = |node: u32| -> &[u32] {
        if node == root {
            &tops
        } else {
            net.children.of(node)
        }
    };

    // Number the nodes reachable from the root in postorder, iteratively:
    // deep structures must not overflow the stack.
    let mut order = vec![UNSET; count + 1];
    let mut by_order: Vec<u32> = Vec::with_capacity(count + 1);
    let mut visited = vec![false; count + 1];
    let mut stack: Vec<(u32, usize)> = vec![(root, 0)];
    visited[root as usize] = true;
    while let Some(&mut (node, ref mut next)) = stack.last_mut() {
        let list = successors(node);
        if let Some(&child) = list.get(*next) {
            *next += 1;
            if !visited[child as usize] {
                visited[child as usize] = true;
                stack.push((child, 0));
            }
        } else {
            order[node as usize] = by_order.len() as u32;
            by_order.push(node);
            stack.pop();
        }
    }

    // Dominators by postorder number; the root is the last number.
    let root_order = order[root as usize];
    let mut dom = vec![UNSET; by_order.len()];
    dom[root_order as usize] = root_order;
    let intersect = |dom: &[u32], mut x: u32, mut y: u32| {
        while x != y {
            while x < y {
                x = dom[x as usize];
            }
            while y < x {
                y = dom[y as usize];
            }
        }
        x
    };
    let mut changed = true;
    while changed {
        changed = false;
        // Reverse postorder, skipping the root.
        for &node in by_order.iter().rev().skip(1) {
            let root_edge = is_top(node).then_some(root_order);
            let mut best = UNSET;
            let predecessors = net
                .parents
                .of(node)
                .iter()
                .map(|&p| order[p as usize])
                .chain(root_edge);
            for p in predecessors {
                if p == UNSET || dom[p as usize] == UNSET {
                    continue;
                }
                best = if best == UNSET {
                    p
                } else {
                    intersect(&dom, p, best)
                };
            }
            let at = order[node as usize] as usize;
            if dom[at] != best {
                dom[at] = best;
                changed = true;
            }
        }
    }

    (0..count)
        .map(|node| match order[node] {
            UNSET => Dominator::Unreached,
            at => match dom[at as usize] {
                d if d == root_order => Dominator::Root,
                d => Dominator::Node(by_order[d as usize]),
            },
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use petgraph::algo::dominators::simple_fast;
    use petgraph::graph::{DiGraph, NodeIndex};

    use super::*;

    /// Twelve bodies, `n00` to `n11`, then two posts, `m0` and `m1`.
    fn node_id(n: usize) -> String {
        if n < 12 {
            format!("n{n:02}")
        } else {
            format!("m{}", n - 12)
        }
    }

    proptest::proptest! {
        /// Ours and petgraph's agree on random structures, cycles, posts
        /// and unreachable bodies included.
        #[test]
        fn immediate_dominators_agree_with_petgraph(
            edges in proptest::collection::vec((0..14usize, 0..14usize), 0..30),
            apexes in proptest::collection::vec(proptest::bool::weighted(0.2), 14),
        ) {
            let mut builder = crate::Structure::builder();
            for m in 0..2 {
                let mut spec = crate::MemberSpec::new(
                    format!("m{m}"),
                    format!("M{m}"),
                    crate::MemberKind::Post,
                );
                for &(from, to) in &edges {
                    if from == 12 + m && to != from {
                        spec = spec.reports_to(node_id(to).as_str());
                    }
                }
                builder = builder.member(spec);
            }
            for (b, &apex) in apexes.iter().enumerate().take(12) {
                let mut spec = crate::BodySpec::new(
                    format!("n{b:02}"),
                    format!("N{b}"),
                    crate::BodyKind::Group,
                );
                if apex {
                    spec = spec.apex();
                }
                for &(from, to) in &edges {
                    if from == b && to != b {
                        spec = spec.reports_to(node_id(to).as_str());
                    }
                }
                builder = builder.body(spec);
            }
            let structure = builder.build().unwrap();
            let net = Net::new(&structure);
            let ours = immediate_dominators(&net);

            let count = net.len();
            let mut down: DiGraph<(), ()> = DiGraph::new();
            for _ in 0..=count {
                down.add_node(());
            }
            let root = NodeIndex::new(count);
            for child in 0..count as u32 {
                for &parent in net.parents.of(child) {
                    down.add_edge(NodeIndex::new(parent as usize), NodeIndex::new(child as usize), ());
                }
                if net.is_member(child) || net.is_apex(child) {
                    down.add_edge(root, NodeIndex::new(child as usize), ());
                }
            }
            let theirs = simple_fast(&down, root);
            for (node, &found) in ours.iter().enumerate() {
                let expected = match theirs.immediate_dominator(NodeIndex::new(node)) {
                    None => Dominator::Unreached,
                    Some(d) if d == root => Dominator::Root,
                    Some(d) => Dominator::Node(d.index() as u32),
                };
                proptest::prop_assert_eq!(found, expected, "node {}", node);
            }
        }
    }
}
