//! `smtp-codes explain`: what a reply code or a whole reply means, the retry advice for the
//! command it answers, and, for a failure, its bounce diagnosis. A reply to EHLO or LHLO is also
//! read as the server's capabilities, each with the IANA registry's description: with `--after
//! ehlo` (or `lhlo`), and without `--after` when the reply looks like one (a `250` reply of several
//! lines, at least one of which starts with a registered extension keyword).

use std::io::Read;
use std::process::ExitCode;

use smtp_codes::{
    advice::Decision, ehlo::MessageSize, enhanced::Subject, Class, Command, Ehlo, EnhancedStatus,
    Outcome, Reply,
};

/// What to do, in words.
fn advice(outcome: Outcome) -> String {
    let action = match outcome.decision() {
        Decision::Success => "success: the command was accepted",
        Decision::Continue => "continue: send what the server asks for",
        Decision::RetryLater => "retry later: the condition is temporary",
        Decision::FailPermanently => "fail: do not retry the same request",
        _ => "unknown",
    };
    if outcome.is_closing() {
        format!("{action}; the session is over (send QUIT, reconnect for more)")
    } else {
        action.to_owned()
    }
}

/// Text in any encoding: shown as UTF-8 where it is, escaped where it is not.
fn shown(bytes: &[u8]) -> String {
    let mut shown = String::new();
    for chunk in bytes.utf8_chunks() {
        shown.push_str(chunk.valid());
        shown.extend(chunk.invalid().iter().map(|byte| format!("\\x{byte:02x}")));
    }
    shown
}

/// Whether to read the reply as a reply to EHLO: told so, or, when not told what it answers, a
/// `250` reply of several lines with at least one registered extension keyword.
fn is_ehlo_reply<'a>(reply: &Reply<'a>, after: Option<Command>) -> Option<Ehlo<'a>> {
    let ehlo = Ehlo::parse(reply).ok()?;
    let told = matches!(after, Some(Command::Ehlo | Command::Lhlo));
    let looks = after.is_none()
        && reply.line_count() > 1
        && ehlo
            .capabilities()
            .any(|capability| capability.extension().is_some());
    (told || looks).then_some(ehlo)
}

/// The server's domain and each capability with the registry's description.
fn explain_capabilities(ehlo: &Ehlo<'_>) {
    println!("  server:    {}", shown(ehlo.domain()));
    if ehlo.capabilities().next().is_none() {
        println!("  capabilities: none (a one-line reply to EHLO/LHLO)");
        return;
    }
    println!("  capabilities (reply to EHLO/LHLO):");
    for capability in ehlo.capabilities() {
        let line = shown(capability.line());
        let Some(extension) = capability.extension() else {
            println!("    {line:<28} not in the IANA registry");
            continue;
        };
        let mut meaning = format!("{} ({})", extension.description(), extension.reference());
        if extension == smtp_codes::Extension::Size {
            let size = match ehlo.size() {
                Some(MessageSize::Maximum(octets)) => format!(": at most {octets} octets"),
                Some(MessageSize::NoFixedMaximum) => ": no fixed maximum".to_owned(),
                _ => ": malformed number".to_owned(),
            };
            meaning.push_str(&size);
        }
        if capability.is_equals_form() {
            meaning.push_str("; the pre-standard `=` form");
        }
        println!("    {line:<28} {meaning}");
    }
}

/// Prints the reply as sent, then what it means.
fn explain(reply: &Reply<'_>, after: Option<Command>) {
    for line in reply.as_bytes().split_inclusive(|&byte| byte == b'\n') {
        let line = line.strip_suffix(b"\n").unwrap_or(line);
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        println!("{}", shown(line));
    }
    let code = reply.code();
    let class = reply.class();
    if let Some(known) = reply.reply_code() {
        println!("  code:      {known} ({})", known.reference());
    } else {
        let kind = match class {
            Class::TransientNegativeCompletion => "transient",
            Class::PermanentNegativeCompletion => "permanent",
            _ => "positive",
        };
        println!("  code:      {code} (not in the table: an unknown {kind} code, decided by its first digit)");
    }
    println!("  class:     {}yz {class}", class.digit());
    if let Some(category) = reply.category() {
        println!("  category:  x{}z {category}", category.digit());
    } else {
        println!(
            "  category:  none (second digit {} is above 5)",
            code / 10 % 10
        );
    }
    if let Some(enhanced) = reply.enhanced() {
        let title = enhanced
            .status()
            .map_or("not in the IANA registry", EnhancedStatus::title);
        let subject = enhanced
            .subject_kind()
            .map_or("unknown subject", Subject::name);
        println!(
            "  enhanced:  {enhanced} {title} ({}; {subject})",
            enhanced.class()
        );
    }
    if let Some(ehlo) = is_ehlo_reply(reply, after) {
        explain_capabilities(&ehlo);
    }
    if let Some(command) = after {
        println!(
            "  advice:    after {command}: {}",
            advice(reply.outcome(command))
        );
    } else {
        println!("  advice:    {}", advice(reply.outcome(Command::Noop)));
        if code == 552 {
            println!("             (in reply to RCPT: too many recipients, retry later: RFC 5321 §4.5.3.1.10)");
        }
    }
    // Only failures have a bounce reason; a positive reply has nothing to diagnose.
    if matches!(
        class,
        Class::TransientNegativeCompletion | Class::PermanentNegativeCompletion
    ) {
        let diagnosis = reply.diagnose(after);
        let verdict = if diagnosis.is_hard() {
            "hard: suppress the address"
        } else {
            "soft: keep the address"
        };
        println!(
            "  reason:    {} ({verdict}): {}",
            diagnosis.reason(),
            diagnosis.reason().description()
        );
        println!("  evidence:  {}", diagnosis.evidence());
    }
    println!();
}

/// Explains every reply in `input`; `false` when some part is not a reply.
fn explain_all(mut input: &[u8], after: Option<Command>) -> bool {
    while !input.is_empty() {
        match Reply::parse(input) {
            Ok((reply, used)) => {
                explain(&reply, after);
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

/// Explains every argument (a code or a reply line), or standard input when there is none.
/// Exit code 1 when some input is not a reply.
pub(crate) fn run(after: Option<Command>, replies: &[std::ffi::OsString]) -> ExitCode {
    let mut ok = true;
    if replies.is_empty() {
        let mut input = Vec::new();
        if let Err(err) = std::io::stdin().read_to_end(&mut input) {
            eprintln!("cannot read standard input: {err}");
            return ExitCode::FAILURE;
        }
        ok = explain_all(&input, after);
    }
    for reply in replies {
        // An argument is one reply line, or a code alone.
        let mut arg = reply.as_encoded_bytes().to_vec();
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
