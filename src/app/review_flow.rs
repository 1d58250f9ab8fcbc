//! Reviewing a folder from the editor: the scan on a helper thread with progress and Cancel,
//! refresh, opening an item's postmortem, and exporting the list.

use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;
use std::sync::{Arc, mpsc};

use super::HindsightApp;
use crate::model::ActionId;
use crate::review::{ReviewRecord, ScanProgress, scan_folder, to_csv};

use crate::session::ReviewSession;
use crate::session::{Part, ReviewExport};

impl HindsightApp {
    /// Starts reading `folder` on a helper thread; the window keeps drawing meanwhile.
    pub(super) fn start_review(&mut self, ctx: &egui::Context, folder: PathBuf) {
        if let Some(old) = &self.review {
            old.progress.cancel.store(true, Ordering::Relaxed);
        }
        let progress = Arc::new(ScanProgress::default());
        let (sender, receiver) = mpsc::channel();
        let thread_progress = Arc::clone(&progress);
        let thread_folder = folder.clone();
        let wake = ctx.clone();
        std::thread::spawn(move || {
            let result = scan_folder(&thread_folder, &thread_progress);
            // The receiver is gone only if a newer review replaced this one.
            let _replaced = sender.send(result);
            wake.request_repaint();
        });
        // A refresh keeps showing the last result until the new one arrives.
        let (scan, read_at) = match self.review.take() {
            Some(old) if old.folder == folder => (old.scan, old.read_at),
            _ => (None, None),
        };
        self.review = Some(ReviewSession {
            folder,
            progress,
            pending: Some(receiver),
            scan,
            error: None,
            read_at,
        });
        self.part = Part::Review;
    }

    /// Takes the scan's result when it has arrived; while it runs, redraws a few times a
    /// second so the progress bar moves (and not at all once it is done).
    pub(super) fn poll_review(&mut self, ctx: &egui::Context) {
        let now = self.clock.now();
        let Some(review) = self.review.as_mut() else {
            return;
        };
        let Some(receiver) = &review.pending else {
            return;
        };
        match receiver.try_recv() {
            Ok(Ok(scan)) => {
                review.scan = Some(scan);
                review.error = None;
                review.read_at = Some(now);
                review.pending = None;
                self.panels.review.scan_replaced();
            }
            Ok(Err(error)) => {
                review.error = Some(format!(
                    "Cannot read the folder {}: {error}",
                    review.folder.display()
                ));
                review.pending = None;
            }
            Err(mpsc::TryRecvError::Empty) => {
                ctx.request_repaint_after(std::time::Duration::from_millis(100));
            }
            Err(mpsc::TryRecvError::Disconnected) => {
                review.error = Some("The review stopped unexpectedly.".to_owned());
                review.pending = None;
            }
        }
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

    /// Opens the postmortem an item came from (behind the unsaved-changes guard) and selects
    /// the item there.
    pub(super) fn open_review_item(&mut self, ctx: &egui::Context, path: PathBuf, id: ActionId) {
        self.select_after_open = Some(id);
        self.request(ctx, super::GuardedAction::OpenPath(path));
    }

    /// Writes the review's current list as CSV or Markdown, or its open items without a
    /// ticket for the team's tracker.
    pub(super) fn export_review(&mut self, path: &Path, format: ReviewExport) {
        if matches!(format, ReviewExport::GhScript | ReviewExport::JiraCsv) {
            self.export_for_tracker(path, format);
            return;
        }
        let Some(scan) = self.review.as_ref().and_then(|review| review.scan.as_ref()) else {
            return;
        };
        let today = self.clock.today();
        let listed = self.panels.review.listed(&scan.items, today);
        let records: Vec<ReviewRecord> = listed
            .iter()
            .map(|index| ReviewRecord::of(&scan.items[*index], today))
            .collect();
        let text = match format {
            ReviewExport::Csv => match to_csv(&records, self.settings.export_options.exact_csv) {
                Ok(text) => text,
                Err(error) => {
                    self.error = Some(format!("The list could not be written as CSV: {error}"));
                    return;
                }
            },
            ReviewExport::Markdown => crate::review::to_markdown(&records),
            ReviewExport::GhScript | ReviewExport::JiraCsv => return,
        };
        match self.writer.replace(path, text.as_bytes()) {
            Ok(()) => {
                self.status = format!("Exported {} items to {}", records.len(), path.display());
            }
            Err(error) => self.error = Some(format!("The list was not exported.\n\n{error}")),
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
                self.error = Some(format!("Nothing was exported: {reason}"));
                return;
            }
        };
        let today = self.clock.today();
        let items: Vec<crate::review::ReviewItem> = self
            .panels
            .review
            .listed(&scan.items, today)
            .iter()
            .map(|index| scan.items[*index].clone())
            .filter(crate::review::needs_ticket)
            .collect();
        let text = if format == ReviewExport::GhScript {
            crate::review::gh_script(&items, &owners)
        } else {
            match crate::review::jira_csv(&items, &owners, self.settings.export_options.exact_csv) {
                Ok(text) => text,
                Err(error) => {
                    self.error = Some(format!("The list could not be written as CSV: {error}"));
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
            Err(error) => self.error = Some(format!("The list was not exported.\n\n{error}")),
        }
    }
}
