//! The standing bodies every generated authority has, as a table: the Trust
//! Board and Executive, the statutory boards, the five outcome groups and the
//! bodies around them, with what the papers say each does.

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
    pub apex: bool,
    pub statutory: bool,
    pub tier: Option<&'static str>,
    pub purpose: Option<&'static str>,
    pub functions: &'static [&'static str],
    pub themes: &'static [&'static str],
    pub meets: Option<MeetingPattern>,
    /// The post that chairs it, where the papers say.
    pub chair: Option<usize>,
    pub relations: &'static [(RelationKind, Ref)],
    /// What it becomes when it stops meeting, or `None` for bodies that
    /// always meet (statutory boards and the council's own machinery).
    pub stops_as: Option<Status>,
    /// Newly set up: new, in shadow form, or active.
    pub new: bool,
    pub note: Option<&'static str>,
}

const BODY: Standing = Standing {
    stem: "",
    names: &[],
    kind: BodyKind::Group,
    apex: false,
    statutory: false,
    tier: None,
    purpose: None,
    functions: &[],
    themes: &[],
    meets: None,
    chair: None,
    relations: &[],
    stops_as: Some(Status::OnHold),
    new: false,
    note: None,
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
    functions: &'static [&'static str],
    themes: &'static [&'static str],
    stops_as: Status,
) -> Standing {
    Standing {
        stem,
        names,
        tier: Some("Outcome Groups"),
        purpose: Some(functions[0]),
        functions,
        themes,
        meets: Some(MeetingPattern::EveryMonths(3)),
        relations: &[(ReportsTo, Ref::Body(EXECUTIVE))],
        stops_as: Some(stops_as),
        ..BODY
    }
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
        apex: true,
        tier: Some("Trust"),
        purpose: Some("Lead the Trust, managing delivery of the Children and Young People's Plan"),
        functions: &[
            "Multi agency working and vision",
            "Strategic needs analysis and agreeing developmental priorities",
            "Signing off strategies and plans",
            "Sharing information",
        ],
        themes: &["partnership", "planning"],
        meets: Some(MeetingPattern::EveryMonths(3)),
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
        tier: Some("Trust"),
        purpose: Some("Implement the strategy set out by the Board and drive delivery of the CYPP"),
        functions: &[
            "Driving integration and Children's Trust developments",
            "Business planning fed by task groups",
            "Receive performance monitoring exceptions reports",
        ],
        themes: &["performance", "commissioning"],
        meets: Some(MeetingPattern::EveryWeeks(6)),
        chair: Some(DCS),
        relations: &[(ReportsTo, Ref::Body(BOARD))],
        ..BODY
    },
    Standing {
        stem: "lscb",
        names: &["{} Local Safeguarding Children Board"],
        kind: BodyKind::Board,
        apex: true,
        statutory: true,
        tier: Some("Statutory Boards"),
        purpose: Some("Co-ordinate local work to safeguard and promote the welfare of children"),
        functions: &[
            "Develop safeguarding policy and monitor its delivery",
            "Hold partner organisations to account through Section 11 audits",
        ],
        themes: &["safeguarding"],
        meets: Some(MeetingPattern::EveryMonths(2)),
        chair: Some(LSCB_CHAIR),
        relations: &[(Scrutinises, Ref::Body(BOARD))],
        stops_as: None,
        ..BODY
    },
    Standing {
        stem: "hwb",
        names: &["{} Health and Wellbeing Board"],
        kind: BodyKind::Board,
        apex: true,
        statutory: true,
        tier: Some("Statutory Boards"),
        purpose: Some(
            "Improve the health and wellbeing of the population from pre-birth to end of life",
        ),
        functions: &[
            "Promote integrated commissioning across the NHS, education, social care and public health",
        ],
        themes: &["health", "wellbeing", "commissioning"],
        meets: Some(MeetingPattern::EveryMonths(2)),
        chair: Some(CHIEF_EXECUTIVE),
        // A statutory committee of the council (Solihull, 3.5.1).
        relations: &[(PartOf, Ref::Member(COUNCIL))],
        stops_as: None,
        new: true,
        ..BODY
    },
    outcome(
        "be-healthy",
        &["Be Healthy Outcome Group"],
        &["Oversight of children's health work"],
        &["health"],
        Status::OnHold,
    ),
    // Solihull's Stay Safe Outcome Group "never met".
    outcome(
        "stay-safe",
        &["Stay Safe Outcome Group"],
        &["Oversight of 'safe' activity in the CYPP"],
        &["safeguarding"],
        Status::NeverMet,
    ),
    outcome(
        "enjoy-achieve",
        &["Enjoy & Achieve Outcome Group"],
        &["Oversight of 'enjoy & achieve' activity in the CYPP"],
        &["attainment", "things to do"],
        Status::OnHold,
    ),
    outcome(
        "positive-contribution",
        &["Positive Contribution Outcome Group"],
        &["Oversight of 'positive contribution' activity in the CYPP"],
        &["involvement", "participation"],
        Status::OnHold,
    ),
    outcome(
        "economic-wellbeing",
        &["Economic Wellbeing Outcome Group"],
        &["Oversight of 'economic wellbeing' activity in the CYPP"],
        &["economic wellbeing", "skills"],
        Status::OnHold,
    ),
    Standing {
        stem: "yos",
        names: &["{} Youth Offending Service Board"],
        kind: BodyKind::Board,
        apex: true,
        statutory: true,
        tier: Some("Statutory Boards"),
        functions: &["Oversee the youth justice plan"],
        themes: &["youth justice", "crime"],
        meets: Some(MeetingPattern::EveryMonths(3)),
        chair: Some(AD_SAFEGUARDING),
        relations: &[(Scrutinises, Ref::Body(BOARD))],
        stops_as: None,
        ..BODY
    },
    Standing {
        stem: "jcb",
        names: &["{} Joint Commissioning Board"],
        kind: BodyKind::Board,
        tier: Some("Statutory Boards"),
        functions: &[
            "Join up the commissioning of health and wellbeing services for children and adults",
        ],
        themes: &["commissioning", "health"],
        chair: Some(PCT_DIRECTOR),
        // Solihull, 3.6.1: it "will report to the Health and Well-Being Board".
        relations: &[(ReportsTo, Ref::Body(HWB))],
        stops_as: Some(Status::Proposed),
        new: true,
        ..BODY
    },
    Standing {
        stem: "iwpb",
        names: &["Integrated Working Programme Board"],
        kind: BodyKind::ProgrammeBoard,
        tier: Some("Outcome Groups"),
        purpose: Some("Oversight of integrated working projects"),
        functions: &["Oversight of integrated working projects"],
        themes: &["integrated working", "workforce"],
        meets: Some(MeetingPattern::EveryMonths(1)),
        chair: Some(AD_LEARNING),
        relations: &[(ReportsTo, Ref::Body(EXECUTIVE))],
        ..BODY
    },
    Standing {
        stem: "assembly",
        names: &["{} Trust Assembly"],
        kind: BodyKind::Assembly,
        tier: Some("Trust"),
        purpose: Some("Engage the wider children and young people's workforce"),
        themes: &["workforce", "engagement"],
        meets: Some(MeetingPattern::TimesAYear(1)),
        relations: &[(ReportsTo, Ref::Body(BOARD)), (FeedsInto, Ref::Body(BOARD))],
        stops_as: Some(Status::Dormant),
        ..BODY
    },
    Standing {
        stem: "parents-forum",
        names: &["Parents Forum"],
        kind: BodyKind::Forum,
        tier: Some("Strategy / Delivery Groups"),
        purpose: Some(
            "A user-led group, supported by the Council to champion the views of parents",
        ),
        themes: &["parenting", "involvement"],
        meets: Some(MeetingPattern::Termly),
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
        tier: Some("Strategy / Delivery Groups"),
        purpose: Some(
            "Network to facilitate 2 way communication between the Trust and the children's voluntary sector",
        ),
        themes: &["voluntary sector", "engagement"],
        relations: &[(FeedsInto, Ref::Body(BOARD))],
        // Solihull's forum "decided to become 'virtual'".
        stops_as: Some(Status::Virtual),
        ..BODY
    },
    Standing {
        stem: "cypd",
        names: &["Children and Young People's Directorate"],
        kind: BodyKind::Directorate,
        purpose: Some("The central delivery mechanism for integrated services"),
        themes: &["integrated working", "service delivery"],
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
        functions: &["Coordinate research and needs analysis"],
        themes: &["commissioning"],
        relations: &[(ReportsTo, Ref::Body(EXECUTIVE))],
        stops_as: Some(Status::Dormant),
        ..BODY
    },
    Standing {
        stem: "scrutiny",
        names: &["Children and Young People Scrutiny Committee"],
        kind: BodyKind::Committee,
        apex: true,
        themes: &["scrutiny", "performance"],
        meets: Some(MeetingPattern::TimesAYear(6)),
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
        functions: &["Commissioning functions", "Preparing Business Plans"],
        themes: &["early intervention", "commissioning"],
        relations: &[(ReportsTo, Ref::Body(EXECUTIVE))],
        stops_as: Some(Status::BeingRenewed),
        note: Some("A mini trust, as Halton piloted: part commissioner, part delivery arm"),
        ..BODY
    },
];
