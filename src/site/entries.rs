//! What the site says about each postmortem: where its page is, and the facts the index,
//! the tag and service pages, the feed and the search show for it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDate, TimeDelta, Utc};

use crate::export::UNTITLED;
use crate::model::{DocumentStatus, Due, Metrics, Postmortem};

/// One postmortem as the site lists it.
pub struct Entry<'a> {
    /// The document.
    pub doc: &'a Postmortem,
    /// Its file.
    pub path: &'a Path,
    /// Its page, relative to the site's root (`postmortems/2025-inc-812.html`).
    pub page: String,
    /// Its title, or the words for a postmortem without one.
    pub title: &'a str,
    /// The day the incident happened, in its own zone, as `hindsight stats` counts it: its
    /// start, else its earliest key time or timed row, else the day the postmortem was begun
    /// (for an imported one, perhaps the day of the import: the last resort).
    pub day: Option<NaiveDate>,
    /// When the impact started, for ordering incidents of one day.
    pub started: Option<DateTime<Utc>>,
    /// The severity's name.
    pub severity: Option<&'a str>,
    /// The severity's place on its scale (0 the worst), for sorting.
    pub severity_rank: Option<usize>,
    /// How far the write-up has come.
    pub status: DocumentStatus,
    /// Start of impact to resolution, when both are known.
    pub duration: Option<TimeDelta>,
    /// Open action items.
    pub open: usize,
    /// Of those, the ones past their due date.
    pub overdue: usize,
}

impl<'a> Entry<'a> {
    fn of(path: &'a Path, doc: &'a Postmortem, page: String, today: NaiveDate) -> Self {
        let severity = doc.classification.severity.as_deref();
        let severity_rank = severity.and_then(|name| {
            doc.classification
                .severity_scale
                .iter()
                .position(|level| level.name == name)
        });
        let title = if doc.title.trim().is_empty() {
            UNTITLED
        } else {
            doc.title.trim()
        };
        let (mut open, mut overdue) = (0, 0);
        for item in &doc.action_items {
            match Due::of(item, today) {
                Due::Closed => {}
                Due::Overdue(_) => {
                    open += 1;
                    overdue += 1;
                }
                Due::Soon(_) | Due::Later(_) | Due::NoDate => open += 1,
            }
        }
        Self {
            doc,
            path,
            page,
            title,
            day: crate::model::incident_day(doc),
            started: doc.key_times.started,
            severity,
            severity_rank,
            status: doc.status,
            duration: Metrics::from_key_times(&doc.key_times).duration.known(),
            open,
            overdue,
        }
    }

    /// The services the incident touched, as written, without blanks.
    pub fn services(&self) -> impl Iterator<Item = &'a str> {
        named(&self.doc.classification.services)
    }

    /// The incident's tags, as written, without blanks.
    pub fn tags(&self) -> impl Iterator<Item = &'a str> {
        named(&self.doc.classification.tags)
    }
}

fn named(names: &[String]) -> impl Iterator<Item = &str> {
    names
        .iter()
        .map(|name| name.trim())
        .filter(|name| !name.is_empty())
}

/// Every postmortem as the site lists it, newest first (undated last), each with a page
/// name of its own worked out from its path below `folder`, or with `by_title` from its day
/// and title.
pub fn entries<'a>(
    docs: &'a [(PathBuf, Postmortem)],
    folder: &Path,
    today: NaiveDate,
    by_title: bool,
) -> Vec<Entry<'a>> {
    let mut sorted: Vec<&(PathBuf, Postmortem)> = docs.iter().collect();
    sorted.sort_by(|a, b| a.0.cmp(&b.0));
    let mut names = Names::default();
    let mut entries: Vec<Entry<'a>> = sorted
        .into_iter()
        .map(|(path, doc)| {
            let words = if by_title {
                let day = crate::model::incident_day(doc).map(|day| day.to_string());
                format!("{} {}", day.unwrap_or_default(), doc.title)
            } else {
                let relative = path.strip_prefix(folder).unwrap_or(path).with_extension("");
                let parts: Vec<String> = relative
                    .components()
                    .map(|part| part.as_os_str().to_string_lossy().into_owned())
                    .collect();
                parts.join("-")
            };
            let page = format!("postmortems/{}.html", names.unique(&words));
            Entry::of(path, doc, page, today)
        })
        .collect();
    entries.sort_by(|a, b| {
        (b.day.is_some(), b.day, b.started)
            .cmp(&(a.day.is_some(), a.day, a.started))
            .then_with(|| a.page.cmp(&b.page))
    });
    entries
}

/// Names for pages, each made of ASCII letters, digits, `-` and `_` only, and each given once.
#[derive(Default)]
pub struct Names {
    taken: BTreeMap<String, usize>,
}

impl Names {
    /// A page name for `words` that no earlier call was given: `Payments API` becomes
    /// `payments-api`, and a second `payments-api` becomes `payments-api-2`.
    pub fn unique(&mut self, words: &str) -> String {
        let base = slug(words);
        let mut count = self.taken.get(&base).copied().unwrap_or(0) + 1;
        let mut candidate = base.clone();
        if count > 1 {
            candidate = format!("{base}-{count}");
            while self.taken.contains_key(&candidate) {
                count += 1;
                candidate = format!("{base}-{count}");
            }
            self.taken.insert(candidate.clone(), 1);
        }
        self.taken.insert(base, count);
        candidate
    }
}

/// `words` as a file name that every host serves as written: lower-case ASCII letters,
/// digits and `_`, runs of anything else as one `-`, at most 80 characters.
fn slug(words: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let mut slug = String::with_capacity(words.len());
    // Accents come off (`Störung` is `storung`); other scripts' letters are left out.
    for c in words.nfd() {
        if unicode_normalization::char::is_combining_mark(c) {
            continue;
        }
        let c = c.to_ascii_lowercase();
        if c.is_ascii_alphanumeric() || c == '_' {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
        if slug.len() >= 80 {
            break;
        }
    }
    let slug = slug.trim_end_matches('-');
    if slug.is_empty() {
        "page".to_owned()
    } else {
        slug.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_name_is_plain_ascii_and_never_given_twice() {
        let mut names = Names::default();
        assert_eq!(
            names.unique("2025/INC 812: Checkout"),
            "2025-inc-812-checkout"
        );
        assert_eq!(names.unique("Payments API"), "payments-api");
        assert_eq!(names.unique("payments api"), "payments-api-2");
        assert_eq!(names.unique("payments-api-2"), "payments-api-2-2");
        assert_eq!(names.unique("Störung ☃"), "storung");
        assert_eq!(names.unique("../../etc/passwd"), "etc-passwd");
        assert_eq!(names.unique("☃"), "page");
        assert_eq!(names.unique(""), "page-2");
    }
}
