//! The editor's commands: one list that drives the menus, the keyboard shortcuts and the
//! handler, so a menu item and its shortcut can never drift apart.

use egui::{Key, KeyboardShortcut, Modifiers};

use super::part::Part;

/// A command a person can give from a menu or the keyboard.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UiCommand {
    /// Start a new, empty postmortem.
    New,
    /// Start a new postmortem from a template.
    NewFromTemplate,
    /// Open a postmortem file.
    Open,
    /// Save to the current file (or ask where, if there is none).
    Save,
    /// Save to a new file.
    SaveAs,
    /// Type a path to open, for systems without a file dialog.
    OpenPath,
    /// Read a postmortem written in Markdown into a new, unsaved document.
    ImportMarkdown,
    /// Close the editor.
    Quit,
    /// Read a folder of postmortems and list their action items.
    ReviewFolder,
    /// Show the unsaved work earlier sessions left behind.
    RecoverUnsaved,
    /// Go back one step.
    Undo,
    /// Go forward one step.
    Redo,
    /// Add a timeline row at the end.
    AddRow,
    /// Add a row above the selected one.
    InsertRowAbove,
    /// Add a row below the selected one.
    InsertRowBelow,
    /// Copy the selected row below itself.
    DuplicateRow,
    /// Delete the selected row.
    DeleteRow,
    /// Move the selected row one place up.
    MoveRowUp,
    /// Move the selected row one place down.
    MoveRowDown,
    /// Put the timeline in time order.
    SortByTime,
    /// Turn pasted chat lines into rows.
    PasteFromChat,
    /// Read rows from a file: pasted text saved to a file, a pager's incident log, or a
    /// Slack export's `.zip`.
    ImportTimeline,
    /// Read rows from a Slack export's folder.
    ImportSlackFolder,
    /// Add an action item and put the keyboard in its action.
    AddActionItem,
    /// Attach a file (a graph, a screenshot, a log excerpt): to the selected timeline row
    /// while the timeline is shown, else to the document.
    AttachFile,
    /// Show one part of the editor.
    ShowPart(Part),
}

/// When a shortcut may fire.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Scope {
    /// Anywhere.
    Everywhere,
    /// While the timeline is on screen, even while typing in one of its cells.
    Timeline,
    /// While the timeline is on screen and no text is being typed (so Delete deletes text in
    /// a cell, and a row only when no cell is being edited).
    TimelineNotTyping,
}

impl UiCommand {
    /// The commands of the File menu, in menu order.
    pub const FILE_MENU: [Self; 10] = [
        Self::New,
        Self::NewFromTemplate,
        Self::Open,
        Self::OpenPath,
        Self::ImportMarkdown,
        Self::Save,
        Self::SaveAs,
        Self::ReviewFolder,
        Self::RecoverUnsaved,
        Self::Quit,
    ];

    /// The commands of the Edit menu, in menu order (Copy as Markdown, which is not a
    /// command, sits between the last two).
    pub const EDIT_MENU: [Self; 4] = [
        Self::Undo,
        Self::Redo,
        Self::AddActionItem,
        Self::AttachFile,
    ];

    /// The commands of Edit → Go to: every entry of the side panel, in its order.
    pub const GO_TO: [Self; 7] = [
        Self::ShowPart(Part::SIDE_PANEL[0]),
        Self::ShowPart(Part::SIDE_PANEL[1]),
        Self::ShowPart(Part::SIDE_PANEL[2]),
        Self::ShowPart(Part::SIDE_PANEL[3]),
        Self::ShowPart(Part::SIDE_PANEL[4]),
        Self::ShowPart(Part::SIDE_PANEL[5]),
        Self::ShowPart(Part::SIDE_PANEL[6]),
    ];

    /// The commands of the Timeline menu, in menu order.
    pub const TIMELINE_MENU: [Self; 11] = [
        Self::AddRow,
        Self::InsertRowAbove,
        Self::InsertRowBelow,
        Self::DuplicateRow,
        Self::DeleteRow,
        Self::MoveRowUp,
        Self::MoveRowDown,
        Self::SortByTime,
        Self::PasteFromChat,
        Self::ImportTimeline,
        Self::ImportSlackFolder,
    ];

