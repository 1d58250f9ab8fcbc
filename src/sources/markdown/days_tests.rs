//! Timelines told over several days: the day written as a heading of its own, with or
//! without its year, over paragraphs that open with a time.

use chrono::{NaiveDate, TimeZone, Utc};

use super::*;

use super::tests::{row_times, times_and_events, times_events_and_notes};

#[test]
fn day_headings_without_a_year_date_the_paragraphs_below_them() {
    // A Dutch live blog: setext day headings in capitals, no year anywhere near them; the
    // year from the date the story names; times with a dot and the word for the hour.
    let text = "# Stroomstoring\n\nGepland onderhoud op 30 oktober 2013.\n\n\
                30 OKTOBER\n----------\n\n**23.45 uur –**Onbereikbaar.\n\n\
                31 OKTOBER\n----------\n\n**0.00 uur –**De oorzaak is bekend.\n\n\
                **0.30 uur -** Aankomst in datacentrum.\n\n\
                **13.30 uur** – Door een storing was het vandaag rond\n\
                13.00 uur een aantal minuten niet bereikbaar.\n";
    let imported = import_markdown(text, NaiveDate::from_ymd_opt(2026, 11, 30).unwrap());
    // The zone is what the reader settles on for so short a text; the days are the point.
    let zone = imported.doc.time_zone;
    let at = |d, h, m| {
        Some(
            zone.with_ymd_and_hms(2013, 10, d, h, m, 0)
                .unwrap()
                .with_timezone(&Utc),
        )
    };
    let rows = times_and_events(&imported.doc);
    assert_eq!(
        rows,
        [
            (at(30, 23, 45), "Onbereikbaar."),
            (at(31, 0, 0), "De oorzaak is bekend."),
            (at(31, 0, 30), "Aankomst in datacentrum."),
            (
                at(31, 13, 30),
                "Door een storing was het vandaag rond 13.00 uur een aantal minuten niet \
                 bereikbaar."
            ),
        ]
    );
}

#[test]
fn the_day_a_page_was_published_gives_the_year_of_a_day_written_without_one() {
    // An Astro or Next.js blog names its date `publishedAt` (or `pubDate`); the title
    // names the day without its year.
    for key in ["publishedAt", "pubDate", "publish_date"] {
        let text = format!(
            "---\ntitle: A deep dive into our September 23rd outage\n{key}: \"2025-09-23\"\n---\n\n\
             ## Timeline\n\nTimes in AWST.\n\n- **2:30 pm**: changed the linkage.\n\
             - **4:00 pm**: most of the app was up.\n"
        );
        let imported = import_markdown(&text, NaiveDate::from_ymd_opt(2026, 11, 30).unwrap());
        let times = row_times(&imported.doc);
        assert_eq!(
            times,
            [
                Some(Utc.with_ymd_and_hms(2025, 9, 23, 6, 30, 0).unwrap()),
                Some(Utc.with_ymd_and_hms(2025, 9, 23, 8, 0, 0).unwrap()),
            ],
            "{key}"
        );
    }
}

#[test]
fn a_post_tells_what_happened_before_it_was_published() {
    // Published at 15:57 on the 11th, about "last night": a timeline from later in the day
    // than the post, past midnight to before 15:57, is the night before. One that starts
    // before 15:57 stays on the 11th, and so does a live post's run of updates after it.
    let post = |first: &str| {
        format!(
            "---\nlayout: post\ntitle: \"Post-mortem from last night's outage\"\n\
             date: 2013-01-11 15:57\n---\n\n## Timeline\n\nAll times are PST.\n\n\
             <div>\n<p>{first}: Cory got an alert.\n\n<p>12:00am: Back up.\n</div>\n"
        )
    };
    let times = |text: &str| -> Vec<_> {
        let imported = import_markdown(text, NaiveDate::from_ymd_opt(2026, 11, 30).unwrap());
        imported.doc.timeline.iter().map(|row| row.time).collect()
    };
    assert_eq!(
        times(&post("9:30pm")),
        [
            Some(Utc.with_ymd_and_hms(2013, 1, 11, 5, 30, 0).unwrap()),
            Some(Utc.with_ymd_and_hms(2013, 1, 11, 8, 0, 0).unwrap()),
        ]
    );
    assert_eq!(
        times(&post("9:30am"))[0],
        Some(Utc.with_ymd_and_hms(2013, 1, 11, 17, 30, 0).unwrap())
    );
    let live = post("4:30pm").replace("12:00am", "5:10pm");
    assert_eq!(
        times(&live),
        [
            Some(Utc.with_ymd_and_hms(2013, 1, 12, 0, 30, 0).unwrap()),
            Some(Utc.with_ymd_and_hms(2013, 1, 12, 1, 10, 0).unwrap()),
        ]
    );
}

