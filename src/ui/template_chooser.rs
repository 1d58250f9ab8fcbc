//! File → New from template…: the templates to start from, the built-in ones first, then
//! the team's own; each chosen with a radio button that names it and says what it is.

use crate::session::{ModalAnswer, TemplateAnswer, TemplateChooser, UiRequests};

/// Draws the chooser; the choice and the buttons are requests.
pub fn template_chooser_ui(
    ctx: &egui::Context,
    chooser: &mut TemplateChooser,
    requests: &mut UiRequests,
) {
    let modal =
        crate::ui::accessible::dialog("template_chooser", "New from template").show(ctx, |ui| {
            ui.set_width(560.0);
            crate::ui::accessible::heading(ui, "New from template");
            ui.weak("The new postmortem gets the template's sections and, where it has them, a hint in each.");
            ui.add_space(8.0);
            egui::ScrollArea::vertical()
                .id_salt("template_choices")
                .max_height(360.0)
                .show(ui, |ui| {
                    for (index, choice) in chooser.choices.iter().enumerate() {
                        let radio = ui.radio_value(&mut chooser.selected, index, &choice.title);
                        super::accessible::describe(&radio, &choice.description);
                        ui.indent(("template_description", index), |ui| {
                            ui.add(
                                egui::Label::new(egui::RichText::new(&choice.description).weak())
                                    .wrap(),
                            );
                        });
                        ui.add_space(4.0);
                    }
                });
            if chooser.folders.is_empty() {
                ui.weak(format!(
                    "A team's own templates are postmortem files in a {} folder at the root of \
                 its repository, or in a folder you choose.",
                    crate::session::TEMPLATES_FOLDER
                ));
            }
            for problem in &chooser.problems {
                ui.colored_label(ui.visuals().warn_fg_color, problem);
            }
            ui.add_space(10.0);
            ui.horizontal(|ui| {
                if ui.button("Choose a templates folder\u{2026}").clicked() {
                    requests.answer(ModalAnswer::Template(TemplateAnswer::PickFolder));
                }
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    if ui.button("Create").clicked() {
                        requests.answer(ModalAnswer::Template(TemplateAnswer::Create));
                    }
                    if ui.button("Cancel").clicked() {
                        requests.answer(ModalAnswer::Template(TemplateAnswer::Cancel));
                    }
                });
            });
        });
    if modal.should_close()
        && !requests.answered(|answer| matches!(answer, ModalAnswer::Template(_)))
    {
        requests.answer(ModalAnswer::Template(TemplateAnswer::Cancel));
    }
}