    /// The menu text; "…" marks commands that ask something before acting.
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::New => "New",
            Self::NewFromTemplate => "New from template\u{2026}",
            Self::Open => "Open\u{2026}",
            Self::OpenPath => "Open by path\u{2026}",
            Self::ImportMarkdown => "Import Markdown\u{2026}",
            Self::Save => "Save",
            Self::SaveAs => "Save as\u{2026}",
            Self::Quit => "Quit",
            Self::ReviewFolder => "Review folder\u{2026}",
            Self::RecoverUnsaved => "Recover unsaved work\u{2026}",
            Self::Undo => "Undo",
            Self::Redo => "Redo",
            Self::AddRow => "Add row",
            Self::InsertRowAbove => "Insert row above",
            Self::InsertRowBelow => "Insert row below",
            Self::DuplicateRow => "Duplicate row",
            Self::DeleteRow => "Delete row",
            Self::MoveRowUp => "Move row up",
            Self::MoveRowDown => "Move row down",
            Self::SortByTime => "Sort by time",
            Self::PasteFromChat => "Paste from chat\u{2026}",
            Self::ImportTimeline => "Import rows from a file\u{2026}",
            Self::ImportSlackFolder => "Import from a Slack export folder\u{2026}",
            Self::AddActionItem => "Add action item",
            Self::AttachFile => "Attach file\u{2026}",
            Self::ShowPart(part) => part.label(),
        }
    }

    /// The keyboard shortcut, if the command has one. Ctrl on Windows and Linux, Cmd on macOS.
    #[must_use]
    pub const fn shortcut(self) -> Option<KeyboardShortcut> {
        let (modifiers, key) = match self {
            Self::New => (Modifiers::COMMAND, Key::N),
            Self::Open => (Modifiers::COMMAND, Key::O),
            Self::Save => (Modifiers::COMMAND, Key::S),
            Self::SaveAs => (Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::S),
            Self::Quit => (Modifiers::COMMAND, Key::Q),
            Self::Undo => (Modifiers::COMMAND, Key::Z),
            Self::Redo => (Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z),
            Self::InsertRowBelow => (Modifiers::COMMAND, Key::Enter),
            Self::DeleteRow => (Modifiers::NONE, Key::Delete),
            Self::MoveRowUp => (Modifiers::ALT, Key::ArrowUp),
            Self::MoveRowDown => (Modifiers::ALT, Key::ArrowDown),
            Self::PasteFromChat => (Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::V),
            Self::AddActionItem => (Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::A),
            Self::ShowPart(part) => (Modifiers::COMMAND, part_key(part)),
            Self::OpenPath
            | Self::NewFromTemplate
            | Self::ImportMarkdown
            | Self::ReviewFolder
            | Self::RecoverUnsaved
            | Self::AddRow
            | Self::InsertRowAbove
            | Self::DuplicateRow
            | Self::SortByTime
            | Self::ImportTimeline
            | Self::ImportSlackFolder
            | Self::AttachFile => return None,
        };
        Some(KeyboardShortcut::new(modifiers, key))
    }

    const fn scope(self) -> Scope {
        match self {
            Self::DeleteRow => Scope::TimelineNotTyping,
            Self::AddRow
            | Self::InsertRowAbove
            | Self::InsertRowBelow
            | Self::DuplicateRow
            | Self::MoveRowUp
            | Self::MoveRowDown
            | Self::SortByTime
            | Self::PasteFromChat
            | Self::ImportTimeline
            | Self::ImportSlackFolder => Scope::Timeline,
            Self::New
            | Self::NewFromTemplate
            | Self::Open
            | Self::OpenPath
            | Self::ImportMarkdown
            | Self::Save
            | Self::SaveAs
            | Self::Quit
            | Self::ReviewFolder
            | Self::RecoverUnsaved
            | Self::Undo
            | Self::Redo
            | Self::AddActionItem
            | Self::AttachFile
            | Self::ShowPart(_) => Scope::Everywhere,
        }
    }

    /// The command whose shortcut was pressed this frame, if any; the key press is consumed
    /// so no text field also sees it. Timeline shortcuts count only while the timeline is on
    /// screen.
    #[must_use]
    pub fn from_shortcuts(ctx: &egui::Context, timeline_shown: bool) -> Option<Self> {
        let typing = ctx.text_edit_focused();
        // Ctrl+Y is redo too, as on Windows.
        let redo_y = KeyboardShortcut::new(Modifiers::COMMAND, Key::Y);
        if ctx.input_mut(|input| input.consume_shortcut(&redo_y)) {
            return Some(Self::Redo);
        }
        let mut candidates: Vec<Self> = Self::FILE_MENU
            .into_iter()
            .chain(Self::EDIT_MENU)
            .chain(Self::GO_TO)
            .chain(Self::TIMELINE_MENU)
            .filter(|command| match command.scope() {
                Scope::Everywhere => true,
                Scope::Timeline => timeline_shown,
                Scope::TimelineNotTyping => timeline_shown && !typing,
            })
            .collect();
        // Shortcuts with Shift first: Ctrl+S would also match Ctrl+Shift+S.
        candidates.sort_by_key(|command| {
            std::cmp::Reverse(command.shortcut().map(|s| s.modifiers.shift))
        });
        candidates.into_iter().find(|command| {
            command
                .shortcut()
                .is_some_and(|shortcut| ctx.input_mut(|input| input.consume_shortcut(&shortcut)))
        })
    }
}

/// Ctrl+1 to Ctrl+7 show the entries of the side panel, top to bottom.
const fn part_key(part: Part) -> Key {
    match part {
        Part::Overview => Key::Num1,
        Part::Timeline => Key::Num2,
        Part::Analysis => Key::Num3,
        Part::ActionItems => Key::Num4,
        Part::Checks => Key::Num5,
        Part::Public => Key::Num6,
        Part::Review => Key::Num7,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_two_commands_share_a_shortcut() {
        let all: Vec<UiCommand> = UiCommand::FILE_MENU
            .into_iter()
            .chain(UiCommand::EDIT_MENU)
            .chain(UiCommand::GO_TO)
            .chain(UiCommand::TIMELINE_MENU)
            .collect();
        let shortcuts: Vec<KeyboardShortcut> = all
            .iter()
            .filter_map(|command| command.shortcut())
            .collect();
        for (index, shortcut) in shortcuts.iter().enumerate() {
            assert!(
                !shortcuts[index + 1..].contains(shortcut),
                "{shortcut:?} is given twice"
            );
        }
    }

    #[test]
    fn ctrl_and_the_digits_follow_the_side_panel() {
        let keys = [
            Key::Num1,
            Key::Num2,
            Key::Num3,
            Key::Num4,
            Key::Num5,
            Key::Num6,
            Key::Num7,
        ];
        for (command, key) in UiCommand::GO_TO.into_iter().zip(keys) {
            assert_eq!(
                command.shortcut(),
                Some(KeyboardShortcut::new(Modifiers::COMMAND, key))
            );
        }
        let parts: Vec<Part> = UiCommand::GO_TO
            .into_iter()
            .filter_map(|command| match command {
                UiCommand::ShowPart(part) => Some(part),
                _ => None,
            })
            .collect();
        assert_eq!(parts, Part::SIDE_PANEL);
    }
}
