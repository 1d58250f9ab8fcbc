//! The picture of the incident for the HTML page, as inline SVG: the impact window as a band,
//! each timed row as a tick (starred and marked rows taller and coloured), the key times as
//! labelled lines with the intervals between them, and the first and last time at the ends.
//! It is the editor's strip above the timeline, drawn for paper and mail: no script, no
//! outside file, and every text in it escaped.

use std::fmt::Write as _;

use chrono::{DateTime, Utc};
use pulldown_cmark_escape::escape_html;

use crate::model::{KeyTime, Marker, Postmortem, format_interval, incident_span};

/// The drawing's own coordinates; the page scales it to the width of the text.
const WIDTH: f64 = 1000.0;
const HEIGHT: f64 = 110.0;
/// Room at the left and right so that ticks at the very ends stay whole.
const SIDE: f64 = 14.0;
const AXIS_Y: f64 = 64.0;
/// How wide a character of the 11-unit labels is, about: enough to keep labels apart.
const CHAR_WIDTH: f64 = 6.2;

/// Colours that read on white paper and in grey print.
const TEXT: &str = "#1f2328";
const MUTED: &str = "#59636e";
const BAND: &str = "#f8d7d5";
const NOTABLE: &str = "#0969da";
const WARN: &str = "#9a6700";
const MITIGATED: &str = "#1a7f37";

/// The picture of `doc`, or `None` when nothing in it has a time yet.
#[must_use]
pub fn incident_picture_svg(doc: &Postmortem) -> Option<String> {
    let (start, end) = incident_span(doc)?;
    #[expect(
        clippy::cast_precision_loss,
        reason = "an incident's seconds are far below where f64 loses whole seconds"
    )]
    let seconds = (end - start).num_seconds().max(1) as f64;
    let x_of = |time: DateTime<Utc>| {
        #[expect(clippy::cast_precision_loss, reason = "as above")]
        let offset = (time - start).num_seconds() as f64;
        SIDE + (WIDTH - 2.0 * SIDE) * (offset / seconds)
    };
    let mut svg = String::with_capacity(4096);
    let _ = write!(
        svg,
        "<figure class=\"picture\">\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {WIDTH} {HEIGHT}\" role=\"img\" aria-labelledby=\"picture-title\">\n<title id=\"picture-title\">{}</title>\n",
        escaped(&description(doc))
    );
    let _ = writeln!(
        svg,
        "<rect x=\"0\" y=\"0\" width=\"{WIDTH}\" height=\"{HEIGHT}\" rx=\"4\" fill=\"#f6f8fa\"/>"
    );
    if let (Some(started), Some(resolved)) = (doc.key_times.started, doc.key_times.resolved) {
        let (left, right) = (x_of(started), x_of(resolved));
        let _ = writeln!(
            svg,
            "<rect x=\"{left:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"18\" rx=\"2\" fill=\"{BAND}\"/>",
            AXIS_Y - 14.0,
            (right - left).max(1.0)
        );
    }
    let _ = writeln!(
        svg,
        "<line x1=\"{SIDE}\" y1=\"{AXIS_Y}\" x2=\"{}\" y2=\"{AXIS_Y}\" stroke=\"{MUTED}\" stroke-width=\"1\"/>",
        WIDTH - SIDE
    );
    ticks(&mut svg, doc, &x_of);
    // A dot under the axis marks each row that has files attached.
    for id in doc.rows_with_attachments().keys() {
        if let Some(time) = doc.row(*id).and_then(|row| row.time) {
            let _ = writeln!(
                svg,
                "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"2.5\" fill=\"{NOTABLE}\"/>",
                x_of(time),
                AXIS_Y + 6.0
            );
        }
    }
    key_times(&mut svg, doc, &x_of);
    for (time, x, anchor) in [(start, 4.0, "start"), (end, WIDTH - 4.0, "end")] {
        let _ = writeln!(
            svg,
            "<text x=\"{x}\" y=\"{}\" font-size=\"11\" text-anchor=\"{anchor}\" fill=\"{MUTED}\">{}</text>",
            HEIGHT - 5.0,
            doc.local(time).format("%H:%M")
        );
    }
    svg.push_str("</svg>\n</figure>\n");
    Some(svg)
}

/// What the picture shows, in words, for those who cannot see it.
fn description(doc: &Postmortem) -> String {
    let mut words = String::from("Picture of the incident");
    let key_times: Vec<String> = KeyTime::ALL
        .into_iter()
        .filter_map(|key| {
            doc.key_times.get(key).map(|time| {
                format!(
                    "{} {}",
                    key.label().to_lowercase(),
                    doc.local(time).format("%H:%M")
                )
            })
        })
        .collect();
    if !key_times.is_empty() {
        let _ = write!(words, ": {}", key_times.join(", "));
    }
    let timed = doc.timeline.iter().filter(|row| row.time.is_some()).count();
    let _ = write!(
        words,
        "; {} with a time",
        crate::model::plural(timed, "timeline row")
    );
    let attached = doc.rows_with_attachments().len();
    if attached > 0 {
        let _ = write!(
            words,
            ", {} with files attached (marked with a dot)",
            crate::model::plural(attached, "row")
        );
    }
    words
}

