//! Restoring or discarding the recovery copies a crashed or killed session left behind, and
//! keeping this session's copy in step.

use super::autosave::Autosave;
use super::{GuardedAction, HindsightApp};
use crate::session::OpenDocument;
use crate::session::RecoveryAnswer;
use crate::session::{Modal, ModalKind};
use crate::storage::{RecoveredCopy, RecoveryFolder};

impl HindsightApp {
    /// Keeps recovery copies of unsaved work in `folder`, and offers the copies earlier
    /// sessions left there.
    #[must_use]
    pub fn with_recovery(mut self, folder: RecoveryFolder) -> Self {
        match Autosave::start(folder) {
            Ok(autosave) => {
                let left = autosave.folder().left_behind();
                self.autosave = Some(autosave);
                if !left.is_empty() {
                    self.modals.open(Modal::Recovery(left));
                }
            }
            Err(reason) => {
                self.status = format!("Recovery copies are off: {reason}");
            }
        }
        self
    }

    /// What to do at a normal exit: delete this session's copy when nothing is unsaved, and
    /// wait for the writes to finish.
    pub fn finish_recovery(&mut self) {
        if let Some(autosave) = &mut self.autosave {
            autosave.finish(&self.document);
        }
    }

    /// Stops keeping copies and deletes this session's, waiting until it is gone: the person
    /// is quitting and chose not to keep what is unsaved.
    pub(super) fn end_recovery(&mut self) {
        if let Some(mut autosave) = self.autosave.take() {
            autosave.discard_own();
        }
    }

    /// Runs once a frame: writes or deletes this session's copy as the document requires.
    pub(super) fn keep_recovery_copy(&mut self, ctx: &egui::Context) {
        let Some(autosave) = &mut self.autosave else {
            return;
        };
        let now = ctx.input(|input| input.time);
        let clock = &self.clock;
        if let Some(wait) = autosave.tick(&self.document, now, || clock.now()) {
            ctx.request_repaint_after(wait);
        }
    }

    /// Shows the copies left behind (File → Recover unsaved work…).
    pub(super) fn offer_recovery(&mut self) {
        let Some(autosave) = &self.autosave else {
            self.modals.open(Modal::Error(
                "Recovery copies are off in this session, so there is nothing to recover."
                    .to_owned(),
            ));
            return;
        };
        let left = autosave.folder().left_behind();
        if left.is_empty() {
            "No unsaved work was left behind".clone_into(&mut self.status);
        } else {
            self.modals.open(Modal::Recovery(left));
        }
    }

    pub(super) fn answer_recovery(&mut self, ctx: &egui::Context, answer: RecoveryAnswer) {
        match answer {
            RecoveryAnswer::Later => {
                self.modals.close(ModalKind::Recovery);
            }
            RecoveryAnswer::Discard(id) => {
                let discarded = self
                    .autosave
                    .as_ref()
                    .map_or(Ok(()), |autosave| autosave.discard_left_behind(&id));
                self.take_offered(&id);
                match discarded {
                    Ok(()) => "Discarded the recovery copy".clone_into(&mut self.status),
                    Err(reason) => {
                        self.modals.open(Modal::Error(format!(
                            "The copy was not discarded: {reason}."
                        )));
                    }
                }
            }
            RecoveryAnswer::Restore(id) => {
                self.request(ctx, GuardedAction::Restore(id));
            }
        }
    }

    /// Removes a copy from the list on offer, closing the list when it is empty.
    fn take_offered(&mut self, id: &str) -> Option<RecoveredCopy> {
        let Some(Modal::Recovery(list)) = self.modals.get_mut(ModalKind::Recovery) else {
            return None;
        };
        let position = list.iter().position(|copy| copy.id == id)?;
        let copy = list.remove(position);
        if list.is_empty() {
            self.modals.close(ModalKind::Recovery);
        }
        Some(copy)
    }

    /// Opens a recovery copy as an unsaved document, continuing under its ID so the copy
    /// stays on disk until the document is saved or discarded.
    pub(super) fn restore_copy(&mut self, id: &str) {
        let Some(copy) = self.take_offered(id) else {
            return;
        };
        let doc = match copy.document {
            Ok(doc) => doc,
            Err(reason) => {
                self.modals.open(Modal::Error(format!(
                    "The recovery copy could not be read.\n\n{reason}"
                )));
                return;
            }
        };
        if let Some(autosave) = &mut self.autosave
            && let Err(reason) = autosave.adopt(id)
        {
            self.modals.open(Modal::Error(format!(
                "The copy was not restored: {reason}."
            )));
            return;
        }
        self.modals.close(ModalKind::Recovery);
        let (file, file_content) = copy
            .info
            .map_or((None, None), |info| (info.file, info.file_content));
        self.status = match &file {
            Some(path) => format!(
                "Restored unsaved work on {}; save to keep it",
                path.display()
            ),
            None => "Restored an untitled postmortem; save to keep it".to_owned(),
        };
        // The file is compared with what the lost session knew of it, not with what it holds
        // now: a change made to it since the crash must still be asked about.
        self.replace_document(OpenDocument::recovered(doc, file).with_disk_content(file_content));
    }
}
