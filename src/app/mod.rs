//! The eframe application: the open document, file commands, dialogs, and the guard that
//! never lets unsaved work go silently.
//!
//! The UI draws from this state and hands back what the person asked for; the requests are
//! carried out here after layout.

mod answers;
mod attach_flow;
mod autosave;
mod dialogs;
mod disk_flow;
mod disk_watch;
mod export_flow;
mod file_flow;
mod files;
mod import_flow;
#[cfg(feature = "testing")]
mod inspect;
mod recovery_flow;
mod review_flow;
mod template_flow;
mod typed_text_flow;
mod window_fit;

pub use autosave::MAX_DELAY_SECONDS;
pub use dialogs::{DialogKind, DialogOutcome, DialogRequest, FileDialogs, NativeDialogs};
pub use file_flow::resolve_typed_path;
pub use files::{AtomicFileWriter, FileWriter};
// What the editor works on lives in `session`; these names are the app's public face too.
#[cfg(feature = "testing")]
pub use crate::session::FixedClock;
pub use crate::session::{
    Clock, DiskAnswer, DiskChange, GuardAnswer, GuardedAction, OpenDocument, OverwriteAnswer,
    PathPrompt, PromptAnswer, PromptPurpose, RecoveryAnswer, ReplaceAnswer, ReplaceQuestion,
    ReviewSession, Settings, SystemClock, UiCommand,
};

use std::path::PathBuf;
use std::sync::mpsc;

use crate::example::example_postmortem;
use crate::model::{Place, Postmortem};
use crate::session::{Modal, Modals};
use crate::session::{Part, Request, ReviewExport, ReviewRequest, UiRequests};
use crate::storage::RecoveryFolder;
use crate::ui;

/// What a dialog that is open right now will be used for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum DialogPurpose {
    Open,
    SaveAs,
    ReviewFolder,
    ImportTimeline,
    ImportSlackFolder,
    ImportMarkdown,
    TemplatesFolder,
    ReviewExport(ReviewExport),
    Export(crate::export::ExportFormat),
    ExportPublic(crate::export::ExportFormat),
    Attach(crate::model::AttachedTo),
}

/// A dialog that has been started and has not answered yet.
struct PendingDialog {
    purpose: DialogPurpose,
    outcome: mpsc::Receiver<DialogOutcome>,
}

/// The Hindsight editor.
pub struct HindsightApp {
    document: OpenDocument,
    part: Part,
    dialogs: Box<dyn FileDialogs>,
    clock: Box<dyn Clock>,
    settings: Settings,
    pending_dialog: Option<PendingDialog>,
    /// An action to carry out once the "Save as" it is waiting for succeeds.
    after_save: Option<GuardedAction>,
    /// The questions and messages waiting for an answer; the most urgent shows.
    modals: Modals,
    status: String,
    /// Set once the person has agreed to close, so the next close request goes through.
    allow_close: bool,
    window_title: String,
    /// Where the keyboard focus goes in the next frame, after a click on a finding.
    focus_target: Option<Place>,
    /// What the panels remember between frames: selection, focus, text being typed.
    panels: ui::PanelState,
    /// The folder under review, if one is.
    review: Option<ReviewSession>,
    /// The place to show in the next document opened (from the review).
    select_after_open: Option<Place>,
    /// Writes saves and exports.
    writer: Box<dyn FileWriter>,
    /// This session's recovery copies, when they are on.
    autosave: Option<autosave::Autosave>,
    /// Watches the document's file for changes made by other programs.
    disk: Option<disk_watch::DiskWatch>,
    /// A change to the file on disk the person has not answered yet.
    disk_change: Option<DiskChange>,
    /// Where new files go when there is no open file to put them beside.
    home_folder: PathBuf,
    /// The folder the last file was imported from: the next import starts there, as the
    /// material of one incident is often kept together.
    import_folder: Option<PathBuf>,
    /// A save waiting one frame for the field being typed in to take its text.
    save_waiting: Option<crate::session::SaveRequest>,
    /// The field that had the keyboard when a save took it away, to give it back after.
    refocus: Option<egui::Id>,
    /// A folder named on the command line, reviewed from the first frame.
    review_on_start: Option<PathBuf>,
    /// Whether the window was checked against its screen (once its size was known).
    window_fitted: bool,
    /// The bytes of files attached to a document that has no file yet, by their paths in
    /// it: its first save puts them in the folder beside it.
    unsaved_files: std::collections::BTreeMap<String, Vec<u8>>,
    /// How each attachment is shown, worked out once per file.
    looks: crate::session::Looks,
    /// Files in the attachments folder Hindsight did not write that the person chose to
    /// keep: not asked about again.
    foreign_files_kept: std::collections::BTreeSet<String>,
}

