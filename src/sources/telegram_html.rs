//! A Telegram chat as Telegram Desktop exports it in its default, human-readable form
//! (`messages.html`, with `messages2.html` … for a long chat). Each message is a
//! `<div class="message default">`: its time in the title of its date (`16.03.2026
//! 01:26:58 UTC+01:00`; older exports leave the offset out, and the time is then the
//! exporting computer's wall clock, read in the zone the person chose or the document's),
//! its sender's name, its text, and what it carries (a photo, a file). A message sent
//! right after another by the same person (`joined`) repeats no name: it is theirs.
//! Service messages (the day's heading, who joined or pinned what) carry no time and are
//! left out, as joins are in every chat.

use chrono::{DateTime, NaiveDateTime, Utc};
use chrono_tz::Tz;
use scraper::{ElementRef, Html, Selector};

use super::html_text::text_of;
use super::{ImportedRow, SourceError};
use crate::model::{instant_in_range, local_to_utc};

/// Whether `text` is a Telegram Desktop HTML export: a page with Telegram's message
/// markup, a message's time in the title of its date.
#[must_use]
pub fn is_chat_export_html(text: &str) -> bool {
    let start = text.trim_start().get(..512).unwrap_or(text.trim_start());
    let page = start.to_ascii_lowercase().contains("<html");
    page && text.contains("class=\"message default clearfix")
        && text.contains("class=\"pull_right date details\" title=\"")
}

/// What a page's markup is read through.
struct Selectors {
    message: Selector,
    date: Selector,
    from_name: Selector,
    forwarded_from: Selector,
    text: Selector,
    media: Selector,
    link: Selector,
    reply: Selector,
}

impl Selectors {
    fn new() -> Result<Self, SourceError> {
        let parse = super::html_text::selector;
        Ok(Self {
            message: parse("div.message.default")?,
            date: parse("div.pull_right.date.details")?,
            from_name: parse("div.body:not(.forwarded) > div.from_name")?,
            forwarded_from: parse("div.forwarded.body > div.from_name")?,
            text: parse("div.text")?,
            media: parse("div.media_wrap")?,
            link: parse("a[href]")?,
            reply: parse("div.reply_to a")?,
        })
    }
}

/// Reads a Telegram HTML export: one row per message, at its time, by its sender; times
/// the export gives without their offset are read in `zone`.
///
/// # Errors
/// [`SourceError::Unreadable`] when the page holds no message with a time.
pub fn read_chat_export_html(text: &str, zone: Tz) -> Result<Vec<ImportedRow>, SourceError> {
    let selectors = Selectors::new()?;
    let page = Html::parse_document(text);
    let mut rows = Vec::new();
    let mut sender: Option<String> = None;
    for message in page.select(&selectors.message) {
        let named = message
            .select(&selectors.from_name)
            .next()
            .map(|name| text_of(name, &|_| false))
            .filter(|name| !name.is_empty());
        if named.is_some() {
            sender = named;
        }
        let Some(time) = message
            .select(&selectors.date)
            .next()
            .and_then(|date| date.attr("title"))
            .and_then(|title| instant_of(title, zone))
        else {
            continue;
        };
        rows.push(row(message, time, sender.clone(), &selectors));
    }
    if rows.is_empty() {
        return Err(SourceError::Unreadable {
            line: 0,
            column: 0,
            reason: "a Telegram export page with no message that has its time".to_owned(),
        });
    }
    Ok(rows)
}

/// The instant a date's title names: `16.03.2026 01:26:58 UTC+01:00`, or without the
/// offset, a wall clock in `zone`.
fn instant_of(title: &str, zone: Tz) -> Option<DateTime<Utc>> {
    let title = title.trim();
    let instant = match title.split_once(" UTC") {
        Some((local, offset)) => {
            DateTime::parse_from_str(&format!("{local} {offset}"), "%d.%m.%Y %H:%M:%S %:z")
                .ok()?
                .with_timezone(&Utc)
        }
        None => local_to_utc(
            NaiveDateTime::parse_from_str(title, "%d.%m.%Y %H:%M:%S").ok()?,
            zone,
        )
        .ok()?,
    };
    instant_in_range(instant).then_some(instant)
}

