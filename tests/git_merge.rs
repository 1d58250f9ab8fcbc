//! `hindsight merge` as git's merge driver, in a real repository set up by `hindsight init`:
//! two branches editing one postmortem merge by its structure, and a true conflict leaves a
//! postmortem that opens, that `check` reports, and that git reports as conflicted.

#![allow(
    clippy::unwrap_used,
    reason = "helpers outside #[test] functions may unwrap too: a panic is a failed test"
)]

use std::fs;
use std::path::Path;
use std::process::Output;

use assert_cmd::Command;
use hindsight::model::Postmortem;
use hindsight::storage;

fn hindsight() -> Command {
    Command::cargo_bin("hindsight").unwrap()
}

/// Runs git in `repo`, away from the machine's own git configuration.
fn git(repo: &Path, args: &[&str]) -> Output {
    std::process::Command::new("git")
        .arg("-C")
        .arg(repo)
        .args(args)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_AUTHOR_NAME", "Dana")
        .env("GIT_AUTHOR_EMAIL", "dana@example.com")
        .env("GIT_COMMITTER_NAME", "Dana")
        .env("GIT_COMMITTER_EMAIL", "dana@example.com")
        .output()
        .unwrap()
}

fn git_ok(repo: &Path, args: &[&str]) -> String {
    let output = git(repo, args);
    assert!(
        output.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// A repository made by `git init` and `hindsight init`, holding the example postmortem as
/// its first commit on `main`.
fn repository(dir: &Path) -> std::path::PathBuf {
    let repo = dir.join("team");
    fs::create_dir_all(&repo).unwrap();
    git_ok(&repo, &["init", "-q", "-b", "main"]);
    hindsight()
        .arg("init")
        .arg(&repo)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .assert()
        .code(0)
        .stdout(predicates::str::contains("created"))
        .stdout(predicates::str::contains("merge driver"));
    let attributes = fs::read_to_string(repo.join(".gitattributes")).unwrap();
    assert!(attributes.contains("*.ron merge=hindsight"), "{attributes}");
    let driver = git_ok(&repo, &["config", "merge.hindsight.driver"]);
    assert!(driver.contains("merge %O %A %B %P"), "{driver}");
    fs::write(
        repo.join("postmortems/inc.ron"),
        hindsight::example::EXAMPLE_RON,
    )
    .unwrap();
    git_ok(&repo, &["add", "-A"]);
    git_ok(&repo, &["commit", "-q", "-m", "The example postmortem"]);
    repo
}

fn edit(repo: &Path, change: impl FnOnce(&mut Postmortem)) {
    let path = repo.join("postmortems/inc.ron");
    let mut doc = storage::load(&path).unwrap();
    change(&mut doc);
    storage::save(&path, &doc).unwrap();
}

fn commit_on(repo: &Path, branch: &str, message: &str, change: impl FnOnce(&mut Postmortem)) {
    git_ok(repo, &["checkout", "-q", branch]);
    edit(repo, change);
    git_ok(repo, &["commit", "-q", "-am", message]);
}

#[test]
fn two_branches_editing_one_postmortem_merge_cleanly_by_structure() {
    let dir = tempfile::tempdir().unwrap();
    let repo = repository(dir.path());
    let base = storage::load(&repo.join("postmortems/inc.ron")).unwrap();
    let (first, second, last) = (
        base.timeline[0].id,
        base.timeline[1].id,
        base.timeline[base.timeline.len() - 1].id,
    );
    git_ok(&repo, &["branch", "lead"]);

    // The lead rewords a row, retitles, and adds a line to the root cause.
    commit_on(&repo, "lead", "Reword", |doc| {
        "First alert for checkout latency".clone_into(&mut doc.timeline[0].event);
        "Checkout slowed by an undersized pool".clone_into(&mut doc.title);
        doc.narrative
            .root_cause
            .push_str("\n\nThe alert threshold was too high.");
    });
    // On main, a responder moves the last row to the top and notes another.
    commit_on(&repo, "main", "Reorder", |doc| {
        let row = doc.timeline.pop().unwrap();
        doc.timeline.insert(0, row);
        "seen from the payments dashboard".clone_into(&mut doc.timeline[2].notes);
    });
    // And a manager files a ticket from the command line.
    let item = base.action_items[0].id.to_string();
    hindsight()
        .args(["actions", "set-ticket"])
        .arg(repo.join("postmortems/inc.ron"))
        .arg(&item)
        .arg("https://tracker.example/T-1")
        .assert()
        .code(0);
    git_ok(&repo, &["commit", "-q", "-am", "Ticket"]);

    let merged = git(&repo, &["merge", "--no-edit", "lead"]);
    assert!(
        merged.status.success(),
        "{}{}",
        String::from_utf8_lossy(&merged.stdout),
        String::from_utf8_lossy(&merged.stderr)
    );
    let doc = storage::load(&repo.join("postmortems/inc.ron")).unwrap();
    assert!(doc.conflicts.is_empty(), "{:?}", doc.conflicts);
    assert_eq!(doc.title, "Checkout slowed by an undersized pool");
    assert_eq!(doc.timeline[0].id, last, "main's reorder holds");
    assert_eq!(doc.timeline[1].id, first);
    assert_eq!(doc.timeline[1].event, "First alert for checkout latency");
    assert_eq!(doc.timeline[2].id, second);
    assert_eq!(doc.timeline[2].notes, "seen from the payments dashboard");
    assert_eq!(doc.timeline.len(), base.timeline.len());
    assert!(
        doc.narrative
            .root_cause
            .ends_with("The alert threshold was too high.")
    );
    assert_eq!(
        doc.action_items[0].ticket_url,
        "https://tracker.example/T-1"
    );
    hindsight()
        .arg("check")
        .arg(repo.join("postmortems/inc.ron"))
        .assert()
        .code(0);
    hindsight()
        .args(["fmt", "--check"])
        .arg(repo.join("postmortems/inc.ron"))
        .assert()
        .code(0);
}

#[test]
fn a_true_conflict_leaves_a_postmortem_that_opens_and_reports_it() {
    let dir = tempfile::tempdir().unwrap();
    let repo = repository(dir.path());
    git_ok(&repo, &["branch", "other"]);
    commit_on(&repo, "other", "Theirs", |doc| {
        "Paged the database on-call".clone_into(&mut doc.timeline[1].event);
        "INC-2".clone_into(&mut doc.incident_id);
    });
    commit_on(&repo, "main", "Ours", |doc| {
        "Paged Dana".clone_into(&mut doc.timeline[1].event);
    });

    let merged = git(&repo, &["merge", "--no-edit", "other"]);
    assert!(!merged.status.success(), "git must report the conflict");
    let said = String::from_utf8_lossy(&merged.stdout).into_owned()
        + &String::from_utf8_lossy(&merged.stderr);
    assert!(said.contains("CONFLICT"), "{said}");
    assert!(said.contains("Paged the database on-call"), "{said}");
    let status = git_ok(&repo, &["status", "--porcelain"]);
    assert!(status.contains("UU postmortems/inc.ron"), "{status}");

    // The file is a postmortem: ours in place, theirs kept beside it, other edits merged.
    let doc = storage::load(&repo.join("postmortems/inc.ron")).unwrap();
    assert_eq!(doc.timeline[1].event, "Paged Dana");
    assert_eq!(doc.incident_id, "INC-2");
    assert_eq!(doc.conflicts.len(), 1);
    assert_eq!(
        doc.conflicts[0].theirs,
        serde_json::Value::String("Paged the database on-call".to_owned())
    );
    hindsight()
        .arg("check")
        .arg(repo.join("postmortems/inc.ron"))
        .assert()
        .code(1)
        .stdout(predicates::str::contains("Merge conflict in timeline row"))
        .stdout(predicates::str::contains("Paged the database on-call"));
}

#[test]
fn a_side_that_is_not_a_postmortem_is_merged_line_by_line() {
    let dir = tempfile::tempdir().unwrap();
    let base = dir.path().join("base.ron");
    let ours = dir.path().join("ours.ron");
    let theirs = dir.path().join("theirs.ron");
    fs::write(&base, "line one\nline two\nline three\n").unwrap();
    fs::write(&ours, "line one changed\nline two\nline three\n").unwrap();
    fs::write(&theirs, "line one\nline two\nline three changed\n").unwrap();
    hindsight()
        .arg("merge")
        .arg(&base)
        .arg(&ours)
        .arg(&theirs)
        .arg("notes.ron")
        .assert()
        .code(0)
        .stderr(predicates::str::contains("notes.ron"))
        .stderr(predicates::str::contains("line by line"));
    assert_eq!(
        fs::read_to_string(&ours).unwrap(),
        "line one changed\nline two\nline three changed\n"
    );
}

#[test]
fn a_postmortem_added_on_both_sides_merges_against_an_empty_base() {
    let dir = tempfile::tempdir().unwrap();
    let base = dir.path().join("base");
    fs::write(&base, "").unwrap();
    let doc = storage::from_ron_str(hindsight::example::EXAMPLE_RON, Path::new("x.ron")).unwrap();
    let ours = dir.path().join("ours.ron");
    let theirs = dir.path().join("theirs.ron");
    storage::save(&ours, &doc).unwrap();
    let mut other = doc.clone();
    "INC-99".clone_into(&mut other.incident_id);
    storage::save(&theirs, &other).unwrap();
    hindsight()
        .arg("merge")
        .arg(&base)
        .arg(&ours)
        .arg(&theirs)
        .assert()
        .code(1);
    let merged = storage::load(&ours).unwrap();
    assert_eq!(
        merged.timeline, doc.timeline,
        "rows alike on both sides stay once"
    );
    assert_eq!(merged.conflicts.len(), 1);
    assert_eq!(merged.conflicts[0].at, ["incident_id"]);
}
