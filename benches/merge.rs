//! What a three-way merge of one postmortem costs (`hindsight merge` as git's driver, and the
//! editor taking in a change made on disk, which it does on the UI thread): the example, and
//! a document of 10,000 timeline rows and 10,000 action items with a few edits on each side.
//! Run with `cargo bench --bench merge`.

#![allow(
    clippy::unwrap_used,
    missing_docs,
    reason = "benchmark set-up: a panic is a broken benchmark, and criterion's macros generate undocumented items"
)]

use criterion::{Criterion, criterion_group, criterion_main};
use hindsight::example::example_postmortem;
use hindsight::model::{Postmortem, merge};
use hindsight::sample::generated_postmortem;

/// Two sides' edits of `base`: ours rewords rows and retitles, theirs notes rows, files a
/// ticket and moves the last row to the top.
fn sides(base: &Postmortem) -> (Postmortem, Postmortem) {
    let mut ours = base.clone();
    "Retitled".clone_into(&mut ours.title);
    for row in ours.timeline.iter_mut().step_by(997) {
        row.event.push_str(" (reworded)");
    }
    let mut theirs = base.clone();
    for row in theirs.timeline.iter_mut().skip(5).step_by(1009) {
        "seen on the dashboard".clone_into(&mut row.notes);
    }
    if let Some(item) = theirs.action_items.first_mut() {
        "https://tracker.example/T-1".clone_into(&mut item.ticket_url);
    }
    if let Some(row) = theirs.timeline.pop() {
        theirs.timeline.insert(0, row);
    }
    (ours, theirs)
}

fn merges(c: &mut Criterion) {
    let example = example_postmortem().unwrap();
    let large = generated_postmortem(&example, 10_000, 10_000);
    let mut group = c.benchmark_group("merge");
    for (name, base) in [("example", &example), ("10k rows", &large)] {
        let (ours, theirs) = sides(base);
        group.bench_function(format!("both sides edited / {name}"), |b| {
            b.iter(|| merge(base, &ours, &theirs).unwrap());
        });
    }
    group.finish();
}

criterion_group!(benches, merges);
criterion_main!(benches);
