//! Pages copied as text, stories and posts that refer to other days: a web page's lines with no
//! blank line between them and a dateline Markdown takes for a numbered item, times told
//! in German sentences, a date told below the timeline that belongs to another story, and a
//! timeline paragraph that tells its time inside a sentence.

use chrono::{Datelike, NaiveDate, TimeZone, Utc};
use chrono_tz::Europe::Berlin;

use super::*;

use super::tests::{actions, events, row_times};

/// The text of the section of what was not placed, or nothing.
fn not_placed(doc: &Postmortem) -> &str {
    doc.narrative
        .custom_sections
        .iter()
        .find(|section| section.title == NOT_PLACED)
        .map_or("", |section| section.text.as_str())
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 6).unwrap()
}

#[test]
fn a_german_page_copied_flat_tells_its_times_and_keeps_its_signature_out_of_the_work() {
    // A hosting provider's notice as a browser copies it: a dateline (`14. November 2016`,
    // which Markdown would number 14), then a line per paragraph or heading; questions as
    // headings; dotted times with `Uhr` inside sentences; the writer's name at the end.
    let page = "14. November 2016\n\
                Heute kam es zu mehreren Störungen. Diese führten dazu, dass unsere Systeme \
                nicht erreichbar waren.\n\
                Was heute geschehen ist\n\
                Um 11.08 Uhr gab es Probleme mit einer Zuleitung.\n\
                Der Vorfall wiederholte sich gegen 12.35 Uhr für 80 Minuten und um 17:42 Uhr \
                abermals für 10 Minuten.\n\
                Was genau war die Ursache?\n\
                Ein defektes Hardware Modul führte dazu, dass sich die Router neu konfigurierten.\n\
                Was wird unternommen?\n\
                Zunächst einmal wurden die defekten Komponenten ausgetauscht.\n\
                Wir nehmen Vorfälle dieser Art stets sehr ernst.\n\
                Alexander Mehner";
    let imported = import_markdown(page, today());
    let doc = &imported.doc;
    let at = |h, m| {
        Some(
            Berlin
                .with_ymd_and_hms(2016, 11, 14, h, m, 0)
                .unwrap()
                .with_timezone(&Utc),
        )
    };
    let times = row_times(doc);
    assert_eq!(times, [at(11, 8), at(12, 35), at(17, 42)]);
    // The dateline dates the page and the line after it is a sentence: the page has no
    // title to take, and the person writes one.
    assert_eq!(doc.title, "");
    let titles: Vec<&str> = doc
        .narrative
        .custom_sections
        .iter()
        .map(|section| section.title.as_str())
        .collect();
    assert!(titles.contains(&"Was genau war die Ursache?"), "{titles:?}");
    assert_eq!(doc.action_items_heading, "Was wird unternommen?");
    assert!(
        doc.action_items
            .iter()
            .all(|item| !item.action.contains("Alexander")),
        "{:?}",
        doc.action_items
    );
    let not_placed = not_placed(doc);
    assert!(not_placed.contains("Alexander Mehner"), "{not_placed}");
}

#[test]
fn a_date_told_below_the_timeline_does_not_date_it() {
    // The front matter dates the post; the timeline's times have no day; a later paragraph
    // names the day of an earlier incident.
    let post = "---\ndate: 2026-03-07\ntitle: Flannel missing after a power outage\n---\n\n\
                ## Timeline\n\nAll times CST.\n\n\
                - **~16:58** - Power restored.\n- **~18:10** - Investigation begins.\n\n\
                ## Is this a pattern?\n\n\
                This is the third such incident (after 2026-01-31 and 2026-03-02).\n";
    let imported = import_markdown(post, today());
    let utc = |d, h, m| Some(Utc.with_ymd_and_hms(2026, 3, d, h, m, 0).unwrap());
    let times = row_times(&imported.doc);
    assert_eq!(times, [utc(7, 22, 58), utc(8, 0, 10)]);
    assert_eq!(imported.assumed.day_from, DayFrom::Field);
}

#[test]
fn a_day_written_before_its_month_in_a_table_dates_the_file() {
    // A monthly round-up: its rows are dated by their first cells, day before month, and
    // the file names no year but with its title's month.
    let text = "# Outages - August 2026\n\n## Timeline\n\n| Incident | Brief |\n|---|---|\n\
                | [3 August — general outage](https://status.example/1) | Errors began around \
                20:50. |\n| 8 August — slow API | Latency rose from about 11:30. |\n";
    let imported = import_markdown(text, today());
    assert!(
        matches!(
            imported.assumed.day_from,
            DayFrom::YearOfAMonth { year_line: 1, .. }
        ),
        "{:?}",
        imported.assumed.day_from
    );
    assert!(
        imported
            .report
            .iter()
            .all(|placement| !placement.place.contains("today")),
        "{:?}",
        imported.report
    );
    let times = row_times(&imported.doc);
    assert_eq!(
        times,
        [
            Some(Utc.with_ymd_and_hms(2026, 8, 3, 20, 50, 0).unwrap()),
            Some(Utc.with_ymd_and_hms(2026, 8, 8, 11, 30, 0).unwrap())
        ]
    );
}

