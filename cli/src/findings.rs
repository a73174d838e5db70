//! Findings on the command line: the kinds `--fail-on` names, the
//! duplication threshold, and the findings two reports do not share.

use std::collections::BTreeSet;

use govgraph::{FindingKind, Report};
use serde::Serialize;

/// The kinds given to `--fail-on`, in the order of [`FindingKind::ALL`],
/// each once.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KindList(pub Vec<FindingKind>);

/// Reads `--fail-on`'s comma-separated kinds: each a kind's word as in the
/// report's JSON (`orphan`, `mutual-scrutiny`), or its plural, in any case,
/// with `_` or a space for `-`; or `all`.
pub fn parse_kinds(text: &str) -> Result<KindList, String> {
    let mut kinds = BTreeSet::new();
    for word in text.split(',') {
        let word = word.trim();
        if word.is_empty() {
            continue;
        }
        if word.eq_ignore_ascii_case("all") {
            kinds.extend(FindingKind::ALL.iter().copied());
        } else {
            kinds.insert(parse_kind(word)?);
        }
    }
    if kinds.is_empty() {
        return Err(format!("name at least one kind: {}", kind_words()));
    }
    Ok(KindList(kinds.into_iter().collect()))
}

fn parse_kind(word: &str) -> Result<FindingKind, String> {
    let normal = word.to_ascii_lowercase().replace(['_', ' '], "-");
    FindingKind::ALL
        .iter()
        .copied()
        .find(|kind| {
            let name = kind.as_str();
            normal == name || normal.strip_suffix('s') == Some(name)
        })
        .ok_or_else(|| {
            format!(
                "unknown kind of finding {word:?}: the kinds are {}",
                kind_words()
            )
        })
}

fn kind_words() -> String {
    let mut words: Vec<&str> = FindingKind::ALL.iter().map(|kind| kind.as_str()).collect();
    words.push("all");
    words.join(", ")
}

/// Reads `--duplicate-threshold`: a number from 0 to 1.
pub fn parse_threshold(text: &str) -> Result<f64, String> {
    let value: f64 = text
        .trim()
        .parse()
        .map_err(|_| format!("{text:?} is not a number: give a score from 0 to 1, such as 0.3"))?;
    if (0.0..=1.0).contains(&value) {
        Ok(value)
    } else {
        Err(format!(
            "{value} is not from 0 to 1: duplication scores are from 0 to 1"
        ))
    }
}

/// One finding as text, for comparing two reports.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct FindingText {
    /// The kind, as in the report's JSON.
    pub kind: FindingKind,
    /// The finding's line in the text report.
    pub text: String,
}

/// The findings of `earlier` that `later` no longer has (resolved) and
/// those of `later` that `earlier` did not have (introduced), each in its
/// report's order. Findings are the same when their kind and text are, so
/// a body renamed between the two shows its findings as resolved and
/// introduced.
pub fn compare(earlier: &Report, later: &Report) -> (Vec<FindingText>, Vec<FindingText>) {
    let texts = |report: &Report| -> Vec<FindingText> {
        report
            .findings()
            .map(|finding| FindingText {
                kind: finding.kind(),
                text: finding.to_string(),
            })
            .collect()
    };
    let before = texts(earlier);
    let after = texts(later);
    let before_set: BTreeSet<&FindingText> = before.iter().collect();
    let after_set: BTreeSet<&FindingText> = after.iter().collect();
    let resolved = before
        .iter()
        .filter(|finding| !after_set.contains(finding))
        .cloned()
        .collect();
    let introduced = after
        .iter()
        .filter(|finding| !before_set.contains(finding))
        .cloned()
        .collect();
    (resolved, introduced)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_are_read_in_singular_plural_and_any_case() {
        let kinds = parse_kinds("orphans,Duplicate, mutual_scrutiny,cycles").unwrap();
        assert_eq!(
            kinds.0,
            [
                FindingKind::Orphan,
                FindingKind::Duplicate,
                FindingKind::Cycle,
                FindingKind::MutualScrutiny,
            ]
        );
        assert_eq!(parse_kinds("all").unwrap().0, FindingKind::ALL);
    }

    #[test]
    fn an_unknown_kind_is_named_with_the_kinds_there_are() {
        let err = parse_kinds("orphans,duplicats").unwrap_err();
        assert!(
            err.starts_with("unknown kind of finding \"duplicats\""),
            "{err}"
        );
        assert!(err.contains("multiple-accountability"), "{err}");
        assert!(parse_kinds(",").is_err());
    }

    #[test]
    fn thresholds_outside_zero_to_one_are_refused() {
        assert_eq!(parse_threshold("0.5"), Ok(0.5));
        assert_eq!(parse_threshold("1"), Ok(1.0));
        assert!(parse_threshold("1.5").is_err());
        assert!(parse_threshold("-0.1").is_err());
        assert!(parse_threshold("NaN").is_err());
        assert!(parse_threshold("high").is_err());
    }
}
