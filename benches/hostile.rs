//! Inputs built to make a reader slow: each must be read in time linear in its size. A line
//! of 100 KB of `[` pasted as chat; Markdown nesting lists five thousand deep on every line;
//! 40,000 link definitions that one section all uses. Run with `cargo bench --bench hostile`.

#![allow(
    clippy::unwrap_used,
    missing_docs,
    reason = "benchmark set-up: a panic is a broken benchmark, and criterion's macros generate undocumented items"
)]

use std::fmt::Write as _;

use criterion::{Criterion, criterion_group, criterion_main};
use hindsight::sources::markdown::import_markdown;
use hindsight::sources::parse_chat;

fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 12, 4).unwrap()
}

fn hostile(c: &mut Criterion) {
    let mut group = c.benchmark_group("hostile");
    group.sample_size(10);

    let brackets = "[".repeat(100_000) + "\n";
    group.bench_function("paste: 100 KB of [ on one line", |b| {
        b.iter(|| parse_chat(&brackets));
    });

    // Styling tags are taken off a chat archive's lines: a line of 30,000 of them, closed at
    // its end, must not look for the closing tag once per opening one.
    let tags = "<b>x".repeat(30_000) + "</b>\n";
    group.bench_function("paste: 120 KB of <b> tags on one line", |b| {
        b.iter(|| parse_chat(&tags));
    });

    // 3 MB: 300 lines, each opening 5,000 nested lists.
    let nested = format!(
        "# Incident\n\n## Timeline\n\n{}",
        ("- ".repeat(5_000) + "x\n").repeat(300)
    );
    group.bench_function("import: 3 MB of lists nested 5,000 deep", |b| {
        b.iter(|| import_markdown(&nested, today()));
    });

    let mut links = String::from("# Incident\n\n## Summary\n\n");
    for index in 0..40_000 {
        let _ = write!(links, "see [x][l{index}] ");
    }
    links.push_str("\n\n");
    for index in 0..40_000 {
        let _ = writeln!(links, "[l{index}]: https://example.com/{index}");
    }
    group.bench_function("import: 40,000 link definitions, all used", |b| {
        b.iter(|| import_markdown(&links, today()));
    });
    group.finish();
}

criterion_group!(benches, hostile);
criterion_main!(benches);
