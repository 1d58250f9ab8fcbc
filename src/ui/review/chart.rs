//! Open action items on a due-date axis, one bar per week: where the load is and where it
//! slipped. Counts stand on the bars, weeks are labelled (with the year where it changes),
//! the axis is numbered and today is marked. Clicking a week filters the list to it.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use chrono::{Datelike, NaiveDate};

use super::bars::{Chart, END_SLOT, WEEK_SLOT, axis, bar_ui, date_label, label_step, legend_ui};
use super::chart_ends::{self, EndBar};
use super::state::ReviewState;
use crate::model::Due;
use crate::review::{DueColumns, ReviewItem, due_columns, week_of};
use crate::ui::accessible::{accessible_name, describe};
use crate::ui::theme;

/// How tall the drawn chart is.
pub const HEIGHT: f32 = 170.0;
/// More weeks than this are not told apart at a glance.
const MAX_WEEKS: usize = 40;
/// Room for the axis numbers at the left.
const AXIS: f32 = 30.0;
/// The least room a week label needs, so labels never run into each other.
const LABEL_ROOM: f32 = 52.0;
/// Draws the chart of open items by week of their due date, folded away when the person
/// folded it. Everything due before the weeks shown is in one bar at the left ("Overdue"),
/// everything after in one at the right ("Later"); the wheel, a drag or the arrow keys move
/// the weeks, Home brings back this week.
#[expect(
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    reason = "a count of week columns, small and positive, from a width"
)]
pub fn weeks_ui(
    ui: &mut egui::Ui,
    weeks: &BTreeMap<NaiveDate, (usize, usize)>,
    state: &mut ReviewState,
    today: NaiveDate,
    compact: bool,
) {
    let header = egui::CollapsingHeader::new("Open action items by week due")
        .id_salt("due_week_chart")
        .open(Some(!state.chart_folded))
        .show(ui, |ui| {
            if weeks.is_empty() {
                ui.weak("No open action item has a due date.");
                return;
            }
            if compact {
                compact_ui(ui, weeks, today);
                return;
            }
            ui.horizontal(|ui| {
                legend_ui(
                    ui,
                    &[
                        ("open", theme::chart_bar(ui.visuals())),
                        ("overdue", theme::overdue(ui.visuals())),
                    ],
                );
                ui.weak("Wheel, drag or the arrow keys move the weeks; Home shows this week.");
            });
            let width = ui.available_width();
            let count = (((width - AXIS - 8.0 - 2.0 * END_SLOT) / WEEK_SLOT)
                .floor()
                .max(1.0) as usize)
                .min(MAX_WEEKS);
            chart_body_ui(ui, weeks, state, today, count);
        });
    if header.header_response.clicked() {
        state.chart_folded = !state.chart_folded;
    }
    // A screen reader says whether the chart is shown or folded away.
    let expanded = !state.chart_folded;
    ui.ctx()
        .accesskit_node_builder(header.header_response.id, |node| {
            node.set_expanded(expanded);
        });
}

/// The chart's answer in one line, for a window too small to draw it beside the list: what
/// is overdue, what is due in the next four weeks, and what comes later.
fn compact_ui(ui: &mut egui::Ui, weeks: &BTreeMap<NaiveDate, (usize, usize)>, today: NaiveDate) {
    // A week counts as soon when it starts within four weeks of today.
    let soon_end = today + chrono::Days::new(4 * 7);
    let overdue: usize = weeks.values().map(|(_, overdue)| overdue).sum();
    let (mut soon, mut later) = (0, 0);
    for (week, (open, overdue)) in weeks {
        let waiting = open - overdue;
        if *week >= soon_end {
            later += waiting;
        } else {
            soon += waiting;
        }
    }
    ui.horizontal_wrapped(|ui| {
        let overdue_text = format!("{overdue} overdue");
        if overdue > 0 {
            ui.colored_label(
                theme::overdue(ui.visuals()),
                egui::RichText::new(overdue_text).strong(),
            );
        } else {
            ui.strong(overdue_text);
        }
        ui.label(format!(
            "\u{b7} {soon} due in the next four weeks \u{b7} {later} due later"
        ));
        ui.weak("(a taller window shows the chart)");
    });
}

