//! The images a Markdown postmortem shows. A graph kept beside the file
//! (`![p99 latency](img/p99.png)`) becomes an attachment, copied into the new postmortem's
//! folder, with its alternative text as the caption; an image on the web stays in the text
//! as written, where the exports show it as a link (a page never fetches from the network).

use std::ops::Range;
use std::path::{Path, PathBuf};

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::model::{
    ATTACHMENTS_HEADING, AttachedTo, Attachment, Postmortem, Section, attached_to_row,
};

/// One image written in Markdown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WrittenImage {
    /// Its alternative text, which becomes the caption.
    pub alt: String,
    /// Where it is, as written.
    pub destination: String,
    /// Its title, where an export of Hindsight's keeps the file's original name.
    pub title: String,
    /// Where the image's Markdown is in the text.
    pub range: Range<usize>,
}

/// The images written in `markdown`, in order.
#[must_use]
pub fn images_in(markdown: &str) -> Vec<WrittenImage> {
    written_in(markdown, false)
}

/// The images written in `markdown`, and the links to files an export of Hindsight's keeps
/// beside a postmortem (`[server.log](<inc-812.files/<hash>.log>)`: a stored name in a
/// `.files` folder), in order.
#[must_use]
pub fn attached_files_in(markdown: &str) -> Vec<WrittenImage> {
    written_in(markdown, true)
}

fn written_in(markdown: &str, stored_links: bool) -> Vec<WrittenImage> {
    let mut found = Vec::new();
    let mut open: Option<WrittenImage> = None;
    // Images inside tables and task lists count too: the extensions a postmortem uses.
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_TASKLISTS | Options::ENABLE_STRIKETHROUGH;
    for (event, range) in Parser::new_ext(markdown, options).into_offset_iter() {
        match event {
            Event::Start(Tag::Image {
                dest_url, title, ..
            }) if open.is_none() => {
                open = Some(WrittenImage {
                    alt: String::new(),
                    destination: dest_url.to_string(),
                    title: title.to_string(),
                    range,
                });
            }
            Event::Start(Tag::Link {
                dest_url, title, ..
            }) if open.is_none() && stored_links && names_a_stored_file(&dest_url) => {
                open = Some(WrittenImage {
                    alt: String::new(),
                    destination: dest_url.to_string(),
                    title: title.to_string(),
                    range,
                });
            }
            Event::Text(text) | Event::Code(text) => {
                if let Some(image) = &mut open {
                    image.alt.push_str(&text);
                }
            }
            Event::End(TagEnd::Image | TagEnd::Link) => found.extend(open.take()),
            _ => {}
        }
    }
    found
}

/// Whether `destination` is a file as Hindsight stores one: `NAME.files/<hash>.<ext>`.
fn names_a_stored_file(destination: &str) -> bool {
    let mut parts = destination.rsplit('/');
    let name = parts.next().unwrap_or_default();
    let folder = parts.next().unwrap_or_default();
    folder.ends_with(crate::model::ATTACHMENTS_FOLDER_SUFFIX) && crate::model::is_stored_name(name)
}

/// The file an image's destination names, when it names one on this computer: a path,
/// relative to `folder` (the Markdown file's) unless absolute, or a `file:` address. An
/// address on the web, a data address or a link within the page names none.
#[must_use]
pub fn local_file(destination: &str, folder: &Path) -> Option<PathBuf> {
    let destination = destination.trim();
    let path = if let Some(rest) = destination.strip_prefix("file://") {
        rest
    } else {
        let scheme = destination.split_once(':').is_some_and(|(scheme, _)| {
            scheme.len() > 1
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        });
        if scheme || destination.starts_with('#') || destination.starts_with("//") {
            return None;
        }
        destination
    };
    // `my%20graph.png` is `my graph.png`; a query or fragment is not part of the file.
    let path = path.split(['?', '#']).next().unwrap_or_default();
    if path.is_empty() {
        return None;
    }
    let decoded = percent_encoding::percent_decode_str(path)
        .decode_utf8()
        .ok()?;
    Some(folder.join(decoded.as_ref()))
}

