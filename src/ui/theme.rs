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

/// The band of the impact window in the incident picture.
#[must_use]
pub fn impact_band(visuals: &Visuals) -> Color32 {
    visuals.error_fg_color.gamma_multiply(0.25)
}

/// A starred or marked row's tick in the incident picture.
#[must_use]
pub fn notable_tick(visuals: &Visuals) -> Color32 {
    visuals.selection.stroke.color
}

/// The line of a key time in the incident picture: the start and resolution in the text
/// colour, detection and acknowledgement in the warning colour, mitigation in the link blue.
#[must_use]
pub fn key_time_line(visuals: &Visuals, key: crate::model::KeyTime) -> Color32 {
    use crate::model::KeyTime;
    match key {
        KeyTime::Started | KeyTime::Resolved => visuals.strong_text_color(),
        KeyTime::Detected | KeyTime::Acknowledged => visuals.warn_fg_color,
        KeyTime::Mitigated => visuals.hyperlink_color,
    }
}

/// An overdue action item: the error colour, so late work is the first thing seen.
#[must_use]
pub fn overdue(visuals: &Visuals) -> Color32 {
    visuals.error_fg_color
}

/// An action item due within a week.
#[must_use]
pub fn due_soon(visuals: &Visuals) -> Color32 {
    visuals.warn_fg_color
}
