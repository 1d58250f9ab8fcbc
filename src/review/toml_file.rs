//! The small TOML files a team keeps at the root of its postmortem folder (`owners.toml`,
//! `hindsight.toml`): read when there, with a mistake refused by its line and column.

use std::io;
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;

/// What is wrong with a team file's text, and where when the TOML reader says.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}{reason}", place.map_or_else(String::new, |(line, column)| format!("{line}:{column}: ")))]
pub struct TomlMistake {
    /// The line and column of the mistake, from 1.
    pub place: Option<(usize, usize)>,
    /// What is wrong there.
    pub reason: String,
}

/// Why a team file in a postmortem folder could not be read.
#[derive(Debug, thiserror::Error)]
pub enum TeamFileError {
    /// The operating system would not give us the bytes, or the path is not a regular file.
    #[error("{}: {source}", path.display())]
    Unreadable {
        /// The file.
        path: PathBuf,
        /// What the operating system said.
        source: io::Error,
    },
    /// The bytes are not UTF-8 text.
    #[error("{}: the file is not UTF-8 text", path.display())]
    NotText {
        /// The file.
        path: PathBuf,
    },
    /// The text is not TOML, or its values do not fit.
    #[error("{}:{}{mistake}", path.display(), if mistake.place.is_some() { "" } else { " " })]
    Invalid {
        /// The file.
        path: PathBuf,
        /// What is wrong, and where.
        mistake: TomlMistake,
    },
}

/// Reads `text`, refusing a mistake with its line and column.
pub(super) fn parse<T: DeserializeOwned>(text: &str) -> Result<T, TomlMistake> {
    toml::from_str(text).map_err(|error| TomlMistake {
        place: error.span().map(|span| {
            let before = &text[..span.start.min(text.len())];
            let line = before.matches('\n').count() + 1;
            let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            (line, column)
        }),
        reason: error.message().to_owned(),
    })
}

/// Reads `folder/name`: the default when there is no such file, else its contents or what
/// is wrong with them, naming the file.
pub(super) fn read_in_folder<T: DeserializeOwned + Default>(
    folder: &Path,
    name: &str,
) -> Result<T, TeamFileError> {
    let path = folder.join(name);
    // A named pipe or a device in its place is refused unopened, and a file far larger than
    // any team's list is refused unread.
    match crate::storage::read_regular_file(&path, CONFIG_LIMIT) {
        Ok(bytes) => {
            let Ok(text) = String::from_utf8(bytes) else {
                return Err(TeamFileError::NotText { path });
            };
            parse(&text).map_err(|mistake| TeamFileError::Invalid { path, mistake })
        }
        Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(T::default()),
        Err(source) => Err(TeamFileError::Unreadable { path, source }),
    }
}

/// The largest team file read: a list of a thousand owners is a few dozen KiB.
const CONFIG_LIMIT: u64 = 4 * 1024 * 1024;
