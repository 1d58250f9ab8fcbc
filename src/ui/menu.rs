//! The menu bar.

use super::{UiRequests, View, describe_path};
use crate::app::UiCommand;

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

fn recent_files_ui(ui: &mut egui::Ui, view: &View<'_>, requests: &mut UiRequests) {
    ui.add_enabled_ui(!view.recent_files.is_empty(), |ui| {
        ui.menu_button("Open recent", |ui| {
            for path in view.recent_files {
                if ui
                    .button(describe_path(path))
                    .on_hover_text(path.display().to_string())
                    .clicked()
                {
                    requests.open_recent = Some(path.clone());
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
    if ui.add_enabled(enabled, button).clicked() {
        requests.command = Some(command);
    }
}
