//! The controls of an action item's row, by what they are: what a screen reader calls each,
//! and which one is asked to take the keyboard.

use crate::model::ActionField;

/// A control in an item's row, which can be asked to take the keyboard.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ItemControl {
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
    /// The status drop-down.
    Status,
    /// The priority drop-down.
    Priority,
    /// The kind drop-down.
    Kind,
    /// The ticket URL text.
    Ticket,
    /// Opens the ticket in the browser, when it is a web address.
    OpenTicket,
    /// Why a declined item will not be done.
    Reason,
    /// Deletes the item.
    Delete,
}

impl ItemControl {
    /// What a screen reader calls the control of item `number`.
    #[must_use]
    pub fn name(self, number: usize) -> String {
        let what = match self {
            Self::Delete => return format!("Delete item {number}"),
            Self::Action => ActionField::Action.title(),
            Self::Owner => ActionField::Owner.title(),
            Self::OwnerPicker => "Choose owner",
            Self::Due => ActionField::Due.title(),
            Self::DuePicker => "Pick due date",
            Self::Status => ActionField::Status.title(),
            Self::Priority => ActionField::Priority.title(),
            Self::Kind => ActionField::Kind.title(),
            Self::Ticket => ActionField::Ticket.title(),
            Self::OpenTicket => "Open ticket",
            Self::Reason => ActionField::DeclinedReason.title(),
        };
        format!("{what}, item {number}")
    }
}
