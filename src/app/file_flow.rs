//! New, open, save and quit, with the unsaved-changes guard and the fallbacks for systems
//! where no file dialog can be shown.

use std::path::{Path, PathBuf};

use super::dialogs::{DialogKind, DialogOutcome, DialogRequest};
use super::{DialogPurpose, HindsightApp, PendingDialog};
use crate::model::Postmortem;
use crate::session::OpenDocument;
use crate::session::{
    GuardAnswer, GuardedAction, PathPrompt, PromptAnswer, PromptPurpose, ReplaceAnswer,
    ReplaceQuestion,
};
use crate::session::{Modal, ModalKind};
use crate::storage;

/// Where a path to write came from: a native dialog has already asked about replacing the
/// file it returns; a typed path has not.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum PathOrigin {
    Dialog,
    Typed,
}

impl HindsightApp {
    /// Carries out `action` at once when nothing is unsaved; otherwise asks first.
    pub(super) fn request(&mut self, ctx: &egui::Context, action: GuardedAction) {
        // Typed text the document does not hold is work that would be lost too.
        let held_back = !crate::ui::held_back(&self.panels, self.document.doc()).is_empty();
        if self.document.is_dirty() || held_back {
            self.modals.open(Modal::Guard(action));
        } else {
            self.perform(ctx, action);
        }
    }

