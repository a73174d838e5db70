//! One generated authority: its standing bodies, its groups, the shapes
//! that make a structure interesting to analyse, its members and their
//! seats; and how it is handed to the builder.

use std::collections::BTreeMap;

use crate::builder::{BodySpec, MemberSpec, Seat, StructureBuilder, Target};
use crate::model::{
    Accountability, BodyKind, MeetingPattern, MemberKind, RelationKind, Role, Status,
};

use super::rng::Rng;
use super::standing::{
    BOARD, DIRECTORATE, EXECUTIVE, HWB, LSCB, OUTCOME_GROUPS, PROGRAMME_BOARD, STANDING, YOS,
};
use super::words::{self, TOPICS, Topic};
use super::{Shares, share_of};

/// A reference from a body to a body or member of the same authority.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Ref {
    Body(usize),
    Member(usize),
}

/// A body being drafted: its spec, which holds the body's own fields, and
/// what only the generator works with.
struct DraftBody {
    spec: BodySpec,
    /// Its relations, to bodies and members by their place in the
    /// authority: some name bodies not drafted yet (or never, in a small
    /// authority), `Authority::shapes` drops and adds them by place, and
    /// the hand-over draws rarer kinds by their order across all kinds. Ids
    /// are put in at the hand-over.
    relations: Vec<(RelationKind, Ref)>,
    /// The topic of a strategy or delivery group, and the function
    /// templates it was given (for near-duplicates).
    topic: Option<usize>,
    templates: Vec<usize>,
    /// The chair the papers give this body to, if any.
    chair: Option<usize>,
    /// Relative size, in tenths of an average body's seats.
    weight: u32,
}

impl DraftBody {
    fn new(spec: BodySpec) -> DraftBody {
        DraftBody {
            weight: seat_weight(spec.get_kind()),
            spec,
            relations: Vec::new(),
            topic: None,
            templates: Vec::new(),
            chair: None,
        }
    }

    fn accountable_to(&self) -> impl Iterator<Item = usize> + '_ {
        self.relations
            .iter()
            .filter_map(|(kind, to)| match (kind, to) {
                (RelationKind::ReportsTo | RelationKind::SubGroupOf, Ref::Body(b)) => Some(*b),
                _ => None,
            })
    }
}

/// A member being drafted: its spec, and the organisation it belongs to,
/// by place, which decides whom it sits on behalf of.
struct DraftMember {
    spec: MemberSpec,
    organisation: Option<Org>,
}

/// An organisation a member belongs to: one of the authority's own, or the
/// police force it shares with its neighbours.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Org {
    Local(usize),
    Police,
}

// Senior posts, first among an authority's members.
pub(crate) const DCS: usize = 0;
pub(crate) const LEAD_MEMBER: usize = 1;
pub(crate) const CHIEF_EXECUTIVE: usize = 2;
const DPH: usize = 3;
pub(crate) const LSCB_CHAIR: usize = 4;
pub(crate) const PCT_DIRECTOR: usize = 5;
pub(crate) const AD_SAFEGUARDING: usize = 6;
pub(crate) const AD_LEARNING: usize = 7;
const AD_HEALTH: usize = 8;
/// Senior posts: the nine above and the police's Chief Superintendent.
const SENIOR: usize = 10;

// Partner organisations, after the senior posts.
pub(crate) const COUNCIL: usize = SENIOR;
pub(crate) const PCT: usize = SENIOR + 1;
const SCHOOLS: usize = SENIOR + 2;
const VCS: usize = SENIOR + 3;
const PARENTS: usize = SENIOR + 4;
const HOSPITAL: usize = SENIOR + 5;
const HOUSING: usize = SENIOR + 6;
const COLLEGE: usize = SENIOR + 7;
/// Partner organisations: the eight above and Jobcentre Plus.
const ORGANISATIONS: usize = 9;
/// Ordinary members, after the partner organisations.
const ORDINARY: usize = SENIOR + ORGANISATIONS;

/// How many neighbouring authorities share a police force.
const AUTHORITIES_PER_FORCE: usize = 4;

/// Chance, in parts per million, of the less common shapes.
const TWO_PARENTS: u32 = 30_000;
const NO_PARENT: u32 = 10_000;
const FEEDS_INTO: u32 = 80_000;
const DEEPER_TIER: u32 = 250_000;
const MUTUAL_SCRUTINY: u32 = 500_000;
const OBSERVER: u32 = 40_000;
const ORGANISATION_SEAT: u32 = 60_000;
const ON_BEHALF: u32 = 600_000;

