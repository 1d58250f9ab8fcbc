//! Controls painted rather than made: the pieces shared by the tables whose rows at rest are
//! drawn as the text of each control in its shape (see [`super::row_table`] and
//! [`super::row_meshes`]). Painting a control the way egui draws it, telling assistive
//! technology about it as if it were one, and dragging a row by its handle.

use std::borrow::Cow;

use egui::{Rect, Shape, accesskit, vec2};

/// What a painted part looks like, and what it is to assistive technology.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Look {
    /// Plain text.
    Text,
    /// The row's number, by which the row is dragged: text that is a button.
    Handle,
    /// A text field.
    Field,
    /// A drop-down.
    DropDown,
    /// A button.
    Button,
    /// A check box.
    CheckBox,
}

impl Look {
    /// Whether it is drawn as a control (a frame that lights up under the pointer).
    #[must_use]
    pub const fn is_control(self) -> bool {
        !matches!(self, Self::Text | Self::Handle)
    }
}

/// What a part shows.
pub struct PartText<'a> {
    /// The text, or nothing; for a check box, "true" when ticked.
    pub text: Cow<'a, str>,
    /// Shown greyed when there is no text.
    pub hint: &'static str,
    /// Its colour, when not the control's usual one.
    pub colour: Option<egui::Color32>,
}

impl<'a> PartText<'a> {
    /// Text in the control's usual colour, with no hint.
    #[must_use]
    pub fn plain(text: impl Into<Cow<'a, str>>) -> Self {
        Self {
            text: text.into(),
            hint: "",
            colour: None,
        }
    }

    /// Text with a hint for when it is empty.
    #[must_use]
    pub fn with_hint(text: impl Into<Cow<'a, str>>, hint: &'static str) -> Self {
        Self {
            text: text.into(),
            hint,
            colour: None,
        }
    }

    /// The same in `colour`.
    #[must_use]
    pub fn coloured(self, colour: Option<egui::Color32>) -> Self {
        Self { colour, ..self }
    }
}

/// Paints a part that looks like `look` at `rect` as its text in the shape of its control,
/// into `out`. Text that does not fit ends in "…".
pub fn part_shapes(
    ui: &egui::Ui,
    look: Look,
    rect: Rect,
    text: &PartText<'_>,
    out: &mut Vec<Shape>,
) {
    let visuals = ui.visuals();
    let widget = &visuals.widgets.inactive;
    let padding = ui.spacing().button_padding.x;
    let mut text_rect = rect.shrink2(vec2(padding, 0.0));
    let frame = |rect, fill| control_frame(rect, fill, widget);
    match look {
        Look::Text | Look::Handle => text_rect = rect,
        Look::Field => out.push(frame(rect, visuals.text_edit_bg_color())),
        Look::Button => out.push(frame(rect, widget.weak_bg_fill)),
        Look::CheckBox => {
            check_box_shapes(ui, rect, text.text == "true", out);
            return;
        }
        Look::DropDown => {
            out.push(frame(rect, widget.weak_bg_fill));
            // Where and how big egui's combo box draws its arrow.
            let icon = ui.spacing().icon_width;
            let arrow = Rect::from_center_size(
                egui::pos2(rect.right() - padding - icon / 2.0, rect.center().y),
                vec2(icon * 0.7, icon * 0.45),
            );
            out.push(Shape::convex_polygon(
                vec![arrow.left_top(), arrow.right_top(), arrow.center_bottom()],
                widget.fg_stroke.color,
                egui::Stroke::NONE,
            ));
            text_rect.max.x = arrow.left() - 1.0;
        }
    }
    let (string, colour) = if text.text.is_empty() {
        (text.hint, visuals.weak_text_color())
    } else {
        let usual = if look.is_control() {
            widget.text_color()
        } else {
            visuals.text_color()
        };
        (text.text.as_ref(), text.colour.unwrap_or(usual))
    };
    if string.is_empty() || text_rect.width() <= 0.0 {
        return;
    }
    let font = egui::TextStyle::Body.resolve(ui.style());
    let mut job = egui::text::LayoutJob::single_section(
        string.to_owned(),
        egui::TextFormat::simple(font, colour),
    );
    job.wrap = egui::text::TextWrapping::truncate_at_width(text_rect.width());
    let galley = ui.painter().layout_job(job);
    let top = text_rect.center().y - galley.size().y / 2.0;
    let left = if look == Look::Button {
        text_rect.center().x - galley.size().x / 2.0
    } else {
        text_rect.left()
    };
    out.push(Shape::galley(egui::pos2(left, top), galley, colour));
}

