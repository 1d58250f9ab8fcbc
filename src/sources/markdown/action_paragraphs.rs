//! Paragraphs under the action items' heading, and work told in paragraphs anywhere: prose
//! that commits to work, `Action point:` lines, a paragraph opened by where its work stands
//! (`**TODO**: …`), the fixes a release made, the tickets that name items, and what is no
//! item (a template's hint, a sentence about the items, an introduction to the list below, a
//! group's bold name).

use super::blocks::Block;
use super::fields::field_line;
use super::headings::Target;
use super::paragraphs::line_ranges;
use super::work_sentences;
use super::{Current, Importer, ListAhead};
use crate::model::{ActionStatus, Section};

impl Importer<'_> {
    /// Work to do written as prose: under the action items' heading each paragraph is one
    /// item (`We will add rate limiting to uploads.`), unless it introduces what follows
    /// (`We will:`); anywhere, a paragraph of `Action point: …` lines is one item a line.
    /// Returns whether the paragraph was read so.
    /// `None.` under `### Documentation improvements`: the group has no work. Its words are
    /// kept beside the group's, where they say the group is empty. Returns whether the
    /// paragraph was such a note.
    fn note_of_no_items(&mut self, block: &Block, text: &str) -> bool {
        if self.current != Current::Target(Target::ActionItems) || !says_there_is_none(text) {
            return false;
        }
        self.as_written.push(format!("  {}", text.trim()));
        self.place(
            block.lines,
            format!(
                "a note that there is no item (in {})",
                super::DETAILS_AS_WRITTEN
            ),
        );
        true
    }

    pub(super) fn action_paragraph(&mut self, block: &Block, lines: &[(usize, String)]) -> bool {
        let ranges = line_ranges(block, lines);
        let marked: Vec<Option<&str>> = lines.iter().map(|(_, line)| action_point(line)).collect();
        if !marked.is_empty() && marked.iter().all(Option::is_some) {
            for (action, range) in marked.iter().flatten().zip(&ranges) {
                self.add_action(action, *range);
            }
            return true;
        }
        // `**TODO**: Alex thinks we need …` over several lines, `DONE: added the monitor`:
        // a paragraph opened by where its work stands is one item, wherever it stands.
        if let Some((status, mark)) = status_mark(&block.source)
            && let Some((_, first)) = lines.first()
            && let Some(rest) = after_mark(first.trim(), mark.len())
        {
            let text = std::iter::once(rest)
                .chain(lines.iter().skip(1).map(|(_, line)| line.as_str()))
                .collect::<Vec<_>>()
                .join(" ");
            let mut action = super::actions::action_from_task(&text, false, self.context.date);
            action.status = status;
            self.push_action(action, block.lines, false);
            return true;
        }
        let introduces = lines
            .last()
            .is_some_and(|(_, line)| line.trim_end().ends_with(':'));
        // `**Incident resolved at:** 12:11 PM EST` opening a paragraph: fields, not work.
        let fields = lines
            .first()
            .is_some_and(|(_, line)| field_line(line).is_some());
        let text = lines
            .iter()
            .map(|(_, line)| line.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        if self.note_of_no_items(block, &text) {
            return true;
        }
        // A status page's update closed by its stamp (`Posted Apr 05, 2018 - 02:38 UTC`)
        // below the list reports, and adds no work.
        let update = super::status_updates::closed_by_a_stamp(lines);
        if self.after_work_list && !introduces && !fields && !update && adds_more_work(&text) {
            for piece in super::work_pieces::pieces_of_work(&text) {
                self.add_action(&piece, block.lines);
            }
            return true;
        }
        let solution_ordered = self.under_a_solution_heading() && orders_the_solution(&text);
        if self.current != Current::Target(Target::ActionItems) && !solution_ordered
            || introduces
            || fields
            || update
            || self.under_an_item
            || self.signs_the_page(block, &text)
        {
            return false;
        }
        // `<p><i>1b.</i> Set up a web server …`, a post's numbered items kept as HTML
        // paragraphs (or `1\. …` escaped): a list written without Markdown's marks.
        // `1、升级硬件版本; 2、加强测试; 3、…`: several numbered items run into one line.
        if lines
            .first()
            .and_then(|(_, first)| enumerated(first))
            .is_some()
        {
            for item in items_run_together(&text) {
                let action = super::actions::action_from_task(item, false, self.context.date);
                self.push_action(action, block.lines, true);
            }
            return true;
        }
        // `**Storage & Capacity** (Issue #1)` right above a list: the name of the group of
        // items below, as a heading within the action items would be.
        if let [(_, only)] = lines
            && self.around.list_follows
            && group_label(only, &block.source)
        {
            self.action_group(only, block.lines);
            return true;
        }
        // `[KM676](https://trello.com/…)` or `https://…/issues?q=…`, a line each: the items
        // are named by their tickets.
        let written: Vec<String> = ranges
            .iter()
            .map(|range| self.source_text(*range))
            .collect();
        if written
            .iter()
            .all(|line| super::actions::opens_with_a_link(line))
        {
            for (line, range) in written.iter().zip(&ranges) {
                let action = super::actions::action_from_ticket_line(line, self.context.date);
                self.push_action(action, *range, true);
            }
            return true;
        }
        // A story or an appeal under the heading (`Thanks for using Homebrew!`) is text;
        // so is a line all in italics, a template's hint (`*List any tasks we should
        // complete*`), and one about the items themselves (`Action items should be
        // achievable in the short to medium term.`).
        // `We're making concrete changes based on this incident.` right above the list: it
        // introduces the items, which say what the changes are.
        let introduction = self.around.list_follows && names_work_in_general(&text);
        let hint = all_in_italics(&block.source) || speaks_of_the_items(&text) || introduction;
        // `Have snapshots of ES clusters? Not needed as …`: an idea turned down.
        let work = (work_sentences::commits_to_work(&text)
            || work_sentences::sentences(&text)
                .iter()
                .any(|sentence| work_sentences::third_person_work(sentence))
            || work_sentences::opens_with_an_order(&text)
            || super::work_status::status_trailer(&text).is_some())
            && !work_sentences::turns_it_down(&text);
        if hint || !work {
            return false;
        }
        // `It is necessary to monitor … We need to take steps … Old tasks will be removed
        // …`: a paragraph of several commitments is as many items.
        for piece in super::work_pieces::pieces_of_work(&text) {
            self.add_action(&piece, block.lines);
        }
        true
    }

    /// `3 Providing monitoring tools …` under the action items, after items 1 and 2: the
    /// list's numbering goes on with its mark lost, and the paragraph is the next item, not
    /// a heading of its own. Returns whether it was.
    pub(super) fn numbering_goes_on(&mut self, block: &Block, lines: &[(usize, String)]) -> bool {
        let Some((_, first)) = lines.first() else {
            return false;
        };
        let Some(rest) = continues_the_numbering(first, self.doc.action_items.len())
            .filter(|_| self.current == Current::Target(Target::ActionItems))
        else {
            return false;
        };
        let text = std::iter::once(rest)
            .chain(lines.iter().skip(1).map(|(_, line)| line.as_str()))
            .collect::<Vec<_>>()
            .join(" ");
        let action = super::actions::action_from_task(&text, false, self.context.date);
        self.push_action(action, block.lines, true);
        true
    }

    /// Whether a paragraph is the writer's name closing the page (`Alexander Mehner`, `— The
    /// Ops Team`): a few capitalised words and nothing after them in the file.
    fn signs_the_page(&self, block: &Block, text: &str) -> bool {
        let last_line = self
            .shown_lines
            .iter()
            .rposition(|line| !line.trim().is_empty())
            .map(|index| index + 1);
        let words: Vec<&str> = text
            .trim_start_matches(['-', '\u{2013}', '\u{2014}', '~', ' '])
            .split_whitespace()
            .collect();
        // `Postmark team`, `The Ops Team`: a team signs with its name.
        let signer =
            |word: &&str| ["team", "staff", "crew"].contains(&word.to_lowercase().as_str());
        last_line == Some(block.lines.1)
            && (2..=4).contains(&words.len())
            && words.iter().all(|word| {
                (word.starts_with(char::is_uppercase) || signer(word))
                    && word
                        .chars()
                        .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\''))
            })
    }

    /// Fixes that were made, introduced in the resolution or the actions (`This included
    /// many fixes, the most important being:`): the list below is action items, done, and so
    /// are the paragraph's own lines after the introduction. Returns whether the paragraph
    /// held the fixes itself.
    pub(super) fn fixes_made(&mut self, block: &Block, lines: &[(usize, String)]) -> bool {
        // Steps taken so that it does not happen again are the follow-up's work wherever
        // the page tells them (a status page's postmortem has no parts).
        let against_a_repeat = lines.last().is_some_and(|(_, line)| {
            line.trim_end().ends_with(':')
                && super::introductions::names_steps_to_prevent_a_repeat(&work_sentences::padded(
                    &work_sentences::last_sentence(line).to_lowercase(),
                ))
        });
        let where_fixes_are = matches!(
            self.current,
            Current::Target(Target::ActionItems | Target::Section(Section::Resolution))
        ) || against_a_repeat;
        if !where_fixes_are {
            return false;
        }
        // The lines after one that introduces the fixes and ends with a colon.
        let introduction = lines.iter().position(|(_, line)| {
            line.trim_end().ends_with(':')
                && super::introductions::introduces_fixes_made(&work_sentences::last_sentence(line))
        });
        if let Some(at) = introduction
            && at + 1 < lines.len()
        {
            let ranges = line_ranges(block, lines);
            let introduction = self.source_text((ranges[0].0, ranges[at].1));
            self.text_source(&introduction, (ranges[0].0, ranges[at].1));
            for ((_, line), range) in lines[at + 1..].iter().zip(&ranges[at + 1..]) {
                let action = super::actions::action_from_task(line, true, self.context.date);
                self.push_action(action, *range, false);
            }
            return true;
        }
        let joined = lines
            .iter()
            .map(|(_, line)| line.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        if self.around.list_follows
            && super::introductions::introduces_fixes_made(&work_sentences::last_sentence(&joined))
        {
            self.list_ahead = ListAhead::FixesMade;
        }
        false
    }

    /// Whether the part being read is the team's own, headed by its solution (`##
    /// Solution`, `### Proposed solutions`): what it orders is work to do, though what it
    /// tells was done is the incident's resolution.
    fn under_a_solution_heading(&self) -> bool {
        let Current::Custom(index) = self.current else {
            return false;
        };
        self.doc
            .narrative
            .custom_sections
            .get(index)
            .is_some_and(|section| {
                let title = super::headings::normalized(&section.title);
                let words: Vec<&str> = title.split_whitespace().collect();
                words.len() <= 3
                    && words
                        .last()
                        .is_some_and(|word| matches!(*word, "solution" | "solutions"))
            })
    }

    fn add_action(&mut self, text: &str, lines: (usize, usize)) {
        let action = super::actions::action_from_task(text, false, self.context.date);
        self.push_action(action, lines, true);
    }
}

