//! What validation found, worst first; a click moves to what a finding points at.

use super::{HeldBack, UiRequests, theme};
use crate::model::{Finding, count_levels};
use crate::session::OpenDocument;

/// Draws the findings: typed text the document does not hold first, then what validation
/// found.
pub fn checks_ui(
    ui: &mut egui::Ui,
    document: &OpenDocument,
    held_back: &[HeldBack],
    requests: &mut UiRequests,
) {
    crate::ui::accessible::heading(ui, "Checks");
    let findings: Vec<Finding> = held_back
        .iter()
        .map(HeldBack::finding)
        .chain(document.findings().iter().cloned())
        .collect();
    let findings = findings.as_slice();
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
