//! Arbitrary documents for property tests and their shrinking: any Unicode in every string,
//! instants and dates across the whole span a postmortem may hold (years 1900 to 9999), and
//! every time zone.

#![allow(
    clippy::unwrap_used,
    reason = "helpers outside #[test] functions may unwrap too: a panic is a failed test"
)]

use chrono::{DateTime, NaiveDate, Utc};
use hindsight::model::{
    ActionId, ActionItem, ActionKind, ActionPriority, ActionStatus, Approval, Classification,
    Conflict, CustomSection, DocumentStatus, KeyTimes, Link, LinkKind, Marker, Narrative,
    Participant, ParticipantRole, Postmortem, RowId, Section, SeverityLevel, TimelineField,
    TimelineRow,
};
use proptest::prelude::*;
use proptest::sample::select;

/// Any text, weighted towards what breaks serialisers: quotes, `#`, backslashes, newlines,
/// carriage returns, tabs, control characters and non-ASCII.
pub fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        // Every kind of whitespace chat and web pages paste, around words.
        proptest::collection::vec(
            select(vec![
                "\u{a0}",
                "\u{3000}",
                "\u{2028}",
                "\u{200b}",
                "\u{feff}",
                "\u{202e}",
                "\u{1b}[31m",
                "word",
                "14:03",
                "=1+1",
                "-",
                "\u{301}",
            ]),
            0..8,
        )
        .prop_map(|parts| parts.concat()),
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

/// The first and last second a postmortem may hold: 1900-01-01T00:00:00Z and
/// 9999-12-31T23:59:59Z.
const FIRST_SECOND: i64 = -2_208_988_800;
const LAST_SECOND: i64 = 253_402_300_799;

/// Any instant of the accepted span, weighted towards its two ends and the present.
pub fn instant() -> impl Strategy<Value = Option<DateTime<Utc>>> {
    let seconds = prop_oneof![
        FIRST_SECOND..=LAST_SECOND,
        FIRST_SECOND..FIRST_SECOND + 200_000,
        LAST_SECOND - 200_000..=LAST_SECOND,
        1_700_000_000_i64..1_800_000_000,
    ];
    proptest::option::of(seconds.prop_map(|seconds| DateTime::from_timestamp(seconds, 0).unwrap()))
}

/// Any day of the accepted span, weighted towards its two ends.
pub fn date() -> impl Strategy<Value = Option<NaiveDate>> {
    let first = NaiveDate::from_ymd_opt(1900, 1, 1).unwrap();
    let days = prop_oneof![0_u64..2_958_464, 0_u64..400, 2_958_064_u64..2_958_464];
    proptest::option::of(days.prop_map(move |days| first + chrono::Days::new(days)))
}

pub fn uuid() -> impl Strategy<Value = uuid::Uuid> {
    any::<u128>().prop_map(uuid::Uuid::from_u128)
}

fn row() -> impl Strategy<Value = TimelineRow> {
    (
        uuid(),
        instant(),
        proptest::option::of(text()),
        select(Marker::ALL.to_vec()),
        (any::<bool>(), any::<bool>()),
        proptest::collection::vec(text(), TimelineField::ALL.len()),
    )
        .prop_map(|(id, time, actor, marker, (starred, internal), words)| {
            let mut row = TimelineRow {
                id: RowId::from_uuid(id),
                time,
                actor,
                marker,
                starred,
                internal,
                ..TimelineRow::default()
            };
            // Every other column of words, through the declaration: a column added there
            // is generated here too. The actor keeps its own strategy, which also makes an
            // empty actor that is not absent.
            for (field, words) in TimelineField::ALL.into_iter().zip(words) {
                if field != TimelineField::Actor {
                    field.set_written(&mut row, words);
                }
            }
            row
        })
}

fn action() -> impl Strategy<Value = ActionItem> {
    (
        uuid(),
        (text(), text(), text(), text()),
        date(),
        date(),
        select(ActionStatus::ALL.to_vec()),
        select(ActionPriority::ALL.to_vec()),
        (select(ActionKind::ALL.to_vec()), any::<bool>()),
    )
        .prop_map(
            |(
                id,
                (action, owner, ticket_url, declined_reason),
                due,
                completed,
                status,
                priority,
                (kind, internal),
            )| {
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
                    declined_reason,
                    internal,
                }
            },
        )
}

