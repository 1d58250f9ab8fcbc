//! Where timeline rows come from besides typing: pasted text (a chat copy, a log, a table;
//! read by [`crate::sources::parse_chat`]), a PagerDuty incident log (JSON or CSV), a
//! Statuspage page's incidents or an Opsgenie timeline (JSON), and a Slack workspace export
//! (folder or `.zip`). Which a file is, is told from its content, so
//! the command line and the editor read the same sources the same way.

mod character_references;
mod chat_paste;
mod discord_html;
pub(crate) mod html_markdown;
mod html_text;
mod incident_json;
mod incident_states;
mod instant;
mod json_list;
pub mod markdown;
mod matrix_events;
mod mattermost_export;
mod pagerduty;
mod slack;
mod teams_messages;
mod telegram;
mod telegram_html;
mod zulip_messages;

pub use chat_paste::{
    ChatPaste, DayLine, PasteContext, PastedRow, ResolvedPaste, ResolvedRow, UnusedLine,
    UnusedReason, notes_with_day, parse_chat, parse_entries, parse_table, resolve_paste,
    runs_newest_first,
};
pub(crate) use chat_paste::{
    after_a_step_number, ends_with_dated_stamp, is_a_posted_stamp, is_a_status_word,
    is_dated_stamp, labelled_time, restated_time, status_label, time_link, times_follow_messages,
};
pub use slack::{SlackExport, is_slack_export};

use std::io::Read;
use std::path::Path;

use chrono::{DateTime, NaiveDate, Utc};

use crate::model::{DayOrder, Direction, Marker, Postmortem, TimelineRow};
use crate::storage::MAX_FILE_BYTES;

/// A row read from a source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportedRow {
    /// The row, its time in place.
    pub row: TimelineRow,
    /// The lines of a text source it came from, numbered from 1.
    pub lines: Option<Vec<usize>>,
    /// The key-time marker the source suggests for it (a pager's trigger, acknowledge or
    /// resolve), set only when the person accepts it.
    pub suggests: Option<Marker>,
    /// A routine entry (a pager notifying one person by one channel): worth having, but one
    /// of many alike, so the editor offers it unticked.
    pub routine: bool,
}

impl ImportedRow {
    /// A message of a chat export: at `time`, by `actor`, saying `event`, with `notes` (a
    /// reply, a forward, the message's id) joined; no lines, no key time suggested.
    #[must_use]
    pub fn message(
        time: DateTime<Utc>,
        actor: Option<String>,
        event: String,
        notes: &[String],
    ) -> Self {
        Self {
            row: TimelineRow {
                time: Some(time),
                event,
                notes: notes.join("; "),
                actor,
                ..TimelineRow::default()
            },
            lines: None,
            suggests: None,
            routine: false,
        }
    }
}

/// What a source gave.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Imported {
    /// The rows, in the source's order.
    pub rows: Vec<ImportedRow>,
    /// For a text source, the lines that made no row, with why.
    pub unused: Option<Vec<UnusedLine>>,
}

/// What kind of source a file is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SourceKind {
    /// Lines of text: a chat copy, a log, a table.
    Text,
    /// A PagerDuty incident log from the REST API.
    PagerDutyJson,
    /// A PagerDuty incident log as CSV.
    PagerDutyCsv,
    /// A Statuspage page's incidents with their updates (JSON).
    StatuspageJson,
    /// An Opsgenie incident timeline (JSON).
    OpsgenieJson,
    /// One day file of a Slack export (`2025-08-01.json`), sent or saved on its own.
    SlackDayJson,
    /// FireHydrant incidents with their milestones (JSON).
    FireHydrantJson,
    /// VictorOps (Splunk On-Call) incidents with their transitions (JSON).
    VictorOpsJson,
    /// One chat of a Telegram Desktop export (`result.json`).
    TelegramJson,
    /// A Matrix room's events as the client-server API gives them (JSON lines, a list, or
    /// `{"chunk": [...]}`).
    MatrixEventsJson,
    /// Zulip messages as its API gives them, or as zulip-archive keeps a topic (JSON).
    ZulipJson,
    /// A Mattermost bulk export (JSON lines).
    MattermostExport,
    /// Microsoft Teams messages as Graph gives them, or a Teams data export's (JSON).
    TeamsJson,
    /// One page of a Telegram Desktop chat export in its HTML form (`messages.html`).
    TelegramHtml,
    /// A Discord channel as `DiscordChatExporter` saves it as a web page.
    DiscordHtml,
    /// JSON of a shape no reader here knows: refused, never read as lines of chat.
    UnknownJson,
    /// An XML document (a status page's RSS or Atom feed, an export): no reader here knows
    /// one, and its markup read as lines of chat would make rows of tags.
    Xml,
}

