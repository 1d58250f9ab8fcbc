//! The drawing pieces the review's charts share: a bar with its overdue part and count,
//! the count axis, date labels under the columns, the legend, and the columns' widths.

use chrono::{Datelike, NaiveDate};

use crate::ui::theme;

/// The width of one week's column: narrow enough for a quarter in a small window, wide
/// enough to read a count on its bar.
pub(super) const WEEK_SLOT: f32 = 40.0;
/// The width of the Overdue and Later columns at either end.
pub(super) const END_SLOT: f32 = 64.0;

/// What every bar of one chart is drawn with.
pub(super) struct Chart<'a> {
    pub painter: &'a egui::Painter,
    /// Where the bars stand.
    pub plot: egui::Rect,
    /// The count a full-height bar stands for.
    pub tallest: usize,
    pub visuals: &'a egui::Visuals,
}

/// One week's bar, its overdue part and its count; returns the bar's rectangle.
#[expect(
    clippy::cast_precision_loss,
    reason = "item counts are small; they only scale bars"
)]
pub(super) fn bar_ui(
    painter: &egui::Painter,
    plot: egui::Rect,
    (left, slot): (f32, f32),
    (open, overdue): (usize, usize),
    (tallest, selected): (usize, bool),
    visuals: &egui::Visuals,
) -> egui::Rect {
    let height = |count: usize| plot.height() * count as f32 / tallest.max(1) as f32;
    let bar = egui::Rect::from_min_max(
        egui::pos2(left + 3.0, plot.bottom() - height(open)),
        egui::pos2(left + slot - 3.0, plot.bottom()),
    );
    let fill = if selected {
        visuals.selection.bg_fill
    } else {
        theme::chart_bar(visuals)
    };
    painter.rect_filled(bar, 1.0, fill);
    if overdue > 0 {
        let late = egui::Rect::from_min_max(
            egui::pos2(bar.left(), plot.bottom() - height(overdue)),
            bar.right_bottom(),
        );
        painter.rect_filled(late, 1.0, theme::overdue(visuals));
    }
    count_on_bar(
        painter,
        (bar.center().x, bar.top()),
        open,
        egui::FontId::proportional(11.0),
        visuals,
    );
    bar
}

/// A column's date under the axis, in `format` ("%b %-d" for a week, "%b" for a month),
/// with the year below it where the year changes (and under the first label).
pub fn date_label(
    painter: &egui::Painter,
    plot: egui::Rect,
    (left, slot): (f32, f32),
    (day, format): (NaiveDate, &str),
    last_labelled_year: &mut Option<i32>,
    colour: egui::Color32,
) {
    let year = day.year();
    let mut text = day.format(format).to_string();
    if *last_labelled_year != Some(year) {
        text.push('\n');
        text.push_str(&year.to_string());
    }
    *last_labelled_year = Some(year);
    painter.text(
        egui::pos2(left + slot / 2.0, plot.bottom() + 3.0),
        egui::Align2::CENTER_TOP,
        text,
        egui::FontId::proportional(11.0),
        colour,
    );
}

/// A bar's count, standing on its top.
pub fn count_on_bar(
    painter: &egui::Painter,
    (centre, top): (f32, f32),
    count: usize,
    font: egui::FontId,
    visuals: &egui::Visuals,
) {
    if count > 0 {
        painter.text(
            egui::pos2(centre, top - 1.5),
            egui::Align2::CENTER_BOTTOM,
            count.to_string(),
            font,
            visuals.strong_text_color(),
        );
    }
}

/// Every how many columns of `slot` width a label `room` wide fits, so labels never run
/// into each other.
#[must_use]
#[expect(
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    reason = "a small positive ratio of two widths"
)]
pub fn label_step(room: f32, slot: f32) -> usize {
    (room / slot.max(1.0)).ceil().max(1.0) as usize
}

/// Little squares with what each colour means.
pub fn legend_ui(ui: &mut egui::Ui, entries: &[(&str, egui::Color32)]) {
    for (name, colour) in entries {
        let (swatch, _) = ui.allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
        ui.painter().rect_filled(swatch, 2.0, *colour);
        ui.label(*name);
    }
}

/// The count axis: a base line, the top count and the middle one, with faint grid lines.
#[expect(
    clippy::cast_precision_loss,
    reason = "counts are small; they only place tick marks"
)]
pub fn axis(painter: &egui::Painter, plot: egui::Rect, tallest: usize, visuals: &egui::Visuals) {
    let font = egui::FontId::proportional(11.0);
    let grid = egui::Stroke::new(1.0, visuals.widgets.noninteractive.bg_stroke.color);
    let mut ticks = vec![0, tallest];
    if tallest >= 4 {
        ticks.push(tallest / 2);
    }
    for tick in ticks {
        let y = plot.bottom() - plot.height() * tick as f32 / tallest.max(1) as f32;
        painter.hline(plot.x_range(), y, grid);
        painter.text(
            egui::pos2(plot.left() - 6.0, y),
            egui::Align2::RIGHT_CENTER,
            tick.to_string(),
            font.clone(),
            visuals.text_color(),
        );
    }
    painter.vline(
        plot.left(),
        plot.y_range(),
        egui::Stroke::new(1.0, visuals.text_color()),
    );
}
