//! The plain-text report: a short heading per analysis, one finding per
//! line, bodies by display name.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;
use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::analysis::{Counts, Finding, FindingKind, IntendedChange, Report};
use crate::model::{BodyKind, Id, Status, Structure};

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.structure {
            Some(name) => writeln!(f, "Governance report: {name}")?,
            None => writeln!(f, "Governance report")?,
        }
        self.write_summary(f)?;

        let findings: Vec<Finding<'_>> = self.findings().collect();
        let of = |kind: FindingKind| findings.iter().filter(move |x| x.kind() == kind);

        heading(f, "Orphaned groups", self.orphans.len())?;
        for finding in of(FindingKind::Orphan) {
            writeln!(f, "  {finding}")?;
        }

        heading(
            f,
            "Accountability not stated or not settled",
            self.unsettled.len(),
        )?;
        for finding in of(FindingKind::Unsettled) {
            writeln!(f, "  {finding}")?;
        }

        heading(f, "Closure impact", self.closure_impacts.len())?;
        for impact in &self.closure_impacts {
            let noun = if impact.total == 1 { "body" } else { "bodies" };
            let mut names: Vec<String> = impact
                .cut_off
                .iter()
                .map(|id| self.name(id).to_string())
                .collect();
            let more = impact.entries - impact.cut_off.len();
            if more > 0 {
                names.push(format!("{more} more"));
            }
            writeln!(
                f,
                "  closing {} would cut off {} {noun}: {}",
                self.name(&impact.body),
                impact.total,
                join(names.into_iter())
            )?;
        }

        let threshold = self.options.duplication.threshold_value();
        heading(
            f,
            &format!("Possible duplication (score at least {threshold:.2})"),
            self.duplicates.len(),
        )?;
        for finding in of(FindingKind::Duplicate) {
            writeln!(f, "  {finding}")?;
        }

        let o = &self.options.overlap;
        heading(
            f,
            &format!(
                "Overlapping membership (at least {} in common, {:.0}% of the smaller body or Jaccard {:.2})",
                o.min_shared_value(),
                o.min_containment_value() * 100.0,
                o.min_jaccard_value()
            ),
            self.overlaps.len(),
        )?;
        for finding in of(FindingKind::Overlap) {
            writeln!(f, "  {finding}")?;
        }

        heading(f, "Accountability cycles", self.cycles.len())?;
        for finding in of(FindingKind::Cycle) {
            writeln!(f, "  {finding}")?;
        }

        heading(f, "Mutual scrutiny", self.mutual_scrutiny.len())?;
        for finding in of(FindingKind::MutualScrutiny) {
            writeln!(f, "  {finding}")?;
        }

        heading(
            f,
            "Multiple accountability",
            self.multiple_accountability.len(),
        )?;
        for finding in of(FindingKind::MultipleAccountability) {
            writeln!(f, "  {finding}")?;
        }

        heading(
            f,
            &format!(
                "Interlocks (members on {} or more bodies)",
                self.options.interlock_min_bodies
            ),
            self.interlocks.len(),
        )?;
        for finding in of(FindingKind::Interlock) {
            writeln!(f, "  {finding}")?;
        }

        heading(
            f,
            "Cross-body seats (a chair, vice-chair or lead officer of one body on another)",
            self.cross_seats.len(),
        )?;
        for finding in of(FindingKind::CrossSeat) {
            writeln!(f, "  {finding}")?;
        }

        heading(f, "Reciprocal seats", self.reciprocal_seats.len())?;
        for finding in of(FindingKind::ReciprocalSeats) {
            writeln!(f, "  {finding}")?;
        }

        self.write_relations(f)?;
        self.write_load(f)?;
        self.write_intended(f)
    }
}

impl Report {
    fn write_summary(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = &self.summary;
        writeln!(f, "\nSummary")?;
        writeln!(f, "  bodies: {}", counts_line(&s.bodies))?;
        for tier in &s.tiers {
            match &tier.tier {
                Some(name) => writeln!(f, "  tier {name}: {}", counts_line(&tier.counts))?,
                None => writeln!(f, "  no tier: {}", counts_line(&tier.counts))?,
            }
        }
        writeln!(
            f,
            "  members: {}; seats: {}; relations: {}",
            s.members, s.memberships, s.relations
        )?;
        if s.deepest_chain.is_empty() {
            writeln!(f, "  depth: 0 (no apex)")?;
        } else {
            let chain: Vec<&str> = s.deepest_chain.iter().map(|id| self.name(id)).collect();
            writeln!(f, "  depth: {} ({})", s.depth, chain.join(" > "))?;
        }
        match &s.widest_span {
            Some(span) => writeln!(
                f,
                "  widest span of control: {}, {} directly accountable",
                self.name(&span.id),
                span.children
            ),
            None => writeln!(f, "  widest span of control: none"),
        }
    }

