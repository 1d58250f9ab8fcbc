//! File → Export and Edit → Copy as Markdown: the document written out for wikis, tickets,
//! printing and spreadsheets.

use crate::session::Modal;
use std::path::Path;

use super::HindsightApp;
use super::dialogs::DialogKind;
use crate::export::{ExportFormat, Portion, export, to_markdown};

/// The save dialog for a file of `format`, offering `suggested_name`.
fn save_dialog(suggested_name: String, format: ExportFormat) -> DialogKind {
    DialogKind::Export {
        suggested_name,
        filter_name: format.file_type().to_owned(),
        extension: format.extension().to_owned(),
    }
}

impl HindsightApp {
    /// The save dialog for an export, offering a name beside the document's own.
    pub(super) fn export_dialog(&self, format: ExportFormat) -> DialogKind {
        save_dialog(self.suggested_export_name(format), format)
    }

    /// `inc-620.md` for `inc-620.ron`, `inc-620-actions.csv` for its action items.
    pub(super) fn suggested_export_name(&self, format: ExportFormat) -> String {
        let stem = self.document.path().and_then(Path::file_stem).map_or_else(
            || {
                let name = self.suggested_file_name();
                name.trim_end_matches(".ron").to_owned()
            },
            |stem| stem.to_string_lossy().into_owned(),
        );
        format!("{stem}{}.{}", format.name_suffix(), format.extension())
    }

    /// The save dialog for the public version's export: `inc-620-public.md`.
    pub(super) fn public_export_dialog(&self, format: ExportFormat) -> DialogKind {
        save_dialog(self.suggested_public_name(format), format)
    }

    /// `inc-620-public.md` for `inc-620.ron`.
    pub(super) fn suggested_public_name(&self, format: ExportFormat) -> String {
        let name = self.suggested_export_name(format);
        let extension = format!(".{}", format.extension());
        format!("{}-public{extension}", name.trim_end_matches(&extension))
    }

    /// Writes the document's public version to `path` in `format` (without attached files),
    /// unless it would still show something that should not be public.
    pub(super) fn export_public(&mut self, path: &Path, format: ExportFormat) {
        let preview = self.document.public_preview();
        if !preview.leaks.is_empty() {
            self.modals.open(Modal::Error(format!(
                "The public version was not exported: it would still show {}. The Public \
                 version part lists them, with the way to each.",
                crate::model::plural(preview.leaks.len(), "thing that should not be public")
            )));
            return;
        }
        let public = preview.doc.clone();
        let text = match export(
            &public,
            format,
            self.settings.export_options,
            &crate::export::AttachedFiles::new(),
        ) {
            Ok(text) => text,
            Err(error) => {
                self.modals.open(Modal::Error(format!(
                    "The public version was not exported: {error}"
                )));
                return;
            }
        };
        match self.writer.replace(path, text.as_bytes()) {
            Ok(()) => {
                self.status = format!(
                    "Exported the public version as {} to {}",
                    format.file_type(),
                    path.display()
                );
            }
            Err(error) => {
                self.modals.open(Modal::Error(format!(
                    "The public version was not exported.\n\n{error}"
                )));
            }
        }
    }

    /// Writes the document to `path` in `format`, replacing the file whole or not at all.
    pub(super) fn export_document(&mut self, path: &Path, format: ExportFormat) {
        if self
            .document
            .path()
            .is_some_and(|own| crate::storage::same_file(own, path))
        {
            self.modals.open(Modal::Error(format!(
                "The postmortem was not exported: {} is the postmortem itself. Choose another \
                 file name for the export.",
                path.display()
            )));
            return;
        }
        // Only a page embeds the files; the other formats link to them or leave them out.
        // A document not saved yet has its files in memory; a saved one, beside it.
        let mut files = match (format, self.document.path()) {
            (ExportFormat::Html, Some(own)) => crate::storage::read_all(own, self.document.doc()),
            _ => crate::export::AttachedFiles::new(),
        };
        if format == ExportFormat::Html {
            for (path, bytes) in &self.unsaved_files {
                files.entry(path.clone()).or_insert_with(|| bytes.clone());
            }
        }
        let text = match export(
            self.document.doc(),
            format,
            self.settings.export_options,
            &files,
        ) {
            Ok(text) => text,
            Err(error) => {
                self.modals.open(Modal::Error(format!(
                    "The postmortem was not exported: {error}"
                )));
                return;
            }
        };
        match self.writer.replace(path, text.as_bytes()) {
            Ok(()) => {
                self.status = format!("Exported {} to {}", format.file_type(), path.display());
            }
            Err(error) => {
                self.modals.open(Modal::Error(format!(
                    "The postmortem was not exported.\n\n{error}"
                )));
            }
        }
    }

    /// Puts the document, or the part of it on screen, on the clipboard as Markdown.
    pub(super) fn copy_markdown(&mut self, ctx: &egui::Context, portion: Portion) {
        let text = to_markdown(self.document.doc(), self.settings.export_options, portion);
        ctx.copy_text(text);
        let what = match portion {
            Portion::Whole => "the postmortem",
            Portion::Overview => "the overview",
            Portion::Timeline => "the timeline",
            Portion::Analysis => "the analysis",
            Portion::ActionItems => "the action items",
        };
        self.status = format!("Copied {what} as Markdown");
    }
}
