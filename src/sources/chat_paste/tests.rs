//! The shapes of pasted text the reader understands, each with text as the real tools write
//! it, and where every line ends up.

use chrono::{NaiveDate, NaiveTime, TimeZone, Utc};

use super::*;

fn hm(hour: u32, minute: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(hour, minute, 0).unwrap()
}

/// (time, actor, event) of each row; every row must have a time.
fn rows(paste: &ChatPaste) -> Vec<(NaiveTime, Option<&str>, &str)> {
    paste
        .rows
        .iter()
        .map(|row| {
            (
                row.clock.expect("a timed row").time,
                row.actor.as_deref(),
                row.event.as_str(),
            )
        })
        .collect()
}

/// (actor, event) of each row, an empty actor for none.
fn actors_and_events(paste: &ChatPaste) -> Vec<(String, String)> {
    paste
        .rows
        .iter()
        .map(|row| (row.actor.clone().unwrap_or_default(), row.event.clone()))
        .collect()
}

fn unused_lines(paste: &ChatPaste) -> Vec<usize> {
    paste.unused.iter().map(|unused| unused.line).collect()
}

#[test]
fn the_first_three_chat_shapes_still_become_rows() {
    let paste = parse_chat(
        "14:03 Grafana alert fired\n[14:05] Rootly paged Alice\n14:07:10 alice: joined #ops-alerts\n",
    );
    assert!(paste.unused.is_empty());
    assert_eq!(
        rows(&paste),
        [
            (hm(14, 3), None, "Grafana alert fired"),
            (hm(14, 5), None, "Rootly paged Alice"),
            (
                NaiveTime::from_hms_opt(14, 7, 10).unwrap(),
                Some("alice"),
                "joined #ops-alerts"
            ),
        ]
    );
}

#[test]
fn a_slack_copy_gives_one_row_per_message() {
    // As Slack's desktop app copies a stretch of a channel: the name and the time on one
    // line, the message below; the same person's next message starts with a bare time.
    let paste = parse_chat(
        "Alice R.  2:03 PM\nGrafana alert fired on the User API\np95 is above 1 s\n2:04\npaging Bob\nBob M.  2:05 PM\non it (edited)\nPagerDuty APP  2:06 PM\nIncident #620 acknowledged by Bob M.\n",
    );
    assert!(paste.unused.is_empty(), "{:?}", paste.unused);
    assert_eq!(
        rows(&paste),
        [
            (
                hm(14, 3),
                Some("Alice R."),
                "Grafana alert fired on the User API p95 is above 1 s"
            ),
            (hm(14, 4), Some("Alice R."), "paging Bob"),
            (hm(14, 5), Some("Bob M."), "on it"),
            (
                hm(14, 6),
                Some("PagerDuty"),
                "Incident #620 acknowledged by Bob M."
            ),
        ]
    );
    assert_eq!(paste.rows[0].lines, [1, 2, 3]);
    assert_eq!(paste.rows[1].lines, [4, 5]);
}

#[test]
fn teams_and_mattermost_copies() {
    let paste = parse_chat(
        "[2:03 PM] Smith, John\nrolling back now\n[10:42 \u{2022} 13/08/2024] Mario Rossi:\nPossiamo chiudere l'incidente?\nalice  14:07\nrollback done\n",
    );
    assert!(paste.unused.is_empty(), "{:?}", paste.unused);
    assert_eq!(
        rows(&paste),
        [
            (hm(14, 3), Some("Smith, John"), "rolling back now"),
            (
                hm(10, 42),
                Some("Mario Rossi"),
                "Possiamo chiudere l'incidente?"
            ),
            (hm(14, 7), Some("alice"), "rollback done"),
        ]
    );
}

#[test]
fn irc_and_matrix_logs() {
    let paste = parse_chat(
        "[14:03] <alice> seeing 500s\n14:04 <bob> same here\n[14:05:30] * carol restarts the pool\n",
    );
    assert_eq!(
        rows(&paste),
        [
            (hm(14, 3), Some("alice"), "seeing 500s"),
            (hm(14, 4), Some("bob"), "same here"),
            (
                NaiveTime::from_hms_opt(14, 5, 30).unwrap(),
                Some("carol"),
                "carol restarts the pool"
            ),
        ]
    );
}

#[test]
fn more_times_after_a_rows_time_are_no_actor() {
    let paste = parse_entries("13:49, 13:55, 14:27: scaled from 2 to 5 instances\n");
    assert_eq!(
        actors_and_events(&paste),
        [(
            String::new(),
            "13:55, 14:27: scaled from 2 to 5 instances".to_owned()
        )]
    );
    // A name before the colon is still the actor.
    let paste = parse_entries("13:49 Nicolas: restarted the instances\n");
    assert_eq!(
        actors_and_events(&paste),
        [("Nicolas".to_owned(), "restarted the instances".to_owned())]
    );
}

#[test]
fn twelve_hour_times_zones_and_separators() {
    let paste = parse_chat(
        "2:03 PM alert fired\n14:20 UTC: Incident mitigated\n14:21 \u{2014} traffic back\n14:22 | pool resized\n12:05 AM - midnight job\n",
    );
    // An arrow sets the time apart too; a dash then `>` does not make one.
    let arrows = parse_chat(
        "Feb 14th 11:52 -> the certificate was issued\n11:53 => detected\n11:55 - > quoted\n",
    );
    let events: Vec<&str> = arrows.rows.iter().map(|row| row.event.as_str()).collect();
    assert_eq!(
        events,
        ["the certificate was issued", "detected", "> quoted"]
    );
    assert!(paste.unused.is_empty(), "{:?}", paste.unused);
    assert_eq!(
        rows(&paste),
        [
            (hm(14, 3), None, "alert fired"),
            (hm(14, 20), None, "Incident mitigated"),
            (hm(14, 21), None, "traffic back"),
            (hm(14, 22), None, "pool resized"),
            (hm(0, 5), None, "midnight job"),
        ]
    );
    assert_eq!(
        paste.rows[1].clock.and_then(|clock| clock.zone),
        Some(PasteZone::Utc)
    );
}

#[test]
fn bullets_numbers_and_a_date_line_with_its_zone() {
    let paste = parse_chat(
        "2015-10-21 (all times UTC)\n- 13:08 first report\n1. 13:10 second report\n* 13:12 third\n",
    );
    assert!(paste.unused.is_empty(), "{:?}", paste.unused);
    assert_eq!(paste.rows.len(), 3);
    let day = paste.rows[0].day.unwrap();
    assert_eq!(day.line, 1);
    assert_eq!(day.zone, Some(PasteZone::Utc));
    assert_eq!(paste.rows[2].event, "third");
}

#[test]
fn markdown_tables_with_a_header_and_spreadsheet_rows() {
    let paste = parse_chat(
        "| Time | Who | What happened | Notes |\n|---|---|---|---|\n| 14:51 | Alice | rolled back | took 3 min |\n\n14:55\tpool resized\tmax 200\tBob\n",
    );
    assert_eq!(
        rows(&paste),
        [
            (hm(14, 51), Some("Alice"), "rolled back"),
            (hm(14, 55), None, "pool resized"),
        ]
    );
    assert_eq!(paste.rows[0].notes, "took 3 min");
    // Without a header, the tab-separated row is time, event, notes, then the rest.
    assert_eq!(paste.rows[1].notes, "max 200; Bob");
    assert_eq!(unused_lines(&paste), [1, 2]);
    assert_eq!(paste.unused[0].reason, UnusedReason::TableHeader);
    assert_eq!(paste.unused[1].reason, UnusedReason::TableRule);
}

