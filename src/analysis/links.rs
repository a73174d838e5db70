//! Cross-body seats: the chair or lead officer of one body sitting on
//! another, and two bodies whose leaders each sit on the other's.

use serde::{Deserialize, Serialize};

use crate::analysis::net::Net;
use crate::analysis::seats::{leads, on_behalf_of_body};
use crate::model::{Id, Role, Structure};

/// A member who leads one body (its chair, vice-chair or lead officer) and
/// sits on another: "the independent chairman of Barnet Safeguarding
/// Children Board" on the Trust Board; "the DCS and DPH sit on this and
/// also sit on the CT Board so there are links but nothing formalised".
///
/// Found by [`Structure::cross_seats`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CrossSeat {
    /// The member.
    pub member: Id,
    /// The bodies it leads, sorted by id, each with the leading role it
    /// holds there (chair before vice-chair before lead officer).
    pub leads: Vec<Led>,
    /// The other bodies it sits on, sorted by id.
    pub also_on: Vec<Id>,
}

/// A body a member leads, and how.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Led {
    /// The body.
    pub body: Id,
    /// Chair, vice-chair or lead officer.
    pub role: Role,
}

/// Two bodies each represented on the other by its leaders: "the Chairs of
/// the Partnership and of the LSCB both sit on the reciprocal Board".
///
/// A body is represented by its chair, and by anyone who holds a seat on
/// the other body on its behalf. Found by [`Structure::reciprocal_seats`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ReciprocalSeats {
    /// The two bodies, sorted by id.
    pub bodies: [Id; 2],
    /// Leaders of the first body who sit on the second, sorted by id.
    pub first_on_second: Vec<Id>,
    /// Leaders of the second body who sit on the first, sorted by id.
    pub second_on_first: Vec<Id>,
}

impl Structure {
    /// Finds members who lead at least one body (as chair, vice-chair or
    /// lead officer) and sit on at least one other, counting bodies that
    /// have not gone for good. Sorted by the number of bodies, most first,
    /// then by member id.
    ///
    /// # Complexity
    ///
    /// **O(|V| log |V| + S)** for bodies and members V and seats S.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, MemberKind, MemberSpec, Role, Structure};
    ///
    /// let s = Structure::builder()
    ///     .member(MemberSpec::new("lscb-chair", "Independent Chair of the LSCB", MemberKind::Post))
    ///     .body(BodySpec::new("lscb", "LSCB", BodyKind::Board).seat("lscb-chair", Role::Chair))
    ///     .body(BodySpec::new("trust", "Trust Board", BodyKind::Board).seat("lscb-chair", Role::Member))
    ///     .build()?;
    /// let found = s.cross_seats();
    /// assert_eq!(found[0].member.as_str(), "lscb-chair");
    /// assert_eq!(found[0].leads[0].body.as_str(), "lscb");
    /// assert_eq!(found[0].also_on, ["trust"]);
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn cross_seats(&self) -> Vec<CrossSeat> {
        cross_seats(&Net::new(self))
    }

    /// Finds pairs of bodies each of which has its chair (or a member
    /// seated on its behalf) sitting on the other, two different members in
    /// all. A body and one directly accountable to it are left out: the
    /// chair of a sub-group sitting on its parent is how it reports, not a
    /// link between peers. So are bodies that have gone for good. Sorted by
    /// the pair's ids.
    ///
    /// # Complexity
    ///
    /// **O(L log L)**, where L counts, over every member, the bodies it
    /// chairs times the bodies it sits on, plus **O(S)** for seats S.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, MemberKind, MemberSpec, Role, Structure};
    ///
    /// let s = Structure::builder()
    ///     .member(MemberSpec::new("lscb-chair", "Independent Chair of the LSCB", MemberKind::Person))
    ///     .member(MemberSpec::new("partnership-chair", "Chair of the Partnership", MemberKind::Person))
    ///     .body(BodySpec::new("lscb", "LSCB", BodyKind::Board)
    ///         .seat("lscb-chair", Role::Chair)
    ///         .seat("partnership-chair", Role::Member))
    ///     .body(BodySpec::new("partnership", "Children's Partnership", BodyKind::Partnership)
    ///         .seat("partnership-chair", Role::Chair)
    ///         .seat("lscb-chair", Role::Member))
    ///     .build()?;
    /// let found = s.reciprocal_seats();
    /// assert_eq!(found[0].bodies, ["lscb", "partnership"]);
    /// assert_eq!(found[0].first_on_second, ["lscb-chair"]);
    /// assert_eq!(found[0].second_on_first, ["partnership-chair"]);
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn reciprocal_seats(&self) -> Vec<ReciprocalSeats> {
        reciprocal_seats(&Net::new(self))
    }
}

/// Every seat on a live body, as `(body, member, role, on behalf of body)`,
/// in membership order.
fn live_seats<'n>(net: &'n Net<'_>) -> impl Iterator<Item = (u32, u32, Role, Option<u32>)> + 'n {
    net.seats()
        .iter()
        .zip(net.structure.memberships())
        .filter(|((body, _), _)| !net.is_gone(*body))
        .map(|(&(body, member), seat)| {
            let for_body = on_behalf_of_body(net, seat).filter(|&b| !net.is_gone(b));
            (body, member, seat.role, for_body)
        })
}

