//! A folder being reviewed: the scan running on a helper thread, the last one finished, what
//! its postmortems add up to and what a search found in them (both worked out on helper
//! threads too), and what its list can be exported as.

use std::io;
use std::path::PathBuf;
use std::sync::{Arc, mpsc};

use chrono::{Datelike, Months, NaiveDate, NaiveDateTime};

use crate::review::{FolderScan, ScanProgress, SearchHit, Stats, TeamFileError};

/// Stats worked out, or why the folder's `hindsight.toml` could not be read. The error is
/// shared because one scan's answer fills both the all-time and the shown stats.
pub type StatsResult = Result<StatsAnswer, Arc<TeamFileError>>;

/// What a scan's helper thread sends back: the scan, and the stats of all its postmortems
/// (cheap next to reading the files, and what the Stats and Late reviews views show first).
#[derive(Debug)]
pub struct ScanAnswer {
    /// What the scan read.
    pub scan: FolderScan,
    /// The stats over every incident, or why the folder's `hindsight.toml` could not be read.
    pub stats: StatsResult,
}

/// Stats worked out for one period on one day.
#[derive(Clone, Debug)]
pub struct StatsAnswer {
    /// The period asked for.
    pub period: StatsPeriod,
    /// The day they were counted on.
    pub today: NaiveDate,
    /// The figures.
    pub stats: Stats,
}

/// What a search found.
#[derive(Clone, Debug, Default)]
pub struct SearchAnswer {
    /// The query as typed.
    pub query: String,
    /// The matching postmortems, best first.
    pub hits: Vec<SearchHit>,
}

/// A folder being reviewed, or reviewed.
#[derive(Debug)]
pub struct ReviewSession {
    /// The folder.
    pub folder: PathBuf,
    /// The running scan's counters and its stop flag.
    pub progress: Arc<ScanProgress>,
    /// The answer of the scan still running.
    pub pending: Option<mpsc::Receiver<io::Result<ScanAnswer>>>,
    /// The last finished scan.
    pub scan: Option<FolderScan>,
    /// Why the folder could not be read at all.
    pub error: Option<String>,
    /// When the last scan finished.
    pub read_at: Option<NaiveDateTime>,
    /// The stats over every incident, worked out with the scan (the late reviews come from
    /// these, whatever period the Stats view shows), or why they could not be.
    pub all_time: Option<StatsResult>,
    /// The stats the Stats view shows, for the period last asked, or why they could not be.
    pub stats: Option<StatsResult>,
    /// The stats being worked out, for the period asked.
    pub stats_pending: Option<(StatsPeriod, mpsc::Receiver<StatsResult>)>,
    /// The last search's answer.
    pub search: Option<SearchAnswer>,
    /// The search being run, for the query typed.
    pub search_pending: Option<(String, mpsc::Receiver<SearchAnswer>)>,
}

impl ReviewSession {
    /// A review of `folder` whose scan has just started.
    #[must_use]
    pub fn started(
        folder: PathBuf,
        progress: Arc<ScanProgress>,
        pending: mpsc::Receiver<io::Result<ScanAnswer>>,
    ) -> Self {
        Self {
            folder,
            progress,
            pending: Some(pending),
            scan: None,
            error: None,
            read_at: None,
            all_time: None,
            stats: None,
            stats_pending: None,
            search: None,
            search_pending: None,
        }
    }

    /// Whether a scan is running.
    #[must_use]
    pub const fn scanning(&self) -> bool {
        self.pending.is_some()
    }

    /// The stats over every incident, when they are known.
    #[must_use]
    pub fn all_time_stats(&self) -> Option<&StatsAnswer> {
        self.all_time
            .as_ref()
            .and_then(|answer| answer.as_ref().ok())
    }
}

/// Which incidents the Stats view counts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum StatsPeriod {
    /// Every incident, dated or not.
    #[default]
    All,
    /// The last 90 days.
    Last90Days,
    /// The last twelve months.
    Last12Months,
    /// Since the first of January.
    ThisYear,
    /// The calendar year before this one.
    LastYear,
}

impl StatsPeriod {
    /// Every period, in the order offered.
    pub const ALL: [Self; 5] = [
        Self::All,
        Self::Last90Days,
        Self::Last12Months,
        Self::ThisYear,
        Self::LastYear,
    ];

    /// The period in words.
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::All => "All incidents",
            Self::Last90Days => "Last 90 days",
            Self::Last12Months => "Last 12 months",
            Self::ThisYear => "This year",
            Self::LastYear => "Last year",
        }
    }

    /// The first and last day counted (both included) on `today`; `None` for no bound.
    #[must_use]
    pub fn range(self, today: NaiveDate) -> (Option<NaiveDate>, Option<NaiveDate>) {
        let year_start = |year: i32| NaiveDate::from_ymd_opt(year, 1, 1);
        match self {
            Self::All => (None, None),
            Self::Last90Days => (today.checked_sub_days(chrono::Days::new(89)), Some(today)),
            Self::Last12Months => (
                today
                    .checked_sub_months(Months::new(12))
                    .and_then(|day| day.succ_opt()),
                Some(today),
            ),
            Self::ThisYear => (year_start(today.year()), Some(today)),
            Self::LastYear => (
                year_start(today.year() - 1),
                NaiveDate::from_ymd_opt(today.year() - 1, 12, 31),
            ),
        }
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
    /// The stats shown, as `measure,key,value` CSV.
    StatsCsv,
}

impl ReviewExport {
    /// The file name extension, without the dot.
    #[must_use]
    pub const fn extension(self) -> &'static str {
        match self {
            Self::Csv | Self::JiraCsv | Self::StatsCsv => "csv",
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
            Self::StatsCsv => "incident-stats.csv".to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_count_whole_days_up_to_today() {
        let today = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        assert_eq!(
            StatsPeriod::Last90Days.range(today),
            (day(2025, 12, 2), Some(today))
        );
        assert_eq!(
            StatsPeriod::Last12Months.range(today),
            (day(2025, 3, 2), Some(today))
        );
        assert_eq!(
            StatsPeriod::LastYear.range(today),
            (day(2025, 1, 1), day(2025, 12, 31))
        );
        assert_eq!(StatsPeriod::All.range(today), (None, None));
    }
}
