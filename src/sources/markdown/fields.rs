//! The incident's details as other postmortems write them: `**Severity**: SEV-2`, a
//! `Field | Value` table, `- Services: …`. Each key is matched by its words; each value is
//! read into the document's fields.

use chrono::NaiveDate;

use super::headings::normalized;
use super::values::{Context, plain_hyphens, split_list};
use crate::model::{
    DocumentStatus, KeyTime, ParticipantRole, Postmortem, SeverityLevel, read_date_line,
};

/// What a field's key names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    /// The incident's title.
    Title,
    /// The team's reference (`INC-620`), or the title when it is not a reference.
    Incident,
    /// The day of the incident.
    Date,
    /// Who wrote the postmortem.
    Authors,
    /// When the postmortem was last changed.
    Updated,
    /// How far the write-up has come.
    Status,
    /// How bad (`SEV-2`, `Critical`).
    Severity,
    /// What kind and how bad (`SEV-2 performance degradation`); without a level, the kind.
    TypeAndSeverity,
    /// What kind of incident.
    IncidentType,
    /// What it touched.
    Services,
    /// Key times: a window, a duration line, or one named time.
    Times(Option<KeyTime>),
    /// People, with the role the key gives them unless the value names one.
    Participants(ParticipantRole),
    /// Places to read more.
    Links,
    /// Contributing factors from the team's taxonomy.
    Tags,
    /// Who signed the postmortem off, and when.
    Approval,
}

/// The field a key names, or `None` for a key of the team's own.
#[must_use]
pub fn field_named(key: &str) -> Option<Field> {
    let key = normalized(key);
    // `Incident resolved at`, `Incident detected`: a key time named with the incident's
    // name before it.
    field_named_exactly(&key).or_else(|| {
        key.strip_prefix("incident ")
            .and_then(field_named_exactly)
            .filter(|field| matches!(field, Field::Times(Some(_))))
    })
}

/// The key time a field's key names (`Start Date/Time`, `Detected at`, `Resolution time`).
fn key_time_named(key: &str) -> Option<KeyTime> {
    Some(match key {
        "start"
        | "start time"
        | "started"
        | "began"
        | "incident start"
        | "impact start"
        | "start of impact"
        | "start date/time"
        | "start date and time"
        | "start date"
        | "outage start" => KeyTime::Started,
        "detected" | "detection time" | "time detected" | "detected at" => KeyTime::Detected,
        "acknowledged" | "acknowledged at" | "time acknowledged" => KeyTime::Acknowledged,
        "mitigated" | "mitigated at" | "time mitigated" | "impact end" | "end of impact" => {
            KeyTime::Mitigated
        }
        "end"
        | "end time"
        | "ended"
        | "incident end"
        | "resolved"
        | "resolved at"
        | "resolution time"
        | "time resolved"
        | "end date/time"
        | "end date and time"
        | "end date"
        | "outage end"
        | "outage stop"
        | "resolution date/time"
        | "resolution date and time" => KeyTime::Resolved,
        _ => return None,
    })
}

