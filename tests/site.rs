//! `hindsight site`: a static website of a folder of postmortems. Checked as a reader's
//! browser and a web host would meet it: every link leads somewhere inside the site, every
//! page allows only its own style and script, what people wrote stays text, the same
//! postmortems give the same bytes, and a second run rewrites only what changed.

#![allow(
    clippy::unwrap_used,
    reason = "helpers outside #[test] functions may unwrap too: a panic is a failed test"
)]

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

#[path = "common/site_library.rs"]
mod site_library;

use assert_cmd::Command;
use base64::Engine as _;
use chrono::NaiveDate;
use hindsight::model::Section;
use scraper::{Html, Selector};
use sha2::{Digest as _, Sha256};

fn run_site(dir: &Path, out: &Path, extra: &[&str]) -> assert_cmd::assert::Assert {
    Command::cargo_bin("hindsight")
        .unwrap()
        .arg("site")
        .arg(dir)
        .arg("-o")
        .arg(out)
        .args(["--today", "2025-10-01", "--title", "Acme postmortems"])
        .args(extra)
        .assert()
}

/// The site of the library, built once: its folder and every file's bytes.
fn built() -> (tempfile::TempDir, PathBuf, BTreeMap<String, Vec<u8>>) {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("postmortems");
    fs::create_dir_all(&folder).unwrap();
    site_library::library(&folder);
    let out = dir.path().join("public");
    run_site(&folder, &out, &[]).success();
    let files = read_tree(&out);
    (dir, out, files)
}

fn read_tree(root: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(root)
        .into_iter()
        .map(Result::unwrap)
        .filter(|entry| entry.file_type().is_file())
        .map(|entry| {
            let name = entry.path().strip_prefix(root).unwrap();
            (
                name.to_string_lossy().replace('\\', "/"),
                fs::read(entry.path()).unwrap(),
            )
        })
        .collect()
}

fn text(files: &BTreeMap<String, Vec<u8>>, name: &str) -> String {
    String::from_utf8(
        files
            .get(name)
            .unwrap_or_else(|| panic!("no {name}"))
            .clone(),
    )
    .unwrap()
}

fn pages(files: &BTreeMap<String, Vec<u8>>) -> impl Iterator<Item = (&String, String)> {
    files
        .iter()
        .filter(|(name, _)| {
            Path::new(name.as_str())
                .extension()
                .is_some_and(|ext| ext == "html")
        })
        .map(|(name, bytes)| (name, String::from_utf8(bytes.clone()).unwrap()))
}

#[test]
fn the_site_has_every_part_the_navigation_names_and_a_page_per_postmortem() {
    let (_dir, _out, files) = built();
    for name in [
        "index.html",
        "actions.html",
        "stats.html",
        "search.html",
        "services/index.html",
        "tags/index.html",
        "feed.xml",
        "postmortems/inc-620.html",
        "postmortems/2025-inc-700.html",
        "postmortems/2025-inc-710.html",
        "services/user-api.html",
        "services/checkout.html",
        "tags/deploy.html",
    ] {
        assert!(files.contains_key(name), "no {name} in {:?}", files.keys());
    }
}

#[test]
fn every_link_is_relative_and_leads_to_a_file_of_the_site() {
    let (_dir, _out, files) = built();
    let links = Selector::parse("[href], [src]").unwrap();
    let mut checked = 0;
    for (name, html) in pages(&files) {
        let page = Html::parse_document(&html);
        let folder = Path::new(name.as_str()).parent().unwrap().to_owned();
        for element in page.select(&links) {
            let value = element
                .attr("href")
                .or_else(|| element.attr("src"))
                .unwrap();
            if ["https://", "http://", "mailto:", "data:", "#"]
                .iter()
                .any(|start| value.starts_with(start))
            {
                continue;
            }
            assert!(
                !value.starts_with('/'),
                "{name}: {value} starts at the host's root"
            );
            let target = value.split(['?', '#']).next().unwrap();
            let mut resolved = folder.clone();
            for part in target.split('/') {
                if part == ".." {
                    assert!(resolved.pop(), "{name}: {value} leaves the site");
                } else {
                    resolved.push(part);
                }
            }
            let resolved = resolved.to_string_lossy().replace('\\', "/");
            assert!(
                files.contains_key(&resolved),
                "{name}: {value} leads nowhere ({resolved})"
            );
            checked += 1;
        }
    }
    assert!(checked > 60, "only {checked} links were checked");
}

