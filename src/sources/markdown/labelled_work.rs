//! Work written after a label in a list of labelled parts, as a short report writes its
//! fields (`- **Time**: …`, `- **Reason/Cause**: …`, `- **Remedial Actions**: I am going to
//! limit the threads …`). When a file names no work anywhere else, what follows a label
//! that names the work to do is its action items, one per piece of work it names; the list
//! stays in its section as written.

use super::Importer;
use super::blocks::{Block, BlockKind};
use super::headings::{Target, target_by_words, target_of};
use super::work_pieces::pieces_of_work;
use super::work_status::reads_done;

/// The text after a bold label that names the action items (`**Remedial Actions**: I am
/// going to …`), or `None`.
#[must_use]
pub fn work_after_a_label(source: &str) -> Option<&str> {
    let source = source.trim();
    let Some(mark) = ["**", "__"]
        .into_iter()
        .find(|mark| source.starts_with(mark))
    else {
        return work_after_a_plain_label(source);
    };
    let (label, after) = source[mark.len()..].split_once(mark)?;
    // The colon inside the bold (`**Actions:**`) or after it (`**Actions**:`).
    let label = label.trim().trim_end_matches(':').trim();
    let after = after.trim_start();
    let after = after.strip_prefix(':').unwrap_or(after).trim();
    if after.is_empty() || label.split_whitespace().count() > 5 {
        return None;
    }
    let names_work =
        target_of(label).or_else(|| target_by_words(label)) == Some(Target::ActionItems);
    names_work.then_some(after)
}

/// The text after a plain label of a word or two that names work to do (`Suggested:
/// Monitor logs better …`, `TODO: …`), or `None`.
fn work_after_a_plain_label(source: &str) -> Option<&str> {
    let (label, after) = source.split_once(':')?;
    let after = after.trim();
    let plain = !label.is_empty()
        && label.split_whitespace().count() <= 2
        && label
            .chars()
            .all(|c| c.is_alphabetic() || c == ' ' || c == '-');
    let names_work =
        plain && (target_of(label).or_else(|| target_by_words(label)) == Some(Target::ActionItems));
    (names_work && !after.is_empty()).then_some(after)
}

/// The labels of an entry's field that tell the fix made (`- Fix: …`, `- Resolution: …`,
/// `- 해결: …`), in the languages incident logs are kept in.
const FIX_LABELS: [&str; 9] = [
    "fix",
    "fixes",
    "fixed",
    "the fix",
    "resolution",
    "solution",
    "\u{d574}\u{acb0}",
    "\u{89e3}\u{51b3}",
    "\u{89e3}\u{6c7a}",
];

/// The fixes an entry's field tells (`- Fix: raise the timeout`), one per fix: the text after
/// the label, or, when the label stands alone, each item nested under it (`- 해결` over
/// `  - Cloudflare Turnstile 도입`).
#[must_use]
pub fn fixes_after_a_label(source: &str) -> Vec<String> {
    let mut lines = source.lines();
    let first = lines
        .next()
        .unwrap_or_default()
        .replace("**", "")
        .replace("__", "");
    let (label, value) = first
        .split_once([':', '\u{ff1a}'])
        .map_or((first.as_str(), ""), |(label, value)| (label, value.trim()));
    if !FIX_LABELS.contains(&label.trim().to_lowercase().as_str()) {
        return Vec::new();
    }
    if !value.is_empty() {
        return vec![value.to_owned()];
    }
    let nested: Vec<(usize, &str)> = lines
        .filter_map(|line| {
            let text = line.trim_start();
            let item = ["- ", "* ", "+ "]
                .iter()
                .find_map(|bullet| text.strip_prefix(bullet))?;
            Some((line.len() - text.len(), item.trim()))
        })
        .collect();
    let Some(outer) = nested.iter().map(|(indent, _)| *indent).min() else {
        return Vec::new();
    };
    nested
        .into_iter()
        .filter(|(indent, item)| *indent == outer && !item.is_empty())
        .map(|(_, item)| item.to_owned())
        .collect()
}