pub(crate) struct Authority {
    slug: String,
    name: String,
    police: (String, Option<String>),
    bodies: Vec<DraftBody>,
    members: Vec<DraftMember>,
    seats: Vec<Vec<(usize, Role, Option<Org>)>>,
}

impl Authority {
    pub(crate) fn new(
        index: usize,
        size: usize,
        seats: usize,
        shares: &Shares,
        rng: &mut Rng,
    ) -> Authority {
        let (name, slug) = authority_name(index);
        let police = police_force(index);
        let mut authority = Authority {
            slug,
            name,
            police,
            bodies: Vec::with_capacity(size),
            members: Vec::new(),
            seats: Vec::new(),
        };
        authority.standing_bodies(size, shares, rng);
        let mut topic_uses = BTreeMap::new();
        while authority.bodies.len() < size {
            authority.group(shares, rng, &mut topic_uses);
        }
        authority.shapes(rng);
        let counts = authority.seat_counts(seats, rng);
        authority.members(&counts, shares, rng);
        authority.seat(&counts, shares, rng);
        authority
    }

    fn id(&self, stem: &str) -> String {
        format!("{}-{stem}", self.slug)
    }

    /// The standing bodies, as many as fit.
    fn standing_bodies(&mut self, size: usize, shares: &Shares, rng: &mut Rng) {
        for standing in STANDING.iter().take(size) {
            let name = rng.pick(standing.names).replace("{}", &self.name);
            let spec = (standing.spec)(BodySpec::new(self.id(standing.stem), name, standing.kind));
            let spec = spec.status(match standing.stops_as {
                Some(inactive) => status(rng, shares.dormant, inactive),
                None if standing.new => *rng.weighted_pick(&[
                    (Status::New, 2),
                    (Status::Shadow, 1),
                    (Status::Active, 3),
                ]),
                None => Status::Active,
            });
            let mut body = DraftBody::new(spec);
            body.chair = standing.chair;
            body.relations = standing.relations.to_vec();
            self.bodies.push(body);
        }
        // Leicestershire: the LSCB scrutinises the Board "whilst the Board is
        // responsible for scrutinising the work of the LSCB", with "similar
        // ambiguity" over the Youth Offending Service Board.
        for other in [LSCB, YOS] {
            if rng.chance(MUTUAL_SCRUTINY) && other < self.bodies.len() {
                self.bodies[BOARD]
                    .relations
                    .push((RelationKind::Scrutinises, Ref::Body(other)));
            }
        }
    }

