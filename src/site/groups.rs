//! Services and tags: which incidents share each, a page listing each one's incidents, and
//! a page listing them all with how often they come back.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use chrono::NaiveDate;

use super::entries::{Entry, Names};
use super::library::{LIBRARY_SCRIPT, library};
use super::page::{Page, Part, escape};
use crate::review::owner_key;

/// The incidents that share one service or tag.
pub struct Group {
    /// Its name as most of its incidents write it (the newest's, when as many write it
    /// one way as another).
    pub name: String,
    /// Its page, relative to the site's root.
    pub page: String,
    /// Its incidents' positions in the entries, newest first.
    pub members: Vec<usize>,
}

/// Every service and every tag, by name compared without case or surrounding spaces.
pub struct Groups {
    /// The services.
    pub services: BTreeMap<String, Group>,
    /// The tags.
    pub tags: BTreeMap<String, Group>,
}

impl Groups {
    /// The services and tags of `entries`.
    #[must_use]
    pub fn of(entries: &[Entry<'_>]) -> Self {
        Self {
            services: grouped(entries, "services", |entry| entry.services().collect()),
            tags: grouped(entries, "tags", |entry| entry.tags().collect()),
        }
    }
}

fn grouped<'a>(
    entries: &[Entry<'a>],
    folder: &str,
    names_of: impl Fn(&Entry<'a>) -> Vec<&'a str>,
) -> BTreeMap<String, Group> {
    let mut groups: BTreeMap<String, Group> = BTreeMap::new();
    // How often each group's spellings are written, in the order they were first met.
    let mut spellings: BTreeMap<String, Vec<(&str, usize)>> = BTreeMap::new();
    for (at, entry) in entries.iter().enumerate() {
        for name in names_of(entry) {
            let key = owner_key(name);
            let group = groups.entry(key.clone()).or_insert_with(|| Group {
                name: String::new(),
                page: String::new(),
                members: Vec::new(),
            });
            if group.members.last() != Some(&at) {
                group.members.push(at);
            }
            let written = spellings.entry(key).or_default();
            match written.iter_mut().find(|(spelling, _)| *spelling == name) {
                Some((_, count)) => *count += 1,
                None => written.push((name, 1)),
            }
        }
    }
    for (key, written) in spellings {
        // The first of the most written: entries come newest first.
        let most = written.iter().map(|(_, count)| *count).max().unwrap_or(0);
        if let (Some(group), Some((spelling, _))) = (
            groups.get_mut(&key),
            written.iter().find(|(_, count)| *count == most),
        ) {
            (*spelling).clone_into(&mut group.name);
        }
    }
    // Named in the order of their keys, so a name's page stays where it was while the
    // incidents that share it come and go.
    let mut names = Names::default();
    names.unique("index");
    for (key, group) in &mut groups {
        group.page = format!("{folder}/{}.html", names.unique(key));
    }
    groups
}

/// The pages of every service and tag, and the page of each list.
#[must_use]
pub fn pages<'a>(entries: &[Entry<'_>], groups: &'a Groups, today: NaiveDate) -> Vec<Page<'a>> {
    let mut pages = Vec::new();
    for (groups, part, folder, (kind, noun)) in [
        (
            &groups.services,
            Part::Services,
            "services",
            ("Services", "Service"),
        ),
        (&groups.tags, Part::Tags, "tags", ("Tags", "Tag")),
    ] {
        pages.push(list_page(entries, groups, part, folder, (kind, noun)));
        for group in groups.values() {
            let members: Vec<&Entry<'_>> = group.members.iter().map(|at| &entries[*at]).collect();
            let mut main = String::new();
            let _ = writeln!(
                main,
                "<p class=\"back\"><a href=\"index.html\">\u{2190} {kind}</a></p>\n<h1>{noun}: {}</h1>",
                escape(&group.name)
            );
            let _ = writeln!(
                main,
                "<p class=\"lead\">{}.</p>",
                crate::model::plural(members.len(), "incident")
            );
            library(&mut main, &members, "../", today);
            pages.push(Page {
                path: &group.page,
                title: &group.name,
                part,
                main,
                script: Some(LIBRARY_SCRIPT),
            });
        }
    }
    pages
}

/// Every service or tag with how many incidents it has, the most first, and its latest.
fn list_page<'a>(
    entries: &[Entry<'_>],
    groups: &BTreeMap<String, Group>,
    part: Part,
    folder: &'a str,
    (kind, noun): (&'a str, &str),
) -> Page<'a> {
    let mut main = String::new();
    let _ = writeln!(main, "<h1>{kind}</h1>");
    if groups.is_empty() {
        let _ = writeln!(
            main,
            "<p class=\"empty\">No postmortem names any {} yet.</p>",
            kind.to_lowercase()
        );
    } else {
        let mut ordered: Vec<&Group> = groups.values().collect();
        ordered.sort_by_key(|group| std::cmp::Reverse(group.members.len()));
        let _ = writeln!(
            main,
            "<section class=\"table-scroll\" aria-label=\"{kind}\" tabindex=\"0\">\n<table class=\"groups\">\n<thead>\n<tr><th scope=\"col\">{noun}</th><th scope=\"col\">Incidents</th><th scope=\"col\">Latest</th><th scope=\"col\">Open action items</th></tr>\n</thead>\n<tbody>"
        );
        for group in ordered {
            let members = group.members.iter().map(|at| &entries[*at]);
            let (open, overdue) = members.fold((0, 0), |(open, overdue), entry| {
                (open + entry.open, overdue + entry.overdue)
            });
            let latest = group.members.first().map(|at| &entries[*at]);
            let latest = latest.map_or_else(String::new, |entry| {
                let day = entry.day.map_or_else(String::new, |day| format!("{day}: "));
                format!(
                    "{day}<a href=\"../{}\">{}</a>",
                    entry.page,
                    escape(entry.title)
                )
            });
            let overdue = if overdue > 0 {
                format!(" <span class=\"overdue\">({overdue} overdue)</span>")
            } else {
                String::new()
            };
            let page = group
                .page
                .trim_start_matches(folder)
                .trim_start_matches('/');
            let _ = writeln!(
                main,
                "<tr><td><a href=\"{page}\">{}</a></td><td class=\"number\">{}</td><td>{latest}</td><td class=\"number\">{open}{overdue}</td></tr>",
                escape(&group.name),
                group.members.len()
            );
        }
        main.push_str("</tbody>\n</table>\n</section>\n");
    }
    Page {
        path: if part == Part::Services {
            "services/index.html"
        } else {
            "tags/index.html"
        },
        title: kind,
        part,
        main,
        script: None,
    }
}
