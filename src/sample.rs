//! Large generated documents for benchmarks and scale tests, made by code so no huge file is
//! committed. The same arguments always give the same document.

use chrono::{Days, NaiveDate, TimeDelta, TimeZone, Utc};
use uuid::Uuid;

use crate::model::{
    ActionId, ActionItem, ActionKind, ActionPriority, ActionStatus, Marker, Postmortem, RowId,
    TimelineField, TimelineRow,
};

/// A postmortem with `rows` timeline rows (a few seconds apart, with notes and actors) and
/// `actions` action items, on top of the example's metadata and narrative.
#[must_use]
pub fn generated_postmortem(base: &Postmortem, rows: usize, actions: usize) -> Postmortem {
    let start = base.key_times.started.unwrap_or_else(|| {
        Utc.timestamp_opt(1_754_056_980, 0)
            .single()
            .unwrap_or_default()
    });
    let actors = ["Alice R.", "Bob M.", "Charlie T.", "Priya L."];
    let timeline = (0..rows)
        .map(|index| {
            let seconds = i64::try_from(index).unwrap_or(i64::MAX) * 7;
            let mut row = TimelineRow {
                id: RowId::from_uuid(Uuid::from_u128(index as u128 + 1)),
                time: (index % 17 != 0).then(|| start + TimeDelta::seconds(seconds)),
                marker: if index % 97 == 0 {
                    Marker::KeyMoment
                } else {
                    Marker::Unmarked
                },
                starred: index % 53 == 0,
                ..TimelineRow::default()
            };
            // Every column of words is filled through the declaration, so a column added
            // there is in the benchmarks' documents too.
            for field in TimelineField::ALL {
                let words = match field {
                    TimelineField::Event => format!(
                        "Event {index}: checked dashboards, restarted worker pool {}",
                        index % 13
                    ),
                    TimelineField::Notes => format!(
                        "p95 at {} ms; error rate {}.{}%",
                        200 + index % 900,
                        index % 3,
                        index % 10
                    ),
                    TimelineField::Actor => actors[index % actors.len()].to_owned(),
                    TimelineField::Evidence if index % 11 == 0 => {
                        format!("https://grafana.example.com/d/user-api?from={seconds}")
                    }
                    TimelineField::Evidence => String::new(),
                    other => format!("{} {index}", other.title()),
                };
                field.set_written(&mut row, words);
            }
            row
        })
        .collect();
    let first_due = NaiveDate::from_ymd_opt(2025, 8, 1).unwrap_or_default();
    let action_items = (0..actions)
        .map(|index| ActionItem {
            id: ActionId::from_uuid(Uuid::from_u128(u128::MAX - index as u128)),
            action: format!(
                "Follow-up {index}: review alert thresholds for service {}",
                index % 41
            ),
            owner: actors[index % actors.len()].to_owned(),
            due: first_due.checked_add_days(Days::new((index % 120) as u64)),
            status: ActionStatus::ALL[index % ActionStatus::ALL.len()],
            priority: ActionPriority::ALL[index % ActionPriority::ALL.len()],
            kind: ActionKind::ALL[index % ActionKind::ALL.len()],
            ticket_url: format!("https://tickets.example.com/OPS-{index}"),
            completed: None,
            declined_reason: String::new(),
            internal: false,
        })
        .collect();
    Postmortem {
        timeline,
        action_items,
        ..base.clone()
    }
}
