//! Reading the `govgraph` extension objects: what govgraph writes beside
//! Popolo's own properties so that a structure comes back whole.

use serde_json::Value;

use super::json::{At, opt_bool, opt_str, strings};
use super::rules::type_name;
use crate::error::{Error, Location, Problem, ProblemKind};
use crate::model::{Accountability, MeetingPattern, RelationKind, Status, UnknownWord};

/// The extension object, read.
#[derive(Default)]
pub(super) struct Ext {
    pub(super) status: Option<Status>,
    pub(super) apex: Option<bool>,
    pub(super) statutory: bool,
    pub(super) tier: Option<String>,
    pub(super) purpose: Option<String>,
    pub(super) functions: Vec<String>,
    pub(super) themes: Vec<String>,
    pub(super) meets: Option<MeetingPattern>,
    pub(super) source: Option<String>,
    pub(super) note: Option<String>,
    pub(super) partner: Option<bool>,
    pub(super) organisation: Option<String>,
    pub(super) organisations: Vec<String>,
    pub(super) status_since: Option<String>,
    pub(super) intended_status: Option<Status>,
    pub(super) accountability: Option<Accountability>,
    pub(super) count: Option<u32>,
    pub(super) formerly: Vec<String>,
    pub(super) intended: bool,
    pub(super) start: Option<String>,
    pub(super) end: Option<String>,
    pub(super) relations: Vec<PendingRelation>,
    /// The keys present, to check they suit what the object turned out to be.
    pub(super) keys: Vec<String>,
}

pub(super) struct PendingRelation {
    pub(super) kind: RelationKind,
    pub(super) to: String,
    pub(super) intended: bool,
    pub(super) from: Option<String>,
    pub(super) until: Option<String>,
    pub(super) source: Option<String>,
    pub(super) note: Option<String>,
    pub(super) at: Location,
}

/// Which extension fields an object may have.
#[derive(Clone, Copy)]
pub(super) enum ExtFor {
    Organization,
    Person,
    Post,
    Membership,
}

const BODY_FIELDS: &[&str] = &[
    "status",
    "apex",
    "statutory",
    "tier",
    "purpose",
    "functions",
    "themes",
    "meets",
    "source",
    "note",
    "partner",
    "status_since",
    "intended_status",
    "accountability",
    "count",
    "formerly",
];
pub(super) const PARTNER_FIELDS: &[&str] = &[
    "partner",
    "source",
    "note",
    "reports_to",
    "organisations",
    "status",
    "status_since",
];
const PERSON_FIELDS: &[&str] = &[
    "organisation",
    "organisations",
    "status",
    "status_since",
    "source",
    "note",
    "reports_to",
];
const POST_FIELDS: &[&str] = &[
    "organisations",
    "status",
    "status_since",
    "source",
    "note",
    "reports_to",
];
const MEMBERSHIP_FIELDS: &[&str] = &["source", "note", "start", "end", "intended"];

impl ExtFor {
    fn allows(self, key: &str) -> bool {
        match self {
            ExtFor::Organization => {
                BODY_FIELDS.contains(&key) || RelationKind::ALL.iter().any(|k| k.key() == key)
            }
            ExtFor::Person => PERSON_FIELDS.contains(&key),
            ExtFor::Post => POST_FIELDS.contains(&key),
            ExtFor::Membership => MEMBERSHIP_FIELDS.contains(&key),
        }
    }

    fn expected(self) -> String {
        let fields: Vec<&str> = match self {
            ExtFor::Organization => BODY_FIELDS
                .iter()
                .copied()
                .chain(RelationKind::ALL.iter().map(|k| k.key()))
                .collect(),
            ExtFor::Person => PERSON_FIELDS.to_vec(),
            ExtFor::Post => POST_FIELDS.to_vec(),
            ExtFor::Membership => MEMBERSHIP_FIELDS.to_vec(),
        };
        fields.join(", ")
    }
}

