//! The overview: the incident's metadata as a form, its key times and metrics, and what
//! validation found.

use super::theme;
use crate::app::OpenDocument;
use crate::model::{
    DocumentStatus, Edit, Interval, KeyTime, Metrics, Postmortem, format_instant, format_interval,
};

/// Draws the overview.
pub fn overview_ui(ui: &mut egui::Ui, document: &OpenDocument, edits: &mut Vec<Edit>) {
    let doc = document.doc();
    egui::ScrollArea::vertical().show(ui, |ui| {
        ui.heading("Overview");
        ui.add_space(6.0);
        egui::Grid::new("overview_form")
            .num_columns(2)
            .spacing([16.0, 8.0])
            .min_col_width(140.0)
            .show(ui, |ui| {
                text_row_ui(ui, "Title", &doc.title, Edit::SetTitle, edits);
                text_row_ui(
                    ui,
                    "Incident ID",
                    &doc.incident_id,
                    Edit::SetIncidentId,
                    edits,
                );
                status_row_ui(ui, doc.status, edits);
                text_row_ui(
                    ui,
                    "Incident type",
                    &doc.classification.incident_type,
                    Edit::SetIncidentType,
                    edits,
                );
                severity_row_ui(ui, doc, edits);
                list_row_ui(ui, "Services", &doc.classification.services);
                list_row_ui(ui, "Authors", &doc.authors);
                let zone = doc.time_zone.name();
                ui.label("Time zone");
                ui.label(zone);
                ui.end_row();
            });

        ui.add_space(12.0);
        key_times_ui(ui, doc);
        ui.add_space(12.0);
        people_and_links_ui(ui, doc);
        ui.add_space(12.0);
        findings_ui(ui, document);
    });
}

/// One labelled single-line text field; a change becomes an edit.
fn text_row_ui(
    ui: &mut egui::Ui,
    label: &str,
    value: &str,
    edit: fn(String) -> Edit,
    edits: &mut Vec<Edit>,
) {
    let label = ui.label(label);
    let mut text = value.to_owned();
    let response = ui.add(
        egui::TextEdit::singleline(&mut text)
            .desired_width(480.0)
            .hint_text("Not set"),
    );
    if response.labelled_by(label.id).changed() {
        edits.push(edit(text));
    }
    ui.end_row();
}

fn status_row_ui(ui: &mut egui::Ui, status: DocumentStatus, edits: &mut Vec<Edit>) {
    let label = ui.label("Status");
    let mut chosen = status;
    egui::ComboBox::from_id_salt("document_status")
        .selected_text(status.label())
        .show_ui(ui, |ui| {
            for option in DocumentStatus::ALL {
                ui.selectable_value(&mut chosen, *option, option.label());
            }
        })
        .response
        .labelled_by(label.id);
    if chosen != status {
        edits.push(Edit::SetStatus(chosen));
    }
    ui.end_row();
}

fn severity_row_ui(ui: &mut egui::Ui, doc: &Postmortem, edits: &mut Vec<Edit>) {
    let label = ui.label("Severity");
    let current = doc.classification.severity.clone();
    let selected_text = match (doc.severity_level(), &current) {
        (Some(level), _) => format!("{} \u{2014} {}", level.name, level.description),
        (None, Some(name)) => format!("{name} (not on this document's scale)"),
        (None, None) => "Not set".to_owned(),
    };
    let mut chosen = current.clone();
    egui::ComboBox::from_id_salt("severity")
        .selected_text(selected_text)
        .width(480.0)
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut chosen, None, "Not set");
            for level in &doc.classification.severity_scale {
                let text = format!("{} \u{2014} {}", level.name, level.description);
                ui.selectable_value(&mut chosen, Some(level.name.clone()), text);
            }
        })
        .response
        .labelled_by(label.id);
    if chosen != current {
        edits.push(Edit::SetSeverity(chosen));
    }
    ui.end_row();
}

fn list_row_ui(ui: &mut egui::Ui, label: &str, items: &[String]) {
    ui.label(label);
    if items.is_empty() {
        ui.weak("None");
    } else {
        ui.label(items.join(", "));
    }
    ui.end_row();
}

fn key_times_ui(ui: &mut egui::Ui, doc: &Postmortem) {
    ui.strong("Key times");
    egui::Grid::new("key_times")
        .num_columns(2)
        .spacing([16.0, 4.0])
        .min_col_width(140.0)
        .show(ui, |ui| {
            for key in KeyTime::ALL {
                ui.label(key.label());
                match doc.key_times.get(key) {
                    Some(time) => ui.label(format_instant(time, doc.time_zone)),
                    None => ui.weak("Not set"),
                };
                ui.end_row();
            }
        });
    ui.add_space(4.0);
    ui.label(metrics_sentence(&Metrics::from_key_times(&doc.key_times)));
}

/// "Duration 30 min · detected after 2 min · …", leaving out what cannot be measured.
fn metrics_sentence(metrics: &Metrics) -> String {
    let parts: Vec<String> = [
        ("Duration", metrics.duration),
        ("detected after", metrics.time_to_detect),
        ("acknowledged after", metrics.time_to_acknowledge),
        ("mitigated after", metrics.time_to_mitigate),
        ("resolved after", metrics.time_to_resolve),
    ]
    .into_iter()
    .filter_map(|(words, interval)| match interval {
        Interval::Known(delta) => Some(format!("{words} {}", format_interval(delta))),
        Interval::Missing | Interval::Negative => None,
    })
    .collect();
    if parts.is_empty() {
        "Metrics appear once the start and another key time are set.".to_owned()
    } else {
        let mut sentence = parts.join(" \u{b7} ");
        if let Some(first) = sentence.get(..1) {
            sentence.replace_range(..1, &first.to_uppercase());
        }
        sentence
    }
}

fn people_and_links_ui(ui: &mut egui::Ui, doc: &Postmortem) {
    ui.strong("Participants");
    if doc.participants.is_empty() {
        ui.weak("None yet");
    }
    for person in &doc.participants {
        let note = if person.note.is_empty() {
            String::new()
        } else {
            format!(" ({})", person.note)
        };
        ui.label(format!("{}: {}{note}", person.role.label(), person.name));
    }
    ui.add_space(8.0);
    ui.strong("Links");
    if doc.links.is_empty() {
        ui.weak("None yet");
    }
    for link in &doc.links {
        ui.horizontal(|ui| {
            ui.label(format!("{}:", link.kind.label()));
            ui.label(&link.label);
            ui.weak(&link.url);
        });
    }
}

fn findings_ui(ui: &mut egui::Ui, document: &OpenDocument) {
    ui.strong("Checks");
    if document.findings().is_empty() {
        ui.weak("No problems found.");
    }
    for finding in document.findings() {
        ui.horizontal_wrapped(|ui| {
            ui.colored_label(
                theme::level_colour(ui.visuals(), finding.level),
                finding.level.label(),
            );
            ui.label(&finding.message);
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeDelta;

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
}
