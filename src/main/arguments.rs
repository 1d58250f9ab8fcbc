//! The command line's grammar (clap): every command with its arguments, and the requests
//! they make of the library's commands.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};
use hindsight::cli::{
    self, ActionsRequest, ExportRequest, Format, ImportRequest, TimelineImportRequest,
};
use hindsight::export::{ExportFormat, ExportOptions};
use hindsight::model::ActionFilter;
use hindsight::model::ActionStatus;
use hindsight::review::ReviewQuery;
use hindsight::session::{Clock as _, SystemClock};

/// A local-first desktop editor for incident postmortems.
#[derive(Parser)]
#[command(name = "hindsight", version, args_conflicts_with_subcommands = true)]
pub(super) struct Arguments {
    #[command(subcommand)]
    pub(super) command: Option<Command>,
    /// A postmortem to open (a Markdown postmortem, `.md`, is imported into a new one), or a
    /// folder of postmortems to review; with none, the editor opens the bundled example as an
    /// untitled document.
    pub(super) file: Option<PathBuf>,
}

#[derive(Subcommand)]
pub(super) enum Command {
    /// Validate postmortems: one line per file, then one per finding. Exits 0 when no file
    /// has errors, 1 when some has validation errors, 2 when some cannot be read.
    Check {
        /// Pass over files that are not postmortems (other programs' .ron files) instead of
        /// reporting them: for hooks that hand over every .ron file.
        #[arg(long)]
        only_postmortems: bool,
        /// Also flag what each postmortem's public version (export --public) would still
        /// show: e-mail addresses, private network addresses, hosts under hindsight.toml's
        /// `internal_domains`, people's names and ticket links.
        #[arg(long)]
        public: bool,
        /// The files to check.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Rewrite postmortems in the canonical form the editor saves.
    Fmt {
        /// Change nothing; exit 1 if some file is not in canonical form.
        #[arg(long)]
        check: bool,
        /// Pass over files that are not postmortems instead of reporting them.
        #[arg(long)]
        only_postmortems: bool,
        /// The files to format.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// List the action items of every postmortem below a folder, by due date. Unreadable
    /// files and folders are reported on stderr and do not stop the rest. Exits 0, or 1 with
    /// --fail-on-overdue when a listed item is overdue, or 2 on bad arguments, an unreadable
    /// folder, or (with --fail-on-overdue) any file or subfolder that could not be read.
    Actions(ActionsArguments),
    /// Attach a file (a graph, a screenshot, a log excerpt) to a postmortem: it is copied
    /// into the folder beside it (inc-812.ron keeps its files in inc-812.files/), named by
    /// its content, and the document refers to it. Exits 0, or 2 when a file cannot be read
    /// or written, the file is over 50 MB, or no row or section has the name given.
    Attach(AttachArguments),
    /// Export one postmortem: the whole document as GitHub-flavoured Markdown or as an HTML
    /// page for printing, or its action items or timeline as CSV. Exits 0, or 2 when the
    /// file cannot be read or the output cannot be written.
    Export(ExportArguments),
    /// Add timeline rows to a postmortem from pasted text (a chat copy, a log, a table; a file
    /// or - for standard input) or a PagerDuty incident log (.json or .csv); which it is, is
    /// told from the content. Rows go in at their places in time. Exits 0, or 2 with the
    /// reason.
    TimelineImport(TimelineImportArguments),
    /// Turn Markdown postmortems (SRE book, PagerDuty, Atlassian, Rootly and other templates)
    /// into Hindsight documents, each written as FILE.ron beside its source. What cannot be
    /// placed is kept word for word in a section "Imported, not placed". Exits 0, or 2 when
    /// some file could not be read or written (the others are still converted).
    Import(ImportArguments),
    /// Start a new postmortem from a template: a built-in one (blank, sre-book, pagerduty,
    /// atlassian, rootly) or a postmortem file kept as a team's template. Each section shows
    /// the template's hint while it is empty. Exits 0, or 2 when the template cannot be read
    /// or the file cannot be written.
    New(NewArguments),
    /// Set up a repository for the team's postmortems in DIR (made if missing): a README,
    /// hindsight.toml and owners.toml to fill in, .hindsight/templates/ with a first
    /// template, postmortems/, a .gitignore and the pre-commit hooks. Files already there
    /// are kept. Exits 0, or 2 when something cannot be written.
    Init {
        /// The repository's folder.
        dir: PathBuf,
    },
    /// What the incidents below a folder add up to: incidents by month, severity, service
    /// and type; time to detect, acknowledge, mitigate and resolve (median, 90th percentile,
    /// how many say); where the action items stand; and postmortems late for review. Exits
    /// 0, or 2 when the folder, a file or hindsight.toml cannot be read.
    Stats(StatsArguments),
    /// Make a static website of every postmortem below a folder, for any web server or
    /// none: an index to sort and filter, a page per postmortem, open action items by due
    /// week, stats with charts, a page per service and tag, a search and an Atom feed. Only
    /// the files that changed are rewritten. Exits 0, or 2 when a file could not be read (it
    /// is left out) or the site could not be written.
    Site(SiteArguments),
    /// Find the postmortems below a folder whose text (any field, row or section) matches:
    /// words in any order, ignoring case and accents, "quoted phrases" as written. Best
    /// first, each with the fields that match and a snippet. Exits 0, or 2 on an empty query
    /// or when something could not be read.
    Search {
        /// The folder to read (every .ron file below it).
        dir: PathBuf,
        /// The words and phrases to look for.
        #[arg(required = true)]
        query: Vec<String>,
        /// Print one JSON array (file, title, score, and the matching fields with snippets).
        #[arg(long)]
        json: bool,
    },
    /// Merge two people's edits of one postmortem, as git's merge driver (`hindsight merge %O
    /// %A %B %P`; `hindsight init` sets it up): rows, items, participants and links by their
    /// keys, fields one by one, text line by line. The result is written over OURS. Where both
    /// sides changed one thing differently, ours stays in place and both values are kept in the
    /// file's conflicts list, which `check` reports and the editor settles. Exits 0 when clean,
    /// 1 when conflicts are left, 2 when the result cannot be written.
    Merge {
        /// The common ancestor (git's %O).
        base: PathBuf,
        /// Our side (%A); the merged postmortem is written here.
        ours: PathBuf,
        /// Their side (%B).
        theirs: PathBuf,
        /// The file's path in the repository (%P), for messages.
        path: Option<PathBuf>,
    },
}

/// The arguments of `hindsight export`.
#[derive(clap::Args)]
#[expect(
    clippy::struct_excessive_bools,
    reason = "each is a command-line switch of its own, as clap reads them"
)]
pub(super) struct ExportArguments {
    /// The postmortem to export.
    file: PathBuf,
    /// What to write.
    #[arg(long, value_enum)]
    format: ExportArg,
    /// The file to write; standard output when left out.
    #[arg(short, long, value_name = "OUT")]
    output: Option<PathBuf>,
    /// Only the starred timeline rows.
    #[arg(long)]
    starred_only: bool,
    /// Leave out written sections that have no text.
    #[arg(long)]
    skip_empty_sections: bool,
    /// For the CSV formats, write every cell exactly as typed. By default a cell starting
    /// with =, +, -, @, a tab or a line break gets a leading ' so that spreadsheets show
    /// it as text instead of running it as a formula.
    #[arg(long)]
    csv_raw: bool,
    /// Copy the attached files into DIR (as DIR/inc-812.files/…), where the Markdown's
    /// relative links find them when the export is written in DIR.
    #[arg(long, value_name = "DIR")]
    assets_dir: Option<PathBuf>,
    /// The public version, for customers: parts marked internal left out, the public
    /// summary in the summary's place, people's names as their roles, ticket links,
    /// internal hosts, listed terms and attached files taken out. Refused (exit 1,
    /// nothing written) while `check --public` finds something it would still show.
    #[arg(long, conflicts_with = "assets_dir")]
    public: bool,
    /// With --public, write the public version even though it still shows something
    /// `check --public` flags.
    #[arg(long, requires = "public")]
    allow_leaks: bool,
}

