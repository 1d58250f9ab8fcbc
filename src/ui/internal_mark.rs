//! The check box that keeps a part of a postmortem out of its public version: beside a
//! section's heading, under the selected timeline row and action item, and on each link.

use super::accessible::name_check_box;
use crate::model::{Edit, InternalPart, Postmortem};

/// What the check box says on screen.
const LABEL: &str = "Internal";

/// The check box for `part`, named for a screen reader with `what` ("the Root cause
/// section"); ticking it marks the part internal.
pub fn internal_toggle_ui(
    ui: &mut egui::Ui,
    doc: &Postmortem,
    part: InternalPart,
    what: &str,
    edits: &mut Vec<Edit>,
) -> egui::Response {
    let mut internal = part.is_internal(doc);
    let response = ui.checkbox(&mut internal, LABEL).on_hover_text(format!(
        "Leave {what} out of the public version, for customers (the Public version part shows it)"
    ));
    name_check_box(
        &response,
        &format!("Internal: leave {what} out of the public version"),
        internal,
    );
    if response.changed() {
        edits.push(Edit::SetInternal(part, internal));
    }
    response
}
