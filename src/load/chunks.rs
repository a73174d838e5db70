//! Reading a TOML structure file one `[[body]]` or `[[member]]` table at a
//! time.
//!
//! The toml crate parses a whole document into a tree before handing it to
//! serde, about twenty bytes of tree for each byte of text: a national file
//! of 125 MB took 2.6 GB. A structure file is a preamble (`[structure]`)
//! followed by `[[body]]` and `[[member]]` tables, and each such table is a
//! TOML document of its own (an array of one table), so the file is cut
//! before each of their headers and the pieces are parsed one by one (a
//! second thread parsing every other batch of them), and each piece's entry
//! is handed to the resolver in file order as soon as it is parsed: only a
//! few batches of pieces, and none of their trees, are alive at a time.
//!
//! Cutting never changes what a valid file means: headers are found with
//! the toml crate's own lexer (`toml_parser`), so a `[[body]]` inside a
//! multi-line string is never taken for one, and keys at the root can only
//! be written before the first header, which is all in the first piece.
//! The only TOML rules that span pieces are the ones against defining a
//! table twice: `[structure]` in two pieces, or `body = [...]` written inline
//! in the preamble as well as with `[[body]]` headers. When the pieces break
//! one of those, the whole text is parsed instead, so that the error is the
//! toml crate's for the whole file. When a piece fails to parse, its error
//! is given at its place in the file, without parsing the whole: a typo in a
//! file of a hundred megabytes costs a second and a half, not nine seconds
//! and gigabytes.

use std::ops::Range;

use serde::de::IgnoredAny;
use serde::{Deserialize, Deserializer};
use toml_parser::Source;
use toml_parser::lexer::TokenKind;

use toml::Spanned;

use super::{RawSuccession, Resolver, stream};
use crate::load::raw::{Plain, RawFile, Spans};

/// Where each entry's piece begins in the text: the spans that parsing a
/// piece gives are from the start of the piece, and problems need them from
/// the start of the file.
#[derive(Default)]
pub(crate) struct Bases {
    /// The offset of each `[[body]]` entry's piece, by entry index.
    pub bodies: Vec<usize>,
    /// The offset of each `[[member]]` entry's piece, by entry index.
    pub members: Vec<usize>,
    /// The offset of the piece that holds `[structure]`.
    pub structure: usize,
}

/// Fewer bytes than this are parsed whole: cutting pays only where the
/// tree would be large.
pub(crate) const WHOLE_BELOW: usize = 1 << 20;

/// Which lists the root of a file's first piece holds, whatever else it
/// holds.
#[derive(Deserialize)]
struct Roots {
    #[serde(default, deserialize_with = "present")]
    body: bool,
    #[serde(default, deserialize_with = "present")]
    member: bool,
}

/// True for a key that is there, whatever its value.
fn present<'de, D: Deserializer<'de>>(deserializer: D) -> Result<bool, D::Error> {
    IgnoredAny::deserialize(deserializer).map(|_| true)
}

/// A TOML syntax error (or a value of the wrong sort), at a byte offset of
/// the whole file.
pub(crate) struct TomlError {
    pub message: String,
    pub offset: Option<usize>,
    /// The key path of a value of the wrong sort (`body[3].apex`); empty
    /// for a syntax error, and where it cannot be told.
    pub key: String,
}

impl TomlError {
    /// The error of a piece that begins at `base`, whose text is `piece`.
    /// The key path is found by parsing the piece again with paths tracked:
    /// only a file with an error pays for it.
    fn in_piece(error: &toml::de::Error, base: usize, piece: &str) -> TomlError {
        TomlError {
            message: error.message().to_string(),
            offset: error.span().map(|span| base + span.start),
            key: key_path(piece),
        }
    }
}

/// The key path of the first value of the wrong sort in a TOML text
/// (`body[0].apex`), or nothing if it has none or is not TOML.
fn key_path(text: &str) -> String {
    let Ok(deserializer) = toml::Deserializer::parse(text) else {
        return String::new();
    };
    match serde_path_to_error::deserialize::<_, RawFile<'_, Plain>>(deserializer) {
        Ok(_) => String::new(),
        Err(error) => {
            let path = error.path().to_string();
            if path == "." { String::new() } else { path }
        }
    }
}

