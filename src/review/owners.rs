//! Who the owners written in postmortems are in the team's tracker: an `owners.toml` at the
//! root of the reviewed folder maps each name, exactly as written in the action items, to a
//! GitHub login and an e-mail address. A name it does not map is never guessed.
//!
//! ```toml
//! "Priya L." = { github = "priyal", email = "priya@example.com" }
//! "Bob M." = { github = "bobm" }
//! ```

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;

/// The file's name, at the root of the reviewed folder.
pub const OWNERS_FILE: &str = "owners.toml";

/// One owner's accounts.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Accounts {
    /// Their GitHub login, for `gh issue create --assignee`.
    pub github: Option<String>,
    /// Their e-mail address, which Jira's importer matches users by.
    pub email: Option<String>,
}

/// The owners the team mapped, by the name written in the action items.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Owners {
    by_name: BTreeMap<String, Accounts>,
}

impl Owners {
    /// Reads `owners.toml` text; a mistake is refused with its line and column.
    pub fn parse(text: &str) -> Result<Self, super::TomlMistake> {
        super::toml_file::parse(text).map(|by_name| Self { by_name })
    }

    /// The mapping in `folder/owners.toml`: none when there is no such file; the file's
    /// problem, with where, when it cannot be read.
    pub fn in_folder(folder: &Path) -> Result<Self, super::TeamFileError> {
        super::toml_file::read_in_folder(folder, OWNERS_FILE).map(|by_name| Self { by_name })
    }

    /// The accounts of the owner written `name`, if the team mapped it.
    #[must_use]
    pub fn of(&self, name: &str) -> Option<&Accounts> {
        self.by_name.get(name.trim())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_map_to_accounts_and_mistakes_say_where() {
        let owners = Owners::parse(
            "\"Priya L.\" = { github = \"priyal\", email = \"priya@example.com\" }\n\"Bob M.\" = { github = \"bobm\" }\n",
        )
        .unwrap_or_default();
        assert_eq!(
            owners.of("Priya L.").and_then(|a| a.github.as_deref()),
            Some("priyal")
        );
        assert_eq!(owners.of("Bob M.").and_then(|a| a.email.as_deref()), None);
        assert!(owners.of("priya").is_none());
        let error = Owners::parse("\"Priya L.\" = { gitlab = \"x\" }\n").unwrap_err();
        assert_eq!(error.place.map(|(line, _)| line), Some(1), "{error}");
        let error = error.to_string();
        assert!(error.starts_with("1:"), "{error}");
        assert!(error.contains("gitlab"), "{error}");
    }
}
