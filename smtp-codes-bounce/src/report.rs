//! Recipients from a `message/delivery-status` part (RFC 3464), with what the text part says
//! about each.

use std::borrow::Cow;
use std::fmt::Write as _;

use smtp_codes::dsn::{self, Action, DeliveryStatus};
use smtp_codes::Command;

use crate::keep::{keep_bytes, squeeze};
use crate::recipient::{diagnose, Recipient, Source};
use crate::scan::{command_in, enhanced_in, reply_code_in, Transcript};
use crate::text::{cap_diagnostic, paragraph_at, squeeze_truncated, FirstMentions, ReportText};

/// What the rest of the bounce gives a report's recipients.
pub(crate) struct Context<'t, 'a> {
    pub(crate) raw: &'a [u8],
    pub(crate) text: &'t ReportText<'a>,
    pub(crate) mentions: &'t FirstMentions,
    pub(crate) transcript: &'t Transcript,
    /// The action of a block without a valid `Action` field: what the bounce's words say.
    pub(crate) fallback_action: Action,
    /// The bounce's `Date`.
    pub(crate) date: Option<&'t Cow<'a, str>>,
}

/// How many recipients get the text searched for their address when the address index does not
/// know it (the text names it inside a longer word): bounded, so that a report listing many
/// recipients stays linear.
const SEARCHED: usize = 64;

/// Every recipient block that names an address or an action, in report order.
pub(crate) fn recipients<'a>(
    report: &DeliveryStatus<'_>,
    context: &Context<'_, 'a>,
) -> Vec<Recipient<'a>> {
    let raw = context.raw;
    let text = context.text.report();
    let per_message = report.per_message();
    let arrival = per_message
        .arrival_date()
        .map(|date| keep_bytes(raw, date.trim_ascii()));
    // The whole text on one line, for the recipients the text has no paragraph about: built
    // once, when the first one needs it.
    let mut whole: Option<String> = None;
    let mut found = Vec::new();
    for (index, recipient) in report.recipients().enumerate() {
        let stated = recipient.action();
        let address = recipient
            .address()
            .map(|address| angle_trimmed(keep_bytes(raw, address)));
        if stated.is_none() && address.as_deref().is_none_or(str::is_empty) {
            // A block with neither an address nor an action is no recipient's.
            continue;
        }
        let address = address.unwrap_or(Cow::Borrowed(""));
        let original_address = recipient
            .original_recipient()
            .map(|original| angle_trimmed(keep_bytes(raw, original.value())))
            .filter(|original| !original.is_empty() && !original.eq_ignore_ascii_case(&address));
        // The text part's paragraph about this address: the command and, when the report has no
        // Diagnostic-Code, the diagnostic.
        let paragraph = if address.is_empty() {
            None
        } else {
            let at = context.mentions.of(&address).or_else(|| {
                (index < SEARCHED)
                    .then(|| find_ignore_case(text, &address))
                    .flatten()
            });
            at.map(|at| paragraph_at(text, at, address.len()))
        };
        let diagnostic_code = recipient.diagnostic_code();
        let mut diagnostic = diagnostic_code.map_or(Cow::Borrowed(""), |code| one_line(raw, code));
        if diagnostic.is_empty() {
            // No Diagnostic-Code: the Status comment, else the text part's paragraph.
            diagnostic = recipient
                .status_comment()
                .map(|comment| squeeze(keep_bytes(raw, comment)))
                .or_else(|| paragraph.clone().map(Cow::Owned))
                .unwrap_or(Cow::Borrowed(""));
        }
        let diagnostic = cap_diagnostic(diagnostic);
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
        let command: Option<Command> = paragraph
            .as_deref()
            .and_then(command_in)
            .or_else(|| context.transcript.command_for(&address))
            .or_else(|| command_in(&diagnostic));
        // Without a paragraph about the address (a Sendmail transcript, say): the whole text.
        let context_text = paragraph
            .unwrap_or_else(|| whole.get_or_insert_with(|| squeeze_truncated(text)).clone());
        let diagnosis = diagnose(
            Some(recipient.diagnose(command)),
            reply_code,
            status,
            command,
            &diagnostic,
            &context_text,
        );
        let date = recipient
            .last_attempt_date()
            .map(|date| keep_bytes(raw, date.trim_ascii()))
            .or_else(|| arrival.clone())
            .or_else(|| context.date.cloned());
        found.push(Recipient {
            address,
            original_address,
            action: stated.unwrap_or(context.fallback_action),
            action_stated: stated.is_some(),
            status,
            reply_code,
            remote_mta: recipient
                .remote_mta()
                .map(|mta| keep_bytes(raw, mta.value()))
                .filter(|mta| !mta.is_empty()),
            command,
            diagnostic,
            context: Cow::Owned(context_text),
            date,
            diagnosis,
            source: Source::Report,
        });
    }
    found
}