#[test]
fn an_alerts_page_dates_each_update_by_its_heading_or_its_bold_title() {
    let text = "# Alerts\n\nAll times UTC.\n\n## Unannounced exceptions\n\n\
                ### 25-Jun-2021: Bigdata storage failed\n\n\
                * 3:30 PM - Server running bigdata crashed.\n\n\
                ## Past exceptions\n\n\
                __10-Aug-2020: Cluster inaccessible__\n\n\
                At 5:10 PM: Facilities restored power.\n\
                At 10:10 PM: All services restored.\n";
    let imported = import_markdown(text, NaiveDate::from_ymd_opt(2026, 11, 30).unwrap());
    let times: Vec<_> = imported
        .doc
        .timeline
        .iter()
        .map(|row| row.time.map(|time| time.naive_utc().to_string()))
        .collect();
    assert_eq!(
        times,
        [
            Some("2021-06-25 15:30:00".to_owned()),
            Some("2020-08-10 17:10:00".to_owned()),
            Some("2020-08-10 22:10:00".to_owned()),
        ]
    );
    // What each title says happened that day is kept.
    let report: Vec<_> = imported
        .report
        .iter()
        .map(|placement| placement.place.as_str())
        .collect();
    assert!(
        report
            .iter()
            .filter(|place| place.contains("kept as written"))
            .count()
            >= 2,
        "{report:?}"
    );
}

#[test]
fn an_item_without_a_time_keeps_the_day_written_above_it() {
    // Day headings over timed and untimed items, then a list of its own that carries its
    // date lines inside it.
    let text = "# Build farm outage\n\n## Timeline\n\n### 21 December 2016\n\n\
                - 14:02 UTC Builds start failing\n- The on-call engineer is paged\n\
                - 14:30 UTC Rollback started\n\n### 22 December 2016\n\n\
                - Customers told by mail\n- 09:00 UTC Postmortem meeting\n\n\
                ### Later\n\n- 2016-12-23\n- 10:00 UTC Fix deployed\n- Old builds rerun\n";
    let imported = import_markdown(text, NaiveDate::from_ymd_opt(2026, 11, 30).unwrap());
    let untimed: Vec<_> = imported
        .doc
        .timeline
        .iter()
        .filter(|row| row.time.is_none())
        .map(|row| (row.event.as_str(), row.notes.as_str()))
        .collect();
    assert_eq!(
        untimed,
        [
            (
                "The on-call engineer is paged",
                "On 2016-12-21; no time was written."
            ),
            (
                "Customers told by mail",
                "On 2016-12-22; no time was written."
            ),
            ("Old builds rerun", "On 2016-12-23; no time was written."),
        ]
    );
    // A day only assumed (the incident's, from the title) is no day written above a row.
    let assumed = "# Outage on 2016-12-21\n\n## Timeline\n\n- 14:02 UTC Builds fail\n\
                   - The on-call engineer is paged\n";
    let imported = import_markdown(assumed, NaiveDate::from_ymd_opt(2026, 11, 30).unwrap());
    assert_eq!(imported.doc.timeline[1].notes, "");
}

#[test]
fn a_japanese_list_of_days_without_their_year_and_times_with_a_character_after_each_number() {
    let text = "---\ntitle: 【障害】Lustre6のディスク障害のお知らせ\ndate: 2021-09-17\n---\n\n\
                ## 詳細\n\n\
                - 9月10日(金)\u{3000}ディスク障害発生。\n\
                - 9月15日(水)\u{3000}6時00分、ディスク修復を開始。\n\
                - 9月15日(水)\u{3000}11時00分、 サービスを停止。\n";
    let imported = import_markdown(text, NaiveDate::from_ymd_opt(2026, 11, 30).unwrap());
    let tokyo = chrono_tz::Asia::Tokyo;
    let rows = times_and_events(&imported.doc);
    let at = |h| {
        Some(
            tokyo
                .with_ymd_and_hms(2021, 9, 15, h, 0, 0)
                .unwrap()
                .with_timezone(&Utc),
        )
    };
    assert_eq!(
        rows,
        [
            (None, "9月10日(金)\u{3000}ディスク障害発生。"),
            (at(6), "ディスク修復を開始。"),
            (at(11), "サービスを停止。"),
        ]
    );
}

