//! A document as it was before an edit, for undo. Steps share what they have in common: each
//! timeline row and action item is kept once, behind an `Arc`, by every step in which it is
//! unchanged, so a step costs what its edit changed plus a pointer per row, not a copy of
//! the document. (200 steps of a 10,000-row document once held about 1 GB; see
//! BENCHMARKS.md.)

use std::collections::HashMap;
use std::hash::Hash;
use std::sync::Arc;

use crate::model::{ActionId, ActionItem, Postmortem, RowId, TimelineRow};

/// The document at one step of the history.
#[derive(Clone, Debug)]
pub struct Snapshot {
    /// Everything but the timeline and the action items (those two lists are empty here).
    rest: Arc<Postmortem>,
    timeline: Vec<Arc<TimelineRow>>,
    actions: Vec<Arc<ActionItem>>,
}

impl Snapshot {
    /// `doc` as it is now, sharing every row, item and header that `like` (usually the step
    /// before) already holds unchanged.
    #[must_use]
    pub fn of(doc: &Postmortem, like: Option<&Self>) -> Self {
        let rest = doc.without_lists();
        let rest = match like {
            Some(like) if *like.rest == rest => Arc::clone(&like.rest),
            _ => Arc::new(rest),
        };
        Self {
            rest,
            timeline: share(&doc.timeline, like.map(|like| like.timeline.as_slice())),
            actions: share(&doc.action_items, like.map(|like| like.actions.as_slice())),
        }
    }

    /// The attachments the document held at this step.
    #[must_use]
    pub fn attachments(&self) -> &[crate::model::Attachment] {
        &self.rest.attachments
    }

    /// The document this snapshot holds.
    #[must_use]
    pub fn to_document(&self) -> Postmortem {
        let mut doc = (*self.rest).clone();
        doc.timeline = self.timeline.iter().map(|row| (**row).clone()).collect();
        doc.action_items = self.actions.iter().map(|item| (**item).clone()).collect();
        doc
    }
}

/// A row or item, known by its stable ID.
trait Keyed {
    type Key: Hash + Eq;
    fn key(&self) -> Self::Key;
}

impl Keyed for TimelineRow {
    type Key = RowId;
    fn key(&self) -> RowId {
        self.id
    }
}

impl Keyed for ActionItem {
    type Key = ActionId;
    fn key(&self) -> ActionId {
        self.id
    }
}

/// `items` behind `Arc`s, reusing those of `like` that hold an equal item: first at the same
/// position (edits in place), else by ID (after an insert, a delete, a move or a sort).
fn share<T: Keyed + Clone + PartialEq>(items: &[T], like: Option<&[Arc<T>]>) -> Vec<Arc<T>> {
    let like = like.unwrap_or_default();
    let mut by_key: Option<HashMap<T::Key, &Arc<T>>> = None;
    items
        .iter()
        .enumerate()
        .map(|(index, item)| {
            if let Some(same) = like.get(index).filter(|same| ***same == *item) {
                return Arc::clone(same);
            }
            let by_key = by_key
                .get_or_insert_with(|| like.iter().map(|shared| (shared.key(), shared)).collect());
            match by_key.get(&item.key()) {
                Some(shared) if ***shared == *item => Arc::clone(shared),
                _ => Arc::new(item.clone()),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::example::example_postmortem;

    #[test]
    fn a_snapshot_gives_back_the_document_and_shares_what_did_not_change() {
        let mut doc = example_postmortem().unwrap();
        let first = Snapshot::of(&doc, None);
        assert_eq!(first.to_document(), doc);

        doc.timeline[3].event.push_str(" (edited)");
        doc.timeline.swap(7, 8);
        let second = Snapshot::of(&doc, Some(&first));
        assert_eq!(second.to_document(), doc);
        assert!(Arc::ptr_eq(&first.rest, &second.rest));
        for index in (0..doc.timeline.len()).filter(|index| *index != 3) {
            let was = if index == 7 {
                8
            } else if index == 8 {
                7
            } else {
                index
            };
            assert!(
                Arc::ptr_eq(&first.timeline[was], &second.timeline[index]),
                "row {index} was copied"
            );
        }
        assert!(!Arc::ptr_eq(&first.timeline[3], &second.timeline[3]));
        for (a, b) in first.actions.iter().zip(&second.actions) {
            assert!(Arc::ptr_eq(a, b));
        }
    }
}