#[test]
fn an_incident_reports_start_and_end_labels_time_their_rows_and_set_the_key_times() {
    // A university's incident report copied as text: questions as headings, the timeline's
    // first and last lines labelled, and the recommendation a bulleted line run into its
    // question.
    let page = "Incident Report Number: 2016-007\n\neClass Application\n\n\
                What happened?\n\nThe eClass service experienced an issue.\n\n\
                What was the timeline of the incident?\n\n\
                Start: 2016/03/16 15:00 - Users began reporting they were unable to login.\n\
                2016/03/16 15:55 - Service was restored by the vendor.\n\
                End: 2016/03/16 16:00 - Service was confirmed restored.\n\n\
                What are any recommendations to prevent this incident from occurring again?\n\
                \u{20}\u{20}\u{2022} Vendor support will automate configuration of the session server.";
    let imported = import_markdown(page, today());
    let doc = &imported.doc;
    let utc = |h, m| Some(Utc.with_ymd_and_hms(2016, 3, 16, h, m, 0).unwrap());
    let rows: Vec<_> = doc
        .timeline
        .iter()
        .map(|row| (row.time, row.event.as_str(), row.notes.as_str()))
        .collect();
    assert_eq!(
        rows,
        [
            (
                utc(15, 0),
                "Users began reporting they were unable to login.",
                "Start"
            ),
            (utc(15, 55), "Service was restored by the vendor.", ""),
            (utc(16, 0), "Service was confirmed restored.", "End"),
        ]
    );
    assert_eq!(doc.key_times.started, utc(15, 0));
    assert_eq!(doc.key_times.resolved, utc(16, 0));
    assert_eq!(
        actions(doc),
        ["Vendor support will automate configuration of the session server."]
    );
}

#[test]
fn a_timeline_paragraph_that_tells_a_time_inside_it_is_a_row_at_that_time() {
    // Under the timeline's heading, most paragraphs open with their time; one tells its
    // time at the end of a sentence. Its words stay as written too.
    let post = "# Database outage\n\n## Timeline\n\n\
                At 11:17 UTC on Sept 2nd 2025, a drive disappeared from the array.\n\n\
                We had to fail over to the secondary, a decision we took at 12:57 UTC.\n\n\
                At 13:27 UTC the fail-over was complete.\n";
    let imported = import_markdown(post, today());
    let utc = |h, m| Some(Utc.with_ymd_and_hms(2025, 9, 2, h, m, 0).unwrap());
    let mut times = row_times(&imported.doc);
    times.sort();
    assert_eq!(times, [utc(11, 17), utc(12, 57), utc(13, 27)]);
    let not_placed = not_placed(&imported.doc);
    assert!(
        not_placed.contains("a decision we took at 12:57 UTC"),
        "{not_placed}"
    );
}

#[test]
fn a_time_told_in_a_timeline_paragraph_is_on_the_day_of_the_entries_above_it() {
    // The story runs into the next morning and then past midnight again; the paragraphs
    // that tell their times inside a sentence are on the day of the entries above them,
    // and the entry after them follows them over midnight.
    let post = "# Database outage\n\n## Timeline\n\n\
                At 20:30 UTC on Sept 2nd 2025, the restore was still running.\n\n\
                At 07:21 UTC the next morning, the extraction was complete.\n\n\
                We patched the tool and ran it at 09:23 UTC.\n\n\
                At 10:45 UTC we started the standby.\n\n\
                All the workers were stable by 18:00 UTC, and we went to bed.\n\n\
                At long last a new backup completed at 03:26 UTC.\n\n\
                At 09:21 UTC we added the disks to the array.\n";
    let imported = import_markdown(post, today());
    let utc = |d, h, m| Some(Utc.with_ymd_and_hms(2025, 9, d, h, m, 0).unwrap());
    assert_eq!(
        row_times(&imported.doc),
        [
            utc(2, 20, 30),
            utc(3, 7, 21),
            utc(3, 9, 23),
            utc(3, 10, 45),
            utc(3, 18, 0),
            utc(4, 3, 26),
            utc(4, 9, 21)
        ]
    );
}

