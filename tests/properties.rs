//! Properties that hold for every structure the builder accepts and for any
//! text at all, checked on generated cases (a bounded number, so that they
//! run with `cargo test`).
//!
//! The strategies come first: [`strategies::spec`] draws an arbitrary valid
//! structure description (every status, kind, role and relation kind; names
//! full of quotes, ampersands, backslashes and newlines), and
//! [`strategies::structure`] builds it. Properties follow, one section per
//! promise; a new promise (an analysis, an export) gets its own section and
//! reuses the strategies.

use proptest::prelude::*;

use govgraph::{RelationKind, Structure};

/// Cases per property: enough to find the shapes that break things, few
/// enough that the whole file runs in seconds. `PROPTEST_CASES=10000 cargo
/// test --release --test properties` searches harder.
fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(64);
    ProptestConfig::with_cases(cases)
}

mod strategies {
    use govgraph::{
        BodyKind, BodySpec, MeetingPattern, MemberKind, MemberSpec, RelationKind, Role, Seat,
        Status, Structure, Target,
    };
    use proptest::prelude::*;
    use proptest::sample::{Index, select};

    /// Text as people and tools write it: anything at all, or short runs of
    /// the characters that break escaping.
    pub fn text() -> impl Strategy<Value = String> {
        prop_oneof![
            any::<String>(),
            "[\"'&\\\\\n\r\t<>#=\\[\\]{}.,:; a-zA-Zé子🙂\u{200b}\u{feff}\u{2028}-]{0,16}",
        ]
    }

    /// A name: any text that is not blank.
    pub fn name() -> impl Strategy<Value = String> {
        text().prop_filter("names are not blank", |s| !s.trim().is_empty())
    }

    /// The middle of an id: anything but control characters and the `|`
    /// that [`Spec`] uses to make ids unique.
    fn id_stem() -> impl Strategy<Value = String> {
        "[^\\p{Cc}|]{0,8}"
    }

    fn optional_text() -> impl Strategy<Value = Option<String>> {
        proptest::option::of(text())
    }

    fn meeting_pattern() -> impl Strategy<Value = MeetingPattern> {
        prop_oneof![
            (1..=u32::MAX).prop_map(MeetingPattern::EveryWeeks),
            (1..=u32::MAX).prop_map(MeetingPattern::EveryMonths),
            (1..=u32::MAX).prop_map(MeetingPattern::TimesAYear),
            (1..=12u32).prop_map(MeetingPattern::EveryWeeks),
            (1..=12u32).prop_map(MeetingPattern::EveryMonths),
            (1..=4u32).prop_map(MeetingPattern::TimesAYear),
            Just(MeetingPattern::Termly),
            Just(MeetingPattern::AsNeeded),
        ]
    }

    /// A relation or reporting line: its kind, a target (any body or member,
    /// by index), and provenance.
    #[derive(Clone, Debug)]
    pub struct Link {
        pub kind: RelationKind,
        pub to: Index,
        pub source: Option<String>,
        pub note: Option<String>,
    }

    fn link() -> impl Strategy<Value = Link> {
        (
            select(RelationKind::ALL),
            any::<Index>(),
            optional_text(),
            optional_text(),
        )
            .prop_map(|(kind, to, source, note)| Link {
                kind,
                to,
                source,
                note,
            })
    }

    #[derive(Clone, Debug)]
    pub struct SeatSpec {
        pub member: Index,
        pub role: Role,
        pub on_behalf_of: Option<Index>,
        pub source: Option<String>,
        pub note: Option<String>,
    }

    #[derive(Clone, Debug)]
    pub struct BodyData {
        pub stem: String,
        pub name: String,
        pub kind: BodyKind,
        pub status: Status,
        pub apex: bool,
        pub statutory: bool,
        pub tier: Option<String>,
        pub purpose: Option<String>,
        pub functions: Vec<String>,
        pub themes: Vec<String>,
        pub meets: Option<MeetingPattern>,
        pub source: Option<String>,
        pub note: Option<String>,
        pub links: Vec<Link>,
        pub seats: Vec<SeatSpec>,
    }