fn field_named_exactly(key: &str) -> Option<Field> {
    if let Some(key_time) = key_time_named(key) {
        return Some(Field::Times(Some(key_time)));
    }
    let field = match key {
        "title" | "incident title" | "incident name" | "name" => Field::Title,
        "incident" | "incident id" | "id" | "incident number" | "incident no" | "incident ref"
        | "reference" => Field::Incident,
        // With the names other languages give the same fields (`Dato`, `Auteurs`, `Statut`).
        "date" | "incident date" | "date of incident" | "day" | "dato" | "datum" | "fecha" => {
            Field::Date
        }
        "authors" | "author" | "author s" | "written by" | "prepared by" | "postmortem owner"
        | "document owner" | "owner" | "owners" | "created by" | "author/owner" | "auteurs"
        | "auteur" | "autores" | "autor" | "autoren" | "autori" | "forfatter" | "forfattere"
        | "författare" => Field::Authors,
        "last modified" | "last updated" | "updated" | "modified" | "last edited" => Field::Updated,
        "status" | "postmortem status" | "document status" | "postmortem" | "review status"
        | "statut" | "estado" | "stato" => Field::Status,
        "severity"
        | "sev"
        | "severity level"
        | "priority"
        | "incident severity"
        | "severity and impact" => Field::Severity,
        "incident type and severity" | "type and severity" | "severity and type" => {
            Field::TypeAndSeverity
        }
        "incident type" | "type" | "category" | "classification" | "incident category" => {
            Field::IncidentType
        }
        "services"
        | "service"
        | "services/components"
        | "service/component"
        | "service s"
        | "affected services"
        | "impacted services"
        | "services affected"
        | "components"
        | "affected components"
        | "systems"
        | "affected systems"
        | "systems affected" => Field::Services,
        "impact window"
        | "window"
        | "duration"
        | "duration and time-to-resolve"
        | "duration and time to resolve"
        | "incident window"
        | "times"
        | "key times" => Field::Times(None),
        "participants" | "people" | "people involved" | "involved" | "responders" | "team"
        | "response team" => Field::Participants(ParticipantRole::Responder),
        "incident lead" | "incident commander" | "ic" | "lead" | "incident manager" => {
            Field::Participants(ParticipantRole::IncidentLead)
        }
        "reporter" | "reported by" => Field::Participants(ParticipantRole::Reporter),
        "scribe" | "note taker" => Field::Participants(ParticipantRole::Scribe),
        "communications" | "comms" | "comms lead" | "communications lead" => {
            Field::Participants(ParticipantRole::Communications)
        }
        "links" | "important links" | "related links" | "references" | "resources" | "related"
        | "link" => Field::Links,
        "tags" | "tag" | "labels" | "contributing factor tags" | "factor tags" => Field::Tags,
        "approved"
        | "approved by"
        | "approver"
        | "approval"
        | "signed off by"
        | "sign-off"
        | "sign off"
        | "reviewed and approved by" => Field::Approval,
        _ => return None,
    };
    Some(field)
}

/// Splits `Key: value` (after list marks and emphasis: `**Key**: value`, `Key — value`),
/// when the key names a field. A key and value written as a script's literals, as a page's
/// metadata object is (`date: '2024-11-19',`, `"title": "Relay outage",`), are read
/// without their quotes and the comma after.
#[must_use]
pub fn field_line(line: &str) -> Option<(Field, &str)> {
    let (key, value) = line.split_once(':')?;
    let field = field_named(key.trim().trim_matches(['*', '_', '"', '\'']))?;
    let value = value.trim().trim_start_matches(['*', '_']).trim();
    let value = unquoted(value.strip_suffix(',').map_or(value, str::trim_end));
    (!value.is_empty()).then_some((field, value))
}

/// Several fields written on one line, set apart by dashes or bars (`Start Date/Time:
/// 18/10/2018 16:07 - Resolution Date/Time: 18/10/2018 16:42`): each part, with its field
/// and value, when every part is one. A value with a dash in it (`Title: Outage - DB
/// down`) leaves the line one field.
#[must_use]
pub fn fields_on_one_line(line: &str) -> Option<Vec<(Field, String, String)>> {
    let joined = line.replace(" | ", " - ").replace(" \u{2013} ", " - ");
    let parts: Vec<&str> = joined.split(" - ").collect();
    if parts.len() < 2 {
        return None;
    }
    parts
        .into_iter()
        .map(|part| {
            field_line(part).map(|(field, value)| (field, part.to_owned(), value.to_owned()))
        })
        .collect()
}

/// `text` without the quotes around it, when it is one quoted literal.
fn unquoted(text: &str) -> &str {
    ['"', '\'']
        .iter()
        .find_map(|quote| {
            text.strip_prefix(*quote)
                .and_then(|inner| inner.strip_suffix(*quote))
                .filter(|inner| !inner.contains(*quote))
        })
        .unwrap_or(text)
}

/// A date field's value as a calendar date: a written date (`March 5, 2025`,
/// `2025-03-05`), or the day of a timestamp a site generator writes
/// (`2022-10-13T16:00:00.000Z`); with whether the date says all the value does (a
/// timestamp's time of day is more, and is kept as written).
fn date_value(value: &str) -> (Option<NaiveDate>, bool) {
    if let Some(date) =
        read_date_line(&plain_hyphens(value)).and_then(|(date, _)| calendar_date(date))
    {
        return (Some(date), true);
    }
    // RFC 3339, or a site generator's stamp (Jekyll's `2021-01-29 18:54:16 +0000`): the
    // day as written there.
    let value = value.trim();
    let stamp = site_stamp(value)
        .map(|(stamp, _)| stamp.date())
        .filter(|date| crate::model::date_in_range(*date))
        // A day and a time as people write them (`Friday, 4 Feb 2022 11:00:00 UTC`).
        .or_else(|| {
            let entry = crate::model::parse_time_entry(value).ok()?;
            match entry.clock.date? {
                crate::model::WrittenDay::Date(date) if date.year.is_some() => calendar_date(date),
                _ => None,
            }
        });
    (stamp, false)
}

