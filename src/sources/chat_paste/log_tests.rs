//! Monitoring and service logs pasted as a timeline: Nagios' log with its stamps in seconds
//! or as `ctime` writes them, a monitor's history page copied as text, and a structured
//! (logfmt) log, and a forum thread dumped post by post; code fenced in the notes above a copy,
//! and a message that is only an emoji; a status desk's time restated after a bar; a log
//! copied from the diff that added it.

use chrono::{TimeZone, Utc};

use super::resolve::{PasteContext, resolve_paste};
use super::*;

/// The rows' instants, events and notes, placed in UTC.
fn rows(text: &str) -> Vec<(Option<chrono::DateTime<Utc>>, String, String)> {
    let paste = parse_chat(text);
    let context = PasteContext {
        zone: chrono_tz::UTC,
        started: None,
        day: chrono::NaiveDate::MIN,
        direction: None,
        day_order: None,
        latest: None,
    };
    resolve_paste(&paste, &context)
        .rows
        .into_iter()
        .map(|row| (row.row.time, row.row.event, row.row.notes))
        .collect()
}

#[test]
fn a_nagios_log_stamped_in_seconds_is_read_in_utc() {
    let read = rows(
        "[1620246243] SERVICE ALERT: web;HTTP;CRITICAL;SOFT;1;Socket timeout\n\
         [1620246283] SERVICE ALERT: web;HTTP;CRITICAL;SOFT;2;Socket timeout\n",
    );
    assert_eq!(read.len(), 2);
    assert_eq!(
        read[0].0,
        Some(Utc.with_ymd_and_hms(2021, 5, 5, 20, 24, 3).unwrap())
    );
    assert!(read[1].1.contains("CRITICAL;SOFT;2"));
}

#[test]
fn a_log_quoted_line_by_line_is_read_without_its_quote_marks() {
    let read = rows(
        "> [Sun Sep 13 21:15:40 2020] HOST ALERT: sw-1;DOWN;SOFT;1;PING CRITICAL\n\
         >\n\
         > [Sun Sep 13 21:15:55 2020] HOST ALERT: sw-1;UNREACHABLE;SOFT;2;PING CRITICAL\n",
    );
    assert_eq!(
        read.iter().map(|row| row.0).collect::<Vec<_>>(),
        [
            Some(Utc.with_ymd_and_hms(2020, 9, 13, 21, 15, 40).unwrap()),
            Some(Utc.with_ymd_and_hms(2020, 9, 13, 21, 15, 55).unwrap()),
        ]
    );
    // A chat with one quoted line keeps its mark: only a paste quoted throughout loses it.
    let chat = parse_chat("10:02 alice: see below\n> the old text\n10:05 bob: ok\n");
    assert_eq!(chat.rows.len(), 2);
    assert!(chat.rows[0].event.contains("> the old text"));
}

#[test]
fn a_monitors_state_glued_to_its_stamp_is_the_rows_note() {
    let read = rows(
        "Service Ok[2018-09-02 04:34:38] SERVICE ALERT: sw23;Temp;OK;HARD;1;OK: 344\n\
         Service Warning[2018-09-02 04:29:38] SERVICE ALERT: sw23;Temp;WARNING;HARD;5;WARNING: 357\n",
    );
    assert_eq!(read.len(), 2);
    assert_eq!(read[0].2, "Service Ok");
    assert_eq!(
        read[1].0,
        Some(Utc.with_ymd_and_hms(2018, 9, 2, 4, 29, 38).unwrap())
    );
    // A name before a time in a chat is no such state.
    assert!(super::line_marks::glued_label_time("Alice [10:05] hello").is_none());
}

#[test]
fn a_structured_log_line_gives_its_message_as_the_text_and_its_fields_as_notes() {
    let read = rows(
        "time=\"2017-06-21T09:29:15Z\" level=info msg=\"Starting alertmanager (version=0.7.1)\" source=\"main.go:109\"\n\
         ts=2017-06-21T09:34:37Z level=debug msg=\"Received alert\" alert=web_down[5fe91a8][active]\n",
    );
    assert_eq!(
        read,
        [
            (
                Some(Utc.with_ymd_and_hms(2017, 6, 21, 9, 29, 15).unwrap()),
                "Starting alertmanager (version=0.7.1)".to_owned(),
                "level=info source=\"main.go:109\"".to_owned()
            ),
            (
                Some(Utc.with_ymd_and_hms(2017, 6, 21, 9, 34, 37).unwrap()),
                "Received alert".to_owned(),
                "level=debug alert=web_down[5fe91a8][active]".to_owned()
            ),
        ]
    );
}