#[test]
fn a_weekday_written_with_a_day_names_the_year_a_page_leaves_out() {
    // A status page's post-mortem names no year: its header and story give days with their
    // weekdays, and 28 March fell on a Friday in 2025, not in 2026 (the year of the import).
    let page = "Discord Tickets is offline\n\nMar 28 at 12:57am GMT\n\nPost-mortem\n\n\
                The crash\n\nThe public instance went offline at 00:47 UTC on Friday, March \
                28th.\n\nToken is revoked again\n\nAt 04:11 UTC on Saturday, March 29th, the \
                token was revoked for a second time.\n\nRoot cause identified\n\nThe root \
                cause was identified at 01:30 UTC on Monday, March 31st.\n\nService \
                recovers\n\nThe service recovered at 02:04 UTC.\n";
    let imported = import_markdown(page, today());
    assert!(
        matches!(
            imported.assumed.day_from,
            DayFrom::YearOfAWeekday {
                line: 3,
                weekday_line: 9
            }
        ),
        "{:?}",
        imported.assumed.day_from
    );
    let times = row_times(&imported.doc);
    let at = |day: u32, hour: u32, minute: u32| {
        Some(Utc.with_ymd_and_hms(2025, 3, day, hour, minute, 0).unwrap())
    };
    // The last time takes the day told before it, 31 March, in the same year as the 28th.
    for expected in [at(28, 0, 47), at(29, 4, 11), at(31, 1, 30), at(31, 2, 4)] {
        assert!(times.contains(&expected), "{expected:?} in {times:?}");
    }
    assert!(
        times.iter().flatten().all(|time| time.year() == 2025),
        "{times:?}"
    );
}

#[test]
fn a_chinese_report_numbers_its_steps_against_their_times_and_names_its_day_without_a_year() {
    // The steps' numbers typed without a space (`1.15:23,`), the day in the title only as
    // month and day (`4月8日`), no zone: the page's language says Shanghai's clock.
    let page = "腾讯云发布4月8日故障情况说明\n\n整个处理过程如下:\n\n\
                1.15:23,监测到故障,立即执行服务的恢复;\n\
                2.15:47,发现通过回滚版本没能完全恢复服务;\n\
                3.15:57,定位出故障根因是配置数据出现错误。\n";
    let imported = import_markdown(page, today());
    assert_eq!(imported.doc.time_zone, chrono_tz::Asia::Shanghai);
    let times = row_times(&imported.doc);
    let at = |hour: u32, minute: u32| {
        Some(
            Utc.with_ymd_and_hms(2026, 4, 8, hour - 8, minute, 0)
                .unwrap(),
        )
    };
    assert_eq!(times, [at(15, 23), at(15, 47), at(15, 57)]);
    assert_eq!(
        imported.doc.timeline[1].event,
        "发现通过回滚版本没能完全恢复服务;"
    );
}

#[test]
fn a_timeline_paragraph_is_an_entry_at_each_sentence_or_clause_that_opens_with_a_time() {
    let text = "# Outage\n\n## Timeline\n\n14:30 The deploy started. 14:40 Errors rose; 14:45 we \
                rolled back. Then at 14:50 it ended.\n\n\
                12 月 18 日 08:56,监控到温控告警。09:01,排查到冷机异常。\n";
    let imported = import_markdown(text, today());
    let events = events(&imported.doc);
    assert_eq!(
        events,
        [
            "The deploy started.",
            "Errors rose;",
            "we rolled back. Then at 14:50 it ended.",
            "监控到温控告警。",
            "排查到冷机异常。"
        ]
    );
    // The Chinese day with its digits spaced apart dates its time.
    let day = imported.doc.timeline[3].time.unwrap().date_naive();
    assert_eq!((day.month(), day.day()), (12, 18));
}

#[test]
fn a_month_the_title_names_with_its_year_dates_the_days_the_story_tells_without_it() {
    // 21 July was a Friday in 2023 too: the title's `July 2017` says which.
    let page = "July 2017 IT service disruption summary\n\n\
                The issues began at approximately 10 a.m. on Friday, July 21, when the team \
                received system notifications.\n\n\
                By 9:30 p.m. on Friday, July 21, the website was restored.\n";
    let imported = import_markdown(page, today());
    assert!(
        matches!(
            imported.assumed.day_from,
            DayFrom::YearOfAMonth {
                line: 3,
                year_line: 1
            }
        ),
        "{:?}",
        imported.assumed.day_from
    );
    assert_eq!(
        row_times(&imported.doc),
        [
            Some(Utc.with_ymd_and_hms(2017, 7, 21, 10, 0, 0).unwrap()),
            Some(Utc.with_ymd_and_hms(2017, 7, 21, 21, 30, 0).unwrap())
        ]
    );
}

#[test]
fn a_first_line_that_is_a_sentence_of_the_story_is_no_title() {
    let page = "We had an IPv4 network outage starting around 2021-03-09 21:15:00 UTC and lasting \
                until 2021-03-10 00:45:00 UTC.\n\nThe outage was due to a bug in our router.\n";
    let imported = import_markdown(page, today());
    assert_eq!(imported.doc.title, "");
    assert_eq!(
        row_times(&imported.doc),
        [
            Some(Utc.with_ymd_and_hms(2021, 3, 9, 21, 15, 0).unwrap()),
            Some(Utc.with_ymd_and_hms(2021, 3, 10, 0, 45, 0).unwrap())
        ]
    );
    // A short line with a full stop is still a title.
    let imported = import_markdown("Database outage on 5 May.\n\nIt was down.\n", today());
    assert_eq!(imported.doc.title, "Database outage on 5 May");
}

