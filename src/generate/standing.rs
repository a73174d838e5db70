//! The standing bodies every generated authority has, as a table: the Trust
//! Board and Executive, the statutory boards, the five outcome groups and the
//! bodies around them, with what the papers say each does.

use crate::builder::BodySpec;
use crate::model::{BodyKind, MeetingPattern, RelationKind, Status};

use super::authority::{
    AD_LEARNING, AD_SAFEGUARDING, CHIEF_EXECUTIVE, COUNCIL, DCS, LEAD_MEMBER, LSCB_CHAIR, PCT,
    PCT_DIRECTOR, Ref,
};

/// A standing body. Names and ids are prefixed with the authority's.
pub(crate) struct Standing {
    /// The id after the authority's prefix.
    pub stem: &'static str,
    /// Name variants, one chosen at random; `{}` is the authority's name.
    pub names: &'static [&'static str],
    pub kind: BodyKind,
    /// What the papers say of it: the rest of its spec, bar the status,
    /// which each authority draws.
    pub spec: fn(BodySpec) -> BodySpec,
    /// The post that chairs it, where the papers say.
    pub chair: Option<usize>,
    pub relations: &'static [(RelationKind, Ref)],
    /// What it becomes when it stops meeting, or `None` for bodies that
    /// always meet (statutory boards and the council's own machinery).
    pub stops_as: Option<Status>,
    /// Newly set up: new, in shadow form, or active.
    pub new: bool,
}

const BODY: Standing = Standing {
    stem: "",
    names: &[],
    kind: BodyKind::Group,
    spec: |spec| spec,
    chair: None,
    relations: &[],
    stops_as: Some(Status::OnHold),
    new: false,
};

pub(crate) const BOARD: usize = 0;
pub(crate) const EXECUTIVE: usize = 1;
pub(crate) const LSCB: usize = 2;
pub(crate) const HWB: usize = 3;
/// The first of the five outcome groups, in the order of
/// [`Topic::outcome`](super::words::Topic::outcome).
pub(crate) const OUTCOME_GROUPS: usize = 4;
pub(crate) const YOS: usize = 9;
pub(crate) const PROGRAMME_BOARD: usize = 11;
pub(crate) const DIRECTORATE: usize = 15;

use RelationKind::{FeedsInto, GovernanceBodyFor, PartOf, ReportsTo, Scrutinises};

const fn outcome(
    stem: &'static str,
    names: &'static [&'static str],
    spec: fn(BodySpec) -> BodySpec,
    stops_as: Status,
) -> Standing {
    Standing {
        stem,
        names,
        spec,
        relations: &[(ReportsTo, Ref::Body(EXECUTIVE))],
        stops_as: Some(stops_as),
        ..BODY
    }
}

/// An outcome group's spec: its one function is its purpose too.
fn outcome_group(spec: BodySpec, function: &str) -> BodySpec {
    spec.tier("Outcome Groups")
        .purpose(function)
        .function(function)
        .meets(MeetingPattern::EveryMonths(3))
}

