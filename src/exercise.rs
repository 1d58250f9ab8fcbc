//! Runs one document through everything in Hindsight that reads it: validation and metrics,
//! every export in every option, the folder review's item extraction and lists, and frames of
//! every part of the editor, drawn headless. The fuzz target and the pipeline property test
//! feed it documents no person would write; whatever they find panics here.
//!
//! Not part of the editor: it exists so that the fuzzer and the tests exercise one and the
//! same list of readers, which grows with the program, and so that the benchmarks draw
//! headless frames the same way.

use std::path::Path;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use chrono::NaiveDate;

use crate::app::{
    DialogOutcome, DialogRequest, FileDialogs, FixedClock, HindsightApp, OpenDocument, Settings,
};
use crate::export::{ExportFormat, ExportOptions, Portion, export, to_markdown};
use crate::model::{ActionFilter, Metrics, Postmortem, validate};
use crate::review::{Grouping, ReviewItem, ReviewQuery, ReviewRecord, ReviewSort, to_csv};
use crate::session::Part;

/// The longest a review of the one-file folder may take before it is given up on.
const REVIEW_PATIENCE: Duration = Duration::from_secs(10);

/// File dialogs that are never shown: each answers "cancelled" at once (for headless runs:
/// the fuzzer, the tests and the benchmarks).
pub struct NoDialogs;

impl FileDialogs for NoDialogs {
    fn show(&mut self, _: DialogRequest, _: Box<dyn Fn() + Send>) -> mpsc::Receiver<DialogOutcome> {
        let (sender, receiver) = mpsc::channel();
        let _nobody_waits = sender.send(DialogOutcome::Cancelled);
        receiver
    }
}

/// Every reader that does not draw: validation, metrics, exports and the review's items.
/// Returns the exports, so callers can check them further.
#[must_use]
pub fn read_everything(doc: &Postmortem, today: NaiveDate) -> Vec<String> {
    let _findings = validate(doc);
    let _metrics = Metrics::from_key_times(&doc.key_times);
    let mut written = Vec::new();
    let option_sets = [
        ExportOptions::default(),
        ExportOptions {
            starred_only: true,
            skip_empty_sections: true,
            exact_csv: true,
        },
    ];
    // Every attachment has bytes, so that the page embeds each one the document names.
    let files: crate::export::AttachedFiles = doc
        .attachments
        .iter()
        .map(|attachment| (attachment.path.clone(), b"\x89PNG\r\n\x1a\n".to_vec()))
        .collect();
    for options in option_sets {
        for format in ExportFormat::ALL {
            if let Ok(text) = export(doc, format, options, &files) {
                written.push(text);
            }
        }
        for portion in [
            Portion::Overview,
            Portion::Timeline,
            Portion::Analysis,
            Portion::ActionItems,
        ] {
            written.push(to_markdown(doc, options, portion));
        }
    }
    let items = ReviewItem::all_of(doc, Path::new("exercised.ron"));
    let records: Vec<ReviewRecord> = items
        .iter()
        .map(|item| ReviewRecord::of(item, today))
        .collect();
    for exact in [false, true] {
        if let Ok(text) = to_csv(&records, exact) {
            written.push(text);
        }
    }
    written.push(crate::review::to_markdown(&records));
    for (grouping, sort) in [
        (Grouping::None, ReviewSort::Due),
        (Grouping::Owner, ReviewSort::Action),
        (Grouping::Incident, ReviewSort::Severity),
    ] {
        let query = ReviewQuery {
            filter: ActionFilter::Overdue,
            due_within: Some(7),
            owner: items.first().map(|item| item.item.owner.clone()),
            grouping,
            sort,
            ..ReviewQuery::default()
        };
        let _listed = query.run(&items, today);
    }
    let _summary = crate::review::owner_summary(&items, today);
    for action_filter in ActionFilter::ALL {
        let _shown = doc
            .action_items
            .iter()
            .filter(|item| action_filter.admits(item, today))
            .count();
    }
    written
}

/// Draws `frames` headless frames of every part of the editor showing `doc`, and of the
/// review of `folder` after `doc` is written into it (as `exercised.ron`).
pub fn draw_everything(doc: &Postmortem, today: NaiveDate, folder: &Path, frames: usize) {
    let ctx = egui::Context::default();
    let mut app = HindsightApp::new(
        OpenDocument::untitled(doc.clone()),
        Box::new(NoDialogs),
        Box::new(FixedClock(today)),
        Settings::default(),
    );
    for part in Part::ALL {
        app.show_part(part);
        for _ in 0..frames {
            let _meshes = frame(&ctx, &mut app);
        }
    }
    if let Ok(text) = crate::storage::to_canonical_ron(doc)
        && std::fs::write(folder.join("exercised.ron"), text).is_ok()
    {
        app.review_folder(&ctx, folder.to_owned());
        let started = Instant::now();
        while app.review_running() && started.elapsed() < REVIEW_PATIENCE {
            let _meshes = frame(&ctx, &mut app);
            std::thread::sleep(Duration::from_millis(1));
        }
        for _ in 0..frames {
            let _meshes = frame(&ctx, &mut app);
        }
    }
}

/// One headless frame at 1400×900: layout, then tessellation, as eframe does before the GPU.
/// Returns how many meshes it made.
pub fn frame(ctx: &egui::Context, app: &mut HindsightApp) -> usize {
    let input = egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1400.0, 900.0),
        )),
        ..Default::default()
    };
    let mut output = ctx.run_ui(input, |ui| app.frame_ui(ui));
    // No GPU takes the font textures here; dropping them unhandled is a debug assertion.
    output.textures_delta.clear();
    ctx.tessellate(output.shapes, output.pixels_per_point).len()
}
