//! `hindsight site` over 1,000 postmortems (#30's budget: under 10 s, and a second run
//! rewrites only what changed), and the site's search in a real browser (#30's budget: a word
//! found in any part of 1,000 postmortems within 100 ms). Run with `cargo bench --bench site`.
//!
//! The search is timed by the page itself (`performance.now()` around looking the words up
//! and listing what was found, kept on the list as `data-ms`), in headless Chromium, after
//! criterion's runs; it needs Chromium and runs only under `cargo bench`.

#![allow(
    clippy::unwrap_used,
    clippy::print_stdout,
    missing_docs,
    reason = "benchmark set-up: a panic is a broken benchmark, the browser's figures are printed, and criterion's macros generate undocumented items"
)]

use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;

use chrono::{Duration, NaiveDate, TimeZone, Utc};
use criterion::{BatchSize, Criterion};
use hindsight::cli::{SiteRequest, site};
use hindsight::example::example_postmortem;
use hindsight::storage;

const FILES: usize = 1_000;

const SERVICES: [&str; 12] = [
    "User API",
    "Checkout",
    "Search",
    "Payments",
    "Auth",
    "Billing",
    "Notifications",
    "CDN",
    "Orders",
    "Inventory",
    "Mobile app",
    "Data pipeline",
];

/// A folder of `FILES` postmortems over three years: the example, each with its own title,
/// ID, start, severity, two services and a word of its own.
fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let example = example_postmortem().unwrap();
    let first = Utc.with_ymd_and_hms(2023, 1, 2, 9, 0, 0).unwrap();
    for index in 0..FILES {
        let sub = dir.path().join(format!("team-{:02}", index / 50));
        std::fs::create_dir_all(&sub).unwrap();
        let mut doc = example.clone();
        doc.title = format!("Incident {index}: {}", example.title);
        doc.incident_id = format!("INC-{index}");
        let shift = Duration::hours(i64::try_from(index).unwrap() * 26);
        let start = first + shift;
        for time in [
            &mut doc.key_times.started,
            &mut doc.key_times.detected,
            &mut doc.key_times.acknowledged,
            &mut doc.key_times.mitigated,
            &mut doc.key_times.resolved,
        ] {
            *time = time.map(|at| start + (at - example.key_times.started.unwrap()));
        }
        doc.classification.services = vec![
            SERVICES[index % SERVICES.len()].to_owned(),
            SERVICES[(index / 7) % SERVICES.len()].to_owned(),
        ];
        let levels = ["SEV-1", "SEV-2", "SEV-3"];
        doc.classification.severity = Some(levels[index % 3].to_owned());
        let _ = write!(doc.narrative.summary, "\n\nMarker word quokka{index}.");
        storage::save(&sub.join(format!("incident-{index}.ron")), &doc).unwrap();
    }
    dir
}

fn request(folder: &Path, output: &Path) -> SiteRequest {
    SiteRequest {
        folder: folder.to_owned(),
        output: output.to_owned(),
        title: "Postmortems".to_owned(),
        today: NaiveDate::from_ymd_opt(2026, 1, 15).unwrap(),
        base_url: None,
        public: None,
    }
}

fn build(folder: &Path, output: &Path) -> String {
    let mut out = Vec::new();
    let mut err = Vec::new();
    site(&request(folder, output), &mut out, &mut err).unwrap();
    assert!(err.is_empty(), "{}", String::from_utf8_lossy(&err));
    String::from_utf8(out).unwrap()
}

fn benches(c: &mut Criterion, dir: &Path) {
    let mut group = c.benchmark_group("site");
    group.sample_size(10);
    group.bench_function("1000 postmortems / into an empty folder", |b| {
        b.iter_batched(
            || tempfile::tempdir().unwrap(),
            |out| {
                let said = build(dir, &out.path().join("public"));
                assert!(said.contains(" 0 unchanged"), "{said}");
                out
            },
            BatchSize::PerIteration,
        );
    });
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    build(dir, &public);
    group.bench_function("1000 postmortems / again, nothing changed", |b| {
        b.iter(|| {
            let said = build(dir, &public);
            assert!(said.contains(" 0 files written"), "{said}");
        });
    });
    group.finish();
}

/// The search page's own timing of `query` in headless Chromium, in milliseconds.
fn search_in_browser(browser: &str, public: &Path, query: &str) -> (f64, String) {
    let profile = tempfile::tempdir().unwrap();
    let output = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--virtual-time-budget=10000",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg("--dump-dom")
        .arg(format!("file://{}/search.html?q={query}", public.display()))
        .output()
        .unwrap();
    let dom = String::from_utf8_lossy(&output.stdout);
    let ms = dom
        .split("data-ms=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .and_then(|ms| ms.parse().ok())
        .unwrap_or(f64::NAN);
    let status = dom
        .split("id=\"search-status\"")
        .nth(1)
        .and_then(|rest| rest.split('>').nth(1))
        .and_then(|rest| rest.split('<').next())
        .unwrap_or_default()
        .to_owned();
    (ms, status)
}

fn main() {
    let dir = folder();
    let mut criterion = Criterion::default().configure_from_args();
    benches(&mut criterion, dir.path());
    criterion.final_summary();
    // The browser's part is a measurement, not a smoke test: only under `cargo bench`.
    if !std::env::args().any(|arg| arg == "--bench") {
        return;
    }
    let Some(browser) = ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|name| Command::new(name).arg("--version").output().is_ok())
    else {
        println!("site search in a browser: skipped, no Chromium");
        return;
    };
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    build(dir.path(), &public);
    let index = std::fs::metadata(public.join("search.html")).unwrap().len();
    println!(
        "site search in {browser}: search.html with its index is {} KB",
        index / 1024
    );
    for query in [
        "latency",
        "orde",
        "quokka512",
        "unindexed%20orders%20query",
        "zzzz",
    ] {
        let runs: Vec<f64> = (0..3)
            .map(|_| search_in_browser(browser, &public, query).0)
            .collect();
        let (_, status) = search_in_browser(browser, &public, query);
        println!("site search in {browser}: {query:>28}: {runs:?} ms ({status})");
    }
}
