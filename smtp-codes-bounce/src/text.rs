//! The words of a bounce written for people: its text part, where the returned message starts
//! in it, and the recipients a text names, read with general patterns (not one per server).

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use mail_parser::{MessagePart, MimeHeaders, PartType};
use smtp_codes::dsn::DeliveryStatus;

use crate::keep::{keep, keep_bytes};
use crate::mime::Mime;
use crate::scan::{addresses, squeeze};

/// The longest diagnostic or context kept, in bytes.
pub(crate) const MAX_CONTEXT: usize = 1000;

/// The longest diagnostic a report's `Diagnostic-Code` or `Status` comment, or an Amazon SES
/// notification's `diagnosticCode`, gives a recipient, in bytes: a longer one is cut.
pub(crate) const MAX_DIAGNOSTIC: usize = 4096;

/// At most [`MAX_DIAGNOSTIC`] bytes of `text`, cut at a character boundary (still borrowed when
/// it was).
pub(crate) fn cap_diagnostic(text: Cow<'_, str>) -> Cow<'_, str> {
    if text.len() <= MAX_DIAGNOSTIC {
        return text;
    }
    let end = floor_char(&text, MAX_DIAGNOSTIC);
    match text {
        Cow::Borrowed(text) => Cow::Borrowed(&text[..end]),
        Cow::Owned(mut text) => {
            text.truncate(end);
            Cow::Owned(text)
        }
    }
}

/// How the lines that introduce the returned message begin, lower case, once leading white space
/// and separator punctuation (`-`, `=`, `*`, `_`) are dropped: what follows is the original
/// email, not the report. qmail's `--- Below this line is a copy of the message.`
/// (`qmail-send.c`), Exim's `------ This is a copy of the message, including all the headers.`
/// (`deliver.c`), Sendmail's `----- Original message follows -----` and `----- Unsent message
/// follows -----` (`savemail.c`), Exchange's `Original message headers:`, Gmail's `-----
/// Original message -----`, the `DragonFly` Mail Agent's `Original message follows.` and `Message
/// headers follow.` ("The original message was received at" is Sendmail's report, not this.)
pub(crate) const RETURNED_MESSAGE: &[&str] = &[
    "this is a copy of",
    "below this line is a copy",
    "below this line is the original",
    "below is a copy",
    "enclosed is a copy",
    "included is a copy",
    "original message",
    "the original message follows",
    "the header of the original message",
    "returned message",
    "message headers follow",
    "unsent message below",
    "unsent message follows",
];

/// A bounce's text part, and where the returned message starts in it.
#[derive(Debug, Clone)]
pub(crate) struct ReportText<'a> {
    pub(crate) full: Cow<'a, str>,
    pub(crate) end: usize,
}

impl ReportText<'_> {
    /// The report: the text up to the returned message.
    pub(crate) fn report(&self) -> &str {
        &self.full[..self.end]
    }

    /// The returned message in the text (after its introducing line), when there is one.
    pub(crate) fn returned(&self) -> &str {
        let rest = &self.full[self.end..];
        match rest.find('\n') {
            Some(lf) => &rest[lf + 1..],
            None => "",
        }
    }
}

/// The human-readable report of `message`: its first `text/plain` body (else the first HTML
/// body, tags dropped), else the raw body when no part could be read; cut before the returned
/// message.
pub(crate) fn report_text<'a>(mime: &Mime<'_>, raw: &'a [u8]) -> ReportText<'a> {
    let message = match mime {
        Mime::Parsed(message) => message,
        Mime::Parts(parts) => {
            // The first part, a `text/plain` one with words in it (see `Parts::read`).
            let full = keep(raw, &parts.text);
            let end = returned_at(&full);
            return ReportText { full, end };
        }
    };
    // A multipart cut before its last part (see `mime`) has no closing delimiter, and then the
    // parser lists no body parts: the first text part is taken in order.
    let plain = message
        .text_bodies()
        .find(|part| !part.is_text_html())
        .or_else(|| {
            message
                .parts
                .iter()
                .find(|part| matches!(part.body, PartType::Text(_)) && !is_attachment(part))
        })
        .and_then(|part| part.text_contents());
    let full = match plain {
        Some(text) if !text.trim().is_empty() => keep(raw, text),
        _ => match message
            .html_bodies()
            .next()
            .or_else(|| {
                message
                    .parts
                    .iter()
                    .find(|part| matches!(part.body, PartType::Html(_)) && !is_attachment(part))
            })
            .and_then(|part| part.text_contents())
        {
            Some(html) if !html.trim().is_empty() => Cow::Owned(strip_tags(html)),
            _ => {
                // No readable part (a MIME structure whose boundaries do not match): the body
                // as sent.
                let body = message
                    .raw_message()
                    .get(message.root_part().offset_body as usize..)
                    .unwrap_or_default();
                keep_bytes(raw, body)
            }
        },
    };
    let end = returned_at(&full);
    ReportText { full, end }
}

