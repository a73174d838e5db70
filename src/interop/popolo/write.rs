//! Writing a structure as a Popolo document.
//!
//! Each organisation, person, post and membership is written with the
//! Popolo properties that say what it is, then the fields an import kept
//! are laid over it, and last the `govgraph` extension is added with only
//! what the rules in `rules` would not derive from the document as written.

use std::collections::BTreeMap;

use serde_json::{Map, Value, json};

use super::rules::{self, References};
use super::{Kept, SeatKey, Slot, seat_key};
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
            MemberKind::Post => posts.push(written),
            _ => persons.push(written),
        }
    }
    organizations.sort_by(|a, b| a.id.cmp(&b.id));

    let memberships: Vec<(SeatKey, Value)> = structure
        .memberships()
        .iter()
        .map(|membership| {
            let key = seat_key(membership);
            let kept_seat = kept.and_then(|k| k.seats.get(&key));
            (key, membership_object(structure, membership, kept_seat))
        })
        .collect();

    // Mark each organisation the partner rule would read as the other sort.
    let partner_by_rule: Vec<bool> = {
        let all_memberships = memberships
            .iter()
            .map(|(_, m)| m)
            .chain(kept.into_iter().flat_map(|k| &k.unseated));
        let references = References::scan(organizations.iter().map(|o| &o.object), all_memberships);
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
    let mut document_ext = Map::new();
    if !description.is_empty() {
        document_ext.insert("structure".to_string(), Value::Object(description));
    }
    let successions: Vec<Value> = structure.successions().iter().map(succession).collect();
    if !successions.is_empty() {
        document_ext.insert("succession".to_string(), Value::Array(successions));
    }
    let description = (!document_ext.is_empty()).then_some(Value::Object(document_ext));

    match kept.filter(|k| !k.layout.top.is_empty()) {
        Some(kept) => as_imported(
            kept,
            [organizations, persons, posts],
            memberships,
            description,
        ),
        None => {
            let finish =
                |list: Vec<Written>| Value::Array(list.into_iter().map(Written::finish).collect());
            let mut document = Map::new();
            document.insert("organizations".to_string(), finish(organizations));
            document.insert("persons".to_string(), finish(persons));
            document.insert("posts".to_string(), finish(posts));
            let mut memberships: Vec<Value> = memberships.into_iter().map(|(_, m)| m).collect();
            if let Some(kept) = kept {
                memberships.extend(kept.unseated.iter().cloned());
            }
            document.insert("memberships".to_string(), Value::Array(memberships));
            if let Some(kept) = kept {
                for (key, value) in &kept.document {
                    document.insert(key.clone(), value.clone());
                }
            }
            if let Some(description) = description {
                document.insert("govgraph".to_string(), description);
            }
            Value::Object(document)
        }
    }
}

/// Lays the written objects out as the imported document was: its keys in
/// their order, each collection in its order and each object's keys in
/// theirs, and no collection the document did not have unless there is
/// something to put in it. What the document did not have comes after what
/// it had, sorted by id.
fn as_imported(
    kept: &Kept,
    [organizations, persons, posts]: [Vec<Written>; 3],
    memberships: Vec<(SeatKey, Value)>,
    description: Option<Value>,
) -> Value {
    let layout = &kept.layout;
    let shape_of = |id: &Id| {
        layout
            .entity_shapes
            .get(id)
            .map(|&i| layout.shapes[i].as_slice())
    };
    let in_order = |list: Vec<Written>, order: &[Id]| -> Vec<Value> {
        let mut by_id: BTreeMap<Id, Written> =
            list.into_iter().map(|w| (w.id.clone(), w)).collect();
        let mut out = Vec::with_capacity(by_id.len());
        for id in order {
            if let Some(written) = by_id.remove(id) {
                let shape = shape_of(id);
                out.push(reorder(written.finish(), shape));
            }
        }
        out.extend(by_id.into_values().map(Written::finish));
        out
    };
    let mut collections: BTreeMap<&str, Vec<Value>> = BTreeMap::new();
    collections.insert(
        "organizations",
        in_order(organizations, &layout.organizations),
    );
    collections.insert("persons", in_order(persons, &layout.persons));
    collections.insert("posts", in_order(posts, &layout.posts));

    let mut seats: BTreeMap<SeatKey, Value> = memberships.into_iter().collect();
    let mut written_memberships = Vec::with_capacity(seats.len() + kept.unseated.len());
    for slot in &layout.memberships {
        match slot {
            Slot::Seat(key) => {
                if let Some(value) = seats.remove(key) {
                    let shape = layout
                        .seat_shapes
                        .get(key)
                        .map(|&i| layout.shapes[i].as_slice());
                    written_memberships.push(reorder(value, shape));
                }
            }
            Slot::Unseated(index) => written_memberships.push(kept.unseated[*index].clone()),
        }
    }
    written_memberships.extend(seats.into_values());
    collections.insert("memberships", written_memberships);

    let mut document = Map::new();
    let mut description = description;
    for key in &layout.top {
        if let Some(list) = collections.remove(key.as_str()) {
            document.insert(key.clone(), Value::Array(list));
        } else if key == "govgraph" {
            if let Some(description) = description.take() {
                document.insert(key.clone(), description);
            }
        } else if let Some(value) = kept.document.get(key) {
            document.insert(key.clone(), value.clone());
        }
    }
    for (key, list) in collections {
        if !list.is_empty() {
            document.insert(key.to_string(), Value::Array(list));
        }
    }
    if let Some(description) = description {
        document.insert("govgraph".to_string(), description);
    }
    Value::Object(document)
}

