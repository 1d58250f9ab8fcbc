//! A Discord channel as `DiscordChatExporter` saves it as a web page (its HTML templates).
//! Messages come in groups by one author: the first message of a group names the author
//! and its time, the ones after it show only a short time, so each takes the author of
//! the message before it. A time's title gives it in full in the exporting computer's
//! words (`Thursday, February 26, 2026 3:50 p.m.`) and is read by the shared reader of
//! written times; the page's end names the zone (`Timezone: UTC-5`), else the zone the
//! person chose or the document's is taken. A message's text, its attachments (as their
//! addresses) and its embeds' text make the row; who joined the server is left out.

use chrono::{DateTime, NaiveDate, TimeDelta, Utc};
use chrono_tz::Tz;
use scraper::node::Element;
use scraper::{ElementRef, Html, Selector};

use super::html_text::text_of;
use super::{ImportedRow, SourceError};
use crate::model::{DayContext, DayOrder, instant_in_range, parse_time_entry};

/// Whether `text` is a page `DiscordChatExporter` wrote: a web page with its chat log's
/// markup.
#[must_use]
pub fn is_channel_export_html(text: &str) -> bool {
    let start = text.trim_start().get(..512).unwrap_or(text.trim_start());
    start.to_ascii_lowercase().contains("<html")
        && text.contains("chatlog__message")
        && text.contains("chatlog__timestamp")
}

/// What a page's markup is read through.
struct Selectors {
    container: Selector,
    message: Selector,
    group: Selector,
    author: Selector,
    timestamp: Selector,
    content: Selector,
    attachment: Selector,
    embed: Selector,
    system: Selector,
    postamble: Selector,
}

impl Selectors {
    fn new() -> Result<Self, SourceError> {
        let parse = super::html_text::selector;
        Ok(Self {
            container: parse(".chatlog__message-container")?,
            message: parse(".chatlog__message")?,
            group: parse(".chatlog__message-group")?,
            author: parse(".chatlog__author, .chatlog__author-name")?,
            timestamp: parse(".chatlog__timestamp, .chatlog__short-timestamp")?,
            content: parse(".chatlog__content")?,
            attachment: parse(".chatlog__attachment a[href]")?,
            embed: parse(".chatlog__embed")?,
            system: parse(".chatlog__system-notification-content")?,
            postamble: parse(".postamble__entry, .postamble")?,
        })
    }
}

/// Reads a `DiscordChatExporter` page: one row per message, at its time, by its author.
/// `zone` and `day` read times the page gives without a zone or a full date.
///
/// # Errors
/// [`SourceError::Unreadable`] when the page holds no message with a time.
pub fn read_channel_export_html(
    text: &str,
    zone: Tz,
    day: NaiveDate,
) -> Result<Vec<ImportedRow>, SourceError> {
    let selectors = Selectors::new()?;
    let page = Html::parse_document(text);
    let offset = page
        .select(&selectors.postamble)
        .find_map(|entry| stated_offset(&text_of(entry, &|_| false)));
    // The exporter's newer templates wrap each message in a container; the older ones
    // list bare messages under their group's header.
    let containers: Vec<ElementRef<'_>> = page.select(&selectors.container).collect();
    let messages = if containers.is_empty() {
        page.select(&selectors.message).collect()
    } else {
        containers
    };
    let context = DayContext {
        reference: day,
        order: DayOrder::MonthFirst,
        latest: None,
    };
    let mut rows = Vec::new();
    let mut author: Option<String> = None;
    let mut last_time: Option<DateTime<Utc>> = None;
    for message in messages {
        let group = message
            .ancestors()
            .filter_map(ElementRef::wrap)
            .find(|ancestor| selectors.group.matches(ancestor));
        let named = message
            .select(&selectors.author)
            .next()
            .or_else(|| group.and_then(|group| group.select(&selectors.author).next()))
            .map(|name| text_of(name, &|_| false))
            .filter(|name| !name.is_empty());
        if named.is_some() {
            author = named;
        }
        let time = message
            .select(&selectors.timestamp)
            .next()
            .or_else(|| group.and_then(|group| group.select(&selectors.timestamp).next()))
            .and_then(|stamp| {
                // The title says it in full; the words shown, only when it says nothing.
                stamp
                    .attr("title")
                    .and_then(|title| instant_of(title, context, zone, offset))
                    .or_else(|| instant_of(&text_of(stamp, &|_| false), context, zone, offset))
            })
            .or(last_time);
        let Some(time) = time else {
            continue;
        };
        last_time = Some(time);
        if let Some(system) = message.select(&selectors.system).next() {
            let said = text_of(system, &|_| false);
            if comes_or_goes(&said) {
                continue;
            }
        }
        rows.push(row(message, time, author.clone(), &selectors));
    }
    if rows.is_empty() {
        return Err(SourceError::Unreadable {
            line: 0,
            column: 0,
            reason: "a DiscordChatExporter page with no message that has its time".to_owned(),
        });
    }
    Ok(rows)
}

