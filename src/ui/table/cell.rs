//! Layouts for a cell that holds more than one widget.

/// Lays out a cell as a field with a small button at its right, `button_width` wide: the
/// field comes first, so Tab reaches it before the button, and takes what the button
/// leaves. `changes` is what both may change (the panel's state, the edits).
pub fn with_button_at_right<C>(
    ui: &mut egui::Ui,
    button_width: f32,
    changes: &mut C,
    field: impl FnOnce(&mut egui::Ui, &mut C),
    button: impl FnOnce(&mut egui::Ui, &mut C),
) {
    let gap = ui.spacing().item_spacing.x;
    let field_width = (ui.available_width() - button_width - gap).max(0.0);
    ui.scope(|ui| {
        ui.set_max_width(field_width);
        field(ui, changes);
    });
    button(ui, changes);
}

/// How wide a small button (`Button::small`) with `text` is.
#[must_use]
pub fn small_button_width(ui: &egui::Ui, text: &str) -> f32 {
    let galley = egui::WidgetText::from(text).into_galley(
        ui,
        Some(egui::TextWrapMode::Extend),
        f32::INFINITY,
        egui::TextStyle::Button,
    );
    galley.size().x + 2.0 * ui.spacing().button_padding.x
}

/// Shows all of `text` when the pointer rests on a one-line field too narrow for it, and
/// only then (a tooltip is also a screen reader's description, which would repeat the field's
/// text).
pub fn full_text_on_hover(ui: &egui::Ui, response: egui::Response, text: &str) -> egui::Response {
    if text.is_empty() || response.has_focus() {
        return response;
    }
    let room = response.rect.width() - 2.0 * ui.spacing().button_padding.x;
    let galley = egui::WidgetText::from(text).into_galley(
        ui,
        Some(egui::TextWrapMode::Extend),
        f32::INFINITY,
        egui::TextStyle::Body,
    );
    if galley.size().x > room {
        whole_text_on_hover(response, text)
    } else {
        response
    }
}

/// A tooltip with all of `text`, wrapped: a table's cells cut long text short, and the
/// tooltip is where it is read whole.
pub fn whole_text_on_hover(response: egui::Response, text: &str) -> egui::Response {
    let text = text.to_owned();
    response.on_hover_ui(move |ui| {
        ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Wrap);
        ui.set_max_width(480.0);
        ui.label(text);
    })
}