impl HindsightApp {
    /// An editor showing `document`, with the given dialogs, clock and remembered settings.
    #[must_use]
    pub fn new(
        document: OpenDocument,
        dialogs: Box<dyn FileDialogs>,
        clock: Box<dyn Clock>,
        settings: Settings,
    ) -> Self {
        let disk = watch_for(&document);
        let mut panels = ui::PanelState::default();
        panels.review.chart_folded = settings.review_chart_folded;
        Self {
            document,
            part: Part::Overview,
            dialogs,
            clock,
            settings,
            pending_dialog: None,
            after_save: None,
            modals: Modals::default(),
            status: String::new(),
            allow_close: false,
            window_title: String::new(),
            focus_target: None,
            panels,
            review: None,
            select_after_open: None,
            writer: Box::new(AtomicFileWriter),
            autosave: None,
            disk,
            disk_change: None,
            home_folder: default_home_folder(),
            import_folder: None,
            save_waiting: None,
            refocus: None,
            review_on_start: None,
            window_fitted: false,
            unsaved_files: std::collections::BTreeMap::new(),
            looks: crate::session::Looks::new(),
            foreign_files_kept: std::collections::BTreeSet::new(),
        }
    }

    /// The editor as the `hindsight` command starts it: the named file; with none, the file
    /// open when the editor was last closed (if it still opens), else the bundled example as
    /// an untitled document.
    #[must_use]
    pub fn starting_with(
        file: Option<PathBuf>,
        dialogs: Box<dyn FileDialogs>,
        clock: Box<dyn Clock>,
        settings: Settings,
    ) -> Self {
        let blank = || OpenDocument::untitled(Postmortem::default());
        let last_open = settings.last_open.clone();
        let mut app = Self::new(blank(), dialogs, clock, settings);
        // A folder named on the command line is reviewed, as File → Review folder… does,
        // beside the document the editor would open with no file named.
        let file = match file {
            Some(folder) if folder.is_dir() => {
                app.review_on_start = Some(folder);
                None
            }
            file => file,
        };
        if let Some(path) = file {
            // A Markdown postmortem named on the command line is imported, as File → Import
            // Markdown… does.
            if is_markdown(&path) {
                app.import_markdown_file(&path);
            } else {
                app.open_path(path);
            }
            return app;
        }
        // The file the person had open when they last closed the editor, if it is still
        // there; otherwise the example, named as such.
        if let Some(path) = last_open {
            if path.is_file() {
                app.open_path(path);
                if app.document.path().is_some() {
                    return app;
                }
            }
            app.settings.last_open = None;
        }
        match example_postmortem() {
            Ok(doc) => app.replace_document(OpenDocument::example(doc)),
            Err(error) => {
                app.modals.open(Modal::Error(format!(
                    "The bundled example did not open: {error}"
                )));
            }
        }
        app
    }

    /// Draws one frame and then carries out what the person asked for in it.
    pub fn frame_ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        crate::ui::install_fallback_font(&ctx);
        // Thumbnails are read and decoded by egui's loaders, in the background.
        egui_extras::install_image_loaders(&ctx);
        // SVG drawings too, drawn on a thread of their own (egui_extras's would draw them here).
        crate::ui::install_svg_loader(&ctx);
        let revision_before = self.document.revision();
        let status_before = self.status.clone();
        self.receive_dialog_outcome(&ctx);
        if let Some(folder) = self.review_on_start.take() {
            self.start_review(&ctx, folder);
        }
        if !self.window_fitted {
            self.window_fitted = window_fit::fit_window_to_screen(&ctx);
        }
        self.poll_review(&ctx);

        let mut requests = UiRequests::default();
        if self.no_modal_open() {
            if let Some(command) = UiCommand::from_shortcuts(&ctx, self.part == Part::Timeline) {
                requests.push(Request::Command(command));
            }
            if let Some(path) = dropped_file(&ctx) {
                requests.push(Request::OpenFile(path));
            }
        }
        self.handle_close_request(&ctx);

