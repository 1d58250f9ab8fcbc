//! The action items a list item names: one per item, or one per piece of work nested under a
//! label or a task (`**Hard guardrails on removal**` over `Set …` and `Add …`; `- [ ] Ensure
//! that alerting is in place for:` over its own boxes); and the task lists that are no work
//! (a template's checklist of the write-up's upkeep).

use super::Importer;
use super::actions::action_from_task;
use super::blocks::{ListItem, written_in_bold};

impl Importer<'_> {
    /// A task with tasks nested under it, each with a box of its own (`- [ ] Ensure that
    /// alerting is in place for:` over `- [ ] Warp Speed`): each box is an action item, a
    /// nested one under its parent's words so that it reads on its own.
    pub(super) fn nested_task_actions(&mut self, item: &ListItem) {
        let parent = item.own_text.trim();
        let done = item.checked == Some(true);
        let action = action_from_task(parent, done, self.context.date);
        let first_nested = item
            .nested_tasks
            .first()
            .map_or(item.lines.1, |task| task.line);
        self.push_action(
            action,
            (
                item.lines.0,
                first_nested.saturating_sub(1).max(item.lines.0),
            ),
            false,
        );
        let lead = parent.trim_end_matches(':').trim_end();
        let ends = item
            .nested_tasks
            .iter()
            .skip(1)
            .map(|task| task.line.saturating_sub(1))
            .chain([item.lines.1]);
        for (task, last) in item.nested_tasks.iter().zip(ends) {
            let text = format!("{lead}: {}", task.text.trim());
            let action = action_from_task(&text, task.done, self.context.date);
            self.push_action(action, (task.line, last.max(task.line)), false);
        }
    }
}

/// The work an action item names: the item with its details, and apart from it each item
/// nested under it that commits to work of its own in the first person (`We're also going
/// to run recovery drills` under `We're changing our CD system …`), when the item is work
/// itself. A task list's item is one piece of work, its nested lines its steps.
pub(super) fn items_of_work(item: &ListItem) -> Vec<String> {
    let mut lines = item.text.lines();
    let Some(first) = lines.next() else {
        return vec![item.text.clone()];
    };
    // Under a label (`Bug bounty`, then `We will establish a bug bounty …`) the nested
    // line is the work the label names; several lines under it that each say what to do
    // (`**Hard guardrails on removal**`, then `Set removal to retain-all` and `Add policy
    // checks …`) are pieces of work of their own, each under the label's words.
    let parent_is_work = super::work_sentences::commits_to_work(first);
    let first_written = item.source.lines().next().unwrap_or_default();
    if item.checked.is_none() && !parent_is_work && is_a_label(first_written) {
        let nested: Vec<&str> = lines.filter(|line| !line.trim().is_empty()).collect();
        let each_work = nested.iter().all(|line| {
            super::work_sentences::prescribes_work(line)
                || super::work_sentences::commits_to_work(line)
        });
        if nested.len() >= 2 && each_work {
            let label = first.trim().trim_end_matches(':').trim();
            return nested
                .iter()
                .map(|line| format!("{label}: {}", line.trim()))
                .collect();
        }
        return vec![item.text.clone()];
    }
    if item.checked.is_some() || !parent_is_work {
        return vec![item.text.clone()];
    }
    let mut own = vec![first.to_owned()];
    let mut apart = Vec::new();
    for line in lines {
        let lower = line.trim_start().to_lowercase();
        let first_person = [
            "we ",
            "we're ",
            "we'll ",
            "i ",
            "i'm ",
            "i'll ",
            "our team ",
        ]
        .iter()
        .any(|subject| lower.starts_with(subject))
            || lower
                .split_whitespace()
                .take(3)
                .any(|word| word == "we" || word == "we're");
        if first_person && super::work_sentences::commits_to_work(line) {
            apart.push(line.to_owned());
        } else {
            own.push(line.to_owned());
        }
    }
    std::iter::once(own.join("\n")).chain(apart).collect()
}

/// Whether an item's first line only names what the lines under it are about: a short
/// phrase in bold (`**Hard guardrails on removal**`) or before a colon (`Monitoring:`).
fn is_a_label(line: &str) -> bool {
    let line = line.trim();
    (written_in_bold(line) || line.ends_with(':')) && line.split_whitespace().count() <= 10
}

/// Whether a task list checks the write-up itself: most of its boxes name the report, its
/// sections or what stands above them (`Sections above are filled out`, `Incident title and
/// after-action report is cleaned up`).
pub(super) fn checks_the_write_up(items: &[ListItem]) -> bool {
    const THE_PAGE: [&str; 9] = [
        "above",
        "report",
        "sections",
        "section",
        "postmortem",
        "post-mortem",
        "write-up",
        "writeup",
        "document",
    ];
    let about_the_page = items
        .iter()
        .filter(|item| {
            item.checked.is_some()
                && item
                    .own_text
                    .to_lowercase()
                    .split(|c: char| !(c.is_alphanumeric() || c == '-'))
                    .any(|word| THE_PAGE.contains(&word))
        })
        .count();
    items.iter().all(|item| item.checked.is_some()) && about_the_page * 3 >= items.len() * 2
}

/// Whether one of the fixes a sentence says were made is only set in motion: planned or
/// given a priority (`We prioritised a task to make our development environments match
/// production`), or promised (`we will …`).
pub(super) fn still_to_do(text: &str) -> bool {
    let words = super::work_sentences::padded(&text.to_lowercase());
    super::work_sentences::intends(&words)
        || [
            " prioritised ",
            " prioritized ",
            " planned ",
            " scheduled a ",
        ]
        .iter()
        .any(|word| words.contains(word))
}