    fn write_relations(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let total: usize = self.other_relations.iter().map(|g| g.relations.len()).sum();
        heading(f, "Other relations (not accountability)", total)?;
        for group in &self.other_relations {
            writeln!(
                f,
                "  {}: {}",
                group.kind.as_str().replace('-', " "),
                group.relations.len()
            )?;
            let phrase = group.kind.phrase();
            for relation in &group.relations {
                let (from, to) = (self.name(&relation.from), self.name(&relation.to));
                if relation.mutual {
                    writeln!(f, "    {from} {phrase} {to}, and {to} {phrase} {from}")?;
                } else {
                    writeln!(f, "    {from} {phrase} {to}")?;
                }
            }
        }
        Ok(())
    }

    /// The intended changes and what they would resolve and introduce:
    /// written only when something is intended.
    fn write_intended(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Some(intended) = &self.intended else {
            return Ok(());
        };
        heading(f, "Intended changes", intended.changes.len())?;
        for change in &intended.changes {
            match change {
                IntendedChange::Relation { from, kind, to } => writeln!(
                    f,
                    "  {} {} {}",
                    self.name(from),
                    kind.phrase(),
                    self.name(to)
                )?,
                IntendedChange::Seat { body, member, role } => writeln!(
                    f,
                    "  {} to sit on {} as {}",
                    self.name(member),
                    self.name(body),
                    role.as_str().replace('-', " ")
                )?,
                IntendedChange::Status { body, from, to } => writeln!(
                    f,
                    "  {}: {} to become {}",
                    self.name(body),
                    status_words(*from),
                    status_words(*to)
                )?,
                IntendedChange::Succession { from, to, kind } => writeln!(
                    f,
                    "  {} {} {}",
                    self.names(from),
                    kind.phrase(),
                    self.names(to)
                )?,
            }
        }
        if let Some(findings) = &intended.findings {
            heading_line(
                f,
                "  as intended, findings resolved",
                findings.resolved.len(),
            )?;
            for found in &findings.resolved {
                writeln!(f, "    {}: {}", found.kind, found.text)?;
            }
            heading_line(
                f,
                "  as intended, findings introduced",
                findings.introduced.len(),
            )?;
            for found in &findings.introduced {
                writeln!(f, "    {}: {}", found.kind, found.text)?;
            }
        }
        Ok(())
    }

    fn write_load(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let load = &self.load;
        writeln!(f, "\nGovernance load")?;
        heading_line(f, "  meetings a year by body", load.bodies.len())?;
        for body in &load.bodies {
            writeln!(
                f,
                "    {}: {} ({})",
                self.name(&body.body),
                meetings(body.per_year),
                body.meets
            )?;
        }
        if load.unknown.is_empty() {
            writeln!(f, "  no known meeting pattern: none")?;
        } else {
            let noun = if load.unknown.len() == 1 {
                "active body"
            } else {
                "active bodies"
            };
            writeln!(
                f,
                "  no known meeting pattern: {} {noun} ({})",
                load.unknown.len(),
                self.some_names(&load.unknown, 5)
            )?;
        }
        heading_line(f, "  meetings a year by member", load.members.len())?;
        for member in &load.members {
            let known = member.bodies - member.unknown.len();
            let noun = if known == 1 { "body" } else { "bodies" };
            write!(
                f,
                "    {}: {} on {known} {noun}",
                self.name(&member.member),
                meetings(member.per_year),
            )?;
            if !member.unknown.is_empty() {
                write!(
                    f,
                    "; not known for {} more: {}",
                    member.unknown.len(),
                    self.some_names(&member.unknown, 5)
                )?;
            }
            writeln!(f)?;
        }
        if load.members_unknown > 0 {
            let noun = if load.members_unknown == 1 {
                "member sits"
            } else {
                "members sit"
            };
            writeln!(
                f,
                "  {} {noun} only on active bodies with no known meeting pattern",
                load.members_unknown
            )?;
        }
        Ok(())
    }

