//! A Mattermost bulk export (`mmctl export create`, or `mattermost export bulk`): JSON
//! lines, the first `{"type":"version",…}`, then the teams, channels and users, then the
//! posts (`post`, and `direct_post` for direct and group messages), each with its replies
//! nested inside it. Each post and each reply is a row at its `create_at` (milliseconds),
//! by its author's username, as Mattermost shows names unless set otherwise.
//!
//! Notices of who joined or left a channel or team are left out, as in every chat: an
//! export marks them with a `system_…` type, or, from servers that did not, writes them as
//! ordinary posts in Mattermost's fixed words (`ron joined the channel.`).

use chrono::{DateTime, Utc};
use serde::Deserialize;

use super::{ImportedRow, SourceError};
use crate::model::instant_in_range;

/// One line of the export: its type, and the object named by that type.
#[derive(Deserialize)]
struct Line {
    #[serde(rename = "type")]
    kind: String,
    #[serde(default)]
    post: Option<Post>,
    #[serde(default)]
    direct_post: Option<Post>,
}

/// A post, a direct post or a reply. An export writes `null` for what a post lacks.
#[derive(Deserialize)]
struct Post {
    #[serde(default)]
    user: Option<String>,
    #[serde(default)]
    message: Option<String>,
    create_at: i64,
    #[serde(default)]
    channel: Option<String>,
    /// Who a direct or group message was between.
    #[serde(default)]
    channel_members: Option<Vec<String>>,
    /// A system post's kind (`system_join_channel`); absent for a person's post.
    #[serde(default, rename = "type")]
    kind: Option<String>,
    #[serde(default)]
    replies: Option<Vec<Post>>,
    #[serde(default)]
    attachments: Option<Vec<Attachment>>,
}

/// A file attached to a post.
#[derive(Deserialize)]
struct Attachment {
    #[serde(default)]
    path: Option<String>,
}

/// Whether `text` is a Mattermost bulk export: JSON lines whose first is the export's
/// version and that hold a post at least.
#[must_use]
pub fn is_bulk_export(text: &str) -> bool {
    let mut lines = text.lines().map(str::trim).filter(|line| !line.is_empty());
    let opens_with_version = lines
        .next()
        .and_then(|line| serde_json::from_str::<Line>(line).ok())
        .is_some_and(|line| line.kind == "version");
    opens_with_version && lines.any(is_a_post_line)
}

/// A cheap look at whether a line holds a post, before it is read in full.
fn is_a_post_line(line: &str) -> bool {
    (line.contains("\"post\"") || line.contains("\"direct_post\""))
        && serde_json::from_str::<Line>(line)
            .is_ok_and(|line| line.post.is_some() || line.direct_post.is_some())
}

/// Reads a Mattermost bulk export: one row per post and per reply, at its instant, by its
/// author.
///
/// # Errors
/// [`SourceError::Unreadable`] at the first line that is not a JSON object with a type, or
/// whose post lacks its `create_at`.
pub fn read_bulk_export(text: &str) -> Result<Vec<ImportedRow>, SourceError> {
    let mut posts = Vec::new();
    for (index, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let read: Line = serde_json::from_str(line).map_err(|error| SourceError::Unreadable {
            line: index + 1,
            column: error.column(),
            reason: format!("not a line of a Mattermost export: {error}"),
        })?;
        if let Some(post) = read.post.or(read.direct_post) {
            posts.push(post);
        }
    }
    let channels: std::collections::BTreeSet<&str> = posts
        .iter()
        .filter_map(|post| post.channel.as_deref())
        .collect();
    let many_channels = channels.len() > 1;
    let mut rows = Vec::new();
    for post in &posts {
        let place = place_of(post, many_channels);
        rows.extend(row(post, place.as_deref(), None));
        for reply in post.replies.iter().flatten() {
            rows.extend(row(reply, place.as_deref(), post.user.as_deref()));
        }
    }
    Ok(rows)
}

/// Where a post was written, when the export holds more than one place: its channel, or
/// whom a direct message was between.
fn place_of(post: &Post, many_channels: bool) -> Option<String> {
    if let Some(members) = &post.channel_members {
        return Some(format!("Direct message between {}", members.join(", ")));
    }
    post.channel
        .as_deref()
        .filter(|_| many_channels)
        .map(|channel| format!("Channel: {channel}"))
}

/// A post's row, or `None` for a notice of who came or went, or a time out of range.
fn row(post: &Post, place: Option<&str>, reply_to: Option<&str>) -> Option<ImportedRow> {
    let message = post.message.as_deref().unwrap_or("");
    if post
        .kind
        .as_deref()
        .is_some_and(|kind| kind.starts_with("system_"))
        || is_membership_notice(message)
    {
        return None;
    }
    // A timeline keeps whole seconds, as every other source gives them.
    let time = DateTime::<Utc>::from_timestamp(post.create_at.div_euclid(1000), 0)
        .filter(|time| instant_in_range(*time))?;
    let mut event = message.trim().to_owned();
    let attached = post.attachments.iter().flatten();
    for path in attached.filter_map(|file| file.path.as_deref().filter(|path| !path.is_empty())) {
        if !event.is_empty() {
            event.push('\n');
        }
        event.push_str("Attached: ");
        event.push_str(path);
    }
    let mut notes = Vec::new();
    if let Some(place) = place {
        notes.push(place.to_owned());
    }
    if let Some(root) = reply_to {
        notes.push(format!("In reply to {root}"));
    }
    let actor = post.user.clone().filter(|user| !user.is_empty());
    Some(ImportedRow::message(time, actor, event, &notes))
}

