//! How a row that is not selected is drawn: each cell as its text in the shape of its
//! control, at a fraction of the cost of a live text field or drop-down. A click (or Tab)
//! on a cell selects the row and hands the keyboard to the real control in the next frame,
//! so to the person every cell still edits in place.
//!
//! A screen holds about two dozen item rows with ten controls each; drawing them live made a
//! frame of a large tracker cost four times that of the six-item example (see
//! BENCHMARKS.md).

use super::state::{ActionsState, ItemCell};
use crate::model::ActionId;

/// What a resting cell looks like.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Look {
    /// A text field.
    Field,
    /// A drop-down.
    DropDown,
    /// A small button.
    Button,
}

/// One resting cell.
pub struct RestingCell<'a> {
    /// The item of the row.
    pub id: ActionId,
    /// Which control it stands for.
    pub cell: ItemCell,
    /// The text the control would show.
    pub text: &'a str,
    /// Shown greyed when `text` is empty.
    pub hint: &'a str,
    /// The control's width; `None` fills the cell.
    pub width: Option<f32>,
    /// Its shape.
    pub look: Look,
    /// Text colour, when not the normal one.
    pub colour: Option<egui::Color32>,
    /// The accessible name of the control ("Status, item 3").
    pub name: &'a str,
}

impl RestingCell<'_> {
    /// Draws the cell; a click or keyboard focus on it asks for the live control.
    pub fn show(self, ui: &mut egui::Ui, state: &mut ActionsState) -> egui::Response {
        let height = ui.spacing().interact_size.y;
        let width = self.width.unwrap_or_else(|| ui.available_width());
        let (rect, response) =
            ui.allocate_exact_size(egui::vec2(width, height), egui::Sense::click());
        let role = match self.look {
            Look::Field => egui::Role::TextInput,
            Look::DropDown => egui::Role::ComboBox,
            Look::Button => egui::Role::Button,
        };
        response.widget_info(|| {
            let mut info = egui::WidgetInfo::labeled(role, true, self.name);
            if self.look != Look::Button {
                info.current_text_value = Some(self.text.to_owned());
            }
            info
        });
        if ui.is_rect_visible(rect) {
            self.paint(ui, rect, &response);
        }
        if response.clicked() || response.gained_focus() {
            state.selected = Some(self.id);
            state.focus = Some((self.id, self.cell));
            ui.ctx().request_repaint();
        }
        response
    }

    fn paint(&self, ui: &egui::Ui, rect: egui::Rect, response: &egui::Response) {
        let visuals = ui.visuals();
        let widget = if response.hovered() || response.has_focus() {
            &visuals.widgets.hovered
        } else {
            &visuals.widgets.inactive
        };
        let painter = ui.painter();
        let (fill, stroke) = match self.look {
            Look::Field => (visuals.text_edit_bg_color(), widget.bg_stroke),
            Look::DropDown | Look::Button => (widget.weak_bg_fill, widget.bg_stroke),
        };
        painter.rect(
            rect,
            widget.corner_radius,
            fill,
            stroke,
            egui::StrokeKind::Inside,
        );
        let padding = ui.spacing().button_padding.x;
        let mut text_rect = rect.shrink2(egui::vec2(padding, 0.0));
        if self.look == Look::DropDown {
            let arrow = egui::Rect::from_center_size(
                egui::pos2(rect.right() - padding - 4.0, rect.center().y),
                egui::vec2(8.0, 5.0),
            );
            painter.add(egui::Shape::convex_polygon(
                vec![arrow.left_top(), arrow.right_top(), arrow.center_bottom()],
                widget.fg_stroke.color,
                egui::Stroke::NONE,
            ));
            text_rect.max.x = arrow.left() - 2.0;
        }
        let (text, colour) = if self.text.is_empty() {
            (self.hint, visuals.weak_text_color())
        } else {
            (
                self.text,
                self.colour.unwrap_or_else(|| widget.text_color()),
            )
        };
        if text.is_empty() {
            return;
        }
        let font = egui::TextStyle::Body.resolve(ui.style());
        let galley = painter.layout_no_wrap(text.to_owned(), font, colour);
        let top_left = match self.look {
            Look::Button => egui::pos2(
                rect.center().x - galley.size().x / 2.0,
                rect.center().y - galley.size().y / 2.0,
            ),
            Look::Field | Look::DropDown => {
                egui::pos2(text_rect.left(), rect.center().y - galley.size().y / 2.0)
            }
        };
        painter
            .with_clip_rect(text_rect.intersect(painter.clip_rect()))
            .galley(top_left, galley, colour);
    }
}