/// Every authority's first bodies, in order: an authority with fewer bodies
/// keeps the first ones, and relations to the rest are dropped.
pub(crate) const STANDING: &[Standing] = &[
    Standing {
        stem: "board",
        names: &[
            "{} Children and Young People's Trust Board",
            "{} Children's Trust Board",
            "{} Alliance Board",
        ],
        kind: BodyKind::Board,
        spec: |spec| {
            spec.apex()
                .tier("Trust")
                .purpose(
                    "Lead the Trust, managing delivery of the Children and Young People's Plan",
                )
                .function("Multi agency working and vision")
                .function("Strategic needs analysis and agreeing developmental priorities")
                .function("Signing off strategies and plans")
                .function("Sharing information")
                .theme("partnership")
                .theme("planning")
                .meets(MeetingPattern::EveryMonths(3))
        },
        chair: Some(LEAD_MEMBER),
        relations: &[
            (FeedsInto, Ref::Body(HWB)),
            (GovernanceBodyFor, Ref::Member(PCT)),
        ],
        ..BODY
    },
    Standing {
        stem: "executive",
        names: &[
            "{} Performance & Commissioning Group",
            "{} Children and Young People's Executive",
            "{} Alliance Executive",
        ],
        kind: BodyKind::Executive,
        spec: |spec| {
            spec.tier("Trust")
                .purpose(
                    "Implement the strategy set out by the Board and drive delivery of the CYPP",
                )
                .function("Driving integration and Children's Trust developments")
                .function("Business planning fed by task groups")
                .function("Receive performance monitoring exceptions reports")
                .theme("performance")
                .theme("commissioning")
                .meets(MeetingPattern::EveryWeeks(6))
        },
        chair: Some(DCS),
        relations: &[(ReportsTo, Ref::Body(BOARD))],
        ..BODY
    },
    Standing {
        stem: "lscb",
        names: &["{} Local Safeguarding Children Board"],
        kind: BodyKind::Board,
        spec: |spec| {
            spec.apex()
                .statutory()
                .tier("Statutory Boards")
                .purpose("Co-ordinate local work to safeguard and promote the welfare of children")
                .function("Develop safeguarding policy and monitor its delivery")
                .function("Hold partner organisations to account through Section 11 audits")
                .theme("safeguarding")
                .meets(MeetingPattern::EveryMonths(2))
        },
        chair: Some(LSCB_CHAIR),
        relations: &[(Scrutinises, Ref::Body(BOARD))],
        stops_as: None,
        ..BODY
    },
    Standing {
        stem: "hwb",
        names: &["{} Health and Wellbeing Board"],
        kind: BodyKind::Board,
        spec: |spec| {
            spec.apex()
                .statutory()
                .tier("Statutory Boards")
                .purpose(
                    "Improve the health and wellbeing of the population from pre-birth to end of life",
                )
                .function(
                    "Promote integrated commissioning across the NHS, education, social care and public health",
                )
                .theme("health")
                .theme("wellbeing")
                .theme("commissioning")
                .meets(MeetingPattern::EveryMonths(2))
        },
        chair: Some(CHIEF_EXECUTIVE),
        // A statutory committee of the council (Solihull, 3.5.1).
        relations: &[(PartOf, Ref::Member(COUNCIL))],
        stops_as: None,
        new: true,
    },
    outcome(
        "be-healthy",
        &["Be Healthy Outcome Group"],
        |spec| outcome_group(spec, "Oversight of children's health work").theme("health"),
        Status::OnHold,
    ),
    // Solihull's Stay Safe Outcome Group "never met".
    outcome(
        "stay-safe",
        &["Stay Safe Outcome Group"],
        |spec| {
            outcome_group(spec, "Oversight of 'safe' activity in the CYPP").theme("safeguarding")
        },
        Status::NeverMet,
    ),
    outcome(
        "enjoy-achieve",
        &["Enjoy & Achieve Outcome Group"],
        |spec| {
            outcome_group(spec, "Oversight of 'enjoy & achieve' activity in the CYPP")
                .theme("attainment")
                .theme("things to do")
        },
        Status::OnHold,
    ),
    outcome(
        "positive-contribution",
        &["Positive Contribution Outcome Group"],
        |spec| {
            outcome_group(
                spec,
                "Oversight of 'positive contribution' activity in the CYPP",
            )
            .theme("involvement")
            .theme("participation")
        },
        Status::OnHold,
    ),
    outcome(
        "economic-wellbeing",
        &["Economic Wellbeing Outcome Group"],
        |spec| {
            outcome_group(
                spec,
                "Oversight of 'economic wellbeing' activity in the CYPP",
            )
            .theme("economic wellbeing")
            .theme("skills")
        },
        Status::OnHold,
    ),
    Standing {
        stem: "yos",
        names: &["{} Youth Offending Service Board"],
        kind: BodyKind::Board,
        spec: |spec| {
            spec.apex()
                .statutory()
                .tier("Statutory Boards")
                .function("Oversee the youth justice plan")
                .theme("youth justice")
                .theme("crime")
                .meets(MeetingPattern::EveryMonths(3))
        },
        chair: Some(AD_SAFEGUARDING),
        relations: &[(Scrutinises, Ref::Body(BOARD))],
        stops_as: None,
        ..BODY
    },
    Standing {
        stem: "jcb",
        names: &["{} Joint Commissioning Board"],
        kind: BodyKind::Board,
        spec: |spec| {
            spec.tier("Statutory Boards")
                .function(
                    "Join up the commissioning of health and wellbeing services for children and adults",
                )
                .theme("commissioning")
                .theme("health")
        },
        chair: Some(PCT_DIRECTOR),
        // Solihull, 3.6.1: it "will report to the Health and Well-Being Board".
        relations: &[(ReportsTo, Ref::Body(HWB))],
        stops_as: Some(Status::Proposed),
        new: true,
    },
    Standing {
        stem: "iwpb",
        names: &["Integrated Working Programme Board"],
        kind: BodyKind::ProgrammeBoard,
        spec: |spec| {
            spec.tier("Outcome Groups")
                .purpose("Oversight of integrated working projects")
                .function("Oversight of integrated working projects")
                .theme("integrated working")
                .theme("workforce")
                .meets(MeetingPattern::EveryMonths(1))
        },
        chair: Some(AD_LEARNING),
        relations: &[(ReportsTo, Ref::Body(EXECUTIVE))],
        ..BODY
    },
    Standing {
        stem: "assembly",
        names: &["{} Trust Assembly"],
        kind: BodyKind::Assembly,
        spec: |spec| {
            spec.tier("Trust")
                .purpose("Engage the wider children and young people's workforce")
                .theme("workforce")
                .theme("engagement")
                .meets(MeetingPattern::TimesAYear(1))
        },
        relations: &[(ReportsTo, Ref::Body(BOARD)), (FeedsInto, Ref::Body(BOARD))],
        stops_as: Some(Status::Dormant),
        ..BODY
    },
    Standing {
        stem: "parents-forum",
        names: &["Parents Forum"],
        kind: BodyKind::Forum,
        spec: |spec| {
            spec.tier("Strategy / Delivery Groups")
                .purpose(
                    "A user-led group, supported by the Council to champion the views of parents",
                )
                .theme("parenting")
                .theme("involvement")
                .meets(MeetingPattern::Termly)
        },
        relations: &[
            (ReportsTo, Ref::Body(EXECUTIVE)),
            (FeedsInto, Ref::Body(BOARD)),
        ],
        stops_as: Some(Status::Dormant),
        ..BODY
    },
    Standing {
        stem: "vcs-forum",
        names: &["Children's Voluntary Sector Forum"],
        kind: BodyKind::Network,
        spec: |spec| {
            spec.tier("Strategy / Delivery Groups")
                .purpose(
                    "Network to facilitate 2 way communication between the Trust and the children's voluntary sector",
                )
                .theme("voluntary sector")
                .theme("engagement")
        },
        relations: &[(FeedsInto, Ref::Body(BOARD))],
        // Solihull's forum "decided to become 'virtual'".
        stops_as: Some(Status::Virtual),
        ..BODY
    },
    Standing {
        stem: "cypd",
        names: &["Children and Young People's Directorate"],
        kind: BodyKind::Directorate,
        spec: |spec| {
            spec.purpose("The central delivery mechanism for integrated services")
                .theme("integrated working")
                .theme("service delivery")
        },
        chair: Some(DCS),
        // A body accountable to a post, as Solihull's stay-safe actions fell
        // to the Director (6.5.1).
        relations: &[
            (PartOf, Ref::Member(COUNCIL)),
            (ReportsTo, Ref::Member(DCS)),
        ],
        stops_as: None,
        ..BODY
    },
    Standing {
        stem: "commissioning-team",
        names: &["Trust Commissioning Team"],
        kind: BodyKind::Team,
        spec: |spec| {
            spec.function("Coordinate research and needs analysis")
                .theme("commissioning")
        },
        relations: &[(ReportsTo, Ref::Body(EXECUTIVE))],
        stops_as: Some(Status::Dormant),
        ..BODY
    },
    Standing {
        stem: "scrutiny",
        names: &["Children and Young People Scrutiny Committee"],
        kind: BodyKind::Committee,
        spec: |spec| {
            spec.apex()
                .theme("scrutiny")
                .theme("performance")
                .meets(MeetingPattern::TimesAYear(6))
        },
        relations: &[
            (PartOf, Ref::Member(COUNCIL)),
            (Scrutinises, Ref::Body(BOARD)),
        ],
        stops_as: None,
        ..BODY
    },
    Standing {
        stem: "mini-trust",
        names: &["Preventative Services Mini Trust"],
        kind: BodyKind::Other,
        spec: |spec| {
            spec.function("Commissioning functions")
                .function("Preparing Business Plans")
                .theme("early intervention")
                .theme("commissioning")
                .note("A mini trust, as Halton piloted: part commissioner, part delivery arm")
        },
        relations: &[(ReportsTo, Ref::Body(EXECUTIVE))],
        stops_as: Some(Status::BeingRenewed),
        ..BODY
    },
];
