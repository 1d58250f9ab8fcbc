//! The action-item tracker: what will be done, by whom, by when, and what is late.

mod cells;
mod controls;
mod state;
mod table;

pub use state::ActionsState;

use controls::ItemControl;
use state::Derived;

use super::filters::{action_filter_ui, choice_filter_ui};
use super::internal_mark::internal_toggle_ui;
use super::theme;
use super::view::View;
use super::written_heading::{Rank, written_heading_ui};
use crate::model::InternalPart;
use crate::model::{
    ActionFilter, ActionItem, ActionSummary, Edit, List, ListEdit, Place, Postmortem,
    default_due_date, default_due_weeks, mentions,
};
use crate::session::UiCommand;

/// Draws the action items part.
pub fn action_items_ui(
    ui: &mut egui::Ui,
    view: &View<'_>,
    state: &mut ActionsState,
    edits: &mut Vec<Edit>,
) {
    let doc = view.document.doc();
    if let Some(Place::ActionItem(id)) = view.focus {
        state.selected = Some(id);
        state.scroll_to = Some(id);
        // A finding points here: show the item whatever the filters hide.
        state.filter = ActionFilter::All;
        state.owner = None;
        state.search.clear();
        // A due date held back is what the finding is about: the keyboard goes to it.
        if state.bad_dates.contains_key(&id) {
            state.focus = Some((id, ItemControl::Due));
        }
    }
    let written = doc.heading_of_list(List::ActionItems);
    let (_, back) = written_heading_ui(ui, written, List::ActionItems.heading(), Rank::Part);
    if back {
        edits.push(Edit::SetListHeading(List::ActionItems, String::new()));
    }
    let derived = derived(view, state);
    summary_ui(ui, &derived);
    ui.add_space(6.0);
    filters_ui(ui, &derived.owners, state);
    ui.add_space(4.0);
    ui.horizontal(|ui| {
        let add = UiCommand::AddActionItem;
        let shortcut = add
            .shortcut()
            .map(|shortcut| ui.ctx().format_shortcut(&shortcut))
            .unwrap_or_default();
        if ui
            .button(add.label())
            .on_hover_text(format!(
                "Adds an item and puts the keyboard in it ({shortcut})"
            ))
            .clicked()
        {
            edits.push(add_action_item(doc, view.today, state));
        }
        ui.weak(default_due_weeks(doc).1);
        // The selected item can be kept out of the public version.
        let selected = state.selected.and_then(|id| {
            doc.action_items
                .iter()
                .position(|item| item.id == id)
                .map(|at| (at, id))
        });
        if let Some((at, id)) = selected {
            ui.separator();
            let words = format!("action item {}", at + 1);
            internal_toggle_ui(ui, doc, InternalPart::Action(id), &words, edits);
        }
    });
    ui.add_space(4.0);
    if doc.action_items.is_empty() {
        ui.label("No action items yet.");
    } else if derived.shown.is_empty() {
        ui.label("No action item matches these filters.");
    } else {
        let table = table::ItemTable {
            doc,
            shown: &derived.shown,
            owners: &derived.suggestions,
            today: view.today,
        };
        table.show(ui, state, edits);
    }
    // Kept for the next frame, unless this frame changed what it depends on.
    state.derived = Some(derived);
    decline_ui(ui.ctx(), state, edits);
}

/// The edit that adds an action item due by the team's default, with the item selected, in
/// view whatever the filters said, and the keyboard in its action: what the Add button and
/// its shortcut both do.
pub fn add_action_item(
    doc: &Postmortem,
    today: chrono::NaiveDate,
    state: &mut ActionsState,
) -> Edit {
    let item = ActionItem {
        due: default_due_date(doc, today),
        ..ActionItem::default()
    };
    state.selected = Some(item.id);
    state.focus = Some((item.id, ItemControl::Action));
    state.scroll_to = Some(item.id);
    state.filter = ActionFilter::All;
    state.owner = None;
    state.search.clear();
    Edit::Actions(ListEdit::Push(item))
}

