//! What the editor does when the document's file changes underneath it: a bar offering to
//! reload, and a question before a save would overwrite the other program's change.

use std::path::PathBuf;

use super::HindsightApp;
use crate::session::OpenDocument;
use crate::session::{DiskAnswer, DiskChange, OverwriteAnswer};
use crate::storage;

impl HindsightApp {
    /// Looks at the file when the window gains focus, and every few seconds while frames are
    /// drawn anyway; never wakes the window by itself.
    pub(super) fn watch_disk(&mut self, ctx: &egui::Context) {
        if self.disk_change.is_some() {
            return;
        }
        let Some(watch) = &mut self.disk else {
            return;
        };
        let (now, focus_gained) = ctx.input(|input| {
            let gained = input
                .events
                .iter()
                .any(|event| matches!(event, egui::Event::WindowFocused(true)));
            (input.time, gained)
        });
        if watch.due(now, focus_gained) {
            self.disk_change = watch.look(now);
        }
    }

    pub(super) fn answer_disk(&mut self, ctx: &egui::Context, answer: DiskAnswer) {
        let Some(change) = self.disk_change.take() else {
            return;
        };
        match (answer, change) {
            (DiskAnswer::Reload, DiskChange::Changed) => self.reload(),
            (DiskAnswer::Reload, DiskChange::Missing) => {
                self.disk_change = Some(change);
                let _saved = self.save(ctx);
            }
            (DiskAnswer::KeepMine, _) => {
                if let Some(watch) = &mut self.disk {
                    watch.accept_current();
                }
                self.document.mark_unsaved();
            }
        }
    }

    /// Reads the document's file again; if it no longer reads, says why and keeps what is
    /// open.
    fn reload(&mut self) {
        let Some(path) = self.document.path().map(ToOwned::to_owned) else {
            return;
        };
        match storage::load(&path) {
            Ok(doc) => {
                self.status = format!("Reloaded {}", path.display());
                self.replace_document(OpenDocument::from_file(doc, path));
            }
            Err(error) => {
                self.error = Some(format!(
                    "The file could not be reloaded; what you see is unchanged.\n\n{error}"
                ));
            }
        }
    }

    /// Whether saving to `path` would overwrite a change another program made to the open
    /// document's file. Looks at the file now.
    pub(super) fn would_overwrite_a_change(&mut self, path: &std::path::Path) -> bool {
        if self.document.path() != Some(path) {
            return false;
        }
        let Some(watch) = &mut self.disk else {
            return false;
        };
        // A file that is gone is simply written again.
        watch.look(watch.last_look()) == Some(DiskChange::Changed)
    }

    /// Asks before the save to `path` overwrites another program's change.
    pub(super) fn ask_overwrite(&mut self, path: PathBuf) {
        self.overwrite_question = Some(path);
    }

    pub(super) fn answer_overwrite(&mut self, ctx: &egui::Context, answer: OverwriteAnswer) {
        let Some(path) = self.overwrite_question.take() else {
            return;
        };
        match answer {
            OverwriteAnswer::Overwrite => {
                self.disk_change = None;
                if self.write_document(path)
                    && let Some(action) = self.after_save.take()
                {
                    self.perform(ctx, action);
                }
            }
            OverwriteAnswer::Reload => {
                self.after_save = None;
                self.disk_change = None;
                self.reload();
            }
            OverwriteAnswer::Cancel => {
                self.after_save = None;
                // The bar keeps saying the file changed, so the choice stays in view.
                self.disk_change = Some(DiskChange::Changed);
            }
        }
    }
}
