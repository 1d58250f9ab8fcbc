//! The due-week chart's window of weeks: the bars at either end that hold everything before
//! and after it, and the wheel, drag and keys that move it.

use super::bars::{Chart, END_SLOT, WEEK_SLOT, bar_ui};
use super::state::ReviewState;
use crate::model::ActionFilter;
use crate::review::DueCount;
use crate::ui::accessible::accessible_name;

/// One end's bar, its name under it, and the control over it.
pub(super) fn end_bar_ui(
    ui: &egui::Ui,
    chart: &Chart<'_>,
    left: f32,
    (end, counts): (EndBar, DueCount),
    state: &mut ReviewState,
) {
    let selected = matches!(end, EndBar::Before(_)) && state.query.filter == ActionFilter::Overdue;
    let bar = bar_ui(
        chart.painter,
        chart.plot,
        (left, END_SLOT),
        (counts.open, counts.overdue),
        (chart.tallest, selected),
        chart.visuals,
    );
    let name = match end {
        EndBar::Before(name) => name,
        EndBar::Later(_) => "Later",
    };
    end_label(
        chart.painter,
        chart.plot,
        (left, END_SLOT),
        name,
        chart.visuals,
    );
    end_button_ui(ui, state, end, counts, bar.with_min_y(chart.plot.top()));
}

/// The wheel and a drag over the chart move its weeks; with the keyboard in it, the arrow
/// keys move them a week and Home goes back to this week.
pub(super) fn move_weeks(ui: &egui::Ui, response: &egui::Response, state: &mut ReviewState) {
    let mut pixels = 0.0;
    // Anywhere over the chart, bars included.
    let pointer_over = ui.rect_contains_pointer(response.rect);
    if pointer_over {
        let wheel = ui.input(|input| input.smooth_scroll_delta);
        // A wheel turned down, like a drag to the left, goes on to later weeks.
        pixels += wheel.x + wheel.y;
    }
    if response.dragged() {
        pixels += response.drag_delta().x;
    }
    if response.drag_started() || response.drag_stopped() {
        state.chart_drag = 0.0;
    }
    // A click or a drag on the chart gives it the keyboard, for the arrows and Home.
    if response.clicked() || response.drag_started() {
        response.request_focus();
    }
    state.chart_drag += pixels;
    let whole_weeks = (state.chart_drag / WEEK_SLOT).trunc();
    if whole_weeks != 0.0 {
        state.chart_drag -= whole_weeks * WEEK_SLOT;
        #[expect(
            clippy::cast_possible_truncation,
            reason = "a whole number of weeks moved in one frame, small"
        )]
        let moved = whole_weeks as i64;
        state.chart_offset = state.chart_offset.saturating_sub(moved);
    }
    // Read before the input: the focus lives behind a lock the input closure also takes.
    let focused = response.has_focus();
    if !(focused || pointer_over) {
        return;
    }
    let (home, right, left) = ui.input(|input| {
        (
            input.key_pressed(egui::Key::Home),
            focused && input.key_pressed(egui::Key::ArrowRight),
            focused && input.key_pressed(egui::Key::ArrowLeft),
        )
    });
    if home {
        state.chart_offset = 0;
        state.chart_drag = 0.0;
    }
    if right {
        state.chart_offset = state.chart_offset.saturating_add(1);
    }
    if left {
        state.chart_offset = state.chart_offset.saturating_sub(1);
    }
}

/// Which end of the chart a bar stands at.
#[derive(Clone, Copy)]
pub(super) enum EndBar {
    /// Before the weeks shown, named "Overdue" or "Earlier".
    Before(&'static str),
    /// After them; how many weeks on from this one the first of them is.
    Later(Option<i64>),
}

/// The bar at either end as a control: the Overdue bar lists only overdue items, the Later
/// bar moves the weeks on to it.
fn end_button_ui(
    ui: &egui::Ui,
    state: &mut ReviewState,
    end: EndBar,
    counts: DueCount,
    rect: egui::Rect,
) {
    let (salt, words, hint) = match end {
        EndBar::Before(name) => (
            "before",
            if name == "Overdue" {
                format!("Overdue: {}", items(counts.open))
            } else {
                format!(
                    "Earlier: {}, {} overdue",
                    items(counts.open),
                    counts.overdue
                )
            },
            "Click to list only overdue items.",
        ),
        EndBar::Later(_) => (
            "later",
            format!("Later: {}", items(counts.open)),
            "Click to move the weeks on to the first of these.",
        ),
    };
    let response = ui.interact(
        rect,
        ui.scope_id().with(("end_bar", salt)),
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
    accessible_name(&response, egui::Role::Button, &words);
    let clicked = response.clicked();
    response.on_hover_text(format!("{words}. {hint}"));
    if !clicked {
        return;
    }
    match end {
        EndBar::Before(_) => {
            state.query.week = None;
            state.query.filter = if state.query.filter == ActionFilter::Overdue {
                ActionFilter::All
            } else {
                ActionFilter::Overdue
            };
        }
        EndBar::Later(Some(weeks_on)) => state.chart_offset = weeks_on,
        EndBar::Later(None) => {}
    }
}

/// "1 item", "3 items".
fn items(count: usize) -> String {
    if count == 1 {
        "1 item".to_owned()
    } else {
        format!("{count} items")
    }
}

/// "Overdue" or "Later" under its bar.
fn end_label(
    painter: &egui::Painter,
    plot: egui::Rect,
    (left, slot): (f32, f32),
    name: &str,
    visuals: &egui::Visuals,
) {
    painter.text(
        egui::pos2(left + slot / 2.0, plot.bottom() + 3.0),
        egui::Align2::CENTER_TOP,
        name,
        egui::FontId::proportional(11.0),
        visuals.strong_text_color(),
    );
}
