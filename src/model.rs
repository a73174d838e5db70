//! The governance model: bodies, members, memberships and relations.
//!
//! Everything here is plain data. This module knows nothing of TOML, JSON,
//! petgraph or Graphviz; the file format lives in `load`, graph views in
//! `graph`.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

pub use crate::date::Date;

/// The stable identifier of a body or a member, as written in a structure
/// file (`"trust-board"`, `"dcs"`).
///
/// Bodies and members share one namespace, so an id names exactly one thing
/// in a [`Structure`]: a relation may point at either (a group can report to
/// a post, as Solihull's stay-safe actions fell to the Director of Children's
/// Services).
///
/// # Examples
///
/// ```
/// use govgraph::Id;
///
/// let id = Id::new("trust-board");
/// assert_eq!(id.as_str(), "trust-board");
/// assert_eq!(id.to_string(), "trust-board");
/// ```
///
/// An id is cheap to clone: clones share one allocation, so a structure
/// that names a body in a million memberships holds its id once.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Id(Arc<str>);

impl Id {
    /// Makes an id from any string. Validation (non-empty, no control
    /// characters) happens when a structure is built or loaded.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(govgraph::Id::new("lscb").as_str(), "lscb");
    /// ```
    pub fn new(id: impl Into<String>) -> Id {
        Id(Arc::from(id.into()))
    }

    /// The id as a string slice.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(govgraph::Id::new("lscb").as_str(), "lscb");
    /// ```
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::borrow::Borrow<str> for Id {
    fn borrow(&self) -> &str {
        &self.0
    }
}

/// Compares an id with a string, so that tests can write
/// `assert_eq!(orphan.body, "play")`.
impl PartialEq<str> for Id {
    fn eq(&self, other: &str) -> bool {
        *self.0 == *other
    }
}

impl PartialEq<&str> for Id {
    fn eq(&self, other: &&str) -> bool {
        *self.0 == **other
    }
}

impl From<&str> for Id {
    fn from(s: &str) -> Id {
        Id::new(s)
    }
}

impl From<String> for Id {
    fn from(s: String) -> Id {
        Id::new(s)
    }
}

impl Serialize for Id {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Id {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Id, D::Error> {
        String::deserialize(deserializer).map(Id::new)
    }
}

impl From<&Id> for Id {
    fn from(id: &Id) -> Id {
        id.clone()
    }
}

/// Declares a closed vocabulary: an enum whose variants are written in files
/// as kebab-case words, with `as_str`, `Display`, `FromStr` and `ALL`.
macro_rules! vocabulary {
    (
        $(#[$meta:meta])*
        $name:ident, $what:literal {
            $( $(#[$vmeta:meta])* $variant:ident = $word:literal $(| $alias:literal)* ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[non_exhaustive]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[ $( $name::$variant, )+ ];

            /// The word used for this value in structure files.
            pub fn as_str(self) -> &'static str {
                match self {
                    $( $name::$variant => $word, )+
                }
            }

            /// Every word a file may use for this vocabulary, aliases
            /// included, each in its folded form (lower case, words joined by
            /// `-`): what a tool offers for completion, and what the
            /// [format reference](crate::format) lists.
            pub fn words() -> &'static [&'static str] {
                &[ $( $word, $( $alias, )* )+ ]
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl FromStr for $name {
            type Err = UnknownWord;

            fn from_str(s: &str) -> Result<$name, UnknownWord> {
                // Files written by govgraph use the canonical words; matching
                // them first spares a large file an allocation per word.
                match s {
                    $( $word => return Ok($name::$variant), )+
                    _ => {}
                }
                let folded = crate::model::fold_word(s);
                match folded.as_str() {
                    $( $word $(| $alias)* => Ok($name::$variant), )+
                    _ => Err(UnknownWord {
                        what: $what,
                        word: s.to_string(),
                        suggestion: crate::suggest::closest(&folded, $name::words().iter().copied())
                            .map(str::to_string),
                        allowed: crate::suggest::nearest_first(
                            &folded,
                            $name::ALL.iter().map(|value| value.as_str()),
                        ),
                    }),
                }
            }
        }

        /// Written as its word (`"on-hold"`).
        impl Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        /// Read as [`FromStr`] reads it, so serde accepts every word a
        /// structure file may use (`"on hold"`, `"On-Hold"`, `"paused"`).
        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<$name, D::Error> {
                struct Word;

                impl serde::de::Visitor<'_> for Word {
                    type Value = $name;

                    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                        write!(f, "a {} word", $what)
                    }

                    fn visit_str<E: serde::de::Error>(self, word: &str) -> Result<$name, E> {
                        word.parse().map_err(E::custom)
                    }
                }

                deserializer.deserialize_str(Word)
            }
        }
    };
}

/// Folds a vocabulary word as written by hand ("On hold", "on_hold",
/// "ON-HOLD") to the canonical kebab-case form.
pub(crate) fn fold_word(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.trim().chars() {
        match c {
            ' ' | '_' | '-' => {
                if !out.ends_with('-') && !out.is_empty() {
                    out.push('-');
                }
            }
            '&' => out.push_str("and"),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// A word that is not part of a vocabulary (a status, kind, role or relation
/// that govgraph does not know).
///
/// # Examples
///
/// ```
/// use govgraph::Status;
///
/// let err = "dormnat".parse::<Status>().unwrap_err();
/// assert_eq!(err.suggestion.as_deref(), Some("dormant"));
/// assert_eq!(err.allowed[0], "dormant");
/// assert!(err.to_string().starts_with(
///     r#"unknown status "dormnat" (did you mean "dormant"?); expected one of: dormant, "#
/// ));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct UnknownWord {
    /// What the word was meant to be: "status", "body kind", ...
    pub what: &'static str,
    /// The word as written.
    pub word: String,
    /// The closest known word, if one is close.
    pub suggestion: Option<String>,
    /// Every word the vocabulary allows (aliases aside), nearest to the
    /// word as written first.
    pub allowed: Vec<&'static str>,
}

impl fmt::Display for UnknownWord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown {} {:?}", self.what, self.word)?;
        if let Some(s) = &self.suggestion {
            write!(f, " (did you mean {s:?}?)")?;
        }
        if !self.allowed.is_empty() {
            write!(f, "; expected one of: {}", self.allowed.join(", "))?;
        }
        Ok(())
    }
}

impl std::error::Error for UnknownWord {}

vocabulary! {
    /// Where a body stands, in the words the sources use.
    ///
    /// [`Status::is_active`] splits them the way Solihull's paper counts its
    /// groups ("Currently active (black): 22; Dormant / on hold (grey): 12").
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::Status;
    ///
    /// let status: Status = "on hold".parse().unwrap();
    /// assert_eq!(status, Status::OnHold);
    /// assert!(!status.is_active());
    /// assert!(Status::New.is_active());
    /// ```
    Status, "status" {
        /// Meeting and doing its job.
        Active = "active",
        /// Newly set up and meeting ("met for the first time in May 2011").
        New = "new",
        /// Exists in shadow form ahead of taking up its role; it meets.
        Shadow = "shadow" | "shadow-form" | "in-shadow-form",
        /// Proposed but not yet set up.
        Proposed = "proposed" | "planned",
        /// Being set up: decided on, not yet meeting ("in the process of
        /// being established").
        BeingEstablished = "being-established" | "being-set-up" | "in-the-process-of-being-established" | "establishing",
        /// Suspended pending a decision.
        OnHold = "on-hold" | "paused" | "suspended",
        /// Not meeting, with no plan to.
        Dormant = "dormant" | "inactive" | "would-no-longer-meet" | "no-longer-meets" | "not-meeting",
        /// Set up on paper but has never met.
        NeverMet = "never-met",
        /// No longer meets; keeps in touch by correspondence only.
        Virtual = "virtual",
        /// Meeting while its own position is reviewed.
        UnderReview = "under-review" | "reviewing",
        /// Stopped while it is being re-established.
        BeingRenewed = "being-renewed" | "renewing",
        /// Folded into another body (see [`RelationKind::MergedInto`]).
        Merged = "merged" | "integrated" | "absorbed",
        /// Wound up.
        Dissolved = "dissolved" | "wound-up" | "closed" | "disbanded" | "not-continuing" | "ceased",
        /// The old name of a body now known by another (see
        /// [`RelationKind::RenamedTo`]): gone under this name.
        Renamed = "renamed",
    }
}

impl Status {
    /// Whether a body with this status is doing its job now: active, new,
    /// shadow and under review count as active; everything else does not.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::Status;
    ///
    /// assert!(Status::UnderReview.is_active());
    /// assert!(!Status::NeverMet.is_active());
    /// assert!(!Status::Virtual.is_active());
    /// ```
    pub fn is_active(self) -> bool {
        matches!(
            self,
            Status::Active | Status::New | Status::Shadow | Status::UnderReview
        )
    }