    /// Adds one strategy, delivery, sub- or task-and-finish group (or panel,
    /// project, forum, ...), or a near-duplicate of an earlier one.
    fn group(&mut self, shares: &Shares, rng: &mut Rng, topic_uses: &mut BTreeMap<usize, usize>) {
        let index = self.bodies.len();
        let earlier: Vec<usize> = (STANDING.len()..index)
            .filter(|&i| self.bodies[i].spec.get_kind() == BodyKind::Group)
            .collect();
        let duplicate_of =
            (!earlier.is_empty() && rng.chance(shares.duplicate)).then(|| *rng.pick(&earlier));

        let (topic_index, kind, templates) = match duplicate_of {
            Some(original) => {
                let original = &self.bodies[original];
                let mut templates = original.templates.clone();
                // Reworded: one function drawn afresh, as Solihull's
                // "Oversees the Parenting Strategy" and "Develop and monitor
                // the Parenting Strategy".
                let last = templates.len() - 1;
                templates[last] = rng.below(words::FUNCTIONS.len());
                (original.topic.unwrap_or(0), BodyKind::Group, templates)
            }
            None => {
                let kind = *rng.weighted_pick(&[
                    (BodyKind::Group, 34),
                    (BodyKind::SubGroup, 20),
                    (BodyKind::TaskAndFinishGroup, 14),
                    (BodyKind::Project, 8),
                    (BodyKind::Panel, 5),
                    (BodyKind::Partnership, 5),
                    (BodyKind::ProgrammeBoard, 3),
                    (BodyKind::Forum, 3),
                    (BodyKind::Network, 3),
                    (BodyKind::Team, 3),
                    (BodyKind::Committee, 1),
                    (BodyKind::Other, 1),
                ]);
                let count = 1 + rng.below(3);
                let templates = (0..count)
                    .map(|_| rng.below(words::FUNCTIONS.len()))
                    .collect();
                (rng.below(TOPICS.len()), kind, templates)
            }
        };
        let topic = &TOPICS[topic_index];
        let uses = topic_uses.entry(topic_index).or_insert(0);
        *uses += 1;
        let id = match *uses {
            1 => self.id(&slug(topic.name)),
            n => self.id(&format!("{}-{n}", slug(topic.name))),
        };

        let (parent_kind, parent) = self.parent_for(kind, topic, rng);
        let name = match kind {
            BodyKind::Group => rng.pick(words::GROUP_NAMES).replace("{}", topic.name),
            BodyKind::SubGroup if parent == Ref::Body(LSCB) => {
                format!("LSCB {} Sub Group", topic.name)
            }
            BodyKind::SubGroup => format!("{} Sub Group", topic.name),
            BodyKind::TaskAndFinishGroup => format!("{} Task and Finish Group", topic.name),
            BodyKind::Project => format!("{} Project", topic.name),
            BodyKind::Panel => format!("{} Panel", topic.name),
            BodyKind::Partnership => format!("{} Strategic Partnership", topic.name),
            BodyKind::ProgrammeBoard => format!("{} Project Board", topic.name),
            BodyKind::Forum => format!("{} Forum", topic.name),
            BodyKind::Network => format!("{} Network", topic.name),
            BodyKind::Team => format!("{} Local Area Leadership Team", rng.pick(words::AREAS)),
            BodyKind::Committee => format!("{} Committee", topic.name),
            _ => format!("{} Mini Trust", topic.name),
        };
        let mut spec = templates
            .iter()
            .fold(BodySpec::new(id, name, kind), |s, &t| {
                s.function(words::FUNCTIONS[t].replace("{}", topic.noun))
            });
        if rng.chance(200_000) {
            spec = spec.function(*rng.pick(words::GENERAL_FUNCTIONS));
        }
        spec = topic.themes.iter().fold(spec, |s, t| s.theme(*t));
        spec = spec.tier(match kind {
            BodyKind::SubGroup => "Sub-groups",
            BodyKind::TaskAndFinishGroup => "Task and Finish Groups",
            BodyKind::Project => "Integrated Working Programme",
            BodyKind::Team => "Local Area Teams",
            _ => "Strategy / Delivery Groups",
        });
        if kind == BodyKind::Other {
            spec = spec.note("A mini trust: commissions and delivers for its area");
        }
        if rng.chance(500_000) {
            spec = spec.purpose(format!(
                "Lead the work on {} for children and young people",
                topic.noun
            ));
        }
        if let Some(meets) = meeting_pattern(kind, rng) {
            spec = spec.meets(meets);
        }
        let inactive = inactive_status(rng);
        let mut body = DraftBody::new(spec.status(status(rng, shares.dormant, inactive)));
        body.topic = Some(topic_index);
        body.templates = templates;
        match (parent_kind, parent) {
            (RelationKind::Oversees, Ref::Body(overseer)) => {
                self.bodies[overseer]
                    .relations
                    .push((RelationKind::Oversees, Ref::Body(index)));
            }
            (kind, to) => body.relations.push((kind, to)),
        }
        self.bodies.push(body);
    }

