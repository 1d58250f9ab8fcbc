//! Writing files, behind a trait so tests can make a write fail partway.

use std::path::Path;

use crate::storage::{self, SaveError};

/// Replaces files for the editor: saves and exports.
pub trait FileWriter {
    /// Replaces `path` with `bytes` whole, or leaves it as it was and says why.
    fn replace(&self, path: &Path, bytes: &[u8]) -> Result<(), SaveError>;

    /// Replaces `path` with `bytes` only if it still holds the bytes whose fingerprint is
    /// `expected` (`None`: only if there is no file), checked and written under the file's
    /// lock; `false` when it had changed and nothing was written. Writers that stand in for
    /// the disk in tests write unconditionally.
    fn replace_if_unchanged(
        &self,
        path: &Path,
        expected: Option<storage::ContentHash>,
        bytes: &[u8],
    ) -> Result<bool, SaveError> {
        let _ = expected;
        self.replace(path, bytes).map(|()| true)
    }
}

/// The real disk, written atomically (temporary file, sync, rename).
#[derive(Debug, Default)]
pub struct AtomicFileWriter;

impl FileWriter for AtomicFileWriter {
    fn replace(&self, path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
        storage::atomic_write(path, bytes)
    }

    fn replace_if_unchanged(
        &self,
        path: &Path,
        expected: Option<storage::ContentHash>,
        bytes: &[u8],
    ) -> Result<bool, SaveError> {
        storage::write_if_unchanged(path, expected, bytes).map_err(|error| match error {
            storage::UpdateError::Save(error) => error,
            // The file could not be read back to compare: say why, as a failed write.
            storage::UpdateError::Load(error) => SaveError::Write {
                path: path.to_owned(),
                source: std::io::Error::other(error.to_string()),
            },
            storage::UpdateError::Refused(never) => match never {},
        })
    }
}