fn row(
    message: ElementRef<'_>,
    time: DateTime<Utc>,
    sender: Option<String>,
    selectors: &Selectors,
) -> ImportedRow {
    let mut event = message
        .select(&selectors.text)
        .next()
        .map(|text| text_of(text, &|_| false))
        .unwrap_or_default();
    for media in message.select(&selectors.media) {
        let address = media
            .select(&selectors.link)
            .next()
            .and_then(|link| link.attr("href"));
        let described = text_of(media, &|_| false).replace('\n', " ");
        let attached = match address {
            Some(address) => format!("Attached: {address}"),
            None => format!("Attached: {described}"),
        };
        if !event.is_empty() {
            event.push('\n');
        }
        event.push_str(&attached);
    }
    let mut notes = Vec::new();
    if let Some(original) = message.select(&selectors.forwarded_from).next() {
        // The name, without the time the original was sent at.
        let from = text_of(original, &|tag| {
            tag.classes().any(|class| class == "details")
        });
        notes.push(format!("Forwarded from {from}"));
    }
    if let Some(replied) = message
        .select(&selectors.reply)
        .next()
        .and_then(|link| link.attr("href"))
        .and_then(|href| href.rsplit("message").next())
        .filter(|id| !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit()))
    {
        notes.push(format!("In reply to Telegram message {replied}"));
    }
    if let Some(id) = message.attr("id").and_then(|id| id.strip_prefix("message")) {
        notes.push(format!("Telegram message {id}"));
    }
    ImportedRow::message(time, sender, event, &notes)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r##"<!DOCTYPE html>
<html>
 <head><meta charset="utf-8"/><title>Exported Data</title></head>
 <body>
  <div class="history">
   <div class="message service" id="message-1">
    <div class="body details">
16 March 2026
    </div>
   </div>
   <div class="message default clearfix" id="message779">
    <div class="body">
     <div class="pull_right date details" title="16.03.2026 01:26:58 UTC+01:00">
01:26
     </div>
     <div class="from_name">
Dana W. 
     </div>
     <div class="text">
The <strong>db-01</strong> disk is full<br>see <a href="https://grafana.example.com/d/1">the board</a>
     </div>
    </div>
   </div>
   <div class="message default clearfix joined" id="message781">
    <div class="body">
     <div class="pull_right date details" title="16.03.2026 01:33:33 UTC+01:00">
01:33
     </div>
     <div class="reply_to details">
In reply to <a href="#go_to_message779" onclick="return GoToMessage(779)">this message</a>
     </div>
     <div class="media_wrap clearfix">
      <a class="photo_wrap clearfix pull_left" href="photos/photo_1.jpg"><img class="photo" src="photos/photo_1_thumb.jpg"/></a>
     </div>
     <div class="text">
Cleared 40 GB
     </div>
    </div>
   </div>
   <div class="message default clearfix" id="message790">
    <div class="body">
     <div class="pull_right date details" title="16.03.2026 02:10:00">
02:10
     </div>
     <div class="from_name">
Sam 
     </div>
     <div class="forwarded body">
      <div class="from_name">
Status bot <span class="date details" title="16.03.2026 02:09:00"> 16.03.2026 02:09:00</span>
      </div>
      <div class="text">
All green
      </div>
     </div>
    </div>
   </div>
  </div>
 </body>
</html>
"##;

    #[test]
    fn each_message_is_a_row_by_its_sender_at_the_time_in_its_title() {
        assert!(is_chat_export_html(PAGE));
        let rows = read_chat_export_html(PAGE, chrono_tz::Europe::Berlin).unwrap();
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
                    "2026-03-16T00:26:58+00:00".to_owned(),
                    Some("Dana W."),
                    "The db-01 disk is full\nsee the board (https://grafana.example.com/d/1)"
                ),
                // A message sent right after the one before is its sender's.
                (
                    "2026-03-16T00:33:33+00:00".to_owned(),
                    Some("Dana W."),
                    "Cleared 40 GB\nAttached: photos/photo_1.jpg"
                ),
                // No offset in the title: the wall clock in the zone given.
                (
                    "2026-03-16T01:10:00+00:00".to_owned(),
                    Some("Sam"),
                    "All green"
                ),
            ]
        );
        assert_eq!(
            rows[1].row.notes,
            "In reply to Telegram message 779; Telegram message 781"
        );
        assert_eq!(
            rows[2].row.notes,
            "Forwarded from Status bot; Telegram message 790"
        );
    }

    #[test]
    fn other_pages_are_no_telegram_export() {
        assert!(!is_chat_export_html(
            "<html><body><p>Hello</p></body></html>"
        ));
        assert!(!is_chat_export_html(
            "[14:03] <dana> class=\"message default clearfix"
        ));
    }
}
