//! The public version of a postmortem: what a team can publish for its customers. Parts the
//! team marked internal are left out; a public summary takes the summary's place; people's
//! names give way to their roles; ticket links, internal hosts (under the domains the team
//! lists in `hindsight.toml`) and the terms the document lists are taken out; attached files
//! stay behind (no one can read what a screenshot shows). Then what should still not be
//! public is looked for: e-mail addresses, private network addresses, internal hosts,
//! people's names and ticket links.

mod people;
mod words;

use std::ops::Range;

use super::{LinkKind, Place, Postmortem, Section, document_texts};

use people::people_of;

/// What a redacted term shows as.
pub const REDACTED: &str = "[redacted]";
/// What a link to an internal host shows as.
pub const INTERNAL_LINK: &str = "[internal link]";
/// What an internal host's name shows as.
pub const INTERNAL_HOST: &str = "[internal host]";
/// What a ticket's link shows as.
pub const TICKET_LINK: &str = "[ticket link]";

/// The team's rules for public versions, from `hindsight.toml`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PublicRules {
    /// Domains whose hosts are the team's own and never public (`corp.example.com` covers
    /// `db-3.corp.example.com`).
    pub internal_domains: Vec<String>,
}

/// A kind of thing that should not be in a public version.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum LeakKind {
    /// Someone's e-mail address.
    EmailAddress,
    /// An address on a private, local or shared network.
    PrivateAddress,
    /// A host under one of the team's internal domains.
    InternalHost,
    /// A person's name, in a form the roles did not replace.
    PersonName,
    /// A link to a ticket in the team's tracker.
    TicketLink,
}

impl LeakKind {
    /// The words for it.
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::EmailAddress => "e-mail address",
            Self::PrivateAddress => "private network address",
            Self::InternalHost => "internal host",
            Self::PersonName => "person's name",
            Self::TicketLink => "ticket link",
        }
    }
}

/// One thing the public version would still show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Leak {
    /// What it is.
    pub kind: LeakKind,
    /// Where it is.
    pub place: Place,
    /// The field, in words ("Root cause", "Timeline row 3").
    pub field: String,
    /// The words themselves.
    pub text: String,
    /// Where they are in the field's public text.
    pub range: Range<usize>,
}

/// The public version of `doc`.
#[must_use]
pub fn public_version(doc: &Postmortem, rules: &PublicRules) -> Postmortem {
    let people = people_of(doc);
    let domains = &rules.internal_domains;
    let terms = &doc.public.redact;
    let clean = |text: &str| -> String {
        let text = words::redact(text, terms);
        let text = words::unlink(&text, domains);
        let text = words::hide_hosts(&text, domains);
        words::rename(&text, &people)
    };
    // A field that holds only a name shows the person's role; anything else is text.
    let who = |name: &str| -> String {
        person_named(&people, name).map_or_else(|| clean(name), |person| person.label.clone())
    };
    let mut public = doc.clone();
    public.title = clean(&doc.title);
    public.incident_id = clean(&doc.incident_id);
    public.classification.incident_type = clean(&doc.classification.incident_type);
    for name in public
        .classification
        .services
        .iter_mut()
        .chain(public.classification.tags.iter_mut())
    {
        *name = clean(name);
    }
    public.authors.clear();
    public.approval = super::Approval::default();
    public.attachments.clear();
    public.conflicts.clear();
    public.public = super::PublicVersion::default();
    for participant in &mut public.participants {
        participant.name = who(&participant.name);
        participant.note = clean(&participant.note);
    }
    public.links.retain(|link| {
        let host = url::Url::parse(link.url.trim())
            .ok()
            .and_then(|url| url.host_str().map(str::to_owned));
        !link.internal
            && link.kind != LinkKind::Ticket
            && !words::is_ticket(&link.url)
            && host.is_none_or(|host| !words::is_internal(&host, domains))
    });
    for link in &mut public.links {
        link.label = clean(&link.label);
    }
    public.narrative = public_narrative(doc, &clean);
    public.timeline.retain(|row| !row.internal);
    for row in &mut public.timeline {
        row.event = clean(&row.event);
        row.notes = clean(&row.notes);
        row.evidence = clean(&row.evidence);
        row.actor = row.actor.as_deref().map(who);
    }
    public.action_items.retain(|item| !item.internal);
    for item in &mut public.action_items {
        item.action = clean(&item.action);
        item.declined_reason = clean(&item.declined_reason);
        // An owner is someone in the team whatever they are written as (a handle such as
        // `jakubgs` reads as no name): their role, else "Team member".
        if !item.owner.trim().is_empty() {
            item.owner = person_named(&people, &item.owner)
                .map_or_else(|| "Team member".to_owned(), |person| person.label.clone());
        }
        item.ticket_url.clear();
    }
    public
}

/// The person a field that holds only a name (or a handle) names.
fn person_named<'p>(people: &'p [people::Person], name: &str) -> Option<&'p people::Person> {
    let name = name.trim();
    let name = name.strip_prefix('@').unwrap_or(name);
    people.iter().find(|person| {
        person.name.eq_ignore_ascii_case(name)
            || person
                .first
                .as_deref()
                .is_some_and(|first| first.eq_ignore_ascii_case(name))
    })
}

/// The narrative of the public version: the public summary in the summary's place, the
/// sections marked internal emptied and left out, the rest cleaned.
fn public_narrative(doc: &Postmortem, clean: &dyn Fn(&str) -> String) -> super::Narrative {
    let mut narrative = doc.narrative.clone();
    if !doc.public.summary.trim().is_empty() {
        narrative.summary.clone_from(&doc.public.summary);
    }
    for section in Section::ALL {
        let text = narrative.text_mut(section);
        if doc.narrative.internal.contains(&section) {
            text.clear();
            if !narrative.left_out.contains(&section) {
                narrative.left_out.push(section);
            }
        } else {
            *text = clean(text);
        }
    }
    narrative.internal.clear();
    narrative
        .custom_sections
        .retain(|section| !section.internal);
    for section in &mut narrative.custom_sections {
        section.title = clean(&section.title);
        section.text = clean(&section.text);
    }
    narrative
}

/// What the public version of `doc` would still show that should not be public, in the
/// order of the document.
#[must_use]
pub fn public_leaks(doc: &Postmortem, rules: &PublicRules) -> Vec<Leak> {
    let people = people_of(doc);
    let public = public_version(doc, rules);
    let mut leaks = Vec::new();
    for (field, text, place) in document_texts(&public) {
        for (range, kind) in words::leaks_in(text, &people, &rules.internal_domains) {
            leaks.push(Leak {
                kind,
                place,
                field: field.clone(),
                text: text[range.clone()].to_owned(),
                range,
            });
        }
    }
    leaks
}

/// Where in `text` (of a public version of `doc`) something should not be public: for
/// marking it where the text is shown.
#[must_use]
pub fn leaks_in_text(
    doc: &Postmortem,
    rules: &PublicRules,
    text: &str,
) -> Vec<(Range<usize>, LeakKind)> {
    words::leaks_in(text, &people_of(doc), &rules.internal_domains)
}

#[cfg(test)]
mod tests;