#[test]
fn each_time_column_of_a_table_is_read_in_the_zone_its_header_names() {
    let paste = parse_chat(
        "| NZST | UTC | Event |\n|---|---|---|\n\
         | 2026-06-19 ~17:00 | ~05:00 | Report fires red |\n\
         | 2026-06-20, 2026-06-21 | \u{2014} | Reports go on red |\n\
         | 2026-06-22 ~12:00 | \u{2014} | Root cause found |\n",
    );
    // New Zealand's standard time, twelve hours ahead.
    let auckland = Some(PasteZone::Offset(
        chrono::FixedOffset::east_opt(12 * 3600).unwrap(),
    ));
    let first = paste.rows[0].clock.unwrap();
    assert_eq!((first.time, first.zone), (hm(17, 0), auckland));
    assert!(first.date.is_some());
    // Two days and no time: a row without a time, not the second year read as one.
    assert!(paste.rows[1].clock.is_none());
    assert_eq!(paste.rows[1].notes, "2026-06-20, 2026-06-21");
    // The same moment in the other zone's column is kept beside it.
    assert_eq!(paste.rows[0].notes, "~05:00");
    let third = paste.rows[2].clock.unwrap();
    assert_eq!((third.time, third.zone), (hm(12, 0), auckland));
}

#[test]
fn a_dated_log_in_pacific_summer_time_written_in_winter_and_without_pm() {
    // `PDT` on a February day is the Pacific clock, then on PST (UTC−8); `1:50` after
    // `12:39` is ten to two in the afternoon.
    let resolved = resolve(
        "2015-02-27 12:39 PDT Workspaces wiped\n2015-02-27 1:50 PDT Rebuilding the node\n",
        None,
    );
    assert_eq!(
        times(&resolved),
        [
            Utc.with_ymd_and_hms(2015, 2, 27, 20, 39, 0).unwrap(),
            Utc.with_ymd_and_hms(2015, 2, 27, 21, 50, 0).unwrap(),
        ]
    );
    // Without a year or an incident to date it, `MDT` is taken at its word (UTC−6): a
    // guessed year cannot show a slip.
    let today = NaiveDate::from_ymd_opt(2025, 8, 10).unwrap();
    let context = PasteContext::of_document(&crate::model::Postmortem::default(), today);
    let resolved = resolve_paste(&parse_chat("Feb 20, 07:00 MDT Investigating\n"), &context);
    assert_eq!(
        times(&resolved),
        [Utc.with_ymd_and_hms(2025, 2, 20, 13, 0, 0).unwrap()]
    );
}

#[test]
fn a_status_page_copied_without_years_is_dated_in_the_past() {
    // Copied on 4 December: `Mar 13` is the March gone by, not the one to come.
    let today = NaiveDate::from_ymd_opt(2026, 12, 4).unwrap();
    let context = PasteContext::of_document(&crate::model::Postmortem::default(), today);
    let resolved = resolve_paste(&parse_chat("Mar 13, 07:00 MDT Investigating\n"), &context);
    assert_eq!(
        times(&resolved),
        [Utc.with_ymd_and_hms(2026, 3, 13, 13, 0, 0).unwrap()]
    );
}

#[test]
fn the_comma_after_a_sentences_opening_time_is_no_part_of_the_event() {
    let paste = parse_chat("At 11:17 UTC, one drive disappeared from the array.\n");
    assert_eq!(
        rows(&paste),
        [(hm(11, 17), None, "one drive disappeared from the array.")]
    );
}

#[test]
fn lines_that_become_nothing_are_listed_with_why() {
    // A line right below a message goes on with it (a log wraps long lines); after a blank
    // line, one without a time is no message.
    let paste = parse_chat(
        "14:03 ok\n\nsee thread above\n25:00 impossible\n[14:10 unclosed\nAlice R.  2:09 PM\n",
    );
    assert_eq!(paste.rows.len(), 1);
    assert_eq!(unused_lines(&paste), [3, 4, 5, 6]);
    assert_eq!(paste.unused[0].text, "see thread above");
    assert_eq!(paste.unused[0].reason, UnusedReason::NoTime);
    assert_eq!(paste.unused[3].reason, UnusedReason::NoMessage);
}

#[test]
fn a_log_line_wrapped_onto_the_next_goes_on_with_its_message() {
    let paste = parse_chat(
        "15:01:07 <ana> the relay dropped every client and will\n\
         restart once the disk is clear\n\
         \n\
         15:02:39 <bo> on it\n",
    );
    assert_eq!(
        rows(&paste),
        [
            (
                NaiveTime::from_hms_opt(15, 1, 7).unwrap(),
                Some("ana"),
                "the relay dropped every client and will restart once the disk is clear"
            ),
            (
                NaiveTime::from_hms_opt(15, 2, 39).unwrap(),
                Some("bo"),
                "on it"
            ),
        ]
    );
    assert_eq!(paste.rows[0].lines, [1, 2]);
}

#[test]
fn a_webex_chat_heads_each_message_with_whom_it_is_from_and_ends_with_the_time() {
    let paste = parse_chat(
        "2021-11-18\n\n## Day 2\n\n\
         from Bradley Needham (Guest) to Everyone:    9:21  AM\n\
         https://example.com/video\n\n\
         from Yoomi K (Cisco) to Everyone:    2:35  PM\n\
         FYI: the module is called CiscoJ\n",
    );
    assert_eq!(
        rows(&paste),
        [
            (
                NaiveTime::from_hms_opt(9, 21, 0).unwrap(),
                Some("Bradley Needham (Guest)"),
                "https://example.com/video"
            ),
            (
                NaiveTime::from_hms_opt(14, 35, 0).unwrap(),
                Some("Yoomi K (Cisco)"),
                "FYI: the module is called CiscoJ"
            ),
        ]
    );
}

#[test]
fn a_zoom_chat_names_who_wrote_each_line_and_a_heading_is_no_author() {
    let paste = parse_chat(
        "## Next call - June 03, 2021 at 1300 UTC\n\
         \n\
         09:00:18 From  Ana Lima  to  Everyone: starting in 3 minutes\n\
         09:06:20 From Bo Chen : https://example.com/notes\n\
         09:07:02 From  Ana Lima  to  Bo Chen(Direct Message):\n\
         \tthanks\n",
    );
    assert_eq!(
        rows(&paste),
        [
            (
                NaiveTime::from_hms_opt(9, 0, 18).unwrap(),
                Some("Ana Lima"),
                "starting in 3 minutes"
            ),
            (
                NaiveTime::from_hms_opt(9, 6, 20).unwrap(),
                Some("Bo Chen"),
                "https://example.com/notes"
            ),
            (
                NaiveTime::from_hms_opt(9, 7, 2).unwrap(),
                Some("Ana Lima"),
                "thanks"
            ),
        ]
    );
    assert_eq!(unused_lines(&paste), [1]);
}

