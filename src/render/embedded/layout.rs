//! govgraph's own layout of a scene: an organisation chart.
//!
//! A governance structure is mostly a tree of accountability with a few
//! cross links, so the layout is a tidy tree, not a general layered layout:
//!
//! 1. **Forest.** Each node's primary parent is its first line of
//!    accountability in the scene (then its first "part of", then its first
//!    intended line of accountability); every other edge is a cross edge.
//!    A cycle of primary parents is cut at its first node, which becomes a
//!    root.
//! 2. **Rows.** Every row holds the nodes of one tier only (nodes without a
//!    tier count as one more tier, drawn without a box), so a tier's box,
//!    which spans its rows, cannot hold another tier's node. Tiers are
//!    ordered so that parents' tiers come before children's (ties: the
//!    shallowest first, then the one in the largest tree); within a tier a
//!    node stands one row below its parent if the parent is in the same
//!    tier, else in the tier's first row. A primary parent that would stand
//!    below or beside its child is dropped (the edge is drawn as a cross
//!    edge).
//! 3. **Wide spans wrapped.** More than six leaf children of one parent in
//!    one tier (eight left to right) are laid out as a grid of a few rows,
//!    not one long row.
//! 4. **Placement.** Bottom-up, each subtree is packed against its left
//!    siblings by its contour (the leftmost and rightmost extent of each
//!    row it occupies), and the parent is centred over its children. A
//!    child several rows below its parent reserves a corridor in the rows
//!    between, so its line comes straight down a free gap.
//! 5. **Routing.** Every edge is orthogonal: it leaves its tail's box
//!    through a port, runs along a track in the channel between two rows,
//!    passes each row it crosses through a free lane between boxes (the
//!    nearest free lane to its head, found in a sorted list of what each
//!    row has taken), and enters its head's box. Lines of the tree share
//!    one track per parent (a bus); tracks are assigned greedily per
//!    channel, and each channel is made as deep as its tracks need.
//!
//! Everything is computed along two axes, across and along the ranks, and
//! a left-to-right drawing is the same layout transposed.
//!
//! # Complexity
//!
//! For N nodes, E edges, R rows and tree height H: O(N H) for the contours
//! (O(N) for a tree no deeper than a governance structure), and O(E R W)
//! for routing, where W is the number of boxes and lanes in a row, plus
//! sorting. Every step is a fixed number of passes; nothing iterates to
//! convergence.

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use super::{Band, Drawing, Point, Route, node_size};
use crate::model::RelationKind;
use crate::render::RankDir;
use crate::render::scene::{Scene, SceneEdge, wrap as wrap_text};
use crate::render::style::{EdgeMark, Shape};

/// Clearance kept between a lane and a box.
const PAD: f64 = 6.0;
/// Half the room a lane takes from other lanes.
const LANE: f64 = 4.0;
/// Between two tracks in a channel.
const TRACK: f64 = 7.0;
/// Between a channel's edge and its first track.
const CHANNEL_PAD: f64 = 14.0;
/// Between a tier's box and its nodes, along the ranks.
const BAND_PAD: f64 = 8.0;
/// A tier label's line height and font size.
pub(super) const BAND_LINE: f64 = 15.0;
pub(super) const BAND_FONT: f64 = 13.0;
/// Half the width of the corridor a child far below its parent reserves.
const CORRIDOR: f64 = 9.0;

/// The sizes that differ between top-to-bottom and left-to-right.
struct Spacing {
    /// Between neighbouring boxes in a row.
    sibling: f64,
    /// Between separate trees.
    tree: f64,
    /// The least depth of a channel.
    channel: f64,
    /// The most leaf children of one parent in one row.
    wrap: usize,
}

/// The spacing for a direction: left to right, boxes are short across the
/// ranks and long along them, so rows hold more and channels are wider.
fn spacing(rankdir: RankDir) -> Spacing {
    match rankdir {
        RankDir::TopToBottom => Spacing {
            sibling: 22.0,
            tree: 44.0,
            channel: 40.0,
            wrap: 6,
        },
        RankDir::LeftToRight => Spacing {
            sibling: 16.0,
            tree: 36.0,
            channel: 56.0,
            wrap: 8,
        },
    }
}

/// Which side of a box, in layout terms: `Before` faces the rows above
/// (the top, or the left when drawn left to right).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
enum Side {
    Before,
    After,
}

/// How strongly an edge makes its tail the head's primary parent: lower is
/// stronger; `None` is never a parent.
fn parent_class(edge: &SceneEdge) -> Option<u8> {
    let EdgeMark::Relation(kind) = edge.look.mark;
    if edge.tail == edge.head {
        return None;
    }
    match (
        kind.is_accountability(),
        kind == RelationKind::PartOf,
        edge.look.intended,
    ) {
        (true, _, false) => Some(0),
        (false, true, false) => Some(1),
        (true, _, true) => Some(2),
        _ => None,
    }
}

/// A unit placed among its siblings: one subtree, or a grid of leaves.
enum Unit {
    Subtree(usize),
    Grid(Vec<usize>),
}

