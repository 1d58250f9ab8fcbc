//! What a folder of postmortems adds up to: incidents by month, severity, service and type;
//! how long detecting, acknowledging, mitigating and resolving took (median, 90th percentile
//! and how many incidents say, never a mean alone); where the action items stand; and which
//! postmortems are late for review. Computed from the documents alone.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDate, Utc};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::model::{ActionStatus, DocumentStatus, Due, KeyTime, ParticipantRole, Postmortem};
use crate::storage::{self, LoadError};

/// How many days after an incident is resolved its postmortem should be final.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ReviewDeadlines {
    /// For the two most severe levels of the postmortem's scale.
    pub severe_days: i64,
    /// For every other level, and for none.
    pub other_days: i64,
}

impl Default for ReviewDeadlines {
    fn default() -> Self {
        Self {
            severe_days: 5,
            other_days: 10,
        }
    }
}

/// A spread of durations: the median and the 90th percentile in minutes, of `count`
/// incidents; `missing` incidents do not say (they are not counted as zero).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Spread {
    /// The middle value, in minutes.
    pub median_minutes: Option<f64>,
    /// The value 90 % of incidents are at or under, in minutes (nearest rank).
    pub p90_minutes: Option<f64>,
    /// How many incidents have both the start and this time.
    pub count: usize,
    /// How many incidents lack one of them.
    pub missing: usize,
}

impl Spread {
    fn of(mut minutes: Vec<f64>, missing: usize) -> Self {
        minutes.sort_by(f64::total_cmp);
        let rank = |fraction: f64| -> Option<f64> {
            if minutes.is_empty() {
                return None;
            }
            // Nearest rank: the smallest value with at least `fraction` of them at or below.
            #[expect(
                clippy::cast_possible_truncation,
                clippy::cast_sign_loss,
                reason = "a rank between 1 and the number of incidents"
            )]
            let rank = (fraction * minutes.len() as f64).ceil().max(1.0) as usize;
            minutes.get(rank - 1).copied()
        };
        let median = if minutes.is_empty() {
            None
        } else if minutes.len() % 2 == 1 {
            Some(minutes[minutes.len() / 2])
        } else {
            Some(f64::midpoint(
                minutes[minutes.len() / 2 - 1],
                minutes[minutes.len() / 2],
            ))
        };
        Self {
            median_minutes: median,
            p90_minutes: rank(0.9),
            count: minutes.len(),
            missing,
        }
    }
}

/// A key time's spread, over all incidents and by severity.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Duration {
    /// Over every incident.
    #[serde(flatten)]
    pub all: Spread,
    /// By severity level (`none` for incidents without one).
    pub by_severity: BTreeMap<String, Spread>,
    /// Every incident's duration in minutes, shortest first: the distribution the editor
    /// draws (not in the JSON, which gives the spread).
    #[serde(skip)]
    pub minutes: Vec<f64>,
}

/// How long each step took, from the start of impact.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Durations {
    /// To detection.
    pub detect: Duration,
    /// To acknowledgement.
    pub acknowledge: Duration,
    /// To mitigation.
    pub mitigate: Duration,
    /// To resolution.
    pub resolve: Duration,
}

impl Durations {
    /// Each step with its name, in the order an incident passes through them.
    #[must_use]
    pub fn each(&self) -> [(&'static str, &Duration); 4] {
        [
            ("detect", &self.detect),
            ("acknowledge", &self.acknowledge),
            ("mitigate", &self.mitigate),
            ("resolve", &self.resolve),
        ]
    }
}

/// Where the action items stand.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ActionStats {
    /// Every item.
    pub total: usize,
    /// Open or in progress.
    pub open: usize,
    /// Open and past their due date.
    pub overdue: usize,
    /// Done.
    pub done: usize,
    /// Declined (won't do).
    pub declined: usize,
    /// The median number of days from the incident to an item being done, over the done
    /// items that say when.
    pub median_days_to_done: Option<f64>,
    /// Open items by owner (`unassigned` for none).
    pub open_by_owner: BTreeMap<String, usize>,
}