    /// The names of the first `shown` ids, then how many more.
    fn some_names(&self, ids: &[Id], shown: usize) -> String {
        let mut names: Vec<String> = ids
            .iter()
            .take(shown)
            .map(|id| self.name(id).to_string())
            .collect();
        if ids.len() > shown {
            names.push(format!("{} more", ids.len() - shown));
        }
        join(names.into_iter())
    }
}

fn heading(f: &mut fmt::Formatter<'_>, title: &str, count: usize) -> fmt::Result {
    writeln!(f)?;
    heading_line(f, title, count)
}

fn heading_line(f: &mut fmt::Formatter<'_>, title: &str, count: usize) -> fmt::Result {
    if count == 0 {
        writeln!(f, "{title}: none")
    } else {
        writeln!(f, "{title}: {count}")
    }
}

fn counts_line(counts: &Counts) -> String {
    let mut line = format!(
        "{}, {} active, {} not active",
        counts.total, counts.active, counts.not_active
    );
    if !counts.by_status.is_empty() {
        let statuses: Vec<String> = counts
            .by_status
            .iter()
            .map(|(status, n)| format!("{} {n}", status_words(*status)))
            .collect();
        line.push_str(&format!("; by status: {}", statuses.join(", ")));
    }
    if !counts.by_kind.is_empty() {
        let kinds: Vec<String> = counts
            .by_kind
            .iter()
            .map(|(kind, n)| format!("{} {n}", kind_words(*kind)))
            .collect();
        line.push_str(&format!("; by kind: {}", kinds.join(", ")));
    }
    line
}

/// A body kind as words: "sub-group", "programme board", "task-and-finish
/// group".
pub(super) fn kind_words(kind: BodyKind) -> String {
    match kind {
        BodyKind::SubGroup => "sub-group".to_string(),
        BodyKind::TaskAndFinishGroup => "task-and-finish group".to_string(),
        other => other.as_str().replace('-', " "),
    }
}

/// A status as words: "on hold", "never met".
pub(super) fn status_words(status: Status) -> String {
    status.as_str().replace('-', " ")
}

/// Meetings a year: whole numbers as they are, others to one decimal place
/// ("every 6 weeks" is 8.7).
fn meetings(per_year: f64) -> String {
    if per_year.fract() == 0.0 {
        format!("{per_year:.0}")
    } else {
        format!("{per_year:.1}")
    }
}

/// "A", "A and B", "A, B and C".
pub(super) fn join(items: impl Iterator<Item = String>) -> String {
    let items: Vec<String> = items.collect();
    match items.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// What the text report says about an id: a display name, and for a body
/// its status.
#[derive(Clone, Copy, Debug)]
pub(super) struct Label<'r> {
    pub(super) name: &'r str,
    pub(super) status: Option<Status>,
}

/// The display name and status of every body and member, for the text
/// report: every id and name in one string, and a table sorted by id into
/// it, so that a report of a hundred thousand bodies copies its names in a
/// few allocations rather than a few hundred thousand.
#[derive(Clone, Default, PartialEq)]
pub(super) struct Labels {
    text: String,
    /// Sorted by id: where the id and the name are in `text`, and the
    /// status of a body.
    entries: Vec<(Range<usize>, Range<usize>, Option<Status>)>,
    /// A hash table into `entries`, built on the first lookup: the text
    /// of a large report looks up a few million ids, and a binary search
    /// of strings scattered through `text` costs a cache miss a step.
    slots: Slots,
}

/// Open addressing: each slot holds an index into `entries`, or
/// `u32::MAX`; a table at least twice the entries, probed linearly.
#[derive(Clone, Default)]
struct Slots(std::sync::OnceLock<Vec<u32>>);

/// The table is made from the entries, which `Labels` compares.
impl PartialEq for Slots {
    fn eq(&self, _: &Slots) -> bool {
        true
    }
}

fn slot_of(id: &str, mask: usize) -> usize {
    use std::hash::BuildHasher;
    foldhash::fast::FixedState::with_seed(0).hash_one(id) as usize & mask
}

