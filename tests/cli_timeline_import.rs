//! `hindsight timeline-import`: rows from pasted text and PagerDuty logs, as JSON with
//! `--dry-run` or added to the file, and a clear refusal (exit 2) of what cannot be read.

#![allow(
    clippy::unwrap_used,
    reason = "helpers outside #[test] functions may unwrap too: a panic is a failed test"
)]

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;

fn hindsight() -> Command {
    Command::cargo_bin("hindsight").unwrap()
}

/// `hindsight timeline-import FILE SOURCE`, run.
fn timeline_import(file: &Path, source: &Path) -> assert_cmd::assert::Assert {
    hindsight()
        .args([
            "timeline-import",
            file.to_str().unwrap(),
            source.to_str().unwrap(),
        ])
        .assert()
}

/// The example postmortem (zone UTC, incident started 2025-08-01 14:03) in `dir`.
fn example_in(dir: &Path) -> PathBuf {
    let path = dir.join("incident.ron");
    fs::write(&path, hindsight::example::EXAMPLE_RON).unwrap();
    path
}

#[test]
fn a_slack_copy_on_standard_input_prints_the_rows_as_json() {
    let dir = tempfile::tempdir().unwrap();
    let file = example_in(dir.path());
    let before = fs::read(&file).unwrap();
    // A line before any message, and a terminal escape inside one.
    let slack = "see thread above\nAlice R.  2:03 PM\nGrafana alert fired\np95 above 1 s\n2:04\npaging \u{1b}[31mBob\n";
    let output = hindsight()
        .args(["timeline-import", file.to_str().unwrap(), "-", "--dry-run"])
        .write_stdin(slack)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let expected = concat!(
        r#"{"rows":[{"time":"2025-08-01T14:03:00Z","actor":"Alice R.","event":"Grafana alert fired p95 above 1 s","notes":"","source_lines":[2,3,4]},"#,
        r#"{"time":"2025-08-01T14:04:00Z","actor":"Alice R.","event":"paging \u001b[31mBob","notes":"","source_lines":[5,6]}],"#,
        r#""unused":[{"line":1,"text":"see thread above","reason":"no time at the start"}]}"#,
        "\n"
    );
    assert_eq!(String::from_utf8(output).unwrap(), expected);
    // A dry run writes nothing.
    assert_eq!(fs::read(&file).unwrap(), before);
}

#[test]
fn a_zulip_copy_gives_rows_without_times_and_they_go_at_the_end() {
    let dir = tempfile::tempdir().unwrap();
    let file = example_in(dir.path());
    let zulip = "Alice R.: p95 is at 3 s\nBob M.: rolling back\n";
    let output = hindsight()
        .args(["timeline-import", file.to_str().unwrap(), "-", "--dry-run"])
        .write_stdin(zulip)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let expected = concat!(
        r#"{"rows":[{"time":null,"actor":"Alice R.","event":"p95 is at 3 s","notes":"","source_lines":[1]},"#,
        r#"{"time":null,"actor":"Bob M.","event":"rolling back","notes":"","source_lines":[2]}],"#,
        r#""unused":[]}"#,
        "\n"
    );
    assert_eq!(String::from_utf8(output).unwrap(), expected);
    hindsight()
        .args(["timeline-import", file.to_str().unwrap(), "-"])
        .write_stdin(zulip)
        .assert()
        .success();
    let doc = hindsight::storage::load(&file).unwrap();
    let last: Vec<_> = doc.timeline.iter().rev().take(2).collect();
    assert_eq!(last[0].event, "rolling back");
    assert_eq!(last[1].event, "p95 is at 3 s");
    assert!(last.iter().all(|row| row.time.is_none()));
}

