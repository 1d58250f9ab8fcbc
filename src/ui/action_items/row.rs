//! One item's row: what the live row (see [`super::live`]) and the resting row (see
//! [`super::resting`]) share — the item, what each part says, the row's own response that
//! drags it by its handle, and what a click on a part at rest does.

use std::borrow::Cow;

use chrono::NaiveDate;
use egui::accesskit;

use super::parts::{Look, Part};
use super::state::ActionsState;
use crate::model::{ActionItem, Due, Edit, ListEdit, web_url};
use crate::ui::row_table::VisibleRow;
use crate::ui::theme;

/// What is carried while an item is dragged: its position in the document.
#[derive(Clone, Copy, Debug)]
pub struct ItemDrag(pub usize);

/// The cells of one item's row.
pub struct ItemCells<'a> {
    /// The item's position in the document.
    pub index: usize,
    /// The item.
    pub item: &'a ActionItem,
    /// The day due states are counted from.
    pub today: NaiveDate,
    /// Names to offer as owners.
    pub owners: &'a [String],
    /// Whether the list is in hand order, so rows can be dragged.
    pub hand_order: bool,
}

/// What a part shows.
pub struct PartText<'a> {
    /// The text, or nothing.
    pub text: Cow<'a, str>,
    /// Shown greyed when there is no text.
    pub hint: &'static str,
    /// Its colour, when not the control's usual one.
    pub colour: Option<egui::Color32>,
}

impl<'a> ItemCells<'a> {
    /// The item's number in the document, counted from 1.
    pub fn number(&self) -> usize {
        self.index + 1
    }

    /// What a screen reader calls `part` of this row.
    pub fn name(&self, part: Part) -> String {
        part.name(self.number())
    }

    /// The row's id, the same whether it is live or at rest.
    pub fn row_id(&self) -> egui::Id {
        egui::Id::unique(("action item row", self.item.id))
    }

    /// The id of `part` of the row.
    pub fn part_id(&self, part: Part) -> egui::Id {
        self.row_id().with(part)
    }

    /// Records a changed copy of the item.
    pub fn replace(&self, edits: &mut Vec<Edit>, item: ActionItem) {
        edits.push(Edit::Actions(ListEdit::Replace(self.index, item)));
    }

