//! The small TOML files a team keeps at the root of its postmortem folder (`owners.toml`,
//! `hindsight.toml`): read when there, with a mistake refused by its line and column.

use std::path::Path;

use serde::de::DeserializeOwned;

/// Reads `text`; a mistake is "LINE:COLUMN: what is wrong".
pub(super) fn parse<T: DeserializeOwned>(text: &str) -> Result<T, String> {
    toml::from_str(text).map_err(|error| {
        let place = error.span().map_or_else(String::new, |span| {
            let before = &text[..span.start.min(text.len())];
            let line = before.matches('\n').count() + 1;
            let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            format!("{line}:{column}: ")
        });
        format!("{place}{}", error.message())
    })
}

/// Reads `folder/name`: the default when there is no such file, else its contents or what
/// is wrong with them, naming the file.
pub(super) fn read_in_folder<T: DeserializeOwned + Default>(
    folder: &Path,
    name: &str,
) -> Result<T, String> {
    let path = folder.join(name);
    // A named pipe or a device in its place is refused unopened, and a file far larger than
    // any team's list is refused unread.
    match crate::storage::read_regular_file(&path, CONFIG_LIMIT) {
        Ok(bytes) => {
            let text = String::from_utf8(bytes)
                .map_err(|_| format!("{}: the file is not UTF-8 text", path.display()))?;
            parse(&text).map_err(|reason| format!("{}:{reason}", path.display()))
        }
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(T::default()),
        Err(error) => Err(format!("{}: {error}", path.display())),
    }
}

/// The largest team file read: a list of a thousand owners is a few dozen KiB.
const CONFIG_LIMIT: u64 = 4 * 1024 * 1024;
