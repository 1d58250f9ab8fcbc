//! The overview: the incident's metadata as a form laid out like the template's Field | Value
//! table, then its key times, people and links.

use super::accessible::{accessible_name, announce_value};
use super::dates::{date_picker, from_jiff, to_jiff};
use super::fields::{chips_ui, text_cell};
use super::focus::focus_if;
use super::view::View;
use super::{key_times, people};
use crate::model::{DocumentStatus, Edit, ListEdit, Place, Postmortem, SeverityLevel};

/// Width of the value column's text fields.
const FIELD_WIDTH: f32 = 480.0;

/// Draws the overview.
pub fn overview_ui(
    ui: &mut egui::Ui,
    view: &View<'_>,
    key_times: &mut super::key_times::KeyTimesState,
    edits: &mut Vec<Edit>,
) {
    let doc = view.document.doc();
    egui::ScrollArea::vertical()
        .auto_shrink(false)
        .show(ui, |ui| {
            crate::ui::accessible::heading(ui, "Overview");
            ui.add_space(6.0);
            egui::Grid::new("overview_form")
                .num_columns(2)
                .spacing([16.0, 8.0])
                .min_col_width(140.0)
                .show(ui, |ui| {
                    let title = text_row_ui(ui, "Title", &doc.title, Edit::SetTitle, edits);
                    focus_if(view.focus == Some(Place::Title), &title);
                    let incident_id = text_row_ui(
                        ui,
                        "Incident ID",
                        &doc.incident_id,
                        Edit::SetIncidentId,
                        edits,
                    );
                    focus_if(view.focus == Some(Place::IncidentId), &incident_id);
                    status_row_ui(ui, doc.status, edits);
                    let approver = text_row_ui(
                        ui,
                        "Approved by",
                        &doc.approval.approver,
                        Edit::SetApprover,
                        edits,
                    );
                    focus_if(view.focus == Some(Place::Approval), &approver);
                    approval_date_row_ui(ui, doc.approval.approved, view.today, edits);
                    let authors = chips_row_ui(
                        ui,
                        "Authors",
                        "an author",
                        &doc.authors,
                        Edit::Authors,
                        edits,
                    );
                    if view.focus == Some(Place::People) {
                        authors.scroll_to_me(Some(egui::Align::Center));
                    }
                    let incident_type = text_row_ui(
                        ui,
                        "Incident type",
                        &doc.classification.incident_type,
                        Edit::SetIncidentType,
                        edits,
                    );
                    focus_if(view.focus == Some(Place::Classification), &incident_type);
                    let severity = severity_row_ui(ui, doc, edits);
                    focus_if(view.focus == Some(Place::Severity), &severity);
                    crate::ui::accessible::empty_cell(ui);
                    severity_scale_ui(ui, doc, edits);
                    ui.end_row();
                    chips_row_ui(
                        ui,
                        "Services",
                        "a service",
                        &doc.classification.services,
                        Edit::Services,
                        edits,
                    );
                    tags_row_ui(ui, view, edits);
                });

            ui.add_space(16.0);
            key_times::key_times_ui(ui, view, key_times, edits);
            ui.add_space(16.0);
            people::participants_ui(ui, doc, edits);
            ui.add_space(16.0);
            people::links_ui(ui, doc, view.focus, edits);
            ui.add_space(16.0);
        });
}

/// One labelled single-line text field; a change becomes an edit.
fn text_row_ui(
    ui: &mut egui::Ui,
    label: &str,
    value: &str,
    edit: fn(String) -> Edit,
    edits: &mut Vec<Edit>,
) -> egui::Response {
    let label = ui.label(label);
    let mut text = value.to_owned();
    let response = ui
        .add(
            egui::TextEdit::singleline(&mut text)
                .desired_width(FIELD_WIDTH)
                .hint_text("Not set"),
        )
        .labelled_by(label.id);
    if response.changed() {
        edits.push(edit(text));
    }
    ui.end_row();
    response
}

fn chips_row_ui(
    ui: &mut egui::Ui,
    label: &str,
    noun: &str,
    items: &[String],
    edit: fn(ListEdit<String>) -> Edit,
    edits: &mut Vec<Edit>,
) -> egui::Response {
    let label = ui.label(label);
    if let Some(change) = chips_ui(ui, &label, noun, items) {
        edits.push(edit(change));
    }
    ui.end_row();
    label
}

/// The tags as chips, and the team's list (from `hindsight.toml`) to pick from when it
/// keeps one.
fn tags_row_ui(ui: &mut egui::Ui, view: &View<'_>, edits: &mut Vec<Edit>) {
    let tags = &view.document.doc().classification.tags;
    let label = ui.label("Tags");
    if view.focus == Some(Place::Tags) {
        label.scroll_to_me(Some(egui::Align::Center));
    }
    ui.vertical(|ui| {
        if let Some(change) = chips_ui(ui, &label, "a tag", tags) {
            edits.push(Edit::Tags(change));
        }
        let Some(known) = &view.document.rules().tags else {
            return;
        };
        let key = |tag: &str| tag.trim().to_lowercase();
        let unused: Vec<&String> = known
            .iter()
            .filter(|tag| !tags.iter().any(|used| key(used) == key(tag)))
            .collect();
        if unused.is_empty() {
            return;
        }
        let mut picked: Option<String> = None;
        let combo = egui::ComboBox::from_id_salt("team_tags")
            .selected_text("Add from the team\u{2019}s list")
            .width(220.0)
            .show_ui(ui, |ui| {
                for tag in unused {
                    if ui.selectable_label(false, tag.as_str()).clicked() {
                        picked = Some(tag.clone());
                    }
                }
            })
            .response;
        accessible_name(
            &combo,
            egui::Role::ComboBox,
            "Add a tag from the team\u{2019}s list",
        );
        if let Some(tag) = picked {
            edits.push(Edit::Tags(ListEdit::Push(tag)));
        }
    });
    ui.end_row();
}

