//! The questions and messages that stop the editor until answered, held in one place: which
//! are open, and which of them shows first.

use std::path::PathBuf;

use crate::session::{
    GuardedAction, ImportReport, PathPrompt, ReplaceQuestion, SaveRequest, TemplateChooser,
};
use crate::storage::RecoveredCopy;
use crate::ui;

/// A question or message that stops the editor until it is answered.
pub(super) enum Modal {
    /// An error to read.
    Error(String),
    /// A save waiting for "typed text is not in the document: save with the old values?".
    HeldBack(SaveRequest, Vec<ui::HeldBack>),
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
    ImportReport(ImportReport),
    /// File → New from template….
    Templates(TemplateChooser),
}

/// The kinds of [`Modal`], most urgent first: when several wait, the first shows. An error
/// explains what just failed, so it comes before the question that led to it; a question
/// about a save in progress comes before one about what to do next.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum ModalKind {
    Error,
    HeldBack,
    Overwrite,
    Replace,
    Guard,
    Prompt,
    Recovery,
    ImportReport,
    Templates,
}

impl Modal {
    fn kind(&self) -> ModalKind {
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
        }
    }

    /// The modal as the UI draws it.
    fn shown(&mut self) -> ui::ShownModal<'_> {
        match self {
            Self::Error(message) => ui::ShownModal::Error(message),
            Self::HeldBack(_, held) => ui::ShownModal::HeldBack(held),
            Self::Overwrite(path, conflicts) => ui::ShownModal::Overwrite(path, *conflicts),
            Self::Replace(question) => ui::ShownModal::Replace(question),
            Self::Guard(action) => ui::ShownModal::Guard(action),
            Self::Prompt(prompt) => ui::ShownModal::Prompt(prompt),
            Self::Recovery(copies) => ui::ShownModal::Recovery(copies),
            Self::ImportReport(report) => ui::ShownModal::ImportReport(report),
            Self::Templates(chooser) => ui::ShownModal::Templates(chooser),
        }
    }
}

/// The modals waiting, at most one of each kind.
#[derive(Default)]
pub(super) struct Modals {
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
    pub fn is_open(&self, kind: ModalKind) -> bool {
        self.open.iter().any(|modal| modal.kind() == kind)
    }

    /// Whether no modal is open.
    pub fn none_open(&self) -> bool {
        self.open.is_empty()
    }

    /// The error being shown, if any.
    #[cfg(feature = "testing")]
    pub fn error(&self) -> Option<&str> {
        self.open.iter().find_map(|modal| match modal {
            Modal::Error(message) => Some(message.as_str()),
            _ => None,
        })
    }

    /// The most urgent open modal, as the UI draws it.
    pub fn most_urgent(&mut self) -> Option<ui::ShownModal<'_>> {
        self.open
            .iter_mut()
            .min_by_key(|modal| modal.kind())
            .map(Modal::shown)
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
            Some(ui::ShownModal::Error("second"))
        ));
        assert!(matches!(
            modals.close(ModalKind::Error),
            Some(Modal::Error(_))
        ));
        assert!(matches!(
            modals.most_urgent(),
            Some(ui::ShownModal::Guard(_))
        ));
        assert!(modals.is_open(ModalKind::Guard));
        assert!(modals.close(ModalKind::Error).is_none());
    }
}