/// The chart itself, `count` weeks wide.
#[expect(
    clippy::cast_precision_loss,
    reason = "week and item counts are small; they only scale bars"
)]
fn chart_body_ui(
    ui: &mut egui::Ui,
    weeks: &BTreeMap<NaiveDate, (usize, usize)>,
    state: &mut ReviewState,
    today: NaiveDate,
    count: usize,
) {
    let this_week = week_of(today);
    let columns = due_columns(weeks, this_week, state.chart_offset, count);
    let tallest = tallest_of(&columns);
    let (rect, response) = ui.allocate_exact_size(
        egui::vec2(ui.available_width(), HEIGHT),
        egui::Sense::click_and_drag(),
    );
    accessible_name(
        &response,
        egui::Role::Image,
        "Chart of open action items by week due",
    );
    describe(&response, &summary(&columns, today));
    chart_ends::move_weeks(ui, &response, state);
    let visuals = ui.visuals().clone();
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 4.0, visuals.extreme_bg_color);
    if response.has_focus() {
        painter.rect_stroke(
            rect,
            4.0,
            visuals.selection.stroke,
            egui::StrokeKind::Inside,
        );
    }
    let plot = egui::Rect::from_min_max(
        egui::pos2(rect.left() + AXIS, rect.top() + 22.0),
        egui::pos2(rect.right() - 8.0, rect.bottom() - 32.0),
    );
    axis(&painter, plot, tallest, &visuals);

    let before_name = if columns.before_is_overdue {
        "Overdue"
    } else {
        "Earlier"
    };
    let chart = Chart {
        painter: &painter,
        plot,
        tallest,
        visuals: &visuals,
    };
    chart_ends::end_bar_ui(
        ui,
        &chart,
        plot.left(),
        (EndBar::Before(before_name), columns.before),
        state,
    );

    let weeks_left = plot.left() + END_SLOT;
    let label_every = label_step(LABEL_ROOM, WEEK_SLOT);
    let mut last_labelled_year = None;
    for (column, (week, counts)) in columns.weeks.iter().enumerate() {
        let left = weeks_left + WEEK_SLOT * column as f32;
        let bar = bar_ui(
            &painter,
            plot,
            (left, WEEK_SLOT),
            (counts.open, counts.overdue),
            (tallest, state.query.week == Some(*week)),
            &visuals,
        );
        if column % label_every == 0 {
            date_label(
                &painter,
                plot,
                (left, WEEK_SLOT),
                (*week, "%b %-d"),
                &mut last_labelled_year,
                visuals.text_color(),
            );
        }
        if *week == this_week {
            today_line(&painter, plot, left, WEEK_SLOT, today, &visuals);
        }
        week_button_ui(
            ui,
            state,
            *week,
            (counts.open, counts.overdue),
            bar.with_min_y(plot.top()),
        );
    }

    let later_left = weeks_left + WEEK_SLOT * columns.weeks.len() as f32;
    let next_later = columns
        .next_later_week
        .map(|week| (week - this_week).num_weeks());
    chart_ends::end_bar_ui(
        ui,
        &chart,
        later_left,
        (EndBar::Later(next_later), columns.later),
        state,
    );
    today_note(&painter, rect, &columns, today, &visuals);
}

/// The most items in any one column, at least one.
fn tallest_of(columns: &DueColumns) -> usize {
    columns
        .weeks
        .iter()
        .map(|(_, counts)| counts.open)
        .chain([columns.before.open, columns.later.open])
        .max()
        .unwrap_or(1)
        .max(1)
}

/// A week's bar as a control: named with its counts, clicked to list only that week.
fn week_button_ui(
    ui: &egui::Ui,
    state: &mut ReviewState,
    week: NaiveDate,
    (open, overdue): (usize, usize),
    rect: egui::Rect,
) {
    // In the Tab order, so the keyboard can list one week too (Enter or Space clicks).
    let response = ui.interact(
        rect,
        ui.scope_id().with(("week", week)),
        egui::Sense::click(),
    );
    if response.has_focus() {
        ui.painter().rect_stroke(
            rect,
            2.0,
            ui.visuals().selection.stroke,
            egui::StrokeKind::Outside,
        );
    }
    let words = format!(
        "Week of {}: {open} open, {overdue} overdue",
        week.format("%Y-%m-%d")
    );
    accessible_name(&response, egui::Role::Button, &words);
    let clicked = response.clicked();
    response.on_hover_text(format!("{words}. Click to list only this week."));
    if clicked {
        state.query.week = if state.query.week == Some(week) {
            None
        } else {
            Some(week)
        };
    }
}