        self.look_at_attachments(&ctx);
        let held_back = ui::held_back(&self.panels, self.document.doc());
        let missing_files = crate::session::missing_files(self.document.doc(), &self.looks);
        let view = ui::View {
            held_back: &held_back,
            document: &self.document,
            part: self.part,
            recent_files: &self.settings.recent_files,
            recent_review_folders: &self.settings.review_folders,
            status: &self.status,
            dialog_open: self.pending_dialog.is_some(),
            today: self.clock.today(),
            focus: self.focus_target.take(),
            review: self.review.as_ref(),
            export_options: self.settings.export_options,
            disk_change: self
                .disk_change
                .zip(self.disk.as_ref().map(disk_watch::DiskWatch::path)),
            recovery_failure: self.autosave.as_ref().and_then(autosave::Autosave::failure),
            looks: &self.looks,
            missing_files: &missing_files,
        };
        ui::editor_ui(ui, &view, &mut self.panels, &mut requests);
        self.attach_what_no_strip_took(&ctx, &mut requests);
        if let Some(shown) = self.modals.most_urgent() {
            ui::modals_ui(&ctx, shown, &self.document, &self.looks, &mut requests);
        }

        self.apply(&ctx, requests);
        // "Saved …" or "Opened …" describe the state before this frame's change: an edit
        // (or undo) that sets no message of its own clears them.
        if self.document.revision() != revision_before && self.status == status_before {
            self.status.clear();
        }
        self.keep_recovery_copy(&ctx);
        self.watch_disk(&ctx);
        self.update_window_title(&ctx);
    }

    fn no_modal_open(&self) -> bool {
        self.modals.none_open()
    }

    /// Carries out what the UI collected during the frame, after layout, in the order it was
    /// asked for. The frame's edits go first: they are what was typed into the document this
    /// frame shows, and a command given in the same frame (a save) acts on the document with
    /// them.
    fn apply(&mut self, ctx: &egui::Context, requests: UiRequests) {
        let now = ctx.input(|input| input.time);
        let (edits, others): (Vec<Request>, Vec<Request>) = requests
            .into_queue()
            .into_iter()
            .partition(|request| matches!(request, Request::Edit(_)));
        for request in edits {
            if let Request::Edit(edit) = request {
                self.document.apply_at(edit, now);
            }
        }
        // A save asked for last frame goes on now that the field it waited for has taken its
        // text (among the edits just applied).
        self.continue_waiting_save(ctx);
        for request in others {
            self.answer(ctx, request);
        }
    }

    /// Carries out one request that is not an edit.
    fn answer(&mut self, ctx: &egui::Context, request: Request) {
        match request {
            Request::Edit(edit) => self.document.apply_at(edit, ctx.input(|input| input.time)),
            Request::ShowPart(part) => self.show_chosen_part(ctx, part),
            Request::GoTo(place) => {
                self.part = Part::showing(place);
                self.focus_target = Some(place);
                ctx.request_repaint();
            }
            Request::Answer(answer) => self.answer_modal(ctx, answer),
            Request::Disk(answer) => self.answer_disk(ctx, answer),
            Request::Review(request) => self.answer_review(ctx, request),
            Request::ImportSlack(choice) => self.import_slack(&choice),
            Request::ExportOptions(options) => self.settings.export_options = options,
            Request::Export(format) => self.start_dialog(ctx, DialogPurpose::Export(format)),
            Request::ExportPublic(format) => {
                self.start_dialog(ctx, DialogPurpose::ExportPublic(format));
            }
            Request::CopyMarkdown(portion) => self.copy_markdown(ctx, portion),
            Request::OpenFile(path) => {
                let action = if is_markdown(&path) {
                    GuardedAction::ImportMarkdownPath(path)
                } else {
                    GuardedAction::OpenPath(path)
                };
                self.request(ctx, action);
            }
            Request::Command(command) => self.run_command(ctx, command),
            Request::Attach(place) => self.start_dialog(ctx, DialogPurpose::Attach(place)),
            Request::AttachFiles(paths, place) => self.attach_paths(&paths, place),
            Request::AttachImage(image, place) => self.attach_pasted_image(&image, place),
            Request::ViewAttachment(index) => {
                if index < self.document.doc().attachments.len() {
                    self.modals.open(Modal::Viewer(crate::session::Viewer {
                        index,
                        scene: egui::Rect::ZERO,
                    }));
                }
            }
        }
    }

    /// Shows another document; what the panels remembered about the old one is dropped
    /// (the review of a folder stays: it is not about one document).
    fn replace_document(&mut self, document: OpenDocument) {
        self.unsaved_files.clear();
        self.foreign_files_kept.clear();
        self.looks.clear();
        self.disk = watch_for(&document);
        self.disk_change = None;
        self.document = document;
        self.find_team_rules();
        let review = std::mem::take(&mut self.panels.review);
        self.panels = ui::PanelState {
            review,
            ..ui::PanelState::default()
        };
        if let Some(place) = self.select_after_open.take() {
            self.part = Part::showing(place);
            self.focus_target = Some(place);
            if let Place::ActionItem(id) = place {
                self.panels.actions.show_item(id);
            }
        }
    }

    /// Checks the document under the rules of the nearest `hindsight.toml` above its file
    /// (the team's list of tags); a mistake in that file is said in the status bar.
    fn find_team_rules(&mut self) {
        let Some(path) = self.document.path() else {
            self.document.set_rules(crate::model::TeamRules::default());
            return;
        };
        match crate::review::FolderSettings::for_document(path) {
            Ok((settings, _)) => self.document.set_rules(settings.rules()),
            Err(reason) => {
                self.document.set_rules(crate::model::TeamRules::default());
                self.status = format!("The team's settings were not read: {reason}");
            }
        }
    }

    fn answer_review(&mut self, ctx: &egui::Context, request: ReviewRequest) {
        match request {
            ReviewRequest::Folder(folder) => self.start_review(ctx, folder),
            ReviewRequest::Cancel => self.cancel_review(),
            ReviewRequest::Refresh => self.refresh_review(ctx),
            ReviewRequest::OpenAt(path, place) => self.open_review_place(ctx, path, place),
            ReviewRequest::Stats(period) => self.start_stats(ctx, period),
            ReviewRequest::Search(query) => self.start_search(ctx, query),
            ReviewRequest::Export(format) => {
                self.start_dialog(ctx, DialogPurpose::ReviewExport(format));
            }
        }
    }

    /// The settings as they would be kept between runs if the editor closed now.
    #[must_use]
    pub fn settings_to_keep(&self) -> Settings {
        let mut settings = self.settings.clone();
        settings.last_open = self.document.path().map(ToOwned::to_owned);
        settings.review_chart_folded = self.panels.review.chart_folded;
        settings
    }

    fn run_command(&mut self, ctx: &egui::Context, command: UiCommand) {
        match command {
            UiCommand::New => self.request(ctx, GuardedAction::New),
            UiCommand::NewFromTemplate => self.offer_templates(),
            UiCommand::Open => self.request(ctx, GuardedAction::Open),
            UiCommand::OpenPath => self.request(ctx, GuardedAction::OpenTypedPath),
            UiCommand::ImportMarkdown => self.request(ctx, GuardedAction::ImportMarkdown),
            UiCommand::Save => self.request_save(ctx, crate::session::SaveRequest::Save),
            UiCommand::SaveAs => self.request_save(ctx, crate::session::SaveRequest::SaveAs),
            UiCommand::Quit => self.request(ctx, GuardedAction::Quit),
            UiCommand::ReviewFolder => self.start_dialog(ctx, DialogPurpose::ReviewFolder),
            UiCommand::ImportTimeline => {
                self.part = Part::Timeline;
                self.start_dialog(ctx, DialogPurpose::ImportTimeline);
            }
            UiCommand::ImportSlackFolder => {
                self.part = Part::Timeline;
                self.start_dialog(ctx, DialogPurpose::ImportSlackFolder);
            }
            UiCommand::RecoverUnsaved => self.offer_recovery(),
            UiCommand::AddActionItem => {
                self.part = Part::ActionItems;
                let edit = ui::add_action_item(
                    self.document.doc(),
                    self.clock.today(),
                    &mut self.panels.actions,
                );
                self.document.apply(edit);
            }
            UiCommand::ShowPart(part) => self.show_chosen_part(ctx, part),
            UiCommand::AttachFile => {
                let place = self.place_in_view();
                self.start_dialog(ctx, DialogPurpose::Attach(place));
            }
            UiCommand::Undo => {
                self.document.undo();
            }
            UiCommand::Redo => {
                self.document.redo();
            }
            UiCommand::AddRow
            | UiCommand::InsertRowAbove
            | UiCommand::InsertRowBelow
            | UiCommand::DuplicateRow
            | UiCommand::DeleteRow
            | UiCommand::MoveRowUp
            | UiCommand::MoveRowDown
            | UiCommand::SortByTime
            | UiCommand::PasteFromChat => {
                // A timeline command shows the timeline, which works out the edit and where
                // its selection goes.
                self.part = Part::Timeline;
                let rows = &self.document.doc().timeline;
                if let Some(edit) = ui::timeline_edit(command, rows, &mut self.panels.timeline) {
                    self.document.apply(edit);
                }
            }
        }
    }

    /// Shows the part the person chose; the Review part, chosen before any folder is under
    /// review, reviews the folder reviewed last.
    fn show_chosen_part(&mut self, ctx: &egui::Context, part: Part) {
        self.part = part;
        if part == Part::Review && self.review.is_none() {
            self.review_last_folder(ctx);
        }
    }

    fn update_window_title(&mut self, ctx: &egui::Context) {
        let marker = if self.document.is_dirty() { "*" } else { "" };
        let title = format!(
            "{marker}{} \u{2014} Hindsight",
            self.document.display_name()
        );
        if title != self.window_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.window_title = title;
        }
        // Screen readers name the window from its accessibility node, not the title bar.
        ui::name_window(ctx, &self.window_title);
    }
}