/// A site generator's stamp (`2014-12-09T09:58:37+00:00`, Jekyll's `2021-01-29 18:54:16
/// +0000`, `2013-01-11 15:57`): the day and time as written there, and the offset when it
/// writes one.
fn site_stamp(value: &str) -> Option<(chrono::NaiveDateTime, Option<chrono::FixedOffset>)> {
    let value = value.trim().trim_matches(['"', '\'']);
    chrono::DateTime::parse_from_rfc3339(value)
        .ok()
        .or_else(|| {
            ["%Y-%m-%d %H:%M:%S %z", "%Y-%m-%d %H:%M %z"]
                .iter()
                .find_map(|format| chrono::DateTime::parse_from_str(value, format).ok())
        })
        .map(|stamp| (stamp.naive_local(), Some(*stamp.offset())))
        .or_else(|| {
            ["%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S"]
                .iter()
                .find_map(|format| chrono::NaiveDateTime::parse_from_str(value, format).ok())
                .map(|stamp| (stamp, None))
        })
}

/// The offset a site generator's stamp writes (`2020-05-26 23:00:00 +0800`,
/// `2020-05-26T23:00:00+08:00`).
fn stamp_offset(value: &str) -> Option<chrono::FixedOffset> {
    site_stamp(value).and_then(|(_, offset)| offset)
}

/// The time of day a site generator's stamp writes (`2013-01-11 15:57`, `2014-12-09T09:58:37
/// +00:00`); midnight is how a stamp without a time is often filled in, and says nothing.
fn stamp_time(value: &str) -> Option<chrono::NaiveTime> {
    site_stamp(value)
        .map(|(stamp, _)| stamp.time())
        .filter(|time| *time != chrono::NaiveTime::MIN)
}

/// A written date with its year as a calendar date a postmortem may hold (1900–9999).
#[must_use]
pub fn calendar_date(date: crate::model::PastedDate) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(date.year?, date.month, date.day)
        .filter(|date| crate::model::date_in_range(*date))
}

/// Reads one field's value into `doc`. Returns whether the value was kept word for word (so
/// the text needs no other home): times and durations are read, not kept.
pub fn apply(doc: &mut Postmortem, context: &mut Context, field: Field, value: &str) -> bool {
    let value = value.trim();
    match field {
        Field::Title => set_text(&mut doc.title, value),
        Field::Incident => {
            let reference =
                !value.contains(' ') || incident_reference(value).as_deref() == Some(value);
            if reference {
                set_text(&mut doc.incident_id, value)
            } else {
                if doc.incident_id.is_empty()
                    && let Some(found) = incident_reference(value)
                {
                    doc.incident_id = found;
                }
                set_text(&mut doc.title, value)
            }
        }
        Field::Date => {
            let (date, whole) = date_value(value);
            context.date = context.date.or(date);
            context.published_offset = context.published_offset.or(stamp_offset(value));
            context.published_time = context.published_time.or(stamp_time(value));
            whole
        }
        Field::Authors => {
            // `[Katharine Berry]` (a link without its address) is the name.
            let names = split_list(value).into_iter().map(|name| {
                name.trim_start_matches('[')
                    .trim_end_matches(']')
                    .to_owned()
            });
            doc.authors.extend(names);
            true
        }
        Field::Updated => {
            let (date, whole) = date_value(value);
            doc.updated = doc.updated.or(date);
            whole
        }
        Field::Status => read_status(doc, value),
        Field::Severity => {
            read_severity(doc, value, false);
            true
        }
        Field::TypeAndSeverity => {
            read_severity(doc, value, true);
            true
        }
        Field::IncidentType => set_text(&mut doc.classification.incident_type, value),
        Field::Services => {
            doc.classification
                .services
                .extend(split_list(value).into_iter().map(str::to_owned));
            true
        }
        Field::Times(named) => super::key_times::read_key_times(doc, *context, named, value),
        Field::Participants(role) => {
            super::people::read_participants(doc, role, value);
            true
        }
        Field::Links => {
            super::people::read_links(doc, value);
            true
        }
        Field::Tags => {
            doc.classification
                .tags
                .extend(split_list(value).into_iter().map(str::to_owned));
            true
        }
        Field::Approval => read_approval(doc, value),
    }
}

