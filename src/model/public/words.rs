//! What the public version does to running text: terms the team listed become "[redacted]",
//! ticket links and links to the team's internal hosts become words, internal host names
//! become "[internal host]", and people's names become their roles. And what it looks for
//! afterwards that should not be there: e-mail addresses, private network addresses,
//! internal hosts, people's names and ticket links.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use std::ops::Range;
use std::sync::LazyLock;

use regex::{Regex, RegexBuilder};

use super::people::Person;
use super::{INTERNAL_HOST, INTERNAL_LINK, LeakKind, REDACTED, TICKET_LINK};

static URL: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r#"https?://[^\s<>"'\)\]]+"#).ok());

/// Addresses of trackers' tickets: Jira, GitHub and GitLab issues, Linear, Zendesk and
/// `ServiceNow`, and the plain `/ticket/123` shape.
static TICKET: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"(?i)/browse/[A-Z][A-Z0-9_]+-\d+|/(-/)?issues/\d+|linear\.app/[^/]+/issue/|/tickets?/\d+|\.service-now\.com/|\.zendesk\.com/agent/tickets/|/servicedesk/customer/portal/",
    )
    .ok()
});

static EMAIL: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}").ok()
});

static IPV4: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"\b\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}\b").ok());

static IPV6: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"(?i)\b[0-9a-f]{1,4}(:[0-9a-f]{0,4}){2,7}\b").ok());

/// A host name: letters, digits and hyphens in parts joined by dots.
static HOST: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)\b[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+\b")
        .ok()
});

/// Whether `host` is one of `domains` or below one.
pub fn is_internal(host: &str, domains: &[String]) -> bool {
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    domains.iter().any(|domain| {
        let domain = domain.trim().trim_start_matches('.').to_ascii_lowercase();
        !domain.is_empty() && (host == domain || host.ends_with(&format!(".{domain}")))
    })
}

/// Whether `address` is on a private, local or shared network, which the public never reaches.
fn is_private(address: IpAddr) -> bool {
    match address {
        IpAddr::V4(v4) => {
            v4.is_private()
                || v4.is_loopback()
                || v4.is_link_local()
                // Carrier-grade NAT, 100.64.0.0/10.
                || (v4.octets()[0] == 100 && (64..128).contains(&v4.octets()[1]))
        }
        IpAddr::V6(v6) => {
            let first = v6.segments()[0];
            v6.is_loopback() || (first & 0xfe00) == 0xfc00 || (first & 0xffc0) == 0xfe80
        }
    }
}

/// Whether the character before `at` and the one at `end` leave `text[at..end]` a whole word.
fn whole_word(text: &str, at: usize, end: usize) -> bool {
    let before = text[..at].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '@')
        && !after.is_some_and(|c| c.is_alphanumeric() || c == '_')
}

/// `text` with each of `spans` (in order, not overlapping) replaced by what `with` gives.
fn replace_spans(text: &str, spans: &[(Range<usize>, String)]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut from = 0;
    for (span, with) in spans {
        out.push_str(&text[from..span.start]);
        out.push_str(with);
        from = span.end;
    }
    out.push_str(&text[from..]);
    out
}

/// The listed terms, wherever they stand as whole words, without regard to case.
pub fn redact(text: &str, terms: &[String]) -> String {
    let mut text = text.to_owned();
    for term in terms
        .iter()
        .map(|term| term.trim())
        .filter(|term| !term.is_empty())
    {
        let Ok(pattern) = RegexBuilder::new(&regex::escape(term))
            .case_insensitive(true)
            .build()
        else {
            continue;
        };
        let spans: Vec<(Range<usize>, String)> = pattern
            .find_iter(&text)
            .filter(|found| whole_word(&text, found.start(), found.end()))
            .map(|found| (found.range(), REDACTED.to_owned()))
            .collect();
        text = replace_spans(&text, &spans);
    }
    text
}

/// Ticket links and links to internal hosts as words. A Markdown link's destination
/// becomes `#` (its words stay, as text); an address in `<…>` goes with its brackets.
pub fn unlink(text: &str, domains: &[String]) -> String {
    let Some(url_pattern) = URL.as_ref() else {
        return text.to_owned();
    };
    let mut spans = Vec::new();
    for found in url_pattern.find_iter(text) {
        let address = found
            .as_str()
            .trim_end_matches(['.', ',', ';', ':', '!', '?']);
        let end = found.start() + address.len();
        let host = url::Url::parse(address)
            .ok()
            .and_then(|url| url.host_str().map(str::to_owned));
        let words = if is_ticket(address) {
            TICKET_LINK
        } else if host.is_some_and(|host| is_internal(&host, domains)) {
            INTERNAL_LINK
        } else {
            continue;
        };
        let before = &text[..found.start()];
        if before.ends_with("](") {
            spans.push((found.start()..end, "#".to_owned()));
        } else if before.ends_with('<') && text[end..].starts_with('>') {
            spans.push((found.start() - 1..end + 1, words.to_owned()));
        } else {
            spans.push((found.start()..end, words.to_owned()));
        }
    }
    replace_spans(text, &spans)
}