/// A watch on the document's file, measured against the bytes the document was read from or
/// saved as when those are known.
fn watch_for(document: &OpenDocument) -> Option<disk_watch::DiskWatch> {
    let path = document.path()?;
    Some(match document.disk_content() {
        Some(hash) => disk_watch::DiskWatch::knowing(path, hash, 0.0),
        None => disk_watch::DiskWatch::new(path, 0.0),
    })
}

/// The person's documents folder, else their home folder, else the working folder.
fn default_home_folder() -> PathBuf {
    let user = directories::UserDirs::new();
    user.as_ref()
        .and_then(|dirs| dirs.document_dir().map(ToOwned::to_owned))
        .or_else(|| user.as_ref().map(|dirs| dirs.home_dir().to_owned()))
        .or_else(|| std::env::current_dir().ok())
        .unwrap_or_default()
}

/// The first postmortem (`.ron`) or Markdown postmortem to import (`.md`) dropped on the
/// window this frame.
fn dropped_file(ctx: &egui::Context) -> Option<PathBuf> {
    ctx.input(|input| {
        input
            .raw
            .dropped_files
            .iter()
            .map(|file| file.path())
            .find(|path| {
                is_markdown(path)
                    || path
                        .extension()
                        .is_some_and(|ext| ext.eq_ignore_ascii_case("ron"))
            })
            .map(std::path::Path::to_owned)
    })
}

