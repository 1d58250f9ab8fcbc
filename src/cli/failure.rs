//! Why a command could not do what was asked for one file or one step. Each case is said in
//! one line (after `hindsight: ` or the file's name), and code and tests can tell the cases
//! apart without reading the words.

use std::io;
use std::path::PathBuf;

use crate::sources::SourceError;
use crate::storage::{AttachError, LoadError, SaveError, UpdateError};

/// Why a command's step failed.
#[derive(Debug, thiserror::Error)]
pub enum CommandError {
    /// A postmortem could not be read.
    #[error(transparent)]
    Load(#[from] LoadError),
    /// A file could not be written; what was there before is intact.
    #[error(transparent)]
    Save(#[from] SaveError),
    /// A source to import could not be read (the caller names the file).
    #[error(transparent)]
    Source(#[from] SourceError),
    /// A file the caller names could not be read.
    #[error(transparent)]
    Read(io::Error),
    /// A folder or file could not be made.
    #[error("{}: {source}", path.display())]
    Io {
        /// The folder or file.
        path: PathBuf,
        /// What the operating system said.
        source: io::Error,
    },
    /// The output is there already, and `--force` was not given.
    #[error("{} is there already (--force writes over it)", .0.display())]
    AlreadyThere(PathBuf),
    /// The file's folder is a link that leads out of the folder being set up.
    #[error(
        "{}: not written: its folder is a link out of {} (to {})",
        path.display(),
        folder.display(),
        real.display()
    )]
    LinkOut {
        /// The file that would have been written.
        path: PathBuf,
        /// The folder being set up.
        folder: PathBuf,
        /// Where the link leads.
        real: PathBuf,
    },
    /// No built-in template has the name, and it names no postmortem file.
    #[error(
        "no template called {name:?}: the built-in ones are {known}, or name a postmortem file kept as a template"
    )]
    NoSuchTemplate {
        /// The name given.
        name: String,
        /// The built-in templates' names, listed.
        known: String,
    },
    /// An empty ticket was given.
    #[error("the ticket is empty")]
    EmptyTicket,
    /// Too little of an action item's ID was given to name one.
    #[error("{0:?} is too short to name one action item (give at least 4 characters)")]
    IdTooShort(String),
    /// No action item's ID starts with what was given.
    #[error("{}: no action item has the ID {id}", file.display())]
    NoSuchItem {
        /// The postmortem.
        file: PathBuf,
        /// The ID given.
        id: String,
    },
    /// Several action items' IDs start with what was given.
    #[error("{}: {count} action items start with {id}; give more of the ID", file.display())]
    AmbiguousItem {
        /// The postmortem.
        file: PathBuf,
        /// The ID given.
        id: String,
        /// How many items it could be.
        count: usize,
    },
    /// An import's output would replace one of its inputs.
    #[error(
        "{} would be written over {}, which is being imported; nothing was written",
        target.display(),
        input.display()
    )]
    OverAnInput {
        /// The output.
        target: PathBuf,
        /// The input it is.
        input: PathBuf,
    },
    /// Two imports would write one output.
    #[error(
        "{} and {} would both be written to {}; give them different names or folders (nothing was written)",
        first.display(),
        second.display(),
        target.display()
    )]
    SameOutput {
        /// The first input.
        first: PathBuf,
        /// The second input.
        second: PathBuf,
        /// The output both would go to.
        target: PathBuf,
    },
    /// A file could not be attached.
    #[error(transparent)]
    Attach(#[from] AttachError),
    /// The timeline has no row of that number.
    #[error(
        "{}: there is no timeline row {row} (the timeline has {count} rows, numbered from 1)",
        file.display()
    )]
    NoSuchRow {
        /// The postmortem.
        file: PathBuf,
        /// The number given.
        row: usize,
        /// How many rows there are.
        count: usize,
    },
    /// No section has the name given.
    #[error("no section is called {name:?}: the sections are {known}")]
    NoSuchSection {
        /// The name given.
        name: String,
        /// The sections' headings, listed.
        known: String,
    },
    /// git could not be run.
    #[error("git config: {0}")]
    GitMissing(io::Error),
    /// git ran and refused, in its own words.
    #[error("{0}")]
    GitRefused(String),
}

impl From<UpdateError<Self>> for CommandError {
    fn from(error: UpdateError<Self>) -> Self {
        match error {
            UpdateError::Load(error) => Self::Load(error),
            UpdateError::Refused(error) => error,
            UpdateError::Save(error) => Self::Save(error),
        }
    }
}
