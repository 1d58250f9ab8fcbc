//! How a row's handle looks: a grip of six dots, and the row's text following the pointer
//! while it is dragged.

use egui::{Id, Rect, vec2};

/// Six dots, the usual sign that something can be dragged, painted at the left of `cell`
/// (the fonts have no glyph for it).
pub fn grip_shape(cell: Rect, colour: egui::Color32) -> egui::Shape {
    let mut mesh = egui::Mesh::default();
    let top = cell.center().y - 7.0;
    for column in 0..2 {
        for line in 0..3 {
            let corner = egui::pos2(
                cell.left() + 1.0 + 4.0 * column as f32,
                top + 2.0 + 4.0 * line as f32,
            );
            mesh.add_colored_rect(Rect::from_min_size(corner, vec2(2.0, 2.0)), colour);
        }
    }
    egui::Shape::mesh(mesh)
}

/// The dragged row's text in a small box beside the pointer.
pub fn paint_dragged(ui: &egui::Ui, table: Id, at: egui::Pos2, text: String) {
    let layer = egui::LayerId::new(egui::Order::Tooltip, table.with("dragged"));
    let painter = ui.ctx().layer_painter(layer);
    let font = egui::TextStyle::Body.resolve(ui.style());
    let colour = ui.visuals().strong_text_color();
    let mut job = egui::text::LayoutJob::simple_singleline(text, font, colour);
    job.wrap = egui::text::TextWrapping::truncate_at_width(320.0);
    let galley = painter.layout_job(job);
    let rect = Rect::from_min_size(at + vec2(12.0, 4.0), galley.size()).expand(6.0);
    let visuals = ui.visuals();
    painter.rect(
        rect,
        visuals.menu_corner_radius,
        visuals.window_fill,
        visuals.window_stroke,
        egui::StrokeKind::Inside,
    );
    painter.galley(rect.min + vec2(6.0, 6.0), galley, colour);
}
