//! Review across postmortems: every action item of a folder, what is late, who owns what.

mod chart;
mod state;
mod table;

pub use state::ReviewState;

use chrono::NaiveDate;

use super::accessible::{accessible_name, announce_value};
use super::filters::{action_filter_ui, choice_filter_ui};
use super::{ReviewExport, ReviewRequest, UiRequests, theme};
use crate::model::ActionFilter;
use crate::review::{Grouping, ReviewItem};
use crate::session::ReviewSession;

/// What the view shows about all the items, whatever the filters.
#[derive(Debug, Default)]
pub struct ScanOverview {
    /// Open items per week of their due date, and how many of them are overdue.
    weeks: std::collections::BTreeMap<NaiveDate, (usize, usize)>,
    /// The owners, sorted, each once.
    owners: Vec<String>,
    /// The severities, sorted, each once.
    severities: Vec<String>,
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
    ui.horizontal(|ui| {
        ui.heading("Review");
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
            requests.review = Some(ReviewRequest::Refresh);
        }
        if ui.button("Export CSV\u{2026}").clicked() {
            requests.review = Some(ReviewRequest::Export(ReviewExport::Csv));
        }
        if ui.button("Export Markdown\u{2026}").clicked() {
            requests.review = Some(ReviewRequest::Export(ReviewExport::Markdown));
        }
        ui.separator();
        // The listed open items without a ticket, for the team's tracker.
        if ui.button("GitHub issues script\u{2026}").clicked() {
            requests.review = Some(ReviewRequest::Export(ReviewExport::GhScript));
        }
        if ui.button("Jira CSV\u{2026}").clicked() {
            requests.review = Some(ReviewRequest::Export(ReviewExport::JiraCsv));
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
    // Work over every item is done once per scan (and day), not once per frame.
    if state.overview.as_ref().is_none_or(|(day, _)| *day != today) {
        state.overview = Some((today, ScanOverview::of(&scan.items, today)));
    }
    let overview = state
        .overview
        .take()
        .map(|(_, overview)| overview)
        .unwrap_or_default();
    chart::weeks_ui(ui, &overview.weeks, state, today);
    ui.add_space(4.0);
    filters_ui(ui, &overview, state);
    owner_counts_ui(ui, &overview.owner_counts);
    state.overview = Some((today, overview));
    ui.add_space(4.0);
    state.listed_cached(&scan.items, today);
    // Borrowed out of the state for the frame (the table changes the sort in the state), and
    // put back for the next one rather than copied every frame.
    let Some((key, listed)) = state.derived.take() else {
        return;
    };
    if listed.is_empty() {
        ui.label("No action item matches these filters.");
    } else {
        table::table_ui(ui, &scan.items, &listed, state, today, requests);
    }
    state.derived = Some((key, listed));
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
            requests.review = Some(ReviewRequest::Cancel);
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
                ui.weak(text);
            }
        }
    });
}
