//! The words generated structures are made of, taken from the three council
//! papers the crate is built from: Solihull's 2011 list of 34 Trust groups
//! (section 5) and its themes (sections 6.1 to 6.6), Halton's 2008 table of
//! functions (Appendix 1) and Leicestershire's 2009 priorities.

/// A strand of work a group can be set up for: the "Parenting" of Solihull's
/// Parenting Strategy Group, Parental Engagement Strategy Group and Parenting
/// Programmes Steering Group.
pub(crate) struct Topic {
    /// As written in a body's name ("Young Carers").
    pub name: &'static str,
    /// As written inside a sentence ("young carers").
    pub noun: &'static str,
    /// Lower-case themes, the first the main one.
    pub themes: &'static [&'static str],
    /// The Every Child Matters outcome group it belongs under, counted from
    /// Be Healthy (0) to Economic Wellbeing (4) in Solihull's order, if any.
    pub outcome: Option<usize>,
}

const fn topic(
    name: &'static str,
    noun: &'static str,
    themes: &'static [&'static str],
    outcome: Option<usize>,
) -> Topic {
    Topic {
        name,
        noun,
        themes,
        outcome,
    }
}

const HEALTHY: Option<usize> = Some(0);
const SAFE: Option<usize> = Some(1);
const ACHIEVE: Option<usize> = Some(2);
const CONTRIBUTE: Option<usize> = Some(3);
const ECONOMIC: Option<usize> = Some(4);

#[rustfmt::skip]
pub(crate) const TOPICS: &[Topic] = &[
    topic("Parenting", "parenting", &["parenting", "family support"], CONTRIBUTE),
    topic("Parental Engagement", "parental engagement", &["parenting", "involvement"], CONTRIBUTE),
    topic("Parenting Programmes", "parenting programmes", &["parenting", "early intervention"], CONTRIBUTE),
    topic("Sexual Health", "sexual health", &["sexual health", "health"], HEALTHY),
    topic("Young Carers", "young carers", &["young carers", "vulnerable children"], CONTRIBUTE),
    topic("Anti-bullying", "anti-bullying", &["bullying", "safeguarding"], SAFE),
    topic("eSafety", "e-safety", &["e-safety", "safeguarding"], SAFE),
    topic("Young People's Substance Misuse", "substance misuse", &["substance misuse", "health"], HEALTHY),
    topic("Emotional Wellbeing and Mental Health", "emotional wellbeing and mental health", &["emotional health", "mental health"], HEALTHY),
    topic("Play", "play", &["play", "things to do"], ACHIEVE),
    topic("Healthy Schools", "healthy schools", &["health", "schools"], HEALTHY),
    topic("Information for Young People", "information for young people", &["information", "involvement"], CONTRIBUTE),
    topic("Short Breaks", "short breaks", &["disabled children", "short breaks"], HEALTHY),
    topic("Early Support", "early support", &["disabled children", "early years"], HEALTHY),
    topic("Disabled Children's Services", "disabled children's services", &["disabled children", "integration"], HEALTHY),
    topic("Corporate Parenting", "corporate parenting", &["children in care", "corporate parenting"], SAFE),
    topic("Workforce", "workforce development", &["workforce", "integrated working"], None),
    topic("Active Involvement", "active involvement", &["participation", "involvement"], CONTRIBUTE),
    topic("Children's Centres", "children's centres", &["early years", "children's centres"], ACHIEVE),
    topic("Extended Services", "extended services", &["extended services", "schools"], ACHIEVE),
    topic("Safer Working Practices", "safer working practices", &["safeguarding", "safer recruitment"], SAFE),
    topic("Domestic Violence", "domestic violence", &["domestic violence", "safeguarding"], SAFE),
    topic("14-19 Education", "14-19 education", &["14-19", "education", "skills"], ECONOMIC),
    topic("Youth Offending", "youth offending", &["youth justice", "crime"], CONTRIBUTE),
    topic("Healthy Weight", "healthy weight", &["obesity", "health"], HEALTHY),
    topic("Teenage Pregnancy", "teenage pregnancy", &["teenage pregnancy", "health"], HEALTHY),
    topic("Integrated Youth Support", "integrated youth support", &["youth support", "integrated working"], CONTRIBUTE),
    topic("Common Assessment Framework", "common assessment", &["common assessment", "integrated processes"], None),
    topic("Challenging Families", "challenging families", &["families", "vulnerable children"], SAFE),
    topic("School Attendance", "school attendance", &["attendance", "attainment"], ACHIEVE),
    topic("Children in Care Education", "the education of children in care", &["children in care", "attainment"], ACHIEVE),
    topic("Child Poverty", "child poverty", &["poverty", "economic wellbeing"], ECONOMIC),
    topic("NEET Reduction", "young people not in education, employment or training", &["neet", "skills"], ECONOMIC),
    topic("Accommodation for Young People", "accommodation for young people aged 16+", &["housing", "vulnerable children"], ECONOMIC),
    topic("Speech, Language & Communication", "speech, language & communication", &["early years", "speech and language"], HEALTHY),
    topic("Child Sexual Exploitation", "child sexual exploitation", &["exploitation", "safeguarding"], SAFE),
    topic("LINCS", "LINCS", &["early intervention", "common assessment"], None),
    topic("Unaccompanied Minors", "unaccompanied minors", &["children in care", "vulnerable children"], SAFE),
];

