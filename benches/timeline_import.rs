//! `hindsight timeline-import` of a long chat log into the example postmortem: 20,000 and
//! 100,000 lines (`HH:MM:SS name: text`, one a second, crossing midnight), read, placed in
//! time, merged into the timeline by time and saved. The budget is 2 s for 100,000 lines.
//! Run with `cargo bench --bench timeline_import`.

#![allow(
    clippy::unwrap_used,
    missing_docs,
    reason = "benchmark set-up: a panic is a broken benchmark, and criterion's macros generate undocumented items"
)]

use std::fmt::Write as _;
use std::fs;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use hindsight::cli::{Outcome, TimelineImportRequest, timeline_import};
use hindsight::sources::ReadingChoices;

/// A log of `lines` messages, one a second from 14:00:00.
fn chat_log(lines: usize) -> String {
    let mut text = String::with_capacity(lines * 48);
    for index in 0..lines {
        let seconds = 14 * 3600 + index;
        let (hour, minute, second) = (seconds / 3600 % 24, seconds / 60 % 60, seconds % 60);
        let name = ["alice", "bob", "carol", "dan"][index % 4];
        let _ = writeln!(
            text,
            "{hour:02}:{minute:02}:{second:02} {name}: message {index} about the rollback"
        );
    }
    text
}

fn import_log(c: &mut Criterion) {
    let folder = tempfile::tempdir().unwrap();
    let original = folder.path().join("example.ron");
    fs::write(&original, hindsight::example::EXAMPLE_RON).unwrap();
    let mut group = c.benchmark_group("timeline-import");
    group.sample_size(10);
    for lines in [20_000, 100_000] {
        let source = folder.path().join(format!("log-{lines}.txt"));
        fs::write(&source, chat_log(lines)).unwrap();
        group.bench_function(format!("{lines} lines into the example"), |b| {
            b.iter_batched(
                || {
                    let file = folder.path().join("target.ron");
                    fs::copy(&original, &file).unwrap();
                    file
                },
                |file| {
                    let request = TimelineImportRequest {
                        file,
                        source: source.clone(),
                        channel: None,
                        between: None,
                        choices: ReadingChoices::default(),
                        dry_run: false,
                        today: chrono::NaiveDate::from_ymd_opt(2026, 12, 3).unwrap(),
                    };
                    let (mut out, mut err) = (Vec::new(), Vec::new());
                    let outcome =
                        timeline_import(&request, &mut std::io::empty(), &mut out, &mut err)
                            .unwrap();
                    assert!(
                        matches!(outcome, Outcome::Success),
                        "{}",
                        String::from_utf8_lossy(&err)
                    );
                },
                BatchSize::PerIteration,
            );
        });
    }
    group.finish();
}

criterion_group!(benches, import_log);
criterion_main!(benches);