    #[derive(Clone, Debug)]
    pub struct MemberData {
        pub stem: String,
        pub name: String,
        pub kind: MemberKind,
        pub organisation: Option<Index>,
        pub source: Option<String>,
        pub note: Option<String>,
        pub reports_to: Vec<Link>,
    }

    /// A valid structure described as builder input.
    #[derive(Clone, Debug)]
    pub struct Spec {
        pub meta: [Option<String>; 4],
        pub bodies: Vec<BodyData>,
        pub members: Vec<MemberData>,
    }

    fn body() -> impl Strategy<Value = BodyData> {
        (
            (
                id_stem(),
                name(),
                select(BodyKind::ALL),
                select(Status::ALL),
                any::<bool>(),
                any::<bool>(),
            ),
            (
                optional_text(),
                optional_text(),
                proptest::collection::vec(text(), 0..3),
            ),
            (
                proptest::collection::vec(text(), 0..3),
                proptest::option::of(meeting_pattern()),
            ),
            (optional_text(), optional_text()),
            proptest::collection::vec(link(), 0..4),
            proptest::collection::vec(
                (
                    any::<Index>(),
                    select(Role::ALL),
                    proptest::option::of(any::<Index>()),
                    optional_text(),
                    optional_text(),
                )
                    .prop_map(|(member, role, on_behalf_of, source, note)| {
                        SeatSpec {
                            member,
                            role,
                            on_behalf_of,
                            source,
                            note,
                        }
                    }),
                0..5,
            ),
        )
            .prop_map(
                |(
                    (stem, name, kind, status, apex, statutory),
                    (tier, purpose, functions),
                    (themes, meets),
                    (source, note),
                    links,
                    seats,
                )| BodyData {
                    stem,
                    name,
                    kind,
                    status,
                    apex,
                    statutory,
                    tier,
                    purpose,
                    functions,
                    themes,
                    meets,
                    source,
                    note,
                    links,
                    seats,
                },
            )
    }

    fn member() -> impl Strategy<Value = MemberData> {
        (
            id_stem(),
            name(),
            select(MemberKind::ALL),
            proptest::option::of(any::<Index>()),
            optional_text(),
            optional_text(),
            proptest::collection::vec(link(), 0..3),
        )
            .prop_map(
                |(stem, name, kind, organisation, source, note, reports_to)| MemberData {
                    stem,
                    name,
                    kind,
                    organisation,
                    source,
                    note,
                    reports_to,
                },
            )
    }

    /// Any valid structure description of up to 12 bodies and 8 members.
    pub fn spec() -> impl Strategy<Value = Spec> {
        (
            [
                optional_text(),
                optional_text(),
                optional_text(),
                optional_text(),
            ],
            proptest::collection::vec(body(), 0..12),
            proptest::collection::vec(member(), 0..8),
        )
            .prop_map(|(meta, bodies, members)| Spec {
                meta,
                bodies,
                members,
            })
    }

    /// Any structure the builder makes.
    pub fn structure() -> impl Strategy<Value = Structure> {
        spec().prop_map(|spec| {
            spec.build()
                .unwrap_or_else(|e| panic!("a valid spec was rejected:\n{e}"))
        })
    }

    impl Spec {
        /// The id of the `i`th entity: bodies first, then members. The
        /// number before the first `|` makes ids unique; the stem makes them
        /// odd.
        pub fn id(&self, i: usize) -> String {
            let stem = match i.checked_sub(self.bodies.len()) {
                None => &self.bodies[i].stem,
                Some(m) => &self.members[m].stem,
            };
            format!("{i}|{stem}|")
        }

        fn entities(&self) -> usize {
            self.bodies.len() + self.members.len()
        }

        /// The id an index picks among the organisation members, if any.
        fn organisation(&self, index: &Index) -> Option<String> {
            let organisations: Vec<usize> = (0..self.members.len())
                .filter(|&m| self.members[m].kind == MemberKind::Organisation)
                .collect();
            (!organisations.is_empty())
                .then(|| self.id(self.bodies.len() + *index.get(&organisations)))
        }

