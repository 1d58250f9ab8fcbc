//! What the folder's incidents add up to, for a period: charts first, then the figures as
//! tables (the same figures `hindsight stats` prints), and the export for a spreadsheet.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::state::{ReviewState, ReviewView};
use super::stats_charts::{durations_ui, months_ui};
use crate::model::format_minutes;
use crate::model::plural;
use crate::review::Stats;
use crate::session::{Request, ReviewRequest, UiRequests};
use crate::session::{ReviewExport, ReviewSession, StatsPeriod};
use crate::ui::accessible::announce_value;
use crate::ui::theme;

/// How many names a count table lists before "and N more".
const LISTED: usize = 12;

/// Draws the Stats view.
pub fn stats_view_ui(
    ui: &mut egui::Ui,
    session: &ReviewSession,
    state: &mut ReviewState,
    today: NaiveDate,
    requests: &mut UiRequests,
) {
    let shown = match &session.stats {
        Some(Ok(answer)) => Some(answer),
        _ => None,
    };
    let pending = session.stats_pending.as_ref().map(|(period, _)| *period);
    let current =
        shown.is_some_and(|answer| answer.period == state.period && answer.today == today);
    if !current
        && pending != Some(state.period)
        && !requests.asked(|request| matches!(request, Request::Review(_)))
        && !session.scanning()
    {
        requests.push(Request::Review(ReviewRequest::Stats(state.period)));
    }
    ui.horizontal(|ui| {
        let label = ui.label("Period");
        let combo = egui::ComboBox::from_id_salt("stats_period")
            .selected_text(state.period.label())
            .show_ui(ui, |ui| {
                for period in StatsPeriod::ALL {
                    ui.selectable_value(&mut state.period, period, period.label());
                }
            })
            .response
            .labelled_by(label.id);
        announce_value(&combo, state.period.label());
        let (since, until) = state.period.range(today);
        if let (Some(since), Some(until)) = (since, until) {
            ui.weak(format!("{since} to {until}"));
        }
        if pending.is_some() {
            ui.spinner();
        }
        if ui
            .add_enabled(
                shown.is_some(),
                egui::Button::new("Export stats CSV\u{2026}"),
            )
            .clicked()
        {
            requests.push(Request::Review(ReviewRequest::Export(
                ReviewExport::StatsCsv,
            )));
        }
    });
    if let Some(Err(reason)) = &session.stats {
        ui.colored_label(ui.visuals().error_fg_color, reason.to_string());
        return;
    }
    let Some(answer) = shown else {
        ui.weak("Counting\u{2026}");
        return;
    };
    let figures = &answer.stats;
    ui.add_space(4.0);
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            headline_ui(ui, figures, answer.period, state);
            ui.add_space(8.0);
            if figures.incidents == 0 {
                return;
            }
            months_ui(ui, figures);
            ui.add_space(10.0);
            durations_ui(ui, figures);
            ui.add_space(10.0);
            tables_ui(ui, figures);
        });
}

/// "42 incidents · 18 of 96 action items open, 5 overdue · 3 postmortems late for review".
fn headline_ui(ui: &mut egui::Ui, figures: &Stats, period: StatsPeriod, view: &mut ReviewState) {
    let stats = figures;
    let actions = &stats.actions;
    ui.horizontal_wrapped(|ui| {
        crate::ui::accessible::heading(ui, plural(stats.incidents, "incident"));
        ui.label(format!("({})", period.label().to_lowercase()));
        ui.separator();
        ui.label(format!(
            "{} of {} action items open",
            actions.open, actions.total
        ));
        if actions.overdue > 0 {
            ui.colored_label(
                theme::overdue(ui.visuals()),
                format!("{} overdue", actions.overdue),
            );
        }
        if let Some(median) = stats.durations.resolve.all.median_minutes {
            ui.separator();
            ui.label(format!("median time to resolve {}", format_minutes(median)));
        }
        if !stats.late_reviews.is_empty() {
            ui.separator();
            let late = ui.link(format!(
                "{} late for review",
                plural(stats.late_reviews.len(), "postmortem")
            ));
            if late.clicked() {
                view.view = ReviewView::LateReviews;
            }
        }
    });
}

