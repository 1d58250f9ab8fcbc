//! The Stats view's charts: incidents per month stacked by severity, and how long detecting,
//! acknowledging, mitigating and resolving took as distributions. Each says what it shows
//! without hovering: counts on the bars, labelled axes, a legend.

use std::collections::BTreeMap;

use chrono::{Months, NaiveDate};

use super::bars::{axis, count_on_bar, date_label, label_step, legend_ui};
use crate::review::{Duration, Stats};
use crate::ui::accessible::{accessible_name, describe};
use crate::ui::theme;

/// The most months drawn: three years, the latest.
const MAX_MONTHS: usize = 36;

/// The colour of severity `name` among `levels` (sorted, most severe first; "none" grey).
fn severity_colour(levels: &[&String], name: &str) -> egui::Color32 {
    if name == "none" {
        return theme::SERIES[theme::SERIES.len() - 1];
    }
    let at = levels.iter().position(|level| *level == name).unwrap_or(0);
    theme::SERIES[at.min(theme::SERIES.len() - 2)]
}

/// Every month from the first to the last with an incident (`YYYY-MM`), at most
/// `MAX_MONTHS`, the latest ones.
fn month_axis(months: &BTreeMap<String, BTreeMap<String, usize>>) -> Vec<NaiveDate> {
    let parse = |key: &String| NaiveDate::parse_from_str(&format!("{key}-01"), "%Y-%m-%d").ok();
    let dated: Vec<NaiveDate> = months.keys().filter_map(parse).collect();
    let (Some(first), Some(last)) = (dated.first().copied(), dated.last().copied()) else {
        return Vec::new();
    };
    let mut all: Vec<NaiveDate> = std::iter::successors(Some(first), |month| {
        month
            .checked_add_months(Months::new(1))
            .filter(|next| *next <= last)
    })
    .collect();
    if all.len() > MAX_MONTHS {
        all.drain(..all.len() - MAX_MONTHS);
    }
    all
}

/// The chart's title and a legend of the severities.
fn months_title_ui(ui: &mut egui::Ui, stats: &Stats, levels: &[&String]) {
    ui.horizontal_wrapped(|ui| {
        ui.strong("Incidents per month, by severity");
        let mut entries: Vec<(&str, egui::Color32)> = levels
            .iter()
            .map(|level| (level.as_str(), severity_colour(levels, level)))
            .collect();
        if stats.by_severity.contains_key("none") {
            entries.push(("no severity", severity_colour(levels, "none")));
        }
        legend_ui(ui, &entries);
    });
}

/// The chart in words, for a screen reader: "August 2025: 4 (1 SEV-1, 3 SEV-3), …".
fn months_in_words(stats: &Stats, months: &[NaiveDate], totals: &[usize]) -> String {
    let spoken: Vec<String> = months
        .iter()
        .zip(totals)
        .filter(|(_, total)| **total > 0)
        .map(|(month, total)| {
            let split: Vec<String> = stats
                .by_month_and_severity
                .get(&month.format("%Y-%m").to_string())
                .map(|levels| {
                    levels
                        .iter()
                        .map(|(level, count)| format!("{count} {level}"))
                        .collect()
                })
                .unwrap_or_default();
            format!("{}: {total} ({})", month.format("%B %Y"), split.join(", "))
        })
        .collect();
    spoken.join(", ")
}