impl Importer<'_> {
    /// When the file names no work anywhere else, the work written after a label that
    /// names it, in a list of labelled parts, is its action items.
    pub(super) fn work_after_labels(&mut self, blocks: &[Block]) {
        if !self.doc.action_items.is_empty() {
            return;
        }
        for block in blocks {
            let BlockKind::List(items) = &block.kind else {
                continue;
            };
            for item in items {
                // An entry of an incident log that tells its fix made (`- 해결: …`): work
                // done, unless it says it is still to come.
                for fix in fixes_after_a_label(&item.source) {
                    let done = !super::work_status::opens_to_come(&fix);
                    self.add_found_action(&fix, done, item.lines, "from an entry's fix");
                }
                let Some(work) = work_after_a_label(&item.source) else {
                    continue;
                };
                // The item's first line is the label's; nested items are details of it.
                let work = work.lines().next().unwrap_or(work);
                for piece in pieces_of_work(work) {
                    let done = reads_done(&piece);
                    self.add_found_action(&piece, done, item.lines, "from a labelled part");
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ActionStatus;
    use chrono::NaiveDate;

    #[test]
    fn work_after_a_label_that_names_it_is_found() {
        assert_eq!(
            work_after_a_label("**Remedial Actions**: I am going to limit the threads."),
            Some("I am going to limit the threads.")
        );
        assert_eq!(
            work_after_a_label("**Follow-up:** add an alert"),
            Some("add an alert")
        );
        // A plain label of a word or two, as a list of suggestions writes it.
        assert_eq!(
            work_after_a_label("Suggested: Monitor logs better."),
            Some("Monitor logs better.")
        );
        assert_eq!(
            work_after_a_label("Remediation: add an alert"),
            Some("add an alert")
        );
        for other in [
            "**Actions Taken**: I forced a power off.",
            "**Reason/Cause**: the CPU was overloaded.",
            "**Remediation**:",
            "Actions taken: I forced a power off.",
            "Remediation:",
            "At 10:00 remediation: the alert fired",
        ] {
            assert_eq!(work_after_a_label(other), None, "{other}");
        }
    }

    #[test]
    fn an_entrys_fix_is_work_done_one_per_fix() {
        assert_eq!(
            fixes_after_a_label("**Fix**: raise the timeout to 8 s"),
            ["raise the timeout to 8 s"]
        );
        assert_eq!(
            fixes_after_a_label(
                "\u{d574}\u{acb0}\n  - Cloudflare Turnstile\n  - matcher\n    - detail"
            ),
            ["Cloudflare Turnstile", "matcher"]
        );
        assert!(fixes_after_a_label("Cause: a typo").is_empty());
        assert!(fixes_after_a_label("Fix").is_empty());
        let text = "# Incident log\n\n#### 2025-09-05 14:37 ~ 15:58\n\n- Cause: a DoS\n\
                    - Fix: block the requests with the WAF\n\n#### 2025-09-02 01:00\n\n\
                    - Cause: a schema mismatch\n- Resolution: redeploy the job\n";
        let today = NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
        let items = super::super::import_markdown(text, today).doc.action_items;
        let actions: Vec<(&str, ActionStatus)> = items
            .iter()
            .map(|item| (item.action.as_str(), item.status))
            .collect();
        assert_eq!(
            actions,
            [
                ("block the requests with the WAF", ActionStatus::Done),
                ("redeploy the job", ActionStatus::Done)
            ]
        );
    }

    #[test]
    fn a_report_of_labelled_parts_gives_its_work_as_items_and_keeps_the_list() {
        let text = "# Downtime\n\n#### Downtime on March 3rd, 2019\n\
                    - **Time**: 15:21 UTC\n\
                    - **Actions Taken**: I forced a power off.\n\
                    - **Remedial Actions**: I am going to limit the threads the program may \
                    use. If it causes downtime again, then I will abandon it.\n";
        let today = NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
        let imported = super::super::import_markdown(text, today);
        let items = &imported.doc.action_items;
        assert_eq!(items.len(), 1, "{items:?}");
        assert!(
            items[0]
                .action
                .starts_with("I am going to limit the threads")
        );
        assert_eq!(items[0].status, ActionStatus::Open);
        let kept = imported
            .doc
            .narrative
            .custom_sections
            .iter()
            .any(|section| section.text.contains("**Remedial Actions**"));
        assert!(kept, "the list stays as written");
    }
}
