//! What the editor is working on, below both the panels (`ui`) and the window glue (`app`):
//! the open document with its undo history, the settings kept between runs, the clock, the
//! command list, the questions waiting for an answer, the folder under review, and the
//! requests the panels hand back each frame, and how attached files are shown. Nothing here draws or touches a window, so the
//! panels and the app can both use it without using each other.

mod attachment_look;
mod clock;
mod commands;
mod document;
mod held_back;
mod history;
mod import_report;
mod modal;
mod part;
mod questions;
mod requests;
mod review;
mod settings;
mod snapshot;
mod templates;

pub use attachment_look::{Look, Looks, MAX_IMAGE_PIXELS, image_look, missing_files};
#[cfg(feature = "testing")]
pub use clock::FixedClock;
pub use clock::{Clock, SystemClock};
pub use commands::UiCommand;
pub use document::{OpenDocument, PublicPreview};
pub use held_back::HeldBack;
pub use import_report::ImportReport;
pub use modal::{Modal, ModalAnswer, ModalKind, Modals, Viewer};
pub use part::Part;
pub use questions::{
    DiskAnswer, DiskChange, GuardAnswer, GuardedAction, HeldBackAnswer, OverwriteAnswer,
    PathPrompt, PromptAnswer, PromptPurpose, RecoveryAnswer, ReplaceAnswer, ReplaceQuestion,
    SaveRequest,
};
pub use requests::{Request, ReviewRequest, SlackChoice, UiRequests};
pub use review::{
    ReviewExport, ReviewSession, ScanAnswer, SearchAnswer, StatsAnswer, StatsPeriod, StatsResult,
};
pub use settings::Settings;
pub use templates::{
    TEMPLATES_FOLDER, TemplateAnswer, TemplateChoice, TemplateChooser, TemplateSource,
    repository_templates,
};
