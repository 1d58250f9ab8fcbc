use super::*;
use crate::model::{
    ActionItem, CustomSection, Link, Participant, ParticipantRole, PublicVersion, TimelineRow,
};

fn links() -> Vec<Link> {
    vec![
        Link {
            kind: LinkKind::Ticket,
            label: "OPS-42".to_owned(),
            url: "https://acme.atlassian.net/browse/OPS-42".to_owned(),
            internal: false,
        },
        Link {
            kind: LinkKind::Dashboard,
            label: "Grafana".to_owned(),
            url: "https://grafana.corp.example.com/d/1".to_owned(),
            internal: false,
        },
        Link {
            kind: LinkKind::Other,
            label: "Status page".to_owned(),
            url: "https://status.example.com/incidents/1".to_owned(),
            internal: false,
        },
        Link {
            kind: LinkKind::Other,
            label: "War room".to_owned(),
            url: "https://chat.example.com/room".to_owned(),
            internal: true,
        },
    ]
}

fn doc() -> Postmortem {
    let mut doc = Postmortem {
        title: "Checkout down for Project Falcon".to_owned(),
        authors: vec!["Alice Rivera".to_owned()],
        ..Postmortem::default()
    };
    doc.participants = vec![
        Participant {
            name: "Alice Rivera".to_owned(),
            role: ParticipantRole::IncidentLead,
            note: "on-call SRE".to_owned(),
        },
        Participant {
            name: "Bob Martin".to_owned(),
            role: ParticipantRole::Responder,
            note: String::new(),
        },
    ];
    doc.links = links();
    doc.narrative.summary = "Alice paged Bob Martin.".to_owned();
    doc.narrative.root_cause = "db-3.corp.example.com ran out of disk.".to_owned();
    doc.narrative.impact = "Internal only.".to_owned();
    doc.narrative.internal = vec![Section::Impact];
    doc.narrative.custom_sections = vec![
        CustomSection {
            title: "Customer comms".to_owned(),
            text: "Sent at 15:00.".to_owned(),
            ..CustomSection::default()
        },
        CustomSection {
            title: "Blame-free gossip".to_owned(),
            text: "Nothing.".to_owned(),
            internal: true,
            ..CustomSection::default()
        },
    ];
    doc.timeline = vec![
        TimelineRow {
            event: "Alice rolled back".to_owned(),
            actor: Some("Alice Rivera".to_owned()),
            ..TimelineRow::default()
        },
        TimelineRow {
            event: "Pager noise".to_owned(),
            internal: true,
            ..TimelineRow::default()
        },
        TimelineRow {
            event: "Alert fired".to_owned(),
            actor: Some("Grafana".to_owned()),
            ..TimelineRow::default()
        },
    ];
    doc.action_items = vec![
        ActionItem {
            action: "Add disk alerts for Project Falcon".to_owned(),
            owner: "Bob Martin".to_owned(),
            ticket_url: "https://acme.atlassian.net/browse/OPS-43".to_owned(),
            ..ActionItem::default()
        },
        ActionItem {
            action: "Talk to the vendor".to_owned(),
            owner: "Dana Wu".to_owned(),
            internal: true,
            ..ActionItem::default()
        },
        ActionItem {
            action: "Tell @martin".to_owned(),
            owner: "jakubgs".to_owned(),
            ..ActionItem::default()
        },
    ];
    doc.classification.services = vec!["Checkout".to_owned(), "pg-7.corp.example.com".to_owned()];
    doc.classification.tags = vec!["project falcon".to_owned()];
    doc.public = PublicVersion {
        summary: String::new(),
        redact: vec!["Project Falcon".to_owned()],
    };
    doc
}

fn rules() -> PublicRules {
    PublicRules {
        internal_domains: vec!["corp.example.com".to_owned()],
    }
}

#[test]
fn the_public_version_leaves_out_what_is_internal_and_names_roles() {
    let public = public_version(&doc(), &rules());
    assert_eq!(public.title, "Checkout down for [redacted]");
    assert_eq!(
        public.classification.services,
        ["Checkout", "[internal host]"]
    );
    assert_eq!(public.classification.tags, ["[redacted]"]);
    assert!(public.authors.is_empty());
    let names: Vec<&str> = public
        .participants
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(names, ["Incident lead", "Responder"]);
    let links: Vec<&str> = public.links.iter().map(|l| l.label.as_str()).collect();
    assert_eq!(
        links,
        ["Status page"],
        "ticket, internal host and internal link are gone"
    );
    assert_eq!(
        public.narrative.summary,
        "The incident lead paged the responder."
    );
    assert_eq!(
        public.narrative.root_cause,
        "[internal host] ran out of disk."
    );
    assert_eq!(public.narrative.impact, "");
    assert!(public.narrative.left_out.contains(&Section::Impact));
    let sections: Vec<&str> = public
        .narrative
        .custom_sections
        .iter()
        .map(|s| s.title.as_str())
        .collect();
    assert_eq!(sections, ["Customer comms"]);
    let rows: Vec<(&str, Option<&str>)> = public
        .timeline
        .iter()
        .map(|row| (row.event.as_str(), row.actor.as_deref()))
        .collect();
    assert_eq!(
        rows,
        [
            ("The incident lead rolled back", Some("Incident lead")),
            ("Alert fired", Some("Grafana"))
        ]
    );
    assert_eq!(public.action_items.len(), 2);
    assert_eq!(
        public.action_items[0].action,
        "Add disk alerts for [redacted]"
    );
    assert_eq!(public.action_items[0].owner, "Responder");
    assert_eq!(public.action_items[0].ticket_url, "");
    // A handle made of a surname is the person too; an owner written as a handle is a
    // team member.
    assert_eq!(public.action_items[1].action, "Tell the responder");
    assert_eq!(public.action_items[1].owner, "Team member");
    assert!(
        public.public.is_empty(),
        "the list of terms to redact is not published"
    );
    assert!(
        public_leaks(&doc(), &rules()).is_empty(),
        "{:?}",
        public_leaks(&doc(), &rules())
    );
}

#[test]
fn a_public_summary_takes_the_summarys_place() {
    let mut doc = doc();
    doc.public.summary = "Checkout failed for 40 minutes.".to_owned();
    assert_eq!(
        public_version(&doc, &rules()).narrative.summary,
        "Checkout failed for 40 minutes."
    );
}

#[test]
fn what_the_public_version_would_still_show_is_found() {
    let mut doc = doc();
    doc.narrative.resolution =
        "Mail ops@acme.example.org; 10.0.4.2 restarted; alice rivera, Martin's team and https://gitlab.com/acme/api/-/issues/9 helped.".to_owned();
    let leaks = public_leaks(&doc, &rules());
    let found: Vec<(LeakKind, &str, &str)> = leaks
        .iter()
        .map(|leak| (leak.kind, leak.field.as_str(), leak.text.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            (LeakKind::EmailAddress, "Resolution", "ops@acme.example.org"),
            (LeakKind::PrivateAddress, "Resolution", "10.0.4.2"),
            (LeakKind::PersonName, "Resolution", "alice rivera"),
            (LeakKind::PersonName, "Resolution", "Martin"),
        ],
        "the ticket link was taken out: {leaks:?}"
    );
}
