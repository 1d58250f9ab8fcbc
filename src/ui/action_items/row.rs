//! One item's row: what the live row (see [`super::live`]) and the resting row (see
//! [`super::resting`]) share — the item, what each part says, the row's own response that
//! drags it by its handle, and what a click on a part at rest does.

use std::borrow::Cow;

use super::parts::RowPart;
use super::state::ActionsState;
use crate::model::{ActionItem, Due, Edit, ListEdit, web_url};
use crate::ui::painted::{self, PartText};
use crate::ui::row_table::VisibleRow;
use crate::ui::theme;
use chrono::NaiveDate;

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

impl<'a> ItemCells<'a> {
    /// The item's number in the document, counted from 1.
    pub fn number(&self) -> usize {
        self.index + 1
    }

    /// What a screen reader calls `part` of this row.
    pub fn name(&self, part: RowPart) -> String {
        part.name(self.number())
    }

    /// The row's id, the same whether it is live or at rest.
    pub fn row_id(&self) -> egui::Id {
        egui::Id::unique(("action item row", self.item.id))
    }

    /// The id of `part` of the row.
    pub fn part_id(&self, part: RowPart) -> egui::Id {
        self.row_id().with(part)
    }

    /// Records a changed copy of the item.
    pub fn replace(&self, edits: &mut Vec<Edit>, item: ActionItem) {
        edits.push(Edit::Actions(ListEdit::Replace(self.index, item)));
    }

    /// What `part` says: `bad_date` is a due date typed that could not be read.
    pub fn part_text(
        &self,
        part: RowPart,
        bad_date: Option<&'a str>,
        visuals: &egui::Visuals,
    ) -> PartText<'a> {
        let item = self.item;
        let date = |date: NaiveDate| Cow::Owned(date.format("%Y-%m-%d").to_string());
        let weak = Some(visuals.weak_text_color());
        match part {
            RowPart::Handle => PartText::plain(self.number().to_string()).coloured(weak),
            RowPart::Action => PartText::with_hint(item.action.as_str(), "What will be done")
                .coloured(weak.filter(|_| !item.status.is_open())),
            RowPart::Owner => PartText::with_hint(item.owner.as_str(), "Who"),
            RowPart::Due => match bad_date {
                Some(typed) => {
                    PartText::with_hint(typed, "yyyy-mm-dd").coloured(Some(visuals.error_fg_color))
                }
                None => PartText::with_hint(item.due.map(date).unwrap_or_default(), "yyyy-mm-dd"),
            },
            RowPart::DueState => {
                let due = Due::of(item, self.today);
                let colour = match due {
                    Due::Overdue(_) => theme::overdue(visuals),
                    _ => theme::due_soon(visuals),
                };
                PartText::plain(due.words().unwrap_or_default()).coloured(Some(colour))
            }
            RowPart::Ticket => PartText::with_hint(item.ticket_url.as_str(), "https://\u{2026}"),
            RowPart::Completed => match item.completed {
                Some(completed) => PartText::plain(date(completed)),
                None => PartText::plain("\u{2014}").coloured(weak),
            },
            RowPart::OwnerPicker => PartText::plain(""),
            RowPart::DuePicker => PartText::plain("\u{2026}"),
            RowPart::Status => PartText::plain(item.status.label()),
            RowPart::Priority => PartText::plain(item.priority.label()),
            RowPart::Kind => PartText::plain(item.kind.label()),
            RowPart::OpenTicket => PartText::plain("Open"),
            RowPart::Delete => PartText::plain("Delete"),
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
        part: Option<RowPart>,
        state: &mut ActionsState,
        edits: &mut Vec<Edit>,
    ) {
        match part {
            Some(RowPart::Delete) => edits.push(Edit::Actions(ListEdit::Remove(self.index))),
            Some(RowPart::OpenTicket) => {
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

    /// Gives `part` at `rect` a node in the accessibility tree; see [`painted::describe`].
    pub fn describe_part(
        &self,
        ui: &egui::Ui,
        part: RowPart,
        rect: egui::Rect,
        text: &PartText<'_>,
    ) -> Option<bool> {
        painted::describe(
            ui,
            self.part_id(part),
            rect,
            part.look(),
            &self.name(part),
            text,
        )
    }

    /// Lets the row be dragged by its handle in hand order, through the row's own response.
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
        painted::drag_by_handle(
            ui,
            response,
            RowPart::Handle.rect(row, control_height),
            ItemDrag(self.index),
            |drag| drag.0 == self.index,
            || format!("{}  {}", self.number(), self.item.action),
        );
    }
}
