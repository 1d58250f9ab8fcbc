//! `hindsight site DIR -o OUT`: a static website of every postmortem below a folder, for
//! any web server or none (it opens from the disk too).

use std::io::{self, Write};
use std::path::PathBuf;

use chrono::NaiveDate;

use super::{Outcome, terminal_safe};
use crate::review::FolderSettings;
use crate::site::{SiteOptions, build_site};
use crate::storage;

/// What `hindsight site` was asked to do.
#[derive(Clone, Debug)]
pub struct SiteRequest {
    /// The folder of postmortems.
    pub folder: PathBuf,
    /// The site's folder.
    pub output: PathBuf,
    /// The site's name.
    pub title: String,
    /// The day overdue items are counted from.
    pub today: NaiveDate,
    /// Where the site will be served, for the feed's links.
    pub base_url: Option<url::Url>,
}

/// Runs the command: reads the postmortems, makes the site and writes what changed. Files
/// that cannot be read are named on `err` and left out, and the run exits 2; a site that
/// cannot be written is said why, and exits 2.
pub fn site(
    request: &SiteRequest,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Outcome> {
    let deadlines = match FolderSettings::in_folder(&request.folder) {
        Ok(settings) => settings.late_reviews,
        Err(reason) => {
            writeln!(
                err,
                "hindsight site: {}",
                terminal_safe(&reason.to_string())
            )?;
            return Ok(Outcome::Unreadable);
        }
    };
    let Some((docs, unreadable)) = super::postmortems_in(&request.folder, err)? else {
        return Ok(Outcome::Unreadable);
    };
    let options = SiteOptions {
        title: request.title.clone(),
        today: request.today,
        deadlines,
        base_url: request.base_url.clone(),
    };
    let files = build_site(&docs, &request.folder, &storage::read_all, &options);
    match storage::write_tree(&request.output, &files) {
        Ok(done) => {
            writeln!(
                out,
                "{} \u{2192} {}: {} written, {} unchanged, {} removed",
                crate::model::plural(docs.len(), "postmortem"),
                terminal_safe(&request.output.display().to_string()),
                crate::model::plural(done.written, "file"),
                done.unchanged,
                done.removed
            )?;
        }
        Err(error) => {
            writeln!(err, "hindsight site: {}", terminal_safe(&error.to_string()))?;
            return Ok(Outcome::Unreadable);
        }
    }
    Ok(if unreadable.is_empty() {
        Outcome::Success
    } else {
        Outcome::Unreadable
    })
}
