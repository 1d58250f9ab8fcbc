//! The open action items of every postmortem: how many fall due each week (the chart, with
//! everything overdue in one bar before the weeks and everything later in one after them),
//! then each owner's items, soonest first.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use chrono::NaiveDate;

use super::charts::{Column, Described, OPEN, OVERDUE, WIDTH, columns};
use super::entries::{Entry, Names};
use super::page::{Page, Part, escape};
use crate::model::{ActionItem, Due, plural, web_url};
use crate::review::{due_columns, owner_key, week_of};

/// How many weeks the chart shows one by one, from this week on.
const WEEKS: usize = 8;

/// The words for items that nobody owns.
const UNASSIGNED: &str = "Unassigned";

struct Open<'a> {
    entry: &'a Entry<'a>,
    item: &'a ActionItem,
    due: Due,
}

/// The page of open action items on `today`.
#[must_use]
pub fn page<'a>(entries: &'a [Entry<'a>], today: NaiveDate) -> Page<'a> {
    let open: Vec<Open<'_>> = entries
        .iter()
        .flat_map(|entry| {
            entry.doc.action_items.iter().filter_map(move |item| {
                let due = Due::of(item, today);
                (due != Due::Closed).then_some(Open { entry, item, due })
            })
        })
        .collect();
    let mut main = String::new();
    main.push_str("<h1>Open action items</h1>\n");
    if open.is_empty() {
        main.push_str("<p class=\"empty\">No action item is open.</p>\n");
    } else {
        let overdue = open
            .iter()
            .filter(|open| matches!(open.due, Due::Overdue(_)))
            .count();
        let _ = writeln!(
            main,
            "<p class=\"lead\">{} across {}, {overdue} of them overdue on {today}.</p>",
            plural(open.len(), "open item"),
            plural(
                entries.iter().filter(|entry| entry.open > 0).count(),
                "postmortem"
            ),
        );
        chart(&mut main, &open, today);
        owners(&mut main, open, today);
    }
    Page {
        path: "actions.html",
        title: "Open action items",
        part: Part::Actions,
        main,
        script: None,
    }
}

/// The due-week chart and, for those who cannot see it, its figures as a table.
fn chart(out: &mut String, open: &[Open<'_>], today: NaiveDate) {
    let mut weeks: BTreeMap<NaiveDate, (usize, usize)> = BTreeMap::new();
    let mut undated = 0;
    for open in open {
        match open.item.due {
            Some(due) => {
                let counts = weeks.entry(week_of(due)).or_default();
                counts.0 += 1;
                if matches!(open.due, Due::Overdue(_)) {
                    counts.1 += 1;
                }
            }
            None => undated += 1,
        }
    }
    let laid_out = due_columns(&weeks, week_of(today), 0, WEEKS);
    let mut bars: Vec<(String, String, usize, usize)> = Vec::new();
    bars.push((
        "Overdue".to_owned(),
        "Due before this week".to_owned(),
        laid_out.before.open,
        laid_out.before.overdue,
    ));
    for (index, (monday, count)) in laid_out.weeks.iter().enumerate() {
        let short = if index == 0 {
            "This week".to_owned()
        } else {
            monday.format("%-d %b").to_string()
        };
        bars.push((
            short,
            format!("Week of {}", monday.format("%Y-%m-%d")),
            count.open,
            count.overdue,
        ));
    }
    bars.push((
        "Later".to_owned(),
        "Due later".to_owned(),
        laid_out.later.open,
        laid_out.later.overdue,
    ));
    let described: Vec<String> = bars
        .iter()
        .filter(|(_, _, open, _)| *open > 0)
        .map(|(_, long, open, overdue)| {
            if *overdue > 0 {
                format!("{long}: {open} ({overdue} overdue)")
            } else {
                format!("{long}: {open}")
            }
        })
        .collect();
    let mut description = described.join("; ");
    if undated > 0 {
        let _ = write!(description, "; no due date: {undated}");
    }
    let svg = columns(
        &Described {
            id: "due-weeks",
            title: "Open action items by the week they are due",
            description: &description,
        },
        &bars
            .iter()
            .map(|(short, _, open, overdue)| Column {
                label: short.clone(),
                parts: vec![(*overdue, OVERDUE), (open - overdue, OPEN)],
            })
            .collect::<Vec<_>>(),
        WIDTH,
    );
    let _ = writeln!(
        out,
        "<figure class=\"chart\">\n{svg}<figcaption>Open items by due week, this week first; overdue work in red. {}</figcaption>\n</figure>",
        match undated {
            0 => String::new(),
            1 => "1 item with no due date is not in it.".to_owned(),
            many => format!("{many} items with no due date are not in it."),
        }
    );
    out.push_str("<details class=\"figures-table\">\n<summary>The chart's figures</summary>\n<table>\n<thead><tr><th scope=\"col\">Due</th><th scope=\"col\">Open</th><th scope=\"col\">Overdue</th></tr></thead>\n<tbody>\n");
    for (_, long, open, overdue) in &bars {
        let _ = writeln!(
            out,
            "<tr><td>{long}</td><td class=\"number\">{open}</td><td class=\"number\">{overdue}</td></tr>"
        );
    }
    if undated > 0 {
        let _ = writeln!(
            out,
            "<tr><td>No due date</td><td class=\"number\">{undated}</td><td class=\"number\">0</td></tr>"
        );
    }
    out.push_str("</tbody>\n</table>\n</details>\n");
}

/// Each owner's open items, the owner with the most overdue first.
fn owners(out: &mut String, open: Vec<Open<'_>>, today: NaiveDate) {
    let mut by_owner: BTreeMap<String, (String, Vec<Open<'_>>)> = BTreeMap::new();
    for item in open {
        let owner = item.item.owner.trim();
        let (key, name) = if owner.is_empty() {
            // After every name in the key's order, whatever the names are.
            ("\u{10ffff}".to_owned(), UNASSIGNED.to_owned())
        } else {
            (owner_key(owner), owner.to_owned())
        };
        by_owner
            .entry(key)
            .or_insert_with(|| (name, Vec::new()))
            .1
            .push(item);
    }
    let mut names = Names::default();
    let owners: Vec<(String, String, Vec<Open<'_>>)> = by_owner
        .into_values()
        .map(|(name, items)| (format!("owner-{}", names.unique(&name)), name, items))
        .collect();
    out.push_str("<h2>By owner</h2>\n<ul class=\"owners\">\n");
    for (anchor, name, items) in &owners {
        let overdue = items
            .iter()
            .filter(|open| matches!(open.due, Due::Overdue(_)))
            .count();
        let overdue = if overdue > 0 {
            format!(", <span class=\"overdue\">{overdue} overdue</span>")
        } else {
            String::new()
        };
        let _ = writeln!(
            out,
            "<li><a href=\"#{anchor}\">{}</a>: {}{overdue}</li>",
            escape(name),
            plural(items.len(), "open item")
        );
    }
    out.push_str("</ul>\n");
    for (anchor, name, mut items) in owners {
        items.sort_by_key(|open| (open.item.due.is_none(), open.item.due));
        let _ = writeln!(
            out,
            "<h3 id=\"{anchor}\">{0}</h3>\n<section class=\"table-scroll\" aria-label=\"Open items of {0}\" tabindex=\"0\">\n<table class=\"owner-items\">\n<thead><tr><th scope=\"col\">Due</th><th scope=\"col\">Action</th><th scope=\"col\">Incident</th><th scope=\"col\">Status</th><th scope=\"col\">Priority</th><th scope=\"col\">Ticket</th></tr></thead>\n<tbody>",
            escape(&name)
        );
        for open in items {
            item_row(out, &open, today);
        }
        out.push_str("</tbody>\n</table>\n</section>\n");
    }
}

fn item_row(out: &mut String, open: &Open<'_>, today: NaiveDate) {
    let item = open.item;
    let due = match (item.due, open.due) {
        (Some(due), Due::Overdue(days)) => format!(
            "{due} <span class=\"overdue\">({} late)</span>",
            plural(usize::try_from(days).unwrap_or(0), "day")
        ),
        (Some(due), _) if week_of(due) == week_of(today) => format!("{due} (this week)"),
        (Some(due), _) => due.to_string(),
        (None, _) => "\u{2014}".to_owned(),
    };
    let ticket = web_url(&item.ticket_url).map_or_else(
        || escape(item.ticket_url.trim()),
        |url| {
            let url = escape(url.as_str());
            format!("<a href=\"{url}\">{url}</a>")
        },
    );
    let _ = writeln!(
        out,
        "<tr><td class=\"date\">{due}</td><td>{}</td><td><a href=\"{}\">{}</a></td><td>{}</td><td>{}</td><td>{ticket}</td></tr>",
        escape(&item.action),
        open.entry.page,
        escape(open.entry.title),
        item.status.label(),
        item.priority.label(),
    );
}
