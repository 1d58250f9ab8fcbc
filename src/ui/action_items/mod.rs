//! The action-item tracker: what will be done, by whom, by when, and what is late.

mod state;
mod table;

pub use state::ActionsState;

use super::{View, theme};
use crate::model::{
    ActionFilter, ActionItem, ActionSummary, Edit, ListEdit, Place, Postmortem, default_due_date,
    default_due_weeks, mentions,
};

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
    }
    ui.heading("Action items");
    summary_ui(ui, doc, view.today);
    ui.add_space(6.0);
    filters_ui(ui, doc, state);
    ui.add_space(4.0);
    ui.horizontal(|ui| {
        if ui.button("Add action item").clicked() {
            let item = ActionItem {
                due: default_due_date(doc, view.today),
                ..ActionItem::default()
            };
            state.selected = Some(item.id);
            state.focus = Some(item.id);
            state.scroll_to = Some(item.id);
            // A new item must be visible, whatever the filters say.
            state.filter = ActionFilter::All;
            state.owner = None;
            state.search.clear();
            edits.push(Edit::Actions(ListEdit::Push(item)));
        }
        ui.weak(default_due_weeks(doc).1);
    });
    ui.add_space(4.0);
    let shown = visible_items(doc, state, view.today);
    if doc.action_items.is_empty() {
        ui.label("No action items yet.");
    } else if shown.is_empty() {
        ui.label("No action item matches these filters.");
    } else {
        table::table_ui(ui, doc, &shown, state, view.today, edits);
    }
}

/// "6 actions · 2 overdue · 1 due this week · 3 done", with the late count in the overdue
/// colour when there is any.
fn summary_ui(ui: &mut egui::Ui, doc: &Postmortem, today: chrono::NaiveDate) {
    let summary = ActionSummary::of(&doc.action_items, today);
    let text = summary.to_string();
    if summary.overdue > 0 {
        ui.colored_label(theme::overdue(ui.visuals()), text);
    } else {
        ui.label(text);
    }
}

fn filters_ui(ui: &mut egui::Ui, doc: &Postmortem, state: &mut ActionsState) {
    ui.horizontal_wrapped(|ui| {
        for filter in ActionFilter::ALL {
            if ui
                .selectable_label(state.filter == filter, filter.label())
                .clicked()
            {
                state.filter = filter;
            }
        }
        ui.separator();
        let owner_label = ui.label("Owner");
        let mut owners: Vec<&str> = doc
            .action_items
            .iter()
            .map(|item| item.owner.trim())
            .filter(|owner| !owner.is_empty())
            .collect();
        owners.sort_unstable_by_key(|owner| owner.to_lowercase());
        owners.dedup();
        egui::ComboBox::from_id_salt("owner_filter")
            .selected_text(state.owner.as_deref().unwrap_or("Everyone"))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut state.owner, None, "Everyone");
                for owner in owners {
                    ui.selectable_value(&mut state.owner, Some(owner.to_owned()), owner);
                }
            })
            .response
            .labelled_by(owner_label.id);
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
