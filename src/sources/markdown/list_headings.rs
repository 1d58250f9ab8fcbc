//! The words the timeline and the action items were written under ("Sequence of events",
//! "Corrective actions"): the first becomes the list's heading, a later heading of the action
//! items a group within them; and the headings within the action items, each a group of the
//! items below it or, with only its story below, an item itself.

use super::blocks::{Block, BlockKind};
use super::headings::{self, Target};
use super::pieces::Piece;
use super::settings::{Setting, day_in_text, zone_in_timeline_heading};
use super::{DETAILS_AS_WRITTEN, Importer, lists_tables};
use crate::model::List;

impl Importer<'_> {
    /// A heading that starts the timeline or the action items: its words are kept where
    /// they say more than the template's name for the list, and a zone or day the
    /// timeline's heading names holds for the rows below it. Returns whether it said in the
    /// report what became of the heading (a group within the action items).
    pub(super) fn list_heading(
        &mut self,
        target: Target,
        text: &str,
        lines: (usize, usize),
    ) -> bool {
        let list = match target {
            Target::Timeline => List::Timeline,
            Target::ActionItems => List::ActionItems,
            Target::Section(_) | Target::Details => return false,
        };
        if list == List::Timeline {
            self.timeline.push(Piece::Start);
            // "Timeline (all times PST)", "Timeline (CET)".
            if let Some(zone) = zone_in_timeline_heading(text) {
                self.timeline.push(Piece::Setting(
                    lines,
                    Setting {
                        zone: Some(zone),
                        day: day_in_text(text, self.day_order),
                        kept: None,
                        weekday: None,
                    },
                ));
            }
        }
        let written = headings::as_written(text).trim_end_matches(':').trim_end();
        let written = match list {
            List::Timeline => without_zone_note(written),
            List::ActionItems => written.to_owned(),
        };
        let written = written.as_str();
        let says_more = headings::normalized(written) != headings::normalized(list.heading());
        if !self.headed.contains(&target) {
            self.headed.push(target);
            if says_more {
                self.doc.set_list_heading(list, written);
            }
            return false;
        }
        match list {
            // "Corrective actions", then "Preventive measures" at the same level: two groups
            // of one list.
            List::ActionItems => {
                self.action_group(text, lines);
                true
            }
            // "Timeline" twice says nothing new; "Detailed timeline" after it does.
            List::Timeline if says_more && written != self.doc.heading_of_list(list) => {
                self.unplaced_text(&format!("## {written}"), lines, "a second timeline heading");
                true
            }
            List::Timeline => false,
        }
    }

    /// A heading within the action items. One of its own words with only prose below it
    /// (`### Disable external access to the API endpoint`, then what was done about it) is
    /// an item, and its prose tells it; any other is a group of the items below it.
    pub(super) fn action_sub_heading(&mut self, text: &str, lines: (usize, usize)) {
        // `### Problems during Recovery` among the changes to make: what went wrong, which
        // the work answers, not work.
        if headings::names_problems(text) {
            self.action_group(text, lines);
            self.problems_group = true;
            return;
        }
        // A heading that names its owner (`#### 2) Alerts configured @dma`) is one piece
        // of work, whatever kind its words name: a group has no owner.
        let owned = super::action_line::owner_in(text).is_some();
        let named_work = !self.around.list_below
            && (owned
                || headings::target_by_words(text).is_none()
                    && lists_tables::group_status(text).is_none()
                    && lists_tables::group_kind(text).is_none());
        if !named_work {
            self.action_group(text, lines);
            return;
        }
        let action = super::actions::action_from_task(
            headings::as_written(text).trim_end_matches(':'),
            false,
            self.context.date,
        );
        self.push_action(action, lines, true);
        self.under_an_item = true;
    }

    /// A heading within the action items (`Short-term improvements`, `Completed`): what it
    /// says of their status or kind holds for the items below it, and its words, which say
    /// more than any item's field holds, are kept as written.
    pub(super) fn action_group(&mut self, text: &str, lines: (usize, usize)) {
        self.action_group_status = lists_tables::group_status(text);
        self.action_group_kind = lists_tables::group_kind(text);
        self.as_written
            .push(format!("- Action items under: {text}"));
        self.place(
            lines,
            format!("a group heading of the action items (in {DETAILS_AS_WRITTEN})"),
        );
    }
}

/// For each block, whether a list of work or a table of actions comes after it before the
/// next heading. A list or table of other things (the queries a fix touches) is part of a
/// story. Paragraphs that each close with where their work stands (`Reduced the dataset
/// size … (Completed)`, `Improve resiliency … (In progress)`) are such a list, written
/// without its marks, and so is one under a heading that gives no order.
pub(super) fn work_listed_below(blocks: &[Block]) -> Vec<bool> {
    /// The fewest paragraphs, each closed by its status, that are a list of work.
    const STATUSED_PARAGRAPHS: usize = 2;
    let mut below = vec![false; blocks.len()];
    let mut seen = false;
    let mut statused = 0;
    for (at, block) in blocks.iter().enumerate().rev() {
        below[at] = seen;
        match &block.kind {
            BlockKind::Heading(_, heading) => {
                // One such paragraph under a name (`Process and Communications`) is a group
                // of one; under an order (`Add a canary stage`) it tells that item.
                below[at] |= statused == 1 && !super::work_sentences::opens_with_an_order(heading);
                seen = false;
                statused = 0;
            }
            BlockKind::Paragraph(lines) => {
                let text: Vec<&str> = lines.iter().map(|(_, line)| line.as_str()).collect();
                if super::work_status::status_trailer(&text.join(" ")).is_some() {
                    statused += 1;
                    seen |= statused >= STATUSED_PARAGRAPHS;
                }
            }
            BlockKind::Table(header, _) => seen |= super::actions::action_columns(header).is_some(),
            BlockKind::List(items) => {
                let work = items
                    .iter()
                    .filter(|item| {
                        item.checked.is_some()
                            || super::work_sentences::opens_with_an_order(&item.text)
                            || super::work_sentences::commits_to_work(&item.text)
                    })
                    .count();
                seen |= work * 2 >= items.len();
            }
            _ => {}
        }
    }
    below
}