/// Incidents per month, each bar stacked by severity.
#[expect(
    clippy::cast_precision_loss,
    reason = "month and incident counts are small; they only scale bars"
)]
pub fn months_ui(ui: &mut egui::Ui, stats: &Stats) {
    let months = month_axis(&stats.by_month_and_severity);
    let levels: Vec<&String> = stats
        .by_severity
        .keys()
        .filter(|level| level.as_str() != "none")
        .collect();
    months_title_ui(ui, stats, &levels);
    if months.is_empty() {
        ui.weak("No incident has a date.");
        return;
    }
    let key = |month: &NaiveDate| month.format("%Y-%m").to_string();
    let totals: Vec<usize> = months
        .iter()
        .map(|month| {
            stats
                .by_month_and_severity
                .get(&key(month))
                .map_or(0, |levels| levels.values().sum())
        })
        .collect();
    let tallest = totals.iter().copied().max().unwrap_or(1).max(1);
    let (rect, response) = ui.allocate_exact_size(
        egui::vec2(ui.available_width(), 180.0),
        egui::Sense::hover(),
    );
    accessible_name(
        &response,
        egui::Role::Image,
        "Chart of incidents per month, by severity",
    );
    describe(&response, &months_in_words(stats, &months, &totals));
    let visuals = ui.visuals().clone();
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 4.0, visuals.extreme_bg_color);
    let plot = egui::Rect::from_min_max(
        egui::pos2(rect.left() + 30.0, rect.top() + 18.0),
        egui::pos2(rect.right() - 8.0, rect.bottom() - 32.0),
    );
    axis(&painter, plot, tallest, &visuals);
    let slot = (plot.width() / months.len() as f32).min(64.0);
    let label_every = label_step(44.0, slot);
    let font = egui::FontId::proportional(11.0);
    let unit = plot.height() / tallest as f32;
    let mut last_year = None;
    for (column, (month, total)) in months.iter().zip(&totals).enumerate() {
        let left = plot.left() + slot * column as f32;
        let bottom = stacked_bar(
            &painter,
            plot,
            (left, slot),
            unit,
            stats.by_month_and_severity.get(&key(month)),
            &levels,
        );
        count_on_bar(
            &painter,
            (left + slot / 2.0, bottom),
            *total,
            font.clone(),
            &visuals,
        );
        if column % label_every == 0 {
            date_label(
                &painter,
                plot,
                (left, slot),
                (*month, "%b"),
                &mut last_year,
                visuals.text_color(),
            );
        }
    }
    if let Some(undated) = stats.by_month.get("undated") {
        painter.text(
            egui::pos2(rect.right() - 6.0, rect.top() + 3.0),
            egui::Align2::RIGHT_TOP,
            format!("{undated} without a date, not drawn"),
            font,
            visuals.text_color(),
        );
    }
}

/// One month's bar, its severities stacked (most severe at the bottom, where the eye
/// starts); returns the top of the bar.
#[expect(
    clippy::cast_precision_loss,
    reason = "incident counts are small; they only scale bars"
)]
fn stacked_bar(
    painter: &egui::Painter,
    plot: egui::Rect,
    (left, slot): (f32, f32),
    unit: f32,
    by_level: Option<&BTreeMap<String, usize>>,
    levels: &[&String],
) -> f32 {
    let mut bottom = plot.bottom();
    let Some(by_level) = by_level else {
        return bottom;
    };
    let mut stacked: Vec<(&String, &usize)> = by_level.iter().collect();
    stacked.sort_by_key(|(level, _)| {
        (
            level.as_str() == "none",
            levels.iter().position(|known| known == level),
        )
    });
    for (level, count) in stacked {
        let height = unit * *count as f32;
        let piece = egui::Rect::from_min_max(
            egui::pos2(left + 3.0, bottom - height),
            egui::pos2(left + slot - 3.0, bottom),
        );
        painter.rect_filled(piece, 1.0, severity_colour(levels, level));
        bottom -= height;
    }
    bottom
}

/// The ranges the durations are counted in, in minutes, with their labels.
const BINS: [(f64, &str); 9] = [
    (5.0, "< 5 m"),
    (15.0, "5-15 m"),
    (30.0, "15-30 m"),
    (60.0, "30-60 m"),
    (120.0, "1-2 h"),
    (240.0, "2-4 h"),
    (480.0, "4-8 h"),
    (1440.0, "8-24 h"),
    (f64::INFINITY, "> 1 day"),
];

/// How many of `minutes` fall in each of [`BINS`].
fn binned(minutes: &[f64]) -> [usize; BINS.len()] {
    let mut counts = [0; BINS.len()];
    for value in minutes {
        let at = BINS
            .iter()
            .position(|(below, _)| value < below)
            .unwrap_or(BINS.len() - 1);
        counts[at] += 1;
    }
    counts
}