fn narrative() -> impl Strategy<Value = Narrative> {
    (
        proptest::collection::vec(text(), 12),
        proptest::collection::vec(
            (text(), text(), text(), any::<bool>()).prop_map(
                |(title, text, guidance, internal)| CustomSection {
                    title,
                    text,
                    guidance,
                    internal,
                },
            ),
            0..3,
        ),
        proptest::collection::vec(select(Section::ALL.to_vec()), 0..4),
        proptest::collection::btree_map(select(Section::ALL.to_vec()), text(), 0..4),
        proptest::collection::btree_map(select(Section::ALL.to_vec()), text(), 0..3),
        proptest::collection::vec(select(Section::ALL.to_vec()), 0..3),
    )
        .prop_map(
            |(texts, custom_sections, mut left_out, guidance, headings, mut internal)| {
                left_out.sort();
                left_out.dedup();
                internal.sort();
                internal.dedup();
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
                    left_out,
                    guidance,
                    headings,
                    internal,
                }
            },
        )
}

/// A conflict a merge could have left: a place and three values of the kinds fields hold.
fn conflict() -> impl Strategy<Value = Conflict> {
    let value = prop_oneof![
        Just(serde_json::Value::Null),
        text().prop_map(serde_json::Value::String),
        any::<bool>().prop_map(serde_json::Value::Bool),
        proptest::collection::vec(text().prop_map(serde_json::Value::String), 0..3)
            .prop_map(serde_json::Value::Array),
        // A whole entry (a row deleted on one side and changed on the other).
        proptest::collection::btree_map("[a-z_]{1,8}", text(), 0..4).prop_map(|fields| {
            serde_json::Value::Object(
                fields
                    .into_iter()
                    .map(|(key, value)| (key, serde_json::Value::String(value)))
                    .collect(),
            )
        }),
        any::<u32>().prop_map(|number| serde_json::Value::Number(number.into())),
    ];
    (
        proptest::collection::vec(text(), 1..4),
        value.clone(),
        value.clone(),
        value,
    )
        .prop_map(|(at, base, ours, theirs)| Conflict {
            at,
            base,
            ours,
            theirs,
        })
}

fn links() -> impl Strategy<Value = Vec<Link>> {
    proptest::collection::vec(
        (
            select(LinkKind::ALL.to_vec()),
            text(),
            text(),
            any::<bool>(),
        )
            .prop_map(|(kind, label, url, internal)| Link {
                kind,
                label,
                url,
                internal,
            }),
        0..4,
    )
}

/// Any document this version can save.
pub fn postmortem() -> impl Strategy<Value = Postmortem> {
    let header = (
        (text(), text(), select(DocumentStatus::ALL.to_vec())),
        proptest::collection::vec(text(), 0..3),
        (date(), date()),
        select(chrono_tz::TZ_VARIANTS.to_vec()),
        (text(), date()),
    );
    let classification = (
        text(),
        proptest::option::of(text()),
        proptest::collection::vec(
            (text(), text()).prop_map(|(name, description)| SeverityLevel { name, description }),
            0..6,
        ),
        proptest::collection::vec(text(), 0..4),
        proptest::collection::vec(text(), 0..3),
    )
        .prop_map(
            |(incident_type, severity, severity_scale, services, tags)| Classification {
                incident_type,
                severity,
                severity_scale,
                services,
                tags,
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
    let links = links();
    (
        header,
        classification,
        key_times,
        people,
        links,
        narrative(),
        proptest::collection::vec(row(), 0..6),
        proptest::collection::vec(action(), 0..6),
        (
            proptest::collection::vec(conflict(), 0..2),
            (text(), proptest::collection::vec(text(), 0..3)),
        ),
    )
        .prop_map(
            |(
                (
                    (title, incident_id, status),
                    authors,
                    (created, updated),
                    time_zone,
                    (approver, approved),
                ),
                classification,
                key_times,
                participants,
                links,
                narrative,
                timeline,
                action_items,
                (conflicts, (public_summary, redact)),
            )| Postmortem {
                title,
                incident_id,
                status,
                authors,
                created,
                updated,
                approval: Approval { approver, approved },
                time_zone,
                classification,
                key_times,
                participants,
                links,
                narrative,
                timeline,
                action_items,
                public: hindsight::model::PublicVersion {
                    summary: public_summary,
                    redact,
                },
                conflicts,
                ..Postmortem::default()
            },
        )
}
