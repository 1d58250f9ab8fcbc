//! The parts of an item's row and where each sits, shared by the live row (real widgets) and
//! the resting row (painted), so a row does not move when it is selected.

use egui::{Rect, pos2, vec2};

use crate::ui::painted::Look;
use crate::ui::row_table::{ColumnWidth, VisibleRow};

/// The table's columns: eleven, the action taking what the others leave.
pub const WIDTHS: [ColumnWidth; 11] = [
    ColumnWidth::Exact(34.0),
    ColumnWidth::Fill(200.0),
    ColumnWidth::Exact(124.0),
    ColumnWidth::Exact(118.0),
    ColumnWidth::Exact(108.0),
    ColumnWidth::Exact(98.0),
    ColumnWidth::Exact(84.0),
    ColumnWidth::Exact(84.0),
    ColumnWidth::Exact(140.0),
    ColumnWidth::Exact(80.0),
    ColumnWidth::Exact(60.0),
];

/// The gap between columns: tight, so all eleven fit on a laptop screen.
pub const GAP: f32 = 4.0;

/// The column titles.
pub const TITLES: [&str; 11] = [
    "#",
    "Action",
    "Owner",
    "Due date",
    "",
    "Status",
    "Priority",
    "Kind",
    "Ticket",
    "Completed",
    "",
];

/// One part of a row.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RowPart {
    /// The item's number, and the handle rows are dragged by.
    Handle,
    /// The action text.
    Action,
    /// The owner text.
    Owner,
    /// The list of people to pick an owner from.
    OwnerPicker,
    /// The due date text.
    Due,
    /// The calendar button.
    DuePicker,
    /// "3 days overdue".
    DueState,
    /// The status drop-down.
    Status,
    /// The priority drop-down.
    Priority,
    /// The kind drop-down.
    Kind,
    /// The ticket URL text.
    Ticket,
    /// The button that opens the ticket in the browser, when it is a web address.
    OpenTicket,
    /// The date the item was done.
    Completed,
    /// The delete button.
    Delete,
}

impl RowPart {
    /// Every part, left to right.
    pub const ALL: [Self; 14] = [
        Self::Handle,
        Self::Action,
        Self::Owner,
        Self::OwnerPicker,
        Self::Due,
        Self::DuePicker,
        Self::DueState,
        Self::Status,
        Self::Priority,
        Self::Kind,
        Self::Ticket,
        Self::OpenTicket,
        Self::Completed,
        Self::Delete,
    ];

    /// The column it is in, its offset in the column and its width (`None`: the rest of the
    /// column).
    const fn place(self) -> (usize, f32, Option<f32>) {
        match self {
            Self::Handle => (0, 0.0, None),
            Self::Action => (1, 0.0, None),
            Self::Owner => (2, 0.0, Some(90.0)),
            Self::OwnerPicker => (2, 94.0, Some(30.0)),
            Self::Due => (3, 0.0, Some(84.0)),
            Self::DuePicker => (3, 88.0, Some(30.0)),
            Self::DueState => (4, 0.0, None),
            Self::Status => (5, 0.0, None),
            Self::Priority => (6, 0.0, None),
            Self::Kind => (7, 0.0, None),
            Self::Ticket => (8, 0.0, Some(96.0)),
            Self::OpenTicket => (8, 100.0, Some(40.0)),
            Self::Completed => (9, 0.0, None),
            Self::Delete => (10, 0.0, None),
        }
    }

    /// What it looks like.
    #[must_use]
    pub const fn look(self) -> Look {
        match self {
            Self::Handle => Look::Handle,
            Self::DueState | Self::Completed => Look::Text,
            Self::Action | Self::Owner | Self::Due | Self::Ticket => Look::Field,
            Self::OwnerPicker | Self::Status | Self::Priority | Self::Kind => Look::DropDown,
            Self::DuePicker | Self::OpenTicket | Self::Delete => Look::Button,
        }
    }

    /// Where it is in `row`: controls are as tall as egui's controls and centred in the row;
    /// text takes the whole height.
    #[must_use]
    pub fn rect(self, row: &VisibleRow<'_>, control_height: f32) -> Rect {
        let (column, offset, width) = self.place();
        let cell = row.cell(column);
        let left = cell.left() + offset;
        let width = width.unwrap_or(cell.right() - left);
        if !self.look().is_control() {
            return Rect::from_min_size(pos2(left, cell.top()), vec2(width, cell.height()));
        }
        Rect::from_min_size(
            pos2(left, cell.center().y - control_height / 2.0),
            vec2(width, control_height),
        )
    }

    /// The part of `row` at `pos`, if any; `with_ticket_link` says whether the row has an
    /// Open button.
    #[must_use]
    pub fn at(
        row: &VisibleRow<'_>,
        control_height: f32,
        pos: egui::Pos2,
        with_ticket_link: bool,
    ) -> Option<Self> {
        Self::ALL.into_iter().find(|part| {
            (with_ticket_link || *part != Self::OpenTicket)
                && part.rect(row, control_height).contains(pos)
        })
    }

    /// What a screen reader calls the part of item `number` (text parts are read by their
    /// text instead).
    #[must_use]
    pub fn name(self, number: usize) -> String {
        let what = match self {
            Self::Handle => return format!("Drag item {number}"),
            Self::Delete => return format!("Delete item {number}"),
            Self::DueState | Self::Completed => return String::new(),
            Self::Action => "Action",
            Self::Owner => "Owner",
            Self::OwnerPicker => "Choose owner",
            Self::Due => "Due date",
            Self::DuePicker => "Pick due date",
            Self::Status => "Status",
            Self::Priority => "Priority",
            Self::Kind => "Kind",
            Self::Ticket => "Ticket",
            Self::OpenTicket => "Open ticket",
        };
        format!("{what}, item {number}")
    }

    /// Whether clicking it at rest hands it the keyboard (or opens it) in the live row.
    #[must_use]
    pub const fn is_control(self) -> bool {
        matches!(self.look(), Look::Field | Look::DropDown) || matches!(self, Self::DuePicker)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::row_table::Columns;

    #[test]
    fn every_part_fits_in_its_column_and_none_overlap() {
        let columns = Columns::new(&WIDTHS, 1200.0, GAP);
        let row = VisibleRow {
            index: 0,
            rect: Rect::from_min_size(pos2(0.0, 0.0), vec2(columns.width(), 24.0)),
            columns: &columns,
        };
        for part in RowPart::ALL {
            let rect = part.rect(&row, 18.0);
            let cell = row.cell(part.place().0);
            assert!(
                cell.contains_rect(rect),
                "{part:?} spills out of its column"
            );
            for other in RowPart::ALL.into_iter().filter(|other| *other != part) {
                assert!(
                    !rect.intersects(other.rect(&row, 18.0)) || rect.width() == 0.0,
                    "{part:?} overlaps {other:?}"
                );
            }
            assert_eq!(RowPart::at(&row, 18.0, rect.center(), true), Some(part));
        }
        let open = RowPart::OpenTicket.rect(&row, 18.0).center();
        assert_eq!(RowPart::at(&row, 18.0, open, false), None);
    }
}
