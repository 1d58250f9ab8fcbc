//! The timeline commands of the menu and keyboard: the edit each makes on the selected row,
//! and where the selection and focus go after it, the way a person expects.

use super::state::{ImportedRows, PasteForm, SlackForm, TimelineState};
use crate::model::TimelineField;
use crate::model::{Edit, ListEdit, RowId, TimelineRow};
use crate::session::UiCommand;

/// The edit a timeline command makes, with the selection and focus updated to follow it.
/// The timeline's own state is changed only here, by the timeline.
pub fn timeline_edit(
    command: UiCommand,
    rows: &[TimelineRow],
    state: &mut TimelineState,
) -> Option<Edit> {
    let selected = state
        .selected
        .and_then(|id| rows.iter().position(|row| row.id == id));
    let new_row = |state: &mut TimelineState| {
        let row = TimelineRow::default();
        state.edit(row.id, TimelineField::Time);
        row
    };
    let edit = match command {
        UiCommand::AddRow => ListEdit::Push(new_row(state)),
        UiCommand::InsertRowAbove => ListEdit::Insert(selected.unwrap_or(0), new_row(state)),
        UiCommand::InsertRowBelow => ListEdit::Insert(
            selected.map_or(rows.len(), |index| index + 1),
            new_row(state),
        ),
        UiCommand::DuplicateRow => {
            let index = selected?;
            let copy = TimelineRow {
                id: RowId::new(),
                ..rows[index].clone()
            };
            state.select(copy.id);
            ListEdit::Insert(index + 1, copy)
        }
        UiCommand::DeleteRow => {
            let index = selected?;
            // The selection stays where it was: on the row that takes the deleted one's place.
            let next = rows
                .get(index + 1)
                .or_else(|| index.checked_sub(1).and_then(|i| rows.get(i)));
            state.selected = next.map(|row| row.id);
            state.bad_times.remove(&rows[index].id);
            ListEdit::Remove(index)
        }
        UiCommand::MoveRowUp => {
            let index = selected.filter(|index| *index > 0)?;
            state.scroll_to = state.selected;
            ListEdit::Move {
                from: index,
                to: index - 1,
            }
        }
        UiCommand::MoveRowDown => {
            let index = selected.filter(|index| index + 1 < rows.len())?;
            state.scroll_to = state.selected;
            ListEdit::Move {
                from: index,
                to: index + 1,
            }
        }
        UiCommand::SortByTime => return Some(Edit::SortTimelineByTime),
        UiCommand::PasteFromChat => {
            state.paste = Some(PasteForm {
                text: String::new(),
                insert_at: selected.map_or(rows.len(), |index| index + 1),
                request_paste: true,
                imported: None,
                choices: crate::sources::ReadingChoices::default(),
                refused: None,
                source: None,
                focus_first: false,
                toggled: std::collections::HashSet::new(),
            });
            return None;
        }
        UiCommand::New
        | UiCommand::NewFromTemplate
        | UiCommand::Open
        | UiCommand::Save
        | UiCommand::SaveAs
        | UiCommand::OpenPath
        | UiCommand::ImportMarkdown
        | UiCommand::Quit
        | UiCommand::ReviewFolder
        | UiCommand::RecoverUnsaved
        | UiCommand::Undo
        | UiCommand::Redo
        | UiCommand::ImportTimeline
        | UiCommand::ImportSlackFolder
        | UiCommand::AddActionItem
        | UiCommand::AttachFile
        | UiCommand::ShowPart(_) => return None,
    };
    Some(Edit::Timeline(edit))
}

