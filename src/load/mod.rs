//! Reading and writing structure files, and resolving the raw file types
//! into a validated [`Structure`], collecting every [`Problem`] on the way.

mod chunks;
mod limits;
mod raw;
mod stream;

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

use crate::FastMap;
use crate::error::{Error, Location, Problem, ProblemKind};
use crate::model::{
    Accountability, Body, BodyKind, Date, Id, MeetingPattern, Member, MemberKind, Membership, Meta,
    Relation, RelationKind, Role, Status, Structure, Succession, UnknownWord,
};
use crate::write::WriteError;

use chunks::Bases;
use raw::Spans;
pub(crate) use raw::{
    Carrier, OneOrMany, Plain, RawBody, RawFile, RawMember, RawMeta, RawSeat, RawSuccession,
    RawTarget, Relations, SeatMore, Text,
};

/// The formats a structure file can be written in.
///
/// # Examples
///
/// ```
/// use govgraph::Format;
///
/// assert_eq!(Format::from_path("trust.json".as_ref()), Some(Format::Json));
/// assert_eq!(Format::from_path("trust.toml".as_ref()), Some(Format::Toml));
/// assert_eq!(Format::from_path("trust.txt".as_ref()), None);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Format {
    /// TOML, the format for writing structures by hand.
    Toml,
    /// JSON, the same shape as TOML.
    Json,
}

impl Format {
    /// The format a file's extension names (`.toml` or `.json`, any case).
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(govgraph::Format::from_path("A.TOML".as_ref()), Some(govgraph::Format::Toml));
    /// ```
    pub fn from_path(path: &Path) -> Option<Format> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "toml" => Some(Format::Toml),
            "json" => Some(Format::Json),
            _ => None,
        }
    }
}

impl Structure {
    /// Parses and validates a structure written in TOML.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Syntax`](crate::ErrorKind::Syntax) if the text is not
    /// TOML or a key holds the wrong sort of value (with line and column);
    /// [`ErrorKind::Invalid`](crate::ErrorKind::Invalid) with every problem
    /// found if the structure it describes is invalid.
    ///
    /// # Examples
    ///
    /// ```
    /// let s = govgraph::Structure::from_toml_str(r#"
    ///     [[body]]
    ///     id = "lscb"
    ///     name = "Local Safeguarding Children Board"
    ///     kind = "board"
    ///     statutory = true
    ///     apex = true
    /// "#)?;
    /// assert!(s.body("lscb").unwrap().statutory);
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn from_toml_str(text: &str) -> Result<Structure, Error> {
        toml_structure(text, chunks::WHOLE_BELOW)
    }

    /// Parses and validates a structure written in JSON, in the same shape
    /// as the TOML format (`{"body": [{"id": ...}], "member": [...]}`).
    ///
    /// # Errors
    ///
    /// As [`Structure::from_toml_str`]; JSON syntax errors carry a line,
    /// column and key path, but problems found after parsing carry only the
    /// key path, since JSON values have no recorded position.
    ///
    /// # Examples
    ///
    /// ```
    /// let s = govgraph::Structure::from_json_str(
    ///     r#"{"body": [{"id": "board", "name": "Board", "kind": "board", "apex": true}]}"#,
    /// )?;
    /// assert_eq!(s.bodies().count(), 1);
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn from_json_str(text: &str) -> Result<Structure, Error> {
        // Editors on Windows start UTF-8 files with a byte order mark; the
        // TOML parser skips it, and RFC 8259 lets a JSON parser do the same.
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        // serde reads a struct from an array too; a structure file is an
        // object, and an array at the top is a mistake worth naming.
        let start = text.len() - text.trim_start().len();
        if text[start..].starts_with('[') {
            return Err(syntax_at(
                text,
                start,
                "a structure file is a JSON object like {\"body\": [...]}, not an array",
            ));
        }
        // Each entry is resolved as it is read (see `stream`). Tracking key
        // paths makes parsing a large file a third slower, so the path is
        // found only when there is an error to name it in.
        let mut resolver = Resolver::new(Source::File);
        let mut successions = stream::json(text, &mut resolver).map_err(|error| {
            let mut deserializer = serde_json::Deserializer::from_str(text);
            let tracked: Result<RawFile<Plain>, _> =
                serde_path_to_error::deserialize(&mut deserializer);
            let key = tracked.err().map(|e| e.path().to_string());
            let key = key.filter(|k| k != ".").unwrap_or_default();
            json_syntax(text, &error, key)
        })?;
        if resolver.again() {
            // The same text again, which parsed the first time.
            successions = stream::json(text, &mut resolver)
                .map_err(|error| json_syntax(text, &error, String::new()))?;
        }
        resolver.finish::<Plain>(successions, None)
    }

    /// Reads, parses and validates a structure file, in the format its
    /// extension names (`.toml` or `.json`). Every location in an error names
    /// the file.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Io`](crate::ErrorKind::Io) if the file cannot be read;
    /// [`ErrorKind::UnknownFormat`](crate::ErrorKind::UnknownFormat) if its
    /// extension is neither `.toml` nor `.json`;
    /// [`ErrorKind::NotUtf8`](crate::ErrorKind::NotUtf8), at the line and
    /// column of the first bad byte, if it is not UTF-8 text; otherwise as
    /// [`Structure::from_toml_str`].
    ///
    /// # Examples
    ///
    /// ```
    /// let err = govgraph::Structure::from_path("no/such/file.toml").unwrap_err();
    /// assert!(err.to_string().starts_with("no/such/file.toml: "));
    /// ```
    pub fn from_path(path: impl AsRef<Path>) -> Result<Structure, Error> {
        let path = path.as_ref();
        let format = Format::from_path(path).ok_or_else(|| Error::unknown_format(path))?;
        let text = read_text(path)?;
        Structure::from_str_in(&text, format).map_err(|e| e.in_file(path))
    }

    /// Parses and validates a structure in the given format.
    ///
    /// # Errors
    ///
    /// As [`Structure::from_toml_str`].
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{Format, Structure};
    ///
    /// let s = Structure::from_str_in(r#"{"body": [{"id": "b", "name": "Board", "kind": "board"}]}"#, Format::Json)?;
    /// assert_eq!(s.bodies().count(), 1);
    /// // A file that declares no bodies is the wrong file.
    /// assert!(Structure::from_str_in("{}", Format::Json).is_err());
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn from_str_in(text: &str, format: Format) -> Result<Structure, Error> {
        match format {
            Format::Toml => Structure::from_toml_str(text),
            Format::Json => Structure::from_json_str(text),
        }
    }