/// The first offset of `needle` in `haystack`, any ASCII case.
fn find_ignore_case(haystack: &str, needle: &str) -> Option<usize> {
    if needle.is_empty() || needle.len() > haystack.len() {
        return None;
    }
    let needle = needle.as_bytes();
    let bytes = haystack.as_bytes();
    let last = bytes.len() - needle.len();
    // A match starts where the needle's first byte is (in either case): a character boundary.
    let first = needle[0];
    memchr::memchr2_iter(
        first.to_ascii_lowercase(),
        first.to_ascii_uppercase(),
        bytes,
    )
    .take_while(|&at| at <= last)
    .find(|&at| bytes[at..at + needle.len()].eq_ignore_ascii_case(needle))
}

/// An address as a report field gives it: its first line (a line that cannot start a field is
/// read as a continuation of the one before, so a mangled field after the address would join
/// it), without the `<>` some reports keep around it.
fn angle_trimmed(address: Cow<'_, str>) -> Cow<'_, str> {
    let trim = |text: &str| -> (usize, usize) {
        let line = text.split(['\r', '\n']).next().unwrap_or("");
        let inner = line.trim().trim_matches(|c| c == '<' || c == '>');
        let start = inner.as_ptr().addr() - text.as_ptr().addr();
        (start, start + inner.len())
    };
    let (start, end) = trim(&address);
    if start == 0 && end == address.len() {
        return address;
    }
    match address {
        Cow::Borrowed(text) => Cow::Borrowed(&text[start..end]),
        Cow::Owned(text) => Cow::Owned(text[start..end].to_owned()),
    }
}

/// The reply on one line: its codes once, then each line's text (a folded multi-line reply
/// repeats its codes on every line, and Postfix joins Gmail's `550-5.7.1 a` / `550 5.7.1 b` as
/// `550-5.7.1 a 550 5.7.1 b`). Borrowed from the email when the field is already one line.
fn one_line<'a>(raw: &'a [u8], code: dsn::DiagnosticCode<'_>) -> Cow<'a, str> {
    // The codes and the lines with a space between each, then white space runs made one.
    let mut spaced = String::with_capacity(code.value().len() + 16);
    if let Some(reply) = code.reply_code() {
        let _ = write!(spaced, "{reply} ");
    }
    if let Some(enhanced) = code.enhanced() {
        let _ = write!(spaced, "{enhanced} ");
    }
    for line in code.text_lines() {
        spaced.push_str(&String::from_utf8_lossy(line));
        spaced.push(' ');
    }
    let mut joined = crate::scan::squeeze(&spaced);
    if let (Some(reply), Some(enhanced)) = (code.reply_code(), code.enhanced()) {
        for separator in [' ', '-'] {
            let repeated = format!(" {reply}{separator}{enhanced} ");
            if joined.contains(&repeated) {
                joined = joined.replace(&repeated, " ");
            }
        }
    }
    // The field's value as sent, when it says exactly this.
    let value = keep_bytes(raw, code.value().trim_ascii());
    if *value == *joined {
        return value;
    }
    Cow::Owned(joined)
}
