//! Builds the whole editor in an `egui_kittest` harness, the same way for every UI test, with
//! scripted file dialogs and a fixed "today".

#![allow(
    dead_code,
    reason = "each test file uses a different part of this helper"
)]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a panic in a test helper is a failed test with its message"
)]

use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, mpsc};

use chrono::NaiveDate;
use egui_kittest::Harness;
pub use egui_kittest::kittest::Queryable;
use hindsight::app::{
    DialogOutcome, DialogRequest, FileDialogs, FixedClock, HindsightApp, OpenDocument, Settings,
};
use hindsight::example::example_postmortem;

/// The editor on the postmortem at `path`, as opening the file gives it.
pub fn editor_on_file(path: &Path) -> Harness<'static, HindsightApp> {
    let document =
        OpenDocument::from_file(hindsight::storage::load(path).unwrap(), path.to_owned());
    harness_for(app_with(document, &ScriptedDialogs::default()))
}

/// Another program (git, `set-ticket`, another window) rewrites the postmortem at `path`
/// with `change` made to it.
pub fn rewrite_on_disk(path: &Path, change: impl FnOnce(&mut hindsight::model::Postmortem)) {
    let mut doc = hindsight::storage::load(path).unwrap();
    change(&mut doc);
    hindsight::storage::save(path, &doc).unwrap();
}

/// The day every UI test runs on.
pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 8, 10).unwrap()
}

/// File dialogs that answer from a script and remember what they were asked.
#[derive(Clone, Default)]
pub struct ScriptedDialogs {
    answers: Arc<Mutex<VecDeque<DialogOutcome>>>,
    asked: Arc<Mutex<Vec<DialogRequest>>>,
}

impl ScriptedDialogs {
    /// The next dialog will answer with `outcome`.
    pub fn will_answer(&self, outcome: DialogOutcome) {
        self.answers.lock().unwrap().push_back(outcome);
    }

    /// Every dialog shown so far.
    pub fn asked(&self) -> Vec<DialogRequest> {
        self.asked.lock().unwrap().clone()
    }
}

impl FileDialogs for ScriptedDialogs {
    fn show(
        &mut self,
        request: DialogRequest,
        wake: Box<dyn Fn() + Send>,
    ) -> mpsc::Receiver<DialogOutcome> {
        self.asked.lock().unwrap().push(request);
        let (sender, receiver) = mpsc::channel();
        let outcome = self
            .answers
            .lock()
            .unwrap()
            .pop_front()
            .expect("a dialog was shown that the test did not script");
        sender.send(outcome).unwrap();
        wake();
        receiver
    }
}

/// The editor as it starts with no file named: the example, untitled.
pub fn editor_with_example(dialogs: &ScriptedDialogs) -> Harness<'static, HindsightApp> {
    let document = OpenDocument::untitled(example_postmortem().unwrap());
    editor(document, dialogs)
}

/// The editor as `hindsight [FILE]` starts it.
pub fn editor_from_command_line(
    file: Option<PathBuf>,
    dialogs: &ScriptedDialogs,
) -> Harness<'static, HindsightApp> {
    let app = HindsightApp::starting_with(
        file,
        Box::new(dialogs.clone()),
        Box::new(FixedClock(today())),
        Settings::default(),
    );
    harness_for(app)
}

/// The editor showing `document`, before it is put in a harness (to add recovery copies or
/// a failing file writer).
pub fn app_with(document: OpenDocument, dialogs: &ScriptedDialogs) -> HindsightApp {
    HindsightApp::new(
        document,
        Box::new(dialogs.clone()),
        Box::new(FixedClock(today())),
        Settings::default(),
    )
}

/// The editor showing `document`.
pub fn editor(document: OpenDocument, dialogs: &ScriptedDialogs) -> Harness<'static, HindsightApp> {
    let app = HindsightApp::new(
        document,
        Box::new(dialogs.clone()),
        Box::new(FixedClock(today())),
        Settings::default(),
    );
    harness_for(app)
}

/// A harness around `app`, stepping at 60 Hz.
pub fn harness_for(app: HindsightApp) -> Harness<'static, HindsightApp> {
    harness_at(app, egui::vec2(1400.0, 860.0))
}

/// A harness around `app` in a window of `size`, stepping at 60 Hz.
pub fn harness_at(app: HindsightApp, size: egui::Vec2) -> Harness<'static, HindsightApp> {
    let mut harness = Harness::builder()
        .with_size(size)
        // Frames at 60 Hz, as on a real screen: two clicks a frame apart are a double-click.
        .with_step_dt(1.0 / 60.0)
        // Tooltips wait half a second before they show: allow the frames that takes.
        .with_max_steps(120)
        .build_ui_state(|ui, app: &mut HindsightApp| app.frame_ui(ui), app);
    harness.run();
    harness
}

/// Opens the File menu and clicks one of its items.
pub fn click_file_menu(harness: &mut Harness<'_, HindsightApp>, item: &str) {
    harness.get_by_label("File").click();
    harness.run();
    // Menu items with a shortcut are labelled with it too: "Save Ctrl+S".
    let with_shortcut = format!("{item} Ctrl+");
    harness
        .get_by(|node| {
            node.label()
                .is_some_and(|label| label == item || label.starts_with(&with_shortcut))
        })
        .click();
    harness.run();
}

/// Scrolls the labelled widget into view and clicks it, as a person would.
pub fn click(harness: &mut Harness<'_, HindsightApp>, label: &str) {
    harness.get_by_label(label).scroll_to_me();
    harness.run();
    harness.get_by_label(label).click();
    harness.run();
}