    /// Writes the structure as a TOML structure file. Loading the result
    /// gives back an equal structure.
    ///
    /// # Errors
    ///
    /// [`WriteError`] if the TOML writer fails, which a validated structure
    /// does not make it do.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, Structure};
    ///
    /// let s = Structure::builder()
    ///     .body(BodySpec::new("board", "Children's Trust Board", BodyKind::Board).apex())
    ///     .build()?;
    /// let text = s.to_toml_string()?;
    /// assert_eq!(Structure::from_toml_str(&text)?, s);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn to_toml_string(&self) -> Result<String, WriteError> {
        toml::to_string_pretty(&unresolve(self, Text::borrowed))
            .map_err(|e| WriteError::new("TOML", e))
    }

    /// Writes the structure as a JSON structure file. Loading the result
    /// gives back an equal structure.
    ///
    /// # Errors
    ///
    /// [`WriteError`] if the JSON writer fails, which a validated structure
    /// does not make it do.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, Structure};
    ///
    /// let s = Structure::builder()
    ///     .body(BodySpec::new("board", "Board", BodyKind::Board).apex())
    ///     .build()?;
    /// assert_eq!(Structure::from_json_str(&s.to_json_string()?)?, s);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn to_json_string(&self) -> Result<String, WriteError> {
        serde_json::to_string_pretty(&unresolve(self, Text::borrowed))
            .map_err(|e| WriteError::new("JSON", e))
    }
}

/// Reads a file's text, refusing a file that is not UTF-8 with where its
/// first bad byte is, rather than the standard library's bare "stream did
/// not contain valid UTF-8".
pub(crate) fn read_text(path: &Path) -> Result<String, Error> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        // The bytes before the first bad one are UTF-8, by definition.
        let before = std::str::from_utf8(&e.as_bytes()[..offset]).unwrap_or_default();
        let (line, column) = line_column(before, offset);
        Error::not_utf8(
            Location {
                file: Some(path.to_path_buf()),
                line: Some(line),
                column: Some(column),
                ..Location::default()
            },
            offset,
        )
    })
}

/// A serde_json error as a syntax error at its line and column, with the
/// key path when one is known. serde_json appends " at line L column C" to
/// its messages; the location says that already, so it is cut.
pub(crate) fn json_syntax(text: &str, error: &serde_json::Error, key: String) -> Error {
    let message = error.to_string();
    let message = match message.rfind(" at line ") {
        Some(i) => &message[..i],
        None => &message,
    };
    Error::syntax(
        Location {
            line: Some(error.line()),
            column: Some(json_column(text, error.line(), error.column())),
            key,
            ..Location::default()
        },
        with_field_suggestion(message),
    )
}

/// The one-based column, in characters, of a serde_json position.
/// serde_json counts the bytes read on the line, so its column is that of
/// the last byte read: 0 when the error comes straight after a line break
/// (at the end of the text, say), and more than the character's column
/// after anything that is not ASCII.
fn json_column(text: &str, line: usize, bytes_read: usize) -> usize {
    let Some(line_text) = text.split('\n').nth(line.saturating_sub(1)) else {
        return bytes_read.max(1);
    };
    let mut end = bytes_read.min(line_text.len());
    while !line_text.is_char_boundary(end) {
        end -= 1;
    }
    line_text[..end].chars().count().max(1)
}

/// A parser's message, with "did you mean" added when it is about an
/// unknown key close to a known one: serde says "unknown field `report_to`,
/// expected one of `id`, ..., `reports_to`, ...", and the key meant is the
/// one a person looks for in that list.
fn with_field_suggestion(message: &str) -> String {
    let suggestion = message
        .strip_prefix("unknown field `")
        .and_then(|rest| rest.split_once("`, expected one of "))
        .and_then(|(field, list)| {
            let known = list.split(", ").map(|k| k.trim_matches('`'));
            crate::suggest::closest(field, known).map(str::to_string)
        });
    match suggestion {
        Some(key) => format!("{message} (did you mean `{key}`?)"),
        None => message.to_string(),
    }
}

/// Reads a TOML structure file, in pieces if it is `whole_below` bytes or
/// more (see [`chunks`]).
fn toml_structure(text: &str, whole_below: usize) -> Result<Structure, Error> {
    let mut resolver = Resolver::new(Source::File);
    let mut successions =
        chunks::read(text, whole_below, &mut resolver).map_err(toml_error(text))?;
    if resolver.again() {
        successions = chunks::read(text, whole_below, &mut resolver).map_err(toml_error(text))?;
    }
    resolver.finish::<Spans>(successions.0, Some(text))
}

/// A TOML syntax error (or value of the wrong sort) of `text`, as the
/// error to give.
fn toml_error(text: &str) -> impl Fn(chunks::TomlError) -> Error + '_ {
    |e| {
        let (line, column) = e.offset.map(|offset| line_column(text, offset)).unzip();
        let mut message = with_field_suggestion(e.message.trim_end());
        // The parser stops at a fixed depth and says only "recursion
        // limit"; say what that means for a structure file.
        if message.contains("recursion") {
            message.push_str(
                ": tables, arrays or dotted keys are nested too deeply; \
                 a structure file needs only a few levels",
            );
        }
        Error::syntax(
            Location {
                line,
                column,
                key: e.key,
                ..Location::default()
            },
            message,
        )
    }
}

/// A syntax error at a byte offset of `text`.
pub(crate) fn syntax_at(text: &str, offset: usize, message: impl Into<String>) -> Error {
    let (line, column) = line_column(text, offset);
    Error::syntax(
        Location {
            line: Some(line),
            column: Some(column),
            ..Location::default()
        },
        message,
    )
}

/// One-based line and column (in characters) of a byte offset.
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    line_columns(text, [offset])[&offset]
}

/// One-based lines and columns (in characters) of many byte offsets, found
/// in one pass over the text, so that locating every problem of a large
/// file costs no more than reading it once. An offset inside a character
/// counts as that character's start.
fn line_columns(
    text: &str,
    offsets: impl IntoIterator<Item = usize>,
) -> BTreeMap<usize, (usize, usize)> {
    let mut wanted: Vec<usize> = offsets.into_iter().collect();
    wanted.sort_unstable();
    wanted.dedup();
    let mut found = BTreeMap::new();
    let (mut line, mut column) = (1, 1);
    let mut chars = text.char_indices().peekable();
    for offset in wanted {
        while let Some(&(at, c)) = chars.peek() {
            if at >= offset || at + c.len_utf8() > offset {
                break;
            }
            if c == '\n' {
                line += 1;
                column = 1;
            } else {
                column += 1;
            }
            chars.next();
        }
        found.insert(offset, (line, column));
    }
    found
}

/// Resolves raw file types held whole into a validated structure: the
/// builder's door. Every id is declared before any entry is resolved, as
/// a second reading of a file does (see [`Resolver::again`]); a file's
/// entries are resolved as they are read instead (see [`stream`]).
pub(crate) fn resolve<C: Carrier>(
    raw: RawFile<'_, C>,
    text: Option<&str>,
) -> Result<Structure, Error> {
    resolve_whole(raw, text, Source::Code)
}

