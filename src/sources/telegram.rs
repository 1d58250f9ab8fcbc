//! A Telegram chat as Telegram Desktop exports it ("Export chat history", machine-readable
//! JSON, `result.json`): the chat's name and its messages, each with its sender and time.
//! A message's text is a string, or a list of plain strings and marked pieces (a mention,
//! code, a link with its address); its time is `date_unixtime`, an instant, where the
//! export has it, else `date`, the exporting computer's wall clock, read in the zone the
//! person chose or the document's. Joins and leaves are left out, as in every chat.

use chrono::{DateTime, NaiveDateTime, Utc};
use serde::Deserialize;

use super::{ImportedRow, SourceError};
use crate::model::{TimelineRow, instant_in_range};

#[derive(Deserialize)]
struct Chat {
    messages: Vec<Message>,
}

#[derive(Deserialize)]
struct Message {
    #[serde(default)]
    id: Option<i64>,
    #[serde(rename = "type", default)]
    kind: String,
    date: String,
    #[serde(default)]
    date_unixtime: Option<String>,
    /// The sender; `null` for a deleted account.
    #[serde(default)]
    from: Option<String>,
    #[serde(default)]
    from_id: Option<String>,
    /// Who did what a service message reports.
    #[serde(default)]
    actor: Option<String>,
    /// What a service message reports: `pin_message`, `invite_members`, …
    #[serde(default)]
    action: Option<String>,
    #[serde(default)]
    text: Text,
    #[serde(default)]
    reply_to_message_id: Option<i64>,
    #[serde(default)]
    forwarded_from: Option<String>,
    #[serde(default)]
    photo: Option<String>,
    #[serde(default)]
    file: Option<String>,
    #[serde(default)]
    sticker_emoji: Option<String>,
}

/// A message's text: a string, or plain strings and marked pieces.
#[derive(Deserialize, Default)]
#[serde(untagged)]
enum Text {
    #[default]
    None,
    Plain(String),
    Pieces(Vec<Piece>),
}

#[derive(Deserialize)]
#[serde(untagged)]
enum Piece {
    Plain(String),
    Marked {
        #[serde(rename = "type", default)]
        kind: String,
        text: String,
        #[serde(default)]
        href: Option<String>,
    },
}

/// Service actions that only say who came and went.
const COMINGS_AND_GOINGS: [&str; 5] = [
    "invite_members",
    "remove_members",
    "join_group_by_link",
    "join_group_by_request",
    "create_group",
];

/// Whether `text` is one chat of a Telegram Desktop export: an object with a list of
/// `messages`, each with its `type` and `date`, at least one a `message`.
#[must_use]
pub fn is_chat_export_json(text: &str) -> bool {
    #[derive(Deserialize)]
    struct Probe {
        messages: Vec<ProbeMessage>,
    }
    #[derive(Deserialize)]
    struct ProbeMessage {
        #[serde(rename = "type")]
        kind: String,
        date: String,
    }
    serde_json::from_str::<Probe>(text).is_ok_and(|chat| {
        chat.messages
            .iter()
            .all(|message| NaiveDateTime::parse_from_str(&message.date, FORMAT).is_ok())
            && chat
                .messages
                .iter()
                .any(|message| message.kind == "message")
    })
}

/// How an export writes `date`: `2023-02-18T13:35:43`.
const FORMAT: &str = "%Y-%m-%dT%H:%M:%S";

/// The chat's messages as rows, in the export's order (oldest first). A time with no
/// `date_unixtime` is read in `zone`.
pub fn read_chat_export(text: &str, zone: chrono_tz::Tz) -> Result<Vec<ImportedRow>, SourceError> {
    let chat: Chat = serde_json::from_str(text).map_err(|error| SourceError::Unreadable {
        line: error.line(),
        column: error.column(),
        reason: format!("the Telegram export: {error}"),
    })?;
    let mut rows = Vec::new();
    for message in chat.messages {
        let comes_or_goes = message
            .action
            .as_deref()
            .is_some_and(|action| COMINGS_AND_GOINGS.contains(&action));
        if comes_or_goes {
            continue;
        }
        let Some(time) = time_of(&message, zone) else {
            continue;
        };
        rows.push(row(time, message));
    }
    Ok(rows)
}

fn time_of(message: &Message, zone: chrono_tz::Tz) -> Option<DateTime<Utc>> {
    let instant = message
        .date_unixtime
        .as_deref()
        .and_then(|seconds| seconds.parse::<i64>().ok())
        .and_then(|seconds| DateTime::from_timestamp(seconds, 0));
    let wall_clock = || {
        NaiveDateTime::parse_from_str(&message.date, FORMAT)
            .ok()?
            .and_local_timezone(zone)
            .earliest()
            .map(|time| time.with_timezone(&Utc))
    };
    instant
        .or_else(wall_clock)
        .filter(|time| instant_in_range(*time))
}

fn row(time: DateTime<Utc>, message: Message) -> ImportedRow {
    let (mut event, link) = text_of(&message.text);
    let mut notes = Vec::new();
    if message.kind == "service" {
        let action = message
            .action
            .as_deref()
            .unwrap_or("service")
            .replace('_', " ");
        event = if event.is_empty() {
            action
        } else {
            format!("{action}: {event}")
        };
    }
    if let Some(emoji) = &message.sticker_emoji
        && event.is_empty()
    {
        event = format!("Sticker {emoji}");
    }
    if let Some(from) = &message.forwarded_from {
        notes.push(format!("Forwarded from {from}"));
    }
    if let Some(replied) = message.reply_to_message_id {
        notes.push(format!("Reply to message {replied}"));
    }
    for attached in [&message.photo, &message.file].into_iter().flatten() {
        notes.push(format!("Attached: {attached}"));
    }
    if let Some(id) = message.id {
        notes.push(format!("Telegram message {id}"));
    }
    let actor = message.from.or(message.actor).or(message.from_id);
    ImportedRow {
        row: TimelineRow {
            time: Some(time),
            event,
            notes: notes.join("; "),
            actor,
            evidence: link.unwrap_or_default(),
            ..TimelineRow::default()
        },
        lines: None,
        suggests: None,
        routine: false,
    }
}