/// Takes the images of `doc`'s written sections that name files on this computer out of
/// the text and into its attachments, each at its section with its alternative text as the
/// caption. `store` copies one file where the document keeps its files and gives its
/// reference; an image it cannot store stays in the text as written. Returns, for each
/// image left so, why.
pub fn keep_local_images(
    doc: &mut Postmortem,
    folder: &Path,
    mut store: impl FnMut(&Path) -> Result<Attachment, String>,
) -> Vec<String> {
    let mut problems = Vec::new();
    for section in Section::ALL {
        let text = doc.narrative.text(section).to_owned();
        let mut taken: Vec<Range<usize>> = Vec::new();
        for image in images_in(&text) {
            let Some(file) = local_file(&image.destination, folder) else {
                continue;
            };
            match store(&file) {
                Ok(stored) => {
                    doc.attachments.push(Attachment {
                        place: AttachedTo::Section(section),
                        ..named_as_written(&image, stored)
                    });
                    taken.push(image.range);
                }
                Err(reason) => problems.push(format!("{}: {reason}", image.destination)),
            }
        }
        if !taken.is_empty() {
            *doc.narrative.text_mut(section) = without(&text, &taken);
        }
    }
    // Elsewhere (the files of the postmortem as a whole, of a row under the line that names
    // it, or in a section of the team's own), an image belongs to the row its line names,
    // else to the postmortem.
    let mut index = 0;
    while index < doc.narrative.custom_sections.len() {
        let text = doc.narrative.custom_sections[index].text.clone();
        let mut taken: Vec<Range<usize>> = Vec::new();
        for image in attached_files_in(&text) {
            let Some(file) = local_file(&image.destination, folder) else {
                continue;
            };
            let named = row_named_above(doc, &text, image.range.start);
            match store(&file) {
                Ok(stored) => {
                    // In a section of the team's own, the image is that section's; in the
                    // parts an import or an export makes, the postmortem's.
                    let title = &doc.narrative.custom_sections[index].title;
                    let own = title != ATTACHMENTS_HEADING && title != super::NOT_PLACED;
                    let unnamed = if own {
                        AttachedTo::Custom(index)
                    } else {
                        AttachedTo::Document
                    };
                    let place = named
                        .as_ref()
                        .map_or(unnamed, |(id, _)| AttachedTo::Row(*id));
                    doc.attachments.push(Attachment {
                        place,
                        ..named_as_written(&image, stored)
                    });
                    taken.extend(named.map(|(_, line)| line));
                    taken.push(image.range);
                }
                Err(reason) => problems.push(format!("{}: {reason}", image.destination)),
            }
        }
        if taken.is_empty() {
            index += 1;
            continue;
        }
        taken.sort_by_key(|range| range.start);
        taken.dedup();
        let left = without(&text, &taken);
        let section = &mut doc.narrative.custom_sections[index];
        let made_by_reading =
            section.title == ATTACHMENTS_HEADING || section.title == super::NOT_PLACED;
        if left.trim().is_empty() && made_by_reading {
            doc.narrative.custom_sections.remove(index);
        } else {
            section.text = left;
            index += 1;
        }
    }
    problems
}

/// `stored` with the caption and the original name `image` gives: its alternative text is
/// the caption, its title (an export's) the original name; an export wrote the original
/// name in place of a caption there was none of.
fn named_as_written(image: &WrittenImage, stored: Attachment) -> Attachment {
    let alt = image.alt.trim();
    let title = image.title.trim();
    let original_name = if title.is_empty() {
        stored.original_name
    } else {
        title.to_owned()
    };
    let caption = if alt == original_name { "" } else { alt };
    Attachment {
        caption: caption.to_owned(),
        original_name,
        ..stored
    }
}

/// The row named by the line above `at` in `text`, when that line (past blank lines and
/// other images) is an export's `Attached to 14:07 Alice joined:`, with where the line is.
fn row_named_above(
    doc: &Postmortem,
    text: &str,
    at: usize,
) -> Option<(crate::model::RowId, Range<usize>)> {
    let mut lines = Vec::new();
    let mut start = 0;
    for line in text[..at].split_inclusive('\n') {
        lines.push((start, line.trim_end_matches(['\n', '\r'])));
        start += line.len();
    }
    for (start, line) in lines.into_iter().rev() {
        let trimmed = line.trim();
        if trimmed.is_empty() || (trimmed.starts_with("![") && trimmed.ends_with(')')) {
            continue;
        }
        let named = attached_to_row(trimmed)?.replace('\\', "");
        let row = doc
            .timeline
            .iter()
            .find(|row| !row.event.trim().is_empty() && named.ends_with(row.event.trim()))?;
        return Some((row.id, start..start + line.len()));
    }
    None
}

