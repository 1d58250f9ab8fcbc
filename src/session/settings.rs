//! Preferences kept between runs in eframe's app storage, never in the document.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// How many recent files the File menu remembers.
const RECENT_LIMIT: usize = 10;

/// What the editor remembers between runs.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Files opened or saved, most recent first.
    pub recent_files: Vec<PathBuf>,
    /// The choices last made in File → Export.
    pub export_options: crate::export::ExportOptions,
    /// The file open when the editor was last closed, reopened at the next start when no
    /// file is named (`None`: the example or an unsaved document was open).
    pub last_open: Option<PathBuf>,
    /// A folder of the team's templates the person picked in File → New from template….
    pub template_folder: Option<PathBuf>,
    /// Whether the review's due-week chart is folded away.
    pub review_chart_folded: bool,
}

impl Settings {
    /// The key under which eframe stores these settings.
    pub const STORAGE_KEY: &'static str = "hindsight-settings";

    /// Puts `path` at the top of the recent files, once.
    pub fn remember(&mut self, path: &Path) {
        self.recent_files.retain(|known| known != path);
        self.recent_files.insert(0, path.to_owned());
        self.recent_files.truncate(RECENT_LIMIT);
    }

    /// Drops a recent file that no longer opens.
    pub fn forget(&mut self, path: &Path) {
        self.recent_files.retain(|known| known != path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recent_files_are_unique_newest_first_and_bounded() {
        let mut settings = Settings::default();
        for index in 0..15 {
            settings.remember(Path::new(&format!("/tmp/{index}.ron")));
        }
        settings.remember(Path::new("/tmp/10.ron"));
        assert_eq!(settings.recent_files.len(), RECENT_LIMIT);
        assert_eq!(settings.recent_files[0], Path::new("/tmp/10.ron"));
        assert_eq!(settings.recent_files[1], Path::new("/tmp/14.ron"));
        settings.forget(Path::new("/tmp/10.ron"));
        assert_eq!(settings.recent_files[0], Path::new("/tmp/14.ron"));
    }
}