/// The figures as tables, side by side where there is room.
fn tables_ui(ui: &mut egui::Ui, stats: &Stats) {
    durations_table_ui(ui, stats);
    ui.add_space(10.0);
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 28.0;
        counts_ui(ui, "By severity", "Severity", &stats.by_severity, false);
        counts_ui(ui, "By service", "Service", &stats.by_service, true);
        counts_ui(ui, "By type", "Type", &stats.by_type, true);
        if !stats.by_tag.is_empty() {
            counts_ui(ui, "By tag", "Tag", &stats.by_tag, true);
        }
    });
    ui.add_space(10.0);
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 28.0;
        counts_ui(
            ui,
            "Services in more than one incident",
            "Service",
            &stats.recurring.services,
            true,
        );
        counts_ui(
            ui,
            "Tags in more than one incident",
            "Tag",
            &stats.recurring.tags,
            true,
        );
        actions_ui(ui, stats);
        counts_ui(
            ui,
            "Open action items by owner",
            "Owner",
            &stats.actions.open_by_owner,
            true,
        );
    });
}

fn durations_table_ui(ui: &mut egui::Ui, stats: &Stats) {
    ui.strong("Durations by severity (from the start of impact)");
    egui::Grid::new("durations_table")
        .num_columns(6)
        .striped(true)
        .spacing([18.0, 4.0])
        .show(ui, |ui| {
            for heading in [
                "Step",
                "Severity",
                "Median",
                "90th percentile",
                "Incidents",
                "Without the times",
            ] {
                ui.strong(heading);
            }
            ui.end_row();
            for (name, duration) in stats.durations.each() {
                let rows = std::iter::once(("all", &duration.all)).chain(
                    duration
                        .by_severity
                        .iter()
                        .map(|(level, spread)| (level.as_str(), spread)),
                );
                for (level, spread) in rows {
                    if level == "all" {
                        ui.label(name);
                    } else {
                        // A blank under the step's name, without an empty label for
                        // a screen reader to stop at.
                        ui.allocate_space(egui::Vec2::ZERO);
                    }
                    ui.label(if level == "all" { "every level" } else { level });
                    let text = |value: Option<f64>| {
                        value.map_or_else(|| "\u{2014}".to_owned(), format_minutes)
                    };
                    ui.label(text(spread.median_minutes));
                    ui.label(text(spread.p90_minutes));
                    ui.label(spread.count.to_string());
                    ui.label(spread.missing.to_string());
                    ui.end_row();
                }
            }
        });
}

/// A two-column table of names and counts, most first; long ones list the first
/// [`LISTED`] and say how many more.
fn counts_ui(
    ui: &mut egui::Ui,
    title: &str,
    column: &str,
    counts: &BTreeMap<String, usize>,
    most_first: bool,
) {
    ui.vertical(|ui| {
        ui.strong(title);
        if counts.is_empty() {
            ui.weak("none");
            return;
        }
        let mut rows: Vec<(&String, &usize)> = counts.iter().collect();
        if most_first {
            rows.sort_by(|a, b| b.1.cmp(a.1).then_with(|| a.0.cmp(b.0)));
        }
        egui::Grid::new(("counts", title))
            .num_columns(2)
            .striped(true)
            .spacing([16.0, 3.0])
            .show(ui, |ui| {
                ui.weak(column);
                // Every table counts incidents but the owners', which counts open items.
                ui.weak(if column == "Owner" {
                    "Open items"
                } else {
                    "Incidents"
                });
                ui.end_row();
                for (name, count) in rows.iter().take(LISTED) {
                    ui.label(name.as_str());
                    ui.label(count.to_string());
                    ui.end_row();
                }
            });
        if rows.len() > LISTED {
            ui.weak(format!(
                "and {} more (Export stats CSV lists them all)",
                rows.len() - LISTED
            ));
        }
    });
}

fn actions_ui(ui: &mut egui::Ui, stats: &Stats) {
    let actions = &stats.actions;
    ui.vertical(|ui| {
        ui.strong("Action items");
        egui::Grid::new("action_figures")
            .num_columns(2)
            .striped(true)
            .spacing([16.0, 3.0])
            .show(ui, |ui| {
                let median = actions
                    .median_days_to_done
                    .map_or_else(|| "\u{2014}".to_owned(), |days| format!("{days:.0}"));
                for (name, value) in [
                    ("Total", actions.total.to_string()),
                    ("Open", actions.open.to_string()),
                    ("Overdue", actions.overdue.to_string()),
                    ("Done", actions.done.to_string()),
                    ("Declined", actions.declined.to_string()),
                    ("Median days from incident to done", median),
                ] {
                    ui.label(name);
                    ui.label(value);
                    ui.end_row();
                }
            });
    });
}
