//! The files Hindsight shares with other programs and people: real concurrent processes
//! change one postmortem and no change is lost (each reads and writes under the file's lock),
//! and named pipes or devices where Hindsight expects a file are refused at once, unopened.

#![allow(
    clippy::unwrap_used,
    reason = "helpers outside test functions may unwrap too: a panic is a failed test"
)]

use std::path::Path;
use std::process::{Child, Command};

use hindsight::model::{ActionItem, Postmortem};

fn hindsight() -> Command {
    Command::new(assert_cmd::cargo::cargo_bin("hindsight"))
}

/// Waits for every process and checks each succeeded.
fn all_succeed(children: Vec<Child>) {
    for child in children {
        let output = child.wait_with_output().unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
}

fn example_at(path: &Path) -> Postmortem {
    let doc = hindsight::example::example_postmortem().unwrap();
    hindsight::storage::save(path, &doc).unwrap();
    doc
}

#[test]
fn fifty_set_ticket_runs_at_once_keep_fifty_tickets() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("inc.ron");
    let mut doc = example_at(&path);
    doc.action_items = (0..50)
        .map(|index| ActionItem {
            action: format!("Item {index}"),
            ..ActionItem::default()
        })
        .collect();
    hindsight::storage::save(&path, &doc).unwrap();
    let children: Vec<Child> = doc
        .action_items
        .iter()
        .enumerate()
        .map(|(index, item)| {
            hindsight()
                .args(["actions", "set-ticket"])
                .arg(&path)
                .arg(item.id.to_string())
                .arg(format!("https://tracker.example.com/OPS-{index}"))
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    all_succeed(children);
    let saved = hindsight::storage::load(&path).unwrap();
    for (index, item) in saved.action_items.iter().enumerate() {
        assert_eq!(
            item.ticket_url,
            format!("https://tracker.example.com/OPS-{index}"),
            "item {index}"
        );
    }
}

#[test]
fn twenty_imports_at_once_and_fmt_beside_them_keep_twenty_rows() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("inc.ron");
    let doc = example_at(&path);
    let before = doc.timeline.len();
    let mut children = Vec::new();
    for index in 0..20 {
        let source = dir.path().join(format!("row-{index}.txt"));
        std::fs::write(&source, format!("15:{index:02} dana: follow-up {index}\n")).unwrap();
        children.push(
            hindsight()
                .arg("timeline-import")
                .arg(&path)
                .arg(&source)
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap(),
        );
        // `fmt` racing the imports writes back only what it has just read.
        children.push(
            hindsight()
                .arg("fmt")
                .arg(&path)
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap(),
        );
    }
    all_succeed(children);
    let saved = hindsight::storage::load(&path).unwrap();
    assert_eq!(saved.timeline.len(), before + 20);
    for index in 0..20 {
        let event = format!("follow-up {index}");
        assert!(
            saved.timeline.iter().any(|row| row.event == event),
            "{event} was lost"
        );
    }
}

/// Runs `hindsight` with `arguments` and gives it five seconds: a command that waits on a
/// named pipe for ever is a failure, not a hung test run.
fn finishes_promptly(arguments: &[&std::ffi::OsStr]) -> std::process::Output {
    let mut child = hindsight()
        .args(arguments)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let started = std::time::Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > std::time::Duration::from_secs(5) {
            child.kill().unwrap();
            panic!("hindsight {arguments:?} was still running after 5 s");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

fn mkfifo(path: &Path) {
    let made = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(made.success());
}

#[test]
fn pipes_and_devices_named_like_the_files_hindsight_reads_are_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    example_at(&dir.path().join("inc.ron"));
    let folder = dir.path().as_os_str();
    // owners.toml as a named pipe: the tracker export says so and stops.
    mkfifo(&dir.path().join("owners.toml"));
    let output = finishes_promptly(&[
        "actions".as_ref(),
        folder,
        "--format".as_ref(),
        "gh-script".as_ref(),
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("named pipe"),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    // hindsight.toml as a link to an endless device: refused, not read into memory.
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("hindsight.toml")).unwrap();
    std::fs::remove_file(dir.path().join("owners.toml")).unwrap();
    let output = finishes_promptly(&["stats".as_ref(), folder]);
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("a device"),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    // A Slack export's zip as a named pipe.
    let zip = dir.path().join("export.zip");
    mkfifo(&zip);
    let output = finishes_promptly(&[
        "timeline-import".as_ref(),
        dir.path().join("inc.ron").as_os_str(),
        zip.as_os_str(),
        "--channel".as_ref(),
        "incident".as_ref(),
    ]);
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn a_link_to_nothing_is_refused_and_nothing_is_created_where_it_points() {
    let dir = tempfile::tempdir().unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let link = dir.path().join("inc.ron");
    std::os::unix::fs::symlink(elsewhere.path().join("planted.ron"), &link).unwrap();
    for force in [false, true] {
        let mut command = hindsight();
        command
            .args(["new", "--template", "blank", "-o"])
            .arg(&link);
        if force {
            command.arg("--force");
        }
        let output = command.output().unwrap();
        assert_eq!(output.status.code(), Some(2), "--force {force}");
        assert!(
            String::from_utf8_lossy(&output.stderr).contains("does not exist"),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        assert!(!elsewhere.path().join("planted.ron").exists());
    }
}

#[test]
fn import_force_over_a_postmortem_waits_for_the_lock_another_program_holds() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("inc.ron");
    example_at(&target);
    let before = std::fs::read(&target).unwrap();
    let source = dir.path().join("inc.md");
    std::fs::write(
        &source,
        "# Checkout errors\n\n## Summary\n\nThe pool ran out.\n",
    )
    .unwrap();

    // Another program is in the middle of changing the file, holding its lock.
    let held = std::fs::File::open(&target).unwrap();
    held.lock().unwrap();
    let import = hindsight()
        .arg("import")
        .arg(&source)
        .arg("-o")
        .arg(&target)
        .arg("--force")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(500));
    assert_eq!(
        std::fs::read(&target).unwrap(),
        before,
        "the import wrote while another program held the file"
    );
    held.unlock().unwrap();
    all_succeed(vec![import]);
    let replaced = hindsight::storage::load(&target).unwrap();
    assert_eq!(replaced.title, "Checkout errors");
}
