//! `hindsight init DIR`: sets up a repository for a team's postmortems: a README for the
//! team, `hindsight.toml` and `owners.toml` to fill in, the `.hindsight/templates/` folder
//! with a first template, a `.gitignore` for cut-off saves, the pre-commit hooks, CI
//! workflows that publish the postmortems' website (`hindsight site`) with GitHub Pages or
//! GitLab Pages, and a `.gitattributes` that has git merge postmortems with `hindsight merge`; inside a git
//! repository it also sets that merge driver in the repository's config. A file that is
//! already there is left alone and named (`.gitattributes` only gains the merge line).

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

mod git;
mod writing;

use self::writing::{link_target, make_folders, outside, stays_inside, write_new};
use super::terminal::terminal_safe;
use super::{CommandError, Outcome};
use crate::model::{TEMPLATES_FOLDER, builtin_template};
use crate::storage;

/// The template `init` puts in `.hindsight/templates/`: the SRE book's layout, which the
/// team adapts (its sections become the hints of every new postmortem).
const FIRST_TEMPLATE: &str = "sre-book";

/// The files `init` writes, relative to the folder, with their contents.
const FILES: [(&str, &str); 7] = [
    ("README.md", include_str!("files/README.md")),
    ("hindsight.toml", include_str!("files/hindsight.toml")),
    ("owners.toml", include_str!("files/owners.toml")),
    (".gitignore", include_str!("files/gitignore")),
    (
        ".pre-commit-config.yaml",
        include_str!("files/pre-commit-config.yaml"),
    ),
    // The site of the postmortems, published on every push: one workflow for each host.
    (
        ".github/workflows/postmortem-site.yml",
        include_str!("files/github-pages.yml"),
    ),
    (".gitlab-ci.yml", include_str!("files/gitlab-ci.yml")),
];

/// Runs the command: creates `folder` if needed and writes what is missing in it.
pub fn init(folder: &Path, today: NaiveDate, out: &mut dyn Write) -> io::Result<Outcome> {
    let mut outcome = Outcome::Success;
    let mut report = |path: &Path, result: Result<bool, CommandError>, out: &mut dyn Write| {
        let path = path.display().to_string();
        let shown = terminal_safe(&path);
        match result {
            Ok(true) => writeln!(out, "created {shown}"),
            Ok(false) => match link_target(Path::new(&path)) {
                Some(target) => writeln!(
                    out,
                    "kept {shown} (already there: a link to {})",
                    terminal_safe(&target.display().to_string())
                ),
                None => writeln!(out, "kept {shown} (already there)"),
            },
            Err(reason) => {
                outcome = Outcome::Unreadable;
                writeln!(out, "{}", terminal_safe(&reason.to_string()))
            }
        }
    };
    let templates = folder.join(TEMPLATES_FOLDER);
    // A folder that is already there as a link to somewhere else is not written into.
    for sub in [".hindsight", TEMPLATES_FOLDER, "postmortems"] {
        let sub = folder.join(sub);
        if let Some(real) = outside(folder, &sub.join("x")) {
            writeln!(
                out,
                "{}",
                terminal_safe(&format!(
                    "{}: a link out of {} (to {}); nothing is written through it",
                    sub.display(),
                    folder.display(),
                    real.display()
                ))
            )?;
            return Ok(Outcome::Unreadable);
        }
    }
    if let Err(error) = std::fs::create_dir_all(&templates) {
        writeln!(
            out,
            "{}",
            terminal_safe(&format!("{}: {error}", templates.display()))
        )?;
        return Ok(Outcome::Unreadable);
    }
    let keep = folder.join("postmortems/.gitkeep");
    let result = std::fs::create_dir_all(folder.join("postmortems"))
        .map_err(|source| CommandError::Io {
            path: folder.join("postmortems"),
            source,
        })
        .and_then(|()| stays_inside(folder, &keep))
        .and_then(|()| {
            keep_file(&keep).map_err(|source| CommandError::Io {
                path: keep.clone(),
                source,
            })
        });
    if let Err(reason) = result {
        report(&keep, Err(reason), out)?;
    }
    for (name, text) in FILES {
        let path = folder.join(name);
        let result = make_folders(folder, &path).and_then(|()| write_new(&path, text.as_bytes()));
        report(&path, result, out)?;
    }
    let template = templates.join("team.ron");
    let result = stays_inside(folder, &template).and_then(|()| {
        if template.exists() {
            Ok(false)
        } else {
            first_template(&template, today).map(|()| true)
        }
    });
    report(&template, result, out)?;
    let in_git = git::set_up(folder, out, &mut outcome)?;
    if outcome == Outcome::Success {
        writeln!(
            out,
            "A postmortem repository is ready in {}. Next: {}pre-commit install, and hindsight new --template {} -o postmortems/FIRST.ron",
            terminal_safe(&folder.display().to_string()),
            if in_git {
                ""
            } else {
                "git init and hindsight init again (to set git's merge driver for postmortems), "
            },
            terminal_safe(
                &PathBuf::from(TEMPLATES_FOLDER)
                    .join("team.ron")
                    .display()
                    .to_string()
            ),
        )?;
    }
    Ok(outcome)
}

/// An empty file that keeps an empty folder in git.
fn keep_file(path: &Path) -> io::Result<()> {
    if path.exists() {
        Ok(())
    } else {
        std::fs::write(path, b"")
    }
}

/// The team's first template: the SRE book's layout, titled so that `check` passes on it.
fn first_template(path: &Path, today: NaiveDate) -> Result<(), CommandError> {
    let Some(builtin) = builtin_template(FIRST_TEMPLATE) else {
        return Err(CommandError::NoSuchTemplate {
            name: FIRST_TEMPLATE.to_owned(),
            known: String::new(),
        });
    };
    let mut doc = builtin.document(today);
    "Our postmortem template".clone_into(&mut doc.title);
    Ok(storage::save(path, &doc)?)
}
