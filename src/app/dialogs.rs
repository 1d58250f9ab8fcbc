//! Native file dialogs behind a trait, so tests script them and the window never waits on one.

use std::future::Future;
use std::path::PathBuf;
use std::pin::Pin;
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// What a dialog is for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DialogKind {
    /// Pick an existing postmortem to open.
    Open,
    /// Pick where to save, suggesting a file name.
    Save {
        /// The name offered in the dialog.
        suggested_name: String,
    },
    /// Pick a folder of postmortems to review.
    Folder,
    /// Pick a file to read timeline rows from: text, a pager's log, a Slack export's zip.
    ImportSource,
    /// Pick the folder of a Slack export to read timeline rows from.
    ImportFolder,
    /// Pick a postmortem written in Markdown to import.
    ImportMarkdown,
    /// Pick a folder of the team's templates.
    TemplatesFolder,
    /// Pick a file to attach: a graph, a screenshot, a log excerpt.
    Attach,
    /// Pick where to write an export.
    Export {
        /// The name offered in the dialog.
        suggested_name: String,
        /// What the file is, for the dialog's filter ("CSV").
        filter_name: String,
        /// The file extension, without the dot.
        extension: String,
    },
}

/// A dialog to show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DialogRequest {
    /// Open or save.
    pub kind: DialogKind,
    /// The folder to start in, usually that of the open document.
    pub start_folder: Option<PathBuf>,
}

/// How a dialog ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DialogOutcome {
    /// The person chose this file.
    Chosen(PathBuf),
    /// The person closed the dialog without choosing.
    Cancelled,
    /// No dialog could be shown; the text says why, for the person to read.
    Unavailable(String),
}

/// Shows file dialogs without blocking the caller.
pub trait FileDialogs {
    /// Starts a dialog. Its outcome arrives on the returned channel; `wake` is called when it
    /// does, so the window can redraw instead of polling.
    fn show(
        &mut self,
        request: DialogRequest,
        wake: Box<dyn Fn() + Send>,
    ) -> mpsc::Receiver<DialogOutcome>;
}

type DialogFuture = Pin<Box<dyn Future<Output = Option<rfd::FileHandle>> + Send>>;

/// Native dialogs through `rfd`.
#[derive(Debug, Default)]
pub struct NativeDialogs;

/// No person cancels a dialog this fast; an answer sooner means none was shown (on Linux,
/// `rfd` answers "cancelled" at once when neither the desktop portal nor zenity is there).
const TOO_FAST_TO_BE_A_PERSON: Duration = Duration::from_millis(300);

impl FileDialogs for NativeDialogs {
    fn show(
        &mut self,
        request: DialogRequest,
        wake: Box<dyn Fn() + Send>,
    ) -> mpsc::Receiver<DialogOutcome> {
        let (sender, receiver) = mpsc::channel();
        let mut dialog = rfd::AsyncFileDialog::new();
        if matches!(request.kind, DialogKind::Open | DialogKind::Save { .. }) {
            dialog = dialog.add_filter("Hindsight postmortem", &["ron"]);
        }
        if let Some(folder) = &request.start_folder {
            dialog = dialog.set_directory(folder);
        }
        // The dialog is created here, on the UI thread (macOS requires it), and awaited on a
        // helper thread so the window keeps drawing while it is open.
        let future: DialogFuture = match request.kind {
            DialogKind::Open => Box::pin(dialog.set_title("Open postmortem").pick_file()),
            DialogKind::Save { suggested_name } => Box::pin(
                dialog
                    .set_title("Save postmortem")
                    .set_file_name(suggested_name)
                    .save_file(),
            ),
            DialogKind::Folder => Box::pin(
                dialog
                    .set_title("Review a folder of postmortems")
                    .pick_folder(),
            ),
            DialogKind::ImportSource => Box::pin(
                dialog
                    .set_title("Import timeline rows")
                    .add_filter(
                        "Chat text, logs, tables and Slack exports",
                        &["txt", "log", "md", "csv", "tsv", "json", "zip"],
                    )
                    .add_filter("All files", &["*"])
                    .pick_file(),
            ),
            DialogKind::ImportMarkdown => Box::pin(
                dialog
                    .set_title("Import a Markdown postmortem")
                    .add_filter("Markdown", &["md", "markdown", "txt"])
                    .add_filter("All files", &["*"])
                    .pick_file(),
            ),
            DialogKind::Attach => Box::pin(
                dialog
                    .set_title("Attach a file")
                    .add_filter("Images", &["png", "jpg", "jpeg", "gif", "webp", "svg"])
                    .add_filter("All files", &["*"])
                    .pick_file(),
            ),
            DialogKind::TemplatesFolder => Box::pin(
                dialog
                    .set_title("Choose a folder of templates")
                    .pick_folder(),
            ),
            DialogKind::ImportFolder => Box::pin(
                dialog
                    .set_title("Import from a Slack export folder")
                    .pick_folder(),
            ),
            DialogKind::Export {
                suggested_name,
                filter_name,
                extension,
            } => Box::pin(
                dialog
                    .set_title("Export")
                    .add_filter(filter_name, &[extension])
                    .set_file_name(suggested_name)
                    .save_file(),
            ),
        };
        let started = Instant::now();
        std::thread::spawn(move || {
            let outcome = match pollster::block_on(future) {
                Some(handle) => DialogOutcome::Chosen(handle.path().to_owned()),
                None if started.elapsed() < TOO_FAST_TO_BE_A_PERSON => {
                    DialogOutcome::Unavailable(NO_DIALOG_REASON.to_owned())
                }
                None => DialogOutcome::Cancelled,
            };
            // The receiver is gone only if the app closed meanwhile; nobody is left to tell.
            let _receiver_gone = sender.send(outcome);
            wake();
        });
        receiver
    }
}

const NO_DIALOG_REASON: &str = if cfg!(target_os = "linux") {
    "No file dialog could be shown. On Linux, Hindsight uses the XDG desktop portal \
     (xdg-desktop-portal) or zenity; install one of them, or type the path here."
} else {
    "No file dialog could be shown. Type the path here."
};
