//! What each modal's answer does: the one place an answer is taken to the flow that asked
//! the question, or, for the short ones, carried out here.

use super::HindsightApp;
use crate::session::{ModalAnswer, ModalKind};

impl HindsightApp {
    /// Carries out the answer to a modal.
    pub(super) fn answer_modal(&mut self, ctx: &egui::Context, answer: ModalAnswer) {
        match answer {
            ModalAnswer::DismissError => {
                self.modals.close(ModalKind::Error);
            }
            ModalAnswer::HeldBack(answer) => self.answer_held_back(ctx, answer),
            ModalAnswer::Overwrite(answer) => self.answer_overwrite(ctx, answer),
            ModalAnswer::Replace(answer) => self.answer_replace(ctx, answer),
            ModalAnswer::Guard(answer) => self.answer_guard(ctx, answer),
            ModalAnswer::Prompt(answer) => self.answer_prompt(ctx, answer),
            ModalAnswer::Recovery(answer) => self.answer_recovery(ctx, answer),
            ModalAnswer::DismissImportReport => {
                self.modals.close(ModalKind::ImportReport);
            }
            // The report may have been closed by an answer before this one.
            ModalAnswer::RereadImport(choices) => {
                if self.modals.is_open(ModalKind::ImportReport) {
                    self.reread_markdown(choices);
                }
            }
            ModalAnswer::Template(answer) => self.answer_templates(ctx, answer),
            ModalAnswer::CloseViewer => {
                self.modals.close(ModalKind::Viewer);
            }
            ModalAnswer::ForeignFiles(remove) => self.answer_foreign_files(remove),
        }
    }
}