    /// Whom a new group answers to, and how.
    fn parent_for(&self, kind: BodyKind, topic: &Topic, rng: &mut Rng) -> (RelationKind, Ref) {
        let index = self.bodies.len();
        let same_topic_group = (STANDING.len()..index).rev().find(|&i| {
            let b = &self.bodies[i];
            b.topic.is_some_and(|t| TOPICS[t].name == topic.name)
                && matches!(
                    b.spec.get_kind(),
                    BodyKind::Group | BodyKind::Partnership | BodyKind::ProgrammeBoard
                )
        });
        let any_group = || {
            let groups: Vec<usize> = (STANDING.len()..index)
                .filter(|&i| {
                    matches!(
                        self.bodies[i].spec.get_kind(),
                        BodyKind::Group
                            | BodyKind::Partnership
                            | BodyKind::ProgrammeBoard
                            | BodyKind::SubGroup
                    )
                })
                .collect();
            groups
        };
        let outcome_group = topic
            .outcome
            .map_or(EXECUTIVE, |outcome| OUTCOME_GROUPS + outcome);
        let reports_to = RelationKind::ReportsTo;
        match kind {
            BodyKind::SubGroup => {
                if topic.themes.contains(&"safeguarding") && rng.chance(500_000) {
                    return (RelationKind::SubGroupOf, Ref::Body(LSCB));
                }
                let parent = same_topic_group.or_else(|| {
                    let groups = any_group();
                    (!groups.is_empty()).then(|| *rng.pick(&groups))
                });
                (
                    RelationKind::SubGroupOf,
                    Ref::Body(parent.unwrap_or(outcome_group)),
                )
            }
            BodyKind::Project => {
                if rng.chance(700_000) {
                    (RelationKind::Oversees, Ref::Body(PROGRAMME_BOARD))
                } else {
                    let boards: Vec<usize> = (STANDING.len()..index)
                        .filter(|&i| self.bodies[i].spec.get_kind() == BodyKind::ProgrammeBoard)
                        .collect();
                    match boards.is_empty() {
                        true => (reports_to, Ref::Body(EXECUTIVE)),
                        false => (RelationKind::Oversees, Ref::Body(*rng.pick(&boards))),
                    }
                }
            }
            BodyKind::Team => (reports_to, Ref::Body(DIRECTORATE)),
            BodyKind::Committee => (reports_to, Ref::Body(HWB)),
            BodyKind::TaskAndFinishGroup | BodyKind::Panel | BodyKind::Network => {
                let groups = any_group();
                if groups.is_empty() || rng.chance(400_000) {
                    (reports_to, Ref::Body(same_topic_group.unwrap_or(EXECUTIVE)))
                } else {
                    (reports_to, Ref::Body(*rng.pick(&groups)))
                }
            }
            _ => {
                let groups = any_group();
                if !groups.is_empty() && rng.chance(DEEPER_TIER) {
                    (reports_to, Ref::Body(*rng.pick(&groups)))
                } else {
                    (reports_to, Ref::Body(outcome_group))
                }
            }
        }
    }

    /// The less common shapes: two parents, no parent, feeding into a
    /// statutory board, merged and dissolved bodies.
    fn shapes(&mut self, rng: &mut Rng) {
        let count = self.bodies.len();
        for index in STANDING.len()..count {
            let parents: Vec<usize> = self.bodies[index].accountable_to().collect();
            if rng.chance(NO_PARENT) {
                // "For some of these projects it is not clear who they are
                // accountable to" (Solihull, 6.6.2).
                self.bodies[index].relations.retain(|(kind, _)| {
                    !matches!(kind, RelationKind::ReportsTo | RelationKind::SubGroupOf)
                });
                for body in &mut self.bodies {
                    body.relations
                        .retain(|r| *r != (RelationKind::Oversees, Ref::Body(index)));
                }
                let body = &mut self.bodies[index];
                body.spec = body
                    .spec
                    .clone()
                    .note("Not clear whom it is accountable to since its parent stopped meeting");
            } else if rng.chance(TWO_PARENTS) {
                let candidates: Vec<usize> = (OUTCOME_GROUPS..index)
                    .filter(|c| {
                        !parents.contains(c) && self.bodies[*c].spec.get_kind() == BodyKind::Group
                    })
                    .collect();
                if !candidates.is_empty() {
                    let second = *rng.pick(&candidates);
                    self.bodies[index]
                        .relations
                        .push((RelationKind::SubGroupOf, Ref::Body(second)));
                }
            }
            if rng.chance(FEEDS_INTO) {
                let body = &self.bodies[index];
                let to = if body.spec.has_theme("safeguarding") {
                    LSCB
                } else if body.spec.has_theme("health") {
                    HWB
                } else {
                    BOARD
                };
                self.bodies[index]
                    .relations
                    .push((RelationKind::FeedsInto, Ref::Body(to)));
            }
        }
        for index in 1..count {
            match self.bodies[index].spec.get_status() {
                Status::Merged => {
                    // Merged into its parent's other work, or the Executive.
                    let into = self.bodies[index]
                        .accountable_to()
                        .next()
                        .filter(|&p| p != index)
                        .unwrap_or(if index == EXECUTIVE { BOARD } else { EXECUTIVE });
                    self.bodies[index]
                        .relations
                        .push((RelationKind::MergedInto, Ref::Body(into)));
                }
                Status::Dissolved if rng.chance(500_000) => {
                    let by = rng.below(index);
                    self.bodies[index]
                        .relations
                        .push((RelationKind::ReplacedBy, Ref::Body(by)));
                }
                _ => {}
            }
        }
        // Relations to standing bodies the authority is too small to have.
        for body in &mut self.bodies {
            body.relations
                .retain(|(_, to)| !matches!(to, Ref::Body(b) if *b >= count));
        }
    }