/// Resolves raw file types held whole, as from `source`.
fn resolve_whole<C: Carrier>(
    raw: RawFile<'_, C>,
    text: Option<&str>,
    source: Source,
) -> Result<Structure, Error> {
    let mut resolver = Resolver::new(source);
    let entries = raw.bodies.len() + raw.members.len();
    resolver.ids.reserve(entries);
    resolver.spots.reserve(entries);
    for (i, body) in raw.bodies.iter().enumerate() {
        let (body, span) = C::peek(body);
        let (id, id_span) = C::peek(&body.id);
        if is_valid_id(id) {
            resolver.declare(id, Defined::Body, &Spot::id(Owner::Body(i), id_span, span));
        }
    }
    for (i, member) in raw.members.iter().enumerate() {
        let (member, span) = C::peek(member);
        let (id, id_span) = C::peek(&member.id);
        if is_valid_id(id) {
            let kind = member_kind::<C>(member);
            let at = Spot::id(Owner::Member(i), id_span, span);
            resolver.declare(id, Defined::Member(kind), &at);
        }
    }
    resolver.complete = true;
    let seats = raw.bodies.iter().map(|b| C::peek(b).0.members.len()).sum();
    resolver.parts.bodies.reserve(raw.bodies.len());
    resolver.parts.members.reserve(raw.members.len());
    resolver.parts.memberships.reserve(seats);
    resolver.runs.reserve(raw.bodies.len());
    if let Some(meta) = raw.structure {
        resolver.take_structure::<C>(meta);
    }
    for body in raw.bodies {
        resolver.take_body::<C>(body);
    }
    for member in raw.members {
        resolver.take_member::<C>(member);
    }
    resolver.finish::<C>(raw.successions, text)
}

/// Where raw types come from: a file must declare a body (an empty file
/// is the wrong file); code may build a structure of members alone.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Source {
    File,
    Code,
}

/// How many unknown ids get a "did you mean" suggestion. Each suggestion
/// compares the id with every defined one, so a large file whose references
/// are all wrong (ids renamed on one side only) would otherwise take time
/// proportional to the square of its size; a person fixing typos reads the
/// first few suggestions, not the thousandth.
const SUGGESTIONS: usize = 100;

/// Where something is in a structure, kept cheap until a problem needs it
/// as a [`Location`]: valid input never pays for key paths, subjects, lines
/// or columns.
#[derive(Clone, Debug)]
struct Spot {
    owner: Owner,
    within: Within,
    span: Option<Range<usize>>,
}

/// The `[[body]]` or `[[member]]` entry a spot is in, by position.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Owner {
    Body(usize),
    Member(usize),
    /// The `[structure]` table.
    Structure,
    /// The `i`th `[[succession]]` entry.
    Succession(usize),
}

/// Where inside its entry a spot is; rendered as the key path's tail.
#[derive(Clone, Copy, Debug)]
enum Within {
    /// A field: `.id`, `.name`, `.organisation`.
    Field(&'static str),
    /// The `j`th target of a relation list: `.reports_to[j]`.
    Relation(RelationKind, usize),
    /// The `j`th seat: `.members[j]`.
    Seat(usize),
    /// A field of the `j`th seat: `.members[j].role`.
    SeatField(usize, &'static str),
}

impl Spot {
    /// Where an entry's id is: at the id's own span where it has one, else
    /// at the entry's.
    fn id(owner: Owner, id_span: Option<Range<usize>>, span: Option<Range<usize>>) -> Spot {
        Spot {
            owner,
            within: Within::Field(".id"),
            span: id_span.or(span),
        }
    }

    /// The location, without line and column: those are found for every
    /// problem at once by [`locate`].
    fn location(&self, id: &str) -> Location {
        let tail = match self.within {
            Within::Field(field) => field.to_string(),
            Within::Relation(kind, j) => format!(".{}[{j}]", kind.key()),
            Within::Seat(j) => format!(".members[{j}]"),
            Within::SeatField(j, field) => format!(".members[{j}]{field}"),
        };
        let (key, subject) = match self.owner {
            Owner::Body(i) => (format!("body[{i}]{tail}"), Some(format!("body {id:?}"))),
            Owner::Member(i) => (format!("member[{i}]{tail}"), Some(format!("member {id:?}"))),
            Owner::Structure => (format!("structure{tail}"), None),
            Owner::Succession(i) => (
                format!("succession[{i}]{tail}"),
                (!id.is_empty()).then(|| format!("succession of {id:?}")),
            ),
        };
        Location {
            key,
            subject,
            ..Location::default()
        }
    }
}

/// A problem found, with the byte offsets its locations are at.
struct Found {
    problem: Problem,
    offset: Option<usize>,
    related_offset: Option<usize>,
    /// Where it comes in the order problems are reported in (see [`rank`]).
    order: (u8, usize),
}

/// What the resolver is doing with an entry when it finds a problem.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Phase {
    /// Checking lengths ([`limits`]).
    Limits,
    /// Defining its id.
    Define,
    /// Resolving its fields and references.
    Resolve,
}

/// Where a problem found at `owner` in `phase` is reported: every length
/// first (the structure's, each body's, each member's), then the
/// structure's date, a file without bodies, every body's id, every
/// member's id, what each body says, what each member says, and last each
/// succession; in file order within each. Entries are resolved as they are
/// read, so problems are found in another order than this, and sorted by it
/// at the end; the sort is stable, so an entry's problems keep the order it
/// found them in.
fn rank(phase: Phase, owner: Owner) -> (u8, usize) {
    match (phase, owner) {
        (Phase::Limits, Owner::Structure) => (0, 0),
        (Phase::Limits, Owner::Body(i)) => (1, i),
        (Phase::Limits, Owner::Member(i)) => (2, i),
        (_, Owner::Structure) => (3, 0),
        // 4 is a file without bodies (`NO_BODIES`).
        (Phase::Define, Owner::Body(i)) => (5, i),
        (Phase::Define, Owner::Member(i)) => (6, i),
        (_, Owner::Body(i)) => (7, i),
        (_, Owner::Member(i)) => (8, i),
        (_, Owner::Succession(i)) => (9, i),
    }
}

/// The place of [`ProblemKind::NoBodies`] in [`rank`]'s order.
const NO_BODIES: (u8, usize) = (4, 0);

/// Gives every problem its line and column, in one pass over the text.
fn locate(found: Vec<Found>, text: Option<&str>) -> Vec<Problem> {
    let positions = match text {
        Some(text) => line_columns(
            text,
            found
                .iter()
                .flat_map(|f| [f.offset, f.related_offset])
                .flatten(),
        ),
        None => BTreeMap::new(),
    };
    let place = |location: &mut Location, offset: Option<usize>| {
        if let Some((line, column)) = offset.and_then(|o| positions.get(&o)) {
            location.line = Some(*line);
            location.column = Some(*column);
        }
    };
    found
        .into_iter()
        .map(|mut f| {
            place(&mut f.problem.location, f.offset);
            if let Some(related) = &mut f.problem.related {
                place(related, f.related_offset);
            }
            f.problem
        })
        .collect()
}

/// Sorts memberships written as one run per body: each run on its own,
/// then the runs by body id. The result is the order of `sort`, since a
/// membership sorts by its body first, for a fraction of the comparisons
/// of sorting a million memberships with long shared id prefixes whole.
fn sort_by_runs(
    mut memberships: Vec<Membership>,
    mut runs: Vec<(Id, Range<usize>)>,
) -> Vec<Membership> {
    for (_, run) in &runs {
        memberships[run.clone()].sort_unstable();
    }
    // Stable, so that runs of a body defined twice (an error, reported
    // elsewhere) stay in file order.
    runs.sort_by(|a, b| a.0.cmp(&b.0));
    if runs.windows(2).all(|w| w[0].1.end == w[1].1.start) {
        return memberships;
    }
    // Move the runs into place by following the permutation's cycles: one
    // swap puts one membership where it belongs, and nothing is copied.
    let mut target = vec![0; memberships.len()];
    for (to, from) in runs.iter().flat_map(|(_, run)| run.clone()).enumerate() {
        target[from] = to;
    }
    for i in 0..memberships.len() {
        while target[i] != i {
            let j = target[i];
            memberships.swap(i, j);
            target.swap(i, j);
        }
    }
    memberships
}

/// What an id was defined as.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Defined {
    Body,
    Member(MemberKind),
}

