//! The people a postmortem names, and the words the public version says instead: a
//! participant's role ("the incident lead"; "responder 2" where several share one), and "a
//! team member" for anyone else the document names as a person.

use super::super::Postmortem;

/// One person the document names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Person {
    /// Their name as written.
    pub name: String,
    /// What stands in a field that holds only their name: "Incident lead".
    pub label: String,
    /// What stands in running text: "the incident lead".
    pub phrase: String,
    /// Their first name, when it alone names them in text ("Alice paged Bob"): a word of
    /// three letters or more that no one else's name starts with.
    pub first: Option<String>,
}

/// Words that name a group or a placeholder, never one person: an owner written as "Infra
/// Team" or "TBD" is nobody's name.
const NOT_A_PERSON: [&str; 24] = [
    "team",
    "teams",
    "group",
    "squad",
    "crew",
    "ops",
    "devops",
    "sre",
    "oncall",
    "on-call",
    "engineering",
    "engineers",
    "support",
    "infrastructure",
    "infra",
    "platform",
    "department",
    "staff",
    "admins",
    "everyone",
    "tbd",
    "unknown",
    "unassigned",
    "the",
];

/// Whether `name` is written as a person's name: one to four words, each starting with a
/// capital letter (an initial such as `R.` counts), no digits, no brackets, no address
/// (`crates.io`), and no word that names a group ("Infra Team"). An automated reporter
/// ("Automated latency alert (Grafana rule)") is not one.
#[must_use]
pub fn looks_like_a_name(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    (1..=4).contains(&words.len())
        && name.chars().count() <= 40
        && words.iter().all(|word| {
            word.chars().next().is_some_and(char::is_uppercase)
                && word
                    .chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\''))
                // A dot ends an initial or a short title (`R.`, `Jr.`), not a host's part.
                && (!word.contains('.') || (word.ends_with('.') && word.chars().count() <= 4))
                && !NOT_A_PERSON.contains(&word.to_lowercase().as_str())
        })
}

/// The handle `name` is written as, without its `@`: one word of letters, digits, `_`, `-`
/// and `.`, in lower case or after an `@` (`@jsnshrmn`, `jakubgs`), that is no placeholder.
#[must_use]
pub fn handle_of(name: &str) -> Option<&str> {
    let name = name.trim();
    let (handle, marked) = name
        .strip_prefix('@')
        .map_or((name, false), |handle| (handle, true));
    let plain = handle.chars().count() >= 3
        && handle
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.'))
        && handle.chars().next().is_some_and(char::is_alphabetic);
    let lower = handle.chars().all(|c| !c.is_uppercase());
    (plain && (marked || lower) && !NOT_A_PERSON.contains(&handle.to_lowercase().as_str()))
        .then_some(handle)
}