/// A key path found in one piece, as a path of the whole file: the piece's
/// one entry is `body[0]` or `member[0]` within it, and `body[index]` in
/// the file.
fn renumber(key: String, index: usize) -> String {
    for list in ["body", "member"] {
        if let Some(rest) = key.strip_prefix(list).and_then(|r| r.strip_prefix("[0]")) {
            return format!("{list}[{index}]{rest}");
        }
    }
    key
}

/// How a TOML text was read.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Read {
    Whole,
    InPieces,
}

/// Reads a TOML structure file into the resolver, piece by piece when it
/// has `whole_below` bytes or more, each entry resolved as soon as its piece
/// is parsed; gives its successions (a file with any is read whole), and
/// how it was read.
///
/// # Errors
///
/// Where the text is not a valid structure file's TOML, the error the toml
/// crate gives for the whole text: the first syntax error, or, where there
/// is none, the first value of the wrong sort.
pub(crate) fn read<'a>(
    text: &'a str,
    whole_below: usize,
    resolver: &mut Resolver,
) -> Result<(Vec<Spanned<RawSuccession<'a>>>, Read), TomlError> {
    let whole = |resolver: &mut Resolver| {
        stream::toml(text, resolver)
            .map(|successions| (successions, Read::Whole))
            .map_err(|e| TomlError::in_piece(&e, 0, text))
    };
    if text.len() < whole_below {
        return whole(resolver);
    }
    let cuts = headers(text);
    // Successions are few and name bodies anywhere in the file: a file
    // that has any is read whole, which keeps their spans simple.
    // The word is rare: look for it first, and only then line by line.
    let successions = text.contains("succession")
        && text.lines().any(|line| {
            let line = line.trim_start();
            line.starts_with("[[succession") || line.starts_with("succession")
        });
    if cuts.is_empty() || successions {
        return whole(resolver);
    }
    let starts = std::iter::once(0).chain(cuts.iter().copied());
    let ends = cuts.iter().copied().chain(std::iter::once(text.len()));
    let pieces: Vec<Range<usize>> = starts.zip(ends).map(|(s, e)| s..e).collect();
    // Root keys are all in the first piece, before any header; in any
    // other, a body or member list is one that its header began. Lists
    // written at the root (even empty ones) and headers cannot mix.
    let preamble = &text[pieces[0].clone()];
    if toml::from_str::<Roots>(preamble).is_ok_and(|r| r.body || r.member) {
        return whole(resolver);
    }
    // Whether two of the pieces define `[structure]`.
    let mut structure = false;
    let mut twice = false;
    let parsed = each_piece(text, &pieces, |start, raw| {
        let RawFile {
            structure: meta,
            bodies,
            members,
            successions: _,
        } = raw;
        if let Some(meta) = meta {
            twice |= std::mem::replace(&mut structure, true);
            resolver.bases.structure = start;
            if !twice {
                resolver.take_structure::<Spans>(meta);
            }
        }
        // Once a table is defined twice, the pieces are only parsed, to
        // find a syntax error that comes before it.
        if twice {
            return;
        }
        for body in bodies {
            based(&mut resolver.bases.bodies, resolver.bodies_seen, start);
            resolver.take_body::<Spans>(body);
        }
        for member in members {
            based(&mut resolver.bases.members, resolver.members_seen, start);
            resolver.take_member::<Spans>(member);
        }
    });
    match parsed {
        // Defining a table twice is an error the whole text describes
        // best; it is rare enough to pay for parsing the whole.
        Ok(()) if twice => {
            resolver.start_over();
            whole(resolver)
        }
        Ok(()) => Ok((Vec::new(), Read::InPieces)),
        Err(failed) => Err(first_error(text, &pieces, failed)),
    }
}

/// Records that entry `index` of a list is in the piece that begins at
/// `start`: a second reading finds it recorded already.
fn based(bases: &mut Vec<usize>, index: usize, start: usize) {
    match bases.get_mut(index) {
        Some(base) => *base = start,
        None => bases.push(start),
    }
}

/// How many pieces a thread parses at a time: enough that handing them
/// over costs little, few enough that the entries parsed ahead of the
/// resolver take little room.
const BATCH: usize = 64;