/// What a person settled about how a source is read, overriding what the reader would
/// assume; `None` leaves each to the reader.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ReadingChoices {
    /// The zone times are in, when they do not say.
    pub zone: Option<chrono_tz::Tz>,
    /// The day times without a date are on.
    pub day: Option<NaiveDate>,
    /// Whether the source lists its newest entries first.
    pub newest_first: Option<bool>,
    /// How numbers alone (`03/04`) are read.
    pub day_order: Option<DayOrder>,
}

impl ReadingChoices {
    /// The context pasted text is read in for `doc`: what the person chose, the rest from
    /// the document (its zone, its day; `today` only for a document with no date at all).
    #[must_use]
    pub fn context(&self, doc: &Postmortem, today: NaiveDate) -> PasteContext {
        let mut context = PasteContext::of_document(doc, today);
        if let Some(zone) = self.zone {
            context.zone = zone;
        }
        if let Some(day) = self.day {
            context.day = day;
            context.started = None;
        }
        context.direction = self.newest_first.map(|newest_first| {
            if newest_first {
                Direction::NewestFirst
            } else {
                Direction::OldestFirst
            }
        });
        context.day_order = self.day_order;
        context
    }
}

/// The formats read, named when a file is of none of them.
pub const FORMATS_READ: &str = "pasted chat or log text, a Slack workspace export (a folder or \
     .zip, or one of its day files), a PagerDuty incident log (JSON or CSV), a Statuspage \
     page's incidents (JSON), an Opsgenie incident timeline (JSON), FireHydrant or \
     VictorOps incidents (JSON), a Telegram Desktop chat export (JSON or HTML), a \
     DiscordChatExporter page (HTML), Zulip messages (JSON), a Matrix room's events (JSON \
     lines), a Mattermost bulk export (JSON lines), or Microsoft Teams messages (Graph's \
     JSON)";

