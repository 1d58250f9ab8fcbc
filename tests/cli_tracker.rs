//! `hindsight actions --format gh-script|jira-csv`: the open items without a ticket, for the
//! team's tracker. The script is run for real against a stand-in `gh` with hostile text in
//! every field, and must file exactly that text and run nothing of it.

#![allow(
    clippy::unwrap_used,
    reason = "helpers outside #[test] functions may unwrap too: a panic is a failed test"
)]

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use hindsight::model::{ActionItem, ActionPriority, ActionStatus, Postmortem};

/// Text that would run commands if it reached a shell unquoted.
const HOSTILE: [&str; 4] = [
    "$(touch PWNED_TITLE) fix the pool",
    "it's `touch PWNED_TICK`; touch PWNED_SEMI && echo \"$HOME\"",
    "--help",
    "=HYPERLINK(\"https://evil.example\")\nsecond line",
];

fn folder_with_hostile_postmortem(dir: &Path) {
    let mut doc = Postmortem {
        title: "User API $(touch PWNED_INCIDENT) latency".to_owned(),
        incident_id: "INC-7'; touch PWNED_ID; '".to_owned(),
        ..Postmortem::default()
    };
    doc.classification.severity = Some("SEV-2".to_owned());
    for (index, action) in HOSTILE.iter().enumerate() {
        doc.action_items.push(ActionItem {
            action: (*action).to_owned(),
            owner: if index == 0 { "Priya L." } else { "Eve $(id)" }.to_owned(),
            due: chrono::NaiveDate::from_ymd_opt(2025, 8, 5),
            priority: ActionPriority::High,
            ..ActionItem::default()
        });
    }
    // Done, and already ticketed: not exported.
    doc.action_items.push(ActionItem {
        action: "Done already".to_owned(),
        status: ActionStatus::Done,
        ..ActionItem::default()
    });
    doc.action_items.push(ActionItem {
        action: "Has a ticket".to_owned(),
        ticket_url: "https://github.com/acme/ops/issues/1".to_owned(),
        ..ActionItem::default()
    });
    hindsight::storage::save(&dir.join("inc-7.ron"), &doc).unwrap();
    fs::write(
        dir.join("owners.toml"),
        "\"Priya L.\" = { github = \"priyal\", email = \"priya@example.com\" }\n",
    )
    .unwrap();
}

/// A `gh` that records each call's arguments and answers `issue create` with an address.
const STAND_IN_GH: &str = r#"#!/bin/sh
for arg in "$@"; do printf '%s\0' "$arg" >> "$GH_LOG"; done
printf '\036' >> "$GH_LOG"
if [ "$1" = issue ]; then
  n=$(cat "$GH_COUNT" 2>/dev/null || echo 0)
  n=$((n + 1))
  echo "$n" > "$GH_COUNT"
  echo "https://github.com/acme/ops/issues/$n"
fi
"#;

#[test]
fn the_gh_script_files_exactly_the_text_and_runs_none_of_it() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("postmortems");
    fs::create_dir(&folder).unwrap();
    folder_with_hostile_postmortem(&folder);
    let output = Command::cargo_bin("hindsight")
        .unwrap()
        .args(["actions", "--format", "gh-script"])
        .arg(&folder)
        .assert()
        .success()
        .get_output()
        .clone();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("left unassigned: Eve $(id)"), "{stderr}");
    let work = dir.path().join("work");
    let run = run_with_stand_in_gh(dir.path(), &output.stdout, &work);

    // Nothing the documents said was run.
    for place in [dir.path(), &work, &folder] {
        for entry in fs::read_dir(place).unwrap() {
            let name = entry.unwrap().file_name();
            assert!(
                !name.to_string_lossy().starts_with("PWNED"),
                "{name:?} was made"
            );
        }
    }
    let calls = gh_calls(&dir.path().join("gh.log"));
    let creates: Vec<&Vec<String>> = calls
        .iter()
        .filter(|call| call.first().map(String::as_str) == Some("issue"))
        .collect();
    assert_eq!(creates.len(), 4, "{calls:?}");
    let value = |call: &Vec<String>, flag: &str| {
        call.iter()
            .find_map(|arg| arg.strip_prefix(flag).map(str::to_owned))
    };
    let titles: Vec<String> = creates
        .iter()
        .map(|call| value(call, "--title=").unwrap())
        .collect();
    assert_eq!(
        titles,
        [
            HOSTILE[0],
            HOSTILE[1],
            HOSTILE[2],
            "=HYPERLINK(\"https://evil.example\") second line"
        ]
    );
    // The owner mapped to a login is assigned; the one not mapped is not guessed.
    assert_eq!(value(creates[0], "--assignee=").as_deref(), Some("priyal"));
    assert_eq!(value(creates[1], "--assignee="), None);
    assert!(creates[0].contains(&"--label=INC-7';-touch-PWNED_ID;-'".to_owned()));
    let body = value(creates[0], "--body=").unwrap();
    assert!(
        body.contains("User API $(touch PWNED_INCIDENT) latency"),
        "{body}"
    );
    // The postmortem is named inside the reviewed folder, not by this machine's path.
    assert!(body.contains("\nPostmortem: inc-7.ron\n"), "{body}");
    assert!(!body.contains(&dir.path().display().to_string()), "{body}");
    // Each item's ID beside its new issue.
    let printed = String::from_utf8(run.stdout).unwrap();
    assert_eq!(printed.lines().count(), 4, "{printed}");
    assert!(
        printed
            .lines()
            .all(|line| line.contains(" https://github.com/acme/ops/issues/"))
    );
}

