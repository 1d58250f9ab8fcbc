//! Microsoft Teams messages as Microsoft Graph gives them (`chatMessage` objects): the API's
//! answer (`{"value": [...]}`), a list of them, or the per-team files of a Teams data export,
//! whose keys are capitalised (`CreatedDateTime`, `Body`, `From`). Each message a person or
//! an app wrote (`messageType` `message`) is a row at its `createdDateTime`, by the sender's
//! display name, its HTML body read as the reader would see it. System events (members
//! added, the channel renamed) and deleted messages are left out.

use chrono::{DateTime, Utc};
use scraper::Html;
use serde::Deserialize;

use super::html_text::text_of;
use super::instant::rfc3339_instant;
use super::{ImportedRow, SourceError};

/// One message. Graph writes its keys in camel case; a Teams data export capitalises them.
#[derive(Deserialize)]
struct Message {
    #[serde(alias = "Id", default)]
    id: Option<String>,
    #[serde(alias = "CreatedDateTime", rename = "createdDateTime")]
    created: String,
    #[serde(alias = "DeletedDateTime", rename = "deletedDateTime", default)]
    deleted: Option<String>,
    #[serde(alias = "MessageType", rename = "messageType", default)]
    kind: Option<String>,
    #[serde(alias = "Body")]
    body: Body,
    #[serde(alias = "From", default)]
    from: Option<From>,
    #[serde(alias = "Subject", default)]
    subject: Option<String>,
    #[serde(alias = "ReplyToId", rename = "replyToId", default)]
    reply_to: Option<String>,
}

#[derive(Deserialize)]
struct Body {
    #[serde(alias = "ContentType", rename = "contentType", default)]
    content_type: Option<String>,
    #[serde(alias = "Content", default)]
    content: Option<String>,
}

/// Who sent a message: a person, or an app (a bot, a connector).
#[derive(Deserialize)]
struct From {
    #[serde(alias = "User", default)]
    user: Option<Identity>,
    #[serde(alias = "Application", default)]
    application: Option<Identity>,
}

#[derive(Deserialize)]
struct Identity {
    #[serde(alias = "DisplayName", rename = "displayName", default)]
    display_name: Option<String>,
}

/// Whether `text` is Teams messages: a list of them, or the API's answer, holding one a
/// person or an app wrote at least.
#[must_use]
pub fn is_teams_messages(text: &str) -> bool {
    messages_of(text).is_some_and(|messages| messages.iter().any(is_written))
}

/// Reads Teams messages: one row per message written, at its instant, by its sender.
///
/// # Errors
/// [`SourceError::Unreadable`] when `text` is not Teams messages, or a message's time is
/// not one.
pub fn read_teams_messages(text: &str) -> Result<Vec<ImportedRow>, SourceError> {
    let messages = messages_of(text).ok_or_else(|| SourceError::Unreadable {
        line: 1,
        column: 1,
        reason: "not Microsoft Teams messages: each needs a createdDateTime and a body".to_owned(),
    })?;
    let mut rows = Vec::new();
    for message in messages.iter().filter(|message| is_written(message)) {
        let time = rfc3339_instant(&message.created).map_err(|error| SourceError::Unreadable {
            line: 0,
            column: 1,
            reason: format!("a message's createdDateTime: {error}"),
        })?;
        rows.push(row(message, time));
    }
    Ok(rows)
}

fn messages_of(text: &str) -> Option<Vec<Message>> {
    super::json_list::list_or_field(text, "value")
}

/// Whether a person or an app wrote it, and it is still there: not a system event.
fn is_written(message: &Message) -> bool {
    message.kind.as_deref().is_none_or(|kind| kind == "message") && message.deleted.is_none()
}

fn row(message: &Message, time: DateTime<Utc>) -> ImportedRow {
    let content = message.body.content.as_deref().unwrap_or("");
    let html = message
        .body
        .content_type
        .as_deref()
        .is_some_and(|kind| kind.eq_ignore_ascii_case("html"));
    let event = if html {
        text_of(Html::parse_fragment(content).root_element(), &|_| false)
    } else {
        content.trim().to_owned()
    };
    let sender = message.from.as_ref().and_then(|from| {
        [&from.user, &from.application]
            .into_iter()
            .flatten()
            .find_map(|identity| identity.display_name.clone())
    });
    let mut notes = Vec::new();
    if let Some(subject) = message.subject.as_deref().filter(|s| !s.trim().is_empty()) {
        notes.push(format!("Subject: {}", subject.trim()));
    }
    if let Some(root) = &message.reply_to {
        notes.push(format!("In reply to Teams message {root}"));
    }
    if let Some(id) = &message.id {
        notes.push(format!("Teams message {id}"));
    }
    ImportedRow::message(time, sender, event, &notes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn graphs_answer_and_a_teams_export_read_alike() {
        let graph = r#"{"@odata.context": "x", "value": [
            {"id": "1616965872395", "messageType": "message",
             "createdDateTime": "2021-03-28T21:11:12.395Z", "deletedDateTime": null,
             "subject": "Checkout down", "replyToId": null,
             "body": {"contentType": "html", "content": "<p>Checkout is <b>down</b> &amp; paging</p>"},
             "from": {"application": null, "user": {"displayName": "Dana W"}}},
            {"id": "1616965900000", "messageType": "systemEventMessage",
             "createdDateTime": "2021-03-28T21:11:40Z",
             "body": {"contentType": "html", "content": "<systemEventMessage/>"}, "from": null},
            {"id": "1616966000000", "messageType": "message",
             "createdDateTime": "2021-03-28T21:13:20+00:00", "deletedDateTime": "2021-03-28T22:00:00Z",
             "body": {"contentType": "text", "content": "oops"}, "from": null}
        ]}"#;
        assert!(is_teams_messages(graph));
        let rows = read_teams_messages(graph).unwrap();
        assert_eq!(rows.len(), 1);
        assert_eq!(
            rows[0].row.time.unwrap().to_rfc3339(),
            "2021-03-28T21:11:12+00:00"
        );
        assert_eq!(rows[0].row.actor.as_deref(), Some("Dana W"));
        assert_eq!(rows[0].row.event, "Checkout is down & paging");
        assert_eq!(
            rows[0].row.notes,
            "Subject: Checkout down; Teams message 1616965872395"
        );
        let export = r#"[{"Id": "2", "CreatedDateTime": "2025-08-14T17:26:09.203+00:00",
            "DeletedDateTime": null, "MessageType": "message", "ReplyToId": "1",
            "Body": {"ContentType": "html", "Content": "<p>Rolled back <emoji id=\"1f47b\" alt=\"\uD83D\uDC7B\" title=\"Ghost\"></emoji></p>"},
            "From": {"Application": {"DisplayName": "Deploy bot"}, "User": null}}]"#;
        let rows = read_teams_messages(export).unwrap();
        assert_eq!(rows[0].row.actor.as_deref(), Some("Deploy bot"));
        assert_eq!(rows[0].row.event, "Rolled back \u{1f47b}");
        assert_eq!(
            rows[0].row.notes,
            "In reply to Teams message 1; Teams message 2"
        );
    }

    #[test]
    fn other_json_is_no_teams_messages_and_a_bad_time_is_refused() {
        assert!(!is_teams_messages("{\"value\": []}"));
        assert!(!is_teams_messages("[{\"user\": \"a\", \"ts\": \"1\"}]"));
        let bad = r#"[{"createdDateTime": "yesterday", "body": {"content": "x"}}]"#;
        assert!(is_teams_messages(bad));
        assert!(matches!(
            read_teams_messages(bad),
            Err(SourceError::Unreadable { .. })
        ));
    }
}