impl ExportArguments {
    pub(super) fn request(self) -> ExportRequest {
        ExportRequest {
            file: self.file,
            assets_dir: self.assets_dir,
            public: self.public.then_some(cli::Publication {
                allow_leaks: self.allow_leaks,
            }),
            format: self.format.into(),
            output: self.output,
            options: ExportOptions {
                starred_only: self.starred_only,
                skip_empty_sections: self.skip_empty_sections,
                exact_csv: self.csv_raw,
            },
        }
    }
}

/// The arguments of `hindsight timeline-import`.
#[derive(clap::Args)]
pub(super) struct TimelineImportArguments {
    /// The postmortem to add the rows to.
    file: PathBuf,
    /// Where the rows come from; - reads standard input.
    source: PathBuf,
    /// The channel of a Slack export (by default the one named after the incident).
    #[arg(long, value_name = "NAME")]
    channel: Option<String>,
    /// Only rows from START to END (2025-08-01T14:00:00Z, or a day and a time as people
    /// write them, such as "2025-08-01 14:00" or "Aug 1 2:00 PM PT", in the document's
    /// zone unless they name one).
    #[arg(long, num_args = 2, value_names = ["START", "END"])]
    between: Option<Vec<String>>,
    #[command(flatten)]
    reading: ReadingArguments,
    /// Write nothing; print the rows as JSON (each row's time in UTC, actor, event, notes
    /// and source lines, and the lines of a text source that made no row, with why).
    #[arg(long)]
    dry_run: bool,
}

