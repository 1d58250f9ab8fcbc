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
    /// A public site, of each postmortem's public version.
    pub public: Option<super::Publication>,
}

/// Runs the command: reads the postmortems, makes the site and writes what changed. Files
/// that cannot be read are named on `err` and left out, and the run exits 2; a site that
/// cannot be written is said why, and exits 2.
pub fn site(
    request: &SiteRequest,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Outcome> {
    let settings = match FolderSettings::in_folder(&request.folder) {
        Ok(settings) => settings,
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
    let mut outcome = if unreadable.is_empty() {
        Outcome::Success
    } else {
        Outcome::Unreadable
    };
    let docs = match request.public {
        None => docs,
        Some(publication) => {
            let rules = settings.public_rules();
            let mut public = Vec::with_capacity(docs.len());
            for (path, doc) in docs {
                let name = path.display().to_string();
                match super::publish_under(&rules, &name, &doc, publication, err)? {
                    Ok(version) => public.push((path, version)),
                    Err(refused) => outcome = outcome.max(refused),
                }
            }
            public
        }
    };
    let options = SiteOptions {
        title: request.title.clone(),
        today: request.today,
        deadlines: settings.late_reviews,
        base_url: request.base_url.clone(),
        public: request.public.is_some(),
    };
    // A public site carries no attached files, as a public export does not.
    let no_files =
        |_: &std::path::Path, _: &crate::model::Postmortem| crate::export::AttachedFiles::new();
    let files_of: &(
         dyn Fn(&std::path::Path, &crate::model::Postmortem) -> crate::export::AttachedFiles + Sync
     ) = if request.public.is_some() {
        &no_files
    } else {
        &storage::read_all
    };
    let files = build_site(&docs, &request.folder, files_of, &options);
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
    Ok(outcome)
}
