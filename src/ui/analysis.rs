//! The written analysis, section by section. Editing arrives with the analysis editor.

use crate::model::{Postmortem, Section};

/// Draws the written analysis.
pub fn analysis_ui(ui: &mut egui::Ui, doc: &Postmortem) {
    egui::ScrollArea::vertical().show(ui, |ui| {
        ui.heading("Analysis");
        let custom = doc
            .narrative
            .custom_sections
            .iter()
            .map(|section| (section.title.as_str(), section.text.as_str()));
        let sections = Section::ALL
            .into_iter()
            .map(|section| (section.heading(), doc.narrative.text(section)))
            .chain(custom);
        for (heading, text) in sections {
            ui.add_space(10.0);
            ui.strong(heading);
            if text.trim().is_empty() {
                ui.weak("Not written yet.");
            } else {
                ui.add(egui::Label::new(text).wrap());
            }
        }
    });
}
