//! Frame time of each part of the editor, headless: egui's `Context::run_ui` plus
//! tessellation at 1400×900, no GPU, with AccessKit off and on (as when a screen reader
//! listens: egui then builds the accessibility tree every frame). Run with
//! `cargo bench --bench frames`.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    missing_docs,
    reason = "benchmark set-up: a panic is a broken benchmark, and criterion's macros generate undocumented items"
)]

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use hindsight::app::{FixedClock, HindsightApp, OpenDocument, Settings};
use hindsight::example::example_postmortem;
use hindsight::exercise::{NoDialogs, frame};
use hindsight::model::Postmortem;
use hindsight::sample::generated_postmortem;
use hindsight::ui::Part;

fn app_showing(doc: Postmortem, part: Part) -> HindsightApp {
    let mut app = HindsightApp::new(
        OpenDocument::untitled(doc),
        Box::new(NoDialogs),
        Box::new(FixedClock(NaiveDate::from_ymd_opt(2025, 8, 10).unwrap())),
        Settings::default(),
    );
    app.show_part(part);
    app
}

fn frames(c: &mut Criterion) {
    let example = example_postmortem().unwrap();
    let large = generated_postmortem(&example, 10_000, 10_000);
    // As many rows and items as fill the window: the fair yardstick for the large document,
    // which can only ever show a screenful.
    let screenful = generated_postmortem(&example, 40, 40);
    let parts = [
        ("overview", Part::Overview),
        ("timeline", Part::Timeline),
        ("analysis", Part::Analysis),
        ("action items", Part::ActionItems),
        ("public version", Part::Public),
    ];
    let mut group = c.benchmark_group("frame");
    for (part_name, part) in parts {
        for ((doc_name, doc), accesskit) in [
            ("example", &example),
            ("screenful", &screenful),
            ("10k rows", &large),
        ]
        .into_iter()
        .flat_map(|doc| [(doc, false), (doc, true)])
        {
            let name = if accesskit {
                format!("{part_name} / {doc_name} / accesskit")
            } else {
                format!("{part_name} / {doc_name}")
            };
            // Set up on the first call of the closure, which criterion makes only for the
            // benchmarks it runs, and kept for its later calls (warm-up, then samples).
            let mut editor: Option<(egui::Context, HindsightApp)> = None;
            group.bench_function(name, |b| {
                let (ctx, app) = editor.get_or_insert_with(|| {
                    let ctx = context(accesskit);
                    let mut app = app_showing(doc.clone(), part);
                    // Settle fonts, layout caches and scroll state first, as a running
                    // editor has.
                    for _ in 0..3 {
                        frame(&ctx, &mut app);
                    }
                    (ctx, app)
                });
                b.iter(|| frame(ctx, app));
            });
        }
    }
    group.finish();
}

/// A folder of `count` copies of the example, each with its own title.
fn folder_of(count: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let example = example_postmortem().unwrap();
    for index in 0..count {
        let mut doc = example.clone();
        doc.title = format!("Incident {index}");
        // Plain writes: the atomic save's fsync per file would make set-up take minutes.
        let text = hindsight::storage::to_canonical_ron(&doc).unwrap();
        std::fs::write(dir.path().join(format!("incident-{index}.ron")), text).unwrap();
    }
    dir
}

fn review_frames(c: &mut Criterion) {
    let mut group = c.benchmark_group("frame");
    // Five postmortems list 30 items, a screenful.
    for (name, count) in [
        ("example", 1),
        ("screenful", 5),
        ("1000 postmortems", 1_000),
    ] {
        for accesskit in [false, true] {
            let bench_name = if accesskit {
                format!("review / {name} / accesskit")
            } else {
                format!("review / {name}")
            };
            let mut review: Option<(tempfile::TempDir, egui::Context, HindsightApp)> = None;
            group.bench_function(bench_name, |b| {
                let (_dir, ctx, app) = review.get_or_insert_with(|| {
                    let dir = folder_of(count);
                    let ctx = context(accesskit);
                    let mut app = app_showing(example_postmortem().unwrap(), Part::Review);
                    app.review_folder(&ctx, dir.path().to_owned());
                    while app.review_running() {
                        frame(&ctx, &mut app);
                        std::thread::sleep(std::time::Duration::from_millis(5));
                    }
                    for _ in 0..3 {
                        frame(&ctx, &mut app);
                    }
                    (dir, ctx, app)
                });
                b.iter(|| frame(ctx, app));
            });
        }
    }
    group.finish();
}

