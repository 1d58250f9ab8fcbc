//! The key times of the incident: a date picker and a forgiving time field for each, in the
//! document's display zone, with the metrics they give shown live beside them.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;

use super::accessible::{accessible_name, announce_value};
use super::dates::{date_picker, from_jiff, to_jiff};
use super::focus::focus_if;
use super::theme;
use super::view::View;
use super::zone_picker::zone_picker;
use crate::model::{
    DayContext, DayOrder, Edit, Interval, KeyTime, Metrics, Place, Postmortem, TimeEntryError,
    format_interval, format_time_of_day, incident_day, local_to_utc, parse_time_entry,
};

/// What the key-time fields hold that is not in the document: text being typed, and text
/// refused, kept in place until it is corrected so nothing typed is lost.
#[derive(Debug, Default)]
pub struct KeyTimesState {
    fields: HashMap<KeyTime, TimeFieldState>,
}

impl KeyTimesState {
    /// The key times whose typed text was refused: the text, and why.
    pub fn refused(&self) -> impl Iterator<Item = (KeyTime, &str, &str)> {
        KeyTime::ALL.into_iter().filter_map(|key| {
            let field = self.fields.get(&key)?;
            Some((key, field.typed.as_deref()?, field.error.as_deref()?))
        })
    }
}

/// What a time field holds between keystrokes: the text as typed and, after Enter, why it was
/// refused. Not in the document: it is not a value until it parses.
#[derive(Clone, Debug, Default)]
struct TimeFieldState {
    /// The text being typed; `None` while the field simply shows the stored value.
    typed: Option<String>,
    error: Option<String>,
    /// A date picked for a key time that has no time yet.
    date: Option<NaiveDate>,
}

/// Draws the time zone picker, the key times and the metrics.
pub fn key_times_ui(
    ui: &mut egui::Ui,
    view: &View<'_>,
    state: &mut KeyTimesState,
    edits: &mut Vec<Edit>,
) {
    let doc = view.document.doc();
    crate::ui::accessible::subheading(ui, "Key times");
    ui.add_space(4.0);
    let metrics = Metrics::from_key_times(&doc.key_times);
    ui.horizontal(|ui| {
        let zone_label = ui.label("Time zone");
        zone_picker_ui(ui, &zone_label, doc.time_zone, edits);
    });
    ui.add_space(4.0);
    let sources = view.document.key_time_rows();
    egui::Grid::new("key_times")
        .num_columns(6)
        .spacing([10.0, 6.0])
        .min_col_width(60.0)
        .show(ui, |ui| {
            for (key, source) in KeyTime::ALL.into_iter().zip(sources) {
                let field = state.fields.entry(key).or_default();
                key_time_row_ui(ui, view, key, source, &metrics, field, edits);
                ui.end_row();
            }
        });
    ui.add_space(6.0);
    ui.label(metrics_sentence(&metrics));
}