/// Whether a part is an attachment (`Content-Disposition: attachment`), not a body.
fn is_attachment(part: &MessagePart<'_>) -> bool {
    part.content_disposition()
        .is_some_and(mail_parser::ContentType::is_attachment)
}

/// HTML as text: tags dropped (each leaves a space), the common entities decoded.
pub(crate) fn strip_tags(html: &str) -> String {
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
    if !text.contains('&') {
        return text;
    }
    text.replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
}

/// Where the returned message starts in `text`: the first line that begins with a
/// [`RETURNED_MESSAGE`] phrase, or that starts a header block of the original (`Received:`,
/// `Return-Path:`); the text's length when none does.
pub(crate) fn returned_at(text: &str) -> usize {
    // The first letters of the markers and of the two header names: a line that starts with no
    // other letter is passed over without comparing.
    const FIRST: &[u8] = b"tbeiormu";
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let bare = match line.as_bytes().first() {
            Some(&b) if b.is_ascii() && !b.is_ascii_whitespace() && !b"-=*_".contains(&b) => line,
            _ => line.trim_start_matches(|c: char| c.is_whitespace() || "-=*_".contains(c)),
        };
        if !bare
            .as_bytes()
            .first()
            .is_some_and(|b| FIRST.contains(&b.to_ascii_lowercase()))
        {
            at += line.len();
            continue;
        }
        let starts = |prefix: &str| {
            bare.get(..prefix.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
        };
        let header = |name: &str| {
            line.get(..name.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(name))
        };
        if RETURNED_MESSAGE.iter().any(|marker| starts(marker))
            || header("received: ")
            || header("return-path: ")
        {
            return at;
        }
        at += line.len();
    }
    text.len()
}

/// A delivery status report written into the text (Amazon `WorkMail`'s "Technical report:", or a
/// report part whose MIME boundary does not match and so reads as text): the fields from the
/// first line that starts with `Reporting-MTA:`, `Final-Recipient:` or `Original-Recipient:`,
/// when a recipient block there names an address and an `Action` or a `Status`.
pub(crate) fn inline_report(text: &str) -> Option<DeliveryStatus<'_>> {
    let mut at = 0;
    let mut start = None;
    for line in text.split_inclusive('\n') {
        let starts = |name: &str| {
            line.get(..name.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(name))
        };
        if starts("reporting-mta:") || starts("final-recipient:") || starts("original-recipient:") {
            start = Some(at);
            break;
        }
        at += line.len();
    }
    let report = DeliveryStatus::parse_prefix(&text.as_bytes()[start?..])
        .ok()?
        .report;
    report
        .recipients()
        .any(|recipient| {
            recipient
                .address()
                .is_some_and(|address| !address.is_empty())
                && (recipient.action().is_some() || recipient.status().is_some())
        })
        .then_some(report)
}