/// A subtree's extent in each row it occupies, relative to its anchor.
struct Contour {
    top: usize,
    rows: VecDeque<(f64, f64)>,
}

impl Contour {
    fn new(top: usize, lo: f64, hi: f64) -> Contour {
        Contour {
            top,
            rows: VecDeque::from([(lo, hi)]),
        }
    }

    fn get(&self, row: usize) -> Option<(f64, f64)> {
        row.checked_sub(self.top)
            .and_then(|i| self.rows.get(i).copied())
            .filter(|(lo, hi)| lo <= hi)
    }

    /// Adds an extent at `row`, growing the contour up or down as needed.
    fn add(&mut self, row: usize, lo: f64, hi: f64) {
        const EMPTY: (f64, f64) = (f64::INFINITY, f64::NEG_INFINITY);
        while row < self.top {
            self.rows.push_front(EMPTY);
            self.top -= 1;
        }
        while row >= self.top + self.rows.len() {
            self.rows.push_back(EMPTY);
        }
        let cell = &mut self.rows[row - self.top];
        *cell = (cell.0.min(lo), cell.1.max(hi));
    }

    fn bottom(&self) -> usize {
        self.top + self.rows.len()
    }

    /// The least shift that puts `other` at least `gap` right of `self` in
    /// every row both occupy, if they share a row.
    fn shift_for(&self, other: &Contour, gap: f64) -> Option<f64> {
        let mut shift: Option<f64> = None;
        for row in other.top.max(self.top)..other.bottom().min(self.bottom()) {
            if let (Some(a), Some(b)) = (self.get(row), other.get(row)) {
                let s = a.1 + gap - b.0;
                shift = Some(shift.map_or(s, |t: f64| t.max(s)));
            }
        }
        shift
    }

    /// The extent over every row.
    fn span(&self) -> (f64, f64) {
        self.rows
            .iter()
            .filter(|(lo, hi)| lo <= hi)
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), (lo, hi)| {
                (a.min(*lo), b.max(*hi))
            })
    }

    /// Merges `other`, shifted by `shift`, into this contour.
    fn absorb(&mut self, other: &Contour, shift: f64) {
        for (i, (lo, hi)) in other.rows.iter().enumerate() {
            if lo <= hi {
                self.add(other.top + i, lo + shift, hi + shift);
            }
        }
    }
}

/// Where the lanes through one row may go: the row's boxes and lanes
/// taken, as sorted disjoint open intervals.
#[derive(Default)]
struct Row {
    taken: Vec<(f64, f64)>,
}

impl Row {
    fn take(&mut self, lo: f64, hi: f64) {
        // The first interval that ends at or after `lo`.
        let start = self.taken.partition_point(|&(_, h)| h < lo);
        let mut end = start;
        let (mut lo, mut hi) = (lo, hi);
        while end < self.taken.len() && self.taken[end].0 <= hi {
            lo = lo.min(self.taken[end].0);
            hi = hi.max(self.taken[end].1);
            end += 1;
        }
        self.taken.splice(start..end, [(lo, hi)]);
    }

    /// The free place nearest to `x`.
    fn nearest_free(&self, x: f64) -> f64 {
        let i = self.taken.partition_point(|&(_, h)| h <= x);
        match self.taken.get(i) {
            Some(&(lo, hi)) if lo < x => {
                if x - lo <= hi - x {
                    lo
                } else {
                    hi
                }
            }
            _ => x,
        }
    }

    /// Takes a lane at the free place nearest to `x` and says where.
    fn lane(&mut self, x: f64) -> f64 {
        let at = self.nearest_free(x);
        self.take(at - LANE, at + LANE);
        at
    }
}

/// An edge's course before the rows have depths: it leaves its tail at
/// `xs[0]`, runs along channel `channels[k]` from `xs[k]` to `xs[k + 1]`,
/// and enters its head at the last x.
struct Course {
    tail_side: Side,
    head_side: Side,
    channels: Vec<usize>,
    xs: Vec<f64>,
    /// The tree bus the first `shared` runs belong to, if the edge is a
    /// line of the tree: the lines from one parent with one look share a
    /// track in each channel until they part for their own boxes.
    bus: Option<usize>,
    shared: usize,
}

