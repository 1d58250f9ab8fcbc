//! Lists merge by their entries' keys, not their positions: a timeline row or an action item by
//! its ID, a participant by name, a link by address, a severity level by name, a team's section
//! by title, an attached file by its path (its content's hash), a name in a list of names
//! by itself.
//!
//! Each key is merged on its own (added, deleted, or changed field by field), then the merged
//! entries are put in order: the order of the side that reordered the list (ours when both
//! did, or neither), with the other side's new entries each placed after the entry it follows
//! there.

use std::collections::{HashMap, HashSet};
use std::hash::Hash;

use serde_json::Value;

use super::Merger;

/// The field that names an entry of the list at `path`, for lists of records.
fn key_field(path: &[String]) -> Option<&'static str> {
    let path: Vec<&str> = path.iter().map(String::as_str).collect();
    match path.as_slice() {
        ["timeline" | "action_items"] => Some("id"),
        ["participants"] | ["classification", "severity_scale"] => Some("name"),
        ["links"] => Some("url"),
        // An attached file is known by its path, which names its bytes.
        ["attachments"] => Some("path"),
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

/// One list's three versions, with each entry's key.
pub(super) struct Sides<'a, T, K> {
    pub base: (&'a [T], Vec<K>),
    pub ours: (&'a [T], Vec<K>),
    pub theirs: (&'a [T], Vec<K>),
}

impl Merger {
    /// A list of values, entry by entry.
    pub(super) fn list(
        &mut self,
        path: &mut Vec<String>,
        base: &[Value],
        ours: &[Value],
        theirs: &[Value],
    ) -> Vec<Value> {
        let sides = Sides {
            base: (base, keys_of(path, base)),
            ours: (ours, keys_of(path, ours)),
            theirs: (theirs, keys_of(path, theirs)),
        };
        self.entries(path, &sides, Clone::clone, String::clone)
    }

    /// Any list, entry by entry: an entry the same on two sides, or unchanged on one, is
    /// taken as it is without looking inside; only an entry both sides changed is turned
    /// into values and merged field by field. `as_value` gives an entry's value, `step` a
    /// key's name in a path.
    pub(super) fn entries<T, K>(
        &mut self,
        path: &mut Vec<String>,
        sides: &Sides<'_, T, K>,
        as_value: impl Fn(&T) -> Value,
        step: impl Fn(&K) -> String,
    ) -> Vec<T>
    where
        T: Clone + PartialEq + serde::de::DeserializeOwned,
        K: Clone + Eq + Hash,
    {
        let index = |(entries, keys): &(&[T], Vec<K>)| -> HashMap<K, usize> {
            keys.iter().cloned().zip(0..entries.len()).collect()
        };
        let (in_base, in_ours, in_theirs) =
            (index(&sides.base), index(&sides.ours), index(&sides.theirs));
        let find = |at: &HashMap<K, usize>, entries: &[T], key: &K| -> Option<usize> {
            at.get(key)
                .filter(|&&position| position < entries.len())
                .copied()
        };
        let mut merged: HashMap<K, T> = HashMap::new();
        let mut seen: HashSet<&K> = HashSet::new();
        let every_key = sides
            .ours
            .1
            .iter()
            .chain(&sides.theirs.1)
            .chain(&sides.base.1);
        for key in every_key {
            if !seen.insert(key) {
                continue;
            }
            let b = find(&in_base, sides.base.0, key).map(|at| &sides.base.0[at]);
            let o = find(&in_ours, sides.ours.0, key).map(|at| &sides.ours.0[at]);
            let t = find(&in_theirs, sides.theirs.0, key).map(|at| &sides.theirs.0[at]);
            let taken = if o == t || b == t {
                o.cloned()
            } else if b == o {
                t.cloned()
            } else {
                path.push(step(key));
                let value = |entry: Option<&T>| entry.map(&as_value);
                let taken = match (b, o, t) {
                    // Deleted on one side and changed on the other: the changed entry stays,
                    // and the deletion is a conflict to settle.
                    (Some(b), Some(o), None) => {
                        self.conflict(path, value(Some(b)).as_ref(), value(Some(o)).as_ref(), None);
                        Some(o.clone())
                    }
                    (Some(b), None, Some(t)) => {
                        self.conflict(path, value(Some(b)).as_ref(), None, value(Some(t)).as_ref());
                        Some(t.clone())
                    }
                    _ => {
                        let (vb, vo, vt) = (value(b), value(o), value(t));
                        self.value(path, vb.as_ref(), vo.as_ref(), vt.as_ref())
                            .and_then(|value| serde_json::from_value(value).ok())
                            .or_else(|| o.cloned())
                    }
                };
                path.pop();
                taken
            };
            if let Some(entry) = taken {
                merged.insert(key.clone(), entry);
            }
        }
        let order = merged_order(&sides.base.1, &sides.ours.1, &sides.theirs.1, &merged);
        order
            .into_iter()
            .filter_map(|key| merged.remove(&key))
            .collect()
    }
}

/// The order of the merged entries (`kept`): the order of the side that reordered the list
/// (ours when both or neither did), then each entry only the other side has, after the entry
/// it follows on that side.
fn merged_order<K: Clone + Eq + Hash, T>(
    base: &[K],
    ours: &[K],
    theirs: &[K],
    kept: &HashMap<K, T>,
) -> Vec<K> {
    let (first, second) = if reordered(base, ours) || !reordered(base, theirs) {
        (ours, theirs)
    } else {
        (theirs, ours)
    };
    let placed: HashSet<&K> = first.iter().filter(|key| kept.contains_key(*key)).collect();
    // Each entry only the second side has hangs after the nearest kept entry before it
    // there (or at the start); one after another they keep that side's order.
    let mut after: HashMap<Option<&K>, Vec<&K>> = HashMap::new();
    let mut previous: Option<&K> = None;
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
fn hang<'a, K: Clone + Eq + Hash>(
    after: &mut HashMap<Option<&'a K>, Vec<&'a K>>,
    anchor: Option<&'a K>,
    order: &mut Vec<K>,
) {
    let mut pending: Vec<&K> = after.remove(&anchor).unwrap_or_default();
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
fn reordered<K: Eq + Hash>(base: &[K], side: &[K]) -> bool {
    let in_side: HashSet<&K> = side.iter().collect();
    let in_base: HashSet<&K> = base.iter().collect();
    base.iter()
        .filter(|key| in_side.contains(key))
        .ne(side.iter().filter(|key| in_base.contains(key)))
}
