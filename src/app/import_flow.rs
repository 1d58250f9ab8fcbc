//! Reading timeline rows from a file the person picked, into the timeline's paste form to
//! look over before anything is added.

use std::path::Path;

use super::HindsightApp;
use crate::model::incident_window;
use crate::session::{ImportReport, OpenDocument, Part, SlackChoice};
use crate::session::{Modal, ModalKind};
use crate::sources::markdown::{MarkdownChoices, import_markdown_with};
use crate::sources::{self, SlackExport, SourceKind};
use crate::ui;

impl HindsightApp {
    /// Reads the Markdown postmortem at `path` into a new, unsaved document and shows what
    /// went where; a file that cannot be read is reported and the open document stays.
    pub(super) fn import_markdown_file(&mut self, path: &Path) {
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |name| name.to_string_lossy().into_owned(),
        );
        match sources::read_source_text(path, &mut std::io::empty()) {
            Ok(text) => {
                let choices = MarkdownChoices {
                    file_name: Some(name.clone()),
                    ..MarkdownChoices::default()
                };
                let imported = import_markdown_with(&text, self.clock.today(), &choices);
                let mut report = ImportReport::of(name.clone(), text, choices, &imported);
                report.folder = path.parent().map(|folder| {
                    if folder.as_os_str().is_empty() {
                        Path::new(".").to_owned()
                    } else {
                        folder.to_owned()
                    }
                });
                self.show_imported(imported.doc, report);
                self.status = format!("Imported {name}");
            }
            Err(error) => {
                self.modals.open(Modal::Error(format!(
                    "Nothing was imported; the open document is unchanged.\n\n{}: {error}",
                    path.display()
                )));
            }
        }
    }

    /// The imported document, new and unsaved, with its report; the images the Markdown
    /// showed from beside it are its attachments, in memory until it is saved.
    fn show_imported(&mut self, mut doc: crate::model::Postmortem, mut report: ImportReport) {
        let files = match &report.folder {
            Some(folder) => {
                let (files, left) = Self::keep_imported_images(&mut doc, folder);
                report.images_left = left;
                files
            }
            None => std::collections::BTreeMap::new(),
        };
        let mut document = OpenDocument::untitled(doc);
        // The file on disk is Markdown, not this document: it has yet to be saved.
        document.mark_unsaved();
        self.replace_document(document);
        self.unsaved_files = files;
        self.part = Part::Overview;
        self.modals.open(Modal::ImportReport(Box::new(report)));
    }

    /// Reads the Markdown file of the report again as the person corrected how (its zone,
    /// day, order, or a block to read as the timeline), in place of the document it gave:
    /// the report is open, so nothing was edited since.
    pub(super) fn reread_markdown(&mut self, choices: MarkdownChoices) {
        let Some(Modal::ImportReport(report)) = self.modals.close(ModalKind::ImportReport) else {
            return;
        };
        let imported = import_markdown_with(&report.text, self.clock.today(), &choices);
        let folder = report.folder;
        let mut report = ImportReport::of(report.source, report.text, choices, &imported);
        report.folder = folder;
        self.show_imported(imported.doc, report);
    }

    /// Reads `path` as a source of timeline rows; a file that cannot be read is reported and
    /// nothing changes.
    pub(super) fn import_timeline(&mut self, path: &Path) {
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |name| name.to_string_lossy().into_owned(),
        );
        let failed = |error: sources::SourceError| match error {
            sources::SourceError::Unreadable { .. } => {
                format!("{}:{error}", path.display())
            }
            other => format!("{}: {other}", path.display()),
        };
        if sources::is_slack_export(path) {
            self.choose_from_slack(path);
            return;
        }
        let read = sources::read_source_text(path, &mut std::io::empty()).and_then(|text| {
            let kind = sources::detect(&text);
            let imported = sources::import(
                &text,
                kind,
                self.document.doc(),
                self.clock.today(),
                &sources::ReadingChoices::default(),
            )?;
            Ok((kind, text, imported))
        });
        match read {
            Ok((kind, text, imported)) => {
                // Text is shown as text, to be read (and corrected) as a paste is.
                let text = (kind == SourceKind::Text).then_some(text);
                ui::show_import(
                    &self.document.doc().timeline,
                    &mut self.panels.timeline,
                    name,
                    imported,
                    text,
                );
            }
            Err(error) => {
                self.modals.open(Modal::Error(format!(
                    "No rows were imported; the timeline is unchanged.\n\n{}",
                    failed(error)
                )));
            }
        }
    }

    /// Opens a Slack export and asks which channel and which time to read.
    fn choose_from_slack(&mut self, path: &Path) {
        match SlackExport::open(path) {
            Ok(export) => {
                let doc = self.document.doc();
                // The form shows the window in the document's zone, as it is typed there.
                let local = |time: chrono::DateTime<chrono::Utc>| {
                    doc.local(time).format("%Y-%m-%d %H:%M").to_string()
                };
                let window = incident_window(&doc.key_times)
                    .map(|(start, end)| (local(start), local(end)))
                    .unwrap_or_default();
                let channels = export.channel_names().map(str::to_owned).collect();
                ui::show_slack_choice(&mut self.panels.timeline, path.to_owned(), channels, window);
            }
            Err(error) => {
                self.modals.open(Modal::Error(format!(
                    "No rows were imported; the timeline is unchanged.\n\n{}: {error}",
                    path.display()
                )));
            }
        }
    }

    /// Reads the chosen messages of a Slack export into the import form.
    pub(super) fn import_slack(&mut self, choice: &SlackChoice) {
        let rows = SlackExport::open(&choice.export)
            .and_then(|mut export| export.rows(&choice.channel, Some((choice.start, choice.end))));
        match rows {
            Ok(rows) if rows.is_empty() => ui::slack_choice_failed(
                &mut self.panels.timeline,
                format!("#{} has no messages in that window.", choice.channel),
            ),
            Ok(rows) => {
                let name = format!("#{} of the Slack export", choice.channel);
                ui::show_import(
                    &self.document.doc().timeline,
                    &mut self.panels.timeline,
                    name,
                    sources::Imported { rows, unused: None },
                    None,
                );
            }
            Err(error) => ui::slack_choice_failed(&mut self.panels.timeline, error.to_string()),
        }
    }
}