impl TimelineImportArguments {
    /// The request these arguments make, with today's date for times with none.
    pub(super) fn request(self, today: NaiveDate) -> TimelineImportRequest {
        let between = self
            .between
            .and_then(|times| <[String; 2]>::try_from(times).ok());
        TimelineImportRequest {
            file: self.file,
            source: self.source,
            channel: self.channel,
            between: between.map(|[start, end]| (start, end)),
            choices: self.reading.choices(),
            dry_run: self.dry_run,
            today,
        }
    }
}

/// The arguments of `hindsight stats`.
#[derive(clap::Args)]
pub(super) struct StatsArguments {
    /// The folder to read (every .ron file below it).
    dir: PathBuf,
    /// Only incidents on or after this day.
    #[arg(long, value_name = "DATE", value_parser = parse_day)]
    since: Option<NaiveDate>,
    /// Only incidents on or before this day.
    #[arg(long, value_name = "DATE", value_parser = parse_day)]
    until: Option<NaiveDate>,
    /// How to print: a summary, one JSON object, or measure,key,value rows as CSV.
    #[arg(long, value_enum, default_value_t = StatsFormatArg::Table)]
    format: StatsFormatArg,
    /// Count overdue items and late reviews from this day instead of today.
    #[arg(long, value_name = "DATE", value_parser = parse_day)]
    today: Option<NaiveDate>,
}

/// The arguments of `hindsight site`.
#[derive(clap::Args)]
pub(super) struct SiteArguments {
    /// The folder to read (every .ron file below it).
    dir: PathBuf,
    /// The site's folder: made if missing; one that holds other files is refused.
    #[arg(short, long, value_name = "OUT")]
    output: PathBuf,
    /// The site's name, at the top of every page and in the feed.
    #[arg(long, default_value = "Postmortems")]
    title: String,
    /// Count overdue items and late reviews from this day instead of today.
    #[arg(long, value_name = "DATE", value_parser = parse_day)]
    today: Option<NaiveDate>,
    /// The address the site is served from, so that the feed's links are whole addresses,
    /// as feed readers need.
    #[arg(long, value_name = "URL")]
    base_url: Option<url::Url>,
    /// A public site: each postmortem's public version (see export --public). A postmortem
    /// whose public version still shows something `check --public` flags is left out and
    /// named, and the run exits 1.
    #[arg(long)]
    public: bool,
    /// With --public, publish those postmortems too.
    #[arg(long, requires = "public")]
    allow_leaks: bool,
}