    /// Whether the body has gone for good (merged into another or dissolved),
    /// as opposed to paused.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::Status;
    ///
    /// assert!(Status::Merged.is_gone());
    /// assert!(!Status::OnHold.is_gone());
    /// ```
    pub fn is_gone(self) -> bool {
        matches!(self, Status::Merged | Status::Dissolved | Status::Renamed)
    }

    /// Whether the status begins a body's life: new, shadow, being
    /// established or proposed. Before the date such a status was taken
    /// ([`Body::status_since`]) the body did not exist.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::Status;
    ///
    /// assert!(Status::Shadow.is_beginning());
    /// assert!(!Status::Dormant.is_beginning());
    /// ```
    pub fn is_beginning(self) -> bool {
        matches!(
            self,
            Status::New | Status::Shadow | Status::BeingEstablished | Status::Proposed
        )
    }

    /// Whether the status is provisional: the body exists or is planned but
    /// is not settled (new, shadow, being established, proposed, under
    /// review). Drawings mark such bodies as provisional.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::Status;
    ///
    /// assert!(Status::UnderReview.is_provisional());
    /// assert!(!Status::Active.is_provisional());
    /// ```
    pub fn is_provisional(self) -> bool {
        self.is_beginning() || self == Status::UnderReview
    }
}

vocabulary! {
    /// What sort of body it is. Drawn as a shape; counted in summaries.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::BodyKind;
    ///
    /// assert_eq!("task and finish group".parse::<BodyKind>(), Ok(BodyKind::TaskAndFinishGroup));
    /// assert_eq!(BodyKind::ProgrammeBoard.as_str(), "programme-board");
    /// ```
    BodyKind, "body kind" {
        /// A board (Trust Board, LSCB, Health and Wellbeing Board).
        Board = "board",
        /// An executive that implements a board's strategy.
        Executive = "executive",
        /// A partnership (Solihull Partnership, Play Partnership).
        Partnership = "partnership" | "consortium",
        /// A standing group (outcome group, strategy group).
        Group = "group",
        /// A sub-group of another body.
        SubGroup = "sub-group" | "subgroup",
        /// A panel that decides cases (Short Breaks panel).
        Panel = "panel",
        /// A forum (Parents Forum, Voluntary Sector Forum).
        Forum = "forum",
        /// An assembly or annual conference.
        Assembly = "assembly" | "conference",
        /// A network.
        Network = "network",
        /// A programme board that oversees projects.
        ProgrammeBoard = "programme-board",
        /// A project or work strand overseen by a programme board.
        Project = "project" | "work-strand" | "strand",
        /// A short-life task-and-finish group.
        TaskAndFinishGroup = "task-and-finish-group" | "task-group",
        /// A committee (of a council, or of a board).
        Committee = "committee" | "commission",
        /// A council directorate or department that delivers services.
        Directorate = "directorate" | "department",
        /// A team (a local area leadership team, a commissioning team) or a
        /// council unit.
        Team = "team" | "unit",
        /// An operational hub that delivers services ("integrated service
        /// hubs", "Health and Wellbeing Hubs").
        Hub = "hub",
        /// A council's cabinet, its executive of elected members.
        Cabinet = "cabinet",
        /// A body that fits none of the above; say what it is in its note.
        Other = "other",
    }
}

vocabulary! {
    /// What sort of member sits on bodies.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::MemberKind;
    ///
    /// assert_eq!("organisation".parse::<MemberKind>(), Ok(MemberKind::Organisation));
    /// ```
    MemberKind, "member kind" {
        /// A named person (Councillor Tildesley).
        Person = "person",
        /// A post, held ex officio by whoever holds it (Director of
        /// Children's Services). Most seats in the sources are posts.
        Post = "post" | "role",
        /// A partner organisation (the PCT, the police, the voluntary and
        /// community sector).
        Organisation = "organisation" | "organization" | "agency",
    }
}

vocabulary! {
    /// The part a member plays on a body.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::Role;
    ///
    /// assert_eq!("Vice chair".parse::<Role>(), Ok(Role::ViceChair));
    /// ```
    Role, "role" {
        /// Chairs the body.
        Chair = "chair",
        /// Vice-chair.
        ViceChair = "vice-chair" | "deputy-chair" | "vice-chairman",
        /// An ordinary member, or a representative of an organisation or a
        /// body (say whom with `on_behalf_of`).
        Member = "member" | "representative" | "rep",
        /// The officer who leads or supports the body's work.
        LeadOfficer = "lead-officer" | "lead",
        /// Attends without a vote: an observer, adviser or invitee.
        Observer = "observer" | "adviser" | "advisor" | "invitee" | "in-attendance",
        /// Stands in for a member when they cannot attend.
        Deputy = "deputy" | "substitute",
    }
}

vocabulary! {
    /// What a source says of a body's accountability when it names no
    /// parent: that it does not say ([`Accountability::Unstated`]), or that
    /// the relationship is not yet settled ([`Accountability::Unsettled`]).
    ///
    /// This is distinct from [`Body::apex`], which says that a body is the
    /// top of its structure: a new Health and Wellbeing Board that "has yet
    /// to formalise its relationships with other strategic groups" is not
    /// an apex, and not an orphan either; reviews report it as unsettled.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::Accountability;
    ///
    /// assert_eq!("not yet established".parse::<Accountability>(), Ok(Accountability::Unsettled));
    /// assert_eq!("not stated".parse::<Accountability>(), Ok(Accountability::Unstated));
    /// ```
    Accountability, "accountability" {
        /// The source does not say to whom the body is accountable.
        Unstated = "unstated" | "not-stated" | "unknown" | "not-known",
        /// The source says the body's relationships are not yet settled
        /// ("still being thought through", "not yet established", "under
        /// discussion").
        Unsettled = "unsettled" | "not-settled" | "not-yet-established" | "being-developed" | "under-discussion" | "being-thought-through",
    }
}

vocabulary! {
    /// The kind of a relation between two bodies (or a body and a member).
    ///
    /// Accountability ([`RelationKind::is_accountability`]) is kept distinct
    /// from containment ([`RelationKind::PartOf`]) and from scrutiny: a Health
    /// and Wellbeing Board is part of the council, yet a Trust may report to
    /// it, and an LSCB may scrutinise it.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::RelationKind;
    ///
    /// assert!(RelationKind::ReportsTo.is_accountability());
    /// assert!(RelationKind::Oversees.is_accountability());
    /// assert!(!RelationKind::Scrutinises.is_accountability());
    /// assert_eq!(RelationKind::FeedsInto.key(), "feeds_into");
    /// ```
    RelationKind, "relation" {
        /// The source body reports to, and is accountable to, the target.
        ReportsTo = "reports-to" | "accountable-to",
        /// The source oversees the target (a programme board over its
        /// projects): the target is accountable to the source.
        Oversees = "oversees",
        /// The source is a sub-group of the target, and answers to it.
        SubGroupOf = "sub-group-of",
        /// The source scrutinises or holds the target to account, without
        /// the target reporting to it.
        Scrutinises = "scrutinises" | "holds-to-account" | "challenges" | "scrutinizes",
        /// The source feeds into or informs the target.
        FeedsInto = "feeds-into" | "informs",
        /// The source is part of the target (a committee of the council).
        PartOf = "part-of",
        /// The source has been merged into, or absorbed by, the target.
        MergedInto = "merged-into" | "absorbed-by",
        /// The source has been replaced by the target.
        ReplacedBy = "replaced-by",
        /// The source acts as the governance body for the target.
        GovernanceBodyFor = "governance-body-for",
        /// The source nominates items to the target's agenda.
        NominatesTo = "nominates-to" | "nominates-items-to",
        /// The source is aligned with the target, without either answering
        /// to the other.
        AlignedWith = "aligned-with",
        /// The source has a protocol (a written working agreement) with the
        /// target.
        ProtocolWith = "protocol-with" | "has-a-protocol-with",
        /// The source sends an annual report to the target (the target
        /// "receives an annual report from" it), without being accountable
        /// to it.
        AnnualReportTo = "annual-report-to" | "reports-annually-to",
        /// The source has been renamed: the target is the same body under
        /// its new name.
        RenamedTo = "renamed-to",
    }
}

impl RelationKind {
    /// Whether this relation is a line of accountability, which orphan and
    /// closure analyses follow: reports to, oversees and sub-group of.
    ///
    /// # Examples
    ///
    /// ```
    /// assert!(govgraph::RelationKind::SubGroupOf.is_accountability());
    /// ```
    pub fn is_accountability(self) -> bool {
        matches!(
            self,
            RelationKind::ReportsTo | RelationKind::Oversees | RelationKind::SubGroupOf
        )
    }

