//! Labels that stand for a heading: a short line set apart in bold or closed by a colon
//! (`**What went well**`, `Action Items:`), a list of one such item, and the SRE book's
//! one-line sections (`**Root Causes**: …`). Each starts the part it names, as a heading
//! would.

use super::blocks::{Block, BlockKind, ListItem};
use super::by_content::starts_with_a_time;
use super::headings::{Target, target_by_words, target_of};
use super::pieces::Piece;
use super::settings::{Setting, zone_line};
use super::{Current, Importer};
use crate::model::Section;

/// The most words of a sentence that introduces the timeline below it (`Here is a brief
/// timeline of the events of that night:`).
const INTRODUCTION_WORDS: usize = 12;

impl Importer<'_> {
    pub(super) fn label(&mut self, block: &Block, only: &str) -> bool {
        let plain_label = || {
            (self.around.list_follows && only.split_whitespace().count() <= 5)
                .then(|| target_of(only))
                .flatten()
        };
        // `A brief timeline and summary of the incident:` right above a list: a sentence
        // that names the timeline introduces it, as its label would.
        let timeline_introduced = || {
            (self.around.list_follows
                && only.trim_end().ends_with(':')
                && only.split_whitespace().count() <= INTRODUCTION_WORDS
                && target_by_words(only) == Some(Target::Timeline))
            .then_some(Target::Timeline)
        };
        let labelled = label_target(only, &block.source).or_else(plain_label);
        if labelled.is_none() && timeline_introduced().is_some() {
            self.introduce_the_timeline(block, only);
            return true;
        }
        let Some(target) = labelled.filter(|target| {
            !(*target == Target::ActionItems
                && self.named_actions
                && super::headings::names_steps_taken(only))
        }) else {
            return false;
        };
        self.start_labelled_part(block, only, target);
        true
    }

    /// A sentence that introduces the timeline below it (`Below is a timeline of the
    /// incident:`): the list is the timeline, and the sentence stays text where it stands,
    /// unless it says the rows' day or zone.
    fn introduce_the_timeline(&mut self, block: &Block, only: &str) {
        if Setting::of(only, INTRODUCTION_WORDS, self.day_order).is_some() {
            self.start_labelled_part(block, only, Target::Timeline);
            return;
        }
        self.text(block);
        self.before_action_label = None;
        self.part_labelled = self.current != Current::Target(Target::Timeline);
        self.current = Current::Target(Target::Timeline);
        self.timeline_by_label = true;
    }

    /// A list of one item that is only a part's name (`- **Review actions**:`, as some
    /// templates head their parts): it stands for the part's heading, as a label does.
    /// Returns whether it was one.
    pub(super) fn label_item(&mut self, block: &Block, item: &ListItem) -> bool {
        if item.checked.is_some() || item.text.contains('\n') {
            return false;
        }
        let Some(target) = label_target(&item.text, &item.source) else {
            return false;
        };
        self.start_labelled_part(block, &item.text, target);
        true
    }

    fn start_labelled_part(&mut self, block: &Block, only: &str, target: Target) {
        /// The most words a timeline's label that also says its rows' day or zone has.
        const SETTING_LABEL_WORDS: usize = 12;
        self.before_action_label = (target == Target::ActionItems
            && self.around.list_follows
            && self.current != Current::Target(Target::ActionItems))
        .then_some(self.current);
        // A label inside the part it names (`**Architectural improvements:**` under `##
        // Remediation`) heads a group; only one that starts the part makes it labelled.
        self.part_labelled = self.current != Current::Target(target);
        self.current = Current::Target(target);
        self.timeline_by_label = target == Target::Timeline;
        if target == Target::ActionItems && super::headings::reports_work_done(only) {
            self.action_group_status = Some(crate::model::ActionStatus::Done);
        }
        // `Timeline for September 17, 2018: (all times UTC)`: the label dates and zones the
        // rows below it too.
        if target == Target::Timeline
            && let Some(setting) = Setting::of(only, SETTING_LABEL_WORDS, self.day_order)
        {
            // What became of it is reported with the timeline's other pieces.
            self.timeline.push(Piece::Setting(block.lines, setting));
            return;
        }
        // A label that carries a link or a footnote keeps it, as written, in its section.
        if matches!(target, Target::Section(_)) && only.contains(['[', '(', '^']) {
            self.text(block);
        } else {
            self.place(
                block.lines,
                format!("a label for {}", super::target_name(target)),
            );
        }
    }

    /// `What is still unclear:` below a timeline a label headed (`Timeline:`): the part it
    /// names starts there, as it would at a heading. Returns whether the paragraph was one.
    pub(super) fn label_ends_the_timeline(
        &mut self,
        block: &Block,
        lines: &[(usize, String)],
    ) -> bool {
        let [(_, only)] = lines else {
            return false;
        };
        let Some(name) = self.another_label(only).filter(|_| self.timeline_by_label) else {
            return false;
        };
        // At the level of the part it follows, so it is no sub-part of the timeline.
        let level = self.current_level.max(1);
        self.current_level = level;
        let heading = Block {
            lines: block.lines,
            source: block.source.clone(),
            kind: BlockKind::Heading(level, name.to_owned()),
        };
        self.heading(heading, level, name);
        true
    }

    /// The name of a part a line labels (`Conclusions:`, `**What is still unclear:**`): a
    /// few words closed by a colon, with no time, day or zone for the rows below.
    fn another_label<'l>(&self, line: &'l str) -> Option<&'l str> {
        /// The most words a label of a part has.
        const LABEL_WORDS: usize = 6;
        let name = line
            .trim()
            .trim_matches(['*', '_'])
            .strip_suffix(':')?
            .trim();
        let plain = !name.is_empty()
            && name.split_whitespace().count() <= LABEL_WORDS
            && !name.contains(['*', '_', '[', '`'])
            && !starts_with_a_time(name)
            && zone_line(line).is_none()
            && Setting::of(line, LABEL_WORDS, self.day_order).is_none();
        plain.then_some(name)
    }
}

