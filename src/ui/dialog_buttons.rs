//! The row of buttons at the foot of a dialog.

/// Lays out a dialog's buttons right to left along its foot, one row high. A right-to-left
/// layout given the rest of the dialog would take all the height left below it and centre
/// the buttons there: a dialog once shown tall (a long paste's preview) would keep that
/// height, its buttons floating in empty space, and run off a small window.
pub fn dialog_buttons<R>(ui: &mut egui::Ui, add: impl FnOnce(&mut egui::Ui) -> R) -> R {
    let size = egui::vec2(ui.available_width(), ui.spacing().interact_size.y);
    ui.allocate_ui_with_layout(size, egui::Layout::right_to_left(egui::Align::Center), add)
        .inner
}
