//! A place where two people changed one thing differently, kept in the document until someone
//! settles it: where it is, and the value each side gave it.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::super::document::{KeyTime, Postmortem};
use super::super::ids::{ActionId, RowId};
use super::super::narrative::Section;
use super::super::validation::Place;
use super::lists::keys_of;

/// Two values one thing was given on two sides of a merge. The document holds "ours" in the
/// place until the conflict is settled.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Conflict {
    /// Where: the field names from the document down, a list's entry named by its key (a
    /// row's or item's ID, a participant's name, a link's address, a section's title).
    pub at: Vec<String>,
    /// What both sides started from; `()` when there was nothing.
    #[serde(default)]
    pub base: Value,
    /// The value on our side (the branch merged into, or the editor's edits); `()` when our
    /// side deleted it.
    pub ours: Value,
    /// The value on their side (the branch merged in, or the file on disk); `()` when their
    /// side deleted it.
    pub theirs: Value,
}

/// Which value a settled conflict keeps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Keep {
    /// Our side's value.
    Ours,
    /// Their side's value.
    Theirs,
    /// What the document holds now (someone wrote their own answer in its place).
    AsItIs,
}

impl Conflict {
    /// Whether the conflict is about a whole entry of a list (deleted on one side, changed on
    /// the other) rather than one field.
    #[must_use]
    pub fn is_about_an_entry(&self) -> bool {
        list_entry_path(&self.at)
    }

    /// Where in the document it is, for "go to".
    #[must_use]
    pub fn place(&self, doc: &Postmortem) -> Place {
        let steps: Vec<&str> = self.at.iter().map(String::as_str).collect();
        match steps.as_slice() {
            ["timeline", id, ..] => id
                .parse()
                .map_or(Place::Title, |id| Place::TimelineRow(RowId::from_uuid(id))),
            ["action_items", id, ..] => id.parse().map_or(Place::Title, |id| {
                Place::ActionItem(ActionId::from_uuid(id))
            }),
            ["key_times", key, ..] => KeyTime::ALL
                .into_iter()
                .find(|time| time.label().eq_ignore_ascii_case(key))
                .map_or(Place::Title, Place::KeyTime),
            ["links", url, ..] => Place::Link(
                doc.links
                    .iter()
                    .position(|link| link.url == *url)
                    .unwrap_or_default(),
            ),
            ["narrative", "custom_sections", title, ..] => Place::CustomSection(
                doc.narrative
                    .custom_sections
                    .iter()
                    .position(|section| section.title == *title)
                    .unwrap_or_default(),
            ),
            // A section's written heading or hint is shown with the section.
            ["narrative", "headings" | "guidance", name, ..] | ["narrative", name, ..] => {
                Section::ALL
                    .into_iter()
                    .find(|section| section_key(*section) == *name)
                    .map_or(Place::Title, Place::Section)
            }
            ["approval", ..] => Place::Approval,
            ["classification", "tags", ..] => Place::Tags,
            ["classification", "severity" | "severity_scale", ..] => Place::Severity,
            ["classification", ..] => Place::Classification,
            ["incident_id", ..] => Place::IncidentId,
            ["authors" | "participants", ..] => Place::People,
            _ => Place::Title,
        }
    }

    /// What it is about, in words: "timeline row 5b0c1d2e, notes".
    #[must_use]
    pub fn subject(&self) -> String {
        let steps: Vec<&str> = self.at.iter().map(String::as_str).collect();
        let short = |id: &str| id.chars().take(8).collect::<String>();
        match steps.as_slice() {
            ["timeline", id, rest @ ..] => with_field(format!("timeline row {}", short(id)), rest),
            ["action_items", id, rest @ ..] => {
                with_field(format!("action item {}", short(id)), rest)
            }
            ["participants", name, rest @ ..] => with_field(format!("participant {name}"), rest),
            ["links", url, rest @ ..] => with_field(format!("link {url}"), rest),
            ["narrative", "custom_sections", title, rest @ ..] => {
                with_field(format!("section {title}"), rest)
            }
            ["classification", "severity_scale", name, rest @ ..] => {
                with_field(format!("severity level {name}"), rest)
            }
            ["narrative", name] => Section::ALL
                .into_iter()
                .find(|section| section_key(*section) == *name)
                .map_or_else(
                    || format!("section {name}"),
                    |section| format!("section {}", section.heading()),
                ),
            ["narrative", "headings", name] => Section::ALL
                .into_iter()
                .find(|section| section_key(*section) == *name)
                .map_or_else(
                    || format!("heading of section {name}"),
                    |section| format!("heading of section {}", section.heading()),
                ),
            ["key_times", key] => format!("key time {key}"),
            other => other
                .iter()
                .map(|step| step.replace('_', " "))
                .collect::<Vec<_>>()
                .join(", "),
        }
    }

