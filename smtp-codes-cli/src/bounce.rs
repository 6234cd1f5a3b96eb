//! `smtp-codes bounce`: bounce emails from files, directories, Maildirs and mbox files, read in
//! parallel and written in input order.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs::File;
use std::io::{self, BufRead, BufReader, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;
use serde::Serialize;
use smtp_codes_bounce::scan::command_name;
use smtp_codes_bounce::{mbox, Bounce, Recipient};

use crate::{BounceArgs, Output};

/// How many inputs are read in parallel before their output is written: the memory held is a
/// batch's output, whatever the number of inputs.
const BATCH: usize = 256;

/// An mbox file larger than this is streamed one email at a time instead of read whole.
const STREAMED_MBOX: u64 = 64 << 20;

/// After how long the progress bar shows (when standard error is a terminal).
const PROGRESS_AFTER: Duration = Duration::from_secs(1);

/// One input: a file to read, or standard input.
#[derive(Debug)]
enum Input {
    File { path: PathBuf, size: u64 },
    Stdin,
}

impl Input {
    fn label(&self) -> String {
        match self {
            Input::File { path, .. } => path.display().to_string(),
            Input::Stdin => "-".to_owned(),
        }
    }

    fn size(&self) -> u64 {
        match self {
            Input::File { size, .. } => *size,
            Input::Stdin => 0,
        }
    }
}

/// What reading one input gave: its output text, its counts, and the error that stopped it.
#[derive(Debug, Default)]
struct Done {
    /// The input's name, the TSV's first column.
    file: String,
    /// Whether this continues the previous `Done`'s file (a streamed mbox's next batch).
    continues: bool,
    /// The table or the JSON lines.
    output: String,
    /// The TSV lines after their first two columns: the recipient index runs through the file's
    /// emails (an mbox's), so it is written when the lines are.
    tsv: Vec<String>,
    summary: Summary,
    error: Option<String>,
}

/// Counts for the summary.
#[derive(Debug, Default)]
struct Summary {
    emails: u64,
    kinds: BTreeMap<&'static str, u64>,
    recipients: u64,
    /// Per reason: (hard, soft) failed or delayed recipients.
    reasons: BTreeMap<&'static str, (u64, u64)>,
    unreadable: u64,
}

impl Summary {
    fn add(&mut self, other: Summary) {
        self.emails += other.emails;
        for (kind, count) in other.kinds {
            *self.kinds.entry(kind).or_default() += count;
        }
        self.recipients += other.recipients;
        for (reason, (hard, soft)) in other.reasons {
            let entry = self.reasons.entry(reason).or_default();
            entry.0 += hard;
            entry.1 += soft;
        }
        self.unreadable += other.unreadable;
    }

    fn write(&self, out: &mut dyn Write) -> io::Result<()> {
        let kinds: Vec<String> = self
            .kinds
            .iter()
            .map(|(kind, count)| format!("{kind} {count}"))
            .collect();
        writeln!(
            out,
            "emails: {} read ({}){}",
            self.emails,
            if kinds.is_empty() {
                "none".to_owned()
            } else {
                kinds.join(", ")
            },
            if self.unreadable > 0 {
                format!("; {} input(s) could not be read", self.unreadable)
            } else {
                String::new()
            }
        )?;
        let (hard, soft) = self
            .reasons
            .values()
            .fold((0, 0), |(h, s), &(hard, soft)| (h + hard, s + soft));
        writeln!(
            out,
            "recipients failed or delayed: {} (hard {hard}, soft {soft})",
            self.recipients
        )?;
        if self.reasons.is_empty() {
            return Ok(());
        }
        writeln!(out, "{:<18} {:>7} {:>7}", "reason", "hard", "soft")?;
        let mut reasons: Vec<_> = self.reasons.iter().collect();
        reasons.sort_by(|a, b| (b.1 .0 + b.1 .1).cmp(&(a.1 .0 + a.1 .1)).then(a.0.cmp(b.0)));
        for (reason, (hard, soft)) in reasons {
            writeln!(out, "{reason:<18} {hard:>7} {soft:>7}")?;
        }
        Ok(())
    }
}

pub(crate) fn run(args: &BounceArgs) -> ExitCode {
    if let Some(jobs) = args.jobs {
        // Only fails when a pool was built already, which this process never does.
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(jobs.max(1))
            .build_global();
    }
    let output = args.output();
    let mut summary = Summary::default();
    let mut inputs = Vec::new();
    for path in &args.paths {
        collect(path, &mut inputs, &mut summary);
    }
    let total: u64 = inputs.iter().map(Input::size).sum();
    let progress = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::hidden());
    progress.set_style(
        ProgressStyle::with_template("{bar:40} {bytes}/{total_bytes} {bytes_per_sec} eta {eta}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let show_progress = io::stderr().is_terminal();
    let started = Instant::now();
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut failed_write = false;
    let mut index = 0usize;
    let mut write = |done: Done, summary: &mut Summary, out: &mut dyn Write| {
        if let Some(error) = &done.error {
            eprintln!("{error}");
        }
        if !done.continues {
            index = 0;
        }
        let mut text = done.output;
        if !done.tsv.is_empty() {
            let file = clean(&done.file);
            for tail in &done.tsv {
                index += 1;
                let _ = write!(text, "{file}\t{index}\t{tail}");
            }
        }
        if !failed_write && out.write_all(text.as_bytes()).is_err() {
            // A closed pipe (`| head`): stop writing, keep counting.
            failed_write = true;
        }
        summary.add(done.summary);
    };
    let mut batch: Vec<Input> = Vec::with_capacity(BATCH);
    let mut pending = inputs.into_iter().peekable();
    while pending.peek().is_some() {
        batch.clear();
        while batch.len() < BATCH {
            match pending.peek() {
                Some(Input::File { size, path }) if *size > STREAMED_MBOX && starts_mbox(path) => {
                    if batch.is_empty() {
                        let Some(Input::File { path, size }) = pending.next() else {
                            unreachable!("peeked a file");
                        };
                        stream_mbox(&path, args, &mut |done| write(done, &mut summary, &mut out));
                        progress.inc(size);
                    }
                    break;
                }
                Some(_) => batch.extend(pending.next()),
                None => break,
            }
        }
        let done: Vec<Done> = batch
            .par_iter()
            .map(|input| read_input(input, args))
            .collect();
        for (input, done) in batch.iter().zip(done) {
            write(done, &mut summary, &mut out);
            progress.inc(input.size());
        }
        if show_progress && progress.is_hidden() && started.elapsed() > PROGRESS_AFTER {
            progress.set_draw_target(ProgressDrawTarget::stderr());
        }
    }
    progress.finish_and_clear();
    let _ = out.flush();
    if !args.no_summary {
        let written = if output == Output::Table {
            writeln!(out)
                .and_then(|()| summary.write(&mut out))
                .and_then(|()| out.flush())
        } else {
            summary.write(&mut io::stderr().lock())
        };
        let _ = written;
    }
    if summary.unreadable > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// The inputs `path` names: itself (a file, `-`), or the files under it (a directory, read
/// recursively in name order; in a Maildir, the messages of `cur/` and `new/` and of its
/// `.Folder` subfolders). A path that cannot be read is counted and reported.
fn collect(path: &Path, inputs: &mut Vec<Input>, summary: &mut Summary) {
    if path.as_os_str() == "-" {
        inputs.push(Input::Stdin);
        return;
    }
    let metadata = match std::fs::metadata(path) {
        Ok(metadata) => metadata,
        Err(error) => {
            eprintln!("{}: {error}", path.display());
            summary.unreadable += 1;
            return;
        }
    };
    if !metadata.is_dir() {
        inputs.push(Input::File {
            path: path.to_owned(),
            size: metadata.len(),
        });
        return;
    }
    let mut entries: Vec<(PathBuf, std::fs::FileType, String)> = match std::fs::read_dir(path) {
        Ok(entries) => entries
            .filter_map(Result::ok)
            .filter_map(|entry| {
                let file_type = entry.file_type().ok()?;
                let name = entry.file_name().to_string_lossy().into_owned();
                Some((entry.path(), file_type, name))
            })
            .collect(),
        Err(error) => {
            eprintln!("{}: {error}", path.display());
            summary.unreadable += 1;
            return;
        }
    };
    entries.sort_by(|a, b| a.2.cmp(&b.2));
    let is_maildir = ["cur", "new"].iter().all(|name| {
        entries
            .iter()
            .any(|(_, kind, entry)| kind.is_dir() && entry == name)
    });
    for (entry_path, file_type, name) in entries {
        if is_maildir {
            // A Maildir's messages are in cur/ and new/ (tmp/ holds deliveries in progress);
            // its subfolders are `.Name` directories; the rest is the server's index files.
            let wanted = file_type.is_dir()
                && (name == "cur" || name == "new" || (name.starts_with('.') && name.len() > 1));
            if wanted {
                collect(&entry_path, inputs, summary);
            }
        } else if name.starts_with('.') && !file_type.is_dir() {
            // Hidden files (editor and index files) are not emails.
        } else if file_type.is_dir() || file_type.is_file() || file_type.is_symlink() {
            collect(&entry_path, inputs, summary);
        }
    }
}

/// Whether the file starts with an mbox separator line.
fn starts_mbox(path: &Path) -> bool {
    let Ok(file) = File::open(path) else {
        return false;
    };
    let mut first = Vec::new();
    let _ = BufReader::new(file)
        .take(1024)
        .read_until(b'\n', &mut first);
    mbox::is_mbox(&first)
}

/// Reads one input whole and parses its emails.
fn read_input(input: &Input, args: &BounceArgs) -> Done {
    let label = input.label();
    let raw = match input {
        Input::File { path, size } => read_file(path, *size),
        Input::Stdin => {
            let mut raw = Vec::new();
            io::stdin().lock().read_to_end(&mut raw).map(|_| raw)
        }
    };
    let raw = match raw {
        Ok(raw) => raw,
        Err(error) => {
            return Done {
                error: Some(format!("{label}: {error}")),
                summary: Summary {
                    unreadable: 1,
                    ..Summary::default()
                },
                ..Done::default()
            };
        }
    };
    let mut done = Done {
        file: label,
        ..Done::default()
    };
    if mbox::is_mbox(&raw) {
        // An mbox of one email is named as a file; of several, `FILE#N` (in the table and JSON).
        let several = mbox::emails(&raw).nth(1).is_some();
        for (number, email) in mbox::emails(&raw).enumerate() {
            write_email(several.then_some(number + 1), email, args, &mut done);
        }
    } else {
        write_email(None, &raw, args, &mut done);
    }
    done
}

/// A file's bytes, read with its size known from the listing (one buffer, no second look at the
/// file's metadata); a file that grew since is read to its end all the same.
fn read_file(path: &Path, size: u64) -> io::Result<Vec<u8>> {
    let file = File::open(path)?;
    let mut raw = Vec::with_capacity(usize::try_from(size).unwrap_or(0).saturating_add(1));
    // Through `Take`, `read_to_end` reads into the buffer as it is, without `File`'s own query of
    // the size and position.
    file.take(u64::MAX).read_to_end(&mut raw)?;
    Ok(raw)
}

/// Streams a large mbox file, parsing its emails in parallel batches.
fn stream_mbox(path: &Path, args: &BounceArgs, write: &mut dyn FnMut(Done)) {
    let label = path.display().to_string();
    let file = match File::open(path) {
        Ok(file) => file,
        Err(error) => {
            write(Done {
                error: Some(format!("{label}: {error}")),
                summary: Summary {
                    unreadable: 1,
                    ..Summary::default()
                },
                ..Done::default()
            });
            return;
        }
    };
    let mut emails = mail_parser::mailbox::mbox::MessageIterator::new(BufReader::new(file));
    let mut number = 0usize;
    loop {
        let mut batch = Vec::with_capacity(BATCH);
        let mut error = None;
        for email in emails.by_ref().take(BATCH) {
            match email {
                Ok(email) => {
                    number += 1;
                    batch.push((number, email.unwrap_contents()));
                }
                Err(read_error) => {
                    error = Some(read_error);
                    break;
                }
            }
        }
        let done: Vec<Done> = batch
            .par_iter()
            .map(|(number, email)| {
                let mut done = Done {
                    file: label.clone(),
                    continues: *number > 1,
                    ..Done::default()
                };
                write_email(Some(*number), email, args, &mut done);
                done
            })
            .collect();
        let end = batch.len() < BATCH;
        for done in done {
            write(done);
        }
        if let Some(read_error) = error {
            write(Done {
                error: Some(format!("{label}: {read_error}")),
                summary: Summary {
                    unreadable: 1,
                    ..Summary::default()
                },
                ..Done::default()
            });
            return;
        }
        if end {
            return;
        }
    }
}

/// Parses one email (the `number`th of an mbox of several) and writes it in the chosen output,
/// counting it.
fn write_email(number: Option<usize>, raw: &[u8], args: &BounceArgs, done: &mut Done) {
    let label = match number {
        Some(number) => format!("{}#{number}", done.file),
        None => done.file.clone(),
    };
    let bounce = Bounce::parse(raw);
    let summary = &mut done.summary;
    summary.emails += 1;
    *summary.kinds.entry(bounce.kind().name()).or_default() += 1;
    let shown: Vec<&Recipient<'_>> = bounce
        .recipients()
        .iter()
        .filter(|recipient| args.all || recipient.is_failure())
        .collect();
    for recipient in bounce.failures() {
        summary.recipients += 1;
        let diagnosis = recipient.diagnosis();
        let entry = summary
            .reasons
            .entry(diagnosis.reason().name())
            .or_default();
        if diagnosis.is_hard() {
            entry.0 += 1;
        } else {
            entry.1 += 1;
        }
    }
    match args.output() {
        Output::Tsv => done
            .tsv
            .extend(shown.iter().map(|recipient| tsv_tail(recipient))),
        Output::Json => json_line(&mut done.output, &label, &bounce, &shown),
        Output::Table => table(&mut done.output, &label, &bounce, &shown),
    }
}

/// Text for one cell: tabs and line breaks become spaces.
fn clean(text: &str) -> Cow<'_, str> {
    if text.contains(['\t', '\r', '\n']) {
        Cow::Owned(text.replace(['\t', '\r', '\n'], " "))
    } else {
        Cow::Borrowed(text)
    }
}

fn cell<T: ToString>(value: Option<T>) -> String {
    value.map(|value| value.to_string()).unwrap_or_default()
}

/// A TSV line after its first two columns (`file recipient_index`): `recipient action status
/// reply_code command reason hard diagnostic`, with its line end.
fn tsv_tail(recipient: &Recipient<'_>) -> String {
    let diagnosis = recipient.diagnosis();
    let mut line = String::with_capacity(64 + recipient.diagnostic().len());
    line.push_str(&clean(recipient.address()));
    line.push('\t');
    line.push_str(recipient.action().name());
    line.push('\t');
    if let Some(status) = recipient.status() {
        let _ = write!(line, "{status}");
    }
    line.push('\t');
    if let Some(reply_code) = recipient.reply_code() {
        let _ = write!(line, "{reply_code}");
    }
    line.push('\t');
    line.push_str(recipient.command().map_or("", command_name));
    line.push('\t');
    line.push_str(diagnosis.reason().name());
    line.push('\t');
    line.push_str(if diagnosis.is_hard() { "true" } else { "false" });
    line.push('\t');
    line.push_str(&clean(recipient.diagnostic()));
    line.push('\n');
    line
}

/// One email as `--json` writes it: the keys in this order, `null` for what the email lacks.
#[derive(Serialize)]
struct EmailJson<'a> {
    file: &'a str,
    kind: &'static str,
    format: Option<&'static str>,
    subject: Option<&'a str>,
    from: Option<&'a str>,
    date: Option<&'a str>,
    reporting_mta: Option<&'a str>,
    original: OriginalJson<'a>,
    feedback: Option<FeedbackJson<'a>>,
    recipients: Vec<RecipientJson<'a>>,
}

/// The returned message's identifiers.
#[derive(Serialize)]
struct OriginalJson<'a> {
    message_id: Option<&'a str>,
    subject: Option<&'a str>,
    from: Option<&'a str>,
    to: Option<&'a str>,
    date: Option<&'a str>,
    envelope_sender: Option<&'a str>,
    verp_recipient: Option<String>,
    envelope_id: Option<&'a str>,
}

