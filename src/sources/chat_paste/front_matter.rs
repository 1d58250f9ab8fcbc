//! A page's settings block (front matter) at the top of a copied file: listed, never read
//! as messages, its `date` dating the messages below it.

use super::{DayLine, PastedDate, UnusedLine, UnusedReason, read_date_line};

/// A page's settings block at the top of a copied file (`---` or `+++` lines around
/// `title: …`, `date = …`, or an exporter's header between rules of `=`): its lines are listed as unused and blanked, so that no key
/// is read as a person. Its `date`, the day a page of a meeting's log was posted, dates the
/// messages below until a date line of their own does, as a date line would.
pub(super) fn front_matter(lines: &mut [&str]) -> (Vec<UnusedLine>, Option<DayLine>) {
    let Some(start) = lines.iter().position(|line| !line.trim().is_empty()) else {
        return (Vec::new(), None);
    };
    let fence = lines[start].trim();
    // An exporter's header between rules of `=` (`Guild: …`, `Channel: …`, `Range: …`, as
    // Discord's exporter writes it) is such a block too.
    let rule_of_equals = fence.len() >= 5 && fence.bytes().all(|byte| byte == b'=');
    if fence != "---" && fence != "+++" && !rule_of_equals {
        return (Vec::new(), None);
    }
    let Some(length) = lines[start + 1..]
        .iter()
        .take(100)
        .position(|line| line.trim() == fence)
    else {
        return (Vec::new(), None);
    };
    let end = start + 1 + length;
    let mut unused = Vec::new();
    let mut day = None;
    for (index, line) in lines.iter_mut().enumerate().take(end + 1).skip(start) {
        let published = day
            .is_none()
            .then(|| front_matter_date(line))
            .flatten()
            .map(|date| DayLine {
                line: index + 1,
                date,
                zone: None,
            });
        if published.is_some() {
            day = published;
        } else if !line.trim().is_empty() {
            unused.push(UnusedLine {
                line: index + 1,
                text: line.trim().to_owned(),
                reason: UnusedReason::FrontMatter,
            });
        }
        *line = "";
    }
    (unused, day)
}

/// The date a front matter's `date` key gives (`date: 2025-06-18`, `date = "2017-06-11"`,
/// `date: 2022-10-13T16:00:00.000Z`): the day as written, the time of posting left out.
fn front_matter_date(line: &str) -> Option<PastedDate> {
    let (key, value) = line.split_once([':', '='])?;
    if !key.trim().eq_ignore_ascii_case("date") {
        return None;
    }
    let value = value.trim().trim_matches(['"', '\'']);
    // `YYYY-MM-DD` first: a site generator's timestamp goes on with the time of posting.
    let day = value.get(..10).filter(|day| {
        day.bytes().enumerate().all(|(at, byte)| match at {
            4 | 7 => byte == b'-',
            _ => byte.is_ascii_digit(),
        })
    })?;
    let (date, _) = read_date_line(day)?;
    Some(date)
}