/// Each of the four durations as a histogram, side by side in equal columns (two by two
/// when the window is narrow).
pub fn durations_ui(ui: &mut egui::Ui, stats: &Stats) {
    ui.strong("How long each step took, from the start of impact");
    let each = stats.durations.each();
    let per_row = if ui.available_width() > 900.0 { 4 } else { 2 };
    for row in each.chunks(per_row) {
        ui.columns(per_row, |columns| {
            for (column, (name, duration)) in columns.iter_mut().zip(row) {
                let width = column.available_width();
                histogram_ui(column, name, duration, width);
            }
        });
        ui.add_space(8.0);
    }
}

#[expect(
    clippy::cast_precision_loss,
    reason = "counts are small; they only scale bars"
)]
fn histogram_ui(ui: &mut egui::Ui, name: &str, duration: &Duration, width: f32) {
    let spread = &duration.all;
    let title = {
        let mut words = name.to_owned();
        if let Some(first) = words.get_mut(0..1) {
            first.make_ascii_uppercase();
        }
        words
    };
    ui.strong(&title);
    let figures = match (spread.median_minutes, spread.p90_minutes) {
        (Some(median), Some(p90)) => format!(
            "median {} \u{b7} 90th percentile {}",
            crate::model::format_minutes(median),
            crate::model::format_minutes(p90)
        ),
        _ => "no incident says".to_owned(),
    };
    ui.label(&figures);
    ui.weak(format!(
        "{} of {} with the times",
        spread.count,
        crate::model::plural(spread.count + spread.missing, "incident")
    ));
    let counts = binned(&duration.minutes);
    let tallest = counts.iter().copied().max().unwrap_or(1).max(1);
    let (rect, response) = ui.allocate_exact_size(egui::vec2(width, 130.0), egui::Sense::hover());
    accessible_name(
        &response,
        egui::Role::Image,
        &format!("{title}: distribution"),
    );
    let spoken: Vec<String> = BINS
        .iter()
        .zip(counts)
        .filter(|(_, count)| *count > 0)
        .map(|((_, label), count)| format!("{label}: {count}"))
        .collect();
    describe(&response, &format!("{figures}. {}", spoken.join(", ")));
    let visuals = ui.visuals().clone();
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 4.0, visuals.extreme_bg_color);
    let plot = egui::Rect::from_min_max(
        egui::pos2(rect.left() + 6.0, rect.top() + 16.0),
        egui::pos2(rect.right() - 6.0, rect.bottom() - 30.0),
    );
    let slot = plot.width() / BINS.len() as f32;
    let font = egui::FontId::proportional(10.0);
    for (column, ((_, label), count)) in BINS.iter().zip(counts).enumerate() {
        let left = plot.left() + slot * column as f32;
        let height = plot.height() * count as f32 / tallest as f32;
        let bar = egui::Rect::from_min_max(
            egui::pos2(left + 1.5, plot.bottom() - height),
            egui::pos2(left + slot - 1.5, plot.bottom()),
        );
        painter.rect_filled(bar, 1.0, theme::chart_bar(&visuals));
        count_on_bar(
            &painter,
            (bar.center().x, bar.top()),
            count,
            font.clone(),
            &visuals,
        );
        // Labels alternate between two lines so neighbours never overlap.
        let y = plot.bottom() + if column % 2 == 0 { 2.0 } else { 14.0 };
        painter.text(
            egui::pos2(left + slot / 2.0, y),
            egui::Align2::CENTER_TOP,
            *label,
            font.clone(),
            visuals.text_color(),
        );
    }
    painter.hline(
        plot.x_range(),
        plot.bottom(),
        egui::Stroke::new(1.0, visuals.text_color()),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_as_people_say_them() {
        assert_eq!(crate::model::format_minutes(47.4), "47 min");
        assert_eq!(crate::model::format_minutes(120.0), "2 h");
        assert_eq!(crate::model::format_minutes(190.0), "3 h 10 min");
        assert_eq!(crate::model::format_minutes(3000.0), "2 d 2 h");
    }

    #[test]
    fn durations_fall_in_their_ranges() {
        let counts = binned(&[0.0, 4.9, 5.0, 59.0, 61.0, 2000.0]);
        assert_eq!(counts, [2, 1, 0, 1, 1, 0, 0, 0, 1]);
    }
}