/// Lays the scene out: every node's box, every edge's route and every tier's
/// box, in the drawing's coordinates (the writer moves them to the margin).
pub(super) fn lay_out(scene: &Scene) -> Drawing {
    let n = scene.nodes.len();
    let lr = scene.rankdir == RankDir::LeftToRight;
    let space = spacing(scene.rankdir);
    let sizes: Vec<Point> = scene
        .nodes
        .iter()
        .map(|node| node_size(&node.lines, node.look.shape))
        .collect();
    // Extent across the ranks, and along them.
    let across: Vec<f64> = sizes.iter().map(|s| if lr { s.y } else { s.x }).collect();
    let along: Vec<f64> = sizes.iter().map(|s| if lr { s.x } else { s.y }).collect();

    // 1. The forest of primary parents.
    let mut parent: Vec<Option<usize>> = vec![None; n];
    let mut tree_edge: Vec<Option<usize>> = vec![None; n];
    let mut best: Vec<u8> = vec![u8::MAX; n];
    for (i, edge) in scene.edges.iter().enumerate() {
        if let Some(class) = parent_class(edge)
            && class < best[edge.head]
        {
            best[edge.head] = class;
            parent[edge.head] = Some(edge.tail);
            tree_edge[edge.head] = Some(i);
        }
    }
    cut_cycles(&mut parent);

    // 2. Rows: tiers in order, each node at its depth within its tier.
    let tiers = scene.clusters.len() + 1;
    let tier_of: Vec<usize> = scene
        .nodes
        .iter()
        .map(|node| node.cluster.unwrap_or(tiers - 1))
        .collect();
    let (order, depth) = breadth_first(&parent);
    let mut root_of = vec![0; n];
    let mut tree_size = vec![0usize; n];
    for &v in &order {
        root_of[v] = parent[v].map_or(v, |p| root_of[p]);
        tree_size[root_of[v]] += 1;
    }
    let tier_order = order_tiers(tiers, &tier_of, &parent, &depth, &root_of, &tree_size);

    // Local rows, with wide spans of leaves wrapped into grids.
    let children = children_of(&parent);
    let mut local = vec![0usize; n];
    let mut grid_of: Vec<Option<usize>> = vec![None; n];
    let mut grids: Vec<Vec<usize>> = Vec::new();
    let mut grid_cols: Vec<usize> = Vec::new();
    let place_group = |members: &[usize],
                       base: usize,
                       local: &mut Vec<usize>,
                       grid_of: &mut Vec<Option<usize>>,
                       grids: &mut Vec<Vec<usize>>,
                       grid_cols: &mut Vec<usize>| {
        let leaves: Vec<usize> = members
            .iter()
            .copied()
            .filter(|&c| children[c].is_empty())
            .collect();
        let wrapped = leaves.len() > space.wrap;
        let cols = if wrapped {
            let rows = leaves.len().div_ceil(space.wrap);
            leaves.len().div_ceil(rows)
        } else {
            usize::MAX
        };
        for &c in members {
            local[c] = base;
        }
        if wrapped {
            for (j, &c) in leaves.iter().enumerate() {
                local[c] = base + j / cols;
                grid_of[c] = Some(grids.len());
            }
            grids.push(leaves);
            grid_cols.push(cols);
        }
    };
    // Roots, grouped by tier.
    let mut root_groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for &v in &order {
        if parent[v].is_none() {
            root_groups.entry(tier_of[v]).or_default().push(v);
        }
    }
    for members in root_groups.values() {
        place_group(
            members,
            0,
            &mut local,
            &mut grid_of,
            &mut grids,
            &mut grid_cols,
        );
    }
    for &p in &order {
        let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for &c in &children[p] {
            groups.entry(tier_of[c]).or_default().push(c);
        }
        for (tier, members) in groups {
            let base = if tier == tier_of[p] { local[p] + 1 } else { 0 };
            place_group(
                &members,
                base,
                &mut local,
                &mut grid_of,
                &mut grids,
                &mut grid_cols,
            );
        }
    }
    let mut height = vec![0usize; tiers];
    for v in 0..n {
        height[tier_of[v]] = height[tier_of[v]].max(local[v] + 1);
    }
    let mut start = vec![0usize; tiers];
    let mut rows = 0;
    for &t in &tier_order {
        start[t] = rows;
        rows += height[t];
    }
    let row: Vec<usize> = (0..n).map(|v| start[tier_of[v]] + local[v]).collect();
    // A parent that does not stand above its child is no parent in the
    // drawing.
    for v in 0..n {
        if let Some(p) = parent[v]
            && row[p] >= row[v]
        {
            parent[v] = None;
            tree_edge[v] = None;
            if let Some(g) = grid_of[v] {
                grids[g].retain(|&c| c != v);
                grid_of[v] = None;
            }
        }
    }
    let children = children_of(&parent);
    let (order, _) = breadth_first(&parent);

    // 3 and 4. Placement: contours, bottom-up.
    let mut rel = vec![0.0f64; n];
    // For each child: where its line passes the rows between it and its
    // parent, relative to the parent, and the first row it does not pass.
    let mut corridor: Vec<Option<(f64, usize)>> = vec![None; n];
    let mut contours: Vec<Option<Contour>> = (0..n).map(|_| None).collect();
    for &p in order.iter().rev() {
        let units = units_of(&children[p], &grid_of, &grids, &row);
        let mut own = Contour::new(row[p], -across[p] / 2.0, across[p] / 2.0);
        if !units.is_empty() {
            let mut acc: Option<Contour> = None;
            let mut placed: Vec<(Unit, f64)> = Vec::new();
            for unit in units {
                let (mut contour, top) = match &unit {
                    Unit::Subtree(c) => (
                        contours[*c]
                            .take()
                            .unwrap_or_else(|| Contour::new(row[*c], 0.0, 0.0)),
                        row[*c],
                    ),
                    Unit::Grid(cells) => {
                        let (contour, positions) = grid(
                            cells,
                            grid_cols_of(cells, &grid_of, &grid_cols),
                            &row,
                            &across,
                        );
                        for (&c, x) in cells.iter().zip(positions) {
                            rel[c] = x;
                        }
                        let top = contour.top;
                        (contour, top)
                    }
                };
                for r in row[p] + 1..top {
                    contour.add(r, -CORRIDOR, CORRIDOR);
                }
                let shift = match &acc {
                    None => 0.0,
                    Some(acc) => acc
                        .shift_for(&contour, space.sibling)
                        .unwrap_or_else(|| acc.span().1 + space.sibling - contour.span().0),
                };
                match &mut acc {
                    None => acc = Some(contour),
                    Some(acc) => acc.absorb(&contour, shift),
                }
                placed.push((unit, shift));
            }
            let first = placed.first().map_or(0.0, |u| u.1);
            let last = placed.last().map_or(0.0, |u| u.1);
            let mid = (first + last) / 2.0;
            for (unit, shift) in &placed {
                let at = shift - mid;
                match unit {
                    Unit::Subtree(c) => {
                        rel[*c] = at;
                        corridor[*c] = Some((at, row[*c]));
                    }
                    Unit::Grid(cells) => {
                        let top = cells.iter().map(|&c| row[c]).min().unwrap_or(row[p] + 1);
                        for &c in cells {
                            rel[c] += at;
                            corridor[c] = Some((at, top));
                        }
                    }
                }
            }
            if let Some(acc) = acc {
                own.absorb(&acc, -mid);
            }
        }
        contours[p] = Some(own);
    }

    // The roots, side by side; leaf roots of one tier past the wrap width
    // in grids.
    let roots: Vec<usize> = order
        .iter()
        .copied()
        .filter(|&v| parent[v].is_none())
        .collect();
    let mut u = vec![0.0f64; n];
    let mut acc: Option<Contour> = None;
    for unit in units_of(&roots, &grid_of, &grids, &row) {
        let (contour, members): (Contour, Vec<(usize, f64)>) = match unit {
            Unit::Subtree(c) => (
                contours[c]
                    .take()
                    .unwrap_or_else(|| Contour::new(row[c], 0.0, 0.0)),
                vec![(c, 0.0)],
            ),
            Unit::Grid(cells) => {
                let (contour, positions) = grid(
                    &cells,
                    grid_cols_of(&cells, &grid_of, &grid_cols),
                    &row,
                    &across,
                );
                (contour, cells.iter().copied().zip(positions).collect())
            }
        };
        // A tree fits in beside the others where their rows allow; one
        // that shares no row with them goes in at their left edge.
        let shift = match &acc {
            None => 0.0,
            Some(acc) => acc
                .shift_for(&contour, space.tree)
                .unwrap_or_else(|| acc.span().0 - contour.span().0),
        };
        for (c, x) in members {
            u[c] = shift + x;
        }
        match &mut acc {
            None => acc = Some(contour),
            Some(acc) => acc.absorb(&contour, shift),
        }
    }
    for &v in &order {
        if let Some(p) = parent[v] {
            u[v] = u[p] + rel[v];
        }
    }
    let lo_of = |v: usize| u[v] - across[v] / 2.0;
    let hi_of = |v: usize| u[v] + across[v] / 2.0;

    // 5. Routing. Each row's boxes first, then the corridors the tree
    // reserved, then each edge in turn: lines of the tree first.
    let mut lanes: Vec<Row> = (0..rows).map(|_| Row::default()).collect();
    for v in 0..n {
        lanes[row[v]].take(lo_of(v) - PAD, hi_of(v) + PAD);
    }
    for v in 0..n {
        if let (Some(p), Some((at, top))) = (parent[v], corridor[v]) {
            for lane in &mut lanes[row[p] + 1..top] {
                lane.take(u[p] + at - CORRIDOR, u[p] + at + CORRIDOR);
            }
        }
    }
    // A loop on one node goes round the side of its box after its row's
    // other lanes.
    for edge in &scene.edges {
        if edge.tail == edge.head {
            let v = edge.tail;
            lanes[row[v]].take(hi_of(v), hi_of(v) + 14.0 + PAD);
        }
    }

    // Ports: where each edge meets each box, spread along the side in the
    // order of what is at the other end.
    let is_tree: Vec<bool> = (0..scene.edges.len())
        .map(|i| tree_edge[scene.edges[i].head] == Some(i))
        .collect();
    let sides: Vec<(Side, Side)> = scene
        .edges
        .iter()
        .map(|e| match row[e.tail].cmp(&row[e.head]) {
            std::cmp::Ordering::Less => (Side::After, Side::Before),
            std::cmp::Ordering::Greater => (Side::Before, Side::After),
            std::cmp::Ordering::Equal => (Side::After, Side::After),
        })
        .collect();
    // (node, side) -> attachments: (key across, which), which = bus look or edge.
    #[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
    enum Attach {
        Bus(crate::render::style::EdgeLook),
        Edge(usize),
    }
    let mut attach: BTreeMap<(usize, Side), Vec<(f64, Attach)>> = BTreeMap::new();
    for (i, edge) in scene.edges.iter().enumerate() {
        if edge.tail == edge.head {
            continue;
        }
        let (ts, hs) = sides[i];
        let tail_at = if is_tree[i] {
            Attach::Bus(edge.look)
        } else {
            Attach::Edge(i)
        };
        let list = attach.entry((edge.tail, ts)).or_default();
        if !list.iter().any(|(_, a)| *a == tail_at) {
            let key = if is_tree[i] {
                u[edge.tail]
            } else {
                u[edge.head]
            };
            list.push((key, tail_at));
        }
        attach
            .entry((edge.head, hs))
            .or_default()
            .push((u[edge.tail], Attach::Edge(i)));
    }
    let mut port: BTreeMap<(usize, Side, Attach), f64> = BTreeMap::new();
    for ((v, side), mut list) in attach {
        list.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        // A few ports keep to the middle of the side; more spread wider,
        // so that their arrowheads stay apart.
        let k = list.len();
        let span = across[v] * if k > 2 { 0.8 } else { 0.5 };
        for (j, (_, which)) in list.into_iter().enumerate() {
            let x = if k == 1 {
                u[v]
            } else {
                u[v] - span / 2.0 + span * j as f64 / (k - 1) as f64
            };
            port.insert((v, side, which), x);
        }
    }

    // Courses: lines of the tree first, so that they keep their
    // corridors; then the rest in the scene's order.
    let mut bus_ids: BTreeMap<(usize, crate::render::style::EdgeLook), usize> = BTreeMap::new();
    let mut courses: Vec<Option<Course>> = (0..scene.edges.len()).map(|_| None).collect();
    let tree_first: Vec<usize> = (0..scene.edges.len())
        .filter(|&i| is_tree[i])
        .chain((0..scene.edges.len()).filter(|&i| !is_tree[i]))
        .collect();
    for i in tree_first {
        let edge = &scene.edges[i];
        if edge.tail == edge.head {
            continue;
        }
        let (ts, hs) = sides[i];
        let (t, h) = (edge.tail, edge.head);
        let tail_key = if is_tree[i] {
            Attach::Bus(edge.look)
        } else {
            Attach::Edge(i)
        };
        let x0 = port.get(&(t, ts, tail_key)).copied().unwrap_or(u[t]);
        let x1 = port.get(&(h, hs, Attach::Edge(i))).copied().unwrap_or(u[h]);
        let mut xs = vec![x0];
        let mut channels = Vec::new();
        let (rt, rh) = (row[t], row[h]);
        if rt < rh {
            // Down: channels rt .. rh-1, passing rows rt+1 .. rh-1.
            let kept = if is_tree[i] { corridor[h] } else { None };
            for (r, lane) in lanes.iter_mut().enumerate().take(rh).skip(rt + 1) {
                channels.push(r - 1);
                let x = match kept {
                    Some((at, top)) if r < top => u[t] + at,
                    _ => lane.lane(x1),
                };
                xs.push(x);
            }
            channels.push(rh - 1);
        } else if rt > rh {
            // Up: channels rt-1 down to rh, passing rows rt-1 .. rh+1.
            for r in (rh + 1..rt).rev() {
                channels.push(r);
                xs.push(lanes[r].lane(x1));
            }
            channels.push(rh);
        } else {
            channels.push(rt);
        }
        xs.push(x1);
        let bus = if is_tree[i] {
            let next = bus_ids.len();
            Some(*bus_ids.entry((t, edge.look)).or_insert(next))
        } else {
            None
        };
        let shared = match (bus, corridor[h]) {
            (Some(_), Some((_, top))) => top.saturating_sub(rt),
            _ => 0,
        };
        courses[i] = Some(Course {
            tail_side: ts,
            head_side: hs,
            channels,
            xs,
            bus,
            shared,
        });
    }

    // Tracks: per channel, buses first, then the other runs, greedily.
    // A run is (lo, hi, bus or edge and run index).
    let mut runs: Vec<Vec<(f64, f64, Attach2)>> = (0..rows).map(|_| Vec::new()).collect();
    #[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
    enum Attach2 {
        Bus(usize, usize),
        Run(usize, usize),
    }
    let mut bus_span: BTreeMap<(usize, usize), (f64, f64)> = BTreeMap::new();
    for (i, course) in courses.iter().enumerate() {
        let Some(course) = course else { continue };
        for (k, &ch) in course.channels.iter().enumerate() {
            let (a, b) = (course.xs[k], course.xs[k + 1]);
            let (lo, hi) = (a.min(b), a.max(b));
            match course.bus {
                Some(bus) if k < course.shared && (k == 0 || hi - lo > 0.05) => {
                    let span = bus_span.entry((ch, bus)).or_insert((lo, hi));
                    *span = (span.0.min(lo), span.1.max(hi));
                }
                _ if hi - lo > 0.05 => runs[ch].push((lo, hi, Attach2::Run(i, k))),
                _ => {}
            }
        }
    }
    let mut track: BTreeMap<Attach2, usize> = BTreeMap::new();
    let mut tracks_in = vec![0usize; rows];
    for (ch, list) in runs.iter_mut().enumerate() {
        let mut buses: Vec<(f64, f64, Attach2)> = bus_span
            .range((ch, 0)..(ch + 1, 0))
            .map(|(&(_, bus), &(lo, hi))| (lo, hi, Attach2::Bus(bus, ch)))
            .collect();
        let by_start = |a: &(f64, f64, Attach2), b: &(f64, f64, Attach2)| {
            a.0.total_cmp(&b.0).then(a.2.cmp(&b.2))
        };
        buses.sort_by(by_start);
        list.sort_by(by_start);
        let mut ends: Vec<f64> = Vec::new();
        for &(lo, hi, which) in buses.iter().chain(list.iter()) {
            let t = match ends.iter().position(|&end| end + 2.0 * LANE < lo) {
                Some(t) => t,
                None => {
                    ends.push(f64::NEG_INFINITY);
                    ends.len() - 1
                }
            };
            ends[t] = hi;
            track.insert(which, t);
        }
        tracks_in[ch] = ends.len();
    }

    // Depths along the ranks: rows, and the channels below them.
    let row_size: Vec<f64> = {
        let mut size = vec![0.0f64; rows];
        for v in 0..n {
            size[row[v]] = size[row[v]].max(along[v]);
        }
        size
    };
    // Tier boxes: each tier's first row and label.
    let mut band_first: BTreeMap<usize, (usize, Vec<String>)> = BTreeMap::new();
    for (t, cluster) in scene.clusters.iter().enumerate() {
        if height[t] == 0 {
            continue;
        }
        // Left to right, the label sits above the tier's nodes and is
        // wrapped to the width of its columns; top to bottom it sits in the
        // channel above, and the box grows to hold it.
        let label = if lr {
            let width: f64 = (start[t]..start[t] + height[t])
                .map(|r| row_size[r])
                .sum::<f64>()
                + (height[t].saturating_sub(1)) as f64 * space.channel;
            wrap_text(&cluster.label, ((width / 7.0) as usize).max(8))
        } else {
            wrap_text(&cluster.label, 0)
        };
        band_first.insert(start[t], (t, label));
    }
    let label_room = |r: usize| -> f64 {
        match band_first.get(&r) {
            Some((_, label)) if !lr => label.len() as f64 * BAND_LINE + BAND_PAD,
            _ => 0.0,
        }
    };
    let mut row_top = vec![0.0f64; rows];
    let mut channel_top = vec![0.0f64; rows];
    let mut v = BAND_PAD + label_room(0);
    for r in 0..rows {
        row_top[r] = v;
        v += row_size[r];
        channel_top[r] = v;
        let deep = 2.0 * CHANNEL_PAD + tracks_in[r].saturating_sub(1) as f64 * TRACK;
        v += deep.max(space.channel) + label_room(r + 1);
    }
    let track_v = |ch: usize, which: Option<Attach2>| -> f64 {
        let t = which.and_then(|w| track.get(&w)).copied();
        match t {
            Some(t) => channel_top[ch] + CHANNEL_PAD + t as f64 * TRACK,
            None => channel_top[ch] + CHANNEL_PAD,
        }
    };
    let centre_v = |v: usize| row_top[row[v]] + row_size[row[v]] / 2.0;

    // To screen coordinates.
    let point = |a: f64, b: f64| {
        if lr {
            Point::new(b, a)
        } else {
            Point::new(a, b)
        }
    };
    let nodes: Vec<(Point, Point)> = (0..n)
        .map(|v| {
            let corner = point(lo_of(v), centre_v(v) - along[v] / 2.0);
            (corner, sizes[v])
        })
        .collect();
    let side_v = |v: usize, side: Side, x: f64| -> f64 {
        let inset = inset(scene.nodes[v].look.shape, across[v], along[v], lr, x - u[v]);
        match side {
            Side::Before => centre_v(v) - along[v] / 2.0 + inset,
            Side::After => centre_v(v) + along[v] / 2.0 - inset,
        }
    };
    let mut edges = Vec::with_capacity(scene.edges.len());
    for (i, edge) in scene.edges.iter().enumerate() {
        let mut points = Vec::new();
        if let Some(course) = &courses[i] {
            let x0 = course.xs[0];
            points.push((x0, side_v(edge.tail, course.tail_side, x0)));
            for (k, &ch) in course.channels.iter().enumerate() {
                let which = match course.bus {
                    Some(bus) if k < course.shared => Some(Attach2::Bus(bus, ch)),
                    _ => Some(Attach2::Run(i, k)),
                };
                let tv = track_v(ch, which);
                points.push((course.xs[k], tv));
                points.push((course.xs[k + 1], tv));
            }
            let x1 = course.xs[course.xs.len() - 1];
            points.push((x1, side_v(edge.head, course.head_side, x1)));
        } else {
            // A loop, round the far side of its box.
            let v = edge.tail;
            let (c, hi) = (centre_v(v), hi_of(v));
            points = vec![
                (hi, c - 5.0),
                (hi + 14.0, c - 5.0),
                (hi + 14.0, c + 5.0),
                (hi, c + 5.0),
            ];
        }
        let points = simplify(points.into_iter().map(|(a, b)| point(a, b)).collect());
        edges.push(Route {
            points,
            start: edge.back,
            end: !edge.back,
        });
    }

    // Tier boxes, round their nodes and rows.
    let mut bands = Vec::new();
    for (&first, (t, label)) in &band_first {
        let t = *t;
        let last = first + height[t] - 1;
        let nodes: Vec<usize> = (0..n).filter(|&v| tier_of[v] == t).collect();
        let mut lo = nodes
            .iter()
            .map(|&v| lo_of(v))
            .fold(f64::INFINITY, f64::min)
            - BAND_PAD * 1.5;
        let mut hi = nodes
            .iter()
            .map(|&v| hi_of(v))
            .fold(f64::NEG_INFINITY, f64::max)
            + BAND_PAD * 1.5;
        let label_w = label
            .iter()
            .map(|l| super::write::text_width(l, BAND_FONT))
            .fold(0.0, f64::max);
        let (mut top, bottom) = (row_top[first] - BAND_PAD, channel_top[last] + BAND_PAD);
        if lr {
            lo -= label.len() as f64 * BAND_LINE + 4.0;
        } else {
            top -= label.len() as f64 * BAND_LINE;
            hi = hi.max(lo + label_w + 16.0);
        }
        let (corner, far) = (point(lo, top), point(hi, bottom));
        bands.push(Band {
            corner,
            size: Point::new(far.x - corner.x, far.y - corner.y),
            label: label.clone(),
            cluster: t,
        });
    }
    Drawing {
        nodes,
        edges,
        bands,
    }
}