/// Why a source could not be read.
#[derive(Debug, thiserror::Error)]
pub enum SourceError {
    /// The file could not be read.
    #[error("{0}")]
    Io(#[from] std::io::Error),
    /// The file is larger than any source the editor reads.
    #[error("it is larger than {} MiB", MAX_FILE_BYTES / (1024 * 1024))]
    TooLarge,
    /// A folder, a device or a pipe where a file was expected; or a kind of source not read.
    #[error("{0}")]
    NotReadable(String),
    /// The content is not what its kind needs.
    #[error("{line}:{column}: {reason}")]
    Unreadable {
        /// The line, from 1 (0 when the reader does not say).
        line: usize,
        /// The column, from 1.
        column: usize,
        /// What is wrong.
        reason: String,
    },
}

/// Reads a source's text: the file at `path`, or `stdin` when the path is `-`.
pub fn read_source_text(path: &Path, stdin: &mut dyn Read) -> Result<String, SourceError> {
    let limit = MAX_FILE_BYTES;
    let mut bytes = Vec::new();
    if path == Path::new("-") {
        stdin.take(limit + 1).read_to_end(&mut bytes)?;
    } else {
        let metadata = std::fs::metadata(path)?;
        if metadata.is_dir() {
            return Err(SourceError::NotReadable(
                "a folder that is not a Slack workspace export (it has no channels.json)"
                    .to_owned(),
            ));
        }
        if let Some(kind) = crate::storage::not_a_regular_file(metadata.file_type()) {
            return Err(SourceError::NotReadable(format!("{kind}, not a file")));
        }
        // Looked at again once open: the path may have been swapped for a pipe meanwhile.
        crate::storage::open_regular_file(path)?
            .take(limit + 1)
            .read_to_end(&mut bytes)?;
    }
    if bytes.len() as u64 > limit {
        return Err(SourceError::TooLarge);
    }
    String::from_utf8(bytes).map_err(|error| {
        let valid = &error.as_bytes()[..error.utf8_error().valid_up_to()];
        let mut lines = valid.split(|byte| *byte == b'\n');
        let column = lines.next_back().map_or(0, <[u8]>::len) + 1;
        let line = lines.count() + 1;
        SourceError::Unreadable {
            line,
            column,
            reason: "not UTF-8 text".to_owned(),
        }
    })
}

/// What kind of source `text` is.
#[must_use]
pub fn detect(text: &str) -> SourceKind {
    let start = text.trim_start();
    // Only a text that opens as JSON is tried by the JSON readers.
    let json_like = start.starts_with('{') || start.starts_with('[');
    if json_like && pagerduty::is_log_json(text) {
        SourceKind::PagerDutyJson
    } else if json_like && incident_json::is_statuspage_json(text) {
        SourceKind::StatuspageJson
    } else if json_like && incident_json::is_opsgenie_json(text) {
        SourceKind::OpsgenieJson
    } else if start.starts_with('[') && slack::is_day_file_json(start) {
        SourceKind::SlackDayJson
    } else if json_like && incident_states::is_firehydrant_json(start) {
        SourceKind::FireHydrantJson
    } else if json_like && incident_states::is_victorops_json(start) {
        SourceKind::VictorOpsJson
    } else if json_like && telegram::is_chat_export_json(start) {
        SourceKind::TelegramJson
    } else if json_like && matrix_events::is_room_events(start) {
        SourceKind::MatrixEventsJson
    } else if json_like && zulip_messages::is_zulip_messages(start) {
        SourceKind::ZulipJson
    } else if json_like && mattermost_export::is_bulk_export(start) {
        SourceKind::MattermostExport
    } else if json_like && teams_messages::is_teams_messages(start) {
        SourceKind::TeamsJson
    } else if telegram_html::is_chat_export_html(start) {
        SourceKind::TelegramHtml
    } else if discord_html::is_channel_export_html(start) {
        SourceKind::DiscordHtml
    } else if is_xml_document(start) {
        SourceKind::Xml
    } else if pagerduty::is_log_csv(text) {
        SourceKind::PagerDutyCsv
    } else if json_like && serde_json::from_str::<serde::de::IgnoredAny>(start).is_ok() {
        SourceKind::UnknownJson
    } else {
        SourceKind::Text
    }
}

/// Whether `start` (the text past its leading space) opens an XML document: its
/// declaration, or a feed's root element.
fn is_xml_document(start: &str) -> bool {
    let start = start.trim_start_matches('\u{feff}');
    let lower = start.get(..6).unwrap_or(start).to_ascii_lowercase();
    lower.starts_with("<?xml") || lower.starts_with("<rss") || lower.starts_with("<feed")
}

/// Reads the rows of a source of `kind` for `doc`: times without a date are read against
/// the incident's day (else `today`), in the document's zone unless the source names one —
/// each unless `choices` settles it.
pub fn import(
    text: &str,
    kind: SourceKind,
    doc: &Postmortem,
    today: NaiveDate,
    choices: &ReadingChoices,
) -> Result<Imported, SourceError> {
    match kind {
        SourceKind::UnknownJson => Err(SourceError::NotReadable(format!(
            "JSON of a shape Hindsight does not read; it reads {FORMATS_READ}"
        ))),
        SourceKind::Xml => Err(SourceError::NotReadable(format!(
            "an XML document (a feed or an export), which Hindsight does not read; it reads \
             {FORMATS_READ}"
        ))),
        SourceKind::Text => {
            let resolved = resolve_paste(&parse_chat(text), &choices.context(doc, today));
            Ok(Imported {
                rows: resolved
                    .rows
                    .into_iter()
                    .map(|resolved| ImportedRow {
                        row: resolved.row,
                        lines: Some(resolved.lines),
                        suggests: None,
                        routine: false,
                    })
                    .collect(),
                unused: Some(resolved.unused),
            })
        }
        SourceKind::PagerDutyJson => Ok(Imported {
            rows: pagerduty::read_json(text)?,
            unused: None,
        }),
        SourceKind::PagerDutyCsv => Ok(Imported {
            rows: pagerduty::read_csv(text)?,
            unused: None,
        }),
        SourceKind::StatuspageJson => Ok(Imported {
            rows: incident_json::read_statuspage(text)?,
            unused: None,
        }),
        SourceKind::OpsgenieJson => Ok(Imported {
            rows: incident_json::read_opsgenie(text)?,
            unused: None,
        }),
        SourceKind::SlackDayJson => Ok(Imported {
            rows: slack::read_day_file(text.trim_start())?,
            unused: None,
        }),
        SourceKind::FireHydrantJson => Ok(Imported {
            rows: incident_states::read_firehydrant(text.trim_start())?,
            unused: None,
        }),
        SourceKind::VictorOpsJson => Ok(Imported {
            rows: incident_states::read_victorops(text.trim_start())?,
            unused: None,
        }),
        SourceKind::TelegramJson => Ok(Imported {
            rows: telegram::read_chat_export(text.trim_start(), choices.context(doc, today).zone)?,
            unused: None,
        }),
        SourceKind::MatrixEventsJson => Ok(Imported {
            rows: matrix_events::read_room_events(text)?,
            unused: None,
        }),
        SourceKind::ZulipJson => Ok(Imported {
            rows: zulip_messages::read_zulip_messages(text)?,
            unused: None,
        }),
        SourceKind::MattermostExport => Ok(Imported {
            rows: mattermost_export::read_bulk_export(text)?,
            unused: None,
        }),
        SourceKind::TeamsJson => Ok(Imported {
            rows: teams_messages::read_teams_messages(text)?,
            unused: None,
        }),
        SourceKind::TelegramHtml => Ok(Imported {
            rows: telegram_html::read_chat_export_html(text, choices.context(doc, today).zone)?,
            unused: None,
        }),
        SourceKind::DiscordHtml => {
            let context = choices.context(doc, today);
            Ok(Imported {
                rows: discord_html::read_channel_export_html(text, context.zone, context.day)?,
                unused: None,
            })
        }
    }
}
