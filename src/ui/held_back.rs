//! Text a person typed that did not read as the field's value (a time, a date): held back
//! from the document and shown in place until corrected. What is on screen must be what is
//! saved, so each one counts as an error in the checks, and saving asks about it first.

use super::PanelState;
use crate::model::{Place, Postmortem};
use crate::session::HeldBack;

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
