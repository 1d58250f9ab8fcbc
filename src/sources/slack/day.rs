//! The messages of one day of one channel, as a Slack export keeps them
//! (`ops-incidents/2025-08-01.json`): a list of messages, each with its `ts`. Read inside
//! an export, where `users.json` names the people, or alone, as a day file someone was sent,
//! where a message names its author only by its own profile or by id.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use serde::Deserialize;

use super::content::{attached_text, first_web_link, with_emoji};
use crate::model::{TimelineRow, instant_in_range};
use crate::sources::{ImportedRow, SourceError};

/// A conversation: a channel, a group or a direct message.
#[derive(Clone, Deserialize)]
pub(super) struct Channel {
    #[serde(default)]
    pub(super) id: String,
    /// Direct messages have none: their folder is named by the id.
    #[serde(default)]
    pub(super) name: String,
}

/// The names a person shows.
#[derive(Deserialize, Default)]
pub(super) struct Profile {
    #[serde(default)]
    pub(super) real_name: Option<String>,
    #[serde(default)]
    pub(super) display_name: Option<String>,
}

#[derive(Deserialize)]
struct Message {
    #[serde(default)]
    subtype: Option<String>,
    #[serde(default)]
    user: Option<String>,
    #[serde(default)]
    username: Option<String>,
    #[serde(default)]
    bot_profile: Option<BotProfile>,
    #[serde(default)]
    user_profile: Option<Profile>,
    #[serde(default)]
    text: Option<String>,
    ts: String,
    #[serde(default)]
    thread_ts: Option<String>,
    /// What a bot or an integration posts beside, or instead of, its text. Export tools
    /// write `null` for none, as for any field here. Kept as the JSON it is until read (see
    /// [`layout`]).
    #[serde(default)]
    attachments: Option<Box<serde_json::value::RawValue>>,
    /// The message's layout; for a person's message, the same words as its text.
    #[serde(default)]
    blocks: Option<Box<serde_json::value::RawValue>>,
}

/// The most JSON one message's attachments or blocks may take: Slack caps a message at 50
/// blocks of 3,000 characters, so far more than any real one.
pub(super) const LARGEST_LAYOUT: usize = 1024 * 1024;

/// A message's attachments or blocks as values, read one message at a time: a tree of values
/// takes some twenty times the bytes of its JSON, so a day file of millions of tiny values
/// read whole would take gigabytes. Layouts larger than [`LARGEST_LAYOUT`], which Slack
/// never writes, and ones that are not a list, are not read (the message's own text still is).
fn layout(raw: Option<&serde_json::value::RawValue>) -> Vec<serde_json::Value> {
    raw.filter(|raw| raw.get().len() <= LARGEST_LAYOUT)
        .and_then(|raw| serde_json::from_str::<Option<Vec<serde_json::Value>>>(raw.get()).ok())
        .flatten()
        .unwrap_or_default()
}

#[derive(Deserialize)]
struct BotProfile {
    #[serde(default)]
    name: Option<String>,
}

/// The names an export gives the ids its messages use: channels and people. A day file read
/// alone has none.
#[derive(Default)]
pub(super) struct Names {
    pub(super) channels: Vec<Channel>,
    /// A person's id and the name shown for them.
    pub(super) people: HashMap<String, String>,
}

/// A day file's messages as rows with their times, within `window` when one is given. Joins
/// and leaves are left out; a reply in a thread says so in its notes.
pub(super) fn day_rows(
    names: &Names,
    file: &str,
    text: &str,
    window: Option<(DateTime<Utc>, DateTime<Utc>)>,
) -> Result<Vec<(DateTime<Utc>, ImportedRow)>, SourceError> {
    let messages: Vec<Message> = parse(file, text)?;
    let mut rows = Vec::new();
    for message in messages {
        let Some(time) = timestamp(&message.ts) else {
            continue;
        };
        if window.is_some_and(|(start, end)| time < start || time > end) {
            continue;
        }
        if matches!(
            message.subtype.as_deref(),
            Some("channel_join" | "channel_leave" | "group_join" | "group_leave")
        ) {
            continue;
        }
        rows.push((time, names.row(time, message)));
    }
    Ok(rows)
}

/// Whether `text` is one day file of a Slack export: a list of messages, each with a `ts`
/// Slack writes (`"1444329851.000002"`), at least one of them typed `message`.
#[must_use]
pub fn is_day_file_json(text: &str) -> bool {
    #[derive(Deserialize)]
    struct Probe {
        #[serde(rename = "type", default)]
        kind: Option<String>,
        ts: String,
    }
    serde_json::from_str::<Vec<Probe>>(text).is_ok_and(|messages| {
        messages
            .iter()
            .all(|message| timestamp(&message.ts).is_some())
            && messages
                .iter()
                .any(|message| message.kind.as_deref() == Some("message"))
    })
}

/// The rows of a day file read alone, oldest first. Its people are named as each message
/// names them (its profile, a bot's name), else by their ids.
pub fn read_day_file(text: &str) -> Result<Vec<ImportedRow>, SourceError> {
    let mut rows = day_rows(&Names::default(), "the day file", text, None)?;
    rows.sort_by_key(|(time, _)| *time);
    Ok(rows.into_iter().map(|(_, row)| row).collect())
}

