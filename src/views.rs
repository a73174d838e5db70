//! Parts of a structure worth drawing on their own.

use std::collections::BTreeSet;

use crate::model::{Id, Structure};

impl Structure {
    /// One body's neighbourhood: the body, every body and post on its
    /// routes of accountability up to an apex, the bodies directly
    /// accountable to it, the bodies and members related to it in any other
    /// way (who scrutinises it, whom it feeds into, ...), and who sits on it.
    /// Only relations between what is kept, and only the seats on the body,
    /// are kept. `None` if `id` names no body.
    ///
    /// # Complexity
    ///
    /// **O(R · A + S)** for R relations, S seats and A bodies above it.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::datasets;
    ///
    /// // The Integrated Working Programme Board, its projects and its line
    /// // up to the Trust Board (Solihull s6.6).
    /// let s = datasets::solihull_2011();
    /// let around = s.neighbourhood("iwpb").unwrap();
    /// assert!(around.body("trust-board").is_some());
    /// assert!(around.body("project-lincs").is_some());
    /// assert!(around.body("play-partnership").is_none());
    /// ```
    pub fn neighbourhood(&self, id: &str) -> Option<Structure> {
        let focus = self.body(id)?.id.clone();
        let mut keep: BTreeSet<Id> = BTreeSet::from([focus.clone()]);
        let mut stack = vec![focus.clone()];
        while let Some(next) = stack.pop() {
            for parent in self.accountable_parents(next.as_str()) {
                if keep.insert(Id::from(parent)) {
                    stack.push(Id::from(parent));
                }
            }
        }
        for relation in &self.relations {
            match relation.accountability() {
                Some((child, parent)) if *parent == focus => {
                    keep.insert(child.clone());
                }
                Some(_) => {}
                None if relation.from == focus => {
                    keep.insert(relation.to.clone());
                }
                None if relation.to == focus => {
                    keep.insert(relation.from.clone());
                }
                None => {}
            }
        }
        let seats: Vec<_> = self.seats_on(id).cloned().collect();
        for seat in &seats {
            keep.insert(seat.member.clone());
            if let Some(o) = &seat.on_behalf_of {
                keep.insert(o.clone());
            }
        }
        // The organisations of what is kept, so that every id it names
        // stays defined.
        let organisations: Vec<Id> = keep
            .iter()
            .filter_map(|k| self.member(k.as_str()))
            .flat_map(|m| m.organisations.iter().cloned())
            .collect();
        keep.extend(organisations);

        let mut out = self.clone();
        out.bodies.retain(|id, _| keep.contains(id));
        out.members.retain(|id, _| keep.contains(id));
        out.relations
            .retain(|r| keep.contains(&r.from) && keep.contains(&r.to));
        out.memberships = seats;
        out.successions
            .retain(|s| s.from.iter().chain(&s.to).all(|id| keep.contains(id)));
        Some(out)
    }
}