/// A complaint's fields (RFC 5965).
#[derive(Serialize)]
struct FeedbackJson<'a> {
    feedback_type: &'a str,
    user_agent: Option<&'a str>,
    recipient: Option<&'a str>,
    original_mail_from: Option<&'a str>,
    source_ip: Option<&'a str>,
    arrival_date: Option<&'a str>,
    reported_domain: Option<&'a str>,
}

/// A recipient with its diagnosis.
#[derive(Serialize)]
struct RecipientJson<'a> {
    address: &'a str,
    original_address: Option<&'a str>,
    action: &'static str,
    action_stated: bool,
    status: Option<String>,
    reply_code: Option<u16>,
    remote_mta: Option<&'a str>,
    command: Option<&'static str>,
    diagnostic: &'a str,
    date: Option<&'a str>,
    reason: &'static str,
    hard: bool,
    evidence: String,
}

fn json_line(out: &mut String, label: &str, bounce: &Bounce<'_>, shown: &[&Recipient<'_>]) {
    let original = bounce.original();
    let email = EmailJson {
        file: label,
        kind: bounce.kind().name(),
        format: bounce.format().map(smtp_codes_bounce::Format::name),
        subject: bounce.subject(),
        from: bounce.from(),
        date: bounce.date(),
        reporting_mta: bounce.reporting_mta(),
        original: OriginalJson {
            message_id: original.message_id(),
            subject: original.subject(),
            from: original.from(),
            to: original.to(),
            date: original.date(),
            envelope_sender: original.envelope_sender(),
            verp_recipient: original.verp_recipient(),
            envelope_id: original.envelope_id(),
        },
        feedback: bounce.feedback().map(|feedback| FeedbackJson {
            feedback_type: feedback.feedback_type(),
            user_agent: feedback.user_agent(),
            recipient: feedback.recipient(),
            original_mail_from: feedback.original_mail_from(),
            source_ip: feedback.source_ip(),
            arrival_date: feedback.arrival_date(),
            reported_domain: feedback.reported_domain(),
        }),
        recipients: shown
            .iter()
            .map(|recipient| {
                let diagnosis = recipient.diagnosis();
                RecipientJson {
                    address: recipient.address(),
                    original_address: recipient.original_address(),
                    action: recipient.action().name(),
                    action_stated: recipient.is_action_stated(),
                    status: recipient.status().map(|status| status.to_string()),
                    reply_code: recipient.reply_code(),
                    remote_mta: recipient.remote_mta(),
                    command: recipient.command().map(command_name),
                    diagnostic: recipient.diagnostic(),
                    date: recipient.date(),
                    reason: diagnosis.reason().name(),
                    hard: diagnosis.is_hard(),
                    evidence: diagnosis.evidence().to_string(),
                }
            })
            .collect(),
    };
    // Strings, numbers, booleans and lists of them, written into memory: this cannot fail.
    let json = serde_json::to_string(&email).expect("an email's JSON");
    out.push_str(&json);
    out.push('\n');
}