/// The offset the page's end states (`Timezone: UTC-5`, `Timezone: UTC+05:30`).
fn stated_offset(entry: &str) -> Option<TimeDelta> {
    let rest = entry.trim().strip_prefix("Timezone:")?.trim();
    let rest = rest.strip_prefix("UTC")?;
    if rest.is_empty() {
        return Some(TimeDelta::zero());
    }
    let (sign, rest) = match rest.chars().next()? {
        '+' => (1, &rest[1..]),
        '-' | '\u{2212}' => (-1, rest.trim_start_matches(['-', '\u{2212}'])),
        _ => return None,
    };
    let (hours, minutes) = rest.split_once(':').unwrap_or((rest, "0"));
    let hours: i64 = hours.trim().parse().ok()?;
    let minutes: i64 = minutes.trim().parse().ok()?;
    (hours <= 14 && minutes < 60).then(|| TimeDelta::minutes(sign * (hours * 60 + minutes)))
}

/// The instant a written time stands for: on its own date, at the page's stated offset,
/// else in `zone`.
fn instant_of(
    written: &str,
    context: DayContext,
    zone: Tz,
    offset: Option<TimeDelta>,
) -> Option<DateTime<Utc>> {
    let entry = parse_time_entry(written).ok()?;
    let instant = match offset {
        Some(offset) if entry.clock.zone.is_none() => {
            entry.on(context, chrono_tz::UTC).ok()? - offset
        }
        _ => entry.on(context, zone).ok()?,
    };
    instant_in_range(instant).then_some(instant)
}

/// Whether a system notification only says someone came or went.
fn comes_or_goes(said: &str) -> bool {
    let said = said.to_lowercase();
    [
        "joined the server",
        "joined the group",
        "left the group",
        "left the server",
    ]
    .iter()
    .any(|phrase| said.contains(phrase))
}

/// Marks the exporter adds to a message's text that are not its words.
fn is_a_mark(tag: &Element) -> bool {
    tag.classes()
        .any(|class| class == "chatlog__edited-timestamp")
}

