//! Writing Popolo: a structure written as Popolo and read back is the same
//! structure, and what is written keeps to the Popolo JSON schemas.
//!
//! The schema checks below are written from the Popolo schemas
//! (`organization.json`, `person.json`, `post.json`, `membership.json` and
//! the `other_name`, `identifier`, `link` and `contact_detail` objects they
//! use, draft-03): every property's type (`["string", "null"]`, arrays of
//! the right objects), the date pattern `^[0-9]{4}(-[0-9]{2}){0,2}$`, and
//! the `required` fields of the small objects. On top of the schemas they
//! check what the specification's prose and its earlier schemas required:
//! every organisation and person has a name and every post a label, every
//! membership an `organization_id` and a member (`person_id`, `post_id` or
//! `member`); that ids are unique strings and every reference lands; and,
//! for documents govgraph writes, that no property outside the schemas
//! appears except the `govgraph` extension. Formats (`uri`, `email`,
//! `date-time`) are not checked.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use govgraph::popolo;
use govgraph::{
    BodyKind, BodySpec, MeetingPattern, MemberKind, MemberSpec, RelationKind, Role, Seat, Status,
    Structure, Target,
};
use proptest::prelude::*;
use serde_json::{Map, Value, json};

/// Writes `structure` as Popolo, checks the output against the schemas,
/// reads it back and asserts that nothing changed. Adding a dataset to the
/// round trip is one line: `assert_file_round_trips("data/x.toml")`.
fn assert_round_trip(structure: &Structure) {
    let text = popolo::to_json_string(structure).unwrap();
    let document: Value = serde_json::from_str(&text).unwrap();
    let violations = schema_violations(&document, Strictness::OnlySchemaProperties);
    assert!(violations.is_empty(), "{violations:#?}\n{text}");
    let import = popolo::from_json_str(&text).unwrap();
    assert!(import.warnings().is_empty(), "{:?}", import.warnings());
    assert_eq!(import.structure(), structure, "{text}");
    assert!(
        import.memberships_not_seated().is_empty() && import.kept_document().is_empty(),
        "a document govgraph wrote has nothing left over"
    );
}

/// As [`assert_round_trip`], for a structure file (TOML or JSON) named
/// relative to the crate's root (or by an absolute path).
fn assert_file_round_trips(path: impl AsRef<Path>) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    assert_round_trip(&Structure::from_path(&path).unwrap());
}

