//! The Review part before a folder is chosen: what it does, a way to choose a folder, and
//! the folders reviewed before.

use std::path::PathBuf;

use crate::session::UiCommand;
use crate::session::{Request, ReviewRequest, UiRequests};
use crate::ui::paths::describe_path;

/// Invites the person to choose a folder, and offers the ones reviewed before.
pub fn no_folder_ui(ui: &mut egui::Ui, recent: &[PathBuf], requests: &mut UiRequests) {
    crate::ui::accessible::heading(ui, "Review");
    ui.label(
        "Every action item of a folder of postmortems in one list: what is overdue, what is \
         due soon and who owns it, with stats and a search across the folder.",
    );
    ui.add_space(8.0);
    if ui.button("Choose a folder\u{2026}").clicked() {
        requests.push(Request::Command(UiCommand::ReviewFolder));
    }
    if recent.is_empty() {
        return;
    }
    ui.add_space(12.0);
    ui.strong("Reviewed before");
    for folder in recent {
        if ui
            .link(describe_path(folder))
            .on_hover_text(folder.display().to_string())
            .clicked()
        {
            requests.push(Request::Review(ReviewRequest::Folder(folder.clone())));
        }
    }
}