/// Whether a post is Mattermost's notice that someone joined, left, was added to or was
/// removed from a channel or team (`ron joined the channel.`, `ron added to the channel by
/// harry.`): a username, then those fixed words.
fn is_membership_notice(message: &str) -> bool {
    const NOTICES: [&str; 8] = [
        " joined the channel.",
        " joined the team.",
        " left the channel.",
        " left the team.",
        " added to the channel by ",
        " added to the team by ",
        " removed from the channel.",
        " removed from the team.",
    ];
    let message = message.trim();
    NOTICES.iter().any(|notice| {
        message.split_once(notice).is_some_and(|(who, rest)| {
            let by = rest.trim_end_matches('.');
            is_a_username(who) && (rest.is_empty() || (rest.ends_with('.') && is_a_username(by)))
        })
    })
}

/// A Mattermost username, perhaps mentioned (`@ron`): one word of letters, digits, `.`,
/// `-` and `_`.
fn is_a_username(word: &str) -> bool {
    let word = word.strip_prefix('@').unwrap_or(word);
    !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '_'))
}

#[cfg(test)]
mod tests {
    use super::*;

    const EXPORT: &str = r#"{"type":"version","version":1}
{"type":"team","team":{"name":"ops","display_name":"Ops"}}
{"type":"channel","channel":{"team":"ops","name":"incidents","display_name":"Incidents","type":"O"}}
{"type":"user","user":{"username":"dana","first_name":"Dana","last_name":"W"}}
{"type":"post","post":{"team":"ops","channel":"incidents","user":"dana","message":"dana joined the channel.","create_at":1553165193000}}
{"type":"post","post":{"team":"ops","channel":"incidents","user":"dana","message":"API is down","create_at":1553165313123,"replies":[{"user":"lee","message":"Rolling back","create_at":1553165400999}]}}
{"type":"post","post":{"team":"ops","channel":"status","user":"lee","message":"lee added to the channel by dana.","create_at":1553165500000}}
{"type":"post","post":{"team":"ops","channel":"status","user":"lee","message":"Customers told","create_at":1553165600000,"type":""}}
{"type":"direct_post","direct_post":{"channel_members":["dana","lee"],"user":"lee","message":"call me","create_at":1553165700000,"attachments":[{"path":"data/graph.png"}]}}
{"type":"post","post":{"team":"ops","channel":"status","user":"bot","message":"purpose set","create_at":1553165800000,"type":"system_purpose_change"}}
"#;

    #[test]
    fn each_post_and_reply_is_a_row_and_notices_of_who_came_are_left_out() {
        assert!(is_bulk_export(EXPORT));
        let rows = read_bulk_export(EXPORT).unwrap();
        let read: Vec<(String, Option<&str>, &str, &str)> = rows
            .iter()
            .map(|row| {
                (
                    row.row.time.unwrap().to_rfc3339(),
                    row.row.actor.as_deref(),
                    row.row.event.as_str(),
                    row.row.notes.as_str(),
                )
            })
            .collect();
        assert_eq!(
            read,
            [
                (
                    "2019-03-21T10:48:33+00:00".to_owned(),
                    Some("dana"),
                    "API is down",
                    "Channel: incidents"
                ),
                (
                    "2019-03-21T10:50:00+00:00".to_owned(),
                    Some("lee"),
                    "Rolling back",
                    "Channel: incidents; In reply to dana"
                ),
                (
                    "2019-03-21T10:53:20+00:00".to_owned(),
                    Some("lee"),
                    "Customers told",
                    "Channel: status"
                ),
                (
                    "2019-03-21T10:55:00+00:00".to_owned(),
                    Some("lee"),
                    "call me\nAttached: data/graph.png",
                    "Direct message between dana, lee"
                ),
            ]
        );
    }

    #[test]
    fn a_broken_line_is_refused_with_its_place_and_other_json_is_no_export() {
        let broken =
            "{\"type\":\"version\",\"version\":1}\n{\"type\":\"post\",\"post\":{\"user\":\"a\"\n";
        match read_bulk_export(broken) {
            Err(SourceError::Unreadable { line, .. }) => assert_eq!(line, 2),
            other => panic!("expected a refusal, got {other:?}"),
        }
        assert!(!is_bulk_export("{\"type\":\"version\",\"version\":1}\n"));
        assert!(!is_bulk_export(
            "{\"type\":\"m.room.message\",\"sender\":\"@a:b\"}\n"
        ));
        assert!(!is_bulk_export("[{\"user\": \"a\", \"ts\": \"1\"}]"));
        // Words like a notice inside a sentence are a message.
        assert!(!is_membership_notice(
            "Everyone who joined the channel. today, read this"
        ));
        assert!(is_membership_notice("ron joined the team."));
    }
}
