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

/// The bars of a chart: a blue that holds its own beside the text in both themes.
#[must_use]
pub fn chart_bar(visuals: &Visuals) -> Color32 {
    if visuals.dark_mode {
        Color32::from_rgb(86, 128, 176)
    } else {
        Color32::from_rgb(120, 164, 212)
    }
}

/// The colours told apart in a stacked chart (severity levels, most severe first): from red
/// to blue, light enough for dark backgrounds and dark enough for light ones.
pub const SERIES: [Color32; 6] = [
    Color32::from_rgb(214, 84, 76),
    Color32::from_rgb(230, 146, 60),
    Color32::from_rgb(206, 184, 72),
    Color32::from_rgb(104, 170, 120),
    Color32::from_rgb(86, 140, 196),
    Color32::from_rgb(140, 140, 150),
];
