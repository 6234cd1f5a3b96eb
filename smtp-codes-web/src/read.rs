//! What the pasted bytes look like: a bare code, the start of a reply, a header block, a log
//! line that quotes a reply. Byte-based: the text is never decoded.

use core::fmt::Write;

use smtp_codes::EnhancedCode;

/// Spaces, TABs, CR and LF.
const fn is_space(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t' | b'\r' | b'\n')
}

/// `bytes` without white space (and line ends) at either end.
pub fn trim(bytes: &[u8]) -> &[u8] {
    let start = bytes
        .iter()
        .position(|&byte| !is_space(byte))
        .unwrap_or(bytes.len());
    let end = bytes
        .iter()
        .rposition(|&byte| !is_space(byte))
        .map_or(start, |last| last + 1);
    &bytes[start..end]
}

/// The lines of `bytes`, split at LF, each without its CR.
pub fn lines(bytes: &[u8]) -> impl Iterator<Item = &[u8]> {
    bytes
        .split(|&byte| byte == b'\n')
        .map(|line| line.strip_suffix(b"\r").unwrap_or(line))
}

/// Text for people: UTF-8 as it is, other bytes as `\xNN`.
pub fn shown(bytes: &[u8]) -> String {
    let mut shown = String::with_capacity(bytes.len());
    for chunk in bytes.utf8_chunks() {
        shown.push_str(chunk.valid());
        for byte in chunk.invalid() {
            // Writing to a String cannot fail.
            let _ = write!(shown, "\\x{byte:02x}");
        }
    }
    shown
}

/// Three digits alone: a reply code (`550`), whatever its first digit.
pub fn bare_code(text: &[u8]) -> Option<u16> {
    match *text {
        [a, b, c] if a.is_ascii_digit() && b.is_ascii_digit() && c.is_ascii_digit() => {
            Some(u16::from(a - b'0') * 100 + u16::from(b - b'0') * 10 + u16::from(c - b'0'))
        }
        _ => None,
    }
}

/// An enhanced status code alone: `5.1.1`.
pub fn bare_enhanced(text: &[u8]) -> Option<EnhancedCode> {
    EnhancedCode::parse(text).ok()
}

/// Whether `line` starts as a reply line does: three digits, the first 2 to 5, then a space, a
/// `-` or the end.
pub fn starts_with_reply(line: &[u8]) -> bool {
    matches!(line.first(), Some(b'2'..=b'5')) && starts_with_digits_and_separator(line)
}

/// Whether `line` starts with three digits, then a space, a `-` or the end: a reply line, or one
/// whose code is out of range (`123-First line`).
pub fn starts_with_digits_and_separator(line: &[u8]) -> bool {
    matches!(line, [a, b, c, rest @ ..]
        if a.is_ascii_digit() && b.is_ascii_digit() && c.is_ascii_digit()
            && matches!(rest.first(), None | Some(b' ' | b'-' | b'\r' | b'\n')))
}

/// The name of the header field `line` starts, when it starts one: printable ASCII other than
/// `:` and space, then `:` (RFC 5322 §3.6.8).
pub fn field_name(line: &[u8]) -> Option<&[u8]> {
    let colon = line.iter().position(|&byte| byte == b':')?;
    let name = &line[..colon];
    let valid = !name.is_empty() && name.iter().all(|&byte| byte.is_ascii_graphic());
    valid.then_some(name)
}

/// The fields of a delivery status report (RFC 3464 §2.2, §2.3).
const DSN_FIELDS: &[&str] = &[
    "Reporting-MTA",
    "DSN-Gateway",
    "Received-From-MTA",
    "Arrival-Date",
    "Original-Envelope-Id",
    "Original-Recipient",
    "Final-Recipient",
    "Action",
    "Status",
    "Remote-MTA",
    "Diagnostic-Code",
    "Last-Attempt-Date",
    "Final-Log-ID",
    "Will-Retry-Until",
];

/// Whether `name` is a field of a delivery status report.
pub fn is_dsn_field(name: &[u8]) -> bool {
    DSN_FIELDS
        .iter()
        .any(|field| name.eq_ignore_ascii_case(field.as_bytes()))
}

/// Header fields every email has one of, and that no delivery status report has.
const EMAIL_FIELDS: &[&str] = &[
    "Received",
    "Return-Path",
    "From",
    "To",
    "Subject",
    "Date",
    "Message-ID",
    "MIME-Version",
    "Content-Type",
    "Delivered-To",
    "X-Original-To",
    "Auto-Submitted",
];