/// An object with its keys in the order the document had them; keys the
/// document did not have follow, except a default govgraph would have
/// added (`"role": "member"`, `"classification": "other"`), which reads
/// back the same without it.
fn reorder(value: Value, shape: Option<&[String]>) -> Value {
    let (mut object, shape) = match (value, shape) {
        (Value::Object(object), Some(shape)) => (object, shape),
        (value, _) => return value,
    };
    let mut ordered = Map::with_capacity(object.len());
    for key in shape {
        if let Some(value) = object.shift_remove(key) {
            ordered.insert(key.clone(), value);
        }
    }
    for (key, value) in object {
        let default = match key.as_str() {
            "role" => value == "member",
            "classification" => value == "other",
            _ => false,
        };
        if !default {
            ordered.insert(key, value);
        }
    }
    Value::Object(ordered)
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
    put(
        ext,
        "status_since",
        body.status_since.map(|d| d.to_string()).as_deref(),
    );
    put(
        ext,
        "intended_status",
        body.intended_status.map(Status::as_str),
    );
    put(
        ext,
        "accountability",
        body.accountability.map(|a| a.as_str()),
    );
    if body.count != 1 {
        ext.insert("count".to_string(), body.count.into());
    }
    if !body.formerly.is_empty() {
        ext.insert("formerly".to_string(), body.formerly.clone().into());
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
    // Popolo has one organisation for a post; the rest go in the extension.
    if member.organisations.len() > 1 {
        let more: Vec<Value> = member.organisations[1..]
            .iter()
            .map(|o| o.to_string().into())
            .collect();
        ext.insert("organisations".to_string(), Value::Array(more));
    }
    if member.status != Status::Active {
        ext.insert("status".to_string(), member.status.as_str().into());
    }
    put(
        ext,
        "status_since",
        member.status_since.map(|d| d.to_string()).as_deref(),
    );
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
    let held_by_body = structure.body(&member).is_some();
    match structure.member(&member).map(|m| m.kind) {
        // A body holding a seat is an organization that is a member.
        None if held_by_body => {
            object.insert(
                "member".to_string(),
                json!({ "@type": "Organization", "id": member }),
            );
        }
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
    if membership.intended {
        ext.insert("intended".to_string(), true.into());
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
    let plain = relation.source.is_none()
        && relation.note.is_none()
        && !relation.intended
        && relation.start.is_none()
        && relation.end.is_none();
    if plain {
        return relation.to.to_string().into();
    }
    let mut object = Map::new();
    object.insert("to".to_string(), relation.to.to_string().into());
    if relation.intended {
        object.insert("intended".to_string(), true.into());
    }
    put(
        &mut object,
        "from",
        relation.start.map(|d| d.to_string()).as_deref(),
    );
    put(
        &mut object,
        "until",
        relation.end.map(|d| d.to_string()).as_deref(),
    );
    put(&mut object, "source", relation.source.as_deref());
    put(&mut object, "note", relation.note.as_deref());
    Value::Object(object)
}

/// A collective succession, as the document's extension lists it.
fn succession(succession: &crate::model::Succession) -> Value {
    let ids = |ids: &[Id]| Value::Array(ids.iter().map(|id| id.to_string().into()).collect());
    let mut object = Map::new();
    object.insert("from".to_string(), ids(&succession.from));
    object.insert("to".to_string(), ids(&succession.to));
    object.insert("kind".to_string(), succession.kind.as_str().into());
    put(
        &mut object,
        "date",
        succession.date.map(|d| d.to_string()).as_deref(),
    );
    if succession.intended {
        object.insert("intended".to_string(), true.into());
    }
    put(&mut object, "source", succession.source.as_deref());
    put(&mut object, "note", succession.note.as_deref());
    Value::Object(object)
}

fn put(object: &mut Map<String, Value>, key: &str, value: Option<&str>) {
    if let Some(value) = value {
        object.insert(key.to_string(), value.into());
    }
}