/// A postmortem still not final later than the team allows.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LateReview {
    /// The file.
    pub file: String,
    /// The incident's title.
    pub title: String,
    /// Draft or In review.
    pub status: String,
    /// The incident lead, who owns the write-up.
    pub owner: String,
    /// The day the incident was resolved.
    pub resolved: String,
    /// Days past the deadline.
    pub days_late: i64,
}

/// Services and tags that more than one incident shares, each with how many.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Recurring {
    /// Services touched by two incidents or more.
    pub services: BTreeMap<String, usize>,
    /// Tags given to two incidents or more.
    pub tags: BTreeMap<String, usize>,
}

/// What the incidents add up to.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Stats {
    /// How many incidents.
    pub incidents: usize,
    /// Incidents by month of their day (`YYYY-MM`; `undated` for none).
    pub by_month: BTreeMap<String, usize>,
    /// Incidents by severity (`none` for none).
    pub by_severity: BTreeMap<String, usize>,
    /// Incidents by month and, within it, by severity: what the editor's chart stacks (not
    /// in the JSON, which gives each on its own).
    #[serde(skip)]
    pub by_month_and_severity: BTreeMap<String, BTreeMap<String, usize>>,
    /// Incidents by service they touched.
    pub by_service: BTreeMap<String, usize>,
    /// Incidents by type (`none` for none).
    pub by_type: BTreeMap<String, usize>,
    /// Incidents by tag (contributing factor).
    pub by_tag: BTreeMap<String, usize>,
    /// The services and tags of more than one incident: what keeps coming back.
    pub recurring: Recurring,
    /// How long each step took.
    pub durations: Durations,
    /// Where the action items stand.
    pub actions: ActionStats,
    /// Postmortems late for review, worst first.
    pub late_reviews: Vec<LateReview>,
}

/// The day an incident happened, as the model tells it: its start, else its earliest key
/// time or timed row, else the day its postmortem was begun.
fn incident_day(doc: &Postmortem) -> Option<NaiveDate> {
    crate::model::incident_day(doc)
}

/// The stats of the postmortems (with their paths) whose incidents fall between `since`
/// and `until` (both included; undated ones only when neither is given).
#[must_use]
pub fn stats(
    docs: &[(PathBuf, Postmortem)],
    since: Option<NaiveDate>,
    until: Option<NaiveDate>,
    today: NaiveDate,
    deadlines: ReviewDeadlines,
) -> Stats {
    let chosen: Vec<&(PathBuf, Postmortem)> = docs
        .iter()
        .filter(|(_, doc)| match incident_day(doc) {
            Some(day) => {
                since.is_none_or(|since| day >= since) && until.is_none_or(|until| day <= until)
            }
            None => since.is_none() && until.is_none(),
        })
        .collect();
    let mut stats = Stats {
        incidents: chosen.len(),
        ..Stats::default()
    };
    for (_, doc) in &chosen {
        let month = incident_day(doc).map_or_else(
            || "undated".to_owned(),
            |day| day.format("%Y-%m").to_string(),
        );
        *stats
            .by_month_and_severity
            .entry(month.clone())
            .or_default()
            .entry(severity_of(doc))
            .or_default() += 1;
        *stats.by_month.entry(month).or_default() += 1;
        *stats.by_severity.entry(severity_of(doc)).or_default() += 1;
        let kind = doc.classification.incident_type.trim();
        *stats
            .by_type
            .entry(if kind.is_empty() {
                "none".to_owned()
            } else {
                kind.to_owned()
            })
            .or_default() += 1;
        count_each(&doc.classification.services, &mut stats.by_service);
        count_each(&doc.classification.tags, &mut stats.by_tag);
    }
    let more_than_once = |counts: &BTreeMap<String, usize>| {
        counts
            .iter()
            .filter(|(_, count)| **count > 1)
            .map(|(name, count)| (name.clone(), *count))
            .collect()
    };
    stats.recurring = Recurring {
        services: more_than_once(&stats.by_service),
        tags: more_than_once(&stats.by_tag),
    };
    stats.durations = Durations {
        detect: duration(&chosen, KeyTime::Detected),
        acknowledge: duration(&chosen, KeyTime::Acknowledged),
        mitigate: duration(&chosen, KeyTime::Mitigated),
        resolve: duration(&chosen, KeyTime::Resolved),
    };
    stats.actions = actions(&chosen, today);
    stats.late_reviews = late_reviews(&chosen, today, deadlines);
    stats
}

