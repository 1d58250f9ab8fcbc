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

#[test]
fn updates_after_the_postmortems_stamp_are_the_timeline_though_each_greeting_follows_a_stamp() {
    // The postmortem ends in its remediation list and its stamp; each update below opens
    // with a greeting on the line right after the stamp of the one above it.
    let text = "Mail Incident - 04/03/2020\nIncident Report for Example\n\n\
        Summary\n\nOn Wednesday 4th March 2020 from 11:01 to 13:05, mail was down.\n\n\
        Remediation Actions\n\n\
        \u{2022} A new monitoring alert has been built to detect such corruption.\n\n\
        Posted Mar 11, 2020 - 10:18 CAT\n\nDear Clients,\n\n\
        The issue has been partially resolved.\nPosted Mar 04, 2020 - 13:05 CAT\nDear Clients,\n\n\
        Our engineers have identified the issue.\nPosted Mar 04, 2020 - 12:07 CAT\nDear Clients,\n\n\
        Mail is down for some users.\nPosted Mar 04, 2020 - 11:01 CAT\n";
    let imported = import_markdown(text, today());
    let at = |h, m| Some(Utc.with_ymd_and_hms(2020, 3, 4, h, m, 0).unwrap());
    let timed: Vec<_> = super::tests::times_and_events(&imported.doc)
        .into_iter()
        .filter(|(time, _)| time.is_some())
        .collect();
    assert_eq!(
        timed,
        [
            (at(9, 1), "Dear Clients, Mail is down for some users."),
            (
                at(10, 7),
                "Dear Clients, Our engineers have identified the issue."
            ),
            (
                at(11, 5),
                "Dear Clients, The issue has been partially resolved."
            ),
        ]
    );
    // The greeting is no action item; the remediation is.
    assert_eq!(
        super::tests::actions(&imported.doc),
        ["A new monitoring alert has been built to detect such corruption."]
    );
    // `04/03/2020` is the day the story writes as `4th March 2020`: day first.
    assert_eq!(imported.assumed.day_order, crate::model::DayOrder::DayFirst);
}

#[test]
fn numbered_updates_and_a_label_with_its_time_alone_head_what_follows() {
    // A status blog numbers its updates and writes some without a time.
    let text = "Fiber Outage in the Area\n\nWe are currently investigating an outage. \
        This post will be updated as we investigate further.\n\n\u{2013} Robbie\n\n\
        Update: The carrier has confirmed a fiber cut. We will update further when we \
        receive an ETR.\n\n\
        Update 2: Technicians continue to work on the cut fiber.\n\n\
        Update 3 (11:15AM PST): New cable will need to be brought in.\n\n\
        Update 4 (4:10PM PST): The carrier has begun splicing.\n\n\
        Update 6(3:10AM PST): All affected areas are now back online.\n";
    let imported = import_markdown(text, today());
    let events = super::tests::events(&imported.doc);
    assert_eq!(
        events.len(),
        5,
        "one row an update, timed or not: {events:?}"
    );
    assert!(events[1].starts_with("Technicians continue"), "{events:?}");
    assert_eq!(
        super::tests::row_times(&imported.doc)
            .iter()
            .filter(|time| time.is_some())
            .count(),
        3
    );
    // A signature is no heading, and promising news is no work.
    assert!(imported.doc.narrative.custom_sections.is_empty());
    assert!(
        imported.doc.action_items.is_empty(),
        "{:?}",
        imported.doc.action_items
    );
    // A label and its time alone on a line, restated in other zones, head the text below.
    let text = "Maintenance\n\nWe will upgrade a storage unit.\n\n\
        Update 2023-09-29 12:20 CEST (06:20 AM EDT, 03:20 AM PDT)\n\n\
        Email services are now being restored.\n\n\
        Update 2023-09-29 11:00 CEST (05:00 AM EDT, 02:00 AM PDT)\n\n\
        We are still working on hardware replacements.\n\n\
        Update 2023-09-29 10:15 CEST (04:15 AM EDT, 01:15 AM PDT)\n\n\
        The server encountered hardware errors.\n";
    let doc = import_markdown(text, today()).doc;
    let at = |h, m| Some(Utc.with_ymd_and_hms(2023, 9, 29, h, m, 0).unwrap());
    assert_eq!(
        super::tests::times_events_and_notes(&doc),
        [
            (
                at(8, 15),
                "The server encountered hardware errors.",
                "Update; Time also written as 04:15 AM EDT, 01:15 AM PDT"
            ),
            (
                at(9, 0),
                "We are still working on hardware replacements.",
                "Update; Time also written as 05:00 AM EDT, 02:00 AM PDT"
            ),
            (
                at(10, 20),
                "Email services are now being restored.",
                "Update; Time also written as 06:20 AM EDT, 03:20 AM PDT"
            ),
        ]
    );
}

