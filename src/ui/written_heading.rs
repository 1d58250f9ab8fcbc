//! A heading in the author's own words: what an imported postmortem called a section or a
//! list ("Root Cause Analysis", "Corrective actions"), shown in place of the template's name,
//! with that name on hover and a small button beside it that puts it back.

use super::accessible::{accessible_name, heading, subheading};

/// How prominent the heading is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rank {
    /// A part's title (the timeline, the action items).
    Part,
    /// A group within a part (a written section).
    Group,
}

/// Draws `written` as a heading of `rank`; where it differs from the template's `builtin`
/// heading, a button beside it, reached by the keyboard as any other, offers the template's
/// heading back. Returns the heading's response, for the controls it names, and whether the
/// button was clicked.
pub fn written_heading_ui(
    ui: &mut egui::Ui,
    written: &str,
    builtin: &str,
    rank: Rank,
) -> (egui::Response, bool) {
    let draw = |ui: &mut egui::Ui| match rank {
        Rank::Part => heading(ui, written),
        Rank::Group => subheading(ui, written),
    };
    if written == builtin {
        return (draw(ui), false);
    }
    ui.horizontal(|ui| {
        let shown = draw(ui).on_hover_text(format!(
            "Written under this heading; the template calls it \u{201c}{builtin}\u{201d}."
        ));
        let back = format!("Use the template's heading \u{201c}{builtin}\u{201d}");
        // The hover text adds what the name does not say, so a screen reader reads it once.
        let button = ui
            .small_button(format!("\u{21ba} {builtin}"))
            .on_hover_text(
                "Puts the template's heading back; the text stays as it is, and Undo brings \
                 this heading back.",
            );
        accessible_name(&button, egui::Role::Button, &back);
        (shown, button.clicked())
    })
    .inner
}