#[test]
fn a_zulip_archives_links_to_its_messages_are_the_rows_evidence() {
    let dir = tempfile::tempdir().unwrap();
    let file = example_in(dir.path());
    let archive = "#### [Alice R. (Aug 01 2025 at 14:03)](https://chat.example/near/1):\n\
                   p95 is at 3 s\n\n\
                   #### [Bob M. (Aug 01 2025 at 14:05)](https://chat.example/near/2):\n\
                   rolling back\n";
    let json: serde_json::Value = serde_json::from_str(&dry_run(&file, &[], archive)).unwrap();
    let evidence: Vec<&str> = json["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| row["evidence"].as_str().unwrap())
        .collect();
    assert_eq!(
        evidence,
        ["https://chat.example/near/1", "https://chat.example/near/2"]
    );
}

#[test]
fn a_pm_time_a_zone_and_a_date_line_in_a_text_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = example_in(dir.path());
    let source = dir.path().join("notes.txt");
    fs::write(
        &source,
        "2:20 PM rollback started\n2015-10-21 (all times PDT)\n- 13:08 first report\n",
    )
    .unwrap();
    let output = hindsight()
        .args([
            "timeline-import",
            file.to_str().unwrap(),
            source.to_str().unwrap(),
            "--dry-run",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let json: serde_json::Value = serde_json::from_slice(&output).unwrap();
    let times: Vec<&str> = json["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| row["time"].as_str().unwrap())
        .collect();
    // 2:20 PM is the afternoon of the incident's day; 13:08 PDT is 20:08 UTC.
    assert_eq!(times, ["2025-08-01T14:20:00Z", "2015-10-21T20:08:00Z"]);
    assert_eq!(json["unused"].as_array().unwrap().len(), 0);
}

const PAGERDUTY_LOG: &str = r#"{"log_entries": [
  {"id": "R1", "type": "trigger_log_entry", "summary": "Triggered through the API", "created_at": "2025-08-01T14:04:00Z",
   "agent": {"id": "P1", "type": "service_reference", "summary": "User API"},
   "incident": {"id": "Q1", "type": "incident_reference", "summary": "[#620] User API p95 above 1 s"}},
  {"id": "R2", "type": "acknowledge_log_entry", "summary": "Acknowledged by Alice R.", "created_at": "2025-08-01T14:06:30Z",
   "agent": {"id": "P2", "type": "user_reference", "summary": "Alice R."}},
  {"id": "R3", "type": "resolve_log_entry", "summary": "Resolved by Alice R.", "created_at": "2025-08-01T16:33:00+02:00",
   "agent": {"id": "P2", "type": "user_reference", "summary": "Alice R."}}
], "limit": 25, "offset": 0, "more": false}"#;

#[test]
fn a_pagerduty_log_is_added_to_the_file_in_time_order() {
    let dir = tempfile::tempdir().unwrap();
    let file = example_in(dir.path());
    let source = dir.path().join("log_entries.json");
    fs::write(&source, PAGERDUTY_LOG).unwrap();
    timeline_import(&file, &source)
        .success()
        .stdout(predicate::str::contains("added 3 timeline rows"));
    let doc = hindsight::storage::load(&file).unwrap();
    assert_eq!(doc.timeline.len(), 16);
    let position = |event: &str| {
        doc.timeline
            .iter()
            .position(|row| row.event == event)
            .unwrap()
    };
    // 14:04 goes between the 14:03 and 14:05 rows; 14:33 UTC after the 14:33 row.
    assert_eq!(
        position("Triggered through the API: [#620] User API p95 above 1 s"),
        1
    );
    assert_eq!(doc.timeline[1].actor.as_deref(), Some("User API"));
    assert!(position("Acknowledged by Alice R.") < position("Resolved by Alice R."));
    assert!(hindsight::model::rows_out_of_order(&doc.timeline).is_empty());
    // The markers are only suggested in the editor; the command line sets none.
    assert_eq!(
        doc.key_times,
        hindsight::example::example_postmortem().unwrap().key_times
    );
}

#[test]
fn a_pagerduty_csv_and_a_time_window() {
    let dir = tempfile::tempdir().unwrap();
    let file = example_in(dir.path());
    let source = dir.path().join("incident_log.csv");
    fs::write(
        &source,
        "Created At,Type,Agent,Summary\n2025-08-01T14:04:00Z,trigger,User API,\"Triggered, via the API\"\n2025-08-01T15:00:00Z,annotate,Bob M.,Note added\n",
    )
    .unwrap();
    let output = hindsight()
        .args([
            "timeline-import",
            file.to_str().unwrap(),
            source.to_str().unwrap(),
            "--dry-run",
            "--between",
            "2025-08-01 14:00",
            "2025-08-01T14:30:00Z",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert_eq!(
        String::from_utf8(output).unwrap(),
        "{\"rows\":[{\"time\":\"2025-08-01T14:04:00Z\",\"actor\":\"User API\",\"event\":\"Triggered, via the API\",\"notes\":\"\"}]}\n"
    );
}

#[test]
fn what_cannot_be_read_is_refused_with_where_and_why() {
    let dir = tempfile::tempdir().unwrap();
    let file = example_in(dir.path());
    let before = fs::read(&file).unwrap();
    let latin1 = dir.path().join("latin1.txt");
    fs::write(&latin1, b"14:03 ok\n14:04 caf\xe9\n").unwrap();
    timeline_import(&file, &latin1)
        .code(2)
        .stderr(predicate::str::contains("latin1.txt:2:10: not UTF-8 text"));
    let bad_log = dir.path().join("log.csv");
    fs::write(&bad_log, "created_at,summary\nyesterday,Triggered\n").unwrap();
    timeline_import(&file, &bad_log)
        .code(2)
        .stderr(predicate::str::contains(
            "log.csv:2:1: \"yesterday\" is not a time",
        ));
    hindsight()
        .args([
            "timeline-import",
            file.to_str().unwrap(),
            dir.path().to_str().unwrap(),
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not a Slack workspace export"));
    hindsight()
        .args([
            "timeline-import",
            file.to_str().unwrap(),
            "-",
            "--channel",
            "incidents",
        ])
        .write_stdin("14:03 x")
        .assert()
        .code(2);
    // Nothing was written by any of them.
    assert_eq!(fs::read(&file).unwrap(), before);
}

/// A Slack export of two channels; the example incident ran 14:03–14:33 UTC on 2025-08-01.
fn slack_export(dir: &Path) -> PathBuf {
    let export = dir.join("slack-export");
    fs::create_dir_all(export.join("incident-620")).unwrap();
    fs::write(
        export.join("channels.json"),
        r#"[{"id": "C1", "name": "incident-620"}, {"id": "C2", "name": "random"}]"#,
    )
    .unwrap();
    fs::write(
        export.join("users.json"),
        r#"[{"id": "U1", "name": "alice", "real_name": "Alice R."}]"#,
    )
    .unwrap();
    // 12:00 (before the window), 14:05, 14:40 (inside: the window is widened an hour), and
    // the next morning (outside).
    fs::write(
        export.join("incident-620/2025-08-01.json"),
        r#"[{"user": "U1", "text": "lunch", "ts": "1754049600.000000"},
            {"user": "U1", "text": "<!here> latency is up", "ts": "1754057100.000000"},
            {"user": "U1", "text": "all clear", "ts": "1754059200.000000"}]"#,
    )
    .unwrap();
    fs::write(
        export.join("incident-620/2025-08-02.json"),
        r#"[{"user": "U1", "text": "good morning", "ts": "1754118000.000000"}]"#,
    )
    .unwrap();
    export
}

#[test]
fn a_slack_export_gives_the_channels_messages_around_the_incident() {
    let dir = tempfile::tempdir().unwrap();
    let file = example_in(dir.path());
    let export = slack_export(dir.path());
    let output = hindsight()
        .args([
            "timeline-import",
            file.to_str().unwrap(),
            export.to_str().unwrap(),
            "--channel",
            "#incident-620",
            "--dry-run",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert_eq!(
        String::from_utf8(output).unwrap(),
        concat!(
            r#"{"rows":[{"time":"2025-08-01T14:05:00Z","actor":"Alice R.","event":"@here latency is up","notes":""},"#,
            r#"{"time":"2025-08-01T14:40:00Z","actor":"Alice R.","event":"all clear","notes":""}]}"#,
            "\n"
        )
    );
    // With two channels, one has to be chosen.
    timeline_import(&file, &export)
        .code(2)
        .stderr(predicate::str::contains(
            "choose one with --channel NAME: incident-620, random",
        ));
}

/// What `--dry-run` prints for `stdin` with these further arguments.
fn dry_run(file: &Path, arguments: &[&str], stdin: &str) -> String {
    let output = hindsight()
        .args(["timeline-import", file.to_str().unwrap(), "-", "--dry-run"])
        .args(arguments)
        .write_stdin(stdin)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(output).unwrap()
}

#[test]
fn the_zone_the_day_and_the_direction_can_be_settled_on_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let file = example_in(dir.path());
    // A pager log copied newest first, across midnight, in New York's time.
    let log = "00:10 alice: service back\n23:55 bob: rollback started\n23:40 carol: paged\n";
    let output = dry_run(
        &file,
        &["--zone", "ET", "--date", "Aug 2, 2025", "--newest-first"],
        log,
    );
    let json: serde_json::Value = serde_json::from_str(&output).unwrap();
    let times: Vec<&str> = json["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| row["time"].as_str().unwrap())
        .collect();
    // EDT is UTC-4: 00:10 on Aug 2 is 04:10 UTC; the rows above it are the evening before.
    assert_eq!(
        times,
        [
            "2025-08-02T04:10:00Z",
            "2025-08-02T03:55:00Z",
            "2025-08-02T03:40:00Z"
        ]
    );
}

#[test]
fn twelve_hour_and_approximate_times_and_a_written_window() {
    let dir = tempfile::tempdir().unwrap();
    let file = example_in(dir.path());
    let paste = "2:45 PM alice: paged\n~3 PM bob: rollback\n4:30 PM carol: all clear\n";
    let text = dry_run(
        &file,
        &["--between", "Aug 1 2:30 PM", "Aug 1 3:30 PM"],
        paste,
    );
    assert!(text.contains(r#""time":"2025-08-01T14:45:00Z""#), "{text}");
    assert!(
        text.contains(r#""notes":"Time approximate: 15:00""#),
        "{text}"
    );
    assert!(!text.contains("all clear"), "outside the window: {text}");
}

#[test]
fn one_day_file_of_a_slack_export_is_read_on_its_own() {
    let dir = tempfile::tempdir().unwrap();
    let file = example_in(dir.path());
    // As Slack writes a channel's day, without users.json beside it: authors by their
    // profile where the message carries one, else by id; a join is no row.
    let day = r#"[
        {"type": "message", "subtype": "channel_join", "user": "U2", "text": "<@U2> has joined the channel", "ts": "1754056800.000100"},
        {"type": "message", "user": "U1", "text": "latency is up &amp; climbing", "ts": "1754056980.000200",
         "user_profile": {"real_name": "Alice R."}},
        {"type": "message", "user": "U065ETZEC", "text": "rolling back", "ts": "1754057100.000400"}
    ]"#;
    let text = dry_run(&file, &[], day);
    assert!(text.contains(r#""time":"2025-08-01T14:03:00Z""#), "{text}");
    assert!(
        text.contains(r#""event":"latency is up & climbing""#),
        "{text}"
    );
    assert!(text.contains(r#""actor":"Alice R.""#), "{text}");
    assert!(text.contains(r#""actor":"U065ETZEC""#), "{text}");
    assert!(!text.contains("has joined"), "{text}");
}

#[test]
fn firehydrant_and_victorops_incidents_are_read_from_their_json() {
    let dir = tempfile::tempdir().unwrap();
    let file = example_in(dir.path());
    let firehydrant = r#"[{"name": "Checkout latency", "number": 2, "milestones": [
        {"type": "started", "occurred_at": "2025-08-01T14:03:00.430Z"},
        {"type": "resolved", "occurred_at": "2025-08-01T15:10:06Z"}]}]"#;
    let text = dry_run(&file, &[], firehydrant);
    assert!(
        text.contains(r#""event":"Started: Checkout latency""#),
        "{text}"
    );
    assert!(text.contains(r#""time":"2025-08-01T15:10:06Z""#), "{text}");
    let victorops = r#"{"incidents": [{"incidentNumber": "7", "entityDisplayName": "api",
        "transitions": [{"name": "acknowledged", "at": "2025-08-01T14:05:00Z", "by": "dana"}]}]}"#;
    let text = dry_run(&file, &[], victorops);
    assert!(text.contains(r#""event":"Acknowledged: api""#), "{text}");
    assert!(text.contains(r#""actor":"dana""#), "{text}");
}

#[test]
fn zulip_messages_and_chat_exports_saved_as_web_pages_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let file = example_in(dir.path());
    let zulip = r#"[{"content": "<p>Hub is down</p>", "id": 7,
        "sender_full_name": "Kevin Paul", "timestamp": 1754057000}]"#;
    let text = dry_run(&file, &[], zulip);
    assert!(text.contains(r#""time":"2025-08-01T14:03:20Z""#), "{text}");
    assert!(text.contains(r#""actor":"Kevin Paul""#), "{text}");
    assert!(text.contains(r#""event":"Hub is down""#), "{text}");
    let telegram = r#"<!DOCTYPE html><html><body>
<div class="message default clearfix" id="message5"><div class="body">
<div class="pull_right date details" title="01.08.2025 16:05:00 UTC+02:00">16:05</div>
<div class="from_name">Dana</div><div class="text">Rolled back</div></div></div>
</body></html>"#;
    let text = dry_run(&file, &[], telegram);
    assert!(text.contains(r#""time":"2025-08-01T14:05:00Z""#), "{text}");
    assert!(text.contains(r#""event":"Rolled back""#), "{text}");
    let discord = r#"<!DOCTYPE html><html><body><div class=chatlog__message-group>
<div class=chatlog__message-container data-message-id=9><div class=chatlog__message>
<span class=chatlog__author>Sam</span>
<span class=chatlog__timestamp title="Friday, August 1, 2025 2:10 PM">2:10 PM</span>
<div class=chatlog__content>Failing over</div></div></div></div></body></html>"#;
    let text = dry_run(&file, &[], discord);
    assert!(text.contains(r#""time":"2025-08-01T14:10:00Z""#), "{text}");
    assert!(text.contains(r#""actor":"Sam""#), "{text}");
    assert!(text.contains(r#""event":"Failing over""#), "{text}");
}

#[test]
fn json_of_an_unknown_shape_is_refused_not_read_as_text() {
    let dir = tempfile::tempdir().unwrap();
    let file = example_in(dir.path());
    let before = fs::read(&file).unwrap();
    let source = dir.path().join("incidents.json");
    fs::write(
        &source,
        r#"{"incidents":[{"name":"x","created_at":"2025-08-01T14:03:00Z"}]}"#,
    )
    .unwrap();
    timeline_import(&file, &source)
        .code(2)
        .stderr(predicate::str::contains(
            "JSON of a shape Hindsight does not read",
        ))
        .stderr(predicate::str::contains("PagerDuty incident log"));
    assert_eq!(fs::read(&file).unwrap(), before);
}

#[test]
fn a_status_pages_rss_feed_is_refused_not_read_as_text() {
    let dir = tempfile::tempdir().unwrap();
    let file = example_in(dir.path());
    let before = fs::read(&file).unwrap();
    let source = dir.path().join("history.rss");
    fs::write(
        &source,
        "\u{feff}<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><item>\n\
         <description>&lt;small&gt;Jan  1, 09:09 PST&lt;/small&gt; Resolved</description>\n\
         </item></channel></rss>\n",
    )
    .unwrap();
    timeline_import(&file, &source)
        .code(2)
        .stderr(predicate::str::contains("an XML document"))
        .stderr(predicate::str::contains("PagerDuty incident log"));
    assert_eq!(fs::read(&file).unwrap(), before);
}

/// `--day-order` settles dates written with numbers alone that the source does not prove.
#[test]
fn day_order_reads_numbers_only_dates_as_the_person_says() {
    let dir = tempfile::tempdir().unwrap();
    let file = example_in(dir.path());
    let paste = "04/08/2025 14:10 rollback started\n";
    let run = |order: &str| {
        let output = hindsight()
            .args(["timeline-import", file.to_str().unwrap(), "-", "--dry-run"])
            .args(["--day-order", order])
            .write_stdin(paste)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        String::from_utf8(output).unwrap()
    };
    assert!(run("day-first").contains(r#""time":"2025-08-04T14:10:00Z""#));
    assert!(run("month-first").contains(r#""time":"2025-04-08T14:10:00Z""#));
    hindsight()
        .args(["timeline-import", file.to_str().unwrap(), "-", "--dry-run"])
        .args(["--day-order", "sideways"])
        .write_stdin(paste)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("day-first"));
}

/// Text in which no line becomes a row is refused with why, never reported as 0 rows added.
#[test]
fn text_with_no_row_in_it_is_refused_and_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let file = example_in(dir.path());
    let before = fs::read(&file).unwrap();
    let source = dir.path().join("notes.txt");
    fs::write(&source, "We looked at the graphs.\nThen we went home.\n").unwrap();
    timeline_import(&file, &source)
        .code(2)
        .stderr(predicate::str::contains(
            "notes.txt: no timeline row in it: none of its 2 lines starts with a time",
        ))
        .stderr(predicate::str::contains(
            "line 1, \"We looked at the graphs.\"",
        ));
    assert_eq!(fs::read(&file).unwrap(), before);
}
