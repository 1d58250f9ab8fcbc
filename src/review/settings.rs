//! A team's `hindsight.toml`, kept at the root of its postmortem folder beside `owners.toml`:
//! how soon a postmortem should be final, the tags a postmortem may carry, and the domains
//! whose hosts a public version never names.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::ReviewDeadlines;
use crate::model::TeamRules;

/// The settings file's name.
pub const SETTINGS_FILE: &str = "hindsight.toml";

/// What a folder's `hindsight.toml` says; everything is optional.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct FolderSettings {
    /// `[late_reviews] severe_days = 5, other_days = 10`.
    pub late_reviews: ReviewDeadlines,
    /// `tags = ["config-change", "capacity"]`: the team's taxonomy of contributing factors.
    pub tags: Option<Vec<String>>,
    /// `internal_domains = ["corp.example.com"]`: hosts under these are the team's own, taken
    /// out of public versions and flagged by `hindsight check --public`.
    pub internal_domains: Vec<String>,
}

impl FolderSettings {
    /// What `folder/hindsight.toml` says, or the defaults when there is none; a mistake in
    /// the file is refused with its line and column.
    pub fn in_folder(folder: &Path) -> Result<Self, super::TeamFileError> {
        super::toml_file::read_in_folder(folder, SETTINGS_FILE)
    }

    /// The settings that apply to the postmortem at `file`: those of the nearest
    /// `hindsight.toml` in its folder or a folder above, with that file's path; the defaults
    /// and no path when there is none.
    pub fn for_document(file: &Path) -> Result<(Self, Option<PathBuf>), super::TeamFileError> {
        let start = file
            .parent()
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
        let start = std::path::absolute(&start).unwrap_or(start);
        for folder in start.ancestors() {
            let candidate = folder.join(SETTINGS_FILE);
            if candidate.is_file() {
                return Self::in_folder(folder).map(|settings| (settings, Some(candidate)));
            }
        }
        Ok((Self::default(), None))
    }

    /// The rules for public versions these settings give.
    #[must_use]
    pub fn public_rules(&self) -> crate::model::PublicRules {
        crate::model::PublicRules {
            internal_domains: self.internal_domains.clone(),
        }
    }

    /// The checks these settings add to a postmortem's own.
    #[must_use]
    pub fn rules(&self) -> TeamRules {
        TeamRules {
            tags: self.tags.clone(),
            public: self.public_rules(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_nearest_settings_above_a_document_apply() {
        let root = tempfile::tempdir().unwrap();
        std::fs::write(
            root.path().join(SETTINGS_FILE),
            "tags = [\"capacity\", \"config-change\"]\n[late_reviews]\nsevere_days = 3\n",
        )
        .unwrap();
        let deep = root.path().join("2025/q3");
        std::fs::create_dir_all(&deep).unwrap();
        let (settings, found) = FolderSettings::for_document(&deep.join("db.ron")).unwrap();
        assert_eq!(found, Some(root.path().join(SETTINGS_FILE)));
        assert_eq!(settings.late_reviews.severe_days, 3);
        assert_eq!(settings.late_reviews.other_days, 10);
        assert_eq!(
            settings.rules().tags,
            Some(vec!["capacity".to_owned(), "config-change".to_owned()])
        );
    }

    #[test]
    fn a_mistake_is_refused_with_its_place() {
        let root = tempfile::tempdir().unwrap();
        std::fs::write(root.path().join(SETTINGS_FILE), "tags = \"capacity\"\n").unwrap();
        let error = FolderSettings::in_folder(root.path())
            .unwrap_err()
            .to_string();
        assert!(error.contains("hindsight.toml:1:8"), "{error}");
    }
}