/// Whether a solution's paragraph orders the work (`Create a fallback process on the
/// servers so that …`): its first sentence opens with an order, and does not speak of its
/// writers (`Right away, I should admit …` opens with no verb).
fn orders_the_solution(text: &str) -> bool {
    let first = work_sentences::sentences(text)
        .into_iter()
        .next()
        .unwrap_or_default();
    let words = work_sentences::padded(&first.to_lowercase());
    let aside = first
        .split_whitespace()
        .take(3)
        .any(|word| word.ends_with(','));
    work_sentences::opens_with_an_order(text)
        && !work_sentences::opens_in_the_past(text)
        && !aside
        && ![" i ", " we ", " my ", " our "]
            .iter()
            .any(|person| words.contains(person))
}

/// Whether a paragraph right after a list of work adds more of it: its first sentence
/// commits to work and says it is more (`We are also making changes to split parts of our
/// service …`, `In addition, we will …`).
/// The marks Chinese and Japanese close an item's number with (`1、`, `2．`), which take no
/// space after them.
const EAST_ASIAN_NUMBER_MARKS: [char; 3] = ['\u{3001}', '\u{ff0e}', '\u{ff09}'];

/// The items of a line that opens with an item's number, each without its number: more than
/// one when the next numbers follow in order, each after the end of a clause (`1、升级硬件;
/// 2、加强测试; 3、…`, `1) Add a check. 2) Alert on it.`). A number that does not come next
/// in the count (`in 3 regions`, `2. The year`) stays in its item.
fn items_run_together(line: &str) -> Vec<&str> {
    let mut items = Vec::new();
    let Some(first) = enumerated(line) else {
        return items;
    };
    let number = |text: &str| {
        let text = text.trim_start().trim_start_matches(['*', '_', '(']);
        let digits = text.bytes().take_while(u8::is_ascii_digit).count();
        text[..digits].parse::<u32>().ok()
    };
    let mut next = number(line).map(|number| number + 1);
    let start = line.len() - first.len();
    let mut item_start = start;
    let breaks = line[start..].char_indices().filter_map(|(at, c)| {
        matches!(c, ';' | '.' | '\u{ff1b}' | '\u{3002}').then_some(start + at + c.len_utf8())
    });
    for after in breaks {
        let Some(wanted) = next else { break };
        let rest = &line[after..];
        if number(rest) == Some(wanted)
            && let Some(item) = enumerated(rest)
        {
            items.push(clause_text(&line[item_start..after]));
            item_start = line.len() - item.len();
            next = Some(wanted + 1);
        }
    }
    items.push(clause_text(&line[item_start..]));
    items
}

