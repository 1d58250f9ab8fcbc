//! Reading and aggregating a folder of 1,000 example-sized postmortems, in parallel and on one
//! thread, and adding them up for `hindsight stats`. Run with `cargo bench --bench review`.

#![allow(
    clippy::unwrap_used,
    missing_docs,
    reason = "benchmark set-up: a panic is a broken benchmark, and criterion's macros generate undocumented items"
)]

use criterion::{Criterion, criterion_group, criterion_main};
use hindsight::example::example_postmortem;
use hindsight::review::{
    ReviewDeadlines, ScanProgress, SearchQuery, read_postmortems, scan_folder, search, stats,
};
use hindsight::storage;

const FILES: usize = 1_000;

/// A folder of `FILES` postmortems, ten per subfolder, each the example with its own title.
fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let example = example_postmortem().unwrap();
    for index in 0..FILES {
        let sub = dir.path().join(format!("team-{:02}", index / 10));
        std::fs::create_dir_all(&sub).unwrap();
        let mut doc = example.clone();
        doc.title = format!("Incident {index}: {}", example.title);
        storage::save(&sub.join(format!("incident-{index}.ron")), &doc).unwrap();
    }
    dir
}

fn review(c: &mut Criterion) {
    let dir = folder();
    let mut group = c.benchmark_group("review folder");
    group.sample_size(20);
    group.bench_function("1000 postmortems / parallel", |b| {
        b.iter(|| {
            let scan = scan_folder(dir.path(), &ScanProgress::default()).unwrap();
            assert_eq!(scan.postmortems, FILES);
            scan.items.len()
        });
    });
    let one_thread = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .unwrap();
    group.bench_function("1000 postmortems / one thread", |b| {
        b.iter(|| {
            one_thread.install(|| {
                let scan = scan_folder(dir.path(), &ScanProgress::default()).unwrap();
                assert_eq!(scan.postmortems, FILES);
                scan.items.len()
            })
        });
    });
    // `hindsight stats`: reading every postmortem and adding them up (#18's budget: 300 ms).
    let today = chrono::NaiveDate::from_ymd_opt(2025, 10, 1).unwrap();
    group.bench_function("1000 postmortems / stats", |b| {
        b.iter(|| {
            let (docs, unreadable) = read_postmortems(dir.path()).unwrap();
            assert!(unreadable.is_empty());
            let stats = stats(&docs, None, None, today, ReviewDeadlines::default());
            assert_eq!(stats.incidents, FILES);
            stats.actions.total
        });
    });
    // `hindsight search`: reading every postmortem and matching a query against all of
    // their text (#18's budget: 300 ms).
    let query = SearchQuery::parse("connection pool \"missing index\"");
    group.bench_function("1000 postmortems / search", |b| {
        b.iter(|| {
            let (docs, _) = read_postmortems(dir.path()).unwrap();
            let hits = search(&docs, &query);
            assert_eq!(hits.len(), FILES);
            hits.len()
        });
    });
    // One postmortem whose 100,000 timeline rows all match (#27's budget: 1 s).
    let mut long = example_postmortem().unwrap();
    let row = long.timeline[0].clone();
    long.timeline = (0..100_000)
        .map(|index| hindsight::model::TimelineRow {
            id: hindsight::model::RowId::new(),
            event: format!("connection pool exhausted again ({index})"),
            ..row.clone()
        })
        .collect();
    let one = vec![(std::path::PathBuf::from("long.ron"), long)];
    let pool = SearchQuery::parse("pool");
    group.bench_function("1 postmortem of 100000 matching rows / search", |b| {
        b.iter(|| {
            let hits = search(&one, &pool);
            assert!(hits[0].matches.len() >= 100_000);
            hits.len()
        });
    });
    group.finish();
}

criterion_group!(benches, review);
criterion_main!(benches);