/// Reads a `govgraph` extension object.
pub(super) fn read(
    value: Option<&Value>,
    at: &At,
    kind: ExtFor,
    problems: &mut Vec<Problem>,
) -> Result<Ext, Error> {
    let mut ext = Ext::default();
    let object = match value {
        None | Some(Value::Null) => return Ok(ext),
        Some(Value::Object(object)) => object,
        Some(other) => return Err(at.wrong_type("govgraph", "an object", other)),
    };
    let ext_at = at.child("govgraph");
    for (key, value) in object {
        if !kind.allows(key) {
            return Err(ext_at.shape(
                key,
                format!(
                    "unknown govgraph field {key:?}; expected one of {}",
                    kind.expected()
                ),
            ));
        }
        if value.is_null() {
            continue;
        }
        ext.keys.push(key.clone());
        let text = || opt_str(object, key, &ext_at).map(|s| s.map(str::to_string));
        match key.as_str() {
            "status" => {
                let status = text()?.unwrap_or_default();
                ext.status = word(&status, ext_at.field(key), problems);
            }
            "meets" => {
                let meets = text()?.unwrap_or_default();
                ext.meets = word(&meets, ext_at.field(key), problems);
            }
            "apex" => ext.apex = opt_bool(object, key, &ext_at)?,
            "statutory" => ext.statutory = opt_bool(object, key, &ext_at)?.unwrap_or(false),
            "partner" => ext.partner = opt_bool(object, key, &ext_at)?,
            "tier" => ext.tier = text()?,
            "purpose" => ext.purpose = text()?,
            "source" => ext.source = text()?,
            "note" => ext.note = text()?,
            "organisation" => ext.organisation = text()?,
            "organisations" => ext.organisations = strings(object, key, &ext_at)?,
            "status_since" => ext.status_since = text()?,
            "intended_status" => {
                let status = text()?.unwrap_or_default();
                ext.intended_status = word(&status, ext_at.field(key), problems);
            }
            "accountability" => {
                let accountability = text()?.unwrap_or_default();
                ext.accountability = word(&accountability, ext_at.field(key), problems);
            }
            "count" => {
                let count = value.as_u64().and_then(|c| u32::try_from(c).ok());
                match count {
                    Some(count) => ext.count = Some(count),
                    None => return Err(ext_at.wrong_type(key, "a whole number of bodies", value)),
                }
            }
            "formerly" => ext.formerly = strings(object, key, &ext_at)?,
            "intended" => ext.intended = opt_bool(object, key, &ext_at)?.unwrap_or(false),
            "start" => ext.start = text()?,
            "end" => ext.end = text()?,
            "functions" => ext.functions = strings(object, key, &ext_at)?,
            "themes" => ext.themes = strings(object, key, &ext_at)?,
            relation => {
                let kind = RelationKind::ALL
                    .iter()
                    .copied()
                    .find(|k| k.key() == relation)
                    .unwrap_or(RelationKind::ReportsTo);
                let Value::Array(targets) = value else {
                    return Err(ext_at.wrong_type(key, "an array of targets", value));
                };
                for (j, target) in targets.iter().enumerate() {
                    let target_at = ext_at.child(&format!("{key}[{j}]"));
                    ext.relations
                        .push(relation_entry(kind, target, &target_at)?);
                }
            }
        }
    }
    Ok(ext)
}

fn word<W: std::str::FromStr<Err = UnknownWord>>(
    word: &str,
    at: Location,
    problems: &mut Vec<Problem>,
) -> Option<W> {
    match word.parse::<W>() {
        Ok(value) => Some(value),
        Err(unknown) => {
            problems.push(Problem {
                kind: ProblemKind::UnknownWord(unknown),
                location: at,
                related: None,
            });
            None
        }
    }
}

