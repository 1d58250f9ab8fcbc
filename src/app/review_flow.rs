//! Reviewing a folder from the editor: the scan on a helper thread with progress and Cancel,
//! refresh, opening an item's postmortem, and exporting the list.

use crate::session::Modal;
use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;
use std::sync::{Arc, mpsc};

use super::HindsightApp;
use crate::model::Place;
use crate::review::{
    FolderSettings, Postmortems, ReviewRecord, ScanProgress, SearchQuery, scan_folder, search,
    stats, to_csv,
};
use crate::session::{
    Part, ReviewExport, ReviewSession, ScanAnswer, SearchAnswer, StatsAnswer, StatsPeriod,
    StatsResult,
};

/// The stats of `period` over `documents`, with the late-review deadlines of `folder`'s
/// `hindsight.toml` (or why that file could not be read).
fn stats_of(
    documents: &Postmortems,
    folder: &Path,
    period: StatsPeriod,
    today: chrono::NaiveDate,
) -> StatsResult {
    let deadlines = FolderSettings::in_folder(folder)
        .map_err(Arc::new)?
        .late_reviews;
    let (since, until) = period.range(today);
    Ok(StatsAnswer {
        period,
        today,
        stats: stats(documents, since, until, today, deadlines),
    })
}

impl HindsightApp {
    /// Starts reading `folder` on a helper thread; the window keeps drawing meanwhile. The
    /// thread also works out the stats of every incident, with the folder's deadlines.
    pub(super) fn start_review(&mut self, ctx: &egui::Context, folder: PathBuf) {
        self.settings.remember_review_folder(&folder);
        if let Some(old) = &self.review {
            old.progress.cancel.store(true, Ordering::Relaxed);
        }
        let progress = Arc::new(ScanProgress::default());
        let (sender, receiver) = mpsc::channel();
        let thread_progress = Arc::clone(&progress);
        let thread_folder = folder.clone();
        let wake = ctx.clone();
        let today = self.clock.today();
        std::thread::spawn(move || {
            let result = scan_folder(&thread_folder, &thread_progress).map(|scan| {
                let stats = stats_of(&scan.documents, &thread_folder, StatsPeriod::All, today);
                ScanAnswer { scan, stats }
            });
            // The receiver is gone only if a newer review replaced this one.
            let _replaced = sender.send(result);
            wake.request_repaint();
        });
        let mut session = ReviewSession::started(folder, progress, receiver);
        // A refresh keeps showing the last result until the new one arrives.
        if let Some(old) = self.review.take()
            && old.folder == session.folder
        {
            session.scan = old.scan;
            session.read_at = old.read_at;
            session.all_time = old.all_time;
            session.stats = old.stats;
            session.search = old.search;
        }
        self.review = Some(session);
        self.part = Part::Review;
    }

    /// Reviews the folder reviewed last, when it is still there: the Review part opened
    /// after a restart shows what it showed before.
    pub(super) fn review_last_folder(&mut self, ctx: &egui::Context) {
        if let Some(folder) = self
            .settings
            .review_folders
            .first()
            .filter(|folder| folder.is_dir())
            .cloned()
        {
            self.start_review(ctx, folder);
        }
    }

