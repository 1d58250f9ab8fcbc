//! Reading a channel of a large Slack export for the incident's two hours: a year of 30 busy
//! channels (about 100,000 messages) as Slack writes it, a JSON file per channel and day.
//! Run with `cargo bench --bench slack`.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    missing_docs,
    reason = "benchmark set-up: a panic is a broken benchmark, and criterion's macros generate undocumented items"
)]

use std::fmt::Write as _;
use std::fs;
use std::path::Path;

use chrono::{DateTime, Days, NaiveDate, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use hindsight::sources::SlackExport;

const CHANNELS: usize = 30;
const DAYS: u64 = 365;
const PER_DAY: usize = 9;

/// Writes the export: 30 channels × 365 days × 9 messages = 98,550 messages.
fn write_export(root: &Path) {
    let mut channels = String::from("[");
    for channel in 0..CHANNELS {
        if channel > 0 {
            channels.push(',');
        }
        write!(
            channels,
            r#"{{"id": "C{channel}", "name": "channel-{channel}"}}"#
        )
        .unwrap();
    }
    channels.push(']');
    fs::write(root.join("channels.json"), channels).unwrap();
    fs::write(
        root.join("users.json"),
        r#"[{"id": "U1", "name": "alice", "real_name": "Alice R."}]"#,
    )
    .unwrap();
    let first = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
    for channel in 0..CHANNELS {
        let folder = root.join(format!("channel-{channel}"));
        fs::create_dir(&folder).unwrap();
        for day in 0..DAYS {
            let date = first.checked_add_days(Days::new(day)).unwrap();
            let midnight = date.and_hms_opt(0, 0, 0).unwrap().and_utc().timestamp();
            let mut messages = String::from("[");
            for message in 0..PER_DAY {
                if message > 0 {
                    messages.push(',');
                }
                let ts = midnight + i64::try_from(message).unwrap() * 9_000;
                write!(
                    messages,
                    r#"{{"type": "message", "user": "U1", "text": "<@U1> message {message} of the day, see <https://example.com/{day}|the graph>", "ts": "{ts}.000100"}}"#
                )
                .unwrap();
            }
            messages.push(']');
            fs::write(
                folder.join(format!("{}.json", date.format("%Y-%m-%d"))),
                messages,
            )
            .unwrap();
        }
    }
}

fn slack(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    write_export(dir.path());
    let start: DateTime<Utc> = "2025-08-01T14:00:00Z".parse().unwrap();
    let end: DateTime<Utc> = "2025-08-01T16:00:00Z".parse().unwrap();
    c.bench_function(
        "slack export / 100k messages / one channel, two hours",
        |b| {
            b.iter(|| {
                let mut export = SlackExport::open(dir.path()).unwrap();
                let rows = export.rows("channel-7", Some((start, end))).unwrap();
                assert!(!rows.is_empty());
                rows
            });
        },
    );
}

criterion_group!(benches, slack);
criterion_main!(benches);
