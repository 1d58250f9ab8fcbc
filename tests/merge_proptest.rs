//! For any document and any two independent sets of edits made to it on two sides, the merge
//! holds every edit of both sides, in the order the reordering side gave; and merging with a
//! side that did not change gives the other side exactly.

#![allow(
    clippy::unwrap_used,
    reason = "helpers outside #[test] functions may unwrap too: a panic is a failed test"
)]

#[path = "common/arbitrary.rs"]
mod arbitrary;

use std::collections::HashSet;

use arbitrary::{postmortem, text, uuid};
use hindsight::model::{ActionStatus, Postmortem, RowId, TimelineRow, merge};
use proptest::prelude::*;

/// What one side does to the base document. Rows are split three ways by position so the
/// two sides' edits never touch the same field: the first third is ours to change or delete,
/// the second third theirs, and in the last third ours changes the notes and theirs the actor.
#[derive(Clone, Debug)]
struct Edits {
    /// Per row: change it (in this side's share), or delete it (when changing is false).
    touch: Vec<(bool, bool)>,
    new_text: String,
    /// New rows, each with the position to put it at (modulo the length then).
    added: Vec<(usize, uuid::Uuid, String)>,
    /// A rotation of the whole timeline: a reorder (theirs only).
    rotate: usize,
    /// Replace the first line (ours) or the last line (theirs) of the root cause.
    line: String,
}

fn edits() -> impl Strategy<Value = Edits> {
    (
        proptest::collection::vec((any::<bool>(), any::<bool>()), 12),
        text(),
        proptest::collection::vec((0..20usize, uuid(), text()), 0..3),
        0..6usize,
        "[a-z ]{1,20}",
    )
        .prop_map(|(touch, new_text, added, rotate, line)| Edits {
            touch,
            new_text,
            added,
            rotate,
            line,
        })
}

fn share(index: usize) -> usize {
    index % 3
}

/// Applies one side's edits; `ours` says which side, which decides the share it touches.
fn apply(base: &Postmortem, edits: &Edits, ours: bool) -> Postmortem {
    let mut doc = base.clone();
    let mine = usize::from(!ours);
    let mut deleted = HashSet::new();
    for (index, row) in doc.timeline.iter_mut().enumerate() {
        let (change, delete) = edits.touch[index % edits.touch.len()];
        match share(index) {
            2 if change && ours => edits.new_text.clone_into(&mut row.notes),
            2 if change => row.actor = Some(edits.new_text.clone()),
            at if at == mine && change => edits.new_text.clone_into(&mut row.event),
            at if at == mine && delete => {
                deleted.insert(row.id);
            }
            _ => {}
        }
    }
    doc.timeline.retain(|row| !deleted.contains(&row.id));
    for (at, id, event) in &edits.added {
        let row = TimelineRow {
            id: RowId::from_uuid(*id),
            event: event.clone(),
            ..TimelineRow::default()
        };
        let at = at % (doc.timeline.len() + 1);
        doc.timeline.insert(at, row);
    }
    if !ours && !doc.timeline.is_empty() {
        let by = edits.rotate % doc.timeline.len();
        doc.timeline.rotate_left(by);
    }
    let mut lines: Vec<String> = doc
        .narrative
        .root_cause
        .lines()
        .map(str::to_owned)
        .collect();
    if ours {
        lines[0].clone_from(&edits.line);
        edits.new_text.clone_into(&mut doc.title);
        for item in &mut doc.action_items {
            item.status = ActionStatus::Done;
        }
    } else {
        let last = lines.len() - 1;
        lines[last].clone_from(&edits.line);
        edits.new_text.clone_into(&mut doc.incident_id);
        for item in &mut doc.action_items {
            edits.new_text.clone_into(&mut item.owner);
        }
    }
    doc.narrative.root_cause = lines.join("\n") + "\n";
    doc
}

/// A base document whose root cause has a few lines, so that two sides can change different
/// ones.
fn with_lines(mut doc: Postmortem) -> Postmortem {
    "first line\nsecond line\nthird line\nfourth line\n".clone_into(&mut doc.narrative.root_cause);
    doc
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn merging_with_an_unchanged_side_gives_the_other_side(
        base in postmortem(),
        other in postmortem(),
    ) {
        prop_assert_eq!(&merge(&base, &base, &other).unwrap().doc, &other);
        prop_assert_eq!(&merge(&base, &other, &base).unwrap().doc, &other);
        prop_assert_eq!(&merge(&base, &other, &other).unwrap().doc, &other);
    }

    #[test]
    fn the_merge_holds_every_edit_of_both_sides(
        base in postmortem().prop_map(with_lines),
        our_edits in edits(),
        their_edits in edits(),
    ) {
        let ours = apply(&base, &our_edits, true);
        let theirs = apply(&base, &their_edits, false);
        let merged = merge(&base, &ours, &theirs).unwrap();
        prop_assert_eq!(merged.new_conflicts, 0, "{:#?}", merged.doc.conflicts);
        let doc = merged.doc;

        // Every row either side has, the other did not delete, is there with both sides'
        // changes; every row a side deleted is gone.
        let in_result: HashSet<RowId> = doc.timeline.iter().map(|row| row.id).collect();
        let kept_by = |side: &Postmortem, id: RowId| side.row(id).is_some();
        for row in &base.timeline {
            let kept = kept_by(&ours, row.id) && kept_by(&theirs, row.id);
            prop_assert_eq!(in_result.contains(&row.id), kept, "row {}", row.id);
        }
        for side in [&ours, &theirs] {
            for row in &side.timeline {
                if base.row(row.id).is_none() {
                    prop_assert!(in_result.contains(&row.id), "added row {}", row.id);
                }
            }
        }
        for merged_row in &doc.timeline {
            let from = |side: &Postmortem| side.row(merged_row.id).cloned();
            let (o, t, b) = (from(&ours), from(&theirs), base.row(merged_row.id).cloned());
            let expected_event = match (&b, &o, &t) {
                (Some(b), Some(o), Some(_)) if o.event != b.event => o.event.clone(),
                (_, _, Some(t)) => t.event.clone(),
                (_, Some(o), None) => o.event.clone(),
                (_, None, None) => unreachable!(),
            };
            prop_assert_eq!(&merged_row.event, &expected_event);
            if let Some(o) = &o { prop_assert_eq!(&merged_row.notes, &o.notes); }
            if let Some(t) = &t { prop_assert_eq!(&merged_row.actor, &t.actor); }
        }

        // Their reorder holds for the rows both sides kept from the base.
        let common: Vec<RowId> = theirs
            .timeline
            .iter()
            .map(|row| row.id)
            .filter(|id| base.row(*id).is_some() && in_result.contains(id))
            .collect();
        let merged_common: Vec<RowId> = doc
            .timeline
            .iter()
            .map(|row| row.id)
            .filter(|id| common.contains(id))
            .collect();
        prop_assert_eq!(merged_common, common);

        prop_assert_eq!(&doc.title, &ours.title);
        prop_assert_eq!(&doc.incident_id, &theirs.incident_id);
        for item in &doc.action_items {
            let theirs_item = theirs.action(item.id).unwrap();
            prop_assert_eq!(item.status, ActionStatus::Done);
            prop_assert_eq!(&item.owner, &theirs_item.owner);
        }
        let lines: Vec<&str> = doc.narrative.root_cause.lines().collect();
        prop_assert_eq!(lines.len(), 4);
        prop_assert_eq!(lines[0], our_edits.line.as_str());
        prop_assert_eq!(lines[3], their_edits.line.as_str());
    }
}