impl SiteArguments {
    pub(super) fn request(self, today: NaiveDate) -> cli::SiteRequest {
        cli::SiteRequest {
            folder: self.dir,
            output: self.output,
            title: self.title,
            today: self.today.unwrap_or(today),
            public: self.public.then_some(cli::Publication {
                allow_leaks: self.allow_leaks,
            }),
            base_url: self.base_url.map(|mut url| {
                // Pages are joined onto it, which drops a last part without a slash.
                if !url.path().ends_with('/') {
                    url.set_path(&format!("{}/", url.path()));
                }
                url
            }),
        }
    }
}

/// A stats format as written on the command line.
#[derive(Clone, Copy, ValueEnum)]
enum StatsFormatArg {
    Table,
    Json,
    Csv,
}

impl StatsArguments {
    pub(super) fn request(self, today: NaiveDate) -> cli::StatsRequest {
        cli::StatsRequest {
            folder: self.dir,
            since: self.since,
            until: self.until,
            format: match self.format {
                StatsFormatArg::Table => cli::StatsFormat::Table,
                StatsFormatArg::Json => cli::StatsFormat::Json,
                StatsFormatArg::Csv => cli::StatsFormat::Csv,
            },
            today: self.today.unwrap_or(today),
        }
    }
}

/// The arguments of `hindsight new`.
#[derive(clap::Args)]
pub(super) struct NewArguments {
    /// The template: a built-in name or the path of a .ron file.
    #[arg(long, value_name = "NAME")]
    template: String,
    /// Where to write the new postmortem.
    #[arg(short, long, value_name = "FILE.ron")]
    output: PathBuf,
    /// Write over a file that is already there.
    #[arg(long)]
    force: bool,
}

/// The arguments of `hindsight actions`.
#[derive(clap::Args)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub(super) struct ActionsArguments {
    /// What else to do with action items.
    #[command(subcommand)]
    pub(super) command: Option<ActionsCommand>,
    /// The folder to read (every .ron file below it).
    #[arg(required = true)]
    dir: Option<PathBuf>,
    /// Only open items past their due date.
    #[arg(long)]
    overdue: bool,
    /// Only open items due within this many days (overdue ones included).
    #[arg(long, value_name = "DAYS")]
    due_within: Option<u32>,
    /// Only this owner's items.
    #[arg(long, value_name = "NAME")]
    owner: Option<String>,
    /// Only items with this status.
    #[arg(long, value_enum)]
    status: Option<StatusArg>,
    /// Only items of incidents tagged with this (case ignored).
    #[arg(long, value_name = "TAG")]
    tag: Option<String>,
    /// How to print: aligned for a terminal, CSV or JSON for scripts, or for the team's
    /// tracker: gh-script (a shell script that files each open item without a ticket as a
    /// GitHub issue) or jira-csv (for Jira's CSV importer); owners are mapped to accounts
    /// by an owners.toml at the folder's root.
    #[arg(long, value_enum, default_value_t = FormatArg::Table)]
    format: FormatArg,
    /// Count due dates from this day instead of today.
    #[arg(long, value_name = "DATE", value_parser = parse_day)]
    today: Option<NaiveDate>,
    /// Exit 1 when a listed item is overdue: a reminder in CI. Exits 2 instead when some
    /// file or folder could not be read, since the list may then be incomplete.
    #[arg(long)]
    fail_on_overdue: bool,
    /// With --format csv or jira-csv, write every cell exactly as typed. By default a cell starting
    /// with =, +, -, @, a tab or a line break gets a leading ' so that spreadsheets show
    /// it as text instead of running it as a formula.
    #[arg(long)]
    csv_raw: bool,
}

/// What `hindsight actions` does besides listing.
#[derive(Subcommand)]
pub(super) enum ActionsCommand {
    /// Record the ticket an action item is tracked in (for example the issue the gh-script
    /// filed), so the next export skips it. ID is the item's ID or its first characters, as
    /// `hindsight check` and the scripts print it. Exits 0, or 2 when the file cannot be
    /// read or written, or no single item has that ID.
    SetTicket {
        /// The postmortem.
        file: PathBuf,
        /// The action item's ID, or the start of it.
        id: String,
        /// Where the work is tracked.
        url: String,
    },
}

