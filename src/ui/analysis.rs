//! The written analysis: the template's sections in the order a postmortem is read, then the
//! team's own sections, which can be added, renamed, reordered and removed.

use super::View;
use super::accessible::accessible_name;
use super::attachments::{Where, attach_button_ui, attachments_ui, drop_target, pasted_image};
use super::fields::row_buttons_ui;
use super::focus::focus_if;
use super::internal_mark::internal_toggle_ui;
use super::written_heading::{Rank, written_heading_ui};
use crate::model::{
    AttachedTo, CustomSection, Edit, InternalPart, ListEdit, Place, Postmortem, Section,
};
use crate::session::{Request, UiRequests};

/// The heading of the files attached to the postmortem as a whole.
const ATTACHMENTS: &str = "Attachments";

/// Draws the written analysis, each section with the files attached to it, and at the end
/// the files attached to the postmortem as a whole.
pub fn analysis_ui(
    ui: &mut egui::Ui,
    doc: &Postmortem,
    view: &View<'_>,
    edits: &mut Vec<Edit>,
    requests: &mut UiRequests,
) {
    let focus = view.focus;
    egui::ScrollArea::vertical()
        .auto_shrink(false)
        .show(ui, |ui| {
            crate::ui::accessible::heading(ui, "Analysis");
            ui.weak(
                "Markdown is kept as typed: lists, emphasis and code pass through to the export.",
            );
            // A section the template leaves out is not shown while it is empty.
            for section in Section::ALL.into_iter().filter(|s| doc.narrative.shows(*s)) {
                ui.add_space(10.0);
                let words = format!("the {} section", doc.narrative.heading_of(section));
                let at = Where {
                    place: AttachedTo::Section(section),
                    words: &words,
                };
                let whole = ui.scope(|ui| {
                    let heading = ui
                        .horizontal(|ui| {
                            let heading = section_heading_ui(ui, doc, section, edits);
                            ui.with_layout(
                                egui::Layout::right_to_left(egui::Align::Center),
                                |ui| {
                                    attach_button_ui(ui, &at, requests);
                                    internal_toggle_ui(
                                        ui,
                                        doc,
                                        InternalPart::Section(section),
                                        &words,
                                        edits,
                                    );
                                },
                            );
                            heading
                        })
                        .inner;
                    let mut text = doc.narrative.text(section).to_owned();
                    let hint = doc.narrative.guidance_for(section);
                    let field = text_area_ui(ui, &mut text, &heading, hint);
                    focus_if(focus == Some(Place::Section(section)), &field);
                    if field.changed() {
                        edits.push(Edit::SetSectionText(section, text));
                    }
                    // A screenshot pasted while typing in the section belongs to it.
                    if field.has_focus()
                        && let Some(image) = pasted_image(ui.ctx())
                    {
                        requests.push(Request::AttachImage(image, at.place));
                    }
                    attachments_ui(ui, doc, view.looks, at.place, requests);
                });
                drop_target(ui, whole.response.rect, &at, requests);
            }
            ui.add_space(18.0);
            ui.separator();
            custom_sections_ui(ui, doc, view, edits, requests);
            ui.add_space(18.0);
            ui.separator();
            crate::ui::accessible::subheading(ui, ATTACHMENTS);
            ui.weak(
                "Graphs, screenshots and logs for the postmortem as a whole. They are kept \
                 beside its file, in a folder of their own.",
            );
            let at = Where {
                place: AttachedTo::Document,
                words: "the postmortem",
            };
            let whole = ui.scope(|ui| {
                attachments_ui(ui, doc, view.looks, at.place, requests);
                attach_button_ui(ui, &at, requests);
            });
            drop_target(ui, whole.response.rect, &at, requests);
        });
}

/// A built-in section's heading: the author's own words where the section was written under
/// other ones (an imported "Root Cause Analysis"), with the choice to go back to the
/// template's.
fn section_heading_ui(
    ui: &mut egui::Ui,
    doc: &Postmortem,
    section: Section,
    edits: &mut Vec<Edit>,
) -> egui::Response {
    let written = doc.narrative.heading_of(section);
    let (heading, back) = written_heading_ui(ui, written, section.heading(), Rank::Group);
    if back {
        edits.push(Edit::SetSectionHeading(section, String::new()));
    }
    heading
}

/// A section's text; while it is empty the template's hint (or "Not written yet") shows in
/// it, drawn as a hint and never part of the text.
fn text_area_ui(
    ui: &mut egui::Ui,
    text: &mut String,
    heading: &egui::Response,
    hint: Option<&str>,
) -> egui::Response {
    ui.add(
        egui::TextEdit::multiline(text)
            .desired_rows(3)
            .desired_width(f32::INFINITY)
            .hint_text(
                hint.filter(|hint| !hint.is_empty())
                    .unwrap_or("Not written yet"),
            ),
    )
    .labelled_by(heading.id)
}

