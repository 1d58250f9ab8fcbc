//! What a reading assumed, for the report: the zone and where it came from, the day,
//! the order of the source and of numeric dates, and the blocks the rows came from.

use super::Importer;
use super::blocks::Block;
use super::reading::{self, Assumed, DayFrom, Taken};
use super::timeline;
use super::told_region;
use crate::model::{DayOrder, zone_of_language};

impl Importer<'_> {
    /// What the reading assumed, for the report.
    pub(super) fn assumed(
        &self,
        blocks: &[Block],
        day_from: DayFrom,
        found: timeline::Found,
    ) -> Assumed {
        let rows_in = |(first, last): (usize, usize)| {
            self.report.iter().any(|placement| {
                placement.lines.0 >= first
                    && placement.lines.1 <= last
                    && placement.place.starts_with("timeline row")
            })
        };
        let reading = &self.choices.reading;
        // No time of the timeline names a zone, and no line does: a zone a key-time field
        // names (`Incident resolved at: 12:11 PM EST`) is where the writers are.
        // Whether the timeline has times and no line names a zone for them: then the zones
        // the file gives away otherwise are tried, in turn.
        let unnamed = !found.named_a_zone
            && found.zone_line.is_none()
            && self.doc.timeline.iter().any(|row| row.time.is_some());
        let key_time_zone = self.context.key_times_zone.filter(|_| unnamed);
        // Else a region the file's sentences name beside their times (`at 10:27am Eastern`).
        // The front matter's stamp (`date: 2021-01-29 18:54:16 +0000`) dates the page.
        let prose: Vec<&str> = self
            .shown_lines
            .iter()
            .enumerate()
            .map(|(index, line)| match self.front_matter_lines {
                Some((first, last)) if (first..=last).contains(&(index + 1)) => "",
                _ => *line,
            })
            .collect();
        let unnamed = unnamed && key_time_zone.is_none();
        let prose_zone = told_region::region_told(&prose).filter(|_| unnamed);
        // Else the offset of the front matter's stamp (`date: 2020-05-26 23:00:00 +0800`),
        // as a zone of whole hours: where the page was written. `+0000` is a generator's
        // default as often as a place, and says nothing.
        let unnamed = unnamed && prose_zone.is_none();
        let front_matter_zone = self
            .context
            .published_offset
            .filter(|_| unnamed)
            .and_then(crate::model::zone_of_whole_hours);
        // Else the zone of the page's language, when it is used in a single zone (a page in
        // German, in Japanese).
        let language_zone = (unnamed && front_matter_zone.is_none())
            .then(|| zone_of_language(&prose.join("\n")))
            .flatten();
        let named_times_zone = self.language_zone_of_named_times(&found, &prose);
        let winter_region = self.winter_region_of_named_times(&found);
        let day_order_from = match (reading.day_order, self.day_order) {
            (Some(_), _) => "as you chose",
            (None, Some(_)) if DayOrder::proved_by(self.source_lines.iter().copied()).is_some() => {
                "proved by the file's other dates"
            }
            (None, Some(_)) => "suggested by how the file writes its other dates",
            (None, None) => "usual in the zone",
        };
        Assumed {
            zone: Taken {
                value: self.doc.time_zone,
                chosen: reading.zone.is_some(),
            },
            zone_line: found.zone_line,
            times_zone: found
                .times_zone
                .region()
                .or(winter_region)
                .or(named_times_zone.map(|(zone, _)| zone))
                .or(key_time_zone.map(|(zone, _)| zone))
                .or(prose_zone.map(|(zone, _)| zone))
                .or(front_matter_zone)
                .or(language_zone.map(|(zone, _)| zone)),
            zone_from_times: false,
            zone_from_key_time: key_time_zone.map(|(_, line)| line),
            zone_from_prose: prose_zone.map(|(_, line)| line),
            zone_from_front_matter: self.context.published_offset.filter(|_| {
                found.times_zone.region().is_none()
                    && key_time_zone.is_none()
                    && prose_zone.is_none()
                    && front_matter_zone.is_some()
            }),
            zone_from_language: language_zone
                .filter(|_| found.times_zone.region().is_none() && named_times_zone.is_none())
                .map(|(_, language)| language),
            zone_from_named_times: named_times_zone.map(|(_, language)| language),
            day: self
                .context
                .date
                .or_else(|| {
                    self.doc
                        .key_times
                        .started
                        .map(|started| self.doc.local_day(started))
                })
                .unwrap_or(self.today),
            day_from,
            newest_first: Taken {
                value: found.newest_first,
                chosen: reading.newest_first.is_some(),
            },
            day_order: found
                .day_order
                .or(self.day_order)
                .unwrap_or(DayOrder::usual_in(self.doc.time_zone)),
            day_order_from,
            numeric_dates: found.numeric_dates
                || DayOrder::matters_in(self.source_lines.iter().copied()),
            timeline_from: blocks
                .iter()
                .map(|block| block.lines)
                .filter(|lines| rows_in(*lines))
                .collect(),
            candidates: reading::candidates(blocks, rows_in),
            html_as_markdown: self.html_as_markdown,
        }
    }

    /// The zone of the page's language, when some times of the timeline name a zone, all
    /// with its offset, and no line names one: the bare times are in it too
    /// (`2024-01-02T06:58:38+08:00` among bare times, in Chinese).
    fn language_zone_of_named_times(
        &self,
        found: &timeline::Found,
        prose: &[&str],
    ) -> Option<(chrono_tz::Tz, &'static str)> {
        use chrono::{Offset, TimeZone};
        let named = found
            .named_zone
            .region()
            .filter(|_| found.zone_line.is_none() && found.times_zone.region().is_none())?;
        let (language, name) = zone_of_language(&prose.join("\n"))?;
        let day = self.context.date.unwrap_or(self.today);
        let offset = |zone: chrono_tz::Tz| zone.offset_from_utc_date(&day).fix();
        (offset(named) == offset(language)).then_some((language, name))
    }

    /// The region of the times the timeline's rows name, when all name one standard time
    /// that was its region's clock at each of them (`CET` in November) and no line names a
    /// zone: the document is there, as it would be for `CEST` in summer.
    fn winter_region_of_named_times(&self, found: &timeline::Found) -> Option<chrono_tz::Tz> {
        use chrono::{Offset, TimeZone};
        let named = found
            .named_zone
            .region()
            .filter(|_| found.zone_line.is_none() && found.times_zone.region().is_none())?;
        let instants: Vec<chrono::DateTime<chrono::Utc>> = self
            .doc
            .timeline
            .iter()
            .filter_map(|row| row.time)
            .collect();
        let offset = named
            .offset_from_utc_datetime(&instants.first()?.naive_utc())
            .fix();
        crate::model::region_in_its_winter(offset, &instants)
    }
}