impl Labels {
    pub(super) fn new(structure: &Structure) -> Labels {
        let text_len = structure
            .bodies()
            .map(|b| b.id.as_str().len() + b.name.len())
            .chain(
                structure
                    .members()
                    .map(|m| m.id.as_str().len() + m.name.len()),
            )
            .sum();
        let mut labels = Labels {
            text: String::with_capacity(text_len),
            entries: Vec::with_capacity(structure.bodies().len() + structure.members().len()),
            slots: Slots::default(),
        };
        let mut bodies = structure.bodies().peekable();
        let mut members = structure.members().peekable();
        // Bodies and members are each sorted by id: merge them.
        loop {
            let (id, name, status) = match (bodies.peek(), members.peek()) {
                (Some(b), Some(m)) if b.id < m.id => (&b.id, &b.name, Some(b.status)),
                (_, Some(m)) => (&m.id, &m.name, None),
                (Some(b), None) => (&b.id, &b.name, Some(b.status)),
                (None, None) => break,
            };
            if status.is_some() {
                bodies.next();
            } else {
                members.next();
            }
            let start = labels.text.len();
            labels.text.push_str(id.as_str());
            let middle = labels.text.len();
            labels.text.push_str(name);
            labels
                .entries
                .push((start..middle, middle..labels.text.len(), status));
        }
        labels
    }

    fn slots(&self) -> &[u32] {
        self.slots.0.get_or_init(|| {
            let size = (self.entries.len() * 2).next_power_of_two();
            let mut slots = vec![u32::MAX; size];
            for (i, (id, _, _)) in self.entries.iter().enumerate() {
                let mut at = slot_of(&self.text[id.clone()], size - 1);
                while slots[at] != u32::MAX {
                    at = (at + 1) & (size - 1);
                }
                slots[at] = i as u32;
            }
            slots
        })
    }

    fn get(&self, id: &str) -> Option<Label<'_>> {
        if self.entries.is_empty() {
            return None;
        }
        let slots = self.slots();
        let mask = slots.len() - 1;
        let mut at = slot_of(id, mask);
        loop {
            let entry = *slots.get(at)?;
            let (key, name, status) = self.entries.get(entry as usize)?;
            if &self.text[key.clone()] == id {
                return Some(Label {
                    name: &self.text[name.clone()],
                    status: *status,
                });
            }
            at = (at + 1) & mask;
        }
    }
}

impl fmt::Debug for Labels {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Labels({} ids)", self.entries.len())
    }
}

impl Report {
    pub(super) fn label(&self, id: &Id) -> Option<Label<'_>> {
        self.labels.get(id.as_str())
    }

    pub(super) fn name<'a>(&'a self, id: &'a Id) -> &'a str {
        self.label(id).map_or(id.as_str(), |l| l.name)
    }

    /// A display name, with the status of a body that is not active.
    pub(super) fn named(&self, id: &Id) -> String {
        match self.label(id) {
            Some(Label {
                name,
                status: Some(status),
            }) if !status.is_active() => format!("{name} ({})", status_words(status)),
            _ => self.name(id).to_string(),
        }
    }

    pub(super) fn names(&self, ids: &[Id]) -> String {
        join(ids.iter().map(|id| self.name(id).to_string()))
    }
}

/// Labels are written in a report's JSON as `"labels"`, an object by id of
/// `{"name": ..., "status": ...}` (status for bodies only), so that a report
/// read back prints as it did.
impl Serialize for Labels {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(self.entries.len()))?;
        for (id, name, status) in &self.entries {
            map.serialize_entry(
                &self.text[id.clone()],
                &Written {
                    name: self.text[name.clone()].into(),
                    status: *status,
                },
            )?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for Labels {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Labels, D::Error> {
        let written = BTreeMap::<String, Written<'de>>::deserialize(deserializer)?;
        let mut labels = Labels {
            text: String::new(),
            entries: Vec::with_capacity(written.len()),
            slots: Slots::default(),
        };
        for (id, Written { name, status }) in written {
            let start = labels.text.len();
            labels.text.push_str(&id);
            let middle = labels.text.len();
            labels.text.push_str(&name);
            labels
                .entries
                .push((start..middle, middle..labels.text.len(), status));
        }
        Ok(labels)
    }
}

#[derive(Serialize, Deserialize)]
struct Written<'a> {
    #[serde(borrow)]
    name: Cow<'a, str>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    status: Option<Status>,
}