fn row(
    message: ElementRef<'_>,
    time: DateTime<Utc>,
    author: Option<String>,
    selectors: &Selectors,
) -> ImportedRow {
    let mut parts = Vec::new();
    if let Some(content) = message.select(&selectors.content).next() {
        parts.push(text_of(content, &is_a_mark));
    } else if let Some(system) = message.select(&selectors.system).next() {
        parts.push(text_of(system, &|_| false));
    }
    for link in message.select(&selectors.attachment) {
        if let Some(address) = link.attr("href") {
            parts.push(format!("Attached: {address}"));
        }
    }
    for embed in message.select(&selectors.embed) {
        parts.push(text_of(embed, &|_| false));
    }
    let mut notes = Vec::new();
    if parts.iter().all(String::is_empty) {
        notes.push("The export holds no text for this message".to_owned());
    }
    if let Some(id) = message.attr("data-message-id") {
        notes.push(format!("Discord message {id}"));
    }
    let event = parts
        .into_iter()
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("\n");
    ImportedRow::message(time, author, event, &notes)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!DOCTYPE html><html lang=en><head><title>Ops - incident</title></head><body>
<div class=chatlog>
<div class=chatlog__message-group><div id=chatlog__message-container-11 class=chatlog__message-container data-message-id=11><div class=chatlog__message><div class=chatlog__message-primary><div class=chatlog__header><span class=chatlog__author title=dana_w data-user-id=1>Dana</span> <span class=chatlog__timestamp title="Thursday, February 26, 2026 3:50 p.m."><a href=#chatlog__message-container-11>2026-02-26 3:50 p.m.</a></span></div><div class="chatlog__content chatlog__markdown"><span class=chatlog__markdown-preserve>db-01 is down, see <a href="https://status.example.com/">https://status.example.com/</a></span><span class=chatlog__edited-timestamp title="Thursday, February 26, 2026 3:52 p.m.">(edited)</span></div></div></div></div><div id=chatlog__message-container-12 class=chatlog__message-container data-message-id=12><div class=chatlog__message><div class=chatlog__message-aside><div class=chatlog__short-timestamp title="Thursday, February 26, 2026 3:53 p.m.">3:53 p.m.</div></div><div class=chatlog__message-primary><div class=chatlog__attachment><a href="https://cdn.example.com/graph.png"><img class=chatlog__attachment-media src="https://cdn.example.com/graph.png" alt="Image attachment"></a></div></div></div></div></div>
<div class=chatlog__message-group><div id=chatlog__message-container-13 class=chatlog__message-container data-message-id=13><div class=chatlog__message><div class=chatlog__message-primary><div class=chatlog__header><span class=chatlog__author title=sam data-user-id=2>Sam</span> <span class=chatlog__timestamp title="Thursday, February 26, 2026 4:01 p.m."><a href=#chatlog__message-container-13>2026-02-26 4:01 p.m.</a></span></div><div class="chatlog__content chatlog__markdown"><span class=chatlog__markdown-preserve>failing over <img class=chatlog__emoji alt="👍" src="e.svg"></span></div></div></div></div></div>
</div>
<div class=postamble><div class=postamble__entry>Exported 3 message(s)</div><div class=postamble__entry>Timezone: UTC-5</div></div>
</body></html>
"#;

    #[test]
    fn each_message_takes_its_groups_author_and_the_pages_zone() {
        assert!(is_channel_export_html(PAGE));
        let day = NaiveDate::from_ymd_opt(2020, 1, 1).unwrap();
        let rows = read_channel_export_html(PAGE, chrono_tz::Asia::Tokyo, day).unwrap();
        let read: Vec<(String, Option<&str>, &str)> = rows
            .iter()
            .map(|row| {
                (
                    row.row.time.unwrap().to_rfc3339(),
                    row.row.actor.as_deref(),
                    row.row.event.as_str(),
                )
            })
            .collect();
        assert_eq!(
            read,
            [
                (
                    "2026-02-26T20:50:00+00:00".to_owned(),
                    Some("Dana"),
                    "db-01 is down, see https://status.example.com/"
                ),
                (
                    "2026-02-26T20:53:00+00:00".to_owned(),
                    Some("Dana"),
                    "Attached: https://cdn.example.com/graph.png"
                ),
                (
                    "2026-02-26T21:01:00+00:00".to_owned(),
                    Some("Sam"),
                    "failing over 👍"
                ),
            ]
        );
        assert_eq!(rows[0].row.notes, "Discord message 11");
    }

    #[test]
    fn without_a_stated_zone_the_given_one_is_taken() {
        let page = PAGE.replace("<div class=postamble__entry>Timezone: UTC-5</div>", "");
        let day = NaiveDate::from_ymd_opt(2020, 1, 1).unwrap();
        let rows = read_channel_export_html(&page, chrono_tz::Europe::London, day).unwrap();
        assert_eq!(
            rows[0].row.time.unwrap().to_rfc3339(),
            "2026-02-26T15:50:00+00:00"
        );
    }

    #[test]
    fn the_stated_offset_is_read_in_its_forms() {
        assert_eq!(stated_offset("Timezone: UTC-5"), Some(TimeDelta::hours(-5)));
        assert_eq!(
            stated_offset("Timezone: UTC+05:30"),
            Some(TimeDelta::minutes(330))
        );
        assert_eq!(stated_offset("Timezone: UTC"), Some(TimeDelta::zero()));
        assert_eq!(stated_offset("Exported 3 message(s)"), None);
    }
}
