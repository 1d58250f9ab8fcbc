//! Editing fields the panels share: a text field in a table cell, a list of names as chips,
//! and the move and remove buttons of editable rows.

use super::accessible::accessible_name;
use crate::model::ListEdit;

/// A single-line text field of a fixed width inside a table, named with its column and row
/// ("Name, participant 2") so each of a column's fields is told apart by a screen reader.
/// (A grid would otherwise shrink the field to the width its column had in the last frame.)
pub fn text_cell(ui: &mut egui::Ui, text: &mut String, width: f32, name: &str) -> egui::Response {
    let height = ui.spacing().interact_size.y;
    let response = ui.add_sized([width, height], egui::TextEdit::singleline(text));
    accessible_name(&response, egui::Role::TextInput, name);
    response
}

/// A list of short names as chips: each with a × to remove it, and a field where Enter adds
/// one. A name already in the list is not added twice; the field says so instead.
pub fn chips_ui(
    ui: &mut egui::Ui,
    label: &egui::Response,
    noun: &str,
    items: &[String],
) -> Option<ListEdit<String>> {
    let mut edit = None;
    let input_id = label.id.with("new_chip");
    ui.horizontal_wrapped(|ui| {
        for (index, item) in items.iter().enumerate() {
            egui::Frame::new()
                .fill(ui.visuals().faint_bg_color)
                .stroke(ui.visuals().widgets.noninteractive.bg_stroke)
                .corner_radius(8.0)
                .inner_margin(egui::Margin::symmetric(6, 1))
                .show(ui, |ui| {
                    ui.spacing_mut().item_spacing.x = 4.0;
                    ui.label(item);
                    let remove = ui.add(egui::Button::new("\u{d7}").frame(false).small());
                    accessible_name(&remove, egui::Role::Button, &format!("Remove {item}"));
                    if remove.on_hover_text(format!("Remove {item}")).clicked() {
                        edit = Some(ListEdit::Remove(index));
                    }
                });
        }
        let mut text = ui.data_mut(|data| data.get_temp::<String>(input_id).unwrap_or_default());
        let field = ui.add(
            egui::TextEdit::singleline(&mut text)
                .id(input_id)
                .desired_width(180.0)
                .hint_text(format!("Add {noun}, then Enter")),
        );
        let field = field.labelled_by(label.id);
        let typed = text.trim().to_owned();
        let duplicate = items
            .iter()
            .any(|item| item.trim().eq_ignore_ascii_case(&typed));
        if field.lost_focus()
            && ui.input(|input| input.key_pressed(egui::Key::Enter))
            && !typed.is_empty()
        {
            if duplicate {
                // Keep the text so the person sees what was refused.
                field.request_focus();
            } else {
                edit = Some(ListEdit::Push(typed.clone()));
                text.clear();
                // Stay in the field: services are usually typed one after another.
                field.request_focus();
            }
        }
        if duplicate && !typed.is_empty() {
            ui.colored_label(ui.visuals().warn_fg_color, "already listed");
        }
        ui.data_mut(|data| data.insert_temp(input_id, text));
    });
    edit
}

/// "Move up", "Move down" and "Remove" for row `index` of `count`; names each for screen
/// readers with `what` ("participant 2").
pub fn row_buttons_ui<T>(
    ui: &mut egui::Ui,
    index: usize,
    count: usize,
    what: &str,
) -> Option<ListEdit<T>> {
    let mut edit = None;
    let up = ui.add_enabled(index > 0, egui::Button::new("Up").small());
    accessible_name(&up, egui::Role::Button, &format!("Move {what} up"));
    if up.clicked() {
        edit = Some(ListEdit::Move {
            from: index,
            to: index - 1,
        });
    }
    let down = ui.add_enabled(index + 1 < count, egui::Button::new("Down").small());
    accessible_name(&down, egui::Role::Button, &format!("Move {what} down"));
    if down.clicked() {
        edit = Some(ListEdit::Move {
            from: index,
            to: index + 1,
        });
    }
    let remove = ui.add(egui::Button::new("Remove").small());
    accessible_name(&remove, egui::Role::Button, &format!("Remove {what}"));
    if remove.clicked() {
        edit = Some(ListEdit::Remove(index));
    }
    edit
}