#[test]
fn skype_headers_with_a_colon_and_hidden_direction_marks_head_messages() {
    let paste = parse_chat(
        "Ana Lima 9:32 AM: \nHi folks!\nLima, Ana 9:33 AM: \nwe hear you\n\n\
         [\u{200e}1/\u{200e}26/\u{200e}2017 9:35 AM]  Bo Chen:  \nfirst time caller\n \n",
    );
    assert_eq!(
        rows(&paste),
        [
            (hm(9, 32), Some("Ana Lima"), "Hi folks!"),
            (hm(9, 33), Some("Lima, Ana"), "we hear you"),
            (hm(9, 35), Some("Bo Chen"), "first time caller"),
        ]
    );
    assert!(paste.rows[2].clock.unwrap().date.is_some());
}

#[test]
fn a_time_written_as_a_link_keeps_its_address_as_evidence() {
    let paste = parse_entries(
        "1758 (https://chat.example/p1): Ana acknowledged the alert\n\
         19:23 (https://chat.example/p2) Service message went out\n\
         19:40 (about) Bo decided to switch\n",
    );
    assert_eq!(
        rows(&paste),
        [
            (hm(17, 58), None, "Ana acknowledged the alert"),
            (hm(19, 23), None, "Service message went out"),
            (hm(19, 40), None, "(about) Bo decided to switch"),
        ]
    );
    assert_eq!(paste.rows[0].evidence, "https://chat.example/p1");
    assert_eq!(paste.rows[1].evidence, "https://chat.example/p2");
    assert_eq!(paste.rows[2].evidence, "");
}

#[test]
fn an_entry_that_is_only_its_time_is_a_row_told_as_written() {
    // A list of downtimes: each item is a day and a span, nothing else.
    let downtimes = "November 4th -- 16:30 to 15:00 UTC\nNovember 13th -- 15:00 to 19:30 UTC\n";
    let paste = parse_entries(downtimes);
    assert_eq!(
        rows(&paste),
        [
            (hm(16, 30), None, "November 4th -- 16:30 to 15:00 UTC"),
            (hm(15, 0), None, "November 13th -- 15:00 to 19:30 UTC"),
        ]
    );
    assert!(paste.unused.is_empty(), "{:?}", paste.unused);
    // In a chat, a stamp with no message below it is no row.
    assert!(parse_chat(downtimes).rows.is_empty());
}

#[test]
fn a_stamp_alone_heads_the_sentence_below_it_that_tells_a_time() {
    for paste in [
        parse_entries(
            "6:20 PM EST\nAt approximately 5:40 EST, we lost utility power.\n6:41 PM EST\nOur vendor is on the way.\n",
        ),
        parse_chat(
            "6:20 PM EST\n\nAt approximately 5:40 EST, we lost utility power.\n\n6:41 PM EST\n\nOur vendor is on the way.\n",
        ),
    ] {
        assert_eq!(
            rows(&paste),
            [
                (
                    hm(18, 20),
                    None,
                    "At approximately 5:40 EST, we lost utility power."
                ),
                (hm(18, 41), None, "Our vendor is on the way."),
            ]
        );
    }
    // A stamp that has its message already: a sentence that opens with a time is the
    // next entry.
    let paste = parse_entries("14:00 Paged the on-call\nAt 14:05 the fix was out.\n");
    assert_eq!(paste.rows.len(), 2);
}

#[test]
fn a_colon_makes_an_actor_only_after_a_name() {
    for (line, actor) in [
        (
            "14:03 the root cause was clear to everyone: a missing index",
            None,
        ),
        ("14:03 Note: deploy frozen", None),
        ("14:03 UTC: deploy frozen", None),
        ("14:03 Bob M.: deploy frozen", Some("Bob M.")),
        (
            "14:03 pagerduty-bot: incident triggered",
            Some("pagerduty-bot"),
        ),
    ] {
        let paste = parse_chat(line);
        assert_eq!(paste.rows[0].actor.as_deref(), actor, "{line}");
    }
}

#[test]
fn a_time_inside_a_message_stays_text() {
    let paste = parse_chat("Alice R.  2:03 PM\nRollback ETA 14:30\n");
    assert_eq!(
        rows(&paste),
        [(hm(14, 3), Some("Alice R."), "Rollback ETA 14:30")]
    );
}

fn resolve(text: &str, started: Option<chrono::DateTime<Utc>>) -> ResolvedPaste {
    let today = NaiveDate::from_ymd_opt(2025, 8, 10).unwrap();
    resolve_paste(
        &parse_chat(text),
        &PasteContext {
            zone: chrono_tz::Europe::Berlin,
            started,
            day: today,
            direction: None,
            day_order: None,
            latest: None,
        },
    )
}

fn times(resolved: &ResolvedPaste) -> Vec<chrono::DateTime<Utc>> {
    resolved
        .rows
        .iter()
        .filter_map(|row| row.row.time)
        .collect()
}

#[test]
fn times_take_the_incidents_date_and_roll_past_midnight() {
    let started = Utc.with_ymd_and_hms(2025, 8, 1, 21, 0, 0).unwrap();
    let resolved = resolve("23:50 late alert\n00:10 after midnight\n", Some(started));
    assert_eq!(
        times(&resolved),
        [
            Utc.with_ymd_and_hms(2025, 8, 1, 21, 50, 0).unwrap(),
            Utc.with_ymd_and_hms(2025, 8, 1, 22, 10, 0).unwrap(),
        ]
    );
}

#[test]
fn a_date_line_and_its_zone_date_and_place_the_times_below() {
    let resolved = resolve(
        "2015-10-21 (all times UTC)\n14:00 a\n2015-10-22\n09:00 b\n2015-10-06T21:30:42+02:00 c\n",
        None,
    );
    assert_eq!(
        times(&resolved),
        [
            Utc.with_ymd_and_hms(2015, 10, 21, 14, 0, 0).unwrap(),
            // Berlin: the second date line names no zone.
            Utc.with_ymd_and_hms(2015, 10, 22, 7, 0, 0).unwrap(),
            Utc.with_ymd_and_hms(2015, 10, 6, 19, 30, 42).unwrap(),
        ]
    );
}

#[test]
fn a_time_skipped_by_the_clocks_going_forward_is_listed_not_dropped() {
    let resolved = resolve("2025-03-30\n02:30 in the gap\n03:30 after it\n", None);
    assert_eq!(resolved.rows.len(), 1);
    assert_eq!(resolved.unused.len(), 1);
    assert_eq!(resolved.unused[0].line, 2);
    assert!(
        resolved.unused[0]
            .reason
            .to_string()
            .contains("clocks went forward")
    );
}

#[test]
fn an_author_on_a_line_of_their_own_above_the_time() {
    // Copies that put the name, the time and the message on lines of their own.
    let paste = parse_chat("Alice R.\n2:03 PM\nalert fired\nBob M.\n2:05 PM\non it\n");
    assert!(paste.unused.is_empty(), "{:?}", paste.unused);
    assert_eq!(
        rows(&paste),
        [
            (hm(14, 3), Some("Alice R."), "alert fired"),
            (hm(14, 5), Some("Bob M."), "on it"),
        ]
    );
    assert_eq!(paste.rows[0].lines, [1, 2, 3]);
    // A sentence above a bare time is not an author.
    let paste = parse_chat("the pool is exhausted again\n14:03\nrestarting\n");
    assert_eq!(paste.rows[0].actor, None);
    assert_eq!(paste.unused.len(), 1);
}

