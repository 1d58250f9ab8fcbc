//! Loading and saving a document of about 10 MB (mostly text), in RON as Hindsight stores it
//! and, for comparison, in JSON with the same structs. Run with `cargo bench --bench files`.

#![allow(
    clippy::unwrap_used,
    missing_docs,
    clippy::cast_precision_loss,
    reason = "benchmark set-up: a panic is a broken benchmark, and criterion's macros generate undocumented items"
)]

use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use hindsight::example::example_postmortem;
use hindsight::model::Postmortem;
use hindsight::sample::generated_postmortem;
use hindsight::storage::{from_ron_str, to_canonical_ron};

/// Rows and items that make the RON file about 10 MB.
const SIZE: usize = 13_300;

fn files(c: &mut Criterion) {
    let doc = generated_postmortem(&example_postmortem().unwrap(), SIZE, SIZE);
    let ron = to_canonical_ron(&doc).unwrap();
    let json = serde_json::to_string_pretty(&doc).unwrap();
    let mut group = c.benchmark_group("10 MB document");
    group.sample_size(20);

    group.throughput(Throughput::Bytes(ron.len() as u64));
    group.bench_function("RON load", |b| {
        b.iter(|| {
            from_ron_str(&ron, Path::new("large.ron"))
                .unwrap()
                .timeline
                .len()
        });
    });
    group.bench_function("RON save", |b| {
        b.iter(|| to_canonical_ron(&doc).unwrap().len());
    });
    // The full path a save takes: canonical text, temporary file, sync, rename.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("large.ron");
    group.bench_function("RON save to disk (atomic, synced)", |b| {
        b.iter(|| hindsight::storage::save(&path, &doc).unwrap());
    });
    group.bench_function("RON open from disk", |b| {
        b.iter(|| hindsight::storage::load(&path).unwrap().action_items.len());
    });

    group.throughput(Throughput::Bytes(json.len() as u64));
    group.bench_function("JSON load (same structs)", |b| {
        b.iter(|| {
            serde_json::from_str::<Postmortem>(&json)
                .unwrap()
                .timeline
                .len()
        });
    });
    group.bench_function("JSON save (same structs)", |b| {
        b.iter(|| serde_json::to_string_pretty(&doc).unwrap().len());
    });
    group.finish();
    // Said once so the figures can be read as MB/s of a known document.
    let sizes = format!(
        "document: {} timeline rows, {} action items; RON {:.1} MB, JSON {:.1} MB\n",
        doc.timeline.len(),
        doc.action_items.len(),
        ron.len() as f64 / 1e6,
        json.len() as f64 / 1e6
    );
    std::io::Write::write_all(&mut std::io::stdout(), sizes.as_bytes()).unwrap();
}

criterion_group!(benches, files);
criterion_main!(benches);
