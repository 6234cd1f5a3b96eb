//! Explains SMTP replies with the library's API: the code, its class, the retry advice and, for a
//! failure, the bounce diagnosis. The command-line tool (`cargo install --path smtp-codes-cli`,
//! then `smtp-codes explain`) does more: enhanced status titles, EHLO capabilities, standard
//! input.
//!
//! ```text
//! cargo run --example explain -- 550 "421 4.7.0 Try again later"
//! cargo run --example explain -- --after rcpt 552
//! ```

use std::process::ExitCode;

use smtp_codes::{advice::Decision, Command, Reply};

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut after = None;
    if let Some(at) = args.iter().position(|arg| arg == "--after") {
        let Some(command) = args
            .get(at + 1)
            .and_then(|name| name.parse::<Command>().ok())
        else {
            eprintln!("--after takes a command: rcpt, mail, data, greeting, end-of-data, ...");
            return ExitCode::from(2);
        };
        after = Some(command);
        args.drain(at..at + 2);
    }
    let mut status = ExitCode::SUCCESS;
    for arg in &args {
        // A code alone is a reply without text.
        let line = format!("{arg}\r\n");
        let Ok((reply, _)) = Reply::parse(line.as_bytes()) else {
            eprintln!("not a reply: {arg}");
            status = ExitCode::FAILURE;
            continue;
        };
        println!("{arg}");
        println!("  class:  {}", reply.class());
        let decision = match reply.outcome(after.unwrap_or(Command::Noop)).decision() {
            Decision::Success => "success",
            Decision::Continue => "continue",
            Decision::RetryLater => "retry later",
            Decision::FailPermanently => "fail",
            _ => "unknown",
        };
        println!("  advice: {decision}");
        if reply.class().digit() >= 4 {
            let diagnosis = reply.diagnose(after);
            let verdict = if diagnosis.is_hard() { "hard" } else { "soft" };
            println!("  reason: {} ({verdict})", diagnosis.reason());
        }
    }
    status
}
