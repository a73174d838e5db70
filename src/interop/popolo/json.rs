//! Walking a JSON value by hand: each accessor checks a field's type and,
//! when it is wrong, says where by key path, so that a Popolo document's
//! shape errors read like any other load error.

use serde_json::{Map, Value};

use super::rules::{self, type_name};
use crate::error::{Error, Location};

/// Where a value is: its key path and, once known, what it belongs to.
#[derive(Clone)]
pub(super) struct At {
    pub(super) key: String,
    pub(super) subject: Option<String>,
}

impl At {
    pub(super) fn new(key: String) -> At {
        At { key, subject: None }
    }

    pub(super) fn here(&self) -> Location {
        Location {
            key: self.key.clone(),
            subject: self.subject.clone(),
            ..Location::default()
        }
    }

    pub(super) fn field(&self, field: &str) -> Location {
        Location {
            key: format!("{}.{field}", self.key),
            subject: self.subject.clone(),
            ..Location::default()
        }
    }

    pub(super) fn child(&self, field: &str) -> At {
        At {
            key: format!("{}.{field}", self.key),
            subject: self.subject.clone(),
        }
    }

    pub(super) fn shape(&self, field: &str, message: impl Into<String>) -> Error {
        Error::syntax(self.field(field), message)
    }

    pub(super) fn wrong_type(&self, field: &str, expected: &str, found: &Value) -> Error {
        self.shape(
            field,
            format!("expected {expected}, found {}", type_name(found)),
        )
    }
}

pub(super) fn as_object<'v>(value: &'v Value, at: &At) -> Result<&'v Map<String, Value>, Error> {
    match value {
        Value::Object(object) => Ok(object),
        other => Err(Error::syntax(
            at.here(),
            format!("expected an object, found {}", type_name(other)),
        )),
    }
}

/// A field that may be absent or null, and otherwise must be a string.
pub(super) fn opt_str<'v>(
    object: &'v Map<String, Value>,
    field: &str,
    at: &At,
) -> Result<Option<&'v str>, Error> {
    match object.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(other) => Err(at.wrong_type(field, "a string", other)),
    }
}

/// A date field: absent, null, or a string in the Popolo pattern.
pub(super) fn opt_date<'v>(
    object: &'v Map<String, Value>,
    field: &str,
    at: &At,
) -> Result<Option<&'v str>, Error> {
    let date = opt_str(object, field, at)?;
    match date {
        Some(d) if !rules::is_popolo_date(d) => Err(at.shape(
            field,
            format!("expected a date written YYYY, YYYY-MM or YYYY-MM-DD, found {d:?}"),
        )),
        _ => Ok(date),
    }
}

pub(super) fn opt_bool(
    object: &Map<String, Value>,
    field: &str,
    at: &At,
) -> Result<Option<bool>, Error> {
    match object.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Bool(b)) => Ok(Some(*b)),
        Some(other) => Err(at.wrong_type(field, "true or false", other)),
    }
}

pub(super) fn strings(
    object: &Map<String, Value>,
    field: &str,
    at: &At,
) -> Result<Vec<String>, Error> {
    match object.get(field) {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(Value::Array(items)) => items
            .iter()
            .enumerate()
            .map(|(j, item)| match item {
                Value::String(s) => Ok(s.clone()),
                other => Err(at.wrong_type(&format!("{field}[{j}]"), "a string", other)),
            })
            .collect(),
        Some(other) => Err(at.wrong_type(field, "an array of strings", other)),
    }
}

/// The id of an organisation, person or post: required, a string.
pub(super) fn required_id<'v>(
    object: &'v Map<String, Value>,
    at: &At,
    what: &str,
) -> Result<&'v str, Error> {
    opt_str(object, "id", at)?.ok_or_else(|| {
        Error::syntax(
            at.here(),
            format!("missing id: give every {what} an id, unique across organizations, persons and posts"),
        )
    })
}

/// Takes one of the four collections out of the document: absent or null is
/// empty, anything but an array is an error.
pub(super) fn take_list(top: &mut Map<String, Value>, key: &str) -> Result<Vec<Value>, Error> {
    match top.shift_remove(key) {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(Value::Array(items)) => Ok(items),
        Some(other) => Err(Error::syntax(
            Location {
                key: key.to_string(),
                ..Location::default()
            },
            format!("expected an array, found {}", type_name(&other)),
        )),
    }
}

/// The object without the fields govgraph used.
pub(super) fn without(value: Value, consumed: &[&str]) -> Map<String, Value> {
    let Value::Object(mut object) = value else {
        return Map::new();
    };
    // Shifting, not swapping, keeps the order of the fields that are left.
    for key in consumed {
        object.shift_remove(*key);
    }
    object
}
