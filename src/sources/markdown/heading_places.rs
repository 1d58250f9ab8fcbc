//! Where a heading puts what follows it: the title, a built-in section (its first heading
//! names it, a later one is part of it), the timeline or the action items, a field, a group
//! within a list, a sub-heading of the team's own, or a section of the team's own.

use super::blocks::{Block, BlockKind};
use super::fields::{field_line, field_named};
use super::headings::{self, Target, is_generic_title, target_of};
use super::pieces::Piece;
use super::settings::Setting;
use super::{Current, Importer, append, target_name};
use crate::model::{ActionStatus, CustomSection, Section, read_clock};

impl Importer<'_> {
    pub(super) fn heading(&mut self, block: Block, level: u8, text: &str) {
        self.under_an_item = false;
        self.in_sub_part = false;
        self.timeline_by_label = false;
        self.problems_group = false;
        if self.around.by_content && self.current != Current::Target(Target::Timeline) {
            self.heading_in_a_timeline_by_content(&block, text);
            return;
        }
        // A heading no template names is read by its words — except the first, which is the
        // title unless a template names it ("Action Cable outage" is no list of actions).
        let may_be_title = self.doc.title.is_empty() && !self.seen_heading;
        let target = target_of(text)
            .or_else(|| {
                (!may_be_title)
                    .then(|| headings::target_by_words(text))
                    .flatten()
            })
            // `## Details` over prose (a blog's technical details) is a part of the story,
            // not the block of fields its name usually heads.
            .filter(|target| !(*target == Target::Details && self.around.prose_follows))
            // `Technical recommendations` where the file has its action items under a heading
            // of their own: advice that restates the work, kept as written.
            // `Steps taken` where the file has its action items under a heading of their
            // own: how the incident was handled.
            .filter(|target| {
                !(*target == Target::ActionItems
                    && self.named_actions
                    && (headings::advises_work(text) || headings::names_steps_taken(text)))
            });
        if self.heading_inside_a_part(&block, level, text, target) {
            return;
        }
        // Action items a label began have ended here (see `heading_inside_a_part`): the
        // heading starts a part of its own, not a sub-part of the items.
        let after_a_label = std::mem::take(&mut self.part_labelled)
            && self.current == Current::Target(Target::ActionItems);
        let Some(block) = self.heading_as_title(block, level, text, target) else {
            return;
        };
        self.seen_heading = true;
        if let Some(generic) = self.generic_title.take() {
            // Nothing more specific followed: the generic heading is the title after all.
            if let BlockKind::Heading(_, title) = &generic.kind {
                let title = title.clone();
                self.set_title(&title, generic.lines);
            }
        }
        // `## Date` with the date below it, or `### Date: 2015-10-21` (the SRE book's layout).
        if target.is_none() {
            if let Some((field, value)) = field_line(text) {
                self.field(field, text, value, block.lines);
                return;
            }
            if let Some(field) = field_named(text) {
                self.field_heading = Some((field, text.to_owned()));
                self.place(block.lines, format!("field \u{201c}{text}\u{201d}"));
                return;
            }
        }
        match target {
            Some(Target::Section(section)) => {
                self.section_heading(section, level, text, block.lines);
            }
            Some(target) => {
                self.current = Current::Target(target);
                self.current_level = level;
                self.action_group_status = (target == Target::ActionItems
                    && super::headings::reports_work_done(text))
                .then_some(ActionStatus::Done);
                self.action_group_kind = None;
                if !self.list_heading(target, text, block.lines) {
                    self.place(block.lines, format!("heading of {}", target_name(target)));
                }
            }
            // A sub-heading of the team's own inside a section stays in its text.
            None if level > self.current_level
                && self.current != Current::Preamble
                && !after_a_label =>
            {
                self.in_sub_part = true;
                self.text(&block);
            }
            None => {
                self.doc.narrative.custom_sections.push(CustomSection {
                    title: text.to_owned(),
                    text: String::new(),
                    ..CustomSection::default()
                });
                let index = self.doc.narrative.custom_sections.len() - 1;
                self.current = Current::Custom(index);
                self.current_level = level;
                self.place(
                    block.lines,
                    format!("custom section \u{201c}{text}\u{201d}"),
                );
            }
        }
    }

    /// The title a heading may be: the front matter's again, the only heading of the first
    /// level, or the first heading that names nothing else (or the one after a generic
    /// one). Returns the block when the heading is no title.
    fn heading_as_title(
        &mut self,
        block: Block,
        level: u8,
        text: &str,
        target: Option<Target>,
    ) -> Option<Block> {
        // The first heading repeats the title the front matter gave.
        if !self.seen_heading
            && !self.doc.title.is_empty()
            && headings::normalized(text) == headings::normalized(&self.doc.title)
        {
            self.seen_heading = true;
            self.place(block.lines, "the title again");
            return None;
        }
        // The only heading of the first level, above all others, is the document's title
        // even when its words name a part (`# RCA` over `## Summary`).
        if !self.seen_heading
            && level == 1
            && self.sole_top_heading
            && target.is_some()
            && self.doc.title.is_empty()
        {
            self.seen_heading = true;
            self.set_title(text, block.lines);
            return None;
        }
        // The front matter's title said again in other, longer words, by the only heading of
        // the first level (`# Incident Disclosure: … Due to Hosting Provider Actions`): the
        // title the page shows, whatever part its words might name. The front matter's own
        // words for it are kept in Details as written.
        if !self.seen_heading
            && level == 1
            && self.sole_top_heading
            && target.is_some()
            && target_of(text).is_none()
            && !self.doc.title.is_empty()
            && text.split_whitespace().count() > 6
        {
            self.seen_heading = true;
            let front_matters = std::mem::take(&mut self.doc.title);
            self.as_written.push(format!("- title: {front_matters}"));
            self.set_title(text, block.lines);
            return None;
        }
        // `### Date` with the date below it names a field, never the document; a document's
        // own heading (`# Links`) may be its title.
        let names_a_field =
            level > 1 && (field_line(text).is_some() || field_named(text).is_some());
        if self.doc.title.is_empty() && target.is_none() && !names_a_field {
            if !self.seen_heading && self.generic_title.is_none() && is_generic_title(text) {
                self.generic_title = Some(block);
                self.seen_heading = true;
                return None;
            }
            if !self.seen_heading || self.generic_title.is_some() {
                self.seen_heading = true;
                self.set_title(text, block.lines);
                if let Some(generic) = self.generic_title.take() {
                    self.unplaced(&generic, "a generic heading above the title");
                }
                return None;
            }
        }
        Some(block)
    }

    /// A heading that names a built-in section. The section's first heading names it: in
    /// the author's own words ("Root Cause Analysis", "Key Takeaways") it becomes the
    /// section's heading. A later one (`## Summary`, then `## What happened?`) is kept as a
    /// sub-heading in its text, so that no word of either heading is lost.
    fn section_heading(&mut self, section: Section, level: u8, text: &str, lines: (usize, usize)) {
        let already_in = self.current == Current::Target(Target::Section(section));
        self.current_level = if already_in {
            self.current_level.min(level)
        } else {
            level
        };
        self.current = Current::Target(Target::Section(section));
        self.action_group_status = None;
        self.action_group_kind = None;
        let first = !self.headed.contains(&Target::Section(section));
        if first {
            self.headed.push(Target::Section(section));
        }
        let written = headings::as_written(text);
        let narrative = &mut self.doc.narrative;
        let says_only = headings::says_only(text, section);
        if says_only && (first || narrative.heading_of(section) == section.heading()) {
            self.place(lines, format!("heading of section {}", section.heading()));
        } else if first
            && narrative.text(section).trim().is_empty()
            && !narrative.headings.contains_key(&section)
        {
            narrative.headings.insert(section, written.to_owned());
            self.place(
                lines,
                format!("heading of section {} (kept as written)", section.heading()),
            );
        } else {
            // Inside a section the export heads at level 2, a sub-heading is level 3 or
            // deeper.
            let depth = usize::from(level.max(3));
            self.in_sub_part = true;
            append(
                narrative.text_mut(section),
                &format!("{} {written}", "#".repeat(depth)),
            );
            self.place(
                lines,
                format!("a sub-heading in section {}", section.heading()),
            );
        }
    }

    /// A heading that is part of a timeline found by its content: a time, with the story
    /// below it; a day (`### Weds 23 Nov 2016`), which dates the times below it; or a dated
    /// update, with its story below it.
    fn heading_in_a_timeline_by_content(&mut self, block: &Block, text: &str) {
        self.seen_heading = true;
        // A dated update (`### Updated 15 August 2019`) over its story rather than over
        // times: an entry without a time, its day kept as written.
        if read_clock(text).is_none() && !self.around.timed_follows {
            self.time_heading = Some((block.lines, text.to_owned()));
            return;
        }
        if read_clock(text).is_none()
            && let Some(setting) = Setting::of(text, 12, self.day_order)
        {
            self.timeline.push(Piece::Setting(block.lines, setting));
            return;
        }
        // `## 2018-11-08 16:55:00 -0500` over `- 16:55 - deployed`: a stamp alone, with
        // its day and its zone, heads a part of the timeline and sets both for the times
        // below. It is kept as written, since it tells when that part began. Over a story
        // with no times (`## 2025-07-30 12:46:00 UTC` over `All services have been
        // restored.`), it is the time of what the story tells.
        if let Some((clock, rest)) = read_clock(text)
            && self.around.timed_follows
            && rest.trim().is_empty()
            && clock.zone.is_some()
            && let Some(day) = super::dates_in_text::date_in_text(text, self.day_order)
        {
            let setting = Setting {
                zone: clock.zone,
                day: Some(super::settings::pasted_date(day)),
                kept: Some(text.to_owned()),
                weekday: None,
            };
            self.timeline.push(Piece::Setting(block.lines, setting));
            return;
        }
        self.time_heading = Some((block.lines, text.to_owned()));
    }

    /// A heading under the timeline or the action items that is not another part: a time
    /// (`### 4:27`, with what happened below it) or a group of items (`### Process`,
    /// `### Immediate actions (Completed)`). Returns whether it was one.
    fn heading_inside_a_part(
        &mut self,
        block: &Block,
        level: u8,
        text: &str,
        target: Option<Target>,
    ) -> bool {
        // A deeper heading naming another part starts that part; one naming this part again
        // ("Follow-up (In progress)" under "Remediation") is a group within it.
        let same_part = target.is_some_and(|target| self.current == Current::Target(target));
        // A time first makes it a time in the timeline, whatever its words name
        // (`### 4:09-4:56 PM: Post-Incident Follow-up`), at the timeline's level or below.
        if self.current == Current::Target(Target::Timeline)
            && level >= self.current_level
            && read_clock(text).is_some()
        {
            self.time_heading = Some((block.lines, text.to_owned()));
            return true;
        }
        if level <= self.current_level {
            return false;
        }
        // `**Action Items:**` over a table, then `## Conclusion`: action items a label began
        // end at the next heading, unless it names a group of them (`### Short term`).
        if self.part_labelled
            && self.current == Current::Target(Target::ActionItems)
            && !same_part
            && super::lists_tables::group_status(text).is_none()
            && super::lists_tables::group_kind(text).is_none()
        {
            return false;
        }
        if target.is_some() && !same_part {
            return false;
        }
        match self.current {
            // `#### 29-09-2021 (All times CEST)`, `### March 5, 2025: Issue timeline`: the day
            // or zone of the rows below.
            Current::Target(Target::Timeline) => {
                if let Some(setting) = Setting::of(text, 12, self.day_order) {
                    self.timeline.push(Piece::Setting(block.lines, setting));
                    return true;
                }
                // `### Detailed timeline` under `## Timeline` is still the timeline.
                if same_part {
                    self.unplaced(block, "a heading within the timeline");
                }
                same_part
            }
            Current::Target(Target::ActionItems) => {
                self.action_sub_heading(text, block.lines);
                true
            }
            _ => false,
        }
    }
}
