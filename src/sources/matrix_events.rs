//! A Matrix room's events as the client-server API gives them, one JSON object per line
//! (what archiving bots and `curl … /messages | jq -c` write), or as a JSON list of events,
//! or the API's own answer (`{"chunk": [...]}`). Each message event (`m.room.message`: a
//! text, a notice, an emote, an image) is a row at its `origin_server_ts`, an instant, by
//! its sender under the name the room knows them by. The room's state (its creation,
//! power levels, joins and leaves) is left out, as in every chat; so is a message's edit
//! (`m.new_content`), which repeats the message it corrects.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use serde::Deserialize;
use serde_json::Value;

use super::{ImportedRow, SourceError};
use crate::model::instant_in_range;

/// One event of a room.
#[derive(Deserialize)]
struct Event {
    #[serde(rename = "type")]
    kind: String,
    sender: String,
    origin_server_ts: i64,
    #[serde(default, rename = "event_id")]
    id: Option<String>,
    #[serde(default)]
    state_key: Option<String>,
    #[serde(default)]
    content: Value,
}

/// The API's answer to a request for a room's messages.
#[derive(Deserialize)]
struct Chunk {
    chunk: Vec<Event>,
}

/// Whether `text` is a Matrix room's events: JSON lines most of which are events (with a
/// `type`, a `sender` and an `origin_server_ts`), at least one a message; or a list of
/// such events, or the API's `{"chunk": [...]}`.
#[must_use]
pub fn is_room_events(text: &str) -> bool {
    events_of(text).is_some_and(|events| events.iter().any(|(_, event)| is_message(event)))
}

/// Reads a Matrix room's events: one row per message, at its instant, by its sender's name.
///
/// # Errors
/// [`SourceError::Unreadable`] when `text` is not a room's events.
pub fn read_room_events(text: &str) -> Result<Vec<ImportedRow>, SourceError> {
    let events = events_of(text).ok_or_else(|| SourceError::Unreadable {
        line: 1,
        column: 1,
        reason: "not a Matrix room's events: each needs a type, a sender and an \
                 origin_server_ts"
            .to_owned(),
    })?;
    let names = names_in(text, &events);
    let rows = events
        .into_iter()
        .filter(|(_, event)| is_message(event) && !is_an_edit(event))
        .filter_map(|(line, event)| {
            // A timeline keeps whole seconds, as every other source gives them.
            let time = DateTime::from_timestamp(event.origin_server_ts.div_euclid(1000), 0)
                .filter(|time| instant_in_range(*time))?;
            Some(row(line, time, &event, &names))
        })
        .collect();
    Ok(rows)
}

/// The events of `text`, each with the line it is on (for JSON lines), or `None` when the
/// text holds none. A line that is no event (a map of names, a blank) is passed over, but
/// most lines must be events.
fn events_of(text: &str) -> Option<Vec<(Option<usize>, Event)>> {
    let trimmed = text.trim_start();
    if trimmed.starts_with('[') {
        let events: Vec<Event> = serde_json::from_str(trimmed).ok()?;
        return (!events.is_empty()).then(|| events.into_iter().map(|e| (None, e)).collect());
    }
    if let Ok(Chunk { chunk }) = serde_json::from_str::<Chunk>(trimmed) {
        return (!chunk.is_empty()).then(|| chunk.into_iter().map(|e| (None, e)).collect());
    }
    let mut lines = 0;
    let mut events = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        lines += 1;
        if let Ok(event) = serde_json::from_str::<Event>(line) {
            events.push((Some(index + 1), event));
        }
    }
    (!events.is_empty() && events.len() * 2 > lines).then_some(events)
}

fn is_message(event: &Event) -> bool {
    event.kind == "m.room.message" && event.state_key.is_none()
}

fn is_an_edit(event: &Event) -> bool {
    event.content.get("m.new_content").is_some()
}