/// Function sentences a group's functions are drawn from; `{}` is the topic's
/// noun. Near-duplicate groups draw from the same topic, so their functions
/// share most of their words, as Solihull's three parenting groups do.
pub(crate) const FUNCTIONS: &[&str] = &[
    "Oversee the {} strategy",
    "Develop and monitor the {} strategy",
    "Developing and monitoring the {} strategy",
    "Oversight of {} work",
    "Co-ordinate multi-agency work on {}",
    "Lead commissioning of {} services",
    "Monitor performance of the {} targets in the CYPP",
    "Oversee implementation of {} programmes",
    "Joining up work on {}",
    "Manage referrals in to {} services",
    "Report progress on {} to the Executive",
];

/// Functions that are not about one topic (Halton, Appendix 1).
pub(crate) const GENERAL_FUNCTIONS: &[&str] = &[
    "Preparing Business Plans",
    "Monitoring performance of their own area of CYPP",
    "Oversee their sub groups",
    "Sharing information",
    "Link between the Board and service delivery",
];

/// How a group of each kind is named; `{}` is the topic's name.
pub(crate) const GROUP_NAMES: &[&str] = &[
    "{} Strategy Group",
    "{} Steering Group",
    "{} Implementation Group",
    "{} Multi-agency Group",
    "{} Commissioning Group",
];

/// Syllables that make up authority names ("Ashbridge", "Northwick"): every
/// prefix joined to every suffix gives a distinct name.
pub(crate) const PLACE_PREFIXES: &[&str] = &[
    "Ash", "Bramble", "Castle", "Dun", "Elm", "Fair", "Glen", "Hart", "Kings", "Lang", "Mar",
    "North", "Oak", "Pen", "Red", "South", "Thorn", "Upton", "West", "Whit", "Alder", "Beck",
    "Cold", "Deer", "East", "Fern", "Grey", "Holly", "Iron", "Lark", "Mill", "New", "Orchard",
    "Queens", "Rush", "Stone", "Tarn", "Wood", "Yew", "Wil",
];

pub(crate) const PLACE_SUFFIXES: &[&str] = &[
    "bridge", "bury", "field", "ford", "ham", "ley", "mouth", "stead", "ton", "wick", "worth",
    "dale", "minster", "borough", "combe", "hurst", "more", "port", "shire", "thorpe", "well",
    "gate", "holme", "by", "cester",
];

/// Police forces; each covers a few neighbouring authorities.
pub(crate) const POLICE_FORCES: &[&str] = &[
    "West Midlands",
    "Cheshire",
    "Leicestershire",
    "Merseyside",
    "Thames Valley",
    "Avon and Somerset",
    "Northumbria",
    "West Yorkshire",
    "Kent",
    "Essex",
    "Devon and Cornwall",
    "Lancashire",
    "Staffordshire",
    "Warwickshire",
    "West Mercia",
    "Nottinghamshire",
    "Derbyshire",
    "Cumbria",
    "Durham",
    "Cleveland",
    "Humberside",
    "Norfolk",
    "Suffolk",
    "Sussex",
    "Hampshire",
    "Dorset",
    "Wiltshire",
    "Gloucestershire",
    "Lincolnshire",
    "Northamptonshire",
    "Bedfordshire",
    "Hertfordshire",
    "Cambridgeshire",
    "Surrey",
    "South Yorkshire",
    "North Yorkshire",
    "Greater Manchester",
];

/// Surnames for councillors and representatives.
pub(crate) const SURNAMES: &[&str] = &[
    "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Patel",
    "Robinson", "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall",
    "Wood", "Jackson", "Clarke", "Khan", "Begum", "O'Neill", "Hughes", "Edwards", "Lewis",
    "Harris", "Martin", "Cooper", "Ward", "Morris", "Turner", "Ahmed", "Kaur", "Singh",
];

/// Posts held by ordinary members; `{}` is a topic's name.
pub(crate) const POSTS: &[&str] = &[
    "Head of Service, {}",
    "Service Manager, {}",
    "Commissioning Manager, {}",
    "Lead Officer, {}",
    "Strategy Officer, {}",
    "Team Manager, {}",
    "Designated Nurse, {}",
    "Consultant, {}",
];

/// Local areas, for local area leadership teams (Solihull, 2009).
pub(crate) const AREAS: &[&str] = &["North", "South", "East", "West", "Central"];
