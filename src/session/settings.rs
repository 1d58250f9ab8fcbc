//! Preferences kept between runs in eframe's app storage, never in the document.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// How many recent files, and recent review folders, the editor remembers.
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
    /// Folders reviewed, most recent first; the first is reviewed again when the Review part
    /// is opened before any folder is chosen.
    pub review_folders: Vec<PathBuf>,
}

impl Settings {
    /// The key under which eframe stores these settings.
    pub const STORAGE_KEY: &'static str = "hindsight-settings";

    /// Puts `path` at the top of the recent files, once.
    pub fn remember(&mut self, path: &Path) {
        put_first(&mut self.recent_files, path);
    }

    /// Drops a recent file that no longer opens.
    pub fn forget(&mut self, path: &Path) {
        self.recent_files.retain(|known| known != path);
    }

    /// Puts `folder` at the top of the recent review folders, once.
    pub fn remember_review_folder(&mut self, folder: &Path) {
        put_first(&mut self.review_folders, folder);
    }

    /// Drops a review folder that can no longer be read.
    pub fn forget_review_folder(&mut self, folder: &Path) {
        self.review_folders.retain(|known| known != folder);
    }
}

/// Puts `path` at the front of `recent`, dropping an older mention and the oldest entries
/// past the limit.
fn put_first(recent: &mut Vec<PathBuf>, path: &Path) {
    recent.retain(|known| known != path);
    recent.insert(0, path.to_owned());
    recent.truncate(RECENT_LIMIT);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn review_folders_are_unique_newest_first_and_forgotten_on_request() {
        let mut settings = Settings::default();
        settings.remember_review_folder(Path::new("/pm/a"));
        settings.remember_review_folder(Path::new("/pm/b"));
        settings.remember_review_folder(Path::new("/pm/a"));
        assert_eq!(
            settings.review_folders,
            [Path::new("/pm/a"), Path::new("/pm/b")]
        );
        settings.forget_review_folder(Path::new("/pm/a"));
        assert_eq!(settings.review_folders, [Path::new("/pm/b")]);
        // Recent files are a separate list.
        assert!(settings.recent_files.is_empty());
    }

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
