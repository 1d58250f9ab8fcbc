//! Naming widgets for screen readers (and UI tests) when their visible text does not say
//! enough on its own.

/// Gives a widget the name a screen reader (and a UI test) uses, when its visible text is
/// shared with others, like the "Remove" button of every row.
pub fn accessible_name(response: &egui::Response, role: egui::Role, name: &str) {
    response.widget_info(|| egui::WidgetInfo::labeled(role, response.enabled(), name));
}
