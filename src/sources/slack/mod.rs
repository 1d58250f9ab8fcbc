//! A Slack workspace export, as the folder or the `.zip` Slack writes: `channels.json`,
//! `users.json`, and a folder per channel holding a JSON file of messages per day
//! (`ops-incidents/2025-08-01.json`). Only the days a time window touches are read, so a
//! year of a busy workspace costs no more than the incident's two hours.

mod content;
mod day;

pub use self::day::{is_day_file_json, read_day_file};

use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Days, NaiveDate, Utc};
use serde::Deserialize;

use self::day::{Channel, Names, Profile, day_rows, parse};
use super::{ImportedRow, SourceError};
use crate::storage::MAX_FILE_BYTES;

/// An opened Slack export: its channels and people, and where the day files are.
pub struct SlackExport {
    store: Store,
    names: Names,
}

enum Store {
    Folder(PathBuf),
    Zip(Box<zip::ZipArchive<File>>, Vec<String>),
}

#[derive(Deserialize)]
struct Person {
    id: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    real_name: Option<String>,
    #[serde(default)]
    profile: Option<Profile>,
}

/// Whether `path` is a Slack export: a folder with a `channels.json` (or only channel
/// folders of day files), or a `.zip`.
#[must_use]
pub fn is_slack_export(path: &Path) -> bool {
    path.join("channels.json").is_file()
        || path.is_dir()
            && std::fs::read_dir(path).is_ok_and(|entries| {
                entries
                    .filter_map(Result::ok)
                    .any(|entry| holds_day_files(&entry.path()))
            })
        || path
            .extension()
            .is_some_and(|extension| extension.eq_ignore_ascii_case("zip"))
}

impl SlackExport {
    /// Opens the export at `path` and reads its channels and people.
    pub fn open(path: &Path) -> Result<Self, SourceError> {
        let store = if path.is_dir() {
            Store::Folder(path.to_owned())
        } else {
            // A named pipe in the zip's place is refused unopened: reading it could wait for
            // ever.
            let archive = zip::ZipArchive::new(crate::storage::open_regular_file(path)?)
                .map_err(|error| SourceError::NotReadable(format!("not a zip archive: {error}")))?;
            let names = archive
                .file_names()
                .filter_map(Result::ok)
                .map(std::borrow::Cow::into_owned)
                .collect();
            Store::Zip(Box::new(archive), names)
        };
        let mut export = Self {
            store,
            names: Names::default(),
        };
        // Public channels, private ones and group messages are listed in files of their
        // own; an export cut down to its channel folders lists none, and the folders are
        // the channels.
        for list in ["channels.json", "groups.json", "mpims.json", "dms.json"] {
            if let Some(text) = export.read(list)? {
                let listed: Vec<Channel> = parse(list, &text)?;
                export
                    .names
                    .channels
                    .extend(listed.into_iter().map(|mut channel| {
                        if channel.name.is_empty() {
                            channel.name.clone_from(&channel.id);
                        }
                        channel
                    }));
            }
        }
        // A folder of day files that no list names (an export cut down, or one whose
        // conversations are kept under their ids) is a channel too.
        for folder in export.day_folders()? {
            let listed = export
                .names
                .channels
                .iter()
                .any(|channel| channel.name == folder.name || channel.id == folder.name);
            if !listed {
                export.names.channels.push(folder);
            }
        }
        if export.names.channels.is_empty() {
            return Err(SourceError::NotReadable(
                "no channels.json and no channel folders of day files (2025-08-01.json): not a \
                 Slack workspace export"
                    .to_owned(),
            ));
        }
        if let Some(users) = export.read("users.json")? {
            let people: Vec<Person> = parse("users.json", &users)?;
            export.names.people = people
                .into_iter()
                .map(|person| {
                    let profile = person.profile.unwrap_or_default();
                    let name = [person.real_name, profile.real_name, profile.display_name]
                        .into_iter()
                        .flatten()
                        .find(|name| !name.trim().is_empty())
                        .unwrap_or(person.name);
                    (person.id, name)
                })
                .collect();
        }
        Ok(export)
    }

    /// The channels' names, in the export's order.
    pub fn channel_names(&self) -> impl Iterator<Item = &str> {
        self.names
            .channels
            .iter()
            .map(|channel| channel.name.as_str())
    }

