//! Files kept beside a postmortem: the graphs, dashboard screenshots and log excerpts that
//! back its words. The document only refers to them; storage keeps the bytes in a folder
//! beside the postmortem (`inc-812.ron` → `inc-812.files/`), each named by its content hash.
//!
//! A reference read from a file is untrusted: [`Attachment::location`] accepts only a plain
//! `NAME.files/FILE` path, so that no document can make Hindsight read or embed a file
//! elsewhere on the disk (`../../.ssh/id_rsa`).

use serde::{Deserialize, Serialize};

use super::ids::RowId;
use super::narrative::Section;

/// The heading under which exports list the files attached to the postmortem as a whole,
/// and by which the Markdown import knows them again.
pub const ATTACHMENTS_HEADING: &str = "Attachments";

/// The line exports write above a timeline row's files (`Attached to 14:07 Alice joined:`),
/// from the row's time as the table shows it and its event; the Markdown import reads it
/// back with [`attached_to_row`].
#[must_use]
pub fn row_files_line(row: &str) -> String {
    format!("Attached to {}:", row.trim())
}

/// What a line written by [`row_files_line`] names: the row's time and event.
#[must_use]
pub fn attached_to_row(line: &str) -> Option<&str> {
    line.trim()
        .strip_prefix("Attached to ")?
        .strip_suffix(':')
        .filter(|row| !row.trim().is_empty())
}

/// The suffix of the folder that holds a postmortem's attachments.
pub const ATTACHMENTS_FOLDER_SUFFIX: &str = ".files";

/// One file kept with the postmortem.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Attachment {
    /// Where the file is, relative to the postmortem's folder, with `/` between parts:
    /// `inc-812.files/<content hash>.png`.
    pub path: String,
    /// What it shows, in the author's words; an image's accessible name.
    pub caption: String,
    /// The file's name when it was attached (`p99-latency.png`), to show and to export
    /// under.
    pub original_name: String,
    /// Where in the document it belongs.
    pub place: AttachedTo,
}

/// Where an attachment belongs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AttachedTo {
    /// The document as a whole.
    #[default]
    Document,
    /// A built-in narrative section.
    Section(Section),
    /// A section of the team's own, by its position among them (kept in step when sections
    /// are added, moved or removed).
    Custom(usize),
    /// A timeline row (the graph that shows the spike it tells of).
    Row(RowId),
}

/// What kind of file an attachment is, by its name's extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AttachmentKind {
    /// A PNG image.
    Png,
    /// A JPEG image.
    Jpeg,
    /// A GIF image.
    Gif,
    /// A WebP image.
    WebP,
    /// An SVG drawing: shown and embedded only as an image, never as markup.
    Svg,
    /// Any other file (a log excerpt, a PDF): kept and linked, shown with its name.
    File,
}

impl AttachmentKind {
    /// The kind a file name's extension says.
    #[must_use]
    pub fn of(name: &str) -> Self {
        let extension = name
            .rsplit_once('.')
            .map(|(_, extension)| extension.to_ascii_lowercase())
            .unwrap_or_default();
        match extension.as_str() {
            "png" => Self::Png,
            "jpg" | "jpeg" => Self::Jpeg,
            "gif" => Self::Gif,
            "webp" => Self::WebP,
            "svg" => Self::Svg,
            _ => Self::File,
        }
    }

    /// Whether it is shown as a picture.
    #[must_use]
    pub const fn is_image(self) -> bool {
        !matches!(self, Self::File)
    }

    /// The media type a browser needs to show it.
    #[must_use]
    pub const fn media_type(self) -> &'static str {
        match self {
            Self::Png => "image/png",
            Self::Jpeg => "image/jpeg",
            Self::Gif => "image/gif",
            Self::WebP => "image/webp",
            Self::Svg => "image/svg+xml",
            Self::File => "application/octet-stream",
        }
    }
}

impl Attachment {
    /// The folder and the file name of [`Self::path`], when it is a plain
    /// `NAME.files/FILE` path: two parts, neither `.` nor `..`, no other separator, nothing
    /// absolute. Any other path is refused, whatever it points to.
    #[must_use]
    pub fn location(&self) -> Option<(&str, &str)> {
        let (folder, name) = self.path.split_once('/')?;
        let plain = |part: &str| {
            !part.is_empty()
                && part != "."
                && part != ".."
                && !part.contains(['/', '\\', '\0', ':'])
                && !part.starts_with('~')
        };
        (plain(folder) && plain(name) && folder.ends_with(ATTACHMENTS_FOLDER_SUFFIX))
            .then_some((folder, name))
    }

