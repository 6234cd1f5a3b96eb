//! The failed recipients of bounce emails, diagnosed.
//!
//! ```text
//! cargo run -p smtp-codes-tests --example bounce -- FILE.eml...
//! cargo run -p smtp-codes-tests --example bounce -- --tsv FILE.eml...
//! ```
//!
//! For every failed recipient: the address, the report's action, the status, the reply code, the
//! command the reply answered (when the text says), the reason and whether to suppress the
//! address, and the diagnostic text. `mail-parser` finds the MIME parts; a
//! `message/delivery-status` part is read by `smtp_codes::dsn`, and a bounce without one from its
//! text part (see `extract.rs`).
//!
//! With `--tsv`, one line per recipient in report order, no header, these tab-separated columns:
//! `file recipient_index recipient action status reply_code command reason hard diagnostic`
//! (empty cells for unknowns; tabs and line breaks in the diagnostic become spaces).

mod extract;
mod patterns;
mod text;

use std::process::ExitCode;

use extract::{diagnose, failures_in_file, Failure, Source};
use patterns::command_name;

fn main() -> ExitCode {
    let mut tsv = false;
    let mut files = Vec::new();
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--tsv" => tsv = true,
            "-h" | "--help" => {
                println!("usage: bounce [--tsv] FILE.eml...");
                return ExitCode::SUCCESS;
            }
            _ => files.push(arg),
        }
    }
    if files.is_empty() {
        eprintln!("usage: bounce [--tsv] FILE.eml...");
        return ExitCode::from(2);
    }
    let mut status = ExitCode::SUCCESS;
    for file in &files {
        let raw = match std::fs::read(file) {
            Ok(raw) => raw,
            Err(error) => {
                eprintln!("{file}: {error}");
                status = ExitCode::FAILURE;
                continue;
            }
        };
        let found = failures_in_file(&raw);
        if !tsv && found.is_empty() {
            println!("{file}: no failed recipient found\n");
        }
        for (index, failure) in found.iter().enumerate() {
            if tsv {
                println!("{}", tsv_line(file, index + 1, failure));
            } else {
                print_block(file, index + 1, failure);
            }
        }
    }
    status
}

fn cell<T: ToString>(value: Option<T>) -> String {
    value.map(|value| value.to_string()).unwrap_or_default()
}

/// One TSV line: the ten columns, tabs and line breaks in the text cells made spaces.
fn tsv_line(file: &str, index: usize, failure: &Failure) -> String {
    let clean = |text: &str| text.replace(['\t', '\r', '\n'], " ");
    let diagnosis = diagnose(failure);
    [
        clean(file),
        index.to_string(),
        clean(&failure.recipient),
        cell(failure.action),
        cell(failure.status),
        cell(failure.reply_code),
        cell(failure.command.map(command_name)),
        diagnosis.reason().name().to_string(),
        diagnosis.is_hard().to_string(),
        clean(&failure.diagnostic),
    ]
    .join("\t")
}

fn print_block(file: &str, index: usize, failure: &Failure) {
    let unknown = |text: String| {
        if text.is_empty() {
            "-".to_string()
        } else {
            text
        }
    };
    println!("{file} #{index}");
    println!("  recipient:  {}", unknown(failure.recipient.clone()));
    println!(
        "  read from:  {}",
        match failure.source {
            Source::Report => "the delivery-status report",
            Source::Text => "the text part",
        }
    );
    println!("  action:     {}", unknown(cell(failure.action)));
    println!("  status:     {}", unknown(cell(failure.status)));
    println!("  reply code: {}", unknown(cell(failure.reply_code)));
    println!(
        "  command:    {}",
        unknown(cell(failure.command.map(command_name)))
    );
    let diagnosis = diagnose(failure);
    println!(
        "  reason:     {} ({})",
        diagnosis.reason(),
        diagnosis.reason().description()
    );
    println!(
        "  bounce:     {}",
        if diagnosis.is_hard() {
            "hard: suppress the address"
        } else {
            "soft: the address is fine"
        }
    );
    println!("  evidence:   {}", diagnosis.evidence());
    println!("  diagnostic: {}", unknown(failure.diagnostic.clone()));
    println!();
}