/// One tick per timed row, merged per unit of width (a starred or marked row wins its place),
/// so a timeline of thousands of rows stays a small drawing.
fn ticks(svg: &mut String, doc: &Postmortem, x_of: &impl Fn(DateTime<Utc>) -> f64) {
    let notable = |index: usize| {
        let row = &doc.timeline[index];
        row.starred || row.marker != Marker::Unmarked
    };
    let mut places: std::collections::BTreeMap<i64, usize> = std::collections::BTreeMap::new();
    for (index, row) in doc.timeline.iter().enumerate() {
        let Some(time) = row.time else { continue };
        #[expect(
            clippy::cast_possible_truncation,
            reason = "x is within the drawing, a thousand units wide"
        )]
        let place = x_of(time).round() as i64;
        let held = places.entry(place).or_insert(index);
        if !notable(*held) && notable(index) {
            *held = index;
        }
    }
    for (place, index) in places {
        let (height, colour, width) = if notable(index) {
            (16.0, NOTABLE, 2.0)
        } else {
            (9.0, TEXT, 1.2)
        };
        let _ = writeln!(
            svg,
            "<line x1=\"{place}\" y1=\"{AXIS_Y}\" x2=\"{place}\" y2=\"{:.1}\" stroke=\"{colour}\" stroke-width=\"{width}\"/>",
            AXIS_Y - height
        );
    }
}

/// The key times as labelled lines, labels that would overlap on a second line, and the
/// interval between each and the one before under the axis when there is room for it.
fn key_times(svg: &mut String, doc: &Postmortem, x_of: &impl Fn(DateTime<Utc>) -> f64) {
    let mut previous: Option<(f64, DateTime<Utc>)> = None;
    let mut lane_ends = [f64::NEG_INFINITY; 2];
    for key in KeyTime::ALL {
        let Some(time) = doc.key_times.get(key) else {
            continue;
        };
        let x = x_of(time);
        let colour = match key {
            KeyTime::Started | KeyTime::Resolved => TEXT,
            KeyTime::Detected | KeyTime::Acknowledged => WARN,
            KeyTime::Mitigated => MITIGATED,
        };
        let _ = writeln!(
            svg,
            "<line x1=\"{x:.1}\" y1=\"30\" x2=\"{x:.1}\" y2=\"{:.1}\" stroke=\"{colour}\" stroke-width=\"1.5\"/>",
            AXIS_Y + 6.0
        );
        #[expect(clippy::cast_precision_loss, reason = "a label is a word or two long")]
        let label_width = key.label().chars().count() as f64 * CHAR_WIDTH;
        let left = (x - label_width / 2.0).clamp(2.0, WIDTH - 2.0 - label_width);
        if let Some(lane) = lane_ends.iter().position(|end| left > end + 6.0) {
            lane_ends[lane] = left + label_width;
            #[expect(clippy::cast_precision_loss, reason = "a lane is 0 or 1")]
            let baseline = 13.0 + 13.0 * lane as f64;
            let _ = writeln!(
                svg,
                "<text x=\"{left:.1}\" y=\"{baseline}\" font-size=\"11\" fill=\"{colour}\">{}</text>",
                key.label()
            );
        }
        if let Some((previous_x, previous_time)) = previous
            && time >= previous_time
            && x - previous_x > 36.0
        {
            let _ = writeln!(
                svg,
                "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"11\" text-anchor=\"middle\" fill=\"{MUTED}\">{}</text>",
                f64::midpoint(x, previous_x),
                AXIS_Y + 18.0,
                escaped(&format_interval(time - previous_time))
            );
        }
        previous = Some((x, time));
    }
}

fn escaped(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let _ = escape_html(&mut out, raw);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_timed_draws_no_picture() {
        assert_eq!(incident_picture_svg(&Postmortem::default()), None);
    }

    #[test]
    fn rows_with_files_attached_are_dotted_and_said() {
        let mut doc = crate::example::example_postmortem().unwrap();
        let row = doc.timeline[2].id;
        doc.attachments.push(crate::model::Attachment {
            path: "x.files/a.png".to_owned(),
            place: crate::model::AttachedTo::Row(row),
            ..crate::model::Attachment::default()
        });
        let svg = incident_picture_svg(&doc).unwrap();
        assert_eq!(svg.matches("<circle ").count(), 1, "{svg}");
        assert!(
            svg.contains("1 row with files attached (marked with a dot)"),
            "{svg}"
        );
        // A row deleted since is not marked.
        doc.timeline.remove(2);
        let svg = incident_picture_svg(&doc).unwrap();
        assert_eq!(svg.matches("<circle ").count(), 0, "{svg}");
    }

    #[test]
    fn the_example_draws_its_band_key_times_and_marked_rows() {
        let doc = crate::example::example_postmortem().expect("the example reads");
        let svg = incident_picture_svg(&doc).expect("the example has times");
        assert!(svg.contains(&format!("fill=\"{BAND}\"")), "{svg}");
        // Acknowledged is a minute after Detected: its label finds no room on either line,
        // as in the editor, and its line keeps its colour; the description names it.
        for key in [
            KeyTime::Started,
            KeyTime::Detected,
            KeyTime::Mitigated,
            KeyTime::Resolved,
        ] {
            assert!(svg.contains(&format!(">{}</text>", key.label())), "{svg}");
        }
        assert!(svg.contains("acknowledged 14:06"), "{svg}");
        let notable = doc
            .timeline
            .iter()
            .filter(|row| row.starred || row.marker != Marker::Unmarked)
            .count();
        assert!(notable > 0);
        assert!(svg.contains(&format!("stroke=\"{NOTABLE}\"")), "{svg}");
        assert!(svg.contains("<title id=\"picture-title\">Picture of the incident: started 14:03"));
        // Nothing that could run or load.
        for forbidden in ["<script", "href", "onload", "<image", "<foreignObject"] {
            assert!(!svg.contains(forbidden), "{forbidden}");
        }
    }
}
