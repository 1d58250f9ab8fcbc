//! The document being edited, where it lives on disk, and whether it has unsaved changes.

use std::path::{Path, PathBuf};

use crate::model::{Edit, Finding, Postmortem, validate};

/// A postmortem open in the editor.
#[derive(Debug)]
pub struct OpenDocument {
    doc: Postmortem,
    path: Option<PathBuf>,
    /// Counts applied edits; compared with `saved_revision` to know whether anything is unsaved.
    revision: u64,
    saved_revision: u64,
    /// Validation is cheap for one document but not free every frame for large ones, so its
    /// result is kept until the next edit.
    findings: Vec<Finding>,
}

impl OpenDocument {
    /// A document that has never been saved. It counts as having nothing unsaved until the
    /// first edit, so opening the example and closing again asks nothing.
    #[must_use]
    pub fn untitled(doc: Postmortem) -> Self {
        Self::new(doc, None)
    }

    /// A document just read from `path`.
    #[must_use]
    pub fn from_file(doc: Postmortem, path: PathBuf) -> Self {
        Self::new(doc, Some(path))
    }

    fn new(doc: Postmortem, path: Option<PathBuf>) -> Self {
        let findings = validate(&doc);
        Self {
            doc,
            path,
            revision: 0,
            saved_revision: 0,
            findings,
        }
    }

    /// The postmortem.
    #[must_use]
    pub const fn doc(&self) -> &Postmortem {
        &self.doc
    }

    /// The file it was opened from or last saved to.
    #[must_use]
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The name shown in the window title: the file name, or "Untitled".
    #[must_use]
    pub fn display_name(&self) -> String {
        self.path.as_deref().and_then(Path::file_name).map_or_else(
            || "Untitled".to_owned(),
            |name| name.to_string_lossy().into_owned(),
        )
    }

    /// Counts the edits applied so far; panels use it to know when cached work is stale.
    #[must_use]
    pub const fn revision(&self) -> u64 {
        self.revision
    }

    /// Whether there are changes that saving would write.
    #[must_use]
    pub const fn is_dirty(&self) -> bool {
        self.revision != self.saved_revision
    }

    /// What validation says about the current state.
    #[must_use]
    pub fn findings(&self) -> &[Finding] {
        &self.findings
    }

    /// Applies an edit; an edit that changes nothing leaves the document clean.
    pub fn apply(&mut self, edit: Edit) {
        if edit.apply(&mut self.doc) {
            self.revision += 1;
            self.findings = validate(&self.doc);
        }
    }

    /// The document as it will be written, stamped with the day of the save.
    #[must_use]
    pub fn prepared_for_save(&self, today: chrono::NaiveDate) -> Postmortem {
        let mut doc = self.doc.clone();
        doc.updated = Some(today);
        doc.created.get_or_insert(today);
        doc
    }

    /// Records a successful save of `saved` (from [`Self::prepared_for_save`]) to `path`.
    pub fn mark_saved(&mut self, saved: Postmortem, path: PathBuf) {
        self.doc = saved;
        self.path = Some(path);
        self.saved_revision = self.revision;
    }
}