/// Parses each piece and hands it, with where it starts, in order, to
/// `take`; the number and error of the first that fails to parse. Where
/// there are two cores, a second thread parses every other batch of
/// pieces (a few batches ahead, at most) while this one parses the others
/// and hands every piece over.
fn each_piece<'a>(
    text: &'a str,
    pieces: &[Range<usize>],
    mut take: impl FnMut(usize, RawFile<'a, Spans>),
) -> Result<(), (usize, toml::de::Error)> {
    let parse = |batch: usize| -> Result<Vec<RawFile<'a, Spans>>, (usize, toml::de::Error)> {
        let numbers = batch * BATCH..((batch + 1) * BATCH).min(pieces.len());
        numbers
            .map(|number| {
                toml::from_str::<RawFile<'a, Spans>>(&text[pieces[number].clone()])
                    .map_err(|e| (number, e))
            })
            .collect()
    };
    let batches = pieces.len().div_ceil(BATCH);
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut hand_over = |batch: usize, parsed: Vec<RawFile<'a, Spans>>| {
        for (raw, piece) in parsed.into_iter().zip(&pieces[batch * BATCH..]) {
            take(piece.start, raw);
        }
    };
    if cores < 2 || batches < 2 {
        for batch in 0..batches {
            hand_over(batch, parse(batch)?);
        }
        return Ok(());
    }
    std::thread::scope(|scope| {
        let (sender, receiver) = std::sync::mpsc::sync_channel(2);
        let parse = &parse;
        // The odd batches; it stops at its first error, or when this thread
        // stops listening.
        let spawned = std::thread::Builder::new().spawn_scoped(scope, move || {
            for batch in (1..batches).step_by(2) {
                let parsed = parse(batch);
                let failed = parsed.is_err();
                if sender.send(parsed).is_err() || failed {
                    break;
                }
            }
        });
        // Where no thread can be made, this one parses every batch.
        let helped = spawned.is_ok();
        for batch in 0..batches {
            let parsed = match batch % 2 == 1 && helped {
                true => receiver.recv().unwrap_or_else(|_| parse(batch)),
                false => parse(batch),
            };
            hand_over(batch, parsed?);
        }
        Ok(())
    })
}

/// The error the whole text gives, from the first piece that failed: the
/// toml crate reads a whole document before it checks any value, so a
/// syntax error in any later piece comes first; the pieces before the one
/// that failed parsed, so they have none.
fn first_error(
    text: &str,
    pieces: &[Range<usize>],
    (failed, error): (usize, toml::de::Error),
) -> TomlError {
    pieces[failed..]
        .iter()
        .find_map(|piece| {
            toml::from_str::<IgnoredAny>(&text[piece.clone()])
                .err()
                .map(|e| TomlError {
                    key: String::new(),
                    ..TomlError::in_piece(&e, piece.start, "")
                })
        })
        .unwrap_or_else(|| {
            let piece = &text[pieces[failed].clone()];
            let mut found = TomlError::in_piece(&error, pieces[failed].start, piece);
            // The entry's index in the file: the pieces before it of its own
            // list, the preamble (piece 0) aside.
            let list = |piece: &str| {
                let header = piece.trim_start().trim_start_matches('[').trim_start();
                if header.starts_with("body") {
                    "body"
                } else {
                    "member"
                }
            };
            if failed > 0 {
                let own = list(piece);
                let index = pieces[1..failed]
                    .iter()
                    .filter(|p| list(&text[(*p).clone()]) == own)
                    .count();
                found.key = renumber(found.key, index);
            }
            found
        })
}