    /// What kind of file it is.
    #[must_use]
    pub fn kind(&self) -> AttachmentKind {
        AttachmentKind::of(self.location().map_or(&self.path, |(_, name)| name))
    }

    /// What to call it where a name is needed: the caption, else the original name, else
    /// the stored one.
    #[must_use]
    pub fn display_name(&self) -> &str {
        [self.caption.trim(), self.original_name.trim()]
            .into_iter()
            .find(|text| !text.is_empty())
            .unwrap_or_else(|| self.location().map_or(self.path.as_str(), |(_, name)| name))
    }
}

/// The folder name for the attachments of a postmortem whose file name (without its
/// extension) is `stem`: `inc-812` → `inc-812.files`.
#[must_use]
pub fn attachments_folder_name(stem: &str) -> String {
    format!("{stem}{ATTACHMENTS_FOLDER_SUFFIX}")
}

/// Whether `name` is one Hindsight gives a stored file: 64 lower-case hex digits (the
/// SHA-256 of its bytes), then perhaps an extension of letters and digits. A file by any
/// other name in the folder was put there by someone else, and is never removed unasked.
#[must_use]
pub fn is_stored_name(name: &str) -> bool {
    let (hash, extension) = name.split_once('.').unwrap_or((name, ""));
    hash.len() == 64
        && hash
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
        && extension.len() <= 10
        && extension.bytes().all(|b| b.is_ascii_alphanumeric())
        && extension.is_empty() != name.contains('.')
}

/// The attachments shown at `place`, with their positions in the document's list. One
/// whose place is gone (a row deleted, perhaps to be undone; a section of the team's
/// removed) is shown with the document, so nothing attached is ever out of sight;
/// `exists` says which places are there.
pub fn attached_at(
    attachments: &[Attachment],
    place: AttachedTo,
    exists: impl Fn(AttachedTo) -> bool,
) -> impl Iterator<Item = (usize, &Attachment)> {
    attachments
        .iter()
        .enumerate()
        // Whether a place is there is asked only where the answer matters: for the
        // attachments of `place` itself, and for the document's, which take in the others.
        .filter(move |(_, attachment)| {
            if attachment.place == place {
                place == AttachedTo::Document || exists(place)
            } else {
                place == AttachedTo::Document && !exists(attachment.place)
            }
        })
}

