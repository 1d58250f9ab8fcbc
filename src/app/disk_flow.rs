//! What the editor does when the document's file changes underneath it (a `git pull`,
//! another window, `set-ticket`): with unsaved edits, it merges the file's change into them
//! by the same merge as git's driver, against the version it last read, and asks only when
//! both changed one thing differently; without edits, a bar offers to reload. A save never
//! writes over a change it has not merged or been told to overwrite.

use std::path::{Path, PathBuf};

use super::HindsightApp;
use crate::model::merge;
use crate::session::OpenDocument;
use crate::session::{DiskAnswer, DiskChange, OverwriteAnswer, Part};
use crate::session::{Modal, ModalKind};
use crate::storage;

/// How a merge with the file on disk went.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum DiskMerge {
    /// Merged into the open document; this many conflicts were left to settle (0: clean).
    Taken(usize),
    /// Not taken: it would leave this many conflicts, and the person was not asked yet.
    WouldConflict(usize),
    /// No merge is possible: the version last read is not known, or the file does not read
    /// as a postmortem now.
    Impossible,
}

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
            if self.disk_change == Some(DiskChange::Changed) && self.document.is_dirty() {
                // Merged cleanly, it is simply in; unmergeable, the bar asks as before.
                if let DiskMerge::WouldConflict(count) = self.merge_with_disk(false) {
                    self.disk_change = Some(DiskChange::Conflicting(count));
                }
            }
        }
    }

    /// Merges the file's current content into the open document, against the version the
    /// editor last read or wrote. With `even_with_conflicts` false, a merge that would leave
    /// conflicts is not taken (the person is asked first).
    pub(super) fn merge_with_disk(&mut self, even_with_conflicts: bool) -> DiskMerge {
        let Some(path) = self.document.path().map(Path::to_owned) else {
            return DiskMerge::Impossible;
        };
        let Some(base) = self.document.disk_version() else {
            return DiskMerge::Impossible;
        };
        let Ok((disk, hash)) = storage::load_with_hash(&path) else {
            return DiskMerge::Impossible;
        };
        let Ok(merged) = merge(base, self.document.doc(), &disk) else {
            return DiskMerge::Impossible;
        };
        let conflicts = merged.new_conflicts;
        if conflicts > 0 && !even_with_conflicts {
            return DiskMerge::WouldConflict(conflicts);
        }
        self.document.take_merge(merged.doc, disk, hash);
        if let Some(watch) = &mut self.disk {
            watch.accept(hash);
        }
        self.disk_change = None;
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |name| name.to_string_lossy().into_owned(),
        );
        self.status = if conflicts == 0 {
            format!(
                "\u{201c}{name}\u{201d} was changed on disk; the change is merged with your edits (nothing conflicted). Save to write both."
            )
        } else {
            self.part = Part::Checks;
            format!(
                "Merged the change on disk to \u{201c}{name}\u{201d} with your edits: {} to settle in Checks.",
                crate::model::plural(conflicts, "conflict")
            )
        };
        DiskMerge::Taken(conflicts)
    }

    pub(super) fn answer_disk(&mut self, ctx: &egui::Context, answer: DiskAnswer) {
        let Some(change) = self.disk_change.take() else {
            return;
        };
        match (answer, change) {
            (DiskAnswer::Reload, DiskChange::Changed | DiskChange::Conflicting(_)) => {
                self.reload();
            }
            (DiskAnswer::Merge, _) => {
                if self.merge_with_disk(true) == DiskMerge::Impossible {
                    self.modals.open(Modal::Error(
                        "The change on disk could not be merged: the file no longer reads as a postmortem, or the version it was opened as is not known. Reload it, or keep your version."
                            .to_owned(),
                    ));
                    self.disk_change = Some(change);
                }
            }
            (DiskAnswer::Reload, DiskChange::Missing) => {
                self.disk_change = Some(change);
                let _saved = self.save(ctx);
            }
            (DiskAnswer::KeepMine, _) => {
                // The file as it is now is what "mine" was kept against: the next merge must
                // not bring back the change just turned down.
                let now_on_disk = self
                    .document
                    .path()
                    .and_then(|path| storage::load_with_hash(path).ok());
                match (now_on_disk, &mut self.disk) {
                    (Some((disk, hash)), Some(watch)) => {
                        watch.accept(hash);
                        self.document.set_disk_version(disk, hash);
                    }
                    (_, Some(watch)) => {
                        watch.accept_current();
                        // Gone or unreadable: whatever comes there next did not grow from
                        // the version last read, so it cannot be merged against it.
                        self.document.forget_disk_version();
                    }
                    (_, None) => {}
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
                self.modals.open(Modal::Error(format!(
                    "The file could not be reloaded; what you see is unchanged.\n\n{error}"
                )));
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

    /// Before a save over a file that changed on disk: merges the change in when nothing
    /// conflicts (then the save goes on), else says how many conflicts a merge would leave.
    pub(super) fn merge_before_save(&mut self) -> Option<usize> {
        match self.merge_with_disk(false) {
            DiskMerge::Taken(_) => None,
            DiskMerge::WouldConflict(count) => Some(count),
            DiskMerge::Impossible => Some(0),
        }
    }

    /// Asks before the save to `path` overwrites another program's change.
    /// `conflicts`: how many a merge with the change would leave (0 when it cannot merge).
    pub(super) fn ask_overwrite(&mut self, path: PathBuf, conflicts: usize) {
        self.modals.open(Modal::Overwrite(path, conflicts));
    }

    pub(super) fn answer_overwrite(&mut self, ctx: &egui::Context, answer: OverwriteAnswer) {
        let Some(Modal::Overwrite(path, conflicts)) = self.modals.close(ModalKind::Overwrite)
        else {
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
            OverwriteAnswer::Merge => {
                self.after_save = None;
                if self.merge_with_disk(true) == DiskMerge::Impossible {
                    self.disk_change = Some(DiskChange::Changed);
                }
            }
            OverwriteAnswer::Cancel => {
                self.after_save = None;
                // The bar keeps saying the file changed, with the merge it offered, so the
                // choice stays in view.
                self.disk_change = Some(if conflicts > 0 {
                    DiskChange::Conflicting(conflicts)
                } else {
                    DiskChange::Changed
                });
            }
        }
    }
}
