//! A picture of the incident above the table: the impact window as a band, each timed row as
//! a tick, and the key times as labelled lines with the intervals between them.

use chrono::{DateTime, Utc};

use super::state::TimelineState;
use crate::model::{KeyTime, Marker, Postmortem, format_interval};
use crate::ui::theme;
use crate::ui::widgets::accessible_name;

const HEIGHT: f32 = 96.0;

/// Draws the strip; hovering a tick names its event, clicking selects its row.
pub fn strip_ui(ui: &mut egui::Ui, doc: &Postmortem, state: &mut TimelineState) {
    let Some((start, end)) = span(doc) else {
        ui.weak("The picture of the incident appears once rows or key times have times.");
        return;
    };
    let (rect, response) = ui.allocate_exact_size(
        egui::vec2(ui.available_width(), HEIGHT),
        egui::Sense::click(),
    );
    accessible_name(&response, egui::Role::Image, "Picture of the incident");
    let visuals = ui.visuals().clone();
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 4.0, visuals.extreme_bg_color);

    let inner = rect.shrink2(egui::vec2(12.0, 0.0));
    let axis_y = rect.top() + 56.0;
    let seconds = (end - start).num_seconds().max(1) as f32;
    let x_of = |time: DateTime<Utc>| {
        inner.left() + inner.width() * ((time - start).num_seconds() as f32 / seconds)
    };
    let zone = doc.time_zone;
    let font = egui::FontId::proportional(11.0);

    // The impact window.
    if let (Some(started), Some(resolved)) = (doc.key_times.started, doc.key_times.resolved) {
        let band = egui::Rect::from_x_y_ranges(
            x_of(started)..=x_of(resolved),
            axis_y - 14.0..=axis_y + 4.0,
        );
        painter.rect_filled(band, 2.0, theme::impact_band(&visuals));
    }
    painter.hline(
        inner.x_range(),
        axis_y,
        egui::Stroke::new(1.0, visuals.weak_text_color()),
    );

    // Ticks, one per pixel column, a marked or starred row winning its column.
    let mut columns: Vec<Option<usize>> = vec![None; inner.width().max(1.0) as usize + 1];
    for (index, row) in doc.timeline.iter().enumerate() {
        let Some(time) = row.time else { continue };
        let column = ((x_of(time) - inner.left()).max(0.0) as usize).min(columns.len() - 1);
        let stands_out =
            |i: usize| doc.timeline[i].starred || doc.timeline[i].marker != Marker::Unmarked;
        if columns[column].is_none_or(|held| !stands_out(held) && stands_out(index)) {
            columns[column] = Some(index);
        }
    }
    let mut hovered: Option<(f32, usize)> = None;
    let pointer = response.hover_pos();
    for (column, index) in columns.iter().enumerate() {
        let Some(index) = *index else { continue };
        let row = &doc.timeline[index];
        let x = inner.left() + column as f32;
        let notable = row.starred || row.marker != Marker::Unmarked;
        let (height, colour) = if notable {
            (16.0, theme::notable_tick(&visuals))
        } else {
            (9.0, visuals.text_color())
        };
        let selected = state.selected == Some(row.id);
        let width = if selected { 3.0 } else { 1.5 };
        painter.vline(
            x,
            axis_y - height..=axis_y,
            egui::Stroke::new(width, colour),
        );
        if let Some(pointer) = pointer {
            let distance = (pointer.x - x).abs();
            if distance <= 5.0 && hovered.is_none_or(|(best, _)| distance < best) {
                hovered = Some((distance, index));
            }
        }
    }

    // Key times as labelled lines, and the intervals between them. Labels that would overlap
    // move to a second line; one that fits on neither is left to the line's colour.
    let mut previous: Option<(f32, DateTime<Utc>)> = None;
    let mut lane_ends = [f32::NEG_INFINITY; 2];
    for key in KeyTime::ALL {
        let Some(time) = doc.key_times.get(key) else {
            continue;
        };
        let x = x_of(time);
        let colour = theme::key_time_line(&visuals, key);
        painter.vline(
            x,
            rect.top() + 30.0..=axis_y + 6.0,
            egui::Stroke::new(1.5, colour),
        );
        let galley = painter.layout_no_wrap(key.label().to_owned(), font.clone(), colour);
        let left = (x - galley.size().x / 2.0).max(rect.left() + 2.0);
        if let Some(lane) = lane_ends.iter().position(|end| left > end + 6.0) {
            let top = rect.top() + 3.0 + 13.0 * lane as f32;
            lane_ends[lane] = left + galley.size().x;
            painter.galley(egui::pos2(left, top), galley, colour);
        }
        if let Some((previous_x, previous_time)) = previous
            && time >= previous_time
            && x - previous_x > 36.0
        {
            painter.text(
                egui::pos2((x + previous_x) / 2.0, axis_y + 8.0),
                egui::Align2::CENTER_TOP,
                format_interval(time - previous_time),
                font.clone(),
                visuals.weak_text_color(),
            );
        }
        previous = Some((x, time));
    }
    for (time, align) in [
        (start, egui::Align2::LEFT_BOTTOM),
        (end, egui::Align2::RIGHT_BOTTOM),
    ] {
        let x = if align == egui::Align2::LEFT_BOTTOM {
            rect.left() + 4.0
        } else {
            rect.right() - 4.0
        };
        painter.text(
            egui::pos2(x, rect.bottom() - 3.0),
            align,
            time.with_timezone(&zone).format("%H:%M").to_string(),
            font.clone(),
            visuals.weak_text_color(),
        );
    }

    if let Some((_, index)) = hovered {
        let row = &doc.timeline[index];
        let clicked = response.clicked();
        response.on_hover_text(format!(
            "Row {}: {}",
            index + 1,
            if row.event.is_empty() {
                "(no event)"
            } else {
                &row.event
            }
        ));
        if clicked {
            state.select(row.id);
        }
    }
}

/// The time range the picture covers: every key time and every timed row, with a margin.
fn span(doc: &Postmortem) -> Option<(DateTime<Utc>, DateTime<Utc>)> {
    let times = KeyTime::ALL
        .iter()
        .filter_map(|key| doc.key_times.get(*key))
        .chain(doc.timeline.iter().filter_map(|row| row.time));
    let (first, last) = times.fold(
        None,
        |range: Option<(DateTime<Utc>, DateTime<Utc>)>, time| {
            Some(range.map_or((time, time), |(low, high)| (low.min(time), high.max(time))))
        },
    )?;
    let margin = ((last - first) / 20).max(chrono::TimeDelta::minutes(1));
    Some((first - margin, last + margin))
}