#[test]
fn a_one_word_message_before_a_follow_up_time_stays_the_message() {
    let paste = parse_chat("Alice R.  2:03 PM\nack\n2:04\npaging Bob\n");
    assert_eq!(
        rows(&paste),
        [
            (hm(14, 3), Some("Alice R."), "ack"),
            (hm(14, 4), Some("Alice R."), "paging Bob"),
        ]
    );
}

#[test]
fn a_zulip_copy_of_several_messages_gives_untimed_rows_with_their_authors() {
    // Zulip copies a range of messages as `Sender: text`, without times, and puts the
    // stream and topic above when the range spans more than one.
    let paste = parse_chat(
        "#ops > incident 620 latency\nAlice R.: p95 is at 3 s on the user API\n\
         Bob M.: looking at the last deploy\nit added a filter on orders.status\n",
    );
    let untimed: Vec<_> = paste
        .rows
        .iter()
        .map(|row| (row.clock, row.actor.as_deref(), row.event.as_str()))
        .collect();
    assert_eq!(
        untimed,
        [
            (None, Some("Alice R."), "p95 is at 3 s on the user API"),
            (
                None,
                Some("Bob M."),
                "looking at the last deploy it added a filter on orders.status"
            ),
        ]
    );
    assert_eq!(unused_lines(&paste), [1]);
    let resolved = resolve_in_utc(&paste);
    assert!(resolved.rows.iter().all(|row| row.row.time.is_none()));
    assert_eq!(resolved.rows[1].lines, [3, 4]);
}

#[test]
fn a_label_or_a_sentence_before_a_colon_is_not_an_author() {
    let paste = parse_chat("Note: the graphs lag by a minute\nthe root cause: a missing index\n");
    assert!(paste.rows.is_empty());
    assert_eq!(unused_lines(&paste), [1, 2]);
}

#[test]
fn a_zulip_archive_heads_each_message_with_its_date_and_time() {
    let paste = parse_chat(
        "#### [![Click to go to Zulip](../../assets/img/zulip2.png) Simon Hudon (Feb 26 2018 at 18:21)](https://x.zulipchat.com/#narrow/near/1):\n\
         Is there a way to move messages?\n\
         ```lean\n\
         | (var x) := x\n\
         \n\
         14:03 not a row\n\
         ```\n\
         Sebastian Ullrich (Feb 26 2018 at 18:22):\nTry editing the message\n",
    );
    assert!(paste.unused.is_empty());
    assert_eq!(
        rows(&paste),
        [
            (
                hm(18, 21),
                Some("Simon Hudon"),
                // A fenced block in a message is its text, whatever its lines look like.
                "Is there a way to move messages? ```lean | (var x) := x 14:03 not a row ```"
            ),
            (
                hm(18, 22),
                Some("Sebastian Ullrich"),
                "Try editing the message"
            ),
        ]
    );
    // The header's link is where the message can be seen.
    assert_eq!(
        paste.rows[0].evidence,
        "https://x.zulipchat.com/#narrow/near/1"
    );
    assert_eq!(paste.rows[1].evidence, "");
    let resolved = resolve_in_utc(&paste);
    assert_eq!(
        resolved.rows[1].row.time,
        Some(Utc.with_ymd_and_hms(2018, 2, 26, 18, 22, 0).unwrap())
    );
}

/// A paste placed in UTC with no incident day to go by.
fn resolve_in_utc(paste: &ChatPaste) -> ResolvedPaste {
    let context = PasteContext {
        zone: chrono_tz::UTC,
        started: None,
        day: NaiveDate::MIN,
        direction: None,
        day_order: None,
        latest: None,
    };
    resolve_paste(paste, &context)
}

#[test]
fn discord_copies_with_today_and_yesterday_count_from_the_day_given() {
    let paste = parse_chat(
        "Dana W. \u{2014} Yesterday at 11:50 PM\nrollback started\n\
         Sam K. \u{2014} Today at 12:10 AM\nerror rate back to normal\n\
         Dana W. \u{2014} 03/25/2023 4:12 PM\nwritten up\n",
    );
    let actors: Vec<_> = paste.rows.iter().map(|row| row.actor.clone()).collect();
    assert_eq!(
        actors,
        [
            Some("Dana W.".into()),
            Some("Sam K.".into()),
            Some("Dana W.".into())
        ]
    );
    let context = PasteContext {
        zone: chrono_tz::UTC,
        started: None,
        day: NaiveDate::from_ymd_opt(2023, 3, 21).unwrap(),
        direction: None,
        day_order: None,
        latest: None,
    };
    let times: Vec<_> = resolve_paste(&paste, &context)
        .rows
        .iter()
        .map(|row| row.row.time.unwrap().to_rfc3339())
        .collect();
    // The first relative day ("Yesterday") is the day given; "Today" is the one after.
    assert_eq!(
        times,
        [
            "2023-03-21T23:50:00+00:00",
            "2023-03-22T00:10:00+00:00",
            "2023-03-25T16:12:00+00:00"
        ]
    );
}

#[test]
fn a_discord_header_with_a_day_alone_dates_the_messages_grouped_under_it() {
    // An older message's header gives its day only; the messages grouped under it are
    // stamped `[20:09]` and are the same person's.
    let text = "potter420 \u{2014} 05/01/2022\nhttps://raku-advent.blog/2019/12/13/\n\n\
                [20:09]\naccording to this blog, one can bind Raku and Rust\n\
                [20:11]\nBut it may need more effort\n";
    assert_eq!(
        speakers::name_then_day("potter420 \u{2014} 05/01/2022").map(|(name, _)| name),
        Some("potter420".to_owned())
    );
    let paste = parse_chat(text);
    let actors: Vec<_> = paste.rows.iter().map(|row| row.actor.as_deref()).collect();
    assert_eq!(actors, [Some("potter420"); 3]);
    assert_eq!(paste.rows[0].clock, None);
    assert_eq!(
        paste
            .rows
            .iter()
            .filter_map(|row| row.clock)
            .map(|clock| clock.time)
            .collect::<Vec<_>>(),
        [hm(20, 9), hm(20, 11)]
    );
    // With the incident's day given, the numbers read as that day; a `Yesterday` below the
    // dated messages is a day after them, not the day given.
    let later = format!("{text}\nritchie46 \u{2014} Yesterday at 14:56\nYeap\n");
    let context = PasteContext {
        zone: chrono_tz::UTC,
        started: None,
        day: NaiveDate::from_ymd_opt(2022, 1, 5).unwrap(),
        direction: None,
        day_order: None,
        latest: None,
    };
    let times: Vec<_> = resolve_paste(&parse_chat(&later), &context)
        .rows
        .iter()
        .filter_map(|row| row.row.time.map(|time| time.to_rfc3339()))
        .collect();
    assert_eq!(
        times,
        [
            "2022-01-05T20:09:00+00:00",
            "2022-01-05T20:11:00+00:00",
            "2022-01-06T14:56:00+00:00"
        ]
    );
    let header_day = WrittenDay::Numeric {
        first: 5,
        second: 1,
        year: Some(2022),
    };
    assert!(
        paste.rows[1..]
            .iter()
            .all(|row| row.clock.and_then(|clock| clock.date) == Some(header_day)),
        "{:?}",
        paste.rows
    );
}