    /// The key under which a body block lists relations of this kind in a
    /// structure file (`reports_to`, `feeds_into`, ...).
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(govgraph::RelationKind::ReportsTo.key(), "reports_to");
    /// ```
    pub fn key(self) -> &'static str {
        match self {
            RelationKind::ReportsTo => "reports_to",
            RelationKind::Oversees => "oversees",
            RelationKind::SubGroupOf => "sub_group_of",
            RelationKind::Scrutinises => "scrutinises",
            RelationKind::FeedsInto => "feeds_into",
            RelationKind::PartOf => "part_of",
            RelationKind::MergedInto => "merged_into",
            RelationKind::ReplacedBy => "replaced_by",
            RelationKind::GovernanceBodyFor => "governance_body_for",
            RelationKind::NominatesTo => "nominates_to",
            RelationKind::AlignedWith => "aligned_with",
            RelationKind::ProtocolWith => "protocol_with",
            RelationKind::AnnualReportTo => "annual_report_to",
            RelationKind::RenamedTo => "renamed_to",
        }
    }

    /// A phrase for reports: "reports to", "is a sub-group of".
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(govgraph::RelationKind::SubGroupOf.phrase(), "is a sub-group of");
    /// ```
    pub fn phrase(self) -> &'static str {
        match self {
            RelationKind::ReportsTo => "reports to",
            RelationKind::Oversees => "oversees",
            RelationKind::SubGroupOf => "is a sub-group of",
            RelationKind::Scrutinises => "scrutinises",
            RelationKind::FeedsInto => "feeds into",
            RelationKind::PartOf => "is part of",
            RelationKind::MergedInto => "is merged into",
            RelationKind::ReplacedBy => "is replaced by",
            RelationKind::GovernanceBodyFor => "is the governance body for",
            RelationKind::NominatesTo => "nominates items to",
            RelationKind::AlignedWith => "is aligned with",
            RelationKind::ProtocolWith => "has a protocol with",
            RelationKind::AnnualReportTo => "sends an annual report to",
            RelationKind::RenamedTo => "is renamed",
        }
    }