/// The frame of a control at rest: egui's rounded rectangle, but without an outline (egui's
/// default visuals have none at rest) traced with four segments per corner rather than the
/// eight epaint uses from a radius of 6: the same shape to the eye, with about half the
/// vertices. A table at rest is mostly these frames, and every vertex is copied every
/// frame.
fn control_frame(rect: Rect, fill: egui::Color32, widget: &egui::style::WidgetVisuals) -> Shape {
    if !widget.bg_stroke.is_empty() {
        return Shape::Rect(egui::epaint::RectShape::new(
            rect,
            widget.corner_radius,
            fill,
            widget.bg_stroke,
            egui::StrokeKind::Inside,
        ));
    }
    let radius = widget.corner_radius;
    let limit = rect.width().min(rect.height()) / 2.0;
    let corner = |r: u8| f32::from(r).min(limit);
    // Corner centres and the angle each quarter circle starts at, clockwise from the
    // bottom right in screen coordinates (y down).
    let corners = [
        (
            egui::pos2(rect.right(), rect.bottom()),
            corner(radius.se),
            0.0,
        ),
        (
            egui::pos2(rect.left(), rect.bottom()),
            corner(radius.sw),
            0.25,
        ),
        (egui::pos2(rect.left(), rect.top()), corner(radius.nw), 0.5),
        (
            egui::pos2(rect.right(), rect.top()),
            corner(radius.ne),
            0.75,
        ),
    ];
    let mut points = Vec::with_capacity(20);
    for (edge, r, start) in corners {
        let right_side = !(0.1..=0.7).contains(&start);
        let bottom_side = start < 0.3;
        let centre = edge
            + vec2(
                if right_side { -r } else { r },
                if bottom_side { -r } else { r },
            );
        if r <= 0.0 {
            points.push(edge);
            continue;
        }
        for step in 0_u8..=4 {
            let angle = std::f32::consts::TAU * (start + 0.0625 * f32::from(step));
            points.push(centre + r * vec2(angle.cos(), angle.sin()));
        }
    }
    Shape::convex_polygon(points, fill, egui::Stroke::NONE)
}

/// A check box as egui draws one: a small square with barely rounded corners centred in its
/// place, with a tick when `ticked`.
fn check_box_shapes(ui: &egui::Ui, rect: Rect, ticked: bool, out: &mut Vec<Shape>) {
    let widget = &ui.visuals().widgets.inactive;
    let size = ui.spacing().icon_width;
    let inner = ui.spacing().icon_width_inner;
    let big = Rect::from_center_size(rect.center(), vec2(size, size));
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "a third of a check box's size, rounded: a few points, never negative"
    )]
    let rounding = (0.3 * size).round() as u8;
    out.push(Shape::Rect(egui::epaint::RectShape::new(
        big,
        widget.corner_radius.at_most(rounding),
        widget.bg_fill,
        widget.bg_stroke,
        egui::StrokeKind::Inside,
    )));
    if ticked {
        let small = Rect::from_center_size(big.center(), vec2(inner, inner));
        out.push(Shape::line(
            vec![
                egui::pos2(small.left(), small.center().y),
                egui::pos2(small.center().x, small.bottom()),
                egui::pos2(small.right(), small.top()),
            ],
            widget.fg_stroke,
        ));
    }
}

/// The pointer over a painted part that looks like `look` at `rect`: a control's outline
/// lights up as a live one's would (a check box's frame is too small to need it), and a text
/// field shows the text cursor.
pub fn hover_part(ui: &egui::Ui, look: Look, rect: Rect) {
    let hovered = &ui.visuals().widgets.hovered;
    if look.is_control() && look != Look::CheckBox {
        ui.painter().rect_stroke(
            rect,
            hovered.corner_radius,
            hovered.bg_stroke,
            egui::StrokeKind::Inside,
        );
    }
    if look == Look::Field {
        ui.ctx().set_cursor_icon(egui::CursorIcon::Text);
    }
}

/// Runs `add` in a `Ui` filling `rect`, where the live widget of a part that looks like
/// `look` goes: the widget takes the part's width exactly (a check box keeps its own), so
/// it sits where the part was painted. `id_salt` must stay with the row's item.
pub fn live_part_ui(
    ui: &mut egui::Ui,
    id_salt: impl egui::AsIdSalt,
    rect: Rect,
    look: Look,
    add: impl FnOnce(&mut egui::Ui),
) {
    let layout = if look == Look::CheckBox {
        egui::Layout::left_to_right(egui::Align::Center)
    } else {
        egui::Layout::centered_and_justified(egui::Direction::LeftToRight)
    };
    let mut part_ui = ui.new_child(
        egui::UiBuilder::new()
            .id_salt(id_salt)
            .max_rect(rect)
            .layout(layout),
    );
    // Otherwise egui makes a button or drop-down at least its interact width.
    part_ui.spacing_mut().interact_size.x = 0.0;
    add(&mut part_ui);
}