/// A leading seat: `(member, body, role)`.
type Lead = (u32, u32, Role);

pub(crate) fn cross_seats(net: &Net<'_>) -> Vec<CrossSeat> {
    // The leading role each member holds on each body, best first.
    let mut led: Vec<Lead> = net
        .seats()
        .iter()
        .zip(net.structure.memberships())
        .filter(|&(&(body, _), seat)| leads(seat.role) && !net.is_gone(body))
        .map(|(&(body, member), seat)| (member, body, seat.role))
        .collect();
    led.sort_unstable_by_key(|&(member, body, role)| (member, net.rank[body as usize], role));
    led.dedup_by_key(|&mut (member, body, _)| (member, body));

    let sits_on = net.sits_on();
    let live = |member: u32| {
        sits_on
            .of(member)
            .iter()
            .copied()
            .filter(|&b| !net.is_gone(b))
    };
    // `(bodies, member, the member's leading roles)`: every body a member
    // leads is a live body it sits on, so the bodies it leads or is also
    // on are the live bodies it sits on. Lists are made only for the
    // members kept, once they are in order.
    let mut found: Vec<(usize, u32, &[Lead])> = led
        .chunk_by(|x, y| x.0 == y.0)
        .filter_map(|group| {
            let member = group[0].0;
            let bodies = live(member).count();
            (bodies >= 2).then_some((bodies, member, group))
        })
        .collect();
    // Members are distinct, so the order is total.
    found.sort_unstable_by_key(|&(bodies, member, _)| {
        (std::cmp::Reverse(bodies), net.rank[member as usize])
    });
    found
        .into_iter()
        .map(|(bodies, member, group)| {
            let leads = group
                .iter()
                .map(|&(_, body, role)| Led {
                    body: net.id(body).clone(),
                    role,
                })
                .collect();
            let mut also_on = Vec::with_capacity(bodies.saturating_sub(group.len()));
            also_on.extend(
                live(member)
                    .filter(|b| !group.iter().any(|&(_, l, _)| l == *b))
                    .map(|b| net.id(b).clone()),
            );
            CrossSeat {
                member: net.id(member).clone(),
                leads,
                also_on,
            }
        })
        .collect()
}

pub(crate) fn reciprocal_seats(net: &Net<'_>) -> Vec<ReciprocalSeats> {
    // Links `(from, to, member)`: the chair of `from` seated on `to`.
    let sits_on = net.sits_on();
    let mut links: Vec<(u32, u32, u32)> = Vec::new();
    let mut led: Vec<(u32, u32)> = Vec::new();
    for (body, member, role, for_body) in live_seats(net) {
        if role == Role::Chair {
            led.push((member, body));
        }
        if let Some(from) = for_body.filter(|&b| b != body) {
            links.push((from, body, member));
        }
    }
    led.sort_unstable();
    led.dedup();
    for &(member, from) in &led {
        for &to in sits_on.of(member) {
            if to != from && !net.is_gone(to) {
                links.push((from, to, member));
            }
        }
    }
    // Sorted by counting into runs by the body they come from, each run
    // then sorted on its own: the same order as one sort of them all, for
    // less.
    let mut start = vec![0u32; net.body_count + 1];
    for &(from, _, _) in &links {
        start[from as usize + 1] += 1;
    }
    for i in 0..net.body_count {
        start[i + 1] += start[i];
    }
    let mut next = start.clone();
    let mut by_from = vec![(0u32, 0u32, 0u32); links.len()];
    for &link in &links {
        let at = &mut next[link.0 as usize];
        by_from[*at as usize] = link;
        *at += 1;
    }
    for run in start.windows(2) {
        by_from[run[0] as usize..run[1] as usize].sort_unstable();
    }
    let mut links = by_from;
    links.dedup();

    let between = |from: u32, to: u32| {
        let start = links.partition_point(|l| (l.0, l.1) < (from, to));
        let end = links.partition_point(|l| (l.0, l.1) <= (from, to));
        &links[start..end]
    };
    let mut found = Vec::new();
    for group in links.chunk_by(|x, y| (x.0, x.1) == (y.0, y.1)) {
        let (a, b) = (group[0].0, group[0].1);
        if a > b || net.parents.of(a).contains(&b) || net.parents.of(b).contains(&a) {
            continue;
        }
        let back = between(b, a);
        if back.is_empty() {
            continue;
        }
        // One member leading both and sitting on both is not two bodies
        // represented on each other.
        let one = group.len() == 1 && back.len() == 1 && group[0].2 == back[0].2;
        if one {
            continue;
        }
        let mut there: Vec<u32> = group.iter().map(|l| l.2).collect();
        let mut back_there: Vec<u32> = back.iter().map(|l| l.2).collect();
        net.sort(&mut there);
        net.sort(&mut back_there);
        found.push(ReciprocalSeats {
            bodies: [net.id(a).clone(), net.id(b).clone()],
            first_on_second: net.to_ids(&there),
            second_on_first: net.to_ids(&back_there),
        });
    }
    found
}