/// Whether `text` starts as an email does: an mbox `From ` line, or a header block (fields up to
/// a blank line or the end) with at least one field every email has.
pub fn looks_like_email(text: &[u8]) -> bool {
    let mut lines = lines(text).peekable();
    if lines.peek().is_some_and(|line| line.starts_with(b"From ")) {
        return true;
    }
    let mut known = false;
    for (index, line) in lines.enumerate() {
        if line.is_empty() {
            return known;
        }
        if matches!(line.first(), Some(b' ' | b'\t')) && index > 0 {
            continue;
        }
        let Some(name) = field_name(line) else {
            return false;
        };
        known |= EMAIL_FIELDS
            .iter()
            .any(|field| name.eq_ignore_ascii_case(field.as_bytes()));
    }
    known
}

/// Whether a line of `text` names a `message/delivery-status` part (a pasted bounce body
/// without its headers).
pub fn names_delivery_status_part(text: &[u8]) -> bool {
    lines(text).any(|line| {
        let line = trim(line);
        field_name(line).is_some_and(|name| name.eq_ignore_ascii_case(b"Content-Type"))
            && contains_folded(line, b"message/delivery-status")
    })
}

/// Whether `haystack` contains `needle` (lower case), ignoring ASCII case.
pub fn contains_folded(haystack: &[u8], needle: &[u8]) -> bool {
    find_folded(haystack, needle).is_some()
}

/// Where `haystack` contains `needle` (lower case) first, ignoring ASCII case.
pub fn find_folded(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || haystack.len() < needle.len() {
        return None;
    }
    haystack
        .windows(needle.len())
        .position(|window| window.eq_ignore_ascii_case(needle))
}

/// The logical lines of `text`: a line that starts with white space continues the line before
/// (Postfix and Exim fold the replies they quote), joined by one space; blank lines dropped.
pub fn unfolded_lines(text: &[u8]) -> Vec<Vec<u8>> {
    let mut logical: Vec<Vec<u8>> = Vec::new();
    for line in lines(text) {
        let continues = matches!(line.first(), Some(b' ' | b'\t'));
        let line = trim(line);
        if line.is_empty() {
            continue;
        }
        match logical.last_mut() {
            Some(last) if continues => {
                last.push(b' ');
                last.extend_from_slice(line);
            }
            _ => logical.push(line.to_vec()),
        }
    }
    logical
}

/// The paragraphs of `text` (separated by blank lines), each as its [`unfolded_lines`].
pub fn paragraphs(text: &[u8]) -> Vec<Vec<Vec<u8>>> {
    let mut paragraphs = Vec::new();
    let mut start = 0;
    let mut at = 0;
    for line in text.split_inclusive(|&byte| byte == b'\n') {
        if trim(line).is_empty() {
            paragraphs.push(unfolded_lines(&text[start..at]));
            start = at + line.len();
        }
        at += line.len();
    }
    paragraphs.push(unfolded_lines(&text[start..]));
    paragraphs.retain(|paragraph| !paragraph.is_empty());
    paragraphs
}

/// What comes before a reply that an MTA quotes in its log or bounce text, lower case: Postfix
/// and qmail `said:`, Sendmail's transcript `<<<`, Exchange `returned '`, Exim `[192.0.2.1]:` or
/// `after RCPT TO:<bob@example.com>:`.
const MARKERS: &[&[u8]] = &[b"said:", b"<<<", b"returned '", b"]:", b">:"];

/// Where a reply quoted inside `line` starts: three digits, the first 2 to 5, standing on their
/// own after a space, `:`, `'`, `"`, `(` or `=`, and followed by a space or `-` and more text.
/// With `strict`, only after one of [`MARKERS`] (for whole emails, whose other lines are not
/// replies). The first such place after a marker wins, else the first.
pub fn quoted_reply_start(line: &[u8], strict: bool) -> Option<usize> {
    let candidates = (1..line.len().saturating_sub(4)).filter(|&at| {
        let before = line[at - 1];
        matches!(before, b' ' | b'\t' | b':' | b'\'' | b'"' | b'(' | b'=')
            && starts_with_reply(&line[at..])
            && matches!(line.get(at + 3), Some(b' ' | b'-'))
    });
    let after_marker = |at: &usize| {
        let before = trim(&line[..*at]);
        MARKERS.iter().any(|marker| {
            before.len() >= marker.len()
                && before[before.len() - marker.len()..].eq_ignore_ascii_case(marker)
        })
    };
    let mut first = None;
    for at in candidates {
        if after_marker(&at) {
            return Some(at);
        }
        first.get_or_insert(at);
    }
    if strict {
        None
    } else {
        first
    }
}