    /// The conflict as one sentence for a report: what, and both values.
    #[must_use]
    pub fn message(&self) -> String {
        let subject = self.subject();
        if self.is_about_an_entry() {
            let (deleted_by, changed) = if self.ours.is_null() {
                ("mine", &self.theirs)
            } else {
                ("theirs", &self.ours)
            };
            return format!(
                "Merge conflict: {subject} was deleted on one side ({deleted_by}) and changed on the other: {}.",
                describe(changed)
            );
        }
        format!(
            "Merge conflict in {subject}: mine {}, theirs {}.",
            describe(&self.ours),
            describe(&self.theirs)
        )
    }

    /// Whether the document now holds something else than either side's value in its place:
    /// someone wrote their own answer there.
    #[must_use]
    pub fn edited_by_hand(&self, doc: &Postmortem) -> bool {
        let now = value_at(doc, &self.at).unwrap_or(Value::Null);
        // A field left out of the file and an empty one are the same to a person.
        let same = |side: &Value| side == &now || (is_blank(side) && is_blank(&now));
        !same(&self.ours) && !same(&self.theirs)
    }

    /// One side's value in words, as [`Self::message`] shows it.
    #[must_use]
    pub fn describe_side(&self, keep: Keep) -> String {
        let value = match keep {
            Keep::Ours => &self.ours,
            Keep::Theirs => &self.theirs,
            Keep::AsItIs => &self.base,
        };
        if value.is_null() && self.is_about_an_entry() {
            "deleted".to_owned()
        } else {
            describe(value)
        }
    }
}

/// Settles conflict `index` of `doc`: puts the chosen value in its place and drops it from
/// the list. `None` when there is no such conflict or its place no longer exists (the entry it
/// was about is gone): then dropping it is all there is to do, which [`Keep::AsItIs`] does.
#[must_use]
pub fn settle(doc: &Postmortem, index: usize, keep: Keep) -> Option<Postmortem> {
    let conflict = doc.conflicts.get(index)?;
    let mut settled = doc.clone();
    settled.conflicts.remove(index);
    let value = match keep {
        Keep::AsItIs => return Some(settled),
        Keep::Ours => conflict.ours.clone(),
        Keep::Theirs => conflict.theirs.clone(),
    };
    let mut tree = serde_json::to_value(&settled).ok()?;
    put(&mut tree, &mut Vec::new(), &conflict.at, value)?;
    serde_json::from_value(tree).ok()
}

/// The value at `at` in `doc` now; `None` when the place is gone. Only the part of the
/// document the place is in is turned into values, so asking every frame costs little.
fn value_at(doc: &Postmortem, at: &[String]) -> Option<Value> {
    let (first, rest) = at.split_first()?;
    let (part, rest) = match (first.as_str(), rest) {
        ("timeline", [id, rest @ ..]) => {
            let row = doc.timeline.iter().find(|row| row.id.to_string() == *id)?;
            (serde_json::to_value(row).ok()?, rest)
        }
        ("action_items", [id, rest @ ..]) => {
            let item = doc
                .action_items
                .iter()
                .find(|item| item.id.to_string() == *id)?;
            (serde_json::to_value(item).ok()?, rest)
        }
        (field, rest) => (header_field(doc, field)?, rest),
    };
    get(&part, &mut vec![first.clone()], rest).cloned()
}

fn is_blank(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::String(text) => text.is_empty(),
        Value::Array(items) => items.is_empty(),
        Value::Object(fields) => fields.values().all(is_blank),
        Value::Bool(_) | Value::Number(_) => false,
    }
}

/// One of the document's fields other than its long lists, as a value.
fn header_field(doc: &Postmortem, field: &str) -> Option<Value> {
    let value = match field {
        "title" => serde_json::to_value(&doc.title),
        "incident_id" => serde_json::to_value(&doc.incident_id),
        "status" => serde_json::to_value(doc.status),
        "authors" => serde_json::to_value(&doc.authors),
        "created" => serde_json::to_value(doc.created),
        "updated" => serde_json::to_value(doc.updated),
        "approval" => serde_json::to_value(&doc.approval),
        "time_zone" => serde_json::to_value(doc.time_zone),
        "classification" => serde_json::to_value(&doc.classification),
        "key_times" => serde_json::to_value(&doc.key_times),
        "participants" => serde_json::to_value(&doc.participants),
        "links" => serde_json::to_value(&doc.links),
        "narrative" => serde_json::to_value(&doc.narrative),
        _ => return None,
    };
    value.ok()
}