/// Everyone the document names as a person: its participants first (with their roles),
/// then authors, the approver and action-item owners who are not among them.
#[must_use]
pub fn people_of(doc: &Postmortem) -> Vec<Person> {
    let mut people: Vec<Person> = Vec::new();
    let known = |people: &[Person], name: &str| {
        people
            .iter()
            .any(|person| person.name.eq_ignore_ascii_case(name))
    };
    for participant in &doc.participants {
        let name = participant.name.trim();
        if name.is_empty() || !looks_like_a_name(name) || known(&people, name) {
            continue;
        }
        let role = participant.role;
        let sharing = doc
            .participants
            .iter()
            .filter(|other| other.role == role && looks_like_a_name(other.name.trim()))
            .count();
        let (label, phrase) = if sharing > 1 {
            let number = 1 + people
                .iter()
                .filter(|person| person.label.starts_with(role.label()))
                .count();
            (
                format!("{} {number}", role.label()),
                format!("{} {number}", role.label().to_lowercase()),
            )
        } else {
            (
                role.label().to_owned(),
                format!("the {}", role.label().to_lowercase()),
            )
        };
        people.push(Person {
            name: name.to_owned(),
            label,
            phrase,
            first: None,
        });
    }
    let others = doc
        .authors
        .iter()
        .chain(std::iter::once(&doc.approval.approver))
        .chain(doc.action_items.iter().map(|item| &item.owner));
    for name in others {
        // An owner written as a handle (`@jsnshrmn`, `jakubgs`) is a person by that name.
        let name = handle_of(name).unwrap_or_else(|| name.trim());
        if name.is_empty()
            || !(looks_like_a_name(name) || handle_of(name).is_some())
            || known(&people, name)
        {
            continue;
        }
        people.push(Person {
            name: name.to_owned(),
            label: "Team member".to_owned(),
            phrase: "a team member".to_owned(),
            first: None,
        });
    }
    // A first name stands for its person only where no one else's name starts with it.
    let firsts: Vec<Option<String>> = people
        .iter()
        .map(|person| {
            let mut words = person.name.split_whitespace();
            let first = words.next()?;
            let long_enough = first.chars().count() >= 3 && first.chars().all(char::is_alphabetic);
            (words.next().is_some() && long_enough).then(|| first.to_owned())
        })
        .collect();
    for (index, first) in firsts.iter().enumerate() {
        let shared = firsts
            .iter()
            .enumerate()
            .any(|(other, name)| other != index && name.is_some() && name == first);
        if !shared {
            people[index].first.clone_from(first);
        }
    }
    people
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActionItem, Participant, ParticipantRole};

    fn participant(name: &str, role: ParticipantRole) -> Participant {
        Participant {
            name: name.to_owned(),
            role,
            note: String::new(),
        }
    }

    #[test]
    fn roles_stand_for_participants_and_a_team_member_for_everyone_else() {
        let doc = Postmortem {
            participants: vec![
                participant("Alice Rivera", ParticipantRole::IncidentLead),
                participant("Bob Martin", ParticipantRole::Responder),
                participant("Carol Ng", ParticipantRole::Responder),
                participant(
                    "Automated latency alert (Grafana)",
                    ParticipantRole::Reporter,
                ),
            ],
            authors: vec!["Alice Rivera".to_owned(), "Dana Wu".to_owned()],
            action_items: vec![ActionItem {
                owner: "Bob Martin".to_owned(),
                ..ActionItem::default()
            }],
            ..Postmortem::default()
        };
        let people = people_of(&doc);
        let said: Vec<(&str, &str, &str)> = people
            .iter()
            .map(|p| (p.name.as_str(), p.label.as_str(), p.phrase.as_str()))
            .collect();
        assert_eq!(
            said,
            [
                ("Alice Rivera", "Incident lead", "the incident lead"),
                ("Bob Martin", "Responder 1", "responder 1"),
                ("Carol Ng", "Responder 2", "responder 2"),
                ("Dana Wu", "Team member", "a team member"),
            ]
        );
        assert_eq!(people[0].first.as_deref(), Some("Alice"));
        assert_eq!(people[2].first.as_deref(), Some("Carol"));
    }

    #[test]
    fn a_group_an_address_or_a_placeholder_is_no_persons_name() {
        for name in [
            "Alice Rivera",
            "Bob M.",
            "Dana Wu Jr.",
            "José",
            "Mary-Kate O'Neil",
        ] {
            assert!(looks_like_a_name(name), "{name}");
        }
        for name in [
            "Infra Team",
            "The Doctor",
            "TBD",
            "Crates.io",
            "SRE",
            "Automated alert (Grafana)",
            "alice",
            "Team 7",
        ] {
            assert!(!looks_like_a_name(name), "{name}");
        }
    }

    #[test]
    fn an_owner_written_as_a_handle_is_a_person_by_it() {
        assert_eq!(handle_of("@jsnshrmn"), Some("jsnshrmn"));
        assert_eq!(handle_of("jakubgs"), Some("jakubgs"));
        assert_eq!(handle_of("@Dana"), Some("Dana"));
        for not_one in ["Dana", "???", "tbd", "@x", "infra team", ""] {
            assert_eq!(handle_of(not_one), None, "{not_one}");
        }
    }

    #[test]
    fn a_first_name_two_people_share_stands_for_neither() {
        let doc = Postmortem {
            participants: vec![
                participant("Sam Lee", ParticipantRole::IncidentLead),
                participant("Sam Ortiz", ParticipantRole::Responder),
                participant("Al Po", ParticipantRole::Responder),
            ],
            ..Postmortem::default()
        };
        let people = people_of(&doc);
        assert!(
            people.iter().all(|person| person.first.is_none()),
            "{people:?}"
        );
    }
}
