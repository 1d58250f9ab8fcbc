//! The timeline editor: a picture of the incident, a toolbar, and a table that edits in place,
//! moves rows by drag and drop, and marks rows whose hand order disagrees with their times.

mod cells;
mod commands;
mod paste;
mod preview;
mod slack_form;
mod state;
mod strip;
mod table;

pub use commands::{show_import, show_slack_choice, slack_choice_failed, timeline_edit};
pub use state::{BadTime, ImportedRows, PasteForm, SlackForm, TimelineState};

use super::attachments::{Where, attach_button_ui, attachments_ui, drop_target};
use super::internal_mark::internal_toggle_ui;
use super::menu::command_button_ui;
use super::table::row_after_arrow_keys;
use super::view::View;
use super::written_heading::{Rank, written_heading_ui};
use crate::model::{AttachedTo, Edit, InternalPart, List, Place, TimelineField};
use crate::session::UiCommand;
use crate::session::{Request, UiRequests};

/// Draws the timeline part.
pub fn timeline_ui(
    ui: &mut egui::Ui,
    view: &View<'_>,
    state: &mut TimelineState,
    requests: &mut UiRequests,
) {
    let doc = view.document.doc();
    if let Some(Place::TimelineRow(id)) = view.focus {
        // A time held back is what the finding is about: the keyboard goes to it.
        if state.bad_times.contains_key(&id) {
            state.edit(id, TimelineField::Time);
        } else {
            state.select(id);
        }
    }
    // A row deleted or replaced by another document is no longer selectable.
    if state
        .selected
        .is_some_and(|id| !doc.timeline.iter().any(|row| row.id == id))
    {
        state.selected = None;
    }
    keyboard_navigation(ui, doc, state);

    let mut edits = Vec::new();
    ui.horizontal(|ui| {
        let written = doc.heading_of_list(List::Timeline);
        let (_, back) = written_heading_ui(ui, written, List::Timeline.heading(), Rank::Part);
        if back {
            edits.push(Edit::SetListHeading(List::Timeline, String::new()));
        }
        ui.weak(format!(
            "times in {}",
            crate::model::zone_label(doc.time_zone)
        ));
    });
    ui.add_space(4.0);
    let revision = view.document.revision();
    let out_of_order = state.derived(doc, revision).out_of_order.clone();
    strip::strip_ui(ui, doc, state);
    ui.add_space(6.0);
    toolbar_ui(ui, doc, state, out_of_order.len(), requests);
    ui.add_space(4.0);
    // The selected row's files, below the table, which takes the room above them.
    if let Some((number, row)) = state.selected.and_then(|id| {
        doc.timeline
            .iter()
            .enumerate()
            .find(|(_, row)| row.id == id)
    }) {
        egui::Panel::bottom("selected_row_files")
            .resizable(false)
            .show(ui, |ui| {
                ui.add_space(4.0);
                let words = format!("row {}", number + 1);
                let at = Where {
                    place: AttachedTo::Row(row.id),
                    words: &words,
                };
                let whole = ui.scope(|ui| {
                    ui.horizontal(|ui| {
                        ui.weak(format!("Files attached to {words}"));
                        attach_button_ui(ui, &at, requests);
                        ui.separator();
                        internal_toggle_ui(ui, doc, InternalPart::Row(row.id), &words, &mut edits);
                    });
                    attachments_ui(ui, doc, view.looks, at.place, requests);
                });
                drop_target(ui, whole.response.rect, &at, requests);
            });
    }
    if doc.timeline.is_empty() {
        ui.label("No rows yet. Add a row, or paste lines from a chat (Ctrl+Shift+V).");
    } else {
        table::table_ui(ui, doc, view, &out_of_order, state, &mut edits);
    }
    paste::paste_form_ui(ui.ctx(), doc, state, view.today, &mut edits);
    requests.edits(edits);
    slack_form::slack_form_ui(ui.ctx(), doc, state, requests);
}

fn toolbar_ui(
    ui: &mut egui::Ui,
    doc: &crate::model::Postmortem,
    state: &TimelineState,
    out_of_order: usize,
    requests: &mut UiRequests,
) {
    let has_selection = state.selected.is_some();
    ui.horizontal_wrapped(|ui| {
        for command in [
            UiCommand::AddRow,
            UiCommand::InsertRowAbove,
            UiCommand::InsertRowBelow,
            UiCommand::DuplicateRow,
            UiCommand::DeleteRow,
        ] {
            let needs_selection = !matches!(command, UiCommand::AddRow);
            let enabled = has_selection || !needs_selection;
            command_button_ui(ui, command, command.label(), enabled, requests);
        }
        ui.separator();
        let sort = ui
            .add_enabled(
                out_of_order > 0,
                egui::Button::new(UiCommand::SortByTime.label()),
            )
            .on_hover_text(
                "Puts timed rows in time order. Rows with the same time keep their order; \
                 a row without a time stays after the row it followed.",
            );
        if sort.clicked() {
            requests.push(Request::Command(UiCommand::SortByTime));
        }
        if ui.button(UiCommand::PasteFromChat.label()).clicked() {
            requests.push(Request::Command(UiCommand::PasteFromChat));
        }
        ui.separator();
        let rows = doc.timeline.len();
        let rows = if rows == 1 {
            "1 row".to_owned()
        } else {
            format!("{rows} rows")
        };
        let summary = match out_of_order {
            0 => rows,
            n => format!("{rows} \u{b7} {n} out of time order"),
        };
        if out_of_order > 0 {
            ui.colored_label(ui.visuals().warn_fg_color, summary);
        } else {
            ui.weak(summary);
        }
    });
}

/// Up and Down move the selection, Enter starts editing the selected row's event. Only while
/// no cell is being typed in: there the keys belong to the text.
fn keyboard_navigation(ui: &egui::Ui, doc: &crate::model::Postmortem, state: &mut TimelineState) {
    let position = state
        .selected
        .and_then(|id| doc.timeline.iter().position(|row| row.id == id));
    if let Some(index) = row_after_arrow_keys(ui, doc.timeline.len(), position) {
        state.select(doc.timeline[index].id);
    }
    let enter = !ui.ctx().text_edit_focused()
        && crate::ui::focus::keys_reach(ui)
        && ui.input(|input| input.modifiers.is_none() && input.key_pressed(egui::Key::Enter));
    if enter && let Some(id) = state.selected {
        state.edit(id, TimelineField::Event);
    }
}