#[test]
fn status_updates_labelled_with_their_time_or_their_day_are_a_timeline() {
    // A status notice: bold labels, `Update 09:00` on the day, then later days alone.
    let text = "---\ntitle: E-mail could be delayed\ndate: 2021-02-22T01:00:00+00:00\n---\n\n\
                E-mail could be delayed. We are investigating.\n\n\
                **Update 09:00**: Blocklists have blocked our IPv6 addresses.\n\n\
                **Update 12:00**: A workaround is in place.\n\n\
                **23 Feb 2021**: The blocks were lifted.\n";
    let imported = import_markdown(text, NaiveDate::from_ymd_opt(2026, 11, 30).unwrap());
    let at = |h| Some(Utc.with_ymd_and_hms(2021, 2, 22, h, 0, 0).unwrap());
    let rows = times_events_and_notes(&imported.doc);
    assert_eq!(
        rows,
        [
            (
                at(9),
                "Blocklists have blocked our IPv6 addresses.",
                "Update"
            ),
            (at(12), "A workaround is in place.", "Update"),
            (None, "23 Feb 2021: The blocks were lifted.", ""),
        ]
    );
}

#[test]
fn a_status_log_dates_its_untimed_paragraphs_by_the_day_line_above_them() {
    // Newest first: a day on a line of its own, then its updates, timed or not. The zone is
    // the one a sentence names, its time in UTC in brackets only a conversion.
    let text = "---\ntitle: Network status\n---\n\n2019-3-8\n\n\
                1pm: We rebooted the sector.\n\n11am: A sector is down.\n\n2019-3-1\n\n\
                Brooklyn is slow in the evenings.\n\n2019-1-30\n\n9:24am Power outage at the hub.\n\n\
                Change period starts: on 2019-01-28 at 10:00 EST (15:00 UTC)\n";
    let imported = import_markdown(text, NaiveDate::from_ymd_opt(2026, 11, 30).unwrap());
    assert_eq!(imported.doc.time_zone, chrono_tz::America::New_York);
    let rows: Vec<_> = imported
        .doc
        .timeline
        .iter()
        .map(|row| (row.time.map(|time| time.to_rfc3339()), row.notes.as_str()))
        .collect();
    assert_eq!(
        rows,
        [
            (Some("2019-01-30T14:24:00+00:00".to_owned()), ""),
            (None, "On 2019-03-01; no time was written."),
            (Some("2019-03-08T16:00:00+00:00".to_owned()), ""),
            (Some("2019-03-08T18:00:00+00:00".to_owned()), ""),
        ]
    );
}

#[test]
fn a_zone_alone_or_noted_beside_a_day_zones_the_times_below() {
    let at = |d, h, m| Some(Utc.with_ymd_and_hms(2018, 4, d, h, m, 0).unwrap());
    let times = |text: &str| -> Vec<_> {
        let imported = import_markdown(text, NaiveDate::from_ymd_opt(2026, 11, 30).unwrap());
        imported.doc.timeline.iter().map(|row| row.time).collect()
    };
    // eLife's timeline: the offset alone in brackets, 12-hour times without a day.
    assert_eq!(
        times(
            "# 2018-04-24 journal outage\n\n## Timeline\n\n(UTC+9:30)\n\n\
             6:54am - First alert\n\n9:20am - Investigation\n\n3:54pm - Journal down\n"
        ),
        [at(23, 21, 24), at(23, 23, 50), at(24, 6, 24)]
    );
    // Carbon's: the zone in bold beside the first day, the days on lines of their own.
    assert_eq!(
        times(
            "# Breaking change\n\n## Timeline\n\n2018-04-23 **(all times in UTC-5)**\n\n\
             - 09:00 reported\n\n2018-04-24\n\n- 06:27 reached out\n"
        ),
        [at(23, 14, 0), at(24, 11, 27)]
    );
}