/// An id met in the file: defined, or so far only named.
#[derive(Clone, Copy)]
struct Slot {
    /// What the id is defined as; `None` while it has only been named.
    what: Option<Defined>,
    /// Where it is defined: an index into `Resolver::spots`.
    spot: u32,
    /// What the references made before its definition need it to be:
    /// [`WANT_ORGANISATION`] and [`WANT_REPRESENTED`], or nothing.
    wants: u8,
}

/// A reference made before the definition needs an organisation member.
const WANT_ORGANISATION: u8 = 1;
/// A reference made before the definition needs an organisation member or
/// a body (whom a seat is held on behalf of).
const WANT_REPRESENTED: u8 = 2;

/// Whether an id defined as `what` is what earlier references `wants`.
fn satisfies(what: Defined, wants: u8) -> bool {
    let organisation = what == Defined::Member(MemberKind::Organisation);
    (wants & WANT_ORGANISATION == 0 || organisation)
        && (wants & WANT_REPRESENTED == 0 || organisation || what == Defined::Body)
}

/// The kind a member is defined as: a kind that is not a word is reported
/// when the member is resolved, and defines a post meanwhile.
fn member_kind<C: Carrier>(member: &RawMember<'_, C>) -> MemberKind {
    C::peek(&member.kind).0.parse().unwrap_or(MemberKind::Post)
}

/// What a structure is made of while it is resolved.
#[derive(Default)]
struct Parts {
    /// In file order: a map built from them at the end sorts them once and
    /// builds its tree in one go, instead of searching it per insertion.
    bodies: Vec<(Id, Body)>,
    members: Vec<(Id, Member)>,
    relations: Vec<Relation>,
    memberships: Vec<Membership>,
    successions: Vec<Succession>,
}

/// Turns raw entries into a structure, one entry at a time, as they are
/// read, so that the raw entries of a file are never all held at once.
///
/// An entry may name ids that the file defines later. While reading
/// (`complete` false), a reference to an id not yet defined is taken on
/// trust: the id is kept (so that its definition shares its allocation),
/// with what the reference needs it to be ([`Slot::wants`]). When the file
/// has been read, every id named is defined as what was needed, and no
/// member took the id of a later body, in all but wrong files: then every
/// reference was resolved as if every id had been defined first, and the
/// structure and its problems are final. Otherwise ([`Resolver::again`])
/// the file is read a second time, now knowing every definition
/// (`complete` true), so that each reference is resolved or reported where
/// it is written, with what a reading that defined every id first gives,
/// and costs no room for the references on trust.
struct Resolver {
    source: Source,
    problems: Vec<Found>,
    /// Every id met, defined or named. A hash map because it is only
    /// looked up, never emitted: a large file makes a lookup per reference,
    /// so its entries are kept small (where an id is defined is read only
    /// for a duplicate).
    ids: FastMap<Id, Slot>,
    spots: Vec<Spot>,
    /// Where the piece of text that each entry's spans count from begins.
    bases: Bases,
    /// Whether `ids` holds every definition of the file, bodies' before
    /// members', the first of each id: so an id not defined there is
    /// unknown, and an entry that defines an id another entry defines is a
    /// duplicate.
    complete: bool,
    /// How many ids have been named and not yet defined.
    pending: usize,
    /// Whether a reference on trust named an id of the wrong kind, or a
    /// body took the id of an earlier member (the body's is the first
    /// definition, the member's the duplicate).
    unsettled: bool,
    /// What is being done with the entry at hand, for [`rank`].
    phase: Phase,
    meta: Meta,
    bodies_seen: usize,
    members_seen: usize,
    parts: Parts,
    /// Each body's seats, as a run of memberships, by the body's id.
    runs: Vec<(Id, Range<usize>)>,
}

impl Resolver {
    fn new(source: Source) -> Resolver {
        Resolver {
            source,
            problems: Vec::new(),
            ids: FastMap::default(),
            spots: Vec::new(),
            bases: Bases::default(),
            complete: false,
            pending: 0,
            unsettled: false,
            phase: Phase::Resolve,
            meta: Meta::default(),
            bodies_seen: 0,
            members_seen: 0,
            parts: Parts::default(),
            runs: Vec::new(),
        }
    }

    /// Whether the file must be read again, because reading it once left
    /// an id named but never defined, one of the wrong kind, or a body's id
    /// taken by an earlier member: then everything but the definitions is
    /// forgotten, and the next reading knows them all. False on a second
    /// reading.
    fn again(&mut self) -> bool {
        if self.complete || (self.pending == 0 && !self.unsettled) {
            return false;
        }
        self.complete = true;
        // Where each entry's piece begins stays: the second reading cuts
        // the text as the first did, and a duplicate may need where an
        // entry later in the file is before the reading gets to it.
        self.forget();
        true
    }

    /// Forgets what has been read, but for the definitions once they are
    /// complete: a TOML file read in pieces is read whole after all when
    /// its pieces define a table twice.
    fn start_over(&mut self) {
        if !self.complete {
            *self = Resolver::new(self.source);
            return;
        }
        self.forget();
        self.bases = Bases::default();
    }

    /// Forgets every entry read, and every problem found, but for the
    /// definitions and where each entry's piece begins.
    fn forget(&mut self) {
        self.problems = Vec::new();
        self.meta = Meta::default();
        self.bodies_seen = 0;
        self.members_seen = 0;
        self.parts = Parts::default();
        self.runs = Vec::new();
    }

    /// Takes the `[structure]` table.
    fn take_structure<C: Carrier>(&mut self, meta: RawMeta<'_, C>) {
        self.phase = Phase::Limits;
        limits::structure(&meta, self);
        self.phase = Phase::Resolve;
        let date = self
            .date::<C>("", meta.date, Owner::Structure, Within::Field(".date"))
            .flatten();
        self.meta = Meta {
            name: meta.name,
            source: meta.source,
            date,
            note: meta.note,
        };
    }

