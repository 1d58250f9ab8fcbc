//! The command line, run as a process the way scripts and CI run it.

#![allow(
    clippy::unwrap_used,
    reason = "helpers outside #[test] functions may unwrap too: a panic is a failed test"
)]

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;

const EXAMPLE: &str = "assets/examples/user-api-latency.ron";

fn hindsight() -> Command {
    Command::cargo_bin("hindsight").unwrap()
}

fn copy_example(dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    fs::copy(EXAMPLE, &path).unwrap();
    path
}

#[test]
fn check_reports_the_example_and_exits_0() {
    hindsight()
        .args(["check", EXAMPLE])
        .assert()
        .code(0)
        .stdout(format!(
            "{EXAMPLE}: ok \u{2014} 13 timeline rows, 6 action items, 0 errors, 0 warnings\n"
        ));
}

#[test]
fn check_lists_warnings_but_still_exits_0() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_example(dir.path(), "owners.ron");
    let text = fs::read_to_string(&path)
        .unwrap()
        .replacen("owner: \"Bob M.\"", "owner: \"\"", 1);
    fs::write(&path, text).unwrap();
    hindsight()
        .arg("check")
        .arg(&path)
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            ": ok \u{2014} 13 timeline rows, 6 action items, 0 errors, 1 warning\n",
        ))
        .stdout(predicate::str::contains(
            "  warning: Action item 2 has no owner. [action item 94ff3129]",
        ));
}

#[test]
fn check_exits_1_on_validation_errors() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_example(dir.path(), "bad-times.ron");
    let text = fs::read_to_string(&path).unwrap().replace(
        "detected: Some(\"2025-08-01T14:05:00Z\")",
        "detected: Some(\"2025-08-01T14:01:00Z\")",
    );
    fs::write(&path, text).unwrap();
    hindsight()
        .arg("check")
        .arg(&path)
        .arg(EXAMPLE)
        .assert()
        .code(1)
        .stdout(predicate::str::contains(": 1 error \u{2014} 13 timeline rows"))
        .stdout(predicate::str::contains(
            "  error: Detected (2025-08-01 14:01 UTC) is before started (2025-08-01 14:03 UTC). [key time detected]",
        ))
        .stdout(predicate::str::contains(format!("{EXAMPLE}: ok")));
}

#[test]
fn check_exits_2_when_a_file_cannot_be_read_and_still_checks_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("broken.ron");
    fs::write(
        &broken,
        "(\n    format_version: 1,\n    title: \"unterminated,\n",
    )
    .unwrap();
    hindsight()
        .arg("check")
        .arg(&broken)
        .arg(EXAMPLE)
        .assert()
        .code(2)
        .stdout(predicate::str::contains(format!("{}:3:", broken.display())))
        .stdout(predicate::str::contains(format!("{EXAMPLE}: ok")));
}

#[test]
fn check_exits_2_for_a_missing_file_and_for_no_files() {
    hindsight()
        .args(["check", "no-such-file.ron"])
        .assert()
        .code(2)
        .stdout(predicate::str::contains(
            "no-such-file.ron: cannot read the file",
        ));
    hindsight().arg("check").assert().code(2);
}

#[test]
fn fmt_check_passes_on_canonical_files_and_fails_on_others() {
    hindsight()
        .args(["fmt", "--check", EXAMPLE])
        .assert()
        .code(0)
        .stdout("");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hand.ron");
    let hand = "(format_version: 1, title: \"Hand written\")";
    fs::write(&path, hand).unwrap();
    hindsight()
        .arg("fmt")
        .arg("--check")
        .arg(&path)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("hand.ron: not in canonical form"));
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        hand,
        "--check changed the file"
    );
}

#[test]
fn fmt_rewrites_into_the_form_the_editor_saves() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("squashed.ron");
    let example = fs::read_to_string(EXAMPLE).unwrap();
    // The same document with every line's indentation removed, as a careless merge might.
    let squashed = example
        .lines()
        .map(str::trim_start)
        .collect::<Vec<_>>()
        .join("\n");
    fs::write(&path, squashed).unwrap();
    hindsight()
        .arg("fmt")
        .arg(&path)
        .assert()
        .code(0)
        .stdout(predicate::str::contains("squashed.ron: formatted"));
    assert_eq!(fs::read_to_string(&path).unwrap(), example);
    hindsight()
        .arg("fmt")
        .arg("--check")
        .arg(&path)
        .assert()
        .code(0);
}