#[test]
fn a_postmortem_posted_as_an_update_tells_its_story_beside_the_updates() {
    // The write-up is an update of its own, signed and stamped days later; the updates
    // below it carry no status word, and the first one's text stands in two paragraphs.
    let text = "Cluster B - Webmail\n\nIncident Report for Example\n\n\
        On August 27, 2020, at 2:34 PM ET, the platform went down.\n\n\
        The team found a kernel bug.\n\n\
        At 3:56 PM ET, The team restored the services.\n\n\
        At 5:36 PM ET, A second interruption was observed.\n\n\
        Thank you,\n\nExample Engineering Team\n\n\
        Posted Aug 31, 2020 - 15:06 UTC\n\n\n\
        The team has migrated the services to the new file system.\n\n\
        Incident Start Time: 08-27-2020 18:34:00 UTC\nPosted Aug 27, 2020 - 19:56 UTC\n\n\n\
        The investigation continues.\nPosted Aug 27, 2020 - 19:50 UTC\n\n\n\
        We are investigating an issue with logins.\nPosted Aug 27, 2020 - 18:52 UTC\n";
    let imported = import_markdown(text, today());
    let at = |d, h, m| Some(Utc.with_ymd_and_hms(2020, 8, d, h, m, 0).unwrap());
    let times = super::tests::row_times(&imported.doc);
    for told in [at(27, 18, 34), at(27, 19, 56), at(27, 21, 36)] {
        assert!(times.contains(&told), "{told:?} in {times:?}");
    }
    let updates: Vec<&str> = super::tests::times_and_events(&imported.doc)
        .into_iter()
        .filter(|(time, _)| [at(27, 18, 52), at(27, 19, 50), at(27, 19, 56)].contains(time))
        .map(|(_, event)| event)
        .collect();
    assert!(
        updates.contains(&"We are investigating an issue with logins."),
        "{updates:?}"
    );
    assert!(
        updates
            .iter()
            .any(|event| event.starts_with("The team has migrated the services")),
        "the update's first paragraph is its text: {updates:?}"
    );
    // The signature is no heading of a part.
    let titles = super::tests::section_titles(&imported.doc);
    assert!(!titles.contains(&"Example Engineering Team"), "{titles:?}");
}

#[test]
fn updates_in_paragraphs_closed_by_stamps_with_their_age_are_rows_of_their_text() {
    // Each update: its status alone on a line, its text in paragraphs, then its stamp,
    // the newer ones with how much earlier than the update above they were.
    let page = "Incorrect emails sent to merchants\n\nUpdates\n\nResolved\n\n\
                Our services have stayed stable since the fix.\n\n\
                We do not expect any more disruption.\n\n\
                Tue, May 24, 2022, 04:29 PM\n\nMonitoring\n\n\
                Our engineers applied a fix.\n\n\
                Tue, May 24, 2022, 03:14 PM(1 hour earlier)\n\nInvestigating\n\n\
                We stopped further emails from going out.\n\n\
                Tue, May 24, 2022, 11:16 AM(3 hours earlier)\n";
    let doc = import_markdown(page, today()).doc;
    let at = |h, m| Some(Utc.with_ymd_and_hms(2022, 5, 24, h, m, 0).unwrap());
    assert_eq!(
        super::tests::times_and_events(&doc),
        [
            (
                at(11, 16),
                "Investigating We stopped further emails from going out."
            ),
            (at(15, 14), "Monitoring Our engineers applied a fix."),
            (
                at(16, 29),
                "Resolved Our services have stayed stable since the fix. We do not expect any \
                 more disruption."
            ),
        ]
    );
}

