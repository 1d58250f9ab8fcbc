//! The columns of the timeline and of the action items, declared once: what each is called
//! on screen, in a report and in a CSV header, how wide the editor draws it, what it holds,
//! and which hold people's own words (the ones search reads and a spreadsheet export
//! guards). The editor's tables, the reports, the CSV writers and search all go through
//! these declarations, so a column added here reaches each of them, or fails to compile
//! where it must be handled.
//!
//! A new timeline column of words is three changes: the field on [`TimelineRow`], its
//! declaration here, and the importer that reads it (ARCHITECTURE.md works one through).

use chrono::{DateTime, Utc};

use super::document::{ActionItem, TimelineRow};
use super::kinds::Marker;

/// How wide the editor draws a column, in points; the table turns these rules into widths
/// for the window it has.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ColumnWidth {
    /// Always this wide: a control that is no use narrower or wider.
    Fixed(f32),
    /// At least `least`, and a share of the room the fixed columns leave in proportion to
    /// `weight`.
    Flexible {
        /// The narrowest it gets.
        least: f32,
        /// Its share of the room left, against the other flexible columns'.
        weight: f32,
    },
}

/// A timeline column: when it happened, what happened and the rest.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TimelineField {
    /// When it happened.
    Time,
    /// What happened.
    Event,
    /// Notes beside it.
    Notes,
    /// Who did it.
    Actor,
    /// Where it can be seen.
    Evidence,
    /// The key time it marks.
    Marker,
    /// Whether it is one of the moments that matter.
    Starred,
}

/// What a row holds in one column, by kind: every reader of the columns handles each kind
/// once, so a new column of an existing kind needs nothing from them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldValue<'a> {
    /// Words a person wrote.
    Words(&'a str),
    /// An instant, when the row has one.
    Time(Option<DateTime<Utc>>),
    /// The key time the row marks.
    Marker(Marker),
    /// A yes or no.
    Flag(bool),
}

impl TimelineField {
    /// Every column, in the order the CSV export writes them (the file's order, with the
    /// evidence last so spreadsheets made before it was added keep their columns).
    pub const ALL: [Self; 7] = [
        Self::Time,
        Self::Event,
        Self::Notes,
        Self::Actor,
        Self::Marker,
        Self::Starred,
        Self::Evidence,
    ];

    /// Every column, in the order the editor's table and the reports show them.
    pub const ON_SCREEN: [Self; 7] = [
        Self::Time,
        Self::Event,
        Self::Notes,
        Self::Actor,
        Self::Evidence,
        Self::Marker,
        Self::Starred,
    ];