#[test]
fn a_label_run_into_the_last_item_of_a_list_heads_what_follows_the_list() {
    // A status page copied as text: no blank line between a list and the label after it,
    // which Markdown reads as the last item's own words.
    let page = "DNS issues\n\nTimeline of the Events:\nAugust 29, 2024\n\
                - 2:05pm PT: DNS issues began.\n\
                - 3:38pm PT: Confirmed full resolution.\n\
                Root Cause:\n\
                1. Human error at the upstream provider.\n\
                Corrective Actions:\n\
                - Vendor communication: the provider was called.\n\
                Lessons Learned / Future Recommendations:\n\
                - Improve internal communication for backend changes.\n\
                - Request written confirmation of manual changes.\n";
    let imported = import_markdown(page, today());
    let events = events(&imported.doc);
    assert_eq!(events, ["DNS issues began.", "Confirmed full resolution."]);
    let actions = actions(&imported.doc);
    assert_eq!(
        actions,
        [
            "Vendor communication: the provider was called.",
            "Improve internal communication for backend changes.",
            "Request written confirmation of manual changes."
        ]
    );
    assert!(
        imported
            .doc
            .narrative
            .text(crate::model::Section::RootCause)
            .contains("Human error at the upstream provider."),
        "{:?}",
        imported.doc.narrative
    );
}

#[test]
fn a_byline_dates_the_page_and_the_day_it_tells_without_a_year_is_the_incidents() {
    // An issue written the day after: its byline's date is the first full date, but the
    // incident's day is the one its period and story tell without their year.
    let page = "# Master service unavailable\n\npbergene \u{b7} description \u{b7} 2018-04-06\n\n\
                Period: \"April 5th nn:nn UTC (night) - April 6th ~15:59 UTC\"\n\n\
                Rundown\nAll times in UTC\n\n\
                * 08:59 Errors reported on production service\n\
                * 09:11 Outage first reported in zabbix\n";
    let imported = import_markdown(page, today());
    assert!(
        matches!(
            imported.assumed.day_from,
            DayFrom::BeforeByline { byline: 3, .. }
        ),
        "{:?}",
        imported.assumed.day_from
    );
    assert_eq!(
        row_times(&imported.doc),
        [
            Some(Utc.with_ymd_and_hms(2018, 4, 5, 8, 59, 0).unwrap()),
            Some(Utc.with_ymd_and_hms(2018, 4, 5, 9, 11, 0).unwrap())
        ]
    );
    // A date in the story, not a byline, is the incident's own.
    let story = "# Outage\n\nOn 2018-04-06 the masters failed, as on April 5th.\n\n\
                 * 08:59 Errors reported\n* 09:11 Outage reported\n";
    assert_eq!(
        row_times(&import_markdown(story, today()).doc),
        [
            Some(Utc.with_ymd_and_hms(2018, 4, 6, 8, 59, 0).unwrap()),
            Some(Utc.with_ymd_and_hms(2018, 4, 6, 9, 11, 0).unwrap())
        ]
    );
}

#[test]
fn a_dateline_above_the_title_is_no_title_and_a_label_naming_the_work_marks_it() {
    // A status page's report: its day of publishing first, the incident's day in the title.
    let page = "Saturday 20th October 2018\n\n\
                SIP Trunks Incident Report on Voice Outage 18/10/2018\n\n\
                Post event actions: Our engineers are reviewing the SRV records and will be \
                implementing a change control process.\n\n\
                Time line:\n\n\
                15:56 – First notification received of high load on host.\n\n\
                16:00 – Notification received that the service was up.\n";
    let imported = import_markdown(page, today());
    assert_eq!(
        imported.doc.title,
        "SIP Trunks Incident Report on Voice Outage 18/10/2018"
    );
    assert_eq!(
        row_times(&imported.doc),
        [
            Some(Utc.with_ymd_and_hms(2018, 10, 18, 15, 56, 0).unwrap()),
            Some(Utc.with_ymd_and_hms(2018, 10, 18, 16, 0, 0).unwrap())
        ]
    );
    let actions = actions(&imported.doc);
    assert_eq!(
        actions,
        [
            "Our engineers are reviewing the SRV records and will be implementing a change control process."
        ]
    );
}