    /// Whether this relation records succession: one body giving way to
    /// another (merged into, replaced by, renamed to).
    ///
    /// # Examples
    ///
    /// ```
    /// assert!(govgraph::RelationKind::ReplacedBy.is_succession());
    /// assert!(!govgraph::RelationKind::FeedsInto.is_succession());
    /// ```
    pub fn is_succession(self) -> bool {
        matches!(
            self,
            RelationKind::MergedInto | RelationKind::ReplacedBy | RelationKind::RenamedTo
        )
    }
}

/// How often a body meets, as the sources say it ("monthly", "quarterly",
/// "every 6 weeks", "twice a year", "termly").
///
/// # Examples
///
/// ```
/// use govgraph::MeetingPattern;
///
/// let pattern: MeetingPattern = "every 6 weeks".parse().unwrap();
/// assert_eq!(pattern.per_year(), 52.0 / 6.0);
/// assert_eq!("termly".parse::<MeetingPattern>().unwrap().per_year(), 3.0);
/// assert_eq!(pattern.to_string(), "every 6 weeks");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum MeetingPattern {
    /// Every `n` weeks (1 is weekly, 2 fortnightly).
    EveryWeeks(u32),
    /// Every `n` months (1 is monthly, 3 quarterly).
    EveryMonths(u32),
    /// `n` times a year (1 is annually).
    TimesAYear(u32),
    /// Once a school term: three times a year.
    Termly,
    /// Only when there is business; counts as no regular meetings.
    AsNeeded,
}

impl MeetingPattern {
    /// Meetings a year under this pattern.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(govgraph::MeetingPattern::EveryMonths(2).per_year(), 6.0);
    /// ```
    pub fn per_year(self) -> f64 {
        match self {
            MeetingPattern::EveryWeeks(n) => 52.0 / f64::from(n.max(1)),
            MeetingPattern::EveryMonths(n) => 12.0 / f64::from(n.max(1)),
            MeetingPattern::TimesAYear(n) => f64::from(n),
            MeetingPattern::Termly => 3.0,
            MeetingPattern::AsNeeded => 0.0,
        }
    }
}

impl fmt::Display for MeetingPattern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            MeetingPattern::EveryWeeks(1) => f.write_str("weekly"),
            MeetingPattern::EveryWeeks(2) => f.write_str("fortnightly"),
            MeetingPattern::EveryWeeks(n) => write!(f, "every {n} weeks"),
            MeetingPattern::EveryMonths(1) => f.write_str("monthly"),
            MeetingPattern::EveryMonths(3) => f.write_str("quarterly"),
            MeetingPattern::EveryMonths(n) => write!(f, "every {n} months"),
            MeetingPattern::TimesAYear(1) => f.write_str("annually"),
            MeetingPattern::TimesAYear(2) => f.write_str("twice a year"),
            MeetingPattern::TimesAYear(n) => write!(f, "{n} times a year"),
            MeetingPattern::Termly => f.write_str("termly"),
            MeetingPattern::AsNeeded => f.write_str("as needed"),
        }
    }
}

impl FromStr for MeetingPattern {
    type Err = UnknownWord;

