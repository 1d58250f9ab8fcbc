//! The site in a real browser: headless Chromium opens the pages from the disk, as a reader
//! who was sent the folder would, runs their scripts under their own Content-Security-Policy,
//! and hands back the page as it then stands. The index's sorting and filtering and the search
//! are read back from there, and every page must open without a console message (a blocked
//! style or script is one). With `HINDSIGHT_AXE` naming axe-core's `axe.min.js` and
//! `HINDSIGHT_HTML_VALIDATE` naming html-validate's program (`.ci/run` installs both from
//! npm), the pages' accessibility and markup are checked too.
//!
//! Without Chromium these tests say so and pass, so that the test command works on a machine
//! with only Rust; under CI (`CI` set) a missing Chromium fails them, and `.ci/run` installs it.

#![allow(
    clippy::unwrap_used,
    reason = "helpers outside #[test] functions may unwrap too: a panic is a failed test"
)]
#![allow(
    clippy::print_stderr,
    reason = "a check that cannot run here says so where cargo test shows it"
)]

#[path = "common/site_library.rs"]
mod site_library;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use scraper::{Html, Selector};

/// The browser, or `None` (said) when this machine has none and is not CI.
fn browser() -> Option<PathBuf> {
    if let Some(named) = std::env::var_os("HINDSIGHT_CHROMIUM") {
        return Some(PathBuf::from(named));
    }
    let found = std::env::var_os("PATH").and_then(|path| {
        std::env::split_paths(&path).find_map(|dir| {
            [
                "chromium",
                "chromium-browser",
                "google-chrome",
                "google-chrome-stable",
            ]
            .iter()
            .map(|name| dir.join(name))
            .find(|candidate| candidate.is_file())
        })
    });
    if found.is_none() {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI needs Chromium for the site's browser tests (.ci/run installs it)"
        );
        eprintln!("skipped: no Chromium here (install chromium or set HINDSIGHT_CHROMIUM)");
    }
    found
}

/// The site of the test library, built into a new folder.
fn site() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("postmortems");
    fs::create_dir_all(&folder).unwrap();
    site_library::library(&folder);
    let out = dir.path().join("public");
    build_site(&folder, &out);
    (dir, out)
}

/// Runs `hindsight site` on `folder` into `out`, as of 2025-10-01.
fn build_site(folder: &Path, out: &Path) -> assert_cmd::assert::Assert {
    assert_cmd::Command::cargo_bin("hindsight")
        .unwrap()
        .arg("site")
        .arg(folder)
        .arg("-o")
        .arg(out)
        .args(["--today", "2025-10-01"])
        .assert()
        .success()
}

/// The page at `address` once its scripts have run, and what the browser said on its
/// console meanwhile.
fn open(browser: &Path, profile: &Path, address: &str) -> (Html, Vec<String>) {
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--enable-logging=stderr",
            "--virtual-time-budget=10000",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg("--dump-dom")
        .arg(address)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Both streams are read while the browser runs: a page larger than a pipe holds would
    // otherwise leave it waiting for a reader.
    let drain = |mut stream: Box<dyn std::io::Read + Send>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            stream.read_to_end(&mut bytes).unwrap();
            bytes
        })
    };
    let stdout = drain(Box::new(child.stdout.take().unwrap()));
    let stderr = drain(Box::new(child.stderr.take().unwrap()));
    // A browser that hangs fails the test rather than the whole run.
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > Duration::from_mins(2) {
            child.kill().unwrap();
            panic!("Chromium did not finish with {address}");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let (stdout, stderr) = (stdout.join().unwrap(), stderr.join().unwrap());
    let console = String::from_utf8_lossy(&stderr)
        .lines()
        .filter(|line| line.contains(":CONSOLE"))
        .map(str::to_owned)
        .collect();
    (
        Html::parse_document(&String::from_utf8_lossy(&stdout)),
        console,
    )
}

fn address(out: &Path, page: &str) -> String {
    format!("file://{}/{page}", out.display())
}

