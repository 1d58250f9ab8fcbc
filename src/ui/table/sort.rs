//! A column title that sorts the table by its column, with an arrow for the direction.

use crate::ui::accessible::accessible_name;

/// A column title that sorts by its column: named "{verb} {title}" with the direction when
/// the list is sorted by it (`sorted`: whether this column is the sort, and reversed), with
/// a small arrow; returns whether it was clicked.
pub fn sort_button_ui(
    ui: &mut egui::Ui,
    title: &str,
    verb: &str,
    sorted: Option<(bool, bool)>,
) -> bool {
    let direction = match sorted {
        Some((true, false)) => Some(false),
        Some((true, true)) => Some(true),
        _ => None,
    };
    let marker = match direction {
        Some(false) => " (ascending)",
        Some(true) => " (descending)",
        None => "",
    };
    let button = ui
        .add(egui::Button::new(egui::RichText::new(title).strong()).frame(false))
        .on_hover_text("Sort by this column; click again to reverse");
    accessible_name(
        &button,
        egui::Role::Button,
        &format!("{verb} {}{marker}", title.to_lowercase()),
    );
    if let Some(descending) = direction {
        sort_arrow_ui(ui, descending);
    }
    button.clicked()
}

/// A small painted triangle: the fonts have no arrow glyphs.
fn sort_arrow_ui(ui: &mut egui::Ui, descending: bool) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
    let colour = ui.visuals().strong_text_color();
    let (top, bottom) = (rect.top() + 2.0, rect.bottom() - 2.0);
    let points = if descending {
        vec![
            egui::pos2(rect.left(), top),
            egui::pos2(rect.right(), top),
            egui::pos2(rect.center().x, bottom),
        ]
    } else {
        vec![
            egui::pos2(rect.left(), bottom),
            egui::pos2(rect.right(), bottom),
            egui::pos2(rect.center().x, top),
        ]
    };
    ui.painter().add(egui::Shape::convex_polygon(
        points,
        colour,
        egui::Stroke::NONE,
    ));
}
