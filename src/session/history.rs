//! Undo and redo by snapshots of the whole document that share their unchanged rows and items
//! (see [`super::snapshot`]). A burst of typing in one field is one step; every other edit (a
//! drag, a sort, a paste, a delete) is a step of its own.

use std::collections::VecDeque;

use super::snapshot::Snapshot;

/// How many steps are kept; older ones are dropped.
const LIMIT: usize = 200;

/// Typing in the same field with pauses shorter than this is one step.
const BURST_SECONDS: f64 = 1.5;

/// A document as it was before an edit.
#[derive(Debug, Clone)]
pub struct Step {
    /// The document.
    pub doc: Snapshot,
    /// Which state of the document it is, to tell whether it is the saved one.
    pub state: u64,
    /// What the edit did, for "Undo change title".
    pub label: String,
}

/// The undo and redo stacks.
#[derive(Debug, Default)]
pub struct History {
    undo: VecDeque<Step>,
    redo: Vec<Step>,
    /// The field typed in last and when, to fold a burst of typing into one step.
    last: Option<(String, f64)>,
}

impl History {
    /// Whether an edit to `key` at `now` continues the last step rather than starting one.
    #[must_use]
    pub fn continues(&self, key: Option<&str>, now: f64) -> bool {
        match (key, &self.last) {
            (Some(key), Some((last_key, at))) => {
                key == last_key && now - at < BURST_SECONDS && !self.undo.is_empty()
            }
            _ => false,
        }
    }

    /// Records that an edit changed the document: `before` is how it was.
    pub fn record(&mut self, before: Option<Step>, key: Option<String>, now: f64) {
        if let Some(step) = before {
            self.undo.push_back(step);
            if self.undo.len() > LIMIT {
                self.undo.pop_front();
            }
        }
        self.redo.clear();
        self.last = key.map(|key| (key, now));
    }

    /// Takes the step to go back to, leaving `current` to redo.
    pub fn undo(&mut self, current: Step) -> Option<Step> {
        let step = self.undo.pop_back()?;
        self.redo.push(Step {
            label: step.label.clone(),
            ..current
        });
        self.last = None;
        Some(step)
    }

    /// Takes the step to go forward to, leaving `current` to undo.
    pub fn redo(&mut self, current: Step) -> Option<Step> {
        let step = self.redo.pop()?;
        self.undo.push_back(Step {
            label: step.label.clone(),
            ..current
        });
        self.last = None;
        Some(step)
    }

    /// What undo would undo.
    #[must_use]
    pub fn undo_label(&self) -> Option<&str> {
        self.undo.back().map(|step| step.label.as_str())
    }

    /// The snapshot of the newest undo step, for a new one to share rows and items with.
    #[must_use]
    pub fn newest_snapshot(&self) -> Option<&Snapshot> {
        self.undo.back().map(|step| &step.doc)
    }

    /// Every step's attachments, undo and redo alike: what a step the person can still go
    /// back or forward to refers to.
    pub fn attachments(&self) -> impl Iterator<Item = &crate::model::Attachment> {
        self.undo
            .iter()
            .chain(&self.redo)
            .flat_map(|step| step.doc.attachments())
    }

    /// What redo would redo.
    #[must_use]
    pub fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|step| step.label.as_str())
    }
}