#[test]
fn updates_that_end_with_their_stamp_are_rows_beside_a_timeline_of_their_own() {
    // A status site's notice: a summary timeline of its own, then the updates as they were
    // posted, each closed by its stamp in a shortcode.
    let text = "---\ntitle: Databases down\ndate: 2022-11-14 05:30:00\n---\n\n\
                ## Summary\n\n05:15: Systems were updated.\n\n06:30: Problems detected.\n\n\
                07:00: A fix applied.\n\n---\n\
                *Investigating* - Database servers fail. {{< track \"2022-11-14 06:52:00\" >}}\n\n\
                *Identified* - A fix is applied. {{< track \"2022-11-14 07:04:00\" >}}\n\n\
                *Resolved* - All systems operational {{< track \"2022-11-14 10:27:00\" >}}\n\n\
                The stats service failed from 14-Nov-2022 09:23 UTC.\n";
    let imported = import_markdown(text, NaiveDate::from_ymd_opt(2026, 11, 30).unwrap());
    let at = |h, m| Some(Utc.with_ymd_and_hms(2022, 11, 14, h, m, 0).unwrap());
    let rows = times_events_and_notes(&imported.doc);
    assert_eq!(
        rows[3..],
        [
            (
                at(6, 52),
                "Investigating - Database servers fail.",
                "{{< track \"2022-11-14 06:52:00\" >}}"
            ),
            (
                at(7, 4),
                "Identified - A fix is applied.",
                "{{< track \"2022-11-14 07:04:00\" >}}"
            ),
            (
                at(10, 27),
                "Resolved - All systems operational",
                "{{< track \"2022-11-14 10:27:00\" >}}"
            ),
        ]
    );
    assert_eq!(rows[0].0, at(5, 15));
    // A sentence that ends with the time it tells is no update: it stays in its section.
    assert_eq!(rows.len(), 6);
    assert!(
        imported
            .doc
            .narrative
            .summary
            .contains("The stats service failed")
            || imported
                .doc
                .narrative
                .custom_sections
                .iter()
                .any(|section| section.text.contains("The stats service failed"))
    );
}

#[test]
fn a_run_of_labelled_updates_is_a_timeline_with_or_without_their_times() {
    let text = "---\ntitle: Proton outage\ndate: 2021-11-10T23:59:00Z\n---\n\
                *Investigating* - We are investigating an issue.\n\n\
                *Update* We have isolated the issue.\n\n\
                We apologise for the inconvenience.\n\n\
                *Update* - (4:27 PM PST) Upstream carriers fail.\n\n\
                *Resolved* - All monitors are back to normal.\n";
    let imported = import_markdown(text, NaiveDate::from_ymd_opt(2026, 11, 30).unwrap());
    let rows = times_and_events(&imported.doc);
    assert_eq!(
        rows,
        [
            (None, "Investigating - We are investigating an issue."),
            (None, "Update We have isolated the issue."),
            (
                Some(Utc.with_ymd_and_hms(2021, 11, 11, 0, 27, 0).unwrap()),
                "Upstream carriers fail."
            ),
            (None, "Resolved - All monitors are back to normal."),
        ]
    );
    // A paragraph between the updates that is no update stays as written.
    assert!(
        imported
            .doc
            .narrative
            .summary
            .contains("We apologise for the inconvenience.")
    );
}

#[test]
fn a_status_log_goes_on_across_the_rules_between_its_days() {
    let text = "# Cloud status\n\n## Past incidents\n\n### April 25th, 2018\n\n\
                (8:15 UTC) Mail is restored.\n\n(7:28 UTC) Mail is degraded.\n\n* * *\n\n\
                ### April 20th, 2018\n\n(3:00 UTC) The service is blocked.\n\n* * *\n\n\
                ### March 14th, 2018\n\n**Resolved** - *March 14, 2PM*: All clear.\n";
    let imported = import_markdown(text, NaiveDate::from_ymd_opt(2026, 11, 30).unwrap());
    let mut times: Vec<_> = imported.doc.timeline.iter().map(|row| row.time).collect();
    times.sort();
    let at = |m, d, h, min| Some(Utc.with_ymd_and_hms(2018, m, d, h, min, 0).unwrap());
    assert_eq!(
        times,
        [
            at(3, 14, 14, 0),
            at(4, 20, 3, 0),
            at(4, 25, 7, 28),
            at(4, 25, 8, 15)
        ]
    );
}

