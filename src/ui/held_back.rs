//! Text a person typed that did not read as the field's value (a time, a date): held back
//! from the document and shown in place until corrected. What is on screen must be what is
//! saved, so each one counts as an error in the checks, and saving asks about it first.

use super::PanelState;
use crate::model::{Finding, Level, Place, Postmortem};

/// One field whose text is not in the document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HeldBack {
    /// Where the field is, to go to it.
    pub place: Place,
    /// The field, as a person names it: "Row 12's time".
    pub field: String,
    /// What was typed.
    pub text: String,
    /// Why it does not read.
    pub reason: String,
}

impl HeldBack {
    /// "Row 12's time: “2:61” — type a time like 14:03 …", for the question before a save.
    #[must_use]
    pub fn line(&self) -> String {
        format!(
            "{}: \u{201c}{}\u{201d} \u{2014} {}",
            self.field, self.text, self.reason
        )
    }

    /// "Row 12's time: “2:61” is not in the document — …", for the checks.
    #[must_use]
    pub fn message(&self) -> String {
        format!(
            "{}: \u{201c}{}\u{201d} is not in the document \u{2014} {}",
            self.field, self.text, self.reason
        )
    }

    /// The held-back text as an error among the checks' findings.
    #[must_use]
    pub fn finding(&self) -> Finding {
        Finding {
            level: Level::Error,
            message: self.message(),
            place: self.place,
        }
    }
}

/// Every field of `doc` whose typed text the panels hold back, in the document's order:
/// key times, then timeline rows, then action items.
#[must_use]
pub fn held_back(panels: &PanelState, doc: &Postmortem) -> Vec<HeldBack> {
    let mut out: Vec<HeldBack> = panels
        .key_times
        .refused()
        .map(|(key, text, reason)| HeldBack {
            place: Place::KeyTime(key),
            field: format!("The {} key time", key.label()),
            text: text.to_owned(),
            reason: reason.to_owned(),
        })
        .collect();
    // Rows and items are taken in the document's order; one deleted since is no field.
    for (index, row) in doc.timeline.iter().enumerate() {
        if let Some(bad) = panels.timeline.bad_times.get(&row.id) {
            out.push(HeldBack {
                place: Place::TimelineRow(row.id),
                field: format!("Row {}'s time", index + 1),
                text: bad.text.clone(),
                reason: bad.error.clone(),
            });
        }
    }
    for (index, item) in doc.action_items.iter().enumerate() {
        if let Some((text, reason)) = panels.actions.bad_dates.get(&item.id) {
            out.push(HeldBack {
                place: Place::ActionItem(item.id),
                field: format!("Action item {}'s due date", index + 1),
                text: text.clone(),
                reason: reason.clone(),
            });
        }
    }
    out
}
