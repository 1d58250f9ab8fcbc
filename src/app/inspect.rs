//! What tests, benchmarks and the fuzzer use to set the editor up and read it back: a
//! temporary home folder, a file writer that fails, the document and the dialogs as a person
//! would see them. Built only with the `testing` feature, so none of it ships.

use std::path::PathBuf;

use super::{FileWriter, HindsightApp, Settings};
use crate::session::{OpenDocument, Part, ReviewSession};

impl HindsightApp {
    /// Puts new files in `folder` when no open file says where (tests use a temporary one).
    #[must_use]
    pub fn with_home_folder(mut self, folder: PathBuf) -> Self {
        self.home_folder = folder;
        self
    }

    /// Writes saves and exports through `writer` (tests make it fail).
    #[must_use]
    pub fn with_file_writer(mut self, writer: Box<dyn FileWriter>) -> Self {
        self.writer = writer;
        self
    }

    /// The open document.
    #[must_use]
    pub const fn document(&self) -> &OpenDocument {
        &self.document
    }

    /// What the editor remembers between runs.
    #[must_use]
    pub const fn settings(&self) -> &Settings {
        &self.settings
    }

    /// The error being shown, if any.
    #[must_use]
    pub fn error(&self) -> Option<&str> {
        self.modals.error()
    }

    /// The part of the image the viewer shows, when it is open.
    #[must_use]
    pub fn viewer_view(&self) -> Option<egui::Rect> {
        self.modals.viewer().map(|viewer| viewer.scene)
    }

    /// The part of the document on screen.
    #[must_use]
    pub const fn part(&self) -> Part {
        self.part
    }

    /// Shows another part of the document, as a click in the side panel does.
    pub const fn show_part(&mut self, part: Part) {
        self.part = part;
    }

    /// The actions the review view lists, in the order it lists them (for tests and
    /// scripts that check what a person sees).
    #[must_use]
    pub fn review_listed_actions(&self) -> Vec<String> {
        let Some(scan) = self.review.as_ref().and_then(|review| review.scan.as_ref()) else {
            return Vec::new();
        };
        self.panels
            .review
            .listed(&scan.items, self.clock.today())
            .into_iter()
            .map(|index| scan.items[index].item.action.clone())
            .collect()
    }

    /// Starts reviewing `folder`, as File → Review folder… does once a folder is chosen.
    pub fn review_folder(&mut self, ctx: &egui::Context, folder: PathBuf) {
        self.start_review(ctx, folder);
    }

    /// The folder under review, if one is.
    #[must_use]
    pub fn reviewed_folder(&self) -> Option<&std::path::Path> {
        self.review.as_ref().map(|review| review.folder.as_path())
    }

    /// Whether a folder review is still reading files.
    #[must_use]
    pub fn review_running(&self) -> bool {
        self.review.as_ref().is_some_and(ReviewSession::scanning)
    }

    /// The window title as last sent to the window.
    #[must_use]
    pub fn window_title(&self) -> &str {
        &self.window_title
    }

    /// Where this session's recovery copy is written, if copies are on.
    #[must_use]
    pub fn recovery_copy_path(&self) -> Option<PathBuf> {
        let autosave = self.autosave.as_ref()?;
        Some(autosave.folder().document_path(autosave.id()))
    }

    /// Waits until every recovery copy and deletion asked for so far is on disk.
    pub fn flush_recovery(&self) {
        if let Some(autosave) = &self.autosave {
            autosave.flush();
        }
    }
}