/// At most `width` characters of `text`, with `…` when cut.
fn fit(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_owned();
    }
    let mut cut: String = text.chars().take(width.saturating_sub(1)).collect();
    cut.push('…');
    cut
}

fn table(out: &mut String, label: &str, bounce: &Bounce<'_>, shown: &[&Recipient<'_>]) {
    let format = bounce
        .format()
        .map(|format| format!(" ({format})"))
        .unwrap_or_default();
    let _ = writeln!(out, "{}: {}{format}", clean(label), bounce.kind());
    if let Some(feedback) = bounce.feedback() {
        let _ = writeln!(
            out,
            "  complaint: {} about {} from {}",
            feedback.feedback_type(),
            feedback.recipient().unwrap_or("-"),
            feedback.user_agent().unwrap_or("an unnamed reporter"),
        );
    }
    for recipient in shown {
        let diagnosis = recipient.diagnosis();
        let address = if recipient.address().is_empty() {
            "(no address)"
        } else {
            recipient.address()
        };
        let _ = writeln!(
            out,
            "  {:<32} {:<9} {:<7} {:<4} {:<5} {:<15} {:<4} {}",
            fit(address, 32),
            recipient.action().name(),
            cell(recipient.status()),
            cell(recipient.reply_code()),
            cell(recipient.command().map(command_name)),
            diagnosis.reason().name(),
            if diagnosis.is_hard() { "hard" } else { "soft" },
            fit(&clean(recipient.diagnostic()), 100),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_cleaned_and_fitted() {
        assert_eq!(clean("a\tb\r\nc"), "a b  c");
        assert_eq!(fit("abcdef", 4), "abc…");
        assert_eq!(fit("abc", 4), "abc");
    }
}