/// A clause's words without the semicolon that parted it from the next.
fn clause_text(clause: &str) -> &str {
    clause.trim().trim_end_matches([';', '\u{ff1b}']).trim_end()
}

/// The text after an item's number or letter that opens `line` (`1b. Set up …`, `*2.*
/// Add …`, `(a) Remove …`, `3) Alert …`, `1、升级 …`), emphasis around the label allowed.
fn enumerated(line: &str) -> Option<&str> {
    let line = line.trim_start().trim_start_matches(['*', '_']);
    let (bracketed, line) = match line.strip_prefix('(') {
        Some(rest) => (true, rest),
        None => (false, line),
    };
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    let letters = line[digits..]
        .bytes()
        .take_while(u8::is_ascii_lowercase)
        .count();
    // `12.`, `1b.`, `a.`: at most three digits and one letter.
    if digits > 3 || letters > 1 || digits + letters == 0 {
        return None;
    }
    let rest = &line[digits + letters..];
    if let Some(text) = rest.strip_prefix(EAST_ASIAN_NUMBER_MARKS) {
        let text = text.trim();
        return (digits > 0 && !text.is_empty()).then_some(text);
    }
    let rest = if bracketed {
        rest.strip_prefix(')')?
    } else {
        rest.strip_prefix(['.', ')'])?
    };
    let rest = rest.trim_start_matches(['*', '_']);
    let text = rest.strip_prefix(char::is_whitespace)?.trim();
    (!text.is_empty() && !text.starts_with(|c: char| c.is_ascii_digit())).then_some(text)
}

