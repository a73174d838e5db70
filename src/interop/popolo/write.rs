//! Writing a structure as a Popolo document.
//!
//! Each organisation, person, post and membership is written with the
//! Popolo properties that say what it is, then the fields an import kept
//! are laid over it, and last the `govgraph` extension is added with only
//! what the rules in `rules` would not derive from the document as written.

use serde_json::{Map, Value, json};

use super::rules::{self, References};
use super::{Kept, seat_key};
use crate::model::{Body, Id, Member, MemberKind, Relation, RelationKind, Status, Structure};

pub(super) fn write(structure: &Structure, kept: Option<&Kept>) -> Value {
    let kept_entity = |id: &Id| kept.and_then(|k| k.entities.get(id));

    let mut organizations: Vec<Written> = structure
        .bodies()
        .map(|body| body_object(structure, body, kept_entity(&body.id)))
        .collect();
    let mut persons = Vec::new();
    let mut posts = Vec::new();
    for member in structure.members() {
        let written = member_object(structure, member, kept_entity(&member.id));
        match member.kind {
            MemberKind::Organisation => organizations.push(written),
            MemberKind::Post => posts.push(written.finish()),
            _ => persons.push(written.finish()),
        }
    }
    organizations.sort_by(|a, b| a.id.cmp(&b.id));

    let mut memberships: Vec<Value> = structure
        .memberships()
        .iter()
        .map(|membership| {
            let kept_seat = kept.and_then(|k| k.seats.get(&seat_key(membership)));
            membership_object(structure, membership, kept_seat)
        })
        .collect();
    if let Some(kept) = kept {
        memberships.extend(kept.unseated.iter().cloned());
    }

    // Mark each organisation the partner rule would read as the other sort.
    let partner_by_rule: Vec<bool> = {
        let references = References::scan(organizations.iter().map(|o| &o.object), &memberships);
        organizations
            .iter()
            .map(|o| {
                let classification = o.object.get("classification").and_then(Value::as_str);
                references.is_partner(o.id.as_str(), classification)
            })
            .collect()
    };
    for (organization, by_rule) in organizations.iter_mut().zip(partner_by_rule) {
        if organization.partner != by_rule {
            organization
                .ext
                .insert("partner".to_string(), Value::Bool(organization.partner));
        }
    }

    let mut document = Map::new();
    document.insert(
        "organizations".to_string(),
        Value::Array(organizations.into_iter().map(Written::finish).collect()),
    );
    document.insert("persons".to_string(), Value::Array(persons));
    document.insert("posts".to_string(), Value::Array(posts));
    document.insert("memberships".to_string(), Value::Array(memberships));
    if let Some(kept) = kept {
        for (key, value) in &kept.document {
            document.insert(key.clone(), value.clone());
        }
    }
    let meta = structure.meta();
    let mut description = Map::new();
    put(&mut description, "name", meta.name.as_deref());
    put(&mut description, "source", meta.source.as_deref());
    put(
        &mut description,
        "date",
        meta.date.map(|d| d.to_string()).as_deref(),
    );
    put(&mut description, "note", meta.note.as_deref());
    if !description.is_empty() {
        document.insert(
            "govgraph".to_string(),
            json!({ "structure": Value::Object(description) }),
        );
    }
    Value::Object(document)
}

/// An object being written, with its extension kept apart until the end.
struct Written {
    id: Id,
    object: Map<String, Value>,
    ext: Map<String, Value>,
    partner: bool,
}

impl Written {
    fn new(id: &Id, object: Map<String, Value>, kept: Option<&Map<String, Value>>) -> Written {
        let mut object = object;
        rules::merge(&mut object, kept);
        Written {
            id: id.clone(),
            object,
            ext: Map::new(),
            partner: false,
        }
    }

    fn finish(self) -> Value {
        let mut object = self.object;
        if !self.ext.is_empty() {
            object.insert("govgraph".to_string(), Value::Object(self.ext));
        }
        Value::Object(object)
    }
}

fn body_object(structure: &Structure, body: &Body, kept: Option<&Map<String, Value>>) -> Written {
    let relations = relations_from(structure, &body.id);
    let is_organisation = |id: &Id| {
        structure.body(id.as_str()).is_some()
            || structure
                .member(id.as_str())
                .is_some_and(|m| m.kind == MemberKind::Organisation)
    };
    let parent = relations
        .iter()
        .find(|r| r.kind == RelationKind::SubGroupOf && is_organisation(&r.to));

    let mut object = Map::new();
    object.insert("id".to_string(), body.id.to_string().into());
    object.insert("name".to_string(), body.name.clone().into());
    object.insert("classification".to_string(), body.kind.as_str().into());
    if let Some(parent) = parent {
        object.insert("parent_id".to_string(), parent.to.to_string().into());
    }
    let mut written = Written::new(&body.id, object, kept);

    let has_date = |field: &str| written.object.get(field).is_some_and(Value::is_string);
    let derived_status = if has_date("dissolution_date") {
        Status::Dissolved
    } else {
        Status::Active
    };
    let derived_apex = written.object.get("parent_id").is_none_or(Value::is_null);
    let ext = &mut written.ext;
    if body.status != derived_status {
        ext.insert("status".to_string(), body.status.as_str().into());
    }
    if body.apex != derived_apex {
        ext.insert("apex".to_string(), body.apex.into());
    }
    if body.statutory {
        ext.insert("statutory".to_string(), true.into());
    }
    put(ext, "tier", body.tier.as_deref());
    put(ext, "purpose", body.purpose.as_deref());
    if !body.functions.is_empty() {
        ext.insert("functions".to_string(), body.functions.clone().into());
    }
    if !body.themes.is_empty() {
        ext.insert("themes".to_string(), body.themes.clone().into());
    }
    if let Some(meets) = body.meets {
        ext.insert("meets".to_string(), meets.to_string().into());
    }
    put(ext, "source", body.source.as_deref());
    put(ext, "note", body.note.as_deref());
    for kind in RelationKind::ALL {
        let targets: Vec<Value> = relations
            .iter()
            .filter(|r| r.kind == *kind)
            .filter(|r| match parent {
                // The parent relation is written as parent_id, and listed
                // here as well only when it has provenance to carry.
                Some(parent) if std::ptr::eq(*r, parent) => r.source.is_some() || r.note.is_some(),
                _ => true,
            })
            .map(target)
            .collect();
        if !targets.is_empty() {
            ext.insert(kind.key().to_string(), Value::Array(targets));
        }
    }
    written
}

