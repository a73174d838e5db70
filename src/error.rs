//! The reading error: one public [`Error`] whose [`ErrorKind`] users can
//! match, and the [`Problem`]s that an invalid structure is reported with,
//! all at once. Writing has its own error (`write.rs`), and so does drawing
//! (`render/error.rs`); this module knows nothing of either.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::model::{Id, RelationKind, UnknownWord};

/// A `Result` whose error is govgraph's reading [`Error`] unless said
/// otherwise: `govgraph::Result<Structure>`, or `govgraph::Result<Svg,
/// RenderError>`.
///
/// # Examples
///
/// ```
/// fn first_body_name(text: &str) -> govgraph::Result<String> {
///     let s = govgraph::Structure::from_toml_str(text)?;
///     Ok(s.bodies().next().map(|b| b.name.clone()).unwrap_or_default())
/// }
///
/// let text = "[[body]]\nid = \"board\"\nname = \"Trust Board\"\nkind = \"board\"\n";
/// assert_eq!(first_body_name(text)?, "Trust Board");
/// assert!(first_body_name("[[body]]\nid = \"board\"\n").is_err());
/// # Ok::<(), govgraph::Error>(())
/// ```
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// The error returned when a structure cannot be read, parsed or
/// validated: from a file, from text, from a Popolo document or from a
/// builder.
///
/// Drawing fails with a [`RenderError`](crate::RenderError), and writing a
/// structure as text with a [`WriteError`](crate::WriteError): each concern
/// has its own error, so that matching one never meets the cases of
/// another.
///
/// # Examples
///
/// ```
/// use govgraph::{ErrorKind, Structure};
///
/// let err = Structure::from_toml_str(r#"
///     [[body]]
///     id = "exec"
///     name = "Executive"
///     kind = "executive"
///     reports_to = ["bord"]
/// "#).unwrap_err();
/// let ErrorKind::Invalid(problems) = err.kind() else { panic!() };
/// assert_eq!(problems.len(), 1);
/// assert_eq!(
///     err.to_string(),
///     r#"6:19: body "exec" (body[0].reports_to[0]): unknown id "bord""#,
/// );
/// ```
///
/// # Causes
///
/// An error's `Display` says what went wrong together with its immediate
/// cause (`trust.toml: No such file or directory (os error 2)`), so
/// printing the error alone says everything; [`std::error::Error::source`]
/// gives only the causes beyond those already printed, so a program that
/// prints the whole chain (`caused by: ...`) prints each cause once. The
/// immediate cause itself is reached through [`Error::kind`]
/// ([`ErrorKind::Io`]'s `cause`). An I/O error that std makes has no cause
/// of its own, so for every error govgraph returns today the chain ends
/// there.
#[derive(Debug, thiserror::Error)]
#[error(transparent)]
pub struct Error(Box<ErrorKind>);

/// What went wrong in reading a structure, for users who want to tell the
/// cases apart. Its `Display` is the [`Error`]'s.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The file could not be read: it does not exist, or cannot be opened.
    #[error("{}: {cause}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The immediate cause, which the message includes; not the error's
        /// `source()` (see [Causes](Error#causes)).
        cause: std::io::Error,
    },
    /// The file is not well-formed TOML or JSON, or a key holds a value of
    /// the wrong shape. Parsers stop at the first such error.
    #[error("{location}: {}", message.trim_end())]
    Syntax {
        /// Where: file, key path, line and column, as far as known.
        location: Location,
        /// The parser's message.
        message: String,
    },
    /// The file is not UTF-8 text (a spreadsheet saved as Latin-1, a
    /// binary file given by mistake). The location is where the first
    /// byte that is not UTF-8 is.
    #[error(
        "{location}: byte {offset} is not UTF-8: a structure file is UTF-8 text; save it as UTF-8"
    )]
    NotUtf8 {
        /// Where: the file, the line and the column (in characters) of the
        /// first bad byte.
        location: Location,
        /// The byte offset of the first bad byte from the start of the
        /// file.
        offset: usize,
    },
    /// A file's name does not say its format: its extension is neither
    /// `.toml` nor `.json`.
    #[error(
        "{}: cannot tell the file's format from {}: name the file .toml or .json, \
         or read its text with Structure::from_str_in and a Format",
        path.display(),
        extension_of(path)
    )]
    UnknownFormat {
        /// The file.
        path: PathBuf,
    },
    /// The file parsed, but the structure it describes is invalid. Every
    /// problem found is listed, sorted by where it occurs.
    #[error("{}", Lines(.0))]
    Invalid(Vec<Problem>),
}

/// "the extension \"txt\"", or "no extension".
fn extension_of(path: &Path) -> String {
    path.extension().map_or_else(
        || "no extension".to_string(),
        |e| format!("the extension {:?}", e.to_string_lossy()),
    )
}

/// Problems, one a line.
struct Lines<'a>(&'a [Problem]);