/// The document-level extension: `{"structure": {"name", "source", "date",
/// "note"}}`, as (field, value) pairs.
pub(super) fn structure_meta(ext: &Value, root: &At) -> Result<Vec<(&'static str, String)>, Error> {
    let at = At::new("govgraph".to_string());
    let Value::Object(object) = ext else {
        return Err(root.wrong_type("govgraph", "an object", ext));
    };
    let mut meta = Vec::new();
    for (key, value) in object {
        if key != "structure" && key != "succession" {
            return Err(at.shape(
                key,
                format!("unknown govgraph field {key:?}; expected structure or succession"),
            ));
        }
        if value.is_null() || key == "succession" {
            continue;
        }
        let structure_at = at.child("structure");
        let Value::Object(structure) = value else {
            return Err(at.wrong_type(key, "an object", value));
        };
        for field in structure.keys() {
            let Some(field) = ["name", "source", "date", "note"]
                .into_iter()
                .find(|f| f == field)
            else {
                return Err(structure_at.shape(
                    field,
                    format!("unknown field {field:?}; expected one of name, source, date, note"),
                ));
            };
            if let Some(text) = opt_str(structure, field, &structure_at)? {
                meta.push((field, text.to_string()));
            }
        }
    }
    Ok(meta)
}

/// A relation target in the extension: an id, or `{"to", "source", "note"}`.
pub(super) fn relation_entry(
    kind: RelationKind,
    value: &Value,
    at: &At,
) -> Result<PendingRelation, Error> {
    match value {
        Value::String(to) => Ok(PendingRelation {
            kind,
            to: to.clone(),
            intended: false,
            from: None,
            until: None,
            source: None,
            note: None,
            at: at.here(),
        }),
        Value::Object(object) => {
            const KEYS: [&str; 6] = ["to", "intended", "from", "until", "source", "note"];
            if let Some(key) = object.keys().find(|k| !KEYS.contains(&k.as_str())) {
                return Err(at.shape(
                    key,
                    format!("unknown field {key:?}; expected one of {}", KEYS.join(", ")),
                ));
            }
            let to = opt_str(object, "to", at)?
                .ok_or_else(|| Error::syntax(at.here(), "missing to: name the target by id"))?;
            Ok(PendingRelation {
                kind,
                to: to.to_string(),
                intended: opt_bool(object, "intended", at)?.unwrap_or(false),
                from: opt_str(object, "from", at)?.map(str::to_string),
                until: opt_str(object, "until", at)?.map(str::to_string),
                source: opt_str(object, "source", at)?.map(str::to_string),
                note: opt_str(object, "note", at)?.map(str::to_string),
                at: at.field("to"),
            })
        }
        other => Err(Error::syntax(
            at.here(),
            format!(
                "expected an id or an object like {{\"to\": \"board\"}}, found {}",
                type_name(other)
            ),
        )),
    }
}

/// The collective successions of the document-level extension
/// (`{"succession": [{"from", "to", "kind", "date", "intended", "source",
/// "note"}]}`).
pub(super) fn successions(ext: &Value) -> Result<Vec<crate::model::Succession>, Error> {
    let at = At::new("govgraph".to_string());
    let Some(list) = ext.get("succession").filter(|v| !v.is_null()) else {
        return Ok(Vec::new());
    };
    let Value::Array(list) = list else {
        return Err(at.wrong_type("succession", "an array", list));
    };
    let mut successions = Vec::with_capacity(list.len());
    for (i, entry) in list.iter().enumerate() {
        let entry_at = at.child(&format!("succession[{i}]"));
        let Value::Object(object) = entry else {
            return Err(at.wrong_type(&format!("succession[{i}]"), "an object", entry));
        };
        let kind = match opt_str(object, "kind", &entry_at)? {
            Some(kind) => kind
                .parse::<RelationKind>()
                .map_err(|e| entry_at.shape("kind", e.to_string()))?,
            None => RelationKind::ReplacedBy,
        };
        let mut succession = crate::model::Succession::new(
            strings(object, "from", &entry_at)?,
            strings(object, "to", &entry_at)?,
            kind,
        );
        if let Some(date) = opt_str(object, "date", &entry_at)? {
            succession = succession.date(
                date.parse()
                    .map_err(|e: crate::DateError| entry_at.shape("date", e.to_string()))?,
            );
        }
        if opt_bool(object, "intended", &entry_at)?.unwrap_or(false) {
            succession = succession.intended();
        }
        if let Some(source) = opt_str(object, "source", &entry_at)? {
            succession = succession.source(source);
        }
        if let Some(note) = opt_str(object, "note", &entry_at)? {
            succession = succession.note(note);
        }
        successions.push(succession);
    }
    Ok(successions)
}
