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
                let mut button = egui::Button::new(command.label());
                if let Some(shortcut) = command.shortcut() {
                    button = button.shortcut_text(ui.ctx().format_shortcut(&shortcut));
                }
                if ui.add(button).clicked() {
                    requests.command = Some(command);
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
                let mut button = egui::Button::new(text);
                if let Some(shortcut) = command.shortcut() {
                    button = button.shortcut_text(ui.ctx().format_shortcut(&shortcut));
                }
                if ui.add_enabled(label.is_some(), button).clicked() {
                    requests.command = Some(command);
                }
            }
        });
        ui.menu_button("Timeline", |ui| {
            for command in UiCommand::TIMELINE_MENU {
                if command == UiCommand::SortByTime {
                    ui.separator();
                }
                let mut button = egui::Button::new(command.label());
                if let Some(shortcut) = command.shortcut() {
                    button = button.shortcut_text(ui.ctx().format_shortcut(&shortcut));
                }
                if ui.add(button).clicked() {
                    requests.command = Some(command);
                }
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
