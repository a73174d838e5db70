//! Reading the structure a FILE argument names: a bundled dataset, a
//! structure file in TOML or JSON, or a Popolo JSON document.

use std::ffi::OsStr;
use std::fs::File;
use std::io::BufReader;
use std::path::Path;

use govgraph::{Error, Structure, datasets, popolo};
use std::borrow::Cow;
use std::fmt;

use serde::Deserializer;
use serde::de::{IgnoredAny, MapAccess, Visitor};

use crate::Failure;

/// A bundled dataset's loader.
pub type Dataset = fn() -> Structure;

/// The bundled datasets, by the name the command line gives them.
pub const DATASETS: &[(&str, Dataset)] = &[
    ("solihull-2011", datasets::solihull_2011),
    ("halton-2008", datasets::halton_2008),
    (
        "leicestershire-2009-current",
        datasets::leicestershire_2009_current,
    ),
    (
        "leicestershire-2009-proposed",
        datasets::leicestershire_2009_proposed,
    ),
];

/// Popolo warnings printed for one file before the rest are counted.
const WARNINGS_SHOWN: usize = 10;

/// A structure read from the command line.
pub struct Input {
    /// What the user called it: the path as given, or the dataset's name.
    pub label: String,
    /// The structure.
    pub structure: Structure,
    /// The Popolo document it came from, if it was one, with what govgraph
    /// keeps of it beyond the structure.
    pub popolo: Option<popolo::Import>,
}

/// Reads the structure `arg` names, printing any Popolo import warnings on
/// stderr.
///
/// A bundled dataset's name is taken as the dataset; anything else is a
/// path. Structure files must be named `.toml` or `.json` (the library
/// reads the format from the extension), so no file is shadowed by a
/// dataset's name.
pub fn load(arg: &OsStr) -> Result<Input, Failure> {
    if let Some(input) = dataset(arg) {
        return Ok(input);
    }
    let path = Path::new(arg);
    let label = path.display().to_string();
    if path.extension().is_none() && !path.exists() {
        let names: Vec<&str> = DATASETS.iter().map(|(name, _)| *name).collect();
        return Err(Failure::new(format!(
            "{label}: no such file or bundled dataset (the datasets are {}; files are named .toml or .json)",
            names.join(", ")
        )));
    }
    if is_popolo(path) {
        let import = popolo::from_path(path).map_err(|e| invalid(&label, &e))?;
        let warnings = import.warnings();
        for warning in warnings.iter().take(WARNINGS_SHOWN) {
            // A warning read from a path names its file already.
            eprintln!("warning: {warning}");
        }
        if warnings.len() > WARNINGS_SHOWN {
            eprintln!(
                "warning: {label}: {} more Popolo warnings not shown",
                warnings.len() - WARNINGS_SHOWN
            );
        }
        let structure = import.structure().clone();
        return Ok(Input {
            label,
            structure,
            popolo: Some(import),
        });
    }
    let structure = Structure::from_path(path).map_err(|e| invalid(&label, &e))?;
    Ok(Input {
        label,
        structure,
        popolo: None,
    })
}

fn dataset(arg: &OsStr) -> Option<Input> {
    let name = arg.to_str()?;
    let (name, structure) = DATASETS.iter().find(|(known, _)| *known == name)?;
    Some(Input {
        label: (*name).to_string(),
        structure: structure(),
        popolo: None,
    })
}

/// The message for a file that could not be used. The library's errors
/// name the file already (`trust.toml:6:15: ...`); an error that does not
/// is prefixed with it here. A structure's problems are listed one a line.
fn invalid(label: &str, error: &Error) -> Failure {
    let text = error.to_string();
    let text = if text.starts_with(label) {
        text
    } else {
        format!("{label}: {text}")
    };
    if error.problems().is_empty() {
        Failure::new(text)
    } else {
        Failure::problems(text)
    }
}

/// Whether a `.json` file is a Popolo document rather than a govgraph
/// structure file: its top level has one of Popolo's keys and none of
/// govgraph's (`structure`, `body`, `member`). A file that cannot be read
/// or is not a JSON object is not Popolo; the structure loader then says
/// what is wrong with it.
///
/// Reading stops at the first key of govgraph's, which a structure file
/// usually opens with, so a large structure file is not read twice.
fn is_popolo(path: &Path) -> bool {
    let is_json = path
        .extension()
        .and_then(OsStr::to_str)
        .is_some_and(|extension| extension.eq_ignore_ascii_case("json"));
    if !is_json {
        return false;
    }
    let Ok(file) = File::open(path) else {
        return false;
    };
    let mut found = None;
    let mut deserializer = serde_json::Deserializer::from_reader(BufReader::new(file));
    // Stopping early leaves the object unfinished, which the reader calls
    // an error: the answer is in `found` either way, and a file that is not
    // JSON gives none.
    let _unfinished = deserializer.deserialize_map(TopLevel(&mut found));
    found.unwrap_or(false)
}

/// Reads a JSON object's keys until it is known whether it is Popolo,
/// skipping their values; the answer goes in the slot it holds.
struct TopLevel<'a>(&'a mut Option<bool>);

impl<'de> Visitor<'de> for TopLevel<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut popolo = false;
        while let Some(key) = map.next_key::<Cow<'_, str>>()? {
            match &*key {
                "structure" | "body" | "member" => {
                    *self.0 = Some(false);
                    return Ok(());
                }
                "organizations" | "persons" | "memberships" | "posts" => popolo = true,
                _ => {}
            }
            map.next_value::<IgnoredAny>()?;
        }
        *self.0 = Some(popolo);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::is_popolo;

    /// Writes `text` to a file of this name in a fresh folder.
    fn file(name: &str, text: &str) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("govgraph-sniff-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        path
    }

    #[test]
    fn popolo_keys_alone_make_popolo() {
        let path = file(
            "p.json",
            r#"{"persons": [], "organizations": [{"id": "o"}]}"#,
        );
        assert!(is_popolo(&path));
    }

    #[test]
    fn a_govgraph_key_anywhere_makes_a_structure_file() {
        let first = file("s1.json", r#"{"body": [{"id": "b"}], "persons": []}"#);
        assert!(!is_popolo(&first));
        let later = file(
            "s2.json",
            r#"{"persons": [], "organizations": [], "member": []}"#,
        );
        assert!(!is_popolo(&later));
    }

    #[test]
    fn a_broken_file_is_left_to_the_structure_loader() {
        // Popolo keys, then no JSON: the loader is to say what is wrong.
        let broken = file(
            "s4.json",
            r#"{"persons": [], "organizations": [ this is not json"#,
        );
        assert!(!is_popolo(&broken));
    }

    #[test]
    fn other_files_are_not_popolo() {
        assert!(!is_popolo(&file("p.toml", r#"persons = []"#)));
        assert!(!is_popolo(&file("a.json", r#"[{"persons": []}]"#)));
        assert!(!is_popolo(std::path::Path::new("no-such-file.json")));
    }
}