#[test]
fn what_a_closing_list_says_must_be_done_is_work_to_come() {
    let actions = |text: &str| -> Vec<String> {
        import_markdown(text, NaiveDate::from_ymd_opt(2026, 11, 30).unwrap())
            .doc
            .action_items
            .iter()
            .map(|item| item.action.clone())
            .collect()
    };
    // Under a label that closes the story, and under such a heading.
    let labelled = "# Backend dropped measurements\n\nThe backend went down.\n\nConclusions:\n\n\
                    - Services should be designed to restart gracefully\n\
                    - The outage lasted two days\n";
    assert_eq!(
        actions(labelled),
        ["Services should be designed to restart gracefully"]
    );
    let headed = "# Week of outages\n\nThe servers went down.\n\n## Moving forward\n\n\
                  - We will move the score servers behind a proxy\n- It was a hard week\n";
    assert_eq!(
        actions(headed),
        ["We will move the score servers behind a proxy"]
    );
    // A list under the story's own heading is no work.
    let story = "# Outage\n\n## What happened\n\n- Services should have restarted\n\
                 - We will never forget it\n";
    assert!(actions(story).is_empty());
}

#[test]
fn a_status_sites_resolved_when_is_the_resolved_key_time() {
    let text = "---\ntitle: Databases down\ndate: 2022-11-14 05:30:00\nresolved: true\n\
                resolvedWhen: 2022-11-14 09:30:00\n---\n\nThe databases were down.\n";
    let imported = import_markdown(text, NaiveDate::from_ymd_opt(2026, 11, 30).unwrap());
    assert_eq!(
        imported.doc.key_times.resolved,
        Some(Utc.with_ymd_and_hms(2022, 11, 14, 9, 30, 0).unwrap())
    );
    // Beside it, the file's `date` is when the incident began.
    assert_eq!(
        imported.doc.key_times.started,
        Some(Utc.with_ymd_and_hms(2022, 11, 14, 5, 30, 0).unwrap())
    );
    // A blog post's `date` alone is when it was published, no key time.
    let post = "---\ntitle: Databases down\ndate: 2022-11-15 10:00:00\n---\n\nThey were down.\n";
    let imported = import_markdown(post, NaiveDate::from_ymd_opt(2026, 11, 30).unwrap());
    assert_eq!(imported.doc.key_times.started, None);
}

#[test]
fn a_dated_entry_without_a_time_of_its_own_is_at_the_time_its_text_tells() {
    // A month's round-up: the day opens each entry, the time is told in its text (written
    // on the 24-hour clock with a needless `pm`); an entry that tells no time stays untimed.
    let text = "# August outages\n\nAll times are UTC.\n\n## Timeline\n\n\
                - 3 August 2026 — general outage. Severe errors began around 20:50pm.\n\
                - 13 August 2026 — a five minute incident started at 07:01am.\n\
                - 20 August 2026 — conntrack tables were exhausted.\n\
                - 21 August 2026 — backups that run daily at 03:00 failed.\n";
    let imported = import_markdown(text, NaiveDate::from_ymd_opt(2026, 11, 30).unwrap());
    let times = row_times(&imported.doc);
    assert_eq!(
        times,
        [
            Some(Utc.with_ymd_and_hms(2026, 8, 3, 20, 50, 0).unwrap()),
            Some(Utc.with_ymd_and_hms(2026, 8, 13, 7, 1, 0).unwrap()),
            None,
            None,
        ]
    );
    // The entry is kept as written, its day with it.
    assert!(
        imported.doc.timeline[0]
            .event
            .starts_with("3 August 2026 — general outage.")
    );
}

#[test]
fn a_table_whose_first_column_dates_its_rows_is_a_timeline_under_any_header() {
    let text = "# August outages\n\nAll times are UTC.\n\n## Timeline\n\n\
                | Incident | Brief |\n|---|---|\n\
                | [3 August 2026 — outage](https://status.example/994569) | Errors began \
                around 20:50. |\n\
                | 13 August 2026 — timeout | It started at 07:01 after a probe failed. |\n";
    let imported = import_markdown(text, NaiveDate::from_ymd_opt(2026, 11, 30).unwrap());
    let rows = times_and_events(&imported.doc);
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert_eq!(
        rows[0].0,
        Some(Utc.with_ymd_and_hms(2026, 8, 3, 20, 50, 0).unwrap())
    );
    assert!(
        rows[0].1.contains("https://status.example/994569"),
        "{}",
        rows[0].1
    );
    assert_eq!(
        rows[1].0,
        Some(Utc.with_ymd_and_hms(2026, 8, 13, 7, 1, 0).unwrap())
    );
    // The header's words are kept, though they name no column the rows need.
    assert!(
        imported
            .doc
            .narrative
            .custom_sections
            .iter()
            .any(|section| section.text.contains("| Incident | Brief |"))
    );
}

