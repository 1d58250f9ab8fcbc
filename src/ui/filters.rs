//! The filters above lists of action items: a drop-down for one choice (an owner, a
//! severity) and a row of toggles for status and date.

use super::accessible::announce_value;

/// A labelled drop-down that narrows a list to one of `options` ("Owner: Everyone").
pub fn choice_filter_ui(
    ui: &mut egui::Ui,
    label: &str,
    everything: &str,
    options: &[String],
    chosen: &mut Option<String>,
) {
    let label = ui.label(label);
    let shown = chosen.as_deref().unwrap_or(everything).to_owned();
    let combo = egui::ComboBox::from_id_salt(("choice_filter", label.id))
        .selected_text(shown.as_str())
        .show_ui(ui, |ui| {
            ui.selectable_value(chosen, None, everything);
            for option in options {
                ui.selectable_value(chosen, Some(option.clone()), option);
            }
        })
        .response
        .labelled_by(label.id);
    announce_value(&combo, &shown);
}

/// The status and date filters as a row of toggles.
pub fn action_filter_ui(
    ui: &mut egui::Ui,
    filters: &[crate::model::ActionFilter],
    chosen: &mut crate::model::ActionFilter,
) {
    for filter in filters {
        if ui
            .selectable_label(*chosen == *filter, filter.label())
            .clicked()
        {
            *chosen = *filter;
        }
    }
}