/// The reply quoted in `line` from `start`, as one reply line ending in CRLF: Postfix's
/// `(in reply to RCPT TO command)` and the quote Exchange closes it with cut off, and a `550-`
/// that Postfix kept from a flattened multi-line reply read as `550 `.
pub fn quoted_reply(line: &[u8], start: usize) -> Vec<u8> {
    let mut reply = &line[start..];
    if let Some(at) = find_folded(reply, b"(in reply to ") {
        reply = &reply[..at];
    }
    if start > 0 && line[start - 1] == b'\'' {
        if let Some(quote) = reply.iter().rposition(|&byte| byte == b'\'') {
            reply = &reply[..quote];
        }
    }
    let mut wire = trim(reply).to_vec();
    if wire.get(3) == Some(&b'-') {
        wire[3] = b' ';
    }
    wire.extend_from_slice(b"\r\n");
    wire
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_replies_are_found_after_the_markers_mtas_write() {
        // (line, strict, the reply as read); the lines are in the formats the MTAs' sources
        // write, the replies read off them by hand.
        let cases: &[(&str, bool, Option<&str>)] = &[
            (
                "host mx.example.com[192.0.2.1] said: 550 5.1.1 <bob@example.com>: User unknown (in reply to RCPT TO command)",
                true,
                Some("550 5.1.1 <bob@example.com>: User unknown\r\n"),
            ),
            (
                "Remote host said: 554 5.7.1 Blocked - see https://www.spamcop.net/bl.shtml?192.0.2.1",
                true,
                Some("554 5.7.1 Blocked - see https://www.spamcop.net/bl.shtml?192.0.2.1\r\n"),
            ),
            ("<<< 550 5.1.1 <bob@example.com>... User unknown", true, Some("550 5.1.1 <bob@example.com>... User unknown\r\n")),
            (
                "Remote Server returned '550 5.1.1 RESOLVER.ADR.RecipNotFound; not found'",
                true,
                Some("550 5.1.1 RESOLVER.ADR.RecipNotFound; not found\r\n"),
            ),
            (
                "host mx.example.com [192.0.2.1]: 550-5.1.1 No such user 550 5.1.1 Check",
                true,
                Some("550 5.1.1 No such user 550 5.1.1 Check\r\n"),
            ),
            // An IP address, a port and a queue id are not reply codes.
            ("relay=mx.example.com[192.0.2.1]:25, delay=0.5, dsn=5.1.1, stat=Deferred: 421 4.7.0 Try later", false, Some("421 4.7.0 Try later\r\n")),
            ("relay=mx.example.com[192.0.2.1]:25, delay=0.5, dsn=5.1.1, stat=Deferred: 421 4.7.0 Try later", true, None),
            ("Error: 550 mailbox unavailable", false, Some("550 mailbox unavailable\r\n")),
            ("the mailbox 12345 was 550.1 ok", false, None),
        ];
        for &(line, strict, expected) in cases {
            let found = quoted_reply_start(line.as_bytes(), strict)
                .map(|start| String::from_utf8(quoted_reply(line.as_bytes(), start)).unwrap());
            assert_eq!(found.as_deref(), expected, "{line:?} (strict: {strict})");
        }
    }

    #[test]
    fn emails_are_told_from_reports_and_log_lines() {
        let cases: &[(&str, bool)] = &[
            (
                "Return-Path: <>\nReceived: from mx\nSubject: Undelivered\n\nbody",
                true,
            ),
            (
                "From MAILER-DAEMON Thu Jan  1 00:00:00 2026\nSubject: x\n",
                true,
            ),
            // A report's fields are not an email's.
            (
                "Reporting-MTA: dns; mx\n\nFinal-Recipient: rfc822; a@b\n",
                false,
            ),
            // A field name has no space; a log line is not a header block.
            ("Dec  4 15:08:01 mx postfix/smtp[42]: said: 550 no\n", false),
            ("Error: 550 no\n", false),
            // Headers alone.
            ("Subject: x\nFrom: y", true),
            // Fields no email has, then a line that is not a field.
            ("Error: 550 no\nsecond line", false),
        ];
        for &(text, expected) in cases {
            assert_eq!(looks_like_email(text.as_bytes()), expected, "{text:?}");
        }
    }

    #[test]
    fn folded_lines_are_joined() {
        let text = b"<bob@example.com>: host mx said: 550 5.1.1\n    User unknown (in reply to RCPT TO\n    command)\n\nnext\n";
        let lines = unfolded_lines(text);
        assert_eq!(
            lines,
            [
                b"<bob@example.com>: host mx said: 550 5.1.1 User unknown (in reply to RCPT TO command)".to_vec(),
                b"next".to_vec()
            ]
        );
    }

    #[test]
    fn paragraphs_are_split_at_blank_lines() {
        let text = b"<a@b>:\n192.0.2.1 does not like recipient.\nRemote host said: 550 no\n\n \n<c@d>:\n  folded\n";
        assert_eq!(
            paragraphs(text),
            [
                vec![
                    b"<a@b>:".to_vec(),
                    b"192.0.2.1 does not like recipient.".to_vec(),
                    b"Remote host said: 550 no".to_vec()
                ],
                vec![b"<c@d>: folded".to_vec()],
            ]
        );
    }

    #[test]
    fn shown_escapes_bytes_that_are_not_utf8() {
        assert_eq!(shown(b"Bo\xeete pleine"), "Bo\\xeete pleine");
        assert_eq!(shown("boîte".as_bytes()), "boîte");
    }
}