/// The offsets of the `[[body]]` and `[[member]]` headers that begin a line.
fn headers(text: &str) -> Vec<usize> {
    let source = Source::new(text);
    let mut cuts = Vec::new();
    // The tokens since the start of the line, skipping whitespace, while
    // they may still be a header: `[`, `[`, the name, `]`, `]`.
    let mut line: Vec<(TokenKind, Range<usize>)> = Vec::with_capacity(5);
    let mut at_line_start = true;
    for token in source.lex() {
        let kind = token.kind();
        let span = token.span().start()..token.span().end();
        match kind {
            TokenKind::Newline => {
                at_line_start = true;
                line.clear();
                continue;
            }
            TokenKind::Whitespace => continue,
            _ => {}
        }
        if !at_line_start {
            continue;
        }
        line.push((kind, span));
        let header = [
            TokenKind::LeftSquareBracket,
            TokenKind::LeftSquareBracket,
            TokenKind::Atom,
            TokenKind::RightSquareBracket,
            TokenKind::RightSquareBracket,
        ];
        let matches = line
            .iter()
            .zip(header)
            .all(|((kind, _), want)| *kind == want);
        if !matches {
            at_line_start = false;
            line.clear();
        } else if line.len() == header.len() {
            let name = &text[line[2].1.clone()];
            let start = line[0].1.start;
            if name == "body" || name == "member" {
                cuts.push(start);
            }
            at_line_start = false;
            line.clear();
        }
    }
    cuts
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(feature = "generate")]
    use crate::generate::{self, GeneratorOptions};

    #[test]
    fn headers_are_found_at_line_starts_only() {
        let text = "[structure]\nname = \"x\"\n\n[[body]]\nid = \"a\"\n  [[ member ]] # c\n\
                    note = \"\"\"\n[[body]]\n\"\"\"\nx = [[body]]\n[[body.members]]\n";
        let cuts = headers(text);
        let at: Vec<&str> = cuts.iter().map(|&c| &text[c..c + 8]).collect();
        assert_eq!(at, ["[[body]]", "[[ membe"]);
    }

    /// Loads a text in pieces and whole. They must agree exactly on the
    /// structure and on every problem of an invalid one. Text that is not
    /// TOML must be a syntax error both ways, but which error comes first
    /// may differ: the toml crate reports a syntax error anywhere before a
    /// key defined twice earlier in the text, and the pieces report the
    /// first piece's error.
    fn same_either_way(text: &str) -> Result<crate::Structure, String> {
        let pieces = crate::load::toml_structure(text, 0);
        let whole = crate::load::toml_structure(text, usize::MAX);
        let syntax = |r: &Result<_, crate::Error>| {
            r.as_ref()
                .is_err_and(|e| matches!(e.kind(), crate::ErrorKind::Syntax { .. }))
        };
        if syntax(&whole) {
            assert!(syntax(&pieces), "{text}");
        } else {
            let show = |r: &Result<crate::Structure, crate::Error>| {
                r.as_ref().map_err(|e| e.to_string()).cloned()
            };
            assert_eq!(show(&pieces), show(&whole), "{text}");
        }
        pieces.map_err(|e| e.to_string())
    }

    /// Whether the text was really read in pieces, rather than whole after
    /// a piece failed: the last body's piece starts after the first byte.
    fn read_in_pieces(text: &str) -> bool {
        let mut resolver = Resolver::new(super::super::Source::File);
        read(text, 0, &mut resolver).is_ok_and(|(_, read)| read == Read::InPieces)
    }

    const DATASETS: [&str; 4] = [
        include_str!("../../data/solihull-2011.toml"),
        include_str!("../../data/halton-2008.toml"),
        include_str!("../../data/leicestershire-2009-current.toml"),
        include_str!("../../data/leicestershire-2009-proposed.toml"),
    ];

    #[test]
    #[cfg(all(feature = "generate", feature = "datasets"))]
    fn valid_files_read_the_same_in_pieces() {
        let generated = generate::structure(&GeneratorOptions::new().bodies(300).memberships(3000))
            .to_toml_string()
            .unwrap();
        let saved = crate::datasets::solihull_2011().to_toml_string().unwrap();
        for text in DATASETS
            .iter()
            .copied()
            .chain([generated.as_str(), saved.as_str()])
        {
            // As written, with Windows line ends, and with a byte order mark.
            let crlf = text.replace('\n', "\r\n");
            let bom = format!("\u{feff}{text}");
            for text in [text, &crlf, &bom] {
                assert!(same_either_way(text).is_ok());
                assert!(read_in_pieces(text));
            }
        }
    }

    const BOARD: &str =
        "[[body]]\nid = \"board\"\nname = \"Board\"\nkind = \"board\"\napex = true\n";

    #[test]
    fn a_header_inside_a_multi_line_string_is_text() {
        let text = format!(
            "# preamble\n{BOARD}note = \"\"\"\n[[body]]\nid = \\\"x\\\"\n\"\"\"\n\n\
             [[body]]\nid = \"exec\"\nname = \"Exec\"\nkind = \"executive\"\nreports_to = [\"board\"]\n"
        );
        let s = same_either_way(&text).unwrap();
        assert_eq!(s.bodies().count(), 2);
        assert!(
            s.body("board")
                .unwrap()
                .note
                .as_deref()
                .unwrap()
                .contains("[[body]]")
        );
        assert!(read_in_pieces(&text));
    }

    #[test]
    fn problems_in_later_pieces_have_the_lines_of_the_file() {
        let text = format!(
            "[structure]\nname = \"x\"\n\n{BOARD}\n{BOARD}\n[[body]]\nid = \"g\"\nname = \"G\"\n\
             kind = \"sub-group\"\nreports_to = [\"bord\"]\nmembers = [\"nobody\"]\n"
        );
        let error = same_either_way(&text).unwrap_err();
        // Lines 4 to 8 are the first board, its id on line 5; the second
        // board's id is on line 11; group g's header is on line 16, so its
        // reports_to is on line 20 and its members on 21.
        for at in [
            "11:6: body \"board\"",
            "first defined at 5:6",
            "20:15: body \"g\"",
            "21:12:",
        ] {
            assert!(error.contains(at), "{at} in {error}");
        }
    }

    #[test]
    fn a_syntax_error_in_a_later_piece_has_the_line_of_the_file() {
        // The board takes lines 1 to 5, the blank line 6, the header line
        // 7: the second `=` is at line 8, column 6.
        let text = format!("{BOARD}\n[[body]]\nid = = \"broken\"\n");
        let error = crate::load::toml_structure(&text, 0)
            .unwrap_err()
            .to_string();
        assert!(error.starts_with("8:6: "), "{error}");
        assert_eq!(
            error,
            crate::load::toml_structure(&text, usize::MAX)
                .unwrap_err()
                .to_string()
        );
    }

    #[test]
    fn tables_defined_twice_across_pieces_are_the_toml_error() {
        let texts = [
            format!("[structure]\nname = \"a\"\n{BOARD}[structure]\nname = \"b\"\n"),
            format!("body = [{{ id = \"x\", name = \"X\", kind = \"board\" }}]\n{BOARD}"),
            "member = [{ id = \"p\", name = \"P\", kind = \"post\" }]\n\
             [[member]]\nid = \"q\"\nname = \"Q\"\nkind = \"post\"\n"
                .to_string(),
            format!("{BOARD}[body]\nid = \"y\"\n"),
            // Found by the property below: an empty list at the root and a
            // header for the same list.
            format!("body = []\n{BOARD}"),
            format!("member = []\n{BOARD}[[member]]\nid = \"q\"\nname = \"Q\"\nkind = \"post\"\n"),
            format!("{BOARD}\n[[body]]\nid = = \"broken\"\n"),
        ];
        for text in &texts {
            assert!(same_either_way(text).is_err(), "{text}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]

        /// Lines that open, close or fake headers, strings, arrays and
        /// tables, put anywhere in a real file: read in pieces or whole,
        /// the result is the same.
        #[test]
        fn any_edit_reads_the_same_in_pieces(
            which in 0..DATASETS.len(),
            edits in proptest::collection::vec(
                (0usize..2000, proptest::sample::select(&[
                    "[[body]]", "[[member]]", "[[ body ]]", "[structure]", "[body]",
                    "[[body.members]]", "\"\"\"", "'''", "note = \"\"\"", "x = [",
                    "]", "body = []", "member = [{ id = \"m\" }]", "# [[body]]",
                    "id = \"board\"", "name = \"\"", "\r", "[[body]] # c", "kind = \"board\"",
                ][..])),
                1..6,
            )
        ) {
            let mut lines: Vec<&str> = DATASETS[which].lines().collect();
            for (at, line) in edits {
                lines.insert(at % (lines.len() + 1), line);
            }
            // Valid or not, the two readings must agree, which is what
            // same_either_way asserts.
            let _ = same_either_way(&lines.join("\n"));
        }
    }
}