/// `Priya L. on 2025-08-06`, `Priya L., 2025-08-06`, `Priya L. (2025-08-06)`, `Priya L.`:
/// the approver, and the day when one ends the value.
fn read_approval(doc: &mut Postmortem, value: &str) -> bool {
    if !doc.approval.approver.is_empty() || doc.approval.approved.is_some() {
        return false;
    }
    let mut who = value;
    let mut day = None;
    for separator in [" on ", ", ", " (", "on "] {
        if let Some((before, after)) = value.rsplit_once(separator) {
            let after = after.trim_end_matches(')');
            if let Some(date) = read_date_line(&plain_hyphens(after.trim()))
                .and_then(|(date, _)| calendar_date(date))
            {
                who = before;
                day = Some(date);
                break;
            }
        }
    }
    who.trim().clone_into(&mut doc.approval.approver);
    doc.approval.approved = day;
    true
}

/// Sets an empty text field; a second value for it is not kept there.
fn set_text(field: &mut String, value: &str) -> bool {
    if field.is_empty() {
        value.clone_into(field);
        true
    } else {
        *field == value
    }
}

/// `INC-620`, `#465`, `incident 465`, `SEC-12` in a title or field.
#[must_use]
pub fn incident_reference(text: &str) -> Option<String> {
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | '[' | ']' | ',' | ':'))
        .filter(|word| !word.is_empty())
        .collect();
    for (index, word) in words.iter().enumerate() {
        let word = word.trim_end_matches(['.', ';']);
        if let Some(number) = word.strip_prefix('#')
            && !number.is_empty()
            && number.chars().all(|c| c.is_ascii_digit())
        {
            let before = index.checked_sub(1).map(|at| words[at].to_lowercase());
            return Some(match before.as_deref() {
                Some("incident") => format!("incident #{number}"),
                _ => word.to_owned(),
            });
        }
        if let Some((prefix, number)) = word.split_once('-')
            && (2..=6).contains(&prefix.len())
            && prefix.chars().all(|c| c.is_ascii_uppercase())
            && !number.is_empty()
            && number.chars().all(|c| c.is_ascii_digit())
            && prefix != "SEV"
        {
            return Some(word.to_owned());
        }
        if word.eq_ignore_ascii_case("incident")
            && let Some(number) = words.get(index + 1)
            && number.chars().all(|c| c.is_ascii_digit())
        {
            return Some(format!("incident {number}"));
        }
    }
    None
}

/// Returns whether the value said nothing more than the status (and when it was updated).
fn read_status(doc: &mut Postmortem, value: &str) -> bool {
    let lower = value.to_lowercase();
    doc.status = if lower.contains("review") {
        DocumentStatus::InReview
    } else if [
        "final",
        "complete",
        "published",
        "approved",
        "closed",
        "done",
    ]
    .iter()
    .any(|word| lower.starts_with(word))
    {
        DocumentStatus::Final
    } else {
        DocumentStatus::Draft
    };
    // "Draft, updated 2025-08-01" (as Hindsight's own export writes it).
    // Hindsight's own export adds ", updated DATE" or ", started DATE".
    let (status, dated) = match lower
        .split_once(", updated ")
        .map(|(status, date)| (status, Some((date, true))))
        .or_else(|| {
            lower
                .split_once(", started ")
                .map(|(status, date)| (status, Some((date, false))))
        }) {
        Some(split) => split,
        None => (lower.as_str(), None),
    };
    let mut date_read = true;
    if let Some((date, updated)) = dated {
        let date =
            read_date_line(&plain_hyphens(date.trim())).and_then(|(date, _)| calendar_date(date));
        date_read = date.is_some();
        if updated {
            doc.updated = date;
        } else if date.is_some() {
            doc.created = date;
        }
    }
    date_read && matches!(status.trim(), "draft" | "in review" | "final")
}

