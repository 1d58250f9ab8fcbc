//! What the library adds up to, as `hindsight stats` counts it, drawn: incidents per month
//! by severity, how long the four steps of a response took, the services and tags that keep
//! coming back, where the action items stand and which write-ups are late.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::PathBuf;

use chrono::{Datelike as _, NaiveDate};

use super::SiteOptions;
use super::charts::{Column, Described, OPEN, PALETTE, WIDTH, columns, rows};
use super::entries::Entry;
use super::groups::{Group, Groups};
use super::page::{Page, Part, escape};
use crate::model::{Postmortem, format_minutes, plural};
use crate::review::{Duration, Stats, owner_key, stats};

/// How many months the chart of incidents shows, up to the latest.
const MONTHS: usize = 24;

/// How many services or tags the charts of recurring ones show.
const RECURRING: usize = 15;

/// Where durations are counted, in minutes: each bucket holds what is under its bound.
const BUCKETS: [(f64, &str, &str); 9] = [
    (5.0, "<5m", "under 5 min"),
    (15.0, "5\u{2013}15m", "5 to 15 min"),
    (30.0, "15\u{2013}30m", "15 to 30 min"),
    (60.0, "30\u{2013}60m", "30 to 60 min"),
    (120.0, "1\u{2013}2h", "1 to 2 h"),
    (240.0, "2\u{2013}4h", "2 to 4 h"),
    (480.0, "4\u{2013}8h", "4 to 8 h"),
    (1440.0, "8\u{2013}24h", "8 to 24 h"),
    (f64::INFINITY, "\u{2265}1d", "a day or more"),
];

/// The width of each of the four duration charts, two to a row.
const SPREAD_WIDTH: f64 = 420.0;

/// The stats page.
#[must_use]
pub fn page<'a>(
    docs: &[(PathBuf, Postmortem)],
    entries: &[Entry<'_>],
    groups: &Groups,
    options: &SiteOptions,
) -> Page<'a> {
    let stats = stats(docs, None, None, options.today, options.deadlines);
    let mut main = String::new();
    main.push_str("<h1>Stats</h1>\n");
    figures(&mut main, &stats, options.today);
    if stats.incidents > 0 {
        months(&mut main, &stats, entries);
        durations(&mut main, &stats);
        recurring(
            &mut main,
            "Services",
            &stats.recurring.services,
            &groups.services,
        );
        recurring(&mut main, "Tags", &stats.recurring.tags, &groups.tags);
        late_reviews(&mut main, &stats, entries);
    }
    Page {
        path: "stats.html",
        title: "Stats",
        part: Part::Stats,
        main,
        script: None,
    }
}

fn figures(out: &mut String, stats: &Stats, today: NaiveDate) {
    let actions = &stats.actions;
    let done_in = actions
        .median_days_to_done
        .map_or_else(|| "\u{2014}".to_owned(), |days| format!("{days:.0} d"));
    out.push_str("<ul class=\"figures\">\n");
    for (figure, words) in [
        (stats.incidents.to_string(), "incidents".to_owned()),
        (actions.open.to_string(), "open action items".to_owned()),
        (actions.overdue.to_string(), format!("overdue on {today}")),
        (actions.done.to_string(), "action items done".to_owned()),
        (done_in, "median from incident to an item done".to_owned()),
        (
            stats.late_reviews.len().to_string(),
            "postmortems late for review".to_owned(),
        ),
    ] {
        let _ = writeln!(
            out,
            "<li><span class=\"figure\">{figure}</span> {words}</li>"
        );
    }
    out.push_str("</ul>\n");
}

/// One series of the monthly chart: a severity, or several lumped together.
struct Series {
    /// The words in the legend and the table.
    label: String,
    /// Its colour's place in the palette.
    colour: usize,
    /// The severity names it counts (`none` for incidents without one).
    members: Vec<String>,
}