/// The columns of the grid these cells belong to.
fn grid_cols_of(cells: &[usize], grid_of: &[Option<usize>], grid_cols: &[usize]) -> usize {
    cells
        .first()
        .and_then(|&c| grid_of[c])
        .and_then(|g| grid_cols.get(g).copied())
        .unwrap_or(1)
        .max(1)
}

/// Lays leaves out as a grid of `cols` columns, one row after another:
/// its contour and each cell's place across, relative to its centre.
fn grid(cells: &[usize], cols: usize, row: &[usize], across: &[f64]) -> (Contour, Vec<f64>) {
    let top = cells.iter().map(|&c| row[c]).min().unwrap_or(0);
    let sub_rows = cells.len().div_ceil(cols);
    let mut widths = vec![0.0f64; cols];
    for (j, &c) in cells.iter().enumerate() {
        widths[j % cols] = widths[j % cols].max(across[c]);
    }
    // Room between columns for a lane to every cell below the first row.
    let gap = 2.0 * PAD + 2.0 * LANE * sub_rows as f64 + 8.0;
    let total: f64 = widths.iter().sum::<f64>() + gap * (cols.saturating_sub(1)) as f64;
    let mut centres = Vec::with_capacity(cols);
    let mut x = -total / 2.0;
    for w in &widths {
        centres.push(x + w / 2.0);
        x += w + gap;
    }
    let mut contour = Contour::new(top, 0.0, 0.0);
    contour.rows[0] = (f64::INFINITY, f64::NEG_INFINITY);
    let positions: Vec<f64> = cells
        .iter()
        .enumerate()
        .map(|(j, &c)| {
            let at = centres[j % cols];
            contour.add(row[c], at - across[c] / 2.0, at + across[c] / 2.0);
            at
        })
        .collect();
    (contour, positions)
}