/// What `hindsight attach` takes.
#[derive(clap::Args)]
pub(super) struct AttachArguments {
    /// The postmortem.
    file: PathBuf,
    /// The file to attach.
    attached: PathBuf,
    /// The timeline row it belongs to, numbered from 1 as the editor shows them.
    #[arg(long, value_name = "N", conflicts_with = "section")]
    row: Option<usize>,
    /// The section it belongs to, by its heading (Impact, "Root cause").
    #[arg(long, value_name = "NAME")]
    section: Option<String>,
    /// What it shows; an image's caption and the name a screen reader says.
    #[arg(long, value_name = "TEXT")]
    caption: Option<String>,
}

impl From<AttachArguments> for cli::AttachRequest {
    fn from(arguments: AttachArguments) -> Self {
        Self {
            file: arguments.file,
            attached: arguments.attached,
            row: arguments.row,
            section: arguments.section,
            caption: arguments.caption,
        }
    }
}

/// How the times of a source are read, where it does not say, as `timeline-import` and
/// `import` take them.
#[derive(clap::Args)]
pub(super) struct ReadingArguments {
    /// The zone of times that name none (an IANA name, or UTC); by default the
    /// document's (UTC for an imported postmortem).
    #[arg(long, value_name = "ZONE", value_parser = parse_zone)]
    zone: Option<chrono_tz::Tz>,
    /// The day of times written without a date; by default the incident's day.
    #[arg(long, value_name = "DATE", value_parser = parse_day)]
    date: Option<NaiveDate>,
    /// Read the times as newest first (a status page, a pager log), or with
    /// --newest-first=false as oldest first; by default found from the times.
    #[arg(long, value_name = "BOOL", num_args = 0..=1, default_missing_value = "true")]
    newest_first: Option<bool>,
    /// How dates written with numbers alone (03/04) are read; by default as the source's
    /// other dates prove, else as usual in the zone.
    #[arg(long, value_name = "ORDER", value_enum)]
    day_order: Option<DayOrderArg>,
}

impl ReadingArguments {
    fn choices(&self) -> hindsight::sources::ReadingChoices {
        hindsight::sources::ReadingChoices {
            zone: self.zone,
            day: self.date,
            newest_first: self.newest_first,
            day_order: self.day_order.map(|order| match order {
                DayOrderArg::DayFirst => hindsight::model::DayOrder::DayFirst,
                DayOrderArg::MonthFirst => hindsight::model::DayOrder::MonthFirst,
            }),
        }
    }
}

/// The order of numbers in a date, as written on the command line.
#[derive(Clone, Copy, ValueEnum)]
enum DayOrderArg {
    /// 25/09/2024.
    DayFirst,
    /// 09/25/2024.
    MonthFirst,
}

/// The arguments of `hindsight import`.
#[derive(clap::Args)]
pub(super) struct ImportArguments {
    /// The Markdown files.
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// Where to write the document (with one file only).
    #[arg(short, long, value_name = "OUT.ron", conflicts_with = "out_dir")]
    output: Option<PathBuf>,
    /// The folder to write the documents in.
    #[arg(long, value_name = "DIR")]
    out_dir: Option<PathBuf>,
    /// Print, line by line, where each part of each file went.
    #[arg(long)]
    report: bool,
    /// Write over a document that is already there.
    #[arg(long)]
    force: bool,
    #[command(flatten)]
    reading: ReadingArguments,
}

impl ActionsArguments {
    pub(super) fn request(self, today: NaiveDate) -> ActionsRequest {
        ActionsRequest {
            folder: self.dir.unwrap_or_default(),
            query: ReviewQuery {
                filter: if self.overdue {
                    ActionFilter::Overdue
                } else {
                    ActionFilter::All
                },
                due_within: self.due_within.map(i64::from),
                owner: self.owner,
                status: self.status.map(ActionStatus::from),
                tag: self.tag,
                ..ReviewQuery::default()
            },
            format: self.format.into(),
            today: self.today.unwrap_or(today),
            fail_on_overdue: self.fail_on_overdue,
            exact_csv: self.csv_raw,
        }
    }
}

impl NewArguments {
    pub(super) fn request(self, today: NaiveDate) -> cli::NewRequest {
        cli::NewRequest {
            template: self.template,
            output: self.output,
            force: self.force,
            today,
        }
    }
}