    /// How many seats each body has: `total` spread by weight, exactly.
    fn seat_counts(&mut self, total: usize, rng: &mut Rng) -> Vec<usize> {
        let weights: Vec<usize> = self
            .bodies
            .iter()
            .map(|b| b.weight as usize * (5 + rng.below(11)))
            .collect();
        let sum: usize = weights.iter().sum();
        let mut before = 0;
        weights
            .iter()
            .map(|&w| {
                let seats = share_of(total, before, w, sum);
                before += w;
                seats
            })
            .collect()
    }

    fn members(&mut self, counts: &[usize], shares: &Shares, rng: &mut Rng) {
        let place = self.name.clone();
        // Each post: its id's stem, its name, its organisation and the posts
        // it reports to.
        let senior: [(&str, &str, Option<Org>, &[usize]); SENIOR] = [
            (
                "dcs",
                "Director of Children's Services",
                Some(Org::Local(COUNCIL)),
                &[CHIEF_EXECUTIVE],
            ),
            (
                "lead-member",
                "Lead Member for Children and Young People",
                Some(Org::Local(COUNCIL)),
                &[],
            ),
            (
                "chief-executive",
                "Chief Executive",
                Some(Org::Local(COUNCIL)),
                &[],
            ),
            (
                "dph",
                "Director of Public Health",
                Some(Org::Local(PCT)),
                &[],
            ),
            ("lscb-chair", "Independent Chair of the LSCB", None, &[]),
            (
                "pct-director",
                "PCT Director of Strategy",
                Some(Org::Local(PCT)),
                &[],
            ),
            (
                "ad-safeguarding",
                "Assistant Director, Safeguarding",
                Some(Org::Local(COUNCIL)),
                &[DCS],
            ),
            (
                "ad-learning",
                "Assistant Director, Learning and Achievement",
                Some(Org::Local(COUNCIL)),
                &[DCS],
            ),
            (
                "ad-cfh",
                "Assistant Director, Child & Family Health",
                Some(Org::Local(PCT)),
                // Halton, 6.5: day to day to the council's Director, and to
                // the PCT for NHS accountability.
                &[DCS, PCT_DIRECTOR],
            ),
            ("police", "Chief Superintendent", Some(Org::Police), &[]),
        ];
        for (stem, name, organisation, reports_to) in senior {
            let spec = reports_to.iter().fold(
                MemberSpec::new(self.id(stem), name, MemberKind::Post),
                |s, &to| s.reports_to(self.id(senior[to].0)),
            );
            self.members.push(DraftMember { spec, organisation });
        }

        let organisations: [(&str, String); ORGANISATIONS] = [
            ("council", format!("{place} Council")),
            ("pct", format!("{place} Primary Care Trust")),
            ("schools", format!("{place} Schools")),
            ("vcs", format!("{place} Voluntary & Community Sector")),
            ("parents", format!("Parents and Carers of {place}")),
            (
                "hospital",
                format!("{place} Hospitals NHS Foundation Trust"),
            ),
            ("housing", format!("{place} Community Housing")),
            ("college", format!("{place} College")),
            ("jobcentre", format!("Jobcentre Plus ({place})")),
        ];
        for (stem, name) in organisations {
            self.members.push(DraftMember {
                spec: MemberSpec::new(self.id(stem), name, MemberKind::Organisation),
                organisation: None,
            });
        }

        // Enough ordinary members that the largest body can seat distinct
        // ones, and that each sits on three bodies or so.
        let total: usize = counts.iter().sum();
        let ordinary_seats =
            total - share_of(total, 0, shares.senior as usize, 1_000_000).min(total);
        let largest = counts.iter().copied().max().unwrap_or(0);
        let ordinary = (ordinary_seats / 3).max(largest).max(8);
        for j in 0..ordinary {
            let topic = rng.pick(TOPICS);
            let surname = rng.pick(words::SURNAMES);
            let initial = char::from(b'A' + rng.below(26) as u8);
            let (name, kind, organisation) = match rng.weighted(&[60, 32, 8]) {
                0 => (
                    rng.pick(words::POSTS).replace("{}", topic.name),
                    MemberKind::Post,
                    Some(Org::Local(*rng.weighted_pick(&[
                        (COUNCIL, 50),
                        (PCT, 20),
                        (SCHOOLS, 8),
                        (VCS, 8),
                        (HOSPITAL, 6),
                        (HOUSING, 4),
                        (COLLEGE, 4),
                    ]))),
                ),
                1 => match rng.weighted(&[40, 30, 30]) {
                    0 => (
                        format!("Councillor {surname}"),
                        MemberKind::Person,
                        Some(Org::Local(COUNCIL)),
                    ),
                    1 => (
                        format!("{initial}. {surname}, parent representative"),
                        MemberKind::Person,
                        Some(Org::Local(PARENTS)),
                    ),
                    _ => (
                        format!("{initial}. {surname}, VCS representative"),
                        MemberKind::Person,
                        Some(Org::Local(VCS)),
                    ),
                },
                _ => (
                    format!(
                        "{place} {} {}",
                        topic.name,
                        rng.pick(&["Centre", "Service", "Alliance", "Trust"])
                    ),
                    MemberKind::Organisation,
                    None,
                ),
            };
            self.members.push(DraftMember {
                spec: MemberSpec::new(self.id(&format!("m{j}")), name, kind),
                organisation,
            });
        }
    }

