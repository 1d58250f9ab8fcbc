//! The public version of a postmortem on the command line: `export --public`,
//! `check --public` and `site --public`, with the internal domains of `hindsight.toml`.

#![allow(
    clippy::unwrap_used,
    reason = "helpers outside #[test] functions may unwrap too: a panic is a failed test"
)]

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use hindsight::model::{Postmortem, Section};
use predicates::str::contains;

fn hindsight() -> Command {
    Command::cargo_bin("hindsight").unwrap()
}

/// The example, with an internal row, an internal section, a section of the team's own kept
/// to itself, a term to redact, and the team's internal domain.
fn folder(dir: &Path) -> std::path::PathBuf {
    fs::write(
        dir.join("hindsight.toml"),
        "internal_domains = [\"corp.example.com\"]\n",
    )
    .unwrap();
    let mut doc: Postmortem = hindsight::example::example_postmortem().unwrap();
    doc.timeline[2].internal = true;
    "Paged the secret pager rota".clone_into(&mut doc.timeline[2].event);
    doc.narrative.internal.push(Section::WhereWeGotLucky);
    "Luck held at db-7.corp.example.com"
        .clone_into(doc.narrative.text_mut(Section::WhereWeGotLucky));
    doc.narrative
        .root_cause
        .push_str("\n\nThe Falcon cluster's disks filled.");
    doc.public.redact.push("Falcon".to_owned());
    "For 30 minutes on 1 August 2025 the site answered slowly.".clone_into(&mut doc.public.summary);
    let path = dir.join("inc-620.ron");
    hindsight::storage::save(&path, &doc).unwrap();
    path
}

/// The same postmortem with something the public version would still show.
fn leaky(path: &Path) {
    let mut doc = hindsight::storage::load(path).unwrap();
    doc.narrative
        .resolution
        .push_str("\n\nAsk ops@acme.example.org or 10.1.2.3.");
    hindsight::storage::save(path, &doc).unwrap();
}

#[test]
fn the_public_export_leaves_out_what_is_internal_and_names_roles() {
    let dir = tempfile::tempdir().unwrap();
    let path = folder(dir.path());
    let output = hindsight()
        .arg("export")
        .arg(&path)
        .args(["--format", "md", "--public"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(output).unwrap();
    assert!(text.contains("For 30 minutes on 1 August 2025 the site answered slowly."));
    assert!(!text.contains("secret pager"), "the internal row is out");
    assert!(!text.contains("db-7"), "the internal section is out");
    assert!(!text.contains("Falcon"));
    assert!(text.contains("The [redacted] cluster's disks filled."));
    // The example's people are its participants: their names give way to roles.
    for name in ["Alice R.", "Bob M.", "Charlie T."] {
        assert!(!text.contains(name), "{name} in {text}");
    }
    assert!(text.contains("| Participants | Incident lead: on-call SRE; Responder: Responder 1 (backend engineer), Responder 2 (team lead)"), "{text}");
    assert!(!text.contains("inc-620.files"), "no attached files");
}

#[test]
fn a_public_version_that_would_still_show_something_is_refused_until_allowed() {
    let dir = tempfile::tempdir().unwrap();
    let path = folder(dir.path());
    leaky(&path);
    let out = dir.path().join("public.html");
    hindsight()
        .arg("export")
        .arg(&path)
        .args(["--format", "html", "--public", "-o"])
        .arg(&out)
        .assert()
        .code(1)
        .stderr(contains(
            "the public version would show an e-mail address: \"ops@acme.example.org\" (in Resolution)",
        ))
        .stderr(contains("a private network address: \"10.1.2.3\""))
        .stderr(contains("not published"));
    assert!(!out.exists(), "nothing is written");
    hindsight()
        .arg("export")
        .arg(&path)
        .args(["--format", "html", "--public", "--allow-leaks", "-o"])
        .arg(&out)
        .assert()
        .success();
    let html = fs::read_to_string(&out).unwrap();
    assert!(html.contains("ops@acme.example.org"), "written as asked");
    assert!(!html.contains("secret pager"));
}

#[test]
fn check_public_flags_what_the_public_version_would_show() {
    let dir = tempfile::tempdir().unwrap();
    let path = folder(dir.path());
    hindsight()
        .arg("check")
        .arg("--public")
        .arg(&path)
        .assert()
        .success();
    leaky(&path);
    hindsight().arg("check").arg(&path).assert().success();
    hindsight()
        .arg("check")
        .arg("--public")
        .arg(&path)
        .assert()
        .code(1)
        .stdout(contains("error: the public version would show an e-mail address: \"ops@acme.example.org\" (in Resolution) [section Resolution]"));
}

#[test]
fn a_public_site_holds_public_versions_and_leaves_out_what_would_leak() {
    let dir = tempfile::tempdir().unwrap();
    let path = folder(dir.path());
    let second = dir.path().join("inc-700.ron");
    fs::copy(&path, &second).unwrap();
    leaky(&second);
    let out = dir.path().join("public");
    hindsight()
        .arg("site")
        .arg(dir.path())
        .args(["-o"])
        .arg(&out)
        .args(["--public", "--today", "2025-10-01"])
        .assert()
        .code(1)
        .stderr(contains("inc-700.ron: not published"));
    // Pages are named after the public title, never after the file (whose name may say
    // what the public version leaves out).
    let pages: Vec<String> = fs::read_dir(out.join("postmortems"))
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        pages,
        ["2025-08-01-user-api-latency-after-an-unindexed-orders-query.html"]
    );
    for entry in walkdir::WalkDir::new(&out) {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            let text = fs::read_to_string(entry.path()).unwrap();
            for secret in ["secret", "Falcon", "Alice R.", "db-7", "ops@acme"] {
                assert!(
                    !text.contains(secret),
                    "{secret} in {}",
                    entry.path().display()
                );
            }
        }
    }
}
