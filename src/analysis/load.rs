//! Governance load: meetings a year, per body and, through seats, per member.

use serde::{Deserialize, Serialize};

use crate::analysis::net::Net;
use crate::model::{Id, MeetingPattern, Structure};

/// How many meetings the structure asks of its bodies and of the members
/// who sit on them: the load behind the "capacity issues" the Solihull paper
/// gives for its Stay Safe Outcome Group faltering.
///
/// Only active bodies count: a body on hold or dormant holds no meetings,
/// whatever its pattern was. Found by [`Structure::governance_load`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct GovernanceLoad {
    /// Active bodies with a meeting pattern, most meetings first, then by id.
    pub bodies: Vec<BodyLoad>,
    /// Active bodies whose meeting pattern is not known, sorted by id. They
    /// are left out of every total rather than counted as meeting never.
    pub unknown: Vec<Id>,
    /// Members with a seat on at least one active body whose meeting
    /// pattern is known, most meetings first, then by id.
    pub members: Vec<MemberLoad>,
    /// How many members sit on active bodies, but on none whose meeting
    /// pattern is known: nothing is known of their load, so they are
    /// counted rather than listed.
    pub members_unknown: usize,
}

/// The meetings of one body.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct BodyLoad {
    /// The body.
    pub body: Id,
    /// How often it meets.
    #[serde(deserialize_with = "super::finding::meeting_pattern")]
    pub meets: MeetingPattern,
    /// Meetings a year ([`MeetingPattern::per_year`]).
    pub per_year: f64,
}

/// The meetings one member's seats ask of it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MemberLoad {
    /// The member.
    pub member: Id,
    /// Meetings a year over its seats on active bodies whose pattern is
    /// known.
    pub per_year: f64,
    /// How many active bodies it sits on, including those in `unknown`.
    pub bodies: usize,
    /// Active bodies it sits on whose meeting pattern is not known, sorted
    /// by id: its true load is `per_year` plus their meetings.
    pub unknown: Vec<Id>,
}

impl Structure {
    /// Meetings a year per active body (from [`Body::meets`](crate::Body::meets))
    /// and per member (the sum over the distinct active bodies it sits on).
    /// Bodies with no meeting pattern are listed as unknown, not counted as
    /// zero; a body that meets only as needed counts as zero. A member
    /// whose every active body has no known pattern is counted in
    /// [`GovernanceLoad::members_unknown`], not listed.
    ///
    /// # Complexity
    ///
    /// **O(|V| log |V| + S)** for bodies and members V and seats S.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, MeetingPattern, MemberKind, MemberSpec, Role, Structure};
    ///
    /// let s = Structure::builder()
    ///     .member(MemberSpec::new("dcs", "Director of Children's Services", MemberKind::Post))
    ///     .body(BodySpec::new("panel", "Short Breaks panel", BodyKind::Panel)
    ///         .meets(MeetingPattern::EveryMonths(1))
    ///         .seat("dcs", Role::Chair))
    ///     .body(BodySpec::new("be-healthy", "Be Healthy", BodyKind::Group)
    ///         .meets(MeetingPattern::EveryMonths(3))
    ///         .seat("dcs", Role::Member))
    ///     .body(BodySpec::new("play", "Play Partnership", BodyKind::Partnership).seat("dcs", Role::Member))
    ///     .build()?;
    /// let load = s.governance_load();
    /// assert_eq!(load.bodies[0].per_year, 12.0);
    /// assert_eq!(load.unknown, ["play"]);
    /// assert_eq!(load.members[0].per_year, 16.0);
    /// assert_eq!(load.members[0].bodies, 3);
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn governance_load(&self) -> GovernanceLoad {
        governance_load(&Net::new(self))
    }
}

pub(crate) fn governance_load(net: &Net<'_>) -> GovernanceLoad {
    let mut meeting: Vec<(f64, u32, MeetingPattern)> = Vec::new();
    let mut unknown = Vec::new();
    // Body nodes are in id order already.
    for node in 0..net.body_count as u32 {
        let body = net.body(node).expect("body nodes are bodies");
        if !body.is_active() {
            continue;
        }
        match body.meets {
            Some(meets) => meeting.push((meets.per_year(), node, meets)),
            None => unknown.push(body.id.clone()),
        }
    }
    // Most meetings first, ties in id order: sorted as small entries, and
    // the findings made in that order.
    meeting.sort_unstable_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let bodies = meeting
        .into_iter()
        .map(|(per_year, node, meets)| BodyLoad {
            body: net.id(node).clone(),
            meets,
            per_year,
        })
        .collect();

    // What each body asks of its members, by body node, looked up once per
    // body rather than once per seat: `None` for bodies that do not meet
    // (not active), `Some(None)` when the pattern is not known.
    let rates: Vec<Option<Option<f64>>> = (0..net.body_count as u32)
        .map(|node| {
            let body = net.body(node).expect("body nodes are bodies");
            body.is_active()
                .then(|| body.meets.map(MeetingPattern::per_year))
        })
        .collect();
    let sits_on = net.sits_on();
    let mut members_unknown = 0;
    // `(meetings a year, member, bodies, bodies of unknown pattern)`.
    let mut loads: Vec<(f64, u32, usize, usize)> = (net.body_count as u32..net.len() as u32)
        .filter_map(|member| {
            let mut per_year = 0.0;
            let mut bodies = 0;
            let mut unknown = 0;
            // Summed in body id order, so the total is the same on every
            // run and every platform.
            for &body in sits_on.of(member) {
                match rates[body as usize] {
                    None => continue,
                    Some(Some(rate)) => per_year += rate,
                    Some(None) => unknown += 1,
                }
                bodies += 1;
            }
            if bodies > 0 && bodies == unknown {
                members_unknown += 1;
                return None;
            }
            (bodies > 0).then_some((per_year, member, bodies, unknown))
        })
        .collect();
    loads.sort_unstable_by(|a, b| {
        b.0.total_cmp(&a.0)
            .then(net.rank[a.1 as usize].cmp(&net.rank[b.1 as usize]))
    });
    let members = loads
        .into_iter()
        .map(|(per_year, member, bodies, unknown)| {
            let mut ids = Vec::with_capacity(unknown);
            if unknown > 0 {
                ids.extend(
                    sits_on
                        .of(member)
                        .iter()
                        .filter(|&&body| rates[body as usize] == Some(None))
                        .map(|&body| net.id(body).clone()),
                );
            }
            MemberLoad {
                member: net.id(member).clone(),
                per_year,
                bodies,
                unknown: ids,
            }
        })
        .collect();

    GovernanceLoad {
        bodies,
        unknown,
        members,
        members_unknown,
    }
}