/// The day the postmortem was signed off: a calendar, "Today" and "Clear".
fn approval_date_row_ui(
    ui: &mut egui::Ui,
    approved: Option<chrono::NaiveDate>,
    today: chrono::NaiveDate,
    edits: &mut Vec<Edit>,
) {
    let label = ui.label("Approved on");
    ui.horizontal(|ui| {
        let shown = approved.unwrap_or(today);
        if let Some(mut picked) = to_jiff(shown) {
            let before = picked;
            // The calendar opens on today while no day is set; the button says so.
            let format = if approved.is_some() {
                "%Y-%m-%d"
            } else {
                "Not yet approved"
            };
            let button = ui.add(date_picker(&mut picked, "approval_date", format));
            accessible_name(&button, egui::Role::Button, "Pick the approval date");
            announce_value(
                &button,
                &approved.map_or_else(|| "Not set".to_owned(), |day| day.to_string()),
            );
            button.labelled_by(label.id);
            if picked != before
                && let Some(day) = from_jiff(picked)
            {
                edits.push(Edit::SetApprovalDate(Some(day)));
            }
        }
        let today_button = (approved != Some(today)).then(|| ui.button("Today"));
        if let Some(button) = &today_button {
            accessible_name(button, egui::Role::Button, "Approved today");
        }
        if today_button.is_some_and(|button| button.clicked()) {
            edits.push(Edit::SetApprovalDate(Some(today)));
        }
        if approved.is_some() {
            let clear = ui.button("Clear");
            accessible_name(&clear, egui::Role::Button, "Clear the approval date");
            if clear.clicked() {
                edits.push(Edit::SetApprovalDate(None));
            }
        }
    });
    ui.end_row();
}

fn status_row_ui(ui: &mut egui::Ui, status: DocumentStatus, edits: &mut Vec<Edit>) {
    let label = ui.label("Status");
    let mut chosen = status;
    let combo = egui::ComboBox::from_id_salt("document_status")
        .selected_text(status.label())
        .show_ui(ui, |ui| {
            for option in DocumentStatus::ALL {
                ui.selectable_value(&mut chosen, *option, option.label());
            }
        })
        .response;
    announce_value(&combo, status.label());
    combo.labelled_by(label.id);
    if chosen != status {
        edits.push(Edit::SetStatus(chosen));
    }
    ui.end_row();
}

/// "SEV-2 — major degradation for many users".
fn level_text(level: &SeverityLevel) -> String {
    if level.description.trim().is_empty() {
        level.name.clone()
    } else {
        format!("{} \u{2014} {}", level.name, level.description)
    }
}

fn severity_row_ui(ui: &mut egui::Ui, doc: &Postmortem, edits: &mut Vec<Edit>) -> egui::Response {
    let label = ui.label("Severity");
    let current = doc.classification.severity.clone();
    let selected_text = match (doc.severity_level(), &current) {
        (Some(level), _) => level_text(level),
        (None, Some(name)) => format!("{name} (not on this document's scale)"),
        (None, None) => "Not set".to_owned(),
    };
    let mut chosen = current.clone();
    let response = egui::ComboBox::from_id_salt("severity")
        .selected_text(selected_text.as_str())
        .width(FIELD_WIDTH)
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut chosen, None, "Not set");
            for level in &doc.classification.severity_scale {
                ui.selectable_value(&mut chosen, Some(level.name.clone()), level_text(level));
            }
        })
        .response
        .labelled_by(label.id);
    announce_value(&response, &selected_text);
    if chosen != current {
        edits.push(Edit::SetSeverity(chosen));
    }
    ui.end_row();
    response
}

/// The team's severity levels, kept in the document: rename, describe, add, remove.
fn severity_scale_ui(ui: &mut egui::Ui, doc: &Postmortem, edits: &mut Vec<Edit>) {
    egui::CollapsingHeader::new("Severity scale")
        .id_salt("severity_scale")
        .show(ui, |ui| {
            let scale = &doc.classification.severity_scale;
            egui::Grid::new("severity_levels")
                .num_columns(3)
                .spacing([8.0, 4.0])
                .show(ui, |ui| {
                    ui.weak("Level");
                    ui.weak("What it means");
                    ui.end_row();
                    for (index, level) in scale.iter().enumerate() {
                        let mut changed = level.clone();
                        let number = index + 1;
                        let name =
                            text_cell(ui, &mut changed.name, 80.0, &format!("Level {number} name"));
                        let description = text_cell(
                            ui,
                            &mut changed.description,
                            FIELD_WIDTH - 160.0,
                            &format!("Level {number} meaning"),
                        );
                        if name.changed() || description.changed() {
                            edits.push(Edit::SeverityScale(ListEdit::Replace(index, changed)));
                        }
                        let remove = ui.add(egui::Button::new("Remove").small());
                        accessible_name(
                            &remove,
                            egui::Role::Button,
                            &format!("Remove level {}", level.name),
                        );
                        if remove.clicked() {
                            edits.push(Edit::SeverityScale(ListEdit::Remove(index)));
                        }
                        ui.end_row();
                    }
                });
            if ui.button("Add level").clicked() {
                let name = format!("SEV-{}", scale.len() + 1);
                edits.push(Edit::SeverityScale(ListEdit::Push(SeverityLevel::new(
                    &name, "",
                ))));
            }
        });
}