#[test]
fn a_timeline_item_that_tells_its_time_at_its_end_is_a_row_at_that_time() {
    let text = "# Exploit\n\n## Timeline\n\n\
                - Attacker deployed the contract at 2021-02-13 5:37 AM +UTC\n\
                - Alpha deployed a fixed contract at 2021-02-13 08:44:30 +UTC. Funds were safe.\n\
                - Users were told\n";
    let imported = import_markdown(text, today());
    let rows: Vec<(Option<chrono::DateTime<Utc>>, &str)> = imported
        .doc
        .timeline
        .iter()
        .map(|row| (row.time, row.event.as_str()))
        .collect();
    assert_eq!(
        rows,
        [
            (
                Some(Utc.with_ymd_and_hms(2021, 2, 13, 5, 37, 0).unwrap()),
                "Attacker deployed the contract at 2021-02-13 5:37 AM +UTC"
            ),
            (
                Some(Utc.with_ymd_and_hms(2021, 2, 13, 8, 44, 30).unwrap()),
                "Alpha deployed a fixed contract at 2021-02-13 08:44:30 +UTC. Funds were safe."
            ),
            (None, "Users were told"),
        ]
    );
}

#[test]
fn another_label_ends_a_timeline_a_label_headed() {
    // An issue written with labels for its parts, its timeline's steps untimed: the lists
    // under `What is still unclear:` and `Conclusions:` are no rows of the timeline
    // `Timeline:` heads, and what the close says must be done is work.
    let page = "# Backend outage\n\nTimeline:\n\n\
                - alerts fired\n- the machine was restarted\n\n\
                What is still unclear:\n\n- what caused the outage\n\n\
                Conclusions:\n\n\
                - Services should be designed to restart gracefully\n\
                - Probes should keep measurements while the backend is down\n";
    let doc = import_markdown(page, today()).doc;
    assert_eq!(events(&doc), ["alerts fired", "the machine was restarted"]);
    assert_eq!(
        actions(&doc),
        [
            "Services should be designed to restart gracefully",
            "Probes should keep measurements while the backend is down"
        ]
    );
    assert!(
        doc.narrative
            .custom_sections
            .iter()
            .any(|section| section.title == "What is still unclear"
                && section.text.contains("what caused the outage"))
    );
}

#[test]
fn a_pages_bulleted_milestones_are_rows_and_its_bulleted_solutions_are_work() {
    // A page copied as text: its lists keep their bullets as characters, a nested item
    // indented deeper; the milestones name their event first and their time and day after
    // it; a sentence introduces the solutions under way.
    let page = [
        "Carrier Outage",
        "",
        "Symptoms of Problem",
        "",
        "  \u{2022} No inbound calls",
        "",
        "  \u{2022} Incident reported: 4:45AM EST, 8/13/2022",
        "  \u{2022} Power issue solved: 5:55 AM EST, 8/13/2022",
        "  \u{2022} Software fix applied: 9:47 AM EST, 8/14/2022",
        "",
        "There are several solutions being put in place to protect against this issue \
         occurring again:",
        "",
        "  \u{2022} Power: the carrier is implementing alerts about its status",
        "  \u{2022} Servers out of sync",
        "    \u{2022} The vendor already applied a fix",
    ]
    .join("\n");
    let doc = import_markdown(&page, today()).doc;
    // `EST` is read as written, five hours behind UTC, in August too.
    let eastern = |d, h: u32, m| Some(Utc.with_ymd_and_hms(2022, 8, d, h + 5, m, 0).unwrap());
    // Each row's own day, written after its time, is its day.
    assert_eq!(
        doc.timeline.iter().map(|row| row.time).collect::<Vec<_>>(),
        [eastern(13, 4, 45), eastern(13, 5, 55), eastern(14, 9, 47)]
    );
    assert_eq!(
        actions(&doc),
        [
            "Power: the carrier is implementing alerts about its status",
            "Servers out of sync\nThe vendor already applied a fix"
        ]
    );
}

#[test]
fn a_title_dated_after_the_day_its_story_opens_on_dates_the_report() {
    let page = "[Final Update] Fault Report for Service Incident - 30 November 2015\n\n\
                On 18th November 2015, some customers complained of failed calls.\n\n\
                01:00 - Maintenance completed.\n\n09:28 - Customer complaints received.\n\n\
                10:13 - Gateway removed from service.\n";
    let doc = import_markdown(page, today()).doc;
    let on_the_18th = |h, m| Some(Utc.with_ymd_and_hms(2015, 11, 18, h, m, 0).unwrap());
    assert_eq!(
        doc.timeline.iter().map(|row| row.time).collect::<Vec<_>>(),
        [on_the_18th(1, 0), on_the_18th(9, 28), on_the_18th(10, 13)]
    );
    // A title that names no report, or the day of what it reports, dates the incident.
    assert!(super::incident_day::titles_a_report(
        "Fault Report for Service Incident - 30 November 2015"
    ));
    for title in [
        "Outage 18 November 2015",
        "Incident report: outage on 18 November 2015",
    ] {
        assert!(!super::incident_day::titles_a_report(title), "{title}");
    }
}