/// The text after a bare number that goes on from the `items_so_far` already read (`3
/// Providing …` after two items), with no mark after it. The word after it opens with a
/// capital, as an item does and a count in a sentence (`3 engineers were paged`) seldom
/// does; a unit of time (`3 Hours later`) is no item.
fn continues_the_numbering(line: &str, items_so_far: usize) -> Option<&str> {
    if items_so_far == 0 {
        return None;
    }
    let line = line.trim_start();
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || line[..digits].parse::<usize>().ok()? != items_so_far + 1 {
        return None;
    }
    let text = line[digits..].strip_prefix(' ')?.trim();
    let first_word = text.split_whitespace().next()?;
    let unit = ["hour", "minute", "second", "day", "week", "month", "year"]
        .iter()
        .any(|unit| first_word.to_lowercase().starts_with(unit));
    (first_word.starts_with(char::is_uppercase) && !unit).then_some(text)
}

fn adds_more_work(text: &str) -> bool {
    let Some(first) = work_sentences::sentences(text).into_iter().next() else {
        return false;
    };
    let more = first.contains(" also ")
        || first.starts_with(" additionally ")
        || first.starts_with(" in addition ")
        || first.starts_with(" furthermore ");
    more && (work_sentences::commits_to_work(&first) || work_sentences::third_person_work(&first))
}

