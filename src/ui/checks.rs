//! What validation found, worst first; a click moves to what a finding points at.

use super::theme;
use crate::model::{Conflict, Edit, Finding, Keep, Place, count_levels};
use crate::session::HeldBack;
use crate::session::OpenDocument;
use crate::session::{Request, UiRequests};

/// Draws the findings: typed text the document does not hold first, then what validation
/// found.
pub fn checks_ui(ui: &mut egui::Ui, view: &super::View<'_>, requests: &mut UiRequests) {
    let document = view.document;
    crate::ui::accessible::heading(ui, "Checks");
    let findings: Vec<Finding> = view
        .held_back
        .iter()
        .map(HeldBack::finding)
        .chain(view.missing_files.iter().cloned())
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
                if let Place::Conflict(index) = finding.place
                    && let Some(conflict) = document.doc().conflicts.get(index)
                {
                    conflict_ui(ui, document, index, conflict, finding, requests);
                    continue;
                }
                ui.horizontal(|ui| {
                    ui.colored_label(
                        theme::level_colour(ui.visuals(), finding.level),
                        finding.level.label(),
                    );
                    let link = ui
                        .link(&finding.message)
                        .on_hover_text(format!("Go to {}", finding.place));
                    if link.clicked() {
                        requests.push(Request::GoTo(finding.place));
                    }
                });
            }
        });
}

/// A conflict a merge left: what both sides wrote, and the ways to settle it. Mine is what
/// the document holds until then.
fn conflict_ui(
    ui: &mut egui::Ui,
    document: &OpenDocument,
    index: usize,
    conflict: &Conflict,
    finding: &Finding,
    requests: &mut UiRequests,
) {
    let doc = document.doc();
    let subject = conflict.subject();
    ui.horizontal_wrapped(|ui| {
        ui.colored_label(
            theme::level_colour(ui.visuals(), finding.level),
            finding.level.label(),
        );
        ui.label(&finding.message);
    });
    ui.horizontal_wrapped(|ui| {
        ui.add_space(ui.spacing().indent);
        let mut settle = |ui: &mut egui::Ui, label: &str, keep: Keep, value: String| {
            let hover = format!("{label} in {subject}: {value}");
            if ui.button(label).on_hover_text(hover).clicked() {
                requests.push(Request::Edit(Edit::SettleConflict(index, keep)));
            }
        };
        if conflict.edited_by_hand(doc) {
            settle(
                ui,
                "Keep as edited",
                Keep::AsItIs,
                "what is there now".to_owned(),
            );
        }
        settle(
            ui,
            "Keep mine",
            Keep::Ours,
            conflict.describe_side(Keep::Ours),
        );
        settle(
            ui,
            "Keep theirs",
            Keep::Theirs,
            conflict.describe_side(Keep::Theirs),
        );
        let place = conflict.place(doc);
        if ui
            .button("Edit in place")
            .on_hover_text(format!(
                "Go to {place} to write it yourself; then choose Keep as edited"
            ))
            .clicked()
        {
            requests.push(Request::GoTo(place));
        }
    });
    ui.add_space(4.0);
}