#[test]
fn a_status_pages_text_with_each_update_labelled_above_and_stamped_below() {
    // Each status on a line of its own, the update, then its stamp; the page's footer last.
    let text = "Intermittent authentication failures\n\nIncident Report for Example\n\n\
                Resolved\n\nThis incident has been resolved.\nPosted Jun 07, 2022 - 17:04 CDT\n\n\
                Update\n\nWe are continuing to monitor.\nPosted Jun 07, 2022 - 14:10 CDT\n\n\
                Monitoring\n\nWe identified an issue with the authentication service.\n\
                Posted Jun 07, 2022 - 14:06 CDT\nThis incident affected: USA - Authentication.\n";
    let doc = import_markdown(text, NaiveDate::from_ymd_opt(2026, 12, 7).unwrap()).doc;
    let at = |h, m| Utc.with_ymd_and_hms(2022, 6, 7, h, m, 0).unwrap();
    let timed: Vec<(chrono::DateTime<Utc>, &str)> = doc
        .timeline
        .iter()
        .filter_map(|row| Some((row.time?, row.event.as_str())))
        .collect();
    assert_eq!(
        timed,
        [
            (
                at(19, 6),
                "Monitoring We identified an issue with the authentication service."
            ),
            (at(19, 10), "Update We are continuing to monitor."),
            (at(22, 4), "Resolved This incident has been resolved."),
        ]
    );
}

#[test]
fn a_day_run_into_its_first_row_and_items_closed_by_their_status() {
    let text = "Portal Interruption\n\nIncident Timeline\n\n\
                April 5th, 2018 (all times in UTC) * 01:50 - Monitoring detects issues.\n\n\
                  \u{2022} 01:57 - On call SRE escalates.\n\n\
                  \u{2022} 02:38 - Services fully recovered.\n\n\
                Action Items\n\n\
                  \u{2022} Address the defect in the build pipeline. RESOLVED\n\n\
                  \u{2022} Add a canary check. OPEN\n\n\
                This incident has been resolved.\nPosted 12 months ago. Apr 05, 2018 - 02:38 UTC\n";
    let doc = import_markdown(text, NaiveDate::from_ymd_opt(2026, 12, 7).unwrap()).doc;
    let at = |h, m| Some(Utc.with_ymd_and_hms(2018, 4, 5, h, m, 0).unwrap());
    assert_eq!(row_times(&doc), [at(1, 50), at(1, 57), at(2, 38)]);
    assert_eq!(events(&doc)[0], "Monitoring detects issues.");
    let items: Vec<(&str, crate::model::ActionStatus)> = doc
        .action_items
        .iter()
        .map(|item| (item.action.as_str(), item.status))
        .collect();
    // The update below the list, closed by its stamp, is no item.
    assert_eq!(
        items,
        [
            (
                "Address the defect in the build pipeline. RESOLVED",
                crate::model::ActionStatus::Done
            ),
            ("Add a canary check. OPEN", crate::model::ActionStatus::Open),
        ]
    );
}

#[test]
fn a_time_alone_on_its_line_heads_the_update_below_it() {
    let imported = import_markdown(
        "Email delays on July 20th 2015\n\n2:40am GMT+1/07:40am PST\n\n\
         We are investigating outbound email delays.\n\n4:20am GMT+1/09:20am PST\n\n\
         We are still investigating the cause.\n\n5:35am GMT+1/10:35am PST\n\n\
         All queued mail has been delivered.\n\nWe will add capacity to the mail servers.\n",
        today(),
    );
    let at = |hour, minute| Some(Utc.with_ymd_and_hms(2015, 7, 20, hour, minute, 0).unwrap());
    assert_eq!(
        super::tests::times_events_and_notes(&imported.doc),
        [
            (
                at(1, 40),
                "We are investigating outbound email delays.",
                "Time also written as 07:40am PST"
            ),
            (
                at(3, 20),
                "We are still investigating the cause.",
                "Time also written as 09:20am PST"
            ),
            (
                at(4, 35),
                "All queued mail has been delivered.",
                "Time also written as 10:35am PST"
            ),
        ]
    );
    // The update's words are the timeline's, not work; the paragraph after the last one is
    // the page's own.
    assert_eq!(
        actions(&imported.doc),
        ["We will add capacity to the mail servers."]
    );
}

#[test]
fn a_french_day_without_its_year_is_dated_by_its_weekday_and_a_citys_clock_is_the_zone() {
    let imported = import_markdown(
        "Le samedi 16 novembre, de 18h00 à 22h00 (heure de Paris), le traitement a été \
         interrompu.\nUne première intervention a eu lieu à 18h20.\n\
         À 21h45, une seconde intervention a été réalisée.\n",
        today(),
    );
    assert_eq!(imported.doc.time_zone, chrono_tz::Europe::Paris);
    // 16 November was a Saturday in 2024; in 2025 and 2026 it is not.
    let at = |hour, minute| Some(Utc.with_ymd_and_hms(2024, 11, 16, hour, minute, 0).unwrap());
    assert_eq!(
        row_times(&imported.doc),
        [at(17, 0), at(21, 0), at(17, 20), at(20, 45)]
    );
}

