//! Zulip messages as its API gives them (`GET /messages`: `{"messages": [...]}`) and as
//! the zulip-archive tool keeps each topic (a JSON list of the same messages). Each has its
//! sender's full name, its instant (`timestamp`, seconds) and its content, rendered HTML
//! unless it says it is Markdown; a row each, its text as the reader would see it.

use chrono::{DateTime, Utc};
use scraper::Html;
use serde::Deserialize;

use super::html_text::text_of;
use super::{ImportedRow, SourceError};
use crate::model::instant_in_range;

/// One message.
#[derive(Deserialize)]
struct Message {
    sender_full_name: String,
    timestamp: i64,
    #[serde(default)]
    content: String,
    #[serde(default)]
    content_type: Option<String>,
    #[serde(default)]
    id: Option<i64>,
    /// The topic (called `subject` in the API).
    #[serde(default)]
    subject: Option<String>,
}

/// Whether `text` is Zulip messages: a list of them, or the API's answer holding one at
/// least.
#[must_use]
pub fn is_zulip_messages(text: &str) -> bool {
    messages_of(text).is_some_and(|messages| !messages.is_empty())
}

/// Reads Zulip messages: one row per message, at its instant, by its sender.
///
/// # Errors
/// [`SourceError::Unreadable`] when `text` is not Zulip messages.
pub fn read_zulip_messages(text: &str) -> Result<Vec<ImportedRow>, SourceError> {
    let messages = messages_of(text).ok_or_else(|| SourceError::Unreadable {
        line: 1,
        column: 1,
        reason: "not Zulip messages: each needs a sender_full_name and a timestamp".to_owned(),
    })?;
    let topics: std::collections::BTreeSet<&str> = messages
        .iter()
        .filter_map(|message| message.subject.as_deref())
        .collect();
    Ok(messages
        .iter()
        .filter_map(|message| {
            let time = DateTime::from_timestamp(message.timestamp, 0)
                .filter(|time| instant_in_range(*time))?;
            Some(row(message, time, topics.len() > 1))
        })
        .collect())
}

fn messages_of(text: &str) -> Option<Vec<Message>> {
    super::json_list::list_or_field(text, "messages")
}

fn row(message: &Message, time: DateTime<Utc>, many_topics: bool) -> ImportedRow {
    let markdown = message
        .content_type
        .as_deref()
        .is_some_and(|kind| kind.contains("markdown"));
    let event = if markdown {
        message.content.trim().to_owned()
    } else {
        text_of(
            Html::parse_fragment(&message.content).root_element(),
            &|_| false,
        )
    };
    let mut notes = Vec::new();
    if many_topics && let Some(topic) = &message.subject {
        notes.push(format!("Topic: {topic}"));
    }
    if let Some(id) = message.id {
        notes.push(format!("Zulip message {id}"));
    }
    ImportedRow::message(time, Some(message.sender_full_name.clone()), event, &notes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_message_is_a_row_with_its_words_as_shown() {
        let text = r#"[
            {"content": "<p>Is the hub down? See <a href=\"https://status.example.org/\">status</a></p>",
             "id": 24214, "sender_full_name": "Kevin Paul", "timestamp": 1611691562},
            {"content": "<p>DAV is up</p>\n<blockquote>\n<p>Is the hub down?</p>\n</blockquote>",
             "id": 24218, "sender_full_name": "Matt Long", "timestamp": 1611695779}
        ]"#;
        assert!(is_zulip_messages(text));
        let rows = read_zulip_messages(text).unwrap();
        let read: Vec<(String, &str, Option<&str>)> = rows
            .iter()
            .map(|row| {
                (
                    row.row.time.unwrap().to_rfc3339(),
                    row.row.event.as_str(),
                    row.row.actor.as_deref(),
                )
            })
            .collect();
        assert_eq!(
            read,
            [
                (
                    "2021-01-26T20:06:02+00:00".to_owned(),
                    "Is the hub down? See status (https://status.example.org/)",
                    Some("Kevin Paul")
                ),
                (
                    "2021-01-26T21:16:19+00:00".to_owned(),
                    "DAV is up\nIs the hub down?",
                    Some("Matt Long")
                ),
            ]
        );
        assert_eq!(rows[0].row.notes, "Zulip message 24214");
    }

    #[test]
    fn the_api_answer_is_read_with_topics_and_markdown() {
        let text = r#"{"result": "success", "messages": [
            {"content": "**down**", "content_type": "text/x-markdown", "subject": "hub",
             "sender_full_name": "A", "timestamp": 1611691562},
            {"content": "<p>up</p>", "content_type": "text/html", "subject": "dav",
             "sender_full_name": "B", "timestamp": 1611691600}
        ]}"#;
        let rows = read_zulip_messages(text).unwrap();
        assert_eq!(rows[0].row.event, "**down**");
        assert_eq!(rows[0].row.notes, "Topic: hub");
        assert_eq!(rows[1].row.event, "up");
    }

    #[test]
    fn other_json_is_no_zulip_messages() {
        assert!(!is_zulip_messages("{\"messages\": []}"));
        assert!(!is_zulip_messages("[{\"user\": \"a\", \"ts\": \"1\"}]"));
        assert!(!is_zulip_messages("14:03 <alice> is it down?"));
    }
}