#[test]
fn the_story_under_numbered_updates_tells_its_times_beside_them() {
    // Updates added on top of a post, each labelled with its number and time; the post
    // below tells when the outage began.
    let page = "Website downtime - 12/1/2014 - Updated\n\n\
                Update 2 (8:00 PM PST): Our DNS provider is still mitigating the attacks.\n\n\
                Update 1 (6:30 PM PST): Our DNS provider sees renewed attacks.\n\n\
                Hey everyone!\n\n\
                The outage today began at approximately 11 AM PST and hit the website too.\n\n\
                We are sorry for how hard it was to find news of it.\n";
    let doc = import_markdown(page, today()).doc;
    // PST is eight hours behind UTC: the evening's updates are on the 2nd in UTC.
    let at = |d, h, m| Some(Utc.with_ymd_and_hms(2014, 12, d, h, m, 0).unwrap());
    assert_eq!(
        super::tests::row_times(&doc),
        [at(1, 19, 0), at(2, 2, 30), at(2, 4, 0)]
    );
}

#[test]
fn a_status_over_a_long_update_is_the_updates_label_not_the_write_ups_status() {
    let page = "Multiplayer Servers - Unable to build new servers in Japan East\n\
        Incident Report for PlayFab\n\
        Postmortem\n\n\
        Starting 05/30 01:35 PDT, new virtual machines were not being generated in Japan East.\n\n\
        The issue was mitigated at 11:00 PDT by restarting all nodes serving Japan East.\n\n\
        Posted Jun 11, 2019 - 23:16 PDT\n\n\
        Resolved\n\n\
        Multiplayer servers were experiencing issues in Japan East.\n\n\
        Posted May 30, 2019 - 01:30 PDT\n";
    let imported = import_markdown(page, today());
    let pacific = |day, hour, minute| {
        chrono_tz::America::Los_Angeles
            .with_ymd_and_hms(2019, 5, day, hour, minute, 0)
            .unwrap()
            .with_timezone(&Utc)
    };
    let times = super::tests::row_times(&imported.doc);
    for time in [pacific(30, 1, 30), pacific(30, 1, 35), pacific(30, 11, 0)] {
        assert!(times.contains(&Some(time)), "{time} in {times:?}");
    }
    // `Resolved` labels its update's row; neither label is taken for a field.
    let events = super::tests::events(&imported.doc);
    assert!(
        events
            .iter()
            .any(|event| event.contains("Resolved") && event.contains("experiencing issues")),
        "{events:?}"
    );
    assert_eq!(imported.doc.key_times.resolved, None);
    assert!(
        !super::tests::details_as_written(&imported.doc).contains("Postmortem: Starting"),
        "{}",
        super::tests::details_as_written(&imported.doc)
    );
}

#[test]
fn a_timeline_in_a_regions_clock_and_stamps_in_its_standard_time_put_the_document_there() {
    let text = "Search is slow\n\nIncident Report for Example\n\nPostmortem\n\n\
        Timeline\n\nAll times PT\n\n\
        09:10 Queue depth alarm fires\n\
        09:14 On-call engineer starts investigating\n\
        09:31 Extra workers added and the queue drains\n\n\
        Posted Jan 15, 2025 - 16:00 PST\n\n\
        Resolved\n\nSearch is fast again.\nPosted Jan 14, 2025 - 09:40 PST\n";
    let doc = import_markdown(text, today()).doc;
    // `PT` over the rows and `PST` in January under them are the same clock: the
    // document is on the Pacific coast, and its rows keep the times as written.
    assert_eq!(doc.time_zone, chrono_tz::America::Los_Angeles);
    let at = |h, m| Some(Utc.with_ymd_and_hms(2025, 1, 14, h, m, 0).unwrap());
    let times: Vec<_> = super::tests::times_and_events(&doc)
        .into_iter()
        .map(|(time, _)| time)
        .take(3)
        .collect();
    assert_eq!(times, [at(17, 10), at(17, 14), at(17, 31)]);
}
