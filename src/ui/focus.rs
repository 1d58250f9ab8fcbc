//! Taking the keyboard to a field a finding points at.

/// Moves the keyboard focus to a widget a finding points at, and scrolls it into view.
pub fn focus_if(wanted: bool, response: &egui::Response) {
    if wanted {
        response.request_focus();
        response.scroll_to_me(Some(egui::Align::Center));
    }
}