        /// A link's target, unless it would point at `from` itself.
        fn target(&self, from: usize, link: &Link) -> Option<Target> {
            let to = link.to.index(self.entities());
            (to != from).then(|| {
                let mut target = Target::new(self.id(to));
                if let Some(source) = &link.source {
                    target = target.source(source.as_str());
                }
                if let Some(note) = &link.note {
                    target = target.note(note.as_str());
                }
                target
            })
        }

        /// Builds the structure.
        pub fn build(&self) -> Result<Structure, govgraph::Error> {
            let mut builder = Structure::builder();
            let [name, source, date, note] = &self.meta;
            if let Some(name) = name {
                builder = builder.name(name.as_str());
            }
            if let Some(source) = source {
                builder = builder.source(source.as_str());
            }
            if let Some(date) = date {
                builder = builder.date(date.as_str());
            }
            if let Some(note) = note {
                builder = builder.note(note.as_str());
            }
            for (i, body) in self.bodies.iter().enumerate() {
                let mut spec =
                    BodySpec::new(self.id(i), body.name.as_str(), body.kind).status(body.status);
                if body.apex {
                    spec = spec.apex();
                }
                if body.statutory {
                    spec = spec.statutory();
                }
                for (value, set) in [
                    (
                        &body.tier,
                        BodySpec::tier as fn(BodySpec, String) -> BodySpec,
                    ),
                    (&body.purpose, BodySpec::purpose),
                    (&body.source, BodySpec::source),
                    (&body.note, BodySpec::note),
                ] {
                    if let Some(value) = value {
                        spec = set(spec, value.clone());
                    }
                }
                for function in &body.functions {
                    spec = spec.function(function.as_str());
                }
                for theme in &body.themes {
                    spec = spec.theme(theme.as_str());
                }
                if let Some(meets) = body.meets {
                    spec = spec.meets(meets);
                }
                for link in &body.links {
                    if let Some(target) = self.target(i, link) {
                        spec = spec.relation(link.kind, target);
                    }
                }
                if !self.members.is_empty() {
                    for seat in &body.seats {
                        let member = self.bodies.len() + seat.member.index(self.members.len());
                        let mut with = Seat::new(self.id(member), seat.role);
                        if let Some(org) = seat
                            .on_behalf_of
                            .as_ref()
                            .and_then(|o| self.organisation(o))
                        {
                            with = with.on_behalf_of(org);
                        }
                        if let Some(source) = &seat.source {
                            with = with.source(source.as_str());
                        }
                        if let Some(note) = &seat.note {
                            with = with.note(note.as_str());
                        }
                        spec = spec.seat_with(with);
                    }
                }
                builder = builder.body(spec);
            }
            for (m, member) in self.members.iter().enumerate() {
                let i = self.bodies.len() + m;
                let mut spec = MemberSpec::new(self.id(i), member.name.as_str(), member.kind);
                if let Some(org) = member
                    .organisation
                    .as_ref()
                    .and_then(|o| self.organisation(o))
                {
                    spec = spec.organisation(org);
                }
                if let Some(source) = &member.source {
                    spec = spec.source(source.as_str());
                }
                if let Some(note) = &member.note {
                    spec = spec.note(note.as_str());
                }
                for link in &member.reports_to {
                    if let Some(target) = self.target(i, link) {
                        spec = spec.reports_to(target);
                    }
                }
                builder = builder.member(spec);
            }
            builder.build()
        }
    }

    /// One edit to a file's text, at a position given as a fraction of its
    /// length.
    #[derive(Clone, Debug)]
    pub enum Edit {
        Delete(Index, usize),
        Insert(Index, String),
        Replace(Index, char),
        DuplicateLine(Index),
        SwapLines(Index, Index),
    }

