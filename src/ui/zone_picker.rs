//! Choosing a time zone: a drop-down with a search field over the IANA names, shown
//! wherever a zone is chosen (the document's zone, the zone of pasted times).

use chrono_tz::Tz;

use super::accessible::announce_value;

/// A drop-down showing `zone`, named by `label`, whose list is searched by any part of a
/// zone's name (`new york`, `berlin`). Returns the zone picked this frame, if another.
pub fn zone_picker(
    ui: &mut egui::Ui,
    id_salt: &str,
    label: &egui::Response,
    zone: Tz,
) -> Option<Tz> {
    let search_id = label.id.with("zone_search");
    let mut chosen = None;
    let combo = egui::ComboBox::from_id_salt(id_salt)
        .selected_text(crate::model::zone_label(zone))
        .width(220.0)
        .height(320.0)
        .show_ui(ui, |ui| {
            let mut search: String = ui.data(|data| data.get_temp(search_id)).unwrap_or_default();
            let search_label = ui.weak("Search zones");
            let field = ui
                .add(egui::TextEdit::singleline(&mut search).hint_text("e.g. Berlin"))
                .labelled_by(search_label.id);
            if search.is_empty() && !field.has_focus() {
                field.request_focus();
            }
            let matching = crate::model::zones_matching(&search);
            if matching.is_empty() {
                ui.weak("No zone matches");
            }
            let row_height = ui.spacing().interact_size.y;
            egui::ScrollArea::vertical().max_height(260.0).show_rows(
                ui,
                row_height,
                matching.len(),
                |ui, rows| {
                    for tz in &matching[rows] {
                        if ui
                            .selectable_label(*tz == zone, crate::model::zone_label(*tz))
                            .clicked()
                            && *tz != zone
                        {
                            chosen = Some(*tz);
                        }
                    }
                },
            );
            ui.data_mut(|data| data.insert_temp(search_id, search));
        });
    let combo = combo.response.labelled_by(label.id);
    announce_value(&combo, &crate::model::zone_label(zone));
    chosen
}