    fn seat(&mut self, counts: &[usize], shares: &Shares, rng: &mut Rng) {
        let ordinary = self.members.len() - ORDINARY;
        let chairs = [
            DCS,
            DPH,
            PCT_DIRECTOR,
            AD_SAFEGUARDING,
            AD_LEARNING,
            AD_HEALTH,
        ];
        for (index, &count) in counts.iter().enumerate() {
            let mut seats: Vec<(usize, Role, Option<Org>)> = Vec::with_capacity(count);
            let taken = |seats: &[(usize, Role, Option<Org>)], m: usize| {
                seats.iter().any(|(held, _, _)| *held == m)
            };
            let pick_ordinary = |seats: &[(usize, Role, Option<Org>)], rng: &mut Rng| {
                // The smaller of two draws: a few members sit on many bodies,
                // most on a few.
                let mut m = ORDINARY + rng.below(ordinary).min(rng.below(ordinary));
                while taken(seats, m) {
                    m = ORDINARY + (m - ORDINARY + 1) % ordinary;
                }
                m
            };
            if count == 0 {
                self.seats.push(seats);
                continue;
            }
            let body = &self.bodies[index];
            let chair = body.chair.unwrap_or_else(|| {
                if rng.chance(400_000) {
                    *rng.pick(&chairs)
                } else {
                    pick_ordinary(&seats, rng)
                }
            });
            seats.push((chair, Role::Chair, None));
            if count >= 6 && rng.chance(500_000) {
                let vice = if index == BOARD && !taken(&seats, PCT_DIRECTOR) {
                    // Leicestershire: "perhaps a Director from the PCT".
                    PCT_DIRECTOR
                } else {
                    pick_ordinary(&seats, rng)
                };
                seats.push((vice, Role::ViceChair, None));
            }
            if count >= 3 && !matches!(body.spec.get_kind(), BodyKind::Board | BodyKind::Assembly) {
                let lead = pick_ordinary(&seats, rng);
                seats.push((lead, Role::LeadOfficer, None));
            }
            let senior_wanted = (count as u64 * u64::from(shares.senior)).div_ceil(1_000_000);
            let mut senior_held = seats.iter().filter(|(m, _, _)| *m < SENIOR).count() as u64;
            while seats.len() < count {
                let member = if senior_held < senior_wanted && senior_held < SENIOR as u64 {
                    let mut m = rng.below(SENIOR);
                    while taken(&seats, m) {
                        m = (m + 1) % SENIOR;
                    }
                    senior_held += 1;
                    m
                } else if rng.chance(ORGANISATION_SEAT) {
                    let mut m = COUNCIL + rng.below(ORDINARY - COUNCIL);
                    let mut tries = 0;
                    while taken(&seats, m) && tries < ORDINARY - COUNCIL {
                        m = COUNCIL + (m - COUNCIL + 1) % (ORDINARY - COUNCIL);
                        tries += 1;
                    }
                    if taken(&seats, m) {
                        pick_ordinary(&seats, rng)
                    } else {
                        m
                    }
                } else {
                    pick_ordinary(&seats, rng)
                };
                let role = if rng.chance(OBSERVER) {
                    Role::Observer
                } else {
                    Role::Member
                };
                seats.push((member, role, None));
            }
            for seat in &mut seats {
                let member = &self.members[seat.0];
                seat.2 = match member.organisation {
                    Some(Org::Police) => Some(Org::Police),
                    Some(Org::Local(org)) if org != COUNCIL && rng.chance(ON_BEHALF) => {
                        Some(Org::Local(org))
                    }
                    _ => None,
                };
            }
            self.seats.push(seats);
        }
    }