/// A parent's children as units, in order: each subtree, and each grid
/// where its first cell would stand.
fn units_of(
    children: &[usize],
    grid_of: &[Option<usize>],
    grids: &[Vec<usize>],
    row: &[usize],
) -> Vec<Unit> {
    let mut seen = BTreeSet::new();
    let mut units = Vec::new();
    let mut sorted: Vec<usize> = children.to_vec();
    sorted.sort_by_key(|&c| (row[c], c));
    for c in sorted {
        match grid_of[c] {
            Some(g) => {
                if seen.insert(g) {
                    let cells: Vec<usize> = grids[g]
                        .iter()
                        .copied()
                        .filter(|x| children.contains(x))
                        .collect();
                    units.push(Unit::Grid(cells));
                }
            }
            None => units.push(Unit::Subtree(c)),
        }
    }
    units
}

/// Cuts every cycle of primary parents at its first node.
fn cut_cycles(parent: &mut [Option<usize>]) {
    let n = parent.len();
    // 0: not seen; 1: on the path being walked; 2: done.
    let mut state = vec![0u8; n];
    let mut path = Vec::new();
    for v in 0..n {
        path.clear();
        let mut at = Some(v);
        while let Some(u) = at {
            if state[u] != 0 {
                break;
            }
            state[u] = 1;
            path.push(u);
            at = parent[u];
        }
        if let Some(u) = at
            && state[u] == 1
            && let Some(pos) = path.iter().position(|&x| x == u)
            && let Some(&first) = path[pos..].iter().min()
        {
            parent[first] = None;
        }
        for &x in &path {
            state[x] = 2;
        }
    }
}