/// `Action point: rotate the keys`, `Action item: …`, `TODO: …`, `Follow-up: …`, `Post
/// event actions: …`: the work, after its mark.
fn action_point(line: &str) -> Option<&str> {
    let (mark, rest) = line.split_once(':')?;
    let mark = mark.trim().trim_matches(['*', '_']).to_lowercase();
    let is_mark = matches!(
        mark.as_str(),
        "action point"
            | "action item"
            | "action"
            | "ap"
            | "todo"
            | "to do"
            | "follow-up"
            | "follow up"
            | "followup"
    );
    // A label that names the work by its words (`Post event actions: Our engineers are
    // reviewing …`, `Corrective actions: …`) marks it as well.
    let names_the_work = mark.split_whitespace().count() <= ACTION_LABEL_WORDS
        && super::headings::target_by_words(&mark) == Some(super::headings::Target::ActionItems);
    let rest = rest.trim().trim_start_matches(['*', '_']).trim();
    ((is_mark || names_the_work) && !rest.is_empty()).then_some(rest)
}

/// The most words of a label before the work it names (`Post event actions:`).
const ACTION_LABEL_WORDS: usize = 4;

/// The marks of where a piece of work stands, longest first, and the status each gives.
const STATUS_MARKS: [(&str, ActionStatus); 6] = [
    ("in progress", ActionStatus::InProgress),
    ("doing", ActionStatus::InProgress),
    ("wip", ActionStatus::InProgress),
    ("to do", ActionStatus::Open),
    ("todo", ActionStatus::Open),
    ("done", ActionStatus::Done),
];

/// Whether a paragraph's Markdown opens with where its work stands, in bold or in capitals
/// (`**DONE**: …`, `**DOING** the import …`, `TODO: …`, `WIP - …`): the status, and the mark
/// as the paragraph's plain text begins with it. The marks are fewer than a status cell's
/// words (`Open`, `New`, `Fixed`…): in bold at a paragraph's start, those begin sentences.
fn status_mark(source: &str) -> Option<(ActionStatus, &'static str)> {
    let first = source.lines().next()?.trim();
    let (bold, inside) = match first
        .strip_prefix("**")
        .or_else(|| first.strip_prefix("__"))
    {
        Some(rest) => (true, rest),
        None => (false, first),
    };
    let (mark, status) = STATUS_MARKS.iter().find(|(mark, _)| {
        inside
            .get(..mark.len())
            .is_some_and(|start| start.eq_ignore_ascii_case(mark))
    })?;
    let written = &inside[..mark.len()];
    let after = inside[mark.len()..].trim_start_matches(':');
    let closed = after.starts_with("**") || after.starts_with("__");
    let capitals = written.chars().all(|c| !c.is_lowercase());
    let stands_alone = after_mark(inside, mark.len()).is_some();
    ((bold && closed) || (!bold && capitals && stands_alone)).then_some((*status, *mark))
}

/// A line's text after its first `length` bytes, a status mark that is a word of its own
/// (then a colon, a dash or a space), when there is some.
fn after_mark(line: &str, length: usize) -> Option<&str> {
    let after = line.get(length..)?;
    let rest = after
        .strip_prefix(':')
        .or_else(|| after.strip_prefix(" -"))
        .or_else(|| after.strip_prefix(" \u{2013}"))
        .or_else(|| after.strip_prefix(' '))?
        .trim();
    (!rest.is_empty()).then_some(rest)
}

/// Whether a paragraph's Markdown is wholly in italics (`*…*` or `_…_`, not bold).
fn all_in_italics(source: &str) -> bool {
    let source = source.trim();
    ["*", "_"].iter().any(|mark| {
        let bold = format!("{mark}{mark}");
        source.len() > 2
            && source.starts_with(mark)
            && source.ends_with(mark)
            && !source.starts_with(&bold)
            && !source[1..source.len() - 1].contains(mark)
    })
}

