//! Three-way merge of two people's edits of one postmortem, by its structure: what git's
//! merge driver (`hindsight merge`) and the editor (a file changed on disk under unsaved
//! edits) both use.
//!
//! The document is compared as a tree of values (its serde form): fields one by one, and lists
//! by their entries' keys, so two people editing different rows, different fields of one row,
//! or one reordering the timeline while the other edits it, all merge cleanly. Multi-line text
//! (the analysis) merges line by line as git merges text. Where both sides changed the same
//! thing differently, the result keeps "ours" in place and records both values in the
//! document's `conflicts` list, so the merged file is still a postmortem that opens, and
//! nobody's words are lost.

mod conflict;
mod lists;
#[cfg(test)]
mod tests;

use serde_json::{Map, Value};

pub use conflict::{Conflict, Keep, settle};

use super::document::{FORMAT_VERSION, Postmortem};

/// What a merge made: the merged document (holding any conflicts in its `conflicts` list) and
/// how many of those the merge itself found.
#[derive(Clone, Debug, PartialEq)]
pub struct Merged {
    /// The merged postmortem.
    pub doc: Postmortem,
    /// How many conflicts this merge added; 0 when it merged cleanly.
    pub new_conflicts: usize,
}

/// Why two documents could not be merged: one of them does not turn into the value tree, or
/// the merged tree does not turn back into a postmortem. Neither happens with documents that
/// were read from files; the message names the step.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("the merge could not {0}")]
pub struct MergeError(String);

/// Merges `ours` and `theirs`, both edited from `base`.
///
/// Merging with an unchanged side gives the other side exactly; edits of different fields,
/// rows, items, participants, links or lines of text all survive; an entry deleted on one side
/// and changed on the other is kept (and reported), so nothing written is dropped silently.
pub fn merge(
    base: &Postmortem,
    ours: &Postmortem,
    theirs: &Postmortem,
) -> Result<Merged, MergeError> {
    let mut merger = Merger::default();
    // The small part of the document merges as a tree of values; the two long lists entry
    // by entry, so that only the rows and items both sides changed are ever turned into
    // values (10,000 rows would otherwise cost a quarter of a second).
    let tree = |doc: &Postmortem| {
        serde_json::to_value(doc.without_lists())
            .map_err(|error| MergeError(format!("read a document: {error}")))
    };
    let (base_tree, our_tree, their_tree) = (tree(base)?, tree(ours)?, tree(theirs)?);
    let merged_tree = merger
        .value(
            &mut Vec::new(),
            Some(&base_tree),
            Some(&our_tree),
            Some(&their_tree),
        )
        .unwrap_or(Value::Null);
    let mut doc: Postmortem = serde_json::from_value(merged_tree)
        .map_err(|error| MergeError(format!("build the merged document: {error}")))?;
    doc.timeline = merger.keyed(
        "timeline",
        &base.timeline,
        &ours.timeline,
        &theirs.timeline,
        |row| row.id,
    );
    doc.action_items = merger.keyed(
        "action_items",
        &base.action_items,
        &ours.action_items,
        &theirs.action_items,
        |item| item.id,
    );
    doc.format_version = FORMAT_VERSION;
    let new_conflicts = merger.conflicts.len();
    doc.conflicts.extend(merger.conflicts);
    Ok(Merged { doc, new_conflicts })
}

/// Walks the three trees together, collecting the conflicts it finds.
#[derive(Default)]
struct Merger {
    conflicts: Vec<Conflict>,
}