    /// The messages of `channel` (its name, with or without `#`) as rows, oldest first:
    /// within `window` when one is given (only the days it touches are read), else all.
    /// Joins and leaves are left out; a reply in a thread says so in its notes.
    pub fn rows(
        &mut self,
        channel: &str,
        window: Option<(DateTime<Utc>, DateTime<Utc>)>,
    ) -> Result<Vec<ImportedRow>, SourceError> {
        let channel = channel.trim_start_matches('#');
        let Some(known) = self
            .names
            .channels
            .iter()
            .find(|known| known.name == channel)
        else {
            let known: Vec<&str> = self.channel_names().collect();
            return Err(SourceError::NotReadable(format!(
                "no channel #{channel} in the export; it has {}",
                known.join(", ")
            )));
        };
        // Slack names a channel's folder by its name; some export tools by its id.
        let by_id = known.id.clone();
        let channel = if !by_id.is_empty() && self.all_days(channel)?.is_empty() {
            by_id.as_str()
        } else {
            channel
        };
        let days = match window {
            Some((start, end)) => days_between(start, end),
            None => self.all_days(channel)?,
        };
        let mut rows = Vec::new();
        for day in days {
            let name = format!("{channel}/{}.json", day.format("%Y-%m-%d"));
            let Some(text) = self.read(&name)? else {
                continue;
            };
            rows.extend(day_rows(&self.names, &name, &text, window)?);
        }
        rows.sort_by_key(|(time, _)| *time);
        Ok(rows.into_iter().map(|(_, row)| row).collect())
    }

    /// The folders that hold day files (`ops/2025-08-01.json`), as channels, by name.
    fn day_folders(&self) -> Result<Vec<Channel>, SourceError> {
        let mut names: Vec<String> = match &self.store {
            Store::Folder(root) => std::fs::read_dir(root)?
                .filter_map(Result::ok)
                .filter(|entry| holds_day_files(&entry.path()))
                .map(|entry| entry.file_name().to_string_lossy().into_owned())
                .collect(),
            Store::Zip(_, names) => names
                .iter()
                .filter_map(|name| name.split_once('/'))
                .filter(|(_, file)| is_day_file(file))
                .map(|(folder, _)| folder.to_owned())
                .collect(),
        };
        names.sort_unstable();
        names.dedup();
        Ok(names
            .into_iter()
            .map(|name| Channel {
                id: String::new(),
                name,
            })
            .collect())
    }

    /// Every day file of `channel`, oldest first.
    fn all_days(&self, channel: &str) -> Result<Vec<NaiveDate>, SourceError> {
        let prefix = format!("{channel}/");
        let names: Vec<String> = match &self.store {
            Store::Folder(root) if !root.join(channel).is_dir() => Vec::new(),
            Store::Folder(root) => std::fs::read_dir(root.join(channel))?
                .filter_map(Result::ok)
                .map(|entry| entry.file_name().to_string_lossy().into_owned())
                .collect(),
            Store::Zip(_, names) => names
                .iter()
                .filter_map(|name| name.strip_prefix(&prefix).map(str::to_owned))
                .collect(),
        };
        let mut days: Vec<NaiveDate> = names
            .iter()
            .filter_map(|name| name.strip_suffix(".json"))
            .filter_map(|day| NaiveDate::parse_from_str(day, "%Y-%m-%d").ok())
            .collect();
        days.sort_unstable();
        Ok(days)
    }

    /// The text of the file `name` in the export, or `None` when there is none.
    fn read(&mut self, name: &str) -> Result<Option<String>, SourceError> {
        let mut bytes = Vec::new();
        match &mut self.store {
            Store::Folder(root) => {
                let path = root.join(name);
                if !path.is_file() {
                    return Ok(None);
                }
                crate::storage::open_regular_file(&path)?
                    .take(MAX_FILE_BYTES + 1)
                    .read_to_end(&mut bytes)?;
            }
            Store::Zip(archive, names) => {
                if !names.iter().any(|known| known == name) {
                    return Ok(None);
                }
                let file = archive.by_name(name).map_err(|error| {
                    SourceError::NotReadable(format!("{name} in the archive: {error}"))
                })?;
                file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes)?;
            }
        }
        if bytes.len() as u64 > MAX_FILE_BYTES {
            return Err(SourceError::TooLarge);
        }
        String::from_utf8(bytes)
            .map(Some)
            .map_err(|_| SourceError::NotReadable(format!("{name} is not UTF-8 text")))
    }
}

