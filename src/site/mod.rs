//! `hindsight site`: a static website of a folder of postmortems, for everyone who reads
//! them and has no Hindsight: an index to sort and filter, a page per postmortem, the open
//! action items by due week, the figures with their charts, a page per service and per tag,
//! a search, and an Atom feed.
//!
//! The site is made from the documents alone, as bytes by path, so the same postmortems on
//! the same day always give the same site; storage writes it, rewriting only what changed.
//! Every page is escaped as the HTML export is, holds a Content-Security-Policy that lets
//! only its own stylesheet and script apply, embeds its images, and links only relatively,
//! so the site works from any host, under any path, and from the disk.

mod actions_page;
mod charts;
mod entries;
mod feed;
mod groups;
mod library;
mod page;
mod postmortem_page;
mod search_page;
mod stats_page;

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rayon::prelude::*;

use self::entries::{Entry, entries};
use self::groups::Groups;
use self::page::{Page, Part, escape, frame};
use crate::export::AttachedFiles;
use crate::model::Postmortem;
use crate::review::ReviewDeadlines;

/// The site's files: their paths relative to its root (with `/` between folders) and their
/// bytes.
pub type SiteFiles = BTreeMap<String, Vec<u8>>;

/// Choices that shape the site.
#[derive(Clone, Debug)]
pub struct SiteOptions {
    /// The site's name, at the top of every page and in the feed.
    pub title: String,
    /// The day overdue items and late reviews are counted from.
    pub today: NaiveDate,
    /// How many days a postmortem may stay unfinished after its incident.
    pub deadlines: ReviewDeadlines,
    /// The address the site will be served from, for the feed, whose readers need whole
    /// addresses; without it the feed's links are relative to it.
    pub base_url: Option<url::Url>,
    /// Whether the documents are public versions: their pages are then named after their
    /// day and title, never after their files, whose names may say what the public version
    /// leaves out (a customer's name, say).
    pub public: bool,
}

/// The site of the postmortems `docs` (read from below `folder`). `files_of` gives each
/// document's attached files, which its page embeds.
#[must_use]
pub fn build_site(
    docs: &[(PathBuf, Postmortem)],
    folder: &Path,
    files_of: &(dyn Fn(&Path, &Postmortem) -> AttachedFiles + Sync),
    options: &SiteOptions,
) -> SiteFiles {
    let entries = entries(docs, folder, options.today, options.public);
    let groups = Groups::of(&entries);
    let mut site: SiteFiles = entries
        .par_iter()
        .enumerate()
        .map(|(at, entry)| {
            let files = files_of(entry.path, entry.doc);
            let page = postmortem_page::page(&entries, &groups, at, &files);
            let bytes = frame(&page, &options.title);
            (entry.page.clone(), bytes)
        })
        .collect();
    let mut add = |page: &Page<'_>| {
        site.insert(page.path.to_owned(), frame(page, &options.title));
    };
    add(&index_page(&entries, options));
    add(&actions_page::page(&entries, options.today));
    add(&stats_page::page(docs, &entries, &groups, options));
    for page in groups::pages(&entries, &groups, options.today) {
        add(&page);
    }
    add(&search_page::page(&entries));
    site.insert("feed.xml".to_owned(), feed::feed(&entries, options));
    site
}

fn index_page<'a>(entries: &[Entry<'_>], options: &SiteOptions) -> Page<'a> {
    let mut main = String::new();
    let _ = writeln!(main, "<h1>{}</h1>", escape(&options.title));
    let (open, overdue) = entries.iter().fold((0, 0), |(open, overdue), entry| {
        (open + entry.open, overdue + entry.overdue)
    });
    let _ = writeln!(
        main,
        "<p class=\"lead\">{}; {} open, {} of them overdue on {}. <a href=\"feed.xml\">Follow new postmortems</a> in a feed reader.</p>",
        crate::model::plural(entries.len(), "postmortem"),
        crate::model::plural(open, "action item"),
        overdue,
        options.today
    );
    let all: Vec<&Entry<'_>> = entries.iter().collect();
    library::library(&mut main, &all, "", options.today);
    Page {
        path: "index.html",
        title: "Postmortems",
        part: Part::Index,
        main,
        script: (!entries.is_empty()).then_some(library::LIBRARY_SCRIPT),
    }
}
