//! Intended change: what a structure says it will become, and what that
//! would resolve or introduce.

use serde::{Deserialize, Serialize};

use crate::model::{Id, RelationKind, Role, Status, Structure};

/// One change a structure says is intended.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(tag = "change", rename_all = "kebab-case")]
#[non_exhaustive]
pub enum IntendedChange {
    /// A relation that will hold ("will, in time, act as a sub group of
    /// ...").
    Relation {
        /// The body (or member) it is written on.
        from: Id,
        /// What kind of relation.
        kind: RelationKind,
        /// The body (or member) it points at.
        to: Id,
    },
    /// A seat that will be held ("will in future include one of the Chairs
    /// of the CCGs").
    Seat {
        /// The body.
        body: Id,
        /// Who will hold it.
        member: Id,
        /// In what role.
        role: Role,
    },
    /// A body that will take another status ("they would no longer meet"),
    /// or be set up (proposed, being established).
    Status {
        /// The body.
        body: Id,
        /// Its status now.
        from: Status,
        /// Its status as intended.
        to: Status,
    },
    /// Bodies that will together give way to others.
    Succession {
        /// The bodies giving way.
        from: Vec<Id>,
        /// The bodies taking their place.
        to: Vec<Id>,
        /// Replaced by, merged into or renamed to.
        kind: RelationKind,
    },
}

impl Structure {
    /// Every intended change, in a fixed order: relations, seats, statuses
    /// (intended statuses, and bodies to be set up) and successions, each
    /// sorted.
    ///
    /// # Complexity
    ///
    /// **O(B + R + S)** to find them, plus sorting what is found.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{IntendedChange, RelationKind, Status, Structure};
    ///
    /// let s = Structure::from_toml_str(r#"
    ///     [[body]]
    ///     id = "hwb"
    ///     name = "Health and Wellbeing Board"
    ///     kind = "board"
    ///     apex = true
    ///
    ///     [[body]]
    ///     id = "trust"
    ///     name = "Children's Trust"
    ///     kind = "board"
    ///     apex = true
    ///     merged_into = [{ to = "hwb", intended = true }]
    /// "#)?;
    /// assert_eq!(
    ///     s.intended_changes(),
    ///     [
    ///         IntendedChange::Relation {
    ///             from: "trust".into(),
    ///             kind: RelationKind::MergedInto,
    ///             to: "hwb".into(),
    ///         },
    ///         // What the merger does to the Trust.
    ///         IntendedChange::Status {
    ///             body: "trust".into(),
    ///             from: Status::Active,
    ///             to: Status::Merged,
    ///         },
    ///     ]
    /// );
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn intended_changes(&self) -> Vec<IntendedChange> {
        let mut changes: Vec<IntendedChange> = self
            .relations()
            .iter()
            .filter(|r| r.intended)
            .map(|r| IntendedChange::Relation {
                from: r.from.clone(),
                kind: r.kind,
                to: r.to.clone(),
            })
            .collect();
        changes.extend(self.memberships().iter().filter(|m| m.intended).map(|m| {
            IntendedChange::Seat {
                body: m.body.clone(),
                member: m.member.clone(),
                role: m.role,
            }
        }));
        let statuses = self.intended_statuses();
        changes.extend(self.bodies().zip(statuses).filter_map(|(b, to)| {
            let to = to?;
            (to != b.status).then(|| IntendedChange::Status {
                body: b.id.clone(),
                from: b.status,
                to,
            })
        }));
        changes.extend(self.successions().iter().filter(|s| s.intended).map(|s| {
            IntendedChange::Succession {
                from: s.from.clone(),
                to: s.to.clone(),
                kind: s.kind,
            }
        }));
        changes.dedup();
        changes
    }
}