/// Whether `dir` is a folder with a day file in it.
fn holds_day_files(dir: &Path) -> bool {
    std::fs::read_dir(dir).is_ok_and(|mut files| {
        files.any(|file| file.is_ok_and(|file| is_day_file(&file.file_name().to_string_lossy())))
    })
}

/// `2025-08-01.json`: a channel's messages of one day.
fn is_day_file(name: &str) -> bool {
    name.strip_suffix(".json")
        .is_some_and(|day| NaiveDate::parse_from_str(day, "%Y-%m-%d").is_ok())
}

/// The days whose files may hold messages between `start` and `end`: Slack names a day's
/// file by the workspace's date, so a day either side is read too.
fn days_between(start: DateTime<Utc>, end: DateTime<Utc>) -> Vec<NaiveDate> {
    let first = start.date_naive().checked_sub_days(Days::new(1));
    let last = end.date_naive().checked_add_days(Days::new(1));
    let (Some(first), Some(last)) = (first, last) else {
        return Vec::new();
    };
    first.iter_days().take_while(|day| *day <= last).collect()
}

#[cfg(test)]
mod tests {
    use super::content::with_emoji;
    use super::day::LARGEST_LAYOUT;
    use super::*;

    fn export_in(dir: &Path) {
        std::fs::write(
            dir.join("channels.json"),
            r#"[{"id": "C1", "name": "incident-620"}, {"id": "C2", "name": "ops"}]"#,
        )
        .unwrap();
        std::fs::write(
            dir.join("users.json"),
            r#"[{"id": "U1", "name": "alice", "real_name": "Alice R.", "profile": {"display_name": "alice"}},
                {"id": "U2", "name": "bob", "profile": {"display_name": "Bob M."}}]"#,
        )
        .unwrap();
        std::fs::create_dir(dir.join("incident-620")).unwrap();
        std::fs::write(
            dir.join("incident-620/2025-08-01.json"),
            r#"[
              {"type": "message", "subtype": "channel_join", "user": "U2", "text": "<@U2> has joined the channel", "ts": "1754056800.000100"},
              {"type": "message", "user": "U1", "text": "<@U2> latency is up, see <https://grafana.example.com/d/1|the dashboard> &amp; <#C2|ops>", "ts": "1754056980.000200"},
              {"type": "message", "subtype": "bot_message", "username": "PagerDuty", "bot_profile": {"name": "PagerDuty"}, "text": "Incident #620 triggered\nSEV-2", "ts": "1754057040.000300"},
              {"type": "message", "user": "U2", "text": "on it", "ts": "1754057100.000400", "thread_ts": "1754056980.000200"},
              {"type": "message", "user": "U1", "text": "much later", "ts": "1754143200.000000"}
            ]"#,
        )
        .unwrap();
    }

    #[test]
    fn a_layout_larger_than_slack_writes_is_passed_over_and_the_text_kept() {
        let dir = tempfile::tempdir().unwrap();
        export_in(dir.path());
        // Millions of tiny values in one message's blocks: read as a tree, gigabytes.
        let huge_blocks = format!("[{}1]", "1,".repeat(LARGEST_LAYOUT));
        let bot_alert =
            r#"{"type": "section", "text": {"type": "mrkdwn", "text": "*FIRING* checkout"}}"#;
        std::fs::write(
            dir.path().join("incident-620/2025-08-01.json"),
            format!(
                r#"[{{"type": "message", "user": "U1", "text": "", "blocks": {huge_blocks}, "ts": "1754056980.000200"}},
                    {{"type": "message", "user": "U2", "text": "", "blocks": [{bot_alert}], "ts": "1754057040.000300"}},
                    {{"type": "message", "user": "U1", "text": "rolled back", "blocks": {huge_blocks}, "ts": "1754057100.000400"}}]"#
            ),
        )
        .unwrap();
        let mut export = SlackExport::open(dir.path()).unwrap();
        let rows = export.rows("#incident-620", None).unwrap();
        let events: Vec<&str> = rows.iter().map(|row| row.row.event.as_str()).collect();
        // The first message said nothing Slack could show; it stays a row, as an empty one.
        assert_eq!(events, ["", "*FIRING* checkout", "rolled back"]);
    }

    #[test]
    fn messages_become_rows_with_names_plain_text_and_threads() {
        let dir = tempfile::tempdir().unwrap();
        export_in(dir.path());
        let mut export = SlackExport::open(dir.path()).unwrap();
        assert_eq!(
            export.channel_names().collect::<Vec<_>>(),
            ["incident-620", "ops"]
        );
        let start = DateTime::parse_from_rfc3339("2025-08-01T14:00:00Z")
            .unwrap()
            .to_utc();
        let end = DateTime::parse_from_rfc3339("2025-08-01T16:00:00Z")
            .unwrap()
            .to_utc();
        let rows = export.rows("#incident-620", Some((start, end))).unwrap();
        let texts: Vec<(&str, &str, &str)> = rows
            .iter()
            .map(|row| {
                (
                    row.row.actor.as_deref().unwrap_or(""),
                    row.row.event.as_str(),
                    row.row.notes.as_str(),
                )
            })
            .collect();
        assert_eq!(
            texts,
            [
                (
                    "Alice R.",
                    "@Bob M. latency is up, see the dashboard (https://grafana.example.com/d/1) & #ops",
                    ""
                ),
                ("PagerDuty", "Incident #620 triggered SEV-2", ""),
                ("Bob M.", "on it", "Reply in a thread"),
            ]
        );
        // The message's link is the row's evidence.
        assert_eq!(rows[0].row.evidence, "https://grafana.example.com/d/1");
        assert_eq!(rows[1].row.evidence, "");
        // Kept to the second, as a timeline keeps every time.
        assert_eq!(
            rows[0].row.time,
            DateTime::parse_from_rfc3339("2025-08-01T14:03:00Z")
                .ok()
                .map(|t| t.to_utc())
        );
        // Without a window, every day of the channel.
        assert_eq!(export.rows("incident-620", None).unwrap().len(), 4);
        assert!(export.rows("nope", None).is_err());
    }

    #[test]
    fn an_export_of_channel_folders_only_and_a_bots_attachments() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("alerts")).unwrap();
        std::fs::write(
            dir.path().join("alerts/2025-08-01.json"),
            r#"[{"type": "message", "subtype": "bot_message", "ts": "1754056980.000100",
                 "username": "Alertmanager", "text": null, "blocks": null,
                 "attachments": [{"title": "[FIRING:1] Checkout errors",
                                  "title_link": "https://grafana.example/a/1",
                                  "text": "error rate 7%"}]}]"#,
        )
        .unwrap();
        assert!(is_slack_export(dir.path()));
        let mut export = SlackExport::open(dir.path()).unwrap();
        assert_eq!(export.channel_names().collect::<Vec<_>>(), ["alerts"]);
        let rows = export.rows("alerts", None).unwrap();
        assert_eq!(rows.len(), 1);
        let row = &rows[0].row;
        assert_eq!(row.actor.as_deref(), Some("Alertmanager"));
        assert_eq!(
            row.event,
            "[FIRING:1] Checkout errors error rate 7% https://grafana.example/a/1"
        );
        assert_eq!(row.evidence, "https://grafana.example/a/1");
        // A folder of something else is no export.
        let other = tempfile::tempdir().unwrap();
        std::fs::create_dir(other.path().join("notes")).unwrap();
        std::fs::write(other.path().join("notes/readme.json"), "[]").unwrap();
        assert!(!is_slack_export(other.path()));
    }

    #[test]
    fn a_zip_export_reads_the_same() {
        let dir = tempfile::tempdir().unwrap();
        export_in(dir.path());
        let zip_path = dir.path().join("export.zip");
        let mut writer = zip::ZipWriter::new(File::create(&zip_path).unwrap());
        for name in [
            "channels.json",
            "users.json",
            "incident-620/2025-08-01.json",
        ] {
            writer
                .start_file(name, zip::write::SimpleFileOptions::default())
                .unwrap();
            std::io::Write::write_all(&mut writer, &std::fs::read(dir.path().join(name)).unwrap())
                .unwrap();
        }
        writer.finish().unwrap();
        assert!(is_slack_export(&zip_path));
        let mut export = SlackExport::open(&zip_path).unwrap();
        assert_eq!(export.rows("incident-620", None).unwrap().len(), 4);
    }

    #[test]
    fn emoji_codes_become_emoji_and_other_colons_stay() {
        assert_eq!(
            with_emoji(":white_check_mark: rolled back :+1::skin-tone-3: at 14:03:22"),
            "\u{2705} rolled back \u{1f44d} at 14:03:22"
        );
        assert_eq!(
            with_emoji(":partyparrot: port :8080: ratio 1:2: x:"),
            ":partyparrot: port :8080: ratio 1:2: x:"
        );
        assert_eq!(with_emoji(":fire::fire:"), "\u{1f525}\u{1f525}");
    }
}
