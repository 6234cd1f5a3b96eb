//! The failed recipients of a bounce email, with what the bounce says about each.
//!
//! Shared by the `bounce` example and the corpus test (`tests/tests/bounce.rs`), which includes
//! this file. `mail-parser` finds the MIME parts; `smtp_codes::dsn` reads a
//! `message/delivery-status` part. Emails without one (or whose report does not parse) are read
//! from their text part with the general patterns documented on [`from_text`].

use mail_parser::{Message, MessageParser, MessagePart, MimeHeaders};
use smtp_codes::dsn::{self, DeliveryStatus};
use smtp_codes::{Command, Diagnosis, EnhancedCode, Reason};

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
    /// For a report's recipient with a `Diagnostic-Code`: its diagnosis
    /// (`dsn::Recipient::diagnose`, given the command the text part names).
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
    match delivery_status(&message, 0) {
        Some(report) => from_report(&report, &text),
        None => from_text(&text, &own_addresses(&message)),
    }
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
    if let Some((report, _)) = top {
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

/// Every recipient block whose action is not a success (`failed`, `delayed`, missing or unknown).
fn from_report(report: &DeliveryStatus<'_>, text: &str) -> Vec<Failure> {
    let mut failures = Vec::new();
    for recipient in report.recipients() {
        let action = recipient.action();
        if action.is_some_and(|action| !action.is_failure()) {
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
            diagnostic = context.clone().unwrap_or_default();
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
            report_diagnosis: diagnostic_code.map(|_| recipient.diagnose(command)),
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

/// White space runs as one space, trimmed.
fn squeeze(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The bounce's own addresses (its sender, the original sender it is addressed to): never the
/// failed recipient.
fn own_addresses(message: &Message<'_>) -> Vec<String> {
    let mut own = Vec::new();
    for address in [
        message.from(),
        message.to(),
        message.reply_to(),
        message.sender(),
    ]
    .into_iter()
    .flatten()
    {
        for addr in address.iter() {
            if let Some(email) = addr.address() {
                own.push(email.to_ascii_lowercase());
            }
        }
    }
    own
}

/// The human-readable report: the first `text/plain` part (else the first HTML part, tags
/// dropped), cut before the returned message.
fn report_text(message: &Message<'_>) -> String {
    let plain = message.text_bodies().find(|part| !part.is_text_html());
    let text = match plain.and_then(|part| part.text_contents()) {
        Some(text) => text.to_string(),
        None => message
            .html_bodies()
            .next()
            .and_then(|part| part.text_contents())
            .map(strip_tags)
            .unwrap_or_default(),
    };
    cut_returned_message(&text)
}

fn strip_tags(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                text.push(' ');
            }
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// How the lines that introduce the returned message begin, lower case, once leading white
/// space and separator punctuation (`-`, `=`, `*`, `_`) are dropped: what follows is the original
/// email, not the report. ("The original message was received at ..." is Sendmail's report.)
const RETURNED_MESSAGE: &[&str] = &[
    "this is a copy of",
    "below this line is a copy",
    "below is a copy",
    "enclosed is a copy",
    "included is a copy",
    "original message",
    "the original message follows",
    "the header of the original message",
    "returned message",
    "message headers follow",
    "unsent message below",
];

/// The text up to the first line that starts the returned message: a line that begins with a
/// [`RETURNED_MESSAGE`] phrase, or one that starts a header block of the original
/// (`Received:`, `Return-Path:`).
fn cut_returned_message(text: &str) -> String {
    let mut kept = String::with_capacity(text.len());
    for line in text.lines() {
        let lower = line.to_ascii_lowercase();
        let bare = lower.trim_start_matches(|c: char| c.is_whitespace() || "-=*_".contains(c));
        if RETURNED_MESSAGE
            .iter()
            .any(|marker| bare.starts_with(marker))
            || lower.starts_with("received: ")
            || lower.starts_with("return-path: ")
        {
            break;
        }
        kept.push_str(line);
        kept.push('\n');
    }
    kept
}

/// The longest diagnostic kept from a text bounce, in bytes.
const MAX_CONTEXT: usize = 1000;

/// Why the delivery to a recipient failed: the report's own diagnosis of the recipient when it
/// has a `Diagnostic-Code`, else [`Diagnosis::of`] the diagnostic with the status, reply code
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

/// The failures of a bounce without a delivery-status part, from its text. General patterns,
/// not one per MTA:
///
/// - the recipients are the addresses the text names, in order of first mention, except the
///   bounce's own (its `From`, `To`, `Reply-To`, `Sender`), `postmaster`/`mailer-daemon`, and
///   those on lines that quote the returned message's header ([`QUOTED_HEADERS`]);
///   a text that names none gives one recipient with an empty address;
/// - a recipient's diagnostic is the text from the line that first names it to the line that
///   first names the next one (at most [`MAX_CONTEXT`] bytes), which covers qmail's
///   `<address>:` paragraphs, Exim's indented address and its `SMTP error from remote mail
///   server after RCPT TO:<x>: host ...: 550 ...`, Sendmail's transcript lines, Exchange's
///   `address on date` blocks and the providers' "delivery to the following recipient failed"
///   paragraphs;
/// - the reply code, the enhanced code and the command are the first ones the diagnostic shows
///   ([`reply_code_in`], [`enhanced_in`], [`command_in`]).
pub fn from_text(text: &str, own: &[String]) -> Vec<Failure> {
    let mut mentions: Vec<(usize, String)> = Vec::new();
    for (offset, address) in addresses(text) {
        let lower = address.to_ascii_lowercase();
        let local = lower.split('@').next().unwrap_or("");
        if own.contains(&lower)
            || about_the_returned_message(text, offset)
            || matches!(local, "postmaster" | "mailer-daemon" | "mailer_daemon")
            || mentions.iter().any(|(_, seen)| *seen == lower)
        {
            continue;
        }
        mentions.push((offset, lower));
    }
    let mut failures = Vec::new();
    if mentions.is_empty() {
        let diagnostic = squeeze(text);
        if diagnostic.is_empty() {
            return failures;
        }
        failures.push(text_failure(
            String::new(),
            truncate(&diagnostic),
            String::new(),
        ));
        return failures;
    }
    for (index, (offset, address)) in mentions.iter().enumerate() {
        let start = line_start(text, *offset);
        let end = mentions
            .get(index + 1)
            .map_or(text.len(), |(next, _)| line_start(text, *next).max(*offset));
        let context = squeeze(&text[start..end]);
        failures.push(text_failure(
            address.clone(),
            truncate(&context),
            truncate(&squeeze(text)),
        ));
    }
    failures
}

/// Header fields that quote the returned message (its sender, its own recipients, its ids), lower
/// case: an address on such a line is not a failed recipient.
const QUOTED_HEADERS: &[&str] = &[
    "to:",
    "cc:",
    "bcc:",
    "from:",
    "sender:",
    "reply-to:",
    "date:",
    "subject:",
    "message-id:",
    "in-reply-to:",
    "references:",
    "return-path:",
    "delivered-to:",
    "envelope-to:",
    "original-envelope-id:",
];

/// Whether the address at `offset` is on a line that quotes the returned message's header, or in
/// Exim's `(generated from <alias>)` note: not a failed recipient.
fn about_the_returned_message(text: &str, offset: usize) -> bool {
    let line = text[line_start(text, offset)..offset]
        .trim_start()
        .to_ascii_lowercase();
    QUOTED_HEADERS.iter().any(|name| line.starts_with(name))
        || line.ends_with("(generated from ")
        || line.ends_with("envelope-from <")
}

fn text_failure(recipient: String, diagnostic: String, context: String) -> Failure {
    Failure {
        recipient,
        action: None,
        status: enhanced_in(&diagnostic),
        reply_code: reply_code_in(&diagnostic),
        command: command_in(&diagnostic),
        diagnostic,
        context,
        report_diagnosis: None,
        source: Source::Text,
    }
}

fn truncate(text: &str) -> String {
    if text.len() <= MAX_CONTEXT {
        return text.to_string();
    }
    let mut end = MAX_CONTEXT;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text[..end].to_string()
}

/// Where the line holding `offset` starts.
fn line_start(text: &str, offset: usize) -> usize {
    text[..offset].rfind('\n').map_or(0, |lf| lf + 1)
}

/// The paragraph of `text` (up to a blank line, or [`MAX_CONTEXT`] bytes) from the line that
/// first names `address`, on one line; `None` when the text does not name it.
fn paragraph_about(text: &str, address: &str) -> Option<String> {
    let lower = text.to_ascii_lowercase();
    let offset = lower.find(&address.to_ascii_lowercase())?;
    let start = line_start(text, offset);
    let rest = &text[start..];
    let end = rest
        .find("\n\n")
        .or_else(|| rest.find("\r\n\r\n"))
        .unwrap_or(rest.len());
    // A paragraph that is only the address (Exim, Gmail): take the next one too.
    let end = if squeeze(&rest[..end]).len() <= address.len() + 2 {
        rest[end..]
            .trim_start()
            .find("\n\n")
            .map_or(rest.len(), |next| {
                end + (rest[end..].len() - rest[end..].trim_start().len()) + next
            })
    } else {
        end
    };
    Some(truncate(&squeeze(&rest[..end])))
}

/// The addresses `local@domain` in `text`, with their offsets. The domain has a dot; surrounding
/// `<>`, quotes and punctuation are not part of it.
fn addresses(text: &str) -> Vec<(usize, String)> {
    let bytes = text.as_bytes();
    let is_local = |b: u8| b.is_ascii_alphanumeric() || b"!#$%&'*+/=?^_`{|}~.-".contains(&b);
    let is_domain = |b: u8| b.is_ascii_alphanumeric() || b == b'.' || b == b'-';
    let mut found = Vec::new();
    let mut at = 0;
    while let Some(next) = bytes[at..].iter().position(|&b| b == b'@') {
        let sign = at + next;
        at = sign + 1;
        let mut start = sign;
        while start > 0 && is_local(bytes[start - 1]) {
            start -= 1;
        }
        while start < sign && matches!(bytes[start], b'.' | b'\'') {
            start += 1;
        }
        let mut end = sign + 1;
        while end < bytes.len() && is_domain(bytes[end]) {
            end += 1;
        }
        while end > sign + 1 && matches!(bytes[end - 1], b'.' | b'-') {
            end -= 1;
        }
        let domain = &text[sign + 1..end];
        if start < sign && domain.contains('.') && !domain.starts_with('.') {
            found.push((start, text[start..end].to_string()));
        }
    }
    found
}

/// The first reply code in `text`: three digits, the first 2 to 5, not inside a longer number,
/// an address or a name, and followed by a space, `-`, `:`, `,`, `)` or the end.
pub fn reply_code_in(text: &str) -> Option<u16> {
    let bytes = text.as_bytes();
    for start in 0..bytes.len().saturating_sub(2) {
        let digits = &bytes[start..start + 3];
        if !(b'2'..=b'5').contains(&digits[0]) || !digits[1..].iter().all(u8::is_ascii_digit) {
            continue;
        }
        let before = start.checked_sub(1).map(|i| bytes[i]);
        let after = bytes.get(start + 3).copied();
        let clean_before =
            before.is_none_or(|b| !b.is_ascii_alphanumeric() && !b"._-/+=@".contains(&b));
        let clean_after = after.is_none_or(|b| b" -:,)]\t".contains(&b));
        // `550-5.1.1` and `550 5.1.1` are codes; `250-300` and `2.345` are not.
        let dash_number = after == Some(b'-')
            && bytes.get(start + 4).is_some_and(u8::is_ascii_digit)
            && bytes.get(start + 5) != Some(&b'.');
        if clean_before && clean_after && !dash_number {
            return text[start..start + 3].parse().ok();
        }
    }
    None
}

/// The first enhanced status code in `text` (`5.1.1`, `#5.1.1`, `(5.7.1)`), not inside an IP
/// address or a version number.
pub fn enhanced_in(text: &str) -> Option<EnhancedCode> {
    let bytes = text.as_bytes();
    let mut start = 0;
    while start + 5 <= bytes.len() {
        let before = start.checked_sub(1).map(|i| bytes[i]);
        if matches!(bytes[start], b'2' | b'4' | b'5')
            && bytes[start + 1] == b'.'
            && before.is_none_or(|b| !b.is_ascii_alphanumeric() && b != b'.')
        {
            let mut end = start + 2;
            let mut dots = 1;
            while end < bytes.len() && (bytes[end].is_ascii_digit() || bytes[end] == b'.') {
                if bytes[end] == b'.' {
                    dots += 1;
                }
                end += 1;
            }
            // A sentence may end right after the code.
            let candidate = text[start..end].trim_end_matches('.');
            let next = bytes.get(end).copied();
            if dots >= 2
                && next.is_none_or(|b| !b.is_ascii_alphanumeric())
                && candidate.matches('.').count() == 2
            {
                if let Ok(code) = EnhancedCode::parse(candidate.as_bytes()) {
                    return Some(code);
                }
            }
            start = end.max(start + 1);
        } else {
            start += 1;
        }
    }
    None
}

/// Phrases that say which command a reply answered, lower case, as MTAs write them: Postfix
/// `(in reply to RCPT TO command)` and `refused to talk to me` (the greeting), Exim
/// `after RCPT TO:<x>` and `after initial connection`, `Error following RCPT command`,
/// `DragonFly` `did not like our RCPT TO`, qmail `does not like recipient`, `sender was rejected`
/// and `failed after I sent the message`, Sendmail's transcript `>>> RCPT To:`, and the bracketed
/// `[RCPT_TO]` of some providers. The first phrase in the text decides.
const COMMAND_PHRASES: &[(&str, Command)] = &[
    ("in reply to rcpt to command", Command::Rcpt),
    ("in reply to mail from command", Command::Mail),
    ("in reply to end of data command", Command::EndOfData),
    ("in reply to data command", Command::Data),
    ("in reply to helo command", Command::Helo),
    ("in reply to ehlo command", Command::Ehlo),
    ("in reply to starttls command", Command::StartTls),
    ("in reply to the initial greeting", Command::Greeting),
    ("after rcpt to", Command::Rcpt),
    ("after mail from", Command::Mail),
    ("after end of data", Command::EndOfData),
    ("after data", Command::Data),
    ("after helo", Command::Helo),
    ("after ehlo", Command::Ehlo),
    ("after starttls", Command::StartTls),
    ("after initial connection", Command::Greeting),
    ("after rcpt command", Command::Rcpt),
    ("after mail command", Command::Mail),
    ("following rcpt", Command::Rcpt),
    ("following mail", Command::Mail),
    ("refused to talk to me", Command::Greeting),
    ("did not like our rcpt to", Command::Rcpt),
    ("did not like our mail from", Command::Mail),
    ("did not like our final data", Command::EndOfData),
    ("did not like our data", Command::Data),
    ("does not like recipient", Command::Rcpt),
    ("sender was rejected", Command::Mail),
    ("failed after i sent the message", Command::EndOfData),
    (">>> rcpt to", Command::Rcpt),
    (">>> mail from", Command::Mail),
    (">>> data", Command::Data),
    (">>> helo", Command::Helo),
    (">>> ehlo", Command::Ehlo),
    ("[rcpt_to]", Command::Rcpt),
    ("[mail_from]", Command::Mail),
    ("[data]", Command::Data),
];

/// The command the text says a reply answered: the earliest phrase of [`COMMAND_PHRASES`].
pub fn command_in(text: &str) -> Option<Command> {
    let lower = text.to_ascii_lowercase();
    COMMAND_PHRASES
        .iter()
        .filter_map(|&(phrase, command)| lower.find(phrase).map(|at| (at, command)))
        .min_by_key(|&(at, _)| at)
        .map(|(_, command)| command)
}

/// The command a session transcript shows failing (Sendmail: `>>> RCPT To:<x>` then
/// `<<< 550 ...`): the last command sent before the first 4yz/5yz reply that names `address`,
/// else before the first 4yz/5yz reply.
fn transcript_command(text: &str, address: &str) -> Option<Command> {
    let address = address.to_ascii_lowercase();
    let mut last = None;
    let mut first_failure = None;
    for line in text.lines() {
        let line = line.trim_start().to_ascii_lowercase();
        if let Some(sent) = line.strip_prefix(">>> ") {
            last = verb(sent);
        } else if let Some(reply) = line.strip_prefix("<<< ") {
            if reply.starts_with('4') || reply.starts_with('5') {
                if !address.is_empty() && reply.contains(&address) {
                    return last;
                }
                first_failure = first_failure.or(Some(last));
            }
        }
    }
    first_failure.flatten()
}

/// The command an SMTP client line sends.
fn verb(sent: &str) -> Option<Command> {
    let word = sent.split([' ', ':']).next().unwrap_or("");
    Some(match word {
        "helo" => Command::Helo,
        "ehlo" => Command::Ehlo,
        "mail" => Command::Mail,
        "rcpt" => Command::Rcpt,
        "data" => Command::Data,
        "starttls" => Command::StartTls,
        "auth" => Command::Auth,
        "." => Command::EndOfData,
        _ => return None,
    })
}

/// The command's name in the TSV output: the SMTP verb (`DATA` for the end of the data too, as
/// the failure answers the DATA transaction), `CONN` for the greeting.
pub fn command_name(command: Command) -> &'static str {
    match command {
        Command::Greeting => "CONN",
        Command::Helo => "HELO",
        Command::Ehlo => "EHLO",
        Command::Lhlo => "LHLO",
        Command::Mail => "MAIL",
        Command::Rcpt => "RCPT",
        Command::Data | Command::EndOfData => "DATA",
        Command::Bdat => "BDAT",
        Command::Rset => "RSET",
        Command::Vrfy => "VRFY",
        Command::Expn => "EXPN",
        Command::Help => "HELP",
        Command::Noop => "NOOP",
        Command::Quit => "QUIT",
        Command::StartTls => "STARTTLS",
        Command::Auth => "AUTH",
        Command::Etrn => "ETRN",
        Command::Atrn => "ATRN",
        Command::Burl => "BURL",
        _ => "",
    }
}
