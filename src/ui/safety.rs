//! Keeping work safe: the offer of recovery copies left by a crash, the bar that says the file
//! changed on disk, the question before a save overwrites that change, and the one before a
//! save leaves typed text out.

use std::path::Path;

use crate::export::UNTITLED;
use crate::model::plural;
use crate::session::HeldBack;
use crate::session::{
    DiskAnswer, DiskChange, HeldBackAnswer, OpenDocument, OverwriteAnswer, RecoveryAnswer,
};
use crate::session::{ModalAnswer, Request, UiRequests};
use crate::storage::RecoveredCopy;

/// The list of recovery copies, each with Restore and Discard.
pub fn recovery_offer_ui(ctx: &egui::Context, copies: &[RecoveredCopy], requests: &mut UiRequests) {
    let modal = crate::ui::accessible::dialog("recovery_offer", "Unsaved work was found").show(ctx, |ui| {
        ui.set_width(620.0);
        crate::ui::accessible::heading(ui, "Unsaved work was found");
        ui.add_space(4.0);
        ui.add(
            egui::Label::new(
                "Hindsight closed without saving these postmortems. Restore one to keep \
                 working on it (then save it), or discard it.",
            )
            .wrap(),
        );
        ui.add_space(8.0);
        egui::ScrollArea::vertical()
            .max_height(360.0)
            .show(ui, |ui| {
                for copy in copies {
                    ui.separator();
                    copy_ui(ui, copy, requests);
                }
            });
        ui.separator();
        ui.add_space(4.0);
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui
                .button("Decide later")
                .on_hover_text(
                    "The copies stay; Recover unsaved work\u{2026} in the File menu shows them again",
                )
                .clicked()
            {
                requests.answer(ModalAnswer::Recovery(RecoveryAnswer::Later));
            }
        });
    });
    if modal.should_close()
        && !requests.answered(|answer| matches!(answer, ModalAnswer::Recovery(_)))
    {
        requests.answer(ModalAnswer::Recovery(RecoveryAnswer::Later));
    }
}

fn copy_ui(ui: &mut egui::Ui, copy: &RecoveredCopy, requests: &mut UiRequests) {
    ui.horizontal(|ui| {
        ui.vertical(|ui| {
            ui.set_width(440.0);
            match &copy.document {
                Ok(doc) => {
                    let title = if doc.title.trim().is_empty() {
                        UNTITLED
                    } else {
                        doc.title.as_str()
                    };
                    ui.label(egui::RichText::new(title).strong());
                }
                Err(reason) => {
                    ui.label(egui::RichText::new("A copy that cannot be read").strong());
                    ui.add(egui::Label::new(reason.to_string()).wrap());
                }
            }
            let weak = ui.visuals().weak_text_color();
            let (belongs, written) = match &copy.info {
                Some(info) => (
                    info.file.as_ref().map_or_else(
                        || "Never saved to a file".to_owned(),
                        |file| format!("Belongs to {}", file.display()),
                    ),
                    format!("Written {}", info.written.format("%Y-%m-%d %H:%M:%S")),
                ),
                None => ("File unknown".to_owned(), String::new()),
            };
            ui.colored_label(weak, belongs);
            if !written.is_empty() {
                ui.colored_label(weak, written);
            }
        });
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            // Discarding deletes someone's words for good, so it is asked twice; the second
            // question stands where the first button was.
            let asking = egui::Id::unique(("discard recovery copy", &copy.id));
            if ui
                .data(|data| data.get_temp::<bool>(asking))
                .unwrap_or(false)
            {
                if ui
                    .button("Delete for good")
                    .on_hover_text("The copy is deleted and cannot be brought back")
                    .clicked()
                {
                    requests.answer(ModalAnswer::Recovery(RecoveryAnswer::Discard(
                        copy.id.clone(),
                    )));
                }
                let keep = ui.button("Keep");
                if keep.clicked() {
                    ui.data_mut(|data| data.remove::<bool>(asking));
                }
                // The Discard button that had the keyboard is gone: the safe answer takes it.
                crate::ui::accessible::default_answer(ui, &keep);
                return;
            }
            let discard = ui
                .button("Discard")
                .on_hover_text("Delete this copy; you are asked once more first");
            if discard.clicked() {
                ui.data_mut(|data| data.insert_temp(asking, true));
            }
            if copy.document.is_ok() && ui.button("Restore").clicked() {
                requests.answer(ModalAnswer::Recovery(RecoveryAnswer::Restore(
                    copy.id.clone(),
                )));
            }
        });
    });
}

