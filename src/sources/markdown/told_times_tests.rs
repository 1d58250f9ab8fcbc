//! Tests of the times a story tells in its sentences.

use super::*;
use chrono::NaiveTime;

fn told(text: &str) -> Vec<(String, Option<WrittenDay>, String)> {
    told_times(text)
        .into_iter()
        .map(|told| {
            (
                told.clock.time.format("%H:%M").to_string(),
                told.clock.date,
                told.event,
            )
        })
        .collect()
}

fn date(month: u32, day: u32, year: Option<i32>) -> WrittenDay {
    WrittenDay::Date(crate::model::PastedDate { year, month, day })
}

#[test]
fn a_range_is_one_moment_and_a_sentence_before_dates_the_times_after_it() {
    let rows = told(
        "On Monday, 20th July, the servers were not available. Players were affected \
         from 11:22 UTC \u{2013} 13:40 UTC. The stats failed from Sunday 19-Jul-2015 \
         09:23 UTC \u{2013} 20-Jul-2015 10:39 UTC. Between 10:15am and 12:35pm the \
         storage was down, and at 14:00 it was back.",
    );
    let times: Vec<&str> = rows.iter().map(|(time, _, _)| time.as_str()).collect();
    assert_eq!(times, ["11:22", "09:23", "10:15", "14:00"]);
    assert_eq!(rows[0].1, Some(date(7, 20, None)));
    assert_eq!(rows[1].1, Some(date(7, 19, Some(2015))));
}

#[test]
fn a_day_written_right_after_a_time_is_that_times_not_the_next_ones() {
    let rows = told(
        "The service was down between around 22:40 on 07/07/2020 and 19:10 on \
         08/07/2020 (UTC) due to a fault at our provider.",
    );
    let days: Vec<Option<WrittenDay>> = rows.iter().map(|(_, day, _)| *day).collect();
    let numeric = |first, second| WrittenDay::Numeric {
        first,
        second,
        year: Some(2020),
    };
    assert_eq!(days, [Some(numeric(7, 7)), Some(numeric(8, 7))]);
}

#[test]
fn yesterday_and_this_morning_count_from_the_day_the_page_was_written() {
    let written_on = chrono::NaiveDate::from_ymd_opt(2013, 1, 31);
    let days = |text: &str| -> Vec<(String, Option<WrittenDay>)> {
        told_times_after(text, &mut StoryDay::default(), written_on)
            .into_iter()
            .map(|told| (told.clock.time.format("%H:%M").to_string(), told.clock.date))
            .collect()
    };
    let (before, on) = (Some(date(1, 30, Some(2013))), Some(date(1, 31, Some(2013))));
    assert_eq!(
        days(
            "Yesterday a flaw was found. We had a suspicion around 16:20 UTC. Deploys \
             stopped as of 18:50 UTC last night. Only this morning, as of 08:33 UTC, \
             did they work. We turned builds up today at around 14:00 UTC."
        ),
        [
            ("16:20".to_owned(), before),
            ("18:50".to_owned(), before),
            ("08:33".to_owned(), on),
            ("14:00".to_owned(), on),
        ]
    );
    // `Today` in a sentence of its own speaks of the present, and a day written out
    // wins over one counted.
    assert_eq!(
        days("Today, our platform serves many. It broke at 14:03 UTC on January 2nd.")[0].1,
        Some(date(1, 2, None))
    );
    assert_eq!(
        days("Today, our platform serves many. It broke at 14:03 UTC.")[0].1,
        None
    );
    // Without the day the page was written, nothing is counted.
    assert_eq!(told("Yesterday it broke. It was 16:20 UTC.")[0].1, None);
}

