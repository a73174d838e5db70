//! Unsettled accountability: bodies whose source does not say, or says it
//! has not yet settled, to whom they answer, and bodies with no relation of
//! any kind to another.

use serde::{Deserialize, Serialize};

use crate::analysis::net::Net;
use crate::model::{Accountability, Id, Status, Structure};

/// A body whose accountability is not stated, not settled, or not there at
/// all: "has yet to formalise its relationships with other strategic
/// groups". Reported apart from orphans: an orphan has lost a line it had;
/// these never had one the source could name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Unsettled {
    /// The body.
    pub body: Id,
    /// Its status.
    pub status: Status,
    /// Why it is listed.
    pub reason: UnsettledReason,
    /// The parents the file gives it all the same (an assumed line, where
    /// the source is silent), sorted by id; empty when it gives none.
    pub assumed: Vec<Id>,
}

/// Why a body's accountability is reported as unsettled.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum UnsettledReason {
    /// The source does not say to whom it is accountable
    /// ([`Accountability::Unstated`]).
    Unstated,
    /// The source says its relationships are not yet settled
    /// ([`Accountability::Unsettled`]).
    Unsettled,
    /// It is an apex with no relation of any kind to another body or
    /// member (no line of accountability, scrutiny, information or
    /// succession, no seat held by or on behalf of another body), in a
    /// structure whose other bodies are related. (A body that is not an
    /// apex and has no parent is an orphan, and reported as one.)
    NoRelations,
}

impl Structure {
    /// Bodies whose accountability is not stated or not settled, and apexes
    /// with no relation of any kind, sorted by id. Bodies gone for good are
    /// left out, and so are unrelated apexes in a structure where nothing is
    /// related (a list of councils, one chamber).
    ///
    /// # Complexity
    ///
    /// **O(B + R + S)** for B bodies, R relations and S seats.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{Structure, UnsettledReason};
    ///
    /// let s = Structure::from_toml_str(r#"
    ///     [[body]]
    ///     id = "hwb"
    ///     name = "Shadow Health and Wellbeing Board"
    ///     kind = "board"
    ///     status = "shadow"
    ///     accountability = "unsettled"
    ///
    ///     [[body]]
    ///     id = "trust"
    ///     name = "Children's Trust Board"
    ///     kind = "board"
    ///     apex = true
    ///
    ///     [[body]]
    ///     id = "exec"
    ///     name = "Executive"
    ///     kind = "executive"
    ///     reports_to = ["trust"]
    /// "#)?;
    /// let found = s.unsettled();
    /// assert_eq!(found.len(), 1);
    /// assert_eq!((found[0].body.as_str(), found[0].reason), ("hwb", UnsettledReason::Unsettled));
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn unsettled(&self) -> Vec<Unsettled> {
        self.analyse().unsettled()
    }
}

/// The unsettled bodies, finding bodies and parents through the network:
/// a hash lookup a seat, and each body's parents already listed.
pub(crate) fn unsettled(net: &Net<'_>) -> Vec<Unsettled> {
    let structure = net.structure;
    // Whether each node relates to anything, and whether anything relates
    // at all (an id that names no node still counts for that).
    let mut related = vec![false; net.len()];
    let mut any = false;
    let relate = |related: &mut [bool], any: &mut bool, id: &Id| {
        *any = true;
        if let Some(node) = net.node_of(id) {
            related[node as usize] = true;
        }
    };
    for relation in structure.relations() {
        relate(&mut related, &mut any, &relation.from);
        relate(&mut related, &mut any, &relation.to);
    }
    for (&(body, member), seat) in net.seats().iter().zip(structure.memberships()) {
        let for_body = seat.on_behalf_of.as_ref().map(|o| net.node_of(o));
        let between_bodies = !net.is_member(member)
            || for_body.is_some_and(|node| node.is_some_and(|n| !net.is_member(n)));
        if between_bodies {
            any = true;
            related[body as usize] = true;
            related[member as usize] = true;
            if let Some(Some(node)) = for_body {
                related[node as usize] = true;
            }
        }
    }
    for succession in structure.successions() {
        for id in succession.from.iter().chain(&succession.to) {
            relate(&mut related, &mut any, id);
        }
    }
    // A structure in which nothing relates to anything is a list, not
    // a web with one body left out.
    let alone_possible = any;
    (0..net.body_count as u32)
        .filter_map(|node| {
            let b = net.body(node)?;
            if b.status.is_gone() {
                return None;
            }
            let reason = match b.accountability {
                Some(Accountability::Unstated) => UnsettledReason::Unstated,
                Some(Accountability::Unsettled) => UnsettledReason::Unsettled,
                None if b.apex && alone_possible && !related[node as usize] => {
                    UnsettledReason::NoRelations
                }
                None => return None,
            };
            Some(Unsettled {
                body: b.id.clone(),
                status: b.status,
                reason,
                assumed: net.to_ids(net.parents.of(node)),
            })
        })
        .collect()
}
