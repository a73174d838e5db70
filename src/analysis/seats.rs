//! What seats say beyond "who sits where": the organisations a seat
//! brings to the table, and who leads a body.
//!
//! Every analysis reads a member's organisations through
//! [`organisations_of`], so that what a post belongs to is decided in one
//! place.

use crate::analysis::net::{Adjacency, Net};
use crate::model::{Id, Member, MemberKind, Membership, Role};

/// The organisations a member belongs to: for a post or person, the
/// organisation (or organisations) written on it; for an organisation, none
/// beyond itself (see [`represented`]).
pub(super) fn organisations_of(member: &Member) -> impl Iterator<Item = &Id> + '_ {
    member.organisations.iter()
}

/// The organisations each member node belongs to ([`organisations_of`]),
/// as nodes, ids that name no member left out. Bodies have none.
pub(super) fn member_organisations(net: &Net<'_>) -> Adjacency {
    let mut pairs = Vec::new();
    // Member nodes follow the bodies, in id order, as members are listed.
    for (i, member) in net.structure.members().enumerate() {
        let node = (net.body_count + i) as u32;
        for organisation in organisations_of(member) {
            if let Some(o) = net
                .node(organisation.as_str())
                .filter(|&n| net.is_member(n))
            {
                pairs.push((node, o));
            }
        }
    }
    Adjacency::new(net.len(), pairs, &net.rank)
}

/// Calls `each` with the node of every organisation a seat brings to its
/// body: the member itself when it is an organisation, the organisations a
/// post or person belongs to (`organisations`, from
/// [`member_organisations`]), and the organisation the seat is held on
/// behalf of. An id that names a body (a seat held on behalf of a body) is
/// not an organisation and is left out; see [`on_behalf_of_body`]. A node
/// may be given more than once.
pub(super) fn represented(
    net: &Net<'_>,
    organisations: &Adjacency,
    seat: &Membership,
    member: u32,
    mut each: impl FnMut(u32),
) {
    if net
        .member(member)
        .is_some_and(|m| m.kind == MemberKind::Organisation)
    {
        each(member);
    }
    for &organisation in organisations.of(member) {
        each(organisation);
    }
    if let Some(node) = seat
        .on_behalf_of
        .as_ref()
        .and_then(|id| net.node_of(id))
        .filter(|&n| net.is_member(n))
    {
        each(node);
    }
}

/// The body a seat is held on behalf of, when it names a body rather than an
/// organisation (the chair of the LSCB sitting on the Trust *as* its chair).
pub(super) fn on_behalf_of_body(net: &Net<'_>, seat: &Membership) -> Option<u32> {
    seat.on_behalf_of
        .as_ref()
        .and_then(|id| net.node_of(id))
        .filter(|&n| !net.is_member(n))
}

/// Whether a role leads a body: its chair, vice-chair or lead officer.
pub(super) fn leads(role: Role) -> bool {
    matches!(role, Role::Chair | Role::ViceChair | Role::LeadOfficer)
}