    /// The column's title on screen, which a screen reader also says with each cell.
    #[must_use]
    pub const fn title(self) -> &'static str {
        match self {
            Self::Time => "Time",
            Self::Event => "Event",
            Self::Notes => "Notes",
            Self::Actor => "Actor",
            Self::Evidence => "Evidence",
            Self::Marker => "Marker",
            Self::Starred => "Star",
        }
    }

    /// The column's heading in the Markdown and HTML reports, which say who acted and what
    /// happened in words a reader outside the team knows.
    #[must_use]
    pub const fn report_title(self) -> &'static str {
        match self {
            Self::Event => "Event / action",
            Self::Actor => "Who",
            other => other.title(),
        }
    }

    /// The column's name in a CSV header.
    #[must_use]
    pub const fn csv_name(self) -> &'static str {
        match self {
            Self::Time => "time",
            Self::Event => "event",
            Self::Notes => "notes",
            Self::Actor => "actor",
            Self::Evidence => "evidence",
            Self::Marker => "marker",
            Self::Starred => "starred",
        }
    }

    /// How wide the editor's table draws the column: the words that tell the story get the
    /// most room, a name some; a time, a marker and the star keep the width their control
    /// needs.
    #[must_use]
    pub const fn width(self) -> ColumnWidth {
        match self {
            // Wide enough for a row's day with a time to the second (`2021-01-26 20:06:02`),
            // as imported chat messages show it.
            Self::Time => ColumnWidth::Fixed(152.0),
            Self::Event => ColumnWidth::Flexible {
                least: 190.0,
                weight: 3.0,
            },
            Self::Notes => ColumnWidth::Flexible {
                least: 90.0,
                weight: 2.0,
            },
            // A name: a share of the room in a wide window, so that a full name (`Bradley
            // Needham (Guest)`, `Cloud Foundry Bot`) is not cut where there is room for it.
            Self::Actor => ColumnWidth::Flexible {
                least: 110.0,
                weight: 1.5,
            },
            Self::Evidence => ColumnWidth::Flexible {
                least: 110.0,
                weight: 2.0,
            },
            Self::Marker => ColumnWidth::Fixed(128.0),
            Self::Starred => ColumnWidth::Fixed(44.0),
        }
    }

    /// Whether a report shows the column even when no row fills it: the event and its notes
    /// are the timeline; the other columns of words only earn their room when used. Only a
    /// column of words may be: the report gives the time, marker and star places of their own.
    #[must_use]
    pub const fn always_reported(self) -> bool {
        matches!(self, Self::Event | Self::Notes)
    }

    /// Whether a web address in the column is a link in the HTML report.
    #[must_use]
    pub const fn links(self) -> bool {
        matches!(self, Self::Evidence)
    }

    /// What `row` holds in this column.
    #[must_use]
    pub fn value(self, row: &TimelineRow) -> FieldValue<'_> {
        match self {
            Self::Time => FieldValue::Time(row.time),
            Self::Event => FieldValue::Words(&row.event),
            Self::Notes => FieldValue::Words(&row.notes),
            Self::Actor => FieldValue::Words(row.actor.as_deref().unwrap_or_default()),
            Self::Evidence => FieldValue::Words(&row.evidence),
            Self::Marker => FieldValue::Marker(row.marker),
            Self::Starred => FieldValue::Flag(row.starred),
        }
    }

    /// What `row` holds in this column when it is text a person wrote: the words search
    /// reads and a spreadsheet export guards. `None` for a column of values the editor
    /// writes (a time, a marker, the star).
    #[must_use]
    pub fn written(self, row: &TimelineRow) -> Option<&str> {
        match self.value(row) {
            FieldValue::Words(words) => Some(words),
            FieldValue::Time(_) | FieldValue::Marker(_) | FieldValue::Flag(_) => None,
        }
    }

    /// Puts `text` in this column of `row` when the column holds people's words (an actor
    /// left blank is no actor); returns whether it does.
    pub fn set_written(self, row: &mut TimelineRow, text: String) -> bool {
        match self {
            Self::Event => row.event = text,
            Self::Notes => row.notes = text,
            Self::Actor => row.actor = Some(text).filter(|text| !text.trim().is_empty()),
            Self::Evidence => row.evidence = text,
            Self::Time | Self::Marker | Self::Starred => return false,
        }
        true
    }
}

/// A column of the action items.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ActionField {
    /// What is to be done.
    Action,
    /// Who does it.
    Owner,
    /// By when.
    Due,
    /// Where it stands.
    Status,
    /// How much it matters.
    Priority,
    /// What it improves.
    Kind,
    /// The tracker's ticket.
    Ticket,
    /// The day it was closed.
    Completed,
    /// Why a declined item will not be done.
    DeclinedReason,
}

impl ActionField {
    /// Every column, in the order the CSV export writes them.
    pub const ALL: [Self; 9] = [
        Self::Action,
        Self::Owner,
        Self::Due,
        Self::Status,
        Self::Priority,
        Self::Kind,
        Self::Ticket,
        Self::Completed,
        Self::DeclinedReason,
    ];

    /// The columns the editor's table shows, in its order. The reason a declined item will
    /// not be done shares the Closed column with the day a done one was finished.
    pub const ON_SCREEN: [Self; 8] = [
        Self::Action,
        Self::Owner,
        Self::Due,
        Self::Status,
        Self::Priority,
        Self::Kind,
        Self::Ticket,
        Self::Completed,
    ];

