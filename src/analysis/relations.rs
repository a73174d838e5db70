//! Every relation that is not accountability, grouped by kind: who
//! scrutinises or challenges whom, who feeds into whom, what is part of
//! what, what was merged into or replaced by what.

use serde::{Deserialize, Serialize};

use crate::model::{Id, RelationKind, Structure};

/// The relations of one kind that is not accountability
/// ([`RelationKind::is_accountability`]), one-way and mutual alike.
///
/// Found by [`Structure::other_relations`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RelationGroup {
    /// The kind.
    pub kind: RelationKind,
    /// Its relations, sorted by source and then target; a mutual pair is
    /// listed once, from the first id.
    pub relations: Vec<OtherRelation>,
}

/// One relation of a [`RelationGroup`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct OtherRelation {
    /// The body (or member) it is written on.
    pub from: Id,
    /// The body (or member) it points at.
    pub to: Id,
    /// Whether `to` has the same relation to `from` (mutual scrutiny).
    pub mutual: bool,
}

impl Structure {
    /// Every relation that is not a line of accountability, grouped by
    /// kind in the order of [`RelationKind::ALL`]; kinds with no relation
    /// are left out. Relations of any kind govgraph knows of, now or
    /// later, that are not accountability come here.
    ///
    /// # Complexity
    ///
    /// **O(R log R)** for R relations.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, RelationKind, Structure};
    ///
    /// let s = Structure::builder()
    ///     .body(BodySpec::new("lscb", "LSCB", BodyKind::Board).scrutinises("trust"))
    ///     .body(BodySpec::new("hwb", "Health and Wellbeing Board", BodyKind::Board).scrutinises("trust"))
    ///     .body(BodySpec::new("trust", "Trust Board", BodyKind::Board).scrutinises("lscb"))
    ///     .build()?;
    /// let groups = s.other_relations();
    /// assert_eq!(groups[0].kind, RelationKind::Scrutinises);
    /// let one_way = &groups[0].relations[0];
    /// assert_eq!((one_way.from.as_str(), one_way.to.as_str(), one_way.mutual), ("hwb", "trust", false));
    /// let mutual = &groups[0].relations[1];
    /// assert_eq!((mutual.from.as_str(), mutual.to.as_str(), mutual.mutual), ("lscb", "trust", true));
    /// assert_eq!(groups[0].relations.len(), 2);
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn other_relations(&self) -> Vec<RelationGroup> {
        other_relations(self)
    }
}

pub(crate) fn other_relations(structure: &Structure) -> Vec<RelationGroup> {
    let mut by_kind: Vec<(RelationKind, &Id, &Id)> = structure
        .relations()
        .iter()
        .filter(|r| !r.kind.is_accountability())
        .map(|r| (r.kind, &r.from, &r.to))
        .collect();
    by_kind.sort_unstable();
    by_kind.dedup();
    let mut groups = Vec::new();
    for &kind in RelationKind::ALL {
        let start = by_kind.partition_point(|r| r.0 < kind);
        let end = by_kind.partition_point(|r| r.0 <= kind);
        let of_kind = &by_kind[start..end];
        if of_kind.is_empty() {
            continue;
        }
        let has = |from: &Id, to: &Id| of_kind.binary_search(&(kind, from, to)).is_ok();
        let relations = of_kind
            .iter()
            .filter_map(|&(_, from, to)| {
                let mutual = from != to && has(to, from);
                (!mutual || from < to).then(|| OtherRelation {
                    from: from.clone(),
                    to: to.clone(),
                    mutual,
                })
            })
            .collect();
        groups.push(RelationGroup { kind, relations });
    }
    groups
}
