//! Converting a team's history of Markdown postmortems: 1,000 files (Hindsight's own export
//! of the example, and the reference Rootly example with its run-on tables and broken rows,
//! each with its own title) read and written as documents into a new folder, as
//! `hindsight import docs/*.md --out-dir postmortems/` does. Run with
//! `cargo bench --bench import`.

#![allow(
    clippy::unwrap_used,
    missing_docs,
    reason = "benchmark set-up: a panic is a broken benchmark, and criterion's macros generate undocumented items"
)]

use std::fs;
use std::path::PathBuf;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use hindsight::cli::{ImportRequest, Outcome, import};
use hindsight::export::{ExportOptions, Portion, to_markdown};

const FILES: usize = 1_000;

fn write_history(dir: &std::path::Path) -> Vec<PathBuf> {
    let example = hindsight::storage::from_ron_str(
        hindsight::example::EXAMPLE_RON,
        std::path::Path::new("example.ron"),
    )
    .unwrap();
    let exported = to_markdown(&example, ExportOptions::default(), Portion::Whole);
    let reference = fs::read_to_string("tests/markdown/rootly-reference.md").unwrap();
    (0..FILES)
        .map(|index| {
            let path = dir.join(format!("incident-{index:04}.md"));
            let text = if index % 2 == 0 {
                exported.replacen("# User API", &format!("# Incident {index}: User API"), 1)
            } else {
                format!("# Incident {index}\n\n{reference}")
            };
            fs::write(&path, text).unwrap();
            path
        })
        .collect()
}

fn bulk_import(c: &mut Criterion) {
    let sources = tempfile::tempdir().unwrap();
    let files = write_history(sources.path());
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
    let mut group = c.benchmark_group("markdown import");
    group.sample_size(10);
    group.bench_function("1,000 files into a new folder", |b| {
        b.iter_batched(
            || tempfile::tempdir().unwrap(),
            |out| {
                let request = ImportRequest {
                    files: files.clone(),
                    output: None,
                    out_dir: Some(out.path().to_owned()),
                    report: false,
                    force: false,
                    choices: hindsight::sources::ReadingChoices::default(),
                    today,
                };
                let mut report = Vec::new();
                let outcome = import(&request, &mut report, &mut std::io::sink()).unwrap();
                assert_eq!(outcome, Outcome::Success);
                out
            },
            BatchSize::PerIteration,
        );
    });
    group.finish();
}

criterion_group!(benches, bulk_import);
criterion_main!(benches);