#[test]
fn a_key_times_label_over_its_value_is_that_key_time_not_a_row() {
    let imported = import_markdown(
        "Staff email access issues\n\nStart Date\n\n11th Apr 2017 10:30am\n\nEnd Date\n\n\
         11th Apr 2017 12:15pm\n\nUnplanned Outage\n\nWe are experiencing email issues.\n",
        today(),
    );
    let at = |hour, minute| Some(Utc.with_ymd_and_hms(2017, 4, 11, hour, minute, 0).unwrap());
    let key_times = &imported.doc.key_times;
    assert_eq!(
        (key_times.started, key_times.resolved),
        (at(10, 30), at(12, 15))
    );
    assert!(
        imported.doc.timeline.is_empty(),
        "{:?}",
        events(&imported.doc)
    );
    // A label with no time below it stays a line of the text.
    let plain = import_markdown("Outage\n\nStart Date\n\nSoon after lunch.\n", today());
    assert_eq!(plain.doc.key_times.started, None);
}

/// A blog post copied as text: its headings keep their permalinks' `#`, a sentence that
/// names the timeline introduces its bullets, the first bullet tells the day the others
/// only time, and the team signs the post.
const POST_WITH_ANCHORS: &str = "Mail outage on May 3-4, 2025\n\n\
    We are sorry for the trouble this caused.\n\n\
    A short timeline and summary of what happened: #\n\n\
      \u{2022} The relay's key expired at midnight UTC on Sunday May 4th. Mail failed from 0:00 UTC.\n\
      \u{2022} An alert fired at ~00:05 UTC and was taken for noise.\n\
      \u{2022} At ~6:40 UTC a second engineer began to renew the key.\n\
    \n\n\
    What are we doing to keep this from happening again? #\n\n\
      \u{2022} Every key is being checked for automatic renewal.\n\
      \u{2022} Paging the second engineer sooner.\n\
    Relay team\n";

#[test]
fn a_copied_posts_anchors_its_introduced_timeline_and_its_signature() {
    let doc = import_markdown(
        POST_WITH_ANCHORS,
        NaiveDate::from_ymd_opt(2026, 12, 7).unwrap(),
    )
    .doc;
    let at = |h, m| Some(Utc.with_ymd_and_hms(2025, 5, 4, h, m, 0).unwrap());
    // The day the first bullet tells goes on to the bullets that only give a time.
    assert_eq!(row_times(&doc), [at(0, 0), at(0, 5), at(6, 40)]);
    assert_eq!(
        actions(&doc),
        [
            "Every key is being checked for automatic renewal.",
            "Paging the second engineer sooner."
        ]
    );
    // The introduction stays text where it stands; the signature is no work.
    let kept = super::tests::all_text(&doc);
    assert!(
        kept.contains("a short timeline and summary of what happened"),
        "{kept}"
    );
    assert!(kept.contains("relay team"), "{kept}");
}

/// A status write-up copied flat, its log's lines and its last sentence ending without a
/// full stop.
const FLAT_WRITE_UP: &str = "Logins failing\nOverview\n\
    Problem: The login service failed for about ten minutes.\n\
    Impact: Users were logged out and could not log back in.\n\
    Chronology\n2026-01-29 (all times in UTC)\n\
    23:17:00 - a config push started\n\
    23:24:22 - first alert came through\n\
    23:29:00 - every change of the push was reverted and the old maps reapplied\n\
    23:33:00 - all services back\n\
    Mitigations\n\
    We added upgrade tests for each service to the staging cluster\n";

#[test]
fn a_flat_write_up_with_a_log_is_read_line_by_line() {
    let doc = import_markdown(FLAT_WRITE_UP, NaiveDate::from_ymd_opt(2026, 12, 7).unwrap()).doc;
    let at = |h, m, s| Some(Utc.with_ymd_and_hms(2026, 1, 29, h, m, s).unwrap());
    assert_eq!(
        row_times(&doc),
        [at(23, 17, 0), at(23, 24, 22), at(23, 29, 0), at(23, 33, 0)]
    );
    assert_eq!(events(&doc)[0], "a config push started");
}

#[test]
fn a_weekday_after_a_dated_row_is_the_next_such_day_and_wrapped_prose_is_no_title() {
    let text = "Mail incident\n\nTimeline:\n\
    - Wednesday, 8 May 2024 10pm PDT: a database slowed down.\n\
    - Thursday, 12pm PDT: the problem was acknowledged.\n";
    let doc = import_markdown(text, NaiveDate::from_ymd_opt(2026, 12, 7).unwrap()).doc;
    let at = |d, h| Some(Utc.with_ymd_and_hms(2024, 5, d, h, 0, 0).unwrap());
    // 10pm PDT on the 8th is 05:00 UTC on the 9th; Thursday is the 9th, after it.
    assert_eq!(row_times(&doc), [at(9, 5), at(9, 19)]);
    let text = "At 5:30AM EST on Thursday, Feb 3, 2011, one of our servers\n\
    slowed down and stopped answering.\n\
    Steps we are taking to prevent this from happening again:\n\
    * We will move uploads to object storage.\n\
    * We will publish a status page.\n";
    let doc = import_markdown(text, NaiveDate::from_ymd_opt(2026, 12, 7).unwrap()).doc;
    assert_eq!(doc.title, "");
    // Nor is a first line that opens with its time.
    let story = import_markdown(
        "At around 14:20Z, the site became slow.\n\nThe server was rebooted at 14:25Z.\n",
        NaiveDate::from_ymd_opt(2026, 12, 7).unwrap(),
    )
    .doc;
    assert_eq!(story.title, "");
    assert_eq!(story.timeline.len(), 2);
    assert_eq!(
        actions(&doc),
        [
            "We will move uploads to object storage.",
            "We will publish a status page."
        ]
    );
}

