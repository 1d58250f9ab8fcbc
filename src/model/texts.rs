//! Every piece of text a postmortem holds, each with its name and place, for whatever reads
//! all of a document's words: the search, the site's index, the public version's check.

use super::{ActionField, Place, Postmortem, Section, TimelineField};

/// Every piece of text in a postmortem, named, with the place the editor shows it: what
/// search looks at, and what the public version's check reads.
#[must_use]
pub fn document_texts(doc: &Postmortem) -> Vec<(String, &str, Place)> {
    let named = |name: &str| name.to_owned();
    let mut fields: Vec<(String, &str, Place)> = vec![
        (named("Title"), doc.title.as_str(), Place::Title),
        (
            named("Incident ID"),
            doc.incident_id.as_str(),
            Place::IncidentId,
        ),
        (
            named("Incident type"),
            doc.classification.incident_type.as_str(),
            Place::Classification,
        ),
    ];
    for service in &doc.classification.services {
        fields.push((named("Services"), service.as_str(), Place::Classification));
    }
    for tag in &doc.classification.tags {
        fields.push((named("Tags"), tag.as_str(), Place::Tags));
    }
    for author in &doc.authors {
        fields.push((named("Authors"), author.as_str(), Place::People));
    }
    fields.push((
        named("Approved by"),
        doc.approval.approver.as_str(),
        Place::Approval,
    ));
    for person in &doc.participants {
        fields.push((named("Participants"), person.name.as_str(), Place::People));
        fields.push((named("Participants"), person.note.as_str(), Place::People));
    }
    for (index, link) in doc.links.iter().enumerate() {
        fields.push((named("Links"), link.label.as_str(), Place::Link(index)));
        fields.push((named("Links"), link.url.as_str(), Place::Link(index)));
    }
    for section in Section::ALL {
        fields.push((
            doc.narrative.heading_of(section).to_owned(),
            doc.narrative.text(section),
            Place::Section(section),
        ));
    }
    for (index, custom) in doc.narrative.custom_sections.iter().enumerate() {
        fields.push((
            custom.title.clone(),
            custom.text.as_str(),
            Place::CustomSection(index),
        ));
    }
    for (index, row) in doc.timeline.iter().enumerate() {
        let name = format!("Timeline row {}", index + 1);
        let place = Place::TimelineRow(row.id);
        for field in TimelineField::ALL {
            if let Some(written) = field.written(row) {
                fields.push((name.clone(), written, place));
            }
        }
    }
    for (index, item) in doc.action_items.iter().enumerate() {
        let name = format!("Action item {}", index + 1);
        let place = Place::ActionItem(item.id);
        for field in ActionField::ALL {
            if let Some(written) = field.written(item) {
                fields.push((name.clone(), written, place));
            }
        }
    }
    // An attached graph is found by its caption and its file's name.
    for (index, attachment) in doc.attachments.iter().enumerate() {
        let name = format!("Attachment {}", index + 1);
        let place = Place::Attachment(index);
        fields.push((name.clone(), attachment.caption.as_str(), place));
        fields.push((name, attachment.original_name.as_str(), place));
    }
    fields
}