fn digest(text: &str) -> String {
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(Sha256::digest(text.as_bytes()))
    )
}

#[test]
fn every_page_allows_only_its_own_stylesheet_and_script() {
    let (_dir, _out, files) = built();
    let policy = Selector::parse("meta[http-equiv=\"Content-Security-Policy\"]").unwrap();
    let styles = Selector::parse("style").unwrap();
    let scripts = Selector::parse("script").unwrap();
    for (name, html) in pages(&files) {
        let page = Html::parse_document(&html);
        let policies: Vec<_> = page.select(&policy).collect();
        assert_eq!(policies.len(), 1, "{name}");
        let rules = policies[0].attr("content").unwrap();
        assert!(rules.starts_with("default-src 'none';"), "{name}: {rules}");
        assert!(!rules.contains("unsafe"), "{name}: {rules}");
        let style: Vec<String> = page
            .select(&styles)
            .map(|style| style.text().collect())
            .collect();
        assert_eq!(style.len(), 1, "{name}");
        assert!(
            rules.contains(&format!("style-src {};", digest(&style[0]))),
            "{name}"
        );
        let running: Vec<String> = page
            .select(&scripts)
            .filter(|script| script.attr("type").is_none())
            .map(|script| script.text().collect())
            .collect();
        match running.as_slice() {
            [] => assert!(!rules.contains("script-src"), "{name}: {rules}"),
            [script] => assert!(
                rules.contains(&format!("script-src {};", digest(script))),
                "{name}: {rules}"
            ),
            more => panic!("{name}: {} scripts", more.len()),
        }
    }
}

