//! Orphaned groups: bodies with no live line of accountability to an apex.

use std::collections::VecDeque;

use serde::{Deserialize, Serialize};

use crate::analysis::net::Net;
use crate::model::{Id, Status, Structure};

/// A body that has lost its line of accountability: it is not an apex, and
/// no route of active bodies leads from it to an apex or to a member.
///
/// Found by [`Structure::orphans`]. The [`case`](Orphan::case) says why, and
/// names the bodies where its routes break.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Orphan {
    /// The orphaned body.
    pub body: Id,
    /// Its own status: an orphan may itself be active or not.
    pub status: Status,
    /// Why it is orphaned.
    #[serde(flatten)]
    pub case: OrphanCase,
}

/// Why a body is orphaned. In JSON the case is a `"case"` field beside the
/// body, in kebab case, with the case's own fields alongside.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "case", rename_all = "kebab-case")]
#[non_exhaustive]
pub enum OrphanCase {
    /// (a) It is not an apex and is accountable to no one.
    NoParent,
    /// (b) Every body it is accountable to is not active (on hold, dormant,
    /// merged, ...): the projects under Solihull's dormant Integrated
    /// Working Programme Board.
    InactiveParents {
        /// Its accountable parents, every one inactive, sorted by id.
        parents: Vec<Id>,
    },
    /// (c) It has an active parent, but every route upward breaks before it
    /// reaches an apex or a member.
    CutOff {
        /// Where the routes break, sorted by id: on each route, the first
        /// body that is not active or, where a route climbs to a body that is
        /// accountable to no one and is not an apex, that body. Empty when
        /// every route goes round a cycle that leads nowhere.
        through: Vec<Id>,
    },
}

impl Structure {
    /// Finds orphaned groups: every body, other than an apex and other than
    /// one that has gone for good ([`Status::is_gone`]), that has no live
    /// line of accountability.
    ///
    /// A route is a chain of accountability ([`Structure::accountable_parents`],
    /// step after step). It is live when every body on it, after the body
    /// itself, is active, and it ends at an active apex ([`Body::apex`](crate::Body::apex))
    /// or at a member: a body accountable to a post or to an organisation is
    /// anchored, whatever that post's own reporting lines. An apex that is
    /// not active anchors nothing, so its children are orphans of case (b).
    /// The body's own status does not matter: a dormant group whose parent is
    /// dormant is reported too, with its status.
    ///
    /// Three cases, in [`OrphanCase`]: (a) no accountable parent at all;
    /// (b) accountable parents, none of them active; (c) an active parent,
    /// but no live route. Orphans come sorted by body id.
    ///
    /// # Complexity
    ///
    /// **O((|V| + |E|) · k)** for bodies and members V, accountability
    /// relations E, and k the largest number of bodies named in one case (c)
    /// finding; **O(|V| + |E|)** when there are none.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, OrphanCase, Status, Structure};
    ///
    /// let s = Structure::builder()
    ///     .body(BodySpec::new("trust", "Trust Board", BodyKind::Board).apex())
    ///     .body(BodySpec::new("iwpb", "Integrated Working Programme Board", BodyKind::ProgrammeBoard)
    ///         .status(Status::OnHold)
    ///         .reports_to("trust")
    ///         .oversees("lincs"))
    ///     .body(BodySpec::new("lincs", "LINCS", BodyKind::Project))
    ///     .body(BodySpec::new("play", "Play Partnership", BodyKind::Partnership))
    ///     .build()?;
    /// let orphans = s.orphans();
    /// assert_eq!(orphans.len(), 2);
    /// assert_eq!(orphans[0].body.as_str(), "lincs");
    /// assert!(matches!(&orphans[0].case, OrphanCase::InactiveParents { parents } if parents[0].as_str() == "iwpb"));
    /// assert_eq!(orphans[1].body.as_str(), "play");
    /// assert_eq!(orphans[1].case, OrphanCase::NoParent);
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn orphans(&self) -> Vec<Orphan> {
        orphans(&Net::new(self))
    }
}

pub(crate) fn orphans(net: &Net<'_>) -> Vec<Orphan> {
    let count = net.len();

    // A node is live when it has a live route: members and active apexes
    // are the ends, and an active body with a live parent is live. A body is
    // reached when one of its parents is live, whatever its own status.
    let mut live = vec![false; count];
    let mut reached = vec![false; count];
    let mut queue = VecDeque::new();
    for node in 0..count as u32 {
        if net.is_member(node) || (net.is_apex(node) && net.is_active(node)) {
            live[node as usize] = true;
            queue.push_back(node);
        }
    }
    while let Some(node) = queue.pop_front() {
        for &child in net.children.of(node) {
            reached[child as usize] = true;
            if !live[child as usize] && net.is_active(child) {
                live[child as usize] = true;
                queue.push_back(child);
            }
        }
    }

    let through = Breaks::find(net, &live);

    let mut found = Vec::new();
    for node in 0..net.body_count as u32 {
        let body = net.body(node).expect("body nodes are bodies");
        if net.is_apex(node) || body.status.is_gone() || reached[node as usize] {
            continue;
        }
        let parents = &net.parents.of(node);
        let case = if parents.is_empty() {
            OrphanCase::NoParent
        } else if parents.iter().all(|&p| !net.is_active(p)) {
            OrphanCase::InactiveParents {
                parents: net.to_ids(parents),
            }
        } else {
            OrphanCase::CutOff {
                through: net.to_ids(&through.of(node)),
            }
        };
        found.push(Orphan {
            body: body.id.clone(),
            status: body.status,
            case,
        });
    }
    found
}

/// Where the routes of bodies that are not live break.
struct Breaks<'n, 's> {
    net: &'n Net<'s>,
    /// Active bodies that are not live and have parents: their routes pass
    /// on to their parents' breaks.
    between: Vec<bool>,
    /// For each such body, where its routes break, in id order.
    breaks: Vec<Vec<u32>>,
}

impl<'n, 's> Breaks<'n, 's> {
    fn find(net: &'n Net<'s>, live: &[bool]) -> Breaks<'n, 's> {
        let count = net.len();
        let between: Vec<bool> = (0..count as u32)
            .map(|n| !live[n as usize] && net.is_active(n) && !net.parents.of(n).is_empty())
            .collect();
        let mut breaks = Breaks {
            net,
            between,
            breaks: vec![Vec::new(); count],
        };
        // Sets only grow, so this settles; on a tree each body is seen once.
        let mut queued = breaks.between.clone();
        let mut queue: VecDeque<u32> = (0..count as u32).filter(|&n| queued[n as usize]).collect();
        while let Some(node) = queue.pop_front() {
            queued[node as usize] = false;
            let found = breaks.of(node);
            if found.len() != breaks.breaks[node as usize].len() {
                breaks.breaks[node as usize] = found;
                for &child in net.children.of(node) {
                    if breaks.between[child as usize] && !queued[child as usize] {
                        queued[child as usize] = true;
                        queue.push_back(child);
                    }
                }
            }
        }
        breaks
    }

    /// Where the routes of `node` break, as far as known: the union over its
    /// parents of the parent itself (inactive, or a dead end) or the parent's
    /// own breaks.
    fn of(&self, node: u32) -> Vec<u32> {
        let mut found = Vec::new();
        for &parent in self.net.parents.of(node) {
            if self.between[parent as usize] {
                found.extend_from_slice(&self.breaks[parent as usize]);
            } else {
                found.push(parent);
            }
        }
        self.net.sort(&mut found);
        found.dedup();
        found
    }
}
