//! Reading and writing postmortem files: canonical RON, format versions, atomic saves.
//!
//! Every failure here becomes a typed error that names the file and says why in plain words;
//! nothing in this module panics on any input.

mod atomic;
mod error;
mod format;
mod recovery;

pub use atomic::{atomic_write, atomic_write_with};
pub use error::{LoadError, SaveError};
pub use format::{MAX_FILE_BYTES, from_ron_bytes, from_ron_str, to_canonical_ron};
pub use recovery::{RecoveredCopy, RecoveryFolder, RecoveryInfo, SessionLock};

use std::fs::File;
use std::io::Read;
use std::path::Path;

use crate::model::Postmortem;

/// Reads and checks a postmortem file. The document is returned only when the whole file was
/// understood; a file that is too big, not RON, not a postmortem or from a newer Hindsight
/// is refused.
pub fn load(path: &Path) -> Result<Postmortem, LoadError> {
    let io_error = |source| LoadError::Unreadable {
        path: path.to_owned(),
        source,
    };
    let file = File::open(path).map_err(io_error)?;
    let size = file.metadata().map_err(io_error)?.len();
    if size > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            path: path.to_owned(),
            size,
        });
    }
    // The size can change between the check and the read; `take` keeps memory bounded anyway.
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io_error)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            path: path.to_owned(),
            size: bytes.len() as u64,
        });
    }
    format::from_ron_bytes(&bytes, path)
}

/// Writes the document to `path` in canonical form, atomically: on any failure the file that
/// was there before is left as it was.
pub fn save(path: &Path, doc: &Postmortem) -> Result<(), SaveError> {
    let text = to_canonical_ron(doc)?;
    atomic_write(path, text.as_bytes())
}