fn texts(page: &Html, selector: &str) -> Vec<String> {
    let selector = Selector::parse(selector).unwrap();
    page.select(&selector)
        .map(|element| element.text().collect::<String>().trim().to_owned())
        .collect()
}

#[test]
fn the_index_sorts_and_filters_in_a_browser_as_its_address_says() {
    let Some(browser) = browser() else { return };
    let (dir, out) = site();
    let profile = dir.path().join("profile");
    let visible = "table.library tbody tr:not([hidden]) td:nth-child(2)";

    let (page, console) = open(&browser, &profile, &address(&out, "index.html"));
    assert!(console.is_empty(), "{console:#?}");
    assert_eq!(texts(&page, "#shown"), ["3 postmortems"]);
    assert_eq!(
        texts(&page, "#filters[hidden]").len(),
        0,
        "the script shows the filters"
    );
    assert_eq!(texts(&page, "th button").len(), 8, "each column sorts");

    let (page, _) = open(
        &browser,
        &profile,
        &address(&out, "index.html?severity=SEV-1"),
    );
    assert_eq!(texts(&page, visible), ["Checkout down"]);
    assert_eq!(texts(&page, "#shown"), ["1 of 3 postmortems shown"]);

    let (page, _) = open(
        &browser,
        &profile,
        &address(&out, "index.html?q=unindexed%20ORDERS"),
    );
    assert_eq!(
        texts(&page, visible),
        ["User API latency after an unindexed orders query"]
    );

    let (page, _) = open(
        &browser,
        &profile,
        &address(&out, "index.html?sort=title&order=asc"),
    );
    let titles = texts(&page, visible);
    assert_eq!(titles[0], site_library::HOSTILE, "`<` sorts first");
    assert_eq!(
        titles[1..],
        [
            "Checkout down",
            "User API latency after an unindexed orders query"
        ]
    );
    let sorted = Selector::parse("th[aria-sort=ascending]").unwrap();
    assert_eq!(
        page.select(&sorted).next().unwrap().attr("data-key"),
        Some("title")
    );

    let (page, _) = open(
        &browser,
        &profile,
        &address(&out, "index.html?sort=date&order=asc"),
    );
    assert_eq!(
        texts(&page, "table.library tbody tr td:first-child"),
        ["2025-08-01", "2025-09-03", "2025-10-02"]
    );
}

#[test]
fn the_search_finds_words_in_any_part_in_a_browser() {
    let Some(browser) = browser() else { return };
    let (dir, out) = site();
    let profile = dir.path().join("profile");

    let (page, console) = open(&browser, &profile, &address(&out, "search.html?q=QUOK"));
    assert!(console.is_empty(), "{console:#?}");
    assert_eq!(texts(&page, "#results li a"), [site_library::HOSTILE]);
    assert_eq!(texts(&page, "#results .found"), ["Found in: Zebra notes"]);
    assert_eq!(texts(&page, "#search-status"), ["1 postmortem"]);

    // Every word must be there, each anywhere; accents do not matter.
    let (page, _) = open(
        &browser,
        &profile,
        &address(&out, "search.html?q=canary%20checkout"),
    );
    assert_eq!(texts(&page, "#results li a"), ["Checkout down"]);
    let (page, _) = open(
        &browser,
        &profile,
        &address(&out, "search.html?q=%C3%BCberbr%C3%BCcke"),
    );
    assert_eq!(texts(&page, "#results li a").len(), 1);
    let (page, _) = open(
        &browser,
        &profile,
        &address(&out, "search.html?q=quokka%20canary"),
    );
    assert_eq!(
        texts(&page, "#search-status"),
        ["No postmortem has all of these words."]
    );
    // The results link to the pages, from where the search page is.
    let (page, _) = open(&browser, &profile, &address(&out, "search.html?q=checkout"));
    let links = Selector::parse("#results li a").unwrap();
    let hrefs: Vec<&str> = page.select(&links).filter_map(|a| a.attr("href")).collect();
    assert!(
        hrefs.contains(&"postmortems/2025-inc-700.html"),
        "{hrefs:?}"
    );
}

