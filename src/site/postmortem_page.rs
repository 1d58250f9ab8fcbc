//! A postmortem's own page: the HTML export of the document, under the site's navigation,
//! with links to the incidents before and after it of each service it touched.

use std::fmt::Write as _;

use super::entries::Entry;
use super::groups::Groups;
use super::page::{Page, Part, escape, root_of};
use crate::export::{AttachedFiles, ExportOptions, html_body};
use crate::review::owner_key;

/// The page of `entries[at]`, embedding its attached `files`.
#[must_use]
pub fn page<'a>(
    entries: &'a [Entry<'a>],
    groups: &Groups,
    at: usize,
    files: &AttachedFiles,
) -> Page<'a> {
    let entry = &entries[at];
    let root = root_of(&entry.page);
    let mut main = String::with_capacity(32 * 1024);
    let _ = writeln!(
        main,
        "<p class=\"back\"><a href=\"{root}index.html\">\u{2190} All postmortems</a></p>"
    );
    main.push_str(&html_body(entry.doc, ExportOptions::default(), files));
    related(&mut main, entries, groups, at, &root);
    Page {
        path: &entry.page,
        title: entry.title,
        part: Part::Postmortem,
        main,
        script: None,
    }
}

/// For each service of the incident, the one before and the one after it.
fn related(out: &mut String, entries: &[Entry<'_>], groups: &Groups, at: usize, root: &str) {
    let mut lines = Vec::new();
    let mut seen = Vec::new();
    for service in entries[at].services() {
        let key = owner_key(service);
        if seen.contains(&key) {
            continue;
        }
        let Some(group) = groups.services.get(&key) else {
            continue;
        };
        seen.push(key);
        let run = &group.members;
        let Some(place) = run.iter().position(|other| *other == at) else {
            continue;
        };
        // The run is newest first: the one after in it happened before.
        let earlier = run.get(place + 1).map(|other| &entries[*other]);
        let later = place
            .checked_sub(1)
            .and_then(|before| run.get(before))
            .map(|other| &entries[*other]);
        if earlier.is_none() && later.is_none() {
            continue;
        }
        let mut item_html = format!(
            "<li><a href=\"{root}{}\">{}</a>: ",
            group.page,
            escape(&group.name)
        );
        let link = |entry: &Entry<'_>, words: &str| {
            let day = entry
                .day
                .map_or_else(String::new, |day| format!(" ({day})"));
            format!(
                "{words} <a href=\"{root}{}\">{}</a>{day}",
                entry.page,
                escape(entry.title)
            )
        };
        let parts: Vec<String> = [
            earlier.map(|entry| link(entry, "before it,")),
            later.map(|entry| link(entry, "after it,")),
        ]
        .into_iter()
        .flatten()
        .collect();
        item_html.push_str(&parts.join("; "));
        item_html.push_str("</li>");
        lines.push(item_html);
    }
    if lines.is_empty() {
        return;
    }
    out.push_str("<nav class=\"related\" aria-labelledby=\"related-heading\">\n<h2 id=\"related-heading\">Other incidents of the same services</h2>\n<ul>\n");
    for line in lines {
        out.push_str(&line);
        out.push('\n');
    }
    out.push_str("</ul>\n</nav>\n");
}