    /// Takes the next `[[body]]` entry: checks its lengths, defines its id
    /// and resolves it.
    fn take_body<C: Carrier>(&mut self, raw: C::Of<RawBody<'_, C>>) {
        let index = self.bodies_seen;
        self.bodies_seen += 1;
        let (raw, span) = C::split(raw);
        self.phase = Phase::Limits;
        limits::body::<C>(&raw, span.clone(), index, self);
        self.phase = Phase::Define;
        let (id, id_span) = C::peek(&raw.id);
        let defined = self.define(
            id,
            Defined::Body,
            Spot::id(Owner::Body(index), id_span, span),
        );
        let id = self.shared(id);
        self.phase = Phase::Resolve;
        let mut parts = std::mem::take(&mut self.parts);
        let start = parts.memberships.len();
        if let Some(body) = self.body(raw, index, &mut parts)
            && defined
        {
            parts.bodies.push((body.id.clone(), body));
        }
        self.runs.push((id, start..parts.memberships.len()));
        self.parts = parts;
    }

    /// Takes the next `[[member]]` entry, as [`Resolver::take_body`].
    fn take_member<C: Carrier>(&mut self, raw: C::Of<RawMember<'_, C>>) {
        let index = self.members_seen;
        self.members_seen += 1;
        let (raw, span) = C::split(raw);
        self.phase = Phase::Limits;
        limits::member::<C>(&raw, span.clone(), index, self);
        self.phase = Phase::Define;
        let (id, id_span) = C::peek(&raw.id);
        let what = Defined::Member(member_kind::<C>(&raw));
        let defined = self.define(id, what, Spot::id(Owner::Member(index), id_span, span));
        self.phase = Phase::Resolve;
        let mut parts = std::mem::take(&mut self.parts);
        if let Some(member) = self.member(raw, index, &mut parts)
            && defined
        {
            parts.members.push((member.id.clone(), member));
        }
        self.parts = parts;
    }

    /// Resolves the successions, which name bodies anywhere in the file,
    /// once every entry has been taken, and gives the structure, or every
    /// problem found in the order of [`rank`].
    fn finish<C: Carrier>(
        mut self,
        successions: Vec<C::Of<RawSuccession<'_>>>,
        text: Option<&str>,
    ) -> Result<Structure, Error> {
        // Every definition is known by now: a succession that names an id
        // not defined names an unknown one.
        self.complete = true;
        self.phase = Phase::Resolve;
        if self.bodies_seen == 0 && self.source == Source::File {
            self.problems.push(Found {
                problem: Problem {
                    kind: ProblemKind::NoBodies,
                    location: Location {
                        key: "body".to_string(),
                        ..Location::default()
                    },
                    related: None,
                },
                offset: None,
                related_offset: None,
                order: NO_BODIES,
            });
        }
        let mut parts = std::mem::take(&mut self.parts);
        for (i, raw_succession) in successions.into_iter().enumerate() {
            let (raw_succession, span) = C::split(raw_succession);
            if let Some(succession) = self.succession(raw_succession, i, span) {
                parts.successions.push(succession);
            }
        }
        if !self.problems.is_empty() {
            let mut problems = self.problems;
            problems.sort_by_key(|f| f.order);
            // The first unknown ids, in this order, get a suggestion.
            let defined = || {
                let ids = self.ids.iter().filter(|(_, slot)| slot.what.is_some());
                ids.map(|(id, _)| id.as_str())
            };
            let unknown = problems
                .iter_mut()
                .filter_map(|f| match &mut f.problem.kind {
                    ProblemKind::UnknownId { id, suggestion } => Some((id, suggestion)),
                    _ => None,
                });
            for (id, suggestion) in unknown.take(SUGGESTIONS) {
                *suggestion = crate::suggest::closest(id, defined()).map(Id::new);
            }
            return Err(Error::invalid(locate(problems, text)));
        }
        // What was defined where is of no more use: give its room to
        // building the maps.
        self.ids = FastMap::default();
        self.spots = Vec::new();

        // Unstable sorting gives the same order: equal elements are
        // identical in every field.
        parts.relations.sort_unstable();
        parts.successions.sort_unstable();
        parts
            .relations
            .dedup_by(|a, b| (&a.from, a.kind, &a.to) == (&b.from, b.kind, &b.to));
        parts.memberships = sort_by_runs(parts.memberships, self.runs);
        // A seat is one member in one role on one body for one stretch of
        // time: the same role held again with other dates is a second seat.
        parts.memberships.dedup_by(|a, b| {
            (&a.body, &a.member, a.role, a.start, a.end)
                == (&b.body, &b.member, b.role, b.start, b.end)
        });
        // A structure may live long in a user's program: give back what
        // growing and deduplicating left over.
        parts.relations.shrink_to_fit();
        parts.memberships.shrink_to_fit();

        Ok(Structure {
            meta: self.meta,
            bodies: parts
                .bodies
                .into_iter()
                .map(|(id, body)| (id, Arc::new(body)))
                .collect(),
            members: parts
                .members
                .into_iter()
                .map(|(id, member)| (id, Arc::new(member)))
                .collect(),
            memberships: parts.memberships,
            relations: parts.relations,
            successions: parts.successions,
            overseen: Default::default(),
        })
    }

    /// Resolves one `[[succession]]` entry.
    fn succession(
        &mut self,
        raw: RawSuccession<'_>,
        index: usize,
        span: Option<Range<usize>>,
    ) -> Option<Succession> {
        let owner = Owner::Succession(index);
        let at = |field| Spot {
            owner,
            within: Within::Field(field),
            span: span.clone(),
        };
        let subject = raw.from.first().map(|t| t.to_string()).unwrap_or_default();
        let kind = match raw.kind {
            Some(kind) => {
                match self.word::<RelationKind>(
                    &subject,
                    (kind, span.clone()),
                    owner,
                    Within::Field(".kind"),
                ) {
                    Some(kind) if kind.is_succession() => Some(kind),
                    Some(kind) => {
                        self.problem(ProblemKind::NotSuccession { kind }, &at(".kind"), &subject);
                        None
                    }
                    None => None,
                }
            }
            None => Some(RelationKind::ReplacedBy),
        };
        let date = self.date::<Plain>(&subject, raw.date, owner, Within::Field(".date"));
        let mut sides =
            [(raw.from, ".from", "from"), (raw.to, ".to", "to")].map(|(list, field, side)| {
                if list.is_empty() {
                    self.problem(ProblemKind::EmptySuccession { side }, &at(field), &subject);
                    return None;
                }
                let mut ids = Vec::with_capacity(list.len());
                let mut valid = true;
                for text in list {
                    match self.reference(text, &at(field), &subject) {
                        Some(id) if self.defined_as(id.as_str()) == Some(Defined::Body) => {
                            ids.push(id)
                        }
                        Some(id) => {
                            self.problem(
                                ProblemKind::WrongTarget {
                                    id,
                                    expected: "a body: successions are between [[body]] entries",
                                },
                                &at(field),
                                &subject,
                            );
                            valid = false;
                        }
                        None => valid = false,
                    }
                }
                ids.sort_unstable();
                ids.dedup();
                valid.then_some(ids)
            });
        let to = sides[1].take()?;
        let from = sides[0].take()?;
        Some(Succession {
            from,
            to,
            kind: kind?,
            date: date?,
            intended: raw.intended,
            source: raw.source.map(Text::into_string),
            note: raw.note.map(Text::into_string),
        })
    }