    pub fn edits() -> impl Strategy<Value = Vec<Edit>> {
        let snippet = prop_oneof![
            text(),
            Just("\"".to_string()),
            Just("[[body]]\n".to_string()),
            Just("]".to_string()),
            Just("{".to_string()),
            Just("\n".to_string()),
            Just("=".to_string()),
            Just(",".to_string()),
            Just("reports_to = [\"0|\"]\n".to_string()),
            Just("\"status\": \"dormant\",".to_string()),
        ];
        let edit = prop_oneof![
            (any::<Index>(), 1..20usize).prop_map(|(at, n)| Edit::Delete(at, n)),
            (any::<Index>(), snippet).prop_map(|(at, s)| Edit::Insert(at, s)),
            (any::<Index>(), any::<char>()).prop_map(|(at, c)| Edit::Replace(at, c)),
            any::<Index>().prop_map(Edit::DuplicateLine),
            (any::<Index>(), any::<Index>()).prop_map(|(a, b)| Edit::SwapLines(a, b)),
        ];
        proptest::collection::vec(edit, 1..6)
    }

    /// Applies edits, by character so that the text stays UTF-8.
    pub fn apply(text: &str, edits: &[Edit]) -> String {
        let mut chars: Vec<char> = text.chars().collect();
        for edit in edits {
            let at = |index: &Index, len: usize| index.index(len + 1);
            match edit {
                Edit::Delete(index, n) => {
                    let start = at(index, chars.len());
                    let end = (start + n).min(chars.len());
                    chars.drain(start..end);
                }
                Edit::Insert(index, s) => {
                    let start = at(index, chars.len());
                    chars.splice(start..start, s.chars());
                }
                Edit::Replace(index, c) if !chars.is_empty() => {
                    let i = index.index(chars.len());
                    chars[i] = *c;
                }
                Edit::Replace(..) => {}
                Edit::DuplicateLine(index) | Edit::SwapLines(index, _) => {
                    let text: String = chars.iter().collect();
                    let mut lines: Vec<&str> = text.split('\n').collect();
                    let i = index.index(lines.len());
                    match edit {
                        Edit::SwapLines(_, other) => {
                            let j = other.index(lines.len());
                            lines.swap(i, j);
                        }
                        _ => lines.insert(i, lines[i]),
                    }
                    chars = lines.join("\n").chars().collect();
                }
            }
        }
        chars.into_iter().collect()
    }
}

// Saving and loading.

proptest! {
    #![proptest_config(config())]

    #[test]
    fn the_builder_accepts_every_valid_spec(spec in strategies::spec()) {
        let built = spec.build();
        prop_assert!(built.is_ok(), "{}", built.unwrap_err());
        let s = built.unwrap();
        prop_assert_eq!(s.bodies().count(), spec.bodies.len());
        prop_assert_eq!(s.members().count(), spec.members.len());
    }

    #[test]
    fn any_built_structure_round_trips_through_toml(s in strategies::structure()) {
        let text = s.to_toml_string().unwrap();
        let loaded = Structure::from_toml_str(&text);
        prop_assert!(loaded.is_ok(), "{}\n---\n{text}", loaded.unwrap_err());
        prop_assert_eq!(loaded.unwrap(), s);
    }

    #[test]
    fn any_built_structure_round_trips_through_json(s in strategies::structure()) {
        let text = s.to_json_string().unwrap();
        let loaded = Structure::from_json_str(&text);
        prop_assert!(loaded.is_ok(), "{}\n---\n{text}", loaded.unwrap_err());
        prop_assert_eq!(loaded.unwrap(), s);
    }

    #[test]
    fn toml_and_json_of_one_structure_load_equal(s in strategies::structure()) {
        let from_toml = Structure::from_toml_str(&s.to_toml_string().unwrap()).unwrap();
        let from_json = Structure::from_json_str(&s.to_json_string().unwrap()).unwrap();
        prop_assert_eq!(from_toml, from_json);
    }
}

// Loading never panics, and what loads saves and loads again equal.

