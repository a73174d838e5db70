//! The work budget of a layout, measured on the scene before anything is
//! laid out.
//!
//! The embedded layout (`embedded/layout.rs`) places a tree in about linear
//! time; what can grow faster is routing. Every edge passes each row
//! between its ends through a lane of its own, and finding and taking a
//! lane costs up to the number of boxes and lanes already in that row; the
//! tracks of a channel are found the same way. So a drawing of few bodies
//! can still be costly: twenty bodies that all feed into each other make
//! 380 edges in 2,300 pieces. The budget counts nodes and edges, and then
//! estimates the work from a layering of its own: the sum over ranks of the
//! square of the rank's width (nodes and pieces of edges passing it), plus
//! the number of nodes and pieces.
//!
//! The estimate is made before layout so that a drawing too large to read,
//! or to finish quickly, is refused with an error that says what to do
//! rather than drawn for a long time.

use crate::render::RenderError;
use crate::render::scene::Scene;

/// The limits a scene must be within to be laid out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Budget {
    pub(crate) nodes: usize,
    pub(crate) edges: usize,
    pub(crate) work: u64,
}

/// Checks a scene against a budget, cheapest measure first, so that a huge
/// scene is refused before its layering is computed.
pub(crate) fn check(scene: &Scene, budget: Budget) -> Result<(), RenderError> {
    if scene.nodes.is_empty() {
        return Err(RenderError::EmbeddedEmpty);
    }
    if scene.nodes.len() > budget.nodes {
        return Err(RenderError::EmbeddedTooLarge {
            nodes: scene.nodes.len(),
            limit: budget.nodes,
        });
    }
    if scene.edges.len() > budget.edges {
        return Err(RenderError::EmbeddedTooManyEdges {
            edges: scene.edges.len(),
            limit: budget.edges,
        });
    }
    let work = work(scene);
    if work > budget.work {
        return Err(RenderError::EmbeddedTooComplex {
            work,
            limit: budget.work,
        });
    }
    Ok(())
}

/// The estimated work of laying the scene out in ranks and routing it.
///
/// Edges that close a cycle with the edges before them are turned round, as
/// layered layouts do; every node then goes one rank below its lowest
/// parent (the longest path from a source). Duplicate lines do not rank
/// their ends and are left out; a loop on one node takes a place in its
/// node's rank.
///
/// # Complexity
///
/// **O(|E| (|V| + |E|) + P)** time for the cycle breaking and the P pieces
/// of the layered graph, **O(|V| + |E|)** space; the caller bounds |V| and
/// |E| first.
pub(crate) fn work(scene: &Scene) -> u64 {
    let n = scene.nodes.len();
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut loops = vec![0u64; n];
    let mut edges = Vec::with_capacity(scene.edges.len());
    for edge in &scene.edges {
        let (mut from, mut to) = (edge.tail, edge.head);
        if from == to {
            loops[from] += 1;
            continue;
        }
        if reaches(&children, to, from) {
            std::mem::swap(&mut from, &mut to);
        }
        children[from].push(to);
        edges.push((from, to));
    }

    // Ranks by longest path, in topological order (Kahn's algorithm).
    let mut parents_left = vec![0usize; n];
    for &(_, to) in &edges {
        parents_left[to] += 1;
    }
    let mut rank = vec![0usize; n];
    let mut ready: Vec<usize> = (0..n).filter(|&v| parents_left[v] == 0).collect();
    while let Some(v) = ready.pop() {
        for &w in &children[v] {
            rank[w] = rank[w].max(rank[v] + 1);
            parents_left[w] -= 1;
            if parents_left[w] == 0 {
                ready.push(w);
            }
        }
    }

    let ranks = rank.iter().max().map_or(0, |r| r + 1);
    let mut width = vec![0u64; ranks];
    for (v, &r) in rank.iter().enumerate() {
        width[r] += 1 + loops[v];
    }
    // Each rank an edge passes through holds one piece of it.
    let mut pieces: u64 = 0;
    for &(from, to) in &edges {
        for w in &mut width[rank[from] + 1..rank[to]] {
            *w += 1;
            pieces += 1;
        }
    }
    let size = n as u64 + pieces + loops.iter().sum::<u64>();
    let lanes = width
        .iter()
        .fold(0u64, |sum, w| sum.saturating_add(w.saturating_mul(*w)));
    lanes.saturating_add(size)
}

/// Whether `to` can be reached from `from` along `children`.
fn reaches(children: &[Vec<usize>], from: usize, to: usize) -> bool {
    let mut seen = vec![false; children.len()];
    let mut stack = vec![from];
    seen[from] = true;
    while let Some(v) = stack.pop() {
        if v == to {
            return true;
        }
        for &w in &children[v] {
            if !seen[w] {
                seen[w] = true;
                stack.push(w);
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::DrawOptions;
    use crate::{BodyKind, BodySpec, Structure};

    /// `n` bodies, each feeding into every other.
    fn all_feed_into_each_other(n: usize) -> Structure {
        let mut builder = Structure::builder();
        for i in 0..n {
            let mut body = BodySpec::new(format!("g{i:02}"), "Group", BodyKind::Group);
            for j in (0..n).filter(|&j| j != i) {
                body = body.feeds_into(format!("g{j:02}"));
            }
            builder = builder.body(body);
        }
        builder.build().unwrap()
    }

    #[test]
    fn work_of_bodies_that_all_feed_into_each_other_follows_from_their_ranks() {
        for n in [2, 3, 5, 20] {
            let scene = Scene::new(
                &all_feed_into_each_other(n),
                &DrawOptions::new().legend(false),
            );
            // Once cycles are broken the bodies stand in a line of n ranks,
            // each pair joined by two edges; an edge between ranks p < q
            // passes the ranks between, so rank r holds its body and two
            // pieces for each of the r * (n - 1 - r) pairs around it.
            let n = n as u64;
            let widths: Vec<u64> = (0..n).map(|r| 1 + 2 * r * (n - 1 - r)).collect();
            let size: u64 = widths.iter().sum();
            let expected: u64 = widths.iter().map(|w| w * w).sum::<u64>() + size;
            assert_eq!(work(&scene), expected, "{n} bodies");
        }
    }

    #[test]
    fn a_tree_has_no_pieces_and_ranks_as_wide_as_its_levels() {
        // A root, three children, and two grandchildren under the first.
        let structure = Structure::builder()
            .body(BodySpec::new("a", "A", BodyKind::Board).apex())
            .body(BodySpec::new("b", "B", BodyKind::Group).reports_to("a"))
            .body(BodySpec::new("c", "C", BodyKind::Group).reports_to("a"))
            .body(BodySpec::new("d", "D", BodyKind::Group).reports_to("a"))
            .body(BodySpec::new("e", "E", BodyKind::Group).reports_to("b"))
            .body(BodySpec::new("f", "F", BodyKind::Group).reports_to("b"))
            .build()
            .unwrap();
        let scene = Scene::new(&structure, &DrawOptions::new().legend(false));
        assert_eq!(work(&scene), 1 + 9 + 4 + 6);
    }
}
