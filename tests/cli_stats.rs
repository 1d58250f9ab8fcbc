//! `hindsight stats`: what a folder of postmortems adds up to, as docs/command-line.md
//! documents the JSON, with the review deadlines of `hindsight.toml`.

#![allow(
    clippy::unwrap_used,
    reason = "helpers outside #[test] functions may unwrap too: a panic is a failed test"
)]

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use chrono::{Duration, TimeZone, Utc};
use hindsight::model::{DocumentStatus, Postmortem};

/// Three incidents: the example (SEV-2, August 2025, 2 min to detect), a SEV-1 in September
/// detected after 10 minutes and final, and a SEV-3 in September without key times.
fn folder(dir: &Path) {
    fs::write(dir.join("inc-620.ron"), hindsight::example::EXAMPLE_RON).unwrap();
    let start = Utc.with_ymd_and_hms(2025, 9, 3, 9, 0, 0).unwrap();
    let mut severe = Postmortem {
        title: "Checkout down".to_owned(),
        status: DocumentStatus::Final,
        ..Postmortem::default()
    };
    severe.classification.severity = Some("SEV-1".to_owned());
    severe.classification.services = vec!["Checkout".to_owned(), "User API".to_owned()];
    severe.key_times.started = Some(start);
    severe.key_times.detected = Some(start + Duration::minutes(10));
    severe.key_times.resolved = Some(start + Duration::minutes(90));
    hindsight::storage::save(&dir.join("inc-700.ron"), &severe).unwrap();
    let mut minor = Postmortem {
        title: "Slow search".to_owned(),
        created: chrono::NaiveDate::from_ymd_opt(2025, 9, 20),
        ..Postmortem::default()
    };
    minor.classification.severity = Some("SEV-3".to_owned());
    hindsight::storage::save(&dir.join("inc-710.ron"), &minor).unwrap();
}

fn json(dir: &Path, extra: &[&str]) -> serde_json::Value {
    let output = Command::cargo_bin("hindsight")
        .unwrap()
        .arg("stats")
        .arg(dir)
        .args(["--format", "json", "--today", "2025-10-01"])
        .args(extra)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    serde_json::from_slice(&output).unwrap()
}

#[test]
fn the_json_has_the_documented_keys_and_counts_missing_times_as_missing() {
    let dir = tempfile::tempdir().unwrap();
    folder(dir.path());
    let stats = json(dir.path(), &[]);
    assert_eq!(stats["incidents"], 3);
    assert_eq!(stats["by_month"]["2025-08"], 1);
    assert_eq!(stats["by_month"]["2025-09"], 2);
    assert_eq!(stats["by_severity"]["SEV-1"], 1);
    assert_eq!(stats["by_service"]["User API"], 2);
    let detect = &stats["durations"]["detect"];
    assert_eq!(detect["count"], 2);
    assert_eq!(detect["missing"], 1);
    assert_eq!(detect["median_minutes"], 6.0);
    assert_eq!(detect["p90_minutes"], 10.0);
    assert_eq!(detect["by_severity"]["SEV-1"]["median_minutes"], 10.0);
    for key in ["acknowledge", "mitigate", "resolve"] {
        assert!(stats["durations"][key]["count"].is_number(), "{key}");
    }
    assert_eq!(stats["actions"]["total"], 6);
    assert_eq!(stats["actions"]["open_by_owner"]["Priya L."], 2);
    // The example is a SEV-2 still in draft, resolved 2025-08-01: the two most severe levels
    // have 5 days, so on 2025-10-01 it is 56 days late. The final SEV-1 is not listed.
    let late = stats["late_reviews"].as_array().unwrap();
    assert_eq!(late.len(), 1);
    assert_eq!(late[0]["days_late"], 56);
    assert_eq!(late[0]["owner"], "Alice R.");

    let september = json(dir.path(), &["--since", "2025-09-01"]);
    assert_eq!(september["incidents"], 2);
}

