//! The questions and messages that stop the editor until answered: the unsaved-changes guard,
//! the path form, the recovery offer, "overwrite the changed file?" and error messages.

use std::path::{Path, PathBuf};

use crate::session::{
    GuardAnswer, GuardedAction, Modal, ModalAnswer, OpenDocument, PathPrompt, PromptAnswer,
    PromptPurpose, ReplaceAnswer, ReplaceQuestion, UiRequests,
};

/// Draws `modal`, the most urgent one waiting (the app decides which); `document` is the open
/// one, for its name.
pub fn modals_ui(
    ctx: &egui::Context,
    modal: &mut Modal,
    document: &OpenDocument,
    looks: &crate::session::Looks,
    requests: &mut UiRequests,
) {
    match modal {
        Modal::Error(message) => error_ui(ctx, message, requests),
        Modal::HeldBack(_, held) => super::safety::held_back_ui(ctx, held, requests),
        Modal::Overwrite(path, conflicts) => {
            super::safety::overwrite_ui(ctx, path, *conflicts, requests);
        }
        Modal::Replace(question) => replace_ui(ctx, question, requests),
        Modal::Guard(action) => guard_ui(ctx, document, action, requests),
        Modal::Prompt(prompt) => path_prompt_ui(ctx, prompt, requests),
        Modal::Recovery(copies) => super::safety::recovery_offer_ui(ctx, copies, requests),
        Modal::ImportReport(report) => {
            super::import_report::import_report_ui(ctx, report, requests);
        }
        Modal::Templates(chooser) => {
            super::template_chooser::template_chooser_ui(ctx, chooser, requests);
        }
        Modal::ForeignFiles(names) => super::attachments::foreign_files_ui(ctx, names, requests),
        Modal::Viewer(viewer) => match document.doc().attachments.get(viewer.index) {
            Some(attachment) => super::attachments::viewer_ui(
                ctx,
                attachment,
                looks.get(&attachment.path),
                &mut viewer.scene,
                requests,
            ),
            // Removed (or undone) while shown.
            None => requests.answer(crate::session::ModalAnswer::CloseViewer),
        },
    }
}

fn error_ui(ctx: &egui::Context, message: &str, requests: &mut UiRequests) {
    let modal = crate::ui::accessible::dialog("error_modal", "Hindsight").show(ctx, |ui| {
        ui.set_max_width(560.0);
        crate::ui::accessible::heading(ui, "Hindsight");
        ui.add_space(6.0);
        ui.add(egui::Label::new(message).wrap());
        ui.add_space(10.0);
        crate::ui::dialog_buttons::dialog_buttons(ui, |ui| {
            let ok = ui.button("OK");
            if ok.clicked() {
                requests.answer(ModalAnswer::DismissError);
            }
            // The one answer has the keyboard, so Enter (or Space) closes the message.
            crate::ui::accessible::default_answer(ui, &ok);
        });
    });
    if modal.should_close()
        && !requests.answered(|answer| matches!(answer, ModalAnswer::DismissError))
    {
        requests.answer(ModalAnswer::DismissError);
    }
}

fn guard_ui(
    ctx: &egui::Context,
    document: &OpenDocument,
    action: &GuardedAction,
    requests: &mut UiRequests,
) {
    let modal =
        crate::ui::accessible::dialog("unsaved_changes", "Unsaved changes").show(ctx, |ui| {
            ui.set_max_width(480.0);
            crate::ui::accessible::heading(
                ui,
                format!(
                    "Save changes to \u{201c}{}\u{201d} before {}?",
                    document.display_name(),
                    action.verb()
                ),
            );
            ui.add_space(6.0);
            ui.label("Your changes will be lost if you don't save them.");
            ui.add_space(10.0);
            crate::ui::dialog_buttons::dialog_buttons(ui, |ui| {
                if ui.button("Don't save").clicked() {
                    requests.answer(ModalAnswer::Guard(GuardAnswer::DontSave));
                }
                if ui.button("Cancel").clicked() {
                    requests.answer(ModalAnswer::Guard(GuardAnswer::Cancel));
                }
                let save = ui.button("Save");
                if save.clicked() {
                    requests.answer(ModalAnswer::Guard(GuardAnswer::Save));
                }
                // Saving loses nothing, so it is what Enter does, as in other editors.
                crate::ui::accessible::default_answer(ui, &save);
            });
        });
    if modal.should_close() && !requests.answered(|answer| matches!(answer, ModalAnswer::Guard(_)))
    {
        requests.answer(ModalAnswer::Guard(GuardAnswer::Cancel));
    }
}

/// "A file named … already exists": Replace or Cancel, about the path that would really be
/// written.
fn replace_ui(ctx: &egui::Context, question: &ReplaceQuestion, requests: &mut UiRequests) {
    let name = question.path.file_name().map_or_else(
        || question.path.display().to_string(),
        |name| name.to_string_lossy().into_owned(),
    );
    let folder = question
        .path
        .parent()
        .map_or_else(String::new, |folder| folder.display().to_string());
    let modal = crate::ui::accessible::dialog("replace_question", "Replace file").show(ctx, |ui| {
        ui.set_max_width(520.0);
        crate::ui::accessible::heading(ui, format!("Replace \u{201c}{name}\u{201d}?"));
        ui.add_space(6.0);
        ui.add(
            egui::Label::new(format!(
                "A file named \u{201c}{name}\u{201d} already exists in {folder}. Replacing it \
                 overwrites everything in it."
            ))
            .wrap(),
        );
        ui.add_space(10.0);
        crate::ui::dialog_buttons::dialog_buttons(ui, |ui| {
            if ui.button("Cancel").clicked() {
                requests.answer(ModalAnswer::Replace(ReplaceAnswer::Cancel));
            }
            if ui.button("Replace").clicked() {
                requests.answer(ModalAnswer::Replace(ReplaceAnswer::Replace));
            }
        });
    });
    if modal.should_close()
        && !requests.answered(|answer| matches!(answer, ModalAnswer::Replace(_)))
    {
        requests.answer(ModalAnswer::Replace(ReplaceAnswer::Cancel));
    }
}