#[test]
fn other_languages_count_their_days_and_hours_from_the_page_too() {
    let written_on = chrono::NaiveDate::from_ymd_opt(2012, 10, 29);
    let days = |text: &str| -> Vec<(String, Option<WrittenDay>)> {
        told_times_after(text, &mut StoryDay::default(), written_on)
            .into_iter()
            .map(|told| (told.clock.time.format("%H:%M").to_string(), told.clock.date))
            .collect()
    };
    let (before, on) = (
        Some(date(10, 28, Some(2012))),
        Some(date(10, 29, Some(2012))),
    );
    // An hour and its `h` with no minutes is a time after a word that says so.
    assert_eq!(
        days("Hier soir vers 22h le disque est tombé. Aujourd'hui à 13h, tout est revenu."),
        [("22:00".to_owned(), before), ("13:00".to_owned(), on)]
    );
    assert_eq!(
        days("Gestern um 17 Uhr fiel der Server aus. Heute um 09:10 lief er wieder."),
        [("17:00".to_owned(), before), ("09:10".to_owned(), on)]
    );
    // A span is no time: `pendant 24h`, `il y a 2h`, and `hier` alone (German's `here`).
    assert!(days("Le service a été coupé pendant 2h, il y a 3h.").is_empty());
    assert_eq!(days("Hier ist der Server um 10:00 ausgefallen.")[0].1, None);
}

#[test]
fn the_next_day_told_in_words_follows_the_day_before() {
    let rows = told(
        "On June 20th, 2020 we were paged at 22:50 UTC. I woke up around 05:30 UTC the \
         next morning and checked the queue. The following day, at 09:10 UTC, the last \
         job ran, and at 10:00 UTC we closed the incident. Over the next 24 hours at \
         11:00 UTC nothing broke.",
    );
    let days: Vec<Option<WrittenDay>> = rows.iter().map(|(_, day, _)| *day).collect();
    assert_eq!(
        days,
        [
            Some(date(6, 20, Some(2020))),
            Some(date(6, 21, Some(2020))),
            Some(date(6, 22, Some(2020))),
            Some(date(6, 22, Some(2020))),
            Some(date(6, 22, Some(2020))),
        ]
    );
    assert_eq!(
        rows[1].2,
        "I woke up around 05:30 UTC the next morning and checked the queue."
    );
}

#[test]
fn a_day_right_after_a_time_is_nearer_than_one_before_it() {
    let rows = told(
        "Much of the following day (June 20th, 2020) was spent on a script, and by 08:35 \
         UTC on June 21st the rooms were purged. By 01:30 UTC June 23rd, 2020 all was back.",
    );
    let days: Vec<Option<WrittenDay>> = rows.iter().map(|(_, day, _)| *day).collect();
    assert_eq!(
        days,
        [Some(date(6, 21, None)), Some(date(6, 23, Some(2020)))]
    );
}

#[test]
fn a_zone_after_a_m_is_part_of_the_time_and_no_sentence_starts_there() {
    let told = told_times("On March 29th, at around 10:00 a.m. EST, an SRE noticed it.");
    assert_eq!(told.len(), 1);
    assert!(told[0].clock.zone.is_some());
    assert!(told[0].event.ends_with("an SRE noticed it."));
    // After a.m., a capital that is no zone begins the next sentence.
    assert_eq!(
        sentences("It began at 10 a.m. The team was paged."),
        ["It began at 10 a.m.", "The team was paged."]
    );
}

#[test]
fn a_day_written_with_its_ordinal_dot_ends_no_sentence() {
    // German and the Nordic languages write `15. April`.
    assert_eq!(
        sentences(
            "Am Montag, den 15. April, fiel der Server zwischen 20:00 und 23:00 Uhr aus. Dann lief er."
        ),
        [
            "Am Montag, den 15. April, fiel der Server zwischen 20:00 und 23:00 Uhr aus.",
            "Dann lief er."
        ]
    );
    // Another number before a full stop still ends its sentence.
    assert_eq!(
        sentences("We restarted 15. Then it ran."),
        ["We restarted 15.", "Then it ran."]
    );
}

#[test]
fn a_stamp_in_quotes_keeps_its_day() {
    let told = told_times("Full service restored. {{< track \"2018-11-27 03:54:00\" >}}");
    assert_eq!(told.len(), 1);
    assert_eq!(told[0].clock.date, Some(date(11, 27, Some(2018))));
    let told = told_times("Seit dem 25.07.2019 gegen 17 Uhr liegt eine Störung vor.");
    assert_eq!(told.len(), 1);
    assert_eq!(told[0].clock.date, Some(date(7, 25, Some(2019))));
    assert!(told[0].clock.approximate);
}