/// Whether `address` is a tracker's ticket.
pub fn is_ticket(address: &str) -> bool {
    TICKET
        .as_ref()
        .is_some_and(|pattern| pattern.is_match(address))
}

/// Host names under the internal domains as "[internal host]".
pub fn hide_hosts(text: &str, domains: &[String]) -> String {
    if domains.is_empty() {
        return text.to_owned();
    }
    let Some(host) = HOST.as_ref() else {
        return text.to_owned();
    };
    let spans: Vec<(Range<usize>, String)> = host
        .find_iter(text)
        .filter(|found| is_internal(found.as_str(), domains))
        .map(|found| (found.range(), INTERNAL_HOST.to_owned()))
        .collect();
    replace_spans(text, &spans)
}

/// Each of `people`'s names (in full, by their first name, or as `@handle`) as their phrase,
/// with a capital where it starts a sentence.
pub fn rename(text: &str, people: &[Person]) -> String {
    let mut names: Vec<(String, &str)> = Vec::new();
    for person in people {
        names.push((person.name.clone(), &person.phrase));
        if let Some(first) = &person.first {
            names.push((first.clone(), &person.phrase));
            names.push((format!("@{}", first.to_lowercase()), &person.phrase));
        }
        let handle: String = person
            .name
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect::<String>()
            .to_lowercase();
        names.push((format!("@{handle}"), &person.phrase));
        // A handle made of one of the name's words: `@petty` for Corey Petty.
        for word in person.name.split_whitespace().skip(1) {
            let word = word.trim_end_matches('.');
            if word.chars().count() >= 3 {
                names.push((format!("@{}", word.to_lowercase()), &person.phrase));
            }
        }
    }
    // The longest first, so a full name wins over the first name inside it.
    names.sort_by_key(|(name, _)| std::cmp::Reverse(name.len()));
    let alternatives: Vec<String> = names.iter().map(|(name, _)| regex::escape(name)).collect();
    if alternatives.is_empty() {
        return text.to_owned();
    }
    let Ok(pattern) = Regex::new(&alternatives.join("|")) else {
        return text.to_owned();
    };
    let spans: Vec<(Range<usize>, String)> = pattern
        .find_iter(text)
        .filter(|found| {
            whole_word(text, found.start(), found.end()) || found.as_str().starts_with('@')
        })
        .filter_map(|found| {
            let phrase = names.iter().find(|(name, _)| name == found.as_str())?.1;
            let starts_sentence = text[..found.start()]
                .trim_end_matches([' ', '\t', '*', '_'])
                .chars()
                .next_back()
                .is_none_or(|c| matches!(c, '.' | '!' | '?' | '\n' | ':' | '|' | '-'));
            let phrase = if starts_sentence {
                capitalised(phrase)
            } else {
                phrase.to_owned()
            };
            Some((found.range(), phrase))
        })
        .collect();
    replace_spans(text, &spans)
}

