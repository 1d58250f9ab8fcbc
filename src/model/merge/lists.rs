//! Lists merge by their entries' keys, not their positions: a timeline row or an action item by
//! its ID, a participant by name, a link by address, a severity level by name, a team's section
//! by title, a name in a list of names by itself.
//!
//! Each key is merged on its own (added, deleted, or changed field by field), then the merged
//! entries are put in order: the order of the side that reordered the list (ours when both
//! did, or neither), with the other side's new entries each placed after the entry it follows
//! there.

use std::collections::{HashMap, HashSet};

use serde_json::Value;

use super::Merger;

/// The field that names an entry of the list at `path`, for lists of records.
fn key_field(path: &[String]) -> Option<&'static str> {
    let path: Vec<&str> = path.iter().map(String::as_str).collect();
    match path.as_slice() {
        ["timeline" | "action_items"] => Some("id"),
        ["participants"] | ["classification", "severity_scale"] => Some("name"),
        ["links"] => Some("url"),
        ["narrative", "custom_sections"] => Some("title"),
        _ => None,
    }
}

/// The keys of a list's entries, in its order. A key that comes again is told apart by its
/// count ("Dana#2"), so two participants of one name stay two.
pub(super) fn keys_of(path: &[String], entries: &[Value]) -> Vec<String> {
    let field = key_field(path);
    let mut seen: HashMap<String, usize> = HashMap::new();
    entries
        .iter()
        .map(|entry| {
            let key = match (field.and_then(|field| entry.get(field)), entry) {
                (Some(Value::String(key)), _) | (None, Value::String(key)) => key.clone(),
                (Some(other), _) | (None, other) => other.to_string(),
            };
            let count = seen.entry(key.clone()).or_insert(0);
            *count += 1;
            if *count == 1 {
                key
            } else {
                format!("{key}#{count}")
            }
        })
        .collect()
}

impl Merger {
    /// A list, entry by entry.
    pub(super) fn list(
        &mut self,
        path: &mut Vec<String>,
        base: &[Value],
        ours: &[Value],
        theirs: &[Value],
    ) -> Vec<Value> {
        let (base_keys, our_keys, their_keys) = (
            keys_of(path, base),
            keys_of(path, ours),
            keys_of(path, theirs),
        );
        let index = |keys: &[String], entries: &[Value]| -> HashMap<String, usize> {
            keys.iter().cloned().zip(0..entries.len()).collect()
        };
        let (in_base, in_ours, in_theirs) = (
            index(&base_keys, base),
            index(&our_keys, ours),
            index(&their_keys, theirs),
        );
        let mut merged: HashMap<String, Value> = HashMap::new();
        let every_key = our_keys.iter().chain(&their_keys).chain(&base_keys);
        for key in every_key {
            if merged.contains_key(key) {
                continue;
            }
            let (b, o, t) = (
                entry(&in_base, base, key),
                entry(&in_ours, ours, key),
                entry(&in_theirs, theirs, key),
            );
            path.push(key.clone());
            let value = match (b, o, t) {
                // Deleted on one side and changed on the other: the changed entry stays, and
                // the deletion is a conflict to settle.
                (Some(b), Some(o), None) if o != b => self.conflict(path, Some(b), Some(o), None),
                (Some(b), None, Some(t)) if t != b => {
                    self.conflict(path, Some(b), None, Some(t));
                    Some(t.clone())
                }
                _ => self.value(path, b, o, t),
            };
            path.pop();
            if let Some(value) = value {
                merged.insert(key.clone(), value);
            }
        }
        let order = merged_order(&base_keys, &our_keys, &their_keys, &merged);
        order
            .into_iter()
            .filter_map(|key| merged.remove(&key))
            .collect()
    }
}

/// The entry of `entries` whose key is `key`, through the positions `at`.
fn entry<'a>(at: &HashMap<String, usize>, entries: &'a [Value], key: &str) -> Option<&'a Value> {
    at.get(key).map(|&position| &entries[position])
}

/// The order of the merged entries (`kept`): the order of the side that reordered the list
/// (ours when both or neither did), then each entry only the other side has, after the entry
/// it follows on that side.
fn merged_order(
    base: &[String],
    ours: &[String],
    theirs: &[String],
    kept: &HashMap<String, Value>,
) -> Vec<String> {
    let (first, second) = if reordered(base, ours) || !reordered(base, theirs) {
        (ours, theirs)
    } else {
        (theirs, ours)
    };
    let placed: HashSet<&String> = first.iter().filter(|key| kept.contains_key(*key)).collect();
    // Each entry only the second side has hangs after the nearest kept entry before it
    // there (or at the start); one after another they keep that side's order.
    let mut after: HashMap<Option<&String>, Vec<&String>> = HashMap::new();
    let mut previous: Option<&String> = None;
    for key in second {
        if !kept.contains_key(key) {
            continue;
        }
        if !placed.contains(key) {
            after.entry(previous).or_default().push(key);
        }
        previous = Some(key);
    }
    let mut order = Vec::with_capacity(kept.len());
    hang(&mut after, None, &mut order);
    for key in first.iter().filter(|key| kept.contains_key(*key)) {
        order.push(key.clone());
        hang(&mut after, Some(key), &mut order);
    }
    order
}

/// Puts the entries that hang after `anchor` into `order`, each followed by those that hang
/// after it: depth first, without recursion, as a long run of new entries is a long chain.
fn hang<'a>(
    after: &mut HashMap<Option<&'a String>, Vec<&'a String>>,
    anchor: Option<&'a String>,
    order: &mut Vec<String>,
) {
    let mut pending: Vec<&String> = after.remove(&anchor).unwrap_or_default();
    pending.reverse();
    while let Some(key) = pending.pop() {
        order.push(key.clone());
        pending.extend(
            after
                .remove(&Some(key))
                .unwrap_or_default()
                .into_iter()
                .rev(),
        );
    }
}

/// Whether `side` put the entries it shares with `base` in another order.
fn reordered(base: &[String], side: &[String]) -> bool {
    let in_side: HashSet<&String> = side.iter().collect();
    let in_base: HashSet<&String> = base.iter().collect();
    base.iter()
        .filter(|key| in_side.contains(key))
        .ne(side.iter().filter(|key| in_base.contains(key)))
}