#[test]
fn numbers_alone_in_a_paste_are_read_in_the_order_its_other_dates_prove() {
    let paste = parse_chat("03/04/2024 14:03 deploy\n25/04/2024 09:00 review\n");
    assert_eq!(paste.day_order, Some(crate::model::DayOrder::DayFirst));
    let resolved = resolve_in_utc(&paste);
    assert_eq!(
        resolved.rows[0].row.time.unwrap().to_rfc3339(),
        "2024-04-03T14:03:00+00:00"
    );
}

#[test]
fn a_slack_header_pasted_in_italics_heads_its_message() {
    let paste =
        parse_chat("_Diego M.  8:05 PM_\n\nthe agenda will be:\n\n_Simon S.  8:06 PM_\nHahaha\n");
    let rows = actors_and_events(&paste);
    assert_eq!(
        rows,
        [
            ("Diego M.".to_owned(), "the agenda will be:".to_owned()),
            ("Simon S.".to_owned(), "Hahaha".to_owned())
        ]
    );
}

#[test]
fn a_slack_header_kept_as_a_markdown_heading_heads_its_message() {
    let paste = parse_chat(
        "# Notes of the thread\n\n## Shabriwa Today at 4:59 PM\n\nHello @frontend\n\n\
         ## Yejun Lee  5:17 PM\n\nCould you explain this?\n\n## Hun Kang  17 minutes ago\n\n\
         Sure\n\nDana W.  an hour ago\nLater\nThe deploy went out 2 hours ago\n",
    );
    let rows = actors_and_events(&paste);
    assert_eq!(
        rows,
        [
            ("Shabriwa".to_owned(), "Hello @frontend".to_owned()),
            ("Yejun Lee".to_owned(), "Could you explain this?".to_owned()),
            ("Hun Kang".to_owned(), "Sure".to_owned()),
            (
                "Dana W.".to_owned(),
                "Later The deploy went out 2 hours ago".to_owned()
            ),
        ]
    );
    // A stamp counted back from the copy gives no time; it is kept in the notes.
    assert_eq!(paste.rows[2].clock, None);
    assert_eq!(
        paste.rows[2].notes,
        "Stamped \"17 minutes ago\" when it was copied"
    );
}

#[test]
fn only_short_steps_between_undated_times_tell_the_order() {
    // Twelve hours apart says nothing: read oldest first.
    let paste = parse_chat("2026-04-13 00:00 a\n12:01 b\n2026-04-14 00:02 c\n");
    assert!(!runs_newest_first(&paste));
    // Short steps back: newest first, though the step across midnight says nothing.
    let paste = parse_chat("00:30 a\n00:20 b\n00:05 c\n23:50 d\n");
    assert!(runs_newest_first(&paste));
    let paste = parse_chat("00:20 a\n23:50 b\n");
    assert!(!runs_newest_first(&paste));
}

#[test]
fn slack_and_discord_headers_as_people_copy_them() {
    // One space between name and time, when the copy heads several messages so; status
    // emoji glued to a name; a dated header with `at`.
    let paste = parse_chat(
        "kim 2021/5/26 at 21:03\nfirst message\n:wave: 2\n\nael 22:43\nsecond\n\n\
         Chris Bobbe:speech_balloon: 22:50\nthird\n",
    );
    assert_eq!(
        rows(&paste),
        [
            (hm(21, 3), Some("kim"), "first message :wave: 2"),
            (hm(22, 43), Some("ael"), "second"),
            (hm(22, 50), Some("Chris Bobbe"), "third"),
        ]
    );
    // A message that ends with a time is still a message where no header is so written.
    let paste = parse_chat("alice  14:03\nRollback ETA 14:30\n");
    assert_eq!(
        rows(&paste),
        [(hm(14, 3), Some("alice"), "Rollback ETA 14:30")]
    );
    // Long names with particles, and the organisation a tool adds after a name.
    let paste = parse_chat(
        "Snorre Lothar von Gohren Edwin — Yesterday at 1:13 PM\nHi all!\n\n\
         Brian Richter (Aviary Tech) — Today at 7:25 AM\nMorning.\n",
    );
    assert_eq!(
        rows(&paste),
        [
            (
                hm(13, 13),
                Some("Snorre Lothar von Gohren Edwin"),
                "Hi all!"
            ),
            (hm(7, 25), Some("Brian Richter (Aviary Tech)"), "Morning."),
        ]
    );
}

#[test]
fn teams_copies_with_organisations_escaped_brackets_and_relative_days() {
    let paste = parse_chat(
        "[8:33 AM] Dana Whitfield (Contoso) [E]\nThe API is timing out\n\n\
         \\[4:42 PM\\] Li Qiang\nRolled back\n\n\
         [Yesterday 9:25 PM] Sam Ortiz\nPaging the DB team\n",
    );
    assert_eq!(
        rows(&paste),
        [
            (
                hm(8, 33),
                Some("Dana Whitfield (Contoso)"),
                "The API is timing out"
            ),
            (hm(16, 42), Some("Li Qiang"), "Rolled back"),
            (hm(21, 25), Some("Sam Ortiz"), "Paging the DB team"),
        ]
    );
    assert!(paste.unused.is_empty(), "{:?}", paste.unused);
}

#[test]
fn zero_width_spaces_before_teams_headers_and_inside_words_are_no_text() {
    let paste = parse_chat(
        "\u{200b}[Yesterday 12:44 PM] Signell, Richard P\n    It's a course\n\
         \u{200b}[Yesterday 12:45 PM] Butzer, Tony (Contractor)\n    sounds per\u{200b}fect\n",
    );
    assert_eq!(
        rows(&paste),
        [
            (hm(12, 44), Some("Signell, Richard P"), "It's a course"),
            (
                hm(12, 45),
                Some("Butzer, Tony (Contractor)"),
                "sounds perfect"
            ),
        ]
    );
    // Lines keep their numbers: each row points at its header's line.
    assert_eq!(paste.rows[1].lines.first(), Some(&3));
}

#[test]
fn a_teams_header_glued_to_the_end_of_a_line_starts_a_message() {
    let paste = parse_chat(
        "[Yesterday 12:44 PM] Signell, Richard P\n    See the issue\n\
         \u{200b}Edited\u{200b}[Yesterday 12:45 PM] Signell, Richard P\n    It's a course\n\
         \u{200b}A curated list · Issue #11github.com\u{200b}[Yesterday 12:47 PM] Butzer, Tony (Contractor)\n    \
         Sounds good\n[Yesterday 12:48 PM] Signell, Richard P\n    Thanks\n",
    );
    assert_eq!(
        rows(&paste),
        [
            (
                hm(12, 44),
                Some("Signell, Richard P"),
                "See the issue Edited"
            ),
            (
                hm(12, 45),
                Some("Signell, Richard P"),
                "It's a course A curated list · Issue #11github.com"
            ),
            (hm(12, 47), Some("Butzer, Tony (Contractor)"), "Sounds good"),
            (hm(12, 48), Some("Signell, Richard P"), "Thanks"),
        ]
    );
    assert_eq!(paste.rows[2].lines.first(), Some(&5));
    // Outside a Teams copy a bracketed time inside a line is the message's own text.
    let paste = parse_chat("[10:01] <alice> see [10:00] Bob Smith\n[10:02] <bob> ok\n");
    assert_eq!(paste.rows.len(), 2);
}