impl ImportArguments {
    pub(super) fn request(self, today: NaiveDate) -> ImportRequest {
        ImportRequest {
            files: self.files,
            output: self.output,
            out_dir: self.out_dir,
            report: self.report,
            force: self.force,
            choices: self.reading.choices(),
            today,
        }
    }
}

/// An export format as written on the command line.
#[derive(Clone, Copy, ValueEnum)]
enum ExportArg {
    /// GitHub-flavoured Markdown.
    Md,
    /// A self-contained HTML page.
    Html,
    /// The action items as CSV.
    CsvActions,
    /// The timeline as CSV.
    CsvTimeline,
}

impl From<ExportArg> for ExportFormat {
    fn from(format: ExportArg) -> Self {
        match format {
            ExportArg::Md => Self::Markdown,
            ExportArg::Html => Self::Html,
            ExportArg::CsvActions => Self::ActionsCsv,
            ExportArg::CsvTimeline => Self::TimelineCsv,
        }
    }
}

/// An action status as written on the command line.
#[derive(Clone, Copy, ValueEnum)]
enum StatusArg {
    Open,
    InProgress,
    Done,
    WontDo,
}

impl From<StatusArg> for ActionStatus {
    fn from(status: StatusArg) -> Self {
        match status {
            StatusArg::Open => Self::Open,
            StatusArg::InProgress => Self::InProgress,
            StatusArg::Done => Self::Done,
            StatusArg::WontDo => Self::WontDo,
        }
    }
}

/// An output format as written on the command line.
#[derive(Clone, Copy, ValueEnum)]
enum FormatArg {
    Table,
    Csv,
    Json,
    GhScript,
    JiraCsv,
}

impl From<FormatArg> for Format {
    fn from(format: FormatArg) -> Self {
        match format {
            FormatArg::Table => Self::Table,
            FormatArg::Csv => Self::Csv,
            FormatArg::Json => Self::Json,
            FormatArg::GhScript => Self::GhScript,
            FormatArg::JiraCsv => Self::JiraCsv,
        }
    }
}

/// `hindsight timeline-import`, reading standard input when the source is `-`.
pub(super) fn timeline_import(
    request: &TimelineImportRequest,
    out: &mut dyn std::io::Write,
) -> std::io::Result<cli::Outcome> {
    cli::timeline_import(
        request,
        &mut std::io::stdin().lock(),
        out,
        &mut std::io::stderr().lock(),
    )
}

/// A day on the command line, in any form the shared reader of written dates knows
/// (`2025-08-01`, `1 Aug 2025`, `Aug 1`, `yesterday`); one without a year is the nearest such
/// day to today, and numbers that could be day-first or month-first are refused.
fn parse_day(text: &str) -> Result<NaiveDate, hindsight::model::TimeEntryError> {
    let today = *TODAY.get_or_init(|| SystemClock.today());
    hindsight::model::parse_date_entry(text, today, None)
}

/// A zone name given on the command line that names no zone with rules.
#[derive(Debug, thiserror::Error)]
#[error(
    "{0:?} is not a zone with rules: give an IANA name such as Europe/Berlin or America/New_York"
)]
struct NoSuchZone(String);

/// A zone on the command line: an IANA name, or a name the shared reader knows (`UTC`,
/// `ET`, `Pacific`).
fn parse_zone(text: &str) -> Result<chrono_tz::Tz, NoSuchZone> {
    if let Ok(zone) = text.parse::<chrono_tz::Tz>() {
        return Ok(zone);
    }
    match hindsight::model::zone_named(text) {
        Some(hindsight::model::PasteZone::Utc) => Ok(chrono_tz::UTC),
        Some(
            hindsight::model::PasteZone::Named(zone)
            | hindsight::model::PasteZone::Regional(zone, _),
        ) => Ok(zone),
        _ => Err(NoSuchZone(text.to_owned())),
    }
}

/// Today where the person is, read once from the one clock as the program starts: every
/// default and every day written without a year counts from it.
pub(super) static TODAY: std::sync::OnceLock<NaiveDate> = std::sync::OnceLock::new();