    fn from_str(s: &str) -> Result<MeetingPattern, UnknownWord> {
        let folded = fold_word(s);
        let words: Vec<&str> = folded.split('-').collect();
        let number = |w: &str| -> Option<u32> {
            match w {
                "two" => Some(2),
                "three" => Some(3),
                "four" => Some(4),
                "six" => Some(6),
                w => w.parse().ok().filter(|n| *n > 0),
            }
        };
        let pattern = match words.as_slice() {
            ["weekly"] => Some(MeetingPattern::EveryWeeks(1)),
            ["fortnightly"] => Some(MeetingPattern::EveryWeeks(2)),
            ["monthly"] => Some(MeetingPattern::EveryMonths(1)),
            ["bimonthly"] | ["bi-monthly"] => Some(MeetingPattern::EveryMonths(2)),
            ["quarterly"] => Some(MeetingPattern::EveryMonths(3)),
            ["termly"] | ["every-term"] | ["every", "term"] => Some(MeetingPattern::Termly),
            ["annually"] | ["annual"] | ["yearly"] | ["once", "a", "year"] => {
                Some(MeetingPattern::TimesAYear(1))
            }
            ["twice", "a", "year"] | ["biannually"] => Some(MeetingPattern::TimesAYear(2)),
            ["as", "needed"] | ["ad", "hoc"] | ["as", "required"] => Some(MeetingPattern::AsNeeded),
            ["every", n, "weeks" | "week"] => number(n).map(MeetingPattern::EveryWeeks),
            ["every", n, "months" | "month"] => number(n).map(MeetingPattern::EveryMonths),
            [n, "times", "a" | "per", "year"] => number(n).map(MeetingPattern::TimesAYear),
            _ => None,
        };
        const KNOWN: [&str; 11] = [
            "weekly",
            "fortnightly",
            "monthly",
            "every-2-months",
            "quarterly",
            "every-6-weeks",
            "termly",
            "twice-a-year",
            "4-times-a-year",
            "annually",
            "as-needed",
        ];
        pattern.ok_or_else(|| UnknownWord {
            what: "meeting pattern",
            word: s.to_string(),
            suggestion: crate::suggest::closest(&folded, KNOWN).map(|w| w.replace('-', " ")),
            allowed: crate::suggest::nearest_first(&folded, KNOWN)
                .into_iter()
                .map(|w| MEETING_WORDS[KNOWN.iter().position(|k| *k == w).unwrap_or(0)])
                .collect(),
        })
    }
}

/// The meeting patterns an error lists, as a person writes them (in the
/// order of the kebab-case forms they are matched by).
const MEETING_WORDS: [&str; 11] = [
    "weekly",
    "fortnightly",
    "monthly",
    "every 2 months",
    "quarterly",
    "every 6 weeks",
    "termly",
    "twice a year",
    "4 times a year",
    "annually",
    "as needed",
];

impl Serialize for MeetingPattern {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// Descriptive information about a whole structure: what it is and where it
/// comes from.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Meta {
    /// A display name ("Solihull Children and Young People's Trust, 2011").
    pub name: Option<String>,
    /// The paper or document the structure is built from.
    pub source: Option<String>,
    /// The date the structure describes ("2011-06"): what it is "as at".
    pub date: Option<Date>,
    /// Assumptions and caveats that apply to the whole structure.
    pub note: Option<String>,
}

/// A body: any board, executive, partnership, group, panel, forum, assembly,
/// network, programme board, project or task-and-finish group.
///
/// Bodies are read from a structure; build them with
/// [`BodySpec`](crate::BodySpec) through [`Structure::builder`].
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Body {
    /// Its stable id.
    pub id: Id,
    /// Its display name, as the source writes it.
    pub name: String,
    /// What sort of body it is.
    pub kind: BodyKind,
    /// Where it stands now.
    pub status: Status,
    /// When it took that status ("dissolved 2011-03-28"), if the source
    /// says.
    pub status_since: Option<Date>,
    /// The status it is intended to take (a recommendation or a plan: "they
    /// would no longer meet"), applied by [`Structure::as_intended`].
    pub intended_status: Option<Status>,
    /// Whether it is the top of an accountability structure (a council, a
    /// statutory board): an apex needs no accountable parent.
    pub apex: bool,
    /// What the source says of its accountability when it names no parent:
    /// unstated or unsettled. `None` when the source is clear.
    pub accountability: Option<Accountability>,
    /// How many alike bodies this entry stands for ("12 local groups
    /// linked with the 12 districts"); 1 for a single body.
    pub count: u32,
    /// Names it was known by before ("Children's Trust", renamed the
    /// Children and Families Partnership).
    pub formerly: Vec<String>,
    /// Whether it exists by statute (an LSCB, a Health and Wellbeing Board).
    pub statutory: bool,
    /// The tier or cluster it is drawn in ("Outcome Groups").
    pub tier: Option<String>,
    /// What it is for, in a sentence.
    pub purpose: Option<String>,
    /// What it does, one function a line (the rows of Halton's table).
    pub functions: Vec<String>,
    /// Its themes ("safeguarding", "health", "parenting"), lower case.
    pub themes: Vec<String>,
    /// How often it meets.
    pub meets: Option<MeetingPattern>,
    /// Where in the source it comes from ("s5 row 14").
    pub source: Option<String>,
    /// Anything else worth saying, including assumptions.
    pub note: Option<String>,
}

impl Body {
    /// Whether this body is doing its job now ([`Status::is_active`]).
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, Status, Structure};
    ///
    /// let s = Structure::builder()
    ///     .body(BodySpec::new("board", "Trust Board", BodyKind::Board).status(Status::OnHold))
    ///     .build()?;
    /// assert!(!s.body("board").unwrap().is_active());
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn is_active(&self) -> bool {
        self.status.is_active()
    }
}

/// A member: a person, a post or a partner organisation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Member {
    /// Its stable id.
    pub id: Id,
    /// Its display name ("Director of Children's Services").
    pub name: String,
    /// Person, post or organisation.
    pub kind: MemberKind,
    /// For a post or person: the organisations it belongs to (two for a
    /// post jointly funded by the PCT and the council); for an organisation,
    /// the organisations it is part of.
    pub organisations: Vec<Id>,
    /// Where it stands: a proposed Healthwatch, a clinical commissioning
    /// group not yet formed, an organisation that has ceased.
    pub status: Status,
    /// When it took that status, if the source says.
    pub status_since: Option<Date>,
    /// Where in the source it comes from.
    pub source: Option<String>,
    /// Anything else worth saying.
    pub note: Option<String>,
}

