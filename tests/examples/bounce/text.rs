//! Bounces without a delivery-status part: the report text of a bounce email, and the failed
//! recipients it names, read with general patterns (not one per MTA).

use mail_parser::Message;

use crate::extract::{Failure, Source};
use crate::patterns::{command_in, enhanced_in, reply_code_in};

/// White space runs as one space, trimmed.
pub fn squeeze(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The bounce's own addresses (its sender, the original sender it is addressed to): never the
/// failed recipient.
pub fn own_addresses(message: &Message<'_>) -> Vec<String> {
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
pub fn report_text(message: &Message<'_>) -> String {
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

pub fn strip_tags(html: &str) -> String {
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
pub const RETURNED_MESSAGE: &[&str] = &[
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
pub fn cut_returned_message(text: &str) -> String {
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
pub const MAX_CONTEXT: usize = 1000;

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
pub const QUOTED_HEADERS: &[&str] = &[
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
pub fn about_the_returned_message(text: &str, offset: usize) -> bool {
    let line = text[line_start(text, offset)..offset]
        .trim_start()
        .to_ascii_lowercase();
    QUOTED_HEADERS.iter().any(|name| line.starts_with(name))
        || line.ends_with("(generated from ")
        || line.ends_with("envelope-from <")
}

pub fn text_failure(recipient: String, diagnostic: String, context: String) -> Failure {
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

pub fn truncate(text: &str) -> String {
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
pub fn line_start(text: &str, offset: usize) -> usize {
    text[..offset].rfind('\n').map_or(0, |lf| lf + 1)
}

/// The paragraph of `text` (up to a blank line, or [`MAX_CONTEXT`] bytes) from the line that
/// first names `address`, on one line; `None` when the text does not name it.
pub fn paragraph_about(text: &str, address: &str) -> Option<String> {
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
pub fn addresses(text: &str) -> Vec<(usize, String)> {
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