    /// Hands the authority to the builder: the drafts' relations, seats and
    /// organisations get their ids, and a few bodies the words and facts
    /// the papers use rarely.
    pub(crate) fn emit(self, mut builder: StructureBuilder) -> StructureBuilder {
        let Authority {
            slug,
            police,
            bodies,
            members,
            seats,
            ..
        } = self;
        // The ids by place, for the references to bodies and members that
        // are still by place while the specs go to the builder one by one.
        let body_ids: Vec<String> = bodies.iter().map(|b| b.spec.id().to_string()).collect();
        let member_ids: Vec<String> = members.iter().map(|m| m.spec.id().to_string()).collect();
        let org_id = |org: Org| match org {
            Org::Local(m) => member_ids[m].as_str(),
            Org::Police => police.0.as_str(),
        };
        if let Some(name) = &police.1 {
            builder = builder.member(MemberSpec::new(
                police.0.as_str(),
                name.as_str(),
                MemberKind::Organisation,
            ));
        }
        for member in members {
            let mut spec = member.spec;
            if let Some(org) = member.organisation {
                spec = spec.organisation(org_id(org));
            }
            builder = builder.member(spec);
        }
        for (b, (body, seats)) in bodies.into_iter().zip(&seats).enumerate() {
            // Chosen from the body's place alone so that the random draws
            // above stay as they were.
            let v = variety(&slug, b);
            let kind = match body.spec.get_kind() {
                BodyKind::Team | BodyKind::Directorate if v.is_multiple_of(7) => BodyKind::Hub,
                BodyKind::Committee if v.is_multiple_of(5) => BodyKind::Cabinet,
                kind => kind,
            };
            let status = match body.spec.get_status() {
                Status::Proposed if v.is_multiple_of(2) => Status::BeingEstablished,
                Status::Dissolved if v.is_multiple_of(4) => Status::Renamed,
                status => status,
            };
            let mut spec = body.spec.kind(kind).status(status);
            match v % 1000 {
                0..=14 if !spec.is_apex() => spec = spec.count(2 + v % 11),
                15..=22 => spec = spec.accountability(Accountability::Unsettled),
                23..=27 if !status.is_active() => {
                    spec = spec.status_since(format!("20{:02}-{:02}", 8 + v % 5, 1 + v % 12));
                }
                28..=31 => spec = spec.intended_status(Status::Dissolved),
                _ => {}
            }
            for (r, &(kind, to)) in body.relations.iter().enumerate() {
                let to = match to {
                    Ref::Body(b) => body_ids[b].as_str(),
                    Ref::Member(m) => member_ids[m].as_str(),
                };
                let w = variety(to, b + r);
                let kind = match kind {
                    RelationKind::FeedsInto if w.is_multiple_of(10) => [
                        RelationKind::NominatesTo,
                        RelationKind::AlignedWith,
                        RelationKind::ProtocolWith,
                        RelationKind::AnnualReportTo,
                    ][(w / 10 % 4) as usize],
                    RelationKind::ReplacedBy if status == Status::Renamed => {
                        RelationKind::RenamedTo
                    }
                    kind => kind,
                };
                let mut target = Target::new(to);
                if w.is_multiple_of(97) {
                    target = target.intended();
                }
                spec = spec.relation(kind, target);
            }
            for (j, &(member, role, on_behalf_of)) in seats.iter().enumerate() {
                let id = member_ids[member].as_str();
                let role = match role {
                    Role::Member if variety(id, j).is_multiple_of(50) => Role::Deputy,
                    role => role,
                };
                let mut seat = Seat::new(id, role);
                if let Some(org) = on_behalf_of {
                    seat = seat.on_behalf_of(org_id(org));
                }
                spec = spec.seat_with(seat);
            }
            builder = builder.body(spec);
        }
        builder
    }
}