#[test]
fn every_page_opens_without_a_blocked_style_or_script() {
    let Some(browser) = browser() else { return };
    let (dir, out) = site();
    let profile = dir.path().join("profile");
    for page in [
        "actions.html",
        "stats.html",
        "services/index.html",
        "services/user-api.html",
        "tags/index.html",
        "postmortems/inc-620.html",
        "postmortems/2025-inc-710.html",
    ] {
        let (html, console) = open(&browser, &profile, &address(&out, page));
        assert!(console.is_empty(), "{page}: {console:#?}");
        assert!(
            !texts(&html, "main h1").is_empty(),
            "{page} has its heading"
        );
    }
}

/// The page at `page` with axe-core run on it: its policy taken off (so that axe may run)
/// and axe's findings put into the page, as `id impact count` lines.
fn axe_findings(browser: &Path, profile: &Path, out: &Path, page: &str) -> Vec<String> {
    let path = out.join(page);
    let html = fs::read_to_string(&path).unwrap();
    let policy_end = html
        .find("<meta http-equiv=\"Content-Security-Policy\"")
        .map(|start| {
            let end = start + html[start..].find('>').unwrap() + 1;
            (start, end)
        });
    let mut html = html;
    if let Some((start, end)) = policy_end {
        html.replace_range(start..end, "");
    }
    let root = "../".repeat(page.matches('/').count());
    let runner = format!(
        "<script src=\"{root}axe.min.js\"></script><script src=\"{root}run-axe.js\"></script></body>"
    );
    fs::write(&path, html.replace("</body>", &runner)).unwrap();
    let (dom, _) = open(browser, profile, &address(out, page));
    let found = texts(&dom, "#axe-result");
    assert_eq!(found.len(), 1, "{page}: axe did not finish");
    serde_json::from_str::<Vec<String>>(&found[0]).unwrap()
}

#[test]
fn axe_core_finds_no_accessibility_fault_on_any_kind_of_page() {
    let Some(axe) = std::env::var_os("HINDSIGHT_AXE").map(PathBuf::from) else {
        eprintln!("skipped: HINDSIGHT_AXE does not name axe-core's axe.min.js");
        return;
    };
    let Some(browser) = browser() else { return };
    let (dir, out) = site();
    let profile = dir.path().join("profile");
    fs::copy(&axe, out.join("axe.min.js")).unwrap();
    fs::write(
        out.join("run-axe.js"),
        "axe.run(document).then(function (result) {\n  var out = document.createElement('pre');\n  out.id = 'axe-result';\n  out.textContent = JSON.stringify(result.violations.map(function (v) {\n    return v.id + ' ' + v.impact + ' ' + v.nodes.length + ' ' + v.nodes[0].target.join(' ');\n  }));\n  document.body.appendChild(out);\n});\n",
    )
    .unwrap();
    // The check itself is checked: a page with a picture nobody named fails it.
    fs::write(
        out.join("control.html"),
        "<!DOCTYPE html><html lang=\"en\"><head><title>Control</title></head><body><main><h1>Control</h1><img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\"></main></body></html>",
    )
    .unwrap();
    let control = axe_findings(&browser, &profile, &out, "control.html");
    assert!(
        control
            .iter()
            .any(|finding| finding.starts_with("image-alt ")),
        "{control:?}"
    );
    for page in [
        "index.html",
        "actions.html",
        "stats.html",
        "search.html",
        "services/index.html",
        "services/user-api.html",
        "tags/index.html",
        "postmortems/inc-620.html",
        "postmortems/2025-inc-710.html",
    ] {
        let findings = axe_findings(&browser, &profile, &out, page);
        assert!(findings.is_empty(), "{page}: {findings:#?}");
    }
}

