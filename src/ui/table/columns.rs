//! A table's columns: their titles and the rules for their widths, and the widths those
//! rules give in a window of a given width.

use crate::model::ColumnWidth as Width;

/// One column: its title and how wide it is.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Column {
    /// The header's text.
    pub title: &'static str,
    /// What a screen reader calls the column when its header shows no text.
    pub spoken: &'static str,
    /// How wide it is.
    pub width: Width,
}

impl Column {
    /// A column that keeps its width.
    #[must_use]
    pub const fn fixed(title: &'static str, width: f32) -> Self {
        Self {
            title,
            spoken: title,
            width: Width::Fixed(width),
        }
    }

    /// A column that takes a share of the room left, but not less than `least`.
    #[must_use]
    pub const fn flexible(title: &'static str, least: f32) -> Self {
        Self {
            title,
            spoken: title,
            width: Width::Flexible { least, weight: 1.0 },
        }
    }

    /// A column as a document field's declaration sizes it.
    #[must_use]
    pub const fn declared(title: &'static str, width: Width) -> Self {
        Self {
            title,
            spoken: title,
            width,
        }
    }

    /// The same column taking `weight` times the share of a column of weight 1.
    #[must_use]
    pub const fn weight(self, weight: f32) -> Self {
        match self.width {
            Width::Flexible { least, .. } => Self {
                width: Width::Flexible { least, weight },
                ..self
            },
            Width::Fixed(_) => self,
        }
    }

    /// The same column, called `spoken` by a screen reader (for a header without text).
    #[must_use]
    pub const fn spoken_as(self, spoken: &'static str) -> Self {
        Self { spoken, ..self }
    }
}

/// The width of each of `columns` in `available` points: fixed columns keep theirs, flexible
/// ones share what is left in proportion to their weights but never go below their least.
/// When even the least widths do not fit, the table is wider than the window and scrolls
/// sideways.
#[must_use]
pub fn column_widths(columns: &[Column], available: f32) -> Vec<f32> {
    let mut room = available;
    let mut widths = Vec::with_capacity(columns.len());
    // (position, least, weight) of the flexible columns still sharing the room.
    let mut sharing = Vec::new();
    for (position, column) in columns.iter().enumerate() {
        match column.width {
            Width::Fixed(width) => {
                room -= width;
                widths.push(width);
            }
            Width::Flexible { least, weight } => {
                widths.push(least);
                sharing.push((position, least, weight.max(f32::EPSILON)));
            }
        }
    }
    // A column whose least is more than its share keeps its least and leaves the sharing;
    // repeat until every column left gets at least its least from its share.
    loop {
        let weights: f32 = sharing.iter().map(|(_, _, weight)| weight).sum();
        let per_weight = room / weights;
        let (keep, share): (Vec<_>, Vec<_>) = sharing
            .iter()
            .partition(|(_, least, weight)| *least >= per_weight * weight);
        if keep.is_empty() || share.is_empty() {
            for (position, least, weight) in sharing {
                widths[position] = least.max(per_weight * weight);
            }
            return widths;
        }
        room -= keep.iter().map(|(_, least, _)| least).sum::<f32>();
        sharing = share;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const COLUMNS: [Column; 4] = [
        Column::fixed("#", 40.0),
        Column::flexible("Event", 200.0),
        Column::flexible("Notes", 90.0),
        Column::fixed("Star", 44.0),
    ];

    #[test]
    fn a_heavier_column_takes_a_larger_share() {
        let columns = [
            Column::flexible("Event", 100.0).weight(3.0),
            Column::flexible("Notes", 50.0),
        ];
        assert_eq!(column_widths(&columns, 800.0), [600.0, 200.0]);
    }

    #[test]
    fn flexible_columns_share_the_room_the_fixed_ones_leave() {
        let widths = column_widths(&COLUMNS, 884.0);
        assert_eq!(widths, [40.0, 400.0, 400.0, 44.0]);
    }

    #[test]
    fn a_column_whose_least_is_more_than_the_share_keeps_its_least_and_the_others_share_the_rest() {
        // 300 points for two flexible columns: an even share (150) is less than Event's
        // least, so Event keeps 200 and Notes gets the other 100.
        let widths = column_widths(&COLUMNS, 384.0);
        assert_eq!(widths, [40.0, 200.0, 100.0, 44.0]);
    }

    #[test]
    fn a_window_narrower_than_the_least_widths_keeps_them_and_scrolls() {
        let widths = column_widths(&COLUMNS, 200.0);
        assert_eq!(widths, [40.0, 200.0, 90.0, 44.0]);
        assert!(widths.iter().sum::<f32>() > 200.0);
    }
}
