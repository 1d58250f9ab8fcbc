//! A picture of the incident above the table: the impact window as a band, each timed row as
//! a tick, and the key times as labelled lines with the intervals between them.

use chrono::{DateTime, Utc};

use super::state::TimelineState;
use crate::model::{KeyTime, Marker, Postmortem, format_interval};
use crate::ui::accessible::accessible_name;
use crate::ui::theme;

const HEIGHT: f32 = 96.0;

/// Where things go in the strip.
struct Layout {
    rect: egui::Rect,
    inner: egui::Rect,
    axis_y: f32,
    start: DateTime<Utc>,
    seconds: f32,
    font: egui::FontId,
}

impl Layout {
    fn x_of(&self, time: DateTime<Utc>) -> f32 {
        let offset = (time - self.start).num_seconds() as f32;
        self.inner.left() + self.inner.width() * (offset / self.seconds)
    }
}

/// Draws the strip; hovering a tick names its event, clicking selects its row.
pub fn strip_ui(ui: &mut egui::Ui, doc: &Postmortem, state: &mut TimelineState) {
    let Some((start, end)) = state.derived.as_ref().and_then(|derived| derived.span) else {
        ui.weak("The picture of the incident appears once rows or key times have times.");
        return;
    };
    let (rect, response) = ui.allocate_exact_size(
        egui::vec2(ui.available_width(), HEIGHT),
        egui::Sense::click(),
    );
    accessible_name(&response, egui::Role::Image, "Picture of the incident");
    let layout = Layout {
        rect,
        inner: rect.shrink2(egui::vec2(12.0, 0.0)),
        axis_y: rect.top() + 56.0,
        start,
        seconds: (end - start).num_seconds().max(1) as f32,
        font: egui::FontId::proportional(11.0),
    };
    let visuals = ui.visuals().clone();
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 4.0, visuals.extreme_bg_color);
    if let (Some(started), Some(resolved)) = (doc.key_times.started, doc.key_times.resolved) {
        let x_range = layout.x_of(started)..=layout.x_of(resolved);
        let band = egui::Rect::from_x_y_ranges(x_range, layout.axis_y - 14.0..=layout.axis_y + 4.0);
        painter.rect_filled(band, 2.0, theme::impact_band(&visuals));
    }
    painter.hline(
        layout.inner.x_range(),
        layout.axis_y,
        egui::Stroke::new(1.0, visuals.weak_text_color()),
    );
    let hovered = ticks(
        &painter,
        &layout,
        doc,
        state,
        &visuals,
        response.hover_pos(),
    );
    // A dot under the axis marks each row that has files attached.
    let attached = doc.rows_with_attachments();
    for id in attached.keys() {
        if let Some(time) = doc.row(*id).and_then(|row| row.time) {
            painter.circle_filled(
                egui::pos2(layout.x_of(time), layout.axis_y + 6.0),
                2.5,
                theme::notable_tick(&visuals),
            );
        }
    }
    key_times(&painter, &layout, doc, &visuals);
    let ends = end_labels(doc.local(start).naive_local(), doc.local(end).naive_local());
    for (text, left) in [(ends.0, true), (ends.1, false)] {
        let (x, align) = if left {
            (rect.left() + 4.0, egui::Align2::LEFT_BOTTOM)
        } else {
            (rect.right() - 4.0, egui::Align2::RIGHT_BOTTOM)
        };
        painter.text(
            egui::pos2(x, rect.bottom() - 3.0),
            align,
            text,
            layout.font.clone(),
            visuals.weak_text_color(),
        );
    }

    if let Some(index) = hovered {
        let row = &doc.timeline[index];
        let clicked = response.clicked();
        let event = if row.event.is_empty() {
            "(no event)"
        } else {
            &row.event
        };
        let files = attached.get(&row.id).map_or_else(String::new, |count| {
            format!(" ({} attached)", crate::model::plural(*count, "file"))
        });
        response.on_hover_text(format!("Row {}: {event}{files}", index + 1));
        if clicked {
            state.select(row.id);
        }
    }
}

