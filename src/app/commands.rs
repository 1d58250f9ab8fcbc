//! The editor's commands: one list that drives the menu, the keyboard shortcuts and the
//! handler, so a menu item and its shortcut can never drift apart.

use egui::{Key, KeyboardShortcut, Modifiers};

/// A command a person can give from the menu or the keyboard.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UiCommand {
    /// Start a new, empty postmortem.
    New,
    /// Open a postmortem file.
    Open,
    /// Save to the current file (or ask where, if there is none).
    Save,
    /// Save to a new file.
    SaveAs,
    /// Type a path to open, for systems without a file dialog.
    OpenPath,
    /// Close the editor.
    Quit,
}

impl UiCommand {
    /// The commands of the File menu, in menu order.
    pub const FILE_MENU: [Self; 6] = [
        Self::New,
        Self::Open,
        Self::OpenPath,
        Self::Save,
        Self::SaveAs,
        Self::Quit,
    ];

    /// The menu text; "…" marks commands that ask something before acting.
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::New => "New",
            Self::Open => "Open\u{2026}",
            Self::OpenPath => "Open by path\u{2026}",
            Self::Save => "Save",
            Self::SaveAs => "Save as\u{2026}",
            Self::Quit => "Quit",
        }
    }

    /// The keyboard shortcut, if the command has one. Ctrl on Windows and Linux, Cmd on macOS.
    #[must_use]
    pub const fn shortcut(self) -> Option<KeyboardShortcut> {
        let key = match self {
            Self::New => Key::N,
            Self::Open => Key::O,
            Self::Save => Key::S,
            Self::SaveAs => {
                return Some(KeyboardShortcut::new(
                    Modifiers::COMMAND.plus(Modifiers::SHIFT),
                    Key::S,
                ));
            }
            Self::Quit => Key::Q,
            Self::OpenPath => return None,
        };
        Some(KeyboardShortcut::new(Modifiers::COMMAND, key))
    }

    /// The command whose shortcut was pressed this frame, if any; the key press is consumed
    /// so no text field also sees it.
    #[must_use]
    pub fn from_shortcuts(ctx: &egui::Context) -> Option<Self> {
        // Shift+S first: the plain Ctrl+S shortcut would also match Ctrl+Shift+S.
        let mut by_specificity = Self::FILE_MENU;
        by_specificity.sort_by_key(|command| {
            std::cmp::Reverse(command.shortcut().map(|s| s.modifiers.shift))
        });
        by_specificity.into_iter().find(|command| {
            command
                .shortcut()
                .is_some_and(|shortcut| ctx.input_mut(|input| input.consume_shortcut(&shortcut)))
        })
    }
}