/// "Why won't item 3 be done?": declining an item asks for the reason, which exports and
/// the review show beside it; Cancel leaves the item as it was.
fn decline_ui(ctx: &egui::Context, state: &mut ActionsState, edits: &mut Vec<Edit>) {
    let Some(declining) = state.declining.as_mut() else {
        return;
    };
    let mut answered = None;
    let question = format!("Why won\u{2019}t item {} be done?", declining.number);
    let modal = crate::ui::accessible::dialog("decline_action", &question).show(ctx, |ui| {
        ui.set_width(460.0);
        crate::ui::accessible::heading(ui, &question);
        if !declining.action.trim().is_empty() {
            ui.add(egui::Label::new(egui::RichText::new(&declining.action).italics()).wrap());
        }
        ui.add_space(6.0);
        let field = ui.add(
            egui::TextEdit::multiline(&mut declining.reason)
                .desired_rows(3)
                .desired_width(f32::INFINITY)
                .hint_text("Covered by OPS-12; the service is being retired; \u{2026}"),
        );
        crate::ui::accessible::accessible_name(
            &field,
            egui::Role::MultilineTextInput,
            &format!("Reason for declining item {}", declining.number),
        );
        if !declining.shown {
            declining.shown = true;
            field.request_focus();
        }
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            let given = !declining.reason.trim().is_empty();
            let confirm = ui
                .add_enabled(given, egui::Button::new("Mark as Won\u{2019}t do"))
                .on_disabled_hover_text("Say why first: the reason stays with the item.");
            if confirm.clicked() {
                answered = Some(true);
            }
            if ui.button("Cancel").clicked() {
                answered = Some(false);
            }
        });
    });
    if modal.should_close() {
        answered = answered.or(Some(false));
    }
    match answered {
        Some(true) => {
            if let Some(declining) = state.declining.take() {
                edits.push(Edit::DeclineAction {
                    id: declining.id,
                    reason: declining.reason.trim().to_owned(),
                });
            }
        }
        Some(false) => state.declining = None,
        None => {}
    }
}

/// The summary, owners and listed items, recomputed only when the document or the view
/// changed since the last frame.
fn derived(view: &View<'_>, state: &mut ActionsState) -> Derived {
    let key = state.view_key(view.document.revision(), view.today);
    if let Some(derived) = state.derived.take().filter(|derived| derived.key == key) {
        return derived;
    }
    let doc = view.document.doc();
    let mut owners: Vec<String> = doc
        .action_items
        .iter()
        .map(|item| item.owner.trim())
        .filter(|owner| !owner.is_empty())
        .map(str::to_owned)
        .collect();
    owners.sort_unstable_by_key(|owner| owner.to_lowercase());
    owners.dedup();
    let mut suggestions: Vec<String> = doc
        .participants
        .iter()
        .map(|person| person.name.trim().to_owned())
        .filter(|name| !name.is_empty())
        .chain(owners.iter().cloned())
        .collect();
    suggestions.sort_unstable_by_key(|name| name.to_lowercase());
    suggestions.dedup();
    Derived {
        summary: ActionSummary::of(&doc.action_items, view.today),
        owners,
        suggestions,
        shown: visible_items(doc, state, view.today),
        key,
    }
}

/// "6 actions · 2 overdue · 1 due this week · 3 done", with the late count in the overdue
/// colour when there is any.
fn summary_ui(ui: &mut egui::Ui, derived: &Derived) {
    let text = derived.summary.to_string();
    if derived.summary.overdue > 0 {
        ui.colored_label(theme::overdue(ui.visuals()), text);
    } else {
        ui.label(text);
    }
}

fn filters_ui(ui: &mut egui::Ui, owners: &[String], state: &mut ActionsState) {
    ui.horizontal_wrapped(|ui| {
        action_filter_ui(ui, &ActionFilter::ALL, &mut state.filter);
        ui.separator();
        choice_filter_ui(ui, "Owner", "Everyone", owners, &mut state.owner);
        ui.separator();
        let search_label = ui.label("Search");
        ui.add(
            egui::TextEdit::singleline(&mut state.search)
                .desired_width(200.0)
                .hint_text("action, owner or ticket"),
        )
        .labelled_by(search_label.id);
    });
}

/// The positions of the items to list, filtered and sorted as chosen.
fn visible_items(doc: &Postmortem, state: &ActionsState, today: chrono::NaiveDate) -> Vec<usize> {
    let mut shown: Vec<usize> = doc
        .action_items
        .iter()
        .enumerate()
        .filter(|(_, item)| {
            state.filter.admits(item, today)
                && state
                    .owner
                    .as_deref()
                    .is_none_or(|owner| item.owner.trim() == owner)
                && mentions(item, &state.search)
        })
        .map(|(index, _)| index)
        .collect();
    if let Some((column, reversed)) = state.sort {
        let items = &doc.action_items;
        shown.sort_by(|a, b| {
            let order = column.compare(&items[*a], &items[*b]);
            if reversed { order.reverse() } else { order }
        });
    }
    shown
}
