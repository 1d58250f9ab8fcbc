//! Writing files, behind a trait so tests can make a write fail partway.

use std::path::Path;

use crate::storage::{self, SaveError};

/// Replaces files for the editor: saves and exports.
pub trait FileWriter {
    /// Replaces `path` with `bytes` whole, or leaves it as it was and says why.
    fn replace(&self, path: &Path, bytes: &[u8]) -> Result<(), SaveError>;
}

/// The real disk, written atomically (temporary file, sync, rename).
#[derive(Debug, Default)]
pub struct AtomicFileWriter;

impl FileWriter for AtomicFileWriter {
    fn replace(&self, path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
        storage::atomic_write(path, bytes)
    }
}