/// A seat: a member on a body, in a role, perhaps on behalf of an
/// organisation or another body, perhaps for a stated time.
///
/// The holder is usually a [`Member`] (a post, person or organisation), but
/// may be a body: a Health and Wellbeing Board that "includes
/// representatives of ... the Children's Trust" has a seat held by the
/// Trust.
///
/// The same member may hold the same role on the same body more than once
/// when the dates differ (two terms of office); a structure keeps one seat
/// for each body, member, role, start and end.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[non_exhaustive]
pub struct Membership {
    /// The body the seat is on.
    pub body: Id,
    /// Who holds it.
    pub member: Id,
    /// In what role.
    pub role: Role,
    /// When the seat was taken up ("2015-04-09"), if known.
    pub start: Option<Date>,
    /// When the seat was given up, if known: the seat is held until then.
    pub end: Option<Date>,
    /// Whether the seat is intended, not yet held ("will in future include
    /// one of the Chairs of the CCGs").
    pub intended: bool,
    /// The organisation or body the member represents there, if any (a
    /// chair sitting on another board as chair of their own).
    pub on_behalf_of: Option<Id>,
    /// Where in the source it comes from.
    pub source: Option<String>,
    /// Anything else worth saying.
    pub note: Option<String>,
}

/// A typed, directed relation from one body (or member) to another.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[non_exhaustive]
pub struct Relation {
    /// The body (or member) the relation is written on.
    pub from: Id,
    /// What kind of relation it is.
    pub kind: RelationKind,
    /// The body (or member) it points at.
    pub to: Id,
    /// Whether the relation is intended or proposed, not in force ("will,
    /// in time, act as a sub group of ..."). Analyses of the structure as it
    /// is leave intended relations out; [`Structure::as_intended`] puts them
    /// in force.
    pub intended: bool,
    /// When the relation began, if the source says (`from` in files).
    pub start: Option<Date>,
    /// When it ended, if the source says (`until` in files): it holds
    /// until then.
    pub end: Option<Date>,
    /// Where in the source it comes from.
    pub source: Option<String>,
    /// Anything else worth saying, including assumptions.
    pub note: Option<String>,
}

impl Relation {
    /// For a line of accountability in force, the pair `(accountable,
    /// to_whom)`: `reports_to` and `sub_group_of` point from child to
    /// parent, `oversees` from parent to child. `None` for relations that
    /// are not accountability, and for intended ones.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, Id, Structure};
    ///
    /// let s = Structure::builder()
    ///     .body(BodySpec::new("iwpb", "Programme Board", BodyKind::ProgrammeBoard).oversees("lincs"))
    ///     .body(BodySpec::new("lincs", "LINCS", BodyKind::Project))
    ///     .build()?;
    /// let (child, parent) = s.relations()[0].accountability().unwrap();
    /// assert_eq!((child.as_str(), parent.as_str()), ("lincs", "iwpb"));
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn accountability(&self) -> Option<(&Id, &Id)> {
        if self.intended {
            return None;
        }
        match self.kind {
            RelationKind::ReportsTo | RelationKind::SubGroupOf => Some((&self.from, &self.to)),
            RelationKind::Oversees => Some((&self.to, &self.from)),
            _ => None,
        }
    }
}

/// Collective succession: a set of bodies that together gave way (or are
/// intended to give way) to another set, with no one-to-one mapping ("five
/// theme groups replaced by four priority groups").
///
/// # Examples
///
/// ```
/// use govgraph::{BodyKind, BodySpec, RelationKind, Structure, Succession};
///
/// let s = Structure::builder()
///     .body(BodySpec::new("old-a", "Be Healthy", BodyKind::Group).apex())
///     .body(BodySpec::new("old-b", "Stay Safe", BodyKind::Group).apex())
///     .body(BodySpec::new("new", "Early Help Priority Group", BodyKind::Group).apex())
///     .succession(Succession::new(["old-a", "old-b"], ["new"], RelationKind::ReplacedBy))
///     .build()?;
/// assert_eq!(s.successions()[0].from.len(), 2);
/// # Ok::<(), govgraph::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[non_exhaustive]
pub struct Succession {
    /// The bodies that gave way, sorted.
    pub from: Vec<Id>,
    /// The bodies that took their place, sorted.
    pub to: Vec<Id>,
    /// How: [`RelationKind::ReplacedBy`] or [`RelationKind::MergedInto`].
    pub kind: RelationKind,
    /// When, if the source says.
    pub date: Option<Date>,
    /// Whether it is intended rather than done.
    pub intended: bool,
    /// Where in the source it comes from.
    pub source: Option<String>,
    /// Anything else worth saying.
    pub note: Option<String>,
}

impl Succession {
    /// A succession of `from` by `to`, of the given kind (replaced by or
    /// merged into), done and undated. Validated when the structure is
    /// built.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{RelationKind, Succession};
    ///
    /// let s = Succession::new(["a", "b"], ["c"], RelationKind::MergedInto);
    /// assert_eq!(s.to[0], "c");
    /// ```
    pub fn new<F, T>(from: F, to: T, kind: RelationKind) -> Succession
    where
        F: IntoIterator,
        F::Item: Into<Id>,
        T: IntoIterator,
        T::Item: Into<Id>,
    {
        Succession {
            from: from.into_iter().map(Into::into).collect(),
            to: to.into_iter().map(Into::into).collect(),
            kind,
            date: None,
            intended: false,
            source: None,
            note: None,
        }
    }

    /// The same succession, dated.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{Date, RelationKind, Succession};
    ///
    /// let s = Succession::new(["a"], ["b"], RelationKind::ReplacedBy).date(Date::year(2011));
    /// assert_eq!(s.date, Some(Date::year(2011)));
    /// ```
    pub fn date(mut self, date: Date) -> Succession {
        self.date = Some(date);
        self
    }

    /// The same succession, intended rather than done.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{RelationKind, Succession};
    ///
    /// assert!(Succession::new(["a"], ["b"], RelationKind::MergedInto).intended().intended);
    /// ```
    pub fn intended(mut self) -> Succession {
        self.intended = true;
        self
    }

    /// The same succession, with where in the source it comes from.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{RelationKind, Succession};
    ///
    /// let s = Succession::new(["a"], ["b"], RelationKind::ReplacedBy).source("s4.2");
    /// assert_eq!(s.source.as_deref(), Some("s4.2"));
    /// ```
    pub fn source(mut self, source: impl Into<String>) -> Succession {
        self.source = Some(source.into());
        self
    }

