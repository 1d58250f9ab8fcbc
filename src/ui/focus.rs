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