/// The timeline's heading without its notes about the zone (`Timeline (all times PST)`,
/// `Timeline of events – UTC`): the rows carry the zone, and the document may come to be
/// shown in another, which would make the note untrue. A bracketed note goes wherever it
/// stands; an unbracketed one ends the heading.
fn without_zone_note(heading: &str) -> String {
    const SEPARATORS: [&str; 6] = [" - ", " \u{2013} ", " \u{2014} ", ": ", ", ", "; "];
    let mut kept = String::with_capacity(heading.len());
    let mut rest = heading;
    while let Some(open) = rest.find(['(', '[']) {
        let close = if rest[open..].starts_with('(') {
            ')'
        } else {
            ']'
        };
        let Some(length) = rest[open..].find(close) else {
            break;
        };
        let note = &rest[open..=open + length];
        kept.push_str(&rest[..open]);
        if zone_in_timeline_heading(note).is_none() {
            kept.push_str(note);
        }
        rest = &rest[open + length + 1..];
    }
    kept.push_str(rest);
    let cut = SEPARATORS
        .iter()
        .filter_map(|separator| kept.find(separator))
        .filter(|at| *at > 0 && zone_in_timeline_heading(&kept[*at..]).is_some())
        .min()
        .unwrap_or(kept.len());
    kept[..cut].split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::without_zone_note;
    use crate::model::{ActionKind, List, Section};
    use crate::sources::markdown::{DETAILS_AS_WRITTEN, import_markdown};

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 3).unwrap()
    }

    #[test]
    fn the_lists_keep_the_headings_they_were_written_under() {
        let text = "# Cache outage\n\n\
                    ## Sequence of events (all times UTC)\n\n\
                    - 09:15 Deploy starts\n- 09:31 Rolled back\n\n\
                    ## Corrective Actions\n\n\
                    - Add backoff to the client\n\n\
                    ## Preventive measures\n\n\
                    - Load test the cache before each release\n";
        let doc = import_markdown(text, today()).doc;
        // The zone is the rows'; the heading keeps only its own words.
        assert_eq!(doc.timeline_heading, "Sequence of events");
        assert_eq!(doc.timeline.len(), 2);
        assert_eq!(doc.heading_of_list(List::ActionItems), "Corrective Actions");
        // A second heading of the action items is a group within them: what it says of
        // their kind holds for its items, and its words are kept as written.
        let kinds: Vec<ActionKind> = doc.action_items.iter().map(|item| item.kind).collect();
        assert_eq!(kinds.len(), 2);
        assert_eq!(kinds[1], ActionKind::Prevent);
        let as_written = doc
            .narrative
            .custom_sections
            .iter()
            .find(|section| section.title == DETAILS_AS_WRITTEN)
            .map(|section| section.text.as_str());
        assert_eq!(
            as_written,
            Some("- Action items under: Preventive measures")
        );
    }

    #[test]
    fn the_templates_own_names_keep_no_heading_and_a_second_heading_of_a_section_is_in_its_text() {
        let text = "# Cache outage\n\n## Summary\n\n## What happened?\n\nThe cache fell over.\n\n\
                    ## Timeline\n\n- 09:15 Deploy starts\n\n## Action Items\n\n- Add backoff\n";
        let doc = import_markdown(text, today()).doc;
        assert!(doc.timeline_heading.is_empty());
        assert!(doc.action_items_heading.is_empty());
        assert!(doc.narrative.headings.is_empty());
        assert_eq!(
            doc.narrative.text(Section::Summary),
            "### What happened?\n\nThe cache fell over."
        );
    }

    #[test]
    fn a_note_about_the_zone_leaves_the_heading_and_its_own_words_stay() {
        assert_eq!(without_zone_note("Timeline (all times PST)"), "Timeline");
        assert_eq!(
            without_zone_note("Timeline of events \u{2013} UTC"),
            "Timeline of events"
        );
        assert_eq!(
            without_zone_note("Detailed timeline [PST/PDT]"),
            "Detailed timeline"
        );
        assert_eq!(without_zone_note("Timeline, all times in CET"), "Timeline");
        assert_eq!(
            without_zone_note("Post-incident timeline"),
            "Post-incident timeline"
        );
        assert_eq!(
            without_zone_note("Timeline (March 5)"),
            "Timeline (March 5)"
        );
        assert_eq!(
            without_zone_note("Sequence of events"),
            "Sequence of events"
        );
    }
}
