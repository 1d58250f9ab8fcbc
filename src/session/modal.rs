//! The questions and messages that stop the editor until answered, held in one place: what
//! each holds, which are open, which of them shows first, and what each can be answered.
//!
//! A new dialog is a [`Modal`] variant with its [`ModalKind`] (whose place is its urgency)
//! and its [`ModalAnswer`] here, its drawing in `ui/modals.rs`, and what its answer does in
//! `app/answers.rs`.

use std::path::PathBuf;

use super::held_back::HeldBack;
use super::import_report::ImportReport;
use super::questions::{
    GuardAnswer, GuardedAction, HeldBackAnswer, OverwriteAnswer, PathPrompt, PromptAnswer,
    RecoveryAnswer, ReplaceAnswer, ReplaceQuestion, SaveRequest,
};
use super::templates::{TemplateAnswer, TemplateChooser};
use crate::sources::markdown::MarkdownChoices;
use crate::storage::RecoveredCopy;

/// A question or message that stops the editor until it is answered.
pub enum Modal {
    /// An error to read.
    Error(String),
    /// A save waiting for "typed text is not in the document: save with the old values?".
    HeldBack(SaveRequest, Vec<HeldBack>),
    /// A save waiting for "the file changed on disk: overwrite?", with how many conflicts a
    /// merge with that change would leave (0 when it cannot be merged).
    Overwrite(PathBuf, usize),
    /// A save or export waiting for "a file with this name exists: replace it?".
    Replace(ReplaceQuestion),
    /// An action waiting for the unsaved-changes guard.
    Guard(GuardedAction),
    /// The form to type a path in.
    Prompt(PathPrompt),
    /// Recovery copies left by earlier sessions.
    Recovery(Vec<RecoveredCopy>),
    /// What the last Markdown import did.
    ImportReport(Box<ImportReport>),
    /// File → New from template….
    Templates(TemplateChooser),
    /// One attached image shown whole.
    Viewer(Viewer),
    /// After a save: files in the attachments folder that Hindsight did not write and nothing
    /// refers to, by name; remove them or keep them?
    ForeignFiles(Vec<String>),
}

/// The viewer of one attachment: which, and what part of the image is in view.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Viewer {
    /// The attachment's position in the document's list.
    pub index: usize,
    /// The part of the image in view, in the image's pixels; `Rect::ZERO` to fit it.
    pub scene: egui::Rect,
}

/// The kinds of [`Modal`], most urgent first: when several wait, the first shows. An error
/// explains what just failed, so it comes before the question that led to it; a question
/// about a save in progress comes before one about what to do next.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
#[allow(
    missing_docs,
    reason = "each kind is the Modal variant of the same name"
)]
pub enum ModalKind {
    Error,
    HeldBack,
    Overwrite,
    Replace,
    Guard,
    Prompt,
    Recovery,
    ImportReport,
    Templates,
    ForeignFiles,
    Viewer,
}

/// What a person answered a modal.
#[derive(Debug)]
pub enum ModalAnswer {
    /// Close the error message.
    DismissError,
    /// The answer to "typed text is not in the document: save with the old values?".
    HeldBack(HeldBackAnswer),
    /// The answer to "overwrite the changed file?".
    Overwrite(OverwriteAnswer),
    /// The answer to "a file with this name exists: replace it?".
    Replace(ReplaceAnswer),
    /// The answer to the unsaved-changes question.
    Guard(GuardAnswer),
    /// The answer to the path form.
    Prompt(PromptAnswer),
    /// The answer about a recovery copy left by an earlier session.
    Recovery(RecoveryAnswer),
    /// Close the report of a Markdown import.
    DismissImportReport,
    /// Read the imported Markdown file again, as the person corrected how.
    RereadImport(MarkdownChoices),
    /// The answer in the template chooser.
    Template(TemplateAnswer),
    /// Close the viewer of an attachment.
    CloseViewer,
    /// Remove (`true`) or keep the files in the attachments folder Hindsight did not write.
    ForeignFiles(bool),
}

impl Modal {
    /// Which kind of modal it is.
    #[must_use]
    pub const fn kind(&self) -> ModalKind {
        match self {
            Self::Error(_) => ModalKind::Error,
            Self::HeldBack(..) => ModalKind::HeldBack,
            Self::Overwrite(..) => ModalKind::Overwrite,
            Self::Replace(_) => ModalKind::Replace,
            Self::Guard(_) => ModalKind::Guard,
            Self::Prompt(_) => ModalKind::Prompt,
            Self::Recovery(_) => ModalKind::Recovery,
            Self::ImportReport(_) => ModalKind::ImportReport,
            Self::Templates(_) => ModalKind::Templates,
            Self::Viewer(_) => ModalKind::Viewer,
            Self::ForeignFiles(_) => ModalKind::ForeignFiles,
        }
    }
}

/// The modals waiting, at most one of each kind.
#[derive(Default)]
pub struct Modals {
    open: Vec<Modal>,
}

impl Modals {
    /// Opens `modal`, in place of one of its kind.
    pub fn open(&mut self, modal: Modal) {
        self.close(modal.kind());
        self.open.push(modal);
    }

    /// Closes the modal of `kind`, returning it.
    pub fn close(&mut self, kind: ModalKind) -> Option<Modal> {
        let at = self.open.iter().position(|modal| modal.kind() == kind)?;
        Some(self.open.remove(at))
    }

    /// The open modal of `kind`.
    pub fn get_mut(&mut self, kind: ModalKind) -> Option<&mut Modal> {
        self.open.iter_mut().find(|modal| modal.kind() == kind)
    }

    /// Whether a modal of `kind` is open.
    #[must_use]
    pub fn is_open(&self, kind: ModalKind) -> bool {
        self.open.iter().any(|modal| modal.kind() == kind)
    }

    /// Whether no modal is open.
    #[must_use]
    pub fn none_open(&self) -> bool {
        self.open.is_empty()
    }

    /// The error being shown, if any.
    #[cfg(feature = "testing")]
    #[must_use]
    pub fn error(&self) -> Option<&str> {
        self.open.iter().find_map(|modal| match modal {
            Modal::Error(message) => Some(message.as_str()),
            _ => None,
        })
    }

    /// The viewer, when it is open.
    #[cfg(feature = "testing")]
    #[must_use]
    pub fn viewer(&self) -> Option<&Viewer> {
        self.open.iter().find_map(|modal| match modal {
            Modal::Viewer(viewer) => Some(viewer),
            _ => None,
        })
    }

    /// The most urgent open modal: the one the UI draws.
    pub fn most_urgent(&mut self) -> Option<&mut Modal> {
        self.open.iter_mut().min_by_key(|modal| modal.kind())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_most_urgent_shows_and_one_of_a_kind_replaces_the_last() {
        let mut modals = Modals::default();
        assert!(modals.none_open());
        modals.open(Modal::Guard(GuardedAction::Quit));
        modals.open(Modal::Error("first".into()));
        modals.open(Modal::Error("second".into()));
        assert!(matches!(
            modals.most_urgent(),
            Some(Modal::Error(message)) if message == "second"
        ));
        assert!(matches!(
            modals.close(ModalKind::Error),
            Some(Modal::Error(_))
        ));
        assert!(matches!(modals.most_urgent(), Some(Modal::Guard(_))));
        assert!(modals.is_open(ModalKind::Guard));
        assert!(modals.close(ModalKind::Error).is_none());
    }
}