/// Opens the combo box made with `ComboBox::from_id_salt(salt)` in this `ui`, as a click on
/// it would: for a drop-down whose painted part was clicked.
pub fn open_combo_box(ui: &egui::Ui, salt: impl std::hash::Hash + std::fmt::Debug) {
    // The id the combo box gives itself: its salt, wrapped the way `from_id_salt` does.
    let button = ui.make_persistent_id(egui::IdSalt::new(salt));
    egui::Popup::open_id(ui.ctx(), button.with("popup"));
}

/// Marks the node of a row's own widget as a row, and says whether assistive technology is
/// listening at all: when it is not, there is no need to work out what each part would say.
pub fn describe_row(ui: &egui::Ui, row: egui::Id) -> bool {
    ui.ctx()
        .accesskit_node_builder(row, |node| node.set_role(accesskit::Role::Row))
        .is_some()
}

/// Gives a painted part a node in the accessibility tree, named `name` (a control) or read as
/// its text (plain text), and returns whether an assistive technology (or a test) asked to
/// click or focus it. Returns `None` when accessibility is off, so the caller can stop.
pub fn describe(
    ui: &egui::Ui,
    id: egui::Id,
    rect: Rect,
    look: Look,
    name: &str,
    text: &PartText<'_>,
) -> Option<bool> {
    ui.ctx().accesskit_node_builder(id, |node| {
        let role = match look {
            Look::Text => accesskit::Role::Label,
            Look::Handle | Look::Button => accesskit::Role::Button,
            Look::Field => accesskit::Role::TextInput,
            Look::DropDown => accesskit::Role::ComboBox,
            Look::CheckBox => accesskit::Role::CheckBox,
        };
        node.set_role(role);
        node.set_bounds(accesskit::Rect {
            x0: rect.min.x.into(),
            y0: rect.min.y.into(),
            x1: rect.max.x.into(),
            y1: rect.max.y.into(),
        });
        // As egui does for its own widgets: text is a label's value, a control's name is its
        // label and its text its value.
        match look {
            Look::Text => node.set_value(text.text.as_ref()),
            Look::Field | Look::DropDown => {
                node.set_label(name);
                node.set_value(text.text.as_ref());
                // AccessKit's Linux adapter reads an entry's text only from text runs, which
                // a painted field has none of; the description is read by AT-SPI clients.
                node.set_description(text.text.as_ref());
            }
            Look::CheckBox => {
                node.set_label(name);
                node.set_toggled(if text.text == "true" {
                    accesskit::Toggled::True
                } else {
                    accesskit::Toggled::False
                });
            }
            Look::Handle | Look::Button => node.set_label(name),
        }
        if !text.hint.is_empty() {
            node.set_placeholder(text.hint);
        }
        if look.is_control() {
            node.add_action(accesskit::Action::Click);
            node.add_action(accesskit::Action::Focus);
        }
    })?;
    if ui.input(|input| input.has_accesskit_action_request(id, accesskit::Action::ScrollIntoView)) {
        ui.scroll_to_rect(rect, Some(egui::Align::Center));
    }
    Some(ui.input(|input| {
        input.has_accesskit_action_request(id, accesskit::Action::Click)
            || input.has_accesskit_action_request(id, accesskit::Action::Focus)
    }))
}

/// Lets a row be dragged by its `handle` carrying `payload`, through the row's own
/// `response` (which must sense drags): a press on the handle and a move starts the drag,
/// `label` follows the pointer while `is_this_row` says the dragged payload is this row's.
pub fn drag_by_handle<P: Send + Sync + 'static>(
    ui: &egui::Ui,
    response: &egui::Response,
    handle: Rect,
    payload: P,
    is_this_row: impl FnOnce(&P) -> bool,
    label: impl FnOnce() -> String,
) {
    let pressed_on_handle = ui.input(|input| {
        input
            .pointer
            .press_origin()
            .is_some_and(|origin| handle.contains(origin))
    });
    if response.drag_started() && pressed_on_handle {
        egui::DragAndDrop::set_payload(ui.ctx(), payload);
    }
    let dragged = egui::DragAndDrop::payload::<P>(ui.ctx()).is_some_and(|drag| is_this_row(&drag));
    if dragged {
        ui.ctx().set_cursor_icon(egui::CursorIcon::Grabbing);
        if let Some(pointer) = ui.ctx().pointer_interact_pos() {
            paint_dragged(ui, response.id, pointer, label());
        }
    } else if response.hover_pos().is_some_and(|pos| handle.contains(pos)) {
        ui.ctx().set_cursor_icon(egui::CursorIcon::Grab);
    }
}

/// What is dragged, following the pointer.
fn paint_dragged(ui: &egui::Ui, row: egui::Id, at: egui::Pos2, text: String) {
    let layer = egui::LayerId::new(egui::Order::Tooltip, row.with("dragged"));
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