/// Whether the file is named as Markdown (`.md`, `.markdown`).
pub(super) fn is_markdown(path: &std::path::Path) -> bool {
    path.extension()
        .is_some_and(|ext| ext.eq_ignore_ascii_case("md") || ext.eq_ignore_ascii_case("markdown"))
}

impl eframe::App for HindsightApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frame_ui(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        self.settings = self.settings_to_keep();
        eframe::set_value(storage, Settings::STORAGE_KEY, &self.settings);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.finish_recovery();
    }
}

/// The application's mark as the window's icon (256 px; the window manager scales it).
///
/// # Errors
/// When the bundled PNG cannot be decoded: the image decoder's own error, boxed because
/// eframe does not re-export the decoder's type.
pub fn window_icon() -> Result<egui::IconData, Box<dyn std::error::Error + Send + Sync>> {
    eframe::icon_data::from_png_bytes(include_bytes!("../../assets/icon/hindsight-256.png"))
        .map_err(Into::into)
}

/// Opens the editor window and runs until it is closed.
pub fn run(file: Option<PathBuf>) -> eframe::Result {
    let mut viewport = egui::ViewportBuilder::default();
    // The task bar and Alt+Tab show the mark; a broken asset would only cost the icon.
    if let Ok(icon) = window_icon() {
        viewport = viewport.with_icon(icon);
    }
    let options = eframe::NativeOptions {
        viewport: viewport
            .with_title("Hindsight")
            .with_app_id("hindsight")
            .with_inner_size([1400.0, 860.0])
            .with_min_inner_size([720.0, 480.0])
            .with_drag_and_drop(true),
        // OpenGL runs everywhere eframe does, including Mesa's software renderer under Xvfb,
        // and builds far faster than wgpu.
        renderer: eframe::Renderer::Glow,
        ..Default::default()
    };
    eframe::run_native(
        "Hindsight",
        options,
        Box::new(move |creation| {
            // Chinese, Japanese and Korean words in the system's own face, when it has one.
            if let Some((_, face)) = crate::ui::first_cjk_face(|path| std::fs::read(path).ok()) {
                crate::ui::install_cjk_face(&creation.egui_ctx, face);
            }
            let settings = creation
                .storage
                .and_then(|storage| eframe::get_value(storage, Settings::STORAGE_KEY))
                .unwrap_or_default();
            let app = HindsightApp::starting_with(
                file,
                Box::new(NativeDialogs),
                Box::new(SystemClock),
                settings,
            );
            Ok(Box::new(match RecoveryFolder::platform() {
                Some(folder) => app.with_recovery(folder),
                None => app,
            }))
        }),
    )
}