/// Paints one tick per pixel column (a starred or marked row wins its column, so thousands of
/// rows cost no more than the strip is wide) and returns the row under the pointer.
#[expect(
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    reason = "pixel columns are clamped to be within the strip, which is a few thousand wide"
)]
fn ticks(
    painter: &egui::Painter,
    layout: &Layout,
    doc: &Postmortem,
    state: &mut TimelineState,
    visuals: &egui::Visuals,
    hover: Option<egui::Pos2>,
) -> Option<usize> {
    let notable = |index: usize| {
        let row = &doc.timeline[index];
        row.starred || row.marker != Marker::Unmarked
    };
    let width = layout.inner.width();
    let cached = state
        .derived
        .as_ref()
        .and_then(|derived| derived.ticks.as_ref())
        .filter(|(laid_out_at, _)| (*laid_out_at - width).abs() < 0.5)
        .map(|(_, columns)| columns.clone());
    let columns = cached.unwrap_or_else(|| {
        let mut columns: Vec<Option<usize>> = vec![None; width.max(1.0) as usize + 1];
        for (index, row) in doc.timeline.iter().enumerate() {
            let Some(time) = row.time else { continue };
            let x = (layout.x_of(time) - layout.inner.left()).max(0.0) as usize;
            let column = x.min(columns.len() - 1);
            if columns[column].is_none_or(|held| !notable(held) && notable(index)) {
                columns[column] = Some(index);
            }
        }
        if let Some(derived) = state.derived.as_mut() {
            derived.ticks = Some((width, columns.clone()));
        }
        columns
    });
    let mut hovered: Option<(f32, usize)> = None;
    // One mesh for all ticks: a thousand separate lines would cost more to tessellate than
    // the rest of the frame.
    let mut mesh = egui::Mesh::default();
    for (column, index) in columns.iter().enumerate() {
        let Some(index) = *index else { continue };
        let x = layout.inner.left() + column as f32;
        let (height, colour) = if notable(index) {
            (16.0, theme::notable_tick(visuals))
        } else {
            (9.0, visuals.text_color())
        };
        let width = if state.selected == Some(doc.timeline[index].id) {
            3.0
        } else {
            1.5
        };
        let tick = egui::Rect::from_x_y_ranges(
            x - width / 2.0..=x + width / 2.0,
            layout.axis_y - height..=layout.axis_y,
        );
        mesh.add_colored_rect(tick, colour);
        if let Some(distance) = hover.map(|p| (p.x - x).abs())
            && distance <= 5.0
            && hovered.is_none_or(|(best, _)| distance < best)
        {
            hovered = Some((distance, index));
        }
    }
    painter.add(mesh);
    hovered.map(|(_, index)| index)
}

/// What the picture's ends say: the times alone within a day, with the day when it spans
/// several (`Aug 1 14:03`), and with the year too when it spans years (rows imported from a
/// chat that ran for months read `2021-01-26 20:06` … `2025-08-01 14:33`).
fn end_labels(start: chrono::NaiveDateTime, end: chrono::NaiveDateTime) -> (String, String) {
    use chrono::Datelike;
    let format = if start.date() == end.date() {
        "%H:%M"
    } else if start.year() == end.year() {
        "%b %-d %H:%M"
    } else {
        "%Y-%m-%d %H:%M"
    };
    (
        start.format(format).to_string(),
        end.format(format).to_string(),
    )
}

/// Key times as labelled lines, and the intervals between them. Labels that would overlap
/// move to a second line; one that fits on neither is left to the line's colour.
fn key_times(painter: &egui::Painter, layout: &Layout, doc: &Postmortem, visuals: &egui::Visuals) {
    let mut previous: Option<(f32, DateTime<Utc>)> = None;
    let mut lane_ends = [f32::NEG_INFINITY; 2];
    for key in KeyTime::ALL {
        let Some(time) = doc.key_times.get(key) else {
            continue;
        };
        let x = layout.x_of(time);
        let colour = theme::key_time_line(visuals, key);
        painter.vline(
            x,
            layout.rect.top() + 30.0..=layout.axis_y + 6.0,
            egui::Stroke::new(1.5, colour),
        );
        let galley = painter.layout_no_wrap(key.label().to_owned(), layout.font.clone(), colour);
        let left = (x - galley.size().x / 2.0).max(layout.rect.left() + 2.0);
        if let Some(lane) = lane_ends.iter().position(|end| left > end + 6.0) {
            let top = layout.rect.top() + 3.0 + 13.0 * lane as f32;
            lane_ends[lane] = left + galley.size().x;
            painter.galley(egui::pos2(left, top), galley, colour);
        }
        if let Some((previous_x, previous_time)) = previous
            && time >= previous_time
            && x - previous_x > 36.0
        {
            painter.text(
                egui::pos2(f32::midpoint(x, previous_x), layout.axis_y + 8.0),
                egui::Align2::CENTER_TOP,
                format_interval(time - previous_time),
                layout.font.clone(),
                visuals.weak_text_color(),
            );
        }
        previous = Some((x, time));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(year: i32, month: u32, day: u32, hour: u32) -> chrono::NaiveDateTime {
        chrono::NaiveDate::from_ymd_opt(year, month, day)
            .and_then(|date| date.and_hms_opt(hour, 3, 0))
            .unwrap()
    }

    #[test]
    fn the_ends_say_the_day_and_year_when_the_span_needs_them() {
        assert_eq!(
            end_labels(at(2025, 8, 1, 14), at(2025, 8, 1, 16)),
            ("14:03".to_owned(), "16:03".to_owned())
        );
        assert_eq!(
            end_labels(at(2025, 8, 1, 14), at(2025, 8, 3, 9)),
            ("Aug 1 14:03".to_owned(), "Aug 3 09:03".to_owned())
        );
        assert_eq!(
            end_labels(at(2021, 1, 26, 20), at(2025, 8, 1, 14)),
            ("2021-01-26 20:03".to_owned(), "2025-08-01 14:03".to_owned())
        );
    }
}
