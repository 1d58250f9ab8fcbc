//! What one edit costs on a document of 10,000 timeline rows and 10,000 action items: the
//! edit, its undo step and what the document keeps up to date after it (validation), and the
//! memory 200 undo steps hold. Run with `cargo bench --bench edits`.

#![allow(
    clippy::unwrap_used,
    missing_docs,
    clippy::print_stderr,
    reason = "benchmark set-up: a panic is a broken benchmark, criterion's macros generate undocumented items, and the memory figure is reported on stderr"
)]

use criterion::{Criterion, criterion_group, criterion_main};
use hindsight::example::example_postmortem;
use hindsight::model::{Edit, ListEdit, Postmortem, TimelineRow};
use hindsight::sample::generated_postmortem;
use hindsight::session::OpenDocument;

/// An edit of row `index`: its event text changes, as typing in the row does.
fn retype(doc: &Postmortem, index: usize, round: usize) -> Edit {
    let row = &doc.timeline[index];
    Edit::Timeline(ListEdit::Replace(
        index,
        TimelineRow {
            event: format!("{} ({round})", row.event),
            ..row.clone()
        },
    ))
}

/// The process's resident memory in bytes, from `/proc/self/statm` (Linux).
fn resident_bytes() -> Option<u64> {
    let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
    let pages: u64 = statm.split_whitespace().nth(1)?.parse().ok()?;
    Some(pages * 4096)
}

fn edits(c: &mut Criterion) {
    let large = generated_postmortem(&example_postmortem().unwrap(), 10_000, 10_000);
    let screenful = generated_postmortem(&example_postmortem().unwrap(), 40, 40);

    // Memory held by 200 undo steps, each a separate edit of a different row.
    let before = resident_bytes();
    let mut document = OpenDocument::untitled(large.clone());
    for round in 0..200 {
        let edit = retype(document.doc(), (round * 37) % 10_000, round);
        document.apply(edit);
    }
    if let (Some(before), Some(after)) = (before, resident_bytes()) {
        eprintln!(
            "edits: 200 undo steps on the 10k-row document hold {:.1} MB more",
            (after.saturating_sub(before)) as f64 / 1_000_000.0
        );
    }
    drop(document);

    let mut group = c.benchmark_group("edit");
    for (name, doc) in [("screenful", &screenful), ("10k rows", &large)] {
        let mut document: Option<(OpenDocument, usize)> = None;
        group.bench_function(format!("one step / {name}"), |b| {
            let (document, round) =
                document.get_or_insert_with(|| (OpenDocument::untitled(doc.clone()), 0));
            b.iter(|| {
                *round += 1;
                let rows = document.doc().timeline.len();
                let edit = retype(document.doc(), (*round * 37) % rows, *round);
                document.apply(edit);
            });
        });
    }
    group.finish();

    let mut group = c.benchmark_group("after an edit");
    group.bench_function("validate / 10k rows", |b| {
        b.iter(|| hindsight::model::validate(&large).len());
    });
    group.bench_function("clone the document / 10k rows", |b| {
        b.iter(|| large.clone().timeline.len());
    });
    group.finish();
}

criterion_group!(benches, edits);
criterion_main!(benches);
