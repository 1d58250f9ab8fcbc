//! A status page's incident copied as text: its postmortem, then the updates it posted
//! while the incident went on, each labelled with its status above and stamped below.

use chrono::{NaiveDate, TimeZone, Utc};

use super::*;
use crate::model::ActionStatus;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 7).unwrap()
}

/// A postmortem whose action list runs into the post's stamp, then two updates.
const TWO_UPDATES: &str = "Issue with Payments service\n\nIncident Report for Example\n\n\
    Postmortem\n\nIntroduction\n\nOn 17th November, payments were down for three minutes.\n\n\
    Follow-up actions\n\nWe are focusing on the following actions:\n\n\
      1. Optimization of the faulty service\n\
      2. Improved monitoring and alerting for the platform\n\
    Posted Nov 25, 2022 - 12:41 CET\n\n\
    Resolved\n\nThis incident has been resolved.\nPosted Nov 17, 2022 - 19:31 CET\n\n\
    Investigating\n\nWe are currently investigating an issue.\nPosted Nov 17, 2022 - 18:23 CET\n";

#[test]
fn two_updates_after_the_action_items_are_the_timeline_in_the_zone_they_name() {
    let doc = import_markdown(TWO_UPDATES, today()).doc;
    let at = |h, m| Some(Utc.with_ymd_and_hms(2022, 11, 17, h, m, 0).unwrap());
    assert_eq!(
        super::tests::times_and_events(&doc),
        [
            (
                at(17, 23),
                "Investigating We are currently investigating an issue."
            ),
            (at(18, 31), "Resolved This incident has been resolved."),
        ]
    );
    // Every update names CET, the clock of central Europe in November: the document is
    // there, not in UTC.
    assert_eq!(doc.time_zone, chrono_tz::Europe::Berlin);
    // `This incident has been resolved.` ends it.
    assert_eq!(doc.key_times.resolved, at(18, 31));
    assert_eq!(doc.timeline[1].marker, crate::model::Marker::Resolved);
    // The items end where the list does: the post's stamp is not the last one's work.
    assert_eq!(
        super::tests::actions_and_statuses(&doc),
        [
            ("Optimization of the faulty service", ActionStatus::Open),
            (
                "Improved monitoring and alerting for the platform",
                ActionStatus::Open
            )
        ]
    );
    let kept = super::tests::all_text(&doc);
    assert!(kept.contains("posted nov 25, 2022 - 12:41 cet"), "{kept}");
}

#[test]
fn a_single_update_labelled_and_stamped_is_a_row() {
    let text = "Login errors\n\nIncident Report for Example\n\n\
                Resolved\n\nLogins fail for some users; a fix is out.\n\
                Posted Mar 02, 2021 - 09:12 UTC\n";
    let doc = import_markdown(text, today()).doc;
    let rows: Vec<Option<chrono::DateTime<Utc>>> =
        doc.timeline.iter().map(|row| row.time).collect();
    assert_eq!(
        rows,
        [Some(Utc.with_ymd_and_hms(2021, 3, 2, 9, 12, 0).unwrap())]
    );
}

#[test]
fn updates_copied_flat_with_their_stamps_below_are_a_row_each() {
    let doc = import_markdown(
        "Resolved -\nNo residual impact was found after 11h39.\nSep 15, 2025, 16:12 GMT-03:00\n\
         Monitoring -\nThe database load is stable again.\nSep 15, 2025, 11:39 GMT-03:00\n\
         Identified -\nA read replica failed around 09h28.\nSep 15, 2025, 10:05 GMT-03:00\n",
        today(),
    )
    .doc;
    let at = |h, m| Some(Utc.with_ymd_and_hms(2025, 9, 15, h, m, 0).unwrap());
    assert_eq!(
        super::tests::times_and_events(&doc),
        [
            (
                at(13, 5),
                "Identified - A read replica failed around 09h28."
            ),
            (
                at(14, 39),
                "Monitoring - The database load is stable again."
            ),
            (
                at(19, 12),
                "Resolved - No residual impact was found after 11h39."
            ),
        ]
    );
}

/// A postmortem that tells its story in prose, with a question-like heading over its work
/// and no colon, then the updates copied flat: label, text and stamp with no blank lines.
const STORY_AND_FLAT_UPDATES: &str = "Dashboard unavailable\nIncident Report for Example\n\
    Postmortem\n\nWhat happened\n\n\
    At around 09:00 UTC we changed the connection pool. At 14:10 our alerts fired, and the \
    fix was rolled out by 15:02.\n\n\
    How we're making the dashboard more resilient\n\n\
      \u{2022} We will alert when new hosts fail to start.\n\
      \u{2022} We will stage pool changes on one host first.\n\
    Posted Mar 04, 2023 - 10:00 UTC\n\n\
    Resolved\nThis incident has been resolved.\nPosted Mar 03, 2023 - 15:20 UTC\n\
    Investigating\nWe are looking into errors on the dashboard.\nPosted Mar 03, 2023 - 14:30 UTC\n";

#[test]
fn the_story_told_above_flat_updates_is_rows_beside_them_on_the_incidents_day() {
    let doc = import_markdown(STORY_AND_FLAT_UPDATES, today()).doc;
    let at = |h, m| Some(Utc.with_ymd_and_hms(2023, 3, 3, h, m, 0).unwrap());
    let times: Vec<_> = doc.timeline.iter().map(|row| row.time).collect();
    // The postmortem's stamp dates the write-up, the day after: the updates' day is the
    // incident's, and the story's times are on it, all in the order of their times.
    assert_eq!(
        times,
        [at(9, 0), at(14, 10), at(14, 30), at(15, 2), at(15, 20)]
    );
    assert_eq!(
        super::tests::actions_and_statuses(&doc),
        [
            (
                "We will alert when new hosts fail to start.",
                ActionStatus::Open
            ),
            (
                "We will stage pool changes on one host first.",
                ActionStatus::Open
            )
        ]
    );
}

#[test]
fn a_timeline_list_above_the_update_log_keeps_its_own_times() {
    let text = "App unavailable\nIncident Report for Example\nPostmortem\n\nIncident Timeline\n\n\
      \u{2022} 14:44 UTC - a migration begins.\n\
      \u{2022} 14:51 UTC - the issue is resolved.\n\nRoot Cause\n\n\
    A column still in use was dropped.\n\nPosted Nov 19, 2018 - 22:46 UTC\n\n\
    Resolved\nThis incident has been resolved.\nPosted Nov 19, 2018 - 14:55 UTC\n\
    Update\nA fix is out.\nPosted Nov 19, 2018 - 14:54 UTC\n\
    Investigating\nWe are looking into it.\nPosted Nov 19, 2018 - 14:53 UTC\n";
    let doc = import_markdown(text, today()).doc;
    let at = |m| Some(Utc.with_ymd_and_hms(2018, 11, 19, 14, m, 0).unwrap());
    let mut times: Vec<_> = doc.timeline.iter().map(|row| row.time).collect();
    times.sort();
    // The update log's stamps close its updates, not the postmortem's list above it.
    assert_eq!(times, [at(44), at(51), at(53), at(54), at(55)]);
    assert_eq!(doc.timeline[0].event, "a migration begins.");
}
