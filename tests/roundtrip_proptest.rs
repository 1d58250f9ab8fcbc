//! Any document saves and loads back equal, whatever its text holds.

#![allow(
    clippy::unwrap_used,
    reason = "helpers outside #[test] functions may unwrap too: a panic is a failed test"
)]

use chrono::{DateTime, NaiveDate, Utc};
use hindsight::model::{
    ActionId, ActionItem, ActionKind, ActionPriority, ActionStatus, Classification, CustomSection,
    DocumentStatus, KeyTimes, Link, LinkKind, Marker, Narrative, Participant, ParticipantRole,
    Postmortem, RowId, SeverityLevel, TimelineRow,
};
use hindsight::storage::{from_ron_str, to_canonical_ron};
use proptest::prelude::*;
use proptest::sample::select;

/// Any text, weighted towards what breaks serialisers: quotes, `#`, backslashes, newlines,
/// carriage returns, tabs, control characters and non-ASCII.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        proptest::collection::vec(
            select(vec![
                "\"", "\"#", "r#\"", "#", "\\", "\n", "\r\n", "\r", "\t", "\u{0}", "\u{7f}", "é",
                "—", "日本", "🙂", "(", ")", ",", "a", " ", "None", "Some(",
            ]),
            0..12,
        )
        .prop_map(|parts| parts.concat()),
    ]
}

fn instant() -> impl Strategy<Value = Option<DateTime<Utc>>> {
    proptest::option::of(
        (-2_000_000_000_i64..4_000_000_000_i64)
            .prop_map(|seconds| DateTime::from_timestamp(seconds, 0).unwrap()),
    )
}

fn date() -> impl Strategy<Value = Option<NaiveDate>> {
    proptest::option::of((0_i64..100_000).prop_map(|days| {
        NaiveDate::from_ymd_opt(1970, 1, 1).unwrap() + chrono::Days::new(days.unsigned_abs())
    }))
}

fn uuid() -> impl Strategy<Value = uuid::Uuid> {
    any::<u128>().prop_map(uuid::Uuid::from_u128)
}

fn row() -> impl Strategy<Value = TimelineRow> {
    (
        uuid(),
        instant(),
        text(),
        text(),
        proptest::option::of(text()),
        select(Marker::ALL.to_vec()),
        any::<bool>(),
    )
        .prop_map(
            |(id, time, event, notes, actor, marker, starred)| TimelineRow {
                id: RowId::from_uuid(id),
                time,
                event,
                notes,
                actor,
                marker,
                starred,
            },
        )
}

fn action() -> impl Strategy<Value = ActionItem> {
    (
        uuid(),
        (text(), text(), text()),
        date(),
        date(),
        select(ActionStatus::ALL.to_vec()),
        select(ActionPriority::ALL.to_vec()),
        select(ActionKind::ALL.to_vec()),
    )
        .prop_map(
            |(id, (action, owner, ticket_url), due, completed, status, priority, kind)| {
                ActionItem {
                    id: ActionId::from_uuid(id),
                    action,
                    owner,
                    due,
                    status,
                    priority,
                    kind,
                    ticket_url,
                    completed,
                }
            },
        )
}

fn narrative() -> impl Strategy<Value = Narrative> {
    (
        proptest::collection::vec(text(), 12),
        proptest::collection::vec(
            (text(), text()).prop_map(|(title, text)| CustomSection { title, text }),
            0..3,
        ),
    )
        .prop_map(|(texts, custom_sections)| {
            let mut texts = texts.into_iter();
            let mut next = || texts.next().unwrap_or_default();
            Narrative {
                summary: next(),
                impact: next(),
                root_cause: next(),
                trigger: next(),
                contributing_factors: next(),
                detection: next(),
                resolution: next(),
                supporting_evidence: next(),
                what_went_well: next(),
                what_went_wrong: next(),
                where_we_got_lucky: next(),
                lessons_learned: next(),
                custom_sections,
            }
        })
}

fn postmortem() -> impl Strategy<Value = Postmortem> {
    let header = (
        (text(), text(), select(DocumentStatus::ALL.to_vec())),
        proptest::collection::vec(text(), 0..3),
        (date(), date()),
        select(vec![
            chrono_tz::Tz::UTC,
            chrono_tz::Europe::Berlin,
            chrono_tz::America::New_York,
            chrono_tz::Asia::Kolkata,
        ]),
    );
    let classification = (
        text(),
        proptest::option::of(text()),
        proptest::collection::vec(
            (text(), text()).prop_map(|(name, description)| SeverityLevel { name, description }),
            0..6,
        ),
        proptest::collection::vec(text(), 0..4),
    )
        .prop_map(
            |(incident_type, severity, severity_scale, services)| Classification {
                incident_type,
                severity,
                severity_scale,
                services,
            },
        );
    let key_times = (instant(), instant(), instant(), instant(), instant()).prop_map(
        |(started, detected, acknowledged, mitigated, resolved)| KeyTimes {
            started,
            detected,
            acknowledged,
            mitigated,
            resolved,
        },
    );
    let people = proptest::collection::vec(
        (text(), select(ParticipantRole::ALL.to_vec()), text())
            .prop_map(|(name, role, note)| Participant { name, role, note }),
        0..4,
    );
    let links = proptest::collection::vec(
        (select(LinkKind::ALL.to_vec()), text(), text()).prop_map(|(kind, label, url)| Link {
            kind,
            label,
            url,
        }),
        0..4,
    );
    (
        header,
        classification,
        key_times,
        people,
        links,
        narrative(),
        proptest::collection::vec(row(), 0..6),
        proptest::collection::vec(action(), 0..6),
    )
        .prop_map(
            |(
                ((title, incident_id, status), authors, (created, updated), time_zone),
                classification,
                key_times,
                participants,
                links,
                narrative,
                timeline,
                action_items,
            )| Postmortem {
                title,
                incident_id,
                status,
                authors,
                created,
                updated,
                time_zone,
                classification,
                key_times,
                participants,
                links,
                narrative,
                timeline,
                action_items,
                ..Postmortem::default()
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_document_saves_and_loads_back_equal(doc in postmortem()) {
        let text = to_canonical_ron(&doc).unwrap();
        let loaded = from_ron_str(&text, std::path::Path::new("generated.ron"))
            .map_err(|error| TestCaseError::fail(format!("{error}\n---\n{text}")))?;
        prop_assert_eq!(&loaded, &doc);
        prop_assert_eq!(to_canonical_ron(&loaded).unwrap(), text);
    }
}