/// Counts each name of one incident once (a service listed twice is one incident).
fn count_each(names: &[String], counts: &mut BTreeMap<String, usize>) {
    let mut names: Vec<&str> = names
        .iter()
        .map(|name| name.trim())
        .filter(|name| !name.is_empty())
        .collect();
    names.sort_unstable();
    names.dedup();
    for name in names {
        *counts.entry(name.to_owned()).or_default() += 1;
    }
}

fn severity_of(doc: &Postmortem) -> String {
    doc.classification
        .severity
        .as_deref()
        .map(str::trim)
        .filter(|level| !level.is_empty())
        .unwrap_or("none")
        .to_owned()
}

fn minutes_to(doc: &Postmortem, key: KeyTime) -> Option<f64> {
    let start: DateTime<Utc> = doc.key_times.started?;
    let at = doc.key_times.get(key)?;
    let minutes = (at - start).num_seconds() as f64 / 60.0;
    // A time before the start is a mistake the checks point out, not a negative duration.
    (minutes >= 0.0).then_some(minutes)
}

fn duration(docs: &[&(PathBuf, Postmortem)], key: KeyTime) -> Duration {
    let mut all = Vec::new();
    let mut missing = 0;
    let mut by_severity: BTreeMap<String, (Vec<f64>, usize)> = BTreeMap::new();
    for (_, doc) in docs {
        let entry = by_severity.entry(severity_of(doc)).or_default();
        if let Some(minutes) = minutes_to(doc, key) {
            all.push(minutes);
            entry.0.push(minutes);
        } else {
            missing += 1;
            entry.1 += 1;
        }
    }
    all.sort_by(f64::total_cmp);
    Duration {
        minutes: all.clone(),
        all: Spread::of(all, missing),
        by_severity: by_severity
            .into_iter()
            .map(|(level, (minutes, missing))| (level, Spread::of(minutes, missing)))
            .collect(),
    }
}

fn actions(docs: &[&(PathBuf, Postmortem)], today: NaiveDate) -> ActionStats {
    let mut stats = ActionStats::default();
    let mut days_to_done = Vec::new();
    for (_, doc) in docs {
        for item in &doc.action_items {
            stats.total += 1;
            match item.status {
                ActionStatus::Open | ActionStatus::InProgress => {
                    stats.open += 1;
                    if matches!(Due::of(item, today), Due::Overdue(_)) {
                        stats.overdue += 1;
                    }
                    let owner = item.owner.trim();
                    *stats
                        .open_by_owner
                        .entry(if owner.is_empty() {
                            "unassigned".to_owned()
                        } else {
                            owner.to_owned()
                        })
                        .or_default() += 1;
                }
                ActionStatus::Done => {
                    stats.done += 1;
                    if let (Some(done), Some(day)) = (item.completed, incident_day(doc)) {
                        days_to_done.push((done - day).num_days() as f64);
                    }
                }
                ActionStatus::WontDo => stats.declined += 1,
            }
        }
    }
    stats.median_days_to_done = Spread::of(days_to_done, 0).median_minutes;
    stats
}