/// A number from 0 to 9,999 that depends only on a name and a position:
/// FNV-1a, so the same structure comes out on every machine.
fn variety(name: &str, position: usize) -> u32 {
    let mut hash: u32 = 0x811c_9dc5;
    for byte in name.bytes().chain(position.to_le_bytes()) {
        hash ^= u32::from(byte);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    hash % 10_000
}

/// An active status, or with `dormant` parts per million an inactive one.
fn status(rng: &mut Rng, dormant: u32, inactive: Status) -> Status {
    if rng.chance(dormant) {
        inactive
    } else {
        *rng.weighted_pick(&[
            (Status::Active, 88),
            (Status::New, 5),
            (Status::Shadow, 2),
            (Status::UnderReview, 5),
        ])
    }
}

/// How a group stops: mostly put on hold or left dormant, as in Solihull.
fn inactive_status(rng: &mut Rng) -> Status {
    *rng.weighted_pick(&[
        (Status::OnHold, 30),
        (Status::Dormant, 25),
        (Status::NeverMet, 12),
        (Status::Virtual, 8),
        (Status::BeingRenewed, 8),
        (Status::Merged, 7),
        (Status::Dissolved, 6),
        (Status::Proposed, 4),
    ])
}

fn meeting_pattern(kind: BodyKind, rng: &mut Rng) -> Option<MeetingPattern> {
    if kind == BodyKind::TaskAndFinishGroup {
        return *rng.weighted_pick(&[
            (Some(MeetingPattern::EveryWeeks(2)), 3),
            (Some(MeetingPattern::EveryWeeks(1)), 1),
            (Some(MeetingPattern::AsNeeded), 3),
            (None, 2),
        ]);
    }
    *rng.weighted_pick(&[
        (Some(MeetingPattern::EveryMonths(1)), 20),
        (Some(MeetingPattern::EveryMonths(2)), 20),
        (Some(MeetingPattern::EveryMonths(3)), 18),
        (Some(MeetingPattern::EveryWeeks(6)), 10),
        (Some(MeetingPattern::Termly), 8),
        (Some(MeetingPattern::TimesAYear(2)), 6),
        (Some(MeetingPattern::TimesAYear(4)), 2),
        (Some(MeetingPattern::EveryMonths(4)), 2),
        (Some(MeetingPattern::TimesAYear(1)), 2),
        (Some(MeetingPattern::AsNeeded), 2),
        (None, 10),
    ])
}

/// A body's size, in tenths of an average body's seats.
fn seat_weight(kind: BodyKind) -> u32 {
    match kind {
        BodyKind::Assembly => 40,
        BodyKind::Board => 30,
        BodyKind::Executive => 25,
        BodyKind::ProgrammeBoard => 18,
        BodyKind::Partnership | BodyKind::Forum => 15,
        BodyKind::Network | BodyKind::Committee => 12,
        BodyKind::SubGroup | BodyKind::Team => 8,
        BodyKind::Panel | BodyKind::Project | BodyKind::TaskAndFinishGroup => 6,
        BodyKind::Directorate => 5,
        _ => 10,
    }
}

/// The display name and id stem of the `index`th authority: every prefix
/// with every suffix, then the same again numbered ("Ashbridge 2").
pub(crate) fn authority_name(index: usize) -> (String, String) {
    let prefixes = words::PLACE_PREFIXES;
    let suffixes = words::PLACE_SUFFIXES;
    let prefix = prefixes[index % prefixes.len()];
    let suffix = suffixes[(index / prefixes.len()) % suffixes.len()];
    let round = index / (prefixes.len() * suffixes.len());
    let name = match round {
        0 => format!("{prefix}{suffix}"),
        n => format!("{prefix}{suffix} {}", n + 1),
    };
    let slug = slug(&name);
    (name, slug)
}

/// The id and, for the first authority it covers, the name of the police
/// force an authority shares with its neighbours.
fn police_force(index: usize) -> (String, Option<String>) {
    let force = index / AUTHORITIES_PER_FORCE;
    let forces = words::POLICE_FORCES;
    let name = match force / forces.len() {
        0 => format!("{} Police", forces[force]),
        n => format!("{} Police {}", forces[force % forces.len()], n + 1),
    };
    let id = slug(&name);
    let first = index.is_multiple_of(AUTHORITIES_PER_FORCE);
    (id, first.then_some(name))
}

/// Lower-case words joined by hyphens: "Children's Centres" -> "childrens-centres".
fn slug(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if c != '\'' && !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}
