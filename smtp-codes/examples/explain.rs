//! Explains SMTP replies and reply codes.
//!
//! ```text
//! cargo run --example explain -- 550
//! cargo run --example explain -- "550 5.1.1 <bob@example.com>: Recipient address rejected" 421 571
//! cargo run --example explain -- --after rcpt 552
//! printf '250-mx.example.com\r\n250 SIZE 1000\r\n' | cargo run --example explain
//! ```
//!
//! Each argument is a reply code or a whole reply line; with no argument, replies are read from
//! standard input. `--after COMMAND` gives the advice for a reply to that command (greeting, helo,
//! ehlo, lhlo, mail, rcpt, data, end-of-data, bdat, rset, vrfy, expn, help, noop, quit, starttls,
//! auth, etrn, atrn, burl).

use std::io::Read;
use std::process::ExitCode;

use smtp_codes::{Action, Command, Outcome, Reply};

fn command(name: &str) -> Option<Command> {
    Some(match name.to_ascii_lowercase().as_str() {
        "greeting" => Command::Greeting,
        "helo" => Command::Helo,
        "ehlo" => Command::Ehlo,
        "lhlo" => Command::Lhlo,
        "mail" => Command::Mail,
        "rcpt" => Command::Rcpt,
        "data" => Command::Data,
        "end-of-data" => Command::EndOfData,
        "bdat" => Command::Bdat,
        "rset" => Command::Rset,
        "vrfy" => Command::Vrfy,
        "expn" => Command::Expn,
        "help" => Command::Help,
        "noop" => Command::Noop,
        "quit" => Command::Quit,
        "starttls" => Command::StartTls,
        "auth" => Command::Auth,
        "etrn" => Command::Etrn,
        "atrn" => Command::Atrn,
        "burl" => Command::Burl,
        _ => return None,
    })
}

/// What to do, in words.
fn advice(outcome: Outcome) -> String {
    let action = match outcome.action() {
        Action::Success => "success: the command was accepted",
        Action::Continue => "continue: send what the server asks for",
        Action::RetryLater => "retry later: the condition is temporary",
        Action::FailPermanently => "fail: do not retry the same request",
        _ => "unknown",
    };
    if outcome.is_closing() {
        format!("{action}; the session is over (send QUIT, reconnect for more)")
    } else {
        action.to_owned()
    }
}

fn explain(reply: &Reply<'_>, after: Option<Command>) -> String {
    let mut out = String::new();
    for line in reply.as_bytes().split_inclusive(|&byte| byte == b'\n') {
        let line = line.strip_suffix(b"\n").unwrap_or(line);
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        // Text in any encoding: shown as UTF-8 where it is, escaped where it is not.
        out.push_str(&format!(
            "{}\n",
            line.utf8_chunks().fold(String::new(), |mut shown, chunk| {
                shown.push_str(chunk.valid());
                shown.extend(chunk.invalid().iter().map(|byte| format!("\\x{byte:02x}")));
                shown
            })
        ));
    }
    let code = reply.code();
    match reply.reply_code() {
        Some(known) => out.push_str(&format!("  code:      {known} ({})\n", known.reference())),
        None => out.push_str(&format!(
            "  code:      {code} (not in the table: an unknown {} code, decided by its first digit)\n",
            if reply.class().is_negative() {
                if reply.class().is_transient() { "transient" } else { "permanent" }
            } else {
                "positive"
            }
        )),
    }
    out.push_str(&format!(
        "  class:     {}yz {}\n",
        code / 100,
        reply.class()
    ));
    match reply.category() {
        Some(category) => {
            out.push_str(&format!("  category:  x{}z {category}\n", category.digit()))
        }
        None => out.push_str(&format!(
            "  category:  none (second digit {} is above 5)\n",
            code / 10 % 10
        )),
    }
    if let Some(enhanced) = reply.enhanced() {
        let title = enhanced
            .status()
            .map_or("not in the IANA registry", |status| status.title());
        let subject = enhanced
            .subject_kind()
            .map_or("unknown subject", |subject| subject.name());
        out.push_str(&format!(
            "  enhanced:  {enhanced} {title} ({}; {subject})\n",
            enhanced.class()
        ));
    }
    match after {
        Some(command) => out.push_str(&format!(
            "  advice:    after {command:?}: {}\n",
            advice(reply.outcome(command))
        )),
        None => {
            out.push_str(&format!(
                "  advice:    {}\n",
                advice(reply.outcome(Command::Noop))
            ));
            if code == 552 {
                out.push_str("             (in reply to RCPT: too many recipients, retry later: RFC 5321 §4.5.3.1.10)\n");
            }
        }
    }
    out
}

/// Explains every reply in `input`; `false` when some part is not a reply.
fn explain_all(mut input: &[u8], after: Option<Command>) -> bool {
    while !input.is_empty() {
        match Reply::parse(input) {
            Ok((reply, used)) => {
                println!("{}", explain(&reply, after));
                input = &input[used..];
            }
            Err(err) => {
                eprintln!("not a reply: {err}");
                return false;
            }
        }
    }
    true
}

fn main() -> ExitCode {
    let mut args: Vec<Vec<u8>> = std::env::args_os()
        .skip(1)
        .map(|arg| arg.as_encoded_bytes().to_vec())
        .collect();
    let mut after = None;
    if let Some(index) = args.iter().position(|arg| arg == b"--after") {
        let name = args
            .get(index + 1)
            .map(|name| String::from_utf8_lossy(name).into_owned());
        match name.as_deref().and_then(command) {
            Some(command) => after = Some(command),
            None => {
                eprintln!("--after takes a command: greeting, helo, ehlo, mail, rcpt, data, end-of-data, quit, ...");
                return ExitCode::from(2);
            }
        }
        args.drain(index..index + 2);
    }
    let mut ok = true;
    if args.is_empty() {
        let mut input = Vec::new();
        if let Err(err) = std::io::stdin().read_to_end(&mut input) {
            eprintln!("cannot read standard input: {err}");
            return ExitCode::FAILURE;
        }
        ok = explain_all(&input, after);
    }
    for mut arg in args {
        // An argument is one reply line, or a code alone.
        if !arg.ends_with(b"\n") {
            arg.extend_from_slice(b"\r\n");
        }
        ok &= explain_all(&arg, after);
    }
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