fn late_reviews(
    docs: &[&(PathBuf, Postmortem)],
    today: NaiveDate,
    deadlines: ReviewDeadlines,
) -> Vec<LateReview> {
    let mut late: Vec<LateReview> = docs
        .iter()
        .filter(|(_, doc)| doc.status != DocumentStatus::Final)
        .filter_map(|(path, doc)| {
            let resolved = doc.local_day(doc.key_times.resolved?);
            let severe = doc
                .severity_level()
                .and_then(|level| {
                    doc.classification
                        .severity_scale
                        .iter()
                        .position(|known| known == level)
                })
                .is_some_and(|rank| rank < 2);
            let allowed = if severe {
                deadlines.severe_days
            } else {
                deadlines.other_days
            };
            let days_late = (today - resolved).num_days() - allowed;
            (days_late > 0).then(|| LateReview {
                file: path.display().to_string(),
                title: doc.title.clone(),
                status: doc.status.label().to_owned(),
                owner: doc
                    .participants
                    .iter()
                    .find(|person| person.role == ParticipantRole::IncidentLead)
                    .map(|person| person.name.clone())
                    .unwrap_or_default(),
                resolved: resolved.format("%Y-%m-%d").to_string(),
                days_late,
            })
        })
        .collect();
    late.sort_by(|a, b| {
        b.days_late
            .cmp(&a.days_late)
            .then_with(|| a.file.cmp(&b.file))
    });
    late
}

/// Postmortems with their paths.
pub type Postmortems = Vec<(PathBuf, Postmortem)>;

/// Files and folders that could not be read, each with why.
pub type Unreadable = Vec<(PathBuf, String)>;

/// Every postmortem below `folder`, read in parallel, and the files and folders that could
/// not be read, each with why.
pub fn read_postmortems(folder: &Path) -> std::io::Result<(Postmortems, Unreadable)> {
    let found = super::find_postmortem_files(folder, &super::ScanProgress::default())?;
    // A file that is not a postmortem (another program's RON) is left out without a word.
    let read: Vec<Result<(PathBuf, Postmortem), Unreadable>> = found
        .files
        .par_iter()
        .map(|path| match storage::load(path) {
            Ok(doc) => Ok((path.clone(), doc)),
            Err(LoadError::NotAPostmortem { .. }) => Err(Vec::new()),
            Err(error) => Err(vec![(path.clone(), error.to_string())]),
        })
        .collect();
    let mut docs = Vec::new();
    let mut unreadable = found.unlistable;
    for outcome in read {
        match outcome {
            Ok(doc) => docs.push(doc),
            Err(problems) => unreadable.extend(problems),
        }
    }
    Ok((docs, unreadable))
}

