//! People and links written as a field's value: `Incident Lead: Alice R. (on-call SRE);
//! Responders: …`, `Slack #incident-620; Git commit a7c3dbe (https://…)`.

use super::headings::normalized;
use super::values::split_list;
use crate::model::{Link, LinkKind, Participant, ParticipantRole, Postmortem};

/// `Incident Lead: Alice R. (on‑call SRE); Responders: Bob M. (backend engineer), Charlie
/// T.; Reporter: automated latency alert`. A role the document does not know is kept in the
/// person's note.
pub(super) fn read_participants(doc: &mut Postmortem, default_role: ParticipantRole, value: &str) {
    for group in split_groups(value) {
        let (role, names) = match group.split_once(':') {
            Some((role, names)) if role.split_whitespace().count() <= 4 => {
                (Some(role.trim()), names)
            }
            _ => (None, group),
        };
        let known = role.map(role_named);
        for person in split_list(names) {
            let (name, note) = match person.split_once('(') {
                Some((name, note)) => (name.trim(), note.trim_end_matches(')').trim()),
                None => (person, ""),
            };
            let (role, note) = match (known, role) {
                (Some(Some(role)), _) => (role, note.to_owned()),
                (Some(None), Some(written)) => (
                    ParticipantRole::Other,
                    if note.is_empty() {
                        written.to_owned()
                    } else {
                        format!("{written}; {note}")
                    },
                ),
                _ => (default_role, note.to_owned()),
            };
            doc.participants.push(Participant {
                name: name.to_owned(),
                role,
                note,
            });
        }
    }
}

/// Parts of a value split at `;` outside parentheses.
pub(super) fn split_groups(value: &str) -> Vec<&str> {
    let mut groups = Vec::new();
    let mut depth = 0_i32;
    let mut start = 0;
    for (at, character) in value.char_indices() {
        match character {
            '(' => depth += 1,
            ')' => depth -= 1,
            ';' if depth <= 0 => {
                groups.push(value[start..at].trim());
                start = at + 1;
            }
            _ => {}
        }
    }
    groups.push(value[start..].trim());
    groups.retain(|group| !group.is_empty());
    groups
}

fn role_named(role: &str) -> Option<ParticipantRole> {
    let role = normalized(role);
    let role = role.trim_end_matches('s');
    Some(match role {
        "incident lead" | "lead" | "incident commander" | "ic" | "commander"
        | "incident manager" => ParticipantRole::IncidentLead,
        "responder" | "engineer" | "on-call" | "on call" | "participant" => {
            ParticipantRole::Responder
        }
        "reporter" | "reported by" => ParticipantRole::Reporter,
        "scribe" | "note taker" => ParticipantRole::Scribe,
        "other" => ParticipantRole::Other,
        "communication" | "comm" | "comms lead" | "communications lead" => {
            ParticipantRole::Communications
        }
        _ => return None,
    })
}

/// `Slack #incident-620; Git commit a7c3dbe (https://…); [Dashboard](https://…)`.
pub(super) fn read_links(doc: &mut Postmortem, value: &str) {
    for item in split_groups(value) {
        let (label, url) = match item.rsplit_once(" (") {
            Some((label, url)) if is_address(url.trim_end_matches(')')) => {
                (label.trim(), url.trim_end_matches(')').trim())
            }
            _ if is_address(item) => (item, item),
            _ => (item, ""),
        };
        doc.links.push(Link {
            kind: link_kind(label, url),
            label: label.to_owned(),
            url: url.to_owned(),
            internal: false,
        });
    }
}

fn is_address(text: &str) -> bool {
    ["http://", "https://", "mailto:"]
        .iter()
        .any(|scheme| text.starts_with(scheme))
        && !text.contains(char::is_whitespace)
}

/// What a link points at, from the words around it.
fn link_kind(label: &str, url: &str) -> LinkKind {
    let words = format!("{label} {url}").to_lowercase();
    let has = |needles: &[&str]| needles.iter().any(|needle| words.contains(needle));
    if has(&["slack", "channel", "teams", "zulip", "mattermost"]) || label.starts_with('#') {
        LinkKind::ChatChannel
    } else if has(&[
        "commit",
        "pull request",
        "merge request",
        "/pull/",
        "github.com",
    ]) {
        LinkKind::Commit
    } else if has(&["dashboard", "grafana", "datadog", "graph"]) {
        LinkKind::Dashboard
    } else if has(&[
        "status page",
        "status-page",
        "status\u{2011}page",
        "statuspage",
        "status.",
    ]) {
        LinkKind::StatusPage
    } else if has(&["jira", "ticket", "issue", "bug"]) {
        LinkKind::Ticket
    } else if has(&["doc", "wiki", "confluence", "notion"]) {
        LinkKind::Document
    } else {
        LinkKind::Other
    }
}
