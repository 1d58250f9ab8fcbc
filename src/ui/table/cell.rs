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
    let gap = 2.0;
    ui.spacing_mut().item_spacing.x = gap;
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
