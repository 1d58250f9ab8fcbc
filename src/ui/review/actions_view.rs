//! The Review part's list of every action item: the due-week chart, the filters, who owns
//! the open work, the exports, and the list itself.

use chrono::NaiveDate;

use super::state::ReviewState;
use super::{ScanOverview, chart, table};
use crate::model::ActionFilter;
use crate::review::{FolderScan, Grouping};
use crate::session::ReviewExport;
use crate::session::{Request, ReviewRequest, UiRequests};
use crate::ui::accessible::{accessible_name, announce_value};
use crate::ui::filters::{action_filter_ui, choice_filter_ui};
use crate::ui::theme;

/// How many rows of the list stay in view however small the window.
const LIST_ROWS_KEPT: f32 = 10.0;

/// Draws the action items of the scanned folder.
pub fn actions_view_ui(
    ui: &mut egui::Ui,
    scan: &FolderScan,
    state: &mut ReviewState,
    today: NaiveDate,
    requests: &mut UiRequests,
) {
    // Work over every item is done once per scan (and day), not once per frame.
    if state.overview.as_ref().is_none_or(|(day, _)| *day != today) {
        state.overview = Some((today, ScanOverview::of(&scan.items, today)));
    }
    let overview = state
        .overview
        .take()
        .map(|(_, overview)| overview)
        .unwrap_or_default();
    // The list keeps room for ten rows, its header and the export line; in a small window
    // the chart, the filters and the owner counts above it scroll in what is left.
    let row = ui.spacing().interact_size.y + 6.0;
    let list_room = row * (LIST_ROWS_KEPT + 1.0) + 3.0 * ui.spacing().interact_size.y + 24.0;
    let above_room = (ui.available_height() - list_room).max(3.0 * row);
    // Where the chart, its legend and the filters do not fit above the list, the chart says
    // its answer in one line instead of showing a sliver of its bars.
    let compact = above_room < chart::HEIGHT + 5.0 * row;
    egui::ScrollArea::vertical()
        .id_salt("review_above_list")
        .max_height(above_room)
        .auto_shrink([false, true])
        .show(ui, |ui| {
            chart::weeks_ui(ui, &overview.weeks, state, today, compact);
            ui.add_space(6.0);
            filters_ui(ui, &overview, state);
            owner_counts_ui(ui, &overview.owner_counts);
        });
    state.overview = Some((today, overview));
    state.refresh_listing(&scan.items, today);
    // Borrowed out of the state for the frame (the table changes the sort in the state), and
    // put back for the next one rather than copied every frame.
    let Some((key, listing)) = state.derived.take() else {
        return;
    };
    exports_ui(ui, &listing.listed, state, requests);
    ui.add_space(4.0);
    if listing.listed.is_empty() {
        ui.label("No action item matches these filters.");
    } else {
        table::table_ui(ui, &scan.items, &listing, state, today, requests);
    }
    state.derived = Some((key, listing));
}

/// The exports of the list, and what they will write: the selected items, or every listed
/// one.
fn exports_ui(
    ui: &mut egui::Ui,
    listed: &[usize],
    state: &mut ReviewState,
    requests: &mut UiRequests,
) {
    let selected = listed
        .iter()
        .filter(|index| state.selection.contains(index))
        .count();
    ui.horizontal_wrapped(|ui| {
        if selected > 0 {
            ui.strong(format!(
                "{selected} of {} selected \u{b7} exports write the selected items",
                listed.len()
            ));
            if ui.button("Clear selection").clicked() {
                state.selection.clear();
                state.anchor = None;
            }
        } else {
            ui.label(format!(
                "{} listed \u{b7} exports write the listed items (Ctrl+click or Shift+click to select some)",
                listed.len()
            ));
        }
        ui.separator();
        for (label, export) in [
            ("Export CSV\u{2026}", ReviewExport::Csv),
            ("Export Markdown\u{2026}", ReviewExport::Markdown),
            ("GitHub issues script\u{2026}", ReviewExport::GhScript),
            ("Jira CSV\u{2026}", ReviewExport::JiraCsv),
        ] {
            let button = ui.button(label);
            let button = if matches!(export, ReviewExport::GhScript | ReviewExport::JiraCsv) {
                button.on_hover_text(
                    "Only open items without a ticket; owners are mapped by owners.toml at the folder\u{2019}s root",
                )
            } else {
                button
            };
            if button.clicked() {
                requests.push(Request::Review(ReviewRequest::Export(export)));
            }
        }
    });
}

fn filters_ui(ui: &mut egui::Ui, overview: &ScanOverview, state: &mut ReviewState) {
    ui.horizontal_wrapped(|ui| {
        let filters = [
            ActionFilter::All,
            ActionFilter::Overdue,
            ActionFilter::DueSoon,
            ActionFilter::Open,
            ActionFilter::Done,
        ];
        action_filter_ui(ui, &filters, &mut state.query.filter);
        ui.separator();
        choice_filter_ui(
            ui,
            "Owner",
            "Everyone",
            &overview.owners,
            &mut state.query.owner,
        );
        choice_filter_ui(
            ui,
            "Severity",
            "Any",
            &overview.severities,
            &mut state.query.severity,
        );
        if !overview.tags.is_empty() || state.query.tag.is_some() {
            choice_filter_ui(ui, "Tag", "Any", &overview.tags, &mut state.query.tag);
        }
        let label = ui.label("Group by");
        let grouped_by = match state.query.grouping {
            Grouping::None => "Nothing",
            Grouping::Owner => "Owner",
            Grouping::Incident => "Incident",
        };
        let combo = egui::ComboBox::from_id_salt("review_grouping")
            .selected_text(grouped_by)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut state.query.grouping, Grouping::None, "Nothing");
                ui.selectable_value(&mut state.query.grouping, Grouping::Owner, "Owner");
                ui.selectable_value(&mut state.query.grouping, Grouping::Incident, "Incident");
            })
            .response
            .labelled_by(label.id);
        announce_value(&combo, grouped_by);
        if let Some(week) = state.query.week {
            let clear = ui.button(format!("Week of {} \u{d7}", week.format("%Y-%m-%d")));
            accessible_name(&clear, egui::Role::Button, "Show every week");
            if clear.clicked() {
                state.query.week = None;
            }
        }
    });
}

/// "Priya L.: 2 open, 1 overdue · Bob M.: 1 open": who owns the open work.
fn owner_counts_ui(ui: &mut egui::Ui, counts: &[crate::review::OwnerCount]) {
    ui.horizontal_wrapped(|ui| {
        for count in counts {
            let (owner, open, overdue) = (&count.owner, count.open, count.overdue);
            let text = if overdue > 0 {
                format!("{owner}: {open} open, {overdue} overdue")
            } else {
                format!("{owner}: {open} open")
            };
            if overdue > 0 {
                ui.colored_label(theme::overdue(ui.visuals()), text);
            } else {
                ui.label(text);
            }
            ui.add_space(6.0);
        }
    });
}