fn key_time_row_ui(
    ui: &mut egui::Ui,
    view: &View<'_>,
    key: KeyTime,
    source: Option<usize>,
    metrics: &Metrics,
    state: &mut TimeFieldState,
    edits: &mut Vec<Edit>,
) {
    let doc = view.document.doc();
    let zone = doc.time_zone;
    let current = doc.key_times.get(key);
    let label = ui.label(key.label());

    let field_id = ui.make_persistent_id(("key_time", key.label()));
    let reference = state
        .date
        .unwrap_or_else(|| reference_date(doc, key, view.today));
    let local = current.map(|instant| instant.with_timezone(&zone));
    let shown_date = local.map_or(reference, |local| local.date_naive());
    let mut pick_time_next = false;
    if let Some(mut picked) = to_jiff(shown_date) {
        let before = picked;
        let button = ui.add(date_picker(&mut picked, key.label(), "%Y-%m-%d"));
        accessible_name(
            &button,
            egui::Role::Button,
            &format!("{} date", key.label()),
        );
        announce_value(&button, &shown_date.format("%Y-%m-%d").to_string());
        if picked != before
            && let Some(date) = from_jiff(picked)
        {
            if let Some(local) = local {
                if let Ok(moved) = local_to_utc(date.and_time(local.time()), zone) {
                    edits.push(Edit::SetKeyTime(key, Some(moved)));
                }
            } else {
                // No time yet: remember the date for the time about to be typed.
                state.date = Some(date);
                pick_time_next = true;
            }
        }
    } else {
        ui.label(shown_date.format("%Y-%m-%d").to_string());
    }

    let shown = current.map_or_else(String::new, |instant| {
        format_time_of_day(instant.with_timezone(&zone).time())
    });
    let mut text = state.typed.clone().unwrap_or(shown);
    let height = ui.spacing().interact_size.y;
    let field = ui
        .add_sized(
            [80.0, height],
            egui::TextEdit::singleline(&mut text)
                .id(field_id)
                .hint_text("hh:mm"),
        )
        .labelled_by(label.id);
    focus_if(
        view.focus == Some(Place::KeyTime(key)) || pick_time_next,
        &field,
    );
    // The reason beside the field is tied to it, so a screen reader says why it is red.
    if let Some(error) = &state.error {
        super::accessible::describe(&field, &format!("Not saved: {error}"));
    }
    if field.changed() {
        state.typed = Some(text.clone());
    }
    if field.lost_focus() {
        if ui.input(|input| input.key_pressed(egui::Key::Escape)) {
            *state = TimeFieldState::default();
        } else if let Some(typed) = state.typed.take() {
            match read_key_time(&typed, current, reference, zone) {
                Ok(value) => {
                    edits.push(Edit::SetKeyTime(key, value));
                    *state = TimeFieldState::default();
                }
                Err(error) => {
                    // The stored value stays; the text stays too, so it can be corrected.
                    state.error = Some(error.to_string());
                    state.typed = Some(typed);
                }
            }
        }
    }

    let clear = ui.add_enabled(current.is_some(), egui::Button::new("Clear").small());
    accessible_name(
        &clear,
        egui::Role::Button,
        &format!("Clear {}", key.label().to_lowercase()),
    );
    if clear.clicked() {
        edits.push(Edit::SetKeyTime(key, None));
        *state = TimeFieldState::default();
    }

    let visuals = ui.visuals().clone();
    if let Some(error) = &state.error {
        ui.colored_label(visuals.error_fg_color, error);
    } else {
        interval_ui(ui, view, key, metrics);
    }
    // Where a marked timeline row set this time, say which, so the two are known to agree.
    match source {
        Some(index) => {
            ui.weak(format!("from timeline row {}", index + 1));
        }
        None => crate::ui::accessible::empty_cell(ui),
    }
}

/// Beside each key time: how long after the start it came, or why that cannot be said.
fn interval_ui(ui: &mut egui::Ui, view: &View<'_>, key: KeyTime, metrics: &Metrics) {
    let interval = match key {
        KeyTime::Started => return,
        KeyTime::Detected => metrics.time_to_detect,
        KeyTime::Acknowledged => metrics.time_to_acknowledge,
        KeyTime::Mitigated => metrics.time_to_mitigate,
        KeyTime::Resolved => metrics.time_to_resolve,
    };
    let finding = view
        .document
        .findings()
        .iter()
        .find(|finding| finding.place == Place::KeyTime(key));
    match (interval, finding) {
        (_, Some(finding)) => {
            ui.colored_label(
                theme::level_colour(ui.visuals(), finding.level),
                &finding.message,
            );
        }
        (Interval::Known(delta), None) => {
            ui.weak(format!("after {}", format_interval(delta)));
        }
        (Interval::Missing | Interval::Negative, None) => {
            crate::ui::accessible::empty_cell(ui);
        }
    }
}

/// Reads a typed key time. Empty clears it; a time of day keeps the date it had, or takes
/// the reference date (the neighbouring key times', else the incident's day).
fn read_key_time(
    text: &str,
    current: Option<DateTime<Utc>>,
    reference: NaiveDate,
    zone: Tz,
) -> Result<Option<DateTime<Utc>>, TimeEntryError> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    let entry = parse_time_entry(text)?;
    let day = current.map_or(reference, |instant| {
        instant.with_timezone(&zone).date_naive()
    });
    let context = DayContext {
        reference: day,
        order: DayOrder::usual_in(zone),
        latest: None,
    };
    entry.on(context, zone).map(Some)
}