/// A structure using every field, every vocabulary word and every way a
/// relation, seat and member can be written.
fn every_field() -> Structure {
    let mut builder = Structure::builder()
        .name("Every field")
        .source("built by hand for the round trip")
        .date("2011-06")
        .note("no assumptions")
        .member(
            MemberSpec::new("council", "Solihull Council", MemberKind::Organisation)
                .source("s3")
                .note("the local authority"),
        )
        .member(
            MemberSpec::new("pct", "Primary Care Trust", MemberKind::Organisation)
                .organisation("council"),
        )
        .member(MemberSpec::new(
            "vcs",
            "Voluntary and Community Sector",
            MemberKind::Organisation,
        ))
        .member(
            MemberSpec::new("dcs", "Director of Children's Services", MemberKind::Post)
                .organisation("council")
                .source("s6.5.1")
                .note("ex officio")
                .reports_to(Target::new("ceo").source("s6").note("line manager")),
        )
        .member(MemberSpec::new("ceo", "Chief Executive", MemberKind::Post))
        .member(
            MemberSpec::new("cllr", "Councillor Example", MemberKind::Person)
                .organisation("council")
                .reports_to("ceo"),
        )
        .member(MemberSpec::new("nurse", "Named Nurse", MemberKind::Person).organisation("pct"))
        .body(
            BodySpec::new("board", "Children's Trust Board", BodyKind::Board)
                .apex()
                .statutory()
                .tier("Trust")
                .purpose("Leads the partnership")
                .function("Sets the Children and Young People's Plan")
                .function("Holds partners to account")
                .theme("safeguarding")
                .theme("health")
                .meets(MeetingPattern::EveryMonths(3))
                .source("s5 row 1")
                .note("the apex")
                .seat_with(
                    Seat::new("cllr", Role::Chair)
                        .on_behalf_of("council")
                        .start("2011-05")
                        .end("2012-05-01")
                        .source("Appendix 1")
                        .note("elected chair"),
                )
                .seat_with(
                    Seat::new("cllr", Role::ViceChair)
                        .start("2009")
                        .end("2011-04"),
                )
                .seat_with(Seat::new("dcs", Role::LeadOfficer))
                .seat_with(Seat::new("pct", Role::Member))
                .seat_with(Seat::new("vcs", Role::Member).on_behalf_of("vcs"))
                .seat_with(
                    Seat::new("nurse", Role::Observer)
                        .start("June 2011")
                        .end("2012-03-31"),
                ),
        )
        .body(
            BodySpec::new("exec", "Executive", BodyKind::Executive)
                .sub_group_of("board")
                .reports_to(Target::new("board").source("s3.2")),
        )
        .body(
            BodySpec::new("stay-safe", "Stay Safe Outcome Group", BodyKind::Group)
                .status(Status::NeverMet)
                .sub_group_of(Target::new("exec").source("s5 row 9").note("assumed"))
                .sub_group_of("board")
                .feeds_into("lscb")
                .part_of("council"),
        )
        .body(
            BodySpec::new("lscb", "Local Safeguarding Children Board", BodyKind::Board)
                .statutory()
                .scrutinises("board")
                .governance_body_for("stay-safe"),
        )
        .body(
            BodySpec::new("dsub", "Director's Sub-group", BodyKind::SubGroup)
                .sub_group_of("dcs")
                .apex(),
        )
        .body(
            BodySpec::new(
                "iwpb",
                "Integrated Working Programme Board",
                BodyKind::ProgrammeBoard,
            )
            .status(Status::OnHold)
            .apex()
            .sub_group_of("pct")
            .oversees("lincs"),
        )
        .body(
            BodySpec::new("lincs", "LINCS", BodyKind::Project)
                .merged_into("exec")
                .replaced_by("iwpb"),
        );
    // Every status, kind, meeting pattern and relation kind at least once.
    let patterns = [
        MeetingPattern::EveryWeeks(1),
        MeetingPattern::EveryWeeks(6),
        MeetingPattern::EveryMonths(1),
        MeetingPattern::EveryMonths(2),
        MeetingPattern::TimesAYear(1),
        MeetingPattern::TimesAYear(2),
        MeetingPattern::TimesAYear(5),
        MeetingPattern::Termly,
        MeetingPattern::AsNeeded,
    ];
    for (i, status) in Status::ALL.iter().enumerate() {
        let kind = BodyKind::ALL[i % BodyKind::ALL.len()];
        builder = builder.body(
            BodySpec::new(format!("status-{status}"), format!("A {status} body"), kind)
                .status(*status)
                .meets(patterns[i % patterns.len()])
                .sub_group_of("board"),
        );
    }
    for (i, kind) in BodyKind::ALL.iter().enumerate() {
        let mut body = BodySpec::new(format!("kind-{kind}"), format!("A {kind}"), *kind);
        for (j, relation) in RelationKind::ALL.iter().enumerate() {
            if (i + j) % 3 == 0 {
                body = body.relation(*relation, "board");
            }
        }
        builder = builder.body(body);
    }
    builder.build().unwrap()
}

#[test]
fn every_field_survives_a_round_trip_through_popolo() {
    assert_round_trip(&every_field());
}

