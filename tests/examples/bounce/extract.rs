//! The failed recipients of a bounce email, with what the bounce says about each.
//!
//! Shared by the `bounce` example and the corpus test (`tests/tests/bounce.rs`), which includes
//! this file and its siblings `text.rs` and `patterns.rs` (declared beside it at the crate root).
//! `mail-parser` finds the MIME parts; `smtp_codes::dsn` reads a `message/delivery-status` part.
//! Emails without one (or whose report does not parse) are read from their text part with the
//! general patterns documented on `text::from_text`.

use mail_parser::{Message, MessageParser, MessagePart, MimeHeaders};
use smtp_codes::dsn::{self, DeliveryStatus};
use smtp_codes::{Command, Diagnosis, EnhancedCode, Reason};

use crate::patterns::{command_in, enhanced_in, reply_code_in, transcript_command};
use crate::text::{cut_returned_message, from_text, own_addresses, paragraph_about, report_text};
use crate::text::{squeeze, truncate};

/// Where a failure was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// A recipient block of a `message/delivery-status` part.
    Report,
    /// The text part: the remote reply quoted by the reporting MTA.
    Text,
}

/// One failed recipient.
#[derive(Debug, Clone)]
pub struct Failure {
    /// The address (empty when the text names none).
    pub recipient: String,
    /// The report's `Action` (`failed`, `delayed`); `None` for text bounces.
    pub action: Option<dsn::Action>,
    /// The enhanced status code: the report's `Status`, else the first in the diagnostic.
    pub status: Option<EnhancedCode>,
    /// The reply code of the remote server's reply, when the bounce quotes one.
    pub reply_code: Option<u16>,
    /// The command the reply answered, when the text says.
    pub command: Option<Command>,
    /// The diagnostic text, on one line.
    pub diagnostic: String,
    /// More of the bounce's words about this recipient, on one line, for when the diagnostic
    /// says too little: for a report, the text part's paragraph about the address; for a text
    /// bounce, the whole report text (the reason may come before the address).
    pub context: String,
    /// For a report's recipient: its diagnosis (`dsn::Recipient::diagnose`, given the command the
    /// text part names).
    pub report_diagnosis: Option<Diagnosis>,
    /// Where it was read from.
    pub source: Source,
}

/// The failed recipients of a file holding one bounce email, or several in mbox format (each
/// after a `From sender date` line), in report order.
pub fn failures_in_file(raw: &[u8]) -> Vec<Failure> {
    mbox_messages(raw).into_iter().flat_map(failures).collect()
}

/// The messages of an mbox (RFC 4155): the file starts with a `From ` separator line, and each
/// further one (`From ` then a sender, white space and a weekday) starts a message. Anything
/// else is one message.
fn mbox_messages(raw: &[u8]) -> Vec<&[u8]> {
    let is_separator = |line: &[u8]| {
        let Some(rest) = line.strip_prefix(b"From ") else {
            return false;
        };
        let Some(space) = rest.iter().position(|&b| b == b' ') else {
            return false;
        };
        let date = String::from_utf8_lossy(&rest[space..]);
        let date = date.trim_start();
        ["Mon ", "Tue ", "Wed ", "Thu ", "Fri ", "Sat ", "Sun "]
            .iter()
            .any(|day| date.starts_with(day))
    };
    if !is_separator(raw) {
        return vec![raw];
    }
    let mut starts = Vec::new();
    let mut at = 0;
    while at < raw.len() {
        if is_separator(&raw[at..]) {
            starts.push(at);
        }
        at += raw[at..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(raw.len() - at, |lf| lf + 1);
    }
    starts.push(raw.len());
    starts
        .windows(2)
        .map(|pair| {
            // Past the separator line itself.
            let message = &raw[pair[0]..pair[1]];
            let body = message
                .iter()
                .position(|&b| b == b'\n')
                .map_or(message.len(), |lf| lf + 1);
            &message[body..]
        })
        .collect()
}

/// The failed recipients of one bounce email, in report order.
pub fn failures(raw: &[u8]) -> Vec<Failure> {
    let Some(message) = MessageParser::default().parse(raw) else {
        return Vec::new();
    };
    let mut text = report_text(&message);
    if text.trim().is_empty() {
        // No readable part (a MIME structure whose boundaries do not match): the raw body.
        let body = message.root_part().raw_body_offset() as usize;
        text = cut_returned_message(&String::from_utf8_lossy(&raw[body.min(raw.len())..]));
    }
    if let Some(report) = delivery_status(&message, 0) {
        let found = from_report(&report, &text);
        // A report with neither a failed recipient nor any action says nothing: read the text.
        if !found.is_empty()
            || report
                .recipients()
                .any(|recipient| recipient.action().is_some())
        {
            return found;
        }
    }
    from_text(&text, &own_addresses(&message))
}

/// How deep attached messages are searched for a report.
const MAX_NESTING: usize = 3;

/// The first `message/delivery-status` (or `message/global-delivery-status`, RFC 6533) part that
/// holds a report; else the first one in an attached message (a bounce forwarded to the sender).
/// What follows a report's last field block (a broken MIME boundary, say) is left out.
fn delivery_status<'a>(message: &'a Message<'a>, depth: usize) -> Option<DeliveryStatus<'a>> {
    let is_report = |part: &MessagePart<'_>| {
        part.content_type().is_some_and(|content_type| {
            let subtype = content_type.subtype().unwrap_or("");
            content_type.ctype().eq_ignore_ascii_case("message")
                && (subtype.eq_ignore_ascii_case("delivery-status")
                    || subtype.eq_ignore_ascii_case("global-delivery-status"))
        })
    };
    let top = message
        .parts
        .iter()
        .filter(|part| is_report(part))
        .find_map(|part| DeliveryStatus::parse_prefix(part.contents()).ok());
    if let Some(prefix) = top {
        let report = prefix.report;
        return Some(report);
    }
    if depth >= MAX_NESTING {
        return None;
    }
    message
        .parts
        .iter()
        .filter_map(MessagePart::message)
        .find_map(|attached| delivery_status(attached, depth + 1))
}

