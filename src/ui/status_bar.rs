//! The status bar: where the document lives, whether it is saved, what validation found.

use super::theme;
use super::view::View;
use crate::model::count_levels;

/// Draws the status bar.
pub fn status_bar_ui(ui: &mut egui::Ui, view: &View<'_>) {
    ui.horizontal(|ui| {
        let document = view.document;
        match document.path() {
            Some(path) => ui.label(path.display().to_string()),
            None if document.is_example() => ui.label(
                "Example postmortem \u{2014} not saved to a file. New in the File menu starts your own.",
            ),
            None => ui.label("Untitled \u{2014} not saved to a file yet"),
        };
        if document.is_dirty() {
            ui.separator();
            ui.colored_label(theme::unsaved(ui.visuals()), "Unsaved changes");
        }
        if let Some(reason) = &view.recovery_failure {
            ui.separator();
            ui.colored_label(ui.visuals().warn_fg_color, "No recovery copy: save often")
                .on_hover_text(format!("The recovery copy could not be written: {reason}"));
        }
        if view.dialog_open {
            ui.separator();
            ui.spinner();
            ui.label("Waiting for the file dialog\u{2026}");
        }
        if !view.status.is_empty() {
            ui.separator();
            // Said as it appears: "Saved …", and what the editor did by itself ("… the change
            // on disk is merged with your edits").
            crate::ui::accessible::announce(&ui.weak(view.status));
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let (errors, warnings) = count_levels(document.findings());
            theme::findings_summary_ui(ui, errors + view.errors_beyond_the_document(), warnings);
        });
    });
}