    /// Resolves one `[[body]]` entry, its relations and its seats. Gives the
    /// body if every field of it is valid.
    fn body<C: Carrier>(
        &mut self,
        raw: RawBody<'_, C>,
        index: usize,
        parts: &mut Parts,
    ) -> Option<Body> {
        // Whole, so that a field added to the raw type is a compile error
        // here until it is resolved.
        let RawBody {
            id,
            name,
            kind,
            status,
            status_since,
            intended_status,
            apex,
            accountability,
            count,
            formerly,
            statutory,
            tier,
            purpose,
            functions,
            themes,
            meets,
            source,
            note,
            relations,
            members,
        } = raw;
        let owner = Owner::Body(index);
        let (id, _) = C::split(id);
        let from = self.shared(&id);
        let name = self.name(&id, C::split(name), owner);
        let body_kind = self.word::<BodyKind>(&id, C::split(kind), owner, Within::Field(".kind"));
        let status = match status {
            Some(status) => {
                self.word::<Status>(&id, C::split(status), owner, Within::Field(".status"))
            }
            None => Some(Status::Active),
        };
        for (kind, targets) in relations.into_by_kind() {
            self.relations::<C>(&from, owner, kind, targets, &mut parts.relations);
        }
        let meets = self.optional_word::<C, MeetingPattern>(&id, meets, owner, ".meets");
        let status_since = self.date::<C>(&id, status_since, owner, Within::Field(".status_since"));
        let intended_status =
            self.optional_word::<C, Status>(&id, intended_status, owner, ".intended_status");
        let accountability =
            self.optional_word::<C, Accountability>(&id, accountability, owner, ".accountability");
        let count = match count {
            Some(count) => {
                let (count, span) = C::split(count);
                let valid = u32::try_from(count).ok().filter(|c| *c >= 1);
                if valid.is_none() {
                    let at = Spot {
                        owner,
                        within: Within::Field(".count"),
                        span,
                    };
                    self.problem(ProblemKind::InvalidCount { count }, &at, &id);
                }
                valid
            }
            None => Some(1),
        };

        for (j, seat) in members.into_iter().enumerate() {
            let (seat, seat_span) = C::split(seat);
            // A seat's role and representation are located at the seat.
            let at = |within| Spot {
                owner,
                within,
                span: seat_span.clone(),
            };
            let role = match seat.role {
                Some(role) => self.word::<Role>(
                    &id,
                    (role, seat_span.clone()),
                    owner,
                    Within::SeatField(j, ".role"),
                ),
                None => Some(Role::Member),
            };
            // Every part of a seat is checked, so that a seat with two
            // mistakes reports both.
            let mut member = self.reference(seat.member, &at(Within::Seat(j)), &id);
            if member.as_ref() == Some(&from) {
                self.problem(
                    ProblemKind::WrongTarget {
                        id: from.clone(),
                        expected: "a member or another body: a body does not sit on itself",
                    },
                    &at(Within::Seat(j)),
                    &id,
                );
                member = None;
            }
            let on_behalf_of = match seat.on_behalf_of {
                Some(to) => self
                    .represented(to, &at(Within::SeatField(j, ".on_behalf_of")), &id)
                    .map(Some),
                None => Some(None),
            };
            let more = seat.more.map_or_else(SeatMore::default, |more| *more);
            let start = self.seat_date(&id, more.start, &at(Within::SeatField(j, ".start")));
            let end = self.seat_date(&id, more.end, &at(Within::SeatField(j, ".end")));
            let (Some(member), Some(role), Some(on_behalf_of), Some(start), Some(end)) =
                (member, role, on_behalf_of, start, end)
            else {
                continue;
            };
            parts.memberships.push(Membership {
                body: from.clone(),
                member,
                role,
                start,
                end,
                intended: more.intended,
                on_behalf_of,
                source: more.source.map(Text::into_string),
                note: more.note.map(Text::into_string),
            });
        }

        let (name, kind, status, meets) = (name?, body_kind?, status?, meets?);
        let (status_since, intended_status, accountability, count) =
            (status_since?, intended_status?, accountability?, count?);
        Some(Body {
            id: from,
            name,
            kind,
            status,
            status_since,
            intended_status,
            apex,
            accountability,
            count,
            formerly: formerly.into_iter().map(Text::into_string).collect(),
            statutory,
            tier: tier.map(Text::into_string),
            purpose: purpose.map(Text::into_string),
            functions: functions.into_iter().map(Text::into_string).collect(),
            themes: themes.into_iter().map(Text::into_string).collect(),
            meets,
            source: source.map(Text::into_string),
            note: note.map(Text::into_string),
        })
    }

    /// Resolves one `[[member]]` entry and its reporting lines. Gives the
    /// member if every field of it is valid.
    fn member<C: Carrier>(
        &mut self,
        raw: RawMember<'_, C>,
        index: usize,
        parts: &mut Parts,
    ) -> Option<Member> {
        let RawMember {
            id,
            name,
            kind,
            organisation,
            status,
            status_since,
            source,
            note,
            reports_to,
        } = raw;
        let owner = Owner::Member(index);
        let (id, id_span) = C::split(id);
        let from = self.shared(&id);
        let member_kind =
            self.word::<MemberKind>(&id, C::split(kind), owner, Within::Field(".kind"));
        let name = self.name(&id, C::split(name), owner);
        let mut organisations = Vec::new();
        if let Some(list) = organisation {
            let (list, span) = C::split(list);
            let at = Spot {
                owner,
                within: Within::Field(".organisation"),
                span: span.or(id_span),
            };
            for to in list.0 {
                if let Some(organisation) = self.organisation(to, &at, &id) {
                    organisations.push(organisation);
                }
            }
        }
        organisations.sort_unstable();
        organisations.dedup();
        let status = match status {
            Some(status) => {
                self.word::<Status>(&id, C::split(status), owner, Within::Field(".status"))
            }
            None => Some(Status::Active),
        };
        let status_since = self.date::<C>(&id, status_since, owner, Within::Field(".status_since"));
        self.relations::<C>(
            &from,
            owner,
            RelationKind::ReportsTo,
            reports_to,
            &mut parts.relations,
        );
        let (name, kind, status, status_since) = (name?, member_kind?, status?, status_since?);
        Some(Member {
            id: from,
            name,
            kind,
            organisations,
            status,
            status_since,
            source: source.map(Text::into_string),
            note: note.map(Text::into_string),
        })
    }