fn member_object(
    structure: &Structure,
    member: &Member,
    kept: Option<&Map<String, Value>>,
) -> Written {
    let mut object = Map::new();
    object.insert("id".to_string(), member.id.to_string().into());
    let name_key = if member.kind == MemberKind::Post {
        "label"
    } else {
        "name"
    };
    object.insert(name_key.to_string(), member.name.clone().into());
    let organisation = member.organisations.first().map(Id::to_string);
    match member.kind {
        MemberKind::Post => put(&mut object, "organization_id", organisation.as_deref()),
        MemberKind::Organisation => put(&mut object, "parent_id", organisation.as_deref()),
        _ => {}
    }
    let mut written = Written::new(&member.id, object, kept);
    written.partner = member.kind == MemberKind::Organisation;
    let ext = &mut written.ext;
    if !matches!(member.kind, MemberKind::Post | MemberKind::Organisation) {
        put(ext, "organisation", organisation.as_deref());
    }
    put(ext, "source", member.source.as_deref());
    put(ext, "note", member.note.as_deref());
    let reports_to: Vec<Value> = relations_from(structure, &member.id)
        .iter()
        .filter(|r| r.kind == RelationKind::ReportsTo)
        .map(target)
        .collect();
    if !reports_to.is_empty() {
        ext.insert("reports_to".to_string(), Value::Array(reports_to));
    }
    written
}

fn membership_object(
    structure: &Structure,
    membership: &crate::model::Membership,
    kept: Option<&Map<String, Value>>,
) -> Value {
    let mut object = Map::new();
    object.insert(
        "organization_id".to_string(),
        membership.body.to_string().into(),
    );
    let member = membership.member.to_string();
    match structure.member(&member).map(|m| m.kind) {
        Some(MemberKind::Post) => {
            object.insert("post_id".to_string(), member.into());
        }
        Some(MemberKind::Organisation) => {
            object.insert(
                "member".to_string(),
                json!({ "@type": "Organization", "id": member }),
            );
        }
        _ => {
            object.insert("person_id".to_string(), member.into());
        }
    }
    object.insert("role".to_string(), membership.role.as_str().into());
    put(
        &mut object,
        "on_behalf_of_id",
        membership.on_behalf_of.as_ref().map(Id::as_str),
    );
    let mut ext = Map::new();
    for (date, popolo_key, ext_key) in [
        (&membership.start, "start_date", "start"),
        (&membership.end, "end_date", "end"),
    ] {
        // Every date govgraph holds is written in ISO 8601, as Popolo's
        // are; the extension keys stay readable for older documents.
        let _ = ext_key;
        if let Some(date) = date {
            object.insert(popolo_key.to_string(), date.to_string().into());
        }
    }
    put(&mut ext, "source", membership.source.as_deref());
    put(&mut ext, "note", membership.note.as_deref());
    rules::merge(&mut object, kept);
    if !ext.is_empty() {
        object.insert("govgraph".to_string(), Value::Object(ext));
    }
    Value::Object(object)
}

/// The relations written on `id`: a slice, since relations are sorted by
/// their source.
fn relations_from<'s>(structure: &'s Structure, id: &Id) -> &'s [Relation] {
    let relations = structure.relations();
    let start = relations.partition_point(|r| r.from < *id);
    let end = start + relations[start..].partition_point(|r| r.from == *id);
    &relations[start..end]
}

/// A relation target as structure files write it: the id, or an object
/// when it has a source or note.
fn target(relation: &Relation) -> Value {
    if relation.source.is_none() && relation.note.is_none() {
        return relation.to.to_string().into();
    }
    let mut object = Map::new();
    object.insert("to".to_string(), relation.to.to_string().into());
    put(&mut object, "source", relation.source.as_deref());
    put(&mut object, "note", relation.note.as_deref());
    Value::Object(object)
}

fn put(object: &mut Map<String, Value>, key: &str, value: Option<&str>) {
    if let Some(value) = value {
        object.insert(key.to_string(), value.into());
    }
}