/// `**Root cause**: text` (the SRE book writes short sections so): the section, when the
/// line has text after the label.
pub(super) fn section_line(line: &str) -> Option<Section> {
    let (key, value) = line.split_once(':')?;
    if key.split_whitespace().count() > 5 || value.trim().is_empty() {
        return None;
    }
    match target_of(key.trim().trim_matches(['*', '_'])) {
        Some(Target::Section(section)) => Some(section),
        _ => None,
    }
}

fn label_target(line: &str, source: &str) -> Option<Target> {
    let source = source.trim();
    let bold = source.starts_with("**") || source.starts_with("__");
    // The label is what comes before any footnote or link mark; after it only such marks
    // may follow, no text.
    let cut = line.find(['[', '(', '^']).unwrap_or(line.len());
    let (head, tail) = line.split_at(cut);
    if !only_marks(tail) {
        return None;
    }
    let head = head.trim();
    let (label, colon) = match head.strip_suffix(':') {
        Some(label) => (label, true),
        None => (head, false),
    };
    if !(bold || colon) || label.is_empty() || label.contains(':') {
        return None;
    }
    if label.split_whitespace().count() > 6 {
        return None;
    }
    // Set apart as a label, a part's name is read by its words too (`**Review actions**:`).
    target_of(label)
        .or_else(|| target_by_words(label))
        .or_else(|| names_what_was_hit(label).then_some(Target::Section(Section::Impact)))
}

/// Whether a label names what the incident hit (`Impacted Applications`, `Affected
/// services`, `Services affected`): the list below it is the impact, whatever part it
/// stands in; under the action items, it is no work.
fn names_what_was_hit(label: &str) -> bool {
    let lower = label.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .collect();
    words.len() <= 4
        && words
            .iter()
            .any(|word| matches!(*word, "impacted" | "affected"))
}

/// Whether `text` holds nothing but footnote and link marks: `[166] (https://…)`,
/// `^165 (https://…)^`, `:`.
fn only_marks(text: &str) -> bool {
    let mut depth = 0_i32;
    for character in text.chars() {
        match character {
            '[' | '(' => depth += 1,
            ']' | ')' => depth -= 1,
            '^' | ':' => {}
            c if c.is_whitespace() => {}
            c if depth == 0 && !c.is_ascii_digit() => return false,
            _ => {}
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_that_stand_for_headings() {
        let lucky = "**Where we got lucky** [[166]](https://sre.google/x#y)";
        assert_eq!(
            label_target("Where we got lucky [166] (https://sre.google/x#y)", lucky),
            Some(Target::Section(Section::WhereWeGotLucky))
        );
        assert_eq!(
            label_target(
                "Action Items:^165 (https://x)^",
                "**Action Items**:^[165](https://x)^"
            ),
            Some(Target::ActionItems)
        );
        // A label with text after it is a section line, not a label.
        assert_eq!(
            label_target(
                "Impact:^163 (https://x)^ Estimated 1.21B queries lost.",
                "**Impact**:^[163](https://x)^ Estimated 1.21B queries lost."
            ),
            None
        );
    }
}