#[test]
fn each_time_a_story_tells_goes_with_its_part_of_the_sentence() {
    assert_eq!(
        told(
            "On March 3rd the queue slowed near 09:10 UTC and stalled by 09:40 UTC. \
             We were paged at 10:02 UTC."
        ),
        [
            (
                "09:10".to_owned(),
                Some(date(3, 3, None)),
                "On March 3rd the queue slowed near 09:10 UTC".to_owned()
            ),
            (
                "09:40".to_owned(),
                Some(date(3, 3, None)),
                "stalled by 09:40 UTC.".to_owned()
            ),
            (
                "10:02".to_owned(),
                Some(date(3, 3, None)),
                "We were paged at 10:02 UTC.".to_owned()
            ),
        ]
    );
}

#[test]
fn a_time_takes_the_day_written_before_it_in_its_own_part() {
    let rows = told(
        "The site went down on Monday, 4 May 2020 at 11:15pm to move hosts and \
         stayed down until Tuesday, May 5th, at 2:40am.",
    );
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0].0, "23:15");
    assert_eq!(rows[0].1, Some(date(5, 4, Some(2020))));
    assert_eq!(
        rows[0].2,
        "The site went down on Monday, 4 May 2020 at 11:15pm to move hosts"
    );
    assert_eq!(rows[1].0, "02:40");
    assert_eq!(rows[1].1, Some(date(5, 5, None)));
    assert_eq!(rows[1].2, "stayed down until Tuesday, May 5th, at 2:40am.");
}

#[test]
fn schedules_counts_and_years_are_not_moments() {
    assert!(told("Backups run daily at 03:00 UTC.").is_empty());
    assert!(told("The job runs at 03:00 UTC every night.").is_empty());
    assert!(told("Each Monday at 09:00 the reports are mailed.").is_empty());
    // `every` that counts no time is no schedule.
    assert_eq!(
        told("At 09:12 UTC, builds failed on every runner.").len(),
        1
    );
    // A schedule's word elsewhere in the sentence says nothing of its time; the day
    // after the time is its day.
    assert_eq!(
        told(
            "At around 4:40pm GMT on December 30 (Friday), we learned about a malicious \
             package uploaded with the same name as the one we ship on the nightly index."
        )
        .iter()
        .map(|(time, day, _)| (time.as_str(), *day))
        .collect::<Vec<_>>(),
        [("16:40", Some(date(12, 30, None)))]
    );
    assert!(told("In 2019 we had 2 nodes and 40 disks.").is_empty());
    // A range is one moment, its start, with the sentence that tells both.
    let rows = told("From 4:02 PM UTC to 6:10 PM UTC the API was slow.");
    assert_eq!(rows.len(), 1);
    assert_eq!(
        rows[0].2,
        "From 4:02 PM UTC to 6:10 PM UTC the API was slow."
    );
    // Two times with no break between them: each row holds the whole sentence.
    let rows = told("The API was slow at 4:02 PM UTC, 6:10 PM UTC the same.");
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0].2, rows[1].2);
    assert_eq!(
        told_times("It broke at 14:03.")[0].clock.time,
        NaiveTime::from_hms_opt(14, 3, 0).unwrap()
    );
}

#[test]
fn a_chinese_story_tells_a_time_at_each_clause_and_each_hour() {
    // Clauses joined by a semicolon or a comma with no space, sentences ended by `。`, and
    // hours written with `点` apart from their number.
    let rows = told(
        "14:07 团队收到监控系统报警,定位到原因是节点机器下线;14:15 联系硬件团队尝试重新上线;\
         15:00 确认无法直接操作上线。15:10 开始新建存储系统,此过程历时较长,19 点完成数据恢复;\
         21 点存储系统通过完整性校验,最终在 22 点恢复全部服务。",
    );
    let times: Vec<&str> = rows.iter().map(|(time, _, _)| time.as_str()).collect();
    assert_eq!(
        times,
        [
            "14:07", "14:15", "15:00", "15:10", "19:00", "21:00", "22:00"
        ]
    );
    assert_eq!(rows[1].2, "14:15 联系硬件团队尝试重新上线");
    assert_eq!(rows[3].2, "15:10 开始新建存储系统,此过程历时较长");
    assert_eq!(rows[4].2, "19 点完成数据恢复");
}

