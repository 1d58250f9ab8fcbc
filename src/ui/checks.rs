//! What validation found, worst first; a click moves to what a finding points at.

use super::{UiRequests, theme};
use crate::model::count_levels;
use crate::session::OpenDocument;

/// Draws the findings.
pub fn checks_ui(ui: &mut egui::Ui, document: &OpenDocument, requests: &mut UiRequests) {
    ui.heading("Checks");
    let findings = document.findings();
    let (errors, warnings) = count_levels(findings);
    ui.horizontal(|ui| theme::findings_summary_ui(ui, errors, warnings));
    ui.add_space(8.0);
    if findings.is_empty() {
        ui.label(
            "Nothing to fix: the times are in order, every action has an owner and a due date.",
        );
        return;
    }
    egui::ScrollArea::vertical()
        .auto_shrink(false)
        .show(ui, |ui| {
            for finding in findings {
                ui.horizontal(|ui| {
                    ui.colored_label(
                        theme::level_colour(ui.visuals(), finding.level),
                        finding.level.label(),
                    );
                    let link = ui
                        .link(&finding.message)
                        .on_hover_text(format!("Go to {}", finding.place));
                    if link.clicked() {
                        requests.go_to = Some(finding.place);
                    }
                });
            }
        });
}