#[test]
fn what_people_wrote_stays_text_on_every_page_and_in_the_feed() {
    let (_dir, _out, files) = built();
    for (name, bytes) in &files {
        let text = String::from_utf8_lossy(bytes);
        assert!(!text.contains("<script>alert"), "{name}");
        assert!(!text.contains("<img src=x"), "{name}");
        assert!(!text.contains("</script> </script>"), "{name}");
    }
    let page = text(&files, "postmortems/2025-inc-710.html");
    assert!(page.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img src=x"));
}

#[test]
fn the_index_lists_every_postmortem_newest_first_without_any_script() {
    let (_dir, _out, files) = built();
    let index = Html::parse_document(&text(&files, "index.html"));
    let rows = Selector::parse("table.library tbody tr").unwrap();
    let cell = Selector::parse("td").unwrap();
    let listed: Vec<Vec<String>> = index
        .select(&rows)
        .map(|row| {
            row.select(&cell)
                .map(|cell| cell.text().collect::<String>())
                .collect()
        })
        .collect();
    assert_eq!(listed.len(), 3);
    assert_eq!(listed[0][0], "2025-10-02");
    assert_eq!(listed[1][0], "2025-09-03");
    assert_eq!(listed[1][1], "Checkout down");
    assert_eq!(listed[1][2], "SEV-1");
    assert_eq!(listed[1][3], "CheckoutUser API");
    assert_eq!(listed[1][5], "Draft");
    assert_eq!(listed[1][6], "1 h 30 min");
    assert_eq!(
        listed[1][7], "2 (1 overdue)",
        "the done item is not counted"
    );
    assert_eq!(
        listed[2][1],
        "User API latency after an unindexed orders query"
    );
    // The filters need the script, so they are hidden until it shows them.
    let filters = Selector::parse("#filters[hidden]").unwrap();
    assert_eq!(index.select(&filters).count(), 1);
}

#[test]
fn a_postmortem_page_links_to_the_incidents_before_and_after_it_of_each_service() {
    let (_dir, _out, files) = built();
    let page = text(&files, "postmortems/2025-inc-700.html");
    let related = page
        .split("<nav class=\"related\"")
        .nth(1)
        .expect("a related part");
    assert!(
        related.contains("href=\"../services/user-api.html\">User API</a>"),
        "{related}"
    );
    assert!(related.contains(
        "before it, <a href=\"../postmortems/inc-620.html\">User API latency after an unindexed orders query</a> (2025-08-01)"
    ), "{related}");
    assert!(
        related.contains("after it, <a href=\"../postmortems/2025-inc-710.html\">"),
        "{related}"
    );
    assert!(
        !related.contains("Checkout</a>:"),
        "no other incident of Checkout: {related}"
    );
    // The image attached to the October postmortem is in its page.
    let october = text(&files, "postmortems/2025-inc-710.html");
    assert!(
        october.contains("<img src=\"data:image/png;base64,"),
        "{october}"
    );
    assert!(october.contains("alt=\"Latency graph\""));
}

#[test]
fn open_items_are_shown_by_due_week_and_by_owner_with_the_overdue_ones_marked() {
    let (_dir, _out, files) = built();
    let page = text(&files, "actions.html");
    let html = Html::parse_document(&page);
    let chart = Selector::parse("figure.chart svg[role=img]").unwrap();
    let chart = html.select(&chart).next().expect("a chart");
    let description = chart.text().collect::<String>();
    // The example's overdue items and Dana's.
    let example = hindsight::example::example_postmortem().unwrap();
    let today = NaiveDate::from_ymd_opt(2025, 10, 1).unwrap();
    let overdue = 1 + example
        .action_items
        .iter()
        .filter(|item| {
            matches!(
                hindsight::model::Due::of(item, today),
                hindsight::model::Due::Overdue(_)
            )
        })
        .count();
    assert!(
        description.contains(&format!(
            "Due before this week: {overdue} ({overdue} overdue)"
        )),
        "{description}"
    );
    assert!(
        description.contains("Week of 2025-11-03: 1"),
        "{description}"
    );
    // Owners differing only in case are one; done items are not listed.
    let owners = Selector::parse("h3").unwrap();
    let owners: Vec<String> = html.select(&owners).map(|h| h.text().collect()).collect();
    assert!(owners.contains(&"Dana W.".to_owned()), "{owners:?}");
    assert!(!owners.contains(&"dana w.".to_owned()), "{owners:?}");
    assert!(page.contains("2025-09-20 <span class=\"overdue\">(11 days late)</span>"));
    assert!(page.contains("Write the runbook"));
    assert!(!page.contains("Already done"));
}

#[test]
fn the_search_index_finds_a_word_in_any_part_by_its_folded_prefix() {
    let (_dir, _out, files) = built();
    let page = Html::parse_document(&text(&files, "search.html"));
    let data = Selector::parse("script#search-data[type=\"application/json\"]").unwrap();
    let json = page.select(&data).next().unwrap().inner_html();
    let index: serde_json::Value = serde_json::from_str(&json).unwrap();
    let terms: Vec<&str> = index["terms"]
        .as_array()
        .unwrap()
        .iter()
        .map(|term| term.as_str().unwrap())
        .collect();
    let mut sorted = terms.clone();
    sorted.sort_unstable();
    assert_eq!(terms, sorted, "the script looks terms up by halving");
    let parts_of = |word: &str| -> Vec<(String, String)> {
        let at = terms
            .iter()
            .position(|term| *term == word)
            .unwrap_or_else(|| panic!("{word}"));
        let postings = index["postings"][at].as_array().unwrap();
        postings
            .chunks(2)
            .map(|pair| {
                let doc = &index["docs"][usize::try_from(pair[0].as_u64().unwrap()).unwrap()];
                let part = &index["parts"][usize::try_from(pair[1].as_u64().unwrap()).unwrap()];
                (
                    doc[1].as_str().unwrap().to_owned(),
                    part.as_str().unwrap().to_owned(),
                )
            })
            .collect()
    };
    assert_eq!(
        parts_of("quokka"),
        [(
            "postmortems/2025-inc-710.html".to_owned(),
            "Zebra notes".to_owned()
        )]
    );
    assert!(terms.contains(&"uberbrucke"), "accents are folded away");
    assert!(parts_of("canary").contains(&(
        "postmortems/2025-inc-700.html".to_owned(),
        "Action items".to_owned()
    )));
    // A title that tries to end the script element is escaped inside it.
    assert!(!json.contains("</script"), "{json}");
}

#[test]
fn the_feed_lists_the_newest_first_with_whole_addresses_when_the_site_has_one() {
    let dir = tempfile::tempdir().unwrap();
    site_library::library(dir.path());
    let out = dir.path().join("public");
    run_site(
        dir.path(),
        &out,
        &["--base-url", "https://wiki.example.org/pm"],
    )
    .success();
    let feed = fs::read_to_string(out.join("feed.xml")).unwrap();
    assert!(feed.starts_with(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">"
    ));
    assert_eq!(feed.matches("<entry>").count(), 3);
    let first = feed.find("<entry>").unwrap();
    assert!(
        feed[first..].starts_with("<entry>\n<title>&lt;script&gt;"),
        "{feed}"
    );
    assert!(feed.contains(
        "<link rel=\"alternate\" type=\"text/html\" href=\"https://wiki.example.org/pm/postmortems/2025-inc-700.html\"/>"
    ));
    assert!(feed.contains("<category term=\"SEV-1\"/>"));
    assert!(feed.contains("<published>2025-09-03T09:00:00Z</published>"));
    let ids: Vec<&str> = feed
        .match_indices("<id>urn:uuid:")
        .map(|(at, _)| &feed[at..at + 50])
        .collect();
    assert_eq!(ids.len(), 4, "the feed's and each entry's");
}

#[test]
fn the_same_postmortems_give_the_same_bytes() {
    let (dir, _out, first) = built();
    let again = dir.path().join("again");
    run_site(&dir.path().join("postmortems"), &again, &[]).success();
    assert_eq!(first, read_tree(&again));
}

#[test]
fn a_second_run_rewrites_only_the_pages_whose_bytes_changed() {
    let (dir, out, _files) = built();
    let folder = dir.path().join("postmortems");
    let untouched = out.join("postmortems/inc-620.html");
    let before = fs::metadata(&untouched).unwrap().modified().unwrap();
    run_site(&folder, &out, &[])
        .success()
        .stdout(predicates::str::contains(
            " 0 files written, 16 unchanged, 0 removed",
        ));
    let path = folder.join("2025/inc-700.ron");
    let mut doc = hindsight::storage::load(&path).unwrap();
    *doc.narrative.text_mut(Section::Summary) = "Checkout was down for ninety minutes.".to_owned();
    hindsight::storage::save(&path, &doc).unwrap();
    // Its own page, the search and the feed (its summary) change; nothing else does.
    run_site(&folder, &out, &[])
        .success()
        .stdout(predicates::str::contains(
            " 3 files written, 13 unchanged, 0 removed",
        ));
    assert_eq!(
        fs::metadata(&untouched).unwrap().modified().unwrap(),
        before
    );
    assert!(
        fs::read_to_string(out.join("postmortems/2025-inc-700.html"))
            .unwrap()
            .contains("ninety minutes")
    );
    fs::remove_file(folder.join("2025/inc-710.ron")).unwrap();
    run_site(&folder, &out, &[]).success();
    assert!(
        !out.join("postmortems/2025-inc-710.html").exists(),
        "a page of a removed postmortem goes"
    );
}

#[test]
fn a_folder_holding_other_files_is_refused_and_left_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    site_library::library(dir.path());
    let out = dir.path().join("home");
    fs::create_dir_all(&out).unwrap();
    fs::write(out.join("notes.txt"), "mine").unwrap();
    run_site(dir.path(), &out, &[])
        .code(2)
        .stderr(predicates::str::contains(
            "is not empty and was not made by `hindsight site`",
        ));
    assert_eq!(fs::read_dir(&out).unwrap().count(), 1);
}