#[test]
fn fmt_refuses_unreadable_files_and_leaves_them_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("future.ron");
    let text = "(format_version: 9, title: \"From the future\")";
    fs::write(&path, text).unwrap();
    hindsight()
        .arg("fmt")
        .arg(&path)
        .assert()
        .code(2)
        .stdout(predicate::str::contains("format version 9"));
    assert_eq!(fs::read_to_string(&path).unwrap(), text);
}

#[test]
fn bad_arguments_exit_2() {
    hindsight()
        .args(["check", "--frobnicate", EXAMPLE])
        .assert()
        .code(2);
    hindsight().args(["fmt", "--check"]).assert().code(2);
}

#[test]
fn actions_prints_exactly_the_examples_two_overdue_items_as_csv() {
    let output = hindsight()
        .args([
            "actions",
            "assets/examples",
            "--overdue",
            "--today",
            "2025-08-10",
            "--format",
            "csv",
        ])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(output).unwrap();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 2, "{text}");
    assert_eq!(rows[0].get(6), Some("2025-08-05"));
    assert_eq!(rows[0].get(5), Some("Priya L."));
    assert_eq!(rows[1].get(6), Some("2025-08-08"));
    assert_eq!(rows[1].get(12), Some("2"));
    assert_eq!(rows[0].get(0), Some("assets/examples/user-api-latency.ron"));
}

#[test]
fn actions_reports_unreadable_files_on_stderr_and_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    copy_example(dir.path(), "good.ron");
    fs::create_dir(dir.path().join("nested")).unwrap();
    fs::write(
        dir.path().join("nested/broken.ron"),
        "(format_version: 1, title: ",
    )
    .unwrap();
    hindsight()
        .arg("actions")
        .arg(dir.path())
        .args(["--owner", "priya l.", "--today", "2025-08-10"])
        .assert()
        .code(0)
        .stderr(predicate::str::contains("broken.ron:1:"))
        .stdout(predicate::str::contains("5 days overdue"))
        .stdout(predicate::str::contains("Hold a brown-bag session"))
        .stdout(predicate::str::contains("Bob M.").not());
}

#[test]
fn actions_exit_codes() {
    let today = ["--today", "2025-08-10"];
    hindsight()
        .args(["actions", "assets/examples", "--fail-on-overdue"])
        .args(today)
        .assert()
        .code(1);
    hindsight()
        .args([
            "actions",
            "assets/examples",
            "--fail-on-overdue",
            "--status",
            "done",
        ])
        .args(today)
        .assert()
        .code(0)
        .stdout("No action items match.\n");
    hindsight()
        .args([
            "actions",
            "assets/examples",
            "--due-within",
            "7",
            "--format",
            "json",
        ])
        .args(today)
        .assert()
        .code(0)
        .stdout(predicate::str::contains("\"due\": \"2025-08-15\""))
        .stdout(predicate::str::contains("2025-08-19").not());
    hindsight()
        .args(["actions", "/no/such/folder"])
        .assert()
        .code(2);
    hindsight()
        .args(["actions", "assets/examples", "--today", "2025-02-30"])
        .assert()
        .code(2);
    hindsight()
        .args(["actions", "assets/examples", "--format", "xml"])
        .assert()
        .code(2);
}

#[test]
fn export_writes_each_format_to_stdout() {
    let markdown = hindsight()
        .args(["export", EXAMPLE, "--format", "md"])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let markdown = String::from_utf8(markdown).unwrap();
    assert!(markdown.starts_with("# User API latency after an unindexed orders query\n"));
    assert!(markdown.contains("| Time (UTC) | Event / action | Notes | Who |"));

    hindsight()
        .args(["export", EXAMPLE, "--format", "html"])
        .assert()
        .code(0)
        .stdout(predicate::str::starts_with("<!DOCTYPE html>"));
    hindsight()
        .args(["export", EXAMPLE, "--format", "csv-actions"])
        .assert()
        .code(0)
        .stdout(predicate::str::starts_with(
            "action,owner,due,status,priority,kind,ticket_url,completed,declined_reason\n",
        ));
    let timeline = hindsight()
        .args([
            "export",
            EXAMPLE,
            "--format",
            "csv-timeline",
            "--starred-only",
        ])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let lines = String::from_utf8(timeline).unwrap().lines().count();
    assert_eq!(lines, 1 + 5, "header and the five starred rows");
}

#[test]
fn export_writes_to_a_file_with_o() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.md");
    hindsight()
        .args([
            "export",
            EXAMPLE,
            "--format",
            "md",
            "--skip-empty-sections",
            "-o",
        ])
        .arg(&out)
        .assert()
        .code(0)
        .stdout("");
    let written = fs::read_to_string(&out).unwrap();
    assert!(written.contains("## Action items"));
    assert!(!written.contains("## Where we got lucky"));
}

