//! Review across postmortems: every action item of a folder, what the incidents add up to,
//! which postmortems are late for review, and a search through all of them.

mod actions_view;
mod bars;
mod chart;
mod chart_ends;
mod late_view;
mod no_folder;
mod search_view;
mod state;
mod stats_charts;
mod stats_view;
mod table;

pub use no_folder::no_folder_ui;
pub use state::{ReviewState, ReviewView};

use chrono::NaiveDate;

use crate::review::ReviewItem;
use crate::session::ReviewSession;
use crate::session::{Request, ReviewRequest, UiRequests};

/// What the view shows about all the items, whatever the filters.
#[derive(Debug, Default)]
pub struct ScanOverview {
    /// Open items per week of their due date, and how many of them are overdue.
    weeks: std::collections::BTreeMap<NaiveDate, (usize, usize)>,
    /// The owners, sorted, each once.
    owners: Vec<String>,
    /// The severities, sorted, each once.
    severities: Vec<String>,
    /// The tags of the incidents, sorted, each once.
    tags: Vec<String>,
    /// Open and overdue counts per owner, worst first.
    owner_counts: Vec<crate::review::OwnerCount>,
}

impl ScanOverview {
    fn of(items: &[ReviewItem], today: NaiveDate) -> Self {
        let owners = crate::review::owners(items);
        let mut severities: Vec<String> = items
            .iter()
            .filter_map(|entry| entry.severity.clone())
            .collect();
        severities.sort_unstable();
        severities.dedup();
        Self {
            weeks: chart::open_by_week(items, today),
            owners,
            severities,
            tags: crate::review::tags(items),
            owner_counts: crate::review::owner_summary(items, today),
        }
    }
}

/// Draws the review of a folder.
pub fn review_ui(
    ui: &mut egui::Ui,
    session: &ReviewSession,
    state: &mut ReviewState,
    today: NaiveDate,
    requests: &mut UiRequests,
) {
    if ui.input_mut(|input| {
        input.consume_key(
            egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
            egui::Key::F,
        )
    }) {
        state.view = ReviewView::Search;
        state.focus_search = true;
    }
    ui.horizontal(|ui| {
        crate::ui::accessible::heading(ui, "Review");
        ui.weak(session.folder.display().to_string());
    });
    if session.scanning() {
        progress_ui(ui, session, requests);
    }
    if let Some(error) = &session.error {
        ui.colored_label(ui.visuals().error_fg_color, error);
    }
    let Some(scan) = &session.scan else {
        return;
    };
    ui.horizontal_wrapped(|ui| {
        let read_at = session.read_at.map_or_else(String::new, |at| {
            format!("Read at {} \u{b7} ", at.format("%H:%M"))
        });
        ui.label(format!(
            "{read_at}{} postmortems \u{b7} {} action items{}",
            scan.postmortems,
            scan.items.len(),
            if scan.cancelled {
                " \u{b7} stopped before the end"
            } else {
                ""
            }
        ));
        if !scan.not_postmortems.is_empty() {
            ui.weak(format!(
                "\u{b7} {} RON files skipped (not postmortems)",
                scan.not_postmortems.len()
            ));
        }
        if ui
            .add_enabled(!session.scanning(), egui::Button::new("Refresh"))
            .clicked()
        {
            requests.push(Request::Review(ReviewRequest::Refresh));
        }
    });
    if !scan.unreadable.is_empty() {
        egui::CollapsingHeader::new(
            egui::RichText::new(format!("{} files could not be read", scan.unreadable.len()))
                .color(ui.visuals().error_fg_color),
        )
        .id_salt("unreadable_files")
        .show(ui, |ui| {
            for (_, error) in &scan.unreadable {
                ui.label(error);
            }
        });
    }
    ui.add_space(4.0);
    tabs_ui(ui, session, state);
    ui.separator();
    match state.view {
        ReviewView::Actions => actions_view::actions_view_ui(ui, scan, state, today, requests),
        ReviewView::Stats => stats_view::stats_view_ui(ui, session, state, today, requests),
        ReviewView::LateReviews => late_view::late_view_ui(ui, session, requests),
        ReviewView::Search => search_view::search_view_ui(ui, session, state, requests),
    }
}

/// Action items · Stats · Late reviews (3) · Search.
fn tabs_ui(ui: &mut egui::Ui, session: &ReviewSession, state: &mut ReviewState) {
    let late = session
        .all_time_stats()
        .map(|answer| answer.stats.late_reviews.len());
    // A tab list of tabs, so a screen reader says "tab 2 of 4, selected" rather than
    // "toggle button".
    let builder = egui::UiBuilder::new()
        .accessibility_role(egui::Role::TabList)
        .accessibility_label("Review views");
    ui.horizontal(|ui| {
        ui.scope_builder(builder, |ui| {
            let tabs = [
                (ReviewView::Actions, "Action items".to_owned()),
                (ReviewView::Stats, "Stats".to_owned()),
                (
                    ReviewView::LateReviews,
                    late.map_or_else(
                        || "Late reviews".to_owned(),
                        |count| format!("Late reviews ({count})"),
                    ),
                ),
                (ReviewView::Search, "Search".to_owned()),
            ];
            for (view, label) in tabs {
                let selected = state.view == view;
                let tab = ui.selectable_label(selected, egui::RichText::new(&label).strong());
                tab.widget_info(|| {
                    egui::WidgetInfo::selected(egui::Role::Tab, true, selected, label.as_str())
                });
                // A tab is read as selected, not as pressed.
                tab.ctx
                    .accesskit_node_builder(tab.id, |node| node.set_selected(selected));
                let tab = if view == ReviewView::Search {
                    tab.on_hover_text("Search every postmortem of the folder (Ctrl+Shift+F)")
                } else {
                    tab
                };
                if tab.clicked() {
                    state.view = view;
                    state.focus_search = view == ReviewView::Search;
                }
            }
        })
    });
}

fn progress_ui(ui: &mut egui::Ui, session: &ReviewSession, requests: &mut UiRequests) {
    use std::sync::atomic::Ordering;
    let found = session.progress.found.load(Ordering::Relaxed);
    let read = session.progress.read.load(Ordering::Relaxed);
    ui.horizontal(|ui| {
        let fraction = if found == 0 {
            0.0
        } else {
            read as f32 / found as f32
        };
        ui.add(
            egui::ProgressBar::new(fraction)
                .desired_width(320.0)
                .text(format!("{read} of {found} files read")),
        );
        if ui.button("Cancel").clicked() {
            requests.push(Request::Review(ReviewRequest::Cancel));
        }
    });
}