/// The date a first time-of-day entry falls on: that of the nearest key time before it,
/// else the nearest after it, else the incident's day (its timeline, else the day the
/// postmortem was created); today only for a document with no date anywhere.
fn reference_date(doc: &Postmortem, key: KeyTime, today: NaiveDate) -> NaiveDate {
    let position = KeyTime::ALL.iter().position(|k| *k == key).unwrap_or(0);
    let (before, after) = KeyTime::ALL.split_at(position);
    before
        .iter()
        .rev()
        .chain(after.iter().skip(1))
        .find_map(|k| doc.key_times.get(*k))
        .map(|instant| doc.local_day(instant))
        .or_else(|| incident_day(doc))
        .unwrap_or(today)
}

fn zone_picker_ui(ui: &mut egui::Ui, label: &egui::Response, zone: Tz, edits: &mut Vec<Edit>) {
    if let Some(chosen) = zone_picker(ui, "time_zone", label, zone) {
        edits.push(Edit::SetTimeZone(chosen));
    }
    ui.weak("Times are stored in UTC and shown in this zone.");
}

/// "Duration 30 min · detected after 2 min · …", leaving out what cannot be measured; the
/// findings beside the times say why.
fn metrics_sentence(metrics: &Metrics) -> String {
    let parts: Vec<String> = [
        ("Duration", metrics.duration),
        ("detected after", metrics.time_to_detect),
        ("acknowledged after", metrics.time_to_acknowledge),
        ("mitigated after", metrics.time_to_mitigate),
        ("resolved after", metrics.time_to_resolve),
    ]
    .into_iter()
    .filter_map(|(words, interval)| {
        interval
            .known()
            .map(|delta| format!("{words} {}", format_interval(delta)))
    })
    .collect();
    if parts.is_empty() {
        return "Metrics appear once the start and another key time are set.".to_owned();
    }
    let mut sentence = parts.join(" \u{b7} ");
    if let Some(first) = sentence.get(..1) {
        sentence.replace_range(..1, &first.to_uppercase());
    }
    sentence
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeDelta, TimeZone};

    #[test]
    fn the_metrics_sentence_reads_like_the_issue_asks() {
        let metrics = Metrics {
            duration: Interval::Known(TimeDelta::minutes(30)),
            time_to_detect: Interval::Known(TimeDelta::minutes(2)),
            time_to_acknowledge: Interval::Missing,
            time_to_mitigate: Interval::Known(TimeDelta::minutes(17)),
            time_to_resolve: Interval::Negative,
        };
        assert_eq!(
            metrics_sentence(&metrics),
            "Duration 30 min \u{b7} detected after 2 min \u{b7} mitigated after 17 min"
        );
    }

    #[test]
    fn a_time_of_day_keeps_the_date_or_takes_the_reference() {
        let zone = chrono_tz::Europe::Berlin;
        let current = Utc.with_ymd_and_hms(2025, 8, 1, 12, 0, 0).single();
        let reference = NaiveDate::from_ymd_opt(2025, 9, 9).unwrap();
        let kept = read_key_time("16:03", current, reference, zone).unwrap();
        assert_eq!(kept, Utc.with_ymd_and_hms(2025, 8, 1, 14, 3, 0).single());
        let fresh = read_key_time("16:03", None, reference, zone).unwrap();
        assert_eq!(fresh, Utc.with_ymd_and_hms(2025, 9, 9, 14, 3, 0).single());
        assert_eq!(read_key_time("  ", current, reference, zone).unwrap(), None);
        assert!(read_key_time("25:00", current, reference, zone).is_err());
    }

    #[test]
    fn the_reference_date_comes_from_the_nearest_key_time() {
        let today = NaiveDate::from_ymd_opt(2025, 9, 9).unwrap();
        let mut doc = Postmortem::default();
        assert_eq!(reference_date(&doc, KeyTime::Detected, today), today);
        doc.key_times.resolved = Utc.with_ymd_and_hms(2025, 8, 2, 1, 0, 0).single();
        assert_eq!(
            reference_date(&doc, KeyTime::Detected, today),
            NaiveDate::from_ymd_opt(2025, 8, 2).unwrap()
        );
        doc.key_times.started = Utc.with_ymd_and_hms(2025, 8, 1, 23, 0, 0).single();
        assert_eq!(
            reference_date(&doc, KeyTime::Detected, today),
            NaiveDate::from_ymd_opt(2025, 8, 1).unwrap()
        );
    }

    #[test]
    fn dates_convert_both_ways() {
        let date = NaiveDate::from_ymd_opt(2025, 8, 1).unwrap();
        assert_eq!(to_jiff(date).and_then(from_jiff), Some(date));
    }
}