/// The stats as CSV for a spreadsheet: one `measure,key,value` line per figure (for example
/// `by_service,User API,4` or `resolve.median_minutes,SEV-2,31`); cells are formula-safe.
pub fn stats_csv(stats: &Stats) -> Result<String, csv::Error> {
    let mut rows: Vec<[String; 3]> = vec![[
        "incidents".to_owned(),
        String::new(),
        stats.incidents.to_string(),
    ]];
    for (measure, map) in [
        ("by_month", &stats.by_month),
        ("by_severity", &stats.by_severity),
        ("by_service", &stats.by_service),
        ("by_type", &stats.by_type),
        ("by_tag", &stats.by_tag),
        ("recurring_services", &stats.recurring.services),
        ("recurring_tags", &stats.recurring.tags),
        ("open_by_owner", &stats.actions.open_by_owner),
    ] {
        for (key, count) in map {
            rows.push([measure.to_owned(), key.clone(), count.to_string()]);
        }
    }
    for (name, duration) in stats.durations.each() {
        let spreads = std::iter::once(("all".to_owned(), &duration.all)).chain(
            duration
                .by_severity
                .iter()
                .map(|(level, spread)| (level.clone(), spread)),
        );
        for (key, spread) in spreads {
            let number = |value: Option<f64>| value.map_or_else(String::new, |v| format!("{v}"));
            rows.push([
                format!("{name}.median_minutes"),
                key.clone(),
                number(spread.median_minutes),
            ]);
            rows.push([
                format!("{name}.p90_minutes"),
                key.clone(),
                number(spread.p90_minutes),
            ]);
            rows.push([
                format!("{name}.count"),
                key.clone(),
                spread.count.to_string(),
            ]);
            rows.push([format!("{name}.missing"), key, spread.missing.to_string()]);
        }
    }
    let actions = &stats.actions;
    for (measure, value) in [
        ("actions.total", actions.total),
        ("actions.open", actions.open),
        ("actions.overdue", actions.overdue),
        ("actions.done", actions.done),
        ("actions.declined", actions.declined),
    ] {
        rows.push([measure.to_owned(), String::new(), value.to_string()]);
    }
    for late in &stats.late_reviews {
        rows.push([
            "late_review.days_late".to_owned(),
            late.file.clone(),
            late.days_late.to_string(),
        ]);
    }
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(["measure", "key", "value"])?;
    for row in rows {
        let cells = row.map(|cell| crate::export::spreadsheet_cell(&cell, false).into_owned());
        writer.write_record(&cells)?;
    }
    crate::export::finish_csv(writer)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn incident(severity: &str, start_day: u32, detect_after: Option<i64>) -> Postmortem {
        let start = Utc.with_ymd_and_hms(2025, 8, start_day, 14, 0, 0).single();
        let mut doc = Postmortem::default();
        doc.classification.severity = Some(severity.to_owned());
        doc.classification.services = vec!["User API".to_owned()];
        doc.classification.tags = if start_day.is_multiple_of(2) {
            vec!["capacity".to_owned(), "capacity ".to_owned()]
        } else if start_day == 1 {
            vec!["config-change".to_owned()]
        } else {
            Vec::new()
        };
        doc.key_times.started = start;
        doc.key_times.detected = detect_after
            .and_then(|minutes| start.map(|start| start + chrono::Duration::minutes(minutes)));
        doc
    }

    #[test]
    fn medians_and_percentiles_count_only_incidents_that_say() {
        let docs: Vec<(PathBuf, Postmortem)> = [
            incident("SEV-1", 1, Some(2)),
            incident("SEV-2", 2, Some(10)),
            incident("SEV-2", 3, Some(4)),
            incident("SEV-3", 4, None),
        ]
        .into_iter()
        .enumerate()
        .map(|(index, doc)| (PathBuf::from(format!("{index}.ron")), doc))
        .collect();
        let today = NaiveDate::from_ymd_opt(2025, 9, 1).unwrap_or_default();
        let stats = stats(&docs, None, None, today, ReviewDeadlines::default());
        assert_eq!(stats.incidents, 4);
        assert_eq!(stats.by_month.get("2025-08"), Some(&4));
        assert_eq!(stats.by_service.get("User API"), Some(&4));
        assert_eq!(stats.recurring.services.get("User API"), Some(&4));
        assert_eq!(stats.by_tag.get("capacity"), Some(&2));
        assert_eq!(stats.by_tag.get("config-change"), Some(&1));
        assert_eq!(stats.recurring.tags.len(), 1, "{:?}", stats.recurring);
        let detect = &stats.durations.detect.all;
        assert_eq!((detect.count, detect.missing), (3, 1));
        assert_eq!(detect.median_minutes, Some(4.0));
        assert_eq!(detect.p90_minutes, Some(10.0));
        assert_eq!(
            stats.durations.detect.by_severity["SEV-2"].median_minutes,
            Some(7.0)
        );
        let since = NaiveDate::from_ymd_opt(2025, 8, 3);
        assert_eq!(stats_since(&docs, since, today).incidents, 2);
    }

    fn stats_since(
        docs: &[(PathBuf, Postmortem)],
        since: Option<NaiveDate>,
        today: NaiveDate,
    ) -> Stats {
        stats(docs, since, None, today, ReviewDeadlines::default())
    }
}