impl fmt::Display for Lines<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, problem) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{problem}")?;
        }
        Ok(())
    }
}

impl Error {
    /// What went wrong.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{ErrorKind, Structure};
    ///
    /// let err = Structure::from_toml_str("[[body]\n").unwrap_err();
    /// assert!(matches!(err.kind(), ErrorKind::Syntax { .. }));
    /// ```
    pub fn kind(&self) -> &ErrorKind {
        &self.0
    }

    /// Consumes the error, giving its kind.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{ErrorKind, Structure};
    ///
    /// let err = Structure::from_toml_str("body = 3").unwrap_err();
    /// assert!(matches!(err.into_kind(), ErrorKind::Syntax { .. }));
    /// ```
    pub fn into_kind(self) -> ErrorKind {
        *self.0
    }

    /// The problems of an invalid structure; empty for other errors.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::Structure;
    ///
    /// let err = Structure::from_toml_str(r#"
    ///     [[body]]
    ///     id = "a"
    ///     name = "A"
    ///     kind = "bored"
    ///     status = "sleeping"
    /// "#).unwrap_err();
    /// assert_eq!(err.problems().len(), 2);
    /// ```
    pub fn problems(&self) -> &[Problem] {
        match &*self.0 {
            ErrorKind::Invalid(problems) => problems,
            _ => &[],
        }
    }

    pub(crate) fn io(path: &Path, cause: std::io::Error) -> Error {
        Error(Box::new(ErrorKind::Io {
            path: path.to_path_buf(),
            cause,
        }))
    }

    pub(crate) fn not_utf8(location: Location, offset: usize) -> Error {
        Error(Box::new(ErrorKind::NotUtf8 { location, offset }))
    }

    pub(crate) fn unknown_format(path: &Path) -> Error {
        Error(Box::new(ErrorKind::UnknownFormat {
            path: path.to_path_buf(),
        }))
    }

    pub(crate) fn syntax(location: Location, message: impl Into<String>) -> Error {
        Error(Box::new(ErrorKind::Syntax {
            location,
            message: message.into(),
        }))
    }

    pub(crate) fn invalid(mut problems: Vec<Problem>) -> Error {
        problems.sort_by(|a, b| a.location.order_key().cmp(&b.location.order_key()));
        Error(Box::new(ErrorKind::Invalid(problems)))
    }

    /// Sets the file name on every location that has none, so that errors
    /// from `from_path` name their file.
    pub(crate) fn in_file(mut self, file: &Path) -> Error {
        let set = |location: &mut Location| {
            if location.file.is_none() {
                location.file = Some(file.to_path_buf());
            }
        };
        match &mut *self.0 {
            ErrorKind::Syntax { location, .. } | ErrorKind::NotUtf8 { location, .. } => {
                set(location)
            }
            ErrorKind::Invalid(problems) => {
                for problem in problems {
                    set(&mut problem.location);
                    if let Some(related) = &mut problem.related {
                        set(related);
                    }
                }
            }
            ErrorKind::Io { .. } | ErrorKind::UnknownFormat { .. } => {}
        }
        self
    }
}

/// Where something is in a structure file (or in a builder's input).
///
/// Rendered as `file:line:column` followed by the body it is about and its
/// key path: `trust.toml:6:15: body "exec" (body[1].reports_to[0])`. Parts
/// that are unknown are left out: JSON values carry no line, and a structure
/// built in code has no file.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
#[non_exhaustive]
pub struct Location {
    /// The file, when the structure was loaded from one.
    pub file: Option<PathBuf>,
    /// One-based line, when the format tracks it.
    pub line: Option<usize>,
    /// One-based column (in characters), when the format tracks it.
    pub column: Option<usize>,
    /// The key path: `body[1].reports_to[0]`.
    pub key: String,
    /// The body or member the location is inside, as `body "exec"`.
    pub subject: Option<String>,
}

impl Location {
    fn order_key(&self) -> (Option<usize>, Option<usize>, &str) {
        (self.line, self.column, &self.key)
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts = Vec::new();
        if let Some(file) = &self.file {
            parts.push(file.display().to_string());
        }
        if let Some(line) = self.line {
            parts.push(line.to_string());
            if let Some(column) = self.column {
                parts.push(column.to_string());
            }
        }
        let position = parts.join(":");
        let mut out = position;
        let key = if self.key.is_empty() {
            None
        } else {
            Some(&self.key)
        };
        match (&self.subject, key) {
            (Some(subject), Some(key)) => push_part(&mut out, &format!("{subject} ({key})")),
            (Some(subject), None) => push_part(&mut out, subject),
            (None, Some(key)) => push_part(&mut out, key),
            (None, None) => {}
        }
        if out.is_empty() {
            out.push_str("structure");
        }
        f.write_str(&out)
    }
}

fn push_part(out: &mut String, part: &str) {
    if !out.is_empty() {
        out.push_str(": ");
    }
    out.push_str(part);
}

