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

use std::collections::{BTreeMap, BTreeSet};

use proptest::prelude::*;

use govgraph::{
    DrawOptions, Duplicate, DuplicationOptions, Finding, FindingKind, Id, MemberKind, OrphanCase,
    OverlapOptions, Overlay, RankDir, Relation, RelationKind, Report, ReportOptions, Role,
    Structure,
};

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
        /// Draws for the rarer facts: intended, dates.
        pub extra: u32,
    }

    fn link() -> impl Strategy<Value = Link> {
        (
            select(RelationKind::ALL),
            any::<Index>(),
            optional_text(),
            optional_text(),
            any::<u32>(),
        )
            .prop_map(|(kind, to, source, note, extra)| Link {
                kind,
                to,
                source,
                note,
                extra,
            })
    }

    /// A date of any precision, from a draw: a year, a month or a day.
    pub fn date_of(draw: u32) -> govgraph::Date {
        let year = 1990 + (draw % 40) as u16;
        let month = 1 + (draw / 40 % 12) as u8;
        let day = 1 + (draw / 480 % 28) as u8;
        match draw / 13_440 % 3 {
            0 => govgraph::Date::year(year),
            1 => govgraph::Date::month(year, month).unwrap(),
            _ => govgraph::Date::day(year, month, day).unwrap(),
        }
    }

    /// A date, or none, from a draw.
    pub fn maybe_date(draw: u32, one_in: u32) -> Option<govgraph::Date> {
        draw.is_multiple_of(one_in).then(|| date_of(draw / one_in))
    }

    #[derive(Clone, Debug)]
    pub struct SeatSpec {
        pub member: Index,
        pub role: Role,
        pub on_behalf_of: Option<Index>,
        pub source: Option<String>,
        pub note: Option<String>,
        /// Draws for the rarer facts: held by a body, on behalf of a body,
        /// intended, dates.
        pub extra: u32,
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
        /// Draws for the rarer facts: status date, intended status,
        /// accountability, count, former names.
        pub extra: u32,
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
        /// Draws for the rarer facts: a second organisation, status.
        pub extra: u32,
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
            (optional_text(), optional_text(), any::<u32>()),
            proptest::collection::vec(link(), 0..4),
            proptest::collection::vec(
                (
                    any::<Index>(),
                    select(Role::ALL),
                    proptest::option::of(any::<Index>()),
                    optional_text(),
                    optional_text(),
                    any::<u32>(),
                )
                    .prop_map(
                        |(member, role, on_behalf_of, source, note, extra)| SeatSpec {
                            member,
                            role,
                            on_behalf_of,
                            source,
                            note,
                            extra,
                        },
                    ),
                0..5,
            ),
        )
            .prop_map(
                |(
                    (stem, name, kind, status, apex, statutory),
                    (tier, purpose, functions),
                    (themes, meets),
                    (source, note, extra),
                    links,
                    seats,
                )| BodyData {
                    extra,
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
            any::<u32>(),
        )
            .prop_map(
                |(stem, name, kind, organisation, source, note, reports_to, extra)| MemberData {
                    extra,
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
            [optional_text(), optional_text(), optional_text()],
            proptest::option::of(any::<u32>().prop_map(|d| date_of(d).to_string())),
            proptest::collection::vec(body(), 1..12),
            proptest::collection::vec(member(), 0..8),
        )
            .prop_map(|([name, source, note], date, bodies, members)| Spec {
                meta: [name, source, date, note],
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

        /// The `n`th organisation member (counting round), if any.
        fn nth_organisation(&self, n: usize) -> Option<String> {
            let organisations: Vec<usize> = (0..self.members.len())
                .filter(|&m| self.members[m].kind == MemberKind::Organisation)
                .collect();
            (!organisations.is_empty())
                .then(|| self.id(self.bodies.len() + organisations[n % organisations.len()]))
        }

        /// A link's target, unless it would point at `from` itself.
        fn target(&self, from: usize, link: &Link) -> Option<Target> {
            let to = link.to.index(self.entities());
            (to != from).then(|| {
                let mut target = Target::new(self.id(to));
                if link.extra.is_multiple_of(4) {
                    target = target.intended();
                }
                if let Some(from) = maybe_date(link.extra >> 2, 3) {
                    target = target.from(from);
                }
                if let Some(until) = maybe_date(link.extra >> 12, 3) {
                    target = target.until(until);
                }
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
                let extra = body.extra;
                if let Some(since) = maybe_date(extra, 5) {
                    spec = spec.status_since(since);
                }
                if extra % 7 == 1 {
                    spec =
                        spec.intended_status(Status::ALL[(extra / 7) as usize % Status::ALL.len()]);
                }
                if extra % 6 == 2 {
                    spec = spec.accountability(
                        govgraph::Accountability::ALL
                            [(extra / 6) as usize % govgraph::Accountability::ALL.len()],
                    );
                }
                if extra % 4 == 3 {
                    spec = spec.count(1 + extra / 4 % 20);
                }
                if extra % 9 == 4 {
                    spec = spec.formerly(body.name.chars().rev().collect::<String>() + " ");
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
                // A seat is held by a member, or one time in six by another
                // body; on behalf of an organisation, or another body.
                for seat in &body.seats {
                    let by_body = seat.extra.is_multiple_of(6) && self.bodies.len() > 1;
                    let holder = if by_body {
                        let other = seat.member.index(self.bodies.len() - 1);
                        if other >= i { other + 1 } else { other }
                    } else if self.members.is_empty() {
                        continue;
                    } else {
                        self.bodies.len() + seat.member.index(self.members.len())
                    };
                    {
                        let mut with = Seat::new(self.id(holder), seat.role);
                        let for_body = seat.extra % 5 == 1;
                        if let Some(o) = &seat.on_behalf_of {
                            if for_body {
                                with = with.on_behalf_of(self.id(o.index(self.bodies.len())));
                            } else if let Some(org) = self.organisation(o) {
                                with = with.on_behalf_of(org);
                            }
                        }
                        if seat.extra % 8 == 3 {
                            with = with.intended();
                        }
                        if let Some(start) = maybe_date(seat.extra >> 3, 3) {
                            with = with.start(start);
                        }
                        if let Some(end) = maybe_date(seat.extra >> 13, 3) {
                            with = with.end(end);
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
                // One time in four, a post of a second organisation.
                if member.extra.is_multiple_of(4)
                    && let Some(org) = self.nth_organisation(member.extra as usize / 4)
                {
                    spec = spec.organisation(org);
                }
                if member.extra % 5 == 1 {
                    spec =
                        spec.status(Status::ALL[(member.extra / 5) as usize % Status::ALL.len()]);
                    if let Some(since) = maybe_date(member.extra / 5, 2) {
                        spec = spec.status_since(since);
                    }
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

    /// Like [`structure`], but with themes and functions drawn from a few
    /// phrases (in mixed case, some with spaces around), so that bodies
    /// share them and duplication has pairs to find.
    pub fn alike_structure() -> impl Strategy<Value = Structure> {
        let theme = select(
            &[
                "Stay Safe",
                " stay safe",
                "STAY SAFE ",
                "Be Healthy",
                "Enjoy & Achieve",
                "Σ Economic Wellbeing",
            ][..],
        );
        let function = select(
            &[
                "Preparing business plans",
                "Commissioning services for children",
                "Safeguarding children and young people",
                "Business plans for commissioning",
                "Link between the board and service delivery",
            ][..],
        );
        let features = (
            proptest::collection::vec(theme, 0..4),
            proptest::collection::vec(function, 0..3),
        );
        (spec(), proptest::collection::vec(features, 12)).prop_map(|(mut spec, features)| {
            for (body, (themes, functions)) in spec.bodies.iter_mut().zip(features) {
                body.themes = themes.into_iter().map(String::from).collect();
                body.functions = functions.into_iter().map(String::from).collect();
            }
            spec.build()
                .unwrap_or_else(|e| panic!("a valid spec was rejected:\n{e}"))
        })
    }

    /// Like [`structure`], but with at most four bodies and two members,
    /// linked only by lines of accountability and scrutiny, so that links
    /// fall on each other: cycles, mutual scrutiny, shared parents and
    /// single routes are common.
    pub fn crowded_structure() -> impl Strategy<Value = Structure> {
        const KINDS: [RelationKind; 6] = [
            RelationKind::ReportsTo,
            RelationKind::Scrutinises,
            RelationKind::Oversees,
            RelationKind::Scrutinises,
            RelationKind::SubGroupOf,
            RelationKind::Scrutinises,
        ];
        spec().prop_map(|mut spec| {
            spec.bodies.truncate(4);
            spec.members.truncate(2);
            for link in spec.bodies.iter_mut().flat_map(|b| &mut b.links) {
                let at = RelationKind::ALL
                    .iter()
                    .position(|k| *k == link.kind)
                    .unwrap();
                link.kind = KINDS[at % KINDS.len()];
            }
            spec.build()
                .unwrap_or_else(|e| panic!("a valid spec was rejected:\n{e}"))
        })
    }

    /// What the analyses are checked on: any structure, a crowded one, or
    /// one whose bodies share themes and functions.
    pub fn analysed() -> impl Strategy<Value = Structure> {
        prop_oneof![structure(), crowded_structure(), alike_structure()]
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

// Editing: a structure's builder holds all of it.

/// Any built structure, with up to three collective successions added (the
/// builder strategy draws none), written into its JSON so that the
/// structure under test is made without `to_builder`.
fn with_successions() -> impl Strategy<Value = Structure> {
    let succession = (
        proptest::collection::vec(any::<proptest::sample::Index>(), 1..3),
        proptest::collection::vec(any::<proptest::sample::Index>(), 1..3),
        proptest::sample::select(vec![
            RelationKind::ReplacedBy,
            RelationKind::MergedInto,
            RelationKind::RenamedTo,
        ]),
        any::<u32>(),
        proptest::option::of(strategies::text()),
        proptest::option::of(strategies::text()),
    );
    (
        strategies::structure(),
        proptest::collection::vec(succession, 0..4),
    )
        .prop_map(|(s, successions)| {
            let ids: Vec<String> = s.bodies().map(|b| b.id.to_string()).collect();
            let mut file: serde_json::Value =
                serde_json::from_str(&s.to_json_string().unwrap()).unwrap();
            let entries: Vec<serde_json::Value> = successions
                .into_iter()
                .map(|(from, to, kind, extra, source, note)| {
                    let pick = |picks: Vec<proptest::sample::Index>| -> Vec<&str> {
                        picks
                            .iter()
                            .map(|i| ids[i.index(ids.len())].as_str())
                            .collect()
                    };
                    let mut entry = serde_json::json!({
                        "from": pick(from),
                        "to": pick(to),
                        "kind": kind.as_str(),
                        "intended": extra % 2 == 0,
                    });
                    if let Some(date) = strategies::maybe_date(extra >> 1, 2) {
                        entry["date"] = date.to_string().into();
                    }
                    if let Some(source) = source {
                        entry["source"] = source.into();
                    }
                    if let Some(note) = note {
                        entry["note"] = note.into();
                    }
                    entry
                })
                .collect();
            file["succession"] = entries.into();
            Structure::from_json_str(&file.to_string())
                .unwrap_or_else(|e| panic!("valid successions were rejected:\n{e}"))
        })
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn to_builder_then_build_gives_back_every_field(s in with_successions()) {
        let again = s.to_builder().build();
        prop_assert!(again.is_ok(), "{}", again.unwrap_err());
        prop_assert_eq!(again.unwrap(), s);
    }

    #[test]
    fn an_edit_of_one_body_changes_that_body_only(
        s in with_successions(),
        pick in any::<proptest::sample::Index>(),
        status in proptest::sample::select(govgraph::Status::ALL),
        name in strategies::name(),
    ) {
        let ids: Vec<Id> = s.bodies().map(|b| b.id.clone()).collect();
        let id = ids[pick.index(ids.len())].clone();
        let edited = s
            .to_builder()
            .edit_body(id.as_str(), |b| b.status(status).name(name.as_str()))
            .build()
            .unwrap();
        let body = edited.body(id.as_str()).unwrap();
        prop_assert_eq!(body.status, status);
        prop_assert_eq!(&body.name, &name);
        for other in s.bodies().filter(|b| b.id != id) {
            prop_assert_eq!(Some(other), edited.body(other.id.as_str()));
        }
        prop_assert_eq!(edited.relations(), s.relations());
        prop_assert_eq!(edited.memberships(), s.memberships());
        prop_assert_eq!(edited.successions(), s.successions());
    }

    #[test]
    fn removing_a_body_leaves_a_valid_structure_with_nothing_pointing_at_it(
        s in with_successions(),
        pick in any::<proptest::sample::Index>(),
    ) {
        let ids: Vec<Id> = s.bodies().map(|b| b.id.clone()).collect();
        let id = ids[pick.index(ids.len())].clone();
        let without = s.to_builder().remove_body(id.as_str()).build();
        prop_assert!(without.is_ok(), "{}", without.unwrap_err());
        let without = without.unwrap();
        prop_assert!(without.body(id.as_str()).is_none());
        prop_assert_eq!(without.bodies().count(), s.bodies().count() - 1);
        prop_assert!(without.relations().iter().all(|r| r.from != id && r.to != id));
        let untouched = without
            .memberships()
            .iter()
            .all(|m| m.body != id && m.member != id && m.on_behalf_of.as_ref() != Some(&id));
        prop_assert!(untouched);
        prop_assert!(without.successions().iter().all(|x| !x.from.contains(&id) && !x.to.contains(&id)));
        // Exactly what pointed at it is gone: every other relation stays.
        let kept = s.relations().iter().filter(|r| r.from != id && r.to != id).count();
        prop_assert_eq!(without.relations().len(), kept);
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

    /// `accountable_parents` reads an index; here, every relation is read.
    #[test]
    fn accountable_parents_are_every_line_of_accountability(s in strategies::analysed()) {
        let views = [s.as_intended(), s.in_force(), s.clone()];
        for view in std::iter::once(&s).chain(&views) {
            for body in view.bodies() {
                let id = body.id.as_str();
                let mut expected: Vec<&str> = view
                    .relations()
                    .iter()
                    .filter(|r| !r.intended)
                    .filter_map(|r| match r.kind {
                        RelationKind::ReportsTo | RelationKind::SubGroupOf if r.from == id => Some(r.to.as_str()),
                        RelationKind::Oversees if r.to == id => Some(r.from.as_str()),
                        _ => None,
                    })
                    .collect();
                expected.sort_unstable();
                expected.dedup();
                prop_assert_eq!(view.accountable_parents(id).collect::<Vec<_>>(), expected, "parents of {}", id);
            }
        }
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

// Analyses: they run on anything the builder makes without panicking, name
// only bodies and members that exist, and find exactly what their
// documentation says, checked against the plain, slow computations in
// `reference`.

/// What the analyses promise, computed the slow, plain way from their
/// documentation: walks and fixpoints over sets of ids, fine for the couple
/// of dozen ids a generated structure has. Nothing here calls an analysis.
mod reference {
    use std::collections::{BTreeMap, BTreeSet};

    use govgraph::Structure;

    pub type Ids = BTreeSet<String>;
    pub type ByIds = BTreeMap<String, Ids>;

    /// Every body and member id.
    pub fn ids(s: &Structure) -> Ids {
        s.bodies()
            .map(|b| b.id.to_string())
            .chain(s.members().map(|m| m.id.to_string()))
            .collect()
    }

    /// Each id's distinct accountable parents: what it answers to.
    pub fn parents(s: &Structure) -> ByIds {
        let mut map: ByIds = ids(s).into_iter().map(|id| (id, Ids::new())).collect();
        for r in s.relations() {
            if let Some((child, parent)) = r.accountability() {
                map.get_mut(child.as_str())
                    .unwrap()
                    .insert(parent.to_string());
            }
        }
        map
    }

    /// Each id's distinct directly accountable children.
    pub fn children(parents: &ByIds) -> ByIds {
        let mut map: ByIds = parents.keys().map(|id| (id.clone(), Ids::new())).collect();
        for (child, of) in parents {
            for parent in of {
                map.get_mut(parent).unwrap().insert(child.clone());
            }
        }
        map
    }

    /// Everything each id answers to through one or more reporting lines.
    pub fn above(parents: &ByIds) -> ByIds {
        parents
            .keys()
            .map(|id| {
                let mut seen = Ids::new();
                let mut stack: Vec<&String> = parents[id].iter().collect();
                while let Some(next) = stack.pop() {
                    if seen.insert(next.clone()) {
                        stack.extend(parents[next].iter());
                    }
                }
                (id.clone(), seen)
            })
            .collect()
    }

    /// `id` and every id that answers to it and that it answers to, each
    /// through reporting lines: its cycle, or `id` alone.
    pub fn cycle_of(above: &ByIds, id: &str) -> Ids {
        let mut group: Ids = above[id]
            .iter()
            .filter(|other| above[*other].contains(id))
            .cloned()
            .collect();
        group.insert(id.to_string());
        group
    }

    /// Whether a route may end at an id: an apex body or any member,
    /// whatever its status.
    pub fn ends_routes(s: &Structure, id: &str) -> bool {
        s.member(id).is_some() || is_root(s, id)
    }

    /// Whether a body is the top of a line of accountability: an apex, or
    /// a body whose accountability the source calls unstated or unsettled
    /// and which has no parent.
    pub fn is_root(s: &Structure, id: &str) -> bool {
        s.body(id).is_some_and(|b| {
            b.apex || (b.accountability.is_some() && s.accountable_parents(id).next().is_none())
        })
    }

    /// Ids with a live route: members and active apexes, and active bodies
    /// with a parent that has one.
    pub fn live(s: &Structure, parents: &ByIds) -> Ids {
        let active = |id: &str| s.body(id).is_some_and(|b| b.status.is_active());
        let mut live: Ids = parents
            .keys()
            .filter(|id| s.member(id).is_some() || (ends_routes(s, id) && active(id)))
            .cloned()
            .collect();
        loop {
            let before = live.len();
            for (id, of) in parents {
                if active(id) && of.iter().any(|p| live.contains(p)) {
                    live.insert(id.clone());
                }
            }
            if live.len() == before {
                return live;
            }
        }
    }

    /// Whether a route of reporting lines leads from `from` to an apex or a
    /// member without passing through `avoid`, statuses unread.
    pub fn has_route(s: &Structure, parents: &ByIds, from: &str, avoid: Option<&str>) -> bool {
        let mut seen = Ids::new();
        let mut stack = vec![from.to_string()];
        while let Some(id) = stack.pop() {
            if Some(id.as_str()) == avoid || !seen.insert(id.clone()) {
                continue;
            }
            if ends_routes(s, &id) {
                return true;
            }
            stack.extend(parents[&id].iter().cloned());
        }
        false
    }

    /// The bodies closing `id` would cut off: those, not gone, with a route
    /// to an apex or member and none that avoids `id`.
    pub fn cut_off(s: &Structure, parents: &ByIds, id: &str) -> Vec<String> {
        s.bodies()
            .filter(|b| b.id.as_str() != id && !b.status.is_gone())
            .filter(|b| {
                has_route(s, parents, b.id.as_str(), None)
                    && !has_route(s, parents, b.id.as_str(), Some(id))
            })
            .map(|b| b.id.to_string())
            .collect()
    }

    /// The distinct bodies each seat holder sits on, by holder id: members,
    /// and bodies represented on other bodies. Comparing two bodies' seats
    /// counts both.
    pub fn seat_holders(s: &Structure) -> ByIds {
        let mut map: ByIds = BTreeMap::new();
        for seat in s.memberships() {
            map.entry(seat.member.to_string())
                .or_default()
                .insert(seat.body.to_string());
        }
        map
    }

    /// The distinct bodies each member sits on, by member id.
    pub fn seats(s: &Structure) -> ByIds {
        let mut map: ByIds = s
            .members()
            .map(|m| (m.id.to_string(), Ids::new()))
            .collect();
        // A seat may be held by a body (the Trust represented on the
        // Health and Wellbeing Board): that is a link between bodies, not
        // a member's seat, and the member analyses leave it out.
        for seat in s.memberships() {
            if let Some(bodies) = map.get_mut(seat.member.as_str()) {
                bodies.insert(seat.body.to_string());
            }
        }
        map
    }

    /// Themes as duplication compares them: trimmed, in lower case, blank
    /// ones left out.
    pub fn themes(s: &Structure, body: &str) -> Ids {
        s.body(body)
            .unwrap()
            .themes
            .iter()
            .map(|t| {
                t.trim()
                    .chars()
                    .flat_map(char::to_lowercase)
                    .collect::<String>()
            })
            .filter(|t| !t.is_empty())
            .collect()
    }

    /// The most levels of accountability below an apex, each cycle counted
    /// as one level: the longest path from a component holding an apex in
    /// the graph of cycles (and single ids) joined parent to child. `None`
    /// without an apex.
    pub fn depth(s: &Structure, parents: &ByIds, above: &ByIds) -> Option<usize> {
        let component = |id: &str| cycle_of(above, id);
        let mut depth: BTreeMap<Ids, usize> = s
            .bodies()
            .filter(|b| is_root(s, b.id.as_str()) && !b.status.is_gone())
            .map(|b| (component(b.id.as_str()), 0))
            .collect();
        // Longest paths in an acyclic graph of at most n nodes settle after
        // n rounds of relaxing every edge.
        for _ in 0..parents.len() {
            for (child, of) in parents {
                for parent in of {
                    let (from, to) = (component(parent), component(child));
                    if from == to {
                        continue;
                    }
                    if let Some(&d) = depth.get(&from) {
                        let at = depth.entry(to).or_insert(d + 1);
                        *at = (*at).max(d + 1);
                    }
                }
            }
        }
        depth.into_values().max()
    }
}

/// Checks that every id in `named` is a body (`bodies_only`) or a body or
/// member of `s`.
fn names_only_what_exists<'a>(
    s: &Structure,
    what: &str,
    named: impl IntoIterator<Item = &'a Id>,
    bodies_only: bool,
) -> Result<(), TestCaseError> {
    for id in named {
        let exists = if bodies_only {
            s.body(id.as_str()).is_some()
        } else {
            s.entity(id.as_str()).is_some()
        };
        prop_assert!(
            exists,
            "{} names {:?}, which is not a {}",
            what,
            id,
            if bodies_only {
                "body"
            } else {
                "body or member"
            }
        );
    }
    Ok(())
}

/// Every analysis and the whole report, run once: the ids each names are
/// checked to exist, and the report's text and JSON are made.
fn run_every_analysis(s: &Structure) -> Result<(), TestCaseError> {
    let check = |what: &str, named: Vec<&Id>, bodies_only: bool| {
        names_only_what_exists(s, what, named, bodies_only)
    };
    for orphan in s.orphans() {
        check("an orphan", vec![&orphan.body], true)?;
        match &orphan.case {
            OrphanCase::NoParent => {}
            OrphanCase::InactiveParents { parents } => {
                check("an orphan's parents", parents.iter().collect(), true)?
            }
            OrphanCase::CutOff { through } => {
                check("an orphan's breaks", through.iter().collect(), true)?
            }
            other => prop_assert!(false, "a new orphan case: {:?}", other),
        }
    }
    for id in reference::ids(s) {
        let impact = s.closure_impact(&id);
        prop_assert!(impact.is_some(), "no closure impact for {:?}", id);
        let impact = impact.unwrap();
        prop_assert_eq!(impact.body.as_str(), id.as_str());
        check("a closure impact", impact.cut_off.iter().collect(), true)?;
    }
    // Generated ids all hold `|`; this one cannot be one of them.
    prop_assert!(s.closure_impact("absent").is_none());
    for include_related in [false, true] {
        for include_gone in [false, true] {
            for threshold in [0.3, 0.0] {
                let options = DuplicationOptions::new()
                    .include_related(include_related)
                    .include_gone(include_gone)
                    .threshold(threshold);
                for pair in s.duplicates(&options) {
                    check("a duplicate", pair.bodies.iter().collect(), true)?;
                    check(
                        "a duplicate's members",
                        pair.shared_members.iter().collect(),
                        false,
                    )?;
                    check(
                        "a duplicate's parents",
                        pair.shared_parents.iter().collect(),
                        false,
                    )?;
                    let ends = pair
                        .relations
                        .iter()
                        .flat_map(|r| [&r.from, &r.to])
                        .collect();
                    check("a duplicate's relations", ends, false)?;
                }
            }
        }
    }
    for cycle in s.cycles() {
        check("a cycle", cycle.ids.iter().collect(), false)?;
    }
    for pair in s.mutual_scrutiny() {
        check("mutual scrutiny", pair.bodies.iter().collect(), true)?;
    }
    for found in s.multiple_accountability() {
        check("multiple accountability", vec![&found.id], false)?;
        check(
            "multiple accountability's parents",
            found.parents.iter().collect(),
            false,
        )?;
    }
    for min_bodies in 0..=4 {
        for interlock in s.interlocks(min_bodies) {
            prop_assert!(
                s.member(interlock.member.as_str()).is_some(),
                "interlock of {:?}",
                interlock.member
            );
            check("an interlock", interlock.bodies.iter().collect(), true)?;
        }
    }
    let load = s.governance_load();
    check(
        "the load's bodies",
        load.bodies.iter().map(|b| &b.body).collect(),
        true,
    )?;
    check("the load's unknown", load.unknown.iter().collect(), true)?;
    for member in &load.members {
        prop_assert!(s.member(member.member.as_str()).is_some());
        check("a member's unknown", member.unknown.iter().collect(), true)?;
    }
    let summary = s.summary();
    check(
        "the deepest chain",
        summary.deepest_chain.iter().collect(),
        false,
    )?;
    check(
        "the widest span",
        summary.widest_span.iter().map(|span| &span.id).collect(),
        false,
    )?;

    for options in [
        ReportOptions::new(),
        ReportOptions::new()
            .duplication(
                DuplicationOptions::new()
                    .threshold(0.0)
                    .include_related(true)
                    .include_gone(true),
            )
            .interlock_min_bodies(0)
            .closure_limit(0),
    ] {
        let report = Report::with_options(s, &options);
        for impact in report.closure_impacts() {
            check("the report's closure impact", vec![&impact.body], true)?;
            check(
                "the report's cut-off bodies",
                impact.cut_off.iter().collect(),
                true,
            )?;
        }
        for finding in report.findings() {
            prop_assert!(!finding.to_string().is_empty());
        }
        prop_assert!(!report.to_string().is_empty());
        let json = serde_json::to_string(&report);
        prop_assert!(json.is_ok(), "{}", json.unwrap_err());
        prop_assert!(serde_json::from_str::<serde_json::Value>(&json.unwrap()).is_ok());
    }
    Ok(())
}

fn check_orphans(s: Structure) -> Result<(), TestCaseError> {
    let parents = reference::parents(&s);
    let above = reference::above(&parents);
    let live = reference::live(&s, &parents);
    let expected: Vec<String> = s
        .bodies()
        .filter(|b| !reference::is_root(&s, b.id.as_str()) && !b.status.is_gone())
        .filter(|b| !parents[b.id.as_str()].iter().any(|p| live.contains(p)))
        .map(|b| b.id.to_string())
        .collect();
    let orphans = s.orphans();
    let found: Vec<String> = orphans.iter().map(|o| o.body.to_string()).collect();
    prop_assert_eq!(&found, &expected);
    for orphan in &orphans {
        let body = s.body(orphan.body.as_str()).unwrap();
        prop_assert!(
            !reference::is_root(&s, body.id.as_str()),
            "an apex is never an orphan"
        );
        prop_assert_eq!(orphan.status, body.status);
        let of = &parents[orphan.body.as_str()];
        match &orphan.case {
            OrphanCase::NoParent => prop_assert!(of.is_empty()),
            OrphanCase::InactiveParents { parents } => {
                let listed: reference::Ids = parents.iter().map(|p| p.to_string()).collect();
                prop_assert_eq!(&listed, of);
                prop_assert!(parents.is_sorted());
                for parent in parents {
                    prop_assert!(
                        s.body(parent.as_str())
                            .is_some_and(|b| !b.status.is_active())
                    );
                }
            }
            OrphanCase::CutOff { through } => {
                prop_assert!(
                    of.iter()
                        .any(|p| s.body(p).is_some_and(|b| b.status.is_active())),
                    "a cut-off orphan has an active parent"
                );
                prop_assert!(through.is_sorted());
                for at in through {
                    // A route breaks at a body that is not active, or
                    // at an active one accountable to no one, above the
                    // orphan.
                    prop_assert!(above[orphan.body.as_str()].contains(at.as_str()));
                    let breaks = s.body(at.as_str()).unwrap();
                    prop_assert!(
                        !breaks.status.is_active()
                            || (parents[at.as_str()].is_empty()
                                && !reference::is_root(&s, breaks.id.as_str())),
                        "{:?} breaks the routes of {:?}",
                        at,
                        orphan.body
                    );
                }
            }
            other => prop_assert!(false, "a new orphan case: {:?}", other),
        }
    }
    Ok(())
}

fn check_closure_impact(s: Structure) -> Result<(), TestCaseError> {
    let parents = reference::parents(&s);
    for id in reference::ids(&s) {
        let impact = s.closure_impact(&id).unwrap();
        let found: Vec<String> = impact.cut_off.iter().map(|c| c.to_string()).collect();
        prop_assert!(!found.contains(&id), "closing {:?} cuts off itself", id);
        // An entry standing for several bodies counts as that many.
        let weight: usize = found
            .iter()
            .map(|c| s.body(c).unwrap().count as usize)
            .sum();
        prop_assert_eq!(impact.total, weight);
        prop_assert_eq!(
            &found,
            &reference::cut_off(&s, &parents, &id),
            "closing {:?}",
            id
        );
    }
    Ok(())
}

fn check_report_closure_impacts(s: Structure, limit: usize) -> Result<(), TestCaseError> {
    // The report is of the structure in force.
    let s = s.in_force();
    let parents = reference::parents(&s);
    let mut expected: Vec<(usize, String)> = s
        .bodies()
        .filter(|b| !b.status.is_gone())
        .map(|b| {
            (
                reference::cut_off(&s, &parents, b.id.as_str())
                    .iter()
                    .map(|c| s.body(c).unwrap().count as usize)
                    .sum::<usize>(),
                b.id.to_string(),
            )
        })
        .filter(|(total, _)| *total > 0)
        .collect();
    expected.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    for limit in [limit, 100] {
        let report = Report::with_options(&s, &ReportOptions::new().closure_limit(limit));
        let found: Vec<(usize, String)> = report
            .closure_impacts()
            .iter()
            .map(|i| (i.total, i.body.to_string()))
            .collect();
        prop_assert_eq!(&found, &expected);
        for impact in report.closure_impacts() {
            let all = s.closure_impact(impact.body.as_str()).unwrap().cut_off;
            prop_assert_eq!(&impact.cut_off[..], &all[..all.len().min(limit)]);
        }
    }
    Ok(())
}

fn check_cycles(s: Structure) -> Result<(), TestCaseError> {
    let parents = reference::parents(&s);
    let above = reference::above(&parents);
    let mut expected: Vec<Vec<String>> = reference::ids(&s)
        .iter()
        .map(|id| reference::cycle_of(&above, id))
        .filter(|group| group.len() > 1)
        .map(|group| group.into_iter().collect())
        .collect();
    expected.sort();
    expected.dedup();
    let found: Vec<Vec<String>> = s
        .cycles()
        .iter()
        .map(|c| c.ids.iter().map(|id| id.to_string()).collect())
        .collect();
    prop_assert_eq!(&found, &expected);
    for cycle in &found {
        for id in cycle {
            prop_assert!(
                parents[id].iter().any(|p| cycle.contains(p)),
                "{:?} answers to no one else in its cycle",
                id
            );
        }
    }
    Ok(())
}

fn check_mutual_scrutiny(s: Structure) -> Result<(), TestCaseError> {
    let scrutinises: BTreeSet<(String, String)> = s
        .relations()
        .iter()
        .filter(|r| r.kind == RelationKind::Scrutinises)
        .map(|r| (r.from.to_string(), r.to.to_string()))
        .collect();
    let expected: Vec<[String; 2]> = scrutinises
        .iter()
        .filter(|(a, b)| a < b && scrutinises.contains(&(b.clone(), a.clone())))
        .map(|(a, b)| [a.clone(), b.clone()])
        .collect();
    let found: Vec<[String; 2]> = s
        .mutual_scrutiny()
        .iter()
        .map(|pair| pair.bodies.clone().map(|id| id.to_string()))
        .collect();
    prop_assert_eq!(found, expected);
    Ok(())
}

fn check_multiple_accountability(s: Structure) -> Result<(), TestCaseError> {
    let expected: Vec<(String, Vec<String>)> = reference::parents(&s)
        .into_iter()
        .filter(|(_, of)| of.len() > 1)
        .map(|(id, of)| (id, of.into_iter().collect()))
        .collect();
    let found: Vec<(String, Vec<String>)> = s
        .multiple_accountability()
        .iter()
        .map(|m| {
            (
                m.id.to_string(),
                m.parents.iter().map(|p| p.to_string()).collect(),
            )
        })
        .collect();
    prop_assert_eq!(found, expected);
    Ok(())
}

fn check_interlocks(s: Structure, min_bodies: usize) -> Result<(), TestCaseError> {
    let mut expected: Vec<(String, Vec<String>)> = reference::seats(&s)
        .into_iter()
        .map(|(member, bodies)| {
            let bodies = bodies
                .into_iter()
                .filter(|b| !s.body(b).unwrap().status.is_gone())
                .collect::<Vec<String>>();
            (member, bodies)
        })
        .filter(|(_, bodies)| bodies.len() >= min_bodies)
        .collect();
    expected.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(&b.0)));
    let found: Vec<(String, Vec<String>)> = s
        .interlocks(min_bodies)
        .iter()
        .map(|i| {
            (
                i.member.to_string(),
                i.bodies.iter().map(|b| b.to_string()).collect(),
            )
        })
        .collect();
    prop_assert_eq!(found, expected);
    Ok(())
}

/// The members and the organisations represented on each live body, by
/// the plain reading of each seat.
fn tables(s: &Structure) -> BTreeMap<String, (BTreeSet<String>, BTreeSet<String>)> {
    let mut out: BTreeMap<String, (BTreeSet<String>, BTreeSet<String>)> = BTreeMap::new();
    for seat in s.memberships() {
        let body = s.body(seat.body.as_str()).unwrap();
        if body.status.is_gone() {
            continue;
        }
        let entry = out.entry(body.id.to_string()).or_default();
        entry.0.insert(seat.member.to_string());
        if let Some(member) = s.member(seat.member.as_str()) {
            if member.kind == MemberKind::Organisation {
                entry.1.insert(member.id.to_string());
            }
            for organisation in member.organisations.iter() {
                if s.member(organisation.as_str()).is_some() {
                    entry.1.insert(organisation.to_string());
                }
            }
        }
        if let Some(on_behalf_of) = &seat.on_behalf_of
            && s.member(on_behalf_of.as_str()).is_some()
        {
            entry.1.insert(on_behalf_of.to_string());
        }
    }
    // Organisations on more than half of the bodies with organisations in
    // their part of the structure (joined by lines of accountability, in
    // either direction), when it has four or more, are usual there.
    let parents = reference::parents(s);
    let mut neighbours: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (child, of) in &parents {
        for parent in of {
            neighbours
                .entry(child.clone())
                .or_default()
                .insert(parent.clone());
            neighbours
                .entry(parent.clone())
                .or_default()
                .insert(child.clone());
        }
    }
    let part = |id: &str| -> BTreeSet<String> {
        let mut seen = BTreeSet::from([id.to_string()]);
        let mut todo = vec![id.to_string()];
        while let Some(next) = todo.pop() {
            for n in neighbours.get(&next).into_iter().flatten() {
                if seen.insert(n.clone()) {
                    todo.push(n.clone());
                }
            }
        }
        seen
    };
    let with_orgs: Vec<(String, BTreeSet<String>)> = out
        .iter()
        .filter(|(_, (_, orgs))| !orgs.is_empty())
        .map(|(b, (_, orgs))| (b.clone(), orgs.clone()))
        .collect();
    let mut usual: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (body, orgs) in &with_orgs {
        let here = part(body);
        let peers: Vec<&BTreeSet<String>> = with_orgs
            .iter()
            .filter(|(b, _)| here.contains(b))
            .map(|(_, o)| o)
            .collect();
        for org in orgs {
            let on = peers.iter().filter(|o| o.contains(org)).count();
            if peers.len() >= 4 && 2 * on > peers.len() {
                usual.entry(body.clone()).or_default().insert(org.clone());
            }
        }
    }
    for (body, (_, orgs)) in out.iter_mut() {
        if let Some(usual) = usual.get(body) {
            orgs.retain(|o| !usual.contains(o));
        }
    }
    out
}

fn check_overlaps(s: Structure, options: OverlapOptions) -> Result<(), TestCaseError> {
    let tables = tables(&s);
    let passes = |x: &BTreeSet<String>, y: &BTreeSet<String>| {
        let shared = x.intersection(y).count();
        let smaller = x.len().min(y.len());
        let either = x.union(y).count();
        shared >= options.min_shared_value()
            && shared > 0
            && (shared as f64 / smaller as f64 >= options.min_containment_value()
                || shared as f64 / either as f64 >= options.min_jaccard_value())
    };
    // Every pair, all against all.
    let mut expected: Vec<(String, String)> = Vec::new();
    for (a, (members_a, orgs_a)) in &tables {
        for (b, (members_b, orgs_b)) in
            tables.range::<String, _>((std::ops::Bound::Excluded(a), std::ops::Bound::Unbounded))
        {
            if passes(members_a, members_b) || passes(orgs_a, orgs_b) {
                expected.push((a.clone(), b.clone()));
            }
        }
    }
    let found = s.overlaps(&options);
    let mut pairs: Vec<(String, String)> = found
        .iter()
        .map(|o| (o.bodies[0].to_string(), o.bodies[1].to_string()))
        .collect();
    pairs.sort();
    prop_assert_eq!(pairs, expected);
    for o in &found {
        let (a, b) = (&tables[o.bodies[0].as_str()], &tables[o.bodies[1].as_str()]);
        for (shared, x, y) in [(&o.members, &a.0, &b.0), (&o.organisations, &a.1, &b.1)] {
            let both: Vec<String> = x.intersection(y).cloned().collect();
            let listed: Vec<String> = shared.shared.iter().map(|id| id.to_string()).collect();
            prop_assert_eq!(listed, both.clone());
            prop_assert_eq!(shared.sizes, [x.len(), y.len()]);
            let smaller = x.len().min(y.len());
            let containment = if smaller == 0 {
                0.0
            } else {
                both.len() as f64 / smaller as f64
            };
            prop_assert!((shared.containment - containment).abs() < 1e-4);
        }
    }
    // Most contained first.
    let best = |o: &govgraph::Overlap| o.members.containment.max(o.organisations.containment);
    prop_assert!(found.windows(2).all(|w| best(&w[0]) >= best(&w[1])));
    Ok(())
}

fn leads(role: Role) -> bool {
    matches!(role, Role::Chair | Role::ViceChair | Role::LeadOfficer)
}

fn check_cross_seats(s: Structure) -> Result<(), TestCaseError> {
    let live = |id: &str| !s.body(id).unwrap().status.is_gone();
    let mut expected: Vec<(String, Vec<String>, Vec<String>)> = Vec::new();
    // Every holder counts, a body represented on others too.
    for (member, on) in reference::seat_holders(&s) {
        let on: BTreeSet<String> = on.into_iter().filter(|b| live(b)).collect();
        let led: BTreeSet<String> = s
            .memberships()
            .iter()
            .filter(|m| m.member == member.as_str() && leads(m.role) && live(m.body.as_str()))
            .map(|m| m.body.to_string())
            .collect();
        if !led.is_empty() && on.len() >= 2 {
            let also = on.difference(&led).cloned().collect();
            expected.push((member, led.into_iter().collect(), also));
        }
    }
    expected.sort_by(|a, b| {
        (b.1.len() + b.2.len())
            .cmp(&(a.1.len() + a.2.len()))
            .then(a.0.cmp(&b.0))
    });
    let found: Vec<(String, Vec<String>, Vec<String>)> = s
        .cross_seats()
        .iter()
        .map(|c| {
            (
                c.member.to_string(),
                c.leads.iter().map(|l| l.body.to_string()).collect(),
                c.also_on.iter().map(|b| b.to_string()).collect(),
            )
        })
        .collect();
    prop_assert_eq!(found, expected);
    Ok(())
}

fn check_reciprocal_seats(s: Structure) -> Result<(), TestCaseError> {
    let live = |id: &str| s.body(id).is_some_and(|b| !b.status.is_gone());
    let seats = reference::seat_holders(&s);
    let parents = reference::parents(&s);
    // Chairs of `from` who sit on `to`, and whoever sits on `to` on behalf
    // of `from` (a chair sitting for their own board).
    let on = |from: &str, to: &str| -> Vec<String> {
        let mut members: Vec<String> = s
            .memberships()
            .iter()
            .filter(|m| m.body == from && m.role == Role::Chair && live(from))
            .map(|m| m.member.to_string())
            .filter(|m| seats.get(m).is_some_and(|on| on.contains(to)))
            .chain(
                s.memberships()
                    .iter()
                    .filter(|m| m.body == to && m.on_behalf_of.as_ref().is_some_and(|o| o == from))
                    .map(|m| m.member.to_string()),
            )
            .collect();
        members.sort();
        members.dedup();
        members
    };
    let bodies: Vec<String> = s
        .bodies()
        .map(|b| b.id.to_string())
        .filter(|b| live(b))
        .collect();
    let mut expected = Vec::new();
    for (i, a) in bodies.iter().enumerate() {
        for b in &bodies[i + 1..] {
            if parents[a].contains(b) || parents[b].contains(a) {
                continue;
            }
            let (there, back) = (on(a, b), on(b, a));
            if there.is_empty() || back.is_empty() {
                continue;
            }
            if there.len() == 1 && back.len() == 1 && there == back {
                continue;
            }
            expected.push((a.clone(), b.clone(), there, back));
        }
    }
    let found: Vec<(String, String, Vec<String>, Vec<String>)> = s
        .reciprocal_seats()
        .iter()
        .map(|r| {
            (
                r.bodies[0].to_string(),
                r.bodies[1].to_string(),
                r.first_on_second.iter().map(|m| m.to_string()).collect(),
                r.second_on_first.iter().map(|m| m.to_string()).collect(),
            )
        })
        .collect();
    prop_assert_eq!(found, expected);
    Ok(())
}

fn check_unsettled(s: Structure) -> Result<(), TestCaseError> {
    use govgraph::{Accountability, UnsettledReason};
    // Everything a relation, a seat between bodies or a succession names.
    let mut related: BTreeSet<String> = BTreeSet::new();
    for r in s.relations() {
        related.insert(r.from.to_string());
        related.insert(r.to.to_string());
    }
    for m in s.memberships() {
        let for_body = m
            .on_behalf_of
            .as_ref()
            .filter(|o| s.body(o.as_str()).is_some());
        if s.body(m.member.as_str()).is_some() || for_body.is_some() {
            related.insert(m.body.to_string());
            related.insert(m.member.to_string());
            if let Some(o) = for_body {
                related.insert(o.to_string());
            }
        }
    }
    for succession in s.successions() {
        related.extend(
            succession
                .from
                .iter()
                .chain(&succession.to)
                .map(|id| id.to_string()),
        );
    }
    let expected: Vec<(String, UnsettledReason)> = s
        .bodies()
        .filter(|b| !b.status.is_gone())
        .filter_map(|b| {
            let reason = match b.accountability {
                Some(Accountability::Unstated) => UnsettledReason::Unstated,
                Some(Accountability::Unsettled) => UnsettledReason::Unsettled,
                _ if b.apex && !related.is_empty() && !related.contains(b.id.as_str()) => {
                    UnsettledReason::NoRelations
                }
                _ => return None,
            };
            Some((b.id.to_string(), reason))
        })
        .collect();
    let found = s.unsettled();
    let got: Vec<(String, UnsettledReason)> = found
        .iter()
        .map(|u| (u.body.to_string(), u.reason))
        .collect();
    prop_assert_eq!(got, expected);
    for u in &found {
        let parents: Vec<&str> = s.accountable_parents(u.body.as_str()).collect();
        let assumed: Vec<&str> = u.assumed.iter().map(|a| a.as_str()).collect();
        prop_assert_eq!(assumed, parents);
    }
    Ok(())
}

fn check_intended(s: Structure) -> Result<(), TestCaseError> {
    use govgraph::IntendedChange;
    let intended = s.as_intended();
    // As intended, nothing is left to intend, and intending again changes
    // nothing; in force, nothing intended is left either.
    prop_assert!(!intended.has_intended());
    prop_assert_eq!(&intended.as_intended(), &intended);
    prop_assert!(!s.in_force().has_intended());
    // The changes list every intended relation and seat, once.
    let changes = s.intended_changes();
    let relations = changes
        .iter()
        .filter(|c| matches!(c, IntendedChange::Relation { .. }))
        .count();
    let mut written: Vec<(String, RelationKind, String)> = s
        .relations()
        .iter()
        .filter(|r| r.intended)
        .map(|r| (r.from.to_string(), r.kind, r.to.to_string()))
        .collect();
    written.dedup();
    prop_assert_eq!(relations, written.len());
    // Nothing is listed when nothing would change: no intended relation,
    // seat or succession, and every body keeps its status (an intended
    // status equal to the present one changes nothing).
    let nothing = s.relations().iter().all(|r| !r.intended)
        && s.memberships().iter().all(|m| !m.intended)
        && s.successions().iter().all(|x| !x.intended)
        && s.bodies().all(|b| {
            intended
                .body(b.id.as_str())
                .is_some_and(|i| i.status == b.status)
        });
    prop_assert_eq!(changes.is_empty(), nothing);
    // Every intended relation holds as intended.
    for (from, kind, to) in &written {
        let holds = intended.relations().iter().any(|r| {
            r.from == from.as_str() && r.kind == *kind && r.to == to.as_str() && !r.intended
        });
        prop_assert!(
            holds,
            "{} {:?} {} does not hold as intended",
            from,
            kind,
            to
        );
    }
    Ok(())
}

fn check_other_relations(s: Structure) -> Result<(), TestCaseError> {
    let mut expected: Vec<(RelationKind, String, String, bool)> = Vec::new();
    for &kind in RelationKind::ALL {
        if kind.is_accountability() {
            continue;
        }
        let of: BTreeSet<(String, String)> = s
            .relations()
            .iter()
            .filter(|r| r.kind == kind)
            .map(|r| (r.from.to_string(), r.to.to_string()))
            .collect();
        for (from, to) in &of {
            let mutual = from != to && of.contains(&(to.clone(), from.clone()));
            if !mutual || from < to {
                expected.push((kind, from.clone(), to.clone(), mutual));
            }
        }
    }
    let found: Vec<(RelationKind, String, String, bool)> = s
        .other_relations()
        .iter()
        .flat_map(|g| {
            g.relations
                .iter()
                .map(move |r| (g.kind, r.from.to_string(), r.to.to_string(), r.mutual))
        })
        .collect();
    prop_assert_eq!(found, expected);
    prop_assert!(s.other_relations().iter().all(|g| !g.relations.is_empty()));
    Ok(())
}

fn check_duplicates(s: Structure, threshold: f64) -> Result<(), TestCaseError> {
    let parents = reference::parents(&s);
    let seats = reference::seat_holders(&s);
    let sits_on = |member: &String, body: &str| seats[member].contains(body);
    let widest = s.duplicates(
        &DuplicationOptions::new()
            .threshold(threshold)
            .include_related(true)
            .include_gone(true),
    );
    for pair in &widest {
        let [a, b] = &pair.bodies;
        let (a, b) = (a.as_str(), b.as_str());
        prop_assert!(a < b, "a pair's bodies come sorted and distinct");
        prop_assert!(
            pair.score.is_finite() && pair.score >= threshold && pair.score <= 1.0,
            "score {}",
            pair.score
        );
        let c = pair.scores;
        for part in [c.themes, c.text, c.members, c.parents] {
            prop_assert!((0.0..=1.0).contains(&part), "component {}", part);
        }
        // The default weights, 0.4 for themes, 0.7 for text, 0.45 for
        // members and 0.05 for parents, each the most its component gives
        // alone, combined as independent evidence; members count half with
        // no theme or word in common. Both score and components are
        // rounded to four places.
        let members = if c.themes > 0.0 || c.text > 0.0 {
            c.members
        } else {
            c.members / 2.0
        };
        let combined = 1.0
            - (1.0 - 0.4 * c.themes)
                * (1.0 - 0.7 * c.text)
                * (1.0 - 0.45 * members)
                * (1.0 - 0.05 * c.parents);
        prop_assert!(
            (pair.score - combined).abs() < 1e-3,
            "score {} is not the combined evidence {}",
            pair.score,
            combined
        );
        // Siblings split by name: their shared parent and themes count for
        // nothing.
        if pair.split {
            prop_assert!(!pair.shared_parents.is_empty());
            prop_assert_eq!((c.themes, c.parents), (0.0, 0.0));
        }

        let themes: Vec<String> = reference::themes(&s, a)
            .intersection(&reference::themes(&s, b))
            .cloned()
            .collect();
        prop_assert_eq!(&pair.shared_themes, &themes);
        let members: Vec<&String> = seats
            .keys()
            .filter(|m| sits_on(m, a) && sits_on(m, b))
            .collect();
        prop_assert_eq!(
            pair.shared_members
                .iter()
                .map(|m| m.to_string())
                .collect::<Vec<_>>(),
            members.into_iter().cloned().collect::<Vec<_>>()
        );
        let shared: Vec<String> = parents[a].intersection(&parents[b]).cloned().collect();
        prop_assert_eq!(
            pair.shared_parents
                .iter()
                .map(|p| p.to_string())
                .collect::<Vec<_>>(),
            shared
        );
        let mut between: Vec<&Relation> = s
            .relations()
            .iter()
            .filter(|r| (r.from == a && r.to == b) || (r.from == b && r.to == a))
            .collect();
        between.sort();
        let mut listed: Vec<&Relation> = pair.relations.iter().collect();
        listed.sort();
        prop_assert_eq!(listed, between);
    }
    // Highest score first, ties by the pair's ids.
    prop_assert!(widest.windows(2).all(
        |w| w[0].score > w[1].score || (w[0].score == w[1].score && w[0].bodies <= w[1].bodies)
    ));

    // The defaults only leave pairs out: those joined by a line of
    // accountability or succession, and those of two bodies gone for good;
    // without successors, any pair with a body gone for good.
    let in_line = |pair: &Duplicate| {
        let [a, b] = &pair.bodies;
        s.relations().iter().any(|r| {
            ((r.from == *a && r.to == *b) || (r.from == *b && r.to == *a))
                && (r.kind.is_accountability()
                    || matches!(r.kind, RelationKind::MergedInto | RelationKind::ReplacedBy))
        })
    };
    let gone = |pair: &Duplicate| {
        pair.bodies
            .iter()
            .filter(|id| s.body(id.as_str()).unwrap().status.is_gone())
            .count()
    };
    let options = DuplicationOptions::new().threshold(threshold);
    for (include_related, include_gone, successors) in [
        (false, false, true),
        (true, false, true),
        (false, true, true),
        (false, false, false),
    ] {
        let expected: Vec<Duplicate> = widest
            .iter()
            .filter(|p| {
                let allowed_gone = match (include_gone, successors) {
                    (true, _) => 2,
                    (false, true) => 1,
                    (false, false) => 0,
                };
                (include_related || !in_line(p)) && gone(p) <= allowed_gone
            })
            .cloned()
            .collect();
        let found = s.duplicates(
            &options
                .clone()
                .include_related(include_related)
                .include_gone(include_gone)
                .include_successors(successors),
        );
        prop_assert_eq!(
            found,
            expected,
            "include_related {}, include_gone {}, successors {}",
            include_related,
            include_gone,
            successors
        );
    }
    // A limit keeps the highest scoring; a higher threshold keeps a
    // prefix too, since pairs come highest first.
    let all = s.duplicates(&options);
    let limited = s.duplicates(&options.clone().limit(2));
    prop_assert_eq!(&limited[..], &all[..all.len().min(2)]);
    let higher = s.duplicates(&options.clone().threshold(threshold + 0.2));
    let expected: Vec<Duplicate> = all
        .iter()
        .filter(|p| p.score >= threshold + 0.2)
        .cloned()
        .collect();
    prop_assert_eq!(higher, expected);
    Ok(())
}

fn check_governance_load(s: Structure) -> Result<(), TestCaseError> {
    let active = |id: &str| s.body(id).unwrap().status.is_active();
    let load = s.governance_load();
    let mut bodies: Vec<(String, f64)> = s
        .bodies()
        .filter(|b| b.status.is_active())
        .filter_map(|b| b.meets.map(|m| (b.id.to_string(), m.per_year())))
        .collect();
    bodies.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let found: Vec<(String, f64)> = load
        .bodies
        .iter()
        .map(|b| (b.body.to_string(), b.per_year))
        .collect();
    prop_assert_eq!(found, bodies);
    let unknown: Vec<String> = s
        .bodies()
        .filter(|b| b.status.is_active() && b.meets.is_none())
        .map(|b| b.id.to_string())
        .collect();
    prop_assert_eq!(
        load.unknown
            .iter()
            .map(|id| id.to_string())
            .collect::<Vec<_>>(),
        unknown
    );

    let members: Vec<(String, f64, usize, Vec<String>)> = reference::seats(&s)
        .into_iter()
        .map(|(member, on)| {
            let on: Vec<String> = on.into_iter().filter(|b| active(b)).collect();
            // Folded from 0.0: `sum` starts from -0.0, which sorts
            // below 0.0.
            let per_year = on
                .iter()
                .filter_map(|b| s.body(b).unwrap().meets)
                .fold(0.0, |total, m| total + m.per_year());
            let unknown = on
                .iter()
                .filter(|b| s.body(b).unwrap().meets.is_none())
                .cloned()
                .collect();
            (member, per_year, on.len(), unknown)
        })
        .filter(|m| m.2 > 0)
        .collect();
    // Members on no active body with a known pattern are counted, not
    // listed: nothing is known of their load.
    let (nothing_known, mut members): (Vec<_>, Vec<_>) =
        members.into_iter().partition(|m| m.3.len() == m.2);
    prop_assert_eq!(load.members_unknown, nothing_known.len());
    members.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let found: Vec<(String, f64, usize, Vec<String>)> = load
        .members
        .iter()
        .map(|m| {
            (
                m.member.to_string(),
                m.per_year,
                m.bodies,
                m.unknown.iter().map(|u| u.to_string()).collect(),
            )
        })
        .collect();
    prop_assert_eq!(found, members);
    Ok(())
}

fn check_summary(s: Structure) -> Result<(), TestCaseError> {
    let summary = s.summary();
    let counts = &summary.bodies;
    // An entry standing for several alike bodies counts as that many.
    let count = |b: &govgraph::Body| b.count as usize;
    prop_assert_eq!(counts.total, s.bodies().map(count).sum::<usize>());
    prop_assert_eq!(
        counts.active,
        s.bodies()
            .filter(|b| b.status.is_active())
            .map(count)
            .sum::<usize>()
    );
    prop_assert_eq!(counts.active + counts.not_active, counts.total);
    prop_assert_eq!(counts.by_status.values().sum::<usize>(), counts.total);
    prop_assert_eq!(counts.by_kind.values().sum::<usize>(), counts.total);
    prop_assert!(counts.by_status.values().all(|&n| n > 0));
    if s.bodies().any(|b| b.tier.is_some()) {
        prop_assert_eq!(
            summary.tiers.iter().map(|t| t.counts.total).sum::<usize>(),
            counts.total
        );
    } else {
        prop_assert!(summary.tiers.is_empty());
    }
    prop_assert_eq!(summary.members, s.members().count());
    prop_assert_eq!(summary.memberships, s.memberships().len());
    prop_assert_eq!(summary.relations, s.relations().len());

    // Depth and span count live structure only: lines to or from a body
    // gone for good are left out (each cycle of the whole graph is still
    // one level).
    let all_parents = reference::parents(&s);
    let above = reference::above(&all_parents);
    let gone = |id: &str| s.body(id).is_some_and(|b| b.status.is_gone());
    let parents: reference::ByIds = all_parents
        .iter()
        .map(|(child, of)| {
            let of: reference::Ids = if gone(child) {
                reference::Ids::new()
            } else {
                of.iter().filter(|p| !gone(p)).cloned().collect()
            };
            (child.clone(), of)
        })
        .collect();
    match reference::depth(&s, &parents, &above) {
        None => {
            prop_assert!(summary.deepest_chain.is_empty());
            prop_assert_eq!(summary.depth, 0);
        }
        Some(depth) => {
            prop_assert_eq!(summary.depth, depth);
            let chain: Vec<String> = summary
                .deepest_chain
                .iter()
                .map(|id| id.to_string())
                .collect();
            prop_assert_eq!(chain.len(), depth + 1);
            prop_assert!(
                reference::is_root(&s, &chain[0])
                    && s.body(&chain[0]).is_some_and(|b| !b.status.is_gone()),
                "the chain starts at a live apex"
            );
            for step in chain.windows(2) {
                // Each id answers to the one before or to another in
                // its cycle, and each level is a new cycle or body.
                let level = reference::cycle_of(&above, &step[0]);
                prop_assert!(!level.contains(&step[1]));
                prop_assert!(
                    parents[&step[1]].iter().any(|p| level.contains(p)),
                    "{:?} does not answer to the level of {:?}",
                    step[1],
                    step[0]
                );
            }
        }
    }

    let children = reference::children(&parents);
    let widest = children.values().map(|c| c.len()).max().unwrap_or(0);
    match &summary.widest_span {
        None => prop_assert_eq!(widest, 0),
        Some(span) => {
            prop_assert_eq!(span.children, widest);
            let first = children.iter().find(|(_, c)| c.len() == widest).unwrap().0;
            prop_assert_eq!(span.id.as_str(), first.as_str());
        }
    }
    Ok(())
}

fn check_report(s: Structure) -> Result<(), TestCaseError> {
    let report = s.report();
    let original = s.clone();
    // The report is of the structure in force.
    let s = s.in_force();
    prop_assert_eq!(report.summary(), &s.summary());
    prop_assert_eq!(report.orphans(), &s.orphans()[..]);
    prop_assert_eq!(
        report.duplicates(),
        &s.duplicates(&DuplicationOptions::new())[..]
    );
    prop_assert_eq!(report.cycles(), &s.cycles()[..]);
    prop_assert_eq!(report.mutual_scrutiny(), &s.mutual_scrutiny()[..]);
    prop_assert_eq!(
        report.multiple_accountability(),
        &s.multiple_accountability()[..]
    );
    prop_assert_eq!(report.interlocks(), &s.interlocks(3)[..]);
    prop_assert_eq!(report.overlaps(), &s.overlaps(&OverlapOptions::new())[..]);
    prop_assert_eq!(report.cross_seats(), &s.cross_seats()[..]);
    prop_assert_eq!(report.reciprocal_seats(), &s.reciprocal_seats()[..]);
    prop_assert_eq!(report.other_relations(), &s.other_relations()[..]);
    prop_assert_eq!(report.load(), &s.governance_load());

    // Every finding in its kind's place, each on a line of the text.
    let findings: Vec<Finding<'_>> = report.findings().collect();
    let lists = [
        report.orphans().len(),
        report.unsettled().len(),
        report.duplicates().len(),
        report.overlaps().len(),
        report.cycles().len(),
        report.mutual_scrutiny().len(),
        report.multiple_accountability().len(),
        report.interlocks().len(),
        report.cross_seats().len(),
        report.reciprocal_seats().len(),
        report.load().unknown.len(),
    ];
    prop_assert_eq!(findings.len(), lists.iter().sum::<usize>());
    let kinds: Vec<FindingKind> = findings.iter().map(|f| f.kind()).collect();
    let mut expected = Vec::new();
    for (kind, n) in FindingKind::ALL.iter().zip(lists) {
        expected.extend(std::iter::repeat_n(*kind, n));
    }
    prop_assert_eq!(kinds, expected);
    let text = report.to_string();
    for finding in findings
        .iter()
        .filter(|f| f.kind() != FindingKind::UnknownMeetings)
    {
        let line = format!("\n  {finding}\n");
        prop_assert!(text.contains(&line), "the text lacks {:?}:\n{}", line, text);
    }
    match report.ensure_none(FindingKind::ALL) {
        Ok(()) => prop_assert!(findings.is_empty()),
        Err(e) => prop_assert_eq!(e.findings().len(), findings.len()),
    }

    // JSON holds every list, and the same structure, saved and loaded
    // again, gives the same text and JSON.
    let json = serde_json::to_value(&report).unwrap();
    for (key, n) in [
        ("orphans", report.orphans().len()),
        ("closure_impacts", report.closure_impacts().len()),
        ("duplicates", report.duplicates().len()),
        ("cycles", report.cycles().len()),
        ("mutual_scrutiny", report.mutual_scrutiny().len()),
        (
            "multiple_accountability",
            report.multiple_accountability().len(),
        ),
        ("interlocks", report.interlocks().len()),
        ("overlaps", report.overlaps().len()),
        ("cross_seats", report.cross_seats().len()),
        ("reciprocal_seats", report.reciprocal_seats().len()),
        ("other_relations", report.other_relations().len()),
    ] {
        prop_assert_eq!(json[key].as_array().map(Vec::len), Some(n), "{}", key);
    }
    // Saved and loaded, the structure gives the same report.
    {
        let again = Structure::from_toml_str(&original.to_toml_string().unwrap())
            .unwrap()
            .report();
        prop_assert_eq!(again.to_string(), text);
        prop_assert_eq!(serde_json::to_value(&again).unwrap(), json);
    }
    Ok(())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn every_analysis_runs_and_names_only_bodies_and_members_that_exist(
        s in strategies::analysed(),
    ) {
        run_every_analysis(&s)?;
    }

    #[test]
    fn orphans_are_the_bodies_with_no_live_route(s in strategies::analysed()) {
        check_orphans(s)?;
    }

    #[test]
    fn closure_impact_lists_the_bodies_whose_every_route_passes_through(
        s in strategies::analysed(),
    ) {
        check_closure_impact(s)?;
    }

    #[test]
    fn the_report_lists_every_body_whose_closure_cuts_something_off(
        s in strategies::analysed(),
        limit in 0..4usize,
    ) {
        check_report_closure_impacts(s, limit)?;
    }

    #[test]
    fn cycles_are_the_groups_accountable_to_each_other(s in strategies::analysed()) {
        check_cycles(s)?;
    }

    #[test]
    fn mutual_scrutiny_is_every_pair_that_scrutinise_each_other(s in strategies::analysed()) {
        check_mutual_scrutiny(s)?;
    }

    #[test]
    fn multiple_accountability_is_every_id_with_two_parents_or_more(s in strategies::analysed()) {
        check_multiple_accountability(s)?;
    }

    #[test]
    fn interlocks_are_the_members_on_enough_bodies_that_have_not_gone(
        s in strategies::analysed(),
        min_bodies in 1..5usize,
    ) {
        check_interlocks(s, min_bodies)?;
    }

    #[test]
    fn duplicates_are_scored_pairs_with_true_evidence(
        s in strategies::alike_structure(),
        threshold in prop_oneof![Just(0.0), Just(0.3), 0.0..1.0f64],
    ) {
        check_duplicates(s, threshold)?;
    }

    #[test]
    fn overlaps_are_every_pair_with_enough_in_common(
        s in strategies::analysed(),
        min_shared in 1..4usize,
        containment in prop_oneof![Just(0.6), 0.0..=1.0f64],
        jaccard in prop_oneof![Just(0.5), 0.0..=1.0f64],
    ) {
        check_overlaps(
            s,
            OverlapOptions::new().min_shared(min_shared).min_containment(containment).min_jaccard(jaccard),
        )?;
    }

    #[test]
    fn cross_seats_are_the_leaders_who_sit_on_another_live_body(s in strategies::analysed()) {
        check_cross_seats(s)?;
    }

    #[test]
    fn reciprocal_seats_are_the_peer_bodies_whose_chairs_sit_on_each_other(s in strategies::analysed()) {
        check_reciprocal_seats(s)?;
    }

    #[test]
    fn unsettled_are_the_marked_bodies_and_the_unrelated_apexes(s in strategies::analysed()) {
        check_unsettled(s)?;
    }

    #[test]
    fn intended_changes_are_what_the_structure_as_intended_makes(s in strategies::analysed()) {
        check_intended(s)?;
    }

    #[test]
    fn other_relations_are_every_relation_that_is_not_accountability(s in strategies::analysed()) {
        check_other_relations(s)?;
    }

    #[test]
    fn governance_load_counts_the_meetings_of_active_bodies(s in strategies::analysed()) {
        check_governance_load(s)?;
    }

    #[test]
    fn the_summary_counts_everything_and_finds_the_deepest_chain(s in strategies::analysed()) {
        check_summary(s)?;
    }

    #[test]
    fn the_report_gathers_every_analysis_and_shows_every_finding(s in strategies::analysed()) {
        check_report(s)?;
    }
}

// DOT export: whatever the structure and the drawing options, with or
// without a report's findings over it, the DOT parses back, every drawn
// body and member is exactly one node whose label reads back as its name,
// and every drawn relation and duplicate is one edge.

/// What the DOT of a drawing holds, as graphviz-rust parses it back.
#[derive(Default)]
struct ParsedDot {
    /// Every node statement, subgraphs included: key and attributes.
    nodes: Vec<(String, Vec<(String, String)>)>,
    /// Every edge statement: tail and head keys.
    edges: Vec<(String, String)>,
    /// The graph's own attributes.
    graph: Vec<(String, String)>,
    /// The label of each cluster of bodies (the legend's left out).
    clusters: Vec<String>,
}

fn dot_id(id: &graphviz_rust::dot_structures::Id) -> String {
    use graphviz_rust::dot_structures::Id;
    match id {
        Id::Html(s) | Id::Escaped(s) | Id::Plain(s) | Id::Anonymous(s) => s.clone(),
    }
}

fn dot_attributes(
    attributes: &[graphviz_rust::dot_structures::Attribute],
) -> Vec<(String, String)> {
    attributes
        .iter()
        .map(|a| (dot_id(&a.0), dot_id(&a.1)))
        .collect()
}

impl ParsedDot {
    fn parse(dot: &str) -> Result<ParsedDot, TestCaseError> {
        use graphviz_rust::dot_structures::{Graph, GraphAttributes, Stmt};
        let graph = graphviz_rust::parse(dot);
        prop_assert!(
            graph.is_ok(),
            "the DOT does not parse: {}\n{}",
            graph.unwrap_err(),
            dot
        );
        let Ok(Graph::DiGraph { stmts, .. }) = graph else {
            return Err(TestCaseError::fail(format!("not a digraph:\n{dot}")));
        };
        let mut parsed = ParsedDot::default();
        for stmt in &stmts {
            if let Stmt::GAttribute(GraphAttributes::Graph(attributes)) = stmt {
                parsed.graph.extend(dot_attributes(attributes));
            }
        }
        parsed.walk(&stmts)?;
        Ok(parsed)
    }

    fn walk(&mut self, stmts: &[graphviz_rust::dot_structures::Stmt]) -> Result<(), TestCaseError> {
        use graphviz_rust::dot_structures::{EdgeTy, GraphAttributes, Stmt, Vertex};
        for stmt in stmts {
            match stmt {
                Stmt::Node(node) => self
                    .nodes
                    .push((dot_id(&node.id.0), dot_attributes(&node.attributes))),
                Stmt::Edge(edge) => match &edge.ty {
                    EdgeTy::Pair(Vertex::N(tail), Vertex::N(head)) => {
                        self.edges.push((dot_id(&tail.0), dot_id(&head.0)));
                    }
                    other => prop_assert!(false, "an edge govgraph never writes: {:?}", other),
                },
                Stmt::Subgraph(subgraph) => {
                    let name = dot_id(&subgraph.id);
                    if name.starts_with("cluster_") {
                        for inner in &subgraph.stmts {
                            if let Stmt::GAttribute(GraphAttributes::Graph(attributes)) = inner {
                                let label = dot_attributes(attributes)
                                    .into_iter()
                                    .find(|(k, _)| k == "label");
                                if let Some((_, label)) = label {
                                    self.clusters.push(unquote(&label)?);
                                }
                            }
                        }
                    }
                    self.walk(&subgraph.stmts)?;
                }
                _ => {}
            }
        }
        Ok(())
    }
}

/// Reads a quoted DOT string back as Graphviz shows it: `\\` is a
/// backslash, `\"` a quote, `\n` a line break, and `&amp;` an ampersand
/// (Graphviz decodes entities). Any other escape is an error: a name must
/// never write one.
fn unquote(quoted: &str) -> Result<String, TestCaseError> {
    let inner = quoted.strip_prefix('"').and_then(|s| s.strip_suffix('"'));
    prop_assert!(inner.is_some(), "not quoted: {}", quoted);
    let mut out = String::new();
    let mut chars = inner.unwrap().chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('\\') => out.push('\\'),
                Some('"') => out.push('"'),
                Some('n') => out.push('\n'),
                other => prop_assert!(false, "unexpected escape \\{:?} in {}", other, quoted),
            }
        } else {
            prop_assert!(c != '"', "an unescaped quote in {}", quoted);
            out.push(c);
        }
    }
    Ok(out.replace("&amp;", "&"))
}

/// Text as a drawing shows it: `\r` dropped and other control characters
/// but the line break made spaces, as XML cannot hold them.
fn cleaned(text: &str) -> String {
    text.chars()
        .filter(|&c| c != '\r')
        .map(|c| if c != '\n' && c.is_control() { ' ' } else { c })
        .collect()
}

/// A name as its label shows it, unwrapped: cleaned, without the line
/// breaks that would only end it in empty lines.
fn as_label(name: &str) -> String {
    let text = cleaned(name);
    text.trim_end_matches('\n').to_string()
}

/// The node key the DOT export documents for an id: `n_` and the id with
/// every character outside `A-Z a-z 0-9 _` replaced by `_`.
fn key_base(id: &str) -> String {
    let safe: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!("n_{safe}")
}

/// Drawing options: every relation kind or some, gone bodies shown or not,
/// either direction, with a legend or not, names wrapped or not.
fn draw_options() -> impl Strategy<Value = (BTreeSet<RelationKind>, bool, RankDir, bool, usize)> {
    (
        prop_oneof![
            Just(RelationKind::ALL.iter().copied().collect::<BTreeSet<_>>()),
            proptest::collection::btree_set(proptest::sample::select(RelationKind::ALL), 0..4),
        ],
        any::<bool>(),
        prop_oneof![Just(RankDir::TopToBottom), Just(RankDir::LeftToRight)],
        any::<bool>(),
        prop_oneof![Just(0usize), Just(22), 1..40usize],
    )
}

/// Draws `s` and checks what the DOT holds against what it should draw.
fn check_dot(
    s: &Structure,
    (kinds, show_gone, rankdir, legend, wrap): (BTreeSet<RelationKind>, bool, RankDir, bool, usize),
    findings: bool,
) -> Result<(), TestCaseError> {
    let report = s.report();
    let overlay = if findings {
        Overlay::from(&report)
    } else {
        Overlay::new()
    };
    let options = DrawOptions::new()
        .relations(kinds.iter().copied())
        .show_gone(show_gone)
        .rankdir(rankdir)
        .legend(legend)
        .wrap(wrap)
        .overlay(overlay);
    let dot = s.to_dot(&options);
    let parsed = ParsedDot::parse(&dot)?;

    // What should be drawn: bodies (those gone only if shown), the
    // relations of the chosen kinds between drawn bodies and members, and
    // the members those relations touch.
    let drawn_body = |id: &Id| {
        s.body(id.as_str())
            .is_some_and(|b| show_gone || !b.status.is_gone())
    };
    let relations: Vec<&Relation> = s
        .relations()
        .iter()
        .filter(|r| kinds.contains(&r.kind))
        .filter(|r| {
            [&r.from, &r.to]
                .iter()
                .all(|id| drawn_body(id) || s.member(id.as_str()).is_some())
        })
        .collect();
    let mut drawn: BTreeSet<&Id> = s
        .bodies()
        .map(|b| &b.id)
        .filter(|id| drawn_body(id))
        .collect();
    drawn.extend(relations.iter().flat_map(|r| [&r.from, &r.to]));
    // The overlay a report gives: an orphan with nowhere its line breaks
    // is marked; one cut off by inactive bodies shows at each of them, as
    // the number of drawn bodies cut off there; the five best duplicates
    // are numbered among those whose bodies are both drawn.
    let mut unbroken: BTreeSet<&Id> = BTreeSet::new();
    let mut breaks: BTreeMap<&Id, BTreeSet<&Id>> = BTreeMap::new();
    for orphan in report.orphans() {
        let at: &[Id] = match &orphan.case {
            govgraph::OrphanCase::InactiveParents { parents } => parents,
            govgraph::OrphanCase::CutOff { through } => through,
            _ => &[],
        };
        if at.is_empty() {
            unbroken.insert(&orphan.body);
        }
        for at in at {
            breaks.entry(at).or_default().insert(&orphan.body);
        }
    }
    let mut numbers: BTreeMap<&Id, Vec<usize>> = BTreeMap::new();
    let mut numbered = 0;
    for duplicate in report.duplicates().iter().take(5) {
        let [a, b] = &duplicate.bodies;
        if a != b && drawn.contains(a) && drawn.contains(b) {
            numbered += 1;
            numbers.entry(a).or_default().push(numbered);
            numbers.entry(b).or_default().push(numbered);
        }
    }
    let label_of = |id: &Id| {
        let mut label = match s.entity(id.as_str()).unwrap() {
            govgraph::Entity::Body(b) if b.count > 1 => {
                as_label(&format!("{} ×{}", b.name, b.count))
            }
            entity => as_label(entity.name()),
        };
        if let Some(b) = s.body(id.as_str())
            && b.status.is_provisional()
        {
            label.push_str(&format!("\n({})", b.status.as_str().replace('-', " ")));
        }
        if findings && unbroken.contains(id) {
            label.push_str("\n(orphan)");
        }
        if findings && let Some(cut) = breaks.get(id) {
            let cut = cut.iter().filter(|c| drawn.contains(*c)).count();
            label.push_str(&format!("\n({cut} cut off here)"));
        }
        if findings && let Some(numbers) = numbers.get(id) {
            let numbers: Vec<String> = numbers.iter().map(|n| format!("D{n}")).collect();
            label.push_str(&format!("\n[{}]", numbers.join(", ")));
        }
        label
    };

    // Unwrapped, a label is compared as it is. Wrapping turns the space
    // where a line breaks into a line break, and an empty last line is
    // dropped, taking a trailing space with it (which no one could see):
    // so wrapped labels are compared word by word.
    let flat = |label: &str| {
        if wrap == 0 {
            label.to_string()
        } else {
            let words: Vec<&str> = label.split([' ', '\n']).filter(|w| !w.is_empty()).collect();
            words.join(" ")
        }
    };

    // Drawn nodes have keys starting `n_`, the legend's `key_`.
    let nodes: Vec<&(String, Vec<(String, String)>)> = parsed
        .nodes
        .iter()
        .filter(|(key, _)| key.starts_with("n_"))
        .collect();
    prop_assert!(
        parsed
            .nodes
            .iter()
            .all(|(key, _)| key.starts_with("n_") || key.starts_with("key_"))
    );
    let keys: BTreeSet<&String> = nodes.iter().map(|(key, _)| key).collect();
    prop_assert_eq!(
        keys.len(),
        nodes.len(),
        "a node is declared twice:\n{}",
        dot
    );
    prop_assert_eq!(
        nodes.len(),
        drawn.len(),
        "nodes and drawn ids differ:\n{}",
        dot
    );

    let mut labels = Vec::new();
    for (key, attributes) in &nodes {
        prop_assert!(
            key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'),
            "unsafe key {:?}",
            key
        );
        for (name, _) in attributes {
            prop_assert!(
                [
                    "label",
                    "shape",
                    "style",
                    "color",
                    "fillcolor",
                    "fontcolor",
                    "penwidth"
                ]
                .contains(&name.as_str()),
                "node {} has an attribute govgraph never writes: {}",
                key,
                name
            );
        }
        let label = attributes.iter().find(|(name, _)| name == "label");
        prop_assert!(label.is_some(), "node {} has no label", key);
        let label = unquote(&label.unwrap().1)?;
        // The key is made from the id of a drawn body or member with this
        // label, with a number after it if ids came out alike.
        prop_assert!(
            drawn.iter().any(|id| {
                let base = key_base(id.as_str());
                let suffix = key.strip_prefix(base.as_str());
                suffix.is_some_and(|rest| {
                    rest.is_empty()
                        || rest
                            .strip_prefix('_')
                            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
                }) && flat(&label_of(id)) == flat(&label)
            }),
            "node {} labelled {:?} is no drawn id's",
            key,
            label
        );
        if wrap > 0 {
            for line in label.split('\n') {
                prop_assert!(
                    line.chars().count() <= wrap
                        || line.split(' ').filter(|w| !w.is_empty()).count() <= 1,
                    "the line {:?} of {:?} is longer than {} with more than one word",
                    line,
                    label,
                    wrap
                );
            }
        }
        labels.push(label);
    }
    // Unwrapped, each label is exactly its name; wrapped, the same words
    // in the same order.
    let mut expected: Vec<String> = drawn.iter().map(|id| flat(&label_of(id))).collect();
    expected.sort();
    let mut found: Vec<String> = labels.iter().map(|label| flat(label)).collect();
    found.sort();
    prop_assert_eq!(found, expected);

    // One edge per drawn relation, between drawn nodes: duplicates are
    // numbered marks, not lines.
    let edges: Vec<&(String, String)> = parsed
        .edges
        .iter()
        .filter(|(tail, _)| tail.starts_with("n_"))
        .collect();
    prop_assert_eq!(edges.len(), relations.len(), "edges:\n{}", dot);
    for (tail, head) in &edges {
        prop_assert!(
            keys.contains(tail) && keys.contains(head),
            "an edge to an undeclared node: {} -> {}",
            tail,
            head
        );
    }
    prop_assert!(
        parsed
            .edges
            .iter()
            .all(|(tail, head)| tail.starts_with("key_") == head.starts_with("key_"))
    );

    // The title is the structure's name; each tier of drawn bodies is one
    // cluster.
    let title = parsed.graph.iter().find(|(name, _)| name == "label");
    match &s.meta().name {
        Some(name) => {
            prop_assert!(title.is_some(), "no title");
            prop_assert_eq!(unquote(&title.unwrap().1)?, cleaned(name));
        }
        None => prop_assert!(title.is_none()),
    }
    let tiers: BTreeSet<&str> = drawn
        .iter()
        .filter_map(|id| s.body(id.as_str())?.tier.as_deref())
        .collect();
    let mut expected: Vec<String> = tiers.into_iter().map(cleaned).collect();
    expected.sort();
    let mut clusters = parsed.clusters.clone();
    clusters.sort();
    prop_assert_eq!(clusters, expected);
    prop_assert_eq!(
        parsed.nodes.iter().any(|(key, _)| key.starts_with("key_")),
        legend && !drawn.is_empty()
    );
    Ok(())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn dot_parses_back_with_one_node_per_body_labelled_with_its_name(
        s in strategies::analysed(),
        options in draw_options(),
    ) {
        check_dot(&s, options, false)?;
    }

    #[test]
    fn dot_with_a_reports_findings_parses_back_with_every_node_and_edge(
        s in strategies::analysed(),
        options in draw_options(),
    ) {
        check_dot(&s, options, true)?;
    }
}
