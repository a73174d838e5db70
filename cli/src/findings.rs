//! Findings on the command line: the kinds `--fail-on` names, the
//! duplication threshold, and the findings two reports do not share.

use std::collections::BTreeSet;

use govgraph::{Finding, FindingKind, Report};
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
            kinds.insert(parse_kind(word, true)?);
        }
    }
    if kinds.is_empty() {
        return Err(format!("name at least one kind: {}", kind_words(true)));
    }
    Ok(KindList(kinds.into_iter().collect()))
}

/// One kind of finding; `all` is offered in the message only where a list
/// of kinds may say it (`--fail-on`), not where one finding is named.
fn parse_kind(word: &str, all: bool) -> Result<FindingKind, String> {
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
                kind_words(all)
            )
        })
}

fn kind_words(all: bool) -> String {
    let mut words: Vec<&str> = FindingKind::ALL.iter().map(|kind| kind.as_str()).collect();
    if all {
        words.push("all");
    }
    words.join(", ")
}

/// The finding `draw --finding` names: `KIND`, or `KIND:ID,...`, the ids
/// being among those the finding is about ([`Finding::ids`], as
/// `Allowed` matches them). When several match, the one about exactly the
/// ids given is taken; otherwise the message lists the candidates, each
/// with the key that names it.
pub fn select<'r>(report: &'r Report, key: &str) -> Result<Finding<'r>, String> {
    let (word, rest) = key.split_once(':').unwrap_or((key, ""));
    let kind = parse_kind(word.trim(), false)?;
    // A key as `finding_key` writes it names its finding whole, even when
    // an id holds a comma.
    let joined = |f: &Finding<'_>| {
        let ids: Vec<&str> = f.ids().iter().map(|id| id.as_str()).collect();
        ids.join(",")
    };
    let mut whole = report
        .findings()
        .filter(|f| f.kind() == kind && !rest.trim().is_empty() && joined(f) == rest.trim());
    if let (Some(one), None) = (whole.next(), whole.next()) {
        return Ok(one);
    }
    let mut ids: Vec<&str> = rest
        .split(',')
        .map(str::trim)
        .filter(|id| !id.is_empty())
        .collect();
    ids.sort_unstable();
    ids.dedup();
    let about = |f: &Finding<'_>, id: &str| f.ids().iter().any(|i| i.as_str() == id);
    let of_kind: Vec<Finding<'r>> = report.findings().filter(|f| f.kind() == kind).collect();
    let matching: Vec<Finding<'r>> = of_kind
        .iter()
        .copied()
        .filter(|f| ids.iter().all(|id| about(f, id)))
        .collect();
    let exact: Vec<Finding<'r>> = matching
        .iter()
        .copied()
        .filter(|f| !ids.is_empty() && f.ids().len() == ids.len())
        .collect();
    let list = |found: &[Finding<'_>]| {
        found
            .iter()
            .map(|f| format!("\n  {}  {f}", finding_key(f)))
            .collect::<String>()
    };
    match (matching.as_slice(), exact.as_slice()) {
        ([one], _) | (_, [one]) => Ok(*one),
        ([], _) if of_kind.is_empty() => Err(format!("the report has no {kind} finding")),
        ([], _) => Err(format!(
            "no {kind} finding is about {}; name one of these with --finding:{}",
            ids.join(" and "),
            list(&of_kind)
        )),
        (several, _) => Err(format!(
            "{} {kind} findings match {key:?}; name one of these with --finding:{}",
            several.len(),
            list(several)
        )),
    }
}

/// The key `--finding` takes for a finding: `duplicate:lscb,stay-safe`.
pub fn finding_key(finding: &Finding<'_>) -> String {
    let ids: Vec<&str> = finding.ids().iter().map(|id| id.as_str()).collect();
    format!("{}:{}", finding.kind(), ids.join(","))
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

    fn report_of(toml: &str) -> Report {
        govgraph::Structure::from_toml_str(toml).unwrap().report()
    }

    #[test]
    fn a_finding_is_named_by_its_key_even_when_an_id_holds_a_comma() {
        let report = report_of(
            r#"
[[body]]
id = "a,b"
name = "Parents Forum"
kind = "forum"

[[body]]
id = "c"
name = "Play Partnership"
kind = "partnership"
"#,
        );
        let found = select(&report, "orphan:a,b").unwrap();
        assert_eq!(found.ids()[0].as_str(), "a,b");
        assert_eq!(finding_key(&found), "orphan:a,b");
        assert_eq!(select(&report, "orphan:c").unwrap().ids()[0].as_str(), "c");
    }

    #[test]
    fn all_is_not_offered_where_one_finding_is_named() {
        let report = report_of(
            r#"
[[body]]
id = "forum"
name = "Parents Forum"
kind = "forum"
"#,
        );
        let err = select(&report, "all").unwrap_err();
        assert!(err.starts_with("unknown kind of finding \"all\""), "{err}");
        assert!(!err.ends_with(", all"), "{err}");
        assert!(parse_kinds("nothing").unwrap_err().ends_with(", all"));
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