/// Where the caret starts in a path form, as in a file dialog: a name to save under is
/// selected without its extension, ready to be typed over; a path to open is followed by
/// the caret. (The field's state is egui's, kept by its ID, so without this a form opened
/// again starts where the last one left its caret.)
fn place_the_caret(ctx: &egui::Context, id: egui::Id, prompt: &PathPrompt) {
    let chars = prompt.text.chars().count();
    let saving = matches!(
        prompt.purpose,
        PromptPurpose::Save | PromptPurpose::Export(_) | PromptPurpose::ReviewExport(_)
    );
    let name = Path::new(&prompt.text)
        .file_name()
        .map(|name| name.to_string_lossy().into_owned());
    let (from, to) = match name {
        Some(name) if saving && prompt.text.ends_with(name.as_str()) => {
            let start = chars - name.chars().count();
            let stem = Path::new(&name)
                .file_stem()
                .map_or(0, |stem| stem.to_string_lossy().chars().count());
            (start, start + stem)
        }
        _ => (chars, chars),
    };
    let mut state = egui::text_edit::TextEditState::load(ctx, id).unwrap_or_default();
    state
        .cursor
        .set_char_range(Some(egui::text::CCursorRange::two(
            egui::text::CCursor::new(from),
            egui::text::CCursor::new(to),
        )));
    state.store(ctx, id);
}

fn path_prompt_ui(ctx: &egui::Context, prompt: &mut PathPrompt, requests: &mut UiRequests) {
    let (heading, action, what) = match prompt.purpose {
        PromptPurpose::Open => ("Open a postmortem", "Open", "Path of the .ron file"),
        PromptPurpose::Save => ("Save the postmortem", "Save", "Path of the .ron file"),
        PromptPurpose::ReviewFolder => ("Review a folder", "Review", "Path of the folder"),
        PromptPurpose::ImportTimeline => (
            "Import timeline rows",
            "Import",
            "Path of the file, log or Slack export folder",
        ),
        PromptPurpose::ImportMarkdown => (
            "Import a Markdown postmortem",
            "Import",
            "Path of the .md file",
        ),
        PromptPurpose::TemplatesFolder => (
            "Choose a folder of templates",
            "Choose",
            "Path of the folder",
        ),
        PromptPurpose::ReviewExport(_) => ("Export the list", "Export", "Path of the file"),
        PromptPurpose::Export(_) => ("Export the postmortem", "Export", "Path of the file"),
        PromptPurpose::ExportPublic(_) => {
            ("Export the public version", "Export", "Path of the file")
        }
        PromptPurpose::Attach(_) => ("Attach a file", "Attach", "Path of the file"),
    };
    let modal = crate::ui::accessible::dialog("path_prompt", heading).show(ctx, |ui| {
        ui.set_width(560.0);
        crate::ui::accessible::heading(ui, heading);
        if let Some(reason) = &prompt.reason {
            ui.add_space(4.0);
            ui.add(egui::Label::new(reason.as_str()).wrap());
        }
        ui.add_space(8.0);
        let label = ui.label(what);
        let field = ui.add(
            egui::TextEdit::singleline(&mut prompt.text)
                .desired_width(f32::INFINITY)
                .hint_text(match prompt.purpose {
                    PromptPurpose::ReviewFolder => "/home/you/postmortems",
                    PromptPurpose::ImportTimeline => "/home/you/incident-channel.txt",
                    PromptPurpose::ImportMarkdown => "/home/you/postmortems/2024-03-14.md",
                    PromptPurpose::TemplatesFolder => "/home/you/postmortems/.hindsight/templates",
                    PromptPurpose::ReviewExport(_) => "/home/you/action-items.csv",
                    PromptPurpose::Export(_) | PromptPurpose::ExportPublic(_) => {
                        "/home/you/postmortem.md"
                    }
                    PromptPurpose::Attach(_) => "/home/you/p99-latency.png",
                    PromptPurpose::Open | PromptPurpose::Save => {
                        "/home/you/postmortems/incident.ron"
                    }
                }),
        );
        let field = field.labelled_by(label.id);
        if prompt.wants_focus {
            field.request_focus();
            prompt.wants_focus = false;
            place_the_caret(ctx, field.id, prompt);
        }
        let typed = !prompt.text.trim().is_empty();
        let path = PathBuf::from(prompt.text.trim());
        if typed && path.is_relative() {
            ui.weak(format!("In {}", prompt.base.display()));
        }
        let entered = field.lost_focus() && ui.input(|input| input.key_pressed(egui::Key::Enter));
        ui.add_space(10.0);
        crate::ui::dialog_buttons::dialog_buttons(ui, |ui| {
            if ui.button("Cancel").clicked() {
                requests.answer(ModalAnswer::Prompt(PromptAnswer::Cancel));
            }
            let confirm = ui.add_enabled(typed, egui::Button::new(action)).clicked();
            if (confirm || (entered && typed))
                && !requests.answered(|answer| matches!(answer, ModalAnswer::Prompt(_)))
            {
                requests.answer(ModalAnswer::Prompt(PromptAnswer::Confirm(path.clone())));
            }
        });
    });
    if modal.should_close() && !requests.answered(|answer| matches!(answer, ModalAnswer::Prompt(_)))
    {
        requests.answer(ModalAnswer::Prompt(PromptAnswer::Cancel));
    }
}
