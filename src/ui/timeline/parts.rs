//! The parts of a timeline row and where each sits, shared by the live row (real widgets)
//! and the resting row (painted), so a row does not move when it is selected.

use egui::{Rect, pos2, vec2};

use super::state::Cell;
use crate::ui::painted::Look;
use crate::ui::row_table::{ColumnWidth, VisibleRow};

/// The table's columns: event, notes and evidence share what the others leave.
pub const WIDTHS: [ColumnWidth; 9] = [
    ColumnWidth::Exact(44.0),
    ColumnWidth::Exact(128.0),
    ColumnWidth::Fill(200.0),
    ColumnWidth::Fill(100.0),
    ColumnWidth::Exact(110.0),
    ColumnWidth::Fill(90.0),
    ColumnWidth::Exact(48.0),
    ColumnWidth::Exact(132.0),
    ColumnWidth::Exact(44.0),
];

/// The column titles (the evidence's Open button has none of its own).
pub const TITLES: [&str; 9] = [
    "#", "Time", "Event", "Notes", "Actor", "Evidence", "", "Marker", "Star",
];

/// One part of a row, one per column.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RowPart {
    /// The grip and row number, by which the row is dragged.
    Handle,
    /// The time.
    Time,
    /// What happened.
    Event,
    /// Notes beside it.
    Notes,
    /// Who did it.
    Actor,
    /// Where the event can be seen (a URL).
    Evidence,
    /// Opens the evidence in the browser, when it is a web address.
    OpenEvidence,
    /// The key-time marker drop-down.
    Marker,
    /// The star check box.
    Star,
}

impl RowPart {
    /// Every part, left to right.
    pub const ALL: [Self; 9] = [
        Self::Handle,
        Self::Time,
        Self::Event,
        Self::Notes,
        Self::Actor,
        Self::Evidence,
        Self::OpenEvidence,
        Self::Marker,
        Self::Star,
    ];

    /// The column it fills.
    const fn column(self) -> usize {
        match self {
            Self::Handle => 0,
            Self::Time => 1,
            Self::Event => 2,
            Self::Notes => 3,
            Self::Actor => 4,
            Self::Evidence => 5,
            Self::OpenEvidence => 6,
            Self::Marker => 7,
            Self::Star => 8,
        }
    }

    /// What it looks like.
    #[must_use]
    pub const fn look(self) -> Look {
        match self {
            Self::Handle => Look::Handle,
            Self::Time | Self::Event | Self::Notes | Self::Actor | Self::Evidence => Look::Field,
            Self::OpenEvidence => Look::Button,
            Self::Marker => Look::DropDown,
            Self::Star => Look::CheckBox,
        }
    }

    /// The cell of the timeline state it edits, for the parts that take the keyboard.
    #[must_use]
    pub const fn cell(self) -> Option<Cell> {
        match self {
            Self::Time => Some(Cell::Time),
            Self::Event => Some(Cell::Event),
            Self::Notes => Some(Cell::Notes),
            Self::Actor => Some(Cell::Actor),
            Self::Evidence => Some(Cell::Evidence),
            Self::Marker => Some(Cell::Marker),
            Self::Handle | Self::OpenEvidence | Self::Star => None,
        }
    }

    /// Where it is in `row`: controls are as tall as egui's and centred in the row.
    #[must_use]
    pub fn rect(self, row: &VisibleRow<'_>, control_height: f32) -> Rect {
        let cell = row.cell(self.column());
        if !self.look().is_control() {
            return cell;
        }
        // A check box is a square as tall as a control.
        let width = if self == Self::Star {
            control_height
        } else {
            cell.width()
        };
        Rect::from_min_size(
            pos2(cell.left(), cell.center().y - control_height / 2.0),
            vec2(width, control_height),
        )
    }

    /// The part of `row` at `pos`, if any.
    #[must_use]
    pub fn at(row: &VisibleRow<'_>, control_height: f32, pos: egui::Pos2) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|part| part.rect(row, control_height).contains(pos))
    }

    /// What a screen reader calls the part of row `number`.
    #[must_use]
    pub fn name(self, number: usize) -> String {
        match self {
            Self::Handle => format!("Drag row {number}"),
            Self::Star => format!("Star row {number}"),
            Self::Time => format!("Time, row {number}"),
            Self::Event => format!("Event, row {number}"),
            Self::Notes => format!("Notes, row {number}"),
            Self::Actor => format!("Actor, row {number}"),
            Self::Evidence => format!("Evidence, row {number}"),
            Self::OpenEvidence => format!("Open evidence, row {number}"),
            Self::Marker => format!("Marker, row {number}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::row_table::Columns;

    #[test]
    fn every_part_is_found_where_it_is_drawn() {
        let columns = Columns::new(&WIDTHS, 1200.0, 8.0);
        let row = VisibleRow {
            index: 0,
            rect: Rect::from_min_size(pos2(0.0, 0.0), vec2(columns.width(), 24.0)),
            columns: &columns,
        };
        for part in RowPart::ALL {
            let rect = part.rect(&row, 18.0);
            assert_eq!(RowPart::at(&row, 18.0, rect.center()), Some(part));
        }
        // The gap between two columns is nobody's.
        let gap = pos2(row.cell(1).right() + 4.0, 12.0);
        assert_eq!(RowPart::at(&row, 18.0, gap), None);
    }
}
