//! The rules both directions share: which organisations are partner
//! organisations, how Popolo's free-text classifications and roles map onto
//! govgraph's vocabularies, and what a Popolo date looks like.
//!
//! Reading applies these rules to decide; writing applies them to the
//! document it has made and writes an extension field wherever the rule
//! would decide differently from the structure, so that reading the output
//! gives back the same structure.

use std::collections::BTreeSet;

use serde_json::{Map, Value};

use super::ImportOptions;
use crate::model::{BodyKind, Role, fold_word};

/// The references a document's organisations and memberships make, read
/// leniently: values of the wrong type are skipped here and reported when
/// the document is read properly.
#[derive(Default)]
pub(super) struct References {
    /// Organisations some membership sits on (`organization_id`).
    seated_on: BTreeSet<String>,
    /// Organisations some membership acts for (`on_behalf_of_id`) or names
    /// as its member (`member.id`).
    represented: BTreeSet<String>,
    /// Organisations named as some organisation's `parent_id`.
    parents: BTreeSet<String>,
}

impl References {
    pub(super) fn scan<'a>(
        organizations: impl IntoIterator<Item = &'a Map<String, Value>>,
        memberships: impl IntoIterator<Item = &'a Value>,
    ) -> References {
        let mut references = References::default();
        for organization in organizations {
            if let Some(parent) = organization.get("parent_id").and_then(Value::as_str) {
                references.parents.insert(parent.to_string());
            }
        }
        for membership in memberships {
            if let Some(id) = membership.get("organization_id").and_then(Value::as_str) {
                references.seated_on.insert(id.to_string());
            }
            if let Some(id) = membership.get("on_behalf_of_id").and_then(Value::as_str) {
                references.represented.insert(id.to_string());
            }
            if let Some(id) = membership
                .get("member")
                .and_then(|m| m.get("id"))
                .and_then(Value::as_str)
            {
                references.represented.insert(id.to_string());
            }
        }
        references
    }

    /// Whether the rule makes this organisation a partner organisation (a
    /// member of kind organisation) rather than a body: its classification
    /// says it is a party, or it is only ever what people sit on behalf of
    /// (or a member in its own right), never sat on and never a parent.
    pub(super) fn is_partner(&self, id: &str, classification: Option<&str>) -> bool {
        if classification.is_some_and(is_party) {
            return true;
        }
        self.represented.contains(id) && !self.seated_on.contains(id) && !self.parents.contains(id)
    }
}

fn is_party(classification: &str) -> bool {
    matches!(
        fold_word(classification).as_str(),
        "party" | "political-party"
    )
}

/// The body kind for a Popolo classification, and whether the
/// classification is exactly govgraph's word for it (so that nothing needs
/// keeping). `None` when nothing fits.
pub(super) fn body_kind(classification: &str) -> Option<(BodyKind, bool)> {
    if let Ok(kind) = classification.parse::<BodyKind>() {
        return Some((kind, classification == kind.as_str()));
    }
    let kind = match fold_word(classification).as_str() {
        "legislature" | "chamber" | "parliament" | "house" | "lower-house" | "upper-house"
        | "senate" | "national-assembly" | "council" | "local-council" | "city-council"
        | "county-council" | "district-council" | "borough-council" | "municipal-council"
        | "shire-council" | "municipality" => BodyKind::Assembly,
        "subcommittee" | "sub-committee" | "select-committee" | "standing-committee"
        | "joint-committee" | "commission" => BodyKind::Committee,
        "cabinet" | "government" | "executive-committee" => BodyKind::Executive,
        "ministry" => BodyKind::Directorate,
        "parliamentary-group" | "caucus" | "faction" | "fraction" | "working-group" => {
            BodyKind::Group
        }
        "task-force" | "taskforce" => BodyKind::TaskAndFinishGroup,
        _ => return None,
    };
    Some((kind, false))
}

/// The govgraph role for a Popolo role text, and whether the text is exactly
/// govgraph's word for it. `None` when nothing fits. The user's table is
/// asked first, then govgraph's own words, then the words legislatures and
/// councils use.
pub(super) fn role(text: &str, options: &ImportOptions) -> Option<(Role, bool)> {
    let folded = fold_word(text);
    if let Some((_, role)) = options.roles.iter().rev().find(|(word, _)| *word == folded) {
        return Some((*role, text == role.as_str()));
    }
    if let Ok(role) = text.parse::<Role>() {
        return Some((role, text == role.as_str()));
    }
    let role = match folded.as_str() {
        "chairman"
        | "chairperson"
        | "chairwoman"
        | "co-chair"
        | "convenor"
        | "convener"
        | "mayor"
        | "lord-mayor"
        | "lady-mayor"
        | "lord-provost"
        | "provost"
        | "civic-mayor"
        | "president"
        | "speaker"
        | "presiding-member"
        | "presiding-officer"
        | "chair-of-the-council"
        | "chairman-of-the-council" => Role::Chair,
        "vice-chairman"
        | "vice-chairperson"
        | "vice-chairwoman"
        | "deputy-chair"
        | "deputy-chairman"
        | "deputy-chairperson"
        | "deputy-chairwoman"
        | "deputy-mayor"
        | "deputy-lord-mayor"
        | "deputy-lady-mayor"
        | "vice-mayor"
        | "deputy-provost"
        | "deputy-speaker"
        | "vice-president"
        | "deputy-president"
        | "deputy-presiding-member" => Role::ViceChair,
        "committee-member" | "board-member" | "ordinary-member" | "councillor" | "councilor"
        | "council-member" | "councilmember" | "alderman" | "alderwoman" | "elected-member"
        | "senator" | "representative" => Role::Member,
        _ => return None,
    };
    Some((role, false))
}