    /// Resolves a body's or member's relations of one kind.
    fn relations<C: Carrier>(
        &mut self,
        from: &Id,
        owner: Owner,
        kind: RelationKind,
        targets: Vec<C::Of<RawTarget<'_>>>,
        relations: &mut Vec<Relation>,
    ) {
        for (j, target) in targets.into_iter().enumerate() {
            let (target, span) = C::split(target);
            let at = Spot {
                owner,
                within: Within::Relation(kind, j),
                span,
            };
            let start = self.seat_date(from.as_str(), target.from, &at);
            let end = self.seat_date(from.as_str(), target.until, &at);
            let Some(to) = self.reference(target.to, &at, from.as_str()) else {
                continue;
            };
            let (Some(start), Some(end)) = (start, end) else {
                continue;
            };
            if &to == from {
                self.problem(
                    ProblemKind::SelfRelation {
                        id: to,
                        relation: kind,
                    },
                    &at,
                    from.as_str(),
                );
                continue;
            }
            relations.push(Relation {
                from: from.clone(),
                kind,
                to,
                intended: target.intended,
                start,
                end,
                source: target.source.map(Text::into_string),
                note: target.note.map(Text::into_string),
            });
        }
    }

    /// The id as defined or named, so that every mention of it shares one
    /// allocation; a fresh one if it was not met (it is then invalid, and
    /// only its problems are located).
    fn shared(&self, id: &str) -> Id {
        self.ids
            .get_key_value(id)
            .map_or_else(|| Id::new(id), |(id, _)| id.clone())
    }

    /// What an id is defined as, if it is defined yet.
    fn defined_as(&self, id: &str) -> Option<Defined> {
        self.ids.get(id).and_then(|slot| slot.what)
    }

    /// The byte offset in the file of a spot, if it has a span.
    fn offset(&self, at: &Spot) -> Option<usize> {
        let base = match at.owner {
            Owner::Body(i) => self.bases.bodies.get(i),
            Owner::Member(i) => self.bases.members.get(i),
            Owner::Structure => Some(&self.bases.structure),
            Owner::Succession(_) => None,
        };
        at.span
            .as_ref()
            .map(|s| base.copied().unwrap_or(0) + s.start)
    }

    /// Records a problem about the body or member `id`, at `at`.
    fn problem(&mut self, kind: ProblemKind, at: &Spot, id: &str) {
        self.problems.push(Found {
            problem: Problem {
                kind,
                location: at.location(id),
                related: None,
            },
            offset: self.offset(at),
            related_offset: None,
            order: rank(self.phase, at.owner),
        });
    }

    /// Records a definition; false (with a problem) if the id is invalid or
    /// already taken.
    fn define(&mut self, id: &str, what: Defined, at: Spot) -> bool {
        if !is_valid_id(id) {
            self.problem(ProblemKind::InvalidId { id: id.to_string() }, &at, id);
            return false;
        }
        let first = match self.ids.get(id) {
            // Every definition is known: this entry's is the first, or a
            // duplicate of it.
            Some(Slot {
                what: Some(_),
                spot,
                ..
            }) if self.complete => {
                if self.spots[*spot as usize].owner == at.owner {
                    return true;
                }
                *spot
            }
            _ => match self.declare(id, what, &at) {
                None => return true,
                Some(first) => first,
            },
        };
        let first = &self.spots[first as usize];
        let related = first.location(id);
        let related_offset = self.offset(first);
        self.problems.push(Found {
            problem: Problem {
                kind: ProblemKind::DuplicateId { id: Id::new(id) },
                location: at.location(id),
                related: Some(related),
            },
            offset: self.offset(&at),
            related_offset,
            order: rank(self.phase, at.owner),
        });
        false
    }

    /// Records that the entry at `at` defines a valid `id`, unless an
    /// earlier one does: then gives where that one is. A body takes its id
    /// from an earlier member: every body's id is defined before any
    /// member's, so the member's is the duplicate, which a second reading
    /// reports (see [`Resolver::again`]).
    fn declare(&mut self, id: &str, what: Defined, at: &Spot) -> Option<u32> {
        let spot = self.spots.len() as u32;
        let Some(slot) = self.ids.get_mut(id) else {
            self.ids.insert(
                Id::new(id),
                Slot {
                    what: Some(what),
                    spot,
                    wants: 0,
                },
            );
            self.spots.push(at.clone());
            return None;
        };
        match slot.what {
            // Named before: the references made then needed it to be this.
            None => {
                self.unsettled |= !satisfies(what, slot.wants);
                self.pending -= 1;
            }
            Some(Defined::Member(_)) if what == Defined::Body => self.unsettled = true,
            Some(_) => return Some(slot.spot),
        }
        *slot = Slot {
            what: Some(what),
            spot,
            wants: 0,
        };
        self.spots.push(at.clone());
        None
    }