/// A paragraph that is only a label for a part (`**What went well**`, `Action Items:`,
/// `**Where we got lucky** [[166]](…)`, `**Action Items**:^[165](…)^`): the part the text
/// below it belongs to.
/// Whether a one-line paragraph is a short name set apart in bold (`**Image Management**
/// (Issue #2)`), with at most a reference after it, or a short name with no sentence's
/// punctuation (`Short-term fixes`, `すぐに問題解決するためのフロー`): a group's name, not
/// work.
fn group_label(line: &str, source: &str) -> bool {
    let source = source.trim();
    let Some(rest) = source
        .strip_prefix("**")
        .or_else(|| source.strip_prefix("__"))
    else {
        return is_a_short_name(source);
    };
    let Some(close) = rest.find(['*', '_']) else {
        return false;
    };
    let after = rest[close..].trim_start_matches(['*', '_', ':']).trim();
    let reference = after.is_empty()
        || after.starts_with('(') && after.ends_with(')') && after.split_whitespace().count() <= 4;
    reference && line.split_whitespace().count() <= 8
}

/// Whether a line is a short name, not a sentence: a few words (or, in a script written
/// without spaces, a few dozen characters) and no sentence's end or other punctuation.
fn is_a_short_name(line: &str) -> bool {
    !line.is_empty()
        && line.split_whitespace().count() <= 5
        && line.chars().count() <= 40
        && line
            .chars()
            .all(|c| c.is_alphanumeric() || c == ' ' || c == '-')
}

/// Whether a paragraph's subject is the action items themselves (`Action items should be
/// achievable …`, `These follow-ups are tracked in Jira.`): guidance about the list, not an
/// item of it.
fn speaks_of_the_items(text: &str) -> bool {
    let lower = text.trim_start().to_lowercase();
    let lower = ["the ", "these ", "all ", "our "]
        .iter()
        .find_map(|article| lower.strip_prefix(article))
        .unwrap_or(&lower);
    work_sentences::FOLLOW_UP_NOUNS.iter().any(|subject| {
        lower
            .strip_prefix(subject)
            .is_some_and(|rest| rest.starts_with(' '))
    })
}

/// Whether a paragraph speaks of work only in general, by a plural that a list can spell out
/// (`we're making concrete changes`, `we identified a handful of work items that we will
/// tackle`), in at most two sentences.
fn names_work_in_general(text: &str) -> bool {
    const GENERAL: [&str; 9] = [
        "changes",
        "improvements",
        "steps",
        "measures",
        "actions",
        "fixes",
        "follow-ups",
        "items",
        "tasks",
    ];
    work_sentences::sentences(text).len() <= 2
        && text
            .split(|c: char| !(c.is_alphanumeric() || c == '-'))
            .any(|word| GENERAL.contains(&word.to_lowercase().as_str()))
}

