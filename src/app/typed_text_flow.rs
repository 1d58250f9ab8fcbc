//! Saving what is on screen: a field being typed in takes its text before a save writes the
//! file, and text that did not read as its field's value is asked about first, never
//! dropped without a word.

use super::HindsightApp;
use crate::session::{HeldBackAnswer, Part, SaveRequest};
use crate::session::{Modal, ModalKind};
use crate::ui;

impl HindsightApp {
    /// Starts `request`. A field being typed in commits its text when it loses the keyboard,
    /// so the keyboard leaves it now and the save goes on in the next frame, after that
    /// commit; it then comes back for a plain save.
    pub(super) fn request_save(&mut self, ctx: &egui::Context, request: SaveRequest) {
        if ctx.text_edit_focused() {
            self.refocus = ctx.memory(egui::Memory::focused);
            ctx.memory_mut(egui::Memory::stop_text_input);
            self.save_waiting = Some(request);
            ctx.request_repaint();
            return;
        }
        self.save_typed_text_checked(ctx, request);
    }

    /// Carries on with a save that waited a frame for the field being typed in.
    pub(super) fn continue_waiting_save(&mut self, ctx: &egui::Context) {
        let Some(request) = self.save_waiting.take() else {
            return;
        };
        let refocus = self.refocus.take();
        let plain_save = request == SaveRequest::Save;
        self.save_typed_text_checked(ctx, request);
        if plain_save
            && !self.modals.is_open(ModalKind::HeldBack)
            && let Some(id) = refocus
        {
            ctx.memory_mut(|memory| memory.request_focus(id));
        }
    }

    /// Asks about typed text the document does not hold, or saves.
    fn save_typed_text_checked(&mut self, ctx: &egui::Context, request: SaveRequest) {
        let held = ui::held_back(&self.panels, self.document.doc());
        if held.is_empty() {
            self.carry_out_save(ctx, request);
        } else {
            self.modals.open(Modal::HeldBack(request, held));
        }
    }

    fn carry_out_save(&mut self, ctx: &egui::Context, request: SaveRequest) {
        match request {
            SaveRequest::Save => {
                self.save(ctx);
            }
            SaveRequest::SaveAs => self.start_dialog(ctx, super::DialogPurpose::SaveAs),
            SaveRequest::ThenDo(action) => self.save_then(ctx, action),
        }
    }

    pub(super) fn answer_held_back(&mut self, ctx: &egui::Context, answer: HeldBackAnswer) {
        let Some(Modal::HeldBack(request, held)) = self.modals.close(ModalKind::HeldBack) else {
            return;
        };
        match answer {
            HeldBackAnswer::SaveOldValues => self.carry_out_save(ctx, request),
            HeldBackAnswer::GoBack => {
                if let Some(first) = held.first() {
                    self.part = Part::showing(first.place);
                    self.focus_target = Some(first.place);
                    ctx.request_repaint();
                }
            }
        }
    }
}