/// `SEV-2`, `Sev 2`, `SEV2`, `P2` or a level of the document's scale, and the incident type
/// around it: `SEV‑2 performance degradation`, `SEV-2 — Performance degradation`.
fn read_severity(doc: &mut Postmortem, value: &str, with_type: bool) {
    let plain = plain_hyphens(value);
    let words: Vec<&str> = plain.split_whitespace().collect();
    let mut found = None;
    for (index, word) in words.iter().enumerate() {
        let lower = word
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        let number = lower
            .strip_prefix("sev-")
            .or_else(|| lower.strip_prefix("sev"))
            .or_else(|| lower.strip_prefix("severity"))
            .or_else(|| lower.strip_prefix('p').filter(|rest| rest.len() == 1));
        let (level, used) = match number {
            Some("") => match words.get(index + 1) {
                Some(next) if next.chars().all(|c| c.is_ascii_digit()) => {
                    (format!("SEV-{next}"), 2)
                }
                _ => continue,
            },
            Some(digits) if digits.chars().all(|c| c.is_ascii_digit()) => {
                (format!("SEV-{digits}"), 1)
            }
            _ => {
                let on_scale = doc
                    .classification
                    .severity_scale
                    .iter()
                    .find(|level| level.name.eq_ignore_ascii_case(&lower));
                match on_scale {
                    Some(level) => (level.name.clone(), 1),
                    None => continue,
                }
            }
        };
        found = Some((index, used, level));
        break;
    }
    let Some((index, used, level)) = found else {
        if with_type {
            if doc.classification.incident_type.is_empty() {
                value.clone_into(&mut doc.classification.incident_type);
            }
            return;
        }
        // A level the scale does not have ("Critical"): kept as written, added to the scale.
        let level = value.to_owned();
        add_level(doc, &level);
        doc.classification.severity = Some(level);
        return;
    };
    add_level(doc, &level);
    doc.classification.severity = Some(level);
    // The separator between the level and the type goes ("SEV-2 — Performance
    // degradation", "Outage: SEV-1"); the type's own text stays as written.
    let separator = |c: char| c.is_whitespace() || "\u{2014}\u{2013}-:,;|/".contains(c);
    let before = words[..index].join(" ");
    let after = words[index + used..].join(" ");
    let rest = [
        before.trim_end_matches(separator),
        after.trim_start_matches(separator),
    ]
    .into_iter()
    .filter(|part| !part.is_empty())
    .collect::<Vec<_>>()
    .join(" ");
    if !rest.is_empty() && doc.classification.incident_type.is_empty() {
        doc.classification.incident_type = capitalized(&rest);
    }
}

fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