fn custom_sections_ui(
    ui: &mut egui::Ui,
    doc: &Postmortem,
    view: &View<'_>,
    edits: &mut Vec<Edit>,
    requests: &mut UiRequests,
) {
    let sections = &doc.narrative.custom_sections;
    let confirm_id = ui.make_persistent_id("confirm_remove_section");
    let mut confirming: Option<usize> = ui.data(|data| data.get_temp(confirm_id)).flatten();
    crate::ui::accessible::subheading(ui, "Your own sections");
    if sections.is_empty() {
        ui.weak("Add a section for anything the template does not cover.");
    }
    for (index, section) in sections.iter().enumerate() {
        ui.add_space(10.0);
        let mut changed = section.clone();
        let mut remove_asked = false;
        ui.horizontal(|ui| {
            ui.weak("Section title");
            let title = ui.add(
                egui::TextEdit::singleline(&mut changed.title)
                    .desired_width(360.0)
                    .font(egui::TextStyle::Heading),
            );
            // Every section has a title field: the number tells them apart.
            accessible_name(
                &title,
                egui::Role::TextInput,
                &format!("Title of section {}", index + 1),
            );
            if title.changed() {
                edits.push(Edit::CustomSections(ListEdit::Replace(
                    index,
                    changed.clone(),
                )));
            }
            let what = format!("section {}", title_or_number(section, index));
            match row_buttons_ui(ui, index, sections.len(), &what) {
                Some(ListEdit::Remove(_)) => remove_asked = true,
                Some(edit) => edits.push(Edit::CustomSections(edit)),
                None => {}
            }
        });
        if remove_asked {
            if section.text.trim().is_empty() {
                edits.push(Edit::CustomSections(ListEdit::Remove(index)));
            } else {
                // Removing words someone wrote deserves a second click.
                confirming = Some(index);
            }
        }
        if confirming == Some(index) {
            ui.horizontal(|ui| {
                ui.colored_label(
                    ui.visuals().warn_fg_color,
                    format!(
                        "Remove \u{201c}{}\u{201d} and its text?",
                        title_or_number(section, index)
                    ),
                );
                let confirm = ui.button("Remove section");
                accessible_name(&confirm, egui::Role::Button, "Confirm remove section");
                if confirm.clicked() {
                    edits.push(Edit::CustomSections(ListEdit::Remove(index)));
                    confirming = None;
                }
                if ui.button("Keep").clicked() {
                    confirming = None;
                }
            });
        }
        own_section_text_ui(ui, doc, view, index, changed, edits, requests);
    }
    ui.add_space(10.0);
    if ui.button("Add section").clicked() {
        edits.push(Edit::CustomSections(ListEdit::Push(CustomSection {
            title: "New section".to_owned(),
            text: String::new(),
            ..CustomSection::default()
        })));
    }
    ui.data_mut(|data| data.insert_temp(confirm_id, confirming));
}

/// The text of the team's section at `index` (`changed` holds its title as being typed),
/// with the files attached to it.
fn own_section_text_ui(
    ui: &mut egui::Ui,
    doc: &Postmortem,
    view: &View<'_>,
    index: usize,
    mut changed: CustomSection,
    edits: &mut Vec<Edit>,
    requests: &mut UiRequests,
) {
    let section = &doc.narrative.custom_sections[index];
    let focus = view.focus;
    let words = format!("the section {}", title_or_number(section, index));
    let at = Where {
        place: AttachedTo::Custom(index),
        words: &words,
    };
    let whole = ui.scope(|ui| {
        let heading = ui
            .horizontal(|ui| {
                let heading = ui.weak(format!("Text of {}", title_or_number(section, index)));
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    attach_button_ui(ui, &at, requests);
                    internal_toggle_ui(ui, doc, InternalPart::Custom(index), &words, edits);
                });
                heading
            })
            .inner;
        let field = text_area_ui(ui, &mut changed.text, &heading, Some(&section.guidance));
        focus_if(focus == Some(Place::CustomSection(index)), &field);
        if field.changed() {
            edits.push(Edit::CustomSections(ListEdit::Replace(index, changed)));
        }
        if field.has_focus()
            && let Some(image) = pasted_image(ui.ctx())
        {
            requests.push(Request::AttachImage(image, at.place));
        }
        attachments_ui(ui, doc, view.looks, at.place, requests);
    });
    drop_target(ui, whole.response.rect, &at, requests);
}

fn title_or_number(section: &CustomSection, index: usize) -> String {
    if section.title.trim().is_empty() {
        format!("{}", index + 1)
    } else {
        section.title.trim().to_owned()
    }
}