    /// How wide the editor's table draws the column: the action takes every point the
    /// others leave; the others keep the width of their control (the time left is written
    /// under the due date, so no column stands empty beside it).
    #[must_use]
    pub const fn width(self) -> ColumnWidth {
        match self {
            Self::Action => ColumnWidth::Flexible {
                least: 220.0,
                weight: 1.0,
            },
            Self::Owner | Self::Due => ColumnWidth::Fixed(124.0),
            Self::Status | Self::Completed | Self::DeclinedReason => ColumnWidth::Fixed(104.0),
            Self::Priority => ColumnWidth::Fixed(90.0),
            Self::Kind | Self::Ticket => ColumnWidth::Fixed(100.0),
        }
    }

    /// The column's title on screen, which a screen reader also says with each control.
    #[must_use]
    pub const fn title(self) -> &'static str {
        match self {
            Self::Action => "Action",
            Self::Owner => "Owner",
            Self::Due => "Due date",
            Self::Status => "Status",
            Self::Priority => "Priority",
            Self::Kind => "Kind",
            Self::Ticket => "Ticket",
            Self::Completed => "Closed",
            Self::DeclinedReason => "Why not done",
        }
    }

    /// The column's name in a CSV header.
    #[must_use]
    pub const fn csv_name(self) -> &'static str {
        match self {
            Self::Action => "action",
            Self::Owner => "owner",
            Self::Due => "due",
            Self::Status => "status",
            Self::Priority => "priority",
            Self::Kind => "kind",
            Self::Ticket => "ticket_url",
            Self::Completed => "completed",
            Self::DeclinedReason => "declined_reason",
        }
    }

    /// What `item` holds in this column when it is text a person wrote; `None` for a column
    /// of values the editor writes (a date, a status).
    #[must_use]
    pub fn written(self, item: &ActionItem) -> Option<&str> {
        match self {
            Self::Action => Some(&item.action),
            Self::Owner => Some(&item.owner),
            Self::Ticket => Some(&item.ticket_url),
            Self::DeclinedReason => Some(&item.declined_reason),
            Self::Due | Self::Status | Self::Priority | Self::Kind | Self::Completed => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_column_is_listed_once_with_a_name_of_its_own() {
        let mut names: Vec<&str> = TimelineField::ALL.iter().map(|f| f.csv_name()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), TimelineField::ALL.len());
        let mut names: Vec<&str> = ActionField::ALL.iter().map(|f| f.csv_name()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), ActionField::ALL.len());
    }

    #[test]
    fn both_orders_hold_every_timeline_column_once() {
        for order in [TimelineField::ALL, TimelineField::ON_SCREEN] {
            for field in TimelineField::ALL {
                assert_eq!(
                    order.iter().filter(|f| **f == field).count(),
                    1,
                    "{field:?}"
                );
            }
        }
    }

    #[test]
    fn a_column_of_words_reads_back_what_was_put_in_it() {
        for field in TimelineField::ALL {
            let mut row = TimelineRow::default();
            let holds_words = field.set_written(&mut row, "written".into());
            assert_eq!(holds_words, field.written(&row).is_some(), "{field:?}");
            if holds_words {
                assert_eq!(field.written(&row), Some("written"), "{field:?}");
            }
        }
    }

    #[test]
    fn the_words_people_wrote_are_the_text_columns() {
        let row = TimelineRow {
            event: "paged".into(),
            actor: Some("Dana".into()),
            ..TimelineRow::default()
        };
        assert_eq!(TimelineField::Event.written(&row), Some("paged"));
        assert_eq!(TimelineField::Actor.written(&row), Some("Dana"));
        assert_eq!(TimelineField::Time.written(&row), None);
        let mut row = row;
        assert!(TimelineField::Actor.set_written(&mut row, " ".into()));
        assert_eq!(row.actor, None);
        assert!(TimelineField::Notes.set_written(&mut row, "slow".into()));
        assert_eq!(TimelineField::Notes.written(&row), Some("slow"));
        assert!(!TimelineField::Marker.set_written(&mut row, "x".into()));
        let item = ActionItem {
            owner: "Li".into(),
            ..ActionItem::default()
        };
        assert_eq!(ActionField::Owner.written(&item), Some("Li"));
        assert_eq!(ActionField::Due.written(&item), None);
    }
}