/// Each node's children in ascending order.
fn children_of(parent: &[Option<usize>]) -> Vec<Vec<usize>> {
    let mut children = vec![Vec::new(); parent.len()];
    for (v, p) in parent.iter().enumerate() {
        if let Some(p) = *p {
            children[p].push(v);
        }
    }
    children
}

/// The nodes, parents before children (roots in ascending order), and each
/// node's depth.
fn breadth_first(parent: &[Option<usize>]) -> (Vec<usize>, Vec<usize>) {
    let children = children_of(parent);
    let mut order: Vec<usize> = (0..parent.len()).filter(|&v| parent[v].is_none()).collect();
    let mut depth = vec![0usize; parent.len()];
    let mut i = 0;
    while i < order.len() {
        let v = order[i];
        for &c in &children[v] {
            depth[c] = depth[v] + 1;
            order.push(c);
        }
        i += 1;
    }
    (order, depth)
}

/// The order of the tiers' bands: a tier holding a parent before the tier
/// of its child where the tiers allow it; otherwise (and among tiers that
/// are free to go) the one with the shallowest node first, then the one in
/// the largest tree, then the first by name.
fn order_tiers(
    tiers: usize,
    tier_of: &[usize],
    parent: &[Option<usize>],
    depth: &[usize],
    root_of: &[usize],
    tree_size: &[usize],
) -> Vec<usize> {
    let mut present = vec![false; tiers];
    let mut shallowest = vec![usize::MAX; tiers];
    let mut largest = vec![0usize; tiers];
    let mut links = BTreeSet::new();
    for v in 0..tier_of.len() {
        let t = tier_of[v];
        present[t] = true;
        shallowest[t] = shallowest[t].min(depth[v]);
        largest[t] = largest[t].max(tree_size[root_of[v]]);
        if let Some(p) = parent[v]
            && tier_of[p] != t
        {
            links.insert((tier_of[p], t));
        }
    }
    let mut waiting = vec![0usize; tiers];
    for &(_, t) in &links {
        waiting[t] += 1;
    }
    let key = |t: usize| (shallowest[t], std::cmp::Reverse(largest[t]), t);
    let mut order = Vec::new();
    let mut placed = vec![false; tiers];
    let count = present.iter().filter(|&&p| p).count();
    while order.len() < count {
        let free = (0..tiers)
            .filter(|&t| present[t] && !placed[t] && waiting[t] == 0)
            .min_by_key(|&t| key(t));
        let next = free.or_else(|| {
            (0..tiers)
                .filter(|&t| present[t] && !placed[t])
                .min_by_key(|&t| key(t))
        });
        let Some(t) = next else { break };
        placed[t] = true;
        order.push(t);
        for &(a, b) in &links {
            if a == t && !placed[b] {
                waiting[b] = waiting[b].saturating_sub(1);
            }
        }
    }
    order
}