/// A line at today's place in its week, with the word above it.
#[expect(
    clippy::cast_precision_loss,
    reason = "a weekday number, 0 to 6, only places a line"
)]
fn today_line(
    painter: &egui::Painter,
    plot: egui::Rect,
    left: f32,
    slot: f32,
    today: NaiveDate,
    visuals: &egui::Visuals,
) {
    let into_week = (today.weekday().num_days_from_monday() as f32 + 0.5) / 7.0;
    let x = left + slot * into_week;
    let colour = theme::due_soon(visuals);
    painter.vline(
        x,
        plot.top() - 4.0..=plot.bottom(),
        egui::Stroke::new(2.0, colour),
    );
    painter.text(
        egui::pos2(x, plot.top() - 6.0),
        egui::Align2::CENTER_BOTTOM,
        "today",
        egui::FontId::proportional(11.0),
        colour,
    );
}

/// What the chart shows, in words, for a screen reader.
fn summary(columns: &DueColumns, today: NaiveDate) -> String {
    let first = columns.weeks.first().map(|(week, _)| *week);
    let last = columns.weeks.last().map(|(week, _)| *week);
    let open: usize = columns.weeks.iter().map(|(_, counts)| counts.open).sum();
    let overdue: usize = columns.weeks.iter().map(|(_, counts)| counts.overdue).sum();
    let mut text = format!(
        "{} overdue before the weeks shown. {} weeks from {} to {}: {open} open items, \
         {overdue} overdue.",
        columns.before.overdue,
        columns.weeks.len(),
        first.map_or_else(String::new, |week| week.to_string()),
        last.map_or_else(String::new, |week| week.to_string()),
    );
    let busiest = columns
        .weeks
        .iter()
        .filter(|(_, counts)| counts.open > 0)
        .max_by_key(|(week, counts)| (counts.open, std::cmp::Reverse(*week)));
    if let Some((week, counts)) = busiest {
        let _ = write!(text, " Busiest: the week of {week}, {} due.", counts.open);
    }
    let _ = write!(text, " {} due later. Today is {today}.", columns.later.open);
    text
}

/// Per week (its Monday): open items, and how many of them are overdue.
pub(super) fn open_by_week(
    items: &[ReviewItem],
    today: NaiveDate,
) -> BTreeMap<NaiveDate, (usize, usize)> {
    let mut weeks: BTreeMap<NaiveDate, (usize, usize)> = BTreeMap::new();
    for entry in items {
        let Some(due) = entry.item.due.filter(|_| entry.item.status.is_open()) else {
            continue;
        };
        let counts = weeks.entry(week_of(due)).or_default();
        counts.0 += 1;
        if matches!(Due::of(&entry.item, today), Due::Overdue(_)) {
            counts.1 += 1;
        }
    }
    weeks
}

/// When this week is not among the weeks shown, says so in the corner, and how to get back.
fn today_note(
    painter: &egui::Painter,
    rect: egui::Rect,
    columns: &DueColumns,
    today: NaiveDate,
    visuals: &egui::Visuals,
) {
    let this_week = week_of(today);
    let (Some((first, _)), Some((last, _))) = (columns.weeks.first(), columns.weeks.last()) else {
        return;
    };
    if (*first..=*last).contains(&this_week) {
        return;
    }
    let side = if this_week < *first {
        "before"
    } else {
        "after"
    };
    painter.text(
        egui::pos2(rect.right() - 6.0, rect.top() + 4.0),
        egui::Align2::RIGHT_TOP,
        format!(
            "Today ({}) is {side} these weeks \u{2014} Home brings it back",
            today.format("%Y-%m-%d")
        ),
        egui::FontId::proportional(11.0),
        theme::due_soon(visuals),
    );
}