/// `text` without the `ranges` (in order, apart), and without the blank lines their removal
/// leaves.
fn without(text: &str, ranges: &[Range<usize>]) -> String {
    let mut kept = String::with_capacity(text.len());
    let mut at = 0;
    for range in ranges {
        kept.push_str(&text[at..range.start]);
        at = range.end;
    }
    kept.push_str(&text[at..]);
    let mut out = String::with_capacity(kept.len());
    let mut blank_run = 0;
    for line in kept.lines() {
        if line.trim().is_empty() {
            blank_run += 1;
            if blank_run > 1 || out.is_empty() {
                continue;
            }
        } else {
            blank_run = 0;
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out.trim_end().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn images_are_found_with_their_alternative_text_and_place() {
        let text = "Latency rose:\n\n![p99 *latency*](img/p99.png \"title\")\n\nThen fell. ![logo](https://x.org/a.png)";
        let found = images_in(text);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].alt, "p99 latency");
        assert_eq!(found[0].destination, "img/p99.png");
        assert_eq!(
            &text[found[0].range.clone()],
            "![p99 *latency*](img/p99.png \"title\")"
        );
        assert_eq!(found[1].destination, "https://x.org/a.png");
    }

    #[test]
    fn only_a_path_or_a_file_address_names_a_local_file() {
        let folder = Path::new("/notes");
        assert_eq!(
            local_file("img/my%20graph.png?raw=1", folder),
            Some(PathBuf::from("/notes/img/my graph.png"))
        );
        assert_eq!(
            local_file("/srv/graphs/a.png", folder),
            Some(PathBuf::from("/srv/graphs/a.png"))
        );
        assert_eq!(
            local_file("file:///srv/a.png", folder),
            Some(PathBuf::from("/srv/a.png"))
        );
        for remote in [
            "https://grafana.example.com/render.png",
            "data:image/png;base64,AAAA",
            "#figure-1",
            "//cdn.example.com/a.png",
            "mailto:a@b.c",
        ] {
            assert_eq!(local_file(remote, folder), None, "{remote}");
        }
    }

    #[test]
    fn an_exports_files_of_a_row_and_of_the_postmortem_are_known_again() {
        let mut doc = Postmortem::default();
        doc.timeline.push(crate::model::TimelineRow {
            event: "Alice joined #ops".to_owned(),
            ..crate::model::TimelineRow::default()
        });
        let row = doc.timeline[0].id;
        doc.narrative.custom_sections = vec![
            crate::model::CustomSection {
                title: super::super::NOT_PLACED.to_owned(),
                text: "Attached to 14:07 Alice joined \\#ops:\n\n![5xx rate](<inc.files/a.png>)\n\nSomething else".to_owned(),
                ..crate::model::CustomSection::default()
            },
            crate::model::CustomSection {
                title: ATTACHMENTS_HEADING.to_owned(),
                text: "[server.log](<inc.files/b.log>)\n\n![whole](<inc.files/c.png>)".to_owned(),
                ..crate::model::CustomSection::default()
            },
        ];
        let problems = keep_local_images(&mut doc, Path::new("/notes"), |file| {
            Ok(Attachment {
                path: format!("new.files/{}", file.file_name().unwrap().to_string_lossy()),
                ..Attachment::default()
            })
        });
        assert!(problems.is_empty(), "{problems:?}");
        let places: Vec<(&str, AttachedTo)> = doc
            .attachments
            .iter()
            .map(|attachment| (attachment.path.as_str(), attachment.place))
            .collect();
        assert_eq!(
            places,
            [
                ("new.files/a.png", AttachedTo::Row(row)),
                ("new.files/c.png", AttachedTo::Document)
            ]
        );
        assert_eq!(doc.narrative.custom_sections[0].text, "Something else");
        // A link to any file but one stored as Hindsight stores one stays in the text.
        assert_eq!(
            doc.narrative.custom_sections[1].text,
            "[server.log](<inc.files/b.log>)"
        );
    }

    #[test]
    fn local_images_become_attachments_and_remote_ones_stay_in_the_text() {
        let mut doc = Postmortem::default();
        doc.narrative.impact = "Users saw errors.\n\n![Error rate](img/errors.png)\n\n\
             ![Status page](https://status.example.com/shot.png)\n\n![Gone](img/gone.png)"
            .to_owned();
        let problems = keep_local_images(&mut doc, Path::new("/notes"), |file| {
            if file.ends_with("errors.png") {
                Ok(Attachment {
                    path: "inc.files/ab.png".to_owned(),
                    original_name: "errors.png".to_owned(),
                    ..Attachment::default()
                })
            } else {
                Err("not there".to_owned())
            }
        });
        assert_eq!(problems, ["img/gone.png: not there"]);
        assert_eq!(
            doc.attachments,
            [Attachment {
                path: "inc.files/ab.png".to_owned(),
                caption: "Error rate".to_owned(),
                original_name: "errors.png".to_owned(),
                place: AttachedTo::Section(Section::Impact),
            }]
        );
        assert_eq!(
            doc.narrative.impact,
            "Users saw errors.\n\n![Status page](https://status.example.com/shot.png)\n\n![Gone](img/gone.png)"
        );
    }
}
