//! Postmortems still Draft or In review long after their incident was resolved, worst first,
//! each with who leads it, and a way to open it at its sign-off.

use std::path::PathBuf;

use crate::model::Place;
use crate::session::ReviewSession;
use crate::session::{Request, ReviewRequest, UiRequests};
use crate::ui::accessible::accessible_name;
use crate::ui::theme;

/// Draws the late reviews of the folder.
pub fn late_view_ui(ui: &mut egui::Ui, session: &ReviewSession, requests: &mut UiRequests) {
    ui.label(
        "Postmortems still Draft or In review past their deadline after the incident was resolved: \
         5 days for the two most severe levels of a postmortem\u{2019}s scale, 10 for the others, \
         unless the folder\u{2019}s hindsight.toml says otherwise ([late_reviews] severe_days, other_days).",
    );
    ui.add_space(6.0);
    if let Some(Err(reason)) = &session.all_time {
        ui.colored_label(ui.visuals().error_fg_color, reason.to_string());
        return;
    }
    let Some(answer) = session.all_time_stats() else {
        ui.weak("Counting\u{2026}");
        return;
    };
    let late = &answer.stats.late_reviews;
    if late.is_empty() {
        ui.label("No postmortem is late for review.");
        return;
    }
    egui::ScrollArea::vertical()
        .auto_shrink([false, true])
        .show(ui, |ui| {
            egui::Grid::new("late_reviews")
                .num_columns(6)
                .striped(true)
                .spacing([16.0, 6.0])
                .show(ui, |ui| {
                    for heading in [
                        "",
                        "Days late",
                        "Status",
                        "Incident lead",
                        "Resolved",
                        "Postmortem",
                    ] {
                        ui.strong(heading);
                    }
                    ui.end_row();
                    for review in late {
                        let title = if review.title.trim().is_empty() {
                            "Untitled"
                        } else {
                            review.title.as_str()
                        };
                        let open = ui.button("Open");
                        accessible_name(&open, egui::Role::Button, &format!("Open {title}"));
                        if open.clicked() {
                            requests.push(Request::Review(ReviewRequest::OpenAt(
                                PathBuf::from(&review.file),
                                Place::Approval,
                            )));
                        }
                        ui.colored_label(
                            theme::overdue(ui.visuals()),
                            format!("{} days", review.days_late),
                        );
                        ui.label(&review.status);
                        if review.owner.is_empty() {
                            ui.weak("No incident lead");
                        } else {
                            ui.label(&review.owner);
                        }
                        ui.label(&review.resolved);
                        // The last column takes the rest of the row, on one line.
                        ui.horizontal(|ui| {
                            ui.add(egui::Label::new(title).extend());
                            ui.add(
                                egui::Label::new(
                                    egui::RichText::new(&review.file)
                                        .color(ui.visuals().weak_text_color()),
                                )
                                .extend(),
                            );
                        });
                        ui.end_row();
                    }
                });
        });
}