#[test]
fn export_exits_2_with_the_reason_when_the_file_cannot_be_read() {
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("broken.ron");
    fs::write(&broken, "(title: \"cut off").unwrap();
    hindsight()
        .args(["export", "--format", "md"])
        .arg(&broken)
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("broken.ron:1:"));
    hindsight()
        .args(["export", "--format", "html"])
        .arg(dir.path().join("missing.ron"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("missing.ron"));
    let out = dir.path().join("no-such-folder").join("out.md");
    hindsight()
        .args(["export", EXAMPLE, "--format", "md", "-o"])
        .arg(&out)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("out.md"));
    hindsight()
        .args(["export", EXAMPLE, "--format", "pdf"])
        .assert()
        .code(2);
}

/// The example with `from` replaced by `to` once, written as `name` in `dir`.
fn example_with(dir: &Path, name: &str, from: &str, to: &str) -> PathBuf {
    let text = fs::read_to_string(EXAMPLE).unwrap();
    assert!(text.contains(from), "the example has no {from:?}");
    let path = dir.join(name);
    fs::write(&path, text.replacen(from, to, 1)).unwrap();
    path
}

#[test]
fn document_text_reaches_the_terminal_with_its_escapes_made_visible() {
    let dir = tempfile::tempdir().unwrap();
    // RON strings take `\u{…}` escapes, so a file can hold an escape character.
    example_with(
        dir.path(),
        "escapes.ron",
        "owner: \"Bob M.\"",
        "owner: \"\\u{1b}]0;owned\\u{7}\\u{1b}[2J\"",
    );
    let output = hindsight()
        .args(["actions", "--today", "2025-08-10"])
        .arg(dir.path())
        .output()
        .unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(
        !stdout.contains('\u{1b}') && !stdout.contains('\u{7}'),
        "{stdout:?}"
    );
    assert!(stdout.contains("\\u{1b}]0;owned\\u{7}"), "{stdout}");

    // A finding quoting the document, and an error quoting the file, are escaped too.
    let broken = example_with(
        dir.path(),
        "broken.ron",
        "time_zone: \"UTC\"",
        "time_zone: \"\\u{1b}[31mRed/Zone\"",
    );
    let output = hindsight().arg("check").arg(&broken).output().unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(stdout.contains("broken.ron:11:"), "{stdout}");
    assert!(stdout.contains("\\u{1b}[31mRed/Zone"), "{stdout}");
    assert!(!stdout.contains('\u{1b}'), "{stdout:?}");
}

#[test]
fn export_refuses_to_write_over_the_postmortem_it_reads() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_example(dir.path(), "inc.ron");
    let before = fs::read(&path).unwrap();
    for output in [path.clone(), dir.path().join("./sub/../inc.ron")] {
        fs::create_dir_all(dir.path().join("sub")).unwrap();
        hindsight()
            .args(["export", "--format", "md", "-o"])
            .arg(&output)
            .arg(&path)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(
                "the output is the postmortem itself",
            ));
        assert_eq!(fs::read(&path).unwrap(), before);
    }
}

#[test]
fn a_file_with_an_impossible_year_is_unreadable_and_the_rest_are_still_reviewed() {
    let dir = tempfile::tempdir().unwrap();
    copy_example(dir.path(), "good.ron");
    example_with(
        dir.path(),
        "far.ron",
        "2025-08-01T14:03:00Z",
        "+262142-12-31T23:59:59Z",
    );
    let far = dir.path().join("far.ron");
    let with_zone = fs::read_to_string(&far).unwrap().replacen(
        "time_zone: \"UTC\"",
        "time_zone: \"Pacific/Kiritimati\"",
        1,
    );
    fs::write(&far, with_zone).unwrap();
    hindsight()
        .args(["actions", "--today", "2025-08-10", "--format", "csv"])
        .arg(dir.path())
        .assert()
        .code(0)
        .stdout(predicate::str::contains("good.ron").count(6))
        .stderr(predicate::str::contains("far.ron:48:"))
        .stderr(predicate::str::contains("the year 262142 is outside"));
    for format in ["md", "html"] {
        hindsight()
            .args(["export", "--format", format])
            .arg(&far)
            .assert()
            .code(2)
            .stderr(predicate::str::contains("far.ron:48:"));
    }
}