    /// The same succession, with a note.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{RelationKind, Succession};
    ///
    /// let s = Succession::new(["a"], ["b"], RelationKind::ReplacedBy).note("no one-to-one mapping");
    /// assert!(s.note.is_some());
    /// ```
    pub fn note(mut self, note: impl Into<String>) -> Succession {
        self.note = Some(note.into());
        self
    }
}

/// What an id names in a structure: a body or a member.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Entity<'a> {
    /// A body.
    Body(&'a Body),
    /// A member.
    Member(&'a Member),
}

impl<'a> Entity<'a> {
    /// The display name of the body or member.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, Structure};
    ///
    /// let s = Structure::builder().body(BodySpec::new("b", "Board", BodyKind::Board)).build()?;
    /// assert_eq!(s.entity("b").unwrap().name(), "Board");
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn name(&self) -> &'a str {
        match self {
            Entity::Body(b) => &b.name,
            Entity::Member(m) => &m.name,
        }
    }

    /// The id of the body or member.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, Structure};
    ///
    /// let s = Structure::builder().body(BodySpec::new("b", "Board", BodyKind::Board)).build()?;
    /// assert_eq!(s.entity("b").unwrap().id().as_str(), "b");
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn id(&self) -> &'a Id {
        match self {
            Entity::Body(b) => &b.id,
            Entity::Member(m) => &m.id,
        }
    }
}

/// A validated governance structure: bodies, members, their memberships and
/// the relations between them.
///
/// A `Structure` is only ever made by loading a file
/// ([`Structure::from_toml_str`], [`Structure::from_json_str`],
/// [`Structure::from_path`]) or by [`Structure::builder`], both of which
/// validate it, so every id a relation or membership names exists. Bodies and
/// members are kept sorted by id, relations and memberships in a fixed order,
/// so everything derived from a structure is deterministic.
///
/// # Examples
///
/// ```
/// use govgraph::Structure;
///
/// let s = Structure::from_toml_str(r#"
///     [[body]]
///     id = "board"
///     name = "Children's Trust Board"
///     kind = "board"
///     apex = true
///
///     [[body]]
///     id = "exec"
///     name = "Executive"
///     kind = "executive"
///     reports_to = ["board"]
/// "#)?;
/// assert_eq!(s.bodies().count(), 2);
/// assert_eq!(s.accountable_parents("exec").collect::<Vec<_>>(), ["board"]);
/// # Ok::<(), govgraph::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Structure {
    pub(crate) meta: Meta,
    // Each body and member is shared, so that a view in time
    // (`Structure::in_force`, `as_at`) copies only what it changes.
    pub(crate) bodies: BTreeMap<Id, Arc<Body>>,
    pub(crate) members: BTreeMap<Id, Arc<Member>>,
    pub(crate) memberships: Vec<Membership>,
    pub(crate) relations: Vec<Relation>,
    pub(crate) successions: Vec<Succession>,
    /// The `oversees` relations by the body overseen, made on first use.
    pub(crate) overseen: Overseen,
}

/// The positions in [`Structure::relations`] of its `oversees` relations,
/// sorted by the body overseen, so that a body's parents are found without
/// a scan of every relation. Made from the relations on first use; a clone
/// starts empty, since the clone's relations may then be changed.
#[derive(Debug, Default)]
pub(crate) struct Overseen(std::sync::OnceLock<Vec<u32>>);

impl Clone for Overseen {
    fn clone(&self) -> Overseen {
        Overseen::default()
    }
}

/// The index is made from the relations, which `Structure` compares.
impl PartialEq for Overseen {
    fn eq(&self, _: &Overseen) -> bool {
        true
    }
}

impl Overseen {
    /// The positions of the `oversees` relations whose target is `id`.
    fn of<'a>(&'a self, relations: &'a [Relation], id: &str) -> impl Iterator<Item = &'a Relation> {
        let index = self.0.get_or_init(|| {
            let mut index: Vec<u32> = (0..relations.len() as u32)
                .filter(|&i| relations[i as usize].kind == RelationKind::Oversees)
                .collect();
            index.sort_by(|&a, &b| relations[a as usize].to.cmp(&relations[b as usize].to));
            index
        });
        let start = index.partition_point(|&i| relations[i as usize].to.as_str() < id);
        index[start..]
            .iter()
            .map(|&i| &relations[i as usize])
            .take_while(move |r| r.to.as_str() == id)
    }
}

impl Structure {
    /// The structure's descriptive information.
    ///
    /// # Examples
    ///
    /// ```
    /// let s = govgraph::Structure::from_toml_str(
    ///     "[structure]\nname = \"Halton\"\n\n[[body]]\nid = \"b\"\nname = \"Board\"\nkind = \"board\"\n",
    /// )?;
    /// assert_eq!(s.meta().name.as_deref(), Some("Halton"));
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn meta(&self) -> &Meta {
        &self.meta
    }

