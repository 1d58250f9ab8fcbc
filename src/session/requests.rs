//! What the panels hand back each frame: the person's requests, applied by the app after
//! layout.

use std::path::PathBuf;

use super::commands::UiCommand;
use super::part::Part;
use super::questions::{
    DiskAnswer, GuardAnswer, HeldBackAnswer, OverwriteAnswer, PromptAnswer, RecoveryAnswer,
    ReplaceAnswer,
};
use super::review::ReviewExport;
use crate::model::{Edit, Place};

/// What the review view asks the app to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReviewRequest {
    /// Review this folder (one of the recent review folders).
    Folder(PathBuf),
    /// Stop the running scan.
    Cancel,
    /// Read the folder again.
    Refresh,
    /// Open a postmortem of the folder and show this place in it (an item, a row, a section).
    OpenAt(PathBuf, Place),
    /// Write the current list (or the stats shown) to a file.
    Export(ReviewExport),
    /// Work out the stats for this period.
    Stats(super::review::StatsPeriod),
    /// Search the folder's postmortems for this query.
    Search(String),
}

/// A channel and a time window chosen from a Slack export, for the app to read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SlackChoice {
    /// The export: its folder or `.zip`.
    pub export: PathBuf,
    /// The channel's name.
    pub channel: String,
    /// The first instant to read.
    pub start: chrono::DateTime<chrono::Utc>,
    /// The last instant to read.
    pub end: chrono::DateTime<chrono::Utc>,
}

/// What the person asked for during one frame, applied after layout.
#[derive(Debug, Default)]
#[must_use = "requests do nothing until the app applies them"]
pub struct UiRequests {
    /// A menu or keyboard command.
    pub command: Option<UiCommand>,
    /// Changes to the document, in the order they were made.
    pub edits: Vec<Edit>,
    /// Show another part of the document.
    pub show_part: Option<Part>,
    /// Open a file from File → Open recent.
    pub open_recent: Option<PathBuf>,
    /// Open a file dropped on the window.
    pub open_dropped: Option<PathBuf>,
    /// The answer to the unsaved-changes question.
    pub guard_answer: Option<GuardAnswer>,
    /// The answer to "typed text is not in the document: save with the old values?".
    pub held_back_answer: Option<HeldBackAnswer>,
    /// The answer to the path form.
    pub prompt_answer: Option<PromptAnswer>,
    /// Close the error message.
    pub dismiss_error: bool,
    /// Close the report of a Markdown import.
    pub dismiss_import_report: bool,
    /// Read the imported Markdown file again, as the person corrected how.
    pub reread_import: Option<crate::sources::markdown::MarkdownChoices>,
    /// The answer in the template chooser.
    pub template_answer: Option<super::TemplateAnswer>,
    /// Show what a finding points at.
    pub go_to: Option<Place>,
    /// Something the review view asked for.
    pub review: Option<ReviewRequest>,
    /// Export the document in this format (File → Export).
    pub export: Option<crate::export::ExportFormat>,
    /// New choices for exports.
    pub export_options: Option<crate::export::ExportOptions>,
    /// Copy this much of the document to the clipboard as Markdown (Edit menu).
    pub copy_markdown: Option<crate::export::Portion>,
    /// The answer about a recovery copy left by an earlier session.
    pub recovery: Option<RecoveryAnswer>,
    /// The answer to the bar saying the file changed on disk.
    pub disk_answer: Option<DiskAnswer>,
    /// The answer to "overwrite the changed file?".
    pub overwrite_answer: Option<OverwriteAnswer>,
    /// The answer to "a file with this name exists: replace it?".
    pub replace_answer: Option<ReplaceAnswer>,
    /// Read these messages of a Slack export into the timeline's import form.
    pub import_slack: Option<SlackChoice>,
}