/// The names the room knows its members by: from its member events' `displayname`, and
/// from a line of the file that maps ids to names (`{"@dzaima:matrix.org":"dzaima"}`).
fn names_in(text: &str, events: &[(Option<usize>, Event)]) -> HashMap<String, String> {
    let mut names: HashMap<String, String> = HashMap::new();
    for line in text
        .lines()
        .filter(|line| line.trim_start().starts_with('{'))
    {
        if let Ok(map) = serde_json::from_str::<HashMap<String, String>>(line.trim())
            && map.keys().all(|id| id.starts_with('@'))
        {
            names.extend(map);
        }
    }
    for (_, event) in events {
        if event.kind == "m.room.member"
            && let Some(name) = event.content.get("displayname").and_then(Value::as_str)
            && let Some(id) = event.state_key.as_deref()
        {
            names
                .entry(id.to_owned())
                .or_insert_with(|| name.to_owned());
        }
    }
    names
}

fn row(
    line: Option<usize>,
    time: DateTime<Utc>,
    event: &Event,
    names: &HashMap<String, String>,
) -> ImportedRow {
    let text = |key: &str| event.content.get(key).and_then(Value::as_str).unwrap_or("");
    let body = text("body");
    let event_text = match text("msgtype") {
        // `/me waves`: the sender's action, told in the third person.
        "m.emote" => format!("* {body}"),
        "m.image" | "m.file" | "m.video" | "m.audio" => {
            let address = text("url");
            if address.is_empty() {
                format!("Attached: {body}")
            } else {
                format!("Attached: {body} ({address})")
            }
        }
        _ => body.to_owned(),
    };
    let mut notes = Vec::new();
    if text("msgtype") == "m.notice" {
        notes.push("A bot's notice".to_owned());
    }
    if let Some(id) = &event.id {
        notes.push(format!("Matrix event {id}"));
    }
    let actor = names
        .get(&event.sender)
        .cloned()
        .unwrap_or_else(|| event.sender.clone());
    ImportedRow {
        lines: line.map(|line| vec![line]),
        ..ImportedRow::message(time, Some(actor), event_text, &notes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const EVENTS: &str = "{\"@dz:matrix.org\":\"dzaima\"}\n\
        {\"state_key\":\"\",\"origin_server_ts\":1643377074452,\"sender\":\"@dz:matrix.org\",\
         \"type\":\"m.room.create\",\"content\":{\"creator\":\"@dz:matrix.org\"}}\n\
        {\"state_key\":\"@bot:t2bot.io\",\"origin_server_ts\":1643377074597,\
         \"sender\":\"@bot:t2bot.io\",\"type\":\"m.room.member\",\
         \"content\":{\"displayname\":\"Discord bridge\",\"membership\":\"join\"}}\n\
        {\"origin_server_ts\":1643377279452,\"event_id\":\"$a\",\"sender\":\"@dz:matrix.org\",\
         \"type\":\"m.room.message\",\"content\":{\"msgtype\":\"m.text\",\"body\":\"is it down?\"}}\n\
        {\"origin_server_ts\":1643377283000,\"sender\":\"@bot:t2bot.io\",\
         \"type\":\"m.room.message\",\"content\":{\"msgtype\":\"m.notice\",\"body\":\"bridged\"}}\n\
        {\"origin_server_ts\":1643377290000,\"sender\":\"@dz:matrix.org\",\
         \"type\":\"m.room.message\",\"content\":{\"body\":\"* is it up?\",\
         \"m.new_content\":{\"body\":\"is it up?\"}}}\n";

    #[test]
    fn each_message_is_a_row_at_its_instant_by_the_name_the_room_knows() {
        assert!(is_room_events(EVENTS));
        let rows = read_room_events(EVENTS).unwrap();
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
                    "2022-01-28T13:41:19+00:00".to_owned(),
                    "is it down?",
                    Some("dzaima")
                ),
                (
                    "2022-01-28T13:41:23+00:00".to_owned(),
                    "bridged",
                    Some("Discord bridge")
                ),
            ]
        );
        assert_eq!(rows[0].lines, Some(vec![4]));
        assert!(rows[1].row.notes.contains("notice"));
    }

    #[test]
    fn other_json_and_chat_text_are_no_room_events() {
        assert!(!is_room_events("{\"messages\": []}"));
        assert!(!is_room_events("14:03 <alice> is it down?\n"));
        // Events without a message: a room's state alone.
        assert!(!is_room_events(
            "{\"state_key\":\"\",\"origin_server_ts\":1,\"sender\":\"@a:b\",\
             \"type\":\"m.room.create\",\"content\":{}}\n"
        ));
    }
}
