//! What the panels hand back each frame: the person's requests, applied by the app after
//! layout.

use std::path::PathBuf;

use super::commands::UiCommand;
use super::modal::ModalAnswer;
use super::part::Part;
use super::questions::DiskAnswer;
use super::review::ReviewExport;
use crate::model::{AttachedTo, Edit, Place};

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

/// One thing the person asked for during a frame: a command, a change to the document, an
/// answer to a question, a place to go to.
#[derive(Debug)]
pub enum Request {
    /// A menu or keyboard command.
    Command(UiCommand),
    /// A change to the document.
    Edit(Edit),
    /// Show another part of the document.
    ShowPart(Part),
    /// Open a file: one of File → Open recent, or one dropped on the window.
    OpenFile(PathBuf),
    /// The answer to the modal shown.
    Answer(ModalAnswer),
    /// Show what a finding points at.
    GoTo(Place),
    /// Something the review view asked for.
    Review(ReviewRequest),
    /// Export the document in this format (File → Export).
    Export(crate::export::ExportFormat),
    /// Export the document's public version in this format (the Public version part).
    ExportPublic(crate::export::ExportFormat),
    /// New choices for exports.
    ExportOptions(crate::export::ExportOptions),
    /// Copy this much of the document to the clipboard as Markdown (Edit menu).
    CopyMarkdown(crate::export::Portion),
    /// The answer to the bar saying the file changed on disk.
    Disk(DiskAnswer),
    /// Read these messages of a Slack export into the timeline's import form.
    ImportSlack(SlackChoice),
    /// Ask for a file to attach at this place.
    Attach(AttachedTo),
    /// Attach these files (dropped on the window) at this place.
    AttachFiles(Vec<PathBuf>, AttachedTo),
    /// Show the attachment at this position in the document's list whole.
    ViewAttachment(usize),
    /// Attach an image pasted from the clipboard (a screenshot tool's copy) at this place.
    AttachImage(std::sync::Arc<egui::ColorImage>, AttachedTo),
}

/// What the person asked for during one frame, in the order they asked: the queue the
/// panels push onto and the app drains after layout. Two requests of one kind in a frame
/// both run.
#[derive(Debug, Default)]
#[must_use = "requests do nothing until the app applies them"]
pub struct UiRequests {
    queue: Vec<Request>,
}

impl UiRequests {
    /// Adds a request at the end of the queue.
    pub fn push(&mut self, request: Request) {
        self.queue.push(request);
    }

    /// Adds the answer to the modal shown.
    pub fn answer(&mut self, answer: ModalAnswer) {
        self.queue.push(Request::Answer(answer));
    }

    /// Whether an answer that `kind` picks out is queued already: a question's window that
    /// closes by itself gives its answer only when no button gave one first.
    #[must_use]
    pub fn answered(&self, kind: impl Fn(&ModalAnswer) -> bool) -> bool {
        self.queue.iter().any(|request| match request {
            Request::Answer(answer) => kind(answer),
            _ => false,
        })
    }

    /// Adds changes to the document, in their order.
    pub fn edits(&mut self, edits: impl IntoIterator<Item = Edit>) {
        self.queue.extend(edits.into_iter().map(Request::Edit));
    }

    /// Whether a request of the kind `kind` picks out is queued already: a question's
    /// window that closes by itself gives its answer only when no button gave one first.
    #[must_use]
    pub fn asked(&self, kind: impl Fn(&Request) -> bool) -> bool {
        self.queue.iter().any(kind)
    }

    /// The requests, in the order they were made.
    #[must_use]
    pub fn into_queue(self) -> Vec<Request> {
        self.queue
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_requests_of_one_kind_in_a_frame_both_stay_in_order() {
        let mut requests = UiRequests::default();
        requests.push(Request::Command(UiCommand::AddRow));
        requests.edits([Edit::SetTitle("A".into())]);
        requests.push(Request::Command(UiCommand::Save));
        assert!(requests.asked(|request| matches!(request, Request::Command(UiCommand::Save))));
        assert!(!requests.answered(|answer| matches!(answer, ModalAnswer::Guard(_))));
        requests.answer(ModalAnswer::DismissError);
        assert!(requests.answered(|answer| matches!(answer, ModalAnswer::DismissError)));
        let queue = requests.into_queue();
        assert!(matches!(
            queue.as_slice(),
            [
                Request::Command(UiCommand::AddRow),
                Request::Edit(Edit::SetTitle(_)),
                Request::Command(UiCommand::Save),
                Request::Answer(ModalAnswer::DismissError)
            ]
        ));
    }
}
