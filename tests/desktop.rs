//! What makes Hindsight feel installed and fit a team's repository: the window icon, the
//! desktop entry and file type, and `hindsight init`.

#![allow(
    clippy::unwrap_used,
    reason = "helpers outside #[test] functions may unwrap too: a panic is a failed test"
)]

use std::fs;
use std::path::Path;

use assert_cmd::Command;

fn hindsight() -> Command {
    Command::cargo_bin("hindsight").unwrap()
}

/// A PNG's width and height, from its header.
fn png_size(path: &Path) -> (u32, u32) {
    let bytes = fs::read(path).unwrap();
    assert_eq!(&bytes[1..4], b"PNG", "{}", path.display());
    let number = |at: usize| u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap());
    (number(16), number(20))
}

#[test]
fn the_window_icon_and_every_icon_size_are_there() {
    let icon = hindsight::app::window_icon().unwrap();
    assert_eq!((icon.width, icon.height), (256, 256));
    assert_eq!(icon.rgba.len(), 256 * 256 * 4);
    for size in [16, 24, 32, 48, 64, 128, 256, 512] {
        let path = Path::new("assets/icon").join(format!("hindsight-{size}.png"));
        assert_eq!(png_size(&path), (size, size));
    }
    assert!(
        fs::read_to_string("assets/icon/hindsight.svg")
            .unwrap()
            .contains("<svg")
    );
}

#[test]
fn the_desktop_entry_opens_files_and_the_file_type_is_told_by_content() {
    let entry = fs::read_to_string("assets/linux/hindsight.desktop").unwrap();
    for line in [
        "Name=Hindsight",
        "GenericName=Postmortem editor",
        "Exec=hindsight %f",
        "Icon=hindsight",
        "MimeType=application/x-hindsight-postmortem;",
    ] {
        assert!(entry.lines().any(|found| found == line), "{line}");
    }
    let mime = fs::read_to_string("assets/linux/hindsight-postmortem.xml").unwrap();
    assert!(mime.contains(r#"<match type="string" value="format_version:" offset="0:64"/>"#));
    assert!(
        !mime.contains("<glob"),
        "every .ron file would become a postmortem"
    );
    // The magic must hold for what the editor writes.
    let example = hindsight::example::EXAMPLE_RON;
    assert!(example[..64].contains("format_version:"));
}

#[test]
fn init_makes_a_repository_whose_checks_pass_and_keeps_what_is_there() {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path().join("postmortems-repo");
    hindsight()
        .arg("init")
        .arg(&repo)
        .assert()
        .code(0)
        .stdout(predicates::str::contains("created"))
        .stdout(predicates::str::contains("pre-commit install"));
    for file in [
        "README.md",
        "hindsight.toml",
        "owners.toml",
        ".gitignore",
        ".pre-commit-config.yaml",
        ".gitattributes",
        ".hindsight/templates/team.ron",
        "postmortems/.gitkeep",
    ] {
        assert!(repo.join(file).is_file(), "{file}");
    }
    assert!(
        fs::read_to_string(repo.join(".gitignore"))
            .unwrap()
            .contains(".hindsight-*.tmp")
    );
    let template = repo.join(".hindsight/templates/team.ron");
    hindsight().arg("check").arg(&template).assert().code(0);
    hindsight()
        .args(["fmt", "--check"])
        .arg(&template)
        .assert()
        .code(0);
    // The settings skeletons read as they are.
    let settings = hindsight::review::FolderSettings::in_folder(&repo).unwrap();
    assert!(settings.tags.unwrap().contains(&"capacity".to_owned()));
    hindsight::review::Owners::in_folder(&repo).unwrap();
    // A new postmortem from the team's template checks too.
    let first = repo.join("postmortems/first.ron");
    hindsight()
        .args(["new", "--template"])
        .arg(&template)
        .arg("-o")
        .arg(&first)
        .assert()
        .code(0);

    // Run again: nothing is written over.
    fs::write(
        repo.join("owners.toml"),
        "\"Priya L.\" = { github = \"priyal\" }\n",
    )
    .unwrap();
    hindsight()
        .arg("init")
        .arg(&repo)
        .assert()
        .code(0)
        .stdout(predicates::str::contains("kept"));
    assert!(
        fs::read_to_string(repo.join("owners.toml"))
            .unwrap()
            .contains("priyal")
    );
}

#[test]
fn hooks_pass_over_files_that_are_not_postmortems_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let other = dir.path().join("settings.ron");
    fs::write(&other, "(theme: \"dark\")\n").unwrap();
    let postmortem = dir.path().join("inc.ron");
    fs::write(&postmortem, hindsight::example::EXAMPLE_RON).unwrap();
    hindsight().arg("check").arg(&other).assert().code(2);
    hindsight()
        .args(["check", "--only-postmortems"])
        .arg(&other)
        .arg(&postmortem)
        .assert()
        .code(0);
    hindsight()
        .args(["fmt", "--check"])
        .arg(&other)
        .assert()
        .code(2);
    hindsight()
        .args(["fmt", "--check", "--only-postmortems"])
        .arg(&other)
        .arg(&postmortem)
        .assert()
        .code(0);
    let hooks = fs::read_to_string(".pre-commit-hooks.yaml").unwrap();
    for id in ["id: hindsight-fmt", "id: hindsight-check"] {
        assert!(hooks.contains(id), "{id}");
    }
}

#[test]
fn init_writes_nothing_through_a_link_out_of_the_folder_and_says_where_links_lead() {
    let dir = tempfile::tempdir().unwrap();
    let elsewhere = dir.path().join("elsewhere");
    fs::create_dir(&elsewhere).unwrap();
    let repo = dir.path().join("repo");
    fs::create_dir(&repo).unwrap();
    std::os::unix::fs::symlink(&elsewhere, repo.join("postmortems")).unwrap();
    hindsight()
        .arg("init")
        .arg(&repo)
        .assert()
        .code(2)
        .stdout(predicates::str::contains("a link out of"));
    assert_eq!(
        fs::read_dir(&elsewhere).unwrap().count(),
        0,
        "nothing written where the link leads"
    );

    // A link to a file is kept (said so); .gitattributes behind a link is written through.
    let repo = dir.path().join("repo2");
    fs::create_dir(&repo).unwrap();
    let shared_readme = elsewhere.join("README.md");
    fs::write(&shared_readme, "Our shared readme\n").unwrap();
    std::os::unix::fs::symlink(&shared_readme, repo.join("README.md")).unwrap();
    let shared_attributes = elsewhere.join("gitattributes");
    fs::write(&shared_attributes, "*.png binary\n").unwrap();
    std::os::unix::fs::symlink(&shared_attributes, repo.join(".gitattributes")).unwrap();
    hindsight()
        .arg("init")
        .arg(&repo)
        .assert()
        .code(0)
        .stdout(predicates::str::contains(
            "README.md (already there: a link to",
        ))
        .stdout(predicates::str::contains("(a link: written to"));
    assert_eq!(
        fs::read_to_string(&shared_readme).unwrap(),
        "Our shared readme\n"
    );
    assert_eq!(
        fs::read_to_string(&shared_attributes).unwrap(),
        "*.png binary\n# Postmortems merge by their structure (rows, items and fields), not line by line.\n*.ron merge=hindsight\n"
    );
    assert!(
        fs::symlink_metadata(repo.join(".gitattributes"))
            .unwrap()
            .file_type()
            .is_symlink(),
        "the link stays a link"
    );
}