#[test]
fn a_forum_threads_dump_heads_each_post_with_labelled_author_and_time() {
    let paste = parse_chat(
        "# Forum availability issues?\n\n\
         ## \\#1 Posted by: Kug3lis Posted at: 2018-09-10T22:34:21.312Z Reads: 227\n\n\
         Everyday the website is unaccessible now\n\n---\n\
         ## \\#2 Posted by: danielz Posted at: 2018-09-10T22:35:05.978Z Reads: 216\n\n\
         Issues my end too\n",
    );
    let authors: Vec<Option<&str>> = paste.rows.iter().map(|row| row.actor.as_deref()).collect();
    assert_eq!(authors, [Some("Kug3lis"), Some("danielz")]);
    let read = rows(
        "## \\#1 Posted by: Kug3lis Posted at: 2018-09-10T22:34:21.312Z Reads: 227\n\n\
         Everyday the website is unaccessible now\n",
    );
    assert_eq!(
        read[0].0,
        Some(Utc.with_ymd_and_hms(2018, 9, 10, 22, 34, 21).unwrap())
    );
    assert!(read[0].1.contains("unaccessible"), "{}", read[0].1);
    // Words before the author's label make it a sentence, not a header.
    assert!(
        parse_chat("We wrote the post from: Dana on date: 2018-09-10T22:34:21Z\n")
            .rows
            .iter()
            .all(|row| row.actor.as_deref() != Some("Dana"))
    );
}

#[test]
fn code_fenced_in_notes_above_a_copy_ends_at_its_own_fence() {
    // Notes above a Slack copy quote code in a fence; a line in it reads like `Name: text`.
    // The fence that closes the code is no code block opened in a message: the copy's
    // messages below are messages.
    let text = "# Summary\n\n```\nm = %{a: 1}\n%{a: x} = m\n```\n\n# Raw\n\n\
                vietthang [2:10 PM]\nBình thường dùng mà bảo nói định nghĩa\n\n\
                thien [2:11 PM]\nthiệt, giải thích mấy khái niệm thì chịu thua\n";
    let paste = parse_chat(text);
    let timed: Vec<(Option<&str>, &str)> = paste
        .rows
        .iter()
        .filter(|row| row.clock.is_some())
        .map(|row| (row.actor.as_deref(), row.event.as_str()))
        .collect();
    assert_eq!(
        timed,
        [
            (Some("vietthang"), "Bình thường dùng mà bảo nói định nghĩa"),
            (
                Some("thien"),
                "thiệt, giải thích mấy khái niệm thì chịu thua"
            )
        ]
    );
}

#[test]
fn a_message_that_is_an_emoji_after_its_authors_colon_is_a_message() {
    // Discord's older copy, one line a message: `Rick: :heart:` is Rick saying :heart:, not
    // a header naming `Rick:` with a status emoji.
    let paste =
        parse_chat("[4:32 PM] sregg: :heart:\n[4:32 PM] Rick: :heart:\n[4:33 PM] Vortex: Thanks\n");
    let said: Vec<(Option<&str>, &str)> = paste
        .rows
        .iter()
        .map(|row| (row.actor.as_deref(), row.event.as_str()))
        .collect();
    assert_eq!(
        said,
        [
            (Some("sregg"), ":heart:"),
            (Some("Rick"), ":heart:"),
            (Some("Vortex"), "Thanks")
        ]
    );
}