#[test]
fn a_zone_written_once_after_a_range_is_its_starts_too() {
    let zones: Vec<Option<crate::model::PasteZone>> =
        told_times("Payments were down between 6:15 PM and 6:18 PM (CET) for everyone.")
            .into_iter()
            .map(|told| told.clock.zone)
            .collect();
    let cet = chrono::FixedOffset::east_opt(3600).map(crate::model::PasteZone::Offset);
    assert_eq!(zones, [cet]);
    // A start that names its own zone keeps it.
    let zones: Vec<Option<crate::model::PasteZone>> =
        told_times("It lasted from 14:03 UTC to 15:10 CET.")
            .into_iter()
            .map(|told| told.clock.zone)
            .collect();
    assert_eq!(zones, [Some(crate::model::PasteZone::Utc)]);
}

#[test]
fn four_digits_with_their_zone_are_a_time_and_the_same_moment_restated_is_one() {
    let times: Vec<String> =
        told("At 1505 EST, 2005 UTC, a UPS failed. It took 1500 users offline.")
            .into_iter()
            .map(|(time, _, _)| time)
            .collect();
    assert_eq!(times, ["15:05"]);
    let times: Vec<String> = told("We paged at 14:05 UTC, then again at 14:20 UTC.")
        .into_iter()
        .map(|(time, _, _)| time)
        .collect();
    assert_eq!(times, ["14:05", "14:20"], "two moments told apart stay two");
    // Restated in two more zones, still one moment.
    let times: Vec<String> =
        told("On 2023-10-06 at 09:00 CEST (03:00 AM EDT, 00:00 PDT) we moved the disks.")
            .into_iter()
            .map(|(time, _, _)| time)
            .collect();
    assert_eq!(times, ["09:00"]);
}

#[test]
fn times_told_below_a_posts_stamp_and_later_than_it_were_the_night_before() {
    let paragraphs = [
        ((1, 1), "Post by Laanders » Feb 17th 2017 10:55".to_owned()),
        (
            (3, 3),
            "All services became unavailable at 22:36 CET. The portal came up at around \
             02:50, and the rest around 08:40."
                .to_owned(),
        ),
    ];
    let days: Vec<(Option<WrittenDay>, String)> = told_rows(&paragraphs, None, None)
        .into_iter()
        .map(|(_, row)| {
            let clock = row.clock.unwrap();
            (clock.date, clock.time.format("%H:%M").to_string())
        })
        .collect();
    let on = |day| Some(date(2, day, Some(2017)));
    assert_eq!(
        days,
        [
            (on(17), "10:55".to_owned()),
            (on(16), "22:36".to_owned()),
            (on(17), "02:50".to_owned()),
            (on(17), "08:40".to_owned()),
        ]
    );
    // Told in a story's paragraph rather than under a post's stamp, a later time is the
    // same day's.
    let story = [
        ((1, 1), "On Feb 17th 2017 at 10:55 we paged.".to_owned()),
        ((3, 3), "At 22:36 it failed again.".to_owned()),
    ];
    let last = told_rows(&story, None, None)
        .pop()
        .unwrap()
        .1
        .clock
        .unwrap();
    assert_eq!(last.date, on(17));
}

#[test]
fn a_sentence_of_a_script_without_capitals_ends_at_its_full_stop() {
    // Korean: the notice's day, then the story's own day and times.
    let rows = told(
        "'22.12.6(화) 조사 결과를 발표하고 계획을 밝혔다. 주요 경과 □ '22.10.15(토) 15:19, \
         화재가 발생하여 23시 45분에 완전 진화되었다. 10.19일 05시경 전력공급을 \
         정상화하였다. 20일 23시경 정상화되었다.",
    );
    let days: Vec<(&str, Option<WrittenDay>)> = rows
        .iter()
        .map(|(time, day, _)| (time.as_str(), *day))
        .collect();
    assert_eq!(
        days,
        [
            ("15:19", Some(date(10, 15, Some(2022)))),
            ("23:45", Some(date(10, 15, Some(2022)))),
            // The year is the story's, given where the page's day is known.
            ("05:00", Some(date(10, 19, None))),
            ("23:00", Some(date(10, 20, None))),
        ]
    );
}
