//! What the panels read of the editor each frame: the document, the part on screen, and the
//! few things around it (recent files, the status, a change on disk).

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::model::Place;
use crate::session::HeldBack;
use crate::session::{OpenDocument, Part};

/// What the panels read.
pub struct View<'a> {
    /// The open document.
    pub document: &'a OpenDocument,
    /// The part on screen.
    pub part: Part,
    /// For File → Open recent.
    pub recent_files: &'a [PathBuf],
    /// Folders reviewed before, most recent first.
    pub recent_review_folders: &'a [PathBuf],
    /// The last thing that happened, for the status bar.
    pub status: &'a str,
    /// Whether a file dialog is open, so the status bar can say so.
    pub dialog_open: bool,
    /// Today, for defaults such as the date of a first key time.
    pub today: NaiveDate,
    /// Where to move the keyboard focus this frame, after a click on a finding.
    pub focus: Option<Place>,
    /// The folder under review, if one is.
    pub review: Option<&'a crate::session::ReviewSession>,
    /// The choices last made in File → Export.
    pub export_options: crate::export::ExportOptions,
    /// A change another program made to the document's file, not answered yet, and the file.
    pub disk_change: Option<(crate::session::DiskChange, &'a Path)>,
    /// Why the last recovery copy could not be written, if it could not.
    pub recovery_failure: Option<String>,
    /// Typed text that did not read as its field's value, which the document does not hold.
    pub held_back: &'a [HeldBack],
    /// How each attached file is shown.
    pub looks: &'a crate::session::Looks,
    /// Errors about the files beside the document: attachments whose file is missing.
    pub missing_files: &'a [crate::model::Finding],
}

impl View<'_> {
    /// The errors the checks list beyond the document's own findings: typed text it does
    /// not hold, and attached files that are missing.
    #[must_use]
    pub fn errors_beyond_the_document(&self) -> usize {
        self.held_back.len() + self.missing_files.len()
    }
}