#[test]
fn actions_csv_neutralises_formulas_unless_csv_raw() {
    let dir = tempfile::tempdir().unwrap();
    example_with(
        dir.path(),
        "inc.ron",
        "owner: \"Bob M.\"",
        "owner: \"=HYPERLINK(\\\"https://evil.example\\\")\"",
    );
    let run = |raw: bool| {
        let mut command = hindsight();
        command.args(["actions", "--today", "2025-08-10", "--format", "csv"]);
        if raw {
            command.arg("--csv-raw");
        }
        let output = command.arg(dir.path()).output().unwrap();
        let mut reader = csv::Reader::from_reader(output.stdout.as_slice());
        let owners: Vec<String> = reader
            .records()
            .map(|record| record.unwrap()[5].to_owned())
            .collect();
        owners
    };
    let formula = "=HYPERLINK(\"https://evil.example\")";
    assert!(run(false).contains(&format!("'{formula}")));
    assert!(run(true).contains(&formula.to_owned()));
    assert!(!run(false).contains(&formula.to_owned()));
}

/// Runs `hindsight actions --fail-on-overdue` on a folder with a subfolder nobody may list.
/// Root lists any folder, so as root the command runs as `nobody` (through `setpriv`).
#[cfg(unix)]
#[test]
fn fail_on_overdue_fails_when_a_subfolder_cannot_be_listed() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::set_permissions(root, fs::Permissions::from_mode(0o755)).unwrap();
    // The binary is copied where `nobody` may run it, whatever the checkout's permissions.
    let binary = root.join("hindsight");
    fs::copy(assert_cmd::cargo::cargo_bin("hindsight"), &binary).unwrap();
    let folder = root.join("postmortems");
    fs::create_dir_all(folder.join("locked")).unwrap();
    // Nothing overdue where the command can read; the locked folder might hold anything.
    let text = fs::read_to_string(EXAMPLE)
        .unwrap()
        .replace("status: Open", "status: Done");
    fs::write(folder.join("done.ron"), text).unwrap();
    copy_example(&folder.join("locked"), "overdue.ron");
    fs::set_permissions(folder.join("locked"), fs::Permissions::from_mode(0o000)).unwrap();
    fs::set_permissions(&folder, fs::Permissions::from_mode(0o755)).unwrap();
    fs::set_permissions(folder.join("done.ron"), fs::Permissions::from_mode(0o644)).unwrap();

    let as_root = std::process::Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|output| output.stdout.starts_with(b"0\n"));
    let mut command = if as_root {
        let mut command = std::process::Command::new("setpriv");
        command
            .args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"])
            .arg(&binary);
        command
    } else {
        std::process::Command::new(&binary)
    };
    let output = command
        .args(["actions", "--today", "2025-08-10", "--fail-on-overdue"])
        .arg(&folder)
        .output()
        .unwrap();
    fs::set_permissions(folder.join("locked"), fs::Permissions::from_mode(0o755)).unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("locked"), "{stderr}");
    assert!(stderr.contains("cannot list this folder"), "{stderr}");
    assert!(stderr.contains("overdue items may be missing"), "{stderr}");
}

/// Runs `hindsight` with `arguments` with its output on a terminal (a pseudo-terminal that
/// `script` opens), and returns what the terminal was sent.
fn on_a_terminal(arguments: &[&str]) -> String {
    let binary = assert_cmd::cargo::cargo_bin("hindsight");
    let mut line = shell_quoted(&binary.display().to_string());
    for argument in arguments {
        line.push(' ');
        line.push_str(&shell_quoted(argument));
    }
    let output = std::process::Command::new("script")
        .args(["-qec", &line, "/dev/null"])
        .output()
        .unwrap();
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn shell_quoted(text: &str) -> String {
    format!("'{}'", text.replace('\'', "'\\''"))
}

#[test]
fn every_format_printed_to_a_terminal_shows_control_characters_as_text() {
    let dir = tempfile::tempdir().unwrap();
    let hostile = "\u{1b}]0;pwned\u{7}Rotate keys\u{1b}[2J \u{202e}reversed";
    let text = hindsight::example::EXAMPLE_RON.replace(
        "Add the index on orders.status in all environments",
        &hostile
            .replace('\u{1b}', "\\u{1b}")
            .replace('\u{7}', "\\u{7}")
            .replace('\u{202e}', "\\u{202e}"),
    );
    fs::write(dir.path().join("inc.ron"), text).unwrap();
    let folder = dir.path().display().to_string();
    for format in ["table", "csv", "json"] {
        let shown = on_a_terminal(&["actions", &folder, "--format", format]);
        assert!(shown.contains("Rotate keys"), "{format}: {shown}");
        for control in ['\u{1b}', '\u{7}', '\u{202e}'] {
            assert!(
                !shown.contains(control),
                "{format} sent {control:?}: {shown:?}"
            );
        }
    }
    // To a file or a pipe the CSV stays exact.
    let piped = hindsight()
        .args(["actions", &folder, "--format", "csv", "--csv-raw"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&piped.stdout).contains(hostile));
}
