//! The reference of the structure file (`docs/format.md`, also the crate's
//! `format` module page) names every key the loader reads and every word of
//! every vocabulary, so that it cannot drift from the code: the keys come
//! from the loader's own "unknown field" errors, the words from the
//! vocabularies.

use govgraph::{Accountability, BodyKind, MemberKind, RelationKind, Role, Status, Structure};

/// The whole reference: one file, shown by rustdoc and linked from the
/// README.
fn format_section() -> &'static str {
    include_str!("../docs/format.md")
}

/// The keys a table accepts, from the loader's error for a key it does not
/// know ("unknown field `bogus`, expected one of `id`, `name`, ...").
fn keys_of(text: &str) -> Vec<String> {
    let err = Structure::from_toml_str(text).expect_err("an unknown key is refused");
    let message = err.to_string();
    let list = message
        .split_once("expected one of ")
        .unwrap_or_else(|| panic!("no key list in {message:?}"))
        .1;
    list.split(", ")
        .map(|k| {
            k.trim_matches(|c: char| c == '`' || c.is_whitespace())
                .to_string()
        })
        .filter(|k| !k.is_empty())
        .collect()
}

const BODY: &str = "[[body]]\nid = \"b\"\nname = \"B\"\nkind = \"board\"\n";

#[test]
fn every_key_of_every_table_is_documented() {
    let section = format_section();
    let tables = [
        ("body", format!("{BODY}bogus = 1\n")),
        (
            "member",
            format!("{BODY}\n[[member]]\nid = \"m\"\nname = \"M\"\nkind = \"post\"\nbogus = 1\n"),
        ),
        ("structure", format!("[structure]\nbogus = 1\n\n{BODY}")),
        (
            "succession",
            format!("{BODY}\n[[succession]]\nfrom = [\"b\"]\nto = [\"b\"]\nbogus = 1\n"),
        ),
        (
            "seat",
            format!("{BODY}members = [{{ member = \"b\", bogus = 1 }}]\n"),
        ),
        (
            "target",
            format!("{BODY}reports_to = [{{ to = \"b\", bogus = 1 }}]\n"),
        ),
    ];
    for (table, text) in tables {
        let keys = keys_of(&text);
        assert!(keys.len() >= 2, "{table}: {keys:?}");
        for key in keys {
            assert!(
                section.contains(&format!("`{key}`")) || section.contains(&format!("{key} = ")),
                "the format reference does not document the {table} key {key:?}"
            );
        }
    }
}

#[test]
fn every_word_of_every_vocabulary_is_documented() {
    let section = format_section();
    let row = |name: &str| -> &str {
        section
            .lines()
            .find(|l| l.starts_with(&format!("| {name} ")))
            .unwrap_or_else(|| panic!("no row for {name}"))
    };
    let vocabularies: [(&str, &[&str]); 6] = [
        ("status", Status::words()),
        ("body kind", BodyKind::words()),
        ("member kind", MemberKind::words()),
        ("role", Role::words()),
        ("accountability", Accountability::words()),
        ("relation", RelationKind::words()),
    ];
    for (name, words) in vocabularies {
        let row = row(name);
        for word in words {
            assert!(
                row.contains(&format!("`{word}`")),
                "the format reference's {name} row does not list {word:?}"
            );
        }
        // And nothing it lists is unknown: every backquoted word reads.
        let listed = row.split('`').skip(1).step_by(2);
        for word in listed {
            assert!(
                words.contains(&word),
                "the format reference's {name} row lists {word:?}, which is not a word"
            );
        }
    }
}

#[test]
fn every_relation_has_a_documented_key() {
    let section = format_section();
    for kind in RelationKind::ALL {
        assert!(section.contains(&format!("`{}`", kind.key())), "{kind:?}");
    }
}

#[test]
fn the_reference_is_the_format_module_page_and_the_readme_points_at_it() {
    let readme = include_str!("../README.md");
    let section = &readme[readme.find("## The structure file").expect("a section")..];
    let section = &section[..section[3..].find("\n## ").map_or(section.len(), |e| e + 3)];
    assert!(section.contains("(docs/format.md)"), "{section}");
    assert!(section.contains("govgraph::format"), "{section}");
    // One copy of the reference: the README does not repeat its tables.
    assert!(
        !readme.contains("| vocabulary | words"),
        "the README repeats the word table"
    );
    assert!(
        !readme.contains("| key | meaning |"),
        "the README repeats the key table"
    );
    let lib = include_str!("../src/lib.rs");
    assert!(
        lib.contains("#[doc = include_str!(\"../docs/format.md\")]\npub mod format"),
        "the format module shows the reference"
    );
}