impl Merger {
    /// The merged value at `path`; `None` is a value that is not there (a field left out of
    /// the file, an entry deleted).
    fn value(
        &mut self,
        path: &mut Vec<String>,
        base: Option<&Value>,
        ours: Option<&Value>,
        theirs: Option<&Value>,
    ) -> Option<Value> {
        if ours == theirs || base == theirs {
            return ours.cloned();
        }
        if base == ours {
            return theirs.cloned();
        }
        // Both sides changed it, differently.
        match (base, ours, theirs) {
            (_, Some(Value::Object(ours)), Some(Value::Object(theirs)))
                if matches!(base, None | Some(Value::Object(_))) =>
            {
                let empty = Map::new();
                let base = base.and_then(Value::as_object).unwrap_or(&empty);
                Some(Value::Object(self.fields(path, base, ours, theirs)))
            }
            (_, Some(Value::Array(ours)), Some(Value::Array(theirs)))
                if matches!(base, None | Some(Value::Array(_))) =>
            {
                let base = base
                    .and_then(Value::as_array)
                    .map_or(&[][..], Vec::as_slice);
                Some(Value::Array(self.list(path, base, ours, theirs)))
            }
            (Some(Value::String(base)), Some(Value::String(ours)), Some(Value::String(theirs)))
                if is_text(base, ours, theirs) =>
            {
                match diffy::merge(base, ours, theirs) {
                    Ok(merged) => Some(Value::String(merged)),
                    Err(_) => self.conflict(
                        path,
                        Some(&Value::String(base.clone())),
                        Some(&Value::String(ours.clone())),
                        Some(&Value::String(theirs.clone())),
                    ),
                }
            }
            // The day of the last save: both saved, so the later day is the truth.
            (_, Some(Value::String(ours)), Some(Value::String(theirs))) if is_updated(path) => {
                Some(Value::String(ours.max(theirs).clone()))
            }
            _ => self.conflict(path, base, ours, theirs),
        }
    }

    /// One of the long lists, by its entries' IDs (an ID met again in one list is told apart
    /// by its count, as [`lists::keys_of`] does for values).
    fn keyed<T, K>(
        &mut self,
        name: &str,
        base: &[T],
        ours: &[T],
        theirs: &[T],
        id: impl Fn(&T) -> K,
    ) -> Vec<T>
    where
        T: Clone + PartialEq + serde::Serialize + serde::de::DeserializeOwned,
        K: Clone + Eq + std::hash::Hash + std::fmt::Display,
    {
        if ours == theirs || base == theirs {
            return ours.to_vec();
        }
        if base == ours {
            return theirs.to_vec();
        }
        let keys = |entries: &[T]| {
            let mut seen: std::collections::HashMap<K, u32> = std::collections::HashMap::new();
            entries
                .iter()
                .map(|entry| {
                    let key = id(entry);
                    let count = seen.entry(key.clone()).or_insert(0);
                    *count += 1;
                    (key, *count)
                })
                .collect::<Vec<_>>()
        };
        let sides = lists::Sides {
            base: (base, keys(base)),
            ours: (ours, keys(ours)),
            theirs: (theirs, keys(theirs)),
        };
        let mut path = vec![name.to_owned()];
        self.entries(
            &mut path,
            &sides,
            |entry| serde_json::to_value(entry).unwrap_or(Value::Null),
            |(key, count)| {
                if *count == 1 {
                    key.to_string()
                } else {
                    format!("{key}#{count}")
                }
            },
        )
    }

    /// Records that both sides changed `path` differently; the result keeps ours.
    fn conflict(
        &mut self,
        path: &[String],
        base: Option<&Value>,
        ours: Option<&Value>,
        theirs: Option<&Value>,
    ) -> Option<Value> {
        let or_null = |value: Option<&Value>| value.cloned().unwrap_or(Value::Null);
        self.conflicts.push(Conflict {
            at: path.to_vec(),
            base: or_null(base),
            ours: or_null(ours),
            theirs: or_null(theirs),
        });
        ours.cloned()
    }

    /// A struct or map, field by field.
    fn fields(
        &mut self,
        path: &mut Vec<String>,
        base: &Map<String, Value>,
        ours: &Map<String, Value>,
        theirs: &Map<String, Value>,
    ) -> Map<String, Value> {
        let mut names: Vec<&String> = ours
            .keys()
            .chain(theirs.keys())
            .chain(base.keys())
            .collect();
        names.sort_unstable();
        names.dedup();
        let mut merged = Map::new();
        for name in names {
            path.push(name.clone());
            let value = self.value(path, base.get(name), ours.get(name), theirs.get(name));
            path.pop();
            if let Some(value) = value {
                merged.insert(name.clone(), value);
            }
        }
        merged
    }
}

/// Whether three strings are text that merges line by line: some of it runs over lines.
/// One-line values (a title, a name, a time) are one thing each: two changes conflict.
fn is_text(base: &str, ours: &str, theirs: &str) -> bool {
    [base, ours, theirs].iter().any(|text| text.contains('\n'))
}

fn is_updated(path: &[String]) -> bool {
    matches!(path, [field] if field == "updated")
}