#[test]
fn html_validate_finds_no_fault_in_any_page() {
    let Some(validator) = std::env::var_os("HINDSIGHT_HTML_VALIDATE").map(PathBuf::from) else {
        eprintln!("skipped: HINDSIGHT_HTML_VALIDATE does not name html-validate");
        return;
    };
    let (_dir, out) = site();
    let config = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/site.htmlvalidate.json");
    let validate = |files: &[PathBuf]| {
        Command::new(&validator)
            .arg("--config")
            .arg(&config)
            .args(files)
            .output()
            .unwrap()
    };
    // The check itself is checked: two elements with one id fail it.
    let control = out.join("control.html");
    fs::write(
        &control,
        "<!DOCTYPE html><html lang=\"en\"><head><title>Control</title></head><body><main><h1 id=\"a\">A</h1><p id=\"a\">b</p></main></body></html>",
    )
    .unwrap();
    let report = validate(std::slice::from_ref(&control));
    assert!(!report.status.success(), "the control page passed");
    fs::remove_file(&control).unwrap();
    let pages: Vec<PathBuf> = walkdir::WalkDir::new(&out)
        .into_iter()
        .map(Result::unwrap)
        .filter(|entry| entry.path().extension().is_some_and(|ext| ext == "html"))
        .map(|entry| entry.path().to_owned())
        .collect();
    assert!(pages.len() > 10, "{pages:?}");
    let report = validate(&pages);
    assert!(
        report.status.success(),
        "{}{}",
        String::from_utf8_lossy(&report.stdout),
        String::from_utf8_lossy(&report.stderr)
    );
}

/// A folder of `count` copies of the example, each with its own title, ID and a word of its
/// own in the summary (`quokka<N>`), written as plain files.
fn library_of(folder: &Path, count: usize) {
    let example = hindsight::example::EXAMPLE_RON;
    let title = "User API latency after an unindexed orders query";
    assert!(example.contains(title) && example.contains("Between 14:03"));
    for index in 0..count {
        let text = example
            .replacen(title, &format!("Incident {index}: {title}"), 1)
            .replacen("INC-620", &format!("INC-{index}"), 1)
            .replacen(
                "Between 14:03",
                &format!("Marker quokka{index}. Between 14:03"),
                1,
            );
        fs::write(folder.join(format!("incident-{index}.ron")), text).unwrap();
    }
}

#[test]
fn a_thousand_postmortems_make_a_site_that_lists_and_finds_them_in_a_browser() {
    let Some(browser) = browser() else { return };
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("postmortems");
    fs::create_dir_all(&folder).unwrap();
    library_of(&folder, 1_000);
    let out = dir.path().join("public");
    build_site(&folder, &out).stdout(predicates::str::contains("1000 postmortems"));
    let profile = dir.path().join("profile");

    let (page, console) = open(
        &browser,
        &profile,
        &address(&out, "index.html?q=incident%20512"),
    );
    assert!(console.is_empty(), "{console:#?}");
    assert_eq!(
        texts(
            &page,
            "table.library tbody tr:not([hidden]) td:nth-child(2)"
        ),
        ["Incident 512: User API latency after an unindexed orders query"]
    );
    assert_eq!(texts(&page, "#shown"), ["1 of 1000 postmortems shown"]);

    let (page, console) = open(
        &browser,
        &profile,
        &address(&out, "search.html?q=quokka512"),
    );
    assert!(console.is_empty(), "{console:#?}");
    assert_eq!(
        texts(&page, "#results li a"),
        ["Incident 512: User API latency after an unindexed orders query"]
    );
    let (page, _) = open(
        &browser,
        &profile,
        &address(&out, "search.html?q=unindexed"),
    );
    assert_eq!(
        texts(&page, "#search-status"),
        ["1000 postmortems; the first 100 are shown."]
    );
    assert_eq!(texts(&page, "#results li").len(), 100);

    let (page, _) = open(
        &browser,
        &profile,
        &address(&out, "postmortems/incident-512.html"),
    );
    assert_eq!(
        texts(&page, "main h1"),
        ["Incident 512: User API latency after an unindexed orders query"]
    );
}