    fn name(
        &mut self,
        id: &str,
        (name, span): (Text<'_>, Option<Range<usize>>),
        owner: Owner,
    ) -> Option<String> {
        if name.trim().is_empty() {
            let at = Spot {
                owner,
                within: Within::Field(".name"),
                span,
            };
            self.problem(ProblemKind::EmptyName, &at, id);
            return None;
        }
        Some(name.into_string())
    }

    fn word<W: std::str::FromStr<Err = UnknownWord>>(
        &mut self,
        id: &str,
        (word, span): (Text<'_>, Option<Range<usize>>),
        owner: Owner,
        within: Within,
    ) -> Option<W> {
        match word.parse::<W>() {
            Ok(value) => Some(value),
            Err(unknown) => {
                let at = Spot {
                    owner,
                    within,
                    span,
                };
                self.problem(ProblemKind::UnknownWord(unknown), &at, id);
                None
            }
        }
    }

    /// An optional vocabulary word: `Some(None)` when absent, `None` (with
    /// a problem) when it is not a word of the vocabulary.
    fn optional_word<C: Carrier, W: std::str::FromStr<Err = UnknownWord>>(
        &mut self,
        id: &str,
        word: Option<C::Of<Text<'_>>>,
        owner: Owner,
        field: &'static str,
    ) -> Option<Option<W>> {
        match word {
            Some(word) => self
                .word::<W>(id, C::split(word), owner, Within::Field(field))
                .map(Some),
            None => Some(None),
        }
    }

    /// An optional date: `Some(None)` when absent, `None` (with a problem)
    /// when it is not a date.
    fn date<C: Carrier>(
        &mut self,
        id: &str,
        date: Option<C::Of<Text<'_>>>,
        owner: Owner,
        within: Within,
    ) -> Option<Option<Date>> {
        let Some(date) = date else {
            return Some(None);
        };
        let (date, span) = C::split(date);
        self.seat_date(
            id,
            Some(date),
            &Spot {
                owner,
                within,
                span,
            },
        )
    }

    /// An optional date written at `at`.
    fn seat_date(&mut self, id: &str, date: Option<Text<'_>>, at: &Spot) -> Option<Option<Date>> {
        let Some(date) = date else {
            return Some(None);
        };
        match date.parse::<Date>() {
            Ok(date) => Some(Some(date)),
            Err(error) => {
                self.problem(ProblemKind::InvalidDate(error), at, id);
                None
            }
        }
    }

    /// Resolves a reference that must name whom a seat is held on behalf
    /// of: an organisation member or a body.
    fn represented(&mut self, to: Text<'_>, at: &Spot, from: &str) -> Option<Id> {
        let expected = "an organisation or a body: a seat is held on behalf of a [[member]] with kind = \"organisation\", or of a [[body]]";
        self.of_kind(to, at, from, WANT_REPRESENTED, expected)
    }

    /// Resolves a reference that must name an organisation member.
    fn organisation(&mut self, to: Text<'_>, at: &Spot, from: &str) -> Option<Id> {
        let expected = "an organisation: declare it as a [[member]] with kind = \"organisation\"";
        self.of_kind(to, at, from, WANT_ORGANISATION, expected)
    }

    /// Resolves a reference that must name what `want` says; an id not
    /// defined yet is taken on trust, and checked when it is defined.
    fn of_kind(
        &mut self,
        to: Text<'_>,
        at: &Spot,
        from: &str,
        want: u8,
        expected: &'static str,
    ) -> Option<Id> {
        let id = self.reference(to, at, from)?;
        match self.ids.get_mut(&id) {
            Some(Slot {
                what: Some(what), ..
            }) if satisfies(*what, want) => Some(id),
            Some(slot @ Slot { what: None, .. }) => {
                slot.wants |= want;
                Some(id)
            }
            _ => {
                self.problem(ProblemKind::WrongTarget { id, expected }, at, from);
                None
            }
        }
    }

    /// Resolves a reference to any defined id, written at `at` on the body
    /// or member `from`. While the file is read, an id not defined yet is
    /// taken on trust (see [`Resolver`]).
    fn reference(&mut self, to: Text<'_>, at: &Spot, from: &str) -> Option<Id> {
        match self.ids.get_key_value(&*to) {
            Some((id, slot)) if slot.what.is_some() || !self.complete => {
                return Some(id.clone());
            }
            None if !self.complete => {
                let id = Id::new(to.into_string());
                let named = Slot {
                    what: None,
                    spot: 0,
                    wants: 0,
                };
                self.ids.insert(id.clone(), named);
                self.pending += 1;
                return Some(id);
            }
            _ => {}
        }
        // The suggestion is found at the end (see `finish`).
        self.problem(
            ProblemKind::UnknownId {
                id: to.into_string(),
                suggestion: None,
            },
            at,
            from,
        );
        None
    }
}

/// An id is non-empty, has no control characters and no surrounding spaces.
pub(crate) fn is_valid_id(id: &str) -> bool {
    !id.is_empty() && id.trim() == id && !id.chars().any(char::is_control)
}

/// Turns a structure back into the raw file types: to write it, with
/// `text` borrowing each string (`Text::from`), or to make a builder of it,
/// with `text` copying each (so the specs own their strings). Relations
/// are written on the body (or member) they come from; seats on their
/// body. Each raw type is built whole, with no `..`, so that a field added
/// to it is a compile error here until it is written.
pub(crate) fn unresolve<'s, 't>(
    structure: &'s Structure,
    text: fn(&'s str) -> Text<'t>,
) -> RawFile<'t, Plain> {
    let mut out_relations: FastMap<&Id, Vec<&Relation>> = FastMap::default();
    for relation in structure.relations() {
        out_relations
            .entry(&relation.from)
            .or_default()
            .push(relation);
    }
    let own = |id: &Id| out_relations.get(id).into_iter().flatten().copied();
    let date = |d: Option<Date>| d.map(|d| Text::from(d.to_string()));
    let optional = |t: &'s Option<String>| t.as_deref().map(text);
    let texts = |list: &'s [String]| list.iter().map(|t| text(t)).collect::<Vec<_>>();
    let target = |r: &'s Relation| RawTarget {
        to: text(r.to.as_str()),
        intended: r.intended,
        from: date(r.start),
        until: date(r.end),
        source: optional(&r.source),
        note: optional(&r.note),
    };
    let seat = |m: &'s Membership| RawSeat {
        member: text(m.member.as_str()),
        role: (m.role != Role::Member).then(|| m.role.as_str().into()),
        on_behalf_of: m.on_behalf_of.as_ref().map(|id| text(id.as_str())),
        more: SeatMore {
            start: date(m.start),
            end: date(m.end),
            intended: m.intended,
            source: optional(&m.source),
            note: optional(&m.note),
        }
        .boxed(),
    };
    let bodies = structure
        .bodies()
        .map(|b| {
            let mut relations = Relations::default();
            for r in own(&b.id) {
                relations.of_mut(r.kind).push(target(r));
            }
            RawBody {
                id: text(b.id.as_str()),
                name: text(&b.name),
                kind: b.kind.as_str().into(),
                status: (b.status != Status::Active).then(|| b.status.as_str().into()),
                status_since: date(b.status_since),
                intended_status: b.intended_status.map(|s| s.as_str().into()),
                apex: b.apex,
                accountability: b.accountability.map(|a| a.as_str().into()),
                count: (b.count != 1).then_some(i64::from(b.count)),
                formerly: texts(&b.formerly),
                statutory: b.statutory,
                tier: optional(&b.tier),
                purpose: optional(&b.purpose),
                functions: texts(&b.functions),
                themes: texts(&b.themes),
                meets: b.meets.map(|m| m.to_string().into()),
                source: optional(&b.source),
                note: optional(&b.note),
                relations,
                members: structure.seats_on(b.id.as_str()).map(seat).collect(),
            }
        })
        .collect();
    let members = structure
        .members()
        .map(|m| RawMember::<Plain> {
            id: text(m.id.as_str()),
            name: text(&m.name),
            kind: m.kind.as_str().into(),
            organisation: (!m.organisations.is_empty())
                .then(|| OneOrMany(m.organisations.iter().map(|o| text(o.as_str())).collect())),
            status: (m.status != Status::Active).then(|| m.status.as_str().into()),
            status_since: date(m.status_since),
            source: optional(&m.source),
            note: optional(&m.note),
            // A member's only relations are its reporting lines.
            reports_to: own(&m.id)
                .filter(|r| r.kind == RelationKind::ReportsTo)
                .map(target)
                .collect(),
        })
        .collect();
    let successions = structure
        .successions()
        .iter()
        .map(|s| raw_succession(s, text))
        .collect();
    let meta = structure.meta();
    let meta = RawMeta {
        name: meta.name.clone(),
        source: meta.source.clone(),
        date: date(meta.date),
        note: meta.note.clone(),
    };
    RawFile {
        structure: (!meta.is_empty()).then_some(meta),
        bodies,
        members,
        successions,
    }
}

/// A succession as a `[[succession]]` entry: for writing, and for the
/// builder, which holds its successions so.
pub(crate) fn raw_succession<'s, 't>(
    s: &'s Succession,
    text: fn(&'s str) -> Text<'t>,
) -> RawSuccession<'t> {
    let Succession {
        from,
        to,
        kind,
        date,
        intended,
        source,
        note,
    } = s;
    RawSuccession {
        from: from.iter().map(|id| text(id.as_str())).collect(),
        to: to.iter().map(|id| text(id.as_str())).collect(),
        kind: (*kind != RelationKind::ReplacedBy).then(|| kind.as_str().into()),
        date: date.map(|d| Text::from(d.to_string())),
        intended: *intended,
        source: source.as_deref().map(text),
        note: note.as_deref().map(text),
    }
}