/// Shows what a file gave in the paste form, to look over before anything is added: the
/// text of a text file (editable, read as a paste), or the rows of a pager's log.
pub fn show_import(
    rows: &[TimelineRow],
    state: &mut TimelineState,
    source: String,
    imported: crate::sources::Imported,
    text: Option<String>,
) {
    let selected = state
        .selected
        .and_then(|id| rows.iter().position(|row| row.id == id));
    let from_file = text.is_some().then(|| source.clone());
    let imported = if text.is_some() {
        None
    } else {
        // A row the timeline already has (the same time and event: an export imported
        // twice) starts left out, and so does a routine one (a pager's notifications).
        let there: Vec<bool> = imported
            .rows
            .iter()
            .map(|new| super::preview::already_there(rows, &new.row))
            .collect();
        let included = imported
            .rows
            .iter()
            .zip(&there)
            .map(|(new, there)| !there && !new.routine)
            .collect();
        Some(ImportedRows {
            source,
            already_there: there.iter().filter(|there| **there).count(),
            routine: imported
                .rows
                .iter()
                .zip(&there)
                .filter(|(new, there)| new.routine && !**there)
                .count(),
            included,
            accepted: vec![false; imported.rows.len()],
            focus_first: true,
            rows: imported.rows,
        })
    };
    state.slack = None;
    state.paste = Some(PasteForm {
        text: text.unwrap_or_default(),
        insert_at: selected.map_or(rows.len(), |index| index + 1),
        request_paste: false,
        imported,
        choices: crate::sources::ReadingChoices::default(),
        refused: None,
        focus_first: from_file.is_some(),
        source: from_file,
        toggled: std::collections::HashSet::new(),
    });
}

/// Opens the form that chooses a channel and a time window of the Slack export at `export`,
/// with `channels` to choose from and the window proposed (the incident's, as typed text).
pub fn show_slack_choice(
    state: &mut TimelineState,
    export: std::path::PathBuf,
    channels: Vec<String>,
    window: (String, String),
) {
    // The incident's own channel when its name says so, else the first.
    let channel = channels
        .iter()
        .find(|name| name.contains("incident") || name.starts_with("inc-"))
        .or_else(|| channels.first())
        .cloned()
        .unwrap_or_default();
    state.slack = Some(SlackForm {
        export,
        channels,
        channel,
        start: window.0,
        end: window.1,
        error: None,
    });
}

/// Says in the Slack form why its choice could not be read.
pub fn slack_choice_failed(state: &mut TimelineState, reason: String) {
    if let Some(form) = state.slack.as_mut() {
        form.error = Some(reason);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(count: usize) -> Vec<TimelineRow> {
        (0..count)
            .map(|i| TimelineRow {
                event: format!("row {i}"),
                ..TimelineRow::default()
            })
            .collect()
    }

    #[test]
    fn inserting_below_selects_the_new_row_and_focuses_its_time() {
        let rows = rows(3);
        let mut state = TimelineState::default();
        state.select(rows[1].id);
        let Some(Edit::Timeline(ListEdit::Insert(2, row))) =
            timeline_edit(UiCommand::InsertRowBelow, &rows, &mut state)
        else {
            panic!("expected an insert at 2");
        };
        assert_eq!(state.selected, Some(row.id));
        assert_eq!(state.focus_cell, Some((row.id, TimelineField::Time)));
    }

    #[test]
    fn deleting_selects_the_row_that_takes_its_place() {
        let rows = rows(3);
        let mut state = TimelineState::default();
        state.select(rows[1].id);
        assert_eq!(
            timeline_edit(UiCommand::DeleteRow, &rows, &mut state),
            Some(Edit::Timeline(ListEdit::Remove(1)))
        );
        assert_eq!(state.selected, Some(rows[2].id));
        state.select(rows[2].id);
        let _ = timeline_edit(UiCommand::DeleteRow, &rows, &mut state);
        assert_eq!(state.selected, Some(rows[1].id));
    }

    #[test]
    fn moving_past_either_end_does_nothing() {
        let rows = rows(2);
        let mut state = TimelineState::default();
        state.select(rows[0].id);
        assert_eq!(timeline_edit(UiCommand::MoveRowUp, &rows, &mut state), None);
        assert_eq!(
            timeline_edit(UiCommand::MoveRowDown, &rows, &mut state),
            Some(Edit::Timeline(ListEdit::Move { from: 0, to: 1 }))
        );
        assert_eq!(
            timeline_edit(UiCommand::DeleteRow, &[], &mut TimelineState::default()),
            None
        );
    }
}