    /// What `part` says: `bad_date` is a due date typed that could not be read.
    pub fn part_text(
        &self,
        part: Part,
        bad_date: Option<&'a str>,
        visuals: &egui::Visuals,
    ) -> PartText<'a> {
        let item = self.item;
        let date = |date: NaiveDate| Cow::Owned(date.format("%Y-%m-%d").to_string());
        let plain = |text: &'a str| PartText {
            text: Cow::Borrowed(text),
            hint: "",
            colour: None,
        };
        match part {
            Part::Handle => PartText {
                text: Cow::Owned(self.number().to_string()),
                hint: "",
                colour: Some(visuals.weak_text_color()),
            },
            Part::Action => PartText {
                text: Cow::Borrowed(&item.action),
                hint: "What will be done",
                colour: (!item.status.is_open()).then(|| visuals.weak_text_color()),
            },
            Part::Owner => PartText {
                text: Cow::Borrowed(&item.owner),
                hint: "Who",
                colour: None,
            },
            Part::Due => match bad_date {
                Some(typed) => PartText {
                    text: Cow::Borrowed(typed),
                    hint: "yyyy-mm-dd",
                    colour: Some(visuals.error_fg_color),
                },
                None => PartText {
                    text: item.due.map(date).unwrap_or_default(),
                    hint: "yyyy-mm-dd",
                    colour: None,
                },
            },
            Part::DueState => {
                let due = Due::of(item, self.today);
                let colour = match due {
                    Due::Overdue(_) => theme::overdue(visuals),
                    _ => theme::due_soon(visuals),
                };
                PartText {
                    text: due.words().map(Cow::Owned).unwrap_or_default(),
                    hint: "",
                    colour: Some(colour),
                }
            }
            Part::Ticket => PartText {
                text: Cow::Borrowed(&item.ticket_url),
                hint: "https://\u{2026}",
                colour: None,
            },
            Part::Completed => match item.completed {
                Some(completed) => PartText {
                    text: date(completed),
                    hint: "",
                    colour: Some(visuals.text_color()),
                },
                None => PartText {
                    text: Cow::Borrowed("\u{2014}"),
                    hint: "",
                    colour: Some(visuals.weak_text_color()),
                },
            },
            Part::OwnerPicker => plain(""),
            Part::DuePicker => plain("\u{2026}"),
            Part::Status => plain(item.status.label()),
            Part::Priority => plain(item.priority.label()),
            Part::Kind => plain(item.kind.label()),
            Part::OpenTicket => plain("Open"),
            Part::Delete => plain("Delete"),
        }
    }

    /// Whether the ticket is a web address, so the row has an Open button.
    pub fn has_ticket_link(&self) -> bool {
        web_url(&self.item.ticket_url).is_some()
    }

    /// What a click on `part` of the row at rest does: a control is made live with the
    /// keyboard in it (or opened), the buttons do what they say, anything else selects the
    /// row.
    pub fn activate(
        &self,
        ui: &egui::Ui,
        part: Option<Part>,
        state: &mut ActionsState,
        edits: &mut Vec<Edit>,
    ) {
        match part {
            Some(Part::Delete) => edits.push(Edit::Actions(ListEdit::Remove(self.index))),
            Some(Part::OpenTicket) => {
                if let Some(link) = web_url(&self.item.ticket_url) {
                    ui.ctx().open_url(egui::OpenUrl::new_tab(link));
                }
            }
            Some(part) if part.is_control() => {
                state.selected = Some(self.item.id);
                state.focus = Some((self.item.id, part));
            }
            _ => state.selected = Some(self.item.id),
        }
        ui.ctx().request_repaint();
    }

    /// Gives `part` at `rect` a node in the accessibility tree, read as `text` says, and returns
    /// whether an assistive technology (or a test) asked to click or focus it. Returns `None`
    /// when accessibility is off, so the caller can stop asking.
    pub fn describe_part(
        &self,
        ui: &egui::Ui,
        part: Part,
        rect: egui::Rect,
        text: &PartText<'_>,
    ) -> Option<bool> {
        let id = self.part_id(part);
        let name = self.name(part);
        ui.ctx().accesskit_node_builder(id, |node| {
            let role = match part.look() {
                Look::Text if part == Part::Handle => accesskit::Role::Button,
                Look::Text => accesskit::Role::Label,
                Look::Field => accesskit::Role::TextInput,
                Look::DropDown => accesskit::Role::ComboBox,
                Look::Button => accesskit::Role::Button,
            };
            node.set_role(role);
            node.set_bounds(accesskit::Rect {
                x0: rect.min.x.into(),
                y0: rect.min.y.into(),
                x1: rect.max.x.into(),
                y1: rect.max.y.into(),
            });
            // As egui does for its own widgets: text is a label's value, a control's name is
            // its label and its text its value.
            if role == accesskit::Role::Label {
                node.set_value(text.text.as_ref());
            } else {
                node.set_label(name);
            }
            if matches!(part.look(), Look::Field | Look::DropDown) {
                node.set_value(text.text.as_ref());
            }
            if !text.hint.is_empty() {
                node.set_placeholder(text.hint);
            }
            if part.look() != Look::Text {
                node.add_action(accesskit::Action::Click);
                node.add_action(accesskit::Action::Focus);
            }
        })?;
        let asked = ui.input(|input| {
            input.has_accesskit_action_request(id, accesskit::Action::Click)
                || input.has_accesskit_action_request(id, accesskit::Action::Focus)
        });
        if ui.input(|input| {
            input.has_accesskit_action_request(id, accesskit::Action::ScrollIntoView)
        }) {
            ui.scroll_to_rect(rect, Some(egui::Align::Center));
        }
        Some(asked)
    }

    /// The row's own response, under its controls: it carries the row when dragged by the
    /// handle in hand order, and is where other rows are dropped.
    pub fn drag_by_handle(
        &self,
        ui: &egui::Ui,
        row: &VisibleRow<'_>,
        response: &egui::Response,
        control_height: f32,
    ) {
        if !self.hand_order {
            return;
        }
        let handle = Part::Handle.rect(row, control_height);
        let pressed_on_handle = ui.input(|input| {
            input
                .pointer
                .press_origin()
                .is_some_and(|origin| handle.contains(origin))
        });
        if response.drag_started() && pressed_on_handle {
            egui::DragAndDrop::set_payload(ui.ctx(), ItemDrag(self.index));
        }
        let dragged = egui::DragAndDrop::payload::<ItemDrag>(ui.ctx())
            .is_some_and(|drag| drag.0 == self.index);
        if dragged {
            ui.ctx().set_cursor_icon(egui::CursorIcon::Grabbing);
            if let Some(pointer) = ui.ctx().pointer_interact_pos() {
                self.paint_dragged(ui, pointer);
            }
        } else if response.hover_pos().is_some_and(|pos| handle.contains(pos)) {
            ui.ctx().set_cursor_icon(egui::CursorIcon::Grab);
        }
    }

    /// The item following the pointer while it is dragged.
    fn paint_dragged(&self, ui: &egui::Ui, at: egui::Pos2) {
        let layer = egui::LayerId::new(egui::Order::Tooltip, self.row_id().with("dragged"));
        let painter = ui.ctx().layer_painter(layer);
        let text = format!("{}  {}", self.number(), self.item.action);
        let font = egui::TextStyle::Body.resolve(ui.style());
        let colour = ui.visuals().strong_text_color();
        let mut job = egui::text::LayoutJob::simple_singleline(text, font, colour);
        job.wrap = egui::text::TextWrapping::truncate_at_width(320.0);
        let galley = painter.layout_job(job);
        let rect = egui::Rect::from_min_size(at + egui::vec2(12.0, 4.0), galley.size()).expand(6.0);
        let visuals = ui.visuals();
        painter.rect(
            rect,
            visuals.menu_corner_radius,
            visuals.window_fill,
            visuals.window_stroke,
            egui::StrokeKind::Inside,
        );
        painter.galley(rect.min + egui::vec2(6.0, 6.0), galley, colour);
    }
}
