//! The `hindsight` command: the editor, and the tools for scripts and CI.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use hindsight::cli;

/// A local-first desktop editor for incident postmortems.
#[derive(Parser)]
#[command(name = "hindsight", version, args_conflicts_with_subcommands = true)]
struct Arguments {
    #[command(subcommand)]
    command: Option<Command>,
    /// A postmortem to open; with none, the editor opens the bundled example as an untitled
    /// document.
    file: Option<PathBuf>,
}

#[derive(Subcommand)]
enum Command {
    /// Validate postmortems: one line per file, then one per finding. Exits 0 when no file
    /// has errors, 1 when some has validation errors, 2 when some cannot be read.
    Check {
        /// The files to check.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Rewrite postmortems in the canonical form the editor saves.
    Fmt {
        /// Change nothing; exit 1 if some file is not in canonical form.
        #[arg(long)]
        check: bool,
        /// The files to format.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
}

fn main() -> ExitCode {
    let arguments = Arguments::parse();
    let mut out = std::io::stdout().lock();
    let result = match arguments.command {
        Some(Command::Check { files }) => cli::check(&files, &mut out),
        Some(Command::Fmt { check, files }) => cli::fmt(&files, check, &mut out),
        None => {
            drop(out);
            return match hindsight::app::run(arguments.file) {
                Ok(()) => ExitCode::SUCCESS,
                Err(error) => {
                    report(&format!(
                        "hindsight: could not open the editor window: {error}"
                    ));
                    ExitCode::FAILURE
                }
            };
        }
    };
    match result {
        Ok(outcome) => ExitCode::from(outcome.code()),
        Err(error) => {
            report(&format!("hindsight: could not write the report: {error}"));
            ExitCode::from(cli::Outcome::Unreadable.code())
        }
    }
}

fn report(message: &str) {
    // If even stderr is gone there is nowhere left to say it; the exit code still tells.
    let _nowhere_to_report = writeln!(std::io::stderr(), "{message}");
}
