//! Parts of a structure worth drawing on their own.

use std::collections::BTreeSet;

use crate::analysis::Finding;
use crate::model::{Id, Membership, Structure};

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
        self.keep_routes_up(&mut keep);
        self.keep_around(&focus, &mut keep);
        let seats: Vec<Membership> = self.seats_on(id).cloned().collect();
        Some(self.only(keep, seats))
    }

    /// One finding of a report on its own: the bodies and members it is
    /// about and those it cites ([`Finding::ids`], [`Finding::evidence`]),
    /// every body and post on their routes of accountability up to an
    /// apex, and around what it is about, as in
    /// [`neighbourhood`](Structure::neighbourhood), what answers to it,
    /// what else relates to it and who sits on it; and the seats the
    /// finding's members hold on the bodies kept. Only relations between
    /// what is kept are kept. Draw it with
    /// [`Overlay::from`](crate::Overlay) of the same finding to mark the
    /// finding in it. Ids the structure does not hold (a finding of another
    /// structure's report) are left out.
    ///
    /// # Complexity
    ///
    /// **O(F · R · A + S)** for F ids in the finding, R relations, S seats
    /// and A bodies above them.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{datasets, DrawOptions, FindingKind, Overlay};
    ///
    /// // Solihull s3.3.3: "concern about duplication with the LSCB".
    /// let s = datasets::solihull_2011();
    /// let report = s.report();
    /// let stay_safe = report
    ///     .findings()
    ///     .find(|f| f.kind() == FindingKind::Duplicate && f.ids().contains(&"stay-safe".into()))
    ///     .unwrap();
    /// let view = s.finding_view(&stay_safe);
    /// // The two bodies, the Stay Safe group's line up through the
    /// // Performance & Commissioning Group to the Trust Board, and the
    /// // LSCB's training subgroup; not the other outcome groups.
    /// assert!(view.body("lscb").is_some());
    /// assert!(view.body("pc-group").is_some());
    /// assert!(view.body("trust-board").is_some());
    /// assert!(view.body("lscb-training-subgroup").is_some());
    /// assert!(view.body("be-healthy").is_none());
    /// let dot = view.to_dot(&DrawOptions::new().overlay(Overlay::from(&stay_safe)));
    /// assert!(dot.contains("[D1]"));
    /// ```
    pub fn finding_view(&self, finding: &Finding<'_>) -> Structure {
        let about: Vec<&Id> = finding
            .ids()
            .iter()
            .filter(|id| self.entity(id.as_str()).is_some())
            .collect();
        let cited: Vec<&Id> = finding
            .evidence()
            .into_iter()
            .filter(|id| self.entity(id.as_str()).is_some())
            .collect();
        let mut keep: BTreeSet<Id> = about.iter().chain(&cited).map(|id| (*id).clone()).collect();
        self.keep_routes_up(&mut keep);
        for id in about.iter().filter(|id| self.body(id.as_str()).is_some()) {
            self.keep_around(id, &mut keep);
        }
        let named: BTreeSet<&Id> = about.iter().chain(&cited).copied().collect();
        let seats: Vec<Membership> = self
            .memberships
            .iter()
            .filter(|seat| {
                let on_what_it_is_about = about.contains(&&seat.body);
                let the_findings_own = named.contains(&seat.member) && keep.contains(&seat.body);
                on_what_it_is_about || the_findings_own
            })
            .cloned()
            .collect();
        self.only(keep, seats)
    }

    /// Adds to `keep` every body and post above what it holds, along the
    /// lines of accountability.
    fn keep_routes_up(&self, keep: &mut BTreeSet<Id>) {
        let mut stack: Vec<Id> = keep.iter().cloned().collect();
        while let Some(next) = stack.pop() {
            for parent in self.accountable_parents(next.as_str()) {
                if keep.insert(Id::from(parent)) {
                    stack.push(Id::from(parent));
                }
            }
        }
    }

    /// Adds to `keep` what answers directly to `focus` and whatever is
    /// related to it in any other way.
    fn keep_around(&self, focus: &Id, keep: &mut BTreeSet<Id>) {
        for relation in &self.relations {
            match relation.accountability() {
                Some((child, parent)) if parent == focus => {
                    keep.insert(child.clone());
                }
                Some(_) => {}
                None if relation.from == *focus => {
                    keep.insert(relation.to.clone());
                }
                None if relation.to == *focus => {
                    keep.insert(relation.from.clone());
                }
                None => {}
            }
        }
    }

    /// The structure with only the bodies and members in `keep`, the
    /// holders of `seats` and their organisations, the relations between
    /// them, and `seats` as its memberships.
    fn only(&self, mut keep: BTreeSet<Id>, seats: Vec<Membership>) -> Structure {
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
        out
    }
}