/// Replaces the text of the labelled field with `text`, as a person would: click into it,
/// select all, type (or delete, for no text).
pub fn retype(harness: &mut Harness<'_, HindsightApp>, label: &str, text: &str) {
    click(harness, label);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.run();
    if text.is_empty() {
        harness.key_press(egui::Key::Delete);
    } else {
        harness.get_by_label(label).type_text(text);
    }
    harness.run();
}

/// A copy of the example in a temporary folder.
pub fn example_file(dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, hindsight::example::EXAMPLE_RON).unwrap();
    path
}

/// Picks `option` in the open drop-down below the combo box labelled `combo`.
pub fn choose(harness: &mut Harness<'_, HindsightApp>, combo: &str, option: &str) {
    // By role: a column header or a label beside it may have the same name.
    let combo_box = |harness: &Harness<'_, HindsightApp>| {
        harness
            .get_by_role_and_label(egui::accesskit::Role::ComboBox, combo)
            .rect()
    };
    harness
        .get_by_role_and_label(egui::accesskit::Role::ComboBox, combo)
        .scroll_to_me();
    harness.run();
    harness
        .get_by_role_and_label(egui::accesskit::Role::ComboBox, combo)
        .click();
    harness.run();
    let below = combo_box(harness).top();
    let target = harness
        .get_all_by_label(option)
        .find(|node| node.rect().top() > below)
        .unwrap()
        .rect()
        .center();
    harness.hover_at(target);
    harness.drag_at(target);
    harness.run();
    harness.drop_at(target);
    harness.run();
}

/// The window comes back to the front, as after switching from a terminal running git.
pub fn focus_window(harness: &mut Harness<'_, HindsightApp>) {
    harness
        .input_mut()
        .events
        .push(egui::Event::WindowFocused(true));
    harness.run();
}

/// Ctrl+S, as a person saves.
pub fn save(harness: &mut Harness<'_, HindsightApp>) {
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    harness.run();
}

/// The web addresses the editor asked the system to open this frame.
pub fn opened_urls(harness: &Harness<'_, HindsightApp>) -> Vec<String> {
    harness
        .output()
        .platform_output
        .commands
        .iter()
        .filter_map(|command| match command {
            egui::OutputCommand::OpenUrl(open) => Some(open.url.clone()),
            _ => None,
        })
        .collect()
}

/// The note of a recovery copy written at 17:45 the day before [`today`], for `file` as the
/// lost session knew it.
pub fn recovery_info(
    file: Option<PathBuf>,
    file_content: Option<hindsight::storage::ContentHash>,
) -> hindsight::storage::RecoveryInfo {
    hindsight::storage::RecoveryInfo {
        file,
        written: NaiveDate::from_ymd_opt(2025, 8, 9)
            .unwrap()
            .and_hms_opt(17, 45, 0)
            .unwrap(),
        file_content,
    }
}

/// Opens the paste form below timeline row 13 and pastes `text` into it, as Ctrl+Shift+V
/// and the clipboard do.
pub fn paste_below_row_13(harness: &mut Harness<'_, HindsightApp>, text: &str) {
    click(harness, "Event, row 13");
    harness.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::V,
    );
    harness.run();
    harness.get_by_role_and_label(egui::accesskit::Role::Dialog, "Paste from chat");
    harness.event(egui::Event::Paste(text.to_owned()));
    harness.run();
}

/// Opens the Timeline menu and chooses `item` in it.
pub fn timeline_menu(harness: &mut Harness<'_, HindsightApp>, item: &str) {
    harness
        .get_by(|node| {
            node.role() == egui::accesskit::Role::Button
                && node.label().as_deref() == Some("Timeline")
        })
        .click();
    harness.run();
    click(harness, item);
}

/// Opens File → Review folder… on `dir` and waits for the scan to finish.
pub fn reviewing(dir: &Path) -> Harness<'static, HindsightApp> {
    reviewing_with(dir, &ScriptedDialogs::default())
}

/// As [`reviewing`], with the dialogs the test scripts.
pub fn reviewing_with(dir: &Path, dialogs: &ScriptedDialogs) -> Harness<'static, HindsightApp> {
    let mut harness = editor_with_example(dialogs);
    dialogs.will_answer(DialogOutcome::Chosen(dir.to_owned()));
    click_file_menu(&mut harness, "Review folder\u{2026}");
    assert_eq!(dialogs.asked()[0].kind, hindsight::app::DialogKind::Folder);
    wait_for_review(&mut harness);
    assert_eq!(harness.state().part(), hindsight::ui::Part::Review);
    harness
}

/// Lets the review's scan of its folder finish, then draws its result.
pub fn wait_for_review(harness: &mut Harness<'_, HindsightApp>) {
    for _ in 0..200 {
        harness.run();
        if !harness.state().review_running() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    harness.run();
}

/// A file dropped on the window from a file manager.
#[derive(Debug)]
pub struct DroppedPath(pub PathBuf);

impl egui::DroppedFile for DroppedPath {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|error| error.to_string())
    }
}

/// Drops `paths` on the window, as a file manager does, and runs the frames that follow.
pub fn drop_files(harness: &mut Harness<'_, HindsightApp>, paths: &[PathBuf]) {
    for path in paths {
        harness
            .input_mut()
            .dropped_files
            .push(Arc::new(DroppedPath(path.clone())));
    }
    harness.run();
}
