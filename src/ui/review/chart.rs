//! Open action items on a due-date axis, one bar per week: where the load is and where it
//! slipped. Clicking a week filters the list to it.

use std::collections::BTreeMap;

use chrono::{Days, NaiveDate};

use super::state::ReviewState;
use crate::model::Due;
use crate::review::{ReviewItem, week_of};
use crate::ui::accessible::accessible_name;
use crate::ui::theme;

const HEIGHT: f32 = 110.0;
/// More weeks than this are not told apart at a glance; the chart keeps the ones nearest today.
const MAX_WEEKS: usize = 40;

/// Draws the chart of open items by week of their due date.
#[expect(
    clippy::cast_precision_loss,
    reason = "week and item counts are small; they only scale bars"
)]
pub fn weeks_ui(
    ui: &mut egui::Ui,
    weeks: &BTreeMap<NaiveDate, (usize, usize)>,
    state: &mut ReviewState,
    today: NaiveDate,
) {
    if weeks.is_empty() {
        ui.weak("No open action item has a due date.");
        return;
    }
    let this_week = week_of(today);
    let columns = shown_weeks(weeks, this_week);
    let tallest = weeks
        .values()
        .map(|(open, _)| *open)
        .max()
        .unwrap_or(1)
        .max(1);

    let (rect, response) = ui.allocate_exact_size(
        egui::vec2(ui.available_width(), HEIGHT),
        egui::Sense::click(),
    );
    accessible_name(&response, egui::Role::Image, "Open action items by week");
    let visuals = ui.visuals().clone();
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 4.0, visuals.extreme_bg_color);
    let plot = rect.shrink2(egui::vec2(10.0, 18.0));
    // Bars no wider than a thumb: four weeks should not look like a wall.
    let slot = (plot.width() / columns.len() as f32).min(56.0);
    let font = egui::FontId::proportional(10.0);
    let mut hovered = None;
    for (column, week) in columns.iter().enumerate() {
        let (open, overdue) = weeks.get(week).copied().unwrap_or_default();
        let left = plot.left() + slot * column as f32;
        let bar_width = (slot - 4.0).max(2.0);
        let height = |count: usize| plot.height() * count as f32 / tallest as f32;
        let bottom = plot.bottom();
        let selected = state.query.week == Some(*week);
        let bar = egui::Rect::from_min_max(
            egui::pos2(left + 2.0, bottom - height(open)),
            egui::pos2(left + 2.0 + bar_width, bottom),
        );
        painter.rect_filled(
            bar,
            1.0,
            if selected {
                visuals.selection.bg_fill
            } else {
                visuals.widgets.inactive.bg_fill
            },
        );
        if overdue > 0 {
            let late = egui::Rect::from_min_max(
                egui::pos2(bar.left(), bottom - height(overdue)),
                bar.right_bottom(),
            );
            painter.rect_filled(late, 1.0, theme::overdue(&visuals));
        }
        if *week == this_week {
            let x = left + slot / 2.0;
            painter.vline(
                x,
                plot.top() - 12.0..=plot.bottom(),
                egui::Stroke::new(1.5, theme::due_soon(&visuals)),
            );
            painter.text(
                egui::pos2(x, rect.top() + 2.0),
                egui::Align2::CENTER_TOP,
                "today",
                font.clone(),
                theme::due_soon(&visuals),
            );
        }
        if column % 4 == 0 {
            painter.text(
                egui::pos2(left + 2.0, rect.bottom() - 2.0),
                egui::Align2::LEFT_BOTTOM,
                week.format("%b %d").to_string(),
                font.clone(),
                visuals.weak_text_color(),
            );
        }
        if response
            .hover_pos()
            .is_some_and(|p| p.x >= left && p.x < left + slot)
        {
            hovered = Some((*week, open, overdue));
        }
    }
    today_note(&painter, rect, &columns, today, &font, &visuals);
    if let Some((week, open, overdue)) = hovered {
        let clicked = response.clicked();
        response.on_hover_text(format!(
            "Week of {}: {open} open, {overdue} overdue. Click to list only this week.",
            week.format("%Y-%m-%d")
        ));
        if clicked {
            state.query.week = if state.query.week == Some(week) {
                None
            } else {
                Some(week)
            };
        }
    }
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

/// The weeks to draw: from the first week with a due item to the last, widened to this week
/// when that costs few columns, and at most `MAX_WEEKS` (the latest ones with items).
fn shown_weeks(
    weeks: &BTreeMap<NaiveDate, (usize, usize)>,
    this_week: NaiveDate,
) -> Vec<NaiveDate> {
    let mut first = *weeks.keys().next().unwrap_or(&this_week);
    let mut last = *weeks.keys().next_back().unwrap_or(&this_week);
    let span_with_today = (last.max(this_week) - first.min(this_week)).num_weeks();
    if usize::try_from(span_with_today).is_ok_and(|span| span < MAX_WEEKS) {
        first = first.min(this_week);
        last = last.max(this_week);
    }
    let mut columns: Vec<NaiveDate> = std::iter::successors(Some(first), |week| {
        week.checked_add_days(Days::new(7))
            .filter(|next| *next <= last)
    })
    .collect();
    if columns.len() > MAX_WEEKS {
        columns.drain(..columns.len() - MAX_WEEKS);
    }
    columns
}

/// When today is outside the drawn weeks, says so in the corner.
fn today_note(
    painter: &egui::Painter,
    rect: egui::Rect,
    columns: &[NaiveDate],
    today: NaiveDate,
    font: &egui::FontId,
    visuals: &egui::Visuals,
) {
    let this_week = week_of(today);
    if columns.contains(&this_week) {
        return;
    }
    let side = if columns.first().is_some_and(|first| this_week < *first) {
        "before"
    } else {
        "after"
    };
    painter.text(
        egui::pos2(rect.right() - 6.0, rect.top() + 2.0),
        egui::Align2::RIGHT_TOP,
        format!("Today ({}) is {side} these weeks", today.format("%Y-%m-%d")),
        font.clone(),
        theme::due_soon(visuals),
    );
}
