//! The menu bar.

use super::accessible::accessible_name;
use super::paths::describe_path;
use super::view::View;
use crate::export::{ExportFormat, Portion};
use crate::session::UiCommand;
use crate::session::{Part, Request, ReviewRequest, UiRequests};

/// Draws the menu bar.
pub fn menu_bar_ui(ui: &mut egui::Ui, view: &View<'_>, requests: &mut UiRequests) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            for command in UiCommand::FILE_MENU {
                if command == UiCommand::Save {
                    recent_files_ui(ui, view, requests);
                    ui.separator();
                }
                if matches!(command, UiCommand::Quit | UiCommand::ReviewFolder) {
                    ui.separator();
                }
                command_button_ui(ui, command, command.label(), true, requests);
                if command == UiCommand::ReviewFolder {
                    recent_review_folders_ui(ui, view, requests);
                }
                if command == UiCommand::SaveAs {
                    ui.separator();
                    export_menu_ui(ui, view, requests);
                }
            }
        });
        ui.menu_button("Edit", |ui| {
            let document = view.document;
            for (command, label) in [
                (UiCommand::Undo, document.undo_label()),
                (UiCommand::Redo, document.redo_label()),
            ] {
                let text = label.map_or_else(
                    || command.label().to_owned(),
                    |what| format!("{} {what}", command.label()),
                );
                command_button_ui(ui, command, &text, label.is_some(), requests);
            }
            ui.separator();
            copy_markdown_ui(ui, view, requests);
            ui.separator();
            let add = UiCommand::AddActionItem;
            command_button_ui(ui, add, add.label(), true, requests);
            ui.menu_button("Go to", |ui| {
                for command in UiCommand::GO_TO {
                    command_button_ui(ui, command, command.label(), true, requests);
                }
            });
        });
        ui.menu_button("Timeline", |ui| {
            for command in UiCommand::TIMELINE_MENU {
                if command == UiCommand::SortByTime {
                    ui.separator();
                }
                command_button_ui(ui, command, command.label(), true, requests);
            }
        });
    });
}

fn export_menu_ui(ui: &mut egui::Ui, view: &View<'_>, requests: &mut UiRequests) {
    ui.menu_button("Export", |ui| {
        for format in ExportFormat::ALL {
            if ui.button(format.menu_label()).clicked() {
                requests.push(Request::Export(format));
            }
        }
        ui.separator();
        export_options_ui(ui, view, requests);
    });
}

/// The choices that shape Markdown and HTML exports (and the starred-only timeline CSV),
/// remembered between runs.
fn export_options_ui(ui: &mut egui::Ui, view: &View<'_>, requests: &mut UiRequests) {
    let mut options = view.export_options;
    ui.checkbox(&mut options.starred_only, "Only starred timeline rows");
    ui.checkbox(&mut options.skip_empty_sections, "Leave out empty sections");
    ui.checkbox(&mut options.exact_csv, "Exact CSV cells, formulas too")
        .on_hover_text(
            "CSV cells starting with =, +, -, @, a tab or a line break are written with a \
             leading ' so spreadsheets show them as text. Tick this to write them exactly as \
             typed; a spreadsheet may then run them as formulas. Applies to every CSV export \
             until Hindsight is closed.",
        );
    if options != view.export_options {
        requests.push(Request::ExportOptions(options));
    }
}

fn copy_markdown_ui(ui: &mut egui::Ui, view: &View<'_>, requests: &mut UiRequests) {
    if ui.button("Copy as Markdown").clicked() {
        requests.push(Request::CopyMarkdown(Portion::Whole));
    }
    if let Some(portion) = portion_of(view.part) {
        let label = format!("Copy {} as Markdown", view.part.label().to_lowercase());
        if ui.button(label).clicked() {
            requests.push(Request::CopyMarkdown(portion));
        }
    }
    ui.menu_button("Markdown options", |ui| {
        export_options_ui(ui, view, requests);
    });
}

/// The portion of the document a part of the editor shows, when it is one that copies as
/// Markdown.
const fn portion_of(part: Part) -> Option<Portion> {
    match part {
        Part::Overview => Some(Portion::Overview),
        Part::Timeline => Some(Portion::Timeline),
        Part::Analysis => Some(Portion::Analysis),
        Part::ActionItems => Some(Portion::ActionItems),
        Part::Checks | Part::Public | Part::Review => None,
    }
}

fn recent_files_ui(ui: &mut egui::Ui, view: &View<'_>, requests: &mut UiRequests) {
    ui.add_enabled_ui(!view.recent_files.is_empty(), |ui| {
        ui.menu_button("Open recent", |ui| {
            for path in view.recent_files {
                if ui
                    .button(describe_path(path))
                    .on_hover_text(path.display().to_string())
                    .clicked()
                {
                    requests.push(Request::OpenFile(path.clone()));
                }
            }
        });
    });
}

fn recent_review_folders_ui(ui: &mut egui::Ui, view: &View<'_>, requests: &mut UiRequests) {
    ui.add_enabled_ui(!view.recent_review_folders.is_empty(), |ui| {
        ui.menu_button("Review recent", |ui| {
            for folder in view.recent_review_folders {
                if ui
                    .button(describe_path(folder))
                    .on_hover_text(folder.display().to_string())
                    .clicked()
                {
                    requests.push(Request::Review(ReviewRequest::Folder(folder.clone())));
                }
            }
        });
    });
}

/// A button that gives `command`, showing its shortcut beside `text`. The toolbar uses it too,
/// so a command reads the same wherever it is offered.
pub fn command_button_ui(
    ui: &mut egui::Ui,
    command: UiCommand,
    text: &str,
    enabled: bool,
    requests: &mut UiRequests,
) {
    let mut button = egui::Button::new(text);
    if let Some(shortcut) = command.shortcut() {
        button = button.shortcut_text(ui.ctx().format_shortcut(&shortcut));
    }
    let response = ui.add_enabled(enabled, button);
    // The shortcut is shown beside the words, but it is not part of the command's name: a
    // screen reader says "Delete row", not "Delete row Delete".
    accessible_name(&response, egui::Role::Button, text);
    if response.clicked() {
        requests.push(Request::Command(command));
    }
}