/// Header fields that quote the returned message (its sender, its own recipients, its ids), lower
/// case: an address on such a line is not a failed recipient.
pub(crate) const QUOTED_HEADERS: &[&str] = &[
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

/// Whether the address at `offset`, on the line starting at `line_start`, is on a line that
/// quotes the returned message's header, or in Exim's `(generated from <alias>)` note, or is the
/// envelope sender of a `Received:` line: not a failed recipient.
fn about_the_returned_message(text: &str, line_start: usize, offset: usize) -> bool {
    let before = text[line_start..offset].trim_start();
    let starts = |prefix: &str| {
        before
            .get(..prefix.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
    };
    let ends = |suffix: &str| {
        before.len() >= suffix.len()
            && before
                .get(before.len() - suffix.len()..)
                .is_some_and(|tail| tail.eq_ignore_ascii_case(suffix))
    };
    QUOTED_HEADERS.iter().any(|name| starts(name))
        || ends("(generated from ")
        || ends("generated by ")
        || ends("envelope-from <")
        || ends("envelope-from ")
}

/// One address a text names as a recipient: where it first appears, and the words about it.
#[derive(Debug, Clone)]
pub(crate) struct Mention<'t> {
    pub(crate) at: usize,
    pub(crate) address: &'t str,
    pub(crate) diagnostic: String,
}

/// The recipients of a bounce without a report, from its text, with general patterns:
///
/// - the recipients are the addresses the text names, in order of first mention, except the
///   bounce's own (`own`: its `From`, `To`, `Reply-To`, `Sender`), `postmaster` and
///   `mailer-daemon`, and those on lines that quote the returned message's header
///   ([`QUOTED_HEADERS`]);
/// - a recipient's diagnostic is the text from the line that first names it to the line that
///   first names the next one (at most [`MAX_CONTEXT`] bytes), which covers qmail's `<address>:`
///   paragraphs, Exim's indented address and its `SMTP error from remote mail server after RCPT
///   TO:<x>: host ...: 550 ...`, Sendmail's transcript lines, Exchange's `address on date`
///   blocks and the providers' "delivery to the following recipient failed" paragraphs.
pub(crate) fn mentions<'t>(text: &'t str, own: &HashSet<String>) -> Vec<Mention<'t>> {
    let mut found: Vec<(usize, &'t str)> = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    let mut line_start = 0;
    let mut scanned = 0;
    for (offset, address) in addresses(text) {
        // The start of the address's line, found incrementally (each byte read once).
        if let Some(lf) = text[scanned..offset].rfind('\n') {
            line_start = scanned + lf + 1;
        }
        scanned = offset;
        let lower = address.to_ascii_lowercase();
        let local = lower.split('@').next().unwrap_or("");
        if own.contains(&lower)
            || matches!(local, "postmaster" | "mailer-daemon" | "mailer_daemon")
            || about_the_returned_message(text, line_start, offset)
            || seen.contains(&lower)
        {
            continue;
        }
        seen.insert(lower);
        found.push((offset, address));
    }
    let mut mentions = Vec::with_capacity(found.len());
    for (index, &(at, address)) in found.iter().enumerate() {
        let start = line_of(text, at);
        let end = found
            .get(index + 1)
            .map_or(text.len(), |&(next, _)| line_of(text, next).max(at));
        mentions.push(Mention {
            at,
            address,
            diagnostic: squeeze_truncated(&text[start..end]),
        });
    }
    mentions
}

/// Where the line holding `offset` starts.
pub(crate) fn line_of(text: &str, offset: usize) -> usize {
    // Lines of a bounce are short; a line longer than this is searched no further back (a
    // context is at most a thousand bytes anyway).
    let floor = offset.saturating_sub(4 * MAX_CONTEXT);
    let floor = (floor..=offset)
        .find(|&at| text.is_char_boundary(at))
        .unwrap_or(offset);
    text[floor..offset]
        .rfind('\n')
        .map_or(floor, |lf| floor + lf + 1)
}

/// `text` on one line, at most [`MAX_CONTEXT`] bytes; only the first bytes of a long text are
/// read.
pub(crate) fn squeeze_truncated(text: &str) -> String {
    truncate(squeeze(
        &text[..floor_char(text, text.len().min(4 * MAX_CONTEXT))],
    ))
}

/// At most [`MAX_CONTEXT`] bytes of `text`, cut at a character boundary.
pub(crate) fn truncate(mut text: String) -> String {
    if text.len() > MAX_CONTEXT {
        let mut end = MAX_CONTEXT;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        text.truncate(end);
    }
    text
}

/// Where each address is first named in a text, read once: the paragraph about a report's
/// recipient is found without searching the text again.
#[derive(Debug, Default)]
pub(crate) struct FirstMentions {
    first: HashMap<String, usize>,
}

impl FirstMentions {
    pub(crate) fn read(text: &str) -> FirstMentions {
        let mut first = HashMap::new();
        for (offset, address) in addresses(text) {
            if first.len() >= 4096 {
                break;
            }
            first.entry(address.to_ascii_lowercase()).or_insert(offset);
        }
        FirstMentions { first }
    }

