//! The report shown after a Markdown postmortem is imported: what came in, and where each
//! part of the file went, line by line, with what could not be placed standing out.

use crate::session::{ImportReport, UiRequests};

/// Draws the report; closing it is a request.
pub fn import_report_ui(ctx: &egui::Context, report: &ImportReport, requests: &mut UiRequests) {
    let modal = egui::Modal::new(egui::Id::unique("import_report")).show(ctx, |ui| {
        ui.set_width(640.0);
        ui.heading(format!("Imported \u{201c}{}\u{201d}", report.source));
        ui.add_space(4.0);
        ui.add(egui::Label::new(report.summary()).wrap());
        ui.add_space(2.0);
        ui.weak("The document is new and not saved yet: Save puts it in a .ron file.");
        // What could not be placed comes first, so it is seen without scrolling.
        let (unplaced, placed): (Vec<_>, Vec<_>) = report
            .placements
            .iter()
            .partition(|placement| placement.place.starts_with("not placed"));
        if !unplaced.is_empty() {
            ui.add_space(8.0);
            ui.strong("Not placed");
            placements_ui(ui, "import_report_unplaced", &unplaced, 120.0);
        }
        ui.add_space(8.0);
        ui.strong("Where each part of the file went");
        placements_ui(ui, "import_report_lines", &placed, 300.0);
        ui.add_space(10.0);
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui.button("Close").clicked() {
                requests.dismiss_import_report = true;
            }
        });
    });
    if modal.should_close() {
        requests.dismiss_import_report = true;
    }
}

/// Lines of the source and where they went, as wide as the window.
fn placements_ui(
    ui: &mut egui::Ui,
    salt: &str,
    placements: &[&crate::sources::markdown::Placement],
    height: f32,
) {
    egui::ScrollArea::vertical()
        .id_salt(salt)
        .max_height(height)
        .auto_shrink([false, true])
        .show(ui, |ui| {
            egui::Grid::new(salt)
                .striped(true)
                .num_columns(2)
                .min_col_width(90.0)
                .show(ui, |ui| {
                    for placement in placements {
                        let (first, last) = placement.lines;
                        ui.monospace(if first == last {
                            format!("line {first}")
                        } else {
                            format!("lines {first}\u{2013}{last}")
                        });
                        if let Some(why) = placement.place.strip_prefix("not placed: ") {
                            ui.colored_label(ui.visuals().warn_fg_color, why);
                        } else {
                            ui.label(&placement.place);
                        }
                        ui.end_row();
                    }
                });
        });
}