/// Runs `script` in `work` with the stand-in `gh` first on the path; its calls are logged in
/// `dir/gh.log`.
fn run_with_stand_in_gh(dir: &Path, script: &[u8], work: &Path) -> std::process::Output {
    let path = dir.join("file-issues.sh");
    fs::write(&path, script).unwrap();
    let bin = dir.join("bin");
    fs::create_dir(&bin).unwrap();
    let gh = bin.join("gh");
    fs::write(&gh, STAND_IN_GH).unwrap();
    std::process::Command::new("chmod")
        .arg("+x")
        .arg(&gh)
        .status()
        .unwrap();
    fs::create_dir(work).unwrap();
    let run = std::process::Command::new("sh")
        .arg(&path)
        .current_dir(work)
        .env(
            "PATH",
            format!("{}:{}", bin.display(), std::env::var("PATH").unwrap()),
        )
        .env("GH_LOG", dir.join("gh.log"))
        .env("GH_COUNT", dir.join("gh.count"))
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    run
}

/// Each call of the stand-in `gh`: its arguments, exactly as it received them.
fn gh_calls(log: &Path) -> Vec<Vec<String>> {
    fs::read(log)
        .unwrap()
        .split(|byte| *byte == 0x1e)
        .filter(|call| !call.is_empty())
        .map(|call| {
            call.split(|byte| *byte == 0)
                .filter(|arg| !arg.is_empty())
                .map(|arg| String::from_utf8(arg.to_vec()).unwrap())
                .collect()
        })
        .collect()
}

#[test]
fn the_jira_csv_has_the_importers_columns_and_safe_cells() {
    let dir = tempfile::tempdir().unwrap();
    folder_with_hostile_postmortem(dir.path());
    let output = Command::cargo_bin("hindsight")
        .unwrap()
        .args(["actions", "--format", "jira-csv"])
        .arg(dir.path())
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let mut reader = csv::Reader::from_reader(output.as_slice());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(
        header,
        [
            "Summary",
            "Description",
            "Assignee",
            "Due date",
            "Priority",
            "Labels",
            "Labels",
            "Labels"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 4);
    assert_eq!(&rows[0][2], "priya@example.com");
    assert_eq!(&rows[1][2], "");
    assert_eq!(&rows[0][3], "2025-08-05");
    assert_eq!(&rows[0][4], "High");
    assert_eq!(&rows[0][5], "postmortem");
    // A formula stays text in a spreadsheet, and --csv-raw keeps it exact.
    assert!(rows[3][0].starts_with("'=HYPERLINK"));
    assert!(rows[2][0].starts_with("'--help"));
    let raw = Command::cargo_bin("hindsight")
        .unwrap()
        .args(["actions", "--format", "jira-csv", "--csv-raw"])
        .arg(dir.path())
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let mut reader = csv::Reader::from_reader(raw.as_slice());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert!(rows[3][0].starts_with("=HYPERLINK"));
}

#[test]
fn a_mistake_in_owners_toml_is_refused_with_where() {
    let dir = tempfile::tempdir().unwrap();
    folder_with_hostile_postmortem(dir.path());
    fs::write(
        dir.path().join("owners.toml"),
        "\"Priya L.\" = { github = }\n",
    )
    .unwrap();
    Command::cargo_bin("hindsight")
        .unwrap()
        .args(["actions", "--format", "gh-script"])
        .arg(dir.path())
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicates::str::contains("owners.toml:1:"));
}

#[test]
fn set_ticket_records_the_ticket_and_the_next_export_skips_the_item() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("inc-620.ron");
    fs::write(&file, hindsight::example::EXAMPLE_RON).unwrap();
    let doc = hindsight::storage::load(&file).unwrap();
    let first = doc.action_items[0].id.short();
    let script = |dir: &Path| -> String {
        let output = Command::cargo_bin("hindsight")
            .unwrap()
            .args(["actions", "--format", "gh-script"])
            .arg(dir)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        String::from_utf8(output).unwrap()
    };
    assert!(script(dir.path()).contains(&format!("'{first}'")));

    Command::cargo_bin("hindsight")
        .unwrap()
        .args(["actions", "set-ticket"])
        .arg(&file)
        .args([first.as_str(), "https://github.com/acme/ops/issues/42"])
        .assert()
        .success()
        .stdout(predicates::str::contains(
            "is tracked in https://github.com/acme/ops/issues/42",
        ));
    let doc = hindsight::storage::load(&file).unwrap();
    assert_eq!(
        doc.action_items[0].ticket_url,
        "https://github.com/acme/ops/issues/42"
    );
    assert!(!script(dir.path()).contains(&format!("'{first}'")));

    // An ID that names no item, or too little of one, changes nothing.
    let before = fs::read(&file).unwrap();
    for id in ["ffffffff", "3a"] {
        Command::cargo_bin("hindsight")
            .unwrap()
            .args(["actions", "set-ticket"])
            .arg(&file)
            .args([id, "https://x.example/1"])
            .assert()
            .code(2);
    }
    assert_eq!(fs::read(&file).unwrap(), before);
    // Listing still takes a folder.
    Command::cargo_bin("hindsight")
        .unwrap()
        .args(["actions"])
        .arg(dir.path())
        .assert()
        .success();
    Command::cargo_bin("hindsight")
        .unwrap()
        .args(["actions"])
        .assert()
        .code(2);
}
