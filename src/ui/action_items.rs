//! The action items as a table to read. Editing arrives with the action-item tracker.

use crate::model::{Place, Postmortem};

/// Draws the action items.
pub fn action_items_ui(ui: &mut egui::Ui, doc: &Postmortem, focus: Option<Place>) {
    ui.heading("Action items");
    ui.add_space(6.0);
    if doc.action_items.is_empty() {
        ui.label("There are no action items yet.");
        return;
    }
    egui::ScrollArea::vertical()
        .auto_shrink(false)
        .show(ui, |ui| {
            egui::Grid::new("action_items")
                .num_columns(5)
                .striped(true)
                .spacing([16.0, 6.0])
                .show(ui, |ui| {
                    for heading in ["Action", "Owner", "Due date", "Status", "Priority"] {
                        ui.strong(heading);
                    }
                    ui.end_row();
                    for item in &doc.action_items {
                        let action = ui.add(egui::Label::new(&item.action).wrap());
                        if focus == Some(Place::ActionItem(item.id)) {
                            action.scroll_to_me(Some(egui::Align::Center));
                            action.highlight();
                        }
                        ui.label(&item.owner);
                        match item.due {
                            Some(due) => ui.label(due.format("%Y-%m-%d").to_string()),
                            None => ui.weak("No date"),
                        };
                        ui.label(item.status.label());
                        ui.label(item.priority.label());
                        ui.end_row();
                    }
                });
        });
}