/// How far inside its bounding box a shape's outline is, on the side facing
/// the rows before or after, at `offset` across from the centre.
fn inset(shape: Shape, across: f64, along: f64, lr: bool, offset: f64) -> f64 {
    // In screen terms: the side is the top or bottom when drawn top to
    // bottom, the left or right when drawn left to right.
    let (w, h) = if lr { (along, across) } else { (across, along) };
    let off = offset.abs();
    match shape {
        Shape::Ellipse => {
            let t = (off / (across / 2.0)).min(1.0);
            (along / 2.0) * (1.0 - (1.0 - t * t).sqrt())
        }
        Shape::Hexagon => {
            let s = (h * 0.35).min(w / 4.0);
            if lr {
                s * (off / (h / 2.0)).min(1.0)
            } else {
                let flat = w / 2.0 - s;
                if off <= flat {
                    0.0
                } else {
                    ((off - flat) / s).min(1.0) * h / 2.0
                }
            }
        }
        Shape::Octagon => {
            let s = (h * 0.3).min(w / 4.0);
            let flat = across / 2.0 - s;
            (off - flat).clamp(0.0, s)
        }
        _ => 0.0,
    }
}

/// Drops points that repeat or lie on a straight line between their
/// neighbours.
fn simplify(points: Vec<Point>) -> Vec<Point> {
    let mut out: Vec<Point> = Vec::with_capacity(points.len());
    for p in points {
        if let Some(last) = out.last()
            && (last.x - p.x).abs() < 0.01
            && (last.y - p.y).abs() < 0.01
        {
            continue;
        }
        if out.len() >= 2 {
            let (a, b) = (out[out.len() - 2], out[out.len() - 1]);
            let straight = ((a.x - b.x).abs() < 0.01 && (b.x - p.x).abs() < 0.01)
                || ((a.y - b.y).abs() < 0.01 && (b.y - p.y).abs() < 0.01);
            if straight {
                out.pop();
            }
        }
        out.push(p);
    }
    out
}