impl Series {
    fn count(&self, by: Option<&BTreeMap<String, usize>>) -> usize {
        by.map_or(0, |by| {
            self.members
                .iter()
                .filter_map(|member| by.get(member))
                .sum()
        })
    }
}

/// How many severities get a colour of their own; the rest are counted together.
const OWN_COLOURS: usize = 5;

/// The chart's series: severities in their scales' order (the worst first); when there are
/// more than [`OWN_COLOURS`], those of the fewest incidents together as one; then incidents
/// with none.
fn severity_series(entries: &[Entry<'_>], stats: &Stats) -> Vec<Series> {
    let mut rank: BTreeMap<&str, usize> = BTreeMap::new();
    for entry in entries {
        if let Some(name) = entry.severity {
            let known = rank.entry(name).or_insert(usize::MAX);
            *known = (*known).min(entry.severity_rank.unwrap_or(usize::MAX));
        }
    }
    let mut named: Vec<(&String, usize)> = stats
        .by_severity
        .iter()
        .filter(|(name, _)| name.as_str() != "none")
        .map(|(name, count)| (name, *count))
        .collect();
    // The most frequent keep their colours.
    named
        .sort_by_key(|(name, count)| (std::cmp::Reverse(*count), rank.get(name.as_str()).copied()));
    let lumped: Vec<String> = if named.len() > OWN_COLOURS + 1 {
        named
            .split_off(OWN_COLOURS)
            .into_iter()
            .map(|(name, _)| name.clone())
            .collect()
    } else {
        Vec::new()
    };
    named.sort_by_key(|(name, _)| {
        (
            rank.get(name.as_str()).copied().unwrap_or(usize::MAX),
            (*name).clone(),
        )
    });
    let mut series: Vec<Series> = named
        .into_iter()
        .enumerate()
        .map(|(index, (name, _))| Series {
            label: name.clone(),
            colour: index,
            members: vec![name.clone()],
        })
        .collect();
    if !lumped.is_empty() {
        series.push(Series {
            label: format!("{} other severities", lumped.len()),
            colour: PALETTE.len() - 2,
            members: lumped,
        });
    }
    if stats.by_severity.contains_key("none") {
        series.push(Series {
            label: "No severity".to_owned(),
            colour: PALETTE.len() - 1,
            members: vec!["none".to_owned()],
        });
    }
    series
}

fn months(out: &mut String, stats: &Stats, entries: &[Entry<'_>]) {
    out.push_str("<h2>Incidents per month</h2>\n");
    let dated: Vec<&String> = stats
        .by_month_and_severity
        .keys()
        .filter(|month| month.as_str() != "undated")
        .collect();
    let Some(last) = dated.last().and_then(|month| first_of(month)) else {
        out.push_str("<p class=\"empty\">No incident has a date.</p>\n");
        return;
    };
    let first = dated
        .first()
        .and_then(|month| first_of(month))
        .unwrap_or(last);
    // Every month from the first to the last, the empty ones too, at most the last MONTHS.
    let mut shown: Vec<NaiveDate> = std::iter::successors(Some(last), |month| {
        month.checked_sub_months(chrono::Months::new(1))
    })
    .take_while(|month| *month >= first)
    .take(MONTHS)
    .collect();
    shown.reverse();
    let series = severity_series(entries, stats);
    let by_month = |month: &NaiveDate| {
        stats
            .by_month_and_severity
            .get(&month.format("%Y-%m").to_string())
    };
    let columns_of: Vec<Column> = shown
        .iter()
        .map(|month| Column {
            label: if month.month() == 1 || *month == shown[0] {
                month.format("%b %Y").to_string()
            } else {
                month.format("%b").to_string()
            },
            parts: series
                .iter()
                .map(|one| (one.count(by_month(month)), PALETTE[one.colour]))
                .collect(),
        })
        .collect();
    let description: Vec<String> = shown
        .iter()
        .filter_map(|month| {
            let by = by_month(month)?;
            let parts: Vec<String> = series
                .iter()
                .map(|one| (one.count(Some(by)), &one.label))
                .filter(|(count, _)| *count > 0)
                .map(|(count, label)| format!("{count} {label}"))
                .collect();
            Some(format!("{}: {}", month.format("%B %Y"), parts.join(", ")))
        })
        .collect();
    let svg = columns(
        &Described {
            id: "months",
            title: "Incidents per month by severity",
            description: &description.join("; "),
        },
        &columns_of,
        WIDTH,
    );
    let _ = writeln!(out, "<figure class=\"chart\">\n{svg}<figcaption>");
    out.push_str("<ul class=\"legend\">");
    for one in &series {
        let _ = write!(
            out,
            "<li><span class=\"swatch swatch-{}\"></span>{}</li>",
            one.colour,
            escape(&one.label)
        );
    }
    out.push_str("</ul>");
    if let Some(undated) = stats.by_month.get("undated") {
        let _ = write!(
            out,
            "{} without a date not shown.",
            plural(*undated, "incident")
        );
    }
    out.push_str("</figcaption>\n</figure>\n");
    months_table(out, &shown, &series, by_month);
}

/// The monthly chart's figures, and which severities its lumped series holds.
fn months_table<'a>(
    out: &mut String,
    shown: &[NaiveDate],
    series: &[Series],
    by_month: impl Fn(&NaiveDate) -> Option<&'a BTreeMap<String, usize>>,
) {
    out.push_str("<details class=\"figures-table\">\n<summary>The chart's figures</summary>\n<table>\n<thead><tr><th scope=\"col\">Month</th>");
    for one in series {
        let _ = write!(out, "<th scope=\"col\">{}</th>", escape(&one.label));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for month in shown {
        let _ = write!(out, "<tr><th scope=\"row\">{}</th>", month.format("%Y-%m"));
        for one in series {
            let _ = write!(
                out,
                "<td class=\"number\">{}</td>",
                one.count(by_month(month))
            );
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n</details>\n");
    if let Some(lumped) = series.iter().find(|one| one.members.len() > 1) {
        let names: Vec<String> = lumped.members.iter().map(|name| escape(name)).collect();
        let _ = writeln!(
            out,
            "<p class=\"lead\">{}: {}.</p>",
            escape(&lumped.label),
            names.join("; ")
        );
    }
}

fn first_of(month: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(&format!("{month}-01"), "%Y-%m-%d").ok()
}

fn durations(out: &mut String, stats: &Stats) {
    out.push_str("<h2>How long each step took</h2>\n<p>From the start of impact, over the incidents that say when; the median and the 90th percentile, and how the incidents spread.</p>\n<div class=\"durations\">\n");
    for (step, duration) in stats.durations.each() {
        let words = match step {
            "detect" => "To detect",
            "acknowledge" => "To acknowledge",
            "mitigate" => "To mitigate",
            _ => "To resolve",
        };
        spread_chart(out, step, words, duration);
    }
    out.push_str("</div>\n");
}

fn spread_chart(out: &mut String, step: &str, words: &str, duration: &Duration) {
    let spread = &duration.all;
    let said = match (spread.median_minutes, spread.p90_minutes) {
        (Some(median), Some(p90)) => format!(
            "median {}, 90th percentile {}, of {}",
            format_minutes(median),
            format_minutes(p90),
            plural(spread.count, "incident")
        ),
        _ => "no incident says".to_owned(),
    };
    let missing = if spread.missing > 0 {
        format!("; {} do not say", spread.missing)
    } else {
        String::new()
    };
    let mut counts = [0_usize; BUCKETS.len()];
    for minutes in &duration.minutes {
        let at = BUCKETS
            .iter()
            .position(|(bound, _, _)| *minutes < *bound)
            .unwrap_or(BUCKETS.len() - 1);
        counts[at] += 1;
    }
    let description: Vec<String> = BUCKETS
        .iter()
        .zip(counts)
        .filter(|(_, count)| *count > 0)
        .map(|((_, _, words), count)| format!("{words}: {count}"))
        .collect();
    let svg = columns(
        &Described {
            id: &format!("spread-{step}"),
            title: &format!("{words}: {said}"),
            description: &description.join("; "),
        },
        &BUCKETS
            .iter()
            .zip(counts)
            .map(|((_, label, _), count)| Column {
                label: (*label).to_owned(),
                parts: vec![(count, OPEN)],
            })
            .collect::<Vec<_>>(),
        SPREAD_WIDTH,
    );
    let _ = writeln!(
        out,
        "<figure class=\"chart\">\n<h3>{words}</h3>\n{svg}<figcaption>{}{missing}.</figcaption>\n</figure>",
        escape(&said)
    );
}

fn recurring(
    out: &mut String,
    kind: &str,
    counts: &BTreeMap<String, usize>,
    groups: &BTreeMap<String, Group>,
) {
    let _ = writeln!(out, "<h2>{kind} that came back</h2>");
    if counts.is_empty() {
        let _ = writeln!(
            out,
            "<p class=\"empty\">No two incidents share one of their {}.</p>",
            kind.to_lowercase()
        );
        return;
    }
    let mut ordered: Vec<(&String, &usize)> = counts.iter().collect();
    ordered.sort_by_key(|(_, count)| std::cmp::Reverse(**count));
    let shown: Vec<(String, usize)> = ordered
        .iter()
        .take(RECURRING)
        .map(|(name, count)| ((*name).clone(), **count))
        .collect();
    let description: Vec<String> = shown
        .iter()
        .map(|(name, count)| format!("{name}: {count}"))
        .collect();
    let id = kind.to_lowercase();
    let svg = rows(
        &Described {
            id: &format!("recurring-{id}"),
            title: &format!("{kind} with more than one incident"),
            description: &description.join("; "),
        },
        &shown,
        OPEN,
    );
    let _ = writeln!(out, "<figure class=\"chart\">\n{svg}</figure>");
    out.push_str(
        "<details class=\"figures-table\">\n<summary>The chart's figures</summary>\n<ul>\n",
    );
    for (name, count) in ordered {
        let name_html = escape(name);
        match groups.get(&owner_key(name)) {
            Some(group) => {
                let _ = writeln!(
                    out,
                    "<li><a href=\"{}\">{name_html}</a>: {count}</li>",
                    group.page
                );
            }
            None => {
                let _ = writeln!(out, "<li>{name_html}: {count}</li>");
            }
        }
    }
    out.push_str("</ul>\n</details>\n");
}

fn late_reviews(out: &mut String, stats: &Stats, entries: &[Entry<'_>]) {
    out.push_str("<h2>Late for review</h2>\n");
    if stats.late_reviews.is_empty() {
        out.push_str("<p class=\"empty\">Every postmortem is within its time.</p>\n");
        return;
    }
    let pages: BTreeMap<String, &Entry<'_>> = entries
        .iter()
        .map(|entry| (entry.path.display().to_string(), entry))
        .collect();
    out.push_str("<table>\n<thead><tr><th scope=\"col\">Postmortem</th><th scope=\"col\">Status</th><th scope=\"col\">Incident lead</th><th scope=\"col\">Resolved</th><th scope=\"col\">Days late</th></tr></thead>\n<tbody>\n");
    for late in &stats.late_reviews {
        let title = match pages.get(&late.file) {
            Some(entry) => format!("<a href=\"{}\">{}</a>", entry.page, escape(entry.title)),
            None => escape(&late.title),
        };
        let _ = writeln!(
            out,
            "<tr><td>{title}</td><td>{}</td><td>{}</td><td class=\"date\">{}</td><td class=\"number\">{}</td></tr>",
            escape(&late.status),
            escape(&late.owner),
            escape(&late.resolved),
            late.days_late
        );
    }
    out.push_str("</tbody>\n</table>\n");
}