#[test]
fn a_log_whose_every_line_opens_with_a_glued_time_is_read_at_those_times() {
    let read = parse_chat(
        "231743         user *fixed the typo\n\
         231941           -- hed: No such nick/channel\n\
         232018          <-- articrot (~z@host) has quit (Ping timeout)\n\
         232102           -- hed: No such nick/channel\n",
    );
    let times: Vec<_> = read
        .rows
        .iter()
        .map(|row| row.clock.map(|clock| clock.time))
        .collect();
    let at = |hour, minute, second| chrono::NaiveTime::from_hms_opt(hour, minute, second);
    // The quit is the channel's event, not a row.
    assert_eq!(times, [at(23, 17, 43), at(23, 19, 41), at(23, 21, 2)]);
    assert_eq!(read.rows[1].actor.as_deref(), Some("hed"));
    // Six digits that open only some lines, or are no time, are words.
    for text in [
        "231743 user text\nno time here\n231941 more\n232018 more\n",
        "123456 order placed\n234567 order shipped\n999999 order lost\n",
    ] {
        assert!(
            parse_chat(text).rows.iter().all(|row| row.clock.is_none()),
            "{text}"
        );
    }
}

#[test]
fn a_status_label_with_its_time_and_then_its_day_times_the_update() {
    let read = rows(
        "UPDATE 11:10am Tuesday 11-April-2017: Our admins made progress.\n\
         UPDATE 12:10pm Tuesday 11-April-2017: All mailboxes are back.\n",
    );
    let at = |hour, minute| Some(Utc.with_ymd_and_hms(2017, 4, 11, hour, minute, 0).unwrap());
    assert_eq!(
        read,
        [
            (
                at(11, 10),
                "Our admins made progress.".to_owned(),
                "UPDATE".to_owned()
            ),
            (
                at(12, 10),
                "All mailboxes are back.".to_owned(),
                "UPDATE".to_owned()
            ),
        ]
    );
}

#[test]
fn a_time_restated_after_a_bar_heads_the_update_below_it() {
    let paste = parse_chat(
        "18:24 UTC | 10:24 PT\nWe are looking into failed logins.\n\
         18:38 UTC | 10:38 PT\nA fix is rolling out.\n",
    );
    let events: Vec<(chrono::NaiveTime, &str, &str)> = paste
        .rows
        .iter()
        .map(|row| {
            (
                row.clock.expect("a timed row").time,
                row.event.as_str(),
                row.notes.as_str(),
            )
        })
        .collect();
    let at = |hour, minute| chrono::NaiveTime::from_hms_opt(hour, minute, 0).unwrap();
    assert_eq!(
        events,
        [
            (
                at(18, 24),
                "We are looking into failed logins.",
                "Time also written as 10:24 PT"
            ),
            (
                at(18, 38),
                "A fix is rolling out.",
                "Time also written as 10:38 PT"
            ),
        ]
    );
}

#[test]
fn a_log_copied_from_the_commit_that_added_it_is_read_without_the_diff() {
    let text = "commit 9a1c2e7\nAuthor: Meeting Bot <bot@example.org>\n\
                Date:   Mon Jun 13 14:25:05 2016 -0400\n\n    Log of the 12 June meeting\n\n\
                diff --git a/logs/20160612.txt b/logs/20160612.txt\nnew file mode 100644\n\
                --- /dev/null\n+++ b/logs/20160612.txt\n@@ -0,0 +1,3 @@\n\
                +2016-06-12 21:01:15<@chair> meeting starts now\n\
                +2016-06-12 21:02:07 * alice here\n\
                +2016-06-12 21:02:31< bob> I am standing in for carol\n";
    let paste = parse_chat(text);
    let at = |h, m, s| Some(Utc.with_ymd_and_hms(2016, 6, 12, h, m, s).unwrap());
    assert_eq!(
        rows(text),
        [
            (
                at(21, 1, 15),
                "meeting starts now".to_owned(),
                String::new()
            ),
            (at(21, 2, 7), "alice here".to_owned(), String::new()),
            (
                at(21, 2, 31),
                "I am standing in for carol".to_owned(),
                String::new()
            ),
        ]
    );
    let actors: Vec<Option<&str>> = paste.rows.iter().map(|row| row.actor.as_deref()).collect();
    assert_eq!(actors, [Some("chair"), Some("alice"), Some("bob")]);
    // The commit's header is listed, not a row at the commit's time.
    assert!(
        paste
            .unused
            .iter()
            .filter(|unused| unused.reason == UnusedReason::DiffLine)
            .any(|unused| unused.text.starts_with("Date:"))
    );
}