    /// Where `address` (any case, `<>` trimmed) is first named.
    pub(crate) fn of(&self, address: &str) -> Option<usize> {
        let address = address.trim_matches(|c| c == '<' || c == '>');
        self.first.get(&address.to_ascii_lowercase()).copied()
    }
}

/// The paragraph of `text` from the line that names an address at `offset` (up to a blank line,
/// or [`MAX_CONTEXT`] bytes), on one line. A paragraph that is only the address (Exim, Gmail)
/// takes the next one too.
pub(crate) fn paragraph_at(text: &str, offset: usize, address_len: usize) -> String {
    let start = line_of(text, offset);
    let rest = &text[start..];
    let end = paragraph_end(rest);
    // The paragraph as `squeeze_truncated` reads it: its first bytes, cut at a character.
    let paragraph = squeeze(&rest[..floor_char(rest, end.min(4 * MAX_CONTEXT))]);
    if paragraph.len() > address_len + 2 {
        return truncate(paragraph);
    }
    let after = &rest[end..];
    let skipped = after.len() - after.trim_start().len();
    squeeze_truncated(&rest[..end + skipped + paragraph_end(&after[skipped..])])
}

/// `at`, or the character boundary of `text` before it.
fn floor_char(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Where the paragraph at the start of `text` ends: its first blank line, else the end.
fn paragraph_end(text: &str) -> usize {
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        if at > 0 && line.trim().is_empty() {
            return at;
        }
        at += line.len();
        if at > 4 * MAX_CONTEXT {
            break;
        }
    }
    at.min(text.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_returned_message_is_cut() {
        let cases: &[(&str, usize)] = &[
            (
                "report\n--- Below this line is a copy of the message.\n\nReturn-Path: <a@b>\n",
                7,
            ),
            (
                "report\n------ This is a copy of the message, including all the headers. ------\n",
                7,
            ),
            ("report\nReceived: from x\n", 7),
            ("The original message was received at Mon\nfrom x\n", 48),
            ("   ----- Original message follows -----\n", 0),
            ("no marker", 9),
        ];
        for &(text, want) in cases {
            assert_eq!(returned_at(text), want, "{text:?}");
        }
    }

    #[test]
    fn mentions_skip_own_and_quoted_addresses() {
        let text = "<bob@example.com>:\n550 no such user\n\
                    To: carol@example.com\n\
                    postmaster@example.org\n\
                    <dave@example.net>:\n(generated from eve@example.net)\n552 full\n\
                    alice@example.org wrote\n";
        let own = HashSet::from(["alice@example.org".to_string()]);
        let found = mentions(text, &own);
        let addresses: Vec<&str> = found.iter().map(|mention| mention.address).collect();
        assert_eq!(addresses, ["bob@example.com", "dave@example.net"]);
        assert!(found[0].diagnostic.contains("550 no such user"));
        assert!(!found[0].diagnostic.contains("552"));
        assert!(found[1].diagnostic.contains("552 full"));
    }

    #[test]
    fn paragraphs_about_an_address() {
        let text = "intro\n\n  bob@example.com\n\n    host said: 550 unknown\n\nbye\n";
        let mentions = FirstMentions::read(text);
        let at = mentions.of("<BOB@example.com>").unwrap();
        assert_eq!(
            paragraph_at(text, at, 15),
            "bob@example.com host said: 550 unknown"
        );
    }

    #[test]
    fn a_report_written_into_the_text() {
        let text =
            "An error occurred while trying to deliver the mail to the following recipients:\n\
                    bob@example.com\n\nTechnical report:\n\nReporting-MTA: dsn; a.example\n\
                    Action: failed\nFinal-Recipient: rfc822; bob@example.com\n\
                    Diagnostic-Code: smtp; 550 5.1.1 unknown\nStatus: 5.1.1\n";
        let report = inline_report(text).unwrap();
        let bob = report.recipients().next().unwrap();
        assert_eq!(bob.address(), Some(&b"bob@example.com"[..]));
        assert_eq!(bob.action(), Some(smtp_codes::dsn::Action::Failed));
        assert!(inline_report("Final-Recipient: you\nno action\n").is_none());
        assert!(inline_report("nothing here").is_none());
    }

    #[test]
    fn html_is_read_as_text() {
        assert_eq!(
            strip_tags("<p>550&nbsp;5.1.1 &lt;a@b&gt;</p>"),
            " 550 5.1.1 <a@b> "
        );
    }
}