/// Every recipient block whose action is not a success (`failed`, `delayed`, missing or unknown)
/// and that names an address or an action.
fn from_report(report: &DeliveryStatus<'_>, text: &str) -> Vec<Failure> {
    let mut failures = Vec::new();
    for recipient in report.recipients() {
        let action = recipient.action();
        // A success; or a block with neither an address nor an action, which is no recipient's.
        if action.is_some_and(|action| !action.is_failure())
            || (action.is_none() && recipient.address().is_none())
        {
            continue;
        }
        let address = recipient
            .address()
            .map(|address| {
                String::from_utf8_lossy(address)
                    .trim_matches(|c| c == '<' || c == '>')
                    .to_string()
            })
            .unwrap_or_default();
        // The text part's paragraph about this address: the command and, when the report has no
        // Diagnostic-Code, the diagnostic.
        let context = if address.is_empty() {
            None
        } else {
            paragraph_about(text, &address)
        };
        let diagnostic_code = recipient.diagnostic_code();
        // The reply on one line: its codes once, then each line's text (a folded multi-line
        // reply repeats its codes on every line).
        let mut diagnostic = diagnostic_code
            .map(|code| {
                let mut parts: Vec<String> = Vec::new();
                parts.extend(code.reply_code().map(|reply| reply.to_string()));
                parts.extend(code.enhanced().map(|enhanced| enhanced.to_string()));
                parts.push(join_lines(&code.text_lines().collect::<Vec<_>>()));
                without_repeated_codes(&squeeze(&parts.join(" ")), code)
            })
            .unwrap_or_default();
        if diagnostic.is_empty() {
            // No Diagnostic-Code: the Status comment, else the text part's paragraph.
            diagnostic = recipient
                .status_comment()
                .map(|comment| squeeze(&String::from_utf8_lossy(comment)))
                .or_else(|| context.clone())
                .unwrap_or_default();
        }
        let reply_code = diagnostic_code
            .and_then(|code| code.reply_code())
            .or_else(|| reply_code_in(&diagnostic));
        // A generic `X.0.0` Status yields to the specific code the diagnostic shows
        // (`550 #5.1.0 Address rejected`).
        let specific = diagnostic_code
            .and_then(|code| code.enhanced())
            .or_else(|| enhanced_in(&diagnostic));
        let status = match recipient.status() {
            Some(status) if status.subject() == 0 && status.detail() == 0 => specific
                .filter(|code| code.class() == status.class())
                .or(Some(status)),
            Some(status) => Some(status),
            None => specific,
        };
        let command = context
            .as_deref()
            .and_then(command_in)
            .or_else(|| transcript_command(text, &address))
            .or_else(|| command_in(&diagnostic));
        failures.push(Failure {
            recipient: address,
            action,
            status,
            reply_code,
            command,
            diagnostic,
            // Without a paragraph about the address (a Sendmail transcript, say): the whole text.
            context: context.unwrap_or_else(|| truncate(&squeeze(text))),
            report_diagnosis: Some(recipient.diagnose(command)),
            source: Source::Report,
        });
    }
    failures
}

/// `text` without the reply code and enhanced code that a multi-line reply joined onto one line
/// repeats in its middle (Postfix writes Gmail's `550-5.7.1 a` / `550 5.7.1 b` as
/// `550-5.7.1 a 550 5.7.1 b`).
fn without_repeated_codes(text: &str, code: dsn::DiagnosticCode<'_>) -> String {
    let (Some(reply), Some(enhanced)) = (code.reply_code(), code.enhanced()) else {
        return text.to_string();
    };
    let mut cleaned = text.to_string();
    for separator in [' ', '-'] {
        cleaned = cleaned.replace(&format!(" {reply}{separator}{enhanced} "), " ");
    }
    cleaned
}

/// Lines joined by single spaces, white space runs (tabs, line breaks) reduced to one space.
fn join_lines(lines: &[&[u8]]) -> String {
    let joined: Vec<String> = lines
        .iter()
        .map(|line| String::from_utf8_lossy(line).into_owned())
        .collect();
    squeeze(&joined.join(" "))
}

/// Why the delivery to a recipient failed: the report's own diagnosis of the recipient, else [`Diagnosis::of`] the diagnostic with the status, reply code
/// and command found; when that says `Undefined`, [`Diagnosis::of`] the failure's context (the
/// text part's words about the recipient, or the whole text of a text bounce).
pub fn diagnose(failure: &Failure) -> Diagnosis {
    let first = failure.report_diagnosis.unwrap_or_else(|| {
        Diagnosis::of(
            failure.reply_code,
            failure.status,
            failure.diagnostic.as_bytes(),
            failure.command,
        )
    });
    if first.reason() != Reason::Undefined || failure.context.is_empty() {
        return first;
    }
    let again = Diagnosis::of(
        failure.reply_code,
        failure.status,
        failure.context.as_bytes(),
        failure.command,
    );
    if again.reason() == Reason::Undefined {
        first
    } else {
        again
    }
}