/// A message's text as one line of plain text, a link's address after its words, code as
/// written; and the first web address it holds.
fn text_of(text: &Text) -> (String, Option<String>) {
    let mut plain = String::new();
    let mut first_link = None;
    match text {
        Text::None => {}
        Text::Plain(text) => plain.push_str(text),
        Text::Pieces(pieces) => {
            for piece in pieces {
                match piece {
                    Piece::Plain(text) => plain.push_str(text),
                    Piece::Marked { kind, text, href } => {
                        plain.push_str(text);
                        let address = href
                            .as_deref()
                            .or((kind == "link").then_some(text.as_str()));
                        if let Some(address) = address {
                            if href.is_some() && href.as_deref() != Some(text.as_str()) {
                                plain.push_str(" (");
                                plain.push_str(address);
                                plain.push(')');
                            }
                            if first_link.is_none() && address.starts_with("http") {
                                first_link = Some(address.to_owned());
                            }
                        }
                    }
                }
            }
        }
    }
    let plain = plain.split_whitespace().collect::<Vec<_>>().join(" ");
    (plain, first_link)
}

#[cfg(test)]
mod tests {
    use super::*;

    const EXPORT: &str = r#"{
        "name": "Ops",
        "type": "private_supergroup",
        "id": 17,
        "messages": [
            {"id": 1, "type": "service", "date": "2023-02-18T13:30:00", "date_unixtime": "1676701800",
             "actor": "Dana", "actor_id": "user1", "action": "invite_members", "members": ["Sam"], "text": ""},
            {"id": 2, "type": "message", "date": "2023-02-18T13:35:43", "date_unixtime": "1676702143",
             "from": "Muhammad Nasrul", "from_id": "user5",
             "text": [{"type": "mention", "text": "@dana"}, " ingress fails: ",
                      {"type": "code", "text": "Error 403: QUOTA_EXCEEDED"}]},
            {"id": 3, "type": "message", "date": "2023-02-18T13:36:12", "date_unixtime": "1676702172",
             "from": "Dana", "from_id": "user1", "reply_to_message_id": 2,
             "text": [{"type": "text_link", "text": "the quota page", "href": "https://console.example/quotas"}, " shows it"]},
            {"id": 4, "type": "message", "date": "2023-02-18T13:40:00",
             "from": null, "from_id": "user9", "photo": "photos/photo_1.jpg", "text": "graph"},
            {"id": 5, "type": "service", "date": "2023-02-18T13:41:00", "date_unixtime": "1676702460",
             "actor": "Dana", "action": "pin_message", "message_id": 2, "text": ""}
        ]
    }"#;

    #[test]
    fn a_chat_export_is_told_from_other_json() {
        assert!(is_chat_export_json(EXPORT));
        for other in [
            r#"{"messages": []}"#,
            r#"{"messages": [{"type": "message", "date": "yesterday"}]}"#,
            r#"[{"type": "message", "ts": "1444329851.000002"}]"#,
            r#"{"log_entries": []}"#,
        ] {
            assert!(!is_chat_export_json(other), "{other}");
        }
    }

    #[test]
    fn each_message_is_a_row_at_its_instant_with_its_sender_and_its_text_whole() {
        let rows = read_chat_export(EXPORT, chrono_tz::Asia::Jakarta).unwrap();
        let rows: Vec<&TimelineRow> = rows.iter().map(|row| &row.row).collect();
        assert_eq!(rows.len(), 4, "the invitation is left out");
        assert_eq!(
            rows[0].time.unwrap().to_rfc3339(),
            "2023-02-18T06:35:43+00:00",
            "date_unixtime is the instant; date is the exporter's clock"
        );
        assert_eq!(rows[0].actor.as_deref(), Some("Muhammad Nasrul"));
        assert_eq!(
            rows[0].event,
            "@dana ingress fails: Error 403: QUOTA_EXCEEDED"
        );
        assert_eq!(
            rows[1].event,
            "the quota page (https://console.example/quotas) shows it"
        );
        assert_eq!(rows[1].evidence, "https://console.example/quotas");
        assert!(rows[1].notes.contains("Reply to message 2"));
        // No instant: the wall clock, in the zone given (Jakarta, UTC+7).
        assert_eq!(
            rows[2].time.unwrap().to_rfc3339(),
            "2023-02-18T06:40:00+00:00"
        );
        assert_eq!(
            rows[2].actor.as_deref(),
            Some("user9"),
            "a deleted account is named by its id"
        );
        assert!(rows[2].notes.contains("Attached: photos/photo_1.jpg"));
        assert_eq!(rows[3].event, "pin message");
        assert_eq!(rows[3].actor.as_deref(), Some("Dana"));
    }

    #[test]
    fn a_broken_export_is_refused_with_its_line_and_column() {
        let broken = &EXPORT[..EXPORT.len() / 2];
        let Err(SourceError::Unreadable {
            line,
            column,
            reason,
        }) = read_chat_export(broken, chrono_tz::UTC)
        else {
            panic!("a broken export was read");
        };
        assert!(line > 1 && column > 0);
        assert!(reason.contains("Telegram"), "{reason}");
    }
}