#[test]
fn a_french_story_keeps_its_weekdays_its_nights_and_the_offset_it_names() {
    // Times written `16h51`, the day before named by its weekday, a night that runs past
    // midnight without saying so, and the zone named once, as an offset.
    let text = "---\ntitle: Retour sur la panne\ndate: 2012-11-06\n---\n\n\
                Le dimanche 21 octobre, le serveur a été indisponible de 1h02 à 10h17 \
                (UTC+2).\n\n\
                ## Ce qui s'est passé\n\n\
                Samedi, à 16h51, le serveur a été retrouvé freezé.\n\n\
                À 22h01, le problème s'est manifesté à nouveau.\n\n\
                À 1h02, le serveur est mis hors service. Il tourne 24h/24.\n";
    let imported = import_markdown(text, NaiveDate::from_ymd_opt(2026, 11, 30).unwrap());
    let times = row_times(&imported.doc);
    let utc = |d, h, m| Some(Utc.with_ymd_and_hms(2012, 10, d, h, m, 0).unwrap());
    assert_eq!(
        times,
        [
            utc(20, 23, 2),
            utc(21, 8, 17),
            utc(20, 14, 51),
            utc(20, 20, 1),
            utc(20, 23, 2)
        ]
    );
}

#[test]
fn a_log_dated_by_headings_in_chinese_is_read_in_the_zone_its_stamped_times_name() {
    // Headings that are days (`2024年4月13日晚上`), stories that tell their times without a
    // space before them (`大约22:40开始504`) or by the character for the hour (`最晚12时开始`),
    // and one time stamped with its offset: the bare times are in that offset too.
    let text = "# 爆炸记录\n\n## 2024年4月13日晚上\n\n大约22:40开始504，重启无效。\n\n\
                ## 2024年3月5日上午\n\n又 Gateway Timeout 了。\n\n\
                ## 2024年2月7日中午\n\n最晚12时开始，通知空白。13:26重启完就好了。\n\n\
                ## 2024年1月2日上午\n\n2024-01-02T06:58:38+08:00 Traefik 重启卡住。\n";
    let imported = import_markdown(text, NaiveDate::from_ymd_opt(2026, 11, 30).unwrap());
    let times = row_times(&imported.doc);
    assert_eq!(
        times,
        [
            Some(Utc.with_ymd_and_hms(2024, 4, 13, 14, 40, 0).unwrap()),
            None,
            Some(Utc.with_ymd_and_hms(2024, 2, 7, 4, 0, 0).unwrap()),
            Some(Utc.with_ymd_and_hms(2024, 1, 1, 22, 58, 38).unwrap()),
        ]
    );
    assert_eq!(imported.doc.time_zone, chrono_tz::Asia::Shanghai);
    // The update without a time keeps its own heading's day, not the one timed above it.
    assert_eq!(
        imported.doc.timeline[1].notes,
        "On 2024-03-05; no time was written."
    );
}

#[test]
fn days_in_a_row_over_lists_without_times_are_a_log_kept_by_the_day() {
    let text = "# Server outage\n\nThe server went offline.\n\n## Updates\n\n### 21 December 2016\n\n\
                * A new host offered to sponsor us\n* Restored the web site\n\n\
                ### 22 December 2016\n\n* Restored the wiki\n";
    let doc = import_markdown(text, NaiveDate::from_ymd_opt(2026, 12, 7).unwrap()).doc;
    let rows = super::tests::events_and_notes(&doc);
    assert_eq!(
        rows,
        [
            (
                "A new host offered to sponsor us",
                "On 2016-12-21; no time was written."
            ),
            (
                "Restored the web site",
                "On 2016-12-21; no time was written."
            ),
            ("Restored the wiki", "On 2016-12-22; no time was written."),
        ]
    );
}