#[test]
fn deadlines_come_from_hindsight_toml_and_csv_is_for_a_spreadsheet() {
    let dir = tempfile::tempdir().unwrap();
    folder(dir.path());
    fs::write(
        dir.path().join("hindsight.toml"),
        "[late_reviews]\nsevere_days = 30\n",
    )
    .unwrap();
    let stats = json(dir.path(), &[]);
    assert_eq!(stats["late_reviews"][0]["days_late"], 31);

    let csv = Command::cargo_bin("hindsight")
        .unwrap()
        .arg("stats")
        .arg(dir.path())
        .args(["--format", "csv"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(csv).unwrap();
    assert!(
        text.starts_with("measure,key,value\nincidents,,3\n"),
        "{text}"
    );
    assert!(text.contains("by_service,User API,2\n"));

    fs::write(
        dir.path().join("hindsight.toml"),
        "[late_reviews]\nsevere = 3\n",
    )
    .unwrap();
    Command::cargo_bin("hindsight")
        .unwrap()
        .arg("stats")
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicates::str::contains("hindsight.toml:2:"));
}

#[test]
fn search_finds_words_in_any_order_best_first_with_snippets() {
    let dir = tempfile::tempdir().unwrap();
    folder(dir.path());
    let output = Command::cargo_bin("hindsight")
        .unwrap()
        .arg("search")
        .arg(dir.path())
        .args(["POOL", "connection", "--json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let hits: serde_json::Value = serde_json::from_slice(&output).unwrap();
    let hits = hits.as_array().unwrap();
    assert_eq!(hits.len(), 1);
    assert!(hits[0]["file"].as_str().unwrap().ends_with("inc-620.ron"));
    let fields: Vec<&str> = hits[0]["matches"]
        .as_array()
        .unwrap()
        .iter()
        .map(|found| found["field"].as_str().unwrap())
        .collect();
    assert!(fields.contains(&"Root cause"), "{fields:?}");
    assert!(fields.contains(&"Timeline row 9"), "{fields:?}");
    // Titles count more: "checkout" is only in the SEV-1's title.
    Command::cargo_bin("hindsight")
        .unwrap()
        .arg("search")
        .arg(dir.path())
        .arg("CHECKOUT")
        .assert()
        .success()
        .stdout(predicates::str::starts_with(format!(
            "{}: Checkout down\n",
            dir.path().join("inc-700.ron").display()
        )));
    Command::cargo_bin("hindsight")
        .unwrap()
        .arg("search")
        .arg(dir.path())
        .arg("\"pool connection\"")
        .assert()
        .success()
        .stdout("No postmortem matches.\n");
    Command::cargo_bin("hindsight")
        .unwrap()
        .arg("search")
        .arg(dir.path())
        .arg(" ")
        .assert()
        .code(2);
}

#[test]
fn tags_are_counted_filtered_and_checked_against_the_teams_list() {
    let dir = tempfile::tempdir().unwrap();
    folder(dir.path());
    // The example carries "deploy" and "missing-index"; give the SEV-1 "deploy" too.
    let severe_path = dir.path().join("inc-700.ron");
    let mut severe = hindsight::storage::load(&severe_path).unwrap();
    severe.classification.tags = vec!["deploy".to_owned()];
    severe.action_items.push(hindsight::model::ActionItem {
        action: "Canary every deploy".to_owned(),
        ..hindsight::model::ActionItem::default()
    });
    hindsight::storage::save(&severe_path, &severe).unwrap();

    let output = Command::cargo_bin("hindsight")
        .unwrap()
        .args(["stats", "--format", "json", "--today", "2025-10-01"])
        .arg(dir.path())
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["by_tag"]["deploy"], 2);
    assert_eq!(json["by_tag"]["missing-index"], 1);
    assert_eq!(json["recurring"]["tags"]["deploy"], 2);
    assert_eq!(json["recurring"]["services"]["User API"], 2);

    let listed = Command::cargo_bin("hindsight")
        .unwrap()
        .args([
            "actions",
            "--tag",
            "DEPLOY",
            "--format",
            "json",
            "--today",
            "2025-10-01",
        ])
        .arg(dir.path())
        .output()
        .unwrap();
    let items: serde_json::Value = serde_json::from_slice(&listed.stdout).unwrap();
    assert_eq!(
        items.as_array().unwrap().len(),
        7,
        "the example's six and the canary"
    );
    let only_severe = Command::cargo_bin("hindsight")
        .unwrap()
        .args(["actions", "--tag", "missing-index", "--format", "json"])
        .arg(dir.path())
        .output()
        .unwrap();
    let items: serde_json::Value = serde_json::from_slice(&only_severe.stdout).unwrap();
    assert_eq!(items.as_array().unwrap().len(), 6);

    fs::write(
        dir.path().join("hindsight.toml"),
        "tags = [\"deploy\", \"capacity\"]\n",
    )
    .unwrap();
    Command::cargo_bin("hindsight")
        .unwrap()
        .arg("check")
        .arg(dir.path().join("inc-620.ron"))
        .assert()
        .code(0)
        .stdout(predicates::str::contains(
            "warning: The tag \u{201c}missing-index\u{201d} is not in the team's list (deploy, capacity). [tags]",
        ));
    fs::write(dir.path().join("hindsight.toml"), "tags = \"deploy\"\n").unwrap();
    Command::cargo_bin("hindsight")
        .unwrap()
        .arg("check")
        .arg(dir.path().join("inc-620.ron"))
        .assert()
        .code(2)
        .stdout(predicates::str::contains("hindsight.toml:1:8"));
}