/// Keeps the attachments of the team's own sections with their sections when `edit` changes
/// that list of `count` sections: a section put in before one moves its files along with it;
/// a removed section's files go to the postmortem as a whole.
pub fn follow_custom_sections<T>(
    attachments: &mut [Attachment],
    edit: &super::list_edit::ListEdit<T>,
    count: usize,
) {
    use super::list_edit::ListEdit;
    for attachment in attachments {
        let AttachedTo::Custom(at) = attachment.place else {
            continue;
        };
        attachment.place = match *edit {
            ListEdit::Insert(index, _) if index <= count && at >= index => {
                AttachedTo::Custom(at + 1)
            }
            ListEdit::Remove(index) if index < count && at == index => AttachedTo::Document,
            ListEdit::Remove(index) if index < count && at > index => AttachedTo::Custom(at - 1),
            ListEdit::Move { from, to } if from < count && to < count => {
                AttachedTo::Custom(if at == from {
                    to
                } else if from < at && at <= to {
                    at - 1
                } else if to <= at && at < from {
                    at + 1
                } else {
                    at
                })
            }
            _ => attachment.place,
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(path: &str) -> Attachment {
        Attachment {
            path: path.to_owned(),
            ..Attachment::default()
        }
    }

    #[test]
    fn only_a_plain_path_into_the_attachments_folder_is_a_location() {
        assert_eq!(
            at("inc-812.files/ab.png").location(),
            Some(("inc-812.files", "ab.png"))
        );
        for hostile in [
            "../inc.files/ab.png",
            "inc.files/../../etc/passwd",
            "/etc/inc.files/passwd",
            "inc.files/sub/ab.png",
            "inc.files/..",
            "inc.files\\..\\ab.png",
            "inc.files/",
            "inc.files/C:ab.png",
            "~/inc.files/ab.png",
            "other/ab.png",
            "ab.png",
            "inc.files/ab\0.png",
        ] {
            assert_eq!(at(hostile).location(), None, "{hostile}");
        }
    }

    #[test]
    fn kinds_come_from_the_extension_in_any_case() {
        assert_eq!(AttachmentKind::of("graph.PNG"), AttachmentKind::Png);
        assert_eq!(AttachmentKind::of("x.jpeg"), AttachmentKind::Jpeg);
        assert_eq!(AttachmentKind::of("x.svg"), AttachmentKind::Svg);
        assert_eq!(AttachmentKind::of("server.log"), AttachmentKind::File);
        assert_eq!(AttachmentKind::of("README"), AttachmentKind::File);
        assert!(!AttachmentKind::File.is_image());
        assert_eq!(AttachmentKind::Svg.media_type(), "image/svg+xml");
    }

    #[test]
    fn stored_names_are_a_sha256_and_an_extension() {
        let hash = "0123456789abcdef".repeat(4);
        assert!(is_stored_name(&format!("{hash}.png")));
        assert!(is_stored_name(&hash));
        assert!(!is_stored_name(&format!("{hash}.")));
        assert!(!is_stored_name(&format!("{}.png", hash.to_uppercase())));
        assert!(!is_stored_name("latency.png"));
        assert!(!is_stored_name(&format!("{hash}.tar.gz")));
    }

    #[test]
    fn an_attachment_whose_row_is_gone_is_shown_with_the_document() {
        let kept = RowId::new();
        let gone = RowId::new();
        let list = [
            Attachment {
                place: AttachedTo::Row(kept),
                ..at("a.files/1.png")
            },
            Attachment {
                place: AttachedTo::Row(gone),
                ..at("a.files/2.png")
            },
            at("a.files/3.png"),
        ];
        let positions = |place| {
            attached_at(&list, place, |place| place != AttachedTo::Row(gone))
                .map(|(index, _)| index)
                .collect::<Vec<_>>()
        };
        assert_eq!(positions(AttachedTo::Row(kept)), [0]);
        assert_eq!(positions(AttachedTo::Row(gone)), Vec::<usize>::new());
        assert_eq!(positions(AttachedTo::Document), [1, 2]);
    }

    #[test]
    fn files_of_the_teams_sections_follow_their_sections() {
        use super::super::list_edit::ListEdit;
        let places = |places: &[AttachedTo], edit: ListEdit<()>| {
            let mut list: Vec<Attachment> = places
                .iter()
                .map(|place| Attachment {
                    place: *place,
                    ..Attachment::default()
                })
                .collect();
            follow_custom_sections(&mut list, &edit, 3);
            list.iter()
                .map(|attachment| attachment.place)
                .collect::<Vec<_>>()
        };
        let custom = AttachedTo::Custom;
        let three = [custom(0), custom(1), custom(2), AttachedTo::Document];
        assert_eq!(
            places(&three, ListEdit::Insert(1, ())),
            [custom(0), custom(2), custom(3), AttachedTo::Document]
        );
        assert_eq!(
            places(&three, ListEdit::Remove(1)),
            [
                custom(0),
                AttachedTo::Document,
                custom(1),
                AttachedTo::Document
            ]
        );
        assert_eq!(
            places(&three, ListEdit::Move { from: 0, to: 2 }),
            [custom(2), custom(0), custom(1), AttachedTo::Document]
        );
        assert_eq!(
            places(&three, ListEdit::Move { from: 2, to: 0 }),
            [custom(1), custom(2), custom(0), AttachedTo::Document]
        );
        assert_eq!(places(&three, ListEdit::Push(())), three);
        // An edit past the end changes nothing, as it changes nothing in the list.
        assert_eq!(places(&three, ListEdit::Remove(7)), three);
    }

    #[test]
    fn the_name_shown_is_the_caption_then_the_original_name() {
        let mut attachment = at("inc.files/ab.png");
        assert_eq!(attachment.display_name(), "ab.png");
        attachment.original_name = "p99.png".to_owned();
        assert_eq!(attachment.display_name(), "p99.png");
        attachment.caption = "p99 latency at the peak".to_owned();
        assert_eq!(attachment.display_name(), "p99 latency at the peak");
    }
}
