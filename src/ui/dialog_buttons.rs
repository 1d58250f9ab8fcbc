//! The row of buttons at the foot of a dialog.

/// Lays out a dialog's buttons along its foot, one row high, against its right edge, in the
/// order `add` adds them from left to right: Tab then reaches them in the order they are
/// seen (egui moves the keyboard in the order widgets are added, so a right-to-left layout
/// would send it from the rightmost button leftwards).
///
/// A row's width is known only once its buttons are laid out, so the width measured on the
/// last frame sets the space before them, and a frame whose width changed is laid out again
/// before it is shown. The row takes one line's height: a layout given all the dialog's
/// height left would centre the buttons in it, and a dialog once shown tall (a long paste's
/// preview) would keep that height, its buttons floating in empty space.
pub fn dialog_buttons<R>(ui: &mut egui::Ui, add: impl FnOnce(&mut egui::Ui) -> R) -> R {
    let id = ui.scope_id().with("dialog_buttons_width");
    let measured: Option<f32> = ui.data(|data| data.get_temp(id));
    let size = egui::vec2(ui.available_width(), ui.spacing().interact_size.y);
    ui.allocate_ui_with_layout(
        size,
        egui::Layout::left_to_right(egui::Align::Center),
        |ui| {
            let room = ui.available_width();
            let lead = measured.map_or(0.0, |width| (room - width).max(0.0));
            ui.add_space(lead);
            let start = ui.cursor().min.x;
            let inner = add(ui);
            let width = ui.min_rect().max.x - start;
            if measured.is_none_or(|measured| (measured - width).abs() > 0.5) {
                ui.data_mut(|data| data.insert_temp(id, width));
                ui.ctx().request_discard("a dialog's buttons were measured");
            }
            inner
        },
    )
    .inner
}
