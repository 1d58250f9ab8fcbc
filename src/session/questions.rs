//! The questions the editor asks before it acts, and the answers a person can give: what
//! an action waits for, the path form, "replace the existing file?", the file changed on
//! disk, recovery copies. The panels draw them and return an answer; the app acts on it.

use std::path::PathBuf;

use super::review::ReviewExport;

/// An action that would replace or close the document, so it waits for the unsaved-changes
/// guard.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GuardedAction {
    /// Start a new document.
    New,
    /// Start a new document from a template.
    NewFromTemplate(super::TemplateSource),
    /// Ask for a file with the open dialog, then open it.
    Open,
    /// Ask for a path to type, then open it.
    OpenTypedPath,
    /// Open this file.
    OpenPath(PathBuf),
    /// Ask for a Markdown postmortem with the dialog, then import it.
    ImportMarkdown,
    /// Import this Markdown postmortem.
    ImportMarkdownPath(PathBuf),
    /// Close the editor.
    Quit,
    /// Open the recovery copy with this ID.
    Restore(String),
}

impl GuardedAction {
    /// Words for the guard's question: "Save changes before {verb}?"
    #[must_use]
    pub const fn verb(&self) -> &'static str {
        match self {
            Self::New | Self::NewFromTemplate(_) => "starting a new postmortem",
            Self::Open | Self::OpenTypedPath | Self::OpenPath(_) => "opening another file",
            Self::ImportMarkdown | Self::ImportMarkdownPath(_) => "importing a Markdown postmortem",
            Self::Quit => "quitting",
            Self::Restore(_) => "restoring unsaved work",
        }
    }
}

/// The person's answer to the unsaved-changes guard.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GuardAnswer {
    /// Save first, then go on.
    Save,
    /// Go on and lose the changes.
    DontSave,
    /// Do nothing.
    Cancel,
}

/// What a typed path will be used for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PromptPurpose {
    /// Open the file at the path.
    Open,
    /// Save the document to the path.
    Save,
    /// Review the folder at the path.
    ReviewFolder,
    /// Read timeline rows from the file at the path.
    ImportTimeline,
    /// Import the Markdown postmortem at the path.
    ImportMarkdown,
    /// Offer the templates in the folder at the path.
    TemplatesFolder,
    /// Write the review's list to the path.
    ReviewExport(ReviewExport),
    /// Export the document to the path.
    Export(crate::export::ExportFormat),
    /// Export the document's public version to the path.
    ExportPublic(crate::export::ExportFormat),
    /// Attach the file at the path, at this place.
    Attach(crate::model::AttachedTo),
}

/// The form for typing a path, shown when no file dialog can be.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PathPrompt {
    /// Open or save.
    pub purpose: PromptPurpose,
    /// The path as typed so far; it starts as a full path, so the person sees where the
    /// file will go.
    pub text: String,
    /// Why the form is shown, when it stands in for a dialog that failed.
    pub reason: Option<String>,
    /// Set until the field has taken the keyboard, so the first key typed lands in it.
    pub wants_focus: bool,
    /// The folder a relative path is read from (shown under the field).
    pub base: PathBuf,
}

/// "A file with this name exists: replace it?", asked about the path that would really be
/// written (after `.ron` or the export's extension is added).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReplaceQuestion {
    /// What the file is being written for.
    pub purpose: PromptPurpose,
    /// The existing file that would be replaced.
    pub path: PathBuf,
    /// Whether the path was typed in the path form, which "Cancel" goes back to so another
    /// name can be typed (a native dialog's answer has no form to go back to).
    pub typed: bool,
}

/// The person's answer to "replace the existing file?".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReplaceAnswer {
    /// Write over it.
    Replace,
    /// Write nothing.
    Cancel,
}

/// The person's answer to the path form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PromptAnswer {
    /// Use this path.
    Confirm(PathBuf),
    /// Do nothing.
    Cancel,
}

/// The person's answer to the bar that says the file changed on disk.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DiskAnswer {
    /// Read the file again, replacing what is open (and any unsaved changes).
    Reload,
    /// Keep what is open; it now counts as unsaved, and a save writes it over the file.
    KeepMine,
    /// Merge the file's change with the unsaved edits, keeping both values where they
    /// conflict, to be settled in Checks.
    Merge,
}

/// The person's answer to "typed text is not in the document: save with the old values?".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HeldBackAnswer {
    /// Save what the document holds; the typed text stays in its field, still an error.
    SaveOldValues,
    /// Do not save; go to the first field to correct it.
    GoBack,
}

/// The answer to "the file changed on disk since you opened it".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OverwriteAnswer {
    /// Save over the other program's change.
    Overwrite,
    /// Read the file again instead, dropping the unsaved changes.
    Reload,
    /// Merge the file's change with the unsaved edits instead of saving, keeping both values
    /// where they conflict, to be settled in Checks.
    Merge,
    /// Do not save.
    Cancel,
}

/// How the file differs from what the editor knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DiskChange {
    /// Its content changed (or a file appeared where there was none).
    Changed,
    /// Its content changed, and merging that change with the unsaved edits leaves this many
    /// conflicts: the person decides. (A change that merges cleanly is merged without a
    /// question.)
    Conflicting(usize),
    /// It is gone: moved, renamed or deleted.
    Missing,
}

/// What the person chose for a recovery copy.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RecoveryAnswer {
    /// Open this copy in place of the current document.
    Restore(String),
    /// Delete this copy.
    Discard(String),
    /// Close the list and decide later (File → Recover unsaved work…).
    Later,
}

/// A save the person asked for, waiting on typed text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveRequest {
    /// File → Save (Ctrl+S).
    Save,
    /// File → Save as….
    SaveAs,
    /// "Save" in the unsaved-changes question, then the action it guarded.
    ThenDo(GuardedAction),
}