fn capitalised(phrase: &str) -> String {
    let mut chars = phrase.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// What in `text` should not be in a public version, each with where it is.
pub fn leaks_in(
    text: &str,
    people: &[Person],
    domains: &[String],
) -> Vec<(Range<usize>, LeakKind)> {
    let mut found: Vec<(Range<usize>, LeakKind)> = Vec::new();
    if let Some(email) = EMAIL.as_ref() {
        found.extend(
            email
                .find_iter(text)
                .map(|at| (at.range(), LeakKind::EmailAddress)),
        );
    }
    for pattern in [IPV4.as_ref(), IPV6.as_ref()].into_iter().flatten() {
        for at in pattern.find_iter(text) {
            let private = at
                .as_str()
                .parse::<Ipv4Addr>()
                .map(IpAddr::V4)
                .or_else(|_| at.as_str().parse::<Ipv6Addr>().map(IpAddr::V6))
                .is_ok_and(is_private);
            if private {
                found.push((at.range(), LeakKind::PrivateAddress));
            }
        }
    }
    if let Some(host) = HOST.as_ref() {
        found.extend(
            host.find_iter(text)
                .filter(|at| is_internal(at.as_str(), domains))
                .map(|at| (at.range(), LeakKind::InternalHost)),
        );
    }
    if let Some(url) = URL.as_ref() {
        found.extend(
            url.find_iter(text)
                .filter(|at| is_ticket(at.as_str()))
                .map(|at| (at.range(), LeakKind::TicketLink)),
        );
    }
    found.extend(names_in(text, people));
    found.sort_by_key(|(range, _)| (range.start, std::cmp::Reverse(range.end)));
    // One finding per stretch of text: an e-mail address is not also a host.
    let mut kept: Vec<(Range<usize>, LeakKind)> = Vec::new();
    for (range, kind) in found {
        if kept.last().is_some_and(|(last, _)| range.start < last.end) {
            continue;
        }
        kept.push((range, kind));
    }
    kept
}

/// Where people's names are in `text`: the whole name in any case, or a word of it of
/// three letters or more as written (a surname alone, "Rivera"), or in lower case after an
/// `@` (a handle).
fn names_in(text: &str, people: &[Person]) -> Vec<(Range<usize>, LeakKind)> {
    let names: Vec<String> = people.iter().map(|person| person.name.clone()).collect();
    let mut words: Vec<String> = Vec::new();
    for person in people {
        words.extend(
            person
                .name
                .split_whitespace()
                .map(|word| word.trim_end_matches('.'))
                .filter(|word| word.chars().count() >= 3)
                .map(str::to_owned),
        );
    }
    let mut found = Vec::new();
    for (list, any_case) in [(names, true), (words, false)] {
        let mut list = list;
        list.sort_by_key(|word| std::cmp::Reverse(word.len()));
        list.dedup();
        let alternatives: Vec<String> = list.iter().map(|word| regex::escape(word)).collect();
        if alternatives.is_empty() {
            continue;
        }
        let Ok(pattern) = RegexBuilder::new(&alternatives.join("|"))
            .case_insensitive(any_case)
            .build()
        else {
            continue;
        };
        found.extend(
            pattern
                .find_iter(text)
                .filter(|at| whole_word(text, at.start(), at.end()))
                .map(|at| (at.range(), LeakKind::PersonName)),
        );
        // A handle in lower case: `@rivera`.
        if !any_case {
            let Ok(handles) = RegexBuilder::new(&format!("@({})", alternatives.join("|")))
                .case_insensitive(true)
                .build()
            else {
                continue;
            };
            found.extend(
                handles
                    .find_iter(text)
                    .map(|at| (at.start() + 1..at.end(), LeakKind::PersonName)),
            );
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(name: &str, phrase: &str, first: Option<&str>) -> Person {
        Person {
            name: name.to_owned(),
            label: String::new(),
            phrase: phrase.to_owned(),
            first: first.map(str::to_owned),
        }
    }

    #[test]
    fn names_become_roles_in_running_text() {
        let people = [
            person("Alice Rivera", "the incident lead", Some("Alice")),
            person("Bob M.", "responder 1", None),
        ];
        assert_eq!(
            rename(
                "Alice paged Bob M. at 14:05. Alice Rivera then rolled back; @alice said so.",
                &people
            ),
            "The incident lead paged responder 1 at 14:05. The incident lead then rolled back; the incident lead said so."
        );
        assert_eq!(
            rename("Malice and Alicea stay", &people),
            "Malice and Alicea stay"
        );
    }

    #[test]
    fn listed_terms_are_redacted_as_whole_words_in_any_case() {
        let terms = ["Project Falcon".to_owned(), "acme".to_owned()];
        assert_eq!(
            redact("project falcon broke ACME's cache, not acmes.", &terms),
            "[redacted] broke [redacted]'s cache, not acmes."
        );
    }

    #[test]
    fn ticket_and_internal_links_become_words_and_a_markdown_link_keeps_its_words() {
        let domains = ["corp.example.com".to_owned()];
        assert_eq!(
            unlink(
                "See https://acme.atlassian.net/browse/OPS-42, [the graph](https://grafana.corp.example.com/d/1) and <https://github.com/acme/api/issues/7>; https://status.example.com stays.",
                &domains
            ),
            "See [ticket link], [the graph](#) and [ticket link]; https://status.example.com stays."
        );
        assert_eq!(
            hide_hosts(
                "db-3.corp.example.com and corp.example.com but not example.com",
                &domains
            ),
            "[internal host] and [internal host] but not example.com"
        );
    }

    #[test]
    fn what_should_not_be_public_is_found_where_it_is() {
        let people = [person("Alice Rivera", "the incident lead", Some("Alice"))];
        let domains = ["corp.example.com".to_owned()];
        let text = "Mail alice@example.org, host 10.2.3.4 or fd00::1 on db.corp.example.com; Rivera knew. 8.8.8.8 is public. https://example.atlassian.net/browse/OPS-1";
        let kinds: Vec<(&str, LeakKind)> = leaks_in(text, &people, &domains)
            .into_iter()
            .map(|(range, kind)| (&text[range], kind))
            .collect();
        assert_eq!(
            kinds,
            [
                ("alice@example.org", LeakKind::EmailAddress),
                ("10.2.3.4", LeakKind::PrivateAddress),
                ("fd00::1", LeakKind::PrivateAddress),
                ("db.corp.example.com", LeakKind::InternalHost),
                ("Rivera", LeakKind::PersonName),
                (
                    "https://example.atlassian.net/browse/OPS-1",
                    LeakKind::TicketLink
                ),
            ]
        );
    }
}
