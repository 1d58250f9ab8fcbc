//! The report shown after a Markdown postmortem is imported: what came in, and where each
//! part of the file went, line by line, with what could not be placed standing out.

use crate::session::{ImportReport, ModalAnswer, UiRequests};
use crate::ui::reading_choices::{ReadingShown, escape_closed_the_day_picker, reading_choices_ui};

/// Draws the report; closing it is a request.
pub fn import_report_ui(ctx: &egui::Context, report: &ImportReport, requests: &mut UiRequests) {
    let modal = crate::ui::accessible::dialog("import_report", "Import report").show(ctx, |ui| {
        ui.set_width(640.0);
        crate::ui::accessible::heading(ui, format!("Imported \u{201c}{}\u{201d}", report.source));
        ui.add_space(4.0);
        ui.add(egui::Label::new(report.summary()).wrap());
        ui.add_space(2.0);
        ui.weak("The document is new and not saved yet: Save puts it in a .ron file.");
        if !report.images_left.is_empty() {
            ui.add_space(4.0);
            ui.strong("Images left in the text as written");
            for left in &report.images_left {
                ui.add(egui::Label::new(left.as_str()).wrap());
            }
        }
        reading_ui(ui, report, requests);
        // What could not be placed comes first, so it is seen without scrolling.
        let (unplaced, placed): (Vec<_>, Vec<_>) = report
            .placements
            .iter()
            .partition(|placement| placement.place.starts_with("not placed"));
        if !unplaced.is_empty() {
            ui.add_space(8.0);
            ui.strong("Not placed");
            placements_ui(
                ui,
                ("import_report_unplaced", &report.source),
                &unplaced,
                120.0,
            );
        }
        ui.add_space(8.0);
        ui.strong("Where each part of the file went");
        placements_ui(ui, ("import_report_lines", &report.source), &placed, 200.0);
        ui.add_space(10.0);
        crate::ui::dialog_buttons::dialog_buttons(ui, |ui| {
            let close = ui.button("Close");
            if close.clicked() {
                requests.answer(ModalAnswer::DismissImportReport);
            }
            crate::ui::accessible::default_answer(ui, &close);
        });
    });
    if modal.should_close() && !escape_closed_the_day_picker(&modal.response.ctx) {
        requests.answer(ModalAnswer::DismissImportReport);
    }
}

/// How the file's times were read, each assumption with why and a control to correct it,
/// and which blocks became the timeline, with the blocks that hold times but did not, each
/// with a button to read it as the timeline. A correction reads the file again at once.
fn reading_ui(ui: &mut egui::Ui, report: &ImportReport, requests: &mut UiRequests) {
    let assumed = &report.assumed;
    let chosen_or = |chosen: bool, otherwise: String| {
        if chosen {
            "as you chose".to_owned()
        } else {
            otherwise
        }
    };
    let shown = ReadingShown {
        zone: (assumed.zone.value, assumed.zone_why()),
        day: (assumed.day, assumed.day_from.describe()),
        newest_first: (
            assumed.newest_first.value,
            chosen_or(
                assumed.newest_first.chosen,
                "found from the times".to_owned(),
            ),
        ),
        day_order: assumed.numeric_dates.then(|| {
            let why = if assumed.day_order_from == "usual in the zone" {
                format!("usual in {}", crate::model::zone_label(assumed.zone.value))
            } else {
                assumed.day_order_from.to_owned()
            };
            (assumed.day_order, why)
        }),
    };
    ui.add_space(8.0);
    ui.strong("How the times were read");
    let mut choices = report.choices.clone();
    if reading_choices_ui(ui, "import_reading", &shown, &mut choices.reading) {
        requests.answer(ModalAnswer::RereadImport(choices.clone()));
    }
    ui.add_space(6.0);
    let from: Vec<String> = assumed
        .timeline_from
        .iter()
        .map(|lines| lines_text(*lines))
        .collect();
    ui.add(
        egui::Label::new(if from.is_empty() {
            "No part of the file was read as the timeline.".to_owned()
        } else {
            format!("The timeline was read from {}.", from.join(", "))
        })
        .wrap(),
    );
    if let Some(note) = assumed.html_note() {
        ui.add(egui::Label::new(format!("{note}.")).wrap());
    }
    if assumed.candidates.is_empty() {
        return;
    }
    // However many there are, the report's own buttons stay in view.
    egui::ScrollArea::vertical()
        .id_salt("import_candidates")
        .max_height(110.0)
        .auto_shrink([false, true])
        .show(ui, |ui| candidates_ui(ui, report, requests));
}

/// The blocks with times that were not read as the timeline, each with a button to read it
/// as the timeline.
fn candidates_ui(ui: &mut egui::Ui, report: &ImportReport, requests: &mut UiRequests) {
    for candidate in &report.assumed.candidates {
        ui.horizontal(|ui| {
            let (timed, of) = candidate.timed;
            ui.label(format!(
                "{}: {} with {timed} of {of} starting with a time (\u{201c}{}\u{201d})",
                lines_text(candidate.lines),
                candidate.kind,
                candidate.opening
            ));
            let button = ui.button("Read as the timeline");
            crate::ui::accessible::accessible_name(
                &button,
                egui::Role::Button,
                &format!("Read {} as the timeline", lines_text(candidate.lines)),
            );
            if button.clicked() {
                let mut choices = report.choices.clone();
                choices.timeline_blocks.push(candidate.lines.0);
                requests.answer(ModalAnswer::RereadImport(choices));
            }
        });
    }
}

fn lines_text((first, last): (usize, usize)) -> String {
    if first == last {
        format!("line {first}")
    } else {
        format!("lines {first}\u{2013}{last}")
    }
}

/// Lines of the source and where they went, as wide as the window. The list's id names the
/// file, so the report of another file opens at its top rather than where the last was
/// scrolled to.
fn placements_ui(
    ui: &mut egui::Ui,
    salt: (&str, &String),
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
                        ui.monospace(lines_text(placement.lines));
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