/// Whether a paragraph only says that there is nothing here (`None.`, `N/A`, `Nothing
/// identified`, `No action items at this time.`).
fn says_there_is_none(text: &str) -> bool {
    const NOTHING: [&str; 6] = ["none", "n/a", "na", "nothing", "nil", "no action items"];
    const AFTER: [&str; 4] = [" identified", " yet", " at this time", " so far"];
    let said = text
        .trim()
        .trim_matches(|c: char| matches!(c, '.' | '!' | '*' | '_' | '(' | ')' | ' '))
        .to_lowercase();
    NOTHING.iter().any(|nothing| {
        let Some(mut rest) = said.strip_prefix(nothing) else {
            return false;
        };
        // `None identified at this time`: any of the words after, in turn.
        while let Some(after) = AFTER.iter().find_map(|after| rest.strip_prefix(after)) {
            rest = after;
        }
        rest.is_empty()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbered_paragraphs_under_the_action_items_are_items() {
        assert_eq!(
            enumerated("*1b.* Set up a web server"),
            Some("Set up a web server")
        );
        assert_eq!(enumerated("(a) Remove old code"), Some("Remove old code"));
        assert_eq!(enumerated("3) Alert on mirrors"), Some("Alert on mirrors"));
        assert_eq!(enumerated("2019. The year"), None);
        assert_eq!(enumerated("1.5 million requests"), None);
        assert_eq!(enumerated("a fix went out"), None);
        assert_eq!(enumerated("1、升级硬件版本"), Some("升级硬件版本"));
    }

    #[test]
    fn numbered_items_run_into_one_line_are_each_an_item() {
        assert_eq!(
            items_run_together("1、升级硬件版本。该措施已完成; 2、加强测试; 3、缩小范围"),
            ["升级硬件版本。该措施已完成", "加强测试", "缩小范围"]
        );
        assert_eq!(
            items_run_together("1) Add a check in 3 regions. 2) Alert on it."),
            ["Add a check in 3 regions.", "Alert on it."]
        );
        assert_eq!(
            items_run_together("1. Move the 2. server"),
            ["Move the 2. server"]
        );
        let imported = crate::sources::markdown::import_markdown(
            "# Outage\n\n## Action items\n\nIn the short term:\n\n<div>\n\
             <p><i>1b.</i> Set up a web server elsewhere.\n\n<p><i>2.</i> Add another admin host\n\
             </div>\n\nAnd longer term:\n\n<div>\n<p><i>1a.</i> Add a standby master.\n</div>\n",
            chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap(),
        );
        assert!(imported.assumed.html_note().is_some());
        let items = crate::sources::markdown::tests::actions(&imported.doc);
        assert_eq!(
            items,
            [
                "Set up a web server elsewhere.",
                "Add another admin host",
                "Add a standby master."
            ]
        );
    }

    #[test]
    fn a_sentence_about_changes_in_general_introduces_a_list() {
        assert!(names_work_in_general(
            "We take privacy seriously, and we\u{2019}re making concrete changes based on this incident."
        ));
        assert!(!names_work_in_general(
            "We will add rate limiting to uploads."
        ));
        assert!(names_work_in_general(
            "While working through this incident, we identified a handful of work items that we will tackle immediately."
        ));
        let imported = crate::sources::markdown::import_markdown(
            "# Leak\n\n## Next steps\n\nWe are making concrete changes based on this incident.\n\n\
             1. **Remove PII from support emails.**\n1. **Automate announcement workflows.**\n",
            chrono::NaiveDate::from_ymd_opt(2026, 12, 3).unwrap(),
        );
        let actions = crate::sources::markdown::tests::actions(&imported.doc);
        assert_eq!(
            actions,
            [
                "Remove PII from support emails.",
                "Automate announcement workflows."
            ]
        );
    }

    #[test]
    fn a_number_that_goes_on_from_the_items_is_an_item_without_its_mark() {
        assert_eq!(
            continues_the_numbering("3 Build a dashboard per region", 2),
            Some("Build a dashboard per region")
        );
        assert_eq!(continues_the_numbering("3 Build a dashboard", 3), None);
        assert_eq!(continues_the_numbering("3 engineers were paged", 2), None);
        assert_eq!(continues_the_numbering("3 Hours later it failed", 2), None);
        assert_eq!(continues_the_numbering("1 Build a dashboard", 0), None);
        let imported = crate::sources::markdown::import_markdown(
            "# Builds stalled\n\nThe queue stopped at 02:10 UTC and was restarted at 04:00 UTC.\n\n\
             Short-term repair actions include:\n\n1. Make the scheduler survive restarts\n\n\
             2. Page on a stalled region\n\nLong-term repair actions include:\n\n\
             3 Build a dashboard per region\n\nPosted Jun 11, 2019 - 23:16 UTC\n",
            chrono::NaiveDate::from_ymd_opt(2026, 12, 7).unwrap(),
        );
        let items = crate::sources::markdown::tests::actions(&imported.doc);
        assert_eq!(
            items,
            [
                "Make the scheduler survive restarts",
                "Page on a stalled region",
                "Build a dashboard per region"
            ]
        );
    }

    #[test]
    fn a_paragraph_about_the_action_items_is_no_item() {
        assert!(speaks_of_the_items(
            "Action items should be achievable in short-medium term."
        ));
        assert!(speaks_of_the_items("These follow-ups are tracked in Jira."));
        assert!(!speaks_of_the_items("We will add alerting on the queue."));
    }
}
