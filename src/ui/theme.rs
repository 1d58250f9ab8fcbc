//! Colours in one place, derived from the current egui theme so they read in dark and light.

use egui::{Color32, Visuals};

use crate::model::Level;

/// The colour of a finding of this level.
#[must_use]
pub fn level_colour(visuals: &Visuals, level: Level) -> Color32 {
    match level {
        Level::Error => visuals.error_fg_color,
        Level::Warning => visuals.warn_fg_color,
    }
}

/// The colour of the "unsaved changes" marker.
#[must_use]
pub fn unsaved(visuals: &Visuals) -> Color32 {
    visuals.warn_fg_color
}

/// "2 errors · 1 warning", coloured by the worst level present, or "No problems found".
pub fn findings_summary_ui(ui: &mut egui::Ui, errors: usize, warnings: usize) {
    let visuals = ui.visuals().clone();
    if errors == 0 && warnings == 0 {
        ui.weak("No problems found");
        return;
    }
    let noun = |count: usize, word: &str| {
        if count == 1 {
            format!("1 {word}")
        } else {
            format!("{count} {word}s")
        }
    };
    let text = match (errors, warnings) {
        (0, _) => noun(warnings, "warning"),
        (_, 0) => noun(errors, "error"),
        _ => format!(
            "{} \u{b7} {}",
            noun(errors, "error"),
            noun(warnings, "warning")
        ),
    };
    let colour = if errors > 0 {
        level_colour(&visuals, Level::Error)
    } else {
        level_colour(&visuals, Level::Warning)
    };
    ui.colored_label(colour, text);
}