impl Names {
    fn row(&self, time: DateTime<Utc>, message: Message) -> ImportedRow {
        let from_profile = message
            .user_profile
            .and_then(|profile| profile.real_name.or(profile.display_name));
        let actor = message
            .user
            .as_ref()
            .and_then(|id| self.people.get(id).cloned())
            .or(from_profile)
            .or_else(|| message.bot_profile.and_then(|bot| bot.name))
            .or(message.username)
            .or(message.user);
        let reply = message
            .thread_ts
            .as_ref()
            .is_some_and(|thread| *thread != message.ts);
        // A bot's alert or an integration's post often has no text of its own: its words
        // are in its attachments or blocks. A person's blocks repeat the text, so they are
        // read only when there is no text; attachments beside a text go in the notes.
        let text = message.text.unwrap_or_default();
        let attachments = layout(message.attachments.as_deref());
        let has_text = !text.trim().is_empty();
        let attached = if has_text {
            attached_text(&attachments, &[])
        } else {
            attached_text(&attachments, &layout(message.blocks.as_deref()))
        };
        let written = if has_text { &text } else { &attached };
        let mut notes = Vec::new();
        if reply {
            notes.push("Reply in a thread".to_owned());
        }
        if has_text && !attached.is_empty() {
            notes.push(format!("Attached: {}", self.plain_text(&attached)));
        }
        ImportedRow {
            row: TimelineRow {
                time: Some(time),
                event: self.plain_text(written),
                notes: notes.join("; "),
                actor,
                evidence: first_web_link(&text)
                    .or_else(|| first_web_link(&attached))
                    .unwrap_or_default(),
                ..TimelineRow::default()
            },
            lines: None,
            suggests: None,
            routine: false,
        }
    }

    /// Slack's markup as plain text: `<@U1>` → `@Name`, `<#C1|ops>` → `#ops`,
    /// `<https://x|label>` → `label (https://x)`, `<!here>` → `@here`, entities decoded,
    /// lines joined.
    fn plain_text(&self, text: &str) -> String {
        let mut plain = String::with_capacity(text.len());
        let mut rest = text;
        while let Some(open) = rest.find('<') {
            plain.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            let Some(close) = after.find('>') else {
                plain.push_str(&rest[open..]);
                rest = "";
                break;
            };
            plain.push_str(&self.reference(&after[..close]));
            rest = &after[close + 1..];
        }
        plain.push_str(rest);
        let decoded = with_emoji(&plain)
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&amp;", "&");
        decoded.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    fn reference(&self, inside: &str) -> String {
        let (target, label) = match inside.split_once('|') {
            Some((target, label)) => (target, Some(label)),
            None => (inside, None),
        };
        if let Some(id) = target.strip_prefix('@') {
            let name = self
                .people
                .get(id)
                .map(String::as_str)
                .or(label)
                .unwrap_or(id);
            return format!("@{name}");
        }
        if let Some(id) = target.strip_prefix('#') {
            let name = self
                .channels
                .iter()
                .find(|channel| channel.id == id)
                .map(|channel| channel.name.as_str())
                .or(label)
                .unwrap_or(id);
            return format!("#{name}");
        }
        if let Some(special) = target.strip_prefix('!') {
            return match label {
                Some(label) => label.to_owned(),
                None => format!("@{}", special.split('^').next().unwrap_or(special)),
            };
        }
        match label {
            Some(label) if label != target => format!("{label} ({target})"),
            _ => target.to_owned(),
        }
    }
}

pub(super) fn parse<T: serde::de::DeserializeOwned>(
    name: &str,
    text: &str,
) -> Result<T, SourceError> {
    serde_json::from_str(text).map_err(|error| SourceError::Unreadable {
        line: error.line(),
        column: error.column(),
        reason: format!("{name}: {error}"),
    })
}

/// Slack's `ts`, `"1355517523.000005"`: seconds and microseconds since 1970. The
/// microseconds tell messages apart for Slack; a timeline keeps the second, as every other
/// source and a typed time do.
pub(super) fn timestamp(ts: &str) -> Option<DateTime<Utc>> {
    let (seconds, fraction) = ts.split_once('.').unwrap_or((ts, "0"));
    let seconds: i64 = seconds.parse().ok()?;
    if !fraction.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    DateTime::from_timestamp(seconds, 0).filter(|time| instant_in_range(*time))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_day_file_is_told_from_other_lists_with_times() {
        assert!(is_day_file_json(
            r#"[{"type": "message", "user": "U1", "text": "hi", "ts": "1444329851.000002"}]"#
        ));
        // Times Slack never writes, no message at all, or a list of something else.
        for other in [
            r#"[{"type": "message", "text": "hi", "ts": "2025-08-01T14:03:00Z"}]"#,
            r#"[{"type": "event", "ts": "1444329851.000002"}]"#,
            "[]",
            r#"[{"name": "x", "created_at": "2025-08-01T14:03:00Z"}]"#,
        ] {
            assert!(!is_day_file_json(other), "{other}");
        }
    }
}