    /// Takes the answers of the helper threads that have arrived; while one runs, redraws a
    /// few times a second so the progress shows (and not at all once all are done).
    pub(super) fn poll_review(&mut self, ctx: &egui::Context) {
        let now = self.clock.now();
        let Some(review) = self.review.as_mut() else {
            return;
        };
        let mut waiting = false;
        if let Some(receiver) = &review.pending {
            match receiver.try_recv() {
                Ok(Ok(answer)) => {
                    review.scan = Some(answer.scan);
                    review.all_time = Some(answer.stats.clone());
                    review.stats = Some(answer.stats);
                    review.error = None;
                    review.read_at = Some(now);
                    review.pending = None;
                    // Stats of another period and search hits were of the old files.
                    review.stats_pending = None;
                    review.search = None;
                    review.search_pending = None;
                    self.panels.review.scan_replaced();
                }
                Ok(Err(error)) => {
                    self.settings.forget_review_folder(&review.folder);
                    review.error = Some(format!(
                        "Cannot read the folder {}: {error}",
                        review.folder.display()
                    ));
                    review.pending = None;
                }
                Err(mpsc::TryRecvError::Empty) => waiting = true,
                Err(mpsc::TryRecvError::Disconnected) => {
                    review.error = Some("The review stopped unexpectedly.".to_owned());
                    review.pending = None;
                }
            }
        }
        if let Some((_, receiver)) = &review.stats_pending {
            match receiver.try_recv() {
                Ok(answer) => {
                    review.stats = Some(answer);
                    review.stats_pending = None;
                }
                Err(mpsc::TryRecvError::Empty) => waiting = true,
                Err(mpsc::TryRecvError::Disconnected) => review.stats_pending = None,
            }
        }
        if let Some((_, receiver)) = &review.search_pending {
            match receiver.try_recv() {
                Ok(answer) => {
                    review.search = Some(answer);
                    review.search_pending = None;
                }
                Err(mpsc::TryRecvError::Empty) => waiting = true,
                Err(mpsc::TryRecvError::Disconnected) => review.search_pending = None,
            }
        }
        if waiting {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
    }

    /// Works out the stats of `period` on a helper thread (the view keeps showing the last
    /// ones meanwhile).
    pub(super) fn start_stats(&mut self, ctx: &egui::Context, period: StatsPeriod) {
        let today = self.clock.today();
        let Some(review) = self.review.as_mut() else {
            return;
        };
        let Some(scan) = &review.scan else {
            return;
        };
        let documents = Arc::clone(&scan.documents);
        let folder = review.folder.clone();
        let (sender, receiver) = mpsc::channel();
        let wake = ctx.clone();
        std::thread::spawn(move || {
            let _replaced = sender.send(stats_of(&documents, &folder, period, today));
            wake.request_repaint();
        });
        review.stats_pending = Some((period, receiver));
    }

    /// Runs a search of the folder's postmortems on a helper thread; a newer query replaces
    /// one still running (its answer is dropped).
    pub(super) fn start_search(&mut self, ctx: &egui::Context, query: String) {
        let Some(review) = self.review.as_mut() else {
            return;
        };
        let Some(scan) = &review.scan else {
            return;
        };
        let documents = Arc::clone(&scan.documents);
        let (sender, receiver) = mpsc::channel();
        let wake = ctx.clone();
        let text = query.clone();
        std::thread::spawn(move || {
            let hits = search(&documents, &SearchQuery::parse(&text));
            let _replaced = sender.send(SearchAnswer { query: text, hits });
            wake.request_repaint();
        });
        review.search_pending = Some((query, receiver));
    }

    /// Stops the running scan; what was read so far is kept.
    pub(super) fn cancel_review(&self) {
        if let Some(review) = &self.review {
            review.progress.cancel.store(true, Ordering::Relaxed);
        }
    }

    /// Reads the reviewed folder again.
    pub(super) fn refresh_review(&mut self, ctx: &egui::Context) {
        if let Some(folder) = self.review.as_ref().map(|review| review.folder.clone()) {
            self.start_review(ctx, folder);
        }
    }

    /// Opens a postmortem of the folder (behind the unsaved-changes guard) and shows `place`
    /// in it: an action item, a timeline row, a section.
    pub(super) fn open_review_place(&mut self, ctx: &egui::Context, path: PathBuf, place: Place) {
        self.select_after_open = Some(place);
        self.request(ctx, super::GuardedAction::OpenPath(path));
    }

    /// Writes the review's current list as CSV or Markdown, or its open items without a
    /// ticket for the team's tracker.
    pub(super) fn export_review(&mut self, path: &Path, format: ReviewExport) {
        if matches!(format, ReviewExport::GhScript | ReviewExport::JiraCsv) {
            self.export_for_tracker(path, format);
            return;
        }
        if format == ReviewExport::StatsCsv {
            self.export_stats(path);
            return;
        }
        let Some(scan) = self.review.as_ref().and_then(|review| review.scan.as_ref()) else {
            return;
        };
        let today = self.clock.today();
        let listed = self.panels.review.exported(&scan.items, today);
        let records: Vec<ReviewRecord> = listed
            .iter()
            .map(|index| ReviewRecord::of(&scan.items[*index], today))
            .collect();
        let text = match format {
            ReviewExport::Csv => match to_csv(&records, self.settings.export_options.exact_csv) {
                Ok(text) => text,
                Err(error) => {
                    self.modals.open(Modal::Error(format!(
                        "The list could not be written as CSV: {error}"
                    )));
                    return;
                }
            },
            ReviewExport::Markdown => crate::review::to_markdown(&records),
            ReviewExport::GhScript | ReviewExport::JiraCsv | ReviewExport::StatsCsv => return,
        };
        match self.writer.replace(path, text.as_bytes()) {
            Ok(()) => {
                self.status = format!("Exported {} items to {}", records.len(), path.display());
            }
            Err(error) => self.modals.open(Modal::Error(format!(
                "The list was not exported.\n\n{error}"
            ))),
        }
    }

    /// The listed open items without a ticket as a `gh` script or a Jira CSV, owners mapped
    /// by the reviewed folder's `owners.toml`; unmapped owners are named in the status.
    fn export_for_tracker(&mut self, path: &Path, format: ReviewExport) {
        let Some(review) = self.review.as_ref() else {
            return;
        };
        let Some(scan) = review.scan.as_ref() else {
            return;
        };
        let owners = match crate::review::Owners::in_folder(&review.folder) {
            Ok(owners) => owners,
            Err(reason) => {
                self.modals
                    .open(Modal::Error(format!("Nothing was exported: {reason}")));
                return;
            }
        };
        let today = self.clock.today();
        let items: Vec<crate::review::ReviewItem> = self
            .panels
            .review
            .exported(&scan.items, today)
            .iter()
            .map(|index| scan.items[*index].clone())
            .filter(crate::review::needs_ticket)
            .collect();
        let text = if format == ReviewExport::GhScript {
            crate::review::gh_script(&items, &owners, &review.folder)
        } else {
            match crate::review::jira_csv(
                &items,
                &owners,
                &review.folder,
                self.settings.export_options.exact_csv,
            ) {
                Ok(text) => text,
                Err(error) => {
                    self.modals.open(Modal::Error(format!(
                        "The list could not be written as CSV: {error}"
                    )));
                    return;
                }
            }
        };
        let unmapped = crate::review::unmapped_owners(&items, &owners);
        match self.writer.replace(path, text.as_bytes()) {
            Ok(()) => {
                self.status = format!(
                    "Wrote {} open items without a ticket to {}{}",
                    items.len(),
                    path.display(),
                    if unmapped.is_empty() {
                        String::new()
                    } else {
                        format!(
                            " \u{b7} not in {}, so unassigned: {}",
                            crate::review::OWNERS_FILE,
                            unmapped.join(", ")
                        )
                    }
                );
            }
            Err(error) => self.modals.open(Modal::Error(format!(
                "The list was not exported.\n\n{error}"
            ))),
        }
    }

    /// Writes the stats the view shows as `measure,key,value` CSV.
    fn export_stats(&mut self, path: &Path) {
        let Some(Some(Ok(answer))) = self.review.as_ref().map(|review| review.stats.as_ref())
        else {
            self.modals
                .open(Modal::Error("There are no stats to export yet.".to_owned()));
            return;
        };
        let text = match crate::review::stats_csv(&answer.stats) {
            Ok(text) => text,
            Err(error) => {
                self.modals.open(Modal::Error(format!(
                    "The stats could not be written as CSV: {error}"
                )));
                return;
            }
        };
        let period = answer.period.label().to_lowercase();
        match self.writer.replace(path, text.as_bytes()) {
            Ok(()) => {
                self.status = format!("Exported the stats ({period}) to {}", path.display());
            }
            Err(error) => self.modals.open(Modal::Error(format!(
                "The stats were not exported.\n\n{error}"
            ))),
        }
    }
}