/// Whether a date is written the way the Popolo schemas require:
/// `^[0-9]{4}(-[0-9]{2}){0,2}$`, that is `2015`, `2015-04` or `2015-04-09`.
pub(super) fn is_popolo_date(date: &str) -> bool {
    let bytes = date.as_bytes();
    let digits = |range: std::ops::Range<usize>| bytes[range].iter().all(u8::is_ascii_digit);
    match bytes.len() {
        4 => digits(0..4),
        7 => digits(0..4) && bytes[4] == b'-' && digits(5..7),
        10 => digits(0..4) && bytes[4] == b'-' && digits(5..7) && bytes[7] == b'-' && digits(8..10),
        _ => false,
    }
}

/// The name of a JSON value's type, for messages.
pub(super) fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Merges kept fields into an exported object: the kept value wins, since
/// it is the text the source document had (a classification or role that
/// govgraph mapped onto its own word).
pub(super) fn merge(into: &mut Map<String, Value>, kept: Option<&Map<String, Value>>) {
    for (key, value) in kept.into_iter().flatten() {
        into.insert(key.clone(), value.clone());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn popolo_dates_follow_the_schema_pattern() {
        for good in ["2015", "2015-04", "2015-04-09", "0000-00-00"] {
            assert!(is_popolo_date(good), "{good}");
        }
        for bad in [
            "",
            "15",
            "2015-4",
            "2015-04-9",
            "2015/04/09",
            "spring 2011",
            "2015-04-09T00:00",
            "２０１５",
        ] {
            assert!(!is_popolo_date(bad), "{bad}");
        }
    }

    #[test]
    fn classifications_map_onto_body_kinds() {
        assert_eq!(body_kind("committee"), Some((BodyKind::Committee, true)));
        assert_eq!(body_kind("Committee"), Some((BodyKind::Committee, false)));
        assert_eq!(body_kind("legislature"), Some((BodyKind::Assembly, false)));
        assert_eq!(body_kind("Lower House"), Some((BodyKind::Assembly, false)));
        assert_eq!(body_kind("City Council"), Some((BodyKind::Assembly, false)));
        assert_eq!(body_kind("party"), None);
    }

    #[test]
    fn role_texts_map_onto_roles() {
        let role = |text| role(text, &ImportOptions::new());
        assert_eq!(role("member"), Some((Role::Member, true)));
        assert_eq!(role("Member"), Some((Role::Member, false)));
        assert_eq!(role("Deputy Chairperson"), Some((Role::ViceChair, false)));
        assert_eq!(role("Chairman"), Some((Role::Chair, false)));
        assert_eq!(role("Whip"), None);
    }

    #[test]
    fn council_roles_map_onto_roles_whatever_their_case() {
        let role = |text| role(text, &ImportOptions::new()).map(|(role, _)| role);
        for (text, expected) in [
            ("councillor", Role::Member),
            ("Councillor", Role::Member),
            ("COUNCILLOR", Role::Member),
            ("Alderman", Role::Member),
            ("Mayor", Role::Chair),
            ("mayor", Role::Chair),
            ("Lord Mayor", Role::Chair),
            ("lord_mayor", Role::Chair),
            ("Lord Provost", Role::Chair),
            ("Deputy Mayor", Role::ViceChair),
            ("deputy-mayor", Role::ViceChair),
            ("Deputy Lord Mayor", Role::ViceChair),
            ("Speaker", Role::Chair),
            ("Deputy Speaker", Role::ViceChair),
        ] {
            assert_eq!(role(text), Some(expected), "{text}");
        }
        // A leader leads the executive; the council's chair is someone else.
        assert_eq!(role("Leader of the Council"), None);
        assert_eq!(role("Mayoress"), None);
    }

    #[test]
    fn the_users_table_comes_first_and_its_last_word_wins() {
        let options = ImportOptions::new()
            .role("Leader", Role::LeadOfficer)
            .role("mayor", Role::Observer)
            .role("MAYOR", Role::Member)
            .role("chair", Role::ViceChair);
        let role = |text| role(text, &options);
        assert_eq!(role("leader"), Some((Role::LeadOfficer, false)));
        assert_eq!(role("Mayor"), Some((Role::Member, false)));
        // A user may even move govgraph's own words.
        assert_eq!(role("chair"), Some((Role::ViceChair, false)));
        assert_eq!(role("vice-chair"), Some((Role::ViceChair, true)));
        assert_eq!(role("Deputy Mayor"), Some((Role::ViceChair, false)));
    }

    #[test]
    fn parties_and_organisations_only_represented_are_partners() {
        let organizations = [serde_json::json!({"id": "c", "parent_id": "parent"})];
        let organizations = organizations.iter().filter_map(Value::as_object);
        let memberships = [
            serde_json::json!({"organization_id": "senate", "on_behalf_of_id": "pcs"}),
            serde_json::json!({"organization_id": "senate", "on_behalf_of_id": "senate"}),
            serde_json::json!({"organization_id": "senate", "on_behalf_of_id": "parent"}),
            serde_json::json!({"organization_id": "senate", "member": {"id": "police"}}),
        ];
        let references = References::scan(organizations, &memberships);
        assert!(references.is_partner("mdc", Some("Political Party")));
        assert!(references.is_partner("pcs", None));
        assert!(references.is_partner("police", Some("agency")));
        // Sat on, so a body even though it is also acted for.
        assert!(!references.is_partner("senate", Some("legislature")));
        // A parent contains something, so it is a body.
        assert!(!references.is_partner("parent", None));
        assert!(!references.is_partner("unreferenced", None));
    }
}