#[test]
fn a_table_copied_flat_is_read_by_its_rows_and_a_weekday_is_the_nearest_such_day() {
    // The rows keep the bar that closed their last cell; the story's opening line names the
    // Monday, and the timeline starts on the Sunday before it.
    let text = "Incident Report: Storage Outage at Example\n\
        On Monday, August 23rd 2021 at around 04:00 UTC, Example suffered an outage.\n\
        First: the timeline so far \u{2014} all times are approximate;\n\
        Sunday, 16:00 UTC | Hypervisors start reporting iSCSI interruptions. |\n\
        Monday, 04:00 UTC | The storage appliance gives up. |\n\
        Monday, 07:00 UTC | First senior personnel makes it on site. |\n\
        Monday, 08:00 UTC | The vendor is contacted for additional support |\n\
        Monday, 13:00 UTC | A safe course of action is plotted. |\n\
        Monday, 17:00 UTC | Recovery done. |\n\
        Monday, 18:00 UTC | Access to all systems is opened for users. |\n\
        Tuesday, 06:30 UTC | The vendor confirms the root cause. |\n";
    let imported = import_markdown(text, NaiveDate::from_ymd_opt(2026, 12, 7).unwrap());
    assert_eq!(
        imported.doc.title,
        "Incident Report: Storage Outage at Example"
    );
    let at = |d, h, m| Some(Utc.with_ymd_and_hms(2021, 8, d, h, m, 0).unwrap());
    let rows = times_and_events(&imported.doc);
    let table_rows: Vec<_> = rows.iter().skip(1).copied().collect();
    assert_eq!(
        table_rows,
        [
            (
                at(22, 16, 0),
                "Hypervisors start reporting iSCSI interruptions."
            ),
            (at(23, 4, 0), "The storage appliance gives up."),
            (at(23, 7, 0), "First senior personnel makes it on site."),
            (
                at(23, 8, 0),
                "The vendor is contacted for additional support"
            ),
            (at(23, 13, 0), "A safe course of action is plotted."),
            (at(23, 17, 0), "Recovery done."),
            (at(23, 18, 0), "Access to all systems is opened for users."),
            (at(24, 6, 30), "The vendor confirms the root cause."),
        ]
    );
}

#[test]
fn entries_wrapped_under_a_hanging_indent_stay_whole_under_their_day() {
    // A Japanese notice's preformatted timeline: each day on its own line, each entry's
    // time first, its text wrapped onto lines indented deeper.
    let text = "<経緯>\n\n5月27日\n 6:16   ファイルが改ざんされ、\n      ウイルス感染\n \
                13:20    解析を依頼。\n      感染を確認。\n\n5月28日\n 9:30   検出できることを確認\n \
                21:00   ログの解析を完了。\n";
    let imported = import_markdown(text, NaiveDate::from_ymd_opt(2014, 12, 1).unwrap());
    assert_eq!(imported.doc.time_zone, chrono_tz::Asia::Tokyo);
    let at = |d, h, m| {
        Some(
            chrono_tz::Asia::Tokyo
                .with_ymd_and_hms(2014, 5, d, h, m, 0)
                .unwrap()
                .with_timezone(&Utc),
        )
    };
    assert_eq!(
        times_and_events(&imported.doc),
        [
            (at(27, 6, 16), "ファイルが改ざんされ、 ウイルス感染"),
            (at(27, 13, 20), "解析を依頼。 感染を確認。"),
            (at(28, 9, 30), "検出できることを確認"),
            (at(28, 21, 0), "ログの解析を完了。"),
        ]
    );
}

#[test]
fn weekdays_over_nested_times_are_the_days_nearest_the_incidents_in_the_titles_month() {
    // The title names the month; the front matter tells the day without its year; a
    // progress note dated a month later is not the incident's day.
    let text = "---\ndescription: Ce qui s'est passé le 14 mars.\n---\n\n\
                # Panne de mars 2024\n\n## Chronologie\n\n\
                * Jeudi\n  * À partir de 9:05: le site répond lentement\n  \
                * 9:40: redémarrage des instances\n\
                * Vendredi\n  * 8:15: augmentation de la mémoire\n  \
                * Tout au long de la journée, quelques erreurs\n\
                * Lundi\n  * 11:00: déploiement du correctif\n\n\
                ## Point d'étape au 15 avril 2024\n\nTout va bien.\n";
    let imported = import_markdown(text, NaiveDate::from_ymd_opt(2026, 12, 8).unwrap());
    let zone = imported.doc.time_zone;
    let at = |d, h, m| {
        Some(
            zone.with_ymd_and_hms(2024, 3, d, h, m, 0)
                .unwrap()
                .with_timezone(&Utc),
        )
    };
    // 14 March 2024 is a Thursday; the Monday after the Friday is the 18th.
    assert_eq!(
        row_times(&imported.doc),
        [at(14, 9, 5), at(14, 9, 40), at(15, 8, 15), at(18, 11, 0)]
    );
}