/// A copy of the example with 50 screenshots of about 1 MB each, in a temporary folder:
/// 25 under the sections of the analysis, 25 on timeline rows (two rows of the screenful
/// hold most of them, as a lead attaches graphs to the moments that matter).
fn with_screenshots() -> (tempfile::TempDir, std::path::PathBuf) {
    use hindsight::model::{AttachedTo, Attachment, Section};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("inc-812.ron");
    let mut doc = example_postmortem().unwrap();
    // Noise does not compress: 512×512 pixels of it are a PNG of about a megabyte.
    let mut state = 0x2545_f491_u32;
    let mut noise = image::RgbaImage::new(512, 512);
    for pixel in noise.pixels_mut() {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        pixel.0 = state.to_le_bytes();
        pixel.0[3] = 255;
    }
    for index in 0..50_u8 {
        // One pixel apart, so each is a file of its own.
        noise.put_pixel(0, 0, image::Rgba([index, 0, 0, 255]));
        let mut bytes = Vec::new();
        noise
            .write_to(
                &mut std::io::Cursor::new(&mut bytes),
                image::ImageFormat::Png,
            )
            .unwrap();
        let stored = hindsight::storage::store_bytes(&path, &bytes, "screenshot.png").unwrap();
        let place = if index < 25 {
            AttachedTo::Section(Section::ALL[usize::from(index) % 6])
        } else {
            AttachedTo::Row(doc.timeline[usize::from(index) % 3].id)
        };
        doc.attachments.push(Attachment {
            caption: format!("Screenshot {index}"),
            place,
            ..stored
        });
    }
    std::fs::write(&path, hindsight::storage::to_canonical_ron(&doc).unwrap()).unwrap();
    (dir, path)
}

/// The editor on the postmortem at `path`, showing `part` with the first row selected.
fn app_on_file(path: &std::path::Path, part: Part) -> HindsightApp {
    let doc = hindsight::storage::load(path).unwrap();
    let mut app = HindsightApp::new(
        OpenDocument::from_file(doc, path.to_owned()),
        Box::new(NoDialogs),
        Box::new(FixedClock(NaiveDate::from_ymd_opt(2025, 8, 10).unwrap())),
        Settings::default(),
    );
    app.show_part(part);
    app
}

/// Frames with 50 screenshots attached: the first frame after opening (each file's header
/// read, decoding started in the background), then every frame once they are decoded.
fn attachment_frames(c: &mut Criterion) {
    let (_dir, path) = with_screenshots();
    let mut group = c.benchmark_group("frame");
    group.sample_size(20);
    for (part_name, part) in [("analysis", Part::Analysis), ("timeline", Part::Timeline)] {
        // The yardstick: the first frame of the same postmortem with nothing attached.
        group.bench_function(format!("{part_name} / example / first frame"), |b| {
            b.iter_batched(
                || {
                    (
                        context(true),
                        app_showing(example_postmortem().unwrap(), part),
                    )
                },
                |(ctx, mut app)| frame(&ctx, &mut app),
                criterion::BatchSize::PerIteration,
            );
        });
        group.bench_function(format!("{part_name} / 50 screenshots / first frame"), |b| {
            b.iter_batched(
                || (context(true), app_on_file(&path, part)),
                |(ctx, mut app)| frame(&ctx, &mut app),
                criterion::BatchSize::PerIteration,
            );
        });
        let mut editor: Option<(egui::Context, HindsightApp)> = None;
        group.bench_function(format!("{part_name} / 50 screenshots / accesskit"), |b| {
            let (ctx, app) = editor.get_or_insert_with(|| {
                let ctx = context(true);
                let mut app = app_on_file(&path, part);
                frame(&ctx, &mut app);
                // Until the loaders have decoded every screenshot.
                let doc = hindsight::storage::load(&path).unwrap();
                let uris: Vec<String> = doc
                    .attachments
                    .iter()
                    .map(|attachment| {
                        let file = hindsight::storage::file_of(&path, attachment).unwrap();
                        format!("file://{}", std::path::absolute(file).unwrap().display())
                    })
                    .collect();
                let started = std::time::Instant::now();
                while uris.iter().any(|uri| {
                    !matches!(
                        ctx.try_load_image(uri, egui::SizeHint::default()),
                        Ok(egui::load::ImagePoll::Ready { .. })
                    )
                }) {
                    assert!(
                        started.elapsed().as_secs() < 60,
                        "the screenshots never decoded"
                    );
                    frame(&ctx, &mut app);
                    std::thread::sleep(std::time::Duration::from_millis(10));
                }
                for _ in 0..3 {
                    frame(&ctx, &mut app);
                }
                (ctx, app)
            });
            b.iter(|| frame(ctx, app));
        });
    }
    group.finish();
}

/// A context with AccessKit on or off.
fn context(accesskit: bool) -> egui::Context {
    let ctx = egui::Context::default();
    if accesskit {
        ctx.enable_accesskit();
    }
    ctx
}

criterion_group!(benches, frames, review_frames, attachment_frames);
criterion_main!(benches);