    /// Every body, sorted by id.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, Structure};
    ///
    /// let s = Structure::builder()
    ///     .body(BodySpec::new("b", "B", BodyKind::Group))
    ///     .body(BodySpec::new("a", "A", BodyKind::Group))
    ///     .build()?;
    /// let ids: Vec<&str> = s.bodies().map(|b| b.id.as_str()).collect();
    /// assert_eq!(ids, ["a", "b"]);
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn bodies(&self) -> impl ExactSizeIterator<Item = &Body> + '_ {
        self.bodies.values().map(|body| &**body)
    }

    /// Every member, sorted by id.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{MemberKind, MemberSpec, Structure};
    ///
    /// let s = Structure::builder()
    ///     .member(MemberSpec::new("dcs", "Director of Children's Services", MemberKind::Post))
    ///     .build()?;
    /// assert_eq!(s.members().count(), 1);
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn members(&self) -> impl ExactSizeIterator<Item = &Member> + '_ {
        self.members.values().map(|member| &**member)
    }

    /// Every membership, sorted by body, then member, then role, then start
    /// and end date.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, MemberKind, MemberSpec, Role, Structure};
    ///
    /// let s = Structure::builder()
    ///     .member(MemberSpec::new("dcs", "DCS", MemberKind::Post))
    ///     .body(BodySpec::new("board", "Board", BodyKind::Board).seat("dcs", Role::Chair))
    ///     .build()?;
    /// assert_eq!(s.memberships()[0].role, Role::Chair);
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn memberships(&self) -> &[Membership] {
        &self.memberships
    }

    /// Every relation, sorted by source, kind, then target.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, RelationKind, Structure};
    ///
    /// let s = Structure::builder()
    ///     .body(BodySpec::new("board", "Board", BodyKind::Board))
    ///     .body(BodySpec::new("lscb", "LSCB", BodyKind::Board).scrutinises("board"))
    ///     .build()?;
    /// assert_eq!(s.relations()[0].kind, RelationKind::Scrutinises);
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn relations(&self) -> &[Relation] {
        &self.relations
    }

    /// Every collective succession, sorted.
    ///
    /// # Examples
    ///
    /// ```
    /// let s = govgraph::Structure::from_toml_str(r#"
    ///     [[body]]
    ///     id = "themes"
    ///     name = "Theme groups"
    ///     kind = "group"
    ///     count = 5
    ///     status = "dissolved"
    ///     accountability = "unstated"
    ///
    ///     [[body]]
    ///     id = "priorities"
    ///     name = "Priority groups"
    ///     kind = "group"
    ///     count = 4
    ///     accountability = "unstated"
    ///
    ///     [[succession]]
    ///     from = ["themes"]
    ///     to = ["priorities"]
    /// "#)?;
    /// assert_eq!(s.successions()[0].to[0], "priorities");
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn successions(&self) -> &[Succession] {
        &self.successions
    }

    /// The body with this id, if there is one.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, Structure};
    ///
    /// let s = Structure::builder().body(BodySpec::new("lscb", "LSCB", BodyKind::Board)).build()?;
    /// assert_eq!(s.body("lscb").unwrap().name, "LSCB");
    /// assert!(s.body("nope").is_none());
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn body(&self, id: &str) -> Option<&Body> {
        self.bodies.get(id).map(|body| &**body)
    }

    /// The member with this id, if there is one.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{MemberKind, MemberSpec, Structure};
    ///
    /// let s = Structure::builder().member(MemberSpec::new("pct", "PCT", MemberKind::Organisation)).build()?;
    /// assert_eq!(s.member("pct").unwrap().kind, MemberKind::Organisation);
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn member(&self, id: &str) -> Option<&Member> {
        self.members.get(id).map(|member| &**member)
    }

    /// The body or member with this id, if there is one.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, Entity, Structure};
    ///
    /// let s = Structure::builder().body(BodySpec::new("b", "Board", BodyKind::Board)).build()?;
    /// assert!(matches!(s.entity("b"), Some(Entity::Body(_))));
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn entity(&self, id: &str) -> Option<Entity<'_>> {
        self.body(id)
            .map(Entity::Body)
            .or_else(|| self.member(id).map(Entity::Member))
    }

    /// The display name of the body or member with this id, or the id itself
    /// if it names nothing. Handy when printing findings.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, Structure};
    ///
    /// let s = Structure::builder().body(BodySpec::new("b", "Board", BodyKind::Board)).build()?;
    /// assert_eq!(s.name_of("b"), "Board");
    /// assert_eq!(s.name_of("x"), "x");
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn name_of<'a>(&'a self, id: &'a str) -> &'a str {
        self.entity(id).map_or(id, |e| e.name())
    }

    /// The ids that `id` is directly accountable to, through `reports_to`,
    /// `sub_group_of` or being overseen, sorted and without repeats.
    ///
    /// # Complexity
    ///
    /// **O(log R + k)** for R relations and k relations of `id`'s, so that
    /// asking it of every body is not quadratic; the first call on a
    /// structure also sorts its `oversees` relations, once.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, Structure};
    ///
    /// let s = Structure::builder()
    ///     .body(BodySpec::new("a", "A", BodyKind::Board))
    ///     .body(BodySpec::new("b", "B", BodyKind::Board))
    ///     .body(BodySpec::new("c", "C", BodyKind::Group).reports_to("a").sub_group_of("b"))
    ///     .build()?;
    /// assert_eq!(s.accountable_parents("c").collect::<Vec<_>>(), ["a", "b"]);
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn accountable_parents<'a>(&'a self, id: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        // Relations are sorted by source: those written on `id` are one run.
        let start = self.relations.partition_point(|r| r.from.as_str() < id);
        let written = self.relations[start..]
            .iter()
            .take_while(|r| r.from.as_str() == id);
        let overseen = self.overseen.of(&self.relations, id);
        let mut parents: Vec<&str> = written
            .chain(overseen)
            .filter_map(|r| r.accountability())
            .filter(|(child, _)| child.as_str() == id)
            .map(|(_, parent)| parent.as_str())
            .collect();
        parents.sort_unstable();
        parents.dedup();
        parents.into_iter()
    }

    /// The memberships of one body, in the order of [`Structure::memberships`].
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, MemberKind, MemberSpec, Role, Structure};
    ///
    /// let s = Structure::builder()
    ///     .member(MemberSpec::new("dcs", "DCS", MemberKind::Post))
    ///     .body(BodySpec::new("board", "Board", BodyKind::Board).seat("dcs", Role::Chair))
    ///     .build()?;
    /// assert_eq!(s.seats_on("board").count(), 1);
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn seats_on<'a>(&'a self, body: &'a str) -> impl Iterator<Item = &'a Membership> + 'a {
        let start = self.memberships.partition_point(|m| m.body.as_str() < body);
        self.memberships[start..]
            .iter()
            .take_while(move |m| m.body.as_str() == body)
    }

    /// Whether the structure has no bodies and no members.
    ///
    /// # Examples
    ///
    /// ```
    /// assert!(govgraph::Structure::default().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.bodies.is_empty() && self.members.is_empty()
    }
}
