//! `smtp-codes`: explain SMTP replies, and read bounce emails into failed recipients.
//!
//! ```text
//! cargo install --path smtp-codes-cli
//! smtp-codes explain 550 "421 4.7.0 Try again later" --after rcpt
//! smtp-codes bounce ~/Maildir/.Bounces bounces.mbox failed.eml
//! smtp-codes bounce --tsv bounces/ > recipients.tsv
//! smtp-codes bounce --json bounces/ | jq .
//! ```
//!
//! Exit codes: 0 when every input was read (or every reply explained), 1 when some could not be
//! (a missing file, a line that is not a reply), 2 for a usage error.

mod bounce;
mod explain;

use std::ffi::OsString;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

/// Explain SMTP replies, and read bounce emails into failed recipients with their diagnosis.
#[derive(Debug, Parser)]
#[command(name = "smtp-codes", version, about, long_about = None)]
#[command(
    after_help = "Exit codes: 0 every input read, 1 some input could not be read, 2 usage error."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Explain reply codes and replies: class, category, enhanced status, retry advice, and the
    /// bounce diagnosis of failures. Each argument is a code or a reply line; with none, replies
    /// are read from standard input.
    Explain(ExplainArgs),
    /// Read bounce emails (.eml files, directories, Maildirs, mbox files; `-` for standard
    /// input) and write every failed or delayed recipient with its diagnosis, then a summary by
    /// reason.
    Bounce(BounceArgs),
}

#[derive(Debug, Args)]
struct ExplainArgs {
    /// The command the replies answer, for the retry advice: a verb in any case (rcpt, MAIL,
    /// starttls, ...) or greeting / end-of-data.
    #[arg(long, value_name = "COMMAND", value_parser = parse_command)]
    after: Option<smtp_codes::Command>,
    /// Reply codes or reply lines (`550`, "550 5.1.1 <bob@example.com>: User unknown").
    #[arg(value_name = "REPLY")]
    replies: Vec<OsString>,
}

/// How `bounce` writes what it read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Output {
    /// A table for people (the default).
    Table,
    /// One line per recipient, tab-separated, no header:
    /// `file recipient_index recipient action status reply_code command reason hard diagnostic`.
    Tsv,
    /// One JSON object per email, a line each.
    Json,
}

#[derive(Debug, Args)]
#[allow(clippy::struct_excessive_bools)]
pub(crate) struct BounceArgs {
    #[arg(
        long,
        conflicts_with = "json",
        help = "Write one line per recipient, tab-separated, no header: file recipient_index \
                recipient action status reply_code command reason hard diagnostic (empty cells \
                for unknowns; tabs and line breaks in the text become spaces; the emails of an \
                mbox of several are FILE#N)"
    )]
    tsv: bool,
    /// Write one JSON object per email, a line each: its kind, format, original message's
    /// identifiers, complaint, and recipients.
    #[arg(long)]
    json: bool,
    /// Also write delivered, relayed and expanded recipients of success reports.
    #[arg(long)]
    all: bool,
    /// Leave out the summary at the end.
    #[arg(long)]
    no_summary: bool,
    /// Threads that read emails (default: one per CPU).
    #[arg(long, short = 'j', value_name = "N")]
    jobs: Option<usize>,
    /// Emails: files (one email, or an mbox), directories (read recursively: Maildirs too), or
    /// `-` for standard input.
    #[arg(value_name = "PATH", required = true)]
    paths: Vec<PathBuf>,
}

impl BounceArgs {
    pub(crate) fn output(&self) -> Output {
        if self.tsv {
            Output::Tsv
        } else if self.json {
            Output::Json
        } else {
            Output::Table
        }
    }
}

fn parse_command(name: &str) -> Result<smtp_codes::Command, String> {
    name.parse().map_err(|_| {
        let names: Vec<&str> = smtp_codes::Command::ALL
            .iter()
            .map(|command| command.as_str())
            .collect();
        format!("not a command; one of: {}", names.join(", "))
    })
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Explain(args) => explain::run(args.after, &args.replies),
        Command::Bounce(args) => bounce::run(&args),
    }
}
