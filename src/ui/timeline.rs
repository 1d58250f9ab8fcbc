//! The timeline as a table to read. Editing arrives with the timeline editor.

use crate::model::{Marker, Place, Postmortem};

/// Draws the timeline.
pub fn timeline_ui(ui: &mut egui::Ui, doc: &Postmortem, focus: Option<Place>) {
    ui.heading("Timeline");
    ui.weak(format!("Times in {}", doc.time_zone.name()));
    ui.add_space(6.0);
    if doc.timeline.is_empty() {
        ui.label("The timeline has no rows yet.");
        return;
    }
    egui::ScrollArea::vertical()
        .auto_shrink(false)
        .show(ui, |ui| {
            egui::Grid::new("timeline_rows")
                .num_columns(4)
                .striped(true)
                .spacing([16.0, 6.0])
                .show(ui, |ui| {
                    ui.strong("Time");
                    ui.strong("Event");
                    ui.strong("Notes");
                    ui.strong("Marker");
                    ui.end_row();
                    let mut last_date = None;
                    for row in &doc.timeline {
                        match row.time {
                            Some(time) => {
                                let local = time.with_timezone(&doc.time_zone);
                                // The date only where it changes, as people write timelines.
                                let format = if last_date == Some(local.date_naive()) {
                                    "%H:%M"
                                } else {
                                    "%Y-%m-%d %H:%M"
                                };
                                last_date = Some(local.date_naive());
                                ui.monospace(local.format(format).to_string());
                            }
                            None => {
                                ui.weak("no time");
                            }
                        }
                        let event = ui.add(egui::Label::new(&row.event).wrap());
                        if focus == Some(Place::TimelineRow(row.id)) {
                            event.scroll_to_me(Some(egui::Align::Center));
                            event.highlight();
                        }
                        ui.add(egui::Label::new(&row.notes).wrap());
                        if row.marker == Marker::Unmarked {
                            ui.label("");
                        } else {
                            ui.label(row.marker.label());
                        }
                        ui.end_row();
                    }
                });
        });
}