#[test]
fn a_structure_file_survives_a_round_trip_through_popolo() {
    let dir = std::env::temp_dir().join(format!("govgraph-popolo-rt-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("every-field.toml");
    std::fs::write(&path, every_field().to_toml_string().unwrap()).unwrap();
    assert_file_round_trips(&path);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn what_popolo_can_say_is_said_in_popolo() {
    let popolo = popolo::to_json_value(&every_field());
    let find = |list: &str, id: &str| -> Map<String, Value> {
        popolo[list]
            .as_array()
            .unwrap()
            .iter()
            .find(|o| o["id"] == id)
            .unwrap()
            .as_object()
            .unwrap()
            .clone()
    };
    let exec = find("organizations", "exec");
    assert_eq!(exec["classification"], "executive");
    assert_eq!(exec["parent_id"], "board");
    // The reporting line is not containment, so only the extension has it.
    assert_eq!(
        exec["govgraph"],
        json!({"reports_to": [{"to": "board", "source": "s3.2"}]})
    );
    // Of two parents, the first by id is the Popolo parent; the other, with
    // its provenance, is in the extension.
    let stay_safe = find("organizations", "stay-safe");
    assert_eq!(stay_safe["parent_id"], "board");
    assert_eq!(
        stay_safe["govgraph"]["sub_group_of"],
        json!([{"to": "exec", "source": "s5 row 9", "note": "assumed"}])
    );
    assert_eq!(stay_safe["govgraph"]["status"], "never-met");
    // A body under a post has no Popolo parent.
    assert!(!find("organizations", "dsub").contains_key("parent_id"));
    // A dissolved body has no date to give, so its status is an extension.
    assert_eq!(
        find("organizations", "status-dissolved")["govgraph"]["status"],
        "dissolved"
    );
    // Partner organisations: the PCT is part of the council; the VCS is
    // named only as a member, and the council only as a parent, so the
    // council needs the mark the VCS does not.
    assert_eq!(find("organizations", "pct")["parent_id"], "council");
    assert_eq!(
        find("organizations", "council")["govgraph"]["partner"],
        true
    );
    assert!(find("organizations", "vcs").get("govgraph").is_none());
    assert_eq!(
        find("posts", "dcs")["label"],
        "Director of Children's Services"
    );
    assert_eq!(find("posts", "dcs")["organization_id"], "council");
    assert_eq!(
        find("persons", "cllr")["govgraph"]["organisation"],
        "council"
    );

    let memberships = popolo["memberships"].as_array().unwrap();
    let on_board = |member: &str| -> Vec<&Value> {
        memberships
            .iter()
            .filter(|m| {
                m["organization_id"] == "board"
                    && (m["person_id"] == member
                        || m["post_id"] == member
                        || m["member"]["id"] == member)
            })
            .collect()
    };
    assert_eq!(
        on_board("cllr"),
        [
            &json!({"organization_id": "board", "person_id": "cllr", "role": "chair",
                    "on_behalf_of_id": "council", "start_date": "2011-05", "end_date": "2012-05-01",
                    "govgraph": {"source": "Appendix 1", "note": "elected chair"}}),
            &json!({"organization_id": "board", "person_id": "cllr", "role": "vice-chair",
                    "start_date": "2009", "end_date": "2011-04"}),
        ]
    );
    assert_eq!(
        on_board("pct"),
        [
            &json!({"organization_id": "board", "member": {"@type": "Organization", "id": "pct"},
                 "role": "member"})
        ]
    );
    assert_eq!(on_board("dcs")[0]["post_id"], "dcs");
    // Every date is held in ISO 8601, as Popolo writes them.
    assert_eq!(on_board("nurse")[0]["start_date"], "2011-06");
    assert_eq!(on_board("nurse")[0]["end_date"], "2012-03-31");
    assert_eq!(
        popolo["govgraph"],
        json!({"structure": {"name": "Every field", "source": "built by hand for the round trip",
                             "date": "2011-06", "note": "no assumptions"}})
    );
}

#[test]
fn an_organisation_that_names_itself_as_its_organisation_survives() {
    // Structure files allow it, so Popolo must carry it back (found by the
    // property below).
    let s = Structure::builder()
        .member(
            MemberSpec::new("council", "Council", MemberKind::Organisation).organisation("council"),
        )
        .build()
        .unwrap();
    assert_round_trip(&s);
}

#[test]
fn an_empty_structure_is_an_empty_popolo_document() {
    assert_eq!(
        popolo::to_json_value(&Structure::default()),
        json!({"organizations": [], "persons": [], "posts": [], "memberships": []})
    );
    assert_round_trip(&Structure::default());
}

/// Choices read off a list of numbers, so that proptest can shrink a
/// failing structure towards the simplest choices.
struct Dice(Vec<u32>, usize);

impl Dice {
    fn roll(&mut self, sides: usize) -> usize {
        let value = self.0.get(self.1).copied().unwrap_or(0) as usize;
        self.1 += 1;
        value % sides.max(1)
    }

    fn chance(&mut self) -> bool {
        self.roll(3) == 0
    }

    fn text(&mut self, words: &[&str]) -> Option<String> {
        self.chance()
            .then(|| words[self.roll(words.len())].to_string())
    }
}

/// A structure built from dice, using any field on any body or member.
fn rolled(numbers: Vec<u32>) -> Option<Structure> {
    let mut dice = Dice(numbers, 0);
    let member_kinds = [
        MemberKind::Person,
        MemberKind::Post,
        MemberKind::Organisation,
    ];
    let members: Vec<(String, MemberKind)> = (0..dice.roll(6))
        .map(|i| (format!("m{i}"), member_kinds[dice.roll(3)]))
        .collect();
    let bodies: Vec<String> = (0..1 + dice.roll(6)).map(|i| format!("b{i}")).collect();
    let organisations: Vec<&String> = members
        .iter()
        .filter(|(_, kind)| *kind == MemberKind::Organisation)
        .map(|(id, _)| id)
        .collect();
    let everyone: Vec<String> = bodies
        .iter()
        .cloned()
        .chain(members.iter().map(|(id, _)| id.clone()))
        .collect();
    let dates = ["2011", "2011-05", "2011-05-01", "June 2011"];
    let mut builder = Structure::builder();
    if dice.chance() {
        builder = builder.name("Rolled").date("2020");
    }
    for (id, kind) in &members {
        let mut spec = MemberSpec::new(id.as_str(), format!("Member {id}"), *kind);
        if !organisations.is_empty() && dice.chance() {
            spec = spec.organisation(organisations[dice.roll(organisations.len())].as_str());
        }
        if let Some(source) = dice.text(&["s1", "s2"]) {
            spec = spec.source(source);
        }
        if let Some(note) = dice.text(&["a note"]) {
            spec = spec.note(note);
        }
        if dice.chance() {
            let to = &everyone[dice.roll(everyone.len())];
            if to != id {
                spec = spec.reports_to(Target::new(to.as_str()).note("rolled"));
            }
        }
        builder = builder.member(spec);
    }
    for id in &bodies {
        let mut spec = BodySpec::new(
            id.as_str(),
            format!("Body {id}"),
            BodyKind::ALL[dice.roll(BodyKind::ALL.len())],
        )
        .status(Status::ALL[dice.roll(Status::ALL.len())]);
        if dice.chance() {
            spec = spec.apex();
        }
        if dice.chance() {
            spec = spec.statutory();
        }
        if let Some(tier) = dice.text(&["Outcome Groups", "Strategy / Delivery Groups"]) {
            spec = spec.tier(tier);
        }
        if let Some(purpose) = dice.text(&["To lead"]) {
            spec = spec.purpose(purpose);
        }
        for _ in 0..dice.roll(3) {
            spec = spec.function("A function").theme("health");
        }
        if dice.chance() {
            spec = spec.meets(MeetingPattern::TimesAYear(1 + dice.roll(6) as u32));
        }
        if let Some(source) = dice.text(&["s5 row 1"]) {
            spec = spec.source(source);
        }
        for _ in 0..dice.roll(4) {
            let kind = RelationKind::ALL[dice.roll(RelationKind::ALL.len())];
            let to = &everyone[dice.roll(everyone.len())];
            if to != id {
                let mut target = Target::new(to.as_str());
                if let Some(source) = dice.text(&["s1"]) {
                    target = target.source(source);
                }
                spec = spec.relation(kind, target);
            }
        }
        for _ in 0..dice.roll(4) {
            if members.is_empty() {
                break;
            }
            let member = &members[dice.roll(members.len())].0;
            let mut seat = Seat::new(member.as_str(), Role::ALL[dice.roll(Role::ALL.len())]);
            if let Some(start) = dice.text(&dates) {
                seat = seat.start(start);
            }
            if let Some(end) = dice.text(&dates) {
                seat = seat.end(end);
            }
            if !organisations.is_empty() && dice.chance() {
                seat = seat.on_behalf_of(organisations[dice.roll(organisations.len())].as_str());
            }
            if let Some(note) = dice.text(&["ex officio"]) {
                seat = seat.note(note);
            }
            spec = spec.seat_with(seat);
        }
        builder = builder.body(spec);
    }
    builder.build().ok()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn any_structure_survives_a_round_trip_through_popolo(
        numbers in prop::collection::vec(any::<u32>(), 0..200)
    ) {
        let structure = rolled(numbers);
        prop_assume!(structure.is_some());
        assert_round_trip(&structure.unwrap());
    }
}

#[test]
fn rolled_structures_are_built() {
    // The property above assumes most dice build a structure; make sure.
    let built = (0..200u32)
        .filter(|seed| {
            let numbers = (0..200)
                .map(|i| seed.wrapping_mul(2_654_435_761).rotate_left(i))
                .collect();
            rolled(numbers).is_some_and(|s| !s.memberships().is_empty())
        })
        .count();
    assert!(
        built > 100,
        "only {built} of 200 rolled structures have seats"
    );
}

// The real files, read and written back, keep to the schemas too.

fn real_files() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = vec![root.join("tests/fixtures/popolo/zimbabwe-senate-ep-popolo-v1.0.json")];
    let estonia = root.join("../shared/data/popolo/estonia-ep-popolo-v1.0.json");
    if estonia.exists() {
        files.push(estonia);
    } else {
        eprintln!(
            "skipping: {} is absent (the shared data folder sits beside the repository)",
            estonia.display()
        );
    }
    files
}

#[test]
fn real_files_and_what_govgraph_writes_of_them_keep_to_the_schemas() {
    for path in real_files() {
        let text = std::fs::read_to_string(&path).unwrap();
        let original: Value = serde_json::from_str(&text).unwrap();
        // The checks accept the published files themselves.
        assert_eq!(
            schema_violations(&original, Strictness::AnyProperty),
            Vec::<String>::new()
        );
        let import = popolo::from_json_str(&text).unwrap();
        assert_eq!(
            schema_violations(&import.to_json_value(), Strictness::AnyProperty),
            Vec::<String>::new()
        );
        let bare = popolo::to_json_value(import.structure());
        assert_eq!(
            schema_violations(&bare, Strictness::OnlySchemaProperties),
            Vec::<String>::new()
        );
        assert_eq!(
            popolo::from_json_str(&bare.to_string())
                .unwrap()
                .structure(),
            import.structure()
        );
    }
}

#[test]
fn the_schema_checks_catch_what_they_should() {
    let document = json!({
        "organizations": [
            {"id": "o", "name": "O", "dissolution_date": "2011/03", "parent_id": "nowhere",
             "identifiers": [{"scheme": "wikidata"}], "colour": "red"},
            {"id": "o", "classification": 3}
        ],
        "persons": [{"id": 7, "name": "P", "links": [{"note": "no url"}]}],
        "posts": [{"id": "q"}],
        "memberships": [
            {"organization_id": "o", "role": "member"},
            {"person_id": "ghost", "start_date": "May"}
        ],
        "extra": []
    });
    assert_eq!(
        schema_violations(&document, Strictness::OnlySchemaProperties),
        [
            "extra: not a Popolo collection",
            "organizations[0].colour: not a Popolo property",
            "organizations[0].dissolution_date: \"2011/03\" is not a Popolo date",
            "organizations[0].identifiers[0].identifier: required",
            "organizations[0].parent_id: \"nowhere\" is no organization",
            "organizations[1].classification: expected a string or null",
            "organizations[1].id: \"o\" is used twice",
            "organizations[1].name: required",
            "persons[0].id: expected a string",
            "persons[0].links[0].url: required",
            "posts[0].label: required",
            "memberships[0]: no person_id, post_id or member",
            "memberships[1].organization_id: required",
            "memberships[1].person_id: \"ghost\" is no person",
            "memberships[1].start_date: \"May\" is not a Popolo date",
        ]
    );
}

// The checks themselves.

#[derive(Clone, Copy, PartialEq)]
enum Strictness {
    /// Documents govgraph writes: only schema properties and `govgraph`.
    OnlySchemaProperties,
    /// Documents from elsewhere: extra properties are allowed, as the
    /// schemas allow them.
    AnyProperty,
}

#[derive(Clone, Copy)]
enum Kind {
    /// `["string", "null"]`.
    Text,
    /// `["string", "null"]` with the date pattern.
    Date,
    /// `["object", "null"]`, or an embedded object.
    Object,
    /// An array of strings.
    Texts,
    /// An array of objects with these required string fields.
    Objects(&'static [&'static str]),
}

const OTHER_NAME: Kind = Kind::Objects(&["name"]);
const IDENTIFIER: Kind = Kind::Objects(&["identifier"]);
const LINK: Kind = Kind::Objects(&["url"]);
const CONTACT: Kind = Kind::Objects(&["type", "value"]);
const EMBEDDED: Kind = Kind::Objects(&[]);

const COMMON: &[(&str, Kind)] = &[
    ("id", Kind::Text),
    ("contact_details", CONTACT),
    ("links", LINK),
    ("sources", LINK),
    ("created_at", Kind::Text),
    ("updated_at", Kind::Text),
];
const ORGANIZATION: &[(&str, Kind)] = &[
    ("name", Kind::Text),
    ("other_names", OTHER_NAME),
    ("identifiers", IDENTIFIER),
    ("classification", Kind::Text),
    ("parent_id", Kind::Text),
    ("parent", Kind::Object),
    ("area_id", Kind::Text),
    ("area", Kind::Object),
    ("founding_date", Kind::Date),
    ("dissolution_date", Kind::Date),
    ("image", Kind::Text),
    ("memberships", EMBEDDED),
    ("posts", EMBEDDED),
];
const PERSON: &[(&str, Kind)] = &[
    ("name", Kind::Text),
    ("other_names", OTHER_NAME),
    ("identifiers", IDENTIFIER),
    ("family_name", Kind::Text),
    ("given_name", Kind::Text),
    ("additional_name", Kind::Text),
    ("honorific_prefix", Kind::Text),
    ("honorific_suffix", Kind::Text),
    ("patronymic_name", Kind::Text),
    ("sort_name", Kind::Text),
    ("email", Kind::Text),
    ("gender", Kind::Text),
    ("birth_date", Kind::Date),
    ("death_date", Kind::Date),
    ("image", Kind::Text),
    ("summary", Kind::Text),
    ("biography", Kind::Text),
    ("national_identity", Kind::Text),
    ("memberships", EMBEDDED),
];
const POST: &[(&str, Kind)] = &[
    ("label", Kind::Text),
    ("other_label", Kind::Texts),
    ("role", Kind::Text),
    ("organization_id", Kind::Text),
    ("organization", Kind::Object),
    ("area_id", Kind::Text),
    ("area", Kind::Object),
    ("start_date", Kind::Date),
    ("end_date", Kind::Date),
    ("memberships", EMBEDDED),
];
const MEMBERSHIP: &[(&str, Kind)] = &[
    ("label", Kind::Text),
    ("role", Kind::Text),
    ("member", Kind::Object),
    ("person_id", Kind::Text),
    ("person", Kind::Object),
    ("organization_id", Kind::Text),
    ("organization", Kind::Object),
    ("post_id", Kind::Text),
    ("post", Kind::Object),
    ("on_behalf_of_id", Kind::Text),
    ("on_behalf_of", Kind::Object),
    ("area_id", Kind::Text),
    ("area", Kind::Object),
    ("start_date", Kind::Date),
    ("end_date", Kind::Date),
];

fn is_popolo_date(date: &str) -> bool {
    let shape: String = date
        .chars()
        .map(|c| if c.is_ascii_digit() { '9' } else { c })
        .collect();
    matches!(shape.as_str(), "9999" | "9999-99" | "9999-99-99")
}

/// Every way `document` breaks the Popolo schemas and the checks described
/// at the top of this file, in document order.
fn schema_violations(document: &Value, strictness: Strictness) -> Vec<String> {
    let mut out = Vec::new();
    let Some(top) = document.as_object() else {
        return vec!["the document is not an object".to_string()];
    };
    let list = |key: &str| {
        top.get(key)
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default()
    };
    let ids = |key: &str| -> BTreeSet<String> {
        list(key)
            .iter()
            .filter_map(|o| o["id"].as_str().map(str::to_string))
            .collect()
    };
    let organizations = ids("organizations");
    let persons = ids("persons");
    let posts = ids("posts");
    if strictness == Strictness::OnlySchemaProperties {
        for key in top.keys() {
            if ![
                "organizations",
                "persons",
                "posts",
                "memberships",
                "govgraph",
            ]
            .contains(&key.as_str())
            {
                out.push(format!("{key}: not a Popolo collection"));
            }
        }
    }
    let mut late = Vec::new();
    for (collection, properties, name) in [
        ("organizations", ORGANIZATION, Some("name")),
        ("persons", PERSON, Some("name")),
        ("posts", POST, Some("label")),
        ("memberships", MEMBERSHIP, None),
    ] {
        let mut seen = BTreeMap::new();
        let violations = if collection == "memberships" {
            &mut late
        } else {
            &mut out
        };
        for (i, item) in list(collection).iter().enumerate() {
            let at = format!("{collection}[{i}]");
            let Some(object) = item.as_object() else {
                violations.push(format!("{at}: not an object"));
                continue;
            };
            let mut found = Vec::new();
            check_properties(object, &at, properties, strictness, &mut found);
            if let Some(name) = name
                && !object.get(name).is_some_and(Value::is_string)
            {
                found.push(format!("{at}.{name}: required"));
            }
            match object.get("id") {
                Some(Value::String(id)) => {
                    if seen.insert(id.clone(), i).is_some() {
                        found.push(format!("{at}.id: {id:?} is used twice"));
                    }
                }
                None if collection == "memberships" => {}
                _ => found.push(format!("{at}.id: expected a string")),
            }
            let lands =
                |field: &str, ids: &BTreeSet<String>, what: &str, found: &mut Vec<String>| {
                    if let Some(id) = object.get(field).and_then(Value::as_str)
                        && !ids.contains(id)
                    {
                        found.push(format!("{at}.{field}: {id:?} is no {what}"));
                    }
                };
            lands("parent_id", &organizations, "organization", &mut found);
            lands(
                "organization_id",
                &organizations,
                "organization",
                &mut found,
            );
            lands(
                "on_behalf_of_id",
                &organizations,
                "organization",
                &mut found,
            );
            lands("person_id", &persons, "person", &mut found);
            lands("post_id", &posts, "post", &mut found);
            if collection == "memberships" {
                if !object.get("organization_id").is_some_and(Value::is_string) {
                    found.push(format!("{at}.organization_id: required"));
                }
                let member = object
                    .get("member")
                    .and_then(|m| m.get("id"))
                    .and_then(Value::as_str);
                if let Some(member) = member
                    && !organizations.contains(member)
                    && !persons.contains(member)
                {
                    found.push(format!(
                        "{at}.member.id: {member:?} is no organization or person"
                    ));
                }
                if !["person_id", "post_id"]
                    .iter()
                    .any(|k| object.get(*k).is_some_and(Value::is_string))
                    && member.is_none()
                {
                    found.push(format!("{at}: no person_id, post_id or member"));
                }
            }
            found.sort();
            violations.extend(found);
        }
    }
    out.extend(late);
    out
}

fn check_properties(
    object: &Map<String, Value>,
    at: &str,
    properties: &[(&str, Kind)],
    strictness: Strictness,
    found: &mut Vec<String>,
) {
    for (key, value) in object {
        let known = COMMON.iter().chain(properties).find(|(k, _)| k == key);
        let Some((_, kind)) = known else {
            if strictness == Strictness::OnlySchemaProperties && key != "govgraph" {
                found.push(format!("{at}.{key}: not a Popolo property"));
            }
            continue;
        };
        if key == "id" {
            continue;
        }
        let at = format!("{at}.{key}");
        match (kind, value) {
            (Kind::Text | Kind::Date | Kind::Object, Value::Null) => {}
            (Kind::Text, Value::String(_)) | (Kind::Object, Value::Object(_)) => {}
            (Kind::Date, Value::String(date)) => {
                if !is_popolo_date(date) {
                    found.push(format!("{at}: {date:?} is not a Popolo date"));
                }
            }
            (Kind::Texts, Value::Array(items)) => {
                if !items.iter().all(Value::is_string) {
                    found.push(format!("{at}: expected strings"));
                }
            }
            (Kind::Objects(required), Value::Array(items)) => {
                for (j, item) in items.iter().enumerate() {
                    let Some(item) = item.as_object() else {
                        found.push(format!("{at}[{j}]: expected an object"));
                        continue;
                    };
                    for field in *required {
                        if !item.get(*field).is_some_and(Value::is_string) {
                            found.push(format!("{at}[{j}].{field}: required"));
                        }
                    }
                    for (field, value) in item {
                        let date = ["start_date", "end_date", "valid_from", "valid_through"];
                        if date.contains(&field.as_str())
                            && let Some(d) = value.as_str().filter(|d| !is_popolo_date(d))
                        {
                            found.push(format!("{at}[{j}].{field}: {d:?} is not a Popolo date"));
                        }
                    }
                }
            }
            (Kind::Text | Kind::Date, _) => found.push(format!("{at}: expected a string or null")),
            (Kind::Object, _) => found.push(format!("{at}: expected an object or null")),
            (Kind::Texts | Kind::Objects(_), _) => found.push(format!("{at}: expected an array")),
        }
    }
}

#[test]
fn the_bundled_datasets_round_trip_through_popolo() {
    assert_file_round_trips("data/solihull-2011.toml");
    assert_file_round_trips("data/halton-2008.toml");
    assert_file_round_trips("data/leicestershire-2009-current.toml");
    assert_file_round_trips("data/leicestershire-2009-proposed.toml");
}