#[test]
fn an_unreadable_postmortem_is_named_and_the_others_are_published() {
    let dir = tempfile::tempdir().unwrap();
    site_library::library(dir.path());
    fs::write(
        dir.path().join("broken.ron"),
        "(format_version: 5, title: \"cut",
    )
    .unwrap();
    let out = dir.path().join("public");
    run_site(dir.path(), &out, &[])
        .code(2)
        .stderr(predicates::str::contains("broken.ron"))
        .stdout(predicates::str::contains("3 postmortems"));
    assert!(out.join("postmortems/inc-620.html").exists());
}

#[test]
fn the_workflows_init_writes_build_the_site_of_the_repository() {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path().join("team");
    Command::cargo_bin("hindsight")
        .unwrap()
        .arg("init")
        .arg(&repo)
        .assert()
        .success()
        .stdout(predicates::str::contains(
            ".github/workflows/postmortem-site.yml",
        ))
        .stdout(predicates::str::contains(".gitlab-ci.yml"));
    fs::write(
        repo.join("postmortems/inc-620.ron"),
        hindsight::example::EXAMPLE_RON,
    )
    .unwrap();
    let github = fs::read_to_string(repo.join(".github/workflows/postmortem-site.yml")).unwrap();
    let gitlab = fs::read_to_string(repo.join(".gitlab-ci.yml")).unwrap();
    for (workflow, base) in [
        (github.as_str(), "${{ steps.pages.outputs.base_url }}/"),
        (gitlab.as_str(), "$CI_PAGES_URL/"),
    ] {
        // The command each runs, with the address its host gives.
        let line = workflow
            .lines()
            .find(|line| line.contains("hindsight site "))
            .unwrap();
        let command = &line[line.find("site ").unwrap()..];
        let arguments: Vec<String> = command
            .replace(&format!("\"{base}\""), "https://example.org/team/")
            .split_whitespace()
            .map(str::to_owned)
            .collect();
        assert_eq!(
            arguments,
            [
                "site",
                "postmortems",
                "-o",
                "public",
                "--base-url",
                "https://example.org/team/"
            ]
        );
        let public = repo.join("public");
        let _ = fs::remove_dir_all(&public);
        Command::cargo_bin("hindsight")
            .unwrap()
            .current_dir(&repo)
            .args(&arguments)
            .assert()
            .success();
        let feed = fs::read_to_string(public.join("feed.xml")).unwrap();
        assert!(feed.contains("href=\"https://example.org/team/postmortems/inc-620.html\""));
    }
    assert!(
        gitlab.contains("artifacts:\n    paths: [public]"),
        "GitLab Pages serves public/"
    );
    assert!(github.contains("actions/deploy-pages"));
}

#[cfg(unix)]
#[test]
fn init_writes_no_workflow_through_a_folder_that_links_elsewhere() {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path().join("team");
    let elsewhere = dir.path().join("elsewhere");
    fs::create_dir_all(&repo).unwrap();
    fs::create_dir_all(&elsewhere).unwrap();
    std::os::unix::fs::symlink(&elsewhere, repo.join(".github")).unwrap();
    Command::cargo_bin("hindsight")
        .unwrap()
        .arg("init")
        .arg(&repo)
        .assert()
        .code(2)
        .stdout(predicates::str::contains(
            "team/.github/workflows/postmortem-site.yml: not written: its folder is a link out of",
        ));
    assert_eq!(fs::read_dir(&elsewhere).unwrap().count(), 0);
    assert!(repo.join(".gitlab-ci.yml").is_file(), "the rest is written");
}
