//! A folder being reviewed: the scan running on a helper thread, the last one finished, and
//! what its list can be exported as.

use std::io;
use std::path::PathBuf;
use std::sync::{Arc, mpsc};

use chrono::NaiveDateTime;

use crate::review::{FolderScan, ScanProgress};

/// A folder being reviewed, or reviewed.
#[derive(Debug)]
pub struct ReviewSession {
    /// The folder.
    pub folder: PathBuf,
    /// The running scan's counters and its stop flag.
    pub progress: Arc<ScanProgress>,
    /// The answer of the scan still running.
    pub pending: Option<mpsc::Receiver<io::Result<FolderScan>>>,
    /// The last finished scan.
    pub scan: Option<FolderScan>,
    /// Why the folder could not be read at all.
    pub error: Option<String>,
    /// When the last scan finished.
    pub read_at: Option<NaiveDateTime>,
}

impl ReviewSession {
    /// Whether a scan is running.
    #[must_use]
    pub const fn scanning(&self) -> bool {
        self.pending.is_some()
    }
}

/// What the review list can be exported as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReviewExport {
    /// CSV for spreadsheets.
    Csv,
    /// A Markdown table for wikis and tickets.
    Markdown,
    /// A shell script filing the listed open items without a ticket as GitHub issues.
    GhScript,
    /// A CSV of the listed open items without a ticket, for Jira's importer.
    JiraCsv,
}

impl ReviewExport {
    /// The file name extension, without the dot.
    #[must_use]
    pub const fn extension(self) -> &'static str {
        match self {
            Self::Csv | Self::JiraCsv => "csv",
            Self::Markdown => "md",
            Self::GhScript => "sh",
        }
    }

    /// The file name offered for the list: `action-items.csv`, `file-issues.sh`.
    #[must_use]
    pub fn file_name(self) -> String {
        match self {
            Self::Csv | Self::Markdown => format!("action-items.{}", self.extension()),
            Self::GhScript => "file-issues.sh".to_owned(),
            Self::JiraCsv => "jira-issues.csv".to_owned(),
        }
    }
}
