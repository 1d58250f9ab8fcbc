//! The `hindsight` command: the editor, and the tools for scripts and CI.

#[path = "main/arguments.rs"]
mod arguments;

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser as _;
use hindsight::cli;
use hindsight::session::{Clock as _, SystemClock};

use self::arguments::{ActionsCommand, Arguments, Command, TODAY, timeline_import};

fn main() -> ExitCode {
    let today = *TODAY.get_or_init(|| SystemClock.today());
    let arguments = Arguments::parse();
    let Some(command) = arguments.command else {
        return open_editor(arguments.file);
    };
    // On a terminal, nothing a document says may act on it, whatever the output's format;
    // to a file or a pipe the output stays exact.
    let stdout = std::io::stdout();
    let stderr = std::io::stderr();
    let (out_on_terminal, err_on_terminal) = (stdout.is_terminal(), stderr.is_terminal());
    let (mut plain_out, mut plain_err) = (stdout.lock(), stderr.lock());
    let mut safe_out;
    let mut safe_err;
    let out: &mut dyn Write = if out_on_terminal {
        safe_out = cli::TerminalText::new(&mut plain_out);
        &mut safe_out
    } else {
        &mut plain_out
    };
    let err: &mut dyn Write = if err_on_terminal {
        safe_err = cli::TerminalText::new(&mut plain_err);
        &mut safe_err
    } else {
        &mut plain_err
    };
    let result = match command {
        Command::Check {
            only_postmortems,
            public,
            files,
        } => cli::check(&files, only_postmortems, public, out),
        Command::Fmt {
            check,
            only_postmortems,
            files,
        } => cli::fmt(&files, check, only_postmortems, out),
        Command::Actions(arguments) => match arguments.command {
            Some(ActionsCommand::SetTicket { file, id, url }) => {
                cli::set_ticket(&file, &id, &url, out, err)
            }
            None => cli::actions(&arguments.request(today), out, err),
        },
        Command::Attach(arguments) => cli::attach(&arguments.into(), out, err),
        Command::Export(arguments) => cli::export_file(&arguments.request(), out, err),
        Command::TimelineImport(arguments) => timeline_import(&arguments.request(today), out),
        Command::Search { dir, query, json } => cli::search_command(
            &cli::SearchRequest {
                folder: dir,
                query: query.join(" "),
                json,
            },
            out,
            err,
        ),
        Command::Stats(arguments) => cli::stats_command(&arguments.request(today), out, err),
        Command::Site(arguments) => cli::site(&arguments.request(today), out, err),
        Command::Init { dir } => cli::init(&dir, today, out),
        Command::New(arguments) => cli::new_document(&arguments.request(today), out, err),
        Command::Import(arguments) => cli::import(&arguments.request(today), out, err),
        Command::Merge {
            base,
            ours,
            theirs,
            path,
        } => cli::merge_files(
            &cli::MergeRequest {
                base,
                ours,
                theirs,
                name: path,
            },
            err,
        ),
    };
    match result {
        Ok(outcome) => ExitCode::from(outcome.code()),
        Err(error) => {
            report(&format!("hindsight: could not write the report: {error}"));
            ExitCode::from(cli::Outcome::Unreadable.code())
        }
    }
}

/// Runs the editor window on `file` (the example when none is named).
fn open_editor(file: Option<PathBuf>) -> ExitCode {
    match hindsight::app::run(file) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            report(&format!(
                "hindsight: could not open the editor window: {error}"
            ));
            ExitCode::FAILURE
        }
    }
}

fn report(message: &str) {
    // If even stderr is gone there is nowhere left to say it; the exit code still tells.
    let _nowhere_to_report = writeln!(std::io::stderr(), "{message}");
}
