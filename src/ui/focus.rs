//! Taking the keyboard to a field a finding points at, or to the first field of a row just
//! added.

/// Moves the keyboard focus to a widget a finding points at, and scrolls it into view.
pub fn focus_if(wanted: bool, response: &egui::Response) {
    if wanted {
        response.request_focus();
        response.scroll_to_me(Some(egui::Align::Center));
    }
}

/// Remembers that the row `index` of `list`, added this frame, takes the keyboard once it is
/// drawn (the edit that adds it is applied after this frame's layout).
pub fn focus_new_row(ui: &egui::Ui, list: &'static str, index: usize) {
    ui.data_mut(|data| data.insert_temp(new_row_id(list), index));
}

/// Puts the keyboard in `first_field` when it is the first field of the row `index` of `list`
/// that was just added.
pub fn focus_if_new_row(
    ui: &egui::Ui,
    list: &'static str,
    index: usize,
    first_field: &egui::Response,
) {
    let id = new_row_id(list);
    if ui.data(|data| data.get_temp::<usize>(id)) == Some(index) {
        ui.data_mut(|data| data.remove::<usize>(id));
        focus_if(true, first_field);
    }
}

fn new_row_id(list: &'static str) -> egui::Id {
    egui::Id::unique(("new_row_takes_focus", list))
}

/// Whether keys pressed now are for what `ui` draws: not while a dialog is open above it,
/// nor while a drop-down is open (its items take Up, Down and Enter). Keys a panel reads
/// itself (arrows moving its selection, Enter editing a row) are read only then, so that
/// Enter on a dialog's focused button presses that button and nothing behind it.
#[must_use]
pub fn keys_reach(ui: &egui::Ui) -> bool {
    !egui::Popup::is_any_open(ui.ctx())
        && ui.memory(|memory| memory.allows_interaction(ui.layer_id()))
}