#[test]
fn a_log_copied_flat_keeps_the_lines_under_an_entry_with_it() {
    // An e-mail's log quoted in a post, one line each, two entries with a line of what was
    // answered under them; the line after the last entry heads what follows.
    let page = "Outage report\n\nWe quote the report we sent.\n\n\
                Target\nThe subscription form\n\n\
                Timeline\n\
                09:20 The sales office reported the outage\n\
                10:10 Asked the host about the outage\n\
                Answer: recovery in a few hours, cause unknown\n\
                11:30 Asked the host again\n\
                12:10 Asked the host again\n\
                Answer: no progress\n\
                15:00 Recovered, the pages load again\n\
                Prevention\n\
                We moved the form to a second host.\n";
    let doc = import_markdown(page, today()).doc;
    assert_eq!(
        events(&doc),
        [
            "The sales office reported the outage",
            "Asked the host about the outage Answer: recovery in a few hours, cause unknown",
            "Asked the host again",
            "Asked the host again Answer: no progress",
            "Recovered, the pages load again",
        ]
    );
}

#[test]
fn the_items_of_a_list_in_the_story_tell_their_times_as_its_paragraphs_do() {
    let page = "# De retour\n\nPublié le 2012-10-29.\n\n\
                Les premiers signes de la panne sont arrivés samedi vers 9h00. Tout est \
                rétabli, dans l'ordre suivant :\n\n\
                - réception des e-mails rétablie samedi vers 13h ;\n\
                - longue attente jusqu'à dimanche ;\n\
                - aujourd'hui à 16h30, rétablissement des services.\n";
    let doc = import_markdown(page, today()).doc;
    let at = |d, h, m| Some(Utc.with_ymd_and_hms(2012, 10, d, h, m, 0).unwrap());
    assert_eq!(
        row_times(&doc),
        [at(27, 9, 0), at(27, 13, 0), at(29, 16, 30)]
    );
}

#[test]
fn a_time_alone_under_its_day_heads_the_paragraph_below_it() {
    let post = "Le jour où notre serveur a brûlé\n\nMercredi 10 mars 2021.\n6:32\n\n\
        Je suis réveillé tôt ce matin là et je jette un oeil sur mon portable.\n\n\
        7:00\nLe thé infuse depuis trop longtemps.\n\n\
        8:00\nJe vais prendre mon bus d'ici 10 minutes.\n";
    let imported = import_markdown(post, today());
    let march_10 = |hour| Utc.with_ymd_and_hms(2021, 3, 10, hour, 0, 0).unwrap();
    let found = events(&imported.doc);
    let times = row_times(&imported.doc);
    let at = |text: &str| {
        found
            .iter()
            .position(|event| event.starts_with(text))
            .and_then(|index| times[index])
    };
    assert_eq!(
        at("Je suis réveillé"),
        Some(march_10(6) + chrono::Duration::minutes(32)),
        "{found:?}"
    );
    assert_eq!(at("Le thé"), Some(march_10(7)), "{found:?}");
}

#[test]
fn a_mail_archives_header_dates_the_post_and_is_no_row() {
    // A list archive's page: the subject, who sent it and when, then the message.
    let text = "[ops-announce] Outage of the build farm\n\n\
                Jane Doe jane at example.org\nTue Oct 10 18:00:05 UTC 2023\n\n\
                Hi,\n\n\
                At 09:12 UTC, builds failed on every runner.\n\n\
                At 15:40 UTC the runners were rebuilt and builds pass again.\n";
    let doc = import_markdown(text, today()).doc;
    // The times the message tells are on the day it was sent; its header is no row.
    let at = |h, m| Some(Utc.with_ymd_and_hms(2023, 10, 10, h, m, 0).unwrap());
    assert_eq!(row_times(&doc), [at(9, 12), at(15, 40)]);
    assert!(
        !events(&doc).iter().any(|event| event.contains("Jane Doe")),
        "{:?}",
        events(&doc)
    );
    // The sender's line is kept, as the text of the page.
    assert!(super::tests::all_text(&doc).contains("jane at example.org"));
}