/// The value at `at` below `tree` (`done` is the path walked so far), lists by their keys.
fn get<'a>(tree: &'a Value, done: &mut Vec<String>, at: &[String]) -> Option<&'a Value> {
    let Some((step, rest)) = at.split_first() else {
        return Some(tree);
    };
    let next = match tree {
        Value::Object(fields) => fields.get(step)?,
        Value::Array(entries) => {
            let position = keys_of(done, entries).iter().position(|key| key == step)?;
            &entries[position]
        }
        _ => return None,
    };
    done.push(step.clone());
    get(next, done, rest)
}

/// Puts `value` at `at` below `tree` (`done` is the path walked so far). A `()` value removes
/// the field or the entry, so the field takes its default.
fn put(tree: &mut Value, done: &mut Vec<String>, at: &[String], value: Value) -> Option<()> {
    let (step, rest) = at.split_first()?;
    match tree {
        Value::Object(fields) => {
            if rest.is_empty() {
                if value.is_null() {
                    fields.remove(step);
                } else {
                    fields.insert(step.clone(), value);
                }
                return Some(());
            }
            done.push(step.clone());
            put(fields.get_mut(step)?, done, rest, value)
        }
        Value::Array(entries) => {
            let position = keys_of(done, entries).iter().position(|key| key == step);
            match (position, rest.is_empty()) {
                (Some(position), true) if value.is_null() => {
                    entries.remove(position);
                    Some(())
                }
                (Some(position), true) => {
                    entries[position] = value;
                    Some(())
                }
                (None, true) if !value.is_null() => {
                    entries.push(value);
                    Some(())
                }
                (None, true) => Some(()),
                (Some(position), false) => {
                    done.push(step.clone());
                    put(&mut entries[position], done, rest, value)
                }
                (None, false) => None,
            }
        }
        _ => None,
    }
}

/// Whether `at` names a whole entry of a list rather than a field.
fn list_entry_path(at: &[String]) -> bool {
    let steps: Vec<&str> = at.iter().map(String::as_str).collect();
    matches!(
        steps.as_slice(),
        [
            "timeline" | "action_items" | "participants" | "links" | "authors",
            _
        ] | ["classification", "severity_scale" | "services" | "tags", _]
            | ["narrative", "custom_sections" | "left_out", _]
    )
}

/// `entry`, and the field of it when the path goes on to one: "timeline row 5b0c1d2e, notes".
fn with_field(entry: String, rest: &[&str]) -> String {
    match rest.first() {
        Some(field) => format!("{entry}, {}", field.replace('_', " ")),
        None => entry,
    }
}

/// The name a built-in section has in the file.
fn section_key(section: Section) -> String {
    match serde_json::to_value(section) {
        Ok(Value::String(name)) => name,
        _ => String::new(),
    }
}

/// A value in words: text in quotation marks (cut at 120 characters), a list joined, nothing
/// as "empty".
fn describe(value: &Value) -> String {
    match value {
        Value::Null => "empty".to_owned(),
        Value::String(text) if text.trim().is_empty() => "empty".to_owned(),
        Value::String(text) => quoted(text),
        Value::Bool(true) => "yes".to_owned(),
        Value::Bool(false) => "no".to_owned(),
        Value::Number(number) => number.to_string(),
        Value::Array(items) if items.is_empty() => "empty".to_owned(),
        Value::Array(items) => items.iter().map(describe).collect::<Vec<_>>().join(", "),
        Value::Object(fields) => ["event", "action", "name", "title", "label", "url"]
            .iter()
            .find_map(|name| match fields.get(*name) {
                Some(Value::String(text)) if !text.trim().is_empty() => Some(quoted(text)),
                _ => None,
            })
            .unwrap_or_else(|| value.to_string()),
    }
}

fn quoted(text: &str) -> String {
    const LONGEST: usize = 120;
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut shown: String = one_line.chars().take(LONGEST).collect();
    if one_line.chars().count() > LONGEST {
        shown.push('\u{2026}');
    }
    format!("\u{201c}{shown}\u{201d}")
}