fn add_level(doc: &mut Postmortem, level: &str) {
    let scale = &mut doc.classification.severity_scale;
    if !scale.iter().any(|known| known.name == level) {
        scale.push(SeverityLevel::new(
            level,
            "as written in the imported postmortem",
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeZone, Utc};

    #[test]
    fn a_field_written_as_a_scripts_literal_is_read_without_its_quotes() {
        assert_eq!(
            field_line("  date: '2024-11-19',"),
            Some((Field::Date, "2024-11-19"))
        );
        assert_eq!(
            field_line("\"title\": \"Relay outage\","),
            Some((Field::Title, "Relay outage"))
        );
        // Quotes that are part of the value stay.
        assert_eq!(
            field_line("Title: \"Flags\" is down"),
            Some((Field::Title, "\"Flags\" is down"))
        );
    }

    #[test]
    fn fields_written_on_one_line_are_each_read_when_every_part_is_one() {
        let fields = fields_on_one_line(
            "Start Date/Time: 18/10/2018 16:07 - Resolution Date/Time: 18/10/2018 16:42 - \
             Duration: 35 minutes",
        )
        .unwrap();
        let read: Vec<(Field, &str)> = fields
            .iter()
            .map(|(field, _, value)| (*field, value.as_str()))
            .collect();
        assert_eq!(
            read,
            [
                (Field::Times(Some(KeyTime::Started)), "18/10/2018 16:07"),
                (Field::Times(Some(KeyTime::Resolved)), "18/10/2018 16:42"),
                (Field::Times(None), "35 minutes")
            ]
        );
        // A value with a dash in it, or a part that names no field, leaves the line whole.
        assert!(fields_on_one_line("Title: Outage - database down").is_none());
        assert!(fields_on_one_line("Priority: P2 - Location: Nationwide").is_none());
    }

    #[test]
    fn a_date_field_may_be_a_site_generators_timestamp() {
        // The time of day is more than the date says: the value is kept as written too.
        assert_eq!(
            date_value("2022-10-13T16:00:00.000Z"),
            (NaiveDate::from_ymd_opt(2022, 10, 13), false)
        );
        assert_eq!(
            date_value("March 5, 2025"),
            (NaiveDate::from_ymd_opt(2025, 3, 5), true)
        );
        assert_eq!(
            date_value("Friday, 4 Feb 2022 11:00:00 UTC"),
            (NaiveDate::from_ymd_opt(2022, 2, 4), false)
        );
        // A time without its day names none.
        assert_eq!(date_value("11:00 UTC"), (None, false));
        assert_eq!(date_value("soon"), (None, false));
    }

    #[test]
    fn a_key_time_may_be_named_with_the_incident_before_it() {
        assert_eq!(
            field_line("**Incident resolved at:** 12:11 PM EST, July 24, 2025"),
            Some((
                Field::Times(Some(KeyTime::Resolved)),
                "12:11 PM EST, July 24, 2025"
            ))
        );
        assert_eq!(
            field_named("Incident detected"),
            Some(Field::Times(Some(KeyTime::Detected)))
        );
        // Only key times: `Incident owner` is no field of its own.
        assert_eq!(field_named("Incident owner"), None);
    }

    #[test]
    fn keys_and_values_of_the_reference_template() {
        let mut doc = Postmortem::default();
        let mut context = Context::default();
        let read = |doc: &mut Postmortem, context: &mut Context, key: &str, value: &str| {
            let field = field_named(key).unwrap();
            apply(doc, context, field, value)
        };
        read(
            &mut doc,
            &mut context,
            "Incident type & severity",
            "SEV\u{2011}2 performance degradation",
        );
        assert_eq!(doc.classification.severity.as_deref(), Some("SEV-2"));
        assert_eq!(doc.classification.incident_type, "Performance degradation");
        read(
            &mut doc,
            &mut context,
            "Services/components",
            "User API, PostgreSQL database (orders table), ORM layer",
        );
        assert_eq!(doc.classification.services.len(), 3);
        read(
            &mut doc,
            &mut context,
            "Impact window",
            "Start: 2025\u{2011}08\u{2011}01 14:03 UTC; End: 14:33 UTC",
        );
        read(
            &mut doc,
            &mut context,
            "Duration & time\u{2011}to\u{2011}resolve",
            "30 min total; issue detected within 2 min; mitigated at 14:20 UTC; fully resolved by 14:33 UTC",
        );
        let at = |h, m| Some(Utc.with_ymd_and_hms(2025, 8, 1, h, m, 0).unwrap());
        assert_eq!(doc.key_times.started, at(14, 3));
        assert_eq!(doc.key_times.detected, at(14, 5));
        assert_eq!(doc.key_times.mitigated, at(14, 20));
        assert_eq!(doc.key_times.resolved, at(14, 33));
        read(
            &mut doc,
            &mut context,
            "Participants",
            "Incident Lead: Alice R. (on\u{2011}call SRE); Responders: Bob M. (backend engineer), Charlie T. (team lead); Reporter: automated latency alert",
        );
        let people: Vec<_> = doc
            .participants
            .iter()
            .map(|p| (p.name.as_str(), p.role, p.note.as_str()))
            .collect();
        assert_eq!(
            people,
            [
                (
                    "Alice R.",
                    ParticipantRole::IncidentLead,
                    "on\u{2011}call SRE"
                ),
                ("Bob M.", ParticipantRole::Responder, "backend engineer"),
                ("Charlie T.", ParticipantRole::Responder, "team lead"),
                ("automated latency alert", ParticipantRole::Reporter, ""),
            ]
        );
        assert_eq!(
            incident_reference("Slack #incident-620-latency-spike"),
            None
        );
        assert_eq!(
            incident_reference("Shakespeare Sonnet++ Postmortem (incident #465)").as_deref(),
            Some("incident #465")
        );
        assert_eq!(
            incident_reference("see INC-620 for more").as_deref(),
            Some("INC-620")
        );
    }
}