#[test]
fn irc_joins_parts_and_quits_are_left_out_and_actions_kept() {
    let paste = parse_chat(
        "[14:01] -!- alice [~a@host] has joined #ops\n\
         [14:02] <alice> disk full on db-2\n\
         [14:03] * bob looks at it\n\
         14:04 --> carol (~c@host) has joined #ops\n\
         14:05 <-- dave has quit (Ping timeout)\n\
         [14:06] <[ops]bot> paged\n\
         14:07 -- eve is now known as eve_away\n\
         [14:08] *** frank has left #ops\n",
    );
    assert_eq!(
        rows(&paste),
        [
            (hm(14, 2), Some("alice"), "disk full on db-2"),
            (hm(14, 3), Some("bob"), "bob looks at it"),
            (hm(14, 6), Some("[ops]bot"), "paged"),
        ]
    );
    // Left out, each with why.
    assert_eq!(unused_lines(&paste), [1, 4, 5, 7, 8]);
}

#[test]
fn offsets_count_from_the_first_time_written_in_full() {
    let paste = parse_chat(
        "| Time | Event |\n| --- | --- |\n| May 28 2025, 11:30 AM UTC | Upgrade; network halts |\n\
         | [+1 hrs] | Failure confirmed |\n| [+6.5 hrs] | Patched binary deployed |\n",
    );
    let context = PasteContext {
        zone: chrono_tz::UTC,
        started: None,
        day: NaiveDate::from_ymd_opt(2025, 5, 28).unwrap(),
        direction: None,
        day_order: None,
        latest: None,
    };
    let resolved = resolve_paste(&paste, &context);
    let rows: Vec<_> = resolved
        .rows
        .iter()
        .map(|row| {
            (
                row.row.time.map(|time| time.to_rfc3339()),
                row.row.notes.as_str(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            (Some("2025-05-28T11:30:00+00:00".to_owned()), ""),
            (
                Some("2025-05-28T12:30:00+00:00".to_owned()),
                "Time written as [+1 hrs]"
            ),
            (
                Some("2025-05-28T18:00:00+00:00".to_owned()),
                "Time written as [+6.5 hrs]"
            ),
        ]
    );
    // With nothing above to count from, and no start, the row waits for a time.
    let paste = parse_chat("T+15m paged the on-call\n");
    let resolved = resolve_paste(&paste, &context);
    assert_eq!(resolved.rows[0].row.time, None);
    assert_eq!(
        resolved.rows[0].row.notes,
        "Time written as T+15m, with no time above to count from"
    );
    // From the incident's start when it is known.
    let started = Utc.with_ymd_and_hms(2025, 5, 28, 9, 0, 0).unwrap();
    let resolved = resolve_paste(
        &paste,
        &PasteContext {
            started: Some(started),
            ..context
        },
    );
    assert_eq!(
        resolved.rows[0].row.time,
        Some(Utc.with_ymd_and_hms(2025, 5, 28, 9, 15, 0).unwrap())
    );
    assert_eq!(resolved.rows[0].row.event, "paged the on-call");
}

#[test]
fn a_logs_own_mark_before_the_time_is_kept_in_the_notes() {
    let paste = parse_chat(
        "[WARN] 14:03:10 db-2: replication lag 40 s\n\
         [88412] 2024-05-02 14:05:00 ana (901): failing over now\n\
         <worker-3> 14:07 queue drained\n\
         \n\
         [see below] not a row",
    );
    assert_eq!(
        rows(&paste),
        [
            (
                NaiveTime::from_hms_opt(14, 3, 10).unwrap(),
                Some("db-2"),
                "replication lag 40 s"
            ),
            (hm(14, 5), Some("ana (901)"), "failing over now"),
            (hm(14, 7), None, "queue drained"),
        ]
    );
    let notes: Vec<&str> = paste.rows.iter().map(|row| row.notes.as_str()).collect();
    assert_eq!(notes, ["[WARN]", "[88412]", "<worker-3>"]);
    assert!(paste.rows[1].clock.unwrap().date.is_some());
    // A bracketed phrase is no mark, and without a time the line makes no row.
    assert_eq!(unused_lines(&paste), [5]);
}

#[test]
fn an_irc_log_rendered_as_markdown_without_times_gives_a_row_per_line() {
    let paste = parse_chat(
        "**\\<mira>** rollback is done  \n\
         **\\* tomas** checks the graphs  \n\
         **\\<tomas>** error rate back to normal",
    );
    let read: Vec<(Option<&str>, &str)> = paste
        .rows
        .iter()
        .map(|row| (row.actor.as_deref(), row.event.as_str()))
        .collect();
    assert_eq!(
        read,
        [
            (Some("mira"), "rollback is done"),
            (Some("tomas"), "tomas checks the graphs"),
            (Some("tomas"), "error rate back to normal"),
        ]
    );
    assert!(paste.rows.iter().all(|row| row.clock.is_none()));
}

#[test]
fn a_copied_pages_settings_block_is_listed_and_its_date_dates_the_messages() {
    let paste = parse_chat(
        "---\ntitle: Weekly sync\nauthor: Ops: the on-call team\ndate: 2021-03-04 09:00\n---\n\n\
         09:05 <ines> starting the sync\n09:07 <ravi> db upgrade next week",
    );
    assert_eq!(
        rows(&paste),
        [
            (hm(9, 5), Some("ines"), "starting the sync"),
            (hm(9, 7), Some("ravi"), "db upgrade next week"),
        ]
    );
    assert_eq!(unused_lines(&paste), [1, 2, 3, 5]);
    assert!(
        paste
            .unused
            .iter()
            .all(|unused| unused.reason == UnusedReason::FrontMatter)
    );
    // The page's date is the day of its messages, as a date line above them would be.
    assert_eq!(paste.date_lines, [4]);
    let march_4 = NaiveDate::from_ymd_opt(2021, 3, 4).unwrap();
    let context = PasteContext {
        zone: chrono_tz::UTC,
        started: None,
        day: NaiveDate::from_ymd_opt(2026, 12, 3).unwrap(),
        direction: None,
        day_order: None,
        latest: None,
    };
    let placed = resolve_paste(&paste, &context);
    let days: Vec<Option<NaiveDate>> = placed
        .rows
        .iter()
        .map(|row| row.row.time.map(|time| time.date_naive()))
        .collect();
    assert_eq!(days, [Some(march_4), Some(march_4)]);
    // A settings block whose date is no day (`date: soon`) dates nothing.
    let undated = parse_chat("---\ndate: soon\n---\n09:05 <ines> hi");
    assert!(undated.date_lines.is_empty());
    assert_eq!(unused_lines(&undated), [1, 2, 3]);
    // Discord's exporter heads its text between rules of `=`: the header is no message.
    let exported = parse_chat(
        "=====\nGuild: Komodo\nChannel: notarynode\nRange: before 05-Dec-19 12:00 AM\n=====\n\n\
         [01-Jun-19 08:00 AM] CHMEX#0686\nOK I will resync\n",
    );
    assert_eq!(unused_lines(&exported), [1, 2, 3, 4, 5]);
    assert_eq!(exported.rows.len(), 1);
    assert_eq!(exported.rows[0].actor.as_deref(), Some("CHMEX#0686"));
}

#[test]
fn a_city_written_after_every_time_is_their_zone_and_once_is_a_name() {
    let paste = parse_entries(
        "16:37 Denver - Mark updated the plugins\n\
         16:55 Denver - Updated the JDK\n\
         17:39 DEnver - Builds are not allocated\n\
         18:00 Denver time - Downgraded the plugin\n",
    );
    let zones: Vec<Option<PasteZone>> = paste
        .rows
        .iter()
        .map(|row| row.clock.unwrap().zone)
        .collect();
    assert_eq!(
        zones,
        [Some(PasteZone::Named(chrono_tz::America::Denver)); 4]
    );
    assert_eq!(paste.rows[0].event, "Mark updated the plugins");
    assert_eq!(paste.rows[3].event, "Downgraded the plugin");
    // A person who shares a city's name, on one line of several, stays a person.
    let paste = parse_chat("10:00 Sydney: paged\n10:02 Alex: on it\n10:05 Sam: rolled back\n");
    assert_eq!(paste.rows[0].actor.as_deref(), Some("Sydney"));
    assert_eq!(paste.rows[0].clock.unwrap().zone, None);
}

#[test]
fn a_reply_marked_as_in_a_thread_is_a_message() {
    let paste = parse_chat(
        "2025-08-25 09:58 dakkk: where is the bootstrap service?\n\
         \x20 \u{21b3} 2025-08-25 10:13 oliver: try cargo clone\n\
         \x20 \u{21b3} 2025-08-25 11:17 dakkk: thank you\n\
         2025-08-25 10:30 erin: archiver is up\n",
    );
    assert_eq!(
        rows(&paste),
        [
            (hm(9, 58), Some("dakkk"), "where is the bootstrap service?"),
            (hm(10, 13), Some("oliver"), "try cargo clone"),
            (hm(11, 17), Some("dakkk"), "thank you"),
            (hm(10, 30), Some("erin"), "archiver is up"),
        ]
    );
}

#[test]
fn a_loggers_records_of_stamp_nick_and_text_on_lines_of_their_own_are_messages() {
    let paste = parse_chat(
        "1569876804\nnrdmn\ngood evening!\n\n1569876810\nnrdmn\nI missed most of the \
         party\n\n1569877117\nSahnvour\nnrdmn: the party is only beginning\n\n1569882160\n\
         daurnimator\n\n\n1569882165\ndaurnimator\nArch users welcome to test :)\n",
    );
    let seconds = |hour, minute, second| NaiveTime::from_hms_opt(hour, minute, second).unwrap();
    assert_eq!(
        rows(&paste),
        [
            (seconds(20, 53, 24), Some("nrdmn"), "good evening!"),
            (
                seconds(20, 53, 30),
                Some("nrdmn"),
                "I missed most of the party"
            ),
            (
                seconds(20, 58, 37),
                Some("Sahnvour"),
                "nrdmn: the party is only beginning"
            ),
            (
                seconds(22, 22, 45),
                Some("daurnimator"),
                "Arch users welcome to test :)"
            ),
        ]
    );
    assert_eq!(paste.rows[0].lines, [1, 2, 3]);
    assert_eq!(
        paste.rows[0].clock.unwrap().zone,
        Some(PasteZone::Utc),
        "a Unix stamp is an instant"
    );
    // The empty record is listed, not lost.
    assert_eq!(unused_lines(&paste), [13, 14]);
}

#[test]
fn a_loggers_marks_of_the_day_date_the_lines_below_and_are_no_rows() {
    let paste = parse_chat(
        "--- Log opened Sat Oct 14 17:31:51 2006\n\
         17:31 <SDGathman> meeting?\n\
         --- Day changed Sun Oct 15 2006\n\
         09:00 <Julian> hi\n",
    );
    assert_eq!(
        rows(&paste),
        [
            (hm(17, 31), Some("SDGathman"), "meeting?"),
            (hm(9, 0), Some("Julian"), "hi")
        ]
    );
    let days: Vec<(Option<i32>, u32, u32)> = paste
        .rows
        .iter()
        .map(|row| {
            let day = row.day.unwrap().date;
            (day.year, day.month, day.day)
        })
        .collect();
    assert_eq!(days, [(Some(2006), 10, 14), (Some(2006), 10, 15)]);
    assert_eq!(unused_lines(&paste), [1, 3]);
    assert!(
        paste
            .unused
            .iter()
            .all(|unused| unused.reason == UnusedReason::LogMark)
    );
}

#[test]
fn a_status_desks_labelled_stamps_are_rows_dated_by_the_posts_byline() {
    let text = "Login issues\n\
                Posted by Status Desk on December 22nd, 2009 at 12:56 pm PST\n\n\
                [UPDATED 12:56pm PST] This issue is affecting balances.\n\n\
                [POSTED 12:38pm PST] We are seeing login issues.\n";
    let paste = parse_chat(text);
    assert_eq!(paste.rows.len(), 2);
    assert_eq!(paste.rows[0].event, "This issue is affecting balances.");
    // The label stays with the row.
    assert_eq!(paste.rows[0].notes, "UPDATED");
    assert_eq!(paste.rows[1].actor, None);
    let resolved = resolve_in_utc(&paste);
    let stamped = Utc.with_ymd_and_hms(2009, 12, 22, 20, 56, 0).unwrap();
    assert_eq!(resolved.rows[0].row.time, Some(stamped));
    let byline: Vec<_> = paste
        .unused
        .iter()
        .filter(|unused| unused.reason == UnusedReason::Byline)
        .map(|unused| unused.line)
        .collect();
    assert_eq!(byline, [2]);
    // A name in the brackets is no status desk's label.
    assert!(super::line_marks::labelled_time("[Alice 14:03] hello").is_none());
    // A label in its own emphasis, the stamp after it in brackets (a cState page's updates).
    let (label, clock, text) = super::line_marks::labelled_time(
        "**UPDATE** (2021-01-19 12:00 UTC) - The intervention has finished.",
    )
    .unwrap();
    assert_eq!((label, text), ("UPDATE", "The intervention has finished."));
    assert_eq!(
        clock.time,
        chrono::NaiveTime::from_hms_opt(12, 0, 0).unwrap()
    );
    assert!(clock.date.is_some());
    assert!(super::line_marks::labelled_time("**Update** (see below) more").is_none());
    // A dash between the label and its bracketed time.
    let (label, clock, text) =
        super::line_marks::labelled_time("Update - (4:27 PM PST) Upstream carriers fail.").unwrap();
    assert_eq!((label, text), ("Update", "Upstream carriers fail."));
    assert!(clock.twelve_hour);
}

#[test]
fn a_status_label_is_set_apart_by_its_emphasis_a_colon_or_a_dash() {
    let label = super::line_marks::status_label;
    assert_eq!(
        label("*Update* - We have isolated the issue"),
        Some(("Update", "We have isolated the issue"))
    );
    assert_eq!(
        label("*Update* Services are restored."),
        Some(("Update", "Services are restored."))
    );
    assert_eq!(
        label("**Resolved:** All clear"),
        Some(("Resolved", "All clear"))
    );
    assert_eq!(
        label("Investigating - We are looking"),
        Some(("Investigating", "We are looking"))
    );
    // A sentence that opens with such a word, and a label with nothing after it.
    assert_eq!(label("Update the runbook before Friday."), None);
    assert_eq!(label("Updated 3 hosts"), None);
    assert_eq!(label("**Update**"), None);
    // Work's own states open a list of work as often as an update.
    assert_eq!(label("**Completed:** Add alerting on the queue"), None);
}

#[test]
fn a_row_copied_without_a_time_under_a_date_line_keeps_its_day_in_its_notes() {
    let resolved = resolve(
        "2025-08-02\nAlice R.: p95 is at 3 s\nBob M.: looking at the disks\n",
        None,
    );
    let untimed: Vec<&str> = resolved
        .rows
        .iter()
        .filter(|row| row.row.time.is_none())
        .map(|row| row.row.notes.as_str())
        .collect();
    assert_eq!(untimed, ["On 2025-08-02; no time was written."; 2]);
}

#[test]
fn a_status_word_and_its_time_open_an_update_but_a_count_does_not() {
    let labelled =
        |line| super::line_marks::labelled_time(line).map(|(label, _, rest)| (label, rest));
    assert_eq!(
        labelled("Update 09:00: blocks found"),
        Some(("Update", "blocks found"))
    );
    assert_eq!(
        labelled("**UPDATE 14:03** - rolled back"),
        Some(("UPDATE", "rolled back"))
    );
    assert_eq!(labelled("Updated 3 hosts: done"), None);
    assert_eq!(labelled("Update 09:00 blocks found"), None);
    // A day in bold is no one's name.
    let paste = parse_chat("**23 Feb 2021**: The blocks were lifted.\n");
    assert!(paste.rows.is_empty());
}

#[test]
fn a_recording_chat_is_stamped_with_the_time_into_the_recording_not_the_clock() {
    let paste = parse_chat(
        "## December 12, 2024\n\n**Recording**: https://youtu.be/x\n\n\
         00:07:49\tSajay Antony:\tYes I remember we agreed.\n\
         00:30:21\tJory Burson (LF):\tA few updates:\n\
         1) the board is voting on the budget\n\
         00:46:59\tTianon (he/him):\tholiday time?\n",
    );
    let rows: Vec<(Option<&str>, &str, &str)> = paste
        .rows
        .iter()
        .filter(|row| row.clock.is_none() && row.notes.starts_with("Sent"))
        .map(|row| (row.actor.as_deref(), row.event.as_str(), row.notes.as_str()))
        .collect();
    assert_eq!(
        rows,
        [
            (
                Some("Sajay Antony"),
                "Yes I remember we agreed.",
                "Sent 00:07:49 into the recording"
            ),
            (
                Some("Jory Burson (LF)"),
                "A few updates: 1) the board is voting on the budget",
                "Sent 00:30:21 into the recording"
            ),
            (
                Some("Tianon (he/him)"),
                "holiday time?",
                "Sent 00:46:59 into the recording"
            ),
        ]
    );
    assert!(paste.rows.iter().all(|row| row.clock.is_none()));
}

#[test]
fn a_log_fenced_in_a_page_is_read_after_a_message_the_page_opened() {
    // A blog post that quotes a meeting's IRC log: a `Name: text` line in the post's prose
    // opens a message, and the fenced transcript below is messages of its own, not code
    // quoted in that one.
    let paste = parse_chat(
        "**Mondays: 6pm CAT (11am EST)**\n\n### Transcript\n\n```\n\
         11:06 AM <@cjs77> Hey everybody\n11:07 AM <Hansie> Hi\n\
         11:10 AM \u{21d0} el00ruobuob_[m] quit (~e@212.121.161.50) Ping timeout: 272 seconds\n\
         11:11 AM <simian_za> Ello\n```\n",
    );
    let timed: Vec<(NaiveTime, Option<&str>, &str)> = paste
        .rows
        .iter()
        .filter(|row| row.clock.is_some())
        .map(|row| {
            (
                row.clock.unwrap().time,
                row.actor.as_deref(),
                row.event.as_str(),
            )
        })
        .collect();
    assert_eq!(
        timed,
        [
            (hm(11, 6), Some("cjs77"), "Hey everybody"),
            (hm(11, 7), Some("Hansie"), "Hi"),
            (hm(11, 11), Some("simian_za"), "Ello"),
        ],
        "the operator's sign is no part of the nick; the quit is left out as IRC's other comings \
         and goings are"
    );
    assert!(
        paste
            .unused
            .iter()
            .any(|unused| unused.reason == UnusedReason::ChannelEvent && unused.line == 8)
    );
    let fences: Vec<usize> = paste
        .unused
        .iter()
        .filter(|unused| unused.reason == UnusedReason::LogFence)
        .map(|unused| unused.line)
        .collect();
    assert_eq!(fences, [5, 10]);
    assert!(
        paste.rows.iter().all(|row| row.clock.is_some()),
        "a line set in bold whole is no one's message: {:?}",
        paste.rows
    );
}

#[test]
fn a_log_quoted_in_a_timed_message_stays_its_text() {
    let paste = parse_chat(
        "danicuki  7:23 PM\nI have a doubt about your logs:\n```\n\
         2025-08-27 00:19:42 TRACE stf:accumulate: pos=26517\n\
         2025-08-27 00:19:42 DEBUG stf:accumulate: calling host call 100\n```\n\
         clearloop  7:30 PM\nlooking\n",
    );
    assert_eq!(paste.rows.len(), 2, "{:?}", paste.rows);
    assert!(paste.rows[0].event.contains("calling host call 100"));
}

#[test]
fn an_issue_threads_posts_headed_with_their_day_are_rows_of_that_day() {
    // A monitor's issue thread as an index copies it: each post headed by its author, what
    // the post is and its day, with no time.
    let text = "nthien \u{b7} description \u{b7} 2024-05-11\n\
                uat-id was **down**:\n- HTTP code: 0\n\n\
                nthien \u{b7} comment \u{b7} 2024-05-11\n\
                **Resolved:** uat-id is back up after 37 minutes.\n";
    let paste = parse_chat(text);
    let rows: Vec<_> = paste
        .rows
        .iter()
        .map(|row| (row.actor.as_deref(), row.clock.is_none()))
        .collect();
    assert_eq!(rows, [(Some("nthien"), true), (Some("nthien"), true)]);
    assert!(paste.rows[1].event.contains("back up after 37 minutes"));
    assert_eq!(
        speakers::name_then_day("Ann \u{b7} Apr 6 \u{b7} 2018"),
        None
    );
}

#[test]
fn a_status_and_a_whole_stamp_are_set_apart_from_the_text_run_on_after_them() {
    let paste = parse_entries(
        "Identified Feb 23 02:30 UTC We declared an incident.\n\
         Investigating Feb 23 01:00 UTC Our team received an email.\n",
    );
    assert_eq!(
        rows(&paste),
        [
            (hm(2, 30), None, "We declared an incident."),
            (hm(1, 0), None, "Our team received an email."),
        ]
    );
    // A bare time after a status word, with words run on, says too little to be a stamp.
    let paste = parse_entries("Investigating 14:03 alerts from the pool\n");
    assert!(paste.rows.is_empty(), "{:?}", paste.rows);
}