/// One thing wrong with a structure, with where it is.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[non_exhaustive]
pub struct Problem {
    /// What is wrong.
    pub kind: ProblemKind,
    /// Where.
    pub location: Location,
    /// A second place the problem involves: for a duplicate id, the first
    /// definition.
    pub related: Option<Location>,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.location, self.kind)?;
        if let Some(related) = &self.related {
            write!(f, " (first defined at {related})")?;
        }
        Ok(())
    }
}

/// What is wrong with a structure. Each message is lower case, quotes ids,
/// and says what to do where that is not obvious.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
#[non_exhaustive]
pub enum ProblemKind {
    /// A relation or membership names an id that no body or member has.
    UnknownId {
        /// The id as written.
        id: String,
        /// The closest existing id, if one is close.
        suggestion: Option<Id>,
    },
    /// Two bodies or members have the same id.
    DuplicateId {
        /// The id.
        id: Id,
    },
    /// An id is empty, or holds characters an id may not (control
    /// characters, leading or trailing spaces).
    InvalidId {
        /// The id as written.
        id: String,
    },
    /// A body or member has an empty name.
    EmptyName,
    /// A body relates to itself (reports to itself, scrutinises itself).
    SelfRelation {
        /// The id.
        id: Id,
        /// The relation.
        relation: RelationKind,
    },
    /// A word (status, kind, role, meeting pattern) that is not in its
    /// vocabulary.
    UnknownWord(UnknownWord),
    /// A reference points at the wrong sort of thing: a membership whose
    /// member is a body, a seat on a member, a representation on behalf of
    /// something that is not an organisation.
    WrongTarget {
        /// The id referred to.
        id: Id,
        /// What it should have been: "a member", "a body", "an organisation".
        expected: &'static str,
    },
    /// A date that is not one ("future"; see [`Date`](crate::Date) for what
    /// is).
    InvalidDate(crate::DateError),
    /// A body's `count` is not a whole number of at least 1.
    InvalidCount {
        /// The count as written.
        count: i64,
    },
    /// A `[[succession]]` entry names no bodies on one side.
    EmptySuccession {
        /// The side: `from` or `to`.
        side: &'static str,
    },
    /// A `[[succession]]` entry's kind is not one of succession.
    NotSuccession {
        /// The kind written.
        kind: RelationKind,
    },
    /// The file declares no bodies: a structure needs at least one, and a
    /// test that checks an empty file would pass on the wrong file.
    NoBodies,
    /// An id, name, tier or note is longer than a structure allows: ids 256
    /// characters, names, tiers and the structure's name 1,000 (so that
    /// Graphviz can draw every name), notes 10,000.
    TooLong {
        /// What is too long: "id", "name", "tier" or "note".
        field: &'static str,
        /// Its length, in characters.
        length: usize,
        /// The most characters it may have.
        limit: usize,
    },
}

impl fmt::Display for ProblemKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ProblemKind::UnknownId { id, suggestion } => {
                write!(f, "unknown id {id:?}")?;
                if let Some(s) = suggestion {
                    write!(f, " (did you mean {:?}?)", s.as_str())?;
                }
                Ok(())
            }
            ProblemKind::DuplicateId { id } => {
                write!(
                    f,
                    "duplicate id {:?}: give each body and member its own id",
                    id.as_str()
                )
            }
            ProblemKind::InvalidId { id } => write!(
                f,
                "invalid id {id:?}: an id must be non-empty, without control characters or surrounding spaces"
            ),
            ProblemKind::EmptyName => f.write_str("empty name: give it the name the source uses"),
            ProblemKind::SelfRelation { id, relation } => {
                write!(f, "{:?} {} itself", id.as_str(), relation.phrase())
            }
            ProblemKind::UnknownWord(word) => write!(f, "{word}"),
            ProblemKind::WrongTarget { id, expected } => {
                write!(f, "{:?} is not {expected}", id.as_str())
            }
            ProblemKind::InvalidDate(error) => write!(f, "{error}"),
            ProblemKind::InvalidCount { count } => write!(
                f,
                "count {count} is not a number of bodies: write a whole number of at least 1"
            ),
            ProblemKind::EmptySuccession { side } => write!(
                f,
                "a succession needs at least one body in `{side}`"
            ),
            ProblemKind::NotSuccession { kind } => write!(
                f,
                "{kind:?} is not a kind of succession: write \"replaced-by\", \"merged-into\" or \"renamed-to\"",
                kind = kind.as_str()
            ),
            ProblemKind::NoBodies => f.write_str(
                "the file declares no bodies: a structure needs at least one [[body]] entry (is this the right file?)",
            ),
            ProblemKind::TooLong {
                field,
                length,
                limit,
            } => {
                write!(
                    f,
                    "{field} of {length} characters, more than the {limit} allowed: shorten it"
                )?;
                if matches!(*field, "name" | "tier") {
                    f.write_str(", and put the rest in a note")?;
                }
                Ok(())
            }
        }
    }
}