/// The bar under the menu that says another program changed or removed the file.
pub fn disk_change_bar_ui(
    ui: &mut egui::Ui,
    change: DiskChange,
    path: &Path,
    document: &OpenDocument,
    requests: &mut UiRequests,
) {
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |name| name.to_string_lossy().into_owned(),
    );
    ui.add_space(3.0);
    ui.horizontal_wrapped(|ui| {
        let tag = match change {
            DiskChange::Changed | DiskChange::Conflicting(_) => "File changed",
            DiskChange::Missing => "File missing",
        };
        ui.colored_label(
            ui.visuals().warn_fg_color,
            egui::RichText::new(tag).strong(),
        );
        match change {
            DiskChange::Changed | DiskChange::Conflicting(_) => {
                let said = match change {
                    DiskChange::Conflicting(count) => format!(
                        "\u{201c}{name}\u{201d} was changed on disk by another program. It merges with your unsaved edits except for {} you both changed differently.",
                        plural(count, "thing"),
                    ),
                    _ => format!(
                        "\u{201c}{name}\u{201d} was changed on disk by another program."
                    ),
                };
                crate::ui::accessible::announce(&ui.label(said));
                if let DiskChange::Conflicting(_) = change
                    && ui
                        .button("Merge and settle the conflicts")
                        .on_hover_text(
                            "Take in the change on disk; where it and your edits differ, yours \
                             stays in place and theirs is listed in Checks to keep or drop",
                        )
                        .clicked()
                {
                    requests.push(Request::Disk(DiskAnswer::Merge));
                }
                let reload = if document.is_dirty() {
                    "Reload and discard my changes"
                } else {
                    "Reload"
                };
                if ui
                    .button(reload)
                    .on_hover_text("Open the file as it is on disk now; your unsaved changes are dropped")
                    .clicked()
                {
                    requests.push(Request::Disk(DiskAnswer::Reload));
                }
                if ui
                    .button("Keep my version")
                    .on_hover_text("Saving will write your version over the file")
                    .clicked()
                {
                    requests.push(Request::Disk(DiskAnswer::KeepMine));
                }
            }
            DiskChange::Missing => {
                crate::ui::accessible::announce(&ui.label(format!(
                    "\u{201c}{name}\u{201d} is no longer on disk (moved, renamed or deleted)."
                )));
                if ui.button("Save it again").clicked() {
                    requests.push(Request::Disk(DiskAnswer::Reload));
                }
                if ui.button("Dismiss").clicked() {
                    requests.push(Request::Disk(DiskAnswer::KeepMine));
                }
            }
        }
    });
    ui.add_space(3.0);
}

/// "The file changed on disk since you opened it": merge (when it can be merged), overwrite,
/// reload or cancel.
pub fn overwrite_ui(ctx: &egui::Context, path: &Path, conflicts: usize, requests: &mut UiRequests) {
    let modal = crate::ui::accessible::dialog("overwrite_question", "The file changed on disk")
        .show(ctx, |ui| {
            ui.set_max_width(520.0);
            crate::ui::accessible::heading(ui, "The file changed on disk");
            ui.add_space(6.0);
            ui.add(
                egui::Label::new(format!(
                    "{} was changed by another program since you opened or saved it. Saving now \
                 replaces that change with your version.",
                    path.display()
                ))
                .wrap(),
            );
            if conflicts > 0 {
                ui.add_space(4.0);
                ui.add(
                    egui::Label::new(format!(
                        "Merging takes that change in with your edits; {} where both changed the same thing differently, listed in Checks to settle.",
                        plural(conflicts, "conflict")
                    ))
                    .wrap(),
                );
            }
            ui.add_space(10.0);
            crate::ui::dialog_buttons::dialog_buttons(ui, |ui| {
                if conflicts > 0
                    && ui
                        .button("Merge")
                        .on_hover_text(
                            "Take in the change on disk and keep both values where they conflict",
                        )
                        .clicked()
                {
                    requests.answer(ModalAnswer::Overwrite(OverwriteAnswer::Merge));
                }
                if ui
                    .button("Reload and discard my changes")
                    .on_hover_text("Open the file as it is now; your unsaved changes are dropped")
                    .clicked()
                {
                    requests.answer(ModalAnswer::Overwrite(OverwriteAnswer::Reload));
                }
                if ui.button("Cancel").clicked() {
                    requests.answer(ModalAnswer::Overwrite(OverwriteAnswer::Cancel));
                }
                if ui.button("Overwrite").clicked() {
                    requests.answer(ModalAnswer::Overwrite(OverwriteAnswer::Overwrite));
                }
            });
        });
    if modal.should_close()
        && !requests.answered(|answer| matches!(answer, ModalAnswer::Overwrite(_)))
    {
        requests.answer(ModalAnswer::Overwrite(OverwriteAnswer::Cancel));
    }
}

/// "Typed text is not in the document": save with the old values, or go back to correct it.
/// Going back is the safe answer, so it has the keyboard and Escape gives it.
pub fn held_back_ui(ctx: &egui::Context, held: &[HeldBack], requests: &mut UiRequests) {
    let modal = crate::ui::accessible::dialog(
        "held_back_question",
        "Some typed text is not in the document",
    )
    .show(ctx, |ui| {
        ui.set_max_width(560.0);
        crate::ui::accessible::heading(ui, "Some typed text is not in the document");
        ui.add_space(6.0);
        for one in held {
            ui.add(egui::Label::new(one.line()).wrap());
        }
        ui.add_space(6.0);
        ui.add(
            egui::Label::new(
                "Saving now keeps the old values in the file; the typed text stays in its \
                 field to correct.",
            )
            .wrap(),
        );
        ui.add_space(10.0);
        crate::ui::dialog_buttons::dialog_buttons(ui, |ui| {
            if ui.button("Save with the old values").clicked() {
                requests.answer(ModalAnswer::HeldBack(HeldBackAnswer::SaveOldValues));
            }
            let back = ui.button("Go back");
            if back.clicked() {
                requests.answer(ModalAnswer::HeldBack(HeldBackAnswer::GoBack));
            }
            if !ui.memory(|memory| memory.focused().is_some()) {
                back.request_focus();
            }
        });
    });
    if modal.should_close()
        && !requests.answered(|answer| matches!(answer, ModalAnswer::HeldBack(_)))
    {
        requests.answer(ModalAnswer::HeldBack(HeldBackAnswer::GoBack));
    }
}