/// Loads `text` both ways; whatever loads must save and load back equal,
/// and whatever fails must say something.
fn load_any(text: &str) -> Result<(), TestCaseError> {
    for loaded in [
        Structure::from_toml_str(text),
        Structure::from_json_str(text),
    ] {
        match loaded {
            Ok(s) => {
                let again = Structure::from_toml_str(&s.to_toml_string().unwrap()).unwrap();
                prop_assert_eq!(&again, &s);
                let again = Structure::from_json_str(&s.to_json_string().unwrap()).unwrap();
                prop_assert_eq!(&again, &s);
            }
            Err(e) => prop_assert!(!e.to_string().is_empty()),
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn loading_any_string_never_panics(text in strategies::text()) {
        load_any(&text)?;
    }

    #[test]
    fn loading_any_bytes_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        load_any(&String::from_utf8_lossy(&bytes))?;
    }

    #[test]
    fn loading_file_shaped_noise_never_panics(text in "[\\[\\]{}=\",.:# a-z0-9_\n'\\\\-]{0,300}") {
        load_any(&text)?;
    }

    #[test]
    fn loading_an_edited_toml_file_never_panics(s in strategies::structure(), edits in strategies::edits()) {
        let text = strategies::apply(&s.to_toml_string().unwrap(), &edits);
        load_any(&text)?;
        if let Err(e) = Structure::from_toml_str(&text) {
            // Every line named is a line of the file.
            let lines = text.lines().count() + 1;
            for problem in e.problems() {
                prop_assert!(problem.location.line.is_none_or(|l| l <= lines), "{}", problem);
            }
        }
    }

    #[test]
    fn loading_an_edited_json_file_never_panics(s in strategies::structure(), edits in strategies::edits()) {
        let text = strategies::apply(&s.to_json_string().unwrap(), &edits);
        load_any(&text)?;
    }
}

// Order.

proptest! {
    #![proptest_config(config())]

    #[test]
    fn memberships_and_relations_come_sorted(s in strategies::structure()) {
        prop_assert!(s.memberships().is_sorted());
        prop_assert!(s.relations().is_sorted());
        let loaded = Structure::from_toml_str(&s.to_toml_string().unwrap()).unwrap();
        prop_assert!(loaded.memberships().is_sorted());
    }
}

// The graph view.

proptest! {
    #![proptest_config(config())]

    #[test]
    fn graph_indices_map_back_to_ids(s in strategies::structure()) {
        let graph = s.graph();
        let ids: Vec<&str> = s.bodies().map(|b| b.id.as_str()).chain(s.members().map(|m| m.id.as_str())).collect();
        prop_assert_eq!(graph.relations().node_count(), ids.len());
        prop_assert_eq!(graph.accountability().node_count(), ids.len());
        for id in ids {
            let index = graph.index(id);
            prop_assert!(index.is_some(), "{:?} has no node", id);
            prop_assert_eq!(graph.id(index.unwrap()).as_str(), id);
        }
    }

    #[test]
    fn graph_edges_are_the_relations(s in strategies::structure()) {
        let graph = s.graph();
        let edges = |g: &petgraph::graph::DiGraph<govgraph::Id, RelationKind>| {
            let mut edges: Vec<(String, RelationKind, String)> = g
                .edge_indices()
                .map(|e| {
                    let (from, to) = g.edge_endpoints(e).unwrap();
                    (graph.id(from).to_string(), g[e], graph.id(to).to_string())
                })
                .collect();
            edges.sort();
            edges
        };
        let mut written: Vec<(String, RelationKind, String)> = s
            .relations()
            .iter()
            .map(|r| (r.from.to_string(), r.kind, r.to.to_string()))
            .collect();
        written.sort();
        prop_assert_eq!(edges(graph.relations()), written);
        // Accountability points from the accountable to whom it answers.
        let mut accountable: Vec<(String, RelationKind, String)> = s
            .relations()
            .iter()
            .filter_map(|r| r.accountability().map(|(child, parent)| (child.to_string(), r.kind, parent.to_string())))
            .collect();
        accountable.sort();
        prop_assert_eq!(edges(graph.accountability()), accountable);
    }
}