    pub(super) fn perform(&mut self, ctx: &egui::Context, action: GuardedAction) {
        match action {
            GuardedAction::New => {
                let doc = Postmortem {
                    created: Some(self.clock.today()),
                    ..Postmortem::default()
                };
                self.replace_document(OpenDocument::untitled(doc));
                "New postmortem".clone_into(&mut self.status);
            }
            GuardedAction::NewFromTemplate(source) => self.new_from_template(&source),
            GuardedAction::Open => self.start_dialog(ctx, DialogPurpose::Open),
            GuardedAction::OpenTypedPath => self.prompt(PromptPurpose::Open, None),
            GuardedAction::OpenPath(path) => self.open_path(path),
            GuardedAction::ImportMarkdown => self.start_dialog(ctx, DialogPurpose::ImportMarkdown),
            GuardedAction::ImportMarkdownPath(path) => self.import_markdown_file(&path),
            GuardedAction::Restore(id) => self.restore_copy(&id),
            GuardedAction::Quit => {
                // Quitting goes through the guard, so whatever is unsaved now was given up
                // on purpose: its recovery copy must not be offered at the next start.
                self.end_recovery();
                self.allow_close = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
    }

    pub(super) fn answer_guard(&mut self, ctx: &egui::Context, answer: GuardAnswer) {
        let Some(Modal::Guard(action)) = self.modals.close(ModalKind::Guard) else {
            return;
        };
        match answer {
            GuardAnswer::Cancel => {}
            GuardAnswer::DontSave => self.perform(ctx, action),
            GuardAnswer::Save => {
                self.request_save(ctx, crate::session::SaveRequest::ThenDo(action));
            }
        }
    }

    /// Saves, then carries out `action` once the document is saved.
    pub(super) fn save_then(&mut self, ctx: &egui::Context, action: GuardedAction) {
        if self.document.path().is_some() {
            if self.save(ctx) {
                self.perform(ctx, action);
            } else if self.modals.is_open(ModalKind::Overwrite) {
                self.after_save = Some(action);
            }
        } else {
            self.after_save = Some(action);
            self.start_dialog(ctx, DialogPurpose::SaveAs);
        }
    }

    /// Opens `path`, replacing the document only if the whole file reads cleanly.
    pub(super) fn open_path(&mut self, path: PathBuf) {
        match storage::load_with_hash(&path) {
            Ok((doc, hash)) => {
                self.settings.remember(&path);
                self.status = format!("Opened {}", path.display());
                if let Some(folder) = path.parent() {
                    storage::remove_leftover_temp_files(folder);
                }
                self.replace_document(
                    OpenDocument::from_file(doc, path).with_disk_content(Some(hash)),
                );
            }
            Err(error) => {
                if matches!(error, storage::LoadError::Unreadable { .. }) {
                    self.settings.forget(&path);
                }
                self.modals
                    .open(Modal::Error(format!("Could not open the file.\n\n{error}")));
            }
        }
    }

    /// Saves to the current file, or asks where for an untitled document. Returns whether the
    /// document is now saved.
    pub(super) fn save(&mut self, ctx: &egui::Context) -> bool {
        if let Some(path) = self.document.path().map(Path::to_owned) {
            self.save_to(path)
        } else {
            self.start_dialog(ctx, DialogPurpose::SaveAs);
            false
        }
    }

    /// Saves to `path`, first asking if that would overwrite another program's change to the
    /// file. Returns whether the document is now saved.
    fn save_to(&mut self, path: PathBuf) -> bool {
        if self.would_overwrite_a_change(&path)
            && let Some(conflicts) = self.merge_before_save()
        {
            self.ask_overwrite(path, conflicts);
            return false;
        }
        // Saving over its own file, the editor writes only if the file still holds what it
        // last read or wrote, checked under the file's lock: a change made since the look
        // above (a `set-ticket`, a `git pull`) is asked about, never written over.
        let expected = self
            .disk
            .as_ref()
            .filter(|watch| self.document.path() == Some(&path) && watch.path() == path)
            .and_then(super::disk_watch::DiskWatch::known_content);
        self.write_document_expecting(path, expected)
    }

    /// Writes the document to `path`; on failure says why and leaves both the file and the
    /// unsaved state as they were. A file written by a newer Hindsight is never written over:
    /// this version would drop what it cannot read.
    pub(super) fn write_document(&mut self, path: PathBuf) -> bool {
        self.write_document_expecting(path, None)
    }

    /// As [`Self::write_document`]; with `expected`, only if the file still holds the bytes
    /// of that fingerprint (or is gone), else the person is asked.
    fn write_document_expecting(
        &mut self,
        path: PathBuf,
        expected: Option<storage::ContentHash>,
    ) -> bool {
        let prepared = self.document.prepared_for_save(self.clock.today());
        // The attached files go first: a document is never written pointing at files that
        // are not beside it.
        let prepared = match self.carried_to(&path, prepared) {
            Ok(prepared) => prepared,
            Err(error) => {
                self.modals.open(Modal::Error(format!(
                    "The document was not saved; the file on disk is unchanged. Its attached \
                     files could not be put beside {}.\n\n{error}",
                    path.display()
                )));
                return false;
            }
        };
        let written = if let Some(found) = storage::newer_format_at(&path) {
            Err(storage::SaveError::NewerFormat {
                path: path.clone(),
                found,
            })
        } else {
            storage::to_canonical_ron(&prepared).and_then(|text| {
                let bytes = text.as_bytes();
                let wrote = match expected {
                    Some(expected) => {
                        self.writer
                            .replace_if_unchanged(&path, Some(expected), bytes)?
                    }
                    None => self.writer.replace(&path, bytes).map(|()| true)?,
                };
                Ok(wrote.then(|| storage::ContentHash::of(bytes)))
            })
        };
        match written {
            Ok(None) => {
                // Changed on disk between the look and the write: asked, like any change.
                self.ask_overwrite(path, 0);
                false
            }
            Ok(Some(hash)) => {
                self.settings.remember(&path);
                self.status = format!("Saved {}", path.display());
                self.disk = Some(super::disk_watch::DiskWatch::knowing(&path, hash, 0.0));
                self.disk_change = None;
                self.document.mark_saved(prepared, path.clone(), hash);
                self.tidy_attachments_after_save(&path);
                self.find_team_rules();
                true
            }
            Err(error) => {
                self.modals.open(Modal::Error(format!(
                    "The document was not saved; the file on disk is unchanged.\n\n{error}"
                )));
                false
            }
        }
    }

    pub(super) fn start_dialog(&mut self, ctx: &egui::Context, purpose: DialogPurpose) {
        if self.pending_dialog.is_some() {
            return;
        }
        let kind = match purpose {
            DialogPurpose::Open => DialogKind::Open,
            DialogPurpose::SaveAs => DialogKind::Save {
                suggested_name: self.suggested_file_name(),
            },
            DialogPurpose::ReviewFolder => DialogKind::Folder,
            DialogPurpose::ImportTimeline => DialogKind::ImportSource,
            DialogPurpose::ImportSlackFolder => DialogKind::ImportFolder,
            DialogPurpose::ImportMarkdown => DialogKind::ImportMarkdown,
            DialogPurpose::TemplatesFolder => DialogKind::TemplatesFolder,
            DialogPurpose::Attach(_) => DialogKind::Attach,
            DialogPurpose::Export(format) => self.export_dialog(format),
            DialogPurpose::ExportPublic(format) => self.public_export_dialog(format),
            DialogPurpose::ReviewExport(format) => {
                let extension = format.extension();
                let filter_name = match format {
                    crate::session::ReviewExport::Csv
                    | crate::session::ReviewExport::JiraCsv
                    | crate::session::ReviewExport::StatsCsv => "CSV",
                    crate::session::ReviewExport::Markdown => "Markdown",
                    crate::session::ReviewExport::GhScript => "Shell script",
                };
                DialogKind::Export {
                    suggested_name: format.file_name(),
                    filter_name: filter_name.to_owned(),
                    extension: extension.to_owned(),
                }
            }
        };
        let request = DialogRequest {
            kind,
            start_folder: self.dialog_start_folder(purpose),
        };
        let wake_ctx = ctx.clone();
        let outcome = self
            .dialogs
            .show(request, Box::new(move || wake_ctx.request_repaint()));
        self.pending_dialog = Some(PendingDialog { purpose, outcome });
        self.receive_dialog_outcome(ctx);
    }

    /// Where a file dialog opens: the review's outputs (lists, scripts, tracker CSVs) beside
    /// the reviewed folder, so that they are not committed with the postmortems by mistake;
    /// everything else in the document's folder.
    fn dialog_start_folder(&self, purpose: DialogPurpose) -> Option<PathBuf> {
        if matches!(
            purpose,
            DialogPurpose::ImportTimeline
                | DialogPurpose::ImportSlackFolder
                | DialogPurpose::ImportMarkdown
        ) && let Some(folder) = &self.import_folder
        {
            return Some(folder.clone());
        }
        if let DialogPurpose::ReviewExport(_) = purpose
            && let Some(review) = &self.review
        {
            return Some(
                review
                    .folder
                    .parent()
                    .filter(|parent| !parent.as_os_str().is_empty())
                    .unwrap_or(&review.folder)
                    .to_owned(),
            );
        }
        self.document
            .path()
            .and_then(Path::parent)
            .map(Path::to_owned)
    }

    /// Acts on the dialog's answer once it has arrived.
    pub(super) fn receive_dialog_outcome(&mut self, ctx: &egui::Context) {
        let Some(pending) = &self.pending_dialog else {
            return;
        };
        let outcome = match pending.outcome.try_recv() {
            Ok(outcome) => outcome,
            Err(std::sync::mpsc::TryRecvError::Empty) => return,
            Err(std::sync::mpsc::TryRecvError::Disconnected) => DialogOutcome::Unavailable(
                "The file dialog stopped without an answer. Type the path here.".to_owned(),
            ),
        };
        let purpose = pending.purpose;
        self.pending_dialog = None;
        let prompt_purpose = match purpose {
            DialogPurpose::Open => PromptPurpose::Open,
            DialogPurpose::SaveAs => PromptPurpose::Save,
            DialogPurpose::ReviewFolder => PromptPurpose::ReviewFolder,
            DialogPurpose::ImportTimeline | DialogPurpose::ImportSlackFolder => {
                PromptPurpose::ImportTimeline
            }
            DialogPurpose::ImportMarkdown => PromptPurpose::ImportMarkdown,
            DialogPurpose::TemplatesFolder => PromptPurpose::TemplatesFolder,
            DialogPurpose::ReviewExport(format) => PromptPurpose::ReviewExport(format),
            DialogPurpose::Export(format) => PromptPurpose::Export(format),
            DialogPurpose::ExportPublic(format) => PromptPurpose::ExportPublic(format),
            DialogPurpose::Attach(place) => PromptPurpose::Attach(place),
        };
        match outcome {
            DialogOutcome::Chosen(path) => {
                self.use_path(ctx, prompt_purpose, path, PathOrigin::Dialog);
            }
            DialogOutcome::Cancelled => self.after_save = None,
            DialogOutcome::Unavailable(reason) => self.prompt(prompt_purpose, Some(reason)),
        }
    }

    fn use_path(
        &mut self,
        ctx: &egui::Context,
        purpose: PromptPurpose,
        path: PathBuf,
        origin: PathOrigin,
    ) {
        let target = match purpose {
            PromptPurpose::Open => return self.open_path(path),
            PromptPurpose::ReviewFolder => return self.start_review(ctx, path),
            PromptPurpose::ImportTimeline => {
                self.remember_import_folder(&path);
                return self.import_timeline(&path);
            }
            PromptPurpose::ImportMarkdown => {
                self.remember_import_folder(&path);
                return self.import_markdown_file(&path);
            }
            PromptPurpose::TemplatesFolder => return self.use_templates_folder(path),
            PromptPurpose::Attach(place) => return self.attach_paths(&[path], place),
            PromptPurpose::Save => with_ron_extension(path.clone()),
            PromptPurpose::Export(format) | PromptPurpose::ExportPublic(format) => {
                with_extension(path.clone(), format.extension())
            }
            PromptPurpose::ReviewExport(format) => with_extension(path.clone(), format.extension()),
        };
        // The document's own file is saved over without a question: that is what Save is.
        let own_file = purpose == PromptPurpose::Save && self.document.path() == Some(&target);
        // A native dialog asked about the path it returned, but not about one we extended.
        let already_asked = origin == PathOrigin::Dialog && target == path;
        if !own_file && !already_asked && something_is_at(&target) {
            self.modals.open(Modal::Replace(ReplaceQuestion {
                purpose,
                path: target,
                typed: origin == PathOrigin::Typed,
            }));
            return;
        }
        self.write_for(ctx, purpose, target);
    }

    /// Writes the document, an export or the review's list to `target`, which the person
    /// has agreed to.
    fn write_for(&mut self, ctx: &egui::Context, purpose: PromptPurpose, target: PathBuf) {
        match purpose {
            PromptPurpose::Save => {
                let saved = self.save_to(target);
                if let Some(action) = self.after_save.take()
                    && saved
                {
                    self.perform(ctx, action);
                }
            }
            PromptPurpose::Export(format) => self.export_document(&target, format),
            PromptPurpose::ExportPublic(format) => self.export_public(&target, format),
            PromptPurpose::ReviewExport(format) => self.export_review(&target, format),
            PromptPurpose::Open
            | PromptPurpose::ReviewFolder
            | PromptPurpose::ImportTimeline
            | PromptPurpose::ImportMarkdown
            | PromptPurpose::TemplatesFolder
            | PromptPurpose::Attach(_) => {}
        }
    }

    pub(super) fn answer_replace(&mut self, ctx: &egui::Context, answer: ReplaceAnswer) {
        let Some(Modal::Replace(question)) = self.modals.close(ModalKind::Replace) else {
            return;
        };
        match answer {
            ReplaceAnswer::Replace => self.write_for(ctx, question.purpose, question.path),
            ReplaceAnswer::Cancel if question.typed => {
                // Back to the form, with the name that was taken, to type another.
                let base = question
                    .path
                    .parent()
                    .map_or_else(|| self.default_folder(), Path::to_owned);
                self.modals.open(Modal::Prompt(PathPrompt {
                    purpose: question.purpose,
                    text: question.path.display().to_string(),
                    reason: None,
                    wants_focus: true,
                    base,
                }));
            }
            ReplaceAnswer::Cancel => self.after_save = None,
        }
    }

    fn prompt(&mut self, purpose: PromptPurpose, reason: Option<String>) {
        let base = match (purpose, &self.import_folder) {
            (PromptPurpose::ImportTimeline | PromptPurpose::ImportMarkdown, Some(folder)) => {
                folder.clone()
            }
            _ => self.default_folder(),
        };
        let suggested = match purpose {
            PromptPurpose::Open
            | PromptPurpose::ReviewFolder
            | PromptPurpose::ImportTimeline
            | PromptPurpose::ImportMarkdown
            | PromptPurpose::TemplatesFolder
            | PromptPurpose::Attach(_) => None,
            PromptPurpose::Save => Some(
                self.document
                    .path()
                    .map_or_else(|| base.join(self.suggested_file_name()), Path::to_owned),
            ),
            PromptPurpose::Export(format) => Some(base.join(self.suggested_export_name(format))),
            PromptPurpose::ExportPublic(format) => {
                Some(base.join(self.suggested_public_name(format)))
            }
            PromptPurpose::ReviewExport(format) => Some(base.join(format.file_name())),
        };
        // A folder ends in a separator, so typing goes on with the file's name.
        let text = suggested.map_or_else(
            || format!("{}{}", base.display(), std::path::MAIN_SEPARATOR),
            |path| path.display().to_string(),
        );
        self.modals.open(Modal::Prompt(PathPrompt {
            purpose,
            text,
            reason,
            wants_focus: true,
            base,
        }));
    }

    /// Keeps the folder of a file (or of a Slack export's folder) chosen for import, for the
    /// next import to start in.
    fn remember_import_folder(&mut self, path: &Path) {
        let folder = path
            .parent()
            .filter(|folder| !folder.as_os_str().is_empty());
        if let Some(folder) = folder {
            self.import_folder = Some(folder.to_owned());
        }
    }

    /// Where files go when nothing says otherwise: beside the open document, else the
    /// person's documents folder, else their home folder.
    pub(super) fn default_folder(&self) -> PathBuf {
        self.document
            .path()
            .and_then(Path::parent)
            .filter(|folder| !folder.as_os_str().is_empty())
            .map_or_else(|| self.home_folder.clone(), Path::to_owned)
    }

    pub(super) fn answer_prompt(&mut self, ctx: &egui::Context, answer: PromptAnswer) {
        let Some(Modal::Prompt(prompt)) = self.modals.close(ModalKind::Prompt) else {
            return;
        };
        match answer {
            PromptAnswer::Cancel => self.after_save = None,
            PromptAnswer::Confirm(typed) => {
                let path = resolve_typed_path(&typed, &prompt.base);
                self.use_path(ctx, prompt.purpose, path, PathOrigin::Typed);
            }
        }
    }

    /// A file name from the incident ID or title: `inc-620.ron`, `user-api-latency.ron`.
    pub(super) fn suggested_file_name(&self) -> String {
        let doc = self.document.doc();
        let source = if doc.incident_id.trim().is_empty() {
            &doc.title
        } else {
            &doc.incident_id
        };
        let mut name = String::new();
        for word in source
            .split(|c: char| !c.is_alphanumeric())
            .filter(|word| !word.is_empty())
            .take(8)
        {
            if !name.is_empty() {
                name.push('-');
            }
            name.push_str(&word.to_lowercase());
        }
        if name.is_empty() {
            name.push_str("postmortem");
        }
        name.push_str(".ron");
        name
    }

    /// Stops the window from closing while there are unsaved changes, and asks instead.
    pub(super) fn handle_close_request(&mut self, ctx: &egui::Context) {
        if !ctx.input(|input| input.viewport().close_requested()) {
            return;
        }
        if self.allow_close || !self.document.is_dirty() {
            return;
        }
        ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
        self.modals.open(Modal::Guard(GuardedAction::Quit));
    }
}

/// Saving as `notes` means `notes.ron`: the dialog's filter suggests it, not every system
/// enforces it.
fn with_ron_extension(path: PathBuf) -> PathBuf {
    with_extension(path, "ron")
}

/// `path` with `extension` added when it has none.
fn with_extension(path: PathBuf, extension: &str) -> PathBuf {
    if path.extension().is_some() {
        path
    } else {
        path.with_extension(extension)
    }
}

/// Whether anything, even a dangling link, is at `path`.
fn something_is_at(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok()
}

/// A typed path as the file system path it names: `~/x` in the home folder, a relative path
/// in the folder the form showed.
#[must_use]
pub fn resolve_typed_path(typed: &Path, base: &Path) -> PathBuf {
    if let Ok(rest) = typed.strip_prefix("~")
        && let Some(home) = directories::UserDirs::new().map(|dirs| dirs.home_dir().to_owned())
    {
        return home.join(rest);
    }
    if typed.is_relative() {
        base.join(typed)
    } else {
        typed.to_owned()
    }
}
