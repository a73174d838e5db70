//! Errors name where the trouble is and say each cause once: an I/O cause
//! is not repeated down an error chain, a file that is not UTF-8 is refused
//! at its first bad byte, a wrong extension is its own error saying what to
//! do, TOML type errors carry their key path as JSON ones do, and JSON
//! columns are one-based characters.

use std::error::Error as _;
use std::path::{Path, PathBuf};

use govgraph::{ErrorKind, Structure};

/// A scratch directory of this test binary's own.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("govgraph-errors-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Every message of an error's chain, as a program that prints
/// `caused by: ...` lines would print them.
fn chain(err: &govgraph::Error) -> Vec<String> {
    let mut messages = vec![err.to_string()];
    let mut cause = err.source();
    while let Some(c) = cause {
        messages.push(c.to_string());
        cause = c.source();
    }
    messages
}

#[test]
fn an_io_cause_is_printed_once_down_the_error_chain() {
    let dir = scratch("io");
    let missing = dir.join("missing.toml");
    let err = Structure::from_path(&missing).unwrap_err();
    let ErrorKind::Io { path, cause } = err.kind() else {
        panic!("expected an I/O error, got {err}");
    };
    assert_eq!(path, &missing);
    let cause = cause.to_string();
    let printed = chain(&err).join("\ncaused by: ");
    assert_eq!(printed.matches(&cause).count(), 1, "{printed}");
    // Printing the error alone still says why.
    assert!(err.to_string().ends_with(&cause), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_file_that_is_not_utf8_is_refused_at_its_first_bad_byte() {
    let dir = scratch("utf8");
    let path = dir.join("trust.toml");
    // "café" saved as Latin-1: é is the single byte 0xE9.
    let bytes: &[u8] = b"[[body]]\nid = \"caf\xe9\"\nname = \"Caf\xe9 Board\"\nkind = \"board\"\n";
    std::fs::write(&path, bytes).unwrap();
    let bad = bytes.iter().position(|&b| b == 0xe9).unwrap();
    let err = Structure::from_path(&path).unwrap_err();
    let ErrorKind::NotUtf8 { location, offset } = err.kind() else {
        panic!("expected a located encoding error, got {err:?}");
    };
    assert_eq!(*offset, bad);
    assert_eq!(location.file.as_deref(), Some(path.as_path()));
    // Line 2 is `id = "caf` then the bad byte: nine characters before it.
    assert_eq!((location.line, location.column), (Some(2), Some(10)));
    let message = err.to_string();
    assert!(
        message.starts_with(&format!("{}:2:10: byte {bad} is not UTF-8", path.display())),
        "{message}"
    );
    assert!(message.contains("save it as UTF-8"), "{message}");
    assert!(err.source().is_none());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
#[cfg(feature = "popolo")]
fn a_popolo_file_that_is_not_utf8_is_refused_at_its_first_bad_byte() {
    let dir = scratch("popolo-utf8");
    let path = dir.join("council.json");
    let bytes: &[u8] = b"{\"organizations\": [\n  {\"id\": \"x\", \"name\": \"\xff\"}\n]}";
    std::fs::write(&path, bytes).unwrap();
    let bad = bytes.iter().position(|&b| b == 0xff).unwrap();
    let err = govgraph::popolo::from_path(&path).unwrap_err();
    let ErrorKind::NotUtf8 { location, offset } = err.kind() else {
        panic!("expected a located encoding error, got {err:?}");
    };
    assert_eq!((location.line, *offset), (Some(2), bad));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_wrong_extension_is_its_own_error_saying_what_to_do() {
    let dir = scratch("extension");
    for name in ["trust.txt", "trust"] {
        let path = dir.join(name);
        std::fs::write(
            &path,
            "[[body]]\nid = \"b\"\nname = \"B\"\nkind = \"board\"\n",
        )
        .unwrap();
        let err = Structure::from_path(&path).unwrap_err();
        let ErrorKind::UnknownFormat { path: named } = err.kind() else {
            panic!("expected an unknown-format error, got {err:?}");
        };
        assert_eq!(named, &path);
        let message = err.to_string();
        assert!(
            message.starts_with(&path.display().to_string()),
            "{message}"
        );
        assert!(
            message.contains("name the file .toml or .json"),
            "{message}"
        );
        assert!(message.contains("Structure::from_str_in"), "{message}");
        assert!(err.source().is_none());
    }
    let err = Structure::from_path(dir.join("trust.txt")).unwrap_err();
    assert!(err.to_string().contains(r#"the extension "txt""#), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
}

fn syntax(err: &govgraph::Error) -> (&govgraph::Location, &str) {
    match err.kind() {
        ErrorKind::Syntax { location, message } => (location, message),
        _ => panic!("expected a syntax error, got {err}"),
    }
}

#[test]
fn toml_type_errors_carry_the_key_path_as_json_ones_do() {
    let toml = "[[body]]\nid = \"a\"\nname = \"A\"\nkind = \"board\"\n\n\
                [[body]]\nid = \"b\"\nname = \"B\"\nkind = \"board\"\napex = \"yes\"\n";
    let err = Structure::from_toml_str(toml).unwrap_err();
    let (location, message) = syntax(&err);
    assert_eq!(location.key, "body[1].apex");
    assert_eq!((location.line, location.column), (Some(10), Some(8)));
    assert!(message.contains("boolean"), "{message}");
    assert!(err.to_string().starts_with("10:8: body[1].apex: "), "{err}");

    let json = r#"{"body": [{"id": "a", "name": "A", "kind": "board"}, {"id": "b", "name": "B", "kind": "board", "apex": "yes"}]}"#;
    let err = Structure::from_json_str(json).unwrap_err();
    assert_eq!(syntax(&err).0.key, "body[1].apex");

    let member = "[[body]]\nid = \"a\"\nname = \"A\"\nkind = \"board\"\n\n\
                  [[member]]\nid = \"m\"\nname = \"M\"\nkind = \"post\"\nstatus = 4\n";
    let err = Structure::from_toml_str(member).unwrap_err();
    assert_eq!(syntax(&err).0.key, "member[0].status");

    let meta = "[structure]\ndate = 2011\n\n[[body]]\nid = \"a\"\nname = \"A\"\nkind = \"board\"\n";
    let err = Structure::from_toml_str(meta).unwrap_err();
    assert_eq!(syntax(&err).0.key, "structure.date");

    // A syntax error has no key to give.
    let err = Structure::from_toml_str("[[body]\n").unwrap_err();
    assert_eq!(syntax(&err).0.key, "");
}

#[test]
fn a_large_toml_file_read_in_pieces_gives_the_key_path_of_the_whole_file() {
    // More than the size below which a file is parsed whole.
    let mut text = String::from("[structure]\nname = \"Large\"\n\n");
    let bodies = 30_000;
    for i in 0..bodies {
        text.push_str(&format!(
            "[[body]]\nid = \"b{i}\"\nname = \"Body {i}\"\nkind = \"group\"\n\n"
        ));
        if i % 3 == 0 {
            text.push_str(&format!(
                "[[member]]\nid = \"m{i}\"\nname = \"M\"\nkind = \"post\"\n\n"
            ));
        }
    }
    assert!(text.len() > 2 << 20);
    let wrong = 20_001;
    let at = text.find(&format!("id = \"b{wrong}\"\n")).unwrap();
    text.insert_str(at, "count = \"twelve\"\n");
    let err = Structure::from_toml_str(&text).unwrap_err();
    let (location, _) = syntax(&err);
    assert_eq!(location.key, format!("body[{wrong}].count"));
    let line = text[..at].lines().count() + 1;
    assert_eq!(location.line, Some(line));

    let members_before = (0..wrong).filter(|i| i % 3 == 0).count();
    let at = text
        .find(&format!("id = \"m{}\"\n", 3 * members_before))
        .unwrap();
    text.replace_range(at..at, "status = 1\n");
    // The body's mistake comes first in the file; fix it, to see the member's.
    let text = text.replace("count = \"twelve\"\n", "");
    let err = Structure::from_toml_str(&text).unwrap_err();
    assert_eq!(
        syntax(&err).0.key,
        format!("member[{members_before}].status")
    );
}

#[test]
fn json_columns_are_one_based_characters() {
    // serde_json puts an error at the end of the text straight after a line
    // break in column 0.
    let err = Structure::from_json_str("{\"body\": [\n").unwrap_err();
    let (location, _) = syntax(&err);
    assert_eq!(location.line, Some(2));
    assert_eq!(location.column, Some(1));

    // And counts bytes: "é" is two bytes, one character.
    let line = r#"{"body": [{"id": "é", "name": 3, "kind": "board"}]}"#;
    let bytes_through_the_three = line.find('3').unwrap() + 1;
    let chars_through_the_three = line[..bytes_through_the_three].chars().count();
    assert_eq!(chars_through_the_three, bytes_through_the_three - 1);
    let err = Structure::from_json_str(line).unwrap_err();
    let (location, _) = syntax(&err);
    assert_eq!(location.key, "body[0].name");
    assert_eq!(location.column, Some(chars_through_the_three));
}

#[test]
fn an_unknown_format_is_not_an_io_error() {
    let err = Structure::from_path(Path::new("trust.yaml")).unwrap_err();
    assert!(!matches!(err.kind(), ErrorKind::Io { .. }));
}
